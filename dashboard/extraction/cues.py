"""Stage ``cues``: what a sentence says was hit, with what, and whether it tells an attack."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..model import (
    Outcome,
    TargetType,
    Weapon,
)
from .lexicon import (
    ATTACK,
    ATTACKER_VOICE,
    DEFENDER_AS_TARGET,
    IMPACT,
    INTERCEPTION,
    NEGATION_BEFORE,
    TARGET_PATTERNS,
    WEAPON_AS_TARGET,
    WEAPON_PATTERNS,
)
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

ANAPHORA = re.compile(
    r"^(?:It|This|That)\b"
    r"|\b(?:similar|same|such|another|again|also|further|previously|earlier|before)\b"
    r"|\bthe\s+(?:[\w-]+\s+){0,2}(?:bridge|crossing|refinery|plant|depot|base|air ?base|"
    r"airfield|port|terminal|facility|site|arsenal|complex|station|shipyard|factory)\b",
    re.IGNORECASE,
)

INDEFINITE_PLACE = re.compile(
    r"\b(?:a|an|one|another)\s+(?:\w+\s+){0,3}(?:port|city|town|village|airfield|air base|base|"
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

_BARE_PLANT = frozenset({"plant", "plants", "factory", "factories"})

#: A line of an interception tally: "Volgograd region: 13" or "Kursk region - 4".
TALLY_LINE = re.compile(r"^\W*[A-Z][\w'’ -]*?\s*[:–—-]\s*\d+\W*$")

#: Words this close to a place name say what was hit there.
TARGET_WINDOW = 60
#: What comes between a target and its owner: "headquarters of the Russian Black Sea Fleet".
_OWNER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+\s+")


def _blank_defenders(text: str) -> str:
    """The text with the forces named as actors blanked out, offsets kept; and with the
    owner named after a target blanked too: in "the headquarters of the Black Sea Fleet"
    the headquarters were hit, not the fleet."""
    text = DEFENDER_AS_TARGET.sub(lambda m: " " * len(m.group(0)), text)
    heads = [m for _, pattern in TARGET_PATTERNS for m in pattern.finditer(text)]
    for head in heads:
        owner = _OWNER_AFTER.match(text, head.end())
        if owner is None:
            continue
        # The owner's noun may follow up to four words ("of Russia's Black Sea Fleet").
        starts = [owner.end()]
        while len(starts) < 5 and (word := _WORD.match(text, starts[-1])):
            starts.append(word.end())
        for start in starts:
            found = next(
                (m for _, p in TARGET_PATTERNS if (m := p.match(text, start)) is not None), None
            )
            if found:
                text = text[: found.start()] + " " * len(found.group(0)) + text[found.end() :]
                break
    return text


def classify_target(text: str) -> tuple[TargetType, str | None]:
    text = _blank_defenders(text)
    for target_type, pattern in TARGET_PATTERNS:
        match = pattern.search(text)
        if match:
            return target_type, _target_phrase(text, match)
    return "unknown", None


def classify_target_near(text: str, start: int, end: int) -> tuple[TargetType, str | None]:
    """The target named nearest to a place, within :data:`TARGET_WINDOW` characters;
    among equally near names the more specific class wins."""
    best: tuple[int, int, TargetType, re.Match[str]] | None = None
    text = _blank_defenders(text)
    for rank, (target_type, pattern) in enumerate(TARGET_PATTERNS):
        for match in pattern.finditer(text):
            gap = max(match.start() - end, start - match.end(), 0)
            if gap <= TARGET_WINDOW and (best is None or (gap, rank) < best[:2]):
                best = (gap, rank, target_type, match)
    if best is None:
        return "unknown", None
    if best[3].group(0).lower() in _BARE_PLANT:
        # "the plant" says nothing of what it makes; the sentence's own target noun may.
        sentence_type, _ = classify_target(text)
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


def weapon_named(text: str) -> Weapon:
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


def reports_attack(text: str, russian: re.Match[str] | None) -> bool:
    """Whether a sentence tells of an attack other than Russia's own (its strikes on Ukraine,
    its accidents)."""
    if russian is None:
        return ATTACK.search(text) is not None
    left, right = clause_span(text, russian.start(), russian.end())
    return any(not left <= m.start() < right for m in ATTACK.finditer(text))


def weigh_cues(doc: Document) -> None:
    """Stage ``cues``: the article's usual weapon, and whether it tells a strike at all.

    A blast no sentence ties to a weapon or to Ukraine is an accident or unexplained: not a
    strike.
    """
    strike_sentences = [s for s in doc.sentences if ATTACK.search(s.text)]
    weapons = Counter(w for s in strike_sentences if (w := weapon_named(s.text)) != "unknown")
    if weapons:
        doc.article_weapon = weapons.most_common(1)[0][0]
    elif not any(ATTACKER_VOICE.search(s.text) for s in strike_sentences):
        doc.no_strike = True


def outcome_at(text: str, start: int, *, clause_only: bool = False) -> Outcome:
    """What a strike did at the place named at ``start``: the words of its own clause, else
    (unless ``clause_only``) of the whole sentence, say ``hit`` (damage, fire, debris fell),
    ``intercepted`` (shot down, repelled) or nothing (``unknown``). Negated words ("no
    damage", "prevented damage") say nothing."""
    left, right = (0, len(text)) if start < 0 else clause_span(text, start, start + 1)
    spans = (text[left:right],) if clause_only else (text[left:right], text)
    for span in spans:
        if any(not NEGATION_BEFORE.search(span[: m.start()]) for m in IMPACT.finditer(span)):
            return "hit"
        if INTERCEPTION.search(span):
            return "intercepted"
    return "unknown"
