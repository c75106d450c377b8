"""How likely a price shown on a page is the main product's current selling price.

A candidate earns points for what marks a selling price and loses them for
what marks anything else. Every weight is named here with why it is what it
is; `tests/test_price_scoring.py` shows each one turning a page's answer.
The scale: a price classed as one, with its currency, next to the title
scores about 7-11; `extraction.CONFIDENT` (3) is the least a page with no
declared price needs. A disqualifying cue (-6) outweighs any two positive
ones, because a struck-through price next to the title is still not the
price to pay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice, pairwise

from selectolax.lexbor import LexborNode

from chalicelib.prices import words
from chalicelib.prices.amounts import AMOUNT_GROUPS, Amount, plus_vat
from chalicelib.prices.dom import (
    SPACES,
    common_prefix,
    hidden,
    line_above,
    neighbour_text,
    shown_nodes,
    shown_text,
    style,
    up,
    wrapped_alone,
)
from chalicelib.prices.layout import REGION_TAGS, Ancestry, Landmarks

# --- what marks the selling price -----------------------------------------------
PRICE_CLASS = 3.0  # in an element classed as a price: the strongest sign a shop gives
ITEMPROP_PRICE = 1.0  # marked itemprop=price: the shop says so to machines too
CURRENCY_SHOWN = 1.0  # written with its currency: a number alone may be anything
PRICE_LABEL = 1.0  # after a word such as "Price:" or "特價"
CURRENT = 2.0  # classed or labelled as the price now ("sale", "Now"): beats a plain price
TAX_IN = 1.0  # labelled tax included (税込, inkl. MwSt.): what a consumer pays
PRODUCT_BLOCK = 4.0  # inside the smallest block that holds the title and the buy button
NEAR_TITLE = ((6, 3.0), (10, 2.0), (14, 1.0))  # (at most this many tree steps, points)
NEAR_BUY = 1.0  # within eight tree steps of the buy button
SHOWN_AGAIN = 0.5  # per other good copy (a sticky bar, a mobile layout) ...
SHOWN_AGAIN_MAX = 1.5  # ... up to this

# --- what marks anything else -----------------------------------------------------
OLD = -6.0  # struck through, or classed or labelled as a previous or list price
SAVING = -6.0  # "you save"
SHIPPING = -6.0  # a delivery charge
INSTALMENT = -6.0  # a monthly payment
PER_UNIT = -6.0  # per kilo, per litre, per 100 g
PER_ITEM = -2.0  # per item ("/unit"): a pack's price beside it is the price
EX_TAX = -6.0  # before VAT: a business price, not what the shop charges a consumer
BULK = -4.0  # a case or a carton of what the page sells one of
THRESHOLD = -6.0  # a spend a promotion asks for ("orders over $50"): no price at all
CONDITIONAL = -6.0  # for members, card holders or a trade-in; a deposit; a conversion; an add-on
RELATED = -5.0  # related products, a product list, another seller's offer, the page's frame
IN_VARIANT_LIST = -2.0  # an option of a <select>: one variant among several
HIDDEN = -3.0  # hidden (display:none): a template, a copy for another variant
FAR_BELOW_BUY = -1.0  # far below the buy button: reviews, recommendations

LEAD_CHARS = 80  # the text read before a price: its label is the last 40 of it
ARIA_LEVELS = 2  # the price's element, or its parent, labelled for screen readers
LABEL_LEVELS = 3  # how far up a price's label is looked for, through ...
LABEL_HOLDERS = {  # ... inline elements, and the cells of label-value pairs
    "span", "strong", "b", "em", "i", "small", "big", "a", "label", "ins", "del", "s", "sup",
    "bdi", "font", "dd", "td",
}  # fmt: skip
OLD_TAGS = {"del", "s", "strike"}
DIGITS = re.compile(r"\d")
# What a price may read as, besides one paid for the product now.
NOT_SELLING = frozenset(
    {
        "old",
        "saving",
        "shipping",
        "instalment",
        "per-unit",
        "ex-tax",
        "bulk",
        "threshold",
        "conditional",
    }
)
ATTACHED = re.compile(r"\s*(?:/|per\s|pro\s|par\s|al\s|a\s|x\s|each\b)")  # "/ month", "a month"
_FULLWIDTH = str.maketrans("\uff08\uff09\uff1a", "():")  # brackets and colon, as in "（税込）"
_TAX_NOTES = (("ex", words.EX_TAX), ("in", words.TAX_IN))
PREVIOUS_NOTE = re.compile(r"^[^\s(]{0,4}\s*\([^)]*\)")  # "円(税抜)": currency, then its note


@dataclass(frozen=True)
class Piece:
    """One of several prices in one text ("Was $40 Now $30"): the text's words before it,
    the price with its currency (and unit: "$2.50 / 100g"), and the words after it."""

    before: str
    own: str
    after: str


@dataclass(frozen=True)
class Wording:
    """What is written around a price, lower case."""

    own: str  # its element's text (or its piece's)
    label: str  # the words right before it, after any number before them
    tail: str  # the words right after it, before any number after them
    lead: str  # the longer text before it (after any number) that its label ends
    more_after: bool  # a number follows its tail: the tail may be that number's label

    @property
    def note(self) -> str:
        """The words after it that are about it: all of them, unless they lead on to
        another number that they label ("₹24,999 EMI starts at ₹1,212", "3,99 €
        Grundpreis: 7,98 €"); what is attached to it ("$30 / month for 12 months") is."""
        return self.tail if not self.more_after or ATTACHED.match(self.tail) else ""


@dataclass
class Candidate:
    amount: Amount
    order: int  # position in the document
    score: float = 0.0
    kinds: set[str] = field(default_factory=set)  # what else it reads as: "old", "ex-tax", ...
    chain: list[int] = field(default_factory=list)  # ancestor ids, root first
    related_at: int | None = None  # the related-products block it sits in
    reasons: list[str] = field(default_factory=list)
    node: LexborNode | None = field(default=None, repr=False, compare=False)  # where it is shown

    @property
    def old(self) -> bool:
        return "old" in self.kinds

    @property
    def selling(self) -> bool:
        """Reads as a price one pays for the product now: nothing else marks it."""
        return not self.kinds & NOT_SELLING

    def add(self, points: float, reason: str, kind: str | None = None) -> None:
        self.score += points
        self.reasons.append(f"{points:+g} {reason}")
        if kind is not None:
            self.kinds.add(kind)


def score(
    candidate: Candidate,
    node: LexborNode,
    found: Ancestry,
    page: Landmarks,
    piece: Piece | None = None,
) -> None:
    """`found`: the node's ancestry; `piece`: the part of the node's text read, where
    it shows several prices."""
    chain = found.ids()
    candidate.chain = chain
    shared = common_prefix(chain, page.title_chain) if page.title_chain else len(chain) - 12
    # The candidate's own ancestors, below what it shares with the title:
    # wrappers around the whole page say nothing about this price.
    own_levels = max(1, len(chain) - max(shared, 0))
    said = _wording(node, piece)
    near = found.attrs(4)
    _marks(candidate, node, near, said.label)
    _not_the_price(candidate, node, found, own_levels, said, near, page)
    _placement(candidate, chain, shared, page)


def _wording(node: LexborNode, piece: Piece | None) -> Wording:
    before, own, after = (text.translate(_FULLWIDTH) for text in _words_around(node, piece))
    # The words right before and right after this number, not its neighbours' numbers
    # (nor a span of days: "lowest in the last 30 days:").
    leads = DIGITS.split(words.DURATION.sub(" ", before).lower())
    label = _own_part(leads[-1][-40:])[-30:] or _aria_label(node)
    tails = DIGITS.split(after.lower())
    tail = tails[0][:30]
    opened = tail.rfind("(")
    if opened > tail.rfind(")"):
        tail = tail[:opened]  # the next price's note opens: "£16.66 ex VAT (£19.99 inc VAT)"
    return Wording(own, label, tail, leads[-1], len(tails) > 1)


def _aria_label(node: LexborNode) -> str:
    """The words a label for screen readers puts before the price, where the page shows
    none: `<span aria-label="Original price $40.00">$40.00</span>`."""
    for element in up(node, ARIA_LEVELS):
        said = (element.attributes.get("aria-label") or "").lower()
        if len(AMOUNT_GROUPS.findall(said)) == 1:
            return DIGITS.split(said)[0][-30:]
    return ""


def _words_around(node: LexborNode, piece: Piece | None) -> tuple[str, str, str]:
    """The text before the price (LEAD_CHARS of it; of a piece, its own text's words
    where there are any), the price's own, and the text after."""
    # The words before it, from the nearest ancestor that has any: "<p>Was <b><i>$30</i></b>",
    # "<dt>Regular price</dt><dd><span>$30</span></dd>", "<td>Our price:</td><td><b>£12</b>".
    node = wrapped_alone(node)  # a framework's bare wrappers around the price are the price
    before, holder = neighbour_text(node, before=True, limit=LEAD_CHARS), node
    for _ in range(LABEL_LEVELS):
        parent = holder.parent
        if before or parent is None or parent.tag not in LABEL_HOLDERS:
            break
        holder = parent
        before = neighbour_text(holder, before=True, limit=LEAD_CHARS)
    above = line_above(holder)
    if above is not None and DIGITS.search(words.DURATION.sub(" ", above)):
        before = ""  # "Spend $100, get $20 off" above: "off" is said of $20, not of this
    after = neighbour_text(node, before=False)
    if not ATTACHED.match(after.lower()):
        # What starts a new line is a statement of its own ("Shipping calculated at
        # checkout"), unless it hangs on the price ("€20,00" then "/ Monat").
        after = neighbour_text(node, before=False, line=True)
    if piece is None:
        return before, shown_text(node).lower(), after
    return piece.before or before, piece.own.lower(), f"{piece.after} {after}"


def _own_part(label: str) -> str:
    """The words before a price, less the note closing the price before it:
    "(税抜)" of "1,000円(税抜) 1,100円", "/kg)" of "(£2.50/kg) Was £12", and
    "ex VAT" of "£16.66 ex VAT (£19.99"."""
    opened, closed = label.rfind("("), label.rfind(")")
    if opened > closed:
        return label[opened + 1 :]
    if closed != -1 and "(" not in label[:closed]:
        return label[closed + 1 :]
    return PREVIOUS_NOTE.sub("", label, count=1)


def _marks(candidate: Candidate, node: LexborNode, near: str, label: str) -> None:
    if words.PRICE_ATTR.search(near):
        candidate.add(PRICE_CLASS, "price-like class")
    if "price" in (node.attributes.get("itemprop") or ""):
        candidate.add(ITEMPROP_PRICE, "itemprop=price")
    if candidate.amount.mark is not None:
        candidate.add(CURRENCY_SHOWN, "currency shown")
    if words.PRICE_LABEL.search(label):
        candidate.add(PRICE_LABEL, "labelled as a price")


def _not_the_price(
    candidate: Candidate,
    node: LexborNode,
    found: Ancestry,
    own_levels: int,
    said: Wording,
    near: str,
    page: Landmarks,
) -> None:
    own, label, tail = said.own, said.label, said.note
    parts = DIGITS.split(own)
    opening, closing = (parts[0], f"{parts[-1]} {tail}") if len(parts) > 1 else (own, tail)
    right_after = f"{parts[-1]} {said.tail}".lstrip()  # up to the next number, if any
    signal = _nearest_signal(node, found, levels=min(4, own_levels))
    if signal == "current":
        candidate.add(CURRENT, "sale/current class")
    elif words.NOW_LABEL.search(f"{label} {opening}"):
        candidate.add(CURRENT, "labelled as the price now")
    labelled_old = bool(
        words.OLD_TEXT.search(label)
        or words.OLD_TEXT.search(own)
        or words.LOWEST_RECENT.search(f"{said.lead} {own}")
    )
    if signal in ("old", "old-class") or labelled_old:
        candidate.add(OLD, "previous or list price", "old")
        if signal == "old-class" and not labelled_old:
            candidate.kinds.add("old-class")  # only its class says so
    if (
        words.SAVING.search(f"{label} {own}")
        or words.SAVING_AFTER.match(right_after)
        or words.SAVING_ATTR.search(near)
        or words.DISCOUNT_ATTR.search(found.attrs(1))
    ):
        candidate.add(SAVING, "a saving", "saving")
    # A delivery named before the price is its cost; named after it, it may be a note
    # on the price ("30,00 € zzgl. Versand", "$30 + free shipping").
    if (
        words.SHIPPING.search(f"{label} {opening}")
        or words.SHIPPING.search(near)
        or (words.SHIPPING.search(closing) and not words.QUALIFIER.search(closing))
    ):
        candidate.add(SHIPPING, "shipping", "shipping")
    if (
        words.INSTALMENT.search(f"{own} {tail}")
        or words.INSTALMENT.search(label)
        or words.INSTALMENT_ATTR.search(near)
    ):
        candidate.add(INSTALMENT, "instalment", "instalment")
    said_unit = f"{own} {tail} {label}"
    if words.PER_UNIT.search(said_unit) or words.PER_UNIT.search(near):
        # What the text says outweighs a class name: "£1.39/unit" classed "pricePerUnit" is
        # the price of one, not per litre.
        per_item = words.PER_ITEM.search(said_unit)
        if words.PER_MEASURE.search(said_unit) or not per_item:
            candidate.add(PER_UNIT, "per-unit price", "per-unit")
        else:
            candidate.add(PER_ITEM, "the price of one item")
    if words.BULK.search(f"{label} {own} {tail}"):
        candidate.add(BULK, "a case or carton", "bulk")
    if (
        words.CONDITIONAL.search(f"{label} {opening}")
        or words.CONDITIONAL_AFTER.match(right_after)
        or words.TAX_ALONE.fullmatch(opening)
    ):
        candidate.add(CONDITIONAL, "a price some pay, or a charge beside it", "conditional")
    if words.THRESHOLD_BEFORE.search(f"{label} {opening}") or words.THRESHOLD_AFTER.match(
        right_after
    ):
        candidate.add(THRESHOLD, "a spend a promotion asks for", "threshold")
    tax = _tax_said(said)  # what the page says outweighs what a class name says
    if tax == "ex" or (tax is None and words.EX_TAX.search(found.attrs(2))):
        candidate.add(EX_TAX, "before tax", "ex-tax")
    elif tax == "in":
        candidate.add(TAX_IN, "tax included", "tax-in")
    own_chain = found.chain[:own_levels]
    related = [
        (node_id, attrs)
        for node_id, _, attrs in own_chain
        if _RELATED_NAMES(attrs) or node_id in page.headed_elsewhere
    ]
    region = {tag for _, tag, _ in own_chain} & REGION_TAGS
    # "Your basket: 2 items £34.98", not an "Add to cart - £19.99" button
    basket = words.BASKET_TEXT.search(own) and not words.BUY_ACTION.search(own)
    if related or region or basket or words.OTHER_OFFERS.search(f"{label} {own}"):
        # Only a moving block (a slider) may turn out to be the product's own: its outermost.
        if related and not region and all(words.MOVING_ATTR.search(a) for _, a in related):
            candidate.related_at = related[-1][0]
        candidate.add(
            RELATED, "related products, another offer, header, footer or basket", "related"
        )
    if found.tags() & {"option", "select"}:
        candidate.add(IN_VARIANT_LIST, "in a variant list")
    if any(hidden(n) for n in up(node, own_levels)):
        candidate.add(HIDDEN, "hidden", "hidden")


def _tax_said(said: Wording) -> str | None:
    """The tax note nearest the price, "ex" or "in": in its own text, else in the words
    after it that are about it, else in its label ("£16.66 exc. VAT £19.99 inc. VAT",
    "excl. VAT €10 incl. VAT €12.10")."""
    return _first_note(said.own) or _first_note(said.note) or _first_note(said.label, last=True)


def _first_note(text: str, *, last: bool = False) -> str | None:
    found = [(m.start(), kind) for kind, p in _TAX_NOTES for m in p.finditer(text)]
    return (max(found) if last else min(found))[1] if found else None


def _placement(candidate: Candidate, chain: list[int], shared: int, page: Landmarks) -> None:
    block = page.block
    if block and len(chain) > block and chain[:block] == page.title_chain[:block]:
        candidate.add(PRODUCT_BLOCK, "in the product block")
    if page.title_chain:
        distance = len(chain) + len(page.title_chain) - 2 * max(shared, 0)
        points = next((p for most, p in NEAR_TITLE if distance <= most), 0.0)
        if points:
            candidate.add(points, f"near the title ({distance})")
    if page.buy_chain:
        distance = len(chain) + len(page.buy_chain) - 2 * common_prefix(chain, page.buy_chain)
        if distance <= 8:
            candidate.add(NEAR_BUY, f"near the buy button ({distance})")
    if page.buy_order is not None and candidate.order > page.buy_order + 400:
        candidate.add(FAR_BELOW_BUY, "far below the buy button")


def _nearest_signal(node: LexborNode, found: Ancestry, levels: int) -> str | None:
    """'old' (struck through), 'old-class' or 'current', from the nearest element
    that says either: a sale price inside a box classed 'price-regular' is still
    the sale price."""
    for current in up(node, levels):
        if current.tag in OLD_TAGS or words.LINE_THROUGH.search(style(current)):
            return "old"
    for attrs in found.named(levels):
        is_old, is_current = _OLD_NAMES(attrs), _CURRENT_NAMES(attrs)
        if is_old != is_current:
            return "old-class" if is_old else "current"
    return None


# What an element's class and id names say of the prices inside it.
_OLD_NAMES, _CURRENT_NAMES, _RELATED_NAMES = map(
    words.remembered, (words.OLD_ATTR, words.CURRENT_ATTR, words.RELATED_ATTR)
)


def settle(found: list[Candidate]) -> None:
    """What a candidate's neighbours tell: once every price on the page is scored."""
    _net_beside_gross(found)
    _discounted_pairs(found)
    _lone_blocks(found)
    _lone_old(found)
    _consensus(found)


PRICE_BOX_LEVELS = 3  # two prices within this many levels of each other are one price box
BOX_TEXT, BOX_TEXTS = 200, 40  # what of a price box is read for the discount it states
DISCOUNT_LEVELS = 2  # how far up from the price box a block may state its discount
PERCENT = re.compile(r"(\d{1,2}(?:[.,]\d+)?)\s?%")


def _net_beside_gross(found: list[Candidate]) -> None:
    """Beside a price labelled tax included, the price it is with VAT added is the price
    before tax, said or not ("3,000円 (税込3,300円)")."""
    for gross in (c for c in found if "tax-in" in c.kinds):
        depth = len(gross.chain) - PRICE_BOX_LEVELS
        for other in found:
            if (
                other.selling
                and common_prefix(other.chain, gross.chain) >= depth
                and plus_vat(other.amount.value, gross.amount.value)
            ):
                other.add(EX_TAX, "the price before the tax beside it", "ex-tax")


def _discounted_pairs(found: list[Candidate]) -> None:
    """Of two prices side by side in one box that states the discount between them
    ("$98.00 $68.00 Save $30", "... -30%"), the higher is the price before it, though
    only the stylesheet strikes it through (class names a build tool made up); not
    where the box offers them as choices ("One-time $29.99 / Subscribe & save 10% $26.99")."""
    selling = sorted((c for c in found if c.selling and c.node is not None), key=lambda c: c.order)
    savings = [c for c in found if "saving" in c.kinds]
    stated: dict[int, list[Decimal] | None] = {}  # per element: its percentages, None for choices
    for first, second in pairwise(selling):
        high, low = sorted((first, second), key=lambda c: c.amount.value, reverse=True)
        cut = high.amount.value - low.amount.value
        shared = common_prefix(high.chain, low.chain)
        if cut <= 0 or shared < max(len(high.chain), len(low.chain)) - PRICE_BOX_LEVELS:
            continue
        box = _box(high, shared)
        if box is None:
            continue
        percentages = _percentages_around(box, stated)
        if percentages is None:
            continue
        saved = any(
            s.amount.value == cut and common_prefix(s.chain, high.chain) >= shared for s in savings
        )
        percent = cut / high.amount.value * 100
        if saved or any(abs(p - percent) < 1 for p in percentages):  # as shops round it
            high.add(OLD, "the higher of two prices its discount joins", "old")


def _box(price: Candidate, depth: int) -> LexborNode | None:
    """The price's ancestor `depth` levels from the root."""
    ancestors = list(up(price.node, len(price.chain) - depth + 1)) if price.node is not None else []
    return ancestors[-1] if ancestors else None


def _percentages_around(
    box: LexborNode, stated: dict[int, list[Decimal] | None]
) -> list[Decimal] | None:
    """The box's percentages, else those of the block around it, up to DISCOUNT_LEVELS
    ("Discount 40%" over a box of "$19.99" and "$11.99"); each element read once
    (`stated`: by its id)."""
    percentages: list[Decimal] | None = []
    for level, element in enumerate(up(box, DISCOUNT_LEVELS + 1)):
        if element.mem_id not in stated:
            stated[element.mem_id] = _percentages(element, own_box=level == 0)
        percentages = stated[element.mem_id]
        if percentages != []:
            break
    return percentages


def _percentages(box: LexborNode, *, own_box: bool = True) -> list[Decimal] | None:
    """The percentages the box's opening text states; None where it offers choices (for a
    block around the box, looked for only where it states some)."""
    texts = ((n.text_content or "") for n in shown_nodes(box) if n.is_text_node)
    opening = SPACES.sub(" ", " ".join(islice(texts, BOX_TEXTS)))[:BOX_TEXT]
    found = [Decimal(p.replace(",", ".")) for p in PERCENT.findall(opening)]
    return None if (found or own_box) and box.css_first("input, select") else found


def _lone_old(found: list[Candidate]) -> None:
    """A price only its class calls old ("price-old-live"), with no price to pay beside
    it, is the price: a shop's class names are not always what they say."""
    for candidate in found:
        if "old-class" not in candidate.kinds:
            continue
        depth = len(candidate.chain) - PRICE_BOX_LEVELS
        beside = [
            other
            for other in found
            if other is not candidate
            and other.amount.value != candidate.amount.value
            and other.selling
            and other.score > 0
            and common_prefix(other.chain, candidate.chain) >= depth
        ]
        if not beside:
            candidate.kinds -= {"old", "old-class"}
            candidate.add(-OLD, "no price to pay beside it")


def _lone_blocks(found: list[Candidate]) -> None:
    """A slider or carousel showing one product's price (and its old price) is that
    product's own banner, not a list of others: its prices keep their points."""
    blocks = {c.related_at for c in found if c.related_at is not None}
    values: dict[int, set[object]] = {block: set() for block in blocks}
    for candidate in found:
        if not candidate.old:
            for block in blocks.intersection(candidate.chain):
                values[block].add(candidate.amount.value)
    for candidate in found:
        at = candidate.related_at
        if at is not None and len(values.get(at, ())) <= 1:
            candidate.kinds.discard("related")
            candidate.add(-RELATED, "its block shows one product")


def _consensus(found: list[Candidate]) -> None:
    """A price shown twice in good standing (sticky bar, mobile copy) is likelier; one
    read both in an element and in one around it ("Subscribe & save 10% <span>$26.99")
    is shown once."""
    for candidate in found:
        if candidate.score <= 0:
            continue
        twins = sum(
            1
            for other in found
            if other is not candidate
            and other.score > 0
            and other.amount.value == candidate.amount.value
            and common_prefix(other.chain, candidate.chain)
            < min(len(other.chain), len(candidate.chain))
        )
        if twins:
            candidate.add(min(SHOWN_AGAIN_MAX, SHOWN_AGAIN * twins), "shown more than once")
