"""The map builder: what the map draws, what a popup can show, and that nothing runs."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

import folium
import numpy as np
import pytest
from shapely.geometry import LineString, Point, shape
from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

from dashboard.demo import SYNTHETIC_MARK, make_demo_events
from dashboard.exports import events_frame
from dashboard.frontline import Frontline, distances_to_front_km
from dashboard.geometry import distances_to_line_km
from dashboard.mapping import (
    MAX_ZOOM_OFFLINE,
    MAX_ZOOM_TILES,
    TARGET_STYLES,
    EventMarkers,
    band_polygon,
    build_base_map,
    events_layer,
    events_payload,
    js_data,
    load_basemap,
)
from dashboard.model import TARGET_TYPES, Event
from tests.factories import event, source

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> {{ 7*7 }}'


@pytest.fixture
def frontline() -> Frontline:
    line = LineString([(33.0, 46.6), (35.5, 47.4), (37.6, 48.0), (38.2, 49.5), (37.9, 50.2)])
    return Frontline(
        id="2024-11-01",
        valid_from=date(2024, 11, 1),
        name="Test line <b>November</b>",
        line=line,
        sources=("test",),
        via=tuple(f"v{i}" for i in range(5)),
    )


def _walk(element: folium.Element) -> list[folium.Element]:
    found = [element]
    for child in element._children.values():
        found.extend(_walk(child))
    return found


def test_shared_texts_are_sent_once() -> None:
    events = [event(lat=44.0 + i * 0.01, place="Tuapse") for i in range(300)]
    payload = events_payload(events_frame(events))
    assert len(payload) == 300
    assert payload.strings.count("Tuapse") == 1
    assert {payload.row(i)["place"] for i in range(300)} == {"Tuapse"}


def test_many_events_make_one_cluster_layer_not_one_marker_each() -> None:
    events = [
        event(lat=44.0 + i * 0.01, lon=38.0 + (i % 50) * 0.02, place=f"Site {i}")
        for i in range(2000)
    ]
    layer = events_layer(events_frame(events))
    elements = _walk(layer)
    clusters = [e for e in elements if isinstance(e, EventMarkers)]
    assert len(clusters) == 1 and clusters[0].count == 2000
    assert not [e for e in elements if isinstance(e, folium.Marker | folium.Popup)]


def test_events_without_coordinates_are_not_on_the_map() -> None:
    frame = events_frame([event(place="Here"), event(place="Nowhere", lat=None, lon=None)])
    payload = events_payload(frame)
    assert [payload.row(i)["place"] for i in range(len(payload))] == ["Here"]


def test_popup_data_holds_place_date_target_distances_claims_and_every_source() -> None:
    sources = (
        source("a1", quote="Drones hit the port.", outlet="Wire", url="https://a.example/1"),
        source("a2", quote="The ships were damaged.", outlet="Daily", published=date(2024, 11, 7)),
    )
    shown = event(
        date=date(2024, 11, 1),
        date_precision="month",
        target="missile ships",
        attacker_claim="Two ships hit",
        defender_claim="All drones downed",
        distance_to_front_km=612.34,
        distance_to_border_km=480.0,
        frontline_id="2024-11-01",
        sources=sources,
    )
    payload = events_payload(events_frame([shown]))
    row = payload.row(0)
    assert row["place"] == "Kaspiysk" and row["admin1"] == "Dagestan"
    assert row["date"] == "2024-11-01" and row["precision"] == 1  # "month"
    assert TARGET_TYPES[row["type"]] == "naval" and row["target"] == "missile ships"
    assert row["front_km"] == 612.3 and row["border_km"] == 480.0
    assert (row["attacker_claim"], row["defender_claim"]) == ("Two ships hit", "All drones downed")
    assert [(s["outlet"], s["published"], s["url"], s["quotes"]) for s in row["sources"]] == [
        ("Wire", "2024-11-06", "https://a.example/1", ["Drones hit the port."]),
        ("Daily", "2024-11-07", "https://example.org/a2", ["The ships were damaged."]),
    ]


def test_hostile_article_text_reaches_the_page_as_inert_data() -> None:
    hostile = event(
        place=HOSTILE,
        target=HOSTILE,
        attacker_claim=HOSTILE,
        sources=(source(quote=HOSTILE, outlet=HOSTILE, title=HOSTILE, url="javascript:alert(1)"),),
    )
    fmap = build_base_map()
    layer = events_layer(events_frame([hostile]))
    layer.add_to(fmap)
    html = fmap.get_root().render()
    for raw in ("<script>window", "<img", "{{ 7*7 }}", "</script><img"):
        assert raw not in html
    # The text is all there, escaped, and reads back unchanged.
    payload = _walk(layer)[1].payload
    assert payload.js() in html
    assert json.loads(payload.js()) == [payload.strings, *payload.columns]
    assert payload.row(0)["place"] == HOSTILE
    assert payload.row(0)["sources"][0]["quotes"] == [HOSTILE]
    # Links are only made from http(s) URLs; the popup code checks each one.
    assert "safeUrl" in html and "textContent" in html and "innerHTML" not in html


def test_js_data_escapes_everything_that_could_end_a_script_or_form_a_template() -> None:
    text = js_data(["</script>", "{% x %}", "a\u2028b", "&amp;"])
    assert not re.search(r"[<>&{}\u2028]", text)
    assert json.loads(text) == ["</script>", "{% x %}", "a\u2028b", "&amp;"]
    with pytest.raises(TypeError):
        js_data([{"a": 1}])


@pytest.mark.parametrize("km", [100.0, 500.0])
def test_band_edge_is_that_many_geodesic_km_from_the_front_line(
    frontline: Frontline, km: float
) -> None:
    band = band_polygon(frontline.line, km)
    edge = np.array(band.exterior.coords if band.geom_type == "Polygon" else [])
    assert len(edge) > 100
    distances = distances_to_line_km(edge[:, 1], edge[:, 0], frontline.line)
    # Short by at most 0.125 % between circles, plus the circles' chords.
    assert distances.max() <= km * 1.001
    assert distances.min() >= km * 0.997
    # Not a buffer in degrees: 1 degree of longitude is 72 km here, not 111.
    assert band.contains(Point(frontline.line.coords[2]))


def test_offline_map_has_no_tiles_and_a_max_zoom_for_clustering() -> None:
    offline = build_base_map()
    assert offline.options["maxZoom"] == MAX_ZOOM_OFFLINE
    assert not [e for e in _walk(offline) if isinstance(e, folium.TileLayer)]
    online = build_base_map(tiles="OpenStreetMap")
    assert online.options["maxZoom"] == MAX_ZOOM_TILES
    assert [e for e in _walk(online) if isinstance(e, folium.TileLayer)]


def test_map_draws_front_line_switchable_bands_and_a_legend(frontline: Frontline) -> None:
    fmap = build_base_map(frontline=frontline, bands_km=(100, 300))
    html = fmap.get_root().render()
    assert "sm-frontline" in html
    for label in ("Within 100 km of the front line", "Within 300 km of the front line"):
        assert json.dumps(label) in html  # a layer the layer control switches
    for style in TARGET_STYLES.values():
        assert js_data([style.colour, style.icon, style.label]) in html  # a legend row
    assert set(TARGET_STYLES) == set(TARGET_TYPES)
    assert "<b>November</b>" not in html


def test_base_map_can_be_drawn_again_by_st_folium(frontline: Frontline) -> None:
    """The page draws one cached base map on every run; each drawing must be whole."""
    fmap = build_base_map(frontline=frontline, bands_km=(100,))
    hashes = set()
    for run in range(3):
        fmap.get_root().render()
        script = _get_map_string(fmap)
        layer = events_layer(events_frame([event(place=f"Run {run}")]))
        script += _get_feature_group_string(layer, fmap)
        fmap._children.pop(layer.get_name())
        defined = set(re.findall(r"(?:var|let|const) (\w+)\s*=", script))
        used = set(re.findall(r"\b((?:feature_group|map|basemap|front_line)_\w+)\b", script))
        assert not {u for u in used if not u.endswith(("_data", "_tip"))} - defined, run
        hashes.add(generate_js_hash(_get_map_string(fmap), "map", False))
    assert len(hashes) == 1  # the same component: a new layer keeps the view


def test_shipped_basemap_draws_crimea_in_ukraine_and_both_countries_regions() -> None:
    collection = json.loads(load_basemap()[0].replace("\\u003c", "<"))
    countries = {
        f["properties"]["iso_a2"]: shape(f["geometry"])
        for f in collection["features"]
        if f["properties"]["kind"] == "country"
    }
    assert countries["UA"].contains(Point(33.5221, 44.6054))  # Sevastopol
    assert countries["RU"].contains(Point(36.5983, 50.5997))  # Belgorod
    assert not countries["RU"].contains(Point(34.1024, 44.9521))  # Simferopol
    regions = {
        f["properties"]["iso_a2"]
        for f in collection["features"]
        if f["properties"]["kind"] == "regions"
    }
    assert regions == {"RU", "UA"}


# -- demo events ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_events() -> list[Event]:
    return make_demo_events(600, seed=3)


def test_demo_events_are_repeatable_and_all_stored(demo_events: list[Event]) -> None:
    assert [e.to_dict() for e in make_demo_events(600, seed=3)] == [
        e.to_dict() for e in demo_events
    ]
    assert make_demo_events(50, seed=4)[0].to_dict() != demo_events[0].to_dict()
    assert len({e.id for e in demo_events}) == 600


def test_demo_events_say_they_are_synthetic(demo_events: list[Event]) -> None:
    for demo in demo_events:
        for item in demo.sources:
            assert all(q.startswith(SYNTHETIC_MARK) for q in item.quotes)
            assert item.url is not None and ".invalid/" in item.url
            assert item.outlet is not None and item.outlet.startswith("Demo")


def test_demo_events_look_like_the_war(demo_events: list[Event]) -> None:
    years = Counter(e.date.year for e in demo_events)
    assert min(e.date for e in demo_events) >= date(2022, 2, 24)
    assert max(e.date for e in demo_events) <= date(2025, 12, 31)
    assert years[2025] > years[2024] > years[2023] > years[2022]
    weapons = Counter(e.weapon for e in demo_events)
    assert weapons.most_common(1)[0][0] == "aerial_drone"
    assert all(e.weapon != "sea_drone" or e.target_type == "naval" for e in demo_events)
    located = [e for e in demo_events if e.located]
    assert 0.9 < len(located) / len(demo_events) < 1.0
    assert {e.country for e in located} <= {"RU", "UA"}
    assert all(e.occupied for e in located if e.country == "UA")


def test_demo_distances_are_measured_like_real_ones(demo_events: list[Event]) -> None:
    located = [e for e in demo_events if e.located][:50]
    km, ids = distances_to_front_km(
        [e.lat for e in located], [e.lon for e in located], [e.date for e in located]
    )
    assert [e.distance_to_front_km for e in located] == [round(float(k), 1) for k in km]
    assert [e.frontline_id for e in located] == [str(i) for i in ids]
    assert all(e.distance_to_border_km is not None for e in located)
