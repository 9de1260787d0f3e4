"""Grid and band sizes are checked before anything is allocated, and the long
loops of the hotspot analysis ask whether the user cancelled."""

import math

import numpy as np
import pytest

from lagesbild.core.domain.analysis import AnalysisError
from lagesbild.core.domain.analysis.bounds import (
    BYTES_PER_CELL,
    MAX_BYTES,
    MAX_CELLS,
    Cancelled,
    check_band,
    grid_cells,
)
from lagesbild.core.domain.analysis.gistar import gi_star
from lagesbild.core.domain.analysis.grid import make_grid
from lagesbild.core.domain.analysis.hotspots import hotspots

TOWN = (600_000.0, 6_640_000.0, 610_000.0, 6_650_000.0)  # 10 × 10 km


@pytest.mark.parametrize("shape", ["square", "hexagon"])
def test_the_cell_count_is_known_before_the_grid_is_built(shape):
    for size in (250.0, 333.0, 1000.0):
        built = make_grid(shape, TOWN, size)
        estimate = grid_cells(shape, TOWN, size)
        if shape == "square":
            assert estimate == len(built) == math.prod(built.dense_shape)
        else:  # about half of the candidates' parallelogram is kept
            assert len(built) <= estimate * 2 and estimate <= 2 * len(built)


def test_a_nanometre_cell_is_refused_in_words_before_anything_is_allocated():
    with pytest.raises(AnalysisError) as refused:
        make_grid("square", TOWN, 1e-9)
    text = str(refused.value)
    cells = (math.floor(TOWN[2] / 1e-9) - math.floor(TOWN[0] / 1e-9) + 1) ** 2
    assert f"gives {cells:,} cells" in text and "TiB of memory" in text
    smallest = int(text.rsplit("at least ", 1)[1].split(" ")[0].replace(",", ""))
    assert smallest * smallest * MAX_CELLS >= 10_000 * 10_000  # the size it names would be accepted
    make_grid("square", TOWN, float(smallest))
    assert MAX_CELLS * BYTES_PER_CELL <= MAX_BYTES


def test_a_band_wider_than_the_area_is_refused_with_the_area_named():
    grid = make_grid("square", TOWN, 250.0)
    diagonal = 250.0 * math.hypot(*grid.dense_shape)
    check_band(grid.dense_shape, 250.0, diagonal)  # every cell a neighbour, just: allowed
    for band in (1e6, 1e9):
        with pytest.raises(AnalysisError, match=f"wider than the whole area analysed \\({diagonal:,.0f} m"):
            check_band(grid.dense_shape, 250.0, band)


def test_a_band_whose_window_sums_would_not_fit_in_memory_is_refused():
    with pytest.raises(AnalysisError, match="would need about .* GiB of memory"):
        check_band((20_000, 20_000), 1.0, 20_000.0)


def _counts(grid):
    rng = np.random.default_rng(7)
    return rng.poisson(3.0, len(grid)).astype(float)


def test_the_gi_star_loop_asks_for_cancel_and_stops():
    grid = make_grid("square", TOWN, 50.0)  # 200 × 200 cells, a band of 3 km: 121 rows of the stencil
    asked = []

    def cancelled():
        asked.append(True)
        return len(asked) >= 3

    with pytest.raises(Cancelled, match="cancelled"):
        gi_star(_counts(grid), grid, 3000.0, cancelled)
    assert len(asked) == 3  # asked again and again in the loop, and it stopped at the first yes
    z, _ = gi_star(_counts(grid), grid, 3000.0, lambda: False)
    assert np.isfinite(z).all()


def test_hotspots_hands_cancel_down():
    rng = np.random.default_rng(3)
    x = rng.uniform(TOWN[0], TOWN[2], 500)
    y = rng.uniform(TOWN[1], TOWN[3], 500)
    with pytest.raises(Cancelled):
        hotspots(x, y, cell_size=100.0, band=500.0, cancelled=lambda: True)


def test_the_automatic_band_search_asks_for_cancel():
    from lagesbild.core.domain.analysis.autoscale import auto_distance_band

    grid = make_grid("square", TOWN, 100.0)
    asked = []
    with pytest.raises(Cancelled):
        auto_distance_band(_counts(grid), grid, lambda: asked.append(True) or len(asked) >= 2)
    assert len(asked) == 2
