"""Which texts of the real-report set are missing, and how to bring each back.

The reports' texts are third-party and kept out of git (``tests/realworld/texts/``); the
answer files keep the URL and the search query that brings each one back (see the folder's
README). ``--check`` exits with status 1 while any text is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dashboard.evaluate import TEXTS, answer_files

REALWORLD = Path(__file__).resolve().parent.parent / "tests" / "realworld"


def missing_texts(corpus: Path) -> list[dict[str, str]]:
    """For each answer without its text: its name, URL and query."""
    missing = []
    for answer in answer_files(corpus):
        if not (corpus / TEXTS / f"{answer.stem}.txt").is_file():
            meta = json.loads(answer.read_text(encoding="utf-8"))
            missing.append({"name": answer.stem, "url": meta["url"], "query": meta["query"]})
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REALWORLD)
    parser.add_argument("--check", action="store_true", help="exit 1 while a text is missing")
    args = parser.parse_args()
    missing = missing_texts(args.corpus)
    for item in missing:
        print(f"{item['name']}\t{item['url']}\tquery: {item['query']}")
    total = len(answer_files(args.corpus))
    print(f"{len(missing)} of {total} texts missing", file=sys.stderr)
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
