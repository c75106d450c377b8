"""storekeeper's Chalice app: decorators and wiring only.

Every handler reads its event, calls chalicelib, and shapes the answer.
"""

from __future__ import annotations

from typing import Any

from chalice.app import Chalice, S3Event

from chalicelib import __version__, logs, photos
from chalicelib.change import change_from_request
from chalicelib.config import Settings
from chalicelib.storage.factory import stores
from chalicelib.web import lambda_proxy
from chalicelib.web.json_api import json_body, json_errors

app = Chalice(app_name="storekeeper", configure_logs=False)
logs.configure()
# Resource names for the decorators; handlers re-read settings per call.
STAGE = Settings.from_env()


@app.middleware("all")
def tag_logs_with_request_id(event: Any, get_response: Any) -> Any:
    with logs.request_scope(logs.request_id_of(event)):
        return get_response(event)


@app.route("/")
def index() -> dict[str, str]:
    return {"service": "storekeeper", "version": __version__}


@app.route("/change", methods=["POST"])
@json_errors
def change() -> dict[str, Any]:
    return change_from_request(json_body(app.current_request)).to_json()


@app.lambda_function(name="make_change")
def make_change(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """The tutorial's way in: {"amount": 1.45} or a proxy event, proxy answer out."""
    return lambda_proxy.invoke(change_from_request, event)


@app.on_s3_event(
    bucket=STAGE.uploads_bucket,
    prefix=STAGE.uploads_prefix,
    events=["s3:ObjectCreated:*", "s3:ObjectRemoved:*"],
)
def make_thumbnails(event: S3Event) -> None:
    settings = Settings.from_env()
    store = stores(settings)
    photos.handle_event(event.to_dict(), settings, store.uploads, store.thumbnails)
