"""The map page's events as a few typed columns: what it filters, counts and draws.

:func:`read_map_data` reads the store once per version, a batch of events at a time, and
keeps of each event only its date, codes, region, coordinates and distance (a million
events in well under 100 MB, where the events themselves and a frame of every column take
gigabytes). In the same pass it writes what the popups show
(:class:`~dashboard.mapping.DetailsDraft`), so no event is read twice.

:meth:`MapData.mask` keeps exactly the rows :func:`dashboard.filters.filter_mask` keeps, in
numpy; the text search, which needs the events' texts, is answered by the store
(:meth:`MapData.rows_of` turns its ids into rows).

This module knows nothing of Streamlit.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from itertools import islice

import numpy as np
import pandas as pd

from .coverage import COVERAGES, coverage_of
from .filters import Filters, region_key
from .mapping import DetailsDraft, MapPoints, day_number, points_of
from .model import DATE_PRECISIONS, OUTCOMES, TARGET_TYPES, WEAPONS, Event
from .store.query import period_end

#: Rounding of the distance slider's upper end, in km.
CEILING_ROUND_KM = 100.0
_EPOCH = date(1970, 1, 1)
#: 5 January 1970, a Monday: weeks are counted from it.
_MONDAY = 4


@dataclass(frozen=True)
class MapData:
    """Every readable stored event as columns, row ``i`` being the ``i``-th in the store's
    order (by date, then id), which the points' ``ref`` and the details files count.

    Codes are positions in :data:`~dashboard.model.TARGET_TYPES`, ``WEAPONS``, ``OUTCOMES``
    and ``DATE_PRECISIONS``; ``country`` and ``region`` are positions in ``country_keys``
    and ``region_keys`` (a country code, and ``"country:admin1"`` with an empty part for a
    missing one); days count from 1 January 1970; a missing number is NaN.
    """

    ids: np.ndarray
    day: np.ndarray
    #: The last day of the period each event is dated to.
    end_day: np.ndarray
    precision: np.ndarray
    target_type: np.ndarray
    weapon: np.ndarray
    outcome: np.ndarray
    country: np.ndarray
    region: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    distance_km: np.ndarray
    #: Positions in :data:`~dashboard.coverage.COVERAGES`: who reports the strike.
    coverage: np.ndarray
    country_keys: tuple[str, ...]
    region_keys: tuple[str, ...]
    #: Place and first quote of each event without coordinates, by row (listed beside the map).
    unlocated: dict[int, tuple[str | None, str]]
    #: Names the content of the points and details files (:func:`read_map_data`).
    version: str
    details_url: str
    #: Stored rows that could not be read, as (id, why): left out.
    unreadable: tuple[tuple[str, str], ...] = ()
    _order: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64), repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def empty(self) -> bool:
        return len(self) == 0

    @cached_property
    def first(self) -> date:
        """The earliest event's date (today when there is none)."""
        return _as_date(int(self.day.min())) if len(self) else date.today()

    @cached_property
    def last(self) -> date:
        """The latest event's date (today when there is none)."""
        return _as_date(int(self.day.max())) if len(self) else date.today()

    @cached_property
    def regions(self) -> tuple[str, ...]:
        """The region filter's choices, as :func:`dashboard.filters.region_options` gives them."""
        # A region key is only made of an event's country and admin1, so each one with both
        # parts is the region of a located event.
        keys = {key for key in self.country_keys if key}
        for key in self.region_keys:
            country, _, admin1 = key.partition(":")
            if country and admin1:
                keys.add(region_key(country, admin1))
        return tuple(sorted(keys))

    @cached_property
    def ceiling_km(self) -> float:
        """The distance slider's upper end: the furthest distance, rounded up."""
        measured = self.distance_km[~np.isnan(self.distance_km)]
        furthest = float(measured.max()) if len(measured) else 0.0
        if furthest <= 0:
            return CEILING_ROUND_KM
        return math.ceil(furthest / CEILING_ROUND_KM) * CEILING_ROUND_KM

    @cached_property
    def located(self) -> np.ndarray:
        """A flag per row: the event has coordinates."""
        located: np.ndarray = ~(np.isnan(self.lat) | np.isnan(self.lon))
        return located

    def points(self) -> MapPoints:
        """The located events as the map's points, ``ref`` being the row."""
        rows = np.flatnonzero(self.located)
        return points_of(
            rows,
            self.lat[rows],
            self.lon[rows],
            self.day[rows],
            self.end_day[rows],
            self.target_type[rows],
            self.outcome[rows],
        )

    def rows_of(self, ids: Iterable[str]) -> np.ndarray:
        """A flag per row, set for the events of these ids (unknown ids are ignored)."""
        wanted = _encoded(list(ids))
        flags = np.zeros(len(self), dtype=bool)
        if not len(wanted) or not len(self):
            return flags
        order = self._order
        place = np.searchsorted(self.ids, wanted, sorter=order)
        place = np.minimum(place, len(self) - 1)
        rows = order[place]
        flags[rows[self.ids[rows] == wanted]] = True
        return flags

    def row_of(self, event_id: str) -> int | None:
        """The row of an event, or ``None`` when it is not here."""
        rows = np.flatnonzero(self.rows_of([event_id]))
        return int(rows[0]) if len(rows) else None

    def ids_of(self, rows: np.ndarray) -> list[str]:
        """The ids of these rows, in their order."""
        return [i.decode("utf-8") for i in self.ids[rows].tolist()]

    def chart_frame(self, rows: np.ndarray) -> pd.DataFrame:
        """These rows as the few columns of :func:`dashboard.exports.events_frame` that the
        charts of :mod:`dashboard.filters` read (``date``, ``date_precision``,
        ``target_type``, ``distance_to_front_km``), indexed by row.
        """
        return pd.DataFrame(
            {
                "date": pd.to_datetime(self.day[rows].astype(np.int64), unit="D"),
                "date_precision": _labels(DATE_PRECISIONS, self.precision[rows]),
                "target_type": _labels(TARGET_TYPES, self.target_type[rows]),
                "distance_to_front_km": self.distance_km[rows],
            },
            index=pd.Index(rows),
        )

    def coverage_frame(self, rows: np.ndarray) -> pd.DataFrame:
        """These rows as :func:`dashboard.coverage.coverage_frame`'s columns ``date``,
        ``date_precision``, ``period``, ``target_type`` and ``coverage``, indexed by row."""
        days = self.day[rows].astype("datetime64[D]")
        yearly = self.precision[rows] == DATE_PRECISIONS.index("year")
        # A month as its number since 1970; a year known alone as -1 - its number.
        months = days.astype("datetime64[M]").astype(np.int64)
        years = days.astype("datetime64[Y]").astype(np.int64)
        keys, codes = np.unique(np.where(yearly, -1 - years, months), return_inverse=True)
        periods = [
            f"{1969 - key} (month unknown)" if key < 0 else f"{1970 + key // 12}-{key % 12 + 1:02d}"
            for key in keys.tolist()
        ]
        return pd.DataFrame(
            {
                "date": [_as_date(day) for day in self.day[rows].tolist()],
                "date_precision": _labels(DATE_PRECISIONS, self.precision[rows]),
                "period": _labels(periods, codes.reshape(-1)),
                "target_type": _labels(TARGET_TYPES, self.target_type[rows]),
                "coverage": _labels(COVERAGES, self.coverage[rows]),
            },
            index=pd.Index(rows),
        )

    def mask(self, filters: Filters, searched: np.ndarray | None = None) -> np.ndarray:
        """A flag per row, set for each event ``filters`` keep.

        Parameters
        ----------
        filters
            What to keep.
        searched
            The rows whose texts hold every searched word (:meth:`rows_of` of the store's
            answer); needed when ``filters.search`` asks for words.

        Returns
        -------
        numpy.ndarray
            Booleans, as :func:`dashboard.filters.filter_mask` over the same events.
        """
        keep = np.ones(len(self), dtype=bool)
        if filters.start is not None:
            keep &= self.end_day >= day_number(filters.start)
        if filters.end is not None:
            keep &= self.day <= day_number(filters.end)
        for codes, chosen, allowed in (
            (self.target_type, filters.target_types, TARGET_TYPES),
            (self.weapon, filters.weapons, WEAPONS),
            (self.outcome, filters.outcomes, OUTCOMES),
        ):
            if chosen:
                keep &= np.isin(codes, [allowed.index(v) for v in chosen if v in allowed])
        if filters.regions:
            chosen_regions = set(filters.regions)
            countries = [i for i, k in enumerate(self.country_keys) if k in chosen_regions]
            regions = [i for i, k in enumerate(self.region_keys) if k in chosen_regions]
            keep &= np.isin(self.country, countries) | np.isin(self.region, regions)
        # NaN compares false: setting either end hides events not measured.
        if filters.min_km is not None:
            keep &= self.distance_km >= filters.min_km
        if filters.max_km is not None:
            keep &= self.distance_km <= filters.max_km
        if filters.search.split():
            if searched is None:
                raise ValueError("a search needs the rows the store found for it")
            keep &= searched
        return keep

    def weekly_outcome_counts(self, keep: np.ndarray) -> pd.DataFrame:
        """:func:`dashboard.filters.weekly_outcome_counts` of the kept rows."""
        days = self.day[keep].astype(np.int64)
        if not len(days):
            return pd.DataFrame(
                {
                    "week": pd.Series(dtype="datetime64[ns]"),
                    "outcome": pd.Series(dtype=object),
                    "events": pd.Series(dtype=int),
                }
            )
        weeks = (days - _MONDAY) // 7
        first = int(weeks.min())
        slots = (weeks - first) * len(OUTCOMES) + self.outcome[keep]
        counts = np.bincount(slots, minlength=len(OUTCOMES))
        (present,) = np.nonzero(counts)
        week_days = (present // len(OUTCOMES) + first) * 7 + _MONDAY
        return pd.DataFrame(
            {
                "week": pd.to_datetime(week_days, unit="D"),
                "outcome": [OUTCOMES[i] for i in present % len(OUTCOMES)],
                "events": counts[present].astype(int),
            }
        )

    def latest(self, keep: np.ndarray, count: int) -> np.ndarray:
        """The rows of at most ``count`` latest kept events, in the store's order."""
        rows = np.flatnonzero(keep)
        if len(rows) <= count:
            return rows
        # Rows are in the order of dates: the latest are the last ones.
        return rows[-count:]


def _as_date(day: int) -> date:
    return _EPOCH + timedelta(days=day)


def _labels(values: Sequence[str], codes: np.ndarray) -> np.ndarray:
    # Plain strings, as the events' frame holds them: categoricals group differently.
    labels: np.ndarray = np.array(values, dtype=object)[codes]
    return labels


def _encoded(ids: Sequence[str]) -> np.ndarray:
    return np.array([i.encode("utf-8") for i in ids], dtype=np.bytes_)


def _batches(events: Iterable[Event], size: int) -> Iterator[list[Event]]:
    it = iter(events)
    while batch := list(islice(it, size)):
        yield batch


class _Keys:
    """Numbers each distinct key in the order first seen."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, key: str) -> int:
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.index)
        return found

    def table(self) -> tuple[str, ...]:
        return tuple(self.index)


def read_map_data(
    events: Iterable[Event],
    draft: DetailsDraft,
    unreadable: Iterable[tuple[str, str]] = (),
) -> MapData:
    """The map's columns of ``events``, with their popups' details written by ``draft``.

    Parameters
    ----------
    events
        Every readable stored event, in the store's order (:meth:`EventStore.stream`),
        read a batch at a time and not kept.
    draft
        Writes the details, a file per ``draft.chunk`` events, and publishes them under the
        version found at the end.
    unreadable
        The rows the store could not read, read only after ``events`` is exhausted (the
        store notes them while streaming).

    Returns
    -------
    MapData
        Its version is a hash of the details written and of the points, so two processes
        reading the same events name their files alike.
    """
    precision_codes = {p: i for i, p in enumerate(DATE_PRECISIONS)}
    type_codes = {t: i for i, t in enumerate(TARGET_TYPES)}
    weapon_codes = {w: i for i, w in enumerate(WEAPONS)}
    outcome_codes = {o: i for i, o in enumerate(OUTCOMES)}
    coverage_codes = {c: i for i, c in enumerate(COVERAGES)}
    countries, regions = _Keys(), _Keys()
    columns: dict[str, list[np.ndarray]] = {name: [] for name in _READ_COLUMNS}
    ids: list[bytes] = []
    unlocated: dict[int, tuple[str | None, str]] = {}
    digest = hashlib.blake2b(digest_size=16)
    row = 0
    try:
        for batch in _batches(events, draft.chunk):
            digest.update(draft.write(batch))
            start = _EPOCH.toordinal()
            values: dict[str, list[float | int]] = {name: [] for name in _READ_COLUMNS}
            for event in batch:
                ids.append(event.id.encode("utf-8"))
                values["day"].append(event.date.toordinal() - start)
                values["end_day"].append(period_end(event).toordinal() - start)
                values["precision"].append(precision_codes[event.date_precision])
                values["target_type"].append(type_codes[event.target_type])
                values["weapon"].append(weapon_codes[event.weapon])
                values["outcome"].append(outcome_codes[event.outcome])
                country = event.country or ""
                values["country"].append(countries(country) if event.country else -1)
                values["region"].append(regions(f"{country}:{event.admin1 or ''}"))
                values["lat"].append(math.nan if event.lat is None else event.lat)
                values["lon"].append(math.nan if event.lon is None else event.lon)
                distance = event.distance_to_front_km
                values["distance_km"].append(math.nan if distance is None else distance)
                values["coverage"].append(coverage_codes[coverage_of(event)])
                if not event.located:
                    unlocated[row] = (event.place, event.quote)
                row += 1
            for name, dtype in _READ_COLUMNS.items():
                columns[name].append(np.array(values[name], dtype=dtype))
        arrays = {
            name: np.concatenate(parts) if parts else np.empty(0, dtype=_READ_COLUMNS[name])
            for name, parts in columns.items()
        }
        id_array = np.array(ids, dtype=np.bytes_) if ids else np.empty(0, dtype="S1")
        data = MapData(
            ids=id_array,
            **arrays,
            country_keys=countries.table(),
            region_keys=regions.table(),
            unlocated=unlocated,
            version="",
            details_url="",
            unreadable=tuple(unreadable),
            _order=np.argsort(id_array, kind="stable"),
        )
        digest.update(data.points().to_bytes())
        version = digest.hexdigest()
        url = draft.publish(version)
    finally:
        draft.discard()
    return replace(data, version=version, details_url=url)


#: The columns read of each event, and their types.
_READ_COLUMNS: dict[str, str] = {
    "day": "i4",
    "end_day": "i4",
    "precision": "u1",
    "target_type": "u1",
    "weapon": "u1",
    "outcome": "u1",
    "country": "i4",
    "region": "i4",
    "lat": "f8",
    "lon": "f8",
    "distance_km": "f8",
    "coverage": "u1",
}
