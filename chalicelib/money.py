"""Reading and writing money exactly: Decimal in, strings out, never a float."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from chalicelib.errors import InputError

MAX_AMOUNT = Decimal(1_000_000_000)

# Digits after the decimal separator, where they are not the usual two.
MINOR_DIGITS = {
    "JPY": 0, "KRW": 0, "CLP": 0, "ISK": 0, "VND": 0, "HUF": 0, "PYG": 0, "UGX": 0,
    "IDR": 0, "COP": 0, "TWD": 0,  # two in ISO 4217, none in shop windows
    "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3, "LYD": 3, "IQD": 3,
}  # fmt: skip

ISO_CODES = frozenset(
    """AED ARS AUD BAM BDT BGN BHD BRL BYN CAD CHF CLP CNY COP CRC CZK DKK EGP EUR GBP GEL GHS
    HKD HRK HUF IDR ILS INR IQD ISK JOD JPY KES KRW KWD KZT LKR LYD MAD MXN MYR NGN NOK NZD OMR
    PEN PHP PKR PLN PYG QAR RON RSD RUB SAR SEK SGD THB TND TRY TWD UAH UGX USD UYU VND
    ZAR""".split()
)

# The JSON number grammar, with an optional sign, for amounts sent as strings.
_DECIMAL_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_MAX_TEXT = 64


def parse_decimal(value: object, field: str) -> Decimal:
    """A JSON number (parsed as Decimal from its text) or a decimal string.

    A float only arrives from an already-parsed Lambda event; its shortest
    repr is the text the sender wrote, so 1.15 stays 1.15.
    """
    if isinstance(value, bool) or value is None:
        raise InputError(field, f"must be a number or a decimal string, not {_json_kind(value)}")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > _MAX_TEXT or not _DECIMAL_TEXT.fullmatch(text):
            raise InputError(field, f"is not a decimal number: {_preview(value)}")
        number = Decimal(text)
    else:
        raise InputError(field, f"must be a number or a decimal string, not {_json_kind(value)}")
    if not number.is_finite():
        raise InputError(field, "must be a finite number")
    return number


def check_range(number: Decimal, field: str, *, allow_zero: bool = True) -> None:
    if number < 0:
        raise InputError(field, "must not be negative")
    if number == 0 and not allow_zero:
        raise InputError(field, "must be greater than zero")
    if number > MAX_AMOUNT:
        raise InputError(field, f"must be at most {MAX_AMOUNT}")


def check_digits(number: Decimal, field: str, minor_digits: int) -> None:
    if number != quantize(number, minor_digits):
        unit = format_money(Decimal(1).scaleb(-minor_digits), minor_digits)
        raise InputError(field, f"has more decimals than the currency's smallest unit ({unit})")


def quantize(number: Decimal, minor_digits: int) -> Decimal:
    return number.quantize(Decimal(1).scaleb(-minor_digits), rounding=ROUND_HALF_UP)


def format_money(number: Decimal, minor_digits: int) -> str:
    """'0.10', '20.00', JPY '500': always the currency's digits, never an exponent."""
    return f"{quantize(number, minor_digits):.{minor_digits}f}"


def minor_digits(currency: str | None) -> int:
    """Digits after the decimal separator as prices are shown in `currency`."""
    return MINOR_DIGITS.get(currency or "", 2)


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _preview(value: str) -> str:
    return repr(value if len(value) <= 20 else value[:20] + "…")
