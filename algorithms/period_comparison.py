"""lagesbild:periodcomparison: how many incidents in one period against another."""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.compat import (
    DATETIME_DATE,
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    NUMBER_DOUBLE,
    SOURCE_VECTOR,
    SOURCE_VECTOR_POLYGON,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
)
from ..core.domain.analysis import AnalysisError
from ..core.domain.analysis.comparison import TOTAL, check_periods, compare, make_period
from ..core.domain.analysis.grid import cell_of, make_grid
from ..core.domain.geometry import points_in_polygon, to_ogr
from ..core.domain.periods import local_today, same_period_last_year, year_on_year
from ..core.domain.wording import change_in_words
from ..core.i18n import language, tr
from ..core.presentation.styling import diverging_renderer
from ..core.store.comparison import compare_in_store
from .base import AnalysisAlgorithm
from .common import check_period_days, optional, parameter_as_date
from .inputs import STORE_TIME_FIELDS, add_incident_parameters, in_period, resolve_input
from .output import geometry_from_wkb, polygon_wkb, write_features
from .precision import add_precision_parameter, placed, with_precision
from .styles import style_output

GROUPS = ("none", "category", "subcategory", "reporting_org", "area", "cell")
OUTPUT_FIELDS = ("count_a", "count_b", "days_a", "days_b", "change", "change_pct", "rate_ratio", "rr_low",
                 "rr_high", "p_value")


class PeriodComparisonAlgorithm(AnalysisAlgorithm):
    PERIOD_A_START = "PERIOD_A_START"
    PERIOD_A_END = "PERIOD_A_END"
    PERIOD_B_START = "PERIOD_B_START"
    PERIOD_B_END = "PERIOD_B_END"
    GROUP_BY = "GROUP_BY"
    AREAS = "AREAS"
    AREA_NAME_FIELD = "AREA_NAME_FIELD"
    CELL_SIZE = "CELL_SIZE"
    OUTPUT = "OUTPUT"

    def name(self):
        return "periodcomparison"

    def displayName(self):
        return tr("Period comparison")

    def shortHelpString(self):
        return tr(
            "How many incidents in period B against the earlier, reference period A, in total and per "
            "group: count_a, count_b, the days of each, change = b − a and change_pct = 100 (b − a)/a "
            "(always relative to the earlier period), the rate ratio (b/days_b)/(a/days_a) with its exact "
            "95 % confidence interval (rr_low, rr_high), and p_value, the exact test of equal daily rates. "
            "Periods are whole local days; by default B runs from 1 January to yesterday, the last whole day "
            "in the store's time zone, and A over the same dates a year earlier. Overlapping or backward "
            "periods are refused."
        )

    def initAlgorithm(self, config=None):
        add_incident_parameters(self, period=False)
        for key, label in ((self.PERIOD_A_START, tr("Period A (reference) start")),
                           (self.PERIOD_A_END, tr("Period A (reference) end")),
                           (self.PERIOD_B_START, tr("Period B start")), (self.PERIOD_B_END, tr("Period B end"))):
            self.addParameter(optional(QgsProcessingParameterDateTime(key, label, DATETIME_DATE)))
        self.addParameter(QgsProcessingParameterEnum(
            self.GROUP_BY, tr("Group by"), options=[tr("None"), tr("Category"), tr("Subcategory"),
                                                    tr("Reporting organisation"), tr("Area"), tr("Grid cell")],
            defaultValue=0))
        self.addParameter(optional(QgsProcessingParameterFeatureSource(
            self.AREAS, tr("Areas (polygons, to group by area)"), [SOURCE_VECTOR_POLYGON])))
        self.addParameter(optional(QgsProcessingParameterField(
            self.AREA_NAME_FIELD, tr("Area name field"), "name", self.AREAS)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.CELL_SIZE, tr("Cell size (metres, to group by grid cell)"), NUMBER_DOUBLE,
            defaultValue=250.0, minValue=1.0)))
        add_precision_parameter(self)  # grouped by area or cell
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Period comparison"),
                                                            SOURCE_VECTOR))

    def _periods(self, parameters, context, tz):
        """(A, B) as given, the defaults ending yesterday in ``tz`` (the
        incidents' zone: the store's unless TIME_ZONE says otherwise)."""
        default_a, default_b = year_on_year(local_today(tz))
        values = [parameter_as_date(self, parameters, key, context)
                  for key in (self.PERIOD_A_START, self.PERIOD_A_END, self.PERIOD_B_START, self.PERIOD_B_END)]
        a_start, a_end, b_start, b_end = values
        check_period_days(*values[:2])
        check_period_days(*values[2:])
        try:
            period_b = make_period(b_start or default_b.start, b_end or default_b.end, "B")
            if a_start is None and a_end is None and (b_start or b_end):
                period_a = same_period_last_year(period_b)
            else:
                period_a = make_period(a_start or default_a.start, a_end or default_a.end, "A")
            check_periods(period_a, period_b)
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        if period_b.start < period_a.start:
            raise QgsProcessingException(tr(
                "period A is the earlier, reference period: it starts on {a}, after period B ({b})").format(
                a=period_a.start.isoformat(), b=period_b.start.isoformat()))
        return period_a, period_b

    def processAlgorithm(self, parameters, context, feedback):
        group_by = GROUPS[self.parameterAsEnum(parameters, self.GROUP_BY, context)]
        with resolve_input(self, parameters, context) as given:
            period_a, period_b = self._periods(parameters, context, given.tz)
            if (given.whole_store and given.in_store_zone and given.time_field in STORE_TIME_FIELDS
                    and group_by in ("none", "category", "subcategory", "reporting_org")):
                # the store's own grouped counts: the whole store, periods in its zone
                rows = compare_in_store(given.store, group_by, period_a, period_b, given.time_field)
                incidents, crs = None, QgsCoordinateReferenceSystem(given.store.crs)
            else:
                columns = (group_by,) if group_by in ("category", "subcategory", "reporting_org") else ()
                spatial = group_by in ("area", "cell")  # a municipality's centre is no place in an area
                asked = with_precision(columns, given.source.fields()) if spatial else columns
                incidents = given.read(feedback, columns=asked)
                if spatial:
                    incidents = placed(self, parameters, context, feedback, incidents, columns)
        if incidents is None:
            return self._write(parameters, context, feedback, rows, period_a, period_b, given.tz.key, crs, {}, False)
        in_a = in_period(incidents.start, period_a, incidents.tz)
        in_b = in_period(incidents.start, period_b, incidents.tz)
        geometries = {}
        if group_by == "none":
            counted = []
        elif group_by == "area":
            counted, geometries = self._areas(parameters, context, incidents, in_a, in_b)
        elif group_by == "cell":
            if incidents.crs.isGeographic():
                raise QgsProcessingException(tr("grouping by grid cell needs a projected CRS in metres"))
            counted, geometries = self._cells(parameters, context, incidents, in_a, in_b)
        else:
            keys = np.asarray(["" if v is None else str(v) for v in incidents.attributes[group_by]], dtype=str)
            names, inverse = np.unique(keys, return_inverse=True)
            count_a = np.bincount(inverse[in_a], minlength=names.size)
            count_b = np.bincount(inverse[in_b], minlength=names.size)
            counted = [(name or tr("(none)"), int(a), int(b)) for name, a, b in zip(names.tolist(), count_a, count_b)
                       if a or b]

        rows = [compare(a, b, period_a.days, period_b.days, key) for key, a, b in counted]
        total = compare(int(np.count_nonzero(in_a)), int(np.count_nonzero(in_b)), period_a.days,
                        period_b.days, TOTAL)
        rows.append(total)
        return self._write(parameters, context, feedback, rows, period_a, period_b, incidents.tz.key, incidents.crs,
                           geometries, group_by in ("area", "cell"))

    def _write(self, parameters, context, feedback, rows, period_a, period_b, zone_name, crs, geometries,
               with_geometry):
        lang = language()
        feedback.pushInfo(tr("Period A (reference): {a_start} to {a_end}, {a_days} days; period B: {b_start} to "
                             "{b_end}, {b_days} days; time zone {zone}").format(
            a_start=period_a.start, a_end=period_a.end, a_days=period_a.days, b_start=period_b.start,
            b_end=period_b.end, b_days=period_b.days, zone=zone_name))
        for row in rows:
            feedback.pushInfo(f"{row.group}: {change_in_words(row.count_a, row.count_b, period_a, lang)}")

        fields = QgsFields()
        fields.append(QgsField("group", FIELD_STRING))
        for name in OUTPUT_FIELDS:
            kind = FIELD_INT if name in ("count_a", "count_b", "days_a", "days_b", "change") else FIELD_DOUBLE
            fields.append(QgsField(name, kind))
        sink, destination = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields,
            WKB_MULTIPOLYGON if with_geometry else WKB_NO_GEOMETRY, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        def attributes(row):
            group = tr("(none)") if row.group is None else str(row.group)
            values = [group] + [getattr(row, name) for name in OUTPUT_FIELDS]
            return [None if v is None else (float(v) if isinstance(v, float) else v) for v in values]

        shapes = [geometries.get(row.group) for row in rows] if with_geometry else None
        if not write_features(sink, fields, map(attributes, rows), shapes, feedback, (90, 10), total=len(rows)):
            raise QgsProcessingException(tr("cancelled"))
        del sink
        if with_geometry:
            breaks = [-1e9, -50, -20, -5, 5, 20, 50, 1e9]
            labels = [tr("fewer by more than 50 %"), tr("−50 to −20 %"), tr("−20 to −5 %"), tr("about the same"),
                      tr("+5 to +20 %"), tr("+20 to +50 %"), tr("more by over 50 %")]
            style_output(context, destination, lambda layer: layer.setRenderer(
                diverging_renderer("change_pct", breaks, labels)))
        return {self.OUTPUT: destination}

    def _areas(self, parameters, context, incidents, in_a, in_b):
        source = self.parameterAsSource(parameters, self.AREAS, context)
        if source is None:
            raise QgsProcessingException(tr("grouping by area needs an AREAS polygon layer"))
        name_field = self.parameterAsString(parameters, self.AREA_NAME_FIELD, context) or "name"
        if source.fields().indexOf(name_field) < 0:
            raise QgsProcessingException(tr("AREAS has no field {name}: choose the AREA_NAME_FIELD").format(
                name=name_field))
        transform = QgsCoordinateTransform(source.sourceCrs(), incidents.crs, context.transformContext())
        counted, geometries = [], {}
        for feature in source.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                continue
            geometry.transform(transform)
            name = str(feature[name_field])
            if name in geometries:
                raise QgsProcessingException(tr("two areas are named {name}: area names must be unique").format(
                    name=name))
            geometries[name] = geometry
            inside = points_in_polygon(incidents.x, incidents.y, to_ogr(geometry))
            counted.append((name, int(np.count_nonzero(inside & in_a)), int(np.count_nonzero(inside & in_b))))
        if not counted:
            raise QgsProcessingException(tr("AREAS holds no polygon"))
        return counted, geometries

    def _cells(self, parameters, context, incidents, in_a, in_b):
        size = self.parameterAsDouble(parameters, self.CELL_SIZE, context) or 250.0
        used = in_a | in_b
        if not used.any():
            return [], {}
        x, y = incidents.x[used], incidents.y[used]
        try:
            grid = make_grid("square", (x.min(), y.min(), x.max(), y.max()), size)
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        cells = cell_of(grid, incidents.x, incidents.y)
        count_a = np.bincount(cells[in_a & (cells >= 0)], minlength=len(grid))
        count_b = np.bincount(cells[in_b & (cells >= 0)], minlength=len(grid))
        used_cells = np.nonzero(count_a + count_b)[0]
        # every used cell's polygon at once, as WKB from the rings' doubles (the very polygons of WKT with repr)
        shapes = polygon_wkb(grid.subset(used_cells).rings(), multi=True)
        counted, geometries = [], {}
        for cell, shape in zip(used_cells.tolist(), shapes):
            key = f"{int(grid.lattice[cell][0])}_{int(grid.lattice[cell][1])}"
            geometries[key] = geometry_from_wkb(shape)
            counted.append((key, int(count_a[cell]), int(count_b[cell])))
        return counted, geometries
