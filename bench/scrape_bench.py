"""One night of the price watch at a real shop's size, in virtual time.

The product's own code runs every step: the nightly fan-out
(`scheduling.enqueue_run`), the FIFO scrape queue (the embedded SQLite
queue `make run` uses, with SQS's groups, receive counts and dead-letter
redrive), the consumer (`consumer.handle_batch`), the fetcher (robots.txt,
the per-host limit in the table, the deadline) and the recorder
(`recording.handle_page_event`: extraction, observations, repricing).

Simulated, and nothing else:
- the clock: virtual, so a six-hour night runs in minutes; each actor's
  sleep, long poll and network wait advances it, computing does not;
- the network: a fake web of `hosts` shops answering robots.txt and
  product pages after 0.1-0.5 s, a few pages failing once with a 503;
- AWS call latency: 20 ms for every table, queue and bucket call;
- Lambda's SQS poller: `consumers` of them, each receiving up to ten
  messages, invoking the consumer with the fetch function's 100 s budget,
  and deleting what did not fail; S3 notifications reach recorders.

The last line printed is one JSON object (fields in the issue's table).
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import logging
import os
import random
import shutil
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

PAGES, HOSTS, HOT_HOST_PAGES, CONSUMERS = 10_000, 200, 2_000, 20
RECORDERS = 10
COMPETITORS_PER_PRODUCT = 4
AWS_CALL_SECONDS = 0.02
FETCH_FUNCTION_SECONDS = 100  # fetch_pages' Lambda timeout in the deployed stages
SCHEDULE_FUNCTION_SECONDS = 60
NIGHT_STARTS = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
TARGETS = {
    "dead_lettered": "== 0",
    "fetched_twice": "<= 1% of pages",
    "max_requests_per_host_second": "<= 1.0",
    "night_hours": "<= 6",
    "fanout_seconds": "<= 30",
}


class VirtualClock:
    """Time that moves only when every actor is waiting, to the earliest wake-up."""

    def __init__(self, start: float) -> None:
        self._now = start
        self._lock = threading.Lock()
        self._sleepers: list[tuple[float, int, threading.Event]] = []
        self._sequence = itertools.count()
        self._running = 0

    def time(self) -> float:
        return self._now

    def datetime(self) -> datetime:
        return datetime.fromtimestamp(self._now, UTC)

    def join(self) -> None:
        with self._lock:
            self._running += 1

    def leave(self) -> None:
        with self._lock:
            self._running -= 1
            self._advance()

    def sleep(self, seconds: float) -> None:
        woken = threading.Event()
        with self._lock:
            wake = self._now + max(0.0, seconds)
            heapq.heappush(self._sleepers, (wake, next(self._sequence), woken))
            self._running -= 1
            self._advance()
        woken.wait()

    def _advance(self) -> None:
        """With the lock held: when nobody is running, wake the earliest sleepers."""
        if self._running > 0 or not self._sleepers:
            return
        self._now = max(self._now, self._sleepers[0][0])
        while self._sleepers and self._sleepers[0][0] <= self._now:
            _, _, woken = heapq.heappop(self._sleepers)
            self._running += 1
            woken.set()


class Slow:
    """A store whose every call costs `seconds` of virtual time first, as an AWS call does."""

    def __init__(self, inner: Any, clock: VirtualClock, seconds: float = AWS_CALL_SECONDS) -> None:
        self._inner, self._clock, self._seconds = inner, clock, seconds

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._inner, name)
        if not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            self._clock.sleep(self._seconds)
            return value(*args, **kwargs)

        return call


@dataclass
class FakeResponse:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    cookies: tuple[str, ...] = ()

    def chunks(self) -> Iterator[bytes]:
        yield self.body

    def close(self) -> None:
        pass


@dataclass
class FakeWeb:
    """The shops: robots.txt allows all; a product page shows its price in JSON-LD."""

    clock: VirtualClock
    prices: dict[str, Decimal]  # url -> price
    requests: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    fetches: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, request: Any) -> FakeResponse:
        address = request.address
        with self.lock:
            self.requests[address.host].append(self.clock.time())
        self.clock.sleep(0.1 + _fraction(address.url) * 0.4)
        if address.target == "/robots.txt":
            return FakeResponse(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        price = self.prices.get(address.url)
        if price is None:
            return FakeResponse(404, b"not here", {"Content-Type": "text/html"})
        with self.lock:
            self.fetches[address.url] += 1
            first = self.fetches[address.url] == 1
        if first and _fraction(address.url + "#503") < 0.005:  # a hiccup, once
            return FakeResponse(503, b"try later", {"Content-Type": "text/html"})
        offer = {"@type": "Product", "name": "Item", "offers": {"price": str(price), "priceCurrency": "EUR"}}  # fmt: skip
        html = f'<html><head><script type="application/ld+json">{json.dumps(offer)}</script></head><body><h1>Item</h1><p class="price">€{price}</p></body></html>'  # fmt: skip
        return FakeResponse(200, html.encode(), {"Content-Type": "text/html; charset=utf-8"})


def _fraction(text: str) -> float:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF


def catalogue(pages: int, hosts: int, hot: int) -> dict[str, list[str]]:
    """SKU -> competitor URLs: `hot` of the pages on one host, the rest spread over the others."""
    products = pages // COMPETITORS_PER_PRODUCT
    others = itertools.cycle(range(1, hosts))
    urls: dict[str, list[str]] = {}
    for i in range(products):
        sku = f"SKU-{i:06d}"
        chosen = [0] if i < hot else []
        while len(chosen) < COMPETITORS_PER_PRODUCT:
            chosen.append(next(others))
        urls[sku] = [f"https://shop{host:03d}.example/p/{sku}" for host in chosen]
    return urls


def simulate(
    pages: int = PAGES,
    hosts: int = HOSTS,
    hot: int = HOT_HOST_PAGES,
    consumers: int = CONSUMERS,
    data_dir: Path | None = None,
) -> dict[str, Any]:
    from chalicelib.catalogue import Product
    from chalicelib.config import Settings
    from chalicelib.pricewatch import consumer, recording, scheduling
    from chalicelib.pricewatch.fetching import Fetcher
    from chalicelib.pricewatch.store import PriceStore
    from chalicelib.storage.embedded import EmbeddedStorage
    from chalicelib.storage.resources import stage_resources
    from chalicelib.storage.sqlite_queue import SqliteQueue
    from local_runtime.events import s3_event, sqs_event

    scratch = data_dir or Path(tempfile.mkdtemp(prefix="scrape-night-", dir=_fast_disk()))
    settings = Settings.from_env(
        {"STOREKEEPER_DATA": str(scratch), "TABLE_NAME": "night", "PAGES_BUCKET": "night-pages",
         "SCRAPE_QUEUE": "night.fifo", "SCRAPE_DEAD_LETTER_QUEUE": "night-dlq.fifo",
         "SCRAPE_VISIBILITY_TIMEOUT": "600", "SCRAPE_MAX_RECEIVES": "4",
         "HOST_INTERVAL_SECONDS": "1", "FETCH_TIMEOUT_SECONDS": "20"}
    )  # fmt: skip
    storage = EmbeddedStorage(settings.data_path)
    described = stage_resources(settings)
    storage.provision([settings.pages_bucket], described.queues.values())
    clock = VirtualClock(NIGHT_STARTS.timestamp())
    rng = random.Random(7)
    urls = catalogue(pages, hosts, hot)
    prices = {url: Decimal(rng.randint(1500, 2600)) / 100 for sku in urls for url in urls[sku]}
    setup_store = PriceStore(storage.table(settings.table_name))
    for sku, competitors in urls.items():
        product = Product(sku, f"Item {sku}", Decimal("30.00"), Decimal("10.00"), "EUR",
                          tuple(competitors))  # fmt: skip
        setup_store.save_product(product, NIGHT_STARTS - timedelta(days=1))

    store = PriceStore(Slow(storage.table(settings.table_name), clock))
    queue = Slow(SqliteQueue(settings.data_path, settings.scrape_queue,
                             clock=clock.time, sleep=clock.sleep), clock)  # fmt: skip
    dead = SqliteQueue(settings.data_path, settings.scrape_dead_letter_queue)
    web = FakeWeb(clock, prices)
    notifications: list[dict[str, Any]] = []
    notified = threading.Lock()

    class NotifyingBucket(Slow):
        def put(self, key: str, data: bytes, **kwargs: Any) -> Any:
            info = super().__getattr__("put")(key, data, **kwargs)
            with notified:
                notifications.append(s3_event(settings.pages_bucket, key, "ObjectCreated:Put",
                                              region="us-east-1", size=len(data)))  # fmt: skip
            return info

    bucket = NotifyingBucket(storage.bucket(settings.pages_bucket), clock)
    finished = threading.Event()
    recorded_at: list[float] = []
    fanout: dict[str, float] = {}

    def budget(seconds: float) -> Callable[[], float]:
        ends = clock.time() + seconds
        return lambda: ends - clock.time()

    def scheduler() -> None:
        started = clock.time()
        scheduling.enqueue_run(store, queue, NIGHT_STARTS, clock.datetime,
                               budget(SCHEDULE_FUNCTION_SECONDS))  # fmt: skip
        fanout["seconds"] = clock.time() - started

    def poller() -> None:
        fetcher = Fetcher(settings, store.reserve_host, resolver=lambda host, port: ["93.184.216.34"],
                          clock=clock.time, sleep=clock.sleep, transport=web)  # fmt: skip
        while not finished.is_set():
            batch = queue.receive(max_messages=10, wait_seconds=20)
            if not batch:
                continue
            response = consumer.handle_batch(
                sqs_event(settings.scrape_queue, batch, region="us-east-1"), settings, store,
                bucket, queue, fetcher, clock=clock.datetime,
                time_left=budget(FETCH_FUNCTION_SECONDS),
            )  # fmt: skip
            failed = {item["itemIdentifier"] for item in response["batchItemFailures"]}
            for message in batch:
                if message.id not in failed:
                    queue.delete(message.receipt)

    def recorder() -> None:
        while not finished.is_set():
            with notified:
                event = notifications.pop(0) if notifications else None
            if event is None:
                clock.sleep(2.0)  # S3 notifications arrive within seconds
                continue
            recording.handle_page_event(event, settings, store, bucket, clock=clock.datetime)
            recorded_at.append(clock.time())

    def monitor() -> None:
        while True:
            clock.sleep(10)
            with notified:
                pending = len(notifications)
            if "seconds" in fanout and not pending and queue.approximate_count() == 0:
                clock.sleep(5)  # recorders finish what they hold
                finished.set()
                return

    actors = [scheduler, monitor] + [poller] * consumers + [recorder] * RECORDERS
    logging.disable(logging.CRITICAL)
    threads = []
    for target in actors:
        clock.join()
        thread = threading.Thread(target=_acting(clock, target), daemon=True)
        threads.append(thread)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    logging.disable(logging.NOTSET)

    latest = [o for sku in urls for o in setup_store.latest(sku)]
    right = sum(1 for o in latest if o.status == "ok" and o.price == prices.get(o.url))
    result = {
        "pages": sum(len(u) for u in urls.values()),
        "hosts": len({url.split("/")[2] for u in urls.values() for url in u}),
        "hot_host_pages": sum(1 for u in urls.values() for url in u if "shop000." in url),
        "consumers": consumers,
        "recorded": right,
        "dead_lettered": dead.approximate_count(),
        "fetched_twice": sum(1 for n in web.fetches.values() if n > 1),
        "max_requests_per_host_second": max(_busiest_second(t) for t in web.requests.values()),
        "night_hours": round((max(recorded_at) - NIGHT_STARTS.timestamp()) / 3600, 2),
        "fanout_seconds": round(fanout["seconds"], 1),
        "requests": sum(len(t) for t in web.requests.values()),
        "transient_failures_injected": sum(
            1 for url in web.fetches if _fraction(url + "#503") < 0.005
        ),
    }
    if data_dir is None:
        shutil.rmtree(scratch, ignore_errors=True)
    return result


def _acting(clock: VirtualClock, target: Callable[[], None]) -> Callable[[], None]:
    def act() -> None:
        try:
            target()
        finally:
            clock.leave()

    return act


def _busiest_second(times: list[float]) -> float:
    """The most requests that fell in any one-second window [t, t + 1)."""
    ordered, most, start = sorted(times), 0, 0
    for end, at in enumerate(ordered):
        while ordered[start] <= at - 1.0:
            start += 1
        most = max(most, end - start + 1)
    return float(most)


SHARED_MEMORY = Path("/dev/shm")  # noqa: S108 - a private mkdtemp inside it, removed after


def _fast_disk() -> str | None:
    """tmpfs when there is one: the embedded stores fsync every commit."""
    return str(SHARED_MEMORY) if os.access(SHARED_MEMORY, os.W_OK) else None


def run() -> None:
    import time

    print("\n== scrape: one night, 10,000 pages on 200 hosts, in virtual time ==")
    started = time.perf_counter()
    result = simulate()
    print(f"  simulated in {time.perf_counter() - started:.0f} s of real time")
    for name, target in TARGETS.items():
        print(f"  {name:30} {result[name]!s:>8}   target {target}")
    print(f"  recorded {result['recorded']} of {result['pages']} pages")
    print(
        f"  pages failing once with a 503 (fetched again): {result['transient_failures_injected']}"
    )
    print(json.dumps({k: result[k] for k in (
        "pages", "hosts", "hot_host_pages", "consumers", "recorded", "dead_lettered",
        "fetched_twice", "max_requests_per_host_second", "night_hours", "fanout_seconds")}))  # fmt: skip
