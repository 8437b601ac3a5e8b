"""The history of a stored event: each change with who made it, when, and what it changed.

Backend-independent: the store modules write and read the entries; what a change holds,
how it reads, and what undoing or splitting one computes live here.

A change is ``{field: (old, new)}`` over the fields of :meth:`Event.to_dict` (sources and
distance claims as lists), leaving out the id and what the sources give (the quote); a
field that is ``None`` or empty on one side is absent there. Enough to put an event back
as it was: an edit undone restores the old values, a deletion undone the whole event.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal, get_args

from ..errors import InputError
from ..model import Event, Source

Action = Literal["created", "merged", "edited", "split", "deleted", "undone"]
ACTIONS: tuple[Action, ...] = get_args(Action)

#: Keys of a split's change that are no field of the event: the events it made, or the one
#: a part came from.
SPLIT_INTO = "split_into"
SPLIT_FROM = "split_from"
_LINKS = (SPLIT_INTO, SPLIT_FROM)
_NOT_COMPARED = ("id", "quote")
#: An analyst's name as history keeps it: one line, this long at most.
ANALYST_MAX_CHARS = 80

Changes = dict[str, tuple[Any, Any]]


def default_analyst() -> str:
    """Who is working, when no one says: the user of the operating system."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        # No login name in the environment and none in the password database (a container).
        return "unknown"


def analyst_name(name: str | None) -> str:
    """The name history records: ``name`` on one line, else the operating system's user."""
    cleaned = " ".join((name or "").split())[:ANALYST_MAX_CHARS]
    return cleaned or default_analyst()


def salted_id(event_id: str, article_id: str) -> str:
    """Another id for an event whose own is taken by a different strike."""
    return hashlib.sha256(f"{event_id}|{article_id}".encode()).hexdigest()[:12]


def event_fields(event: Event | None) -> dict[str, Any]:
    """The fields a change compares, ``None`` and empty ones left out."""
    if event is None:
        return {}
    return {
        key: value
        for key, value in event.to_dict().items()
        if key not in _NOT_COMPARED and value is not None and value != []
    }


def changes_between(before: Event | None, after: Event | None) -> Changes:
    """What changed from ``before`` to ``after`` (``None``: not stored)."""
    old, new = event_fields(before), event_fields(after)
    return {
        key: (old.get(key), new.get(key))
        for key in dict.fromkeys([*old, *new])
        if old.get(key) != new.get(key)
    }


def _event(fields: dict[str, Any], event_id: str) -> Event:
    return Event.from_dict({**fields, "id": event_id})


def reverted(current: Event | None, changes: Changes, event_id: str) -> Event:
    """The event as it was before ``changes``: each changed field's old value put back."""
    fields = event_fields(current)
    for key, (old, _) in changes.items():
        if key in _LINKS:
            continue
        if old is None:
            fields.pop(key, None)
        else:
            fields[key] = old
    return _event(fields, event_id)


def state_after(changes: Changes, event_id: str) -> Event:
    """The event a change made from nothing: created by a load, or split off another."""
    fields = {
        key: new for key, (_, new) in changes.items() if key not in _LINKS and new is not None
    }
    return _event(fields, event_id)


def action_of(value: Any) -> Action:
    """A stored action's name, checked."""
    if value not in ACTIONS:
        raise ValueError(f"unknown action {value!r}")
    return value  # type: ignore[no-any-return]


def changes_of(data: Any) -> Changes:
    """A stored change (decoded JSON, pairs as lists) as ``{field: (old, new)}``."""
    return {str(key): (old, new) for key, (old, new) in data.items()}


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return str(len(value))
    return str(value)


@dataclass(frozen=True)
class HistoryEntry:
    """One change of one event.

    Parameters
    ----------
    seq
        Orders the entries of the whole store.
    event_id
        The event changed.
    at
        When, in UTC.
    analyst
        Who: the name given (``--analyst``, the app's field) or the operating system's user.
    action
        ``created`` by a load, ``merged`` a load's report in, ``edited``, ``split`` (into
        parts, or off an event), ``deleted``, or ``undone`` (a change reversed).
    changes
        ``{field: (old, new)}``; a split also names the events it made or came from.
    article_id
        The article a load's ``created`` or ``merged`` came from.
    undoes
        For ``undone``: the ``seq`` of the change it reversed.
    undone
        Whether a later entry reversed this one.
    report
        For ``merged``: the report merged in, as loaded (what a split gives back).
    """

    seq: int
    event_id: str
    at: datetime
    analyst: str
    action: Action
    changes: Changes
    article_id: str | None = None
    undoes: int | None = None
    undone: bool = False
    report: Event | None = None

    @property
    def split_from(self) -> str | None:
        """For a part a split made: the event it was split off."""
        link = self.changes.get(SPLIT_FROM)
        return None if link is None else str(link[1])

    def what(self) -> str:
        """What the change did, in a line: the fields with old and new values; for an
        event made or removed whole, where it came from (its fields are too many)."""
        source = f"from article {self.article_id}" if self.article_id else ""
        if self.split_from is not None:
            return f"split off event {self.split_from}" + (f", {source}" if source else "")
        if self.action in ("created", "deleted"):
            return source
        parts = []
        if self.action == "merged":
            parts.append(f"report of article {self.article_id} merged in")
        if self.undoes is not None:
            parts.append(f"change {self.undoes} undone")
        into = self.changes.get(SPLIT_INTO)
        if into is not None:
            parts.append(f"split into {', '.join(into[1] or ())}" if into[1] else "joined again")
        fields = {key: values for key, values in self.changes.items() if key not in _LINKS}
        if fields and all(old is None for old, _ in fields.values()):
            parts.append("the event back")
        elif fields and all(new is None for _, new in fields.values()):
            parts.append("the event removed")
        else:
            parts.extend(
                f"{key.replace('_', ' ')}: {_shown(old)} → {_shown(new)}"
                for key, (old, new) in fields.items()
            )
        return "; ".join(parts)

    def describe(self) -> str:
        """The entry in a line: number, time, who, action and what it changed."""
        undone = " (undone)" if self.undone else ""
        what = self.what()
        return (
            f"#{self.seq} {self.at:%Y-%m-%d %H:%M:%S} UTC  {self.analyst}  "
            f"{self.action}{undone}{': ' + what if what else ''}"
        )


def with_undone(entries: Sequence[HistoryEntry]) -> list[HistoryEntry]:
    """The entries, each marked when a later one undid it."""
    undone = {entry.undoes for entry in entries if entry.undoes is not None}
    return [
        replace(entry, undone=entry.seq in undone) for entry in sorted(entries, key=lambda e: e.seq)
    ]


def last_change(entries: Sequence[HistoryEntry]) -> HistoryEntry | None:
    """The latest change not yet undone (undoing walks back through these)."""
    for entry in reversed(with_undone(entries)):
        if entry.action != "undone" and not entry.undone:
            return entry
    return None


def reports_by_article(entries: Sequence[HistoryEntry]) -> dict[str, Event]:
    """Each article's own report of the event, as it was loaded, where history has it."""
    found: dict[str, Event] = {}
    for entry in with_undone(entries):
        if entry.undone:
            continue
        if entry.action == "created" or entry.split_from is not None:
            state = state_after(entry.changes, entry.event_id)
            for source in state.sources:
                found.setdefault(source.article_id, state)
        elif entry.action == "merged" and entry.report is not None and entry.article_id:
            found.setdefault(entry.article_id, entry.report)
    return found


def split_parts(event: Event, reports: dict[str, Event]) -> list[Event]:
    """One event per article of ``event``'s sources: that article's own report where known
    (its date, place, target and claims as loaded), else ``event``'s fields.

    The first part keeps the event's id; the others get the id their own fields give.
    """
    by_article: dict[str, list[Source]] = {}
    for source in event.sources:
        by_article.setdefault(source.article_id, []).append(source)
    if len(by_article) < 2:
        raise InputError(f"event {event.id} has one source: there is nothing to split")
    return [
        reports.get(article_id, event).with_changes(
            sources=tuple(sources), id=event.id if index == 0 else ""
        )
        for index, (article_id, sources) in enumerate(by_article.items())
    ]
