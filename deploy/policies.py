"""Least-privilege IAM policies, one per Lambda function, from the stage's names.

`python -m deploy.policies` writes .chalice/policy-<stage>-<function>.json
for every deployed stage; a test fails when the committed files drift from
what this module builds, or when the code calls an API its function may not.

What each function may do follows from what its handler touches:

    api_handler      the table (catalogue routes read and write it)
    make_change      nothing but its logs
    make_thumbnails  read uploads under the prefix; write and delete thumbnails
    nightly_scrape   read the catalogue; claim and advance the run; send to the
                     scrape queue
    fetch_pages      consume the scrape queue (as Lambda's poller does) and put
                     pages back on it (a host's turn, a continued fan-out);
                     write pages; read and write the table (observations,
                     prices, per-host slots, runs)
    record_prices    read pages; read and write the table
"""

from __future__ import annotations

import json
from typing import Any

from chalicelib.config import PAGES_PREFIX, Settings
from deploy import stages

TABLE_READ = ["dynamodb:GetItem", "dynamodb:Query"]
TABLE_WRITE = ["dynamodb:PutItem", "dynamodb:UpdateItem"]
# Lambda's SQS event source polls with the function's role.
QUEUE_CONSUME = [
    "sqs:ReceiveMessage",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
    "sqs:ChangeMessageVisibility",
    "sqs:GetQueueUrl",
]


def statements(stage: str, handler: str, s: Settings) -> list[dict[str, Any]]:
    table = stages.table_arn(s.table_name)
    grants: dict[str, list[tuple[list[str], list[str]]]] = {
        "api_handler": [([*TABLE_READ, *TABLE_WRITE, "dynamodb:DeleteItem"], [table])],
        "make_change": [],
        "make_thumbnails": [
            (["s3:GetObject"], [stages.bucket_arn(s.uploads_bucket, f"{s.uploads_prefix}*")]),
            # Without ListBucket, S3 answers 403 instead of 404 for a missing key.
            (["s3:ListBucket"], [stages.bucket_arn(s.uploads_bucket)]),
            (["s3:PutObject", "s3:DeleteObject"], [stages.bucket_arn(s.thumbnails_bucket, "*")]),
        ],
        "nightly_scrape": [
            (["dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"], [table]),
            (["sqs:GetQueueUrl", "sqs:SendMessage"], [stages.queue_arn(s.scrape_queue)]),
        ],
        "fetch_pages": [
            ([*QUEUE_CONSUME, "sqs:SendMessage"], [stages.queue_arn(s.scrape_queue)]),
            (["s3:PutObject"], [stages.bucket_arn(s.pages_bucket, f"{PAGES_PREFIX}*")]),
            ([*TABLE_READ, *TABLE_WRITE], [table]),
        ],
        "record_prices": [
            (["s3:GetObject"], [stages.bucket_arn(s.pages_bucket, f"{PAGES_PREFIX}*")]),
            (["s3:ListBucket"], [stages.bucket_arn(s.pages_bucket)]),
            ([*TABLE_READ, *TABLE_WRITE], [table]),
        ],
    }
    logs = {
        "Sid": "OwnLogs",
        "Effect": "Allow",
        "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        "Resource": [stages.log_group_arn(stage, handler)],
    }
    return [logs] + [
        {"Sid": f"Grant{i}", "Effect": "Allow", "Action": sorted(actions), "Resource": resources}
        for i, (actions, resources) in enumerate(grants[handler], start=1)
    ]


HANDLERS = (
    "api_handler",
    "make_change",
    "make_thumbnails",
    "nightly_scrape",
    "fetch_pages",
    "record_prices",
)


def policy(stage: str, handler: str) -> dict[str, Any]:
    return {
        "Version": "2012-10-17",
        "Statement": statements(stage, handler, stages.settings(stage)),
    }


def file_name(stage: str, handler: str) -> str:
    return f"policy-{stage}-{handler}.json"


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2) + "\n"


def write_all() -> list[str]:
    written = []
    for stage in stages.DEPLOYED_STAGES:
        for handler in HANDLERS:
            path = stages.CONFIG.parent / file_name(stage, handler)
            path.write_text(render(policy(stage, handler)))
            written.append(str(path.relative_to(stages.PROJECT)))
    return written


if __name__ == "__main__":
    for name in write_all():
        print(name)
