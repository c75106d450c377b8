from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent

# No test may reach a real AWS account, whatever the developer's shell holds.
for _name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
    os.environ.pop(_name, None)
os.environ.update(
    {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",  # moto's dummy credentials
        "AWS_DEFAULT_REGION": "us-east-1",
    }
)


@pytest.fixture(scope="session")
def client() -> Iterator[object]:
    from chalice.test import Client

    from app import app

    with Client(app, stage_name="local", project_dir=str(PROJECT_DIR)) as test_client:
        yield test_client
