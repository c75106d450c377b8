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
    from chalicelib import photo_uploads, services

    s = services.settings()
    photo_uploads.handle_event(event.to_dict(), s, services.uploads(s), services.thumbnails(s))


# --- catalogue (admin) ------------------------------------------------------


@app.route("/products", methods=["GET"], authorizer=ADMIN)
@json_errors
def list_products() -> dict[str, Any]:
    from chalicelib import services

    s = services.settings()
    require_admin(app.current_request, s)
    return {"products": [product.to_json() for product, _ in services.price_store(s).products()]}


@app.route("/products/{sku}", methods=["PUT"], authorizer=ADMIN)
@json_errors
def put_product(sku: str) -> Response:
    from chalicelib import services
    from chalicelib.catalogue import product_from_request
    from chalicelib.pricewatch import admin

    s = services.settings()
    require_admin(app.current_request, s)
    product = product_from_request(sku, json_body(app.current_request))
    created, body = admin.save_product(services.price_store(s), s, product, _now())
    return Response(body=body, status_code=201 if created else 200)


@app.route("/products/{sku}", methods=["GET"], authorizer=ADMIN)
@json_errors
def get_product(sku: str) -> dict[str, Any]:
    from chalicelib import services
    from chalicelib.catalogue import check_sku
    from chalicelib.pricewatch import admin

    s = services.settings()
    require_admin(app.current_request, s)
    return admin.get_product(services.price_store(s), check_sku(sku))


@app.route("/products/{sku}", methods=["DELETE"], authorizer=ADMIN)
@json_errors
def delete_product(sku: str) -> Response:
    from chalicelib import services
    from chalicelib.catalogue import check_sku
    from chalicelib.pricewatch import admin

    s = services.settings()
    require_admin(app.current_request, s)
    admin.delete_product(services.price_store(s), check_sku(sku))
    return Response(body="", status_code=204)


# --- prices (public) --------------------------------------------------------


@app.route("/prices", methods=["GET"])
@json_errors
def prices() -> Any:
    from chalicelib import services
    from chalicelib.pricewatch import views
    from chalicelib.web import prices_page

    store = services.price_store(services.settings())
    if not prices_page.wants_html(app.current_request):
        return {"prices": views.price_list(store)}
    html = prices_page.render(views.price_details(store), _now())
    return Response(body=html, headers={"Content-Type": "text/html; charset=utf-8"})


@app.route("/prices/{sku}", methods=["GET"])
@json_errors
def price(sku: str) -> dict[str, Any]:
    from chalicelib import services
    from chalicelib.catalogue import check_sku
    from chalicelib.errors import NotFound
    from chalicelib.pricewatch import views

    detail = views.price_detail(services.price_store(services.settings()), check_sku(sku))
    if detail is None:
        raise NotFound("sku", f"no product {sku}")
    return detail


# --- the nightly scrape -----------------------------------------------------


@app.schedule(STAGE.scrape_schedule, name="nightly_scrape")
def nightly_scrape(event: CloudWatchEvent) -> None:
    from datetime import datetime

    from chalicelib import services
    from chalicelib.pricewatch import scheduling

    s = services.settings()
    scheduled_at = datetime.fromisoformat(event.time.replace("Z", "+00:00"))
    scheduling.enqueue_run(
        services.price_store(s), services.scrape_queue(s), scheduled_at, _now, _time_left(event)
    )


@app.on_sqs_message(queue=STAGE.scrape_queue, batch_size=10)
def fetch_pages(event: SQSEvent) -> dict[str, Any]:
    from chalicelib import services
    from chalicelib.pricewatch import consumer

    s = services.settings()
    return consumer.handle_batch(
        event.to_dict(),
        s,
        services.price_store(s),
        services.pages(s),
        services.scrape_queue(s),
        services.fetcher(s),
        time_left=_time_left(event),
    )


@app.on_s3_event(bucket=STAGE.pages_bucket, prefix=PAGES_PREFIX, events=["s3:ObjectCreated:*"])
def record_prices(event: S3Event) -> None:
    from chalicelib import services
    from chalicelib.pricewatch import recording

    s = services.settings()
    recording.handle_page_event(event.to_dict(), s, services.price_store(s), services.pages(s))


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _time_left(event: Any) -> Any:
    """Seconds left of this invocation, as Lambda counts them."""
    context = event.context
    return lambda: context.get_remaining_time_in_millis() / 1000
