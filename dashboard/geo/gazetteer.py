"""The offline gazetteer: countries, first-level regions, towns and facilities by name.

Names are matched through :func:`normalise`, a key that folds case, diacritics, apostrophes,
Cyrillic letters and the usual transliteration differences (``iy``/``ii``/``ij``, ``y``/``j``,
``ya``/``ia``, ``ye``/``e``, doubled letters), so "Kaspiysk", "Kaspijsk" and "Каспийск" meet.
Spellings that differ beyond that ("Kiev" and "Kyiv") meet through GeoNames' alternate names,
which ``scripts/build_gazetteer.py`` keeps in the data file.

Data files in the data folder:

- ``gazetteer.json.gz``: towns and countries with their alternate names (GeoNames, CC BY 4.0).
- ``regions.json``: first-level regions keyed by GeoNames admin1 codes, with a point each.
- ``facilities.csv`` (optional): named facilities, columns
  ``name,aliases,lat,lon,target_type,town,admin1,country,occupied,note``.
- ``features.csv`` (optional): natural features strike reports place strikes at (straits,
  bays, lakes, capes, spits, seas), columns ``name,aliases,lat,lon,kind,admin1,country,
  occupied,note``.
- ``settlements.csv`` (optional): villages GeoNames' ``cities500`` lacks that reports name
  as struck (border villages under shelling), columns ``name,aliases,lat,lon,admin1,country,
  population,note``; each row's note says where its coordinates come from.
"""

from __future__ import annotations

import csv
import functools
import gzip
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pyproj import Geod

from dashboard.errors import DataError
from dashboard.settings import get_settings

_GEOD = Geod(ellps="WGS84")

PlaceKind = Literal["country", "region", "city", "facility", "feature"]

GAZETTEER_FILE = "gazetteer.json.gz"
REGIONS_FILE = "regions.json"
FACILITIES_FILE = "facilities.csv"
FEATURES_FILE = "features.csv"
SETTLEMENTS_FILE = "settlements.csv"
#: The data format this module reads; the build script writes the same number.
FORMAT_VERSION = 1
FACILITY_COLUMNS = (
    "name",
    "aliases",
    "lat",
    "lon",
    "target_type",
    "town",
    "admin1",
    "country",
    "occupied",
    "note",
)
FEATURE_COLUMNS = ("name", "aliases", "lat", "lon", "kind", "admin1", "country", "occupied", "note")
SETTLEMENT_COLUMNS = ("name", "aliases", "lat", "lon", "admin1", "country", "population", "note")
#: Kinds of natural feature, from the open sea down to a cape.
FEATURE_KINDS = frozenset(
    {
        "sea",
        "gulf",
        "bay",
        "strait",
        "lake",
        "reservoir",
        "cape",
        "spit",
        "island",
        "peninsula",
        "river",
    }
)

#: "-on-" before a river's name closing a town's name: "Slavyansk-on-Kuban".
_ON_RIVER = re.compile(r"[-\s]on[-\s](?P<river>[^\W\d_]+)$")
#: The endings a river's name takes after "na" in a Russian town's name: "Kubani", "Donu",
#: "Amure", or none.
_PREPOSITIONAL_ENDINGS = ("i", "u", "e", "")

#: A village smaller than this loses a shared name to a region (e.g. "Dagestan").
REGION_NAME_WEIGHT = 100_000
#: A region's secondary names ("Belgorod region", bare "Belgorod") weigh like a village.
REGION_ALIAS_WEIGHT = 2_000
#: A town matched only by an alternate name counts this fraction of its population, so a
#: town whose own name is the query usually wins over a bigger town that merely has the alias.
ALIAS_POPULATION_FACTOR = 0.1


@dataclass(frozen=True)
class Place:
    """A named place with a point.

    ``admin1`` is the English name of the first-level region the place lies in (for a
    region, its own name). Crimea and Sevastopol are ``UA`` with ``occupied`` set.
    """

    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    kind: PlaceKind
    population: int = 0
    occupied: bool = False
    target_type: str | None = None
    geonameid: int | None = None
    #: For a natural feature, what it is: "strait", "lake", "cape" (see FEATURE_KINDS).
    feature: str | None = None


# -- normalisation ----------------------------------------------------------------------------

# Russian a..ya (U+0430..U+044F) in alphabet order, written by code point so that the source
# holds no Cyrillic look-alikes of Latin letters; hard and soft signs vanish.
_RU_LATIN = (
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
)  # fmt: skip
_RU_LETTERS = dict(zip(map(chr, range(0x430, 0x450)), _RU_LATIN, strict=True)) | {"\u0451": "e"}
# Ukrainian romanisation differs from Russian here: ghe is "h" ("Horlivka"), and i, yi, ye and
# ge are letters of its own.
_UK_LETTERS = _RU_LETTERS | {
    "\u0433": "h",
    "\u0438": "y",
    "\u0456": "i",
    "\u0457": "yi",
    "\u0454": "ye",
    "\u0491": "g",
}
# Latin letters that NFKD does not decompose (l-stroke, o-slash, dotless i, sharp s, ash,
# oe, d-stroke, eth, thorn, schwa, h-stroke), then marks written for apostrophes and soft signs.
_LATIN_EXTRA = {
    "\u0142": "l", "\u00f8": "o", "\u0131": "i", "\u00df": "ss", "\u00e6": "ae", "\u0153": "oe",
    "\u0111": "d", "\u00f0": "d", "\u00fe": "th", "\u0259": "e", "\u0127": "h",
} | dict.fromkeys("'`\u2019\u2018\u02bc\u02b9\u02bb\u00b4\u2032", "")  # fmt: skip
_RU_TABLE = str.maketrans({**_LATIN_EXTRA, **_RU_LETTERS})
_UK_TABLE = str.maketrans({**_LATIN_EXTRA, **_UK_LETTERS})
_UK_ONLY = frozenset("\u0456\u0457\u0454\u0491")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# After "y" and "j" become "i": "zhzh" -> "zh", and any doubled letter -> one.
_DOUBLED = re.compile(r"(zh|kh|ch|sh|ts|[a-z])\1+")
_Y_J_TO_I = str.maketrans("yj", "ii")


#: Regions that hold another first-level region: the Crimean peninsula holds Sevastopol.
_HELD_REGIONS = {"Crimea": frozenset({"Sevastopol"})}
_HOLDER = {held: region for region, inner in _HELD_REGIONS.items() for held in inner}


def region_holds(region: str | None, admin1: str | None) -> bool:
    """Whether a place of first-level region ``admin1`` lies in the region ``region``."""
    return region is not None and (
        admin1 == region or admin1 in _HELD_REGIONS.get(region, frozenset())
    )


def outer_region(admin1: str | None) -> str | None:
    """The region that holds ``admin1`` (Crimea for Sevastopol), else ``admin1`` itself."""
    return _HOLDER.get(admin1, admin1) if admin1 is not None else None


# Extraction asks for the same n-grams over and over; the key of a string never changes.
@functools.lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """The matching key of a place name.

    Parameters
    ----------
    name
        A name in Latin or Cyrillic script, as written in text.

    Returns
    -------
    str
        Lower-case ASCII words separated by single spaces; "" when nothing is left.

    Notes
    -----
    The folds are deliberately lossy: keys only index candidates, and ranking picks among
    them. ``y`` and ``j`` both become ``i``, ``ie`` becomes ``e`` (so "Yeysk", "Yeisk" and
    "Eysk" meet), doubled letters and doubled digraphs collapse ("Zaporizhzhia" and
    "Zaporizhia", "Novorossiysk" and "Novorossiisk"), and apostrophes and soft signs vanish
    ("Engel's", "Энгельс").
    """
    text = name.casefold()
    if not text.isascii():
        text = text.translate(_UK_TABLE if _UK_ONLY.intersection(text) else _RU_TABLE)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    else:
        text = text.replace("'", "").replace("`", "")
    text = _NON_ALNUM.sub(" ", text).strip()
    text = text.translate(_Y_J_TO_I).replace("ie", "e")
    return _DOUBLED.sub(r"\1", text)


# -- the gazetteer ----------------------------------------------------------------------------


_KH = re.compile(r"kh")
#: A Ukrainian "h" where Russian has "g" (Luhansk, Lugansk), but not inside zh, sh, ch.
_LONE_H = re.compile(r"(?<![zsc])h")
#: Ukrainian "-iv", "-ivka" where Russian has "-ov", "-ovka" (Kharkiv, Horlivka).
_IV_ENDING = re.compile(r"(?<=[a-z])[ie]v(?=(?:ka|ske|sk)?\b)")
#: Names shorter than this are never matched by spelling: too many look alike.
SPELLING_MIN_LETTERS = 6
#: Long-range strikes in scope land in Russia or in occupied Ukraine; a misspelt name is
#: only looked for among their places.
STRIKE_COUNTRIES = frozenset({"RU", "UA"})


#: Each part of a compound district adjective has at least this many letters.
_PART_LETTERS = 3
_FINAL_VOWELS = re.compile(r"[aeiou]+$")
#: A town's "-ka" is "-sk-" in its adjective: "Kamenka", "Kamensko-".
_KA_ADJECTIVE = re.compile(r"k$")


def spelling_key(name: str) -> str:
    """A looser key than :func:`normalise` for names as reporters spell them: Ukrainian and
    Russian transliterations meet ("Kharkiv" and "Kharkov", "Horlivka" and "Gorlovka")."""
    key = _KH.sub("x", normalise(name))
    key = _LONE_H.sub("g", key)
    return _IV_ENDING.sub("ov", key)


def _deletions(key: str) -> set[str]:
    """The key with one letter left out, each way: two keys within one edit share one."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


@dataclass(frozen=True)
class _Region:
    """A region row of ``regions.json`` as the loader needs it."""

    country: str
    code: str
    place: Place
    names: tuple[str, ...]


def name_keys(name: str, aliases: Iterable[str] = ()) -> tuple[str, ...]:
    """The matching keys of a place: its own name's first, then its aliases' new ones.

    The data file stores these so loading need not normalise every alias again.
    """
    own = normalise(name)
    rest = dict.fromkeys(normalise(a) for a in aliases)
    return (own, *(k for k in rest if k and k != own))


#: Names of one kind of site that reports use for one another: "the Orlovskaya thermal power
#: plant" is the Orlovskaya TETs. Written as text, matched as keys (:func:`normalise`).
_SITE_KIND_WORDS: tuple[tuple[str, ...], ...] = (
    ("CHP", "TPP", "TETs", "thermal power plant", "thermal power station", "heat and power plant"),
    ("air base", "airbase", "airfield", "military airfield", "air field"),
    ("refinery", "oil refinery"),
    # A GRES, spelt out in English: "the Novocherkassk State District Power Plant".
    (
        "GRES",
        "state district power plant",
        "state district power station",
        "state regional power plant",
        "state regional power station",
    ),
    ("substation", "electrical substation", "power substation"),
    # Transneft's LPDS, which reporters spell out and translate each their own way.
    (
        "oil pumping station",
        "pumping station",
        "LPDS",
        "linear production dispatching station",
        "linear production and dispatching station",
        "linear production control station",
        "LPCS",
    ),
)
#: The same as keys, longest first, so a name ends in the longest word for its kind
#: ("X military airfield" is X's, not "X military"'s).
_SITE_KIND_NAMES: tuple[tuple[str, ...], ...] = tuple(
    tuple(sorted(dict.fromkeys(map(normalise, words)), key=len, reverse=True))
    for words in _SITE_KIND_WORDS
)


def facility_keys(name: str, aliases: Iterable[str] = ()) -> tuple[str, ...]:
    """:func:`name_keys` of a facility, with each name also told by the other words for its
    kind of site ("Oryol CHP", "Oryol thermal power plant")."""
    keys = name_keys(name, aliases)
    more: dict[str, None] = {}
    for key in keys:
        for words in _SITE_KIND_NAMES:
            ending = next((w for w in words if key.endswith(" " + w)), None)
            if ending is not None:
                stem = key[: -len(ending)]
                more.update(dict.fromkeys(stem + other for other in words))
    return (*keys, *(k for k in more if k not in keys))


class Gazetteer:
    """Places by normalised name, ranked for news text.

    Build one with :meth:`load`; :func:`default_gazetteer` keeps one per process.

    Parameters
    ----------
    places
        Every place.
    keys
        For each place its :func:`name_keys`, its own name's key first.
    region_codes
        Index into ``places`` of each region by (country, GeoNames admin1 code).
    """

    def __init__(
        self,
        places: list[Place],
        keys: list[tuple[str, ...]],
        region_codes: dict[tuple[str, str], int],
    ) -> None:
        self._places = places
        self._primary = [k[0] for k in keys]
        self._region_codes = region_codes
        index: dict[str, list[int]] = {}
        for i, place_keys in enumerate(keys):
            for key in place_keys:
                if key:
                    index.setdefault(key, []).append(i)
        self._index = index

    @functools.cached_property
    def max_name_words(self) -> int:
        """The longest known name in words, so callers scan n-grams up to this length."""
        return max((k.count(" ") + 1 for k in self._index), default=0)

    @functools.cached_property
    def _keys(self) -> list[str]:
        """Every key in order, for :meth:`search`."""
        return sorted(self._index)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        """Read the gazetteer from the data folder.

        Parameters
        ----------
        data_dir
            Folder with ``gazetteer.json.gz`` and ``regions.json``, and optionally
            ``facilities.csv``, ``features.csv`` and ``settlements.csv``; the settings' data
            folder when ``None``.

        Returns
        -------
        Gazetteer

        Raises
        ------
        DataError
            When a required file is missing or a file is malformed.
        """
        folder = data_dir if data_dir is not None else get_settings().data_dir
        places: list[Place] = []
        keys: list[tuple[str, ...]] = []
        region_codes: dict[tuple[str, str], int] = {}
        regions = _read_regions(folder / REGIONS_FILE)
        region_names = {(r.country, r.code): r.place.name for r in regions}
        for region in regions:
            region_codes[(region.country, region.code)] = len(places)
            places.append(region.place)
            keys.append(name_keys(region.place.name, region.names))
        for place, place_keys in _read_places(folder / GAZETTEER_FILE, region_names):
            places.append(place)
            keys.append(place_keys)
        facilities = folder / FACILITIES_FILE
        if facilities.exists():
            for place, aliases in _read_facilities(facilities, regions):
                places.append(place)
                keys.append(facility_keys(place.name, aliases))
        for file, read in ((FEATURES_FILE, _read_features), (SETTLEMENTS_FILE, _read_settlements)):
            if (folder / file).exists():
                for place, aliases in read(folder / file, regions):
                    places.append(place)
                    keys.append(name_keys(place.name, aliases))
        return cls(places, keys, region_codes)

    def __len__(self) -> int:
        return len(self._places)

    @functools.cached_property
    def facilities(self) -> tuple[Place, ...]:
        """Every named facility."""
        return tuple(p for p in self._places if p.kind == "facility")

    @functools.cached_property
    def regions(self) -> tuple[Place, ...]:
        """Every first-level region."""
        return tuple(p for p in self._places if p.kind == "region")

    def facilities_near(
        self, lat: float, lon: float, km: float, target_type: str | None = None
    ) -> list[Place]:
        """Facilities within ``km`` of a point, nearest first, optionally of one target type.

        Parameters
        ----------
        lat, lon
            The point, in WGS84 degrees.
        km
            The search radius, geodesic.
        target_type
            Keep only facilities of this type.
        """
        if not self.facilities:
            return []
        candidates = [
            p for p in self.facilities if target_type is None or p.target_type == target_type
        ]
        if not candidates:
            return []
        _, _, metres = _GEOD.inv(
            [lon] * len(candidates),
            [lat] * len(candidates),
            [p.lon for p in candidates],
            [p.lat for p in candidates],
        )
        ranked = sorted(zip(metres, range(len(candidates)), strict=True))
        return [candidates[i] for m, i in ranked if m <= km * 1000.0]

    @functools.cached_property
    def _towns(self) -> tuple[tuple[Place, ...], list[float], list[float]]:
        """Every town that knows its first-level region, with their longitudes and latitudes."""
        towns = tuple(p for p in self._places if p.kind == "city" and p.admin1)
        return towns, [p.lon for p in towns], [p.lat for p in towns]

    def region_near(self, lat: float, lon: float) -> str | None:
        """The first-level region (``admin1``) of the town nearest a point, geodesically: the
        region a point lies in, but within a few kilometres of a border.

        Parameters
        ----------
        lat, lon
            The point, in WGS84 degrees.
        """
        towns, lons, lats = self._towns
        if not towns:
            return None
        _, _, metres = _GEOD.inv([lon] * len(towns), [lat] * len(towns), lons, lats)
        return towns[min(range(len(towns)), key=metres.__getitem__)].admin1

    @functools.cached_property
    def _first_words(self) -> frozenset[str]:
        return frozenset(key.split(" ", 1)[0] for key in self._index if " " in key)

    def begins_longer_name(self, word: str) -> bool:
        """Whether a known name of two words or more begins with ``word`` (normalised)."""
        return normalise(word).split(" ", 1)[0] in self._first_words

    def is_name(self, text: str) -> bool:
        """Whether ``text``, normalised, is the name or alias of any known place."""
        return normalise(text) in self._index

    def lookup(self, name: str) -> list[Place]:
        """Every place called ``name`` (after normalisation), best first.

        Facilities come first, then a country of that name, then towns and regions by
        weight: a town weighs its population (a tenth of it when the name is only an
        alternate name), a region whose own name this is weighs as a town of
        100,000 people, a region's secondary name as a village of 2,000.
        """
        key = normalise(name)
        if key not in self._index:
            return self._lookup_on_river(name)
        return [self._places[i] for i in self._ranked(key, self._index[key])]

    def _lookup_on_river(self, name: str) -> list[Place]:
        """A town on a river told in English ("Slavyansk-on-Kuban") where the list has only
        its Russian name, the river in the prepositional case ("Slavyansk-na-Kubani")."""
        match = _ON_RIVER.search(name) if "-on-" in name or " on " in name else None
        if match is None:
            return []
        for ending in _PREPOSITIONAL_ENDINGS:
            key = normalise(f"{name[: match.start()]}-na-{match['river']}{ending}")
            if key in self._index:
                return [self._places[i] for i in self._ranked(key, self._index[key])]
        return []

    def best(
        self, name: str, *, country: str | None = None, admin1: str | None = None
    ) -> Place | None:
        """The best place called ``name``, optionally within a country and region.

        Parameters
        ----------
        name
            A place name or alias.
        country
            ISO 3166-1 alpha-2 code the place must have.
        admin1
            A region's name, alias or GeoNames code the place must lie in.

        Returns
        -------
        Place or None
            ``None`` when no place matches.
        """
        region = self.region(admin1, country) if admin1 is not None else None
        if admin1 is not None and region is None:
            return None
        for place in self.lookup(name):
            if country is not None and place.country != country.upper():
                continue
            if region is not None and place.admin1 != region.name:
                continue
            return place
        return None

    def search(self, query: str, limit: int = 20) -> list[Place]:
        """Places whose name starts with, or else contains, ``query``, for a place picker.

        Names that start with the query come before names that only contain it; within
        each group places rank as in :meth:`lookup`.
        """
        key = normalise(query)
        if not key or limit <= 0:
            return []
        starts: set[int] = set()
        contains: set[int] = set()
        for known in self._keys:
            if known.startswith(key):
                starts.update(self._index[known])
            elif key in known:
                contains.update(self._index[known])
        found: list[Place] = []
        for group in (starts, contains - starts):
            found.extend(self._places[i] for i in self._ranked(None, group))
            if len(found) >= limit:
                break
        return found[:limit]

    def region(self, name_or_code: str, country: str | None = None) -> Place | None:
        """A first-level region by name, alias or GeoNames admin1 code.

        Parameters
        ----------
        name_or_code
            "Dagestan", "Republic of Dagestan", "RU.17", or "17" with ``country="RU"``.
        country
            ISO 3166-1 alpha-2 code, needed for a bare code and narrowing a name.

        Returns
        -------
        Place or None
        """
        text = name_or_code.strip()
        cc, _, code = text.partition(".")
        if code and (cc.upper(), code) in self._region_codes:
            return self._places[self._region_codes[(cc.upper(), code)]]
        if country is not None and (country.upper(), text) in self._region_codes:
            return self._places[self._region_codes[(country.upper(), text)]]
        for place in self.lookup(text):
            if place.kind == "region" and (country is None or place.country == country.upper()):
                return place
        return None

    @functools.cached_property
    def _spelling_index(self) -> tuple[dict[str, set[int]], dict[str, set[str]]]:
        """Places of the strike countries by :func:`spelling_key`, and every such key by
        each of its one-letter deletions (a symmetric-delete index: edit distance 1 is a
        shared key or deletion)."""
        by_key: dict[str, set[int]] = {}
        for key, indices in self._index.items():
            if len(key) < SPELLING_MIN_LETTERS or " " in key:
                continue
            for i in indices:
                place = self._places[i]
                if place.country in STRIKE_COUNTRIES and place.kind != "country":
                    by_key.setdefault(spelling_key(key), set()).add(i)
        deletions: dict[str, set[str]] = {}
        for key in by_key:
            for deleted in _deletions(key):
                deletions.setdefault(deleted, set()).add(key)
        return by_key, deletions

    @functools.cached_property
    def _longest_spelling(self) -> int:
        return max(map(len, self._spelling_index[0]), default=0)

    def lookup_spelling(self, name: str) -> list[Place]:
        """Places of Russia and Ukraine whose name is ``name`` as a reporter may spell it:
        another transliteration, or one letter added, dropped or changed; best first.

        Only for names of :data:`SPELLING_MIN_LETTERS` letters or more; exact names
        (:meth:`lookup`) come first wherever both are possible.
        """
        key = spelling_key(name)
        if len(key) < SPELLING_MIN_LETTERS or " " in key or len(key) > self._longest_spelling + 1:
            # Too short to tell apart, or longer than one edit from every known name.
            return []
        by_key, deletions = self._spelling_index
        near = {key} | _deletions(key)
        keys = {k for k in near if k in by_key}
        keys |= {k for d in near for k in deletions.get(d, ()) if _one_edit(k, key)}
        indices = {i for k in keys for i in by_key[k]}
        return [self._places[i] for i in self._ranked(None, indices)]

    def towns_named_from(self, stem: str) -> dict[str, Place]:
        """The most populous town of each region whose name begins with ``stem`` (of equally
        populous ones, the first known): the namesake of a district ("Surazhsky district" is
        Surazh's)."""
        key = normalise(stem)
        keys, towns = self._towns_by_name
        best: dict[str, tuple[int, int, Place]] = {}
        # The names that begin with the stem stand together in alphabetical order.
        for index in range(bisect_left(keys, key), len(keys)):
            if not keys[index].startswith(key):
                break
            order, town = towns[index]
            known = best.get(town.admin1 or "")
            if known is None or (town.population, -order) > known[:2]:
                best[town.admin1 or ""] = (town.population, -order, town)
        return {region: town for region, (_, _, town) in best.items()}

    def towns_named_from_parts(self, stem: str) -> dict[str, Place]:
        """The most populous town of each region whose two-word name, in any of its spellings,
        the stem of a compound adjective joins with a linking "o" or "e": the namesake of a
        compound district ("Holoprystansky" is Hola Prystan's, "Velikolepetikhsky" Velikaya
        Lepetikha's, "Kamensko-Dneprovsky" Kamenka-Dneprovskaya's)."""
        joined = normalise(stem).replace(" ", "")
        keys, towns = self._towns_by_parts
        best: dict[str, Place] = {}
        for link in range(_PART_LETTERS, len(joined) - _PART_LETTERS):
            if joined[link] not in "oe":
                continue
            prefix = joined[:link] + "|" + joined[link + 1 :]
            for index in range(bisect_left(keys, prefix), len(keys)):
                if not keys[index].startswith(prefix):
                    break
                town = towns[index]
                known = best.get(town.admin1 or "")
                if known is None or town.population > known.population:
                    best[town.admin1 or ""] = town
        return best

    @functools.cached_property
    def _towns_by_parts(self) -> tuple[list[str], list[Place]]:
        """Towns of the strike countries with a name of two words, by each spelling's first
        word as a compound adjective begins with it (its final vowels dropped, and a "-ka"
        also as "-sk": "Kamenka" as "kamen" and "kamensk") and the second word, joined by "|",
        in alphabetical order."""
        rows: set[tuple[str, int]] = set()
        for key, indices in self._index.items():
            words = key.split(" ")
            if len(words) != 2:
                continue
            for i in indices:
                place = self._places[i]
                in_scope = place.country in STRIKE_COUNTRIES and place.admin1
                if place.kind != "city" or not in_scope:
                    continue
                first = _FINAL_VOWELS.sub("", words[0])
                for root in {first, _KA_ADJECTIVE.sub("sk", first)}:
                    if len(root) >= _PART_LETTERS:
                        rows.add((root + "|" + words[1], i))
        ordered = sorted(rows)
        return [key for key, _ in ordered], [self._places[i] for _, i in ordered]

    @functools.cached_property
    def _towns_by_name(self) -> tuple[list[str], list[tuple[int, Place]]]:
        """The towns with a region, by their names normalised in alphabetical order, each
        with the order it is known in."""
        towns = sorted(
            (normalise(place.name), order, place)
            for order, place in enumerate(self._places)
            if place.kind == "city" and place.admin1
        )
        return [key for key, _, _ in towns], [(order, place) for _, order, place in towns]

    def _weight(self, i: int, key: str | None) -> tuple[int, float]:
        place = self._places[i]
        primary = key is None or self._primary[i] == key
        if place.kind == "facility":
            return (0, 0.0)
        if place.kind == "feature":
            return (0, 1.0)
        if place.kind == "country":
            return (1, 0.0)
        if place.kind == "region":
            return (2, -float(REGION_NAME_WEIGHT if primary else REGION_ALIAS_WEIGHT))
        factor = 1.0 if primary else ALIAS_POPULATION_FACTOR
        return (2, -place.population * factor)

    def _ranked(self, key: str | None, indices: Iterable[int]) -> list[int]:
        def order(i: int) -> tuple[int, float, int, str]:
            tier, weight = self._weight(i, key)
            place = self._places[i]
            return (tier, weight, -place.population, place.name)

        return sorted(indices, key=order)


def _one_edit(a: str, b: str) -> bool:
    """Whether two keys differ by at most one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the settings' data folder, loaded once per process."""
    return Gazetteer.load(get_settings().data_dir)


# -- readers ----------------------------------------------------------------------------------


def _read_json(path: Path) -> Any:
    if not path.exists():
        raise DataError(f"{path} is missing: run python scripts/build_gazetteer.py")
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                return json.load(fh)
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{path} is not readable JSON: {exc}") from exc


def _check_format(data: Any, path: Path, fields: tuple[str, ...]) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        raise DataError(f"{path} is not a format-{FORMAT_VERSION} gazetteer file")
    if tuple(data.get("fields", ())) != fields:
        raise DataError(f"{path} has fields {data.get('fields')}, expected {list(fields)}")


REGION_FIELDS = ("country", "code", "name", "lat", "lon", "occupied", "names")
PLACE_FIELDS = (
    "name",
    "lat",
    "lon",
    "country",
    "admin1",
    "population",
    "occupied",
    "geonameid",
    "names",
    "keys",
)
COUNTRY_FIELDS = ("name", "lat", "lon", "country", "population", "geonameid", "names", "keys")
#: One stored row in this many is checked against :func:`name_keys`; on any difference
#: (``normalise`` changed since the build) every key is computed afresh.
KEY_CHECK_STEP = 50


def _read_regions(path: Path) -> list[_Region]:
    data = _read_json(path)
    _check_format(data, path, REGION_FIELDS)
    regions: list[_Region] = []
    try:
        for country, code, name, lat, lon, occupied, names in data["rows"]:
            place = Place(
                name=name,
                lat=float(lat),
                lon=float(lon),
                country=country,
                admin1=name,
                kind="region",
                occupied=bool(occupied),
            )
            regions.append(_Region(country, code, place, tuple(names)))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{path} has a malformed region row: {exc}") from exc
    return regions


def _stored_keys(rows: list[list[Any]]) -> list[tuple[str, ...]]:
    """The rows' stored keys if a sample matches today's :func:`normalise`, else fresh ones."""
    stored = [tuple(row[-1]) for row in rows]
    fresh = all(
        stored[i] == name_keys(rows[i][0], rows[i][-2]) for i in range(0, len(rows), KEY_CHECK_STEP)
    )
    return stored if fresh else [name_keys(row[0], row[-2]) for row in rows]


def _read_places(
    path: Path, region_names: dict[tuple[str, str], str]
) -> Iterator[tuple[Place, tuple[str, ...]]]:
    data = _read_json(path)
    _check_format(data, path, PLACE_FIELDS)
    if tuple(data.get("country_fields", ())) != COUNTRY_FIELDS:
        raise DataError(f"{path} has unexpected country fields")
    try:
        countries, rows = data["countries"], data["rows"]
        for row, keys in zip(countries, _stored_keys(countries), strict=True):
            name, lat, lon, country, population, geonameid, _, _ = row
            place = Place(
                name=name,
                lat=lat,
                lon=lon,
                country=country,
                admin1=None,
                kind="country",
                population=population,
                geonameid=geonameid,
            )
            yield place, keys
        for row, keys in zip(rows, _stored_keys(rows), strict=True):
            name, lat, lon, country, admin1, population, occupied, geonameid, _, _ = row
            place = Place(
                name=name,
                lat=lat,
                lon=lon,
                country=country,
                admin1=region_names.get((country, admin1)) if admin1 else None,
                kind="city",
                population=population,
                occupied=bool(occupied),
                geonameid=geonameid,
            )
            yield place, keys
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DataError(f"{path} has a malformed row: {exc}") from exc


def _region_resolver(regions: list[_Region]) -> dict[tuple[str, str], Place]:
    """Regions by (country, normalised name or alias); own names win over aliases."""
    by_key: dict[tuple[str, str], Place] = {}
    for region in regions:
        for alias in region.names:
            by_key.setdefault((region.country, normalise(alias)), region.place)
    for region in regions:
        by_key[(region.country, normalise(region.place.name))] = region.place
    return by_key


def _read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ()) != columns:
                raise DataError(f"{path} has columns {reader.fieldnames}, expected {list(columns)}")
            return list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"{path} is not a readable CSV file: {exc}") from exc


def _read_features(path: Path, regions: list[_Region]) -> Iterator[tuple[Place, tuple[str, ...]]]:
    """Natural features; open seas have no country or region."""
    resolve = _region_resolver(regions)
    for line, row in enumerate(_read_csv(path, FEATURE_COLUMNS), start=2):
        try:
            name, kind = row["name"].strip(), row["kind"].strip()
            lat, lon = float(row["lat"]), float(row["lon"])
            if not name or kind not in FEATURE_KINDS:
                raise ValueError(f"needs a name and a kind among {sorted(FEATURE_KINDS)}")
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"coordinates {lat}, {lon} out of range")
        except (AttributeError, ValueError) as exc:
            raise DataError(f"{path} line {line}: {exc}") from exc
        country = row["country"].strip().upper()
        admin1 = row["admin1"].strip()
        region = resolve.get((country, normalise(admin1))) if admin1 else None
        place = Place(
            name=name,
            lat=lat,
            lon=lon,
            country=country,
            admin1=region.name if region is not None else (admin1 or None),
            kind="feature",
            occupied=row["occupied"].strip().lower() == "true",
            feature=kind,
        )
        yield place, _aliases(row)


def _aliases(row: dict[str, str]) -> tuple[str, ...]:
    """A data row's other names, given as ``a|b|c``."""
    return tuple(a.strip() for a in row["aliases"].split("|") if a.strip())


def _read_settlements(
    path: Path, regions: list[_Region]
) -> Iterator[tuple[Place, tuple[str, ...]]]:
    """Villages, as towns of their region (occupied as the region is)."""
    resolve = _region_resolver(regions)
    for line, row in enumerate(_read_csv(path, SETTLEMENT_COLUMNS), start=2):
        try:
            name = row["name"].strip()
            lat, lon = float(row["lat"]), float(row["lon"])
            population = int(row["population"]) if row["population"].strip() else 0
            country = row["country"].strip().upper()
            region = resolve.get((country, normalise(row["admin1"])))
            if region is None:
                # Crimea and Sevastopol are filed under Ukraine, occupied.
                region = resolve.get(("UA", normalise(row["admin1"])))
                region = region if region is not None and region.occupied else None
            if not name or region is None:
                raise ValueError("needs a name and a known region of its country")
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"coordinates {lat}, {lon} out of range")
        except (AttributeError, ValueError) as exc:
            raise DataError(f"{path} line {line}: {exc}") from exc
        place = Place(
            name=name,
            lat=lat,
            lon=lon,
            country=region.country,
            admin1=region.name,
            kind="city",
            population=population,
            occupied=region.occupied,
        )
        yield place, _aliases(row)


def _read_facilities(path: Path, regions: list[_Region]) -> Iterator[tuple[Place, tuple[str, ...]]]:
    resolve = _region_resolver(regions)
    for line, row in enumerate(_read_csv(path, FACILITY_COLUMNS), start=2):
        try:
            name = row["name"].strip()
            lat, lon = float(row["lat"]), float(row["lon"])
            occupied_text = row["occupied"].strip().lower()
            if not name or occupied_text not in {"true", "false"}:
                raise ValueError("needs a name and occupied true or false")
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"coordinates {lat}, {lon} out of range")
        except (AttributeError, ValueError) as exc:
            raise DataError(f"{path} line {line}: {exc}") from exc
        country = row["country"].strip().upper()
        admin1 = row["admin1"].strip() or None
        # The row's region may be written "Krasnodar region": keep the gazetteer's name, and
        # Crimea and Sevastopol stay occupied Ukraine whichever country the row gives.
        region = None
        if admin1 is not None:
            region = resolve.get((country, normalise(admin1))) or resolve.get(
                ("UA", normalise(admin1))
            )
        if region is not None and region.country == "UA" and region.occupied:
            country = "UA"
        elif region is not None and region.country != country:
            region = None
        place = Place(
            name=name,
            lat=lat,
            lon=lon,
            country=country,
            admin1=region.name if region is not None else admin1,
            kind="facility",
            occupied=occupied_text == "true" or (region is not None and region.occupied),
            target_type=row["target_type"].strip() or None,
        )
        yield place, _aliases(row)
