"""The stages as .chalice/config.json declares them, and their resources' ARNs."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from chalicelib.config import Settings

PROJECT = Path(__file__).resolve().parent.parent
CONFIG = PROJECT / ".chalice" / "config.json"
APP_NAME = "storekeeper"
DEPLOYED_STAGES = ("dev", "prod")


@lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CONFIG.read_text())
    return data


def stage_environment(stage: str) -> dict[str, str]:
    return dict(config()["stages"][stage]["environment_variables"])


def settings(stage: str) -> Settings:
    return Settings.from_env(stage_environment(stage))


def lambda_functions(stage: str) -> dict[str, dict[str, Any]]:
    return dict(config()["stages"][stage].get("lambda_functions", {}))


def function_name(stage: str, handler: str) -> str:
    """What Chalice names a handler's Lambda function (the API's has no suffix)."""
    return f"{APP_NAME}-{stage}" if handler == "api_handler" else f"{APP_NAME}-{stage}-{handler}"


def bucket_arn(bucket: str, objects: str | None = None) -> str:
    return f"arn:aws:s3:::{bucket}" + (f"/{objects}" if objects is not None else "")


def table_arn(table: str) -> str:
    return f"arn:aws:dynamodb:*:*:table/{table}"


def queue_arn(queue: str) -> str:
    return f"arn:aws:sqs:*:*:{queue}"


def log_group_arn(stage: str, handler: str) -> str:
    return f"arn:aws:logs:*:*:log-group:/aws/lambda/{function_name(stage, handler)}:*"
