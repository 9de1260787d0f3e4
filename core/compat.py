"""Every QGIS-version-dependent name, in one place.

The plugin runs on QGIS 3.22 up to QGIS 4 (Qt 6). QGIS moved many enums from
the classes that used them into ``Qgis`` (and Qt 6 drops ``QVariant`` types for
``QMetaType``); the old names warn on newer 3.x releases and are gone in
QGIS 4. The rest of the plugin imports the names below and never spells an
old one, so each move is decided here, by the running version, once.
``tests/test_qt6_readiness.py`` fails on old names anywhere else.
"""

from __future__ import annotations

from qgis.core import Qgis

QGIS_VERSION = Qgis.versionInt()

QGIS_3_30 = 33000  # Qgis.GeometryType, Qgis.WkbType
QGIS_3_36 = 33600  # Processing enums moved into Qgis
QGIS_3_38 = 33800  # QgsField types as QMetaType.Type


def _old(owner: str, *path: str):
    """An attribute of a QGIS 3 class, looked up only on the QGIS that has it."""
    import qgis.core

    value = getattr(qgis.core, owner)
    for name in path:
        value = getattr(value, name)
    return value


# Processing parameters -------------------------------------------------

if QGIS_VERSION >= QGIS_3_36:
    PARAMETER_FLAG_OPTIONAL = Qgis.ProcessingParameterFlag.Optional
    PARAMETER_FLAG_ADVANCED = Qgis.ProcessingParameterFlag.Advanced
    NUMBER_INTEGER = Qgis.ProcessingNumberParameterType.Integer
    NUMBER_DOUBLE = Qgis.ProcessingNumberParameterType.Double
    DATETIME_DATE = Qgis.ProcessingDateTimeParameterDataType.Date
    DATETIME_DATETIME = Qgis.ProcessingDateTimeParameterDataType.DateTime
    SOURCE_VECTOR = Qgis.ProcessingSourceType.Vector  # any vector, also a table without geometry
    SOURCE_VECTOR_POINT = Qgis.ProcessingSourceType.VectorPoint
    SOURCE_VECTOR_POLYGON = Qgis.ProcessingSourceType.VectorPolygon
    SOURCE_VECTOR_ANY_GEOMETRY = Qgis.ProcessingSourceType.VectorAnyGeometry
    FIELD_TYPE_ANY = Qgis.ProcessingFieldParameterDataType.Any
    FIELD_TYPE_NUMERIC = Qgis.ProcessingFieldParameterDataType.Numeric
    FIELD_TYPE_STRING = Qgis.ProcessingFieldParameterDataType.String
    FIELD_TYPE_DATETIME = Qgis.ProcessingFieldParameterDataType.DateTime
else:
    PARAMETER_FLAG_OPTIONAL = _old("QgsProcessingParameterDefinition", "FlagOptional")
    PARAMETER_FLAG_ADVANCED = _old("QgsProcessingParameterDefinition", "FlagAdvanced")
    NUMBER_INTEGER = _old("QgsProcessingParameterNumber", "Integer")
    NUMBER_DOUBLE = _old("QgsProcessingParameterNumber", "Double")
    DATETIME_DATE = _old("QgsProcessingParameterDateTime", "Date")
    DATETIME_DATETIME = _old("QgsProcessingParameterDateTime", "DateTime")
    SOURCE_VECTOR = _old("QgsProcessing", "TypeVector")
    SOURCE_VECTOR_POINT = _old("QgsProcessing", "TypeVectorPoint")
    SOURCE_VECTOR_POLYGON = _old("QgsProcessing", "TypeVectorPolygon")
    SOURCE_VECTOR_ANY_GEOMETRY = _old("QgsProcessing", "TypeVectorAnyGeometry")
    FIELD_TYPE_ANY = _old("QgsProcessingParameterField", "Any")
    FIELD_TYPE_NUMERIC = _old("QgsProcessingParameterField", "Numeric")
    FIELD_TYPE_STRING = _old("QgsProcessingParameterField", "String")
    FIELD_TYPE_DATETIME = _old("QgsProcessingParameterField", "DateTime")

# Geometry types ---------------------------------------------------------

if QGIS_VERSION >= QGIS_3_30:
    GEOMETRY_POINT = Qgis.GeometryType.Point
    GEOMETRY_LINE = Qgis.GeometryType.Line
    GEOMETRY_POLYGON = Qgis.GeometryType.Polygon
    WKB_POINT = Qgis.WkbType.Point
    WKB_MULTIPOLYGON = Qgis.WkbType.MultiPolygon
    WKB_POLYGON = Qgis.WkbType.Polygon
else:
    GEOMETRY_POINT = _old("QgsWkbTypes", "PointGeometry")
    GEOMETRY_LINE = _old("QgsWkbTypes", "LineGeometry")
    GEOMETRY_POLYGON = _old("QgsWkbTypes", "PolygonGeometry")
    WKB_POINT = _old("QgsWkbTypes", "Point")
    WKB_MULTIPOLYGON = _old("QgsWkbTypes", "MultiPolygon")
    WKB_POLYGON = _old("QgsWkbTypes", "Polygon")

# Raster colour ramps ------------------------------------------------------

if hasattr(Qgis, "ShaderInterpolationMethod"):
    SHADER_INTERPOLATED = Qgis.ShaderInterpolationMethod.Linear
    SHADER_DISCRETE = Qgis.ShaderInterpolationMethod.Discrete
    SHADER_EXACT = Qgis.ShaderInterpolationMethod.Exact
else:
    SHADER_INTERPOLATED = _old("QgsColorRampShader", "Interpolated")
    SHADER_DISCRETE = _old("QgsColorRampShader", "Discrete")
    SHADER_EXACT = _old("QgsColorRampShader", "Exact")

# Field types (QgsField(name, type)) ---------------------------------------

if QGIS_VERSION >= QGIS_3_38:
    from qgis.PyQt.QtCore import QMetaType

    FIELD_INT = QMetaType.Type.Int
    FIELD_LONG = QMetaType.Type.LongLong
    FIELD_DOUBLE = QMetaType.Type.Double
    FIELD_STRING = QMetaType.Type.QString
    FIELD_DATE = QMetaType.Type.QDate
    FIELD_DATETIME = QMetaType.Type.QDateTime
    FIELD_BOOL = QMetaType.Type.Bool
else:
    from qgis.PyQt.QtCore import QVariant

    FIELD_INT = QVariant.Int
    FIELD_LONG = QVariant.LongLong
    FIELD_DOUBLE = QVariant.Double
    FIELD_STRING = QVariant.String
    FIELD_DATE = QVariant.Date
    FIELD_DATETIME = QVariant.DateTime
    FIELD_BOOL = QVariant.Bool

# Message levels: Qgis.MessageLevel is scoped on every supported version.
MESSAGE_INFO = Qgis.MessageLevel.Info
MESSAGE_WARNING = Qgis.MessageLevel.Warning
MESSAGE_CRITICAL = Qgis.MessageLevel.Critical
MESSAGE_SUCCESS = Qgis.MessageLevel.Success

# No geometry (a table) -----------------------------------------------------

WKB_NO_GEOMETRY = Qgis.WkbType.NoGeometry if QGIS_VERSION >= QGIS_3_30 else _old("QgsWkbTypes", "NoGeometry")

# Feature requests: Qgis.FeatureRequestFlag from 3.36 on -----------------------

if hasattr(Qgis, "FeatureRequestFlag"):
    REQUEST_NO_GEOMETRY = Qgis.FeatureRequestFlag.NoGeometry
else:
    REQUEST_NO_GEOMETRY = _old("QgsFeatureRequest", "NoGeometry")

# Text in exported layouts (PDF, SVG): always as text, never as outlines -------

if hasattr(Qgis, "TextRenderFormat"):
    TEXT_RENDER_ALWAYS_TEXT = Qgis.TextRenderFormat.AlwaysText
else:
    TEXT_RENDER_ALWAYS_TEXT = _old("QgsRenderContext", "TextFormatAlwaysText")

# Symbols, units and labels (the situation picture's styles) ----------------

if hasattr(Qgis, "RenderUnit"):
    RENDER_MAP_UNITS = Qgis.RenderUnit.MapUnits
    RENDER_MILLIMETERS = Qgis.RenderUnit.Millimeters
else:
    RENDER_MAP_UNITS = _old("QgsUnitTypes", "RenderMapUnits")
    RENDER_MILLIMETERS = _old("QgsUnitTypes", "RenderMillimeters")

if hasattr(Qgis, "LabelPlacement"):
    LABEL_OVER_POINT = Qgis.LabelPlacement.OverPoint
else:
    LABEL_OVER_POINT = _old("QgsPalLayerSettings", "OverPoint")

if hasattr(_old("QgsSymbol", "Property"), "Opacity"):
    SYMBOL_OPACITY = _old("QgsSymbol", "Property", "Opacity")
else:
    SYMBOL_OPACITY = _old("QgsSymbol", "PropertyOpacity")

def _symbol_property(name: str):
    """A symbol layer's data-defined property: ``QgsSymbolLayer.Property.<name>``
    where the enum is scoped, else ``QgsSymbolLayer.Property<name>``."""
    scoped = _old("QgsSymbolLayer", "Property")
    return getattr(scoped, name) if hasattr(scoped, name) else _old("QgsSymbolLayer", f"Property{name}")


SYMBOL_LAYER_FILL_COLOR = _symbol_property("FillColor")
SYMBOL_LAYER_STROKE_COLOR = _symbol_property("StrokeColor")
SYMBOL_LAYER_STROKE_WIDTH = _symbol_property("StrokeWidth")
SYMBOL_LAYER_SIZE = _symbol_property("Size")
SYMBOL_LAYER_STROKE_STYLE = _symbol_property("StrokeStyle")

# Qgis.VectorTemporalMode exists from 3.22 on, the oldest QGIS supported.
TEMPORAL_START_END_EXPRESSIONS = Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromExpressions

# Styles saved in the data source (a GeoPackage's layer_styles) ---------------


def save_style_to_database(layer, name: str, description: str, use_as_default: bool, ui_file: str = "") -> str:
    """Save ``layer``'s style in its data source; the error message, '' when
    saved. ``saveStyleToDatabase`` is deprecated from QGIS 3.44 (and gone in 4)
    in favour of ``saveStyleToDatabaseV2``, which also returns what was saved."""
    if hasattr(layer, "saveStyleToDatabaseV2"):
        _saved, error = layer.saveStyleToDatabaseV2(name, description, use_as_default, ui_file)
        return error or ""
    return layer.saveStyleToDatabase(name, description, use_as_default, ui_file) or ""


# A layer's attribution ----------------------------------------------------------


def set_attribution(layer, text: str) -> None:
    """``QgsMapLayer.setAttribution`` is deprecated from QGIS 3.38 in favour
    of the layer's server properties, which hold the same text."""
    if QGIS_VERSION >= QGIS_3_38:
        layer.serverProperties().setAttribution(text)
    else:
        layer.setAttribution(text)


def attribution(layer) -> str:
    return layer.serverProperties().attribution() if QGIS_VERSION >= QGIS_3_38 else layer.attribution()

# A layer chooser showing vector layers: Qgis.LayerFilter from 3.34 on ----------

if hasattr(Qgis, "LayerFilter"):
    VECTOR_LAYER_FILTER = Qgis.LayerFilter.VectorLayer
else:
    VECTOR_LAYER_FILTER = _old("QgsMapLayerProxyModel", "VectorLayer")
