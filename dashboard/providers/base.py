"""What every provider's export shares: the CSV as exported, a row read into a record, and
the reasons a row is left out or refused.

A provider module (:mod:`~dashboard.providers.acled`, :mod:`~dashboard.providers.ucdp`)
knows its columns and codes only; reading the notes, measuring and merging are the
importer's (:mod:`dashboard.providers.importer`).
"""

from __future__ import annotations

import csv
import functools
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..errors import InputError
from ..geo.gazetteer import default_gazetteer
from ..model import DatePrecision, Weapon

#: The separators an export may use between fields; the header decides which one it is.
DELIMITERS = (",", ";", "\t")


#: ``date`` under another name, for classes with a field called ``date``.
Day = date


class RowError(InputError):
    """A row that cannot be read as its provider defines it (bad date, no coordinates...)."""


@dataclass(frozen=True)
class BadRow:
    """A row refused, with the line of the file it starts on."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True)
class Record:
    """One provider's row of a strike, read but not yet judged by its notes or measured.

    ``notes`` is the provider's own text of the event: its target, weapon and outcome are
    read from it with the extraction's vocabulary, and it is kept as the source's quote.
    ``title`` is the provider's coding of the row in one line (ids, types, place, precision
    codes, coordinates): a newer export that changes any of it changes the source.
    """

    provider: str
    row_id: str
    line: int
    date: date
    date_precision: DatePrecision
    place: str | None
    admin1: str | None
    country: str
    lat: float
    lon: float
    geo_precision: int
    notes: str
    title: str
    published: Day | None = None
    #: The weapon the provider's own type of event says, for notes that name none.
    fallback_weapon: Weapon = "unknown"
    #: Whether the row is only a long-range strike when its notes name a weapon (a provider
    #: that does not say who attacked, or with what).
    needs_weapon: bool = False

    @property
    def source_id(self) -> str:
        """The row's id among every source of the store: ``acled:UKR12345``."""
        return f"{self.provider}:{self.row_id}"


@dataclass(frozen=True)
class Skipped:
    """A well-formed row that is no long-range strike by Ukraine's forces, and why.

    ``row_id`` (and ``date``, where the strike's stored event is looked for) let a newer
    export withdraw a row it no longer counts as such a strike.
    """

    reason: str
    row_id: str | None = None
    date: date | None = None


class Layout(ABC):
    """A provider's export: its columns and what its codes mean."""

    #: The short name of the command line and of source ids (``acled``).
    name: str
    #: The provider as sources name it (``ACLED``).
    outlet: str
    #: The column of a row's id, unique in the provider's data.
    id_column: str
    #: The columns a row needs; others are read when present.
    required: tuple[str, ...]

    @abstractmethod
    def parse(self, row: Mapping[str, str], line: int) -> Record | Skipped:
        """The row (which has an id) as a record, or why it is no strike of the dashboard's
        kind.

        Raises
        ------
        RowError
            When a field is malformed (a bad date, no coordinates, an unknown code).
        """


# -- the file ----------------------------------------------------------------------------


def _delimiter(header: str) -> str:
    """The separator the header line is split by: the one it holds most of."""
    return max(DELIMITERS, key=header.count)


def read_rows(path: Path, layout: Layout) -> Iterator[tuple[int, dict[str, str] | BadRow]]:
    """The rows of an export, each with the line it starts on, as column name to text.

    The file may begin with a byte-order mark and separate fields by commas, semicolons or
    tabs (spreadsheets in many locales write semicolons). Column names are matched without
    regard to case or surrounding spaces. A row whose number of fields differs from the
    header's comes as a :class:`BadRow`.

    Raises
    ------
    InputError
        The file is missing, not text, empty, or lacks a column the layout needs.
    """
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an export") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    with handle:
        try:
            header_line = handle.readline()
            if "\x00" in header_line:
                raise InputError(f"{path}: binary file, not a CSV export")
            if not header_line.strip():
                raise InputError(f"{path}: empty file, not an export of {layout.outlet}")
            delimiter = _delimiter(header_line)
            header = [
                name.strip().lower()
                for name in next(csv.reader([header_line], delimiter=delimiter))
            ]
            missing = [column for column in layout.required if column not in header]
            if missing:
                raise InputError(
                    f"{path}: not an export of {layout.outlet}: no column {', '.join(missing)} "
                    f"(columns read with the separator {delimiter!r})"
                )
            reader = csv.reader(handle, delimiter=delimiter)
            width = len(header)
            consumed = 0
            for fields in reader:
                # The header is line 1; a row starts on the line after those read before it.
                line, consumed = consumed + 2, reader.line_num
                if not any(field.strip() for field in fields):
                    continue
                if len(fields) != width:
                    yield line, BadRow(line, f"{len(fields)} fields where the header has {width}")
                    continue
                yield line, dict(zip(header, fields, strict=True))
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None
        except csv.Error as error:
            raise InputError(f"{path}: not readable as CSV ({error})") from None


# -- fields --------------------------------------------------------------------------------

_DATE_FORMATS = ("%d %B %Y", "%d-%B-%Y", "%d-%m-%Y", "%d/%m/%Y", "%d %b %Y")


def parse_day(text: str, column: str) -> date:
    """A provider's date in any of the forms exports use (``2024-01-21``, ``21 January 2024``,
    ``21-01-2024``); a time after it (``2024-01-21 00:00:00.000``) is ignored."""
    value = text.strip()
    if len(value) > 10 and value[4:5] == "-" and value[10:11] in (" ", "T"):
        value = value[:10]
    day: date | None
    try:
        # The usual form first: date.fromisoformat is many times faster than strptime.
        day = date.fromisoformat(value)
    except ValueError:
        day = _parse_other_forms(value)
    if day is None:
        raise RowError(f"bad date in {column}: {text.strip()!r}" if value else f"no {column}")
    if day > date.today():
        raise RowError(f"{column} {text.strip()!r} is in the future")
    return day


def _parse_other_forms(value: str) -> date | None:
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(value, form).date()
        except ValueError:
            continue
    return None


def parse_code(text: str, column: str, allowed: range) -> int:
    """A numeric precision code within ``allowed``."""
    value = text.strip()
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not (number.is_integer() and int(number) in allowed):
        shown = repr(value) if value else "empty"
        raise RowError(
            f"{column} is {shown}, not a code from {allowed.start} to {allowed.stop - 1}"
        )
    return int(number)


def parse_coordinates(latitude: str, longitude: str) -> tuple[float, float]:
    """Decimal degrees, checked to be a point on the Earth."""
    if not latitude.strip() or not longitude.strip():
        raise RowError("missing coordinates (latitude and longitude are needed)")
    try:
        lat, lon = float(latitude.replace(",", ".")), float(longitude.replace(",", "."))
    except ValueError:
        raise RowError(f"bad coordinates: {latitude.strip()!r}, {longitude.strip()!r}") from None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise RowError(f"coordinates out of range: {lat}, {lon}")
    return lat, lon


@functools.lru_cache(maxsize=4096)
def region_name(admin1: str, country: str) -> str | None:
    """A provider's first-level region as the gazetteer (and so the extraction) names it:
    ACLED's "Belgorod" and UCDP's "Belgorod oblast" are both "Belgorod Oblast", so that a
    region-precise row and an article's strike compare by the same name. A name the
    gazetteer does not know is kept as the provider wrote it."""
    name = admin1.strip()
    if not name:
        return None
    region = default_gazetteer().region(name, country)
    return region.name if region is not None else name


def field_text(row: Mapping[str, str], column: str) -> str:
    """A column's text in a row, without surrounding spaces; "" when the row has none."""
    return row.get(column, "").strip()


def number_text(text: str) -> str:
    """A count as the row gives it, or "unknown"."""
    return text.strip() or "unknown"
