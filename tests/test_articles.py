"""Reading articles: metadata from sidecars, and one clear error for bad files."""

import json
from datetime import date
from pathlib import Path

import pytest

from dashboard.articles import article_paths, read_article
from dashboard.errors import ArticleError, DateError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_metadata_comes_from_the_folder_sidecar() -> None:
    article = read_article(SEEDS / "000_3d49d55cc31c0628.txt")
    assert article.published == date(2024, 11, 6)
    assert article.outlet == "Business Insider"
    assert "Kaspiysk" in article.text


def test_arguments_win_over_sidecar() -> None:
    article = read_article(
        SEEDS / "002_8a9e9fce40763845.txt", published=date(2023, 8, 6), outlet="Other"
    )
    assert (article.published, article.outlet) == (date(2023, 8, 6), "Other")


def test_own_sidecar_beside_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Drones hit the Engels air base.", encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps({"published": "2022-12-05", "outlet": "Wire", "url": "https://example.org/a"})
    )
    article = read_article(tmp_path / "a.txt")
    assert (article.published, article.outlet, article.url) == (
        date(2022, 12, 5),
        "Wire",
        "https://example.org/a",
    )


def test_same_text_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Drones hit Tuapse.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Drones hit Tuapse.", encoding="utf-8")
    assert read_article(tmp_path / "a.txt").id == read_article(tmp_path / "b.txt").id


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"  \n\t", "empty"), (b"\x00\x01PNG", "binary"), (b"\xff\xfe\xfa", "UTF-8")],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    file = tmp_path / "bad.txt"
    file.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        read_article(file)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_bad_sidecar_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"published": "yesterday"}))
    with pytest.raises(DateError):
        read_article(tmp_path / "a.txt")


def test_html_page_main_text_is_extracted(tmp_path: Path) -> None:
    paragraph = (
        "Ukrainian drones struck the Novoshakhtinsk refinery in Rostov Oblast overnight, "
        "the regional governor said, adding that a fire broke out at the plant. "
    )
    page = (
        "<html><head><title>Refinery hit</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>Refinery hit</h1><p>{paragraph * 3}</p><p>{paragraph * 2}</p></article>"
        "<footer>Copyright notice and cookie banner</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    article = read_article(tmp_path / "page.html", published=date(2024, 5, 1))
    assert "Novoshakhtinsk refinery" in article.text
    assert "cookie banner" not in article.text


def test_folders_expand_to_article_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", "a.json", "notes.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in article_paths([tmp_path])] == ["a.md", "b.txt", "c.html"]
