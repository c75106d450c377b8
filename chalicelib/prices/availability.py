"""Whether the competitor has the product to sell: in stock, out of stock, or not said.

Read from what the page declares (schema.org `availability` in JSON-LD,
microdata or RDFa, and `product:availability` meta tags, in every spelling
shops use; a product with several offers, one per size, is in stock if any
is), else from what it shows where the product is bought: a short status
such as "sold out" or "nicht verfügbar" near the buy button or the title, a
buy button that is disabled, or one that is there to be pressed. A page
whose buy button is disabled or gone while it says "sold out" overrules a
declaration that the product can be bought: stale markup is common, a
greyed-out button is not. Pre-orders and back-orders are in stock, flagged:
the competitor takes the order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from chalicelib.prices.layout import PageView, common_prefix, hidden, up

IN_STOCK, OUT_OF_STOCK = "in_stock", "out_of_stock"
NEAR = 10  # tree steps from the buy button (or the title) that still describe the product
AROUND_LEVELS = 7


@dataclass(frozen=True)
class Stock:
    availability: str  # IN_STOCK or OUT_OF_STOCK
    flag: str | None = None  # "pre-order" or "back-order"


# schema.org ItemAvailability values (and what shops write instead), squashed to [a-z].
_DECLARED = {
    "instock": Stock(IN_STOCK), "limitedavailability": Stock(IN_STOCK),
    "onlineonly": Stock(IN_STOCK), "instoreonly": Stock(IN_STOCK), "madetoorder": Stock(IN_STOCK),
    "available": Stock(IN_STOCK), "availablefororder": Stock(IN_STOCK), "yes": Stock(IN_STOCK),
    "preorder": Stock(IN_STOCK, "pre-order"), "presale": Stock(IN_STOCK, "pre-order"),
    "backorder": Stock(IN_STOCK, "back-order"), "outofstock": Stock(OUT_OF_STOCK),
    "soldout": Stock(OUT_OF_STOCK), "discontinued": Stock(OUT_OF_STOCK),
    "oos": Stock(OUT_OF_STOCK), "unavailable": Stock(OUT_OF_STOCK),
    "notavailable": Stock(OUT_OF_STOCK), "no": Stock(OUT_OF_STOCK),
}  # fmt: skip

_OUT_TEXT = re.compile(
    "|".join(
        [
            r"out of stock", r"out-of-stock", r"sold out", r"currently unavailable",
            r"temporarily unavailable", r"no longer available", r"nicht verfügbar", r"nicht lieferbar", r"ausverkauft",
            r"nicht auf lager", r"épuisé", r"rupture de stock", r"indisponible", r"agotado",
            r"sin stock", r"no disponible", r"esaurito", r"non disponibile", r"uitverkocht",
            r"niet op voorraad", r"niet leverbaar", r"slutsåld", r"slut i lager", r"udsolgt",
            r"utsolgt", r"loppuunmyyty", r"brak w magazynie", r"niedostępny", r"vyprodáno",
            r"nedostupné", r"elfogyott", r"stokta yok", r"tükendi", r"esgotado", r"indisponível",
            r"在庫切れ", r"品切れ", r"売り切れ", r"完売", r"缺貨", r"缺货", r"售完", r"已售完",
            r"已售罄", r"품절", r"일시품절", r"habis", r"stok habis", r"สินค้าหมด", r"hết hàng",
            r"нет в наличии", r"распродано",
        ]
    ),
)  # fmt: skip
_IN_TEXT = re.compile(
    r"\bin stock\b|\bauf lager\b|\ben stock\b|\bop voorraad\b|\bin magazzino\b|\ben existencia\b|"
    r"\bna skladě\b|\bw magazynie\b|\bi lager\b|\bpå lager\b|\bsofort lieferbar\b|\bstokta\b|"
    r"在庫あり|有現貨|现货|有货|재고 있음|tersedia|มีสินค้า|còn hàng",
)
_PREORDER_TEXT = re.compile(
    r"pre-?order|vorbestell|précommande|pre-?venta|preordina|予約|預購|预购|예약",
)
_BACKORDER_TEXT = re.compile(r"back-?order|nachbestell|sur commande")
_DISABLED_CLASS = re.compile(r"\bdisabled\b|\bsold-?out\b|out-?of-?stock")
MAX_PHRASE = 40  # longer texts are sentences about something else (store pickup, a size)
# "Notify me when it is back in stock": about one size, or a promise; not a status.
_NOT_A_STATUS = re.compile(r"notify|let you know|when it|back in stock|email me|alert")


def declared_stock(values: list[str]) -> Stock | None:
    """In stock if any declared offer is (sizes sell out one by one), else the first one read."""
    read = [
        _DECLARED[key]
        for key in (re.sub(r"[^a-z]", "", value.rsplit("/", 1)[-1].lower()) for value in values)
        if key in _DECLARED
    ]
    return next((s for s in read if s == Stock(IN_STOCK)), None) or (read[0] if read else None)


def shown_stock(view: PageView) -> Stock | None:
    """What the page shows where the product is bought, if anything."""
    anchor = view.landmarks.buy_chain or view.landmarks.title_chain
    landmark = view.buy_button or view.title
    if not anchor or landmark is None:
        return None
    button = view.buy_button
    if button is not None and disabled(button):
        return Stock(OUT_OF_STOCK)
    said: Stock | None = Stock(IN_STOCK) if button is not None else None
    # Text near the landmark: under its ancestor a few levels up (most of what lies
    # within NEAR steps, without reading the whole page).
    around = list(up(landmark, AROUND_LEVELS))[-1]
    for node in around.traverse(include_text=True):
        text = node.text(deep=False).strip().lower() if node.is_text_node else ""
        if not text or len(text) > MAX_PHRASE or not _ANY_STATUS.search(text):
            continue
        stock = _read(text)
        parent = node.parent
        if stock is None or stock == said or parent is None:
            continue
        if any(hidden(n) for n in up(parent, 8)):
            continue
        chain = view.chain_of(parent)
        if len(chain) + len(anchor) - 2 * common_prefix(chain, anchor) > NEAR:
            continue
        if stock.availability == OUT_OF_STOCK:
            return stock  # whatever else the page says nearby
        if said is None or stock.flag:
            said = stock
    return said


_ANY_STATUS = re.compile(
    "|".join(p.pattern for p in (_OUT_TEXT, _IN_TEXT, _PREORDER_TEXT, _BACKORDER_TEXT)),
)


def _read(text: str) -> Stock | None:
    if _NOT_A_STATUS.search(text):
        return None
    if _OUT_TEXT.search(text):
        return Stock(OUT_OF_STOCK)
    if _PREORDER_TEXT.search(text):
        return Stock(IN_STOCK, "pre-order")
    if _BACKORDER_TEXT.search(text):
        return Stock(IN_STOCK, "back-order")
    if _IN_TEXT.search(text):
        return Stock(IN_STOCK)
    return None


def availability_of(declared: Stock | None, shown: Stock | None, *, can_buy: bool) -> Stock | None:
    """`can_buy`: the page has a buy button that is not disabled."""
    if declared is None:
        return shown
    if shown is not None and shown.availability == OUT_OF_STOCK and not can_buy:
        return shown
    return declared


def disabled(button: LexborNode) -> bool:
    attributes = button.attributes
    if "disabled" in attributes or attributes.get("aria-disabled") == "true":
        return True
    return bool(_DISABLED_CLASS.search((attributes.get("class") or "").lower()))
