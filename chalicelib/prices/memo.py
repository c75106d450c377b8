"""Answers kept for the short texts a page reads again and again.

A page reads the same class names and phrases many times (each price reads the names of
every element above it), so an answer is worth keeping between reads; but the texts are
the page's, and a hostile page's names of a megabyte each must not stay in memory after
it. So only texts of up to KEPT_LENGTH characters are kept, the last KEPT of them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

KEPT, KEPT_LENGTH = 4_096, 200

T = TypeVar("T")


def kept_for_short_texts(read: Callable[[str], T]) -> Callable[[str], T]:
    kept = lru_cache(maxsize=KEPT)(read)

    @wraps(read)
    def reading(text: str) -> T:
        return kept(text) if len(text) <= KEPT_LENGTH else read(text)

    return reading
