"""Which events the user looks at: the dashboard's filters and summaries, without Streamlit.

The app keeps one :class:`Filters` value per session and mirrors it in the URL's query
string, so a copied link reopens the same view. A filter left open (``None`` or empty)
narrows nothing and is left out of the query string: a link to "all dates" still means
all dates after new events arrive.

The functions work on the frame of :func:`dashboard.exports.events_frame` (one row per
event, ``date`` as a datetime column).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

import pandas as pd

from .model import OUTCOMES, TARGET_TYPES, WEAPONS

#: Column of lower-cased place, target and every quote, added once at load time.
SEARCH_COLUMN = "search_text"
#: The longest search text kept from a query string.
MAX_SEARCH_CHARS = 200
#: The longest file name stem :func:`describe_for_filename` makes.
MAX_FILENAME_STEM = 120

Preset = Literal["30d", "1y", "all"]
PRESETS: tuple[Preset, ...] = ("30d", "1y", "all")

# Query-string keys; short, so links stay readable.
_Q_FROM, _Q_TO, _Q_TARGET, _Q_WEAPON, _Q_REGION = "from", "to", "target", "weapon", "region"
_Q_KM_MIN, _Q_KM_MAX, _Q_SEARCH, _Q_OUTCOME = "km_min", "km_max", "q", "outcome"


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the events to; every field left open narrows nothing.

    Parameters
    ----------
    start, end
        First and last day shown, inclusive. An event dated to a month or a year is
        shown when its period overlaps these days.
    target_types, weapons
        Values of :data:`dashboard.model.TARGET_TYPES` and :data:`~dashboard.model.WEAPONS`.
    regions
        Region keys of :func:`region_key`: a country code (``"RU"``) or a country and
        first-level region (``"RU:Krasnodar Krai"``).
    min_km, max_km
        Distance from the front line, in km. Setting either hides events not measured.
    search
        Words that must all occur (any case) in the place, target or a quote.
    outcomes
        Values of :data:`dashboard.model.OUTCOMES`: ``("hit", "unknown")`` leaves out the
        interceptions, which are records of drones shot down, not strikes.
    """

    start: date | None = None
    end: date | None = None
    target_types: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    min_km: float | None = None
    max_km: float | None = None
    search: str = ""
    outcomes: tuple[str, ...] = ()

    def without_dates(self) -> Filters:
        """The same filters over all dates (the timeline shows the whole span)."""
        return replace(self, start=None, end=None)


@dataclass(frozen=True)
class Box:
    """A map's visible box, in degrees. ``west > east`` is a box across the 180th meridian."""

    south: float
    west: float
    north: float
    east: float

    def __post_init__(self) -> None:
        if not -90 <= self.south <= self.north <= 90:
            raise ValueError(f"a box runs from south to north within ±90°: {self}")
        if not (-180 <= self.west <= 180 and -180 <= self.east <= 180):
            raise ValueError(f"a box's west and east lie within ±180°: {self}")


@dataclass(frozen=True)
class EventQuery(Filters):
    """The filters a store answers itself (:meth:`dashboard.store.EventStore.query`):
    :class:`Filters`, and the map's visible box, which keeps only located events in it."""

    box: Box | None = None


def search_text(place: str | None, target: str | None, quotes: Sequence[str]) -> str:
    """What the text search looks in: place, target and quotes, lower-cased (casefolded)."""
    return "\n".join([place or "", target or "", *quotes]).casefold()


def search_words(search: str) -> list[str]:
    """The words a search asks for, each of which must occur in :func:`search_text`."""
    return search.casefold().split()


def region_key(country: str, admin1: str | None = None) -> str:
    """The value a region filter stores: ``"RU"`` or ``"RU:Krasnodar Krai"``."""
    return f"{country}:{admin1}" if admin1 else country


def region_options(frame: pd.DataFrame) -> list[str]:
    """Region keys present in the frame: each country, then each of its regions, sorted."""
    keys: set[str] = set()
    located = frame.dropna(subset=["country"])
    for country, admin1 in zip(located["country"], located["admin1"], strict=True):
        keys.add(region_key(str(country)))
        if isinstance(admin1, str) and admin1:
            keys.add(region_key(str(country), admin1))
    return sorted(keys)


def _quotes(sources_json: object) -> list[str]:
    if not isinstance(sources_json, str) or not sources_json:
        return []
    return [quote for source in json.loads(sources_json) for quote in source.get("quotes", ())]


def _search_texts(frame: pd.DataFrame) -> pd.Series:
    texts = [
        search_text(
            p if isinstance(p, str) else None, t if isinstance(t, str) else None, _quotes(s)
        )
        for p, t, s in zip(frame["place"], frame["target"], frame["sources_json"], strict=True)
    ]
    return pd.Series(texts, index=frame.index, dtype=object)


def with_search_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with :data:`SEARCH_COLUMN` added, so searching needs no JSON parsing.

    Called once when events are loaded; :func:`apply_filters` builds the column itself
    when it is missing.
    """
    return frame.assign(**{SEARCH_COLUMN: _search_texts(frame)})


def _period_ends(frame: pd.DataFrame) -> pd.Series:
    dates = frame["date"]
    month_end = dates + pd.offsets.MonthEnd(0)
    year_end = dates + pd.offsets.YearEnd(0)
    precision = frame["date_precision"]
    return dates.where(precision == "day", month_end.where(precision == "month", year_end))


def filter_mask(frame: pd.DataFrame, filters: Filters) -> pd.Series:
    """A boolean Series, True for each row the filters keep."""
    mask = pd.Series(True, index=frame.index)
    if filters.start is not None:
        mask &= _period_ends(frame) >= pd.Timestamp(filters.start)
    if filters.end is not None:
        mask &= frame["date"] <= pd.Timestamp(filters.end)
    if filters.target_types:
        mask &= frame["target_type"].isin(filters.target_types)
    if filters.weapons:
        mask &= frame["weapon"].isin(filters.weapons)
    if filters.regions:
        countries = frame["country"].fillna("")
        regions = countries + ":" + frame["admin1"].fillna("")
        mask &= countries.isin(filters.regions) | regions.isin(filters.regions)
    distance = frame["distance_to_front_km"]
    if filters.min_km is not None:
        mask &= distance.notna() & (distance >= filters.min_km)
    if filters.max_km is not None:
        mask &= distance.notna() & (distance <= filters.max_km)
    if filters.outcomes:
        mask &= frame["outcome"].isin(filters.outcomes)
    words = search_words(filters.search)
    if words:
        texts = frame[SEARCH_COLUMN] if SEARCH_COLUMN in frame else _search_texts(frame)
        for word in words:
            mask &= texts.str.contains(word, regex=False)
    return mask.astype(bool)


def apply_filters(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of ``frame`` that ``filters`` keep, in their order.

    Parameters
    ----------
    frame
        Events as :func:`dashboard.exports.events_frame` builds them.
    filters
        What to keep.

    Returns
    -------
    pandas.DataFrame
        The kept rows, with the same columns.
    """
    return frame.loc[filter_mask(frame, filters)]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def filters_to_query(filters: Filters) -> dict[str, str | list[str]]:
    """The query-string parameters of ``filters``; open filters are left out.

    Lists stay lists even with one value, so each value becomes its own ``key=value``.
    """
    query: dict[str, str | list[str]] = {}
    if filters.start is not None:
        query[_Q_FROM] = filters.start.isoformat()
    if filters.end is not None:
        query[_Q_TO] = filters.end.isoformat()
    for key, values in (
        (_Q_TARGET, filters.target_types),
        (_Q_WEAPON, filters.weapons),
        (_Q_REGION, filters.regions),
        (_Q_OUTCOME, filters.outcomes),
    ):
        if values:
            query[key] = list(values)
    if filters.min_km is not None:
        query[_Q_KM_MIN] = _number(filters.min_km)
    if filters.max_km is not None:
        query[_Q_KM_MAX] = _number(filters.max_km)
    if filters.search.strip():
        query[_Q_SEARCH] = filters.search.strip()
    return query


def _all(params: Mapping[str, str | Sequence[str]], key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _last(params: Mapping[str, str | Sequence[str]], key: str) -> str | None:
    values = _all(params, key)
    return values[-1].strip() if values else None


def _date_param(params: Mapping[str, str | Sequence[str]], key: str) -> date | None:
    text = _last(params, key)
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _km_param(params: Mapping[str, str | Sequence[str]], key: str) -> float | None:
    text = _last(params, key)
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and value >= 0 and value != float("inf") else None


def _known(values: list[str], allowed: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v in allowed))


def filters_from_query(params: Mapping[str, str | Sequence[str]]) -> Filters:
    """The filters a query string asks for; what cannot be used is ignored.

    A link may be edited by hand or come from an older version, so malformed dates and
    numbers, unknown target types, weapons and outcomes are dropped rather than refused, and a
    reversed range is put in order.

    Parameters
    ----------
    params
        Query parameters, each a string or a list of strings (``st.query_params`` or
        :func:`filters_to_query`'s result).

    Returns
    -------
    Filters
        ``filters_from_query(filters_to_query(f)) == f`` for filters with ordered ranges
        and known values.
    """
    start, end = _date_param(params, _Q_FROM), _date_param(params, _Q_TO)
    if start is not None and end is not None and start > end:
        start, end = end, start
    min_km, max_km = _km_param(params, _Q_KM_MIN), _km_param(params, _Q_KM_MAX)
    if min_km is not None and max_km is not None and min_km > max_km:
        min_km, max_km = max_km, min_km
    regions = tuple(dict.fromkeys(r.strip() for r in _all(params, _Q_REGION) if r.strip()))
    return Filters(
        start=start,
        end=end,
        target_types=_known(_all(params, _Q_TARGET), TARGET_TYPES),
        weapons=_known(_all(params, _Q_WEAPON), WEAPONS),
        regions=regions,
        min_km=min_km,
        max_km=max_km,
        search=(_last(params, _Q_SEARCH) or "")[:MAX_SEARCH_CHARS],
        outcomes=_known(_all(params, _Q_OUTCOME), OUTCOMES),
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def describe_for_filename(filters: Filters, extension: str = "csv") -> str:
    """A file name that says what the export holds.

    Examples
    --------
    >>> describe_for_filename(Filters(date(2024, 1, 1), date(2024, 12, 31), ("oil", "airbase")))
    'strikes_2024-01-01_2024-12-31_oil-airbase.csv'
    >>> describe_for_filename(Filters(), "geojson")
    'strikes_all.geojson'
    """
    parts: list[str] = []
    if filters.start is not None and filters.end is not None:
        parts += [filters.start.isoformat(), filters.end.isoformat()]
    elif filters.start is not None:
        parts.append(f"from-{filters.start.isoformat()}")
    elif filters.end is not None:
        parts.append(f"to-{filters.end.isoformat()}")
    for values in (filters.target_types, filters.weapons, filters.regions, filters.outcomes):
        slugs = [s for s in (_slug(v) for v in values) if s]
        if slugs:
            parts.append("-".join(slugs))
    if filters.min_km is not None or filters.max_km is not None:
        low = _number(filters.min_km) if filters.min_km is not None else "0"
        high = _number(filters.max_km) if filters.max_km is not None else "max"
        parts.append(_slug(f"{low}-{high}km"))
    if _slug(filters.search):
        parts.append(f"q-{_slug(filters.search)}")
    stem = "_".join(["strikes", *(parts or ["all"])])
    if len(stem) > MAX_FILENAME_STEM:
        stem = stem[:MAX_FILENAME_STEM].rstrip("-_")
    return f"{stem}.{extension}"


def preset_range(preset: Preset, first: date, last: date) -> tuple[date, date]:
    """The days a timeline preset selects, counted back from the latest event ``last``.

    The data is often older than today, so "last 30 days" means the 30 days up to the
    latest strike, never an empty window before today.
    """
    if preset == "30d":
        start = last - timedelta(days=29)
    elif preset == "1y":
        start = last - timedelta(days=364)
    else:
        start = first
    return max(start, first), last


def play_window(start: date, days: int, first: date, last: date) -> tuple[date, date]:
    """The first window of a playback: ``days`` days from ``start``, inside the data's dates.

    Examples
    --------
    >>> play_window(date(2024, 1, 1), 7, date(2023, 1, 1), date(2024, 12, 31))
    (datetime.date(2024, 1, 1), datetime.date(2024, 1, 7))
    """
    if days < 1:
        raise ValueError("a playback window holds at least one day")
    start = min(max(start, first), last)
    return start, min(start + timedelta(days=days - 1), last)


def slide_window(
    start: date, end: date, step_days: int, first: date, last: date
) -> tuple[date, date]:
    """The days ``start``..``end`` moved on by ``step_days`` (back when negative).

    The window keeps its length and stays inside ``first``..``last``: at either end of
    the data it stops there instead of shrinking.

    Examples
    --------
    >>> slide_window(date(2024, 1, 1), date(2024, 1, 7), 7, date(2024, 1, 1), date(2024, 1, 20))
    (datetime.date(2024, 1, 8), datetime.date(2024, 1, 14))
    >>> slide_window(date(2024, 1, 8), date(2024, 1, 14), 7, date(2024, 1, 1), date(2024, 1, 20))
    (datetime.date(2024, 1, 14), datetime.date(2024, 1, 20))
    """
    length = end - start
    if step_days >= 0:
        new_end = min(end + timedelta(days=step_days), last)
        new_start = max(new_end - length, first)
    else:
        new_start = max(start + timedelta(days=step_days), first)
        new_end = min(new_start + length, last)
    return new_start, new_end


def weekly_outcome_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Events per week (weeks start on Monday) and outcome, for the stacked timeline.

    Returns
    -------
    pandas.DataFrame
        Columns ``week`` (the Monday, a datetime), ``outcome`` and ``events``, in the order
        of weeks and of :data:`dashboard.model.OUTCOMES`; only combinations with events, so
        a week without any is a gap.
    """
    if frame.empty:
        return pd.DataFrame(
            {
                "week": pd.Series(dtype="datetime64[ns]"),
                "outcome": pd.Series(dtype=object),
                "events": pd.Series(dtype=int),
            }
        )
    weeks = frame["date"].dt.to_period("W-SUN").dt.start_time.rename("week")
    counts = frame.groupby([weeks, frame["outcome"]]).size().rename("events").reset_index()
    order = counts["outcome"].map({o: i for i, o in enumerate(OUTCOMES)})
    return counts.assign(order=order).sort_values(["week", "order"]).drop(columns="order")


#: The date precisions each counting period can place exactly: a week places only a day,
#: a month a day or a month.
_PRECISE_FOR: dict[str, tuple[str, ...]] = {"W": ("day",), "M": ("day", "month")}


def period_counts(frame: pd.DataFrame, freq: Literal["W", "M"] = "M") -> pd.DataFrame:
    """Events per week or month and target type, for the stacked chart.

    Only events dated at least as precisely as the period are counted: an event known only
    to its month is in no week, and one known only to its year in no month (their day is
    the first of the period, not a date). :func:`coarse_counts` counts the others.

    Returns
    -------
    pandas.DataFrame
        Columns ``period`` (first day, a datetime), ``target_type`` and ``events``;
        only combinations with events.
    """
    precise = frame[frame["date_precision"].isin(_PRECISE_FOR[freq])]
    if precise.empty:
        return pd.DataFrame(
            {
                "period": pd.Series(dtype="datetime64[ns]"),
                "target_type": pd.Series(dtype=object),
                "events": pd.Series(dtype=int),
            }
        )
    period = precise["date"].dt.to_period("W-SUN" if freq == "W" else "M").dt.start_time
    grouped = precise.groupby([period.rename("period"), precise["target_type"]]).size()
    return grouped.rename("events").reset_index()


def coarse_counts(frame: pd.DataFrame, freq: Literal["W", "M"] = "M") -> pd.DataFrame:
    """Events dated less precisely than ``freq``, per the month or year they are known to.

    Returns
    -------
    pandas.DataFrame
        Columns ``period`` and ``period_end`` (the first day of the month or year and of
        the next one), ``precision`` (``month`` or ``year``), ``target_type`` and
        ``events``; only combinations with events.
    """
    coarse = frame[~frame["date_precision"].isin(_PRECISE_FOR[freq])]
    if coarse.empty:
        return pd.DataFrame(
            {
                "period": pd.Series(dtype="datetime64[ns]"),
                "period_end": pd.Series(dtype="datetime64[ns]"),
                "precision": pd.Series(dtype=object),
                "target_type": pd.Series(dtype=object),
                "events": pd.Series(dtype=int),
            }
        )
    year = coarse["date_precision"] == "year"
    starts = (
        coarse["date"]
        .dt.to_period("M")
        .dt.start_time.where(~year, coarse["date"].dt.to_period("Y").dt.start_time)
    )
    grouped = (
        coarse.groupby([starts.rename("period"), coarse["date_precision"], coarse["target_type"]])
        .size()
        .rename("events")
        .reset_index()
        .rename(columns={"date_precision": "precision"})
    )
    month_end = grouped["period"] + pd.DateOffset(months=1)
    year_end = grouped["period"] + pd.DateOffset(years=1)
    grouped.insert(1, "period_end", month_end.where(grouped["precision"] == "month", year_end))
    return grouped


def depth_trend(frame: pd.DataFrame, window_days: int = 90) -> pd.DataFrame:
    """Distance from the front line over time, with its rolling median and maximum.

    Each day with a measured strike dated to the day gets the median and maximum distance
    of such strikes in the ``window_days`` days up to it, so a widening zone of strikes
    shows as a rising maximum and median. Where no strike falls within a window of the
    one before, the trend has nothing to say: a new ``segment`` starts there, and a chart
    draws each segment as its own line, leaving the gap empty.

    Returns
    -------
    pandas.DataFrame
        Columns ``date``, ``median_km``, ``max_km`` and ``segment`` (0, 1, ...), one row
        per day with a strike.
    """
    measured = frame[frame["date_precision"] == "day"].dropna(subset=["distance_to_front_km"])
    measured = measured.sort_values("date", kind="stable")
    if measured.empty:
        return pd.DataFrame(
            {
                "date": pd.Series(dtype="datetime64[ns]"),
                "median_km": pd.Series(dtype=float),
                "max_km": pd.Series(dtype=float),
                "segment": pd.Series(dtype=int),
            }
        )
    distance = pd.Series(
        measured["distance_to_front_km"].astype(float).to_numpy(),
        index=pd.DatetimeIndex(measured["date"]),
    )
    rolling = distance.rolling(f"{window_days}D")
    trend = pd.DataFrame({"median_km": rolling.median(), "max_km": rolling.max()})
    # The last row of each day has seen all of that day's strikes.
    daily = trend.groupby(level=0).last().rename_axis("date").reset_index()
    gap = daily["date"].diff() > pd.Timedelta(days=window_days)
    return daily.assign(segment=gap.cumsum().astype(int))
