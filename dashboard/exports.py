"""Events as a table, CSV, GeoJSON and ACLED's columns: one row or feature per event,
sources included.

The CSV is safe to open in a spreadsheet by construction: a text cell that begins with
``=``, ``+``, ``-`` or ``@`` once its leading whitespace and control characters are set
aside is prefixed with an apostrophe, so it is never run as a formula, and every cell that
holds a quote, comma, carriage return or line feed is quoted, so no text can end a row or
start a cell. Numbers are written as numbers, so a negative coordinate stays a number.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import pandas as pd

from .model import Event
from .providers.acled import EXPORT_COLUMNS, acled_row

#: The CSV columns, in order; the README documents each.
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "date_precision",
    "place",
    "admin1",
    "country",
    "occupied",
    "lat",
    "lon",
    "geo_precision",
    "target_type",
    "target",
    "weapon",
    "outcome",
    "attacker_claim",
    "defender_claim",
    "distance_to_front_km",
    "distance_to_border_km",
    "distance_to_held_km",
    "side",
    "frontline_id",
    "quote",
    "distance_claims",
    "claims_off",
    "source_count",
    "outlets",
    "urls",
    "source_dates",
    "sources_json",
)

_FORMULA_STARTS = ("=", "+", "-", "@")
#: Characters that make a cell need quotes. Python's csv module (3.11) leaves a lone
#: carriage return unquoted when rows end in a line feed, and readers then split the row.
_NEEDS_QUOTES = frozenset('",\r\n')


#: A download of more events than this is gzip-compressed: the app's server holds a
#: download's bytes in memory to serve them, and a plain CSV of a million events is 1 GB.
#: The command line's ``export`` writes any size plain, a batch at a time.
COMPRESS_DOWNLOADS_OVER = 100_000


def event_row(event: Event) -> dict[str, Any]:
    """One flat row: the event's fields, its first quote and its sources joined by `` | ``."""
    row = event.to_dict()
    sources = row.pop("sources")
    claims = event.distance_claims
    row["distance_claims"] = " | ".join(c.describe() for c in claims)
    row["claims_off"] = any(c.off for c in claims) if claims else None
    row["source_count"] = len(sources)
    row["outlets"] = " | ".join(s["outlet"] or "unknown outlet" for s in sources)
    row["urls"] = " | ".join(s["url"] or "" for s in sources)
    row["source_dates"] = " | ".join(s["published"] or "" for s in sources)
    row["sources_json"] = json.dumps(sources, ensure_ascii=False)
    for key in ("distance_to_front_km", "distance_to_border_km", "distance_to_held_km"):
        if row[key] is not None:
            row[key] = round(row[key], 1)
    return {column: row[column] for column in CSV_COLUMNS}


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """A DataFrame with :data:`CSV_COLUMNS`, one row per event (empty but typed if none)."""
    frame = pd.DataFrame([event_row(e) for e in events], columns=list(CSV_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _ignored_by_spreadsheets(char: str) -> bool:
    # Spreadsheets skip leading blanks and control characters before looking for "=".
    return char.isspace() or unicodedata.category(char).startswith("C")


def neutralise_cell(value: Any) -> Any:
    """Text that a spreadsheet would read as a formula, made inert; the text itself is kept."""
    if isinstance(value, str):
        start = next((c for c in value if not _ignored_by_spreadsheets(c)), "")
        if start in _FORMULA_STARTS:
            return "'" + value
    return value


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(neutralise_cell(value))
    if _NEEDS_QUOTES.intersection(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def rows_to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str] = CSV_COLUMNS) -> str:
    """CSV text of rows, every text cell neutralised and quoted when it must be."""
    lines = [",".join(_csv_text(column) for column in columns)]
    lines.extend(",".join(_csv_text(row.get(column)) for column in columns) for row in rows)
    return "".join(line + "\n" for line in lines)


def events_to_csv(events: Iterable[Event]) -> str:
    """CSV text, one row per event, with :data:`CSV_COLUMNS`."""
    return rows_to_csv(event_row(e) for e in events)


def write_rows_csv(
    rows: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[str] = CSV_COLUMNS
) -> None:
    """Write :func:`rows_to_csv`'s text a row at a time."""
    out.write(",".join(_csv_text(column) for column in columns) + "\n")
    for row in rows:
        out.write(",".join(_csv_text(row.get(column)) for column in columns) + "\n")


def write_csv(events: Iterable[Event], out: TextIO) -> None:
    """Write :func:`events_to_csv`'s text a row at a time, holding one event at a time."""
    write_rows_csv((event_row(event) for event in events), out)


def write_acled_csv(events: Iterable[Event], out: TextIO) -> None:
    """Write :func:`events_to_acled_csv`'s text a row at a time."""
    write_rows_csv((acled_row(event) for event in events), out, EXPORT_COLUMNS)


def write_geojson(events: Iterable[Event], out: TextIO, *, indent: int | None = 2) -> None:
    """Write ``json.dump(events_to_geojson(events), indent=indent, ensure_ascii=False)``'s
    text a feature at a time."""
    if indent is None:
        out.write('{"type": "FeatureCollection", "features": [')
        for number, event in enumerate(events):
            (feature,) = events_to_geojson([event])["features"]
            out.write((", " if number else "") + json.dumps(feature, ensure_ascii=False))
        out.write("]}")
        return
    pad = " " * indent
    out.write(f'{{\n{pad}"type": "FeatureCollection",\n{pad}"features": [')
    first = True
    for event in events:
        (feature,) = events_to_geojson([event])["features"]
        text = json.dumps(feature, ensure_ascii=False, indent=indent)
        text = text.replace("\n", "\n" + pad * 2)
        out.write(("\n" if first else ",\n") + pad * 2 + text)
        first = False
    out.write("]\n}" if first else f"\n{pad}]\n}}")


def events_to_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection; events without coordinates have a null geometry."""
    features = []
    for event in events:
        properties = event.to_dict()
        geometry = (
            {"type": "Point", "coordinates": [event.lon, event.lat]} if event.located else None
        )
        features.append(
            {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}
        )
    return {"type": "FeatureCollection", "features": features}


def events_to_acled_csv(events: Iterable[Event]) -> str:
    """CSV text in ACLED's columns, then strikemap's own (:func:`acled_row`), through the
    same guard against formulas as :func:`events_to_csv`."""
    return rows_to_csv((acled_row(e) for e in events), EXPORT_COLUMNS)
