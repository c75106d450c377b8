"""The cash each supported currency circulates, and how each rounds cash.

Sets hold what a till actually hands back: notes that are legal tender but
no longer issued or refused by most shops (the EUR 500, the JPY 2000) are
left out. Cash rounding follows each country's published rule; where the
rule has ties (x.50 kronor) they round up, as those rules say.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import NamedTuple


class Piece(NamedTuple):
    value: Decimal
    name: str


class Currency(NamedTuple):
    code: str
    minor_digits: int
    pieces: tuple[Piece, ...]  # largest first
    cash_increment: Decimal | None = None  # None: cash is paid to the minor unit
    rounding: str = ROUND_HALF_UP

    @property
    def minor_unit(self) -> Decimal:
        return Decimal(1).scaleb(-self.minor_digits)

    def name_of(self, value: Decimal) -> str | None:
        for piece in self.pieces:
            if piece.value == value:
                return piece.name
        return None


def _pieces(*entries: tuple[str, str]) -> tuple[Piece, ...]:
    pieces = tuple(Piece(Decimal(value), name) for value, name in entries)
    return tuple(sorted(pieces, key=lambda p: p.value, reverse=True))


def _notes_and_coins(
    symbol: str, minor_suffix: str, notes: str, coins: str, minor_coins: str
) -> tuple[Piece, ...]:
    """Names as the public says them: '€20 note', '£2 coin', '50p coin'."""
    entries = [(v, f"{symbol}{v} note") for v in notes.split()]
    entries += [(v, f"{symbol}{v} coin") for v in coins.split()]
    entries += [(f"0.{int(v):02d}", f"{v}{minor_suffix} coin") for v in minor_coins.split()]
    return _pieces(*entries)


# How each currency's set is built; a set is built when first asked for, so
# a cold start that makes change in dollars never builds the other nine.
_BUILDERS: dict[str, Callable[[], Currency]] = {
    "USD": lambda: Currency(
        "USD",
        2,
        _pieces(
            ("100", "$100 bill"),
            ("50", "$50 bill"),
            ("20", "$20 bill"),
            ("10", "$10 bill"),
            ("5", "$5 bill"),
            ("1", "$1 bill"),
            ("0.25", "quarter"),
            ("0.10", "dime"),
            ("0.05", "nickel"),
            ("0.01", "penny"),
        ),
    ),
    "EUR": lambda: Currency(
        "EUR", 2, _notes_and_coins("€", " cent", "200 100 50 20 10 5", "2 1", "50 20 10 5 2 1")
    ),
    "GBP": lambda: Currency(
        "GBP", 2, _notes_and_coins("£", "p", "50 20 10 5", "2 1", "50 20 10 5 2 1")
    ),
    "CAD": lambda: Currency(
        "CAD",
        2,
        _pieces(
            ("100", "$100 note"),
            ("50", "$50 note"),
            ("20", "$20 note"),
            ("10", "$10 note"),
            ("5", "$5 note"),
            ("2", "toonie"),
            ("1", "loonie"),
            ("0.25", "quarter"),
            ("0.10", "dime"),
            ("0.05", "nickel"),
        ),
        cash_increment=Decimal("0.05"),
    ),
    "CHF": lambda: Currency(
        "CHF",
        2,
        _pieces(
            *[(v, f"{v}-franc note") for v in "1000 200 100 50 20 10".split()],
            *[(v, f"{v}-franc coin") for v in "5 2 1".split()],
            *[(f"0.{v}", f"{v}-centime coin") for v in "50 20 10 05".split()],
        ),
        cash_increment=Decimal("0.05"),
    ),
    "JPY": lambda: Currency(
        "JPY",
        0,
        _pieces(
            *[(v, f"{v}-yen note") for v in "10000 5000 1000".split()],
            *[(v, f"{v}-yen coin") for v in "500 100 50 10 5 1".split()],
        ),
    ),
    "AUD": lambda: Currency(
        "AUD",
        2,
        _notes_and_coins("$", "c", "100 50 20 10 5", "2 1", "50 20 10 5"),
        cash_increment=Decimal("0.05"),
    ),
    "SEK": lambda: Currency(
        "SEK",
        2,
        _pieces(
            *[(v, f"{v}-kronor note") for v in "1000 500 200 100 50 20".split()],
            *[(v, f"{v}-kronor coin") for v in "10 5 2 1".split()],
        ),
        cash_increment=Decimal("1"),
    ),
    "NOK": lambda: Currency(
        "NOK",
        2,
        _pieces(
            *[(v, f"{v}-kroner note") for v in "1000 500 200 100 50".split()],
            *[(v, f"{v}-kroner coin") for v in "20 10 5 1".split()],
        ),
        cash_increment=Decimal("1"),
    ),
    "DKK": lambda: Currency(
        "DKK",
        2,
        _pieces(
            *[(v, f"{v}-kroner note") for v in "1000 500 200 100 50".split()],
            *[(v, f"{v}-kroner coin") for v in "20 10 5 2 1".split()],
            ("0.50", "50-øre coin"),
        ),
        cash_increment=Decimal("0.50"),
    ),
}
SUPPORTED = tuple(_BUILDERS)


def currency(code: str) -> Currency | None:
    """The cash of an ISO code such as "USD", or None when it is not supported."""
    return _built(code) if code in _BUILDERS else None


@cache  # keyed only by supported codes, so it stays ten entries small
def _built(code: str) -> Currency:
    return _BUILDERS[code]()
