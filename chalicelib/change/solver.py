"""Fewest-pieces change-making on integer units.

Everything here works on plain integers (minor units divided by the set's
common divisor), so the money layer above never has to think about
algorithms and the algorithms never see a Decimal.

Three exact strategies, chosen by the shape of the problem:

* greedy, when the set is canonical (tested with Pearson's O(n^3)
  algorithm, never assumed);
* a breadth-first search over the sums of the *smaller* pieces with
  big-integer bitsets, for non-canonical sets: the largest piece covers
  the bulk of the amount, so the search is bounded by the pieces, not by
  the amount;
* branch and bound over the counts, for a drawer with limited pieces, and
  for unlimited sets the bitset search cannot finish within its budget
  (there, counts are capped by a dominance argument).

Each search runs against a work budget and raises `TooComplex` instead
of answering slowly or wrongly: both budgets together stay near 10 ms.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from math import gcd


class NoSolution(Exception):
    """The pieces cannot make the amount exactly."""


class TooComplex(Exception):
    """The exact answer could not be proven within the work budget."""


# Words of 64 bits shifted by the bitset search: about 2 ms.
BITSET_WORD_BUDGET = 800_000
# Branch-and-bound nodes: about a microsecond each.
NODE_BUDGET = 10_000


def fewest_pieces(
    amount: int,
    values: Sequence[int],
    limits: Sequence[int | None] | None = None,
) -> list[int]:
    """Return a count per value (same order as `values`) with the fewest pieces.

    `values` must be distinct positive integers; `limits[i]` caps the count
    of `values[i]` (None means unlimited).
    """
    if amount < 0:
        raise ValueError("amount must not be negative")
    if limits is None:
        limits = [None] * len(values)
    order = sorted(range(len(values)), key=lambda i: -values[i])
    desc = [values[i] for i in order]
    caps = [limits[i] for i in order]
    counts_desc = _solve(amount, desc, caps)
    counts = [0] * len(values)
    for position, index in enumerate(order):
        counts[index] = counts_desc[position]
    return counts


def _solve(amount: int, desc: list[int], caps: list[int | None]) -> list[int]:
    if amount == 0:
        return [0] * len(desc)
    # A cap that allows at least amount // value pieces never binds.
    usable = [
        amount // v if cap is None else min(cap, amount // v)
        for v, cap in zip(desc, caps, strict=True)
    ]
    if usable != [amount // v for v in desc]:
        return _bounded(amount, desc, usable)
    unit = 0
    for v in desc:
        unit = gcd(unit, v)
    if amount % unit:
        raise NoSolution
    scaled = [v // unit for v in desc]
    target = amount // unit
    if scaled[-1] == 1 and is_canonical(tuple(scaled)):
        return _greedy(target, scaled)
    try:
        return _unbounded(target, scaled)
    except TooComplex:
        return _bounded(target, scaled, _dominance_caps(target, scaled))


def _dominance_caps(amount: int, desc: list[int]) -> list[int]:
    """Counts no optimal answer exceeds when supply is unlimited.

    With a larger value a available, a // gcd(a, b) pieces of b can always be
    swapped for fewer pieces of a, so an optimal answer uses fewer than that.
    """
    caps = []
    for j, v in enumerate(desc):
        cap = amount // v
        for larger in desc[:j]:
            cap = min(cap, larger // gcd(larger, v) - 1)
        caps.append(cap)
    return caps


def _greedy(amount: int, desc: Sequence[int]) -> list[int]:
    counts = []
    for v in desc:
        n, amount = divmod(amount, v)
        counts.append(n)
    if amount:
        raise NoSolution
    return counts


def _greedy_size(amount: int, desc: Sequence[int]) -> int:
    pieces = 0
    for v in desc:
        n, amount = divmod(amount, v)
        pieces += n
    return pieces


@lru_cache(maxsize=256)
def is_canonical(desc: tuple[int, ...]) -> bool:
    """Whether greedy is optimal for every amount (Pearson, 1994).

    `desc` is strictly decreasing and ends with 1. The smallest amount
    where greedy fails, if any, is built from the greedy representation of
    some `desc[i-1] - 1` by adding one piece of `desc[j]` (j >= i) and
    dropping everything smaller; we test each such candidate.
    """
    n = len(desc)
    for i in range(1, n):
        g = _greedy(desc[i - 1] - 1, desc)
        prefix_value = 0
        prefix_count = 0
        for j in range(i, n):
            value = prefix_value + (g[j] + 1) * desc[j]
            count = prefix_count + g[j] + 1
            if _greedy_size(value, desc) > count:
                return False
            prefix_value += g[j] * desc[j]
            prefix_count += g[j]
    return True


def _unbounded(amount: int, desc: list[int]) -> list[int]:
    """Exact fewest pieces for any set (values already divided by their gcd).

    An optimal answer is m pieces of the largest value D plus k smaller
    pieces summing to r, with r == amount (mod D). Level k of the search is
    the bitset of sums reachable with exactly k smaller pieces; at each level
    the best r is the highest reachable one in the right residue class. Any
    answer with k or more smaller pieces has at least
    k + (amount - k*d2) / D pieces (d2 = second largest), which grows with
    k, so the search stops as soon as that bound reaches the best found.
    Fewer than D smaller pieces are ever needed (a pigeonhole argument on
    their running sums mod D), which bounds the search when no answer exists.
    """
    top, smaller = desc[0], desc[1:]
    if not smaller:
        if amount % top:
            raise NoSolution
        return [amount // top]
    d2 = smaller[0]
    residue = amount % top
    levels = [1]  # levels[k]: bit r set when k smaller pieces can sum to r
    best: tuple[int, int, int] | None = None  # (pieces, k, r)
    mask_width = -1  # no mask built yet
    residue_mask = 0
    work = 0
    for k in range(top):
        level = levels[k]
        cap = min(amount, k * d2)
        if best is not None and k * top + (amount - cap) >= best[0] * top:
            break
        if cap > mask_width:
            mask_width = max(cap, 2 * mask_width, 64)
            residue_mask = _periodic_mask(residue, top, mask_width)
        hits = level & residue_mask
        if hits:
            r = hits.bit_length() - 1
            pieces = k + (amount - r) // top
            if best is None or pieces < best[0]:
                best = (pieces, k, r)
        next_cap = min(amount, (k + 1) * d2)
        work += len(smaller) * (next_cap // 64 + 1)
        if work > BITSET_WORD_BUDGET:
            raise TooComplex
        nxt = 0
        for v in smaller:
            nxt |= level << v
        nxt &= (1 << (next_cap + 1)) - 1
        if not nxt:
            break
        levels.append(nxt)
    if best is None:
        raise NoSolution
    _, k, r = best
    counts = [(amount - r) // top] + [0] * len(smaller)
    # Walk back down the levels to recover which smaller pieces make r.
    for level_index in range(k, 0, -1):
        below = levels[level_index - 1]
        for position, v in enumerate(smaller, start=1):
            if r >= v and (below >> (r - v)) & 1:
                counts[position] += 1
                r -= v
                break
    return counts


def _periodic_mask(start: int, period: int, width: int) -> int:
    """Bits start, start+period, start+2*period, ... up to width."""
    if start > width:
        return 0
    mask, span = 1, period
    while span <= width - start:
        mask |= mask << span
        span *= 2
    return (mask << start) & ((1 << (width + 1)) - 1)


def _bounded(amount: int, desc: list[int], caps: list[int]) -> list[int]:
    """Branch and bound over the counts, largest value first.

    Prunes on the piece-count bound, on what the remaining pieces can reach
    (their total, their gcd, and for small tails the exact set of reachable
    sums), and on states already reached with no more pieces.
    """
    pairs = [(v, c) for v, c in zip(desc, caps, strict=True) if c > 0]
    values = [v for v, _ in pairs]
    limits = [c for _, c in pairs]
    n = len(values)
    suffix_total = [0] * (n + 1)
    suffix_gcd = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        suffix_total[i] = suffix_total[i + 1] + values[i] * limits[i]
        suffix_gcd[i] = gcd(suffix_gcd[i + 1], values[i])
    reachable = _tail_reachability(values, limits, suffix_total)
    if (
        amount > suffix_total[0]
        or amount % max(suffix_gcd[0], 1)
        or not _can_reach(reachable[0], amount)
    ):
        raise NoSolution

    best_size = amount // values[-1] + 1
    best: list[int] | None = None
    chosen = [0] * n
    seen: dict[tuple[int, int], int] = {}
    nodes = 0

    def search(i: int, remaining: int, used: int) -> None:
        nonlocal best, best_size, nodes
        nodes += 1
        if nodes > NODE_BUDGET:
            raise TooComplex
        if remaining == 0:
            if used < best_size:
                best_size, best = used, chosen.copy()
            return
        if i == n or remaining > suffix_total[i] or remaining % suffix_gcd[i]:
            return
        if not _can_reach(reachable[i], remaining):
            return
        state = (i, remaining)
        if seen.get(state, used + 1) <= used:
            return
        seen[state] = used
        v = values[i]
        most = min(limits[i], remaining // v)
        if i == n - 1:
            if remaining == most * v and used + most < best_size:
                chosen[i] = most
                search(n, 0, used + most)
                chosen[i] = 0
            return
        following = values[i + 1]
        for x in range(most, -1, -1):
            rest = remaining - x * v
            # Fewer of this value only raises both bounds: stop at the first miss.
            if rest > suffix_total[i + 1]:
                break
            if used + x + -(-rest // following) >= best_size:
                break
            chosen[i] = x
            search(i + 1, rest, used + x)
        chosen[i] = 0

    search(0, amount, 0)
    if best is None:
        raise NoSolution
    counts_by_value = dict(zip(values, best, strict=True))
    return [counts_by_value.get(v, 0) for v in desc]


REACH_BITS = 1 << 17


def _tail_reachability(
    values: list[int], limits: list[int], suffix_total: list[int]
) -> list[bytes | None]:
    """For each tail of small enough total, a bitmap of the sums it can make.

    Counts are split into powers of two, so each value costs log2(count)
    shifts of the bitset.
    """
    n = len(values)
    maps: list[bytes | None] = [None] * (n + 1)
    bits = 1
    maps[n] = b"\x01"
    for i in range(n - 1, -1, -1):
        if suffix_total[i] > REACH_BITS:
            break
        width_mask = (1 << (suffix_total[i] + 1)) - 1
        remaining, chunk = limits[i], 1
        while remaining:
            take = min(chunk, remaining)
            bits |= (bits << (values[i] * take)) & width_mask
            remaining -= take
            chunk *= 2
        maps[i] = bits.to_bytes(suffix_total[i] // 8 + 1, "little")
    return maps


def _can_reach(bitmap: bytes | None, total: int) -> bool:
    if bitmap is None:
        return True
    return bool(bitmap[total >> 3] >> (total & 7) & 1)
