"""The project's default front-line series in data/frontlines: format, coverage, history.

The last test compares every snapshot with DeepStateMap's line of the same month (it needs
../shared/frontlines/deepstate and is skipped without it) and prints the table.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from dashboard.geo.frontline import distance_to_front_km, load_frontlines
from dashboard.geo.geometry import (
    are_in_ukraine,
    distances_to_line_km,
    ukraine_border,
    ukraine_outline,
)

REPO_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_DIR / "data"
SERIES_DIR = DATA_DIR / "frontlines"
DEEPSTATE_DIR = REPO_DIR.parent / "shared" / "frontlines" / "deepstate"
FILES = sorted(SERIES_DIR.glob("*.geojson"))


def _load_check_script() -> ModuleType:
    path = REPO_DIR / "scripts" / "check_frontlines.py"
    spec = importlib.util.spec_from_file_location("check_frontlines", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _feature(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection", path.name
    assert len(data["features"]) == 1, path.name
    feature: dict[str, Any] = data["features"][0]
    return feature


def _parts(feature: dict[str, Any]) -> list[list[list[float]]]:
    geometry = feature["geometry"]
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    assert geometry["type"] == "MultiLineString"
    parts: list[list[list[float]]] = geometry["coordinates"]
    return parts


def test_series_spans_april_2022_to_at_least_november_2025() -> None:
    ids = [path.stem for path in FILES]
    assert len(ids) >= 25
    assert ids[0] <= "2022-04-03" and ids[0] >= "2022-04-01"
    assert ids[-1] >= "2025-11-01"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_file_follows_the_snapshot_format(path: Path) -> None:
    feature = _feature(path)
    props = feature["properties"]
    assert date.fromisoformat(props["valid_from"]).isoformat() == path.stem
    assert isinstance(props["name"], str) and props["name"].strip()
    assert isinstance(props["sources"], list) and props["sources"]
    assert all(isinstance(s, str) and s.strip() for s in props["sources"])
    parts = _parts(feature)
    assert all(len(part) >= 2 for part in parts)
    via = props["via"]
    assert len(via) == sum(len(part) for part in parts), "one name per vertex"
    assert all(isinstance(name, str) and name.strip() and name != "?" for name in via)
    for part in parts:
        lons = np.array([p[0] for p in part])
        lats = np.array([p[1] for p in part])
        # Every vertex is in Ukraine or, for the Kursk incursion, just across the border.
        assert ((lons > 29.0) & (lons < 41.0) & (lats > 44.0) & (lats < 52.5)).all()


def test_project_loader_reads_the_whole_series_in_date_order() -> None:
    snapshots = load_frontlines(DATA_DIR)
    assert [s.id for s in snapshots] == [p.stem for p in FILES]
    days = [s.valid_from for s in snapshots]
    assert days == sorted(days) and len(set(days)) == len(days)


def test_every_quarter_from_2022_q2_to_2025_q4_has_a_snapshot() -> None:
    starts = [date.fromisoformat(p.stem) for p in FILES]
    quarters = {(d.year, (d.month - 1) // 3 + 1) for d in starts}
    missing = [
        (year, q)
        for year in range(2022, 2026)
        for q in range(1, 5)
        if (year, q) >= (2022, 2) and (year, q) not in quarters
    ]
    assert not missing


@pytest.mark.parametrize(
    ("event", "first", "last"),
    [
        ("after the withdrawal from the north", "2022-04-01", "2022-04-10"),
        ("Sievierodonetsk and Lysychansk", "2022-06-24", "2022-07-10"),
        ("Kharkiv counter-offensive", "2022-09-10", "2022-09-30"),
        ("Kherson right bank withdrawal", "2022-11-11", "2022-11-30"),
        ("Bakhmut", "2023-05-20", "2023-06-05"),
        ("2023 counter-offensive at Robotyne", "2023-08-20", "2023-09-15"),
        ("Avdiivka", "2024-02-17", "2024-03-05"),
        ("Vovchansk", "2024-05-10", "2024-05-31"),
        ("Kursk incursion", "2024-08-06", "2024-08-31"),
        ("end of the Kursk incursion", "2025-03-10", "2025-03-31"),
        ("Kurakhove", "2025-01-01", "2025-01-31"),
    ],
)
def test_large_changes_have_their_own_snapshot(event: str, first: str, last: str) -> None:
    assert any(first <= p.stem <= last for p in FILES), event


def test_kursk_part_exists_exactly_during_the_incursion() -> None:
    for path in FILES:
        outside = False
        for part in _parts(_feature(path)):
            lats = np.array([p[1] for p in part])
            lons = np.array([p[0] for p in part])
            # A part with most vertices in Russia is the Ukrainian-held part of Kursk oblast.
            outside |= bool((~are_in_ukraine(lats, lons)).mean() > 0.5)
        during = "2024-08-06" <= path.stem < "2025-03-13"
        assert outside == during, path.stem


def test_main_line_runs_from_the_dnipro_mouth_to_the_russian_border() -> None:
    border = ukraine_border()
    for path in FILES:
        main = _parts(_feature(path))[0]
        (lon0, lat0), (lon1, lat1) = main[0], main[-1]
        ends = distances_to_line_km(np.array([lat0, lat1]), np.array([lon0, lon1]), border)
        # Start on the Dnipro-Buh estuary or the Kinburn spit, west of the Dnipro's lower bend.
        assert lon0 < 33.0 and lat0 < 46.9 and ends[0] < 15.0, path.stem
        # Finish on the state border with Russia, in Kharkiv oblast or north of Kharkiv.
        assert lat1 > 49.5 and lon1 > 36.0 and ends[1] < 15.0, path.stem


@pytest.mark.parametrize(
    ("place", "lat", "lon", "day", "low", "high"),
    [
        # Kherson was held by Russia until 11 November 2022, then faced the front across the river.
        ("Kherson", 46.6354, 32.6169, "2022-10-10", 20.0, 60.0),
        ("Kherson", 46.6354, 32.6169, "2022-11-15", 0.0, 8.0),
        # Balakliia was on the line until the Kharkiv counter-offensive of early September 2022.
        ("Balakliia", 49.4627, 36.8586, "2022-09-05", 0.0, 5.0),
        ("Balakliia", 49.4627, 36.8586, "2022-09-15", 30.0, 120.0),
        # Lyman was the front in mid-September 2022 and retaken on 1 October.
        ("Lyman", 48.9853, 37.8092, "2022-09-15", 0.0, 5.0),
        ("Lyman", 48.9853, 37.8092, "2022-10-10", 15.0, 60.0),
        # Sudzha sat inside the Ukrainian-held part of Kursk oblast, then far from any front.
        ("Sudzha", 51.1914, 35.2706, "2024-09-01", 0.0, 15.0),
        ("Sudzha", 51.1914, 35.2706, "2025-04-01", 50.0, 300.0),
    ],
)
def test_places_lie_as_far_from_the_front_as_history_says(
    place: str, lat: float, lon: float, day: str, low: float, high: float
) -> None:
    km, snapshot = distance_to_front_km(lat, lon, date.fromisoformat(day), DATA_DIR)
    assert low <= km <= high, f"{place} on {day}: {km:.1f} km from snapshot {snapshot}"


@pytest.mark.shared
@pytest.mark.skipif(not DEEPSTATE_DIR.is_dir(), reason="../shared/frontlines/deepstate absent")
def test_every_month_lies_within_a_median_10_km_of_deepstate() -> None:
    script = _load_check_script()
    rows = script.check(DEEPSTATE_DIR, load_frontlines(DATA_DIR))
    table = script.format_table(rows)
    print("\n" + table)
    months = [r.month for r in rows]
    assert months[0] == "2022-04" and len(months) == len(set(months))
    assert len(rows) == len(script.deepstate_files(DEEPSTATE_DIR))
    assert all(r.median_km < 10.0 for r in rows), table


@pytest.mark.shared
@pytest.mark.skipif(not DEEPSTATE_DIR.is_dir(), reason="../shared/frontlines/deepstate absent")
def test_deepstate_front_leaves_out_border_coast_and_historical_polygons() -> None:
    script = _load_check_script()
    files = dict(script.deepstate_files(DEEPSTATE_DIR))
    outline = ukraine_outline()
    raw = script.deepstate_front(script.occupied_area(files[date(2023, 6, 2)]), outline)
    cleaned = script.deepstate_front(script.occupied_area(files[date(2025, 10, 1)]), outline)
    border = ukraine_border()
    for front in (raw, cleaned):
        lats, lons = script.sample_points(front)
        assert are_in_ukraine(lats, lons).all()
        assert distances_to_line_km(lats, lons, border).min() > 2.5
        # One front of several hundred km, not the whole outline of the occupied area:
        # the samples are 2 km apart.
        assert 700 < 2.0 * len(lats) < 1600
