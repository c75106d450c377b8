"""The main product's current selling price, from a product page's HTML."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from chalicelib.money import minor_digits
from chalicelib.prices.amounts import Amount, plus_vat
from chalicelib.prices.currency_marks import country_currency, in_region, locale_currency
from chalicelib.prices.decoding import parser_input
from chalicelib.prices.dom import tokens
from chalicelib.prices.layout import PageView
from chalicelib.prices.scoring import Candidate
from chalicelib.prices.stock import availability_of, declared_stock, disabled, shown_stock
from chalicelib.prices.structured import (
    Declared,
    declared_availability,
    declared_prices,
    named_alike,
    product_key,
)
from chalicelib.prices.visible import candidates, clean

MAX_HTML_CHARS = 5_000_000  # characters, or bytes of a page in UTF-8 (`parser_input`)
# Choices (<option>) a page keeps: Lexbor takes time growing with the square of a list's
# length to parse it (40,000 in one list took 15 s), and a shop's longest lists are a
# quantity picker's thousand and a country picker's few hundred.
MAX_OPTIONS = 5_000
_OPTION_OPENS = re.compile(r"<option\b", re.IGNORECASE)
_OPTION_OPENS_IN_BYTES = re.compile(_OPTION_OPENS.pattern.encode(), re.IGNORECASE)
_OPTION_TAGS = re.compile(r"<(/?)option\b", re.IGNORECASE)
CONFIDENT = 3.0  # enough evidence for a price the page shows
STRONG = 8.0  # a price shown where the product's price belongs, with a currency
SOURCE_TRUST = {"json-ld": 0, "microdata": 1, "rdfa": 2, "meta": 3}
MAX_MAIN_HEADINGS = 3  # <h1>s read for the product's name


@dataclass(frozen=True)
class Price:
    amount: Decimal
    currency: str | None  # ISO 4217; None when neither the page nor its domain tells


@dataclass(frozen=True)
class Offer:
    """What a competitor's page offers: a price (or none shown) and whether it can be bought."""

    amount: Decimal | None
    currency: str | None
    availability: str | None  # "in_stock", "out_of_stock"; None: no status and no price shown
    flags: tuple[str, ...] = ()  # "pre-order", "back-order"


def extract_price(
    html: str | bytes, url: str | None = None, *, charset: str | None = None
) -> Price | None:
    """The main product's current selling price, or None when no price is certain enough.

    Declared prices (schema.org, meta tags) are checked against what the page
    shows: a declared price the page shows as the selling price wins; one the
    page shows struck through, before tax or as a saving, or nowhere as a price
    while the price's place shows another, loses to the visible selling price;
    with nothing declared, the best-placed visible price must clear a confidence
    bar.
    """
    offer = extract_offer(html, url, charset=charset)
    if offer.amount is None:
        return None
    return Price(offer.amount, offer.currency)


def extract_offer(
    html: str | bytes, url: str | None = None, *, charset: str | None = None
) -> Offer:
    """The main product's price and availability (`stock/` says how availability is read).
    `charset`: the one the server's Content-Type named, for bytes (`decoding.py`)."""
    page = parser_input(html, charset, url) if isinstance(html, bytes) else html
    tree = LexborHTMLParser(_options_bounded(page[:MAX_HTML_CHARS]))
    declared = declared_prices(tree, url)
    names_shown = tokens(" ".join(_names_shown(tree)))
    selling = [d for d in _main_offers(declared) if named_alike(d.product, names_shown)]
    declared_currency = next((d.currency for d in declared if d.currency), None)
    country = country_currency(url)
    page_currency = declared_currency or country  # reads unmarked amounts
    local = None if country else _region_currency(tree)  # reads "$", "kr" on a .com shop
    declared_name = _best_named((d.product for d in selling if d.product), names_shown)
    main = product_key(declared_name) if declared_name else None
    stated = declared_availability(tree)
    product_name = declared_name or _page_title(tree)
    document_title = _document_title(tree)  # read before `clean` drops the head's text
    clean(tree)
    view = PageView.of(tree, product_name, url)
    shown = candidates(view, url, page_currency) if view is not None else []
    price = _decide(selling, shown, page_currency, declared_currency=declared_currency, local=local)
    button = view.buy_button if view is not None else None
    can_buy = button is not None and not disabled(button)
    markup = declared_stock(
        stated, main, price.amount if price else None, names_shown if can_buy else None
    )
    stock = availability_of(
        markup,
        shown_stock(view, _where_shown(shown, price), markup, document_title)
        if view is not None
        else None,
        can_buy=can_buy,
        priced=price is not None,
    )
    return Offer(
        price.amount if price else None,
        price.currency if price else None,
        stock.availability if stock else None,
        (stock.flag,) if stock and stock.flag else (),
    )


def _best_named(names: Iterable[str], names_shown: set[str]) -> str | None:
    """Of the products the markup sells, the one sharing most words with the names the
    page shows (a related product of a word in common may come first), else the first."""
    return max(names, key=lambda name: len(tokens(name) & names_shown), default=None)


def _page_title(tree: LexborHTMLParser) -> str | None:
    tag = tree.css_first('meta[property="og:title"]')
    if tag is not None and tag.attributes.get("content"):
        return tag.attributes["content"]
    return _document_title(tree)


def _document_title(tree: LexborHTMLParser) -> str | None:
    title = tree.css_first("title")
    return title.text(deep=True) if title is not None else None


def _region_currency(tree: LexborHTMLParser) -> str | None:
    """The currency of the country the page says it is written for: its language's region
    (`<html lang="es-CL">`, else `og:locale` or a Content-Language in its head)."""
    html = tree.css_first("html")
    said = [html.attributes.get("lang") if html is not None else None]
    if tree.head is not None:
        for selector in ('meta[property="og:locale"]', 'meta[http-equiv="content-language" i]'):
            tag = tree.head.css_first(selector)
            said.append(tag.attributes.get("content") if tag is not None else None)
    return next((code for locale in said if locale and (code := locale_currency(locale))), None)


def _names_shown(tree: LexborHTMLParser) -> Iterator[str]:
    """The page's title and its first main headings."""
    yield _page_title(tree) or ""
    for element in tree.css("h1")[:MAX_MAIN_HEADINGS]:
        yield element.text(deep=True)


def _options_bounded(html: str | bytes) -> str | bytes:
    """The page with the choices after its first MAX_OPTIONS made unknown elements, which
    a list drops: read in linear time."""
    if isinstance(html, bytes):
        if next(islice(_OPTION_OPENS_IN_BYTES.finditer(html), MAX_OPTIONS, None), None) is None:
            return html
        html = html.decode("utf-8", errors="replace")  # UTF-8 (`parser_input`), cut anywhere
    beyond = next(islice(_OPTION_OPENS.finditer(html), MAX_OPTIONS, None), None)
    if beyond is None:
        return html
    cut = beyond.start()
    return html[:cut] + _OPTION_TAGS.sub(r"<\1x-option", html[cut:])


def _main_offers(declared: list[Declared]) -> list[Declared]:
    """Selling prices of the page's own product (not list prices, not related items)."""
    selling = [d for d in declared if not d.regular and not d.related]
    if not selling:
        return []
    best = min(SOURCE_TRUST[d.source] for d in selling)
    return [d for d in selling if SOURCE_TRUST[d.source] == best] + [
        d for d in selling if SOURCE_TRUST[d.source] != best
    ]


def _decide(
    selling: list[Declared],
    shown: list[Candidate],
    page_currency: str | None,
    *,
    declared_currency: str | None,
    local: str | None,
) -> Price | None:
    ranked = sorted(shown, key=lambda c: (-c.score, c.order))
    best = ranked[0] if ranked and ranked[0].score >= CONFIDENT else None
    # Where the page declares no currency, the marks it shows tell before its domain does.
    page_currency = declared_currency or _shown_currency(ranked, local) or page_currency
    if not selling:
        # Only a struck or list price shown ("See price in cart"): no price to pay is shown.
        best = (best if best is None or not best.old else None) or _lone_price(ranked)
        return _visible_price(best, page_currency, local) if best is not None else None
    values = {d.value for d in selling}
    confirmed = [c for c in ranked if c.amount.value in values and c.selling and _as_the_price(c)]
    if confirmed:
        return _declared_price(
            selling, confirmed[0].amount.value, page_currency, confirmed[0], local
        )
    if best is not None and best.selling and _in_cents(best, values, page_currency):
        return _visible_price(best, page_currency, local)  # a template printed 3000 for $30
    if best is not None and best.amount.value not in values:
        # Declared, yet shown only as the old price, before tax, as a saving...
        shown_otherwise = any(c.amount.value in values and not c.selling for c in ranked)
        # ...or nowhere it would be the price (at most in a related product's tile), while
        # the product's price place shows another, or the best shown is it with VAT added:
        # stale markup, or og:price before VAT.
        strong = best.score >= STRONG and best.amount.mark is not None
        gross = best.selling and any(plus_vat(value, best.amount.value) for value in values)
        unshown = not any(_as_the_price(c) for c in ranked if c.amount.value in values)
        if shown_otherwise or ((strong or gross) and unshown):
            return _visible_price(best, page_currency, local)
    return _declared_price(selling, selling[0].value, page_currency, None, local)


def _where_shown(shown: list[Candidate], price: Price | None) -> LexborNode | None:
    """The element showing the price the page sells at, if the page shows it."""
    if price is None:
        return None
    at = [c for c in shown if c.amount.value == price.amount and c.selling]
    return max(at, key=lambda c: (c.score, -c.order)).node if at else None


def _as_the_price(shown: Candidate) -> bool:
    """Shown in good standing, not in a related product's tile."""
    return shown.score > 0 and "related" not in shown.kinds


def _in_cents(shown: Candidate, declared: set[Decimal], currency: str | None) -> bool:
    code = shown.amount.currency or currency
    return minor_digits(code) == 2 and shown.amount.value * 100 in declared


def _lone_price(ranked: list[Candidate]) -> Candidate | None:
    """With nothing confident, the one price the page shows with its currency, in good
    standing: an old shop's table row, a page with no title markup and no button."""
    good = [
        c
        for c in ranked
        if c.amount.mark is not None and c.score > 0 and c.selling and "related" not in c.kinds
    ]
    return good[0] if len({c.amount.value for c in good}) == 1 else None


def _shown_currency(ranked: list[Candidate], local: str | None) -> str | None:
    """The currency most of the page's prices in good standing are written in."""
    counts: dict[str, int] = {}
    for candidate in ranked:
        currency = _shown_in(candidate.amount, local)
        if candidate.amount.mark is not None and currency and candidate.score > 0:
            counts[currency] = counts.get(currency, 0) + 1
    return max(counts, key=lambda code: counts[code]) if counts else None


def _declared_price(
    selling: list[Declared],
    value: Decimal,
    page_currency: str | None,
    seen: Candidate | None,
    local: str | None,
) -> Price:
    match = next(d for d in selling if d.value == value)
    currency = match.currency or (_shown_in(seen.amount, local) if seen else None) or page_currency
    return Price(match.value, currency)


def _visible_price(candidate: Candidate, page_currency: str | None, local: str | None) -> Price:
    return Price(candidate.amount.value, _shown_in(candidate.amount, local) or page_currency)


def _shown_in(amount: Amount, local: str | None) -> str | None:
    """The currency an amount is shown in, its mark read in the page's region."""
    return in_region(amount.mark, amount.currency, local)
