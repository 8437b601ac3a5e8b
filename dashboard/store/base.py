"""What every store backend provides: loads, reads, corrections and their history.

:class:`EventStore` is the interface the loader, the command line and the app use. A
backend (:mod:`dashboard.store.sqlite` today) implements the loads and reads, and a few
primitives inside one write transaction; the corrections (edit, split, delete, undo) are
written here once on top of those primitives, so every backend records them alike.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from types import TracebackType

from ..articles import Article
from ..errors import EventNotFound, InputError, StoreError
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

#: The schema this code reads and writes. Version 1 is the store of before versions were
#: kept (articles and events); version 2 adds the history of changes.
SCHEMA_VERSION = 2


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

    # -- opening and closing -------------------------------------------------------------

    @abstractmethod
    def close(self) -> None: ...

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

    @abstractmethod
    def save_article(self, article: Article, events: Iterable[Event]) -> LoadReport:
        """Store an article's events, each merged into a stored report of the same strike.

        All or nothing: the article and its events are written in one transaction, and each
        event's ``created`` or ``merged`` recorded with them.
        """

    @abstractmethod
    def save_events(self, events: Iterable[Event]) -> int:
        """Write events as they are (replacing same ids), in one transaction; returns how
        many. Each is recorded as ``created``, or ``edited`` when it replaced another."""

    @abstractmethod
    def events(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        target_types: Iterable[str] | None = None,
    ) -> list[Event]:
        """Stored events, oldest first, optionally within dates and of some target types."""

    @abstractmethod
    def get(self, event_id: str) -> Event | None:
        """The stored event of that id; ``None`` when there is none or it cannot be read."""

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
