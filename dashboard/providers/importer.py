"""A provider's export into the store: rows read, measured, judged, merged and saved.

Each kept row becomes a report of one strike, measured against the front line of its own
date, with the provider's row as its source (``acled:UKR12345``, outlet ACLED, the notes
as its quote). The report is merged into a stored event of the same strike from another
source, by the rules of two articles (:func:`dashboard.merge.same_strike`), or stored as
an event of its own. A row already stored changes nothing while its source is the same; a
row whose coding changed updates its event; a row no longer counted as a strike leaves
its event. The store is reached only through its interface (``events``, ``save_events``,
``history``, ``delete``), so every backend imports alike.

The notes are read with the extraction's own vocabulary, in parallel processes for a large
export: that reading, not the measuring, is what a few hundred thousand rows take longest.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path

from ..errors import StoreError
from ..extraction.cues import classify_target, outcome_at, weapon_named
from ..loader import measure
from ..merge import merge_events, same_strike
from ..model import Event, Outcome, Source, TargetType, Weapon
from ..store import EventStore
from ..workers import process_pool
from .base import BadRow, Layout, Record, RowError, Skipped, field_text, read_rows
from .matching import StrikeIndex

#: Sides of the front line a strike of Ukraine's forces is kept on.
KEPT_SIDES = frozenset({"russia", "occupied"})
HELD_SIDE = "on Ukraine's side of the front line of its date"
NO_WEAPON = "its sources name no long-range weapon"
DELETED = "its event was deleted by an analyst"
#: Rows read, measured and merged at a time: large enough for vectorised measuring, small
#: enough to show progress and keep memory flat.
CHUNK_ROWS = 20_000
#: Events written in one transaction.
SAVE_BATCH = 5_000
#: Below this many notes a chunk reads them in this process: starting workers costs more.
PARALLEL_FROM = 4_000

#: Called with a stage ("read", "measured", "saved"), how many so far, and how many in
#: all (0 while unknown).
Progress = Callable[[str, int, int], None]
Reading = tuple[TargetType, str | None, Weapon, Outcome]
Row = tuple[int, dict[str, str] | BadRow]


@dataclass
class ImportReport:
    """What importing one export did."""

    provider: str
    rows: int = 0
    bad: list[BadRow] = field(default_factory=list)
    #: Rows well formed but no long-range strike by Ukraine's forces, by reason.
    skipped: Counter[str] = field(default_factory=Counter)
    #: Rows kept as strikes; each was measured against the front line of its date, by this
    #: import (``measured``) or, when unchanged, by the one that stored it.
    strikes: int = 0
    measured: int = 0
    added: int = 0
    merged: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Rows of earlier imports that this export no longer counts as strikes.
    withdrawn: int = 0


def event_id_of(source_id: str) -> str:
    """The id of an event a provider's row is the first report of: fixed by the row's id,
    so every import of the row finds the same event."""
    return hashlib.sha256(source_id.encode()).hexdigest()[:12]


def read_notes(text: str) -> Reading:
    """Target type and phrase, weapon and outcome, as the extraction reads them in a text."""
    target_type, target = classify_target(text)
    return target_type, target, weapon_named(text), outcome_at(text, -1)


def _read_many(texts: Sequence[str]) -> list[Reading]:
    return [read_notes(text) for text in texts]


class _NotesReader:
    """Reads notes, each distinct text once; many at a time in ``workers`` other processes
    (none: in this one), while this process goes on with the rows read before."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, texts: Sequence[str]) -> Callable[[], list[Reading]]:
        """Start reading ``texts``; the returned call gives their readings, in order."""
        distinct = list(dict.fromkeys(texts))
        if self.workers < 1 or len(distinct) < PARALLEL_FROM:
            done = _read_many(distinct)
            return lambda: _in_order(texts, distinct, done)
        if self._executor is None:
            self._executor = process_pool(self.workers)
        size = -(-len(distinct) // (self.workers * 2))
        futures = [
            self._executor.submit(_read_many, distinct[i : i + size])
            for i in range(0, len(distinct), size)
        ]
        return lambda: _in_order(texts, distinct, [r for f in futures for r in f.result()])

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown()


def _in_order(texts: Sequence[str], distinct: list[str], readings: list[Reading]) -> list[Reading]:
    found = dict(zip(distinct, readings, strict=True))
    return [found[text] for text in texts]


def _source(record: Record, outlet: str) -> Source:
    """The provider's row as a source: its id, its coding in one line, its notes."""
    return Source(
        article_id=record.source_id,
        outlet=outlet,
        published=record.published,
        url=None,
        title=record.title,
        quotes=(record.notes,) if record.notes else (),
    )


def _report(record: Record, outlet: str, reading: Reading) -> Event:
    """The record as an event of its own, read but not yet measured."""
    target_type, target, weapon, outcome = reading
    return Event(
        id=event_id_of(record.source_id),
        date=record.date,
        date_precision=record.date_precision,
        place=record.place,
        admin1=record.admin1,
        country=record.country,
        occupied=False,
        lat=record.lat,
        lon=record.lon,
        geo_precision=record.geo_precision,
        target_type=target_type,
        target=target,
        weapon=record.fallback_weapon if weapon == "unknown" else weapon,
        outcome=outcome,
        sources=(_source(record, outlet),),
    )


def _without(event: Event, source_id: str) -> Event:
    return event.with_changes(sources=tuple(s for s in event.sources if s.article_id != source_id))


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Import:
    """One import's state: the stored events it may touch, filed for matching, and the
    changes waiting to be saved."""

    def __init__(self, layout: Layout, store: EventStore, progress: Progress | None) -> None:
        self.layout = layout
        self.store = store
        self.progress = progress
        self.report = ImportReport(layout.name)
        self.index = StrikeIndex(layout.name)
        self._years: set[int] = set()
        self._pending: dict[str, Event] = {}
        self._gone: list[str] = []
        #: The line each row id was first met on.
        self._lines: dict[str, int] = {}
        self.saved = 0

    def file_years(self, days: Iterable[date]) -> None:
        """Read the stored events of the years of ``days`` into the index, once each: a
        row's strike and its earlier import are in its own year."""
        for year in sorted({day.year for day in days} - self._years):
            self._years.add(year)
            for event in self.store.events(since=date(year, 1, 1), until=date(year, 12, 31)):
                if event.id not in self._pending:
                    self.index.add(event)

    def parse(self, chunk: list[Row]) -> list[Record]:
        """The chunk's records. Its refused rows are reported with their lines (a row id met
        before in the file too), its left-out rows counted, and those of earlier imports
        withdrawn."""
        report = self.report
        records: list[Record] = []
        skipped: list[Skipped] = []
        for line, row in chunk:
            report.rows += 1
            if isinstance(row, BadRow):
                report.bad.append(row)
                continue
            row_id = field_text(row, self.layout.id_column)
            first = self._lines.setdefault(row_id, line)
            try:
                if not row_id:
                    raise RowError(f"no {self.layout.id_column}")
                if first != line:
                    raise RowError(f"event {row_id} again (first on line {first})")
                parsed = self.layout.parse(row, line)
            except RowError as error:
                event = f" (event {row_id})" if row_id and first == line else ""
                report.bad.append(BadRow(line, f"{error}{event}"))
                continue
            if isinstance(parsed, Skipped):
                report.skipped[parsed.reason] += 1
                skipped.append(parsed)
            else:
                records.append(parsed)
        self.file_years([r.date for r in records] + [s.date for s in skipped if s.date])
        for left_out in skipped:
            if left_out.row_id is not None:
                self.withdraw(f"{self.layout.name}:{left_out.row_id}")
        if self.progress is not None:
            self.progress("read", report.rows, 0)
        return records

    def changed(self, records: list[Record]) -> list[Record]:
        """The records that are not stored as they are: a row imported before whose source
        is the same changes nothing, and is neither read nor measured again."""
        fresh = []
        for record in records:
            held = self.index.holding(record.source_id)
            if held is not None and _source(record, self.layout.outlet) in held.sources:
                self.report.strikes += 1
                self.report.unchanged += 1
            else:
                fresh.append(record)
        return fresh

    def finish(self, records: list[Record], reading: Callable[[], list[Reading]]) -> None:
        """Measure the records read, keep the strikes and store them."""
        report = self.report
        reports = measure(
            _report(record, self.layout.outlet, read)
            for record, read in zip(records, reading(), strict=True)
        )
        for record, event in zip(records, reports, strict=True):
            if event.side not in KEPT_SIDES:
                report.skipped[HELD_SIDE] += 1
                self.withdraw(record.source_id)
            elif event.weapon == "unknown" and record.needs_weapon:
                report.skipped[NO_WEAPON] += 1
                self.withdraw(record.source_id)
            else:
                report.strikes += 1
                report.measured += 1
                self.take(event)
        if self.progress is not None:
            self.progress("measured", report.measured, 0)

    # -- one row's report ----------------------------------------------------------------

    def take(self, report: Event) -> None:
        source = report.sources[0]
        held = self.index.holding(source.article_id)
        if held is None:
            self._place(report)
            return
        stored = next(s for s in held.sources if s.article_id == source.article_id)
        self.report.updated += 1
        rest = _without(held, source.article_id)
        if not rest.sources:
            self._change(report.with_changes(id=held.id))
        elif same_strike(rest, report):
            # The provider's new coding first, so that it wins where the others tie with it.
            merged = merge_events(report.with_changes(id=held.id, sources=()), rest)
            sources = tuple(source if s == stored else s for s in held.sources)
            self._change(merged.with_changes(sources=sources))
        else:
            # The row now tells another strike: its old event keeps its other sources.
            self._change(rest)
            self._place(report, counted=False)

    def _place(self, report: Event, *, counted: bool = True) -> None:
        """A report no stored event holds: merged into the same strike, or a new event."""
        known = self.index.find(report)
        if known is not None:
            self._change(merge_events(known, report))
            self.report.merged += counted
            return
        history = self.store.history(report.id)
        if history and history[-1].action == "deleted":
            self.report.skipped[DELETED] += 1
            return
        if history or report.id in self.index:
            earlier = self.index.get(report.id) or self.store.get(report.id)
            source_id = report.sources[0].article_id
            if earlier is not None and any(s.article_id == source_id for s in earlier.sources):
                # The row's event, stored under a year this export does not reach.
                self.index.add(earlier)
                self.take(report)
                return
            report = report.with_changes(id=self._free_id(report))
        self._change(report)
        self.report.added += counted

    def _free_id(self, report: Event) -> str:
        """An id for the row's event when its own is held by another: the event it was first
        stored as keeps it when the row moves to another strike."""
        source_id = report.sources[0].article_id
        for attempt in range(1, 1000):
            event_id = event_id_of(f"{source_id}|{attempt}")
            if event_id not in self.index and not self.store.history(event_id):
                return event_id
        raise StoreError(f"no free id for the event of {source_id}")

    def withdraw(self, source_id: str) -> None:
        """A row stored before and no longer a strike: its source leaves its event."""
        held = self.index.holding(source_id)
        if held is None:
            return
        self.report.withdrawn += 1
        rest = _without(held, source_id)
        if rest.sources:
            self._change(rest)
        else:
            self.index.remove(held.id)
            self._pending.pop(held.id, None)
            self._gone.append(held.id)

    def _change(self, event: Event) -> None:
        self.index.add(event)
        self._pending[event.id] = event
        if len(self._pending) >= SAVE_BATCH:
            self.flush()

    def flush(self) -> None:
        """Save the changed events, in one transaction."""
        if self._pending:
            self.saved += self.store.save_events(list(self._pending.values()))
            self._pending.clear()
            if self.progress is not None:
                self.progress("saved", self.saved, 0)
        for event_id in self._gone:
            self.store.delete(event_id)
        self._gone.clear()


def import_export(
    path: str | Path,
    layout: Layout,
    store: EventStore,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import a provider's export into the store; see the module's description.

    Parameters
    ----------
    path
        The CSV file as the provider exports it.
    layout
        The provider's columns and codes (:data:`dashboard.providers.LAYOUTS`).
    store
        Where the events are.
    progress
        Called as rows are read, measured and saved.
    workers
        Processes reading the notes besides this one (0: this one reads them); by default
        one per processor but one.

    Returns
    -------
    ImportReport
        The rows read, refused (each with its line) and left out, and what became of the
        strikes.

    Raises
    ------
    InputError
        The file cannot be read as the provider's export at all (a refused row is no error:
        it is reported and the others load).
    """
    job = _Import(layout, store, progress)
    # This process measures and saves: the notes get the other processors.
    notes = _NotesReader(workers if workers is not None else (os.cpu_count() or 1) - 1)
    try:
        waiting: tuple[list[Record], Callable[[], list[Reading]]] | None = None
        for chunk in _chunks(read_rows(Path(path), layout), CHUNK_ROWS):
            records = job.changed(job.parse(chunk))
            # This chunk's notes are read while the one before is measured and saved.
            reading = notes.submit([record.notes for record in records])
            if waiting is not None:
                job.finish(*waiting)
            waiting = (records, reading)
        if waiting is not None:
            job.finish(*waiting)
        job.flush()
    finally:
        notes.close()
    return job.report
