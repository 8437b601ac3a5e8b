"""Importing real front lines: DeepStateMap labels and dates, plain GeoJSON, the command.

Tests marked ``shared`` read the real DeepStateMap files in ``../shared/frontlines/deepstate``
(never copied into the project) and are skipped without them.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pyproj import Geod
from shapely.geometry import LineString, Point, Polygon, mapping

from dashboard.errors import InputError
from dashboard.geo.deepstate import (
    add_frontline_commands,
    date_in_name,
    deepstate_files,
    front_of,
    import_files,
    is_occupied_label,
    occupied_area,
    read_file,
    run_frontline,
)
from dashboard.geo.frontline import frontline_for, load_frontlines, load_imported, measure_point
from dashboard.geo.geometry import (
    are_in_ukraine,
    distances_to_line_km,
    points_along,
    ukraine_border,
    ukraine_outline,
)
from dashboard.settings import REPO_DIR

DEEPSTATE_DIR = REPO_DIR.parent / "shared" / "frontlines" / "deepstate"
RAW_2023_06 = DEEPSTATE_DIR / "raw_20230602_1685748729.geojson"
CLEANED_2024_11 = DEEPSTATE_DIR / "occupied_20241101.geojson"
GEOD = Geod(ellps="WGS84")
#: A made-up occupied square east of Kharkiv, for files written by the tests.
SQUARE = Polygon([(36.5, 49.6), (37.0, 49.6), (37.0, 50.0), (36.5, 50.0)])


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The configured data folder: the shipped snapshots and outline, no imports yet."""
    (tmp_path / "frontlines").mkdir()
    for path in sorted((REPO_DIR / "data" / "frontlines").glob("*.geojson")):
        (tmp_path / "frontlines" / path.name).symlink_to(path)
    (tmp_path / "ukraine.geojson").symlink_to(REPO_DIR / "data" / "ukraine.geojson")
    monkeypatch.setenv("STRIKEMAP_DATA_DIR", str(tmp_path))
    return tmp_path


def collection(*features: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features), **extra}


def feature(geometry: Any, **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_frontline_commands(parser.add_subparsers(dest="command", required=True))
    return run_frontline(parser.parse_args(["frontline", *argv]))


@pytest.mark.parametrize(
    ("name", "occupied"),
    [
        ("Окуповано /// Occupied /// geoJSON.status.occupied", True),
        ("Окуповано /// Occupied\xa0/// geoJSON.status.occupied\n", True),
        ("Окуповано", True),
        ("Ізюм. Окуповано\xa0", True),
        ("ОРДЛО /// CADR and CALR\xa0/// geoJSON.territories.ordlo", True),
        ("ОРДЛО", True),
        ("Крим", True),
        ("Окупований Крим /// Occupied Crimea", True),
        ("Рубіжне. Території зайняті ворогом", True),
        # Historical polygons far away read "occupied" too: clipping to Ukraine drops them.
        ("Окупована Абхазія.\n///\nOccupied Abkhazia.", True),
        ("Звільнено /// Liberated\xa0/// geoJSON.status.dismissed", False),
        ("Звільнено 25.03", False),
        ("Статус невідомий /// Unknown status /// geoJSON.status.unknown", False),
        ("Під питанням", False),
        ("Придністров'я/// Transnistria /// geoJSON.territories.transnistria", False),
        ("Зміїний ///\xa0Snake Island", False),
        ("Багатокутник 11", False),
        (None, False),
    ],
)
def test_raw_export_labels_mark_the_occupied_area(name: Any, occupied: bool) -> None:
    assert is_occupied_label(name) is occupied


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("raw_20220403_1648989208.geojson", date(2022, 4, 3)),
        ("occupied_20241101.geojson", date(2024, 11, 1)),
        ("front-2024-11-01.geojson", date(2024, 11, 1)),
        ("line_20250316.json", date(2025, 3, 16)),
        ("raw_20221301_1667341666.geojson", None),
        ("front.geojson", None),
        ("export_1648989208.geojson", None),
    ],
)
def test_the_date_comes_from_the_file_name(name: str, day: date | None) -> None:
    assert date_in_name(name) == day


def test_a_raw_export_keeps_only_polygons_marked_occupied(tmp_path: Path) -> None:
    liberated = Polygon([(36.0, 49.0), (36.4, 49.0), (36.4, 49.3)])
    path = write(
        tmp_path / "raw_20230602_1685748729.geojson",
        collection(
            feature(SQUARE, name="Окуповано /// Occupied"),
            feature(liberated, name="Звільнено /// Liberated"),
            feature(Point(36.7, 49.8), name="Окуповано /// Occupied"),
            feature(LineString([(36.6, 49.7), (36.9, 49.9)]), name="Окуповано /// Occupied"),
        ),
    )
    (reading,) = read_file(path)
    assert reading.valid_from == date(2023, 6, 2)
    assert reading.kind == "DeepStateMap raw export"
    assert reading.line is None and reading.occupied is not None
    assert reading.occupied.equals(SQUARE)


def test_plain_geojson_lines_with_dates_give_one_snapshot_a_date(tmp_path: Path) -> None:
    path = write(
        tmp_path / "lines.geojson",
        collection(
            feature(LineString([(36.0, 47.0), (37.0, 49.0)]), valid_from="2024-05-01"),
            feature(LineString([(36.5, 47.0), (37.5, 49.0)]), date="2024-06-01T00:00:00Z"),
        ),
    )
    readings = read_file(path)
    assert [r.valid_from for r in readings] == [date(2024, 5, 1), date(2024, 6, 1)]
    assert all(r.kind == "front line" and r.occupied is None for r in readings)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not readable"),
        (json.dumps(collection()), "no GeoJSON features"),
        (json.dumps(collection(feature(SQUARE))), "no date"),
        (json.dumps(collection(feature(Point(36, 49), date="2024-01-01"))), "no polygon or line"),
    ],
    ids=["not-json", "empty", "no-date", "points-only"],
)
def test_a_file_without_a_dated_front_is_refused(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "front.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_file(path)


def test_the_front_of_an_occupied_area_leaves_out_the_state_border() -> None:
    outline = ukraine_outline()
    # A strip along the Russian border north-east of Kharkiv: its front is the inner edge.
    strip = Polygon([(36.6, 50.2), (37.6, 50.0), (38.2, 49.7), (38.2, 50.6), (36.6, 50.6)])
    front = front_of(strip, outline)
    lats, lons = points_along(front, 1.0)
    assert are_in_ukraine(lats, lons).all()
    assert float(np.min(distances_to_line_km(lats, lons, ukraine_border()))) > 2.5
    # Every point of the strip's edge inside Ukraine and away from the border is on it.
    edge_lats, edge_lons = points_along(strip.exterior.intersection(outline), 1.0)
    away = distances_to_line_km(edge_lats, edge_lons, ukraine_border()) > 3.5
    assert away.sum() > 100
    assert distances_to_line_km(edge_lats[away], edge_lons[away], front).max() < 0.2


def test_the_import_command_saves_snapshots_and_reports_each_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "sources"
    source.mkdir()
    write(source / "occupied_20241120.geojson", collection(feature(SQUARE)))
    write(source / "nodate.geojson", collection(feature(SQUARE)))
    (source / "notes.txt").write_text("ignored: not GeoJSON by name", encoding="utf-8")
    status = run("import", str(source), str(tmp_path / "missing.geojson"))
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert lines[0].startswith("nodate.geojson: skipped: no date")
    assert lines[1].startswith("occupied_20241120.geojson: imported imported/2024-11-20")
    assert "occupied area" in lines[1] and "km²" in lines[1]
    assert lines[2] == "missing.geojson: skipped: no such file"
    assert lines[3].startswith("1 snapshot imported, 2 skipped, into ") and len(lines) == 4
    (stored,) = load_imported()
    assert stored.id == "imported/2024-11-20" and stored.occupied is not None
    assert stored.sources == ("DeepStateMap, occupied_20241120.geojson",)
    # The import is now in force, and Kharkiv oblast east of the city is occupied in it.
    assert measure_point(49.8, 36.75, date(2024, 12, 1)).side == "occupied"
    assert measure_point(49.8, 36.75, date(2025, 1, 6)).side == "ukraine_held"
    assert frontline_for(date(2025, 1, 6)).id == "2025-01-06"


def test_the_import_command_fails_when_nothing_is_imported(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = Polygon([(10.0, 50.0), (11.0, 50.0), (11.0, 51.0)])
    path = write(tmp_path / "occupied_20240101.geojson", collection(feature(outside)))
    assert run("import", str(path)) == 1
    out = capsys.readouterr().out
    assert "skipped: 2024-01-01: the occupied area does not overlap Ukraine" in out
    assert "0 snapshots imported, 1 skipped" in out
    assert load_imported() == []


def test_the_list_command_shows_imported_and_default_snapshots(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = LineString([(36.0, 47.0), (37.0, 48.0), (38.0, 50.0)])
    import_files([write(tmp_path / "front-2023-07-15.geojson", collection(feature(line)))])
    capsys.readouterr()
    assert run("list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(load_frontlines()) + 1
    assert any(line.startswith("2023-07-15  imported  imported/2023-07-15") for line in lines)


@pytest.mark.parametrize(
    ("path", "default_id"),
    [(RAW_2023_06, "2023-05-21"), (CLEANED_2024_11, "2024-11-01")],
    ids=["raw-2023-06", "cleaned-2024-11"],
)
@pytest.mark.shared
@pytest.mark.skipif(not DEEPSTATE_DIR.is_dir(), reason="../shared/frontlines is absent")
def test_an_imported_deepstate_file_lies_within_a_few_km_of_the_default_line(
    data_dir: Path, path: Path, default_id: str
) -> None:
    (result,) = import_files([path])
    assert result.imported, result.reason
    (stored,) = load_imported()
    assert stored.valid_from == date_in_name(path.name)
    default = next(s for s in load_frontlines() if s.id == default_id)
    # Points every 2 km along the imported line, measured to the default line.
    lats, lons = points_along(stored.line, 2.0)
    km = distances_to_line_km(lats, lons, default.line)
    print(f"\n{path.name}: median {np.median(km):.1f} km, 90 % {np.percentile(km, 90):.1f} km")
    assert float(np.median(km)) < 5.0
    # The occupied area is Ukraine's only, and close to the one the default line cuts off.
    assert stored.occupied is not None
    assert ukraine_outline().buffer(0.01).contains(stored.occupied)
    area = abs(GEOD.geometry_area_perimeter(stored.occupied)[0])
    derived = abs(GEOD.geometry_area_perimeter(default.territory.occupied)[0])
    assert area == pytest.approx(derived, rel=0.03)
    # And the front line is not the state border or the coast.
    assert distances_to_line_km(lats, lons, ukraine_border()).min() > 2.5


@pytest.mark.shared
@pytest.mark.skipif(not DEEPSTATE_DIR.is_dir(), reason="../shared/frontlines is absent")
def test_with_deepstate_imported_places_keep_their_sides(data_dir: Path) -> None:
    files = dict(deepstate_files(DEEPSTATE_DIR))
    results = import_files([files[date(2022, 12, 1)], files[date(2024, 9, 1)], CLEANED_2024_11])
    assert all(r.imported for r in results)
    sevastopol = measure_point(44.6054, 33.5221, date(2024, 11, 15))
    assert (sevastopol.side, sevastopol.frontline_id) == ("occupied", "imported/2024-11-01")
    # Slivers between DeepStateMap's Crimea and the outline's coast are not held land.
    assert sevastopol.held_km > 150.0
    assert measure_point(49.9935, 36.2304, date(2024, 11, 15)).side == "ukraine_held"
    assert measure_point(46.6354, 32.6169, date(2022, 12, 10)).side == "ukraine_held"
    # DeepStateMap covers Ukraine only: the Kursk part comes from the default series.
    sudzha = measure_point(51.1914, 35.2706, date(2024, 9, 15))
    assert (sudzha.side, sudzha.frontline_id) == ("ukraine_held", "imported/2024-09-01")


@pytest.mark.shared
@pytest.mark.skipif(not DEEPSTATE_DIR.is_dir(), reason="../shared/frontlines is absent")
@pytest.mark.parametrize(
    "day",
    [date(2022, 4, 3), date(2022, 10, 1), date(2023, 6, 2), date(2024, 9, 1), date(2026, 8, 1)],
)
def test_the_occupied_area_cut_off_by_a_default_line_matches_deepstate(
    data_dir: Path, day: date
) -> None:
    outline = ukraine_outline()
    files = dict(deepstate_files(DEEPSTATE_DIR))
    theirs = occupied_area(files[day]).intersection(outline)
    ours = frontline_for(day).territory.occupied
    differ = abs(GEOD.geometry_area_perimeter(ours.symmetric_difference(theirs))[0])
    total = abs(GEOD.geometry_area_perimeter(theirs)[0])
    print(f"\n{day}: areas differ by {differ / 1e6:,.0f} km² of {total / 1e6:,.0f} km²")
    # April 2022 has DeepStateMap's road corridors in Kharkiv oblast; later months agree.
    assert differ < (0.16 if day.year == 2022 and day.month == 4 else 0.04) * total
