"""Issue 4's figures on the shipped front lines: each strike against the line of its date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dashboard.articles import read_article
from dashboard.geo.frontline import distance_to_front_km, frontline_for
from dashboard.loader import extract_measured

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_a_strike_near_belgorod_in_april_2022_is_under_60_km_from_the_front() -> None:
    km, snapshot = distance_to_front_km(50.60, 36.59, date(2022, 4, 3))
    assert km < 60
    assert snapshot == frontline_for(date(2022, 4, 3)).id
    assert snapshot.startswith("2022-04")


def test_kaspiysk_against_the_line_of_november_2024() -> None:
    km, snapshot = distance_to_front_km(42.8817, 47.6392, date(2024, 11, 6))
    assert snapshot == "2024-11-01"
    assert 930 <= km <= 1010


def test_seed_events_use_the_snapshot_of_their_own_date() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for event in extract_measured(read_article(path)):
            if event.located:
                assert event.frontline_id == frontline_for(event.date).id
                assert event.frontline_id is not None
                assert event.frontline_id <= event.date.isoformat()
    moscow_2023 = [
        e for e in extract_measured(read_article(next(SEEDS.glob("002_*.txt")))) if e.located
    ]
    assert {e.frontline_id for e in moscow_2023} != {"2024-11-01"}
