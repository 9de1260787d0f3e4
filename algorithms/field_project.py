"""lagesbild:fieldproject: a QField project for reporters of one
organisation, over a field copy of the store or, online, the server itself."""

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.compat import NUMBER_INTEGER
from ..core.i18n import language as ui_language
from ..core.i18n import tr
from ..core.presentation.field_project import PROJECT_NAME, write_field_project
from ..core.presentation.form_style import form_language, write_standard_form
from ..core.store import Store, StoreLocation
from ..core.store.field_copy import DEFAULT_DAYS, FIELD_COPY_NAME, make_field_copy
from .base import LagesbildAlgorithm
from .common import optional, store_input, store_parameter


class FieldProjectAlgorithm(LagesbildAlgorithm):
    STORE = "STORE"
    OUTPUT = "OUTPUT"
    ORGANISATION = "ORGANISATION"
    AREA = "AREA"
    BACKGROUND = "BACKGROUND"
    ONLINE = "ONLINE"
    DAYS = "DAYS"

    def name(self) -> str:
        return "fieldproject"

    def displayName(self) -> str:
        return tr("Field project for QField")

    def shortHelpString(self) -> str:
        return tr(
            "Writes a QGIS project (lagesbild_field.qgz, relative paths) that QField opens on a phone, for "
            "the reporters of one organisation, into a new folder. Beside it goes a field copy of the store "
            "(lagesbild_field.gpkg) with what a reporter needs: the incidents of the last DAYS days (only "
            "those in AREA when given), without the description, handling note and police report reference "
            "of other organisations; the areas, the active measures and the code tables; and a DCIM folder "
            "for photos. The project carries the standard form (the organisation is filled in and cannot be "
            "changed, the time of the report is the default) and the background map when given (copied "
            "into the folder). With ONLINE (a PostgreSQL store) no copy is made: the project edits the "
            "server directly, and each reporter logs in with a login given the reporter role. Bring the "
            "field copy back with 'Merge field copy'.")

    def initAlgorithm(self, config=None):
        self.addParameter(store_input(self.STORE, tr("Store")))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr("Folder for the field project")))
        self.addParameter(QgsProcessingParameterString(self.ORGANISATION, tr("Reporters' organisation (code)")))
        self.addParameter(QgsProcessingParameterString(self.AREA, tr("Only incidents in this area (name)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.BACKGROUND, tr("Background map (raster, MBTiles or GeoPackage tiles)"), optional=True,
            fileFilter=tr("Maps (*.tif *.tiff *.mbtiles *.gpkg);;All files (*)")))
        self.addParameter(optional(QgsProcessingParameterBoolean(
            self.ONLINE, tr("Edit the PostgreSQL store directly (no field copy)"), defaultValue=False)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.DAYS, tr("Incidents of the last days"), NUMBER_INTEGER, defaultValue=DEFAULT_DAYS, minValue=1,
            maxValue=3660)))
        self.addOutput(QgsProcessingOutputFile("PROJECT", tr("Field project")))
        self.addOutput(QgsProcessingOutputFile("FIELD_COPY", tr("Field copy")))
        self.addOutput(QgsProcessingOutputNumber("INCIDENTS", tr("Incidents in the field copy")))

    def processAlgorithm(self, parameters, context, feedback):
        location = store_parameter(self, parameters, self.STORE, context)
        folder = Path(self.parameterAsString(parameters, self.OUTPUT, context))
        organisation = self.parameterAsString(parameters, self.ORGANISATION, context).strip()
        area = self.parameterAsString(parameters, self.AREA, context).strip() or None
        background = self.parameterAsString(parameters, self.BACKGROUND, context).strip() or None
        online = self.parameterAsBool(parameters, self.ONLINE, context)
        days = self.parameterAsInt(parameters, self.DAYS, context) if parameters.get(self.DAYS) not in (None, "") \
            else DEFAULT_DAYS
        if online and location.backend == "gpkg":
            raise QgsProcessingException(tr("ONLINE needs a PostgreSQL store: a GeoPackage goes to the field as a "
                                            "copy"))
        if background and not Path(background).is_file():
            raise QgsProcessingException(tr("there is no background map at {path}").format(path=background))
        for name in (PROJECT_NAME, FIELD_COPY_NAME):
            if (folder / name).exists():
                raise QgsProcessingException(tr("{path} exists already: choose a new folder").format(
                    path=folder / name))
        folder.mkdir(parents=True, exist_ok=True)
        try:
            outputs = self._write(location, folder, organisation, area, background, online, days, feedback)
        except BaseException:  # nothing half-made stays behind to be refused as existing next time
            for name in (PROJECT_NAME, FIELD_COPY_NAME):
                (folder / name).unlink(missing_ok=True)
            raise
        project = outputs.pop("PROJECT_PATH")
        feedback.pushInfo(tr("Field project written: {path}").format(path=project))
        return outputs | {self.OUTPUT: str(folder), "PROJECT": str(project)}

    def _write(self, location, folder, organisation, area, background, online, days, feedback) -> dict:
        outputs = {"FIELD_COPY": None, "INCIDENTS": 0}
        with Store.open(location, read_only=True) as store:
            if organisation not in store.organisation_codes():
                raise QgsProcessingException(tr("unknown organisation {code}: choose one of {codes}").format(
                    code=organisation, codes=", ".join(sorted(store.organisation_codes()))))
            language = form_language(store) or ui_language()
            crs, extent = store.crs, _view_extent(store, area)
            if not online:
                copy = make_field_copy(store, folder / FIELD_COPY_NAME, organisation, days, area)
                feedback.pushInfo(tr(
                    "Field copy: {incidents} incidents ({blanked} without another organisation's texts), "
                    "{areas} areas, {measures} active measures").format(
                    incidents=copy.incidents, blanked=copy.blanked, areas=copy.areas, measures=copy.measures))
                outputs |= {"FIELD_COPY": str(copy.path), "INCIDENTS": copy.incidents}
        if not online:
            location = StoreLocation.geopackage(folder / FIELD_COPY_NAME)
            with Store.open(location) as field:
                write_standard_form(field, language)
        project = write_field_project(location, folder, organisation, language, crs, extent,
                                      Path(background) if background else None)
        return outputs | {"PROJECT_PATH": project}


def _view_extent(store, area: str | None) -> tuple[float, float, float, float]:
    """Where the project opens: the area, else all areas, else the store's extent."""
    areas = [a for a in store.areas() if area is None or a.name == area]
    if not areas:
        return store.extent
    envelopes = [a.geometry.GetEnvelope() for a in areas]  # (min x, max x, min y, max y)
    return (min(e[0] for e in envelopes), min(e[2] for e in envelopes),
            max(e[1] for e in envelopes), max(e[3] for e in envelopes))
