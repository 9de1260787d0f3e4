"""Small helpers shared by the algorithms."""

from qgis.core import QgsProcessingParameterDefinition

from ..core.compat import PARAMETER_FLAG_OPTIONAL


def optional(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """Mark a parameter optional. qgis_process on QGIS 3.22 reports a required
    parameter with a default as missing, so defaults live on optional ones."""
    parameter.setFlags(parameter.flags() | PARAMETER_FLAG_OPTIONAL)
    return parameter


def parameter_as_date(algorithm, parameters, name, context):
    """A date parameter as ``datetime.date``, or None when not given.
    (``parameterAsDate`` is missing on QGIS 3.22; the date-time reading works
    for date parameters on every version.)"""
    from datetime import date

    if parameters.get(name) in (None, ""):
        return None
    value = algorithm.parameterAsDateTime(parameters, name, context)
    if not value.isValid():
        return None
    day = value.date()
    return date(day.year(), day.month(), day.day())


def ring_geometry(ring, multi: bool = False):
    """A QgsGeometry polygon (or multipolygon) from one closed ring of (x, y)."""
    from qgis.core import QgsGeometry

    coordinates = ", ".join(f"{x!r} {y!r}" for x, y in ring.tolist())
    return QgsGeometry.fromWkt(f"MULTIPOLYGON((({coordinates})))" if multi else f"POLYGON(({coordinates}))")
