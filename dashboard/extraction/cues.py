"""Stage ``cues``: what a sentence says was hit, with what, and whether it tells an attack."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from ..model import (
    Outcome,
    TargetType,
    Weapon,
)
from .lexicon import (
    ACCIDENT_CAUSE,
    AIR_DEFENCE_AT_WORK,
    AIRCRAFT,
    ARMS_MADE,
    ARMS_USED,
    ATTACK,
    ATTACKER_VOICE,
    BARRAGE,
    CAMPAIGN,
    CAUSE_RULED_OUT,
    CAUSE_UNTOLD,
    CIVILIAN_PRODUCT,
    CIVILIAN_TOLL,
    CLOSED_AIRPORT,
    DEFENDER_AS_TARGET,
    DESTINATION_BEFORE,
    EXPLOSION_HEARD,
    FIRE_AND_ITS_CAUSE,
    GUNS,
    HOME_TO,
    IMPACT,
    INDUSTRIAL_SITE,
    INTERCEPTION,
    NEGATED_ATTACK,
    NEGATION_BEFORE,
    NOT_MENTIONED,
    OCCUPIED_CUE,
    PARTIAL_COUNT,
    POWER_CUT,
    RUSSIAN_ATTACKER,
    RUSSIAN_STRIKE,
    SHELLING,
    TARGET_PATTERNS,
    TROOPS_HOUSED,
    UKRAINE_AS_BORDER,
    UKRAINE_BLAMED,
    UKRAINE_CLAIMANT,
    UKRAINIAN_ATTACKER,
    UNIT_AS_ATTACKER,
    WEAPON_AS_TARGET,
    WEAPON_DESTROYED_BEFORE,
    WEAPON_DESTROYED_IN_A_HEADLINE,
    WEAPON_PATTERNS,
)
from .scan import LOOKBACK, ends_before, per_text, search_from, words_before
from .text import clause_span

if TYPE_CHECKING:
    from .document import Document

REPORTING_BEFORE_DATE = re.compile(
    r"\b(?:said|says|told|wrote|reported|announced|added|noted|stated|warned|released|"
    r"published|posted|taken|issued|shared|confirmed)\b(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)

PRONOUN_START = re.compile(r"(?:It|This|That)\b")

#: "Until Monday the farthest strikes had been ...": a date that bounds a stretch of time.
BOUNDARY_BEFORE_DATE = re.compile(r"\b(?:until|till|up to|by)\s+$", re.IGNORECASE)

#: What falls of a downed drone or missile: "debris", "fragments of one of the drones".
REMAINS = re.compile(r"\b(?:debris|fragments?|wreckage)\b", re.IGNORECASE)

#: A site pointed back to by its noun: "the facility", "the same plant".
_SITE_BACK = (
    r"\bthe\s+(?:[\w-]+\s+){0,2}(?:bridge|crossing|refinery|plant|depot|base|air ?base|"
    r"airfield|port|terminal|facility|site|arsenal|complex|station|shipyard|factory)\b"
)
SITE_POINTED_BACK = re.compile(_SITE_BACK, re.IGNORECASE)
ANAPHORA = re.compile(
    r"^(?:It|This|That)\b"
    # "attacked before", not "before any talks": "before" only where nothing follows it.
    r"|\b(?:similar|same|such|another|again|also|further|previously|earlier)\b|\bbefore\b(?!\s+\w)"
    rf"|{_SITE_BACK}|\bthe\s+(?:[\w-]+\s+){{0,2}}(?:city|town)\b",
    re.IGNORECASE,
)

#: "a major Russian port", "another plant": no place told before. ("a fire at the plant"
#: points back to the plant: no "the" or preposition stands between the article and it.)
INDEFINITE_PLACE = re.compile(
    r"\b(?:a|an|one|another)\s+(?:(?!(?:the|at|in|on|of|near)\b)\w+\s+){0,3}"
    r"(?:port|city|town|village|airfield|air base|base|"
    r"refinery|depot|plant|factory|region|facility|site|terminal)\b",
    re.IGNORECASE,
)

#: Words that put an unnamed target in Russia or occupied Ukraine: "a major Russian port",
#: "deep inside Russia", "in occupied Crimea". "Russian missiles" says nothing of where.
RUSSIA_HINT = re.compile(
    r"\b(?:in|inside|into|across|on|over|within)\s+(?:\w+\s+)?(?:Russia|Crimea)\b"
    r"|\b(?:Russian|Russia's|Russia’s)\s+(?:[\w-]+\s+){0,2}?(?:port|city|cities|town|region|"
    r"territory|soil|air ?bases?|airfields?|refiner(?:y|ies)|depots?|ships?|warships?|vessels?|"
    r"navy|fleet|bases?|plants?|targets?|facilit(?:y|ies)|tankers?|oil|infrastructure|military)\b"
    r"|\b(?:occupied|Russian-(?:held|occupied|controlled))\b",
    re.IGNORECASE,
)

STRIKE_CONTEXT = re.compile(
    ATTACK.pattern + r"|\b(?:incidents?|attempts?|attempted|episodes?|raids?|waves?)\b", re.I
)

_BARE_PLANT = frozenset({"plant", "plants", "factory", "factories", "enterprise", "enterprises"})
#: A plant told with no product, or only as chemical: what it makes, another sentence may say.
_VAGUE_PLANT = re.compile(
    r"(?:chemical\s+)?(?:plants?|factor(?:y|ies)|enterprises?|works|combines?)", re.IGNORECASE
)
_BARE_STORE = frozenset({"warehouse", "warehouses"})
#: What a store is told to hold: "warehouses with ammunition", "a warehouse of fuel".
_HOLDING = re.compile(r"\s+(?:with|of|for|holding|storing)\s+(?:[\w-]+\s+){0,2}?", re.IGNORECASE)
#: The kinds of building troops may be quartered in.
_LODGINGS = frozenset({"commercial", "residential"})
_MILITARY_BASE = re.compile(r"military bases?", re.IGNORECASE)

#: A line of an interception tally: "Volgograd region: 13" or "Kursk region - 4". (Spaces
#: are name characters, so only other white space may end the name: one reading of a run
#: of spaces, not one per space.)
TALLY_LINE = re.compile(r"^\W*[A-Z][\w'’ -]*?(?:[^\S ]\s*)?[:–—-]\s*\d+\W*$")

#: Words this close to a place name say what was hit there.
TARGET_WINDOW = 60
#: How far a target noun of the place's own scene may stand from it: wider than
#: :data:`TARGET_WINDOW`, as nouns of other scenes are left out.
_NEAR_WINDOW = 80
#: What comes between a target and its owner: "headquarters of the Russian Black Sea Fleet".
_OWNER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
#: Where a sentence turns to another scene: "..., while in X explosions were heard near".
SCENE_TURN = re.compile(r";|\bwhile\b|\bwhereas\b", re.IGNORECASE)
#: What puts a target beside another as a landmark: "near the airfield".
_LANDMARK_BEFORE = re.compile(
    r"\b(?:near|next to|close to|beside)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE
)
#: Vehicles, struck on their own and no target of any kind, though a business owns them.
_VEHICLE = re.compile(
    r"\b(?:bus|minibus|car|truck|lorry|tractor|vehicle)(?:es|s)?\b", re.IGNORECASE
)
_WORD = re.compile(r"[\w'’-]+\s+")
#: No target pattern repeats without bound, so none matches more characters than it has.
_LONGEST_TARGET = max(len(pattern.pattern) for _, pattern in TARGET_PATTERNS)
#: The runs of non-space the owner and the four words before its noun stand in: "of", "the",
#: four words, and the noun after them.
_OWNER_RUNS = 2
_NOUN_RUNS = 6
_RUNS = {count: re.compile(rf"(?:\s*\S+){{{count}}}\s*") for count in (_OWNER_RUNS, _NOUN_RUNS)}


def _window(chars: list[str], start: int, runs: int, beyond: int) -> str:
    """The text of ``chars`` from ``start``, long enough to hold ``runs`` runs of non-space
    and ``beyond`` characters more (or up to its end): what is read there reads the same
    in it as in the whole text."""
    size = 64
    while True:
        window = "".join(chars[start : start + size])
        if start + size >= len(chars):
            return window
        reach = _RUNS[runs].match(window)
        if reach is not None and reach.end() + beyond < len(window):
            return window
        size *= 2


#: Every target noun of a text by class, in the order of :data:`TARGET_PATTERNS`: their
#: starts, ends and matches, in text order (the matches of one class do not overlap, so
#: their ends are in order too).
_Nouns = tuple[tuple[list[int], list[int], list[re.Match[str]]], ...]


def _nouns(matches: list[re.Match[str]]) -> tuple[list[int], list[int], list[re.Match[str]]]:
    return [m.start() for m in matches], [m.end() for m in matches], matches


@per_text(maxsize=16)
def _target_nouns(text: str) -> _Nouns:
    """Every target noun of a text (:data:`_Nouns`)."""
    return tuple(_nouns(list(pattern.finditer(text))) for _, pattern in TARGET_PATTERNS)


def _nouns_after_blanking(nouns: _Nouns, text: str, spans: list[tuple[int, int]]) -> _Nouns:
    """The target nouns of ``text``: the text ``nouns`` were found in, with ``spans`` (in
    text order, not overlapping) blanked. Only the stretches near the spans are read again."""
    if not spans:
        return nouns
    return tuple(
        _nouns(_rematch(pattern, text, of_class, spans))
        for (_, pattern), of_class in zip(TARGET_PATTERNS, nouns, strict=True)
    )


def _rematch(
    pattern: re.Pattern[str],
    text: str,
    before: tuple[list[int], list[int], list[re.Match[str]]],
    spans: list[tuple[int, int]],
) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, given its matches ``before`` the ``spans`` were blanked
    (their starts, ends and matches).

    A search tries the pattern at one position after another, and after a match goes on at
    its end. A try reads from the character before its position to :data:`_LONGEST_TARGET`
    characters after it: away from the spans, it reads the same in both texts. So the
    matches found before stand as long as the search reaches them by such tries; near a
    span, the text is searched again up to a position the search before tried as well (one
    not inside a match it found), from where both go on alike.
    """
    starts, ends, matches = before
    found: list[re.Match[str]] = []
    pos = index = span = 0
    while True:
        # Both searches try at ``pos`` next, and the next match found before is ``index``.
        while span < len(spans) and spans[span][1] < pos:
            span += 1
        changed_from = spans[span][0] - _LONGEST_TARGET if span < len(spans) else len(text) + 1
        if index < len(matches) and starts[index] < changed_from:
            found.append(matches[index])
            pos = ends[index]
            index += 1
            continue
        if span == len(spans):
            return found
        # The tries before the span failed as they did before.
        pos = max(pos, changed_from)
        resume = _tried_before(starts, ends, max(pos, min(len(text), spans[span][1] + 1)))
        while match := pattern.search(text, pos, resume + _LONGEST_TARGET + 1):
            if match.start() >= resume:
                break
            found.append(match)
            pos = match.end()
            resume = _tried_before(starts, ends, max(pos, resume))
        if resume >= len(text):
            return found
        pos = resume
        index = bisect_left(starts, pos)


def _tried_before(starts: list[int], ends: list[int], at: int) -> int:
    """The first position from ``at`` on that a search which found the matches of these
    ``starts`` and ``ends`` tried: ``at``, unless a match found runs over it."""
    inside = bisect_right(starts, at) - 1
    return ends[inside] if inside >= 0 and ends[inside] > at else at


def _blank(text: str, nouns: _Nouns) -> tuple[str, _Nouns]:
    """The text with the forces named as actors, the arms used, the airports told as closed
    and what a place is told to be home to blanked out, offsets kept; and with the owner
    named after a target blanked too: in "the headquarters of the Black Sea Fleet" the
    headquarters were hit, not the fleet. With the target nouns left in it, given those of
    ``text`` (``nouns``)."""
    defenders: list[tuple[int, int]] = []

    def blank_defender(match: re.Match[str]) -> str:
        defenders.append(match.span())
        return " " * len(match.group(0))

    text = NOT_MENTIONED.sub(blank_defender, DEFENDER_AS_TARGET.sub(blank_defender, text))
    text = HOME_TO.sub(blank_defender, CLOSED_AIRPORT.sub(blank_defender, text))
    text = ARMS_USED.sub(blank_defender, text)
    nouns = _nouns_after_blanking(nouns, text, _merged(defenders))
    # A vehicle's owner was not hit either: "a bus of a farming enterprise".
    heads = [m for _, _, matches in nouns for m in matches] + list(_VEHICLE.finditer(text))
    # Each owner blanked is seen by the heads after it: the text is kept as characters, and
    # each head reads a window of them just long enough, not a copy of the whole text.
    chars = list(text)
    owners: list[tuple[int, int]] = []
    for head in heads:
        at = head.end()
        owner = _OWNER_AFTER.match(_window(chars, at, _OWNER_RUNS, 1))
        if owner is None:
            continue
        window = _window(chars, at, _NOUN_RUNS, _LONGEST_TARGET + 1)
        # The owner's noun may follow up to four words ("of Russia's Black Sea Fleet").
        starts = [owner.end()]
        while len(starts) < 5 and (word := _WORD.match(window, starts[-1])):
            starts.append(word.end())
        for start in starts:
            found = next(
                (m for _, p in TARGET_PATTERNS if (m := p.match(window, start)) is not None),
                None,
            )
            if found:
                chars[at + found.start() : at + found.end()] = " " * len(found.group(0))
                owners.append((at + found.start(), at + found.end()))
                break
    # "a base, which they were restoring near the airfield": the airfield only says where
    # the target named before it, in the same scene, stands.
    ends = sorted(m.end() for m in heads)
    turns, _ = _scene_turns(text)
    for head in heads:
        near = ends_before(_LANDMARK_BEFORE, text, head.start())
        if near is None or (before := bisect_right(ends, near.start())) == 0:
            continue
        if bisect_left(turns, ends[before - 1]) == bisect_left(turns, near.start()):
            chars[head.start() : head.end()] = " " * len(head.group(0))
            owners.append(head.span())
    blanked = "".join(chars)
    return blanked, _nouns_after_blanking(nouns, blanked, _merged(owners))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in text order, those that overlap or touch made one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# Each text is asked of by every place it names.
@per_text(maxsize=64)
def _blanked(text: str) -> tuple[str, _Nouns]:
    """:func:`_blank` of a text."""
    return _blank(text, _target_nouns(text))


@per_text(maxsize=16)
def _blanked_twice(text: str) -> tuple[str, _Nouns]:
    """:func:`_blank` of the text :func:`_blank` gives."""
    return _blank(*_blanked(text))


def _first_target(text: str, nouns: _Nouns) -> tuple[TargetType, str | None]:
    """The first target noun of the most specific class ``text`` names."""
    for (target_type, _), (_, _, matches) in zip(TARGET_PATTERNS, nouns, strict=True):
        if matches:
            return target_type, _target_phrase(text, matches[0])
    return "unknown", None


# Asked again for each place a sentence names: the answer is the sentence's.
@per_text(maxsize=256)
def classify_target(text: str) -> tuple[TargetType, str | None]:
    """The target a text names first, of the most specific class it names (forces named as
    actors and the owners of targets left out); with none, a power cut names the grid, and
    shelling that killed or hurt civilians their homes (a car or bus hit is no home)."""
    found = _first_target(*_blanked(text))
    if found[0] == "unknown" and (cut := POWER_CUT.search(text)) is not None:
        return "power", cut.group(0)
    if (
        found[0] == "unknown"
        and _VEHICLE.search(text) is None
        and BARRAGE.search(text) is not None
        and (toll := CIVILIAN_TOLL.search(text)) is not None
    ):
        return "residential", toll.group(0)
    if found[1] is not None and found[1].split()[-1].lower() in _BARE_PLANT:
        return _plant_kind(text, found[0]), found[1]
    return found


@per_text(maxsize=64)
def _sentence_tells(text: str) -> frozenset[str]:
    """Which facts of the whole sentence a target's kind may turn on: aircraft, troops
    housed, a civil product, arms made. Found once a text, not once for each of its places
    (a sentence of many places was read whole for each)."""
    return frozenset(
        name
        for name, pattern in (
            ("aircraft", AIRCRAFT),
            ("troops", TROOPS_HOUSED),
            ("civil", CIVILIAN_PRODUCT),
            ("arms", ARMS_MADE),
        )
        if pattern.search(text)
    )


def _plant_kind(text: str, kind: TargetType) -> TargetType:
    """A plant read as of civil industry, for want of a product named, is an arms plant
    when the text tells it makes arms ("the plant, one of the largest manufacturers of
    explosives") and names no civil product."""
    told = _sentence_tells(text)
    if kind == "commercial" and "arms" in told and "civil" not in told:
        return "defense_industry"
    return kind


#: The kinds of target an "industrial" site may turn out to be.
INDUSTRIES: frozenset[TargetType] = frozenset(
    {"oil", "power", "defense_industry", "ammunition", "commercial"}
)


def arms_plant_in(text: str, target_type: TargetType, target: str | None) -> bool:
    """Whether a target read as a civil plant for want of a product ("a chemical plant in
    Seltso") is an arms plant by what the whole ``text`` tells: that arms are made there
    ("the enterprise produces explosives", in another sentence or the headline), and no
    civil product ("ammonia and fertilisers") that would make it a plant like any other."""
    return (
        target_type == "commercial"
        and target is not None
        and target.split()[-1].lower() in _BARE_PLANT
        and ARMS_MADE.search(text) is not None
        and CIVILIAN_PRODUCT.search(text) is None
    )


def told_vaguely(target_type: TargetType, target: str | None) -> bool:
    """Whether a strike's target is unknown or only an "industrial" site or a bare "plant",
    which any other kind told of the same strike says more of ("an industrial enterprise in
    Bryansk", then "the Kremniy El plant")."""
    return target_type == "unknown" or (
        target_type == "commercial"
        and target is not None
        and (
            INDUSTRIAL_SITE.search(target) is not None or _VAGUE_PLANT.fullmatch(target) is not None
        )
    )


#: A store told by a bare noun, which says nothing of what it holds: "Russian warehouses",
#: "the defence ministry's warehouse", "a storage facility".
_STORE_TOLD_BARE = re.compile(
    r"(?:[\w'’-]+\s+){0,3}?(?:warehouses?|storage(?:\s+(?:facilit(?:y|ies)|sites?|bases?))?)",
    re.IGNORECASE,
)


def says_what_a_store_held(
    kind: TargetType, bare_kind: TargetType, bare_target: str | None
) -> bool:
    """Whether a target of ``kind`` (arms or fuel) says more of a store told only by its bare
    noun ("warehouses in Toropets", of "a weapons depot in the Tver region")."""
    return (
        kind in ("ammunition", "oil")
        and bare_kind == "commercial"
        and bare_target is not None
        and _STORE_TOLD_BARE.fullmatch(bare_target) is not None
    )


#: What parts the items of a list: "an oil depot in Saratov and a plant in Tver".
_LIST_BREAK = re.compile(r"[,;]|\b(?:and|as well as|while|whereas)\b", re.IGNORECASE)


#: The words that lead to a place: "in", "near the village of".
_PLACE_OF = r"(?:in|at|near)\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?"
#: A place right after a target noun, which the noun belongs to: "a factory in Shakhtarsk",
#: "a railway line in the settlement of Petrovske".
OWN_PLACE_AFTER = re.compile(rf"(?:\s+line)?\s+{_PLACE_OF}[A-Z]")
#: Between a noun and the second place of a list that both share: "in A and in the
#: village of ".
_SHARED_HEAD = re.compile(
    rf"(?:\s+[a-z]+)?\s+{_PLACE_OF}[A-Z][\w'’-]*(?:\s*,\s*|\s+and\s+)(?:{_PLACE_OF})?"
)
#: Between a place and the noun of the next item of its list: ", and a ".
_ITEM_AFTER = re.compile(r"\s*(?:,|,?\s*and)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?")


def classify_target_near(text: str, start: int, end: int) -> tuple[TargetType, str | None]:
    """The target named nearest to a place, within :data:`_NEAR_WINDOW` characters;
    among equally near names the more specific class wins. A target of the place's own
    item of a list ("a power station in Belgorod, an oil depot in Luhansk") wins over one
    of the item after it, however near, and one the next item ties to its own place ("a
    factory in B") is not this place's; the noun at the head of a list of places ("homes in
    A and in B") is each place's; a noun past a turn to another scene ("while", ";") is the
    other scene's."""
    best: tuple[bool, int, int, TargetType, re.Match[str]] | None = None
    blanked, nouns = _blanked(text)
    turns, _ = _scene_turns(text)
    scene = bisect_left(turns, start)
    for rank, (starts, ends, matches) in enumerate(nouns):
        # Only the nouns that end after the window opens and begin before it closes (it
        # opens earlier for the head of a list of places).
        first = bisect_left(ends, start - 2 * _NEAR_WINDOW)
        last = bisect_right(starts, end + _NEAR_WINDOW)
        for match in matches[first:last]:
            gap = max(match.start() - end, start - match.end(), 0)
            if match.end() <= start and _SHARED_HEAD.fullmatch(text, match.end(), start):
                # "homes in A and in the village of B": the homes of both places.
                gap = 0
            if gap > _NEAR_WINDOW:
                continue
            if bisect_left(turns, match.start()) != scene:
                # "shells hit X, while a home was damaged in Y": the home is of the other scene.
                continue
            next_item = match.start() >= end and bool(_LIST_BREAK.search(text, end, match.start()))
            if (
                next_item
                and _ITEM_AFTER.fullmatch(text, end, match.start())
                and OWN_PLACE_AFTER.match(text, match.end())
            ):
                # "a school in A and a factory in B": the factory is B's, not A's.
                continue
            if best is None or (next_item, gap, rank) < best[:3]:
                best = (next_item, gap, rank, TARGET_PATTERNS[rank][0], match)
    if best is None:
        return "unknown", None
    if (
        best[3] == "military"
        and _MILITARY_BASE.fullmatch(best[4].group(0))
        and "aircraft" in _sentence_tells(text)
    ):
        # "aircraft were damaged at two military bases": the bases the aircraft stand at.
        return "airbase", _target_phrase(blanked, best[4])
    if best[3] in _LODGINGS and "troops" in _sentence_tells(text):
        # "a hotel where troops were stationed": the troops were the target.
        return "military", _target_phrase(blanked, best[4])
    if best[4].group(0).lower() in _BARE_STORE and (held := _held(text, nouns, best[4])):
        # "warehouses" say nothing of what they hold; a target named with them may.
        return held, _target_phrase(blanked, best[4])
    if _VAGUE_PLANT.fullmatch(best[4].group(0)):
        if head := _compound_of(text, nouns, best[4].start()):
            # "a thermal power plant": the noun before "plant" says what kind of plant it is.
            return head, _target_phrase(blanked, best[4])
        # "the plant" says nothing of what it makes; the sentence's own target noun may (as
        # the text left once targets' owners are blanked names it).
        sentence_type, _ = _first_target(*_blanked_twice(text))
        if sentence_type == "defense_industry" and "civil" in _sentence_tells(text):
            # "the plant, which makes a fifth of Russia's steel": a plant of civil industry.
            sentence_type = "commercial"
        if sentence_type != "unknown":
            return _plant_kind(text, sentence_type), _target_phrase(blanked, best[4])
    return best[3], _target_phrase(blanked, best[4])


@per_text(maxsize=16)
def _scene_turns(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where a sentence's turns to another scene begin, and where they end: found once a
    sentence, not once for each of its places (kept, so never to be changed: tuples)."""
    turns = [m.span() for m in SCENE_TURN.finditer(text)]
    return tuple(a for a, _ in turns), tuple(b for _, b in turns)


def scene_of(text: str, at: int) -> str:
    """The part of a sentence, between turns to another scene ("while", ";"), that holds
    ``at``: what the rest tells was hit belongs to the places named there."""
    starts, ends = _scene_turns(text)
    before = bisect_right(ends, at)
    after = bisect_left(starts, at)
    return _scene(
        text, ends[before - 1] if before else 0, starts[after] if after < len(starts) else len(text)
    )


@per_text(maxsize=64)
def _scene(text: str, start: int, end: int) -> str:
    """One scene of a sentence, the same string each time it is asked for: what the cues
    find in it is then kept for every place named there."""
    return text[start:end]


def tells_a_fire_of_untold_cause(text: str, at: int, next_text: str = "") -> bool:
    """Whether the scene of a sentence at ``at`` tells a fire whose cause the report says it
    was not given, there or in the sentence after (``next_text``), and no attack or weapon
    ("while another oil depot in the Perm region also burned, though the cause of that fire
    has not been reported"): no strike is told there."""
    scene = scene_of(text, at)
    return (
        CAUSE_UNTOLD.search(scene) is not None
        or (CAUSE_UNTOLD.search(next_text) is not None and not _tells_a_strike(next_text))
    ) and not _tells_a_strike(scene)


def _tells_a_strike(text: str) -> bool:
    return weapon_named(text) != "unknown" or _STRIKE_WORD.search(text) is not None


#: A word that tells a strike, not only what it left (a fire "burned").
_STRIKE_WORD = re.compile(r"\b(?:attack|strike|struck|shell|hit|target)\w*", re.IGNORECASE)


def _compound_of(text: str, nouns: _Nouns, at: int) -> TargetType | None:
    """The kind of the target noun that ends right before ``at`` (a space or a hyphen
    between), if any: the first half of a compound such as "thermal power plant"."""
    if at == 0 or text[at - 1] not in " -":
        return None
    end = at - 1
    for (target_type, _), (_, ends, _) in zip(TARGET_PATTERNS, nouns, strict=True):
        index = bisect_left(ends, end)
        if index < len(ends) and ends[index] == end:
            return target_type
    return None


def _held(text: str, nouns: _Nouns, store: re.Match[str]) -> TargetType | None:
    """The kind of target told as what a store holds: one named as one with it ("oil
    depots and warehouses in Kursk") or as its contents ("warehouses with ammunition")."""
    for (target_type, _), (_, _, matches) in zip(TARGET_PATTERNS, nouns, strict=True):
        for match in matches:
            if match.group(0).lower() in _BARE_STORE:
                continue
            if (
                _TARGETS_JOINED.fullmatch(text, match.end(), store.start())
                or _TARGETS_JOINED.fullmatch(text, store.end(), match.start())
                or _HOLDING.fullmatch(text, store.end(), match.start())
            ):
                return target_type
    return None


#: What joins two targets named as one: "an oil depot and a power substation", "the
#: refinery as well as a nearby substation". (No place between them: each item of "a
#: depot in X and a plant in Y" has its own.)
_TARGETS_JOINED = re.compile(
    r"\s*,?\s*(?:and|as well as)\s+(?:(?:a|an|the)\s+)?(?:(?:nearby|adjacent)\s+)?",
    re.IGNORECASE,
)
#: People, not a place that was struck: "concentrations of troops and fuel depots".
_PEOPLE = re.compile(r"troops|servicem[ae]n|army|regiment|brigade", re.IGNORECASE)


@per_text(maxsize=64)
def joined_targets(text: str) -> tuple[tuple[int, int, TargetType, TargetType, str], ...]:
    """Two targets of two kinds, both places, that a text names as one ("the refinery as
    well as a nearby power substation"): for each pair, where it starts and ends, the kind of
    one, the kind and the phrase of the other (each way round: a place may stand by either
    noun)."""
    blanked, nouns = _blanked(text)
    found = sorted(
        ((m.start(), -m.end(), rank, m) for rank, (_, _, ms) in enumerate(nouns) for m in ms),
        key=lambda item: item[:3],
    )
    heads: list[tuple[TargetType, re.Match[str]]] = []
    for start, _, rank, match in found:
        # Of nouns that overlap ("military airfield", "airfield"), the longest.
        if not heads or start >= heads[-1][1].end():
            heads.append((TARGET_PATTERNS[rank][0], match))
    pairs: list[tuple[int, int, TargetType, TargetType, str]] = []
    for (kind, first), (other, second) in itertools.pairwise(heads):
        if (
            kind != other
            and _TARGETS_JOINED.fullmatch(text, first.end(), second.start())
            and not _PEOPLE.fullmatch(first.group(0))
            and not _PEOPLE.fullmatch(second.group(0))
        ):
            span = first.start(), second.end()
            pairs.append((*span, kind, other, _target_phrase(blanked, second)))
            pairs.append((*span, other, kind, _target_phrase(blanked, first)))
    return tuple(pairs)


def _target_phrase(text: str, match: re.Match[str]) -> str:
    before = words_before(text, match.start(), 2)
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


SEA_DRONE = dict(WEAPON_PATTERNS)["sea_drone"]
_AERIAL_DRONE = dict(WEAPON_PATTERNS)["aerial_drone"]
#: Words beside the aerial-drone vocabulary that make a drone one that flies.
_FLYING = re.compile(r"\b(?:aerial|shaheds?|fpv|one-way)\b", re.IGNORECASE)
_BARE_DRONE = frozenset({"drone", "drones"})


def bare_drones(text: str) -> bool:
    """Whether a sentence's drones are only "drones": nothing says they flew or sailed."""
    words = [m.group(0).lower() for m in _AERIAL_DRONE.finditer(text)]
    return (
        bool(words)
        and all(word in _BARE_DRONE for word in words)
        and not _FLYING.search(text)
        and not SEA_DRONE.search(text)
    )


@per_text(maxsize=256)
def weapon_named(text: str) -> Weapon:
    """The weapon a sentence names first; at one place, the longer name wins ("sea drone"
    over "drone")."""
    found: list[tuple[int, int, Weapon]] = []
    # Guns named first ("artillery and rocket attacks") leave the weapon unknown.
    for weapon, pattern in (*WEAPON_PATTERNS, ("unknown", GUNS)):
        match = pattern.search(_read_for(weapon, text))
        if match:
            found.append((match.start(), -len(match.group(0)), weapon))
    if not found:
        return "unknown"
    first = min(found)
    # "sea drones" begins where "drones" is not: a longer name overlapping the first wins.
    overlapping = [f for f in found if f[0] <= first[0] - first[1] and f[0] - f[1] >= first[0]]
    return min(overlapping, key=lambda f: (f[1], f[0]))[2]


def tells_who_struck(text: str) -> bool:
    """Whether a sentence that names no weapon tells how or by whom its strike was made:
    as shelling or gunfire, or by the unit that struck. Its weapon is none the article names
    elsewhere."""
    text = WEAPON_AS_TARGET.sub(" ", text)
    return bool(SHELLING.search(text) or GUNS.search(text) or UNIT_AS_ATTACKER.search(text))


@per_text(maxsize=64)
def _weapons_blanked(text: str) -> str:
    """The text with its weapon words that name a target or a defence blanked, each by as
    many spaces, so that what is left stands where it stood."""
    return WEAPON_AS_TARGET.sub(lambda match: " " * len(match.group()), text)


def names_weapon(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a weapon that struck: :func:`weapon_named` of it is
    not "unknown". Asked of stretch after stretch of one text, it reads the text once."""
    return any(
        search_from(pattern, _read_for(weapon, text), start, end)
        for weapon, pattern in WEAPON_PATTERNS
    )


def _read_for(weapon: Weapon, text: str) -> str:
    """The text a weapon's pattern is read in: :func:`_weapons_blanked`, but for aircraft,
    which are named only as they strike ("helicopters fired on the depot"), the text itself:
    the blanking of aircraft told as targets would hide them."""
    return text if weapon == "aircraft" else _weapons_blanked(text)


def reports_attack(text: str, russian: re.Match[str] | None) -> bool:
    """Whether a sentence tells of an attack other than Russia's own (its strikes on Ukraine,
    its accidents) or one it denies ("we don't attack Moscow")."""
    denied = [m.span() for m in NEGATED_ATTACK.finditer(text)]
    left, right = clause_span(text, russian.start(), russian.end()) if russian else (0, 0)
    return any(
        not left <= m.start() < right and not any(a <= m.start() < b for a, b in denied)
        for m in ATTACK.finditer(text)
    )


def weigh_cues(doc: Document) -> None:
    """Stage ``cues``: the article's usual weapon, and whether it tells a strike at all.

    A blast no sentence ties to a weapon or to Ukraine is an accident or unexplained: not a
    strike.
    """
    # A cause the report rules out ("ruling out a drone attack") tells no attack and arms
    # nothing: the blast it explains away is not a strike.
    told = [(s, CAUSE_RULED_OUT.sub(" ", s.text)) for s in doc.sentences]
    # "a drone was spotted over the area before the fire" tells a strike and its weapon.
    strike_sentences = [
        (s, text) for s, text in told if ATTACK.search(text) or fire_of_a_weapon(text)
    ]
    armed = [(s, w) for s, text in strike_sentences if (w := weapon_named(text)) != "unknown"]
    # Russia's strikes on Ukraine ("Russian forces launched 400 drones at Ukraine") arm none
    # of the strikes the article tells of.
    weapons = Counter(w for s, w in armed if not _russias_strike(s.text))
    if weapons:
        doc.article_weapon = weapons.most_common(1)[0][0]
    # A campaign told in general ("refineries have been the target of drone attacks in
    # recent months") ties no weapon and no attacker to the blast the report is about; the
    # clause of one strike beside it ("drones hit the refinery, the latest of repeated
    # attacks") still does.
    told_once = [_campaign_blanked(text) for _, text in strike_sentences]
    if any(ACCIDENT_CAUSE.search(s.text) for s in doc.sentences) and not any(
        UKRAINIAN_ATTACKER.search(text) or UKRAINE_CLAIMANT.search(text)
        for text in map(_campaign_blanked, (text for _, text in told))
        if ACCIDENT_CAUSE.search(text) is None
    ):
        # A blast the report puts down to an accident ("a violation of safety
        # requirements") is one unless Ukraine's hand in it is told: a weapon's name alone
        # ("the Main Missile and Artillery Directorate's arsenal") ties it to no attack, nor
        # an attack the accident's own sentence sets aside ("feared to be a Ukrainian drone
        # attack, but officials said it was technological").
        doc.no_strike = True
        return
    if (
        not any(weapon_named(text) != "unknown" for text in told_once)
        and not any(
            # "three provinces bordering Ukraine" says where, not who struck.
            ATTACKER_VOICE.search(UKRAINE_AS_BORDER.sub(" ", text)) or OCCUPIED_CUE.search(text)
            for text in told_once
        )
        # "an ammunition depot was on fire", then "he blamed the Ukrainian side".
        and not any(UKRAINE_BLAMED.search(_campaign_blanked(text)) for _, text in told)
    ):
        doc.no_strike = True


def fire_of_a_weapon(text: str) -> bool:
    """Whether a sentence tells a fire beside the weapon that caused it ("a fire at an oil
    depot after a drone was spotted overhead", "a drone was spotted over the area before
    the fire"): a strike, though no verb of attack tells it."""
    return FIRE_AND_ITS_CAUSE.search(text) is not None and weapon_named(text) != "unknown"


def _campaign_blanked(text: str) -> str:
    """The sentence with each clause that tells a campaign over time blanked."""
    spans = [clause_span(text, m.start(), m.end()) for m in CAMPAIGN.finditer(text)]
    if not spans:
        return text
    parts, kept_from = [], 0
    for left, right in spans:
        if right <= kept_from:
            continue
        left = max(left, kept_from)
        parts += [text[kept_from:left], " " * (right - left)]
        kept_from = right
    return "".join([*parts, text[kept_from:]])


def _russias_strike(text: str) -> bool:
    """Whether a sentence tells Russia's strike, and no Ukrainian one."""
    return bool(
        (RUSSIAN_ATTACKER.search(text) or RUSSIAN_STRIKE.search(text))
        and not UKRAINIAN_ATTACKER.search(text)
    )


#: A clause that is only the rest of a list of names: ", Bryansk and Kursk".
_LIST_ITEMS = re.compile(
    r",\s*(?:and\s+)?(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s*"
)


#: A relative clause of place after a name: ", where".
_WHERE_AFTER = re.compile(r",\s*where\b", re.IGNORECASE)
#: Another name joined on after a place: "Moscow and over Tula".
_NAME_JOINED = re.compile(r"\b(?:and|or)\s+(?:[a-z]+\s+){0,2}[A-Z]")


def outcome_at(text: str, start: int, *, clause_only: bool = False) -> Outcome:
    """What a strike did at the place named at ``start``: the words of its own clause, else
    (unless ``clause_only``) of the whole sentence, say ``hit`` (damage, fire, debris fell),
    ``intercepted`` (shot down, repelled) or nothing (``unknown``). Negated words ("no
    damage", "prevented damage") say nothing. A sentence that tells of the air defence at
    work and of nothing hit tells of an interception: what was heard was the defence."""
    left, right = (0, len(text)) if start < 0 else clause_span(text, start, start + 1)
    if (where := _WHERE_AFTER.match(text, right)) is not None and not _NAME_JOINED.search(
        text, start + 1, right
    ):
        # "shot down over Moscow and over Tula, where one of them crashed into a building":
        # the clause that says where tells what happened at the place named last before it.
        right = clause_span(text, where.end(), where.end() + 1)[1]
    while left > 0 and _LIST_ITEMS.fullmatch(text, left, right):
        # "shot down drones over Belgorod, Bryansk and Kursk; buildings damaged in
        # Belgorod": the names after the first of a list share its clause.
        left = clause_span(text, left - 1, left)[0]
    spans = ((left, right),) if clause_only else ((left, right), (0, len(text)))
    for span in spans:
        outcome = _outcome_within(text, *span)
        if outcome != "unknown":
            return outcome
    if start >= 0 and ends_before(DESTINATION_BEFORE, text, start) and INTERCEPTION.search(text):
        # "intercepted 100 of the drones, including some aimed at Moscow": those drones
        # never got there, whatever share of the salvo the sentence counts.
        return "intercepted"
    return "intercepted" if AIR_DEFENCE_AT_WORK.search(text) else "unknown"


#: The names listed before a place, a region noun after any: "Moscow, Leningrad, " of "targeting
#: Moscow, Leningrad and Tula", "the Kursk region and " of "aimed at the Kursk region and Oryol".
_NAMES_LISTED_BEFORE = re.compile(
    r"(?:(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:\s+(?:region|oblast|province))?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$"
)


#: An attack told by its noun: "a drone attack targeting Moscow" is an attack on Moscow.
_ATTACK_NOUN_BEFORE = re.compile(r"\b(?:attacks?|strikes?|raids?|assaults?)\s+$", re.IGNORECASE)


def named_as_destination(text: str, start: int) -> bool:
    """Whether the place named at ``start``, alone or in a list, is only where drones were
    sent: "launched 25 drones, targeting Moscow, Leningrad, Belgorod", "aimed at the Kursk
    region"; not "an attack targeting Moscow"."""
    listed = _NAMES_LISTED_BEFORE.search(text, max(0, start - LOOKBACK), start)
    sent = ends_before(DESTINATION_BEFORE, text, listed.start() if listed else start)
    return sent is not None and ends_before(_ATTACK_NOUN_BEFORE, text, sent.start()) is None


def _destroyed_in_a_headline(text: str, at: int) -> bool:
    """Whether the "destroyed" at ``at`` is a headline's drones destroyed near a place."""
    return any(m.start(1) == at for m in WEAPON_DESTROYED_IN_A_HEADLINE.finditer(text))


# The places of one clause, and every place of a sentence, ask about the same stretch.
@per_text(maxsize=256)
def _outcome_within(text: str, left: int, right: int) -> Outcome:
    # "three drones were destroyed": the drones, stopped before they reached anything.
    stopped = False
    # "explosions were heard, most likely the air defence firing": no impact.
    # "explosions in Sevastopol, drones reported shot down": the blasts of the downing.
    defence_heard = (
        AIR_DEFENCE_AT_WORK.search(text) is not None or INTERCEPTION.search(text) is not None
    )
    for match in IMPACT.finditer(text, left, right):
        before = max(left, match.start() - LOOKBACK)
        if NEGATION_BEFORE.search(text, before, match.start()):
            continue
        if defence_heard and EXPLOSION_HEARD.fullmatch(match.group()):
            continue
        if match.group().lower().startswith("destroy") and (
            WEAPON_DESTROYED_BEFORE.search(text, before, match.start())
            or _destroyed_in_a_headline(text, match.start())
        ):
            stopped = True
            continue
        return "hit"
    if (stopped or INTERCEPTION.search(text, left, right)) and not PARTIAL_COUNT.search(
        text, left, right
    ):
        # "four of them were shot down": the others were not.
        return "intercepted"
    return "unknown"
