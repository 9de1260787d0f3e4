"""Small-count suppression, checked the way a reader would attack it: the
published table (suppressed entries as None) is solved for every hidden
entry by an independent solver (tests/suppression_solver.py: exact linear
programming, cross-checked by enumeration), and no hidden entry may come out
as one number."""

import numpy as np
import pytest
from suppression_solver import enumerate_ranges, feasible_ranges

from lagesbild.core.domain.analysis.suppression import primary, suppress, with_margins


def published(table, hidden):
    return [[None if hidden[i, j] else int(table[i, j]) for j in range(table.shape[1])]
            for i in range(table.shape[0])]


def attack(counts, min_count=3):
    table = with_margins(np.asarray(counts))
    hidden = suppress(table, min_count)
    return table, hidden, feasible_ranges(published(table, hidden))


def test_the_solver_finds_a_lone_small_count_from_its_row_total():
    """The attack works: a table where only the small count is hidden gives it away."""
    table = with_margins(np.array([[1, 5], [4, 6]]))
    hidden = np.zeros(table.shape, dtype=bool)
    hidden[0, 0] = True
    assert feasible_ranges(published(table, hidden)) == {(0, 0): (1, 1)}


def test_a_small_count_and_the_counts_that_would_reveal_it_are_suppressed():
    counts = [[1, 5, 7], [4, 6, 9], [8, 3, 12]]
    table, hidden, ranges = attack(counts)
    assert hidden[0, 0]  # the 1
    # its row and its column each hold a second hidden entry: the smallest
    # further counts of each (the 5 beside it, the 4 below it), then the 6
    # that closes the square
    assert hidden[0, 1] and hidden[1, 0] and hidden[1, 1]
    assert int(hidden.sum()) == 4
    for cell, (low, high) in ranges.items():
        assert high > low, f"{cell} = {table[cell]} is determined by the published table"
        assert low <= table[cell] <= high
    assert ranges[(0, 0)][1] >= 3  # the 1 could as well be 3 or more


def test_a_small_zone_total_is_suppressed_and_protected():
    counts = [[1, 1, 0], [5, 7, 9], [6, 4, 8]]
    table, hidden, ranges = attack(counts)
    assert hidden[0, 3]  # the zone total 2
    assert all(high > low for low, high in ranges.values())
    assert ranges[(0, 3)][1] >= 3


def test_a_bridge_between_two_groups_of_hidden_counts_is_closed():
    """Two separate squares of hidden counts joined by one hidden entry: that
    entry would be given by the sums of one square's lines."""
    table = with_margins(np.array([
        [1, 1, 9, 9],
        [1, 1, 9, 9],
        [9, 9, 1, 1],
        [9, 9, 1, 1],
    ]))
    hidden = suppress(table, 3)
    ranges = feasible_ranges(published(table, hidden))
    assert all(high > low for low, high in ranges.values())


@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_count_of_a_random_table_can_be_worked_out(seed):
    rng = np.random.default_rng(seed)
    rows, columns = rng.integers(2, 6), rng.integers(2, 6)
    counts = rng.choice([0, 1, 1, 2, 2, 3, 4, 6, 9, 15], size=(rows, columns))
    table, hidden, ranges = attack(counts)
    assert np.all(hidden[primary(table, 3)])  # every small count, totals too
    for cell, (low, high) in ranges.items():
        assert low <= table[cell] <= high
        assert high > low, f"seed {seed}: {cell} = {table[cell]} is determined"


def test_the_solver_agrees_with_enumeration_on_a_small_table():
    table = with_margins(np.array([[1, 2], [2, 1]]))
    hidden = suppress(table, 3)
    view = published(table, hidden)
    assert feasible_ranges(view) == enumerate_ranges(view, limit=6)


def test_zeros_are_published_and_nothing_is_hidden_without_a_small_count():
    table = with_margins(np.array([[0, 5], [3, 0]]))
    assert not suppress(table, 3).any()


def test_two_small_counts_of_a_row_do_not_reveal_their_small_sum():
    """Row 0 holds 1 and 1 beside a published total: hiding just the two
    would tell that together they are 2, so a third count is hidden."""
    counts = [[1, 1, 9, 9], [5, 6, 7, 8], [9, 9, 9, 9]]
    table, hidden, ranges = attack(counts)
    assert not hidden[0, 4] and int(table[0, :4][hidden[0, :4]].sum()) >= 3
    for cell in ((0, 0), (0, 1)):
        assert ranges[cell][1] >= 3, ranges[cell]
    assert all(high > low for low, high in ranges.values())
