"""Geocoders, after geopy's: a protocol, the offline gazetteer, Nominatim, and a chain.

:func:`build_geocoder` gives what the settings allow: the offline gazetteer alone unless
online geocoding is switched on, then the gazetteer first and Nominatim after it.
"""

from __future__ import annotations

from dashboard.geo.gazetteer import Gazetteer, default_gazetteer
from dashboard.geo.geocoders.base import Geocoder
from dashboard.geo.geocoders.chain import ChainGeocoder
from dashboard.geo.geocoders.nominatim import NominatimGeocoder
from dashboard.geo.geocoders.offline import OfflineGeocoder
from dashboard.settings import Settings, get_settings

__all__ = [
    "ChainGeocoder",
    "Geocoder",
    "NominatimGeocoder",
    "OfflineGeocoder",
    "build_geocoder",
]


def build_geocoder(
    settings: Settings | None = None, *, gazetteer: Gazetteer | None = None
) -> ChainGeocoder:
    """The geocoder the settings allow.

    Parameters
    ----------
    settings
        The settings; the environment's when ``None``.
    gazetteer
        The offline gazetteer; loaded from ``settings.data_dir`` when ``None``.

    Returns
    -------
    ChainGeocoder
        The offline geocoder alone, or followed by Nominatim when
        ``settings.online_geocoding`` is on.
    """
    settings = settings if settings is not None else get_settings()
    if gazetteer is None:
        same_folder = settings.data_dir == get_settings().data_dir
        gazetteer = default_gazetteer() if same_folder else Gazetteer.load(settings.data_dir)
    geocoders: list[Geocoder] = [OfflineGeocoder(gazetteer)]
    if settings.online_geocoding:
        geocoders.append(NominatimGeocoder(settings, gazetteer=gazetteer))
    return ChainGeocoder(geocoders)
