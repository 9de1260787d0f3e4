"""A PostgreSQL server with PostGIS that the tests start themselves: on a free
loopback port, in a scratch folder, as the ``postgres`` user when the tests
run as root (PostgreSQL refuses root), stopped again at the end, and by a
watchdog also when the test process dies without stopping it."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

DATABASE = "lagesbild_test"


def server_binaries() -> Path | None:
    """The newest PostgreSQL's bin folder that has PostGIS beside it."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]),
                         reverse=True):
        version = folder.split("/")[-2]
        if glob.glob(f"/usr/share/postgresql/{version}/extension/postgis.control"):
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    def __init__(self):
        self.binaries = server_binaries()
        if self.binaries is None:
            raise RuntimeError("PostgreSQL with PostGIS is not installed: `make deps` installs it")
        self.folder = Path(tempfile.mkdtemp(prefix="lagesbild-pg-"))
        self.data = self.folder / "data"
        self.sockets = self.folder / "sockets"
        self.port = free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *command: str) -> None:
        subprocess.run(self._prefix() + list(command), check=True, capture_output=True, text=True)

    def start(self) -> PostgresServer:
        self.sockets.mkdir(parents=True)
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(self.sockets, "postgres", "postgres")
        self._run(str(self.binaries / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8")
        self._run(str(self.binaries / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-w",
                  "-t", "60", "-o", f"-c listen_addresses=127.0.0.1 -p {self.port} "
                  f"-c unix_socket_directories={self.sockets} -c fsync=off", "start")
        self._watch()
        self.sql("postgres", f"CREATE DATABASE {DATABASE}")
        self.sql(DATABASE, "CREATE EXTENSION postgis")
        return self

    def _watch(self) -> None:
        """A watchdog of its own session that stops the server and removes its
        folder when this process ends without stopping it (a crash, a kill)."""
        stop = " ".join(self._prefix() + [str(self.binaries / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                                          "stop"])
        self.watchdog = subprocess.Popen(
            ["bash", "-c", f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
                           f"{stop} >/dev/null 2>&1; rm -rf {self.folder}"],
            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def _prefix(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if self.as_root else []

    def dsn(self, database: str = DATABASE, user: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} dbname={database} user={user}"

    @contextlib.contextmanager
    def cursor(self, schema: str | None = None, database: str = DATABASE, time_zone: str = "UTC"):
        """A cursor of a connection of its own (autocommit) as the superuser, with
        ``schema`` first on the search path and times read in ``time_zone``."""
        import psycopg2

        connection = psycopg2.connect(self.dsn(database))
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"SET TimeZone = '{time_zone}'")
                if schema:
                    cursor.execute(f'SET search_path TO "{schema}", public')
                yield cursor
        finally:
            connection.close()

    def sql(self, database: str, statement: str) -> None:
        with self.cursor(database=database) as cursor:
            cursor.execute(statement)

    def query(self, statement: str, schema: str | None = None, time_zone: str = "UTC") -> list[tuple]:
        """The rows of ``statement`` in the test database."""
        with self.cursor(schema, time_zone=time_zone) as cursor:
            cursor.execute(statement)
            return cursor.fetchall()

    def stop(self) -> None:
        try:
            self.watchdog.kill()
            self._run(str(self.binaries / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
