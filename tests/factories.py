"""Small builders of events and sources for tests."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.model import Event, Source


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


def spoil_row(store: Path, event_id: str, data: str) -> None:
    """Overwrite a stored event's row with ``data``, as a broken disk or hand edit would."""
    with closing(sqlite3.connect(store)) as db, db:
        changed = db.execute("UPDATE events SET data = ? WHERE id = ?", (data, event_id))
        assert changed.rowcount == 1
