"""A PostgreSQL store reached through QGIS's own ways of keeping a connection:
a password in QGIS's authentication database (``authcfg``) and a connection
saved in QGIS. The tests' server asks this one login for its password
(scram-sha-256), so a connection that works really used the password from
QGIS; and the password shows nowhere: not in a layer's source, the project
file, a log line or an error message."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsMessageLog, QgsProject, QgsSettings

from lagesbild.core.presentation import layers
from lagesbild.core.store import Store, StoreError, StoreLocation
from lagesbild.ui.dock_base import saved_connection_text

LOGIN = "lb_officer"
PASSWORD = "Hemligt-9f3!kx"  # asked for by the server: a connection without it fails
MASTER = "lagesbild-tests-master"
_SCHEMAS = itertools.count(1)


@pytest.fixture(scope="module")
def password_login(postgres_server):
    """``LOGIN`` must give its password over TCP (a line before initdb's trust)."""
    postgres_server.sql("postgres", f"DROP ROLE IF EXISTS {LOGIN}")
    postgres_server.sql("postgres", f"CREATE ROLE {LOGIN} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
    hba = Path(postgres_server.data) / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text(f"host all {LOGIN} 127.0.0.1/32 scram-sha-256\n" + original)
    postgres_server.sql("postgres", "SELECT pg_reload_conf()")
    yield LOGIN
    hba.write_text(original)
    postgres_server.sql("postgres", "SELECT pg_reload_conf()")


@pytest.fixture(scope="module")
def authcfg(qgis_app, password_login):
    """A Basic configuration in the test profile's real QGIS authentication database."""
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword(MASTER, True), "the test profile's master password"
    config = QgsAuthMethodConfig("Basic")
    config.setName("Lägesbild test login")
    config.setConfig("username", LOGIN)
    config.setConfig("password", PASSWORD)
    assert manager.storeAuthenticationConfig(config)
    yield config.id()
    manager.removeAuthenticationConfig(config.id())


@pytest.fixture
def schema(postgres_server):
    name = f"auth_{next(_SCHEMAS)}"
    with Store.create(f"host=127.0.0.1 port={postgres_server.port} dbname=lagesbild_test user=postgres "
                      f"schema={name}") as store:
        store.add_area("Centrum", "district", "POLYGON((620000 6650000, 621000 6650000, 621000 6651000, "
                                              "620000 6651000, 620000 6650000))")
    yield name
    postgres_server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS {name} CASCADE")


@pytest.fixture
def messages(caplog):
    """Every log line: the plugin's logger and QGIS's message log."""
    caplog.set_level(logging.DEBUG)
    seen: list[str] = []
    log = QgsMessageLog.instance() if hasattr(QgsMessageLog, "instance") else QgsApplication.messageLog()
    log.messageReceived.connect(lambda message, tag, level: seen.append(f"{tag}: {message}"))
    yield lambda: seen + [record.getMessage() for record in caplog.records]


def test_a_store_opens_with_the_password_from_qgis_auth_database(postgres_server, authcfg, schema, messages,
                                                                 tmp_path):
    keys = f"host=127.0.0.1 port={postgres_server.port} dbname=lagesbild_test"
    # the server does ask: without the password the login is refused, in words
    with pytest.raises(StoreError) as refused:
        Store.open(f"{keys} user={LOGIN} schema={schema}")
    assert "cannot connect" in str(refused.value)

    location = StoreLocation.parse(f"{keys} authcfg={authcfg} schema={schema}")
    assert PASSWORD not in location.display and PASSWORD not in repr(location)
    with Store.open(location) as store:
        assert [a.name for a in store.areas()] == ["Centrum"]
        assert store._db.execute("SELECT current_user").fetchone()[0] == LOGIN

    project = QgsProject()
    loaded = layers.load_store(location, project, "en")
    source = loaded.areas.source()
    assert f"authcfg={authcfg}" in source and PASSWORD not in source and "password" not in source
    assert loaded.areas.featureCount() == 1  # QGIS resolved the authcfg itself
    assert layers.store_of(loaded.incidents) == location
    saved = tmp_path / "meeting.qgs"
    assert project.write(str(saved))
    assert PASSWORD not in saved.read_text(encoding="utf-8")

    with pytest.raises(StoreError) as unknown:
        Store.open(f"{keys} authcfg=nosuch1 schema={schema}")
    assert "nosuch1" in str(unknown.value)
    for text in messages() + [str(refused.value), str(unknown.value)]:
        assert PASSWORD not in text


def test_a_saved_qgis_connection_names_a_store_in_the_docks(qgis_iface, postgres_server, authcfg, schema,
                                                            messages):
    settings = QgsSettings()
    base = "PostgreSQL/connections/Kommunens server"
    for key, value in (("host", "127.0.0.1"), ("port", str(postgres_server.port)), ("database", "lagesbild_test"),
                       ("authcfg", authcfg), ("username", ""), ("password", ""), ("saveUsername", "false"),
                       ("savePassword", "false"), ("service", "")):
        settings.setValue(f"{base}/{key}", value)
    try:
        from lagesbild.core.store.qgis_connections import saved_connections
        from lagesbild.ui.situation_dock import SituationDock

        assert "Kommunens server" in saved_connections()
        text = saved_connection_text("Kommunens server", schema)
        location = StoreLocation.parse(text)
        assert location.schema == schema and f"authcfg={authcfg}" in location.target
        with Store.open(text) as store:
            assert store.areas()[0].name == "Centrum"

        project = QgsProject.instance()
        project.clear()
        dock = SituationDock(qgis_iface)
        try:
            menu = dock.server_button.menu()
            menu.aboutToShow.emit()
            assert "Kommunens server" in [action.text() for action in menu.actions()]
            dock.open_store(text)
            assert dock.store_path == location.display and PASSWORD not in dock.store_edit.text()
            dock.load_layers()
            incidents = layers.store_layers(project, dock.store_path)
            assert len(incidents) == 1 and incidents[0].isValid()
            assert PASSWORD not in incidents[0].source()
        finally:
            dock.unload()
            project.clear()
        with pytest.raises(StoreError, match="no saved PostgreSQL connection"):
            StoreLocation.parse(saved_connection_text("Finns inte", schema))
    finally:
        settings.remove(base)
    for text in messages():
        assert PASSWORD not in text


def test_a_saved_connection_with_its_password_stored_serves_the_dock_without_showing_it(
        qgis_iface, postgres_server, password_login, schema, messages):
    """QGIS may keep a saved connection's password in plain text: the dock
    then connects with it (its numbers work), and shows and saves it nowhere."""
    settings = QgsSettings()
    base = "PostgreSQL/connections/Med lösenord"
    for key, value in (("host", "127.0.0.1"), ("port", str(postgres_server.port)), ("database", "lagesbild_test"),
                       ("username", LOGIN), ("password", PASSWORD), ("saveUsername", "true"),
                       ("savePassword", "true"), ("authcfg", ""), ("service", "")):
        settings.setValue(f"{base}/{key}", value)
    from lagesbild.ui.situation_dock import SituationDock

    project = QgsProject.instance()
    project.clear()
    dock = SituationDock(qgis_iface)
    try:
        dock.open_store(saved_connection_text("Med lösenord", schema))
        assert dock.store_path and PASSWORD not in dock.store_path and f"user={LOGIN}" in dock.store_path
        dock.apply_filter()  # opens the store again, with the password it was opened with
        assert dock.summary_label.text().startswith("0 incidents")
        dock.clear_filter()
        assert dock.store_path and PASSWORD not in dock.store_edit.text()
        project_entries = project.readEntry("lagesbild", "situation/store", "")[0]
        assert project_entries == dock.store_path
    finally:
        dock.unload()
        project.clear()
        settings.remove(base)
    for text in messages():
        assert PASSWORD not in text
