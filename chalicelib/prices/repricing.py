"""Our price from what competitors charge: the rules, and nothing else (pure).

Our price is the lower of our list price and the lowest *latest* usable
competitor price less the undercut, and never below our floor. Prices in
another currency, or implausibly low ones (below a fraction of our list
price: a typo, a per-unit price, a different product), are kept and
flagged but move nothing; so are the prices of competitors that are out of
stock: a price nobody can pay must not pull ours down.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_FLOOR, Decimal

from chalicelib.catalogue import Product

OK = "ok"
OTHER_CURRENCY = "other-currency"
IMPLAUSIBLE = "implausible"
OUT_OF_STOCK = "out-of-stock"


@dataclass(frozen=True)
class Observation:
    sku: str
    competitor: str  # a stable id for the competitor's page
    url: str
    host: str
    fetched_at: datetime
    status: str  # "ok", "no-price", "not-found", "robots-disallowed", "refused", ...
    price: Decimal | None = None
    currency: str | None = None
    flags: tuple[str, ...] = ()  # why the price moves nothing
    availability: str | None = None  # "in_stock", "out_of_stock", or None: not said
    notes: tuple[str, ...] = ()  # what else is worth knowing: "pre-order", "back-order"

    @property
    def usable(self) -> bool:
        return self.status == OK and self.price is not None and not self.flags


@dataclass(frozen=True)
class Decision:
    price: Decimal
    reason: str  # "list", "competitor" or "floor"
    lowest: Observation | None  # the cheapest usable competitor, if any
    flags: tuple[str, ...] = ()  # what a person should look at: "<why>:<host>", sorted


def flags_for(
    product: Product,
    price: Decimal | None,
    currency: str | None,
    plausible_fraction: Decimal,
    availability: str | None = None,
) -> tuple[str, ...]:
    """Why an observed price must not move ours (empty when it may)."""
    if price is None:
        return ()
    flags = [OUT_OF_STOCK] if availability == "out_of_stock" else []
    if currency is not None and currency != product.currency:
        flags.append(OTHER_CURRENCY)
    if price < product.list_price * plausible_fraction:
        flags.append(IMPLAUSIBLE)
    return tuple(flags)


def reprice(product: Product, latest: Iterable[Observation], undercut: Decimal) -> Decision:
    latest = list(latest)
    price, reason, lowest = _price(product, latest, undercut)
    return Decision(price, reason, lowest, _flags(latest, reason))


def _price(
    product: Product, latest: list[Observation], undercut: Decimal
) -> tuple[Decimal, str, Observation | None]:
    usable = [o for o in latest if o.usable]
    lowest = min(usable, key=lambda o: (o.price, o.url), default=None)
    if lowest is None or lowest.price is None:
        return product.list_price, "list", None
    step = Decimal(1).scaleb(-product.digits)
    # Rounded down, so a competitor at 9.999 never leaves us at 10.00.
    target = (lowest.price - undercut).quantize(step, rounding=ROUND_FLOOR)
    if target >= product.list_price:
        return product.list_price, "list", lowest
    if target < product.floor_price:
        return product.floor_price, "floor", lowest
    return target, "competitor", lowest


def _flags(latest: list[Observation], reason: str) -> tuple[str, ...]:
    """Each competitor's flags and failed fetches, by host; and a floor that holds us up."""
    flags = {f"{flag}:{o.host}" for o in latest for flag in o.flags}
    flags |= {f"{o.status}:{o.host}" for o in latest if o.status != OK}
    if reason == "floor":
        flags.add("floor-above-competitor")
    return tuple(sorted(flags))
