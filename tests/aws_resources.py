"""The stage's AWS resources, created in moto for tests."""

from __future__ import annotations

import json

import boto3

from chalicelib.config import Settings
from chalicelib.storage.factory import queue_settings


def create_stage_resources(settings: Settings) -> None:
    s3 = boto3.client("s3", region_name=settings.region)
    for bucket in settings.buckets:
        s3.create_bucket(Bucket=bucket)
    boto3.client("dynamodb", region_name=settings.region).create_table(
        TableName=settings.table_name,
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
    sqs = boto3.client("sqs", region_name=settings.region)
    declared = queue_settings(settings)
    arns = {}
    for queue in sorted(declared, key=lambda q: q.dead_letter_queue is not None):
        attributes = {"VisibilityTimeout": str(queue.visibility_timeout)}
        if queue.dead_letter_queue:
            attributes["RedrivePolicy"] = json.dumps(
                {
                    "deadLetterTargetArn": arns[queue.dead_letter_queue],
                    "maxReceiveCount": queue.max_receives,
                }
            )
        url = sqs.create_queue(QueueName=queue.name, Attributes=attributes)["QueueUrl"]
        arns[queue.name] = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
            "Attributes"
        ]["QueueArn"]
