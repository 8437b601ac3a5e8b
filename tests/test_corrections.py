"""An analyst's corrections: checked values, gazetteer places, and new measurements."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from dashboard.corrections import EventEdit, apply_edit, edit_event
from dashboard.errors import DateError, InputError, PlaceNotFound
from dashboard.geo.frontline import measure_point
from dashboard.geo.gazetteer import default_gazetteer
from dashboard.geo.geometry import geodesic_distance_km
from dashboard.loader import measure
from dashboard.model import DistanceClaim
from dashboard.store import Store
from tests.factories import event


def test_a_new_place_is_looked_up_and_measured_again() -> None:
    kaspiysk = measure([event()])[0]
    fixed = apply_edit(kaspiysk, EventEdit(place="Tuapse"))
    tuapse = default_gazetteer().best("Tuapse")
    assert tuapse is not None
    assert (fixed.place, fixed.admin1, fixed.country) == ("Tuapse", "Krasnodar Krai", "RU")
    assert (fixed.lat, fixed.lon) == (tuapse.lat, tuapse.lon)
    at_tuapse = measure_point(tuapse.lat, tuapse.lon, kaspiysk.date)
    assert fixed.distance_to_front_km == round(at_tuapse.front_km, 1)
    assert fixed.distance_to_front_km != kaspiysk.distance_to_front_km
    assert fixed.id == kaspiysk.id and fixed.sources == kaspiysk.sources


def test_a_new_date_is_measured_against_the_front_line_of_that_date() -> None:
    # Near Avdiivka, where the front moved between the two dates.
    before = measure([event(lat=48.14, lon=37.74, date=date(2022, 6, 1), place="Avdiivka")])[0]
    fixed = apply_edit(before, EventEdit(date=date(2024, 6, 1)))
    now = measure_point(48.14, 37.74, date(2024, 6, 1))
    assert fixed.frontline_id == now.frontline_id != before.frontline_id
    assert fixed.distance_to_front_km == round(now.front_km, 1)
    assert (fixed.date, fixed.date_precision) == (date(2024, 6, 1), "day")


def test_distance_claims_are_checked_again_at_the_new_place() -> None:
    claim = DistanceClaim("about 1,000 km from the front", 950.0, 1050.0, "front")
    kaspiysk = measure([event(distance_claims=(claim,))])[0]
    assert not kaspiysk.distance_claims[0].off
    fixed = apply_edit(kaspiysk, EventEdit(place="Belgorod"))
    (checked,) = fixed.distance_claims
    assert checked.measured_km == fixed.distance_to_front_km and checked.off


def test_a_month_or_year_is_kept_as_its_first_day() -> None:
    original = event()
    month = apply_edit(original, EventEdit(date=date(2024, 5, 17), date_precision="month"))
    assert (month.date, month.date_precision) == (date(2024, 5, 1), "month")
    year = apply_edit(original, EventEdit(date_precision="year"))
    assert (year.date, year.date_precision) == (date(2024, 1, 1), "year")


def test_a_point_given_by_hand_takes_the_region_of_a_place_that_agrees() -> None:
    original = measure([event()])[0]
    near_tuapse = apply_edit(
        original, EventEdit(place="the depot by the bay", lat=44.11, lon=39.09)
    )
    assert (near_tuapse.place, near_tuapse.lat, near_tuapse.lon) == (
        "the depot by the bay",
        44.11,
        39.09,
    )
    # No gazetteer place has that name: the region stays, and the point is measured.
    assert near_tuapse.admin1 == "Dagestan"
    named = apply_edit(original, EventEdit(place="Tuapse", lat=44.11, lon=39.09))
    assert (named.admin1, named.country) == ("Krasnodar Krai", "RU")
    far = apply_edit(original, EventEdit(place="Tuapse", lat=45.0, lon=41.0))
    tuapse = default_gazetteer().best("Tuapse")
    assert tuapse is not None and geodesic_distance_km(45.0, 41.0, tuapse.lat, tuapse.lon) > 25
    assert far.admin1 == "Dagestan"
    assert far.distance_to_front_km == round(measure_point(45.0, 41.0, original.date).front_km, 1)


def test_categories_change_without_measuring() -> None:
    original = measure([event()])[0]
    fixed = apply_edit(original, EventEdit(target_type="oil", weapon="missile", outcome="hit"))
    assert (fixed.target_type, fixed.weapon, fixed.outcome) == ("oil", "missile", "hit")
    assert fixed.distance_to_front_km == original.distance_to_front_km


@pytest.mark.parametrize(
    ("edit", "error", "message"),
    [
        (EventEdit(target_type="tank"), InputError, r"^unknown target type 'tank' \(one of: naval"),
        (EventEdit(weapon="laser"), InputError, "^unknown weapon 'laser'"),
        (EventEdit(outcome="maybe"), InputError, "^unknown outcome 'maybe'"),
        (EventEdit(date_precision="week"), InputError, "^unknown date precision 'week'"),
        (EventEdit(date=date(2013, 12, 31)), DateError, "before 2014-01-01; allow any date"),
        (EventEdit(date=date.today() + timedelta(days=2)), DateError, "after tomorrow"),
        (EventEdit(lat=44.0), InputError, "latitude and the longitude together"),
        (EventEdit(lat=91.0, lon=10.0), InputError, "latitude 91.0: not between -90 and 90"),
        (EventEdit(lat=1.0, lon=float("nan")), InputError, "longitude nan: not between"),
        (EventEdit(place="  "), InputError, "the place name is empty"),
        (EventEdit(place="Nowhereville"), PlaceNotFound, "no place called 'Nowhereville'"),
    ],
)
def test_values_that_cannot_be_used_are_refused_in_a_line(
    edit: EventEdit, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        apply_edit(event(), edit)


def test_a_date_out_of_range_is_kept_when_allowed() -> None:
    fixed = apply_edit(event(), EventEdit(date=date(2013, 5, 1), allow_any_date=True))
    assert fixed.date == date(2013, 5, 1)


def test_edit_event_goes_through_the_store_and_is_recorded(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite", analyst="ann") as store:
        store.save_events([measure([event()])[0]])
        old, new = edit_event(store, event().id, EventEdit(place="Tuapse"))
        assert store.require(event().id) == new != old
        edited = store.history(event().id)[-1]
        assert (edited.action, edited.analyst) == ("edited", "ann")
        assert edited.changes["place"] == ("Kaspiysk", "Tuapse")
        assert edited.changes["distance_to_front_km"] == (
            old.distance_to_front_km,
            new.distance_to_front_km,
        )
        # Nothing to change changes nothing, and records nothing.
        again = edit_event(store, event().id, EventEdit(place="Tuapse"))
        assert again == (new, new) and len(store.history(event().id)) == 2
