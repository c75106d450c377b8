"""The nightly fan-out: one queue message per (product, competitor page).

The scrape queue is a FIFO queue whose message groups are the competitors'
hosts: SQS hands out a host's messages one batch at a time, so a host with
2,000 pages is fetched by one consumer after another, never by two at once,
and no message waits by being received and refused (which would count
towards the dead-letter queue). Each message carries a deduplication id, so
a page queued twice within five minutes (a retried fan-out) is queued once.

A run is claimed atomically (two deliveries of one schedule event queue it
once) and queued a page of products at a time, its progress kept with the
run: when the handler's time runs short, it hands the rest over to a
continuation message, which the queue's consumer takes up; when a handler
dies, a retry of the schedule event takes the run over where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from chalicelib.catalogue import check_sku
from chalicelib.errors import InputError
from chalicelib.logs import log_event
from chalicelib.pricewatch.store import PriceStore, RunClaim, timestamp
from chalicelib.storage.queues import MAX_BATCH, Outgoing, Queue
from chalicelib.urls import BadUrl, parse_web_url

log = logging.getLogger(__name__)
MAX_BODY = 4096
PRODUCTS_PER_STEP = 50  # progress is saved after each step (at most 100 batched sends)
RESERVE_SECONDS = 5.0  # hand over when less time than this is left: a step takes about 2
FAN_OUT_GROUP = "fan-out"
MAX_GROUP = 128  # SQS's limit for a message group id

TimeLeft = Callable[[], float]
Clock = Callable[[], datetime]


@dataclass(frozen=True)
class ScrapeTask:
    sku: str
    url: str
    run: str
    deferrals: int = 0  # times put back because the host's turn or the time ran out

    def to_json(self) -> str:
        return json.dumps(
            {"sku": self.sku, "url": self.url, "run": self.run, "deferrals": self.deferrals}
        )

    def outgoing(self) -> Outgoing:
        key = f"{self.run}|{self.sku}|{self.url}|{self.deferrals}"
        return Outgoing(self.to_json(), group=host_group(self.url), dedup_id=_digest(key))

    def deferred(self) -> ScrapeTask:
        return replace(self, deferrals=self.deferrals + 1)


@dataclass(frozen=True)
class ContinueRun:
    """Queue the rest of a run: handed over by a fan-out whose time ran short."""

    run: str
    token: str

    def to_json(self) -> str:
        return json.dumps({"continue": self.run, "token": self.token})

    def outgoing(self) -> Outgoing:
        key = f"continue|{self.run}|{self.token}"
        return Outgoing(self.to_json(), group=FAN_OUT_GROUP, dedup_id=_digest(key))


def parse_message(body: str) -> ScrapeTask | ContinueRun:
    """A scrape queue message; InputError when it can never be acted on."""
    if len(body) > MAX_BODY:
        raise InputError("body", "is too long for a scrape message")
    try:
        data: Any = json.loads(body)
    except ValueError:
        raise InputError("body", "is not JSON") from None
    if not isinstance(data, dict):
        raise InputError("body", "must be a JSON object")
    if isinstance(data.get("continue"), str) and isinstance(data.get("token"), str):
        return ContinueRun(data["continue"], data["token"])
    if not all(isinstance(data.get(key), str) for key in ("sku", "url", "run")):
        raise InputError("body", "needs string fields sku, url and run")
    deferrals = data.get("deferrals", 0)
    if not isinstance(deferrals, int) or isinstance(deferrals, bool) or deferrals < 0:
        raise InputError("deferrals", "must be a whole number")
    return ScrapeTask(check_sku(data["sku"]), data["url"], data["run"], deferrals)


def host_group(url: str) -> str:
    """The message group of a page: its host, so one host's pages go one at a time."""
    try:
        host = parse_web_url(url).host
    except BadUrl:
        host = "malformed-urls"  # the consumer records the refusal
    return host if len(host) <= MAX_GROUP else _digest(host)


def enqueue_run(
    store: PriceStore, queue: Queue, scheduled_at: datetime, clock: Clock, time_left: TimeLeft
) -> int:
    """Queue every competitor page of the catalogue for the run at `scheduled_at`.

    Returns how many pages this call queued; a run already queued, or being
    queued by a live handler, queues nothing.
    """
    run = timestamp(scheduled_at)
    claim = store.claim_run(run, uuid.uuid4().hex, clock(), lease=max(1.0, time_left()))
    if claim is None:
        log_event(log, "scrape run already queued or being queued", run=run)
        return 0
    return _queue_pages(store, queue, claim, clock, time_left)


def continue_run(
    store: PriceStore, queue: Queue, message: ContinueRun, clock: Clock, time_left: TimeLeft
) -> int:
    claim = store.resume_run(message.run, message.token, clock(), lease=max(1.0, time_left()))
    if claim is None:
        log_event(log, "scrape run continuation is stale", run=message.run)
        return 0
    return _queue_pages(store, queue, claim, clock, time_left)


def _queue_pages(
    store: PriceStore, queue: Queue, claim: RunClaim, clock: Clock, time_left: TimeLeft
) -> int:
    cursor, queued, started = claim.cursor, claim.queued, claim.queued
    while True:
        if time_left() < RESERVE_SECONDS:
            token = uuid.uuid4().hex
            if store.hand_over(claim, token, clock()):
                queue.send(ContinueRun(claim.run, token).outgoing())
                log_event(log, "scrape run handed over", run=claim.run, queued=queued)
            return queued - started
        products = store.product_page(cursor, PRODUCTS_PER_STEP)
        if not products:
            store.finish_run(claim, queued, clock())
            log_event(log, "scrape run queued", run=claim.run, messages=queued)
            return queued - started
        tasks = [
            ScrapeTask(product.sku, url, claim.run).outgoing()
            for product in products
            for url in product.competitors
        ]
        for start in range(0, len(tasks), MAX_BATCH):
            queue.send_batch(tasks[start : start + MAX_BATCH])
        cursor, queued = products[-1].sku, queued + len(tasks)
        if not store.advance_run(claim, cursor, queued):
            log_event(log, "scrape run taken over by another handler", run=claim.run)
            return queued - started


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
