"""Reading and writing money exactly: Decimal in, strings out, never a float."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from chalicelib.errors import InputError

MAX_AMOUNT = Decimal(1_000_000_000)

# Digits after the decimal separator, where they are not the usual two.
MINOR_DIGITS = {
    "JPY": 0, "KRW": 0, "CLP": 0, "ISK": 0, "VND": 0, "HUF": 0, "PYG": 0, "UGX": 0,
    "BIF": 0, "DJF": 0, "GNF": 0, "KMF": 0, "RWF": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
    "IDR": 0, "COP": 0, "TWD": 0,  # two in ISO 4217, none in shop windows
    "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3, "LYD": 3, "IQD": 3,
}  # fmt: skip

# ISO 4217's currencies in circulation (not its funds, metals or test code), and the kuna
# that pages saved before 2023 show: a shop anywhere keeps its catalogue in its own.
ISO_CODES = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD
    BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR
    FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD
    JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK
    MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN
    PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL
    THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG
    XOF XPF YER ZAR ZMW ZWG""".split()
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
