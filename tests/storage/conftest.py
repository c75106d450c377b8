"""Stores for the contract suite: every test runs against embedded and AWS (moto)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from chalicelib.storage import aws_clients
from chalicelib.storage.blobs import BlobStore
from chalicelib.storage.dynamodb import DynamoTable
from chalicelib.storage.files import FileBlobStore
from chalicelib.storage.queues import Queue, QueueSettings
from chalicelib.storage.s3 import S3BlobStore
from chalicelib.storage.sqlite_queue import SqliteQueue, declare_queue
from chalicelib.storage.sqlite_table import SqliteTable
from chalicelib.storage.sqs import SqsQueue
from chalicelib.storage.table import Table

REGION = "us-east-1"
BUCKET = "contract-bucket"
TABLE = "contract-table"
QUEUE = QueueSettings(
    "contract-queue", visibility_timeout=30, dead_letter_queue="contract-dlq", max_receives=2
)
DLQ = QueueSettings("contract-dlq")


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
        create_aws_resources()
        yield Backend(
            "aws",
            S3BlobStore(BUCKET, REGION),
            DynamoTable(TABLE, REGION),
            SqsQueue(QUEUE.name, REGION),
            SqsQueue(DLQ.name, REGION),
        )
    aws_clients.reset()


def create_aws_resources() -> None:
    boto3.client("s3", region_name=REGION).create_bucket(Bucket=BUCKET)
    boto3.client("dynamodb", region_name=REGION).create_table(
        TableName=TABLE,
        KeySchema=[
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"},
        ],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    sqs = boto3.client("sqs", region_name=REGION)
    dlq_url = sqs.create_queue(QueueName=DLQ.name)["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    sqs.create_queue(
        QueueName=QUEUE.name,
        Attributes={
            "VisibilityTimeout": str(QUEUE.visibility_timeout),
            "RedrivePolicy": json.dumps(
                {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": QUEUE.max_receives}
            ),
        },
    )
