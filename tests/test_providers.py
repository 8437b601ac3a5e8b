"""ACLED and UCDP exports into the store, as an analyst imports them.

The files in ``tests/providers/`` are in each provider's column layout, written for these
tests: real strikes (dates, places and coordinates as reported at the time) with notes in
our own words, and malformed rows (a bad date, missing coordinates, an unknown type, a
short row), the malformed files with a byte-order mark and semicolons.
"""

from __future__ import annotations

import csv
import random
import shutil
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.geo.frontline import measure_point
from dashboard.loader import load_paths
from dashboard.merge import same_strike
from dashboard.model import DATE_RANK, GEO_FACILITY, GEO_NONE, GEO_REGION, GEO_TOWN, Event
from dashboard.providers import LAYOUTS, importer
from dashboard.providers.importer import (
    DELETED,
    HELD_SIDE,
    NO_WEAPON,
    ImportReport,
    import_export,
    read_notes,
)
from dashboard.providers.matching import StrikeIndex
from dashboard.store import Store
from tests.factories import event, source

HERE = Path(__file__).resolve().parent
FILES = HERE / "providers"
ACLED = FILES / "acled_strikes.csv"
ACLED_MALFORMED = FILES / "acled_malformed.csv"
UCDP = FILES / "ucdp_strikes.csv"
UCDP_MALFORMED = FILES / "ucdp_malformed.csv"
SEEDS = HERE.parent / "seeds"
#: The seed articles' events of the strikes ACLED also codes (tests/test_cli.py loads them).
KASPIYSK_ARTICLES = "af35f644dd7e"
MOSCOW_ARTICLES = "4c703f52244a"
NOVOROSSIYSK_ARTICLES = "aadf92441af7"


def rows_of(path: Path) -> tuple[list[str], list[list[str]], str]:
    """The header, the rows and the separator of one of the files."""
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.splitlines()[0].count(";") > 1 else ","
    header, *rows = list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter))
    return header, rows, delimiter


def notes_of(path: Path, row_id: str, column: str = "notes") -> str:
    header, rows, _ = rows_of(path)
    row = next(r for r in rows if r[0] == row_id)
    return row[header.index(column)]


def rewritten(path: Path, into: Path, changes: dict[str, dict[str, str]]) -> Path:
    """A copy of an export with some fields of some rows (by id) changed, as a newer export
    of the provider would have them; a row id not in the file is added as a copy of the
    row named by its ``copy_of``."""
    header, rows, delimiter = rows_of(path)
    by_id = {row[0]: row for row in rows}
    for row_id, fields in changes.items():
        fields = dict(fields)
        row = by_id.get(row_id) or list(by_id[fields.pop("copy_of")])
        if row_id not in by_id:
            row[0] = row_id
            rows.append(row)
        for column, value in fields.items():
            row[header.index(column)] = value
    with into.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\n").writerows([header, *rows])
    return into


def imported(store: Store, provider: str, path: Path) -> ImportReport:
    return import_export(path, LAYOUTS[provider], store, workers=0)


def by_source(store: Store) -> dict[str, Event]:
    """Every stored event under each of its sources' ids."""
    return {s.article_id: e for e in store.events() for s in e.sources}


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "seeds.sqlite"
    with Store(path) as store:
        load_paths([SEEDS], store)
    return path


@pytest.fixture
def seeded(seeded_file: Path, tmp_path: Path) -> Path:
    """A store holding the seed articles' events, the test's own copy."""
    return Path(shutil.copy(seeded_file, tmp_path / "store.sqlite"))


# -- what an import keeps and how it reads it ------------------------------------------------


def test_an_acled_export_gives_its_strikes_by_ukraines_forces_measured_on_their_dates(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "store.sqlite") as store:
        report = imported(store, "acled", ACLED)
        events = by_source(store)
    assert (report.rows, report.strikes, report.measured, report.bad) == (9, 7, 7, [])
    assert report.skipped == Counter(
        {
            "not by Ukraine's forces (actor1)": 1,
            "Strategic developments: not a long-range strike": 1,
        }
    )
    # Russia's missiles on Vinnytsia and its air defence over Odintsovo are no such strike.
    assert sorted(events) == [
        f"acled:{row_id}"
        for row_id in sorted(
            ["RUS9101", "RUS7702", "RUS7815", "RUS5503", "RUS5504", "UKR8801", "UKR6002"]
        )
    ]
    kaspiysk = events["acled:RUS9101"]
    assert (kaspiysk.date, kaspiysk.date_precision, kaspiysk.place, kaspiysk.admin1) == (
        date(2024, 11, 6),
        "day",
        "Kaspiysk",
        "Dagestan",
    )
    assert (kaspiysk.country, kaspiysk.lat, kaspiysk.lon, kaspiysk.geo_precision) == (
        "RU",
        42.8817,
        47.6392,
        GEO_TOWN,
    )
    # Read from the notes with the extraction's own vocabulary.
    assert (kaspiysk.target_type, kaspiysk.target) == ("naval", "Caspian Flotilla")
    assert (kaspiysk.weapon, kaspiysk.outcome) == ("aerial_drone", "hit")
    row = kaspiysk.sources[0]
    assert (row.outlet, row.url, row.published) == ("ACLED", None, date(2024, 11, 13))
    assert row.quotes == (notes_of(ACLED, "RUS9101"),)
    assert row.title is not None
    assert "ACLED RUS9101: Air/drone strike by Military Forces of Ukraine (2019-)" in row.title
    assert "sources: Ukrainska Pravda; Telegram" in row.title
    # ACLED's region names are the gazetteer's, as the articles' strikes have them.
    assert events["acled:RUS5503"].admin1 == "Saratov Oblast"
    sevastopol = events["acled:UKR8801"]
    assert (sevastopol.side, sevastopol.occupied, sevastopol.weapon) == (
        "occupied",
        True,
        "missile",
    )
    for stored in events.values():
        assert stored.lat is not None and stored.lon is not None
        on_its_date = measure_point(stored.lat, stored.lon, stored.date)
        assert stored.frontline_id == on_its_date.frontline_id
        assert stored.distance_to_front_km == round(on_its_date.front_km, 1)
        assert stored.distance_to_held_km == round(on_its_date.held_km, 1)
        assert stored.side == on_its_date.side in ("russia", "occupied")


def test_a_ucdp_export_keeps_the_strikes_on_russias_side_that_name_a_weapon(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "store.sqlite") as store:
        report = imported(store, "ucdp", UCDP)
        events = by_source(store)
    # Russia's missiles on Vinnytsia lie on Ukraine's side; "shelling" of Belgorod names no
    # long-range weapon: GED says neither who attacked nor with what.
    assert report.skipped == Counter({HELD_SIDE: 1, NO_WEAPON: 1})
    assert sorted(events) == ["ucdp:499001", "ucdp:499002"]
    bridge = events["ucdp:499002"]
    assert (bridge.place, bridge.admin1, bridge.country, bridge.side) == (
        "Crimean bridge",
        "Crimea",
        "UA",
        "occupied",
    )
    assert (bridge.date, bridge.date_precision, bridge.geo_precision) == (
        date(2023, 7, 17),
        "day",
        GEO_TOWN,
    )
    assert (bridge.target_type, bridge.weapon) == ("transport", "sea_drone")
    dyagilevo = events["ucdp:499001"]
    assert (dyagilevo.place, dyagilevo.admin1, dyagilevo.target_type) == (
        "Dyagilevo air base",
        "Ryazan Oblast",
        "airbase",
    )
    assert dyagilevo.sources[0].outlet == "UCDP"
    assert dyagilevo.sources[0].quotes == (
        notes_of(UCDP, "499001", "source_headline")
        + "; "
        + notes_of(UCDP, "499001", "where_description"),
    )


@pytest.mark.parametrize(
    ("changes", "precision", "first_day", "geo"),
    [
        ({"time_precision": "2"}, "month", date(2024, 11, 1), GEO_TOWN),
        (
            {"time_precision": "3", "event_date": "15 November 2024"},
            "month",
            date(2024, 11, 1),
            GEO_TOWN,
        ),
        ({"geo_precision": "2"}, "day", date(2024, 11, 6), GEO_TOWN),
        ({"geo_precision": "3"}, "day", date(2024, 11, 6), GEO_REGION),
    ],
)
def test_acled_precision_codes_become_the_events_precisions(
    tmp_path: Path,
    changes: dict[str, str],
    precision: str,
    first_day: date,
    geo: int,
) -> None:
    export = rewritten(ACLED, tmp_path / "acled.csv", {"RUS9101": changes})
    with Store(tmp_path / "store.sqlite") as store:
        imported(store, "acled", export)
        kaspiysk = by_source(store)["acled:RUS9101"]
    assert (kaspiysk.date, kaspiysk.date_precision, kaspiysk.geo_precision) == (
        first_day,
        precision,
        geo,
    )


@pytest.mark.parametrize(
    ("changes", "kept"),
    [
        ({"where_prec": "3"}, (date(2022, 12, 5), "day", GEO_REGION)),
        ({"where_prec": "4"}, (date(2022, 12, 5), "day", GEO_REGION)),
        ({"where_prec": "7"}, (date(2022, 12, 5), "day", GEO_REGION)),
        ({"where_prec": "6"}, "placed only to the country"),
        (
            {"date_prec": "4", "date_start": "2022-12-01", "date_end": "2022-12-31"},
            (date(2022, 12, 1), "month", GEO_TOWN),
        ),
        (
            {"date_prec": "2", "date_start": "2022-11-29", "date_end": "2022-12-03"},
            (date(2022, 1, 1), "year", GEO_TOWN),
        ),
        ({"date_prec": "5", "date_end": "2022-12-31"}, (date(2022, 1, 1), "year", GEO_TOWN)),
        ({"date_prec": "5", "date_end": "2023-01-02"}, "dated across more than a year"),
    ],
)
def test_ucdp_precision_codes_become_the_events_precisions(
    tmp_path: Path, changes: dict[str, str], kept: tuple[date, str, int] | str
) -> None:
    export = rewritten(UCDP, tmp_path / "ucdp.csv", {"499001": changes})
    with Store(tmp_path / "store.sqlite") as store:
        report = imported(store, "ucdp", export)
        dyagilevo = by_source(store).get("ucdp:499001")
    if isinstance(kept, str):
        assert dyagilevo is None
        assert report.skipped[kept] == 1
    else:
        assert dyagilevo is not None
        assert (dyagilevo.date, dyagilevo.date_precision, dyagilevo.geo_precision) == kept


# -- malformed rows and files ----------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_bad_rows_are_refused_by_line_and_the_good_rows_of_the_file_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store.sqlite"
    status, out, err = run(capsys, "import", "acled", str(ACLED_MALFORMED), "--store", str(store))
    assert status == 1
    name = str(ACLED_MALFORMED)
    refused = [line for line in err.splitlines() if line.startswith("refused:")]
    assert refused == [
        f"refused: {name}: line 3: bad date in event_date: '25 Janury 2024' (event RUS8012)",
        f"refused: {name}: line 4: missing coordinates (latitude and longitude are needed)"
        " (event RUS8340)",
        f"refused: {name}: line 5: unknown event type 'Explosions' (event UKR5120)",
        # The notes of the row before run over two lines: this row starts on line 8.
        f"refused: {name}: line 8: 3 fields where the header has 31",
    ]
    assert "7 rows read: 3 strikes, 0 left out, 4 refused" in out
    with Store(store) as opened:
        events = by_source(opened)
    assert sorted(events) == ["acled:RUS8001", "acled:RUS9550", "acled:UKR7317"]
    # A semicolon file writes decimal commas; the byte-order mark is not part of a name.
    ust_luga = events["acled:RUS8001"]
    assert (ust_luga.lat, ust_luga.lon, ust_luga.date) == (59.6676, 28.2871, date(2024, 1, 21))
    assert "\nstored missiles" in events["acled:RUS9550"].quote

    status, out, err = run(capsys, "import", "ucdp", str(UCDP_MALFORMED), "--store", str(store))
    assert status == 1
    name = str(UCDP_MALFORMED)
    assert [line for line in err.splitlines() if line.startswith("refused:")] == [
        f"refused: {name}: line 3: bad date in date_start: '2024-13-02' (event 499012)",
        f"refused: {name}: line 4: missing coordinates (latitude and longitude are needed)"
        " (event 499013)",
        f"refused: {name}: line 5: type_of_violence is '4', not a code from 1 to 3 (event 499014)",
    ]
    with Store(store) as opened:
        events = by_source(opened)
    assert {"ucdp:499011", "ucdp:499015"} <= set(events)
    assert events["ucdp:499011"].place == "Belgorod"


def test_a_row_id_met_twice_in_a_file_is_refused(tmp_path: Path) -> None:
    export = rewritten(ACLED, tmp_path / "acled.csv", {})
    with export.open("a", encoding="utf-8") as handle:
        handle.write(ACLED.read_text(encoding="utf-8").splitlines(keepends=True)[1])
    with Store(tmp_path / "store.sqlite") as store:
        report = imported(store, "acled", export)
    assert [str(bad) for bad in report.bad] == ["line 11: event RUS9101 again (first on line 2)"]
    assert report.strikes == 7


def test_a_file_that_is_not_such_an_export_is_refused_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "store.sqlite")
    status, out, err = run(capsys, "import", "acled", str(UCDP), "--store", store)
    assert status == 2 and out == ""
    assert err.startswith(f"error: {UCDP}: not an export of ACLED: no column event_id_cnty, ")
    assert len(err.splitlines()) == 1
    empty = tmp_path / "empty.csv"
    empty.write_text("\n", encoding="utf-8")
    for path, why in (
        (empty, "empty file, not an export of UCDP"),
        (tmp_path / "missing.csv", "no such file"),
        (tmp_path, "is a folder, not an export"),
    ):
        status, _, err = run(capsys, "import", "ucdp", str(path), "--store", store)
        assert (status, err) == (2, f"error: {path}: {why}\n")


# -- importing again: nothing, updates, withdrawals -------------------------------------------


def test_importing_an_export_again_changes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "store.sqlite") as store:
        imported(store, "acled", ACLED)
        before = store.events()
        histories = {e.id: store.history(e.id) for e in before}
        again = imported(store, "acled", ACLED)
        assert store.events() == before
        assert {e.id: store.history(e.id) for e in before} == histories
    assert (again.unchanged, again.strikes, again.measured) == (7, 7, 0)
    assert again.added == again.merged == again.updated == again.withdrawn == 0


def test_a_newer_export_updates_the_rows_it_changed(tmp_path: Path) -> None:
    newer = rewritten(
        ACLED,
        tmp_path / "newer.csv",
        {
            # A more precise place came to light, and the notes of another row grew.
            "RUS5503": {"latitude": "51.4811", "longitude": "46.2106", "geo_precision": "1"},
            "RUS9101": {
                "notes": notes_of(ACLED, "RUS9101") + " Satellite images showed a damaged pier."
            },
        },
    )
    with Store(tmp_path / "store.sqlite") as store:
        imported(store, "acled", ACLED)
        old = by_source(store)
        report = imported(store, "acled", newer)
        new = by_source(store)
        engels = new["acled:RUS5503"]
        assert store.history(engels.id)[-1].action == "edited"
    assert (report.updated, report.unchanged, report.added) == (2, 5, 0)
    assert engels.id == old["acled:RUS5503"].id
    assert (engels.lat, engels.lon) == (51.4811, 46.2106)
    assert engels.distance_to_front_km != old["acled:RUS5503"].distance_to_front_km
    assert new["acled:RUS9101"].quote.endswith("Satellite images showed a damaged pier.")
    assert len(new) == len(old)


def test_a_corrected_row_stays_merged_with_the_articles_or_leaves_them(
    seeded: Path, tmp_path: Path
) -> None:
    newer = rewritten(
        ACLED,
        tmp_path / "newer.csv",
        {
            "RUS9101": {"notes": notes_of(ACLED, "RUS9101") + " Two ships were hit."},
            # ACLED moves the Moscow row to the next day: no longer the strike of 30 July,
            # but within an article's strike known only to be of July 2023.
            "RUS7702": {"event_date": "2023-07-31"},
        },
    )
    with Store(seeded) as store:
        july = next(
            e
            for e in store.events()
            if e.place == "Moscow" and e.date_precision == "month" and e.date == date(2023, 7, 1)
        )
        imported(store, "acled", ACLED)
        report = imported(store, "acled", newer)
        kaspiysk = store.require(KASPIYSK_ARTICLES)
        moscow_articles = store.require(MOSCOW_ARTICLES)
        moscow_row = by_source(store)["acled:RUS7702"]
    assert report.updated == 2
    assert [s.article_id.startswith("acled:") for s in kaspiysk.sources].count(True) == 1
    assert len(kaspiysk.sources) == 3
    assert kaspiysk.sources[-1].quotes[0].endswith("Two ships were hit.")
    assert not any(s.article_id == "acled:RUS7702" for s in moscow_articles.sources)
    assert moscow_row.id == july.id
    assert [s.article_id for s in moscow_row.sources] == [
        *(s.article_id for s in july.sources),
        "acled:RUS7702",
    ]
    # The row's day is the more precise date of the strike.
    assert (moscow_row.date, moscow_row.date_precision) == (date(2023, 7, 31), "day")


def test_a_row_no_longer_counted_as_a_strike_leaves_its_event(seeded: Path, tmp_path: Path) -> None:
    newer = rewritten(
        ACLED,
        tmp_path / "newer.csv",
        {
            "RUS7815": {"actor1": "Military Forces of Russia (2000-)"},
            "RUS9101": {"event_type": "Strategic developments", "sub_event_type": "Other"},
        },
    )
    with Store(seeded) as store:
        imported(store, "acled", ACLED)
        novorossiysk = by_source(store)["acled:RUS7815"]
        report = imported(store, "acled", newer)
        assert store.get(novorossiysk.id) is None
        assert store.history(novorossiysk.id)[-1].action == "deleted"
        kaspiysk = store.require(KASPIYSK_ARTICLES)
    assert report.withdrawn == 2
    # The articles' own report of the strike stays, without the row.
    assert kaspiysk.sources and not any(s.article_id.startswith("acled:") for s in kaspiysk.sources)


def test_an_event_an_analyst_deleted_stays_deleted(tmp_path: Path) -> None:
    with Store(tmp_path / "store.sqlite") as store:
        imported(store, "acled", ACLED)
        store.delete(by_source(store)["acled:RUS5503"].id)
        report = imported(store, "acled", ACLED)
        assert "acled:RUS5503" not in by_source(store)
    assert report.skipped[DELETED] == 1
    assert report.added == 0


# -- merging with the articles and with each other ---------------------------------------------


def test_rows_merge_with_the_articles_strikes_by_the_rules_of_two_articles(seeded: Path) -> None:
    with Store(seeded) as store:
        articles = {e.id: e for e in store.events()}
        report = imported(store, "acled", ACLED)
        events = by_source(store)
    assert (report.merged, report.added) == (2, 5)
    for article_event, row_id in ((KASPIYSK_ARTICLES, "RUS9101"), (MOSCOW_ARTICLES, "RUS7702")):
        merged = events[f"acled:{row_id}"]
        assert merged.id == article_event
        assert [s.article_id for s in merged.sources][:-1] == [
            s.article_id for s in articles[article_event].sources
        ]
    # The articles' place of the Kaspiysk strike, the naval base, is the more precise.
    assert events["acled:RUS9101"].place == "Kaspiysk naval base"
    # The articles left the Novorossiysk strike unplaced: it cannot be told the same.
    assert articles[NOVOROSSIYSK_ARTICLES].geo_precision == GEO_NONE
    assert events["acled:RUS7815"].id != NOVOROSSIYSK_ARTICLES


def test_a_row_forty_kilometres_off_is_another_strike(seeded: Path, tmp_path: Path) -> None:
    # Izberbash, 40 km down the coast from Kaspiysk.
    export = rewritten(
        ACLED,
        tmp_path / "off.csv",
        {"RUS9101": {"latitude": "42.5650", "longitude": "47.8710", "location": "Izberbash"}},
    )
    with Store(seeded) as store:
        report = imported(store, "acled", export)
        kaspiysk = store.require(KASPIYSK_ARTICLES)
        row = by_source(store)["acled:RUS9101"]
    assert report.merged == 1
    assert row.id != kaspiysk.id
    assert not same_strike(kaspiysk, row)


def test_acled_and_ucdp_rows_of_one_strike_merge_and_one_providers_rows_do_not(
    tmp_path: Path,
) -> None:
    # A second ACLED row at the same place and day: ACLED coded two events.
    export = rewritten(ACLED, tmp_path / "acled.csv", {"RUS5599": {"copy_of": "RUS5504"}})
    with Store(tmp_path / "store.sqlite") as store:
        imported(store, "acled", export)
        report = imported(store, "ucdp", UCDP)
        events = by_source(store)
    assert report.merged == 1
    dyagilevo = events["ucdp:499001"]
    assert [s.article_id for s in dyagilevo.sources] == ["acled:RUS5504", "ucdp:499001"]
    assert events["acled:RUS5599"].id != dyagilevo.id
    assert [s.article_id for s in events["ucdp:499002"].sources] == ["ucdp:499002"]


def test_the_index_finds_what_comparing_every_pair_finds() -> None:
    rng = random.Random(14)
    towns = [(42.88, 47.64), (44.61, 33.53), (55.75, 37.62), (51.48, 46.11), (69.10, 33.40)]
    stored = []
    for number in range(400):
        lat, lon = rng.choice(towns)
        precision = rng.choice(["day", "day", "month", "year"])
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(60))
        located = rng.random() > 0.1
        stored.append(
            event(
                id=f"e{number:04d}",
                date=day if precision == "day" else day.replace(day=1),
                date_precision=precision,
                lat=lat + rng.uniform(-0.3, 0.3) if located else None,
                lon=lon + rng.uniform(-0.6, 0.6) if located else None,
                geo_precision=rng.choice([GEO_FACILITY, GEO_TOWN, GEO_REGION])
                if located
                else GEO_NONE,
                admin1=rng.choice(["Dagestan", "Sevastopol"]),
                target_type=rng.choice(["naval", "unknown", "oil"]),
                weapon=rng.choice(["aerial_drone", "unknown"]),
                sources=(source(rng.choice(["a1", "a2", "acled:X1", "ucdp:9"]) + str(number)),),
            )
        )
    index = StrikeIndex("acled", stored)
    matchable = [e for e in stored if not e.sources[0].article_id.startswith("acled:")]
    found = 0
    for report in stored[:150]:
        same = [e for e in matchable if same_strike(e, report)]
        expected = min(
            same,
            key=lambda e: (DATE_RANK[e.date_precision], e.geo_precision, stored.index(e)),
            default=None,
        )
        assert index.find(report) == expected
        found += expected is not None
    assert found > 20


def test_notes_read_in_worker_processes_read_as_in_this_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notes = [notes_of(ACLED, row_id) for row_id in ("RUS9101", "RUS7702", "RUS7815", "UKR8801")]
    monkeypatch.setattr(importer, "PARALLEL_FROM", 1)
    reader = importer._NotesReader(workers=1)
    try:
        assert reader.submit(notes * 2)() == [read_notes(text) for text in notes * 2]
    finally:
        reader.close()


def test_progress_is_told_as_rows_are_read_measured_and_saved(tmp_path: Path) -> None:
    told: list[tuple[str, int]] = []
    with Store(tmp_path / "store.sqlite") as store:
        import_export(
            ACLED,
            LAYOUTS["acled"],
            store,
            progress=lambda stage, done, _: told.append((stage, done)),
            workers=0,
        )
    assert told == [("read", 9), ("measured", 7), ("saved", 7)]


def test_a_merge_split_apart_stays_apart_at_the_next_import(seeded: Path) -> None:
    with Store(seeded) as store:
        imported(store, "acled", ACLED)
        parts = store.split(KASPIYSK_ARTICLES)
        report = imported(store, "acled", ACLED)
        kaspiysk = store.require(KASPIYSK_ARTICLES)
        row = by_source(store)["acled:RUS9101"]
    assert [s.article_id for s in parts[-1].sources] == ["acled:RUS9101"]
    assert report.unchanged == 7
    assert row.id == parts[-1].id != kaspiysk.id
    assert not any(s.article_id.startswith("acled:") for s in kaspiysk.sources)
