"""Products we sell and watch: what a valid one looks like (pure, no I/O)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from chalicelib.errors import InputError
from chalicelib.money import (
    ISO_CODES,
    check_digits,
    check_range,
    format_money,
    minor_digits,
    parse_decimal,
)
from chalicelib.urls import MAX_URL, BadUrl, parse_web_url

SKU = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
MAX_NAME = 200
MAX_COMPETITORS = 20
# Marks that reorder or hide text: a name with them can read as another one.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
FIELDS = ("name", "list_price", "floor_price", "currency", "competitors")


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    list_price: Decimal
    floor_price: Decimal
    currency: str
    competitors: tuple[str, ...] = field(default_factory=tuple)

    @property
    def digits(self) -> int:
        return minor_digits(self.currency)

    def to_json(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "name": self.name,
            "list_price": format_money(self.list_price, self.digits),
            "floor_price": format_money(self.floor_price, self.digits),
            "currency": self.currency,
            "competitors": list(self.competitors),
        }


def check_sku(sku: str) -> str:
    if not SKU.fullmatch(sku):
        raise InputError(
            "sku", "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    return sku


def product_from_request(sku: str, body: dict[str, Any]) -> Product:
    """Validate a PUT /products/{sku} body."""
    unknown = sorted(set(body) - set(FIELDS) - {"sku"})
    if unknown:
        raise InputError(unknown[0], f"is not a known field (expected {', '.join(FIELDS)})")
    if "sku" in body and body["sku"] != sku:
        raise InputError("sku", "differs from the sku in the path")
    for required in ("name", "list_price", "currency"):
        if required not in body:
            raise InputError(required, "is required")
    currency = body["currency"]
    if not isinstance(currency, str) or currency.strip().upper() not in ISO_CODES:
        raise InputError("currency", 'must be an ISO 4217 code such as "EUR"')
    currency = currency.strip().upper()
    digits = minor_digits(currency)
    list_price = _price(body["list_price"], "list_price", digits)
    floor_price = _price(body.get("floor_price", "0"), "floor_price", digits, allow_zero=True)
    if floor_price > list_price:
        raise InputError("floor_price", "must not be above list_price")
    return Product(
        sku=check_sku(sku),
        name=_name(body["name"]),
        list_price=list_price,
        floor_price=floor_price,
        currency=currency,
        competitors=_competitors(body.get("competitors", [])),
    )


def _price(raw: object, name: str, digits: int, *, allow_zero: bool = False) -> Decimal:
    value = parse_decimal(raw, name)
    if value <= 0 and not allow_zero:  # a list price is told what it must be, even if negative
        raise InputError(name, "must be greater than zero")
    check_range(value, name)
    check_digits(value, name, digits)
    return value


def _name(raw: object) -> str:
    if not isinstance(raw, str) or not raw.strip() or len(raw) > MAX_NAME:
        raise InputError("name", f"must be a non-empty string of at most {MAX_NAME} characters")
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("name", "is not valid text (a lone surrogate)") from None
    hidden = next((ch for ch in raw if _control(ch)), None)
    if hidden is not None:
        raise InputError("name", f"must not contain control characters (U+{ord(hidden):04X})")
    return raw.strip()


def _control(ch: str) -> bool:
    """Control characters, and the format characters that reorder or hide text."""
    return unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS


def _competitors(raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise InputError("competitors", "must be a list of page URLs")
    if len(raw) > MAX_COMPETITORS:
        raise InputError("competitors", f"must have at most {MAX_COMPETITORS} URLs")
    urls: list[str] = []
    for i, url in enumerate(raw):
        field_name = f"competitors[{i}]"
        if not isinstance(url, str):
            raise InputError(field_name, f"must be a URL of at most {MAX_URL} characters")
        try:
            address = parse_web_url(url)
        except BadUrl as error:
            raise InputError(field_name, str(error)) from None
        if address.url in urls:
            raise InputError(field_name, "is listed twice")
        urls.append(address.url)
    return tuple(urls)


def product_from_item(item: dict[str, Any]) -> Product:
    """A product as stored (the table's numbers are already Decimal)."""
    return Product(
        sku=item["sku"],
        name=item["name"],
        list_price=Decimal(item["list_price"]),
        floor_price=Decimal(item["floor_price"]),
        currency=item["currency"],
        competitors=tuple(item.get("competitors", [])),
    )
