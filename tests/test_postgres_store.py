"""A PostgreSQL store used as a GIS officer would: made and filled by the
algorithms (through processing.run and the real qgis_process), loaded into a
QGIS project as layers of the postgres provider, found again from a layer,
and analysed through a filtered layer. Runs against the server the tests
start on loopback (``postgres_server``)."""

import itertools

import pytest

from lagesbild.core.presentation import layers
from lagesbild.core.store import Store, StoreLocation

_SCHEMAS = itertools.count(1)
SECRET = "s3cret-not-needed"  # trust authentication: a password given is ignored, and must never show


@pytest.fixture
def location(postgres_server):
    """A new schema's location, named as a user would: a URI with a password."""
    schema = f"solvik_{next(_SCHEMAS)}"
    yield StoreLocation.parse(f"postgresql://postgres:{SECRET}@127.0.0.1:{postgres_server.port}/lagesbild_test"
                              f"?schema={schema}")
    postgres_server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def sql_count(postgres_server, schema: str, where: str = "true") -> int:
    return postgres_server.query(f"SELECT count(*) FROM incidents WHERE {where}", schema)[0][0]


def test_the_algorithms_make_and_fill_a_postgres_store(run, location, postgres_server):
    uri = f"postgresql://postgres:{SECRET}@127.0.0.1:{postgres_server.port}/lagesbild_test?schema={location.schema}"
    result = run("lagesbild:createstore", {"STORE": uri})
    assert result["STORE"] == location.display and SECRET not in result["STORE"]
    with pytest.raises(Exception, match="exists already"):
        run("lagesbild:createstore", {"STORE": uri})
    run("lagesbild:demodata", {"STORE": uri, "SIZE": 1500, "SEED": 4, "END_DATE": "2026-06-30"})
    with Store.open(location) as store:
        assert store.count() == 1500 == sql_count(postgres_server, location.schema)
        assert len(store.areas("district")) == 5 and store.measures()
        assert store.backend.name == "postgres"


def test_a_postgres_store_in_a_project_is_found_from_its_layers_and_analysed_as_filtered(
        run, location, postgres_server, tmp_path):
    from qgis.core import QgsProject
    from store_helpers import output_rows

    from lagesbild.core.store.demo_store import build_demo_store

    build_demo_store(location, 1200, 6)
    project = QgsProject.instance()
    loaded = layers.load_store(location, project)
    try:
        for layer in (loaded.incidents, loaded.areas, loaded.measures):
            assert layer.isValid() and layer.providerType() == "postgres"
            assert SECRET not in layer.source() and "password" not in layer.source()
        assert loaded.incidents.featureCount() == 1200
        assert layers.store_of(loaded.incidents) == location
        assert layers.store_of(loaded.measures, "measures") == location
        # the dock's filter, rendered for the postgres provider, shows what the store counts
        where = "\"category\" IN ('vandalism', 'graffiti')"
        assert loaded.incidents.setSubsetString(where)
        expected = sql_count(postgres_server, location.schema, where)
        assert 0 < loaded.incidents.featureCount() == expected < 1200
        out = tmp_path / "tp.gpkg"
        run("lagesbild:timeprofile", {"INPUT": loaded.incidents.id(), "METHOD": 0, "OUTPUT": str(out)})
        assert sum(row["weight"] for row in output_rows(out)) == pytest.approx(expected)
    finally:
        project.removeMapLayers([loaded.incidents.id(), loaded.areas.id(), loaded.measures.id()])
        project.layerTreeRoot().removeChildNode(loaded.group)


def test_the_store_layer_filter_is_valid_postgres_sql(location):
    from datetime import date

    from qgis.core import QgsVectorLayer

    from lagesbild.core.domain.periods import Period
    from lagesbild.core.store import IncidentFilter
    from lagesbild.core.store.demo_store import build_demo_store

    build_demo_store(location, 1000, 7, date(2026, 6, 30))
    with Store.open(location) as store:
        wanted = IncidentFilter(period=Period(date(2026, 5, 1), date(2026, 5, 31)), categories=("littering",),
                                statuses=("new", "closed"))
        layer = QgsVectorLayer(*location.layer_source("incidents")[:1], "incidents", "postgres")
        assert layer.isValid()
        assert layer.setSubsetString(store.layer_filter(wanted))
        assert 0 < layer.featureCount() == store.count(wanted)
        # an area is an exact spatial condition here, not a list of fids fixed at filtering time
        inside = IncidentFilter(area="Centrum", categories=("vandalism", "graffiti"))
        condition = store.layer_filter(inside)
        assert "ST_Intersects" in condition and "fid" not in condition.split("ST_Intersects")[0]
        assert layer.setSubsetString(condition)
        assert 0 < layer.featureCount() == store.count(inside) < store.count()
        evil = IncidentFilter(categories=("x'); DROP TABLE incidents; --",))
        assert layer.setSubsetString(store.layer_filter(evil)) and layer.featureCount() == 0
        assert store.count() == 1000  # the table is still there


def test_createstore_through_qgis_process_on_postgres(qgis_process_run, location, postgres_server):
    uri = f"postgresql://postgres:{SECRET}@127.0.0.1:{postgres_server.port}/lagesbild_test?schema={location.schema}"
    result = qgis_process_run("lagesbild:createstore", {"STORE": uri, "TIME_ZONE": "Europe/Stockholm"})
    # qgis_process echoes the inputs as typed; what the plugin says and returns holds no password
    assert result["results"]["STORE"] == location.display
    assert SECRET not in str(result["results"]) + str(result["log"])
    with Store.open(location) as store:
        assert (store.crs, store.time_zone, store.count()) == ("EPSG:3006", "Europe/Stockholm", 0)
    refused = qgis_process_run("lagesbild:createstore", {"STORE": uri}, expect_ok=False)
    assert "exists already" in refused["stdout"] + refused["stderr"]
    assert SECRET not in refused["stdout"] + refused["stderr"]


def test_the_situation_dock_opens_a_postgres_store_typed_as_a_connection(qgis_iface, location, postgres_server):
    from datetime import datetime, timedelta, timezone

    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from store_helpers import TOWN, incident

    from lagesbild.core.presentation import situation
    from lagesbild.ui.situation_dock import SituationDock

    now = datetime.now(timezone.utc).replace(microsecond=0)
    with Store.create(location) as store:
        store.add_incidents([incident(category=c, occurred_from=now - timedelta(days=d), occurred_to=None,
                                      geometry=(TOWN[0] + 10 * i, TOWN[1]))
                             for i, (c, d) in enumerate([("fire", 2), ("fire", 3), ("drugs", 2), ("fire", 40)])])
    project = QgsProject.instance()
    project.clear()
    dock = SituationDock(qgis_iface)
    try:
        typed = (f"postgresql://postgres:{SECRET}@127.0.0.1:{postgres_server.port}/lagesbild_test"
                 f"?schema={location.schema}")
        QTest.keyClicks(dock.store_edit, typed)
        QTest.keyClick(dock.store_edit, Qt.Key.Key_Return)
        assert dock.store_path == location.display and SECRET not in dock.store_edit.text()
        dock.load_layers()
        [incidents] = layers.store_layers(project, location)
        assert incidents.providerType() == "postgres" and incidents.featureCount() == 3  # the last 14 days
        dock.preset_combo.setCurrentIndex(situation.PRESETS.index(situation.LAST_14_DAYS))
        fire = next(i for i in range(dock.category_list.count())
                    if dock.category_list.item(i).data(Qt.ItemDataRole.UserRole) == "fire")
        dock.category_list.item(fire).setCheckState(Qt.CheckState.Checked)
        dock.apply_filter()
        assert sum(1 for _ in incidents.getFeatures()) == 2 == sql_count(
            postgres_server, location.schema,
            f"category = 'fire' AND occurred_from >= '{(now - timedelta(days=15)).date()}'")
        assert dock.summary_label.text().startswith("2 ")
        saved_state = project.readEntry("lagesbild", "situation/store", "")[0]
        assert saved_state == location.display and SECRET not in saved_state
    finally:
        dock.unload()
        project.clear()


def test_a_client_whose_search_path_does_not_name_the_store_may_edit_it(run, location, postgres_server):
    """psql and plain QGIS name the table with its schema and keep the default
    search_path: the code-table checks still find the store's code tables
    (they failed with 'relation "categories" does not exist')."""
    run("lagesbild:createstore", {"STORE": location.display})
    with Store.open(location) as store:
        from store_helpers import incident

        added = store.add_incident(incident())
    with postgres_server.cursor() as cursor:  # search_path: the server's default
        cursor.execute("SHOW search_path")
        assert location.schema not in cursor.fetchone()[0]
        cursor.execute(f"UPDATE {location.schema}.incidents SET category = 'littering', subcategory = NULL "
                       f"WHERE uuid = '{added.uuid}'")
        assert cursor.rowcount == 1
    assert sql_count(postgres_server, location.schema, "category = 'littering'") == 1
