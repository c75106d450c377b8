"""What the buy button says: that it takes orders, or pre-orders, or that it does not
(greyed out, saying sold out by its class, its text or its label, or offering only to
tell when the product is back). The button is the shop's working word on whether the
product can be bought now, so `shown` reads it before any status nearby.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from chalicelib.prices import words
from chalicelib.prices.dom import PAGE_TAGS, class_names, plain
from chalicelib.prices.stock.marks import SOLD_OUT_CLASS
from chalicelib.prices.stock.text import MAX_PHRASE, OUT_OF_STOCK, PRE_ORDER, stock_said
from chalicelib.prices.stock.words import NOTIFY_BUTTON

# A sold-out class naming what a script does then ("js-sold-out-toggle", "sold-out-hidden"),
# not that the button is sold out.
_WHAT_TO_DO = re.compile(r"^js[-_]|hide|hidden|show|when|toggle|notify|unless|if[-_]")
_DISABLED_CLASS = re.compile(r"disabled\b")  # "btn--disabled", "button_disabled", "btnDisabled"
# Where a tooltip's words are kept: the title, or a script's attribute (Bootstrap's, Tippy's).
_TOOLTIPS = (
    "title", "data-tooltip", "data-original-title", "data-bs-original-title",
    "data-tippy-content", "data-hint",
)  # fmt: skip


def disabled(button: LexborNode) -> bool:
    """Greyed out, or saying sold out: it does not take an order."""
    attributes = button.attributes
    if "disabled" in attributes or attributes.get("aria-disabled") == "true":
        return True
    return bool(_DISABLED_CLASS.search((attributes.get("class") or "").lower())) or (
        says_sold_out(button)
    )


def says_sold_out(button: LexborNode) -> bool:
    """By its class, its text, or its value or label (<input value="Out of stock">)."""
    if any(
        SOLD_OUT_CLASS.search(name) and not _WHAT_TO_DO.search(name) for name in class_names(button)
    ):
        return True
    labels = _labels(button)
    # Sold out, or a promise to tell when it is back ("Notify me when available"); not
    # one that also says "add to cart": themes keep both labels, one hidden.
    return any(
        (stock := stock_said(label)) is not None
        and stock.availability == OUT_OF_STOCK
        and not words.BUY_ACTION.search(label)
        for label in labels
    ) or any(map(_bare_notify, labels))


def _labels(button: LexborNode) -> list[str]:
    """A button's text (a phrase: longer, it is a card acting as a button) and labels, with
    the tooltip of an element wrapping it alone (a disabled button shows none of its own)."""
    attributes = button.attributes
    text = plain(button.text(deep=True, separator=" ")[: MAX_PHRASE * 2])
    said = [text if len(text) <= MAX_PHRASE else ""]
    said += [attributes.get(name) or "" for name in ("value", "aria-label", "alt", *_TOOLTIPS)]
    wrapper = button.parent
    if wrapper is not None and wrapper.tag not in PAGE_TAGS:
        tips = [tip for name in _TOOLTIPS if (tip := wrapper.attributes.get(name))]
        if tips and plain(wrapper.text()) == text:  # its text read only where it has a tip
            said += tips
    return [plain(label).lower() for label in said if label]


def takes_pre_orders(button: LexborNode | None) -> bool:
    return button is not None and any(stock_said(label) == PRE_ORDER for label in _labels(button))


def _bare_notify(label: str) -> bool:
    return bool(label) and NOTIFY_BUTTON.fullmatch(label.rstrip("!. ")) is not None


def offers_to_notify(button: LexborNode) -> bool:
    """A bare "Notify me" (`NOTIFY_BUTTON`), in its text or its labels."""
    return any(map(_bare_notify, _labels(button)))
