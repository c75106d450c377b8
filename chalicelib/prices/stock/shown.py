"""What the page shows of the product's stock where it is bought: by its buy button
(else its title) and beside its price, a short status such as "sold out" or "nicht
verfügbar", a button marked sold out, one that is there to be pressed, or, where none
takes orders, a promise to tell when the product is back, a one-off item's bare "Sold",
a short message's opening sentence, a sentence saying "this item" cannot be had, a
status in the element named for it (id="availability") however far away, a size picker
whose every choice says sold out (or, with no word, is greyed out: a greyed-out button
then waits for nothing), every way to have it closed, the product's block, form or
badge marked sold out (`marks`), or a status the page's <title>, or its heading in
brackets, gives beside the product's name.

A disabled button alone says nothing (many wait for a size to be chosen), nor does one
size's "M - sold out" (`choices`), "almost sold out", a template branch that scripts
may never show, a note kept out of sight beside a button that takes orders, nor what
is said of other products, in reviews, in a pop-up, or of a store's pickup or a
delivery (`places`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from selectolax.lexbor import LexborNode

from chalicelib.prices.dom import plain, shown_text, structure_up, up, visible
from chalicelib.prices.layout import BUTTONS, MAX_BUTTONS, PageView
from chalicelib.prices.stock.button import (
    disabled,
    offers_to_notify,
    says_sold_out,
    takes_pre_orders,
)
from chalicelib.prices.stock.choices import (
    MAX_PICKERS,
    PICKERS,
    a_picker,
    another_choice,
    every_choice_gone,
    every_choice_greyed,
    in_picker,
    of_another_form,
    rows_disagree,
    rows_within_disagree,
)
from chalicelib.prices.stock.marks import (
    BADGE_LEVELS,
    PRODUCT_LEVELS,
    SOLD_OUT_BADGES,
    badge_off,
    marked_sold_out,
)
from chalicelib.prices.stock.phrases import (
    SHOWING,
    beside_a_count,
    phrases_of,
    status_read,
    taken_beside,
)
from chalicelib.prices.stock.places import (
    Anchors,
    alone_of_its_kind,
    away_from_the_title,
    by_the_landmarks,
    cards_beside,
    of_something_else,
    spare_copy,
    stated,
    surroundings,
)
from chalicelib.prices.stock.text import (
    GONE,
    IN_CONTEXT,
    IN_STOCK,
    MAX_PHRASE,
    MAX_SENTENCE,
    OUT_OF_STOCK,
    PRE_ORDER,
    WAITING,
    WORD,
    Stock,
    beside_the_status,
    read_stock,
    says_out,
    short_enough,
    stock_said,
)
from chalicelib.prices.stock.words import (
    FOR_NOW,
    POINTING,
    SOLD_ALONE,
    THIS_PRODUCT,
    WAY_COLLECTED,
    WAY_SENT,
    WAY_STATUS,
    word_pattern,
)
from chalicelib.prices.words import PRICE_SHOWN

# Elements a page names for the product's status.
_STATUS_HOLDERS = (
    "[id*=availability i], [class*=availability i], [id*=stock i], [class*=stock i], "
    "[class*=inventory i], [class*=sold-out i], [class*=soldout i]"
)
_WAY_SENT, _WAY_COLLECTED = word_pattern(WAY_SENT), word_pattern(WAY_COLLECTED)
_NOT_A_STATUS_LINE = "a, img, button, input, select"  # in a tile or a form, not a status
# Statuses weighed around the landmarks: a product page shows a few (a size picker's, the
# stores', the button's: sixteen at most on the tuned pages); a hostile page, thousands,
# each costing the checks below.
MAX_STATUSES = 200
_NOT_AVAILABLE = re.compile(r"(?:currently |temporarily )?(?:not available|unavailable)\b")
# Where a <title> parts the product's name from the shop's and from a status, and what a
# heading puts in brackets ("[SOLD] Oak Chair").
_TITLE_PARTS = re.compile(r"\s+[-–—:·|]\s+|[|\[\]()]")
_BRACKETED = re.compile(r"[\[(]([^\])]*)[\])]")


def shown_stock(
    view: PageView,
    price: LexborNode | None = None,
    declared: Stock | None = None,
    document_title: str | None = None,
) -> Stock | None:
    """What the page shows where the product is bought (by its buy button, else its
    title) and beside its `price`, if anything. `declared`: what its markup says;
    `document_title`: its <title>, which some shops' templates end with the status."""
    in_another_card = cards_beside(price)
    button = view.buy_button or _sold_out_button(view, price, in_another_card)
    if button is not None and says_sold_out(button):
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
    # read once: what stands around the landmarks, and where they stand
    arounds, anchors = surroundings(landmarks, view), Anchors.of(landmarks, view)
    taking_orders = button if can_buy else None
    for stock in _statuses_near(view, arounds, anchors, in_another_card, taking_orders):
        if stock in IN_CONTEXT:
            if can_buy or (sizes_promise and stock == WAITING):
                continue
            return Stock(OUT_OF_STOCK)
        if stock.availability == OUT_OF_STOCK:
            if can_buy and takes_pre_orders(button):
                # "Out of stock" beside "Pre-order now": it takes the order all the same
                return replace(PRE_ORDER, worded=True)
            return stock  # whatever else the page says nearby
        said = replace(stock if said is None or stock.flag else said, worded=True)
    if said == Stock(IN_STOCK) and _every_choice_gone(view, arounds, anchors, least=2):
        return Stock(OUT_OF_STOCK)  # only the button spoke: a template's, over every size gone
    if said is None and not can_buy:
        if (
            button is not None
            and not markup_sells
            and _sold_out_button(view, price, in_another_card, offers_to_notify) is not None
        ):
            return Stock(OUT_OF_STOCK)  # "Notify me" beside a greyed-out "Add to cart"
        # A promise to tell when it is back, beside a greyed-out button, may be a size's.
        promises = button is None
        return (
            _said_of_this_product(view, promises)
            or _said_where_named(view, promises)
            or _every_choice_gone(view, arounds, anchors, greyed=not markup_sells)
            or _every_way_closed(view, arounds, anchors)
            or (None if markup_sells else _classed_sold_out(view, arounds, anchors, price, button))
            or _titled_sold_out(document_title, view.title)
        )
    return said


def _titled_sold_out(document_title: str | None, heading: LexborNode | None) -> Stock | None:
    """A status the <title> gives beside the product's name ("Record Player | Sold out"),
    or its heading in brackets ("[SOLD] Oak Chair"; after a dash, "Black / XL - sold out",
    it may be a choice's), read where nothing takes orders and the page says nothing else:
    a part that is a sold-out status alone ("Temporarily out of stock"), not a name that
    holds one ("Sold Out Tour Tee", a shop's "Sold Out Records")."""
    parts = _TITLE_PARTS.split(plain(document_title or "").lower())
    if heading is not None:
        parts += _BRACKETED.findall(plain(heading.text(deep=True)).lower())
    for part in (part.strip() for part in parts):
        said = stock_said(part) if len(part) <= MAX_PHRASE else None
        if said is None or said.availability != OUT_OF_STOCK:
            continue
        if SOLD_ALONE.match(part) or not beside_the_status(FOR_NOW.sub("", part)) - POINTING:
            return Stock(OUT_OF_STOCK)
    return None


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
    anchors = Anchors.of([n for n in (view.title, price) if n is not None], view)
    further = None
    for button in view.body.css(BUTTONS)[:MAX_BUTTONS]:
        if not (says or says_sold_out)(button) or not visible(button):
            continue
        if in_another_card(button):
            continue
        if by_the_landmarks(button, anchors, view):
            return button
        if further is None and says is None and alone_of_its_kind(button, view):
            further = button
    return further


def _statuses_near(
    view: PageView,
    arounds: list[LexborNode],
    anchors: Anchors,
    in_another_card: Callable[[LexborNode], bool],
    taking_orders: LexborNode | None,
) -> Iterator[Stock]:
    """Statuses shown within NEAR steps of a landmark (`anchors`), read in its surroundings
    (`arounds`: most of what lies that near, without reading the whole page), but not in
    another product's card (`cards_beside`). Where nothing takes orders, a message's
    opening sentence counts too (`status_read`); beside a button `taking_orders`, a
    sold-out status kept out of sight is a theme's spare copy for scripts to show."""
    sentences = taking_orders is None
    spare = spare_copy(taking_orders) if taking_orders is not None else None
    title_words = (
        set(WORD.findall(shown_text(view.title).lower())) if view.title is not None else set()
    )
    read_whole: set[int] = set()
    tables: dict[int, bool] = {}  # `rows_disagree`, read once per table
    weighed = 0
    for around in arounds:
        for node in around.traverse(include_text=True):
            if not node.is_text_node and node.tag not in SHOWING:
                continue
            for phrase, parent in phrases_of(node, read_whole):
                if not phrase:
                    continue
                text, stock = status_read(phrase, title_words, sentences)
                if stock is None or parent is None:
                    continue
                weighed += 1
                if weighed > MAX_STATUSES:
                    return
                if not stated(parent) or badge_off(parent):
                    continue
                if stock == GONE and beside_a_count(node):
                    continue
                if in_picker(parent) or of_something_else(parent, text, title_words):
                    continue
                if another_choice(parent, title_words) or of_another_form(text, title_words):
                    continue
                if rows_disagree(parent, tables, title_words) or in_another_card(parent):
                    continue
                if spare and stock.availability == OUT_OF_STOCK and spare(parent):
                    continue
                if by_the_landmarks(parent, anchors, view):
                    if stock.availability == OUT_OF_STOCK and stock not in IN_CONTEXT:
                        stock = taken_beside(parent) or stock
                    yield stock


def _said_of_this_product(view: PageView, promises: bool) -> Stock | None:
    """A sentence about "this item" saying it cannot be bought, anywhere on the page but in
    others' words (reviews, questions) or blocks: read only where no buy button takes orders
    and nothing said near the landmarks (`promises`: a promise to tell when it is back
    counts too)."""
    for node in view.text_nodes:
        text = (node.text_content or "").strip().lower()
        if not text or len(text) > MAX_SENTENCE or not THIS_PRODUCT.search(text):
            continue
        said = read_stock(text)  # a doubt "this item" will be back too: nothing can be bought
        if said is None or (said == WAITING and not promises):
            continue
        holder = node.parent
        if said.availability != OUT_OF_STOCK or holder is None or not stated(holder):
            continue
        if not away_from_the_title(holder, view):
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
        if not stated(holder) or in_picker(holder) or badge_off(holder):
            continue
        if rows_within_disagree(holder) or rows_disagree(holder, {}, set()):
            continue  # a list of stores' or colours' stock, or one line of it: each row's
        if away_from_the_title(holder.parent or holder, view):  # its own name says what it is
            continue
        return Stock(OUT_OF_STOCK) if stock in IN_CONTEXT else stock
    return None


def _every_choice_gone(
    view: PageView,
    arounds: list[LexborNode],
    anchors: Anchors,
    least: int = 1,
    greyed: bool = False,
) -> Stock | None:
    """A size or colour picker by the landmarks whose every choice, of `least` or more,
    says sold out ("40 - Sold out", "41 - Sold out"): each speaks of itself, all of them
    of the product. `greyed`: or is greyed out, two or more (read where no button takes
    orders and the markup does not say it is in stock)."""
    for around in arounds:
        for picker in around.css(PICKERS)[:MAX_PICKERS]:
            if not a_picker(picker):
                continue
            if not (every_choice_gone(picker, least) or (greyed and every_choice_greyed(picker))):
                continue
            if stated(picker) and by_the_landmarks(picker, anchors, view):
                return Stock(OUT_OF_STOCK)
    return None


def _every_way_closed(view: PageView, arounds: list[LexborNode], anchors: Anchors) -> Stock | None:
    """Every way to have the product closed by the landmarks: it cannot be sent and cannot
    be picked up ("Shipping: Not available", "Pickup: Not available"), and no way says
    anything else ("Delivery: Arrives Friday"). Read only where no buy button takes orders."""
    said = " ".join(around.text(deep=True) for around in arounds).lower()
    if not (_WAY_SENT.search(said) and _WAY_COLLECTED.search(said)):
        return None  # not both ways named: nothing to read (most pages)
    closed, open_ = set(), False
    for around in arounds:
        for node in around.traverse(include_text=True):
            if not node.is_text_node or node.parent is None:
                continue
            if not WAY_STATUS.match(plain(node.text_content or "").lower()):
                continue
            for element in structure_up(node.parent, 2):
                text = shown_text(element).lower()
                way = WAY_STATUS.match(text) if len(text) <= MAX_PHRASE else None
                if way is None or not way.group("status"):
                    continue
                if not (stated(element) and by_the_landmarks(element, anchors, view)):
                    break
                if says_out(way.group("status")) or _NOT_AVAILABLE.match(way.group("status")):
                    closed.add("sent" if way.group("sent") else "collected")
                else:
                    open_ = True
                break
    return Stock(OUT_OF_STOCK) if closed == {"sent", "collected"} and not open_ else None


def _classed_sold_out(
    view: PageView,
    arounds: list[LexborNode],
    anchors: Anchors,
    price: LexborNode | None,
    button: LexborNode | None,
) -> Stock | None:
    """Marked sold out by its platform where nothing on the page says so in words: the
    product's own block, holding its title and its price (WooCommerce's "product …
    outofstock", a theme's "product--sold-out"), the greyed-out button or the form around
    it ("product-form--sold-out", data-sold-out="true"), or a badge by the landmarks whose
    words are drawn by its stylesheet ("badge--sold-out") or are in a language the word
    lists lack (WooCommerce's `<p class="stock out-of-stock">Uit voorraad</p>`). Read
    only where no buy button takes orders, and the markup does not say it is in stock."""
    if button is not None and any(map(marked_sold_out, up(button, BADGE_LEVELS + 1))):
        return Stock(OUT_OF_STOCK)
    if view.title is not None and price is not None:
        holding_price = {n.mem_id for n in up(price, PRODUCT_LEVELS)}
        for element in up(view.title, PRODUCT_LEVELS):
            if element.mem_id in holding_price and marked_sold_out(element):
                return Stock(OUT_OF_STOCK)
    for around in arounds:
        for badge in around.css(SOLD_OUT_BADGES):
            if (
                marked_sold_out(badge)
                and _wordless(badge)
                and visible(badge)
                and not badge_off(badge)
                and by_the_landmarks(badge, anchors, view)
            ):
                return Stock(OUT_OF_STOCK)
    return None


def _wordless(badge: LexborNode) -> bool:
    """Saying nothing the word lists read: empty, or a short text in another language,
    not one saying it is in stock (a stale class), nor another product's tile (a link, a
    picture, a price)."""
    text = plain(badge.text(deep=True)).lower()
    return not text or (
        len(text) <= MAX_PHRASE
        and stock_said(text) is None
        and not PRICE_SHOWN.search(text)
        and badge.css_first(_NOT_A_STATUS_LINE) is None
    )
