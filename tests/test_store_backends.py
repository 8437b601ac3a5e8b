"""Both backends as a team uses them: the same exports, the same filters, loads from several
processes at once, and one clear line for each fault of a server."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pyproj import Geod

from dashboard.cli import main
from dashboard.demo import make_demo_events
from dashboard.exports import events_frame, events_to_csv
from dashboard.filters import Box, EventQuery, apply_filters, with_search_text
from dashboard.model import Event
from dashboard.store import base, open_store
from tests.factories import older_store
from tests.postgres import PASSWORD_ROLE, PLAIN_ROLE, Cluster

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"
Location = str | Path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# -- the same store on both --------------------------------------------------------------------


@pytest.mark.postgres
def test_seeds_in_postgresql_export_what_they_export_from_sqlite(
    tmp_path: Path,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sqlite_file = str(tmp_path / "s.sqlite")
    assert run(capsys, "load", "--store", sqlite_file)[0] == 0
    lite_csv = run(capsys, "export", "--store", sqlite_file)[1]
    lite_geojson = run(capsys, "export", "--format", "geojson", "--store", sqlite_file)[1]
    # The setting alone sends the load and the exports to the server.
    monkeypatch.setenv("STRIKEMAP_DATABASE_URL", postgres_url)
    status, out, _ = run(capsys, "load")
    assert status == 0 and f"({postgres_url})" in out
    assert run(capsys, "export")[1] == lite_csv
    assert run(capsys, "export", "--format", "geojson")[1] == lite_geojson
    features = json.loads(lite_geojson)["features"]
    assert len(features) >= 5 and all(f["properties"]["sources"] for f in features)


@pytest.mark.postgres
def test_stored_points_measure_geodesically_in_postgis(postgres_url: str) -> None:
    kaspiysk = make_demo_events(1, seed=1)[0].with_changes(lat=42.88, lon=47.64, id="a")
    moscow = kaspiysk.with_changes(lat=55.75, lon=37.62, id="b")
    with open_store(postgres_url) as store:
        store.save_events([kaspiysk, moscow])
        # The geography column is what PostGIS answers from; reach it as an analyst would.
        row = store._db.execute(  # type: ignore[attr-defined]
            "SELECT ST_Distance(a.geog, b.geog) FROM events a, events b"
            " WHERE a.id = 'a' AND b.id = 'b'"
        ).fetchone()
    _, _, metres = Geod(ellps="WGS84").inv(47.64, 42.88, 37.62, 55.75)
    assert row[0] == pytest.approx(metres, rel=1e-3)


# -- the app's filters in the database --------------------------------------------------------

QUERIES = [
    EventQuery(),
    EventQuery(start=date(2024, 3, 1), end=date(2024, 9, 30)),
    EventQuery(start=date(2023, 6, 15), target_types=("oil", "airbase")),
    EventQuery(weapons=("missile", "sea_drone"), end=date(2023, 1, 31)),
    EventQuery(regions=("UA", "RU:Krasnodar Krai")),
    EventQuery(min_km=100, max_km=400, target_types=("power", "oil")),
    EventQuery(min_km=0.5),
    EventQuery(outcomes=("hit", "unknown"), weapons=("aerial_drone",)),
    EventQuery(outcomes=("intercepted",)),
    EventQuery(search="REFINERY tuapse"),
    EventQuery(search="50%_off"),
    EventQuery(box=Box(south=44.0, west=33.0, north=48.0, east=40.5)),
    EventQuery(box=Box(south=50.0, west=170.0, north=60.0, east=-170.0)),
    EventQuery(
        start=date(2024, 1, 1),
        target_types=("oil", "naval"),
        min_km=50,
        box=Box(south=40.0, west=28.0, north=56.0, east=48.0),
    ),
]


def _kept_by_pandas(events: list[Event], query: EventQuery) -> list[str]:
    frame = with_search_text(events_frame(events))
    kept = apply_filters(frame, query)
    box = query.box
    if box is not None:
        lat, lon = kept["lat"], kept["lon"]
        across = box.west > box.east
        in_lon = (
            (lon >= box.west) | (lon <= box.east) if across else lon.between(box.west, box.east)
        )
        kept = kept[lat.between(box.south, box.north) & in_lon]
    return sorted(kept["id"])


def test_the_filters_run_in_the_database_as_in_pandas(store_location: Location) -> None:
    events = make_demo_events(1500, seed=4)
    # Words with the search's wildcards, and events by the 180th meridian.
    events[0] = events[0].with_changes(target="a 50%_off sale", id="pct")
    events[1] = events[1].with_changes(target="a 50%xoff sale", id="near-pct")
    events[2] = events[2].with_changes(lat=55.0, lon=175.0, id="east")
    events[3] = events[3].with_changes(lat=55.0, lon=-175.0, id="west")
    # Interceptions and hits among them, as the outcome filter tells them apart.
    for index in range(4, 400, 3):
        events[index] = events[index].with_changes(outcome=("hit", "intercepted")[index % 2])
    with open_store(store_location) as store:
        store.save_events(events)
        stored = store.events()
        for query in QUERIES:
            got = store.query(query)
            assert got == sorted(got, key=lambda e: (e.date, e.id))
            assert sorted(e.id for e in got) == _kept_by_pandas(stored, query), query
            assert store.query_ids(query) == [e.id for e in got]
        # "%" and "_" are letters to the search, and a box may cross the 180th meridian.
        assert [e.id for e in store.query(EventQuery(search="50%_off"))] == ["pct"]
        across = EventQuery(box=Box(south=50.0, west=170.0, north=60.0, east=-170.0))
        assert {e.id for e in store.query(across)} >= {"east", "west"}


def test_a_bulk_fill_streams_back_oldest_first_with_one_history_entry(
    store_location: Location,
) -> None:
    events = make_demo_events(5000, seed=2)
    with open_store(store_location) as store:
        assert store.bulk_fill(events) == 5000
        streamed = store.stream()
        first = next(streamed)
        assert first == min(events, key=lambda e: (e.date, e.id))
        assert 1 + sum(1 for _ in streamed) == 5000
        # One history entry for the whole fill, not one per event.
        (bulk,) = list(store.every_entry())
        assert (bulk.event_id, bulk.action) == ("*", "created")
        assert bulk.changes == {"events": (None, 5000)}


def test_events_fetched_by_id_come_in_the_stores_order(
    store_location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a page of the table and a download read: the events of some ids, a batch of ids
    # at a time (three here), none missed at a batch's edge, unknown ids left out.
    monkeypatch.setattr(base, "FETCH_IDS", 3)
    events = make_demo_events(40, seed=6)
    with open_store(store_location) as store:
        store.save_events(events)
        ids = store.query_ids(EventQuery())
        wanted = [*ids[1:8], "no-such-event", *ids[20:30]]
        fetched = list(store.fetch(wanted))
        assert [e.id for e in fetched] == ids[1:8] + ids[20:30]
        assert fetched == [store.get(i) for i in ids[1:8] + ids[20:30]]
        assert list(store.fetch([])) == []


# -- several analysts at once -------------------------------------------------------------------


def _applied_order(location: Location) -> list[Path]:
    """The article files in the order the store applied their loads (by the history)."""
    with open_store(location) as store:
        paths = {a.article_id: Path(a.path or "") for a in store.stored_articles()}
        order = dict.fromkeys(e.article_id for e in store.every_entry() if e.article_id)
    # An article without strikes changed no event: where it comes makes no difference.
    return [paths[article_id] for article_id in order] + [
        path for article_id, path in paths.items() if article_id not in order
    ]


def _stored(location: Location) -> tuple[str, list[str]]:
    """What a user gets out: the export of every event, and the articles loaded."""
    with open_store(location) as store:
        assert not store.unreadable
        events = store.events()
        articles = sorted(a.article_id for a in store.stored_articles())
    assert len({e.id for e in events}) == len(events)
    return events_to_csv(events), articles


def _load(location: Location, files: list[Path]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "STRIKEMAP_DATABASE_URL": ""}
    command = [sys.executable, "-m", "dashboard", "load", "--quiet", "--store", str(location)]
    return subprocess.Popen(
        [*command, *map(str, files)], cwd=REPO, env=env, stdout=subprocess.DEVNULL
    )


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_four_loads_at_once_store_what_one_load_stores(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Four processes load a quarter of the corpus each into one store; one process then
    loads the whole corpus alone, in the order the store applied the four's articles.

    Whether a report merges into a stored strike can depend on which reports came first
    (a report of "December" joins the first December strike stored), so the one load to
    compare with is the one in the same order: with it, every event, id and source agree.
    """

    def new_store(name: str) -> Location:
        if backend == "sqlite":
            return tmp_path / f"{name}.sqlite"
        cluster: Cluster = request.getfixturevalue("postgres_cluster")
        return cluster.url(cluster.new_database())

    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) >= 40
    together, alone = new_store("together"), new_store("alone")
    loads = [_load(together, files[quarter::4]) for quarter in range(4)]
    assert [load.wait(timeout=300) for load in loads] == [0, 0, 0, 0]
    order = _applied_order(together)
    assert sorted(order) == files
    assert _load(alone, order).wait(timeout=300) == 0
    export, articles = _stored(together)
    assert (export, articles) == _stored(alone)
    assert len(articles) == len(files)
    # Reports of one strike came from different quarters: merges across loads happened.
    rows = list(csv.DictReader(io.StringIO(export)))
    assert any(int(row["source_count"]) > 1 for row in rows)
    assert len(rows) > 100


# -- faults of a server, each one line ---------------------------------------------------------


@pytest.mark.postgres
def test_each_fault_of_the_server_is_one_clear_line(
    postgres_cluster: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    cluster = postgres_cluster
    down = f"postgresql://postgres@127.0.0.1:{_closed_port()}/strikemap"
    plain_db = cluster.new_database(postgis=False, owner=PLAIN_ROLE)
    cases = {
        down: "cannot be reached: is the PostgreSQL server running and the address right?",
        cluster.url("postgres", PASSWORD_ROLE, "wrong"): "the server refused the sign-in",
        cluster.url("nowhere"): "the server has no such database",
        cluster.url(plain_db, PLAIN_ROLE): (
            "postgis is not enabled in "
            f"{cluster.url(plain_db, PLAIN_ROLE)} and this user may not enable it: ask the "
            "database's owner to run CREATE EXTENSION postgis"
        ),
    }
    for url, expected in cases.items():
        status, _, err = run(capsys, "load", "--store", url)
        assert status == 2
        (line,) = err.splitlines()
        assert line.startswith("error: ") and expected in line
        assert "wrong" not in line and "Traceback" not in err
    # An empty database is no store to export from.
    empty = cluster.url(cluster.new_database())
    status, _, err = run(capsys, "export", "--store", empty)
    assert err == f"error: there is no store in {empty}: load articles into it first " + (
        "(python -m dashboard load)\n"
    )


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_without_the_setting_the_sqlite_file_is_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("STRIKEMAP_DATABASE_URL", raising=False)
    monkeypatch.setenv("STRIKEMAP_STORE", str(tmp_path / "team.sqlite"))
    assert run(capsys, "load")[0] == 0
    assert (tmp_path / "team.sqlite").is_file()


@pytest.mark.postgres
def test_migrate_brings_an_older_postgresql_store_up_to_date(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = make_demo_events(1, seed=3)[0]
    older_store(postgres_url, [kept], version=2)
    status, _, err = run(capsys, "export", "--store", postgres_url)
    assert status == 2 and "is of an older schema (version 2; this strikemap needs 3)" in err
    status, out, _ = run(capsys, "migrate", "--store", postgres_url)
    assert out == (
        f"the store {postgres_url} was brought from schema version 2 to 3; "
        "nothing stored was changed\n"
    )
    with open_store(postgres_url) as store:
        assert store.query(EventQuery(target_types=(kept.target_type,))) == [kept]
