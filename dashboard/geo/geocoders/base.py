"""The geocoder protocol every strikemap geocoder follows, after geopy's ``geocode``."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from dashboard.geo.gazetteer import Place


@runtime_checkable
class Geocoder(Protocol):
    """Turns a place name into a :class:`~dashboard.geo.gazetteer.Place`."""

    def geocode(self, query: str, *, country: str | None = None) -> Place | None:
        """The place ``query`` names, or ``None`` when this geocoder does not know it.

        Parameters
        ----------
        query
            A place name, optionally followed by its region and country after commas
            ("Kaspiysk, Dagestan, Russia").
        country
            ISO 3166-1 alpha-2 code the place must lie in.

        Raises
        ------
        GeocoderError
            When an online service fails; offline geocoders never raise it.
        """
        ...
