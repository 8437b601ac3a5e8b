"""The map page's columns: they keep, count and draw what the frame of every field would."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.coverage import coverage_frame, coverage_table
from dashboard.demo import make_demo_events
from dashboard.exports import events_frame
from dashboard.filters import (
    Filters,
    coarse_counts,
    depth_trend,
    filter_mask,
    period_counts,
    region_options,
    weekly_outcome_counts,
    with_search_text,
)
from dashboard.mapdata import MapData, read_map_data
from dashboard.mapping import DetailsDraft, DetailsTable, map_points
from dashboard.model import Event
from dashboard.store import Store
from tests.factories import event, source, spoil_row


def _read(events: list[Event], root: Path, chunk: int = 100) -> MapData:
    return read_map_data(events, DetailsDraft(root=root, url="/d", chunk=chunk))


@pytest.fixture(scope="module")
def demo() -> tuple[list[Event], pd.DataFrame]:
    events = sorted(make_demo_events(3000, seed=11), key=lambda e: (e.date, e.id))
    return events, with_search_text(events_frame(events))


FILTERS = [
    Filters(),
    Filters(start=date(2023, 3, 1)),
    Filters(end=date(2023, 6, 30)),
    # A month or a year overlapping the first day is kept: its period ends after it.
    Filters(start=date(2024, 2, 15), end=date(2024, 4, 10)),
    Filters(target_types=("oil", "airbase")),
    Filters(weapons=("missile",), outcomes=("hit", "unknown")),
    Filters(outcomes=("intercepted",)),
    Filters(regions=("UA",)),
    Filters(regions=("RU:Krasnodar Krai", "RU:Belgorod Oblast", "BY")),
    # A hand-edited link: a country with an empty region, and a region nobody has.
    Filters(regions=("RU:", "RU:Atlantis")),
    Filters(min_km=100.0),
    Filters(max_km=123.4),
    Filters(min_km=50.0, max_km=300.0, target_types=("energy",), start=date(2022, 6, 1)),
]


@pytest.mark.parametrize("filters", FILTERS, ids=[str(i) for i in range(len(FILTERS))])
def test_the_columns_keep_what_the_filters_keep(
    filters: Filters, demo: tuple[list[Event], pd.DataFrame], tmp_path: Path
) -> None:
    events, frame = demo
    data = _read(events, tmp_path)
    kept = data.mask(filters)
    expected = filter_mask(frame, filters).to_numpy()
    assert kept.tolist() == expected.tolist()
    # The timeline of the kept events is the frame's.
    weeks = data.weekly_outcome_counts(kept).reset_index(drop=True)
    pd.testing.assert_frame_equal(
        weeks, weekly_outcome_counts(frame[expected]).reset_index(drop=True)
    )


@pytest.mark.parametrize("filters", FILTERS[:5], ids=[str(i) for i in range(5)])
def test_the_columns_give_the_charts_counts_of_the_frame(
    filters: Filters, demo: tuple[list[Event], pd.DataFrame], tmp_path: Path
) -> None:
    events, frame = demo
    data = _read(events, tmp_path)
    rows = np.flatnonzero(data.mask(filters))
    charted, expected = data.chart_frame(rows), frame[filter_mask(frame, filters)]
    for freq in ("W", "M"):
        for counts in (period_counts, coarse_counts):
            pd.testing.assert_frame_equal(counts(charted, freq), counts(expected, freq))
    pd.testing.assert_frame_equal(depth_trend(charted, 60), depth_trend(expected, 60))


def test_the_columns_give_each_events_coverage_and_month(tmp_path: Path) -> None:
    events = sorted(make_demo_events(400, seed=12), key=lambda e: (e.date, e.id))
    acled = source("acled:RUS1", outlet="ACLED", url=None)
    # Some strikes coded by a provider alone, some by a provider and an article.
    events = [
        dataclasses.replace(e, sources=(acled,) if i % 3 == 0 else (*e.sources, acled))
        if i % 3 != 1
        else e
        for i, e in enumerate(events)
    ]
    data = _read(events, tmp_path)
    rows = np.arange(len(data))
    expected = coverage_frame(events)
    assert set(expected["coverage"]) == {"articles", "providers", "both"}
    assert {"month", "year"} <= set(expected["date_precision"])
    got = data.coverage_frame(rows)
    for column in got.columns:
        assert got[column].tolist() == expected[column].tolist(), column
    by_month = coverage_table(got, "period")
    pd.testing.assert_frame_equal(by_month, coverage_table(expected, "period"))


def test_a_search_keeps_the_rows_the_store_found(
    demo: tuple[list[Event], pd.DataFrame], tmp_path: Path
) -> None:
    events, frame = demo
    data = _read(events, tmp_path)
    searched = Filters(search="refinery", target_types=("oil", "energy"))
    found = frame["id"][filter_mask(frame, Filters(search="refinery"))]
    assert 0 < len(found) < len(frame)
    kept = data.mask(searched, data.rows_of(found.tolist()))
    assert kept.tolist() == filter_mask(frame, searched).tolist()
    with pytest.raises(ValueError, match="search"):
        data.mask(searched)


def test_the_columns_give_the_frames_points_regions_dates_and_ceiling(
    demo: tuple[list[Event], pd.DataFrame], tmp_path: Path
) -> None:
    events, frame = demo
    data = _read(events, tmp_path)
    assert len(data) == len(events)
    assert data.points().to_bytes() == map_points(frame).to_bytes()
    assert list(data.regions) == region_options(frame)
    assert (data.first, data.last) == (min(e.date for e in events), max(e.date for e in events))
    furthest = max(e.distance_to_front_km or 0 for e in events)
    assert data.ceiling_km - 100 < furthest <= data.ceiling_km
    unlocated = [i for i, e in enumerate(events) if not e.located]
    assert sorted(data.unlocated) == unlocated
    assert data.unlocated[unlocated[0]] == (events[unlocated[0]].place, events[unlocated[0]].quote)
    assert data.row_of(events[1234].id) == 1234 and data.row_of("no-such-id") is None
    rows = data.rows_of([events[7].id, events[2999].id, "no-such-id"])
    assert np.flatnonzero(rows).tolist() == [7, 2999]
    assert data.latest(np.ones(len(data), dtype=bool), 3).tolist() == [2997, 2998, 2999]


def test_the_popups_details_are_written_in_the_same_pass_row_for_row(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.sqlite"
    events = [
        event(place=f"Site {i}", date=date(2024, 1, 1 + i), lat=44.0 + i / 10) for i in range(25)
    ]
    with Store(path) as store:
        store.save_events(events)
    # A row the store cannot read is left out of the points and the details alike, and named.
    spoil_row(path, events[3].id, "{broken")
    with Store(path) as store:
        data = read_map_data(
            store.stream(),
            DetailsDraft(root=tmp_path / "d", url="/d", chunk=10),
            store.unreadable.items(),
        )
    assert [event_id for event_id, _ in data.unreadable] == [events[3].id]
    shown = [e for e in events if e.id != events[3].id]
    assert len(data) == 24
    assert data.details_url == f"/d/d2-{data.version}"
    folder = tmp_path / "d" / f"d2-{data.version}"
    assert sorted(p.name for p in folder.glob("*.json")) == ["0.json", "1.json", "2.json"]
    for row in (0, 3, 23):
        strings, *columns = json.loads((folder / f"{row // 10}.json").read_text("utf-8"))
        assert DetailsTable(strings, columns).row(row % 10)["place"] == shown[row].place
    # Only the published folder is left.
    assert [p.name for p in (tmp_path / "d").iterdir() if p.is_dir()] == [folder.name]


def test_the_version_names_everything_the_map_sends(tmp_path: Path) -> None:
    events = [event(place="Tuapse", lat=44.1), event(place="Yeysk", lat=46.7)]
    version = _read(events, tmp_path / "a").version
    assert _read(events, tmp_path / "b").version == version
    # A quote only a popup shows, and a point moved, each make a new version.
    quoted = [dataclasses.replace(events[0], sources=(source(quote="Another."),)), events[1]]
    assert _read(quoted, tmp_path / "c").version != version
    moved = [events[0], dataclasses.replace(events[1], lat=46.8)]
    assert _read(moved, tmp_path / "d").version != version


def test_no_events_are_columns_of_nothing(tmp_path: Path) -> None:
    data = _read([], tmp_path)
    assert data.empty and len(data.points()) == 0 and data.regions == ()
    assert data.first == data.last == date.today()
    assert data.mask(Filters(target_types=("oil",))).tolist() == []
    assert data.weekly_outcome_counts(data.mask(Filters())).empty
    assert (tmp_path / f"d2-{data.version}" / "0.json").is_file()
