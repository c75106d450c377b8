"""The prices page in a real browser: headless Chromium (Debian's) driven by Playwright.

`make test` installs Chromium when it is missing; the screenshot lands in
test-artifacts/prices-page.png.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import PROJECT_DIR, free_port

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT_DIR / "test-artifacts"


def chromium() -> str:
    path = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if path is None:
        pytest.fail("Chromium is not installed: `make test` installs Debian's chromium package")
    return path


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The app's HTTP API (Chalice's local server) on seeded embedded data."""
    from chalice.cli.factory import CLIFactory
    from chalice.local import create_local_server

    from app import app
    from chalicelib import services
    from chalicelib.catalogue import product_from_request
    from chalicelib.pricewatch.admin import save_product
    from chalicelib.pricewatch.recording import observation, record

    monkeypatch.setenv("STOREKEEPER_DATA", str(tmp_path))
    config = CLIFactory(str(PROJECT_DIR), environ=os.environ).create_config_obj(
        chalice_stage_name="local"
    )
    s = services.settings()
    store = services.price_store(s)
    start = datetime(2026, 11, 1, 3, tzinfo=UTC)
    catalogue = {
        "MUG-BLUE": ("Stoneware Mug, Blue", "26.00", ["24.50", "23.90", "25.20", "22.80"]),
        "TEAPOT-1L2": ("Ceramic Teapot, 1.2 l", "45.00", ["39.90", "41.00", "38.50", "40.10"]),
    }
    for sku, (name, list_price, prices) in catalogue.items():
        urls = [f"https://shop-a.example/{sku}", f"https://shop-b.example/{sku}"]
        body = {"name": name, "list_price": list_price, "currency": "EUR", "competitors": urls}
        save_product(store, s, product_from_request(sku, body), start)
        for day, price in enumerate(prices):
            at = start + timedelta(days=day)
            for i, url in enumerate(urls):
                seen = observation(sku, url, at, "ok", price=Decimal(price) + i, currency="EUR")
                record(store, s, seen, at)
    port = free_port()
    http = create_local_server(app, config, "127.0.0.1", port)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    http.shutdown()


def test_the_prices_page_renders_its_table_and_charts(server: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            response = page.goto(f"{server}/prices", wait_until="load")
            assert response is not None
            assert response.status == 200
            assert response.headers["content-type"].startswith("text/html")  # a browser's Accept
            assert page.title() == "storekeeper · prices"
            rows = page.locator("table#prices tbody tr")
            assert rows.count() == 2
            assert sorted(rows.nth(i).get_attribute("data-sku") or "" for i in range(2)) == [
                "MUG-BLUE",
                "TEAPOT-1L2",
            ]
            assert (
                "22.80" in rows.filter(has_text="MUG-BLUE").inner_text()
            )  # our price = their lowest
            charts = page.locator("svg.chart")
            assert charts.count() == 2
            for i in range(charts.count()):
                box = charts.nth(i).bounding_box()
                assert box is not None
                assert box["width"] > 300
                assert box["height"] > 100
                lines = charts.nth(i).locator("path.series")
                assert lines.count() == 3  # ours and two competitors
                for j in range(lines.count()):
                    drawn = lines.nth(j).bounding_box()
                    assert drawn is not None
                    assert drawn["width"] > 100  # a line across the chart, not a dot
            page.screenshot(path=str(ARTIFACTS / "prices-page.png"), full_page=True)
        finally:
            browser.close()
    assert (ARTIFACTS / "prices-page.png").stat().st_size > 10_000
