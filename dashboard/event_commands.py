"""The command line of corrections, ``event show|edit|split|delete|undo ID``, and of whole
stores: ``migrate`` and ``copy``.

Every change goes through the store, which records it in the event's history with the
analyst (``--analyst``, else the user of the operating system).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .corrections import EventEdit, edit_event, field_rows
from .errors import InputError
from .model import DATE_PRECISIONS, OUTCOMES, TARGET_TYPES, WEAPONS, Event, parse_iso_date
from .store import SCHEMA_VERSION, EventStore, HistoryEntry, open_store

#: Help of every command's ``--store``.
STORE_HELP = (
    "the store: a SQLite file or a postgresql:// address "
    "(default: STRIKEMAP_DATABASE_URL, else data/strikemap.sqlite)"
)
_ANALYST_HELP = "who makes the change, for the history (default: the user of the system)"


def add_analyst_option(parser: argparse.ArgumentParser) -> None:
    """``--analyst NAME``, for commands that change the store."""
    parser.add_argument("--analyst", metavar="NAME", help=_ANALYST_HELP)


def _one_of(values: tuple[str, ...]) -> str:
    return f"one of: {', '.join(values)}"


def add_event_commands(subparsers: Any) -> None:
    """Add ``event show|edit|split|delete|undo`` and ``migrate`` to the command line.

    Parameters
    ----------
    subparsers
        What ``ArgumentParser.add_subparsers()`` returned for ``python -m dashboard``.
    """
    event = subparsers.add_parser(
        "event", help="show, correct, split or delete a stored event; undo a change"
    )
    commands = event.add_subparsers(dest="event_command", required=True, metavar="ACTION")
    show = commands.add_parser("show", help="every field, the sources and the history")
    edit = commands.add_parser(
        "edit",
        help="correct date, place, target type, weapon or outcome",
        description=(
            "Correct an event; what is not given stays. A new date or place is measured "
            "again against the front line of the event's date. --place alone looks the "
            "place up in the gazetteer (point, region, country); with --lat and --lon it "
            "names that point."
        ),
    )
    edit.add_argument("--date", metavar="YYYY-MM-DD")
    edit.add_argument(
        "--precision", metavar="P", help=f"how well the date is known ({_one_of(DATE_PRECISIONS)})"
    )
    edit.add_argument("--place", metavar="NAME")
    edit.add_argument("--lat", metavar="DEG")
    edit.add_argument("--lon", metavar="DEG")
    edit.add_argument("--target-type", metavar="T", help=_one_of(TARGET_TYPES))
    edit.add_argument("--weapon", metavar="W", help=_one_of(WEAPONS))
    edit.add_argument("--outcome", metavar="O", help=_one_of(OUTCOMES))
    edit.add_argument(
        "--allow-any-date",
        action="store_true",
        help="keep a date before 2014 or after tomorrow (refused as a likely typo)",
    )
    split = commands.add_parser(
        "split", help="undo a wrong merge: one event per article among the sources"
    )
    delete = commands.add_parser("delete", help="remove an event (undo brings it back)")
    delete.add_argument("--yes", action="store_true", help="do not ask first")
    undo = commands.add_parser("undo", help="reverse the event's last change")
    for command in (show, edit, split, delete, undo):
        command.add_argument("event_id", metavar="ID")
        command.add_argument("--store", help=STORE_HELP)
    for command in (edit, split, delete, undo):
        add_analyst_option(command)

    migrate = subparsers.add_parser(
        "migrate", help="bring a store made by an older strikemap up to date"
    )
    migrate.add_argument("--store", help=STORE_HELP)

    copy = subparsers.add_parser(
        "copy",
        help="copy a whole store, sources and history included, into a new one",
        description=(
            "Copy every article, event and history entry from one store into an empty "
            "one, between SQLite and PostgreSQL either way; each is a SQLite file or a "
            "postgresql:// address."
        ),
    )
    copy.add_argument("--from", dest="source", metavar="STORE", help=STORE_HELP)
    copy.add_argument("--to", dest="target", metavar="STORE", required=True)


def _number(text: str | None, name: str) -> float | None:
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        raise InputError(f"{name} {text!r} is not a number") from None


def _edit_of(args: argparse.Namespace) -> EventEdit:
    return EventEdit(
        date=parse_iso_date(args.date) if args.date is not None else None,
        date_precision=args.precision,
        place=args.place,
        lat=_number(args.lat, "--lat"),
        lon=_number(args.lon, "--lon"),
        target_type=args.target_type,
        weapon=args.weapon,
        outcome=args.outcome,
        allow_any_date=args.allow_any_date,
    )


def _print_event(event: Event) -> None:
    width = max(len(label) for label, _ in field_rows(event))
    for label, value in field_rows(event):
        print(f"{label:<{width}}  {value}")
    print(f"sources ({len(event.sources)})")
    for number, source in enumerate(event.sources, start=1):
        published = source.published.isoformat() if source.published else "no date"
        outlet = source.outlet or "unknown outlet"
        print(f"  {number}. {outlet}, {published}, article {source.article_id}")
        for extra in (source.title, source.url):
            if extra:
                print(f"     {extra}")
        for quote in source.quotes:
            print(f"     “{quote}”")


def _print_history(entries: list[HistoryEntry]) -> None:
    print(f"history ({len(entries)})")
    if not entries:
        print("  none recorded (stored before history was kept, and not changed since)")
    for entry in entries:
        print(f"  {entry.describe()}")


def _show(store: EventStore, event_id: str) -> None:
    event = store.get(event_id)
    entries = store.history(event_id)
    if event is None:
        if not entries:
            raise store.not_found(event_id)
        print(f"event {event_id}: deleted (event undo {event_id} brings it back)")
    else:
        _print_event(event)
    _print_history(entries)


def run_event(args: argparse.Namespace) -> int:
    """Run an ``event`` action; returns the exit status."""
    command = args.event_command
    with open_store(args.store, create=False, analyst=getattr(args, "analyst", None)) as store:
        if command == "show":
            _show(store, args.event_id)
        elif command == "edit":
            old, new = edit_event(store, args.event_id, _edit_of(args))
            if old == new:
                print(f"event {old.id}: nothing to change")
            else:
                print(
                    f"event {old.id} edited by {store.analyst}: {store.history(old.id)[-1].what()}"
                )
        elif command == "split":
            parts = store.split(args.event_id)
            print(f"event {args.event_id} split into {len(parts)} events:")
            for part in parts:
                print(
                    f"  {part.id}  {part.date.isoformat()}  {part.place or '—'}  "
                    f"{len(part.sources)} source{'s' * (len(part.sources) != 1)}"
                )
        elif command == "delete":
            return _delete(store, args)
        else:
            undone = store.undo_last(args.event_id)
            what = undone.what()
            print(
                f"event {args.event_id}: undid #{undone.seq}, {undone.action}"
                + (f" ({what})" if what else "")
            )
    return 0


def _delete(store: EventStore, args: argparse.Namespace) -> int:
    event = store.require(args.event_id)
    about = f"event {event.id} ({event.date.isoformat()}, {event.place or 'no place'})"
    if not args.yes:
        if not sys.stdin.isatty():
            raise InputError(f"give --yes to delete {about} without being asked")
        answer = input(f"delete {about}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 1
    store.delete(event.id)
    print(f"{about} deleted by {store.analyst}; event undo {event.id} brings it back")
    return 0


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def run_copy(args: argparse.Namespace) -> int:
    """Copy a whole store into an empty one; returns the exit status."""
    with open_store(args.source, create=False) as source, open_store(args.target) as target:
        if target.shown == source.shown:
            raise InputError(f"--from and --to name the same store {source.shown}")
        articles, events, entries = source.copy_to(target)
        print(
            f"copied {_count(articles, 'article')}, {_count(events, 'event')} and "
            f"{_count(entries, 'history entry', 'history entries')} "
            f"from {source.shown} to {target.shown}"
        )
        for event_id, reason in source.unreadable.items():
            print(f"warning: event {event_id} cannot be read and was not copied: {reason}")
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    """Bring the store's schema up to date; returns the exit status."""
    with open_store(args.store, create=False, migrate=True) as store:
        if store.migrated_from is None:
            print(f"the store {store.shown} is up to date (schema version {SCHEMA_VERSION})")
        else:
            print(
                f"the store {store.shown} was brought from schema version "
                f"{store.migrated_from} to {SCHEMA_VERSION}; nothing stored was changed"
            )
    return 0
