"""The charts page: strikes over time by target type, and how deep behind the front they hit.

Both charts use the map's colours (:mod:`dashboard.palette`). Time is drawn as it is known:
a bar spans its week or month, so an empty period is a gap; an event known only to its
month or year is drawn across that month or year, never on its first day; the trend lines
stop where no strike falls within their window.

The counts are made from the events' columns; only the places of the dots shown are read
from the store.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from dashboard.app.common import View, core_errors, empty_store_notice, filtered_view
from dashboard.filters import coarse_counts, depth_trend, period_counts
from dashboard.palette import MISSING, target_colours, target_label
from dashboard.settings import get_settings
from dashboard.store import open_store

#: More points than this make the browser slow; the scatter then shows an even sample.
MAX_SCATTER_POINTS = 5_000
PRECISION_TEXT = {"month": "known only to the month", "year": "known only to the year"}


def _colour(title: str = "Target type") -> alt.Color:
    labels, colours = target_colours()
    return alt.Color("target:N", title=title, scale=alt.Scale(domain=labels, range=colours))


def _stacked(counts: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Bottom and top of each bar, stacked by hand within each period: bars that span
    their period are ranges in Vega-Lite, which does not stack ranges itself."""
    counts = counts.sort_values([*keys, "target_type"], kind="stable")
    top = counts.groupby(keys)["events"].cumsum()
    return counts.assign(
        target=counts["target_type"].map(target_label), top=top, bottom=top - counts["events"]
    )


def _by_target_type(filtered: pd.DataFrame) -> None:
    st.subheader("Strikes over time by target type")
    per = st.segmented_control(
        "Per", ["Week", "Month"], default="Month", key="chart_period", required=True
    )
    freq = "W" if per == "Week" else "M"
    step = pd.DateOffset(weeks=1) if per == "Week" else pd.DateOffset(months=1)
    counts = period_counts(filtered, freq)
    counts = _stacked(counts.assign(period_end=counts["period"] + step), ["period"])
    bars = _period_bars(
        counts,
        per,
        [alt.Tooltip("period:T", title=f"{per} of")],
    )
    spans = coarse_counts(filtered, freq)
    chart: alt.Chart | alt.VConcatChart = bars.properties(height=320)
    if not spans.empty:
        # In a band of their own, each across its whole month or year.
        spans = _stacked(spans, ["period", "precision"]).assign(
            known=lambda f: f["precision"].map(PRECISION_TEXT)
        )
        coarser = "month or year" if per == "Week" else "year"
        band = (
            _period_bars(
                spans,
                None,
                [alt.Tooltip("period:T", title="From"), alt.Tooltip("known:N", title="Date")],
                title=f"Dated only to a {coarser}",
            )
            .mark_bar(opacity=0.5, stroke="white", strokeWidth=0.5)
            .properties(height=90)
        )
        chart = alt.vconcat(bars.properties(height=260), band).resolve_scale(x="shared")
    st.altair_chart(chart, key="chart_by_type", width="stretch")


def _period_bars(
    counts: pd.DataFrame, x_title: str | None, when: list[alt.Tooltip], title: str = ""
) -> alt.Chart:
    """Stacked bars, each across its whole period (``period`` to ``period_end``)."""
    return (
        alt.Chart(counts, title=title)
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("period:T", title=x_title),
            x2="period_end:T",
            y=alt.Y("top:Q", title="Strikes", axis=alt.Axis(tickMinStep=1)),
            y2="bottom:Q",
            color=_colour(),
            tooltip=[
                *when,
                alt.Tooltip("target:N", title="Target type"),
                alt.Tooltip("events:Q", title="Strikes"),
            ],
        )
    )


def _depth(view: View, filtered: pd.DataFrame) -> None:
    st.subheader("How far behind the front line")
    window = st.slider("Rolling window (days)", 30, 365, 90, step=15, key="depth_window")
    measured = filtered.dropna(subset=["distance_to_front_km"])
    coarse = measured[measured["date_precision"] != "day"]
    st.caption(
        f"{len(measured):,} of the {len(filtered):,} filtered events are located and "
        "measured. The lines are the median and the furthest strike of the last "
        f"{window} days: a rising line is the zone of strikes widening; they stop where "
        f"no strike falls within {window} days. "
        + (
            f"{len(coarse):,} strikes known only to a month or year are lines across it."
            if len(coarse)
            else ""
        )
    )
    if measured.empty:
        return
    if len(measured) > MAX_SCATTER_POINTS:
        points = measured.sample(MAX_SCATTER_POINTS, random_state=0)
        st.caption(f"The dots are an even sample of {MAX_SCATTER_POINTS:,} strikes.")
    else:
        points = measured
    year = points["date_precision"] == "year"
    period_end = (points["date"] + pd.DateOffset(months=1)).where(
        ~year, points["date"] + pd.DateOffset(years=1)
    )
    marks = pd.DataFrame(
        {
            "date": points["date"],
            "date_end": period_end,
            "km": points["distance_to_front_km"],
            "place": _places(view, points.index.to_numpy()),
            "target": points["target_type"].map(target_label),
            "day": points["date_precision"] == "day",
        }
    )
    tooltip = ["date:T", "place:N", "target:N", alt.Tooltip("km:Q", format=".0f")]
    dots = (
        alt.Chart(marks[marks["day"]])
        .mark_circle(size=36, opacity=0.55)
        .encode(
            x=alt.X("date:T", title="Date"),
            y=alt.Y("km:Q", title="Distance from the front line (km)"),
            color=_colour(),
            tooltip=tooltip,
        )
    )
    spans = (
        alt.Chart(marks[~marks["day"]])
        .mark_rule(strokeWidth=3, opacity=0.55)
        .encode(x="date:T", x2="date_end:T", y="km:Q", color=_colour(), tooltip=tooltip)
    )
    trend = depth_trend(measured, window).melt(
        id_vars=["date", "segment"], var_name="measure", value_name="km"
    )
    trend["measure"] = trend["measure"].map({"median_km": "median", "max_km": "furthest"})
    lines = (
        alt.Chart(trend)
        .mark_line(interpolate="step-after")
        .encode(
            x="date:T",
            y="km:Q",
            strokeDash=alt.StrokeDash("measure:N", title=f"{window}-day"),
            # One line per stretch with strikes: none is drawn across a gap.
            detail="segment:N",
            color=alt.value("#1b2631"),
        )
    )
    st.altair_chart(
        alt.layer(dots, spans, lines).properties(height=360),
        key="chart_depth",
        width="stretch",
    )


def _places(view: View, rows: np.ndarray) -> list[str]:
    """The places of these rows' events, read from the store ("—" for none)."""
    order = np.sort(rows)
    with core_errors(), open_store(get_settings().store_location, create=False) as store:
        places = {e.id: e.place for e in store.fetch(view.data.ids_of(order))}
    found = (places.get(event_id) for event_id in view.data.ids_of(rows))
    return [MISSING if place is None else place for place in found]


view = filtered_view("charts")
st.title("Charts")
st.markdown(f"**{view.count_text}**")
if not empty_store_notice(view):
    filtered = view.data.chart_frame(view.rows)
    _by_target_type(filtered)
    _depth(view, filtered)
