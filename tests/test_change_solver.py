"""The integer solver against a brute-force oracle, plus its known hard shapes."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.change.solver import NoSolution, TooComplex, fewest_pieces, is_canonical

INFINITY = 10**9


def oracle(amount: int, values: list[int], limits: list[int] | None) -> int | None:
    """Fewest pieces by plain dynamic programming over every amount up to `amount`."""
    best = [0] + [INFINITY] * amount
    if limits is None:
        for total in range(1, amount + 1):
            for v in values:
                if v <= total and best[total - v] + 1 < best[total]:
                    best[total] = best[total - v] + 1
    else:
        for v, count in zip(values, limits, strict=True):
            for _ in range(count):
                for total in range(amount, v - 1, -1):
                    if best[total - v] + 1 < best[total]:
                        best[total] = best[total - v] + 1
    return None if best[amount] >= INFINITY else best[amount]


def solve_or_none(amount: int, values: list[int], limits: list[int] | None) -> list[int] | None:
    try:
        return fewest_pieces(amount, values, limits)
    except NoSolution:
        return None


small_sets = st.lists(st.integers(1, 60), min_size=1, max_size=6, unique=True)


@settings(max_examples=400, deadline=None)
@given(values=small_sets, amount=st.integers(0, 400))
def test_unlimited_sets_match_the_oracle(values: list[int], amount: int) -> None:
    counts = solve_or_none(amount, values, None)
    expected = oracle(amount, values, None)
    if expected is None:
        assert counts is None
    else:
        assert counts is not None
        assert sum(c * v for c, v in zip(counts, values, strict=True)) == amount
        assert sum(counts) == expected


@settings(max_examples=400, deadline=None)
@given(data=st.data(), values=small_sets, amount=st.integers(0, 300))
def test_drawers_match_the_oracle(data: st.DataObject, values: list[int], amount: int) -> None:
    limits = data.draw(st.lists(st.integers(0, 8), min_size=len(values), max_size=len(values)))
    counts = solve_or_none(amount, values, limits)
    expected = oracle(amount, values, limits)
    if expected is None:
        assert counts is None
    else:
        assert counts is not None
        assert sum(c * v for c, v in zip(counts, values, strict=True)) == amount
        assert all(c <= limit for c, limit in zip(counts, limits, strict=True))
        assert sum(counts) == expected


@pytest.mark.parametrize(
    ("values", "canonical"),
    [
        ((10000, 5000, 2000, 1000, 500, 100, 25, 10, 5, 1), True),
        ((200, 100, 50, 20, 10, 5, 2, 1), True),
        ((4, 3, 1), False),
        ((25, 10, 1), False),  # 30: greedy 25+5x1, best 3x10
        ((9, 6, 5, 1), False),
        ((1,), True),
    ],
)
def test_canonicity_is_tested_not_assumed(values: tuple[int, ...], canonical: bool) -> None:
    assert is_canonical(values) is canonical


def test_non_canonical_set_beats_greedy() -> None:
    assert fewest_pieces(6, [1, 3, 4]) == [0, 2, 0]
    assert fewest_pieces(30, [25, 10, 1]) == [0, 3, 0]


def test_huge_amount_with_non_canonical_set_is_exact() -> None:
    amount = 10**11 + 2  # 1e9 dollars and two cents
    counts = fewest_pieces(amount, [1, 3, 4])
    assert sum(c * v for c, v in zip(counts, [1, 3, 4], strict=True)) == amount
    assert sum(counts) == 25_000_000_001  # ...+4+4 becomes 3+3: one more piece than /4


def test_drawer_prefers_what_is_there() -> None:
    # One quarter and three dimes: 30 cents is three dimes, not quarter + nothing.
    assert fewest_pieces(30, [25, 10], [1, 3]) == [0, 3]


def test_unreachable_amounts_raise() -> None:
    with pytest.raises(NoSolution):
        fewest_pieces(7, [25, 10])
    with pytest.raises(NoSolution):
        fewest_pieces(95, [25, 10], [1, 3])  # holds only 55


def test_a_pathological_drawer_is_refused_quickly_not_answered_slowly() -> None:
    # Fifty near-equal values with small counts defeat every bound.
    values = [10_000 - 7 * i for i in range(50)]
    started = time.perf_counter()
    with pytest.raises(TooComplex):
        fewest_pieces(1_234_567, values, [3] * 50)
    assert time.perf_counter() - started < 0.1  # the budget is ~10 ms; CI machines are slow
