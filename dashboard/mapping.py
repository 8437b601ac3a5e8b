"""The strike map: an offline base map, and the events as one layer that scales.

:func:`build_base_map` draws countries and regions from ``data/basemap.geojson`` on a
plain background (no tile server), the front line, optional distance bands around it and
a legend. :func:`events_layer` turns a frame of events (the columns of
:data:`dashboard.exports.CSV_COLUMNS`) into one ``FeatureGroup`` holding a single marker
cluster layer whose markers and popups are made in the browser from compact column data,
so 100,000 events cost one JSON document, never 100,000 folium elements. The Streamlit page
passes that group to ``st_folium(..., feature_group_to_add=...)``, which swaps it without
rebuilding the map, so a filter change keeps the reader's pan and zoom.

Escaping. Everything from articles reaches the browser as JSON data inside a script, with
``<``, ``>``, ``&``, braces and the JavaScript line separators written as ``\\u`` escapes,
so no data can close the script or form a template tag; the browser then puts it on the
page only through ``textContent`` and checked ``href`` values, never as HTML. The elements
here also hand folium their script as finished text: folium would otherwise compile every
rendered script as a Jinja template, which data must never be.

This module imports folium, never streamlit.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

from .assets import localize, require_assets
from .errors import DataError
from .frontline import Frontline
from .model import DATE_PRECISIONS, TARGET_TYPES, WEAPONS
from .settings import get_settings

BASEMAP_FILE = "basemap.geojson"
#: Without tiles nothing is gained past this zoom; marker clustering needs a finite one.
MAX_ZOOM_OFFLINE = 12
MAX_ZOOM_TILES = 18
MIN_ZOOM = 3
#: The sea: the background of the plain map.
SEA_COLOUR = "#dce8f2"
FRONT_COLOUR = "#b3001b"
GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class TargetStyle:
    """How one target type looks on the map: a colour and a Font Awesome (solid) icon."""

    colour: str
    icon: str
    label: str


#: Colour and icon per target type, in the model's order; the legend lists them.
TARGET_STYLES: dict[str, TargetStyle] = {
    "naval": TargetStyle("#1f5fa8", "ship", "Naval"),
    "airbase": TargetStyle("#6a3d9a", "plane", "Air base"),
    "oil": TargetStyle("#2b2b2b", "oil-well", "Oil"),
    "power": TargetStyle("#d9a400", "bolt", "Power"),
    "ammunition": TargetStyle("#d62728", "bomb", "Ammunition"),
    "military": TargetStyle("#2e7d32", "shield-halved", "Military"),
    "defense_industry": TargetStyle("#8c564b", "industry", "Defense industry"),
    "government": TargetStyle("#0f8b8d", "landmark", "Government"),
    "commercial": TargetStyle("#d6549e", "store", "Commercial"),
    "residential": TargetStyle("#f07f13", "house", "Residential"),
    "transport": TargetStyle("#6f7b86", "train", "Transport"),
    "unknown": TargetStyle("#a3a3a3", "question", "Unknown"),
}
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


#: Map styles, added to the page once by whichever element runs first.
_CSS = (
    """
.sm-pin{width:24px;height:24px;border-radius:50% 50% 50% 0;transform:rotate(-45deg);
 border:2px solid #fff;box-shadow:0 1px 3px rgba(0,0,0,.45);display:flex;
 align-items:center;justify-content:center;box-sizing:border-box}
.sm-pin i{transform:rotate(45deg);color:#fff;font-size:11px}
.sm-marker{background:none;border:none}
.sm-cluster{background:none;border:none}
.sm-cluster div{width:100%;height:100%;border-radius:50%;display:flex;align-items:center;
 justify-content:center;box-shadow:0 1px 4px rgba(0,0,0,.4)}
.sm-cluster span{background:#fff;border-radius:50%;min-width:60%;height:60%;display:flex;
 align-items:center;justify-content:center;font:600 11px/1 system-ui,sans-serif;color:#222}
.sm-popup{font:13px/1.35 system-ui,sans-serif;color:#222}
.sm-popup h4{font-size:14px;margin:0 0 4px}
.sm-popup dl{display:grid;grid-template-columns:auto 1fr;gap:1px 8px;margin:4px 0}
.sm-popup dt{color:#666}.sm-popup dd{margin:0}
.sm-popup .sm-src{border-top:1px solid #ddd;margin-top:6px;padding-top:4px}
.sm-popup blockquote{margin:3px 0 3px 6px;padding-left:6px;border-left:3px solid #ccc;
 color:#333;font-style:italic}
.sm-popup .sm-note{color:#777;font-size:11px}
.sm-legend{background:rgba(255,255,255,.9);padding:5px 8px;border-radius:6px;
 box-shadow:0 1px 4px rgba(0,0,0,.3);font:11px/1.45 system-ui,sans-serif;color:#222}
.leaflet-control-attribution,.leaflet-control-scale-line{font-size:10px}
.sm-legend b{display:block;margin-bottom:2px}
.sm-legend .sm-rows{display:grid;grid-template-columns:auto auto;column-gap:10px}
.sm-legend .sm-row{display:flex;align-items:center;gap:5px;white-space:nowrap}
.sm-legend .sm-dot{width:14px;height:14px;border-radius:50%;display:inline-flex;
 align-items:center;justify-content:center;color:#fff;font-size:9px}
.sm-legend .sm-line{width:16px;height:0;border-top:3px solid """
    + FRONT_COLOUR
    + """}
.sm-legend .sm-band{width:14px;height:10px;border:1px dashed #7a4b00;background:#f5d9b0}
"""
)


def _style_js() -> str:
    return (
        "(function(){if(document.getElementById('sm-style'))return;"
        "var s=document.createElement('style');s.id='sm-style';"
        f"s.textContent={js_data(_CSS)};document.head.appendChild(s);}})();\n"
    )


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


class _Basemap(_ScriptElement):
    """Countries (Ukraine and Russia tinted) and their region borders, from data."""

    def __init__(self, geojson_js: str, attribution: str, *, filled: bool) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Basemap"
        self.geojson_js = geojson_js
        self.attribution = attribution
        self.filled = filled

    def js(self) -> str:
        fills = {"UA": "#fbf3d5", "RU": "#efe6dc"}
        fmap = self.map_name()
        return (
            # A pane under the other vector layers, drawn on one canvas: 40,000 vertices
            # pan faster there than as SVG paths.
            f"({fmap}.getPane('smBase') || {fmap}.createPane('smBase')).style.zIndex = 250;\n"
            f"var {self.get_name()} = L.geoJSON({self.geojson_js}, {{"
            f"interactive:false,pane:'smBase',renderer:L.canvas({{pane:'smBase'}}),"
            f"attribution:{js_data(self.attribution)},"
            "style:function(f){var p=f.properties;"
            "if(p.kind==='regions'){return {color:'#8f8f8f',weight:0.7,opacity:0.8,fill:false};}"
            f"var fills={json.dumps(fills)};"
            f"return {{color:p.focus?'#5f5f5f':'#9a9a9a',weight:p.focus?1.4:0.8,"
            f"fill:{'true' if self.filled else 'false'},"
            "fillColor:fills[p.focus]||'#f6f4f0',fillOpacity:1};}"
            f"}}).addTo({self.parent_name()});\n"
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
    """The key: one row per target type (colour and icon), the front line and the bands."""

    def __init__(self, front_name: str | None, bands: bool) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Legend"
        self.front_name = front_name
        self.bands = bands

    def js(self) -> str:
        rows = [[s.colour, s.icon, s.label] for s in TARGET_STYLES.values()]
        return _style_js() + (
            f"var {self.get_name()} = L.control({{position:'bottomright'}});\n"
            f"{self.get_name()}.onAdd = function(){{"
            "var box=L.DomUtil.create('div','sm-legend');"
            "L.DomEvent.disableClickPropagation(box);L.DomEvent.disableScrollPropagation(box);"
            "var title=document.createElement('b');title.textContent='Target \\u25be';"
            "title.title='Show or hide the key';title.style.cursor='pointer';"
            "box.appendChild(title);var rows=L.DomUtil.create('div','sm-rows',box);"
            # A click on the title folds the key away, for the markers it covers.
            "title.onclick=function(){var open=rows.style.display==='none';"
            "rows.style.display=open?'':'none';"
            "title.textContent=open?'Target \\u25be':'Target \\u25b8';};"
            "function row(mark,text){var r=L.DomUtil.create('div','sm-row',rows);"
            "r.appendChild(mark);var t=document.createElement('span');t.textContent=text;"
            "r.appendChild(t);}"
            f"{js_data(rows)}.forEach(function(x){{"
            "var d=document.createElement('span');d.className='sm-dot';"
            "d.style.background=x[0];var i=document.createElement('i');"
            "i.className='fa-solid fa-'+x[1];d.appendChild(i);row(d,x[2]);});"
            f"var front={js_data(self.front_name)};"
            "if(front){var l=document.createElement('span');l.className='sm-line';"
            "row(l,'Front line');}"
            f"if({'true' if self.bands else 'false'}){{var b=document.createElement('span');"
            "b.className='sm-band';row(b,'Distance band');}"
            "return box;};\n"
            f"{self.get_name()}.addTo({self.parent_name()});\n"
            f"{self.parent_name()}.getContainer().style.background='{SEA_COLOUR}';\n"
        )


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
    fmap.default_js = [(n, u) for n, u in fmap.default_js if n == "leaflet"]
    fmap.default_css = [
        (n, u) for n, u in fmap.default_css if n in {"leaflet_css", "awesome_markers_font_css"}
    ]
    if tiles is not None:
        folium.TileLayer(tiles, name="Online map", max_zoom=MAX_ZOOM_TILES).add_to(fmap)
    geojson_js, attribution = load_basemap()
    countries = _Group(name="Countries and regions", overlay=True, control=True)
    _Basemap(geojson_js, attribution, filled=not online).add_to(countries)
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
    folium.LayerControl(position="topright", collapsed=True).add_to(fmap)
    return localize(fmap)


# -- the events -------------------------------------------------------------------------------

#: Payload columns, in order; the browser code reads them by position.
PAYLOAD_COLUMNS: tuple[str, ...] = (
    "lat", "lon", "type", "weapon", "date", "precision", "place", "admin1", "country",
    "occupied", "target", "front_km", "border_km", "frontline_id", "attacker_claim",
    "defender_claim", "geo_precision", "sources",
)  # fmt: skip
#: Columns that hold an index into the payload's string table (-1 for none).
TEXT_COLUMNS = frozenset(
    {"date", "place", "admin1", "country", "target", "frontline_id", "attacker_claim",
     "defender_claim"}
)  # fmt: skip


@dataclass
class EventsPayload:
    """The located events as the browser gets them: a string table and columns.

    Every text appears once in ``strings`` and is referred to by its index, so the names,
    outlets and dates that thousands of events share are sent once. ``sources`` holds,
    per event, one ``[outlet, published, url, title, [quotes]]`` list of string indices
    per source.
    """

    strings: list[str]
    columns: list[list[Any]]

    def __len__(self) -> int:
        return len(self.columns[0])

    def text(self, index: int) -> str | None:
        return None if index < 0 else self.strings[index]

    def row(self, i: int) -> dict[str, Any]:
        """Event ``i`` decoded, as the popup shows it (for tests and debugging)."""
        out: dict[str, Any] = {}
        for name, column in zip(PAYLOAD_COLUMNS, self.columns, strict=True):
            value = column[i]
            out[name] = self.text(value) if name in TEXT_COLUMNS else value
        out["sources"] = [
            {
                "outlet": self.text(outlet),
                "published": self.text(published),
                "url": self.text(url),
                "title": self.text(title),
                "quotes": [self.text(q) for q in quotes],
            }
            for outlet, published, url, title, quotes in out["sources"]
        ]
        return out

    def js(self) -> str:
        """The payload as script text, escaped as :func:`js_data` does."""
        # Built here from lists, strings, numbers and booleans only: no dict to look for.
        return _escaped_json([self.strings, *self.columns])


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


def _number_column(frame: pd.DataFrame, column: str, digits: int) -> list[float | None]:
    numbers = pd.to_numeric(frame[column], errors="coerce").round(digits)
    return [None if math.isnan(v) else float(v) for v in numbers.tolist()]


def _codes(frame: pd.DataFrame, column: str, allowed: Sequence[str]) -> list[int]:
    index = {value: i for i, value in enumerate(allowed)}
    unknown = allowed.index("unknown") if "unknown" in allowed else 0
    return [index.get(v, unknown) for v in frame[column].tolist()]


def _sources_column(values: pd.Series, strings: _Strings) -> list[list[list[Any]]]:
    """Each event's sources as ``[outlet, published, url, title, [quotes]]`` string indices."""
    column = []
    for text in values.tolist():
        try:
            sources = json.loads(text) if isinstance(text, str) else []
        except ValueError:
            sources = []
        column.append(
            [
                [
                    strings(s.get("outlet")),
                    strings(s.get("published")),
                    strings(s.get("url")),
                    strings(s.get("title")),
                    [strings(q) for q in s.get("quotes") or []],
                ]
                for s in sources
                if isinstance(s, dict)
            ]
        )
    return column


def events_payload(frame: pd.DataFrame) -> EventsPayload:
    """The located events of a frame as the browser gets them.

    Events without coordinates are left out (the page lists them beside the map).

    Parameters
    ----------
    frame
        Rows of :func:`dashboard.exports.events_frame` (extra columns are ignored).

    Returns
    -------
    EventsPayload
        A string table and one list per :data:`PAYLOAD_COLUMNS` entry, one item per
        located event.
    """
    located = frame[frame["lat"].notna() & frame["lon"].notna()]
    strings = _Strings()
    days = pd.to_datetime(located["date"]).dt.strftime("%Y-%m-%d")
    columns: list[list[Any]] = [
        _number_column(located, "lat", 5),
        _number_column(located, "lon", 5),
        _codes(located, "target_type", TARGET_TYPES),
        _codes(located, "weapon", WEAPONS),
        strings.column(days),
        _codes(located, "date_precision", DATE_PRECISIONS),
        strings.column(located["place"]),
        strings.column(located["admin1"]),
        strings.column(located["country"]),
        [bool(v) for v in located["occupied"].fillna(False).tolist()],
        strings.column(located["target"]),
        _number_column(located, "distance_to_front_km", 1),
        _number_column(located, "distance_to_border_km", 1),
        strings.column(located["frontline_id"]),
        strings.column(located["attacker_claim"]),
        strings.column(located["defender_claim"]),
        [int(v) for v in pd.to_numeric(located["geo_precision"]).fillna(4).tolist()],
        _sources_column(located["sources_json"], strings),
    ]
    return EventsPayload(strings.table, columns)


# The browser side of the events layer. It reads the columns by position, builds one
# marker per event (Leaflet objects only; the cluster layer makes DOM elements for what is
# on screen) and builds a popup only when one is opened, from text nodes.
_EVENTS_JS = """
(function(parent, data, types, weapons, precisions){
  var strings = data[0], cols = data.slice(1), N = cols[0].length, C = {};
  /*COLUMNS*/
  function T(k){ return k < 0 ? null : strings[k]; }
  function S(name, i){ return T(cols[C[name]][i]); }
  var MONTHS = ['January','February','March','April','May','June','July','August',
    'September','October','November','December'];
  function icon(t){
    var s = types[t];
    return L.divIcon({className:'sm-marker', iconSize:[24,24], iconAnchor:[12,24],
      popupAnchor:[0,-22],
      html:'<div class="sm-pin" style="background:'+s[0]+'"><i class="fa-solid fa-'+s[1]+
        '"></i></div>'});
  }
  var icons = types.map(function(_, t){ return icon(t); });
  function when(i){
    var d = S('date', i), p = precisions[cols[C.precision][i]];
    var y = d.slice(0,4), m = MONTHS[parseInt(d.slice(5,7),10)-1], day = parseInt(d.slice(8),10);
    if (p === 'year') return y + ' (year only)';
    if (p === 'month') return m + ' ' + y + ' (month only)';
    return day + ' ' + m + ' ' + y;
  }
  function km(v, what){
    return v === null ? 'not measured' : v.toLocaleString('en-GB') + ' km from ' + what;
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
  function popup(i){
    var box = el('div', null, 'sm-popup');
    var where = [S('place', i) || 'Place not named', S('admin1', i),
      S('country', i)].filter(function(x){ return x; }).join(', ');
    box.appendChild(el('h4', where + (cols[C.occupied][i] ? ' (occupied)' : '')));
    var dl = el('dl');
    function row(k, v){ if (v === null || v === undefined || v === '') return;
      dl.appendChild(el('dt', k)); dl.appendChild(el('dd', v)); }
    row('Date', when(i));
    var t = types[cols[C.type][i]];
    row('Target', t[2] + (S('target', i) ? ': ' + S('target', i) : ''));
    row('Weapon', weapons[cols[C.weapon][i]]);
    var fid = S('frontline_id', i);
    row('Front line', km(cols[C.front_km][i], 'the front line') +
      (fid ? ' (line of ' + fid + ')' : ''));
    row('Border', km(cols[C.border_km][i], "Ukraine's border"));
    row('Attacker says', S('attacker_claim', i));
    row('Defender says', S('defender_claim', i));
    row('Located to',
      ['', 'the facility', 'the town', 'the region', 'nowhere'][cols[C.geo_precision][i]]);
    box.appendChild(dl);
    var sources = cols[C.sources][i];
    box.appendChild(el('b', sources.length === 1 ? '1 source' : sources.length + ' sources'));
    sources.forEach(function(s){
      var outlet = T(s[0]), published = T(s[1]), link = T(s[2]), title = T(s[3]);
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
      s[4].forEach(function(q){ div.appendChild(el('blockquote', T(q))); });
      box.appendChild(div);
    });
    return box;
  }
  function clusterIcon(cluster){
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
    return L.divIcon({className:'sm-cluster', iconSize:[size, size],
      html:'<div style="background:conic-gradient(' + stops.join(',') + ')"><span>' +
        n.toLocaleString('en-GB') + '</span></div>'});
  }
  var layer = L.markerClusterGroup({chunkedLoading:true, chunkInterval:120,
    showCoverageOnHover:false, spiderfyOnMaxZoom:true, maxClusterRadius:50,
    iconCreateFunction:clusterIcon,
    // smReady tells tests and the benchmark that every marker is clustered and drawn.
    chunkProgress:function(done, total){ if (done >= total) layer.smReady = true; }});
  layer.smReady = N === 0;
  var markers = new Array(N);
  for (var i = 0; i < N; i++) {
    var m = L.marker([cols[C.lat][i], cols[C.lon][i]], {icon:icons[cols[C.type][i]],
      title:(S('place', i) || '') + ' \u2013 ' + S('date', i)});
    m.smIndex = i; m.smType = cols[C.type][i];
    markers[i] = m;
  }
  layer.addLayers(markers);
  layer.on('click', function(e){
    var m = e.layer;
    L.popup({maxWidth:360, maxHeight:320, className:'sm-popup-wrap'})
      .setLatLng(m.getLatLng()).setContent(popup(m.smIndex)).openOn(layer._map);
  });
  layer.smCount = N;
  return layer;
})
"""


class EventMarkers(_ScriptElement):
    """All located events of a frame as one marker cluster layer built in the browser.

    Parameters
    ----------
    frame
        Rows of :func:`dashboard.exports.events_frame`.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "EventMarkers"
        # The cluster plugin's files, by folium's names, so assets.localize knows them.
        self.default_js = list(MarkerCluster.default_js)
        self.default_css = list(MarkerCluster.default_css)
        self.payload = events_payload(frame)
        self.count = len(self.payload)
        # Made once: st_folium asks for the script twice, under two names.
        self._payload_js = self.payload.js()

    def script_key(self) -> str:
        # One key for every events layer: a map drawn again with new events keeps only
        # the newest in its figure, instead of every layer it was ever given.
        return "strikemap_events"

    def js(self) -> str:
        columns = "".join(f"C.{name} = {i}; " for i, name in enumerate(PAYLOAD_COLUMNS))
        styles = [
            [TARGET_STYLES[t].colour, TARGET_STYLES[t].icon, TARGET_STYLES[t].label]
            for t in TARGET_TYPES
        ]
        weapons = [WEAPON_LABELS[w] for w in WEAPONS]
        body = _EVENTS_JS.replace("/*COLUMNS*/", columns)
        return (
            _style_js() + f"var {self.get_name()} = {body.strip()}({self.parent_name()}, "
            f"{self._payload_js}, {js_data(styles)}, {js_data(weapons)}, "
            f"{js_data(list(DATE_PRECISIONS))});\n"
            f"{self.get_name()}.addTo({self.parent_name()});\n"
        )


def events_layer(frame: pd.DataFrame) -> folium.FeatureGroup:
    """The events of a frame as one layer for ``st_folium(feature_group_to_add=...)``.

    Parameters
    ----------
    frame
        Rows of :func:`dashboard.exports.events_frame` (the filtered ones); rows without
        coordinates are left out.

    Returns
    -------
    folium.FeatureGroup
        Named "Strikes", holding one :class:`EventMarkers`; its assets point at the app's
        own copies.
    """
    group = _Group(name="Strikes", control=False)
    EventMarkers(frame).add_to(group)
    return localize(group)
