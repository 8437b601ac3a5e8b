"""A throwaway PostgreSQL cluster with PostGIS, for the tests of the PostgreSQL store.

It needs Debian's server binaries (``/usr/lib/postgresql/N/bin``) and PostGIS for that
version (``postgresql-N-postgis-3``); :func:`missing` says which is absent. The cluster is
made by ``initdb`` in a temporary folder, listens on its own free port of 127.0.0.1 and on a
socket in that folder, and is stopped and removed at the end; no system service is used.
PostgreSQL refuses to run as root, so as root it runs as the ``postgres`` user.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

#: Where Debian installs each version's server binaries.
BIN_GLOB = "usr/lib/postgresql/*/bin/initdb"
#: A database with PostGIS in it, that each test's database is copied from.
TEMPLATE = "strikemap_template"
#: A role that signs in with a password, to test a failed sign-in.
PASSWORD_ROLE, PASSWORD = "with_password", "right"
#: A role that may not create extensions, to test a database without PostGIS.
PLAIN_ROLE = "plain"

_SETTINGS = (
    # A throwaway cluster: speed over durability.
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    "listen_addresses=127.0.0.1",
    "max_connections=50",
)


def server_bindir() -> Path | None:
    """The newest installed server's binaries, if any."""
    found = sorted(
        Path("/").glob(BIN_GLOB),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A running throwaway cluster; :meth:`new_database` gives each test its own."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="strikemap-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        options = " ".join(f"-c {setting}" for setting in _SETTINGS)
        options += f" -c port={self.port} -c unix_socket_directories={self.folder}"
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w",
            "-o", options, "start",
        )  # fmt: skip

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def url(self, database: str, user: str = "postgres", password: str | None = None) -> str:
        """The address of one of the cluster's databases, as a team would write it."""
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """A superuser connection, outside any transaction."""
        return psycopg.connect(self.url(database), autocommit=True)

    def prepare(self) -> str | None:
        """Make the template database and the roles; why PostGIS cannot be had, if not."""
        with self.admin() as db:
            db.execute(f"CREATE DATABASE {TEMPLATE}")
            db.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
            db.execute(f"CREATE ROLE {PLAIN_ROLE} LOGIN")
        with self.admin(TEMPLATE) as db:
            try:
                db.execute("CREATE EXTENSION postgis")
            except psycopg.errors.UndefinedFile:
                version = self.bindir.parent.name
                package = f"postgresql-{version}-postgis-3"
                return f"PostGIS not installed for PostgreSQL {version} ({package})"
            db.execute("CREATE EXTENSION pg_trgm")
        return None

    def new_database(self, *, postgis: bool = True, owner: str = "postgres") -> str:
        """A new empty database (with PostGIS, unless not asked for); its name."""
        name = f"test_{next(self._names)}"
        template = TEMPLATE if postgis else "template0"
        with self.admin() as db:
            db.execute(f"CREATE DATABASE {name} TEMPLATE {template} OWNER {owner}")
        return name

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> tuple[Cluster | None, str | None]:
    """A started cluster, or ``None`` and why the PostgreSQL tests cannot run here."""
    bindir = server_bindir()
    if bindir is None:
        return None, "PostgreSQL binaries not installed (apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return None, "running as root and there is no postgres user to run PostgreSQL as"
    cluster = Cluster(bindir)
    reason = cluster.prepare()
    if reason is not None:
        cluster.stop()
        return None, reason
    return cluster, None
