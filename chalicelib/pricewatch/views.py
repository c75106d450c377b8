"""What GET /prices and GET /prices/{sku} answer (JSON-ready dicts)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from chalicelib.catalogue import Product
from chalicelib.money import format_money, minor_digits
from chalicelib.prices.repricing import Observation
from chalicelib.pricewatch.store import PriceState, PriceStore, timestamp


def price_row(product: Product, state: PriceState) -> dict[str, Any]:
    digits = product.digits
    return {
        "sku": product.sku,
        "name": product.name,
        "our_price": format_money(state.price, digits),
        "currency": product.currency,
        "list_price": format_money(product.list_price, digits),
        "floor_price": format_money(product.floor_price, digits),
        "reason": state.reason,
        "lowest_competitor": None
        if state.lowest_price is None
        else {
            "price": format_money(state.lowest_price, digits),
            "who": urlsplit(state.lowest_url or "").hostname,
            "url": state.lowest_url,
        },
        "last_checked": state.checked_at,
        "flags": list(state.flags),
    }


def price_list(store: PriceStore) -> list[dict[str, Any]]:
    return [price_row(product, state) for product, state in store.products()]


def price_detail(store: PriceStore, sku: str) -> dict[str, Any] | None:
    found = store.product(sku)
    return None if found is None else _detail(store, *found)


def price_details(store: PriceStore) -> list[dict[str, Any]]:
    """Every product's row with its history, in one pass over the catalogue."""
    return [_detail(store, product, state) for product, state in store.products()]


def _detail(store: PriceStore, product: Product, state: PriceState) -> dict[str, Any]:
    sku, digits = product.sku, product.digits
    latest = {seen.url: seen for seen in store.latest(sku)}
    return price_row(product, state) | {
        "competitors": list(product.competitors),
        # Each competitor's page as last seen: price, availability, flags.
        "latest": [
            {"url": url, "who": urlsplit(url).hostname}
            | (_seen(latest[url], product) if url in latest else {"status": "not-yet-checked"})
            for url in product.competitors
        ],
        "history": [_seen(seen, product) for seen in store.history(sku)],
        "our_history": [
            {"at": timestamp(at), "price": format_money(price, digits)}
            for at, price in store.our_history(sku)
        ],
    }


def _seen(seen: Observation, product: Product) -> dict[str, Any]:
    """One observation of a competitor's page, as the JSON shows it."""
    return {
        "at": timestamp(seen.fetched_at),
        "url": seen.url,
        "who": seen.host,
        "status": seen.status,
        "price": None
        if seen.price is None
        else format_money(seen.price, minor_digits(seen.currency or product.currency)),
        "currency": seen.currency,
        "availability": seen.availability,
        "flags": list(seen.flags),
        "notes": list(seen.notes),
    }
