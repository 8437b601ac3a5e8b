"""The about page: where the events, places, borders and map come from, and their licences."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.app.common import core_errors, load_map_data
from dashboard.geo.frontline import load_frontlines
from dashboard.settings import get_settings
from dashboard.store import shown_location

st.title("About strikemap")
st.markdown(
    """
strikemap turns news reports of long-range strikes (drones, sea drones and missiles hitting
ports, air bases, refineries and arsenals in Russia and occupied Crimea) into dated map
points with their sources.

**Where the events come from.** An event is read out of a news article by strikemap's
rule-based extractor. Each one keeps every article that reported it: the outlet, the
publication date, the link and the sentences it was read from. The extractor can be wrong:
read the quoted sentences before relying on a point. A stored event is corrected (date,
place, target type, weapon, outcome), split when reports of two strikes were merged, or
deleted on its *Event* page, opened by the *Edit* link of its popup or table row; every
change is kept in its history, with who made it and when, and the last one can be undone.
A strike reported by several articles is one event with several sources.

**ACLED and UCDP.** An analyst may import ACLED or UCDP GED exports
(`python -m dashboard import acled FILE.csv`): their rows that are long-range strikes by
Ukraine's forces become events, or sources of the articles' events of the same strike, with
the provider's id, coding and notes as the source. Their data are the providers', under
their terms. The *Coverage* page shows which strikes only the articles report, only a
provider codes, and both.

**Distances** from the front line and from Ukraine's border are geodesic, measured on the
WGS84 ellipsoid, against the front-line snapshot in force on the strike's date. The
snapshots are drawn by hand from the public assessments each one names (listed below).

**Place names and coordinates** come from [GeoNames](https://www.geonames.org/), licensed
under [Creative Commons Attribution 4.0](https://creativecommons.org/licenses/by/4.0/).
This product contains GeoNames data; strikemap selected and converted it.

**Borders and the base map** are drawn from [Natural Earth](https://www.naturalearthdata.com/)
data, which is in the public domain. Made with Natural Earth.

**Map software.** Leaflet and its plugins are served by this app itself, installed from the
npm registry with their licences, so the map works without the internet. Online map tiles
(OpenStreetMap, © OpenStreetMap contributors) are loaded only when switched on on the map.
"""
)

# The map's columns, which the map page has most likely read already: not every event.
data = load_map_data()
settings = get_settings()
st.subheader("This installation")
st.markdown(
    f"- **{len(data):,}** events stored"
    + (f", from {data.first:%d %B %Y} to {data.last:%d %B %Y}" if not data.empty else "")
)
st.text(f"Store: {shown_location(settings.store_location)}")
attribution = settings.data_dir / "ATTRIBUTION.md"
if attribution.is_file():
    with st.expander("The data files in detail"):
        # The project's own file, not article text.
        st.markdown(attribution.read_text(encoding="utf-8"))

with st.expander("Front-line snapshots and their sources"), core_errors():
    snapshots = load_frontlines(settings.data_dir)
    st.dataframe(
        pd.DataFrame(
            {
                "in force from": [s.valid_from for s in snapshots],
                "name": [s.name for s in snapshots],
                "sources": ["; ".join(s.sources) for s in snapshots],
            }
        ),
        hide_index=True,
        key="frontline_sources",
    )
