"""An analyst's corrections of a stored event: what may change, checked, and the event it
makes, measured again against the front line the way the loader measures.

The command line (``python -m dashboard event edit``) and the app's Event page both
correct through :func:`edit_event`, which hands the store the event before and after, so
the store's history records who changed what.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import DateError, InputError, PlaceNotFound
from .extraction.places import geo_precision
from .geo.gazetteer import Place, default_gazetteer
from .geo.geometry import geodesic_distance_km
from .loader import measure
from .merge import TOWN_RADIUS_KM
from .metadata import ANY_DATE_HINT, EARLIEST_PUBLISHED
from .model import (
    DATE_PRECISIONS,
    GEO_FACILITY,
    GEO_NONE,
    GEO_TOWN,
    OUTCOMES,
    TARGET_TYPES,
    WEAPONS,
    Event,
)
from .store import EventStore


@dataclass(frozen=True)
class EventEdit:
    """What an analyst changes of an event; ``None`` leaves a field as it is.

    Parameters
    ----------
    date, date_precision
        The strike's date, and whether it is known to the day, month or year (a new date
        alone is to the day; a month or year is kept as its first day).
    place
        A place name. Alone, it is looked up in the gazetteer, which gives the point,
        region and country; with ``lat`` and ``lon`` it names that point.
    lat, lon
        The point, in WGS84 degrees; given together. The region and country are those of
        ``place`` when the gazetteer puts it within 25 km of the point, else unchanged.
    target_type, weapon, outcome
        One of :data:`~dashboard.model.TARGET_TYPES`, :data:`~dashboard.model.WEAPONS`,
        :data:`~dashboard.model.OUTCOMES`.
    allow_any_date
        Keep a date before 2014 or after tomorrow (refused otherwise, as a likely typo).
    """

    date: date | None = None
    date_precision: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    target_type: str | None = None
    weapon: str | None = None
    outcome: str | None = None
    allow_any_date: bool = False

    def check(self) -> None:
        """Raise :class:`InputError` with a one-line reason for a value that cannot be used."""
        for name, value, allowed in (
            ("date precision", self.date_precision, DATE_PRECISIONS),
            ("target type", self.target_type, TARGET_TYPES),
            ("weapon", self.weapon, WEAPONS),
            ("outcome", self.outcome, OUTCOMES),
        ):
            if value is not None and value not in allowed:
                raise InputError(f"unknown {name} {value!r} (one of: {', '.join(allowed)})")
        if self.date is not None and not self.allow_any_date:
            if self.date < EARLIEST_PUBLISHED:
                raise DateError(
                    f"date {self.date.isoformat()}: before {EARLIEST_PUBLISHED.isoformat()}; "
                    f"{ANY_DATE_HINT}"
                )
            if self.date > date.today() + timedelta(days=1):
                raise DateError(f"date {self.date.isoformat()}: after tomorrow; {ANY_DATE_HINT}")
        if (self.lat is None) != (self.lon is None):
            raise InputError("give the latitude and the longitude together")
        if self.lat is not None and self.lon is not None:
            if not (math.isfinite(self.lat) and -90.0 <= self.lat <= 90.0):
                raise InputError(f"latitude {self.lat}: not between -90 and 90")
            if not (math.isfinite(self.lon) and -180.0 <= self.lon <= 180.0):
                raise InputError(f"longitude {self.lon}: not between -180 and 180")
        if self.place is not None and not self.place.strip():
            raise InputError("the place name is empty")


def with_place(event: Event, place: Place) -> Event:
    """The event at a gazetteer place: its name, region, country and point, as precise as
    the place's kind (a region or a strait pins it to an area, a country nowhere)."""
    precision = geo_precision(place)
    located = precision != GEO_NONE
    return event.with_changes(
        place=place.name,
        admin1=place.admin1,
        country=place.country,
        occupied=place.occupied,
        lat=place.lat if located else None,
        lon=place.lon if located else None,
        geo_precision=precision,
    )


def _at_point(event: Event, lat: float, lon: float, name: str | None) -> Event:
    known = default_gazetteer().best(name) if name else None
    agrees = known is not None and geodesic_distance_km(lat, lon, known.lat, known.lon) <= (
        TOWN_RADIUS_KM
    )
    # A point given by hand is at least as precise as a town.
    precision = event.geo_precision if event.geo_precision in (GEO_FACILITY, GEO_TOWN) else GEO_TOWN
    return event.with_changes(
        place=name or event.place,
        admin1=known.admin1 if known is not None and agrees else event.admin1,
        country=known.country if known is not None and agrees else event.country,
        lat=lat,
        lon=lon,
        geo_precision=precision,
    )


def remeasured(event: Event) -> Event:
    """The event measured anew against the front line of its date (as the loader does); an
    event with no point keeps no measurement."""
    cleared = event.with_changes(
        distance_to_front_km=None,
        distance_to_border_km=None,
        distance_to_held_km=None,
        side=None,
        frontline_id=None,
        distance_claims=tuple(claim.with_measurement(None) for claim in event.distance_claims),
    )
    return measure([cleared])[0]


def _period_start(day: date, precision: str) -> date:
    if precision == "year":
        return day.replace(month=1, day=1)
    if precision == "month":
        return day.replace(day=1)
    return day


def apply_edit(event: Event, edit: EventEdit) -> Event:
    """The event as corrected; measured again when its date or place changed.

    Raises
    ------
    InputError
        For a value :meth:`EventEdit.check` refuses.
    PlaceNotFound
        For a place name alone that the gazetteer does not know.
    """
    edit.check()
    fixed = event
    if edit.date is not None or edit.date_precision is not None:
        # A new date alone is a day; a new precision alone keeps the date it re-anchors.
        default = "day" if edit.date is not None else event.date_precision
        precision = edit.date_precision or default
        fixed = fixed.with_changes(
            date=_period_start(edit.date or event.date, precision), date_precision=precision
        )
    place = edit.place.strip() if edit.place is not None else None
    if edit.lat is not None and edit.lon is not None:
        fixed = _at_point(fixed, edit.lat, edit.lon, place)
    elif place is not None and place != event.place:
        known = default_gazetteer().best(place)
        if known is None:
            raise PlaceNotFound(
                f"no place called {place!r} in the gazetteer: give its latitude and "
                "longitude with it"
            )
        fixed = with_place(fixed, known)
    fixed = fixed.with_changes(
        target_type=edit.target_type or fixed.target_type,
        weapon=edit.weapon or fixed.weapon,
        outcome=edit.outcome or fixed.outcome,
    )
    moved = (fixed.date, fixed.lat, fixed.lon) != (event.date, event.lat, event.lon)
    return remeasured(fixed) if moved else fixed


def edit_event(store: EventStore, event_id: str, edit: EventEdit) -> tuple[Event, Event]:
    """Correct a stored event through the store, which records it; returns it before and
    after (the same when nothing changed)."""
    old = store.require(event_id)
    new = apply_edit(old, edit)
    return old, store.edit(old, new)


_LOCATED_TO = {1: "the facility", 2: "the town", 3: "the region", 4: "nowhere"}


def _km(value: float | None, note: str = "") -> str:
    return "—" if value is None else f"{value:,.1f} km{note}"


def field_rows(event: Event) -> list[tuple[str, str]]:
    """Every field of an event as (label, value) for a reader to check; "—" for none."""
    precision = "" if event.date_precision == "day" else f" ({event.date_precision} only)"
    front = f" (front line of {event.frontline_id})" if event.frontline_id else ""
    rows = [
        ("id", event.id),
        ("date", f"{event.date.isoformat()}{precision}"),
        ("place", event.place or "—"),
        ("region", event.admin1 or "—"),
        ("country", (event.country or "—") + (" (occupied)" if event.occupied else "")),
        ("point", f"{event.lat}, {event.lon}" if event.located else "—"),
        ("located to", _LOCATED_TO.get(event.geo_precision, "—")),
        ("target type", event.target_type.replace("_", " ")),
        ("target", event.target or "—"),
        ("weapon", event.weapon.replace("_", " ")),
        ("outcome", event.outcome),
        ("attacker says", event.attacker_claim or "—"),
        ("defender says", event.defender_claim or "—"),
        ("from the front line", _km(event.distance_to_front_km, front)),
        ("from Ukraine's border", _km(event.distance_to_border_km)),
        ("from Ukrainian-held territory", _km(event.distance_to_held_km)),
        ("side", (event.side or "—").replace("_", " ")),
    ]
    rows.extend(("distance claim", claim.describe()) for claim in event.distance_claims)
    return rows
