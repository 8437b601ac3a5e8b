"""The app's filters as SQL, alike on every backend.

Each stored event keeps, beside its data, the columns its filters read (:func:`filter_columns`):
the end of its date's period, its region, coordinates, distance from the front line and the
text the search looks in. :func:`where` turns an :class:`~dashboard.filters.EventQuery` into
a ``WHERE`` clause over them that keeps exactly the rows
:func:`dashboard.filters.filter_mask` keeps, so the database answers and indexes help.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..filters import Box, EventQuery, Filters, search_text, search_words
from ..model import Event

#: The filter columns, in the order :func:`filter_columns` gives them.
FILTER_COLUMNS = (
    "period_end",
    "country",
    "admin1",
    "lat",
    "lon",
    "distance_km",
    "search",
    "outcome",
)


def period_end(event: Event) -> date:
    """The last day of the event's date: the day, or the end of its month or year."""
    day = event.date
    if event.date_precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if event.date_precision == "year":
        return date(day.year, 12, 31)
    return day


def filter_columns(event: Event) -> tuple[Any, ...]:
    """The values of :data:`FILTER_COLUMNS` for an event."""
    quotes = [quote for source in event.sources for quote in source.quotes]
    return (
        period_end(event),
        event.country,
        event.admin1,
        event.lat,
        event.lon,
        event.distance_to_front_km,
        search_text(event.place, event.target, quotes),
        event.outcome,
    )


@dataclass
class Clause:
    """A ``WHERE`` clause being built, with its parameters in order."""

    placeholder: str
    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        """Add a condition; each ``{}`` in ``sql`` takes the next parameter."""
        self.parts.append(sql.format(*([self.placeholder] * len(params))))
        self.params.extend(params)

    def among(self, sql: str, values: tuple[str, ...]) -> None:
        """Add ``sql IN (values)``."""
        marks = ", ".join([self.placeholder] * len(values))
        self.parts.append(f"{sql} IN ({marks})")
        self.params.extend(values)

    @property
    def sql(self) -> str:
        return f"WHERE {' AND '.join(self.parts)}" if self.parts else ""


#: Adds to a clause what a backend's own index needs for a box (PostGIS's geography).
BoxHint = Callable[[Clause, Box], None]


def where(
    query: Filters,
    placeholder: str,
    *,
    contains: str,
    word: Callable[[str], str] = str,
    box_hint: BoxHint | None = None,
) -> Clause:
    """The ``WHERE`` clause keeping the events ``query`` keeps.

    Parameters
    ----------
    query
        The filters, and the map box of an :class:`EventQuery`.
    placeholder
        The driver's parameter mark (``?`` or ``%s``).
    contains
        SQL that is true when the column ``search`` holds the parameter as a substring,
        with ``{}`` for the parameter's mark.
    word
        The parameter ``contains`` takes for a searched word (a pattern of it).
    box_hint
        Adds an indexed condition that holds for every point in a box.
    """
    clause = Clause(placeholder)
    if query.start is not None:
        clause.add("period_end >= {}", query.start)
        # Implied by it (a period is a year at most), and what bounds a scan of the indexes
        # on the date from below.
        clause.add("date >= {}", query.start - timedelta(days=366))
    if query.end is not None:
        clause.add("date <= {}", query.end)
    if query.target_types:
        clause.among("target_type", query.target_types)
    if query.weapons:
        clause.among("weapon", query.weapons)
    if query.regions:
        marks = ", ".join([placeholder] * len(query.regions))
        clause.parts.append(
            f"(country IN ({marks}) OR country || ':' || COALESCE(admin1, '') IN ({marks}))"
        )
        clause.params.extend(query.regions * 2)
    if query.min_km is not None:
        clause.add("distance_km >= {}", query.min_km)
    if query.max_km is not None:
        clause.add("distance_km <= {}", query.max_km)
    if query.outcomes:
        clause.among("outcome", query.outcomes)
    for term in search_words(query.search):
        clause.add(contains, word(term))
    box = query.box if isinstance(query, EventQuery) else None
    if box is not None:
        if box_hint is not None:
            box_hint(clause, box)
        clause.add("lat BETWEEN {} AND {}", box.south, box.north)
        if box.west <= box.east:
            clause.add("lon BETWEEN {} AND {}", box.west, box.east)
        else:
            clause.add("(lon >= {} OR lon <= {})", box.west, box.east)
    return clause
