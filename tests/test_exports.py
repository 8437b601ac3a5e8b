"""CSV and GeoJSON exports: one row or feature per event, sources included, formulas inert."""

import csv
import io
import json

from dashboard.exports import (
    CSV_COLUMNS,
    events_frame,
    events_to_csv,
    events_to_geojson,
    write_csv,
    write_geojson,
)
from tests.factories import event, source
from tests.hostile import assert_inert_csv, hostile_events

EXPECTED_HEADER = (
    "id,date,date_precision,place,admin1,country,occupied,lat,lon,geo_precision,target_type,"
    "target,weapon,outcome,attacker_claim,defender_claim,distance_to_front_km,distance_to_border_km,"
    "distance_to_held_km,side,frontline_id,quote,distance_claims,claims_off,source_count,outlets,urls,source_dates,"
    "sources_json"
)


def test_csv_row_as_a_spreadsheet_user_sees_it() -> None:
    kaspiysk = event(
        distance_to_front_km=969.94,
        distance_to_border_km=800.04,
        frontline_id="2024-11-01",
        defender_claim="air defences destroyed one drone",
        sources=(source("a1", "Drones hit Kaspiysk."), source("a2", "Ships were damaged.")),
    )
    lines = events_to_csv([kaspiysk]).splitlines()
    assert lines[0] == EXPECTED_HEADER
    row = next(csv.DictReader(io.StringIO(events_to_csv([kaspiysk]))))
    assert row["date"] == "2024-11-06" and row["place"] == "Kaspiysk"
    assert row["distance_to_front_km"] == "969.9" and row["distance_to_border_km"] == "800.0"
    assert row["outlets"] == "Wire | Wire"
    assert row["urls"] == "https://example.org/a1 | https://example.org/a2"
    assert row["quote"] == "Drones hit Kaspiysk."
    assert row["source_count"] == "2"
    assert [s["quotes"] for s in json.loads(row["sources_json"])] == [
        ["Drones hit Kaspiysk."],
        ["Ships were damaged."],
    ]


def test_formula_cells_are_neutralised_numbers_are_not() -> None:
    hostile = event(
        place='=HYPERLINK("http://evil")',
        target="+1+1",
        lon=-47.5,
        sources=(source("a", "@SUM(A1)"), source("b", "-2+3")),
    )
    row = next(csv.DictReader(io.StringIO(events_to_csv([hostile]))))
    assert row["place"] == '\'=HYPERLINK("http://evil")'
    assert row["target"] == "'+1+1"
    assert row["quote"] == "'@SUM(A1)"
    assert row["lon"] == "-47.5"


def test_unlocated_event_exports_with_empty_coordinates_and_null_geometry() -> None:
    port = event(place=None, lat=None, lon=None, geo_precision=4, admin1=None)
    row = next(csv.DictReader(io.StringIO(events_to_csv([port]))))
    assert (row["lat"], row["lon"], row["place"], row["geo_precision"]) == ("", "", "", "4")
    feature = events_to_geojson([port])["features"][0]
    assert feature["geometry"] is None and feature["properties"]["geo_precision"] == 4


def test_geojson_point_is_lon_lat_with_sources() -> None:
    collection = events_to_geojson([event()])
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [47.6392, 42.8817]}
    assert feature["properties"]["sources"][0]["outlet"] == "Wire"
    json.dumps(collection)


def test_frame_has_the_csv_columns_even_when_empty() -> None:
    assert list(events_frame([]).columns) == list(CSV_COLUMNS)
    assert len(events_frame([event(), event(place="Moscow", lat=55.7, lon=37.6)])) == 2


def test_injection_payloads_stay_inert_text_one_row_per_event() -> None:
    events = hostile_events()
    assert_inert_csv(events_to_csv(events), events)


def test_a_carriage_return_stays_inside_its_quoted_cell() -> None:
    text = events_to_csv([event(place="Tuapse\rport", target="oil, gas")])
    assert '"Tuapse\rport"' in text and '"oil, gas"' in text
    (row,) = csv.DictReader(io.StringIO(text, newline=""))
    assert (row["place"], row["target"]) == ("Tuapse\rport", "oil, gas")


def test_each_exported_row_says_whether_the_strike_hit() -> None:
    rows = list(csv.DictReader(io.StringIO(events_to_csv([event(outcome="intercepted")]))))
    assert rows[0]["outcome"] == "intercepted"


def test_streamed_exports_write_what_the_whole_ones_give() -> None:
    # Hostile text (formulas, quotes, line breaks) and a second source, through both writers.
    for events in ([], [event()], [*hostile_events(), event(sources=(source("a"), source("b")))]):
        csv_out, geojson_out = io.StringIO(), io.StringIO()
        write_csv(iter(events), csv_out)
        write_geojson(iter(events), geojson_out)
        assert csv_out.getvalue() == events_to_csv(events)
        whole = json.dumps(events_to_geojson(events), ensure_ascii=False, indent=2)
        assert geojson_out.getvalue() == whole
        assert len(json.loads(geojson_out.getvalue())["features"]) == len(events)
