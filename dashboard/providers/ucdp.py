"""UCDP's Georeferenced Event Dataset (GED) as exported in CSV: its columns and codes.

GED codes each event of a dyad with at least one death, but not which side attacked. A row
is kept as a long-range strike by Ukraine's forces when:

- ``type_of_violence`` is 1 (state-based) and its sides are the governments of Russia and
  of Ukraine;
- ``country`` is Russia or Ukraine, dated from 24 February 2022, and placed finer than the
  whole country (``where_prec`` 6 is left out);
- its sources' words (``source_headline``, ``where_description``, else ``source_article``)
  name a weapon of the extraction's vocabulary (drones, sea drones, missiles, aircraft,
  sabotage): a ground battle names none. The importer checks this, and keeps the row only
  on Russia's side of the front line of its date, where a strike of this dyad is Ukraine's.

Codes: ``where_prec`` 1 (the exact place) and 2 (within some 25 km of a named place) are a
town; 3 (a district), 4 (a province), 5 (a larger part of a country, or between places) and
7 (over water or in the air) are the region. ``date_prec`` 1 is the day, 2 to 4 (some days,
a week, a month) the month, 5 the year; when ``date_start`` and ``date_end`` span more, the
span decides (a week across two months is the year), and a span across years is left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from ..model import DATE_RANK, FIRST_DAY, GEO_REGION, GEO_TOWN, DatePrecision
from .base import (
    Layout,
    Record,
    RowError,
    Skipped,
    field_text,
    number_text,
    parse_code,
    parse_coordinates,
    parse_day,
    region_name,
)

RUSSIA_GOVERNMENT = "Government of Russia"
UKRAINE_GOVERNMENT = "Government of Ukraine"
COUNTRIES = {"russia (soviet union)": "RU", "russia": "RU", "ukraine": "UA"}
COUNTRY_ONLY = 6

_DATE_PRECISION: dict[int, DatePrecision] = {
    1: "day",
    2: "month",
    3: "month",
    4: "month",
    5: "year",
}
_GEO_PRECISION = {
    1: GEO_TOWN,
    2: GEO_TOWN,
    3: GEO_REGION,
    4: GEO_REGION,
    5: GEO_REGION,
    7: GEO_REGION,
}


#: The kind GED appends to a settlement's name in ``where_coordinates`` ("Belgorod town").
_SETTLEMENT_KIND = re.compile(r"\s+(?:town|city|village)$", re.IGNORECASE)


def _place_name(where: str) -> str | None:
    """The place of ``where_coordinates``, without the kind of settlement GED adds."""
    return _SETTLEMENT_KIND.sub("", where) or None


def _dyad_of_russia_and_ukraine(side_a: str, side_b: str) -> bool:
    sides = sorted((side_a, side_b))
    return sides[0].startswith(RUSSIA_GOVERNMENT) and sides[1] == UKRAINE_GOVERNMENT


def _span_precision(start: date, end: date) -> DatePrecision | None:
    """The precision that holds both ends: the day, the month or the year; ``None`` across
    years."""
    if start == end:
        return "day"
    if (start.year, start.month) == (end.year, end.month):
        return "month"
    return "year" if start.year == end.year else None


class UcdpLayout(Layout):
    """UCDP GED's event table in CSV (GED 22.1 and later, and the monthly candidate data)."""

    name = "ucdp"
    outlet = "UCDP"
    id_column = "id"
    required = (
        "id",
        "type_of_violence",
        "side_a",
        "side_b",
        "where_prec",
        "latitude",
        "longitude",
        "country",
        "date_prec",
        "date_start",
        "date_end",
    )

    def parse(self, row: Mapping[str, str], line: int) -> Record | Skipped:
        row_id = field_text(row, self.id_column)
        violence = parse_code(row.get("type_of_violence", ""), "type_of_violence", range(1, 4))
        start = parse_day(row.get("date_start", ""), "date_start")
        end = parse_day(row.get("date_end", ""), "date_end")
        date_code = parse_code(row.get("date_prec", ""), "date_prec", range(1, 6))
        where_code = parse_code(row.get("where_prec", ""), "where_prec", range(1, 8))
        lat, lon = parse_coordinates(row.get("latitude", ""), row.get("longitude", ""))
        if end < start:
            raise RowError(f"date_end {end} is before date_start {start}")
        country = COUNTRIES.get(field_text(row, "country").casefold())
        side_a, side_b = field_text(row, "side_a"), field_text(row, "side_b")
        if violence != 1 or not _dyad_of_russia_and_ukraine(side_a, side_b):
            return Skipped("not state-based violence of Russia and Ukraine", row_id, start)
        if country is None:
            return Skipped("outside Russia and Ukraine", row_id, start)
        if start < FIRST_DAY:
            return Skipped("before 24 February 2022", row_id, start)
        if where_code == COUNTRY_ONLY:
            return Skipped("placed only to the country", row_id, start)
        spanned = _span_precision(start, end)
        if spanned is None:
            return Skipped("dated across more than a year", row_id, start)
        precision = max(_DATE_PRECISION[date_code], spanned, key=DATE_RANK.__getitem__)
        day = start if precision == "day" else start.replace(day=1)
        if precision == "year":
            day = day.replace(month=1)
        place = _place_name(field_text(row, "where_coordinates"))
        notes = "; ".join(
            text
            for text in (field_text(row, "source_headline"), field_text(row, "where_description"))
            if text
        )
        return Record(
            provider=self.name,
            row_id=row_id,
            line=line,
            date=day,
            date_precision=precision,
            place=place,
            admin1=region_name(field_text(row, "adm_1"), country),
            country=country,
            lat=lat,
            lon=lon,
            geo_precision=_GEO_PRECISION[where_code],
            notes=notes or field_text(row, "source_article"),
            title=(
                f"UCDP GED {row_id}: {field_text(row, 'conflict_name') or 'Russia - Ukraine'},"
                f" {side_a} v. {side_b}, at {place} ({field_text(row, 'adm_1')},"
                f" {field_text(row, 'country')}; {lat}, {lon}; where_prec {where_code}),"
                f" {start.isoformat()} to {end.isoformat()} (date_prec {date_code});"
                f" deaths (best) {number_text(row.get('best', ''))};"
                f" sources: {field_text(row, 'source_office') or 'not given'}"
            ),
            needs_weapon=True,
        )
