"""The density surface: a quartic kernel density raster in incidents per km².

Each incident spreads one unit (or its weight) over a disc of the search
radius r with the quartic (biweight) kernel of Silverman (1986, eq. 4.5), the
kernel ArcGIS's Kernel Density and QGIS's Heatmap use:

    K(d) = 3 / (π r²) · (1 − d²/r²)²   for d < r, else 0,

which integrates to 1 over the plane. Coordinates are metres (a projected
CRS); the surface is in incidents per km² (per m² × 10⁶).

How it is computed, and how exact it is:

1. The grid covers the incidents' extent (or a given one) padded by r on
   every side, with its corners on multiples of the pixel size, so that
   rasters made with the same pixel size line up.
2. Incidents are counted into pixels (``np.bincount``); each is thereby moved
   to its pixel's centre, at most half a pixel diagonal away. Incidents up to
   one kernel radius outside the grid still count, for the part of their
   kernel that falls inside it.
3. The counts are convolved with the discretised kernel: K sampled at the
   pixel offsets (i, j)·p with d < r, then divided by the sum of those samples
   so that every incident's pixels sum to exactly 1. The surface therefore
   integrates (sum × pixel area) to the number of incidents to rounding
   (about 1e-12 relative), whatever the ratio of radius to pixel; where the
   radius spans many pixels the samples differ from the analytic K by well
   under 1 %.
4. The convolution is a zero-padded FFT (``numpy.fft.rfft2``): its cost does
   not depend on the radius or on the number of incidents, and one million
   incidents into a 1000 × 1000 raster take well under a second. Its rounding
   noise (about 1e-16 of the peak) is removed by a second FFT of the kernel's
   footprint: pixels that no incident's kernel reaches are exactly 0, so the
   styled raster fades to transparent exactly where there is nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ...i18n import tr
from . import AnalysisError

M2_PER_KM2 = 1e6
PIXELS_ON_SHORTER_SIDE = 250  # ArcGIS Kernel Density's default cell size rule
MAX_PIXELS = 25_000_000  # the padded FFT grid; its transforms then need about 1.5 GB
NICE_STEPS = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)  # round numbers of metres


@dataclass
class DensitySurface:
    """Incidents per km² on a north-up grid: ``values[row, col]`` is the
    density at the centre of the pixel whose top-left corner is
    (origin_x + col · pixel_size, origin_y − row · pixel_size)."""

    values: np.ndarray
    origin_x: float
    origin_y: float
    pixel_size: float
    radius: float
    radius_rule: str

    @property
    def geotransform(self) -> tuple[float, float, float, float, float, float]:
        """The GDAL geotransform of the grid."""
        return (self.origin_x, self.pixel_size, 0.0, self.origin_y, 0.0, -self.pixel_size)

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) of the grid."""
        rows, cols = self.values.shape
        return (
            self.origin_x,
            self.origin_y - rows * self.pixel_size,
            self.origin_x + cols * self.pixel_size,
            self.origin_y,
        )

    def integral(self) -> float:
        """The number of incidents the surface holds: sum × pixel area in km²."""
        return float(self.values.sum()) * self.pixel_size**2 / M2_PER_KM2


def auto_radius(x: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None) -> tuple[float, str]:
    """The default search radius of ArcGIS's Kernel Density (ArcGIS 10.2.1 and
    later; "How Kernel Density works",
    https://pro.arcgis.com/en/pro-app/latest/tool-reference/spatial-analyst/how-kernel-density-works.htm
    and https://desktop.arcgis.com/en/arcmap/10.3/tools/spatial-analyst-toolbox/how-kernel-density-works.htm),
    a spatial form of Silverman's rule of thumb that is robust to outliers:

        r = 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2

    with SD the standard distance of the incidents from their mean centre
    (√(Σ(x − x̄)²/n + Σ(y − ȳ)²/n)), Dm the median distance to the mean centre
    and n the number of incidents; all weighted by ``weights`` when given (n
    is then their sum). Where more than half the incidents sit exactly on the
    mean centre (Dm = 0) the SD term alone is used. Returns the radius and a
    sentence saying how it was found."""
    x, y, weights = _points(x, y, weights)
    if x.size < 2:
        raise AnalysisError(
            tr("an automatic radius needs at least 2 incidents, not {n}: add incidents or give a radius").format(
                n=x.size
            )
        )
    n = float(weights.sum())
    if not n > 0:
        raise AnalysisError(tr("the incidents' weights sum to 0: give positive weights"))
    mean_x, mean_y = np.average(x, weights=weights), np.average(y, weights=weights)
    distance = np.hypot(x - mean_x, y - mean_y)
    standard_distance = math.sqrt(float(np.average(distance**2, weights=weights)))
    if not standard_distance > 0:
        raise AnalysisError(
            tr("all incidents lie at the same place, so no radius follows from their spread: give a radius")
        )
    median = _weighted_median(distance, weights)
    spread = min(standard_distance, math.sqrt(1 / math.log(2)) * median) if median > 0 else standard_distance
    radius = 0.9 * spread * n**-0.2
    rule = tr(
        "automatic radius {radius:.0f} m = 0.9 × min(standard distance {sd:.0f} m, "
        "√(1/ln 2) × median distance {dm:.0f} m) × {n:.10g}^−0.2 (ArcGIS Kernel Density's default)"
    ).format(radius=radius, sd=standard_distance, dm=median, n=n)
    return radius, rule


def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    """The plain median when all weights are equal; otherwise the smallest
    value at which the cumulative weight reaches half."""
    if np.all(weights == weights[0]):
        return float(np.median(values))
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cumulative, 0.5 * cumulative[-1])])


def auto_pixel_size(extent: tuple[float, float, float, float]) -> float:
    """ArcGIS's default cell size, the shorter side of the output extent
    (xmin, ymin, xmax, ymax) divided by 250, rounded down to a round number
    (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), so the shorter side
    keeps at least 250 pixels and the size reads well: 48.3 m becomes 40 m,
    130 m becomes 100 m."""
    xmin, ymin, xmax, ymax = (float(value) for value in extent)
    shorter = min(xmax - xmin, ymax - ymin)
    if not (math.isfinite(shorter) and shorter > 0):
        raise AnalysisError(
            tr("the extent {extent} has no area: give a pixel size").format(extent=_extent_text(extent))
        )
    raw = shorter / PIXELS_ON_SHORTER_SIDE
    power = 10.0 ** math.floor(math.log10(raw))
    return max(step * power for step in NICE_STEPS if step * power <= raw * (1 + 1e-12))


def kernel_density(
    x: np.ndarray,
    y: np.ndarray,
    radius: float = 0.0,
    pixel_size: float = 0.0,
    extent: tuple[float, float, float, float] | None = None,
    weights: np.ndarray | None = None,
) -> DensitySurface:
    """The quartic kernel density of incidents at (x, y) metres, in incidents
    (or weight) per km². ``radius`` 0 = ``auto_radius``; ``pixel_size`` 0 =
    ``auto_pixel_size`` of the padded grid extent; ``extent`` (xmin, ymin,
    xmax, ymax) = the incidents' extent when None. See the module's text for
    how exact it is."""
    x, y, weights = _points(x, y, weights)
    if not (math.isfinite(radius) and radius >= 0):
        raise AnalysisError(
            tr("the radius must be 0 (automatic) or a positive distance in metres, not {radius}").format(radius=radius)
        )
    if not (math.isfinite(pixel_size) and pixel_size >= 0):
        raise AnalysisError(
            tr("the pixel size must be 0 (automatic) or a positive distance in metres, not {size}").format(
                size=pixel_size
            )
        )
    if x.size == 0:
        raise AnalysisError(tr("there are no incidents to make a density surface from: widen the filter or period"))
    if radius > 0:
        rule = tr("radius {radius:g} m as given").format(radius=radius)
    else:
        radius, rule = auto_radius(x, y, weights)
    if extent is None:
        extent = (float(x.min()), float(y.min()), float(x.max()), float(y.max()))
    xmin, ymin, xmax, ymax = (float(value) for value in extent)
    if not (xmin <= xmax and ymin <= ymax):
        raise AnalysisError(
            tr("the extent {extent} runs backwards: give xmin, ymin, xmax, ymax").format(extent=_extent_text(extent))
        )
    padded = (xmin - radius, ymin - radius, xmax + radius, ymax + radius)
    if pixel_size == 0:
        pixel_size = auto_pixel_size(padded)
    origin_x = math.floor(padded[0] / pixel_size) * pixel_size
    origin_y = math.ceil(padded[3] / pixel_size) * pixel_size
    cols = max(1, math.ceil((padded[2] - origin_x) / pixel_size))
    rows = max(1, math.ceil((origin_y - padded[1]) / pixel_size))
    reach = _kernel_reach(radius, pixel_size)
    work_rows, work_cols = rows + 2 * reach, cols + 2 * reach
    if (work_rows + 2 * reach) * (work_cols + 2 * reach) > MAX_PIXELS:  # the FFT's size
        raise AnalysisError(
            tr(
                "a pixel size of {size:g} m gives {rows} × {cols} pixels for a radius of {radius:g} m, "
                "too many to compute: choose a larger pixel size or a smaller extent"
            ).format(size=pixel_size, rows=rows, cols=cols, radius=radius)
        )
    kernel = quartic_kernel(radius, pixel_size)
    # counts on the grid widened by the kernel's reach, so that incidents just
    # outside the output still add their share to its edge
    col = np.floor((x - origin_x) / pixel_size).astype(np.int64) + reach
    row = np.floor((origin_y - y) / pixel_size).astype(np.int64) + reach
    inside = (col >= 0) & (col < work_cols) & (row >= 0) & (row < work_rows)
    counts = np.bincount(
        row[inside] * work_cols + col[inside], weights=weights[inside], minlength=work_rows * work_cols
    ).reshape(work_rows, work_cols)
    smoothed = _convolve_same(counts, kernel)
    reached = _convolve_same((counts != 0).astype(np.float64), (kernel > 0).astype(np.float64)) > 0.5
    smoothed = np.where(reached & (smoothed > 0), smoothed, 0.0)
    values = smoothed[reach : reach + rows, reach : reach + cols] * (M2_PER_KM2 / pixel_size**2)
    return DensitySurface(
        values=np.ascontiguousarray(values),
        origin_x=origin_x,
        origin_y=origin_y,
        pixel_size=float(pixel_size),
        radius=float(radius),
        radius_rule=rule,
    )


def quartic_kernel(radius: float, pixel_size: float) -> np.ndarray:
    """The discretised quartic kernel: (1 − d²/r²)² at the pixel offsets
    within the radius, normalised so its pixels sum to 1. Square, of odd side,
    centred; a radius under one pixel leaves the centre pixel alone."""
    reach = _kernel_reach(radius, pixel_size)
    offsets = np.arange(-reach, reach + 1, dtype=np.float64) * pixel_size
    share = (offsets[:, None] ** 2 + offsets[None, :] ** 2) / radius**2
    kernel = np.where(share < 1.0, (1.0 - share) ** 2, 0.0)
    return kernel / kernel.sum()


def _kernel_reach(radius: float, pixel_size: float) -> int:
    """The largest whole number of pixels i with i · pixel_size < radius."""
    return max(0, math.ceil(radius / pixel_size) - 1)


def _convolve_same(grid: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Linear (not circular) convolution of ``grid`` with the centred odd
    ``kernel``, cropped to the grid's shape."""
    reach = kernel.shape[0] // 2
    shape = tuple(_fast_length(n + 2 * reach) for n in grid.shape)
    spectrum = np.fft.rfft2(grid, shape) * np.fft.rfft2(kernel, shape)
    full = np.fft.irfft2(spectrum, shape)
    return full[reach : reach + grid.shape[0], reach : reach + grid.shape[1]]


def _fast_length(n: int) -> int:
    """The smallest length ≥ n whose only prime factors are 2, 3 and 5, which
    numpy's pocketfft transforms fastest."""
    best = 1 << max(0, (n - 1).bit_length())
    five = 1
    while five < best:
        three = five
        while three < best:
            two = three
            while two < n:
                two *= 2
            best = min(best, two)
            three *= 3
        five *= 5
    return best


def _extent_text(extent) -> str:
    return "({})".format(", ".join(f"{float(value):g}" for value in extent))


def _points(x, y, weights) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    if x.shape != y.shape:
        raise AnalysisError(
            tr("{nx} x coordinates but {ny} y coordinates: give one of each per incident").format(nx=x.size, ny=y.size)
        )
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise AnalysisError(tr("some incidents have no valid coordinates: remove incidents without a location"))
    if weights is None:
        weights = np.ones_like(x)
    else:
        weights = np.asarray(weights, dtype=np.float64).ravel()
        if weights.shape != x.shape:
            raise AnalysisError(
                tr("{nw} weights for {n} incidents: give one weight per incident").format(nw=weights.size, n=x.size)
            )
        if not (np.isfinite(weights).all() and (weights >= 0).all()):
            raise AnalysisError(tr("weights must be zero or positive numbers"))
    return x, y, weights
