"""Import real front lines: DeepStateMap exports and plain dated GeoJSON.

``python -m dashboard frontline import PATH...`` reads three kinds of file (a folder
stands for the ``.geojson`` and ``.json`` files in it):

*DeepStateMap raw exports* (``raw_YYYYMMDD_UNIXTIME.geojson``)
    The map's own export: hundreds of features. The occupied area is the union of the
    polygons whose ``name`` marks them occupied ("Окуповано /// Occupied", "ОРДЛО /// CADR
    and CALR", "Окупований Крим", in the earliest exports Ukrainian only, in any spacing,
    with non-breaking spaces or line breaks). Polygons marked liberated or of unknown
    status, points, and unlabelled polygons are left out; the historical "occupied"
    polygons far from Ukraine (Abkhazia, Karelia...) fall away when the area is clipped to
    Ukraine. A file is read this way when any feature's name carries such a status mark.
*DeepStateMap's cleaned archive* (``occupied_YYYYMMDD.geojson``), and any GeoJSON of
    dated polygons: every polygon is occupied area.
*Plain GeoJSON lines*: the lines are the front line itself; the occupied area is then
    derived from the line as for the default snapshots
    (:class:`~dashboard.geo.frontline.Territory`).

The date is the ``valid_from`` or ``date`` property of the features (or of the collection),
else the date in the file name (``raw_20240601_...``, ``occupied_20241101``,
``front-2024-11-01``). Features with different dates in one file make one snapshot each.

From an occupied area the import keeps its part inside Ukraine, with gaps narrower than
``2 * CLOSE_KM`` closed (seams between DeepStateMap's polygons, river channels inside
occupied land), and draws the front line as the edge of the largest Ukrainian-held piece
of Ukraine less its stretches within ``MARGIN_KM`` of the state border or the coast:
those are not front, nor are enclosed gaps such as the Syvash.

Each snapshot is saved in the project's format with its occupied area
(:func:`~dashboard.geo.frontline.write_imported`) under ``data/frontlines/imported/``, where it
takes precedence over the default snapshots from its date on (see
:mod:`dashboard.geo.frontline`).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import numpy as np
import shapely
from pyproj import Geod
from shapely.errors import ShapelyError
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry

from ..errors import InputError
from .frontline import Frontline, imported_dir, load_series, write_imported
from .geometry import Line, are_in_ukraine, to_local, to_lonlat, ukraine_outline

#: Stretches of the occupied area's edge this close to the state border or coast are not
#: front.
MARGIN_KM = 3.0
#: Gaps up to twice this wide between occupied polygons are closed.
CLOSE_KM = 2.0
#: The closed area is simplified to this tolerance: DeepStateMap's own vertices are tens
#: of metres apart, and closing adds many more on every bend.
SIMPLIFY_M = 50.0
#: Fragments (lower case, any spacing) that mark a raw export's polygon as occupied.
OCCUPIED_MARKS = (
    "окупован",
    "occupied",
    "ордло",
    "cadr",
    "calr",
    "крим",
    "crimea",
    "зайняті ворогом",
)
#: Fragments that mark any other status; such a polygon is left out even if it also
#: reads "occupied" (e.g. "previously occupied, liberated").
OTHER_MARKS = (
    "звільн",
    "liberated",
    "dismissed",
    "невідом",
    "unknown",
    "під питанням",
    "відсутн",
)

Kind = Literal["DeepStateMap raw export", "occupied area", "front line"]

_GEOD = Geod(ellps="WGS84")
_DEEPSTATE_NAME = re.compile(r"^(raw|occupied)_(\d{4})(\d{2})(\d{2})(?:_\d+)?\.geojson$")
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Reading:
    """One dated snapshot read from a file, before it is cleaned and saved.

    Parameters
    ----------
    path
        The file read.
    valid_from
        The date it holds for.
    kind
        What the file held: a DeepStateMap raw export, an occupied area, or a front line.
    occupied
        The occupied area as read, (lon, lat), not yet clipped; ``None`` for a line.
    line
        The front line as read; ``None`` when it is to be drawn from ``occupied``.
    """

    path: Path
    valid_from: date
    kind: Kind
    occupied: BaseGeometry | None
    line: Line | None


@dataclass(frozen=True)
class ImportResult:
    """What became of one snapshot, or of a file that gave none.

    Parameters
    ----------
    path
        The file read.
    snapshot
        The snapshot saved; ``None`` when skipped.
    saved_to
        Where it was saved; ``None`` when skipped.
    reason
        Why it was skipped; empty when imported.
    kind
        What the file held, when known.
    """

    path: Path
    snapshot: Frontline | None = None
    saved_to: Path | None = None
    reason: str = ""
    kind: str = ""

    @property
    def imported(self) -> bool:
        """Whether a snapshot was saved."""
        return self.snapshot is not None

    def describe(self) -> str:
        """One line for the user: what was imported from the file, or why it was not."""
        if self.snapshot is None:
            return f"{self.path.name}: skipped: {self.reason}"
        snapshot = self.snapshot
        front_km = _GEOD.geometry_length(snapshot.line) / 1000.0
        parts = len(snapshot.line.geoms) if isinstance(snapshot.line, MultiLineString) else 1
        area = (
            f", occupied area {abs(_GEOD.geometry_area_perimeter(snapshot.occupied)[0]) / 1e6:,.0f}"
            " km²"
            if snapshot.occupied is not None
            else ", occupied area derived from the line"
        )
        return (
            f"{self.path.name}: imported {snapshot.id} ({self.kind}): front line "
            f"{front_km:,.0f} km in {parts} part{'s' if parts != 1 else ''}{area}"
        )


def is_occupied_label(name: Any) -> bool:
    """Whether a raw export's feature name marks an occupied area.

    Parameters
    ----------
    name
        The feature's ``properties.name``.

    Returns
    -------
    bool
        True for e.g. "Окуповано /// Occupied /// geoJSON.status.occupied", "ОРДЛО",
        "Окупований Крим"; False for liberated or unknown areas and for anything else.
    """
    text = _normal(name)
    return any(m in text for m in OCCUPIED_MARKS) and not any(m in text for m in OTHER_MARKS)


def is_status_label(name: Any) -> bool:
    """Whether a feature name carries any DeepStateMap status (occupied, liberated...)."""
    text = _normal(name)
    return "///" in text or any(m in text for m in (*OCCUPIED_MARKS, *OTHER_MARKS))


def date_in_name(name: str) -> date | None:
    """The date a file's name carries: ``raw_YYYYMMDD_…``, ``occupied_YYYYMMDD``, or any
    ``YYYY-MM-DD`` or ``YYYYMMDD`` in it; ``None`` if there is none."""
    match = _DEEPSTATE_NAME.match(name)
    found = [match.groups()[1:]] if match else _DATE_IN_NAME.findall(name)
    for year, month, day in found:
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


def deepstate_files(folder: Path) -> list[tuple[date, Path]]:
    """DeepStateMap files (``raw_*`` and ``occupied_*``) in a folder with their dates,
    oldest first."""
    found = []
    for path in folder.iterdir():
        if _DEEPSTATE_NAME.match(path.name):
            day = date_in_name(path.name)
            if day is not None:
                found.append((day, path))
    return sorted(found)


def read_file(path: Path) -> list[Reading]:
    """The dated snapshots in one file, as read (see the module notes for the formats).

    Parameters
    ----------
    path
        A GeoJSON file.

    Returns
    -------
    list of Reading
        One per date, oldest first.

    Raises
    ------
    InputError
        If the file is not readable GeoJSON, holds no polygon or line, or has no date.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not readable GeoJSON: {exc}") from exc
    features = _features_of(data)
    if not features:
        raise InputError("no GeoJSON features")
    raw = any(is_status_label(_props(f).get("name")) for f in features)
    file_day = _date_property(data) or date_in_name(path.name)
    by_day: dict[date, tuple[list[Polygon], list[LineString]]] = {}
    for feature in features:
        if raw and not is_occupied_label(_props(feature).get("name")):
            continue
        day = _date_property(_props(feature)) or file_day
        if day is None:
            raise InputError("no date: give features a valid_from or date, or name the file")
        polygons, lines = by_day.setdefault(day, ([], []))
        for piece in _pieces(feature.get("geometry")):
            if isinstance(piece, Polygon):
                polygons.append(piece)
            elif isinstance(piece, LineString) and not raw:
                # A raw export's lines are drawings (arrows, outlines), not the front.
                lines.append(piece)
    readings = []
    for day, (polygons, lines) in sorted(by_day.items()):
        if not polygons and not lines:
            continue
        kind: Kind = (
            "DeepStateMap raw export" if raw else "occupied area" if polygons else "front line"
        )
        occupied = (
            shapely.union_all([shapely.make_valid(p) for p in polygons]) if polygons else None
        )
        line = MultiLineString(lines) if lines else None
        readings.append(Reading(path, day, kind, occupied, line))
    if not readings:
        what = "polygon marked occupied" if raw else "polygon or line"
        raise InputError(f"no {what}")
    return readings


def occupied_area(path: Path) -> BaseGeometry:
    """The occupied area of one DeepStateMap file, (lon, lat), not yet clipped to Ukraine.

    Raises
    ------
    InputError
        If the file cannot be read or holds no occupied area.
    """
    readings = [r for r in read_file(path) if r.occupied is not None]
    if not readings:
        raise InputError(f"{path.name}: no occupied area")
    return shapely.union_all([r.occupied for r in readings])


def occupied_in_ukraine(
    occupied: BaseGeometry, outline: BaseGeometry, close_km: float = CLOSE_KM
) -> MultiPolygon:
    """An occupied area clipped to Ukraine, with narrow gaps closed.

    Parameters
    ----------
    occupied
        The occupied area, (lon, lat).
    outline
        Ukraine's territory, (lon, lat).
    close_km
        Gaps up to twice this wide between polygons are closed first; 0 closes none.

    Returns
    -------
    MultiPolygon
        The area, (lon, lat); empty if none of it is in Ukraine.
    """
    area = to_local(occupied)
    if close_km > 0:
        close_m = close_km * 1000.0
        area = area.buffer(close_m).buffer(-close_m).simplify(SIMPLIFY_M)
    clipped = to_lonlat(area.intersection(to_local(outline)))
    return MultiPolygon([p for p in _flatten(clipped) if isinstance(p, Polygon) and p.area > 0])


def front_of(
    occupied: BaseGeometry,
    outline: BaseGeometry,
    margin_km: float = MARGIN_KM,
    close_km: float = CLOSE_KM,
) -> MultiLineString:
    """The front line of an occupied area: its edge inside Ukraine's land.

    Parameters
    ----------
    occupied
        The occupied area, (lon, lat).
    outline
        Ukraine's territory, (lon, lat).
    margin_km
        Edge stretches this close to the state border or the coast are dropped.
    close_km
        Gaps up to twice this wide between occupied polygons are closed first.

    Returns
    -------
    MultiLineString
        The front line in (lon, lat); empty if nothing is occupied.
    """
    area = to_local(occupied_in_ukraine(occupied, outline, close_km))
    land = to_local(outline)
    pieces = [p for p in _flatten(land.difference(area)) if isinstance(p, Polygon)]
    if not pieces or area.is_empty:
        return MultiLineString()
    held = max(pieces, key=lambda p: p.area)
    edge = held.boundary.intersection(land.buffer(-margin_km * 1000.0))
    lines = [g for g in _flatten(edge) if isinstance(g, LineString) and g.length > 0]
    merged = shapely.line_merge(MultiLineString(lines))
    return MultiLineString(
        [to_lonlat(g) for g in _flatten(merged) if isinstance(g, LineString) and g.length > 0]
    )


def snapshot_of(reading: Reading, outline: BaseGeometry | None = None) -> Frontline:
    """The snapshot a reading makes: its occupied area in Ukraine and its front line.

    Raises
    ------
    InputError
        If the occupied area misses Ukraine, or no front line can be drawn.
    """
    outline = outline if outline is not None else ukraine_outline()
    occupied = None
    if reading.occupied is not None:
        occupied = occupied_in_ukraine(reading.occupied, outline)
        if occupied.is_empty:
            raise InputError("the occupied area does not overlap Ukraine")
    line = reading.line
    if line is None and occupied is not None:
        line = front_of(occupied, outline, close_km=0.0)
    if line is None or line.is_empty:
        raise InputError("no front line: the occupied area has no edge inside Ukraine")
    vertices = np.concatenate([np.asarray(p.coords)[:, :2] for p in _flatten(line)])
    if not are_in_ukraine(vertices[:, 1], vertices[:, 0]).any():
        raise InputError("the line does not enter Ukraine")
    source = (
        f"DeepStateMap, {reading.path.name}"
        if _is_deepstate(reading)
        else f"imported from {reading.path.name}"
    )
    return Frontline(
        id="imported/" + reading.valid_from.isoformat(),
        valid_from=reading.valid_from,
        name=f"Imported front line, {reading.valid_from.day} {reading.valid_from:%B %Y}",
        line=line,
        sources=(source,),
        via=(),
        origin="imported",
        occupied=occupied,
    )


def import_files(
    paths: Iterable[str | Path],
    data_dir: Path | None = None,
    progress: Callable[[ImportResult], None] | None = None,
) -> list[ImportResult]:
    """Import front lines from files and folders into ``<data dir>/frontlines/imported``.

    Parameters
    ----------
    paths
        Files, and folders whose ``.geojson`` and ``.json`` files are read.
    data_dir
        The data folder; the configured one by default.
    progress
        Called with each result as soon as it is known.

    Returns
    -------
    list of ImportResult
        One per snapshot saved or file skipped, in the order read. A later snapshot of the
        same date replaces an earlier one.

    Raises
    ------
    DataError
        If Ukraine's outline cannot be loaded.
    """
    outline = ukraine_outline()
    results: list[ImportResult] = []

    def report(result: ImportResult) -> None:
        results.append(result)
        if progress is not None:
            progress(result)

    for path in _files(paths):
        if not path.is_file():
            report(ImportResult(path, reason="no such file"))
            continue
        try:
            readings = read_file(path)
        except InputError as error:
            report(ImportResult(path, reason=str(error)))
            continue
        for reading in readings:
            try:
                snapshot = snapshot_of(reading, outline)
            except (InputError, ShapelyError, ValueError) as error:
                report(
                    ImportResult(path, reason=f"{reading.valid_from}: {error}", kind=reading.kind)
                )
                continue
            saved = write_imported(snapshot, path.name, data_dir, notes=_NOTES[reading.kind])
            report(ImportResult(path, snapshot, saved, kind=reading.kind))
    return results


def add_frontline_commands(subparsers: Any) -> None:
    """Add ``frontline import`` and ``frontline list`` to the command line.

    Parameters
    ----------
    subparsers
        What ``ArgumentParser.add_subparsers()`` returned for ``python -m dashboard``.
    """
    frontline = subparsers.add_parser(
        "frontline", help="import real front lines (DeepStateMap, GeoJSON); list the series"
    )
    commands = frontline.add_subparsers(dest="frontline_command", required=True, metavar="ACTION")
    do_import = commands.add_parser(
        "import",
        help="import DeepStateMap exports or dated GeoJSON lines/polygons",
        description=(
            "Read DeepStateMap raw exports (raw_YYYYMMDD_*.geojson), its cleaned archive "
            "(occupied_YYYYMMDD.geojson) and plain GeoJSON lines or polygons dated by a "
            "valid_from or date property or by the file name. Each date becomes a snapshot "
            "in data/frontlines/imported/, in force from its date until the next snapshot "
            "of any kind, and replacing a default snapshot of the same date."
        ),
    )
    do_import.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    commands.add_parser("list", help="list the snapshots in force, imported ones included")


def run_frontline(args: argparse.Namespace) -> int:
    """Run ``frontline import`` or ``frontline list``; returns the exit status.

    ``import`` prints one line per snapshot imported or file skipped and a summary; it
    exits 0 when at least one snapshot was imported, 1 when none was.
    """
    if args.frontline_command == "list":
        for snapshot in load_series():
            print(
                f"{snapshot.valid_from}  {snapshot.origin:<8}  {snapshot.id:<20}  {snapshot.name}"
            )
        return 0
    results = import_files(args.paths, progress=lambda r: print(r.describe(), flush=True))
    done = sum(r.imported for r in results)
    skipped = len(results) - done
    print(
        f"{done} snapshot{'s' if done != 1 else ''} imported, {skipped} skipped, into "
        f"{imported_dir()}; each is in force from its date until the next snapshot"
    )
    return 0 if done else 1


_NOTES: dict[Kind, str] = {
    "DeepStateMap raw export": (
        "Occupied area: the polygons marked occupied, clipped to Ukraine, gaps under "
        f"{2 * CLOSE_KM:g} km closed; front line: its edge inside Ukraine, less the "
        f"stretches within {MARGIN_KM:g} km of the state border or the coast."
    ),
    "occupied area": (
        f"Occupied area clipped to Ukraine, gaps under {2 * CLOSE_KM:g} km closed; front "
        f"line: its edge inside Ukraine, less the stretches within {MARGIN_KM:g} km of the "
        "state border or the coast."
    ),
    "front line": "Line as imported; the occupied area is derived from it.",
}


def _is_deepstate(reading: Reading) -> bool:
    return reading.kind == "DeepStateMap raw export" or bool(
        _DEEPSTATE_NAME.match(reading.path.name)
    )


def _normal(name: Any) -> str:
    if not isinstance(name, str):
        return ""
    return _SPACES.sub(" ", name.replace("\xa0", " ")).strip().lower()


def _features_of(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        return [f for f in features if isinstance(f, dict)] if isinstance(features, list) else []
    if isinstance(data, dict) and data.get("type") == "Feature":
        return [data]
    if isinstance(data, dict) and "coordinates" in data:
        return [{"type": "Feature", "properties": {}, "geometry": data}]
    return []


def _props(feature: dict[str, Any]) -> dict[str, Any]:
    props = feature.get("properties")
    return props if isinstance(props, dict) else {}


def _date_property(props: Any) -> date | None:
    if not isinstance(props, dict):
        return None
    for key in ("valid_from", "date"):
        value = props.get(key)
        if isinstance(value, str) and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _pieces(geometry: Any) -> list[BaseGeometry]:
    if not isinstance(geometry, dict):
        return []
    try:
        shaped = shape(geometry)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, ShapelyError):
        return []
    pieces = []
    for piece in _flatten(shaped):
        if piece.is_empty:
            continue
        coords = np.asarray(
            piece.exterior.coords if isinstance(piece, Polygon) else piece.coords,
            dtype=np.float64,
        )
        # Valid (lon, lat) only: a stray projected coordinate would wreck the union.
        if coords.size and np.isfinite(coords).all() and (np.abs(coords[:, 1]) <= 90).all():
            pieces.append(piece)
    return pieces


def _flatten(geometry: BaseGeometry) -> list[BaseGeometry]:
    if hasattr(geometry, "geoms"):
        return [leaf for g in geometry.geoms for leaf in _flatten(g)]
    return [geometry]


def _files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for entry in map(Path, paths):
        if entry.is_dir():
            files.extend(
                sorted(p for p in entry.iterdir() if p.suffix.lower() in {".geojson", ".json"})
            )
        else:
            files.append(entry)
    return files
