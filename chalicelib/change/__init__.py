"""Change-making for the till: which pieces to hand back, exactly and fewest.

`make_change` validates a request (as parsed from JSON, numbers as Decimal),
rounds cash where the country does, and solves on integer minor units with
`solver`. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from chalicelib.change.cash import SUPPORTED, Currency, currency
from chalicelib.change.solver import NoSolution, TooComplex, fewest_pieces
from chalicelib.errors import InputError, Unprocessable
from chalicelib.money import (
    check_digits,
    check_range,
    format_money,
    parse_decimal,
    quantize,
)

__all__ = ["SUPPORTED", "Change", "ChangeLine", "change_from_request", "make_change"]

MAX_DENOMINATIONS = 50
MAX_COUNT = 1_000_000_000
FIELDS = ("amount", "currency", "denominations", "drawer")


class ChangeLine(NamedTuple):
    value: Decimal
    name: str
    quantity: int  # not 'count': a tuple already has a count()


class Change(NamedTuple):
    currency: Currency
    amount: Decimal
    paid: Decimal
    lines: tuple[ChangeLine, ...]

    @property
    def pieces(self) -> int:
        return sum(line.quantity for line in self.lines)

    def to_json(self) -> dict[str, Any]:
        digits = self.currency.minor_digits
        return {
            "amount": format_money(self.amount, digits),
            "currency": self.currency.code,
            "paid": format_money(self.paid, digits),
            "pieces": self.pieces,
            "change": [
                {
                    "value": format_money(line.value, digits),
                    "name": line.name,
                    "count": line.quantity,
                }
                for line in self.lines
            ],
        }


def change_from_request(body: Mapping[str, Any]) -> Change:
    """Validate a decoded JSON object and make change for it."""
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise InputError(unknown[0], f"is not a known field (expected one of {', '.join(FIELDS)})")
    if "amount" not in body:
        raise InputError("amount", "is required")
    return make_change(
        body["amount"],
        body.get("currency", "USD"),
        body.get("denominations"),
        body.get("drawer"),
    )


def make_change(
    amount: object,
    currency: object = "USD",
    denominations: object = None,
    drawer: object = None,
) -> Change:
    """The fewest pieces that pay `amount` (after cash rounding) exactly.

    `denominations` replaces the currency's set; `drawer` maps values to the
    pieces actually in the till, and alone also defines the set.
    """
    cur = _currency(currency)
    requested = parse_decimal(amount, "amount")
    check_range(requested, "amount")
    if cur.cash_increment is None:
        check_digits(requested, "amount", cur.minor_digits)
    paid = _cash_rounded(requested, cur)

    chosen = _denominations(denominations, cur) if denominations is not None else None
    counts = _drawer(drawer, cur) if drawer is not None else None
    values = chosen or (list(counts) if counts is not None else [p.value for p in cur.pieces])
    limits = None
    if counts is not None:
        for value in counts:
            if value not in values:
                raise InputError(f"drawer[{_key(value, cur)}]", "is not one of the denominations")
        limits = [counts.get(value, 0) for value in values]

    unit = cur.minor_unit
    units = [int(value / unit) for value in values]
    try:
        solution = fewest_pieces(int(paid / unit), units, limits)
    except NoSolution:
        raise _impossible(paid, values, limits, cur) from None
    except TooComplex:
        field = "drawer" if drawer is not None else "denominations"
        raise Unprocessable(
            field,
            "too many combinations to prove the fewest pieces quickly; "
            "send fewer or more regular denominations",
        ) from None

    lines = sorted(
        (
            ChangeLine(
                value,
                cur.name_of(value) or f"{format_money(value, cur.minor_digits)} {cur.code}",
                n,
            )
            for value, n in zip(values, solution, strict=True)
            if n
        ),
        key=lambda line: line.value,
        reverse=True,
    )
    return Change(cur, quantize(requested, cur.minor_digits), paid, tuple(lines))


def _currency(code: object) -> Currency:
    if not isinstance(code, str):
        raise InputError("currency", 'must be an ISO 4217 code such as "USD"')
    cur = currency(code.strip().upper())
    if cur is None:
        raise InputError(
            "currency", f"{code[:8]!r} is not supported (supported: {', '.join(SUPPORTED)})"
        )
    return cur


def _cash_rounded(amount: Decimal, cur: Currency) -> Decimal:
    if cur.cash_increment is None:
        return quantize(amount, cur.minor_digits)
    steps = (amount / cur.cash_increment).quantize(Decimal(1), rounding=cur.rounding)
    return quantize(steps * cur.cash_increment, cur.minor_digits)


def _piece_value(raw: object, field: str, cur: Currency) -> Decimal:
    value = parse_decimal(raw, field)
    check_range(value, field, allow_zero=False)
    check_digits(value, field, cur.minor_digits)
    return quantize(value, cur.minor_digits)


def _denominations(raw: object, cur: Currency) -> list[Decimal]:
    if not isinstance(raw, list) or not raw:
        raise InputError("denominations", "must be a non-empty list of amounts")
    if len(raw) > MAX_DENOMINATIONS:
        raise InputError("denominations", f"must have at most {MAX_DENOMINATIONS} entries")
    values: list[Decimal] = []
    for i, item in enumerate(raw):
        value = _piece_value(item, f"denominations[{i}]", cur)
        if value in values:
            raise InputError(
                f"denominations[{i}]",
                f"duplicates denominations[{values.index(value)}] "
                f"({format_money(value, cur.minor_digits)})",
            )
        values.append(value)
    return values


def _drawer(raw: object, cur: Currency) -> dict[Decimal, int]:
    if not isinstance(raw, dict) or not raw:
        raise InputError("drawer", 'must be a non-empty object such as {"0.25": 4}')
    if len(raw) > MAX_DENOMINATIONS:
        raise InputError("drawer", f"must have at most {MAX_DENOMINATIONS} entries")
    counts: dict[Decimal, int] = {}
    for key, count in raw.items():
        field = f"drawer[{key[:20]!r}]"
        value = _piece_value(key, field, cur)
        if value in counts:
            raise InputError(
                field, f"duplicates another key ({format_money(value, cur.minor_digits)})"
            )
        counts[value] = _count(count, field)
    return counts


def _count(raw: object, field: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, (int, Decimal)):
        raise InputError(field, "count must be a whole number")
    number = Decimal(raw)
    if not number.is_finite() or number != number.to_integral_value():
        raise InputError(field, "count must be a whole number")
    if number < 0:
        raise InputError(field, "count must not be negative")
    if number > MAX_COUNT:
        raise InputError(field, f"count must be at most {MAX_COUNT}")
    return int(number)


def _key(value: Decimal, cur: Currency) -> str:
    return repr(format_money(value, cur.minor_digits))


def _impossible(
    paid: Decimal, values: list[Decimal], limits: list[int] | None, cur: Currency
) -> Unprocessable:
    digits = cur.minor_digits
    due = format_money(paid, digits)
    if limits is not None:
        total = sum((v * n for v, n in zip(values, limits, strict=True)), Decimal(0))
        if total < paid:
            return Unprocessable(
                "drawer",
                f"holds {format_money(total, digits)} in all, "
                f"{format_money(paid - total, digits)} short of {due}",
            )
        return Unprocessable("drawer", f"its pieces cannot make exactly {due}")
    step = _gcd_of(values)
    if paid % step:
        return Unprocessable(
            "denominations",
            f"every combination is a multiple of {format_money(step, digits)}, and {due} is not",
        )
    smallest = format_money(min(values), digits)
    return Unprocessable(
        "denominations", f"no combination makes exactly {due} (smallest piece is {smallest})"
    )


def _gcd_of(values: list[Decimal]) -> Decimal:
    step = values[0]
    for v in values[1:]:
        while v:
            step, v = v, step % v
    return step
