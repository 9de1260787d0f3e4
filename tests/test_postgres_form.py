"""The incident form on a shared PostgreSQL store, as a reporter of the
housing company uses it: the form finds the store from the project's layers,
the database refuses a report filed for another organisation (in words, with
everything typed kept), and takes the reporter's own."""

import itertools
from datetime import datetime, timedelta

import pytest
from qgis.core import QgsPointXY, QgsProject
from qgis.PyQt.QtTest import QTest
from test_incident_form import STOCKHOLM, canvas, choose, typed  # noqa: F401 (canvas is a fixture)

from lagesbild.core.presentation import layers
from lagesbild.core.store import Store, StoreLocation
from lagesbild.ui.incident_form import IncidentFormDock

_SCHEMAS = itertools.count(1)


@pytest.fixture
def reporter_store(postgres_server):
    schema = f"form_{next(_SCHEMAS)}"
    postgres_server.sql("lagesbild_test", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                        "'form_reporter') THEN CREATE ROLE form_reporter LOGIN; END IF; END $$")
    with Store.create(StoreLocation.parse(f"{postgres_server.dsn()} schema={schema}")) as store:
        store.grant_access("form_reporter", "housing", "reporter")
    yield StoreLocation.parse(f"{postgres_server.dsn(user='form_reporter')} schema={schema}")
    postgres_server.sql("lagesbild_test", f"DROP SCHEMA {schema} CASCADE")


def test_a_reporter_files_on_the_shared_store_and_the_database_holds_its_organisation(
        qgis_iface, canvas, reporter_store):  # noqa: F811 (the fixture imported above)
    project = QgsProject.instance()
    project.removeAllMapLayers()
    loaded = layers.load_store(reporter_store, project)
    form = IncidentFormDock(qgis_iface)
    try:
        assert form.store is not None and form.store.location == reporter_store  # found from the layers
        form.show()
        form.place_at(QgsPointXY(620_000, 6_650_000))
        QTest.keyClicks(form.place_name, "Storgatan 12")
        choose(form.category, "vandalism")
        start = datetime.now(STOCKHOLM).replace(second=0, microsecond=0) - timedelta(hours=2)
        form.set_time(form.occurred_from, start)
        form.set_time(form.occurred_to, start + timedelta(hours=1))
        choose(form.organisation, "police")  # not the login's organisation
        before = typed(form)
        assert form.save() is False
        assert "may not make this change" in form.message.text()
        assert typed(form) == before  # nothing lost
        with Store.open(reporter_store) as store:
            assert store.count() == 0
        choose(form.organisation, "housing")
        assert form.save() is True
        with Store.open(reporter_store) as store:
            [saved] = store.incidents()
        assert (saved.place_name, saved.reporting_org, saved.updated_by_org) == ("Storgatan 12", "housing", "housing")
        assert loaded.incidents.featureCount() == 1
    finally:
        form.unload()
        project.removeAllMapLayers()
        project.layerTreeRoot().removeChildNode(loaded.group)
