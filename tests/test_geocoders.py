"""Geocoders: the offline gazetteer, Nominatim behind a cache (with a fake), and the chain."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from geopy.exc import GeocoderUnavailable
from geopy.extra.rate_limiter import RateLimiter

from dashboard.errors import GeocoderError
from dashboard.geo.gazetteer import GAZETTEER_FILE, REGIONS_FILE, Gazetteer, Place
from dashboard.geo.geocoders import (
    ChainGeocoder,
    Geocoder,
    NominatimGeocoder,
    OfflineGeocoder,
    build_geocoder,
)
from dashboard.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The shipped gazetteer without the facilities file."""
    folder = tmp_path_factory.mktemp("shipped")
    for name in (GAZETTEER_FILE, REGIONS_FILE):
        (folder / name).write_bytes((DATA / name).read_bytes())
    return Gazetteer.load(folder)


def settings_for(tmp_path: Path, *, online: bool = False, delay: float = 0.0) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        store_path=tmp_path / "store.sqlite",
        cache_dir=tmp_path / "cache",
        online_geocoding=online,
        nominatim_user_agent="strikemap-tests",
        nominatim_min_delay_s=delay,
    )


@dataclass
class FakeLocation:
    """What geopy's Nominatim returns: a point and Nominatim's raw JSON."""

    latitude: float
    longitude: float
    raw: dict[str, Any]


@dataclass
class FakeNominatim:
    """Stands in for geopy's Nominatim: canned answers, and a record of every request."""

    answers: dict[str, FakeLocation | None]
    fail: bool = False
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def geocode(self, query: str, **options: Any) -> FakeLocation | None:
        self.calls.append((query, options))
        if self.fail:
            raise GeocoderUnavailable("network is down")
        return self.answers.get(query)


SAKY = FakeLocation(
    45.13,
    33.6,
    {
        "name": "Saky",
        "addresstype": "town",
        "address": {"state": "Republic of Crimea", "country_code": "ru"},
    },
)
PLAUR = FakeLocation(
    45.28,
    28.67,
    {"name": "Plauru", "addresstype": "village", "address": {"country_code": "ro"}},
)
DEPOT = FakeLocation(
    51.6,
    39.2,
    {
        "name": "Oil depot",
        "addresstype": "industrial",
        "address": {"state": "Voronezh Oblast", "country_code": "ru"},
    },
)


# -- offline ----------------------------------------------------------------------------------


def test_offline_geocoder_finds_spelling_variants(gazetteer: Gazetteer) -> None:
    geocoder = OfflineGeocoder(gazetteer)
    assert isinstance(geocoder, Geocoder)
    place = geocoder.geocode("Kaspiisk")
    assert place is not None and (place.name, place.admin1) == ("Kaspiysk", "Dagestan")
    assert geocoder.geocode("Qwxzvbn") is None
    assert geocoder.geocode("  ") is None


def test_offline_geocoder_reads_region_and_country_after_commas(gazetteer: Gazetteer) -> None:
    geocoder = OfflineGeocoder(gazetteer)
    crimean = geocoder.geocode("Yalta, Crimea")
    donbas = geocoder.geocode("Yalta, Donetsk Oblast")
    assert crimean is not None and crimean.occupied and crimean.admin1 == "Crimea"
    assert donbas is not None and donbas.admin1 == "Donetsk Oblast" and not donbas.occupied
    russian = geocoder.geocode("Donetsk, Russia")
    assert russian is not None and russian.country == "RU"
    assert geocoder.geocode("Donetsk", country="RU") == russian


# -- Nominatim, with a fake geopy geocoder ----------------------------------------------------


def test_nominatim_answer_becomes_a_place(tmp_path: Path, gazetteer: Gazetteer) -> None:
    fake = FakeNominatim({"Plauru": PLAUR, "Oil depot": DEPOT})
    geocoder = NominatimGeocoder(settings_for(tmp_path), fake, gazetteer=gazetteer)
    assert geocoder.geocode("Plauru") == Place(
        name="Plauru", lat=45.28, lon=28.67, country="RO", admin1=None, kind="city"
    )
    depot = geocoder.geocode("Oil depot")
    assert depot is not None and (depot.kind, depot.admin1) == ("facility", "Voronezh Oblast")
    query, options = fake.calls[0]
    assert query == "Plauru" and options["exactly_one"] and options["country_codes"] is None


def test_nominatim_crimea_is_occupied_ukraine(tmp_path: Path, gazetteer: Gazetteer) -> None:
    fake = FakeNominatim({"Saky": SAKY})
    place = NominatimGeocoder(settings_for(tmp_path), fake, gazetteer=gazetteer).geocode("Saky")
    assert place is not None
    assert (place.country, place.admin1, place.occupied) == ("UA", "Crimea", True)


def test_nominatim_passes_the_country(tmp_path: Path) -> None:
    fake = FakeNominatim({"Plauru": PLAUR})
    NominatimGeocoder(settings_for(tmp_path), fake).geocode("Plauru", country="RO")
    assert fake.calls[0][1]["country_codes"] == "ro"


def test_nominatim_asks_each_query_once(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    fake = FakeNominatim({"Plauru": PLAUR})
    geocoder = NominatimGeocoder(settings, fake)
    first = geocoder.geocode("Plauru")
    assert geocoder.geocode("  plauru ") == first
    assert geocoder.geocode("Atlantis") is None
    assert geocoder.geocode("Atlantis") is None
    assert [q for q, _ in fake.calls] == ["Plauru", "Atlantis"]
    # A new process reads the answers from disk and asks nothing.
    later = FakeNominatim({})
    again = NominatimGeocoder(settings, later)
    assert again.geocode("Plauru") == first
    assert again.geocode("Atlantis") is None
    assert later.calls == []
    cached = json.loads((settings.cache_dir / "nominatim.json").read_text(encoding="utf-8"))
    assert set(cached) == {"|plauru", "|atlantis"} and cached["|atlantis"] is None


def test_nominatim_failure_is_a_geocoder_error_and_not_cached(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    fake = FakeNominatim({"Plauru": PLAUR}, fail=True)
    geocoder = NominatimGeocoder(settings, fake, max_retries=0)
    with pytest.raises(GeocoderError, match="Plauru"):
        geocoder.geocode("Plauru")
    fake.fail = False
    assert geocoder.geocode("Plauru") is not None
    assert len(fake.calls) == 2


def test_nominatim_rejects_an_unreadable_answer(tmp_path: Path) -> None:
    broken = FakeLocation(45.0, 30.0, {"name": "X", "address": "not an object"})
    geocoder = NominatimGeocoder(settings_for(tmp_path), FakeNominatim({"X": broken}))
    with pytest.raises(GeocoderError, match="unreadable"):
        geocoder.geocode("X")


def test_a_corrupt_cache_is_a_geocoder_error(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    settings.cache_dir.mkdir()
    (settings.cache_dir / "nominatim.json").write_text("[1, 2", encoding="utf-8")
    with pytest.raises(GeocoderError, match="cache"):
        NominatimGeocoder(settings, FakeNominatim({})).geocode("Plauru")


def test_nominatim_is_rate_limited_at_the_settings_delay(tmp_path: Path) -> None:
    geocoder = NominatimGeocoder(settings_for(tmp_path, delay=1.5), FakeNominatim({}))
    assert isinstance(geocoder.rate_limiter, RateLimiter)
    assert geocoder.rate_limiter.min_delay_seconds == 1.5


# -- the chain and the factory ----------------------------------------------------------------


@dataclass
class Fixed:
    """A geocoder with one answer, or one failure, for every query."""

    answer: Place | None = None
    fail: bool = False
    asked: int = 0

    def geocode(self, query: str, *, country: str | None = None) -> Place | None:
        self.asked += 1
        if self.fail:
            raise GeocoderError("offline")
        return self.answer


KYIV = Place(name="Kyiv", lat=50.45, lon=30.52, country="UA", admin1="Kyiv", kind="city")


def test_chain_returns_the_first_answer() -> None:
    first, second = Fixed(KYIV), Fixed(None)
    assert ChainGeocoder([first, second]).geocode("Kyiv") == KYIV
    assert second.asked == 0
    assert ChainGeocoder([Fixed(None), Fixed(KYIV)]).geocode("Kyiv") == KYIV
    assert ChainGeocoder([Fixed(None), Fixed(None)]).geocode("Kyiv") is None


def test_chain_goes_past_a_failure_and_reports_it_only_when_nothing_was_found() -> None:
    assert ChainGeocoder([Fixed(fail=True), Fixed(KYIV)]).geocode("Kyiv") == KYIV
    with pytest.raises(GeocoderError):
        ChainGeocoder([Fixed(None), Fixed(fail=True)]).geocode("Kyiv")


def test_default_geocoder_is_offline_only(tmp_path: Path, gazetteer: Gazetteer) -> None:
    chain = build_geocoder(settings_for(tmp_path), gazetteer=gazetteer)
    assert [type(g) for g in chain.geocoders] == [OfflineGeocoder]
    place = chain.geocode("Novorossiisk")
    assert place is not None and place.admin1 == "Krasnodar Krai"


def test_online_geocoding_adds_nominatim_after_the_gazetteer(
    tmp_path: Path, gazetteer: Gazetteer
) -> None:
    chain = build_geocoder(settings_for(tmp_path, online=True), gazetteer=gazetteer)
    assert [type(g) for g in chain.geocoders] == [OfflineGeocoder, NominatimGeocoder]


def test_build_geocoder_loads_the_settings_data_folder(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    settings.data_dir.mkdir()
    for name in (GAZETTEER_FILE, REGIONS_FILE):
        (settings.data_dir / name).write_bytes((DATA / name).read_bytes())
    place = build_geocoder(settings).geocode("Kaspijsk")
    assert place is not None and place.name == "Kaspiysk"
