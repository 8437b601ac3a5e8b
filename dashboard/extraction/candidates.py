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

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, TypeGuard

from ..geo.gazetteer import Gazetteer, Place, region_holds
from ..merge import compatible
from ..model import (
    DatePrecision,
    Outcome,
    TargetType,
    Weapon,
    before_the_war,
)
from .claims import side_claims
from .cues import (
    ANAPHORA,
    INDEFINITE_PLACE,
    INDUSTRIES,
    PRONOUN_START,
    REMAINS,
    REPORTING_BEFORE_DATE,
    RUSSIA_HINT,
    SEA_DRONE,
    SITE_POINTED_BACK,
    TALLY_LINE,
    TARGET_WINDOW,
    bare_drones,
    classify_target,
    fire_of_a_weapon,
    joined_targets,
    named_as_destination,
    outcome_at,
    reports_attack,
    says_what_a_store_held,
    tells_a_fire_of_untold_cause,
    tells_who_struck,
    told_vaguely,
    weapon_named,
)
from .dates import (
    VAGUE_DAYS,
    DateMention,
    bounds_time,
    date_span,
    event_dates,
    find_dates,
    page_stamp,
    stale_page_stamp,
)
from .decisions import on_russias_side, tells_an_alert
from .document import Draft
from .drafts import REPORT_LAG_DAYS, DraftIndex, homes_apart_from_a_site
from .lexicon import (
    AFTERMATH,
    ATTACK,
    CAUSE_RULED_OUT,
    FIRE_TOLD_BEFORE_CAUSED,
    GENERIC,
    GROUND_FIGHT_BEFORE,
    HABIT,
    IMPACT,
    INTERCEPTION,
    OUTAGE,
    PHOTO_CAPTION,
    PREVIOUS_STRIKE,
    RUSSIAN_ACCIDENT,
    RUSSIAN_ATTACKER,
    RUSSIAN_STRIKE,
    SHIP_NOUNS,
    THE_INCIDENT,
    TOLD_AS_PAST,
    UKRAINIAN_ATTACKER,
)
from .places import (
    FACILITY_TYPES,
    Location,
    PlaceMention,
    finer_place,
    holds,
    locate,
    names_its_region,
    sentence_locations,
    where_targets_stand,
)
from .scan import ends_before, leads, per_text
from .text import Sentence, clause_span

if TYPE_CHECKING:
    from .document import Document

_LEAD_SENTENCES = 4
#: A line this short ("Region", "03 December, 2025", "09:07") is page furniture, not one of
#: the lead's sentences.
_LEAD_WORDS = 4
#: A sentence naming this many regions tallies where drones flew.
_TALLY_REGIONS = 3


#: A line that introduces the list below it.
_HEADING = re.compile(r":\s*$")

#: The position of a place the sentence only points back to: every date of it goes there.
_EVERY_CLAUSE = -1
#: Not "over the past day": a span of time.
_OVER = re.compile(
    r"\b(?:over|above)\b(?!\s+(?:the\s+)?(?:past|last|previous|next|coming|weekend|\d+\s+(?:days?|hours?|nights?|weeks?))\b)",
    re.IGNORECASE,
)

#: Between two places of a list: "Kursk, Bryansk and". (Spaces are word characters here,
#: so only other white space may end the words: one reading of a run of spaces, not one per
#: space.)
_LIST_GAP = re.compile(
    r"[\w'’\- ]+?(?:[^\S ]\s*)?(?:,|and|or|,\s*and|,\s*as well as)\s*(?:the\s+)?(?:nearby\s+)?"
    # Items that each name a target before their place: "the refinery in X, the Afipsky
    # refinery in Y and a refinery in Z".
    r"(?:(?:an?\s+)?(?:[\w-]+\s+){1,3}(?:in|at|near)\s+(?:the\s+)?)?"
)


def find_candidates(doc: Document) -> None:
    """Stage ``candidates``: read the sentences in order and collect ``doc.drafts`` (and the
    article's lead, ``doc.lead``)."""
    gazetteer, published, sentences = doc.gazetteer, doc.published, doc.sentences
    sea_drones = any(SEA_DRONE.search(s.text) for s in sentences)
    article_regions, article_weapon = doc.article_regions, doc.article_weapon
    drafts = DraftIndex()
    lead: Draft | None = None
    last_place: Location | None = None
    last_draft: Draft | None = None
    # Drafts made from one sentence with others ("drones downed over Oryol, Bryansk and
    # Kaluga"): the last of a list is not the place a following sentence speaks of.
    listed: set[int] = set()
    # Undated places told below the lead, before any date: of the day the article goes on to
    # tell, else of the day it was published.
    unanchored: list[Draft] = []
    # The first day the article tells a strike of.
    first_day: tuple[date, DatePrecision] | None = None
    # The date of the strike the article is telling of now: undated sentences speak of it.
    context: tuple[date, DatePrecision] | None = None
    # A sentence right after a strike that lists places with targets names where it hit.
    last_strike_index = -2
    # Which sentence of the lead this is, page furniture left out.
    lead_index = -1
    # "Ukraine strikes cause power outages in Russian border regions": an article whose
    # first sentence names Ukraine as the attacker tells of Ukraine's strikes throughout.
    ukraine_attacks = False
    # Whether the lead, dating nothing, placed a strike on Russia's side: the places told
    # below it with no date of their own are of the same night ("explosions were also
    # reported in X").
    lead_placed = False
    # Whether a sentence so far has named Ukraine as the attacker: damage or casualties
    # told after it, with no word of the strike, are that strike's.
    ukraine_told = False
    for sentence, following in zip(sentences, [*sentences[1:], None], strict=True):
        text = sentence.text
        next_text = following.text if following is not None else ""
        if PHOTO_CAPTION.match(text):
            # What a picture shows, dated by its release: the article tells its strikes.
            continue
        if len(text.split()) >= _LEAD_WORDS:
            lead_index += 1
        in_lead = 0 <= lead_index < _LEAD_SENTENCES
        if (
            lead_index == 0
            and UKRAINIAN_ATTACKER.search(text)
            and not RUSSIAN_ATTACKER.search(text)
        ):
            ukraine_attacks = True
        follows_strike = sentence.index == last_strike_index + 1
        near_strike = sentence.index <= last_strike_index + _IDENTIFIED_WITHIN
        # "... attacked facilities in the Kursk region. The governor said so on Telegram.
        # According to him, they are in the X and Y districts.": a sentence that says which
        # sites they were may come after one that says who told it.
        identifies = near_strike and _IDENTIFIES.search(text) is not None
        # "A drone attack on the Bryansk region ..." ... "The fire in the Surazh district was
        # reported by the governor": the strike named again by its noun, a sentence or two
        # on, says where in the region it was.
        named_again = near_strike and THE_INCIDENT.search(text) is not None
        russian = RUSSIAN_ATTACKER.search(text) or _russias_strike_told(text)
        # A tally line right after an interception report counts drones over that place.
        attack = (RUSSIAN_ACCIDENT.search(text) is None and reports_attack(text, russian)) or (
            follows_strike and TALLY_LINE.match(text) is not None
        )
        if not attack and ukraine_told and russian is None:
            # "Ukrainian drones attacked the port." ... "Two people were injured in the X
            # region, and some damage was reported in the Y region."
            attack = AFTERMATH.search(text) is not None
        if not attack and last_draft is not None and russian is None:
            # "Drones hit the refinery." ... "A fire also broke out at a depot in X": a fire
            # told as one more of the night's is another strike of it.
            attack = _ALSO_ABLAZE.search(text) is not None
        fire_told_first = False
        if not attack and russian is None:
            # "A fire broke out at X on Friday." ... "The fire was caused by a drone": the
            # strike, told where and when it burned.
            fire_told_first = _fire_put_down_to_a_strike(
                text, sentences[sentence.index + 1 : sentence.index + 1 + _CAUSE_TOLD_WITHIN]
            )
            # "a fire at an oil depot ... after a drone was spotted overhead", "a previous
            # fire at the facility after a drone crash": a fire told beside the weapon that
            # caused it is a strike.
            attack = fire_of_a_weapon(text) or fire_told_first
        ukraine_told = ukraine_told or (
            russian is None and UKRAINIAN_ATTACKER.search(text) is not None
        )
        # Places matter only where a strike, its aftermath or its ships are told.
        located, ships = (
            sentence_locations(
                sentence,
                gazetteer,
                article_regions,
                doc.descriptions,
                doc.named_places,
                struck=attack,
                people=doc.people,
            )
            if attack or follows_strike or identifies or named_again or SHIP_NOUNS.search(text)
            else ([], [])
        )
        # A place fought over on the ground is not where a strike fell.
        located = [
            w
            for w in located
            if GROUND_FIGHT_BEFORE.search(text, max(0, w.start - _GROUND_FIGHT_REACH), w.start)
            is None
            and not tells_a_fire_of_untold_cause(text, w.start, next_text)
        ]
        if (
            located
            and (cut := drafts.latest_of_kind("power")) is not None
            and on_russias_side(cut)
            and _outage_only(text)
        ):
            # "A substation was hit." ... "Homes in X and Y were left without power": where
            # the cut of the strike just told was felt, not where it was struck; a place
            # struck already keeps it.
            located = [
                w
                for w in located
                if w.place.kind == "facility" or drafts.latest_at(w.place) is not None
            ]
        if (
            attack
            and not located
            and (ablaze := _fire_it_names(text, drafts)) is not None
            and ablaze.place is not None
        ):
            # "A fire broke out at the X power plant." ... "Y said the fire at the plant was
            # caused by drones": the fire told last, not the place told last.
            located = [
                Location(ablaze.place, ablaze.target_type, ablaze.target, start=_EVERY_CLAUSE)
            ]
        if attack and not located and last_place is not None:
            located = _local_site(text, last_place, gazetteer)
        # "a village in the region had been shelled": a place of the region told last that
        # the article does not name, so no place it has told a strike at.
        unnamed = (
            _unnamed_place_of(text, last_place, gazetteer)
            if attack and not located and last_place is not None and russian is None
            else None
        )
        if unnamed is not None:
            located = [unnamed]
        if russian and not UKRAINIAN_ATTACKER.search(text):
            # Russia told as the attacker of a place in Ukraine, occupied or not, with no
            # Ukrainian attacker beside it: Russia's strike, not the story.
            located = [where for where in located if where.place.country != "UA"]
        # "the refinery as well as a nearby substation": one strike per target.
        joined = _joined_targets(text, located)
        located += joined
        if ships and last_draft is not None:
            last_draft.ship_names.extend(ships)
        if (
            not located
            and russian is None
            and sentence.index <= last_strike_index + _IDENTIFIED_WITHIN
            and _fell_from_the_downed(last_draft, text)
            and id(last_draft) not in listed
            and not event_dates(text, find_dates(text, published))
        ):
            # "Ten drones were downed over the port." ... "Their fragments started a fire":
            # what fell of the drones downed over a town or site hit it.
            last_draft.add_outcome("hit")
            last_draft.quotes.append(text)
            last_strike_index = sentence.index
            continue
        last_strike_index = sentence.index if attack else last_strike_index
        if not attack:
            finer = (
                _aftermath_places(
                    text,
                    located,
                    last_draft,
                    published,
                    drafts,
                    identifies=identifies,
                    named_again=named_again,
                )
                # (A measure taken there places no strike: "traffic on the bridge was blocked".)
                if (follows_strike or identifies or named_again) and not tells_an_alert(text)
                else []
            )
            if last_draft is not None and finer:
                # "... a fire at an oil depot in the Kaluga region." then "The fire, in the
                # city of Lyudinovo, was confirmed ...": where in the region it struck; "we
                # are talking about facilities in the X and Y districts": one strike in each.
                for where in finer[1:]:
                    drafts.add(replace(last_draft, place=where.place, quotes=[*last_draft.quotes]))
                drafts.move(last_draft, finer[0].place)
                if last_draft.target_type == "unknown" and finer[0].target_type != "unknown":
                    drafts.retype(last_draft, finer[0].target_type, finer[0].target)
                last_draft.quotes.append(text)
                last_place = finer[0]
                continue
            if context is None and _HEADING.search(text):
                # "Here is where things stand on Friday, December 26:": the day the list
                # below it tells of.
                heading_dates = event_dates(text, find_dates(text, published))
                if heading_dates and heading_dates[0].precision == "day":
                    context = (heading_dates[0].value, "day")
            located = where_targets_stand(text, located)
            if not (follows_strike and located):
                continue
        # "two days after" counts from the day being told of, else from the article's first.
        day_told = context[0] if context and context[1] == "day" else None
        found_dates = [
            m
            for m in find_dates(text, published, day_told or drafts.first_day)
            if not stale_page_stamp(text, m, doc.article.published)
        ]
        dates = event_dates(text, found_dates)
        if not dates and fire_told_first and len(found_dates) == 1:
            # Its one date is when the fire broke out, though no word of a strike stands by it.
            dates = found_dates
        target_type, target = classify_target(text)
        if (
            dates
            and not located
            and last_place is not None
            and russian is None
            and (ANAPHORA.search(text) or PREVIOUS_STRIKE.search(text))
            and not (INDEFINITE_PLACE.search(text))
            and not _COUNTRY_WIDE.search(text)
        ):
            # "blasts at the base overnight": the place the article was telling of; "It has
            # been attacked": the place the sentence before was about, if it names one; "the
            # previous strike, in November": an earlier strike on it.
            referent = last_place
            same_kind = drafts.latest_of_kind(target_type) if target_type != "unknown" else None
            vague = target_type != "unknown" and told_vaguely(target_type, target)
            if same_kind is None and vague:
                # "the plant" says nothing of what it makes: the latest industrial site.
                same_kind = drafts.latest_of_kinds(INDUSTRIES)
            if same_kind is not None and same_kind.place is not None:
                # "the plant had been targeted": the latest place of that kind of target.
                referent = Location(
                    same_kind.place,
                    same_kind.target_type if vague else target_type,
                    same_kind.target,
                )
            elif PRONOUN_START.match(text) and sentence.index > 0:
                previous_sentence = sentences[sentence.index - 1]
                before, _ = sentence_locations(
                    previous_sentence,
                    gazetteer,
                    article_regions,
                    doc.descriptions,
                    doc.named_places,
                    people=doc.people,
                )
                if not reports_attack(previous_sentence.text, None):
                    before = where_targets_stand(previous_sentence.text, before)
                referent = before[0] if before else referent
            if referent.place.kind == "region" and SITE_POINTED_BACK.search(text):
                # "The facility was hit in March", after drones downed over the peninsula: the
                # site the article told of, not the region named last.
                site = drafts.latest_site()
                if site is not None and site.place is not None:
                    referent = Location(site.place, site.target_type, site.target)
            # A known site keeps its own kind: "the plant" that points back to a refinery.
            known_kind = referent.place.kind == "facility" and referent.target_type != "unknown"
            located = [
                Location(
                    referent.place,
                    referent.target_type if known_kind or target_type == "unknown" else target_type,
                    target or referent.target,
                    start=_EVERY_CLAUSE,
                )
            ]
        if dates and not located and russian is None:
            located = _recalled_at(sentence, dates, context, doc)
        generic = _generic(text, russian is not None or RUSSIAN_STRIKE.search(text) is not None)
        if generic and not (dates and located and not _dated_by_its_series(text, dates)):
            continue
        weapon = weapon_named(text)
        borrowed = (
            weapon == "unknown" and article_weapon != "unknown" and not tells_who_struck(text)
        )
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
            kind = where.target_type if where else target_type
            if kind == "naval" and sea_drones and weapon == "aerial_drone" and bare_drones(text):
                # "Ukrainian drones hit a landing ship" in a report that names sea drones.
                weapon = "sea_drone"
            return Draft(
                date=when,
                precision=precision,
                place=where.place if where else None,
                target_type=kind,
                target=where.target if where else target,
                weapon=weapon,
                quotes=[text],
                country_hint="RU" if where is None and RUSSIA_HINT.search(text) else None,
                attacker_claim=attacker_claim,
                defender_claim=defender_claim,
                outcome=_outcome(text, where, tally),
                weapon_borrowed=borrowed and weapon == article_weapon,
                downed_near=where is not None
                and where.place.kind == "facility"
                and ends_before(_NEAR_SITE_BEFORE, text, where.start) is not None,
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
        if not located and target_type != "unknown" and outcome_at(text, _EVERY_CLAUSE) == "hit":
            # "A residential building took a direct hit": what the article's strike hit.
            doc.unplaced_targets.append(target_type)
        if not dates:
            fresh: list[Location] = []
            # The strikes (by id) this sentence has moved from a region to a town of theirs.
            placed_here: set[int] = set()
            for where in located:
                if where is unnamed:
                    fresh.append(where)
                    continue
                # An undated mention of a place speaks of its latest strike in the article.
                draft = drafts.latest_at(where.place)
                if (
                    draft is not None
                    and _another_town(where.place, draft.place)
                    and id(draft) not in placed_here
                ):
                    # Not another town's strike, even one this sentence names ("a school in
                    # A, a kindergarten in B"), though maybe one at a site near this town; a
                    # region's strike this sentence has just placed at the town before may
                    # still be told of in full ("the zone in A and a plant in B").
                    draft = drafts.latest_at(where.place, sites_only=True)
                if (
                    draft is not None
                    and context is not None
                    and (draft.date, draft.precision) != context
                    and draft.outcome == "intercepted"
                    and outcome_at(text, where.start) == "hit"
                ):
                    # "Drones were downed over X on Monday." ... "On Sunday ... a drone smashed
                    # into a building in X": a hit told on the day being told of, not Monday's
                    # interceptions.
                    draft = None
                if (
                    draft is not None
                    and draft.outcome == "intercepted"
                    and draft.place is not None
                    and draft.place.kind == "region"
                    and where.place.kind != "region"
                    and outcome_at(text, where.start) != "intercepted"
                ):
                    # "Two drones were shot down over the Belgorod region." then "a strike on
                    # the Krasnaya Yaruga substation": a tally over a region says nothing of
                    # the fate of a strike told at a place in it.
                    draft = None
                if draft is None:
                    fresh.append(where)
                    continue
                if (
                    (where in joined and where.target_type != draft.target_type)
                    or _homes_beside_a_site(where, draft, text)
                    or _target_of_a_town_beside_a_site(where, draft)
                ):
                    # "The oil terminal was struck." then "Four residential buildings were
                    # damaged, the Novorossiysk mayor said": homes hit the same night; or the
                    # second of two targets named as one: a strike of its own.
                    last_draft = replace(
                        draft_for(draft.date, draft.precision, where),
                        reported=draft.reported,
                        counted=draft.counted,
                        undated=draft.undated,
                    )
                    drafts.add(last_draft)
                    last_place = where
                    continue
                if finer_place(where.place, draft.place) and not tells_an_alert(text):
                    # "an air base in Crimea", then "the Saky airfield": the same strike, placed.
                    # (Not by a measure taken there: "traffic on the Crimean bridge was
                    # blocked" places no strike on the bridge.)
                    drafts.move(draft, where.place)
                    placed_here.add(id(draft))
                    if where.target_type != "unknown" and not says_what_a_store_held(
                        draft.target_type, where.target_type, where.target
                    ):
                        drafts.retype(draft, where.target_type, where.target)
                draft.quotes.append(text)
                draft.add_outcome(outcome_at(text, where.start))
                draft.attacker_claim = draft.attacker_claim or attacker_claim
                draft.defender_claim = draft.defender_claim or defender_claim
                if not _ANOTHER_ACCOUNT.search(text) and (
                    draft.target_type == "unknown"
                    or (
                        told_vaguely(draft.target_type, draft.target)
                        and where.target_type in INDUSTRIES
                        and not told_vaguely(where.target_type, where.target)
                    )
                ):
                    drafts.retype(draft, where.target_type, where.target)
                last_draft = draft
                last_place = replace(where, place=draft.place or where.place)
            when = context or ((published, "day") if in_lead else None)
            if TOLD_AS_PAST.search(text):
                fresh = []
            # Undated places below the lead, kept where Ukraine's strikes are told: the
            # sentence or the article names Ukraine as the attacker, or the lead placed one.
            kept_undated = (
                ukraine_attacks or lead_placed or UKRAINIAN_ATTACKER.search(text) is not None
            )
            if when is None and lead_placed and russian is None and attack:
                # "Drones hit the X air base" in the lead, then "drones also targeting the Y
                # base": the lead's night, even if the article goes on to date another.
                when = (published, "day")
            if when is None and lead is not None and russian is None and not kept_undated:
                # The lead told of a strike it did not place ("a fire at the oil refinery"):
                # a place told struck below it, before any date, is where that day's
                # strikes fell.
                sites = [w for w in fresh if _site_struck(text, w)]
                if sites:
                    fresh, when = sites, (lead.date, lead.precision)
            if when is not None:
                placed = [
                    (where, replace(draft_for(*when, where), undated=context is None))
                    for where in fresh
                ]
                kept = {id(d) for d in _oblasts_kept([d for _, d in placed], text)}
                if len(kept) > 1:
                    listed.update(kept)
                for where, last_draft in placed:
                    if id(last_draft) not in kept:
                        continue
                    last_place = where
                    drafts.add(last_draft)
                    lead_placed = lead_placed or (
                        in_lead and context is None and on_russias_side(last_draft)
                    )
            elif russian is None and kept_undated:
                unanchored.extend(
                    replace(draft_for(published, "day", where), undated=True) for where in fresh
                )
            if (
                not located
                and follows_strike
                and russian is None
                and last_draft is not None
                and last_draft.place is not None
                and not _not_the_tallys(last_draft, text, id(last_draft) in listed)
                and last_draft.target_type == "unknown"
                and target_type != "unknown"
                and outcome_at(text, _EVERY_CLAUSE) == "hit"
                and not _ANOTHER_ACCOUNT.search(text)
            ):
                # "Krasnodar was attacked by drones." then "One crashed into an office
                # building.": the next sentence names what the strike just told hit. (Not
                # the other side's "different account" of what was hit.)
                drafts.retype(last_draft, target_type, target)
                last_draft.quotes.append(text)
                last_draft.add_outcome("hit")
                last_draft.attacker_claim = last_draft.attacker_claim or attacker_claim
                last_draft.defender_claim = last_draft.defender_claim or defender_claim
            elif not located and lead is None and in_lead and not russian:
                lead = draft_for(published, "day", None)
            elif (
                not located
                and last_draft is not None
                and (attacker_claim or defender_claim)
                and not (
                    _not_the_tallys(last_draft, text, id(last_draft) in listed)
                    and outcome_at(text, _EVERY_CLAUSE) == "hit"
                )
            ):
                # "At least two ships were damaged, according to Ukrainian sources": a claim
                # that names no place speaks of the strike just told.
                last_draft.quotes.append(text)
                last_draft.add_outcome(outcome_at(text, _EVERY_CLAUSE))
                last_draft.attacker_claim = last_draft.attacker_claim or attacker_claim
                last_draft.defender_claim = last_draft.defender_claim or defender_claim
            continue

        # A page's stamp alone dates a strike as a headline does: by the day it was told.
        stamp_only = all(page_stamp(text, m) for m in found_dates)
        of_dates = _SentenceDates(text, located, dates)
        made: list[Draft] = []
        # The places some date of the sentence goes with.
        claimed: set[int] = set()
        for mention in dates:
            spots = of_dates.places(mention)
            claimed.update(id(spot) for spot in spots)
            if mention.joined and len(_apart(located)) > 1:
                # "the Ryazan and Norsi plants, on March 12 and 13": which day is whose is
                # not told; each keeps the first. (Not "in the Belgorod region ... on March
                # 30, April 1, 3 and 26 ... in Belgorod": one place, told twice.)
                continue
            date_weapon = of_dates.weapon(mention, weapon)
            reported = ends_before(REPORTING_BEFORE_DATE, text, mention.start) is not None
            for spot in spots:
                if spot is None and (russian or RUSSIAN_STRIKE.search(text)):
                    # Russia's strike, told with no place in Russia: not the story.
                    continue
                told = _told_again(drafts, spot, mention, text)
                if told is not None:
                    told.quotes.append(text)
                    continue
                # "two days after explosions at an ammo stockpile": the earlier strike's own
                # clause says what it hit.
                own_target = (
                    classify_target(text[slice(*date_span(text, mention))])
                    if spot is None and mention.counted
                    else (target_type, target)
                )
                made.append(
                    replace(
                        draft_for(
                            mention.value,
                            mention.precision,
                            spot,
                            weapon=date_weapon,
                            target_type=own_target[0],
                            target=own_target[1],
                        ),
                        reported=reported,
                        counted=mention.counted,
                        undated=stamp_only,
                        night=mention.night,
                    )
                )
        # A day counted back ("ten days after", "burning for ten days") is an earlier
        # strike's, not the night the article goes on telling of.
        counted_back = all(m.counted for m in dates)
        if counted_back and not _STILL_BURNING.search(text):
            # "X was hit, the governor said on Tuesday, a day after drones struck Y": X is the
            # strike of the day being told, not of the day counted back.
            when_told = context or (published, "day")
            made.extend(
                replace(draft_for(*when_told, spot), undated=context is None)
                for spot in located
                if id(spot) not in claimed
            )
        made = _oblasts_kept(made, text)
        for draft in made:
            drafts.add(draft)
        if located and not any(on_russias_side(d) for d in made):
            # Russia's strike on a Ukrainian-held city, told in passing, is not the story.
            continue
        last_draft = made[-1] if made else last_draft
        if len(made) > 1:
            listed.update(id(draft) for draft in made)
        history = before_the_war(dates[0].value, dates[0].precision, published) or (
            (russian is not None or RUSSIAN_STRIKE.search(text) is not None) and not made
        )
        # "A previous fire at the facility occurred on August 6": a strike told as an earlier
        # one is background too.
        recalled = PREVIOUS_STRIKE.search(text) is not None
        # A month told where no strike is placed ("Putin's forces in November pulled out of
        # Kherson") is the background of the night told next, not its date.
        unplaced_period = dates[0].precision != "day" and not located
        # "a bridge damaged earlier this year": a period told back from the day of
        # publication is an earlier strike's, wherever it is placed.
        period_before = _PERIOD_BEFORE.fullmatch(dates[0].text) is not None
        if (context is None or dates[0].precision == "day") and not (
            history or counted_back or recalled or unplaced_period or period_before
        ):
            # A strike mentioned in passing ("a drone strike in January") does not become
            # the night the article goes on telling of; nor does a day of history ("the
            # USSR was invaded on June 22, 1941") or a day only Russia's deed is told of
            # ("On February 24, 2022 Russia launched ...", "airports closed on Saturday
            # after the Russian strikes"): Ukraine's strikes told next are of another night.
            context = (dates[0].value, dates[0].precision)
            first_day = first_day or (context if context[1] == "day" else None)
        if located:
            # The place named first is the one the sentence is about.
            last_place = located[0]

    # An article tells of the strikes it reports that night, however far below the lead it
    # names a place ("a drone attack caused a fire at the port"), even one it dates further
    # down ("Ukraine's forces also hit X", then "last night they struck Y").
    for draft in unanchored:
        drafts.add(replace(draft, date=first_day[0]) if first_day else draft)
    doc.drafts, doc.lead = drafts.all, lead


#: Words of generality that also tell one night's news: a strike verb in the present perfect
#: with a noun for its subject ("drones have attacked the region", "strikes have been carried
#: out on X and Y"; not "which has been hit before", "claimed to have struck"), and the day
#: just past ("over the past 24 hours").
_NEWS_OF_THE_DAY = re.compile(
    r"(?<!\bwhich )(?<!\bthat )(?<!\bwho )(?<!\bit )(?<!\bto )"
    r"ha(?:s|ve) (?:been )?(?:hit|struck|attacked|launched|carried out|targeted)"
    r"|over the past (?:day|night|24 hours)",
    re.IGNORECASE,
)
#: A span longer than a night, or Russia as the one who struck: the perfect tells a series
#: ("over recent months, drones have struck ...") or Russia's strikes ("Russian forces have
#: hit ...").
_NOT_THE_NEWS = re.compile(r"\b(?:recent|weeks|months|years|Russian forces)\b", re.IGNORECASE)


#: How far before a name the words of a ground fight can begin: the longest phrase and the
#: 80 characters that may follow it.
_GROUND_FIGHT_REACH = 200


def _not_the_tallys(draft: Draft, text: str, listed: bool) -> bool:
    """Whether what a sentence naming no place tells ("Ukrainian troops struck an oil
    pumping station in the town", "a channel claimed a drone hit a fuel tank at the depot")
    is not of ``draft``, which so far tells only of drones downed over a region, or over
    one of several places ``listed`` together: a tally is no strike at a site, and only
    what fell of its drones (their debris) is told of it."""
    return (
        draft.outcome == "intercepted"
        and draft.place is not None
        and (draft.place.kind == "region" or listed)
        and REMAINS.search(text) is None
    )


def _outage_only(text: str) -> bool:
    """Whether all a sentence tells of damage is a power cut."""
    cuts = [m.span() for m in OUTAGE.finditer(text)]
    return bool(cuts) and all(
        any(left <= m.start() < right for left, right in cuts) for m in IMPACT.finditer(text)
    )


def _generic(text: str, russian: bool) -> bool:
    """Whether a sentence tells a habit, a series or a hypothesis rather than one strike.

    A clause that only describes a place named before it ("the airfield, which has been
    used to launch drones at Ukraine") says nothing of the strike the rest tells on it."""
    asides = [m.span() for m in _ASIDE.finditer(text)]
    if asides and not ATTACK.search(_ASIDE.sub(" ", text)):
        # The strike is told only in the aside: "the bridge, which has been targeted before".
        asides = []
    habits = [
        (start, end)
        for start, end in (m.span() for m in GENERIC.finditer(text))
        if not any(a <= start and end <= b for a, b in asides)
    ]
    if _NIGHT_OF_THE_SERIES.search(text):
        # "launched a series of drone strikes ... overnight on Saturday": one night's wave.
        habits = [(a, b) for a, b in habits if not _A_SERIES.match(text, a)]
    if not habits or russian or _NOT_THE_NEWS.search(text):
        return bool(habits)
    news = [m.span() for m in _NEWS_OF_THE_DAY.finditer(text)]
    return any(not any(a <= start and end <= b for a, b in news) for start, end in habits)


#: A series of strikes told as a whole ("a series of drone strikes", "a spate of attacks").
_A_SERIES = re.compile(r"an? (?:string|series|spate) of ", re.IGNORECASE)
#: The night a series of strikes filled: "overnight", "on the night of February 16".
_NIGHT_OF_THE_SERIES = re.compile(
    r"\bovernight\b|\bon the night of\b|\blast night\b|"
    r"\bearly (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def _dated_by_its_series(text: str, dates: list[DateMention]) -> bool:
    """Whether every date of a sentence that tells a habit or a series only bounds the
    series ("attacked several times this month", "since August 2022, explosions have
    regularly been reported"): a period of many strikes, not the day of one. (Not "attacked
    several times since March", which tells the series' first strike.)"""
    series = [m.span() for m in HABIT.finditer(text)]
    return bool(series) and all(
        any(m.start < b and a < m.end for a, b in series)
        or ends_before(_SINCE_BEFORE, text, m.start) is not None
        for m in dates
    )


#: The word that makes a date the start of a period: "since August 2022".
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?$", re.IGNORECASE)


#: A clause set off by a comma that describes the noun before it: ", which has been used to
#: launch drones", ", where troops have been stationed".
_ASIDE = re.compile(r",\s+(?:which|where|who|whose)\b[^,;:]*", re.IGNORECASE)


#: How many sentences after a fire the one that tells its cause may come.
_CAUSE_TOLD_WITHIN = 2
_FIRE = re.compile(r"\b(?:fire|blaze)\b", re.IGNORECASE)


def _fire_it_names(text: str, drafts: DraftIndex) -> Draft | None:
    """The placed strike whose fire, told before, a sentence puts down to its cause ("the
    fire was caused by drones"), if any."""
    if FIRE_TOLD_BEFORE_CAUSED.search(text) is None:
        return None
    return next(
        (
            draft
            for draft in reversed(drafts.all)
            if draft.place is not None and any(_FIRE.search(quote) for quote in draft.quotes)
        ),
        None,
    )


def _fire_put_down_to_a_strike(text: str, after: list[Sentence]) -> bool:
    """Whether a sentence tells a fire that one of the sentences ``after`` it puts down to a
    strike ("A fire broke out at an oil depot in X." ... "The governor said the fire was
    caused by airstrikes."): the fire is the strike, told where it is."""
    return _FIRE.search(text) is not None and any(
        FIRE_TOLD_BEFORE_CAUSED.search(later.text)
        and CAUSE_RULED_OUT.search(later.text) is None
        and (weapon_named(later.text) != "unknown" or ATTACK.search(later.text) is not None)
        for later in after
    )


#: A fire or blasts told as one more: "a fire also broke out at", "also reports a fire".
_ALSO_ABLAZE = re.compile(
    r"\balso\b(?:\W+\w+){0,6}?\W+(?:fires?|explosions?|blasts?)\b"
    r"|\b(?:fires?|explosions?|blasts?)\b(?:\W+\w+){0,3}?\W+also\b",
    re.IGNORECASE,
)


def _told_again(
    drafts: DraftIndex, spot: Location | None, mention: DateMention, text: str
) -> Draft | None:
    """The strike a region's words tell again a day or two later ("a port in occupied
    Crimea", said on Sunday, of Friday's strike on the Sevastopol shipyard), when they stand
    for a site the article names."""
    if spot is None or spot.within is None or mention.precision != "day":
        return None
    if INTERCEPTION.search(text) is not None:
        return None
    known = drafts.latest_at(spot.place)
    if known is None or known.precision != "day":
        return None
    return known if 0 < (mention.value - known.date).days <= REPORT_LAG_DAYS else None


def _another_town(place: Place, known: Place | None) -> bool:
    """Whether a town is another than the town a strike was placed at: "cars were damaged
    in Reutov, near Moscow" is not Moscow's strike."""
    return known is not None and place.kind == known.kind == "city" and place != known


def _joined_targets(text: str, located: list[Location]) -> list[Location]:
    """The second target of a town or site named with two targets of two kinds joined as
    one ("an oil depot and a substation in X", "the X refinery as well as a nearby power
    substation"), at the same place: each was struck. A place named right after the pair
    that is not this one is the second target's ("the refinery, as well as a depot near
    Y"), and a name after "of" is a building's own ("the House of X")."""
    pairs = joined_targets(text) if located else ()
    extra: list[Location] = []
    for where in located:
        if where.place.kind == "region" or where.start == _EVERY_CLAUSE:
            continue
        for start, end, kind, other, phrase in pairs:
            if kind != where.target_type or abs(start - where.start) > TARGET_WINDOW:
                continue
            after = [w for w in located if end <= w.start <= end + TARGET_WINDOW]
            if (after and min(after, key=lambda w: w.start).place != where.place) or (
                _OF_NAME.fullmatch(text, end, where.start)
            ):
                continue
            extra.append(replace(where, target_type=other, target=phrase))
            break
    return extra


#: Between a building and a name that is its own: "the House of".
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _homes_beside_a_site(where: Location, draft: Draft, text: str) -> bool:
    """Whether a sentence with no date of its own tells of homes hit in the town or region of
    a site struck before: a struck place of its own (:func:`homes_apart_from_a_site`)."""
    return homes_apart_from_a_site(where.place, where.target_type, draft) and (
        outcome_at(text, where.start) == "hit"
    )


def _target_of_a_town_beside_a_site(where: Location, draft: Draft) -> bool:
    """Whether a town told with a target of its own is not the town of the known site struck
    near it, with a target of another kind ("drones hit the Kacha air base", then "a fire at
    a plant in Bakhchysaray"; "the refinery in Novokuibyshevsk", then "a substation in
    Samara"): a strike of its own, not the site's told again. In the site's own town, only a
    site of another kind is ("the Morozovsk air base", then "in Morozovsk, a substation was
    hit"). A bare "plant" or "facility" may be an industrial site under another word ("the
    Afipsky refinery in Krasnodar", then "damage at the Krasnodar plant")."""
    return (
        where.place.kind == "city"
        and draft.place is not None
        and draft.place.kind == "facility"
        and not compatible(where.target_type, draft.target_type)
        and (not holds(where.place, draft.place) or where.target_type in _SITE_KINDS)
        and not (
            draft.target_type in INDUSTRIES
            and where.target_type == "commercial"
            and _ANY_WORKS.search(where.target or "") is not None
        )
    )


#: Kinds of target that are sites of their own, which a town's other site does not stand for
#: (an arms plant may be the site itself under another word).
_SITE_KINDS = FACILITY_TYPES - {"defense_industry"}
#: Nouns any industrial site goes by.
_ANY_WORKS = re.compile(
    r"\b(?:plants?|factory|factories|facility|facilities|enterprises?|works|complex)$",
    re.IGNORECASE,
)


#: How many sentences after a strike one may still say which sites it hit.
_IDENTIFIED_WITHIN = 2
#: Words that say which site a strike told just before was: "The facility, identified as
#: ...", "we are talking about facilities in ...".
_IDENTIFIES = re.compile(
    r"\b(?:identified as|talking about|turned out to be|is located|was located|located in)\b",
    re.IGNORECASE,
)
#: Where drones were downed, told by a site they were near: "shot down near Crimea's Belbek
#: airfield", "on the approach to the refinery".
_NEAR_SITE_BEFORE = re.compile(
    r"\b(?:near|close to|not far from|outside|in the (?:area|vicinity) of|"
    r"on the approach(?:es)? to)\s+"
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,2}?$",
    re.IGNORECASE,
)


def _site_struck(text: str, where: Location) -> bool:
    """Whether a sentence tells a place struck: a known site with a hit there or a weapon
    named; a town or region with a hit on a target its words name ("a fuel depot in the
    Belgorod region caught fire"), not one only named beside the strike."""
    hit = outcome_at(text, where.start) == "hit"
    if where.place.kind != "facility":
        return hit and where.target_type != "unknown"
    return hit or weapon_named(text) != "unknown"


#: "The last attack took place in July", "Its biggest attack in March killed three people":
#: an earlier strike, told by what it was to the strikes the sentence before named.
_RECALLED_STRIKE = re.compile(
    r"\W*(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|raid)s?\b", re.IGNORECASE
)


def _apart(located: list[Location]) -> list[Location]:
    """The places of a sentence but a region that holds another of them."""
    return [
        where
        for where in located
        if where.place.kind != "region"
        or not any(
            other.place.kind != "region" and region_holds(where.place.admin1, other.place.admin1)
            for other in located
        )
    ]


def _recalled_at(
    sentence: Sentence,
    dates: list[DateMention],
    context: tuple[date, DatePrecision] | None,
    doc: Document,
) -> list[Location]:
    """Where a strike recalled by its month before the day being told, naming no place,
    fell: the place the sentence before named last ("Kyiv has launched several drone attacks
    on Moscow."). (Not a day: "The attack came after a bigger raid the previous night" dates
    another raid.)"""
    if (
        sentence.index == 0
        or context is None
        or not _RECALLED_STRIKE.match(sentence.text)
        or any(m.value >= context[0] or m.precision == "day" for m in dates)
    ):
        return []
    before, _ = sentence_locations(
        doc.sentences[sentence.index - 1],
        doc.gazetteer,
        doc.article_regions,
        doc.descriptions,
        doc.named_places,
        people=doc.people,
    )
    return [replace(before[-1], start=_EVERY_CLAUSE)] if before else []


#: A site told as the place's own: "a local oil refinery", "the city's refinery".
_LOCAL_SITE = re.compile(r"\b(?:local|(?:city|town|region)['’]s)\s", re.IGNORECASE)


#: A place of the region just told that the report leaves unnamed: "a village in the
#: region", "two districts of the region".
_UNNAMED_IN_THE_REGION = re.compile(
    r"\b(?:a|an|one|two|three|four|several|some|other)\s+(?:[\w-]+\s+)?"
    r"(?:villages?|settlements?|towns?|districts?)\s+(?:in|of)\s+the\s+region\b",
    re.IGNORECASE,
)


def _unnamed_place_of(text: str, last: Location, gazetteer: Gazetteer) -> Location | None:
    """The region of the place told last, where the sentence strikes a place of it that it
    does not name ("a village in the region had been shelled"), with what was hit there."""
    if _UNNAMED_IN_THE_REGION.search(text) is None or last.place.admin1 is None:
        return None
    region = gazetteer.region(last.place.admin1, last.place.country)
    if region is None:
        return None
    return Location(region, *classify_target(text), start=_EVERY_CLAUSE)


def _local_site(text: str, last: Location, gazetteer: Gazetteer) -> list[Location]:
    """The known site of the place just told that a sentence naming no place calls its own
    ("the attack targeted a local oil refinery", "the target was the city's refinery"):
    the one site of that kind there, as if the sentence had named the place before it."""
    own = _LOCAL_SITE.search(text)
    if own is None or tells_an_alert(text):
        # "flights at the local airport were halted": the alert's reach, not a target.
        return []
    mention = PlaceMention(last.place, own.group(0), own.start(), own.end() - 1, False)
    site = locate(text, mention, gazetteer)
    if site is None or site.place.kind != "facility":
        return []
    return [replace(site, start=own.start(), within=None)]


def _aftermath_places(
    text: str,
    located: list[Location],
    draft: Draft | None,
    published: date,
    drafts: DraftIndex,
    *,
    identifies: bool,
    named_again: bool,
) -> list[Location]:
    """The towns or sites of a region-wide strike's region that the undated sentence after it
    names: the one it names with what the strike left there (a fire, damage, an explosion),
    the one known site of the region it names, the one it names beside the strike named
    again (``named_again``: "the incident was in X"), or those it says the strike was at
    ("identified as", "we are talking about")."""
    if draft is None or event_dates(text, find_dates(text, published)):
        return []
    if draft.place is None:
        # "The company was attacked by drones today." ... "The city of X, where the plant
        # is located": a strike told with no place is where the sentence says its site is;
        # "the incident occurred at the X refinery" names it again there.
        if not (identifies or named_again):
            return []
        # "in X, a village in the north of Y": the village, not its region too. A place
        # already struck in the article is described there, not identified ("the port city
        # of X, located in the Y region, hosts the fleet").
        return [
            w
            for w in located
            if not any(finer_place(o.place, w.place) for o in located)
            and not _struck_before(drafts, w.place)
        ]

    if draft.place.kind != "region":
        return []
    region = draft.place.admin1
    inside = [
        w
        for w in located
        if finer_place(w.place, draft.place) and region_holds(region, w.place.admin1)
    ]
    if identifies:
        return inside
    if len(inside) != 1:
        return []
    # A known site of the region needs no word of damage: "the ships at the Volna terminal".
    known_site = inside[0].place.kind == "facility"
    # The strike named again needs no word of damage: "the incident occurred in the town of X".
    return inside if known_site or named_again or outcome_at(text, _EVERY_CLAUSE) == "hit" else []


#: "no damage was caused where the debris fell": the remains fell and hit nothing.
_NOTHING_HIT = re.compile(
    r"\b(?:no|without)\s+(?:[\w-]+\s+){0,2}?(?:damage|destruction|casualties)\b", re.IGNORECASE
)


def _fell_from_the_downed(draft: Draft | None, text: str) -> TypeGuard[Draft]:
    """Whether a sentence naming no place tells what the remains of the drones just told
    downed over a town or site did there: a hit. (Of drones downed over several places
    listed together, where they fell is not told.)"""
    return (
        draft is not None
        and draft.outcome == "intercepted"
        and draft.place is not None
        and draft.place.kind != "region"
        and REMAINS.search(text) is not None
        and _NOTHING_HIT.search(text) is None
        and outcome_at(text, _EVERY_CLAUSE) == "hit"
    )


#: Towns of Ukraine's side that make a list of places struck one of Russia's strikes.
_UKRAINES_TOWNS_IN_A_LIST = 2


def _oblasts_kept(made: list[Draft], text: str) -> list[Draft]:
    """``made`` but a town named as its oblast is ("Donetsk", "Luhansk"), where the sentence
    lists towns of Ukraine's side struck and names no Ukrainian attacker ("people were
    killed in Donetsk and Chernihiv, and wounded in Zaporizhzhia"): such a list tells
    Russia's strikes, and the name stands for the oblast's Ukrainian-held part, not the
    occupied city."""
    held = [
        d
        for d in made
        if d.place is not None and d.place.kind != "region" and not on_russias_side(d)
    ]
    if len(held) < _UKRAINES_TOWNS_IN_A_LIST or UKRAINIAN_ATTACKER.search(text) is not None:
        return made
    return [d for d in made if d.place is None or not _named_as_its_oblast(d.place)]


def _named_as_its_oblast(place: Place) -> bool:
    return place.country == "UA" and names_its_region(place)


#: Russia's strikes given as the reason for Ukraine's: "in retaliation for Russian strikes".
_IN_RETURN_FOR = re.compile(
    r"\b(?:retaliation|response|revenge|reprisal|answer)\s+(?:for|to)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _russias_strike_told(text: str) -> re.Match[str] | None:
    """Russia's strike told as a noun ("a house damaged during a Russian military attack"),
    in a sentence that names no Ukrainian attacker and gives it as no reason for one."""
    if UKRAINIAN_ATTACKER.search(text):
        return None
    strike = RUSSIAN_STRIKE.search(text)
    if strike is None or ends_before(_IN_RETURN_FOR, text, strike.start()):
        return None
    return strike


def _struck_before(drafts: DraftIndex, place: Place) -> bool:
    """Whether the article has already placed a strike at this town or site (not only in
    its region)."""
    known = drafts.latest_at(place)
    return known is not None and known.place is not None and known.place.kind != "region"


def _outcome(text: str, where: Location | None, tally: bool) -> Outcome:
    """A region in a tally of regions, or a region or town drones were downed "over", was
    only flown over, unless its own clause says something was hit there; so was a region
    drones were counted as aimed at, with nothing told hit. Sites of a kind listed by region
    with no word of interception ("struck depots in the Kursk and Oryol regions") are
    strikes, not a tally."""
    if where is None:
        return outcome_at(text, _EVERY_CLAUSE)
    region = where.place.kind == "region"
    if (region or where.place.kind == "city") and (
        _flown_over(text, where) or (region and tally and not _struck_sites_by_region(text, where))
    ):
        hit = outcome_at(text, where.start, clause_only=True) == "hit"
        return "hit" if hit else "intercepted"
    outcome = outcome_at(text, where.start)
    if outcome == "unknown" and region and _DRONES_COUNTED_AT.search(text):
        # "Some 59 had targeted the region of Bryansk", "20 drones in Ryazan region": a
        # ministry's count of drones aimed at a region, nothing said to have been hit there.
        return "intercepted"
    if (
        outcome == "unknown"
        and (region or where.place.kind == "city")
        and named_as_destination(text, where.start)
    ):
        # "launched 25 drones and seven missiles, targeting Moscow, Leningrad, Belgorod":
        # where they were sent, with nothing told of them there, is no strike.
        return "intercepted"
    return outcome


def _struck_sites_by_region(text: str, where: Location) -> bool:
    return where.target_type != "unknown" and INTERCEPTION.search(text) is None


#: Drones counted as aimed at places: "some 59 had targeted", "20 drones targeted".
_DRONES_COUNTED_AT = re.compile(
    r"(?<![-/:.\d])\b\d+\s+(?:(?:[\w-]+\s+){0,2}?(?:drones|uavs)\s+)?(?:had\s+|have\s+|were\s+)?"
    r"(?:targeted|targeting|aimed\s+at|directed\s+at|heading\s+(?:for|towards?))\b"
    r"|\btargeted\s+(?:numerous|several|many|\d+)\s+regions\b",
    re.IGNORECASE,
)


def _flown_over(text: str, where: Location) -> bool:
    """Whether the place's own clause puts the drones "over" or "above" it."""
    if where.start == _EVERY_CLAUSE:
        return False
    left, _ = clause_span(text, where.start, where.start + 1)
    starts, ends = _overs(text)
    first = bisect_left(starts, left)
    if first < len(starts) and ends[first] <= where.start:
        return True
    # The word may also end where the name begins ("overKursk"), as the clause up to the
    # name would read it.
    return _OVER.search(text, max(left, where.start - len("above")), where.start) is not None


# Asked for each region of a sentence: where its words "over" and "above" stand, found once.
@per_text(maxsize=64)
def _overs(text: str) -> tuple[list[int], list[int]]:
    matches = list(_OVER.finditer(text))
    return [m.start() for m in matches], [m.end() for m in matches]


#: A side's version of a strike told against the other's: "Tass offered a different account,
#: saying that a fertilizer store exploded".
_ANOTHER_ACCOUNT = re.compile(
    r"\b(?:different|another|other|conflicting|competing|contrary)\s+(?:account|version)s?\b",
    re.IGNORECASE,
)
#: A period told back from the day of publication: "earlier this year", "last month", and
#: "strikes this weekend" in a report of the week after.
_PERIOD_BEFORE = re.compile(
    r"(?:last|earlier this) (?:month|year)|(?:this|last) weekend", re.IGNORECASE
)
#: Russia named as where: "previous attacks on oil refineries inside Russia" (not "in
#: Russia's Kursk region", "in Russia-annexed Crimea").
_COUNTRY_WIDE = re.compile(r"\b(?:in|inside|across|within|throughout) Russia\b(?!['’-])")
#: A fire told as still burning: the day counted back from it is its own strike's.
_STILL_BURNING = re.compile(
    r"\bstill\s+(?:[\w-]+\s+){0,3}?(?:fire|blaze|burning|ablaze|smou?ldering|flames)"
    r"|\bcontinu\w+\s+to\s+burn"
    r"|\b(?:has|have|had)\s+been\s+(?:burning|on\s+fire)",
    re.IGNORECASE,
)


class _SentenceDates:
    """What each date of a sentence goes with: its weapon and its places.

    What every date asks (which places no date's clause holds, where a list of places
    ends, where the dates end) is found once.
    """

    def __init__(self, text: str, located: list[Location], dates: list[DateMention]) -> None:
        # In text order (as the stages find them): the places of a clause stand together.
        self.located = sorted(located, key=lambda spot: spot.start)
        self.text, self.dates = text, dates
        self.starts = [spot.start for spot in self.located]
        self._everywhere = [spot for spot in self.located if spot.start == _EVERY_CLAUSE]
        self._ends = sorted(m.end for m in dates)
        self._date_starts = sorted(m.start for m in dates)
        self._unclaimed: list[Location | None] | None = None
        self._list_begin: dict[int, int] = {}
        self._list_end: dict[int, int] = {}

    def weapon(self, mention: DateMention, fallback: Weapon) -> Weapon:
        """With several dates, each date's own stretch of the sentence names its weapon:
        "hit by a truck bomb in October 2022 and by sea drones in July 2023"."""
        if len(self.dates) < 2:
            return fallback
        before = bisect_right(self._ends, mention.start)
        left = self._ends[before - 1] if before else 0
        own = weapon_named(self.text[left : mention.end])
        return own if own != "unknown" else fallback

    def places(self, mention: DateMention) -> list[Location | None]:
        """The places a date goes with: those in its own clause when the sentence has
        several dates or its date sits in a side clause, else every place no other date
        claims."""
        located, starts = self.located, self.starts
        if not located:
            return [None]
        left, right = date_span(self.text, mention)
        first, last = bisect_left(starts, left), bisect_left(starts, right)
        if (
            mention.counted
            and not leads(self.text, mention.start)
            and not _STILL_BURNING.search(self.text, 0, mention.start)
        ):
            # "X was hit, the governor said on Tuesday, a day after drones struck Y": the day
            # counted back is only the earlier strike's, told in its own clause. (Not "X was
            # still on fire, ten days after an attack": X's own strike.)
            return list(located[first:last]) or [None]
        own: list[Location | None] = [*self._everywhere, *located[first:last]]
        if not own and len(self.dates) > 1:
            # "On 21 January, drones attacked X, on 19 January - Y, and on 18 January - Z":
            # each date goes with the places between it and the next date.
            stretch = self._stretch(mention)
            if stretch:
                return stretch
        if not own and leads(self.text, mention.start):
            # "On Tuesday, a drone struck X that was hit on Sunday": a date leading the
            # sentence dates its main clause.
            return list(located)
        if not own:
            # No place stands in this date's clause: the places no date's clause holds.
            return self.unclaimed()
        if first == last:
            return own + self._struck_elsewhere(first, last)
        # A list of places ("over the Kursk, Bryansk and Oryol regions") runs on past the
        # commas that end the date's clause, and back past those that begin it: "oil depots
        # in Kursk, Oryol and Bryansk were hit on Sunday".
        begins, ends = self._list_begins(first, left), self._list_ends(last - 1)
        return (
            list(located[begins:first])
            + own
            + list(located[last:ends])
            + self._struck_elsewhere(begins, ends)
        )

    def _struck_elsewhere(self, first: int, last: int) -> list[Location | None]:
        """The sentence's only date dates every target whose own clause tells it hit: "On
        Sunday drones struck X, and a depot in Y caught fire"."""
        if len(self.dates) > 1:
            return []
        return [
            spot
            for spot in (*self.located[:first], *self.located[last:])
            if spot.start >= 0
            and spot.target_type != "unknown"
            and outcome_at(self.text, spot.start, clause_only=True) == "hit"
        ]

    def _stretch(self, mention: DateMention) -> list[Location | None]:
        """The places from a date to the next date of the sentence."""
        after = bisect_right(self._date_starts, mention.start)
        end = self._date_starts[after] if after < len(self._date_starts) else len(self.text)
        first, last = bisect_left(self.starts, mention.end), bisect_left(self.starts, end)
        return list(self.located[first:last])

    def unclaimed(self) -> list[Location | None]:
        if self._unclaimed is None:
            # How many dates' clauses hold each place: +1 where a clause begins, -1 after.
            change = [0] * (len(self.starts) + 1)
            for other in self.dates:
                left, right = date_span(self.text, other)
                change[bisect_left(self.starts, left)] += 1
                change[bisect_left(self.starts, right)] -= 1
            held = 0
            unclaimed: list[Location | None] = []
            for spot, step in zip(self.located, change, strict=False):
                held += step
                if not held:
                    unclaimed.append(spot)
            self._unclaimed = unclaimed or [None]
        return self._unclaimed

    def _list_begins(self, index: int, left: int) -> int:
        """Where the list of places that runs on to the place at ``index`` begins, no further
        back than the last date that ends by ``left``."""
        if index not in self._list_begin:
            begins = index
            while (
                begins > 0
                and self.located[begins - 1].start >= 0
                and _LIST_GAP.fullmatch(
                    self.text, self.located[begins - 1].start, self.located[begins].start
                )
            ):
                begins -= 1
            for member in range(begins, index + 1):
                self._list_begin[member] = begins
        # A place before another date's end belongs to that date's clause.
        before = bisect_right(self._ends, left)
        date_end = bisect_left(self.starts, self._ends[before - 1]) if before else 0
        return max(self._list_begin[index], min(date_end, index))

    def _list_ends(self, index: int) -> int:
        """Where the list of places that goes on from the place at ``index`` ends."""
        if index not in self._list_end:
            end = index + 1
            while end < len(self.located) and _LIST_GAP.fullmatch(
                self.text, self.located[end - 1].start, self.located[end].start
            ):
                end += 1
            for member in range(index, end):
                self._list_end[member] = end
        return self._list_end[index]
