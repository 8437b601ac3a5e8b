"""Stage ``places``: place mentions and which of them are strike locations.

A gazetteer name is a strike location unless the sentence uses it otherwise: as an actor
("Moscow said", "Kyiv's forces"), inside a longer name ("Black Sea Fleet"), as a ship's name
("the missile ship Dagestan"), as a distance, launch or route reference ("250 miles west of
Moscow"), as a dateline, or outside Russia and Ukraine. A town named with a kind of target
becomes the known facility of that kind there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import (
    OWN_PLACE_AFTER,
    TARGET_WINDOW,
    classify_target,
    classify_target_near,
    outcome_at,
    scene_of,
)
from .scan import ends_before, per_text, skip, words_after, words_before
from .text import PAGE_STAMP_WORD, Sentence, clause_span

if TYPE_CHECKING:
    from .document import Document

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from ..geo.gazetteer import (
    STRIKE_COUNTRIES,
    Gazetteer,
    Place,
    normalise,
    region_holds,
    spelling_key,
)
from ..geo.geometry import geodesic_distance_km
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
    ALERT_MEASURE,
    ATTACK,
    AUXILIARIES,
    CLOSED_AIRPORT,
    COMMON_WORDS,
    DISTANCE_REFERENCE,
    GEO_NOUNS,
    IMPACT,
    LAUNCH_REFERENCE,
    OFFICE_NOUNS,
    PASSIVE_STRIKE,
    PERSON_NAMED,
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

_NOT_IN_NAME = re.compile(r"[^\w\s'’\-]")
#: An abbreviation a report puts inside a name: "the Caspian Pipeline Consortium (CPC)
#: terminal" is the "Caspian Pipeline Consortium terminal".
_ABBREVIATION_IN_NAME = re.compile(r"\s+\([A-Z]{2,6}\)(?=\s)")
#: The one full stop a name may hold: "St. Petersburg".
_SAINT_ABBREVIATED = re.compile(r"(?<=\bSt)\.(?=\s)")


_DIRECTIONS = re.compile(
    r"(?:(?:north|south|east|west|central|coastal)(?:ern|-?(?:east|west)(?:ern)?)?\s+)+", re.I
)

_SHIP_REASONS = frozenset({"ship name", "name of a thing", "quoted name"})

_REFERENCE_REASONS = frozenset({"distance reference", "launch site", "route"})

#: Where leaders meet or someone was, not where a strike fell: "will meet on Sunday in St
#: Petersburg", "talks with Putin in Moscow", "who was in his hometown of St. Petersburg".
_VENUE_BEFORE = re.compile(
    r"\b(?:meet|meets|meeting|met|talks|summit|forum)\s+(?:[\w-]+\s+){0,5}?in\s+(?:the\s+)?$"
    r"|\b(?:was|were|is|are)\s+in\s+(?:his|her|their)\s+(?:home\s?town|native\s+\w+)\s+of\s+$",
    re.IGNORECASE,
)

#: Nouns after a name that make it a weapon's: "a Pantsir system", "Kalibr missiles".
_WEAPON_NOUNS = frozenset(
    {"system", "systems", "missile", "missiles", "launcher", "launchers", "battery", "batteries"}
)

#: A name that is only part of a longer one: "Sea of Azov", "Battle of Kursk", "House of Moscow".
_OF_NAME_BEFORE = re.compile(
    r"\b(?:Sea|Gulf|Strait|Bay|Lake|Cape|Port|Mount|River|Battle|Siege|Treaty|University|House)"
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

#: A word of a name's own phrase: "and" or "or" begins the next item of a list.
_WORD_AFTER = re.compile(r"\s+(?!(?:and|or)\b)[a-z][\w-]*")

_AREA_FEATURES = frozenset({"sea", "gulf", "strait", "peninsula"})

#: A port or terminal right after a name, past up to two words ("the Taman Black Sea port",
#: "the Volna terminal"): the name is the place's, not a longer name's.
_PORT_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:sea\s?)?(?:ports?|seaports?|terminals?|harbou?rs?|piers?|berths?)\b",
    re.IGNORECASE,
)

#: A site of no known kind right after a name, past up to four words ("the Sudzha gas
#: metering station", "the Samara linear production and dispatching station"): the name is
#: the town the site stands at, not a thing's.
_SITE_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*){0,4}?\s+(?:stations?|facilit(?:y|ies)|complex|hub|node|works)\b"
)

_ANOTHER = re.compile(r"\b(?:another|second|third|other|different)\b", re.I)
#: "an oil depot", "a large fuel depot": one of its kind, not one the reader knows.
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}$", re.I)

_IN_REGION = re.compile(r"(?:['’]s)?\s*(?:,|\s+in)\s+(?:the\s+)?|\s+\(", re.I)

#: A region noun that a name or a list of names follows: "the regions of", "regions,
#: including", "the region of" ("the southwestern region of Bryansk" is the region, not
#: its capital).
_REGIONS_BEFORE = re.compile(
    r"\b(?:regions|oblasts|provinces)(?:\s+of\s+(?:Russia|the\s+Russian\s+Federation))?"
    r"\s*(?:of|,?\s*including|:|[-–—]|such as|like)\s+(?:the\s+)?$"
    r"|\b(?:region|oblast|province)\s+of\s+$",
    re.I,
)
_PLURAL_REGION = re.compile(r"\s+(?:regions|oblasts|provinces|krais|republics)\b", re.I)

LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and|as well as)\s*(?:the\s+)?", re.I)

#: A site told by its town's name, before where it lies: "the Ryazan plant" (near Moscow).
_ITS_SITE = re.compile(
    r"(?:['’]s)?(?:\s+(?!(?:and|or|a|an|the|to|at|in|on|of|with|by)\b)[\w-]+){0,2}?\s+"
    r"(?:refinery|plant|factory|depot|terminal|port|air ?base|"
    r"airfield|arsenal|substation|station|facility|complex|shipyard)",
    re.I,
)
#: Words that tell one place by another: "near", "on the outskirts of".
_NEAR_WORDS = r"near|outside|close to|not far from|just outside|on the outskirts of"
#: Where a site lies, told by a place near it: " near ", " outside the city of ".
_ONLY_NEAR = re.compile(
    rf",?\s+(?:{_NEAR_WORDS})\s+(?:the\s+)?(?:(?:village|town|city|settlement) of\s+)?",
    re.I,
)
_NEAR = re.compile(
    # "is not far from the Black Sea port of Novorossiysk" ("in the port of" is where a
    # ship named like a town lay, not a reference).
    rf"\s+(?:(?:(?:is|lies)\s+)?(?:{_NEAR_WORDS})"
    r"(?:\s+the\s+(?:[\w-]+\s+){0,2}?port\s+of)?|on|in|"
    r"on the (?:[\w-]+\s+)?(?:shore|coast|bank|edge)s? of)\s+"
    r"(?:the\s+)?(?:(?:temporarily\s+|Russian-)?(?:occupied|annexed)\s+)?"
    r"(?:(?:village|town|city|settlement|outskirts) of\s+)?",
    re.I,
)

#: A region's own word after its name: "the lipetsk region".
_REGION_WORD_AFTER = re.compile(r"\s+(?:region|oblast|krai|territory|republic)\b", re.I)
#: Words before a name that make it a named feature there: "Cape Tarkhankut", "Lake Donuzlav".
_FEATURE_WORDS = frozenset({"cape", "lake", "mount", "bay", "port", "spit"})

#: In a town this small, a facility named after it is what a report of the town means.
_SMALL_TOWN = 100_000
#: The word for a district: "district", "raion", "rayon".
_DISTRICT_NOUN = r"(?:district|raion|rayon)\b"
#: How a town's adjective ends in Russian and Ukrainian spellings: "-sky", "-skiy", "-skyi".
_ADJECTIVE_END = r"(?:s'?kiy|s'?kyi|s'?ky|s'?kii|s'?koy|s'?kyy)"
#: A district named by its town's adjective: "Surazhsky district", "Kirovskyi raion", and of
#: a town of two words, "Kamensko-Dneprovsky district".
_DISTRICT = re.compile(
    rf"\b(?P<stem>(?:[A-Z][a-z'’]+-)?[A-Z][a-z'’]+?){_ADJECTIVE_END}"
    r"\s+(?:(?:municipal|urban)\s+)?(?:district|raion|rayon|okrug)\b",
    re.IGNORECASE,
)
#: A town's adjective, and what stands between two of a list: "Sudzhansky, Korenevsky and".
_ADJECTIVE_WORD = rf"[A-Z][a-z'’]+{_ADJECTIVE_END}"
_LIST_AND = r"(?:,\s+|,?\s+and\s+)"
#: Districts listed by their adjectives: "the Sudzhansky, Korenevsky and Glushkovsky districts".
_DISTRICT_LIST = re.compile(
    rf"\b(?:{_ADJECTIVE_WORD}{_LIST_AND})+{_ADJECTIVE_WORD}\s+(?:districts|raions|rayons)\b"
)
#: Districts named by their adjectives after the word for them: "the district of Trubchevsky",
#: "three districts of the Kursk region: Sudzhansky, Korenevsky and Glushkovsky".
_DISTRICTS_NAMED_AFTER = re.compile(
    r"\b(?:district|raion|rayon)s?\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s+(?:region|oblast|krai)\s*:\s*)?"
    rf"(?P<list>{_ADJECTIVE_WORD}(?:{_LIST_AND}{_ADJECTIVE_WORD})*)\b"
)
#: One adjective of such a list, and the stem its town's name begins with.
_DISTRICT_ADJECTIVE = re.compile(rf"\b(?P<stem>[A-Z][a-z'’]+?){_ADJECTIVE_END}\b")
#: A site named by its town's adjective: "the Kropotkinskaya pumping station", and in
#: Ukrainian's feminine, "the Liskinska oil depot".
_SITE_ADJECTIVE = re.compile(
    r"\b(?P<stem>[A-Z][a-z'’]+?)(?:s'?kaya|s'?kiy|s'?kyi|s'?ky|s'?koye|s'?kyy|s'?ka)(?=\s)"
)
_DISTRICT_STEM_LETTERS = 4
#: A site named by its town's adjective with the whole ending clipped, as translation from
#: Ukrainian leaves it: "the Novoshakhtyn refinery" of Novoshakhtinsk, "the Novokubyshev
#: refinery" of Novokuybyshevsk. Long names only: the town is guessed by its spelling.
_CLIPPED_SITE_NAME = re.compile(r"\b(?P<stem>[A-Z][a-z'’]{7,})(?=\s)")
#: What the clipped ending was: the "-sk" of the town's name.
_CLIPPED_END = "sk"
#: Words that, after a possessive name, make it an institution's: "Moscow's Defence Ministry".
_OFFICE_WORDS = frozenset({"defence", "defense", "foreign", "general", "security", "armed"})
#: The capitals of the two sides named together stand for their governments.
_CAPITALS_PAIRED = re.compile(r"\s*(?:,\s*)?(?:and|or|nor|to)\s+(?:to\s+)?Kyiv\b|\s*-\s*Kyiv\b")
_CAPITALS_PAIRED_BEFORE = re.compile(r"\bKyiv\s*(?:,\s*)?(?:and|or|nor|-)\s+$")

#: A town stands for a facility of the named kind within this distance.
_FACILITY_KM = 30.0
#: A town stands for a known store (a depot, an arsenal) only this close.
_STORE_KM = 10.0
#: How far from a town the substation a report places in it may stand.
_SUBSTATION_KM = 20.0

#: Kinds of target that known sites have.
FACILITY_TYPES: frozenset[str] = frozenset(
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
        first = tokens[index]
        word = first.group()
        # Some Ukrainian outlets write Russia's names in lower case ("the lipetsk region"):
        # such a word names a place only as the whole name of a region.
        lowered = not word[0].isupper()
        if lowered and not (word.isalpha() and _REGION_WORD_AFTER.match(text, first.end())):
            index += 1
            continue
        # Most capitalised words begin no name of several words: then no run of words they
        # begin is looked up (a run in ASCII names as many words as it holds).
        alone = word.isascii() and not gazetteer.begins_longer_name(word)
        for size in range(min(longest, len(tokens) - index), 0, -1):
            last = tokens[index + size - 1]
            if word.isupper() and size == 1:
                break
            span = text[first.start() : last.end()]
            bare = _ABBREVIATION_IN_NAME.sub("", span) if size > 2 else span
            if size > 1 and (
                (alone and span.isascii()) or _NOT_IN_NAME.search(_SAINT_ABBREVIATED.sub("", bare))
            ):
                continue
            name = _POSSESSIVE.sub("", bare)
            if size == 1 and name.lower() in COMMON_WORDS:
                continue
            places = gazetteer.lookup(name)
            if lowered:
                places = [p for p in places if size > 1 and p.kind == "region"]
            elif not places and spelling and size == 1:
                places = [
                    p
                    for p in gazetteer.lookup_spelling(name)
                    if (not regions or p.admin1 in regions)
                    and _stands_as_place(text, first.start(), first.start() + len(name), p)
                ]
            if places:
                found = PlaceMention(
                    _best_place(places),
                    name,
                    first.start(),
                    last.end() - (len(bare) - len(name)),
                    name != bare,
                )
                index += size
                break
        if found is None:
            index += 1
        else:
            mentions.append(found)
    return mentions


#: A name in quotes: "the substation “Yeletska”".
_QUOTED_NAME = re.compile(r"[\"“«](?P<name>[^\W\d_][\w'’ -]{2,40}?)[\"”»]")
#: How far before a quoted name the noun of its kind of site may begin.
_KIND_BEFORE_QUOTE = 40


def _kind_before_quote(text: str, quote: int) -> TargetType | None:
    """The kind of target the noun right before an opening quote names: "the military
    airfields “Engels” and ..."."""
    for target_type, pattern in TARGET_PATTERNS:
        for noun in pattern.finditer(text, max(0, quote - _KIND_BEFORE_QUOTE), quote):
            if not text[noun.end() : quote].strip():
                return target_type
    return None


def _quoted_sites(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Known sites named in quotes right after a noun of their kind ("the airfields “Engels”",
    "the substation “Yeletska”"): the one site of that kind whose name begins with the
    quoted one, however the town's name is spelt or declined in it."""
    found = []
    for quoted in _QUOTED_NAME.finditer(text):
        kind = _kind_before_quote(text, quoted.start())
        if kind is None or kind not in FACILITY_TYPES:
            continue
        sites = _named_after(quoted["name"], gazetteer.facilities, (kind,))
        if sites and all(within_km(sites[0], other, 5.0) for other in sites[1:]):
            start, end = quoted.span("name")
            found.append(PlaceMention(sites[0], quoted["name"], start, end, False))
    return found


#: A name, then up to three capitalised words of a site's title, then a noun of a site that
#: says no kind of its own or ends a title: "the Belaya base", "the Novoshakhtinsk site", "the
#: Novocherkassk State Regional Electricity Plant".
_FIRST_WORD_SITE = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]{3,})(?P<title>(?:\s+[A-Z][\w'’-]*){0,3}?)\s+"
    r"(?P<noun>(?i:sites?|bases?|facilit(?:y|ies))\b|(?:Plant|Station|Works|Complex)s?\b)"
)
#: The kinds of site a bare "base" can be.
_BASE_TYPES = ("airbase", "naval", "military")


@lru_cache(maxsize=4)
def _sites_by_first_word(gazetteer: Gazetteer) -> dict[str, tuple[Place, ...]]:
    """The known sites by the first word of their names, as names are matched."""
    sites: dict[str, list[Place]] = {}
    for site in gazetteer.facilities:
        sites.setdefault(normalise(site.name).split(" ")[0], []).append(site)
    return {word: tuple(found) for word, found in sites.items()}


def _first_word_sites(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Known sites named by the first word of their name and a noun that says no kind, or a
    title the kind nouns do not reach ("the Belaya base" is "Belaya air base"): the one site
    whose name begins with that word, of the kind the title or a base names, if any."""
    found = []
    for match in _FIRST_WORD_SITE.finditer(text):
        if target_after(text, match.end("name")) is not None:
            # "the Saratov oil refinery": the kind nouns already place it.
            continue
        if match["title"] and match["noun"][0].isupper():
            kind, _ = classify_target(match["title"])
            kinds: tuple[str, ...] = (kind,) if kind in FACILITY_TYPES else ()
        elif match["noun"].lower().startswith("base"):
            kinds = _BASE_TYPES
        else:
            kinds = tuple(FACILITY_TYPES)
        by_first_word = _sites_by_first_word(gazetteer).get(normalise(match["name"]), ())
        sites = [f for f in by_first_word if f.target_type in kinds]
        if len(sites) == 1:
            found.append(PlaceMention(sites[0], match.group(0), match.start(), match.end(), False))
    return found


#: A plural noun of a kind of site several names share: "the A and B refineries", "oil
#: depots in A, B and C".
_SHARED_SITE_NOUN = re.compile(
    r"\b(?P<noun>(?:(?:oil|fuel|sea|power|air|naval|military)\s+)?"
    r"(?:refineries|airfields|air\s?bases|bases|depots|ports|seaports|terminals|substations|"
    r"plants|stations))\b"
)
#: A name of one or two capitalised words.
_LIST_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
#: Names that share the noun after them: "Saky, Belbek and Kacha " right before "airfields".
_NAMES_BEFORE = re.compile(
    rf"(?:{_LIST_NAME}(?:,\s*|,?\s+and\s+))*{_LIST_NAME},?\s+and\s+{_LIST_NAME}\s+$"
)
#: Names that share the noun before them: " in Saky, Belbek and Kacha".
_NAMES_AFTER = re.compile(
    rf"\s+(?:in|of|at|near)\s+(?:the\s+)?(?:{_LIST_NAME}(?:,\s*|,?\s+and\s+)){{1,8}}"
    rf"{_LIST_NAME}"
)
_ONE_LIST_NAME = re.compile(_LIST_NAME)


def _singular(noun: str) -> str:
    words = noun.split()
    last = words[-1]
    last = last[:-3] + "y" if last.endswith("ies") else last[:-1]
    return " ".join([*words[:-1], last])


def _shared_noun_sites(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Known sites named by a name of a list that shares one plural noun of their kind:
    "the Slavyansk and Ilsky refineries", "refineries in Slavyansk and Ilsky" name the
    "Slavyansk refinery" as the last name names the "Ilsky refinery", whatever town the bare
    name would be."""
    found = []
    for noun in _SHARED_SITE_NOUN.finditer(text):
        before = ends_before(_NAMES_BEFORE, text, noun.start())
        after = _NAMES_AFTER.match(text, noun.end())
        lists = [m.span() for m in (before, after) if m is not None]
        singular = _singular(noun["noun"])
        # "oil depots": an "X oil depot", else an "X depot".
        nouns = dict.fromkeys((singular, singular.split()[-1]))
        for start, end in lists:
            for name in _ONE_LIST_NAME.finditer(text, start, end):
                # "The Saky": a sentence's first word is no part of the name.
                words = name.group().split()
                name_start = name.end() - len(words[-1]) if words[0] == "The" else name.start()
                sites = [
                    p
                    for kind in nouns
                    for p in gazetteer.lookup(f"{text[name_start : name.end()]} {kind}")
                    if p.kind == "facility"
                ]
                if sites:
                    found.append(
                        PlaceMention(
                            sites[0], text[name_start : name.end()], name_start, name.end(), False
                        )
                    )
    return found


#: A noun of a site, then "of" and a name of up to four words, maybe Russia's, the first
#: capitalised: "the headquarters of Russia's Black Sea fleet".
_NOUN_OF_NAME = re.compile(
    r"\b(?P<noun>[a-z]+)\s+of\s+(?:the\s+)?(?:Russia['’]s\s+|Russian\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3})"
)


#: A word of a name, found where it stands in the text.
_NAME_PART = re.compile(r"\S+")


def _noun_first_sites(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Known sites named noun first: "the headquarters of the Black Sea Fleet" is the "Black
    Sea Fleet headquarters". Only where the name is no place of its own: "the port of X" is
    the town X's, which the town's own rules place."""
    found = []
    for match in _NOUN_OF_NAME.finditer(text):
        # Where each word ends in the text: a name may run over a line break.
        words = list(_NAME_PART.finditer(text, match.start("name"), match.end("name")))
        for size in range(len(words), 0, -1):
            name = " ".join(word.group() for word in words[:size])
            sites = [p for p in gazetteer.lookup(f"{name} {match['noun']}") if p.kind == "facility"]
            if sites:
                if not gazetteer.lookup(name):
                    end = words[size - 1].end()
                    found.append(
                        PlaceMention(
                            sites[0],
                            match.group(0)[: end - match.start()],
                            match.start(),
                            end,
                            False,
                        )
                    )
                break
    return found


def _stands_as_place(text: str, start: int, end: int, guess: Place) -> bool:
    """Whether a word guessed to be a misspelt place stands where places do: after a word of
    place or attack ("in Cheboksaray", not "HIMARS and Uragan rockets"), and, unless the guess
    is a region, not right before a kind of site, whose own name it then is ("the Chumak
    plant")."""
    return ends_before(_PLACE_BEFORE, text, start) is not None and (
        guess.kind == "region" or target_after(text, end) is None
    )


def _clipped_site_names(text: str, gazetteer: Gazetteer) -> list[tuple[re.Match[str], TargetType]]:
    """The words before a kind of site that name no place as written nor as misspelt ("the
    Novoshakhtyn refinery"), with the kind of site."""
    found = []
    for match in _CLIPPED_SITE_NAME.finditer(text):
        kind = target_after(text, match.end())
        if (
            kind is not None
            and kind in FACILITY_TYPES
            and not gazetteer.lookup(match["stem"])
            and not gazetteer.lookup_spelling(match["stem"])
        ):
            found.append((match, kind))
    return found


def district_mentions(
    text: str, gazetteer: Gazetteer, regions: frozenset[str], *, told_region: bool = False
) -> list[PlaceMention]:
    """Districts and sites named by their town's adjective ("the Surazhsky district",
    "Kirovskyi raion", "the Kropotkinskaya pumping station"), as their namesake town in a
    region the article names; a site's kind then places it at the town's site of that kind.

    A site whose sentence names no region (``told_region`` false) and whose namesake lies in
    none of ``regions`` is the one of that kind at a namesake town anywhere."""
    found = []
    sites = [
        (match, kind)
        for match in _SITE_ADJECTIVE.finditer(text)
        if (kind := target_after(text, match.end())) is not None
    ]
    districts = [(match, None) for match in _district_adjectives(text)]
    for clipped, site_kind in _clipped_site_names(text, gazetteer):
        # The town is a guess from a spelling: only one with a known site of that kind.
        guessed = [
            town
            for town in gazetteer.lookup_spelling(clipped["stem"] + _CLIPPED_END)
            if town.kind == "city"
            and gazetteer.facilities_near(town.lat, town.lon, _FACILITY_KM, site_kind)
        ]
        if len(guessed) == 1:
            found.append(
                PlaceMention(guessed[0], clipped["stem"], clipped.start(), clipped.end(), False)
            )
    for match, kind in sorted([*districts, *sites], key=lambda m: m[0].start()):
        stem = match.group("stem")
        if kind is None:
            towns = _district_towns(gazetteer, stem)
        elif len(stem) < _DISTRICT_STEM_LETTERS:
            continue
        else:
            towns = _towns_named_from(gazetteer, stem)
        named = [town for region, town in towns if region in regions]
        if not named and not told_region and kind in FACILITY_TYPES:
            # "the Ryazansky refinery" of a report that names no region: the town of that
            # name with a site of that kind, not a suburb called Ryazanskiy elsewhere.
            named = [
                town
                for _, town in towns
                if town.country in STRIKE_COUNTRIES
                and gazetteer.facilities_near(town.lat, town.lon, _FACILITY_KM, kind)
            ]
        if named:
            # Of several namesakes, the most populous: the "Klimovsky district" of a report
            # on Bryansk and Crimea is Klimovo's of Bryansk, not a Crimean village's.
            town = max(named, key=lambda t: t.population)
            found.append(PlaceMention(town, match.group(0), match.start(), match.end(), False))
    return found


# Read for the districts a sentence names and again for those of no namesake town.
@per_text(maxsize=16)
def _district_adjectives(text: str) -> tuple[re.Match[str], ...]:
    """The adjectives that name districts: "the Surazhsky district", each of "the Sudzhansky,
    Korenevsky and Glushkovsky districts", "the district of Trubchevsky"."""
    listed = (
        adjective
        for districts in _DISTRICT_LIST.finditer(text)
        for adjective in _DISTRICT_ADJECTIVE.finditer(text, districts.start(), districts.end())
    )
    named_after = (
        adjective
        for districts in _DISTRICTS_NAMED_AFTER.finditer(text)
        for adjective in _DISTRICT_ADJECTIVE.finditer(text, *districts.span("list"))
    )
    return (*_DISTRICT.finditer(text), *listed, *named_after)


def _foreign_districts(
    text: str, gazetteer: Gazetteer, regions: frozenset[str]
) -> list[tuple[int, int]]:
    """Where the text names a district with no namesake town in ``regions``: "Donetsk's
    Kievsky and Voroshilovsky districts" are no towns of the regions the article names."""
    return [
        match.span()
        for match in _district_adjectives(text)
        if not any(region in regions for region, _ in _district_towns(gazetteer, match["stem"]))
    ]


def _read_district_centres() -> tuple[tuple[str, str, str], ...]:
    text = resources.files(__package__).joinpath("vocab", "district-centres.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple((adjective, region, centre) for adjective, region, centre in rows)


#: Districts governed from a town their adjective does not name: (adjective, region, centre).
DISTRICT_CENTRES = _read_district_centres()


@lru_cache(maxsize=4)
def _district_centres(gazetteer: Gazetteer) -> dict[str, dict[str, Place]]:
    """The centres of :data:`DISTRICT_CENTRES` by the spelling key of the adjective's stem and
    by region: "Kamensky" and "Kamenskiy" of Rostov are both Glubokiy's."""
    centres: dict[str, dict[str, Place]] = {}
    for adjective, region, centre in DISTRICT_CENTRES:
        adjective_match = _DISTRICT_ADJECTIVE.fullmatch(adjective)
        assert adjective_match is not None, adjective
        for town in gazetteer.lookup(centre):
            if town.name == centre and town.admin1 == region and town.kind == "city":
                centres.setdefault(spelling_key(adjective_match["stem"]), {})[region] = town
                break
    return centres


def _district_towns(gazetteer: Gazetteer, stem: str) -> tuple[tuple[str, Place], ...]:
    """The town each region governs a district of this stem from: its centre where the table
    knows one (the "Kamensky district" of Rostov is Glubokiy's, not Kamensk-Shakhtinsky's),
    elsewhere the stem's namesake town."""
    centres = _district_centres(gazetteer).get(spelling_key(stem), {})
    if len(stem) < _DISTRICT_STEM_LETTERS:
        return tuple(centres.items())
    return tuple({**dict(_towns_named_from(gazetteer, stem)), **centres}.items())


#: A district's stem that joins its town's name by "n" after the town's last vowel, which
#: Russian changes: "Sudzhansky" is Sudzha's, "Anninsky" Anna's, and the ending of a town
#: named by an adjective: "Glubokinskaya" is Glubokiy's.
_LINKED_STEM = re.compile(r"(?P<base>[^\W\d_]{3,}?)[aeiy]n")
_TOWN_END_VOWELS = ("a", "o", "e", "iy", "y")
#: How the name of a district's town ends where it is the district's adjective, neuter:
#: "Kirovskoye" and "Kirovske" of the "Kirovsky district".
_NEUTER_ENDS = ("skoye", "skoe", "ske")
#: A stem of the "-ovka"/"-evka"/"-ivka" towns, whose adjective drops the "-ka": the
#: "Vasilievskaya substation" is Vasylivka's, however the stem spells the town.
_KA_STEM = re.compile(r"[^\W\d_]{4,}[oeiy]v")


# A district named again and again asks the same of the gazetteer.
@lru_cache(maxsize=1024)
def _towns_named_from(gazetteer: Gazetteer, stem: str) -> tuple[tuple[str, Place], ...]:
    """The namesake town of a district's stem in each region that has one: a town whose name
    begins with the stem, or, where none does, the "-ka" town of a stem in "-ov", "-ev" or
    "-iv" in any of its spellings, a town of two words the stem compounds, or one that ends
    in a vowel where the stem ends in a linking "-an"/"-in"."""
    towns = gazetteer.towns_named_from(stem)
    for ending in _NEUTER_ENDS:
        # "the Kirovsky district" of Crimea is Kirovske's, the town once called Kirovskoye
        # (now known by another name), not a smaller village whose name begins with Kirov.
        for town in gazetteer.lookup(stem + ending):
            known = towns.get(town.admin1 or "")
            if (
                town.kind == "city"
                and town.admin1
                and (known is None or town.population > known.population)
            ):
                towns[town.admin1] = town
    if _KA_STEM.fullmatch(stem):
        for town in gazetteer.lookup(stem + "ka"):
            if town.kind == "city" and town.admin1:
                # lookup ranks the region's most populous namesake first.
                towns.setdefault(town.admin1, town)
    for region, town in gazetteer.towns_named_from_parts(stem).items():
        # "Holoprystansky": a compound's town of two words, where no name begins with it.
        towns.setdefault(region, town)
    linked = _LINKED_STEM.fullmatch(stem)
    if linked is not None:
        for vowel in _TOWN_END_VOWELS:
            for town in gazetteer.lookup(linked["base"] + vowel):
                if town.kind == "city" and town.admin1 and town.admin1 not in towns:
                    # lookup ranks the region's most populous namesake first.
                    towns[town.admin1] = town
    return tuple(towns.items())


def _with_districts(
    mentions: list[PlaceMention],
    districts: list[PlaceMention],
    foreign_districts: list[tuple[int, int]],
    regions: frozenset[str],
) -> list[PlaceMention]:
    """A district wins over a name inside it ("Kamensky" of "the Kamensky district"); a known
    site named in full wins over its adjective ("the Orlovskaya thermal power plant"); a
    district with no namesake town in ``regions`` is no town named like it outside them
    ("the Kievsky district" of Donetsk is not the town Kievskiy of the Moscow region)."""
    sites = [m for m in mentions if m.place.kind == "facility"]
    districts = [
        d for d in districts if not any(s.start <= d.start and d.end <= s.end for s in sites)
    ]
    mentions = [
        m
        for m in mentions
        if m.place.kind == "facility"
        or m.place.admin1 in regions
        or not any(start <= m.start and m.end <= end for start, end in foreign_districts)
    ]
    return sorted([*_clear_of(mentions, districts), *districts], key=lambda m: m.start)


def _with_descriptions(
    mentions: list[PlaceMention], described: list[PlaceMention]
) -> list[PlaceMention]:
    """Named places and described ones in text order; a name wins where both overlap."""
    return sorted([*mentions, *_clear_of(described, mentions)], key=lambda m: m.start)


#: A region's capital told by its role: "in the regional capital", "the region's
#: administrative centre", "the region's namesake capital", "the eponymous city"; not one
#: named right after it ("regional capital Krasnodar").
_REGIONAL_CAPITAL = re.compile(
    r"(?<=\bthe )(?:(?:[Rr]egional|[Rr]egion['’]s)\s+(?:(?:namesake|eponymous)\s+)?"
    r"(?:capital|(?:administrative\s+)?cent(?:er|re))|(?:namesake|eponymous)\s+(?:capital|city))\b"
    r"(?!\s+[A-Z])"
)


#: Why a name is no place: it is a word of a longer name ("Aleksandr Gusev", "the Black
#: Sea Fleet").
_LONGER_NAME = "part of a longer name"
#: Why a name tells no region a description may stand in: it is inside a person's name, or
#: it speaks ("Gusev wrote").
_NO_REGION_TOLD = (_LONGER_NAME, "actor")


def _regional_capitals(
    text: str, mentions: list[PlaceMention], gazetteer: Gazetteer
) -> list[PlaceMention]:
    """The regional capital of the region the sentence has just named ("Kursk region
    Governor Roman Starovoyt reported a drone crash near an oil depot in the regional
    capital"): the town the region is named after, where the gazetteer knows one."""
    found = []
    for match in _REGIONAL_CAPITAL.finditer(text):
        regions = [
            region
            for m in mentions
            if m.end <= match.start()
            and m.place.country in STRIKE_COUNTRIES
            and (region := m.place.admin1)
            # Not a town read inside a person's name or as one who speaks: "Governor
            # Aleksandr Gusev wrote".
            and non_location_reason(text, m, at_text_start=False) not in _NO_REGION_TOLD
        ]
        if not regions:
            continue
        region = regions[-1]
        stem = region.split()[0]
        # The town of that very name ("Orel" is known as "Oryol" too), else the largest
        # whose name begins with it ("Rostov-on-Don").
        named = [p for p in gazetteer.lookup(stem) if p.kind == "city" and p.admin1 == region]
        capital = named[0] if named else gazetteer.towns_named_from(stem).get(region)
        if capital is not None:
            found.append(
                PlaceMention(capital, match.group(0), match.start(), match.end(), False, True)
            )
    return found


def _clear_of(found: list[PlaceMention], winners: list[PlaceMention]) -> list[PlaceMention]:
    """Those of ``found`` that overlap none of ``winners``, which are in text order and do
    not overlap one another."""
    # The winners' ends are in text order too: the only one that can overlap a mention is
    # the last to begin before it ends.
    starts = [w.start for w in winners]
    clear = []
    for mention in found:
        before_end = bisect_left(starts, mention.end)
        if before_end == 0 or winners[before_end - 1].end <= mention.start:
            clear.append(mention)
    return clear


def _best_place(places: list[Place]) -> Place:
    return places[0]


_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|—|–|-)")
#: The publication stamp that opens a stored page: "date 2024-12-23 ".
_PAGE_STAMP_BEFORE = re.compile(rf"{PAGE_STAMP_WORD}\d{{4}}-\d{{2}}-\d{{2}}\s+")
#: A dateline opening any paragraph: "Moscow, 31 July 2022 (dpa) -", "Kyiv [Ukraine], August 4:".
_DATED_DATELINE_AFTER = re.compile(
    r"(?:\s*\[[^\]]*\])?\s*,\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})\b"
)
#: The agent of a deed or a word: "confirmed by Moscow", "carried out by the Kyiv regime".
_AGENT_BEFORE = re.compile(
    r"\b(?:(?:confirmed|claimed|reported|denied|announced|acknowledged|stated|carried out|"
    r"launched|fired|ordered|appointed|installed|backed|controlled|held|run|governed|"
    r"occupied|seized|captured|annexed)\s+by|blamed on|attributed to)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
#: A place named only to say where another one lies: "the Ivanovo air base, northeast of
#: Moscow", "Snake Island south of the Odesa region"; not "in the north of Crimea", nor
#: "just north of Sevastopol", near enough to stand for the place (but "the district, which
#: lies just east of annexed Crimea", said of where another place lies).
_COMPASS_REFERENCE = re.compile(
    r"(?:(?<!\bthe\s)(?<!\bjust\s)|\b(?:lies|lying|located|situated)\s+just\s)"
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?"
    r"(?:(?:Russian-|Russia-|Moscow-)?(?:occupied|annexed|held|controlled)\s+)?$",
    re.IGNORECASE,
)
#: A town or region named as where people or goods came from ("a couple from the Belgorod
#: region", "fuel brought from Crimea", "forced to withdraw from Crimea"), not where a
#: strike fell; what was seen or heard from a place ("footage from Sevastopol") is of it.
_ORIGIN_BEFORE = re.compile(
    r"(?:\b(?P<seen>footage|videos?|images|photos|pictures|reports|smoke|debris)\s+)?"
    r"\bfrom\s+(?:the\s+)?(?:(?:occupied|annexed|Russian-occupied|Russia's|Russia’s)\s+)?$",
    re.IGNORECASE,
)
#: The source of a statement, named alone: "according to Gusev, ...", "..., reported Pravda,
#: citing sources" (a surname or an outlet that a town shares).
_SPEAKER_BEFORE = re.compile(
    r"(?:\baccording to|[,”\"]\s*(?:reported|reports|said|says|wrote|writes|added))\s+$",
    re.IGNORECASE,
)
_SPEAKER_AFTER = re.compile(r"\s*[,.;:]")
_OWNED = re.compile(r"['’]s\s*")
#: What a town owns that is a part of it, a few words on: "Belgorod's energy facilities",
#: "Energodar's housing and utilities facilities", "Energodar's first district".
_PART_OWNED = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?P<part>facilit(?:y|ies)|infrastructure|districts?|neighbou?rhoods?|"
    r"outskirts|suburbs?)\b",
    re.IGNORECASE,
)
#: What a seat of government owns anywhere: "Moscow's military infrastructure".
_GOVERNMENT_OWNS = ("facilit", "infrastructure")


def _owns_a_part(sentence: str, owned_at: int, place: Place) -> bool:
    """Whether what a town's possessive owns is a part of the town ("Belgorod's energy
    facilities"), not the government's anywhere ("Moscow's military infrastructure")."""
    part = _PART_OWNED.match(sentence, owned_at)
    if part is None:
        return False
    owned = part.group("part").lower()
    return not (normalise(place.name) in _GOVERNMENT_SEATS and owned.startswith(_GOVERNMENT_OWNS))


#: Up to the word after the next one, if there is one ("Moscow was hit": "hit").
_PAST_NEXT_WORD = re.compile(r"\s*(?:\S+\s+(?=\S))?")
_SPACES = re.compile(r"\s*")
_COME_UNDER = re.compile(r"\s+\w+\s+(?:come|been)\s+under\b")
#: The next word of the same name; an editor's bracket may close between them: "[Russian
#: President Vladimir] Putin".
_ADJACENT_AFTER = re.compile(r"\]?[ \t]+[\w]")
_ADJACENT_BEFORE = re.compile(r"\w[ \t]+$")
_OPEN_QUOTE_BEFORE = re.compile(r"[\"“‘']\s*$")
_CLOSE_QUOTE_AFTER = re.compile(r"\s*[\"”’']")
_DESCRIBES_NEXT = re.compile(r"\s+(?:city|town|port|region|village|republic)\s+of\s+[A-Z]")
#: The noun of a ship's kind after its name, past words of its class ("missile cruiser",
#: "large landing ship") and the names of others of its kind ("the Azov and Yamal ...").
_SHIP_AFTER = re.compile(
    r"(?:(?:,|\s+and)\s+[A-Z][\w-]*)*(?:\s+[a-z][\w-]*){0,2}\s+"
    r"(?:ships?|vessels?|corvettes?|frigates?|cruisers?|submarines?|"
    r"boats?|tankers?|tugs?|minesweepers?)\b"
)
_NAMED_BEFORE = re.compile(r"\b(?:named|called|identified as)\s+(?:the\s+)?$", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"['’]s\s*$")
_QUOTE_AFTER = re.compile(r"[\"”’']")
#: "the first time", "this time": time, not a clock's.
_ONE_TIME_BEFORE = re.compile(r"\b(?:first|last|this|that)\s+$")
#: How much of the word a name owns is read ("Crimea's north-western coast"): no noun of
#: a place is longer, so a longer run of letters need not be read to its end.
_LOOKAHEAD = 200


#: A headline in title case capitalises (nearly) every word of this length or more.
_TITLE_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
_TITLE_SHARE = 0.85
_TITLE_WORDS = 4


@per_text(maxsize=256)
def in_title_case(sentence: str) -> bool:
    """Whether a line is a headline in title case ("Drones Attack Oil Refinery In Saratov"),
    where a capital says nothing of a longer name."""
    words = _TITLE_WORD.findall(sentence)
    capitals = sum(word[0].isupper() for word in words)
    return len(words) >= _TITLE_WORDS and capitals >= _TITLE_SHARE * len(words)


#: "Russian-occupied", "Rosneft-owned": a capital, then a hyphen and a lower-case word, make
#: an adjective before a name, not a part of it ("Rostov-on-Don" ends on a capital).
_HYPHENED_ADJECTIVE = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*-[a-z][a-z]*")

#: Flying towards a place: a route, unless the sentence says what it did there.
_APPROACH_BEFORE = re.compile(
    r"\b(?:towards?|heading for|approaching)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE
)

#: Capitals, and the seat of Russia's government, that reports name for the government as
#: often as for the place: "talks between Washington and the Kremlin".
_GOVERNMENT_SEATS = frozenset({"moscow", "kremlin"})
#: Nouns after "Kremlin" that make it an adjective for Russia's state ("a Kremlin military
#: base", "Kremlin officials"), not the site.
_KREMLIN_ROLES = frozenset(
    {"military", "forces", "troops", "army", "officials", "official", "spokesman",
     "spokesperson", "aide", "aides", "adviser", "propaganda", "regime", "leadership",
     "media", "war", "ally", "allies", "critics", "critic", "policy", "chief", "insiders"}
)  # fmt: skip
#: Words before a capital that make it the city: "drones over Moscow", "attacked Moscow".
_PLACE_BEFORE = re.compile(
    r"\b(?:in|inside|within|on|over|near|at|towards?|around|outside|across|into|above|below|of|from|"
    r"targeting|targeted|attacked|attacking|attack|struck|striking|strike|hit|hitting|"
    r"shelled|bombed|raided|raid|attacks|strikes)\s+(?:the\s+)?(?:[\w-]+\s+)?$"
    # "the Russian capital, Moscow", "the capital city Moscow".
    r"|\bcapital(?:\s+city)?\s*,?\s+$",
    re.IGNORECASE,
)
#: What is put on a government, not on a place: "pressure on the Kremlin", "sanctions on
#: Moscow".
_POLICY_ON = re.compile(
    r"\b(?:pressure|sanctions?|demands?|calls?|leverage|influence)\s+(?:on|against)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
#: Words after a capital that make it the city: "Moscow region", "Moscow was hit".
_PLACE_AFTER = re.compile(
    r"\s*(?:region|oblast|city|area|suburbs?|outskirts|districts?|airports?|refinery|"
    r"(?:was|were|is|are|has been|had been|came)\s+(?:\w+\s+){0,3}?(?:hit|struck|attacked|"
    r"targeted|shelled|under|the target)"
    # "Moscow and its environs had rarely been targeted", "Moscow and surrounding regions".
    r"|and\s+(?:its\s+|the\s+)?(?:surrounding|environs|suburbs|outskirts))\b|['’]s\s",
    re.IGNORECASE,
)

#: Words that say what kind of district the noun after them is: "municipal district".
_DISTRICT_KINDS = frozenset({"municipal", "urban", "rural"})
_DISTRICT_WORD = re.compile(rf"\s+{_DISTRICT_NOUN}", re.IGNORECASE)
#: A city that owns the district named next to it: "Penza's", "of Volgograd".
_CITY_BEFORE = re.compile(r"\b(?!Russia|Ukraine)[A-Z][\w-]+['’]s\s+(?:the\s+)?$")
#: A self-styled republic named after a city, in quotes: the Donetsk "people's republic".
_REPUBLIC_AFTER = re.compile(r"\s*[\"“‘']?people['’]s\s+republics?\b", re.IGNORECASE)
_CITY_DISTRICT_AFTER = re.compile(
    r"\s+(?:district|raion|rayon)\s+of\s+(?:the\s+city\s+of\s+)?[A-Z]", re.IGNORECASE
)

#: Why a town before "district of" a city is no location of its own.
_CITY_DISTRICT = "a district of a city"
#: Why a place that says who holds an office ("the Moscow mayor") is no location of its own.
_OFFICE = "names an office, not a target"
#: A town's district and the region or country it lies in: "district of the Moscow region".
_DISTRICT_OF = re.compile(
    r"\s+(?:district|raion|rayon)\s+of\s+(?:the\s+)?(?:occupied\s+|annexed\s+)?", re.IGNORECASE
)

#: A comma or a dash between a place and an office: the office only says who told it.
_ATTRIBUTION_AFTER = re.compile(r"\s*[,;:—–(]")

#: Words between a place and an office it names: "Kursk regional governor".
_OFFICE_QUALIFIERS = frozenset(
    {"regional", "region's", "city", "provincial", "oblast", "municipal"}
)


#: An official named before the place in his charge: "the governor of the", "officials in
#: the occupied region of".
_OFFICIAL_OF_BEFORE = re.compile(
    r"\b(?P<official>governor|mayor|head|officials|authorities)\s+(?:of|in)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
#: A preposition whose object a name is, past up to two words: "the port of", "on downtown",
#: "part of Ukraine's southern".
_OBJECT_OF_BEFORE = re.compile(r"\b(?:of|on|near|outside)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
#: The office that tells of strikes in a Russian region: "the Krasnodar regional operational
#: headquarters", "Krasnodar Krai Operational Headquarters".
_OPERATIONAL_OFFICE = re.compile(
    r"(?:'s|’s)?\s+(?:(?:regional|region's|city|provincial)\s+)?(?:emergency\s+)?"
    r"(?:operational|operations)\s+(?:headquarters|hq|staff|cent(?:er|re))\b",
    re.IGNORECASE,
)


#: A region named beside its whole country: "over Russia and Russia-annexed Crimea",
#: "refineries across Russia and occupied Crimea" say where in general, not where.
_WITH_ITS_COUNTRY = re.compile(
    r"\b(?:across|over|throughout|in|all over)\s+Russia\s+and\s+(?:the\s+)?"
    r"(?:(?:Russian|Russia)[- ]?(?:annexed|occupied|held|controlled)\s+|(?:annexed|occupied)\s+)?$",
    re.IGNORECASE,
)
#: A verb told by hearsay after a name: "is said to have launched".
_HEARSAY_VERB = re.compile(
    r"\s+(?:is|was|are|were)\s+(?:said|reported|believed|thought|alleged|claimed)\s+to\s+"
    r"(?:have\s+)?([a-z]+)",
    re.IGNORECASE,
)


#: Flights told as stopped right after a name: "Vnukovo and Domodedovo briefly suspended
#: all flights", "where flights were restricted".
_FLIGHTS_HALTED_AFTER = re.compile(
    r"[^.;:]{0,60}?\b(?:(?:suspend|halt|restrict|stopp|cancel|delay|limit)\w*\s+"
    r"(?:\w+\s+){0,2}?(?:flights|air\s+traffic|departures|arrivals)|flights\s+"
    r"(?:(?:was|were|had\s+been|have\s+been)\s+)?(?:\w+\s+)?(?:suspended|halted|"
    r"restricted|stopped|cancell?ed|delayed))\b",
    re.IGNORECASE,
)
#: The part of a sentence before a name, back to the last comma or clause mark.
_CLAUSE_BEFORE = re.compile(r"[^,;:.]*$")


@per_text(maxsize=16)
def _airport_measures(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where a sentence tells measures taken at airports ("shut down the Vnukovo airport"):
    scanned once a sentence, not once for each of its places."""
    if "airport" not in sentence.lower():
        return ()
    return tuple(
        m.span()
        for pattern in (CLOSED_AIRPORT, ALERT_MEASURE)
        for m in pattern.finditer(sentence)
        if "airport" in m.group().lower()
    )


def _airport_only_closed(sentence: str, mention: PlaceMention) -> bool:
    """Whether a name is of an airport told only as closed ("briefly shut down the Vnukovo
    airport", "restrictions at Domodedovo and Zhukovsky airports", "Vnukovo briefly
    suspended all flights"): a measure against drones, not where one struck. An airport
    whose own clause tells it attacked before its flights stopped ("drones hit Vnukovo
    airport, which halted flights") is struck."""
    start, end = mention.start, mention.end
    if any(a <= start and end <= b for a, b in _airport_measures(sentence)):
        return True
    halted = _FLIGHTS_HALTED_AFTER.match(sentence, end)
    if halted is None or IMPACT.search(halted.group()):
        return False
    before = ends_before(_CLAUSE_BEFORE, sentence, start)
    return before is None or not (ATTACK.search(before.group()) or IMPACT.search(before.group()))


#: More names after one, in a list: "the Engels and Morozovsk air bases", "the Kursk,
#: Bryansk and Nizhny Novgorod regions".
_NAMES_LISTED = re.compile(r"(?:\s*(?:,|,?\s*and|,?\s*or)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)+")
#: The plural noun of a list of regions. (A list of districts is one of their adjectives,
#: :data:`_DISTRICT_LIST`: "the Ramenskoye and Kolomensky districts" are where drones fell
#: as often as where they struck.)
_PLURAL_AREA = re.compile(r"\s+(?:regions|oblasts|provinces|krais|republics)\b", re.I)


def _names_a_site(sentence: str, end: int) -> bool:
    """Whether a kind of target, a port, a site or the plural of regions follows right
    after ``end``."""
    return (
        _PLURAL_AREA.match(sentence, end) is not None
        or target_after(sentence, end) is not None
        or _PORT_AFTER.match(sentence, end) is not None
        or _SITE_AFTER.match(sentence, end) is not None
    )


def non_location_reason(sentence: str, mention: PlaceMention, *, at_text_start: bool) -> str | None:
    """Why a named place is not where a strike happened, or ``None`` when it may be."""
    place, start, end = mention.place, mention.start, mention.end
    after_words = words_after(sentence, end + (2 if mention.possessive else 0), 2)
    next_word = after_words[0] if after_words else ""
    previous = (words_before(sentence, start, 1) or [""])[0]
    if place.kind == "country":
        return "a country is not a location"
    if normalise(mention.text) == "kremlin" and next_word.lower() in _KREMLIN_ROLES:
        return "actor (the government)"
    if (
        normalise(mention.text if place.kind == "facility" else place.name) in _GOVERNMENT_SEATS
        and not mention.described
        and (
            not ends_before(_PLACE_BEFORE, sentence, start)
            or ends_before(_POLICY_ON, sentence, start) is not None
        )
        and not _PLACE_AFTER.match(sentence, end + (2 if mention.possessive else 0))
    ):
        # "deprive Moscow of revenue", "Moscow continues its strikes", "pressure on the
        # Kremlin": the government.
        return "actor (the government)"
    if place.feature == "sea":
        return "an open sea is not a location"
    if _airport_only_closed(sentence, mention):
        return "an airport told as closed"
    # (A stored page's stamp may come first: "date 2024-12-23 Kyiv, Dec 22: ...".)
    if (start == 0 or _PAGE_STAMP_BEFORE.fullmatch(sentence, 0, start)) and (
        (at_text_start and _DATELINE_AFTER.match(sentence, end))
        or _DATED_DATELINE_AFTER.match(sentence, end)
    ):
        return "dateline"
    if place.kind == "region" and ends_before(_WITH_ITS_COUNTRY, sentence, start):
        return "named with its whole country"
    if _OPERATIONAL_OFFICE.match(sentence, end):
        return _OFFICE
    if ends_before(_AGENT_BEFORE, sentence, start):
        # "the attack was confirmed by Moscow", "an operation carried out by Kyiv".
        return "actor (agent)"
    if ends_before(_SPEAKER_BEFORE, sentence, start) and _SPEAKER_AFTER.match(sentence, end):
        return "actor (speaker)"
    if ends_before(DISTANCE_REFERENCE, sentence, start):
        return "distance reference"
    if ends_before(_COMPASS_REFERENCE, sentence, start):
        # Not one of the reference reasons a list shares: "the Ivanovo base, northeast of
        # Moscow, and Dyagilevo base" goes on to another struck site.
        return "compass reference"
    if place.kind == "city" and (
        _CITY_DISTRICT_AFTER.match(sentence, end)
        or (_DISTRICT_WORD.match(sentence, end) and ends_before(_CITY_BEFORE, sentence, start))
    ):
        # "Penza's Zheleznodorozhny district", "the Krasnoarmeysky district of Volgograd": a
        # district of the city, not a town named like it.
        return _CITY_DISTRICT
    if ends_before(LAUNCH_REFERENCE, sentence, start):
        return "launch site"
    if ends_before(_VENUE_BEFORE, sentence, start):
        return "where people met or were"
    if (
        place.kind != "facility"
        and (origin := ends_before(_ORIGIN_BEFORE, sentence, start))
        and not origin["seen"]
    ):
        return "origin"
    if ends_before(ROUTE_REFERENCE, sentence, start) and not (
        # "a drone flying toward the refinery before it caught fire": it got there.
        ends_before(_APPROACH_BEFORE, sentence, start) and IMPACT.search(sentence, end)
    ):
        return "route"
    if mention.possessive:
        owned = _OWNED.match(sentence, end)
        owned_at = owned.end() if owned else end
        # "Crimea's western coast" is a place; "Kyiv's long-range strikes" an actor.
        directions = _DIRECTIONS.match(sentence, owned_at)
        noun_at = directions.end() if directions else owned_at
        noun = sentence[noun_at : noun_at + _LOOKAHEAD].split(" ", 1)[0]
        owned_noun = noun.strip(",.;").lower()
        if next_word.lower() in OFFICE_NOUNS or next_word.lower() in _OFFICE_WORDS:
            # "Moscow's Ministry of Defence", "the Kremlin's spokesman".
            return _OFFICE
        if (
            (next_word[:1].islower() or next_word[:1].isdigit())
            and next_word.lower() not in GEO_NOUNS
            and owned_noun not in GEO_NOUNS
            and not any(pattern.match(sentence, owned_at) for _, pattern in TARGET_PATTERNS)
            and not _owns_a_part(sentence, owned_at, place)
        ):
            return "actor (possessive)"
    elif not _ATTRIBUTION_AFTER.match(sentence, end) and (
        next_word.lower() in OFFICE_NOUNS
        or (
            # "Kursk regional governor Roman Starovoyt", "the Kharkiv regional administration".
            next_word.lower() in _OFFICE_QUALIFIERS
            and len(after_words) > 1
            and after_words[1].lower() in OFFICE_NOUNS
        )
    ):
        # Not "in the city of Belgorod, governor Gladkov said": there the office says who
        # told of the strike, after a comma.
        return _OFFICE
    elif next_word.lower() == "time" and not ends_before(_ONE_TIME_BEFORE, sentence, start):
        return "time zone"
    if _CAPITALS_PAIRED.match(sentence, end) or ends_before(
        _CAPITALS_PAIRED_BEFORE, sentence, start
    ):
        # "Moscow and Kyiv agreed": the two capitals named together are the two governments.
        return "actor (one of two capitals)"
    elif (verb := _HEARSAY_VERB.match(sentence, end)) and verb.group(1).lower() in ACTOR_VERBS:
        # "the Kremlin is said to have launched", "Moscow is believed to have fired".
        return "actor"
    elif next_word.lower() in ACTOR_VERBS and not (
        # "a refinery in the port of X has caught fire", "the attack on downtown X has killed
        # six": the verb is of the noun the place's phrase hangs on, not the place's own.
        ends_before(_OBJECT_OF_BEFORE, sentence, start)
        and not ends_before(_OFFICIAL_OF_BEFORE, sentence, start)
    ):
        follower = after_words[1].lower() if len(after_words) > 1 else ""
        # What follows the verb: "Moscow was hit".
        passive = next_word.lower() in AUXILIARIES and PASSIVE_STRIKE.match(
            sentence, skip(_PAST_NEXT_WORD, sentence, end)
        )
        come_under = _COME_UNDER.match(sentence, end)
        if not passive and follower not in ("been", "under") and not come_under:
            # "The governor of the X region said": the official speaks, from his seat (not
            # "officials in Moscow said": the government).
            seat = (
                ends_before(_OFFICIAL_OF_BEFORE, sentence, start)
                and place.country in STRIKE_COUNTRIES
                and normalise(place.name) not in _GOVERNMENT_SEATS
            )
            return _OFFICE if seat else "actor"
    # In a title-case headline every word is capitalised: a neighbour's capital is no name's.
    title_case = in_title_case(sentence)
    adjacent_after = not title_case and _ADJACENT_AFTER.match(sentence, end) is not None
    adjacent_before = not title_case and ends_before(_ADJACENT_BEFORE, sentence, start) is not None
    if (
        adjacent_after
        and next_word[:1].isupper()
        and next_word.lower() not in GEO_NOUNS
        and not mention.possessive
        # "the Novoshakhtinsk Oil Refinery": a site named after its town, in title case.
        and target_after(sentence, end) is None
        and _PORT_AFTER.match(sentence, end) is None
    ):
        return _LONGER_NAME
    if (
        adjacent_before
        # A site known in full is no part of a longer name for the owner's or a person's name
        # before it ("the Taneco Nizhnekamsk refinery"); after a company's form in capitals
        # ("JSC", "LLC") the name is the company's.
        and (place.kind != "facility" or previous.isupper())
        and previous[:1].isupper()
        and not _HYPHENED_ADJECTIVE.fullmatch(previous)
        and previous.lower() not in COMMON_WORDS
        and previous.lower() not in _FEATURE_WORDS
        and not ends_before(_POSSESSIVE_BEFORE, sentence, start)
    ):
        return _LONGER_NAME
    if ends_before(_OF_NAME_BEFORE, sentence, start):
        return _LONGER_NAME
    if _REPUBLIC_AFTER.match(sentence, end):
        # The Donetsk "people's republic", in quotes and lower case as some outlets write it,
        # is the occupation's name for a region, as "Donetsk People's Republic" is.
        return _LONGER_NAME
    if (
        next_word.lower() in _WEAPON_NOUNS
        and place.kind == "city"
        and not any(classify_target(word)[1] or ATTACK.fullmatch(word) for word in after_words[1:2])
    ):
        return "names a weapon"
    if _DESCRIBES_NEXT.match(sentence, end):
        return "describes the place named after it"
    closing = _CLOSE_QUOTE_AFTER.match(sentence, end)
    opening = ends_before(_OPEN_QUOTE_BEFORE, sentence, start)
    if (
        opening
        and closing
        and target_after(sentence, closing.end()) is None
        # "the airfields “Engels”": a known site named in quotes after its kind.
        and (place.kind != "facility" or _kind_before_quote(sentence, opening.start()) is None)
    ):
        # A quoted name is a ship's or a unit's, unless a kind of site follows it: "the
        # “Novokuibyshevsk” refinery".
        return "quoted name"
    if SHIP_NOUNS.fullmatch(previous) or ends_before(_NAMED_BEFORE, sentence, start):
        return "ship name"
    if previous.lower() == "the" and _SHIP_AFTER.match(sentence, end):
        # "the Moskva missile cruiser": a ship's name before the noun of its kind.
        return "ship name"
    if (
        previous.lower() == "the"
        and not mention.described
        and place.kind in ("region", "city")
        and next_word.lower() not in GEO_NOUNS
        # "the Michurinsk municipal district": the kind of district before its noun.
        and not (
            next_word.lower() in _DISTRICT_KINDS
            and after_words[1:]
            and after_words[1].lower() in GEO_NOUNS
        )
        and mention.text.split()[-1].lower() not in GEO_NOUNS
        and not _names_a_site(sentence, closing.end() if closing else end)
        # "the Kursk, Bryansk and Oryol regions", "the Engels and Morozovsk air bases", "the
        # Sudzhansky and Korenevsky districts": the first of a list of names stands before
        # the noun the list shares.
        and not _DISTRICT_LIST.match(sentence, start)
        and not (
            (listed := _NAMES_LISTED.match(sentence, end)) and _names_a_site(sentence, listed.end())
        )
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
        start = skip(_SPACES, sentence, position)
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
        if _PLURAL_REGION.match(text, mention.end):
            while chain[0] > 0 and LIST_JOIN.fullmatch(
                text, mentions[chain[0] - 1].end, mentions[chain[0]].start
            ):
                chain.insert(0, chain[0] - 1)
        elif ends_before(_REGIONS_BEFORE, text, mention.start):
            while chain[-1] + 1 < len(mentions) and LIST_JOIN.fullmatch(
                text, mentions[chain[-1]].end, mentions[chain[-1] + 1].start
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
    named_places: frozenset[Place] = frozenset(),
) -> list[PlaceMention]:
    """A name followed by its region ("Belaya in the Irkutsk region") is the place of that
    name in that region; else one in the region of a place the sentence names beside it
    ("Sevastopol, Hvardiiske and Dzhankoi"); else the one whose known site, named after it,
    the article names ("the Primorsk oil terminal": Primorsk of the Leningrad region, not
    Prymorsk of Zaporizhzhia); else one in a region the article names elsewhere; a name
    known only abroad yields to one in Russia or Ukraine."""
    chosen = list(mentions)
    found = [gazetteer.lookup(mention.text) for mention in mentions]
    # The regions of the sentence's towns and sites whose names are known once (a name of
    # several places, the one asked about, is not among them).
    beside = {
        mention.place.admin1
        for mention, candidates in zip(mentions, found, strict=True)
        if mention.place.kind != "region" and len(candidates) == 1
    }
    for index, (mention, candidates) in enumerate(zip(mentions, found, strict=True)):
        if len(candidates) < 2:
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        region = (
            following.place
            if following is not None
            and following.place.kind == "region"
            and _IN_REGION.fullmatch(text, mention.end, following.start)
            else None
        )
        # The regions of the known sites named after it that the article names.
        site_regions = {site.admin1 for site in _named_after(mention.text, named_places)}
        if region is not None:
            fits = [c for c in candidates if c.admin1 == region.admin1]
        elif mention.place.admin1 in beside:
            continue
        elif beside_fits := [
            c for c in candidates if c.admin1 in beside and c.kind == mention.place.kind
        ]:
            fits = beside_fits
        elif site_fits := [
            c for c in candidates if c.kind == mention.place.kind and c.admin1 in site_regions
        ]:
            fits = site_fits
        elif mention.place.admin1 not in article_regions and any(
            c.admin1 in article_regions for c in candidates
        ):
            fits = [c for c in candidates if c.admin1 in article_regions]
            if ends_before(_INSIDE_CITY_BEFORE, text, mention.start):
                # "a building in central Moscow" in an article that names "the Moscow
                # region" is in the city, not the region ("an attack on Moscow" may be
                # either).
                fits = [c for c in fits if c.kind != "region"]
        elif mention.place.country not in STRIKE_COUNTRIES:
            fits = [c for c in candidates if c.country in STRIKE_COUNTRIES]
        else:
            continue
        if fits and fits[0] != mention.place:
            chosen[index] = PlaceMention(
                fits[0], mention.text, mention.start, mention.end, mention.possessive
            )
    return chosen


#: How far from a district's town a place of the district may lie.
_DISTRICT_KM = 60.0


def _in_district(
    text: str,
    mentions: list[PlaceMention],
    districts: list[PlaceMention],
    gazetteer: Gazetteer,
) -> list[PlaceMention]:
    """A town named with its district after it ("Belaya Berezka, Trubchevsky district",
    "Petrovskoye in the Svatovsky district") is its namesake in that district, and the
    district only says where it is; with no namesake near the district's town, the town is
    one the gazetteer lacks and the district is the place."""
    # Not a site named by its town's adjective: "the refinery in Saratov, the Afipsky
    # refinery" names no district of Saratov.
    starts = {d.start for d in districts if target_after(text, d.end) is None}
    # "the village of Rykove, Henichesk district": a district called by its town's name.
    town_named = {
        m.start
        for m in mentions
        if m.place.kind == "city" and _TOWNS_DISTRICT_AFTER.match(text, m.end)
    }
    starts |= town_named
    dropped: set[int] = set()
    chosen = list(mentions)
    for index, (mention, district) in enumerate(pairwise(mentions)):
        if (
            district.start not in starts
            or mention.place.kind != "city"
            or mention.start in starts
            or not _IN_REGION.fullmatch(text, mention.end, district.start)
        ):
            continue
        if (
            district.start in town_named
            and "," in text[mention.end : district.start]
            and not ends_before(_SETTLEMENT_OF, text, mention.start)
        ):
            # Not "Sevastopol, Bakhchysarai district, Feodosia": a list of places.
            continue
        near = sorted(
            (
                place
                for place in {mention.place, *gazetteer.lookup(mention.text)}
                if place.kind == "city" and within_km(place, district.place, _DISTRICT_KM)
            ),
            key=lambda place: geodesic_distance_km(
                place.lat, place.lon, district.place.lat, district.place.lon
            ),
        )
        if near:
            chosen[index] = replace(mention, place=near[0])
            dropped.add(index + 1)
        elif district.start not in town_named:
            # (A town's name may be another town's far away: "Krasnoyarsk" is no district of
            # the Belgorod region.)
            dropped.add(index)
    return [m for index, m in enumerate(chosen) if index not in dropped]


#: What names a settlement right before its name: "the village of", "the settlement of".
_SETTLEMENT_OF = re.compile(
    r"\b(?:village|settlement|town|hamlet|farmstead|city)\s+of\s+$", re.IGNORECASE
)
#: After a town's name, the word that makes it its district's: "Henichesk district",
#: "Klintsy urban district".
_TOWNS_DISTRICT_AFTER = re.compile(
    rf"\s+(?:(?:urban|municipal)\s+)?{_DISTRICT_NOUN}", re.IGNORECASE
)
#: Words that put what follows inside a city: "in central Moscow", "the area of Moscow".
_INSIDE_CITY_BEFORE = re.compile(r"\b(?:in|inside|of)\s+(?:central\s+|downtown\s+)?$", re.I)
_HOLDS_NEXT = re.compile(r"['’]s\s+")
_SHIP_JOIN = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?")
#: A name and a district's own after it: "Rostov's Morozovsk district", "Belgorod's
#: Shebekinsky district".
_DISTRICT_OWNED = re.compile(r"['’]s\s+[A-Z][\w'’-]*\s+(?:district|raion|rayon)\b")
#: A town this far from a city is no district of the city's.
_CITY_KM = 25.0


def _region_owning_district(text: str, mention: PlaceMention, gazetteer: Gazetteer) -> Place | None:
    """The region of a city that gives it its name, where the city's name owns a district:
    "Rostov's Morozovsk district" is a district of the Rostov region, whose capital is
    Rostov-on-Don."""
    if mention.place.kind != "city" or not _DISTRICT_OWNED.match(text, mention.end):
        return None
    region = gazetteer.region(mention.text, mention.place.country)
    return region if region is not None and region.admin1 == mention.place.admin1 else None


def sentence_locations(
    sentence: Sentence,
    gazetteer: Gazetteer,
    article_regions: frozenset[str] = frozenset(),
    descriptions: tuple[tuple[re.Pattern[str], Place], ...] = (),
    named_places: frozenset[Place] = frozenset(),
    *,
    struck: bool = False,
    people: frozenset[str] = frozenset(),
) -> tuple[list[Location], list[str]]:
    """Strike locations of a sentence, most specific kept, and any ship names it gives.

    Names are also looked up as reporters may spell them where the sentence names an attack,
    or where ``struck`` says it tells a strike in other words ("a fire also broke out").

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
    # A name guessed from its spelling lies where the article's places are: in a region it
    # names, else in the region of a town or site it names ("Drone Debris Sparks Fire in
    # Russian Region", of a report on Voronezh, names no Megion).
    guessed_in = article_regions or frozenset(p.admin1 for p in named_places if p.admin1)
    named = find_place_mentions(
        text, gazetteer, spelling=struck or ATTACK.search(text) is not None, regions=guessed_in
    )
    # Sites named in full, in quotes, noun first or by a noun a list shares, before those
    # named by a first word.
    full = sorted(
        [
            *_quoted_sites(text, gazetteer),
            *_noun_first_sites(text, gazetteer),
            *_shared_noun_sites(text, gazetteer),
        ],
        key=lambda m: m.start,
    )
    sites = sorted(
        [*full, *_clear_of(_first_word_sites(text, gazetteer), full)], key=lambda m: m.start
    )
    named = sorted([*_clear_of(named, sites), *sites], key=lambda m: m.start)
    # "the Kamensky district of the Rostov region": the region the sentence names first;
    # "Rostov's Kamensky district": a region named as its capital, owning the district.
    told_regions = frozenset(
        m.place.admin1
        for m in _as_regions(text, named, gazetteer)
        if m.place.kind == "region" and m.place.admin1
    ) | frozenset(
        region.admin1
        for m in named
        if (region := _region_owning_district(text, m, gazetteer)) is not None and region.admin1
    )
    district_regions = told_regions or article_regions
    by_name = _with_districts(
        named,
        districts := district_mentions(
            text, gazetteer, district_regions, told_region=bool(told_regions)
        ),
        _foreign_districts(text, gazetteer, district_regions),
        district_regions,
    )
    described = [*_described(text, descriptions), *_regional_capitals(text, by_name, gazetteer)]
    mentions = _in_district(
        text,
        _in_region(
            text,
            _as_regions(
                text,
                _with_descriptions(by_name, sorted(described, key=lambda m: m.start)),
                gazetteer,
            ),
            gazetteer,
            article_regions,
            named_places,
        ),
        districts,
        gazetteer,
    )
    previous: PlaceMention | None = None
    previous_reason: str | None = None
    officials: list[tuple[PlaceMention, str]] = []
    for mention, following in zip(mentions, [*mentions[1:], None], strict=False):
        reason = non_location_reason(text, mention, at_text_start=sentence.index == 0)
        if reason is None and mention.text in people:
            # "Gusev: detonation has stopped", of a report that names Alexander Gusev.
            reason = "a person the article names"
        if reason == _OFFICE and (
            (official := _OFFICIAL_AFTER.match(text, mention.end))
            or (official := ends_before(_OFFICIAL_OF_BEFORE, text, mention.start))
        ):
            officials.append((mention, official.group(1).lower()))
        if (
            reason is None
            and previous is not None
            and previous_reason in _REFERENCE_REASONS
            and LIST_JOIN.fullmatch(text, previous.end, mention.start)
        ):
            # "through the occupied Zaporizhzhia and Kherson regions": a list shares its role.
            reason = previous_reason
        if (
            reason == _CITY_DISTRICT
            and following is not None
            and following.place.kind in ("region", "country")
            and _DISTRICT_OF.fullmatch(text, mention.end, following.start)
        ):
            # "the Kolomna district of the Moscow region", "the Dzhankoi district of Crimea":
            # the town's district of a region, not a district of a city.
            reason = None
        if (
            reason == _CITY_DISTRICT
            and previous is not None
            and (owner := _region_owning_district(text, previous, gazetteer)) is not None
            and mention.place.admin1 == owner.admin1
            and not within_km(mention.place, previous.place, _CITY_KM)
        ):
            # "Rostov's Morozovsk district": a town far from the city is the region's.
            reason = None
        if (
            reason is None
            and following is not None
            and mention.possessive
            and _HOLDS_NEXT.fullmatch(text, mention.end, following.start)
        ):
            reason = "holds the next place"
        if (
            reason is None
            and previous is not None
            and previous_reason != _UNKNOWN_VILLAGE
            and (
                _NEAR.fullmatch(text, previous.end, mention.start)
                or (
                    previous.place.kind in ("city", "facility")
                    and (its_site := _ITS_SITE.match(text, previous.end, mention.start)) is not None
                    and _ONLY_NEAR.fullmatch(text, its_site.end(), mention.start) is not None
                )
            )
        ):
            # "Novofedorivka, near Saky", "the Ryazan plant near Moscow".
            reason = "reference for the place before it"
        if (
            reason is None
            and previous is not None
            and previous_reason is None
            and mention.place.kind == "region"
            and previous.place.kind != "region"
            and region_holds(mention.place.admin1, previous.place.admin1)
            and _IN_REGION.fullmatch(text, previous.end, mention.start)
        ):
            # "an airbase near Novofedorivka, Crimea": the region says where the town is.
            reason = "region of the place before it"
        joined = previous_ship_end >= 0 and _SHIP_JOIN.fullmatch(
            text, previous_ship_end, mention.start
        )
        if about_vessels and (reason in _SHIP_REASONS or joined):
            ships.append(mention.text)
            previous_ship_end = mention.end
        elif reason is None and _shop_of_a_town_elsewhere(
            text, mention, article_regions, named_places
        ):
            reason = "name of a thing"
        elif reason is None:
            location = locate(text, mention, gazetteer, named_places)
            # Asked of what locate found: a site known at the village ("Savasleyka air
            # base") is still that site.
            if location is not None and _village_elsewhere(
                location.place,
                article_regions,
                told_as_village=ends_before(_TOLD_AS_VILLAGE, text, mention.start) is not None
                or _TOLD_AS_VILLAGE_AFTER.match(text, mention.end) is not None
                or _told_in_another_region(text, mention, following, location.place),
            ):
                site = _site_named_for(text, mention, gazetteer, article_regions)
                if site is not None:
                    # "a port in the village of Volna": the village the gazetteer lacks is
                    # where the "Volna port" it knows stands.
                    site_location = locate(text, replace(mention, place=site), gazetteer)
                    if site_location is not None:
                        kept.append(replace(site_location, start=mention.start))
                else:
                    # "the village of X in the Belgorod region": then the region is the place.
                    reason = _UNKNOWN_VILLAGE
            elif location is not None:
                if (
                    previous is not None
                    and previous_reason == _UNKNOWN_VILLAGE
                    and mention.place.kind == "region"
                    and location.place.kind == "facility"
                    and _IN_REGION.fullmatch(text, previous.end, mention.start)
                ):
                    # "a warehouse in the village of Serhiivka in the Voronezh region": at a
                    # village the gazetteer lacks, not at the region's known site.
                    location = Location(mention.place, location.target_type, location.target)
                kept.append(replace(location, start=mention.start))
        if mention.place.feature != "sea":
            # "the Black Sea port of Novorossiysk": the sea says what port, not where.
            previous, previous_reason = mention, reason
    if not kept and officials and _damage_or_target_struck(text):
        kept = [_official_seat(text, *officials[0], gazetteer, named_places)]
    kept = _capital_standing_for_region(kept, text)
    return _most_specific(_villages_over_districts(kept, districts), text), ships


def _damage_or_target_struck(text: str) -> bool:
    """Whether a sentence tells damage, or an attack on a kind of target ("a drone strike on a
    hotel"), whatever it says of the outcome short of an interception."""
    outcome = outcome_at(text, -1)
    return outcome == "hit" or (
        outcome == "unknown"
        and ATTACK.search(text) is not None
        and classify_target(text)[0] != "unknown"
    )


#: An official named by the place in his charge: "the Voronezh governor", "Novorossiysk's
#: mayor".
_OFFICIAL_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:regional\s+|region(?:al)?\s+)?(governor|mayor)\b", re.IGNORECASE
)


def _official_seat(
    text: str,
    mention: PlaceMention,
    official: str,
    gazetteer: Gazetteer,
    named_places: frozenset[Place] = frozenset(),
) -> Location:
    """Where the damage an official tells of stands, when the sentence names no other
    place: "the Voronezh governor said debris damaged three houses" is of his region, a
    mayor's of his town; "the Volgograd governor said debris set fire to an oil refinery"
    is of the region's one known refinery, as "a refinery in the Volgograd region" is."""
    place = mention.place
    if official == "governor" and place.kind == "city" and place.admin1:
        place = gazetteer.region(place.admin1, place.country) or place
    target_type, target = classify_target(text)
    if place.kind == "region" and target_type in FACILITY_TYPES and target is not None:
        noun = _site_noun(target)
        named = _of_that_kind(_sites_in_region(gazetteer, place, target_type), noun)
        # A region has many stores, and few are known: only the one the article names.
        if noun in _STORAGE:
            named = [f for f in named if f in named_places]
        if noun in _SITE_NAME_WORDS and len(named) == 1:
            return Location(named[0], target_type, target, start=mention.start, within=place)
    return Location(place, target_type, target, start=mention.start)


def _a_plant(target_type: TargetType, target: str | None) -> bool:
    """Whether a target is a plant read as of civil industry for want of a product told."""
    return (
        target_type == "commercial"
        and target is not None
        and target.split()[-1].lower() in ("plant", "factory", "works")
    )


def _sites_in_region(gazetteer: Gazetteer, region: Place, target_type: str) -> list[Place]:
    """The known sites of a kind of target in a region."""
    return [
        f
        for f in gazetteer.facilities
        if region_holds(region.admin1, f.admin1) and f.target_type == target_type
    ]


def _villages_over_districts(
    found: list[Location], districts: list[PlaceMention]
) -> list[Location]:
    """Drop a district's town where the sentence names a town in that district: "the
    Grushevskaya settlement of the Aksaysky district" is Grushevskaya, not Aksay."""
    starts = {d.start for d in districts}
    towns = [w for w in found if w.place.kind == "city" and w.start not in starts]
    return [
        w
        for w in found
        if w.start not in starts
        or not any(within_km(w.place, t.place, SAME_PLACE_KM) for t in towns)
    ]


#: A village this small, outside every region an article names, is more often one the
#: gazetteer lacks in a region it does name ("the village of X in the Belgorod region").
_VILLAGE = 10_000
_UNKNOWN_VILLAGE = "a village of a region the article does not name"
#: A town this large named with another region after it is a distance's reference point.
_REGIONAL_CITY = 250_000


#: Words that tell a name is a village's: then no town of any size is what it names.
_TOLD_AS_VILLAGE = re.compile(r"\b(?:village|hamlet)\s+(?:of\s+)?$", re.IGNORECASE)
#: The same told after the name: "X, a village in the Tver region", "X village", and a
#: district called by the name ("Grafovka in the X district"), which is a rural district's,
#: not a city's of that name in another region.
_TOLD_AS_VILLAGE_AFTER = re.compile(
    r",?\s+(?:a\s+(?:small\s+)?(?:village|hamlet|settlement)|village|hamlet|"
    r"district|raion|rayon)\b",
    re.IGNORECASE,
)


def _village_elsewhere(
    place: Place, article_regions: frozenset[str], *, told_as_village: bool = False
) -> bool:
    """Whether a village lies outside every region of an article that names regions; a name
    the text calls a village's counts as one whatever the population of its namesake."""
    return (
        place.kind == "city"
        and (place.population < _VILLAGE or told_as_village)
        and bool(article_regions)
        and not any(region_holds(region, place.admin1) for region in article_regions)
    )


def _told_in_another_region(
    text: str, mention: PlaceMention, following: PlaceMention | None, place: Place
) -> bool:
    """Whether a town is told with its region after it ("the town of Oktiabrsky in the Tver
    region") and the namesake found lies in none of it: a place the gazetteer lacks, not a
    town of that name far away. Not a city the size of a region's capital, which a report
    names to say how far ("south of Moscow, in the Voronezh region")."""
    return (
        following is not None
        and following.place.kind == "region"
        and place.population < _REGIONAL_CITY
        and _IN_REGION.fullmatch(text, mention.end, following.start) is not None
        and not region_holds(following.place.admin1, place.admin1)
    )


def _shop_of_a_town_elsewhere(
    text: str,
    mention: PlaceMention,
    article_regions: frozenset[str],
    named_places: frozenset[Place],
) -> bool:
    """Whether a town's name, right before a shop, market, hotel or other business ("the
    Sokol market", "the Maisky market"), is the business's own name: a business is named in
    the town it stands in, and this town lies outside every region the article names or
    places anything else in."""
    place = mention.place
    if (
        place.kind != "city"
        or mention.possessive
        or (words_before(text, mention.start, 1) or [""])[0].lower() != "the"
        or target_after(text, mention.end) != "commercial"
    ):
        return False
    regions = article_regions | {p.admin1 for p in named_places if p != place and p.admin1}
    return bool(regions) and not any(region_holds(region, place.admin1) for region in regions)


#: A kind of site told right before the place it stands in: "a port in the village of".
_SITE_BEFORE_PLACE = re.compile(
    r"\b(?P<noun>port|depot|terminal|airfield|airbase|base|refinery|plant|station|substation|"
    r"arsenal)s?\s+(?:in|at|near|outside)\s+(?:the\s+)?(?:(?:village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)


def _site_of_a_namesake(
    text: str, mention: PlaceMention, gazetteer: Gazetteer, target_type: TargetType
) -> Place | None:
    """The one known site of a kind named after a town ("Oktyabrsky arsenal") in a region the
    sentence names, where the town of that name the gazetteer knows lies elsewhere: "an
    arsenal in Oktyabrsky in the Tver region" is not in Bashkortostan's Oktyabrsky."""
    sites = [
        site
        for site in _named_after(mention.text, gazetteer.facilities, (target_type,))
        if site.admin1 is not None
        and site.admin1 != mention.place.admin1
        and re.search(rf"\b{re.escape(site.admin1.split()[0])}\b", text)
    ]
    return sites[0] if len(sites) == 1 else None


def _site_named_for(
    text: str, mention: PlaceMention, gazetteer: Gazetteer, article_regions: frozenset[str]
) -> Place | None:
    """The one known site of an article's regions called by a place's name and the kind of
    site told right before it ("Volna port" of "a port in the village of Volna"), if any."""
    told = ends_before(_SITE_BEFORE_PLACE, text, mention.start)
    if told is None:
        return None
    sites = [
        p
        for p in gazetteer.lookup(f"{mention.text} {told.group('noun')}")
        if p.kind == "facility" and any(region_holds(r, p.admin1) for r in article_regions)
    ]
    return sites[0] if len(sites) == 1 else None


def locate(
    text: str,
    mention: PlaceMention,
    gazetteer: Gazetteer,
    named_places: frozenset[Place] = frozenset(),
) -> Location | None:
    """The place with the target the words nearest to it name, upgraded to a facility; or
    ``None`` when the name turns out to be a site's own name, not where it stands."""
    place = mention.place
    target_type, target = classify_target_near(text, mention.start, mention.end)
    if place.kind == "facility" and place.target_type in TARGET_TYPES:
        if target_type == "oil" and (_of_that_kind([place], "port") or "bay" in _name_words(place)):
            # "oil storage tanks at the port", "an oil terminal in the port", "the oil depot in
            # Kozacha bay": a port's or a bay's oil terminals are an oil target, though the
            # port as a whole is transport and the bay a naval base.
            return Location(place, "oil", target)
        return Location(place, place.target_type, target or place.name)
    closing = _QUOTE_AFTER.match(text, mention.end)
    kind_after = target_after(text, closing.end() if closing else mention.end)
    # "the power line near X", "the X-Y power line": a network passes by a town, and its
    # substation or plant there is not what was hit.
    network = _site_noun(target) in _NO_SITE
    if kind_after is not None and place.kind in ("city", "region") and not network:
        # "the Marinovka military air base": the known site of that name and kind, wherever
        # the gazetteer's town of that name is.
        named = _named_after(mention.text, gazetteer.facilities, (kind_after,))
        if len(named) == 1:
            return Location(named[0], kind_after, target)
    if place.kind == "city" and place.population < _SMALL_TOWN and not network:
        # A facility named after the town ("Savasleyka" and "Savasleyka air base") is what
        # a strike report naming the town alongside targets of any kind means.
        named = _named_after(
            mention.text,
            _facilities_near(gazetteer, place, None),
            (target_type, classify_target(text)[0]),
        )
        if len(named) == 1 and named[0].target_type in TARGET_TYPES:
            return Location(named[0], named[0].target_type, target)
    if (
        place.kind == "city"
        and target is not None
        and target.split()[-1].lower() in _BARE_WORKS
        and not _told_as_any(text, target, mention.start)
    ):
        # "the Ryazan plant", "a fire near the plant" in Ryazan: of an article that names
        # the town's own site elsewhere ("the Ryazan refinery"), that site.
        sites = [f for f in named_places if f.kind == "facility" and holds(place, f)]
        own = sites[0] if len(sites) == 1 else None
        if own is not None and own.target_type in TARGET_TYPES:
            return Location(own, own.target_type, target)
    if target_type == "unknown":
        return Location(place, *classify_target(scene_of(text, mention.start)))
    if place.kind == "city" and target_type in FACILITY_TYPES:
        nearby = _facilities_near(gazetteer, place, target_type)
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
        noun = _site_noun(target)
        if noun in _STORAGE or noun in ("refinery", "substation") or network:
            # "an oil depot near Kaluga" is no refinery near it, only a store; "a refinery
            # in Saratov" no store across the river; "a substation in Sevastopol" not the
            # city's power plant; "a power line in Oryol" no site at all.
            nearby = tuple(_of_that_kind(list(nearby), noun))
        if (
            target is not None
            and target.lower() in _BARE_WORKS
            and _told_as_any(text, target, mention.start)
        ):
            # "a plant in Cheboksary" names no product: one of the town's many plants, not
            # the one the gazetteer knows.
            nearby = ()
        if noun in _STORAGE | _ARSENAL:
            # A town has stores of its own: "the depot in Ostrogozhsk" is no known arsenal
            # twenty kilometres out.
            nearby = tuple(site for site in nearby if within_km(place, site, _STORE_KM))
        elif noun == "substation":
            # A town's grid has substations all round it: one a town's length beyond is
            # another town's.
            nearby = tuple(site for site in nearby if within_km(place, site, _SUBSTATION_KM))
        if len(nearby) > 1 and target is not None and mention.text in target.split():
            # "the Belgorod electrical substation" of a town with several: the one named
            # after the town.
            nearby = tuple(_begun_alike(normalise(mention.text), list(nearby)))
        if nearby and all(within_km(nearby[0], other, 5.0) for other in nearby[1:]):
            return Location(nearby[0], target_type, target)
        if not nearby and (namesake := _site_of_a_namesake(text, mention, gazetteer, target_type)):
            return Location(namesake, target_type, target)
    link = ends_before(_LINKED_TO, text, mention.start) if place.kind == "region" else None
    if link is not None and not _RUSSIA_END.search(link.group("end")):
        # "bridges connecting Kherson Region to Crimea", "... mainland Ukraine and Crimea":
        # the region a crossing leads to from Ukraine is not where it stands.
        return None
    if (
        place.kind == "region"
        and (target_type in FACILITY_TYPES or _a_plant(target_type, target))
        and not _ANOTHER.search(text[max(0, mention.start - TARGET_WINDOW) : mention.start])
    ):
        # "the oil depot in the Bryansk region" is the one known there, unless the text says
        # it is "a second" or "another" one.
        inside = _sites_in_region(gazetteer, place, target_type)
        # Only a noun of a kind of site names one: not "energy infrastructure" nor "oil". The
        # site standing in the region is the one before it: "an oil refinery in Russia's
        # Rostov region and a fuel depot in ...".
        site = _site_standing_in(text, mention.start)
        noun = _site_noun(site.group(0) if site else target)
        named = _of_that_kind(inside, noun)
        if target_type not in FACILITY_TYPES:
            # A plant read as of civil industry for want of a product is a known plant, of
            # civil or arms industry, only by a proper name begun alike: "the Alexeyev
            # Chemical Plant in the Tula region" is the Aleksin one.
            plants = named + _of_that_kind(
                _sites_in_region(gazetteer, place, "defense_industry"), noun
            )
            name = _proper_name_before(text, site) if site else None
            alike = _begun_alike(name, plants) if name and plants else []
            named = alike if len(alike) == 1 else []
        own_name = _place_name_before(text, site.start(), gazetteer) if site else None
        if own_name is not None:
            # "the Druzhba oil depot in the Bryansk region" is a depot of that name: only a
            # known one called so, not another the region holds.
            named = [f for f in named if normalise(f.name).startswith(own_name)]
        elif site is not None and len(named) > 1:
            named = _begun_alike(_proper_name_before(text, site), named)
        # Of several known there, the one the article names elsewhere is the one it means;
        # a noun that says no kind of site ("a power facility") means only that one, and so
        # does a store told as any of its kind ("an oil depot in the Krasnodar region": a
        # region has many, and few are known).
        in_article = [f for f in named if f in named_places]
        indefinite = (
            site is not None
            and noun in _STORAGE
            and _INDEFINITE_BEFORE.search(text, max(0, site.start() - TARGET_WINDOW), site.start())
        )
        # "In the Kursk region, a fire broke out at a power plant in Korenevo": the site
        # told after the region, in a town of its own, is that town's, not the region's.
        phrase = target if site is None and target else ""
        told_after = (
            text.find(phrase, mention.end, mention.end + 2 * TARGET_WINDOW + len(phrase))
            if phrase
            else -1
        )
        elsewhere = told_after >= 0 and OWN_PLACE_AFTER.match(text, told_after + len(phrase))
        picks = (
            (named, in_article)
            if noun in _SITE_NAME_WORDS and not indefinite and not elsewhere
            else (in_article,)
        )
        # A store the article does not name, in a region whose towns it names, stands at one
        # of them: "a fuel depot in Crimea" of a report on Sevastopol is not Feodosia's.
        towns = [
            t
            for t in named_places
            if noun in _STORAGE and t.kind == "city" and region_holds(place.admin1, t.admin1)
        ]
        for candidates in picks:
            if len(candidates) == 1 and (
                candidates is in_article
                or not towns
                or any(within_km(t, candidates[0], _FACILITY_KM) for t in towns)
            ):
                # The known site's own kind: of the plants above, an arms plant is one.
                site_type = candidates[0].target_type
                kind = site_type if site_type in TARGET_TYPES else target_type
                return Location(candidates[0], kind, target, within=place)
    return Location(place, target_type, target)


#: A region named as the far end of a crossing: "bridges connecting Kherson Region to".
_LINKED_TO = re.compile(
    r"\b(?:connecting|linking|joining)\s+(?P<end>(?:[\w'’-]+\s+){1,4}?)(?:to|with|and)\s+"
    r"(?:the\s+)?(?:(?:annexed|occupied)\s+)?$",
    re.IGNORECASE,
)
#: The near end of the one crossing from Russia: "the bridge linking Russia with Crimea".
_RUSSIA_END = re.compile(r"\bRussia|\bKrasnodar|\bTaman|\bKerch", re.IGNORECASE)


_NAME_WORD = re.compile(r"[a-z]+")
#: Nouns of a whole network, not of one site in it.
_NO_SITE = frozenset({"infrastructure", "grid", "system", "network", "line", "supply"})
_AIRFIELD = frozenset({"airfield", "airbase", "air", "base"})
_STORAGE = frozenset({"depot", "terminal", "storage", "farm"})
_ARSENAL = frozenset({"arsenal", "ammunition", "depot"})
_WORKS = frozenset({"plant", "factory", "works"})
#: The words of a facility's name that a noun of a kind of site stands for: "an airfield in
#: the Ivanovo region" is its "air base", "an oil depot" no refinery. Other nouns ("the
#: facility", "oil") take the one site of the target's kind the region has.
_SITE_NAME_WORDS: dict[str, frozenset[str]] = {
    "airfield": _AIRFIELD,
    "airbase": _AIRFIELD,
    "aerodrome": _AIRFIELD,
    "base": frozenset({"base", "airfield", "airbase"}),
    "airport": frozenset({"airport"}),
    "depot": _STORAGE | {"arsenal"},
    "storage": _STORAGE,
    "terminal": _STORAGE,
    "arsenal": _ARSENAL,
    "ammunition": _ARSENAL,
    "refinery": frozenset({"refinery"}),
    "plant": _WORKS,
    "factory": _WORKS,
    "station": frozenset({"station", "substation"}),
    "substation": frozenset({"substation"}),
    "shipyard": frozenset({"shipyard"}),
    "port": frozenset({"port", "harbour"}),
    "bridge": frozenset({"bridge"}),
}


def _site_noun(phrase: str | None) -> str:
    """The noun of a target's phrase, singular: "depot" of "oil depots"."""
    if not phrase:
        return ""
    noun = phrase.split()[-1].lower()
    # "refineries", "facilities": the noun ends in -y; "gas", "press" are no plurals.
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith(("ss", "gas")) else noun


def _name_words(site: Place) -> set[str]:
    """The words of a site's name, and of its kind's other names: a power plant is as often
    called a power station."""
    words = set(_NAME_WORD.findall(site.name.lower()))
    if site.target_type == "power" and "station" in words:
        words.add("plant")
    return words


def _of_that_kind(sites: list[Place], noun: str) -> list[Place]:
    """The sites a noun can stand for: those whose name says its kind of site (of stores,
    those called by the noun itself when there are any); none for a network; all of them
    for a noun that says no kind ("the facility")."""
    words = _SITE_NAME_WORDS.get(noun)
    if words is not None:
        fitting = [f for f in sites if words & _name_words(f)]
        # "an oil terminal" is a known terminal before it is any depot.
        own = [
            f for f in fitting if noun in _STORAGE and noun in _NAME_WORD.findall(f.name.lower())
        ]
        return own or fitting
    return [] if noun in _NO_SITE else sites


#: From a site's noun to the region it stands in: " in Russia's ", " caught fire in the ".
_SITE_IN_REGION = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:in|at|near)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}",
    re.IGNORECASE,
)


#: A plant told by that word alone, of no product.
_BARE_WORKS = frozenset({"plant", "plants", "factory", "factories", "works"})


def _told_as_any(text: str, phrase: str, before: int) -> bool:
    """Whether a target's phrase, last told before ``before``, follows an indefinite
    article ("a plant"): one of its kind, not a known one."""
    at = text.rfind(phrase, 0, before)
    return at >= 0 and _INDEFINITE_BEFORE.search(text, max(0, at - TARGET_WINDOW), at) is not None


#: A capitalised word right before a site's noun: "the Druzhba oil depot".
_NAME_BEFORE = re.compile(r"(?<=[a-z,] )([A-Z][\w'’-]+)\s+$")


def _place_name_before(text: str, at: int, gazetteer: Gazetteer) -> str | None:
    """The matching key of a town's name told right before a site's noun, not opening the
    sentence, if any: that site's own name."""
    found = _NAME_BEFORE.search(text, max(0, at - 40), at)
    if found is None:
        return None
    key = normalise(found.group(1))
    return key if any(p.kind == "city" for p in gazetteer.lookup(key)) else None


#: A site's proper name in title case: a word, then its kind in capitals ("the Ilya Oil
#: Refinery", "the Alekseyevsky Chemical Plant").
_TITLED_SITE = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
#: The letters a name told otherwise must share with the start of a known site's name.
_ALIKE_LETTERS = 2


def _proper_name_before(text: str, site: re.Match[str]) -> str | None:
    """The matching key of the word that begins a site's proper name told in title case
    ("Ilya" of "the Ilya Oil Refinery"), if the site is told so; ``None`` for "a Russian
    oil refinery"."""
    if _TITLED_SITE.fullmatch(site.group(0)) is None:
        return None
    found = _NAME_BEFORE.search(text, max(0, site.start() - 40), site.start())
    return normalise(found.group(1)) if found else None


def _shared_start(a: str, b: str) -> int:
    """How many letters two keys begin with alike."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _begun_alike(name: str | None, sites: list[Place]) -> list[Place]:
    """Of a region's sites of a kind, the one whose name begins most like a proper name that
    names none of them as the gazetteer spells it ("the Ilya Oil Refinery" of the Krasnodar
    region is its Ilsky refinery, "the Alekseyevsky Chemical Plant" of Tula's the Aleksin
    one); all of them when none, or more than one, begins most alike."""
    if not name:
        return sites
    shared = [_shared_start(name, normalise(f.name)) for f in sites]
    most = max(shared)
    if most < _ALIKE_LETTERS or shared.count(most) > 1:
        return sites
    return [sites[shared.index(most)]]


def _site_standing_in(text: str, region_start: int) -> re.Match[str] | None:
    """The noun of the site the words before a region place in it, if any."""
    window = max(0, region_start - TARGET_WINDOW)
    last = None
    for _, pattern in TARGET_PATTERNS:
        for match in pattern.finditer(text, window, region_start):
            if _SITE_IN_REGION.fullmatch(text, match.end(), region_start) and (
                last is None or match.end() > last.end()
            ):
                last = match
    return last


# A town named again and again in a text asks the same of the gazetteer.
@lru_cache(maxsize=1024)
def _facilities_near(
    gazetteer: Gazetteer, place: Place, target_type: TargetType | None
) -> tuple[Place, ...]:
    """The facilities (of a kind) a town can stand for: within :data:`_FACILITY_KM`."""
    return tuple(gazetteer.facilities_near(place.lat, place.lon, _FACILITY_KM, target_type))


def _named_after(
    name: str, facilities: Iterable[Place], target_types: tuple[str, ...] = TARGET_TYPES
) -> list[Place]:
    """Facilities of these kinds (of any kind, by default) whose name begins with ``name``:
    "Savasleyka air base"."""
    key = normalise(name)
    return [
        f for f in facilities if f.target_type in target_types and normalise(f.name).startswith(key)
    ]


def _most_specific(found: list[Location], text: str) -> list[Location]:
    """Drop a region that holds a town named in the same clause, and a town that holds a
    named facility; of a place named twice, keep the mention whose clause tells it hit."""
    # Where the towns and facilities of each region stand, and the facilities named: each
    # location asks of these, not of every other location.
    inside_by_region: dict[str | None, list[int]] = {}
    for other in found:
        if other.within is None and other.place.kind != "region":
            inside_by_region.setdefault(other.place.admin1, []).append(other.start)
    for starts in inside_by_region.values():
        starts.sort()
    facilities = {f.place for f in found if f.place.kind == "facility"}
    holds_facility: dict[Place, bool] = {}
    chosen: list[Location] = []
    # Where each place chosen stands in ``chosen``.
    chosen_at: dict[Place, int] = {}
    for item in found:
        place = item.place
        if item.within is not None or place.kind == "region":
            left, right = clause_span(text, item.start, item.start + 1)
            starts = inside_by_region.get(place.admin1, [])
            first = bisect_left(starts, left)
            if first < len(starts) and starts[first] < right:
                continue
        if place.kind == "city":
            if place not in holds_facility:
                holds_facility[place] = any(holds(place, other) for other in facilities)
            if holds_facility[place]:
                continue
        if place not in chosen_at:
            chosen_at[place] = len(chosen)
            chosen.append(item)
        elif outcome_at(text, item.start, clause_only=True) == "hit":
            # "shot down drones over Belgorod; buildings damaged in Belgorod": the place is
            # read at the clause that tells it hit, not only at its first name.
            at = chosen_at[place]
            if outcome_at(text, chosen[at].start, clause_only=True) != "hit":
                chosen[at] = item
    return chosen


def _named_for_another(site: Place, town: Place, gazetteer: Gazetteer) -> bool:
    """Whether a site is named after a place other than ``town``: "Moscow refinery" near
    a small town called Druzhba."""
    first = site.name.split()[0]
    return not holds(town, site) and any(
        p.kind != "facility" and p != town for p in gazetteer.lookup(first)
    )


def holds(town: Place, facility: Place) -> bool:
    """Whether a named facility is the town's own: named after it, or in it."""
    return named_for(town, facility, 40.0) or within_km(town, facility, 5.0)


def named_for(town: Place, facility: Place, km: float) -> bool:
    """Whether a facility within ``km`` of a town bears its name ("the Rovenky oil depot")."""
    return normalise(town.name) in normalise(facility.name) and within_km(town, facility, km)


#: Beyond this a place of the capital's region is no part of the capital.
_CAPITAL_KM = 30.0


def _capital_standing_for_region(kept: list[Location], text: str) -> list[Location]:
    """Drop a regional capital named by its region's stem ("another Rostov's oil depot, in
    the Proletarsk district", "the Morozovsky district, also in Rostov") where the sentence
    names another place of that region, away from the city: the name stands for the region
    the other place is in, not for the city."""
    others = [loc for loc in kept if loc.place.kind in ("city", "facility")]
    return [
        loc
        for loc in kept
        if not (
            loc.place.kind == "city"
            and loc.place.admin1 is not None
            and text.startswith(loc.place.admin1.split()[0], loc.start)
            and not text.startswith(loc.place.name, loc.start)
            and any(
                other.place.admin1 == loc.place.admin1
                and not within_km(other.place, loc.place, _CAPITAL_KM)
                for other in others
            )
        )
    ]


def names_its_region(town: Place) -> bool:
    """Whether a town shares its name with its region ("Kursk" of the Kursk region), so that
    the name may stand for either."""
    return town.kind == "city" and town.admin1 is not None and town.admin1.split()[0] == town.name


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
        if w.target_type != "unknown" and ends_before(_LOCATIVE_BEFORE, text, w.start)
    ]


def finer_place(a: Place, b: Place | None) -> bool:
    """Whether ``a`` places a strike more precisely than ``b`` does."""
    rank = {"facility": 0, "city": 1, "feature": 1, "region": 2, "country": 3}
    return b is not None and rank[a.kind] < rank[b.kind]


#: Two towns or sites this close are one place to a strike report.
SAME_PLACE_KM = 25.0


def same_place(a: Place, b: Place) -> bool:
    if a.kind == "region" or b.kind == "region":
        # A region is the same place as anything in it: "Crimea" as a Sevastopol strike.
        return (a.kind == "region" and region_holds(a.admin1, b.admin1)) or (
            b.kind == "region" and region_holds(b.admin1, a.admin1)
        )
    if a.kind == "facility" and b.kind == "facility":
        # Two sites the gazetteer tells apart are two targets, however near: a naval base
        # and the oil terminal of the same port.
        return a == b
    return a == b or within_km(a, b, SAME_PLACE_KM)


def name_regions(doc: Document) -> None:
    """Stage ``places``: the regions the article names anywhere, which settle which of two
    same-named towns a sentence means, the descriptions that stand for a place in it, and the
    sites and towns it names."""
    mentions = find_place_mentions(doc.article.text, doc.gazetteer)
    doc.article_regions = frozenset(
        m.place.admin1 for m in mentions if m.place.kind == "region" and m.place.admin1
    )
    named = {m.place.admin1 for m in mentions if m.place.admin1}
    doc.descriptions = article_descriptions(doc.gazetteer, named)
    doc.named_places = frozenset(m.place for m in mentions if m.place.kind in ("facility", "city"))
    doc.people = frozenset(m["surname"] for m in PERSON_NAMED.finditer(doc.article.text))


def article_descriptions(
    gazetteer: Gazetteer, named: set[str]
) -> tuple[tuple[re.Pattern[str], Place], ...]:
    """The descriptions of ``vocab/descriptions.tsv`` that stand for a place in an article
    whose places lie in the regions ``named``: "the Russian capital" is always Moscow, "the
    capital" only in an article that names Moscow (or Kyiv), "the peninsula" only where
    Crimea is named."""
    found: dict[str, tuple[re.Pattern[str], Place]] = {}
    ambiguous: set[str] = set()
    for phrase, name, when in DESCRIPTIONS:
        place = gazetteer.best(name, country="RU") or gazetteer.best(name)
        if place is None or (when == "named" and place.admin1 not in named):
            continue
        if phrase in found:
            # "the capital" of an article that names Moscow and Kyiv may be either.
            ambiguous.add(phrase)
            continue
        found[phrase] = (re.compile(rf"(?<=\bthe ){re.escape(phrase)}\b", re.I), place)
    return tuple(v for k, v in found.items() if k not in ambiguous)


def _described(
    text: str, descriptions: tuple[tuple[re.Pattern[str], Place], ...]
) -> list[PlaceMention]:
    return [
        PlaceMention(place, match.group(0), match.start(), match.end(), False, described=True)
        for pattern, place in descriptions
        for match in pattern.finditer(text)
    ]
