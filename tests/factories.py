"""Small builders of events and sources for tests."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from dashboard.articles import Article, article_from_text
from dashboard.model import Event, Source
from dashboard.store import is_postgres_url
from dashboard.store.postgres import migrate_schema

#: The store of strikemap before schema versions: no history, user_version 0.
VERSION_1 = """
CREATE TABLE articles (article_id TEXT PRIMARY KEY, path TEXT, outlet TEXT, published TEXT,
    url TEXT, title TEXT, loaded_at TEXT NOT NULL);
CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, date_precision TEXT NOT NULL,
    target_type TEXT NOT NULL, weapon TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX events_date ON events (date);
"""


def source(article_id: str = "a1", quote: str = "Drones hit the port.", **extra: Any) -> Source:
    fields: dict[str, Any] = {
        "outlet": "Wire",
        "published": date(2024, 11, 6),
        "url": f"https://example.org/{article_id}",
        "title": None,
    }
    fields.update(extra)
    return Source(article_id=article_id, quotes=(quote,), **fields)


def event(**changes: Any) -> Event:
    fields: dict[str, Any] = {
        "date": date(2024, 11, 6),
        "date_precision": "day",
        "place": "Kaspiysk",
        "admin1": "Dagestan",
        "country": "RU",
        "occupied": False,
        "lat": 42.8817,
        "lon": 47.6392,
        "geo_precision": 2,
        "target_type": "naval",
        "target": "missile ships",
        "weapon": "aerial_drone",
        "sources": (source(),),
    }
    fields.update(changes)
    return Event(**fields)


def spoil_row(store: str | Path, event_id: str, data: str) -> None:
    """Overwrite a stored event's data with ``data``, as a broken disk or hand edit would."""
    if is_postgres_url(store):
        with psycopg.connect(str(store), autocommit=True) as pg:
            cursor = pg.execute(
                "UPDATE events SET data = %s::jsonb WHERE id = %s", (data, event_id)
            )
            assert cursor.rowcount == 1
        return
    with closing(sqlite3.connect(store)) as db, db:
        changed = db.execute("UPDATE events SET data = ? WHERE id = ?", (data, event_id))
        assert changed.rowcount == 1


def version_1_store(path: Path, events: list[Event]) -> None:
    """A store of ``events`` as strikemap left it before schema versions were kept."""
    with closing(sqlite3.connect(path)) as db, db:
        db.executescript(VERSION_1)
        for e in events:
            db.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)",
                (
                    e.id,
                    e.date.isoformat(),
                    e.date_precision,
                    e.target_type,
                    e.weapon,
                    json.dumps(e.to_dict()),
                ),
            )


def older_store(location: str | Path, events: list[Event], version: int = 1) -> None:
    """A store of ``events`` in an older schema: on SQLite, strikemap's before schema
    versions; on PostgreSQL, the tables of that version."""
    if not is_postgres_url(location):
        assert version == 1
        version_1_store(Path(location), events)
        return
    with psycopg.connect(str(location), autocommit=True) as db, db.transaction():
        migrate_schema(db, 0, version)
        for e in events:
            db.execute(
                "INSERT INTO events (id, date, date_precision, target_type, weapon, data)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                (e.id, e.date, e.date_precision, e.target_type, e.weapon, Jsonb(e.to_dict())),
            )


def two_reports() -> tuple[Article, Article, Event, Event]:
    """Two articles whose strikes the store merges: a town, and a site in it."""
    one, two = (article_from_text(text, published=date(2024, 11, 6)) for text in ("one", "two"))
    town = event(sources=(source(one.id, "Drones hit Kaspiysk."),), target=None)
    port = event(
        place="Kaspiysk port",
        lat=42.89,
        lon=47.65,
        geo_precision=1,
        outcome="hit",
        target="the port",
        sources=(source(two.id, "The port was hit."),),
    )
    return one, two, town, port
