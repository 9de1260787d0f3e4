"""The cell size and distance band a hotspot analysis uses when the user gives none.

Two scales (``SCALES``):

- ``places`` (the default): the scale at which a coordinator sends a patrol or a
  night walk, a street corner or a school yard. The cell is ``PLACE_CELL``
  (100 m); only when the study area's envelope would hold more than
  ``MAX_PLACE_CELLS`` cells of that size (a whole county) the next size of
  ``PLACE_CELL_SIZES`` that fits. The band is queen contiguity: a cell and the
  cells around it, centres at most cell × √2 apart (for hexagons: the six
  that share a side), as sfhotspot's ``hotspot_gistar`` does by default. Both
  rules depend on neither the number of incidents nor their spread, so a
  longer period or a wider filter does not change the scale of the answer.
- ``automatic``: ArcGIS's Optimized Hot Spot Analysis rules (``autoscale``):
  the cell from the incidents' nearest-neighbour distances, the band from the
  first peak of incremental spatial autocorrelation, but the band capped at
  ``MAX_AUTO_BAND_CELLS`` cells. Uncapped, that peak is the scale of the
  town's own density (1.5 km in a town of 8 km), at which a whole settlement
  is "hot".
"""

from __future__ import annotations

import math

import numpy as np

from ...i18n import tr
from .autoscale import auto_distance_band
from .grid import Grid

PLACES = "places"
AUTOMATIC = "automatic"
SCALES = (PLACES, AUTOMATIC)
PLACE_CELL = 100.0
PLACE_CELL_SIZES = (100.0, 125.0, 150.0, 200.0, 250.0, 500.0, 1_000.0, 2_000.0, 2_500.0, 5_000.0, 10_000.0)
MAX_PLACE_CELLS = 250_000
MAX_AUTO_BAND_CELLS = 3


def place_cell_size(extent: tuple[float, float, float, float]) -> tuple[float, str]:
    """(cell size, rule) at the scale of places for a study area whose envelope is ``extent``."""
    xmin, ymin, xmax, ymax = extent
    area = max(xmax - xmin, 0.0) * max(ymax - ymin, 0.0)
    size = next((s for s in PLACE_CELL_SIZES if area / (s * s) <= MAX_PLACE_CELLS), PLACE_CELL_SIZES[-1])
    if size == PLACE_CELL:
        return size, tr("the default at the scale of places")
    return size, tr("the smallest round size from {default} m that keeps the study area within {cells} cells").format(
        default=f"{PLACE_CELL:g}", cells=f"{MAX_PLACE_CELLS:,}".replace(",", " "))


def place_band(grid: Grid) -> tuple[float, str]:
    """(band, rule): queen contiguity, the cells around each cell."""
    return grid.cell_size * math.sqrt(2.0), tr("the cells around each cell (queen contiguity, cell size × √2)")


def capped_auto_band(counts: np.ndarray, grid: Grid, cancelled=None) -> tuple[float, str]:
    """(band, rule): the first peak of incremental spatial autocorrelation (or
    its fallback), at most ``MAX_AUTO_BAND_CELLS`` cells. ``cancelled``: asked
    in the search."""
    band, rule = auto_distance_band(counts, grid, cancelled)
    cap = MAX_AUTO_BAND_CELLS * grid.cell_size
    if band > cap:
        return cap, tr("{rule} gave {band} m, capped at {cells} cells").format(
            rule=rule, band=f"{band:g}", cells=MAX_AUTO_BAND_CELLS)
    return band, rule
