"""Stage ``candidates``: strike candidates, each a place, a date and a target tied to a
strike cue, collected sentence by sentence.

- A sentence reports a strike when it has a verb or noun of attack.
- A candidate needs a date in its own clause, or must be the article's lead; sentences that
  generalise ("has increasingly used", "a string of strikes") make none.
- A dated strike sentence that names no place points back to the previous strike's place
  when it says so ("similar attacks", "the same", "the plant"), and otherwise keeps no
  coordinates.
- Sentences that name an already found strike's place without a date add their quotes and
  claims to it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ..model import (
    DatePrecision,
    Outcome,
    TargetType,
    Weapon,
)
from .claims import side_claims
from .cues import (
    ANAPHORA,
    INDEFINITE_PLACE,
    PRONOUN_START,
    REPORTING_BEFORE_DATE,
    RUSSIA_HINT,
    TALLY_LINE,
    classify_target,
    outcome_at,
    reports_attack,
    weapon_named,
)
from .dates import VAGUE_DAYS, DateMention, bounds_time, date_span, event_dates, find_dates
from .decisions import on_russias_side
from .document import Draft
from .lexicon import (
    GENERIC,
    RUSSIAN_ACCIDENT,
    RUSSIAN_ATTACKER,
    SHIP_NOUNS,
)
from .places import Location, finer_place, same_place, sentence_locations, where_targets_stand
from .text import clause_span

if TYPE_CHECKING:
    from .document import Document

_LEAD_SENTENCES = 4
#: A sentence naming this many regions tallies where drones flew.
_TALLY_REGIONS = 3


#: The position of a place the sentence only points back to: every date of it goes there.
_EVERY_CLAUSE = -1

_OVER = re.compile(r"\b(?:over|above)\b", re.IGNORECASE)

_LIST_GAP = re.compile(r"[\w'’\- ]+?\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?")


def find_candidates(doc: Document) -> None:
    """Stage ``candidates``: read the sentences in order and collect ``doc.drafts`` (and the
    article's lead, ``doc.lead``)."""
    gazetteer, published, sentences = doc.gazetteer, doc.published, doc.sentences
    article_regions, article_weapon = doc.article_regions, doc.article_weapon
    drafts: list[Draft] = []
    lead: Draft | None = None
    last_place: Location | None = None
    last_draft: Draft | None = None
    # The date of the strike the article is telling of now: undated sentences speak of it.
    context: tuple[date, DatePrecision] | None = None
    # A sentence right after a strike that lists places with targets names where it hit.
    last_strike_index = -2
    for sentence in sentences:
        text = sentence.text
        follows_strike = sentence.index == last_strike_index + 1
        russian = RUSSIAN_ATTACKER.search(text)
        # A tally line right after an interception report counts drones over that place.
        attack = (RUSSIAN_ACCIDENT.search(text) is None and reports_attack(text, russian)) or (
            follows_strike and TALLY_LINE.match(text) is not None
        )
        # Places matter only where a strike, its aftermath or its ships are told.
        located, ships = (
            sentence_locations(
                sentence, gazetteer, article_regions, doc.descriptions, doc.named_sites
            )
            if attack or follows_strike or SHIP_NOUNS.search(text)
            else ([], [])
        )
        if ships and last_draft is not None:
            last_draft.ship_names.extend(ships)
        last_strike_index = sentence.index if attack else last_strike_index
        if not attack:
            located = where_targets_stand(text, located)
            if not (follows_strike and located):
                continue
        # "two days after" counts from the day being told of, else from the article's first.
        day_told = context[0] if context and context[1] == "day" else None
        first_day = next((d.date for d in drafts if d.precision == "day"), None)
        found_dates = find_dates(text, published, day_told or first_day)
        dates = event_dates(text, found_dates)
        target_type, target = classify_target(text)
        if (
            dates
            and not located
            and last_place is not None
            and russian is None
            and ANAPHORA.search(text)
            and not (INDEFINITE_PLACE.search(text))
        ):
            # "blasts at the base overnight": the place the article was telling of; "It has
            # been attacked": the place the sentence before was about, if it names one.
            referent = last_place
            same_kind = [
                Location(d.place, target_type, d.target)
                for d in reversed(drafts)
                if d.place is not None and d.target_type == target_type
            ]
            if target_type != "unknown" and same_kind:
                # "the plant had been targeted": the latest place of that kind of target.
                referent = same_kind[0]
            elif PRONOUN_START.match(text) and sentence.index > 0:
                previous_sentence = sentences[sentence.index - 1]
                before, _ = sentence_locations(
                    previous_sentence, gazetteer, article_regions, doc.descriptions, doc.named_sites
                )
                if not reports_attack(previous_sentence.text, None):
                    before = where_targets_stand(previous_sentence.text, before)
                referent = before[0] if before else referent
            located = [
                Location(
                    referent.place,
                    target_type if target_type != "unknown" else referent.target_type,
                    target or referent.target,
                    start=_EVERY_CLAUSE,
                )
            ]
        generic = GENERIC.search(text) is not None
        if generic and not (dates and located):
            continue
        weapon = weapon_named(text)
        borrowed = weapon == "unknown" and article_weapon != "unknown"
        if borrowed:
            weapon = article_weapon
        attacker_claim, defender_claim = side_claims(text)

        # "drones over the Kursk, Bryansk and Oryol regions": a list of regions is a tally.
        tally = sum(1 for w in located if w.place.kind == "region") >= _TALLY_REGIONS

        def draft_for(
            when: date,
            precision: DatePrecision,
            where: Location | None,
            text: str = text,
            target_type: TargetType = target_type,
            target: str | None = target,
            weapon: Weapon = weapon,
            attacker_claim: str | None = attacker_claim,
            defender_claim: str | None = defender_claim,
            tally: bool = tally,
            borrowed: bool = borrowed,
        ) -> Draft:
            return Draft(
                date=when,
                precision=precision,
                place=where.place if where else None,
                target_type=where.target_type if where else target_type,
                target=where.target if where else target,
                weapon=weapon,
                quotes=[text],
                country_hint="RU" if where is None and RUSSIA_HINT.search(text) else None,
                attacker_claim=attacker_claim,
                defender_claim=defender_claim,
                outcome=_outcome(text, where, tally),
                weapon_borrowed=borrowed and weapon == article_weapon,
            )

        if not dates and any(bounds_time(text, m) for m in found_dates):
            # What held until a date is background to the strike being told.
            continue
        if context is not None and dates and all(m.text.lower() in VAGUE_DAYS for m in dates):
            # "overnight" after "early on Saturday" is that same night, not the day of
            # publication.
            dates = [
                DateMention(context[0], context[1], m.start, m.end, m.text, False)
                for m in dates[:1]
            ]
        if not dates:
            fresh: list[Location] = []
            for where in located:
                # An undated mention of a place speaks of its latest strike in the article.
                here = [
                    d for d in drafts if d.place is not None and same_place(d.place, where.place)
                ]
                if not here:
                    fresh.append(where)
                    continue
                draft = max(here, key=lambda d: d.date)
                if finer_place(where.place, draft.place):
                    # "an air base in Crimea", then "the Saky airfield": the same strike, placed.
                    draft.place = where.place
                    if where.target_type != "unknown":
                        draft.target_type, draft.target = where.target_type, where.target
                draft.quotes.append(text)
                draft.add_outcome(outcome_at(text, where.start))
                draft.attacker_claim = draft.attacker_claim or attacker_claim
                draft.defender_claim = draft.defender_claim or defender_claim
                if draft.target_type == "unknown":
                    draft.target_type, draft.target = where.target_type, where.target
                last_draft = draft
                last_place = replace(where, place=draft.place or where.place)
            when = context or ((published, "day") if sentence.index < _LEAD_SENTENCES else None)
            if when is not None:
                for where in fresh:
                    drafts.append(replace(draft_for(*when, where), undated=context is None))
                    last_place, last_draft = where, drafts[-1]
            if not located and lead is None and sentence.index < _LEAD_SENTENCES and not russian:
                lead = draft_for(published, "day", None)
            elif not located and last_draft is not None and (attacker_claim or defender_claim):
                # "At least two ships were damaged, according to Ukrainian sources": a claim
                # that names no place speaks of the strike just told.
                last_draft.quotes.append(text)
                last_draft.add_outcome(outcome_at(text, _EVERY_CLAUSE))
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
                reported=REPORTING_BEFORE_DATE.search(text[: mention.start]) is not None,
                counted=mention.counted,
            )
            for mention in dates
            for spot in _places_of_date(text, mention, located, dates)
        ]
        drafts.extend(made)
        if located and not any(on_russias_side(d) for d in made):
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

    doc.drafts, doc.lead = drafts, lead


def _outcome(text: str, where: Location | None, tally: bool) -> Outcome:
    """A region in a tally of regions, or one drones were downed "over", was only flown over,
    unless its own clause says something was hit there."""
    if where is not None and where.place.kind == "region" and (tally or _flown_over(text, where)):
        hit = outcome_at(text, where.start, clause_only=True) == "hit"
        return "hit" if hit else "intercepted"
    return outcome_at(text, where.start if where else _EVERY_CLAUSE)


def _flown_over(text: str, where: Location) -> bool:
    """Whether the place's own clause puts the drones "over" or "above" it."""
    if where.start == _EVERY_CLAUSE:
        return False
    left, _ = clause_span(text, where.start, where.start + 1)
    return _OVER.search(text[left : where.start]) is not None


def _weapon_of_date(
    text: str, mention: DateMention, dates: list[DateMention], fallback: Weapon
) -> Weapon:
    """With several dates, each date's own stretch of the sentence names its weapon: "hit by
    a truck bomb in October 2022 and by sea drones in July 2023"."""
    if len(dates) < 2:
        return fallback
    left = max((m.end for m in dates if m.end <= mention.start), default=0)
    own = weapon_named(text[left : mention.end])
    return own if own != "unknown" else fallback


def _places_of_date(
    text: str, mention: DateMention, located: list[Location], dates: list[DateMention]
) -> list[Location | None]:
    """The places a date goes with: those in its own clause when the sentence has several
    dates or its date sits in a side clause, else every place no other date claims."""
    if not located:
        return [None]
    left, right = date_span(text, mention)
    own: list[Location | None] = [
        spot for spot in located if spot.start == _EVERY_CLAUSE or left <= spot.start < right
    ]
    if not own and len(re.findall(r"\w+", text[: mention.start])) <= 2:
        # "On Tuesday, a drone struck X that was hit on Sunday": a date leading the sentence
        # dates its main clause.
        return list(located)
    if not own:
        spans = [date_span(text, other) for other in dates if other is not mention]
        unclaimed: list[Location | None] = [
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
