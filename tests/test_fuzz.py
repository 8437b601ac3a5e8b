"""Generated articles: reading and extraction raise nothing but strikemap's own errors.

Whatever text or file comes in, a user sees events or one line saying why the article was
refused, never a traceback. The texts are random Unicode, long runs of one character, and
sentences built from the project's own vocabulary (``dashboard/extraction/vocab``), words
of strike reports, gazetteer names, numbers, dates and quotes, with or without full stops.

``make test`` runs a few hundred examples of each test, the same ones every time; ``make
fuzz`` runs 10,000 (``STRIKEMAP_FUZZ=fuzz``) and prints Hypothesis's statistics. There
Hypothesis also steers towards slow examples (its "highest target score" is the slowest
example's time in seconds): it guides itself by the clock, so only there.
"""

from __future__ import annotations

import json
import os
import string
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings, target
from hypothesis import strategies as st

from dashboard.articles import Article, article_from_text, read_article
from dashboard.errors import StrikemapError
from dashboard.extraction.lexicon import word_list
from dashboard.geo.gazetteer import default_gazetteer
from dashboard.loader import extract_measured
from dashboard.model import Event

settings.register_profile(
    "strikemap-ci",
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "strikemap-fuzz", settings.get_profile("strikemap-ci"), max_examples=10_000
)
FUZZING = os.environ.get("STRIKEMAP_FUZZ") == "fuzz"
PROFILE = settings.get_profile("strikemap-fuzz" if FUZZING else "strikemap-ci")

VOCAB_FILES = (
    "abbreviations.txt",
    "actor-verbs.txt",
    "auxiliaries.txt",
    "common-words.txt",
    "geo-nouns.txt",
    "office-nouns.txt",
)
#: Words the stages look for, so that generated sentences reach every stage.
STRIKE_WORDS = (
    "drones", "drone", "missiles", "sea drones", "struck", "hit", "attacked", "intercepted",
    "shot down", "destroyed", "damaged", "fire", "explosions", "refinery", "oil depot",
    "airfield", "air base", "landing ship", "bridge", "substation", "plant", "port",
    "said", "claimed", "according to", "governor", "General Staff", "SBU", "Ukrainian",
    "Russian", "Russia's defence ministry", "occupied", "region", "regions", "the capital",
    "the peninsula", "miles", "km", "from the front line", "west of", "launched from",
    "the border with", "when", "since", "after", "until", "would", "has been",
    "by accident", "named", "the missile ship", "It", "The", "another", "similar",
)  # fmt: skip
DATE_PHRASES = (
    "Nov. 6", "November 6, 2024", "6 November", "2024-02-30", "February 30", "31 April 2023",
    "on Monday", "last Monday", "Sunday night", "overnight into Sunday", "last weekend",
    "yesterday", "today", "this morning", "two days after", "a week after", "3 days ago",
    "in May", "may be", "last month", "this month", "earlier this year", "last year",
    "last summer", "in 2023", "since 1999", "in 2099", "January of last year", "mid-July",
)  # fmt: skip
#: The parts of a strike report, put together at random: "Sea drones struck the oil
#: refinery near Tuapse overnight into Sunday".
ATTACKERS = ("Drones", "Ukrainian drones", "Sea drones", "Missiles", "ATACMS", "Saboteurs", "It")
ATTACKS = ("hit", "struck", "attacked", "set fire to", "damaged", "were shot down over", "sank")
TARGETS = ("the oil refinery in", "an air base near", "the port of", "a substation in", "", "the")
QUOTES = ('"', "“", "”", "‘", "’", "'", "«", "»", "(", ")", "[", "]")
SEPARATORS = (" ", " ", " ", ", ", "; ", ": ", " — ", " - ", " (", ") ", "\n", "\n\n", "\t")
SENTENCE_ENDS = (". ", "! ", "? ", ".\n", '." ')


def _vocabulary() -> list[str]:
    words = {word for name in VOCAB_FILES for word in word_list(name)}
    return sorted(words | set(STRIKE_WORDS))


def _place_names() -> list[str]:
    gazetteer = default_gazetteer()
    names = {
        place.name for letter in "abdefgkmnoprstuvyz" for place in gazetteer.search(letter, 30)
    }
    return sorted(names | {place.name for place in gazetteer.facilities[:300]})


unicode_text = st.text(st.characters(exclude_categories=()), max_size=400)
long_run = st.builds(
    lambda piece, count: piece * count,
    st.sampled_from(["a", "A", "1", " ", "-", "'", ",", "1,000", "Kursk ", "Gen. ", "km ("]),
    st.integers(min_value=100, max_value=20_000),
)
numbers = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**15).map(str),
    st.integers(min_value=0, max_value=10**7).map("{:,}".format),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.builds("{} {}".format, st.integers(0, 5000), st.sampled_from(["miles", "km", "mi"])),
)
dates = st.one_of(
    st.sampled_from(DATE_PHRASES),
    st.dates().map(date.isoformat),
    st.dates().map(lambda day: day.strftime("%B %d, %Y")),
    st.dates().map(lambda day: day.strftime("%d %b")),
)
#: Publication dates: mostly of the war's years, and any other, the first and last days
#: there are among them (``allow_any_date`` lets those through).
published_dates = st.one_of(
    st.dates(date(2014, 1, 1), date.today()),
    st.dates(date(2014, 1, 1), date.today()),
    st.dates(),
    st.sampled_from([date.min, date.max]),
)
reports = st.builds(
    "{} {} {} {} {}".format,
    st.sampled_from(ATTACKERS),
    st.sampled_from(ATTACKS),
    st.sampled_from(TARGETS),
    st.deferred(lambda: st.sampled_from(_place_names())),
    dates,
)
pieces = st.one_of(
    reports,
    st.deferred(lambda: st.sampled_from(_vocabulary())),
    st.deferred(lambda: st.sampled_from(_place_names())),
    st.deferred(lambda: st.sampled_from(_place_names())).map(str.upper),
    st.deferred(lambda: st.sampled_from(_place_names())).map(lambda name: f"{name}'s"),
    numbers,
    dates,
    st.sampled_from(QUOTES),
    st.text(st.characters(exclude_categories=()), max_size=8),
    st.text(string.ascii_letters, min_size=1, max_size=30),
)


def sentences(ends: tuple[str, ...]) -> st.SearchStrategy[str]:
    joints = st.sampled_from(SEPARATORS + ends)
    return st.lists(st.tuples(pieces, joints), max_size=200).map(
        lambda parts: "".join(piece + joint for piece, joint in parts)
    )


texts = st.one_of(
    sentences(SENTENCE_ENDS),
    sentences(()),  # no full stop anywhere: one sentence, or one per line
    unicode_text,
    long_run,
    st.builds(lambda a, b, c: a + b + c, sentences(SENTENCE_ENDS), long_run, sentences(())),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | dates,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=6,
)
sidecars = st.one_of(
    st.none(),
    json_values,
    st.fixed_dictionaries(
        {"published": published_dates.map(date.isoformat)},
        optional={"outlet": json_values, "url": json_values, "title": json_values},
    ),
    st.dictionaries(
        st.sampled_from(["published", "outlet", "url", "title", "source"]), json_values
    ),
)


@contextmanager
def clocked() -> Iterator[None]:
    """When fuzzing, the example's time is Hypothesis's target: it looks for slower ones."""
    start = time.perf_counter()
    try:
        yield
    finally:
        if FUZZING:
            target(time.perf_counter() - start, label="seconds")


def quoted_from(article: Article, events: list[Event]) -> bool:
    """Whether every sentence quoted as a source stands in the article."""
    return all(q in article.text for e in events for s in e.sources for q in s.quotes)


@PROFILE
@given(text=texts, published=published_dates, any_date=st.booleans())
def test_extraction_of_any_text_gives_events_or_a_project_error(
    text: str, published: date, any_date: bool
) -> None:
    try:
        with clocked():
            article = article_from_text(text, published=published, allow_any_date=any_date)
            events = extract_measured(article)
    except StrikemapError as error:
        event(f"refused: {type(error).__name__}")
        return
    event("events found" if events else "no event")
    assert quoted_from(article, events)


@PROFILE
@given(
    content=st.one_of(
        st.binary(max_size=2000),
        texts.map(lambda text: text.encode("utf-8", "surrogatepass")),
        texts.map(
            lambda text: f"<html><body><p>{text}</p></body></html>".encode("utf-8", "replace")
        ),
    ),
    suffix=st.sampled_from([".txt", ".md", ".html", ".htm"]),
    sidecar=sidecars,
    any_date=st.booleans(),
)
def test_reading_any_file_gives_an_article_or_a_project_error(
    content: bytes, suffix: str, sidecar: object, any_date: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(content)
        if sidecar is not None:
            path.with_suffix(".json").write_text(json.dumps(sidecar), encoding="utf-8")
        try:
            with clocked():
                article = read_article(path, allow_any_date=any_date)
                events = extract_measured(article) if article.published else []
        except StrikemapError as error:
            event(f"refused: {type(error).__name__}")
            return
    event("events found" if events else "no event")
    assert quoted_from(article, events)
