"""A store another program holds locked: a save waits BUSY_TIMEOUT_S (the
real 30 s here, under a 35-second lock), then ends in the busy message, with
nothing written and, in the form, everything typed still there."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import datetime, timedelta

import pytest
from qgis.core import QgsPointXY
from qgis.PyQt.QtTest import QTest
from store_helpers import fingerprint, incident
from test_incident_form import STOCKHOLM, canvas, choose, clean_settings, dock, rows, store_path, typed  # noqa: F401

from lagesbild.core.store import Store, StoreBusyError
from lagesbild.core.store.backends.gpkg.connection import BUSY_TIMEOUT_S

LOCK_SECONDS = 35
BUSY = ("the store is busy: another program has been writing to it for 30 s; try again, "
        "or close the other program's edit session")


@pytest.fixture
def locked(store_path):  # noqa: F811 - the form's store
    """Another program holds the store's write lock for LOCK_SECONDS (as QGIS
    does while a layer is edited with automatic transaction groups)."""
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, sys, time
        connection = sqlite3.connect({str(store_path)!r}, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        print("locked", flush=True)
        time.sleep({LOCK_SECONDS})
        connection.execute("ROLLBACK")
        """)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    yield store_path
    holder.wait(timeout=LOCK_SECONDS + 30)


def test_the_wait_is_30_seconds_and_the_message_says_so():
    assert BUSY_TIMEOUT_S == 30


def test_a_save_under_a_35_second_lock_says_the_store_is_busy_and_writes_nothing(locked):
    with Store.open(locked) as store:
        before = fingerprint(locked)
        with pytest.raises(StoreBusyError) as refused:
            store.add_incident(incident())
        assert str(refused.value) == BUSY
        assert fingerprint(locked) == before


def test_the_form_shows_the_busy_message_and_keeps_what_was_typed(dock, locked):  # noqa: F811
    dock.place_at(QgsPointXY(620_000, 6_650_000))
    QTest.keyClicks(dock.place_name, "Storgatan 12")
    choose(dock.category, "fire")
    start = datetime.now(STOCKHOLM).replace(second=0, microsecond=0) - timedelta(hours=2)
    dock.set_time(dock.occurred_from, start)
    dock.set_time(dock.occurred_to, start + timedelta(hours=1))
    choose(dock.organisation, "housing")
    QTest.keyClicks(dock.description, "Containern brann")
    before = typed(dock)
    assert dock.save() is False
    assert dock.message.text() == BUSY
    assert typed(dock) == before
    assert rows(locked) == []
