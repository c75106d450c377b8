"""Whatever a client sends, the answer is never a 5xx."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ADMIN_TOKEN

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["0.63", "1e400", "-0", "0.001", "1_0", "١٢", "Infinity", "0x10"]),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=15,
)
change_bodies = st.fixed_dictionaries(
    {},
    optional={
        "amount": json_values,
        "currency": json_values | st.sampled_from(["USD", "JPY", "CAD", "chf", ""]),
        "denominations": json_values | st.lists(json_values, max_size=60),
        "drawer": json_values | st.dictionaries(st.text(max_size=6), json_values, max_size=55),
    },
)
product_bodies = st.fixed_dictionaries(
    {},
    optional={
        "name": json_values,
        "list_price": json_values,
        "floor_price": json_values,
        "currency": json_values | st.sampled_from(["EUR", "JPY", "KWD"]),
        "competitors": json_values
        | st.lists(st.text(max_size=40) | st.just("http://[::1"), max_size=4),
    },
)
fuzz = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fuzz
@given(body=change_bodies)
def test_change_never_5xx(client: Any, body: dict[str, Any]) -> None:
    response = client.http.post(
        "/change", headers={"Content-Type": "application/json"}, body=json.dumps(body)
    )
    assert response.status_code < 500, (body, response.body)
    if response.status_code >= 400:
        assert response.json_body["Message"]


@fuzz
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_change_never_5xx_on_raw_bytes(client: Any, raw: bytes) -> None:
    response = client.http.post("/change", headers={"Content-Type": "application/json"}, body=raw)
    assert response.status_code < 500


@fuzz
@given(sku=st.text(max_size=70), body=product_bodies)
def test_products_never_5xx(local: Any, sku: str, body: dict[str, Any]) -> None:
    from urllib.parse import quote

    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"}
    path = "/products/" + quote(sku, safe="") if sku else "/products/x"
    for response in (
        local.http.put(path, headers=headers, body=json.dumps(body)),
        local.http.get(path, headers=headers),
        local.http.get("/prices/" + path.rsplit("/", 1)[-1]),
    ):
        assert response.status_code < 500, (sku, body, response.body)


@fuzz
@given(event=json_values)
def test_the_lambda_function_never_fails(client: Any, event: Any) -> None:
    result = client.lambda_.invoke("make_change", event).payload
    assert result["statusCode"] < 500
