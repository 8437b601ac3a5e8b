"""Distance claims in articles ("nearly 930 miles from its borders") and their check.

A claim is a range of kilometres and what it is measured from: the front line, Ukraine's
border, Ukrainian-held territory, or a named place. Vague amounts become ranges
("hundreds of miles" is 200 to 999 miles); qualifiers widen or bound them ("over 1000 km"
is 1,000 km and up to half as much again). A claim is flagged when the measured distance
lies more than :data:`TOLERANCE` outside its range.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import KM_PER_MILE, DistanceClaim, Reference
from .lexicon import ATTACKER_VOICE, CLAIM_VERB, DAMAGE, DEFENCE_CLAIM, DEFENDER_VOICE

if TYPE_CHECKING:
    from .document import Document

_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_VAGUE = {
    "dozens": (24.0, 99.0),
    "tens": (20.0, 99.0),
    "hundreds": (200.0, 999.0),
    "several hundred": (300.0, 900.0),
    "a few hundred": (200.0, 500.0),
    "thousands": (2000.0, 9999.0),
    "more than a thousand": (1000.0, 1500.0),
}
_AMOUNT = (
    r"(?P<qualifier>nearly|almost|about|around|roughly|some|approximately|over|more than|"
    r"at least|less than|under|up to|just under|just over|barely|some|close to|~)?\s*"
    r"(?P<amount>" + _NUMBER + r"|" + "|".join(sorted(_VAGUE, key=len, reverse=True)) + r")"
    r"(?:\s+of)?\s*"
    r"(?P<unit>miles?|mi|kilomet(?:er|re)s?|km)\b"
)
_REFERENCE = (
    r"(?:\s*\([^)]*\))?"  # "930 miles (1,500 km) from": the conversion is skipped
    r"\s+(?:\w+\s+){0,2}?"
    r"(?P<relation>from|behind|beyond|away from|inside|into|of|past)\s+"
    r"(?P<reference>(?:the\s+)?(?:nearest\s+)?(?:[\w'’\-]+\s+){0,2}?"
    r"(?:front[- ]?lines?|frontline|front|battlefield|line of contact|borders?|frontier|"
    r"ukrainian[- ](?:held|controlled)\s+(?:territory|land|areas?)|ukraine|"
    r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?))"
)
_CLAIM = re.compile(_AMOUNT + _REFERENCE, re.IGNORECASE)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _range(qualifier: str, amount: str) -> tuple[float, float]:
    vague = _VAGUE.get(amount.lower())
    if vague is not None:
        return vague
    value = _number(amount)
    bounds = {
        "nearly": (0.9, 1.0),
        "almost": (0.9, 1.0),
        "just under": (0.9, 1.0),
        "close to": (0.9, 1.05),
        "barely": (0.9, 1.0),
        "over": (1.0, 1.3),
        "more than": (1.0, 1.3),
        "just over": (1.0, 1.1),
        "at least": (1.0, 1.3),
        "less than": (0.7, 1.0),
        "under": (0.7, 1.0),
        "up to": (0.0, 1.0),
    }
    low, high = bounds.get(qualifier.lower(), (0.9, 1.1))
    return value * low, value * high


def _reference(text: str) -> tuple[Reference, str | None]:
    words = text.lower()
    if re.search(r"front|battlefield|line of contact", words):
        return "front", None
    if re.search(r"held|controlled", words):
        return "held", None
    if re.search(r"border|frontier|\bukraine\b", words):
        return "border", None
    name = re.sub(r"^(?:the\s+)?(?:nearest\s+)?", "", text, flags=re.IGNORECASE)
    return "place", name


def find_distance_claims(sentence: str) -> list[DistanceClaim]:
    """Every distance claim in a sentence, in order.

    Examples
    --------
    >>> [(c.low_km, c.reference) for c in find_distance_claims("over 1000 km behind the frontline")]
    [(1000.0, 'front')]
    """
    claims = []
    for match in _CLAIM.finditer(sentence):
        low, high = _range(match.group("qualifier") or "", match.group("amount"))
        if match.group("unit").lower().startswith("mi"):
            low, high = low * KM_PER_MILE, high * KM_PER_MILE
        reference, place = _reference(match.group("reference"))
        claims.append(
            DistanceClaim(
                text=match.group(0).strip(),
                low_km=round(low, 1),
                high_km=round(high, 1),
                reference=reference,
                place=place,
            )
        )
    return claims


#: Where a clause ends: the speaker of "X said" is the words after the last of these.
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:and|but|while|as|after)\b")
#: "according to X", "citing X": the speaker follows.
_SPEAKER_FOLLOWS = re.compile(r"^(?:according to|citing)$", re.IGNORECASE)
#: "were reported", "is claimed": a passive verb names no speaker.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+$", re.IGNORECASE)
#: "... but said": the verb shares the subject of the verb before it.
_SHARED_SUBJECT = re.compile(r"\b(?:and|but)\s*$", re.IGNORECASE)
#: How many clauses back a shared subject is looked for.
_CLAUSES_BACK = 4
#: The words of a speaker looked at, at most.
_SPEAKER_WORDS = 10


def _clause_before(text: str, end: int) -> tuple[str, int, int]:
    """The clause that ends at ``end``, where it starts, and where the break before it
    starts (0 at the start of the text)."""
    start = brk = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, end):
        start, brk = match.end(), match.start()
    return text[start:end], start, brk


def _clauses_back(text: str, end: int) -> list[str]:
    """The clauses before ``end``, nearest first, at most :data:`_CLAUSES_BACK` of them."""
    clauses: list[str] = []
    while end > 0 and len(clauses) < _CLAUSES_BACK:
        clause, start, end = _clause_before(text, end)
        clauses.append(clause)
        if start == 0:
            break
    return clauses


def _clause_after(text: str, start: int) -> str:
    match = _CLAUSE_BREAK.search(text, start)
    stop = re.search(r"[.!?](?:\s|$)", text[start:])
    end = len(text) if match is None else match.start()
    if stop is not None:
        end = min(end, start + stop.start())
    return text[start:end]


def _side(words: str) -> str | None:
    """``attacker`` or ``defender`` for a speaker's words, by the first side they name."""
    words = " ".join(words.split()[-_SPEAKER_WORDS:])
    found = [
        (match.start(), side)
        for side, pattern in (("attacker", ATTACKER_VOICE), ("defender", DEFENDER_VOICE))
        for match in [pattern.search(words)]
        if match is not None
    ]
    return min(found)[1] if found else None


def speakers(text: str) -> list[str]:
    """The sides that speak in a sentence (``attacker``, ``defender``), in order.

    A speaker is who a reporting verb belongs to: the subject of "X said", the words after
    "according to" or "citing", the subject put after its verb (", said the governor"), or
    the apposition before it ("Sergey Melikov, the governor of Dagestan, wrote"). What the
    speaker's words name decides the side: Ukraine's General Staff or military intelligence
    speak for the attacker, a governor, a mayor or Russia's defence ministry for the
    defender, whatever the rest of the sentence says. Satellite images, foreign officials
    and "officials on both sides" speak for neither.

    Examples
    --------
    >>> speakers("A Ukrainian drone hit a depot, the regional governor said.")
    ['defender']
    >>> speakers("Ukraine's General Staff said its drones hit the refinery.")
    ['attacker']
    """
    found: list[str] = []
    for verb in CLAIM_VERB.finditer(text):
        if _SPEAKER_FOLLOWS.match(verb.group(0)):
            candidates = [_clause_after(text, verb.end())]
        elif _PASSIVE.search(text[: verb.start()]):
            continue
        else:
            before, start, brk = _clause_before(text, verb.start())
            if before.strip():
                candidates = [before]
            elif _SHARED_SUBJECT.search(text[:start]):
                # "X, a spokesman, did not say who ... but said": the subject of the
                # first verb, some clauses back.
                candidates = _clauses_back(text, brk)
            else:
                # ", said the governor" or "X, the governor of Y, said": either side.
                previous = _clause_before(text, brk)[0]
                candidates = [previous, _clause_after(text, verb.end())]
        for words in candidates:
            side = _side(words)
            if side is not None:
                found.append(side)
                break
    return list(dict.fromkeys(found))


def side_claims(text: str) -> tuple[str | None, str | None]:
    """(attacker's claim, defender's claim) the sentence makes, as the sentence itself.

    A claim belongs to who speaks (:func:`speakers`), not to the words the sentence
    contains: a Russian governor saying a Ukrainian drone hit a depot is the defender's
    claim. The attacker claims what it hit; the defender anything it says of the attack.
    With no speaker, only an interception ("air defences destroyed one drone" with a
    defender named) is taken as the defender's.
    """
    sides = speakers(text)
    attacker = text if "attacker" in sides and DAMAGE.search(text) else None
    defender = text if "defender" in sides else None
    if not sides and DEFENCE_CLAIM.search(text) and DEFENDER_VOICE.search(text):
        defender = text
    return attacker, defender


def attach_distance_claims(doc: Document) -> None:
    """Stage ``claims``: each event's distance claims, read from its supporting sentences."""
    doc.events = [
        event.with_changes(
            distance_claims=tuple(
                dict.fromkeys(
                    claim
                    for source in event.sources
                    for quote in source.quotes
                    for claim in find_distance_claims(quote)
                )
            )
        )
        for event in doc.events
    ]
