"""Whether the competitor has the product to sell: in stock, out of stock, or not said.

Read from what the page declares (schema.org `availability` in JSON-LD, microdata or
RDFa, and `product:availability` meta tags, in every spelling shops use; a product
with several offers, one per size, is in stock if any at the price read is, else if
any is, while other products on the page are related items), else from what it shows
by the buy button (or the title) and beside the price: a short status such as "sold
out" or "nicht verfügbar", a button marked sold out, one that is there to be
pressed, or, where none takes orders, a promise to tell when the product is back, a
one-off item's bare "Sold" (not beside a count: "1.2k | Sold"), a short message's
opening sentence ("Sorry, we are out of stock. Please check back later."), a sentence
saying "this item" cannot be had, a status in the element named for it
(id="availability", class="product-stock") however far away, a size picker whose
every choice says sold out, or the product's block, form or badge marked sold out by
a class or a data attribute; a picture's alternative text counts as text. A disabled
button alone says nothing (many wait for a size to be chosen), nor does one size's
"M - sold out" in a picker (or in a list of choices a theme draws itself), "almost
sold out", a template branch that scripts may never show, a note kept out of sight
("sr-only") beside a button that takes orders, a sold-out badge printed
beside a theme's other badges for CSS to pick, nor what is said of other products
(related or recently viewed ones, another product's tile or card), in reviews or
answers to shoppers' questions, in a pop-up
waiting for a click, or of a store's pickup or a delivery ("Store pickup: not
available"). A page that says "sold out" and offers nothing to press overrules a
declaration that the product can be bought, and one that says "in stock" by a button that
takes orders overrules one that it cannot: stale markup is common. A page that
offers the product at a price and says nothing else sells it: shops announce what
they cannot sell, not what they can. Pre-orders and back-orders are in stock,
flagged: the competitor takes the order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from itertools import islice
from typing import NamedTuple

from selectolax.lexbor import LexborNode

from chalicelib.prices import words
from chalicelib.prices.layout import (
    BUTTONS,
    INLINE_TAGS,
    MAX_BUTTONS,
    REGION_TAGS,
    TILE_TEXT,
    PageView,
    attr_text,
    class_names,
    common_prefix,
    concealed,
    hidden,
    lineage,
    out_of_sight,
    picture_link,
    plain,
    shown_nodes,
    shown_text,
    steps_of,
    structure_up,
    up,
    visible,
    wrapped_alone,
)
from chalicelib.prices.stock_choices import (
    PICKERS,
    ROW_LEVELS,
    ROWS,
    a_picker,
    another_choice,
    choice_gone,
    choices_of,
    in_picker,
    of_another_form,
    rows_disagree,
)
from chalicelib.prices.stock_text import (
    GONE,
    IN_CONTEXT,
    IN_STOCK,
    MAX_LABEL,
    MAX_PHRASE,
    MAX_SENTENCE,
    OUT_OF_STOCK,
    PRE_ORDER,
    WAITING,
    WORD,
    Stock,
    names_itself,
    read_stock,
    says_out,
    short_enough,
    stock_said,
)
from chalicelib.prices.stock_words import (
    ANY_STATUS,
    DELIVERED_LATER_SAID,
    NONE_TAKEN,
    NOT_A_STATUS,
    NOTIFY,
    NOTIFY_BUTTON,
    OTHERS_TALK,
    OUT_TEXT,
    TALK,
    THIS_PRODUCT,
    VARIANT,
    WAY_COLLECTED,
    WAY_SENT,
    WAY_STATUS,
)
from chalicelib.prices.structured import Stated, named_alike, named_as_shown

NEAR = 10  # tree steps from the buy button (or title, or price) that still describe the product
NEAR_STEPS = 8  # ...or steps not counting wrappers around a single element (`steps_of`)
AROUND_LEVELS = 7  # how far up from a landmark its surroundings are read


# schema.org ItemAvailability values (and what shops write instead), squashed to [a-z].
_DECLARED = {
    "instock": Stock(IN_STOCK), "limitedavailability": Stock(IN_STOCK),
    "onlineonly": Stock(IN_STOCK), "instoreonly": Stock(IN_STOCK), "madetoorder": Stock(IN_STOCK),
    "available": Stock(IN_STOCK), "availablefororder": Stock(IN_STOCK), "yes": Stock(IN_STOCK),
    "preorder": PRE_ORDER, "presale": PRE_ORDER,
    "backorder": Stock(IN_STOCK, "back-order"), "outofstock": Stock(OUT_OF_STOCK),
    "soldout": Stock(OUT_OF_STOCK), "discontinued": Stock(OUT_OF_STOCK),
    "oos": Stock(OUT_OF_STOCK), "unavailable": Stock(OUT_OF_STOCK),
    "notavailable": Stock(OUT_OF_STOCK), "no": Stock(OUT_OF_STOCK),
    "reserved": Stock(OUT_OF_STOCK), "markassold": Stock(OUT_OF_STOCK),
}  # fmt: skip

_SOLD_OUT_CLASS = re.compile(r"\bsold-?out\b|out-?of-?stock")
# A class saying the element it is on is sold out, whole or as a state ("outofstock",
# "product--sold-out", "is-soldout"), not what it does then ("hide-if-sold-out").
_SOLD_OUT_STATE = re.compile(r"(?:^|--|^is-|-is-)(?:sold-?out|out-?of-?stock)$")
# ...a class of what is shown only then, under a container marked so ("show-if-sold-out")
_SHOWN_WHEN_OUT = re.compile(
    r"(?:show|visible|display)\w*-(?:if|when|on)-(?:sold-?out|out-?of-?stock)|"
    r"(?:sold-?out|out-?of-?stock)-only"
)
# ...and a class naming what a script does then ("js-sold-out-toggle", "sold-out-hidden").
_WHAT_TO_DO = re.compile(r"^js-|hide|hidden|show|when|toggle|notify|unless|if-")
# A data attribute saying the element is sold out, as name=value: "sold-out=true",
# "available=false", "status=oos".
_DATA_SOLD_OUT = re.compile(
    r"(?:is-?)?(?:sold-?out|out-?of-?stock)=(?:true|1|yes)$|"
    r"(?:is-?)?(?:available|in-?stock|purchasable)=(?:false|0|no)$|"
    r"(?:stock-?)?(?:status|stock|availability)=(?:sold-?out|out-?of-?stock|oos)$"
)
_SOLD_OUT_BADGES = "[class*=sold i], [class*=stock i]"  # looked at: those whose state it is
_DISABLED_CLASS = re.compile(r"disabled\b")  # "btn--disabled", "button_disabled", "btnDisabled"
PADDED_PHRASE = 10 * MAX_PHRASE  # a phrase with its markup's indentation
BLOCK_TEXT = 400  # a status's block: the status and a sentence or two about it
MESSAGE = 2 * MAX_SENTENCE  # a message about the stock: a status and what to do about it
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|\s+[—–-]\s+")  # or a clause's
BADGE_LEVELS = 3  # a badge's own element may wrap its text in a <span> or two
CARD_LEVELS = 3  # how far up from a status another product's card is looked for
PRODUCT_LEVELS = 40  # ...and from the title, the product's own block
_NOT_DIGITS = re.compile(r"\D")
# Attributes of elements that page scripts show or drop (Angular, Vue, Alpine, Knockout).
_TEMPLATE_BRANCH = {
    "ng-show", "ng-hide", "ng-if", "ng-switch-when", "ng-cloak", "data-ng-show", "data-ng-hide",
    "data-ng-if", "v-if", "v-else", "v-else-if", "v-show", "x-show", "x-if", "*ngif",
}  # fmt: skip
_KNOCKOUT_BRANCH = re.compile(r"\b(?:visible|if|ifnot|hidden)\s*:")
# Elements a page names for the product's status.
_STATUS_HOLDERS = (
    "[id*=availability i], [class*=availability i], [id*=stock i], [class*=stock i], "
    "[class*=inventory i], [class*=sold-out i], [class*=soldout i]"
)
_A_NUMBER_FIRST = re.compile(r"\W*\d")  # how a count opens: "27", "1.2k", "(24h)"
_WAY_SENT, _WAY_COLLECTED = re.compile(WAY_SENT), re.compile(WAY_COLLECTED)
_NOT_AVAILABLE = re.compile(r"(?:currently |temporarily )?(?:not available|unavailable)\b")
_FILE_NAME_SPACING = re.compile(r"[-_.+ ]+|%20")


def declared_stock(
    products: list[tuple[str | None, list[Stated]]],
    main: str | None,
    price: Decimal | None,
    names_shown: set[str] | None = None,
) -> Stock | None:
    """What the product named `main` declares, else the first that declares any: in
    stock if any of its offers at `price` (the price read) is, else if any of its
    offers is (sizes sell out one by one), else its first. Other products are
    related items. `names_shown`: the words of the names a page that takes orders shows
    (its titles, its main headings); a product named with none of them, or with few and
    every offer at another price than the one read, declares no sold-out (a related
    product's JSON-LD), though what it declares in stock stands (shops name their
    product's JSON-LD after its category, its variant's id...)."""
    ordered = sorted(products, key=lambda product: product[0] != main) if main else products
    for name, statements in ordered:
        read = [(stock, s.price) for s in statements if (stock := _declared(s.value)) is not None]
        if names_shown and _another_s(name, [at for _, at in read], price, names_shown):
            read = [(stock, at) for stock, at in read if stock.availability != OUT_OF_STOCK]
        priced = [stock for stock, offer_price in read if offer_price == price]
        stocks = priced or [stock for stock, _ in read]
        if stocks:
            return next((s for s in stocks if s == Stock(IN_STOCK)), stocks[0])
    return None


def _another_s(
    name: str | None, prices: list[Decimal | None], price: Decimal | None, names_shown: set[str]
) -> bool:
    """A declared product named with none of the words the page shows as names, or with
    few and every offer at another price than the one read."""
    if not named_alike(name, names_shown):
        return True
    priced_otherwise = price is not None and all(at not in (None, price) for at in prices)
    return priced_otherwise and not named_as_shown(name, names_shown)


def _declared(value: str) -> Stock | None:
    """A schema.org value, or the free text microdata often carries ("Auf Lager")."""
    key = re.sub(r"[^a-z]", "", re.split(r"[/:#]", value.strip())[-1].lower())  # URL or CURIE
    if key in _DECLARED:
        return _DECLARED[key]
    text = plain(value).lower()
    said = read_stock(text) if len(text) <= MAX_PHRASE else None
    if said == WAITING:
        return None
    return Stock(OUT_OF_STOCK) if said == GONE else said


def shown_stock(
    view: PageView, price: LexborNode | None = None, declared: Stock | None = None
) -> Stock | None:
    """What the page shows where the product is bought (by its buy button, else its
    title) and beside its `price`, if anything. `declared`: what its markup says."""
    in_another_card = _cards_beside(price)
    button = view.buy_button or _sold_out_button(view, price, in_another_card)
    if button is not None and _says_sold_out(button):
        return Stock(OUT_OF_STOCK)
    # A disabled button alone says nothing: many wait for a size to be chosen.
    can_buy = button is not None and not disabled(button)
    said: Stock | None = Stock(IN_STOCK) if can_buy else None
    # Where the button takes no order, the title's surroundings may say why, unless the
    # markup says it is in stock (the button may wait for a size to be chosen).
    markup_sells = declared is not None and declared.availability == IN_STOCK
    title = view.title if button is None or not (can_buy or markup_sells) else None
    # A promise to tell when it is back speaks of one size while the product can be
    # bought, or while its button waits for a size and the markup says it is in stock.
    sizes_promise = can_buy or (button is not None and markup_sells)
    landmarks = [node for node in (button, title, price) if node is not None]
    for stock in _statuses_near(view, landmarks, in_another_card, button if can_buy else None):
        if stock in IN_CONTEXT:
            if can_buy or (sizes_promise and stock == WAITING):
                continue
            return Stock(OUT_OF_STOCK)
        if stock.availability == OUT_OF_STOCK:
            if can_buy and _takes_pre_orders(button):
                # "Out of stock" beside "Pre-order now": it takes the order all the same
                return replace(PRE_ORDER, worded=True)
            return stock  # whatever else the page says nearby
        said = replace(stock if said is None or stock.flag else said, worded=True)
    if said is None and not can_buy:
        if (
            button is not None
            and not markup_sells
            and _sold_out_button(view, price, in_another_card, _offers_to_notify) is not None
        ):
            return Stock(OUT_OF_STOCK)  # "Notify me" beside a greyed-out "Add to cart"
        # A promise to tell when it is back, beside a greyed-out button, may be a size's.
        promises = button is None
        return (
            _said_of_this_product(view, promises)
            or _said_where_named(view, promises)
            or _every_choice_gone(view, landmarks)
            or _every_way_closed(view, landmarks)
            or (None if markup_sells else _classed_sold_out(view, landmarks, price, button))
        )
    return said


def _sold_out_button(
    view: PageView,
    price: LexborNode | None,
    in_another_card: Callable[[LexborNode], bool],
    says: Callable[[LexborNode], bool] | None = None,
) -> LexborNode | None:
    """Where no button says "buy", one by the title or the price that says "sold out"
    in its place, in its text or only in its value or label (<input value="Sold out">)
    (or what `says` looks for); else, for "sold out", one further away that is the
    product's (not another product's, nor in the page's frame): a buy box may stand a
    column away from the title."""
    anchors = _anchors([n for n in (view.title, price) if n is not None], view)
    further = None
    for button in view.body.css(BUTTONS)[:MAX_BUTTONS]:
        if not (says or _says_sold_out)(button) or not visible(button):
            continue
        if in_another_card(button):
            continue
        if _by_the_landmarks(button, anchors, view):
            return button
        if further is None and says is None and _alone_of_its_kind(button, view):
            further = button
    return further


def _cards_beside(price: LexborNode | None) -> Callable[[LexborNode], bool]:
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


def _alone_of_its_kind(button: LexborNode, view: PageView) -> bool:
    """The product's, in no list or table of alike rows (a shop's row among others on a
    comparison page: "Sold out" at one store), nor set aside or in the page's frame."""
    return (
        view.of_the_product(button)
        and not any(
            element.tag in ROWS or view.alike(element) > 1 for element in up(button, ROW_LEVELS + 1)
        )
        and not any(element.tag in REGION_TAGS for element in lineage(button))
    )


def _statuses_near(
    view: PageView,
    landmarks: list[LexborNode],
    in_another_card: Callable[[LexborNode], bool],
    taking_orders: LexborNode | None,
) -> Iterator[Stock]:
    """Statuses shown within NEAR steps of a landmark, read under its ancestor a few
    levels up (most of what lies that near, without reading the whole page), but not in
    another product's card (`_cards_beside`). Where nothing takes orders, a message's
    opening sentence counts too (`_status_read`); beside a button `taking_orders`, a
    sold-out status kept out of sight is a theme's spare copy for scripts to show."""
    sentences = taking_orders is None
    spare = _spare_copy(taking_orders) if taking_orders is not None else None
    anchors = _anchors(landmarks, view)
    title_words = (
        set(WORD.findall(shown_text(view.title).lower())) if view.title is not None else set()
    )
    read_whole: set[int] = set()
    tables: dict[int, bool] = {}  # `rows_disagree`, read once per table
    for around in _arounds(landmarks, view):
        for node in around.traverse(include_text=True):
            if not node.is_text_node and node.tag not in _SHOWING:
                continue
            for phrase, parent in _phrases(node, read_whole):
                if not phrase:
                    continue
                text, stock = _status_read(phrase, title_words, sentences)
                if stock is None or parent is None or not _stated(parent) or _badge_off(parent):
                    continue
                if stock == GONE and _beside_a_count(node):
                    continue
                if in_picker(parent) or _of_something_else(parent, text, title_words):
                    continue
                if another_choice(parent, title_words) or of_another_form(text, title_words):
                    continue
                if rows_disagree(parent, tables) or in_another_card(parent):
                    continue
                if spare and stock.availability == OUT_OF_STOCK and spare(parent):
                    continue
                if _by_the_landmarks(parent, anchors, view):
                    if stock.availability == OUT_OF_STOCK and stock not in IN_CONTEXT:
                        stock = _taken_beside(parent) or stock
                    yield stock


def _spare_copy(button: LexborNode) -> Callable[[LexborNode], bool]:
    """Whether a status's element, or one of its few wrappers that does not hold the
    `button`, is kept out of sight (`out_of_sight`): a screen reader's "Sold out" for a
    size, or a note an external stylesheet hides until a script shows it."""
    holds_button = {node.mem_id for node in lineage(button)}
    return lambda element: any(
        out_of_sight(node)
        for node in up(element, BADGE_LEVELS + 1)
        if node.mem_id not in holds_button
    )


def _status_read(text: str, title_words: set[str], sentences: bool) -> tuple[str, Stock | None]:
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


def _beside_a_count(node: LexborNode) -> bool:
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


def _phrases(node: LexborNode, read_whole: set[int]) -> Iterator[tuple[str, LexborNode | None]]:
    """A text as shown, then, once per element, the element's whole text where a link or
    bold breaks its words up ("Available from <a>these sellers</a>", "Only <b>0</b> left"),
    or a line break its lines (a badge's "Out of<br>stock")."""
    text, parent = _text_and_holder(node)
    yield text, parent
    if not node.is_text_node or parent is None or parent.mem_id in read_whole:
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
    if not any(ANY_STATUS.search(plain(way).lower()) for way in joined):
        return  # no status, however its parts join: nothing to read whole
    inside = [n for n in parent.traverse(include_text=True) if n.mem_id != parent.mem_id]
    if not all(n.is_text_node or (n.tag in _WORDS_INSIDE and not hidden(n)) for n in inside):
        return
    shown = (n.text(deep=False) if n.is_text_node else " " if n.tag == "br" else "" for n in inside)
    whole = plain("".join(shown)).lower()
    if whole != text and len(whole) <= MAX_PHRASE:
        yield whole, parent


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
        or (words.RELATED_ATTR.search(attrs) and _links_on(node))
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
    return bool(ANY_STATUS.search(text) or NOTIFY.search(text))


class Anchors(NamedTuple):
    """Landmarks' root-first id chains, read once: all their ancestors, and `steps_of`."""

    chains: list[list[int]]
    steps: list[list[int]]


def _anchors(landmarks: list[LexborNode], view: PageView) -> Anchors:
    return Anchors([view.chain_of(n) for n in landmarks], [steps_of(n) for n in landmarks])


def _by_the_landmarks(node: LexborNode, anchors: Anchors, view: PageView) -> bool:
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


_PICTURES = {"img", "input"}
_ICONS = {"i", "span", "abbr", "em"}  # a status drawn as an icon, named by its label
_LABELS = ("aria-label", "title", "data-tooltip")
_SHOWING = _PICTURES | _ICONS  # elements that show a status without its text
_NOT_SENTENCES = {"button", "a", "option", "label"}  # "Order now" on a button is its label
_WORDS_INSIDE = INLINE_TAGS | {"a", "br", "wbr"}  # elements inside a phrase


def _of_words(node: LexborNode | None) -> bool:
    """An element inside a phrase (`_WORDS_INSIDE`)."""
    return node is not None and node.tag in _WORDS_INSIDE


def _text_and_holder(node: LexborNode) -> tuple[str, LexborNode | None]:
    """A text and the element showing it; older shops show a status as a picture
    (<img alt="Sold out">), so a picture's alternative text counts too, or, where it has
    none, its file's name (<img src="btn_soldout.gif">), and so does an icon's label."""
    if node.is_text_node:
        raw = node.text(deep=False)
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
    return bool(_SOLD_OUT_CLASS.search(file_name.replace("_", "-")) or OUT_TEXT.search(stem))


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


def _badge_off(holder: LexborNode) -> bool:
    """A sold-out badge (the status's holder, or an element around it) printed beside its
    theme's other badges (sale, new), or classed to be shown only then ("show-if-sold-out"),
    which CSS shows only under a container marked sold out (Shopify's `price--sold-out`)."""
    element = next(
        (
            n
            for n in structure_up(holder, BADGE_LEVELS)
            if _SOLD_OUT_CLASS.search(" ".join(class_names(n)))
        ),
        None,
    )
    if element is None:
        return False
    badges = wrapped_alone(element).parent  # bare wrappers around a badge are not the theme's
    if badges is None:
        return False
    classes = class_names(element)
    if any(map(_SHOWN_WHEN_OUT.search, classes)):  # "show-if-sold-out"
        return not any(map(_marked_sold_out, up(badges, PRODUCT_LEVELS)))
    others = (n for n in badges.traverse() if n.mem_id not in (badges.mem_id, element.mem_id))
    if not any(classes & class_names(other) for other in others):
        return False  # the only status there: the shop printed it because it applies
    return not any(_SOLD_OUT_CLASS.search(" ".join(class_names(n))) for n in up(badges, 4))


def _stated(node: LexborNode) -> bool:
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


def _said_of_this_product(view: PageView, promises: bool) -> Stock | None:
    """A sentence about "this item" saying it cannot be bought, anywhere on the page but in
    others' words (reviews, questions) or blocks: read only where no buy button takes orders
    and nothing said near the landmarks (`promises`: a promise to tell when it is back
    counts too)."""
    for node in view.text_nodes:
        text = node.text(deep=False).strip().lower()
        if not text or len(text) > MAX_SENTENCE or not THIS_PRODUCT.search(text):
            continue
        said = read_stock(text)  # a doubt "this item" will be back too: nothing can be bought
        if said is None or (said == WAITING and not promises):
            continue
        holder = node.parent
        if said.availability != OUT_OF_STOCK or holder is None or not _stated(holder):
            continue
        if not _away_from_the_title(holder, view):
            return Stock(OUT_OF_STOCK)
    return None


def _said_where_named(view: PageView, promises: bool) -> Stock | None:
    """A status in the element the page names for it (id="availability"), however far from
    the title (a marketplace's, with no buy box, sits 15 steps away): read only where no buy
    button takes orders and nothing said near the landmarks, and not in another product's block
    (`promises` as for `_said_of_this_product`)."""
    for holder in view.body.css(_STATUS_HOLDERS):
        text = shown_text(holder).lower()
        if not short_enough(text):
            continue
        stock = stock_said(text)
        if stock is None or (stock == WAITING and not promises):
            continue
        if not _stated(holder) or in_picker(holder) or _badge_off(holder):
            continue
        if _away_from_the_title(holder.parent or holder, view):  # its own name says what it is
            continue
        return Stock(OUT_OF_STOCK) if stock in IN_CONTEXT else stock
    return None


def _away_from_the_title(element: LexborNode, view: PageView) -> bool:
    """On a branch of its own about other things (`_elsewhere`), seen from the title."""
    if view.title is None:
        return False
    return _elsewhere(element, view.chain_of(element), [view.chain_of(view.title)], view)


def _every_choice_gone(view: PageView, landmarks: list[LexborNode]) -> Stock | None:
    """A size or colour picker by the landmarks whose every choice says sold out ("40 -
    Sold out", "41 - Sold out"): each speaks of itself, all of them of the product. Read
    only where no buy button takes orders."""
    anchors = _anchors(landmarks, view)
    for around in _arounds(landmarks, view):
        for picker in around.css(PICKERS):
            if not a_picker(picker):
                continue
            choices = choices_of(picker)
            if not (choices and all(map(choice_gone, choices))):
                continue
            if _stated(picker) and _by_the_landmarks(picker, anchors, view):
                return Stock(OUT_OF_STOCK)
    return None


def _every_way_closed(view: PageView, landmarks: list[LexborNode]) -> Stock | None:
    """Every way to have the product closed by the landmarks: it cannot be sent and cannot
    be picked up ("Shipping: Not available", "Pickup: Not available"), and no way says
    anything else ("Delivery: Arrives Friday"). Read only where no buy button takes orders."""
    arounds = _arounds(landmarks, view)
    said = " ".join(around.text(deep=True) for around in arounds).lower()
    if not (_WAY_SENT.search(said) and _WAY_COLLECTED.search(said)):
        return None  # not both ways named: nothing to read (most pages)
    anchors = _anchors(landmarks, view)
    closed, open_ = set(), False
    for around in arounds:
        for node in around.traverse(include_text=True):
            if not node.is_text_node or node.parent is None:
                continue
            if not WAY_STATUS.match(plain(node.text(deep=False)).lower()):
                continue
            for element in structure_up(node.parent, 2):
                text = shown_text(element).lower()
                way = WAY_STATUS.match(text) if len(text) <= MAX_PHRASE else None
                if way is None or not way.group("status"):
                    continue
                if not (_stated(element) and _by_the_landmarks(element, anchors, view)):
                    break
                if says_out(way.group("status")) or _NOT_AVAILABLE.match(way.group("status")):
                    closed.add("sent" if way.group("sent") else "collected")
                else:
                    open_ = True
                break
    return Stock(OUT_OF_STOCK) if closed == {"sent", "collected"} and not open_ else None


def _classed_sold_out(
    view: PageView,
    landmarks: list[LexborNode],
    price: LexborNode | None,
    button: LexborNode | None,
) -> Stock | None:
    """Marked sold out by its platform where nothing on the page says so in words: the
    product's own block, holding its title and its price (WooCommerce's "product …
    outofstock", a theme's "product--sold-out"), the greyed-out button or the form around
    it ("product-form--sold-out", data-sold-out="true"), or an empty badge by the
    landmarks whose stylesheet draws the words ("badge--sold-out"). Read only where no
    buy button takes orders, and the markup does not say it is in stock."""
    if button is not None and any(map(_marked_sold_out, up(button, BADGE_LEVELS + 1))):
        return Stock(OUT_OF_STOCK)
    if view.title is not None and price is not None:
        holding_price = {n.mem_id for n in up(price, PRODUCT_LEVELS)}
        for element in up(view.title, PRODUCT_LEVELS):
            if element.mem_id in holding_price and _marked_sold_out(element):
                return Stock(OUT_OF_STOCK)
    anchors = _anchors(landmarks, view)
    for around in _arounds(landmarks, view):
        for badge in around.css(_SOLD_OUT_BADGES):
            if (
                _marked_sold_out(badge)
                and not badge.text(deep=True).strip()
                and visible(badge)
                and not _badge_off(badge)
                and _by_the_landmarks(badge, anchors, view)
            ):
                return Stock(OUT_OF_STOCK)
    return None


def _marked_sold_out(element: LexborNode) -> bool:
    """Classed sold out as its state (`_SOLD_OUT_STATE`), or marked so for its scripts
    (data-sold-out="true", data-available="false", data-status="out-of-stock")."""
    if any(map(_SOLD_OUT_STATE.search, class_names(element))):
        return True
    return any(
        name.startswith("data-") and _DATA_SOLD_OUT.match(f"{name[5:]}={value or ''}".lower())
        for name, value in element.attributes.items()
    )


def _of_something_else(element: LexborNode, text: str, title_words: set[str]) -> bool:
    """The value `text` of a pair whose label names something else: a store's pickup, a
    delivery ("<p>Retiro en tienda</p><strong>No disponible</strong>"), another form of
    the product ("<dt>Matching shade</dt><dd>Sold out</dd>"), one choice of it
    ("<dt>Preto</dt><dd>Esgotado</dd>")."""
    while element.parent is not None and element.parent.tag in INLINE_TAGS:
        element = element.parent
    pair = element.parent
    if pair is None:
        return False
    shown = (n for n in pair.iter(include_text=True) if n.text(deep=True).strip())
    parts = list(islice(shown, 3))  # a pair has two
    if len(parts) != 2 or parts[1].mem_id != element.mem_id:
        return False
    label = plain(parts[0].text(deep=True)).lower()  # a label, not a block of the page
    if len(label) > MAX_LABEL:
        return False
    pair_text = f"{label.rstrip(':')}: {text}"
    return bool(
        NOT_A_STATUS.search(label)
        or TALK.search(label)
        or of_another_form(pair_text, title_words)
        or (VARIANT.search(label) and read_stock(pair_text, title_words) is None)
    )


def _arounds(landmarks: list[LexborNode], view: PageView) -> list[LexborNode]:
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


def _taken_beside(element: LexborNode) -> Stock | None:
    """A sold-out status followed by a sentence that takes the order all the same
    ("Temporarily out of stock." "Order now and we'll deliver when available."): read
    in the status's block, as shown, a few sentences at most."""
    for block in structure_up(element, 3):
        said, length = [], 0
        for node in shown_nodes(block):
            if node.is_text_node and node.parent is not None:
                if node.parent.tag not in _NOT_SENTENCES:
                    said.append(node.text(deep=False))
                    length += len(said[-1].strip())
                if length > BLOCK_TEXT:
                    return None  # more than a status and a sentence or two
        text = plain(" ".join(said)).lower()
        if DELIVERED_LATER_SAID.search(text) and not NONE_TAKEN.search(text):
            return Stock(IN_STOCK, "back-order")
    return None


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
    return declared


def _says_sold_out(button: LexborNode) -> bool:
    """By its class, its text, or its value or label (<input value="Out of stock">)."""
    if any(
        _SOLD_OUT_CLASS.search(name) and not _WHAT_TO_DO.search(name)
        for name in class_names(button)
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
    """A button's text (a phrase: longer, it is a card acting as a button) and labels."""
    attributes = button.attributes
    text = plain(button.text(deep=True, separator=" ")[: MAX_PHRASE * 2])
    said = [text if len(text) <= MAX_PHRASE else ""]
    said += [attributes.get(name) or "" for name in ("value", "aria-label", "title", "alt")]
    return [plain(label).lower() for label in said]


def _takes_pre_orders(button: LexborNode | None) -> bool:
    return button is not None and any(stock_said(label) == PRE_ORDER for label in _labels(button))


def _bare_notify(label: str) -> bool:
    return bool(label) and NOTIFY_BUTTON.fullmatch(label.rstrip("!. ")) is not None


def _offers_to_notify(button: LexborNode) -> bool:
    """A bare "Notify me" (`NOTIFY_BUTTON`), in its text or its labels."""
    return any(map(_bare_notify, _labels(button)))


def disabled(button: LexborNode) -> bool:
    """Greyed out, or saying sold out: it does not take an order."""
    attributes = button.attributes
    if "disabled" in attributes or attributes.get("aria-disabled") == "true":
        return True
    return bool(_DISABLED_CLASS.search((attributes.get("class") or "").lower())) or (
        _says_sold_out(button)
    )
