"""The price watch end to end on AWS (moto): schedule -> SQS -> fetch -> S3 -> record -> GET /prices.

Competitors are played by a local HTTP server (allowlisted, as the local
demo's sample shop is).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import quote_plus

import boto3
import pytest
from chalice.test import Client
from pytest_httpserver import HTTPServer

from app import app
from chalicelib import services
from chalicelib.config import Settings
from chalicelib.storage.queues import Message, Outgoing
from chalicelib.storage.sqs import SqsQueue
from local_runtime.events import sqs_event
from tests.conftest import ADMIN_TOKEN, PROJECT_DIR

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"}


def jsonld_page(price: str) -> str:
    return (
        '<html><head><script type="application/ld+json">{"@type": "Product", "name": "Mug",'
        f' "offers": {{"price": "{price}", "priceCurrency": "EUR"}}}}</script></head>'
        f"<body><h1>Mug</h1><p class=price>{price} €</p><button>Add to cart</button></body></html>"
    )


def visible_page(price: str) -> str:
    return (
        "<html><body><h1>Stoneware Mug</h1><div class=prices><del>29,90 €</del>"
        f" <span class=sale-price>{price.replace('.', ',')} €</span></div><button>In den Warenkorb</button>"
        "<div class=related-products><span class=price>4,99 €</span></div></body></html>"
    )


@pytest.fixture
def shop(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, aws: None) -> HTTPServer:
    monkeypatch.setenv(
        "FETCH_ALLOWLIST", f"127.0.0.1:{httpserver.port},localhost:{httpserver.port}"
    )
    monkeypatch.setenv("ADMIN_TOKEN", ADMIN_TOKEN)
    monkeypatch.setenv("HOST_INTERVAL_SECONDS", "0")  # the limit is tested on its own
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n"
    )
    return httpserver


@pytest.fixture
def client(shop: HTTPServer) -> Iterator[Client]:
    with Client(app, stage_name="dev", project_dir=str(PROJECT_DIR)) as test_client:
        yield test_client


def add_product(client: Client, sku: str, competitors: list[str], **fields: str) -> None:
    body = {
        "name": "Stoneware Mug",
        "list_price": "26.00",
        "floor_price": "18.00",
        "currency": "EUR",
    }
    body |= fields | {"competitors": competitors}  # type: ignore[assignment]
    response = client.http.put(f"/products/{sku}", headers=ADMIN, body=json.dumps(body))
    assert response.status_code in (200, 201), response.json_body


def run_schedule(client: Client, at: datetime) -> None:
    event = client.events.generate_cw_event(
        source="aws.events",
        detail_type="Scheduled Event",
        detail={},
        resources=["arn:aws:events:::rule/x"],
    )
    event["time"] = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    client.lambda_.invoke("nightly_scrape", event)


def queue() -> SqsQueue:
    settings = Settings.from_env()
    return SqsQueue(settings.scrape_queue, settings.region)


def deliver_messages(client: Client) -> list[Message]:
    """Receive everything queued, hand it to the fetcher as Lambda would; return what failed."""
    failed: list[Message] = []
    while batch := queue().receive(max_messages=10, visibility_timeout=30):
        result = client.lambda_.invoke(
            "fetch_pages", sqs_event(queue().name, batch, region="us-east-1")
        ).payload
        ids = {item["itemIdentifier"] for item in result["batchItemFailures"]}
        for message in batch:
            if message.id in ids:
                failed.append(message)
            else:
                queue().delete(message.receipt)
    return failed


def stored_pages() -> list[str]:
    listed = boto3.client("s3", region_name="us-east-1").list_objects_v2(
        Bucket=Settings.from_env().pages_bucket
    )
    return sorted(entry["Key"] for entry in listed.get("Contents", []))


def record_pages(client: Client, keys: list[str]) -> None:
    for key in keys:
        event = client.events.generate_s3_event(
            bucket=Settings.from_env().pages_bucket, key=quote_plus(key, safe="/")
        )
        client.lambda_.invoke("record_prices", event)


def test_the_whole_pipeline_keeps_us_at_or_below_every_competitor(
    client: Client, shop: HTTPServer
) -> None:
    shop.expect_request("/harbor/mug").respond_with_data(
        jsonld_page("24.50"), content_type="text/html"
    )
    shop.expect_request("/crate/becher").respond_with_data(
        visible_page("22.90"), content_type="text/html"
    )
    harbor, crate = (
        f"http://127.0.0.1:{shop.port}/harbor/mug",
        f"http://localhost:{shop.port}/crate/becher",
    )
    add_product(client, "MUG", [harbor, crate])  # two hosts: two shops

    run_schedule(client, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
    assert queue().approximate_count() == 2  # one message per (product, page)
    assert deliver_messages(client) == []
    keys = stored_pages()
    assert [key.split("/")[:3] for key in keys] == [
        ["pages", "MUG", "127.0.0.1"],
        ["pages", "MUG", "localhost"],
    ]
    head = boto3.client("s3", region_name="us-east-1").head_object(
        Bucket=Settings.from_env().pages_bucket, Key=keys[0]
    )
    assert head["Metadata"]["sku"] == "MUG"
    assert head["Metadata"]["url"] == harbor
    assert head["Metadata"]["fetched-at"].endswith("Z")

    record_pages(client, keys)
    [row] = client.http.get("/prices").json_body["prices"]
    assert row["our_price"] == "22.90"
    latest = [h for h in client.http.get("/prices/MUG").json_body["history"] if h["price"]]
    assert sorted(h["price"] for h in latest) == ["22.90", "24.50"]  # both pages were read
    assert row["lowest_competitor"]["who"] == "localhost"
    assert row["reason"] == "competitor"

    # A redelivered page event changes nothing.
    history = client.http.get("/prices/MUG").json_body["history"]
    record_pages(client, keys)
    assert client.http.get("/prices/MUG").json_body["history"] == history
    assert client.http.get("/prices").json_body["prices"][0]["our_price"] == "22.90"

    # Competitors raise their prices: ours follows them back up, never above list.
    shop.clear()
    shop.expect_request("/robots.txt").respond_with_data("User-agent: *\n")
    shop.expect_request("/harbor/mug").respond_with_data(
        jsonld_page("27.00"), content_type="text/html"
    )
    shop.expect_request("/crate/becher").respond_with_data(
        visible_page("25.40"), content_type="text/html"
    )
    run_schedule(client, datetime(2026, 11, 27, 3, 0, tzinfo=UTC))
    assert deliver_messages(client) == []
    record_pages(client, [key for key in stored_pages() if key not in keys])
    detail = client.http.get("/prices/MUG").json_body
    assert detail["our_price"] == "25.40"
    assert [p["price"] for p in detail["our_history"]] == ["26.00", "24.50", "22.90", "25.40"]
    assert len(detail["history"]) == 4


def test_a_redelivered_schedule_queues_nothing_twice(client: Client, shop: HTTPServer) -> None:
    add_product(client, "MUG", [shop.url_for("/harbor/mug")])
    at = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
    run_schedule(client, at)
    run_schedule(client, at)
    assert queue().approximate_count() == 1


def test_robots_and_404_are_recorded_not_retried(client: Client, shop: HTTPServer) -> None:
    shop.expect_request("/gone").respond_with_data("no", status=404)
    add_product(client, "MUG", [shop.url_for("/private/mug"), shop.url_for("/gone")])
    run_schedule(client, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
    assert deliver_messages(client) == []
    assert queue().approximate_count() == 0
    history = client.http.get("/prices/MUG").json_body["history"]
    assert sorted(h["status"] for h in history) == ["not-found", "robots-disallowed"]
    [row] = client.http.get("/prices").json_body["prices"]
    assert row["our_price"] == "26.00"
    assert sorted(flag.split(":")[0] for flag in row["flags"]) == ["not-found", "robots-disallowed"]


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:9/admin", "http://169.254.169.254/latest/meta-data/"]
)
def test_ssrf_targets_are_refused_when_saved(client: Client, shop: HTTPServer, url: str) -> None:
    body = {"name": "Mug", "list_price": "26.00", "currency": "EUR", "competitors": [url]}
    response = client.http.put("/products/MUG", headers=ADMIN, body=json.dumps(body))
    assert response.status_code == 400
    assert response.json_body["Field"] == "competitors[0]"
    assert "not a public address" in response.json_body["Message"]


def test_a_name_that_turns_private_after_saving_is_refused_at_fetch_time(
    client: Client, shop: HTTPServer
) -> None:
    url = "http://shop.example/mug"  # unresolvable when saved: accepted
    services.fetcher(services.settings()).resolver = lambda host, port: ["10.0.0.8"]
    try:
        add_product(client, "MUG", [url])
        run_schedule(client, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
        assert deliver_messages(client) == []
    finally:
        from chalicelib.pricewatch.fetching import resolve

        services.fetcher(services.settings()).resolver = resolve
    [seen] = client.http.get("/prices/MUG").json_body["history"]
    assert seen["status"] == "refused"


def test_a_redirect_to_the_metadata_service_is_refused(client: Client, shop: HTTPServer) -> None:
    shop.expect_request("/mug").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/"}
    )
    add_product(client, "MUG", [shop.url_for("/mug")])
    run_schedule(client, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
    deliver_messages(client)
    [seen] = client.http.get("/prices/MUG").json_body["history"]
    assert seen["status"] == "refused"


def test_a_flaky_competitor_is_retried_then_dead_lettered(client: Client, shop: HTTPServer) -> None:
    shop.expect_request("/flaky").respond_with_data("down", status=503)
    shop.expect_request("/fine").respond_with_data(jsonld_page("24.00"), content_type="text/html")
    add_product(client, "MUG", [shop.url_for("/flaky"), shop.url_for("/fine")])
    run_schedule(client, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
    [flaky] = deliver_messages(client)  # only the flaky page fails; the fine one is done
    assert len(stored_pages()) == 1
    assert queue().receive() == []  # hidden for its backoff, not at once
    settings = Settings.from_env()
    for _ in range(settings.scrape_max_receives):
        queue().change_visibility(flaky.receipt, 0)  # as if the backoff had passed
        failed = deliver_messages(client)
        if not failed:
            break
        [flaky] = failed
    assert queue().approximate_count() == 0
    dead = SqsQueue(settings.scrape_dead_letter_queue, settings.region).receive()
    assert [json.loads(m.body)["url"] for m in dead] == [shop.url_for("/flaky")]


def test_bad_messages_are_dropped_and_the_rest_fetched(client: Client, shop: HTTPServer) -> None:
    shop.expect_request("/fine").respond_with_data(jsonld_page("24.00"), content_type="text/html")
    add_product(client, "MUG", [shop.url_for("/fine")])
    for body in ("{not json", json.dumps({"sku": "../etc", "url": "x", "run": "r"})):
        queue().send(Outgoing(body, group="junk", dedup_id=body[:100]))
    run_schedule(client, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
    assert deliver_messages(client) == []
    assert len(stored_pages()) == 1


def test_concurrent_observations_leave_the_lowest_price(client: Client, shop: HTTPServer) -> None:
    from chalicelib.pricewatch.recording import observation, record

    urls = [f"https://shop{i}.example/mug" for i in range(8)]
    add_product(client, "MUG", urls)
    s = services.settings()
    prices = [Decimal("25.00") - Decimal(i) / 4 for i in range(8)]
    at = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)

    def observe(url: str, price: Decimal) -> None:
        seen = observation("MUG", url, at + timedelta(seconds=1), "ok", price=price, currency="EUR")
        record(services.price_store(s), s, seen, datetime.now(UTC))

    threads = [
        threading.Thread(target=observe, args=pair) for pair in zip(urls, prices, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert client.http.get("/prices").json_body["prices"][0]["our_price"] == str(min(prices))


def test_implausible_and_foreign_prices_are_flagged_not_followed(
    client: Client, shop: HTTPServer
) -> None:
    shop.expect_request("/cheap").respond_with_data(jsonld_page("9.99"), content_type="text/html")
    shop.expect_request("/usd").respond_with_data(
        '<script type="application/ld+json">{"@type":"Product","offers":{"price":"20.00","priceCurrency":"USD"}}</script>',
        content_type="text/html",
    )
    add_product(client, "MUG", [shop.url_for("/cheap"), shop.url_for("/usd")])
    run_schedule(client, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
    deliver_messages(client)
    record_pages(client, stored_pages())
    [row] = client.http.get("/prices").json_body["prices"]
    assert row["our_price"] == "26.00"
    assert sorted(flag.split(":")[0] for flag in row["flags"]) == ["implausible", "other-currency"]


def test_a_competitor_out_of_stock_does_not_pull_our_price_down(
    client: Client, shop: HTTPServer
) -> None:
    shop.expect_request("/sold-out").respond_with_data(
        jsonld_page("19.00").replace(
            '"priceCurrency"', '"availability": "https://schema.org/OutOfStock", "priceCurrency"'
        ),
        content_type="text/html",
    )
    shop.expect_request("/fine").respond_with_data(jsonld_page("24.00"), content_type="text/html")
    add_product(client, "MUG", [shop.url_for("/sold-out"), shop.url_for("/fine")])
    run_schedule(client, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
    deliver_messages(client)
    record_pages(client, stored_pages())
    [row] = client.http.get("/prices").json_body["prices"]
    assert row["our_price"] == "24.00"
    assert any(flag.startswith("out-of-stock:") for flag in row["flags"])
    latest = {c["url"]: c for c in client.http.get("/prices/MUG").json_body["latest"]}
    assert latest[shop.url_for("/sold-out")]["availability"] == "out_of_stock"
    assert latest[shop.url_for("/fine")]["availability"] == "in_stock"


def test_a_page_whose_charset_only_its_server_names_is_read(
    client: Client, shop: HTTPServer
) -> None:
    # ISO-8859-15 writes "€" as 0xA4, which any guess would read as "¤".
    shop.expect_request("/latin9").respond_with_data(
        visible_page("19.50").encode("iso-8859-15"), content_type="text/html; charset=ISO-8859-15"
    )
    add_product(client, "MUG", [shop.url_for("/latin9")])
    run_schedule(client, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
    deliver_messages(client)
    record_pages(client, stored_pages())
    [seen] = client.http.get("/prices/MUG").json_body["latest"]
    assert (seen["price"], seen["currency"]) == ("19.50", "EUR")
