"""Small helpers shared by the algorithms."""

from qgis.core import QgsProcessingParameterDefinition


def optional(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """Mark a parameter optional. qgis_process on QGIS 3.22 reports a required
    parameter with a default as missing, so defaults live on optional ones."""
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagOptional)
    return parameter
