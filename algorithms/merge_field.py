"""lagesbild:mergefield: a field copy (lagesbild:fieldproject) brought back
into its store; what cannot go in is listed, never dropped."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
)

from ..core.compat import FIELD_STRING, SOURCE_VECTOR, WKB_NO_GEOMETRY
from ..core.i18n import tr
from ..core.store import Store
from ..core.store.merge import default_photo_folder, merge_field_copy
from .base import LagesbildAlgorithm
from .common import store_input, store_parameter

CONFLICT_FIELDS = ("incident", "field", "field_value", "store_value", "field_time", "store_time", "reason")


def _text(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class MergeFieldAlgorithm(LagesbildAlgorithm):
    FIELD = "FIELD"
    STORE = "STORE"
    OUTPUT_CONFLICTS = "OUTPUT_CONFLICTS"

    def name(self) -> str:
        return "mergefield"

    def displayName(self) -> str:
        return tr("Merge field copy")

    def shortHelpString(self) -> str:
        return tr(
            "Brings a field copy made by 'Field project for QField' back into its store. New incidents go "
            "in with their id, checked by the store's rules (personal data in a text is refused) and recorded "
            "as the reporting organisation's. An edit made in the field to an incident that has not changed "
            "in the store since the copy was made is applied; if the incident changed in the store "
            "meanwhile, the edit is not applied and is listed in the conflicts table (the incident, the "
            "field, both values and both times), so that a coordinator can decide. Rows the store refuses "
            "(a category typed outside the form, a point outside the store's extent) are listed there with "
            "the reason. Photos come along: for a GeoPackage store they are copied into the DCIM folder "
            "beside it. Merging the same copy again adds nothing.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.FIELD, tr("Field copy"), fileFilter=tr("GeoPackage (*.gpkg)")))
        self.addParameter(store_input(self.STORE, tr("Store")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CONFLICTS, tr("Conflicts and refused rows"), SOURCE_VECTOR, optional=True,
            createByDefault=True))
        for name, text in (("ADDED", tr("Incidents added")), ("UPDATED", tr("Incidents updated")),
                           ("CONFLICTS", tr("Incidents with edits not applied")),
                           ("REJECTED", tr("Incidents refused")), ("PHOTOS", tr("Photos brought back"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def processAlgorithm(self, parameters, context, feedback):
        field_path = self.parameterAsFile(parameters, self.FIELD, context)
        location = store_parameter(self, parameters, self.STORE, context)
        with Store.open(location) as store:
            folder = default_photo_folder(store)
            result = merge_field_copy(field_path, store, folder, lambda done: feedback.setProgress(100 * done))
        feedback.pushInfo(tr("{added} new incidents added, {updated} updated, {passed} merged before").format(
            added=result.added, updated=result.updated, passed=result.passed_over))
        if result.conflicts:
            feedback.pushWarning(tr("{count} incidents changed in the store since the field copy was made: their "
                                    "field edits were not applied (see the conflicts table)").format(
                count=result.conflicts))
        if result.rejected:
            feedback.pushWarning(tr("{count} incidents refused by the store's rules (see the conflicts table)").format(
                count=result.rejected))
        if result.photos:
            feedback.pushInfo(tr("{count} photos brought back into {folder}").format(
                count=result.photos, folder=folder if folder else tr("the field copy's DCIM folder")))
        fields = QgsFields()
        for name in CONFLICT_FIELDS:
            fields.append(QgsField(name, FIELD_STRING))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT_CONFLICTS, context, fields, WKB_NO_GEOMETRY)
        if sink is not None:
            for problem in result.problems:
                feature = QgsFeature(fields)
                feature.setAttributes([_text(getattr(problem, name)) for name in CONFLICT_FIELDS])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        outputs = {"ADDED": result.added, "UPDATED": result.updated, "CONFLICTS": result.conflicts,
                   "REJECTED": result.rejected, "PHOTOS": result.photos}
        if sink_id is not None:
            outputs[self.OUTPUT_CONFLICTS] = sink_id
        return outputs
