"""Geodesic distances: to points, to lines (checked against GeographicLib), to Ukraine's border."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon

from dashboard.errors import DataError, InputError
from dashboard.geo.geometry import (
    are_in_area,
    are_in_ukraine,
    cut_off_by_line,
    distance_to_area_km,
    distance_to_border_km,
    distance_to_line_km,
    distances_to_area_km,
    distances_to_border_km,
    distances_to_line_km,
    enclosed_outside,
    geodesic_distance_km,
    is_in_ukraine,
    points_along,
    to_local,
    to_lonlat,
)

WGS84 = Geodesic.WGS84

#: A line across southern Ukraine, with one long (~300 km) segment and sharp bends.
ZIGZAG = LineString(
    [(31.5, 46.6), (33.4, 46.8), (35.0, 47.5), (35.2, 47.45), (37.3, 48.0), (37.5, 49.8)]
)
#: Two separate parts, one of them near a pole, where degrees distort most.
TWO_PARTS = MultiLineString([[(35.0, 51.2), (35.4, 51.3)], [(10.0, 78.0), (25.0, 80.5)]])

PLACES = {
    "Kyiv": (50.4501, 30.5234),
    "Lviv": (49.8397, 24.0297),
    "Kharkiv": (49.9935, 36.2304),
    "Simferopol": (44.9521, 34.1024),
    "Sevastopol": (44.6054, 33.5221),
    "Kerch": (45.3562, 36.4674),
    "Belgorod": (50.5997, 36.5983),
    "Moscow": (55.7558, 37.6173),
    "Novorossiysk": (44.7239, 37.7708),
}


def brute_force_km(lat: float, lon: float, line: LineString | MultiLineString) -> float:
    """GeographicLib distance to the nearest of densely sampled points on each geodesic.

    Each segment is sampled at 33 points, then twice more at 33 points between the best
    sample's neighbours: near the nearest point, samples end up tens of metres apart,
    which overestimates a distance of d km by less than 0.1 / d metres.
    """
    parts = line.geoms if isinstance(line, MultiLineString) else [line]
    best = np.inf
    for part in parts:
        for (lon0, lat0), (lon1, lat1) in itertools.pairwise(part.coords):
            segment = WGS84.InverseLine(lat0, lon0, lat1, lon1)
            lo, hi = 0.0, segment.s13
            for _ in range(3):
                along = np.linspace(lo, hi, 33)
                metres = []
                for s in along:
                    pos = segment.Position(s)
                    metres.append(WGS84.Inverse(lat, lon, pos["lat2"], pos["lon2"])["s12"])
                i = int(np.argmin(metres))
                best = min(best, metres[i])
                lo, hi = along[max(i - 1, 0)], along[min(i + 1, along.size - 1)]
    return float(best) / 1000.0


def test_geodesic_distance_matches_geographiclib() -> None:
    km = geodesic_distance_km(42.8817, 47.6392, 50.4501, 30.5234)
    expected = WGS84.Inverse(42.8817, 47.6392, 50.4501, 30.5234)["s12"] / 1000.0
    assert km == pytest.approx(expected, rel=1e-12)
    assert 1500 < km < 1700  # Kaspiysk to Kyiv


@pytest.mark.parametrize("line", [ZIGZAG, TWO_PARTS], ids=["zigzag", "two-parts"])
def test_distance_to_line_is_within_a_tenth_of_a_percent_of_geographiclib(
    line: LineString | MultiLineString,
) -> None:
    rng = np.random.default_rng(2024)
    near_lats, near_lons = rng.uniform(45.5, 52.0, 16), rng.uniform(30.0, 39.0, 16)
    far_lats, far_lons = rng.uniform(-60.0, 85.0, 8), rng.uniform(-180.0, 180.0, 8)
    lats, lons = np.concatenate([near_lats, far_lats]), np.concatenate([near_lons, far_lons])
    measured = distances_to_line_km(lats, lons, line)
    for lat, lon, km in zip(lats, lons, measured, strict=True):
        reference = brute_force_km(lat, lon, line)
        # The samples lie on the line, so the true distance is at most the reference.
        assert km <= reference + 1e-6
        assert km == pytest.approx(reference, rel=1e-3)


def test_points_on_the_line_are_at_zero_km() -> None:
    segment = WGS84.InverseLine(47.45, 35.2, 48.0, 37.3)
    middle = segment.Position(segment.s13 / 3)
    on_line = [(46.8, 33.4), (47.5, 35.0), (middle["lat2"], middle["lon2"])]
    for lat, lon in on_line:
        assert distance_to_line_km(lat, lon, ZIGZAG) == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize("metres", [1.0, 100.0, 10_000.0, 50_000.0])
@pytest.mark.parametrize("side", [90.0, -90.0], ids=["left", "right"])
def test_a_point_off_a_segment_measures_its_perpendicular_offset(
    metres: float, side: float
) -> None:
    segment = WGS84.InverseLine(47.45, 35.2, 48.0, 37.3)
    foot = segment.Position(segment.s13 * 0.4)
    point = WGS84.Direct(foot["lat2"], foot["lon2"], foot["azi2"] + side, metres)
    km = distance_to_line_km(point["lat2"], point["lon2"], ZIGZAG)
    assert km * 1000.0 == pytest.approx(metres, rel=1e-6)


def test_vectorised_distances_keep_shape_and_agree_with_single_points() -> None:
    lats = np.array([[46.0, 50.0], [np.nan, 44.6]])
    lons = np.array([[30.0, 40.0], [35.0, 33.5]])
    measured = distances_to_line_km(lats, lons, ZIGZAG)
    assert measured.shape == (2, 2)
    assert np.isnan(measured[1, 0])
    assert measured[0, 1] == pytest.approx(distance_to_line_km(50.0, 40.0, ZIGZAG), rel=1e-12)


def test_a_far_point_is_as_far_as_its_nearest_vertex() -> None:
    # Vladivostok is nearest to the line's north-eastern end, a vertex.
    km = distance_to_line_km(43.1155, 131.8855, ZIGZAG)
    assert km == pytest.approx(geodesic_distance_km(43.1155, 131.8855, 49.8, 37.5), rel=1e-9)


def test_bad_coordinates_and_lines_are_refused() -> None:
    with pytest.raises(InputError):
        geodesic_distance_km(91.0, 0.0, 0.0, 0.0)
    with pytest.raises(InputError):
        distance_to_line_km(float("nan"), 30.0, ZIGZAG)
    with pytest.raises(InputError):
        distances_to_line_km([95.0], [30.0], ZIGZAG)
    with pytest.raises(InputError):
        distance_to_line_km(50.0, 30.0, LineString())


@pytest.mark.parametrize("place", ["Kyiv", "Lviv", "Kharkiv", "Simferopol", "Sevastopol", "Kerch"])
def test_places_in_ukraine_crimea_included_are_zero_km_from_the_border(place: str) -> None:
    lat, lon = PLACES[place]
    assert is_in_ukraine(lat, lon)
    assert distance_to_border_km(lat, lon) == 0.0


def test_belgorod_is_a_few_tens_of_km_from_the_border() -> None:
    lat, lon = PLACES["Belgorod"]
    assert not is_in_ukraine(lat, lon)
    assert 25.0 < distance_to_border_km(lat, lon) < 50.0


def test_moscow_and_novorossiysk_measure_to_the_nearest_border_or_crimean_coast() -> None:
    assert 400.0 < distance_to_border_km(*PLACES["Moscow"]) < 500.0
    # Novorossiysk is nearest to Crimea's Kerch peninsula, across the strait.
    assert 90.0 < distance_to_border_km(*PLACES["Novorossiysk"]) < 130.0


def test_vectorised_border_distances_agree_with_single_points() -> None:
    names = list(PLACES)
    lats = np.array([PLACES[n][0] for n in names] + [np.nan])
    lons = np.array([PLACES[n][1] for n in names] + [30.0])
    measured = distances_to_border_km(lats, lons)
    inside = are_in_ukraine(lats, lons)
    assert np.isnan(measured[-1]) and not inside[-1]
    for i, name in enumerate(names):
        assert measured[i] == pytest.approx(distance_to_border_km(*PLACES[name]), rel=1e-12)
        assert inside[i] == is_in_ukraine(*PLACES[name])


def test_a_missing_outline_is_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKEMAP_DATA_DIR", str(tmp_path))
    with pytest.raises(DataError, match="missing"):
        is_in_ukraine(50.45, 30.52)


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"type": "FeatureCollection", "features": []}),
        json.dumps({"type": "Feature", "geometry": {"type": "LineString", "coordinates": []}}),
    ],
    ids=["not-json", "no-feature", "not-a-polygon"],
)
def test_a_malformed_outline_is_a_data_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    (tmp_path / "ukraine.geojson").write_text(content, encoding="utf-8")
    monkeypatch.setenv("STRIKEMAP_DATA_DIR", str(tmp_path))
    with pytest.raises(DataError):
        distance_to_border_km(50.6, 36.6)


#: A square of about 110 x 75 km in Ukraine's latitudes, and a line across it.
SQUARE = Polygon([(30.0, 48.0), (31.0, 48.0), (31.0, 49.0), (30.0, 49.0)])


def test_points_inside_an_area_are_at_zero_km_and_others_at_its_edge() -> None:
    lats = np.array([48.5, 48.0, 48.5, 47.0, np.nan])
    lons = np.array([30.5, 30.5, 32.0, 30.5, 30.5])
    km = distances_to_area_km(lats, lons, SQUARE)
    assert list(are_in_area(lats, lons, SQUARE)) == [True, True, False, False, False]
    assert km[0] == 0.0 and km[1] == 0.0 and np.isnan(km[4])
    # Outside, the distance is the one to the square's edge, checked with GeographicLib.
    edge = LineString(SQUARE.exterior.coords)
    for i in (2, 3):
        assert km[i] == pytest.approx(brute_force_km(lats[i], lons[i], edge), rel=1e-3)
    assert distance_to_area_km(48.5, 32.0, MultiPolygon([SQUARE])) == pytest.approx(km[2])


def test_an_empty_area_cannot_be_measured() -> None:
    with pytest.raises(InputError, match="empty"):
        distances_to_area_km([48.5], [30.5], MultiPolygon())


@pytest.mark.parametrize("step", [0.5, 2.0, 25.0])
def test_points_along_a_line_are_evenly_spaced_from_end_to_end(step: float) -> None:
    lats, lons = points_along(ZIGZAG, step)
    (first_lon, first_lat), (last_lon, last_lat) = ZIGZAG.coords[0], ZIGZAG.coords[-1]
    assert (lats[0], lons[0]) == pytest.approx((first_lat, first_lon))
    assert (lats[-1], lons[-1]) == pytest.approx((last_lat, last_lon))
    gaps = [
        WGS84.Inverse(lats[i], lons[i], lats[i + 1], lons[i + 1])["s12"] / 1000.0
        for i in range(lats.size - 1)
    ]
    assert max(gaps) <= step * (1 + 1e-9)
    # Every point is on the line, and the points walk its whole length.
    assert distances_to_line_km(lats, lons, ZIGZAG).max() < 1e-6
    length = sum(
        WGS84.Inverse(a[1], a[0], b[1], b[0])["s12"] / 1000.0
        for a, b in itertools.pairwise(ZIGZAG.coords)
    )
    assert (lats.size - 1) * step >= length


def test_a_line_across_an_area_cuts_off_its_smaller_side() -> None:
    # From the south edge to the east edge: the south-east corner is cut off.
    line = LineString([(30.7, 48.05), (30.95, 48.3)])
    cut = cut_off_by_line(MultiPolygon([SQUARE]), line)
    assert cut.contains(Point(30.95, 48.02))
    assert not cut.contains(Point(30.5, 48.5))
    # The line's ends stop short of the edges: each is carried to the nearest edge point.
    corner = Polygon([(30.7, 48.0), (31.0, 48.0), (31.0, 48.3), (30.95, 48.3), (30.7, 48.05)])
    assert cut.symmetric_difference(corner).area < 1e-9


def test_the_side_cut_off_does_not_depend_on_the_lines_direction() -> None:
    line = LineString([(30.95, 48.3), (30.7, 48.05)])
    cut = cut_off_by_line(MultiPolygon([SQUARE]), line)
    assert cut.contains(Point(30.95, 48.02)) and not cut.contains(Point(30.5, 48.5))


def test_an_island_goes_with_the_nearest_piece() -> None:
    island_near_cut = Polygon([(31.1, 48.0), (31.2, 48.0), (31.2, 48.1), (31.1, 48.1)])
    island_far = Polygon([(29.5, 48.8), (29.6, 48.8), (29.6, 48.9), (29.5, 48.9)])
    area = MultiPolygon([SQUARE, island_near_cut, island_far])
    cut = cut_off_by_line(area, LineString([(30.7, 48.0), (31.0, 48.3)]))
    assert cut.contains(Point(31.15, 48.05))
    assert not cut.contains(Point(29.55, 48.85))


def test_a_line_away_from_the_area_cuts_nothing_and_one_inside_reaches_its_edge() -> None:
    inside = LineString([(30.4, 48.4), (30.6, 48.6)])
    assert cut_off_by_line(MultiPolygon([SQUARE]), LineString([(32, 48), (33, 49)])).is_empty
    # A line within the area is carried to the edge at both ends, so it does cut.
    assert not cut_off_by_line(MultiPolygon([SQUARE]), inside).is_empty


def test_a_line_outside_an_area_encloses_land_against_its_edge() -> None:
    # A salient east of the square, from its east edge and back to it.
    line = LineString([(31.0, 48.4), (31.3, 48.45), (31.3, 48.55), (31.0, 48.6)])
    enclosed = enclosed_outside(MultiPolygon([SQUARE]), line)
    assert enclosed.contains(Point(31.15, 48.5))
    assert not enclosed.contains(Point(30.5, 48.5)) and not enclosed.contains(Point(31.4, 48.5))


def test_the_local_projection_is_in_metres_and_round_trips() -> None:
    segment = LineString([(30.0, 48.0), (30.0, 49.0)])
    local = to_local(segment)
    metres = WGS84.Inverse(48.0, 30.0, 49.0, 30.0)["s12"]
    assert local.length == pytest.approx(metres, rel=2e-3)
    assert np.allclose(to_lonlat(local).coords, segment.coords, atol=1e-9)
