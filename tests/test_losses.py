"""Where extraction lost a strike it did not report: the first stage that dropped it."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.articles import article_from_text
from dashboard.extraction import extract_events
from dashboard.extraction.pipeline import LOST_AT, where_lost

MONDAY = date(2024, 11, 4)
BRYANSK = (53.25, 34.37)
KLINTSY = (52.76, 32.24)


def lost(text: str, lat: float | None, lon: float | None, day: date = MONDAY) -> str:
    article = article_from_text(text, published=MONDAY)
    events = [e for e in extract_events(article) if e.outcome != "intercepted"]
    (stage,) = where_lost(article, [(lat, lon, day, None)], events, 10.0)
    return stage


@pytest.mark.parametrize(
    ("text", "strike", "stage"),
    [
        # A blast no weapon or attacker is tied to: the report tells no strike at all.
        ("A fire broke out at a warehouse in Klintsy on Monday.", KLINTSY, "cues"),
        # The report's place is elsewhere: Klintsy is never named.
        ("Ukrainian drones hit an oil depot in Bryansk on Monday.", KLINTSY, "places"),
        # Klintsy is named, but no sentence tells a strike there.
        (
            "Ukrainian drones hit an oil depot in Bryansk on Monday. Schools in Klintsy were "
            "closed.",
            KLINTSY,
            "candidates",
        ),
        # Downed over the town: read as an interception.
        ("Ukrainian drones were shot down over Klintsy on Monday.", KLINTSY, "intercepted"),
    ],
)
def test_a_missed_strike_is_lost_at_the_first_stage_that_drops_it(
    text: str, strike: tuple[float, float], stage: str
) -> None:
    assert lost(text, *strike) == stage
    assert stage in LOST_AT


def test_a_strike_drawn_there_on_another_day_was_lost_to_its_date() -> None:
    text = "Ukrainian drones hit an oil depot in Bryansk on Monday."
    assert lost(text, *BRYANSK, day=date(2024, 11, 3)) == "dates"


def test_a_strike_whose_place_and_day_an_event_has_was_told_as_one_with_another() -> None:
    # The Bryansk event exists: a second strike there that day was folded into it.
    text = "Ukrainian drones hit an oil depot in Bryansk on Monday."
    assert lost(text, *BRYANSK) == "merged"


def test_a_strike_drawn_that_day_but_reported_by_no_event_was_dropped_by_decisions() -> None:
    article = article_from_text(
        "Ukrainian drones hit an oil depot in Bryansk on Monday.", published=MONDAY
    )
    assert where_lost(article, [(*BRYANSK, MONDAY, None)], [], 10.0) == ["decisions"]


def test_a_strike_with_no_place_and_one_placed_by_its_region_are_told_apart() -> None:
    article = article_from_text(
        "Ukrainian drones hit an oil depot in Bryansk on Monday.", published=MONDAY
    )
    strikes = [(None, None, MONDAY, None), (52.9, 33.4, MONDAY, "Bryansk Oblast")]
    # The region's strike is near any place of the region: the Bryansk depot's event.
    assert where_lost(article, strikes, extract_events(article), 10.0) == ["unplaced", "merged"]
