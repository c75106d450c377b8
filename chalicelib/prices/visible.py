"""Prices a person sees on the page: every short text that reads as a price.

Each becomes a `scoring.Candidate`, scored for being the main product's
current selling price (`scoring`), relative to where the product's title
and buy button sit (`layout`).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from chalicelib.prices import scoring, words
from chalicelib.prices.amounts import AMOUNT_GROUPS, Amount, parse_amount
from chalicelib.prices.layout import SPACES, PageView, attr_text, neighbour_text, up
from chalicelib.prices.scoring import Candidate

SHORT_TEXT = 48  # a price and its currency; longer texts are sentences
PADDED_TEXT = 2_000  # a short text with its markup's indentation around it
MAX_AMOUNTS = 2  # more separate numbers than this in one text: a sentence, not a price
NOISE_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "head"]
DIGIT = re.compile(r"\d")
CENTS = re.compile(r"[.,]?\d\d")  # "99" or ".99" set apart from the whole


def clean(tree: LexborHTMLParser) -> None:
    """Drop what is never shown as text."""
    tree.strip_tags(NOISE_TAGS)


def candidates(view: PageView, url: str | None, currency_hint: str | None) -> list[Candidate]:
    """Every short text reading as a price, scored."""
    found: dict[int, Candidate] = {}
    for text_node in view.text_nodes:
        text = text_node.text(deep=False)
        if len(text) > PADDED_TEXT or len(text.strip()) > SHORT_TEXT or not DIGIT.search(text):
            continue
        located = _price_node(text_node, url, currency_hint)
        if located is None:
            continue
        node, amount = located
        if node.mem_id not in found:
            candidate = Candidate(amount, view.order.get(node.mem_id, 0), node=node)
            scoring.score(candidate, node, view.ancestry(node), view.landmarks)
            found[node.mem_id] = candidate
    result = list(found.values())
    scoring.settle(result)
    return result


def _price_node(
    text_node: LexborNode, url: str | None, hint: str | None
) -> tuple[LexborNode, Amount] | None:
    """The smallest element around a text that reads as the whole price."""
    node = text_node.parent
    if node is not None and node.parent is not None and _split_cents(text_node):
        node = node.parent  # '99' in 271<sup>99</sup> is the cents of a price
    if node is None:
        return None
    text = _short_text(node)
    if text is not None and len(AMOUNT_GROUPS.findall(text)) > MAX_AMOUNTS:
        return None  # "buy 1 box, 839 a box, 35 a can": a sentence
    amount = parse_amount(text, url, hint) if text is not None else None
    while node.parent is not None and node.parent.tag not in ("body", "html"):
        wider_text = _short_text(node.parent)
        if wider_text is None or wider_text == text:
            break  # nothing more, or nothing new to read
        if len(AMOUNT_GROUPS.findall(wider_text)) > len(AMOUNT_GROUPS.findall(text or "")):
            break  # the wider element holds other numbers too ('UVP 149,99 -21%')
        wider = parse_amount(wider_text, url, hint)
        if wider is None:
            break
        # Its currency, where it stands apart: "$" 339
        gains = amount is None or (
            amount.mark is None and wider.mark is not None and wider.value == amount.value
        )
        if not gains:
            break
        node, amount, text = node.parent, wider, wider_text
    if amount is None:
        return None
    attrs = " ".join(attr_text(n) for n in up(node, 2))
    if words.NOT_PRICE_ATTR.search(attrs) and not words.PRICE_ATTR.search(attr_text(node)):
        return None  # a rating, a review count
    if amount.mark is None and not words.PRICE_ATTR.search(attrs) and not _labelled(node):
        return None  # a bare number: a count, a size, a year
    return node, amount


def _labelled(node: LexborNode) -> bool:
    """A bare number right after a word such as "Price" or "特價"."""
    return bool(words.PRICE_LABEL.search(neighbour_text(node, before=True, limit=24).lower()))


_INLINE = {"span", "small", "sub", "b", "strong", "em", "i", "u", "font"}


def _split_cents(text_node: LexborNode, before: str | None = None) -> bool:
    """Two digits set apart right after a whole number: the cents of a price
    (271<sup>99</sup>, 339<sup>.99</sup>, <span class="a-price-fraction">11</span>,
    $229<span>99</span>).
    `before`: the text read just before, where known."""
    piece = text_node.text(deep=False).strip()
    holder = text_node.parent
    if not CENTS.fullmatch(piece) or holder is None:
        return False
    if holder.tag == "sup" or words.FRACTION_ATTR.search(attr_text(holder)):
        return True
    if holder.tag not in _INLINE or holder.parent is None:
        return False
    if before is None:
        previous = holder.prev
        before = previous.text(deep=True) if previous is not None else ""
    return before[-1:].isdigit()  # "$229" then "99", with nothing between


def _short_text(node: LexborNode) -> str | None:
    """The element's text if it is short, reading split cents (<sup>99</sup>,
    class="price-fraction") as decimals."""
    parts: list[str] = []
    length = 0
    for child in node.traverse(include_text=True):
        if child.is_text_node:
            piece = child.text(deep=False)
            stripped = piece.strip()
            if len(stripped) == 2 and parts and parts[-1].rstrip()[-1:].isdigit():
                whole = "".join(parts)
                if _split_cents(child, whole):
                    piece = ("." if "," in whole else "," if "." in whole else ".") + stripped
            parts.append(piece)
            length += len(stripped)
            if length > SHORT_TEXT * 2:
                return None
    text = SPACES.sub(" ", "".join(parts)).strip()
    return text if text and len(text) <= SHORT_TEXT else None
