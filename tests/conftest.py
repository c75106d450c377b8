from __future__ import annotations

import json
import os
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent


def eventually(check: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait until `check()` holds, polling; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stage_environment(stage: str) -> dict[str, str]:
    config = json.loads((PROJECT_DIR / ".chalice" / "config.json").read_text())
    return dict(config["stages"][stage]["environment_variables"])


# app.py reads resource names at import: import it with the local stage's
# names, on a data directory of the test session's own.
os.environ.update(stage_environment("local"))
os.environ["STOREKEEPER_DATA"] = tempfile.mkdtemp(prefix="storekeeper-tests-")

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


def _lambda_timeouts_as_deployed() -> None:
    """Chalice's test client gives every invocation 3 s; Chalice deploys with 60 s.

    Handlers that pace themselves by the time left see what Lambda would give.
    """
    import chalice.test
    from chalice.local import LambdaContext

    class DeployedContext(LambdaContext):
        def __init__(self, function_name: str, memory_size: int, **kwargs: Any) -> None:
            kwargs.setdefault("max_runtime_ms", 60_000)
            super().__init__(function_name, memory_size, **kwargs)

    chalice.test.LambdaContext = DeployedContext  # type: ignore[misc]


_lambda_timeouts_as_deployed()


@pytest.fixture(scope="session")
def client() -> Iterator[object]:
    from chalice.test import Client

    from app import app

    with Client(app, stage_name="local", project_dir=str(PROJECT_DIR)) as test_client:
        yield test_client


def one_request_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """AWS applies each request atomically (a conditional write included); moto, serving
    threads at once, does not, and its tables can change under a read ("dictionary
    changed size during iteration"). One request at a time, as the service would."""
    from moto.core.botocore_stubber import BotocoreStubber

    lock = threading.RLock()  # moto may call itself, as a service calls another
    serve = BotocoreStubber.process_request

    def atomically(self: BotocoreStubber, request: Any) -> Any:
        with lock:
            return serve(self, request)

    monkeypatch.setattr(BotocoreStubber, "process_request", atomically)


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Moto in place of AWS, with the dev stage's buckets, table and queues."""
    from moto import mock_aws

    from chalicelib.storage import aws_clients

    for name, value in stage_environment("dev").items():
        monkeypatch.setenv(name, value)
    one_request_at_a_time(monkeypatch)
    with mock_aws():
        aws_clients.reset()
        from chalicelib.config import Settings
        from tests.aws_resources import create_stage_resources

        create_stage_resources(Settings.from_env())
        yield
    aws_clients.reset()


ADMIN_TOKEN = "test-admin-token"  # noqa: S105 - a fixture value, not a secret


@pytest.fixture
def local(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[object]:
    """The app on the local stage, on a fresh data directory, with an admin token."""
    from chalice.test import Client

    from app import app

    monkeypatch.setenv("STOREKEEPER_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("ADMIN_TOKEN", ADMIN_TOKEN)
    with Client(app, stage_name="local", project_dir=str(PROJECT_DIR)) as test_client:
        yield test_client
