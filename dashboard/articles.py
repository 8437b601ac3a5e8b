"""Reading articles from disk with their metadata.

An article's metadata (outlet, publication date, URL, title) comes, first to last, from
the caller, from a sidecar ``<name>.json`` beside the file, or from a folder sidecar
``articles.json`` that maps file names to metadata (``seeds/articles.json``). Each source
is checked field by field (:mod:`dashboard.metadata`) before anything is read from it.
Saved web pages (``.html``/``.htm``) have their main text pulled out by trafilatura.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import ArticleError, ArticleTooLarge
from .metadata import ArticleMeta, check_metadata
from .settings import get_settings

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
FOLDER_SIDECAR = "articles.json"


@dataclass(frozen=True)
class Article:
    """One article's text and what is known about it."""

    text: str
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    path: str | None = None

    # Every event drawn from the article carries it: worked out once, not once an event.
    @functools.cached_property
    def id(self) -> str:
        """The SHA-256 of the normalised text, shortened: the same text is the same article,
        whatever its line endings, spacing or Unicode composition."""
        return hashlib.sha256(normalised_text(self.text).encode()).hexdigest()[:16]

    @functools.cached_property
    def former_id(self) -> str:
        """The id from the text merely stripped, as stores loaded before ids came from
        normalised text know the article."""
        return hashlib.sha256(self.text.strip().encode()).hexdigest()[:16]


def normalised_text(text: str) -> str:
    """Text as it identifies an article: NFC, and every run of white space (CRLF and LF
    line endings included) one space, none at either end."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_from_text(
    text: str,
    *,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    path: str | None = None,
    allow_any_date: bool = False,
) -> Article:
    """An :class:`Article` from text in hand, rejecting empty text and bad metadata.

    Raises
    ------
    ArticleTooLarge
        The text is longer than the settings allow an article (2 MB unless set).
    ArticleError
        The text is empty, or holds what no text file can (a lone surrogate).
    MetadataError
        A field of the metadata cannot be used; see :func:`dashboard.metadata.check_metadata`.
    """
    where = path or "the article"
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise ArticleError(f"{where}: not text (it holds a lone surrogate)") from None
    check_size(size, where)
    if not text.strip():
        raise ArticleError(f"{where}: the article is empty")
    meta = check_metadata(
        {"published": published, "outlet": outlet, "url": url, "title": title},
        where,
        allow_any_date=allow_any_date,
    )
    return Article(
        text=text,
        published=meta.published,
        outlet=meta.outlet,
        url=meta.url,
        title=meta.title,
        path=path,
    )


def check_size(size: int, where: str) -> None:
    """Refuse an article of ``size`` bytes over the limit of the settings.

    Raises
    ------
    ArticleTooLarge
        With the size and the limit, in one line.
    """
    settings = get_settings()
    if size > settings.max_article_bytes:
        raise ArticleTooLarge(
            f"{where}: {size:,} bytes, more than the {settings.max_article_bytes:,} bytes "
            f"({settings.max_article_mb:g} MB) an article may have "
            "(STRIKEMAP_MAX_ARTICLE_MB sets the limit)"
        )


def _decode(path: Path) -> str:
    limit = get_settings().max_article_bytes
    try:
        with path.open("rb") as file:
            # Past the limit nothing more is read: the size is all the refusal needs.
            raw = file.read(limit + 1)
            if len(raw) > limit:
                check_size(max(len(raw), os.fstat(file.fileno()).st_size), str(path))
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a folder, not an article") from None
    except OSError as error:
        raise ArticleError(f"{path}: cannot read ({error.strerror})") from None
    if b"\x00" in raw:
        raise ArticleError(f"{path}: binary file, not an article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError(f"{path}: not UTF-8 text") from None


def _html_main_text(html: str, path: Path) -> tuple[str, dict[str, Any]]:
    import trafilatura  # Imported here: only saved web pages need it.

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        raise ArticleError(f"{path}: no article text found in the page")
    meta: dict[str, Any] = {}
    document = trafilatura.extract_metadata(html)
    if document is not None:
        meta = {
            "title": document.title,
            "outlet": document.sitename,
            "url": document.url,
            "published": document.date,
        }
    return text, {key: value for key, value in meta.items() if value}


def _sidecar_metadata(path: Path, allow_any_date: bool) -> ArticleMeta:
    own = path.with_suffix(".json")
    if own.is_file():
        return check_metadata(_read_json(own), str(own), allow_any_date=allow_any_date)
    folder = path.parent / FOLDER_SIDECAR
    if folder.is_file():
        entries = _folder_metadata(folder, folder.stat().st_mtime_ns)
        if path.name in entries:
            where = f"{folder} (entry {path.name!r})"
            return check_metadata(entries[path.name], where, allow_any_date=allow_any_date)
    return ArticleMeta()


@functools.lru_cache(maxsize=32)
def _folder_metadata(path: Path, mtime_ns: int) -> dict[str, Any]:
    """A folder's sidecar, read once per change: a folder of 1,000 articles shares one."""
    data = _read_json(path)
    if not isinstance(data, dict):
        raise ArticleError(f"{path}: expected an object mapping file names to metadata")
    return data


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ArticleError(f"{path}: unreadable metadata ({error})") from None


def read_article(
    path: str | Path,
    *,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    allow_any_date: bool = False,
) -> Article:
    """Read one article file; arguments given here win over its sidecar metadata, and the
    sidecar over a saved web page's own.

    Publication dates before 2014 or after tomorrow are refused unless ``allow_any_date``.

    Raises
    ------
    ArticleTooLarge
        The file is larger than the settings allow an article (2 MB unless set).
    ArticleError
        The file is missing, a folder, binary, not UTF-8, or holds no text.
    MetadataError
        A field of the sidecar's, the page's or the given metadata cannot be used.
    """
    file = Path(path)
    text = _decode(file)
    meta = _sidecar_metadata(file, allow_any_date)
    if file.suffix.lower() in (".html", ".htm"):
        text, page_meta = _html_main_text(text, file)
        # Only what the page alone gives is checked: a date given for a page that shows a
        # wrong one is what fixes it.
        given = {"published": published, "outlet": outlet, "url": url, "title": title}
        missing = {key for key, value in meta.model_dump().items() if value is None}
        wanted = {key: page_meta[key] for key in page_meta if key in missing and not given[key]}
        page = check_metadata(wanted, str(file), allow_any_date=allow_any_date)
        meta = meta.model_copy(update=page.model_dump(exclude_none=True))
    return article_from_text(
        text,
        published=published or meta.published,
        outlet=outlet or meta.outlet,
        url=url or meta.url,
        title=title or meta.title,
        path=str(file),
        allow_any_date=allow_any_date,
    )


def article_paths(paths: list[Path]) -> Iterator[Path]:
    """The article files named, with folders expanded (sorted, sidecars skipped)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            yield path
