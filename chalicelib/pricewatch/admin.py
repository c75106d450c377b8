"""Catalogue changes from the admin routes: each one reprices at once."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from chalicelib.catalogue import Product
from chalicelib.config import Settings
from chalicelib.errors import NotFound
from chalicelib.pricewatch.recording import reprice_product
from chalicelib.pricewatch.store import PriceStore
from chalicelib.pricewatch.views import price_row


def save_product(
    store: PriceStore, settings: Settings, product: Product, now: datetime
) -> tuple[bool, dict[str, Any]]:
    """Create or replace; returns (created, the product with its price)."""
    created = store.save_product(product, now)
    state = reprice_product(store, settings, product.sku, now)
    if state is None:  # deleted in the meantime
        raise NotFound("sku", f"{product.sku} was deleted while being saved")
    return created, product.to_json() | {"price": price_row(product, state)}


def get_product(store: PriceStore, sku: str) -> dict[str, Any]:
    found = store.product(sku)
    if found is None:
        raise NotFound("sku", f"no product {sku}")
    product, state = found
    return product.to_json() | {"price": price_row(product, state)}


def delete_product(store: PriceStore, sku: str) -> None:
    if not store.delete_product(sku):
        raise NotFound("sku", f"no product {sku}")
