"""Whether the competitor has the product to sell: in stock, out of stock, or not said.

Two readings, each in a module of its own, and the verdict between them here:
- `declared`: what the page's markup declares (schema.org `availability`, in every
  spelling shops use);
- `shown`: what the page shows where the product is bought, by its buy button, its
  title and its price (`button` reads the button; `phrases` finds the texts that may
  be statuses, `text` reads one, with `words`' lists; `places` and `choices` judge
  whose a status is; `marks` reads what a platform marks sold out without words).

Stale markup is common, so what the page shows may overrule it: "sold out" with
nothing to press overrules a declaration that the product can be bought, and "in
stock" by a button that takes orders overrules one that it cannot. A page that offers
the product at a price and says nothing else sells it: shops announce what they cannot
sell, not what they can. Pre-orders and back-orders are in stock, flagged: the
competitor takes the order.
"""

from __future__ import annotations

from chalicelib.prices.stock.button import disabled
from chalicelib.prices.stock.declared import declared_stock
from chalicelib.prices.stock.shown import shown_stock
from chalicelib.prices.stock.text import IN_STOCK, OUT_OF_STOCK, Stock

__all__ = ["availability_of", "declared_stock", "disabled", "shown_stock"]


def availability_of(
    declared: Stock | None, shown: Stock | None, *, can_buy: bool, priced: bool
) -> Stock | None:
    """`can_buy`: the page has a buy button that is not disabled; `priced`: a price was read."""
    if declared is None:
        return shown or (Stock(IN_STOCK) if priced else None)
    if shown is not None and shown.availability == OUT_OF_STOCK and not can_buy:
        return shown
    if declared.availability == OUT_OF_STOCK and shown is not None and shown.worded and can_buy:
        return shown  # "In stock" by a button that takes orders: the markup is stale
    if declared == Stock(IN_STOCK) and shown is not None and shown.flag and can_buy:
        return shown  # "Pre-order now": the markup's "InStock" says only that it takes orders
    return declared
