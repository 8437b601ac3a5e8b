"""The offline gazetteer: what a name in the news resolves to, and how it is built."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dashboard.errors import DataError
from dashboard.geo.gazetteer import (
    COUNTRY_FIELDS,
    FORMAT_VERSION,
    GAZETTEER_FILE,
    PLACE_FIELDS,
    REGION_FIELDS,
    REGIONS_FILE,
    Gazetteer,
    default_gazetteer,
    name_keys,
    normalise,
)
from dashboard.geo.geometry import geodesic_distance_km

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FACILITY_HEADER = "name,aliases,lat,lon,target_type,town,admin1,country,occupied,note"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The gazetteer shipped in data/, without the facilities file another module tests."""
    folder = tmp_path_factory.mktemp("shipped")
    for name in (GAZETTEER_FILE, REGIONS_FILE):
        (folder / name).write_bytes((DATA / name).read_bytes())
    return Gazetteer.load(folder)


# -- a small data folder written in the shipped format ----------------------------------------


def write_data(
    folder: Path,
    *,
    regions: list[list[Any]],
    towns: list[list[Any]],
    countries: list[list[Any]] | None = None,
    facilities: list[str] | None = None,
    keys: dict[str, list[str]] | None = None,
) -> Path:
    """Write a gazetteer folder. Town rows are ``[name, lat, lon, cc, admin1, pop, occupied,
    geonameid, aliases]``; ``keys`` overrides the stored keys of the named towns."""
    rows = []
    for town in towns:
        stored = (keys or {}).get(town[0]) or list(name_keys(town[0], town[8]))
        rows.append([*town, stored])
    country_rows = [[*c, list(name_keys(c[0], c[6]))] for c in countries or []]
    data = {
        "format": FORMAT_VERSION,
        "fields": list(PLACE_FIELDS),
        "country_fields": list(COUNTRY_FIELDS),
        "countries": country_rows,
        "rows": rows,
    }
    folder.mkdir(parents=True, exist_ok=True)
    with gzip.open(folder / GAZETTEER_FILE, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)
    region_data = {"format": FORMAT_VERSION, "fields": list(REGION_FIELDS), "rows": regions}
    (folder / REGIONS_FILE).write_text(json.dumps(region_data), encoding="utf-8")
    if facilities is not None:
        text = "\n".join([FACILITY_HEADER, *facilities]) + "\n"
        (folder / "facilities.csv").write_text(text, encoding="utf-8")
    return folder


REGIONS = [
    ["RU", "17", "Dagestan", 43.0, 46.9, False, ["Republic of Dagestan"]],
    ["RU", "38", "Krasnodar Krai", 45.3, 39.5, False, ["Krasnodar", "Krasnodar region"]],
    ["UA", "11", "Crimea", 45.3, 34.4, True, ["Republic of Crimea"]],
]
TOWNS = [
    ["Kaspiysk", 42.88, 47.64, "RU", "17", 81752, False, 1, ["Kaspijsk"]],
    ["Dagestan", 44.0, 41.0, "RU", "38", 300, False, 2, []],
    ["Krasnodar", 45.04, 38.98, "RU", "38", 899541, False, 3, ["Ekaterinodar"]],
    ["Alpha", 50.0, 40.0, "RU", "38", 50_000, False, 4, []],
    ["Betagrad", 51.0, 41.0, "RU", "38", 200_000, False, 5, ["Alpha", "Alpha Beta Gamma"]],
    ["Saki", 45.13, 33.6, "UA", "11", 28322, True, 6, ["Saky"]],
]
COUNTRIES = [["Russia", 58.2, 44.7, "RU", 144_000_000, 10, ["Russian Federation"]]]


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_data(tmp_path / "data", regions=REGIONS, towns=TOWNS, countries=COUNTRIES)


# -- normalisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        ["Kaspiysk", "Kaspiisk", "Kaspijsk", "KASPIYSK", "Каспийск"],
        ["Zaporizhzhia", "Zaporizhia", "Zaporizhzhya", "Запоріжжя"],
        ["Novorossiysk", "Novorossiisk", "Новороссийск"],
        ["Engels", "Engel's", "Engel\u2019s", "Энгельс"],
        ["Yeysk", "Yeisk", "Eysk", "Ейск"],
        ["Bryansk", "Briansk", "Брянск"],
        ["Kharkiv", "Харків"],
        ["Ivano-Frankivs'k", "Ivano Frankivsk", "ivano-frankivsk"],
    ],
)
def test_spelling_variants_share_one_key(spellings: list[str]) -> None:
    assert len({normalise(s) for s in spellings}) == 1


def test_different_places_keep_different_keys() -> None:
    keys = [normalise(n) for n in ("Kyiv", "Kharkiv", "Kherson", "Kursk", "Kerch", "Engels")]
    assert len(set(keys)) == len(keys)


def test_normalise_drops_punctuation_and_diacritics() -> None:
    assert normalise("  Rostov-on-Don! ") == "rostov on don"
    assert normalise("Łódź") == normalise("Lodz")
    assert normalise("—") == ""


# -- the shipped gazetteer: variants, Crimea, regions -----------------------------------------


@pytest.mark.parametrize(
    ("canonical", "variants"),
    [
        ("Kaspiysk", ["Kaspiisk", "Kaspijsk", "Каспийск"]),
        ("Zaporizhzhia", ["Zaporozhye", "Zaporizhia", "Zaporizhzhya"]),
        ("Novorossiysk", ["Novorossiisk"]),
        ("Engels", ["Engel's"]),
        ("Tuapse", ["Туапсе"]),
        ("Kyiv", ["Kiev", "Київ"]),
        ("Kharkiv", ["Kharkov", "Харьков"]),
        ("Sevastopol", ["Sebastopol"]),
        ("Taganrog", ["Таганрог"]),
        ("Yeysk", ["Yeisk", "Eysk"]),
        ("Bryansk", ["Briansk"]),
    ],
)
def test_spelling_variants_resolve_to_the_same_town(
    shipped: Gazetteer, canonical: str, variants: list[str]
) -> None:
    town = shipped.best(canonical)
    assert town is not None and town.kind == "city" and town.population > 50_000
    for variant in variants:
        assert shipped.best(variant) == town, variant


def test_town_names_are_written_as_english_news_writes_them(shipped: Gazetteer) -> None:
    for written, shown in [
        ("Ryazan", "Ryazan"),
        ("Ryazan\u2019", "Ryazan"),
        ("Almetyevsk", "Almetyevsk"),
    ]:
        town = shipped.best(written)
        assert town is not None and town.name == shown and town.country == "RU"


@pytest.mark.parametrize(
    "name", ["Simferopol", "Kerch", "Feodosia", "Saky", "Dzhankoy", "Yevpatoria", "Yalta"]
)
def test_crimean_towns_are_occupied_ukraine(shipped: Gazetteer, name: str) -> None:
    town = shipped.best(name)
    assert town is not None
    assert (town.country, town.admin1, town.occupied) == ("UA", "Crimea", True)


def test_sevastopol_is_occupied_ukraine_in_its_own_region(shipped: Gazetteer) -> None:
    city = shipped.best("Sevastopol")
    region = shipped.region("Sevastopol")
    assert city is not None and region is not None
    assert (city.kind, city.country, city.admin1, city.occupied) == (
        "city",
        "UA",
        "Sevastopol",
        True,
    )
    assert (region.kind, region.country, region.occupied) == ("region", "UA", True)


@pytest.mark.parametrize("name", ["Donetsk", "Mariupol", "Melitopol", "Luhansk", "Nova Kakhovka"])
def test_towns_in_other_occupied_oblasts_are_ukraine_not_flagged(
    shipped: Gazetteer, name: str
) -> None:
    town = shipped.best(name, country="UA")
    assert town is not None
    assert (town.country, town.occupied) == ("UA", False)


def test_crimea_region_by_every_common_name(shipped: Gazetteer) -> None:
    crimea = shipped.region("Crimea")
    assert crimea is not None and crimea.name == "Crimea" and crimea.occupied
    assert 44.4 < crimea.lat < 46.2 and 32.5 < crimea.lon < 36.6
    for name in ("Republic of Crimea", "Autonomous Republic of Crimea", "UA.11"):
        assert shipped.region(name) == crimea
    assert shipped.lookup("Crimea")[0] == crimea


def test_kaspiysk_lies_in_dagestan_the_region(shipped: Gazetteer) -> None:
    town = shipped.best("Kaspiysk")
    dagestan = shipped.lookup("Dagestan")[0]
    assert town is not None and town.admin1 == "Dagestan"
    assert (dagestan.kind, dagestan.name, dagestan.country) == ("region", "Dagestan", "RU")
    assert 41.0 < dagestan.lat < 45.0 and 45.0 < dagestan.lon < 49.0
    assert shipped.region("Republic of Dagestan") == dagestan
    assert shipped.region("RU.17") == dagestan == shipped.region("17", country="RU")


@pytest.mark.parametrize(
    ("region", "names"),
    [
        (
            "Krasnodar Krai",
            ["Krasnodar Krai", "Krasnodar region", "Krasnodar Territory", "Krasnodar province"],
        ),
        ("Belgorod Oblast", ["Belgorod Oblast", "Belgorod region", "Белгородская область"]),
        ("Zaporizhzhia Oblast", ["Zaporizhzhia Oblast", "Zaporizhia Oblast", "Zaporozhye region"]),
        ("Kharkiv Oblast", ["Kharkiv region", "Kharkov region"]),
        ("Kyiv Oblast", ["Kyiv Oblast", "Kiev region"]),
        ("Sevastopol", ["Sevastopol"]),
    ],
)
def test_region_name_variants(shipped: Gazetteer, region: str, names: list[str]) -> None:
    for name in names:
        found = shipped.region(name)
        assert found is not None and found.name == region, name
        assert found.admin1 == region


def test_every_town_of_russia_and_ukraine_has_a_region(shipped: Gazetteer) -> None:
    for name in ("Belgorod", "Novorossiysk", "Kherson", "Engels", "Kursk", "Odesa", "Tuapse"):
        town = shipped.best(name)
        assert town is not None and town.admin1 is not None, name
        region = shipped.region(town.admin1, town.country)
        assert region is not None and region.country == town.country


@pytest.mark.parametrize(
    ("name", "code"),
    [("Russia", "RU"), ("Russian Federation", "RU"), ("Ukraine", "UA"), ("Georgia", "GE")],
)
def test_a_country_name_is_the_country(shipped: Gazetteer, name: str, code: str) -> None:
    place = shipped.lookup(name)[0]
    assert (place.kind, place.country) == ("country", code)


# -- ranking ----------------------------------------------------------------------------------


def test_a_region_beats_a_village_of_its_name(small: Path) -> None:
    found = Gazetteer.load(small).lookup("Dagestan")
    assert [(p.kind, p.name) for p in found] == [("region", "Dagestan"), ("city", "Dagestan")]


def test_a_city_beats_the_region_named_after_it(small: Path) -> None:
    found = Gazetteer.load(small).lookup("Krasnodar")
    assert [p.kind for p in found] == ["city", "region"]


def test_a_town_of_that_name_beats_a_bigger_town_with_it_as_alias(small: Path) -> None:
    found = Gazetteer.load(small).lookup("Alpha")
    assert [p.name for p in found] == ["Alpha", "Betagrad"]


def test_a_much_bigger_town_wins_even_by_alias(tmp_path: Path) -> None:
    towns = [
        ["Alpha", 50.0, 40.0, "RU", "38", 50_000, False, 4, []],
        ["Betagrad", 51.0, 41.0, "RU", "38", 2_000_000, False, 5, ["Alpha"]],
    ]
    folder = write_data(tmp_path, regions=REGIONS, towns=towns)
    assert [p.name for p in Gazetteer.load(folder).lookup("Alpha")] == ["Betagrad", "Alpha"]


def test_real_data_ranking(shipped: Gazetteer) -> None:
    bryansk = shipped.lookup("Bryansk")
    assert [(p.kind, p.name) for p in bryansk[:2]] == [
        ("city", "Bryansk"),
        ("region", "Bryansk Oblast"),
    ]
    zaporizhzhia = shipped.lookup("Zaporizhzhia")
    assert zaporizhzhia[0].kind == "city" and zaporizhzhia[0].population > 500_000
    assert zaporizhzhia[1].kind == "region"
    assert all(p.population < 2_000 for p in zaporizhzhia[2:])


# -- best, search, region, is_name ------------------------------------------------------------


def test_best_narrows_by_country_and_region(shipped: Gazetteer) -> None:
    donetsk_ru = shipped.best("Donetsk", country="RU")
    assert donetsk_ru is not None and donetsk_ru.admin1 == "Rostov Oblast"
    yalta = shipped.best("Yalta", admin1="Donetsk Oblast")
    assert yalta is not None and yalta.country == "UA" and not yalta.occupied
    assert shipped.best("Yalta", admin1="No Such Region") is None
    assert shipped.best("Qwxzvbn") is None


def test_region_finds_only_regions(shipped: Gazetteer) -> None:
    assert shipped.region("Kaspiysk") is None
    assert shipped.region("99", country="RU") is None
    krai = shipped.region("Krasnodar")
    assert krai is not None and krai.kind == "region" and krai.name == "Krasnodar Krai"


def test_is_name(shipped: Gazetteer) -> None:
    assert shipped.is_name("Kaspiisk")
    assert shipped.is_name("republic of dagestan")
    assert not shipped.is_name("Qwxzvbn")


def test_max_name_words_covers_the_longest_name(small: Path) -> None:
    assert Gazetteer.load(small).max_name_words == 3


def test_search_lists_prefix_matches_before_substring_matches(small: Path) -> None:
    gazetteer = Gazetteer.load(small)
    names = [p.name for p in gazetteer.search("grad")]
    assert names == ["Betagrad"]
    prefix = [p.name for p in gazetteer.search("kras")]
    assert prefix == ["Krasnodar", "Krasnodar Krai"]
    assert [p.name for p in gazetteer.search("al", limit=1)] == ["Betagrad"]
    assert gazetteer.search("  ") == []


def test_search_shipped_for_a_place_picker(shipped: Gazetteer) -> None:
    assert "Kaspiysk" in [p.name for p in shipped.search("Kaspi")]
    assert len(shipped.search("nov", limit=5)) == 5


# -- facilities -------------------------------------------------------------------------------


def test_facilities_are_named_places_ranked_first(tmp_path: Path) -> None:
    folder = write_data(
        tmp_path,
        regions=REGIONS,
        towns=TOWNS,
        facilities=[
            "Saki air base,Saky airfield|Saki,45.093,33.595,airbase,Novofedorivka,"
            "Republic of Crimea,RU,false,test row",
            "Krasnodar refinery,,45.02,39.06,oil,Krasnodar,Krasnodar region,RU,false,test row",
        ],
    )
    gazetteer = Gazetteer.load(folder)
    assert len(gazetteer) == len(REGIONS) + len(TOWNS) + 2
    base = gazetteer.lookup("Saky airfield")[0]
    assert (base.kind, base.name, base.target_type) == ("facility", "Saki air base", "airbase")
    # A Crimean facility is occupied Ukraine even when its row says Russia.
    assert (base.country, base.admin1, base.occupied) == ("UA", "Crimea", True)
    assert [p.kind for p in gazetteer.lookup("Saki")] == ["facility", "city"]
    refinery = gazetteer.best("Krasnodar refinery")
    assert refinery is not None and refinery.admin1 == "Krasnodar Krai"
    assert (refinery.lat, refinery.lon, refinery.occupied) == (45.02, 39.06, False)


def test_without_a_facilities_file_there_are_no_facilities(small: Path) -> None:
    assert len(Gazetteer.load(small)) == len(REGIONS) + len(TOWNS) + len(COUNTRIES)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Base,,abc,33.5,airbase,Town,,RU,false,x", "line 2"),
        ("Base,,45,33.5,airbase,Town,,RU,maybe,x", "occupied"),
        ("Base,,95,33.5,airbase,Town,,RU,false,x", "out of range"),
    ],
)
def test_a_bad_facility_row_is_a_data_error(tmp_path: Path, row: str, message: str) -> None:
    folder = write_data(tmp_path, regions=REGIONS, towns=TOWNS, facilities=[row])
    with pytest.raises(DataError, match=message):
        Gazetteer.load(folder)


def test_a_facilities_file_with_other_columns_is_a_data_error(small: Path) -> None:
    (small / "facilities.csv").write_text("name,lat,lon\nBase,45,33\n", encoding="utf-8")
    with pytest.raises(DataError, match="columns"):
        Gazetteer.load(small)


# -- data files -------------------------------------------------------------------------------


def test_missing_data_is_a_data_error_naming_the_rebuild(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="build_gazetteer"):
        Gazetteer.load(tmp_path)


def test_a_file_of_another_format_is_a_data_error(small: Path) -> None:
    (small / REGIONS_FILE).write_text(json.dumps({"format": 99, "rows": []}), encoding="utf-8")
    with pytest.raises(DataError, match="format"):
        Gazetteer.load(small)


def test_stale_stored_keys_are_recomputed(tmp_path: Path) -> None:
    folder = write_data(
        tmp_path, regions=REGIONS, towns=TOWNS, keys={"Kaspiysk": ["stale", "keys"]}
    )
    gazetteer = Gazetteer.load(folder)
    assert gazetteer.is_name("Kaspiisk")
    assert not gazetteer.is_name("stale")


def test_default_gazetteer_reads_the_settings_folder(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKEMAP_DATA_DIR", str(small))
    default_gazetteer.cache_clear()
    try:
        first = default_gazetteer()
        assert first is default_gazetteer()
        assert first.best("Kaspijsk") is not None and len(first) == len(Gazetteer.load(small))
    finally:
        default_gazetteer.cache_clear()


def test_shipped_files_are_compact_and_attributed() -> None:
    assert (DATA / GAZETTEER_FILE).stat().st_size < 10_000_000
    with gzip.open(DATA / GAZETTEER_FILE, "rt", encoding="utf-8") as fh:
        head = json.load(fh)
    assert "GeoNames" in head["attribution"] and "CC BY 4.0" in head["attribution"]
    assert "GeoNames" in (DATA / "ATTRIBUTION.md").read_text(encoding="utf-8")


# -- the build script -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def build() -> ModuleType:
    """scripts/build_gazetteer.py, imported by path (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Kaspijsk", True),
        ("Zaporozh'ye", True),
        ("Каспийск", True),
        ("Запоріжжя", True),
        ("Јејск", False),  # Serbian Cyrillic
        ("كاسبيسك", False),
        ("カスピースク", False),
        ("kaseupiseukeu", False),  # a lower-case romanisation of Korean
        ("EIK", False),  # an airport code
        ("Ko", False),
        ("Gorod Kaspiysk v Respublike Dagestan Rossiyskoy Federatsii", False),
    ],
)
def test_build_keeps_only_names_useful_for_english_news(
    build: ModuleType, name: str, kept: bool
) -> None:
    assert build.keep_alias(name) is kept


def test_build_splits_region_types(build: ModuleType) -> None:
    assert build.split_type("Belgorod Oblast") == ("Belgorod", "oblast")
    assert build.split_type("Krasnodar Krai") == ("Krasnodar", "krai")
    assert build.split_type("Autonomous Republic of Crimea") == ("Crimea", "republic")
    assert build.split_type("Dagestan") == ("Dagestan", None)


def test_build_region_names(build: ModuleType) -> None:
    kharkiv = {
        "name": "Kharkiv",
        "names": ["Kharkov", "Charkow", "Харків", "Харьков"],
        "population": 1_400_000,
    }
    oblast = build.region_names("UA", "Kharkiv Oblast", ["Kharkiv Oblast"], [kharkiv], [])
    assert {"Kharkiv region", "Kharkov region", "Kharkov Oblast"} <= set(oblast)
    assert "Charkow region" not in oblast
    republic = build.region_names("RU", "Dagestan", ["Dagestan"], [], [])
    assert "Republic of Dagestan" in republic
    city = build.region_names("RU", "Moscow", ["Moscow"], [{"name": "Moscow"}], [])
    assert "Republic of Moscow" not in city
    # A source's name for a neighbouring region is dropped.
    sakha = build.region_names("RU", "Sakha Republic", ["Chukot"], [], ["Chukotka Okrug"])
    assert not any("Chukot" in n for n in sakha)


def test_build_moves_russian_filed_crimean_places_to_ukraine(build: ModuleType) -> None:
    from shapely.geometry import box

    shapes = {("UA", "11"): box(32.5, 44.4, 36.6, 46.2), ("UA", "20"): box(33.4, 44.4, 33.8, 44.7)}
    places: dict[str, list[dict[str, Any]]] = {
        "RU": [
            {
                "name": "Sevastopol",
                "latitude": 44.6,
                "longitude": 33.52,
                "countrycode": "RU",
                "admin1code": "83",
            },
            {
                "name": "Kerch",
                "latitude": 45.35,
                "longitude": 36.47,
                "countrycode": "RU",
                "admin1code": "82",
            },
            {
                "name": "Taman",
                "latitude": 45.21,
                "longitude": 36.72,
                "countrycode": "RU",
                "admin1code": "38",
            },
        ],
        "UA": [],
    }
    assert build.move_crimea(places, shapes) == 2
    moved = {t["name"]: (t["countrycode"], t["admin1code"]) for t in places["UA"]}
    assert moved == {"Sevastopol": ("UA", "20"), "Kerch": ("UA", "11")}
    assert [t["name"] for t in places["RU"]] == ["Taman"]


def test_build_decodes_topology_across_the_antimeridian(build: ModuleType) -> None:
    topology = {
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[178, 60], [0, 5], [-356, 0], [0, -5], [356, 0]]],
        "objects": {
            "x": {"geometries": [{"type": "Polygon", "arcs": [[0]], "properties": {"name": "C"}}]}
        },
    }
    [(name, shape)] = list(build.decode_topology(topology))
    assert name == "C"
    assert shape.bounds == (178.0, 60.0, 182.0, 65.0)
    assert build.representative_point(shape) == (62.5, 180.0)


# -- natural features -------------------------------------------------------------------------

FEATURE_HEADER = "name,aliases,lat,lon,kind,admin1,country,occupied,note"


def test_a_strait_is_found_by_its_names_and_keeps_its_kind(small: Path) -> None:
    (small / "features.csv").write_text(
        f"{FEATURE_HEADER}\nKerch Strait,Strait of Kerch,45.25,36.5,strait,Crimea,UA,true,src\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.load(small)
    (strait,) = gazetteer.lookup("Strait of Kerch")
    assert (strait.name, strait.kind, strait.feature) == ("Kerch Strait", "feature", "strait")
    assert (strait.admin1, strait.country, strait.occupied) == ("Crimea", "UA", True)


def test_a_feature_of_unknown_kind_is_a_data_error(small: Path) -> None:
    (small / "features.csv").write_text(
        f"{FEATURE_HEADER}\nSomething,,45.25,36.5,mountain,,,false,src\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"line 2.*kind"):
        Gazetteer.load(small)


def _shipped_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_shipped_feature_is_found_by_its_own_name() -> None:
    gazetteer = Gazetteer.load()
    rows = _shipped_rows("features.csv")
    assert len(rows) >= 30
    for row in rows:
        found = gazetteer.lookup(row["name"])[0]
        assert (found.name, found.kind, found.feature) == (row["name"], "feature", row["kind"])


# -- villages the town list lacks ---------------------------------------------------------------

SETTLEMENT_HEADER = "name,aliases,lat,lon,admin1,country,population,note"


def test_a_village_of_the_settlements_file_is_a_town_of_its_region(small: Path) -> None:
    (small / "settlements.csv").write_text(
        f"{SETTLEMENT_HEADER}\n"
        "Mirnoye,Mirnoe|Мирное,45.05,39.2,Krasnodar region,RU,640,src\n"
        "Zarechnoye,,45.2,34.1,Crimea,RU,,src\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.load(small)
    (village,) = gazetteer.lookup("Мирное")
    assert (village.name, village.kind, village.admin1, village.population) == (
        "Mirnoye",
        "city",
        "Krasnodar Krai",
        640,
    )
    # Crimea stays occupied Ukraine, whichever country the row gives.
    (crimean,) = gazetteer.lookup("Zarechnoye")
    assert (crimean.country, crimean.occupied, crimean.population) == ("UA", True, 0)


def test_a_village_in_no_known_region_is_a_data_error(small: Path) -> None:
    (small / "settlements.csv").write_text(
        f"{SETTLEMENT_HEADER}\nMirnoye,,45.05,39.2,Atlantis,RU,640,src\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"line 2.*region"):
        Gazetteer.load(small)


def test_every_shipped_village_is_found_in_its_region_near_its_region() -> None:
    gazetteer = Gazetteer.load()
    rows = _shipped_rows("settlements.csv")
    assert len(rows) >= 100
    for row in rows:
        found = [p for p in gazetteer.lookup(row["name"]) if p.admin1 == row["admin1"]]
        assert found, row["name"]
        region = gazetteer.region(row["admin1"])
        assert region is not None
        # A region of the border is no wider than this from its point.
        assert geodesic_distance_km(found[0].lat, found[0].lon, region.lat, region.lon) < 300


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Enhels", "Engels"),  # Ukrainian h for Russian g
        ("Toropetz", "Toropets"),  # another transliteration of one letter
        ("Novoshakhtins", "Novoshakhtinsk"),  # a dropped final letter
        ("Millerove", "Millerovo"),  # Ukrainian ending
    ],
)
def test_names_as_reporters_spell_them_find_the_town_they_mean(written: str, meant: str) -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.lookup(written) == []
    assert gazetteer.lookup_spelling(written)[0].name == meant


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Slavyansk-on-Kuban", "Slavyansk-na-Kubani"),
        ("Slavyansk on Kuban", "Slavyansk-na-Kubani"),
        ("Nikolayevsk-on-Amur", "Nikolayevsk-on-Amure"),
    ],
)
def test_a_town_on_a_river_told_in_english_is_the_town_of_its_russian_name(
    written: str, meant: str
) -> None:
    assert default_gazetteer().lookup(written)[0].name == meant


def test_a_name_on_a_river_the_list_lacks_finds_nothing() -> None:
    assert default_gazetteer().lookup("Stratford-on-Avon") == []


@pytest.mark.parametrize("word", ["Zelensky", "Sobyanin", "Telegram", "Kyev"])
def test_spelling_finds_nothing_for_people_and_words_and_short_names(word: str) -> None:
    assert default_gazetteer().lookup_spelling(word) == []


def test_a_site_is_found_by_any_word_for_its_kind() -> None:
    gazetteer = default_gazetteer()
    for name in ("Orlovskaya thermal power plant", "Oryol TPP", "Orlovskaya TETs"):
        assert [p.name for p in gazetteer.lookup(name)] == ["Oryol CHP"], name
    assert [p.name for p in gazetteer.lookup("Kacha airfield")] == ["Kacha air base"]
    # Words for a kind of site are matched as keys are: "airfield" and "military" fold too.
    for name in ("Shaykovka military airfield", "Taganrog military airfield"):
        assert [p.kind for p in gazetteer.lookup(name)] == ["facility"], name
    assert gazetteer.lookup("Taganrog military airfield")[0].name == "Taganrog Tsentralny air base"
    # A GRES spelt out in English.
    for name in (
        "Novocherkassk State District Power Plant",
        "Kashira State District Power Station",
    ):
        assert [p.target_type for p in gazetteer.lookup(name)] == ["power"], name
    assert gazetteer.lookup("Novocherkassk State District Power Plant")[0].name == (
        "Novocherkassk power station"
    )


@pytest.mark.parametrize(
    "written",
    [
        "Unecha linear production-dispatching station",
        "Unecha linear production and dispatching station",
        "Unecha Linear Production Control Station",
        "Unecha LPCS",
    ],
)
def test_a_pipeline_station_is_found_by_any_english_for_lpds(written: str) -> None:
    assert [p.name for p in default_gazetteer().lookup(written)] == ["Unecha oil pumping station"]


@pytest.mark.parametrize(
    ("lat", "lon", "region"),
    [
        (47.22, 38.90, "Rostov Oblast"),  # Taganrog, far from its region's point
        (44.58, 33.42, "Sevastopol"),  # the city, not the Crimea around it
        (52.41, 32.20, "Bryansk Oblast"),  # near Klimovo, a few km from Ukraine's border
    ],
)
def test_a_point_lies_in_the_region_of_its_nearest_town(
    shipped: Gazetteer, lat: float, lon: float, region: str
) -> None:
    assert shipped.region_near(lat, lon) == region
