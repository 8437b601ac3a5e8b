"""Typed settings in one place, read from the environment once.

Every setting has an environment variable so the app, the command line and the tests
configure the same way:

- ``STRIKEMAP_DATA_DIR``: folder of the shipped data files (default: the repo's ``data/``).
- ``STRIKEMAP_STORE``: the SQLite store (default: ``data/strikemap.sqlite``).
- ``STRIKEMAP_DATABASE_URL``: ``postgresql://user@host:port/database``, a shared PostgreSQL
  store with PostGIS; when set, the command line, the loader and the app use it instead of
  the SQLite file.
- ``STRIKEMAP_CACHE_DIR``: disk cache of anything fetched (default: ``data/cache/``).
- ``STRIKEMAP_ONLINE_GEOCODING``: ``1`` to let geopy's Nominatim resolve places the offline
  gazetteer does not know. Off by default: nothing reaches the network unless switched on.
- ``STRIKEMAP_NOMINATIM_USER_AGENT``: the user agent Nominatim's policy requires.
- ``STRIKEMAP_MAX_ARTICLE_MB``: the largest article file or text read, in megabytes of
  1,048,576 bytes as Streamlit counts them (default 2); anything larger is refused whole.
  The app's upload stops at the same limit, rounded up to a whole megabyte.
- ``STRIKEMAP_EDIT_TOKEN``: the token a reader types in the app to add, correct or delete
  events, where no identity provider is set up (README: serving to a network).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

REPO_DIR = Path(__file__).resolve().parent.parent

#: Bytes in the megabyte of the article size limit: Streamlit's, for uploads.
MEGABYTE = 1024 * 1024
DEFAULT_MAX_ARTICLE_MB = 2.0


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    store_path: Path
    cache_dir: Path
    online_geocoding: bool
    nominatim_user_agent: str
    #: ``postgresql://…``: the shared store everything opens instead of ``store_path``.
    database_url: str | None = None
    #: Nominatim's usage policy: at most one request a second.
    nominatim_min_delay_s: float = 1.0
    #: The largest article read, in megabytes: longer ones are refused before extraction.
    max_article_mb: float = DEFAULT_MAX_ARTICLE_MB
    #: What a reader types to write in the app; never shown, logged or printed.
    edit_token: str | None = field(default=None, repr=False)

    @property
    def seeds_dir(self) -> Path:
        return REPO_DIR / "seeds"

    @property
    def max_article_bytes(self) -> int:
        return int(self.max_article_mb * MEGABYTE)

    @property
    def store_location(self) -> str | Path:
        """The store everything opens: the PostgreSQL address if set, else the SQLite file."""
        return self.database_url or self.store_path


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _megabytes(name: str, default: float) -> float:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise InputError(f"{name} must be a positive number of megabytes, not {text!r}")
    return value


def get_settings() -> Settings:
    """Settings as the environment gives them now.

    Raises
    ------
    InputError
        A setting of the environment is not a value it can take.
    """
    data_dir = Path(os.environ.get("STRIKEMAP_DATA_DIR", REPO_DIR / "data"))
    return Settings(
        data_dir=data_dir,
        store_path=Path(os.environ.get("STRIKEMAP_STORE", data_dir / "strikemap.sqlite")),
        cache_dir=Path(os.environ.get("STRIKEMAP_CACHE_DIR", data_dir / "cache")),
        database_url=os.environ.get("STRIKEMAP_DATABASE_URL", "").strip() or None,
        online_geocoding=_flag(os.environ.get("STRIKEMAP_ONLINE_GEOCODING")),
        nominatim_user_agent=os.environ.get(
            "STRIKEMAP_NOMINATIM_USER_AGENT", "strikemap/0.1 (offline-first strike map)"
        ),
        max_article_mb=_megabytes("STRIKEMAP_MAX_ARTICLE_MB", DEFAULT_MAX_ARTICLE_MB),
        edit_token=os.environ.get("STRIKEMAP_EDIT_TOKEN", "").strip() or None,
    )
