"""The real app in a real browser: Debian's Chromium, driven by Playwright, with no network.

``streamlit run`` serves the dashboard on a free local port over a temporary store holding
the seed articles' events and one event whose text is an attack. The browser must draw
every located event and the front line, ask nothing of any host but the local server, log
no error, and run none of the article's markup. Screenshots of the page and of the
attack's popup are saved to ``artifacts/browser/map.png`` and ``popup.png``.

Needs ``/usr/bin/chromium`` (``apt-get install chromium``; ``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Frame, Page, sync_playwright

from dashboard.loader import load_paths
from dashboard.model import DistanceClaim
from dashboard.settings import get_settings
from dashboard.store import Store
from tests.factories import event, source

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = REPO / "artifacts" / "browser" / "map.png"
POPUP_SCREENSHOT = REPO / "artifacts" / "browser" / "popup.png"
ATTACK = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'

#: The events layer inside the map's iframe (the one with a count of events shown).
FIND_LAYER = """
  var layer = null;
  (window.feature_group || []).forEach(function (group) {
    group.eachLayer(function (l) { if (l.smCount !== undefined) layer = l; });
  });
"""
#: Events drawn in sight: the counts of the groups plus the single events.
DRAWN_COUNT = (
    "() => {"
    + FIND_LAYER
    + "return layer.smDrawn().reduce(function (n, d) { return n + d.n; }, 0); }"
)
#: Where the event whose text is an attack was put (Tuapse), and a far northern one.
ATTACK_AT = (44.1, 39.07)
ARCTIC_AT = (68.15, 33.46)


#: No pan or zoom of the map under way (Leaflet marks its panes while they move).
MAP_AT_REST = "() => !document.querySelector('.leaflet-pan-anim, .leaflet-zoom-anim')"


def moved_and_drawn(frame: Frame, move: str) -> None:
    """Run ``move`` (script moving the map) and wait until the layer has drawn again."""
    frame.evaluate(f"() => {{ {FIND_LAYER} window.smFramesBefore = layer.smFrames; {move}; }}")
    frame.wait_for_function(
        f"() => {{ {FIND_LAYER} return layer.smFrames > window.smFramesBefore; }}",
        timeout=10_000,
    )


def open_attack_popup(frame: Frame) -> None:
    """Zoom in to the event whose text is an attack, alone there, and click its pin."""
    lat, lon = ATTACK_AT
    # An earlier popup, closed, covers nothing.
    moved_and_drawn(
        frame,
        f"window.map.closePopup(); window.map.setView([{lat}, {lon}], 10, {{animate: false}})",
    )
    frame.locator(".sm-marker").first.click()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout_s: float = 90.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout_s:.0f} s")


@contextmanager
def run_app(store: Path, log: Path) -> Iterator[str]:
    """``streamlit run`` the dashboard over ``store`` on a free port; yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "STRIKEMAP_STORE": str(store)}
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard/app/streamlit_app.py",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--server.enableStaticServing", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=out)
        try:
            wait_healthy(url, process)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@dataclass
class Visit:
    """What the browser saw: every request, and every console error or page error."""

    page: Page
    map_frame: Frame
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "store.sqlite"
    with Store(path) as store:
        load_paths([get_settings().seeds_dir], store)
        store.save_events(
            [
                event(
                    id="arctic",
                    place="Olenya air base",
                    lat=ARCTIC_AT[0],
                    lon=ARCTIC_AT[1],
                    target_type="airbase",
                    date=date(2025, 6, 1),
                ),
                event(
                    id="attack",
                    place=ATTACK,
                    target=ATTACK,
                    lat=ATTACK_AT[0],
                    lon=ATTACK_AT[1],
                    attacker_claim=ATTACK,
                    distance_to_front_km=420.5,
                    distance_to_border_km=380.2,
                    distance_to_held_km=455.7,
                    side="russia",
                    frontline_id="2024-11-01",
                    sources=(source("attack", quote=ATTACK, outlet=ATTACK, url="javascript:x"),),
                    distance_claims=(
                        DistanceClaim(
                            "about 40 km from the border", 36.0, 44.0, "border", None, 380.2
                        ),
                        DistanceClaim(ATTACK, 400.0, 500.0, "place", ATTACK, 450.0),
                    ),
                ),
            ]
        )
    return path


@pytest.fixture(scope="module")
def app_url(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    with run_app(store_path, log) as url:
        yield url


@pytest.fixture(scope="module")
def browser(app_url: str) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_map(browser: Browser, url: str, width: int, height: int) -> Visit:
    """A new tab (a new session) at ``url``, once the map in it has drawn its markers."""
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return Visit(page, map_frame(page), requests, errors)


def map_frame(page: Page) -> Frame:
    """The map's frame, once its events are grouped and drawn in the first view."""
    frame_element = page.wait_for_selector(
        'iframe[title="streamlit_folium.st_folium"]', timeout=90_000
    )
    assert frame_element is not None
    frame = frame_element.content_frame()
    assert frame is not None
    frame.wait_for_function(
        f"() => {{ {FIND_LAYER} return layer && layer.smReady; }}", timeout=60_000
    )
    return frame


@contextmanager
def tab(browser: Browser, url: str, width: int, height: int) -> Iterator[Visit]:
    """A new tab with the map drawn, closed after use; nothing in it may have failed."""
    seen = open_map(browser, url, width, height)
    try:
        yield seen
        assert seen.errors == []
    finally:
        seen.page.close()


@pytest.fixture(scope="module")
def visit(browser: Browser, app_url: str) -> Iterator[Visit]:
    seen = open_map(browser, app_url, 1400, 1000)
    # The filters, the list beside the map and the timeline follow a moment later.
    for drawn in (
        ".st-key-target_types input",
        "[data-testid='stDataFrame'] canvas",
        ".vega-embed canvas, .vega-embed svg",
    ):
        seen.page.locator(drawn).first.wait_for(timeout=30_000)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    seen.page.screenshot(path=SCREENSHOT)
    yield seen
    seen.page.close()


def located(store_path: Path) -> list[tuple[float, float]]:
    with Store(store_path) as store:
        return [(e.lat, e.lon) for e in store.events() if e.lat is not None and e.lon is not None]


def located_count(store_path: Path) -> int:
    return len(located(store_path))


def test_map_draws_every_located_event(visit: Visit, store_path: Path) -> None:
    expected = located_count(store_path)
    assert expected >= 8
    shown = visit.map_frame.evaluate(f"() => {{ {FIND_LAYER} return layer.smCount; }}")
    assert shown == expected
    visit.map_frame.wait_for_function(f"() => ({DRAWN_COUNT})() === {expected}", timeout=10_000)
    # The five Moscow events stand on one spot: at the closest zoom their group spreads
    # them out, each its own pin, when clicked.
    moved_and_drawn(visit.map_frame, "window.map.setView([55.752, 37.6177], 12, {animate: false})")
    pins = visit.map_frame.locator(".sm-marker")
    assert pins.count() == 0
    box = visit.map_frame.evaluate(f"() => {{ {FIND_LAYER} return layer.smDrawn()[0].box; }}")
    frame_box = visit.page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    assert frame_box is not None
    visit.page.mouse.click(
        frame_box["x"] + (box[0] + box[2]) / 2, frame_box["y"] + (box[1] + box[3]) / 2
    )
    pins.nth(4).wait_for(timeout=10_000)
    assert pins.count() == 5


def test_the_first_view_holds_every_event_clear_of_the_controls(
    browser: Browser, app_url: str, store_path: Path
) -> None:
    # Kaspiysk on the Caspian, Tuapse and the Arctic included: each event's point is in the
    # first view, inside the room the controls leave free.
    points = located(store_path)
    assert any(lat > 66 for lat, _ in points) and any(lon > 47 for _, lon in points)
    with tab(browser, app_url, 1400, 1000) as seen:
        inside = seen.map_frame.evaluate(
            """(points) => {
              var map = window.map, room = window.strikemap.padding(map), size = map.getSize();
              return points.map(function (p) {
                var at = map.latLngToContainerPoint(p);
                return at.x >= room.paddingTopLeft[0] && at.y >= room.paddingTopLeft[1] &&
                  at.x <= size.x - room.paddingBottomRight[0] &&
                  at.y <= size.y - room.paddingBottomRight[1];
              });
            }""",
            [list(p) for p in points],
        )
        assert all(inside), [p for p, ok in zip(points, inside, strict=True) if not ok]
        assert seen.map_frame.evaluate(DRAWN_COUNT) == len(points)


def new_layer_drawn(seen: Visit, change: Callable[[], None]) -> None:
    """Make a change on the page and wait until the map has drawn the layer it sends."""
    before = seen.map_frame.evaluate(f"() => {{ {FIND_LAYER} return L.stamp(layer); }}")
    change()
    seen.map_frame.wait_for_function(
        f"() => {{ {FIND_LAYER} return L.stamp(layer) !== {before} && layer.smReady; }}",
        timeout=30_000,
    )


def test_filter_and_date_changes_keep_the_map_and_its_view(
    browser: Browser, app_url: str, store_path: Path
) -> None:
    with Store(store_path) as store:
        naval = sum(e.located and e.target_type == "naval" for e in store.events())
    assert 0 < naval < located_count(store_path)
    view = "() => { var c = window.map.getCenter(); return [c.lat, c.lng, window.map.getZoom()]; }"
    with tab(browser, app_url, 1400, 1000) as seen:
        seen.page.locator(".st-key-target_types input").wait_for(timeout=30_000)
        # The reader moves the map; the filter's events lie partly out of that view.
        moved_and_drawn(seen.map_frame, "window.map.setView([50.0, 36.0], 6, {animate: false})")
        seen.map_frame.evaluate("() => { window.smSameMap = true; }")

        def choose_naval() -> None:
            seen.page.locator(".st-key-target_types input").click()
            seen.page.get_by_role("option", name="Naval", exact=True).click()

        new_layer_drawn(seen, choose_naval)
        shown = seen.map_frame.evaluate(f"() => {{ {FIND_LAYER} return layer.smCount; }}")
        assert shown == naval
        assert seen.map_frame.evaluate(view) == pytest.approx([50.0, 36.0, 6])
        # The last 30 days, then a week back: the dates end before the last front line
        # came into force, so another front line is drawn, on the same map, in the same view.
        seen.page.keyboard.press("Escape")
        new_layer_drawn(seen, seen.page.locator(".st-key-preset_30d button").first.click)
        new_layer_drawn(seen, seen.page.get_by_role("button", name="Back").first.click)
        seen.page.get_by_text("Front line: ").first.wait_for(timeout=10_000)
        assert seen.map_frame.evaluate("() => window.smSameMap") is True
        assert seen.map_frame.evaluate(view) == pytest.approx([50.0, 36.0, 6])
        assert seen.map_frame.locator("path.sm-frontline").count() >= 1
        # Swapping the layers is not the reader hiding them: interceptions still shown.
        assert seen.map_frame.evaluate(f"() => {{ {FIND_LAYER} return layer.caught; }}") is True
        # The points came once, with the page; the changes sent only which are shown.
        assert len([u for u in seen.requests if "/cache/points/" in u]) == 1


def test_map_draws_the_front_line(visit: Visit) -> None:
    assert visit.map_frame.locator("path.sm-frontline").count() >= 1
    legend = visit.map_frame.locator(".sm-legend")
    # Folded to a button until opened; opened, a row per target type and the line.
    assert legend.inner_text().strip() == "Key \u25b8"
    legend.locator("button").click()
    assert legend.inner_text().count("\n") >= 14
    assert "Intercepted (not a strike)" in legend.inner_text()
    legend.locator("button").click()
    assert legend.inner_text().strip() == "Key \u25b8"


def test_article_markup_shows_as_text_and_runs_nothing(visit: Visit) -> None:
    open_attack_popup(visit.map_frame)
    popup = visit.map_frame.wait_for_selector(".sm-popup", timeout=10_000)
    assert popup is not None
    text = popup.inner_text()
    assert text.count(ATTACK) >= 3  # place, attacker's claim, quote (and outlet)
    assert "Link (not opened): javascript:x" in text
    assert visit.map_frame.locator(".sm-popup img, .sm-popup script").count() == 0
    assert visit.map_frame.evaluate("() => window.__pwned") is None
    assert visit.page.evaluate("() => window.__pwned") is None
    # The three distances, the side, and each claim against its measurement.
    for shown in (
        "420.5 km (front line of 2024-11-01)",
        "380.2 km",
        "455.7 km",
        "Russia",
        "Claimed 36\u201344 km from Ukraine's border; measured 380.2 km.",
        f"Claimed 400\u2013500 km from {ATTACK}; measured 450 km.",
    ):
        assert shown in text, shown
    assert text.count("Off by more than 25 %") == 1
    assert visit.map_frame.locator(".sm-popup .sm-claim").count() == 2
    off = visit.map_frame.locator(".sm-popup .sm-claim.sm-off")
    assert off.count() == 1 and "about 40 km from the border" in off.inner_text()
    # The picture: the popup faded in and scrolled to the flagged claim.
    visit.map_frame.wait_for_function(
        "() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'"
    )
    off.scroll_into_view_if_needed()
    visit.page.screenshot(path=POPUP_SCREENSHOT)


def test_every_request_stays_on_this_machine_and_nothing_fails(visit: Visit) -> None:
    hosts = {
        urlsplit(url).hostname
        for url in visit.requests
        if not url.startswith(("data:", "blob:", "about:"))
    }
    assert hosts == {"127.0.0.1"}
    assert any("/app/static/vendor/leaflet/leaflet.js" in url for url in visit.requests)
    assert not [url for url in visit.requests if url.endswith("/x")]  # the attack's <img>
    assert visit.errors == []


def test_an_event_is_edited_and_deleted_from_its_popup(visit: Visit, store_path: Path) -> None:
    shown_before = located_count(store_path)
    open_attack_popup(visit.map_frame)
    # An earlier test's popup of the same event may still be fading out.
    edit = visit.map_frame.locator(".sm-popup a.sm-edit").last
    edit.wait_for(timeout=10_000)
    assert edit.get_attribute("href") == "/event?event=attack"
    # With its details in, the popup pans the map to show itself whole. Clicked while it
    # moves, Playwright tries again with the link scrolled to an edge of the map's box,
    # which Leaflet scrolls straight back: the click then lands on the map and closes the
    # popup. The reader clicks a link that stands still.
    visit.map_frame.wait_for_function(MAP_AT_REST, timeout=10_000)
    # The map's frame may not navigate the page: the event opens in a tab of its own.
    with visit.page.context.expect_page() as opened:
        edit.click()
    page = opened.value
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    day = page.locator(".st-key-edit_date input")
    day.wait_for(timeout=60_000)
    assert day.input_value() == "2024-11-06"
    day.fill("2024-11-05")
    day.press("Enter")
    page.keyboard.press("Escape")
    page.locator(".st-key-edit_save button").click()
    page.get_by_text("Saved: date: 2024-11-06 → 2024-11-05").wait_for(timeout=30_000)
    with Store(store_path) as store:
        assert store.require("attack").date == date(2024, 11, 5)
    page.locator(".st-key-event_delete_confirm label").click()
    # While the page runs again, the button of the run before (disabled until the box was
    # ticked) may still stand beside the new one: the reader clicks the one that works.
    page.get_by_role("button", name="Delete", exact=True, disabled=False).click()
    page.get_by_text("Event attack deleted.").wait_for(timeout=30_000)
    assert page.evaluate("() => window.__pwned") is None and errors == []
    page.close()
    # The map, drawn again, has one marker less.
    visit.page.reload()
    frame = visit.page.wait_for_selector(
        'iframe[title="streamlit_folium.st_folium"]', timeout=90_000
    ).content_frame()
    assert frame is not None
    redrawn = f"layer && layer.smCount === {shown_before - 1}"
    frame.wait_for_function(f"() => {{ {FIND_LAYER} return {redrawn}; }}", timeout=60_000)


#: Every drawn group and event whose box meets the key's box, as "x,y" of its corner.
UNDER_THE_KEY = (
    "() => {"
    + FIND_LAYER
    + """
  var key = document.querySelector('.sm-legend').getBoundingClientRect(), under = [];
  layer.smDrawn().forEach(function (d) {
    var r = d.box;
    if (r[0] < key.right && r[2] > key.left && r[1] < key.bottom && r[3] > key.top)
      under.push(Math.round(r[0]) + ',' + Math.round(r[1]));
  });
  return under;
}"""
)


def test_the_map_fills_the_window_and_its_key_covers_no_event(
    browser: Browser, app_url: str, store_path: Path
) -> None:
    with tab(browser, app_url, 1280, 720) as seen:
        frame = seen.page.locator('iframe[title="streamlit_folium.st_folium"]')
        box = frame.bounding_box()
        assert box is not None
        # The map takes the window's height below the title and switches: it ends just
        # above the window's bottom edge. The map fills its frame.
        assert 680 <= box["y"] + box["height"] <= 720
        assert box["height"] >= 720 * 0.6
        inner = seen.map_frame.evaluate("() => document.getElementById('map_div').offsetHeight")
        assert abs(inner - box["height"]) <= 2
        # Every located event is in the first view, and none lies under the folded key.
        expected = located_count(store_path)
        seen.map_frame.wait_for_function(f"() => ({DRAWN_COUNT})() === {expected}", timeout=10_000)
        assert seen.map_frame.evaluate(UNDER_THE_KEY) == []
        assert seen.map_frame.locator(".sm-legend.sm-closed").count() == 1
        seen.page.screenshot(path=SCREENSHOT.with_name("map-1280x720.png"))


def test_show_on_map_centres_the_event_and_opens_it(
    browser: Browser, app_url: str, store_path: Path
) -> None:
    with Store(store_path) as store:
        events = list(store.events())
    row = next(i for i, e in enumerate(events) if e.located and e.id != "attack")
    chosen = events[row]
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto(app_url)
        map_frame(page)
        # Long waits: on a loaded machine (another whole suite beside this one) this test
        # failed once at 10 s and passed alone.
        page.get_by_role("link", name="Table & export").click()
        grid = page.locator("[data-testid='stDataFrame']").first
        grid.locator("canvas").first.wait_for(timeout=60_000)
        box = grid.bounding_box()
        assert box is not None
        # The row's selection box, at the left of the row: rows and header are 35 px high.
        page.mouse.click(box["x"] + 18, box["y"] + 35 * (row + 1) + 17)
        button = page.locator(".st-key-show_on_map button").first
        button.wait_for(timeout=30_000)
        page.wait_for_function(
            "() => !document.querySelector('.st-key-show_on_map button').disabled",
            timeout=30_000,
        )
        button.click()
        frame = map_frame(page)
        popup = frame.wait_for_selector(".sm-popup h4", timeout=30_000)
        assert popup is not None
        assert chosen.place is not None and popup.inner_text().startswith(chosen.place)
        # The event is on screen, in the middle of the map from left to right (the popup
        # may have moved the map down to show itself whole).
        where = frame.evaluate(
            "() => { var p = window.map.latLngToContainerPoint(["
            f"{chosen.lat}, {chosen.lon}]), s = window.map.getSize();"
            " return [p.x / s.x, p.y / s.y]; }"
        )
        assert 0.35 <= where[0] <= 0.65 and 0.0 <= where[1] <= 1.0, where
        assert page.get_by_text("chosen in the table").count() == 1
        page.screenshot(path=SCREENSHOT.with_name("show-on-map.png"))
    finally:
        page.close()
