"""A QGIS vector layer as import rows: at home in core/presentation/layer_source.py,
which the import dialog uses as well."""

from ..core.presentation.layer_source import layer_source

__all__ = ["layer_source"]
