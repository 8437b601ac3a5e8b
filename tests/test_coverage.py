"""Coverage: which strikes only the articles have, only ACLED or UCDP has, and both, as the
command line and the Coverage page show it, on the seed articles and the provider files of
``tests/providers/``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.coverage import coverage_frame, coverage_of, coverage_table, format_coverage
from dashboard.loader import load_paths
from dashboard.providers import LAYOUTS
from dashboard.providers.importer import import_export
from dashboard.store import Store
from tests.factories import event, source
from tests.test_providers import (
    ACLED,
    ACLED_MALFORMED,
    KASPIYSK_ARTICLES,
    MOSCOW_ARTICLES,
    SEEDS,
    UCDP,
    UCDP_MALFORMED,
    by_source,
    run,
)

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app"
#: The strikes of the provider files that no seed article reports, by their rows.
PROVIDERS_ONLY = {
    "acled:RUS7815",  # Novorossiysk (the seed article places it nowhere)
    "acled:RUS5503",  # Engels
    "acled:RUS5504",  # Dyagilevo, with UCDP's row
    "acled:UKR8801",  # Sevastopol shipyard
    "acled:UKR6002",  # Chonhar bridge
    "acled:RUS8001",  # Ust-Luga
    "acled:RUS9550",  # Toropets
    "acled:UKR7317",  # Crimean bridge, with UCDP's row
    "ucdp:499011",  # Belgorod
    "ucdp:499015",  # Sevastopol beach
}


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the seed articles and all four provider files."""
    path = tmp_path_factory.mktemp("coverage") / "store.sqlite"
    with Store(path) as store:
        load_paths([SEEDS], store)
        for provider, export in (
            ("acled", ACLED),
            ("acled", ACLED_MALFORMED),
            ("ucdp", UCDP),
            ("ucdp", UCDP_MALFORMED),
        ):
            import_export(export, LAYOUTS[provider], store, workers=0)
    return path


@pytest.fixture
def store_file(everything: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = Path(shutil.copy(everything, tmp_path / "store.sqlite"))
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    return path


def test_each_event_is_reported_by_the_articles_the_providers_or_both() -> None:
    article = source("a1")
    acled = source("acled:RUS1", outlet="ACLED", url=None)
    ucdp = source("ucdp:7", outlet="UCDP", url=None)
    assert coverage_of(event(sources=(article,))) == "articles"
    assert coverage_of(event(sources=(acled, ucdp))) == "providers"
    assert coverage_of(event(sources=(article, ucdp))) == "both"


def test_the_test_files_give_the_coverage_of_each_strike(store_file: Path) -> None:
    with Store(store_file) as store:
        events = store.events()
        rows = by_source(store)
    frame = coverage_frame(events).set_index("id")
    both = set(frame.index[frame["coverage"] == "both"])
    assert both == {KASPIYSK_ARTICLES, MOSCOW_ARTICLES}
    assert set(frame.index[frame["coverage"] == "providers"]) == {
        rows[row].id for row in PROVIDERS_ONLY
    }
    articles_only = frame[frame["coverage"] == "articles"]
    assert len(articles_only) == len(events) - len(both) - len(PROVIDERS_ONLY)
    assert frame.loc[rows["acled:RUS5504"].id, "providers"] == "ACLED, UCDP"

    by_month = coverage_table(frame, "period")
    # December 2022: Engels and Dyagilevo, both known to the providers only.
    assert by_month.loc["2022-12"].to_dict() == {
        "articles": 0,
        "providers": 2,
        "both": 0,
        "total": 2,
    }
    assert by_month.loc["total"].to_dict() == {
        "articles": len(articles_only),
        "providers": len(PROVIDERS_ONLY),
        "both": 2,
        "total": len(events),
    }
    by_type = coverage_table(frame, "target_type")
    assert by_type.loc["naval", "both"] == 1
    assert by_type.loc["total", "total"] == len(events)


def test_the_coverage_command_prints_the_tables_and_links_each_event(
    store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "coverage", "--store", str(store_file), "--events")
    assert status == 0 and err == ""
    with Store(store_file) as store:
        events = store.events()
    assert out.startswith(
        f"{len(events)} strikes from 2022-12-05 to 2024-11-06: 5 articles only, "
        "10 ACLED/UCDP only, 2 both\n"
    )
    lines = out.splitlines()
    december = next(line for line in lines if line.startswith("2022-12 "))
    assert december.split() == ["2022-12", "0", "2", "0", "2"]
    for stored in events:
        assert sum(f"/event?event={stored.id}" in line for line in lines) == 1
    kaspiysk = next(line for line in lines if KASPIYSK_ARTICLES in line)
    assert kaspiysk.split()[0] == "both" and "[ACLED]" in kaspiysk

    status, out, _ = run(
        capsys,
        "coverage",
        "--store",
        str(store_file),
        "--since",
        "2024-01-01",
        "--target-type",
        "oil",
    )
    assert status == 0
    assert out.splitlines()[0] == (
        "1 strikes from 2024-01-21 to 2024-01-21: 0 articles only, 1 ACLED/UCDP only, 0 both"
    )
    assert format_coverage(coverage_frame([])) == "no stored events in the period"


# -- the page ---------------------------------------------------------------------------------


def coverage_page() -> AppTest:
    at = AppTest.from_file(APP / "views" / "coverage.py", default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def tables(at: AppTest) -> list[pd.DataFrame]:
    """The page's tables in order: by month, by target type, then the events of each tab
    (articles only, ACLED/UCDP only, both). AppTest gives read-only tables no key."""
    return [frame.value for frame in at.dataframe]


def test_the_coverage_page_counts_and_links_the_filtered_strikes(store_file: Path) -> None:
    at = coverage_page()
    assert metrics(at) == {"Articles only": "5", "ACLED/UCDP only": "10", "Both": "2"}
    by_month, _, articles, providers, both = tables(at)
    assert by_month.loc["2022-12"].tolist() == [0, 2, 0, 2]
    assert (len(articles), len(providers)) == (5, 10)
    assert sorted(both["event"]) == sorted(
        f"/event?event={event_id}" for event_id in (KASPIYSK_ARTICLES, MOSCOW_ARTICLES)
    )

    at.multiselect("target_types").set_value(["naval"])
    at.run()
    assert metrics(at) == {"Articles only": "1", "ACLED/UCDP only": "2", "Both": "1"}
    assert tables(at)[1].index.tolist() == ["Naval", "Total"]


def test_the_coverage_page_of_an_empty_store_says_how_to_fill_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKEMAP_STORE", str(tmp_path / "empty.sqlite"))
    at = coverage_page()
    assert not at.metric
    assert any("No events are stored yet" in info.value for info in at.info)
