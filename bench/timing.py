"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Timings:
    seconds: list[float]

    @property
    def per_second(self) -> float:
        return len(self.seconds) / sum(self.seconds)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def time_each(call: Callable[[T], object], inputs: Sequence[T]) -> Timings:
    seconds = []
    for item in inputs:
        started = time.perf_counter()
        call(item)
        seconds.append(time.perf_counter() - started)
    return Timings(seconds)


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"
