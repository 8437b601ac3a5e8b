"""Articles over the size limit are refused whole (issue 11, item 4).

An article may have ``STRIKEMAP_MAX_ARTICLE_MB`` megabytes (2 by default, as Streamlit
counts them): a larger file or text is refused with one line before anything is extracted,
by ``extract``, by ``load`` (which goes on with the other files) and by the app's Add
article page. The app's own upload limit is the same.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.articles import article_from_text, read_article
from dashboard.cli import main
from dashboard.errors import ArticleError, ArticleTooLarge
from dashboard.settings import DEFAULT_MAX_ARTICLE_MB, MEGABYTE, get_settings
from dashboard.store import Store
from tests.test_app import page, ran, seed

REPO = Path(__file__).resolve().parent.parent
LIMIT = int(DEFAULT_MAX_ARTICLE_MB * MEGABYTE)


def over_the_limit(path: Path, size: int = LIMIT + 1) -> Path:
    """A text file of ``size`` bytes: a strike report repeated."""
    text = seed("000")
    path.write_text((text * (size // len(text) + 1))[:size], encoding="ascii")
    return path


def test_the_default_limit_is_2_mb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STRIKEMAP_MAX_ARTICLE_MB", raising=False)
    assert get_settings().max_article_bytes == 2 * 1024 * 1024


@pytest.mark.parametrize(("setting", "upload_mb"), [(None, 2), ("5", 5), ("0.5", 1)])
def test_the_app_upload_stops_at_the_article_limit(
    add_article: Callable[[], AppTest],
    monkeypatch: pytest.MonkeyPatch,
    setting: str | None,
    upload_mb: int,
) -> None:
    if setting is None:
        monkeypatch.delenv("STRIKEMAP_MAX_ARTICLE_MB", raising=False)
    else:
        monkeypatch.setenv("STRIKEMAP_MAX_ARTICLE_MB", setting)
    uploader = add_article().file_uploader("article_file")
    assert uploader.proto.max_upload_size_mb == upload_mb


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    article = read_article(over_the_limit(tmp_path / "big.txt", LIMIT))
    assert len(article.text) == LIMIT


def test_extract_refuses_a_file_over_the_limit_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = over_the_limit(tmp_path / "big.txt", 20 * MEGABYTE)
    status = main(["extract", str(big), "--published", "2024-11-06"])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err == (
        f"error: {big}: 20,971,520 bytes, more than the 2,097,152 bytes (2 MB) an article "
        "may have (STRIKEMAP_MAX_ARTICLE_MB sets the limit)\n"
    )


def test_load_refuses_a_file_over_the_limit_and_loads_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(next((REPO / "seeds").glob("000_*.txt")), folder / "a_kaspiysk.txt")
    big = over_the_limit(folder / "b_big.txt")
    store = tmp_path / "store.sqlite"
    status = main(["load", str(folder), "--store", str(store), "--published", "2024-11-06"])
    out, err = capsys.readouterr()
    assert status == 1
    assert err.splitlines() == [
        f"refused: {big}: 2,097,153 bytes, more than the 2,097,152 bytes (2 MB) an article "
        "may have (STRIKEMAP_MAX_ARTICLE_MB sets the limit)"
    ]
    assert "1 article loaded, 1 refused" in out
    with Store(store) as opened:
        assert len(opened.events()) == 1


def test_the_limit_is_set_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKEMAP_MAX_ARTICLE_MB", "0.001")
    with pytest.raises(ArticleTooLarge, match=r"more than the 1,048 bytes \(0\.001 MB\)"):
        read_article(over_the_limit(tmp_path / "small.txt", 2000))
    monkeypatch.setenv("STRIKEMAP_MAX_ARTICLE_MB", "3")
    assert read_article(over_the_limit(tmp_path / "big.txt", LIMIT + 1)).text


@pytest.mark.parametrize("value", ["two", "0", "-1", "nan", "inf"])
def test_a_limit_that_is_no_size_is_one_error_line(
    value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STRIKEMAP_MAX_ARTICLE_MB", value)
    status = main(["extract", str(next((REPO / "seeds").glob("000_*.txt")))])
    _, err = capsys.readouterr()
    assert status == 2
    assert err == (
        f"error: STRIKEMAP_MAX_ARTICLE_MB must be a positive number of megabytes, not {value!r}\n"
    )


def test_text_is_measured_in_bytes_of_utf8() -> None:
    text = "Drones hit Kaspiysk, " + "ж" * (LIMIT // 2)  # two bytes each in UTF-8
    with pytest.raises(ArticleTooLarge, match=r"^the article: 2,097,173 bytes, more than"):
        article_from_text(text, published=date(2024, 11, 6))


def test_text_that_no_file_can_hold_is_refused() -> None:
    with pytest.raises(ArticleError, match="not text"):
        article_from_text("Drones hit Kaspiysk \udc80.", published=date(2024, 11, 6))


@pytest.fixture
def add_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], AppTest]:
    """The Add article page, opened once the test has set the environment."""
    monkeypatch.setenv("STRIKEMAP_STORE", str(tmp_path / "store.sqlite"))
    return lambda: ran(page("add_article"))


def find_strikes(at: AppTest) -> list[str]:
    """The error lines after "Find strikes" on an article of 6 November 2024."""
    at.date_input("article_date").set_value(date(2024, 11, 6))
    at.button("find_strikes").click()
    return [e.value for e in ran(at).error]


def test_the_app_refuses_a_pasted_article_over_the_limit(
    add_article: Callable[[], AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKEMAP_MAX_ARTICLE_MB", "0.01")
    at = add_article()
    at.text_area("article_text").input(seed("000") * 10)
    size = len((seed("000") * 10).strip().encode())
    assert find_strikes(at) == [
        f"the article: {size:,} bytes, more than the 10,485 bytes (0.01 MB) an article may "
        "have (STRIKEMAP_MAX_ARTICLE_MB sets the limit)"
    ]
    assert not [h.value for h in at.subheader if "found" in h.value]


def test_the_app_refuses_an_uploaded_article_over_the_limit(
    add_article: Callable[[], AppTest], tmp_path: Path
) -> None:
    at = add_article()
    big = over_the_limit(tmp_path / "big.txt").read_bytes()
    at.file_uploader("article_file").upload("report.txt", big, "text/plain")
    assert find_strikes(at) == [
        "report.txt: 2,097,153 bytes, more than the 2,097,152 bytes (2 MB) an article may "
        "have (STRIKEMAP_MAX_ARTICLE_MB sets the limit)"
    ]


def test_the_app_says_in_one_line_that_a_limit_is_no_size(
    add_article: Callable[[], AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKEMAP_MAX_ARTICLE_MB", "lots")
    assert [e.value for e in add_article().error] == [
        "STRIKEMAP_MAX_ARTICLE_MB must be a positive number of megabytes, not 'lots'"
    ]
