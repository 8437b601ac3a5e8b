"""The store's schema versions and the history of every change: loads, edits, splits,
deletions, and undoing them."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest

from dashboard.articles import Article, article_from_text
from dashboard.errors import EventNotFound, InputError, StoreError
from dashboard.filters import Filters
from dashboard.store import SCHEMA_VERSION, EventStore, is_postgres_url, open_store
from tests.factories import event, older_store, source, two_reports

Location = str | Path


def article(text: str) -> Article:
    return article_from_text(text, published=date(2024, 11, 6))


# -- schema versions --------------------------------------------------------------------------


def test_a_new_store_has_the_current_schema(store_location: Location) -> None:
    with open_store(store_location) as store:
        assert store.schema_version() == SCHEMA_VERSION == 3
        assert isinstance(store, EventStore)


def test_an_older_store_must_be_migrated_and_keeps_its_events(store_location: Location) -> None:
    kept = event(sources=(source("one"), source("two")))
    older_store(store_location, [kept])
    with pytest.raises(StoreError, match=r"older schema \(version 1.*python -m dashboard migrate"):
        open_store(store_location)
    with open_store(store_location, migrate=True) as store:
        assert store.migrated_from == 1 and store.schema_version() == SCHEMA_VERSION
        # The filters run on columns the migration filled from what was stored.
        assert store.query(Filters(search="KASPIYSK", regions=("RU:Dagestan",))) == [kept]
    with open_store(store_location) as store:
        assert store.migrated_from is None
        assert store.events() == [kept] and store.history(kept.id) == []
        # An event stored before history was kept can be corrected, and its change is kept.
        store.delete(kept.id)
        assert [entry.action for entry in store.history(kept.id)] == ["deleted"]


def test_a_store_newer_than_the_code_is_refused(store_location: Location) -> None:
    open_store(store_location).close()
    if is_postgres_url(store_location):
        with psycopg.connect(str(store_location), autocommit=True) as pg:
            pg.execute("UPDATE schema_version SET version = %s", (SCHEMA_VERSION + 1,))
    else:
        with closing(sqlite3.connect(store_location)) as db:
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="made by a newer strikemap"):
        open_store(store_location, migrate=True)


# -- loads are recorded -----------------------------------------------------------------------


def test_a_load_records_who_created_and_who_merged(store_location: Location) -> None:
    one, two = article("one"), article("two")
    with open_store(store_location, analyst="ann") as store:
        (stored_id,) = store.save_article(one, [event(sources=(source(one.id),))]).added
    with open_store(store_location, analyst="  bob \n smith ") as store:
        store.save_article(
            two, [event(sources=(source(two.id),), outcome="hit", target="a missile ship")]
        )
        created, merged = store.history(stored_id)
    assert (created.action, created.analyst, created.article_id) == ("created", "ann", one.id)
    assert created.changes["place"] == (None, "Kaspiysk")
    assert (merged.action, merged.analyst, merged.article_id) == ("merged", "bob smith", two.id)
    assert merged.changes["outcome"] == ("unknown", "hit")
    assert merged.changes["target"] == ("missile ships", "a missile ship")
    assert merged.at.utcoffset() == timedelta(0)


def test_without_a_name_the_user_of_the_system_is_recorded(
    store_location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGNAME", "carol")
    monkeypatch.setenv("USER", "carol")
    with open_store(store_location) as store:
        store.save_events([event()])
        (entry,) = store.history(event().id)
    assert entry.analyst == "carol" and entry.action == "created"


# -- edits, deletions, and their undoing -------------------------------------------------------


def test_an_edit_is_recorded_field_by_field_and_undone(store_location: Location) -> None:
    original = event()
    with open_store(store_location, analyst="ann") as store:
        store.save_events([original])
        first = store.edit(original, original.with_changes(weapon="missile"))
        second = store.edit(first, first.with_changes(target_type="military", target=None))
        assert store.get(original.id) == second
        edits = store.history(original.id)[1:]
        assert [e.changes for e in edits] == [
            {"weapon": ("aerial_drone", "missile")},
            {"target_type": ("naval", "military"), "target": ("missile ships", None)},
        ]
        assert edits[1].what() == "target type: naval → military; target: missile ships → —"
        assert store.undo_last(original.id).seq == edits[1].seq
        assert store.get(original.id) == first
        store.undo_last(original.id)
        assert store.get(original.id) == original
        with pytest.raises(InputError, match="as it was first stored"):
            store.undo_last(original.id)
        actions = [(e.action, e.undone) for e in store.history(original.id)]
    assert actions == [
        ("created", False),
        ("edited", True),
        ("edited", True),
        ("undone", False),
        ("undone", False),
    ]


def test_an_edit_of_an_event_changed_meanwhile_is_refused(store_location: Location) -> None:
    original = event()
    with open_store(store_location) as mine, open_store(store_location) as theirs:
        mine.save_events([original])
        theirs.edit(original, original.with_changes(weapon="missile"))
        with pytest.raises(StoreError, match="changed meanwhile"):
            mine.edit(original, original.with_changes(outcome="hit"))
        assert mine.require(original.id).weapon == "missile"
        assert mine.require(original.id).outcome == "unknown"


def test_an_edit_cannot_change_the_id_or_the_sources(store_location: Location) -> None:
    original = event()
    with open_store(store_location) as store:
        store.save_events([original])
        with pytest.raises(InputError, match="never its id or sources"):
            store.edit(original, original.with_changes(sources=()))


def test_a_deleted_event_is_gone_and_undo_brings_it_back(store_location: Location) -> None:
    original = event(defender_claim="air defences destroyed one drone")
    with open_store(store_location, analyst="ann") as store:
        store.save_article(article("one"), [original])
        store.delete(original.id)
        assert store.events() == [] and store.get(original.id) is None
        with pytest.raises(EventNotFound, match="was deleted"):
            store.require(original.id)
        with pytest.raises(EventNotFound, match="was deleted"):
            store.edit(original, original.with_changes(weapon="missile"))
        # Its article stays known: loading it again does not bring the strike back.
        assert store.save_article(article("one"), [original]).already_loaded
        deleted = store.history(original.id)[-1]
        assert (deleted.action, deleted.analyst, deleted.what()) == ("deleted", "ann", "")
        store.undo_last(original.id)
        assert store.events() == [original]


def test_unknown_ids_are_a_clear_error(store_location: Location) -> None:
    with open_store(store_location) as store:
        unknown = rf"^there is no event nope in the store {re.escape(store.shown)}$"
        for change in (store.delete, store.split, store.require):
            with pytest.raises(EventNotFound, match=unknown):
                change("nope")
        with pytest.raises(InputError, match="no recorded change"):
            store.undo_last("nope")


# -- splitting a wrong merge --------------------------------------------------------------------


def test_a_split_gives_each_article_its_own_report_back(store_location: Location) -> None:
    one, two, town, port = two_reports()
    with open_store(store_location, analyst="ann") as store:
        store.save_article(one, [town])
        (merged_id,) = store.save_article(two, [port]).merged
        merged = store.require(merged_id)
        assert merged.place == "Kaspiysk port" and len(merged.sources) == 2
        kept, apart = store.split(merged_id)
        assert kept == town and kept.id == merged_id
        assert apart.id not in (merged_id, "")
        assert apart == port.with_changes(id=apart.id)
        assert {e.id for e in store.events()} == {kept.id, apart.id}
        split, born = store.history(merged_id)[-1], store.history(apart.id)[-1]
        assert split.action == born.action == "split"
        assert split.what().startswith(f"split into {apart.id}; place: Kaspiysk port → Kaspiysk")
        assert born.split_from == merged_id and born.article_id == two.id
        # The part cannot be undone on its own; the split is undone on the event it came from.
        with pytest.raises(InputError, match=f"split off event {merged_id}: undo the split"):
            store.undo_last(apart.id)
        store.undo_last(merged_id)
        assert store.events() == [merged]


def test_a_split_part_changed_since_keeps_the_split(store_location: Location) -> None:
    one, two, town, port = two_reports()
    with open_store(store_location) as store:
        store.save_article(one, [town])
        (merged_id,) = store.save_article(two, [port]).merged
        _, apart = store.split(merged_id)
        store.edit(apart, apart.with_changes(weapon="missile"))
        with pytest.raises(StoreError, match=f"event {apart.id}, split off .* changed since"):
            store.undo_last(merged_id)
        assert len(store.events()) == 2


def test_undoing_a_merge_makes_its_report_an_event_of_its_own(store_location: Location) -> None:
    one, two, town, port = two_reports()
    with open_store(store_location) as store:
        (town_id,) = store.save_article(one, [town]).added
        store.save_article(two, [port])
        undone = store.undo_last(town_id)
        assert undone.action == "merged"
        events = {e.id: e for e in store.events()}
        assert events.pop(town_id) == town
        (apart,) = events.values()
        assert apart == port.with_changes(id=apart.id)
        assert store.history(apart.id)[-1].split_from == town_id


def test_an_event_of_one_article_cannot_be_split(store_location: Location) -> None:
    with open_store(store_location) as store:
        store.save_events([event()])
        with pytest.raises(InputError, match="has one source: there is nothing to split"):
            store.split(event().id)


def test_an_event_stored_before_history_splits_into_copies(store_location: Location) -> None:
    merged = event(sources=(source("one"), source("two")))
    older_store(store_location, [merged])
    with open_store(store_location, migrate=True) as store:
        kept, apart = store.split(merged.id)
    assert kept == merged.with_changes(sources=(source("one"),))
    assert apart == merged.with_changes(sources=(source("two"),), id=apart.id)
    assert apart.id != merged.id
