"""lagesbild:density: a kernel density surface of incidents per km²."""

from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsRasterLayer,
)

from ..core.compat import NUMBER_DOUBLE
from ..core.domain.analysis import AnalysisError
from ..core.domain.analysis.density import kernel_density
from ..core.i18n import tr
from ..core.presentation.styling import density_renderer
from .base import AnalysisAlgorithm
from .common import optional
from .inputs import add_incident_parameters, require_metres
from .precision import add_precision_parameter, read_placed_incidents


def write_geotiff(path: str, surface, crs_wkt: str) -> None:
    rows, cols = surface.values.shape
    dataset = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, gdal.GDT_Float32,
                                                   options=["COMPRESS=DEFLATE", "TILED=YES"])
    if dataset is None:
        raise QgsProcessingException(tr("cannot write {path}").format(path=path))
    dataset.SetGeoTransform((surface.origin_x, surface.pixel_size, 0.0, surface.origin_y, 0.0, -surface.pixel_size))
    dataset.SetProjection(crs_wkt)
    band = dataset.GetRasterBand(1)
    band.WriteArray(surface.values.astype("float32"))
    band.SetDescription(tr("incidents per km²"))
    band.FlushCache()
    dataset = None


class DensityAlgorithm(AnalysisAlgorithm):
    RADIUS = "RADIUS"
    PIXEL_SIZE = "PIXEL_SIZE"
    OUTPUT = "OUTPUT"
    RADIUS_USED = "RADIUS_USED"
    PIXEL_SIZE_USED = "PIXEL_SIZE_USED"

    def name(self):
        return "density"

    def displayName(self):
        return tr("Density surface")

    def shortHelpString(self):
        return tr(
            "A kernel density raster of the incidents (quartic kernel), in incidents per km²: where "
            "incidents are dense, at a glance. RADIUS 0 chooses the search radius from the incidents' "
            "spread (0.9 × min(standard distance, √(1/ln 2) × median distance to the mean centre) × n^−0.2, "
            "as ArcGIS's Kernel Density does); PIXEL_SIZE 0 gives about 250 pixels on the shorter side. "
            "The surface integrates to the number of incidents. Styled with a ramp that fades to "
            "transparent at zero."
        )

    def initAlgorithm(self, config=None):
        add_incident_parameters(self)
        add_precision_parameter(self)
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.RADIUS, tr("Radius (metres, 0 = automatic)"), NUMBER_DOUBLE,
            defaultValue=0.0, minValue=0.0)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.PIXEL_SIZE, tr("Pixel size (metres, 0 = automatic)"), NUMBER_DOUBLE,
            defaultValue=0.0, minValue=0.0)))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Density")))
        self.addOutput(QgsProcessingOutputNumber(self.RADIUS_USED, tr("Radius used (metres)")))
        self.addOutput(QgsProcessingOutputNumber(self.PIXEL_SIZE_USED, tr("Pixel size used (metres)")))

    def processAlgorithm(self, parameters, context, feedback):
        incidents = read_placed_incidents(self, parameters, context, feedback, with_time=False)
        require_metres(incidents)
        try:
            surface = kernel_density(incidents.x, incidents.y,
                                     self.parameterAsDouble(parameters, self.RADIUS, context),
                                     self.parameterAsDouble(parameters, self.PIXEL_SIZE, context))
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("{n} incidents; radius {radius:.0f} m ({rule}); pixel {pixel:g} m; "
                             "peak {peak:.0f} incidents per km²").format(
            n=incidents.count, radius=surface.radius, rule=surface.radius_rule, pixel=surface.pixel_size,
            peak=float(surface.values.max())))
        path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        write_geotiff(path, surface, incidents.crs.toWkt())
        layer = QgsRasterLayer(path, "density")
        if layer.isValid():  # the style beside the file, read whenever it is opened
            layer.setRenderer(density_renderer(layer.dataProvider(), 1, float(surface.values.max()) or 1.0))
            layer.saveNamedStyle(str(Path(path).with_suffix(".qml")))
        return {self.OUTPUT: path, self.RADIUS_USED: surface.radius, self.PIXEL_SIZE_USED: surface.pixel_size}
