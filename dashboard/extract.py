"""Strike events from an article's text: where, when, what was hit, with what, who claims what.

The rules are general: they read the language of strike reports (see
:mod:`dashboard.language`) over the gazetteer's names, never the wording of one article.

- A sentence reports a strike when it has a verb or noun of attack.
- A place is a strike location unless the sentence uses it otherwise: as an actor ("Moscow
  said", "Kyiv's forces"), inside a longer name ("Black Sea Fleet"), as a ship's name ("the
  missile ship Dagestan"), as a distance or launch reference ("250 miles west of Moscow"), as
  a dateline, or in Ukrainian-held territory (Russia's strikes on Ukraine are out of scope).
- An event needs a date in its own clause, or must be the article's lead; sentences that
  generalise ("has increasingly used", "a string of strikes") make no event.
- A dated strike sentence that names no place inherits the previous strike's place when it
  points back to it ("similar attacks", "the same"), and otherwise keeps no coordinates.
- Sentences that name an already found strike's place without a date add their quotes and
  claims to it. Undated, unlocated reports of the same day fold into that day's located event.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from .articles import Article
from .claims import find_distance_claims
from .dates import DateMention, find_dates
from .frontline import side_of
from .gazetteer import Gazetteer, Place, default_gazetteer, normalise
from .language import (
    ACTOR_VERBS,
    ATTACK,
    ATTACKER_VOICE,
    AUXILIARIES,
    CLAIM_VERB,
    COMMON_WORDS,
    DAMAGE,
    DEFENCE_CLAIM,
    DEFENDER_VOICE,
    DISTANCE_REFERENCE,
    GENERIC,
    GEO_NOUNS,
    LAUNCH_REFERENCE,
    OCCUPIED_CUE,
    OFFICE_NOUNS,
    PASSIVE_STRIKE,
    ROUTE_REFERENCE,
    RUSSIAN_ACCIDENT,
    RUSSIAN_ATTACKER,
    SHIP_NOUNS,
    TARGET_PATTERNS,
    WEAPON_AS_TARGET,
    WEAPON_PATTERNS,
)
from .merge import merge_events, same_strike
from .model import (
    GEO_FACILITY,
    GEO_NONE,
    GEO_REGION,
    GEO_TOWN,
    TARGET_TYPES,
    DatePrecision,
    Event,
    Source,
    TargetType,
    Weapon,
)

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "no",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "approx",
        "est",
        "inc",
        "corp",
        "co",
    ]
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9А-ЯІЇЄ])")
_TOKEN = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
_CLAUSE_SPLIT = re.compile(
    r"[,;:()]|\s[-–—]{1,2}\s|\b(?:since|after|before|who|which|whereas)\b", re.IGNORECASE
)
_REPORTING_BEFORE_DATE = re.compile(
    r"\b(?:said|says|told|wrote|reported|announced|added|noted|stated|warned|released|"
    r"published|posted|taken|issued|shared|confirmed)\b(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(r"(?:It|This|That)\b")
#: "Until Monday the farthest strikes had been ...": a date that bounds a stretch of time.
_BOUNDARY_BEFORE_DATE = re.compile(r"\b(?:until|till|up to|by)\s+$", re.IGNORECASE)
_ANAPHORA = re.compile(
    r"^(?:It|This|That)\b"
    r"|\b(?:similar|same|such|another|again|also|further|previously|earlier|before)\b"
    r"|\bthe\s+(?:[\w-]+\s+){0,2}(?:bridge|crossing|refinery|plant|depot|base|air ?base|"
    r"airfield|port|terminal|facility|site|arsenal|complex|station|shipyard|factory)\b",
    re.IGNORECASE,
)
_INDEFINITE_PLACE = re.compile(
    r"\b(?:a|an|one|another)\s+(?:\w+\s+){0,3}(?:port|city|town|village|airfield|air base|base|"
    r"refinery|depot|plant|factory|region|facility|site|terminal)\b",
    re.IGNORECASE,
)
#: Words that put an unnamed target in Russia or occupied Ukraine: "a major Russian port",
#: "deep inside Russia", "in occupied Crimea". "Russian missiles" says nothing of where.
_RUSSIA_HINT = re.compile(
    r"\b(?:in|inside|into|across|on|over|within)\s+(?:\w+\s+)?(?:Russia|Crimea)\b"
    r"|\b(?:Russian|Russia's|Russia’s)\s+(?:[\w-]+\s+){0,2}?(?:port|city|cities|town|region|"
    r"territory|soil|air ?bases?|airfields?|refiner(?:y|ies)|depots?|ships?|warships?|vessels?|"
    r"navy|fleet|bases?|plants?|targets?|facilit(?:y|ies)|tankers?|oil|infrastructure|military)\b"
    r"|\b(?:occupied|Russian-(?:held|occupied|controlled))\b",
    re.IGNORECASE,
)
_STRIKE_CONTEXT = re.compile(
    ATTACK.pattern + r"|\b(?:incidents?|attempts?|attempted|episodes?|raids?|waves?)\b", re.I
)
_LEAD_SENTENCES = 4
_DIRECTIONS = re.compile(
    r"^(?:(?:north|south|east|west|central|coastal)(?:ern|-?(?:east|west)(?:ern)?)?\s+)+", re.I
)
_VAGUE_DAYS = frozenset({"overnight", "last night", "tonight", "this morning", "today"})
#: Long-range strikes in scope land in Russia or in occupied Ukraine.
STRIKE_COUNTRIES = frozenset({"RU", "UA"})
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
_WHEN_CLAUSE = re.compile(r"\s*,?\s*when\b", re.I)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:at|in|near|outside|on|of|over|inside)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}(?:town|city|village|port|settlement)\s+of\s+)?$|^\s*$",
    re.I,
)
#: The position of a place the sentence only points back to: every date of it goes there.
_EVERY_CLAUSE = -1
_BARE_PLANT = frozenset({"plant", "plants", "factory", "factories"})
_DISRUPTION = re.compile(
    r"\b(?:restrict(?:ed|ions?)|suspend(?:ed|s)|closed|halted|delayed|cancell?ed|diverted|"
    r"evacuated|cut off)\b",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s+[a-z][\w-]*")
#: A line of an interception tally: "Volgograd region: 13" or "Kursk region - 4".
_TALLY_LINE = re.compile(r"^\W*[A-Z][\w'’ -]*?\s*[:–—-]\s*\d+\W*$")
#: A report comes out at most this many days after the strike it tells of.
_REPORT_LAG_DAYS = 2
_AREA_FEATURES = frozenset({"sea", "gulf", "strait", "peninsula"})
_ANOTHER = re.compile(r"\b(?:another|second|third|other|different)\b", re.I)
_CLAUSE_STOP = re.compile(r"[;:()]|\s[-–—]{1,2}\s")
_IN_REGION = re.compile(r"(?:['’]s)?\s*(?:,|\s+in)\s+(?:the\s+)?|\s+\(", re.I)
_LIST_GAP = re.compile(r"[\w'’\- ]+?\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?")
#: "the Kursk, Bryansk and Oryol regions": the first of a list of regions.
_LISTED_REGION = re.compile(
    r"(?:\s*(?:,|and|or)\s*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)+\s+"
    r"(?:regions|oblasts|provinces|republics)\b"
)
_PLURAL_REGION = re.compile(r"\s+(?:regions|oblasts|provinces|krais|republics)\b", re.I)
_LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and|as well as)\s*(?:the\s+)?", re.I)
_NEAR = re.compile(
    r"\s+(?:near|outside|close to|not far from|just outside|on the outskirts of|on|in|"
    r"on the (?:[\w-]+\s+)?(?:shore|coast|bank|edge)s? of)\s+"
    r"(?:the\s+)?(?:(?:village|town|city|settlement|outskirts) of\s+)?",
    re.I,
)
#: Words this close to a place name say what was hit there.
_TARGET_WINDOW = 60
#: Words before a name that make it a named feature there: "Cape Tarkhankut", "Lake Donuzlav".
_FEATURE_WORDS = frozenset({"cape", "lake", "mount", "bay", "port", "spit"})
#: In a town this small, a facility named after it is what a report of the town means.
_SMALL_TOWN = 100_000
#: A town stands for a facility of the named kind within this distance.
_FACILITY_KM = 30.0
_FACILITY_TYPES: frozenset[str] = frozenset(
    {"airbase", "oil", "naval", "ammunition", "defense_industry", "power", "transport"}
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, with its paragraph and position."""

    text: str
    index: int
    paragraph: int


@dataclass(frozen=True)
class PlaceMention:
    """A gazetteer name found in a sentence, at ``start:end`` of the sentence text."""

    place: Place
    text: str
    start: int
    end: int
    possessive: bool


@dataclass
class _Draft:
    """An event being assembled from an article's sentences."""

    date: date
    precision: DatePrecision
    place: Place | None
    target_type: TargetType
    target: str | None
    weapon: Weapon
    quotes: list[str]
    country_hint: str | None = None
    attacker_claim: str | None = None
    defender_claim: str | None = None
    ship_names: list[str] = field(default_factory=list)
    #: Dated only by the day it was reported ("officials said on Sunday that ...").
    reported: bool = False
    #: Dated by a day counted from another ("two days after"), not named.
    counted: bool = False


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a text, paragraph by paragraph, keeping abbreviations like "Nov. 6" whole."""
    sentences: list[Sentence] = []
    paragraphs = [p.strip(" -•*\t") for p in re.split(r"\n+", text) if p.strip(" -•*\t")]
    for number, paragraph in enumerate(paragraphs):
        pieces: list[str] = []
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            candidate = paragraph[start : match.start()].strip()
            last_word = candidate.rsplit(None, 1)[-1].rstrip(".").lower() if candidate else ""
            if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
                continue
            pieces.append(candidate)
            start = match.end()
        pieces.append(paragraph[start:].strip())
        for piece in pieces:
            if piece:
                sentences.append(Sentence(piece, len(sentences), number))
    return sentences


def find_place_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every gazetteer name in ``text``, longest first, not overlapping."""
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
        if (
            next_word[:1].islower()
            and next_word.lower() not in GEO_NOUNS
            and owned_noun not in GEO_NOUNS
            and not any(pattern.match(owned) for _, pattern in TARGET_PATTERNS)
        ):
            return "actor (possessive)"
    elif next_word.lower() in OFFICE_NOUNS:
        return "names an office, not a target"
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
        and not any(_classify(word)[1] or ATTACK.fullmatch(word) for word in after_words[1:2])
    ):
        return "names a weapon"
    if re.match(
        r"\s+(?:city|town|port|region|village|republic)\s+of\s+[A-Z]", sentence[mention.end :]
    ):
        return "describes the place named after it"
    if re.search(r"[\"“‘']\s*$", before) and re.match(r"\s*[\"”’']", sentence[mention.end :]):
        return "quoted name"
    if SHIP_NOUNS.fullmatch(previous) or re.search(
        r"\b(?:named|called|identified as)\s+(?:the\s+)?$", before, re.IGNORECASE
    ):
        return "ship name"
    if (
        previous.lower() == "the"
        and place.kind in ("region", "city")
        and next_word.lower() not in GEO_NOUNS
        and mention.text.split()[-1].lower() not in GEO_NOUNS
        and not _LISTED_REGION.match(sentence[mention.end :])
        and _target_after(sentence, mention.end) is None
    ):
        return "name of a thing"
    if place.country not in STRIKE_COUNTRIES:
        return "outside Russia and Ukraine"
    return None


def _target_after(sentence: str, end: int) -> TargetType | None:
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


def _classify(text: str) -> tuple[TargetType, str | None]:
    for target_type, pattern in TARGET_PATTERNS:
        match = pattern.search(text)
        if match:
            return target_type, _target_phrase(text, match)
    return "unknown", None


def _classify_near(text: str, start: int, end: int) -> tuple[TargetType, str | None]:
    """The target named nearest to a place, within :data:`_TARGET_WINDOW` characters;
    among equally near names the more specific class wins."""
    best: tuple[int, int, TargetType, re.Match[str]] | None = None
    for rank, (target_type, pattern) in enumerate(TARGET_PATTERNS):
        for match in pattern.finditer(text):
            gap = max(match.start() - end, start - match.end(), 0)
            if gap <= _TARGET_WINDOW and (best is None or (gap, rank) < best[:2]):
                best = (gap, rank, target_type, match)
    if best is None:
        return "unknown", None
    if best[3].group(0).lower() in _BARE_PLANT:
        # "the plant" says nothing of what it makes; the sentence's own target noun may.
        sentence_type, _ = _classify(text)
        if sentence_type != "unknown":
            return sentence_type, _target_phrase(text, best[3])
    return best[2], _target_phrase(text, best[3])


def _target_phrase(text: str, match: re.Match[str]) -> str:
    before = re.findall(r"[\w'’\-]+", text[: match.start()])[-2:]
    skip = {
        "the",
        "a",
        "an",
        "on",
        "at",
        "in",
        "of",
        "hit",
        "struck",
        "and",
        "its",
        "his",
        "their",
        "to",
        "attacked",
        "targeted",
        "damaged",
        "destroyed",
        "by",
        "same",
        "that",
        "this",
        "these",
        "those",
    }
    modifiers: list[str] = []
    for word in reversed(before):
        if word.lower() in skip:
            break
        modifiers.insert(0, word)
    return " ".join([*modifiers, match.group(0)])


def _weapon(text: str) -> Weapon:
    """The weapon a sentence names first; at one place, the longer name wins ("sea drone"
    over "drone")."""
    text = WEAPON_AS_TARGET.sub(" ", text)
    found: list[tuple[int, int, Weapon]] = []
    for weapon, pattern in WEAPON_PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), -len(match.group(0)), weapon))
    if not found:
        return "unknown"
    first = min(found)
    # "sea drones" begins where "drones" is not: a longer name overlapping the first wins.
    overlapping = [f for f in found if f[0] <= first[0] - first[1] and f[0] - f[1] >= first[0]]
    return min(overlapping, key=lambda f: (f[1], f[0]))[2]


def _event_dates(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """Of the dates ``found`` in a sentence, those that date a strike in it, not its
    background.

    A date of reporting ("officials said on Thursday that ...") dates the strike only when the
    sentence has no other: news reports the day's strikes.
    """
    kept: list[DateMention] = []
    reporting: list[DateMention] = []
    for mention in found:
        if _bounds_time(sentence, mention):
            continue
        if _REPORTING_BEFORE_DATE.search(sentence[: mention.start]):
            if mention.precision == "day":
                reporting.append(mention)
            continue
        left, right = _date_span(sentence, mention)
        # "two days after X": X is what the counted day dates, not the clause's own news.
        clause = sentence[mention.end if mention.counted else left : right]
        initial = len(re.findall(r"\w+", sentence[: mention.start])) <= 2
        # "Early Wednesday, Nov. 6, drones hit": a clause that is only a date dates the
        # sentence; "completed in 2018" is background.
        short = len(re.findall(r"\w+", clause)) <= 5 and mention.precision != "year"
        if initial or short or _STRIKE_CONTEXT.search(clause) or _weapon(clause) != "unknown":
            kept.append(mention)
    if reporting and not any(m.precision in ("day", "month") for m in kept):
        kept = reporting[:1]
    else:
        # "Russia said on Monday that drones attacked two bases, and on Tuesday ...": a
        # reporting date still dates the strike its own clause tells of.
        for mention in reporting:
            clause = sentence[slice(*_clause_span(sentence, mention.start, mention.end))]
            left = sentence.find(clause)
            alone = not any(left <= k.start < left + len(clause) for k in kept)
            if alone and _STRIKE_CONTEXT.search(clause[mention.end - left :]):
                kept.append(mention)
        kept.sort(key=lambda m: m.start)
    explicit_days = [m for m in kept if m.explicit and m.precision == "day"]
    if explicit_days:
        kept = explicit_days
    unique: dict[tuple[date, str], DateMention] = {}
    for mention in kept:
        unique.setdefault((mention.value, mention.precision), mention)
    return list(unique.values())


def _bounds_time(sentence: str, mention: DateMention) -> bool:
    """ "until Monday": the date ends a stretch of time, it does not date a strike."""
    return _BOUNDARY_BEFORE_DATE.search(sentence[: mention.start]) is not None


def _clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around ``start:end`` begins and ends."""
    cuts = [0, *(m.start() for m in _CLAUSE_SPLIT.finditer(sentence)), len(sentence)]
    return max(c for c in cuts if c <= start), min(c for c in cuts if c >= end)


@dataclass(frozen=True)
class _Located:
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
    """Names listed before a plural region noun are regions: "the Kursk and Oryol regions"."""
    converted = list(mentions)
    for index, mention in enumerate(mentions):
        if not _PLURAL_REGION.match(text[mention.end :]):
            continue
        chain = [index]
        while chain[0] > 0 and _LIST_JOIN.fullmatch(
            text[mentions[chain[0] - 1].end : mentions[chain[0]].start]
        ):
            chain.insert(0, chain[0] - 1)
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


def _locations(
    sentence: Sentence, gazetteer: Gazetteer, article_regions: frozenset[str] = frozenset()
) -> tuple[list[_Located], list[str]]:
    """Strike locations of a sentence, most specific kept, and any ship names it gives.

    In a sentence about vessels, a name used as a ship's ("the Tatarstan") makes the name
    joined to it by "and" a ship's too ("the Tatarstan and Dagestan"). A town named with a
    kind of target ("the airfield near Millerovo") becomes the known facility of that kind
    there, when exactly one is known nearby.
    """
    text = sentence.text
    about_vessels = SHIP_NOUNS.search(text) is not None
    kept: list[_Located] = []
    ships: list[str] = []
    previous_ship_end = -1
    mentions = _in_region(
        text,
        _as_regions(text, find_place_mentions(text, gazetteer), gazetteer),
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
            and _LIST_JOIN.fullmatch(text[previous.end : mention.start])
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
            kept.append(replace(_located(text, mention, gazetteer), start=mention.start))
        previous, previous_reason = mention, reason
    return _most_specific(kept, text), ships


def _located(text: str, mention: PlaceMention, gazetteer: Gazetteer) -> _Located:
    """The place with the target the words nearest to it name, upgraded to a facility."""
    place = mention.place
    target_type, target = _classify_near(text, mention.start, mention.end)
    if place.kind == "facility" and place.target_type in TARGET_TYPES:
        return _Located(place, place.target_type, target or place.name)
    kind_after = _target_after(text, mention.end)
    if kind_after is not None and place.kind in ("city", "region"):
        # "the Marinovka military air base": the known site of that name and kind, wherever
        # the gazetteer's town of that name is.
        named = _named_after(mention.text, gazetteer.facilities, (kind_after,))
        if len(named) == 1:
            return _Located(named[0], kind_after, target)
    if place.kind == "city" and place.population < _SMALL_TOWN:
        # A facility named after the town ("Savasleyka" and "Savasleyka air base") is what
        # a strike report naming the town alongside targets of any kind means.
        named = _named_after(
            mention.text,
            gazetteer.facilities_near(place.lat, place.lon, _FACILITY_KM),
            (target_type, _classify(text)[0]),
        )
        if len(named) == 1 and named[0].target_type in TARGET_TYPES:
            return _Located(named[0], named[0].target_type, target)
    if target_type == "unknown":
        return _Located(place, *_classify(text))
    if place.kind == "city" and target_type in _FACILITY_TYPES:
        nearby = gazetteer.facilities_near(place.lat, place.lon, _FACILITY_KM, target_type)
        if nearby and all(_near(nearby[0], other, 5.0) for other in nearby[1:]):
            return _Located(nearby[0], target_type, target)
    if (
        place.kind == "region"
        and target_type in _FACILITY_TYPES
        and not _ANOTHER.search(text[max(0, mention.start - _TARGET_WINDOW) : mention.start])
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
        for candidates in (inside, named):
            if len(candidates) == 1:
                return _Located(candidates[0], target_type, target, within=place)
    return _Located(place, target_type, target)


def _named_after(
    name: str, facilities: Iterable[Place], target_types: tuple[str, ...]
) -> list[Place]:
    """Facilities of these kinds whose name begins with ``name``: "Savasleyka air base"."""
    key = normalise(name)
    return [
        f for f in facilities if f.target_type in target_types and normalise(f.name).startswith(key)
    ]


def _most_specific(found: list[_Located], text: str) -> list[_Located]:
    """Drop a region that holds a town named in the same clause, and a town that holds a
    named facility."""
    places = [f.place for f in found]
    chosen: list[_Located] = []
    for item in found:
        place = item.place
        left, right = _clause_span(text, item.start, item.start + 1)
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


def _holds(town: Place, facility: Place) -> bool:
    """Whether a named facility is the town's own: named after it, or in it."""
    return (
        normalise(town.name) in normalise(facility.name) and _near(town, facility, 40.0)
    ) or _near(town, facility, 5.0)


def _near(a: Place, b: Place, km: float) -> bool:
    from .geometry import geodesic_distance_km

    return geodesic_distance_km(a.lat, a.lon, b.lat, b.lon) <= km


def _claims(text: str) -> tuple[str | None, str | None]:
    """(attacker's claim, defender's claim) the sentence makes, as the sentence itself."""
    defender = text if DEFENCE_CLAIM.search(text) and DEFENDER_VOICE.search(text) else None
    attacker = (
        text
        if ATTACKER_VOICE.search(text)
        and CLAIM_VERB.search(text)
        and DAMAGE.search(text)
        and defender is None
        else None
    )
    return attacker, defender


def _to_event(draft: _Draft, article: Article) -> Event:
    place = draft.place
    source = Source(
        article_id=article.id,
        outlet=article.outlet,
        published=article.published,
        url=article.url,
        title=article.title,
        quotes=tuple(dict.fromkeys(draft.quotes)),
    )
    target = draft.target
    if draft.ship_names:
        target = f"{target or 'ships'} ({', '.join(dict.fromkeys(draft.ship_names))})"
    precision = geo_precision(place) if place else GEO_NONE
    located = place is not None and precision != GEO_NONE
    return Event(
        date=draft.date,
        date_precision=draft.precision,
        place=place.name if place else None,
        admin1=place.admin1 if place else None,
        country=place.country if place else draft.country_hint,
        occupied=place.occupied if place else False,
        lat=place.lat if place and located else None,
        lon=place.lon if place and located else None,
        geo_precision=precision,
        target_type=draft.target_type,
        target=target,
        weapon=draft.weapon,
        attacker_claim=draft.attacker_claim,
        defender_claim=draft.defender_claim,
        sources=(source,),
        distance_claims=tuple(
            dict.fromkeys(claim for quote in source.quotes for claim in find_distance_claims(quote))
        ),
    )


def geo_precision(place: Place) -> int:
    """How closely a place pins a strike: a strait or a gulf only to an area."""
    if place.kind == "feature":
        return GEO_REGION if place.feature in _AREA_FEATURES else GEO_TOWN
    return {"facility": GEO_FACILITY, "city": GEO_TOWN, "region": GEO_REGION}.get(
        place.kind, GEO_NONE
    )


def extract_events(article: Article, gazetteer: Gazetteer | None = None) -> list[Event]:
    """The strike events an article reports, one per strike, with their supporting sentences.

    Parameters
    ----------
    article
        The text and its metadata; relative dates resolve against ``article.published``
        (today when unknown).
    gazetteer
        Names to recognise; the shipped offline gazetteer by default.
    """
    gazetteer = gazetteer or default_gazetteer()
    published = article.published or date.today()
    sentences = split_sentences(article.text)
    # Regions the article names anywhere settle which of two same-named towns it means.
    article_regions = frozenset(
        m.place.admin1
        for m in find_place_mentions(article.text, gazetteer)
        if m.place.kind == "region" and m.place.admin1
    )
    strike_sentences = [s for s in sentences if ATTACK.search(s.text)]
    weapons = Counter(w for s in strike_sentences if (w := _weapon(s.text)) != "unknown")
    article_weapon: Weapon = weapons.most_common(1)[0][0] if weapons else "unknown"
    if not weapons and not any(ATTACKER_VOICE.search(s.text) for s in strike_sentences):
        # A blast no sentence ties to a weapon or to Ukraine is an accident or unexplained:
        # not a strike.
        return []

    drafts: list[_Draft] = []
    lead: _Draft | None = None
    last_place: _Located | None = None
    last_draft: _Draft | None = None
    # The date of the strike the article is telling of now: undated sentences speak of it.
    context: tuple[date, DatePrecision] | None = None
    # A sentence right after a strike that lists places with targets names where it hit.
    last_strike_index = -2
    for sentence in sentences:
        text = sentence.text
        follows_strike = sentence.index == last_strike_index + 1
        russian = RUSSIAN_ATTACKER.search(text)
        # A tally line right after an interception report counts drones over that place.
        attack = (RUSSIAN_ACCIDENT.search(text) is None and _reports_attack(text, russian)) or (
            follows_strike and _TALLY_LINE.match(text) is not None
        )
        # Places matter only where a strike, its aftermath or its ships are told.
        located, ships = (
            _locations(sentence, gazetteer, article_regions)
            if attack or follows_strike or SHIP_NOUNS.search(text)
            else ([], [])
        )
        if ships and last_draft is not None:
            last_draft.ship_names.extend(ships)
        last_strike_index = sentence.index if attack else last_strike_index
        if not attack:
            located = _where_targets_stand(text, located)
            if not (follows_strike and located):
                continue
        # "two days after" counts from the day being told of, else from the article's first.
        day_told = context[0] if context and context[1] == "day" else None
        first_day = next((d.date for d in drafts if d.precision == "day"), None)
        found_dates = find_dates(text, published, day_told or first_day)
        dates = _event_dates(text, found_dates)
        target_type, target = _classify(text)
        if (
            dates
            and not located
            and last_place is not None
            and russian is None
            and _ANAPHORA.search(text)
            and not (_INDEFINITE_PLACE.search(text))
        ):
            # "blasts at the base overnight": the place the article was telling of; "It has
            # been attacked": the place the sentence before was about, if it names one.
            referent = last_place
            same_kind = [
                _Located(d.place, target_type, d.target)
                for d in reversed(drafts)
                if d.place is not None and d.target_type == target_type
            ]
            if target_type != "unknown" and same_kind:
                # "the plant had been targeted": the latest place of that kind of target.
                referent = same_kind[0]
            elif _PRONOUN_START.match(text) and sentence.index > 0:
                previous_sentence = sentences[sentence.index - 1]
                before, _ = _locations(previous_sentence, gazetteer, article_regions)
                if not _reports_attack(previous_sentence.text, None):
                    before = _where_targets_stand(previous_sentence.text, before)
                referent = before[0] if before else referent
            located = [
                _Located(
                    referent.place,
                    target_type if target_type != "unknown" else referent.target_type,
                    target or referent.target,
                    start=_EVERY_CLAUSE,
                )
            ]
        generic = GENERIC.search(text) is not None
        if generic and not (dates and located):
            continue
        weapon = _weapon(text)
        if weapon == "unknown":
            weapon = article_weapon
        attacker_claim, defender_claim = _claims(text)

        def draft_for(
            when: date,
            precision: DatePrecision,
            where: _Located | None,
            text: str = text,
            target_type: TargetType = target_type,
            target: str | None = target,
            weapon: Weapon = weapon,
            attacker_claim: str | None = attacker_claim,
            defender_claim: str | None = defender_claim,
        ) -> _Draft:
            return _Draft(
                date=when,
                precision=precision,
                place=where.place if where else None,
                target_type=where.target_type if where else target_type,
                target=where.target if where else target,
                weapon=weapon,
                quotes=[text],
                country_hint="RU" if where is None and _RUSSIA_HINT.search(text) else None,
                attacker_claim=attacker_claim,
                defender_claim=defender_claim,
            )

        if not dates and any(_bounds_time(text, m) for m in found_dates):
            # What held until a date is background to the strike being told.
            continue
        if context is not None and dates and all(m.text.lower() in _VAGUE_DAYS for m in dates):
            # "overnight" after "early on Saturday" is that same night, not the day of
            # publication.
            dates = [
                DateMention(context[0], context[1], m.start, m.end, m.text, False)
                for m in dates[:1]
            ]
        if not dates:
            fresh: list[_Located] = []
            for where in located:
                # An undated mention of a place speaks of its latest strike in the article.
                here = [
                    d for d in drafts if d.place is not None and _same_place(d.place, where.place)
                ]
                if not here:
                    fresh.append(where)
                    continue
                draft = max(here, key=lambda d: d.date)
                if _finer(where.place, draft.place):
                    # "an air base in Crimea", then "the Saky airfield": the same strike, placed.
                    draft.place = where.place
                    if where.target_type != "unknown":
                        draft.target_type, draft.target = where.target_type, where.target
                draft.quotes.append(text)
                draft.attacker_claim = draft.attacker_claim or attacker_claim
                draft.defender_claim = draft.defender_claim or defender_claim
                if draft.target_type == "unknown":
                    draft.target_type, draft.target = where.target_type, where.target
                last_draft = draft
                last_place = replace(where, place=draft.place or where.place)
            when = context or ((published, "day") if sentence.index < _LEAD_SENTENCES else None)
            if when is not None:
                for where in fresh:
                    drafts.append(draft_for(*when, where))
                    last_place, last_draft = where, drafts[-1]
            if not located and lead is None and sentence.index < _LEAD_SENTENCES and not russian:
                lead = draft_for(published, "day", None)
            elif not located and last_draft is not None and (attacker_claim or defender_claim):
                # "At least two ships were damaged, according to Ukrainian sources": a claim
                # that names no place speaks of the strike just told.
                last_draft.quotes.append(text)
                last_draft.attacker_claim = last_draft.attacker_claim or attacker_claim
                last_draft.defender_claim = last_draft.defender_claim or defender_claim
            continue

        made = [
            replace(
                draft_for(
                    mention.value,
                    mention.precision,
                    spot,
                    weapon=_weapon_of_date(text, mention, dates, weapon),
                ),
                reported=_REPORTING_BEFORE_DATE.search(text[: mention.start]) is not None,
                counted=mention.counted,
            )
            for mention in dates
            for spot in _places_of_date(text, mention, located, dates)
        ]
        drafts.extend(made)
        if located and not any(_on_russias_side(d) for d in made):
            # Russia's strike on a Ukrainian-held city, told in passing, is not the story.
            continue
        last_draft = made[-1] if made else last_draft
        if context is None or dates[0].precision == "day":
            # A strike mentioned in passing ("a drone strike in January") does not become
            # the night the article goes on telling of.
            context = (dates[0].value, dates[0].precision)
        if located:
            # The place named first is the one the sentence is about.
            last_place = located[0]

    _redate_reported(drafts)
    # Russia's strikes on Ukrainian-held land are out of scope; the front line of the
    # strike's own date says which side a Ukrainian place was on.
    drafts = [d for d in drafts if _on_russias_side(d)]
    if lead is not None:
        same_day = [d for d in drafts if (d.date, d.precision) == (lead.date, lead.precision)]
        if not drafts:
            drafts.append(lead)
        elif same_day:
            # The lead's words (its claims too) belong to the strike it announces.
            same_day[0].quotes.append(lead.quotes[0])
    return _consolidate([_to_event(d, article) for d in drafts])


def _date_span(text: str, mention: DateMention) -> tuple[int, int]:
    """Where a date's own clause runs; "in November, when drones hit X" runs on into the
    "when" clause that tells what happened then."""
    left, right = _clause_span(text, mention.start, mention.end)
    when = _WHEN_CLAUSE.match(text, mention.end)
    if when:
        # commas inside a when-clause list what happened ("when drones hit X, Y and Z")
        stop = _CLAUSE_STOP.search(text, when.end())
        right = stop.start() if stop else len(text)
    return left, right


def _where_targets_stand(text: str, located: list[_Located]) -> list[_Located]:
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


def _weapon_of_date(
    text: str, mention: DateMention, dates: list[DateMention], fallback: Weapon
) -> Weapon:
    """With several dates, each date's own stretch of the sentence names its weapon: "hit by
    a truck bomb in October 2022 and by sea drones in July 2023"."""
    if len(dates) < 2:
        return fallback
    left = max((m.end for m in dates if m.end <= mention.start), default=0)
    own = _weapon(text[left : mention.end])
    return own if own != "unknown" else fallback


def _reports_attack(text: str, russian: re.Match[str] | None) -> bool:
    """Whether a sentence tells of an attack other than Russia's own (its strikes on Ukraine,
    its accidents)."""
    if russian is None:
        return ATTACK.search(text) is not None
    left, right = _clause_span(text, russian.start(), russian.end())
    return any(not left <= m.start() < right for m in ATTACK.finditer(text))


def _places_of_date(
    text: str, mention: DateMention, located: list[_Located], dates: list[DateMention]
) -> list[_Located | None]:
    """The places a date goes with: those in its own clause when the sentence has several
    dates or its date sits in a side clause, else every place no other date claims."""
    if not located:
        return [None]
    left, right = _date_span(text, mention)
    own: list[_Located | None] = [
        spot for spot in located if spot.start == _EVERY_CLAUSE or left <= spot.start < right
    ]
    if not own and len(re.findall(r"\w+", text[: mention.start])) <= 2:
        # "On Tuesday, a drone struck X that was hit on Sunday": a date leading the sentence
        # dates its main clause.
        return list(located)
    if not own:
        spans = [_date_span(text, other) for other in dates if other is not mention]
        unclaimed: list[_Located | None] = [
            spot for spot in located if not any(a <= spot.start < b for a, b in spans)
        ]
        return unclaimed or [None]
    # A list of places ("over the Kursk, Bryansk and Oryol regions") runs on past the commas
    # that end the date's clause.
    ordered = sorted(located, key=lambda spot: spot.start)
    for before, after in itertools.pairwise(ordered):
        if (
            before in own
            and after not in own
            and _LIST_GAP.fullmatch(text[before.start : after.start])
        ):
            own.append(after)
    return own


def _redate_reported(drafts: list[_Draft]) -> None:
    """A strike dated only by the day it was reported takes the day the article later gives
    it: "the air force said on Sunday ...", then "the base was hit on Saturday" (or, with no
    place, "a ship had been struck on Saturday")."""
    told = [d for d in drafts if d.precision == "day" and not (d.counted or d.reported)]
    for draft in drafts:
        if not (draft.reported and draft.place is not None and draft.precision == "day"):
            continue
        earlier = [d for d in told if 1 <= (draft.date - d.date).days <= _REPORT_LAG_DAYS]
        here = [d for d in earlier if d.place is not None and _same_place(d.place, draft.place)]
        unplaced = [d for d in earlier if d.place is None]
        for candidates in (here, unplaced):
            if candidates:
                draft.date = max(d.date for d in candidates)
                break


def _on_russias_side(draft: _Draft) -> bool:
    place = draft.place
    if place is None or place.country != "UA" or place.occupied:
        return True
    if any(OCCUPIED_CUE.search(quote) for quote in draft.quotes):
        return True
    return side_of(place.lat, place.lon, draft.date) == "occupied"


def _finer(a: Place, b: Place | None) -> bool:
    """Whether ``a`` places a strike more precisely than ``b`` does."""
    rank = {"facility": 0, "city": 1, "feature": 1, "region": 2, "country": 3}
    return b is not None and rank[a.kind] < rank[b.kind]


def _same_place(a: Place, b: Place) -> bool:
    if a.kind == "region" or b.kind == "region":
        return a.admin1 is not None and a.admin1 == b.admin1
    return a == b or _near(a, b, 25.0)


def _consolidate(events: list[Event]) -> list[Event]:
    """Merge an article's mentions of one strike; fold unlocated same-day mentions in.

    Within one article, dates must be the same to the day (or the same month at month
    precision): an article that says "earlier in July" beside "on Sunday" speaks of two strikes.
    """
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: (not e.located, e.geo_precision)):
        for index, known in enumerate(merged):
            same_date = (known.date, known.date_precision) == (event.date, event.date_precision)
            if (same_date and same_strike(known, event)) or _folds_into(event, known):
                merged[index] = merge_events(known, event)
                break
        else:
            # Unlocated mentions less precise than a day, or with nothing putting them on
            # Russia's side, locate and date nothing.
            if event.located or (event.date_precision == "day" and event.country):
                merged.append(event)
    return sorted(merged, key=lambda e: (e.date, e.place or ""))


def _folds_into(event: Event, known: Event) -> bool:
    """An unlocated mention of the same day and target as a located strike (whatever weapon
    it names: "drones and missiles" are told one at a time); or a region's report
    (interceptions over it) of a day on which a named place in it was hit."""
    if (
        event.geo_precision == GEO_REGION
        and known.geo_precision < GEO_REGION
        and event.admin1 == known.admin1
        and (event.date, event.date_precision) == (known.date, known.date_precision)
    ):
        return True
    return (
        not event.located
        and known.located
        and event.date == known.date
        and event.date_precision == known.date_precision
        and event.target_type in (known.target_type, "unknown")
    )
