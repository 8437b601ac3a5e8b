"""The add-article page: paste or upload an article, check the strikes found, correct, save.

Article text is data, never markup: it is shown with ``st.text`` and in tables only.
"""

from __future__ import annotations

import math
from datetime import date

import streamlit as st

from dashboard.app.access import require_write_access
from dashboard.app.common import core_errors, forget_loaded_data, label
from dashboard.app.drafts import (
    Draft,
    Meta,
    Saved,
    article_from,
    claims_by_side,
    corrected,
    kept_by_default,
    place_text,
    save_draft,
    summary,
)
from dashboard.geo.gazetteer import default_gazetteer
from dashboard.loader import extract_measured
from dashboard.model import TARGET_TYPES, WEAPONS, Event
from dashboard.palette import MISSING
from dashboard.settings import get_settings

_DRAFT = "_article_draft"
_REPORT = "_article_report"
PLACE_RESULTS = 12


def _text_input(key: str) -> str | None:
    return str(st.session_state.get(key) or "").strip() or None


def _find() -> Draft:
    state = st.session_state
    meta = Meta(
        published=state.get("article_date"),
        outlet=_text_input("article_outlet"),
        url=_text_input("article_url"),
        title=_text_input("article_title"),
        allow_any_date=bool(state.get("article_any_date")),
    )
    upload = state.get("article_file")
    article = article_from(
        state.get("article_text") or "",
        (upload.name, upload.getvalue()) if upload is not None else None,
        meta,
    )
    return Draft(article, tuple(extract_measured(article)))


def _review(draft: Draft) -> list[Event]:
    """Each found strike with its sentences and correction widgets; the strikes to keep."""
    kept: list[Event] = []
    for number, event in enumerate(draft.events, start=1):
        prefix = f"fix_{draft.article.id}_{number}_"
        with st.container(border=True):
            st.markdown(f"**Strike {number}**")
            st.text(summary(event))
            for source in event.sources:
                for quote in source.quotes:
                    st.text(f"“{quote}”")
            for who, claim in claims_by_side(event):
                st.text(f"{who} says: “{claim}”")
            columns = st.columns([1, 1, 2, 2, 1, 1])
            # Only a reported hit is kept unless the reader says otherwise: an interception
            # tally or a report that cannot tell is a record to look at, not a strike.
            keep = columns[0].checkbox(
                "Keep",
                value=kept_by_default(event),
                key=f"{prefix}keep",
                help="Ticked for strikes the article says hit something.",
            )
            day = columns[1].date_input("Date", value=event.date, key=f"{prefix}date")
            query = columns[2].text_input(
                "Find a place", value=event.place or "", key=f"{prefix}place_query"
            )
            with core_errors():
                found = default_gazetteer().search(query, PLACE_RESULTS) if query.strip() else []
            choices = {place_text(place): place for place in found}
            as_found = f"as found: {event.place or 'no place'}"
            choice = columns[3].selectbox("Place", [as_found, *choices], key=f"{prefix}place")
            target = columns[4].selectbox(
                "Target type",
                TARGET_TYPES,
                index=TARGET_TYPES.index(event.target_type),
                format_func=label,
                key=f"{prefix}target",
            )
            weapon = columns[5].selectbox(
                "Weapon",
                WEAPONS,
                index=WEAPONS.index(event.weapon),
                format_func=label,
                key=f"{prefix}weapon",
            )
            if keep:
                with core_errors():
                    kept.append(corrected(event, day, choices.get(choice), target, weapon))
    return kept


def _show_saved(saved: Saved) -> None:
    report = saved.report
    if report.already_loaded:
        st.info("This article was stored before: nothing changed.")
        return
    st.success(
        f"Saved: {len(report.added)} new strike{'s' * (len(report.added) != 1)}, "
        f"{len(report.merged)} merged into stored strike{'s' * (len(report.merged) != 1)}."
    )
    if not saved.rows.empty:
        st.dataframe(saved.rows, hide_index=True, key="saved_table", placeholder=MISSING)


st.title("Add an article")
if not require_write_access():
    st.stop()
state = st.session_state
with core_errors():
    limit_mb = get_settings().max_article_mb
if isinstance(state.get(_REPORT), Saved):
    _show_saved(state[_REPORT])

st.text_area(
    "Article text",
    key="article_text",
    height=220,
    placeholder="Paste the article's text here.",
)
st.file_uploader(
    "…or upload it (used instead of the pasted text)",
    type=["txt", "md", "html", "htm"],
    key="article_file",
    # Streamlit counts whole megabytes: the upload stops at the next one up, and reading
    # refuses anything over the exact limit.
    max_upload_size=max(1, math.ceil(limit_mb)),
    help=f"An article may have up to {limit_mb:g} MB.",
)
meta_columns = st.columns(4)
meta_columns[0].text_input("Outlet", key="article_outlet", placeholder="e.g. Reuters")
meta_columns[1].date_input(
    "Published",
    value=None,
    # Streamlit's own range is ten years either side of today; the check on saving is
    # what refuses an unlikely date, and "Allow any publication date" lifts it.
    min_value=date(1900, 1, 1),
    max_value=date(2100, 12, 31),
    key="article_date",
    help="Dates such as 'Wednesday' or 'last month' are counted from it.",
)
meta_columns[2].text_input("URL", key="article_url", placeholder="https://…")
meta_columns[3].text_input("Title", key="article_title")
st.checkbox(
    "Allow any publication date",
    key="article_any_date",
    help="Dates before 2014 or after tomorrow are refused as likely typos unless this is on.",
)

if st.button("Find strikes", key="find_strikes", type="primary", icon=":material/search:"):
    state.pop(_REPORT, None)
    with core_errors():
        state[_DRAFT] = _find()

draft = state.get(_DRAFT)
if isinstance(draft, Draft):
    st.subheader(f"{len(draft.events)} strike{'s' * (len(draft.events) != 1)} found")
    if not draft.events:
        st.info(
            "No strike found: the article needs a sentence that reports an attack on a "
            "named place with a date (or the article's date)."
        )
    keep = _review(draft)
    if st.button(
        f"Save {len(keep)} strike{'s' * (len(keep) != 1)}",
        key="save_article",
        type="primary",
        icon=":material/save:",
        disabled=not keep,
    ):
        with core_errors():
            state[_REPORT] = save_draft(draft, keep)
        del state[_DRAFT]
        forget_loaded_data()
        st.rerun()
