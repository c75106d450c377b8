"""The local runtime end to end, on a test app and a temporary data directory."""

from __future__ import annotations

import itertools
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from chalice.app import Chalice, Cron, Rate, S3Event, SQSEvent

from chalicelib.storage.embedded import EmbeddedStorage
from chalicelib.storage.files import FileBlobStore
from chalicelib.storage.queues import Outgoing, QueueSettings
from chalicelib.storage.sqlite_queue import SqliteQueue, declare_queue
from local_runtime.discovery import discover
from local_runtime.runtime import Runtime
from local_runtime.scheduler import Scheduler
from tests.conftest import eventually


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.lock = threading.Lock()

    def add(self, name: str, value: Any) -> None:
        with self.lock:
            self.calls.append((name, value))

    def of(self, name: str) -> list[Any]:
        with self.lock:
            return [value for called, value in self.calls if called == name]


def build_app(recorder: Recorder, *, fail_jobs: set[str] | None = None) -> Chalice:
    app = Chalice(app_name="testapp", configure_logs=False)
    failing = fail_jobs if fail_jobs is not None else set()

    @app.on_s3_event(bucket="inbox", prefix="photos/", suffix=".jpg")
    def on_photo(event: S3Event) -> None:
        recorder.add("photo", (event.key, event.to_dict()["Records"][0]))

    @app.on_s3_event(bucket="inbox", events=["s3:ObjectRemoved:*"])
    def on_removed(event: S3Event) -> None:
        recorder.add("removed", event.key)

    @app.on_sqs_message(queue="jobs", batch_size=2)
    def on_job(event: SQSEvent) -> dict[str, Any]:
        failures = []
        for record in event:
            recorder.add("job", (record.body, record.to_dict()["attributes"]))
            if record.body in failing:
                failures.append({"itemIdentifier": record.to_dict()["messageId"]})
        return {"batchItemFailures": failures}

    @app.on_sqs_message(queue="crashy", batch_size=1)
    def on_crashy(event: SQSEvent) -> None:
        for record in event:
            recorder.add("crashy", record.body)
        raise RuntimeError("handler crashed")

    @app.schedule(Cron(30, 2, "*", "*", "?", "*"))
    def nightly(event: Any) -> None:
        recorder.add("nightly", event.to_dict()["time"])

    @app.schedule(Rate(5, unit=Rate.MINUTES))
    def every_five(event: Any) -> None:
        recorder.add("every_five", event.to_dict()["time"])

    return app


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def running(tmp_path: Path, recorder: Recorder) -> Iterator[Callable[..., Runtime]]:
    started: list[Runtime] = []

    def start(**kwargs: Any) -> Runtime:
        app = build_app(recorder, fail_jobs=kwargs.pop("fail_jobs", None))
        runtime = Runtime(app, storage=EmbeddedStorage(tmp_path), retry_delays=(), **kwargs)
        runtime.start()
        started.append(runtime)
        return runtime

    yield start
    for runtime in started:
        runtime.stop(grace=1)


def test_handlers_are_discovered_from_the_decorators(recorder: Recorder) -> None:
    handlers = discover(build_app(recorder))
    assert [(s.name, s.bucket, s.prefix, s.suffix) for s in handlers.s3] == [
        ("on_photo", "inbox", "photos/", ".jpg"),
        ("on_removed", "inbox", "", ""),
    ]
    assert [(q.name, q.queue, q.batch_size) for q in handlers.queues] == [
        ("on_job", "jobs", 2),
        ("on_crashy", "crashy", 1),
    ]
    assert [(s.name, s.expression) for s in handlers.schedules] == [
        ("nightly", "cron(30 2 * * ? *)"),
        ("every_five", "rate(5 minutes)"),
    ]


def test_an_object_the_app_writes_reaches_its_handler(
    tmp_path: Path, recorder: Recorder, running: Callable[..., Runtime]
) -> None:
    runtime = running()
    inbox = FileBlobStore(tmp_path, "inbox")
    key = "photos/new arrivals/Crème brûlée+1.jpg"
    inbox.put(key, b"jpeg bytes")
    inbox.put("photos/readme.txt", b"not a photo")  # suffix does not match
    eventually(lambda: len(recorder.of("photo")) == 1)
    decoded_key, record = recorder.of("photo")[0]
    assert decoded_key == key
    assert record["eventName"] == "ObjectCreated:Put"
    assert record["s3"]["bucket"]["name"] == "inbox"
    assert (
        record["s3"]["object"]["key"] == "photos/new+arrivals/Cr%C3%A8me+br%C3%BBl%C3%A9e%2B1.jpg"
    )
    assert record["s3"]["object"]["size"] == len(b"jpeg bytes")
    assert record["s3"]["object"]["eTag"] == inbox.head(key).etag  # type: ignore[union-attr]
    assert record["eventTime"].endswith("Z")
    # Once delivered, a rescan finds nothing new: announced once, not per filesystem event.
    assert runtime.wait_until_idle(10, quiet=0.3)
    runtime.watcher.scan()
    assert runtime.wait_until_idle(10, quiet=0.3)
    assert len(recorder.of("photo")) == 1


def test_a_file_dropped_in_by_hand_and_removed(
    tmp_path: Path, recorder: Recorder, running: Callable[..., Runtime]
) -> None:
    running()
    dropped = tmp_path / "inbox" / "photos" / "by-hand.jpg"
    dropped.parent.mkdir(parents=True, exist_ok=True)
    with dropped.open("wb") as file:  # written in pieces, as a slow copy would
        for _ in range(5):
            file.write(b"x" * 1000)
            file.flush()
            time.sleep(0.05)
    eventually(lambda: [key for key, _ in recorder.of("photo")] == ["photos/by-hand.jpg"])
    assert recorder.of("photo")[0][1]["s3"]["object"]["size"] == 5000  # never a partial file
    dropped.unlink()
    eventually(lambda: recorder.of("removed") == ["photos/by-hand.jpg"])


def test_files_added_while_stopped_are_announced_at_start(
    tmp_path: Path, recorder: Recorder, running: Callable[..., Runtime]
) -> None:
    (tmp_path / "inbox" / "photos").mkdir(parents=True)
    early = tmp_path / "inbox" / "photos" / "early.jpg"
    early.write_bytes(b"early")
    os.utime(early, (time.time() - 60, time.time() - 60))  # long settled
    running()
    eventually(lambda: [key for key, _ in recorder.of("photo")] == ["photos/early.jpg"])


def test_a_partial_batch_failure_redelivers_only_the_failed_message(
    tmp_path: Path, recorder: Recorder, running: Callable[..., Runtime]
) -> None:
    declare_queue(tmp_path, QueueSettings("jobs", visibility_timeout=1))
    jobs = SqliteQueue(tmp_path, "jobs")
    jobs.send(Outgoing("good"))
    jobs.send(Outgoing("bad"))
    running(fail_jobs={"bad"})
    eventually(lambda: [body for body, _ in recorder.of("job")].count("bad") >= 2, timeout=15)
    bodies = [body for body, _ in recorder.of("job")]
    assert bodies.count("good") == 1
    redelivered = [attrs for body, attrs in recorder.of("job") if body == "bad"][1]
    assert redelivered["ApproximateReceiveCount"] == "2"


def test_a_failing_handler_is_retried_then_dead_lettered(
    tmp_path: Path, recorder: Recorder, running: Callable[..., Runtime]
) -> None:
    declare_queue(
        tmp_path,
        QueueSettings(
            "crashy", visibility_timeout=1, dead_letter_queue="crashy-dlq", max_receives=3
        ),
    )
    SqliteQueue(tmp_path, "crashy").send(Outgoing(json.dumps({"n": 1})))
    running()
    eventually(lambda: SqliteQueue(tmp_path, "crashy-dlq").approximate_count() == 1, timeout=20)
    assert recorder.of("crashy") == ['{"n": 1}'] * 3  # delivered max_receives times, no more
    assert SqliteQueue(tmp_path, "crashy").approximate_count() == 0
    [dead] = SqliteQueue(tmp_path, "crashy-dlq").receive()
    assert dead.body == '{"n": 1}'


def test_stopping_hands_unfinished_messages_back(tmp_path: Path) -> None:
    release = threading.Event()
    app = Chalice(app_name="slow", configure_logs=False)
    seen: list[int] = []

    finished = threading.Event()

    @app.on_sqs_message(queue="slow", batch_size=1)
    def slow(event: SQSEvent) -> None:
        seen.append(1)
        release.wait(10)
        finished.set()

    declare_queue(tmp_path, QueueSettings("slow", visibility_timeout=600))
    SqliteQueue(tmp_path, "slow").send(Outgoing("work"))
    runtime = Runtime(app, storage=EmbeddedStorage(tmp_path))
    runtime.start()
    eventually(lambda: seen == [1])
    runtime.stop(grace=0.2)
    # Despite the 600 s visibility timeout, the next start gets the message at once.
    [again] = SqliteQueue(tmp_path, "slow").receive()
    assert again.body == "work"
    release.set()  # the abandoned handler ends; its stale receipt deletes nothing
    assert finished.wait(10)
    eventually(lambda: runtime.pollers[0].in_flight() == 0)
    assert SqliteQueue(tmp_path, "slow").approximate_count() == 1


def test_cron_and_rate_fire_at_the_right_frozen_times(recorder: Recorder) -> None:
    start = datetime(2026, 11, 26, 1, 58, tzinfo=UTC)
    fired: list[tuple[str, datetime]] = []
    handlers = discover(build_app(recorder))
    scheduler = Scheduler(
        handlers.schedules, lambda s, when: fired.append((s.name, when)), clock=lambda: start
    )
    now = start
    while now < start + timedelta(days=1, hours=1):
        now += timedelta(minutes=1)
        scheduler.run_pending(now)
    nightly = [when for name, when in fired if name == "nightly"]
    assert nightly == [
        datetime(2026, 11, 26, 2, 30, tzinfo=UTC),
        datetime(2026, 11, 27, 2, 30, tzinfo=UTC),
    ]
    every_five = [when for name, when in fired if name == "every_five"]
    assert every_five[:3] == [start + timedelta(minutes=m) for m in (5, 10, 15)]
    assert len(every_five) == (25 * 60) // 5


def test_a_scheduled_handler_gets_an_eventbridge_event(tmp_path: Path, recorder: Recorder) -> None:
    frozen = datetime(2026, 11, 26, 2, 29, 59, tzinfo=UTC)
    runtime = Runtime(build_app(recorder), storage=EmbeddedStorage(tmp_path), clock=lambda: frozen)
    assert runtime.scheduler.next_times()["nightly"] == datetime(2026, 11, 26, 2, 30, tzinfo=UTC)
    outcome = runtime.fire_schedule("nightly")
    assert outcome.ok
    assert len(recorder.of("nightly")) == 1
    with pytest.raises(KeyError, match="nightly, every_five"):
        runtime.fire_schedule("weekly")


def test_several_consumers_share_a_fifo_queue_one_group_at_a_time(tmp_path: Path) -> None:
    """As Lambda runs them: batches of different groups at once, never two of one group."""
    app = Chalice(app_name="fifo", configure_logs=False)
    spans: list[tuple[str, float, float]] = []  # (group, start, end) of each batch
    done: list[str] = []
    lock = threading.Lock()

    @app.on_sqs_message(queue="pages.fifo", batch_size=2)
    def pages(event: SQSEvent) -> None:
        started = time.monotonic()
        time.sleep(0.05)
        with lock:
            bodies = [record.body for record in event]
            done.extend(bodies)
            for group in {body.split(":")[0] for body in bodies}:
                spans.append((group, started, time.monotonic()))

    declare_queue(tmp_path, QueueSettings("pages.fifo", visibility_timeout=60))
    queue = SqliteQueue(tmp_path, "pages.fifo")
    for i in range(12):
        group = f"shop{i % 3}"
        queue.send(Outgoing(f"{group}:{i}", group=group, dedup_id=str(i)))
    runtime = Runtime(app, storage=EmbeddedStorage(tmp_path), consumers=4)
    runtime.start()
    try:
        eventually(lambda: len(done) == 12, timeout=20)
    finally:
        runtime.stop(grace=1)
    assert sorted(done) == sorted(f"shop{i % 3}:{i}" for i in range(12))
    for group in ("shop0", "shop1", "shop2"):
        mine = sorted((start, end) for g, start, end in spans if g == group)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(mine))
    overlapping = any(a[0] != b[0] and a[1] < b[2] and b[1] < a[2] for a in spans for b in spans)
    assert overlapping  # different hosts' groups did run side by side
