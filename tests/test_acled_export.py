"""Events out in ACLED's columns, for a team's ACLED-shaped workflow: from the command line
and the table page, behind the same guard against spreadsheet formulas as the CSV."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.exports import events_to_acled_csv
from dashboard.providers import LAYOUTS
from dashboard.providers.acled import COLUMNS, EXPORT_COLUMNS
from dashboard.providers.importer import import_export
from dashboard.store import Store
from tests.hostile import FORMULA_STARTS, hostile_events
from tests.test_app import Download, download, ran  # noqa: F401 (a fixture)
from tests.test_coverage import APP, everything  # noqa: F401 (a fixture)
from tests.test_providers import ACLED, KASPIYSK_ARTICLES, by_source, run


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_export_has_acleds_columns_and_keeps_acleds_ids(
    everything: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "export", "--format", "acled", "--store", str(everything))
    assert status == 0 and err == ""
    header = next(csv.reader(io.StringIO(out)))
    assert tuple(header) == EXPORT_COLUMNS
    assert tuple(header[: len(COLUMNS)]) == COLUMNS
    with Store(everything) as store:
        events = store.events()
        sources = by_source(store)
    exported = {row["strikemap_id"]: row for row in rows(out)}
    assert set(exported) == {e.id for e in events}

    kaspiysk = exported[KASPIYSK_ARTICLES]
    assert kaspiysk["event_id_cnty"] == "RUS9101"
    assert (kaspiysk["event_date"], kaspiysk["year"], kaspiysk["time_precision"]) == (
        "2024-11-06",
        "2024",
        "1",
    )
    assert (kaspiysk["event_type"], kaspiysk["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert kaspiysk["actor1"] == "Military Forces of Ukraine (2019-)"
    assert (kaspiysk["country"], kaspiysk["iso"], kaspiysk["admin1"]) == (
        "Russia",
        "643",
        "Dagestan",
    )
    assert (kaspiysk["location"], kaspiysk["geo_precision"]) == ("Kaspiysk naval base", "1")
    assert kaspiysk["source"] == "Business Insider; unknown outlet; ACLED"
    # A strike of the articles only has no ACLED id: strikemap's own stands in for it.
    july = next(e for e in events if e.date == date(2023, 7, 1) and e.date_precision == "month")
    assert exported[july.id]["event_id_cnty"] == f"strikemap:{july.id}"
    assert exported[july.id]["time_precision"] == "3"
    # Without a weapon the sub-event type is left empty, not guessed.
    assert exported[july.id]["sub_event_type"] == ""
    sevastopol = exported[sources["acled:UKR8801"].id]
    assert (sevastopol["country"], sevastopol["sub_event_type"]) == (
        "Ukraine",
        "Shelling/artillery/missile attack",
    )
    assert sevastopol["side"] == "occupied"


def test_the_export_of_acled_rows_reads_back_as_the_same_strikes(tmp_path: Path) -> None:
    with Store(tmp_path / "first.sqlite") as store:
        import_export(ACLED, LAYOUTS["acled"], store, workers=0)
        first = by_source(store)
    export = tmp_path / "again.csv"
    export.write_text(events_to_acled_csv(first.values()), encoding="utf-8")
    with Store(tmp_path / "second.sqlite") as store:
        report = import_export(export, LAYOUTS["acled"], store, workers=0)
        second = by_source(store)
    assert report.bad == [] and report.strikes == len(first)
    assert set(second) == set(first)
    for row_id, event in first.items():
        again = second[row_id]
        assert (again.date, again.date_precision, again.lat, again.lon) == (
            event.date,
            event.date_precision,
            event.lat,
            event.lon,
        )
        assert (again.target_type, again.weapon, again.side) == (
            event.target_type,
            event.weapon,
            event.side,
        )


def test_the_export_of_hostile_text_opens_inert_in_a_spreadsheet() -> None:
    events = hostile_events()
    exported = rows(events_to_acled_csv(events))
    assert len(exported) == len(events)
    for row in exported:
        assert not [cell for cell in row.values() if cell.strip().startswith(FORMULA_STARTS)]
    for stored, row in zip(events, exported, strict=True):
        payload = stored.place or ""
        # The text itself is kept, behind an apostrophe where it would be a formula.
        assert row["location"] in (payload, "'" + payload)
        assert row["notes"] == row["location"]


def test_the_table_page_downloads_the_filtered_events_in_acleds_columns(
    everything: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    download: Download,  # noqa: F811
) -> None:
    path = Path(shutil.copy(everything, tmp_path / "store.sqlite"))
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    at = ran(AppTest.from_file(APP / "views" / "table.py", default_timeout=60))
    at.multiselect("target_types").set_value(["airbase"])
    ran(at)
    name, content = download(at, "download_acled")
    assert name == "strikes_airbase.acled.csv"
    exported = rows(content.decode("utf-8"))
    assert sorted(row["event_id_cnty"] for row in exported) == ["RUS5503", "RUS5504"]
