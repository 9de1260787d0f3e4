"""What plain QGIS makes of a project: run as a script by a Python that has
qgis.core and nothing of the plugin.

    python3 plain_qgis_project.py PROJECT

prints JSON: each layer's name, validity, provider and source; the form of
the layer named by the incidents table (``plain_qgis_form.form_of``), and
which value relations resolve to a layer of the project; whether any plugin
module was loaded."""

from __future__ import annotations

import json
import os
import sys


def main(argv: list[str]) -> None:
    from plain_qgis_form import form_of
    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    result = {"read": project.read(argv[1]), "layers": []}
    for layer in project.mapLayers().values():
        result["layers"].append({"name": layer.name(), "valid": layer.isValid(), "provider": layer.providerType(),
                                 "source": layer.source(), "features": layer.featureCount()
                                 if isinstance(layer, QgsVectorLayer) else None})
        if isinstance(layer, QgsVectorLayer) and layer.fields().indexOf("reporting_org") >= 0:
            result["form"] = form_of(layer)
            resolved = {}
            for index, field in enumerate(layer.fields()):
                setup = layer.editorWidgetSetup(index)
                if setup.type() == "ValueRelation":
                    found = project.mapLayer(setup.config()["Layer"])
                    resolved[field.name()] = found.name() if found is not None else None
            result["resolved"] = resolved
    result["plugin_modules"] = sorted(name for name in sys.modules if "lagesbild" in name)
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv)
