"""lagesbild:createstore: a new, empty Lägesbild store (a GeoPackage)."""

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.domain.timeutil import DEFAULT_TIME_ZONE
from ..core.i18n import language as ui_language
from ..core.i18n import tr
from ..core.presentation.form_style import LANGUAGES, write_standard_form
from ..core.store import DEFAULT_CRS, Store, StoreError
from ..core.store.report_identity import read_logo
from .base import LagesbildAlgorithm
from .common import optional, store_parameter


def default_store_path(folder: Path | None = None) -> Path:
    """A file name for a new store that no file has yet, in the user's
    Documents folder (or home folder): lagesbild.gpkg, lagesbild-2.gpkg, …"""
    if folder is None:
        documents = Path.home() / "Documents"
        folder = documents if documents.is_dir() else Path.home()
    candidate, number = folder / "lagesbild.gpkg", 2
    while candidate.exists():
        candidate, number = folder / f"lagesbild-{number}.gpkg", number + 1
    return candidate


class CreateStoreAlgorithm(LagesbildAlgorithm):
    STORE = "STORE"
    CRS = "CRS"
    TIME_ZONE = "TIME_ZONE"
    EXTENT = "EXTENT"
    LANGUAGE = "LANGUAGE"
    MUNICIPALITY = "MUNICIPALITY"
    LOGO = "LOGO"

    def name(self) -> str:
        return "createstore"

    def displayName(self) -> str:
        return tr("Create store")

    def shortHelpString(self) -> str:
        return tr(
            "Creates a new, empty Lägesbild store: a GeoPackage, or a schema of a PostgreSQL database with "
            "PostGIS (STORE as a connection such as service=NAME schema=NAME; then also its roles), with the "
            "incidents, areas and measures layers, the category and organisation code lists, and the "
            "incident history. The CRS "
            "(default SWEREF 99 TM, EPSG:3006) and the time zone in which days, weekdays and hours are "
            "read (default Europe/Stockholm) are fixed when the store is created. The extent bounds "
            "where incidents may be placed (default: the CRS's area of use). The store carries the standard "
            "incident form and symbology as its incidents layer's default style, so that plain QGIS or QField "
            "opens it with the same form; LANGUAGE is the language of that form's labels (default: this "
            "QGIS's). MUNICIPALITY and LOGO (SVG, PNG or JPEG, kept inside the store) head its situation reports. "
            "An existing file is never overwritten."
        )

    def initAlgorithm(self, config=None):
        # a lasting place by default: Processing's default, a temporary file, is
        # deleted when QGIS closes, and a store is where incidents are kept
        self.addParameter(QgsProcessingParameterFileDestination(
            self.STORE, tr("New store"), fileFilter=tr("GeoPackage (*.gpkg)"),
            defaultValue=str(default_store_path())))
        self.addParameter(optional(QgsProcessingParameterCrs(
            self.CRS, tr("Coordinate reference system"), defaultValue=DEFAULT_CRS)))
        self.addParameter(optional(QgsProcessingParameterString(
            self.TIME_ZONE, tr("Time zone (IANA name)"), defaultValue=DEFAULT_TIME_ZONE)))
        self.addParameter(optional(QgsProcessingParameterExtent(self.EXTENT, tr("Extent"))))
        self.addParameter(optional(QgsProcessingParameterEnum(
            self.LANGUAGE, tr("Language of the form in plain QGIS"), [tr("Swedish"), tr("English")],
            defaultValue=LANGUAGES.index(ui_language()))))
        self.addParameter(optional(QgsProcessingParameterString(
            self.MUNICIPALITY, tr("Municipality, on the reports"), defaultValue="")))
        self.addParameter(optional(QgsProcessingParameterFile(
            self.LOGO, tr("Logo on the reports (SVG, PNG or JPEG)"),
            fileFilter=tr("Images (*.svg *.png *.jpg *.jpeg)"))))

    def processAlgorithm(self, parameters, context, feedback):
        location = store_parameter(self, parameters, self.STORE, context, new=True)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem(DEFAULT_CRS)
        time_zone = (self.parameterAsString(parameters, self.TIME_ZONE, context) or DEFAULT_TIME_ZONE).strip()
        extent = None
        if parameters.get(self.EXTENT) is not None:  # given, even as '': it must say something
            rectangle = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
            if rectangle.isNull() or rectangle.isEmpty():
                raise QgsProcessingException(tr(
                    "the EXTENT {extent!r} is empty or cannot be read: give the area incidents may lie in as "
                    "xmin,xmax,ymin,ymax [EPSG:3006], or leave EXTENT out for the CRS's whole area of use").format(
                    extent=str(parameters.get(self.EXTENT))))
            extent = (rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum())
        else:
            feedback.pushWarning(tr("No EXTENT given: incidents may lie anywhere in the CRS's area of use"))
        municipality = self.parameterAsString(parameters, self.MUNICIPALITY, context).strip()
        logo = self.parameterAsFile(parameters, self.LOGO, context) or None
        try:
            if logo:
                read_logo(logo)  # refused before the store is made, not after
            store = Store.create(location, crs=crs.authid(), time_zone=time_zone, extent=extent)
        except (StoreError, ValueError) as error:
            raise QgsProcessingException(str(error)) from error
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        with store:
            if municipality or logo:
                store.set_report_identity(municipality or None, logo)
            try:
                write_standard_form(store, language)
            except StoreError as error:
                feedback.pushWarning(tr("The store was created without its standard form: {error}").format(
                    error=error))
            feedback.pushInfo(tr("Created {path}: CRS {crs}, time zone {zone}, extent {extent}").format(
                path=location.display, crs=store.crs, zone=store.time_zone,
                extent=", ".join(f"{v:.0f}" for v in store.extent)))
        return {self.STORE: location.display}


