"""The IAM policies against the code: each function may call exactly what its code calls.

Every handler runs under moto while a botocore hook records each AWS call it
makes; a static map turns calls into IAM actions and resources. Each call
must be allowed by that function's policy, and each grant must be used by a
call (or by the Lambda platform on the function's behalf, named below).
"""

from __future__ import annotations

import fnmatch
import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote_plus

import pytest
from chalice.test import Client
from pytest_httpserver import HTTPServer

from app import app
from chalicelib.config import Settings
from chalicelib.storage import aws_clients
from deploy import policies, stages
from local_runtime.discovery import discover
from local_runtime.events import sqs_event
from tests.conftest import ADMIN_TOKEN, PROJECT_DIR
from tests.imaging import encode, quadrants

# botocore operation -> IAM action
ACTIONS = {
    ("s3", "PutObject"): "s3:PutObject",
    ("s3", "GetObject"): "s3:GetObject",
    ("s3", "HeadObject"): "s3:GetObject",
    ("s3", "DeleteObject"): "s3:DeleteObject",
    ("s3", "ListObjectsV2"): "s3:ListBucket",
    ("dynamodb", "GetItem"): "dynamodb:GetItem",
    ("dynamodb", "PutItem"): "dynamodb:PutItem",
    ("dynamodb", "UpdateItem"): "dynamodb:UpdateItem",
    ("dynamodb", "DeleteItem"): "dynamodb:DeleteItem",
    ("dynamodb", "Query"): "dynamodb:Query",
    ("sqs", "GetQueueUrl"): "sqs:GetQueueUrl",
    ("sqs", "SendMessage"): "sqs:SendMessage",
    ("sqs", "SendMessageBatch"): "sqs:SendMessage",
    ("sqs", "ReceiveMessage"): "sqs:ReceiveMessage",
    ("sqs", "DeleteMessage"): "sqs:DeleteMessage",
    ("sqs", "ChangeMessageVisibility"): "sqs:ChangeMessageVisibility",
    ("sqs", "GetQueueAttributes"): "sqs:GetQueueAttributes",
}
# What AWS does with a function's role without our code calling it.
PLATFORM = {
    "fetch_pages": {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"},
}
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"}
ACCOUNT, REGION = "123456789012", "us-east-1"


def resource_arn(service: str, params: dict[str, Any]) -> str:
    if service == "s3":
        key = params.get("Key")
        return stages.bucket_arn(params["Bucket"], key)
    if service == "dynamodb":
        return f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{params['TableName']}"
    name = params.get("QueueName") or str(params["QueueUrl"]).rsplit("/", 1)[-1]
    return f"arn:aws:sqs:{REGION}:{ACCOUNT}:{name}"


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []  # (action, resource arn)

    def hook(self, model: Any, params: dict[str, Any], **_: Any) -> None:
        service = model.service_model.endpoint_prefix
        action = ACTIONS[(service, model.name)]
        self.calls.append((action, resource_arn(service, params)))


@pytest.fixture
def recorder(aws: None, monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    real = aws_clients.new_client

    def recording_client(service: str, region: str) -> Any:
        made = real(service, region)
        made.meta.events.register("provide-client-params.*.*", recorder.hook)
        return made

    aws_clients.reset()
    monkeypatch.setattr(aws_clients, "new_client", recording_client)
    monkeypatch.setenv("ADMIN_TOKEN", ADMIN_TOKEN)
    return recorder


def allowed(document: dict[str, Any], action: str, arn: str) -> bool:
    return any(
        action in statement["Action"]
        and any(fnmatch.fnmatchcase(arn, pattern) for pattern in statement["Resource"])
        for statement in document["Statement"]
    )


def check(handler: str, calls: list[tuple[str, str]]) -> None:
    document = policies.policy("dev", handler)
    for action, arn in calls:
        assert allowed(document, action, arn), f"{handler} calls {action} on {arn}, not granted"
    used = {action for action, _ in calls} | PLATFORM.get(handler, set())
    if {"s3:GetObject"} & used:  # HeadObject/GetObject on a missing key needs ListBucket for a 404
        used.add("s3:ListBucket")
    for statement in document["Statement"][1:]:
        for action in statement["Action"]:
            assert action in used, f"{handler} is granted {action} but never uses it"


def run(recorder: Recorder, step: Any) -> list[tuple[str, str]]:
    """One function's work, as in a container of its own: nothing cached from the others."""
    from chalicelib import services
    from chalicelib.storage import factory

    for cached in (services.price_store, services.fetcher, factory.blob_store, factory.table,
                   factory.queue):  # fmt: skip
        cached.cache_clear()
    aws_clients.reset()
    recorder.calls.clear()
    step()
    return list(recorder.calls)


def test_every_call_is_granted_and_every_grant_used(
    recorder: Recorder, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FETCH_ALLOWLIST", f"localhost:{httpserver.port}")
    monkeypatch.setenv("HOST_INTERVAL_SECONDS", "0")
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\n")
    httpserver.expect_request("/mug").respond_with_data(
        '<script type="application/ld+json">{"@type":"Product","offers":{"price":"20.00","priceCurrency":"EUR"}}</script>',
        content_type="text/html",
    )
    httpserver.expect_request("/busy").respond_with_data(
        "later", status=429, headers={"Retry-After": "60"}
    )
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    client = Client(app, stage_name="dev", project_dir=str(PROJECT_DIR))
    s = Settings.from_env()
    body = {"name": "Mug", "list_price": "26.00", "currency": "EUR",
            "competitors": [httpserver.url_for(p) for p in ("/mug", "/busy", "/gone")]}  # fmt: skip

    api = run(recorder, lambda: [
        client.http.put("/products/MUG", headers=ADMIN, body=json.dumps(body)),
        client.http.get("/products/MUG", headers=ADMIN),
        client.http.get("/products", headers=ADMIN),
        client.http.get("/prices"),
        client.http.get("/prices/MUG"),
    ])  # fmt: skip
    assert api
    change = run(recorder, lambda: client.lambda_.invoke("make_change", {"amount": 1.15}))
    assert change == []

    scheduled = client.events.generate_cw_event(
        source="aws.events", detail_type="Scheduled Event", detail={}, resources=[]
    )
    scheduled["time"] = datetime(2026, 11, 26, 3, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    scrape = run(recorder, lambda: client.lambda_.invoke("nightly_scrape", scheduled))

    from chalicelib.storage.sqs import SqsQueue

    queue = SqsQueue(s.scrape_queue, s.region)
    late = queue.receive(max_messages=10)
    assert len(late) == 3
    # A batch that arrives with too little time left puts its pages back.
    from chalice.local import LambdaContext

    short = LambdaContext("fetch_pages", 256, max_runtime_ms=1000)
    put_back = run(
        recorder,
        lambda: app.handler_map["fetch_pages"](
            sqs_event(s.scrape_queue, late, region=REGION), short
        ),
    )
    for message in late:
        queue.delete(message.receipt)
    messages = queue.receive(max_messages=10)
    assert len(messages) == 3
    fetch = put_back + run(
        recorder,
        lambda: client.lambda_.invoke(
            "fetch_pages", sqs_event(s.scrape_queue, messages, region=REGION)
        ),
    )
    assert (
        "sqs:ChangeMessageVisibility",
        resource_arn("sqs", {"QueueName": s.scrape_queue}),
    ) in fetch

    import boto3

    keys = [
        o["Key"]
        for o in boto3.client("s3", region_name=REGION).list_objects_v2(Bucket=s.pages_bucket)[
            "Contents"
        ]
    ]
    record = run(recorder, lambda: [
        client.lambda_.invoke("record_prices", client.events.generate_s3_event(bucket=s.pages_bucket, key=quote_plus(k, safe="/")))
        for k in keys
    ])  # fmt: skip

    boto3.client("s3", region_name=REGION).put_object(
        Bucket=s.uploads_bucket, Key="products/mug.jpg", Body=encode(quadrants(400, 300), "JPEG")
    )
    photo = run(
        recorder,
        lambda: client.lambda_.invoke(
            "make_thumbnails",
            client.events.generate_s3_event(bucket=s.uploads_bucket, key="products/mug.jpg"),
        ),
    )
    boto3.client("s3", region_name=REGION).delete_object(
        Bucket=s.uploads_bucket, Key="products/mug.jpg"
    )
    photo += run(
        recorder,
        lambda: client.lambda_.invoke(
            "make_thumbnails",
            client.events.generate_s3_event(
                bucket=s.uploads_bucket, key="products/mug.jpg", event_name="ObjectRemoved:Delete"
            ),
        ),
    )
    delete = run(recorder, lambda: client.http.delete("/products/MUG", headers=ADMIN))

    check("api_handler", api + delete)
    check("make_change", change)
    check("nightly_scrape", scrape)
    check("fetch_pages", fetch)
    check("record_prices", record)
    check("make_thumbnails", photo)


def test_policies_are_least_privilege_and_committed() -> None:
    for stage in stages.DEPLOYED_STAGES:
        stage_config = stages.config()["stages"][stage]
        assert stage_config["autogen_policy"] is False
        functions = stages.lambda_functions(stage)
        for handler in policies.HANDLERS:
            committed = (stages.CONFIG.parent / policies.file_name(stage, handler)).read_text()
            assert committed == policies.render(policies.policy(stage, handler)), (
                f"{policies.file_name(stage, handler)} is stale: run `python -m deploy.policies`"
            )
            assert functions[handler]["iam_policy_file"] == policies.file_name(stage, handler)
            for statement in policies.policy(stage, handler)["Statement"]:
                assert not any("*" in action for action in statement["Action"])
                if statement["Sid"] != "OwnLogs":
                    assert "*" not in statement["Resource"]
                    for arn in statement["Resource"]:
                        assert stage in arn  # the stage's own resources, by name
    assert stages.config()["stages"]["local"]["autogen_policy"] is False


def test_every_function_the_app_registers_has_its_own_policy() -> None:
    handlers = discover(app)
    registered = {"api_handler"} | {f.name for f in app.pure_lambda_functions}
    registered |= (
        {s.name for s in handlers.s3}
        | {q.name for q in handlers.queues}
        | {s.name for s in handlers.schedules}
    )
    assert registered == set(policies.HANDLERS)
