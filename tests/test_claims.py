"""Distance claims: the article's own figures as ranges, checked against the measurement."""

from datetime import date
from pathlib import Path

import pytest

from dashboard.articles import article_from_text, read_article
from dashboard.extraction.claims import find_distance_claims, side_claims
from dashboard.loader import extract_measured
from dashboard.model import DistanceClaim

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(
    ("sentence", "low", "high", "reference"),
    [
        ("Russian naval targets nearly 930 miles from its borders", 1347.0, 1496.7, "border"),
        ("the port of Kaspiysk, over 1000 km behind the frontline.", 1000.0, 1300.0, "front"),
        ("a port city hundreds of miles from the front lines", 321.9, 1607.7, "front"),
        ("a depot about 40 km from the border", 36.0, 44.0, "border"),
        ("a port hundreds of miles from Ukrainian-held territory", 321.9, 1607.7, "held"),
        ("the field, some 1,800 kilometres away from Ukraine", 1620.0, 1980.0, "border"),
    ],
)
def test_phrases_become_ranges_with_their_reference(
    sentence: str, low: float, high: float, reference: str
) -> None:
    (claim,) = find_distance_claims(sentence)
    assert (claim.low_km, claim.high_km, claim.reference) == (low, high, reference)


def test_named_place_reference() -> None:
    (claim,) = find_distance_claims("The airfield lies 250 miles west of Moscow.")
    assert (claim.reference, claim.place) == ("place", "Moscow")
    assert claim.low_km == pytest.approx(362.1, abs=0.1)


def test_no_claim_in_lengths_and_plain_numbers() -> None:
    assert find_distance_claims("The 19-kilometre bridge carried 12 trains a day.") == []


def test_a_claim_off_by_more_than_a_quarter_is_flagged() -> None:
    claim = DistanceClaim("about 100 km from the border", 90.0, 110.0, "border")
    assert not claim.with_measurement(130.0).off
    assert claim.with_measurement(140.0).off
    assert claim.with_measurement(70.0).off
    assert not claim.off
    assert "off by more than 25 %" in claim.with_measurement(200.0).describe()


def test_seed_claims_are_shown_against_measured_distances() -> None:
    (event,) = extract_measured(read_article(SEEDS / "001_22bfb6c1b5065aec.txt"))
    claims = {c.reference: c for c in event.distance_claims}
    front, border = claims["front"], claims["border"]
    assert front.measured_km == event.distance_to_front_km and not front.off
    # "Nearly 930 miles from its borders" is some 1,350-1,500 km; Kaspiysk is about 830 km
    # from Ukraine's border, so the claim is flagged.
    assert border.measured_km == event.distance_to_border_km and border.off
    (lead,) = extract_measured(read_article(SEEDS / "000_3d49d55cc31c0628.txt"))
    assert [c.reference for c in lead.distance_claims] == ["front"]
    assert not lead.distance_claims[0].off


@pytest.mark.parametrize(
    ("sentence", "attacker", "defender"),
    [
        # A Russian governor's words are the defender's, whatever they say happened.
        (
            "A Ukrainian drone hit an oil depot in Belgorod, the regional governor said.",
            False,
            True,
        ),
        (
            "Sergey Melikov, the governor of Russia's Dagestan region, wrote on Telegram that a "
            "Ukrainian drone had damaged a ship.",
            False,
            True,
        ),
        ("A drone hit the refinery, said Governor Vyacheslav Gladkov.", False, True),
        (
            "Four tanks caught fire after, according to the regional governor, Alexander "
            "Bogomaz, a Ukrainian drone dropped its munitions.",
            False,
            True,
        ),
        (
            "Russia's defence ministry said it had destroyed 221 Ukrainian drones overnight.",
            False,
            True,
        ),
        # Ukraine's own bodies speak for the attacker.
        ("Ukraine's General Staff said its drones hit the refinery in Ryazan.", True, False),
        (
            "At least two ships were damaged, according to Ukrainian intelligence sources.",
            True,
            False,
        ),
        (
            "Ukraine's military intelligence spokesman, Andriy Yusov, did not say who was behind "
            "the attack but said the aircraft had been destroyed.",
            True,
            False,
        ),
        # Neither side speaks: satellite images, foreign analysts, a passive report.
        (
            "A missile strike destroyed three Russian warplanes, according to satellite images "
            "released by a US company.",
            False,
            False,
        ),
        ("Western analysts said the submarine appeared badly damaged.", False, False),
        (
            "Several explosions were also reported at a Ukrainian-made ammunition site.",
            False,
            False,
        ),
    ],
)
def test_a_claim_belongs_to_who_speaks(sentence: str, attacker: bool, defender: bool) -> None:
    found = side_claims(sentence)
    assert (found[0] is not None, found[1] is not None) == (attacker, defender)


def test_a_governors_report_in_an_article_is_not_the_attackers_claim() -> None:
    text = (
        "A Ukrainian drone hit an oil depot in the town of Klintsy in Russia's Bryansk region "
        "on Tuesday, setting fire to four tanks, the regional governor Alexander Bogomaz said."
    )
    events = extract_measured(article_from_text(text, published=date(2024, 5, 21)))
    assert events
    assert all(e.attacker_claim is None for e in events)
    assert any(e.defender_claim == text for e in events)
