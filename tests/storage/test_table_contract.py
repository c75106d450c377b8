"""The table contract, for DynamoDB and SQLite alike."""

from __future__ import annotations

import contextlib
import threading
from decimal import Decimal

import pytest

from chalicelib.storage.table import Attr, ConditionFailed
from tests.storage.conftest import Backend


def test_items_round_trip_with_exact_numbers(backend: Backend) -> None:
    item = {
        "pk": "SKU#1",
        "sk": "PRODUCT",
        "name": "Mug",
        "price": Decimal("24.99"),
        "count": 3,
        "active": True,
        "tags": ["a", "b"],
        "nested": {"floor": Decimal("9.50"), "urls": ["https://x.test/"]},
    }
    backend.table.put(item)
    got = backend.table.get("SKU#1", "PRODUCT")
    assert got == item
    assert isinstance(got and got["count"], Decimal)
    assert backend.table.get("SKU#1", "OTHER") is None


def test_floats_are_refused(backend: Backend) -> None:
    with pytest.raises(TypeError, match="Decimal"):
        backend.table.put({"pk": "p", "sk": "s", "price": 1.15})
    with pytest.raises(TypeError, match="Decimal"):
        backend.table.update("p", "s", {"price": 1.15})


def test_conditional_put(backend: Backend) -> None:
    backend.table.put({"pk": "p", "sk": "s", "v": 1}, condition=Attr("pk").absent())
    with pytest.raises(ConditionFailed):
        backend.table.put({"pk": "p", "sk": "s", "v": 2}, condition=Attr("pk").absent())
    assert backend.table.get("p", "s") == {"pk": "p", "sk": "s", "v": 1}


def test_update_creates_sets_and_removes(backend: Backend) -> None:
    created = backend.table.update("p", "s", {"a": "x", "b": Decimal("2")})
    assert created == {"pk": "p", "sk": "s", "a": "x", "b": 2}
    updated = backend.table.update("p", "s", {"a": None, "c": False})
    assert updated == {"pk": "p", "sk": "s", "b": 2, "c": False}
    assert backend.table.get("p", "s") == updated


@pytest.mark.parametrize(
    ("condition", "holds"),
    [
        (Attr("price") > Decimal("10"), True),
        (Attr("price") < Decimal("10"), False),
        (Attr("price") == Decimal("12.50"), True),
        (Attr("price") != Decimal("12.50"), False),
        (Attr("name") == "Mug", True),
        (Attr("name") > "Cup", True),
        (Attr("price") == "12.50", False),  # a number is not a string
        (Attr("missing") < Decimal("1"), False),
        (Attr("missing").absent(), True),
        (Attr("price").exists(), True),
        (Attr("missing").exists() | (Attr("price") >= Decimal("12.5")), True),
        (Attr("missing").exists() & (Attr("price") >= Decimal("12.5")), False),
    ],
)
def test_conditions_mean_the_same_in_both(backend: Backend, condition: object, holds: bool) -> None:
    backend.table.put({"pk": "p", "sk": "s", "price": Decimal("12.50"), "name": "Mug"})
    try:
        backend.table.update("p", "s", {"touched": True}, condition=condition)  # type: ignore[arg-type]
        happened = True
    except ConditionFailed:
        happened = False
    assert happened is holds
    assert ("touched" in (backend.table.get("p", "s") or {})) is holds


def test_query_by_prefix_in_sort_key_order(backend: Backend) -> None:
    for sk in ["OBS#2026-01-02", "OBS#2026-01-01", "LATEST#a", "OBS#2026-01-03", "PRODUCT"]:
        backend.table.put({"pk": "SKU#1", "sk": sk})
    backend.table.put({"pk": "SKU#2", "sk": "OBS#2026-01-01"})
    keys = [item["sk"] for item in backend.table.query("SKU#1", "OBS#")]
    assert keys == ["OBS#2026-01-01", "OBS#2026-01-02", "OBS#2026-01-03"]
    newest = backend.table.query("SKU#1", "OBS#", descending=True, limit=2)
    assert [item["sk"] for item in newest] == ["OBS#2026-01-03", "OBS#2026-01-02"]
    assert len(backend.table.query("SKU#1")) == 5
    assert backend.table.query("SKU#3") == []


def test_sort_keys_order_as_utf8_bytes(backend: Backend) -> None:
    for sk in ["é", "z", "Z", "a", "~"]:
        backend.table.put({"pk": "p", "sk": sk})
    assert [item["sk"] for item in backend.table.query("p")] == ["Z", "a", "z", "~", "é"]


def test_conditional_delete(backend: Backend) -> None:
    backend.table.put({"pk": "p", "sk": "s", "v": 1})
    with pytest.raises(ConditionFailed):
        backend.table.delete("p", "s", condition=Attr("v") == 2)
    backend.table.delete("p", "s", condition=Attr("v") == 1)
    assert backend.table.get("p", "s") is None


def lower_if_lower(backend: Backend, price: Decimal) -> None:
    with contextlib.suppress(ConditionFailed):
        backend.table.update(
            "SKU#1",
            "PRODUCT",
            {"price": price},
            condition=Attr("price").absent() | (Attr("price") > price),
        )


def test_concurrent_lower_only_if_lower_leaves_the_lowest(backend: Backend) -> None:
    prices = [Decimal(p) / 100 for p in range(5000, 4900, -3)] + [Decimal("48.17")]
    prices.reverse()
    threads = [threading.Thread(target=lower_if_lower, args=(backend, p)) for p in prices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    item = backend.table.get("SKU#1", "PRODUCT")
    assert item is not None
    assert item["price"] == min(prices)


def test_a_query_reads_on_after_a_key_in_pages(backend: Backend) -> None:
    for i in range(7):
        backend.table.put({"pk": "CATALOG", "sk": f"PRODUCT#{i:03d}", "n": i})
    backend.table.put({"pk": "CATALOG", "sk": "ZZZ", "n": 99})
    pages, after = [], None
    while page := backend.table.query("CATALOG", "PRODUCT#", limit=3, after=after):
        pages.append([item["n"] for item in page])
        after = page[-1]["sk"]
    assert pages == [[0, 1, 2], [3, 4, 5], [6]]
    newest = backend.table.query(
        "CATALOG", "PRODUCT#", descending=True, limit=2, after="PRODUCT#005"
    )
    assert [item["n"] for item in newest] == [4, 3]
