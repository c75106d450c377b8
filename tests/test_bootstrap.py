"""The bootstrap command against moto: creates what a stage needs, then changes nothing."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from chalicelib.storage.resources import PAGES_RETENTION_DAYS
from deploy import bootstrap, stages

REGION = "eu-west-1"


@pytest.fixture
def session() -> Iterator[boto3.session.Session]:
    with mock_aws():
        yield boto3.session.Session(region_name=REGION)


def test_first_run_creates_everything_secure(session: boto3.session.Session) -> None:
    said: list[str] = []
    changes = bootstrap.Bootstrap(stages.settings("dev"), session, said.append).run()
    s = stages.settings("dev")
    assert len(changes) > 0
    s3 = session.client("s3")
    for bucket in s.buckets:
        block = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
        assert all(block.values())
        rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"][
            "Rules"
        ]
        assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
        assert s3.get_bucket_location(Bucket=bucket)["LocationConstraint"] == REGION
    assert s3.get_bucket_versioning(Bucket=s.uploads_bucket)["Status"] == "Enabled"
    assert "Status" not in s3.get_bucket_versioning(Bucket=s.pages_bucket)
    [rule] = s3.get_bucket_lifecycle_configuration(Bucket=s.pages_bucket)["Rules"]
    assert rule["Expiration"]["Days"] == PAGES_RETENTION_DAYS
    table = session.client("dynamodb").describe_table(TableName=s.table_name)["Table"]
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    sqs = session.client("sqs")
    url = sqs.get_queue_url(QueueName=s.scrape_queue)["QueueUrl"]
    attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    redrive = json.loads(attributes["RedrivePolicy"])
    assert redrive["deadLetterTargetArn"].endswith(f":{s.scrape_dead_letter_queue}")
    assert int(redrive["maxReceiveCount"]) == s.scrape_max_receives
    assert attributes["VisibilityTimeout"] == str(s.scrape_visibility_timeout)
    assert any("created" in line for line in said)


def test_a_second_run_changes_nothing(session: boto3.session.Session) -> None:
    bootstrap.Bootstrap(stages.settings("dev"), session, lambda _: None).run()
    said: list[str] = []
    assert bootstrap.Bootstrap(stages.settings("dev"), session, said.append).run() == []
    assert said[-1] == "nothing to change"
    assert not any("changed" in line for line in said)


def test_drift_is_repaired(session: boto3.session.Session) -> None:
    bootstrap.Bootstrap(stages.settings("dev"), session, lambda _: None).run()
    s = stages.settings("dev")
    session.client("s3").delete_public_access_block(Bucket=s.thumbnails_bucket)
    url = session.client("sqs").get_queue_url(QueueName=s.scrape_queue)["QueueUrl"]
    session.client("sqs").set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": "5"})
    changes = bootstrap.Bootstrap(s, session, lambda _: None).run()
    assert changes == [
        f"bucket {s.thumbnails_bucket} public access blocked",
        f"queue {s.scrape_queue} updated (VisibilityTimeout)",
    ]


def test_partial_batch_responses_are_turned_on_after_deploy(session: boto3.session.Session) -> None:
    s = stages.settings("dev")
    bootstrap.Bootstrap(s, session, lambda _: None).run()
    role = session.client("iam").create_role(
        RoleName="fetcher",
        AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": []}),
    )["Role"]["Arn"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("app.py", "def fetch_pages(event, context):\n    return {}\n")
    lam = session.client("lambda")
    lam.create_function(
        FunctionName=stages.function_name("dev", "fetch_pages"), Runtime="python3.11", Role=role,
        Handler="app.fetch_pages", Code={"ZipFile": code.getvalue()},
    )  # fmt: skip
    queue_url = session.client("sqs").get_queue_url(QueueName=s.scrape_queue)["QueueUrl"]
    queue_arn = session.client("sqs").get_queue_attributes(
        QueueUrl=queue_url, AttributeNames=["QueueArn"]
    )["Attributes"]["QueueArn"]
    lam.create_event_source_mapping(
        EventSourceArn=queue_arn,
        FunctionName=stages.function_name("dev", "fetch_pages"),
        BatchSize=5,
    )
    assert len(bootstrap.enable_partial_batch_responses("dev", session, lambda _: None)) == 1
    [mapping] = lam.list_event_source_mappings(
        FunctionName=stages.function_name("dev", "fetch_pages")
    )["EventSourceMappings"]
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert bootstrap.enable_partial_batch_responses("dev", session, lambda _: None) == []
