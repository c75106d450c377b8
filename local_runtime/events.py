"""Event payloads shaped exactly as AWS delivers them to Lambda."""

from __future__ import annotations

import hashlib
import time
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote_plus

from chalicelib.storage.queues import Message

ACCOUNT = "000000000000"


def iso_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{moment.microsecond // 1000:03d}Z"
    )


def s3_event(
    bucket: str,
    key: str,
    event_name: str,
    *,
    region: str,
    size: int | None = None,
    etag: str | None = None,
    when: datetime | None = None,
) -> dict[str, Any]:
    """One S3 notification record; keys are form-encoded as S3 sends them."""
    obj: dict[str, Any] = {
        "key": quote_plus(key, safe="/"),
        "sequencer": f"{time.time_ns():016X}",
    }
    if size is not None:
        obj["size"] = size
    if etag is not None:
        obj["eTag"] = etag
    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "awsRegion": region,
        "eventTime": iso_time(when or datetime.now(UTC)),
        "eventName": event_name,
        "userIdentity": {"principalId": "local"},
        "requestParameters": {"sourceIPAddress": "127.0.0.1"},
        "responseElements": {
            "x-amz-request-id": uuid.uuid4().hex[:16].upper(),
            "x-amz-id-2": uuid.uuid4().hex,
        },
        "s3": {
            "s3SchemaVersion": "1.0",
            "configurationId": "local-runtime",
            "bucket": {
                "name": bucket,
                "ownerIdentity": {"principalId": "local"},
                "arn": f"arn:aws:s3:::{bucket}",
            },
            "object": obj,
        },
    }
    return {"Records": [record]}


def sqs_event(queue: str, messages: list[Message], *, region: str) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": message.id,
                "receiptHandle": message.receipt,
                "body": message.body,
                "attributes": {
                    "ApproximateReceiveCount": str(message.receive_count),
                    "SentTimestamp": str(int(message.sent_at * 1000)),
                    "SenderId": "local",
                    "ApproximateFirstReceiveTimestamp": str(int(message.first_received_at * 1000)),
                },
                "messageAttributes": {
                    name: {"stringValue": value, "dataType": "String"}
                    for name, value in message.attributes.items()
                },
                "md5OfBody": hashlib.md5(message.body.encode(), usedforsecurity=False).hexdigest(),
                "eventSource": "aws:sqs",
                "eventSourceARN": f"arn:aws:sqs:{region}:{ACCOUNT}:{queue}",
                "awsRegion": region,
            }
            for message in messages
        ]
    }


def scheduled_event(rule: str, when: datetime, *, region: str) -> dict[str, Any]:
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": ACCOUNT,
        "time": when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": region,
        "resources": [f"arn:aws:events:{region}:{ACCOUNT}:rule/{rule}"],
        "detail": {},
    }
