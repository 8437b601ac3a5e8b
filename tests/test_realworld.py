"""The real-report development set: its answers are well formed and it has the make-up that
issue 10 asks for. Its texts are not in git, so nothing here needs them."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dashboard.evaluate import SPLITS, answer_files
from dashboard.model import OUTCOMES, TARGET_TYPES, WEAPONS

REALWORLD = Path(__file__).resolve().parent / "realworld"
ANSWERS = answer_files(REALWORLD)


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", ANSWERS, ids=[p.stem for p in ANSWERS])
def test_each_answer_file_says_where_the_report_is_and_what_it_holds(path: Path) -> None:
    data = _load(path)
    assert data["url"].startswith(("http://", "https://"))
    assert data["outlet"] and data["query"]
    published = date.fromisoformat(data["published"])
    assert date(2022, 1, 1) <= published <= date(2026, 12, 31)
    for event in data["events"]:
        assert event["target_type"] in TARGET_TYPES
        assert event["weapon"] in WEAPONS
        assert event["outcome"] in OUTCOMES and event["outcome"] != "intercepted"
        assert event["date_precision"] in ("day", "month", "year")
        assert date.fromisoformat(event["date"]) <= published + timedelta(days=1)
        assert isinstance(event["background"], bool)
        if event["geo_precision"] < 4:
            assert 40.0 <= event["lat"] <= 75.0 and 19.0 <= event["lon"] <= 180.0
    if "negative" in data["kinds"]:
        assert not data["events"], "a negative report holds no strike"


def test_the_set_has_the_make_up_of_a_real_readership() -> None:
    answers = [_load(p) for p in ANSWERS]
    kinds = Counter(kind for a in answers for kind in a["kinds"])
    assert len(answers) >= 150
    assert len({a["outlet"].casefold() for a in answers}) >= 40
    assert kinds["roundup"] >= 20
    assert kinds["russian_side"] >= 15
    assert kinds["negative"] >= 25
    assert sum(1 for a in answers if {"translated", "small_outlet"} & set(a["kinds"])) >= 15
    assert {int(a["published"][:4]) for a in answers} >= {2022, 2023, 2024, 2025, 2026}
    assert len({a["url"] for a in answers}) == len(answers)


def test_every_report_is_in_one_split_two_thirds_of_them_in_study() -> None:
    splits = json.loads((REALWORLD / SPLITS).read_text())
    assert set(splits) == {p.stem for p in ANSWERS}
    study = sum(1 for s in splits.values() if s == "study")
    assert set(splits.values()) == {"study", "check"}
    assert 0.6 <= study / len(splits) <= 0.72


def test_the_reports_texts_stay_out_of_git() -> None:
    ignored = (REALWORLD.parent.parent / ".gitignore").read_text().splitlines()
    # Without a trailing slash: a link in the folder's place (a worktree's) is ignored too.
    assert "tests/realworld/texts" in ignored


def _texts_script() -> ModuleType:
    """``scripts/realworld_texts.py``, imported by path (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location(
        "realworld_texts", REALWORLD.parent.parent / "scripts" / "realworld_texts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_report_has_the_hash_of_its_text_recorded() -> None:
    recorded = _texts_script().recorded_hashes(REALWORLD)
    assert set(recorded) == {path.stem for path in ANSWERS}
    assert all(len(digest) == 64 for digest in recorded.values())


def test_a_text_brought_back_other_than_it_was_answered_is_reported(tmp_path: Path) -> None:
    script = _texts_script()
    (tmp_path / "texts").mkdir()
    for name in ("001_a", "002_b"):
        (tmp_path / f"{name}.json").write_text(
            json.dumps({"url": f"https://example.org/{name}", "query": "q", "events": []}),
            encoding="utf-8",
        )
        (tmp_path / "texts" / f"{name}.txt").write_text(f"Text of {name}.\n", encoding="utf-8")
    assert script.record_hashes(tmp_path) == 2
    assert script.differing_texts(tmp_path) == []
    # One space lost in copying, one text not yet brought back.
    (tmp_path / "texts" / "001_a.txt").write_text("Text of  001_a.\n", encoding="utf-8")
    (tmp_path / "texts" / "002_b.txt").unlink()
    assert script.differing_texts(tmp_path) == ["001_a"]
    assert [m["name"] for m in script.missing_texts(tmp_path)] == ["002_b"]


def test_the_missing_texts_are_listed_by_query_most_reports_first(tmp_path: Path) -> None:
    # One look-up of a query shared by two reports may bring both back.
    for name, query in (("001_a", "ports"), ("002_b", "refineries"), ("003_c", "refineries")):
        (tmp_path / f"{name}.json").write_text(
            json.dumps({"url": f"https://example.org/{name}", "query": query, "events": []}),
            encoding="utf-8",
        )
    script = _texts_script()
    assert script.queries_to_run(script.missing_texts(tmp_path)) == [
        ("refineries", ["002_b", "003_c"]),
        ("ports", ["001_a"]),
    ]
