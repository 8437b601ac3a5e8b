"""Stage ``places``: place mentions and which of them are strike locations.

A gazetteer name is a strike location unless the sentence uses it otherwise: as an actor
("Moscow said", "Kyiv's forces"), inside a longer name ("Black Sea Fleet"), as a ship's name
("the missile ship Dagestan"), as a distance, launch or route reference ("250 miles west of
Moscow"), as a dateline, or outside Russia and Ukraine. A town named with a kind of target
becomes the known facility of that kind there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import TARGET_WINDOW, classify_target, classify_target_near
from .text import Sentence, clause_span

if TYPE_CHECKING:
    from .document import Document

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources

from ..gazetteer import STRIKE_COUNTRIES, Gazetteer, Place, normalise
from ..geometry import geodesic_distance_km
from ..model import (
    GEO_FACILITY,
    GEO_NONE,
    GEO_REGION,
    GEO_TOWN,
    TARGET_TYPES,
    TargetType,
)
from .lexicon import (
    ACTOR_VERBS,
    ATTACK,
    AUXILIARIES,
    COMMON_WORDS,
    DISTANCE_REFERENCE,
    GEO_NOUNS,
    LAUNCH_REFERENCE,
    OFFICE_NOUNS,
    PASSIVE_STRIKE,
    ROUTE_REFERENCE,
    SHIP_NOUNS,
    TARGET_PATTERNS,
)


def _read_descriptions() -> tuple[tuple[str, str, str], ...]:
    text = resources.files(__package__).joinpath("vocab", "descriptions.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple((phrase, name, when) for phrase, name, when in rows)


DESCRIPTIONS = _read_descriptions()

_TOKEN = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)

_POSSESSIVE = re.compile(r"['’]s$")


_DIRECTIONS = re.compile(
    r"^(?:(?:north|south|east|west|central|coastal)(?:ern|-?(?:east|west)(?:ern)?)?\s+)+", re.I
)

_SHIP_REASONS = frozenset({"ship name", "name of a thing", "quoted name"})

_REFERENCE_REASONS = frozenset({"distance reference", "launch site", "route"})

#: Nouns after a name that make it a weapon's: "a Pantsir system", "Kalibr missiles".
_WEAPON_NOUNS = frozenset(
    {"system", "systems", "missile", "missiles", "launcher", "launchers", "battery", "batteries"}
)

_NAMED_WATER = re.compile(
    r"\b(?:Sea|Gulf|Strait|Bay|Lake|Cape|Port|Mount|River|Battle|Siege|Treaty|University)"
    r"\s+of\s+(?:the\s+)?$"
)

_LOCATIVE_BEFORE = re.compile(
    r"\b(?:at|in|near|outside|on|of|over|inside)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}(?:town|city|village|port|settlement)\s+of\s+)?$|^\s*$",
    re.I,
)

_DISRUPTION = re.compile(
    r"\b(?:restrict(?:ed|ions?)|suspend(?:ed|s)|closed|halted|delayed|cancell?ed|diverted|"
    r"evacuated|cut off)\b",
    re.IGNORECASE,
)

_WORD_AFTER = re.compile(r"\s+[a-z][\w-]*")

_AREA_FEATURES = frozenset({"sea", "gulf", "strait", "peninsula"})

_ANOTHER = re.compile(r"\b(?:another|second|third|other|different)\b", re.I)

_IN_REGION = re.compile(r"(?:['’]s)?\s*(?:,|\s+in)\s+(?:the\s+)?|\s+\(", re.I)

#: "the Kursk, Bryansk and Oryol regions": the first of a list of regions.
_LISTED_REGION = re.compile(
    r"(?:\s*(?:,|and|or)\s*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)+\s+"
    r"(?:regions|oblasts|provinces|republics)\b"
)

#: A plural region noun that a list of names follows: "the regions of", "regions, including".
_REGIONS_BEFORE = re.compile(
    r"\b(?:regions|oblasts|provinces)\s*(?:of|,?\s*including|:|such as|like)\s+(?:the\s+)?$",
    re.I,
)
_PLURAL_REGION = re.compile(r"\s+(?:regions|oblasts|provinces|krais|republics)\b", re.I)

LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and|as well as)\s*(?:the\s+)?", re.I)

_NEAR = re.compile(
    r"\s+(?:near|outside|close to|not far from|just outside|on the outskirts of|on|in|"
    r"on the (?:[\w-]+\s+)?(?:shore|coast|bank|edge)s? of)\s+"
    r"(?:the\s+)?(?:(?:village|town|city|settlement|outskirts) of\s+)?",
    re.I,
)

#: Words before a name that make it a named feature there: "Cape Tarkhankut", "Lake Donuzlav".
_FEATURE_WORDS = frozenset({"cape", "lake", "mount", "bay", "port", "spit"})

#: In a town this small, a facility named after it is what a report of the town means.
_SMALL_TOWN = 100_000
#: A district named by its town's adjective: "Surazhsky district", "Kirovskyi raion".
_DISTRICT = re.compile(
    r"\b(?P<stem>[A-Z][a-z'’]+?)(?:s'?kiy|s'?kyi|s'?ky|s'?kii|s'?koy|s'?kyy)\s+"
    r"(?:district|raion|rayon|municipal district)\b",
    re.IGNORECASE,
)
#: A site named by its town's adjective: "the Kropotkinskaya pumping station".
_SITE_ADJECTIVE = re.compile(
    r"\b(?P<stem>[A-Z][a-z'’]+?)(?:s'?kaya|s'?kiy|s'?kyi|s'?ky|s'?koye|s'?kyy)(?=\s)"
)
_DISTRICT_STEM_LETTERS = 4
#: Words that, after a possessive name, make it an institution's: "Moscow's Defence Ministry".
_OFFICE_WORDS = frozenset({"defence", "defense", "foreign", "general", "security", "armed"})
#: The capitals of the two sides named together stand for their governments.
_CAPITALS_PAIRED = re.compile(r"\s*(?:,\s*)?(?:and|or|nor|to)\s+(?:to\s+)?Kyiv\b|\s*-\s*Kyiv\b")
_CAPITALS_PAIRED_BEFORE = re.compile(r"\bKyiv\s*(?:,\s*)?(?:and|or|nor|-)\s+$")

#: A town stands for a facility of the named kind within this distance.
_FACILITY_KM = 30.0

_FACILITY_TYPES: frozenset[str] = frozenset(
    {"airbase", "oil", "naval", "ammunition", "defense_industry", "power", "transport"}
)


@dataclass(frozen=True)
class PlaceMention:
    """A gazetteer name found in a sentence, at ``start:end`` of the sentence text."""

    place: Place
    text: str
    start: int
    end: int
    possessive: bool
    #: Found by description ("the capital"), not by name: "the" before it is its own.
    described: bool = False


def find_place_mentions(
    text: str,
    gazetteer: Gazetteer,
    *,
    spelling: bool = False,
    regions: frozenset[str] = frozenset(),
) -> list[PlaceMention]:
    """Every gazetteer name in ``text``, longest first, not overlapping.

    With ``spelling`` (a sentence with a strike cue), a single word that names no place is
    also looked up as reporters may spell it (:meth:`Gazetteer.lookup_spelling`); when the
    article names ``regions``, such a guess must lie in one of them.
    """
    tokens = list(_TOKEN.finditer(text))
    mentions: list[PlaceMention] = []
    index = 0
    longest = max(1, min(gazetteer.max_name_words, 6))
    while index < len(tokens):
        found = None
        for size in range(min(longest, len(tokens) - index), 0, -1):
            first, last = tokens[index], tokens[index + size - 1]
            if not first.group()[0].isupper() or (first.group().isupper() and size == 1):
                break
            span = text[first.start() : last.end()]
            if size > 1 and re.search(r"[^\w\s'’\-]", span):
                continue
            name = _POSSESSIVE.sub("", span)
            if size == 1 and name.lower() in COMMON_WORDS:
                continue
            places = gazetteer.lookup(name)
            if not places and spelling and size == 1:
                places = [
                    p for p in gazetteer.lookup_spelling(name) if not regions or p.admin1 in regions
                ]
            if places:
                found = PlaceMention(
                    _best_place(places),
                    name,
                    first.start(),
                    first.start() + len(name),
                    name != span,
                )
                index += size
                break
        if found is None:
            index += 1
        else:
            mentions.append(found)
    return mentions


def district_mentions(
    text: str, gazetteer: Gazetteer, regions: frozenset[str]
) -> list[PlaceMention]:
    """Districts and sites named by their town's adjective ("the Surazhsky district",
    "Kirovskyi raion", "the Kropotkinskaya pumping station"), as their namesake town in a
    region the article names; a site's kind then places it at the town's site of that kind."""
    found = []
    sites = (m for m in _SITE_ADJECTIVE.finditer(text) if target_after(text, m.end()) is not None)
    for match in sorted([*_DISTRICT.finditer(text), *sites], key=lambda m: m.start()):
        stem = match.group("stem")
        if len(stem) < _DISTRICT_STEM_LETTERS:
            continue
        towns = [gazetteer.town_named_from(stem, region) for region in sorted(regions)]
        named = [t for t in towns if t is not None]
        if len(named) == 1:
            found.append(PlaceMention(named[0], match.group(0), match.start(), match.end(), False))
    return found


def _with_districts(
    mentions: list[PlaceMention], districts: list[PlaceMention]
) -> list[PlaceMention]:
    """A district wins over a name inside it ("Kamensky" of "the Kamensky district")."""
    kept = [m for m in mentions if not any(d.start < m.end and m.start < d.end for d in districts)]
    return sorted([*kept, *districts], key=lambda m: m.start)


def _with_descriptions(
    mentions: list[PlaceMention], described: list[PlaceMention]
) -> list[PlaceMention]:
    """Named places and described ones in text order; a name wins where both overlap."""
    free = [d for d in described if not any(m.start < d.end and d.start < m.end for m in mentions)]
    return sorted([*mentions, *free], key=lambda m: m.start)


def _best_place(places: list[Place]) -> Place:
    return places[0]


def _words_after(text: str, end: int, count: int = 2) -> list[str]:
    return re.findall(r"[\w'’\-]+", text[end:])[:count]


def _word_before(text: str, start: int) -> str:
    words = re.findall(r"[\w'’\-]+", text[:start])
    return words[-1] if words else ""


def non_location_reason(sentence: str, mention: PlaceMention, *, at_text_start: bool) -> str | None:
    """Why a named place is not where a strike happened, or ``None`` when it may be."""
    place, before = mention.place, sentence[: mention.start]
    after_words = _words_after(sentence, mention.end + (2 if mention.possessive else 0))
    next_word = after_words[0] if after_words else ""
    previous = _word_before(sentence, mention.start)
    if place.kind == "country":
        return "a country is not a location"
    if place.feature == "sea":
        return "an open sea is not a location"
    if (
        at_text_start
        and mention.start == 0
        and re.match(r"\s*(?:,|\(|—|–|-)", sentence[mention.end :])
    ):
        return "dateline"
    if DISTANCE_REFERENCE.search(before):
        return "distance reference"
    if LAUNCH_REFERENCE.search(before):
        return "launch site"
    if ROUTE_REFERENCE.search(before):
        return "route"
    if mention.possessive:
        owned = re.sub(r"^['’]s\s*", "", sentence[mention.end :])
        # "Crimea's western coast" is a place; "Kyiv's long-range strikes" an actor.
        owned_noun = re.sub(_DIRECTIONS, "", owned).split(" ", 1)[0].strip(",.;").lower()
        if next_word.lower() in OFFICE_NOUNS or next_word.lower() in _OFFICE_WORDS:
            # "Moscow's Ministry of Defence", "the Kremlin's spokesman".
            return "names an office, not a target"
        if (
            (next_word[:1].islower() or next_word[:1].isdigit())
            and next_word.lower() not in GEO_NOUNS
            and owned_noun not in GEO_NOUNS
            and not any(pattern.match(owned) for _, pattern in TARGET_PATTERNS)
        ):
            return "actor (possessive)"
    elif next_word.lower() in OFFICE_NOUNS:
        return "names an office, not a target"
    elif next_word.lower() == "time" and not re.search(r"\b(?:first|last|this|that)\s+$", before):
        return "time zone"
    if _CAPITALS_PAIRED.match(sentence[mention.end :]) or _CAPITALS_PAIRED_BEFORE.search(before):
        # "Moscow and Kyiv agreed": the two capitals named together are the two governments.
        return "actor (one of two capitals)"
    elif next_word.lower() in ACTOR_VERBS:
        follower = after_words[1].lower() if len(after_words) > 1 else ""
        passive = next_word.lower() in AUXILIARIES and PASSIVE_STRIKE.match(
            sentence[mention.end :].split(None, 1)[-1]
        )
        come_under = re.match(r"\s+\w+\s+(?:come|been)\s+under\b", sentence[mention.end :])
        if not passive and follower not in ("been", "under") and not come_under:
            return "actor"
    adjacent_after = re.match(r"[ \t]+[\w]", sentence[mention.end :]) is not None
    adjacent_before = re.search(r"\w[ \t]+$", before) is not None
    if (
        adjacent_after
        and next_word[:1].isupper()
        and next_word.lower() not in GEO_NOUNS
        and not mention.possessive
        # "the Novoshakhtinsk Oil Refinery": a site named after its town, in title case.
        and target_after(sentence, mention.end) is None
    ):
        return "part of a longer name"
    if (
        adjacent_before
        and previous[:1].isupper()
        and previous.lower() not in COMMON_WORDS
        and previous.lower() not in _FEATURE_WORDS
        and not re.search(r"['’]s\s*$", before)
    ):
        return "part of a longer name"
    if _NAMED_WATER.search(before):
        return "part of a longer name"
    if (
        next_word.lower() in _WEAPON_NOUNS
        and place.kind == "city"
        and not any(classify_target(word)[1] or ATTACK.fullmatch(word) for word in after_words[1:2])
    ):
        return "names a weapon"
    if re.match(
        r"\s+(?:city|town|port|region|village|republic)\s+of\s+[A-Z]", sentence[mention.end :]
    ):
        return "describes the place named after it"
    closing = re.match(r"\s*[\"”’']", sentence[mention.end :])
    if (
        re.search(r"[\"“‘']\s*$", before)
        and closing
        and target_after(sentence, mention.end + closing.end()) is None
    ):
        # A quoted name is a ship's or a unit's, unless a kind of site follows it: "the
        # “Novokuibyshevsk” refinery".
        return "quoted name"
    if SHIP_NOUNS.fullmatch(previous) or re.search(
        r"\b(?:named|called|identified as)\s+(?:the\s+)?$", before, re.IGNORECASE
    ):
        return "ship name"
    if (
        previous.lower() == "the"
        and not mention.described
        and place.kind in ("region", "city")
        and next_word.lower() not in GEO_NOUNS
        and mention.text.split()[-1].lower() not in GEO_NOUNS
        and not _LISTED_REGION.match(sentence[mention.end :])
        and target_after(sentence, mention.end) is None
    ):
        return "name of a thing"
    if place.country not in STRIKE_COUNTRIES:
        return "outside Russia and Ukraine"
    return None


def target_after(sentence: str, end: int) -> TargetType | None:
    """The kind of target a noun right after a name names: "the Marinovka military air
    base" (up to two words between)."""
    positions = [end]
    while len(positions) < 3 and (word := _WORD_AFTER.match(sentence, positions[-1])):
        positions.append(word.end())
    for position in positions:
        start = position + len(sentence[position:]) - len(sentence[position:].lstrip())
        for target_type, pattern in TARGET_PATTERNS:
            if pattern.match(sentence, start):
                return target_type
    return None


@dataclass(frozen=True)
class Location:
    """A strike location of a sentence, with what the words around it say was hit there."""

    place: Place
    target_type: TargetType
    target: str | None
    #: Where the name stands in the sentence, to pair it with the dates of its clause.
    start: int = 0
    #: The region the text named, when the facility is only the one known there.
    within: Place | None = None


def _as_regions(
    text: str, mentions: list[PlaceMention], gazetteer: Gazetteer
) -> list[PlaceMention]:
    """Names listed before a plural region noun are regions ("the Kursk and Oryol regions"),
    and so are names listed after one ("the regions of Bryansk, Kursk and Oryol", "five
    regions, including Kursk and Smolensk")."""
    converted = list(mentions)
    for index, mention in enumerate(mentions):
        chain = [index]
        if _PLURAL_REGION.match(text[mention.end :]):
            while chain[0] > 0 and LIST_JOIN.fullmatch(
                text[mentions[chain[0] - 1].end : mentions[chain[0]].start]
            ):
                chain.insert(0, chain[0] - 1)
        elif _REGIONS_BEFORE.search(text[: mention.start]):
            while chain[-1] + 1 < len(mentions) and LIST_JOIN.fullmatch(
                text[mentions[chain[-1]].end : mentions[chain[-1] + 1].start]
            ):
                chain.append(chain[-1] + 1)
        else:
            continue
        for member in chain:
            old = mentions[member]
            region = gazetteer.region(old.text, old.place.country)
            if region is not None:
                converted[member] = PlaceMention(
                    region, old.text, old.start, old.end, old.possessive
                )
    return converted


def _in_region(
    text: str,
    mentions: list[PlaceMention],
    gazetteer: Gazetteer,
    article_regions: frozenset[str] = frozenset(),
) -> list[PlaceMention]:
    """A name followed by its region ("Belaya in the Irkutsk region") is the place of that
    name in that region; else one in a region the article names elsewhere; a name known
    only abroad yields to one in Russia or Ukraine."""
    chosen = list(mentions)
    for index, mention in enumerate(mentions):
        candidates = gazetteer.lookup(mention.text)
        if len(candidates) < 2:
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        region = (
            following.place
            if following is not None
            and following.place.kind == "region"
            and _IN_REGION.fullmatch(text[mention.end : following.start])
            else None
        )
        if region is not None:
            fits = [c for c in candidates if c.admin1 == region.admin1]
        elif mention.place.admin1 not in article_regions and any(
            c.admin1 in article_regions for c in candidates
        ):
            fits = [c for c in candidates if c.admin1 in article_regions]
        elif mention.place.country not in STRIKE_COUNTRIES:
            fits = [c for c in candidates if c.country in STRIKE_COUNTRIES]
        else:
            continue
        if fits and fits[0] != mention.place:
            chosen[index] = PlaceMention(
                fits[0], mention.text, mention.start, mention.end, mention.possessive
            )
    return chosen


def sentence_locations(
    sentence: Sentence,
    gazetteer: Gazetteer,
    article_regions: frozenset[str] = frozenset(),
    descriptions: tuple[tuple[re.Pattern[str], Place], ...] = (),
    named_sites: frozenset[Place] = frozenset(),
) -> tuple[list[Location], list[str]]:
    """Strike locations of a sentence, most specific kept, and any ship names it gives.

    In a sentence about vessels, a name used as a ship's ("the Tatarstan") makes the name
    joined to it by "and" a ship's too ("the Tatarstan and Dagestan"). A town named with a
    kind of target ("the airfield near Millerovo") becomes the known facility of that kind
    there, when exactly one is known nearby.
    """
    text = sentence.text
    about_vessels = SHIP_NOUNS.search(text) is not None
    kept: list[Location] = []
    ships: list[str] = []
    previous_ship_end = -1
    named = find_place_mentions(
        text, gazetteer, spelling=ATTACK.search(text) is not None, regions=article_regions
    )
    # "the Kamensky district of the Rostov region": the region the sentence names first.
    district_regions = (
        frozenset(m.place.admin1 for m in named if m.place.kind == "region" and m.place.admin1)
        or article_regions
    )
    mentions = _in_region(
        text,
        _as_regions(
            text,
            _with_descriptions(
                _with_districts(named, district_mentions(text, gazetteer, district_regions)),
                _described(text, descriptions),
            ),
            gazetteer,
        ),
        gazetteer,
        article_regions,
    )
    previous: PlaceMention | None = None
    previous_reason: str | None = None
    for mention, following in zip(mentions, [*mentions[1:], None], strict=False):
        reason = non_location_reason(text, mention, at_text_start=sentence.index == 0)
        if (
            reason is None
            and previous is not None
            and previous_reason in _REFERENCE_REASONS
            and LIST_JOIN.fullmatch(text[previous.end : mention.start])
        ):
            # "through the occupied Zaporizhzhia and Kherson regions": a list shares its role.
            reason = previous_reason
        if (
            reason is None
            and following is not None
            and mention.possessive
            and re.fullmatch(r"['’]s\s+", text[mention.end : following.start])
        ):
            reason = "holds the next place"
        if (
            reason is None
            and previous is not None
            and _NEAR.fullmatch(text[previous.end : mention.start])
        ):
            reason = "reference for the place before it"
        joined = previous_ship_end >= 0 and re.fullmatch(
            r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", text[previous_ship_end : mention.start]
        )
        if about_vessels and (reason in _SHIP_REASONS or joined):
            ships.append(mention.text)
            previous_ship_end = mention.end
        elif reason is None:
            location = locate(text, mention, gazetteer, named_sites)
            if location is not None:
                kept.append(replace(location, start=mention.start))
        previous, previous_reason = mention, reason
    return _most_specific(kept, text), ships


def locate(
    text: str,
    mention: PlaceMention,
    gazetteer: Gazetteer,
    named_sites: frozenset[Place] = frozenset(),
) -> Location | None:
    """The place with the target the words nearest to it name, upgraded to a facility; or
    ``None`` when the name turns out to be a site's own name, not where it stands."""
    place = mention.place
    target_type, target = classify_target_near(text, mention.start, mention.end)
    if place.kind == "facility" and place.target_type in TARGET_TYPES:
        return Location(place, place.target_type, target or place.name)
    closing = re.match(r"[\"”’']", text[mention.end :])
    kind_after = target_after(text, mention.end + (closing.end() if closing else 0))
    if kind_after is not None and place.kind in ("city", "region"):
        # "the Marinovka military air base": the known site of that name and kind, wherever
        # the gazetteer's town of that name is.
        named = _named_after(mention.text, gazetteer.facilities, (kind_after,))
        if len(named) == 1:
            return Location(named[0], kind_after, target)
    if place.kind == "city" and place.population < _SMALL_TOWN:
        # A facility named after the town ("Savasleyka" and "Savasleyka air base") is what
        # a strike report naming the town alongside targets of any kind means.
        named = _named_after(
            mention.text,
            gazetteer.facilities_near(place.lat, place.lon, _FACILITY_KM),
            (target_type, classify_target(text)[0]),
        )
        if len(named) == 1 and named[0].target_type in TARGET_TYPES:
            return Location(named[0], named[0].target_type, target)
    if target_type == "unknown":
        return Location(place, *classify_target(text))
    if place.kind == "city" and target_type in _FACILITY_TYPES:
        nearby = gazetteer.facilities_near(place.lat, place.lon, _FACILITY_KM, target_type)
        if (
            kind_after is not None
            and place.population < _SMALL_TOWN
            and nearby
            and all(_named_for_another(site, place, gazetteer) for site in nearby)
        ):
            # "the Druzhba oil refinery", "the Ryazansky refinery": a name right before the
            # kind of site is the site's own name; a small town of that name elsewhere, and
            # the other town's site that stands near it, are not what was hit.
            return None
        if nearby and all(within_km(nearby[0], other, 5.0) for other in nearby[1:]):
            return Location(nearby[0], target_type, target)
    if (
        place.kind == "region"
        and target_type in _FACILITY_TYPES
        and not _ANOTHER.search(text[max(0, mention.start - TARGET_WINDOW) : mention.start])
    ):
        # "the oil depot in the Bryansk region" is the one known there, unless the text says
        # it is "a second" or "another" one.
        inside = [
            f
            for f in gazetteer.facilities
            if f.admin1 == place.admin1 and f.target_type == target_type
        ]
        noun = (target or "").split()[-1].lower().rstrip("s") if target else ""
        named = [
            f for f in inside if noun and re.search(rf"\b{re.escape(noun)}s?\b", f.name.lower())
        ]
        # Of several known there, the one the article names elsewhere is the one it means.
        in_article = [f for f in inside if f in named_sites]
        for candidates in (inside, named, in_article):
            if len(candidates) == 1:
                return Location(candidates[0], target_type, target, within=place)
    return Location(place, target_type, target)


def _named_after(
    name: str, facilities: Iterable[Place], target_types: tuple[str, ...]
) -> list[Place]:
    """Facilities of these kinds whose name begins with ``name``: "Savasleyka air base"."""
    key = normalise(name)
    return [
        f for f in facilities if f.target_type in target_types and normalise(f.name).startswith(key)
    ]


def _most_specific(found: list[Location], text: str) -> list[Location]:
    """Drop a region that holds a town named in the same clause, and a town that holds a
    named facility."""
    places = [f.place for f in found]
    chosen: list[Location] = []
    for item in found:
        place = item.place
        left, right = clause_span(text, item.start, item.start + 1)
        inside = [
            other.place
            for other in found
            if other is not item
            and other.within is None
            and other.place.kind != "region"
            and left <= other.start < right
        ]
        if (item.within is not None or place.kind == "region") and any(
            other.admin1 == place.admin1 for other in inside
        ):
            continue
        if place.kind == "city" and any(
            other.kind == "facility" and _holds(place, other) for other in places
        ):
            continue
        if all(c.place != place for c in chosen):
            chosen.append(item)
    return chosen


def _named_for_another(site: Place, town: Place, gazetteer: Gazetteer) -> bool:
    """Whether a site is named after a place other than ``town``: "Moscow refinery" near
    a small town called Druzhba."""
    first = site.name.split()[0]
    return not _holds(town, site) and any(
        p.kind != "facility" and p != town for p in gazetteer.lookup(first)
    )


def _holds(town: Place, facility: Place) -> bool:
    """Whether a named facility is the town's own: named after it, or in it."""
    return (
        normalise(town.name) in normalise(facility.name) and within_km(town, facility, 40.0)
    ) or within_km(town, facility, 5.0)


def within_km(a: Place, b: Place, km: float) -> bool:
    return geodesic_distance_km(a.lat, a.lon, b.lat, b.lon) <= km


def geo_precision(place: Place) -> int:
    """How closely a place pins a strike: a strait or a gulf only to an area."""
    if place.kind == "feature":
        return GEO_REGION if place.feature in _AREA_FEATURES else GEO_TOWN
    return {"facility": GEO_FACILITY, "city": GEO_TOWN, "region": GEO_REGION}.get(
        place.kind, GEO_NONE
    )


def where_targets_stand(text: str, located: list[Location]) -> list[Location]:
    """Without a verb of attack, only places where a target stands count: "fires broke out
    at the refinery and at a depot in X", not "supplies fuel to Moscow" nor "flights at
    Saratov airport were restricted"."""
    if _DISRUPTION.search(text):
        return []
    return [
        w
        for w in located
        if w.target_type != "unknown" and _LOCATIVE_BEFORE.search(text[: w.start])
    ]


def finer_place(a: Place, b: Place | None) -> bool:
    """Whether ``a`` places a strike more precisely than ``b`` does."""
    rank = {"facility": 0, "city": 1, "feature": 1, "region": 2, "country": 3}
    return b is not None and rank[a.kind] < rank[b.kind]


def same_place(a: Place, b: Place) -> bool:
    if a.kind == "region" or b.kind == "region":
        return a.admin1 is not None and a.admin1 == b.admin1
    return a == b or within_km(a, b, 25.0)


def name_regions(doc: Document) -> None:
    """Stage ``places``: the regions the article names anywhere, which settle which of two
    same-named towns a sentence means, and the descriptions that stand for a place in it."""
    mentions = find_place_mentions(doc.article.text, doc.gazetteer)
    doc.article_regions = frozenset(
        m.place.admin1 for m in mentions if m.place.kind == "region" and m.place.admin1
    )
    named = {m.place.admin1 for m in mentions if m.place.admin1}
    doc.descriptions = article_descriptions(doc.gazetteer, named)
    doc.named_sites = frozenset(m.place for m in mentions if m.place.kind == "facility")


def article_descriptions(
    gazetteer: Gazetteer, named: set[str]
) -> tuple[tuple[re.Pattern[str], Place], ...]:
    """The descriptions of ``vocab/descriptions.tsv`` that stand for a place in an article
    whose places lie in the regions ``named``: "the Russian capital" is always Moscow, "the
    capital" only in an article that names Moscow (or Kyiv), "the peninsula" only where
    Crimea is named."""
    found: dict[str, tuple[re.Pattern[str], Place]] = {}
    for phrase, name, when in DESCRIPTIONS:
        place = gazetteer.best(name, country="RU") or gazetteer.best(name)
        if phrase in found or place is None or (when == "named" and place.admin1 not in named):
            continue
        found[phrase] = (re.compile(rf"(?<=\bthe ){re.escape(phrase)}\b", re.I), place)
    return tuple(found.values())


def _described(
    text: str, descriptions: tuple[tuple[re.Pattern[str], Place], ...]
) -> list[PlaceMention]:
    return [
        PlaceMention(place, match.group(0), match.start(), match.end(), False, described=True)
        for pattern, place in descriptions
        for match in pattern.finditer(text)
    ]
