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
from .scan import per_text

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
# A number is read from its first digit only, and white space before it only after a
# qualifier: else each digit of a long number, and each space of a long run of spaces, would
# begin a reading of the rest of it.
_AMOUNT = (
    r"(?:(?P<qualifier>nearly|almost|about|around|roughly|some|approximately|over|more than|"
    r"at least|less than|under|up to|just under|just over|barely|some|close to|~)\s*)?"
    r"(?<![\d,])(?P<amount>"
    + _NUMBER
    + r"|"
    + "|".join(sorted(_VAGUE, key=len, reverse=True))
    + r")"
    r"(?:\s+of)?\s*"
    r"(?P<unit>miles?|mi|kilomet(?:er|re)s?|km)\b"
)
_REFERENCE = (
    # "930 miles (1,500 km) from": the conversion is skipped (a short one: an unclosed
    # bracket is not read to the end of the text for each distance before it)
    r"(?:\s*\([^)]{0,100}\))?"
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


# The events of one sentence share its quote.
@per_text(maxsize=256)
def _claims_in(quote: str) -> tuple[DistanceClaim, ...]:
    return tuple(find_distance_claims(quote))


def side_claims(text: str) -> tuple[str | None, str | None]:
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


def attach_distance_claims(doc: Document) -> None:
    """Stage ``claims``: each event's distance claims, read from its supporting sentences."""
    doc.events = [
        event.with_changes(
            distance_claims=tuple(
                dict.fromkeys(
                    claim
                    for source in event.sources
                    for quote in source.quotes
                    for claim in _claims_in(quote)
                )
            )
        )
        for event in doc.events
    ]
