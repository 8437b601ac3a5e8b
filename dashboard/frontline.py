"""Front-line snapshots: which line was in force on a date, and how far a point was from it.

Snapshot format
---------------
Each snapshot is one file ``<data dir>/frontlines/YYYY-MM-DD.geojson``; the file name's
date is the snapshot's id and the first day it is in force. It stays in force until the
next snapshot's date. The file is UTF-8 GeoJSON: a ``FeatureCollection`` holding exactly
one ``Feature`` (a bare ``Feature`` is accepted too) with

``geometry``
    A ``LineString`` or ``MultiLineString`` in WGS84 (lon, lat) order, two or more
    vertices per part. Segments are read as geodesics, so long straight segments are
    fine. Use one part per separate stretch of front (e.g. the main line and the Kursk
    salient); do not close the line along the coast or the state border unless that
    border is itself the line of contact.
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
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from shapely.errors import ShapelyError
from shapely.geometry import LineString, MultiLineString, shape

from .errors import DataError, InputError
from .geometry import Line, distance_to_line_km, distances_to_line_km
from .settings import get_settings

_FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})\.geojson$")


@dataclass(frozen=True)
class Frontline:
    """One front-line snapshot.

    Parameters
    ----------
    id
        The snapshot's id: its file name's date, e.g. ``"2024-11-01"``.
    valid_from
        The first day the snapshot is in force.
    name
        A short human title.
    line
        The line of contact, (lon, lat) order, geodesic segments.
    sources
        The public sources it was drawn from, in words.
    via
        The name each vertex stands for, in vertex order.
    """

    id: str
    valid_from: date
    name: str
    line: Line
    sources: tuple[str, ...]
    via: tuple[str, ...]


def frontlines_dir(data_dir: Path | None = None) -> Path:
    """The folder of snapshot files: ``<data dir>/frontlines``."""
    return (data_dir or get_settings().data_dir) / "frontlines"


def load_frontlines(data_dir: Path | None = None) -> list[Frontline]:
    """All snapshots, oldest first.

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
    if not folder.is_dir():
        raise DataError(f"no front-line folder at {folder}")
    files = sorted(p for p in folder.iterdir() if _FILE_NAME.match(p.name))
    if not files:
        raise DataError(f"no front-line snapshot (YYYY-MM-DD.geojson) in {folder}")
    stats = [(p.name, p.stat()) for p in files]
    stamp = tuple((name, st.st_mtime_ns, st.st_size) for name, st in stats)
    return list(_load_files(folder.resolve(), stamp))


def frontline_for(on: date, data_dir: Path | None = None) -> Frontline:
    """The snapshot in force on a date.

    That is the latest snapshot whose ``valid_from`` is on or before ``on``; a date before
    the first snapshot gets the first, the best line known for it.

    Raises
    ------
    DataError
        If the snapshots cannot be loaded.
    """
    snapshots = load_frontlines(data_dir)
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
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.str_]]:
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
    lat_arr = np.asarray(lats, dtype=np.float64).ravel()
    lon_arr = np.asarray(lons, dtype=np.float64).ravel()
    day_arr = np.asarray(dates, dtype="datetime64[D]").ravel()
    if not lat_arr.size == lon_arr.size == day_arr.size:
        raise InputError(
            f"{lat_arr.size} latitudes, {lon_arr.size} longitudes and {day_arr.size} dates"
        )
    snapshots = load_frontlines(data_dir)
    which = _in_force([s.valid_from for s in snapshots], day_arr)
    km = np.full(lat_arr.size, np.nan)
    for i in np.unique(which):
        group = which == i
        km[group] = distances_to_line_km(lat_arr[group], lon_arr[group], snapshots[i].line)
    ids = np.array([s.id for s in snapshots])[which]
    return km, ids


def _in_force(
    starts: Sequence[date], days: Sequence[date] | npt.NDArray[np.datetime64]
) -> npt.NDArray[np.intp]:
    """Index of the snapshot in force on each day, given sorted start dates."""
    start_arr = np.asarray(starts, dtype="datetime64[D]")
    day_arr = np.asarray(days, dtype="datetime64[D]")
    index = np.searchsorted(start_arr, day_arr, side="right") - 1
    return np.asarray(np.clip(index, 0, None), dtype=np.intp)


@functools.lru_cache(maxsize=8)
def _load_files(folder: Path, stamp: tuple[tuple[str, int, int], ...]) -> tuple[Frontline, ...]:
    # ``stamp`` (names, mtimes, sizes) is part of the cache key: a changed file is reread.
    snapshots = tuple(_read_snapshot(folder / name) for name, _, _ in stamp)
    return tuple(sorted(snapshots, key=lambda s: s.valid_from))


def _read_snapshot(path: Path) -> Frontline:
    match = _FILE_NAME.match(path.name)
    if match is None:
        raise DataError(f"{path.name}: a snapshot's file name is YYYY-MM-DD.geojson")
    try:
        snapshot_id = match.group(1)
        day = date.fromisoformat(snapshot_id)
    except ValueError as exc:
        raise DataError(f"{path.name}: not a date") from exc
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: not readable GeoJSON: {exc}") from exc
    feature = _single_feature(data, path)
    props = feature.get("properties")
    if not isinstance(props, dict):
        raise DataError(f"{path}: the feature has no properties")
    if props.get("valid_from") != snapshot_id:
        raise DataError(f"{path}: valid_from {props.get('valid_from')!r} differs from the name")
    line = _line(feature.get("geometry"), path)
    name = props.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataError(f"{path}: name must be a non-empty string")
    sources = _strings(props.get("sources"), "sources", path)
    if not sources:
        raise DataError(f"{path}: sources must name at least one source")
    via = _strings(props.get("via"), "via", path)
    parts = line.geoms if isinstance(line, MultiLineString) else [line]
    vertices = sum(len(part.coords) for part in parts)
    if len(via) != vertices:
        raise DataError(f"{path}: via has {len(via)} names for {vertices} vertices")
    return Frontline(id=snapshot_id, valid_from=day, name=name, line=line, sources=sources, via=via)


def _single_feature(data: Any, path: Path) -> dict[str, Any]:
    if isinstance(data, dict) and data.get("type") == "Feature":
        return data
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        if isinstance(features, list) and len(features) == 1 and isinstance(features[0], dict):
            return features[0]
        raise DataError(f"{path}: a snapshot's FeatureCollection holds exactly one feature")
    raise DataError(f"{path}: expected a GeoJSON Feature or FeatureCollection")


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
    parts = line.geoms if isinstance(line, MultiLineString) else [line]
    for part in parts:
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
