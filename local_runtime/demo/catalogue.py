"""The demo catalogue: three products watched against the sample shop."""

from __future__ import annotations

from datetime import UTC, datetime

from chalicelib.catalogue import product_from_request
from chalicelib.config import Settings
from chalicelib.pricewatch.admin import save_product
from chalicelib.pricewatch.store import PriceStore


def demo_products(port: int) -> dict[str, dict[str, object]]:
    harbor, crate = f"http://127.0.0.1:{port}", f"http://localhost:{port}"
    return {
        "MUG-BLUE": {
            "name": "Stoneware Mug, Blue",
            "list_price": "26.00",
            "floor_price": "18.00",
            "currency": "EUR",
            "competitors": [f"{harbor}/harbor/mug-blue.html", f"{crate}/crate/stoneware-mug.html"],
        },
        "TEAPOT-1L2": {
            "name": "Ceramic Teapot, 1.2 l",
            "list_price": "45.00",
            "floor_price": "30.00",
            "currency": "EUR",
            "competitors": [f"{harbor}/harbor/teapot.html", f"{crate}/crate/teapot.html"],
        },
        "OATS-1KG": {
            "name": "Organic Rolled Oats, 1 kg",
            "list_price": "3.20",
            "floor_price": "2.40",
            "currency": "EUR",
            "competitors": [f"{crate}/crate/oats.html"],
        },
    }


def seed(store: PriceStore, settings: Settings, port: int) -> int:
    """Add the demo products if the catalogue is empty; returns how many were added."""
    if any(True for _ in store.products()):
        return 0
    now = datetime.now(UTC)
    products = demo_products(port)
    for sku, body in products.items():
        save_product(store, settings, product_from_request(sku, body), now)
    return len(products)
