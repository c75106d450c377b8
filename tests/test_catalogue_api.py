"""The admin routes: PUT/GET/DELETE /products/{sku}, GET /products."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from tests.conftest import ADMIN_TOKEN

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"}
MUG = {
    "name": "Stoneware Mug, Blue",
    "list_price": "26.00",
    "floor_price": "18.00",
    "currency": "EUR",
    "competitors": ["https://harbor.example/mug", "https://crate.example/becher"],
}


def put(client: Any, sku: str, body: Any, headers: dict[str, str] = ADMIN) -> Any:
    return client.http.put(f"/products/{sku}", headers=headers, body=json.dumps(body))


def test_create_read_update_delete(local: Any) -> None:
    created = put(local, "MUG-BLUE", MUG)
    assert created.status_code == 201
    assert created.json_body["sku"] == "MUG-BLUE"
    assert created.json_body["price"]["our_price"] == "26.00"  # no competitor prices yet
    assert put(local, "MUG-BLUE", MUG | {"list_price": "24.00"}).status_code == 200
    got = local.http.get("/products/MUG-BLUE", headers=ADMIN).json_body
    assert got["list_price"] == "24.00"
    assert got["price"]["our_price"] == "24.00"  # repriced at once
    listed = local.http.get("/products", headers=ADMIN).json_body["products"]
    assert [p["sku"] for p in listed] == ["MUG-BLUE"]
    assert local.http.delete("/products/MUG-BLUE", headers=ADMIN).status_code == 204
    assert local.http.get("/products/MUG-BLUE", headers=ADMIN).status_code == 404
    assert local.http.delete("/products/MUG-BLUE", headers=ADMIN).status_code == 404


def test_the_public_prices_need_no_token(local: Any) -> None:
    put(local, "MUG-BLUE", MUG)
    [row] = local.http.get("/prices").json_body["prices"]
    assert row["our_price"] == "26.00"
    assert row["lowest_competitor"] is None
    detail = local.http.get("/prices/MUG-BLUE").json_body
    assert detail["competitors"] == MUG["competitors"]
    assert detail["history"] == []
    assert local.http.get("/prices/NOPE").status_code == 404


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Content-Type": "application/json"}, 401),
        ({"Authorization": "Bearer wrong", "Content-Type": "application/json"}, 403),
        ({"Authorization": f"Basic {ADMIN_TOKEN}", "Content-Type": "application/json"}, 403),
    ],
)
def test_admin_routes_need_the_token(local: Any, headers: dict[str, str], status: int) -> None:
    response = put(local, "MUG-BLUE", MUG, headers)
    assert response.status_code == status
    assert local.http.get("/products", headers=headers).status_code == status
    assert local.http.delete("/products/MUG-BLUE", headers=headers).status_code == status
    if status == 401:
        headers_seen = {name.lower(): value for name, value in response.headers.items()}
        assert headers_seen["www-authenticate"].startswith("Bearer")


def test_without_a_token_configured_admin_is_closed(
    local: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADMIN_TOKEN", "")
    response = put(local, "MUG-BLUE", MUG)
    assert response.status_code == 403
    assert "disabled" in response.json_body["Message"]


@pytest.mark.parametrize("currency", ["AMD", "DOP", "NPR", "XOF", "MUR"])
def test_a_shop_keeps_its_catalogue_in_any_iso_4217_currency(local: Any, currency: str) -> None:
    body = MUG | {"currency": currency, "list_price": "1500", "floor_price": "1200"}
    assert put(local, "MUG", body).status_code == 201
    got = local.http.get("/products/MUG", headers=ADMIN).json_body
    assert got["currency"] == currency
    assert got["list_price"] == ("1500" if currency == "XOF" else "1500.00")


@pytest.mark.parametrize(
    ("sku", "body", "field", "words"),
    [
        ("bad sku!", MUG, "sku", "letters"),
        ("MUG", MUG | {"sku": "OTHER"}, "sku", "differs"),
        ("MUG", {k: v for k, v in MUG.items() if k != "name"}, "name", "required"),
        ("MUG", MUG | {"name": ""}, "name", "non-empty"),
        ("MUG", MUG | {"currency": "EURO"}, "currency", "ISO 4217"),
        ("MUG", MUG | {"currency": "XYZ"}, "currency", "ISO 4217"),
        ("MUG", MUG | {"currency": "XOF", "list_price": "1500.5"}, "list_price", "decimals"),
        ("MUG", MUG | {"list_price": "-1"}, "list_price", "greater than zero"),
        ("MUG", MUG | {"list_price": "abc"}, "list_price", "not a decimal"),
        ("MUG", MUG | {"list_price": "1.001"}, "list_price", "decimals"),
        ("MUG", MUG | {"currency": "JPY", "list_price": "100.5"}, "list_price", "decimals"),
        ("MUG", MUG | {"floor_price": "30.00"}, "floor_price", "above list_price"),
        ("MUG", MUG | {"competitors": "https://x.example"}, "competitors", "list"),
        ("MUG", MUG | {"competitors": ["ftp://x.example/a"]}, "competitors[0]", "http"),
        ("MUG", MUG | {"competitors": ["javascript:alert(1)"]}, "competitors[0]", "http"),
        ("MUG", MUG | {"competitors": ["https://u:p@x.example/"]}, "competitors[0]", "credentials"),
        (
            "MUG",
            MUG | {"competitors": ["https://x.example/", "https://x.example/"]},
            "competitors[1]",
            "twice",
        ),
        ("MUG", MUG | {"colour": "blue"}, "colour", "not a known field"),
    ],
)
def test_bad_products_are_400_naming_the_field(
    local: Any, sku: str, body: Any, field: str, words: str
) -> None:
    response = put(local, sku, body)
    assert response.status_code == 400, response.json_body
    assert response.json_body["Field"] == field
    assert words in response.json_body["Message"]


def test_bad_bodies_are_400(local: Any) -> None:
    response = local.http.put("/products/MUG", headers=ADMIN, body="not json")
    assert response.status_code == 400
    assert local.http.get("/prices/bad%20sku").status_code == 400


class _Request:
    def __init__(self, context: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self.context = context
        self.headers = headers or {}


def jwt(claims: dict[str, Any]) -> str:
    """An ID token's shape (chalice local reads its claims; API Gateway checks its signature)."""

    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return f"{part({'alg': 'RS256'})}.{part(claims)}.signature"


@pytest.fixture
def cognito_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Any:
    """app.py loaded afresh for a stage with a user pool (the authorizer is set at import)."""
    import importlib.util

    from chalice.test import Client

    from tests.conftest import PROJECT_DIR

    monkeypatch.setenv("USER_POOL_ARN", "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/x")
    monkeypatch.setenv("STOREKEEPER_DATA", str(tmp_path))
    spec = importlib.util.spec_from_file_location("app_with_cognito", PROJECT_DIR / "app.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with Client(module.app, stage_name="local", project_dir=str(PROJECT_DIR)) as client:
        yield client


@pytest.mark.filterwarnings("ignore:CognitoUserPoolAuthorizer is not a supported in local mode")
@pytest.mark.parametrize(
    ("groups", "status"),
    [(["admin"], 201), ("admin,buyers", 201), ("[buyers admin]", 201), (["buyers"], 403),
     (None, 403)],
)  # fmt: skip
def test_with_cognito_only_the_admin_group_may_change_the_catalogue(
    cognito_app: Any, groups: Any, status: int
) -> None:
    claims: dict[str, Any] = {"cognito:username": "ann", "sub": "1"}
    if groups is not None:
        claims["cognito:groups"] = groups
    headers = {"Authorization": jwt(claims), "Content-Type": "application/json"}
    response = put(cognito_app, "MUG-BLUE", MUG, headers=headers)
    assert response.status_code == status, response.json_body
    if status == 403:
        assert "'admin' group" in response.json_body["Message"]


def test_with_cognito_the_authorizer_claims_are_required() -> None:
    from chalicelib.config import Settings
    from chalicelib.errors import Forbidden, Unauthorized
    from chalicelib.web.auth import cognito_authorizer, require_admin

    arn = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_example"
    settings = Settings.from_env()._replace(user_pool_arn=arn, admin_token="")
    authorizer = cognito_authorizer(settings)
    assert authorizer is not None
    assert authorizer.to_swagger()["x-amazon-apigateway-authorizer"]["providerARNs"] == [arn]
    admin = {"sub": "ann", "cognito:groups": "admin,buyers"}
    require_admin(_Request({"authorizer": {"claims": admin}}), settings)  # type: ignore[arg-type]
    with pytest.raises(Forbidden, match="'admin' group"):  # a user of the pool, not an admin
        require_admin(
            _Request({"authorizer": {"claims": {"sub": "someone", "email": "a@b.example"}}}),  # type: ignore[arg-type]
            settings,
        )
    with pytest.raises(Unauthorized):
        require_admin(_Request({}, {"authorization": f"Bearer {ADMIN_TOKEN}"}), settings)  # type: ignore[arg-type]
    assert cognito_authorizer(Settings.from_env()._replace(user_pool_arn="")) is None


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("competitors", ["http://[127.0.0.1]/"], "malformed"),
        ("competitors", ["http://[::1/"], "malformed"),
        ("competitors", ["http://[zz]/"], "malformed"),
        ("competitors", ["https://shop.example/\ud800"], "surrogate"),
        ("competitors", ["http://shop.example:0/"], "port"),
        ("competitors", ["http://shop example/"], "spaces"),
        ("name", "Mug \ud800", "surrogate"),
        ("name", "Mug\x00", "control characters"),
        ("name", "Mug \u202egub", "control characters"),  # right-to-left override
        ("name", "Mug\u2066blue", "control characters"),
    ],
)
def test_malformed_urls_and_names_are_400s_naming_the_field(
    local: Any, field: str, value: Any, problem: str
) -> None:
    response = put(local, "MUG-BLUE", MUG | {field: value})
    assert response.status_code == 400
    expected = "competitors[0]" if field == "competitors" else field
    assert response.json_body["Field"] == expected
    assert problem in response.json_body["Message"]


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://127.0.0.1:8080/",
        "http://[::1]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://localhost:9/",  # a name whose every address is loopback
    ],
)
def test_private_addresses_are_refused_when_saved(local: Any, url: str) -> None:
    response = put(local, "MUG-BLUE", MUG | {"competitors": ["https://harbor.example/", url]})
    assert response.status_code == 400
    assert response.json_body["Field"] == "competitors[1]"
    assert "public address" in response.json_body["Message"]


def test_the_allowlist_admits_a_private_shop(local: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FETCH_ALLOWLIST", "127.0.0.1:8080,[::1]:9000")
    body = MUG | {"competitors": ["http://127.0.0.1:8080/mug", "http://[::1]:9000/mug"]}
    assert put(local, "MUG-BLUE", body).status_code == 201
    assert (
        put(local, "MUG-BLUE", MUG | {"competitors": ["http://127.0.0.1:8081/"]}).status_code == 400
    )
