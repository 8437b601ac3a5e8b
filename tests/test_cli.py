"""The command line as a user runs it: JSON, CSV and GeoJSON out, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from dashboard import loader as loader_module
from dashboard.articles import Article, read_article
from dashboard.cli import main
from dashboard.geo.geometry import geodesic_distance_km
from dashboard.model import Event
from dashboard.store import Store
from dashboard.store import sqlite as store_module
from tests.factories import event, spoil_row
from tests.hostile import assert_inert_csv, hostile_events

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_000 = SEEDS / "000_3d49d55cc31c0628.txt"
REQUIRED_KEYS = {
    "date",
    "date_precision",
    "place",
    "admin1",
    "country",
    "lat",
    "lon",
    "geo_precision",
    "target_type",
    "weapon",
    "distance_to_front_km",
    "distance_to_border_km",
    "quote",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_extract_seed_000_prints_kaspiysk_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", str(SEED_000))
    assert status == 0
    (event,) = json.loads(out)
    assert event.keys() >= REQUIRED_KEYS
    assert (event["date"], event["target_type"], event["weapon"]) == (
        "2024-11-06",
        "naval",
        "aerial_drone",
    )
    assert event["place"].startswith("Kaspiysk")
    assert geodesic_distance_km(event["lat"], event["lon"], 42.88, 47.64) < 10
    assert event["admin1"] == "Dagestan" and event["country"] == "RU"
    assert 930 <= event["distance_to_front_km"] <= 1010
    assert event["distance_to_border_km"] > 500


def test_extract_needs_a_publication_date_for_unknown_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Drones hit the Tuapse refinery on Friday.", encoding="utf-8")
    status, out, err = run(capsys, "extract", str(article))
    assert status == 2 and out == "" and "--published" in err and len(err.splitlines()) == 1
    status, out, _ = run(capsys, "extract", str(article), "--published", "2024-05-18")
    (event,) = json.loads(out)
    assert (event["date"], event["place"], event["target_type"], event["geo_precision"]) == (
        "2024-05-17",
        "Tuapse refinery",
        "oil",
        1,
    )


def test_load_then_export_holds_kaspiysk_once_with_two_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "s.sqlite")
    status, out, _ = run(capsys, "load", str(SEEDS), "--store", store)
    assert status == 0 and "3 articles" in out
    status, again, _ = run(capsys, "load", str(SEEDS), "--store", store)
    assert again.count("already loaded") == 3 and "0 events added" in again
    status, out, _ = run(capsys, "export", "--format", "csv", "--store", store)
    rows = list(csv.DictReader(io.StringIO(out)))
    kaspiysk = [r for r in rows if r["place"].startswith("Kaspiysk")]
    assert len(kaspiysk) == 1 and kaspiysk[0]["source_count"] == "2"
    seed_ids = {read_article(p).id for p in sorted(SEEDS.glob("00[01]_*.txt"))}
    assert {s["article_id"] for s in json.loads(kaspiysk[0]["sources_json"])} == seed_ids
    assert "Business Insider" in kaspiysk[0]["outlets"]


def test_export_filters_and_geojson(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "s.sqlite")
    run(capsys, "load", str(SEEDS), "--store", store)
    _, out, _ = run(
        capsys,
        "export",
        "--format",
        "geojson",
        "--since",
        "2023-07-01",
        "--until",
        "2023-12-31",
        "--store",
        store,
    )
    features = json.loads(out)["features"]
    assert features and all(
        "2023-07-01" <= f["properties"]["date"] <= "2023-12-31" for f in features
    )
    _, out, _ = run(capsys, "export", "--target-type", "naval", "--store", store)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {r["target_type"] for r in rows} == {"naval"}


def test_exported_csv_of_hostile_text_is_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "s.sqlite"
    events = hostile_events()
    with Store(store) as opened:
        opened.save_events(events)
    status, out, _ = run(capsys, "export", "--format", "csv", "--store", str(store))
    assert status == 0
    assert_inert_csv(out, events)


TUAPSE = "Drones hit the Tuapse refinery on Friday."


def exported_rows(capsys: pytest.CaptureFixture[str], store: str) -> list[dict[str, str]]:
    status, out, _ = run(capsys, "export", "--store", store)
    assert status == 0
    return list(csv.DictReader(io.StringIO(out)))


def test_load_never_invents_a_publication_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tuapse.txt").write_text(TUAPSE, encoding="utf-8")
    store = str(tmp_path / "s.sqlite")
    status, _, err = run(capsys, "load", str(tmp_path / "tuapse.txt"), "--store", store)
    assert status == 1 and len(err.strip().splitlines()) == 1
    assert "tuapse.txt: no publication date" in err and "--published" in err
    assert exported_rows(capsys, store) == []
    status, *_ = run(
        capsys, "load", str(tmp_path / "tuapse.txt"), "--published", "2024-05-18", "--store", store
    )
    assert status == 0
    (row,) = exported_rows(capsys, store)
    assert (row["date"], row["source_dates"]) == ("2024-05-17", "2024-05-18")


def test_load_refuses_bad_metadata_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tuapse.txt").write_text(TUAPSE, encoding="utf-8")
    sidecar = {"published": "2024-05-18", "url": "javascript:alert(1)"}
    (tmp_path / "tuapse.json").write_text(json.dumps(sidecar), encoding="utf-8")
    store = str(tmp_path / "s.sqlite")
    status, _, err = run(capsys, "load", str(tmp_path), "--store", store)
    assert status == 1 and "Traceback" not in err
    assert f"refused: {tmp_path / 'tuapse.json'}: url 'javascript:alert(1)': not an http" in err
    assert exported_rows(capsys, store) == []


def test_a_date_before_2014_loads_only_when_any_date_is_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tuapse.txt").write_text(TUAPSE, encoding="utf-8")
    (tmp_path / "tuapse.json").write_text('{"published": "2013-05-18"}', encoding="utf-8")
    store = str(tmp_path / "s.sqlite")
    status, _, err = run(capsys, "load", str(tmp_path), "--store", store)
    assert status == 1 and "before 2014-01-01" in err and "--allow-any-date" in err
    status, _, err = run(
        capsys, "load", str(tmp_path), "--published", "2030-01-01", "--store", store
    )
    assert status == 2 and err.startswith("error: --published: published 2030-01-01: after")
    status, *_ = run(capsys, "load", str(tmp_path), "--allow-any-date", "--store", store)
    assert status == 0
    assert [row["source_dates"] for row in exported_rows(capsys, store)] == ["2013-05-18"]


def test_extract_refuses_a_url_that_is_not_a_web_address(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "extract", str(SEED_000), "--url", "file:///etc/passwd")
    assert status == 2 and out == ""
    assert "url 'file:///etc/passwd': not an http:// or https:// address" in err


def test_an_unreadable_stored_event_is_one_warning_and_the_rest_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "s.sqlite"
    events = [event(date=date(2024, 11, day), place=f"Place {day}") for day in (1, 2, 3)]
    with Store(store) as opened:
        opened.save_events(events)
    spoil_row(store, events[1].id, '{"date": 20241102}')
    for fmt in ("csv", "geojson"):
        status, out, err = run(capsys, "export", "--format", fmt, "--store", str(store))
        assert status == 0
        assert err == (
            f"warning: stored event {events[1].id} cannot be read and is left out: "
            "date is int, not text\n"
        )
        if fmt == "csv":
            assert [r["place"] for r in csv.DictReader(io.StringIO(out))] == ["Place 1", "Place 3"]
        else:
            places = [f["properties"]["place"] for f in json.loads(out)["features"]]
            assert places == ["Place 1", "Place 3"]
    # A load reads the stored events more than once, and warns of each bad one once.
    (tmp_path / "tuapse.txt").write_text(TUAPSE, encoding="utf-8")
    load = ["load", str(tmp_path / "tuapse.txt"), "--published", "2024-11-02"]
    status, _, err = run(capsys, *load, "--store", str(store))
    assert status == 0 and err.count("warning:") == 1 and events[1].id in err


def a_folder_with_bad_files(folder: Path) -> None:
    """Four articles in name order: binary, bad metadata, good, no date."""
    folder.mkdir()
    (folder / "a_binary.txt").write_bytes(b"\x89PNG\x00\x00")
    (folder / "b_meta.txt").write_text(TUAPSE, encoding="utf-8")
    (folder / "b_meta.json").write_text('{"published": "2024-5-18"}', encoding="utf-8")
    (folder / "c_good.txt").write_text(TUAPSE, encoding="utf-8")
    (folder / "c_good.json").write_text('{"published": "2024-05-18"}', encoding="utf-8")
    (folder / "d_undated.txt").write_text("Drones hit the Engels air base.", encoding="utf-8")


def test_a_load_reports_each_bad_file_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    a_folder_with_bad_files(folder)
    store = str(tmp_path / "s.sqlite")
    status, out, err = run(capsys, "load", str(folder), "--store", store)
    assert status == 1
    assert err.splitlines() == [
        f"refused: {folder / 'a_binary.txt'}: binary file, not an article",
        f"refused: {folder / 'b_meta.json'}: published '2024-5-18': not a date (expected "
        "YYYY-MM-DD)",
        f"refused: {folder / 'd_undated.txt'}: no publication date in its metadata; give it in "
        "a sidecar d_undated.json or with --published YYYY-MM-DD",
    ]
    assert out.splitlines()[-1].startswith(
        "1 article loaded, 3 refused: 1 events added, 0 merged into stored events; "
        "the store now holds 1 events"
    )
    assert [row["place"] for row in exported_rows(capsys, store)] == ["Tuapse refinery"]


def test_stop_on_error_stops_at_the_first_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    a_folder_with_bad_files(folder)
    store = str(tmp_path / "s.sqlite")
    status, out, err = run(capsys, "load", str(folder), "--stop-on-error", "--store", store)
    assert status == 1
    assert err == f"refused: {folder / 'a_binary.txt'}: binary file, not an article\n"
    assert "0 articles loaded, 1 refused (stopped at the first)" in out
    assert exported_rows(capsys, store) == []


def test_a_copy_with_other_line_endings_is_the_same_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED_000.read_text(encoding="utf-8")
    crlf = tmp_path / "kaspiysk_crlf.txt"
    crlf.write_bytes(("  " + text.replace("\n", "\r\n  ") + "\r\n").encode())
    store = str(tmp_path / "s.sqlite")
    run(capsys, "load", str(SEED_000), "--store", store)
    status, out, _ = run(capsys, "load", str(crlf), "--published", "2024-11-06", "--store", store)
    assert status == 0 and "kaspiysk_crlf.txt: already loaded, nothing changed" in out
    (row,) = exported_rows(capsys, store)
    assert row["source_count"] == "1"


def test_two_loads_of_one_folder_at_once_end_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    # Twenty corpus articles: enough for the two loads to reach the same one at once.
    for text in sorted((REPO / "tests" / "corpus").glob("*.txt"))[:20]:
        for file in (text, text.with_suffix(".json")):
            (folder / file.name).write_bytes(file.read_bytes())
    store = tmp_path / "s.sqlite"
    command = [sys.executable, "-m", "dashboard", "load", str(folder), "--store", str(store)]
    loads = [
        subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    finished = [load.communicate(timeout=120) for load in loads]
    assert [load.returncode for load in loads] == [0, 0], [err for _, err in finished]
    assert all(b"Traceback" not in err and b"IntegrityError" not in err for _, err in finished)
    alone = tmp_path / "alone.sqlite"
    subprocess.run([*command[:-1], str(alone)], cwd=REPO, check=True, capture_output=True)
    with Store(store) as both, Store(alone) as one:
        assert both.article_count() == one.article_count() == 20
        assert len(both.events()) == len(one.events())


def one_fault_line(err: str, tmp_path: Path) -> str:
    """The one line a store fault gives, checked for what must not be in it."""
    assert len(err.splitlines()) == 1 and err.startswith("error: ")
    assert "Traceback" not in err and str(tmp_path) not in err and "sqlite3" not in err
    return err.strip()


def test_a_read_only_store_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "s.sqlite"
    Store(store).close()
    connect = sqlite3.connect

    def read_only(path: Path, **options: object) -> sqlite3.Connection:
        # What opening a file without write permission gives (root writes through modes).
        return connect(f"file:{path}?mode=ro", uri=True, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", read_only)
    status, out, err = run(capsys, "load", str(SEEDS), "--store", str(store))
    assert status == 2 and out == ""
    assert one_fault_line(err, tmp_path) == (
        "error: the store s.sqlite is read-only, so nothing can be saved to it; "
        "give a writable one with --store or STRIKEMAP_STORE"
    )


def test_a_locked_store_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "s.sqlite"
    Store(store).close()
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.1)
    with closing(sqlite3.connect(store, isolation_level=None)) as other_program:
        other_program.execute("BEGIN EXCLUSIVE")
        status, _, err = run(capsys, "load", str(SEED_000), "--store", str(store))
    assert status == 2
    assert one_fault_line(err, tmp_path) == (
        "error: the store s.sqlite is locked by another program (a load still running?); "
        "try again when it is done"
    )


def test_exporting_a_store_that_is_not_there_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "export", "--store", "data/typo.sqlite")
    assert status == 2 and out == ""
    assert one_fault_line(err, tmp_path) == (
        "error: there is no store data/typo.sqlite: load articles into it first "
        "(python -m dashboard load)"
    )
    assert not (tmp_path / "data").exists()


def test_a_store_whose_folder_cannot_be_made_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").write_text("a file where the store's folder should be")
    status, _, err = run(capsys, "load", str(SEED_000), "--store", str(tmp_path / "data/s.sqlite"))
    assert status == 2
    assert one_fault_line(err, tmp_path) == (
        "error: the store s.sqlite cannot be made: its folder cannot be created (File exists)"
    )


def test_a_store_that_vanishes_during_a_load_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "store"
    store = folder / "s.sqlite"
    extract = loader_module.extract_events
    calls = []

    def extract_then_remove_the_store(article: Article) -> list[Event]:
        calls.append(article.path)
        if len(calls) == 2:
            shutil.rmtree(folder)
        return extract(article)

    monkeypatch.setattr(loader_module, "extract_events", extract_then_remove_the_store)
    status, _, err = run(capsys, "load", str(SEEDS), "--store", str(store))
    assert status == 2
    assert one_fault_line(err, tmp_path) == (
        "error: the store s.sqlite vanished while in use (deleted or moved); nothing more was saved"
    )


@pytest.mark.parametrize(
    ("args", "message", "expected"),
    [
        (["extract", "missing.txt"], "no such file", 2),
        (["extract", "EMPTY"], "empty", 2),
        (["extract", "BINARY"], "binary", 2),
        # load reports a file it refuses and goes on, so the status is that of a refusal.
        (["load", "missing-folder/x.txt"], "refused: missing-folder/x.txt: no such file", 1),
    ],
)
def test_bad_input_is_one_line_and_non_zero(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
    expected: int,
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00")
    names = {"EMPTY": str(tmp_path / "empty.txt"), "BINARY": str(tmp_path / "binary.txt")}
    argv = [names.get(a, a) for a in args] + ["--store", str(tmp_path / "s.sqlite")] * (
        args[0] == "load"
    )
    status, _, err = run(capsys, *argv)
    assert status == expected
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_date_is_rejected_without_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "extract", str(SEED_000), "--published", "6/11/2024"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 2
    assert "not a date" in result.stderr and "Traceback" not in result.stderr
