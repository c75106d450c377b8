"""A stage on AWS that cannot reach AWS answers 503 and says what to run instead."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chalice.test import Client

from app import app
from chalicelib.storage import aws_clients
from tests.conftest import PROJECT_DIR, free_port


@pytest.fixture
def dev_client() -> Iterator[Client]:
    aws_clients.reset()
    with Client(app, stage_name="dev", project_dir=str(PROJECT_DIR)) as client:
        yield client
    aws_clients.reset()


def test_no_credentials(
    dev_client: Client, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    response = dev_client.http.get("/prices")
    assert response.status_code == 503
    assert "no AWS credentials" in response.json_body["Message"]
    assert "make run" in response.json_body["Message"]
    assert (
        dev_client.http.post(
            "/change", headers={"Content-Type": "application/json"}, body='{"amount": "1.15"}'
        ).status_code
        == 200
    )  # the till needs no AWS


def test_aws_out_of_reach(dev_client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")  # nothing listens
    response = dev_client.http.get("/prices/MUG")
    assert response.status_code == 503
    assert "cannot be reached" in response.json_body["Message"]
    assert response.headers["Retry-After"] == "30"
