"""Check the default front-line snapshots against DeepStateMap's monthly occupied areas.

For every DeepStateMap file in the shared folder (one a month, April 2022 on) the script
draws DeepStateMap's front line, takes the project's snapshot in force on that file's date
(``data/frontlines/``), and measures how far apart the two lines are:

- *forward*: points every ``--step-km`` along the snapshot (its parts inside Ukraine; the
  Ukrainian-held part of Kursk oblast has no DeepStateMap counterpart), each measured to the
  nearest point of DeepStateMap's line;
- *reverse*: points along DeepStateMap's line measured to the snapshot, which shows
  stretches the snapshot is missing.

It prints one row a month: the median and 90th percentile of both, in kilometres, measured
geodesically on WGS84. The target is a forward median under 10 km in every month; the exit
status is 1 when a month misses it.

DeepStateMap's front line is drawn from its occupied area as follows. Raw exports
(``raw_*.geojson``) hold hundreds of features; the occupied area is the polygons whose
name reads "Окуповано", "Occupied", "ОРДЛО", "Крим", "CADR and CALR" or "території
зайняті ворогом" in any spelling or spacing; the cleaned archive (``occupied_*.geojson``)
is one MultiPolygon. The area is clipped to Ukraine (``data/ukraine.geojson``), which drops
the historical polygons elsewhere, and gaps narrower than ``2 * CLOSE_KM`` between its
polygons (seams, river channels inside occupied land) are closed. The front line is the
edge of the largest Ukrainian-held piece of Ukraine, less its stretches within
``MARGIN_KM`` of the state border or the coast: enclosed gaps such as the Syvash between
the Crimea polygon and the mainland are not front.

Run::

    .venv/bin/python scripts/check_frontlines.py [--deepstate DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, Polygon, shape
from shapely.geometry.base import BaseGeometry

REPO_DIR = Path(__file__).resolve().parent.parent
if str(REPO_DIR) not in sys.path:
    sys.path.insert(0, str(REPO_DIR))

from dashboard.frontline import Frontline, load_frontlines  # noqa: E402
from dashboard.geometry import distances_to_line_km, ukraine_outline  # noqa: E402

DEFAULT_DEEPSTATE_DIR = REPO_DIR.parent / "shared" / "frontlines" / "deepstate"
#: Stretches of DeepStateMap's boundary this close to the state border or coast are not front.
MARGIN_KM = 3.0
#: Gaps up to twice this wide between occupied polygons are closed before the edge is taken.
CLOSE_KM = 2.0
#: Spacing of the sample points along each line.
STEP_KM = 2.0
#: The target: the forward median in every month stays below this.
TARGET_MEDIAN_KM = 10.0
#: Snapshot points this far outside Ukraine (the Kursk incursion) are not compared.
OUTSIDE_KM = 5.0
#: Lambert conformal conic fitted to Ukraine: scale error under 0.2 %, so buffers and
#: sample spacing in metres are true to that; distances themselves are geodesic.
LOCAL_CRS = "+proj=lcc +lat_1=45.5 +lat_2=51.5 +lat_0=48.5 +lon_0=31.5 +ellps=WGS84 +units=m"
#: Label fragments of occupied-area polygons in the raw exports (lower case, NBSP as space).
OCCUPIED_LABELS = ("окупован", "occupied", "ордло", "крим", "cadr", "зайняті ворогом")

_FILE_DATE = re.compile(r"^(raw|occupied)_(\d{4})(\d{2})(\d{2})(?:_\d+)?\.geojson$")
_TO_LOCAL = Transformer.from_crs("EPSG:4326", LOCAL_CRS, always_xy=True)
_TO_LONLAT = Transformer.from_crs(LOCAL_CRS, "EPSG:4326", always_xy=True)

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class MonthCheck:
    """One month of the comparison.

    Parameters
    ----------
    deepstate_date
        The date of the DeepStateMap file.
    snapshot_id
        The project snapshot in force on that date.
    median_km, p90_km
        Median and 90th percentile distance from the snapshot to DeepStateMap's line.
    reverse_median_km, reverse_p90_km
        The same from DeepStateMap's line to the snapshot.
    """

    deepstate_date: date
    snapshot_id: str
    median_km: float
    p90_km: float
    reverse_median_km: float
    reverse_p90_km: float

    @property
    def month(self) -> str:
        """The month as ``YYYY-MM``."""
        return self.deepstate_date.isoformat()[:7]

    @property
    def passes(self) -> bool:
        """Whether the forward median is under :data:`TARGET_MEDIAN_KM`."""
        return self.median_km < TARGET_MEDIAN_KM


def deepstate_files(folder: Path) -> list[tuple[date, Path]]:
    """DeepStateMap files in a folder with their dates, oldest first.

    Parameters
    ----------
    folder
        A folder of ``raw_YYYYMMDD_UNIXTIME.geojson`` and ``occupied_YYYYMMDD.geojson`` files.

    Returns
    -------
    list of (date, Path)
        One entry per file whose name carries a date.
    """
    found = []
    for path in folder.iterdir():
        match = _FILE_DATE.match(path.name)
        if match:
            year, month, day = (int(match.group(i)) for i in (2, 3, 4))
            found.append((date(year, month, day), path))
    return sorted(found)


def occupied_area(path: Path) -> BaseGeometry:
    """The occupied area in one DeepStateMap file, in (lon, lat).

    Parameters
    ----------
    path
        A raw export (``raw_*``) or a cleaned archive file (``occupied_*``).

    Returns
    -------
    shapely geometry
        The union of the occupied polygons, not yet clipped to Ukraine.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    raw = path.name.startswith("raw_")
    polygons: list[BaseGeometry] = []
    for feature in data.get("features", []):
        geometry = feature.get("geometry")
        if not geometry:
            continue
        if raw and not _is_occupied_label((feature.get("properties") or {}).get("name")):
            continue
        polygons.extend(_polygons(shape(geometry)))
    return shapely.union_all([shapely.make_valid(p) for p in polygons])


def deepstate_front(
    occupied: BaseGeometry,
    outline: BaseGeometry,
    margin_km: float = MARGIN_KM,
    close_km: float = CLOSE_KM,
) -> MultiLineString:
    """DeepStateMap's front line: the occupied area's edge inside Ukraine's land.

    Parameters
    ----------
    occupied
        The occupied area, (lon, lat).
    outline
        Ukraine's territory, (lon, lat).
    margin_km
        Edge stretches this close to the state border or the coast are dropped.
    close_km
        Gaps up to twice this wide between occupied polygons are closed first.

    Returns
    -------
    MultiLineString
        The front line in (lon, lat); empty if nothing is occupied.
    """
    land = _to_local(outline)
    close_m = close_km * 1000.0
    area = _to_local(occupied).buffer(close_m).buffer(-close_m).intersection(land)
    free = land.difference(area)
    pieces = [p for p in _polygons(free) if not p.is_empty]
    if not pieces or area.is_empty:
        return MultiLineString()
    held = max(pieces, key=lambda p: p.area)
    edge = held.boundary.intersection(land.buffer(-margin_km * 1000.0))
    pieces_of_edge = [g for g in _flatten(edge) if isinstance(g, LineString) and g.length > 0]
    merged = shapely.line_merge(MultiLineString(pieces_of_edge))
    return MultiLineString([_to_lonlat(g) for g in _flatten(merged) if isinstance(g, LineString)])


def sample_points(line: BaseGeometry, step_km: float = STEP_KM) -> tuple[FloatArray, FloatArray]:
    """Points every ``step_km`` along each part of a (lon, lat) line, ends included.

    Returns
    -------
    tuple of numpy.ndarray
        Latitudes and longitudes.
    """
    xs: list[float] = []
    ys: list[float] = []
    for part in _flatten(_to_local(line)):
        if not isinstance(part, LineString) or part.length == 0:
            continue
        count = max(1, int(np.ceil(part.length / (step_km * 1000.0))))
        for distance in np.linspace(0.0, part.length, count + 1):
            point = part.interpolate(distance)
            xs.append(point.x)
            ys.append(point.y)
    lons, lats = _TO_LONLAT.transform(np.array(xs), np.array(ys))
    return np.asarray(lats, dtype=np.float64), np.asarray(lons, dtype=np.float64)


def compare_month(
    snapshot: Frontline,
    front: MultiLineString,
    outline: BaseGeometry,
    deepstate_date: date,
    step_km: float = STEP_KM,
) -> MonthCheck:
    """Forward and reverse distances between a snapshot and DeepStateMap's line.

    Parameters
    ----------
    snapshot
        The project snapshot in force on ``deepstate_date``.
    front
        DeepStateMap's front line of that date, (lon, lat).
    outline
        Ukraine's territory, (lon, lat): snapshot points farther outside than
        :data:`OUTSIDE_KM` are left out of the forward distances.
    deepstate_date
        The DeepStateMap file's date.
    step_km
        Spacing of the sample points.

    Returns
    -------
    MonthCheck
    """
    lats, lons = sample_points(snapshot.line, step_km)
    near = _to_local(outline).buffer(OUTSIDE_KM * 1000.0)
    x, y = _TO_LOCAL.transform(lons, lats)
    inside = shapely.contains_xy(near, x, y)
    forward = distances_to_line_km(lats[inside], lons[inside], front)
    front_lats, front_lons = sample_points(front, step_km)
    reverse = distances_to_line_km(front_lats, front_lons, snapshot.line)
    return MonthCheck(
        deepstate_date=deepstate_date,
        snapshot_id=snapshot.id,
        median_km=float(np.median(forward)),
        p90_km=float(np.percentile(forward, 90)),
        reverse_median_km=float(np.median(reverse)),
        reverse_p90_km=float(np.percentile(reverse, 90)),
    )


def check(
    deepstate_dir: Path = DEFAULT_DEEPSTATE_DIR,
    snapshots: Sequence[Frontline] | None = None,
    step_km: float = STEP_KM,
    progress: Callable[[MonthCheck], None] | None = None,
) -> list[MonthCheck]:
    """Compare every DeepStateMap month with the snapshot in force on its date.

    Parameters
    ----------
    deepstate_dir
        The folder of DeepStateMap files.
    snapshots
        The project snapshots; the ones in ``data/frontlines`` by default.
    step_km
        Spacing of the sample points.
    progress
        Called with each month's result as soon as it is ready.

    Returns
    -------
    list of MonthCheck
        One per DeepStateMap file dated on or after the first snapshot.
    """
    series = sorted(
        snapshots if snapshots is not None else load_frontlines(), key=lambda s: s.valid_from
    )
    outline = ukraine_outline()
    results = []
    for day, path in deepstate_files(deepstate_dir):
        in_force = [s for s in series if s.valid_from <= day]
        if not in_force:
            continue
        front = deepstate_front(occupied_area(path), outline)
        result = compare_month(in_force[-1], front, outline, day, step_km)
        results.append(result)
        if progress is not None:
            progress(result)
    return results


def format_row(row: MonthCheck) -> str:
    """One table row: month, snapshot, forward median and p90, reverse median and p90."""
    mark = "" if row.passes else "  over target"
    return (
        f"{row.month}  {row.snapshot_id}  {row.median_km:8.1f}  {row.p90_km:8.1f}"
        f"  {row.reverse_median_km:8.1f}  {row.reverse_p90_km:8.1f}{mark}"
    )


TABLE_HEADER = (
    "month    snapshot    median km  p90 km    rev med   rev p90\n"
    "-------  ----------  --------  --------  --------  --------"
)


def format_table(rows: Sequence[MonthCheck]) -> str:
    """The whole table, header first."""
    return "\n".join([TABLE_HEADER, *(format_row(r) for r in rows)])


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; exit 0 when every month meets the target, 1 if not, 2 without data."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--deepstate",
        type=Path,
        default=DEFAULT_DEEPSTATE_DIR,
        help="folder of DeepStateMap raw_*/occupied_* files",
    )
    parser.add_argument(
        "--step-km", type=float, default=STEP_KM, help="spacing of sample points along the lines"
    )
    args = parser.parse_args(argv)
    if not args.deepstate.is_dir():
        print(f"no DeepStateMap folder at {args.deepstate}", file=sys.stderr)
        return 2
    print(TABLE_HEADER, flush=True)
    rows = check(
        args.deepstate,
        step_km=args.step_km,
        progress=lambda row: print(format_row(row), flush=True),
    )
    failing = [r.month for r in rows if not r.passes]
    print(
        f"{len(rows)} months, target median < {TARGET_MEDIAN_KM:g} km: "
        + ("met in every month" if not failing else f"missed in {', '.join(failing)}")
    )
    return 1 if failing or not rows else 0


def _is_occupied_label(name: Any) -> bool:
    if not isinstance(name, str):
        return False
    text = name.replace("\xa0", " ").lower()
    return any(label in text for label in OCCUPIED_LABELS)


def _polygons(geometry: BaseGeometry) -> list[Polygon]:
    return [g for g in _flatten(geometry) if isinstance(g, Polygon)]


def _flatten(geometry: BaseGeometry) -> list[BaseGeometry]:
    if hasattr(geometry, "geoms"):
        return [leaf for g in geometry.geoms for leaf in _flatten(g)]
    return [geometry]


def _to_local(geometry: BaseGeometry) -> BaseGeometry:
    return _reproject(geometry, _TO_LOCAL)


def _to_lonlat(geometry: BaseGeometry) -> BaseGeometry:
    return _reproject(geometry, _TO_LONLAT)


def _reproject(geometry: BaseGeometry, transformer: Transformer) -> BaseGeometry:
    def apply(coords: FloatArray) -> FloatArray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, apply)


if __name__ == "__main__":
    sys.exit(main())
