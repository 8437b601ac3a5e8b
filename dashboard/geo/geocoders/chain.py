"""Several geocoders tried in order."""

from __future__ import annotations

from collections.abc import Iterable

from dashboard.errors import GeocoderError
from dashboard.geo.gazetteer import Place
from dashboard.geo.geocoders.base import Geocoder


class ChainGeocoder:
    """Asks each geocoder in turn and returns the first place found.

    A geocoder that fails with :class:`GeocoderError` does not stop the chain; the error
    is raised only when no later geocoder finds the place, so "not found" (``None``) and
    "could not ask" (the error) stay distinct.

    Parameters
    ----------
    geocoders
        The geocoders, first tried first.
    """

    def __init__(self, geocoders: Iterable[Geocoder]) -> None:
        self.geocoders: tuple[Geocoder, ...] = tuple(geocoders)

    def geocode(self, query: str, *, country: str | None = None) -> Place | None:
        """The first geocoder's answer for ``query``, or ``None`` when none knows it.

        Raises
        ------
        GeocoderError
            When no geocoder found the place and at least one of them failed.
        """
        failure: GeocoderError | None = None
        for geocoder in self.geocoders:
            try:
                place = geocoder.geocode(query, country=country)
            except GeocoderError as exc:
                failure = failure or exc
                continue
            if place is not None:
                return place
        if failure is not None:
            raise failure
        return None
