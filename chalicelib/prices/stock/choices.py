"""Statuses that are one choice's, not the product's: a size's or a colour's in a picker
or in a list of choices a theme draws itself ("<li>Olive - Sold out</li>"), one row's of a
table whose rows disagree (a variant, a store), another form's ("Pre-owned: out of stock").
Most shops sell in sizes and print each one's status beside the product's, so
`shown` asks here before it takes a status for the product's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from selectolax.lexbor import LexborNode

from chalicelib.prices.dom import (
    attr_text,
    class_names,
    hidden,
    plain,
    shown_nodes,
    shown_text,
    structure_up,
    wrapped_alone,
)
from chalicelib.prices.layout import picture_link, to_a_page
from chalicelib.prices.stock.button import disabled
from chalicelib.prices.stock.text import (
    IN_STOCK,
    MAX_LABEL,
    MAX_PHRASE,
    WORD,
    beside_the_status,
    says_out,
    short_enough,
    stock_said,
)
from chalicelib.prices.stock.words import (
    EDITION,
    ONE_CHOICE,
    OTHER_FORMS,
    OUT_TEXT,
    POINTING,
    STATUS_LABEL,
    STILL_ON_SALE,
    VARIANT,
    word_pattern,
)
from chalicelib.prices.words import BUY_ACTION, PRICE_SHOWN

_PICKER_TAGS = {"option", "select", "datalist", "label"}  # <label> names a form's choice
_PICKER_ROLES = {"option", "radio", "listbox", "radiogroup"}
PICKERS = (  # ...found by the selector, confirmed by `a_picker`
    "select, [role=radiogroup], [role=listbox], [class*=swatch i], [class*=variant i], "
    "[class*=size i], [id*=swatch i], [id*=variant i], [id*=size i]"
)
_PICKER_CLASS = re.compile(r"swatch|variant|\bsizes\b|size-?(?:select|pick|option|list|box|grid)")
_CHOICES = {"li", "button", "a"}  # what a theme draws a list of choices with, itself
ROWS = {"tr", "li"}
_ROWS_READ = ROWS | {"dd"}  # ...and a definition list's values ("<dt>40</dt><dd>Sold out</dd>")
_LINE_CHARS = 200  # a line pairing a label and a status, not a block of the page
ROW_LEVELS = 4  # how far up from a status its table's or list's row is looked for
MAX_ROWS = 50  # rows of a table read for their statuses
MAX_PICKERS = 20  # pickers by the landmarks read for their choices: a product has a few
_UNAVAILABLE_CLASS = re.compile(r"unavailable\b", re.IGNORECASE)  # "form-option-unavailable"
_QUANTITY = word_pattern(r"qty|quantit|menge|anzahl|cantidad|aantal|ilość|mennyiség|数量|수량")


def in_picker(element: LexborNode) -> bool:
    """Within a few levels of a picker's part (an option, a form's label): one choice's."""
    return any(
        n.tag in _PICKER_TAGS
        or n.attributes.get("role") in _PICKER_ROLES
        or _PICKER_CLASS.search(attr_text(n))
        for n in structure_up(element, 3)
    )


def a_picker(element: LexborNode) -> bool:
    """A drop-down, a radio group or list box, or what a theme names for swatches or sizes."""
    return (
        element.tag == "select"
        or element.attributes.get("role") in ("radiogroup", "listbox")
        or bool(_PICKER_CLASS.search(attr_text(element)))
    )


def every_choice_gone(picker: LexborNode, least: int = 1) -> bool:
    """Each of the picker's choices, `least` or more, says it is sold out, in a short
    text (a longer one is no choice: a table of offers, say)."""
    count = 0
    for text in _choices_of(picker):
        if len(text) > MAX_PHRASE or not says_out(text) or STILL_ON_SALE.search(text):
            return False
        count += 1
    return count >= least


def every_choice_greyed(picker: LexborNode, least: int = 2) -> bool:
    """Each of the picker's choices, `least` or more, greyed out (disabled, or classed
    disabled, unavailable or sold out), whatever it says: nothing is left to choose, so a
    greyed-out buy button waits for nothing."""
    choices = _choice_elements(picker)
    inputs = {c.attributes.get("id") for c in choices if c.tag == "input"} - {None}
    count = 0
    for choice in choices:
        if choice.tag == "label" and choice.attributes.get("for") in inputs:
            continue  # its radio button says whether it can be chosen
        if not any(map(_greyed, choice.traverse())):
            return False
        count += 1
    return count >= least


def _greyed(element: LexborNode) -> bool:
    return not element.is_text_node and (
        disabled(element) or bool(_UNAVAILABLE_CLASS.search(element.attributes.get("class") or ""))
    )


def _choices_of(picker: LexborNode) -> Iterator[str]:
    """What each of a picker's choices says, shown or in its label for screen readers
    (a swatch is a picture)."""
    for choice in _choice_elements(picker):
        text = shown_text(choice) or " ".join(
            n.attributes.get("aria-label") or n.attributes.get("title") or ""
            for n in choice.traverse()
        )
        if text.strip():
            yield text.strip().lower()


def _choice_elements(picker: LexborNode) -> list[LexborNode]:
    """The picker's choices, inside the wrappers a theme puts around them (a list in a
    box); not a drop-down's empty "Choose a size", nor a group's legend."""
    choices = list(picker.iter())
    while len(choices) == 1 and choices[0].tag not in ("option", "input"):
        choices = list(choices[0].iter())
    return [
        c
        for c in choices
        if c.tag != "legend" and not (c.tag == "option" and c.attributes.get("value") == "")
    ]


def another_choice(element: LexborNode, title_words: set[str]) -> bool:
    """One of a list's alike items whose status names a choice: a drop-down a theme
    draws itself ("<li>Olive - Sold out</li>"), a row of size buttons ("L <span>Sold
    out</span>"), of pictures linking to each colour's page, or a menu's link to another
    page ("<li><a href="/sold-out">Sold Out</a>"); not a label ("<li>Availability:
    out of stock</li>") nor the product's own name."""
    item = next(
        (n for n in structure_up(element, 3) if n.tag in _CHOICES and _among_alike(n)),
        None,
    )
    if item is None:
        return False
    if picture_link(item) or _a_link_away(item):
        return True  # another page's product, or a menu's page: what it says, it says of that
    text = shown_text(item).lower()
    if not (short_enough(text) and says_out(text)):
        return False
    name = {w for w in beside_the_status(text) if not w.isdigit()}
    return bool(name) and not re.search(STATUS_LABEL, text) and not name <= title_words


def _a_link_away(item: LexborNode) -> bool:
    """A list's item that is a link to another page and nothing else: a menu's or a
    breadcrumb's "Sold Out" names a collection of the shop's, not the product's status."""
    entry = wrapped_alone(item)
    link = entry.css_first("a[href]") if entry.tag == "li" else None
    return link is not None and to_a_page(link) and shown_text(link) == shown_text(entry)


def _among_alike(item: LexborNode) -> bool:
    """Among siblings of its tag: a list's items and a table's rows whatever their classes,
    buttons and links sharing a class with it; themes mark what is sold out with a class
    of its own ("soldout")."""
    item = wrapped_alone(item)  # each in a framework's bare wrapper: the wrappers are alike
    parent, mine = item.parent, class_names(item)
    return parent is not None and any(
        other.tag == item.tag
        and other.mem_id != item.mem_id
        and (item.tag in ROWS or (theirs := class_names(other)) == mine or bool(theirs & mine))
        for other in parent.iter()
    )


def rows_disagree(element: LexborNode, tables: dict[int, bool], title_words: set[str]) -> bool:
    """A status in one of a table's or list's alike rows (or a definition list's values,
    or alike short lines each pairing a label and a status), where another says otherwise
    ("Brass | Out of stock", "Chrome | In stock"): each row's, one variant's or one
    store's, not the product's, unless its label is the product's name (`title_words`:
    the title's); where every row says sold out, the product is. `tables`: what each
    table says."""
    row = next(
        (n for n in structure_up(element, ROW_LEVELS) if n.tag in _ROWS_READ or _labelled_line(n)),
        None,
    )  # the nearest: a line inside a page laid out as a table is the line
    if row is None or row.parent is None or not _among_alike(row):
        return False
    label = set(WORD.findall(_term(row)[1]))
    if label and label <= title_words:
        return False  # "Lampe Atelier | Sold out" beside "Bulb E27 | In stock": the product's
    table = row.parent
    if table.mem_id not in tables:
        tables[table.mem_id] = _statuses_differ(table, row.tag or "")
    return tables[table.mem_id]


def rows_within_disagree(block: LexborNode) -> bool:
    """A block whose alike rows (its children of the tag most of them have) say different
    statuses: a list of stores' or sizes' stock, not one status."""
    tags = [child.tag or "" for child in block.iter()]
    tag = max(set(tags), key=tags.count, default="")
    return tags.count(tag) > 1 and _statuses_differ(block, tag)


def defined_by(value: LexborNode) -> LexborNode | None:
    """A definition list's term for the value (`<dd>`) after it, if it is one."""
    if value.tag != "dd":
        return None
    term = value.prev
    while term is not None and term.tag != "dt" and not term.text(deep=True).strip():
        term = term.prev  # the white space between them
    return term if term is not None and term.tag == "dt" else None


def shown_parts(block: LexborNode) -> list[LexborNode]:
    """The block's first three children that show something: a label and its value are
    two."""
    shown = (n for n in block.iter(include_text=True) if n.text(deep=True).strip())
    return list(islice(shown, 3))


def _labelled_line(row: LexborNode) -> bool:
    """A short block of two parts, a label and its value ("<div><span>Oslo</span><span>Out
    of stock</span></div>")."""
    return len(row.text(deep=True)) <= _LINE_CHARS and len(shown_parts(row)) == 2


def _term(row: LexborNode) -> tuple[LexborNode | None, str]:
    """What labels a row's values, and its words: a definition list's term, or the first of
    a row's two parts; none where it names a size or colour, whose row is read as it
    stands ("Size 40 | Sold out", "Black | In stock"), or is a status itself (a legend:
    "Out of stock | Not available on the website")."""
    term = defined_by(row)
    if term is None:
        parts = shown_parts(row)
        term = parts[0] if len(parts) == 2 else None
    words = plain(term.text(deep=True)).lower().rstrip(": ") if term is not None else ""
    if not words or ONE_CHOICE.search(words) or VARIANT.search(words) or stock_said(words):
        return None, ""
    return term, words


def _statuses_differ(table: LexborNode, row_tag: str) -> bool:
    """Rows saying different statuses, each value read with its row's label, or a sold-out
    row beside one that takes an order of its own, with a quantity or a buy button
    (Magento's grouped products: a row's "Out of stock" where the others have their
    quantity box), or, where each row is an offer with its price, beside one that states
    none ("Brass | $40 | Out of stock", "Blue | $30": a spec table's "Availability | Out of
    stock" holds no price)."""
    said = set()
    offers_said, offers_silent = False, False
    for other in islice((n for n in table.iter() if n.tag == row_tag), MAX_ROWS):
        row_says, shown = False, []
        term, label = _term(other)
        inside_term = {n.mem_id for n in term.traverse(include_text=True)} if term else set()
        for node in shown_nodes(other):
            if not node.is_text_node:
                continue
            shown.append(node.text_content or "")
            text = plain(shown[-1]).lower()
            if text and label and node.mem_id not in inside_term:
                text = f"{label}: {text}"  # "Delivery | Available" says nothing of stock
            if text and len(text) <= MAX_PHRASE and (stock := stock_said(text)):
                said.add(stock.availability)
                row_says = True
        priced = PRICE_SHOWN.search(plain(" ".join(shown))) is not None  # the row's shown text
        if row_says:
            offers_said |= priced
        elif _takes_an_order(other):
            said.add(IN_STOCK)
        elif other.css_first("input, select, button") is None:  # not a closed order box
            offers_silent |= priced
    if offers_said and offers_silent:
        said.add(IN_STOCK)
    return len(said) > 1


def _takes_an_order(row: LexborNode) -> bool:
    """A quantity box or a buy button in the row, open to input."""
    return any(
        "disabled" not in control.attributes
        and not hidden(control)
        and (
            control.attributes.get("type") == "number"
            or _QUANTITY.search(attr_text(control))
            or (control.tag == "button" and BUY_ACTION.search(plain(control.text()).lower()))
        )
        for control in row.css("input, select, button")
    )


def of_another_form(text: str, title_words: set[str]) -> bool:
    """ "Pre-owned: out of stock" on the page of a new one, "Bundle sold out" (`OTHER_FORMS`,
    named in a label or before the status); "Limited edition version sold out" where the
    title names no limited edition (not "This version is sold out": an edition named by
    nothing but pointing words)."""
    status = OUT_TEXT.search(text)
    label, colon, _ = text.partition(":")
    if not colon:
        label = text[: status.start()] if status is not None else ""
    named = OTHER_FORMS.search(label) if len(label) <= MAX_LABEL else None
    if named is not None:
        pointed = label[: named.start()].split()[-1:]  # "This set is sold out": the product
        return not (set(pointed) & POINTING or set(WORD.findall(named.group(0))) <= title_words)
    edition = EDITION.search(text)
    if edition is None or status is None or not edition.start() < status.start() <= MAX_LABEL:
        return False
    qualifier = set(WORD.findall(text[: status.start()])) - POINTING - {edition.group(0)}
    return bool(qualifier) and not qualifier <= title_words
