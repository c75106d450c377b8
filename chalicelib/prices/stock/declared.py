"""What the markup declares of the product's stock: schema.org `availability` in
JSON-LD, microdata or RDFa, and `product:availability` meta tags, in every spelling
shops use (URLs, CURIEs, "InStock", "Auf Lager"). A product with several offers, one
per size, is in stock if any at the price read is, else if any is; the other products
a page declares are related items, and their sold-out offers are not the product's.
"""

from __future__ import annotations

import re
from decimal import Decimal

from chalicelib.prices.dom import plain
from chalicelib.prices.stock.text import (
    GONE,
    IN_STOCK,
    MAX_PHRASE,
    OUT_OF_STOCK,
    PRE_ORDER,
    WAITING,
    Stock,
    read_stock,
)
from chalicelib.prices.structured import Stated, named_alike, named_as_shown

# schema.org ItemAvailability values (and what shops write instead), squashed to [a-z].
_DECLARED = {
    "instock": Stock(IN_STOCK), "limitedavailability": Stock(IN_STOCK),
    "onlineonly": Stock(IN_STOCK), "instoreonly": Stock(IN_STOCK), "madetoorder": Stock(IN_STOCK),
    "available": Stock(IN_STOCK), "availablefororder": Stock(IN_STOCK), "yes": Stock(IN_STOCK),
    "preorder": PRE_ORDER, "presale": PRE_ORDER,
    "backorder": Stock(IN_STOCK, "back-order"), "outofstock": Stock(OUT_OF_STOCK),
    "soldout": Stock(OUT_OF_STOCK), "discontinued": Stock(OUT_OF_STOCK),
    "oos": Stock(OUT_OF_STOCK), "unavailable": Stock(OUT_OF_STOCK),
    "notavailable": Stock(OUT_OF_STOCK), "no": Stock(OUT_OF_STOCK),
    "reserved": Stock(OUT_OF_STOCK), "markassold": Stock(OUT_OF_STOCK),
}  # fmt: skip


def declared_stock(
    products: list[tuple[str | None, list[Stated]]],
    main: str | None,
    price: Decimal | None,
    names_shown: set[str] | None = None,
) -> Stock | None:
    """What the product named `main` declares, else the first that declares any: in
    stock if any of its offers at `price` (the price read) is, else if any of its
    offers is (sizes sell out one by one), else its first. Other products are
    related items. `names_shown`: the words of the names a page that takes orders shows
    (its titles, its main headings); a product named with none of them, or with few and
    every offer at another price than the one read, declares no sold-out (a related
    product's JSON-LD), though what it declares in stock stands (shops name their
    product's JSON-LD after its category, its variant's id...)."""
    ordered = sorted(products, key=lambda product: product[0] != main) if main else products
    for name, statements in ordered:
        read = [(stock, s.price) for s in statements if (stock := _declared(s.value)) is not None]
        if names_shown and _another_s(name, [at for _, at in read], price, names_shown):
            read = [(stock, at) for stock, at in read if stock.availability != OUT_OF_STOCK]
        priced = [stock for stock, offer_price in read if offer_price == price]
        stocks = priced or [stock for stock, _ in read]
        if stocks:
            return next((s for s in stocks if s == Stock(IN_STOCK)), stocks[0])
    return None


def _another_s(
    name: str | None, prices: list[Decimal | None], price: Decimal | None, names_shown: set[str]
) -> bool:
    """A declared product named with none of the words the page shows as names, or with
    few and every offer at another price than the one read."""
    if not named_alike(name, names_shown):
        return True
    priced_otherwise = price is not None and all(at not in (None, price) for at in prices)
    return priced_otherwise and not named_as_shown(name, names_shown)


def _declared(value: str) -> Stock | None:
    """A schema.org value, or the free text microdata often carries ("Auf Lager")."""
    key = re.sub(r"[^a-z]", "", re.split(r"[/:#]", value.strip())[-1].lower())  # URL or CURIE
    if key in _DECLARED:
        return _DECLARED[key]
    text = plain(value).lower()
    said = read_stock(text) if len(text) <= MAX_PHRASE else None
    if said == WAITING:
        return None
    return Stock(OUT_OF_STOCK) if said == GONE else said
