"""Geodesic distances on the WGS84 ellipsoid: between points, to lines, to areas and to
Ukraine's border; and the plane topology front lines need (cutting an area with a line).

Degrees are not distances, so nothing here measures in degrees. A line is a shapely
``LineString`` or ``MultiLineString`` in (lon, lat) order whose segments are read as
geodesics on WGS84. The distance from a point to a line is the geodesic distance to the
line's nearest point, found in three steps, all vectorised over the points:

1. *Candidates.* Each segment is sampled every :data:`SAMPLE_SPACING_KM` or closer, the
   samples go into a k-d tree of Earth-centred (ECEF) coordinates, and the segments owning a
   point's nearest samples become its candidates. Straight-line (chord) distance in ECEF
   space is a true metric, so the search can certify that the nearest segment is among the
   candidates; when it cannot, it asks for more samples, or stops once the point is far
   enough for the remaining error to be negligible (see :func:`_candidate_pairs`).
2. *Sphere.* On a sphere the nearest point of a great-circle arc has a closed form; it
   ranks the candidates and gives a first guess of the nearest point on each.
3. *Ellipsoid.* A Newton step along each kept segment, with pyproj's geodesic
   (Karney's algorithm), moves the guess to where the direction to the point is
   perpendicular to the segment, and the distance is measured there. One step is enough:
   a second changes no distance by more than 1e-9 of itself, on the default and imported
   front lines and on the border alike.

The result is within 0.01 % of GeographicLib's distance to the true nearest point, far
inside the 0.1 % the project needs.

An area is 0 km away from a point inside it, else as far as its edge. Which side of an
edge a point is on, and how a line cuts an area, treat (lon, lat) as a plane: at the scale
of a front line that moves an edge tens of metres at most. Buffers given in metres are
drawn in :data:`LOCAL_CRS`.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt
import shapely
from pyproj import Geod, Transformer
from scipy.spatial import cKDTree
from shapely.errors import ShapelyError
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry

from ..errors import DataError, InputError
from ..settings import get_settings

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
Line: TypeAlias = LineString | MultiLineString
Area: TypeAlias = Polygon | MultiPolygon
_G = TypeVar("_G", bound=BaseGeometry)

GEOD = Geod(ellps="WGS84")
_A_KM = 6378.137
_E2 = 6.69437999014e-3
#: Mean Earth radius (IUGG), for the spherical first guesses only.
_R_KM = 6371.0088
#: Segments are sampled at least this often for the candidate search.
SAMPLE_SPACING_KM = 1.0
#: A point whose nearest sample is this many spacings away is measured to within
#: spacing^2 / (8 d^2) < 0.01 % even if its nearest segment was not certified.
_FAR_SPACINGS = 36.0
_FIRST_K = 16
_NEWTON_STEPS = 1
#: Geodesic and spherical distances disagree by at most ~0.7 % between directions; 1 %
#: keeps every candidate that the ellipsoid could still rank first.
_SPHERE_SLACK = 0.01
_CHUNK = 200_000
#: Lambert conformal conic fitted to Ukraine, for buffers and gaps given in metres: scale
#: error under 0.2 % between 44 and 53 degrees north. Distances are never taken from it.
LOCAL_CRS = "+proj=lcc +lat_1=45.5 +lat_2=51.5 +lat_0=48.5 +lon_0=31.5 +ellps=WGS84 +units=m"
#: A line's ends are carried this far (degrees, about 100 m) past the outline they stop
#: short of, so that cutting the outline with it leaves no gap; only topology uses it.
_REACH_DEG = 1e-3


def geodesic_distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance between two points on the WGS84 ellipsoid.

    Parameters
    ----------
    lat1, lon1, lat2, lon2
        Coordinates in decimal degrees.

    Returns
    -------
    float
        Kilometres along the shortest path on the ellipsoid (Karney's algorithm).

    Raises
    ------
    InputError
        If a coordinate is not a finite number or a latitude is outside [-90, 90].
    """
    for lat, lon in ((lat1, lon1), (lat2, lon2)):
        _check_point(lat, lon)
    _, _, metres = GEOD.inv(lon1, lat1, lon2, lat2)
    return float(metres) / 1000.0


def distance_to_line_km(lat: float, lon: float, line: Line) -> float:
    """Geodesic distance from a point to the nearest point of a line.

    Parameters
    ----------
    lat, lon
        The point, in decimal degrees.
    line
        A ``LineString`` or ``MultiLineString`` in (lon, lat) order; its segments are
        geodesics.

    Returns
    -------
    float
        Kilometres on WGS84; 0 for a point on the line.

    Raises
    ------
    InputError
        If the point is not a valid coordinate or the line is empty or not a line.
    """
    _check_point(lat, lon)
    return float(distances_to_line_km(np.array([lat]), np.array([lon]), line)[0])


def distances_to_line_km(lats: npt.ArrayLike, lons: npt.ArrayLike, line: Line) -> FloatArray:
    """Vectorised :func:`distance_to_line_km` over arrays of points.

    Parameters
    ----------
    lats, lons
        Latitudes and longitudes in decimal degrees, of one shape (or broadcastable).
        A ``NaN`` in either gives ``NaN``.
    line
        A ``LineString`` or ``MultiLineString`` in (lon, lat) order.

    Returns
    -------
    numpy.ndarray
        Kilometres, in the shape of the broadcast inputs.

    Raises
    ------
    InputError
        If a finite latitude is outside [-90, 90] or the line is empty or not a line.
    """
    lat_arr, lon_arr = _as_points(lats, lons)
    index = _segment_index(line)
    out = np.full(lat_arr.shape, np.nan)
    flat_lat, flat_lon, flat_out = lat_arr.ravel(), lon_arr.ravel(), out.reshape(-1)
    ok = np.flatnonzero(np.isfinite(flat_lat) & np.isfinite(flat_lon))
    for start in range(0, ok.size, _CHUNK):
        chunk = ok[start : start + _CHUNK]
        flat_out[chunk] = index.distances_km(flat_lat[chunk], flat_lon[chunk])
    return out


def is_in_ukraine(lat: float, lon: float) -> bool:
    """Whether a point lies in Ukraine within its internationally recognised borders.

    Crimea and Sevastopol are Ukraine. The outline is Natural Earth's, simplified to
    100 m (see ``data/ATTRIBUTION.md``).

    Raises
    ------
    InputError
        If the point is not a valid coordinate.
    DataError
        If ``data/ukraine.geojson`` is missing or malformed.
    """
    _check_point(lat, lon)
    return bool(are_in_ukraine(np.array([lat]), np.array([lon]))[0])


def are_in_ukraine(lats: npt.ArrayLike, lons: npt.ArrayLike) -> BoolArray:
    """Vectorised :func:`is_in_ukraine`; ``NaN`` coordinates are not in Ukraine."""
    return are_in_area(lats, lons, ukraine_outline())


def distance_to_border_km(lat: float, lon: float) -> float:
    """Geodesic distance from a point to Ukraine's state border; 0 inside Ukraine.

    The border is the whole outline of Ukraine's territory, Crimea included, so a point at
    sea measures to the nearest coast.

    Raises
    ------
    InputError
        If the point is not a valid coordinate.
    DataError
        If ``data/ukraine.geojson`` is missing or malformed.
    """
    _check_point(lat, lon)
    return float(distances_to_border_km(np.array([lat]), np.array([lon]))[0])


def distances_to_border_km(lats: npt.ArrayLike, lons: npt.ArrayLike) -> FloatArray:
    """Vectorised :func:`distance_to_border_km`; ``NaN`` coordinates give ``NaN``."""
    return distances_to_area_km(lats, lons, ukraine_outline())


def ukraine_outline() -> MultiPolygon:
    """Ukraine's territory from ``<data dir>/ukraine.geojson``, read once per file.

    Raises
    ------
    DataError
        If the file is missing, is not GeoJSON, or holds no valid (Multi)Polygon.
    """
    return _load_outline(get_settings().data_dir / "ukraine.geojson")


def ukraine_border() -> MultiLineString:
    """The rings of :func:`ukraine_outline` as lines, for distance measurements."""
    return _border_of(ukraine_outline())


def are_in_area(lats: npt.ArrayLike, lons: npt.ArrayLike, area: Area) -> BoolArray:
    """Whether points lie in an area, its edge included; ``NaN`` coordinates do not.

    Parameters
    ----------
    lats, lons
        Latitudes and longitudes in decimal degrees, of one shape (or broadcastable).
    area
        A ``Polygon`` or ``MultiPolygon`` in (lon, lat) order.

    Returns
    -------
    numpy.ndarray
        Booleans in the shape of the broadcast inputs.

    Raises
    ------
    InputError
        If a finite latitude is outside [-90, 90].
    """
    lat_arr, lon_arr = _as_points(lats, lons)
    finite = np.isfinite(lat_arr) & np.isfinite(lon_arr)
    inside = np.zeros(lat_arr.shape, dtype=bool)
    if area.is_empty:
        return inside
    shapely.prepare(area)
    inside[finite] = shapely.contains_xy(area, lon_arr[finite], lat_arr[finite])
    # Points on the edge itself count as inside: their distance to the area is 0.
    edge = finite & ~inside
    if edge.any():
        inside[edge] = shapely.intersects_xy(area, lon_arr[edge], lat_arr[edge])
    return inside


def distance_to_area_km(lat: float, lon: float, area: Area) -> float:
    """Geodesic distance from a point to the nearest point of an area; 0 inside it.

    Parameters
    ----------
    lat, lon
        The point, in decimal degrees.
    area
        A non-empty ``Polygon`` or ``MultiPolygon`` in (lon, lat) order; its edges are
        geodesics.

    Returns
    -------
    float
        Kilometres on WGS84.

    Raises
    ------
    InputError
        If the point is not a valid coordinate or the area is empty.
    """
    _check_point(lat, lon)
    return float(distances_to_area_km(np.array([lat]), np.array([lon]), area)[0])


def distances_to_area_km(lats: npt.ArrayLike, lons: npt.ArrayLike, area: Area) -> FloatArray:
    """Vectorised :func:`distance_to_area_km`; ``NaN`` coordinates give ``NaN``.

    Points inside are not measured at all, so an area that holds most points is cheap.
    """
    lat_arr, lon_arr = _as_points(lats, lons)
    if area.is_empty:
        raise InputError("cannot measure the distance to an empty area")
    inside = are_in_area(lat_arr, lon_arr, area)
    out = np.where(inside, 0.0, np.nan)
    outside = ~inside & np.isfinite(lat_arr) & np.isfinite(lon_arr)
    if outside.any():
        out[outside] = distances_to_line_km(lat_arr[outside], lon_arr[outside], area_boundary(area))
    return out


def area_boundary(area: Area) -> MultiLineString:
    """The rings of an area as one ``MultiLineString``, holes included (cached)."""
    return _border_of(area if isinstance(area, MultiPolygon) else MultiPolygon([area]))


def points_along(line: Line, step_km: float) -> tuple[FloatArray, FloatArray]:
    """Points evenly spaced along each part of a line, at most ``step_km`` apart.

    Each part is walked along its geodesic segments; its two ends are included and the
    points in between are equally spaced by length, whatever the vertices.

    Parameters
    ----------
    line
        A ``LineString`` or ``MultiLineString`` in (lon, lat) order.
    step_km
        The largest gap between consecutive points, in kilometres.

    Returns
    -------
    tuple of numpy.ndarray
        Latitudes and longitudes, part after part, in line order.

    Raises
    ------
    InputError
        If ``step_km`` is not positive.
    """
    if not step_km > 0.0:
        raise InputError(f"step_km must be positive, not {step_km}")
    lats: list[FloatArray] = []
    lons: list[FloatArray] = []
    for part in _line_parts(line):
        coords = np.asarray(part.coords, dtype=np.float64)[:, :2]
        lon0, lat0 = coords[:-1, 0], coords[:-1, 1]
        azimuth, _, metres = GEOD.inv(lon0, lat0, coords[1:, 0], coords[1:, 1])
        ends = np.cumsum(np.asarray(metres, dtype=np.float64))
        total = float(ends[-1]) if ends.size else 0.0
        count = max(1, math.ceil(total / (step_km * 1000.0)))
        along = np.linspace(0.0, total, count + 1)
        # The segment each point falls on, and how far into it.
        seg = np.minimum(np.searchsorted(ends, along, side="right"), max(ends.size - 1, 0))
        into = along - (ends[seg] - np.asarray(metres, dtype=np.float64)[seg])
        p_lon, p_lat, _ = GEOD.fwd(lon0[seg], lat0[seg], np.asarray(azimuth)[seg], into)
        lats.append(np.asarray(p_lat, dtype=np.float64))
        lons.append(np.asarray(p_lon, dtype=np.float64))
    if not lats:
        return np.empty(0), np.empty(0)
    return np.concatenate(lats), np.concatenate(lons)


def cut_off_by_line(area: MultiPolygon, line: Line) -> MultiPolygon:
    """The pieces of an area that a line cuts off from its main body.

    Each part of the line is carried, at both ends, to the nearest point of the area's
    edge and a little past it, then the area is split along the line. For each part, the
    side holding the largest piece it touches is the main body; pieces on the other side
    are cut off. A piece touched from both sides goes with the longer stretch of line,
    and a piece the line does not touch (an island) goes with the nearest piece it does.
    Like all topology here this works in (lon, lat) as a plane, which at the scale of a
    front line puts an edge tens of metres at most from the geodesic between its vertices.

    Parameters
    ----------
    area
        The area to cut, (lon, lat).
    line
        The cutting line, (lon, lat); for a front line drawn with the held side on its
        left, the cut-off pieces are on its right wherever the held side is the larger.

    Returns
    -------
    MultiPolygon
        The cut-off pieces; empty if the line cuts nothing off.
    """
    boundary = area_boundary(area)
    parts = [
        _reach(np.asarray(p.coords, dtype=np.float64)[:, :2], boundary) for p in _line_parts(line)
    ]
    noded = shapely.union_all([boundary, *(LineString(c) for c in parts)])
    faces = [
        face
        for face in shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)).geoms)
        if area.contains(face.representative_point())
    ]
    if len(faces) < 2:
        return MultiPolygon()
    tree = shapely.STRtree(faces)
    face_area = np.array([face.area for face in faces])
    votes = np.zeros(len(faces))
    touched = np.zeros(len(faces), dtype=bool)
    for coords in parts:
        left, right, weight = _sides(coords, tree)
        known = (left >= 0) & (right >= 0) & (left != right)
        if not known.any():
            continue
        largest_left = face_area[left[known]].max()
        largest_right = face_area[right[known]].max()
        cut_side, main_side = (right, left) if largest_left >= largest_right else (left, right)
        np.add.at(votes, cut_side[known], weight[known])
        np.add.at(votes, main_side[known], -weight[known])
        touched[cut_side[known]] = True
        touched[main_side[known]] = True
    cut = votes > 0
    if touched.any() and not touched.all():
        judged = np.flatnonzero(touched)
        judged_tree = shapely.STRtree([faces[i] for i in judged])
        for i in np.flatnonzero(~touched):
            cut[i] = cut[judged[int(judged_tree.nearest(faces[i]))]]
    return _as_multipolygon(shapely.union_all([faces[i] for i in np.flatnonzero(cut)]))


def enclosed_outside(area: MultiPolygon, line: Line) -> MultiPolygon:
    """The land outside an area that a line encloses against the area's edge.

    The line's parts are carried to the area's edge at both ends (see
    :func:`cut_off_by_line`); what lies between them and the edge, outside the area, is
    returned: e.g. the Ukrainian-held part of Kursk oblast, enclosed by its line of contact
    and Ukraine's state border.

    Returns
    -------
    MultiPolygon
        The enclosed pieces, (lon, lat); empty if the line encloses nothing.
    """
    boundary = area_boundary(area)
    parts = [
        _reach(np.asarray(p.coords, dtype=np.float64)[:, :2], boundary) for p in _line_parts(line)
    ]
    noded = shapely.union_all([boundary, *(LineString(c) for c in parts)])
    faces = [
        face
        for face in shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)).geoms)
        if not area.contains(face.representative_point())
    ]
    return _as_multipolygon(shapely.union_all(faces)) if faces else MultiPolygon()


def to_local(geometry: _G) -> _G:
    """A (lon, lat) geometry in :data:`LOCAL_CRS` metres, for buffers of a given width."""
    return _reproject(geometry, _transformers()[0])


def to_lonlat(geometry: _G) -> _G:
    """The inverse of :func:`to_local`."""
    return _reproject(geometry, _transformers()[1])


@functools.cache
def _load_outline(path: Path) -> MultiPolygon:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{path} is missing; run scripts/build_border.py") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path} is not readable GeoJSON: {exc}") from exc
    geometry = _first_geometry(data, path)
    try:
        geom = shape(geometry)
    except (AttributeError, KeyError, TypeError, ValueError, ShapelyError) as exc:
        raise DataError(f"{path}: malformed geometry: {exc}") from exc
    if isinstance(geom, Polygon):
        geom = MultiPolygon([geom])
    if not isinstance(geom, MultiPolygon) or geom.is_empty:
        raise DataError(f"{path}: expected a Polygon or MultiPolygon, got {geom.geom_type}")
    if not geom.is_valid:
        raise DataError(f"{path}: the outline is not a valid polygon (it crosses itself?)")
    shapely.prepare(geom)
    return geom


def _first_geometry(data: Any, path: Path) -> Any:
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features") or []
        if not features or not isinstance(features[0], dict):
            raise DataError(f"{path}: the FeatureCollection has no feature")
        return features[0].get("geometry")
    if isinstance(data, dict) and data.get("type") == "Feature":
        return data.get("geometry")
    if isinstance(data, dict):
        return data
    raise DataError(f"{path}: not a GeoJSON object")


@functools.cache
def _border_of(outline: MultiPolygon) -> MultiLineString:
    rings = [ring for polygon in outline.geoms for ring in (polygon.exterior, *polygon.interiors)]
    return MultiLineString([ring.coords for ring in rings])


def _line_parts(line: Line) -> list[LineString]:
    if isinstance(line, MultiLineString):
        return [part for part in line.geoms if not part.is_empty]
    if isinstance(line, LineString):
        return [] if line.is_empty else [line]
    raise InputError(f"expected a LineString or MultiLineString, got {line.geom_type}")


def _reach(coords: FloatArray, boundary: MultiLineString) -> FloatArray:
    """A part's vertices, carried at both ends to the nearest point of ``boundary`` and
    :data:`_REACH_DEG` past it, so that the part crosses the edge it stops near."""
    ends = []
    for end, inner in ((coords[0], coords[1]), (coords[-1], coords[-2])):
        nearest = np.asarray(shapely.shortest_line(boundary, shapely.Point(end)).coords[0])
        gap = nearest - end
        norm = float(np.hypot(*gap))
        if norm < 1e-9:
            # On the edge already: carry on in the direction of the end segment.
            gap = end - inner
            norm = float(np.hypot(*gap)) or 1.0
        ends.append((nearest, nearest + gap / norm * _REACH_DEG))
    (first_on, first_past), (last_on, last_past) = ends
    return np.vstack([first_past, first_on, coords, last_on, last_past])


def _sides(
    coords: FloatArray, tree: shapely.STRtree
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], FloatArray]:
    """For each segment of a part: the face just left of its middle, the face just
    right of it (-1 where none), and the segment's length as its weight."""
    a, b = coords[:-1], coords[1:]
    step = b - a
    length = np.hypot(step[:, 0], step[:, 1])
    ok = length > 0
    a, step, length = a[ok], step[ok], length[ok]
    middle = a + step / 2.0
    normal = np.column_stack([-step[:, 1], step[:, 0]]) / length[:, None]
    offset = np.minimum(1e-6, length * 1e-3)[:, None] * normal
    found = []
    for points in (middle + offset, middle - offset):
        face = np.full(len(points), -1, dtype=np.intp)
        where = tree.query(shapely.points(points), predicate="within")
        face[where[0]] = where[1]
        found.append(face)
    return found[0], found[1], length


def _as_multipolygon(geometry: BaseGeometry) -> MultiPolygon:
    polygons = [g for g in shapely.get_parts(geometry) if isinstance(g, Polygon) and not g.is_empty]
    return MultiPolygon(polygons)


@functools.cache
def _transformers() -> tuple[Transformer, Transformer]:
    return (
        Transformer.from_crs("EPSG:4326", LOCAL_CRS, always_xy=True),
        Transformer.from_crs(LOCAL_CRS, "EPSG:4326", always_xy=True),
    )


def _reproject(geometry: _G, transformer: Transformer) -> _G:
    def apply(coords: FloatArray) -> FloatArray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, apply)  # type: ignore[no-any-return]


def _check_point(lat: float, lon: float) -> None:
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise InputError(f"not a coordinate: ({lat}, {lon})")
    if not -90.0 <= lat <= 90.0:
        raise InputError(f"latitude {lat} is outside [-90, 90]")


def _as_points(lats: npt.ArrayLike, lons: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    try:
        lat_arr, lon_arr = np.broadcast_arrays(
            np.asarray(lats, dtype=np.float64), np.asarray(lons, dtype=np.float64)
        )
    except ValueError as exc:
        raise InputError(f"latitudes and longitudes do not match: {exc}") from exc
    if np.any(np.abs(lat_arr[np.isfinite(lat_arr)]) > 90.0):
        raise InputError("a latitude is outside [-90, 90]")
    return lat_arr, lon_arr


def _ecef_km(lats: FloatArray, lons: FloatArray) -> FloatArray:
    """Earth-centred coordinates of points on the ellipsoid's surface, in km."""
    phi, lam = np.radians(lats), np.radians(lons)
    sin_phi, cos_phi = np.sin(phi), np.cos(phi)
    n = _A_KM / np.sqrt(1.0 - _E2 * sin_phi**2)
    return np.column_stack(
        (n * cos_phi * np.cos(lam), n * cos_phi * np.sin(lam), n * (1.0 - _E2) * sin_phi)
    )


def _unit(lats: FloatArray, lons: FloatArray) -> FloatArray:
    """Unit vectors of points on a sphere, for the spherical first guess."""
    phi, lam = np.radians(lats), np.radians(lons)
    return np.column_stack((np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)))


def _angle(u: FloatArray, v: FloatArray) -> FloatArray:
    """Angle between rows of unit vectors, accurate at small and large angles."""
    return np.asarray(
        np.arctan2(np.linalg.norm(np.cross(u, v), axis=1), np.einsum("ij,ij->i", u, v)),
        dtype=np.float64,
    )


# One index per line: the border, and per snapshot its front line and the edge of its
# held territory (under a megabyte each), for a few hundred snapshots.
@functools.lru_cache(maxsize=512)
def _segment_index(line: Line) -> _SegmentIndex:
    if not isinstance(line, LineString | MultiLineString) or line.is_empty:
        raise InputError(f"expected a non-empty LineString or MultiLineString, got {line!r}")
    parts = []
    for part in line.geoms if isinstance(line, MultiLineString) else [line]:
        coords = np.asarray(part.coords, dtype=np.float64)[:, :2]
        if coords.shape[0] < 2 or not np.isfinite(coords).all():
            raise InputError("every part of a line needs two or more finite vertices")
        if np.any(np.abs(coords[:, 1]) > 90.0):
            raise InputError("a line vertex has a latitude outside [-90, 90]")
        # A repeated vertex would make a zero-length segment; a part that is one point
        # repeated keeps one zero-length segment so that the point still counts.
        repeated = np.all(coords[1:] == coords[:-1], axis=1)
        coords = np.concatenate([coords[:1], coords[1:][~repeated]])
        parts.append(coords if coords.shape[0] > 1 else np.repeat(coords, 2, axis=0))
    return _SegmentIndex.build(parts)


@dataclass(frozen=True)
class _SegmentIndex:
    """A line's geodesic segments and their samples, ready for many distance queries."""

    lat0: FloatArray
    lon0: FloatArray
    azimuth: FloatArray
    length_km: FloatArray
    u0: FloatArray
    u1: FloatArray
    normal: FloatArray
    arc: FloatArray
    tree: cKDTree
    #: The segments each sample lies on: two for a vertex between segments, else one twice.
    sample_segments: npt.NDArray[np.intp]
    spacing_km: float

    @classmethod
    def build(cls, parts: list[FloatArray]) -> _SegmentIndex:
        lon0 = np.concatenate([c[:-1, 0] for c in parts])
        lat0 = np.concatenate([c[:-1, 1] for c in parts])
        lon1 = np.concatenate([c[1:, 0] for c in parts])
        lat1 = np.concatenate([c[1:, 1] for c in parts])
        azimuth, _, metres = GEOD.inv(lon0, lat0, lon1, lat1)
        azimuth = np.asarray(azimuth, dtype=np.float64)
        length = np.asarray(metres, dtype=np.float64) / 1000.0
        u0, u1 = _unit(lat0, lon0), _unit(lat1, lon1)
        cross = np.cross(u0, u1)
        norm = np.linalg.norm(cross, axis=1, keepdims=True)
        normal = np.divide(cross, norm, out=np.zeros_like(cross), where=norm > 0)

        # Vertices, each once, owned by the segments on both sides of it (a part's first
        # and last vertex by its one segment).
        v_lat = np.concatenate([c[:, 1] for c in parts])
        v_lon = np.concatenate([c[:, 0] for c in parts])
        sizes = np.array([c.shape[0] for c in parts])
        first_vertex = np.cumsum(sizes) - sizes
        # Vertex i of part p is the end of segment i - p - 1 and the start of segment i - p.
        part_of_vertex = np.repeat(np.arange(sizes.size), sizes)
        after = np.arange(v_lat.size) - part_of_vertex
        before = after - 1
        last_vertex = first_vertex + sizes - 1
        before[first_vertex] = after[first_vertex]
        after[last_vertex] = before[last_vertex]

        # Samples inside each segment, at most SAMPLE_SPACING_KM apart, vertices excluded.
        pieces = np.maximum(1, np.ceil(length / SAMPLE_SPACING_KM).astype(np.intp))
        owner = np.repeat(np.arange(length.size), pieces - 1)
        offset = np.arange(owner.size) - np.repeat(np.cumsum(pieces - 1) - (pieces - 1), pieces - 1)
        s_lon, s_lat, _ = GEOD.fwd(
            lon0[owner],
            lat0[owner],
            azimuth[owner],
            (offset + 1) / pieces[owner] * length[owner] * 1000.0,
        )
        lats = np.concatenate([v_lat, np.asarray(s_lat, dtype=np.float64)])
        lons = np.concatenate([v_lon, np.asarray(s_lon, dtype=np.float64)])
        sample_segments = np.column_stack(
            (np.concatenate([before, owner]), np.concatenate([after, owner]))
        ).astype(np.intp)
        return cls(
            lat0=lat0,
            lon0=lon0,
            azimuth=azimuth,
            length_km=length,
            u0=u0,
            u1=u1,
            normal=normal,
            arc=_angle(u0, u1),
            # Large leaves: far-away points visit fewer cells, which dominates query time.
            tree=cKDTree(_ecef_km(lats, lons), leafsize=64),
            sample_segments=sample_segments,
            spacing_km=float(np.max(length / pieces)),
        )

    def distances_km(self, lats: FloatArray, lons: FloatArray) -> FloatArray:
        point_of, seg_of = self._candidate_pairs(lats, lons)
        p = _unit(lats, lons)[point_of]
        sphere, t0, foot = self._on_sphere(p, seg_of)
        point_of, seg_of, t0 = self._keep_leading(point_of, seg_of, sphere, t0, foot)
        km = self._on_ellipsoid(lats[point_of], lons[point_of], seg_of, t0)
        out = np.full(lats.shape, np.inf)
        np.minimum.at(out, point_of, km)
        return out

    def _candidate_pairs(
        self, lats: FloatArray, lons: FloatArray
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """(point, segment) pairs that surely include each point's nearest segment.

        The line's nearest point X lies within spacing/2 of a sample S on its own segment
        (a vertex if X is one), so |PS| <= d1 + spacing/2, d1 being the distance to the
        nearest sample. When the k-th nearest sample is farther than that, S is among the
        k and the nearest segment is certified. Otherwise a point far away (d1 >= 36
        spacings) is still measured within spacing^2 / (8 d1^2) < 0.01 % by its nearest
        sample's segments; nearer points ask for four times as many samples, until all
        samples are in. Far points are picked out first with one sample each, the
        cheapest query, as most points are far from most lines.
        """
        xyz = _ecef_km(lats, lons)
        n_samples = self.sample_segments.shape[0]
        first_dist, first_idx = self.tree.query(xyz, k=1)
        far = np.asarray(first_dist, dtype=np.float64) >= _FAR_SPACINGS * self.spacing_km
        far_points = np.flatnonzero(far)
        pair = self.sample_segments[np.asarray(first_idx, dtype=np.intp)[far]]
        two = pair[:, 0] != pair[:, 1]
        points: list[npt.NDArray[np.intp]] = [far_points, far_points[two]]
        segments: list[npt.NDArray[np.intp]] = [pair[:, 0], pair[two, 1]]
        todo = np.flatnonzero(~far)
        k = min(_FIRST_K, n_samples)
        half = self.spacing_km / 2.0
        while todo.size:
            dist, idx = self.tree.query(xyz[todo], k=k)
            dist = np.asarray(dist, dtype=np.float64).reshape(todo.size, k)
            idx = np.asarray(idx, dtype=np.intp).reshape(todo.size, k)
            nearest = dist[:, 0]
            # The chord ranks points a little differently from the geodesic: 0.1 % slack.
            certain = dist[:, -1] > nearest * 1.001 + half + 1e-9
            done = certain | (nearest >= _FAR_SPACINGS * self.spacing_km) | (k >= n_samples)
            candidates = np.sort(self.sample_segments[idx[done]].reshape(-1, 2 * k), axis=1)
            fresh = np.ones(candidates.shape, dtype=bool)
            fresh[:, 1:] = candidates[:, 1:] != candidates[:, :-1]
            points.append(np.repeat(todo[done], fresh.sum(axis=1)))
            segments.append(candidates[fresh])
            todo = todo[~done]
            k = min(4 * k, n_samples)
        return np.concatenate(points), np.concatenate(segments)

    def _on_sphere(
        self, p: FloatArray, seg: npt.NDArray[np.intp]
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Spherical distance (km), position (0-1) and unit vector of the nearest point."""
        a, b, n = self.u0[seg], self.u1[seg], self.normal[seg]
        sin_cross = np.einsum("ij,ij->i", p, n)
        in_plane = p - sin_cross[:, None] * n
        norm = np.linalg.norm(in_plane, axis=1, keepdims=True)
        foot = np.divide(in_plane, norm, out=a.copy(), where=norm > 1e-12)
        between = (np.einsum("ij,ij->i", np.cross(a, foot), n) >= 0) & (
            np.einsum("ij,ij->i", np.cross(foot, b), n) >= 0
        )
        to_a, to_b = _angle(p, a), _angle(p, b)
        at_b = to_b < to_a
        angle = np.where(between, np.arctan2(np.abs(sin_cross), norm[:, 0]), np.minimum(to_a, to_b))
        arc = self.arc[seg]
        t0 = np.where(
            between,
            np.divide(_angle(a, foot), arc, out=np.zeros_like(arc), where=arc > 0),
            at_b.astype(np.float64),
        )
        foot = np.where(between[:, None], foot, np.where(at_b[:, None], b, a))
        return angle * _R_KM, np.clip(t0, 0.0, 1.0), foot

    @staticmethod
    def _keep_leading(
        point_of: npt.NDArray[np.intp],
        seg_of: npt.NDArray[np.intp],
        sphere_km: FloatArray,
        t0: FloatArray,
        foot: FloatArray,
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], FloatArray]:
        """Drop candidates the ellipsoid cannot rank first.

        Geodesic and spherical distances differ by a factor that varies with direction by
        under 1 %; between candidates seen in nearly the same direction (their nearest
        points close together compared with the distance) it varies proportionally less.
        """
        best = np.full(int(point_of.max()) + 1, np.inf)
        np.minimum.at(best, point_of, sphere_km)
        is_best = sphere_km == best[point_of]
        lead = np.zeros((best.size, 3))
        lead[point_of[is_best]] = foot[is_best]
        spread_km = np.linalg.norm(foot - lead[point_of], axis=1) * _R_KM
        slack = _SPHERE_SLACK * np.minimum(best[point_of], spread_km) + 1e-3
        keep = sphere_km <= best[point_of] + slack
        return point_of[keep], seg_of[keep], t0[keep]

    def _on_ellipsoid(
        self, lats: FloatArray, lons: FloatArray, seg: npt.NDArray[np.intp], t0: FloatArray
    ) -> FloatArray:
        """Newton steps along each geodesic segment to the foot of the perpendicular."""
        lat0, lon0, az, length = (
            self.lat0[seg],
            self.lon0[seg],
            self.azimuth[seg],
            self.length_km[seg],
        )
        s = t0 * length
        for _ in range(_NEWTON_STEPS):
            x_lon, x_lat, back = GEOD.fwd(lon0, lat0, az, s * 1000.0)
            to_p, _, metres = GEOD.inv(x_lon, x_lat, lons, lats)
            heading = np.radians(np.asarray(to_p) - (np.asarray(back) + 180.0))
            sigma = np.asarray(metres) / 1000.0 / _R_KM
            # Along-track offset of the perpendicular foot on the osculating sphere.
            step = _R_KM * np.arctan2(np.sin(sigma) * np.cos(heading), np.cos(sigma))
            previous, s = s, np.clip(s + step, 0.0, length)
        # The last step is metres or less: the right spherical triangle it spans gives the
        # perpendicular's length without another geodesic (cos c = cos a cos b, written in
        # half-angle sines to stay exact at small distances). A step cut short by a segment
        # end leaves the point at that end, measured where it is, or again if it moved.
        free = (previous + step >= 0.0) & (previous + step <= length)
        along = step / _R_KM
        half_sq = (np.sin(sigma / 2) ** 2 - np.sin(along / 2) ** 2) / np.cos(along)
        perpendicular = 2.0 * _R_KM * np.arcsin(np.sqrt(np.clip(half_sq, 0.0, 1.0)))
        km = np.where(free, perpendicular, sigma * _R_KM)
        moved = ~free & (s != previous)
        if moved.any():
            x_lon, x_lat, _ = GEOD.fwd(lon0[moved], lat0[moved], az[moved], s[moved] * 1000.0)
            _, _, metres = GEOD.inv(lons[moved], lats[moved], x_lon, x_lat)
            km[moved] = np.asarray(metres, dtype=np.float64) / 1000.0
        return np.asarray(km, dtype=np.float64)
