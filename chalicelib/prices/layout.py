"""Where things sit on a product page: its title, its buy button, and a price's surroundings.

The main product's price sits with its title and its buy button, usually in
the smallest block holding both; prices elsewhere (related products, the
header's mini-cart, the footer) belong to other things. This module finds
those landmarks and describes any element's place relative to them, as
chains of element ids from the root: two chains' common prefix is their
nearest shared ancestor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from chalicelib.prices.dom import (
    attr_text,
    common_prefix,
    lineage,
    plain,
    shown_text,
    tokens,
    up,
    visible,
)
from chalicelib.prices.memo import kept_for_short_texts
from chalicelib.prices.words import (
    BUY,
    BUY_ACTION,
    OTHER_OFFERS,
    OTHER_PRODUCTS_ATTR,
    OTHER_PRODUCTS_HEADING,
    PAGE_FRAME_ATTR,
    PRICE_SHOWN,
    REVIEW_PROMPT,
    SHOPPERS_HEADING,
    STORES_HEADING,
    VIEW_CART,
    any_of,
)

TITLES = (
    'h1, [itemprop="name"], [id*="title" i], [class*="product-title" i], '
    '[class*="product-name" i], [class*="product_title" i]'
)
# Where older shops set a product's name when they have no heading for it.
EMPHASIS = "b, strong, font, h2, h3"
FALLBACK_LIKENESS = 0.3  # share of words with the product's name, to count as its title
SLUG_LIKENESS = 0.5  # ...and with both the name and the address, to outrank a heading
BUTTONS = (
    "button, input[type=submit], input[type=button], input[type=image], [role=button], "
    "a[class*=cart i], a[id*=buy i], a[class*=buy i], a[id*=add i], a[class*=add i], "
    "a[class*=btn i], a[class*=button i], "
    # a link to the cart's address for adding ("/cart/add/123", "?add-to-cart=123")
    'a[href*="cart/add" i], a[href*=add-to-cart i], a[href*=add_to_cart i], a[href*=addtocart i]'
)
# A form that puts the product in the cart ("/cart/add", "cart.php" with action=add,
# WooCommerce's "form.cart"), or a link that does ("basket.asp?add=123"), where older
# shops draw the button as a picture with no words.
_CART = "cart basket warenkorb panier carrito carrello winkelwagen koszyk".split()
CART_FORMS = ", ".join([*(f"form[action*={cart} i]" for cart in _CART), "form[class~=cart i]"])
_SUBMITS = "input[type=image], button"
_ADDING = re.compile(rf"(?:{'|'.join(_CART)}).*add|add.*(?:{'|'.join(_CART)})")
# Links and boxes acting as buttons: they count when their own short text is a buy action.
ACTING_AS_BUTTONS = "a, div[onclick], span[onclick], div[class*=cart i], div[class*=buy i]"
MAX_BUTTON_TEXT = 40
HEADINGS = "h2, h3, h4, h5, h6, [role=heading], [class*=heading i], [class*=title i]"
MAX_HEADING_TEXT = 60
HEADED_LEVELS = 4  # how far up from its heading a block of other products is looked for
TILE_LEVELS = 4  # how far up from a price or button the tile holding it is looked for
LINK_LEVELS = 8  # ...and the link that is a whole card, picture, name and price
TILES_ALIKE = 3  # tiles alike, at least, in a list of other products
TILE_TEXT = 300  # what of a tile is read for its price: a name, prices, a badge, a button
_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)$")
# Buttons, and links and boxes that may act as one, looked at per page in document order:
# the most on the benchmark's and fathom's pages are 421 and 3,746.
MAX_BUTTONS, MAX_ACTING_AS_BUTTONS = 2_000, 10_000
_ELSEWHERE_ATTR = re.compile(f"{OTHER_PRODUCTS_ATTR.pattern}|{PAGE_FRAME_ATTR.pattern}")
# Headings of blocks about others: other products, shoppers' words, other sellers, stores.
_OF_OTHERS = any_of(
    *(p.pattern for p in (OTHER_PRODUCTS_HEADING, SHOPPERS_HEADING, OTHER_OFFERS, STORES_HEADING))
)
REGION_TAGS = {"footer", "nav", "header", "aside"}  # the page's frame, not its product
FRAME_TAGS = REGION_TAGS - {"aside"}  # ...where no buy button is (a shop may put it aside)


@dataclass(frozen=True)
class Ancestry:
    """A node and its ancestors, nearest first, as (mem_id, tag, attribute text)."""

    chain: list[tuple[int, str, str]]

    def named(self, levels: int) -> list[str]:
        """The node's names (`attr_text`), then its ancestors' up to `levels` in all, those
        with none (a framework's bare wrappers) not counted."""
        chain = iter(self.chain)
        own = next(chain)[2]
        return [own, *islice((attrs for _, _, attrs in chain if attrs), levels - 1)]

    def attrs(self, levels: int) -> str:
        return " ".join(self.named(levels))

    def tags(self) -> set[str]:
        return {tag for _, tag, _ in self.chain}

    def ids(self) -> list[int]:
        """Root first."""
        return [node_id for node_id, _, _ in reversed(self.chain)]


Kind = tuple[str, str]  # a tag and its kind of class


@dataclass
class Kinds:
    """What a page's siblings are, read once per parent (by its id): how many of its
    children are of each kind, and whether those of a kind each show a price and a link."""

    counts: dict[int, Counter[Kind]] = field(default_factory=dict)
    priced: dict[tuple[int, Kind], bool] = field(default_factory=dict)
    cards: dict[int, str | None] = field(default_factory=dict)  # `_a_card`'s page, by id


@dataclass(frozen=True)
class Landmarks:
    """Where the main product sits: its title and its buy button, as root-first id chains."""

    title_chain: list[int]
    buy_chain: list[int]
    buy_order: int | None  # document position of the buy button
    # blocks a heading names as other products' ("You may also like"), by element id
    headed_elsewhere: frozenset[int] = frozenset()

    @property
    def block(self) -> int:
        """Depth of the smallest element holding both title and buy button (0: unknown)."""
        if not (self.title_chain and self.buy_chain):
            return 0
        return common_prefix(self.title_chain, self.buy_chain)


@dataclass(frozen=True)
class PageView:
    """A cleaned page read once: its text, its elements' order, its landmarks."""

    body: LexborNode
    order: dict[int, int]  # element id -> position in the document
    text_nodes: list[LexborNode]  # every text with something in it, in order
    landmarks: Landmarks
    buy_button: LexborNode | None
    title: LexborNode | None
    known_attrs: dict[int, str] = field(default_factory=dict, repr=False)  # attr_text by id
    known_kinds: Kinds = field(default_factory=Kinds, repr=False)

    def alike(self, node: LexborNode) -> int:
        return alike(node, self.known_kinds)

    def in_a_tile(self, node: LexborNode | None, title: set[int]) -> bool:
        return node is not None and in_a_tile(node, title, self.known_kinds)

    def of_the_product(self, button: LexborNode) -> bool:
        """Not another product's (in a block of them, a tile, a block headed as theirs)
        nor the page's frame's; where no title is found, any."""
        title_chain = self.landmarks.title_chain
        if not title_chain:
            return True
        return not (
            _another_product_s(button, title_chain, self.known_kinds)
            or any(node_id in self.landmarks.headed_elsewhere for node_id in self.chain_of(button))
        )

    def ancestry(self, node: LexborNode) -> Ancestry:
        """The node and its ancestors; each element's attributes are read once per page."""
        chain = []
        for element in lineage(node):
            attrs = self.known_attrs.get(element.mem_id)
            if attrs is None:
                attrs = self.known_attrs[element.mem_id] = attr_text(element)
            chain.append((element.mem_id, element.tag or "", attrs))
        return Ancestry(chain)

    @staticmethod
    def of(
        tree: LexborHTMLParser, product_name: str | None, url: str | None = None
    ) -> PageView | None:
        body = tree.body
        if body is None:
            return None
        order: dict[int, int] = {}
        texts: list[LexborNode] = []
        for index, node in enumerate(body.traverse(include_text=True)):
            if node.is_text_node:
                text = node.text_content  # a text node's: a third faster than text(deep=False)
                if text and not text.isspace():
                    texts.append(node)
            else:
                order[node.mem_id] = index
        title = find_title(body, product_name, url, texts)
        kinds = Kinds()
        buy = find_buy_button(body, order, title, kinds)
        title_chain = PageView.chain_of(title) if title is not None else []
        buy_chain = PageView.chain_of(buy) if buy is not None else []
        marks = Landmarks(
            title_chain=title_chain,
            buy_chain=buy_chain,
            buy_order=order.get(buy.mem_id) if buy is not None else None,
            headed_elsewhere=headed_elsewhere(body, {*title_chain, *buy_chain}),
        )
        return PageView(body, order, texts, marks, buy, title, known_kinds=kinds)

    @staticmethod
    def chain_of(node: LexborNode) -> list[int]:
        """Root-first ids of the node and its ancestors (as in `ancestry`)."""
        return [element.mem_id for element in lineage(node)][::-1]


def find_title(
    body: LexborNode,
    product_name: str | None,
    url: str | None = None,
    texts: list[LexborNode] | None = None,
) -> LexborNode | None:
    """The main product's title: the heading most like the product's name.

    Pages carry stray <h1>s (a cart pop-up, a banner, a category's name), so each
    heading is scored by the words it shares with the name the page gives elsewhere
    (schema.org name, og:title, <title>), then with the words of the page's address
    (a shop whose <title> is its own name still names the product in its URL); ties go
    to the first. A page with no heading (older shops set titles in <b> or <font>, or
    in a plain <div>) falls back to the short element whose text is most like the name.
    """
    wanted = tokens(product_name or "")
    slug = tokens(urlsplit(url).path.replace("_", " ")) if url else set()

    def likeness(heading: LexborNode) -> tuple[float, float, int]:
        words = tokens(heading.text(deep=True)[:300])
        return _shared(words, wanted), _shared(words, slug), 1 if heading.tag == "h1" else 0

    headings = [h for h in body.css(TITLES) if h.text(deep=True).strip() and visible(h)]
    heading = max(headings, key=likeness, default=None)
    if heading is not None and (not wanted or likeness(heading)[0] >= FALLBACK_LIKENESS):
        return heading
    if not wanted:
        return None
    emphasised = [n for n in body.css(EMPHASIS) if 0 < len(n.text(deep=True)) <= 200]
    best = max(emphasised, key=likeness, default=None)
    if heading is not None:
        # A category's <h1> over the product's <h2>: only where the address names it too.
        if best is not None and min(likeness(best)[:2]) >= SLUG_LIKENESS:
            return best if likeness(best) > likeness(heading) else heading
        return heading
    if best is not None and likeness(best)[0] >= FALLBACK_LIKENESS:
        return best
    # Else the element of the text most like the name, among short texts.
    named = [t.parent for t in texts or () if t.parent and len(t.text_content or "") <= 200]
    best = max(named, key=likeness, default=None)
    return best if best is not None and likeness(best)[0] >= FALLBACK_LIKENESS else None


def _shared(words: set[str], wanted: set[str]) -> float:
    return len(words & wanted) / max(1, len(words | wanted)) if wanted else 0.0


# Nodes that may be the buy button, each with how to tell whether it buys.
_Readings = list[tuple[LexborNode, Callable[[LexborNode], bool]]]


def find_buy_button(
    body: LexborNode, order: dict[int, int], title: LexborNode | None, kinds: Kinds | None = None
) -> LexborNode | None:
    """The first buy button after the title (else the first on the page) that is shown
    (back-in-stock apps print their own, hidden while the product sells) and is not in
    another product's tile (a sold-out product's page may show only theirs); where none
    says it buys, a picture with no words that puts it in the cart (`_adding_to_the_cart`)."""
    found: _Readings = [(node, says_buy) for node in body.css(BUTTONS)[:MAX_BUTTONS]]
    found += [(node, _acts_to_buy) for node in body.css(ACTING_AS_BUTTONS)[:MAX_ACTING_AS_BUTTONS]]
    kinds = Kinds() if kinds is None else kinds
    if (button := _first_buying(found, order, title, kinds)) is not None:
        return button
    pictures: _Readings = [(node, _a_picture) for node in _adding_to_the_cart(body)]
    return _first_buying(pictures, order, title, kinds)


def _first_buying(
    found: _Readings,
    order: dict[int, int],
    title: LexborNode | None,
    kinds: Kinds,
) -> LexborNode | None:
    after = order.get(title.mem_id, 0) if title is not None else 0
    found.sort(
        key=lambda pair: (order.get(pair[0].mem_id, 0) < after, order.get(pair[0].mem_id, 0))
    )
    title_chain = PageView.chain_of(title) if title is not None else []
    return next(  # each read in turn, from the title on, until one buys: the first does
        (
            button
            for button, buys in found
            if buys(button)
            and visible(button)
            and not (title_chain and _another_product_s(button, title_chain, kinds))
        ),
        None,
    )


def _adding_to_the_cart(body: LexborNode) -> list[LexborNode]:
    """The submit controls of forms that post to the cart (but for a view of the cart),
    and links whose address adds to it."""
    submits = [
        submit
        for form in body.css(CART_FORMS)[:MAX_BUTTONS]
        if not VIEW_CART.search((form.attributes.get("action") or "").lower())
        for submit in form.css(_SUBMITS)[:MAX_BUTTONS]
        if (submit.attributes.get("type") or "submit").lower() in ("submit", "image")
    ]
    links = body.css("a[href*=add i]")[:MAX_BUTTONS]
    return submits + [link for link in links if adds_to_cart(link)]


def adds_to_cart(link: LexborNode) -> bool:
    """Its address puts a product in the cart ("/cart/add/5", "basket.asp?add=5")."""
    return bool(_ADDING.search((link.attributes.get("href") or "").lower()))


def _a_picture(node: LexborNode) -> bool:
    """An image button, or a button holding only a picture, with no words a shopper reads
    ("Add to Wishlist" says something else, and a heart icon is no picture)."""
    attributes = node.attributes
    if not (attributes.get("type") == "image" or node.css_first("img") is not None):
        return False
    said = [
        node.text(deep=True),
        *(attributes.get(n) or "" for n in ("value", "alt", "aria-label")),
    ]
    return not any(plain(text).strip() for text in said)


def _acts_to_buy(node: LexborNode) -> bool:
    """A link or block whose short text, as shown, is a buy action ("Add to basket"): not a
    wrapper whose buy link a script shows only while the product sells."""
    text = node.text(deep=True).strip()
    return (
        len(text) <= MAX_BUTTON_TEXT
        and bool(BUY_ACTION.search(plain(text).lower()))
        and bool(BUY_ACTION.search(shown_text(node).lower()))  # the dearer reading, last
    )


def _another_product_s(button: LexborNode, title_chain: list[int], kinds: Kinds) -> bool:
    """In a block of other products, the page's frame or another product's tile: not the
    product's own button (a sold-out product's page may show only theirs)."""
    return _among_other_products(button, title_chain) or in_a_tile(button, set(title_chain), kinds)


def headed_elsewhere(body: LexborNode, product: set[int]) -> frozenset[int]:
    """Blocks that a heading names as other products' ("Customers also viewed"), other
    sellers' offers, the shop's stores' stock, or shoppers' words ("Customer reviews"),
    where class names do not say so: each the largest element the heading opens, up to
    HEADED_LEVELS up, that holds neither the title nor the buy button (`product`: their
    chains' ids)."""
    if not product:
        return frozenset()
    found = set()
    for heading in body.css(HEADINGS):
        text = heading.text(deep=True)
        if len(text) > MAX_HEADING_TEXT or not _of_others(text.lower()):
            continue
        block = heading
        for parent in islice(up(heading, HEADED_LEVELS + 1), 1, None):
            if parent.mem_id in product or not _opens(heading, parent):
                break
            block = parent
        if block is not heading:
            found.add(block.mem_id)
    return frozenset(found)


def _of_others(heading: str) -> bool:
    return _OF_OTHERS.search(heading) is not None


def _opens(heading: LexborNode, block: LexborNode) -> bool:
    """The heading is the first text the block shows: it is the block's heading."""
    for node in block.traverse(include_text=True):
        if node.is_text_node and (node.text_content or "").strip():
            return any(n.mem_id == heading.mem_id for n in lineage(node))
    return False


def _among_other_products(button: LexborNode, title_chain: list[int]) -> bool:
    """In a block of related, recently viewed or recommended products, or in the page's
    frame (its header's basket: "Warenkorb", "Panier (0)"), on a branch of its own away
    from the title."""
    chain = PageView.chain_of(button)
    own_levels = len(chain) - common_prefix(chain, title_chain)
    return any(
        node.tag in FRAME_TAGS or _ELSEWHERE_ATTR.search(attr_text(node))
        for node in up(button, own_levels)
    )


def says_buy(button: LexborNode) -> bool:
    """A button's text or names say it buys: not a link to the basket, nor one asking for
    a review."""
    label = _button_label(button)
    return (
        bool(BUY.search(label)) and not VIEW_CART.search(label) and not REVIEW_PROMPT.search(label)
    )


def _button_label(node: LexborNode) -> str:
    attributes = node.attributes
    names = ("value", "id", "class", "name", "aria-label", "data-action", "alt")
    return " ".join(
        [plain(node.text(deep=True)[:60]), *(attributes.get(n) or "" for n in names)]
    ).lower()


def alike(node: LexborNode, kinds: Kinds) -> int:
    """How many of its parent's children share its tag and kind of class, itself included
    (tiles of a list, rows of a table): counted once per parent (`kinds`, by its id)."""
    parent = node.parent
    if parent is None:
        return 0
    counted = kinds.counts.get(parent.mem_id)
    if counted is None:
        counted = kinds.counts[parent.mem_id] = Counter(map(_kind, parent.iter()))
    return counted[_kind(node)]


def _kind(node: LexborNode) -> Kind:
    return node.tag or "", class_kind(node.attributes.get("class") or "")


@kept_for_short_texts
def class_kind(names: str) -> str:
    """Class names without those of an element's state or its own id: themes mark the one
    tile or choice sold out, on sale or chosen ("tile sold-out", WooCommerce's "product
    post-123 outofstock"), and print spaces as templates leave them ("tile ")."""
    return " ".join(sorted({n for n in names.lower().split() if not _STATE.search(n)}))


_STATE = re.compile(
    r"(?:^|[-_])(?:sold-?out|out-?of-?stock|in-?stock|onbackorder|unavailable|available|"
    r"disabled|active|selected|current|checked|on-?sale|sale|new|first|last|odd|even)$|"
    r"^(?:post|product|item)-[0-9]+$"
)


def in_a_tile(node: LexborNode, title: set[int], kinds: Kinds) -> bool:
    """In a tile of another product that no class or heading names, one not holding the
    product's title (`title`: its chain's ids): a link to another page holding a picture
    and the node, up to LINK_LEVELS above it, or one of TILES_ALIKE or more siblings
    alike (same tag, same kind of class), with a picture linking to its product, or each
    with a price and a name linking to its page; or a card alone (`_a_card`)."""
    for level, element in enumerate(up(node, LINK_LEVELS)):
        if element.mem_id in title:
            return False
        if picture_link(element):
            return True
        if level < TILE_LEVELS and alike(element, kinds) >= TILES_ALIKE:
            link = element.css_first("a[href]:has(img)")
            if (link is not None and to_a_page(link)) or _priced_tiles(element, kinds):
                return True
        if level < TILE_LEVELS and _a_card(element, node, kinds):
            return True
    return False


def _a_card(element: LexborNode, node: LexborNode, kinds: Kinds) -> bool:
    """Another product's card standing alone (a promotion, a gift card, "complete the
    look"): a short block whose picture and name link to one page, its price beside them
    (a buy box may link to more pages, and says more), the `node` after them (a card
    opens with its picture; a buy box's own button comes before a card put under it)."""
    if element.mem_id not in kinds.cards:
        text = element.text(deep=True)
        links: dict[str, set[bool]] = {}
        if len(text) <= TILE_TEXT:
            for link in element.css("a[href]"):
                pictured = link.css_first("img") is not None
                if to_a_page(link) and (pictured or link.text(deep=True).strip()):
                    links.setdefault(_page_of(link), set()).add(pictured)
        pages = [href for href, shown in links.items() if len(shown) == 2]
        priced = len(pages) == 1 and bool(PRICE_SHOWN.search(text))
        kinds.cards[element.mem_id] = pages[0] if priced else None
    page = kinds.cards[element.mem_id]
    if page is None:
        return False
    for part in element.traverse():
        if part.mem_id == node.mem_id:
            return False
        if part.tag == "a" and _page_of(part) == page:
            return True
    return False


def _page_of(link: LexborNode) -> str:
    """The page a link leads to, without what it tells the page ("?ref=tile", "#reviews")."""
    return re.split(r"[?#]", (link.attributes.get("href") or "").strip(), maxsplit=1)[0]


def _priced_tiles(element: LexborNode, kinds: Kinds) -> bool:
    """Each of the element's alike siblings shows a price and links to another page by a
    name: a list of other products drawn without pictures (a layout's alike columns are
    not all priced)."""
    parent, kind = element.parent, _kind(element)
    if parent is None:
        return False
    key = (parent.mem_id, kind)
    if key not in kinds.priced:
        kinds.priced[key] = all(
            PRICE_SHOWN.search(tile.text(deep=True)[:TILE_TEXT])
            and any(to_a_page(a) and a.text(deep=True).strip() for a in tile.css("a[href]"))
            for tile in parent.iter()
            if _kind(tile) == kind
        )
    return kinds.priced[key]


def picture_link(element: LexborNode) -> bool:
    """A link to another page holding a picture: a card, picture, name and price in one."""
    return element.tag == "a" and element.css_first("img") is not None and to_a_page(element)


def to_a_page(link: LexborNode) -> bool:
    """Not to a part of this one, a script, a picture (a gallery's zoom), nor an address
    that puts the product in the cart."""
    page = _page_of(link).lower()
    return bool(page) and not (
        page.startswith("javascript:") or _PICTURE_FILE.search(page) or adds_to_cart(link)
    )
