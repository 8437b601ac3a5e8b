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

DeepStateMap's front line is drawn from its occupied area as ``python -m dashboard
frontline import`` draws it (:mod:`dashboard.geo.deepstate`): the polygons marked occupied,
clipped to Ukraine with narrow gaps closed; the front line is the edge of the largest
Ukrainian-held piece of Ukraine, less its stretches near the state border or the coast.

Run::

    .venv/bin/python scripts/check_frontlines.py [--deepstate DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import numpy.typing as npt
from shapely.geometry import MultiLineString
from shapely.geometry.base import BaseGeometry

REPO_DIR = Path(__file__).resolve().parent.parent
if str(REPO_DIR) not in sys.path:
    sys.path.insert(0, str(REPO_DIR))

from dashboard.geo.deepstate import deepstate_files, front_of, occupied_area  # noqa: E402
from dashboard.geo.frontline import Frontline, load_frontlines  # noqa: E402
from dashboard.geo.geometry import (  # noqa: E402
    distances_to_border_km,
    distances_to_line_km,
    points_along,
    ukraine_outline,
)

__all__ = ["deepstate_files", "deepstate_front", "occupied_area", "sample_points"]

DEFAULT_DEEPSTATE_DIR = REPO_DIR.parent / "shared" / "frontlines" / "deepstate"
#: Spacing of the sample points along each line.
STEP_KM = 2.0
#: The target: the forward median in every month stays below this.
TARGET_MEDIAN_KM = 10.0
#: Snapshot points this far outside Ukraine (the Kursk incursion) are not compared.
OUTSIDE_KM = 5.0

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


def deepstate_front(occupied: BaseGeometry, outline: BaseGeometry) -> MultiLineString:
    """DeepStateMap's front line: the occupied area's edge inside Ukraine's land, drawn as
    the import draws it (:func:`dashboard.geo.deepstate.front_of`)."""
    return front_of(occupied, outline)


def sample_points(line: BaseGeometry, step_km: float = STEP_KM) -> tuple[FloatArray, FloatArray]:
    """Points every ``step_km`` along each part of a (lon, lat) line, ends included.

    Returns
    -------
    tuple of numpy.ndarray
        Latitudes and longitudes.
    """
    return points_along(line, step_km)


def compare_month(
    snapshot: Frontline,
    front: MultiLineString,
    deepstate_date: date,
    step_km: float = STEP_KM,
) -> MonthCheck:
    """Forward and reverse distances between a snapshot and DeepStateMap's line.

    Snapshot points more than :data:`OUTSIDE_KM` outside Ukraine are left out of the
    forward distances.

    Parameters
    ----------
    snapshot
        The project snapshot in force on ``deepstate_date``.
    front
        DeepStateMap's front line of that date, (lon, lat).
    deepstate_date
        The DeepStateMap file's date.
    step_km
        Spacing of the sample points.

    Returns
    -------
    MonthCheck
    """
    lats, lons = sample_points(snapshot.line, step_km)
    inside = distances_to_border_km(lats, lons) <= OUTSIDE_KM
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
        result = compare_month(in_force[-1], front, day, step_km)
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


if __name__ == "__main__":
    sys.exit(main())
