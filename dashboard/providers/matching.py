"""Finding, among many stored events, the one a provider's row reports: by the same rules as
two articles (:func:`dashboard.merge.same_strike`), without comparing every pair.

Events are filed by period and by place, so that only those that could be the same strike
are compared: an event known to the day is found under its day, its month and its year; a
located one under its grid cell (cells are larger than the widest radius two reports of a
place may lie apart, so a match lies in the same or a neighbouring cell) and its region;
an unlocated one under its place name.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from datetime import date

from ..merge import TOWN_RADIUS_KM, same_strike
from ..model import DATE_RANK, GEO_REGION, Event

#: Cell sizes in degrees. 0.5° of latitude is 55 km everywhere, and 2° of longitude is
#: still 38 km at 80° north: both wider than :data:`TOWN_RADIUS_KM`.
CELL_LAT_DEG = 0.5
CELL_LON_DEG = 2.0
assert CELL_LAT_DEG * 110.5 > TOWN_RADIUS_KM
assert CELL_LON_DEG * 111.3 * math.cos(math.radians(80.0)) > TOWN_RADIUS_KM

_Key = tuple[object, ...]


def _periods(event: Event) -> list[_Key]:
    """The keys an event is filed under in time: its own period, and for a day or a month
    the coarser periods holding it, for reports of those precisions to find it."""
    day, year, month = event.date, event.date.year, event.date.month
    if event.date_precision == "day":
        return [("day", day), ("in month", year, month), ("in year", year)]
    if event.date_precision == "month":
        return [("month", year, month), ("in year", year)]
    return [("year", year)]


def _probed_periods(day: date, precision: str) -> list[_Key]:
    """The keys where events of the same period as a report of ``precision`` are filed."""
    year, month = day.year, day.month
    if precision == "day":
        return [("day", day), ("month", year, month), ("year", year)]
    if precision == "month":
        return [("in month", year, month), ("month", year, month), ("year", year)]
    return [("in year", year), ("year", year)]


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_LAT_DEG), math.floor(lon / CELL_LON_DEG)


def _places(event: Event) -> list[_Key]:
    if event.lat is None or event.lon is None:
        return [("place", event.place or "")]
    keys: list[_Key] = [("admin1", event.admin1)]
    if event.geo_precision == GEO_REGION:
        keys.append(("region", event.admin1))
    else:
        keys.append(("cell", *_cell(event.lat, event.lon)))
    return keys


def _probed_places(event: Event) -> list[_Key]:
    if event.lat is None or event.lon is None:
        return [("place", event.place or "")]
    if event.geo_precision == GEO_REGION:
        # A region-precise report is the same place as anything located in its region.
        return [("admin1", event.admin1)]
    row, column = _cell(event.lat, event.lon)
    near: list[_Key] = [("cell", row + dr, column + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)]
    return [*near, ("region", event.admin1)]


class StrikeIndex:
    """Events by their sources, and those a row of ``provider`` may be merged into filed
    for :meth:`find`.

    A provider's rows are distinct events by its own coding, as one article's strikes are,
    so a row is never merged into an event that holds a row of the same provider: such
    events are not filed for matching at all, and an import compares a row only with the
    strikes of other sources.

    Parameters
    ----------
    provider
        The provider whose rows are matched (``acled``).
    events
        The stored events that new reports may be the same strike as.
    """

    def __init__(self, provider: str, events: Iterable[Event] = ()) -> None:
        self._prefix = f"{provider}:"
        self._events: dict[str, Event] = {}
        self._filed: dict[_Key, dict[str, None]] = {}
        self._by_source: dict[str, str] = {}
        #: Events in the order first filed; a changed event keeps its place.
        self._order: dict[str, int] = {}
        for event in events:
            self.add(event)

    def _matchable(self, event: Event) -> bool:
        return not any(s.article_id.startswith(self._prefix) for s in event.sources)

    def __len__(self) -> int:
        return len(self._events)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._events

    def add(self, event: Event) -> None:
        """File an event (replacing the one of its id)."""
        self.remove(event.id)
        self._events[event.id] = event
        self._order.setdefault(event.id, len(self._order))
        if self._matchable(event):
            for period in _periods(event):
                for place in _places(event):
                    self._filed.setdefault((*period, *place), {})[event.id] = None
        for source in event.sources:
            self._by_source[source.article_id] = event.id

    def remove(self, event_id: str) -> None:
        """Take an event out, if filed."""
        event = self._events.pop(event_id, None)
        if event is None:
            return
        if self._matchable(event):
            for period in _periods(event):
                for place in _places(event):
                    self._filed[(*period, *place)].pop(event_id, None)
        for source in event.sources:
            if self._by_source.get(source.article_id) == event_id:
                del self._by_source[source.article_id]

    def get(self, event_id: str) -> Event | None:
        """The filed event of that id."""
        return self._events.get(event_id)

    def holding(self, source_id: str) -> Event | None:
        """The event one of whose sources is ``source_id``."""
        event_id = self._by_source.get(source_id)
        return None if event_id is None else self._events[event_id]

    def candidates(self, report: Event) -> Iterator[Event]:
        """The filed events that share a period and a place key with ``report``, each once."""
        seen: set[str] = set()
        for period in _probed_periods(report.date, report.date_precision):
            for place in _probed_places(report):
                for event_id in self._filed.get((*period, *place), ()):
                    if event_id not in seen:
                        seen.add(event_id)
                        yield self._events[event_id]

    def find(self, report: Event) -> Event | None:
        """Of the filed events that are the same strike as ``report``, the one dated most
        precisely, then placed most precisely, then filed first: a row of 30 July joins the
        articles' strike of that day rather than one known only to be of July."""
        same = [known for known in self.candidates(report) if same_strike(known, report)]
        return min(same, key=self._preference, default=None)

    def _preference(self, known: Event) -> tuple[int, int, int]:
        return DATE_RANK[known.date_precision], known.geo_precision, self._order[known.id]
