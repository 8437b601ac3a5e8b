"""The dashboard's filters, query strings, file names and chart summaries, without Streamlit."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.exports import events_frame
from dashboard.filters import (
    MAX_FILENAME_STEM,
    SEARCH_COLUMN,
    Filters,
    apply_filters,
    coarse_counts,
    depth_trend,
    describe_for_filename,
    filters_from_query,
    filters_to_query,
    period_counts,
    play_window,
    preset_range,
    region_options,
    slide_window,
    weekly_outcome_counts,
    with_search_text,
)
from dashboard.model import Event, Source


def strike(
    day: date,
    place: str | None,
    *,
    target_type: str = "oil",
    weapon: str = "aerial_drone",
    country: str | None = "RU",
    admin1: str | None = None,
    km: float | None = 300.0,
    target: str | None = None,
    quotes: tuple[str, ...] = ("A drone hit the site.",),
    precision: str = "day",
    extra_quote: str | None = None,
    outcome: str = "hit",
) -> Event:
    sources = [Source("a" * 16, "Outlet", day, "https://example.org/a", None, quotes)]
    if extra_quote is not None:
        sources.append(Source("b" * 16, "Other", day, None, None, (extra_quote,)))
    located = place is not None
    return Event(
        date=day,
        date_precision=precision,  # type: ignore[arg-type]
        place=place,
        admin1=admin1,
        country=country,
        occupied=False,
        lat=45.0 if located else None,
        lon=38.0 if located else None,
        geo_precision=2 if located else 4,
        target_type=target_type,  # type: ignore[arg-type]
        target=target,
        weapon=weapon,  # type: ignore[arg-type]
        distance_to_front_km=km if located else None,
        sources=tuple(sources),
        outcome=outcome,  # type: ignore[arg-type]
    )


@pytest.fixture
def frame() -> pd.DataFrame:
    events = [
        strike(date(2024, 1, 10), "Tuapse", admin1="Krasnodar Krai", target="refinery"),
        strike(
            date(2024, 3, 2),
            "Yeysk",
            target_type="airbase",
            admin1="Krasnodar Krai",
            km=150.0,
            target="Yeysk air base",
        ),
        strike(
            date(2024, 5, 1),
            "Sevastopol",
            target_type="naval",
            weapon="sea_drone",
            country="UA",
            admin1="Crimea",
            km=240.0,
            precision="month",
            quotes=("Sea drones struck a landing ship.",),
        ),
        strike(
            date(2024, 8, 20),
            "Kaspiysk",
            target_type="naval",
            admin1="Dagestan",
            km=900.0,
            extra_quote="The Caspian Flotilla was targeted.",
        ),
        strike(date(2024, 9, 1), None, target_type="ammunition", country=None, km=None),
    ]
    return events_frame(events)


def places(frame: pd.DataFrame) -> list[str | None]:
    return [p if isinstance(p, str) else None for p in frame["place"]]


def test_open_filters_keep_every_event(frame: pd.DataFrame) -> None:
    assert len(apply_filters(frame, Filters())) == 5


def test_date_range_keeps_days_inside_and_months_that_overlap(frame: pd.DataFrame) -> None:
    kept = apply_filters(frame, Filters(start=date(2024, 3, 1), end=date(2024, 5, 31)))
    assert places(kept) == ["Yeysk", "Sevastopol"]
    # "In May" may be any day of May, so a range starting mid-May still shows it.
    kept = apply_filters(frame, Filters(start=date(2024, 5, 15), end=date(2024, 6, 30)))
    assert places(kept) == ["Sevastopol"]
    kept = apply_filters(frame, Filters(start=date(2024, 6, 1)))
    assert places(kept) == ["Kaspiysk", None]


def test_target_type_and_weapon_filters(frame: pd.DataFrame) -> None:
    assert places(apply_filters(frame, Filters(target_types=("naval",)))) == [
        "Sevastopol",
        "Kaspiysk",
    ]
    kept = apply_filters(frame, Filters(target_types=("naval",), weapons=("aerial_drone",)))
    assert places(kept) == ["Kaspiysk"]


def test_regions_match_a_country_or_one_of_its_regions(frame: pd.DataFrame) -> None:
    assert places(apply_filters(frame, Filters(regions=("UA",)))) == ["Sevastopol"]
    kept = apply_filters(frame, Filters(regions=("RU:Dagestan", "UA:Crimea")))
    assert places(kept) == ["Sevastopol", "Kaspiysk"]
    assert region_options(frame) == [
        "RU",
        "RU:Dagestan",
        "RU:Krasnodar Krai",
        "UA",
        "UA:Crimea",
    ]


def test_distance_range_hides_events_not_measured(frame: pd.DataFrame) -> None:
    assert places(apply_filters(frame, Filters(min_km=200, max_km=400))) == [
        "Tuapse",
        "Sevastopol",
    ]
    assert places(apply_filters(frame, Filters(max_km=10_000))) == [
        "Tuapse",
        "Yeysk",
        "Sevastopol",
        "Kaspiysk",
    ]


@pytest.mark.parametrize("prepared", [False, True])
def test_search_needs_every_word_in_place_target_or_any_quote(
    frame: pd.DataFrame, prepared: bool
) -> None:
    if prepared:
        frame = with_search_text(frame)
        assert SEARCH_COLUMN in frame
    assert places(apply_filters(frame, Filters(search="yEYSK"))) == ["Yeysk"]
    assert places(apply_filters(frame, Filters(search="landing ship"))) == ["Sevastopol"]
    # The second source's quote counts too.
    assert places(apply_filters(frame, Filters(search="flotilla"))) == ["Kaspiysk"]
    assert places(apply_filters(frame, Filters(search="refinery tuapse"))) == ["Tuapse"]
    assert apply_filters(frame, Filters(search="refinery yeysk")).empty


def test_filters_combine(frame: pd.DataFrame) -> None:
    filters = Filters(start=date(2024, 2, 1), target_types=("naval", "airbase"), max_km=500)
    assert places(apply_filters(frame, filters)) == ["Yeysk", "Sevastopol"]


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(start=date(2024, 1, 1), end=date(2024, 12, 31)),
        Filters(end=date(2023, 8, 5), target_types=("oil",)),
        Filters(
            start=date(2022, 2, 24),
            target_types=("naval", "airbase"),
            weapons=("sea_drone",),
            regions=("UA:Crimea", "RU"),
            min_km=100,
            max_km=1234.5,
            search="Black Sea fleet",
        ),
    ],
)
def test_query_string_round_trip(filters: Filters) -> None:
    assert filters_from_query(filters_to_query(filters)) == filters


def test_query_string_leaves_open_filters_out() -> None:
    assert filters_to_query(Filters()) == {}
    assert filters_to_query(Filters(target_types=("oil",), min_km=50.0)) == {
        "target": ["oil"],
        "km_min": "50",
    }


def test_query_string_ignores_what_cannot_be_used() -> None:
    filters = filters_from_query(
        {
            "from": "2024-13-40",
            "to": "2024-06-01",
            "target": ["oil", "spaceport", "oil"],
            "weapon": "laser",
            "km_min": "far",
            "km_max": "-5",
            "q": "x" * 500,
        }
    )
    assert filters == Filters(end=date(2024, 6, 1), target_types=("oil",), search="x" * 200)


def test_query_string_puts_reversed_ranges_in_order() -> None:
    filters = filters_from_query(
        {"from": "2024-12-31", "to": "2024-01-01", "km_min": "900", "km_max": "100"}
    )
    assert (filters.start, filters.end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert (filters.min_km, filters.max_km) == (100.0, 900.0)


def test_file_name_says_what_the_export_holds() -> None:
    filters = Filters(date(2024, 1, 1), date(2024, 12, 31), ("oil", "airbase"))
    assert describe_for_filename(filters) == "strikes_2024-01-01_2024-12-31_oil-airbase.csv"
    assert describe_for_filename(Filters(), "geojson") == "strikes_all.geojson"
    filters = Filters(
        start=date(2024, 3, 1), regions=("UA:Crimea",), max_km=500, search="Sea drone"
    )
    assert (
        describe_for_filename(filters)
        == "strikes_from-2024-03-01_ua-crimea_0-500km_q-sea-drone.csv"
    )


def test_file_name_is_safe_and_short() -> None:
    name = describe_for_filename(Filters(search="../../etc/passwd " + "y" * 300))
    assert "/" not in name and ".." not in name
    assert name.endswith(".csv") and len(name) <= MAX_FILENAME_STEM + len(".csv")


def test_presets_count_back_from_the_latest_event() -> None:
    first, last = date(2023, 8, 1), date(2024, 11, 6)
    assert preset_range("30d", first, last) == (date(2024, 10, 8), last)
    assert preset_range("1y", first, last) == (date(2023, 11, 8), last)
    assert preset_range("all", first, last) == (first, last)
    assert preset_range("1y", date(2024, 10, 1), last) == (date(2024, 10, 1), last)


def test_playback_window_keeps_its_length_as_it_slides() -> None:
    first, last = date(2024, 1, 1), date(2024, 1, 31)
    window = play_window(date(2024, 1, 3), 7, first, last)
    assert window == (date(2024, 1, 3), date(2024, 1, 9))
    seen = [window]
    while seen[-1][1] < last:
        seen.append(slide_window(*seen[-1], 7, first, last))
    # Every window is 7 days long: the start moves on with the end, never left behind.
    assert {(end - start).days for start, end in seen} == {6}
    assert seen[1] == (date(2024, 1, 10), date(2024, 1, 16))
    assert seen[-1] == (date(2024, 1, 25), date(2024, 1, 31))
    # Back again, it stops at the first day instead of shrinking.
    assert slide_window(date(2024, 1, 3), date(2024, 1, 9), -7, first, last) == (
        first,
        date(2024, 1, 7),
    )
    assert play_window(date(2024, 1, 28), 7, first, last) == (date(2024, 1, 28), last)


def test_weekly_counts_by_outcome_leave_empty_weeks_out() -> None:
    frame = events_frame(
        [
            strike(date(2024, 1, 10), "A", outcome="intercepted"),
            strike(date(2024, 1, 11), "B"),
            strike(date(2024, 1, 12), "C"),
            strike(date(2024, 3, 1), "D", outcome="unknown"),
        ]
    )
    counts = weekly_outcome_counts(frame)
    assert counts.to_dict("records") == [
        {"week": pd.Timestamp("2024-01-08"), "outcome": "hit", "events": 2},
        {"week": pd.Timestamp("2024-01-08"), "outcome": "intercepted", "events": 1},
        {"week": pd.Timestamp("2024-02-26"), "outcome": "unknown", "events": 1},
    ]
    assert weekly_outcome_counts(frame.iloc[0:0]).empty


def test_period_counts_by_target_type(frame: pd.DataFrame) -> None:
    counts = period_counts(frame, "M")
    naval = counts[counts["target_type"] == "naval"]
    assert list(naval["period"]) == [pd.Timestamp("2024-05-01"), pd.Timestamp("2024-08-01")]
    assert counts["events"].sum() == 5
    assert coarse_counts(frame, "M").empty


def test_events_known_to_a_month_or_year_are_not_counted_on_its_first_day() -> None:
    events = [
        strike(date(2024, 5, 1), "A", precision="month", target_type="naval"),
        strike(date(2023, 1, 1), "B", precision="year", target_type="oil"),
        strike(date(2024, 5, 1), "C", target_type="oil"),
    ]
    frame = events_frame(events)
    weeks = period_counts(frame, "W")
    # Only the strike dated to the day is in a week (the week of Monday 29 April).
    assert weeks.to_dict("records") == [
        {"period": pd.Timestamp("2024-04-29"), "target_type": "oil", "events": 1}
    ]
    spans = coarse_counts(frame, "W").sort_values("period")
    assert spans[["period", "period_end", "precision", "events"]].to_dict("records") == [
        {
            "period": pd.Timestamp("2023-01-01"),
            "period_end": pd.Timestamp("2024-01-01"),
            "precision": "year",
            "events": 1,
        },
        {
            "period": pd.Timestamp("2024-05-01"),
            "period_end": pd.Timestamp("2024-06-01"),
            "precision": "month",
            "events": 1,
        },
    ]
    # Per month, the month-precise event is placed exactly; the year-precise one is not.
    months = period_counts(frame, "M")
    assert months["events"].sum() == 2
    assert coarse_counts(frame, "M")["precision"].tolist() == ["year"]


def test_depth_trend_shows_the_zone_widening() -> None:
    events = [
        strike(date(2024, 1, 1), "A", km=100.0),
        strike(date(2024, 1, 1), "B", km=300.0),
        strike(date(2024, 2, 1), "C", km=200.0),
        strike(date(2024, 9, 1), "D", km=1200.0),
        strike(date(2024, 9, 2), None, km=None),
    ]
    trend = depth_trend(events_frame(events), window_days=90)
    assert list(trend["date"]) == [
        pd.Timestamp("2024-01-01"),
        pd.Timestamp("2024-02-01"),
        pd.Timestamp("2024-09-01"),
    ]
    assert list(trend["max_km"]) == [300.0, 300.0, 1200.0]
    assert list(trend["median_km"]) == [200.0, 200.0, 1200.0]
    # Seven months without a strike: the line stops and starts again, drawing no trend
    # across the empty months.
    assert list(trend["segment"]) == [0, 0, 1]


def test_depth_trend_leaves_out_events_without_a_day() -> None:
    events = [
        strike(date(2024, 1, 1), "A", km=100.0),
        strike(date(2024, 1, 1), "B", km=900.0, precision="year"),
    ]
    trend = depth_trend(events_frame(events), window_days=90)
    assert list(trend["max_km"]) == [100.0]


def test_outcome_filter_leaves_interceptions_out_and_travels_in_the_link() -> None:
    frame = events_frame(
        [
            strike(date(2024, 1, 1), "A"),
            strike(date(2024, 1, 2), "B", outcome="intercepted"),
            strike(date(2024, 1, 3), "C", outcome="unknown"),
        ]
    )
    strikes_only = Filters(outcomes=("hit", "unknown"))
    assert places(apply_filters(frame, strikes_only)) == ["A", "C"]
    assert places(apply_filters(frame, Filters(outcomes=("intercepted",)))) == ["B"]
    query = filters_to_query(strikes_only)
    assert query == {"outcome": ["hit", "unknown"]}
    assert filters_from_query(query) == strikes_only
    assert filters_from_query({"outcome": ["shot", "hit"]}).outcomes == ("hit",)
    assert describe_for_filename(strikes_only) == "strikes_hit-unknown.csv"
