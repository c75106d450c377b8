"""The local runtime meets what people leave in its directories, and how they stop it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
import urllib.request
from pathlib import Path

import pytest

from app import app
from chalicelib.storage.embedded import EmbeddedStorage
from chalicelib.storage.files import FileBlobStore
from local_runtime.runtime import Runtime
from tests.conftest import PROJECT_DIR, eventually, free_port, stage_environment
from tests.imaging import encode, quadrants

LOCAL = stage_environment("local")
PHOTO = encode(quadrants(600, 400), "JPEG")


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Runtime:
    monkeypatch.setenv("STOREKEEPER_DATA", str(tmp_path))
    running = Runtime(app, storage=EmbeddedStorage(tmp_path), retry_delays=())
    yield running  # type: ignore[misc]
    running.stop(grace=1)


def uploads(tmp_path: Path) -> Path:
    directory = tmp_path / LOCAL["UPLOADS_BUCKET"] / "products"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def thumbnail(tmp_path: Path, name: str, size: int = 160) -> Path:
    return tmp_path / LOCAL["THUMBNAILS_BUCKET"] / str(size) / "products" / name


def test_a_file_name_that_is_not_utf8_is_skipped_and_the_rest_flows(
    tmp_path: Path, runtime: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    bad = os.fsencode(uploads(tmp_path)) + b"/bad\xff.jpg"
    with open(bad, "wb") as file:
        file.write(PHOTO)
    runtime.start()
    (uploads(tmp_path) / "after.jpg").write_bytes(PHOTO)
    eventually(thumbnail(tmp_path, "after.jpg").exists, 20)
    assert runtime.watcher is not None
    assert any(t.name == "s3-watcher" and t.is_alive() for t in runtime._threads)
    (uploads(tmp_path) / "later.jpg").write_bytes(PHOTO)  # still watching
    eventually(thumbnail(tmp_path, "later.jpg").exists, 20)
    assert "cannot be an S3 object" in caplog.text


def test_a_named_pipe_neither_blocks_the_watcher_nor_a_stop(
    tmp_path: Path, runtime: Runtime
) -> None:
    os.mkfifo(uploads(tmp_path) / "fifo.jpg")
    runtime.start()
    (uploads(tmp_path) / "real.jpg").write_bytes(PHOTO)
    eventually(thumbnail(tmp_path, "real.jpg").exists, 20)
    started = time.monotonic()
    runtime.stop(grace=2)
    assert time.monotonic() - started < 5
    assert not thumbnail(tmp_path, "fifo.jpg").exists()


def test_a_ctrl_c_before_the_server_serves_still_stops(tmp_path: Path) -> None:
    """Stopping a runtime whose HTTP server never started serving (a Ctrl-C during the
    start) returns; waiting for that server to stop would wait for ever."""
    from http.server import HTTPServer, SimpleHTTPRequestHandler

    http = HTTPServer(("127.0.0.1", free_port()), SimpleHTTPRequestHandler)
    try:
        never_started = Runtime(
            app, storage=EmbeddedStorage(tmp_path), retry_delays=(), http_server=http
        )
        stopping = threading.Thread(target=never_started.stop, kwargs={"grace": 1}, daemon=True)
        stopping.start()
        stopping.join(10)
        assert not stopping.is_alive()
    finally:
        http.server_close()


def test_a_link_out_of_the_data_directory_is_not_followed(tmp_path: Path, runtime: Runtime) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.jpg"
    outside.write_bytes(PHOTO)
    (uploads(tmp_path) / "stolen.jpg").symlink_to(outside)
    (uploads(tmp_path) / "passwd.jpg").symlink_to("/etc/passwd")
    store = FileBlobStore(tmp_path, LOCAL["UPLOADS_BUCKET"])
    assert store.head("products/passwd.jpg") is None
    runtime.start()
    (uploads(tmp_path) / "real.jpg").write_bytes(PHOTO)
    eventually(thumbnail(tmp_path, "real.jpg").exists, 20)
    assert runtime.wait_until_idle(10, quiet=0.5)
    assert not thumbnail(tmp_path, "stolen.jpg").exists()
    # A link to a file inside the data directory is that file.
    inside = tmp_path / "kept.jpg"
    inside.write_bytes(PHOTO)
    (uploads(tmp_path) / "linked.jpg").symlink_to(inside)
    eventually(thumbnail(tmp_path, "linked.jpg").exists, 20)


def test_a_huge_file_is_judged_by_its_size_without_being_read_whole(
    tmp_path: Path, runtime: Runtime
) -> None:
    huge = uploads(tmp_path) / "huge.jpg"
    with huge.open("wb") as file:
        file.truncate(300 * 1024 * 1024)  # sparse: 300 MB that take no disk
    os.utime(huge, (time.time() - 60, time.time() - 60))
    assert runtime.watcher is not None
    tracemalloc.start()
    try:
        runtime.watcher.scan()  # announces it: hashed a chunk at a time
        assert runtime.wait_until_idle(60, quiet=0.5)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024
    assert not thumbnail(tmp_path, "huge.jpg").exists()  # over MAX_UPLOAD_BYTES: skipped


def test_a_255_byte_name_without_an_extension_gets_its_thumbnails(
    tmp_path: Path, runtime: Runtime
) -> None:
    name = "x" * 255
    (uploads(tmp_path) / name).write_bytes(PHOTO)
    runtime.start()
    store = FileBlobStore(tmp_path, LOCAL["THUMBNAILS_BUCKET"])
    eventually(lambda: store.head(f"160/products/{name}.jpg") is not None, 20)
    assert [info.key for info in store.list("480/")] == [f"480/products/{name}.jpg"]


def test_keys_longer_than_s3_allows_are_skipped(tmp_path: Path, runtime: Runtime) -> None:
    deep = uploads(tmp_path)
    for _ in range(5):
        deep = deep / ("d" * 250)
    deep.mkdir(parents=True)
    (deep / "photo.jpg").write_bytes(PHOTO)  # a key of 1,300 bytes: no S3 object has one
    store = FileBlobStore(tmp_path, LOCAL["UPLOADS_BUCKET"])
    [entry] = list(store.entries())
    assert entry.problem is not None
    assert "1024" in entry.problem


def serve(
    tmp_path: Path, port: int, *extra: str, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    environment = {
        key: value for key, value in os.environ.items()
        if not key.startswith("AWS_") and key not in LOCAL
    }  # fmt: skip
    environment.update(STOREKEEPER_DATA=str(tmp_path / "data"), PYTHONPATH=str(PROJECT_DIR))
    environment.update(env or {})
    return subprocess.Popen(
        [sys.executable, "-m", "local_runtime", "serve", "--port", str(port), *extra],
        cwd=PROJECT_DIR, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
    )  # fmt: skip


def answers(port: int, path: str = "/") -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def test_killing_the_reloader_takes_the_server_with_it(tmp_path: Path) -> None:
    port = free_port()
    shop = free_port()
    parent = serve(tmp_path, port, env={"SAMPLE_SHOP_PORT": str(shop)})
    try:
        eventually(lambda: answers(port), 40)
        parent.kill()  # SIGKILL: the reloader gets no chance to stop its child
        parent.wait(10)
        eventually(lambda: not answers(port), 15)
        again = serve(tmp_path, port, "--no-reload", env={"SAMPLE_SHOP_PORT": str(shop)})
        try:
            eventually(lambda: answers(port), 40)  # the lock and the port were let go
        finally:
            again.send_signal(signal.SIGINT)
            again.communicate(timeout=30)
    finally:
        if parent.poll() is None:
            os.killpg(parent.pid, signal.SIGKILL)


def test_the_shell_environment_wins_over_the_stage(tmp_path: Path) -> None:
    port, shop = free_port(), free_port()
    server = serve(tmp_path, port, "--no-reload", env={"SAMPLE_SHOP_PORT": str(shop)})
    try:
        eventually(lambda: answers(port), 40)
        eventually(lambda: answers(shop, "/robots.txt"), 10)  # the stage says 8001; the shell won
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=30)
    assert f"sample shop:  http://127.0.0.1:{shop}" in output


def send_to_thread(pid: int, tid: int, signum: int) -> None:
    """tgkill(2): a signal for one thread of a process, as the kernel may hand a Ctrl-C
    or a `kill` to any thread that does not block it."""
    import ctypes
    import platform

    number = {"x86_64": 234, "aarch64": 131}[platform.machine()]  # SYS_tgkill
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.syscall(number, pid, tid, signum) != 0:
        raise OSError(ctypes.get_errno(), "tgkill")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_signal_handed_to_any_thread_stops_the_server(
    tmp_path: Path, signum: signal.Signals
) -> None:
    """The main thread once waited in `signal.pause()`, which only a signal handed to it
    ends: one the kernel handed to a worker thread left the server running for ever."""
    port, shop = free_port(), free_port()
    server = serve(tmp_path, port, "--no-reload", env={"SAMPLE_SHOP_PORT": str(shop)})
    try:
        eventually(lambda: answers(port), 40)
        workers = [int(t) for t in os.listdir(f"/proc/{server.pid}/task") if int(t) != server.pid]
        send_to_thread(server.pid, workers[0], signum)
        output, _ = server.communicate(timeout=15)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    assert server.returncode == 0
    assert "local runtime stopped" in output


def test_stopping_the_reloader_stops_the_server(tmp_path: Path) -> None:
    port, shop = free_port(), free_port()
    parent = serve(tmp_path, port, env={"SAMPLE_SHOP_PORT": str(shop)})
    try:
        eventually(lambda: answers(port), 40)
        parent.terminate()  # SIGTERM, as a service manager or `kill` sends it
        parent.wait(20)
        eventually(lambda: not answers(port), 15)
    finally:
        if parent.poll() is None:
            os.killpg(parent.pid, signal.SIGKILL)


def test_a_second_runtime_on_the_same_data_says_why_and_exits(tmp_path: Path) -> None:
    port, shop = free_port(), free_port()
    first = serve(tmp_path, port, "--no-reload", env={"SAMPLE_SHOP_PORT": str(shop)})
    try:
        eventually(lambda: answers(port), 40)
        second = serve(tmp_path, free_port(), env={"SAMPLE_SHOP_PORT": str(free_port())})
        output, _ = second.communicate(timeout=60)
        assert second.returncode == 1
        assert "another local runtime is already serving" in output
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=30)
