"""The embedded stores shared by several processes, and killed mid-write."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

from chalicelib.storage.files import FileBlobStore
from chalicelib.storage.queues import Outgoing
from chalicelib.storage.sqlite_queue import SqliteQueue
from chalicelib.storage.sqlite_table import SqliteTable
from chalicelib.storage.table import Attr, ConditionFailed

PROJECT = Path(__file__).resolve().parents[2]


def _lower_many(data_dir: str, prices: list[str]) -> None:
    table = SqliteTable(Path(data_dir), "t")
    for text in prices:
        price = Decimal(text)
        with contextlib.suppress(ConditionFailed):
            table.update(
                "SKU#1", "PRODUCT", {"price": price},
                condition=Attr("price").absent() | (Attr("price") > price),
            )  # fmt: skip


def _drain(data_dir: str, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    queue = SqliteQueue(Path(data_dir), "q")
    got = []
    while batch := queue.receive(max_messages=3, visibility_timeout=60):
        for message in batch:
            got.append(message.body)
            queue.delete(message.receipt)
    results.put(got)


def test_two_processes_lowering_a_price_leave_the_lowest(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    first = [str(Decimal(5000 - 2 * i) / 100) for i in range(60)]
    second = [str(Decimal(5001 - 2 * i) / 100) for i in range(60)]
    workers = [ctx.Process(target=_lower_many, args=(str(tmp_path), p)) for p in (first, second)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    item = SqliteTable(tmp_path, "t").get("SKU#1", "PRODUCT")
    assert item is not None
    assert item["price"] == min(Decimal(p) for p in first + second)


def test_two_consumers_never_share_a_message(tmp_path: Path) -> None:
    queue = SqliteQueue(tmp_path, "q")
    bodies = [str(i) for i in range(200)]
    for body in bodies:
        queue.send(Outgoing(body))
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    workers = [ctx.Process(target=_drain, args=(str(tmp_path), results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    received = results.get(timeout=60) + results.get(timeout=60)
    for worker in workers:
        worker.join(60)
    assert sorted(received, key=int) == bodies  # each exactly once


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from chalicelib.storage.files import FileBlobStore
    from chalicelib.storage.sqlite_table import SqliteTable

    data = Path(sys.argv[1])
    blobs, table = FileBlobStore(data, "b"), SqliteTable(data, "t")
    i = 0
    while True:
        blobs.put(f"k/{i}.bin", bytes([i % 256]) * 4096)
        table.put({"pk": "p", "sk": f"{i:08d}"})
        print(i, flush=True)  # acknowledged: both writes have returned
        i += 1
    """
)


def test_a_killed_writer_loses_no_acknowledged_write(tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    assert writer.stdout is not None
    acknowledged = [int(writer.stdout.readline()) for _ in range(40)]
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    blobs, table = FileBlobStore(tmp_path, "b"), SqliteTable(tmp_path, "t")
    for i in acknowledged:
        assert blobs.get(f"k/{i}.bin").data == bytes([i % 256]) * 4096
        assert table.get("p", f"{i:08d}") is not None
    # Nothing half-written is visible either: every object present is whole.
    for info in blobs.list():
        assert info.size == 4096
