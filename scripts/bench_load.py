"""Time `load` over a folder of 1,000 articles, offline (median of three runs).

The articles are the development corpus (tests/corpus) repeated until there are 1,000,
each copy made unique so none is skipped as already loaded.

    python scripts/bench_load.py [--articles 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from dashboard.loader import load_paths
from dashboard.store import Store

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def make_folder(folder: Path, count: int) -> None:
    sources = sorted(CORPUS.glob("*.txt"))
    metadata = {}
    for index in range(count):
        source = sources[index % len(sources)]
        name = f"{index:05d}_{source.name}"
        (folder / name).write_text(f"{source.read_text()}\n(copy {index})\n", encoding="utf-8")
        answers = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
        answers.pop("events", None)
        metadata[name] = answers
    (folder / "articles.json").write_text(json.dumps(metadata), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        make_folder(folder, args.articles)
        load_paths([CORPUS / "001_berdiansk_landing_ship.txt"], Store(Path(tmp) / "warm.sqlite"))
        seconds = []
        for run in range(args.runs):
            with Store(Path(tmp) / f"run{run}.sqlite") as store:
                start = time.perf_counter()
                load_paths([folder], store)
                seconds.append(time.perf_counter() - start)
    median = statistics.median(seconds)
    print(
        f"load of {args.articles} articles: median {median:.2f} s over {args.runs} runs "
        f"({args.articles / median:.0f} articles/s); runs: "
        + ", ".join(f"{s:.2f} s" for s in seconds)
    )


if __name__ == "__main__":
    main()
