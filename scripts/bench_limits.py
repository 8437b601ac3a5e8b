"""Time extraction on hostile lengths: one long sentence, a text with no full stop, a huge file.

The texts are built from the development corpus (tests/corpus), so they hold the words,
places and dates of real reports:

- **sentence**: the corpus sentences joined by commas, cut to ``--sentence-kb`` (16 KB):
  one sentence. Sentences that tell of an accident are left out, as one of them would make
  the whole sentence tell of no strike and skip the later stages;
- **no full stop**: the same, cut to ``--text-mb`` (1 MB), written to a file and read back
  as ``extract`` reads it (the file, then every stage, measuring included);
- **huge file**: the corpus as it is, repeated to ``--huge-mb`` (20 MB) in a file; reading
  it must end in the one-line refusal of an article over the size limit.

Each case runs ``--runs`` times (3) and prints the median wall-clock and processor time,
and the time per kilobyte as a ratio to the corpus read as it is (its articles one after
another): near 1 when time grows with the length of the text and no faster. Targets: the
20 MB file refused in under 1 s, the 1 MB text read in under 5 s.

Run::

    .venv/bin/python scripts/bench_limits.py [--runs 3] [--sentence-kb 16] [--text-mb 1]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
if str(REPO_DIR) not in sys.path:
    sys.path.insert(0, str(REPO_DIR))

from dashboard.articles import article_from_text, read_article  # noqa: E402
from dashboard.errors import StrikemapError  # noqa: E402
from dashboard.extraction.lexicon import RUSSIAN_ACCIDENT  # noqa: E402
from dashboard.extraction.text import split_sentences  # noqa: E402
from dashboard.geo.gazetteer import default_gazetteer  # noqa: E402
from dashboard.loader import extract_measured  # noqa: E402

CORPUS = REPO_DIR / "tests" / "corpus"
PUBLISHED = date(2024, 6, 1)


def corpus_articles() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]


def one_sentence(size: int) -> str:
    """The corpus as one sentence of ``size`` characters: no sentence end, no line break."""
    sentences = [s.text for text in corpus_articles() for s in split_sentences(text)]
    kept = [re.sub(r"[.!?]+$", "", s) for s in sentences if not RUSSIAN_ACCIDENT.search(s)]
    text = ", ".join(kept) + ", "
    return (text * (size // len(text) + 1))[:size].rstrip(" ,")


def repeated_corpus(size: int) -> str:
    text = "\n\n".join(corpus_articles())
    return (text * (size // len(text) + 1))[:size]


class Timing:
    """Median wall-clock and processor seconds of a few runs, and the last run's result."""

    def __init__(self, run: Callable[[], str], runs: int) -> None:
        wall, cpu = [], []
        self.result = ""
        for _ in range(runs):
            started, used = time.perf_counter(), time.process_time()
            self.result = run()
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
        self.wall, self.cpu = statistics.median(wall), statistics.median(cpu)


def extract_file(path: Path) -> str:
    try:
        article = read_article(path, published=PUBLISHED)
    except StrikemapError as error:
        return f"refused: {str(error).replace(str(path), path.name)}"
    return f"{len(extract_measured(article))} events"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sentence-kb", type=int, default=16)
    parser.add_argument("--text-mb", type=float, default=1.0)
    parser.add_argument("--huge-mb", type=float, default=20.0)
    parser.add_argument(
        "--cases", nargs="+", default=["sentence", "no-full-stop", "huge"], metavar="CASE"
    )
    args = parser.parse_args()
    # Loaded and indexed once, outside every timing, as in a long-running app.
    default_gazetteer().lookup_spelling("Kharkov")
    extract_measured(article_from_text(corpus_articles()[0], published=PUBLISHED))

    articles = [article_from_text(text, published=PUBLISHED) for text in corpus_articles()]
    corpus_kb = sum(len(a.text) for a in articles) / 1000
    baseline = Timing(lambda: f"{sum(len(extract_measured(a)) for a in articles)} events", 3)
    per_kb = baseline.cpu / corpus_kb
    print(
        f"baseline, the corpus: {corpus_kb:.0f} KB in {len(articles)} articles, median "
        f"{baseline.wall:.2f} s ({baseline.cpu:.2f} s of processor), {per_kb * 1000:.1f} ms/KB"
    )

    def report(name: str, chars: int, timing: Timing) -> None:
        ratio = timing.cpu / (chars / 1000) / per_kb
        print(
            f"{name}: {chars / 1000:,.0f} KB, median of {args.runs}: {timing.wall:.3g} s "
            f"({timing.cpu:.3g} s of processor), {ratio:.2g}x the corpus per KB; {timing.result}"
        )

    with tempfile.TemporaryDirectory() as tmp:
        if "sentence" in args.cases:
            article = article_from_text(one_sentence(args.sentence_kb * 1000), published=PUBLISHED)
            timing = Timing(lambda: f"{len(extract_measured(article))} events", args.runs)
            report("one sentence", len(article.text), timing)
        if "no-full-stop" in args.cases:
            path = Path(tmp) / "no-full-stop.txt"
            path.write_text(one_sentence(int(args.text_mb * 1_000_000)), encoding="utf-8")
            report("no full stop, read and extracted", path.stat().st_size,
                   Timing(lambda: extract_file(path), args.runs))  # fmt: skip
        if "huge" in args.cases:
            path = Path(tmp) / "huge.txt"
            path.write_text(repeated_corpus(int(args.huge_mb * 1_000_000)), encoding="utf-8")
            report("huge file", path.stat().st_size, Timing(lambda: extract_file(path), args.runs))


if __name__ == "__main__":
    main()
