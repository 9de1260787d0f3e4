"""Lägesbild QGIS plugin: the entry point QGIS calls."""


def classFactory(iface):  # noqa: N802 (name required by QGIS)
    """Return the plugin; ``iface`` is None when qgis_process loads it."""
    from .plugin import LagesbildPlugin

    return LagesbildPlugin(iface)
