"""`make run` as a new user meets it: one command, no AWS, routes and events."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from app import app
from chalicelib.storage.embedded import EmbeddedStorage
from local_runtime.runtime import Runtime
from tests.conftest import PROJECT_DIR, eventually, free_port, stage_environment
from tests.imaging import encode, quadrants

LOCAL = stage_environment("local")


def test_a_photo_dropped_into_the_uploads_directory_gets_thumbnails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STOREKEEPER_DATA", str(tmp_path))
    runtime = Runtime(app, storage=EmbeddedStorage(tmp_path))
    runtime.start()
    try:
        dropped = tmp_path / LOCAL["UPLOADS_BUCKET"] / "products" / "summer" / "hat.jpg"
        dropped.parent.mkdir(parents=True)
        dropped.write_bytes(encode(quadrants(1600, 1200), "JPEG"))
        thumbnails = tmp_path / LOCAL["THUMBNAILS_BUCKET"]
        eventually(lambda: (thumbnails / "160" / "products" / "summer" / "hat.jpg").exists(), 20)
        eventually(lambda: (thumbnails / "1200" / "products" / "summer" / "hat.jpg").exists(), 20)
        dropped.unlink()
        eventually(
            lambda: not (thumbnails / "480" / "products" / "summer" / "hat.jpg").exists(), 20
        )
    finally:
        runtime.stop()


def test_serve_brings_up_the_api_and_the_events_without_aws(tmp_path: Path) -> None:
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_") and key not in LOCAL
    }
    env.update(STOREKEEPER_DATA=str(tmp_path / "data"), PYTHONPATH=str(PROJECT_DIR))
    server = subprocess.Popen(
        [sys.executable, "-m", "local_runtime", "serve", "--no-reload", "--port", str(port)],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:

        def up() -> bool:
            try:
                with urllib.request.urlopen(base + "/", timeout=1) as response:
                    return response.status == 200
            except OSError:
                return False

        eventually(up, 30)
        request = urllib.request.Request(
            base + "/change",
            data=json.dumps({"amount": "0.63"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            assert json.load(response)["pieces"] == 6
        uploads = tmp_path / "data" / LOCAL["UPLOADS_BUCKET"] / "products"
        uploads.mkdir(parents=True, exist_ok=True)
        (uploads / "mug.jpg").write_bytes(encode(quadrants(900, 600), "JPEG"))
        thumbnail = tmp_path / "data" / LOCAL["THUMBNAILS_BUCKET"] / "480" / "products" / "mug.jpg"
        eventually(thumbnail.exists, 30)
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output
    assert "local runtime stopped" in output
