"""Prices a person sees on the page: every short text that reads as a price.

Each becomes a `scoring.Candidate`, scored for being the main product's
current selling price (`scoring`), relative to where the product's title
and buy button sit (`layout`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import pairwise

from selectolax.lexbor import LexborHTMLParser, LexborNode

from chalicelib.prices import scoring, words
from chalicelib.prices.amounts import AMOUNT_GROUPS, Amount, Marked, marked_amounts, parse_amount
from chalicelib.prices.dom import (
    INLINE_TAGS,
    PAGE_TAGS,
    SPACES,
    attr_text,
    neighbour_text,
    shown_nodes,
    shown_text,
    unwrap_bare,
    up,
    wrapped_alone,
)
from chalicelib.prices.layout import PageView
from chalicelib.prices.scoring import Candidate, Piece
from chalicelib.prices.stylesheet import mark_styled

SHORT_TEXT = 48  # a price and its currency; longer texts are sentences...
NOTED_TEXT = 80  # ...but for a price and its note on tax or shipping (`_noted`):
PRICE_LEAD = 24  # the price early in the text ("Unser Preis: 129,99 EUR inkl. ..."),
NOTE_REACH = 8  # its note right after it, past its currency ("€ ", "EUR ")
MAX_NOTE_WORD = 16  # "versandkosten"
PADDED_TEXT = 2_000  # a short text with its markup's indentation around it
LABEL_REACH = 24  # a label's words right before a bare number ("Unser Preis:")
MAX_AMOUNTS = 2  # more separate numbers than this in one text: a sentence, not a price
# Prices read per page, and texts holding digits looked at, in document order: a page
# showing 30,000 prices or numbers would otherwise take seconds. The product's own price
# comes early on the benchmark's and fathom's pages: never past the 80th price (some show
# 950), nor past the 1,658th text holding digits (the most any page has is 1,665).
MAX_CANDIDATES = 500
MAX_NUMBER_TEXTS = 5_000
NOISE_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "head"]
DIGIT = re.compile(r"\d")
# What opens a note on tax or shipping after a price: "inkl. MwSt.", "plus shipping".
_NOTES = (words.QUALIFIER, words.TAX_IN, words.EX_TAX, words.SHIPPING)
# "99" or ".99" set apart from the whole, or "€99" (French shops put the euro sign where
# the decimal comma goes: 12<sup>€99</sup>)
CENTS = re.compile(r"[.,€]?\d\d")
WHOLE_BEFORE_CENTS = re.compile(r"\d[.,]?$")  # what the cents follow: "229" or "12."
# What joins the two ends of a price range ("$30 - $40", "from 30 € to 40 €"): one price.
RANGE = re.compile(r"\s*(?:-|–|—|~|〜|to|bis|à|a|al|hasta)\s*")
# A unit written right after a price, part of it: "$2.50 / 100g", "€3 per kg".
UNIT = re.compile(r"\s*(?:/|per\s)\s*(?:\d+(?:[.,]\d+)?\s*)?[^\W\d]{1,6}\.?")


# An element's short text, and where each of its text nodes stands in it (by node id).
Reading = tuple[str, dict[int, tuple[int, int]]]
Reader = Callable[[LexborNode], Reading | None]


def clean(tree: LexborHTMLParser) -> None:
    """Drop what is never shown as text, once the stylesheets' strikes are marked, and
    the bare wrappers a component library nests (`unwrap_bare`)."""
    mark_styled(tree)
    tree.strip_tags(NOISE_TAGS)
    if tree.body is not None:
        unwrap_bare(tree.body)


def candidates(view: PageView, url: str | None, currency_hint: str | None) -> list[Candidate]:
    """Every short text reading as a price, scored."""
    found: dict[tuple[int, int], Candidate] = {}
    read = _reader()
    looked_at = 0
    for text_node in view.text_nodes:
        text = text_node.text_content or ""
        if len(text) > PADDED_TEXT:
            continue
        shown = text.strip()
        if (len(shown) > SHORT_TEXT and not _noted(shown)) or not DIGIT.search(shown):
            continue
        looked_at += 1
        if looked_at > MAX_NUMBER_TEXTS or len(found) >= MAX_CANDIDATES:
            break
        for node, at, amount, piece in _prices_at(text_node, url, currency_hint, read):
            if (node.mem_id, at) not in found:
                candidate = Candidate(amount, view.order.get(node.mem_id, 0), node=node)
                scoring.score(candidate, node, view.ancestry(node), view.landmarks, piece)
                found[node.mem_id, at] = candidate
    result = list(found.values())
    title = set(view.landmarks.title_chain)
    for candidate in result:
        if "related" not in candidate.kinds and view.in_a_tile(candidate.node, title):
            candidate.add(scoring.RELATED, "in a tile of another product", "related")
    scoring.settle(result)
    return result


def _reader() -> Reader:
    """`_read_text`, each element read once per page: every option of a quantity picker
    (1 to 999) widens to the same <select>."""
    readings: dict[int, Reading | None] = {}

    def read(node: LexborNode) -> Reading | None:
        if node.mem_id not in readings:
            readings[node.mem_id] = _read_text(node)
        return readings[node.mem_id]

    return read


def _prices_at(
    text_node: LexborNode, url: str | None, hint: str | None, read_text: Reader
) -> Iterator[tuple[LexborNode, int, Amount, Piece | None]]:
    """The price a text shows, read in the smallest element around it that holds the
    whole of it; where that element shows several, each the text shows, with where it
    starts in the element's text."""
    node = text_node.parent
    if node is not None and node.parent is not None and _split_cents(text_node):
        node = wrapped_alone(node).parent  # '99' in 271<sup>99</sup> is the cents of a price
    if node is None:
        return
    read = read_text(node)
    pieces = _pieces(read, text_node, url, hint) if read is not None else None
    if pieces is not None:
        told = all(amount.mark is None for _, amount, _ in pieces)  # by words, no mark
        for at, amount, piece in pieces:
            if told or _could_be_price(node, amount):
                yield node, at, amount, piece
        return
    located = _price_node(node, _text_of(read), url, hint, read_text)
    if located is not None and _could_be_price(*located):
        yield located[0], -1, located[1], None


def _pieces(
    read: Reading,
    text_node: LexborNode,
    url: str | None,
    hint: str | None,
) -> list[tuple[int, Amount, Piece]] | None:
    """Where an element's text shows two or more prices in one currency ("Was $40 Now
    $30", "£16.66 ex VAT (£19.99 inc VAT)", "<s>$40</s> $30"), those of them in the text
    node, each with the words before and after it; None where the text shows one price,
    or a range ("$30 - $40"), which reads as its first."""
    raw, spans = read
    if len(AMOUNT_GROUPS.findall(raw)) < 2:
        return None
    marked = marked_amounts(raw, url, hint) or _told_apart(raw, url, hint)
    if len(marked) < 2 or len({m.amount.currency for m in marked}) > 1:
        return None
    if any(RANGE.fullmatch(raw[a.end : b.start].lower()) for a, b in pairwise(marked)):
        return None
    start, end = spans.get(text_node.mem_id, (0, 0))
    opening = raw[: marked[0].start]
    shown = []
    for previous, price in zip([None, *marked], marked, strict=False):
        if not (price.start < end and start < price.end):
            continue
        before = raw[: price.start]
        if previous is not None and not _tells_apart(raw[previous.end : price.start]):
            # "Standard shipping $4.99 · Express $12.00": what opens the text says it of both
            before = f"{opening} {raw[previous.end : price.start]}"
        unit = UNIT.match(raw, price.end)
        own_end = unit.end() if unit else price.end
        piece = Piece(_squash(before), _squash(raw[price.start : own_end]), _squash(raw[own_end:]))
        shown.append((price.start, price.amount, piece))
    return shown


def _told_apart(raw: str, url: str | None, hint: str | None) -> list[Marked]:
    """Two bare numbers that words call the price before and the price now, with no mark
    anywhere: "Van 39,99 voor 29,99", "Statt 49,90 nur 39,90"."""
    groups = list(AMOUNT_GROUPS.finditer(raw))
    if len(groups) != 2:
        return []
    opening, between = raw[: groups[0].start()].lower(), raw[groups[0].end() : groups[1].start()]
    if not (words.OLD_TEXT.search(opening) and words.NOW_TEXT.search(between.lower())):
        return []
    before, now = (parse_amount(group.group(), url, hint) for group in groups)
    if before is None or now is None or before.value <= now.value:
        return []  # a price before a discount is the higher
    return [Marked(g.start(), g.end(), a) for g, a in zip(groups, (before, now), strict=True)]


def _tells_apart(between: str) -> bool:
    between = between.lower()
    return any(pattern.search(between) for pattern in words.TELLS_APART)


def _price_node(
    node: LexborNode, text: str | None, url: str | None, hint: str | None, read_text: Reader
) -> tuple[LexborNode, Amount] | None:
    """The smallest element around a text that reads as the whole price."""
    if text is not None and len(AMOUNT_GROUPS.findall(text)) > MAX_AMOUNTS:
        return None  # "buy 1 box, 839 a box, 35 a can": a sentence
    amount = parse_amount(text, url, hint) if text is not None else None
    # Read wider only while the price lacks its currency: with it, it is whole.
    around = node
    while (amount is None or amount.mark is None) and around.parent is not None:
        if around.parent.tag in PAGE_TAGS:
            break
        around = around.parent
        wider_text = _text_of(read_text(around))
        if wider_text is None:
            break  # nothing more to read
        if wider_text == text:
            if around.attributes:
                break  # nothing new to read
            continue  # a framework's bare wrapper around the same text: look above it
        if _numbers(wider_text) > _numbers(text or ""):
            break  # the wider element holds other numbers too ('UVP 149,99 -21%')
        wider = parse_amount(wider_text, url, hint)
        if wider is None:
            break
        # Its currency, where it stands apart: "$" 339, and its cents: "£<b>12</b>.<b>99</b>"
        if amount is not None and (
            wider.mark is None or amount.value not in (wider.value, int(wider.value))
        ):
            break
        node, amount, text = around, wider, wider_text
    return (node, amount) if amount is not None else None


def _numbers(text: str) -> int:
    """The numbers a text shows, not counting a unit's ("£3 / 3 pack", "€2 per 100 g")."""
    return len(AMOUNT_GROUPS.findall(UNIT.sub(" ", text)))


def _could_be_price(node: LexborNode, amount: Amount) -> bool:
    """Not a rating or a review count, nor a bare number (a count, a size, a year)."""
    attrs = " ".join(attr_text(n) for n in up(node, 2))
    if words.NOT_PRICE_ATTR.search(attrs) and not words.PRICE_ATTR.search(attr_text(node)):
        return False
    if amount.mark is None and (
        words.COUNT.search(text := shown_text(node)) or words.DURATION.search(text)
    ):
        return False  # "Only 3 left", "Earn 120 points" inside a price box
    return amount.mark is not None or bool(words.PRICE_ATTR.search(attrs)) or _labelled(node)


def _labelled(node: LexborNode) -> bool:
    """A bare number right after a word such as "Price" or "特價", before it or in its own
    text ("Prijs: 29,99")."""
    before = neighbour_text(node, before=True, limit=LABEL_REACH)
    if words.PRICE_LABEL.search(before.lower()):
        return True
    lead = DIGIT.split(node.text(deep=True)[: 2 * LABEL_REACH], 1)[0][-LABEL_REACH:]
    return bool(words.PRICE_LABEL.search(lead.lower()))


def _split_cents(text_node: LexborNode, before: str | None = None) -> bool:
    """Two digits set apart right after a whole number: the cents of a price
    (271<sup>99</sup>, 339<sup>.99</sup>, <span class="a-price-fraction">11</span>,
    $229<span>99</span>).
    `before`: the text read just before, where known."""
    piece = (text_node.text_content or "").strip()
    holder = text_node.parent
    if not CENTS.fullmatch(piece) or holder is None:
        return False
    if holder.tag == "sup" or words.FRACTION_ATTR.search(attr_text(holder)):
        return True
    if holder.tag not in INLINE_TAGS or holder.parent is None:
        return False
    if before is None:
        previous = holder.prev
        before = previous.text(deep=True) if previous is not None else ""
        if before in (".", ",") and previous is not None and previous.prev is not None:
            before = previous.prev.text(deep=True) + before  # the mark alone between
    # "$229" then "99", with nothing between, or only the decimal mark: "£<b>12</b>.<b>99</b>"
    return bool(WHOLE_BEFORE_CENTS.search(before))


def _text_of(reading: Reading | None) -> str | None:
    return _squash(reading[0]) if reading is not None else None


def _read_text(node: LexborNode) -> Reading | None:
    """The element's text if it is short, reading split cents (<sup>99</sup>,
    class="price-fraction") as decimals, with where each of its text nodes stands in it.
    What its stylesheet hides inside it (a pop-up explaining a member price) is not read."""
    parts: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    length = at = 0
    for child in shown_nodes(node):
        if child.is_text_node:
            piece = child.text_content or ""
            stripped = piece.strip()
            if parts and CENTS.fullmatch(stripped):
                before = "".join(parts)
                whole = before.rstrip()
                if whole and _split_cents(child, before):
                    at = _glued(parts, spans, whole)  # across a template's line break
                    piece = stripped
                    if whole[-1].isdigit() and stripped[0].isdigit():
                        piece = ("." if "," in whole else "," if "." in whole else ".") + stripped
            parts.append(piece)
            spans[child.mem_id] = (at, at + len(piece))
            at += len(piece)
            length += len(stripped)
            if length > SHORT_TEXT * 2:
                return None
    raw = "".join(parts)
    text = _squash(raw)
    return (raw, spans) if text and (len(text) <= SHORT_TEXT or _noted(text)) else None


def _glued(parts: list[str], spans: dict[int, tuple[int, int]], whole: str) -> int:
    """The text read so far without the blank it ends with (`whole`), spans cut to it;
    returns where the next piece starts."""
    parts[:] = [whole]
    for key, (start, end) in spans.items():
        spans[key] = (min(start, len(whole)), min(end, len(whole)))
    return len(whole)


def _noted(text: str) -> bool:
    """A price with its note on tax or shipping right after it, longer than a price
    alone: "Preis: 1.299,99 € inkl. 19 % MwSt. zzgl. Versandkosten"."""
    if len(text) > NOTED_TEXT:
        return False
    price = AMOUNT_GROUPS.search(text, 0, PRICE_LEAD)
    if price is None:
        return False
    lower, start = text.lower(), price.end()
    return any(
        (found := note.search(lower, start, start + NOTE_REACH + MAX_NOTE_WORD))
        and found.start() <= start + NOTE_REACH
        for note in _NOTES
    )


def _squash(text: str) -> str:
    return SPACES.sub(" ", text).strip()
