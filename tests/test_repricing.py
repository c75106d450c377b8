"""The repricing rules, on their own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from chalicelib.catalogue import Product
from chalicelib.prices.repricing import (
    IMPLAUSIBLE,
    OTHER_CURRENCY,
    Observation,
    flags_for,
    reprice,
)

MUG = Product("MUG", "Mug", Decimal("26.00"), Decimal("18.00"), "EUR", ("https://a.test/m",))
T0 = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)


def seen(price: str | None, url: str = "https://a.test/m", **extra: object) -> Observation:
    value = Decimal(price) if price is not None else None
    fields: dict[str, object] = {
        "status": "ok" if value is not None else "no-price",
        "currency": "EUR",
    }
    fields.update(extra)
    return Observation("MUG", url, url, "a.test", T0, price=value, **fields)  # type: ignore[arg-type]


def test_no_competitor_prices_leaves_the_list_price() -> None:
    assert reprice(MUG, [], Decimal(0)).price == Decimal("26.00")
    assert reprice(MUG, [seen(None)], Decimal(0)).reason == "list"


def test_we_match_the_lowest_competitor() -> None:
    decision = reprice(MUG, [seen("24.50"), seen("22.90", "https://b.test/m")], Decimal(0))
    assert decision.price == Decimal("22.90")
    assert decision.reason == "competitor"
    assert decision.lowest is not None
    assert decision.lowest.url == "https://b.test/m"


def test_undercut_and_rounding_never_leave_us_above_them() -> None:
    assert reprice(MUG, [seen("22.90")], Decimal("0.05")).price == Decimal("22.85")
    assert reprice(MUG, [seen("22.999")], Decimal(0)).price == Decimal("22.99")


def test_never_above_list_never_below_floor() -> None:
    assert reprice(MUG, [seen("30.00")], Decimal(0)).price == Decimal("26.00")
    decision = reprice(MUG, [seen("15.00")], Decimal(0))
    assert decision.price == Decimal("18.00")
    assert decision.reason == "floor"


def test_when_competitors_raise_we_go_back_up() -> None:
    assert reprice(MUG, [seen("20.00")], Decimal(0)).price == Decimal("20.00")
    assert reprice(MUG, [seen("25.00")], Decimal(0)).price == Decimal("25.00")
    assert reprice(MUG, [seen("29.00")], Decimal(0)).price == Decimal("26.00")


def test_flagged_prices_move_nothing() -> None:
    assert flags_for(MUG, Decimal("20"), "USD", Decimal("0.5")) == (OTHER_CURRENCY,)
    assert flags_for(MUG, Decimal("12.99"), "EUR", Decimal("0.5")) == (IMPLAUSIBLE,)
    assert flags_for(MUG, Decimal("13.00"), "EUR", Decimal("0.5")) == ()
    flagged = seen("19.00", flags=(OTHER_CURRENCY,))
    assert reprice(MUG, [flagged], Decimal(0)).price == Decimal("26.00")


prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100"), places=2)


@given(
    list_price=prices,
    floor_fraction=st.decimals(min_value=0, max_value=1, places=2),
    competitors=st.lists(prices, max_size=5),
    undercut=st.decimals(min_value=0, max_value=2, places=2),
)
def test_the_rules_hold_for_any_prices(
    list_price: Decimal, floor_fraction: Decimal, competitors: list[Decimal], undercut: Decimal
) -> None:
    floor = (list_price * floor_fraction).quantize(Decimal("0.01"))
    product = Product("P", "P", list_price, floor, "EUR")
    observations = [
        Observation(
            "P", f"c{i}", f"https://c{i}.test/", "c.test", T0 + timedelta(minutes=i), "ok", p, "EUR"
        )
        for i, p in enumerate(competitors)
    ]
    price = reprice(product, observations, undercut).price
    assert floor <= price <= list_price
    if competitors and min(competitors) - undercut >= floor:
        assert price <= min(competitors) - undercut


def test_an_out_of_stock_competitor_moves_nothing() -> None:
    from chalicelib.prices.repricing import OUT_OF_STOCK

    flags = flags_for(MUG, Decimal("19.00"), "EUR", Decimal("0.5"), "out_of_stock")
    assert flags == (OUT_OF_STOCK,)
    gone = seen("19.00", "https://b.test/m", flags=flags, availability="out_of_stock")
    decision = reprice(MUG, [seen("24.50"), gone], Decimal(0))
    assert decision.price == Decimal("24.50")
    assert "out-of-stock:a.test" in decision.flags
    assert flags_for(MUG, Decimal("19.00"), "EUR", Decimal("0.5"), "in_stock") == ()
