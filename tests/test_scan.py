"""The shortcuts that keep extraction linear give what reading the whole text would.

Each helper of :mod:`dashboard.extraction.scan` and the index of drafts answer without
reading the whole sentence or every draft; these tests compare them, on generated text and
drafts, with the plain reading they replace.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.extraction.document import Draft
from dashboard.extraction.drafts import DraftIndex
from dashboard.extraction.places import same_place
from dashboard.extraction.scan import (
    LOOKBACK,
    ends_before,
    leads,
    per_text,
    search_from,
    words_after,
    words_before,
)
from dashboard.extraction.text import CLAUSE_SPLIT, clause_span
from dashboard.gazetteer import Place, default_gazetteer

EXAMPLES = settings(max_examples=200, derandomize=True, database=None, deadline=None)
#: Text of the characters the stages' patterns turn on.
text_of_parts = st.lists(
    st.sampled_from(
        [
            "a",
            "Kursk",
            "drones hit",
            " ",
            "  ",
            ",",
            "-",
            " - ",
            "'s",
            "’",
            "1",
            "\t",
            "since",
            "said on",
        ]
    ),
    max_size=60,
).map("".join)
ATTACK_WORD = re.compile(r"\b(?:drones?|hit)\b")
SAID_BEFORE = re.compile(r"\bsaid\s+on\s+$")


@EXAMPLES
@given(text=text_of_parts, positions=st.lists(st.integers(0, 400), max_size=8))
def test_a_resumed_search_finds_what_a_fresh_one_finds(text: str, positions: list[int]) -> None:
    for pos in positions:
        pos = min(pos, len(text))
        resumed = search_from(ATTACK_WORD, text, pos, len(text))
        fresh = ATTACK_WORD.search(text, pos)
        assert (resumed and resumed.span()) == (fresh and fresh.span())


@EXAMPLES
@given(text=text_of_parts, pos=st.integers(0, 400))
def test_words_around_a_position_are_those_of_the_whole_text(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert words_before(text, pos, 2) == re.findall(r"[\w'’\-]+", text[:pos])[-2:]
    assert words_after(text, pos, 2) == re.findall(r"[\w'’\-]+", text[pos:])[:2]
    assert leads(text, pos) == (len(re.findall(r"\w+", text[:pos])) <= 2)


@EXAMPLES
@given(text=text_of_parts, start=st.integers(0, 400), width=st.integers(0, 5))
def test_a_clause_runs_between_the_nearest_cuts(text: str, start: int, width: int) -> None:
    start = min(start, len(text))
    end = min(start + width, len(text))
    cuts = [0, *(m.start() for m in CLAUSE_SPLIT.finditer(text)), len(text)]
    assert clause_span(text, start, end) == (
        max(c for c in cuts if c <= start),
        min(c for c in cuts if c >= end),
    )


@EXAMPLES
@given(before=text_of_parts, padding=st.integers(0, 3 * LOOKBACK))
def test_what_ends_just_before_a_word_is_found_within_the_lookback(
    before: str, padding: int
) -> None:
    text = "x" * padding + before + "said on Monday"
    end = len(text) - len("Monday")
    assert bool(ends_before(SAID_BEFORE, text, end)) == bool(SAID_BEFORE.search(text[:end]))


def test_equal_texts_each_get_their_own_answer_and_a_gone_text_leaves_none() -> None:
    calls: list[str] = []

    @per_text(maxsize=2)
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    first = "".join(["kur", "sk"])
    second = "".join(["ku", "rsk"])  # equal, another object
    assert upper(first) == upper(second) == upper(first) == "KURSK"
    assert len(calls) == 2
    for number in range(5):
        assert upper(f"text {number}") == f"TEXT {number}"
    assert upper(first) == "KURSK" and len(calls) == 8


def _places() -> list[Place]:
    gazetteer = default_gazetteer()
    names = ["Kursk", "Kurchatov", "Bryansk", "Belgorod", "Sevastopol", "Saky", "Yevpatoriia"]
    found = [place for name in names for place in gazetteer.lookup(name)[:2]]
    regions = [r for name in ("Kursk", "Crimea") if (r := gazetteer.region(name)) is not None]
    return found + regions


def _draft(place: Place | None, day: int, target_type: str) -> Draft:
    return Draft(
        date=date(2024, 1, 1) + timedelta(days=day),
        precision="day",
        place=place,
        target_type=target_type,  # type: ignore[arg-type]
        target=None,
        weapon="unknown",
        quotes=[],
    )


drafts_made = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(0, 20)),
        st.integers(0, 5),
        st.sampled_from(["oil", "airbase", "unknown"]),
    ),
    max_size=25,
)


@EXAMPLES
@given(made=drafts_made, moves=st.lists(st.tuples(st.integers(0, 24), st.integers(0, 20))))
def test_the_draft_index_finds_what_reading_every_draft_finds(
    made: list[tuple[int | None, int, str]], moves: list[tuple[int, int]]
) -> None:
    places = _places()
    index = DraftIndex()
    drafts = []
    for place, day, target_type in made:
        drafts.append(
            _draft(None if place is None else places[place % len(places)], day, target_type)
        )
        index.add(drafts[-1])
    for which, place in moves:
        if drafts and drafts[which % len(drafts)].place is not None:
            index.move(drafts[which % len(drafts)], places[place % len(places)])
    for place in places:
        here = [d for d in drafts if d.place is not None and same_place(d.place, place)]
        expected = max(here, key=lambda d: d.date) if here else None
        assert index.latest_at(place) is expected
    for target_type in ("oil", "airbase"):
        kind = [d for d in drafts if d.place is not None and d.target_type == target_type]
        assert index.latest_of_kind(target_type) is (kind[-1] if kind else None)  # type: ignore[arg-type]
