"""Strike events from an article's text: where, when, what was hit, with what, who claims what.

The stages, one module each (see :mod:`.pipeline`): ``text`` (sentences and clauses),
``places`` (gazetteer, facility and region mentions, and which are strike locations),
``dates``, ``cues`` (attack, target and weapon words), ``candidates`` (a place, a day and a
target tied to a strike cue), ``decisions`` (which candidates are strikes, one event per
strike) and ``claims`` (who claims what, and distance claims). The rules read the language
of strike reports (:mod:`.lexicon`, word lists in ``vocab/``), never one article's wording.
"""

from .document import Document
from .pipeline import STAGES, extract_events, run

__all__ = ["STAGES", "Document", "extract_events", "run"]
