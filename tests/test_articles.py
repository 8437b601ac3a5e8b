"""Reading articles: metadata from sidecars, and one clear error for bad files."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from dashboard.articles import article_paths, read_article
from dashboard.errors import ArticleError, MetadataError

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


def test_line_endings_spacing_and_unicode_composition_make_no_new_article(
    tmp_path: Path,
) -> None:
    (tmp_path / "lf.txt").write_bytes("Drones hit Tuapse.\nCafé closed.\n".encode())
    (tmp_path / "crlf.txt").write_bytes("Drones  hit Tuapse.\r\n\r\nCafe\u0301 closed.".encode())
    (tmp_path / "other.txt").write_bytes("Drones hit Tuapse.\nCafé open.\n".encode())
    ids = {name: read_article(tmp_path / f"{name}.txt").id for name in ("lf", "crlf", "other")}
    assert ids["lf"] == ids["crlf"] != ids["other"]


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


AFTER_TOMORROW = (date.today() + timedelta(days=2)).isoformat()


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("published", "yesterday", "published 'yesterday': not a date (expected YYYY-MM-DD)"),
        ("published", 20241106, "published 20241106: not a date"),
        ("published", "2013-12-31", "published '2013-12-31': before 2014-01-01"),
        ("published", AFTER_TOMORROW, f"published '{AFTER_TOMORROW}': after tomorrow"),
        ("url", "javascript:alert(1)", "url 'javascript:alert(1)': not an http:// or https://"),
        ("url", "example.org/a", "not an http:// or https:// address"),
        ("url", "https://example.org/a b", "holds spaces or control characters"),
        ("outlet", 42, "outlet 42: input should be a valid string"),
        ("title", ["Refinery hit"], "title ['Refinery hit']: input should be a valid string"),
    ],
)
def test_a_bad_sidecar_value_is_refused_with_file_field_and_reason(
    tmp_path: Path, field: str, value: object, reason: str
) -> None:
    (tmp_path / "a.txt").write_text("Drones hit the Engels air base.", encoding="utf-8")
    sidecar = {"published": "2022-12-05", "outlet": "Wire", "url": None, field: value}
    (tmp_path / "a.json").write_text(json.dumps(sidecar), encoding="utf-8")
    with pytest.raises(MetadataError) as refused:
        read_article(tmp_path / "a.txt")
    assert str(refused.value).startswith(f"{tmp_path / 'a.json'}: ")
    assert reason in str(refused.value) and "\n" not in str(refused.value)
    assert isinstance(refused.value, ValueError)


def test_a_bad_folder_sidecar_entry_names_the_file_and_the_entry(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Drones hit the Engels air base.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Drones hit the Saky air base.", encoding="utf-8")
    entries = {"a.txt": {"published": "2022-12-05"}, "b.txt": {"published": "2022-13-05"}}
    (tmp_path / "articles.json").write_text(json.dumps(entries), encoding="utf-8")
    assert read_article(tmp_path / "a.txt").published == date(2022, 12, 5)
    with pytest.raises(MetadataError, match=r"articles\.json \(entry 'b\.txt'\): published"):
        read_article(tmp_path / "b.txt")


def test_a_sidecar_that_is_not_an_object_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Drones hit the Engels air base.", encoding="utf-8")
    (tmp_path / "a.json").write_text('["2022-12-05"]', encoding="utf-8")
    with pytest.raises(MetadataError, match=r"a\.json: expected an object"):
        read_article(tmp_path / "a.txt")


def test_dates_at_the_ends_of_the_range_and_any_date_when_allowed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Drones hit the Engels air base.", encoding="utf-8")
    tomorrow = date.today() + timedelta(days=1)
    for day in (date(2014, 1, 1), tomorrow):
        (tmp_path / "a.json").write_text(json.dumps({"published": day.isoformat()}))
        assert read_article(tmp_path / "a.txt").published == day
    (tmp_path / "a.json").write_text(json.dumps({"published": "1999-03-24"}))
    article = read_article(tmp_path / "a.txt", allow_any_date=True)
    assert article.published == date(1999, 3, 24)


def test_a_given_url_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Drones hit the Engels air base.", encoding="utf-8")
    with pytest.raises(MetadataError, match=r"a\.txt: url 'javascript:alert"):
        read_article(tmp_path / "a.txt", url="javascript:alert(1)")


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


def test_a_pages_own_date_is_checked_unless_a_date_is_given(tmp_path: Path) -> None:
    paragraph = "Ukrainian drones struck the Novoshakhtinsk refinery in Rostov Oblast. " * 5
    page = (
        '<html><head><meta property="article:published_time" content="2012-05-01">'
        f"<title>Refinery hit</title></head><body><article><p>{paragraph}</p></article>"
        "</body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    with pytest.raises(MetadataError, match=r"page\.html: published '2012-05-01': before 2014"):
        read_article(tmp_path / "page.html")
    given = read_article(tmp_path / "page.html", published=date(2024, 5, 1))
    assert (given.published, given.title) == (date(2024, 5, 1), "Refinery hit")


def test_folders_expand_to_article_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", "a.json", "notes.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in article_paths([tmp_path])] == ["a.md", "b.txt", "c.html"]
