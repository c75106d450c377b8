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
import compileall
import json
import os
import py_compile
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from chalicelib.config import PAGES_PREFIX
from chalicelib.storage.factory import queue_settings
from deploy import bootstrap, stages

BUCKETS = ("uploads", "thumbnails", "pages")


def resources(stage: str) -> dict[str, Any]:
    """The stage's buckets, table and queues as Terraform JSON."""
    s = stages.settings(stage)
    names = {
        "uploads": s.uploads_bucket,
        "thumbnails": s.thumbnails_bucket,
        "pages": s.pages_bucket,
    }

    def each(body: dict[str, Any]) -> dict[str, Any]:
        return {key: {"bucket": f"${{aws_s3_bucket.{key}.id}}", **body} for key in BUCKETS}

    block = bootstrap.PUBLIC_ACCESS_BLOCK
    dead, main = sorted(queue_settings(s), key=lambda q: q.dead_letter_queue is not None)
    return {
        "resource": {
            "aws_s3_bucket": {key: {"bucket": name} for key, name in names.items()},
            "aws_s3_bucket_public_access_block": each(
                {
                    "block_public_acls": block["BlockPublicAcls"],
                    "ignore_public_acls": block["IgnorePublicAcls"],
                    "block_public_policy": block["BlockPublicPolicy"],
                    "restrict_public_buckets": block["RestrictPublicBuckets"],
                }
            ),
            "aws_s3_bucket_server_side_encryption_configuration": each(
                {
                    "rule": [
                        {
                            "apply_server_side_encryption_by_default": [
                                {"sse_algorithm": "AES256"}
                            ],
                            "bucket_key_enabled": True,
                        }
                    ]
                }
            ),
            "aws_s3_bucket_versioning": {
                "uploads": {
                    "bucket": "${aws_s3_bucket.uploads.id}",
                    "versioning_configuration": [{"status": "Enabled"}],
                }
            },
            "aws_s3_bucket_lifecycle_configuration": {
                "pages": {
                    "bucket": "${aws_s3_bucket.pages.id}",
                    "rule": [
                        {
                            "id": "expire-raw-pages",
                            "status": "Enabled",
                            "filter": [{"prefix": PAGES_PREFIX}],
                            "expiration": [{"days": bootstrap.PAGES_RETENTION_DAYS}],
                        }
                    ],
                }
            },
            "aws_dynamodb_table": {
                "table": {
                    "name": s.table_name,
                    "billing_mode": "PAY_PER_REQUEST",
                    "hash_key": "pk",
                    "range_key": "sk",
                    "attribute": [{"name": "pk", "type": "S"}, {"name": "sk", "type": "S"}],
                    "point_in_time_recovery": [{"enabled": True}],
                }
            },
            "aws_sqs_queue": {
                "scrape_dead_letters": {
                    "name": dead.name,
                    "message_retention_seconds": int(bootstrap.DEAD_LETTER_RETENTION),
                    "visibility_timeout_seconds": dead.visibility_timeout,
                    "sqs_managed_sse_enabled": True,
                },
                "scrape": {
                    "name": main.name,
                    "visibility_timeout_seconds": main.visibility_timeout,
                    "sqs_managed_sse_enabled": True,
                    "redrive_policy": (
                        "${jsonencode({deadLetterTargetArn = aws_sqs_queue.scrape_dead_letters.arn, "
                        f"maxReceiveCount = {main.max_receives}}})}}"
                    ),
                },
            },
        },
        "output": {f"{key}_bucket": {"value": f"${{aws_s3_bucket.{key}.id}}"} for key in BUCKETS},
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
    s = stages.settings(stage)
    logical = {
        s.uploads_bucket: "uploads",
        s.thumbnails_bucket: "thumbnails",
        s.pages_bucket: "pages",
    }
    for notification in resources_.get("aws_s3_bucket_notification", {}).values():
        bucket = logical[notification["bucket"]]
        notification["depends_on"] = [
            *notification.get("depends_on", []),
            f"aws_s3_bucket.{bucket}",
        ]
    return chalice_tf


def precompile(archive: Path) -> int:
    """Add unchecked-hash .pyc files for every module; returns how many."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        with zipfile.ZipFile(archive) as source:
            # Bytecode a developer's machine left behind is dropped, not trusted.
            infos = [i for i in source.infolist() if "__pycache__/" not in i.filename]
            source.extractall(root, members=infos)
        compileall.compile_dir(
            root,
            quiet=2,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        compiled = sorted(root.rglob("*.pyc"))
        rebuilt = archive.with_suffix(".tmp")
        with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as target:
            for info in infos:
                target.writestr(
                    info, (root / info.filename).read_bytes() if not info.is_dir() else b""
                )
            for path in compiled:
                entry = zipfile.ZipInfo(
                    path.relative_to(root).as_posix(), date_time=(2020, 1, 1, 0, 0, 0)
                )
                entry.external_attr = 0o644 << 16
                entry.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(entry, path.read_bytes())
        rebuilt.replace(archive)
    return len(compiled)


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
    precompile(out / "deployment.zip")
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
