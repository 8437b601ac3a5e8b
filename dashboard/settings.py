"""Typed settings in one place, read from the environment once.

Every setting has an environment variable so the app, the command line and the tests
configure the same way:

- ``STRIKEMAP_DATA_DIR``: folder of the shipped data files (default: the repo's ``data/``).
- ``STRIKEMAP_STORE``: the SQLite store (default: ``data/strikemap.sqlite``).
- ``STRIKEMAP_CACHE_DIR``: disk cache of anything fetched (default: ``data/cache/``).
- ``STRIKEMAP_ONLINE_GEOCODING``: ``1`` to let geopy's Nominatim resolve places the offline
  gazetteer does not know. Off by default: nothing reaches the network unless switched on.
- ``STRIKEMAP_NOMINATIM_USER_AGENT``: the user agent Nominatim's policy requires.
- ``STRIKEMAP_MAX_ARTICLE_MB``: the largest article file or text read, in megabytes of
  1,048,576 bytes as Streamlit counts them (default 2); anything larger is refused whole.
  The app's upload limit, ``server.maxUploadSize`` in ``.streamlit/config.toml``, matches
  the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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
    #: Nominatim's usage policy: at most one request a second.
    nominatim_min_delay_s: float = 1.0
    #: The largest article read, in megabytes: longer ones are refused before extraction.
    max_article_mb: float = DEFAULT_MAX_ARTICLE_MB

    @property
    def seeds_dir(self) -> Path:
        return REPO_DIR / "seeds"

    @property
    def max_article_bytes(self) -> int:
        return int(self.max_article_mb * MEGABYTE)


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
        online_geocoding=_flag(os.environ.get("STRIKEMAP_ONLINE_GEOCODING")),
        nominatim_user_agent=os.environ.get(
            "STRIKEMAP_NOMINATIM_USER_AGENT", "strikemap/0.1 (offline-first strike map)"
        ),
        max_article_mb=_megabytes("STRIKEMAP_MAX_ARTICLE_MB", DEFAULT_MAX_ARTICLE_MB),
    )
