"""The areas of a measure follow-up: the target, the displacement buffer
around it, the control area and an optional buffer around the control, as
OGR geometries in metres, and the incidents counted in each before and after.

- buffer = target grown by ``buffer_width``, less the target;
- control = the given control area, less the target and its buffer; without
  one, the districts that share area with the target (``comparable_control``)
  less the target and its buffer, else the incidents' extent less the target
  and its buffer;
- control buffer = the control grown by ``control_buffer_width``, less the
  control, the target and the target's buffer.
The zones never overlap, so no incident counts twice."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from osgeo import ogr

from ...i18n import tr
from ..geometry import points_in_polygon
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


def comparable_control(target: ogr.Geometry, buffer_width: float,
                       districts: list[ogr.Geometry]) -> tuple[ogr.Geometry, list[int]] | None:
    """The default comparison area: the union of the ``districts`` that share
    area with the target, and their indices; None when none does or when
    nothing of them is left beyond the target and its buffer
    (``follow_up_zones`` removes those)."""
    if target is None or target.IsEmpty() or buffer_width is None or buffer_width < 0:
        return None
    grown = target.Buffer(buffer_width, SEGMENTS) if buffer_width > 0 else target.Clone()
    union, used = None, []
    for index, district in enumerate(districts):
        if district is None or district.IsEmpty() or not district.Intersects(target):
            continue
        shared = district.Intersection(target)
        if shared is None or shared.Area() <= 0:
            continue  # touching along an edge only
        union = district.Clone() if union is None else union.Union(district)
        used.append(index)
    if union is None:
        return None
    rest = union.Difference(grown)
    if rest is None or rest.IsEmpty() or rest.Area() <= 0:
        return None
    return union, used


def count_periods(x, y, epochs, zones: Zones, periods: dict[str, Period], tz,
                  prefixes: tuple[str, ...] = ("r", "d", "c", "dc")) -> dict[str, int | None]:
    """Incidents in each zone (prefix r target, d buffer, c control, dc
    control buffer) and period (the key of ``periods``): {prefix + key: count},
    None for a zone that does not exist."""
    x, y, epochs = np.asarray(x, float), np.asarray(y, float), np.asarray(epochs, np.int64)

    def in_period(period: Period) -> np.ndarray:
        low, high = period.utc_bounds(tz)
        return (epochs >= int(low.timestamp())) & (epochs < int(high.timestamp()))

    masks = {key: in_period(period) for key, period in periods.items()}
    geometries = {"r": zones.target, "d": zones.buffer, "c": zones.control, "dc": zones.control_buffer}
    result: dict[str, int | None] = {}
    for prefix in prefixes:
        geometry = geometries[prefix]
        if geometry is None:
            result.update({prefix + key: None for key in masks})
            continue
        inside = points_in_polygon(x, y, geometry) if not geometry.IsEmpty() else np.zeros(x.size, bool)
        for key, mask in masks.items():
            result[prefix + key] = int(np.count_nonzero(inside & mask))
    return result


def count_zones(x, y, epochs, zones: Zones, before: Period, after: Period, tz) -> dict[str, int | None]:
    """rb, ra, db, da, cb, ca, dcb, dca: incidents in each zone and period."""
    return count_periods(x, y, epochs, zones, {"b": before, "a": after}, tz)
