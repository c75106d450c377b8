"""Stores for the contract suite: every test runs against embedded and AWS (moto)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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

REGION = "us-east-1"
SETTINGS = Settings.from_env(
    {
        "TABLE_NAME": "contract-table",
        "UPLOADS_BUCKET": "contract-bucket",
        "THUMBNAILS_BUCKET": "contract-thumbnails",
        "PAGES_BUCKET": "contract-pages",
        "SCRAPE_QUEUE": "contract-queue",
        "SCRAPE_DEAD_LETTER_QUEUE": "contract-dlq",
        "SCRAPE_MAX_RECEIVES": "2",
        "SCRAPE_VISIBILITY_TIMEOUT": "30",
    }
)
BUCKET, TABLE = SETTINGS.uploads_bucket, SETTINGS.table_name
QUEUE, DLQ = (stage_resources(SETTINGS).queues[role] for role in ("scrape", "scrape_dead_letters"))


@dataclass
class Backend:
    name: str
    blobs: BlobStore
    table: Table
    queue: Queue
    dead_letters: Queue


@pytest.fixture(params=["embedded", "aws"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "embedded":
        for declared in (QUEUE, DLQ):
            declare_queue(tmp_path, declared)
        yield Backend(
            "embedded",
            FileBlobStore(tmp_path, BUCKET),
            SqliteTable(tmp_path, TABLE),
            SqliteQueue(tmp_path, QUEUE.name),
            SqliteQueue(tmp_path, DLQ.name),
        )
        return
    with mock_aws():
        aws_clients.reset()
        create_stage_resources(SETTINGS)
        yield Backend(
            "aws",
            S3BlobStore(BUCKET, REGION),
            DynamoTable(TABLE, REGION),
            SqsQueue(QUEUE.name, REGION),
            SqsQueue(DLQ.name, REGION),
        )
    aws_clients.reset()
