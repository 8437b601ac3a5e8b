"""The shortcuts that keep extraction linear give what reading the whole text would.

Each helper of :mod:`dashboard.extraction.scan` and the index of drafts answer without
reading the whole sentence or every draft; these tests compare them, on generated text and
drafts, with the plain reading they replace.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.extraction import candidates, claims, cues, dates
from dashboard.extraction.document import Draft
from dashboard.extraction.drafts import DraftIndex
from dashboard.extraction.lexicon import CLAIM_VERB, RUSSIAN_ACCIDENT, TARGET_PATTERNS
from dashboard.extraction.places import Location, same_place
from dashboard.extraction.scan import (
    LOOKBACK,
    ends_before,
    leads,
    length_before,
    per_text,
    search_from,
    tokens_before,
    words_after,
    words_before,
)
from dashboard.extraction.text import CLAUSE_SPLIT, DASH_ASIDE, clause_span
from dashboard.geo.gazetteer import Place, default_gazetteer
from dashboard.geo.geometry import geodesic_distance_km

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
    asides = [m.span() for m in DASH_ASIDE.finditer(text)]
    cuts = [
        0,
        *(
            m.start()
            for m in CLAUSE_SPLIT.finditer(text)
            if not any(a <= m.start() < b for a, b in asides)
        ),
        len(text),
    ]
    assert clause_span(text, start, end) == (
        max(c for c in cuts if c <= start),
        min(c for c in cuts if c >= end),
    )


def test_a_short_aside_between_dashes_does_not_end_the_clause() -> None:
    text = "A fire broke out after an object - most likely a drone - hit the depot on May 3."
    date_at = text.index("May 3")
    assert clause_span(text, date_at, date_at + 5) == (text.index("after"), len(text))
    # A long stretch between dashes is a clause of its own.
    text = "Drones hit a depot - the regional governor said on Telegram late on Sunday - on May 3."
    date_at = text.index("May 3")
    assert clause_span(text, date_at, date_at + 5)[0] == text.rindex(" - ")


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
    names = [
        "Kursk",
        "Kurchatov",
        "Bryansk",
        "Belgorod",
        "Sevastopol",
        "Saky",
        "Yevpatoriia",
        "Novofedorivka",
        "Saky air base",
        "Kursk Khalino air base",
    ]
    found = [place for name in names for place in gazetteer.lookup(name)[:2]]
    regions = [r for name in ("Kursk", "Crimea") if (r := gazetteer.region(name)) is not None]
    return found + regions


def _km_apart(a: Place, b: Place) -> float:
    if "region" in (a.kind, b.kind):
        return math.inf
    return geodesic_distance_km(a.lat, a.lon, b.lat, b.lon)


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
        here = [
            (
                -d.date.toordinal(),
                _km_apart(d.place, place) if place.kind == "facility" else 0,
                i,
                d,
            )
            for i, d in enumerate(drafts)
            if d.place is not None and same_place(d.place, place)
        ]
        # The latest; of equally dated ones, the first made (to a site, the nearest first).
        expected = min(here, key=lambda row: row[:3])[3] if here else None
        assert index.latest_at(place) is expected
    for target_type in ("oil", "airbase"):
        kind = [d for d in drafts if d.place is not None and d.target_type == target_type]
        assert index.latest_of_kind(target_type) is (kind[-1] if kind else None)  # type: ignore[arg-type]


#: Text of target nouns, their owners and what stands between them.
text_of_targets = st.lists(
    st.sampled_from(
        [
            "the headquarters",
            " of the ",
            "oil",
            "oil depot",
            "non-oil",
            "fleet",
            "navy",
            "air base",
            "plant",
            "army shot down",
            " ",
            "   ",
            ",",
            "-",
            "Russia's",
            "Black Sea",
            "the town of Kursk and its villages",
        ]
    ),
    max_size=120,
).map("".join)


@EXAMPLES
@given(text=text_of_targets, cuts=st.lists(st.integers(0, 2000), max_size=12))
def test_target_nouns_left_after_blanking_are_those_of_the_blanked_text(
    text: str, cuts: list[int]
) -> None:
    bounds = sorted({min(cut, len(text)) for cut in cuts})
    spans = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False) if a < b]
    blanked = list(text)
    for a, b in spans:
        blanked[a:b] = " " * (b - a)
    blanked_text = "".join(blanked)
    found = cues._nouns_after_blanking(cues._target_nouns(text), blanked_text, spans)
    assert [[m.span() for m in matches] for _, _, matches in found] == [
        [m.span() for m in pattern.finditer(blanked_text)] for _, pattern in TARGET_PATTERNS
    ]


@EXAMPLES
@given(text=text_of_targets)
def test_owners_blanked_through_windows_are_those_the_whole_text_gives(text: str) -> None:
    windowed, nouns = cues._blank(text, cues._target_nouns(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cues, "_window", lambda chars, start, runs, beyond: "".join(chars[start:]))
        whole, _ = cues._blank(text, cues._target_nouns(text))
    assert windowed == whole
    assert [[m.span() for m in matches] for _, _, matches in nouns] == [
        [m.span() for m in pattern.finditer(whole)] for _, pattern in TARGET_PATTERNS
    ]


#: Text of clauses that set a time, and dates.
text_of_times = st.lists(
    st.sampled_from(
        [
            *("on", "the", "night", "of", "12", "-", "13", "August", "Monday", " ", ", "),
            *("overnight", "Overnight", "early", "5th", "_", "nights", "drones hit"),
        ]
    ),
    max_size=40,
).map("".join)


@EXAMPLES
@given(text=text_of_times, left=st.integers(0, 300), right=st.integers(0, 300), data=st.data())
def test_a_clause_only_sets_the_time_as_it_reads_with_its_date_taken_out(
    text: str, left: int, right: int, data: st.DataObject
) -> None:
    left, right = sorted((min(left, len(text)), min(right, len(text))))
    date_text = data.draw(st.sampled_from(["August", "Monday", "overnight", "12-13 August"]))
    assert dates._only_time(text, left, right, date_text) == (
        dates._TIME_WORDS.fullmatch(text[left:right].replace(date_text, " ")) is not None
    )


@EXAMPLES
@given(text=text_of_parts.map(lambda t: t.replace("a", "over ") + "Kursk"), pos=st.integers(0, 400))
def test_drones_over_a_region_are_found_in_its_clause_up_to_its_name(text: str, pos: int) -> None:
    # A place's name begins before the end of its sentence.
    pos = min(pos, len(text) - 1)
    region = default_gazetteer().region("Kursk")
    assert region is not None
    left, _ = clause_span(text, pos, pos + 1)
    assert candidates._flown_over(text, Location(region, "unknown", None, start=pos)) == bool(
        candidates._OVER.search(text[left:pos])
    )


@EXAMPLES
@given(text=text_of_parts.map(lambda t: t.replace("a", " said and ")))
def test_the_clauses_around_a_reporting_verb_are_those_read_from_the_text_start(
    text: str,
) -> None:
    clauses = claims._Clauses(text)
    breaks = list(claims._CLAUSE_BREAK.finditer(text))
    # Clauses end where a reporting verb or a break begins.
    for end in [m.start() for m in CLAIM_VERB.finditer(text)] + [m.start() for m in breaks]:
        before = [m for m in claims._CLAUSE_BREAK.finditer(text, 0, end)]
        start, brk = (before[-1].end(), before[-1].start()) if before else (0, 0)
        assert clauses.before(end) == (start, end, brk)
    for verb in CLAIM_VERB.finditer(text):
        following = claims._CLAUSE_BREAK.search(text, verb.end())
        stop = re.search(r"[.!?](?:\s|$)", text[verb.end() :])
        end = len(text) if following is None else following.start()
        if stop is not None:
            end = min(end, verb.end() + stop.start())
        assert clauses.after(verb.end()) == (verb.end(), end)


@EXAMPLES
@given(text=text_of_parts, start=st.integers(0, 400), end=st.integers(0, 400))
def test_runs_read_backwards_are_those_read_forwards(text: str, start: int, end: int) -> None:
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    assert tokens_before(text, start, end, 3) == text[start:end].split()[-3:]
    letters = re.compile(r"\w*")
    last_word = re.findall(r"\w*$", text[start:end])[0]
    assert length_before(letters, text, end, start) == len(last_word)


def test_a_long_number_is_read_once_as_any_word() -> None:
    # Read digit by digit, a run of digits would be split in every way it can be before
    # the word after it stops the reading: these would not end in any time worth waiting.
    number = "1" * 5000
    clause = f"on the night of Monday {number} at the refinery"
    assert not dates._only_time(clause, 0, len(clause), "Monday")
    clause = f"on the night of {number} at the refinery"
    assert dates._only_time(clause, 0, len(clause), "refinery")
    assert RUSSIAN_ACCIDENT.search(f"a MiG-{number} and nothing more") is None
    assert RUSSIAN_ACCIDENT.search(f"a MiG-{number}K crashed in the sea") is not None
