"""The map page: the filtered strikes on the map, strikes without a place beside it, and
the timeline with its weekly chart and play controls.

The map takes the height of the window (``static/strikemap/page.css``). Playing shows a
window of fixed length that slides on by a step each second; a table row's "show on
map" arrives as :data:`~dashboard.app.common.MAP_FOCUS`, which the map centres on and
opens once.

Speed. The map goes to the browser first: a session's first run draws the title and the
map alone, and a timer then asks for a full run that draws the sidebar filters, the list
and the timeline (their rendering would otherwise hold up the map's by a second). The
located events go to the browser once, as a file written once per store version
(:func:`dashboard.mapping.publish_points`); each run sends the map only which of them the
filters other than dates keep, and the dates shown, so a filter change never sends the
points again. That layer is cached by the store's version, the kept rows and the dates,
so a filter set any session has seen costs nothing.

Memory. The page holds the stored events only as the columns it filters and draws
(:class:`dashboard.mapdata.MapData`), never the events or a frame of all their fields; the
popups' details are written to files in the same pass over the store, and fetched by the
browser when a popup opens.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import date

import altair as alt
import folium
import numpy as np
import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit_folium import st_folium

from dashboard.app.common import (
    DATE_KEY,
    MAP_FOCUS,
    PENDING_DATES,
    PLAYING,
    MapView,
    core_errors,
    draw_filters,
    empty_store_notice,
    filters_seen,
    forget_loaded_data,
    label,
    map_view,
    set_date_range,
    when_text,
)
from dashboard.app.links import EVENT_LINK
from dashboard.assets import STATIC_DIR, local_path
from dashboard.filters import play_window, slide_window
from dashboard.geo.frontline import Frontline, frontline_for
from dashboard.mapdata import MapData
from dashboard.mapping import (
    PublishedPoints,
    build_base_map,
    details_in_use,
    events_layer,
    lines_layer,
    points_mask,
    publish_basemap,
    publish_points,
)
from dashboard.model import TARGET_TYPES
from dashboard.palette import MISSING, outcome_colours, outcome_label
from dashboard.settings import get_settings
from dashboard.store import open_store

BANDS_KM = (100, 300, 500, 1000)
ONLINE_TILES = "OpenStreetMap"
#: The map's height where the page's stylesheet does not set it from the window's.
MAP_HEIGHT = 620
PAGE_CSS = STATIC_DIR / "strikemap" / "page.css"
#: At most this many events without a place are listed beside the map.
UNLOCATED_LISTED = 1000
PLAY_INTERVAL_S = 1.0
#: How far the window moves each second of playing, and how many days it shows.
PLAY_SPEEDS: dict[str, int] = {"a day": 1, "a week": 7, "a month": 30}
PLAY_WINDOWS: dict[str, int] = {"7 days": 7, "30 days": 30, "90 days": 90, "1 year": 365}
SPEED_KEY = "play_speed"
WINDOW_KEY = "play_window"
_TICK_ARMED = "_play_tick_armed"
#: Seconds from drawing the map alone to drawing the rest of the page: about what the
#: browser takes to draw the map, whose work would otherwise share the browser with it.
REVEAL_AFTER_S = 2.0
_REVEAL_ARMED = "_reveal_armed"


@st.cache_resource(max_entries=8, show_spinner="Drawing the base map…")
def _base_map(bands: bool, tiles: str | None, basemap_url: str | None) -> folium.Map:
    # The same map whatever the dates and filters: the browser keeps it and its view, and
    # the front lines and events are swapped on it.
    return build_base_map(front_line=True, bands=bands, tiles=tiles, basemap_url=basemap_url)


@st.cache_resource(max_entries=16, show_spinner="Drawing the front line…")
def _lines_layer(
    frontline_id: str,
    compare_id: str | None,
    bands_km: tuple[int, ...],
    _frontline: Frontline,
    _compare: Frontline | None,
) -> folium.FeatureGroup:
    # Keyed by the snapshot ids: the lines are drawn anew only when they change.
    return lines_layer(_frontline, compare=_compare, bands_km=bands_km)


@st.cache_resource(show_spinner=False)
def _shared_lock(name: str) -> threading.Lock:
    return threading.Lock()


@st.cache_resource(max_entries=2, show_spinner=False)
def _published_points(version: str, _data: MapData) -> PublishedPoints:
    # Once per store version; the data is not hashed, the version stands for it.
    with _shared_lock("points"):
        return publish_points(_data.points(), version)


def _points(data: MapData) -> PublishedPoints:
    points = _published_points(data.version, data)
    if not local_path(points.url).is_file():
        # Removed from the cache folder (unused for an hour while other versions were
        # written): write it again.
        _published_points.clear()
        points = _published_points(data.version, data)
    return points


@st.cache_resource(max_entries=16, show_spinner=False)
def _events_layer(
    points_url: str,
    rows: str,
    details: str,
    window: tuple[date, date] | None,
    play: tuple[int, date] | None,
    focus: int | None,
    _points: PublishedPoints,
    _kept: np.ndarray,
) -> folium.FeatureGroup:
    # Keyed by the points file (the store's version), the rows the filters other than
    # dates keep and the dates: a filter any session has used before costs nothing. The
    # points and rows are not hashed; the key stands for them.
    return events_layer(
        _points,
        details,
        mask=points_mask(_points, _kept),
        window=window,
        edit_url=EVENT_LINK,
        play=play,
        focus=focus,
    )


def _rows_key(kept: np.ndarray) -> str:
    return hashlib.blake2b(np.packbits(kept).tobytes(), digest_size=16).hexdigest()


def _window(view: MapView) -> tuple[date, date] | None:
    start, end = view.filters.start, view.filters.end
    if start is None and end is None:
        return None
    return (start or view.data.first, end or view.data.last)


def _draw_map(
    view: MapView,
    *,
    bands: bool,
    online: bool,
    compare: bool,
    focus: int | None,
) -> None:
    with core_errors():
        frontline = frontline_for(view.filters.end or view.data.last)
        earlier = frontline_for(view.filters.start or view.data.first) if compare else None
    if earlier is not None and earlier.id == frontline.id:
        earlier = None
    with _shared_lock("basemap"), core_errors():
        # The browser fetches the basemap once, instead of finding it in the map's script,
        # which goes to it again on every rerun; if it cannot be written, the script has it.
        try:
            basemap_url: str | None = publish_basemap()
        except OSError:
            basemap_url = None
    base = _base_map(bands, ONLINE_TILES if online else None, basemap_url)
    lines = _lines_layer(
        frontline.id,
        earlier.id if earlier is not None else None,
        BANDS_KM if bands else (),
        frontline,
        earlier,
    )
    data = view.data
    with core_errors():
        try:
            points = _points(data)
        except OSError as error:
            st.error(f"The map cannot show the events: {error}")
            return
    layer = _events_layer(
        points.url,
        _rows_key(view.undated),
        data.details_url,
        _window(view),
        # While playing, the map steps on between the page's steps of a second.
        (_play_step(), data.last) if st.session_state.get(PLAYING) else None,
        focus,
        points,
        view.undated,
    )
    # st_folium adds the layers to the map it draws and renames them all; the cached maps
    # and layers are shared by every session, so draw one at a time and take the layers off
    # again, leaving the base as built.
    with _shared_lock("draw"):
        try:
            st_folium(
                base,
                feature_group_to_add=[lines, layer],
                returned_objects=[],
                key="map",
                height=MAP_HEIGHT,
                use_container_width=True,
            )
        finally:
            for group in (lines, layer):
                base._children.pop(group.get_name(), None)
    st.caption(
        f"Front line: {frontline.name}, valid from {frontline.valid_from:%d %B %Y}."
        + (f" Dashed: {earlier.name}." if earlier is not None else "")
    )


def _details_kept(data: MapData) -> None:
    """Mark the popups' details as in use; read the store again if they are gone (removed
    from the cache folder, unused for an hour while other versions were written)."""
    if not details_in_use(data.version):
        forget_loaded_data()


def _unlocated_list(view: MapView) -> None:
    data = view.data
    unlocated = ~data.located & view.kept
    total = int(unlocated.sum())
    st.subheader("Not on the map")
    listed = ""
    rows = data.latest(unlocated, UNLOCATED_LISTED)
    if total > UNLOCATED_LISTED:
        # The latest ones, in the store's order: tens of thousands of rows in a column
        # beside the map would cost every filter change a second and help nobody.
        listed = f" (the latest {UNLOCATED_LISTED:,} listed; the table page has them all)"
    st.caption(f"Events naming no place that could be located: {total:,}{listed}.")
    if not len(rows):
        return
    table = pd.DataFrame(
        {
            "Date": pd.to_datetime(data.day[rows], unit="D").date,
            "Place": [data.unlocated[row][0] for row in rows],
            "Target": [label(TARGET_TYPES[code]) for code in data.target_type[rows]],
            "Quote": [data.unlocated[row][1] for row in rows],
        }
    )
    st.dataframe(table, hide_index=True, key="unlocated_table", placeholder=MISSING)


def _current_range(first: date, last: date) -> tuple[date, date]:
    chosen = tuple(st.session_state.get(DATE_KEY, ()))
    start = chosen[0] if chosen else first
    end = chosen[1] if len(chosen) > 1 else last
    return start, end


def _play_step() -> int:
    return PLAY_SPEEDS.get(str(st.session_state.get(SPEED_KEY)), PLAY_SPEEDS["a week"])


def _play_days() -> int:
    return PLAY_WINDOWS.get(str(st.session_state.get(WINDOW_KEY)), PLAY_WINDOWS["30 days"])


def _toggle_play(first: date, last: date) -> None:
    state = st.session_state
    if state.get(PLAYING):
        state[PLAYING] = False
        return
    start, end = _current_range(first, last)
    days = _play_days()
    if end >= last or (end - start).days + 1 != days:
        # A window of the chosen length from the start of the dates shown, or from the
        # first strike when no whole window fits after it.
        fits = (last - start).days + 1 > days
        start, end = play_window(start if fits else first, days, first, last)
    set_date_range(start, end)
    state[PLAYING] = True


def _step(first: date, last: date, forward: bool) -> None:
    st.session_state[PLAYING] = False
    start, end = _current_range(first, last)
    step = _play_step()
    set_date_range(*slide_window(start, end, step if forward else -step, first, last))


@st.fragment(run_every=PLAY_INTERVAL_S)
def _play_ticker(first: date, last: date) -> None:
    state = st.session_state
    # A full run disarms the ticker; only its own timed reruns move the window.
    if state.get(_TICK_ARMED):
        start, end = _current_range(first, last)
        if end >= last:
            state[PLAYING] = False
        else:
            state[PENDING_DATES] = slide_window(start, end, _play_step(), first, last)
        st.rerun(scope="app")
    state[_TICK_ARMED] = True


def _reveal_tick() -> None:
    # Armed by the first run; its first timed run asks for a full run, which draws the
    # whole page and no longer calls this, so it stops.
    if st.session_state.get(_REVEAL_ARMED):
        st.rerun(scope="app")
    st.session_state[_REVEAL_ARMED] = True


def _reveal_later() -> None:
    """Draw the rest of the page in a moment, by a timed full run."""
    st.sidebar.caption("The filters appear in a moment, after the map.")
    st.session_state[_REVEAL_ARMED] = False
    st.fragment(run_every=REVEAL_AFTER_S)(_reveal_tick)()


def _timeline(view: MapView) -> None:
    first, last = view.data.first, view.data.last
    start, end = _current_range(first, last)
    st.subheader("Timeline")
    weeks = view.data.weekly_outcome_counts(view.undated)
    if not weeks.empty:
        shown = (weeks["week"] + pd.Timedelta(days=6) >= pd.Timestamp(start)) & (
            weeks["week"] <= pd.Timestamp(end)
        )
        # Stacked by hand: bars that span their week are ranges, which Vega-Lite does not
        # stack itself.
        top = weeks.groupby("week")["events"].cumsum()
        weeks = weeks.assign(
            shown=shown,
            result=weeks["outcome"].map(outcome_label),
            week_end=weeks["week"] + pd.Timedelta(days=7),
            top=top,
            bottom=top - weeks["events"],
        )
        labels, colours = outcome_colours()
        chart = (
            alt.Chart(weeks)
            .mark_bar(stroke="white", strokeWidth=0.5)
            .encode(
                x=alt.X("week:T", title="Week"),
                x2="week_end:T",
                y=alt.Y("top:Q", title="Events per week", axis=alt.Axis(tickMinStep=1)),
                y2="bottom:Q",
                color=alt.Color(
                    "result:N",
                    scale=alt.Scale(domain=labels, range=colours),
                    legend=alt.Legend(title=None, orient="top"),
                ),
                # The weeks outside the dates shown, faded.
                opacity=alt.condition("datum.shown", alt.value(1.0), alt.value(0.25)),
                tooltip=[
                    alt.Tooltip("week:T", title="Week of"),
                    alt.Tooltip("result:N", title="Outcome"),
                    alt.Tooltip("events:Q", title="Events"),
                ],
            )
        )
        st.altair_chart(chart, key="weekly_chart", width="stretch", height=200)
    playing = bool(st.session_state.get(PLAYING))
    controls = st.container(horizontal=True, vertical_alignment="bottom")
    controls.button(
        "Pause" if playing else "Play",
        key="play",
        icon=":material/pause:" if playing else ":material/play_arrow:",
        on_click=_toggle_play,
        args=(first, last),
        help="Shows a window of the chosen length that moves on every second, so strikes "
        "appear and go in order.",
    )
    controls.button(
        "Back",
        key="step_back",
        icon=":material/skip_previous:",
        on_click=_step,
        args=(first, last, False),
        help="Moves the dates shown back by one step of the speed.",
    )
    controls.button(
        "On",
        key="step_forward",
        icon=":material/skip_next:",
        on_click=_step,
        args=(first, last, True),
        help="Moves the dates shown on by one step of the speed.",
    )
    controls.selectbox("Window", list(PLAY_WINDOWS), index=1, key=WINDOW_KEY, width=130)
    controls.selectbox("Speed: each second", list(PLAY_SPEEDS), index=1, key=SPEED_KEY, width=170)
    controls.markdown(f"Strikes from **{start:%d %b %Y}** to **{end:%d %b %Y}**")
    if playing:
        st.session_state[_TICK_ARMED] = False
        _play_ticker(first, last)


def _focus(view: MapView, notes: DeltaGenerator) -> int | None:
    """The row of the event a table row asked to show, taken once; said in ``notes``, or
    that it is not on the map."""
    event_id = st.session_state.pop(MAP_FOCUS, None)
    if event_id is None:
        return None
    row = view.data.row_of(event_id)
    if row is None or not view.kept[row] or not view.data.located[row]:
        notes.info(
            "The event chosen in the table is not on the map: it has no place that could "
            "be located, or the filters leave it out."
        )
        return None
    # Its place is not among the map's columns: the store has it.
    with core_errors(), open_store(get_settings().store_location, create=False) as store:
        event = store.get(event_id)
    if event is not None:
        notes.caption(
            f"Showing {event.place}, {when_text(event.date, event.date_precision)}, "
            "chosen in the table: its popup is open on the map."
        )
    return row


# A session's first look at the map draws the map alone, and a moment later a full run
# draws the filters, the list beside the map and the timeline: the browser then does the
# map's work first instead of after theirs.
first_look = not filters_seen()
view = map_view()
st.html(PAGE_CSS)
st.title("Strike map")
st.markdown(f"**{view.count_text}**")
if not empty_store_notice(view):
    options = st.container(horizontal=True, gap="large")
    bands = options.toggle("Distance bands from the front line", key="show_bands")
    compare = options.toggle("Also the front line at the start of the dates", key="compare_front")
    online = options.toggle(
        "Online map tiles",
        key="online_tiles",
        help="Loads map tiles from OpenStreetMap's servers: needs the internet.",
    )
    map_column, side_column = st.columns([3, 1])
    focus = _focus(view, side_column)
    _details_kept(view.data)
    with map_column:
        _draw_map(view, bands=bands, online=online, compare=compare, focus=focus)
    if first_look:
        _reveal_later()
    else:
        draw_filters(view)
        with side_column:
            _unlocated_list(view)
        _timeline(view)
else:
    draw_filters(view)
