"""The event store: one interface (:class:`EventStore`), a module per backend.

:class:`Store` is the embedded SQLite file, the default; every change to an event goes
through the interface and is kept in its history (:class:`HistoryEntry`).
"""

from __future__ import annotations

from .base import SCHEMA_VERSION, EventStore, LoadReport
from .history import ACTIONS, Action, HistoryEntry, default_analyst
from .sqlite import SQLiteStore, shown_path

#: The store the project opens: the SQLite backend.
Store = SQLiteStore

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
    "shown_path",
]
