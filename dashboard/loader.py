"""From article files to measured, stored events: the loader the CLI and the app share."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .articles import Article, article_paths, read_article
from .errors import InputError
from .extraction import extract_events
from .geo.frontline import measure_points
from .geo.gazetteer import default_gazetteer
from .geo.geometry import geodesic_distance_km
from .model import DistanceClaim, Event
from .settings import get_settings
from .store import EventStore, LoadReport
from .workers import process_pool, settings_environment, use_settings_environment

#: Called after each file with (files done, files in all, the file).
Progress = Callable[[int, int, Path], None]


def measure(events: Iterable[Event]) -> list[Event]:
    """Events with their three geodesic distances, measured against the front line of their
    own date: to the front, to Ukraine's state border and to Ukrainian-held territory; the
    side they lie on, and their distance claims checked. Unlocated events stay unmeasured.

    All located events are measured in one vectorised pass.
    """
    events = list(events)
    located = [e for e in events if e.lat is not None and e.lon is not None]
    if not located:
        return events
    found = measure_points(
        [float(e.lat or 0.0) for e in located],
        [float(e.lon or 0.0) for e in located],
        [e.date for e in located],
    )
    measured: dict[int, Event] = {}
    for index, event in enumerate(located):
        distances = {
            "front": float(found.front_km[index]),
            "border": float(found.border_km[index]),
            "held": float(found.held_km[index]),
        }
        side = str(found.side[index])
        measured[id(event)] = event.with_changes(
            distance_to_front_km=round(distances["front"], 1),
            distance_to_border_km=round(distances["border"], 1),
            distance_to_held_km=round(distances["held"], 1),
            side=side,
            occupied=side == "occupied",
            frontline_id=str(found.frontline_id[index]),
            distance_claims=tuple(
                claim.with_measurement(_claimed_distance(claim, event, distances))
                for claim in event.distance_claims
            ),
        )
    return [measured.get(id(e), e) for e in events]


def _claimed_distance(
    claim: DistanceClaim, event: Event, distances: dict[str, float]
) -> float | None:
    """The measurement a claim speaks of; ``None`` when it cannot be measured here."""
    if claim.reference in distances:
        return distances[claim.reference]
    if claim.reference == "place" and claim.place and event.lat is not None:
        place = default_gazetteer().best(claim.place)
        if place is not None and place.kind != "country" and event.lon is not None:
            return geodesic_distance_km(event.lat, event.lon, place.lat, place.lon)
    return None


def extract_measured(article: Article) -> list[Event]:
    """The article's events, located and measured, not stored."""
    return measure(extract_events(article))


def read_dated_article(
    file: Path, published: date | None = None, *, allow_any_date: bool = False
) -> Article:
    """An article file with its publication date: its metadata's, else ``published``.

    No date is ever guessed: relative dates in the text resolve against it, so an article
    with none is refused.
    """
    article = read_article(file, allow_any_date=allow_any_date)
    if article.published is not None:
        return article
    if published is None:
        raise InputError(
            f"{file}: no publication date in its metadata; give it in a sidecar "
            f"{file.with_suffix('.json').name} or with --published YYYY-MM-DD"
        )
    return replace(article, published=published)


@dataclass
class LoadResult:
    """What a load of many files did: a report per article stored or known, and the files
    refused with the reason, in the order met."""

    reports: list[LoadReport] = field(default_factory=list)
    refused: list[tuple[Path, InputError]] = field(default_factory=list)


#: Called with each refused file and why, as it is refused.
Refused = Callable[[Path, InputError], None]


#: Articles extracted before their events are measured together: a measurement costs
#: mostly per call (the front lines' files checked, arrays set up), hardly per point.
MEASURED_TOGETHER = 32
#: Loads of this many files or more extract in a second process as well, on a machine of
#: two cores or more: starting one (imports, the gazetteer) takes a few seconds.
PARALLEL_FROM = 200
#: The second process's share of each lot: more than half, as this one also measures and
#: stores the lot before while the second extracts.
SECOND_SHARE = 0.6


def load_paths(
    paths: Iterable[str | Path],
    store: EventStore,
    progress: Progress | None = None,
    *,
    published: date | None = None,
    allow_any_date: bool = False,
    stop_on_error: bool = False,
    refused: Refused | None = None,
) -> LoadResult:
    """Load article files and folders of them, one transaction per article.

    ``published`` dates the articles whose metadata gives no date. A file that cannot be
    used (unreadable, bad metadata, no date) is refused and the load goes on with the next,
    or stops there with ``stop_on_error``; every article loaded before stays stored.
    Faults of the store itself are raised.

    Articles are stored in the order of their files; up to :data:`MEASURED_TOGETHER` of
    them are extracted and measured at once before they are stored. A load of
    :data:`PARALLEL_FROM` files or more extracts them in two processes, the second
    extracting the next lot while this one stores the last.
    """
    files = list(article_paths([Path(p) for p in paths]))
    result = LoadResult()
    read: list[tuple[int, Path, Article]] = []
    # The lot whose extraction has begun: stored once the next lot's has begun in turn.
    begun: Callable[[], None] | None = None

    def begin_lot() -> Callable[[], None]:
        """Begin the extraction of the articles read; the call returned stores them."""
        lot = list(read)
        read.clear()
        new = [article for _, _, article in lot if not store.knows(article)]
        finish = extractor.begin(new)

        def store_lot() -> None:
            events_of = dict(zip(map(id, new), finish(), strict=True))
            extracted = _measured([events_of.get(id(article)) for _, _, article in lot])
            for (done, file, article), events in zip(lot, extracted, strict=True):
                if events is None:
                    report = LoadReport(article.id, article.path, already_loaded=True)
                else:
                    report = store.save_article(article, events)
                result.reports.append(report)
                if progress is not None:
                    progress(done, len(files), file)

        return store_lot

    def move_on(*, last: bool) -> None:
        """Begin the extraction of the articles read; meanwhile store the lot before."""
        nonlocal begun
        after = begin_lot()
        if begun is not None:
            begun()
        begun = None if last else after
        if last:
            after()

    with _Extractor(parallel=len(files) >= PARALLEL_FROM) as extractor:
        for done, file in enumerate(files, start=1):
            try:
                read.append(
                    (done, file, read_dated_article(file, published, allow_any_date=allow_any_date))
                )
            except InputError as error:
                move_on(last=True)
                result.refused.append((file, error))
                if refused is not None:
                    refused(file, error)
                if stop_on_error:
                    break
                if progress is not None:
                    progress(done, len(files), file)
            if len(read) == MEASURED_TOGETHER:
                move_on(last=False)
        move_on(last=True)
    return result


#: Each article's events, ``None`` for an article already stored.
_Extracted = list[list[Event] | None]


def _measured(extracted: _Extracted) -> _Extracted:
    """The events of a lot of articles measured in one pass. (A copy of an article the same
    load met before is told apart when it is saved.)"""
    measured = iter(measure(e for events in extracted for e in events or ()))
    return [None if events is None else [next(measured) for _ in events] for events in extracted]


class _Extractor:
    """Extracts articles in this process and, when ``parallel``, in one more at once: the
    second is started at the first articles to extract, and takes its share of each lot
    (:data:`SECOND_SHARE`, the first articles) once it has started."""

    def __init__(self, *, parallel: bool) -> None:
        # A geocoder online keeps to its rate in one process only.
        self._parallel = (
            parallel and (os.cpu_count() or 1) > 1 and not get_settings().online_geocoding
        )
        self._pool: ProcessPoolExecutor | None = None
        self._started: Future[None] | None = None

    def __enter__(self) -> _Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def begin(self, articles: Sequence[Article]) -> Callable[[], list[list[Event]]]:
        """Begin extracting ``articles``; the call returned extracts this process's share
        and gives the events of each, in order. Between the two, this process is free."""
        if self._parallel and self._pool is None and articles:
            self._pool = process_pool(1)
            self._started = self._pool.submit(_start_extracting, settings_environment())
        started = self._started
        if self._pool is None or started is None or not started.done() or started.exception():
            return lambda: [extract_events(article) for article in articles]
        share = round(len(articles) * SECOND_SHARE)
        try:
            there: Future[list[list[Event]]] | None = self._pool.submit(
                _extract_many, articles[:share], settings_environment()
            )
        except BrokenProcessPool:
            there = None

        def finish() -> list[list[Event]]:
            here = [extract_events(article) for article in articles[share:]]
            if there is not None:
                try:
                    return there.result() + here
                except BrokenProcessPool:
                    pass
            # The second process died (killed, out of memory): this one goes on alone.
            self._parallel = False
            if self._pool is not None:
                self._pool.shutdown()
                self._pool = None
            return [extract_events(article) for article in articles[:share]] + here

        return finish


def _start_extracting(environment: dict[str, str]) -> None:
    use_settings_environment(environment)
    default_gazetteer()


def _extract_many(articles: Sequence[Article], environment: dict[str, str]) -> list[list[Event]]:
    use_settings_environment(environment)
    return [extract_events(article) for article in articles]
