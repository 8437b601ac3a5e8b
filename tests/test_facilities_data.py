"""The facility gazetteer a user's map points come from: valid, large and varied enough."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_facilities.py"
DATA = ROOT / "data" / "facilities.csv"
REQUIRED_TYPES = (
    "airbase",
    "oil",
    "naval",
    "ammunition",
    "defense_industry",
    "transport",
    "power",
)
# Sites whose position could not be established from a public source are left out; the floor
# is the count the file reached, so it catches a truncated or emptied file.
MIN_ROWS = 428
HEADER = "name,aliases,lat,lon,target_type,town,admin1,country,occupied,note"
GOOD_ROW = (
    "Engels-2 air base,Engels-2|Engels airfield,51.481,46.211,airbase,Engels,"
    'Saratov Oblast,RU,false,"Wikipedia: Engels-2"'
)


@pytest.fixture(scope="module")
def checker() -> ModuleType:
    """The validation script, imported by path (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location("check_facilities", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "facilities.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_shipped_gazetteer_has_no_problems(checker: ModuleType) -> None:
    assert checker.validate(DATA) == []


def test_shipped_gazetteer_is_large_and_covers_every_main_target_type(
    checker: ModuleType,
) -> None:
    _, rows = checker.load_rows(DATA)
    counts = checker.counts_by_type(rows)
    assert len(rows) >= MIN_ROWS
    missing = [t for t in REQUIRED_TYPES if counts[t] == 0]
    assert missing == []


def test_crimea_sites_are_occupied_ukraine(checker: ModuleType) -> None:
    _, rows = checker.load_rows(DATA)
    crimea = [r for r in rows if r["admin1"] in ("Crimea", "Sevastopol")]
    assert crimea
    assert {(r["country"], r["occupied"]) for r in crimea} == {("UA", "true")}


def test_a_valid_file_passes_and_prints_counts(
    checker: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, HEADER, GOOD_ROW)
    assert checker.main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "airbase" in out and "total" in out


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        (GOOD_ROW.replace(",airbase,", ",bunker,"), "unknown target_type"),
        (GOOD_ROW.replace("51.481", "51.5"), "3+ decimals"),
        (GOOD_ROW.replace("46.211", "12.211"), "outside"),
        (GOOD_ROW.replace(",RU,false,", ",UA,false,"), "must be occupied"),
        (GOOD_ROW.replace(",RU,false,", ",RU,true,"), "cannot be occupied"),
        (GOOD_ROW.replace("Engels-2|", "Engels|"), "bare town name"),
        (GOOD_ROW.replace("Saratov Oblast", "Crimea"), "Crimea and Sevastopol are UA"),
    ],
)
def test_a_bad_row_is_reported(
    checker: ModuleType, tmp_path: Path, row: str, fragment: str
) -> None:
    problems = checker.validate(_write(tmp_path, HEADER, row))
    assert any(fragment in p for p in problems), problems


def test_an_alias_shared_by_two_sites_is_reported(checker: ModuleType, tmp_path: Path) -> None:
    other = (
        "Saky air base,Saki airfield|Engels airfield,45.091,33.599,airbase,Novofedorivka,"
        'Crimea,UA,true,"OurAirports UKFI"'
    )
    problems = checker.validate(_write(tmp_path, HEADER, GOOD_ROW, other))
    assert any("'engels airfield' names both" in p for p in problems), problems


def test_a_wrong_header_fails_the_command(
    checker: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, HEADER.replace("target_type", "type"), GOOD_ROW)
    assert checker.main([str(path)]) == 1
    assert "header" in capsys.readouterr().err
