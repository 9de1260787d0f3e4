"""Incidents placed only at the centre of a municipality or a county (the
police's open events, or an import that says so) are no place on the map:
a spatial analysis leaves them out unless INCLUDE_LOW_PRECISION asks for
them, and says how many it left out."""

from __future__ import annotations

import dataclasses

import numpy as np
from qgis.core import QgsProcessingParameterBoolean

from ..core.domain.schema import LOW_PRECISIONS
from ..core.i18n import tr
from .common import optional
from .inputs import INPUT, Incidents, read_incidents

INCLUDE_LOW_PRECISION = "INCLUDE_LOW_PRECISION"
PRECISION_FIELD = "location_precision"


def add_precision_parameter(algorithm) -> None:
    algorithm.addParameter(optional(QgsProcessingParameterBoolean(
        INCLUDE_LOW_PRECISION, tr("Include incidents placed only at a municipality's or county's centre"),
        defaultValue=False)))


def read_placed_incidents(algorithm, parameters, context, feedback, columns: tuple[str, ...] = (),
                          **options) -> Incidents:
    """``read_incidents`` without the incidents whose place is only a
    municipality's or county's centre, unless INCLUDE_LOW_PRECISION."""
    source = algorithm.parameterAsSource(parameters, INPUT, context)
    asked = with_precision(columns, source.fields() if source is not None else None)
    incidents = read_incidents(algorithm, parameters, context, feedback, columns=asked, **options)
    return placed(algorithm, parameters, context, feedback, incidents, columns)


def with_precision(columns: tuple[str, ...], fields) -> tuple[str, ...]:
    """``columns`` and the precision field where the input has one."""
    known = fields is not None and fields.indexOf(PRECISION_FIELD) >= 0
    return tuple(dict.fromkeys(columns + ((PRECISION_FIELD,) if known else ())))


def placed(algorithm, parameters, context, feedback, incidents: Incidents, columns: tuple[str, ...]) -> Incidents:
    """``incidents`` (read with ``with_precision(columns, …)``) without those
    placed only at a municipality's or county's centre, unless
    INCLUDE_LOW_PRECISION; the log says how many. Keeps ``columns``."""
    if PRECISION_FIELD not in incidents.attributes:
        return incidents
    include = algorithm.parameterAsBoolean(parameters, INCLUDE_LOW_PRECISION, context)
    low = np.isin(incidents.attributes[PRECISION_FIELD].astype(str), LOW_PRECISIONS)
    count = int(np.count_nonzero(low))
    if include:
        if count:
            feedback.pushInfo(tr("{n} incidents placed only at a municipality's or county's centre are "
                                 "included").format(n=count))
        return incidents
    if count:
        feedback.pushInfo(tr("{n} incidents placed only at a municipality's or county's centre were left out "
                             "(INCLUDE_LOW_PRECISION includes them)").format(n=count))
    keep = ~low
    return dataclasses.replace(
        incidents, x=incidents.x[keep], y=incidents.y[keep], start=incidents.start[keep], end=incidents.end[keep],
        attributes={name: values[keep] for name, values in incidents.attributes.items() if name in columns})
