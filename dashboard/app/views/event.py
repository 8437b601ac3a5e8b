"""The Event page: one stored event with its sources and history; correct it, split a wrong
merge, delete it, or undo its last change.

Opened by id, ``?event=ID``: the map's popups and the table's rows link here. Every change
goes through the store, which records it in the history with the analyst named in the
sidebar. Article text is data, never markup: it is shown with ``st.text`` and in tables.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from dashboard.app.access import can_write, require_write_access
from dashboard.app.common import core_errors, forget_loaded_data, label
from dashboard.app.drafts import summary
from dashboard.app.links import EVENT_PARAM
from dashboard.corrections import EventEdit, edit_event, field_rows
from dashboard.model import DATE_PRECISIONS, OUTCOMES, TARGET_TYPES, WEAPONS, Event
from dashboard.store import EventStore, HistoryEntry, default_analyst, open_store
from dashboard.store.history import last_change

ID_KEY = "event_id"
ANALYST_KEY = "analyst"
_NOTICE = "_event_notice"
#: The correction form's widgets: forgotten after each change, so they show the new values.
EDIT_KEYS = (
    "edit_date",
    "edit_precision",
    "edit_place",
    "edit_lat",
    "edit_lon",
    "edit_target_type",
    "edit_weapon",
    "edit_outcome",
    "edit_any_date",
)


def _change(do: Callable[[EventStore], str]) -> None:
    """Run one change through the store, as the analyst of the sidebar, then show the
    page anew with what it did."""
    if not can_write():
        st.error("This session may not change the store: it needs a sign-in.")
        return
    with core_errors(), open_store(create=False, analyst=_analyst()) as store:
        done = do(store)
    forget_loaded_data()
    for key in EDIT_KEYS:
        st.session_state.pop(key, None)
    st.session_state[_NOTICE] = done
    st.rerun()


def _analyst() -> str:
    return str(st.session_state.get(ANALYST_KEY) or "")


def _when(entry: HistoryEntry) -> str:
    return f"{entry.at:%Y-%m-%d %H:%M} UTC"


def _history(entries: list[HistoryEntry]) -> None:
    st.subheader("History")
    if not entries:
        st.caption("No change recorded: stored before history was kept, and not changed since.")
        return
    st.dataframe(
        pd.DataFrame(
            {
                "#": [entry.seq for entry in entries],
                "when": [_when(entry) for entry in entries],
                "analyst": [entry.analyst for entry in entries],
                "action": [
                    entry.action + (" (undone)" if entry.undone else "") for entry in entries
                ],
                "what changed": [entry.what() or "—" for entry in entries],
            }
        ),
        hide_index=True,
        key="event_history",
        width="stretch",
    )


def _undo_button(event_id: str, entries: list[HistoryEntry]) -> None:
    last = last_change(entries)
    undoable = last is not None and last.action != "created" and last.split_from is None
    if st.button(
        "Undo the last change",
        key="event_undo",
        icon=":material/undo:",
        disabled=not undoable or not can_write(),
        help=f"Undoes {last.action} #{last.seq}: {last.what() or last.action}"
        if last is not None and undoable
        else "Nothing here to undo.",
    ):

        def undo(store: EventStore) -> str:
            undone = store.undo_last(event_id)
            return f"Undone: {undone.action} #{undone.seq}."

        _change(undo)


def _sources(event: Event) -> None:
    st.subheader(f"Sources ({len(event.sources)})")
    for source in event.sources:
        with st.container(border=True):
            published = source.published.isoformat() if source.published else "no date"
            st.text(
                f"{source.outlet or 'Unknown outlet'}, {published} · article {source.article_id}"
            )
            for extra in (source.title, source.url):
                if extra:
                    st.text(extra)
            for quote in source.quotes:
                st.text(f"“{quote}”")


def _edit_form(event: Event) -> None:
    with st.form("event_edit", border=True):
        st.markdown("**Correct the event**")
        when = st.columns([1, 1, 2])
        day = when[0].date_input(
            "Date",
            value=event.date,
            min_value=date(1900, 1, 1),
            max_value=date(2100, 12, 31),
            key="edit_date",
        )
        precision = when[1].selectbox(
            "Known to the",
            DATE_PRECISIONS,
            index=DATE_PRECISIONS.index(event.date_precision),
            key="edit_precision",
        )
        any_date = when[2].checkbox(
            "Allow any date",
            key="edit_any_date",
            help="Dates before 2014 or after tomorrow are refused as likely typos without it.",
        )
        where = st.columns([2, 1, 1])
        place = where[0].text_input(
            "Place",
            value=event.place or "",
            key="edit_place",
            help="A new name alone is looked up in the gazetteer; with a new latitude and "
            "longitude it names that point.",
        )
        lat = where[1].number_input(
            "Latitude", value=event.lat, format="%.4f", min_value=-90.0, max_value=90.0,
            key="edit_lat",
        )  # fmt: skip
        lon = where[2].number_input(
            "Longitude", value=event.lon, format="%.4f", min_value=-180.0, max_value=180.0,
            key="edit_lon",
        )  # fmt: skip
        kinds: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
            ("Target type", TARGET_TYPES, event.target_type, "edit_target_type"),
            ("Weapon", WEAPONS, event.weapon, "edit_weapon"),
            ("Outcome", OUTCOMES, event.outcome, "edit_outcome"),
        )
        target_type, weapon, outcome = (
            column.selectbox(name, values, index=values.index(now), format_func=label, key=key)
            for column, (name, values, now, key) in zip(st.columns(3), kinds, strict=True)
        )
        if not st.form_submit_button(
            "Save changes", key="edit_save", type="primary", icon=":material/save:"
        ):
            return
    moved = (lat, lon) != (event.lat, event.lon)
    edit = EventEdit(
        date=day if day != event.date else None,
        date_precision=precision if precision != event.date_precision else None,
        place=place if place.strip() != (event.place or "") or moved else None,
        lat=lat if moved else None,
        lon=lon if moved else None,
        target_type=target_type,
        weapon=weapon,
        outcome=outcome,
        allow_any_date=any_date,
    )

    def save(store: EventStore) -> str:
        old, new = edit_event(store, event.id, edit)
        if old == new:
            return "Nothing to change."
        return f"Saved: {store.history(event.id)[-1].what()}."

    _change(save)


def _actions(event: Event, entries: list[HistoryEntry]) -> None:
    allowed = can_write()
    articles = {source.article_id for source in event.sources}
    buttons = st.container(horizontal=True, vertical_alignment="center")
    if buttons.button(
        "Split into one event per article",
        key="event_split",
        icon=":material/call_split:",
        disabled=len(articles) < 2 or not allowed,
        help="Undo a wrong merge: each article's report becomes an event of its own.",
    ):

        def split(store: EventStore) -> str:
            parts = store.split(event.id)
            return f"Split into {len(parts)} events: {', '.join(p.id for p in parts)}."

        _change(split)
    with buttons:
        _undo_button(event.id, entries)
    confirmed = buttons.checkbox("Yes, delete it", key="event_delete_confirm", disabled=not allowed)
    if buttons.button(
        "Delete",
        key="event_delete",
        icon=":material/delete:",
        disabled=not confirmed or not allowed,
        help="Removes the event from the map and the exports; undo brings it back.",
    ):

        def delete(store: EventStore) -> str:
            store.delete(event.id)
            return f"Event {event.id} deleted."

        _change(delete)


st.title("Event")
state = st.session_state
if ANALYST_KEY not in state:
    state[ANALYST_KEY] = default_analyst()
st.sidebar.text_input(
    "Analyst", key=ANALYST_KEY, help="The name your changes are recorded under in the history."
)
if ID_KEY not in state:
    state[ID_KEY] = st.query_params.get(EVENT_PARAM, "")
event_id = st.text_input(
    "Event id", key=ID_KEY, placeholder="e.g. af35f644dd7e (the map's popups link here)"
).strip()
if event_id != st.query_params.get(EVENT_PARAM, ""):
    st.query_params[EVENT_PARAM] = event_id
notice = state.pop(_NOTICE, None)
if notice:
    st.success(notice)
if not event_id:
    st.info("Give an event's id, or open one from its popup on the map or its row in the table.")
    st.stop()

with core_errors(), open_store(create=False) as store:
    shown = store.get(event_id)
    entries = store.history(event_id)
    missing = store.not_found(event_id) if shown is None else None

if shown is None:
    if not entries:
        st.warning(str(missing))
        st.stop()
    gone = entries[-1]
    st.warning(
        f"This event is no longer stored: {gone.action} {_when(gone)} by {gone.analyst}"
        + (f" ({gone.what()})." if gone.what() else ".")
    )
    _undo_button(event_id, entries)
    _history(entries)
    st.stop()

st.text(summary(shown))
st.dataframe(
    pd.DataFrame(field_rows(shown), columns=["field", "value"]),
    hide_index=True,
    key="event_fields",
    width="stretch",
)
# Served beyond this machine, corrections need a sign-in; the page says so and offers it.
if require_write_access():
    _edit_form(shown)
    _actions(shown, entries)
_sources(shown)
_history(entries)
