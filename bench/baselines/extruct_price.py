"""The open-source baseline: extruct's structured data, price-parser on its price.

What "extruct alone" means in the price benchmark: schema.org offers from
JSON-LD, microdata and RDFa, else og:price, and nothing from the visible page.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import extruct
from price_parser import Price


def extract_price(html: str | bytes, url: str | None = None) -> Decimal | None:
    data = extruct.extract(
        html, base_url=url, syntaxes=["json-ld", "microdata", "rdfa", "opengraph"], uniform=True
    )
    for syntax in ("json-ld", "microdata", "rdfa"):
        for item in data.get(syntax, []):
            price = _product_price(item)
            if price is not None:
                return price
    for item in data.get("opengraph", []):
        for key in ("product:price:amount", "og:price:amount"):
            if key in item:
                return _parse(item[key])
    return None


def _product_price(item: Any) -> Decimal | None:
    if not isinstance(item, dict):
        return None
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if not any(str(k).endswith("Product") for k in kinds):
        return None
    offers = item.get("offers")
    for offer in offers if isinstance(offers, list) else [offers]:
        if isinstance(offer, dict):
            for key in ("price", "lowPrice"):
                if offer.get(key) is not None:
                    return _parse(offer[key])
    return None


def _parse(value: Any) -> Decimal | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return Price.fromstring(str(value)).amount if value is not None else None
