"""The event store: one interface (:class:`EventStore`), a module per backend.

:func:`open_store` opens the store the settings name: the PostgreSQL database of
``STRIKEMAP_DATABASE_URL`` when it is set (:mod:`dashboard.store.postgres`), else the
embedded SQLite file (:mod:`dashboard.store.sqlite`). Every change to an event goes through
the interface and is kept in its history (:class:`HistoryEntry`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..settings import get_settings
from .base import SCHEMA_VERSION, EventStore, LoadReport
from .history import ACTIONS, Action, HistoryEntry, default_analyst
from .sqlite import SQLiteStore, shown_path

#: The embedded store of one file (what tests and scripts make on their own).
Store = SQLiteStore

#: The schemes of a PostgreSQL address.
POSTGRES_SCHEMES = ("postgresql", "postgres")


def is_postgres_url(location: str | Path) -> bool:
    """Whether a store's location is a PostgreSQL address rather than a SQLite file."""
    return isinstance(location, str) and urlsplit(location).scheme in POSTGRES_SCHEMES


def shown_location(location: str | Path) -> str:
    """A store's location as a page or message shows it: an address without its password."""
    if is_postgres_url(location):
        from .postgres import shown_url

        return shown_url(str(location))
    return str(location)


def open_store(
    location: str | Path | None = None,
    *,
    create: bool = True,
    migrate: bool = False,
    analyst: str | None = None,
) -> EventStore:
    """Open a store of either backend.

    Parameters
    ----------
    location
        A ``postgresql://`` address or a SQLite file; by default the settings' store
        (``STRIKEMAP_DATABASE_URL``, else ``STRIKEMAP_STORE``).
    create, migrate, analyst
        As :class:`SQLiteStore` and :class:`~dashboard.store.postgres.PostgresStore` take
        them: make a missing store, bring an older one up to date, who changes it.
    """
    if location is None:
        location = get_settings().store_location
    if is_postgres_url(location):
        # The driver is imported only when a server is used.
        from .postgres import PostgresStore

        return PostgresStore(str(location), create=create, migrate=migrate, analyst=analyst)
    return SQLiteStore(location, create=create, migrate=migrate, analyst=analyst)


__all__ = [
    "ACTIONS",
    "SCHEMA_VERSION",
    "Action",
    "EventStore",
    "HistoryEntry",
    "LoadReport",
    "SQLiteStore",
    "Store",
    "default_analyst",
    "is_postgres_url",
    "open_store",
    "shown_location",
    "shown_path",
]
