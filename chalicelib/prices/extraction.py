"""The main product's current selling price, from a product page's HTML."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from decimal import Decimal

from selectolax.lexbor import LexborHTMLParser

from chalicelib.prices.currency_marks import country_currency
from chalicelib.prices.structured import Declared, declared_prices
from chalicelib.prices.visible import Candidate, candidates, clean

MAX_HTML_CHARS = 5_000_000
CONFIDENT = 3.0  # enough evidence for a price the page shows
STRONG = 8.0  # a price shown where the product's price belongs, with a currency
SOURCE_TRUST = {"json-ld": 0, "microdata": 1, "rdfa": 2, "meta": 3}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Price:
    amount: Decimal
    currency: str | None  # ISO 4217; None when neither the page nor its domain tells


def extract_price(html: str | bytes, url: str | None = None) -> Price | None:
    """The main product's current selling price, or None when no price is certain enough.

    Declared prices (schema.org, meta tags) are checked against what the page
    shows: a declared price the page shows as the selling price wins; one the
    page shows struck through loses to the visible sale price; with nothing
    declared, the best-placed visible price must clear a confidence bar.
    """
    text = decode_html(html) if isinstance(html, bytes) else html
    tree = LexborHTMLParser(text[:MAX_HTML_CHARS])
    declared = declared_prices(tree, url)
    selling = _main_offers(declared)
    page_currency = next((d.currency for d in declared if d.currency), None) or country_currency(
        url
    )
    product_name = next((d.product for d in selling if d.product), None) or _page_title(tree)
    clean(tree)
    shown = candidates(tree, url, page_currency, product_name)
    return _decide(selling, shown, page_currency)


def decode_html(data: bytes) -> str:
    """UTF-8 when the bytes are UTF-8 (declared charsets lie), else what the page declares."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            if codecs.lookup(name).name != "utf-8":  # a page that says UTF-8 but is not
                return data.decode(name, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def _page_title(tree: LexborHTMLParser) -> str | None:
    tag = tree.css_first('meta[property="og:title"]')
    if tag is not None and tag.attributes.get("content"):
        return tag.attributes["content"]
    title = tree.css_first("title")
    return title.text(deep=True) if title is not None else None


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
    selling: list[Declared], shown: list[Candidate], page_currency: str | None
) -> Price | None:
    ranked = sorted(shown, key=lambda c: (-c.score, c.order))
    best = ranked[0] if ranked and ranked[0].score >= CONFIDENT else None
    if not selling:
        return _visible_price(best, page_currency) if best is not None else None
    values = {d.value for d in selling}
    confirmed = [c for c in ranked if c.amount.value in values and not c.old and c.score > 0]
    if confirmed:
        return _declared_price(selling, confirmed[0].amount.value, page_currency, confirmed[0])
    if best is not None and best.amount.value not in values:
        shown_as_old = any(c.amount.value in values and c.old for c in ranked)
        # og:price often carries the price before VAT; schema.org rarely does.
        only_meta = all(d.source == "meta" for d in selling)
        unseen = not any(c.amount.value in values for c in ranked)
        strong = best.score >= STRONG and best.amount.mark is not None
        if shown_as_old or (only_meta and unseen and strong):
            return _visible_price(best, page_currency)
    return _declared_price(selling, selling[0].value, page_currency, None)


def _declared_price(
    selling: list[Declared], value: Decimal, page_currency: str | None, seen: Candidate | None
) -> Price:
    match = next(d for d in selling if d.value == value)
    currency = match.currency or (seen.amount.currency if seen else None) or page_currency
    return Price(match.value, currency)


def _visible_price(candidate: Candidate, page_currency: str | None) -> Price:
    return Price(candidate.amount.value, candidate.amount.currency or page_currency)
