"""Stage ``decisions``: which candidates are strikes, and one event per strike.

Candidates dated only by the day they were reported take the strike's day; Russia's strikes
on Ukrainian-held land are dropped; mentions of one strike merge, and undated, unlocated
reports of the same day fold into that day's located event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from .document import Draft
from .drafts import REPORT_LAG_DAYS, DraftIndex, homes_apart_from_a_site
from .places import (
    PlaceMention,
    find_place_mentions,
    finer_place,
    geo_precision,
    named_for,
    names_its_region,
    same_place,
    within_km,
)

if TYPE_CHECKING:
    from .document import Document

from ..articles import Article
from ..geo.frontline import measure_point
from ..geo.gazetteer import Gazetteer, Place, normalise, region_holds
from ..merge import compatible, km_apart, merge_events, same_strike
from ..model import (
    GEO_FACILITY,
    GEO_NONE,
    GEO_REGION,
    GEO_TOWN,
    Event,
    Source,
    TargetType,
    Weapon,
    before_the_war,
)
from .cues import (
    INDUSTRIES,
    REMAINS,
    TALLY_LINE,
    arms_plant_in,
    classify_target,
    outcome_at,
    says_what_a_store_held,
    tells_who_struck,
    told_vaguely,
    weapon_named,
)
from .dates import find_dates, outside_part_told, outside_weeks_told
from .lexicon import (
    ALERT_MEASURE,
    ARMS_CARGO,
    ATTACK,
    ATTACKER_VOICE,
    BY_THE_SITE,
    CAUSE_RULED_OUT,
    EARLIER_STRIKE,
    HABIT,
    IMPACT,
    INCIDENT_PLACED,
    INTERCEPTION,
    OCCUPIED_CUE,
    RUSSIAN_ATTACKER,
    RUSSIAN_STRIKE,
    TOLD_AS_ONE_OF_MANY,
    UKRAINIAN_ATTACKER,
)
from .scan import ends_before, per_text

#: An occupation cue right before a name: "Russian-occupied Zaporizhia".
_OCCUPIED_NAME = re.compile(
    "(?i:" + OCCUPIED_CUE.pattern + ")" + r"\s+(?:\w+\s+){0,3}?(?P<name>[A-Z][\w'’-]+)"
)

#: The next name of a list: ", Donetsk", ", and Zaporizhzhia", " and Kherson".
_LISTED_NAME = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<name>[A-Z][\w'’-]+)")

#: The last day number there is: no day comes after it.
_LAST_DAY = date.max.toordinal()


def decide(doc: Document) -> None:
    """Stage ``decisions``: which candidates are strikes, merged into ``doc.events``."""
    drafts = _fold_undated(doc.drafts)
    redate_reported(drafts)
    _date_nights_by_their_eve(drafts)
    _own_weapons_only_off_the_main_day(drafts)
    _missiles_of_other_places(drafts, doc.article_weapon)
    _own_weapon_over_borrowed(drafts)
    # A file photo's caption ("the refinery on Dec. 22, 2016") tells of no strike of the war.
    drafts = [d for d in drafts if not before_the_war(d.date, d.precision, doc.published)]
    drafts = [d for d in drafts if not _only_an_alert(d)]
    drafts = [d for d in drafts if not _only_described(d)]
    drafts = [d for d in drafts if not _cause_ruled_out(d)]
    drafts = [d for d in drafts if not _only_a_habit(d)]
    for draft in drafts:
        _to_occupied_part(draft, doc.gazetteer)
    # Russia's strikes on Ukrainian-held land are out of scope; the front line of the
    # strike's own date says which side a Ukrainian place was on.
    drafts = [d for d in drafts if on_russias_side(d) or _occupied_by_its_towns(d, doc)]
    lead = doc.lead
    if lead is not None:
        same_day = [d for d in drafts if (d.date, d.precision) == (lead.date, lead.precision)]
        if not drafts:
            drafts.append(lead)
        elif same_day:
            # The lead's words (its claims too) belong to the strike it announces.
            same_day[0].quotes.append(lead.quotes[0])
    _type_from_unplaced_damage(drafts, doc.unplaced_targets)
    _type_industrial_sites(drafts)
    _type_arms_plants(drafts, doc.article.text)
    _type_arms_cargo(drafts)
    _type_sites_named_again(drafts, doc.article.text)
    for draft in drafts:
        _attempt_on_a_site(draft)
    doc.events = consolidate([to_event(d, doc.article) for d in drafts])
    if _regions_to_their_towns(drafts, doc):
        doc.events = consolidate([to_event(d, doc.article) for d in drafts])


#: Words that make the name after them where something happened: "a fire at the site in
#: Sevastopol", "a facility near Staraya Nelidovka", "near the settlement of Frunze".
_TOLD_WHERE = re.compile(
    r"\b(?:in|at|near|outside|on the outskirts of)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:village|town|city|settlement|port)\s+of\s+)?$",
    re.I,
)
#: What a sentence tells of a strike's scene besides an attack: "flames billowing from the
#: site in X", "the incident occurred in the village of Y".
_SCENE_OF_A_STRIKE = re.compile(
    r"\b(?:flames?|smoke|fires?|blaze|explosions?|blasts?|incident)\b", re.IGNORECASE
)
#: How many sentences after a strike's own may tell where in its region it was.
_SCENE_SENTENCES = 2
#: How far from a town its own districts and suburbs may lie.
_TOWN_KM = 15.0


def _regions_to_their_towns(drafts: list[Draft], doc: Document) -> bool:
    """A strike told only by its region ("an oil depot in Crimea was set ablaze"), or by the
    town its region is named after ("a substation in Kursk"), took place in the one other
    town of that region that its sentence or the next two tell something happened in
    ("flames billowed from the site in Sevastopol"), when no other strike of the article is
    there. Only a region's strike that stands as an event of its own in
    ``doc.events`` is looked for in a town: one that folded into a site's strike was that
    strike. Whether any strike moved."""
    standing = {(e.place, e.date) for e in doc.events}
    taken = {d.place for d in drafts if d.place is not None}
    # A town whose namesake site another strike hit ("the Rovenky oil depot") is that
    # strike's place.
    sites = [place for place in taken if place.kind == "facility"]
    position = {sentence.text: sentence.index for sentence in doc.sentences}
    # Two strikes of one region may share their next sentences: each is read once.
    mentions: dict[int, list[PlaceMention]] = {}
    moved = False
    for draft in drafts:
        if (
            draft.place is None
            or not (draft.place.kind == "region" or names_its_region(draft.place))
            or draft.outcome != "hit"
            or (draft.place.name, draft.date) not in standing
        ):
            continue
        told = {position[quote] for quote in draft.quotes if quote in position}
        scene = {at + step for at in told for step in range(_SCENE_SENTENCES + 1)}
        towns = set()
        for sentence in doc.sentences:
            if sentence.index not in scene:
                continue
            if sentence.index not in mentions:
                mentions[sentence.index] = find_place_mentions(sentence.text, doc.gazetteer)
            towns |= {
                mention.place
                for mention in mentions[sentence.index]
                if mention.place.kind == "city"
                and mention.place not in taken
                and not any(named_for(mention.place, site, _TOWN_KM) for site in sites)
                and region_holds(draft.place.admin1, mention.place.admin1)
                and ends_before(_TOLD_WHERE, sentence.text, mention.start)
                # "Schools in Klintsy were closed": what happened there must be of a strike.
                and (
                    ATTACK.search(sentence.text) is not None
                    or _SCENE_OF_A_STRIKE.search(sentence.text) is not None
                    or outcome_at(sentence.text, mention.start) == "hit"
                )
                # A part of the town itself ("the Kirovsky district of Donetsk") is no
                # other place of its region.
                and (
                    draft.place.kind == "region"
                    or not within_km(draft.place, mention.place, _TOWN_KM)
                )
            }
        if len(towns) == 1:
            (draft.place,) = towns
            taken.add(draft.place)
            moved = True
    return moved


def _attempt_on_a_site(draft: Draft) -> None:
    """Drones shot down at a named site ("an attack on the refinery was repelled"), or at a
    region's air base ("Ukraine targeted airfields in the Ryazan region ... and was
    repelled"), are an attempted strike on it, its outcome unknown: an interception record
    is for drones downed over a region, on their way to a city or near a site. (A region's
    oil sites are many, and its "fuel and energy facilities" the words of its tallies.)"""
    if (
        draft.outcome == "intercepted"
        and draft.place is not None
        and (
            draft.place.kind == "facility"
            or (draft.place.kind == "region" and draft.target_type == "airbase")
        )
        and not draft.downed_near
    ):
        draft.outcome = "unknown"


def _only_an_alert(draft: Draft) -> bool:
    """A place found in a sentence that tells of measures against drones (airports closed,
    a warning issued), with no hit told there ("drones targeting Moscow forced the closure
    of its airports"): the alert's reach, not a strike."""
    return draft.outcome != "hit" and tells_an_alert(draft.quotes[0])


# Each sentence is asked of by every strike found in it.
@per_text(maxsize=64)
def tells_an_alert(quote: str) -> bool:
    """Whether a sentence tells a measure taken against drones (airports closed, traffic
    blocked, a warning issued)."""
    return ALERT_MEASURE.search(quote) is not None


def _only_described(draft: Draft) -> bool:
    """A place found in a sentence that tells of no attack, no damage and no weapon, beside
    a strike ("the port also hosts an oil terminal", "the peninsula is home to two depots"),
    with no hit told there: a place described, not struck. (A tally's line, "Rostov region:
    7", counts drones its heading told of.)"""
    first = draft.quotes[0]
    return (
        draft.outcome != "hit"
        and TALLY_LINE.match(first) is None
        and ATTACK.search(first) is None
        and IMPACT.search(first) is None
        and weapon_named(first) == "unknown"
        # "the incident occurred at the Ilsky refinery": the strike told before, placed.
        and INCIDENT_PLACED.search(first) is None
    )


def _cause_ruled_out(draft: Draft) -> bool:
    """A fire or blast whose own sentence rules out an attack as its cause ("a fire broke
    out at the refinery, unrelated to drone strikes"), and names no other weapon or
    attacker once that cause is set aside: an accident, not a strike."""
    return _rules_out_an_attack(draft.quotes[0])


@per_text(maxsize=64)
def _rules_out_an_attack(quote: str) -> bool:
    if CAUSE_RULED_OUT.search(quote) is None:
        return False
    rest = CAUSE_RULED_OUT.sub(" ", quote)
    return weapon_named(rest) == "unknown" and ATTACKER_VOICE.search(rest) is None


def _only_a_habit(draft: Draft) -> bool:
    """A place found only in sentences that tell a habit or a series ("in January the army
    was said to regularly prepare missiles at the base"), with no hit told there: a date
    beside a habit dates what was reported, not a strike."""
    return draft.outcome != "hit" and all(HABIT.search(quote) for quote in draft.quotes)


def _type_from_unplaced_damage(drafts: list[Draft], targets: list[TargetType]) -> None:
    """A strike on a town whose own sentences name no target takes the one kind of target
    that the article's damage told with no place names, when it is the article's only one;
    or the one kind the unplaced strikes of its day name, when it is the only strike placed
    that day ("an attack on a bakery killed 28", beside "a strike on Lysychansk")."""
    for draft in drafts:
        if (
            draft.place is None
            or not told_vaguely(draft.target_type, draft.target)
            or draft.outcome == "intercepted"
        ):
            continue
        day = (draft.date, draft.precision)
        of_day = [d for d in drafts if (d.date, d.precision) == day and d.outcome != "intercepted"]
        told = {(d.target_type, d.target) for d in of_day if d.place is None}
        told.discard(("unknown", None))
        if sum(d.place is not None for d in of_day) == 1 and len({k for k, _ in told}) == 1:
            draft.target_type, draft.target = min(told, key=lambda kind: kind[1] or "")
    kinds = set(targets)
    if len(kinds) != 1 or len(drafts) != 1:
        return
    (kind,) = kinds
    (draft,) = drafts
    if draft.target_type == "unknown" and draft.place is not None and draft.place.kind == "city":
        draft.target_type = kind


def _type_arms_plants(drafts: list[Draft], text: str) -> None:
    """A plant told only as a plant ("a chemical plant in Seltso") is an arms plant where
    the article says it makes arms, though not in the plant's own sentences; a known site
    keeps the kind it is known for."""
    for draft in drafts:
        if (draft.place is None or draft.place.kind != "facility") and arms_plant_in(
            text, draft.target_type, draft.target
        ):
            draft.target_type = "defense_industry"


def _type_arms_cargo(drafts: list[Draft]) -> None:
    """A strike on a train, a ship or a port that the article tells carried arms ("cruise
    missiles were destroyed when they were transported by rail", "a cargo vessel carrying
    ammunition") hit an arms store on the move: an ammunition target."""
    for draft in drafts:
        if draft.target_type in ("transport", "unknown") and any(
            ARMS_CARGO.search(quote) for quote in dict.fromkeys(draft.quotes)
        ):
            draft.target_type = "ammunition"


#: A site named again by its bare noun: "targeted the depot in Nova Kakhovka".
_THE_SITE = re.compile(r"\bthe (depot|warehouse|arsenal|facility|terminal)\b", re.IGNORECASE)


def _type_sites_named_again(drafts: list[Draft], text: str) -> None:
    """A strike on "the depot" whose sentence says no more is on the depot the article named
    before it ("reported destroying a Russian ammunition depot", then "a rocket strike
    targeted the depot in Nova Kakhovka"): of the kind the nearest such name tells."""
    for draft in drafts:
        if draft.target_type != "unknown":
            continue
        quote = draft.quotes[0]
        the_site = _THE_SITE.search(quote)
        at = text.find(quote)
        if the_site is None or at <= 0:
            continue
        named = _named_before(text, at, the_site.group(1).lower())
        if named is not None:
            draft.target_type, draft.target = named


def _named_before(text: str, end: int, noun: str) -> tuple[TargetType, str] | None:
    """The kind the last name of a site of this noun before ``end`` tells ("an ammunition
    depot"), if any."""
    names = re.finditer(rf"\b(?:[\w-]+\s+){{1,2}}{noun}\b", text[:end], re.IGNORECASE)
    for name in reversed(list(names)):
        kind, _ = classify_target(name.group(0))
        if kind != "unknown":
            return kind, name.group(0)
    return None


def _type_industrial_sites(drafts: list[Draft]) -> None:
    """A strike told only as on an "industrial" site ("drones attacked an industrial
    facility in Bryansk") hit what the article says was hit there that day ("the Kremniy El
    plant"), when it says one kind: of a town or a site, not of a whole region."""
    for draft in drafts:
        if draft.place is None or draft.target_type == "unknown":
            continue
        if not told_vaguely(draft.target_type, draft.target):
            continue
        kinds = {
            (other.target_type, other.target)
            for other in drafts
            if other.place is not None
            and other.place.kind != "region"
            and (other.date, other.precision) == (draft.date, draft.precision)
            and same_place(other.place, draft.place)
            and other.target_type in INDUSTRIES
            and not told_vaguely(other.target_type, other.target)
        }
        if len({kind for kind, _ in kinds}) == 1:
            draft.target_type, draft.target = min(kinds, key=lambda k: k[1] or "")


def _fold_undated(drafts: list[Draft]) -> list[Draft]:
    """A headline or lead that names no date ("Russia admits damage at the Dyagilevo
    airfield") tells of the strike the article dates elsewhere at that place, not of one on
    the day of publication."""
    kept: list[Draft] = []
    dated = DraftIndex()
    for draft in drafts:
        # A strike told as earlier ("the previous day", "earlier this month") is not the one
        # the lead announces; nor is one told only by its month ("attacked this month",
        # "in October of last year"), which the article recalls beside its news.
        if (
            not draft.undated
            and draft.precision == "day"
            and not _told_as_earlier(draft.quotes)
            # Drones shot down over a region or a town on a day tell of no strike on it: a
            # headline's hit ("shelled the centre of X") is not the night before's
            # interceptions over X's region. (At a site they are an attempt on the site.)
            and not (
                draft.outcome == "intercepted"
                and draft.place is not None
                and draft.place.kind != "facility"
            )
        ):
            dated.add(draft)
    # The dated strikes of each day in each region, for a headline's "Voronezh" that names
    # the region of the strike its article places in a town there.
    # Keyed by precision too: a month's strike ("in October") is no day's, though its date
    # is the month's first day.
    in_region: dict[tuple[str, date, str], Draft] = {}
    for draft in drafts:
        if (
            not draft.undated
            and draft.place is not None
            and draft.place.admin1 is not None
            # Drones downed over the region are no strike the headline's town could name.
            and not (draft.outcome == "intercepted" and draft.place.kind != "facility")
        ):
            in_region.setdefault((draft.place.admin1, draft.date, draft.precision), draft)
    for draft in drafts:
        latest = (
            # A place's own dated strike first: "a substation in Samara" is Samara's, not the
            # refinery's near it nor the region's.
            (draft.place.kind == "city" and dated.latest_here(draft.place))
            or dated.latest_at(draft.place)
            if draft.undated and draft.place is not None
            else None
        )
        if (
            latest is not None
            and draft.place is not None
            and draft.outcome == "hit"
            and homes_apart_from_a_site(draft.place, draft.target_type, latest)
        ):
            # "residential buildings were damaged in the Morozovsky district", of a report
            # on the Morozovsk air base.
            latest = None
        region = _region_it_names(draft.place) if latest is None and draft.undated else None
        if region is not None:
            latest = in_region.get((region, draft.date, draft.precision))
        if latest is not None:
            latest.quotes.extend(draft.quotes)
            latest.add_outcome(draft.outcome)
            if not draft.weapon_borrowed:
                latest.add_weapon(draft.weapon)
            if (
                region is None
                and draft.place is not None
                and finer_place(draft.place, latest.place)
            ):
                # The lead names the site ("the Soltsy airfield"), the dated line only its
                # region: the strike is at the site. (A namesake town named the region.)
                dated.move(latest, draft.place)
                if draft.target_type != "unknown":
                    dated.retype(latest, draft.target_type, draft.target)
            elif latest.target_type == "unknown" and draft.target_type != "unknown":
                # The lead says what was hit ("damage to a residence"), the dated line only
                # where: the strike hit what the lead names.
                dated.retype(latest, draft.target_type, draft.target)
        else:
            kept.append(draft)
    return kept


def _region_it_names(place: Place | None) -> str | None:
    """The region a town is the namesake of ("Voronezh", of the Voronezh region), if any."""
    if place is None or place.kind != "city" or place.admin1 is None:
        return None
    return place.admin1 if _region_it_names_by(place.name, place.admin1) else None


def _region_it_names_by(name: str | None, region: str) -> bool:
    """Whether the place called ``name`` gives its name to ``region``."""
    return name is not None and normalise(region).startswith(normalise(name) + " ")


def _own_weapons_only_off_the_main_day(drafts: list[Draft]) -> None:
    """The weapon the article names most is the one of the strike it is about: a strike of
    another day that its own sentences arm with nothing ("the refinery was also hit in May")
    keeps an unknown weapon."""
    days = Counter(d.date for d in drafts if d.precision == "day" for _ in d.quotes)
    if not days:
        return
    main_day = max(days, key=lambda day: (days[day], day))
    for draft in drafts:
        # A strike of the day before or after is the same night's wave, told by its other
        # date ("overnight", "on Friday"): the article's weapon is its weapon too.
        if draft.weapon_borrowed and abs((draft.date - main_day).days) > 1:
            draft.weapon = "unknown"


def _missiles_of_other_places(drafts: list[Draft], weapon: Weapon) -> None:
    """Missiles are fired at a target: when every strike sentence that names the article's
    missiles tells of them at another place ("Neptune missiles struck the Bryansk region"),
    a strike whose own sentences name no weapon ("an oil depot in the Saratov region was
    hit") was not shown to be theirs, and keeps an unknown weapon. (Drones come in waves
    over many regions at once: the article's drones still arm every strike of the night.)"""
    if weapon != "missile":
        return
    armed = {quote for draft in drafts for quote in draft.quotes if weapon_named(quote) == weapon}
    owners = [
        d
        for d in drafts
        if d.place is not None
        and d.weapon == weapon
        and not d.weapon_borrowed
        and d.outcome != "intercepted"
    ]
    if not armed:
        return
    for draft in drafts:
        if not draft.weapon_borrowed or draft.place is None:
            continue
        here = draft.place
        if all(
            any(text in o.quotes and o.place and not same_place(o.place, here) for o in owners)
            for text in armed
        ):
            draft.weapon = "unknown"
            draft.weapon_borrowed = False


def _own_weapon_over_borrowed(drafts: list[Draft]) -> None:
    """A strike whose own sentences tell its weapon ("sea drones hit the bridge"), or tell it
    as shelling or by the unit that struck, which names none, was made with that: another
    mention of the same strike that only borrowed the article's weapon ("Monday's attack on
    the bridge", in a report of drones downed elsewhere) takes it, rather than giving the
    article's weapon to the strike when the mentions merge. The same strike: the same place
    and day, or a region and a place in it on that day. Where the strike's own sentences
    tell two weapons, the borrowed one stays."""
    # The weapons told at each place, in each region at any of its places, and of each
    # region as a whole, by day.
    at_place: dict[tuple[date, str, Place], set[Weapon]] = {}
    in_region: dict[tuple[date, str, str], set[Weapon]] = {}
    of_region: dict[tuple[date, str, str], set[Weapon]] = {}
    for draft in drafts:
        place = draft.place
        if draft.weapon_borrowed or place is None:
            continue
        if draft.weapon == "unknown" and not any(tells_who_struck(q) for q in draft.quotes):
            continue
        day = (draft.date, draft.precision)
        at_place.setdefault((*day, place), set()).add(draft.weapon)
        if place.admin1 is not None:
            in_region.setdefault((*day, place.admin1), set()).add(draft.weapon)
        if place.kind == "region" and place.admin1 is not None:
            of_region.setdefault((*day, place.admin1), set()).add(draft.weapon)
    for draft in drafts:
        place = draft.place
        if not draft.weapon_borrowed or place is None:
            continue
        day = (draft.date, draft.precision)
        if place.kind == "region":
            weapons = in_region.get((*day, place.admin1 or ""), set())
        else:
            weapons = at_place.get((*day, place), set()) | of_region.get(
                (*day, place.admin1 or ""), set()
            )
        if len(weapons) == 1 and draft.weapon not in weapons:
            (draft.weapon,) = weapons
            draft.weapon_borrowed = False


def to_event(draft: Draft, article: Article) -> Event:
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
        outcome=draft.outcome,
    )


#: A line that says when the strike just told happened: "The attack took place on Monday".
_TOLD_WHEN = re.compile(
    r"\W*(?:the\s+|this\s+)?(?:[\w-]+\s+)?(?:strike|attack|shelling|explosions?|blasts?)\s+"
    r"(?:took\s+place|happened|occurred)\b",
    re.IGNORECASE,
)


def redate_reported(drafts: list[Draft]) -> None:
    """A strike dated only by the day it was reported takes the day the article later gives
    it: "the air force said on Sunday ...", then "the base was hit on Saturday" (or, with no
    place, "a ship had been struck on Saturday"); so does a headline dated only by the day
    of publication, from a line that says when the strike took place."""
    # By day number: each reported draft looks up the days just before its own.
    told: dict[int, list[Draft]] = {}
    for d in drafts:
        # Drones shot down on a day tell of no strike on it ("drones were destroyed during
        # the previous night"): a strike reported the next day is not dated by them.
        if d.precision == "day" and not (d.counted or d.reported) and d.outcome != "intercepted":
            told.setdefault(d.date.toordinal(), []).append(d)
    for draft in drafts:
        if not ((draft.reported or draft.undated) and draft.precision == "day"):
            continue
        if draft.place is None:
            _redate_unplaced(draft, told)
            continue
        earlier = [
            d
            for lag in range(1, REPORT_LAG_DAYS + 1)
            for d in told.get(draft.date.toordinal() - lag, ())
        ]
        if not draft.reported:
            # A headline dated by publication only ("Luhansk shelled") takes the day of a
            # line that says when the strike took place ("The shelling took place
            # yesterday"); a dated strike at its place would have taken it in already.
            earlier = [d for d in earlier if d.place is None and _TOLD_WHEN.match(d.quotes[0])]
        place = draft.place
        if any(
            d is not draft and d.place is not None and same_place(d.place, place)
            for d in told.get(draft.date.toordinal(), ())
        ):
            # "said on Tuesday", then "... this morning" at a town of its region: the
            # article tells the strike on the day it was reported.
            continue
        here = [d for d in earlier if d.place is not None and same_place(d.place, place)]
        unplaced = [d for d in earlier if d.place is None]
        for candidates in (here, unplaced):
            if candidates:
                draft.date = max(d.date for d in candidates)
                break


def _date_nights_by_their_eve(drafts: list[Draft]) -> None:
    """A strike dated by the morning a night ends on ("on the night of 14-15 August") takes
    the night's first day when the article tells a strike at the same place on it ("on 14
    August the port was struck"): both tell one night's strike."""
    # By day number: each night looks up the places told on the day before its morning.
    told: dict[int, list[Place]] = {}
    for d in drafts:
        if d.precision == "day" and d.place is not None and not d.night:
            told.setdefault(d.date.toordinal(), []).append(d.place)
    for draft in drafts:
        if not (draft.night and draft.precision == "day" and draft.place is not None):
            continue
        eve = draft.date.toordinal() - 1
        place = draft.place
        if any(same_place(other, place) for other in told.get(eve, ())):
            draft.date = date.fromordinal(eve)


def _redate_unplaced(draft: Draft, told: dict[int, list[Draft]]) -> None:
    """A headline or lead that names no place, dated only by the day it was reported or
    published ("a tanker damaged in a drone attack", "the refinery has halted a unit, sources
    said on Monday"), tells of the strikes the article places a day or two before, when it
    places none on its own day: it takes their day, and with it folds into them."""
    day = draft.date.toordinal()
    if any(d.place is not None for d in told.get(day, ())):
        return
    for lag in range(1, REPORT_LAG_DAYS + 1):
        if any(d.place is not None for d in told.get(day - lag, ())):
            draft.date = date.fromordinal(day - lag)
            return


@per_text(maxsize=256)
def _tells_occupied(quote: str) -> bool:
    return OCCUPIED_CUE.search(quote) is not None


#: Letters of a town's name enough to know it in another spelling ("Zaporizhia").
_STEM_LETTERS = 5


#: A town this near the front line is one the line is drawn through ("Kakhovka"): the line
#: puts it on neither side.
_ON_THE_LINE_KM = 1.0


# Each sentence is asked of by every strike found in it.
@per_text(maxsize=64)
def _names_told_occupied(quote: str) -> tuple[str, ...]:
    """The names a sentence tells as occupied ("Russian-occupied Zaporizhia"), normalised; a
    list after the cue shares it ("Russian-controlled areas of Luhansk, Donetsk, and
    Zaporizhzhia")."""
    names = []
    for match in _OCCUPIED_NAME.finditer(quote):
        names.append(match.group("name"))
        end = match.end()
        while (more := _LISTED_NAME.match(quote, end)) is not None:
            names.append(more.group("name"))
            end = more.end()
    return tuple(normalise(name) for name in names)


def _to_occupied_part(draft: Draft, gazetteer: Gazetteer) -> None:
    """ "Russian-occupied Zaporizhia", its city on Ukraine's side: the occupied part of the
    city's region. A town the front line is drawn through, told occupied ("the occupied
    Kakhovka"), is itself on the occupied side: the line cannot say which side it is on
    (unless the town names its region too, as Kherson does)."""
    place = draft.place
    if place is None or place.country != "UA" or place.occupied or place.kind != "city":
        return
    stem = normalise(place.name)[:_STEM_LETTERS]
    told = any(
        name.startswith(stem)
        for quote in dict.fromkeys(draft.quotes)
        for name in _names_told_occupied(quote)
    )
    if not told or not place.admin1:
        return
    measured = measure_point(place.lat, place.lon, draft.date)
    if measured.side == "occupied":
        return
    # "occupied Kherson" names the region as well as its capital: the occupied part is meant.
    if measured.front_km <= _ON_THE_LINE_KM and not normalise(place.admin1).startswith(stem):
        draft.place = replace(place, occupied=True)
        return
    region = gazetteer.region(place.admin1, "UA")
    if region is not None:
        draft.place = region


def on_russias_side(draft: Draft) -> bool:
    place = draft.place
    if place is None or place.country != "UA" or place.occupied:
        return True
    if place.kind == "region":
        # A region of Ukraine is a strike on Russia's side only when told as occupied: the
        # front crosses Kherson, Zaporizhzhia and Donetsk regions, whose middle says nothing
        # of a side. (A strike told many times in one long sentence holds it as many times:
        # read it once.)
        return any(_tells_occupied(quote) for quote in dict.fromkeys(draft.quotes))
    # A town or a site: the front line of the day says, not a word elsewhere in the sentence
    # ("Kyiv [Ukraine]: ... a port in the occupied Crimean peninsula").
    measured = measure_point(place.lat, place.lon, draft.date)
    if measured.side == "occupied":
        return True
    # A town the line is drawn through (the towns of the occupied bank of the Dnipro are its
    # points there) may fall on either side of it: the words say whose strike it was.
    return measured.front_km <= _ON_THE_LINE_KM and any(
        _ukraines_strike(quote) for quote in dict.fromkeys(draft.quotes)
    )


def _occupied_by_its_towns(draft: Draft, doc: Document) -> bool:
    """Whether a strike told by a region of Ukraine is on its occupied part by the towns of
    the region its sentence or the next two name, all on Russia's side of the front of the
    day ("Ukrainian drones struck critical infrastructure ... Power has been lost in
    Melitopol, Enerhodar"): the region's name alone says nothing of a side."""
    region = draft.place
    if (
        region is None
        or region.kind != "region"
        or region.country != "UA"
        # "killed in shelling by Russian forces": Russia's strike, whatever towns follow.
        or any(RUSSIAN_ATTACKER.search(q) or RUSSIAN_STRIKE.search(q) for q in draft.quotes)
    ):
        return False
    told = {s.index for s in doc.sentences if s.text in draft.quotes}
    towns = {
        mention.place
        for sentence in doc.sentences
        if any(0 <= sentence.index - at <= _SCENE_SENTENCES for at in told)
        for mention in find_place_mentions(sentence.text, doc.gazetteer)
        if mention.place.kind == "city"
        and mention.place.admin1 == region.admin1
        # "Donetsk" of "the Donetsk and Luhansk oblasts" names the region again.
        and not names_its_region(mention.place)
    }
    return bool(towns) and all(
        town.occupied or measure_point(town.lat, town.lon, draft.date).side == "occupied"
        for town in towns
    )


def _ukraines_strike(quote: str) -> bool:
    """Whether a sentence tells Ukraine's strike or an occupied place, and no Russian one."""
    return (_tells_occupied(quote) or UKRAINIAN_ATTACKER.search(quote) is not None) and not (
        RUSSIAN_ATTACKER.search(quote) or RUSSIAN_STRIKE.search(quote)
    )


def consolidate(events: list[Event]) -> list[Event]:
    """Merge an article's mentions of one strike; fold unlocated same-day mentions in.

    Within one article, dates must be the same to the day (or the same month at month
    precision): an article that says "earlier in July" beside "on Sunday" speaks of two strikes.
    """
    merged: list[Event] = []
    # A day's mentions with no place and nothing of Russia's side: they add no event, but
    # may tell what happened at the day's only strike.
    unsided: list[Event] = []
    # Every merge is of one date and precision, which merging keeps: each event is compared
    # with the merged events of its own day (or month, or year) only.
    of_date: dict[tuple[date, str], list[int]] = {}
    for event in sorted(events, key=lambda e: (not e.located, e.geo_precision)):
        day = (event.date, event.date_precision)
        for index in (*of_date.get(day, ()), *_days_near(of_date, event)):
            known = merged[index]
            if (
                (same_strike(known, event) and not _two_towns(known, event))
                or _folds_into(event, known)
                or _told_twice(event, known)
                or _namesake_of_a_site(event, known)
            ):
                merged[index] = _merge(known, event)
                break
        else:
            # Unlocated mentions less precise than a day, or with nothing putting them on
            # Russia's side, locate and date nothing.
            if event.located or (event.date_precision == "day" and event.country):
                of_date.setdefault(day, []).append(len(merged))
                merged.append(event)
            elif event.date_precision == "day":
                unsided.append(event)
    return sorted(
        _fold_coarse_dates(_fold_unplaced_into_only_strike(merged, unsided)),
        key=lambda e: (e.date, e.place or ""),
    )


def _merge(known: Event, event: Event) -> Event:
    """:func:`merge_events`, but a store told by a bare noun ("warehouses in Toropets") is the
    store of arms or fuel another mention of the same strike says it was ("a weapons depot
    in the Tver region")."""
    merged = merge_events(known, event)
    for bare, full in ((known, event), (event, known)):
        if says_what_a_store_held(full.target_type, bare.target_type, bare.target):
            return merged.with_changes(target_type=full.target_type, target=full.target)
    return merged


def _told_twice(event: Event, known: Event) -> bool:
    """One article's two mentions of a place on one day are one strike, whatever weapon
    each names: "sea drones hit the base" and "two drones were destroyed" of the same
    attack, told by each side."""
    return (
        event.located
        and event.place == known.place
        and (event.date, event.date_precision) == (known.date, known.date_precision)
        and compatible(event.target_type, known.target_type)
    )


def _namesake_of_a_site(event: Event, known: Event) -> bool:
    """A city named like its region ("Volgograd", "Bryansk"), told with no target, or with
    the site's own target under the same noun ("residents in Tula saw fire trucks at the
    plant"), on a day on which the article places a strike at a known site of that region,
    is that strike told by the city's name: the city or region it stands for, not a second
    strike. A target of its own ("a business centre in Belgorod") is another strike."""
    return (
        event.geo_precision == GEO_TOWN
        and (event.target_type == "unknown" or _same_target_told(event, known))
        and known.geo_precision == GEO_FACILITY
        and (event.date, event.date_precision) == (known.date, known.date_precision)
        and event.admin1 is not None
        and event.admin1 == known.admin1
        and _region_it_names_by(event.place, event.admin1)
    )


def _same_target_told(event: Event, known: Event) -> bool:
    """Whether ``event`` names ``known``'s kind of target by a noun of ``known``'s target
    words ("the plant" of "the Alekseyevsky Chemical Plant", "vessels" of "two vessels")."""
    if not event.target or not known.target:
        return False
    if event.target_type != known.target_type and not (
        # "the plant" says nothing of what it makes: any industry's site.
        known.target_type in INDUSTRIES and told_vaguely(event.target_type, event.target)
    ):
        return False
    head = _nouns(event.target)[-1:]
    return bool(head) and head[0] in _nouns(known.target)


def _nouns(words: str) -> list[str]:
    """A target's words in lower case, a plural's "s" dropped ("airfields": "airfield")."""
    return [
        word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        for word in re.findall(r"[a-z]+", words.lower())
    ]


def _two_towns(a: Event, b: Event) -> bool:
    """Whether two events of one article are placed at two towns it names apart ("Makiivka"
    and "Donetsk"): two strikes, however near the towns. So are a town and a site beyond the
    town's reach that one sentence tells apart ("explosions in Yevpatoria, ..., Saky and the
    Kirovske district", of the Saky and Kirovske air bases, 22 km from Yevpatoria and
    Feodosia); a site named after the town is the town's."""
    if a.geo_precision == b.geo_precision == GEO_TOWN:
        return a.place != b.place
    town, site = (a, b) if a.geo_precision == GEO_TOWN else (b, a)
    return (
        town.geo_precision == GEO_TOWN
        and site.geo_precision == GEO_FACILITY
        and town.quote == site.quote != ""
        and normalise(town.place or "") not in normalise(site.place or "")
        and km_apart(town, site) > _TOWN_KM
    )


def _fold_unplaced_into_only_strike(events: list[Event], unsided: list[Event]) -> list[Event]:
    """An unlocated mention of a day on which the article places exactly one strike is that
    strike told without its place, whatever target it names ("a drone attack in western
    Russia caused a fire at an oil depot", then the town): a second event with no point on
    the map would be a strike nobody reported. On a day with several placed strikes it is
    one of them, or all of them summed up ("the operation damaged 40 aircraft"), and adds
    no event of its own. On a day with none, it stands only as Ukraine's strike
    (:func:`_stands_unplaced`).

    A mention that names neither a place nor Russia (``unsided``: "debris sparked a fire at
    an oil depot", after "six drones were shot down over the Voronezh region") folds the
    same way into its day's only placed strike, and is dropped on any other day: on its own
    it could be anyone's strike."""
    located: dict[tuple[date, str], list[int]] = {}
    for index, event in enumerate(events):
        if event.located:
            located.setdefault((event.date, event.date_precision), []).append(index)
    folded = list(events)
    # An unsided mention's index lies past the events': marking it gone drops nothing more.
    gone: set[int] = set()
    for index, event in enumerate((*events, *unsided)):
        same_day = located.get((event.date, event.date_precision), [])
        if event.located:
            continue
        if not same_day:
            if not _stands_unplaced(event):
                gone.add(index)
            continue
        if len(same_day) == 1 and not _only_downed_there(event, folded[same_day[0]]):
            folded[same_day[0]] = _merge(folded[same_day[0]], event)
        gone.add(index)
    return [event for index, event in enumerate(folded) if index not in gone]


def _stands_unplaced(event: Event) -> bool:
    """Whether an attack told with no place, on a day the article places none, is a strike of
    its own: a hit by a weapon it names ("sea drones hit a Russian port"), or a hit or a
    target told with Ukraine or its forces named as the attacker. With no place, no hit and
    no target ("Friday's assault involved 121 drones") there is nothing to map or count;
    with neither weapon nor attacker named, a blast at "an industrial plant" may be an
    accident."""
    if event.outcome == "hit" and event.weapon != "unknown":
        return True
    quotes = [quote for source in event.sources for quote in source.quotes]
    return (event.outcome == "hit" or event.target_type != "unknown") and any(
        ATTACKER_VOICE.search(quote) for quote in quotes
    )


def _fold_coarse_dates(events: list[Event]) -> list[Event]:
    """A month- or year-precise mention of a place struck on a day of that period, in the
    same article, is that strike told loosely ("late last year", "in December"): a point on
    the 1st of the month beside the dated one would be a strike nobody reported. A period
    told as earlier ("earlier this month"), or a part of the month the day lies outside ("in
    early August" beside 28 August), is another strike and stays."""
    folded = [e for e in events if e.date_precision == "day"]
    days = len(folded)
    for event in events:
        if event.date_precision == "day":
            continue
        told = [(q, s.published) for s in event.sources for q in s.quotes]
        quotes = [q for q, _ in told]
        into = (
            next(
                (
                    i
                    for i in range(days)
                    if same_strike(folded[i], event)
                    and not any(outside_part_told(q, event.date, folded[i].date) for q in quotes)
                    # Of the very place, a strike told both ways is one misdated strike.
                    and not (
                        folded[i].place != event.place
                        and any(
                            outside_weeks_told(q, on, folded[i].date)
                            for q, on in told
                            if on is not None
                        )
                    )
                ),
                None,
            )
            if event.located and not _told_as_earlier(quotes) and not _told_of_many(event)
            else None
        )
        if into is None:
            folded.append(event)
        else:
            folded[into] = _merge(folded[into], event)
    return folded


def _told_of_many(event: Event) -> bool:
    """Whether the sentence that tells a period's strike at a place tells several there in
    that period ("struck twice this month", "attacks are not new there: in May ..."): the
    period's strikes, recalled beside the day's news, not the day's strike told loosely."""
    return any(
        TOLD_AS_ONE_OF_MANY.search(quote) is not None
        and any(
            (mention.value, mention.precision) == (event.date, event.date_precision)
            for mention in find_dates(quote, source.published)
        )
        for source in event.sources
        if source.published is not None
        for quote in source.quotes[:1]
    )


def _told_as_earlier(quotes: Iterable[str]) -> bool:
    """Whether a strike's sentences tell it as an earlier one ("earlier this month")."""
    return any(EARLIER_STRIKE.search(quote) for quote in quotes)


def _days_near(of_date: dict[tuple[date, str], list[int]], event: Event) -> list[int]:
    """For a region's report of a day, the merged events of the days around it."""
    if event.geo_precision != GEO_REGION or event.date_precision != "day":
        return []
    # By day number: near the first and the last day of the calendar there are fewer days.
    day = event.date.toordinal()
    near = range(max(1, day - REPORT_LAG_DAYS), min(_LAST_DAY, day + REPORT_LAG_DAYS) + 1)
    return [
        index
        for number in near
        if number != day
        for index in of_date.get((date.fromordinal(number), "day"), ())
    ]


def _told_of_nearby_day(event: Event, known: Event) -> bool:
    """A region's report a day or two from a named place's strike tells of that strike,
    unless it tells of another: another kind of target, or missiles shot down over it."""
    return (
        event.date_precision == "day"
        and abs((event.date - known.date).days) <= REPORT_LAG_DAYS
        and compatible(event.target_type, known.target_type)
        and not any(INTERCEPTION.search(q) for s in event.sources for q in s.quotes)
    )


def _folds_into(event: Event, known: Event) -> bool:
    """An unlocated mention of the same day and target as a located strike (whatever weapon
    it names: "drones and missiles" are told one at a time); or a region's report
    (interceptions over it) of a day on which, or of a report a day or two from one on which,
    a named place in it was hit ("Crimea was attacked" of the strike on its port)."""
    if (
        event.geo_precision == GEO_REGION
        and known.located
        and known.place != event.place
        and region_holds(event.admin1, known.admin1)
        and event.date_precision == known.date_precision
        and (event.date == known.date or _told_of_nearby_day(event, known))
        and not _homes_hit_apart(event, known)
    ):
        return True
    return (
        not event.located
        and known.located
        and event.date == known.date
        and event.date_precision == known.date_precision
        and event.target_type in (known.target_type, "unknown")
        and not _only_downed_there(event, known)
    )


def _homes_hit_apart(event: Event, known: Event) -> bool:
    """Whether a region's report tells homes hit there ("debris damaged a residential
    building", "a village in the region was shelled, damaging three homes") beside a strike
    at a place of it on another kind of target: a strike of its own, not that one's."""
    return (
        event.target_type == "residential" != known.target_type
        and event.outcome == "hit"
        # "houses near the port were damaged": the strike's own toll, told by its region.
        and not any(BY_THE_SITE.search(q) for source in event.sources for q in source.quotes)
    )


def _only_downed_there(event: Event, known: Event) -> bool:
    """Whether ``known`` tells only of drones downed and ``event``, a mention with no place,
    is no strike of it: ``event`` tells of no hit ("Ukraine attacked Russia overnight", "the
    air defences also shot down a bomb"), which folded in would make the interception a
    strike of unknown outcome; or ``known`` counts drones downed over a region and ``event``
    tells a hit with no word of what fell of them ("one person died in shelling", after "57
    drones were shot down over the Krasnodar region"): a region's tally is no strike, only
    the debris of its drones hits there."""
    if known.outcome != "intercepted":
        return False
    if event.outcome != "hit":
        return True
    return known.geo_precision == GEO_REGION and not any(
        REMAINS.search(quote) for source in event.sources for quote in source.quotes
    )
