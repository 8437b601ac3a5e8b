"""Stage ``text``: an article's sentences, and the clauses inside a sentence."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import (
    word_list,
)
from .scan import per_text

if TYPE_CHECKING:
    from .document import Document

#: Words whose full stop ends no sentence: "Nov. 6", "Lt. Gen."
_ABBREVIATIONS = word_list("abbreviations.txt")
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9А-ЯІЇЄ])"
    # Sentences pasted together with no space ("said in a statement.At the start of April"):
    # a word of two small letters or more, a full stop, a capitalised word of three letters
    # or more, or one of the short words that begin sentences. (Not a site's "News.Az".)
    r"|(?<=[a-z]{2}[.!?])[\"”’]?(?=(?:[A-Z][a-z]{2,}|At|In|On|As|It|He|An|By|If|No|So|We)\b)"
    # A title pasted onto the line after it ("massive drone attackPublished September 1").
    r"|(?<=[a-z]{3})(?=[A-Z][a-z]{2,}\b)"
)


#: "at 10 a.m. (3 a.m. ET)", "at 11 p.m. Moscow time": the time of day goes on with its zone.
_CLOCK_HALVES = frozenset({"a.m", "p.m"})
_TIME_ZONE = re.compile(
    r"[(\[]|(?:Moscow|Kyiv|Kiev|Eastern|Central|Pacific|GMT|UTC|ET|EST|EDT|CET|CEST|EET|EEST"
    r"|MSK|BST)\b"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, with its paragraph and position."""

    text: str
    index: int
    paragraph: int


_WORD_BACKWARDS = re.compile(r"\S+")


_LINK_MARKER = (
    r"(?:read|see|also read|more on this|related(?: topics| articles| stories)?)"
    r"(?:\s+(?:also|more))?"
)

#: A line that links to another article ("Read also: Drones hit a depot in ...", "ALSO READ -
#: ..."): its title on the line, or the titles alone on the lines after, tell another story.
_LINK_LINE = re.compile(_LINK_MARKER + r"\s*(?::|\s[-–—]\s|$)", re.IGNORECASE)

#: The same link pasted after a paragraph's last sentence ("... the report says. Read also:
#: ..."): the rest of the line is its title. Only with the colon, as "read more" is prose.
_LINK_AFTER_SENTENCE = re.compile(r"(?<=[.!?\"”])\s*" + _LINK_MARKER + r"\s*:", re.IGNORECASE)

#: A line that ends a sentence; a title under a bare link marker does not.
_SENTENCE_LINE_END = re.compile(r"[.!?\"”»)]\s*$")


#: A line broken inside its sentence, after a word no sentence ends on ("in the city of" /
#: "Taganrog"): copy wrapped at a fixed width.
_WRAPPED_LINE = re.compile(r"\b(of|the|in|an|a|and|to|on|at|for|with|from|by)[ \t]*\n+(?=\S)")


def _article_paragraphs(text: str) -> list[str]:
    """The paragraphs of a text, the lines that link to other articles left out."""
    text = _WRAPPED_LINE.sub(r"\1 ", text)
    paragraphs = [p.strip(" -•*\t") for p in re.split(r"\n+", text) if p.strip(" -•*\t")]
    kept: list[str] = []
    under_marker = False
    for paragraph in paragraphs:
        # Titles listed under a marker alone on its line ("Read also:") end where prose
        # starts again: the first line that ends a sentence.
        if under_marker and _SENTENCE_LINE_END.search(paragraph) is None:
            continue
        link = _LINK_LINE.match(paragraph)
        under_marker = link is not None and not paragraph[link.end() :].strip()
        if link is not None:
            continue
        if (pasted := _LINK_AFTER_SENTENCE.search(paragraph)) is not None:
            paragraph = paragraph[: pasted.start()]
        kept.append(paragraph)
    return kept


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a text, paragraph by paragraph, keeping abbreviations like "Nov. 6" whole."""
    sentences: list[Sentence] = []
    paragraphs = _article_paragraphs(text)
    for number, paragraph in enumerate(paragraphs):
        pieces: list[str] = []
        start = 0
        # The word before each full stop is read backwards from it, so that a run of
        # abbreviations ("Gen. Lt. Col. ...") does not read the sentence so far again each time.
        backwards = paragraph[::-1]
        for match in _SENTENCE_END.finditer(paragraph):
            word = _WORD_BACKWARDS.match(
                backwards, len(paragraph) - match.start(), len(paragraph) - start
            )
            last_word = word.group()[::-1].rstrip(".").lower() if word else ""
            if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
                continue
            if last_word in _CLOCK_HALVES and _TIME_ZONE.match(paragraph, match.end()):
                continue
            pieces.append(paragraph[start : match.start()].strip())
            start = match.end()
        pieces.append(paragraph[start:].strip())
        for piece in pieces:
            if piece:
                sentences.append(Sentence(piece, len(sentences), number))
    return sentences


#: What the stamp a stored page opens on begins with: "date 2024-05-17 Drones hit ...".
PAGE_STAMP_WORD = r"\s*date\s+"

CLAUSE_SPLIT = re.compile(
    r"[,;:()]|\s[-–—]{1,2}\s|\b(?:since|after|before|who|which|whereas)\b", re.IGNORECASE
)


#: A short aside between two dashes: "an object - presumably a drone - flew into": the clause
#: runs on across it.
DASH_ASIDE = re.compile(r"\s[-–—]{1,2}\s[^-–—,;:()]{1,40}?\s[-–—]{1,2}\s")
#: A short aside in brackets: "unmanned aerial vehicles (UAVs) were destroyed", "the Armed
#: Forces of Ukraine (AFU) shelled": the clause runs on across it too.
BRACKET_ASIDE = re.compile(r"\([^-–—,;:()]{1,40}\)")


@per_text(maxsize=64)
def _clause_cuts(sentence: str) -> tuple[int, ...]:
    """Where the clauses of a sentence begin and end, found once per sentence."""
    asides = [m.span() for aside in (DASH_ASIDE, BRACKET_ASIDE) for m in aside.finditer(sentence)]
    return (
        0,
        *(
            m.start()
            for m in CLAUSE_SPLIT.finditer(sentence)
            if not any(a <= m.start() < b for a, b in asides)
        ),
        len(sentence),
    )


def clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around ``start:end`` begins and ends."""
    cuts = _clause_cuts(sentence)
    return cuts[bisect_right(cuts, start) - 1], cuts[bisect_left(cuts, end)]


def read_sentences(doc: Document) -> None:
    """Stage ``text``: the article's sentences."""
    doc.sentences = split_sentences(doc.article.text)
