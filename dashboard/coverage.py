"""Where the articles and the providers (ACLED, UCDP) disagree: which strikes only the
articles report, which only a provider codes, and which both, by month and target type.

An event is *both* when its sources hold an article and a provider's row: they were merged
as one strike by the rules of two articles (:func:`dashboard.merge.same_strike`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal, get_args

import pandas as pd

from .model import Event
from .providers import provider_of, providers_of

Coverage = Literal["articles", "providers", "both"]
COVERAGES: tuple[Coverage, ...] = get_args(Coverage)
COVERAGE_LABELS: dict[Coverage, str] = {
    "articles": "articles only",
    "providers": "ACLED/UCDP only",
    "both": "both",
}
TOTAL = "total"
COLUMNS = (
    "id",
    "date",
    "date_precision",
    "period",
    "place",
    "target_type",
    "coverage",
    "providers",
)


def coverage_of(event: Event) -> Coverage:
    """Whether the event's sources are articles only, providers' rows only, or both."""
    kinds = {provider_of(source) is None for source in event.sources}
    if kinds == {True, False}:
        return "both"
    return "providers" if kinds == {False} else "articles"


def period_of(event: Event) -> str:
    """The month an event falls in ("2024-03"), or its year when it is known only to that."""
    if event.date_precision == "year":
        return f"{event.date.year} (month unknown)"
    return f"{event.date:%Y-%m}"


def coverage_frame(events: Iterable[Event]) -> pd.DataFrame:
    """One row per event: its id, date, period, place, target type, coverage and providers."""
    rows = [
        {
            "id": event.id,
            "date": event.date,
            "date_precision": event.date_precision,
            "period": period_of(event),
            "place": event.place,
            "target_type": event.target_type,
            "coverage": coverage_of(event),
            "providers": ", ".join(providers_of(event)),
        }
        for event in events
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def coverage_table(frame: pd.DataFrame, by: Literal["period", "target_type"]) -> pd.DataFrame:
    """Counts of events per ``by`` value (rows, in order) and coverage (columns, with their
    total), and a last row of totals."""
    table = (
        pd.crosstab(frame[by], frame["coverage"])
        .reindex(columns=list(COVERAGES), fill_value=0)
        .sort_index()
    )
    table[TOTAL] = table.sum(axis=1)
    table.loc[TOTAL] = table.sum(axis=0)
    table.index.name = by
    table.columns.name = None
    return table.astype(int)


def format_coverage(frame: pd.DataFrame, *, link: Callable[[str], str] | None = None) -> str:
    """The coverage as text: the totals, the table by month and by target type, and with
    ``link`` (an event's id to its address) each event with its address."""
    if frame.empty:
        return "no stored events in the period"
    counts = frame["coverage"].value_counts()
    first, last = frame["date"].min(), frame["date"].max()
    lines = [
        f"{len(frame):,} strikes from {first} to {last}: "
        + ", ".join(f"{counts.get(c, 0):,} {COVERAGE_LABELS[c]}" for c in COVERAGES),
    ]
    headers = [COVERAGE_LABELS[c] for c in COVERAGES] + [TOTAL]
    for by, title in (("period", "month"), ("target_type", "target type")):
        table = coverage_table(frame, by)  # type: ignore[arg-type]
        width = max(len(title), *(len(str(key)) for key in table.index))
        lines += ["", f"{title:<{width}}  " + "  ".join(f"{h:>15}" for h in headers)]
        lines += [
            f"{key!s:<{width}}  " + "  ".join(f"{int(n):>15,}" for n in row)
            for key, row in table.iterrows()
        ]
    if link is not None:
        lines += ["", "events:"]
        for row in frame.sort_values(["coverage", "date", "id"]).to_dict("records"):
            where = row["place"] if isinstance(row["place"], str) else "place unknown"
            providers = f" [{row['providers']}]" if row["providers"] else ""
            lines.append(
                f"  {COVERAGE_LABELS[row['coverage']]:<16} {row['id']}  {row['date']}  {where}"
                f"  {row['target_type']}{providers}  {link(row['id'])}"
            )
    return "\n".join(lines)
