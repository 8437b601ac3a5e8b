"""The Event page as an analyst uses it, through Streamlit's AppTest: open an event by its
link, correct it, split it, delete it, undo; and the links to it from the table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.articles import article_from_text
from dashboard.loader import measure
from dashboard.store import open_store
from tests.conftest import BACKENDS
from tests.factories import event, source, version_1_store

REPO = Path(__file__).resolve().parent.parent
VIEWS = REPO / "dashboard" / "app" / "views"
TIMEOUT = 60

# Measured as the loader measures: a correction measures again only what it changes.
KASPIYSK, TUAPSE = measure(
    [
        event(sources=(source("a1", "Drones hit <b>ships</b> at Kaspiysk."),)),
        event(
            date=date(2024, 5, 17),
            place="Tuapse",
            admin1="Krasnodar Krai",
            lat=44.1,
            lon=39.08,
            target_type="oil",
            target="refinery",
            sources=(source("a2", "The Tuapse refinery burned."),),
        ),
    ]
)


@pytest.fixture(params=BACKENDS)
def store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str | Path:
    """Two events in a SQLite file, or in PostgreSQL named by STRIKEMAP_DATABASE_URL."""
    if request.param == "sqlite":
        location: str | Path = tmp_path / "store.sqlite"
        monkeypatch.setenv("STRIKEMAP_STORE", str(location))
    else:
        location = str(request.getfixturevalue("postgres_url"))
        monkeypatch.setenv("STRIKEMAP_DATABASE_URL", location)
    with open_store(location, analyst="loader") as opened:
        opened.save_events([KASPIYSK, TUAPSE])
    return location


def page(name: str, **query: str) -> AppTest:
    at = AppTest.from_file(VIEWS / f"{name}.py", default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    return at


def ran(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click()
    return ran(at)


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    # A read-only st.dataframe carries no key in AppTest: the page's tables are told apart
    # by their columns.
    (table,) = [frame.value for frame in at.dataframe if column in frame.value.columns]
    return table


def fields(at: AppTest) -> dict[str, str]:
    table = table_with(at, "field")
    return dict(zip(table["field"], table["value"], strict=True))


def history(at: AppTest) -> pd.DataFrame:
    return table_with(at, "what changed")


def table_dates(at: AppTest) -> dict[str, date]:
    table = at.dataframe[0].value
    return dict(zip(table["id"], table["date"], strict=True))


def test_an_event_opens_from_its_link_with_sources_and_history(store: str | Path) -> None:
    at = ran(page("event", event=KASPIYSK.id))
    assert at.text_input(key="event_id").value == KASPIYSK.id
    shown = fields(at)
    assert (shown["date"], shown["place"], shown["region"]) == (
        "2024-11-06",
        "Kaspiysk",
        "Dagestan",
    )
    assert shown["from the front line"] == "973.9 km (front line of 2024-11-01)"
    assert shown["defender says"] == "—"
    # Article text is text: the markup in the quote is shown, not run.
    assert "“Drones hit <b>ships</b> at Kaspiysk.”" in [t.value for t in at.text]
    assert history(at)[["analyst", "action"]].values.tolist() == [["loader", "created"]]


def test_editing_the_date_shows_the_new_date_here_and_in_the_table(store: str | Path) -> None:
    at = ran(page("event", event=KASPIYSK.id))
    at.sidebar.text_input(key="analyst").set_value("ann")
    at.date_input(key="edit_date").set_value(date(2024, 11, 5))
    click(at, "edit_save")
    assert [s.value for s in at.success] == ["Saved: date: 2024-11-06 → 2024-11-05."]
    assert fields(at)["date"] == "2024-11-05"
    assert at.date_input(key="edit_date").value == date(2024, 11, 5)
    last = history(at).iloc[-1]
    assert (last["analyst"], last["action"], last["what changed"]) == (
        "ann",
        "edited",
        "date: 2024-11-06 → 2024-11-05",
    )
    assert table_dates(ran(page("table")))[KASPIYSK.id] == date(2024, 11, 5)
    # And undo puts it back.
    click(at, "event_undo")
    assert fields(at)["date"] == "2024-11-06"
    assert history(at)["action"].tolist() == ["created", "edited (undone)", "undone"]


def test_a_new_place_is_measured_again(store: str | Path) -> None:
    at = ran(page("event", event=KASPIYSK.id))
    before = fields(at)["from the front line"]
    at.text_input(key="edit_place").set_value("Tuapse")
    click(at, "edit_save")
    shown = fields(at)
    assert (shown["place"], shown["region"]) == ("Tuapse", "Krasnodar Krai")
    assert shown["from the front line"] != before
    assert shown["from the front line"].endswith(" km (front line of 2024-11-01)")


def test_a_value_that_cannot_be_used_is_one_error_and_changes_nothing(store: str | Path) -> None:
    at = ran(page("event", event=KASPIYSK.id))
    at.text_input(key="edit_place").set_value("Nowhereville")
    at.button(key="edit_save").click().run()
    assert [e.value for e in at.error] == [
        "no place called 'Nowhereville' in the gazetteer: give its latitude and longitude with it"
    ]
    with open_store(store) as opened:
        assert opened.require(KASPIYSK.id) == KASPIYSK


def test_deleting_takes_the_event_off_the_table_and_undo_brings_it_back(store: str | Path) -> None:
    at = ran(page("event", event=TUAPSE.id))
    assert at.button(key="event_delete").disabled
    at.checkbox(key="event_delete_confirm").check()
    ran(at)
    click(at, "event_delete")
    assert [s.value for s in at.success] == [f"Event {TUAPSE.id} deleted."]
    assert at.warning[0].value.startswith("This event is no longer stored: deleted ")
    assert TUAPSE.id not in table_dates(ran(page("table")))
    click(at, "event_undo")
    assert fields(at)["place"] == "Tuapse"
    assert TUAPSE.id in table_dates(ran(page("table")))


def test_a_wrong_merge_is_split_into_an_event_per_article(store: str | Path) -> None:
    one = article_from_text("one", published=date(2024, 11, 6))
    two = article_from_text("two", published=date(2024, 11, 6))
    with open_store(store) as opened:
        opened.clear()
        opened.save_article(one, [event(sources=(source(one.id),))])
        (merged_id,) = opened.save_article(two, [event(sources=(source(two.id),))]).merged
    at = ran(page("event", event=merged_id))
    assert "Sources (2)" in [h.value for h in at.subheader]
    click(at, "event_split")
    assert at.success[0].value.startswith(f"Split into 2 events: {merged_id}, ")
    assert "Sources (1)" in [h.value for h in at.subheader]
    assert at.button(key="event_split").disabled
    assert len(table_dates(ran(page("table")))) == 2


def test_an_unknown_id_says_so(store: str | Path) -> None:
    at = ran(page("event", event="nope"))
    # A file by its name (never its absolute path); a server by its address.
    shown = store.name if isinstance(store, Path) else store
    assert [w.value for w in at.warning] == [f"there is no event nope in the store {shown}"]
    assert not at.button


def test_without_an_id_the_page_asks_for_one(store: str | Path) -> None:
    at = ran(page("event"))
    assert at.info[0].value.startswith("Give an event's id")
    at.text_input(key="event_id").set_value(TUAPSE.id)
    ran(at)
    assert fields(at)["place"] == "Tuapse"
    assert at.query_params["event"] == TUAPSE.id


def test_every_table_row_links_to_its_event_page(store: str | Path) -> None:
    table = ran(page("table")).dataframe[0].value
    assert dict(zip(table["id"], table["edit"], strict=True)) == {
        KASPIYSK.id: f"/event?event={KASPIYSK.id}",
        TUAPSE.id: f"/event?event={TUAPSE.id}",
    }


def test_a_store_older_than_the_code_says_to_migrate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    version_1_store(path, [KASPIYSK])
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    for name in ("table", "event"):
        at = page(name, event=KASPIYSK.id)
        at.run()
        assert not at.exception
        assert [e.value for e in at.error] == [
            "the store old.sqlite is of an older schema (version 1; this strikemap needs 3): "
            "bring it up to date with python -m dashboard migrate "
            "(with the same --store or STRIKEMAP_STORE)"
        ]


def test_served_to_the_network_without_a_sign_in_an_event_can_only_be_read(
    store: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit import config as streamlit_config

    monkeypatch.delenv("STRIKEMAP_EDIT_TOKEN", raising=False)
    before = streamlit_config.get_option("server.address")
    streamlit_config.set_option("server.address", "0.0.0.0")
    try:
        at = page("event", event=KASPIYSK.id)
        at.run()
    finally:
        streamlit_config.set_option("server.address", before)
    assert not at.exception
    assert any(m.value.startswith("Read-only") for m in [*at.info, *at.error])
    keys = {b.key for b in at.button}
    assert not keys & {"edit_save", "event_delete", "event_split", "event_undo"}
