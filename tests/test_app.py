"""The Streamlit app as a user drives it, through Streamlit's AppTest.

Each test points ``STRIKEMAP_STORE`` at a temporary store filled with a handful of events.
AppTest sees the map only as an unknown component; the map builder has its own tests.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from dashboard import exports
from dashboard.app import common
from dashboard.app.common import forget_loaded_data
from dashboard.exports import (
    events_frame,
    events_to_acled_csv,
    events_to_csv,
    events_to_geojson,
)
from dashboard.filters import Filters, describe_for_filename
from dashboard.model import DistanceClaim, Event, Source
from dashboard.palette import target_colours
from dashboard.store import Store, open_store
from dashboard.store.base import EventStore
from tests.conftest import BACKENDS
from tests.factories import spoil_row
from tests.hostile import assert_inert_csv, hostile_events

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "dashboard" / "app"
ENTRY = APP / "streamlit_app.py"
SEEDS = REPO / "seeds"
TIMEOUT = 60


def strike(
    number: int,
    day: date,
    place: str | None,
    *,
    target_type: str,
    weapon: str = "aerial_drone",
    country: str | None = "RU",
    admin1: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    km: float | None = None,
    target: str | None = None,
    quote: str = "Drones struck the site overnight.",
    url: str | None = None,
) -> Event:
    source = Source(f"{number:016d}", f"Outlet {number}", day, url, None, (quote,))
    return Event(
        date=day,
        date_precision="day",
        place=place,
        admin1=admin1,
        country=country,
        occupied=country == "UA",
        lat=lat,
        lon=lon,
        geo_precision=2 if lat is not None else 4,
        target_type=target_type,  # type: ignore[arg-type]
        target=target,
        weapon=weapon,  # type: ignore[arg-type]
        distance_to_front_km=km,
        distance_to_border_km=km,
        sources=(source,),
    )


EVENTS = [
    strike(
        1,
        date(2024, 1, 10),
        "Tuapse",
        target_type="oil",
        admin1="Krasnodar Krai",
        lat=44.10,
        lon=39.08,
        km=310.0,
        target="=cmd|' /C calc'!A0",
        quote="A drone hit the Tuapse refinery.",
        url="https://example.org/tuapse",
    ),
    strike(
        2,
        date(2024, 3, 2),
        "Yeysk",
        target_type="airbase",
        admin1="Krasnodar Krai",
        lat=46.70,
        lon=38.27,
        km=140.0,
        quote="Drones attacked the Yeysk air base.",
        url="javascript:alert(1)",
    ),
    strike(
        3,
        date(2024, 5, 15),
        "Sevastopol",
        target_type="naval",
        weapon="sea_drone",
        country="UA",
        admin1="Crimea",
        lat=44.62,
        lon=33.53,
        km=230.0,
        quote="Sea drones struck a landing ship in Sevastopol.",
    ),
    strike(
        4,
        date(2024, 8, 20),
        "Kaspiysk",
        target_type="naval",
        admin1="Dagestan",
        lat=42.88,
        lon=47.64,
        km=880.0,
        quote="Drones hit <script>alert(1)</script> ships at Kaspiysk.",
    ),
    strike(5, date(2024, 9, 1), None, target_type="ammunition", country=None),
]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store.sqlite"
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    with Store(path) as opened:
        opened.save_events(EVENTS)
    return path


@pytest.fixture(params=BACKENDS)
def either_store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str | Path:
    """The events in a SQLite file, or in PostgreSQL named by STRIKEMAP_DATABASE_URL."""
    if request.param == "sqlite":
        location: str | Path = tmp_path / "store.sqlite"
        monkeypatch.setenv("STRIKEMAP_STORE", str(location))
    else:
        location = str(request.getfixturevalue("postgres_url"))
        monkeypatch.setenv("STRIKEMAP_DATABASE_URL", location)
    with open_store(location) as opened:
        opened.save_events(EVENTS)
    return location


@pytest.fixture
def empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "empty.sqlite"
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    return path


def page(name: str) -> AppTest:
    """One page on its own, as st.navigation runs it."""
    return AppTest.from_file(APP / "views" / f"{name}.py", default_timeout=TIMEOUT)


def ran(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def count_line(at: AppTest) -> str:
    lines = [m.value for m in at.sidebar.markdown if " events" in m.value]
    assert len(lines) == 1
    return lines[0].strip("*")


def only_table(at: AppTest) -> pd.DataFrame:
    # A read-only st.dataframe carries no key in AppTest; each page draws at most one.
    assert len(at.dataframe) == 1
    return at.dataframe[0].value


def table_places(at: AppTest) -> list[str | None]:
    return [p if isinstance(p, str) else None for p in only_table(at)["place"]]


Download = Callable[[AppTest, str], tuple[str, bytes]]


@pytest.fixture
def download(monkeypatch: pytest.MonkeyPatch) -> Iterator[Download]:
    """Click a download button the way the browser does: ask the server for its file."""
    managers: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            managers.append(self)

    # AppTest builds a fresh media file manager for every run; keep hold of them.
    monkeypatch.setattr(app_test_module, "MediaFileManager", Recording)

    def fetch(at: AppTest, key: str) -> tuple[str, bytes]:
        file_id = at.download_button(key).proto.deferred_file_id
        assert file_id, "the export should be made on click"
        manager = managers[-1]
        url = manager.execute_deferred(file_id)
        stored = manager._storage.get_file(url.rsplit("/", 1)[-1])  # type: ignore[attr-defined]
        return stored.filename, stored.content

    yield fetch


# -- filters and counts ---------------------------------------------------------------------


def test_filters_change_the_count_and_the_table(either_store: str | Path) -> None:
    at = ran(page("table"))
    assert count_line(at) == "5 of 5 events"
    assert len(only_table(at)) == 5

    at.multiselect("target_types").set_value(["naval"])
    ran(at)
    assert count_line(at) == "2 of 5 events"
    assert table_places(at) == ["Sevastopol", "Kaspiysk"]

    at.multiselect("regions").set_value(["UA"])
    ran(at)
    assert count_line(at) == "1 of 5 events"
    assert table_places(at) == ["Sevastopol"]


def test_date_distance_and_search_filters(either_store: str | Path) -> None:
    at = ran(page("table"))
    at.date_input("date_range").set_value((date(2024, 3, 1), date(2024, 8, 31)))
    ran(at)
    assert table_places(at) == ["Yeysk", "Sevastopol", "Kaspiysk"]

    at.slider("distance_km").set_value((100.0, 500.0))
    ran(at)
    assert table_places(at) == ["Yeysk", "Sevastopol"]

    at.text_input("search").input("LANDING ship")
    ran(at)
    assert count_line(at) == "1 of 5 events"
    assert table_places(at) == ["Sevastopol"]


def test_presets_count_back_from_the_latest_strike(store: Path) -> None:
    at = ran(page("table"))
    at.button("preset_30d").click()
    ran(at)
    assert at.date_input("date_range").value == (date(2024, 8, 3), date(2024, 9, 1))
    assert table_places(at) == ["Kaspiysk", None]
    at.button("preset_all").click()
    ran(at)
    assert count_line(at) == "5 of 5 events"


def test_the_table_shows_sources_and_quotes_as_data(store: Path) -> None:
    at = ran(page("table"))
    table = only_table(at)
    links = dict(zip(table["place"], table["link"], strict=True))
    assert links["Tuapse"] == "https://example.org/tuapse"
    # A javascript: address is not made a link.
    assert pd.isna(links["Yeysk"])
    quotes = dict(zip(table["place"], table["quote"], strict=True))
    assert quotes["Kaspiysk"] == "Drones hit <script>alert(1)</script> ships at Kaspiysk."
    assert not any("<script>" in m.value for m in at.markdown)


def test_the_table_shows_the_three_distances_the_side_and_the_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = (
        DistanceClaim("nearly 930 miles from its borders", 1346.9, 1496.6, "border", None, 1010.2),
        DistanceClaim("over 1000 km behind the frontline", 1000.0, 1300.0, "front", None, 1012.4),
    )
    measured = dataclasses.replace(
        EVENTS[3],
        distance_to_front_km=1012.4,
        distance_to_border_km=1010.2,
        distance_to_held_km=1030.0,
        side="russia",
        distance_claims=claims,
    )
    path = tmp_path / "claims.sqlite"
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    with Store(path) as opened:
        opened.save_events([measured, EVENTS[0]])
    table = only_table(ran(page("table"))).set_index("place")
    kaspiysk = table.loc["Kaspiysk"]
    assert (kaspiysk["front km"], kaspiysk["border km"], kaspiysk["held km"]) == (
        1012.4,
        1010.2,
        1030.0,
    )
    assert kaspiysk["side"] == "Russia"
    assert kaspiysk["claims"] == " | ".join(c.describe() for c in claims)
    assert "off by more than 25 %" in kaspiysk["claims"]
    assert bool(kaspiysk["claims off"]) is True
    # An event whose sources make no distance claim shows none.
    assert pd.isna(table.loc["Tuapse"]["claims"]) and pd.isna(table.loc["Tuapse"]["claims off"])


# -- exports --------------------------------------------------------------------------------


def test_downloads_hold_exactly_the_filtered_events(store: Path, download: Download) -> None:
    at = ran(page("table"))
    at.multiselect("target_types").set_value(["oil", "naval"])
    at.date_input("date_range").set_value((date(2024, 1, 10), date(2024, 6, 30)))
    ran(at)
    assert count_line(at) == "2 of 5 events"
    expected = {e.id for e in EVENTS if e.place in ("Tuapse", "Sevastopol")}
    filters = Filters(start=None, end=date(2024, 6, 30), target_types=("oil", "naval"))

    name, content = download(at, "download_csv")
    assert name == describe_for_filename(filters, "csv")
    assert name == "strikes_to-2024-06-30_oil-naval.csv"
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
    assert {row["id"] for row in rows} == expected
    tuapse = next(row for row in rows if row["place"] == "Tuapse")
    # A spreadsheet would run this as a formula; the export makes it text.
    assert tuapse["target"] == "'=cmd|' /C calc'!A0"

    name, content = download(at, "download_geojson")
    assert name == "strikes_to-2024-06-30_oil-naval.geojson"
    collection = json.loads(content)
    assert {feature["id"] for feature in collection["features"]} == expected
    sevastopol = next(f for f in collection["features"] if f["properties"]["place"] == "Sevastopol")
    assert sevastopol["geometry"] == {"type": "Point", "coordinates": [33.53, 44.62]}


def test_each_download_is_the_export_of_the_filtered_events_byte_for_byte(
    either_store: str | Path, download: Download
) -> None:
    # The files are streamed from the store; they read as the exports of those events did
    # when they were made whole.
    at = ran(page("table"))
    at.multiselect("target_types").set_value(["oil", "naval", "ammunition"])
    at.slider("distance_km").set_value((0.0, 500.0))
    ran(at)
    filters = Filters(target_types=("oil", "naval", "ammunition"), max_km=500.0)
    with open_store(either_store) as opened:
        events = opened.query(filters)
    assert [e.place for e in events] == ["Tuapse", "Sevastopol"]
    expected = {
        "download_csv": events_to_csv(events),
        "download_geojson": json.dumps(events_to_geojson(events), ensure_ascii=False),
        "download_acled": events_to_acled_csv(events),
    }
    for key, text in expected.items():
        assert download(at, key)[1] == text.encode("utf-8"), key


def test_a_download_over_the_size_that_fits_in_memory_comes_gzip_compressed(
    store: Path, download: Download, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = ran(page("table"))
    plain = {key: download(at, key) for key in ("download_csv", "download_geojson")}
    assert at.download_button("download_csv").label == "Download CSV"

    monkeypatch.setattr(exports, "COMPRESS_DOWNLOADS_OVER", 4)  # the page holds 5 events
    ran(at)
    assert at.download_button("download_csv").label == "Download CSV (gzip)"
    assert "gzip-compressed" in at.download_button("download_csv").help
    for key, (name, content) in plain.items():
        zipped_name, zipped = download(at, key)
        assert zipped_name == f"{name}.gz"
        assert gzip.decompress(zipped) == content


def test_the_csv_download_of_hostile_text_is_inert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, download: Download
) -> None:
    path = tmp_path / "hostile.sqlite"
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    events = hostile_events()
    with Store(path) as opened:
        opened.save_events(events)
    at = ran(page("table"))
    _, content = download(at, "download_csv")
    assert_inert_csv(content.decode("utf-8"), events)


def test_unfiltered_geojson_keeps_events_without_a_place(store: Path, download: Download) -> None:
    at = ran(page("table"))
    name, content = download(at, "download_geojson")
    assert name == "strikes_all.geojson"
    features = json.loads(content)["features"]
    assert len(features) == 5
    assert [f["geometry"] for f in features if f["properties"]["place"] is None] == [None]


# -- the shareable link ---------------------------------------------------------------------


def test_a_link_reopens_the_same_view(store: Path) -> None:
    at = page("table")
    at.query_params = {
        "from": "2024-03-01",
        "target": ["naval", "airbase"],
        "km_max": "500",
        "q": "drones",
    }
    ran(at)
    assert at.date_input("date_range").value == (date(2024, 3, 1), date(2024, 9, 1))
    assert at.multiselect("target_types").value == ["naval", "airbase"]
    assert at.slider("distance_km").value == (0.0, 500.0)
    assert at.text_input("search").value == "drones"
    assert table_places(at) == ["Yeysk", "Sevastopol"]
    assert count_line(at) == "2 of 5 events"


def test_changing_a_filter_updates_the_link(store: Path) -> None:
    at = ran(page("table"))
    assert at.query_params == {}
    at.multiselect("weapons").set_value(["sea_drone"])
    at.text_input("search").input("landing")
    ran(at)
    assert at.query_params == {"weapon": "sea_drone", "q": "landing"}

    at.multiselect("weapons").set_value([])
    at.date_input("date_range").set_value((date(2024, 2, 1), date(2024, 9, 1)))
    ran(at)
    assert at.query_params == {"from": "2024-02-01", "q": "landing"}


def test_a_link_with_unknown_values_opens_what_it_can(store: Path) -> None:
    at = page("table")
    at.query_params = {"target": ["naval", "spaceport"], "region": "RU:Atlantis", "to": "x"}
    ran(at)
    assert at.multiselect("target_types").value == ["naval"]
    assert at.multiselect("regions").value == []
    assert count_line(at) == "2 of 5 events"
    assert at.query_params == {"target": "naval"}


def test_filters_stay_when_the_user_visits_another_page(store: Path) -> None:
    at = AppTest.from_file(ENTRY, default_timeout=TIMEOUT)
    at.query_params = {"target": "oil"}
    at.run()
    ran(at.switch_page("views/table.py"))
    assert count_line(at) == "1 of 5 events"
    at.multiselect("target_types").set_value(["naval"])
    ran(at)
    ran(at.switch_page("views/about.py"))
    ran(at.switch_page("views/charts.py"))
    assert at.multiselect("target_types").value == ["naval"]
    assert count_line(at) == "2 of 5 events"
    assert at.query_params == {"target": "naval"}


# -- pages ----------------------------------------------------------------------------------


def map_page() -> AppTest:
    """The map page as a user sees it a moment after opening it.

    The first run draws the map alone; the page's timer then asks for a full run (AppTest
    runs no timers, so the test runs it).
    """
    return ran(ran(page("map")))


def test_the_map_page_draws_the_map_first_and_the_rest_a_moment_later(store: Path) -> None:
    at = ran(page("map"))
    assert len(at.get("component_instance")) == 1  # the folium map
    assert not at.sidebar.multiselect and not at.dataframe and not at.button
    assert "The filters appear in a moment" in at.sidebar.caption[0].value
    ran(at)
    assert count_line(at) == "5 of 5 events"
    assert len(at.get("component_instance")) == 1
    assert at.multiselect("target_types") is not None and at.button("play") is not None
    assert len(at.dataframe) == 1


def test_no_page_holds_every_event_or_their_frame(
    either_store: str | Path, monkeypatch: pytest.MonkeyPatch, download: Download
) -> None:
    # At 1,000,000 events those take gigabytes: the pages filter the events' columns and
    # read from the store only the events they show, the table a page of rows at a time.
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page read every event")

    framed: list[int] = []

    def page_frame(events: Iterable[Event]) -> pd.DataFrame:
        shown = list(events)
        assert len(shown) <= 2, "a page built the frame of more than a page of events"
        framed.append(len(shown))
        return events_frame(shown)

    forget_loaded_data()
    monkeypatch.setattr(common, "PAGE_ROWS", 2)
    monkeypatch.setattr(EventStore, "events", refused)
    monkeypatch.setattr(exports, "events_frame", page_frame)
    at = map_page()
    assert count_line(at) == "5 of 5 events"
    at.multiselect("target_types").set_value(["naval"])
    ran(at)
    assert count_line(at) == "2 of 5 events"
    # The text search is the store's, as on the other pages.
    at.text_input("search").input("LANDING ship")
    ran(at)
    assert count_line(at) == "1 of 5 events"
    at.multiselect("target_types").set_value([])
    at.slider("distance_km").set_value((100.0, 500.0))
    ran(at)
    assert count_line(at) == "1 of 5 events"

    at = ran(page("table"))
    assert count_line(at) == "5 of 5 events"
    assert table_places(at) == ["Tuapse", "Yeysk"]
    at.number_input("table_page").set_value(3)
    ran(at)
    assert table_places(at) == [None]
    assert any("Rows 5 to 5 of 5, by date." in c.value for c in at.caption)
    _, content = download(at, "download_csv")
    assert len(list(csv.DictReader(io.StringIO(content.decode("utf-8"))))) == 5
    at = ran(page("charts"))
    assert len(at.get("vega_lite_chart")) == 2
    assert framed == [2, 1]
    at = ran(page("coverage"))
    assert [m.value for m in at.metric] == ["5", "0", "0"]
    assert any("The first 2 of 5, by date." in c.value for c in at.caption)
    assert len(at.dataframe[2].value) == 2


def test_the_table_shows_a_page_of_rows_and_the_page_follows_the_filters(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "PAGE_ROWS", 2)
    at = ran(page("table"))
    assert any("Rows 1 to 2 of 5, by date." in c.value for c in at.caption)
    at.number_input("table_page").set_value(2)
    ran(at)
    assert table_places(at) == ["Sevastopol", "Kaspiysk"]
    # Two events left fit one page: the page picker goes and the first page shows.
    at.multiselect("target_types").set_value(["naval"])
    ran(at)
    assert not at.number_input
    assert table_places(at) == ["Sevastopol", "Kaspiysk"]
    at.multiselect("target_types").set_value([])
    ran(at)
    assert at.number_input("table_page").value == 1
    assert table_places(at) == ["Tuapse", "Yeysk"]


def test_a_map_whose_files_cannot_be_written_is_one_error_line(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unwritable(**kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "/srv/strikemap/static/cache/details")

    forget_loaded_data()
    monkeypatch.setattr(common, "DetailsDraft", unwritable)
    at = ran(page("map"))
    (error,) = at.error
    assert error.value == "The map cannot show the events: Permission denied"


def test_the_map_page_lists_events_without_a_place_beside_the_map(store: Path) -> None:
    at = map_page()
    assert count_line(at) == "5 of 5 events"
    assert len(at.get("component_instance")) == 1  # the folium map
    assert only_table(at)["Date"].tolist() == [date(2024, 9, 1)]
    assert any("no place that could be located: 1." in c.value for c in at.caption)
    at.multiselect("target_types").set_value(["naval"])
    ran(at)
    assert not at.dataframe
    assert any("no place that could be located: 0." in c.value for c in at.caption)


def test_beside_the_map_only_the_latest_unlocated_events_are_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.sqlite"
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    first = date(2021, 1, 1)
    unlocated = [
        strike(i, first + timedelta(days=i), None, target_type="unknown") for i in range(1005)
    ]
    with Store(path) as opened:
        opened.save_events(unlocated)
    at = map_page()
    assert any(
        "no place that could be located: 1,005 (the latest 1,000 listed" in c.value
        for c in at.caption
    )
    listed = only_table(at)["Date"].tolist()
    assert len(listed) == 1000 and min(listed) == first + timedelta(days=5)


def test_play_slides_a_window_of_fixed_length_at_the_chosen_speed(store: Path) -> None:
    at = map_page()
    at.date_input("date_range").set_value((date(2024, 8, 1), date(2024, 9, 1)))
    at.selectbox("play_window").set_value("7 days")
    at.selectbox("play_speed").set_value("a week")
    ran(at)
    at.button("play").click()
    ran(at)
    # Played from the start of the range, seven days at a time.
    assert at.date_input("date_range").value == (date(2024, 8, 1), date(2024, 8, 7))
    assert count_line(at) == "0 of 5 events"
    assert at.button("play").label == "Pause"
    at.button("step_forward").click()
    ran(at)
    assert at.date_input("date_range").value == (date(2024, 8, 8), date(2024, 8, 14))
    at.button("step_forward").click()
    ran(at)
    assert at.date_input("date_range").value == (date(2024, 8, 15), date(2024, 8, 21))
    assert count_line(at) == "1 of 5 events"
    assert at.button("play").label == "Play"
    # The window slides on: the strike of 20 August leaves it, it does not pile up.
    at.button("step_forward").click()
    ran(at)
    assert at.date_input("date_range").value == (date(2024, 8, 22), date(2024, 8, 28))
    assert count_line(at) == "0 of 5 events"
    # A faster speed moves the same window further each step.
    at.selectbox("play_speed").set_value("a month")
    at.button("step_back").click()
    ran(at)
    assert at.date_input("date_range").value == (date(2024, 7, 23), date(2024, 7, 29))


def test_the_charts_page_draws_both_charts(store: Path) -> None:
    at = ran(page("charts"))
    assert count_line(at) == "5 of 5 events"
    assert len(at.get("vega_lite_chart")) == 2
    assert any("4 of the 5 filtered events are located" in c.value for c in at.caption)


def test_an_empty_store_says_how_to_fill_it(empty_store: Path) -> None:
    for name in ("map", "table", "charts"):
        at = ran(page(name))
        assert count_line(at) == "0 of 0 events"
        assert "No events are stored yet" in at.info[0].value


def test_a_broken_store_is_one_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database, but it is long enough to look like a file" * 20)
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    at = ran(page("table"))
    assert len(at.error) == 1
    assert "not a strikemap store" in at.error[0].value


def test_an_unreadable_stored_event_is_one_warning_and_the_rest_show(
    store: Path, download: Download
) -> None:
    tuapse = EVENTS[0]
    spoil_row(store, tuapse.id, "{broken")
    for at in (map_page(), ran(page("table")), ran(page("charts"))):
        (warning,) = at.warning
        assert warning.value.startswith(
            f"1 stored event cannot be read and is left out ({tuapse.id}: not JSON"
        )
        assert count_line(at) == "4 of 4 events"
    _, content = download(at_table := ran(page("table")), "download_csv")
    assert len(only_table(at_table)) == 4
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
    assert {row["id"] for row in rows} == {e.id for e in EVENTS[1:]}


def test_the_about_page_credits_the_data(store: Path) -> None:
    at = ran(page("about"))
    text = "\n".join(m.value for m in at.markdown)
    assert "GeoNames" in text and "Creative Commons Attribution 4.0" in text
    assert "Natural Earth" in text
    assert "**5** events stored" in text


# -- interceptions, missing values, the map from a table row, the charts ---------------------

TALLY = dataclasses.replace(
    strike(
        6,
        date(2024, 6, 3),
        "Bryansk Oblast",
        target_type="unknown",
        admin1="Bryansk Oblast",
        lat=53.0,
        lon=33.5,
        km=120.0,
        quote="Air defences shot down 38 drones over the Bryansk region.",
    ),
    outcome="intercepted",
)


@pytest.fixture
def tally_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "tally.sqlite"
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    with Store(path) as opened:
        opened.save_events([*EVENTS, TALLY])
    return path


def test_interceptions_are_marked_and_can_be_left_out(
    tally_store: Path, download: Download
) -> None:
    at = ran(page("table"))
    assert count_line(at) == "6 of 6 events"
    outcomes = dict(zip(table_places(at), only_table(at)["outcome"], strict=True))
    assert outcomes["Bryansk Oblast"] == "Intercepted (not a strike)"
    assert outcomes["Tuapse"] == "Outcome not reported"
    _, content = download(at, "download_csv")
    marked = {row["place"]: row["outcome"] for row in csv.DictReader(io.StringIO(content.decode()))}
    assert marked["Bryansk Oblast"] == "intercepted"

    at.multiselect("outcomes").set_value(["hit", "unknown"])
    ran(at)
    assert count_line(at) == "5 of 6 events"
    assert "Bryansk Oblast" not in table_places(at)
    assert at.query_params == {"outcome": ["hit", "unknown"]}
    _, content = download(at, "download_csv")
    rows = list(csv.DictReader(io.StringIO(content.decode())))
    assert len(rows) == 5 and {row["outcome"] for row in rows} == {"unknown"}

    # The link carries the choice to another session.
    linked = page("map")
    linked.query_params = {"outcome": ["hit", "unknown"]}
    ran(ran(linked))
    assert linked.multiselect("outcomes").value == ["hit", "unknown"]
    assert count_line(linked) == "5 of 6 events"


def test_missing_values_show_as_a_dash(store: Path) -> None:
    at = ran(page("table"))
    table = only_table(at)
    assert table["place"].isna().sum() == 1  # the event that names no place...
    assert at.dataframe[0].proto.placeholder == "\u2014"  # ...shows a dash, not "None"
    beside_the_map = map_page()
    assert only_table(beside_the_map)["Place"].isna().all()
    assert beside_the_map.dataframe[0].proto.placeholder == "\u2014"


def map_focus(at: AppTest) -> str:
    """What the map's events layer is told to open: a row in the store, or null."""
    (component,) = at.get("component_instance")
    script = str(json.loads(component.proto.json_args)["feature_group"])
    # The layer's call ends with the event to open.
    return re.findall(r", (null|\d+)\);\n", script)[-1]


def test_show_on_map_centres_the_chosen_row_and_opens_it(store: Path) -> None:
    at = AppTest.from_file(ENTRY, default_timeout=TIMEOUT)
    at.run()
    ran(at.switch_page("views/table.py"))
    assert at.button("show_on_map").disabled  # no row chosen yet
    places = table_places(at)
    # A row without a place cannot be shown on the map.
    at.session_state["events_table"] = {"selection": {"rows": [places.index(None)]}}
    ran(at)
    assert at.button("show_on_map").disabled
    row = places.index("Kaspiysk")
    at.session_state["events_table"] = {"selection": {"rows": [row]}}
    ran(at)
    at.button("show_on_map").click()
    ran(at)
    assert any("Showing Kaspiysk, 2024-08-20, chosen in the table" in c.value for c in at.caption)
    # The map's layer is told to centre on that event (its row in the store) and open it.
    stored = [e.place for e in EVENTS].index("Kaspiysk")
    assert map_focus(at) == str(stored)
    # Taken once: the next run of the map keeps the reader's view.
    ran(at.switch_page("views/map.py"))
    assert map_focus(at) == "null"
    assert not any("chosen in the table" in c.value for c in at.caption)


def test_charts_show_gaps_dates_as_known_and_the_maps_colours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "precision.sqlite"
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    year_only = dataclasses.replace(
        strike(7, date(2024, 1, 1), "Engels", target_type="airbase", lat=51.48, lon=46.2, km=700),
        date_precision="year",
    )
    with Store(path) as opened:
        opened.save_events([*EVENTS, year_only])
    at = ran(page("charts"))
    by_type, depth = (json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart"))
    # Months with strikes as bars over their whole month; the year-only strike apart,
    # across its year, in a band of its own.
    bars, band = by_type["vconcat"]
    assert band["title"] == "Dated only to a year"
    assert (bars["encoding"]["x2"]["field"], band["encoding"]["x2"]["field"]) == (
        "period_end",
        "period_end",
    )
    # The map's colours, per target type, in both charts.
    labels, colours = target_colours()
    for chart in (bars, band):
        assert chart["encoding"]["color"]["scale"] == {"domain": labels, "range": colours}
    dots, spans, lines = depth["layer"]
    assert dots["encoding"]["color"]["scale"]["range"] == colours
    # The strike known only to its year is a line across the year, not a dot on 1 January;
    # the trend is one line per stretch of strikes, none across a gap.
    assert spans["mark"]["type"] == "rule" and spans["encoding"]["x2"]["field"] == "date_end"
    assert lines["encoding"]["detail"]["field"] == "segment"
    assert any("1 strikes known only to a month or year" in c.value for c in at.caption)


# -- adding an article ----------------------------------------------------------------------


def paste_article(at: AppTest, text: str, outlet: str, published: date, url: str) -> None:
    at.text_area("article_text").input(text)
    at.text_input("article_outlet").input(outlet)
    at.date_input("article_date").set_value(published)
    at.text_input("article_url").input(url)
    at.button("find_strikes").click()
    ran(at)


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_add_an_article_then_a_second_report_of_the_same_strike(empty_store: Path) -> None:
    at = ran(page("add_article"))
    paste_article(at, seed("000"), "Business Insider", date(2024, 11, 6), "https://example.org/bi")
    texts = [t.value for t in at.text]
    assert any("Kaspiysk" in t and "2024-11-06" in t for t in texts)
    assert any(t.startswith("“") and "Kaspiysk" in t for t in texts)  # the sentence
    at.button("save_article").click()
    ran(at)
    assert at.success[0].value.startswith("Saved: 1 new strike, 0 merged")

    paste_article(at, seed("001"), "Other outlet", date(2024, 11, 6), "https://example.org/2")
    at.button("save_article").click()
    ran(at)
    assert "0 new strikes, 1 merged" in at.success[0].value
    saved = only_table(at)
    assert saved["sources"].tolist() == [2]

    table = ran(page("table"))
    assert count_line(table) == "1 of 1 events"
    assert only_table(table)["sources"].tolist() == [2]


def test_corrections_are_saved(empty_store: Path) -> None:
    at = ran(page("add_article"))
    paste_article(at, seed("000"), "Business Insider", date(2024, 11, 6), "https://example.org/bi")
    keys = [str(box.key) for box in at.selectbox]
    prefix = next(key for key in keys if key.endswith("_target")).removesuffix("target")
    at.selectbox(f"{prefix}target").set_value("military")
    at.date_input(f"{prefix}date").set_value(date(2024, 11, 5))
    at.text_input(f"{prefix}place_query").input("Makhachkala")
    ran(at)
    place = at.selectbox(f"{prefix}place")
    makhachkala = next(o for o in place.options if o.startswith("Makhachkala"))
    place.set_value(makhachkala)
    ran(at)
    at.button("save_article").click()
    ran(at)
    with Store(empty_store) as opened:
        (event,) = opened.events()
    assert (event.date, event.place, event.target_type) == (
        date(2024, 11, 5),
        "Makhachkala",
        "military",
    )
    assert event.distance_to_front_km is not None and event.distance_to_front_km > 500


def test_article_text_is_shown_as_text(empty_store: Path) -> None:
    at = ran(page("add_article"))
    text = (
        'On Nov. 6 Ukrainian drones hit <img src=x onerror="alert(1)"> ships in the port of '
        "Kaspiysk <script>alert(2)</script>, officials said."
    )
    paste_article(at, text, "<b>Outlet</b>", date(2024, 11, 6), "https://example.org/x")
    assert any("<script>alert(2)</script>" in t.value for t in at.text)
    assert not any("<script>" in m.value or "onerror" in m.value for m in at.markdown)


def test_an_unreadable_upload_is_one_error_line(empty_store: Path) -> None:
    at = ran(page("add_article"))
    at.file_uploader("article_file").upload("report.txt", b"\xff\xfe\x00\x01binary", "text/plain")
    at.button("find_strikes").click()
    ran(at)
    assert [e.value for e in at.error] == ["report.txt: binary file, not an article"]


def test_an_uploaded_article_is_read_like_a_pasted_one(empty_store: Path) -> None:
    at = ran(page("add_article"))
    at.file_uploader("article_file").upload("kaspiysk.txt", seed("000").encode(), "text/plain")
    at.date_input("article_date").set_value(date(2024, 11, 6))
    at.button("find_strikes").click()
    ran(at)
    assert any("Kaspiysk" in t.value and "2024-11-06" in t.value for t in at.text)


def found_heading(at: AppTest) -> list[str]:
    return [h.value for h in at.subheader if "found" in h.value]


def test_a_url_that_is_not_a_web_address_is_one_error_line(empty_store: Path) -> None:
    at = ran(page("add_article"))
    paste_article(at, seed("000"), "Business Insider", date(2024, 11, 6), "javascript:alert(1)")
    assert [e.value for e in at.error] == [
        "the article: url 'javascript:alert(1)': not an http:// or https:// address"
    ]
    assert found_heading(at) == []


def test_an_article_without_a_publication_date_is_refused(empty_store: Path) -> None:
    at = ran(page("add_article"))
    at.text_area("article_text").input(seed("000"))
    at.button("find_strikes").click()
    ran(at)
    assert [e.value for e in at.error] == [
        "the article: no publication date; fill in Published "
        "(dates such as 'Wednesday' are counted from it)"
    ]
    assert found_heading(at) == []


def test_a_date_before_2014_needs_any_date_allowed(empty_store: Path) -> None:
    at = ran(page("add_article"))
    paste_article(at, seed("000"), "Business Insider", date(2013, 11, 6), "https://example.org/bi")
    assert len(at.error) == 1 and "published 2013-11-06: before 2014-01-01" in at.error[0].value
    assert found_heading(at) == []
    at.checkbox("article_any_date").check()
    at.button("find_strikes").click()
    ran(at)
    assert not at.error and found_heading(at) == ["1 strike found"]


def test_only_strikes_that_hit_are_kept_by_default(empty_store: Path) -> None:
    at = ran(page("add_article"))
    tally = (
        "Russia's defence ministry said on Wednesday it had shot down 54 drones overnight over "
        "the Kursk, Bryansk, Smolensk and Oryol regions."
    )
    paste_article(
        at, seed("000") + "\n\n" + tally, "Wire", date(2024, 11, 6), "https://example.org/w"
    )
    assert found_heading(at) == ["5 strikes found"]
    keep = {box.key: box.value for box in at.checkbox if str(box.key).endswith("_keep")}
    summaries = [t.value for t in at.text if " · " in t.value]
    kept = {
        line.split(" · ")[1]: value for line, value in zip(summaries, keep.values(), strict=True)
    }
    assert kept.pop("Kaspiysk naval base, Dagestan, RU") is True
    assert set(kept.values()) == {False}  # the four regions of the tally
    assert [line.endswith("Intercepted (not a strike)") for line in summaries] == [
        "Kaspiysk" not in line for line in summaries
    ]
    assert at.button("save_article").label == "Save 1 strike"
    # The defence ministry's words are the defender's, not the attacker's.
    assert any(t.value.startswith("Defender says: “Russia's defence") for t in at.text)
    assert not any(t.value.startswith("Attacker says") and "governor" in t.value for t in at.text)
