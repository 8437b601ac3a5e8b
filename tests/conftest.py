"""Fixtures shared by the tests: a store of each backend.

``store_location`` runs a test once on a SQLite file and once on a database of a
throwaway PostgreSQL cluster (:mod:`tests.postgres`); where the server or PostGIS is not
installed, the PostgreSQL run is skipped and the summary says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import Cluster, start_cluster

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """One cluster for the whole session, stopped and removed at its end."""
    cluster, reason = start_cluster()
    if cluster is None:
        pytest.skip(reason or "PostgreSQL cannot be started")
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> str:
    """The address of a new empty database with PostGIS."""
    return postgres_cluster.url(postgres_cluster.new_database())


@pytest.fixture(params=BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a new store of each backend is made: a SQLite file, a PostgreSQL address."""
    if request.param == "sqlite":
        return tmp_path / "s.sqlite"
    return str(request.getfixturevalue("postgres_url"))
