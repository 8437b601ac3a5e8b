"""Front-line snapshots: which line was in force on a date, and where a point was from it.

Snapshot format
---------------
Each default snapshot is one file ``<data dir>/frontlines/YYYY-MM-DD.geojson``; the file
name's date is the snapshot's id and the first day it is in force. The file is UTF-8
GeoJSON: a ``FeatureCollection`` holding exactly one ``Feature`` (a bare ``Feature`` is
accepted too) with

``geometry``
    A ``LineString`` or ``MultiLineString`` in WGS84 (lon, lat) order, two or more
    vertices per part. Segments are read as geodesics, so long straight segments are
    fine. Use one part per separate stretch of front (e.g. the main line and the Kursk
    salient); do not close the line along the coast or the state border unless that
    border is itself the line of contact. Draw the main part from the Dnipro mouth to the
    Russian border, so that the occupied side is on its right (see :class:`Territory`).
``properties``
    ``valid_from``
        ISO date, equal to the date in the file name.
    ``name``
        A short human title, e.g. ``"Line of contact, early November 2024"``.
    ``sources``
        A non-empty list of strings: the public sources the line was drawn from,
        described in words (e.g. ``"ISW campaign assessment, 2024-11-01"``).
    ``via``
        A list of strings, one name per vertex in vertex order, the parts one after
        another: the settlement (or "Dnipro between X and Y", "state border near Z")
        each vertex stands for.
    ``notes`` (optional)
        Free text on method or caveats.

Other properties are ignored. A file that breaks these rules raises
:class:`~dashboard.errors.DataError` when the snapshots are loaded.

Imported snapshots
------------------
``python -m dashboard frontline import`` (see :mod:`dashboard.geo.deepstate`) writes
``<data dir>/frontlines/imported/YYYY-MM-DD.geojson``, the user's own data, which git
ignores. The format is the one above with two differences: ``via`` is left out (the
vertices are not named places) and ``imported_from`` names the file read; and the line
``Feature`` may be followed by a second one whose ``properties.role`` is ``"occupied"``
and whose geometry, a ``Polygon`` or ``MultiPolygon``, is the occupied part of Ukraine
on that date. An imported snapshot's id is ``imported/YYYY-MM-DD``.

Which snapshot is in force
--------------------------
Default and imported snapshots form one series (:func:`load_series`). Each snapshot, of
either kind, is in force from its date until the next snapshot of either kind; where both
kinds share a date the imported one replaces the default. A date before the first
snapshot gets the first. An imported snapshot dated during the Kursk incursion keeps the
Ukrainian-held part of Kursk oblast of the default snapshot in force on its date, since
DeepStateMap's occupied area covers Ukraine only; its ``sources`` say so.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt
import shapely
from shapely.errors import ShapelyError
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, mapping, shape

from ..errors import DataError, InputError
from ..settings import get_settings
from .geometry import (
    Line,
    are_in_ukraine,
    cut_off_by_line,
    distance_to_line_km,
    distances_to_area_km,
    distances_to_border_km,
    distances_to_line_km,
    enclosed_outside,
    ukraine_outline,
)

Side = Literal["russia", "occupied", "ukraine_held"]
SIDES: tuple[Side, ...] = get_args(Side)
Origin = Literal["default", "imported"]

#: A point outside Ukraine's outline but this close to it takes the side of the nearest
#: Ukrainian land: the outline is simplified to 100 m and a port's point may lie on the
#: water (Kherson 0.4 km, Ochakiv 0.5 km out). Of the gazetteer's towns, 47 of the 48
#: Ukrainian ones outside the outline are this close, and no Russian one.
SHORE_KM = 2.0
IMPORTED_PREFIX = "imported/"

_FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})\.geojson$")
FloatArray = npt.NDArray[np.float64]
StrArray = npt.NDArray[np.str_]


@dataclass(frozen=True)
class Territory:
    """Who held what on a snapshot's date.

    For a default snapshot (a line only) the occupied area is what the line cuts off
    Ukraine's outline: each part of the line is carried to the outline at its ends, and
    of the two sides of a part the one holding the larger piece of Ukraine is held (see
    :func:`~dashboard.geo.geometry.cut_off_by_line`). The main line thus cuts off the east and
    south with Crimea; a short part between two points of the state border cuts off the
    strip along it. For an imported snapshot it is the imported polygon, settled against
    Ukraine's outline: of the rest of Ukraine, only the largest piece and the pieces that do
    not touch the occupied area (islands off the held coast) are held. The other pieces are
    slivers between the imported polygon and the outline's coast or border, or land the
    occupied area encloses, and count as occupied (this also counts a besieged pocket, such
    as Mariupol in April 2022, as occupied). Parts of the line lying mostly outside Ukraine
    enclose, with the state border, the Ukrainian-held land in Russia (the Kursk incursion).

    Parameters
    ----------
    occupied
        The occupied part of Ukraine, (lon, lat).
    held_abroad
        Ukrainian-held land outside Ukraine, (lon, lat); usually empty.
    held
        Ukrainian-held territory: Ukraine minus ``occupied``, plus ``held_abroad``.
    """

    occupied: MultiPolygon
    held_abroad: MultiPolygon
    held: MultiPolygon


@dataclass(frozen=True)
class Frontline:
    """One front-line snapshot.

    Parameters
    ----------
    id
        The snapshot's id: its file name's date, e.g. ``"2024-11-01"``, prefixed with
        ``"imported/"`` for an imported snapshot.
    valid_from
        The first day the snapshot is in force.
    name
        A short human title.
    line
        The line of contact, (lon, lat) order, geodesic segments.
    sources
        The public sources it was drawn from, in words.
    via
        The name each vertex stands for, in vertex order; empty for imported snapshots.
    origin
        ``"default"`` (shipped in ``data/frontlines``) or ``"imported"``.
    occupied
        The occupied part of Ukraine as imported; ``None`` when it is derived from the
        line (see :class:`Territory`).
    """

    id: str
    valid_from: date
    name: str
    line: Line
    sources: tuple[str, ...]
    via: tuple[str, ...]
    origin: Origin = "default"
    occupied: MultiPolygon | None = None

    @functools.cached_property
    def territory(self) -> Territory:
        """The occupied and Ukrainian-held territory on this snapshot's date (cached)."""
        outline = ukraine_outline()
        home, abroad = _home_and_abroad(self.line)
        if self.occupied is not None:
            occupied, held_home = _settled(outline, self.occupied)
        else:
            occupied = cut_off_by_line(outline, MultiLineString(home)) if home else MultiPolygon()
            held_home = _multipolygon(outline.difference(occupied))
        held_abroad = (
            enclosed_outside(outline, MultiLineString(abroad)) if abroad else MultiPolygon()
        )
        held = shapely.union_all([held_home, held_abroad]) if abroad else held_home
        return Territory(occupied=occupied, held_abroad=held_abroad, held=_multipolygon(held))


@dataclass(frozen=True)
class Measurement:
    """Where one point lay on a date, measured against the snapshot in force.

    Parameters
    ----------
    front_km
        Geodesic km to the front line.
    border_km
        Geodesic km to Ukraine's state border; 0 inside Ukraine.
    held_km
        Geodesic km to the nearest Ukrainian-held territory; 0 inside it.
    side
        ``"russia"`` (anywhere outside Ukraine and Ukrainian-held land: Russia, the sea,
        other countries), ``"occupied"`` or ``"ukraine_held"``.
    frontline_id
        The snapshot measured against.
    """

    front_km: float
    border_km: float
    held_km: float
    side: Side
    frontline_id: str


@dataclass(frozen=True)
class Measurements:
    """:class:`Measurement` for many points, as arrays of one length.

    ``NaN`` coordinates give ``NaN`` distances and an empty string as side.
    """

    front_km: FloatArray
    border_km: FloatArray
    held_km: FloatArray
    side: StrArray
    frontline_id: StrArray

    def __len__(self) -> int:
        return int(self.front_km.size)

    def __getitem__(self, i: int) -> Measurement:
        side = str(self.side[i])
        if side not in SIDES:
            raise InputError(f"point {i} has no coordinates and was not measured")
        return Measurement(
            front_km=float(self.front_km[i]),
            border_km=float(self.border_km[i]),
            held_km=float(self.held_km[i]),
            side=_as_side(side),
            frontline_id=str(self.frontline_id[i]),
        )


def frontlines_dir(data_dir: Path | None = None) -> Path:
    """The folder of default snapshot files: ``<data dir>/frontlines``."""
    return (data_dir or get_settings().data_dir) / "frontlines"


def imported_dir(data_dir: Path | None = None) -> Path:
    """The folder of imported snapshots: ``<data dir>/frontlines/imported``."""
    return frontlines_dir(data_dir) / "imported"


def load_frontlines(data_dir: Path | None = None) -> list[Frontline]:
    """The default snapshots, oldest first; imported ones are in :func:`load_series`.

    Parameters
    ----------
    data_dir
        The data folder holding ``frontlines/``; the configured data folder by default.

    Returns
    -------
    list of Frontline
        Sorted by ``valid_from``. Files are read again only when they change.

    Raises
    ------
    DataError
        If the folder is missing, holds no snapshot, or a snapshot breaks the format.
    """
    folder = frontlines_dir(data_dir)
    return list(_load_files(folder.resolve(), _stamp(folder, required=True)))


def load_imported(data_dir: Path | None = None) -> list[Frontline]:
    """The imported snapshots as stored, oldest first; none if nothing was imported.

    Raises
    ------
    DataError
        If an imported snapshot breaks the format.
    """
    folder = imported_dir(data_dir)
    return list(_load_files(folder.resolve(), _stamp(folder, required=False), imported=True))


def load_series(data_dir: Path | None = None) -> list[Frontline]:
    """Default and imported snapshots as one series, oldest first.

    An imported snapshot replaces a default one of the same date; during the Kursk
    incursion it takes the Ukrainian-held part of Kursk oblast from the default snapshot
    in force on its date (see the module notes).

    Raises
    ------
    DataError
        If the snapshots cannot be loaded.
    """
    folder = frontlines_dir(data_dir)
    default_stamp = _stamp(folder, required=True)
    imported_stamp = _stamp(folder / "imported", required=False)
    return list(_load_series(folder.resolve(), default_stamp, imported_stamp))


def frontline_for(on: date, data_dir: Path | None = None) -> Frontline:
    """The snapshot in force on a date, imported ones included.

    That is the latest snapshot whose ``valid_from`` is on or before ``on``; a date before
    the first snapshot gets the first, the best line known for it.

    Raises
    ------
    DataError
        If the snapshots cannot be loaded.
    """
    snapshots = load_series(data_dir)
    return snapshots[int(_in_force([s.valid_from for s in snapshots], [on])[0])]


def distance_to_front_km(
    lat: float, lon: float, on: date, data_dir: Path | None = None
) -> tuple[float, str]:
    """Geodesic distance from a point to the front line in force on a date.

    Parameters
    ----------
    lat, lon
        The point, in decimal degrees.
    on
        The date that picks the snapshot (see :func:`frontline_for`).
    data_dir
        The data folder; the configured one by default.

    Returns
    -------
    tuple of (float, str)
        Kilometres on WGS84, and the id of the snapshot measured against.

    Raises
    ------
    InputError
        If the point is not a valid coordinate.
    DataError
        If the snapshots cannot be loaded.
    """
    snapshot = frontline_for(on, data_dir)
    return distance_to_line_km(lat, lon, snapshot.line), snapshot.id


def distances_to_front_km(
    lats: npt.ArrayLike,
    lons: npt.ArrayLike,
    dates: Sequence[date] | npt.NDArray[np.datetime64],
    data_dir: Path | None = None,
) -> tuple[FloatArray, StrArray]:
    """Vectorised :func:`distance_to_front_km`: each point against its own date's line.

    Points are grouped by snapshot so each line is searched once per group.

    Parameters
    ----------
    lats, lons
        One-dimensional arrays of decimal degrees; ``NaN`` gives a ``NaN`` distance.
    dates
        One date per point: ``datetime.date`` objects or ``datetime64``.
    data_dir
        The data folder; the configured one by default.

    Returns
    -------
    tuple of numpy.ndarray
        Kilometres, and the snapshot id used for each point.

    Raises
    ------
    InputError
        If the arrays differ in length or a latitude is out of range.
    DataError
        If the snapshots cannot be loaded.
    """
    lat_arr, lon_arr, snapshots, which = _grouped(lats, lons, dates, data_dir)
    km = np.full(lat_arr.size, np.nan)
    for i in np.unique(which):
        group = which == i
        km[group] = distances_to_line_km(lat_arr[group], lon_arr[group], snapshots[i].line)
    return km, np.array([s.id for s in snapshots])[which]


def side_of(lat: float, lon: float, on: date, data_dir: Path | None = None) -> Side:
    """Which side a point was on, on a date: ``russia``, ``occupied`` or ``ukraine_held``.

    ``russia`` stands for anywhere outside Ukraine and Ukrainian-held land (Russia, the
    sea, other countries); a point within :data:`SHORE_KM` of Ukraine's outline takes the
    side of the nearest Ukrainian land. The Ukrainian-held part of Kursk oblast during the
    incursion is ``ukraine_held``.

    Raises
    ------
    InputError
        If the point is not a valid coordinate.
    DataError
        If the snapshots cannot be loaded.
    """
    return measure_point(lat, lon, on, data_dir).side


def distance_to_held_km(
    lat: float, lon: float, on: date, data_dir: Path | None = None
) -> tuple[float, str]:
    """Geodesic distance to the nearest Ukrainian-held territory on a date; 0 inside it.

    Ukrainian-held territory is Ukraine minus the occupied area of the snapshot in force,
    plus, during the Kursk incursion, the Ukrainian-held part of Kursk oblast.

    Returns
    -------
    tuple of (float, str)
        Kilometres on WGS84, and the id of the snapshot used.

    Raises
    ------
    InputError
        If the point is not a valid coordinate.
    DataError
        If the snapshots cannot be loaded.
    """
    measured = measure_point(lat, lon, on, data_dir)
    return measured.held_km, measured.frontline_id


def measure_point(lat: float, lon: float, on: date, data_dir: Path | None = None) -> Measurement:
    """All three distances and the side of one point (see :func:`measure_points`).

    Raises
    ------
    InputError
        If the point is not a valid coordinate.
    DataError
        If the snapshots cannot be loaded.
    """
    if not (np.isfinite(lat) and np.isfinite(lon)):
        raise InputError(f"not a coordinate: ({lat}, {lon})")
    return measure_points([lat], [lon], [on], data_dir)[0]


def measure_points(
    lats: npt.ArrayLike,
    lons: npt.ArrayLike,
    dates: Sequence[date] | npt.NDArray[np.datetime64],
    data_dir: Path | None = None,
) -> Measurements:
    """Three geodesic distances and the side of many points, each on its own date.

    Parameters
    ----------
    lats, lons
        One-dimensional arrays of decimal degrees; ``NaN`` leaves a point unmeasured.
    dates
        One date per point: ``datetime.date`` objects or ``datetime64``.
    data_dir
        The data folder; the configured one by default.

    Returns
    -------
    Measurements
        Per point: km to the front line in force, to Ukraine's state border (0 inside
        Ukraine) and to the nearest Ukrainian-held territory (0 inside it), the side (see
        :func:`side_of`) and the snapshot id.

    Raises
    ------
    InputError
        If the arrays differ in length or a latitude is out of range.
    DataError
        If the snapshots cannot be loaded.
    """
    lat_arr, lon_arr, snapshots, which = _grouped(lats, lons, dates, data_dir)
    finite = np.isfinite(lat_arr) & np.isfinite(lon_arr)
    in_ukraine = are_in_ukraine(lat_arr, lon_arr)
    border_km = distances_to_border_km(lat_arr, lon_arr)
    front_km = np.full(lat_arr.size, np.nan)
    held_km = np.full(lat_arr.size, np.nan)
    side = np.full(lat_arr.size, "", dtype="<U12")
    for i in np.unique(which):
        group = np.flatnonzero(which == i)
        snapshot = snapshots[i]
        front_km[group] = distances_to_line_km(lat_arr[group], lon_arr[group], snapshot.line)
        territory = snapshot.territory
        held_km[group] = distances_to_area_km(lat_arr[group], lon_arr[group], territory.held)
        held = held_km[group] == 0.0
        side[group] = np.where(held, "ukraine_held", np.where(in_ukraine[group], "occupied", ""))
        # Near the shore the nearest Ukrainian land decides; it is held when held land is
        # as near as Ukraine itself.
        shore = group[~held & (border_km[group] > 0.0) & (border_km[group] <= SHORE_KM)]
        nearest_held = held_km[shore] <= border_km[shore] * (1.0 + 1e-9) + 1e-9
        side[shore] = np.where(nearest_held, "ukraine_held", "occupied")
    side[finite & (side == "")] = "russia"
    return Measurements(
        front_km=front_km,
        border_km=border_km,
        held_km=held_km,
        side=side,
        frontline_id=np.array([s.id for s in snapshots])[which],
    )


def sides_of(
    lats: npt.ArrayLike,
    lons: npt.ArrayLike,
    dates: Sequence[date] | npt.NDArray[np.datetime64],
    data_dir: Path | None = None,
) -> StrArray:
    """Vectorised :func:`side_of`; ``NaN`` coordinates give an empty string."""
    return measure_points(lats, lons, dates, data_dir).side


def distances_to_held_km(
    lats: npt.ArrayLike,
    lons: npt.ArrayLike,
    dates: Sequence[date] | npt.NDArray[np.datetime64],
    data_dir: Path | None = None,
) -> tuple[FloatArray, StrArray]:
    """Vectorised :func:`distance_to_held_km`: kilometres and the snapshot id per point."""
    lat_arr, lon_arr, snapshots, which = _grouped(lats, lons, dates, data_dir)
    km = np.full(lat_arr.size, np.nan)
    for i in np.unique(which):
        group = which == i
        held = snapshots[i].territory.held
        km[group] = distances_to_area_km(lat_arr[group], lon_arr[group], held)
    return km, np.array([s.id for s in snapshots])[which]


def write_imported(
    snapshot: Frontline, imported_from: str, data_dir: Path | None = None, notes: str = ""
) -> Path:
    """Store an imported snapshot as ``<data dir>/frontlines/imported/YYYY-MM-DD.geojson``.

    A snapshot of the same date is replaced. The file is written whole, then renamed, so
    a reader never sees half of it.

    Parameters
    ----------
    snapshot
        The snapshot; its ``occupied`` area, if any, is stored with it.
    imported_from
        The name of the file it was read from.
    data_dir
        The data folder; the configured one by default.
    notes
        Free text on how it was made.

    Returns
    -------
    Path
        The file written.
    """
    folder = imported_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    day = snapshot.valid_from.isoformat()
    properties: dict[str, Any] = {
        "valid_from": day,
        "name": snapshot.name,
        "sources": list(snapshot.sources),
        "imported_from": imported_from,
    }
    if notes:
        properties["notes"] = notes
    features: list[dict[str, Any]] = [
        {"type": "Feature", "properties": properties, "geometry": _rounded(snapshot.line)}
    ]
    if snapshot.occupied is not None:
        features.append(
            {
                "type": "Feature",
                "properties": {"role": "occupied"},
                "geometry": _rounded(snapshot.occupied),
            }
        )
    path = folder / f"{day}.geojson"
    part = folder / f".{day}.geojson.part"
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    part.write_text(text, encoding="utf-8")
    part.replace(path)
    return path


def _grouped(
    lats: npt.ArrayLike,
    lons: npt.ArrayLike,
    dates: Sequence[date] | npt.NDArray[np.datetime64],
    data_dir: Path | None,
) -> tuple[FloatArray, FloatArray, list[Frontline], npt.NDArray[np.intp]]:
    """Flat coordinate arrays, the series, and the index of each point's snapshot."""
    lat_arr = np.asarray(lats, dtype=np.float64).ravel()
    lon_arr = np.asarray(lons, dtype=np.float64).ravel()
    day_arr = np.asarray(dates, dtype="datetime64[D]").ravel()
    if not lat_arr.size == lon_arr.size == day_arr.size:
        raise InputError(
            f"{lat_arr.size} latitudes, {lon_arr.size} longitudes and {day_arr.size} dates"
        )
    snapshots = load_series(data_dir)
    return lat_arr, lon_arr, snapshots, _in_force([s.valid_from for s in snapshots], day_arr)


def _in_force(
    starts: Sequence[date], days: Sequence[date] | npt.NDArray[np.datetime64]
) -> npt.NDArray[np.intp]:
    """Index of the snapshot in force on each day, given sorted start dates."""
    start_arr = np.asarray(starts, dtype="datetime64[D]")
    day_arr = np.asarray(days, dtype="datetime64[D]")
    index = np.searchsorted(start_arr, day_arr, side="right") - 1
    return np.asarray(np.clip(index, 0, None), dtype=np.intp)


def _stamp(folder: Path, *, required: bool) -> tuple[tuple[str, int, int], ...]:
    """Names, modification times and sizes of a folder's snapshot files: a cache key."""
    if not folder.is_dir():
        if required:
            raise DataError(f"no front-line folder at {folder}")
        return ()
    files = sorted(p for p in folder.iterdir() if _FILE_NAME.match(p.name))
    if not files and required:
        raise DataError(f"no front-line snapshot (YYYY-MM-DD.geojson) in {folder}")
    stats = [(p.name, p.stat()) for p in files]
    return tuple((name, st.st_mtime_ns, st.st_size) for name, st in stats)


@functools.lru_cache(maxsize=8)
def _load_files(
    folder: Path, stamp: tuple[tuple[str, int, int], ...], imported: bool = False
) -> tuple[Frontline, ...]:
    # ``stamp`` (names, mtimes, sizes) is part of the cache key: a changed file is reread.
    snapshots = tuple(_read_snapshot(folder / name, imported) for name, _, _ in stamp)
    return tuple(sorted(snapshots, key=lambda s: s.valid_from))


@functools.lru_cache(maxsize=8)
def _load_series(
    folder: Path,
    default_stamp: tuple[tuple[str, int, int], ...],
    imported_stamp: tuple[tuple[str, int, int], ...],
) -> tuple[Frontline, ...]:
    defaults = _load_files(folder, default_stamp)
    imported = _load_files(folder / "imported", imported_stamp, imported=True)
    starts = [s.valid_from for s in defaults]
    series = [s for s in defaults if s.valid_from not in {i.valid_from for i in imported}]
    for snapshot in imported:
        in_force = defaults[int(_in_force(starts, [snapshot.valid_from])[0])]
        series.append(_with_held_abroad(snapshot, in_force))
    return tuple(sorted(series, key=lambda s: s.valid_from))


def _with_held_abroad(snapshot: Frontline, default: Frontline) -> Frontline:
    """An imported snapshot plus the parts of a default one's line outside Ukraine."""
    _, abroad = _home_and_abroad(default.line)
    if not abroad:
        return snapshot
    own = list(_parts(snapshot.line))
    return replace(
        snapshot,
        line=MultiLineString([*own, *abroad]),
        sources=(
            *snapshot.sources,
            f"Ukrainian-held part of Kursk oblast: default snapshot {default.id}",
        ),
    )


def _home_and_abroad(line: Line) -> tuple[list[LineString], list[LineString]]:
    """A line's parts inside Ukraine, and those with most vertices outside it."""
    home: list[LineString] = []
    abroad: list[LineString] = []
    for part in _parts(line):
        coords = np.asarray(part.coords, dtype=np.float64)
        outside = ~are_in_ukraine(coords[:, 1], coords[:, 0])
        (abroad if outside.mean() > 0.5 else home).append(part)
    return home, abroad


def _parts(line: Line) -> list[LineString]:
    return list(line.geoms) if isinstance(line, MultiLineString) else [line]


def _settled(outline: MultiPolygon, occupied: MultiPolygon) -> tuple[MultiPolygon, MultiPolygon]:
    """An imported occupied area plus the pieces of Ukraine it cuts off from the held main
    body, and the held rest (see :class:`Territory`)."""
    rest = [p for p in shapely.get_parts(outline.difference(occupied)) if p.area > 0]
    if not rest:
        return _multipolygon(outline), MultiPolygon()
    main = max(rest, key=lambda p: p.area)
    keep = [p is main or not p.intersects(occupied) for p in rest]
    cut_off = [p for p, kept in zip(rest, keep, strict=True) if not kept]
    held = MultiPolygon([p for p, kept in zip(rest, keep, strict=True) if kept])
    return _multipolygon(shapely.union_all([occupied, *cut_off])), held


def _multipolygon(geometry: Any) -> MultiPolygon:
    polygons = [g for g in shapely.get_parts(geometry) if isinstance(g, Polygon) and g.area > 0]
    return MultiPolygon(polygons)


def _rounded(geometry: Any) -> dict[str, Any]:
    # Six decimals are 0.1 m: far below any front line's accuracy, and half the file.
    return dict(mapping(shapely.set_precision(geometry, 1e-6)))


def _as_side(text: str) -> Side:
    for side in SIDES:
        if side == text:
            return side
    raise InputError(f"not a side: {text!r}")


def _read_snapshot(path: Path, imported: bool = False) -> Frontline:
    match = _FILE_NAME.match(path.name)
    if match is None:
        raise DataError(f"{path.name}: a snapshot's file name is YYYY-MM-DD.geojson")
    try:
        day_text = match.group(1)
        day = date.fromisoformat(day_text)
    except ValueError as exc:
        raise DataError(f"{path.name}: not a date") from exc
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: not readable GeoJSON: {exc}") from exc
    features = _features(data, path, imported)
    feature = features[0]
    props = feature.get("properties")
    if not isinstance(props, dict):
        raise DataError(f"{path}: the feature has no properties")
    if props.get("valid_from") != day_text:
        raise DataError(f"{path}: valid_from {props.get('valid_from')!r} differs from the name")
    line = _line(feature.get("geometry"), path)
    name = props.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataError(f"{path}: name must be a non-empty string")
    sources = _strings(props.get("sources"), "sources", path)
    if not sources:
        raise DataError(f"{path}: sources must name at least one source")
    if imported:
        occupied = _occupied(features[1], path) if len(features) > 1 else None
        return Frontline(
            id=IMPORTED_PREFIX + day_text,
            valid_from=day,
            name=name,
            line=line,
            sources=sources,
            via=(),
            origin="imported",
            occupied=occupied,
        )
    via = _strings(props.get("via"), "via", path)
    vertices = sum(len(part.coords) for part in _parts(line))
    if len(via) != vertices:
        raise DataError(f"{path}: via has {len(via)} names for {vertices} vertices")
    return Frontline(id=day_text, valid_from=day, name=name, line=line, sources=sources, via=via)


def _features(data: Any, path: Path, imported: bool) -> list[dict[str, Any]]:
    if isinstance(data, dict) and data.get("type") == "Feature":
        return [data]
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        most = 2 if imported else 1
        if (
            isinstance(features, list)
            and 1 <= len(features) <= most
            and all(isinstance(f, dict) for f in features)
        ):
            return features
        what = "a line and an optional occupied area" if imported else "exactly one feature"
        raise DataError(f"{path}: a snapshot's FeatureCollection holds {what}")
    raise DataError(f"{path}: expected a GeoJSON Feature or FeatureCollection")


def _occupied(feature: dict[str, Any], path: Path) -> MultiPolygon:
    props = feature.get("properties")
    geometry = feature.get("geometry")
    if not isinstance(props, dict) or props.get("role") != "occupied":
        raise DataError(f"{path}: the second feature must have the role 'occupied'")
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        raise DataError(f"{path}: the occupied area must be a Polygon or MultiPolygon")
    try:
        area = shape(geometry)
    except (KeyError, TypeError, ValueError, AttributeError, ShapelyError) as exc:
        raise DataError(f"{path}: malformed occupied area: {exc}") from exc
    if not area.is_valid:
        area = shapely.make_valid(area)
    return _multipolygon(area)


def _line(geometry: Any, path: Path) -> Line:
    if not isinstance(geometry, dict) or geometry.get("type") not in {
        "LineString",
        "MultiLineString",
    }:
        raise DataError(f"{path}: the geometry must be a LineString or MultiLineString")
    try:
        line = shape(geometry)
    except (KeyError, TypeError, ValueError, AttributeError, ShapelyError) as exc:
        raise DataError(f"{path}: malformed geometry: {exc}") from exc
    if not isinstance(line, LineString | MultiLineString) or line.is_empty:
        raise DataError(f"{path}: the geometry must be a non-empty line")
    for part in _parts(line):
        coords = np.asarray(part.coords, dtype=np.float64)
        if len(coords) < 2 or not np.isfinite(coords).all():
            raise DataError(f"{path}: every part needs two or more finite vertices")
        if np.any(np.abs(coords[:, 0]) > 180.0) or np.any(np.abs(coords[:, 1]) > 90.0):
            raise DataError(f"{path}: a vertex is not (lon, lat) in degrees")
    return line


def _strings(value: Any, field: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{path}: {field} must be a list of non-empty strings")
    return tuple(value)
