"""Small helpers shared by the algorithms."""

from qgis.core import QgsProcessingException, QgsProcessingParameterDefinition, QgsProcessingParameterFile

from ..core.compat import PARAMETER_FLAG_OPTIONAL
from ..core.i18n import tr
from ..core.store import StoreError, StoreLocation


def optional(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """Mark a parameter optional. qgis_process on QGIS 3.22 reports a required
    parameter with a default as missing, so defaults live on optional ones."""
    parameter.setFlags(parameter.flags() | PARAMETER_FLAG_OPTIONAL)
    return parameter


STORE_FILE_FILTER = "GeoPackage (*.gpkg);;All files (*)"  # all: a PostgreSQL connection is no file


def store_input(name: str, description: str) -> QgsProcessingParameterFile:
    """A STORE parameter naming an existing store: a GeoPackage picked as a
    file, or a PostgreSQL connection typed as text (``store_parameter``)."""
    return QgsProcessingParameterFile(name, description, fileFilter=STORE_FILE_FILTER)


def store_parameter(algorithm, parameters, name, context, new: bool = False) -> StoreLocation:
    """A STORE parameter as a store location: a PostgreSQL connection
    (``postgresql://…``, ``service=…``, with ``schema=``) as given, or the
    GeoPackage file the file parameter names (``new``: a file destination)."""
    raw = parameters.get(name)
    try:
        if isinstance(raw, str) and raw.strip():
            location = StoreLocation.parse(raw)
            if location.backend != "gpkg":
                return location
        if new:
            path = algorithm.parameterAsFileOutput(parameters, name, context)
        else:
            path = algorithm.parameterAsFile(parameters, name, context)
        if not path:
            raise QgsProcessingException(tr("give the store: a GeoPackage file or a PostgreSQL connection"))
        return StoreLocation.parse(path)
    except StoreError as error:
        raise QgsProcessingException(str(error)) from error


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
