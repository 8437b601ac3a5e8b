"""The Streamlit server's memory as a reader goes through the pages (``make bench-pages``).

For each size it starts ``streamlit run`` on the demo store of that many events
(``data/demo/bench-<N>.sqlite``, made by ``scripts/bench.py`` and kept), opens one browser
tab and in turn:

1. the map, until its events layer is drawn;
2. the table, until its rows show;
3. the charts, until both are drawn;
4. the coverage page, until its event lists show;
5. back on the table, the CSV download of every event (or of the filters of
   ``--download-query``, a query string such as ``target=oil``), until the browser has
   saved it.

After each step it prints the server's peak resident size so far (``VmHWM`` of
``/proc/<pid>/status``, which the kernel keeps: no step's peak is missed between samples)
and its resident size now (``VmRSS``). Memory is not noisy as times are: one run is enough.

Target: under 1.5 GB at 1,000,000 events (issue 13, item 5).

Run::

    .venv/bin/python scripts/bench_pages.py [--sizes 1000000] [--download-query Q] [--app-dir DIR]

``--app-dir`` runs the server from another checkout of the project (an older commit, to
measure a baseline), with this one's demo stores.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import bench
from playwright.sync_api import Page, sync_playwright

#: Target of the server's peak at 1,000,000 events, in MB.
TARGET_MB = 1536


def _wait_map(page: Page, timeout_ms: float) -> None:
    bench.wait_layer(bench.map_frame(page, timeout_ms), timeout_ms)


def _wait_table(page: Page, timeout_ms: float) -> None:
    # Or the error in its place: before issue 13, a table of a million rows was more than
    # Streamlit sends ("exceeds the message size limit").
    page.locator(".stDataFrame, .stException, .stAlert").first.wait_for(timeout=timeout_ms)


def _wait_charts(page: Page, timeout_ms: float) -> None:
    # Both charts drawn.
    page.locator(".stVegaLiteChart canvas, .stVegaLiteChart svg").nth(1).wait_for(
        timeout=timeout_ms
    )


def _wait_coverage(page: Page, timeout_ms: float) -> None:
    page.get_by_role("tab").first.wait_for(timeout=timeout_ms)
    page.locator(".stDataFrame").first.wait_for(timeout=timeout_ms)


#: The pages opened in turn, by their path, and what shows that each is drawn.
PAGES: tuple[tuple[str, str, Callable[[Page, float], None]], ...] = (
    ("map", "", _wait_map),
    ("table", "table", _wait_table),
    ("charts", "charts", _wait_charts),
    ("coverage", "coverage", _wait_coverage),
)


def _download(page: Page, url: str, query: str, timeout_ms: float) -> int:
    """Open the table with the filters of ``query`` and save its CSV download; return the
    file's size in bytes."""
    page.goto(f"{url}/table" + (f"?{query}" if query else ""))
    _wait_table(page, timeout_ms)
    with page.expect_download(timeout=timeout_ms) as started:
        page.get_by_role("button", name="Download CSV").click(timeout=timeout_ms)
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "export.csv"
        started.value.save_as(saved)
        return saved.stat().st_size


def measure(
    n: int, app_dir: Path, query: str, timeout_ms: float
) -> list[tuple[str, float, float, float]]:
    """(step, seconds, peak MB so far, resident MB now) for each step."""
    store = bench.demo_store(n)
    log = bench.REPO_DIR / "artifacts" / "bench" / f"pages-{n}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    steps: list[tuple[str, float, float, float]] = []
    with (
        bench.streamlit(store, log, cwd=app_dir) as (url, pid),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=bench.CHROMIUM, args=bench.CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(accept_downloads=True)

            def note(step: str, started: float) -> None:
                peak = bench._status_kb(pid, "VmHWM") / 1024
                now = bench._status_kb(pid, "VmRSS") / 1024
                steps.append((step, time.monotonic() - started, peak, now))
                print(f"  {step}: {steps[-1][1]:.1f} s, peak {peak:,.0f} MB, now {now:,.0f} MB")

            note("started", time.monotonic())
            for name, path, wait in PAGES:
                started = time.monotonic()
                page.goto(f"{url}/{path}")
                wait(page, timeout_ms)
                note(name, started)
            started = time.monotonic()
            size = _download(page, url, query, timeout_ms)
            note(f"CSV download of {query or 'all'} ({size / 2**20:,.0f} MB)", started)
        finally:
            browser.close()
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--app-dir", type=Path, default=bench.REPO_DIR)
    parser.add_argument("--download-query", default="")
    parser.add_argument("--timeout-s", type=float, default=1800.0)
    args = parser.parse_args(argv)
    failed = False
    for n in args.sizes:
        print(f"{n:,} events, the server from {args.app_dir}:", flush=True)
        steps = measure(n, args.app_dir.resolve(), args.download_query, args.timeout_s * 1000)
        peak = max(step[2] for step in steps)
        verdict = "within" if peak < TARGET_MB else "over"
        print(f"{n:,} events: the server's peak {peak:,.0f} MB, {verdict} {TARGET_MB:,} MB")
        failed |= n >= 1_000_000 and peak >= TARGET_MB
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
