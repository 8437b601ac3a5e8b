"""From article files to measured, stored events: the loader the CLI and the app share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
from .store import EventStore, LoadReport

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


def load_article(article: Article, store: EventStore) -> LoadReport:
    """Extract, measure and store one article; a second load of it changes nothing."""
    if store.knows(article):
        return LoadReport(article.id, article.path, already_loaded=True)
    return store.save_article(article, extract_measured(article))


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
    """
    files = list(article_paths([Path(p) for p in paths]))
    result = LoadResult()
    for done, file in enumerate(files, start=1):
        try:
            article = read_dated_article(file, published, allow_any_date=allow_any_date)
            result.reports.append(load_article(article, store))
        except InputError as error:
            result.refused.append((file, error))
            if refused is not None:
                refused(file, error)
            if stop_on_error:
                break
        if progress is not None:
            progress(done, len(files), file)
    return result
