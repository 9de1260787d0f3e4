"""The QField project: a ``.qgz`` with relative paths over a field copy
(``core/store/field_copy``) or, online, over a PostgreSQL store itself.

It carries the standard form (``form_config``: the same widgets and
constraints as the desktop form), with the reporters' organisation as the
fixed default of ``reporting_org``, the time of the report as the default of
``reported_at``, the photo as QField's attachment widget, the incidents drawn
by category with their icons inside the project, the code tables as layers
(so that the value relations resolve on the phone), the areas, the measures
and, when given, a background map copied beside the project.

The point of a new report is where QField's crosshair is: with positioning
on and the crosshair snapped to the position, that is the GPS position (QField
has no default expression for a geometry; ``@position_*`` serve attributes
only). qgis.core only."""

from __future__ import annotations

import shutil
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorLayer,
)

from ..domain import schema
from ..i18n import tr
from ..store import StoreError, StoreLocation
from . import form_config, styling

PROJECT_NAME = "lagesbild_field.qgz"
BACKGROUND_FOLDER = "background"
CODE_TABLES = ("categories", "organisations")
LAYER_NAMES = {  # (Swedish, English)
    "incidents": ("Händelser", "Incidents"), "areas": ("Områden", "Areas"), "measures": ("Åtgärder", "Measures"),
}


def _layer(location: StoreLocation, table: str, name: str) -> QgsVectorLayer:
    source, provider = location.layer_source(table)
    layer = QgsVectorLayer(source, name, provider)
    if not layer.isValid():
        raise StoreError(tr("the layer {table} of {store} cannot be opened").format(
            table=table, store=location.display))
    return layer


def _background(path: Path, folder: Path) -> QgsRasterLayer:
    """The background map copied into the project's folder and opened from there."""
    target_folder = folder / BACKGROUND_FOLDER
    target_folder.mkdir(exist_ok=True)
    target = target_folder / path.name
    if path.resolve() != target.resolve():
        shutil.copy2(path, target)
    layer = QgsRasterLayer(str(target), path.stem, "gdal")
    if not layer.isValid():
        target.unlink(missing_ok=True)
        raise StoreError(tr("the background map {path} is not a raster, MBTiles or GeoPackage tile layer that QGIS "
                            "can open").format(path=path))
    return layer


def configure_field_form(layer: QgsVectorLayer, location: StoreLocation, organisation: str, language: str,
                         code_layers: dict[str, QgsVectorLayer], project: QgsProject) -> None:
    """The standard form on ``layer``, for reporters of ``organisation``, in ``project``."""
    form_config.configure(layer, location, language)
    fields = layer.fields()
    org = fields.indexOf("reporting_org")
    quoted = organisation.replace("'", "''")
    layer.setDefaultValueDefinition(org, QgsDefaultValue(f"'{quoted}'", False))
    form = layer.editFormConfig()
    form.setReadOnly(org, True)
    layer.setEditFormConfig(form)
    # value relations name the project's own code-table layers (by id too):
    # QField finds them without looking at a path that is not on the phone;
    # their source, a fallback, is relative to the project as the layers' are
    for index in range(fields.count()):
        setup = layer.editorWidgetSetup(index)
        if setup.type() != "ValueRelation":
            continue
        config = dict(setup.config())
        code_layer = code_layers[config["LayerName"]]
        config["Layer"] = code_layer.id()
        config["LayerSource"] = project.pathResolver().writePath(code_layer.source())
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueRelation", config))
    layer.setRenderer(styling.incident_renderer(language, embed=True))


def write_field_project(location: StoreLocation, folder: Path, organisation: str, language: str, crs: str,
                        extent: tuple[float, float, float, float], background: Path | None = None) -> Path:
    """Write the project into ``folder`` over the store at ``location`` (the
    field copy, or the PostgreSQL store itself); returns the project's path."""
    folder = Path(folder)
    project = QgsProject()
    path = folder / PROJECT_NAME
    project.setFileName(str(path))
    project.writeEntryBool("Paths", "/Absolute", False)
    project.setTitle(tr("Lägesbild: reporting in the field ({organisation})").format(organisation=organisation))
    reference = QgsCoordinateReferenceSystem(crs)
    project.setCrs(reference)
    names = {table: pair[0] if language == "sv" else pair[1] for table, pair in LAYER_NAMES.items()}
    code_layers = {table: _layer(location, table, table) for table in CODE_TABLES}
    incidents = _layer(location, schema.INCIDENTS.name, names["incidents"])
    configure_field_form(incidents, location, organisation, language, code_layers, project)
    layers = [incidents, _layer(location, "measures", names["measures"]), _layer(location, "areas", names["areas"])]
    if background is not None:
        layers.append(_background(Path(background), folder))
    for layer in list(code_layers.values()) + layers:
        project.addMapLayer(layer)
    root = project.layerTreeRoot()
    for position, layer in enumerate(layers):  # incidents on top, the background at the bottom
        node = root.findLayer(layer.id())
        clone = node.clone()
        root.insertChildNode(position, clone)
        node.parent().removeChildNode(node)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(QgsRectangle(*extent), reference))
    if not project.write():
        raise StoreError(tr("the project cannot be written to {path}: {error}").format(
            path=path, error=project.error()))
    return path
