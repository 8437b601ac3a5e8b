"""The map builder: what the map draws, what a popup can show, and that nothing runs."""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, Point, shape
from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

from dashboard.assets import local_path
from dashboard.demo import SYNTHETIC_MARK, make_demo_events
from dashboard.exports import events_frame
from dashboard.filters import Filters, filter_mask
from dashboard.geo.frontline import Frontline, distances_to_front_km
from dashboard.geo.geometry import distances_to_line_km
from dashboard.mapping import (
    CACHE_MAX_AGE_S,
    DETAILS_CHUNK,
    EVENTS_WORKER_URL,
    MAX_ZOOM_OFFLINE,
    MAX_ZOOM_TILES,
    POINT_COLUMNS,
    DetailsDraft,
    DetailsTable,
    EventLayer,
    PublishedPoints,
    band_polygon,
    build_base_map,
    day_number,
    details_in_use,
    event_details,
    events_layer,
    js_data,
    lines_layer,
    load_basemap,
    map_points,
    points_mask,
    publish_basemap,
    publish_points,
)
from dashboard.model import OUTCOMES, TARGET_TYPES, DistanceClaim, Event
from dashboard.palette import OUTCOME_STYLES, TARGET_STYLES
from tests.factories import event, source

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> {{ 7*7 }}'
EVENTS_JS = local_path("/app/static/strikemap/events.js").read_text(encoding="utf-8")
MAP_JS_TEXT = local_path("/app/static/strikemap/map.js").read_text(encoding="utf-8")


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


def _published(frame: pd.DataFrame) -> PublishedPoints:
    return PublishedPoints("/app/static/cache/points/p2-v.bin.gz", map_points(frame).rows)


def _layer(frame: pd.DataFrame, **options: Any) -> folium.FeatureGroup:
    return events_layer(_published(frame), "/app/static/cache/details/d2-v", **options)


def _read_points(data: bytes) -> dict[str, np.ndarray]:
    """The points file read as the browser's worker reads it."""
    sizes = {"f4": 4, "u4": 4, "i4": 4, "u2": 2, "u1": 1}
    count = len(data) // sum(sizes[kind] for _, kind in POINT_COLUMNS)
    columns, at = {}, 0
    for name, kind in POINT_COLUMNS:
        columns[name] = np.frombuffer(data, dtype=f"<{kind}", count=count, offset=at)
        at += count * sizes[kind]
    assert at == len(data)
    return columns


def test_shared_texts_of_the_popups_are_sent_once() -> None:
    events = [event(lat=44.0 + i * 0.01, place="Tuapse") for i in range(300)]
    details = event_details(events)
    assert details.strings.count("Tuapse") == 1
    assert details.strings.count("Drones hit the port.") == 1


def test_many_events_make_one_layer_whose_points_are_fetched_not_one_marker_each() -> None:
    events = [
        event(lat=44.0 + i * 0.01, lon=38.0 + (i % 50) * 0.02, place=f"Site {i}")
        for i in range(2000)
    ]
    layer = _layer(events_frame(events))
    elements = _walk(layer)
    (drawn,) = [e for e in elements if isinstance(e, EventLayer)]
    assert drawn.count == 2000
    assert not [e for e in elements if isinstance(e, folium.Marker | folium.Popup)]
    # The layer's script carries where to fetch the points, never the points themselves.
    script = drawn.js()
    assert "/app/static/cache/points/p2-v.bin.gz" in script and "Site 1999" not in script
    assert "44.01" not in script and len(script) < 5_000


def test_events_without_coordinates_are_not_on_the_map() -> None:
    frame = events_frame([event(place="Here"), event(place="Nowhere", lat=None, lon=None)])
    assert map_points(frame).rows.tolist() == [0]


def test_points_carry_coordinates_type_outcome_date_and_their_row_in_the_store() -> None:
    frame = events_frame(
        [
            event(place="Nowhere", lat=None, lon=None),
            event(lat=44.123456, lon=38.987654, target_type="oil", outcome="intercepted"),
            event(date=date(2024, 2, 10), date_precision="month", target_type="unknown"),
            event(date=date(2024, 2, 10), date_precision="year"),
        ]
    )
    read = _read_points(map_points(frame).to_bytes())
    assert read["lat"][0] == pytest.approx(44.123456, abs=1e-5)
    assert read["lon"][0] == pytest.approx(38.987654, abs=1e-5)
    assert read["ref"].tolist() == [1, 2, 3]
    assert [TARGET_TYPES[t] for t in read["type"]] == ["oil", "unknown", "naval"]
    assert [OUTCOMES[o] for o in read["outcome"]] == ["intercepted", "unknown", "unknown"]
    # Days since 1970; an event dated to a month or a year spans to its period's end.
    assert read["day"].tolist() == [
        day_number(date(2024, 11, 6)),
        day_number(date(2024, 2, 10)),
        day_number(date(2024, 2, 10)),
    ]
    assert day_number(date(1970, 1, 2)) == 1
    assert read["span"].tolist() == [0, 19, 325]


def test_the_browsers_date_window_keeps_what_the_date_filter_keeps() -> None:
    # The demo's draw changes with its pool of sites; a month and a year that reach into the
    # narrow windows keep each window holding something whatever the draw.
    frame = events_frame(
        [
            *make_demo_events(3000, seed=5),
            event(date=date(2022, 2, 10), date_precision="month"),
            event(date=date(2024, 5, 1), date_precision="year"),
        ]
    )
    points = map_points(frame)
    day, span = points.columns["day"], points.columns["span"].astype(np.int64)
    for start, end in [
        (date(2023, 3, 1), date(2023, 3, 31)),
        (date(2022, 2, 24), date(2022, 3, 1)),
        (date(2024, 12, 31), date(2025, 1, 1)),
    ]:
        # What events.js's worker keeps: the period reaches the window and starts before
        # its end.
        kept = (day + span >= day_number(start)) & (day <= day_number(end))
        expected = filter_mask(frame, Filters(start=start, end=end)).to_numpy()[points.rows]
        assert kept.tolist() == expected.tolist()
        assert 0 < kept.sum() < len(kept)


def test_the_mask_sends_every_kept_point_in_its_smaller_form() -> None:
    frame = events_frame(
        [event(place="Nowhere", lat=None, lon=None)] + [event(place=f"S{i}") for i in range(400)]
    )
    points = _published(frame)
    assert points_mask(points, frame.index) is None
    assert points_mask(points, frame.index[1:]) is None  # the unlocated event is no point
    few = points_mask(points, pd.Index([0, 3, 400]))
    assert few is not None and few[0] == "rows"
    assert np.frombuffer(base64.b64decode(few[1]), dtype="<u4").tolist() == [2, 399]
    many = points_mask(points, frame.index[frame.index % 3 == 0])
    assert many is not None and many[0] == "bits"
    bits = np.unpackbits(
        np.frombuffer(base64.b64decode(many[1]), dtype=np.uint8), bitorder="little"
    )[:400]
    assert bits.tolist() == [int((i + 1) % 3 == 0) for i in range(400)]


def test_points_are_published_once_per_version(tmp_path: Path) -> None:
    frame = events_frame([event(place="A"), event(place="B", lat=45.0)])
    published = publish_points(map_points(frame), "v1", root=tmp_path, url="/static/p")
    assert published.url == "/static/p/p2-v1.bin.gz" and published.rows.tolist() == [0, 1]
    path = tmp_path / "p2-v1.bin.gz"
    assert gzip.decompress(path.read_bytes()) == map_points(frame).to_bytes()
    written = path.read_bytes()
    # The version names the events: a second call with it writes nothing new.
    other = map_points(events_frame([event(lat=10.0)]))
    publish_points(other, "v1", root=tmp_path, url="/static/p")
    assert path.read_bytes() == written
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*\n"
    with pytest.raises(ValueError):
        publish_points(map_points(frame), "../escape", root=tmp_path, url="/static/p")


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


def test_hostile_article_text_never_reaches_the_maps_script() -> None:
    hostile = event(
        place=HOSTILE,
        target=HOSTILE,
        attacker_claim=HOSTILE,
        sources=(source(quote=HOSTILE, outlet=HOSTILE, title=HOSTILE, url="javascript:alert(1)"),),
        distance_claims=(DistanceClaim(HOSTILE, 10.0, 20.0, "place", HOSTILE),),
    )
    fmap = build_base_map()
    _layer(events_frame([hostile])).add_to(fmap)
    html = fmap.get_root().render()
    for raw in ("<script>window", "<img", "{{ 7*7 }}", "__pwned"):
        assert raw not in html
    # The popups' text comes from the details files; the browser code puts it on the page
    # as text, and makes links only from http(s) URLs.
    row = event_details([hostile]).row(0)
    assert row["place"] == HOSTILE and row["sources"][0]["quotes"] == [HOSTILE]
    assert "safeUrl" in EVENTS_JS and "textContent" in EVENTS_JS
    assert "innerHTML" not in EVENTS_JS


def test_a_layer_fetches_its_details_and_carries_none() -> None:
    shown = event(sources=(source(quote="A sentence only the details hold."),))
    fmap = build_base_map()
    _layer(events_frame([shown])).add_to(fmap)
    html = fmap.get_root().render()
    assert '"details":["/app/static/cache/details/d2-v",' + str(DETAILS_CHUNK) in html
    assert "A sentence only the details hold." not in html


def _publish_details(events: list[Event], version: str, root: Path, chunk: int = 10) -> str:
    draft = DetailsDraft(root=root, url="/static/d", chunk=chunk)
    for start in range(0, len(events), chunk):
        draft.write(events[start : start + chunk])
    return draft.publish(version)


def test_details_files_hold_each_event_at_its_row_escaped(tmp_path: Path) -> None:
    events = [
        event(place=f"Site {i}", lat=44.0 + i * 0.01, sources=(source(quote=HOSTILE),))
        for i in range(25)
    ]
    _publish_details(events, "v1", tmp_path)
    files = sorted((tmp_path / "d2-v1").glob("*.json"))
    assert [f.name for f in files] == ["0.json", "1.json", "2.json"]
    for number, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        assert "<" not in text and ">" not in text
        strings, *columns = json.loads(text)
        table = DetailsTable(strings, columns)
        assert len(table) == (10 if number < 2 else 5)
        assert table.row(3)["place"] == f"Site {number * 10 + 3}"
        assert table.row(3)["sources"][0]["quotes"] == [HOSTILE]
    with pytest.raises(ValueError):
        DetailsDraft(root=tmp_path, chunk=2).write(events[:3])


def test_details_are_published_once_per_version_and_old_ones_removed(tmp_path: Path) -> None:
    events = [event(place="Tuapse")]
    assert _publish_details(events, "v1", tmp_path) == "/static/d/d2-v1"
    first = tmp_path / "d2-v1" / "0.json"
    strings, *columns = json.loads(first.read_text(encoding="utf-8"))
    assert DetailsTable(strings, columns).row(0)["place"] == "Tuapse"
    # A second publication keeps the files as written, and leaves no draft behind; git is
    # told to leave the folder alone.
    written = first.stat().st_mtime_ns
    _publish_details([event(place="Changed")], "v1", tmp_path)
    assert first.stat().st_mtime_ns == written
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore", "d2-v1"]
    # Long unused versions go when a new one is written; the one in use stays.
    stale = tmp_path / "d2-old"
    stale.mkdir()
    old = time.time() - CACHE_MAX_AGE_S - 60
    os.utime(stale, (old, old))
    os.utime(tmp_path / "d2-v1", (old, old))
    assert details_in_use("v1", root=tmp_path)
    _publish_details(events, "v2", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore", "d2-v1", "d2-v2"]
    assert not details_in_use("v3", root=tmp_path)
    with pytest.raises(ValueError):
        _publish_details(events, "../escape", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore", "d2-v1", "d2-v2"]


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
    fmap = build_base_map(front_line=True, bands=True)
    lines_layer(frontline, bands_km=(100, 300)).add_to(fmap)
    html = fmap.get_root().render()
    assert "window.strikemap.frontLine(" in html and "'sm-frontline'" in MAP_JS_TEXT
    for label in ("Within 100 km of the front line", "Within 300 km of the front line"):
        assert json.dumps(label) in html  # a layer the layer control switches
    for style in TARGET_STYLES.values():
        assert js_data([style.colour, style.icon, style.label]) in html  # a legend row
    assert set(TARGET_STYLES) == set(TARGET_TYPES)
    assert "<b>November</b>" not in html


def test_base_map_can_be_drawn_again_by_st_folium(frontline: Frontline) -> None:
    """The page draws one cached base map on every run, with the front lines and events of
    that run; each drawing must be whole, and the map the same whatever the lines."""
    fmap = build_base_map(front_line=True, bands=True)
    later = Frontline(
        id="2025-03-16",
        valid_from=date(2025, 3, 16),
        name="A later line",
        line=LineString([(33.5, 46.7), (37.0, 48.2), (38.0, 50.0)]),
        sources=("test",),
        via=("v0", "v1", "v2"),
    )
    hashes = set()
    for run, line in enumerate((frontline, later, frontline)):
        fmap.get_root().render()
        script = _get_map_string(fmap)
        groups = [
            lines_layer(line, compare=later if run == 2 else None, bands_km=(100,)),
            _layer(events_frame([event(place=f"Run {run}")])),
        ]
        for idx, group in enumerate(groups):
            script += _get_feature_group_string(group, fmap, idx)
        for group in groups:
            fmap._children.pop(group.get_name())
        defined = set(re.findall(r"(?:var|let|const) (\w+)\s*=", script))
        used = set(re.findall(r"\b((?:feature_group|map|basemap|front_line)_\w+)\b", script))
        assert not used - defined, run
        hashes.add(generate_js_hash(_get_map_string(fmap), "map", False))
    # The same component: new lines and events keep the map and its view.
    assert len(hashes) == 1


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
    _layer(events_frame([shown]), edit_url="/event?event=").add_to(fmap)
    html = fmap.get_root().render()
    assert f'"details":["/app/static/cache/details/d2-v",{DETAILS_CHUNK},"/event?event="]' in html
    # The popup appends the event's id, which its details carry, to that address.
    assert "editUrl + encodeURIComponent(S('id'))" in EVENTS_JS
    assert event_details([shown]).row(0)["id"] == shown.id


def test_interceptions_are_marked_and_drawn_as_a_layer_of_their_own() -> None:
    frame = events_frame(
        [
            event(place="Hit here", outcome="hit"),
            event(place="Shot down here", lat=52.0, lon=34.0, outcome="intercepted"),
        ]
    )
    outcomes = map_points(frame).columns["outcome"]
    assert [OUTCOMES[o] for o in outcomes] == ["hit", "intercepted"]
    assert event_details([event(outcome="intercepted")]).row(0)["outcome"] == "intercepted"
    layer = _layer(frame)
    (drawn,) = [e for e in _walk(layer) if isinstance(e, EventLayer)]
    caught = OUTCOME_STYLES["intercepted"]
    # The browser code is told which outcome is an interception and what to call its
    # switch in the layer control, and the key has a row for it.
    assert drawn.spec["caughtCode"] == OUTCOMES.index("intercepted")
    assert drawn.spec["caughtLabel"] == caught.label
    assert drawn.spec["outcomes"] == [OUTCOME_STYLES[o].label for o in OUTCOMES]
    fmap = build_base_map()
    layer.add_to(fmap)
    assert js_data([caught.colour, caught.icon, caught.label]) in fmap.get_root().render()
    assert "sm.switchable(map, parent, toggle, spec.caughtLabel)" in EVENTS_JS


def test_a_layer_can_open_on_one_event_and_only_a_located_one() -> None:
    frame = events_frame(
        [event(place="Nowhere", lat=None, lon=None), event(place="A"), event(place="B", lat=45)]
    )
    opened = next(e for e in _walk(_layer(frame, focus=2)) if isinstance(e, EventLayer))
    assert opened.focus == 2  # the event's row in the store, as the points' ref
    assert opened.js().endswith(", 2);\n")
    unlocated = next(e for e in _walk(_layer(frame, focus=0)) if isinstance(e, EventLayer))
    assert unlocated.focus is None and unlocated.js().endswith(", null);\n")


def test_the_maps_scripts_styles_and_worker_are_files_the_app_serves() -> None:
    fmap = build_base_map()
    _layer(events_frame([event()])).add_to(fmap)
    html = fmap.get_root().render()
    for url in (
        "/app/static/strikemap/map.css",
        "/app/static/strikemap/map.js",
        "/app/static/strikemap/events.js",
    ):
        assert html.count(url) == 1
        assert local_path(url).is_file()
    assert EVENTS_WORKER_URL in html and local_path(EVENTS_WORKER_URL).is_file()
    assert "<style" not in html.split("<body>")[1]
