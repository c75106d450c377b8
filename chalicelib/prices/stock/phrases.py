"""The phrases on a page that may be statuses, and what stands beside them. A status
is not always one text: markup breaks its words ("Out of<br>stock", "Only <b>0</b>
left"), older shops draw it as a picture (<img alt="Sold out">, "btn_soldout.gif"), icons
carry it as a label, and a message opens with it ("Sorry, we are out of stock. Please
check back later."). What stands beside a status can change it: a count makes "Sold"
a count of sales, and "Order now and we'll deliver when available" a back-order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from chalicelib.prices import words
from chalicelib.prices.dom import (
    INLINE_TAGS,
    hidden,
    plain,
    shown_nodes,
    structure_up,
    wrapped_alone,
)
from chalicelib.prices.stock.marks import SOLD_OUT_CLASS
from chalicelib.prices.stock.text import (
    IN_STOCK,
    MAX_LABEL,
    MAX_PHRASE,
    MAX_SENTENCE,
    WORD,
    Stock,
    any_status_words,
    names_itself,
    short_enough,
    stock_said,
)
from chalicelib.prices.stock.words import (
    DELIVERED_LATER_SAID,
    NO,
    NONE_TAKEN,
    OUT_TEXT,
    TALK,
    word_pattern,
)

PADDED_PHRASE = 10 * MAX_PHRASE  # a phrase with its markup's indentation
BLOCK_TEXT = 400  # a status's block: the status and a sentence or two about it
MESSAGE = 2 * MAX_SENTENCE  # a message about the stock: a status and what to do about it
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|\s+[—–-]\s+")  # or a clause's
_A_NUMBER_FIRST = re.compile(r"\W*\d")  # how a count opens: "27", "1.2k", "(24h)"
_FILE_NAME_SPACING = re.compile(r"[-_.+ ]+|%20")
_PICTURES = {"img", "input"}
_ICONS = {"i", "span", "abbr", "em"}  # a status drawn as an icon, named by its label
_LABELS = ("aria-label", "title", "data-tooltip")
SHOWING = _PICTURES | _ICONS  # elements that show a status without its text
_NOT_SENTENCES = {"button", "a", "option", "label"}  # "Order now" on a button is its label
# A value that says none only under its label, in a cell or an element of its own: a count of
# none ("0", "0 Stk.") or a "no" ("Nein", "✗"), beside "Stock" or "Auf Lager".
_NONE_VALUE = word_pattern(rf"0(?![\d.,])|{NO}")
LABEL_LEVELS = 2  # a value's cell may wrap it in an element or two: <td><span>0</span></td>
_WORDS_INSIDE = INLINE_TAGS | {"a", "br", "wbr"}  # elements inside a phrase


def phrases_of(node: LexborNode, read_whole: set[int]) -> Iterator[tuple[str, LexborNode | None]]:
    """A text as shown, then, once per element, the element's whole text where a link or
    bold breaks its words up ("Available from <a>these sellers</a>", "Only <b>0</b> left"),
    or a line break its lines (a badge's "Out of<br>stock")."""
    text, parent = _text_and_holder(node)
    yield text, parent
    if not node.is_text_node or parent is None:
        return
    if text and _NONE_VALUE.match(text) and (label := _label_before(parent)):
        yield f"{label}: {text}", parent  # "Stock | 0", "Auf Lager | Nein"
    if parent.mem_id in read_whole:
        return
    if not text and not (_of_words(node.prev) and _of_words(node.next)):
        return  # a blank counts between words only: "<b>Sold</b>&nbsp;<b>out</b>"
    if node.prev is None and node.next is None:
        return  # the element's only text: read already
    read_whole.add(parent.mem_id)
    raw = parent.text(deep=True)
    if len(raw) > PADDED_PHRASE:
        return
    joined = (raw, parent.text(deep=True, separator=" "))  # "Aus<wbr>verkauft", "Out of<br>stock"
    if not any(any_status_words(plain(way).lower()) for way in joined):
        return  # no status, however its parts join: nothing to read whole
    inside = [n for n in parent.traverse(include_text=True) if n.mem_id != parent.mem_id]
    if not all(n.is_text_node or (n.tag in _WORDS_INSIDE and not hidden(n)) for n in inside):
        return
    shown = (
        (n.text_content or "") if n.is_text_node else " " if n.tag == "br" else "" for n in inside
    )
    whole = plain("".join(shown)).lower()
    if whole != text and len(whole) <= MAX_PHRASE:
        yield whole, parent


def _label_before(element: LexborNode) -> str | None:
    """The label in the element right before a value's (a table's header cell, a list's
    term, a span), a few words without a number, its colon left out."""
    for holder in structure_up(element, LABEL_LEVELS):
        before = holder.prev
        while (
            before is not None and before.is_text_node and not (before.text_content or "").strip()
        ):
            before = before.prev
        if before is None:
            continue  # the first in its element: its label may stand before that
        if before.is_text_node:
            return None  # "Stock: <b>0</b>", read as one phrase
        label = plain(before.text(deep=True)).lower().rstrip(" :：")
        if not label or len(label) > MAX_LABEL or any(map(str.isdigit, label)):
            return None
        return label
    return None


def _of_words(node: LexborNode | None) -> bool:
    """An element inside a phrase (`_WORDS_INSIDE`)."""
    return node is not None and node.tag in _WORDS_INSIDE


def _text_and_holder(node: LexborNode) -> tuple[str, LexborNode | None]:
    """A text and the element showing it; older shops show a status as a picture
    (<img alt="Sold out">), so a picture's alternative text counts too, or, where it has
    none, its file's name (<img src="btn_soldout.gif">), and so does an icon's label."""
    if node.is_text_node:
        raw = node.text_content or ""
        return ("" if raw.isspace() else plain(raw).lower()), node.parent  # mostly blanks
    if node.tag == "img" or (node.tag == "input" and node.attributes.get("type") == "image"):
        attributes = node.attributes
        said = plain(attributes.get("alt") or attributes.get("title") or "").lower()
        if not said and _named_sold_out(attributes.get("src") or ""):
            said = "sold out"
        return said, node
    if node.tag in _ICONS and (said := _icon_label(node)):
        return said, node
    return "", None


def _named_sold_out(src: str) -> bool:
    """A picture's file named for a sold-out status, in the shop's language
    ("btn_soldout.gif", "OutOfStock.png", "nicht-lieferbar.gif")."""
    file_name = src.split("?")[0].rsplit("/", 1)[-1].lower()
    stem = _FILE_NAME_SPACING.sub(" ", file_name.rsplit(".", 1)[0])
    return bool(SOLD_OUT_CLASS.search(file_name) or OUT_TEXT.search(stem))


def _icon_label(node: LexborNode) -> str:
    """The label of an element showing no words (an icon, a "●"): a red cross titled "Out of
    stock" says it as its text would; not one of a row of them (colours' dots, each titled
    with its name and status)."""
    label = _label_of(node)
    if not label or WORD.search(node.text(deep=True)):
        return ""
    row = node.parent.iter() if node.parent is not None else iter(())
    if any(
        other.tag == node.tag and other.mem_id != node.mem_id and _label_of(other) for other in row
    ):
        return ""
    return plain(label).lower()


def _label_of(node: LexborNode) -> str | None:
    attributes = node.attributes
    return next((attributes[name] for name in _LABELS if attributes.get(name)), None)


def status_read(text: str, title_words: set[str], sentences: bool) -> tuple[str, Stock | None]:
    """What a phrase says, and the text that says it: where nothing takes orders
    (`sentences`), a short message's opening sentence where the whole, no talk, says
    nothing or is too long ("Sorry, we are out of stock. Please check back later.")."""
    long_named = sentences and not short_enough(text) and names_itself(text, title_words)
    said = stock_said(text, title_words) if short_enough(text) or long_named else None
    if said is None and sentences and len(text) <= MESSAGE and not TALK.search(text):
        first = _SENTENCE_END.split(text, maxsplit=1)[0]
        if first != text and short_enough(first):
            return first, stock_said(first, title_words)
    return text, said


def beside_a_count(node: LexborNode) -> bool:
    """A number, not a price, opening what stands beside the text, or beside the element
    that is all it is in: "1448包 已售出", "1.2k | Sold", "Sold | 48 in 24 hours" count
    sales ("Sold | Dimensions: 40 x 60 cm" does not)."""
    element = node.parent if node.is_text_node and node.prev is node.next is None else node
    if element is None:
        return False
    element = wrapped_alone(element)
    for step in ("prev", "next"):
        other = getattr(element, step)
        while other is not None and not other.text(deep=True).strip():
            other = getattr(other, step)  # spacing between the two
        said = other.text(deep=True)[:MAX_PHRASE] if other is not None else ""
        if _A_NUMBER_FIRST.match(said) and not words.PRICE_SHOWN.search(said):
            return True
    return False


def taken_beside(element: LexborNode) -> Stock | None:
    """A sold-out status followed by a sentence that takes the order all the same
    ("Temporarily out of stock." "Order now and we'll deliver when available."): read
    in the status's block, as shown, a few sentences at most."""
    for block in structure_up(element, 3):
        said, length = [], 0
        for node in shown_nodes(block):
            if node.is_text_node and node.parent is not None:
                if node.parent.tag not in _NOT_SENTENCES:
                    said.append(node.text_content or "")
                    length += len(said[-1].strip())
                if length > BLOCK_TEXT:
                    return None  # more than a status and a sentence or two
        text = plain(" ".join(said)).lower()
        if DELIVERED_LATER_SAID.search(text) and not NONE_TAKEN.search(text):
            return Stock(IN_STOCK, "back-order")
    return None
