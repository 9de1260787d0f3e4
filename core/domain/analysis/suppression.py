"""Small-count suppression of a published table of counts (README
"Publishing counts"): zones × categories with the zone totals, the category
totals and the grand total beside them.

The table is held with its margins, as an (R + 1) × (C + 1) array: the last
column holds each row's total, the last row each column's total, the corner
the grand total. Every row and every column of it is one equation (its
cells add up to its total), and these are all the relations a reader has.

The rule:
1. primary: every count from 1 to ``min_count`` - 1 is suppressed, a total
   too; a zero is published (it reveals only that there is none, and hiding
   every zero would hide most of a fine table);
2. complementary: a row or column (its total counted as one of its entries)
   with exactly one suppressed entry would give it away by subtraction, so a
   further entry of that line is suppressed: the one that hides the least in
   all (its count, plus what its crossing line then needs; an entry that
   completes its crossing line too costs only its count), a zero only when
   there is no other. A line whose total is published gets one more while
   its hidden counts add up to less than ``min_count`` (their sum is known:
   it must not be a small count itself);
3. a suppressed entry can still be worked out when it is the only link
   between two groups of suppressed entries (a bridge in the graph whose
   nodes are the lines and whose edges are the suppressed entries: the sums
   of one group's lines then give it). For each such entry the smallest
   entry joining the two groups is suppressed as well.
Steps 2 and 3 repeat until nothing changes. Then every suppressed entry lies
on a cycle of suppressed entries, along which the counts can be moved up and
down by one with every published number unchanged: no suppressed count is
determined by the published ones.

Pure NumPy; nothing here knows the store."""

from __future__ import annotations

import numpy as np

DEFAULT_MIN_COUNT = 3


def with_margins(counts: np.ndarray) -> np.ndarray:
    """The (R + 1) × (C + 1) table of ``counts`` (R × C) with its totals."""
    counts = np.asarray(counts, dtype=np.int64)
    rows, columns = counts.shape
    table = np.zeros((rows + 1, columns + 1), dtype=np.int64)
    table[:rows, :columns] = counts
    table[:rows, columns] = counts.sum(axis=1)
    table[rows, :columns] = counts.sum(axis=0)
    table[rows, columns] = counts.sum()
    return table


def primary(table: np.ndarray, min_count: int, zeros: bool = False) -> np.ndarray:
    """Step 1: the small counts; with ``zeros``, every zero too."""
    return (table < min_count) & ((table > 0) | zeros)


def _complete_lines(table: np.ndarray, hidden: np.ndarray, unknown: np.ndarray, min_count: int,
                    zeros: bool = False) -> bool:
    """Step 2 once over every line; True when something was added. A line's
    unknowns are its suppressed entries and the ones never published. With
    ``zeros`` hidden too, a known sum of 0 gives them all away as well."""
    least = 0 if zeros else 1
    changed = False
    for axis in (0, 1):
        view_table, view_hidden, view_unknown = (table, hidden, unknown) if axis == 0 else (table.T, hidden.T,
                                                                                            unknown.T)
        for line in range(view_table.shape[0]):
            line_hidden, line_unknown = view_hidden[line], view_unknown[line]
            if not line_hidden.any():
                continue
            count = np.count_nonzero(line_unknown)
            # with every other entry known (the total too), the hidden counts
            # add up to a known number: that sum must not itself be a small count
            known_sum = (count == np.count_nonzero(line_hidden) and not line_hidden[-1]
                         and least <= int(view_table[line][line_hidden].sum()) < min_count)
            if count == 1 or (count and known_sum):
                candidates = [k for k in range(view_table.shape[1]) if not view_unknown[line, k]]
                if candidates:
                    k = _cheapest(view_table, view_unknown, line, candidates)
                    view_hidden[line, k] = view_unknown[line, k] = True
                    changed = True
    return changed


def _cheapest(table: np.ndarray, unknown: np.ndarray, line: int, candidates) -> int:
    """The candidate of ``line`` whose suppression hides the least in all: its
    own count, plus the smallest further count its crossing line will then
    need when it has no unknown entry yet (none when it has exactly one: the
    candidate completes it too). A zero only when there is nothing else."""
    def cost(k):
        crossing, crossing_unknown = table[:, k], unknown[:, k]
        further = 0
        if not crossing_unknown.any():
            others = [int(v) for n, v in enumerate(crossing) if n != line]
            further = min((v for v in others if v > 0), default=min(others, default=0))
        return (table[line, k] == 0, int(table[line, k]) + further, int(table[line, k]), k)
    return min(candidates, key=cost)


def _bridges(unknown: np.ndarray) -> list[tuple[int, int]]:
    """The unknown entries that are bridges of the line graph (rows are
    nodes 0..R, columns R+1..R+C+1, each unknown entry an edge)."""
    rows, columns = unknown.shape
    edges = [(int(i), rows + int(j)) for i, j in zip(*np.nonzero(unknown))]
    neighbours: dict[int, list[tuple[int, int]]] = {}
    for number, (a, b) in enumerate(edges):
        neighbours.setdefault(a, []).append((b, number))
        neighbours.setdefault(b, []).append((a, number))
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    found = []
    for root in neighbours:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack = [(root, -1, iter(neighbours[root]))]
        while stack:  # an iterative depth-first search (Tarjan's bridges)
            node, via, pending = stack[-1]
            advanced = False
            for other, number in pending:
                if number == via:
                    continue
                if other in order:
                    low[node] = min(low[node], order[other])
                else:
                    order[other] = low[other] = len(order)
                    stack.append((other, number, iter(neighbours[other])))
                    advanced = True
                    break
            if advanced:
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    found.append(edges[via])
    return [(a, b - rows) if a < rows else (b, a - rows) for a, b in found]


def _component(hidden: np.ndarray, start: int, cut: tuple[int, int]) -> set[int]:
    """The nodes reachable from ``start`` over unknown entries (``hidden``) but ``cut``."""
    rows = hidden.shape[0]
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        if node < rows:
            others = [rows + j for j in np.nonzero(hidden[node])[0] if (node, j) != cut]
        else:
            others = [i for i in np.nonzero(hidden[:, node - rows])[0] if (i, node - rows) != cut]
        for other in others:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _join_bridges(table: np.ndarray, hidden: np.ndarray, unknown: np.ndarray) -> bool:
    """Step 3 once: for one suppressed entry that is a bridge, suppress the
    smallest published entry that joins its two sides. True when something
    was added. (An unpublished entry that is a bridge is no secret.)"""
    rows = table.shape[0]
    for i, j in _bridges(unknown):
        if not hidden[i, j]:
            continue
        side = _component(unknown, i, (i, j))
        side_rows = [n for n in side if n < rows]
        side_columns = [n - rows for n in side if n >= rows]
        other_rows = [n for n in range(rows) if n not in side]
        other_columns = [n for n in range(table.shape[1]) if n + rows not in side]
        candidates = [(r, c) for r in side_rows for c in other_columns if not unknown[r, c]]
        candidates += [(r, c) for r in other_rows for c in side_columns if not unknown[r, c]]
        if candidates:
            r, c = min(candidates, key=lambda rc: (table[rc] == 0, table[rc], rc))
            hidden[r, c] = unknown[r, c] = True
            return True
    return False


def suppress(table: np.ndarray, min_count: int = DEFAULT_MIN_COUNT, published=None,
             zeros: bool = False) -> np.ndarray:
    """Which entries of ``table`` (with margins, ``with_margins``) to
    suppress under the rule above: a boolean array of its shape.

    ``published`` (a boolean array of the same shape; default all) says
    which entries appear in the output at all: a table whose rows have no
    published totals (the report's categories × periods) leaves its last
    column out. An entry left out is an unknown to the reader, like a
    suppressed one, but needs no protection of its own; every line still
    adds up to its total, known or not.

    ``zeros`` hides every zero as a small count (the situation report: there
    "fewer than 3" must not tell that at least one happened); the published
    counts show zeros (see the rule above)."""
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    table = np.asarray(table, dtype=np.int64)
    shown = np.ones(table.shape, dtype=bool) if published is None else np.asarray(published, dtype=bool)
    hidden = primary(table, min_count, zeros) & shown
    if not hidden.any():
        return hidden
    unknown = hidden | ~shown
    while True:
        while _complete_lines(table, hidden, unknown, min_count, zeros):
            pass
        if not _join_bridges(table, hidden, unknown):
            return hidden
