"""The strike map: an offline base map, and the events as one layer that scales.

:func:`build_base_map` draws countries and regions from ``data/basemap.geojson`` on a
plain background (no tile server), the front line, optional distance bands around it and
a legend. :func:`events_layer` gives the browser every located event of the store as a
file of typed arrays (:func:`publish_points`, fetched once per page and kept by a Web
Worker that groups the points for each view, drawn on Leaflet's canvas) and, inline, only
which of them the filters keep and the date window, so a change of the filters sends a
few bytes to a few hundred kilobytes, never the points again. What a popup shows is
fetched only when it opens, from files :class:`DetailsDraft` writes once per set of
stored events. The Streamlit page passes the layer to
``st_folium(..., feature_group_to_add=...)``, which swaps it without rebuilding the map,
so a filter change keeps the reader's pan and zoom. The browser code is in
``dashboard/app/static/strikemap/`` (``events.js``, ``events-worker.js``, ``map.js``).

Escaping. Everything from articles reaches the browser as JSON data, in files the browser
parses as data with ``<``, ``>`` and ``&`` written as ``\\u`` escapes, or inside a script
with those, braces and the JavaScript line separators escaped, so no data can close the
script or form a template tag; the browser then puts it on the page only through
``textContent`` and checked ``href`` values, never as HTML. The elements here also hand
folium their script as finished text: folium would otherwise compile every rendered script
as a Jinja template, which data must never be.

This module imports folium, never streamlit.
"""

from __future__ import annotations

import base64
import functools
import gzip
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
from datetime import date
from pathlib import Path
from typing import Any, get_args

import folium
import numpy as np
import pandas as pd
import shapely
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template
from pyproj import Geod
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, mapping

from .assets import STATIC_DIR, STATIC_URL, localize, require_assets
from .errors import DataError
from .geo.frontline import Frontline
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
#: The front line at the start of the dates, drawn dashed beside the current one.
EARLIER_FRONT_COLOUR = "#6b4a4a"
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


def _js_own(value: dict[str, Any]) -> str:
    """Our own data (GeoJSON, the layer's settings; no article text) for a script: only
    ``<``, ``>`` and ``&`` escaped.

    Its braces are structure; the elements never compile their output as a template, so
    they can stay.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
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
    return _js_own(data), str(data.get("attribution", "Natural Earth"))


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
    """A front line over a white casing, with a plain-text tooltip, switchable in the
    layer control; ``strikemap.frontLine`` (map.js) draws it."""

    def __init__(self, geometry: dict[str, Any], tooltip: str, label: str, *, dashed: bool) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "FrontLine"
        self.default_js = [MAP_JS]
        self.geometry = geometry
        self.tooltip = tooltip
        self.label = label
        self.dashed = dashed

    def js(self) -> str:
        colour = EARLIER_FRONT_COLOUR if self.dashed else FRONT_COLOUR
        return (
            f"var {self.get_name()} = window.strikemap.frontLine({self.parent_name()}, "
            f"{_js_own(self.geometry)}, {js_data([self.tooltip, self.label, colour])}, "
            f"{js_data(self.dashed)});\n"
        )


class _Band(_ScriptElement):
    """The area within some distance of the front line, with a plain-text tooltip,
    switchable in the layer control; ``strikemap.band`` (map.js) draws it."""

    def __init__(self, geometry: dict[str, Any], label: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "DistanceBand"
        self.default_js = [MAP_JS]
        self.geometry = geometry
        self.label = label

    def js(self) -> str:
        return (
            f"var {self.get_name()} = window.strikemap.band({self.parent_name()}, "
            f"{_js_own(self.geometry)}, {js_data(self.label)});\n"
        )


class _Legend(_ScriptElement):
    """The key, folded until opened: one row per target type (colour and icon), an
    interception, the front line and the bands. ``strikemap.legend`` (map.js) draws it."""

    def __init__(self, front_line: bool, bands: bool) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Legend"
        self.default_js = [MAP_JS]
        self.default_css = [MAP_CSS]
        self.front_line = front_line
        self.bands = bands

    def js(self) -> str:
        rows = [[s.colour, s.icon, s.label] for s in TARGET_STYLES.values()]
        caught = OUTCOME_STYLES["intercepted"]
        return (
            f"var {self.get_name()} = window.strikemap.legend({self.parent_name()}, "
            f"{js_data(rows)}, {js_data([caught.colour, caught.icon, caught.label])}, "
            f"{js_data(self.front_line)}, {js_data(self.bands)});\n"
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
    front_line: bool = False,
    bands: bool = False,
    tiles: str | None = None,
    center: tuple[float, float] = (49.5, 38.5),
    zoom: int = 5,
    basemap_url: str | None = None,
) -> folium.Map:
    """The map without events or front lines: countries and regions, and the legend.

    The front lines and the events are layers of their own (:func:`lines_layer`,
    :func:`events_layer`) that the page swaps without rebuilding this map, so a change of
    the dates or the filters keeps the reader's view.

    Parameters
    ----------
    front_line, bands
        Whether the legend has a row for the front line, and for the distance bands.
    tiles
        A folium tile name or URL for an online background; ``None`` (the default) draws
        the shipped basemap on a plain background and needs no network.
    center, zoom
        The view before the events are fitted.
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
        # With tiles=None folium sets no zoom limits; the events' groups need a finite one.
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
    _Legend(front_line, bands).add_to(fmap)
    control = folium.LayerControl(position="topright", collapsed=True)
    control.add_to(fmap)
    _ControlHandle(control).add_to(fmap)
    return localize(fmap)


def lines_layer(
    frontline: Frontline,
    *,
    compare: Frontline | None = None,
    bands_km: Sequence[float] = (),
) -> folium.FeatureGroup:
    """The front line, optionally an earlier one and distance bands, as one layer for
    ``st_folium(feature_group_to_add=...)``; each is switchable in the layer control.

    Parameters
    ----------
    frontline
        The front line to draw (and to measure the bands from).
    compare
        An earlier front line, drawn dashed for comparison.
    bands_km
        Distances from ``frontline`` to draw as areas, e.g. ``(100, 300)``.

    Returns
    -------
    folium.FeatureGroup
        Its assets point at the app's own copies.
    """
    group = _Group(name="Front lines", control=False)
    for km in sorted(set(bands_km)):
        label = f"Within {km:,.0f} km of the front line"
        _Band(_band_geojson(frontline.line.wkb, float(km)), label).add_to(group)
    if compare is not None:
        _Lines(
            _front_geojson(compare),
            _front_label(compare),
            "Front line at the start of the dates",
            dashed=True,
        ).add_to(group)
    _Lines(_front_geojson(frontline), _front_label(frontline), "Front line", dashed=False).add_to(
        group
    )
    return localize(group)


# -- the events -------------------------------------------------------------------------------
#
# The browser gets three things. The points: every located event of the store as a few
# typed arrays in one file (:func:`publish_points`), written once per version of the store
# and fetched once per page by a worker that keeps them. The filters' mask: which of those
# points the filters other than dates keep, with the date window, inline with the layer
# (:func:`events_layer`); a change of the filters sends only these. And the details a popup
# shows (distances, claims, sources, quotes: most of the bytes), fetched only when a popup
# opens, from files of a thousand events each (:class:`DetailsDraft`).

#: The points file's columns, in order, each a little-endian array of one value per
#: located event: 4-byte columns first, so every array starts aligned. ``ref`` is the
#: event's row in the store (its details' row), ``day`` its date as days since 1970 and
#: ``span`` the days from it to the end of the month or year it is dated to (0 for a day).
POINT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("lat", "f4"), ("lon", "f4"), ("ref", "u4"), ("day", "i4"), ("span", "u2"),
    ("type", "u1"), ("outcome", "u1"),
)  # fmt: skip
#: Details columns, in order; the browser code reads them by name through this list.
DETAIL_COLUMNS: tuple[str, ...] = (
    "date", "precision", "place", "admin1", "country", "occupied", "type", "target", "weapon",
    "front_km", "border_km", "held_km", "side", "frontline_id", "attacker_claim",
    "defender_claim", "geo_precision", "claims", "sources", "id", "outcome",
)  # fmt: skip
#: Details columns that hold an index into the table's strings (-1 for none).
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
#: Events per details file: opening a popup fetches the one file holding its event.
DETAILS_CHUNK = 1000
#: Part of each details folder's name; a new layout of the files gets a new one.
DETAILS_FORMAT = "d2"
#: Where :class:`DetailsDraft` publishes, and the URL Streamlit serves it at.
DETAILS_DIR = CACHE_DIR / "details"
DETAILS_URL = f"{CACHE_URL}/details"
#: The same for :func:`publish_points`; its files are gzipped (a third of the bytes, and
#: the browser unpacks them as they arrive).
POINTS_FORMAT = "p2"
POINTS_DIR = CACHE_DIR / "points"
POINTS_URL = f"{CACHE_URL}/points"
#: The browser side of the events layer, and the worker that holds the points.
EVENTS_JS = ("strikemap_events_js", f"{STATIC_URL}/strikemap/events.js")
EVENTS_WORKER_URL = f"{STATIC_URL}/strikemap/events-worker.js"
_DONE = "complete"
_VERSION = re.compile(r"[A-Za-z0-9_-]{1,64}")
_EPOCH = np.datetime64("1970-01-01", "D")


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


def _plain_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _text(strings: list[str], index: int) -> str | None:
    return None if index < 0 else strings[index]


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


class DetailsDraft:
    """The popups' details of a store being written a chunk at a time, as the events are
    read (:func:`dashboard.mapdata.read_map_data`), and published under a version known
    only at the end.

    File ``k`` (``k.json``) holds the :class:`DetailsTable` of the ``k``-th chunk of
    events, as ``[strings, column, ...]``, with ``<``, ``>`` and ``&`` written as ``\\u``
    escapes. The files go to a temporary folder until :meth:`publish` names it
    ``root/<format>-<version>/`` (Streamlit serves the app's static folder by URL), so a
    browser never reads half of one; :meth:`discard` removes it. Folders unused for
    :data:`CACHE_MAX_AGE_S` are removed when another one is published.

    Parameters
    ----------
    root, url
        The folder the app serves at ``url``.
    chunk
        Events per file.
    """

    def __init__(
        self, *, root: Path = DETAILS_DIR, url: str = DETAILS_URL, chunk: int = DETAILS_CHUNK
    ) -> None:
        if chunk < 1:
            raise ValueError("a details file holds at least one event")
        self.root, self.url, self.chunk = root, url, chunk
        root.mkdir(parents=True, exist_ok=True)
        self._partial = root / f".partial-{uuid.uuid4().hex}"
        self._partial.mkdir()
        self._files = 0

    def write(self, events: Sequence[Event]) -> bytes:
        """Write the next file, of at most ``chunk`` events; return its bytes."""
        if len(events) > self.chunk:
            raise ValueError(f"a details file holds at most {self.chunk} events")
        table = event_details(events)
        text = _escaped_json([table.strings, *table.columns]).encode("utf-8")
        (self._partial / f"{self._files}.json").write_bytes(text)
        self._files += 1
        return text

    def publish(self, version: str) -> str:
        """Name the files ``version`` (letters, digits, ``-`` and ``_``) and return their URL.

        When that version's files are there already (another process wrote them), those
        are kept, marked as in use, and this draft is removed."""
        try:
            name = _details_name(version)
            final = self.root / name
            if (final / _DONE).is_file():
                os.utime(final)
                return f"{self.url}/{name}"
            if self._files == 0:
                self.write([])
            _cache_folder(self.root, keep=name)
            (self._partial / _DONE).write_text("", encoding="utf-8")
            try:
                self._partial.rename(final)
            except OSError:
                if not (final / _DONE).is_file():
                    raise
        finally:
            self.discard()
        return f"{self.url}/{name}"

    def discard(self) -> None:
        """Remove what was written and not published."""
        shutil.rmtree(self._partial, ignore_errors=True)


def details_in_use(version: str, root: Path = DETAILS_DIR) -> bool:
    """Whether the details of ``version`` are published; marks them as in use if so."""
    folder = root / _details_name(version)
    if not (folder / _DONE).is_file():
        return False
    os.utime(folder)
    return True


def _cache_name(kind: str, version: str) -> str:
    if not _VERSION.fullmatch(version):
        raise ValueError(f"not a usable version: {version!r}")
    return f"{kind}-{version}"


def _details_name(version: str) -> str:
    return _cache_name(DETAILS_FORMAT, version)


def _located(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["lat"].notna() & frame["lon"].notna()]


def _codes(values: pd.Series, allowed: Sequence[str]) -> np.ndarray:
    codes = pd.Categorical(values, categories=list(allowed)).codes.astype(np.int64)
    unknown = allowed.index("unknown") if "unknown" in allowed else 0
    return np.where(codes < 0, unknown, codes)


@dataclass(frozen=True)
class MapPoints:
    """The located events of a frame as the map's columns (:data:`POINT_COLUMNS`).

    ``rows`` holds each point's index label in the frame, in the points' order; the
    ``ref`` column is the same number, for the browser.
    """

    rows: np.ndarray
    columns: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.rows)

    def to_bytes(self) -> bytes:
        """The points file: each column's array in turn, little-endian, no header."""
        return b"".join(
            self.columns[name].astype(f"<{kind[0]}{kind[1]}", copy=False).tobytes()
            for name, kind in POINT_COLUMNS
        )


def points_of(
    rows: np.ndarray,
    lat: np.ndarray,
    lon: np.ndarray,
    day: np.ndarray,
    last: np.ndarray,
    types: np.ndarray,
    outcomes: np.ndarray,
) -> MapPoints:
    """The map's points of located events given as columns.

    Parameters
    ----------
    rows
        Each event's row (its ``ref``).
    lat, lon
        Its coordinates.
    day, last
        Its date and the last day of the period it is dated to, as :func:`day_number`.
    types, outcomes
        Its codes in :data:`~dashboard.model.TARGET_TYPES` and
        :data:`~dashboard.model.OUTCOMES`.
    """
    rows = np.asarray(rows, dtype=np.int64)
    columns = {
        "lat": np.asarray(lat, dtype=np.float32),
        "lon": np.asarray(lon, dtype=np.float32),
        "ref": rows.astype(np.uint32),
        "day": np.asarray(day, dtype=np.int32),
        "span": (np.asarray(last, dtype=np.int64) - day).astype(np.uint16),
        "type": np.asarray(types, dtype=np.uint8),
        "outcome": np.asarray(outcomes, dtype=np.uint8),
    }
    return MapPoints(rows, columns)


def map_points(frame: pd.DataFrame) -> MapPoints:
    """The located events of a frame (integer index labels, kept as ``ref``).

    Parameters
    ----------
    frame
        Rows of :func:`dashboard.exports.events_frame`; events without coordinates are
        left out (the page lists them beside the map).

    Returns
    -------
    MapPoints
        One point per located event, in the frame's order.
    """
    located = _located(frame)
    days = located["date"].to_numpy(dtype="datetime64[D]")
    # The last day of the period an event is dated to, as filters.filter_mask reads it.
    month_end = (days.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    year_end = (days.astype("datetime64[Y]") + 1).astype("datetime64[D]") - 1
    precision = located["date_precision"].to_numpy()
    last = np.where(precision == "month", month_end, np.where(precision == "year", year_end, days))
    return points_of(
        located.index.to_numpy(dtype=np.int64),
        located["lat"].to_numpy(),
        located["lon"].to_numpy(),
        (days - _EPOCH).astype(np.int64),
        (last - _EPOCH).astype(np.int64),
        _codes(located["target_type"], TARGET_TYPES),
        _codes(located["outcome"], OUTCOMES),
    )


def day_number(day: date) -> int:
    """A date as the points file's ``day`` counts it: days since 1 January 1970."""
    return int((np.datetime64(day, "D") - _EPOCH).astype(np.int64))


@dataclass(frozen=True)
class PublishedPoints:
    """Where :func:`publish_points` put a store version's points, and which rows they are."""

    url: str
    rows: np.ndarray

    def __len__(self) -> int:
        return len(self.rows)


def publish_points(
    points: MapPoints, version: str, *, root: Path = POINTS_DIR, url: str = POINTS_URL
) -> PublishedPoints:
    """Write the map's points once per version, where the app serves them.

    The file, :meth:`MapPoints.to_bytes` gzipped, goes to ``root/<format>-<version>.bin.gz``,
    written under a temporary name and renamed when whole; a later call only marks it as in
    use. Files unused for
    :data:`CACHE_MAX_AGE_S` are removed when another one is written.

    Parameters
    ----------
    points
        The located events of the store (:func:`map_points`, :func:`points_of`), ``ref``
        being each one's row in the store's order.
    version
        Names this set of events (letters, digits, ``-`` and ``_``).
    root, url
        The folder the app serves at ``url``.

    Returns
    -------
    PublishedPoints
        The file's URL and the rows of its points.
    """
    name = f"{_cache_name(POINTS_FORMAT, version)}.bin.gz"
    path = root / name
    if path.is_file():
        os.utime(path)
    else:
        _cache_folder(root, keep=name)
        partial = root / f".partial-{uuid.uuid4().hex}"
        # The fastest level: the points of a million events in a third of a second, to 45 %.
        partial.write_bytes(gzip.compress(points.to_bytes(), compresslevel=1, mtime=0))
        os.replace(partial, path)
    return PublishedPoints(f"{url}/{name}", points.rows)


#: A mask as the layer sends it: ``["bits", base64]`` (one bit per point, lowest first),
#: ``["rows", base64]`` (the kept points' positions, 4 bytes each) or ``None`` (all).
Mask = list[str] | None


def points_mask(points: PublishedPoints, kept: pd.Index | np.ndarray) -> Mask:
    """Which points the filters keep, in the smaller of two forms.

    Parameters
    ----------
    points
        The published points.
    kept
        Index labels of the events the filters keep (unlocated ones are ignored), or a
        boolean array with one flag per row of the store.

    Returns
    -------
    Mask
        ``None`` when every point is kept.
    """
    given = np.asarray(kept)
    if given.dtype == np.bool_:
        flags = given
    else:
        labels = given.astype(np.int64)
        size = int(max(points.rows.max(initial=-1), labels.max(initial=-1))) + 1
        flags = np.zeros(size, dtype=bool)
        flags[labels] = True
    keep = flags[points.rows]
    if keep.all():
        return None
    positions = np.flatnonzero(keep)
    if len(positions) * 4 < len(keep) / 8:
        return ["rows", base64.b64encode(positions.astype("<u4").tobytes()).decode("ascii")]
    bits = np.packbits(keep, bitorder="little")
    return ["bits", base64.b64encode(bits.tobytes()).decode("ascii")]


class EventLayer(_ScriptElement):
    """Every located event, the filters' mask and window over them, drawn in the browser.

    ``strikemap.events`` (``static/strikemap/events.js``) fetches the points once per page
    and draws the ones shown; this element hands it data only.

    Parameters
    ----------
    points
        The store's published points (:func:`publish_points`).
    details_url
        Where :class:`DetailsDraft` published the store's details.
    mask
        Which points the filters other than dates keep (:func:`points_mask`).
    window
        The first and last day shown, inclusive; ``None`` for every date.
    edit_url
        Each popup links to this URL with the event's id appended, to correct it (the
        app's Event page); none when ``None``.
    play
        While the timeline plays: the days the page moves the window on each second, and
        the last day there is. The map moves the window on by itself in between, a frame
        at a time. ``None`` when not playing.
    focus
        The store row of an event to centre the map on and open the popup of (a table
        row's "show on map"), or ``None``. Without one, the first layer a map is given fits
        the map to every event shown, clear of the map's controls and key.

    Interceptions (outcome ``intercepted``) are drawn hollow and grouped apart from the
    strikes; the layer control switches them off and on.
    """

    def __init__(
        self,
        points: PublishedPoints,
        details_url: str,
        *,
        mask: Mask = None,
        window: tuple[date, date] | None = None,
        edit_url: str | None = None,
        play: tuple[int, date] | None = None,
        focus: int | None = None,
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "EventLayer"
        self.default_js = [MAP_JS, EVENTS_JS]
        self.default_css = [MAP_CSS]
        self.count = len(points)
        self.focus = focus if focus is not None and bool((points.rows == focus).any()) else None
        caught = OUTCOME_STYLES["intercepted"]
        self.spec: dict[str, Any] = {
            "points": points.url,
            "worker": EVENTS_WORKER_URL,
            "count": len(points),
            "columns": [list(column) for column in POINT_COLUMNS],
            "mask": mask,
            "window": None if window is None else [day_number(window[0]), day_number(window[1])],
            "play": None if play is None else [play[0], day_number(play[1])],
            "details": [details_url, DETAILS_CHUNK, edit_url],
            "detailColumns": list(DETAIL_COLUMNS),
            "types": [
                [TARGET_STYLES[t].colour, TARGET_STYLES[t].icon, TARGET_STYLES[t].label]
                for t in TARGET_TYPES
            ],
            "weapons": [WEAPON_LABELS[w] for w in WEAPONS],
            "precisions": list(DATE_PRECISIONS),
            "sides": [SIDE_LABELS[s] for s in SIDES],
            "references": [REFERENCE_LABELS[r] for r in REFERENCES],
            "outcomes": [OUTCOME_STYLES[o].label for o in OUTCOMES],
            "caughtCode": OUTCOMES.index("intercepted"),
            "caughtLabel": caught.label,
            "missing": MISSING,
        }

    def script_key(self) -> str:
        # One key for every events layer: a map drawn again with new events keeps only
        # the newest in its figure, instead of every layer it was ever given.
        return "strikemap_events"

    def js(self) -> str:
        return (
            f"var {self.get_name()} = window.strikemap.events({self.parent_name()}, "
            f"{_js_own(self.spec)}, {js_data(self.focus)});\n"
        )


def events_layer(
    points: PublishedPoints,
    details_url: str,
    *,
    mask: Mask = None,
    window: tuple[date, date] | None = None,
    edit_url: str | None = None,
    play: tuple[int, date] | None = None,
    focus: int | None = None,
) -> folium.FeatureGroup:
    """The events layer for ``st_folium(feature_group_to_add=...)``.

    Parameters are those of :class:`EventLayer`.

    Returns
    -------
    folium.FeatureGroup
        Named "Strikes", holding one :class:`EventLayer`; its assets point at the app's
        own copies.
    """
    group = _Group(name="Strikes", control=False)
    EventLayer(
        points, details_url, mask=mask, window=window, edit_url=edit_url, play=play, focus=focus
    ).add_to(group)
    return localize(group)
