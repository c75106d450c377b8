"""The open-source baseline: extruct's structured data, price-parser on its price.

What "extruct alone" means in the price benchmark: schema.org offers from
JSON-LD, microdata and RDFa (their price and availability), else og:price,
and nothing from the visible page.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import extruct
from price_parser import Price

IN_STOCK = {"instock", "limitedavailability", "onlineonly", "preorder", "backorder"}
OUT_OF_STOCK = {"outofstock", "soldout", "discontinued"}


def extract_offer(
    html: str | bytes, url: str | None = None
) -> tuple[Decimal | None, str | None, str | None]:
    """(price, currency (never known here), availability)."""
    data = extruct.extract(
        html, base_url=url, syntaxes=["json-ld", "microdata", "rdfa", "opengraph"], uniform=True
    )
    for syntax in ("json-ld", "microdata", "rdfa"):
        for item in data.get(syntax, []):
            offer = _product_offer(item)
            if offer is not None:
                return _parse(offer.get("price", offer.get("lowPrice"))), None, _stock(offer)
    for item in data.get("opengraph", []):
        for key in ("product:price:amount", "og:price:amount"):
            if key in item:
                return _parse(item[key]), None, None
    return None, None, None


def _product_offer(item: Any) -> dict[str, Any] | None:
    if not isinstance(item, dict):
        return None
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if not any(str(k).endswith("Product") for k in kinds):
        return None
    offers = item.get("offers")
    for offer in offers if isinstance(offers, list) else [offers]:
        if isinstance(offer, dict) and (
            offer.get("price") is not None or offer.get("lowPrice") is not None
        ):
            return offer
    return None


def _stock(offer: dict[str, Any]) -> str | None:
    value = offer.get("availability")
    text = str(value[0] if isinstance(value, list) and value else value or "")
    key = text.rsplit("/", 1)[-1].lower()
    return "in_stock" if key in IN_STOCK else "out_of_stock" if key in OUT_OF_STOCK else None


def _parse(value: Any) -> Decimal | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return Price.fromstring(str(value)).amount if value is not None else None
