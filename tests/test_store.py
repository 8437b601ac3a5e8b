"""The store, on SQLite and on PostgreSQL: idempotent loads, merges of second reports,
nothing lost on failure."""

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import psycopg
import pytest

from dashboard.articles import Article, article_from_text
from dashboard.errors import DataError, StoreError
from dashboard.store import Store, is_postgres_url, open_store
from tests.factories import event, source, spoil_row

Location = str | Path


def article(text: str = "Drones hit Kaspiysk.") -> Article:
    return article_from_text(text, published=date(2024, 11, 6))


def test_loading_the_same_article_twice_changes_nothing(store_location: Location) -> None:
    with open_store(store_location) as store:
        first = store.save_article(article(), [event()])
        again = store.save_article(article(), [event()])
        assert len(first.added) == 1 and again.already_loaded
        assert len(store.events()) == 1 and store.article_count() == 1


def test_an_article_stored_by_another_load_meanwhile_is_already_loaded(
    store_location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_location) as first, open_store(store_location) as second:
        # The second load looked for the article just before the first one stored it.
        monkeypatch.setattr(second, "knows", lambda article: False)
        first.save_article(article(), [event()])
        report = second.save_article(article(), [event()])
        assert report.already_loaded and not report.added
        assert len(first.events()) == 1 and first.article_count() == 1


def test_an_article_a_store_knows_by_its_former_id_is_already_loaded(tmp_path: Path) -> None:
    loaded_before = article("Drones hit Kaspiysk.\r\nShips were damaged.")
    assert loaded_before.former_id != loaded_before.id
    Store(tmp_path / "s.sqlite").close()
    # A store loaded before ids came from normalised text holds the article by its former id.
    with closing(sqlite3.connect(tmp_path / "s.sqlite")) as db, db:
        db.execute(
            "INSERT INTO articles (article_id, loaded_at) VALUES (?, '2026-11-01')",
            (loaded_before.former_id,),
        )
    with Store(tmp_path / "s.sqlite") as store:
        assert store.save_article(loaded_before, [event()]).already_loaded
        assert store.article_count() == 1 and store.events() == []


def test_second_report_merges_as_a_new_source(store_location: Location) -> None:
    with open_store(store_location) as store:
        store.save_article(article("one"), [event(sources=(source("one"),))])
        report = store.save_article(article("two"), [event(sources=(source("two"),))])
        assert report.merged and not report.added
        (stored,) = store.events()
        assert [s.article_id for s in stored.sources] == ["one", "two"]


def test_a_failed_load_keeps_what_was_stored(
    store_location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(store_location)
    store.save_article(article("one"), [event(sources=(source("one"),))])
    calls = {"n": 0}
    backend = type(store)
    original = backend._put
    # The disk fills up while the second event is written, as the database reports it.
    full: Exception = (
        psycopg.errors.DiskFull("disk full")
        if is_postgres_url(store_location)
        else sqlite3.OperationalError("disk full")
    )

    def failing_put(self: object, e: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise full
        original(self, e)  # type: ignore[arg-type]

    monkeypatch.setattr(backend, "_put", failing_put)
    new_events = [event(date=date(2024, 11, 7)), event(date=date(2024, 11, 8))]
    with pytest.raises(StoreError, match=rf"^the store {store.shown}: disk full$"):
        store.save_article(article("two"), new_events)
    monkeypatch.undo()
    store.close()
    with open_store(store_location) as reopened:
        assert [e.date for e in reopened.events()] == [date(2024, 11, 6)]
        assert reopened.article_count() == 1


def test_filters_by_date_and_target_type(store_location: Location) -> None:
    with open_store(store_location) as store:
        store.save_events(
            [
                event(
                    date=date(2023, 5, 3),
                    target_type="government",
                    place="Moscow",
                    lat=55.75,
                    lon=37.62,
                ),
                event(),
                event(
                    date=date(2024, 12, 1), target_type="oil", place="Tuapse", lat=44.1, lon=39.08
                ),
            ]
        )
        assert [e.target_type for e in store.events(since=date(2024, 1, 1))] == ["naval", "oil"]
        assert [e.place for e in store.events(until=date(2024, 1, 1))] == ["Moscow"]
        assert [e.place for e in store.events(target_types=["oil", "government"])] == [
            "Moscow",
            "Tuapse",
        ]


def test_round_trip_keeps_every_field(store_location: Location) -> None:
    original = event(defender_claim="air defences destroyed one drone", distance_to_front_km=970.2)
    with open_store(store_location) as store:
        store.save_events([original])
        assert store.get(original.id) == original


def test_not_a_store(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DataError):
        Store(bad)


def test_an_articles_own_events_are_not_merged_with_each_other(store_location: Location) -> None:
    one = article("one")
    july = event(date=date(2023, 7, 1), date_precision="month", sources=(source(one.id),))
    sunday = event(date=date(2023, 7, 30), sources=(source(one.id),))
    with open_store(store_location) as store:
        report = store.save_article(one, [july, sunday])
        assert len(report.added) == 2 and len(store.events()) == 2


def test_a_second_strike_with_the_same_id_is_kept_not_overwritten(
    store_location: Location,
) -> None:
    one = article("one")
    # Two events the article's own extraction kept apart, though their ids coincide.
    town = event(geo_precision=2, sources=(source(one.id, "Drones hit Kaspiysk."),))
    region = event(geo_precision=3, sources=(source(one.id, "Dagestan was attacked."),))
    assert town.id == region.id
    with open_store(store_location) as store:
        report = store.save_article(one, [town, region])
        assert len(report.added) == 2 and len(set(report.added)) == 2
        assert len(store.events()) == 2


SPOILED = {
    "not JSON": ("{not json", "not JSON (Expecting property name enclosed in double quotes"),
    "a list": ("[1, 2]", "event is list, not dict"),
    "no date": ('{"date_precision": "day"}', "no date"),
    "text lat": (
        '{"date": "2024-11-09", "date_precision": "day", "lat": "42.9", "lon": 47.6}',
        "lat is str, not a whole number or a number",
    ),
    "bad source": (
        '{"date": "2024-11-10", "date_precision": "day", "sources": [{"article_id": 7}]}',
        "article_id is int, not text",
    ),
}


def test_rows_that_cannot_be_read_are_left_out_and_named(store_location: Location) -> None:
    days = [date(2024, 11, day) for day in range(1, 8)]
    events = [event(date=day, place=f"Place {day.day}") for day in days]
    with open_store(store_location) as store:
        store.save_events(events)
    # PostgreSQL keeps the data as jsonb, which holds JSON only.
    spoils = [
        spoil
        for name, spoil in SPOILED.items()
        if not (name == "not JSON" and is_postgres_url(store_location))
    ]
    spoiled = dict(zip((e.id for e in events), spoils, strict=False))
    for event_id, (data, _) in spoiled.items():
        spoil_row(store_location, event_id, data)
    with open_store(store_location) as store:
        assert [e.date for e in store.events()] == days[len(spoils) :]
        assert store.unreadable.keys() == spoiled.keys()
        for event_id, (_, reason) in spoiled.items():
            assert store.unreadable[event_id].startswith(reason)
        # A load that compares its strikes with the stored ones passes over them too.
        report = store.save_article(article(), [event(date=date(2024, 11, 30))])
        assert len(report.added) == 1 and len(store.events()) == len(days) - len(spoils) + 1
