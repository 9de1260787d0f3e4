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


def primary(table: np.ndarray, min_count: int) -> np.ndarray:
    return (table > 0) & (table < min_count)


def _complete_lines(table: np.ndarray, hidden: np.ndarray, min_count: int) -> bool:
    """Step 2 once over every line; True when something was added."""
    changed = False
    for axis in (0, 1):
        view_table = table if axis == 0 else table.T
        view_hidden = hidden if axis == 0 else hidden.T
        for line in range(view_table.shape[0]):
            count = np.count_nonzero(view_hidden[line])
            # with the line's total published, its hidden counts add up to a
            # known number: that sum must not itself be a small count
            known_sum = not view_hidden[line, -1] and 0 < int(view_table[line][view_hidden[line]].sum()) < min_count
            if count == 1 or (count and known_sum):
                candidates = [k for k in range(view_table.shape[1]) if not view_hidden[line, k]]
                if candidates:
                    view_hidden[line, _cheapest(view_table, view_hidden, line, candidates)] = True
                    changed = True
    return changed


def _cheapest(table: np.ndarray, hidden: np.ndarray, line: int, candidates) -> int:
    """The candidate of ``line`` whose suppression hides the least in all: its
    own count, plus the smallest further count its crossing line will then
    need when it has no hidden entry yet (none when it has exactly one: the
    candidate completes it too). A zero only when there is nothing else."""
    def cost(k):
        crossing, crossing_hidden = table[:, k], hidden[:, k]
        hidden_there = int(np.count_nonzero(crossing_hidden))
        further = 0
        if hidden_there == 0:
            others = [int(v) for n, v in enumerate(crossing) if n != line and not crossing_hidden[n]]
            further = min((v for v in others if v > 0), default=min(others, default=0))
        return (table[line, k] == 0, int(table[line, k]) + further, int(table[line, k]), k)
    return min(candidates, key=cost)


def _bridges(hidden: np.ndarray) -> list[tuple[int, int]]:
    """The suppressed entries that are bridges of the line graph (rows are
    nodes 0..R, columns R+1..R+C+1, each suppressed entry an edge)."""
    rows, columns = hidden.shape
    edges = [(int(i), rows + int(j)) for i, j in zip(*np.nonzero(hidden))]
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
    """The nodes reachable from ``start`` over suppressed entries but ``cut``."""
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


def _join_bridges(table: np.ndarray, hidden: np.ndarray) -> bool:
    """Step 3 once: for one bridge, suppress the smallest entry that joins
    its two sides. True when something was added."""
    rows = table.shape[0]
    for i, j in _bridges(hidden):
        side = _component(hidden, i, (i, j))
        side_rows = [n for n in side if n < rows]
        side_columns = [n - rows for n in side if n >= rows]
        other_rows = [n for n in range(rows) if n not in side]
        other_columns = [n for n in range(table.shape[1]) if n + rows not in side]
        candidates = [(r, c) for r in side_rows for c in other_columns if not hidden[r, c]]
        candidates += [(r, c) for r in other_rows for c in side_columns if not hidden[r, c]]
        if candidates:
            r, c = min(candidates, key=lambda rc: (table[rc] == 0, table[rc], rc))
            hidden[r, c] = True
            return True
    return False


def suppress(table: np.ndarray, min_count: int = DEFAULT_MIN_COUNT) -> np.ndarray:
    """Which entries of ``table`` (with margins, ``with_margins``) to
    suppress under the rule above: a boolean array of its shape."""
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    table = np.asarray(table, dtype=np.int64)
    hidden = primary(table, min_count)
    if not hidden.any():
        return hidden
    while True:
        while _complete_lines(table, hidden, min_count):
            pass
        if not _join_bridges(table, hidden):
            return hidden
