"""What one short text says of the product's stock: "Sold out", "Nur noch 2 auf Lager",
"Notify me when it's back", "Pre-order now", or nothing ("Was out of stock for months,
finally got one"). `phrases` finds the texts on the page and `places` judges whose they
are; this module reads a text alone, with `words`' lists, so that each rule of
the language is tried on a string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chalicelib.prices import words
from chalicelib.prices.stock.words import (
    ANY_STATUS,
    BACKORDER_TEXT,
    CONDITION,
    CONDITION_CLOSED,
    DELIVERED_LATER_SAID,
    EVERY_CHOICE,
    FOR_NOW,
    IN_TEXT,
    LAST_PIECES,
    LINE_ENDED,
    NEGATION,
    NONE_TAKEN,
    NOT_A_STATUS,
    NOTIFY,
    ONE_CHOICE,
    ORDERS_TAKEN,
    OUT_ONLINE,
    OUT_TEXT,
    POINTING,
    PREORDER_TEXT,
    SAID_NOW,
    SOLD_ALONE,
    STATUS_LABEL,
    STILL_ON_SALE,
    TALK,
    THIS_PRODUCT,
    UNAVAILABLE,
    VARIANT,
    WAITING_TEXT,
    word_pattern,
)

IN_STOCK, OUT_OF_STOCK = "in_stock", "out_of_stock"
WORD = re.compile(r"[^\W_]+")
MAX_PHRASE = 60  # longer texts are sentences about something else (store pickup, a size)
MAX_LABEL = 30  # "Warehouse deal:", a label's name before its value
MAX_SENTENCE = 140  # ...unless they speak of "this item"
_STATUS_LABELLED = word_pattern(f"^{STATUS_LABEL}")  # "Delivery time: out of stock"
# The icons or bullets a status may open with ("✗ Not available", "🔴 Sold"), not a
# Spanish question's or exclamation's opening mark.
_LEADING_SIGNS = re.compile(r"^[^\w¿¡]+(?=\w)")
# A negation run into its verb: "isn't available" is read as "is not available".
_CONTRACTED = re.compile(r"\b(is|are|was|were|do|does|has|have)n['’]t\b")


@dataclass(frozen=True)
class Stock:
    availability: str  # IN_STOCK or OUT_OF_STOCK
    flag: str | None = None  # "pre-order" or "back-order"
    worded: bool = field(default=False, compare=False)  # said in words, not only by a button


# Read only where nothing takes orders: a promise to tell when it is back ("notify me"),
# a one-off item's bare "Sold", a line ended ("Discontinued": its last pieces may be sold).
WAITING = Stock(OUT_OF_STOCK, "waiting")
GONE = Stock(OUT_OF_STOCK, "gone")
IN_CONTEXT = (WAITING, GONE)
PRE_ORDER = Stock(IN_STOCK, "pre-order")


def short_enough(text: str) -> bool:
    """Short enough to be a status: a phrase, or a sentence about "this item"."""
    return len(text) <= MAX_PHRASE or (
        len(text) <= MAX_SENTENCE and THIS_PRODUCT.search(text) is not None
    )


def names_itself(text: str, title_words: set[str]) -> bool:
    """A sentence saying the product, named by two of its title's words or all, is out
    now: "We're sorry, but the Blue Lamp you're looking for is currently out of stock"."""
    if len(text) > MAX_SENTENCE or SAID_NOW.search(text) is None:
        return False
    name = {w for w in title_words - POINTING if len(w) > 2}
    return len(name & beside_the_status(text)) >= min(2, len(name))  # not "the Lampe Classic"


def says_out(text: str) -> bool:
    return _out_said(text) is not None


def _out_said(text: str) -> re.Match[str] | None:
    """Where the text says sold out, in a status's words or as "unavailable"."""
    return OUT_TEXT.search(text) or UNAVAILABLE.search(text)


# The quick look for a status's words, remembered: a page's phrases are read again from
# each place a status may stand.
any_status_words = words.remembered(ANY_STATUS)


def stock_said(text: str, title_words: set[str] | None = None) -> Stock | None:
    """A status the text shows, looked for with the quick pattern first: most texts of a
    page hold none. `title_words`: the words of the product's name, where known."""
    text = _uncontracted(text)
    return read_stock(text, title_words) if any_status_words(text) else None


def _uncontracted(text: str) -> str:
    return _CONTRACTED.sub(r"\1 not", text) if "n't" in text or "n’t" in text else text


def read_stock(text: str, title_words: set[str] | None = None) -> Stock | None:
    """What the text says, if anything; `title_words` tell the product's own name from a
    colour's or a size's."""
    if text.endswith(":"):  # a field's name: "Discontinued:"
        return None
    text = _LEADING_SIGNS.sub("", _uncontracted(text))
    out = says_out(text)
    if ONE_CHOICE.search(text) and not (out and EVERY_CHOICE.search(text)):
        return None  # a choice's: "Selected size is sold out", not "Sold out in all sizes"
    if SOLD_ALONE.match(text):
        return GONE
    if STILL_ON_SALE.search(text):
        return Stock(IN_STOCK)
    if TALK.search(text):
        return None
    if out and VARIANT.search(text) and not _names_the_product(text, title_words or set()):
        return None  # one size's or colour's, whether or not the product can be bought
    if out and (taken := _still_ordered(text)) is not None:
        return taken
    if DELIVERED_LATER_SAID.search(text) and not NOTIFY.search(text):
        return Stock(IN_STOCK, "back-order")  # "Ships when available: 2 weeks"
    if WAITING_TEXT.search(text) or (out and NOTIFY.search(text)):
        return WAITING
    if OUT_ONLINE.search(text):
        return Stock(OUT_OF_STOCK)  # what a store nearby may have, the shop does not sell
    about = _STATUS_LABELLED.sub("", text)  # what it is about, past "Delivery time:"
    if _conditional(text) or NOT_A_STATUS.search(about) or NOTIFY.search(text):
        return None
    if out and LINE_ENDED.search(text) and not says_out(LINE_ENDED.sub(" ", text)):
        return Stock(IN_STOCK) if LAST_PIECES.search(text) or _says_in_stock(text) else GONE
    if out:
        return Stock(OUT_OF_STOCK)
    if PREORDER_TEXT.search(text):
        return PRE_ORDER
    if BACKORDER_TEXT.search(text):
        return Stock(IN_STOCK, "back-order")
    stocked = IN_TEXT.search(text)
    if stocked and _negated(text[: stocked.start()]):
        if VARIANT.search(text):
            return None  # "Nicht in Rot verfügbar": a colour's
        return Stock(OUT_OF_STOCK)  # "nicht sofort lieferbar", "pas en stock", "ไม่มีสินค้า"
    if stocked:
        return Stock(IN_STOCK)
    return None


def beside_the_status(text: str) -> set[str]:
    """The words a sold-out text holds besides its statuses: what it names ("Olive")."""
    return set(WORD.findall(UNAVAILABLE.sub(" ", OUT_TEXT.sub(" ", text))))


def _names_the_product(text: str, title_words: set[str]) -> bool:
    """The product's own name, colour and all ("Blue Lamp is sold out" on the Blue Lamp's
    page): every colour or size named is the title's, and so is another of its words."""
    chosen = {w for m in VARIANT.finditer(text) for w in WORD.findall(m.group(0))}
    named = (beside_the_status(text) & title_words) - chosen - POINTING
    return chosen <= title_words and any(len(w) > 2 for w in named)


def _says_in_stock(text: str) -> bool:
    stocked = IN_TEXT.search(text)
    return stocked is not None and not _negated(text[: stocked.start()])


def _negated(before: str) -> bool:
    """The words before an in-stock word end in a negation, however long its "for now"."""
    return NEGATION.search(FOR_NOW.sub("", before)) is not None


def _conditional(text: str) -> bool:
    """A status under a condition: "If this item is out of stock, …", "Valid until sold
    out", "売り切れ次第終了"; not "Out of stock until March" (the condition after it)."""
    if CONDITION_CLOSED.search(text):
        return True
    condition = CONDITION.search(text)
    if condition is None:
        return False
    status = _out_said(text)
    return status is None or condition.start() < status.start()


def _still_ordered(text: str) -> Stock | None:
    """Orders taken for a product out of stock: a pre-order or a back-order, in stock."""
    if NONE_TAKEN.search(text):
        return None
    if PREORDER_TEXT.search(text):
        return PRE_ORDER
    if BACKORDER_TEXT.search(text) or ORDERS_TAKEN.search(text):
        return Stock(IN_STOCK, "back-order")
    return None
