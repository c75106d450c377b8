"""storekeeper's Chalice app: decorators and wiring only.

Every handler reads its event, calls chalicelib, and shapes the answer.
Handlers import what they need when they first run: a cold start that only
makes change never loads Pillow, the HTML parser, the HTTP client or boto3.
"""

from __future__ import annotations

from typing import Any

from chalice.app import Chalice, CloudWatchEvent, Response, S3Event, SQSEvent

from chalicelib import __version__, logs
from chalicelib.config import PAGES_PREFIX, Settings
from chalicelib.web.auth import cognito_authorizer, require_admin
from chalicelib.web.json_api import json_body, json_errors

app = Chalice(app_name="storekeeper", configure_logs=False)
logs.configure()
# Resource names for the decorators; handlers re-read settings per call.
STAGE = Settings.from_env()
ADMIN = cognito_authorizer(STAGE)


@app.middleware("all")
def tag_logs_with_request_id(event: Any, get_response: Any) -> Any:
    with logs.request_scope(logs.request_id_of(event)):
        return get_response(event)


@app.route("/")
def index() -> dict[str, str]:
    return {"service": "storekeeper", "version": __version__}


# --- the till ---------------------------------------------------------------


@app.route("/change", methods=["POST"])
@json_errors
def change() -> dict[str, Any]:
    from chalicelib.change import change_from_request

    return change_from_request(json_body(app.current_request)).to_json()


@app.lambda_function(name="make_change")
def make_change(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """The tutorial's way in: {"amount": 1.45} or a proxy event, proxy answer out."""
    from chalicelib.change import change_from_request
    from chalicelib.web import lambda_proxy

    return lambda_proxy.invoke(change_from_request, event)


# --- photos -----------------------------------------------------------------


@app.on_s3_event(
    bucket=STAGE.uploads_bucket,
    prefix=STAGE.uploads_prefix,
    events=["s3:ObjectCreated:*", "s3:ObjectRemoved:*"],
)
def make_thumbnails(event: S3Event) -> None:
    from chalicelib import photos
    from chalicelib.services import services

    s = services()
    photos.handle_event(event.to_dict(), s.settings, s.stores.uploads, s.stores.thumbnails)


# --- catalogue (admin) ------------------------------------------------------


@app.route("/products", methods=["GET"], authorizer=ADMIN)
@json_errors
def list_products() -> dict[str, Any]:
    from chalicelib.services import services

    s = services()
    require_admin(app.current_request, s.settings)
    return {"products": [product.to_json() for product, _ in s.prices.products()]}


@app.route("/products/{sku}", methods=["PUT"], authorizer=ADMIN)
@json_errors
def put_product(sku: str) -> Response:
    from chalicelib.catalogue import product_from_request
    from chalicelib.pricewatch import admin
    from chalicelib.services import services

    s = services()
    require_admin(app.current_request, s.settings)
    product = product_from_request(sku, json_body(app.current_request))
    created, body = admin.save_product(s.prices, s.settings, product, _now())
    return Response(body=body, status_code=201 if created else 200)


@app.route("/products/{sku}", methods=["GET"], authorizer=ADMIN)
@json_errors
def get_product(sku: str) -> dict[str, Any]:
    from chalicelib.catalogue import check_sku
    from chalicelib.pricewatch import admin
    from chalicelib.services import services

    s = services()
    require_admin(app.current_request, s.settings)
    return admin.get_product(s.prices, check_sku(sku))


@app.route("/products/{sku}", methods=["DELETE"], authorizer=ADMIN)
@json_errors
def delete_product(sku: str) -> Response:
    from chalicelib.catalogue import check_sku
    from chalicelib.pricewatch import admin
    from chalicelib.services import services

    s = services()
    require_admin(app.current_request, s.settings)
    admin.delete_product(s.prices, check_sku(sku))
    return Response(body="", status_code=204)


# --- prices (public) --------------------------------------------------------


@app.route("/prices", methods=["GET"])
@json_errors
def prices() -> Any:
    from chalicelib.pricewatch import views
    from chalicelib.services import services
    from chalicelib.web import prices_page

    store = services().prices
    if not prices_page.wants_html(app.current_request):
        return {"prices": views.price_list(store)}
    html = prices_page.render(views.price_details(store), _now())
    return Response(body=html, headers={"Content-Type": "text/html; charset=utf-8"})


@app.route("/prices/{sku}", methods=["GET"])
@json_errors
def price(sku: str) -> dict[str, Any]:
    from chalicelib.catalogue import check_sku
    from chalicelib.errors import NotFound
    from chalicelib.pricewatch import views
    from chalicelib.services import services

    detail = views.price_detail(services().prices, check_sku(sku))
    if detail is None:
        raise NotFound("sku", f"no product {sku}")
    return detail


# --- the nightly scrape -----------------------------------------------------


@app.schedule(STAGE.scrape_schedule, name="nightly_scrape")
def nightly_scrape(event: CloudWatchEvent) -> None:
    from datetime import datetime

    from chalicelib.pricewatch import scheduling
    from chalicelib.services import services

    s = services()
    scheduled_at = datetime.fromisoformat(event.time.replace("Z", "+00:00"))
    scheduling.enqueue_run(s.prices, s.stores.scrape_queue, scheduled_at, _now())


@app.on_sqs_message(queue=STAGE.scrape_queue, batch_size=5)
def fetch_pages(event: SQSEvent) -> dict[str, Any]:
    from chalicelib.pricewatch import consumer
    from chalicelib.services import services

    s = services()
    return consumer.handle_batch(
        event.to_dict(), s.settings, s.prices, s.stores.pages, s.stores.scrape_queue, s.fetcher
    )


@app.on_s3_event(bucket=STAGE.pages_bucket, prefix=PAGES_PREFIX, events=["s3:ObjectCreated:*"])
def record_prices(event: S3Event) -> None:
    from chalicelib.pricewatch import recording
    from chalicelib.services import services

    s = services()
    recording.handle_page_event(event.to_dict(), s.settings, s.prices, s.stores.pages)


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)
