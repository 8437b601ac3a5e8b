"""Synthetic strike events for demonstrations and benchmarks, never for analysis.

:func:`make_demo_events` makes ``n`` events that look like the real data: sites are the
real facilities of ``data/facilities.csv`` (air bases, refineries, ports, arsenals) and
real Russian and Crimean towns found in the gazetteer, dates run from the full-scale
invasion to the end of 2025 with more strikes later, target types and weapons come in
plausible proportions, and distances are measured against the front line like real ones.
Everything an article would say is made up and says so: every outlet is "Demo wire …",
every link is on the reserved ``.invalid`` domain, and every quote starts with
:data:`SYNTHETIC_MARK`. ``python -m dashboard demo --events N`` stores them in a separate
demo store, a batch at a time (:func:`demo_event_stream`).
"""

from __future__ import annotations

import csv
import itertools
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from .errors import DataError
from .geo.frontline import distances_to_front_km
from .geo.gazetteer import Gazetteer, default_gazetteer
from .geo.geometry import distances_to_border_km
from .model import FIRST_DAY, GEO_FACILITY, GEO_NONE, GEO_REGION, GEO_TOWN, Event, Source
from .settings import get_settings

#: Every synthetic quote starts with this, so no demo sentence passes for a real one.
SYNTHETIC_MARK = "[SYNTHETIC DEMO]"
LAST_DAY = date(2025, 12, 31)

#: Real towns often named in strike reports; resolved in the gazetteer for coordinates.
TOWNS: tuple[str, ...] = (
    "Belgorod", "Kursk", "Bryansk", "Voronezh", "Oryol", "Lipetsk", "Tambov", "Rostov-on-Don",
    "Taganrog", "Krasnodar", "Novorossiysk", "Tuapse", "Yeysk", "Armavir", "Tikhoretsk",
    "Smolensk", "Kaluga", "Tula", "Ryazan", "Moscow", "Tver", "Yaroslavl", "Pskov",
    "Saint Petersburg", "Ust-Luga", "Primorsk", "Nizhny Novgorod", "Kazan", "Yelabuga",
    "Cheboksary", "Saratov", "Engels", "Volgograd", "Astrakhan", "Samara", "Syzran",
    "Ufa", "Orsk", "Makhachkala", "Kaspiysk", "Sevastopol", "Simferopol", "Feodosiya",
    "Kerch", "Dzhankoy", "Yevpatoriya", "Saky", "Olenegorsk", "Murmansk", "Millerovo",
)  # fmt: skip

#: Target types of strikes on a town, with weights (facility strikes take the facility's).
TOWN_TARGETS: dict[str, float] = {
    "residential": 0.22, "power": 0.2, "transport": 0.16, "commercial": 0.12,
    "military": 0.1, "government": 0.05, "oil": 0.05, "unknown": 0.1,
}  # fmt: skip
#: Weapons by target type, with weights; anything not listed uses "default".
WEAPON_WEIGHTS: dict[str, dict[str, float]] = {
    "naval": {"aerial_drone": 0.4, "sea_drone": 0.35, "missile": 0.2, "unknown": 0.05},
    "airbase": {"aerial_drone": 0.65, "missile": 0.25, "sabotage": 0.05, "unknown": 0.05},
    "default": {
        "aerial_drone": 0.78, "missile": 0.1, "sabotage": 0.04, "aircraft": 0.02,
        "unknown": 0.06,
    },
}  # fmt: skip
TARGET_WORDS: dict[str, tuple[str, ...]] = {
    "naval": ("a landing ship", "a patrol boat", "the naval base", "a corvette"),
    "airbase": ("parked aircraft", "the airfield", "a fuel store at the airfield"),
    "oil": ("the refinery", "an oil depot", "a fuel tank farm", "a distillation unit"),
    "power": ("an electrical substation", "the thermal power plant", "a transformer"),
    "ammunition": ("the ammunition depot", "a munitions store"),
    "military": ("a military unit", "an air-defence system", "a barracks"),
    "defense_industry": ("the drone factory", "an arms plant", "an electronics plant"),
    "government": ("an administration building",),
    "commercial": ("a warehouse", "a shopping centre", "an industrial park"),
    "residential": ("an apartment block", "a private house", "a residential street"),
    "transport": ("the railway station", "a rail bridge", "a freight yard", "the port"),
    "unknown": ("an unnamed site",),
}
OUTLETS: tuple[str, ...] = ("Demo wire A", "Demo wire B", "Demo daily", "Demo regional news")
WEAPON_WORDS: dict[str, str] = {
    "aerial_drone": "Drones", "sea_drone": "Sea drones", "missile": "Missiles",
    "aircraft": "Aircraft", "sabotage": "Saboteurs", "unknown": "An attack",
}  # fmt: skip


#: How often each kind of facility is struck, relative to a mid-sized town (1.0 to 5.0).
_FACILITY_WEIGHTS = {"oil": 3.0, "naval": 2.0, "airbase": 1.0}


@dataclass(frozen=True)
class DemoSite:
    """A real place the demo strikes; ``target_type`` is set for a facility."""

    name: str
    lat: float
    lon: float
    admin1: str | None
    country: str
    occupied: bool
    target_type: str | None
    weight: float


def _facility_sites(path: Path) -> list[DemoSite]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise DataError(f"{path}: cannot read the facilities ({error})") from None
    return [
        DemoSite(
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            admin1=row["admin1"] or None,
            country=row["country"],
            occupied=row["occupied"].strip().lower() == "true",
            target_type=row["target_type"],
            # Strikes concentrate on refineries and air bases near the front: weight them.
            weight=_FACILITY_WEIGHTS.get(row["target_type"], 1.5),
        )
        for row in rows
    ]


def _town_sites(gazetteer: Gazetteer) -> list[DemoSite]:
    sites = []
    for name in TOWNS:
        places = [
            p for p in gazetteer.lookup(name) if p.country in {"RU", "UA"} and p.kind == "city"
        ]
        if not places:
            continue
        place = places[0]
        if place.country == "UA" and not place.occupied:
            continue
        sites.append(
            DemoSite(
                place.name,
                place.lat,
                place.lon,
                place.admin1,
                place.country,
                place.occupied,
                None,
                1.0 + min(place.population, 1_000_000) / 250_000,
            )
        )
    return sites


def demo_sites(gazetteer: Gazetteer | None = None, data_dir: Path | None = None) -> list[DemoSite]:
    """The real places the demo strikes: facilities, then towns.

    Raises
    ------
    DataError
        If the facilities file or the gazetteer cannot be read, or no site is found.
    """
    folder = data_dir or get_settings().data_dir
    sites = _facility_sites(folder / "facilities.csv")
    sites += _town_sites(gazetteer or default_gazetteer())
    if not sites:
        raise DataError("no demo sites: the facilities file and the gazetteer are empty")
    return sites


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _jitter(rng: random.Random, lat: float, lon: float, km: float) -> tuple[float, float]:
    # A few kilometres around the site; cos(lat) keeps east-west offsets in kilometres.
    dlat = rng.gauss(0.0, km) / 111.0
    dlon = rng.gauss(0.0, km) / (111.0 * max(math.cos(math.radians(lat)), 0.2))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def _day(rng: random.Random) -> date:
    span = (LAST_DAY - FIRST_DAY).days
    # Beta(2.2, 1) leans towards the end: long-range strikes grew year on year.
    return FIRST_DAY + timedelta(days=round(rng.betavariate(2.2, 1.0) * span))


def make_demo_events(
    n: int, seed: int = 0, *, sites: Sequence[DemoSite] | None = None
) -> list[Event]:
    """``n`` synthetic, plausible strike events, the same for the same ``n`` and ``seed``.

    Parameters
    ----------
    n
        How many events; each has its own id, so all ``n`` are stored.
    seed
        Seed of the random choices.
    sites
        The places to strike; :func:`demo_sites` by default.

    Returns
    -------
    list of Event
        Oldest first. About 3 % have no coordinates (a region named only), as in real
        reports; the others carry distances to the front line of their date and to
        Ukraine's border.

    Raises
    ------
    DataError
        If the sites or the front-line snapshots cannot be loaded.
    """
    if n < 0:
        raise ValueError("n must be 0 or more")
    rng = random.Random(seed)
    pool = list(sites) if sites is not None else demo_sites()
    cumulative = list(itertools.accumulate(s.weight for s in pool))
    drafts = []
    for i in range(n):
        site = rng.choices(pool, cum_weights=cumulative)[0]
        target_type = site.target_type or _pick(rng, TOWN_TARGETS)
        weapon = _pick(rng, WEAPON_WEIGHTS.get(target_type, WEAPON_WEIGHTS["default"]))
        if weapon == "sea_drone" and target_type != "naval":
            weapon = "aerial_drone"
        day = _day(rng)
        roll = rng.random()
        precision = "day" if roll < 0.9 else "month" if roll < 0.98 else "year"
        if precision == "month":
            day = day.replace(day=1)
        elif precision == "year":
            day = day.replace(month=1, day=1)
        # A month or year known only stands at its first day, but never before the war's.
        day = max(day, FIRST_DAY)
        unlocated = rng.random() < 0.03
        if unlocated:
            lat = lon = None
            geo = GEO_NONE if rng.random() < 0.5 else GEO_REGION
        elif site.target_type is not None:
            lat, lon = _jitter(rng, site.lat, site.lon, 0.6)
            geo = GEO_FACILITY
        else:
            lat, lon = _jitter(rng, site.lat, site.lon, 3.0)
            geo = GEO_TOWN
        drafts.append((i, site, target_type, weapon, day, precision, lat, lon, geo))
    drafts.sort(key=lambda d: (d[4], d[0]))
    lats = np.array([np.nan if d[6] is None else d[6] for d in drafts], dtype=float)
    lons = np.array([np.nan if d[7] is None else d[7] for d in drafts], dtype=float)
    days = np.array([d[4] for d in drafts], dtype="datetime64[D]")
    front_km, front_ids = distances_to_front_km(lats, lons, days)
    border_km = distances_to_border_km(lats, lons)
    events = []
    for k, (i, site, target_type, weapon, day, precision, lat, lon, geo) in enumerate(drafts):
        located = lat is not None
        target = rng.choice(TARGET_WORDS[target_type])
        # An unlocated report names at most the region.
        place = site.name if located else site.admin1 if geo == GEO_REGION else None
        events.append(
            Event(
                id=f"demo{seed}-{i:07d}",
                date=day,
                date_precision=precision,  # type: ignore[arg-type]
                place=place,
                admin1=site.admin1,
                country=site.country,
                occupied=site.occupied,
                lat=lat,
                lon=lon,
                geo_precision=geo,
                target_type=target_type,  # type: ignore[arg-type]
                target=target,
                weapon=weapon,  # type: ignore[arg-type]
                attacker_claim=(
                    f"{SYNTHETIC_MARK} The attacker says {target} was hit."
                    if rng.random() < 0.5
                    else None
                ),
                defender_claim=(
                    f"{SYNTHETIC_MARK} Officials say {rng.randint(2, 60)} drones were shot down."
                    if rng.random() < 0.6
                    else None
                ),
                distance_to_front_km=round(float(front_km[k]), 1) if located else None,
                distance_to_border_km=round(float(border_km[k]), 1) if located else None,
                frontline_id=str(front_ids[k]) if located else None,
                sources=_sources(rng, i, seed, day, site.name, target, weapon),
            )
        )
    return events


#: Events made at a time by :func:`demo_event_stream`.
DEMO_BATCH = 100_000


def demo_event_stream(n: int, seed: int = 0) -> Iterator[Event]:
    """``n`` synthetic events made a batch at a time, for a store of a million.

    Up to :data:`DEMO_BATCH` events they are :func:`make_demo_events`'s; beyond, each batch
    is made with its own seed, so memory holds one batch and every id stays unique.
    """
    if n <= DEMO_BATCH:
        yield from make_demo_events(n, seed)
        return
    sites = demo_sites()
    for batch, start in enumerate(range(0, n, DEMO_BATCH)):
        size = min(DEMO_BATCH, n - start)
        yield from make_demo_events(size, seed * 1_000_003 + batch + 1, sites=sites)


def _sources(
    rng: random.Random, i: int, seed: int, day: date, place: str, target: str, weapon: str
) -> tuple[Source, ...]:
    count = 1 if rng.random() < 0.6 else 2 if rng.random() < 0.75 else 3
    outlets = rng.sample(OUTLETS, count)
    sources = []
    for k, outlet in enumerate(outlets):
        published = day + timedelta(days=rng.choice((0, 0, 1, 1, 2)))
        slug = f"{seed}-{i}-{k}"
        # Each quote differs, as real ones do, so the demo payload is as big as real data.
        quote = (
            f"{SYNTHETIC_MARK} {WEAPON_WORDS[weapon]} struck {target} near {place} on "
            f"{day:%d %B %Y} at about {rng.randrange(24):02d}:{rng.randrange(60):02d}, "
            f"according to made-up report no. {slug} written for the demo."
        )
        sources.append(
            Source(
                article_id=f"demo-{slug}",
                outlet=outlet,
                published=published,
                url=f"https://demo.invalid/{published:%Y/%m/%d}/{slug}",
                title=f"Synthetic report: strike near {place}",
                quotes=(quote,),
            )
        )
    return tuple(sources)
