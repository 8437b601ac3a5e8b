"""The coverage page: for the filtered events, which strikes only the articles report, which
only ACLED or UCDP codes, and which both, by month and by target type, with a link to each.

The counts are made from the events' columns; the lists read from the store only the events
they show, the first of each kind by date.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.app.common import PAGE_ROWS, View, core_errors, empty_store_notice, filtered_view
from dashboard.app.links import event_link
from dashboard.coverage import COVERAGE_LABELS, COVERAGES, TOTAL, coverage_table
from dashboard.palette import MISSING, target_label
from dashboard.providers import providers_of
from dashboard.settings import get_settings
from dashboard.store import open_store

#: One colour per coverage, apart from the target types' colours.
COVERAGE_COLOURS = {"articles": "#4e79a7", "providers": "#e15759", "both": "#59a14f"}
HEADINGS = {c: label[0].upper() + label[1:] for c, label in COVERAGE_LABELS.items()}


def _labelled(table: pd.DataFrame, rows: str) -> pd.DataFrame:
    labelled = table.rename(
        index={TOTAL: "Total"}, columns={c: HEADINGS[c] for c in COVERAGES} | {TOTAL: "Total"}
    )
    labelled.index.name = rows
    return labelled


def _chart(frame: pd.DataFrame) -> None:
    counts = (
        frame[frame["date_precision"] != "year"]
        .groupby(["period", "coverage"])
        .size()
        .rename("strikes")
        .reset_index()
    )
    counts["month"] = pd.to_datetime(counts["period"] + "-01")
    counts["sources"] = counts["coverage"].map(HEADINGS)
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(month):T", title="Month"),
            y=alt.Y("strikes:Q", title="Strikes", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "sources:N",
                title="Reported by",
                scale=alt.Scale(
                    domain=[HEADINGS[c] for c in COVERAGES],
                    range=[COVERAGE_COLOURS[c] for c in COVERAGES],
                ),
            ),
            tooltip=[
                alt.Tooltip("yearmonth(month):T", title="Month"),
                alt.Tooltip("sources:N", title="Reported by"),
                alt.Tooltip("strikes:Q", title="Strikes"),
            ],
        )
        .properties(height=280)
    )
    st.altair_chart(chart, key="coverage_chart", width="stretch")
    yearly = int((frame["date_precision"] == "year").sum())
    if yearly:
        st.caption(f"{yearly:,} strikes known only to their year are in the tables, not the chart.")


def _event_list(view: View, frame: pd.DataFrame, coverage: str) -> None:
    # Rows are in the store's order, by date then id.
    rows = frame.index[frame["coverage"] == coverage].to_numpy()
    if not len(rows):
        st.caption("None in the filtered events.")
        return
    if len(rows) > PAGE_ROWS:
        st.caption(f"The first {PAGE_ROWS:,} of {len(rows):,}, by date.")
    with core_errors(), open_store(get_settings().store_location, create=False) as store:
        events = list(store.fetch(view.data.ids_of(rows[:PAGE_ROWS])))
    st.dataframe(
        pd.DataFrame(
            {
                "date": [e.date for e in events],
                "precision": [e.date_precision for e in events],
                "place": [e.place for e in events],
                "target type": [target_label(e.target_type) for e in events],
                "providers": [", ".join(providers_of(e)) or None for e in events],
                "event": [event_link(e.id) for e in events],
            }
        ),
        key=f"coverage_events_{coverage}",
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
        column_config={
            "date": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
            "event": st.column_config.LinkColumn(
                "event",
                display_text=r"event=(\w+)",
                help="Open the event: its fields, sources and history",
            ),
        },
    )


def _page(view: View) -> None:
    frame = view.data.coverage_frame(view.rows)
    counts = frame["coverage"].value_counts()
    for column, coverage in zip(st.columns(len(COVERAGES)), COVERAGES, strict=True):
        column.metric(HEADINGS[coverage], f"{int(counts.get(coverage, 0)):,}")
    st.caption(
        "A strike is *both* when an article's report and an ACLED or UCDP row were merged "
        "as one, by the same rules as two articles: sites within a few kilometres, dates "
        "agreeing within their precision, and no contradicting target type or weapon. "
        "Import an export with `python -m dashboard import acled FILE.csv` "
        "(or `import ucdp`)."
    )
    _chart(frame)
    by_month, by_type = st.columns(2)
    with by_month:
        st.subheader("By month")
        st.dataframe(
            _labelled(coverage_table(frame, "period"), "month"),
            key="coverage_by_month",
            width="stretch",
        )
    with by_type:
        st.subheader("By target type")
        table = coverage_table(frame, "target_type")
        table.index = [target_label(t) if t != TOTAL else t for t in table.index]
        st.dataframe(_labelled(table, "target type"), key="coverage_by_type", width="stretch")
    st.subheader("The events")
    for tab, coverage in zip(st.tabs([HEADINGS[c] for c in COVERAGES]), COVERAGES, strict=True):
        with tab:
            _event_list(view, frame, coverage)


view = filtered_view("coverage")
st.title("Coverage: articles and ACLED/UCDP")
st.markdown(f"**{view.count_text}**")
if not empty_store_notice(view):
    _page(view)
