"""``python -m dashboard event show|edit|split|delete|undo`` and ``migrate`` as a user runs them."""

from __future__ import annotations

import csv
import io
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.store import Store
from tests.factories import two_reports, version_1_store

REPO = Path(__file__).resolve().parent.parent
SEED_000 = REPO / "seeds" / "000_3d49d55cc31c0628.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def one_error(err: str) -> str:
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and "Traceback" not in err
    return err.strip()


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store holding seed 000's strike, loaded by "ann"."""
    path = tmp_path / "s.sqlite"
    status, _, _ = run(capsys, "load", str(SEED_000), "--store", str(path), "--analyst", "ann")
    assert status == 0
    return path


def stored_id(path: Path) -> str:
    with Store(path) as opened:
        (only,) = opened.events()
    return only.id


def exported(capsys: pytest.CaptureFixture[str], path: Path) -> list[dict[str, str]]:
    status, out, _ = run(capsys, "export", "--store", str(path))
    assert status == 0
    return list(csv.DictReader(io.StringIO(out)))


def test_show_gives_every_field_the_sources_and_the_history(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event_id = stored_id(store)
    status, out, _ = run(capsys, "event", "show", event_id, "--store", str(store))
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", event_id]
    for field in ("date", "place", "region", "target type", "weapon", "outcome"):
        assert any(line.startswith(field + " ") for line in lines), field
    assert any(line.startswith("from the front line ") and " km " in line for line in lines)
    assert "sources (1)" in lines
    assert any("“The Wednesday attack hit the Russian port city of Kaspiysk" in ln for ln in lines)
    assert lines[-2] == "history (1)"
    assert lines[-1].endswith("UTC  ann  created: from article " + stored_article(store))


def stored_article(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        (article_id,) = db.execute("SELECT article_id FROM articles").fetchone()
    return str(article_id)


def test_edit_changes_the_export_and_is_in_the_history(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event_id = stored_id(store)
    before = exported(capsys, store)[0]
    status, out, _ = run(
        capsys,
        "event", "edit", event_id, "--store", str(store), "--date", "2024-11-05",
        "--place", "Makhachkala", "--target-type", "military", "--weapon", "missile",
        "--outcome", "hit", "--analyst", "bob",
    )  # fmt: skip
    assert status == 0
    assert out.startswith(f"event {event_id} edited by bob: date: 2024-11-06 → 2024-11-05;")
    after = exported(capsys, store)[0]
    assert (after["id"], after["date"], after["place"]) == (event_id, "2024-11-05", "Makhachkala")
    assert (after["target_type"], after["weapon"], after["outcome"]) == (
        "military",
        "missile",
        "hit",
    )
    assert after["distance_to_front_km"] != before["distance_to_front_km"]
    _, shown, _ = run(capsys, "event", "show", event_id, "--store", str(store))
    assert "UTC  bob  edited: date: 2024-11-06 → 2024-11-05;" in shown
    status, out, _ = run(capsys, "event", "undo", event_id, "--store", str(store))
    assert status == 0 and out.startswith(f"event {event_id}: undid #")
    assert exported(capsys, store)[0] == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target-type", "tank"], "error: unknown target type 'tank' (one of: naval, airbase,"),
        (["--weapon", "laser"], "error: unknown weapon 'laser' (one of: aerial_drone,"),
        (["--date", "5 May"], "error: not a date (expected YYYY-MM-DD): '5 May'"),
        (["--lat", "north", "--lon", "3"], "error: --lat 'north' is not a number"),
        (["--lat", "44"], "error: give the latitude and the longitude together"),
        (["--place", "Nowhereville"], "error: no place called 'Nowhereville' in the gazetteer"),
    ],
)
def test_a_bad_value_is_one_line_and_changes_nothing(
    store: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    event_id = stored_id(store)
    before = exported(capsys, store)
    status, out, err = run(capsys, "event", "edit", event_id, "--store", str(store), *args)
    assert status == 2 and out == ""
    assert one_error(err).startswith(message)
    assert exported(capsys, store) == before


@pytest.mark.parametrize("action", ["show", "edit", "split", "delete", "undo"])
def test_an_unknown_id_is_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], action: str
) -> None:
    extra = ["--yes"] if action == "delete" else []
    status, out, err = run(capsys, "event", action, "nope", "--store", str(store), *extra)
    assert status == 2 and out == ""
    assert one_error(err) == (
        "error: event nope has no recorded change to undo"
        if action == "undo"
        else "error: there is no event nope in the store s.sqlite"
    )


def test_delete_asks_first_or_wants_yes(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event_id = stored_id(store)
    status, _, err = run(capsys, "event", "delete", event_id, "--store", str(store))
    assert status == 2 and "give --yes to delete" in one_error(err)
    assert len(exported(capsys, store)) == 1
    status, out, _ = run(
        capsys, "event", "delete", event_id, "--store", str(store), "--yes", "--analyst", "cy"
    )
    assert status == 0 and f"deleted by cy; event undo {event_id} brings it back" in out
    assert exported(capsys, store) == []
    status, out, _ = run(capsys, "event", "show", event_id, "--store", str(store))
    assert status == 0 and out.startswith(f"event {event_id}: deleted")
    assert out.rstrip().endswith("cy  deleted")
    status, _, err = run(capsys, "event", "edit", event_id, "--store", str(store), "--weapon", "x")
    assert status == 2 and f"event {event_id} was deleted" in one_error(err)


def test_split_makes_an_event_per_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.sqlite"
    one, two, town, port = two_reports()
    with Store(path) as opened:
        opened.save_article(one, [town])
        (merged_id,) = opened.save_article(two, [port]).merged
    status, out, _ = run(capsys, "event", "split", merged_id, "--store", str(path))
    assert status == 0
    assert out.splitlines()[0] == f"event {merged_id} split into 2 events:"
    rows = exported(capsys, path)
    assert sorted(row["place"] for row in rows) == ["Kaspiysk", "Kaspiysk port"]
    assert all(row["source_count"] == "1" for row in rows)


def test_migrate_brings_an_older_store_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.sqlite"
    version_1_store(path, [])
    status, _, err = run(capsys, "export", "--store", str(path))
    assert status == 2
    assert one_error(err) == (
        "error: the store s.sqlite is of an older schema (version 1; this strikemap needs 3): "
        "bring it up to date with python -m dashboard migrate "
        "(with the same --store or STRIKEMAP_STORE)"
    )
    status, out, _ = run(capsys, "migrate", "--store", str(path))
    assert status == 0
    assert (
        out
        == "the store s.sqlite was brought from schema version 1 to 3; nothing stored was changed\n"
    )
    status, out, _ = run(capsys, "migrate", "--store", str(path))
    assert out == "the store s.sqlite is up to date (schema version 3)\n"
    assert run(capsys, "export", "--store", str(path))[0] == 0
