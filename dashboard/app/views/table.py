"""The table page: exactly the filtered events, a page of rows at a time, sortable, and their
exports: CSV, GeoJSON and ACLED's columns.

The events are filtered on their columns; only the page's rows are read from the store, and
an export reads the filtered events from the store a batch at a time, so a million events
are never held at once.

A selected row's "Show on map" opens the map centred on that event with its popup open.
"""

from __future__ import annotations

import gzip
import io
import math
import tempfile
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from functools import partial
from typing import NamedTuple, TextIO

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard import exports
from dashboard.app.common import (
    MAP_FOCUS,
    PAGE_ROWS,
    View,
    core_errors,
    empty_store_notice,
    filtered_view,
    label,
)
from dashboard.app.links import event_link
from dashboard.exports import events_frame, write_acled_csv, write_csv, write_geojson
from dashboard.filters import describe_for_filename
from dashboard.mapping import SIDE_LABELS
from dashboard.model import Event
from dashboard.palette import MISSING, outcome_label
from dashboard.settings import get_settings
from dashboard.store import open_store

#: The page number's widget key.
PAGE_KEY = "table_page"


def _web_link(urls: object) -> str | None:
    # Only web addresses become links: a "javascript:" URL in an article's metadata must
    # not turn into something a click runs.
    for url in str(urls or "").split(" | "):
        if url.startswith(("https://", "http://")):
            return url
    return None


def table_frame(filtered: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader needs, one row per event shown (a frame of a page of them)."""
    return pd.DataFrame(
        {
            "date": filtered["date"].dt.date,
            "precision": filtered["date_precision"],
            "place": filtered["place"],
            "region": filtered["admin1"],
            "country": filtered["country"],
            "target type": filtered["target_type"].map(label),
            "target": filtered["target"],
            "weapon": filtered["weapon"].map(label),
            "outcome": filtered["outcome"].map(outcome_label),
            "front km": filtered["distance_to_front_km"],
            "border km": filtered["distance_to_border_km"],
            "held km": filtered["distance_to_held_km"],
            "side": filtered["side"].map(SIDE_LABELS),
            # Each claim with its range and the measurement; empty when the sources make none.
            "claims": filtered["distance_claims"].mask(filtered["distance_claims"] == ""),
            "claims off": filtered["claims_off"],
            "sources": filtered["source_count"],
            "outlets": filtered["outlets"],
            "link": filtered["urls"].map(_web_link),
            "quote": filtered["quote"],
            "id": filtered["id"],
            "edit": filtered["id"].map(event_link),
        }
    )


#: Writes an export of the events to a text file.
Writer = Callable[[Iterable[Event], TextIO], None]


def _file_of(ids: list[str], write: Writer, *, compress: bool = False) -> bytes:
    """The export of these events, read from the store a batch at a time into a file on
    disk (gzip-compressed if ``compress``): the only copy held whole is the file's bytes,
    which Streamlit keeps to serve."""
    with (
        open_store(get_settings().store_location, create=False) as store,
        tempfile.TemporaryFile() as raw,
    ):
        with gzip.GzipFile(fileobj=raw, mode="wb") if compress else nullcontext(raw) as binary:
            text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
            write(store.fetch(ids), text)
            text.detach()  # flushes, and leaves the file to the with-block to close
        raw.seek(0)
        return raw.read()


def _compact_geojson(events: Iterable[Event], out: TextIO) -> None:
    write_geojson(events, out, indent=None)


class Download(NamedTuple):
    """A download button: its label, how its file is made, the file's extension and type,
    its key and what its help says."""

    label: str
    write: Writer
    extension: str
    mime: str
    key: str
    explained: str | None = None


DOWNLOADS = (
    Download(
        "Download CSV",
        write_csv,
        "csv",
        "text/csv",
        "download_csv",
        "Opens safely in a spreadsheet: no cell is read as a formula.",
    ),
    Download(
        "Download GeoJSON", _compact_geojson, "geojson", "application/geo+json", "download_geojson"
    ),
    Download(
        "Download ACLED columns",
        write_acled_csv,
        "acled.csv",
        "text/csv",
        "download_acled",
        "ACLED's columns, then strikemap's own, to send the events on into an ACLED-shaped "
        "workflow; as safe in a spreadsheet as the CSV.",
    ),
)


_COMPRESSED = (
    f"Over {exports.COMPRESS_DOWNLOADS_OVER:,} events the file comes gzip-compressed "
    "(pandas, QGIS and 7-Zip read it as it is); `python -m dashboard export` writes it plain."
)


def _exports(view: View) -> DeltaGenerator:
    """The download buttons, in a row the page adds "Show on map" to."""
    ids = view.ids()
    compress = len(ids) > exports.COMPRESS_DOWNLOADS_OVER
    buttons = st.container(horizontal=True)
    for download in DOWNLOADS:
        name = describe_for_filename(view.filters, download.extension)
        # The files are made on click, not on every rerun: at 100,000 events that takes
        # seconds.
        buttons.download_button(
            f"{download.label} (gzip)" if compress else download.label,
            data=partial(_file_of, ids, download.write, compress=compress),
            file_name=f"{name}.gz" if compress else name,
            mime="application/gzip" if compress else download.mime,
            key=download.key,
            icon=":material/download:",
            on_click="ignore",
            help=" ".join(filter(None, (download.explained, _COMPRESSED if compress else None))),
        )
    return buttons


def _page_rows(view: View) -> tuple[int, int]:
    """The number picker of the page of rows shown, when there is more than one; the first
    and last row shown (from 0, the last excluded)."""
    pages = max(1, math.ceil(len(view.rows) / PAGE_ROWS))
    chosen = min(max(int(st.session_state.get(PAGE_KEY, 1)), 1), pages)
    if pages > 1:
        # Put in range before drawing: fewer pages are left when the filters narrow.
        if st.session_state.get(PAGE_KEY) != chosen:
            st.session_state[PAGE_KEY] = chosen
        st.number_input("Page", min_value=1, max_value=pages, key=PAGE_KEY, width=160)
    start = (chosen - 1) * PAGE_ROWS
    end = min(start + PAGE_ROWS, len(view.rows))
    if pages > 1:
        st.caption(f"Rows {start + 1:,} to {end:,} of {len(view.rows):,}, by date.")
    return start, end


def _shown(view: View, start: int, end: int) -> list[Event]:
    """The events of the rows shown, read from the store."""
    ids = view.data.ids_of(view.rows[start:end])
    with core_errors(), open_store(get_settings().store_location, create=False) as store:
        return list(store.fetch(ids))


def _show_on_map(shown: pd.DataFrame, selection: object, row: DeltaGenerator) -> None:
    """The button that takes the selected row's event to the map."""
    rows = list(getattr(getattr(selection, "selection", None), "rows", None) or [])
    chosen = shown.iloc[rows[0]] if rows and rows[0] < len(shown) else None
    located = chosen is not None and pd.notna(chosen["lat"])
    if row.button(
        "Show on map",
        key="show_on_map",
        icon=":material/location_on:",
        disabled=not located,
        help="Select a row with a place (the box at its left), then open the map on it."
        if not located
        else None,
    ):
        assert chosen is not None
        st.session_state[MAP_FOCUS] = str(chosen["id"])
        st.switch_page("views/map.py")


view = filtered_view("table")
st.title("Table & export")
st.markdown(f"**{view.count_text}**")


if not empty_store_notice(view):
    buttons = _exports(view)
    shown = events_frame(_shown(view, *_page_rows(view)))
    selection = st.dataframe(
        table_frame(shown),
        key="events_table",
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        # A value no source gave, as a dash rather than "None".
        placeholder=MISSING,
        column_config={
            "date": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
            "front km": st.column_config.NumberColumn(
                "front km", format="%.0f", help="Geodesic distance from the front line"
            ),
            "border km": st.column_config.NumberColumn(
                "border km", format="%.0f", help="Geodesic distance from Ukraine's border"
            ),
            "held km": st.column_config.NumberColumn(
                "held km",
                format="%.0f",
                help="Geodesic distance from Ukrainian-held territory on the event's date",
            ),
            "outcome": st.column_config.TextColumn(
                "outcome",
                help="Intercepted: drones or missiles reported shot down, not a strike",
            ),
            "claims": st.column_config.TextColumn(
                "claims", help="What the sources say of the distance, against the measurement"
            ),
            "claims off": st.column_config.CheckboxColumn(
                "claims off", help="A claim is more than 25 % off the measured distance"
            ),
            "link": st.column_config.LinkColumn(
                "link", display_text=r"https?://(?:www\.)?([^/]+)", help="First source"
            ),
            "edit": st.column_config.LinkColumn(
                "edit", display_text="Edit", help="Correct, split or delete the event"
            ),
        },
    )
    _show_on_map(shown, selection, buttons)
