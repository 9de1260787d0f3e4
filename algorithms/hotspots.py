"""lagesbild:hotspots: where incidents cluster beyond chance (Getis-Ord Gi*)."""

import re

import numpy as np
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
    QgsProcessingParameterBoolean,
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
from ..core.domain.analysis.bounds import Cancelled
from ..core.domain.analysis.fdr import label
from ..core.domain.analysis.hotspots import gi_of_counts, hotspots
from ..core.domain.analysis.places import TOP_PLACES, top_places
from ..core.domain.analysis.scale import MAX_AUTO_BAND_CELLS, PLACE_CELL, SCALES
from ..core.domain.codelist import CATEGORIES
from ..core.domain.geometry import points_in_polygon, to_ogr
from ..core.i18n import tr
from ..core.presentation.styling import hotspot_renderer
from ..core.store import Store, StoreError
from .base import AnalysisAlgorithm
from .common import optional
from .inputs import add_incident_parameters, require_metres
from .output import write_cells
from .precision import add_precision_parameter, read_placed_incidents
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


def district_names(location, x: list[float], y: list[float]) -> list[str | None]:
    """The name of the store's district (area of kind ``district``) each point lies in, or None."""
    names: list[str | None] = [None] * len(x)
    if location is None or not x:
        return names
    try:
        with Store.open(location, read_only=True) as store:
            districts = store.areas("district")
    except (StoreError, OSError):
        return names
    xs, ys = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    for area in districts:
        for i in np.flatnonzero(points_in_polygon(xs, ys, area.geometry)).tolist():
            names[i] = names[i] or area.name
    return names


def category_keys(values) -> list[tuple[str, str]]:
    """(category, field prefix) for each category among ``values``: the code
    list's order first, then any others alphabetically; a prefix holds only
    lowercase letters, digits and _."""
    present = {str(v) for v in values if v is not None and str(v) != ""}
    ordered = [c.code for c in CATEGORIES if c.code in present] + sorted(present - {c.code for c in CATEGORIES})
    keys, used = [], set()
    for category in ordered:
        prefix = re.sub(r"[^a-z0-9_]+", "_", category.lower()).strip("_") or "category"
        while prefix in used:
            prefix += "_"
        used.add(prefix)
        keys.append((category, prefix))
    return keys


class HotspotsAlgorithm(AnalysisAlgorithm):
    GRID = "GRID"
    SCALE = "SCALE"
    CELL_SIZE = "CELL_SIZE"
    DISTANCE_BAND = "DISTANCE_BAND"
    BOUNDARY = "BOUNDARY"
    TOP_N = "TOP_N"
    GROUP_BY_CATEGORY = "GROUP_BY_CATEGORY"
    OUTPUT = "OUTPUT"
    OUTPUT_TOP = "OUTPUT_TOP"
    CELL_SIZE_USED = "CELL_SIZE_USED"
    DISTANCE_BAND_USED = "DISTANCE_BAND_USED"

    def name(self):
        return "hotspots"

    def displayName(self):
        return tr("Hotspots (Getis-Ord Gi*)")

    def shortHelpString(self):
        return tr(
            "Which places have more incidents than the rest of the area, beyond chance? Counts the incidents "
            "into a square or hexagon grid over the study area (the BOUNDARY, or else the incidents' convex "
            "hull widened by 3 cells) and computes the Getis-Ord Gi* statistic of every cell over its "
            "neighbours within the distance band. Each cell gets its count, gi_z (how many standard deviations "
            "its neighbourhood lies above or below the mean), gi_p (two-sided p-value) and gi_bin: +3/+2/+1 a "
            "hot spot at 99/95/90 % confidence, −1/−2/−3 a cold spot, 0 not significant, after the "
            "Benjamini–Hochberg false discovery rate correction. By default the scale is that of places: cells "
            "of 100 m and as neighbours the cells around each cell (cell size × √2). The automatic scale "
            "chooses them as ArcGIS's Optimized Hot Spot Analysis does, with the band at most 3 cells. A cell "
            "size or band of 0 follows the scale; the log says which rule chose what. OUTPUT_TOP lists the "
            "TOP_N places with the highest z, each with its count, share of all incidents, district and PAI "
            "(share of incidents / share of area); a place whose neighbourhood overlaps a higher one's is "
            "left out as part of it. GROUP_BY_CATEGORY adds each category's analysis, on the same cells, as "
            "fields of OUTPUT. For a hexagon grid the cell size is the distance between neighbouring cell "
            "centres (the width across flats)."
        )

    def initAlgorithm(self, config=None):
        add_incident_parameters(self)
        add_precision_parameter(self)
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID, tr("Grid"), options=[tr("Square"), tr("Hexagon")], defaultValue=0))
        self.addParameter(optional(QgsProcessingParameterEnum(
            self.SCALE, tr("Scale"), options=[
                tr("Places: cells of {size} m, neighbours the cells around").format(size=f"{PLACE_CELL:g}"),
                tr("Automatic (Optimized Hot Spot Analysis rules, band at most {cells} cells)").format(
                    cells=MAX_AUTO_BAND_CELLS)], defaultValue=0)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.CELL_SIZE, tr("Cell size (metres, 0 = by the scale)"), NUMBER_DOUBLE,
            defaultValue=0.0, minValue=0.0)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.DISTANCE_BAND, tr("Distance band (metres, 0 = by the scale)"), NUMBER_DOUBLE,
            defaultValue=0.0, minValue=0.0)))
        self.addParameter(optional(QgsProcessingParameterFeatureSource(
            self.BOUNDARY, tr("Study area (polygons; default: the incidents' convex hull)"),
            [SOURCE_VECTOR_POLYGON])))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.TOP_N, tr("Number of places to list"), NUMBER_INTEGER, defaultValue=TOP_PLACES, minValue=1)))
        self.addParameter(optional(QgsProcessingParameterBoolean(
            self.GROUP_BY_CATEGORY, tr("Also analyse each category (fields of the output)"), defaultValue=False)))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Hotspots"), SOURCE_VECTOR_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TOP, tr("Top places"), SOURCE_VECTOR, optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.CELL_SIZE_USED, tr("Cell size used (metres)")))
        self.addOutput(QgsProcessingOutputNumber(self.DISTANCE_BAND_USED, tr("Distance band used (metres)")))

    def processAlgorithm(self, parameters, context, feedback):
        by_category = self.parameterAsBoolean(parameters, self.GROUP_BY_CATEGORY, context)
        incidents = read_placed_incidents(self, parameters, context, feedback, with_time=False,
                                          columns=("category",) if by_category else ())
        require_metres(incidents)
        boundary = None
        boundary_source = self.parameterAsSource(parameters, self.BOUNDARY, context)
        if boundary_source is not None:
            boundary = boundary_geometry(boundary_source, incidents.crs, context)
        feedback.setProgress(35)
        try:
            result = hotspots(incidents.x, incidents.y, SHAPES[self.parameterAsEnum(parameters, self.GRID, context)],
                              self.parameterAsDouble(parameters, self.CELL_SIZE, context),
                              self.parameterAsDouble(parameters, self.DISTANCE_BAND, context), boundary,
                              scale=SCALES[self.parameterAsEnum(parameters, self.SCALE, context)],
                              cancelled=feedback.isCanceled)
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        self._report(result, feedback)
        categories = self._categories(result, incidents, feedback) if by_category else []
        feedback.setProgress(50)
        places = top_places(result, max(1, self.parameterAsInt(parameters, self.TOP_N, context)))
        districts = district_names(incidents.store, [p.x for p in places], [p.y for p in places])
        top = self._write_top(parameters, context, feedback, places, districts, incidents.crs)
        feedback.setProgress(55)
        destination = self._write_cells(parameters, context, feedback, result, categories, incidents.crs)
        if destination is None:
            return {}
        outputs = {self.OUTPUT: destination, self.CELL_SIZE_USED: float(result.cell_size),
                   self.DISTANCE_BAND_USED: float(result.band)}
        if top is not None:
            outputs[self.OUTPUT_TOP] = top
        return outputs

    @staticmethod
    def _report(result, feedback) -> None:
        feedback.pushInfo(tr("{n} incidents in {cells} cells ({area} km²): {area_rule}").format(
            n=int(result.counts.sum()), cells=len(result.grid), area=f"{result.analysed_area / 1e6:.1f}",
            area_rule=result.area_rule))
        feedback.pushInfo(tr("Cell size {size} m: {rule}").format(size=f"{result.cell_size:g}",
                                                                    rule=result.cell_rule))
        feedback.pushInfo(tr("Distance band {band} m: {rule}").format(band=f"{result.band:.1f}",
                                                                       rule=result.band_rule))
        hot = int(np.count_nonzero(result.bins == 3))
        feedback.pushInfo(tr("Hot spots at 99 % confidence: {hot} cells, {share} of the study area").format(
            hot=hot, share=f"{100 * hot / len(result.grid):.1f} %"))

    def _categories(self, result, incidents, feedback) -> list:
        """(prefix, CellAnalysis or None) for each category, on the grid and band of all incidents."""
        values = incidents.attributes["category"]
        analyses = []
        for category, prefix in category_keys(values):
            chosen = np.asarray([v is not None and str(v) == category for v in values], dtype=bool)
            try:
                analyses.append((prefix, gi_of_counts(result, incidents.x[chosen], incidents.y[chosen],
                                                      feedback.isCanceled)))
            except Cancelled as error:
                raise QgsProcessingException(str(error)) from error
            except AnalysisError as error:
                feedback.pushWarning(tr("{category}: no analysis, {error}").format(category=category, error=error))
                analyses.append((prefix, None))
        return analyses

    def _write_top(self, parameters, context, feedback, places, districts, crs):
        for place, district in zip(places, districts):
            feedback.pushInfo(tr("{rank}. {x:.0f}, {y:.0f}{district}: {count} incidents ({share} of all), "
                                 "z {z}, p {p}, PAI {pai}, {label}").format(
                rank=place.rank, x=place.x, y=place.y, district=f" ({district})" if district else "",
                count=place.count, share=f"{100 * place.share:.1f} %", z=f"{place.z:.2f}", p=f"{place.p:.2g}",
                pai=f"{place.pai:.1f}", label=label(place.gi_bin)))
        if parameters.get(self.OUTPUT_TOP) in (None, ""):
            return None
        fields = QgsFields()
        for name, kind in (("rank", FIELD_INT), ("x", FIELD_DOUBLE), ("y", FIELD_DOUBLE), ("district", FIELD_STRING),
                           ("count", FIELD_INT), ("share_pct", FIELD_DOUBLE), ("gi_z", FIELD_DOUBLE),
                           ("gi_p", FIELD_DOUBLE), ("gi_bin", FIELD_INT), ("label", FIELD_STRING),
                           ("pai", FIELD_DOUBLE)):
            fields.append(QgsField(name, kind))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_TOP, context, fields, WKB_NO_GEOMETRY, crs)
        if sink is None:
            return None
        for place, district in zip(places, districts):
            feature = QgsFeature(fields)
            feature.setAttributes([place.rank, place.x, place.y, district, place.count, 100 * place.share,
                                   place.z, place.p, place.gi_bin, label(place.gi_bin), place.pai])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        del sink
        return destination

    def _write_cells(self, parameters, context, feedback, result, categories, crs):
        fields = QgsFields()
        fields.append(QgsField("count", FIELD_INT))
        fields.append(QgsField("gi_z", FIELD_DOUBLE))
        fields.append(QgsField("gi_p", FIELD_DOUBLE))
        fields.append(QgsField("gi_bin", FIELD_INT))
        fields.append(QgsField("label", FIELD_STRING))
        for prefix, _ in categories:
            for suffix, kind in (("count", FIELD_INT), ("z", FIELD_DOUBLE), ("p", FIELD_DOUBLE), ("bin", FIELD_INT)):
                fields.append(QgsField(f"{prefix}_{suffix}", kind))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_POLYGON, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rings = result.grid.rings()
        labels = {b: label(b) for b in range(-3, 4)}
        # plain Python numbers: a feature with NumPy scalars is dropped silently on QGIS 3.22
        columns = [result.counts.tolist(), result.z.tolist(), result.p.tolist(), result.bins.tolist()]
        total = len(columns[0])
        columns.append([labels[b] for b in columns[3]])
        for _, analysis in categories:
            if analysis is None:
                columns += [[None] * total] * 4
            else:
                columns += [analysis.counts.tolist(), analysis.z.tolist(), analysis.p.tolist(),
                            analysis.bins.tolist()]
        if not write_cells(sink, fields, rings, zip(*columns), feedback, (55, 45)):
            return None
        del sink
        style_output(context, destination, lambda layer: layer.setRenderer(hotspot_renderer()))
        return destination
