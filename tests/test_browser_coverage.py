"""The Coverage page in a real browser: Chromium over ``streamlit run``, with no network.

The store holds the seed articles' events and the provider files of ``tests/providers/``.
The page must show the three counts, its chart and tables, ask nothing of any host but the
local server and log no error; an event's page (where the page's links lead) shows the
ACLED row among its sources. A screenshot is saved to ``artifacts/browser/coverage.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, sync_playwright

from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, REPO, run_app
from tests.test_coverage import everything  # noqa: F401 (a fixture)
from tests.test_providers import KASPIYSK_ARTICLES

pytestmark = pytest.mark.browser

SCREENSHOT = REPO / "artifacts" / "browser" / "coverage.png"


@pytest.fixture(scope="module")
def app_url(everything: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:  # noqa: F811
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    with run_app(everything, log) as url:
        yield url


@pytest.fixture(scope="module")
def seen(app_url: str) -> Iterator[tuple[Page, list[str], list[str]]]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1100})
        page = context.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on(
            "response",
            lambda response: (
                errors.append(f"{response.status} {response.url}")
                if response.status >= 400
                else None
            ),
        )

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                errors.append(message.text)

        page.on("console", on_console)
        page.on("pageerror", lambda error: errors.append(str(error)))
        # As a reader gets there: the app first, then its navigation.
        page.goto(app_url)
        page.get_by_role("link", name="Coverage").click(timeout=90_000)
        for drawn in ("[data-testid='stMetric']", ".vega-embed canvas, .vega-embed svg"):
            page.locator(drawn).first.wait_for(timeout=90_000)
        page.locator("[data-testid='stDataFrame']").nth(2).wait_for(timeout=30_000)
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOT, full_page=True)
        yield page, requests, errors
        browser.close()


def test_the_page_shows_what_each_side_has(seen: tuple[Page, list[str], list[str]]) -> None:
    page, _, _ = seen
    metrics = {
        metric.locator("[data-testid='stMetricLabel']").inner_text().strip(): metric.locator(
            "[data-testid='stMetricValue']"
        ).inner_text()
        for metric in page.locator("[data-testid='stMetric']").all()
    }
    assert metrics == {"Articles only": "5", "ACLED/UCDP only": "10", "Both": "2"}
    # By month, by target type, and the events of the first tab.
    assert page.locator("[data-testid='stDataFrame']").count() >= 3
    assert page.get_by_role("tab").all_inner_texts() == ["Articles only", "ACLED/UCDP only", "Both"]


def test_an_events_page_names_its_acled_row(
    seen: tuple[Page, list[str], list[str]], app_url: str
) -> None:
    page, _, errors = seen
    event_page = page.context.new_page()
    event_page.on("pageerror", lambda error: errors.append(str(error)))
    # The address the page's links give, opened in a tab of its own as they open.
    event_page.goto(f"{app_url}/event?event={KASPIYSK_ARTICLES}")
    event_page.get_by_text("acled:RUS9101", exact=False).first.wait_for(timeout=60_000)
    assert "ACLED RUS9101: Air/drone strike" in event_page.locator("body").inner_text()
    event_page.close()


def test_every_request_stays_on_this_machine_and_nothing_fails(
    seen: tuple[Page, list[str], list[str]],
) -> None:
    _, requests, errors = seen
    hosts = {
        urlsplit(url).hostname
        for url in requests
        if not url.startswith(("data:", "blob:", "about:"))
    }
    assert hosts == {"127.0.0.1"}
    assert errors == []
