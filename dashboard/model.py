"""The event model: one strike at one place on one date, with its sources."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, get_args

from .errors import DateError

TargetType = Literal[
    "naval",
    "airbase",
    "oil",
    "power",
    "ammunition",
    "military",
    "defense_industry",
    "government",
    "commercial",
    "residential",
    "transport",
    "unknown",
]
Weapon = Literal["aerial_drone", "sea_drone", "missile", "aircraft", "sabotage", "unknown"]
DatePrecision = Literal["day", "month", "year"]
#: ``hit`` when a report says something was hit, damaged or set on fire; ``intercepted`` for
#: drones or missiles only shot down (an interception tally: not a strike); ``unknown`` when
#: the report cannot tell.
Outcome = Literal["hit", "intercepted", "unknown"]

TARGET_TYPES: tuple[TargetType, ...] = get_args(TargetType)
WEAPONS: tuple[Weapon, ...] = get_args(Weapon)
DATE_PRECISIONS: tuple[DatePrecision, ...] = get_args(DatePrecision)
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)


def stronger_outcome(a: Outcome, b: Outcome) -> Outcome:
    """Of two reports of one strike, the outcome that says more: a hit anywhere in them makes
    it a hit, and an interception only stands when nothing says it reached anything."""
    return min(a, b, key=("hit", "unknown", "intercepted").index)


DATE_RANK: dict[DatePrecision, int] = {"day": 0, "month": 1, "year": 2}

#: The full-scale invasion: strikes before it have no front line of their date to be
#: measured against (the first snapshot is of April 2022), and are outside the dashboard's
#: scope.
FIRST_DAY = date(2022, 2, 24)


def period_end(day: date, precision: DatePrecision) -> date:
    """The last day of the period a date stands for: the day, its month or its year."""
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        # December's end is known without the next year's first day (none after 9999).
        if day.month == 12:
            return date(day.year, 12, 31)
        return date.fromordinal(date(day.year, day.month + 1, 1).toordinal() - 1)
    return day


def before_the_war(day: date, precision: DatePrecision, published: date) -> bool:
    """Whether a report of the war (published from :data:`FIRST_DAY`) dates something
    wholly before it: a file photo's caption, a day of history, no strike of this war.
    (Older reports load only when asked for, and keep their dates.)"""
    return published >= FIRST_DAY and period_end(day, precision) < FIRST_DAY


def parse_iso_date(text: str) -> date:
    """Parse ``YYYY-MM-DD`` or raise :class:`DateError` with a one-line reason."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DateError(f"not a date (expected YYYY-MM-DD): {text!r}") from None


def same_period(a: date, a_precision: DatePrecision, b: date, b_precision: DatePrecision) -> bool:
    """Whether two dates agree within the coarser of their precisions."""
    coarser = max(a_precision, b_precision, key=DATE_RANK.__getitem__)
    if coarser == "year":
        return a.year == b.year
    if coarser == "month":
        return (a.year, a.month) == (b.year, b.month)
    return a == b


Reference = Literal["front", "border", "held", "place"]

KM_PER_MILE = 1.609344
#: A claim is off when the measurement is more than this fraction outside its range.
TOLERANCE = 0.25


@dataclass(frozen=True)
class DistanceClaim:
    """What an article says about an event's distance from something, and the check of it."""

    text: str
    low_km: float
    high_km: float
    reference: Reference
    place: str | None = None
    measured_km: float | None = None

    @property
    def off(self) -> bool:
        """Whether the measurement falls more than 25 % outside the claimed range."""
        if self.measured_km is None:
            return False
        low, high = self.low_km / (1 + TOLERANCE), self.high_km * (1 + TOLERANCE)
        return not low <= self.measured_km <= high

    def describe(self) -> str:
        """One line for a table or popup: the claim, the range, the measurement."""
        claimed = f"{self.low_km:,.0f}–{self.high_km:,.0f} km"
        measured = (
            "not measured"
            if self.measured_km is None
            else f"{self.measured_km:,.0f} km measured"
            + (" — off by more than 25 %" if self.off else "")
        )
        return f'"{self.text}" ({claimed} claimed; {measured})'

    def with_measurement(self, km: float | None) -> DistanceClaim:
        return replace(self, measured_km=None if km is None else round(km, 1))

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "low_km": self.low_km,
            "high_km": self.high_km,
            "reference": self.reference,
            "place": self.place,
            "measured_km": self.measured_km,
            "off": self.off,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DistanceClaim:
        return cls(
            text=data["text"],
            low_km=float(data["low_km"]),
            high_km=float(data["high_km"]),
            reference=data["reference"],
            place=data.get("place"),
            measured_km=data.get("measured_km"),
        )


#: Geo precision: 1 the facility itself, 2 the town, 3 the region, 4 not located.
GEO_FACILITY, GEO_TOWN, GEO_REGION, GEO_NONE = 1, 2, 3, 4


@dataclass(frozen=True)
class Source:
    """One article's report of an event.

    Parameters
    ----------
    article_id
        Stable id of the article: the SHA-256 of its text, shortened.
    outlet, published, url, title
        The article's metadata, as far as known.
    quotes
        The article's sentences that support the event, verbatim.
    """

    article_id: str
    outlet: str | None
    published: date | None
    url: str | None
    title: str | None
    quotes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "title": self.title,
            "quotes": list(self.quotes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        """A source from :meth:`to_dict`'s form; ``TypeError``, ``KeyError`` or ``ValueError``
        when a field is missing or of the wrong type."""
        _require(data, dict, "source")
        published = _typed(data, "published", str)
        quotes = data.get("quotes", [])
        _require(quotes, list, "quotes")
        for quote in quotes:
            _require(quote, str, "quote")
        return cls(
            article_id=_require(data["article_id"], str, "article_id"),
            outlet=_typed(data, "outlet", str),
            published=date.fromisoformat(published) if published else None,
            url=_typed(data, "url", str),
            title=_typed(data, "title", str),
            quotes=tuple(quotes),
        )


@dataclass(frozen=True)
class Event:
    """One strike at one place on one date.

    ``date`` is the first day of the period when ``date_precision`` is month or year.
    ``country`` is ISO 3166-1 alpha-2; Crimea and Sevastopol are ``UA`` with ``occupied``.
    Coordinates are ``None`` when the article names no place (``geo_precision`` 4).
    Distances are geodesic kilometres, ``None`` when not located: to the front line of the
    event's date, to Ukraine's state border (0 inside), and to the nearest Ukrainian-held
    territory; ``side`` is ``russia``, ``occupied`` or ``ukraine_held``; ``frontline_id``
    names the front-line snapshot the distance was measured against. ``distance_claims``
    are what the sources say of the distance, each checked against the measurement.
    """

    date: date
    date_precision: DatePrecision
    place: str | None
    admin1: str | None
    country: str | None
    occupied: bool
    lat: float | None
    lon: float | None
    geo_precision: int
    target_type: TargetType
    target: str | None
    weapon: Weapon
    attacker_claim: str | None = None
    defender_claim: str | None = None
    distance_to_front_km: float | None = None
    distance_to_border_km: float | None = None
    distance_to_held_km: float | None = None
    side: str | None = None
    frontline_id: str | None = None
    sources: tuple[Source, ...] = field(default_factory=tuple)
    distance_claims: tuple[DistanceClaim, ...] = ()
    outcome: Outcome = "unknown"
    id: str = ""

    def __post_init__(self) -> None:
        if self.target_type not in TARGET_TYPES:
            raise ValueError(f"unknown target type {self.target_type!r}")
        if self.weapon not in WEAPONS:
            raise ValueError(f"unknown weapon {self.weapon!r}")
        if self.date_precision not in DATE_PRECISIONS:
            raise ValueError(f"unknown date precision {self.date_precision!r}")
        if self.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {self.outcome!r}")
        if not self.id:
            object.__setattr__(self, "id", self.natural_id())

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def quote(self) -> str:
        """The first supporting sentence of the first source."""
        for source in self.sources:
            if source.quotes:
                return source.quotes[0]
        return ""

    def natural_id(self) -> str:
        """An id from what identifies the strike: its date, place and target.

        The first report fixes the id; merged reports keep it.
        """
        where = (
            f"{round(self.lat, 2)},{round(self.lon, 2)}"
            if self.lat is not None and self.lon is not None
            else (self.place or "")
        )
        key = "|".join(
            [self.date.isoformat(), self.date_precision, where, self.target_type, self.weapon]
        )
        return hashlib.sha256(key.encode()).hexdigest()[:12]

    def with_changes(self, **changes: Any) -> Event:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the flat fields, the first quote, and the sources."""
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "date_precision": self.date_precision,
            "place": self.place,
            "admin1": self.admin1,
            "country": self.country,
            "occupied": self.occupied,
            "lat": self.lat,
            "lon": self.lon,
            "geo_precision": self.geo_precision,
            "target_type": self.target_type,
            "target": self.target,
            "weapon": self.weapon,
            "outcome": self.outcome,
            "attacker_claim": self.attacker_claim,
            "defender_claim": self.defender_claim,
            "distance_to_front_km": self.distance_to_front_km,
            "distance_to_border_km": self.distance_to_border_km,
            "distance_to_held_km": self.distance_to_held_km,
            "side": self.side,
            "frontline_id": self.frontline_id,
            "quote": self.quote,
            "distance_claims": [c.to_dict() for c in self.distance_claims],
            "sources": [s.to_dict() for s in self.sources],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """An event from :meth:`to_dict`'s form; ``TypeError``, ``KeyError`` or ``ValueError``
        when a field is missing or of the wrong type."""
        _require(data, dict, "event")
        sources = data.get("sources", [])
        claims = data.get("distance_claims", [])
        _require(sources, list, "sources")
        _require(claims, list, "distance_claims")
        return cls(
            id=_require(data.get("id", ""), str, "id"),
            date=date.fromisoformat(_require(data["date"], str, "date")),
            date_precision=data["date_precision"],
            place=_typed(data, "place", str),
            admin1=_typed(data, "admin1", str),
            country=_typed(data, "country", str),
            occupied=_require(data.get("occupied", False), bool, "occupied"),
            lat=_typed(data, "lat", _NUMBER),
            lon=_typed(data, "lon", _NUMBER),
            geo_precision=_require(data.get("geo_precision", GEO_NONE), int, "geo_precision"),
            target_type=data.get("target_type", "unknown"),
            target=_typed(data, "target", str),
            weapon=data.get("weapon", "unknown"),
            outcome=_typed(data, "outcome", str) or "unknown",
            attacker_claim=_typed(data, "attacker_claim", str),
            defender_claim=_typed(data, "defender_claim", str),
            distance_to_front_km=_typed(data, "distance_to_front_km", _NUMBER),
            distance_to_border_km=_typed(data, "distance_to_border_km", _NUMBER),
            distance_to_held_km=_typed(data, "distance_to_held_km", _NUMBER),
            side=_typed(data, "side", str),
            frontline_id=_typed(data, "frontline_id", str),
            sources=tuple(Source.from_dict(s) for s in sources),
            distance_claims=tuple(DistanceClaim.from_dict(c) for c in claims),
        )


_NUMBER = (int, float)


def _require(value: Any, kinds: type | tuple[type, ...], name: str) -> Any:
    """``value`` if it is of ``kinds``, else ``TypeError``; a bool is no number here."""
    numeric = kinds in (int, _NUMBER)
    if isinstance(value, kinds) and not (numeric and isinstance(value, bool)):
        return value
    raise TypeError(f"{name} is {type(value).__name__}, not {_kind_names(kinds)}")


def _typed(data: dict[str, Any], key: str, kinds: type | tuple[type, ...]) -> Any:
    """``data[key]``, ``None`` when absent or null, checked against ``kinds``."""
    value = data.get(key)
    return None if value is None else _require(value, kinds, key)


def _kind_names(kinds: type | tuple[type, ...]) -> str:
    names = {"str": "text", "int": "a whole number", "float": "a number", "bool": "true/false"}
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    return " or ".join(names.get(kind.__name__, kind.__name__) for kind in kinds)
