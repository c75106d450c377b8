"""POST /change and the make_change Lambda function, as a till would call them."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def post(
    client: Any, body: Any, *, raw: bool = False, content_type: str = "application/json"
) -> Any:
    return client.http.post(
        "/change",
        headers={"Content-Type": content_type},
        body=body if raw else json.dumps(body),
    )


def total(change: list[dict[str, Any]]) -> Decimal:
    return sum((Decimal(line["value"]) * line["count"] for line in change), Decimal(0))


def test_the_seed_example(client: Any) -> None:
    response = post(client, {"amount": 0.63})
    assert response.status_code == 200
    assert response.json_body == {
        "amount": "0.63",
        "currency": "USD",
        "paid": "0.63",
        "pieces": 6,
        "change": [
            {"value": "0.25", "name": "quarter", "count": 2},
            {"value": "0.10", "name": "dime", "count": 1},
            {"value": "0.01", "name": "penny", "count": 3},
        ],
    }


def test_service_hello(client: Any) -> None:
    response = client.http.get("/")
    assert response.status_code == 200
    assert response.json_body["service"] == "storekeeper"
    assert response.json_body["version"]


@pytest.mark.parametrize("text", ["1.15", '"1.15"', "1.150", "115e-2"])
def test_amount_is_read_exactly_from_its_text(client: Any, text: str) -> None:
    response = post(client, f'{{"amount": {text}}}', raw=True)
    assert response.status_code == 200
    body = response.json_body
    assert body["amount"] == "1.15"
    assert body["change"] == [
        {"value": "1.00", "name": "$1 bill", "count": 1},
        {"value": "0.10", "name": "dime", "count": 1},
        {"value": "0.05", "name": "nickel", "count": 1},
    ]


def test_zero_needs_no_pieces(client: Any) -> None:
    body = post(client, {"amount": "0"}).json_body
    assert body["pieces"] == 0
    assert body["change"] == []
    assert body["amount"] == "0.00"


def test_bills_and_the_maximum(client: Any) -> None:
    body = post(client, {"amount": 1_000_000_000}).json_body
    assert body["change"] == [{"value": "100.00", "name": "$100 bill", "count": 10_000_000}]
    body = post(client, {"amount": "186.41"}).json_body
    assert [(line["value"], line["count"]) for line in body["change"]] == [
        ("100.00", 1), ("50.00", 1), ("20.00", 1), ("10.00", 1), ("5.00", 1),
        ("1.00", 1), ("0.25", 1), ("0.10", 1), ("0.05", 1), ("0.01", 1),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("currency", "amount", "paid", "first"),
    [
        ("EUR", "3.88", "3.88", {"value": "2.00", "name": "€2 coin", "count": 1}),
        ("GBP", "0.50", "0.50", {"value": "0.50", "name": "50p coin", "count": 1}),
        ("JPY", "1999", "1999", {"value": "1000", "name": "1000-yen note", "count": 1}),
        ("CAD", "1.22", "1.20", {"value": "1.00", "name": "loonie", "count": 1}),
        ("CAD", "1.23", "1.25", {"value": "1.00", "name": "loonie", "count": 1}),
        ("CAD", "1.27", "1.25", {"value": "1.00", "name": "loonie", "count": 1}),
        ("CAD", "1.28", "1.30", {"value": "1.00", "name": "loonie", "count": 1}),
        ("CHF", "0.97", "0.95", {"value": "0.50", "name": "50-centime coin", "count": 1}),
        ("AUD", "0.03", "0.05", {"value": "0.05", "name": "5c coin", "count": 1}),
        ("SEK", "10.50", "11.00", {"value": "10.00", "name": "10-kronor coin", "count": 1}),
        ("DKK", "0.74", "0.50", {"value": "0.50", "name": "50-øre coin", "count": 1}),
        ("usd", "2", "2.00", {"value": "1.00", "name": "$1 bill", "count": 2}),
    ],
)
def test_currencies_and_cash_rounding(
    client: Any, currency: str, amount: str, paid: str, first: dict[str, Any]
) -> None:
    response = post(client, {"amount": amount, "currency": currency})
    assert response.status_code == 200
    body = response.json_body
    assert body["currency"] == currency.upper()
    assert body["paid"] == paid
    assert body["change"][0] == first
    assert total(body["change"]) == Decimal(paid)


def test_jpy_has_no_minor_digits(client: Any) -> None:
    body = post(client, {"amount": 500, "currency": "JPY"}).json_body
    assert body == {
        "amount": "500",
        "currency": "JPY",
        "paid": "500",
        "pieces": 1,
        "change": [{"value": "500", "name": "500-yen coin", "count": 1}],
    }


def test_cash_rounded_currency_accepts_finer_amounts(client: Any) -> None:
    body = post(client, {"amount": "1.234", "currency": "CAD"}).json_body
    assert body["amount"] == "1.23"
    assert body["paid"] == "1.25"


def test_custom_non_canonical_set(client: Any) -> None:
    body = post(client, {"amount": 0.06, "denominations": [0.01, 0.03, 0.04]}).json_body
    assert body["change"] == [{"value": "0.03", "name": "0.03 USD", "count": 2}]
    assert body["pieces"] == 2


def test_coins_only(client: Any) -> None:
    body = post(client, {"amount": "1.30", "denominations": ["0.25", "0.10", "0.05", "0.01"]})
    assert [(line["name"], line["count"]) for line in body.json_body["change"]] == [
        ("quarter", 5),
        ("nickel", 1),
    ]


def test_drawer_limits_the_answer(client: Any) -> None:
    body = post(client, {"amount": "0.30", "drawer": {"0.25": 1, "0.10": 3}}).json_body
    assert body["change"] == [{"value": "0.10", "name": "dime", "count": 3}]


def test_drawer_with_denominations(client: Any) -> None:
    body = post(
        client,
        {"amount": "0.40", "denominations": ["0.25", "0.10", "0.05"], "drawer": {"0.25": 1}},
    ).json_body
    # Only the quarter is in the till, and no nickel: nothing makes 0.40.
    assert body["Code"] == "UnprocessableEntityError"
    response = post(
        client,
        {
            "amount": "0.40",
            "denominations": ["0.25", "0.10", "0.05"],
            "drawer": {"0.25": 1, "0.05": 3},
        },
    )
    assert response.json_body["change"] == [
        {"value": "0.25", "name": "quarter", "count": 1},
        {"value": "0.05", "name": "nickel", "count": 3},
    ]


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({}, "amount", "required"),
        ({"amount": None}, "amount", "null"),
        ({"amount": True}, "amount", "boolean"),
        ({"amount": [1]}, "amount", "array"),
        ({"amount": {"v": 1}}, "amount", "object"),
        ({"amount": "one dollar"}, "amount", "not a decimal number"),
        ({"amount": "1_000"}, "amount", "not a decimal number"),
        ({"amount": "NaN"}, "amount", "not a decimal number"),
        ({"amount": -1}, "amount", "negative"),
        ({"amount": "0.001"}, "amount", "decimals"),
        ({"amount": 1_000_000_000.01}, "amount", "at most"),
        ({"amount": 1, "currency": "XYZ"}, "currency", "not supported"),
        ({"amount": 1, "currency": 840}, "currency", "ISO 4217"),
        ({"amount": 1, "denominations": []}, "denominations", "non-empty"),
        ({"amount": 1, "denominations": "0.25"}, "denominations", "list"),
        ({"amount": 1, "denominations": [0]}, "denominations[0]", "greater than zero"),
        ({"amount": 1, "denominations": [-0.25]}, "denominations[0]", "negative"),
        ({"amount": 1, "denominations": [0.25, 0.1, "0.25"]}, "denominations[2]", "duplicates"),
        ({"amount": 1, "denominations": [0.005]}, "denominations[0]", "decimals"),
        ({"amount": 1, "denominations": [0.01] + [i for i in range(1, 51)]}, "denominations", "50"),
        ({"amount": 1, "drawer": {}}, "drawer", "non-empty"),
        ({"amount": 1, "drawer": [1]}, "drawer", "object"),
        ({"amount": 1, "drawer": {"0.25": -1}}, "drawer['0.25']", "negative"),
        ({"amount": 1, "drawer": {"0.25": 1.5}}, "drawer['0.25']", "whole"),
        ({"amount": 1, "drawer": {"0.25": "3"}}, "drawer['0.25']", "whole"),
        ({"amount": 1, "drawer": {"quarter": 3}}, "drawer['quarter']", "not a decimal"),
        ({"amount": 1, "drawer": {"0.25": 1, "0.250": 1}}, "drawer['0.250']", "duplicates"),
        ({"amount": 1, "drawer": {"0": 1}}, "drawer['0']", "greater than zero"),
        ({"amount": 1, "drawer": {str(i): 1 for i in range(1, 52)}}, "drawer", "50"),
        (
            {"amount": 1, "denominations": [0.25], "drawer": {"0.10": 3}},
            "drawer['0.10']",
            "not one of the denominations",
        ),
        ({"amount": 1, "ammount": 2}, "ammount", "not a known field"),
    ],
)
def test_bad_requests_name_the_field(client: Any, body: Any, field: str, words: str) -> None:
    response = post(client, body)
    assert response.status_code == 400, response.json_body
    assert response.json_body["Field"] == field
    assert response.json_body["Message"].startswith(f"{field}: ")
    assert words in response.json_body["Message"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("{", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('"0.63"', "must be a JSON object"),
        ('{"amount": NaN}', "finite"),
        ('{"amount": Infinity}', "finite"),
        ('{"amount": -Infinity}', "finite"),
        ('{"amount": 1, "amount": 2}', "more than once"),
        ("\xff\xfe{", "not valid JSON"),
        ("[" * 50_000, "nested too deeply"),
    ],
)
def test_bad_bodies(client: Any, text: str, words: str) -> None:
    response = post(client, text, raw=True)
    assert response.status_code in (400, 413)
    assert words in response.json_body["Message"]


def test_oversized_body_is_refused(client: Any) -> None:
    response = post(client, json.dumps({"amount": "1" + "0" * 100_000}), raw=True)
    assert response.status_code == 413
    assert "body" in response.json_body["Message"]


def test_non_json_content_type_is_415(client: Any) -> None:
    response = post(
        client, "amount=0.63", raw=True, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"amount": "0.07", "denominations": ["0.25", "0.10"]}, "multiple of 0.05"),
        (
            {"amount": "0.05", "denominations": ["0.25", "0.10"]},
            "no combination makes exactly 0.05",
        ),
        (
            {"amount": "1.00", "drawer": {"0.25": 2, "0.10": 1}},
            "holds 0.60 in all, 0.40 short of 1.00",
        ),
        ({"amount": "0.05", "drawer": {"0.25": 2, "0.10": 1}}, "cannot make exactly 0.05"),
    ],
)
def test_impossible_requests_are_422_and_say_what_is_short(
    client: Any, body: Any, words: str
) -> None:
    response = post(client, body)
    assert response.status_code == 422
    assert words in response.json_body["Message"]


def test_lambda_function_takes_the_tutorial_event(client: Any) -> None:
    result = client.lambda_.invoke("make_change", {"amount": 1.45}).payload
    assert result["statusCode"] == 200
    assert result["headers"]["Content-Type"] == "application/json"
    route = post(client, {"amount": 1.45}).json_body
    assert json.loads(result["body"]) == route


def test_lambda_function_takes_a_proxy_event(client: Any) -> None:
    event = {"httpMethod": "POST", "body": '{"amount": 1.15, "currency": "EUR"}'}
    result = client.lambda_.invoke("make_change", event).payload
    assert result["statusCode"] == 200
    assert json.loads(result["body"])["amount"] == "1.15"


@pytest.mark.parametrize(
    ("event", "status", "words"),
    [
        ({"amount": -1}, 400, "negative"),
        ({"body": "not json"}, 400, "not valid JSON"),
        ({"amount": "0.07", "denominations": ["0.25", "0.10"]}, 422, "multiple of 0.05"),
        ([1, 2], 400, "JSON object"),
    ],
)
def test_lambda_function_errors_are_4xx(client: Any, event: Any, status: int, words: str) -> None:
    result = client.lambda_.invoke("make_change", event).payload
    assert result["statusCode"] == status
    assert words in json.loads(result["body"])["Message"]


amounts = st.decimals(min_value=0, max_value=500, places=2, allow_nan=False)
values = st.lists(
    st.integers(1, 500).map(lambda cents: Decimal(cents) / 100), min_size=1, max_size=6, unique=True
)


def fewest_by_table(amount: int, coins: list[int]) -> int | None:
    """The textbook dynamic programme: an oracle that shares no code with the solver."""
    best: list[int | None] = [0] + [None] * amount
    for total in range(1, amount + 1):
        options = [best[total - c] for c in coins if c <= total and best[total - c] is not None]
        best[total] = min(options) + 1 if options else None  # type: ignore[operator]
    return best[amount]


@settings(max_examples=60, deadline=None)
@given(amount=amounts, denominations=values)
def test_any_answer_sums_exactly_to_the_paid_amount(
    client: Any, amount: Decimal, denominations: list[Decimal]
) -> None:
    response = post(
        client, {"amount": str(amount), "denominations": [str(d) for d in denominations]}
    )
    fewest = fewest_by_table(int(amount * 100), [int(d * 100) for d in denominations])
    if fewest is None:  # no combination makes it: the answer must say so
        assert response.status_code == 422
        assert response.json_body["Field"] == "denominations"
    else:
        assert response.status_code == 200
        body = response.json_body
        assert body["pieces"] == fewest
        assert total(body["change"]) == Decimal(body["paid"]) == amount
        assert body["pieces"] == sum(line["count"] for line in body["change"])
        listed = [Decimal(line["value"]) for line in body["change"]]
        assert listed == sorted(listed, reverse=True)
        assert all(line["count"] > 0 for line in body["change"])


def test_a_drawer_too_large_to_prove_is_a_quick_422(client: Any) -> None:
    import time

    # Fifty near-equal coins, three of each: no bound prunes this search.
    drawer = {f"{100 - 0.07 * i:.2f}": 3 for i in range(50)}
    started = time.perf_counter()
    response = post(client, {"amount": "12345.67", "drawer": drawer})
    assert time.perf_counter() - started < 0.5
    assert response.status_code == 422
    assert "too many combinations" in response.json_body["Message"]
