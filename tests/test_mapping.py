"""The map builder: what the map draws, what a popup can show, and that nothing runs."""

from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path

import folium
import numpy as np
import pytest
from shapely.geometry import LineString, Point, shape
from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

from dashboard.assets import local_path
from dashboard.demo import SYNTHETIC_MARK, make_demo_events
from dashboard.exports import events_frame
from dashboard.frontline import Frontline, distances_to_front_km
from dashboard.geometry import distances_to_line_km
from dashboard.mapping import (
    CACHE_MAX_AGE_S,
    DETAILS_CHUNK,
    MAX_ZOOM_OFFLINE,
    MAX_ZOOM_TILES,
    DetailsTable,
    EventMarkers,
    band_polygon,
    build_base_map,
    details_url,
    event_details,
    events_layer,
    js_data,
    load_basemap,
    marker_payload,
    publish_basemap,
    publish_details,
    write_details,
)
from dashboard.model import OUTCOMES, TARGET_TYPES, DistanceClaim, Event
from dashboard.palette import MISSING, OUTCOME_STYLES, TARGET_STYLES
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
    payload = marker_payload(events_frame(events))
    assert len(payload) == 300
    assert payload.strings.count("Tuapse") == 1
    assert {payload.row(i)["place"] for i in range(300)} == {"Tuapse"}
    details = event_details(events)
    assert details.strings.count("Tuapse") == 1
    assert details.strings.count("Drones hit the port.") == 1


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
    payload = marker_payload(frame)
    assert [payload.row(i)["place"] for i in range(len(payload))] == ["Here"]


def test_markers_carry_rounded_coordinates_and_their_row_in_the_store() -> None:
    frame = events_frame(
        [event(place="Nowhere", lat=None, lon=None), event(lat=44.123456, lon=38.987654)]
    )
    marker = marker_payload(frame).row(0)
    assert (marker["lat"], marker["lon"]) == (44.1235, 38.9877)
    assert marker["ref"] == 1 and marker["date"] == "2024-11-06"
    assert TARGET_TYPES[marker["type"]] == "naval"


def test_popup_data_holds_place_date_target_distances_claims_and_every_source() -> None:
    sources = (
        source("a1", quote="Drones hit the port.", outlet="Wire", url="https://a.example/1"),
        source("a2", quote="The ships were damaged.", outlet="Daily", published=date(2024, 11, 7)),
    )
    claims = (
        DistanceClaim("over 1000 km behind the frontline", 1000.0, 1300.0, "front", None, 612.3),
        DistanceClaim("about 40 km from Makhachkala", 36.0, 44.0, "place", "Makhachkala", 17.9),
        DistanceClaim("hundreds of miles from the border", 321.9, 1607.7, "border"),
    )
    shown = event(
        date=date(2024, 11, 1),
        date_precision="month",
        target="missile ships",
        attacker_claim="Two ships hit",
        defender_claim="All drones downed",
        distance_to_front_km=612.34,
        distance_to_border_km=480.0,
        distance_to_held_km=655.56,
        side="russia",
        frontline_id="2024-11-01",
        sources=sources,
        distance_claims=claims,
    )
    row = event_details([shown]).row(0)
    assert row["place"] == "Kaspiysk" and row["admin1"] == "Dagestan"
    assert row["date"] == "2024-11-01" and row["precision"] == "month"
    assert row["type"] == "naval" and row["target"] == "missile ships"
    assert row["weapon"] == "aerial_drone"
    assert (row["front_km"], row["border_km"], row["held_km"]) == (612.3, 480.0, 655.6)
    assert row["side"] == "russia" and row["frontline_id"] == "2024-11-01"
    assert (row["attacker_claim"], row["defender_claim"]) == ("Two ships hit", "All drones downed")
    assert [
        (c["text"], c["reference"], c["place"], c["measured_km"], c["off"]) for c in row["claims"]
    ] == [
        ("over 1000 km behind the frontline", "front", None, 612.3, True),
        ("about 40 km from Makhachkala", "place", "Makhachkala", 17.9, True),
        ("hundreds of miles from the border", "border", None, None, False),
    ]
    assert (row["claims"][0]["low_km"], row["claims"][0]["high_km"]) == (1000.0, 1300.0)
    assert [(s["outlet"], s["published"], s["url"], s["quotes"]) for s in row["sources"]] == [
        ("Wire", "2024-11-06", "https://a.example/1", ["Drones hit the port."]),
        ("Daily", "2024-11-07", "https://example.org/a2", ["The ships were damaged."]),
    ]


def test_an_unlocated_frame_without_events_still_has_its_details() -> None:
    frame = events_frame([event(place="Nowhere", lat=None, lon=None), event(place="Here")])
    markers = _walk(events_layer(frame))[1]
    assert markers.details is not None
    assert markers.details.row(markers.payload.row(0)["ref"])["place"] == "Here"
    # Rebuilt from the frame: sources come through, claims (text only there) do not.
    assert markers.details.row(0)["sources"][0]["quotes"] == ["Drones hit the port."]
    assert markers.details.row(0)["claims"] == []


def test_hostile_article_text_reaches_the_page_as_inert_data() -> None:
    hostile = event(
        place=HOSTILE,
        target=HOSTILE,
        attacker_claim=HOSTILE,
        sources=(source(quote=HOSTILE, outlet=HOSTILE, title=HOSTILE, url="javascript:alert(1)"),),
        distance_claims=(DistanceClaim(HOSTILE, 10.0, 20.0, "place", HOSTILE),),
    )
    fmap = build_base_map()
    layer = events_layer(events_frame([hostile]), events=[hostile])
    layer.add_to(fmap)
    html = fmap.get_root().render()
    for raw in ("<script>window", "<img", "{{ 7*7 }}", "</script><img"):
        assert raw not in html
    # The text is all there, escaped, and reads back unchanged.
    markers = _walk(layer)[1]
    assert js_data(markers.payload.json()) in html
    assert markers.details is not None
    assert js_data(markers.details.json()) in html
    assert json.loads(markers.payload.json()) == [markers.payload.strings, *markers.payload.columns]
    assert markers.payload.row(0)["place"] == HOSTILE
    row = markers.details.row(0)
    assert row["place"] == HOSTILE and row["sources"][0]["quotes"] == [HOSTILE]
    assert row["claims"][0]["text"] == HOSTILE and row["claims"][0]["place"] == HOSTILE
    # Links are only made from http(s) URLs; the popup code checks each one.
    assert "safeUrl" in html and "textContent" in html and "innerHTML" not in html


def test_a_layer_for_the_app_fetches_its_details_and_carries_none() -> None:
    shown = event(sources=(source(quote="A sentence only the details hold."),))
    layer = events_layer(events_frame([shown]), details_url="/app/static/cache/details/d1-v")
    fmap = build_base_map()
    layer.add_to(fmap)
    html = fmap.get_root().render()
    assert js_data(["/app/static/cache/details/d1-v", DETAILS_CHUNK, None, None]) in html
    assert "A sentence only the details hold." not in html
    assert _walk(layer)[1].details is None


def test_details_files_hold_each_event_at_its_row_escaped(tmp_path: Path) -> None:
    events = [
        event(place=f"Site {i}", lat=44.0 + i * 0.01, sources=(source(quote=HOSTILE),))
        for i in range(25)
    ]
    files = write_details(events, tmp_path / "d", chunk=10)
    assert [f.name for f in files] == ["0.json", "1.json", "2.json"]
    for number, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        assert "<" not in text and ">" not in text
        strings, *columns = json.loads(text)
        table = DetailsTable(strings, columns)
        assert len(table) == (10 if number < 2 else 5)
        assert table.row(3)["place"] == f"Site {number * 10 + 3}"
        assert table.row(3)["sources"][0]["quotes"] == [HOSTILE]


def test_details_are_published_once_per_version_and_old_ones_removed(tmp_path: Path) -> None:
    events = [event(place="Tuapse")]
    url = publish_details(events, "v1", root=tmp_path, url="/static/d")
    assert url == "/static/d/d2-v1" == details_url("v1", "/static/d")
    first = tmp_path / "d2-v1" / "0.json"
    strings, *columns = json.loads(first.read_text(encoding="utf-8"))
    assert DetailsTable(strings, columns).row(0)["place"] == "Tuapse"
    # A second call keeps the files as written; git is told to leave the folder alone.
    written = first.stat().st_mtime_ns
    publish_details([event(place="Changed")], "v1", root=tmp_path, url="/static/d")
    assert first.stat().st_mtime_ns == written
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*\n"
    # Long unused versions go when a new one is written; the one in use stays.
    stale = tmp_path / "d2-old"
    stale.mkdir()
    old = time.time() - CACHE_MAX_AGE_S - 60
    os.utime(stale, (old, old))
    os.utime(tmp_path / "d2-v1", (old, old))
    publish_details(events, "v1", root=tmp_path, url="/static/d")
    publish_details(events, "v2", root=tmp_path, url="/static/d")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore", "d2-v1", "d2-v2"]
    with pytest.raises(ValueError):
        publish_details(events, "../escape", root=tmp_path, url="/static/d")


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


def test_the_basemap_can_be_fetched_instead_of_riding_in_every_map(tmp_path: Path) -> None:
    url = publish_basemap(root=tmp_path, url="/static/b")
    (published,) = [p for p in tmp_path.iterdir() if p.name != ".gitignore"]
    assert url == f"/static/b/{published.name}"
    geojson_js, _ = load_basemap()
    assert published.read_text(encoding="utf-8") == geojson_js
    assert json.loads(geojson_js)["type"] == "FeatureCollection"
    assert publish_basemap(root=tmp_path, url="/static/b") == url  # named by its content
    html = build_base_map(basemap_url=url).get_root().render()
    assert js_data(url) in html and geojson_js not in html
    assert geojson_js in build_base_map().get_root().render()


def test_each_popup_links_to_its_events_page_to_correct_it() -> None:
    shown = event(place="Tuapse")
    fmap = build_base_map()
    events_layer(
        events_frame([shown]), details_url="/app/static/cache/details/v", edit_url="/event?event="
    ).add_to(fmap)
    html = fmap.get_root().render()
    assert js_data(["/app/static/cache/details/v", DETAILS_CHUNK, None, "/event?event="]) in html
    # The popup appends the event's id, which its details carry, to that address.
    assert "editUrl + encodeURIComponent(S('id'))" in html
    assert event_details([shown]).row(0)["id"] == shown.id
    # A map saved on its own has no app to link to: no Edit link.
    alone = build_base_map()
    layer = events_layer(events_frame([shown]), events=[shown])
    layer.add_to(alone)
    details = _walk(layer)[1].details
    assert details is not None
    assert js_data([None, 1, details.json(), None]) in alone.get_root().render()


def test_interceptions_are_marked_and_drawn_as_a_layer_of_their_own() -> None:
    frame = events_frame(
        [
            event(place="Hit here", outcome="hit"),
            event(place="Shot down here", lat=52.0, lon=34.0, outcome="intercepted"),
        ]
    )
    payload = marker_payload(frame)
    assert [OUTCOMES[payload.row(i)["outcome"]] for i in range(2)] == ["hit", "intercepted"]
    assert event_details([event(outcome="intercepted")]).row(0)["outcome"] == "intercepted"
    fmap = build_base_map()
    events_layer(frame).add_to(fmap)
    html = fmap.get_root().render()
    caught = OUTCOME_STYLES["intercepted"]
    # The browser code is told which outcome is an interception and what to call its layer,
    # and the key has a row for it.
    labels = [OUTCOME_STYLES[o].label for o in OUTCOMES]
    assert js_data([labels, OUTCOMES.index("intercepted"), MISSING, caught.label]) in html
    assert js_data([caught.colour, caught.icon, caught.label]) in html
    assert "switchable(map, parent, caught" in html


def test_a_layer_can_open_on_one_event_and_only_a_located_one() -> None:
    frame = events_frame(
        [event(place="Nowhere", lat=None, lon=None), event(place="A"), event(place="B", lat=45)]
    )
    for_app = _walk(events_layer(frame, details_url="/app/static/cache/details/d1-v", focus=2))
    assert for_app[1].focus == 2  # the event's row in the store, as the markers' ref
    alone = _walk(events_layer(frame, focus=2))
    assert alone[1].focus == 1  # its position among the located events the map carries
    assert alone[1].js().endswith(", 1);\n")
    assert _walk(events_layer(frame, focus=0))[1].focus is None  # not located
    assert _walk(events_layer(frame))[1].js().endswith(", null);\n")


def test_the_maps_styles_and_helpers_are_files_the_app_serves() -> None:
    fmap = build_base_map()
    events_layer(events_frame([event()])).add_to(fmap)
    html = fmap.get_root().render()
    for url in ("/app/static/strikemap/map.css", "/app/static/strikemap/map.js"):
        assert html.count(url) == 1
        assert local_path(url).is_file()
    assert "<style" not in html.split("<body>")[1]
