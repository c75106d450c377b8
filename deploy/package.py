"""Terraform for a stage: Chalice's functions, API and wiring, plus the resources
Chalice leaves out, in one directory `terraform apply` can use.

`python -m deploy.package --stage prod` runs `chalice package --pkg-format
terraform`, then:

- writes resources.tf.json: the buckets (private, encrypted, uploads
  versioned, raw pages expiring), the table (on demand) and the queues
  (with the dead-letter redrive), named from the stage's config;
- patches chalice.tf.json: the SQS mapping reports partial batch failures
  (Chalice cannot say so yet), bucket notifications wait for the buckets, and
  provider constraints admit current Terraform and AWS provider 5;
- precompiles every module in deployment.zip (unchecked-hash .pyc files for
  the runtime's Python), so a cold start loads bytecode instead of compiling.

CloudFormation packaging cannot express S3 event handlers on buckets the
template creates, which is why this is Terraform.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from chalicelib.storage.resources import stage_resources
from deploy import bootstrap, bytecode, stages


def resources(stage: str) -> dict[str, Any]:
    """The stage's buckets, table and queues as Terraform JSON, from their one description."""
    described = stage_resources(stages.settings(stage))
    block = bootstrap.PUBLIC_ACCESS_BLOCK
    resource: dict[str, dict[str, Any]] = {
        "aws_s3_bucket": {},
        "aws_s3_bucket_public_access_block": {},
        "aws_s3_bucket_server_side_encryption_configuration": {},
        "aws_s3_bucket_versioning": {},
        "aws_s3_bucket_lifecycle_configuration": {},
        "aws_sqs_queue": {},
    }
    for bucket in described.buckets:
        ref = {"bucket": f"${{aws_s3_bucket.{bucket.role}.id}}"}
        resource["aws_s3_bucket"][bucket.role] = {"bucket": bucket.name}
        resource["aws_s3_bucket_public_access_block"][bucket.role] = ref | {
            "block_public_acls": block["BlockPublicAcls"],
            "ignore_public_acls": block["IgnorePublicAcls"],
            "block_public_policy": block["BlockPublicPolicy"],
            "restrict_public_buckets": block["RestrictPublicBuckets"],
        }
        resource["aws_s3_bucket_server_side_encryption_configuration"][bucket.role] = ref | {
            "rule": [
                {
                    "apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}],
                    "bucket_key_enabled": True,
                }
            ]
        }
        if bucket.versioned:
            resource["aws_s3_bucket_versioning"][bucket.role] = ref | {
                "versioning_configuration": [{"status": "Enabled"}]
            }
        if bucket.expire_prefix is not None and bucket.expire_days is not None:
            resource["aws_s3_bucket_lifecycle_configuration"][bucket.role] = ref | {
                "rule": [
                    {
                        "id": bootstrap.EXPIRY_RULE,
                        "status": "Enabled",
                        "filter": [{"prefix": bucket.expire_prefix}],
                        "expiration": [{"days": bucket.expire_days}],
                    }
                ]
            }
    roles = {queue.name: role for role, queue in described.queues.items()}
    for role, queue in described.queues.items():
        body: dict[str, Any] = {
            "name": queue.name,
            "visibility_timeout_seconds": queue.visibility_timeout,
            "sqs_managed_sse_enabled": True,
        }
        if queue.fifo:
            body["fifo_queue"] = True
        if queue.retention_seconds is not None:
            body["message_retention_seconds"] = queue.retention_seconds
        if queue.dead_letter_queue:
            body["redrive_policy"] = (
                f"${{jsonencode({{deadLetterTargetArn = aws_sqs_queue.{roles[queue.dead_letter_queue]}.arn, "
                f"maxReceiveCount = {queue.max_receives}}})}}"
            )
        resource["aws_sqs_queue"][role] = body
    resource["aws_dynamodb_table"] = {
        "table": {
            "name": described.table,
            "billing_mode": "PAY_PER_REQUEST",
            "hash_key": "pk",
            "range_key": "sk",
            "attribute": [{"name": "pk", "type": "S"}, {"name": "sk", "type": "S"}],
            "point_in_time_recovery": [{"enabled": True}],
        }
    }
    return {
        "resource": {kind: items for kind, items in resource.items() if items},
        "output": {
            f"{bucket.role}_bucket": {"value": f"${{aws_s3_bucket.{bucket.role}.id}}"}
            for bucket in described.buckets
        },
    }


def patch(chalice_tf: dict[str, Any], stage: str) -> dict[str, Any]:
    # Chalice pins the AWS provider below 5 and Terraform below 1.4, and asks
    # for the null provider only for an unused data source; its output validates
    # with provider 5.x, and our resources need 4.x or later.
    chalice_tf.get("data", {}).pop("null_data_source", None)
    chalice_tf["terraform"] = {
        "required_version": ">= 1.0",
        "required_providers": {"aws": {"source": "hashicorp/aws", "version": ">= 4.0, < 6"}},
    }
    resources_ = chalice_tf["resource"]
    for mapping in resources_.get("aws_lambda_event_source_mapping", {}).values():
        mapping["function_response_types"] = ["ReportBatchItemFailures"]
        mapping["depends_on"] = ["aws_sqs_queue.scrape"]
    logical = {
        bucket.name: bucket.role for bucket in stage_resources(stages.settings(stage)).buckets
    }
    for notification in resources_.get("aws_s3_bucket_notification", {}).values():
        bucket = logical[notification["bucket"]]
        notification["depends_on"] = [
            *notification.get("depends_on", []),
            f"aws_s3_bucket.{bucket}",
        ]
    return chalice_tf


def package(stage: str, out: Path) -> Path:
    if out.exists():
        shutil.rmtree(out)
    env = {**os.environ, "AWS_DEFAULT_REGION": os.environ.get("AWS_DEFAULT_REGION", "us-east-1")}
    subprocess.run(  # noqa: S603 - our own venv's chalice, with arguments we built
        [str(Path(sys.executable).parent / "chalice"), "package", "--pkg-format", "terraform",
         "--stage", stage, str(out)],
        cwd=stages.PROJECT, env=env, check=True,
    )  # fmt: skip
    chalice_tf = out / "chalice.tf.json"
    chalice_tf.write_text(json.dumps(patch(json.loads(chalice_tf.read_text()), stage), indent=2))
    (out / "resources.tf.json").write_text(json.dumps(resources(stage), indent=2))
    bytecode.precompile_zip(out / "deployment.zip")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.package", description=__doc__)
    parser.add_argument("--stage", required=True, choices=stages.DEPLOYED_STAGES)
    parser.add_argument("--out", type=Path, help="default: build/terraform-<stage>")
    args = parser.parse_args(argv)
    out = package(args.stage, args.out or stages.PROJECT / "build" / f"terraform-{args.stage}")
    print(
        f"terraform for {args.stage} in {out}: `terraform -chdir={out} init && terraform -chdir={out} apply`"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
