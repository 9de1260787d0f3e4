"""lagesbild:emerginghotspots: is a place getting worse (emerging hot spot analysis)?"""

import numpy as np
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from ..core.compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_VECTOR,
    SOURCE_VECTOR_POLYGON,
    WKB_NO_GEOMETRY,
    WKB_POLYGON,
)
from ..core.domain.analysis import AnalysisError
from ..core.domain.analysis.emerging import PATTERNS, STEPS, emerging_hotspots, pattern_label, step_start
from ..core.domain.analysis.hotspots import hotspots
from ..core.domain.timeutil import epoch_day, local_parts
from ..core.i18n import tr
from ..core.presentation.emerging_style import emerging_renderer
from .base import AnalysisAlgorithm
from .common import optional
from .hotspots import boundary_geometry
from .inputs import add_incident_parameters, require_metres
from .output import write_cells, write_features
from .precision import add_precision_parameter, read_placed_incidents
from .styles import style_output


class EmergingHotspotsAlgorithm(AnalysisAlgorithm):
    CELL_SIZE = "CELL_SIZE"
    DISTANCE_BAND = "DISTANCE_BAND"
    TIME_STEP = "TIME_STEP"
    TIME_NEIGHBOURS = "TIME_NEIGHBOURS"
    BOUNDARY = "BOUNDARY"
    OUTPUT = "OUTPUT"
    OUTPUT_CUBE = "OUTPUT_CUBE"

    def name(self):
        return "emerginghotspots"

    def displayName(self):
        return tr("Emerging hot spots (space-time trends)")

    def shortHelpString(self):
        return tr(
            "Is a place getting worse? Counts the incidents of every grid cell in every TIME_STEP (week, "
            "month or quarter of local dates), computes Getis-Ord Gi* for every cell and step over its "
            "neighbours within the distance band in that step and the TIME_NEIGHBOURS steps before it, "
            "marks each step's hot and cold spots at 90 % confidence after the Benjamini–Hochberg "
            "correction, tests the trend of each cell's z-scores (and of its counts) with Mann–Kendall, and "
            "gives each cell one pattern: new, consecutive, intensifying, persistent, diminishing, "
            "sporadic, oscillating or historical hot (or cold) spot, or no pattern, by the rules of "
            "ArcGIS Pro's Emerging Hot Spot Analysis (90 % of the steps, the final step, trend p < 0.05; "
            "the README states each rule). Grid, cell size, band and study area as in the hotspot "
            "algorithm. OUTPUT: the cells with pattern, label, trend_z and trend_p (Mann–Kendall of the "
            "counts), share_hot_steps, steps_hot and count_total. OUTPUT_CUBE: one row per cell and step "
            "with its count, gi_z and gi_bin."
        )

    def initAlgorithm(self, config=None):
        add_incident_parameters(self)
        add_precision_parameter(self)
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.CELL_SIZE, tr("Cell size (metres, 0 = by the scale)"), NUMBER_DOUBLE, defaultValue=0.0,
            minValue=0.0)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.DISTANCE_BAND, tr("Distance band (metres, 0 = by the scale)"), NUMBER_DOUBLE,
            defaultValue=0.0, minValue=0.0)))
        self.addParameter(optional(QgsProcessingParameterEnum(
            self.TIME_STEP, tr("Time step"), options=[tr("Week"), tr("Month"), tr("Quarter")], defaultValue=1)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.TIME_NEIGHBOURS, tr("Earlier steps that count as neighbours"), NUMBER_INTEGER, defaultValue=1,
            minValue=0)))
        self.addParameter(optional(QgsProcessingParameterFeatureSource(
            self.BOUNDARY, tr("Study area (polygons; default: the incidents' convex hull)"),
            [SOURCE_VECTOR_POLYGON])))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Emerging hot spots"), SOURCE_VECTOR_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CUBE, tr("Space-time cube"), SOURCE_VECTOR, optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):
        incidents = read_placed_incidents(self, parameters, context, feedback)
        require_metres(incidents)
        known = incidents.start >= 0  # those without a time are left out, and read() said so
        x, y = incidents.x[known], incidents.y[known]
        days = local_parts(incidents.start[known], incidents.tz).day
        step = STEPS[self.parameterAsEnum(parameters, self.TIME_STEP, context)]
        boundary_source = self.parameterAsSource(parameters, self.BOUNDARY, context)
        boundary = boundary_geometry(boundary_source, incidents.crs, context) if boundary_source else None
        period = incidents.period
        feedback.setProgress(30)

        def progress(fraction):
            feedback.setProgress(35 + 25 * fraction)
            return not feedback.isCanceled()

        try:
            spots = hotspots(x, y, "square", self.parameterAsDouble(parameters, self.CELL_SIZE, context),
                             self.parameterAsDouble(parameters, self.DISTANCE_BAND, context), boundary,
                             cancelled=feedback.isCanceled)
            result = emerging_hotspots(
                spots.grid, spots.band, x, y, days, step,
                self.parameterAsInt(parameters, self.TIME_NEIGHBOURS, context),
                epoch_day(period.start) if period else None, epoch_day(period.end) if period else None,
                progress)
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("{n} incidents in {cells} cells of {size} m over {steps} steps ({step}); "
                             "distance band {band} m.").format(
            n=int(result.cube.sum()), cells=len(result.grid), size=f"{spots.cell_size:g}",
            steps=result.steps.size, step=step, band=f"{result.band:.1f}"))
        feedback.pushInfo(tr("Whole steps only, the first beginning {first} and the last {last}; incidents "
                             "outside them are left out.").format(
            first=step_start(int(result.steps[0]), step).isoformat(),
            last=step_start(int(result.steps[-1]), step).isoformat()))
        codes, counts = np.unique(result.pattern.astype(str), return_counts=True)
        found = dict(zip(codes.tolist(), counts.tolist()))
        for code in PATTERNS:
            if code != "none" and found.get(code):
                feedback.pushInfo(tr("{label}: {n} cells").format(label=pattern_label(code), n=found[code]))
        feedback.setProgress(60)
        outputs = {self.OUTPUT: self._write_cells(parameters, context, feedback, result, incidents.crs)}
        if parameters.get(self.OUTPUT_CUBE) not in (None, ""):
            cube = self._write_cube(parameters, context, feedback, result, step)
            if cube is not None:
                outputs[self.OUTPUT_CUBE] = cube
        return outputs

    def _write_cells(self, parameters, context, feedback, result, crs):
        fields = QgsFields()
        for name, kind in (("cell", FIELD_INT), ("pattern", FIELD_STRING), ("label", FIELD_STRING),
                           ("trend_z", FIELD_DOUBLE),
                           ("trend_p", FIELD_DOUBLE), ("share_hot_steps", FIELD_DOUBLE), ("steps_hot", FIELD_INT),
                           ("count_total", FIELD_INT)):
            fields.append(QgsField(name, kind))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_POLYGON, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rings = result.grid.rings()
        labels = {code: pattern_label(code) for code in PATTERNS}
        # plain Python numbers: a feature with NumPy scalars is dropped silently on QGIS 3.22
        columns = list(zip(result.pattern.tolist(), result.count_trend.z.tolist(), result.count_trend.p.tolist(),
                           result.share_hot.tolist(), result.steps_hot.tolist(), result.cube.sum(axis=1).tolist()))
        rows = ([i + 1, code, labels[code], trend_z, trend_p, share, int(hot), int(total)]
                for i, (code, trend_z, trend_p, share, hot, total) in enumerate(columns))
        if not write_cells(sink, fields, rings, rows, feedback, (60, 20)):
            raise QgsProcessingException(tr("cancelled"))
        del sink
        style_output(context, destination, lambda layer: layer.setRenderer(emerging_renderer()))
        return destination

    def _write_cube(self, parameters, context, feedback, result, step):
        fields = QgsFields()
        for name, kind in (("cell", FIELD_INT), ("step_start", FIELD_STRING), ("count", FIELD_INT),
                           ("gi_z", FIELD_DOUBLE), ("gi_bin", FIELD_INT)):
            fields.append(QgsField(name, kind))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_CUBE, context, fields, WKB_NO_GEOMETRY)
        if sink is None:
            return None
        starts = [step_start(int(number), step).isoformat() for number in result.steps.tolist()]
        counts, z, bins = result.cube.tolist(), result.z.tolist(), result.bins.tolist()
        rows = ([cell + 1, start, counts[cell][t], z[cell][t], bins[cell][t]]
                for cell in range(len(counts)) for t, start in enumerate(starts))
        if not write_features(sink, fields, rows, None, feedback, (80, 20), total=len(counts) * len(starts)):
            raise QgsProcessingException(tr("cancelled"))
        del sink
        return destination
