"""The strike map: an offline base map, and the events as one layer that scales.

:func:`build_base_map` draws countries and regions from ``data/basemap.geojson`` on a
plain background (no tile server), the front line, optional distance bands around it and
a legend. :func:`events_layer` turns a frame of events (the columns of
:data:`dashboard.exports.CSV_COLUMNS`) into one ``FeatureGroup`` holding a single marker
cluster layer whose markers are made in the browser from compact column data, so 100,000
events cost one JSON text, never 100,000 folium elements. What a popup shows is fetched
only when it opens, from files :func:`publish_details` writes once per set of stored
events. The Streamlit page passes the group to ``st_folium(..., feature_group_to_add=...)``,
which swaps it without rebuilding the map, so a filter change keeps the reader's pan and
zoom.

Escaping. Everything from articles reaches the browser as JSON data, inside a script with
``<``, ``>``, ``&``, braces and the JavaScript line separators written as ``\\u`` escapes,
so no data can close the script or form a template tag, or in a JSON file the browser
parses as data (``<``, ``>`` and ``&`` escaped there too); the browser then puts it on the
page only through ``textContent`` and checked ``href`` values, never as HTML. The elements
here also hand folium their script as finished text: folium would otherwise compile every
rendered script as a Jinja template, which data must never be.

This module imports folium, never streamlit.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import os
import re
import shutil
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import folium
import numpy as np
import pandas as pd
import shapely
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.elements import JSCSSMixin
from folium.plugins import MarkerCluster
from folium.template import Template
from pyproj import Geod
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, mapping

from .assets import STATIC_DIR, STATIC_URL, localize, require_assets
from .errors import DataError
from .frontline import Frontline
from .model import DATE_PRECISIONS, OUTCOMES, TARGET_TYPES, WEAPONS, Event, Reference
from .palette import MISSING, OUTCOME_STYLES, TARGET_STYLES
from .settings import get_settings

BASEMAP_FILE = "basemap.geojson"
#: Generated files the app serves (Streamlit serves the app's static folder by URL).
CACHE_DIR = STATIC_DIR / "cache"
CACHE_URL = f"{STATIC_URL}/cache"
BASEMAP_CACHE_DIR = CACHE_DIR / "basemap"
BASEMAP_CACHE_URL = f"{CACHE_URL}/basemap"
#: Generated files unused for this long are removed when another one is written.
CACHE_MAX_AGE_S = 3600.0
#: Without tiles nothing is gained past this zoom; marker clustering needs a finite one.
MAX_ZOOM_OFFLINE = 12
MAX_ZOOM_TILES = 18
MIN_ZOOM = 3
#: The sea: the background of the plain map.
SEA_COLOUR = "#dce8f2"
FRONT_COLOUR = "#b3001b"
GEOD = Geod(ellps="WGS84")


WEAPON_LABELS: dict[str, str] = {
    "aerial_drone": "Aerial drone",
    "sea_drone": "Sea drone",
    "missile": "Missile",
    "aircraft": "Aircraft",
    "sabotage": "Sabotage",
    "unknown": "Unknown",
}

# -- escaping -------------------------------------------------------------------------------

#: What :func:`js_data` writes as ``\\u`` escapes (str.replace runs at C speed on megabytes).
_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("{", "\\u007b"),
    ("}", "\\u007d"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def js_data(value: Any) -> str:
    """JSON of ``value`` that is safe inside a ``<script>`` and inert as a template.

    Braces are escaped too, so ``value`` must hold no dict (arrays, strings, numbers,
    booleans and ``None`` only): every brace left is then inside a string, where the
    ``\\u007b`` escape reads back as the same character.

    Raises
    ------
    TypeError
        If ``value`` contains a dict.
    """
    if _has_dict(value):
        raise TypeError("js_data takes no dicts: their braces would be escaped")
    return _escaped_json(value)


def _escaped_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES:
        text = text.replace(char, escape)
    return text


def _has_dict(value: Any) -> bool:
    if isinstance(value, dict):
        return True
    if isinstance(value, list | tuple):
        # Columns of scalars are the common case: one C-level pass decides them.
        if not any(isinstance(v, dict | list | tuple) for v in value):
            return False
        return any(_has_dict(v) for v in value)
    return False


def _js_geojson(collection: dict[str, Any]) -> str:
    """Our own GeoJSON (no article text) for a script: only ``<``, ``>`` and ``&`` escaped.

    Its braces are structure; the elements never compile their output as a template, so
    they can stay.
    """
    text = json.dumps(collection, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# -- folium elements that hand over finished script text ------------------------------------


class _Verbatim(Element):
    """Finished text for the figure: rendered as is, never compiled as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class _ScriptElement(JSCSSMixin):
    """An element whose script is built in Python (:meth:`js`) and passed on verbatim.

    ``st_folium`` reads the ``script`` macro; a saved HTML page reads the figure's script
    section, which :meth:`render` fills without compiling the text as a template.
    """

    _template = Template("{% macro script(this, kwargs) %}{{ this.js() }}{% endmacro %}")

    def js(self) -> str:
        raise NotImplementedError

    def render(self, **kwargs: Any) -> str:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise DataError("a map element can only be rendered inside a folium Figure")
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        figure.script.add_child(_Verbatim(self.js()), name=self.script_key())
        for child in self._children.values():
            child.render(**kwargs)
        return ""

    def script_key(self) -> str:
        return self.get_name()

    def parent_name(self) -> str:
        if self._parent is None:
            raise DataError(f"{self._name} must be added to a map or layer first")
        return str(self._parent.get_name())

    def map_name(self) -> str:
        item = self._parent
        while item is not None and not isinstance(item, folium.Map):
            item = item._parent
        if item is None:
            raise DataError(f"{self._name} must be added to a map first")
        return str(item.get_name())


class _Group(folium.FeatureGroup):
    """A ``FeatureGroup`` that can be rendered again and again.

    folium's layers add an "add me to the map" child at every render, named after the
    layer's id at that time. ``st_folium`` renames every element while it draws, so a map
    drawn a second time (the page caches its base map) keeps the child from the first
    drawing, which points at a variable that no longer exists and stops the map. This group
    adds itself in its own script instead.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup({{ this.options|tojavascript }});
            {% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
        {% endmacro %}
        """
    )

    def render(self, **kwargs: Any) -> str:
        # Skip Layer.render (the child described above); render as a plain MacroElement.
        super(folium.map.Layer, self).render(**kwargs)  # type: ignore[no-untyped-call]
        return ""


#: The map's own styles and helpers, served by the app (dashboard/app/static/strikemap/):
#: folium names for them, and their URLs.
MAP_CSS = ("strikemap_css", f"{STATIC_URL}/strikemap/map.css")
MAP_JS = ("strikemap_js", f"{STATIC_URL}/strikemap/map.js")


# -- the base map -----------------------------------------------------------------------------


def _basemap_path() -> Path:
    return get_settings().data_dir / BASEMAP_FILE


@functools.lru_cache(maxsize=2)
def _basemap_js(path: str, mtime_ns: int) -> tuple[str, str]:
    """The basemap's GeoJSON for a script, and its attribution (cached per file version)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError(f"{path}: cannot read the base map ({error})") from None
    if data.get("type") != "FeatureCollection" or not data.get("features"):
        raise DataError(f"{path}: not a GeoJSON FeatureCollection with features")
    return _js_geojson(data), str(data.get("attribution", "Natural Earth"))


def load_basemap() -> tuple[str, str]:
    """The shipped basemap's GeoJSON as script text, and its attribution.

    Raises
    ------
    DataError
        If ``data/basemap.geojson`` is missing or malformed.
    """
    path = _basemap_path()
    if not path.is_file():
        raise DataError(f"{path} is missing: run scripts/build_basemap.py")
    return _basemap_js(str(path), path.stat().st_mtime_ns)


def publish_basemap(*, root: Path = BASEMAP_CACHE_DIR, url: str = BASEMAP_CACHE_URL) -> str:
    """Put the shipped basemap where the app serves it; return its URL.

    The file is named by its content, so every process serves the same one and a new
    basemap gets a new name; a later call only marks it as in use. Files unused for
    :data:`CACHE_MAX_AGE_S` are removed when another one is written.

    Raises
    ------
    DataError
        If ``data/basemap.geojson`` is missing or malformed.
    """
    geojson_js, _ = load_basemap()
    name = hashlib.sha256(geojson_js.encode("utf-8")).hexdigest()[:24] + ".json"
    path = root / name
    if path.is_file():
        os.utime(path)
        return f"{url}/{name}"
    _cache_folder(root, keep=name)
    partial = root / f".partial-{uuid.uuid4().hex}"
    partial.write_text(geojson_js, encoding="utf-8")
    os.replace(partial, path)
    return f"{url}/{name}"


def _cache_folder(root: Path, keep: str) -> None:
    """Make ``root`` for generated files git leaves alone, and remove the unused ones."""
    root.mkdir(parents=True, exist_ok=True)
    ignore = root / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")
    cutoff = time.time() - CACHE_MAX_AGE_S
    for entry in root.iterdir():
        if entry.name in (keep, ".gitignore"):
            continue
        try:
            unused = entry.stat().st_mtime < cutoff
        except OSError:
            continue
        if unused and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        elif unused:
            entry.unlink(missing_ok=True)


class _Basemap(_ScriptElement):
    """Countries (Ukraine and Russia tinted) and their region borders, from data.

    With ``url`` the browser fetches the GeoJSON from there (see :func:`publish_basemap`)
    instead of finding it in the script, which the app sends again on every rerun.
    ``smBaseReady`` on the map says it is drawn.
    """

    def __init__(
        self, geojson_js: str, attribution: str, *, filled: bool, url: str | None = None
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Basemap"
        self.geojson_js = geojson_js
        self.attribution = attribution
        self.filled = filled
        self.url = url

    def js(self) -> str:
        fills = {"UA": "#fbf3d5", "RU": "#efe6dc"}
        fmap = self.map_name()
        name = self.get_name()
        loaded = (
            f"{fmap}.smBaseReady = true;\n"
            if self.url is None
            else f"fetch({js_data(self.url)}, {{credentials:'same-origin'}})"
            ".then(function(r){ if (!r.ok) throw new Error('basemap: HTTP ' + r.status);"
            " return r.json(); })"
            f".then(function(d){{ {name}.addData(d); {fmap}.smBaseReady = true; }});\n"
        )
        return (
            # A pane under the other vector layers, drawn on one canvas: 40,000 vertices
            # pan faster there than as SVG paths.
            f"({fmap}.getPane('smBase') || {fmap}.createPane('smBase')).style.zIndex = 250;\n"
            f"var {name} = L.geoJSON({'null' if self.url else self.geojson_js}, {{"
            f"interactive:false,pane:'smBase',renderer:L.canvas({{pane:'smBase'}}),"
            f"attribution:{js_data(self.attribution)},"
            "style:function(f){var p=f.properties;"
            "if(p.kind==='regions'){return {color:'#8f8f8f',weight:0.7,opacity:0.8,fill:false};}"
            f"var fills={json.dumps(fills)};"
            f"return {{color:p.focus?'#5f5f5f':'#9a9a9a',weight:p.focus?1.4:0.8,"
            f"fill:{'true' if self.filled else 'false'},"
            "fillColor:fills[p.focus]||'#f6f4f0',fillOpacity:1};}"
            f"}}).addTo({self.parent_name()});\n" + loaded
        )


class _Lines(_ScriptElement):
    """A front line, drawn over a white casing, with a plain-text tooltip."""

    def __init__(self, geometry: dict[str, Any], tooltip: str, *, dashed: bool) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "FrontLine"
        self.geometry = geometry
        self.tooltip = tooltip
        self.dashed = dashed

    def js(self) -> str:
        name = self.get_name()
        dash = "'8 6'" if self.dashed else "null"
        css_class = "sm-frontline-compare" if self.dashed else "sm-frontline"
        colour = "#6b4a4a" if self.dashed else FRONT_COLOUR
        return (
            f"var {name}_data = {_js_geojson(self.geometry)};\n"
            f"var {name}_tip = document.createElement('span');"
            f"{name}_tip.textContent = {js_data(self.tooltip)};\n"
            f"L.geoJSON({name}_data, {{interactive:false,style:{{color:'#ffffff',"
            f"weight:{7 if not self.dashed else 5},opacity:0.85}}}}).addTo({self.parent_name()});\n"
            f"var {name} = L.geoJSON({name}_data, {{style:{{color:'{colour}',weight:3,"
            f"opacity:0.95,dashArray:{dash},className:'{css_class}'}}}})"
            f".bindTooltip({name}_tip, {{sticky:true}}).addTo({self.parent_name()});\n"
        )


class _Band(_ScriptElement):
    """The area within some distance of the front line, with a plain-text tooltip."""

    def __init__(self, geometry: dict[str, Any], tooltip: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "DistanceBand"
        self.geometry = geometry
        self.tooltip = tooltip

    def js(self) -> str:
        name = self.get_name()
        return (
            f"var {name}_tip = document.createElement('span');"
            f"{name}_tip.textContent = {js_data(self.tooltip)};\n"
            f"var {name} = L.geoJSON({_js_geojson(self.geometry)}, {{style:{{color:'#7a4b00',"
            "weight:1.2,opacity:0.8,dashArray:'6 4',fillColor:'#f0a030',fillOpacity:0.07,"
            f"className:'sm-band'}}}}).bindTooltip({name}_tip, {{sticky:true}})"
            f".addTo({self.parent_name()});\n"
        )


class _Legend(_ScriptElement):
    """The key, folded until opened: one row per target type (colour and icon), an
    interception, the front line and the bands. ``strikemap.legend`` (map.js) draws it."""

    def __init__(self, front_name: str | None, bands: bool) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Legend"
        self.default_js = [MAP_JS]
        self.default_css = [MAP_CSS]
        self.front_name = front_name
        self.bands = bands

    def js(self) -> str:
        rows = [[s.colour, s.icon, s.label] for s in TARGET_STYLES.values()]
        caught = OUTCOME_STYLES["intercepted"]
        return (
            f"var {self.get_name()} = window.strikemap.legend({self.parent_name()}, "
            f"{js_data(rows)}, {js_data([caught.colour, caught.icon, caught.label])}, "
            f"{js_data(self.front_name)}, {js_data(self.bands)});\n"
            f"{self.parent_name()}.getContainer().style.background={js_data(SEA_COLOUR)};\n"
        )


class _ControlHandle(_ScriptElement):
    """Tells the map its layer control, so layers added later (the events') can join it."""

    def __init__(self, control: folium.LayerControl) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "ControlHandle"
        self.control = control

    def js(self) -> str:
        return f"{self.parent_name()}.smControl = {self.control.get_name()};\n"


def _line_parts(line: LineString | MultiLineString) -> list[LineString]:
    if isinstance(line, LineString):
        return [line]
    return list(line.geoms)


def _densify(part: LineString, spacing_km: float) -> list[tuple[float, float]]:
    """Points along a line's geodesic segments, at most ``spacing_km`` apart."""
    coords = list(part.coords)
    points = [coords[0][:2]]
    for (lon1, lat1, *_), (lon2, lat2, *_) in itertools.pairwise(coords):
        _, _, metres = GEOD.inv(lon1, lat1, lon2, lat2)
        between = max(math.ceil(metres / 1000 / spacing_km) - 1, 0)
        if between:
            points.extend(GEOD.npts(lon1, lat1, lon2, lat2, between))
        points.append((lon2, lat2))
    return points


def band_polygon(
    line: LineString | MultiLineString, km: float, *, circle_vertices: int = 128
) -> Polygon | MultiPolygon:
    """The area within ``km`` geodesic kilometres of a line, as a lon/lat polygon.

    The union of geodesic circles (WGS84, Karney's algorithm) of radius ``km`` around
    points spaced at most ``km / 10`` (and 25 km) along the line's geodesic segments.
    Between two such points the boundary falls short of the true distance by at most
    ``spacing**2 / (8 * km)``: 0.125 % of ``km``.

    Parameters
    ----------
    line
        The front line, (lon, lat) order.
    km
        The distance, in kilometres, greater than 0.
    circle_vertices
        Vertices per circle.

    Returns
    -------
    Polygon or MultiPolygon
        In (lon, lat) order.
    """
    if km <= 0:
        raise ValueError("a band needs a positive distance")
    spacing = min(km / 10.0, 25.0)
    azimuths = np.linspace(0.0, 360.0, circle_vertices, endpoint=False)
    circles = []
    for part in _line_parts(line):
        for lon, lat in _densify(part, spacing):
            lons, lats, _ = GEOD.fwd(
                np.full(azimuths.shape, lon),
                np.full(azimuths.shape, lat),
                azimuths,
                np.full(azimuths.shape, km * 1000.0),
            )
            circles.append(Polygon(zip(lons, lats, strict=True)))
    union = shapely.union_all(circles)
    if not isinstance(union, Polygon | MultiPolygon):
        raise DataError("the distance band is not a polygon")
    return union


@functools.lru_cache(maxsize=32)
def _band_geojson(line_wkb: bytes, km: float) -> dict[str, Any]:
    line = shapely.from_wkb(line_wkb)
    rounded = shapely.transform(band_polygon(line, km), lambda xy: xy.round(4))
    return {"type": "Feature", "properties": {"km": km}, "geometry": mapping(rounded)}


def _front_geojson(frontline: Frontline) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"id": frontline.id},
        "geometry": mapping(frontline.line),
    }


def _front_label(frontline: Frontline) -> str:
    return f"{frontline.name} (in force from {frontline.valid_from:%d %B %Y})"


def build_base_map(
    *,
    frontline: Frontline | None = None,
    compare_frontline: Frontline | None = None,
    bands_km: Sequence[float] = (),
    tiles: str | None = None,
    center: tuple[float, float] = (49.5, 38.5),
    zoom: int = 5,
    basemap_url: str | None = None,
) -> folium.Map:
    """The map without events: countries and regions, front line, bands, legend.

    Parameters
    ----------
    frontline
        The front line to draw (and to measure the bands from).
    compare_frontline
        An earlier front line, drawn dashed for comparison.
    bands_km
        Distances from ``frontline`` to draw as switchable areas, e.g. ``(100, 300)``.
    tiles
        A folium tile name or URL for an online background; ``None`` (the default) draws
        the shipped basemap on a plain background and needs no network.
    center, zoom
        The first view.
    basemap_url
        Where :func:`publish_basemap` put the basemap: the browser fetches it from there.
        Without it the map carries the basemap in its script.

    Returns
    -------
    folium.Map
        With every script and stylesheet pointed at the app's own copies.

    Raises
    ------
    DataError
        If the basemap file is missing or malformed, or the map's scripts are not
        installed (``make assets``).
    """
    # Without the vendored scripts the map would be blank; say how to install them instead.
    require_assets()
    online = tiles is not None
    fmap = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        control_scale=True,
        # With tiles=None folium sets no zoom limits; clustering needs a finite maxZoom.
        maxZoom=MAX_ZOOM_TILES if online else MAX_ZOOM_OFFLINE,
        minZoom=MIN_ZOOM,
    )
    # Leaflet and the Font Awesome icons are all this map uses of folium's defaults; not
    # loading jQuery, Bootstrap and Awesome Markers saves the browser 400 kB and 3 requests.
    fmap.default_js = [*((n, u) for n, u in fmap.default_js if n == "leaflet"), MAP_JS]
    fmap.default_css = [
        *((n, u) for n, u in fmap.default_css if n in {"leaflet_css", "awesome_markers_font_css"}),
        MAP_CSS,
    ]
    if tiles is not None:
        folium.TileLayer(tiles, name="Online map", max_zoom=MAX_ZOOM_TILES).add_to(fmap)
    geojson_js, attribution = load_basemap()
    countries = _Group(name="Countries and regions", overlay=True, control=True)
    _Basemap(geojson_js, attribution, filled=not online, url=basemap_url).add_to(countries)
    countries.add_to(fmap)
    if frontline is not None:
        for km in sorted(set(bands_km)):
            label = f"Within {km:,.0f} km of the front line"
            group = _Group(name=label, overlay=True, control=True)
            _Band(_band_geojson(frontline.line.wkb, float(km)), label).add_to(group)
            group.add_to(fmap)
    if compare_frontline is not None:
        group = _Group(
            name=f"Earlier front line ({compare_frontline.valid_from:%d %b %Y})", overlay=True
        )
        _Lines(
            _front_geojson(compare_frontline), _front_label(compare_frontline), dashed=True
        ).add_to(group)
        group.add_to(fmap)
    if frontline is not None:
        group = _Group(name=f"Front line ({frontline.valid_from:%d %b %Y})", overlay=True)
        _Lines(_front_geojson(frontline), _front_label(frontline), dashed=False).add_to(group)
        group.add_to(fmap)
    _Legend(frontline.name if frontline is not None else None, bool(bands_km)).add_to(fmap)
    control = folium.LayerControl(position="topright", collapsed=True)
    control.add_to(fmap)
    _ControlHandle(control).add_to(fmap)
    return localize(fmap)


# -- the events -------------------------------------------------------------------------------
#
# The browser gets two things. The markers, inline with the layer: per located event its
# coordinates, target type, place and date (for the marker's hover title) and a reference
# to its details; at 100,000 events a few megabytes, parsed with one JSON.parse. And the
# details a popup shows (distances, claims, sources, quotes: most of the bytes), which are
# fetched only when a popup opens: from files the app serves (see :func:`publish_details`),
# a thousand events a file, or, for a map saved on its own, from a JSON text in the page
# that is parsed on the first popup.

#: Marker columns, in order; the browser code reads them by position.
MARKER_COLUMNS: tuple[str, ...] = ("lat", "lon", "type", "place", "date", "ref", "outcome")
#: Details columns, in order; the browser code reads them by position.
DETAIL_COLUMNS: tuple[str, ...] = (
    "date", "precision", "place", "admin1", "country", "occupied", "type", "target", "weapon",
    "front_km", "border_km", "held_km", "side", "frontline_id", "attacker_claim",
    "defender_claim", "geo_precision", "claims", "sources", "id", "outcome",
)  # fmt: skip
#: Columns (of either table) that hold an index into its string table (-1 for none).
TEXT_COLUMNS = frozenset(
    {"date", "place", "admin1", "country", "target", "frontline_id", "attacker_claim",
     "defender_claim", "id"}
)  # fmt: skip
SIDES: tuple[str, ...] = ("russia", "occupied", "ukraine_held")
SIDE_LABELS: dict[str, str] = {
    "russia": "Russia",
    "occupied": "Occupied Ukraine",
    "ukraine_held": "Ukrainian-held territory",
}
REFERENCES: tuple[str, ...] = get_args(Reference)
#: What a claim of each reference measures from; a place claim names its place.
REFERENCE_LABELS: dict[str, str | None] = {
    "front": "the front line",
    "border": "Ukraine's border",
    "held": "Ukrainian-held territory",
    "place": None,
}
#: Coordinates go to the browser with 4 decimals: 11 m, finer than the loader locates.
COORD_DIGITS = 4
#: Events per details file: opening a popup fetches the one file holding its event.
DETAILS_CHUNK = 1000
#: Part of each details folder's name; a new layout of the files gets a new one.
DETAILS_FORMAT = "d2"
#: Where :func:`publish_details` writes, and the URL Streamlit serves it at.
DETAILS_DIR = CACHE_DIR / "details"
DETAILS_URL = f"{CACHE_URL}/details"
_DONE = "complete"
_VERSION = re.compile(r"[A-Za-z0-9_-]{1,64}")


class _Strings:
    """Interns texts: each distinct text gets one index into ``table``."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.table: list[str] = []

    def __call__(self, value: Any) -> int:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return -1
        text = str(value)
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.table)
            self.table.append(text)
        return found

    def column(self, values: pd.Series) -> list[int]:
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        # Index -1 of the lookup is the missing value's -1.
        lookup = np.array([self(u) for u in uniques] + [-1], dtype=np.int64)
        return [int(v) for v in lookup[codes]]


def _plain_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _text(strings: list[str], index: int) -> str | None:
    return None if index < 0 else strings[index]


@dataclass
class MarkerPayload:
    """The located events' markers: a string table and one list per :data:`MARKER_COLUMNS`.

    ``ref`` is the event's reference into its details: in the app, the event's row in the
    stored events (which :func:`publish_details` writes in that order).
    """

    strings: list[str]
    columns: list[list[Any]]

    def __len__(self) -> int:
        return len(self.columns[0])

    def row(self, i: int) -> dict[str, Any]:
        """Marker ``i`` decoded (for tests and debugging)."""
        return {
            name: _text(self.strings, column[i]) if name in TEXT_COLUMNS else column[i]
            for name, column in zip(MARKER_COLUMNS, self.columns, strict=True)
        }

    def json(self) -> str:
        """The payload as JSON text: ``[strings, column, column, ...]``."""
        return _plain_json([self.strings, *self.columns])


@dataclass
class DetailsTable:
    """What the popups of some events show: a string table and one list per
    :data:`DETAIL_COLUMNS`.

    Type, weapon, precision, side and a claim's reference are codes (positions in
    :data:`~dashboard.model.TARGET_TYPES`, :data:`~dashboard.model.WEAPONS`,
    :data:`~dashboard.model.DATE_PRECISIONS`, :data:`SIDES` and :data:`REFERENCES`; -1 for
    no side), and so is the outcome (in :data:`~dashboard.model.OUTCOMES`). ``claims`` holds
    per event one ``[text, low_km, high_km, reference, place, measured_km, off]`` list per
    claim, ``sources`` one ``[outlet, published, url, title,
    [quotes]]`` list per source, texts as string indices.
    """

    strings: list[str]
    columns: list[list[Any]]

    def __len__(self) -> int:
        return len(self.columns[0])

    def row(self, i: int) -> dict[str, Any]:
        """Event ``i`` decoded, as its popup shows it (for tests and debugging)."""
        out: dict[str, Any] = {}
        for name, column in zip(DETAIL_COLUMNS, self.columns, strict=True):
            value = column[i]
            out[name] = _text(self.strings, value) if name in TEXT_COLUMNS else value
        out["type"] = TARGET_TYPES[out["type"]]
        out["weapon"] = WEAPONS[out["weapon"]]
        out["precision"] = DATE_PRECISIONS[out["precision"]]
        out["outcome"] = OUTCOMES[out["outcome"]]
        out["side"] = None if out["side"] < 0 else SIDES[out["side"]]
        out["claims"] = [
            {
                "text": _text(self.strings, text),
                "low_km": low,
                "high_km": high,
                "reference": REFERENCES[reference],
                "place": _text(self.strings, place),
                "measured_km": measured,
                "off": off,
            }
            for text, low, high, reference, place, measured, off in out["claims"]
        ]
        out["sources"] = [
            {
                "outlet": _text(self.strings, outlet),
                "published": _text(self.strings, published),
                "url": _text(self.strings, url),
                "title": _text(self.strings, title),
                "quotes": [_text(self.strings, q) for q in quotes],
            }
            for outlet, published, url, title, quotes in out["sources"]
        ]
        return out

    def json(self) -> str:
        """The table as JSON text: ``[strings, column, column, ...]``."""
        return _plain_json([self.strings, *self.columns])


def _located(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["lat"].notna() & frame["lon"].notna()]


def _number_column(frame: pd.DataFrame, column: str, digits: int) -> list[float | None]:
    numbers = pd.to_numeric(frame[column], errors="coerce").round(digits)
    return [None if math.isnan(v) else float(v) for v in numbers.tolist()]


def _codes(frame: pd.DataFrame, column: str, allowed: Sequence[str]) -> list[int]:
    index = {value: i for i, value in enumerate(allowed)}
    unknown = allowed.index("unknown") if "unknown" in allowed else 0
    return [index.get(v, unknown) for v in frame[column].tolist()]


def marker_payload(frame: pd.DataFrame) -> MarkerPayload:
    """The markers of a frame's located events; each one's ``ref`` is its index label.

    Events without coordinates are left out (the page lists them beside the map).

    Parameters
    ----------
    frame
        Rows of :func:`dashboard.exports.events_frame` with an integer index (extra
        columns are ignored).

    Returns
    -------
    MarkerPayload
        One item per located event, in the frame's order.
    """
    located = _located(frame)
    strings = _Strings()
    days = pd.to_datetime(located["date"]).dt.strftime("%Y-%m-%d")
    columns: list[list[Any]] = [
        _number_column(located, "lat", COORD_DIGITS),
        _number_column(located, "lon", COORD_DIGITS),
        _codes(located, "target_type", TARGET_TYPES),
        strings.column(located["place"]),
        strings.column(days),
        [int(v) for v in located.index.to_numpy(dtype=np.int64)],
        _codes(located, "outcome", OUTCOMES),
    ]
    return MarkerPayload(strings.table, columns)


def _km(value: float | None) -> float | None:
    if value is None or math.isnan(value):
        return None
    return round(float(value), 1)


def event_details(events: Sequence[Event]) -> DetailsTable:
    """What the popups of ``events`` show, row ``i`` for ``events[i]``.

    Parameters
    ----------
    events
        The events, located or not.

    Returns
    -------
    DetailsTable
        Texts are sent once per table however many events share them.
    """
    text = _Strings()
    type_codes = {t: i for i, t in enumerate(TARGET_TYPES)}
    weapon_codes = {w: i for i, w in enumerate(WEAPONS)}
    precision_codes = {p: i for i, p in enumerate(DATE_PRECISIONS)}
    side_codes = {s: i for i, s in enumerate(SIDES)}
    reference_codes = {r: i for i, r in enumerate(REFERENCES)}
    outcome_codes = {o: i for i, o in enumerate(OUTCOMES)}
    columns: list[list[Any]] = [[] for _ in DETAIL_COLUMNS]
    (day, precision, place, admin1, country, occupied, kind, target, weapon, front, border,
     held, side, frontline_id, attacker, defender, geo, claims, sources, ids,
     outcome) = columns  # fmt: skip
    for event in events:
        day.append(text(event.date.isoformat()))
        precision.append(precision_codes[event.date_precision])
        place.append(text(event.place))
        admin1.append(text(event.admin1))
        country.append(text(event.country))
        occupied.append(bool(event.occupied))
        kind.append(type_codes[event.target_type])
        target.append(text(event.target))
        weapon.append(weapon_codes[event.weapon])
        front.append(_km(event.distance_to_front_km))
        border.append(_km(event.distance_to_border_km))
        held.append(_km(event.distance_to_held_km))
        side.append(side_codes.get(event.side or "", -1))
        frontline_id.append(text(event.frontline_id))
        attacker.append(text(event.attacker_claim))
        defender.append(text(event.defender_claim))
        geo.append(int(event.geo_precision))
        outcome.append(outcome_codes[event.outcome])
        claims.append(
            [
                [
                    text(c.text),
                    c.low_km,
                    c.high_km,
                    reference_codes[c.reference],
                    text(c.place),
                    _km(c.measured_km),
                    c.off,
                ]
                for c in event.distance_claims
            ]
        )
        sources.append(
            [
                [
                    text(s.outlet),
                    text(s.published.isoformat() if s.published else None),
                    text(s.url),
                    text(s.title),
                    [text(q) for q in s.quotes],
                ]
                for s in event.sources
            ]
        )
        ids.append(text(event.id))
    return DetailsTable(text.table, columns)


def _frame_events(frame: pd.DataFrame) -> list[Event]:
    """The events of a frame's rows, rebuilt from its columns, without distance claims
    (the frame holds those only as text)."""
    events = []
    for record in frame.to_dict("records"):
        data: dict[str, Any] = {
            str(key): None if isinstance(value, float) and math.isnan(value) else value
            for key, value in record.items()
        }
        data["date"] = pd.Timestamp(record["date"]).date().isoformat()
        text = data.get("sources_json")
        data["sources"] = json.loads(text) if isinstance(text, str) else []
        data["distance_claims"] = []
        events.append(Event.from_dict(data))
    return events


def write_details(
    events: Sequence[Event], directory: Path, chunk: int = DETAILS_CHUNK
) -> list[Path]:
    """Write the popups' details of ``events`` as JSON files ``0.json``, ``1.json``, ...

    File ``k`` holds the :class:`DetailsTable` of ``events[k * chunk:(k + 1) * chunk]``,
    as ``[strings, column, ...]``, with ``<``, ``>`` and ``&`` written as ``\\u`` escapes.

    Parameters
    ----------
    events
        In the order the markers' ``ref`` refers to.
    directory
        Created if missing.
    chunk
        Events per file.

    Returns
    -------
    list of Path
        The files written.
    """
    if chunk < 1:
        raise ValueError("a details file holds at least one event")
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for number, start in enumerate(range(0, max(len(events), 1), chunk)):
        path = directory / f"{number}.json"
        table = event_details(events[start : start + chunk])
        path.write_text(_escaped_json([table.strings, *table.columns]), encoding="utf-8")
        written.append(path)
    return written


def publish_details(
    events: Sequence[Event],
    version: str,
    *,
    root: Path = DETAILS_DIR,
    url: str = DETAILS_URL,
    chunk: int = DETAILS_CHUNK,
) -> str:
    """Make the popups' details of ``events`` available to the browser; return their URL.

    The files go to ``root/<format>-<version>/`` (Streamlit serves the app's static folder
    by URL), written once per version: a later call only marks the folder as in use.
    Folders unused for :data:`CACHE_MAX_AGE_S` are removed when another one is written. A
    folder is written under a temporary name and renamed when whole, so a browser never
    reads half of one.

    Parameters
    ----------
    events
        Every event the markers' ``ref`` can point at, in that order.
    version
        Names this set of events: a new one for every change of them (letters, digits,
        ``-`` and ``_``).
    root, url
        The folder the app serves at ``url``.
    chunk
        Events per file.

    Returns
    -------
    str
        The URL of the folder, for :func:`events_layer`'s ``details_url``.
    """
    name = _details_name(version)
    final = root / name
    if (final / _DONE).is_file():
        os.utime(final)
        return f"{url}/{name}"
    _cache_folder(root, keep=name)
    partial = root / f".partial-{name}-{uuid.uuid4().hex}"
    try:
        write_details(events, partial, chunk)
        (partial / _DONE).write_text("", encoding="utf-8")
        partial.rename(final)
    except OSError:
        # Another session wrote the same version first: theirs is as good.
        if not (final / _DONE).is_file():
            raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return f"{url}/{name}"


def _details_name(version: str) -> str:
    if not _VERSION.fullmatch(version):
        raise ValueError(f"not a usable details version: {version!r}")
    return f"{DETAILS_FORMAT}-{version}"


def details_url(version: str, url: str = DETAILS_URL) -> str:
    """The URL :func:`publish_details` serves the details of ``version`` at."""
    return f"{url}/{_details_name(version)}"


# The browser side of the events layer. It parses the markers once, builds one marker per
# event (Leaflet objects only; the cluster layer makes DOM elements for what is on screen)
# and builds a popup only when one is opened, from its details and text nodes.
_EVENTS_JS = """
(function(parent, markersText, details, types, weapons, precisions, sides, references,
    outcomes, focus){
  var data = JSON.parse(markersText), strings = data[0], cols = data.slice(1);
  var N = cols[0].length, M = {}, D = {};
  /*COLUMNS*/
  var lat = cols[M.lat], lon = cols[M.lon], type = cols[M.type], place = cols[M.place],
    day = cols[M.date], refs = cols[M.ref], outcome = cols[M.outcome];
  var CAUGHT = outcomes[1], MISSING = outcomes[2];
  var detailsUrl = details[0], chunkRows = details[1], inline = details[2], chunks = {};
  var editUrl = details[3];
  var MONTHS = ['January','February','March','April','May','June','July','August',
    'September','October','November','December'];
  function T(table, k){ return k < 0 ? null : table[k]; }
  function icon(t, caught){
    var s = types[t];
    // An interception is a hollow pin in its type's colour: never mistaken for a hit.
    var look = caught ? 'sm-pin sm-caught" style="color:'+s[0]+';border-color:'+s[0] :
      'sm-pin" style="background:'+s[0];
    return L.divIcon({className:'sm-marker', iconSize:[24,24], iconAnchor:[12,24],
      popupAnchor:[0,-22],
      html:'<div class="'+look+'"><i class="fa-solid fa-'+s[1]+'"></i></div>'});
  }
  var icons = types.map(function(_, t){ return icon(t, false); });
  var caughtIcons = types.map(function(_, t){ return icon(t, true); });
  function when(d, p){
    var y = d.slice(0,4), m = MONTHS[parseInt(d.slice(5,7),10)-1], dd = parseInt(d.slice(8),10);
    if (p === 'year') return y + ' (year only)';
    if (p === 'month') return m + ' ' + y + ' (month only)';
    return dd + ' ' + m + ' ' + y;
  }
  function km(v){
    return v === null ? 'not measured' :
      v.toLocaleString('en-GB', {maximumFractionDigits: 1}) + ' km';
  }
  function el(tag, text, cls){
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function safeUrl(u){
    return typeof u === 'string' && /^https?:\\/\\/[^\\s]+$/i.test(u) ? u : null;
  }
  function table(d){ return {strings: d[0], cols: d.slice(1)}; }
  // Calls done(table, row) with the event's details, fetching its file the first time.
  function withDetails(ref, done, failed, tries){
    if (inline !== null) {
      chunks[0] = chunks[0] || table(JSON.parse(inline));
      done(chunks[0], ref);
      return;
    }
    var k = Math.floor(ref / chunkRows), at = ref - k * chunkRows;
    if (chunks[k]) { done(chunks[k], at); return; }
    fetch(detailsUrl + '/' + k + '.json', {credentials: 'same-origin'})
      .then(function(r){ if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function(d){ chunks[k] = table(d); done(chunks[k], at); }, function(error){
        // The app writes the files after drawing the map: a popup opened at once waits.
        tries = (tries || 0) + 1;
        if (tries < 10) setTimeout(function(){ withDetails(ref, done, failed, tries); }, 1000);
        else failed(error);
      });
  }
  function claimBox(t, c){
    // c: [text, low_km, high_km, reference, place, measured_km, off]
    var box = el('div', null, 'sm-claim' + (c[6] ? ' sm-off' : ''));
    box.appendChild(el('div', '\\u201c' + T(t.strings, c[0]) + '\\u201d', 'sm-claim-text'));
    var from = references[c[3]] || T(t.strings, c[4]) || 'a named place';
    var range = c[1] === c[2] ? km(c[1]) : c[1].toLocaleString('en-GB',
      {maximumFractionDigits: 0}) + '\\u2013' + km(Math.round(c[2]));
    box.appendChild(el('div', 'Claimed ' + range + ' from ' + from + '; measured ' +
      km(c[5]) + '.', 'sm-note'));
    if (c[6]) box.appendChild(el('div', '\\u26a0 Off by more than 25 %', 'sm-flag'));
    return box;
  }
  function popup(t, j){
    function V(name){ return t.cols[D[name]][j]; }
    function S(name){ return T(t.strings, V(name)); }
    var box = el('div', null, 'sm-popup');
    var where = [S('place') || 'Place not named', S('admin1'),
      S('country')].filter(function(x){ return x; }).join(', ');
    box.appendChild(el('h4', where + (V('occupied') ? ' (occupied)' : '')));
    if (editUrl !== null && S('id') !== null) {
      // The map lives in a sandboxed frame that may not navigate the page: a new tab.
      var edit = el('a', 'Edit', 'sm-edit');
      edit.href = editUrl + encodeURIComponent(S('id'));
      edit.target = '_blank'; edit.rel = 'noopener';
      box.appendChild(edit);
    }
    var dl = el('dl');
    // A value nobody reported shows as a dash; a claim nobody made is left out.
    function row(k, v, optional){
      var none = v === null || v === undefined || v === '';
      if (none && optional) return;
      dl.appendChild(el('dt', k)); dl.appendChild(el('dd', none ? MISSING : v)); }
    row('Date', when(S('date'), precisions[V('precision')]));
    var ty = types[V('type')];
    row('Target', ty[2] + (S('target') ? ': ' + S('target') : ''));
    row('Weapon', weapons[V('weapon')]);
    row('Outcome', outcomes[0][V('outcome')]);
    row('Side', V('side') < 0 ? null : sides[V('side')]);
    var fid = S('frontline_id');
    row('From the front line', km(V('front_km')) + (fid ? ' (front line of ' + fid + ')' : ''));
    var border = V('border_km');
    row("From Ukraine's border", border === 0 ? '0 km (inside Ukraine)' : km(border));
    row('From Ukrainian-held territory', km(V('held_km')));
    row('Attacker says', S('attacker_claim'), true);
    row('Defender says', S('defender_claim'), true);
    row('Located to',
      ['', 'the facility', 'the town', 'the region', 'nowhere'][V('geo_precision')]);
    box.appendChild(dl);
    if (V('outcome') === CAUGHT)
      box.appendChild(el('div', 'Drones or missiles shot down: not counted as a strike.',
        'sm-caught-note'));
    var claims = V('claims');
    if (claims.length) {
      var off = claims.filter(function(c){ return c[6]; }).length;
      box.appendChild(el('b', (claims.length === 1 ? '1 distance claim' :
        claims.length + ' distance claims') + (off ? ', ' + off + ' off' : '')));
      claims.forEach(function(c){ box.appendChild(claimBox(t, c)); });
    }
    var sources = V('sources');
    box.appendChild(el('b', sources.length === 1 ? '1 source' : sources.length + ' sources'));
    sources.forEach(function(s){
      var outlet = T(t.strings, s[0]), published = T(t.strings, s[1]),
        link = T(t.strings, s[2]), title = T(t.strings, s[3]);
      var div = el('div', null, 'sm-src');
      var head = el('div');
      head.appendChild(el('strong', outlet || 'Unknown outlet'));
      if (published) head.appendChild(document.createTextNode(', ' + published));
      div.appendChild(head);
      var url = safeUrl(link);
      if (url) {
        var a = el('a', title || url);
        a.href = url; a.target = '_blank'; a.rel = 'noopener noreferrer nofollow';
        div.appendChild(a);
      } else if (link) {
        div.appendChild(el('div', 'Link (not opened): ' + link, 'sm-note'));
      }
      s[4].forEach(function(q){ div.appendChild(el('blockquote', T(t.strings, q))); });
      box.appendChild(div);
    });
    return box;
  }
  function clusterIcon(caught){
    return function(cluster){
      var markers = cluster.getAllChildMarkers(), counts = {}, n = markers.length;
      markers.forEach(function(m){ counts[m.smType] = (counts[m.smType] || 0) + 1; });
      var stops = [], at = 0;
      Object.keys(counts).sort(function(a, b){ return counts[b] - counts[a]; })
        .forEach(function(t){
          var end = at + 360 * counts[t] / n;
          stops.push(types[t][0] + ' ' + at.toFixed(1) + 'deg ' + end.toFixed(1) + 'deg');
          at = end;
        });
      var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48;
      return L.divIcon({className:'sm-cluster' + (caught ? ' sm-caught' : ''),
        iconSize:[size, size],
        html:'<div style="background:conic-gradient(' + stops.join(',') + ')"><span>' +
          n.toLocaleString('en-GB') + '</span></div>'});
    };
  }
  var map = parent._map;
  var ready = 0;
  function clusters(caught, count){
    var group = L.markerClusterGroup({chunkedLoading:true, chunkInterval:120,
      showCoverageOnHover:false, spiderfyOnMaxZoom:true, maxClusterRadius:50,
      iconCreateFunction:clusterIcon(caught),
      chunkProgress:function(done, total){
        // (Joining a map clusters the markers added before it, none here: that report of
        // 0 of 0 is not this one.)
        if (done >= total && total === count && !group.smDone) {
          group.smDone = true; ready += 1; whenReady();
        }
      }});
    group.smDone = count === 0;
    if (group.smDone) ready += 1;
    return group;
  }
  var shown = [], caughtShown = [], points = [];
  for (var i = 0; i < N; i++) {
    var isCaught = outcome[i] === CAUGHT;
    var m = L.marker([lat[i], lon[i]], {icon:(isCaught ? caughtIcons : icons)[type[i]],
      title:(T(strings, place[i]) || '') + ' \\u2013 ' + T(strings, day[i])});
    m.smIndex = i; m.smType = type[i];
    (isCaught ? caughtShown : shown).push(m);
    points.push([lat[i], lon[i]]);
  }
  // Strikes (hits and unreported outcomes) in one cluster layer; interceptions in their
  // own, which the layer control can switch off.
  var layer = clusters(false, shown.length), caught = clusters(true, caughtShown.length);
  // smReady tells tests and the benchmark that every marker is clustered and drawn.
  layer.smReady = false;
  function whenReady(){
    if (ready < 2 || layer.smReady) return;
    layer.smReady = true;
    var target = focus === null ? null :
      shown.concat(caughtShown).filter(function(m){ return refs[m.smIndex] === focus; })[0];
    if (target && map) {
      var home = caught.hasLayer(target) ? caught : layer;
      // After this script: a small layer clusters its markers before it has finished.
      setTimeout(function(){
        if (home._map) window.strikemap.focus(map, home, target, openPopup);
      }, 0);
    }
  }
  if (map) {
    if (focus === null) window.strikemap.firstView(map, points);
    else map.smFitted = true;
  }
  // Clustered once on a map: before that, adding markers costs the cluster plugin a scan
  // of every marker added so far for each new one.
  function fill(group, markers){
    if (group._map) group.addLayers(markers);
    else group.once('add', function(){ group.addLayers(markers); });
  }
  layer.addTo(parent);
  fill(layer, shown);
  if (map) window.strikemap.switchable(map, parent, caught, outcomes[3]);
  else caught.addTo(parent);
  fill(caught, caughtShown);
  whenReady();
  function openPopup(m){
    var shown = L.popup({maxWidth:360, maxHeight:320, className:'sm-popup-wrap'})
      .setLatLng(m.getLatLng()).setContent(el('div', 'Loading\\u2026', 'sm-wait'))
      .openOn(map || parent._map);
    withDetails(refs[m.smIndex], function(t, j){ shown.setContent(popup(t, j)); },
      function(){ shown.setContent(el('div',
        'The details could not be loaded: reload the page.', 'sm-wait')); });
  }
  layer.on('click', function(e){ openPopup(e.layer); });
  caught.on('click', function(e){ openPopup(e.layer); });
  layer.smCount = N;
  layer.smLayers = [layer, caught];
  return layer;
})
"""


class EventMarkers(_ScriptElement):
    """All located events of a frame as one marker cluster layer built in the browser.

    Parameters
    ----------
    frame
        Rows of :func:`dashboard.exports.events_frame` with an integer index.
    events
        For a map that holds its own details: the events the frame's index refers to
        (``events[i]`` is the row labelled ``i``). Without them the details are rebuilt
        from the frame, which holds distance claims only as text, so popups show none.
    details_url
        Where :func:`publish_details` put the details of the events the index refers
        to; the popups fetch them from there and the map carries none.
    edit_url
        Each popup links to this URL with the event's id appended, to correct it (the
        app's Event page); none when ``None``.
    focus
        The index label of an event to centre the map on and open the popup of, once its
        markers are drawn (a table row's "show on map"). Without one, the first layer a
        map is given fits the map to every event, clear of the map's controls and key.

    Interceptions (outcome ``intercepted``) form a cluster layer of their own, with hollow
    markers, which the map's layer control lists; strikes form the other.
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        *,
        events: Sequence[Event] | None = None,
        details_url: str | None = None,
        edit_url: str | None = None,
        focus: int | None = None,
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "EventMarkers"
        # The cluster plugin's files, by folium's names, so assets.localize knows them;
        # then the map's own helpers and styles.
        self.default_js = [*MarkerCluster.default_js, MAP_JS]
        self.default_css = [*MarkerCluster.default_css, MAP_CSS]
        located = _located(frame)
        self.focus = focus if focus is not None and focus in located.index else None
        self.details: DetailsTable | None = None
        if details_url is None:
            shown = (
                [events[i] for i in located.index] if events is not None else _frame_events(located)
            )
            self.details = event_details(shown)
            # The details hold only these events, in this order.
            if self.focus is not None:
                self.focus = int(located.index.get_loc(self.focus))  # type: ignore[arg-type]
            located = located.reset_index(drop=True)
        self.payload = marker_payload(located)
        self.count = len(self.payload)
        # Made once: st_folium asks for the script twice, under two names.
        self._data_js = f"{js_data(self.payload.json())}, " + js_data(
            [details_url, DETAILS_CHUNK, None, edit_url]
            if self.details is None
            else [None, len(self.details), self.details.json(), edit_url]
        )

    def script_key(self) -> str:
        # One key for every events layer: a map drawn again with new events keeps only
        # the newest in its figure, instead of every layer it was ever given.
        return "strikemap_events"

    def js(self) -> str:
        columns = "".join(f"M.{name} = {i}; " for i, name in enumerate(MARKER_COLUMNS)) + "".join(
            f"D.{name} = {i}; " for i, name in enumerate(DETAIL_COLUMNS)
        )
        styles = [
            [TARGET_STYLES[t].colour, TARGET_STYLES[t].icon, TARGET_STYLES[t].label]
            for t in TARGET_TYPES
        ]
        body = _EVENTS_JS.replace("/*COLUMNS*/", columns)
        # [labels, the interception's code, the missing value's mark, the layer's name]
        outcomes = [
            [OUTCOME_STYLES[o].label for o in OUTCOMES],
            OUTCOMES.index("intercepted"),
            MISSING,
            OUTCOME_STYLES["intercepted"].label,
        ]
        return (
            f"var {self.get_name()} = {body.strip()}({self.parent_name()}, "
            f"{self._data_js}, "
            f"{js_data(styles)}, {js_data([WEAPON_LABELS[w] for w in WEAPONS])}, "
            f"{js_data(list(DATE_PRECISIONS))}, {js_data([SIDE_LABELS[s] for s in SIDES])}, "
            f"{js_data([REFERENCE_LABELS[r] for r in REFERENCES])}, {js_data(outcomes)}, "
            f"{js_data(self.focus)});\n"
        )


def events_layer(
    frame: pd.DataFrame,
    *,
    events: Sequence[Event] | None = None,
    details_url: str | None = None,
    edit_url: str | None = None,
    focus: int | None = None,
) -> folium.FeatureGroup:
    """The events of a frame as one layer for ``st_folium(feature_group_to_add=...)``.

    Parameters
    ----------
    frame
        Rows of :func:`dashboard.exports.events_frame` (the filtered ones) with an integer
        index; rows without coordinates are left out.
    events, details_url
        Where the popups' details come from: see :class:`EventMarkers`.
    edit_url
        Where a popup's Edit link goes: see :class:`EventMarkers`.
    focus
        The index label of the event to centre on and open: see :class:`EventMarkers`.

    Returns
    -------
    folium.FeatureGroup
        Named "Strikes", holding one :class:`EventMarkers`; its assets point at the app's
        own copies.
    """
    group = _Group(name="Strikes", control=False)
    EventMarkers(
        frame, events=events, details_url=details_url, edit_url=edit_url, focus=focus
    ).add_to(group)
    return localize(group)
