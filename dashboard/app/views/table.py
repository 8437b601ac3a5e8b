"""The table page: exactly the filtered events, sortable, and their exports: CSV, GeoJSON and
ACLED's columns.

A selected row's "Show on map" opens the map centred on that event with its popup open.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import NamedTuple

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.app.common import MAP_FOCUS, View, empty_store_notice, filtered_view, label
from dashboard.app.links import event_link
from dashboard.exports import events_to_acled_csv, events_to_csv, events_to_geojson
from dashboard.filters import describe_for_filename
from dashboard.mapping import SIDE_LABELS
from dashboard.model import Event
from dashboard.palette import MISSING, outcome_label


def _web_link(urls: object) -> str | None:
    # Only web addresses become links: a "javascript:" URL in an article's metadata must
    # not turn into something a click runs.
    for url in str(urls or "").split(" | "):
        if url.startswith(("https://", "http://")):
            return url
    return None


def table_frame(filtered: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader needs, one row per filtered event."""
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


def _csv_of(events: list[Event]) -> Callable[[], bytes]:
    return lambda: events_to_csv(events).encode("utf-8")


def _acled_of(events: list[Event]) -> Callable[[], bytes]:
    return lambda: events_to_acled_csv(events).encode("utf-8")


def _geojson_of(events: list[Event]) -> Callable[[], bytes]:
    return lambda: json.dumps(events_to_geojson(events), ensure_ascii=False).encode("utf-8")


class Download(NamedTuple):
    """A download button: its label, how its file is made, the file's extension and type,
    its key and what its help says."""

    label: str
    made: Callable[[list[Event]], Callable[[], bytes]]
    extension: str
    mime: str
    key: str
    explained: str | None = None


DOWNLOADS = (
    Download(
        "Download CSV",
        _csv_of,
        "csv",
        "text/csv",
        "download_csv",
        "Opens safely in a spreadsheet: no cell is read as a formula.",
    ),
    Download(
        "Download GeoJSON", _geojson_of, "geojson", "application/geo+json", "download_geojson"
    ),
    Download(
        "Download ACLED columns",
        _acled_of,
        "acled.csv",
        "text/csv",
        "download_acled",
        "ACLED's columns, then strikemap's own, to send the events on into an ACLED-shaped "
        "workflow; as safe in a spreadsheet as the CSV.",
    ),
)


def _exports(view: View) -> DeltaGenerator:
    """The download buttons, in a row the page adds "Show on map" to."""
    events = view.events()
    buttons = st.container(horizontal=True)
    for download in DOWNLOADS:
        # The files are made on click, not on every rerun: at 100,000 events that takes
        # seconds.
        buttons.download_button(
            download.label,
            data=download.made(events),
            file_name=describe_for_filename(view.filters, download.extension),
            mime=download.mime,
            key=download.key,
            icon=":material/download:",
            on_click="ignore",
            help=download.explained,
        )
    return buttons


def _show_on_map(view: View, selection: object, row: DeltaGenerator) -> None:
    """The button that takes the selected row's event to the map."""
    rows = list(getattr(getattr(selection, "selection", None), "rows", None) or [])
    chosen = view.filtered.iloc[rows[0]] if rows and rows[0] < len(view.filtered) else None
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
    selection = st.dataframe(
        table_frame(view.filtered),
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
    _show_on_map(view, selection, buttons)
