"""An attacker's view of a published table, written independently of the
plugin's suppression: given every published number of a table with margins
(``None`` where suppressed), the feasible range of each suppressed entry,
found by linear programming over the table's equations (every row and every
column adds up to its total) with every count ≥ 0.

The constraint matrix of a table with margins is a network matrix (totally
unimodular), so the linear programme's bounds are whole numbers and equal
the bounds over whole counts. The simplex is a plain two-phase one in exact
fractions with Bland's rule (no cycling); ``enumerate_ranges`` checks it on
small tables by trying every whole assignment."""

from __future__ import annotations

import itertools
from fractions import Fraction


def equations(published):
    """(unknowns, rows of (coefficients over unknowns, right-hand side))."""
    rows, columns = len(published), len(published[0])
    unknowns = [(i, j) for i in range(rows) for j in range(columns) if published[i][j] is None]
    index = {cell: k for k, cell in enumerate(unknowns)}
    lines = [[(i, j, 1 if j < columns - 1 else -1) for j in range(columns)] for i in range(rows)]
    lines += [[(i, j, 1 if i < rows - 1 else -1) for i in range(rows)] for j in range(columns)]
    result = []
    for line in lines:
        coefficients, constant = [Fraction(0)] * len(unknowns), Fraction(0)
        for i, j, sign in line:
            if (i, j) in index:
                coefficients[index[(i, j)]] += sign
            else:
                constant -= sign * published[i][j]
        if any(coefficients):
            result.append((coefficients, constant))
    return unknowns, result


def _simplex_max(objective, constraints, size):
    """max objective·x subject to A x = b, x ≥ 0 (b made ≥ 0 first);
    None when infeasible, float('inf') when unbounded."""
    a = []
    for coefficients, constant in constraints:
        if constant < 0:
            coefficients, constant = [-c for c in coefficients], -constant
        a.append(list(coefficients) + [constant])
    m = len(a)
    # phase 1: one artificial variable per equation
    tableau = [row[:size] + [Fraction(int(k == r)) for k in range(m)] + [row[size]] for r, row in enumerate(a)]
    basis = [size + r for r in range(m)]
    width = size + m

    def pivot(r, c):
        factor = tableau[r][c]
        tableau[r] = [v / factor for v in tableau[r]]
        for other in range(m):
            if other != r and tableau[other][c] != 0:
                f = tableau[other][c]
                tableau[other] = [v - f * p for v, p in zip(tableau[other], tableau[r])]
        basis[r] = c

    def run(cost, allowed):
        while True:
            reduced = [cost[c] - sum(cost[basis[r]] * tableau[r][c] for r in range(m)) for c in range(width)]
            entering = next((c for c in range(width) if c in allowed and reduced[c] > 0), None)
            if entering is None:
                return True
            ratios = [(tableau[r][-1] / tableau[r][entering], basis[r], r) for r in range(m)
                      if tableau[r][entering] > 0]
            if not ratios:
                return False
            pivot(min(ratios)[2], entering)

    phase1 = [Fraction(0)] * size + [Fraction(-1)] * m
    run(phase1, set(range(width)))
    if any(tableau[r][-1] != 0 for r in range(m) if basis[r] >= size):
        return None
    for r in range(m):  # drive artificial variables out of the basis where possible
        if basis[r] >= size:
            column = next((c for c in range(size) if tableau[r][c] != 0), None)
            if column is not None:
                pivot(r, column)
    cost = list(objective) + [Fraction(0)] * m
    if not run(cost, set(range(size))):
        return float("inf")
    value = Fraction(0)
    for r in range(m):
        if basis[r] < size:
            value += objective[basis[r]] * tableau[r][-1]
    return value


def feasible_ranges(published) -> dict[tuple[int, int], tuple]:
    """{(row, column): (lowest, highest)} for each suppressed entry."""
    unknowns, constraints = equations(published)
    ranges = {}
    for k, cell in enumerate(unknowns):
        unit = [Fraction(int(n == k)) for n in range(len(unknowns))]
        high = _simplex_max(unit, constraints, len(unknowns))
        low = _simplex_max([-u for u in unit], constraints, len(unknowns))
        if high is None or low is None:
            raise ValueError("the published table has no solution")
        ranges[cell] = (-low, high)
    return ranges


def enumerate_ranges(published, limit: int) -> dict[tuple[int, int], tuple[int, int]]:
    """The same by trying every whole assignment 0..limit (small tables)."""
    unknowns, constraints = equations(published)
    seen = {cell: [] for cell in unknowns}
    for values in itertools.product(range(limit + 1), repeat=len(unknowns)):
        if all(sum(c * v for c, v in zip(coefficients, values)) == constant
               for coefficients, constant in constraints):
            for cell, value in zip(unknowns, values):
                seen[cell].append(value)
    return {cell: (min(values), max(values)) for cell, values in seen.items()}
