"""Reading articles from disk with their metadata.

An article's metadata (outlet, publication date, URL, title) comes, first to last, from
the caller, from a sidecar ``<name>.json`` beside the file, or from a folder sidecar
``articles.json`` that maps file names to metadata (``seeds/articles.json``).
Saved web pages (``.html``/``.htm``) have their main text pulled out by trafilatura.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import ArticleError
from .model import parse_iso_date

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

    @property
    def id(self) -> str:
        """The SHA-256 of the text, shortened: the same text is the same article."""
        return hashlib.sha256(self.text.strip().encode()).hexdigest()[:16]


def article_from_text(
    text: str,
    *,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    path: str | None = None,
) -> Article:
    """An :class:`Article` from text in hand, rejecting empty text."""
    if not text.strip():
        raise ArticleError(f"{path or 'article'}: the article is empty")
    return Article(text=text, published=published, outlet=outlet, url=url, title=title, path=path)


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
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


def _sidecar_metadata(path: Path) -> dict[str, Any]:
    own = path.with_suffix(".json")
    if own.is_file():
        data = _read_json(own)
        return data if isinstance(data, dict) else {}
    folder = path.parent / FOLDER_SIDECAR
    if folder.is_file():
        entry = _folder_metadata(folder, folder.stat().st_mtime_ns).get(path.name)
        return entry if isinstance(entry, dict) else {}
    return {}


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
) -> Article:
    """Read one article file; arguments given here win over its sidecar metadata.

    Raises
    ------
    ArticleError
        The file is missing, a folder, binary, not UTF-8, or holds no text.
    DateError
        The sidecar's publication date is malformed.
    """
    file = Path(path)
    text = _decode(file)
    meta = _sidecar_metadata(file)
    if file.suffix.lower() in (".html", ".htm"):
        text, page_meta = _html_main_text(text, file)
        meta = {**page_meta, **meta}
    side_published = meta.get("published")
    if published is None and side_published:
        published = parse_iso_date(str(side_published)[:10])
    return article_from_text(
        text,
        published=published,
        outlet=outlet or meta.get("outlet"),
        url=url or meta.get("url"),
        title=title or meta.get("title"),
        path=str(file),
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
