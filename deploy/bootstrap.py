"""Create or verify what Chalice does not create: the stage's buckets, table and queues.

`python -m deploy.bootstrap --stage dev` before `chalice deploy --stage dev`;
`python -m deploy.bootstrap --stage dev --after-deploy` after it, to turn on
SQS partial batch responses for the fetcher (Chalice cannot express
FunctionResponseTypes yet). Idempotent: a second run changes nothing and
says so. Every bucket is private (public access blocked) and encrypted; the
uploads bucket is versioned; raw pages expire after PAGES_RETENTION_DAYS.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from chalicelib.config import Settings
from chalicelib.storage.resources import BucketSpec, stage_resources
from deploy import stages

PUBLIC_ACCESS_BLOCK = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": True,
    "RestrictPublicBuckets": True,
}
EXPIRY_RULE = "expire-old-objects"
ENCRYPTION = {
    "Rules": [
        {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}, "BucketKeyEnabled": True}
    ]
}

Say = Callable[[str], None]


class Bootstrap:
    def __init__(self, settings: Settings, session: Any, say: Say = print) -> None:
        self.settings = settings
        self.region = session.region_name or settings.region
        self.s3 = session.client("s3", region_name=self.region)
        self.dynamodb = session.client("dynamodb", region_name=self.region)
        self.sqs = session.client("sqs", region_name=self.region)
        self.say = say
        self.changes: list[str] = []

    def run(self) -> list[str]:
        described = stage_resources(self.settings)
        for bucket in described.buckets:
            self.bucket(bucket)
        self.table(described.table)
        self.queues()
        self.say("nothing to change" if not self.changes else f"{len(self.changes)} change(s)")
        return self.changes

    def _changed(self, what: str) -> None:
        self.changes.append(what)
        self.say(f"  changed  {what}")

    def _ok(self, what: str) -> None:
        self.say(f"  ok       {what}")

    # --- buckets -----------------------------------------------------------

    def bucket(self, spec: BucketSpec) -> None:
        from botocore.exceptions import ClientError

        name = spec.name
        try:
            self.s3.head_bucket(Bucket=name)
            self._ok(f"bucket {name} exists")
        except ClientError as error:
            if error.response["Error"]["Code"] not in ("404", "NoSuchBucket", "NotFound"):
                raise  # 403: the name is taken by another account, or we may not look
            extra = {}
            if self.region != "us-east-1":
                extra["CreateBucketConfiguration"] = {"LocationConstraint": self.region}
            self.s3.create_bucket(Bucket=name, **extra)
            self._changed(f"bucket {name} created")
        self._public_access_blocked(name)
        self._encrypted(name)
        if spec.expire_prefix is not None and spec.expire_days is not None:
            self._expiring(name, spec.expire_prefix, spec.expire_days)
        if spec.versioned:
            status = self.s3.get_bucket_versioning(Bucket=name).get("Status")
            if status == "Enabled":
                self._ok(f"bucket {name} versioned")
            else:
                self.s3.put_bucket_versioning(
                    Bucket=name, VersioningConfiguration={"Status": "Enabled"}
                )
                self._changed(f"bucket {name} versioning enabled")

    def _public_access_blocked(self, name: str) -> None:
        from botocore.exceptions import ClientError

        try:
            current = self.s3.get_public_access_block(Bucket=name)["PublicAccessBlockConfiguration"]
        except ClientError:
            current = {}
        if current == PUBLIC_ACCESS_BLOCK:
            self._ok(f"bucket {name} blocks public access")
            return
        self.s3.put_public_access_block(
            Bucket=name, PublicAccessBlockConfiguration=PUBLIC_ACCESS_BLOCK
        )
        self._changed(f"bucket {name} public access blocked")

    def _encrypted(self, name: str) -> None:
        from botocore.exceptions import ClientError

        try:
            rules = self.s3.get_bucket_encryption(Bucket=name)["ServerSideEncryptionConfiguration"][
                "Rules"
            ]
        except ClientError:
            rules = []
        if any(r.get("ApplyServerSideEncryptionByDefault", {}).get("SSEAlgorithm") for r in rules):
            self._ok(f"bucket {name} encrypted")
            return
        self.s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration=ENCRYPTION)
        self._changed(f"bucket {name} encryption on")

    def _expiring(self, name: str, prefix: str, days: int) -> None:
        from botocore.exceptions import ClientError

        rule = {
            "ID": EXPIRY_RULE,
            "Filter": {"Prefix": prefix},
            "Status": "Enabled",
            "Expiration": {"Days": days},
        }
        try:
            rules = self.s3.get_bucket_lifecycle_configuration(Bucket=name)["Rules"]
        except ClientError:
            rules = []
        if any(
            r.get("ID") == rule["ID"] and r.get("Expiration") == rule["Expiration"] for r in rules
        ):
            self._ok(f"bucket {name} expires {prefix}* after {days} days")
            return
        self.s3.put_bucket_lifecycle_configuration(
            Bucket=name, LifecycleConfiguration={"Rules": [rule]}
        )
        self._changed(f"bucket {name} expires {prefix}* after {days} days")

    # --- table ---------------------------------------------------------------

    def table(self, name: str) -> None:
        from botocore.exceptions import ClientError

        try:
            table = self.dynamodb.describe_table(TableName=name)["Table"]
        except ClientError as error:
            if error.response["Error"]["Code"] != "ResourceNotFoundException":
                raise
            self.dynamodb.create_table(
                TableName=name,
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
            self.dynamodb.get_waiter("table_exists").wait(TableName=name)
            self._changed(f"table {name} created (on demand)")
        else:
            keys = {(k["AttributeName"], k["KeyType"]) for k in table["KeySchema"]}
            if keys != {("pk", "HASH"), ("sk", "RANGE")}:
                raise SystemExit(f"table {name} exists with another key schema: {sorted(keys)}")
            mode = table.get("BillingModeSummary", {}).get("BillingMode", "PROVISIONED")
            self._ok(f"table {name} exists ({mode.lower().replace('_', ' ')})")
        backups = self.dynamodb.describe_continuous_backups(TableName=name)
        status = backups["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
        if status.get("PointInTimeRecoveryStatus") == "ENABLED":
            self._ok(f"table {name} point-in-time recovery on")
        else:
            self.dynamodb.update_continuous_backups(
                TableName=name,
                PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True},
            )
            self._changed(f"table {name} point-in-time recovery enabled")

    # --- queues --------------------------------------------------------------

    def queues(self) -> None:
        arns: dict[str, str] = {}
        for queue in stage_resources(self.settings).queues.values():  # dead-letter queues first
            wanted = {
                "VisibilityTimeout": str(queue.visibility_timeout),
                "SqsManagedSseEnabled": "true",
            }
            if queue.fifo:
                wanted["FifoQueue"] = "true"
            if queue.retention_seconds is not None:
                wanted["MessageRetentionPeriod"] = str(queue.retention_seconds)
            if queue.dead_letter_queue:
                wanted["RedrivePolicy"] = json.dumps(
                    {
                        "deadLetterTargetArn": arns[queue.dead_letter_queue],
                        "maxReceiveCount": queue.max_receives,
                    },
                    separators=(",", ":"),
                )
            arns[queue.name] = self._queue(queue.name, wanted)

    def _queue(self, name: str, wanted: dict[str, str]) -> str:
        from botocore.exceptions import ClientError

        try:
            url = self.sqs.get_queue_url(QueueName=name)["QueueUrl"]
        except ClientError as error:
            if "NonExistentQueue" not in error.response["Error"]["Code"]:
                raise
            url = self.sqs.create_queue(QueueName=name, Attributes=wanted)["QueueUrl"]
            self._changed(f"queue {name} created")
            current = wanted
        else:
            current = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])[
                "Attributes"
            ]
            differing = {
                k: v for k, v in wanted.items() if _normal(k, current.get(k)) != _normal(k, v)
            }
            if differing:
                self.sqs.set_queue_attributes(QueueUrl=url, Attributes=differing)
                self._changed(f"queue {name} updated ({', '.join(sorted(differing))})")
            else:
                self._ok(f"queue {name} exists")
        attributes = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
        return str(attributes["Attributes"]["QueueArn"])


def _normal(key: str, value: str | None) -> Any:
    if value is not None and key == "RedrivePolicy":
        policy = json.loads(value)
        return (policy["deadLetterTargetArn"], int(policy["maxReceiveCount"]))
    return value.lower() if isinstance(value, str) else value


def enable_partial_batch_responses(stage: str, session: Any, say: Say = print) -> list[str]:
    """Chalice cannot set FunctionResponseTypes: set it on the fetcher's SQS mapping."""
    client = session.client("lambda", region_name=session.region_name)
    function = stages.function_name(stage, "fetch_pages")
    changes = []
    mappings = client.list_event_source_mappings(FunctionName=function)["EventSourceMappings"]
    if not mappings:
        raise SystemExit(
            f"{function} has no SQS mapping: run `chalice deploy --stage {stage}` first"
        )
    for mapping in mappings:
        if "ReportBatchItemFailures" in mapping.get("FunctionResponseTypes", []):
            say(f"  ok       {function}: partial batch responses on")
            continue
        client.update_event_source_mapping(
            UUID=mapping["UUID"], FunctionResponseTypes=["ReportBatchItemFailures"]
        )
        changes.append(mapping["UUID"])
        say(f"  changed  {function}: partial batch responses enabled")
    return changes


def main(argv: list[str] | None = None) -> int:
    import boto3

    parser = argparse.ArgumentParser(prog="python -m deploy.bootstrap", description=__doc__)
    parser.add_argument("--stage", required=True, choices=stages.DEPLOYED_STAGES)
    parser.add_argument(
        "--after-deploy", action="store_true", help="configure what chalice deploy created"
    )
    parser.add_argument("--region", help="AWS region (default: your AWS configuration)")
    args = parser.parse_args(argv)
    session = boto3.session.Session(region_name=args.region)
    if session.region_name is None:
        raise SystemExit("no AWS region: pass --region or set AWS_DEFAULT_REGION")
    if args.after_deploy:
        enable_partial_batch_responses(args.stage, session)
    else:
        print(f"stage {args.stage} in {session.region_name}:")
        Bootstrap(stages.settings(args.stage), session).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
