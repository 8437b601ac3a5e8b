"""Extraction as a pipeline: one document flows through named stages, in order.

Like a spaCy pipeline, each stage is a function of the :class:`Document` that reads what
the stages before it set and adds its own part; each can be run and tested alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..articles import Article
from ..geo.gazetteer import Gazetteer, default_gazetteer
from ..model import Event
from .candidates import find_candidates
from .claims import attach_distance_claims
from .cues import weigh_cues
from .decisions import decide
from .document import Document
from .places import name_regions
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
