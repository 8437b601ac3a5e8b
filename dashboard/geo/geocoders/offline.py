"""The offline geocoder: the gazetteer, no network."""

from __future__ import annotations

from dashboard.geo.gazetteer import Gazetteer, Place, default_gazetteer


class OfflineGeocoder:
    """Geocodes with the offline :class:`~dashboard.geo.gazetteer.Gazetteer`.

    Parameters
    ----------
    gazetteer
        The gazetteer to use; the process-wide default one when ``None``.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()

    def geocode(self, query: str, *, country: str | None = None) -> Place | None:
        """The best gazetteer place for ``query``, or ``None``.

        ``query`` may name the region and country after commas ("Yalta, Crimea");
        parts that are neither a known country nor a known region are ignored.
        """
        name, *context = [part.strip() for part in query.split(",")]
        if not name:
            return None
        admin1 = None
        for part in context:
            places = self.gazetteer.lookup(part)
            known_country = next((p for p in places if p.kind == "country"), None)
            if known_country is not None and country is None:
                country = known_country.country
            elif any(p.kind == "region" for p in places):
                admin1 = part
        if admin1 is not None:
            found = self.gazetteer.best(name, country=country, admin1=admin1)
            if found is not None:
                return found
        return self.gazetteer.best(name, country=country)
