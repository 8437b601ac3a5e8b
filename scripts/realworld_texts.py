"""Which texts of the real-report set are missing or differ, and how to bring each back.

The reports' texts are third-party and kept out of git (``tests/realworld/texts/``); the
answer files keep the URL and the search query that brings each one back (see the folder's
README), and ``texts.sha256`` keeps the SHA-256 of each text as it was answered, so that a
text brought back by hand can be checked byte for byte (``sha256sum -c`` reads it too, run
in ``texts/``). ``--check`` exits with status 1 while any text is missing or differs;
``--record`` writes the hashes of the texts present (after a new batch).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from dashboard.evaluate import TEXTS, answer_files

REALWORLD = Path(__file__).resolve().parent.parent / "tests" / "realworld"
HASHES = "texts.sha256"


def missing_texts(corpus: Path) -> list[dict[str, str]]:
    """For each answer without its text: its name, URL and query."""
    missing = []
    for answer in answer_files(corpus):
        if not (corpus / TEXTS / f"{answer.stem}.txt").is_file():
            meta = json.loads(answer.read_text(encoding="utf-8"))
            missing.append({"name": answer.stem, "url": meta["url"], "query": meta["query"]})
    return missing


def queries_to_run(missing: list[dict[str, str]]) -> list[tuple[str, list[str]]]:
    """The queries that bring back the texts ``missing``, each with its reports, most reports
    first: one look-up of such a query may bring back several (the session's look-ups are
    few)."""
    by_query: dict[str, list[str]] = {}
    for item in missing:
        by_query.setdefault(item["query"], []).append(item["name"])
    return sorted(by_query.items(), key=lambda entry: (-len(entry[1]), entry[0]))


def recorded_hashes(corpus: Path) -> dict[str, str]:
    """The recorded SHA-256 of each text, by report name."""
    path = corpus / HASHES
    if not path.is_file():
        return {}
    hashes = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, file_name = line.partition("  ")
        hashes[file_name.removesuffix(".txt")] = digest
    return hashes


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def differing_texts(corpus: Path) -> list[str]:
    """The reports whose text is present but not the one recorded."""
    recorded = recorded_hashes(corpus)
    return [
        name
        for name, digest in sorted(recorded.items())
        if (text := corpus / TEXTS / f"{name}.txt").is_file() and _sha256(text) != digest
    ]


def record_hashes(corpus: Path) -> int:
    """Record the hash of every text present, keeping those of texts absent; how many."""
    hashes = recorded_hashes(corpus)
    for answer in answer_files(corpus):
        text = corpus / TEXTS / f"{answer.stem}.txt"
        if text.is_file():
            hashes[answer.stem] = _sha256(text)
    lines = [f"{digest}  {name}.txt\n" for name, digest in sorted(hashes.items())]
    (corpus / HASHES).write_text("".join(lines), encoding="utf-8")
    return len(hashes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REALWORLD)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 while a text is missing or differs"
    )
    parser.add_argument("--record", action="store_true", help=f"write {HASHES}")
    parser.add_argument(
        "--by-query",
        action="store_true",
        help="list the queries to run, most missing reports first, each with its reports",
    )
    args = parser.parse_args()
    if args.record:
        print(f"{record_hashes(args.corpus)} hashes in {args.corpus / HASHES}", file=sys.stderr)
    missing = missing_texts(args.corpus)
    if args.by_query:
        for query, names in queries_to_run(missing):
            print(f"{len(names)}\t{query}\t{' '.join(names)}")
    else:
        for item in missing:
            print(f"{item['name']}\t{item['url']}\tquery: {item['query']}")
    differing = differing_texts(args.corpus)
    for name in differing:
        print(f"{name}\tdiffers from its recorded SHA-256: bring it back again")
    total = len(answer_files(args.corpus))
    print(
        f"{len(missing)} of {total} texts missing, {len(differing)} differ from {HASHES}",
        file=sys.stderr,
    )
    return 1 if args.check and (missing or differing) else 0


if __name__ == "__main__":
    sys.exit(main())
