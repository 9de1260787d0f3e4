"""A copy that fails, is cancelled or is killed leaves no output: no empty
schema on PostgreSQL (the schema is made inside the copy's one transaction)
and no half-written GeoPackage under the output's name (the copy is written
to a hidden file beside it and renamed when complete)."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

import lagesbild
from lagesbild.core.store import Cancelled, Store, StoreLocation
from lagesbild.core.store.copy import copy_store
from lagesbild.core.store.demo_store import build_demo_store

_SCHEMAS = itertools.count(1)
# a copy that stops at its first progress report, says so, and waits to be killed
CHILD = """
import sys, time
from lagesbild.core.store.copy import copy_store

def progress(fraction):
    print("half", flush=True)
    time.sleep(120)
    return True

copy_store(sys.argv[1], sys.argv[2], progress)
"""


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("copy") / "original.gpkg", 2000, 5, date(2025, 6, 30))


@pytest.fixture
def pg_target(postgres_server):
    schema = f"kvar_{next(_SCHEMAS)}"
    yield StoreLocation.parse(f"host=127.0.0.1 port={postgres_server.port} dbname=lagesbild_test user=postgres "
                              f"schema={schema}")
    postgres_server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    postgres_server.sql("lagesbild_test", "DROP TABLE IF EXISTS public.layer_styles")


def schema_exists(server, schema: str) -> bool:
    return bool(server.query(f"SELECT 1 FROM pg_namespace WHERE nspname = '{schema}'"))


def roles_of(server, schema: str) -> list[str]:
    return [row[0] for row in server.query(f"SELECT rolname FROM pg_roles WHERE rolname LIKE '{schema}%'")]


def test_a_geopackage_copy_has_its_name_only_when_complete(original, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "copy.gpkg"
    seen = []

    def progress(fraction):
        seen.append((target.exists(), sorted(p.name for p in folder.iterdir())))
        return True

    copy_store(original, target, progress)
    assert seen and all(not exists for exists, _ in seen)
    # only the hidden file (and SQLite's journal beside it) while the copy is made
    assert all(names and all(name.startswith(".copy.copying-") for name in names) for _, names in seen)
    assert sorted(p.name for p in folder.iterdir()) == ["copy.gpkg"]
    with Store.open(original) as before, Store.open(target) as after:
        assert after.count() == before.count() == 2000

    cancelled = folder / "cancelled.gpkg"
    with pytest.raises(Cancelled):
        copy_store(original, cancelled, lambda fraction: False)
    assert sorted(p.name for p in folder.iterdir()) == ["copy.gpkg"]


def test_a_postgres_copy_shows_no_schema_until_it_commits(original, pg_target, postgres_server):
    seen = []

    def progress(fraction):
        seen.append((schema_exists(postgres_server, pg_target.schema), roles_of(postgres_server, pg_target.schema)))
        return fraction < 0.5

    with pytest.raises(Cancelled):
        copy_store(original, pg_target, progress)
    assert seen and seen[0] == (False, [])  # others never saw the half-made store
    assert not schema_exists(postgres_server, pg_target.schema) and roles_of(postgres_server, pg_target.schema) == []


@pytest.mark.parametrize("kind", ["postgres", "gpkg"])
def test_a_copy_killed_half_way_leaves_no_output(kind, original, pg_target, postgres_server, tmp_path):
    target = str(tmp_path / "killed.gpkg") if kind == "gpkg" else pg_target.display
    # the folder that makes the plugin importable as ``lagesbild`` (conftest.py)
    env = dict(os.environ, PYTHONPATH=str(Path(lagesbild.__path__[0]).parent))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(original), target], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "half", child.stderr.read()
        if kind == "postgres":
            assert not schema_exists(postgres_server, pg_target.schema)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
    if kind == "gpkg":
        assert not Path(target).exists()
        left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".killed.copying-"))
        assert left and left[0] == f".killed.copying-{child.pid}.gpkg"  # the dead copy's hidden file
        copy_store(original, target)  # the next copy to the same name clears it
        assert sorted(p.name for p in tmp_path.iterdir() if "killed" in p.name) == ["killed.gpkg"]
        with Store.open(target) as store:
            assert store.count() == 2000
        return
    # the server ends the dead client's transaction when it sees the socket close
    for _ in range(100):
        if not postgres_server.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'Lägesbild' "
                                     "AND state LIKE 'idle in transaction%'"):
            break
        time.sleep(0.1)
    assert not schema_exists(postgres_server, pg_target.schema)
    assert roles_of(postgres_server, pg_target.schema) == []
