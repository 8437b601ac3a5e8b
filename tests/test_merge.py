"""One strike, many reports: same place and agreeing dates merge; different days stay apart."""

from datetime import date

from dashboard.merge import merge_events, merge_into, same_strike
from tests.factories import event, source


def test_two_reports_of_one_strike_merge_with_both_sources() -> None:
    first = event(sources=(source("a1", "Drones hit Kaspiysk."),))
    second = event(
        lat=42.89,
        lon=47.63,
        target="ships",
        sources=(source("a2", "The port of Kaspiysk was hit."),),
    )
    assert same_strike(first, second)
    merged = merge_events(first, second)
    assert merged.id == first.id
    assert [s.article_id for s in merged.sources] == ["a1", "a2"]
    assert merged.target == "missile ships"


def test_strongest_precision_wins() -> None:
    town = event(geo_precision=2)
    facility = event(
        place="Kaspiysk naval base", lat=42.87, lon=47.65, geo_precision=1, sources=(source("b"),)
    )
    month = event(date=date(2024, 11, 1), date_precision="month", sources=(source("c"),))
    merged = merge_events(merge_events(month, town), facility)
    assert merged.place == "Kaspiysk naval base" and merged.geo_precision == 1
    assert merged.date == date(2024, 11, 6) and merged.date_precision == "day"


def test_same_place_on_different_days_stays_two() -> None:
    sunday = event(date=date(2023, 7, 30), place="Moscow", lat=55.75, lon=37.62)
    tuesday = event(date=date(2023, 8, 1), place="Moscow", lat=55.75, lon=37.62)
    events, merged = merge_into([sunday], tuesday)
    assert not merged and len(events) == 2


def test_far_apart_sites_on_one_day_stay_two() -> None:
    kaspiysk = event()
    makhachkala_airport = event(
        place="Uytash", lat=42.816, lon=47.652, geo_precision=1, target_type="airbase"
    )
    assert not same_strike(kaspiysk, makhachkala_airport)
    novorossiysk = event(place="Novorossiysk", lat=44.72, lon=37.77)
    assert not same_strike(kaspiysk, novorossiysk)


def test_unknown_categories_do_not_block_a_merge_but_conflicts_do() -> None:
    assert same_strike(event(), event(target_type="unknown", weapon="unknown"))
    assert not same_strike(event(), event(weapon="sea_drone"))
    filled = merge_events(event(target_type="unknown"), event())
    assert filled.target_type == "naval"


def test_quotes_of_one_article_are_joined() -> None:
    merged = merge_events(
        event(sources=(source("a", "One."),)), event(sources=(source("a", "Two."),))
    )
    assert len(merged.sources) == 1 and merged.sources[0].quotes == ("One.", "Two.")
