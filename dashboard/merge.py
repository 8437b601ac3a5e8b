"""One strike, many reports: deciding when two events are the same strike, and merging them."""

from __future__ import annotations

from collections.abc import Iterable

from pyproj import Geod

from .model import (
    DATE_RANK,
    GEO_FACILITY,
    GEO_NONE,
    GEO_REGION,
    Event,
    Source,
    same_period,
    stronger_outcome,
)

_GEOD = Geod(ellps="WGS84")

#: Two facility-precise reports further apart than this are different sites.
SITE_RADIUS_KM = 5.0
#: A town-precise report covers its town; big cities (Moscow) span about this much.
TOWN_RADIUS_KM = 25.0


def km_apart(a: Event, b: Event) -> float:
    """Geodesic kilometres between two located events."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    _, _, metres = _GEOD.inv(a.lon, a.lat, b.lon, b.lat)
    return float(metres) / 1000.0


def same_place(a: Event, b: Event) -> bool:
    """Whether two reports locate the strike at the same place, allowing for their precision."""
    if a.located and b.located:
        if GEO_REGION in (a.geo_precision, b.geo_precision):
            return a.admin1 is not None and a.admin1 == b.admin1
        coarse = max(a.geo_precision, b.geo_precision)
        radius = SITE_RADIUS_KM if coarse == GEO_FACILITY else TOWN_RADIUS_KM
        return km_apart(a, b) <= radius
    if not a.located and not b.located:
        return (a.place or "") == (b.place or "")
    return False


def compatible(a: str, b: str) -> bool:
    """Two categories agree when equal or when either is unknown."""
    return a == b or "unknown" in (a, b)


def same_strike(a: Event, b: Event) -> bool:
    """Same place (or sites within a few km), dates agreeing within their precision,
    and target type and weapon not contradicting each other."""
    return (
        same_period(a.date, a.date_precision, b.date, b.date_precision)
        and same_place(a, b)
        and compatible(a.target_type, b.target_type)
        and compatible(a.weapon, b.weapon)
    )


def merge_sources(a: Iterable[Source], b: Iterable[Source]) -> tuple[Source, ...]:
    """Sources of both, one per article, quotes of the same article joined in order."""
    merged: dict[str, Source] = {}
    for source in (*a, *b):
        known = merged.get(source.article_id)
        if known is None:
            merged[source.article_id] = source
            continue
        seen = set(known.quotes)
        quotes = known.quotes + tuple(q for q in source.quotes if q not in seen)
        merged[source.article_id] = Source(
            article_id=known.article_id,
            outlet=known.outlet or source.outlet,
            published=known.published or source.published,
            url=known.url or source.url,
            title=known.title or source.title,
            quotes=quotes,
        )
    return tuple(merged.values())


def _prefer_known(a: str, b: str) -> str:
    return b if a == "unknown" else a


def _longer(a: str | None, b: str | None) -> str | None:
    if a and b:
        return a if len(a) >= len(b) else b
    return a or b


def merge_events(kept: Event, other: Event) -> Event:
    """``kept`` enriched by ``other``: the more precise date and place, known categories,
    every source. ``kept``'s id stays, so stored ids do not change when reports arrive."""
    dated = other if DATE_RANK[other.date_precision] < DATE_RANK[kept.date_precision] else kept
    placed = other if other.geo_precision < kept.geo_precision else kept
    return kept.with_changes(
        date=dated.date,
        date_precision=dated.date_precision,
        place=placed.place,
        admin1=placed.admin1 or kept.admin1 or other.admin1,
        country=placed.country or kept.country or other.country,
        occupied=placed.occupied,
        lat=placed.lat,
        lon=placed.lon,
        geo_precision=placed.geo_precision,
        distance_to_front_km=placed.distance_to_front_km,
        distance_to_border_km=placed.distance_to_border_km,
        distance_to_held_km=placed.distance_to_held_km,
        side=placed.side,
        frontline_id=placed.frontline_id,
        target_type=_prefer_known(kept.target_type, other.target_type),
        weapon=_prefer_known(kept.weapon, other.weapon),
        outcome=stronger_outcome(kept.outcome, other.outcome),
        target=_longer(kept.target, other.target),
        attacker_claim=kept.attacker_claim or other.attacker_claim,
        defender_claim=kept.defender_claim or other.defender_claim,
        sources=merge_sources(kept.sources, other.sources),
        distance_claims=kept.distance_claims
        + tuple(c for c in other.distance_claims if c not in kept.distance_claims),
    )


def merge_into(events: list[Event], new: Event) -> tuple[list[Event], bool]:
    """Add ``new`` to ``events``, merged into the first event of the same strike.

    Returns the new list and whether a merge happened.
    """
    for index, known in enumerate(events):
        if same_strike(known, new):
            updated = list(events)
            updated[index] = merge_events(known, new)
            return updated, True
    return [*events, new], False


def unlocated(event: Event) -> bool:
    return event.geo_precision == GEO_NONE or not event.located
