"""The document that flows through the extraction stages, and the drafts they build."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..articles import Article
from ..geo.gazetteer import Gazetteer, Place
from ..model import DatePrecision, Event, Outcome, TargetType, Weapon, stronger_outcome
from .text import Sentence


@dataclass
class Draft:
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
    outcome: Outcome = "unknown"
    #: A lead that names no date: dated by the publication, for want of a better day.
    undated: bool = False
    #: The weapon is the article's, its own sentences naming none.
    weapon_borrowed: bool = False
    #: Dated by the morning a night ends on ("the night of 14-15 August"): a strike told at
    #: its place on the day before is the same night's.
    night: bool = False
    #: Told as downed near a site ("a drone was shot down near the Belbek airfield"), not at
    #: it: drones on their way, not an attempted strike on the site.
    downed_near: bool = False

    def add_weapon(self, weapon: Weapon) -> None:
        """A further mention of the strike that names its weapon (an undated headline or
        lead: "a drone hits the power plant") arms a strike its dated sentences left unarmed
        or armed only with the weapon the article names most."""
        if weapon != "unknown" and (self.weapon == "unknown" or self.weapon_borrowed):
            self.weapon = weapon
            self.weapon_borrowed = False

    def add_outcome(self, outcome: Outcome) -> None:
        """A further mention of the strike in the same article: a hit anywhere makes it a hit;
        a mention that tells nothing of the outcome leaves an interception told before.

        "Drones attacked Crimea", then "ten were shot down over Crimea": an attack told later
        as shot down is an interception. (At a site it is still an attempt on the site: the
        decisions stage says so of every site's interception.)
        """
        if self.outcome == "unknown":
            self.outcome = outcome
        elif outcome != "unknown":
            self.outcome = stronger_outcome(self.outcome, outcome)


@dataclass
class Document:
    """One article on its way through the stages: each stage reads what the ones before it
    set and adds its own part."""

    article: Article
    gazetteer: Gazetteer
    #: What relative dates resolve against: the publication date, else today.
    published: date
    sentences: list[Sentence] = field(default_factory=list)
    #: Regions the article names anywhere: they settle which of two same-named towns it means.
    article_regions: frozenset[str] = frozenset()
    #: Descriptions that stand for a place in this article: "the capital", "the peninsula".
    descriptions: tuple[tuple[re.Pattern[str], Place], ...] = ()
    #: Facilities and towns the article names anywhere: of several sites in a region, the one
    #: it means, and the towns a store told only by its region may stand at.
    named_places: frozenset[Place] = frozenset()
    #: Surnames of the people the article names in full ("Alexander Gusev"): such a word
    #: standing alone is the person, not a town of that name.
    people: frozenset[str] = frozenset()
    #: The weapon the article's strike sentences name most: a sentence naming none takes it.
    article_weapon: Weapon = "unknown"
    #: The kinds of target that damage told with no place names ("a residential building
    #: took a direct hit"), in text order.
    unplaced_targets: list[TargetType] = field(default_factory=list)
    #: Set by a stage that finds the article reports no strike: later stages do nothing.
    no_strike: bool = False
    drafts: list[Draft] = field(default_factory=list)
    lead: Draft | None = None
    events: list[Event] = field(default_factory=list)
