"""lagesbild:hotspots: where incidents cluster beyond chance (Getis-Ord Gi*)."""

from osgeo import ogr
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from ..core.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, NUMBER_DOUBLE, SOURCE_VECTOR_POLYGON, WKB_POLYGON
from ..core.domain.analysis import AnalysisError
from ..core.domain.analysis.fdr import label
from ..core.domain.analysis.hotspots import hotspots
from ..core.domain.geometry import to_ogr
from ..core.i18n import tr
from ..core.presentation.styling import hotspot_renderer
from .base import AnalysisAlgorithm
from .common import optional, ring_geometry
from .inputs import add_incident_parameters, read_incidents, require_metres
from .styles import style_output

SHAPES = ("square", "hexagon")


def boundary_geometry(source, crs, context) -> ogr.Geometry:
    """The union of a polygon layer's features, in ``crs``, as OGR."""
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    union = None
    for feature in source.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            continue
        geometry.transform(transform)
        part = to_ogr(geometry)
        union = part if union is None else union.Union(part)
    return union if union is not None else ogr.Geometry(ogr.wkbMultiPolygon)


class HotspotsAlgorithm(AnalysisAlgorithm):
    GRID = "GRID"
    CELL_SIZE = "CELL_SIZE"
    DISTANCE_BAND = "DISTANCE_BAND"
    BOUNDARY = "BOUNDARY"
    OUTPUT = "OUTPUT"
    CELL_SIZE_USED = "CELL_SIZE_USED"
    DISTANCE_BAND_USED = "DISTANCE_BAND_USED"

    def name(self):
        return "hotspots"

    def displayName(self):
        return tr("Hotspots (Getis-Ord Gi*)")

    def shortHelpString(self):
        return tr(
            "Where do incidents cluster beyond chance? Counts the incidents into a square or hexagon grid "
            "and computes the Getis-Ord Gi* statistic of every cell with a fixed distance band. Each cell "
            "gets its count, gi_z (how many standard deviations its neighbourhood lies above or below the "
            "mean), gi_p (two-sided p-value) and gi_bin: +3/+2/+1 a hot spot at 99/95/90 % confidence, "
            "−1/−2/−3 a cold spot, 0 not significant, after the Benjamini–Hochberg false discovery rate "
            "correction. A cell size or distance band of 0 is chosen automatically (as ArcGIS's Optimized "
            "Hot Spot Analysis does); the values used are in the log and the outputs. For a hexagon grid "
            "the cell size is the distance between neighbouring cell centres (the width across flats). "
            "With a boundary only the cells that intersect it are analysed, empty ones included."
        )

    def initAlgorithm(self, config=None):
        add_incident_parameters(self)
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID, tr("Grid"), options=[tr("Square"), tr("Hexagon")], defaultValue=0))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.CELL_SIZE, tr("Cell size (metres, 0 = automatic)"), NUMBER_DOUBLE,
            defaultValue=0.0, minValue=0.0)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.DISTANCE_BAND, tr("Distance band (metres, 0 = automatic)"), NUMBER_DOUBLE,
            defaultValue=0.0, minValue=0.0)))
        self.addParameter(optional(QgsProcessingParameterFeatureSource(
            self.BOUNDARY, tr("Boundary (polygons)"), [SOURCE_VECTOR_POLYGON])))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Hotspots"), SOURCE_VECTOR_POLYGON))
        self.addOutput(QgsProcessingOutputNumber(self.CELL_SIZE_USED, tr("Cell size used (metres)")))
        self.addOutput(QgsProcessingOutputNumber(self.DISTANCE_BAND_USED, tr("Distance band used (metres)")))

    def processAlgorithm(self, parameters, context, feedback):
        incidents = read_incidents(self, parameters, context, feedback, with_time=False)
        require_metres(incidents)
        boundary = None
        boundary_source = self.parameterAsSource(parameters, self.BOUNDARY, context)
        if boundary_source is not None:
            boundary = boundary_geometry(boundary_source, incidents.crs, context)
        feedback.setProgress(35)
        try:
            result = hotspots(incidents.x, incidents.y, SHAPES[self.parameterAsEnum(parameters, self.GRID, context)],
                              self.parameterAsDouble(parameters, self.CELL_SIZE, context),
                              self.parameterAsDouble(parameters, self.DISTANCE_BAND, context), boundary)
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("{n} incidents in {cells} cells; cell size {size:.1f} m, distance band {band:.1f} m "
                             "({rule})").format(n=int(result.counts.sum()), cells=len(result.grid),
                                               size=result.cell_size, band=result.band, rule=result.band_rule))
        feedback.setProgress(60)

        fields = QgsFields()
        fields.append(QgsField("count", FIELD_INT))
        fields.append(QgsField("gi_z", FIELD_DOUBLE))
        fields.append(QgsField("gi_p", FIELD_DOUBLE))
        fields.append(QgsField("gi_bin", FIELD_INT))
        fields.append(QgsField("label", FIELD_STRING))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                                 WKB_POLYGON, incidents.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rings = result.grid.rings()
        labels = {b: label(b) for b in range(-3, 4)}
        # plain Python numbers: a feature with NumPy scalars is dropped silently on QGIS 3.22
        counts, zs, ps, bins = (result.counts.tolist(), result.z.tolist(), result.p.tolist(),
                                result.bins.tolist())
        total = len(counts)
        for i in range(total):
            if i % 5000 == 0:
                if feedback.isCanceled():
                    return {}
                feedback.setProgress(60 + 40 * i / total)
            feature = QgsFeature(fields)
            feature.setGeometry(ring_geometry(rings[i]))
            feature.setAttributes([counts[i], zs[i], ps[i], bins[i], labels[bins[i]]])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        del sink
        style_output(context, destination, lambda layer: layer.setRenderer(hotspot_renderer()))
        return {self.OUTPUT: destination, self.CELL_SIZE_USED: result.cell_size,
                self.DISTANCE_BAND_USED: result.band}
