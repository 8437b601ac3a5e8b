"""Extraction as a pipeline: one document flows through named stages, in order.

Like a spaCy pipeline, each stage is a function of the :class:`Document` that reads what
the stages before it set and adds its own part; each can be run and tested alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from ..articles import Article
from ..geo.gazetteer import Gazetteer, Place, default_gazetteer
from ..geo.geometry import geodesic_distance_km
from ..model import Event
from .candidates import find_candidates
from .claims import attach_distance_claims
from .cues import weigh_cues
from .decisions import decide
from .document import Document
from .places import name_regions, sentence_locations
from .text import read_sentences

Stage = Callable[[Document], None]

#: The stages by name, in the order a document flows through them.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("text", read_sentences),
    ("places", name_regions),
    ("cues", weigh_cues),
    ("candidates", find_candidates),
    ("decisions", decide),
    ("claims", attach_distance_claims),
)


def run(
    article: Article, gazetteer: Gazetteer | None = None, *, until: str | None = None
) -> Document:
    """The document after every stage, or after the stage named ``until``."""
    doc = Document(article, gazetteer or default_gazetteer(), article.published or date.today())
    for name, stage in STAGES:
        if doc.no_strike:
            break
        stage(doc)
        if name == until:
            break
    return doc


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
    return run(article, gazetteer).events


#: Where a strike extraction did not report was lost, first stage first.
LOST_AT: dict[str, str] = {
    "cues": "report read as telling no strike",
    "places": "no place found near it",
    "candidates": "a place found there, no strike drawn",
    "dates": "a strike drawn there, of another day",
    "intercepted": "drawn there that day, read as intercepted",
    "decisions": "drawn there that day, then dropped",
    "merged": "one event there that day, for another",
    "unplaced": "strike with no place",
}


def where_lost(
    article: Article,
    strikes: Sequence[tuple[float | None, float | None, date, str | None]],
    events: Sequence[Event],
    km: float,
    gazetteer: Gazetteer | None = None,
) -> list[str]:
    """The stage that lost each strike that ``events``, the article's extraction, miss: a
    key of :data:`LOST_AT`. A strike is its point, its day and, for one placed only by its
    region, that region; a place is near it within ``km``, or anywhere in that region.

    The stages are asked in order: whether the article was read as telling a strike at all,
    whether any sentence places anything near the strike, whether a candidate strike was
    drawn there, on its day, and whether it came out as an event of its own.
    """
    doc = run(article, gazetteer, until="candidates")
    placed: list[Place] | None = None
    lost: list[str] = []
    for strike in strikes:
        lat, lon, day, _ = strike
        if lat is None or lon is None:
            lost.append("unplaced")
            continue
        if doc.no_strike:
            lost.append("cues")
            continue
        if placed is None:
            placed = [
                where.place
                for sentence in doc.sentences
                for where in sentence_locations(
                    sentence,
                    doc.gazetteer,
                    doc.article_regions,
                    doc.descriptions,
                    doc.named_places,
                    struck=True,
                    people=doc.people,
                )[0]
            ]
        drafts = [d for d in doc.drafts if d.place is not None and _near(strike, d.place, km)]
        that_day = [d for d in drafts if d.date == day]
        if any(e.date == day and _near(strike, e, km) for e in events):
            lost.append("merged")
        elif that_day and all(d.outcome == "intercepted" for d in that_day):
            lost.append("intercepted")
        elif that_day:
            lost.append("decisions")
        elif drafts:
            lost.append("dates")
        elif any(_near(strike, place, km) for place in placed):
            lost.append("candidates")
        else:
            lost.append("places")
    return lost


def _near(
    strike: tuple[float | None, float | None, date, str | None], at: Place | Event, km: float
) -> bool:
    """Whether a place or event is near a strike: in its region, for a strike placed only by
    its region; else within ``km`` of its point."""
    lat, lon, _, region = strike
    if region is not None:
        return at.admin1 == region
    return (
        lat is not None
        and lon is not None
        and at.lat is not None
        and at.lon is not None
        and geodesic_distance_km(lat, lon, at.lat, at.lon) <= km
    )
