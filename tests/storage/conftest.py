"""Stores for the contract suite: every test runs against embedded and AWS (moto)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from chalicelib.config import Settings
from chalicelib.storage import aws_clients
from chalicelib.storage.blobs import BlobStore
from chalicelib.storage.dynamodb import DynamoTable
from chalicelib.storage.files import FileBlobStore
from chalicelib.storage.queues import Queue
from chalicelib.storage.resources import stage_resources
from chalicelib.storage.s3 import S3BlobStore
from chalicelib.storage.sqlite_queue import SqliteQueue, declare_queue
from chalicelib.storage.sqlite_table import SqliteTable
from chalicelib.storage.sqs import SqsQueue
from chalicelib.storage.table import Table
from tests.aws_resources import create_stage_resources
from tests.conftest import one_request_at_a_time

REGION = "us-east-1"
SETTINGS = Settings.from_env(
    {
        "TABLE_NAME": "contract-table",
        "UPLOADS_BUCKET": "contract-bucket",
        "THUMBNAILS_BUCKET": "contract-thumbnails",
        "PAGES_BUCKET": "contract-pages",
        "SCRAPE_QUEUE": "contract-queue.fifo",
        "SCRAPE_DEAD_LETTER_QUEUE": "contract-dlq.fifo",
        "SCRAPE_MAX_RECEIVES": "2",
        "SCRAPE_VISIBILITY_TIMEOUT": "30",
    }
)
BUCKET, TABLE = SETTINGS.uploads_bucket, SETTINGS.table_name
FIFO, FIFO_DLQ = (stage_resources(SETTINGS).queues[r] for r in ("scrape", "scrape_dead_letters"))
# A standard queue pair with the same settings, for what standard queues do.
QUEUE = replace(FIFO, name="contract-queue", dead_letter_queue="contract-dlq")
DLQ = replace(FIFO_DLQ, name="contract-dlq")


@dataclass
class Backend:
    name: str
    blobs: BlobStore
    table: Table
    queue: Queue
    dead_letters: Queue
    fifo: Queue
    fifo_dead_letters: Queue


@pytest.fixture(params=["embedded", "aws"])
def backend(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Backend]:
    queues = (QUEUE, DLQ, FIFO, FIFO_DLQ)
    if request.param == "embedded":
        for declared in queues:
            declare_queue(tmp_path, declared)
        yield Backend(
            "embedded",
            FileBlobStore(tmp_path, BUCKET),
            SqliteTable(tmp_path, TABLE),
            *(SqliteQueue(tmp_path, declared.name) for declared in queues),
        )
        return
    one_request_at_a_time(monkeypatch)
    with mock_aws():
        aws_clients.reset()
        create_stage_resources(SETTINGS)
        sqs = boto3.client("sqs", region_name=REGION)
        dead = sqs.create_queue(QueueName=DLQ.name)["QueueUrl"]
        dead_arn = sqs.get_queue_attributes(QueueUrl=dead, AttributeNames=["QueueArn"])
        policy = {
            "deadLetterTargetArn": dead_arn["Attributes"]["QueueArn"],
            "maxReceiveCount": QUEUE.max_receives,
        }
        sqs.create_queue(
            QueueName=QUEUE.name,
            Attributes={
                "VisibilityTimeout": str(QUEUE.visibility_timeout),
                "RedrivePolicy": json.dumps(policy),
            },
        )
        yield Backend(
            "aws",
            S3BlobStore(BUCKET, REGION),
            DynamoTable(TABLE, REGION),
            *(SqsQueue(declared.name, REGION) for declared in queues),
        )
    aws_clients.reset()
