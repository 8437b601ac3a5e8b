"""What every store backend provides: loads, reads, corrections and their history.

:class:`EventStore` is the interface the loader, the command line and the app use. A
backend (:mod:`dashboard.store.sqlite`, :mod:`dashboard.store.postgres`) implements the
reads and a few primitives inside one write transaction; the loads (an article's events
merged into stored reports of the same strike) and the corrections (edit, split, delete,
undo) are written here once on top of those primitives, so every backend decides merges
and records changes alike.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any

from ..articles import Article
from ..errors import EventNotFound, InputError, StoreError
from ..filters import Filters
from ..merge import merge_events, same_strike
from ..model import Event
from .history import (
    SPLIT_FROM,
    SPLIT_INTO,
    Action,
    Changes,
    HistoryEntry,
    changes_between,
    last_change,
    reports_by_article,
    reverted,
    salted_id,
    split_parts,
    with_undone,
)
from .query import Clause

#: The schema this code reads and writes. Version 1 is the store of before versions were
#: kept (articles and events); version 2 adds the history of changes; version 3 the
#: columns and indexes the app's filters run on in the database.
SCHEMA_VERSION = 3
#: Ids asked for at once by :meth:`EventStore.fetch` (SQLite takes up to 32,766 parameters).
FETCH_IDS = 1000


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store keeps it: its metadata and when it was loaded."""

    article_id: str
    path: str | None
    outlet: str | None
    published: date | None
    url: str | None
    title: str | None
    loaded_at: datetime

    @classmethod
    def of(cls, article: Article) -> StoredArticle:
        """The record of an article loaded now."""
        return cls(
            article.id,
            article.path,
            article.outlet,
            article.published,
            article.url,
            article.title,
            now(),
        )


class UnreadableEvent(ValueError):
    """A stored event's data that is no event: the message says what is wrong."""


def decoded_event(data: Any) -> Event:
    """The event of a stored row's decoded data, or :class:`UnreadableEvent` saying why not."""
    try:
        return Event.from_dict(data)
    except KeyError as error:
        raise UnreadableEvent(f"no {error.args[0]}") from None
    except (TypeError, ValueError) as error:
        raise UnreadableEvent(str(error)) from None


class Counted(Iterator[Event]):
    """Events passed on one by one, counted (a bulk write of a generator)."""

    def __init__(self, events: Iterable[Event]) -> None:
        self._events = iter(events)
        self.count = 0

    def __next__(self) -> Event:
        event = next(self._events)
        self.count += 1
        return event


#: The event id of a bulk fill's single history entry.
BULK_ID = "*"


def now() -> datetime:
    """The time history and loads record: UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class LoadReport:
    """What loading one article did to the store."""

    article_id: str
    path: str | None
    added: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    already_loaded: bool = False


class EventStore(ABC):
    """Events, the articles they came from, and the history of every change to an event.

    Every change goes through these methods and is recorded with :attr:`analyst` and the
    time: loads (``created``, ``merged``) and corrections (``edited``, ``split``,
    ``deleted``, ``undone``).
    """

    #: The store as messages name it.
    shown: str
    #: Who the changes made through this store are recorded as.
    analyst: str
    #: Stored events that could not be read, by id, with why: left out of every answer,
    #: for the caller to report once.
    unreadable: dict[str, str]
    #: The version a migration on opening started from; ``None`` when none was needed.
    migrated_from: int | None

    # -- opening and closing -------------------------------------------------------------

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def schema_version(self) -> int:
        """The version of the store's schema (:data:`SCHEMA_VERSION` once opened)."""

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # -- loads and reads -----------------------------------------------------------------

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    def knows(self, article: Article) -> bool:
        """Whether the article is stored, by its id or by the one older stores gave it."""
        return self.has_article(article.id) or self.has_article(article.former_id)

    @abstractmethod
    def article_count(self) -> int: ...

    def save_article(self, article: Article, events: Iterable[Event]) -> LoadReport:
        """Store an article's events, each merged into a stored report of the same strike.

        All or nothing: the article and its events are written in one transaction, and each
        event's ``created`` or ``merged`` recorded with them. The transaction holds the
        store's write lock from its start, so what another load stores meanwhile is seen
        before deciding a merge, never interleaved with it.
        """
        if self.knows(article):
            return LoadReport(article.id, article.path, already_loaded=True)
        report = LoadReport(article.id, article.path)
        with self._changing():
            # Under the lock, the article may prove stored by another load since the check.
            if not self._add_article(StoredArticle.of(article)):
                report.already_loaded = True
                return report
            for event in events:
                # The extraction already merged the article's own mentions of one strike.
                known = self._same_strike(event, skip_article=article.id)
                if known is None:
                    if self._id_taken(event.id):
                        # Another strike already holds this id (same day, place and kind,
                        # yet not merged): give this one its own, never overwrite.
                        event = event.with_changes(id=salted_id(event.id, article.id))
                    self._put(event)
                    self._record(
                        event.id, "created", changes_between(None, event), article_id=article.id
                    )
                    report.added.append(event.id)
                else:
                    merged = merge_events(known, event)
                    self._put(merged)
                    self._record(
                        known.id,
                        "merged",
                        changes_between(known, merged),
                        article_id=article.id,
                        report=event,
                    )
                    report.merged.append(known.id)
        return report

    def _same_strike(self, event: Event, skip_article: str) -> Event | None:
        """The first stored report of the same strike, not from the article being loaded."""
        for known in self._candidates(event.date.year):
            from_this_article = any(s.article_id == skip_article for s in known.sources)
            if not from_this_article and same_strike(known, event):
                return known
        return None

    def save_events(self, events: Iterable[Event]) -> int:
        """Write events as they are (replacing same ids), in one transaction; returns how
        many. Each is recorded as ``created``, or ``edited`` when it replaced another."""
        count = 0
        with self._changing():
            for event in events:
                before = self._current(event.id)
                self._put(event)
                if before != event:
                    self._record(
                        event.id,
                        "created" if before is None else "edited",
                        changes_between(before, event),
                    )
                count += 1
        return count

    def query(self, query: Filters) -> list[Event]:
        """The stored events the filters (and an :class:`~dashboard.filters.EventQuery`'s
        map box) keep, oldest first, as :func:`dashboard.filters.filter_mask` would keep
        them, answered by the database."""
        return list(self.stream(query))

    def stream(self, query: Filters | None = None) -> Iterator[Event]:
        """What :meth:`query` gives, read from the database a batch at a time; every
        event without a query."""
        return self._select(self._where(query or Filters()))

    def fetch(self, ids: Iterable[str]) -> Iterator[Event]:
        """The readable events of these ids, read a batch of ids at a time; given in the
        store's order (:meth:`query_ids`), they come in it. Unknown ids are skipped.

        What a page shows of a million events (a page of the table, an export of the
        filtered ones) is read so, without holding the others."""
        batch: list[str] = []
        for event_id in ids:
            batch.append(event_id)
            if len(batch) == FETCH_IDS:
                yield from self._fetched(batch)
                batch = []
        if batch:
            yield from self._fetched(batch)

    def _fetched(self, ids: list[str]) -> Iterator[Event]:
        clause = Clause(self._placeholder)
        clause.among("id", tuple(ids))
        return self._select(clause)

    def query_ids(self, query: Filters) -> list[str]:
        """The ids of the events :meth:`query` gives, in its order, without reading the
        events themselves (what a page needs to pick rows it holds already)."""
        return self._select_ids(self._where(query))

    #: The driver's parameter mark.
    _placeholder: str

    @abstractmethod
    def _select_ids(self, clause: Clause) -> list[str]:
        """The ids of the events the clause keeps, by date then id."""

    @abstractmethod
    def _where(self, query: Filters) -> Clause:
        """The backend's ``WHERE`` clause of the filters (:func:`.query.where`)."""

    @abstractmethod
    def _select(self, clause: Clause) -> Iterator[Event]:
        """The readable events the clause keeps, by date then id, a batch at a time."""

    @abstractmethod
    def bulk_fill(self, events: Iterable[Event]) -> int:
        """Add many new events fast, in one transaction (the demo's million): instead of
        an entry per event, one ``created`` entry for them all, on the event id
        :data:`BULK_ID` with their count. Returns how many were written."""

    # -- moving a whole store ----------------------------------------------------------

    @abstractmethod
    def stored_articles(self) -> Iterator[StoredArticle]:
        """Every article, by the time it was loaded (then by id)."""

    @abstractmethod
    def every_entry(self) -> Iterator[HistoryEntry]:
        """Every history entry of the store, by ``seq`` (``undone`` not marked)."""

    @abstractmethod
    def take_over(
        self,
        articles: Iterable[StoredArticle],
        events: Iterable[Event],
        entries: Iterable[HistoryEntry],
    ) -> int:
        """Fill an empty store with another's content as it is: the same ids, load times,
        history numbers, analysts and times (``python -m dashboard copy``). Returns how
        many events were written.

        Raises
        ------
        StoreError
            When this store holds anything already.
        """

    def copy_to(self, target: EventStore) -> tuple[int, int, int]:
        """Copy this whole store into the empty ``target``, of either backend: articles,
        events and every history entry.

        Returns
        -------
        tuple of int
            How many articles, events and history entries were copied. Events that cannot
            be read are left behind, named in :attr:`unreadable`.
        """
        articles = list(self.stored_articles())
        entries = list(self.every_entry())
        events = target.take_over(articles, self.stream(), entries)
        return len(articles), events, len(entries)

    @abstractmethod
    def stamp(self) -> str:
        """Names the store's content: it changes whenever an event, article or history
        entry is written, so a reader can cache what it read until then."""

    def events(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        target_types: Iterable[str] | None = None,
    ) -> list[Event]:
        """Stored events, oldest first, optionally within dates and of some target types."""
        return list(self.exported(since=since, until=until, target_types=target_types))

    def exported(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        target_types: Iterable[str] | None = None,
    ) -> Iterator[Event]:
        """What :meth:`events` gives, read from the database a batch at a time (an export
        of a million events in constant memory). ``since`` and ``until`` bound the
        event's date itself, as exports always have."""
        clause = Clause(self._placeholder)
        if since is not None:
            clause.add("date >= {}", since)
        if until is not None:
            clause.add("date <= {}", until)
        types = tuple(target_types or ())
        if types:
            clause.among("target_type", types)
        return self._select(clause)

    @abstractmethod
    def get(self, event_id: str) -> Event | None:
        """The stored event of that id; ``None`` when there is none or it cannot be read."""

    def _decode(self, event_id: str, data: str) -> Event | None:
        """The event of a stored row, or ``None`` with the row noted in :attr:`unreadable`."""
        try:
            return decoded_event(json.loads(data))
        except json.JSONDecodeError as error:
            self.unreadable[event_id] = f"not JSON ({error.msg} at character {error.pos})"
        except UnreadableEvent as error:
            self.unreadable[event_id] = str(error)
        return None

    @abstractmethod
    def clear(self) -> None:
        """Remove every article, event and history entry (the demo store is refilled so)."""

    # -- the primitives of a change, inside :meth:`_changing` ------------------------------

    @abstractmethod
    def _changing(self) -> AbstractContextManager[None]:
        """One write transaction that no other writer interleaves; the backend's faults
        raised in it come out as the project's errors."""

    @abstractmethod
    def _current(self, event_id: str) -> Event | None:
        """The stored event, read inside the transaction."""

    @abstractmethod
    def _candidates(self, year: int) -> Iterator[Event]:
        """The readable events dated in ``year``, in the order they were last written."""

    @abstractmethod
    def _add_article(self, article: StoredArticle) -> bool:
        """Store the article's record; ``False`` when one of its id is stored already."""

    @abstractmethod
    def _put(self, event: Event) -> None:
        """Write the event, replacing one of the same id."""

    @abstractmethod
    def _remove(self, event_id: str) -> None: ...

    @abstractmethod
    def _id_taken(self, event_id: str) -> bool: ...

    @abstractmethod
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
        """Add an entry to the history, by :attr:`analyst` and now; returns its ``seq``."""

    @abstractmethod
    def _entries(self, event_id: str) -> list[HistoryEntry]:
        """The event's history entries, oldest first (``undone`` not yet marked)."""

    # -- corrections ---------------------------------------------------------------------

    def history(self, event_id: str) -> list[HistoryEntry]:
        """Every change of the event, oldest first, each marked when it was undone; empty
        for an event stored before history was kept and never changed since."""
        return with_undone(self._entries(event_id))

    def require(self, event_id: str) -> Event:
        """The stored event of that id, or :class:`EventNotFound` saying why there is none."""
        event = self.get(event_id)
        if event is None:
            raise self.not_found(event_id)
        return event

    def not_found(self, event_id: str) -> EventNotFound:
        """The error for an id the store holds no event of: deleted, unreadable or unknown."""
        if event_id in self.unreadable:
            return EventNotFound(f"event {event_id} cannot be read: {self.unreadable[event_id]}")
        if any(entry.action == "deleted" for entry in self._entries(event_id)):
            return EventNotFound(
                f"event {event_id} was deleted (python -m dashboard event show {event_id} "
                "gives its history; undo brings it back)"
            )
        return EventNotFound(f"there is no event {event_id} in the store {self.shown}")

    def _stored(self, event_id: str) -> Event:
        current = self._current(event_id)
        if current is None:
            raise self.not_found(event_id)
        return current

    def edit(self, old: Event, new: Event) -> Event:
        """Replace the stored ``old`` with ``new``, its correction, recorded as ``edited``.

        Raises
        ------
        StoreError
            When the stored event is no longer ``old``: someone changed it meanwhile.
        EventNotFound
            When it is no longer stored.
        """
        if new.id != old.id or new.sources != old.sources:
            raise InputError("a correction changes an event's fields, never its id or sources")
        changes = changes_between(old, new)
        if not changes:
            return old
        with self._changing():
            if self._stored(old.id) != old:
                raise StoreError(
                    f"event {old.id} was changed meanwhile (by another analyst or load); "
                    "open it again and redo the correction"
                )
            self._put(new)
            self._record(old.id, "edited", changes)
        return new

    def delete(self, event_id: str) -> Event:
        """Remove the event, recorded as ``deleted`` with every field (undo brings it back).

        Its articles stay known, so loading them again does not bring it back.
        """
        with self._changing():
            current = self._stored(event_id)
            self._remove(event_id)
            self._record(event_id, "deleted", changes_between(current, None))
        return current

    def split(self, event_id: str) -> list[Event]:
        """Undo a wrong merge: one event per article among the event's sources.

        Each part gets its article's own report as it was loaded, where the history has it
        (stores from before history keep the merged fields); the first keeps the id.

        Returns
        -------
        list of Event
            The parts, the event's own first.
        """
        with self._changing():
            current = self._stored(event_id)
            parts = split_parts(current, reports_by_article(self._entries(event_id)))
            parts[1:] = self._with_free_ids(parts[1:])
            new_ids = [part.id for part in parts[1:]]
            self._put(parts[0])
            self._record(
                event_id,
                "split",
                {**changes_between(current, parts[0]), SPLIT_INTO: (None, new_ids)},
            )
            for part in parts[1:]:
                self._put(part)
                self._record(
                    part.id,
                    "split",
                    {**changes_between(None, part), SPLIT_FROM: (None, event_id)},
                    article_id=part.sources[0].article_id,
                )
        return parts

    def _with_free_ids(self, parts: list[Event]) -> list[Event]:
        """The parts with ids no stored event has (nor another part)."""
        chosen: list[Event] = []
        for part in parts:
            event_id = part.id
            while event_id in {c.id for c in chosen} or self._id_taken(event_id):
                event_id = salted_id(event_id, part.sources[0].article_id)
            chosen.append(part.with_changes(id=event_id))
        return chosen

    def undo_last(self, event_id: str) -> HistoryEntry:
        """Reverse the event's latest change not yet undone, recorded as ``undone``.

        An edit gets its old values back, a deletion the event, a split its parts joined
        again (when none changed since), and a merge its report as an event of its own.

        Returns
        -------
        HistoryEntry
            The change reversed.

        Raises
        ------
        InputError
            When there is nothing to undo: the event is as first stored, or was split off
            another (undo that split on the other).
        """
        with self._changing():
            entries = self._entries(event_id)
            last = last_change(entries)
            if last is None:
                raise InputError(f"event {event_id} has no recorded change to undo")
            current = self._current(event_id)
            if last.action == "deleted":
                if current is not None:
                    raise StoreError(f"event {event_id} is stored again: nothing to bring back")
                self._restore(event_id, None, reverted(None, last.changes, event_id), last)
            elif current is None:
                raise self.not_found(event_id)
            elif last.action == "created":
                raise InputError(
                    f"event {event_id} is as it was first stored: nothing to undo "
                    "(delete it if it is no strike)"
                )
            elif last.split_from is not None:
                raise InputError(
                    f"event {event_id} was split off event {last.split_from}: undo the split there"
                )
            elif last.action == "split":
                self._join_parts(current, last)
            elif last.action == "merged":
                self._unmerge(current, last)
            else:
                self._restore(event_id, current, reverted(current, last.changes, event_id), last)
        return last

    def _restore(
        self, event_id: str, current: Event | None, restored: Event, undone: HistoryEntry
    ) -> None:
        self._put(restored)
        self._record(event_id, "undone", changes_between(current, restored), undoes=undone.seq)

    def _join_parts(self, current: Event, split: HistoryEntry) -> None:
        part_ids = [str(part_id) for part_id in split.changes[SPLIT_INTO][1]]
        parts = []
        for part_id in part_ids:
            last = last_change(self._entries(part_id))
            part = self._current(part_id)
            if part is None or last is None or last.split_from != current.id:
                raise StoreError(
                    f"event {part_id}, split off event {current.id}, changed since: "
                    "undo its changes first"
                )
            parts.append((part, last))
        for part, born in parts:
            self._remove(part.id)
            self._record(part.id, "undone", changes_between(part, None), undoes=born.seq)
        restored = reverted(current, split.changes, current.id)
        self._put(restored)
        self._record(
            current.id,
            "undone",
            {**changes_between(current, restored), SPLIT_INTO: (part_ids, None)},
            undoes=split.seq,
        )

    def _unmerge(self, current: Event, merge: HistoryEntry) -> None:
        if merge.report is None:
            raise InputError(f"the report merged into event {current.id} was not kept")
        (report,) = self._with_free_ids([merge.report])
        restored = reverted(current, merge.changes, current.id)
        self._put(restored)
        self._record(
            current.id,
            "undone",
            {**changes_between(current, restored), SPLIT_INTO: (None, [report.id])},
            undoes=merge.seq,
        )
        self._put(report)
        self._record(
            report.id,
            "split",
            {**changes_between(None, report), SPLIT_FROM: (None, current.id)},
            article_id=merge.article_id,
        )
