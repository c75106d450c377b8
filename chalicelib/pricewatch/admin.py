"""Catalogue changes from the admin routes: each one is checked, stored and repriced at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, wait
from datetime import datetime
from typing import Any

from chalicelib.catalogue import Product
from chalicelib.config import Settings
from chalicelib.errors import InputError, NotFound
from chalicelib.pricewatch.fetching import Resolver, resolve
from chalicelib.pricewatch.recording import reprice_product
from chalicelib.pricewatch.store import PriceStore
from chalicelib.pricewatch.views import price_row
from chalicelib.urls import allowlisted, forbidden, parse_web_url

RESOLVE_SECONDS = 5.0  # a name not resolved by then is accepted; the fetcher checks again


def save_product(
    store: PriceStore,
    settings: Settings,
    product: Product,
    now: datetime,
    resolver: Resolver = resolve,
) -> tuple[bool, dict[str, Any]]:
    """Create or replace; returns (created, the product with its price)."""
    check_addresses(product, settings, resolver)
    created = store.save_product(product, now)
    state = reprice_product(store, settings, product.sku, now)
    if state is None:  # deleted in the meantime
        raise NotFound("sku", f"{product.sku} was deleted while being saved")
    return created, product.to_json() | {"price": price_row(product, state)}


def check_addresses(product: Product, settings: Settings, resolver: Resolver) -> None:
    """Refuse, when saved, the pages the fetcher would refuse: loopback, private,
    link-local or metadata addresses, written out or as the only answers a name has
    (FETCH_ALLOWLIST excepted). A name DNS cannot answer now is accepted."""
    names: dict[int, tuple[str, int]] = {}
    for i, url in enumerate(product.competitors):
        address = parse_web_url(url)  # the catalogue has checked it parses
        if allowlisted(address, settings.fetch_allowlist):
            continue
        if address.ip_literal:
            if forbidden(address.host):
                raise InputError(f"competitors[{i}]", f"{address.host} is not a public address")
        else:
            names[i] = (address.host, address.port)
    if not names:
        return
    pool = ThreadPoolExecutor(min(8, len(names)), thread_name_prefix="resolve")
    lookups = {i: pool.submit(resolver, *name) for i, name in names.items()}
    wait(lookups.values(), timeout=RESOLVE_SECONDS)
    pool.shutdown(wait=False, cancel_futures=True)  # a slow name is not waited for
    for i, lookup in lookups.items():
        if not lookup.done() or lookup.cancelled() or lookup.exception() is not None:
            continue
        addresses = lookup.result()
        if addresses and all(forbidden(a) for a in addresses):
            host = names[i][0]
            raise InputError(
                f"competitors[{i}]",
                f"{host} resolves only to non-public addresses ({addresses[0]})",
            )


def get_product(store: PriceStore, sku: str) -> dict[str, Any]:
    found = store.product(sku)
    if found is None:
        raise NotFound("sku", f"no product {sku}")
    product, state = found
    return product.to_json() | {"price": price_row(product, state)}


def delete_product(store: PriceStore, sku: str) -> None:
    if not store.delete_product(sku):
        raise NotFound("sku", f"no product {sku}")
