"""The price watch at a real shop's size: the fan-out, the consumer's waits, one night."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bench.scrape_bench import simulate
from chalicelib.catalogue import Product
from chalicelib.config import Settings
from chalicelib.pricewatch import consumer, scheduling
from chalicelib.pricewatch.fetching import Fetcher, HostBusy, Transient
from chalicelib.pricewatch.scheduling import ContinueRun, ScrapeTask
from chalicelib.pricewatch.store import PriceStore
from chalicelib.storage.embedded import EmbeddedStorage
from chalicelib.storage.queues import MAX_VISIBILITY, Message, Outgoing
from chalicelib.storage.resources import stage_resources
from chalicelib.storage.sqlite_queue import SqliteQueue
from local_runtime.events import sqs_event

NIGHT = datetime(2026, 11, 29, 3, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = NIGHT.timestamp()

    def time(self) -> float:
        return self.now

    def datetime(self) -> datetime:
        return datetime.fromtimestamp(self.now, UTC)


class Counting:
    """A queue that counts the calls made to it."""

    def __init__(self, inner: SqliteQueue) -> None:
        self.inner = inner
        self.calls: list[str] = []
        self.lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.inner, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            with self.lock:
                self.calls.append(name)
            return method(*args, **kwargs)

        return call


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def world(tmp_path: Path, clock: Clock) -> tuple[Settings, PriceStore, SqliteQueue]:
    settings = Settings.from_env({"STOREKEEPER_DATA": str(tmp_path)})
    storage = EmbeddedStorage(tmp_path)
    storage.provision(settings.buckets, stage_resources(settings).queues.values())
    store = PriceStore(storage.table(settings.table_name))
    for i in range(120):  # 120 products, 3 pages each: 360 pages on 3 hosts
        urls = tuple(f"https://shop{h}.example/p/{i}" for h in range(3))
        product = Product(f"SKU-{i:04d}", "Mug", Decimal(20), Decimal(5), "EUR", urls)
        store.save_product(product, NIGHT)
    queue = SqliteQueue(tmp_path, settings.scrape_queue, clock=clock.time)
    return settings, store, queue


def drain(queue: SqliteQueue) -> list[Message]:
    """Everything queued, received and deleted (a FIFO group waits for its last batch)."""
    seen = []
    while batch := queue.receive(max_messages=10, visibility_timeout=600):
        seen += batch
        for message in batch:
            queue.delete(message.receipt)
    return seen


def forever() -> float:
    return 60.0


def test_the_fan_out_sends_in_batches_of_ten_one_group_per_host(
    world: tuple[Settings, PriceStore, SqliteQueue], clock: Clock
) -> None:
    _settings, store, queue = world
    counting = Counting(queue)
    queued = scheduling.enqueue_run(store, counting, NIGHT, clock.datetime, forever)
    assert queued == 360
    assert counting.calls.count("send_batch") == 36
    assert "send" not in counting.calls
    messages = drain(queue)
    assert len(messages) == 360
    assert {m.group for m in messages} == {f"shop{h}.example" for h in range(3)}


def test_a_schedule_delivered_twice_at_once_queues_the_run_once(
    world: tuple[Settings, PriceStore, SqliteQueue], clock: Clock
) -> None:
    _settings, store, queue = world
    counting = Counting(queue)
    results: list[int] = []
    start = threading.Barrier(2)

    def deliver() -> None:
        start.wait()
        results.append(scheduling.enqueue_run(store, counting, NIGHT, clock.datetime, forever))

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 360]
    assert counting.calls.count("send_batch") == 36  # not deduplicated away: never sent twice
    assert scheduling.enqueue_run(store, queue, NIGHT, clock.datetime, forever) == 0  # done


def test_a_fan_out_short_of_time_hands_over_and_the_consumer_finishes_it(
    world: tuple[Settings, PriceStore, SqliteQueue], clock: Clock
) -> None:
    settings, store, queue = world
    left = iter([60.0, 60.0, 1.0])  # time for one step, then nearly none
    queued = scheduling.enqueue_run(store, queue, NIGHT, clock.datetime, lambda: next(left))
    assert queued == scheduling.PRODUCTS_PER_STEP * 3
    messages = drain(queue)
    [handed] = [m for m in messages if "continue" in json.loads(m.body)]
    assert handed.group == scheduling.FAN_OUT_GROUP
    # The consumer takes the continuation up and queues the rest, each page once.
    response = consumer.handle_batch(
        sqs_event(queue.name, [handed], region="us-east-1"), settings, store,
        None, queue, None, clock=clock.datetime, time_left=forever,
    )  # fmt: skip
    assert response == {"batchItemFailures": []}
    pages = [m for m in messages if "continue" not in json.loads(m.body)] + drain(queue)
    assert sorted(json.loads(m.body)["url"] for m in pages) == sorted(
        url for product in store.products() for url in product[0].competitors
    )
    # A stale continuation (delivered again) queues nothing more.
    assert scheduling.continue_run(store, queue, ContinueRun(NIGHT.isoformat(), "old"),
                                   clock.datetime, forever) == 0  # fmt: skip


def test_a_fan_out_that_died_is_taken_over_where_it_stopped(
    world: tuple[Settings, PriceStore, SqliteQueue], clock: Clock
) -> None:
    _settings, store, queue = world

    class Dies(Exception):
        pass

    class DyingQueue:
        """Sends the first step (50 products: 15 batches), dies halfway through the second."""

        sends = 0

        def send_batch(self, messages: list[Outgoing]) -> None:
            self.sends += 1
            if self.sends == 20:
                raise Dies
            queue.send_batch(messages)

    dying: Any = DyingQueue()
    with pytest.raises(Dies):
        scheduling.enqueue_run(store, dying, NIGHT, clock.datetime, forever)
    # Lambda retries the schedule event a minute later; the dead handler's lease is over.
    clock.now += 61
    assert scheduling.enqueue_run(store, queue, NIGHT, clock.datetime, forever) == 360 - 150
    urls = [json.loads(m.body)["url"] for m in drain(queue)]
    assert len(urls) == len(set(urls)) == 360  # the re-sent part of the died step: deduplicated


def fetch_event(queue: SqliteQueue, task: ScrapeTask) -> list[Message]:
    queue.send(task.outgoing())
    return queue.receive(max_messages=10)


def a_fetcher(
    settings: Settings, reserve: Callable[[str, float, float], float], clock: Clock
) -> Fetcher:
    return Fetcher(
        settings, reserve, resolver=lambda host, port: ["93.184.216.34"],
        clock=clock.time, sleep=lambda seconds: None,
    )  # fmt: skip


def test_a_host_s_turn_not_coming_in_time_puts_the_page_back_without_a_receive(
    world: tuple[Settings, PriceStore, SqliteQueue], clock: Clock
) -> None:
    settings, store, queue = world
    task = ScrapeTask("SKU-0001", "https://shop0.example/p/1", "run")
    batch = fetch_event(queue, task)
    fetcher = a_fetcher(settings, lambda host, now, interval: 500.0, clock)
    response = consumer.handle_batch(
        sqs_event(queue.name, batch, region="us-east-1"), settings, store, None,
        queue, fetcher, clock=clock.datetime, time_left=forever,
    )  # fmt: skip
    assert response == {"batchItemFailures": []}  # acknowledged: it was never tried
    queue.delete(batch[0].receipt)
    [again] = queue.receive()
    assert json.loads(again.body)["deferrals"] == 1
    assert again.receive_count == 1  # a fresh message: waiting counts for nothing


def test_a_batch_short_of_time_puts_its_pages_back(
    world: tuple[Settings, PriceStore, SqliteQueue], clock: Clock
) -> None:
    settings, store, queue = world
    for i in range(3):
        queue.send(ScrapeTask(f"SKU-{i:04d}", f"https://shop0.example/p/{i}", "run").outgoing())
    batch = queue.receive(max_messages=10)
    response = consumer.handle_batch(
        sqs_event(queue.name, batch, region="us-east-1"), settings, store, None,
        queue, None, clock=clock.datetime, time_left=lambda: 1.5,
    )  # fmt: skip
    assert response == {"batchItemFailures": []}
    for message in batch:
        queue.delete(message.receipt)
    assert len(drain(queue)) == 3


def test_a_long_retry_after_is_capped_to_what_sqs_allows_and_the_batch_goes_on(
    world: tuple[Settings, PriceStore, SqliteQueue], clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, store, queue = world
    slow = ScrapeTask("SKU-0001", "https://shop0.example/p/1", "run")
    fine = ScrapeTask("SKU-0002", "https://shop1.example/p/2", "run")
    queue.send(slow.outgoing())
    queue.send(fine.outgoing())
    batch = queue.receive(max_messages=10)
    clock.now += 11.9 * 3600  # first received nearly twelve hours ago
    fetched: list[str] = []

    def fetch(task: ScrapeTask, *args: Any, **kwargs: Any) -> None:
        if task.url == slow.url:
            raise Transient("HTTP 429", retry_after=50_000)
        fetched.append(task.url)

    monkeypatch.setattr(consumer, "fetch_into_bucket", fetch)
    response = consumer.handle_batch(
        sqs_event(queue.name, batch, region="us-east-1"), settings, store, None,
        queue, None, clock=clock.datetime, time_left=forever,
    )  # fmt: skip
    [failed] = response["batchItemFailures"]
    assert failed["itemIdentifier"] == next(m.id for m in batch if m.group == "shop0.example")
    assert fetched == [fine.url]
    hidden_until = queue._db.read("SELECT visible_at, first_received_at FROM messages")[0]
    assert hidden_until["visible_at"] - hidden_until["first_received_at"] <= MAX_VISIBILITY


def test_a_busy_host_exception_is_a_transient_one() -> None:
    assert issubclass(HostBusy, Transient)


def test_one_hot_host_and_twenty_consumers_lose_nothing_and_keep_the_pace() -> None:
    """The issue's reproduction, 120 pages of one host, inside a small simulated night."""
    result = simulate(pages=600, hosts=30, hot=120, consumers=20)
    assert result["recorded"] == result["pages"] == 600
    assert result["hot_host_pages"] == 120
    assert result["dead_lettered"] == 0
    assert result["max_requests_per_host_second"] <= 1.0
    assert result["fetched_twice"] <= result["transient_failures_injected"]
    assert result["night_hours"] < 0.2  # the hot host's 120 pages at one a second, and a bit
