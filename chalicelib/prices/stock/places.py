"""Where a status stands on the page, and so whose it is. A product page prints the
statuses of many things: its sizes, the products in its related blocks and tiles, a
review's "sold out in a day", the basket's. A status is the product's where it stands
near the product's landmarks (its buy button, its title, its price), is shown as the
page stands (not a template's branch or a pop-up), and is not on a branch of the page
about other things, in another product's card, or the value of a label naming
something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from typing import NamedTuple

from selectolax.lexbor import LexborNode

from chalicelib.prices import words
from chalicelib.prices.dom import (
    INLINE_TAGS,
    attr_text,
    common_prefix,
    concealed,
    lineage,
    out_of_sight,
    plain,
    steps_of,
    structure_up,
    up,
)
from chalicelib.prices.layout import REGION_TAGS, TILE_TEXT, PageView, picture_link, says_buy
from chalicelib.prices.stock.choices import (
    ROW_LEVELS,
    ROWS,
    defined_by,
    of_another_form,
    shown_parts,
)
from chalicelib.prices.stock.marks import BADGE_LEVELS
from chalicelib.prices.stock.text import MAX_LABEL, any_status_words, read_stock
from chalicelib.prices.stock.words import (
    NOT_A_STATUS,
    NOTIFY,
    OTHERS_TALK,
    TALK,
    VARIANT,
)

NEAR = 10  # tree steps from the buy button (or title, or price) that still describe the product
NEAR_STEPS = 8  # ...or steps not counting wrappers around a single element (`steps_of`)
AROUND_LEVELS = 7  # how far up from a landmark its surroundings are read
CARD_LEVELS = 3  # how far up from a status another product's card is looked for
_BUTTON_TAGS = {"a", "button"}  # what holds a buy button's spare labels
_NOT_DIGITS = re.compile(r"\D")
# Attributes of elements that page scripts show or drop (Angular, Vue, Alpine, Knockout).
_TEMPLATE_BRANCH = {
    "ng-show", "ng-hide", "ng-if", "ng-switch-when", "ng-cloak", "data-ng-show", "data-ng-hide",
    "data-ng-if", "v-if", "v-else", "v-else-if", "v-show", "x-show", "x-if", "*ngif",
}  # fmt: skip
_KNOCKOUT_BRANCH = re.compile(r"\b(?:visible|if|ifnot|hidden)\s*:")


class Anchors(NamedTuple):
    """Landmarks' root-first id chains, read once: all their ancestors, and `steps_of`."""

    chains: list[list[int]]
    steps: list[list[int]]

    @classmethod
    def of(cls, landmarks: list[LexborNode], view: PageView) -> Anchors:
        return cls([view.chain_of(n) for n in landmarks], [steps_of(n) for n in landmarks])


def by_the_landmarks(node: LexborNode, anchors: Anchors, view: PageView) -> bool:
    """Near a landmark, and not on a branch of its own about other things."""
    chain = view.chain_of(node)
    return _near(node, chain, anchors) and not _elsewhere(node, chain, anchors.chains, view)


def _near(node: LexborNode, chain: list[int], anchors: Anchors) -> bool:
    """Within NEAR tree steps of one of the landmarks (`chain`: the node's), or NEAR_STEPS
    `steps_of`: a theme may wrap each part of the product's box in five <div>s of its own."""
    return _within(chain, anchors.chains, NEAR) or _within(
        steps_of(node), anchors.steps, NEAR_STEPS
    )


def _within(chain: list[int], anchors: list[list[int]], limit: int) -> bool:
    return any(len(chain) + len(a) - 2 * common_prefix(chain, a) <= limit for a in anchors)


def _elsewhere(
    element: LexborNode, chain: list[int], anchors: list[list[int]], view: PageView
) -> bool:
    """On a branch of its own, away from the landmarks, that is about other things:
    reviews, the page's header or footer, its basket or announcements, a block of related
    or recently viewed products (classed so, and linking to them: a class such as
    "widget" alone may wrap the product's own parts), another product's card (a picture
    linking to its page)."""
    own_levels = len(chain) - max(common_prefix(chain, anchor) for anchor in anchors)
    return any(
        node.tag in REGION_TAGS
        or node.mem_id in view.landmarks.headed_elsewhere
        or OTHERS_TALK.search(attrs := attr_text(node))
        or words.PAGE_FRAME_ATTR.search(attrs)
        or (words.RELATED_BLOCK_ATTR.search(attrs) and _links_on(node))
        or _another_product(node, view)
        or picture_link(node)
        for node in up(element, own_levels)
    )


def _another_product(node: LexborNode, view: PageView) -> bool:
    """A tile in a list of other products: one of several alike (same tag, same class),
    with a link and a price ("Brass Lamp £60 Sold out"); the product's own buy box,
    with its links and other prices (a warranty's), is one of a kind."""
    return (
        view.alike(node) > 1
        and bool(words.PRICE_SHOWN.search(node.text(deep=True)[:TILE_TEXT]))
        and _links_on(node)
    )


def _links_on(node: LexborNode) -> bool:
    """Links to something other than a status ("notify me"): another product, say."""
    return any(
        picture_link(a) or ((text := a.text(deep=True).strip().lower()) and not _a_status(text))
        for a in node.css("a[href]")
    )


def _a_status(text: str) -> bool:
    return any_status_words(text) or bool(NOTIFY.search(text))


def away_from_the_title(element: LexborNode, view: PageView) -> bool:
    """On a branch of its own about other things (`_elsewhere`), seen from the title."""
    if view.title is None:
        return False
    return _elsewhere(element, view.chain_of(element), [view.chain_of(view.title)], view)


def surroundings(landmarks: list[LexborNode], view: PageView) -> list[LexborNode]:
    """The landmarks' ancestors AROUND_LEVELS up, each part of the page once."""
    return _outermost(
        [list(islice(lineage(landmark), AROUND_LEVELS + 1))[-1] for landmark in landmarks], view
    )


def _outermost(nodes: list[LexborNode], view: PageView) -> list[LexborNode]:
    """`nodes` without those inside another of them (read each part of the page once)."""
    kept: list[LexborNode] = []
    for node in sorted(nodes, key=lambda n: len(view.chain_of(n))):
        if not set(view.chain_of(node)) & {k.mem_id for k in kept}:
            kept.append(node)
    return kept


def stated(node: LexborNode) -> bool:
    """Shown as the page stands: not hidden, nor in a pop-up ("Unavailable :( Notify me"
    waits in every page's markup for a click), nor one branch of a template that scripts
    choose between ("in stock" and "sold out" both sit in an Angular or Vue page)."""
    return not any(concealed(n) or _branch(n) for n in up(node, 8))


def _branch(node: LexborNode) -> bool:
    attributes = node.attributes
    return bool(
        _TEMPLATE_BRANCH.intersection(attributes)
        or _KNOCKOUT_BRANCH.search(attributes.get("data-bind") or "")
    )


def cards_beside(price: LexborNode | None) -> Callable[[LexborNode], bool]:
    """Whether an element is in a card of another product beside the product's `price`:
    a block a few levels up showing a picture and a price of its own, not the product's
    ("Lamp Shade $12.00 Sold out", a bundle's part, an upsell); a bar repeating the
    product's picture and price is the product's. Each block is judged once: a list of
    thousands of tiles shares its few ancestors."""
    if price is None:
        return lambda element: False
    holders = {n.mem_id for n in lineage(price)}
    own_digits = _NOT_DIGITS.sub("", price.text(deep=True))
    judged: dict[int, bool | None] = {}  # block id -> another's card, the product's, neither

    def judge(block: LexborNode) -> bool | None:
        if block.mem_id in holders:
            return False  # the product's own box
        text = block.text(deep=True)[:TILE_TEXT]
        if block.css_first("img") is not None and words.PRICE_SHOWN.search(text):
            return own_digits not in _NOT_DIGITS.sub("", text)
        return None

    def in_another_card(element: LexborNode) -> bool:
        for block in structure_up(element, CARD_LEVELS + 1):
            if block.mem_id not in judged:
                judged[block.mem_id] = judge(block)
            if judged[block.mem_id] is not None:
                return bool(judged[block.mem_id])
        return False

    return in_another_card


def alone_of_its_kind(button: LexborNode, view: PageView) -> bool:
    """The product's, in no list or table of alike rows (a shop's row among others on a
    comparison page: "Sold out" at one store), nor set aside or in the page's frame."""
    return (
        view.of_the_product(button)
        and not any(
            element.tag in ROWS or view.alike(element) > 1 for element in up(button, ROW_LEVELS + 1)
        )
        and not any(element.tag in REGION_TAGS for element in lineage(button))
    )


def spare_copy(button: LexborNode) -> Callable[[LexborNode], bool]:
    """Whether a status's element, or one of its few wrappers that does not hold the
    `button`, is kept out of sight (`out_of_sight`): a screen reader's "Sold out" for a
    size, or a note an external stylesheet hides until a script shows it; or is inside a
    button that says it buys too: one of the labels a theme keeps in its buy buttons
    ("Dodaj do koszyka", "Produkt niedostępny"), its stylesheet showing the one the state
    calls for, while the `button` takes orders."""
    holds_button = {node.mem_id for node in lineage(button)}
    return lambda element: any(
        (node.tag in _BUTTON_TAGS and says_buy(node))
        or (node.mem_id not in holds_button and out_of_sight(node))
        for node in up(element, BADGE_LEVELS + 1)
    )


def _term_of(element: LexborNode) -> LexborNode | None:
    """What labels a value: in a definition list of several pairs ("<dt>Size 40</dt><dd>Sold
    out</dd><dt>Size 41</dt>..."), the term before it; in an element holding a label and
    the value written after it ("<div><b>Retrait en magasin :</b> indisponible</div>"), the
    label; else the one other part of the element holding both."""
    term = defined_by(element)
    if term is not None:
        return term
    own = shown_parts(element)
    if len(own) == 2 and own[1].is_text_node and not own[0].is_text_node:
        return own[0]
    parts = shown_parts(element.parent) if element.parent is not None else []
    return parts[0] if len(parts) == 2 and parts[1].mem_id == element.mem_id else None


def of_something_else(element: LexborNode, text: str, title_words: set[str]) -> bool:
    """The value `text` of a pair whose label names something else: a store's pickup, a
    delivery ("<p>Retiro en tienda</p><strong>No disponible</strong>"), another form of
    the product ("<dt>Matching shade</dt><dd>Sold out</dd>"), one choice of it
    ("<dt>Preto</dt><dd>Esgotado</dd>")."""
    while element.parent is not None and element.parent.tag in INLINE_TAGS:
        element = element.parent
    term = _term_of(element)
    if term is None:
        return False
    label = plain(term.text(deep=True)).lower()  # a label, not a block of the page
    if len(label) > MAX_LABEL:
        return False
    pair_text = f"{label.rstrip(':')}: {text}"
    return bool(
        NOT_A_STATUS.search(label)
        or TALK.search(label)
        or of_another_form(pair_text, title_words)
        or (VARIANT.search(label) and read_stock(pair_text, title_words) is None)
    )
