"""Prices a person sees on the page, scored for being the main product's
current selling price.

Every short text that reads as a price becomes a candidate. Its score grows
with what marks a selling price (price-like classes, a currency, sitting in
the block that holds the product title and the buy button) and drops with
what marks anything else: a struck-through or "was" price, a saving,
shipping, a monthly instalment, a per-kilo price, related products, the
mini-cart, hidden copies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from chalicelib.prices.amounts import Amount, parse_amount

SHORT_TEXT = 48  # a price and its currency; longer texts are sentences
NOISE_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "head"]


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


PRICE_ATTR = _words(
    r"price", r"prix", r"preis", r"precio", r"prezzo", r"preco", r"preço", r"prijs", r"pris",
    r"cena", r"fiyat", r"money", r"cost", r"\bcur(?:rency)?\b",
)  # fmt: skip
NOT_PRICE_ATTR = _words(r"rating", r"review", r"stars?\b", r"count", r"quantity", r"\bqty")
CURRENT_ATTR = _words(
    r"sale", r"special", r"current", r"final", r"\bnow", r"actual", r"offer", r"promo",
    r"deal", r"our-?price", r"selling", r"reduced", r"discounted", r"price--?new",
    r"new-?price", r"price-?new",
)  # fmt: skip
OLD_ATTR = _words(
    r"old", r"\bwas", r"was-?price", r"regular", r"list-?price", r"compare", r"strike",
    r"original", r"before", r"\brrp", r"msrp", r"\buvp", r"crossed", r"previous", r"retail",
    r"reference", r"barr[ée]", r"former", r"non-?sale", r"price--?old", r"price-?old",
    r"price_old", r"line-?through", r"stroke",
)  # fmt: skip
OLD_TEXT = _words(
    r"\bwas\b", r"\bbefore\b", r"instead of", r"\brrp\b", r"\buvp\b", r"\bmsrp\b", r"\bstatt\b",
    r"\bavant\b", r"originally", r"\bregular\b", r"list price", r"\bantes\b", r"\bprima\b",
    r"\bvorher\b", r"\btidigare\b", r"ordinarie", r"normalpris", r"\borig", r"\breg\.",
    r"compare at", r"valued at", r"prix conseill", r"prezzo consigliato", r"\bpvp\b",
    r"precio anterior", r"\bzamiast\b", r"\bvoor\b", r"\bvan\b", r"empfohlen", r"\bieškoti\b",
)  # fmt: skip
SAVING = _words(
    r"\bsave\b", r"you save", r"saving", r"\bsparen\b", r"\bspare\b", r"économisez",
    r"\béconomie", r"\bahorra", r"risparmi", r"\boff\b", r"discount", r"rabatt", r"\bremise",
    r"descuento", r"\bsconto", r"korting", r"\bspar\b", r"oszczędzasz", r"\bdu sparst",
)  # fmt: skip
SHIPPING = _words(
    r"shipping", r"delivery", r"versand", r"lieferung", r"livraison", r"env[ií]o", r"spedizione",
    r"frete", r"verzend", r"\bfrakt", r"dostawa", r"送料", r"\bporto\b", r"postage", r"\bp&p\b",
)  # fmt: skip
INSTALMENT = _words(
    r"/\s*mo\b", r"/\s*month", r"per month", r"a month", r"monthly", r"/\s*mes\b", r"al mes",
    r"par mois", r"/\s*mois", r"pro monat", r"monatlich", r"mensil", r"al mese", r"/\s*kk\b",
    r"miesięcznie", r"\bx de\b", r"cuotas", r"install?ments?", r"klarna", r"afterpay",
    r"affirm", r"sezzle", r"zip\s?pay", r"pay in \d", r"\bpayments? of\b", r"financ",
    r"\d\s*[x×]\s*$", r"^\s*\d{1,2}\s*[x×]", r"\bmonat", r"ratenzahlung", r"\brata\b",
    r"\bratas\b", r"parcela", r"/\s*maand", r"per maand", r"\bmån\b", r"/\s*mån",
)  # fmt: skip
PER_UNIT = _words(
    r"/\s*kg\b", r"per kg", r"/\s*100\s*(?:g|ml)\b", r"/\s*l\b", r"per l(?:it(?:er|re))?\b",
    r"/\s*m[²2]\b", r"/\s*ea\b", r"per unit", r"/\s*unit", r"/\s*stk\b", r"grundpreis",
    r"prix au k", r"prix/k", r"precio por", r"/\s*lb\b", r"per lb", r"/\s*oz\b", r"\bper\s+\d",
    r"unit-?price", r"price-?per", r"base-?price", r"baseprice", r"/\s*st\.?\b", r"kilopris",
)  # fmt: skip
EX_TAX = _words(
    r"excl\.?\s*(?:vat|tax|btw|mwst|iva|tva|gst)", r"\bex\.?\s*(?:vat|tax|gst)", r"without (?:vat|tax)",
    r"before tax", r"net price", r"\bnetto\b", r"brez ddv", r"hors tax", r"\bht\b", r"sin iva",
    r"senza iva", r"ohne mwst", r"exkl\.?\s*mwst", r"bez dph", r"bez vat", r"bez pdv", r"excl\.? btw",
    r"price-?tax", r"excl-?tax", r"tax-?excl", r"price-?excl", r"price-?net\b", r"netprice",
)  # fmt: skip
RELATED_ATTR = _words(
    r"related", r"recommend", r"similar", r"upsell", r"up-sell", r"cross-?sell", r"also",
    r"recent", r"carousel", r"slider", r"swiper", r"suggest", r"bundle", r"accessor",
    r"complete-the-look", r"you-may", r"\bothers", r"viewed", r"trending", r"popular",
    r"best-?sell", r"more-from", r"product-?list", r"products-?grid", r"product-?grid",
    r"listing", r"widget", r"sponsored", r"minicart", r"mini-cart", r"cart-?drawer",
    r"header-?cart", r"cart-?total", r"basket-?total", r"cart-?summary", r"cart-?preview",
    r"other-?(?:offers?|sellers?|vendors?)", r"more-?(?:offers|sellers|buying)", r"offer-?listing",
    r"marketplace-?offers",
)  # fmt: skip
REGION_TAGS = {"footer", "nav", "header", "aside"}
INLINE_TAGS = {
    "span",
    "strong",
    "b",
    "em",
    "i",
    "small",
    "big",
    "a",
    "label",
    "ins",
    "del",
    "s",
    "sup",
    "bdi",
    "font",
}
OLD_TAGS = {"del", "s", "strike"}
BUY = _words(
    r"add.{0,3}to.{0,3}(?:cart|bag|basket|trolley)", r"buy.{0,3}now", r"\bbuy\b",
    r"in den (?:warenkorb|einkaufswagen)", r"warenkorb", r"ajouter au panier", r"\bpanier\b",
    r"añadir al carrito", r"agregar al carrito", r"\bcomprar\b", r"aggiungi al carrello",
    r"adicionar ao carrinho", r"in winkelwagen", r"toevoegen aan", r"lägg i varukorg",
    r"\bköp\b", r"\bkjøp\b", r"læg i kurv", r"dodaj do koszyka", r"do košíku", r"kosárba",
    r"sepete ekle", r"カートに入れる", r"カートへ", r"加入购物车", r"加入購物車", r"장바구니",
    r"в корзину", r"add-?to-?cart", r"addtocart", r"add_to_cart", r"buy-?button",
)  # fmt: skip
MODAL = _words(r"modal", r"popover", r"pop-?up", r"dialog", r"overlay", r"drawer", r"flyout")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
LINE_THROUGH = re.compile(r"line-through", re.IGNORECASE)
SPACES = re.compile(r"\s+")
DIGITS = re.compile(r"\d")
DIGIT_RUNS = re.compile(r"\d+")
# Words that annotate a price rather than name a cost: "119,01 € zzgl. Versand".
QUALIFIER = _words(
    r"zzgl", r"\bplus\b", r"^\s*\+", r"excl", r"exkl", r"inkl", r"incl", r"\bohne\b", r"\bhors\b",
    r"\bsans\b", r"\bsin\b", r"\bsenza\b", r"\bexcluding\b", r"\bincluding\b", r"\bnot including\b",
)  # fmt: skip


@dataclass
class Candidate:
    amount: Amount
    order: int
    score: float = 0.0
    old: bool = False  # reads as a previous or list price
    reasons: list[str] = field(default_factory=list)

    def add(self, points: float, reason: str) -> None:
        self.score += points
        self.reasons.append(f"{points:+g} {reason}")


@dataclass(frozen=True)
class _Ancestry:
    """A node's ancestors, nearest first, as (mem_id, tag, attribute text)."""

    chain: list[tuple[int, str, str]]

    def attrs(self, levels: int) -> str:
        return " ".join(attrs for _, _, attrs in self.chain[:levels])

    def tags(self) -> set[str]:
        return {tag for _, tag, _ in self.chain}

    def ids(self) -> list[int]:
        return [node_id for node_id, _, _ in reversed(self.chain)]


def clean(tree: LexborHTMLParser) -> None:
    """Drop what is never shown as text."""
    tree.strip_tags(NOISE_TAGS)


def candidates(
    tree: LexborHTMLParser, url: str | None, currency_hint: str | None, product_name: str | None
) -> list[Candidate]:
    """Every short text reading as a price, scored. `product_name` finds the title."""
    body = tree.body
    if body is None:
        return []
    order: dict[int, int] = {}
    digit_nodes: list[LexborNode] = []
    for index, node in enumerate(body.traverse(include_text=True)):
        if node.is_text_node:
            text = node.text(deep=False)
            if any(ch.isdigit() for ch in text) and len(text.strip()) <= SHORT_TEXT:
                digit_nodes.append(node)
        else:
            order[node.mem_id] = index
    title = _title(body, product_name)
    buy = _buy_button(body, order, title)
    page = _Page(
        title_chain=_ancestry(title).ids() if title is not None else [],
        buy_chain=_ancestry(buy).ids() if buy is not None else [],
        buy_order=order.get(buy.mem_id) if buy is not None else None,
    )
    found: dict[int, Candidate] = {}
    for text_node in digit_nodes:
        located = _price_node(text_node, url, currency_hint)
        if located is None:
            continue
        node, amount = located
        if node.mem_id not in found:
            candidate = Candidate(amount, order.get(node.mem_id, 0))
            _score(candidate, node, page)
            found[node.mem_id] = candidate
    result = list(found.values())
    _consensus(result)
    return result


@dataclass(frozen=True)
class _Page:
    """Where the main product sits: its title and its buy button, as root-first id chains."""

    title_chain: list[int]
    buy_chain: list[int]
    buy_order: int | None

    @property
    def block(self) -> int:
        """Depth of the smallest element holding both title and buy button (0: unknown)."""
        if not (self.title_chain and self.buy_chain):
            return 0
        return _common_prefix(self.title_chain, self.buy_chain)


def _price_node(
    text_node: LexborNode, url: str | None, hint: str | None
) -> tuple[LexborNode, Amount] | None:
    """The smallest element around a text that reads as the whole price."""
    node = text_node.parent
    if node is not None and node.tag == "sup" and node.parent is not None:
        node = node.parent  # '99' in 271<sup>99</sup> is the cents of a price
    if node is None:
        return None
    text = _short_text(node)
    amount = parse_amount(text, url, hint) if text is not None else None
    while node.parent is not None and node.parent.tag not in ("body", "html"):
        wider_text = _short_text(node.parent)
        if wider_text is None:
            break
        if len(DIGIT_RUNS.findall(wider_text)) > len(DIGIT_RUNS.findall(text or "")):
            break  # the wider element holds other numbers too ('UVP 149,99 -21%')
        wider = parse_amount(wider_text, url, hint)
        if wider is None:
            break
        gains = amount is None or (
            wider.value == amount.value and amount.mark is None and wider.mark is not None
        )
        if not gains:
            break
        node, amount, text = node.parent, wider, wider_text
    if amount is None:
        return None
    attrs = " ".join(_attr_text(n) for n in _up(node, 2))
    if NOT_PRICE_ATTR.search(attrs) and not PRICE_ATTR.search(_attr_text(node)):
        return None  # a rating, a review count
    if amount.mark is None and not PRICE_ATTR.search(attrs):
        return None  # a bare number: a count, a size, a year
    return node, amount


def _short_text(node: LexborNode) -> str | None:
    """The element's text if it is short, reading <sup>99</sup> cents as decimals."""
    parts: list[str] = []
    length = 0
    for child in node.traverse(include_text=True):
        if child.is_text_node:
            piece = child.text(deep=False)
            parent = child.parent
            if (
                parent is not None
                and parent.tag == "sup"
                and piece.strip().isdigit()
                and len(piece.strip()) == 2
                and parts
                and parts[-1].rstrip()[-1:].isdigit()
            ):
                whole = "".join(parts)
                piece = ("." if "," in whole else "," if "." in whole else ".") + piece.strip()
            parts.append(piece)
            length += len(piece)
            if length > SHORT_TEXT * 2:
                return None
    text = SPACES.sub(" ", "".join(parts)).strip()
    return text if text and len(text) <= SHORT_TEXT else None


def _attr_text(node: LexborNode) -> str:
    attributes = node.attributes
    pieces = [
        attributes.get(name) or ""
        for name in ("class", "id", "itemprop", "data-testid", "data-test", "data-qa", "name")
    ]
    pieces += [
        f"{name} {value or ''}"
        for name, value in attributes.items()
        if name.startswith("data-") and "price" in name
    ]
    return " ".join(piece for piece in pieces if piece).lower()


def _ancestry(node: LexborNode, limit: int = 60) -> _Ancestry:
    chain: list[tuple[int, str, str]] = []
    current: LexborNode | None = node
    while current is not None and current.tag not in ("html", "-document") and len(chain) < limit:
        chain.append((current.mem_id, current.tag or "", _attr_text(current)))
        current = current.parent
    return _Ancestry(chain)


def _neighbour_text(node: LexborNode, *, before: bool, limit: int = 40) -> str:
    """Text right before (or after) the node within its parent, e.g. 'Was:' or '/month'."""
    texts: list[str] = []
    sibling = node.prev if before else node.next
    while sibling is not None and sum(len(t) for t in texts) < limit:
        texts.append(
            sibling.text(deep=True) if not sibling.is_text_node else sibling.text(deep=False)
        )
        sibling = sibling.prev if before else sibling.next
    if before:
        texts.reverse()
    return (
        SPACES.sub(" ", " ".join(texts)).strip()[-limit:]
        if before
        else SPACES.sub(" ", " ".join(texts)).strip()[:limit]
    )


def _score(candidate: Candidate, node: LexborNode, page: _Page) -> None:
    ancestry = _ancestry(node)
    chain = ancestry.ids()
    shared = _common_prefix(chain, page.title_chain) if page.title_chain else len(chain) - 12
    # The candidate's own ancestors, below what it shares with the title:
    # wrappers around the whole page say nothing about this price.
    own_levels = max(1, len(chain) - max(shared, 0))
    own = SPACES.sub(" ", node.text(deep=True)).strip()
    before = _neighbour_text(node, before=True)
    parent = node.parent
    if not before and parent is not None and parent.tag in INLINE_TAGS:
        before = _neighbour_text(parent, before=True)  # "<p>Was <b><i>$30</i></b></p>"
    # The words right before and right after this number, not its neighbours' numbers.
    label = DIGITS.split(before)[-1][-30:]
    tail = DIGITS.split(_neighbour_text(node, before=False))[0][:30]
    near = ancestry.attrs(4)

    if PRICE_ATTR.search(near):
        candidate.add(3, "price-like class")
    if "price" in (node.attributes.get("itemprop") or ""):
        candidate.add(1, "itemprop=price")
    if candidate.amount.mark is not None:
        candidate.add(1, "currency shown")
    signal = _nearest_signal(node, ancestry, levels=min(4, own_levels))
    if signal == "current":
        candidate.add(2, "sale/current class")
    if signal == "old" or OLD_TEXT.search(label) or OLD_TEXT.search(own):
        candidate.old = True
        candidate.add(-6, "previous or list price")
    if SAVING.search(f"{label} {own}") or re.search(r"sav(e|ing)|discount|you-save", near):
        candidate.add(-6, "a saving")
    if (
        SHIPPING.search(f"{label} {own}")
        or SHIPPING.search(near)
        or (SHIPPING.search(tail) and not QUALIFIER.search(tail))
    ):
        candidate.add(-6, "shipping")
    if (
        INSTALMENT.search(f"{own} {tail}")
        or re.search(r"[x×]\s*$", label)
        or INSTALMENT.search(label)
        or re.search(r"instal|klarna|afterpay|affirm|financ|monthly|credit", near)
    ):
        candidate.add(-6, "instalment")
    if PER_UNIT.search(f"{own} {tail}") or PER_UNIT.search(near) or PER_UNIT.search(label):
        candidate.add(-6, "per-unit price")
    if EX_TAX.search(f"{label} {own} {tail}") or EX_TAX.search(ancestry.attrs(2)):
        candidate.add(-6, "before tax")
    own_chain = ancestry.chain[:own_levels]
    if (
        any(RELATED_ATTR.search(attrs) for _, _, attrs in own_chain)
        or {tag for _, tag, _ in own_chain} & REGION_TAGS
    ):
        candidate.add(-5, "related products, header or footer")
    if ancestry.tags() & {"option", "select"}:
        candidate.add(-2, "in a variant list")
    if any(_hidden(n) for n in _up(node, own_levels)):
        candidate.add(-3, "hidden")

    block = page.block
    if block and len(chain) > block and chain[:block] == page.title_chain[:block]:
        candidate.add(4, "in the product block")
    if page.title_chain:
        distance = len(chain) + len(page.title_chain) - 2 * max(shared, 0)
        closeness = 3 if distance <= 6 else 2 if distance <= 10 else 1 if distance <= 14 else 0
        if closeness:
            candidate.add(closeness, f"near the title ({distance})")
    if page.buy_chain:
        distance = len(chain) + len(page.buy_chain) - 2 * _common_prefix(chain, page.buy_chain)
        if distance <= 8:
            candidate.add(1, f"near the buy button ({distance})")
    if page.buy_order is not None and candidate.order > page.buy_order + 400:
        candidate.add(-1, "far below the buy button")


def _nearest_signal(node: LexborNode, ancestry: _Ancestry, levels: int) -> str | None:
    """'old' or 'current', from the nearest element that says either: a sale
    price inside a box classed 'price-regular' is still the sale price."""
    for _, tag, attrs in ancestry.chain[:levels]:
        if tag in OLD_TAGS:
            return "old"
        is_old = bool(OLD_ATTR.search(attrs))
        is_current = bool(CURRENT_ATTR.search(attrs))
        if is_old != is_current:
            return "old" if is_old else "current"
    for current in _up(node, levels):
        if LINE_THROUGH.search(_style(current)):
            return "old"
    return None


def _consensus(found: list[Candidate]) -> None:
    """A price shown twice in good standing (sticky bar, mobile copy) is likelier."""
    for candidate in found:
        if candidate.score <= 0:
            continue
        twins = sum(
            1
            for other in found
            if other is not candidate
            and other.score > 0
            and other.amount.value == candidate.amount.value
        )
        if twins:
            candidate.add(min(1.5, 0.5 * twins), "shown more than once")


def _style(node: LexborNode) -> str:
    return node.attributes.get("style") or ""


def _hidden(node: LexborNode) -> bool:
    attributes = node.attributes
    if "hidden" in attributes or attributes.get("type") == "hidden":
        return True
    return bool(HIDDEN_STYLE.search(attributes.get("style") or ""))


def _up(node: LexborNode, levels: int) -> Iterator[LexborNode]:
    current: LexborNode | None = node
    for _ in range(levels):
        if current is None or current.tag in ("body", "html"):
            return
        yield current
        current = current.parent


def _common_prefix(a: list[int], b: list[int]) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def _title(body: LexborNode, product_name: str | None) -> LexborNode | None:
    """The main product's title: the heading most like the product's name.

    Pages carry stray <h1>s (a cart pop-up, a banner), so each heading is
    scored by the words it shares with the name the page gives elsewhere
    (schema.org name, og:title, <title>); ties go to the first.
    """
    headings = [
        h
        for h in body.css(
            'h1, [itemprop="name"], [id*="title" i], [class*="product-title" i], [class*="product-name" i], [class*="product_title" i]'
        )
        if h.text(deep=True).strip()
        and not any(_hidden(n) or MODAL.search(_attr_text(n)) for n in _up(h, 12))
    ]
    if not headings:
        return None
    wanted = _tokens(product_name or "")

    def likeness(heading: LexborNode) -> tuple[float, int]:
        words = _tokens(heading.text(deep=True)[:300])
        shared = len(words & wanted) / max(1, len(words | wanted)) if wanted else 0.0
        return shared, 1 if heading.tag == "h1" else 0

    return max(headings, key=likeness)


def _tokens(text: str) -> set[str]:
    return {word for word in re.findall(r"\w+", text.lower()) if len(word) > 1}


def _buy_button(
    body: LexborNode, order: dict[int, int], title: LexborNode | None
) -> LexborNode | None:
    after = order.get(title.mem_id, 0) if title is not None else 0
    first = None
    for node in body.css(
        "button, input[type=submit], input[type=button], a[role=button], a[class*=cart]"
    ):
        attributes = node.attributes
        label = " ".join(
            [
                node.text(deep=True)[:60],
                attributes.get("value") or "",
                attributes.get("id") or "",
                attributes.get("class") or "",
                attributes.get("name") or "",
                attributes.get("aria-label") or "",
                attributes.get("data-action") or "",
            ]
        )
        if BUY.search(label):
            if order.get(node.mem_id, 0) >= after:
                return node
            first = first or node
    return first
