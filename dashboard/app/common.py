"""What the pages share: the stored events, the sidebar filters, the URL and the count.

The filters live in three places, read in this order at the start of each run:

1. the widgets' own session state, while the user works on a page;
2. ``st.session_state["_filters"]``, the last filters seen, when a page without the
   filter widgets (Add article, About) was shown in between and Streamlit dropped them;
3. the URL's query string, when a session starts from a copied link.

Each run writes the filters back to the query string, so the address bar always holds
a link to the view on screen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
import streamlit as st

from dashboard.errors import StrikemapError
from dashboard.filters import (
    Filters,
    Preset,
    filters_from_query,
    filters_to_query,
    preset_range,
)
from dashboard.mapdata import MapData, read_map_data
from dashboard.mapping import DetailsDraft
from dashboard.model import OUTCOMES, TARGET_TYPES, WEAPONS
from dashboard.palette import outcome_label
from dashboard.settings import get_settings
from dashboard.store import open_store

#: Widget keys of the sidebar filters (the browser bench drives the first two).
DATE_KEY = "date_range"
TARGET_KEY = "target_types"
WEAPON_KEY = "weapons"
REGION_KEY = "regions"
DISTANCE_KEY = "distance_km"
SEARCH_KEY = "search"
OUTCOME_KEY = "outcomes"
FILTER_KEYS = (
    DATE_KEY,
    TARGET_KEY,
    WEAPON_KEY,
    OUTCOME_KEY,
    REGION_KEY,
    DISTANCE_KEY,
    SEARCH_KEY,
)

_SAVED_FILTERS = "_filters"
_FILTERS_PAGE = "_filters_page"
#: A date range asked for by a run that could not set the widget itself (the play timer).
PENDING_DATES = "_pending_dates"
PLAYING = "_playing"
#: The id of the event a table row asked the map to show; the map page takes it once.
MAP_FOCUS = "_map_focus"

#: Rows of the table shown at once: a page reads from the store only the events it shows.
PAGE_ROWS = 1000

#: The distance slider's step, in km.
DISTANCE_STEP_KM = 10.0

COUNTRY_NAMES = {"RU": "Russia", "UA": "Ukraine", "BY": "Belarus"}


def label(value: str) -> str:
    """A category as people write it: ``defense_industry`` is "Defense industry"."""
    return value.replace("_", " ").capitalize()


def when_text(day: date, precision: str) -> str:
    """A date as precisely as it is known: "2024-11-06", "November 2024" or "2024"."""
    if precision == "year":
        return f"{day:%Y}"
    if precision == "month":
        return f"{day:%B %Y}"
    return day.isoformat()


def region_label(key: str) -> str:
    """A region key of :func:`dashboard.filters.region_key` as "Russia · Krasnodar Krai"."""
    country, _, admin1 = key.partition(":")
    name = COUNTRY_NAMES.get(country, country)
    return f"{name} · {admin1}" if admin1 else name


@contextmanager
def core_errors() -> Iterator[None]:
    """Show an error of strikemap's core as one line and stop the page."""
    try:
        yield
    except StrikemapError as error:
        st.error(str(error))
        st.stop()


def _location_and_stamp() -> tuple[str, str]:
    """Where the store is and the name of its content (empty for a SQLite file not made yet)."""
    settings = get_settings()
    with core_errors():
        if settings.database_url:
            with open_store(settings.database_url) as store:
                return settings.database_url, store.stamp()
        path = settings.store_path
        if not path.exists():
            return str(path), ""
        stat = path.stat()
        return str(path), f"{stat.st_mtime_ns}:{stat.st_size}"


@st.cache_resource(show_spinner="Reading the stored events…", max_entries=2)
def _read_map(location: str, stamp: str) -> MapData:
    # The stamp is only part of the cache key: a write to the store makes a new one; an
    # empty one is a SQLite file not made yet. The events are read a batch at a time and
    # only their columns kept: no page holds every event, nor their frame, which take
    # gigabytes at 1,000,000 events; a page reads from the store the events it shows.
    # The map's popups' details are written in the same pass.
    draft = DetailsDraft()
    if not stamp:
        return read_map_data((), draft)
    with open_store(location) as store:
        return read_map_data(store.stream(), draft, store.unreadable.items())


def load_map_data() -> MapData:
    """The stored events' columns, read once per version of the store: what every page
    filters and counts."""
    location, stamp = _location_and_stamp()
    with core_errors():
        try:
            return _read_map(location, stamp)
        except OSError as error:
            if isinstance(error, StrikemapError):
                raise
            # The popups' files could not be written to the app's static folder; the
            # reason without the path, which is the server's own.
            st.error(f"The map cannot show the events: {error.strerror or error}")
            st.stop()


#: Unreadable rows named in the warning; past these it gives the count only.
SHOWN_UNREADABLE = 10


def unreadable_notice(data: MapData) -> None:
    """Say which stored events cannot be read and are left out, if any."""
    if not data.unreadable:
        return
    named = "; ".join(f"{event_id}: {why}" for event_id, why in data.unreadable[:SHOWN_UNREADABLE])
    more = len(data.unreadable) - SHOWN_UNREADABLE
    count = len(data.unreadable)
    st.warning(
        f"{count} stored event{'s' * (count != 1)} cannot be read and "
        f"{'are' if count != 1 else 'is'} left out ({named}"
        f"{f'; and {more} more' if more > 0 else ''}); every other event is shown.",
        icon=":material/warning:",
    )


def forget_loaded_data() -> None:
    """Drop the cached events, so the next run reads the store again."""
    _read_map.clear()


@dataclass(frozen=True)
class View:
    """The stored events as columns, the filters on screen and which events they keep."""

    data: MapData
    filters: Filters
    #: A flag per row of ``data``: kept by the filters.
    kept: np.ndarray

    @cached_property
    def rows(self) -> np.ndarray:
        """The kept rows, in the store's order (by date, then id)."""
        rows: np.ndarray = np.flatnonzero(self.kept)
        return rows

    def ids(self) -> list[str]:
        """The kept events' ids, in the store's order."""
        return self.data.ids_of(self.rows)

    @property
    def count_text(self) -> str:
        return f"{len(self.rows):,} of {len(self.data):,} events"


@dataclass(frozen=True)
class MapView(View):
    """The map page's view, which also needs the events the filters other than dates keep
    (the map steps the dates itself)."""

    #: A flag per row of ``data``: kept by the filters other than dates.
    undated: np.ndarray


def _clamp(day: date, first: date, last: date) -> date:
    return min(max(day, first), last)


def _saved_or_linked_filters() -> Filters:
    saved = st.session_state.get(_SAVED_FILTERS)
    if isinstance(saved, Filters):
        return saved
    return filters_from_query({key: st.query_params.get_all(key) for key in st.query_params})


def _set_if_changed(key: str, value: Any) -> None:
    # Writing a widget's state marks it as set by code; only do so when it must change.
    current = st.session_state.get(key)
    if isinstance(current, list | tuple) and isinstance(value, list | tuple):
        if tuple(current) == tuple(value):
            return
    elif current == value:
        return
    st.session_state[key] = value


def _prepare_widget_state(data: MapData, regions: Sequence[str], ceiling: float, page: str) -> None:
    """Give each filter widget a valid value before it is drawn.

    On the first run, and on a page other than the last one drawn (Streamlit keeps widget
    values per page), the widgets start from the saved or linked filters; values the data
    no longer allows are put in range.
    """
    state = st.session_state
    initial = _saved_or_linked_filters()
    if state.get(_FILTERS_PAGE) != page:
        for key in FILTER_KEYS:
            state.pop(key, None)
        state[_FILTERS_PAGE] = page
    first, last = data.first, data.last
    pending = state.pop(PENDING_DATES, None)
    if pending is not None:
        state[DATE_KEY] = pending
    if DATE_KEY not in state:
        state[DATE_KEY] = (initial.start or first, initial.end or last)
    chosen = tuple(state[DATE_KEY])
    if len(chosen) == 2:
        start, end = sorted(_clamp(day, first, last) for day in chosen)
        _set_if_changed(DATE_KEY, (start, end))
    for key, values, allowed in (
        (TARGET_KEY, initial.target_types, TARGET_TYPES),
        (WEAPON_KEY, initial.weapons, WEAPONS),
        (OUTCOME_KEY, initial.outcomes, OUTCOMES),
        (REGION_KEY, initial.regions, regions),
    ):
        if key not in state:
            state[key] = list(values)
        _set_if_changed(key, [value for value in state[key] if value in allowed])
    if DISTANCE_KEY not in state:
        low = initial.min_km if initial.min_km is not None else 0.0
        high = initial.max_km if initial.max_km is not None else ceiling
        state[DISTANCE_KEY] = (low, high)
    low, high = (min(max(float(km), 0.0), ceiling) for km in state[DISTANCE_KEY])
    _set_if_changed(DISTANCE_KEY, (low, high))
    if SEARCH_KEY not in state:
        state[SEARCH_KEY] = initial.search


def set_date_range(start: date, end: date) -> None:
    """Callback: show these days (presets, the play controls)."""
    st.session_state[DATE_KEY] = (start, end)


def _apply_preset(preset: Preset, first: date, last: date) -> None:
    st.session_state[PLAYING] = False
    set_date_range(*preset_range(preset, first, last))


def _draw_filter_widgets(data: MapData, regions: Sequence[str], ceiling: float) -> None:
    first, last = data.first, data.last
    st.header("Filters")
    st.date_input(
        "Dates",
        value=(first, last),
        min_value=first,
        max_value=last,
        key=DATE_KEY,
        help="Strikes dated only to a month or a year show when that period overlaps.",
    )
    presets: tuple[tuple[Preset, str, str], ...] = (
        ("30d", "30 d", "The 30 days up to the latest strike in the data."),
        ("1y", "1 yr", "The year up to the latest strike in the data."),
        ("all", "All", "Every date in the data."),
    )
    for column, (preset, text, explained) in zip(st.columns(len(presets)), presets, strict=True):
        column.button(
            text,
            key=f"preset_{preset}",
            on_click=_apply_preset,
            args=(preset, first, last),
            help=explained,
            width="stretch",
        )
    st.multiselect(
        "Target types", TARGET_TYPES, key=TARGET_KEY, format_func=label, placeholder="All"
    )
    st.multiselect("Weapons", WEAPONS, key=WEAPON_KEY, format_func=label, placeholder="All")
    st.multiselect(
        "Outcome",
        OUTCOMES,
        key=OUTCOME_KEY,
        format_func=outcome_label,
        placeholder="All, interceptions too",
        help="Interceptions are drones or missiles reported shot down: records, not strikes. "
        "Choose Hit and Outcome not reported to leave them out.",
    )
    st.multiselect(
        "Countries and regions",
        regions,
        key=REGION_KEY,
        format_func=region_label,
        placeholder="All",
    )
    st.slider(
        "Distance from the front line (km)",
        min_value=0.0,
        max_value=ceiling,
        value=(0.0, ceiling),
        step=DISTANCE_STEP_KM,
        format="%.0f km",
        key=DISTANCE_KEY,
        help="Narrowing the range hides strikes that could not be located.",
    )
    st.text_input(
        "Search place, target and quotes",
        key=SEARCH_KEY,
        placeholder="e.g. refinery Tuapse",
    )


def _filters_from_widgets(data: MapData, ceiling: float) -> Filters:
    state = st.session_state
    chosen = tuple(state[DATE_KEY])
    start = chosen[0] if chosen else None
    end = chosen[1] if len(chosen) > 1 else None
    low, high = state[DISTANCE_KEY]
    # The full span is no filter: the link keeps meaning "all" when new events arrive.
    return Filters(
        start=start if start is not None and start > data.first else None,
        end=end if end is not None and end < data.last else None,
        target_types=tuple(state[TARGET_KEY]),
        weapons=tuple(state[WEAPON_KEY]),
        regions=tuple(state[REGION_KEY]),
        min_km=float(low) if low > 0 else None,
        max_km=float(high) if high < ceiling else None,
        search=str(state[SEARCH_KEY]).strip(),
        outcomes=tuple(state[OUTCOME_KEY]),
    )


def _as_lists(params: dict[str, Any]) -> dict[str, list[str]]:
    return {
        key: [value] if isinstance(value, str) else list(value) for key, value in params.items()
    }


def _write_query_string(filters: Filters) -> None:
    wanted = filters_to_query(filters)
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if _as_lists(current) != _as_lists(wanted):
        st.query_params.from_dict(wanted)


def _filters(data: MapData, page: str, widgets: bool) -> Filters:
    """Draw the sidebar filters (unless ``widgets`` is false) and read them."""
    unreadable_notice(data)
    if page != "map":
        # A "show on map" not taken by the map (the reader went elsewhere) is dropped.
        st.session_state.pop(MAP_FOCUS, None)
    regions, ceiling = data.regions, data.ceiling_km
    _prepare_widget_state(data, regions, ceiling, page)
    if widgets:
        with st.sidebar:
            _draw_filter_widgets(data, regions, ceiling)
    filters = _filters_from_widgets(data, ceiling)
    st.session_state[_SAVED_FILTERS] = filters
    _write_query_string(filters)
    return filters


def filtered_view(page: str, *, widgets: bool = True) -> View:
    """Draw the sidebar filters and return the events they keep.

    Call once near the top of every page that shows events, with the page's name. With
    ``widgets=False`` the filters are read but not drawn: the page then calls
    :func:`draw_filters` later in the same run, so that what it draws first reaches the
    browser first. The events are filtered on their columns in numpy, but for the text
    search, which the store answers; the page reads from the store the events it shows.
    """
    data = load_map_data()
    filters = _filters(data, page, widgets)
    view = View(data, filters, _kept(data, filters))
    if widgets:
        st.sidebar.markdown(f"**{view.count_text}**")
    return view


def _kept(data: MapData, filters: Filters) -> np.ndarray:
    searched = None
    if filters.search.split():
        searched = _searched(data.version, filters.search, data)
    return data.mask(filters, searched)


def map_view() -> MapView:
    """The map page's :func:`filtered_view` (``widgets=False``)."""
    view = filtered_view("map", widgets=False)
    filters = view.filters
    if filters.start is None and filters.end is None:
        undated = view.kept
    else:
        undated = _kept(view.data, filters.without_dates())
    return MapView(view.data, filters, view.kept, undated)


@st.cache_resource(max_entries=8, show_spinner=False)
def _searched(version: str, search: str, _data: MapData) -> np.ndarray:
    # Keyed by the version the data stands for; the data is not hashed.
    with core_errors(), open_store(get_settings().store_location, create=False) as store:
        return _data.rows_of(store.query_ids(Filters(search=search)))


def filters_seen() -> bool:
    """Whether this session has run a page with the filters before."""
    return _SAVED_FILTERS in st.session_state


def draw_filters(view: View | MapView) -> None:
    """Draw the sidebar filters of a view made with ``filtered_view(..., widgets=False)``."""
    with st.sidebar:
        _draw_filter_widgets(view.data, view.data.regions, view.data.ceiling_km)
        st.markdown(f"**{view.count_text}**")


def empty_store_notice(view: View | MapView) -> bool:
    """Say how to fill an empty store; True when it is empty."""
    if view.data.empty:
        st.info(
            "No events are stored yet. Load the seed articles with `make load`, "
            "or add an article on the Add article page."
        )
    return view.data.empty
