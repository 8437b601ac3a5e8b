"""Time the store at a million events, on SQLite and on PostgreSQL with PostGIS.

For each backend the script fills a demo store with ``python -m dashboard demo --events N``
(timed once; the SQLite file is kept in ``data/demo/bench-store-<N>.sqlite`` and reused
while it holds N events), then, ``--runs`` times each, and prints the median:

1. **query**: the app's filters as the store answers them, with a year of dates, two
   target types and a distance band from the front line: the ids of the events kept
   (:meth:`EventStore.query_ids`, what the database does; target: under 200 ms), and the
   events themselves (:meth:`EventStore.query`, which also decodes each one);
2. **export** (``--export-runs`` times): ``python -m dashboard export`` of every event as
   CSV to ``/dev/null``, in a process of its own, with that process's peak resident
   memory; an export of no event gives the baseline (the program itself), and one of the
   last months' events shows that memory does not grow with the events.

Without ``--postgres URL`` the script starts a throwaway cluster as the tests do (the
server binaries and PostGIS must be installed) and removes it at the end.

Run::

    .venv/bin/python scripts/bench_store.py [--events 1000000] [--runs 5] [--export-runs 3]
        [--backends sqlite postgres] [--postgres postgresql://user@host:port/db]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_DIR))

from dashboard.errors import StrikemapError  # noqa: E402
from dashboard.filters import EventQuery  # noqa: E402
from dashboard.store import open_store  # noqa: E402

QUERY = EventQuery(
    start=date(2024, 1, 1),
    end=date(2024, 12, 31),
    target_types=("oil", "airbase"),
    min_km=100.0,
    max_km=600.0,
)
#: Exports timed besides the whole store: none (the program alone) and the last months.
EXPORT_SINCE = {"none": "2100-01-01", "since 2025-08-15": "2025-08-15", "all": None}


def _median_s(action: Callable[[], object], runs: int) -> tuple[float, object]:
    action()  # Warm the caches once, as an app serving a team has them warm.
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "dashboard", *args]


def _env() -> dict[str, str]:
    return {**os.environ, "STRIKEMAP_DATABASE_URL": ""}


def _fill(location: str, events: int) -> float | None:
    """Fill the demo store unless it holds ``events`` already; the seconds it took."""
    try:
        with open_store(location, create=False) as store:
            if len(store.query_ids(EventQuery())) == events:
                return None
    except StrikemapError:
        pass  # No store yet, or one to make anew.
    started = time.perf_counter()
    subprocess.run(
        _cli("demo", "--events", str(events), "--store", location),
        check=True,
        cwd=REPO_DIR,
        env=_env(),
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


#: Runs the command line and says, last on stderr, the process's own peak resident memory
#: (``VmHWM``: since its start, unlike a child's ``ru_maxrss``, which counts the parent's
#: memory it was forked with).
_MEASURED = """
import atexit, sys
from dashboard.cli import main
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            print("peak", line.split()[1], file=sys.stderr)
atexit.register(peak)
sys.exit(main(sys.argv[1:]))
"""


def _export(location: str, since: str | None) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one export in its own process."""
    command = [sys.executable, "-c", _MEASURED, "export", "--store", location]
    if since is not None:
        command += ["--since", since]
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=REPO_DIR, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"export failed: {done.stderr.decode()[-500:]}")
    peak = int(done.stderr.decode().split("peak")[-1].split()[0])
    return elapsed, peak


def bench(name: str, location: str, events: int, runs: int, export_runs: int) -> None:
    print(f"\n{name}: {events:,} events")
    filled = _fill(location, events)
    print(f"  fill (demo, once): {'kept from before' if filled is None else f'{filled:.1f} s'}")
    with open_store(location) as store:
        ids_s, ids = _median_s(lambda: store.query_ids(QUERY), runs)
        query_s, found = _median_s(lambda: store.query(QUERY), runs)
    assert isinstance(found, list) and isinstance(ids, list) and len(ids) == len(found)
    print(
        f"  query (a year, two target types, 100-600 km from the front): {len(ids):,} events;"
        f" their ids in {ids_s * 1000:.0f} ms median, the events read in"
        f" {query_s * 1000:.0f} ms median"
    )
    for label, since in EXPORT_SINCE.items():
        results = [_export(location, since) for _ in range(export_runs)]
        seconds = statistics.median(r[0] for r in results)
        peak = max(r[1] for r in results)
        print(
            f"  export of {label}: {seconds:.1f} s (median of {export_runs}), "
            f"peak memory {peak / 1024:.0f} MiB"
        )


@contextmanager
def _postgres(url: str | None) -> Iterator[str]:
    if url is not None:
        yield url
        return
    from tests.postgres import start_cluster

    cluster, reason = start_cluster()
    if cluster is None:
        raise SystemExit(f"no PostgreSQL to benchmark: {reason}")
    try:
        yield cluster.url(cluster.new_database())
    finally:
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="runs of each query")
    parser.add_argument(
        "--export-runs", type=int, default=3, help="runs of each export (minutes each at 1M)"
    )
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--postgres", metavar="URL", help="default: a throwaway cluster")
    args = parser.parse_args()
    if "sqlite" in args.backends:
        path = REPO_DIR / "data" / "demo" / f"bench-store-{args.events}.sqlite"
        bench("sqlite", str(path), args.events, args.runs, args.export_runs)
    if "postgres" in args.backends:
        with _postgres(args.postgres) as url:
            bench("postgres", url, args.events, args.runs, args.export_runs)


if __name__ == "__main__":
    main()
