"""The plugin's settings: one dataclass over the QgsSettings group
"lagesbild", round-tripped through real QgsSettings, and the one "last store"
that both docks share."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsSettings

from lagesbild.core import settings as plugin_settings
from lagesbild.core.store import Store


@pytest.fixture
def clean_settings():
    plugin_settings.clear()
    yield QgsSettings()
    plugin_settings.clear()


def test_defaults_when_nothing_is_stored(clean_settings):
    assert plugin_settings.load() == plugin_settings.Settings(last_store="", organisation="")


def test_round_trip_through_qgs_settings(clean_settings):
    written = plugin_settings.Settings(last_store="/data/lagesbild.gpkg", organisation="housing")
    plugin_settings.save(written)
    # what another QgsSettings object (another part of QGIS) reads
    assert QgsSettings().value("lagesbild/last_store") == "/data/lagesbild.gpkg"
    assert QgsSettings().value("lagesbild/organisation") == "housing"
    assert plugin_settings.load() == written

    changed = plugin_settings.update(organisation="police")
    assert changed == plugin_settings.Settings(last_store="/data/lagesbild.gpkg", organisation="police")
    assert plugin_settings.load() == changed


def test_update_refuses_unknown_names_and_wrong_types(clean_settings):
    with pytest.raises(KeyError, match="no_such"):
        plugin_settings.update(no_such="x")
    with pytest.raises(TypeError, match="last_store"):
        plugin_settings.update(last_store=3)
    assert not clean_settings.contains("lagesbild/no_such")
    assert plugin_settings.load().last_store == ""


def test_the_form_docks_old_keys_are_read_once(clean_settings):
    clean_settings.setValue("lagesbild/form_store_path", "/old/store.gpkg")
    clean_settings.setValue("lagesbild/form_organisation", "security")
    assert plugin_settings.load() == plugin_settings.Settings(last_store="/old/store.gpkg",
                                                              organisation="security")
    # moved: the new keys hold the values, the old ones are gone
    assert clean_settings.value("lagesbild/last_store") == "/old/store.gpkg"
    assert not clean_settings.contains("lagesbild/form_store_path")
    assert not clean_settings.contains("lagesbild/form_organisation")
    plugin_settings.update(last_store="/new/store.gpkg")
    assert plugin_settings.load().last_store == "/new/store.gpkg"


def test_an_old_key_never_overrides_the_shared_one(clean_settings):
    clean_settings.setValue("lagesbild/last_store", "/situation/store.gpkg")  # the situation dock's key
    clean_settings.setValue("lagesbild/form_store_path", "/form/store.gpkg")
    assert plugin_settings.load().last_store == "/situation/store.gpkg"
    assert not clean_settings.contains("lagesbild/form_store_path")


def test_a_store_opened_in_the_situation_dock_is_the_forms_store(qgis_iface, tmp_path, clean_settings):
    from lagesbild.ui.incident_form import IncidentFormDock
    from lagesbild.ui.situation_dock import SituationDock

    path = tmp_path / "shared.gpkg"
    Store.create(path).close()
    QgsProject.instance().removeAllMapLayers()
    situation = SituationDock(qgis_iface)
    form = None
    try:
        situation.open_store(str(path))
        assert plugin_settings.load().last_store == str(path.resolve())
        form = IncidentFormDock(qgis_iface)  # no store layer in the project: the last store
        assert form.store is not None and form.store.path.resolve() == path.resolve()
        assert form.store_label.text().startswith("Store: shared.gpkg")
    finally:
        situation.unload()
        if form is not None:
            form.unload()
            form.deleteLater()
        situation.deleteLater()
        QgsProject.instance().clear()
