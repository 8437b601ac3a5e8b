"""Small builders of events and sources for tests."""

from __future__ import annotations

from datetime import date
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
