"""lagesbild:importincidents: incidents from a CSV or Excel file, a vector
file or layer, or the police's open events, validated row by row with the
store's own rules, into a store; the rows refused listed by their line."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ..core.compat import FIELD_BOOL, FIELD_INT, FIELD_STRING, SOURCE_VECTOR, WKB_NO_GEOMETRY
from ..core.domain.importing import (
    FORMATS,
    ImportSourceError,
    Mapping,
    MappingError,
    load_mapping,
    read_source,
)
from ..core.domain.importing.convert import unused_columns
from ..core.domain.importing.mapping import Coordinates
from ..core.i18n import tr
from ..core.presentation.layer_source import layer_source
from ..core.store import Cancelled, Store, StoreError
from ..core.store.importing import MODE_ALL_OR_NOTHING, import_source
from .base import LagesbildAlgorithm
from .common import optional, store_input, store_parameter

INPUT_FILE_FILTER = "CSV, Excel, GeoJSON, JSON (*.csv *.txt *.xlsx *.geojson *.json *.gpkg *.shp);;All files (*)"
REJECTED_COLUMNS = ("line", "field", "reason", "duplicate")


class ImportIncidentsAlgorithm(LagesbildAlgorithm):
    INPUT = "INPUT"
    STORE = "STORE"
    FORMAT = "FORMAT"
    MAPPING = "MAPPING"
    COORDINATE_CRS = "COORDINATE_CRS"
    MODE = "MODE"
    OUTPUT_REJECTED = "OUTPUT_REJECTED"

    def name(self) -> str:
        return "importincidents"

    def displayName(self) -> str:
        return tr("Import incidents")

    def shortHelpString(self) -> str:
        return tr(
            "Imports incidents into a store from a CSV file (comma or semicolon, UTF-8 or Windows-1252, "
            "Swedish decimal commas and dates), an Excel workbook (.xlsx), a GeoJSON or other vector file, "
            "a layer (its id or source), or a file saved from the police's open events. Columns named like "
            "the store's fields fill them, and x and y give the place in the store's CRS; a mapping file "
            "(JSON, see the README) names other columns, coordinates in another CRS and which texts are which "
            "categories. Every row is checked with the store's own rules. All or nothing (the default): one "
            "bad row and nothing is written. Skip bad rows: the good rows are written. Rows imported before "
            "(the same source and id) are skipped and counted as duplicates; summaries in the police's feed "
            "are skipped and counted. The rejected rows table lists each row not written with its line in the "
            "file (the header is line 1), the field and the reason, beside the row's own columns, so it can be "
            "fixed and imported again."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Incidents to import (a file, or a layer's id or source)"), fileFilter=INPUT_FILE_FILTER))
        self.addParameter(store_input(self.STORE, tr("Store")))
        self.addParameter(optional(QgsProcessingParameterEnum(
            self.FORMAT, tr("Format"),
            options=[tr("Recognise"), tr("CSV"), tr("Excel (.xlsx)"), tr("Vector file or layer"),
                     tr("The police's open events (JSON)")], defaultValue=0)))
        self.addParameter(QgsProcessingParameterFile(
            self.MAPPING, tr("Mapping file (JSON)"), fileFilter=tr("Mapping (*.json)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.COORDINATE_CRS, tr("CRS of the x and y columns (when the mapping does not name one)"),
            optional=True))
        self.addParameter(optional(QgsProcessingParameterEnum(
            self.MODE, tr("When a row is bad"), options=[tr("Write nothing (all or nothing)"),
                                                         tr("Skip the bad rows")], defaultValue=0)))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_REJECTED, tr("Rejected rows"), SOURCE_VECTOR, optional=True,
            createByDefault=True))
        for name, text in (("IMPORTED", tr("Incidents imported")), ("DUPLICATES", tr("Rows imported before")),
                           ("SUMMARIES_SKIPPED", tr("Summaries skipped")), ("REJECTED", tr("Rows rejected"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def _source(self, parameters, context):
        raw = parameters.get(self.INPUT)
        if isinstance(raw, QgsVectorLayer):
            return layer_source(raw)
        text = self.parameterAsString(parameters, self.INPUT, context)
        kind = FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)]
        if text and Path(text).is_file():
            return read_source(text, kind)
        layer = QgsProcessingUtils.mapLayerFromString(text, context) if text else None
        if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
            raise QgsProcessingException(tr("{input} is neither a file nor a vector layer").format(input=text))
        return layer_source(layer)

    def _mapping(self, parameters, context) -> Mapping:
        path = self.parameterAsFile(parameters, self.MAPPING, context)
        try:
            mapping = load_mapping(path) if path else Mapping()
        except MappingError as error:
            raise QgsProcessingException(str(error)) from error
        crs = self.parameterAsCrs(parameters, self.COORDINATE_CRS, context)
        if crs.isValid() and mapping.coordinates is None:
            mapping.coordinates = Coordinates("x", "y", crs.authid() or crs.toWkt())
        return mapping

    def processAlgorithm(self, parameters, context, feedback):
        location = store_parameter(self, parameters, self.STORE, context)
        mapping = self._mapping(parameters, context)
        mode = self.parameterAsEnum(parameters, self.MODE, context)
        try:
            data = self._source(parameters, context)
        except ImportSourceError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("{count} rows read from {name}").format(count=len(data.rows), name=data.name))
        if data.encoding:
            feedback.pushInfo(tr("Read as {encoding}, columns separated by «{delimiter}»").format(
                encoding=data.encoding, delimiter=data.delimiter))
        unused = unused_columns(data, mapping)
        if unused:
            feedback.pushInfo(tr("Columns not imported: {columns}").format(columns=", ".join(unused)))

        def progress(fraction):
            feedback.setProgress(100 * fraction)
            return not feedback.isCanceled()

        try:
            with Store.open(location) as store:
                result = import_source(store, data, mapping, mode, progress)
        except (StoreError, Cancelled, ValueError) as error:
            raise QgsProcessingException(str(error)) from error

        sink_id = self._write_rejected(parameters, context, data.columns, result.refused)
        for row in result.rejected[:20]:
            feedback.pushWarning(tr("Line {line}: {reason}").format(line=row.line, reason=row.reason))
        if result.rejected and mode == MODE_ALL_OR_NOTHING:
            feedback.reportError(tr(
                "{count} rows have problems: nothing was written. Fix them (see the rejected rows) or choose to "
                "skip the bad rows.").format(count=len(result.rejected)))
        feedback.pushInfo(tr("{imported} incidents imported, {duplicates} rows imported before, {rejected} rows "
                             "rejected, {summaries} summaries skipped").format(
            imported=result.imported, duplicates=len(result.duplicates), rejected=len(result.rejected),
            summaries=data.summaries_skipped))
        outputs = {"IMPORTED": result.imported, "DUPLICATES": len(result.duplicates),
                   "SUMMARIES_SKIPPED": data.summaries_skipped, "REJECTED": len(result.rejected)}
        if sink_id is not None:
            outputs[self.OUTPUT_REJECTED] = sink_id
        return outputs

    def _write_rejected(self, parameters, context, columns, refused):
        fields = QgsFields()
        fields.append(QgsField("line", FIELD_INT))
        fields.append(QgsField("field", FIELD_STRING))
        fields.append(QgsField("reason", FIELD_STRING))
        fields.append(QgsField("duplicate", FIELD_BOOL))
        names = {}
        for column in columns:
            name = column if column.casefold() not in REJECTED_COLUMNS else f"source_{column}"
            names[column] = name
            fields.append(QgsField(name, FIELD_STRING))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT_REJECTED, context, fields, WKB_NO_GEOMETRY)
        if sink is None:
            return None
        for row in refused:
            feature = QgsFeature(fields)
            feature.setAttributes([int(row.line), row.fields, row.reason, bool(row.duplicate)]
                                  + [row.raw.get(column) for column in columns])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return sink_id
