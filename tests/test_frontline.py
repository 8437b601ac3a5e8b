"""Front-line snapshots: the shipped line, the snapshot in force on a date, the format rules."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from shapely.geometry import MultiLineString, shape

from dashboard.errors import DataError
from dashboard.frontline import (
    distance_to_front_km,
    distances_to_front_km,
    frontline_for,
    load_frontlines,
)
from dashboard.geometry import distances_to_line_km, is_in_ukraine
from dashboard.settings import REPO_DIR

DEEPSTATE_20241101 = (
    REPO_DIR.parent / "shared" / "frontlines" / "deepstate" / "occupied_20241101.geojson"
)


def snapshot(day: str, coords: list[list[float]], **props: Any) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "valid_from": day,
        "name": f"Test line {day}",
        "sources": ["made up for a test"],
        "via": [f"v{i}" for i in range(len(coords))],
    }
    properties.update(props)
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": properties,
                "geometry": {"type": "LineString", "coordinates": coords},
            }
        ],
    }


def write(data_dir: Path, day: str, content: dict[str, Any] | str) -> Path:
    folder = data_dir / "frontlines"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{day}.geojson"
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def three_snapshots(tmp_path: Path) -> Path:
    # Three north-south lines further east each time, 1 degree of longitude apart.
    for day, lon in (("2023-01-01", 35.0), ("2024-01-01", 36.0), ("2025-01-01", 37.0)):
        write(tmp_path, day, snapshot(day, [[lon, 47.0], [lon, 50.0]]))
    return tmp_path


def test_the_shipped_snapshot_of_2024_11_01_is_complete() -> None:
    (first, *_) = [f for f in load_frontlines() if f.id == "2024-11-01"]
    assert first.valid_from == date(2024, 11, 1)
    assert isinstance(first.line, MultiLineString) and len(first.line.geoms) == 2
    assert sum(len(part.coords) for part in first.line.geoms) == len(first.via)
    assert first.sources and all(first.sources)
    assert {"Robotyne", "Toretsk", "Chasiv Yar", "Vovchansk", "Malaya Loknya"} <= set(first.via)


def test_kaspiysk_is_about_970_km_from_the_front_of_november_2024() -> None:
    km, snapshot_id = distance_to_front_km(42.8817, 47.6392, date(2024, 11, 1))
    assert snapshot_id == "2024-11-01"
    assert 930.0 <= km <= 1010.0


@pytest.mark.parametrize(
    ("place", "lat", "lon", "most_km"),
    [
        ("Kherson, on the Dnipro", 46.6354, 32.6169, 5.0),
        ("Chasiv Yar", 48.5877, 37.8341, 3.0),
        ("Vovchansk", 50.2908, 36.9411, 3.0),
        ("Sudzha, in the Kursk salient", 51.1914, 35.2706, 15.0),
    ],
)
def test_frontline_towns_are_on_the_line(
    place: str, lat: float, lon: float, most_km: float
) -> None:
    km, _ = distance_to_front_km(lat, lon, date(2024, 11, 1))
    assert km <= most_km, place


def test_kyiv_and_moscow_are_hundreds_of_km_from_the_front() -> None:
    kyiv, _ = distance_to_front_km(50.4501, 30.5234, date(2024, 11, 1))
    moscow, _ = distance_to_front_km(55.7558, 37.6173, date(2024, 11, 1))
    assert 250.0 < kyiv < 450.0
    assert 400.0 < moscow < 650.0


def test_the_snapshot_in_force_is_the_latest_that_started(three_snapshots: Path) -> None:
    def in_force(day: date) -> str:
        return frontline_for(day, three_snapshots).id

    assert in_force(date(2022, 2, 24)) == "2023-01-01"  # before the first: the first
    assert in_force(date(2023, 1, 1)) == "2023-01-01"
    assert in_force(date(2023, 12, 31)) == "2023-01-01"
    assert in_force(date(2024, 1, 1)) == "2024-01-01"
    assert in_force(date(2030, 1, 1)) == "2025-01-01"


def test_snapshots_load_oldest_first_with_their_properties(three_snapshots: Path) -> None:
    loaded = load_frontlines(three_snapshots)
    assert [f.id for f in loaded] == ["2023-01-01", "2024-01-01", "2025-01-01"]
    assert loaded[0].via == ("v0", "v1") and loaded[0].sources == ("made up for a test",)


def test_distance_uses_the_line_of_the_events_date(three_snapshots: Path) -> None:
    # A point on the 2024 line: 0 km in 2024, about 76 km (1 degree east) in 2023.
    on_2024, used = distance_to_front_km(48.5, 36.0, date(2024, 6, 1), three_snapshots)
    in_2023, _ = distance_to_front_km(48.5, 36.0, date(2023, 6, 1), three_snapshots)
    assert used == "2024-01-01" and on_2024 == pytest.approx(0.0, abs=1e-6)
    assert 70.0 < in_2023 < 80.0


def test_vectorised_distances_group_points_by_snapshot(three_snapshots: Path) -> None:
    lats = np.array([48.5, 48.5, 48.5, np.nan])
    lons = np.array([36.0, 36.0, 38.0, 36.0])
    days = [date(2024, 6, 1), date(2023, 6, 1), date(2026, 1, 1), date(2024, 6, 1)]
    km, ids = distances_to_front_km(lats, lons, days, three_snapshots)
    assert list(ids) == ["2024-01-01", "2023-01-01", "2025-01-01", "2024-01-01"]
    for i in range(3):
        single, _ = distance_to_front_km(lats[i], lons[i], days[i], three_snapshots)
        assert km[i] == pytest.approx(single, rel=1e-12)
    assert np.isnan(km[3])


def test_a_changed_snapshot_file_is_read_again(three_snapshots: Path) -> None:
    path = write(
        three_snapshots, "2024-01-01", snapshot("2024-01-01", [[36.5, 47.0], [36.5, 50.0]])
    )
    # Some file systems keep coarse modification times: make the change visible.
    later = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))
    line = frontline_for(date(2024, 6, 1), three_snapshots).line
    assert line.coords[0] == (36.5, 47.0)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "GeoJSON"),
        (
            snapshot("2024-01-01", [[36.0, 47.0], [36.0, 50.0]], valid_from="2024-02-01"),
            "valid_from",
        ),
        (snapshot("2024-01-01", [[36.0, 47.0], [36.0, 50.0]], via=["only one"]), "via"),
        (snapshot("2024-01-01", [[36.0, 47.0], [36.0, 50.0]], sources=[]), "sources"),
        (snapshot("2024-01-01", [[36.0, 47.0], [36.0, 50.0]], name=""), "name"),
        (snapshot("2024-01-01", [[47.0, 236.0], [36.0, 50.0]]), "lon, lat"),
        (
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[36, 47], [36, 50]]},
            },
            "properties",
        ),
        (
            {
                "type": "Feature",
                "properties": {"valid_from": "2024-01-01"},
                "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
            },
            "LineString",
        ),
    ],
    ids=[
        "not-json",
        "wrong-date",
        "via-count",
        "no-sources",
        "no-name",
        "lat-lon-swapped",
        "no-properties",
        "polygon",
    ],
)
def test_a_snapshot_that_breaks_the_format_is_a_data_error(
    tmp_path: Path, content: dict[str, Any] | str, message: str
) -> None:
    write(tmp_path, "2024-01-01", content)
    with pytest.raises(DataError, match=message):
        load_frontlines(tmp_path)


def test_no_folder_or_no_snapshot_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no front-line folder"):
        frontline_for(date(2024, 1, 1), tmp_path)
    (tmp_path / "frontlines").mkdir()
    (tmp_path / "frontlines" / "README.md").write_text("not a snapshot", encoding="utf-8")
    with pytest.raises(DataError, match="no front-line snapshot"):
        load_frontlines(tmp_path)


@pytest.mark.shared
@pytest.mark.skipif(not DEEPSTATE_20241101.is_file(), reason="../shared/frontlines is absent")
def test_the_2024_11_01_line_follows_deepstates_occupied_area_boundary() -> None:
    """Median distance from our vertices in Ukraine to DeepState's boundary of that day."""
    data = json.loads(DEEPSTATE_20241101.read_text(encoding="utf-8"))
    occupied = shape(data["features"][0]["geometry"])
    rings = [ring.coords for poly in occupied.geoms for ring in (poly.exterior, *poly.interiors)]
    boundary = MultiLineString(rings)
    ours = frontline_for(date(2024, 11, 1))
    vertices = np.array([xy for part in ours.line.geoms for xy in part.coords])
    in_ukraine = np.array([is_in_ukraine(lat, lon) for lon, lat in vertices])
    km = distances_to_line_km(vertices[in_ukraine, 1], vertices[in_ukraine, 0], boundary)
    median = float(np.median(km))
    print(f"median distance of {km.size} vertices to DeepState 2024-11-01: {median:.1f} km")
    assert median < 10.0
