"""lagesbild:publishaggregates: counts per zone and category for a period,
small counts suppressed, for open data (README "Publishing counts")."""

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ..core.compat import (
    DATETIME_DATE,
    FIELD_BOOL,
    FIELD_INT,
    FIELD_STRING,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    WKB_MULTIPOLYGON,
)
from ..core.domain.analysis.suppression import DEFAULT_MIN_COUNT
from ..core.domain.timeutil import Period
from ..core.i18n import tr
from ..core.store import Store
from ..core.store.publish import GROUPINGS, MIN_CELL_SIZE, TOTAL, publication, rule_text
from .base import LagesbildAlgorithm
from .common import check_period_days, optional, parameter_as_date, store_input, store_parameter

AREA_KINDS = (None, "district", "focus_area")
METADATA_SUFFIX = ".about.txt"  # beside the output: the rule and what was left out


class PublishAggregatesAlgorithm(LagesbildAlgorithm):
    STORE = "STORE"
    PERIOD_START = "PERIOD_START"
    PERIOD_END = "PERIOD_END"
    GROUP_BY = "GROUP_BY"
    AREA_KIND = "AREA_KIND"
    CELL_SIZE = "CELL_SIZE"
    MIN_COUNT = "MIN_COUNT"
    OUTPUT = "OUTPUT"
    METADATA = "METADATA"
    SUPPRESSED = "SUPPRESSED"
    LEFT_OUT = "LEFT_OUT"

    def name(self) -> str:
        return "publishaggregates"

    def displayName(self) -> str:
        return tr("Publish counts (small counts suppressed)")

    def shortHelpString(self) -> str:
        return tr(
            "Counts of the store's incidents in a period per zone (the store's areas, or square grid cells) "
            "and per category, for open data or the municipality's web site: one row per zone and category "
            "(zone, category, count, suppressed), each zone's total (category = total), each category's total "
            "(zone = total) and the grand total. An incident inside two overlapping areas counts in both (choose "
            "districts to count each once). Nothing else leaves the store: no free text, no "
            "organisation, no time, no incident's point. Every count from 1 to MIN_COUNT − 1 is suppressed "
            "(count empty, suppressed true) and so is every further count needed so that no suppressed count "
            "can be worked out from the totals beside it; zeros are published. Incidents placed only at a "
            "municipality's or county's centre lie in no zone and are left out (counted in the log). The "
            "rule is written beside the output, in a text file named like it with .about.txt added, and in a "
            "GeoPackage's layer description."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_input(self.STORE, tr("Store")))
        self.addParameter(QgsProcessingParameterDateTime(
            self.PERIOD_START, tr("Period start (first day, inclusive)"), DATETIME_DATE))
        self.addParameter(QgsProcessingParameterDateTime(
            self.PERIOD_END, tr("Period end (last day, inclusive)"), DATETIME_DATE))
        self.addParameter(optional(QgsProcessingParameterEnum(
            self.GROUP_BY, tr("Zones"), options=[tr("The store's areas"), tr("Square grid cells")], defaultValue=0)))
        self.addParameter(optional(QgsProcessingParameterEnum(
            self.AREA_KIND, tr("Areas of the kind"), options=[tr("All areas"), tr("Districts"), tr("Focus areas")],
            defaultValue=0)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.CELL_SIZE, tr("Cell size (metres, for grid cells)"), NUMBER_DOUBLE, defaultValue=1000.0,
            minValue=MIN_CELL_SIZE)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.MIN_COUNT, tr("Smallest count published (smaller ones are suppressed)"), NUMBER_INTEGER,
            defaultValue=DEFAULT_MIN_COUNT, minValue=1)))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Published counts")))
        self.addOutput(QgsProcessingOutputFile(self.METADATA, tr("The rule and what was left out (text)")))
        self.addOutput(QgsProcessingOutputNumber(self.SUPPRESSED, tr("Counts suppressed")))
        self.addOutput(QgsProcessingOutputNumber(self.LEFT_OUT, tr("Incidents left out (no zone)")))

    def processAlgorithm(self, parameters, context, feedback):
        location = store_parameter(self, parameters, self.STORE, context)
        start = parameter_as_date(self, parameters, self.PERIOD_START, context)
        end = parameter_as_date(self, parameters, self.PERIOD_END, context)
        if start is None or end is None:
            raise QgsProcessingException(tr("give the period: PERIOD_START and PERIOD_END"))
        check_period_days(start, end)
        if end < start:
            raise QgsProcessingException(tr("the period runs backwards: {start} to {end}").format(
                start=start, end=end))
        group_by = GROUPINGS[self.parameterAsEnum(parameters, self.GROUP_BY, context)]
        cell_size = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        area_kind = AREA_KINDS[self.parameterAsEnum(parameters, self.AREA_KIND, context)]
        min_count = self.parameterAsInt(parameters, self.MIN_COUNT, context)
        with Store.open(location, read_only=True) as store:
            result = publication(store, Period(start, end), group_by, cell_size, min_count, area_kind)
            crs = QgsCoordinateReferenceSystem(store.crs)
        about = rule_text(result)
        for line in about.splitlines():
            feedback.pushInfo(line)
        left_out = result.unplaced + result.outside
        if result.unplaced:
            feedback.pushWarning(tr("{count} incidents placed only at a municipality's or county's centre were "
                                    "left out: they lie in no zone").format(count=result.unplaced))

        fields = QgsFields()
        for name, kind in (("zone", FIELD_STRING), ("category", FIELD_STRING), ("count", FIELD_INT),
                           ("suppressed", FIELD_BOOL)):
            fields.append(QgsField(name, kind))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_MULTIPOLYGON, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        geometries = [QgsGeometry.fromWkt(g.ExportToIsoWkt()) for g in result.geometries]
        for zone, category, count, suppressed, index in result.rows():
            feature = QgsFeature(fields)
            feature.setAttributes([zone, category, count, suppressed])
            if index is not None:
                feature.setGeometry(geometries[index])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        del sink
        metadata = _write_about(destination, about)
        return {self.OUTPUT: destination, self.METADATA: metadata,
                self.SUPPRESSED: int(result.hidden.sum()), self.LEFT_OUT: left_out}


def _write_about(destination: str, about: str) -> str | None:
    """The rule beside a file output (and as a GeoPackage layer's
    description); the total rows' geometry made NULL (QGIS's writer gives
    them an empty one). None for an output that is no file."""
    path = Path(str(destination).split("|", 1)[0])
    if not path.is_file():
        return None
    side = path.with_name(path.name + METADATA_SUFFIX)
    side.write_text(about + "\n", encoding="utf-8")
    if path.suffix.lower() in (".gpkg", ".geojson", ".json"):
        from osgeo import ogr

        dataset = ogr.Open(str(path), 1)
        if dataset is not None:
            layer = dataset.GetLayer(0)
            if path.suffix.lower() == ".gpkg":
                layer.SetMetadataItem("DESCRIPTION", about)
            layer.SetAttributeFilter(f"zone = '{TOTAL}'")
            for feature in list(layer):
                feature.SetGeometryDirectly(None)
                layer.SetFeature(feature)
            dataset = None
    return str(side)
