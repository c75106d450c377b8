"""Prices a page declares for machines: schema.org Product offers in JSON-LD,
microdata and RDFa, then OpenGraph/product meta tags.

Declared prices are evidence, not answers: shops leave a list price in the
markup next to a visible sale price, tag an ex-VAT price in og:price, or
list a second, hidden offer. `extraction` weighs them against the page.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from chalicelib.prices import words
from chalicelib.prices.amounts import parse_amount, parse_machine
from chalicelib.prices.currency_marks import currency_of
from chalicelib.prices.dom import tokens

PRODUCT_TYPES = {
    "product",
    "productgroup",
    "individualproduct",
    "productmodel",
    "someproducts",
    "vehicle",
    "car",
    "book",
}
# Keys under which schema.org nests *other* products.
RELATED_KEYS = {
    "isrelatedto",
    "issimilarto",
    "isaccessoryorsparepartfor",
    "isconsumablefor",
    "relatedlink",
    "isvariantof",
}
REGULAR_PRICE_TYPES = re.compile(r"listprice|strikethrough|msrp|srp|regular|invoice", re.I)
MAX_JSON_LD_BYTES = 2_000_000
MAX_DEPTH = 24
TWITTER_FIELDS = (1, 2)  # the label/data pairs a Twitter product card has
LISTED_LEVELS = 3  # how far up from a product's item the tiles alike are looked for
_STOCK_LABEL = re.compile(r"availab|stock|verfügbar|disponib")  # ...one saying the stock


@dataclass(frozen=True)
class Declared:
    value: Decimal
    currency: str | None
    source: str  # "json-ld", "microdata", "rdfa" or "meta"
    regular: bool = False  # a list or strikethrough price, not the selling price
    product: str | None = None  # the product's name, to tell the main product apart
    related: bool = False  # nested under another item (a list, a related product)


def declared_prices(tree: LexborHTMLParser, url: str | None) -> list[Declared]:
    return [
        *_json_ld(tree, url),
        *_inline(tree, url, MICRODATA),
        *_inline(tree, url, RDFA),
        *_meta(tree, url),
    ]


class Stated(NamedTuple):
    """One offer's declared availability, with its price where the declaration gives it."""

    value: str
    price: Decimal | None


def declared_availability(tree: LexborHTMLParser) -> list[tuple[str | None, list[Stated]]]:
    """What the page declares of each product's availability, as (name, statements) per
    product (offers of one name are one product's sizes or colours), most trusted
    first: JSON-LD, then microdata and RDFa in page order, then meta tags."""
    found: dict[object, list[Stated]] = {}
    for script in tree.css('script[type*="ld+json"]'):
        data = _load(script.text(deep=True))
        unnamed: dict[int, object] = {}  # a key for each unnamed product of this script
        for product, related, owner in _products(data, related=False, depth=0) if data else ():
            if not related:
                values = _offer_availability(product.get("offers"), depth=0)
                holder = unnamed.setdefault(id(owner), object())
                found.setdefault(_group(owner.get("name"), holder), []).extend(values)
    for syntax in (MICRODATA, RDFA):
        tiles: _Tiles = {}
        for element in tree.css(syntax.availability):
            value = element.attributes.get("href") or _content(element)
            item = _product_of(element, syntax)
            if value and not (item is not None and _listed(item, syntax, tiles)):
                holder = item.mem_id if item is not None else ("unscoped", syntax.source)
                found.setdefault(_group(_name_in(item, syntax.name), holder), []).append(
                    Stated(value, None)
                )
    found[("unscoped", "meta")] = [
        Stated(value, None) for tag in tree.css(META_AVAILABILITY) if (value := _content(tag))
    ] + [
        Stated(value, None)
        for label, data in _twitter_fields(_meta_tags(tree))
        if _STOCK_LABEL.search(label) and (value := _stock_count(data) or data)
    ]
    return [
        (key if isinstance(key, str) else None, values) for key, values in found.items() if values
    ]


def _group(name: object, holder: object) -> object:
    """One product's offers: by its name (see `product_key`), else by what holds them."""
    return product_key(name) if isinstance(name, str) and name.strip() else holder


def product_key(name: str) -> str:
    """A product's name as compared: spacing and case aside."""
    return " ".join(name.split()).lower()


def named_alike(name: str | None, names_shown: set[str]) -> bool:
    """A declared name sharing a word with those the page shows (its titles, its main
    headings), or either missing: not another product's, whose markup may be all a page
    declares (a tile's microdata, a related product's JSON-LD)."""
    return not name or not names_shown or bool(tokens(name) & names_shown)


def named_as_shown(name: str | None, names_shown: set[str]) -> bool:
    """A declared name half of whose words, at least, the page shows: the product's own
    ("Desk lamp, blue"), not another sharing a word with it ("Brass Floor Lamp")."""
    named = tokens(name) if name else set()
    return not named or not names_shown or 2 * len(named & names_shown) >= len(named)


META_AVAILABILITY = (
    'meta[property="product:availability"], meta[property="og:availability"], '
    'meta[name="product:availability"]'
)


def _offer_availability(offers: object, depth: int) -> list[Stated]:
    if depth > 4:
        return []
    found: list[Stated] = []
    for offer in offers if isinstance(offers, list) else [offers]:
        if isinstance(offer, dict):
            value, price = offer.get("availability"), _value(offer.get("price"), None)
            if value is None:
                value = _stock_count(offer.get("inventoryLevel"))
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, dict):  # a node: {"@id": "https://schema.org/InStock"}
                    v = v.get("@id") or v.get("name")
                if isinstance(v, str):
                    found.append(Stated(v, price))
            found += _offer_availability(offer.get("offers"), depth + 1)
    return found


def _stock_count(level: object) -> str | None:
    """An offer's `inventoryLevel` where it states no availability: none left is sold out."""
    count = level.get("value") if isinstance(level, dict) else level
    if isinstance(count, str) and count.strip().isdigit():
        count = int(count)
    if isinstance(count, bool) or not isinstance(count, int | float):
        return None
    return "https://schema.org/InStock" if count > 0 else "https://schema.org/OutOfStock"


# --- JSON-LD -----------------------------------------------------------------


def _json_ld(tree: LexborHTMLParser, url: str | None) -> Iterator[Declared]:
    for script in tree.css('script[type*="ld+json"]'):
        data = _load(script.text(deep=True))
        if data is not None:
            for product, related, _ in _products(data, related=False, depth=0):
                yield from _offers(product, url, related)


def _load(text: str) -> Any:
    """The script's JSON, read leniently: shops' templates and hand edits leave comments,
    trailing commas or semicolons, HTML entities, single quotes, two objects in a row."""
    if len(text) > MAX_JSON_LD_BYTES:
        return None
    text = text.strip().lstrip("\ufeff").removeprefix("<!--").removesuffix("-->").strip()
    text = text.removeprefix("//<![CDATA[").removesuffix("//]]>").strip().rstrip(";")
    if "&quot;" in text and '"' not in text:
        text = html.unescape(text)
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", _JS_TOKENS.sub(_as_json, text)).strip()
    try:
        return _values(repaired)
    except (ValueError, RecursionError):
        pass
    try:  # a comma left out between a value and the next key: "39.99" "priceCurrency"
        return _values(_STRINGS.sub(_comma_between, repaired))
    except (ValueError, RecursionError):
        return None


# A string in double or single quotes, or a comment (read in one pass, so that "//" in a
# string's URL is no comment), or a template's tag left unfilled ({{ sku }}, {% if %}).
# Each runs to the text's end where it is not closed: one that failed would be tried
# again from each quote after it (minutes on a hostile page).
_DOUBLE_QUOTED = r'"(?:[^"\\]|\\.?)*+(?:"|\Z)'  # unclosed: to the text's end
_JS_TOKENS = re.compile(
    _DOUBLE_QUOTED + r"|'(?:[^'\\]|\\.?)*+(?:'|\Z)|//[^\n]*|/\*.*?(?:\*/|\Z)|"
    r"\{\{[^{}]*\}\}|\{%[^{}]*%\}",
    re.DOTALL,
)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# Each string of repaired JSON in turn, and whether another string follows it.
_STRINGS = re.compile(_DOUBLE_QUOTED + r'(?=\s*("))?')


def _as_json(token: re.Match[str]) -> str:
    """A string in JSON's quotes, its escaped single quotes unescaped; a comment dropped;
    a template's tag a null."""
    found = token.group(0)
    if found.startswith("/"):
        return " "
    if found.startswith("{"):
        return "null"  # a template's value never filled in
    if len(found) < 2 or found[-1] != found[0]:
        return found  # not closed: the text is no JSON whatever is done
    inner = found[1:-1].replace("\\'", "'")
    if found[0] == "'":
        inner = inner.replace('\\"', '"').replace('"', '\\"')
    return f'"{inner}"'


def _comma_between(string: re.Match[str]) -> str:
    return string.group(0) + ("," if string.group(1) else "")


def _values(text: str) -> Any:
    """One JSON value, or several written one after another (as a list)."""
    decoder = json.JSONDecoder(strict=False)
    found, at = [], 0
    while at < len(text):
        value, at = decoder.raw_decode(text, at)
        found.append(value)
        while at < len(text) and text[at] in " \t\r\n;,":
            at += 1
    return found[0] if len(found) == 1 else found


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", ())
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    return {str(k).rsplit("/", 1)[-1].lower() for k in kinds}


def _products(
    data: Any, *, related: bool, depth: int, owner: dict[str, Any] | None = None
) -> Iterator[tuple[dict[str, Any], bool, dict[str, Any]]]:
    """Each product with whether it is a related item, and the outermost product it is
    part of (a ProductGroup's variants are its own)."""
    if depth > MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _products(item, related=related, depth=depth + 1, owner=owner)
        return
    if not isinstance(data, dict):
        return
    kinds = _types(data)
    if kinds & PRODUCT_TYPES or ("offers" in data and not kinds & {"offer", "aggregateoffer"}):
        owner = owner or data
        yield data, related, owner
    for key, value in data.items():
        lowered = key.lower()
        if lowered in ("offers", "@context"):
            continue
        nested_related = related or lowered in RELATED_KEYS or lowered == "itemlistelement"
        if lowered == "hasvariant":
            nested_related = related
        part_of = owner if lowered == "hasvariant" else None
        yield from _products(value, related=nested_related, depth=depth + 1, owner=part_of)


def _offers(product: dict[str, Any], url: str | None, related: bool) -> Iterator[Declared]:
    name = product.get("name") if isinstance(product.get("name"), str) else None
    offers = product.get("offers")
    for offer in offers if isinstance(offers, list) else [offers]:
        if isinstance(offer, dict):
            yield from _offer(offer, name, url, related, depth=0)


def _offer(
    offer: dict[str, Any], name: str | None, url: str | None, related: bool, depth: int
) -> Iterator[Declared]:
    if depth > 4:
        return
    currency = _currency(offer.get("priceCurrency"), url)
    for key in ("price", "lowPrice"):
        value = _value(offer.get(key), url)
        if value is not None:
            yield Declared(value, currency, "json-ld", product=name, related=related)
            break
    specs = offer.get("priceSpecification")
    for spec in specs if isinstance(specs, list) else [specs]:
        if isinstance(spec, dict):
            value = _value(spec.get("price"), url)
            if value is not None:
                regular = bool(REGULAR_PRICE_TYPES.search(str(spec.get("priceType", ""))))
                spec_currency = _currency(spec.get("priceCurrency"), url) or currency
                yield Declared(value, spec_currency, "json-ld", regular, name, related)
    nested = offer.get("offers")  # an AggregateOffer listing its offers
    for inner in nested if isinstance(nested, list) else [nested]:
        if isinstance(inner, dict):
            yield from _offer(inner, name, url, related, depth + 1)


def _value(raw: object, url: str | None) -> Decimal | None:
    if isinstance(raw, dict):  # a value node: {"@value": "49.99"}
        raw = raw.get("@value")
    value = parse_machine(raw)
    if value is None and isinstance(raw, str):
        amount = parse_amount(raw, url)
        value = amount.value if amount else None
    return value


def _currency(raw: object, url: str | None) -> str | None:
    return currency_of(raw, url) if isinstance(raw, str) else None


# --- microdata and RDFa ------------------------------------------------------


class _Inline(NamedTuple):
    """Where microdata and RDFa put a price, its currency, availability and product."""

    source: str
    prices: str
    scope: str  # the attribute opening an item
    currency: str
    kind: str  # the attribute naming an item's type
    name: str
    availability: str


MICRODATA = _Inline(
    "microdata",
    '[itemprop~="price"], [itemprop~="lowPrice"]',
    "itemscope",
    '[itemprop~="priceCurrency"]',
    "itemtype",
    '[itemprop~="name"]',
    '[itemprop~="availability"]',
)
RDFA = _Inline(
    "rdfa",
    '[property="schema:price"], [property="price"], [property="schema:lowPrice"]',
    "typeof",
    '[property="schema:priceCurrency"], [property="priceCurrency"]',
    "typeof",
    '[property="schema:name"], [property="name"]',
    '[property="schema:availability"], [property="availability"]',
)


def _inline(tree: LexborHTMLParser, url: str | None, syntax: _Inline) -> Iterator[Declared]:
    tiles: _Tiles = {}
    for element in tree.css(syntax.prices):
        value = _value(_content(element), url)
        if value is None:
            continue
        scope = _ancestor(element, lambda n: syntax.scope in n.attributes)
        tag = scope.css_first(syntax.currency) if scope is not None else None
        currency = _currency(_content(tag), url) if tag is not None else None
        product = _product_of(element, syntax)
        yield Declared(
            value,
            currency or _currency_near(element, url),
            syntax.source,
            product=_name_in(product, syntax.name),
            related=product is None or _listed(product, syntax, tiles),
        )


# Per parent and kind of item: how many of its children of each tag and class are, or
# hold, an item of that kind (`_listed`), counted once however many tiles ask.
_Tiles = dict[tuple[int, str | None], Counter[tuple[str | None, str | None]]]


def _listed(item: LexborNode, syntax: _Inline, tiles: _Tiles) -> bool:
    """One of several products alike, each in an element alike, a few levels up at most:
    a list of other products' tiles (the page's own product is one of a kind)."""
    kind = item.attributes.get(syntax.kind)
    node = item
    for _ in range(LISTED_LEVELS):
        parent = node.parent
        if parent is None:
            return False
        if (parent.mem_id, kind) not in tiles:
            tiles[parent.mem_id, kind] = Counter(
                (child.tag, child.attributes.get("class"))
                for child in parent.iter()
                if child.attributes.get(syntax.kind) == kind or _holds_kind(child, syntax, kind)
            )
        if tiles[parent.mem_id, kind][node.tag, node.attributes.get("class")] > 1:
            return True
        node = parent
    return False


def _holds_kind(element: LexborNode, syntax: _Inline, kind: str | None) -> bool:
    if not kind or '"' in kind:
        return False
    return element.css_first(f'[{syntax.kind}="{kind}"]') is not None


def _product_of(element: LexborNode, syntax: _Inline) -> LexborNode | None:
    """The item of a product type that the element belongs to, if any."""
    return _ancestor(element, lambda n: "product" in (n.attributes.get(syntax.kind) or "").lower())


def _meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    """Each meta tag's content by its name, the first of a name; Twitter's cards write
    theirs in `value`."""
    tags: dict[str, str] = {}
    for tag in tree.css("meta[property], meta[name]"):
        name = tag.attributes.get("property") or tag.attributes.get("name") or ""
        content = tag.attributes.get("content") or tag.attributes.get("value")
        if content and name not in tags:
            tags[name] = content
    return tags


def _twitter_fields(tags: dict[str, str]) -> Iterator[tuple[str, str]]:
    """Twitter's product card: (label, data) pairs, "Price" / "$49.00 USD"."""
    for n in TWITTER_FIELDS:
        label, data = tags.get(f"twitter:label{n}"), tags.get(f"twitter:data{n}")
        if label and data:
            yield label.lower(), data


def _meta(tree: LexborHTMLParser, url: str | None) -> Iterator[Declared]:
    tags = _meta_tags(tree)

    def meta(name: str) -> str | None:
        return tags.get(name)

    sale = _value(meta("product:sale_price:amount"), url)
    if sale is not None:
        yield Declared(sale, _currency(meta("product:sale_price:currency"), url), "meta")
    for prefix in ("product:price", "og:price"):
        # Most shops write prefix:amount and prefix:currency; some just prefix ("30,000원~").
        raw = meta(f"{prefix}:amount") or meta(prefix)
        value = _value(raw, url)
        if value is not None:
            amount = parse_amount(raw or "", url)
            currency = _currency(meta(f"{prefix}:currency"), url) or (
                amount.currency if amount else None
            )
            yield Declared(value, currency, "meta", regular=sale is not None and sale != value)
    for label, data in _twitter_fields(tags):
        if words.PRICE_LABEL.search(label):
            amount = parse_amount(data, url)
            if amount is not None:
                yield Declared(amount.value, amount.currency, "meta")


def _content(element: LexborNode | None) -> str | None:
    if element is None:
        return None
    for attribute in ("content", "value", "data-price"):
        value = element.attributes.get(attribute)
        if value:
            return value
    return element.text(deep=True).strip() or None


def _currency_near(element: LexborNode, url: str | None) -> str | None:
    amount = parse_amount(element.text(deep=True), url)
    return amount.currency if amount else None


def _ancestor(element: LexborNode, test: Any) -> LexborNode | None:
    node = element.parent
    while node is not None and node.tag not in ("html", "-document"):
        if test(node):
            return node
        node = node.parent
    return None


def _name_in(scope: LexborNode | None, selector: str) -> str | None:
    if scope is None:
        return None
    tag = scope.css_first(selector)
    return _content(tag) if tag is not None else None
