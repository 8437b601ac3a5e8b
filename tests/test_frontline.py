"""Front-line snapshots: the shipped line, the snapshot in force on a date, the format rules,
imported snapshots, and the three distances and the side of a point."""

from __future__ import annotations

import itertools
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from pyproj import Geod
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, shape

from dashboard.errors import DataError, InputError
from dashboard.geo.frontline import (
    SHORE_KM,
    Frontline,
    distance_to_front_km,
    distance_to_held_km,
    distances_to_front_km,
    distances_to_held_km,
    frontline_for,
    load_frontlines,
    load_imported,
    load_series,
    measure_point,
    measure_points,
    side_of,
    sides_of,
    write_imported,
)
from dashboard.geo.geometry import distance_to_line_km, distances_to_line_km, is_in_ukraine
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


def test_kaspiysk_is_about_970_km_from_the_front_of_november_2024(defaults: Path) -> None:
    km, snapshot_id = distance_to_front_km(42.8817, 47.6392, date(2024, 11, 1), defaults)
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
    defaults: Path, place: str, lat: float, lon: float, most_km: float
) -> None:
    km, _ = distance_to_front_km(lat, lon, date(2024, 11, 1), defaults)
    assert km <= most_km, place


def test_kyiv_and_moscow_are_hundreds_of_km_from_the_front(defaults: Path) -> None:
    kyiv, _ = distance_to_front_km(50.4501, 30.5234, date(2024, 11, 1), defaults)
    moscow, _ = distance_to_front_km(55.7558, 37.6173, date(2024, 11, 1), defaults)
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
def test_the_2024_11_01_line_follows_deepstates_occupied_area_boundary(defaults: Path) -> None:
    """Median distance from our vertices in Ukraine to DeepState's boundary of that day."""
    data = json.loads(DEEPSTATE_20241101.read_text(encoding="utf-8"))
    occupied = shape(data["features"][0]["geometry"])
    rings = [ring.coords for poly in occupied.geoms for ring in (poly.exterior, *poly.interiors)]
    boundary = MultiLineString(rings)
    ours = frontline_for(date(2024, 11, 1), defaults)
    vertices = np.array([xy for part in ours.line.geoms for xy in part.coords])
    in_ukraine = np.array([is_in_ukraine(lat, lon) for lon, lat in vertices])
    km = distances_to_line_km(vertices[in_ukraine, 1], vertices[in_ukraine, 0], boundary)
    median = float(np.median(km))
    print(f"median distance of {km.size} vertices to DeepState 2024-11-01: {median:.1f} km")
    assert median < 10.0


# Three distances and the side of a point, on the shipped series and with imports.

KASPIYSK = (42.8817, 47.6392)
SEVASTOPOL = (44.6054, 33.5221)
DONETSK = (48.0159, 37.8029)
KHARKIV = (49.9935, 36.2304)
KHERSON = (46.6354, 32.6169)
MOSCOW = (55.7558, 37.6173)
SUDZHA = (51.1914, 35.2706)
WGS84 = Geodesic.WGS84


@pytest.fixture(scope="module")
def defaults(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the shipped snapshots only, whatever the user imported."""
    data_dir = tmp_path_factory.mktemp("defaults")
    (data_dir / "frontlines").mkdir()
    for path in sorted((REPO_DIR / "data" / "frontlines").glob("*.geojson")):
        (data_dir / "frontlines" / path.name).symlink_to(path)
    return data_dir


@pytest.fixture
def with_imports(tmp_path: Path) -> Path:
    """A data folder with the shipped snapshots, ready for imported ones."""
    (tmp_path / "frontlines").mkdir()
    for path in sorted((REPO_DIR / "data" / "frontlines").glob("*.geojson")):
        (tmp_path / "frontlines" / path.name).symlink_to(path)
    return tmp_path


def imported(day: str, line: Any, occupied: Any = None) -> Frontline:
    return Frontline(
        id=f"imported/{day}",
        valid_from=date.fromisoformat(day),
        name=f"Imported {day}",
        line=line,
        sources=("a test",),
        via=(),
        origin="imported",
        occupied=occupied,
    )


def reference_km(lat: float, lon: float, area: MultiPolygon) -> float:
    """GeographicLib distance to the edge of an area, by exhaustion.

    Any point of a segment lies within half its length of one of its ends, so only the
    segments whose nearer end is that close to the nearest vertex need sampling; those are
    sampled every 50 m, which overestimates by under 0.1 m at 10 km and more.
    """
    ends = [
        (a, b)
        for polygon in area.geoms
        for ring in (polygon.exterior, *polygon.interiors)
        for a, b in itertools.pairwise(ring.coords)
    ]
    to_start = np.array([WGS84.Inverse(lat, lon, a[1], a[0])["s12"] for a, _ in ends])
    to_end = np.array([WGS84.Inverse(lat, lon, b[1], b[0])["s12"] for _, b in ends])
    lengths = np.array([WGS84.Inverse(a[1], a[0], b[1], b[0])["s12"] for a, b in ends])
    best = float(min(to_start.min(), to_end.min()))
    for i in np.flatnonzero(np.minimum(to_start, to_end) - lengths / 2 < best):
        (lon0, lat0), (lon1, lat1) = ends[i]
        segment = WGS84.InverseLine(lat0, lon0, lat1, lon1)
        for s in np.linspace(0.0, segment.s13, max(2, int(segment.s13 / 50.0) + 1)):
            pos = segment.Position(s)
            best = min(best, WGS84.Inverse(lat, lon, pos["lat2"], pos["lon2"])["s12"])
    return best / 1000.0


@pytest.mark.parametrize(
    ("place", "where", "day", "side", "snapshot_id"),
    [
        ("Kaspiysk", KASPIYSK, "2024-11-01", "russia", "2024-11-01"),
        ("Moscow", MOSCOW, "2024-11-01", "russia", "2024-11-01"),
        ("Sevastopol", SEVASTOPOL, "2024-11-01", "occupied", "2024-11-01"),
        ("Sevastopol", SEVASTOPOL, "2022-05-15", "occupied", "2022-05-01"),
        ("Donetsk", DONETSK, "2023-06-01", "occupied", "2023-05-21"),
        ("Melitopol", (46.8489, 35.3653), "2023-09-10", "occupied", "2023-08-28"),
        ("Kharkiv", KHARKIV, "2024-11-01", "ukraine_held", "2024-11-01"),
        ("Kyiv", (50.4501, 30.5234), "2022-06-10", "ukraine_held", "2022-06-01"),
        ("Zaporizhzhia", (47.8388, 35.1396), "2025-10-01", "ukraine_held", "2025-10-01"),
        # Kherson's point lies 0.4 km out on the Dnipro: the nearest land decides.
        ("Kherson after the withdrawal", KHERSON, "2022-12-01", "ukraine_held", "2022-11-12"),
        # Before the first snapshot, the first (April 2022) is the best line known.
        ("Kherson under occupation", KHERSON, "2022-03-15", "occupied", "2022-04-01"),
        ("Kherson under occupation", KHERSON, "2022-10-20", "occupied", "2022-10-05"),
        ("Sudzha, Kursk incursion", SUDZHA, "2024-09-15", "ukraine_held", "2024-08-15"),
        ("Sudzha, after the incursion", SUDZHA, "2025-04-15", "russia", "2025-03-16"),
    ],
)
def test_each_place_lies_on_the_side_history_says(
    defaults: Path,
    place: str,
    where: tuple[float, float],
    day: str,
    side: str,
    snapshot_id: str,
) -> None:
    measured = measure_point(*where, date.fromisoformat(day), defaults)
    assert (measured.side, measured.frontline_id) == (side, snapshot_id), place
    assert side_of(*where, date.fromisoformat(day), defaults) == side
    # Held territory is 0 km away on it (a point on the water off it: the shore's distance).
    if side == "ukraine_held":
        assert measured.held_km <= min(SHORE_KM, measured.border_km), place
    else:
        assert measured.held_km > 0.0, place


def test_distance_to_held_territory_of_kharkiv_sevastopol_moscow_and_sudzha(
    defaults: Path,
) -> None:
    day = date(2024, 11, 1)
    assert distance_to_held_km(*KHARKIV, day, defaults) == (0.0, "2024-11-01")
    # Across the Black Sea or the Dnipro to the Kherson and Mykolaiv coast.
    sevastopol, _ = distance_to_held_km(*SEVASTOPOL, day, defaults)
    assert 180.0 < sevastopol < 260.0
    # The nearest Ukrainian land, Sumy and Chernihiv oblasts, is held: as far as the border.
    moscow = measure_point(*MOSCOW, day, defaults)
    assert moscow.held_km == pytest.approx(moscow.border_km, rel=1e-9)
    assert 400.0 < moscow.held_km < 500.0
    # Sudzha was inside the Ukrainian-held part of Kursk oblast, then 12 km from Ukraine.
    assert distance_to_held_km(*SUDZHA, date(2024, 9, 15), defaults)[0] < 2.0
    after, _ = distance_to_held_km(*SUDZHA, date(2025, 4, 15), defaults)
    assert 8.0 < after < 16.0


@pytest.mark.parametrize(
    ("where", "day"),
    [(MOSCOW, "2024-11-01"), (SEVASTOPOL, "2023-06-01"), (KASPIYSK, "2022-09-05")],
    ids=["Moscow", "Sevastopol", "Kaspiysk"],
)
def test_distance_to_held_territory_matches_geographiclib(
    defaults: Path, where: tuple[float, float], day: str
) -> None:
    measured = measure_point(*where, date.fromisoformat(day), defaults)
    held = frontline_for(date.fromisoformat(day), defaults).territory.held
    reference = reference_km(*where, held)
    assert measured.held_km <= reference + 1e-6
    assert measured.held_km == pytest.approx(reference, rel=1e-3)


def test_the_occupied_area_of_every_default_snapshot_is_plausible(defaults: Path) -> None:
    geod = Geod(ellps="WGS84")
    always_occupied = [SEVASTOPOL, (44.9521, 34.1024), DONETSK, (48.5740, 39.3078)]
    never_occupied = [KHARKIV, (50.4501, 30.5234), (46.4825, 30.7233), (48.4647, 35.0462)]
    for snapshot in load_frontlines(defaults):
        occupied = snapshot.territory.occupied
        km2 = abs(geod.geometry_area_perimeter(occupied)[0]) / 1e6
        # About 18-20 % of Ukraine's 603,500 km2 throughout.
        assert 100_000 < km2 < 130_000, snapshot.id
        assert all(occupied.contains(Point(lon, lat)) for lat, lon in always_occupied)
        assert not any(occupied.contains(Point(lon, lat)) for lat, lon in never_occupied)


def test_vectorised_measurements_agree_with_single_points(defaults: Path) -> None:
    lats = np.array([KASPIYSK[0], SEVASTOPOL[0], KHARKIV[0], np.nan])
    lons = np.array([KASPIYSK[1], SEVASTOPOL[1], KHARKIV[1], 30.0])
    days = [date(2024, 11, 1), date(2023, 6, 1), date(2022, 6, 1), date(2024, 1, 1)]
    measured = measure_points(lats, lons, days, defaults)
    assert len(measured) == 4
    assert list(measured.side) == ["russia", "occupied", "ukraine_held", ""]
    assert np.isnan(measured.front_km[3]) and np.isnan(measured.held_km[3])
    for i in range(3):
        assert measured[i] == measure_point(lats[i], lons[i], days[i], defaults)
    assert list(sides_of(lats, lons, days, defaults)) == list(measured.side)
    km, ids = distances_to_held_km(lats, lons, days, defaults)
    assert np.array_equal(km[:3], measured.held_km[:3]) and list(ids) == list(measured.frontline_id)
    with pytest.raises(InputError):
        measured[3]


def test_an_imported_snapshot_replaces_the_default_of_its_date(with_imports: Path) -> None:
    # A made-up occupied square around Kharkiv shows which snapshot is measured.
    square = Polygon([(36.0, 49.8), (36.5, 49.8), (36.5, 50.2), (36.0, 50.2)])
    line = LineString(square.exterior.coords)
    path = write_imported(
        imported("2024-11-01", line, MultiPolygon([square])), "test.geojson", with_imports
    )
    assert path == with_imports / "frontlines" / "imported" / "2024-11-01.geojson"
    assert "imported/2024-11-01" not in [s.id for s in load_frontlines(with_imports)]
    series = [s.id for s in load_series(with_imports)]
    assert "imported/2024-11-01" in series and "2024-11-01" not in series
    measured = measure_point(*KHARKIV, date(2024, 12, 1), with_imports)
    assert (measured.side, measured.frontline_id) == ("occupied", "imported/2024-11-01")
    assert measured.front_km == pytest.approx(distance_to_line_km(*KHARKIV, line))
    # The next snapshot, a default one, takes over on its own date.
    assert frontline_for(date(2025, 1, 6), with_imports).id == "2025-01-06"
    assert side_of(*KHARKIV, date(2025, 1, 6), with_imports) == "ukraine_held"


def test_an_imported_snapshot_is_in_force_until_the_next_of_either_kind(
    with_imports: Path,
) -> None:
    line = frontline_for(date(2024, 11, 1), with_imports).line
    write_imported(imported("2024-11-20", line), "test.geojson", with_imports)
    assert frontline_for(date(2024, 11, 19), with_imports).id == "2024-11-01"
    assert frontline_for(date(2024, 11, 20), with_imports).id == "imported/2024-11-20"
    assert frontline_for(date(2025, 1, 5), with_imports).id == "imported/2024-11-20"
    assert frontline_for(date(2025, 1, 6), with_imports).id == "2025-01-06"
    stored = load_imported(with_imports)[0]
    assert stored.origin == "imported" and stored.via == () and stored.occupied is None


def test_an_import_during_the_kursk_incursion_keeps_the_held_part_of_kursk(
    with_imports: Path,
) -> None:
    # A main line only, as DeepStateMap's occupied area gives it.
    main = frontline_for(date(2024, 7, 8), with_imports).line.geoms[0]
    write_imported(imported("2024-09-01", main), "test.geojson", with_imports)
    snapshot = frontline_for(date(2024, 9, 15), with_imports)
    assert snapshot.id == "imported/2024-09-01"
    assert any("Kursk" in source and "2024-08-15" in source for source in snapshot.sources)
    assert not snapshot.territory.held_abroad.is_empty
    assert side_of(*SUDZHA, date(2024, 9, 15), with_imports) == "ukraine_held"
    # Before the incursion the same import would have no Kursk part.
    write_imported(imported("2024-07-20", main), "test.geojson", with_imports)
    assert frontline_for(date(2024, 7, 25), with_imports).territory.held_abroad.is_empty


@pytest.mark.parametrize(
    ("second", "message"),
    [
        ({"type": "Feature", "properties": {}, "geometry": None}, "role"),
        (
            {
                "type": "Feature",
                "properties": {"role": "occupied"},
                "geometry": {"type": "LineString", "coordinates": [[36, 47], [36, 50]]},
            },
            "Polygon",
        ),
    ],
    ids=["no-role", "not-a-polygon"],
)
def test_an_imported_snapshot_with_a_bad_occupied_area_is_a_data_error(
    with_imports: Path, second: dict[str, Any], message: str
) -> None:
    data = snapshot("2024-01-01", [[36.0, 47.0], [36.0, 50.0]])
    data["features"][0]["properties"].pop("via")
    data["features"].append(second)
    folder = with_imports / "frontlines" / "imported"
    folder.mkdir()
    (folder / "2024-01-01.geojson").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_series(with_imports)
