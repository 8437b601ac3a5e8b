"""The event store: an embedded SQLite file, the only module that reads or writes it.

SQLite needs no server, ships with Python, and gives each article's load one
transaction: a load that fails half way leaves what was stored before untouched.
Loading is idempotent: an article is known by the hash of its text, and a second load
of it changes nothing.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Concatenate, ParamSpec, TypeVar

from .articles import Article
from .errors import DataError, StoreError, StrikemapError
from .merge import merge_events, same_strike
from .model import Event
from .settings import get_settings

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    path TEXT,
    outlet TEXT,
    published TEXT,
    url TEXT,
    title TEXT,
    loaded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    target_type TEXT NOT NULL,
    weapon TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
"""


@dataclass
class LoadReport:
    """What loading one article did to the store."""

    article_id: str
    path: str | None
    added: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    already_loaded: bool = False


def _salted_id(event_id: str, article_id: str) -> str:
    return hashlib.sha256(f"{event_id}|{article_id}".encode()).hexdigest()[:12]


def shown_path(path: Path) -> str:
    """A path as messages give it: as written when relative, else from the working folder
    when under it, else its name alone (no absolute path in what users see)."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return path.name


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino


#: How long a write waits for another program's transaction (another load) to end.
BUSY_TIMEOUT_S = 5.0

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _faults(method: Callable[Concatenate[Store, _P], _R]) -> Callable[Concatenate[Store, _P], _R]:
    """SQLite's errors of a store method as one clear error of the project."""

    @functools.wraps(method)
    def checked(store: Store, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(store, *args, **kwargs)
        except sqlite3.Error as error:
            raise store.fault(error) from None

    return checked


class Store:
    """Events and the articles they came from, in one SQLite file.

    Every fault of the file (missing, read-only, locked, vanished, not a store) is raised
    as one :class:`StoreError` or :class:`DataError` that names it, never as SQLite's own.

    Parameters
    ----------
    path
        The database file. Defaults to the settings' ``store_path``.
    create
        Create the file and its folder when missing; when ``False`` a missing store is a
        :class:`StoreError` (an export of a store never loaded).
    """

    @_faults
    def __init__(self, path: str | Path | None = None, *, create: bool = True) -> None:
        self.path = Path(path) if path is not None else get_settings().store_path
        self.shown = shown_path(self.path)
        #: Stored events that could not be read, by id, with why: left out of every answer,
        #: for the caller to report once.
        self.unreadable: dict[str, str] = {}
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
        # WAL keeps each article's transaction atomic without an fsync per commit.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        # SQLite goes on writing to a file deleted under it, into nothing; writes check this.
        self._file = _identity(self.path)

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

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if _identity(self.path) != self._file:
            raise self._vanished()
        with self._db:
            yield self._db

    @_faults
    def has_article(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE article_id = ?", (article_id,))
        return row.fetchone() is not None

    def knows(self, article: Article) -> bool:
        """Whether the article is stored, by its id or by the one older stores gave it."""
        return self.has_article(article.id) or self.has_article(article.former_id)

    @_faults
    def article_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    @_faults
    def save_article(self, article: Article, events: Iterable[Event]) -> LoadReport:
        """Store an article's events, each merged into a stored report of the same strike.

        All or nothing: the article and its events are written in one transaction.
        """
        if self.knows(article):
            return LoadReport(article.id, article.path, already_loaded=True)
        try:
            return self._insert_article(article, events)
        except sqlite3.IntegrityError:
            # The articles' key is the only constraint: another load (two at once of one
            # folder) stored this article since the check above.
            return LoadReport(article.id, article.path, already_loaded=True)

    def _insert_article(self, article: Article, events: Iterable[Event]) -> LoadReport:
        report = LoadReport(article.id, article.path)
        with self._transaction() as db:
            # The article's row first: it takes the write lock, so the strikes compared
            # below are the latest, and a second writer of the same article fails here.
            db.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.path,
                    article.outlet,
                    article.published.isoformat() if article.published else None,
                    article.url,
                    article.title,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )
            for event in events:
                # The extraction already merged the article's own mentions of one strike.
                known = self._find_same_strike(event, skip_article=article.id)
                if known is None:
                    if self.get(event.id) is not None:
                        # Another strike already holds this id (same day, place and kind,
                        # yet not merged): give this one its own, never overwrite.
                        event = event.with_changes(id=_salted_id(event.id, article.id))
                    self._write(db, event)
                    report.added.append(event.id)
                else:
                    self._write(db, merge_events(known, event))
                    report.merged.append(known.id)
        return report

    @_faults
    def save_events(self, events: Iterable[Event]) -> int:
        """Write events as they are (replacing same ids), in one transaction."""
        count = 0
        with self._transaction() as db:
            for event in events:
                self._write(db, event)
                count += 1
        return count

    def _find_same_strike(self, event: Event, skip_article: str) -> Event | None:
        # Dates agree at most within a year, so only that year's events are candidates.
        year = event.date.year
        rows = self._db.execute(
            "SELECT id, data FROM events WHERE date >= ? AND date < ? ORDER BY rowid",
            (f"{year:04d}-01-01", f"{year + 1:04d}-01-01"),
        )
        for event_id, data in rows:
            known = self._decode(event_id, data)
            if known is None:
                continue
            from_this_article = any(s.article_id == skip_article for s in known.sources)
            if not from_this_article and same_strike(known, event):
                return known
        return None

    @staticmethod
    def _write(db: sqlite3.Connection, event: Event) -> None:
        db.execute(
            "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?)",
            (
                event.id,
                event.date.isoformat(),
                event.date_precision,
                event.target_type,
                event.weapon,
                json.dumps(event.to_dict(), ensure_ascii=False),
            ),
        )

    @_faults
    def events(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        target_types: Iterable[str] | None = None,
    ) -> list[Event]:
        """Stored events, oldest first, optionally within dates and of some target types."""
        clauses, params = [], []
        if since is not None:
            clauses.append("date >= ?")
            params.append(since.isoformat())
        if until is not None:
            clauses.append("date <= ?")
            params.append(until.isoformat())
        types = list(target_types or ())
        if types:
            clauses.append(f"target_type IN ({', '.join('?' * len(types))})")
            params.extend(types)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.execute(f"SELECT id, data FROM events {where} ORDER BY date, id", params)
        decoded = (self._decode(event_id, data) for event_id, data in rows)
        return [event for event in decoded if event is not None]

    @_faults
    def get(self, event_id: str) -> Event | None:
        """The stored event of that id; ``None`` when there is none or it cannot be read."""
        row = self._db.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return self._decode(event_id, row[0]) if row else None

    def _decode(self, event_id: str, data: str) -> Event | None:
        """The event of a stored row, or ``None`` with the row noted in :attr:`unreadable`."""
        try:
            return Event.from_dict(json.loads(data))
        except json.JSONDecodeError as error:
            self.unreadable[event_id] = f"not JSON ({error.msg} at character {error.pos})"
        except KeyError as error:
            self.unreadable[event_id] = f"no {error.args[0]}"
        except (TypeError, ValueError) as error:
            self.unreadable[event_id] = str(error)
        return None

    @_faults
    def clear(self) -> None:
        """Remove every article and event (the demo store is refilled this way)."""
        with self._transaction() as db:
            db.execute("DELETE FROM events")
            db.execute("DELETE FROM articles")
