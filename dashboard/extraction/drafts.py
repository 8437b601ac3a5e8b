"""The drafts of an article, indexed by what the stages ask of them at each sentence."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from datetime import date

from ..geo.gazetteer import Place, outer_region
from ..geo.geometry import geodesic_distance_km
from ..model import TargetType
from .document import Draft
from .places import SAME_PLACE_KM, same_place

#: Places are indexed in cells of this many degrees: a degree of latitude is over 110 km, so
#: places within :data:`SAME_PLACE_KM` of each other lie in the same row of cells or the next.
_CELL_DEGREES = 0.5
#: Less than the Earth's smallest radius, in km: with it, cells are never too few.
_SMALL_RADIUS_KM = 6300.0


_COLUMNS = round(360 / _CELL_DEGREES)


def homes_apart_from_a_site(place: Place, target_type: TargetType, site: Draft) -> bool:
    """Whether homes told hit at a town or region are a strike apart from the known site
    struck there ("the refinery was struck", then "debris damaged a residential building in
    Ryazan"). A town told with no target, or with another kind that may be the site under
    another word ("the plant"), is the site's strike told again."""
    return (
        target_type == "residential"
        and site.target_type not in ("unknown", "residential")
        and site.place is not None
        and site.place.kind == "facility"
        and place.kind != "facility"
    )


def _km_apart(a: Place, b: Place) -> float:
    """How far apart two places lie, for ranking; a region, as wide as its land, last."""
    if a.kind == "region" or b.kind == "region":
        return math.inf
    return geodesic_distance_km(a.lat, a.lon, b.lat, b.lon)


def _cell(place: Place) -> tuple[int, int]:
    # Columns go round: 180 degrees east and west are one meridian.
    return math.floor(place.lat / _CELL_DEGREES), math.floor(place.lon / _CELL_DEGREES) % _COLUMNS


def _cells_near(place: Place, km: float) -> list[tuple[int, int]]:
    """The cells holding every place within ``km`` of ``place`` (and more)."""
    row, column = _cell(place)
    rows = range(row - 1, row + 2)
    poleward = max(abs(rows[0] * _CELL_DEGREES), abs((rows[-1] + 1) * _CELL_DEGREES))
    # Two points ``km`` apart at latitudes below ``poleward`` differ in longitude by at most
    # this (haversine on a sphere smaller than the Earth).
    spread = math.sin(km / (2 * _SMALL_RADIUS_KM)) / max(math.cos(math.radians(poleward)), 1e-9)
    if spread >= 1:
        reach = _COLUMNS
    else:
        reach = math.ceil(math.degrees(2 * math.asin(spread)) / _CELL_DEGREES) + 1
    columns = {c % _COLUMNS for c in range(column - reach, column + reach + 1)}
    return [(r, c) for r in rows for c in columns]


#: A report comes out at most this many days after the strike it tells of.
REPORT_LAG_DAYS = 2


class DraftIndex:
    """The drafts of an article in the order they were made, and what each sentence asks of
    them found without reading them all: the latest strike at a place, the latest at a kind
    of target, the first dated to the day.

    Drafts change place and kind of target only through :meth:`move` and :meth:`retype`,
    which index them anew; an entry of a place or kind a draft has since left is dropped
    when met.
    """

    def __init__(self) -> None:
        self.all: list[Draft] = []
        self.first_day: date | None = None
        self._number: dict[int, int] = {}
        # Each place once: towns and sites by cell, every place by the outermost region
        # holding it (Sevastopol's under Crimea's).
        self._by_cell: dict[tuple[int, int], list[Place]] = {}
        self._by_region: dict[str | None, list[Place]] = {}
        # The drafts at a place, latest first (a heap of -date, order made).
        self._at: dict[Place, list[tuple[int, int]]] = {}
        # The drafts with a place, of a kind of target, last made first (a heap).
        self._of_kind: dict[TargetType, list[int]] = {}

    def add(self, draft: Draft) -> None:
        """Index ``draft``, made after every draft indexed before it."""
        number = len(self.all)
        self.all.append(draft)
        self._number[id(draft)] = number
        if self.first_day is None and draft.precision == "day":
            self.first_day = draft.date
        if draft.place is not None:
            self._place(number, draft.place)
            self._kind(number, draft.target_type)

    def move(self, draft: Draft, place: Place) -> None:
        """Place ``draft`` at ``place``."""
        draft.place = place
        self._place(self._number[id(draft)], place)

    def retype(self, draft: Draft, target_type: TargetType, target: str | None) -> None:
        """Give ``draft`` this kind of target (indexed by it, if the index holds it)."""
        draft.target_type, draft.target = target_type, target
        number = self._number.get(id(draft))
        if draft.place is not None and number is not None:
            self._kind(number, target_type)

    def _place(self, number: int, place: Place) -> None:
        if place not in self._at:
            self._at[place] = []
            self._by_region.setdefault(outer_region(place.admin1), []).append(place)
            if place.kind != "region":
                self._by_cell.setdefault(_cell(place), []).append(place)
        heapq.heappush(self._at[place], (-self.all[number].date.toordinal(), number))

    def _kind(self, number: int, target_type: TargetType) -> None:
        heapq.heappush(self._of_kind.setdefault(target_type, []), -number)

    def latest_at(self, place: Place, *, sites_only: bool = False) -> Draft | None:
        """Of the drafts at the same place as ``place`` (:func:`same_place`), the latest
        dated; of equally dated ones, the first made (for a known site, the one at the
        nearest place first). With ``sites_only``, of those at known sites only."""
        region = outer_region(place.admin1)
        near = list(self._by_region.get(region, ())) if region is not None else []
        if place.kind != "region":
            near = [p for p in near if p.kind == "region"]
            cells = _cells_near(place, SAME_PLACE_KM)
            near += [p for cell in cells for p in self._by_cell.get(cell, ())]
        best: tuple[int, float, int] | None = None
        for other in near:
            if sites_only and other.kind != "facility":
                continue
            heap = self._at[other]
            while heap and self.all[heap[0][1]].place != other:
                heapq.heappop(heap)
            if not heap or not same_place(other, place):
                continue
            # "Explosions in Yevpatoria, ..., Novofedorivka", then "the airfield in Saky": the
            # strike beside the airfield, not the first told of the towns around it.
            km = _km_apart(other, place) if place.kind == "facility" else 0.0
            key = (heap[0][0], km, heap[0][1])
            if best is None or key < best:
                best = key
        return None if best is None else self.all[best[2]]

    def latest_here(self, place: Place) -> Draft | None:
        """Of the drafts at ``place`` itself, the latest dated; the first made of equally
        dated ones."""
        heap = self._at.get(place, [])
        while heap and self.all[heap[0][1]].place != place:
            heapq.heappop(heap)
        return self.all[heap[0][1]] if heap else None

    def latest_of_kind(self, target_type: TargetType) -> Draft | None:
        """The draft made last of those with a place and this kind of target."""
        heap = self._of_kind.get(target_type, [])
        while heap and self.all[-heap[0]].target_type != target_type:
            heapq.heappop(heap)
        return self.all[-heap[0]] if heap else None

    def latest_site(self) -> Draft | None:
        """The draft made last of those at a known site."""
        return next(
            (d for d in reversed(self.all) if d.place is not None and d.place.kind == "facility"),
            None,
        )

    def latest_of_kinds(self, target_types: Iterable[TargetType]) -> Draft | None:
        """The draft made last of those with a place and one of these kinds of target."""
        found = [d for kind in target_types if (d := self.latest_of_kind(kind)) is not None]
        return max(found, key=lambda d: self._number[id(d)]) if found else None
