"""From article files to measured, stored events: the loader the CLI and the app share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .articles import Article, article_paths, read_article
from .extract import extract_events
from .frontline import distance_to_front_km
from .geometry import distance_to_border_km
from .model import Event
from .store import LoadReport, Store

#: Called after each file with (files done, files in all, the file).
Progress = Callable[[int, int, Path], None]


def measure(events: Iterable[Event]) -> list[Event]:
    """Events with their geodesic distances to the front line of their own date and to
    Ukraine's state border; unlocated events are left unmeasured."""
    measured = []
    for event in events:
        if event.lat is None or event.lon is None:
            measured.append(event)
            continue
        front_km, frontline_id = distance_to_front_km(event.lat, event.lon, event.date)
        measured.append(
            event.with_changes(
                distance_to_front_km=round(front_km, 1),
                distance_to_border_km=round(distance_to_border_km(event.lat, event.lon), 1),
                frontline_id=frontline_id,
            )
        )
    return measured


def extract_measured(article: Article) -> list[Event]:
    """The article's events, located and measured, not stored."""
    return measure(extract_events(article))


def load_article(article: Article, store: Store) -> LoadReport:
    """Extract, measure and store one article; a second load of it changes nothing."""
    if store.has_article(article.id):
        return LoadReport(article.id, article.path, already_loaded=True)
    return store.save_article(article, extract_measured(article))


def load_paths(
    paths: Iterable[str | Path], store: Store, progress: Progress | None = None
) -> list[LoadReport]:
    """Load article files and folders of them, one transaction per article.

    A file that fails stops the load with its error; every article loaded before it
    stays stored.
    """
    files = list(article_paths([Path(p) for p in paths]))
    reports = []
    for done, file in enumerate(files, start=1):
        reports.append(load_article(read_article(file), store))
        if progress is not None:
            progress(done, len(files), file)
    return reports
