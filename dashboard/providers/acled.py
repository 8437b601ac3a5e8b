"""ACLED's exports, in and out: its columns, its codes, and which rows are strikes by Ukraine.

A row is kept when it is a long-range strike by Ukraine's forces:

- ``event_type`` Explosions/Remote violence, with ``sub_event_type`` Air/drone strike,
  Shelling/artillery/missile attack or Remote explosive/landmine/IED (not Chemical weapon,
  Suicide bomb or Grenade);
- ``actor1`` Ukraine's armed forces: a name beginning "Military Forces of Ukraine", as ACLED
  names them in every period and branch;
- ``country`` Russia or Ukraine, dated from 24 February 2022; the importer then keeps it
  only on Russia's side of the front line of its date (:mod:`dashboard.providers.importer`).

Codes: ``time_precision`` 1 (the day) is a day; 2 (a week) and 3 (a month, coded at its
mid-point) are the month, since events know no weeks. ``geo_precision`` 1 (the town) and 2
(a town standing for a small area near it) are a town; 3 (a region, coded at its capital or
a natural feature) is the region.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from ..model import FIRST_DAY, GEO_FACILITY, GEO_REGION, GEO_TOWN, DatePrecision, Event, Weapon
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

#: ACLED's columns as its exports give them (the 2023 layout), in order.
COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

EXPLOSIONS = "Explosions/Remote violence"
EVENT_TYPES = frozenset(
    t.casefold()
    for t in (
        "Battles",
        "Violence against civilians",
        EXPLOSIONS,
        "Protests",
        "Riots",
        "Strategic developments",
    )
)
AIR_DRONE = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
#: The sub-event types of Explosions/Remote violence, and the weapon each says when the
#: notes name none (a shelling may be artillery, which events do not record).
EXPLOSION_SUB_TYPES: dict[str, Weapon | None] = {
    AIR_DRONE.casefold(): "unknown",
    SHELLING.casefold(): "unknown",
    REMOTE_EXPLOSIVE.casefold(): "sabotage",
    "chemical weapon": None,
    "suicide bomb": None,
    "grenade": None,
}
UKRAINE_FORCES = "Military Forces of Ukraine"
COUNTRIES = {"russia": "RU", "ukraine": "UA"}
COUNTRY_NAMES = {"RU": "Russia", "UA": "Ukraine"}
ISO_NUMERIC = {"RU": 643, "UA": 804}

_TIME_PRECISION: dict[int, DatePrecision] = {1: "day", 2: "month", 3: "month"}
_GEO_PRECISION = {1: GEO_TOWN, 2: GEO_TOWN, 3: GEO_REGION}


class AcledLayout(Layout):
    """ACLED's event export (one row per event, the layout of March 2023 and after)."""

    name = "acled"
    outlet = "ACLED"
    id_column = "event_id_cnty"
    required = (
        "event_id_cnty",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "notes",
    )

    def parse(self, row: Mapping[str, str], line: int) -> Record | Skipped:
        row_id = field_text(row, self.id_column)
        event_type = field_text(row, "event_type")
        if event_type.casefold() not in EVENT_TYPES:
            raise RowError(f"unknown event type {event_type!r}")
        sub_type = field_text(row, "sub_event_type")
        is_explosion = event_type.casefold() == EXPLOSIONS.casefold()
        if is_explosion and sub_type.casefold() not in EXPLOSION_SUB_TYPES:
            raise RowError(f"unknown sub-event type {sub_type!r}")
        day = parse_day(row.get("event_date", ""), "event_date")
        time_code = parse_code(row.get("time_precision", ""), "time_precision", range(1, 4))
        lat, lon = parse_coordinates(row.get("latitude", ""), row.get("longitude", ""))
        geo_code = parse_code(row.get("geo_precision", ""), "geo_precision", range(1, 4))
        country = COUNTRIES.get(field_text(row, "country").casefold())
        fallback = EXPLOSION_SUB_TYPES.get(sub_type.casefold()) if is_explosion else None
        if fallback is None:
            kind = sub_type if is_explosion else event_type
            return Skipped(f"{kind}: not a long-range strike", row_id, day)
        if not field_text(row, "actor1").startswith(UKRAINE_FORCES):
            return Skipped("not by Ukraine's forces (actor1)", row_id, day)
        if country is None:
            return Skipped("outside Russia and Ukraine", row_id, day)
        if day < FIRST_DAY:
            return Skipped("before 24 February 2022", row_id, day)
        precision = _TIME_PRECISION[time_code]
        location = field_text(row, "location") or None
        return Record(
            provider=self.name,
            row_id=row_id,
            line=line,
            date=day if precision == "day" else day.replace(day=1),
            date_precision=precision,
            place=location,
            admin1=region_name(field_text(row, "admin1"), country),
            country=country,
            lat=lat,
            lon=lon,
            geo_precision=_GEO_PRECISION[geo_code],
            notes=field_text(row, "notes"),
            title=(
                f"ACLED {row_id}: {sub_type} by {field_text(row, 'actor1')} at {location}"
                f" ({field_text(row, 'admin1')}, {field_text(row, 'country')}; {lat}, {lon};"
                f" geo precision {geo_code}), {day.isoformat()} (time precision"
                f" {time_code}); fatalities {number_text(row.get('fatalities', ''))};"
                f" sources: {field_text(row, 'source') or 'not given'}"
            ),
            published=_timestamp_day(field_text(row, "timestamp")),
            fallback_weapon=fallback,
        )


def _timestamp_day(text: str) -> date | None:
    """The day of ACLED's ``timestamp`` (when the row was last changed), if it gives one."""
    try:
        return datetime.fromtimestamp(int(text), UTC).date()
    except (ValueError, OverflowError, OSError):
        return None


# -- out: events in ACLED's columns ----------------------------------------------------------

#: strikemap's own columns after ACLED's, for what ACLED's have no place for.
EXTRA_COLUMNS: tuple[str, ...] = (
    "strikemap_id",
    "target_type",
    "weapon",
    "outcome",
    "distance_to_front_km",
    "side",
    "urls",
)
EXPORT_COLUMNS = COLUMNS + EXTRA_COLUMNS

#: The sub-event type each weapon is written as; an unknown weapon leaves it empty rather
#: than guess.
SUB_TYPE_OF_WEAPON: dict[Weapon, str] = {
    "aerial_drone": AIR_DRONE,
    "aircraft": AIR_DRONE,
    "missile": SHELLING,
    "sea_drone": REMOTE_EXPLOSIVE,
    "sabotage": REMOTE_EXPLOSIVE,
    "unknown": "",
}
_PRECISION_CODE = {"day": 1, "month": 3, "year": 3}
_GEO_CODE = {GEO_FACILITY: 1, GEO_TOWN: 1, GEO_REGION: 3}
_ACLED_ID = re.compile(r"^acled:(.+)$")


def acled_row(event: Event) -> dict[str, Any]:
    """One event as a row of ACLED's columns (and strikemap's after them).

    An event holding one ACLED row keeps its ``event_id_cnty``; others get
    ``strikemap:<id>``. Every event is written as an explosion by Ukraine's forces, the
    kind the dashboard holds; ``fatalities`` and ``source_scale`` stay empty, since the
    articles' counts are not kept.
    """
    acled_ids = [m.group(1) for s in event.sources if (m := _ACLED_ID.match(s.article_id))]
    country = event.country or ""
    geo = _GEO_CODE.get(event.geo_precision, "") if event.located else ""
    notes = " ".join(quote for source in event.sources for quote in source.quotes[:1])
    return {
        "event_id_cnty": acled_ids[0] if len(acled_ids) == 1 else f"strikemap:{event.id}",
        "event_date": event.date.isoformat(),
        "year": event.date.year,
        "time_precision": _PRECISION_CODE[event.date_precision],
        "disorder_type": "Political violence",
        "event_type": EXPLOSIONS,
        "sub_event_type": SUB_TYPE_OF_WEAPON[event.weapon],
        "actor1": f"{UKRAINE_FORCES} (2019-)",
        "inter1": 1,
        "iso": ISO_NUMERIC.get(country),
        "region": "Europe",
        "country": COUNTRY_NAMES.get(country, country),
        "admin1": event.admin1,
        "location": event.place,
        "latitude": event.lat,
        "longitude": event.lon,
        "geo_precision": geo,
        "source": "; ".join(dict.fromkeys(s.outlet or "unknown outlet" for s in event.sources)),
        "notes": notes,
        "strikemap_id": event.id,
        "target_type": event.target_type,
        "weapon": event.weapon,
        "outcome": event.outcome,
        "distance_to_front_km": event.distance_to_front_km,
        "side": event.side,
        "urls": " | ".join(s.url for s in event.sources if s.url),
    }
