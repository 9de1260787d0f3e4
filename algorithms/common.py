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


def expression_problem(text) -> str | None:
    """Why QGIS cannot parse the expression ``text``, or None when it can (or
    there is none). ``parameterAsExpression`` hands an unparsable expression
    over as '', which would read as "no filter": the raw text is parsed here."""
    from qgis.core import QgsExpression

    if not isinstance(text, str) or not text.strip():
        return None
    parsed = QgsExpression(text.strip())
    if not parsed.hasParserError():
        return None
    return tr("the FILTER expression is not valid: {error}").format(error=parsed.parserErrorString())


# the days a period may cover: what the time arithmetic (a day after the end,
# the same period a year before) can always compute
FIRST_DAY = (1900, 1, 1)
LAST_DAY = (9998, 12, 31)


def check_period_days(start, end) -> None:
    """Refuse, in words, a period with a day outside FIRST_DAY..LAST_DAY."""
    from datetime import date

    low, high = date(*FIRST_DAY), date(*LAST_DAY)
    for day in (start, end):
        if day is not None and not (low <= day <= high):
            raise QgsProcessingException(tr(
                "the day {day} lies outside the days that can be analysed ({low} to {high}): "
                "check PERIOD_START and PERIOD_END").format(day=day.isoformat(), low=low.isoformat(),
                                                            high=high.isoformat()))


def check_time_field(source, name: str, in_store: bool, store_time_fields) -> None:
    """Refuse a TIME_FIELD that holds no times: a store's field that is not
    one of its time fields, or a number field of any layer. (A field that is
    missing is said where the time is read.)"""
    index = source.fields().indexOf(name)
    if index < 0:
        return
    field = source.fields().at(index)
    if (in_store and name not in store_time_fields) or field.isNumeric():
        raise QgsProcessingException(tr(
            "the TIME_FIELD {name} holds no dates and times: choose one of {fields}").format(
            name=name, fields=", ".join(sorted(store_time_fields)) if in_store else tr("the layer's date fields")))


def ring_geometry(ring, multi: bool = False):
    """A QgsGeometry polygon (or multipolygon) from one closed ring of (x, y)."""
    from qgis.core import QgsGeometry

    coordinates = ", ".join(f"{x!r} {y!r}" for x, y in ring.tolist())
    return QgsGeometry.fromWkt(f"MULTIPOLYGON((({coordinates})))" if multi else f"POLYGON(({coordinates}))")
