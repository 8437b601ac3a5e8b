"""Time the three distances and the side of many events: ``dashboard.geo.frontline.measure_points``.

Events are random points over the strike area (43-57 N, 28-50 E: Ukraine, western Russia,
the Black and Azov seas) on random dates from 24 February 2022 to 1 August 2026, so they
spread over every snapshot in force. The first run also reads the snapshots and prepares
each one's territory and search indexes; the median of the runs after it is the figure
that counts. The project's target is under 5 s for 100,000 events.

Run::

    .venv/bin/python scripts/bench_distances.py [--events 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO_DIR = Path(__file__).resolve().parent.parent
if str(REPO_DIR) not in sys.path:
    sys.path.insert(0, str(REPO_DIR))

from dashboard.geo.frontline import load_series, measure_points  # noqa: E402

FIRST_DAY = np.datetime64("2022-02-24")
LAST_DAY = np.datetime64("2026-08-01")


def main() -> int:
    """Print the time of a first run and the median of the following ones."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="events per run")
    parser.add_argument("--runs", type=int, default=3, help="timed runs after the first")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    lats = rng.uniform(43.0, 57.0, args.events)
    lons = rng.uniform(28.0, 50.0, args.events)
    span = int((LAST_DAY - FIRST_DAY).astype(int))
    days = FIRST_DAY + rng.integers(0, span + 1, args.events)

    start = time.perf_counter()
    measured = measure_points(lats, lons, days)
    first = time.perf_counter() - start
    times, cpu_times = [], []
    for _ in range(args.runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        measure_points(lats, lons, days)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)

    series = load_series()
    imported = sum(s.origin == "imported" for s in series)
    sides = {side: int((measured.side == side).sum()) for side in ("russia", "occupied")}
    sides["ukraine_held"] = len(measured) - sum(sides.values())
    print(
        f"{args.events:,} events, {len(series)} snapshots ({imported} imported); "
        + ", ".join(f"{count:,} {side}" for side, count in sides.items())
    )
    print(f"first run (reads snapshots, builds indexes): {first:.2f} s")
    print(
        f"median of {args.runs} runs: {statistics.median(times):.2f} s "
        f"(runs: {', '.join(f'{t:.2f}' for t in times)}); "
        # On a shared machine the CPU time says more than the wall clock.
        f"CPU time median {statistics.median(cpu_times):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
