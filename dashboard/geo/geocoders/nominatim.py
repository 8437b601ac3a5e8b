"""Nominatim (OpenStreetMap) through geopy, rate limited and cached on disk.

Used only when the user switches online geocoding on. Every answer, "not found"
included, is kept in ``nominatim.json`` in the cache folder, so each query reaches
Nominatim once.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from dashboard.errors import GeocoderError
from dashboard.geo.gazetteer import Gazetteer, Place, PlaceKind
from dashboard.settings import Settings

CACHE_FILE = "nominatim.json"
#: Nominatim address types that are settlements; other points are facilities.
_SETTLEMENTS = frozenset(
    {"city", "town", "village", "hamlet", "suburb", "municipality", "borough", "quarter",
     "neighbourhood", "isolated_dwelling", "locality", "city_district"}
)  # fmt: skip
_REGIONS = frozenset({"state", "region", "province"})


class NominatimGeocoder:
    """geopy's Nominatim behind geopy's ``RateLimiter`` and a JSON answer cache.

    Parameters
    ----------
    settings
        Gives the user agent, the minimum delay between requests and the cache folder.
    geocoder
        A geopy geocoder (anything with geopy's ``geocode(query, **options)``); a new
        ``geopy.geocoders.Nominatim`` when ``None``. Tests pass a fake here.
    gazetteer
        When given, Nominatim's region names are replaced by the gazetteer's, and places
        in Crimea and Sevastopol become occupied Ukraine.
    max_retries, error_wait_seconds
        geopy ``RateLimiter``'s retries of failed requests and the wait between them.
    """

    def __init__(
        self,
        settings: Settings,
        geocoder: Any | None = None,
        *,
        gazetteer: Gazetteer | None = None,
        max_retries: int = 2,
        error_wait_seconds: float = 5.0,
    ) -> None:
        from geopy.extra.rate_limiter import RateLimiter

        if geocoder is None:
            from geopy.geocoders import Nominatim

            geocoder = Nominatim(user_agent=settings.nominatim_user_agent, timeout=10)
        self.rate_limiter = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=settings.nominatim_min_delay_s,
            max_retries=max_retries,
            error_wait_seconds=error_wait_seconds,
            swallow_exceptions=False,
        )
        self.cache_path = settings.cache_dir / CACHE_FILE
        self._gazetteer = gazetteer
        self._cache: dict[str, dict[str, Any] | None] | None = None

    def geocode(self, query: str, *, country: str | None = None) -> Place | None:
        """Nominatim's best answer for ``query``, from the cache when asked before.

        Raises
        ------
        GeocoderError
            When Nominatim cannot be reached, refuses, or answers something unreadable.
        """
        text = " ".join(query.split())
        if not text:
            return None
        key = f"{(country or '').upper()}|{text.casefold()}"
        cache = self._load_cache()
        if key not in cache:
            cache[key] = self._ask(text, country)
            self._save_cache(cache)
        answer = cache[key]
        if answer is None:
            return None
        try:
            return self._place(answer)
        except (KeyError, TypeError) as exc:
            raise GeocoderError(f"the geocoding cache entry for {key!r} is malformed") from exc

    def _ask(self, text: str, country: str | None) -> dict[str, Any] | None:
        from geopy.exc import GeopyError

        try:
            location = self.rate_limiter(
                text,
                exactly_one=True,
                addressdetails=True,
                language="en",
                country_codes=country.lower() if country else None,
            )
        except GeopyError as exc:
            raise GeocoderError(f"Nominatim failed for {text!r}: {exc}") from exc
        if location is None:
            return None
        try:
            raw = location.raw
            address = raw.get("address", {})
            return {
                "name": raw.get("name") or text,
                "lat": float(location.latitude),
                "lon": float(location.longitude),
                "country": str(address.get("country_code", "")).upper(),
                "admin1": address.get("state"),
                "type": raw.get("addresstype") or raw.get("type"),
            }
        except (AttributeError, TypeError, ValueError) as exc:
            raise GeocoderError(f"Nominatim gave an unreadable answer for {text!r}") from exc

    def _place(self, answer: dict[str, Any]) -> Place:
        country: str = answer["country"]
        admin1: str | None = answer["admin1"]
        occupied = False
        if admin1 is not None and self._gazetteer is not None:
            region = self._gazetteer.region(admin1, country or None)
            if region is None and country == "RU":
                # Nominatim may file Crimea under Russia; the gazetteer keeps it in Ukraine.
                region = self._gazetteer.region(admin1, "UA")
            if region is not None and (region.country == country or region.occupied):
                admin1, country, occupied = region.name, region.country, region.occupied
        kind: PlaceKind = "city"
        if answer["type"] == "country":
            kind = "country"
        elif answer["type"] in _REGIONS:
            kind = "region"
        elif answer["type"] not in _SETTLEMENTS:
            kind = "facility"
        return Place(
            name=answer["name"],
            lat=answer["lat"],
            lon=answer["lon"],
            country=country,
            admin1=admin1,
            kind=kind,
            occupied=occupied,
        )

    def _load_cache(self) -> dict[str, dict[str, Any] | None]:
        if self._cache is None:
            try:
                data = json.loads(self.cache_path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                data = {}
            except (OSError, ValueError) as exc:
                raise GeocoderError(f"cannot read the geocoding cache {self.cache_path}") from exc
            if not isinstance(data, dict):
                raise GeocoderError(f"the geocoding cache {self.cache_path} is not a JSON object")
            self._cache = data
        return self._cache

    def _save_cache(self, cache: dict[str, dict[str, Any] | None]) -> None:
        folder: Path = self.cache_path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Write aside and rename, so an interrupted run never leaves half a cache.
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".nominatim-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(cache, fh, ensure_ascii=False, indent=1, sort_keys=True)
            os.replace(tmp, self.cache_path)
        except OSError as exc:
            raise GeocoderError(f"cannot write the geocoding cache {self.cache_path}") from exc
