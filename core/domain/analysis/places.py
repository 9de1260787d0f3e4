"""The ranked list of places from a hotspot analysis: where to send a patrol first.

``top_places`` takes the cells in order of Gi* z (the highest first; equal z:
the higher count, then the grid's order) and lists a cell only when its
neighbourhood (the cells within the band) does not overlap the neighbourhood
of a cell already listed, that is when its centre lies more than twice the
band from every listed centre. Without that rule the first places would all be
cells of the busiest place, each a few metres from the last; with it each
entry is a place of its own, and no incident counts towards the z of two
entries. Only cells with z > 0 are listed, so the list may be shorter than
asked for.

For each place: its count, its share of all the incidents counted, and the
Prediction Accuracy Index (Chainey, Tompson & Uhlig 2008), PAI = (n / N) /
(a / A): the share of incidents over the share of area, with n the cell's
count, N all incidents counted in the grid, a the cell's area and A the area
of all analysed cells. A PAI of 40 means the cell holds 40 times the
incidents its area would hold if they were spread evenly over the study area.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .hotspots import HotspotResult

TOP_PLACES = 10


@dataclass(frozen=True)
class Place:
    rank: int  # 1 for the first
    cell: int  # index into the result's grid
    x: float  # the cell's centre
    y: float
    count: int
    share: float  # of all incidents counted, 0…1
    z: float
    p: float
    gi_bin: int
    pai: float


def top_places(result: HotspotResult, n: int = TOP_PLACES) -> list[Place]:
    """Up to ``n`` places, each a cell whose neighbourhood overlaps no higher one's (see the module)."""
    total = int(result.counts.sum())
    cells = len(result.grid)
    order = np.lexsort((np.arange(cells), -result.counts, -result.z))
    order = order[result.z[order] > 0]
    centres = result.grid.centres
    separation = 2.0 * result.band
    chosen: list[int] = []
    for i in order.tolist():
        if len(chosen) >= n:
            break
        if chosen and np.min(np.hypot(*(centres[chosen] - centres[i]).T)) <= separation * (1 + 1e-9):
            continue
        chosen.append(i)
    places = []
    for rank, i in enumerate(chosen, start=1):
        count = int(result.counts[i])
        share = count / total if total else 0.0
        area_share = result.grid.cell_area / result.analysed_area
        places.append(Place(rank, i, float(centres[i, 0]), float(centres[i, 1]), count, float(share),
                            float(result.z[i]), float(result.p[i]), int(result.bins[i]), float(share / area_share)))
    return places
