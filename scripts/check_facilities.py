"""Validate the facility gazetteer ``data/facilities.csv`` and print counts by target type.

Run ``python scripts/check_facilities.py [PATH]``; the exit status is 1 when the file has
problems (each is printed on stderr), 0 otherwise.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from dashboard.geo.gazetteer import FACILITY_COLUMNS
from dashboard.model import TARGET_TYPES

HEADER: tuple[str, ...] = FACILITY_COLUMNS
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "facilities.csv"

#: A broad box around Russia and Ukraine (Kaliningrad to Chukotka, Crimea to the Arctic).
LAT_RANGE = (41.0, 82.0)
LON_RANGE = (19.0, 180.0)
COUNTRIES = ("RU", "UA")
BOOLEANS = ("true", "false")
# At least three decimals: a thousandth of a degree is about 100 m, enough for a facility.
_COORD = re.compile(r"^-?\d{1,3}\.\d{3,}$")


def _key(text: str) -> str:
    """Fold a name for comparison, so spellings differing only in case or spaces collide."""
    return " ".join(text.casefold().split())


def load_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Read the gazetteer.

    Parameters
    ----------
    path
        The CSV file.

    Returns
    -------
    tuple of list of str and list of dict
        The header as written, and one dict per data row keyed by the header.

    Raises
    ------
    OSError
        When the file cannot be read.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        rows = [dict(zip(header, values, strict=False)) for values in reader if values]
    return header, rows


def _row_problems(line: int, row: dict[str, str]) -> list[str]:
    problems: list[str] = []
    where = f"line {line} ({row.get('name', '')!r})"
    for column in HEADER:
        if not row.get(column, "").strip():
            problems.append(f"{where}: empty {column}")
    for column, (low, high) in (("lat", LAT_RANGE), ("lon", LON_RANGE)):
        text = row.get(column, "")
        if not _COORD.match(text):
            problems.append(f"{where}: {column} {text!r} is not decimal degrees with 3+ decimals")
            continue
        if not low <= float(text) <= high:
            problems.append(f"{where}: {column} {text} outside {low}..{high}")
    if row.get("target_type") not in TARGET_TYPES:
        problems.append(f"{where}: unknown target_type {row.get('target_type')!r}")
    country = row.get("country")
    occupied = row.get("occupied")
    if country not in COUNTRIES:
        problems.append(f"{where}: country {country!r} is not one of {COUNTRIES}")
    if occupied not in BOOLEANS:
        problems.append(f"{where}: occupied {occupied!r} is not true/false")
    # Ukraine strikes its own soil only where Russia holds it; Russian soil is never occupied.
    if country == "UA" and occupied != "true":
        problems.append(f"{where}: a UA site must be occupied")
    if country == "RU" and occupied != "false":
        problems.append(f"{where}: a RU site cannot be occupied")
    if row.get("admin1") in ("Crimea", "Sevastopol") and country != "UA":
        problems.append(f"{where}: Crimea and Sevastopol are UA")
    aliases = row.get("aliases", "").split("|")
    town = _key(row.get("town", ""))
    seen: set[str] = set()
    for alias in aliases:
        if not alias.strip() or alias != alias.strip():
            problems.append(f"{where}: blank or padded alias {alias!r}")
        elif _key(alias) == town:
            problems.append(f"{where}: alias {alias!r} is the bare town name")
        elif _key(alias) in seen:
            problems.append(f"{where}: alias {alias!r} repeated")
        seen.add(_key(alias))
    return problems


def validate(path: Path) -> list[str]:
    """Check the gazetteer file and return its problems.

    Parameters
    ----------
    path
        The CSV file.

    Returns
    -------
    list of str
        One readable message per problem; empty when the file is valid.
    """
    try:
        header, rows = load_rows(path)
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{path}: cannot read: {exc}"]
    if tuple(header) != HEADER:
        return [f"{path}: header {','.join(header)!r} is not {','.join(HEADER)!r}"]
    if not rows:
        return [f"{path}: no rows"]
    problems: list[str] = []
    owner: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
        problems.extend(_row_problems(line, row))
        name = row.get("name", "")
        # A name or alias may belong to one row only, or a lookup would be ambiguous.
        for label in {_key(name), *(_key(a) for a in row.get("aliases", "").split("|"))}:
            if not label:
                continue
            other = owner.setdefault(label, name)
            if other != name:
                problems.append(f"line {line}: {label!r} names both {other!r} and {name!r}")
    return problems


def counts_by_type(rows: Sequence[dict[str, str]]) -> Counter[str]:
    """Count rows per target type.

    Parameters
    ----------
    rows
        Rows as returned by :func:`load_rows`.

    Returns
    -------
    collections.Counter
        Target type to number of rows.
    """
    return Counter(row.get("target_type", "") for row in rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Validate the file named on the command line (or the default) and print counts.

    Parameters
    ----------
    argv
        Command-line arguments without the program name.

    Returns
    -------
    int
        The exit status: 0 when valid, 1 otherwise.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else DEFAULT_PATH
    problems = validate(path)
    if not problems or not problems[0].startswith(str(path)):
        _, rows = load_rows(path)
        counts = counts_by_type(rows)
        for target_type in sorted(counts):
            print(f"{target_type:18} {counts[target_type]:4d}")
        print(f"{'total':18} {len(rows):4d}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
