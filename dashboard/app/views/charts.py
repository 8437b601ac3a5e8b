"""The charts page: strikes over time by target type, and how deep behind the front they hit."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.app.common import View, empty_store_notice, filtered_view, label
from dashboard.filters import depth_trend, period_counts

#: More points than this make the browser slow; the scatter then shows an even sample.
MAX_SCATTER_POINTS = 5_000


def _by_target_type(view: View) -> None:
    st.subheader("Strikes over time by target type")
    per = st.segmented_control(
        "Per", ["Week", "Month"], default="Month", key="chart_period", required=True
    )
    counts = period_counts(view.filtered, "W" if per == "Week" else "M")
    step = pd.DateOffset(weeks=1) if per == "Week" else pd.DateOffset(months=1)
    counts = counts.sort_values(["period", "target_type"], kind="stable")
    # Stacked by hand: bars that span their whole week or month (so a gap in time shows as
    # a gap) are ranges in Vega-Lite, which does not stack ranges itself.
    top = counts.groupby("period")["events"].cumsum()
    counts = counts.assign(
        target=counts["target_type"].map(label),
        period_end=counts["period"] + step,
        top=top,
        bottom=top - counts["events"],
    )
    chart = (
        alt.Chart(counts)
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("period:T", title=per),
            x2="period_end:T",
            y=alt.Y("top:Q", title="Strikes", axis=alt.Axis(tickMinStep=1)),
            y2="bottom:Q",
            color=alt.Color("target:N", title="Target type"),
            tooltip=[
                alt.Tooltip("period:T", title=f"{per} of"),
                alt.Tooltip("target:N", title="Target type"),
                alt.Tooltip("events:Q", title="Strikes"),
            ],
        )
        .properties(height=320)
    )
    st.altair_chart(chart, key="chart_by_type", width="stretch")


def _depth(view: View) -> None:
    st.subheader("How far behind the front line")
    window = st.slider("Rolling window (days)", 30, 365, 90, step=15, key="depth_window")
    measured = view.filtered.dropna(subset=["distance_to_front_km"])
    st.caption(
        f"{len(measured):,} of the {len(view.filtered):,} filtered events are located and "
        "measured. The lines are the median and the furthest strike of the last "
        f"{window} days: a rising line is the zone of strikes widening."
    )
    if measured.empty:
        return
    if len(measured) > MAX_SCATTER_POINTS:
        points = measured.sample(MAX_SCATTER_POINTS, random_state=0)
        st.caption(f"The dots are an even sample of {MAX_SCATTER_POINTS:,} strikes.")
    else:
        points = measured
    dots = pd.DataFrame(
        {
            "date": points["date"],
            "km": points["distance_to_front_km"],
            "place": points["place"].fillna(""),
            "target": points["target_type"].map(label),
        }
    )
    trend = depth_trend(measured, window).melt(id_vars="date", var_name="measure", value_name="km")
    trend["measure"] = trend["measure"].map({"median_km": "median", "max_km": "furthest"})
    scatter = (
        alt.Chart(dots)
        .mark_circle(size=36, opacity=0.55)
        .encode(
            x=alt.X("date:T", title="Date"),
            y=alt.Y("km:Q", title="Distance from the front line (km)"),
            color=alt.Color("target:N", title="Target type"),
            tooltip=["date:T", "place:N", "target:N", alt.Tooltip("km:Q", format=".0f")],
        )
    )
    lines = (
        alt.Chart(trend)
        .mark_line(interpolate="step-after")
        .encode(
            x="date:T",
            y="km:Q",
            strokeDash=alt.StrokeDash("measure:N", title=f"{window}-day"),
            color=alt.value("#1b2631"),
        )
    )
    st.altair_chart(
        alt.layer(scatter, lines).resolve_scale(color="independent").properties(height=360),
        key="chart_depth",
        width="stretch",
    )


view = filtered_view("charts")
st.title("Charts")
st.markdown(f"**{view.count_text}**")
if not empty_store_notice(view):
    _by_target_type(view)
    _depth(view)
