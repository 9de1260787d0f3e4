"""The areas of a measure follow-up: the target, the displacement buffer
around it, the control area and an optional buffer around the control, as
OGR geometries in metres, and the incidents counted in each before and after.

- buffer = target grown by ``buffer_width``, less the target;
- control = the given control area, less the target and its buffer; without
  one, the incidents' extent less the target and its buffer;
- control buffer = the control grown by ``control_buffer_width``, less the
  control, the target and the target's buffer.
The zones never overlap, so no incident counts twice."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from osgeo import ogr

from ..geometry import points_in_polygon
from ..i18n import tr
from ..timeutil import Period
from . import AnalysisError

SEGMENTS = 16  # per quarter circle when buffering
EDGE_PAD = 1.0  # metres around the incidents' extent


@dataclass
class Zones:
    target: ogr.Geometry
    buffer: ogr.Geometry
    control: ogr.Geometry
    control_buffer: ogr.Geometry | None


def _box(extent) -> ogr.Geometry:
    xmin, ymin, xmax, ymax = extent
    return ogr.CreateGeometryFromWkt(
        f"POLYGON(({xmin} {ymin}, {xmax} {ymin}, {xmax} {ymax}, {xmin} {ymax}, {xmin} {ymin}))")


def follow_up_zones(target: ogr.Geometry, buffer_width: float, control: ogr.Geometry | None,
                    control_buffer_width: float | None, extent) -> Zones:
    if target is None or target.IsEmpty() or target.Area() <= 0:
        raise AnalysisError(tr("the target area is empty: choose the polygon of the measure"))
    if buffer_width is None or buffer_width < 0:
        raise AnalysisError(tr("the buffer width must be 0 or more metres"))
    grown = target.Buffer(buffer_width, SEGMENTS) if buffer_width > 0 else target.Clone()
    buffer = grown.Difference(target)
    if control is None or control.IsEmpty():
        xmin, ymin, xmax, ymax = extent
        envelope = grown.GetEnvelope()
        # padded, so that the outermost incidents lie inside it, not on its edge
        control = _box((min(xmin, envelope[0]) - EDGE_PAD, min(ymin, envelope[2]) - EDGE_PAD,
                        max(xmax, envelope[1]) + EDGE_PAD, max(ymax, envelope[3]) + EDGE_PAD))
    control = control.Difference(grown)
    if control.IsEmpty() or control.Area() <= 0:
        raise AnalysisError(tr("the control area lies wholly within the target and its buffer: choose a control "
                               "area elsewhere, or a narrower buffer"))
    control_buffer = None
    if control_buffer_width:
        if control_buffer_width < 0:
            raise AnalysisError(tr("the control buffer width must be 0 or more metres"))
        control_buffer = control.Buffer(control_buffer_width, SEGMENTS).Difference(control).Difference(grown)
    return Zones(target, buffer, control, control_buffer)


def count_zones(x, y, epochs, zones: Zones, before: Period, after: Period, tz) -> dict[str, int | None]:
    """rb, ra, db, da, cb, ca, dcb, dca: incidents in each zone and period."""
    x, y, epochs = np.asarray(x, float), np.asarray(y, float), np.asarray(epochs, np.int64)

    def in_period(period: Period) -> np.ndarray:
        low, high = period.utc_bounds(tz)
        return (epochs >= int(low.timestamp())) & (epochs < int(high.timestamp()))

    periods = {"b": in_period(before), "a": in_period(after)}
    result: dict[str, int | None] = {"dcb": None, "dca": None}
    for prefix, geometry in (("r", zones.target), ("d", zones.buffer), ("c", zones.control),
                             ("dc", zones.control_buffer)):
        if geometry is None:
            continue
        inside = points_in_polygon(x, y, geometry) if not geometry.IsEmpty() else np.zeros(x.size, bool)
        for suffix, mask in periods.items():
            result[prefix + suffix] = int(np.count_nonzero(inside & mask))
    return result
