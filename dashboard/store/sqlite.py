"""The embedded backend of the store: one SQLite file, the only module that reads or writes it.

SQLite needs no server, ships with Python, and gives each article's load one
transaction: a load that fails half way leaves what was stored before untouched.
Loading is idempotent: an article is known by the hash of its text, and a second load
of it changes nothing.

The schema's version is SQLite's ``user_version``; a file of before versions were kept
reads 0 and is version 1. An older store is brought up to date only when asked
(``python -m dashboard migrate``), never silently by opening it.

A few programs on one machine may load into one file at once: the file is in WAL mode
(readers never wait), every write transaction takes the write lock as it begins
(``BEGIN IMMEDIATE``), so a merge is decided on what the other loads stored before it, and
a writer waits for another's transaction (the busy timeout), then tries again.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, Self, TypeVar

from ..articles import Article
from ..errors import DataError, StoreError, StrikemapError
from ..filters import Filters
from ..model import Event
from ..settings import get_settings
from .base import (
    BULK_ID,
    SCHEMA_VERSION,
    Counted,
    EventStore,
    LoadReport,
    StoredArticle,
    UnreadableEvent,
    decoded_event,
    now,
)
from .history import Action, Changes, HistoryEntry, action_of, analyst_name, changes_of
from .query import FILTER_COLUMNS, Clause, filter_columns, where

#: A step of a migration: a statement, or a function of the open database.
Step = str | Callable[[sqlite3.Connection], None]

#: The steps that bring a store of version ``n`` to ``n + 1``; from 0, an empty file,
#: they make a new store.
_MIGRATIONS: dict[int, tuple[Step, ...]] = {
    0: (
        """CREATE TABLE IF NOT EXISTS articles (
            article_id TEXT PRIMARY KEY,
            path TEXT,
            outlet TEXT,
            published TEXT,
            url TEXT,
            title TEXT,
            loaded_at TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS events (
            id TEXT PRIMARY KEY,
            date TEXT NOT NULL,
            date_precision TEXT NOT NULL,
            target_type TEXT NOT NULL,
            weapon TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS events_date ON events (date)",
    ),
    # Version 2: the history of every change to an event.
    1: (
        """CREATE TABLE history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL,
            at TEXT NOT NULL,
            analyst TEXT NOT NULL,
            action TEXT NOT NULL,
            changes TEXT NOT NULL,
            article_id TEXT,
            report TEXT,
            undoes INTEGER REFERENCES history (seq)
        )""",
        "CREATE INDEX history_event ON history (event_id, seq)",
    ),
    # Version 3: the columns the app's filters read, and their indexes.
    2: (
        "ALTER TABLE events ADD COLUMN period_end TEXT",
        "ALTER TABLE events ADD COLUMN country TEXT",
        "ALTER TABLE events ADD COLUMN admin1 TEXT",
        "ALTER TABLE events ADD COLUMN lat REAL",
        "ALTER TABLE events ADD COLUMN lon REAL",
        "ALTER TABLE events ADD COLUMN distance_km REAL",
        "ALTER TABLE events ADD COLUMN search TEXT",
        "ALTER TABLE events ADD COLUMN outcome TEXT",
        lambda db: _fill_filter_columns(db),
        "CREATE INDEX events_period_end ON events (period_end)",
        # Covering: the ids of a query by kinds, dates and distance come from the index alone.
        "CREATE INDEX events_type_date ON events (target_type, date, period_end, distance_km, id)",
        "CREATE INDEX events_weapon_date ON events (weapon, date, period_end, distance_km, id)",
        "CREATE INDEX events_region ON events (country, admin1)",
        "CREATE INDEX events_distance ON events (distance_km)",
        "CREATE INDEX events_place ON events (lat, lon)",
    ),
}
assert len(_MIGRATIONS) == SCHEMA_VERSION


def shown_path(path: Path) -> str:
    """A path as messages give it: as written when relative, else from the working folder
    when under it, else its name alone (no absolute path in what users see)."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return path.name


def _when_free(statement: Callable[[], object]) -> None:
    """Run a statement that takes a lock, trying again while another program holds it."""
    for attempt in range(BUSY_RETRIES):
        try:
            statement()
            return
        except sqlite3.OperationalError as error:
            busy = getattr(error, "sqlite_errorname", "").startswith("SQLITE_BUSY")
            if not busy or attempt == BUSY_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino


#: How long a write waits for another program's transaction (another load) to end.
BUSY_TIMEOUT_S = 5.0
#: How often a write that found the store locked past the timeout tries again.
BUSY_RETRIES = 3

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _faults(
    method: Callable[Concatenate[SQLiteStore, _P], _R],
) -> Callable[Concatenate[SQLiteStore, _P], _R]:
    """SQLite's errors of a store method as one clear error of the project."""

    @functools.wraps(method)
    def checked(store: SQLiteStore, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(store, *args, **kwargs)
        except sqlite3.Error as error:
            raise store.fault(error) from None

    return checked


class SQLiteStore(EventStore):
    """Events, the articles they came from, and their history, in one SQLite file.

    Every fault of the file (missing, read-only, locked, vanished, not a store, older than
    this code) is raised as one :class:`StoreError` or :class:`DataError` that names it,
    never as SQLite's own.

    Parameters
    ----------
    path
        The database file. Defaults to the settings' ``store_path``.
    create
        Create the file and its folder when missing; when ``False`` a missing store is a
        :class:`StoreError` (an export of a store never loaded).
    migrate
        Bring a store of an older schema up to date (:attr:`migrated_from` says from
        which version); without it such a store is a :class:`StoreError` saying to migrate.
    analyst
        Who the changes made through this store are recorded as; by default the user of
        the operating system.
    """

    @_faults
    def __init__(
        self,
        path: str | Path | None = None,
        *,
        create: bool = True,
        migrate: bool = False,
        analyst: str | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else get_settings().store_path
        self.shown = shown_path(self.path)
        self.analyst = analyst_name(analyst)
        self.unreadable: dict[str, str] = {}
        #: The version a migration on opening started from; ``None`` when none was needed.
        self.migrated_from: int | None = None
        if not create and not self.path.is_file():
            raise StoreError(
                f"there is no store {self.shown}: load articles into it first "
                "(python -m dashboard load)"
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"the store {self.shown} cannot be made: its folder cannot be created "
                f"({error.strerror})"
            ) from None
        self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
        # WAL keeps each article's transaction atomic without an fsync per commit, and
        # lets the app read while a load writes. Switching to it needs a moment alone with
        # a new file, which another program opening it too may hold.
        _when_free(lambda: self._db.execute("PRAGMA journal_mode=WAL"))
        self._db.execute("PRAGMA synchronous=NORMAL")
        # SQLite goes on writing to a file deleted under it, into nothing; writes check this.
        self._file = _identity(self.path)
        self._bring_up_to_date(migrate)

    def _version(self) -> int:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version:
            return version
        tables = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'events'")
        return 1 if tables.fetchone() else 0

    def _bring_up_to_date(self, migrate: bool) -> None:
        # Read first: a store that is up to date is never written to on opening (it may
        # be read-only, or another program may be loading into it).
        if self._version() == SCHEMA_VERSION:
            return
        with self._transaction():
            # Again inside the transaction: another program may have made it meanwhile.
            version = self._version()
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the store {self.shown} was made by a newer strikemap (schema version "
                    f"{version}, this one reads {SCHEMA_VERSION}): update strikemap"
                )
            if 0 < version < SCHEMA_VERSION and not migrate:
                raise StoreError(
                    f"the store {self.shown} is of an older schema (version {version}; "
                    f"this strikemap needs {SCHEMA_VERSION}): bring it up to date with "
                    "python -m dashboard migrate (with the same --store or STRIKEMAP_STORE)"
                )
            for step in range(version, SCHEMA_VERSION):
                for statement in _MIGRATIONS[step]:
                    if isinstance(statement, str):
                        self._db.execute(statement)
                    else:
                        statement(self._db)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            if version:
                self.migrated_from = version

    @_faults
    def schema_version(self) -> int:
        """The version of the store's schema (:data:`SCHEMA_VERSION` once opened)."""
        return self._version()

    def fault(self, error: sqlite3.Error) -> StrikemapError:
        """One clear error for an error of SQLite on this store."""
        code = getattr(error, "sqlite_errorname", None) or ""
        store = f"the store {self.shown}"
        if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return StoreError(
                f"{store} is locked by another program (a load still running?); "
                "try again when it is done"
            )
        if code == "SQLITE_READONLY_DBMOVED":
            return self._vanished()
        if code.startswith("SQLITE_READONLY"):
            return StoreError(
                f"{store} is read-only, so nothing can be saved to it; "
                "give a writable one with --store or STRIKEMAP_STORE"
            )
        if code.startswith("SQLITE_CANTOPEN"):
            return StoreError(
                f"{store} cannot be opened: it is not a file, or its folder is gone or not writable"
            )
        if code.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
            return DataError(f"{self.shown}: not a strikemap store ({error})")
        if code.startswith("SQLITE_FULL"):
            return StoreError(f"{store} cannot grow: the disk is full")
        return StoreError(f"{store}: {error}")

    def _vanished(self) -> StoreError:
        return StoreError(
            f"the store {self.shown} vanished while in use (deleted or moved); "
            "nothing more was saved"
        )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if _identity(self.path) != self._file:
            raise self._vanished()
        with self._db:
            # Takes the write lock at once: what is read in the transaction stays what
            # it writes over (a merge's candidates, an edit's event).
            _when_free(lambda: self._db.execute("BEGIN IMMEDIATE"))
            yield self._db

    @contextmanager
    def _changing(self) -> Iterator[None]:
        try:
            with self._transaction():
                yield
        except sqlite3.Error as error:
            raise self.fault(error) from None

    @_faults
    def has_article(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE article_id = ?", (article_id,))
        return row.fetchone() is not None

    @_faults
    def article_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    @_faults
    def save_article(self, article: Article, events: Iterable[Event]) -> LoadReport:
        return super().save_article(article, events)

    @_faults
    def save_events(self, events: Iterable[Event]) -> int:
        return super().save_events(events)

    def _add_article(self, article: StoredArticle) -> bool:
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article.article_id,
                article.path,
                article.outlet,
                article.published.isoformat() if article.published else None,
                article.url,
                article.title,
                article.loaded_at.isoformat(),
            ),
        )
        return cursor.rowcount == 1

    def _candidates(self, year: int) -> Iterator[Event]:
        # Dates agree at most within a year, so only that year's events are candidates.
        rows = self._db.execute(
            "SELECT id, data FROM events WHERE date >= ? AND date < ? ORDER BY rowid",
            (f"{year:04d}-01-01", f"{year + 1:04d}-01-01"),
        )
        for event_id, data in rows.fetchall():
            known = self._decode(event_id, data)
            if known is not None:
                yield known

    @staticmethod
    def _write(db: sqlite3.Connection, event: Event) -> None:
        db.execute(_INSERT, _row(event))

    _placeholder = "?"

    def _where(self, query: Filters) -> Clause:
        return where(query, "?", contains="instr(search, {}) > 0")

    @_faults
    def _select_ids(self, clause: Clause) -> list[str]:
        params = [p.isoformat() if isinstance(p, date) else p for p in clause.params]
        rows = self._db.execute(f"SELECT id FROM events {clause.sql} ORDER BY date, id", params)
        return [event_id for (event_id,) in rows]

    def _select(self, clause: Clause) -> Iterator[Event]:
        params = [p.isoformat() if isinstance(p, date) else p for p in clause.params]
        try:
            cursor = self._db.execute(
                f"SELECT id, data FROM events {clause.sql} ORDER BY date, id", params
            )
            while rows := cursor.fetchmany(BATCH_ROWS):
                for event_id, data in rows:
                    event = self._decode(event_id, data)
                    if event is not None:
                        yield event
        except sqlite3.Error as error:
            raise self.fault(error) from None

    def stamp(self) -> str:
        # A commit writes to the write-ahead log first; the file itself at a checkpoint.
        files = (self.path, self.path.with_name(self.path.name + "-wal"))
        return ":".join(str(_identity_and_change(path)) for path in files)

    @_faults
    def bulk_fill(self, events: Iterable[Event]) -> int:
        counted = Counted(events)
        with self._transaction() as db:
            db.executemany(_INSERT, (_row(event) for event in counted))
            self._record(BULK_ID, "created", {"events": (None, counted.count)})
        # The planner's statistics, so it picks the covering indexes for the filters.
        self._db.execute("ANALYZE events")
        return counted.count

    @_faults
    def get(self, event_id: str) -> Event | None:
        return self._current(event_id)

    def _current(self, event_id: str) -> Event | None:
        row = self._db.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return self._decode(event_id, row[0]) if row else None

    def _put(self, event: Event) -> None:
        self._write(self._db, event)

    def _remove(self, event_id: str) -> None:
        self._db.execute("DELETE FROM events WHERE id = ?", (event_id,))

    def _id_taken(self, event_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,))
        return row.fetchone() is not None

    def _record(
        self,
        event_id: str,
        action: Action,
        changes: Changes,
        *,
        article_id: str | None = None,
        report: Event | None = None,
        undoes: int | None = None,
    ) -> int:
        return self._insert_entry(
            HistoryEntry(
                0, event_id, now(), self.analyst, action, changes, article_id, undoes, False, report
            )
        )

    def _insert_entry(self, entry: HistoryEntry) -> int:
        """Write a history entry; a ``seq`` of 0 takes the next number."""
        cursor = self._db.execute(
            "INSERT INTO history (seq, event_id, at, analyst, action, changes, article_id,"
            " report, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.seq or None,
                entry.event_id,
                entry.at.isoformat(),
                entry.analyst,
                entry.action,
                json.dumps(entry.changes, ensure_ascii=False),
                entry.article_id,
                None
                if entry.report is None
                else json.dumps(entry.report.to_dict(), ensure_ascii=False),
                entry.undoes,
            ),
        )
        return int(cursor.lastrowid or 0)

    @_faults
    def _entries(self, event_id: str) -> list[HistoryEntry]:
        return self._read_entries("WHERE event_id = ?", (event_id,))

    def _read_entries(self, where_sql: str, params: tuple[Any, ...]) -> list[HistoryEntry]:
        rows = self._db.execute(
            "SELECT seq, event_id, at, analyst, action, changes, article_id, report, undoes"
            f" FROM history {where_sql} ORDER BY seq",
            params,
        )
        entries = []
        for seq, event_id, at, analyst, action, changes, article_id, report, undoes in rows:
            try:
                entries.append(
                    HistoryEntry(
                        seq=seq,
                        event_id=event_id,
                        at=_utc(at),
                        analyst=analyst,
                        action=action_of(action),
                        changes=changes_of(json.loads(changes)),
                        article_id=article_id,
                        undoes=undoes,
                        report=None if report is None else Event.from_dict(json.loads(report)),
                    )
                )
            except (KeyError, TypeError, ValueError) as error:
                self.unreadable[f"history #{seq}"] = f"of event {event_id}: {error}"
        return entries

    @_faults
    def clear(self) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM events")
            db.execute("DELETE FROM articles")
            db.execute("DELETE FROM history")

    # -- moving a whole store ----------------------------------------------------------

    @_faults
    def stored_articles(self) -> Iterator[StoredArticle]:
        rows = self._db.execute(
            "SELECT article_id, path, outlet, published, url, title, loaded_at"
            " FROM articles ORDER BY loaded_at, article_id"
        )
        return iter(
            [
                StoredArticle(
                    article_id,
                    path,
                    outlet,
                    date.fromisoformat(published) if published else None,
                    url,
                    title,
                    _utc(loaded_at),
                )
                for article_id, path, outlet, published, url, title, loaded_at in rows
            ]
        )

    @_faults
    def every_entry(self) -> Iterator[HistoryEntry]:
        return iter(self._read_entries("", ()))

    @_faults
    def take_over(
        self,
        articles: Iterable[StoredArticle],
        events: Iterable[Event],
        entries: Iterable[HistoryEntry],
    ) -> int:
        with self._transaction() as db:
            for table in ("articles", "events", "history"):
                if db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                    raise StoreError(
                        f"the store {self.shown} is not empty: copy only into a new store"
                    )
            for article in articles:
                self._add_article(article)
            counted = Counted(events)
            db.executemany(_INSERT, (_row(event) for event in counted))
            for entry in entries:
                self._insert_entry(entry)
        return counted.count


#: Events read from the database at a time while streaming.
BATCH_ROWS = 2000

_INSERT = (
    f"INSERT OR REPLACE INTO events (id, date, date_precision, target_type, weapon, data, "
    f"{', '.join(FILTER_COLUMNS)}) VALUES ({', '.join('?' * (6 + len(FILTER_COLUMNS)))})"
)


def _row(event: Event) -> tuple[Any, ...]:
    filters = tuple(
        value.isoformat() if isinstance(value, date) else value for value in filter_columns(event)
    )
    return (
        event.id,
        event.date.isoformat(),
        event.date_precision,
        event.target_type,
        event.weapon,
        json.dumps(event.to_dict(), ensure_ascii=False),
        *filters,
    )


def _identity_and_change(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def _utc(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _fill_filter_columns(db: sqlite3.Connection) -> None:
    """Version 3: the filter columns of the events stored before, from their data."""
    rows = db.execute("SELECT id, data FROM events").fetchall()
    for event_id, data in rows:
        try:
            event = decoded_event(json.loads(data))
        except (json.JSONDecodeError, UnreadableEvent):
            # Left out of every answer anyway; its columns stay empty.
            continue
        db.execute(
            f"UPDATE events SET {', '.join(f'{c} = ?' for c in FILTER_COLUMNS)} WHERE id = ?",
            (*_row(event)[6:], event_id),
        )
