"""The demo price watch offline: sample shop, seeded catalogue, runtime, `make scrape`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from app import app
from chalicelib import services
from chalicelib.config import Settings
from chalicelib.pricewatch import views
from chalicelib.storage.embedded import EmbeddedStorage
from local_runtime import demo
from local_runtime.runtime import Runtime
from tests.conftest import free_port


def test_the_demo_scrape_reprices_every_product_offline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    monkeypatch.setenv("STOREKEEPER_DATA", str(tmp_path))
    monkeypatch.setenv("SAMPLE_SHOP_PORT", str(port))
    monkeypatch.setenv("DEMO_CATALOGUE", "1")
    monkeypatch.setenv("FETCH_ALLOWLIST", f"127.0.0.1:{port},localhost:{port}")
    settings = Settings.from_env()
    with demo.running(settings) as shop:
        assert shop == f"http://127.0.0.1:{port}"
        runtime = Runtime(app, storage=EmbeddedStorage(tmp_path))
        runtime.start(schedules=False)
        try:
            assert runtime.fire_schedule("nightly_scrape").ok
            assert runtime.wait_until_idle(90)
        finally:
            runtime.stop()
    rows = views.price_list(services.price_store(settings))
    assert sorted(row["sku"] for row in rows) == ["MUG-BLUE", "OATS-1KG", "TEAPOT-1L2"]
    for row in rows:
        lowest = row["lowest_competitor"]
        assert lowest is not None, row
        assert Decimal(row["our_price"]) <= Decimal(lowest["price"])
        assert Decimal(row["our_price"]) <= Decimal(row["list_price"])
        assert row["flags"] == [], row
    teapot = views.price_detail(services.price_store(settings), "TEAPOT-1L2")
    assert teapot is not None
    # The sample teapot page shows a struck 49,90 € and "3 × ..." instalments: neither is taken.
    assert all(Decimal(seen["price"]) > Decimal(20) for seen in teapot["history"])
