"""The map's scripts, styles, fonts and images are served by the app, never by a CDN."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import folium
import pytest
from folium.plugins import Draw, MarkerCluster

from dashboard import assets
from dashboard.assets import LOCAL_CSS, LOCAL_JS, VENDOR_DIR, local_path, localize
from dashboard.errors import DataError
from dashboard.exports import events_frame
from dashboard.mapping import (
    EVENTS_WORKER_URL,
    PublishedPoints,
    build_base_map,
    events_layer,
    map_points,
)
from tests.factories import event

REPO = Path(__file__).resolve().parent.parent
CDN_HOSTS = ("jsdelivr", "cdnjs", "cloudflare", "code.jquery.com", "netdna", "bootstrapcdn")


def _fetch_script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("fetch_assets", REPO / "scripts/fetch_assets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up while the class is made.
    monkeypatch.setitem(sys.modules, "fetch_assets", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def manifest() -> dict[str, object]:
    if not assets.assets_installed():
        pytest.fail("the map's assets are not installed: run `make assets`")
    data: dict[str, object] = json.loads((VENDOR_DIR / "manifest.json").read_text())
    return data


def _folium_pins() -> dict[str, str]:
    """The versions in folium's own CDN URLs, by npm package name."""
    links = [*folium.Map.default_js, *folium.Map.default_css]
    links += [*MarkerCluster.default_js, *MarkerCluster.default_css]
    urls = " ".join(url for _, url in links)
    patterns = {
        "leaflet": r"leaflet@([\d.]+)",
        "jquery": r"jquery-([\d.]+)\.min",
        "bootstrap": r"bootstrap@([\d.]+)",
        "@fortawesome/fontawesome-free": r"fontawesome-free@([\d.]+)",
        "leaflet.markercluster": r"leaflet\.markercluster/([\d.]+)",
        "leaflet.awesome-markers": r"Leaflet\.awesome-markers/([\d.]+)",
    }
    found = {}
    for package, pattern in patterns.items():
        match = re.search(pattern, urls)
        assert match, f"folium no longer names {package} in its URLs"
        found[package] = match.group(1)
    return found


def test_installed_versions_are_the_ones_folium_pins(manifest: dict[str, object]) -> None:
    installed = {p["npm"]: p["version"] for p in manifest["packages"]}  # type: ignore[attr-defined]
    pins = _folium_pins()
    # npm has no 2.0.2 of awesome-markers; its 2.0.x releases ship identical files.
    assert pins.pop("leaflet.awesome-markers") == "2.0.2"
    assert installed.pop("leaflet.awesome-markers").startswith("2.0.")
    assert installed == pins


def test_every_package_ships_its_licence(manifest: dict[str, object]) -> None:
    for package in manifest["packages"]:  # type: ignore[attr-defined]
        licence = VENDOR_DIR / package["folder"] / package["licence"]
        assert licence.is_file(), licence
        assert re.search(r"licen[cs]e|permission is hereby granted", licence.read_text(), re.I)


def test_every_local_url_is_a_file_and_every_css_reference_resolves(
    manifest: dict[str, object],
) -> None:
    for url in [*LOCAL_JS.values(), *LOCAL_CSS.values()]:
        assert local_path(url).is_file(), url
    for url in LOCAL_CSS.values():
        css = local_path(url)
        for ref in re.findall(r"url\(['\"]?([^'\")]+)['\"]?\)", css.read_text()):
            if ref.startswith(("data:", "#")):
                continue
            assert not ref.startswith(("http:", "https:", "//")), (url, ref)
            assert (css.parent / ref.split("?")[0]).resolve().is_file(), (url, ref)


def test_rendered_map_and_layer_load_nothing_from_outside() -> None:
    fmap = build_base_map()
    frame = events_frame([event()])
    points = PublishedPoints("/app/static/cache/points/p2-v.bin.gz", map_points(frame).rows)
    events_layer(points, "/app/static/cache/details/d2-v").add_to(fmap)
    html = fmap.get_root().render()
    sources = re.findall(r"<(?:script|link)[^>]+(?:src|href)=\"([^\"]+)\"", html)
    assert sources, "the page links no script or stylesheet at all"
    # The vendored copies and the map's own files, all served by the app.
    assert all(s.startswith("/app/static/") and local_path(s).is_file() for s in sources), sources
    assert not any(host in html for host in CDN_HOSTS)
    assert "/app/static/strikemap/events.js" in sources
    # The events are grouped by the map's own worker, served by the app too.
    assert f'"worker":"{EVENTS_WORKER_URL}"' in html and local_path(EVENTS_WORKER_URL).is_file()


def test_localize_refuses_a_plugin_without_a_local_copy() -> None:
    fmap = folium.Map(tiles=None)
    Draw().add_to(fmap)
    with pytest.raises(DataError, match="no local copy"):
        localize(fmap)


def test_localize_leaves_folium_classes_untouched() -> None:
    localize(folium.Map(tiles=None))
    assert folium.Map.default_js[0][1].startswith("https://")


def test_local_path_stays_inside_the_static_folder() -> None:
    with pytest.raises(DataError):
        local_path("/app/static/../../../etc/passwd")
    with pytest.raises(DataError):
        local_path("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")


def test_fetch_script_keeps_an_intact_install_and_notices_a_changed_file(
    tmp_path: Path, manifest: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    fetch = _fetch_script(monkeypatch)
    copy = tmp_path / "vendor"
    shutil.copytree(VENDOR_DIR, copy)

    def no_network(*args: object) -> None:
        raise AssertionError("an intact install must not run npm")

    monkeypatch.setattr(fetch, "npm_pack", no_network)
    assert fetch.main(["--vendor", str(copy)]) == 0
    assert fetch.is_up_to_date(copy)

    (copy / "leaflet" / "leaflet.js").write_text("tampered")
    assert not fetch.is_up_to_date(copy)
    (copy / "leaflet" / "leaflet.js").unlink()
    assert not fetch.is_up_to_date(copy)


def test_a_map_without_installed_assets_says_how_to_install_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(assets, "INSTALLED_STAMP", tmp_path / ".installed")
    with pytest.raises(DataError, match="make assets"):
        build_base_map()
