"""The HTML prices page: content negotiation and what it draws."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from chalicelib import services
from tests.conftest import ADMIN_TOKEN

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"}


def seed(client: Any) -> None:
    from chalicelib.pricewatch.recording import observation, record

    body = {"name": "Mug <b>blue</b>", "list_price": "26.00", "floor_price": "18.00", "currency": "EUR",
            "competitors": ["https://a.example/mug", "https://b.example/mug"]}  # fmt: skip
    client.http.put("/products/MUG", headers=ADMIN, body=json.dumps(body))
    s = services.settings()
    for day, (a, b) in enumerate([("25.00", "24.00"), ("23.50", "24.40"), ("24.80", "24.10")]):
        at = datetime(2026, 11, 20 + day, 3, tzinfo=UTC)
        for url, price in (("https://a.example/mug", a), ("https://b.example/mug", b)):
            seen = observation("MUG", url, at, "ok", price=Decimal(price), currency="EUR")
            record(services.price_store(s), s, seen, at)


def test_json_by_default_html_when_asked(local: Any) -> None:
    seed(local)
    assert local.http.get("/prices").json_body["prices"][0]["sku"] == "MUG"
    browser = local.http.get(
        "/prices", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    )
    assert browser.headers["Content-Type"].startswith("text/html")
    explicit = local.http.get("/prices?format=html")
    assert explicit.body.decode().startswith("<!doctype html>")
    assert local.http.get("/prices?format=json").json_body["prices"]


def test_the_page_holds_the_table_and_a_chart_per_product(local: Any) -> None:
    seed(local)
    html = local.http.get("/prices?format=html").body.decode()
    assert '<tr data-sku="MUG">' in html
    assert "24.10" in html  # our price now: the lowest latest competitor price
    assert "Mug &lt;b&gt;blue&lt;/b&gt;" in html  # names are escaped
    assert html.count('class="series ours"') == 1
    assert 'data-label="a.example"' in html
    assert 'data-label="b.example"' in html
    assert "<script" not in html
    assert not re.search(r"\bsrc=|<link", html)  # nothing loaded from elsewhere
    links = re.findall(r'href="([^"#][^"]*)"', html)
    assert sorted(links) == ["https://a.example/mug", "https://b.example/mug"]  # their pages
    assert html.count('rel="nofollow noreferrer"') == 2


def test_an_empty_catalogue_says_so(local: Any) -> None:
    html = local.http.get("/prices?format=html").body.decode()
    assert "id=empty" in html


def test_each_competitor_shows_its_availability(local: Any) -> None:
    from chalicelib.pricewatch.recording import observation, record

    seed(local)
    s = services.settings()
    at = datetime(2026, 11, 24, 3, tzinfo=UTC)
    gone = observation("MUG", "https://b.example/mug", at, "ok", price=Decimal("19.00"),
                       currency="EUR", flags=("out-of-stock",), availability="out_of_stock")  # fmt: skip
    record(services.price_store(s), s, gone, at)
    detail = local.http.get("/prices/MUG").json_body
    latest = {c["who"]: c for c in detail["latest"]}
    assert latest["b.example"]["availability"] == "out_of_stock"
    assert latest["b.example"]["price"] == "19.00"
    assert detail["our_price"] == "24.80"  # a.example's 24.80; b's 19.00 cannot be bought
    html = local.http.get("/prices?format=html").body.decode()
    assert 'data-who="b.example" data-availability="out_of_stock"' in html
    assert "out of stock" in html
