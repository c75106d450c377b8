"""The scrape queue's consumer: fetch each page and keep it in the pages bucket.

Returns an SQS partial batch response (`batchItemFailures`), so only the
messages that failed come back. What happens to each message:

- fetched and stored, or failed for good (404, robots.txt, refused): the
  failure is recorded as the observation's status; either way it is done;
- failed for now (timeout, 5xx, 429): it comes back after a backoff (or the
  server's Retry-After), hiding its host's group meanwhile, until the
  queue's redrive policy dead-letters it;
- not tried because the host's turn or the invocation's time would not come
  in time: put back as a fresh message, so waiting never counts towards
  the dead-letter queue;
- a fan-out continuation: the rest of a nightly run is queued from here.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import quote

from chalicelib.batches import try_each
from chalicelib.config import PAGES_PREFIX, Settings
from chalicelib.errors import InputError
from chalicelib.logs import log_event
from chalicelib.pricewatch import scheduling
from chalicelib.pricewatch.fetching import (
    MAX_CRAWL_DELAY,
    MAX_WAIT_IN_PLACE,
    Fetcher,
    HostBusy,
    Permanent,
    Transient,
)
from chalicelib.pricewatch.recording import observation, record
from chalicelib.pricewatch.scheduling import ContinueRun, ScrapeTask
from chalicelib.pricewatch.store import PriceStore, timestamp, utc_now
from chalicelib.storage.blobs import BlobStore
from chalicelib.storage.queues import MAX_VISIBILITY, Queue
from chalicelib.urls import BadUrl, parse_web_url

log = logging.getLogger(__name__)
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
SAFETY_SECONDS = 2.0  # left over after the last fetch of an invocation
MIN_FETCH_SECONDS = 2.0  # less time than this for a fetch, and it waits for another invocation
MAX_DEFERRALS = 200  # a page put back this often is failed instead
FIRST_BACKOFF = 60  # seconds before the first retry of a failed fetch; doubles each time
MAX_BACKOFF = 900


def handle_batch(
    event: Mapping[str, Any],
    settings: Settings,
    store: PriceStore,
    pages: BlobStore,
    queue: Queue,
    fetcher: Fetcher,
    *,
    clock: Callable[[], datetime] = utc_now,
    time_left: Callable[[], float] = lambda: math.inf,
) -> dict[str, list[dict[str, str]]]:
    records = event.get("Records")

    def handle(record_: Mapping[str, Any]) -> None:
        try:
            message = scheduling.parse_message(str(record_.get("body", "")))
        except InputError as error:
            # It can never succeed; acknowledged, so it does not poison the queue.
            log_event(
                log,
                "bad scrape message dropped",
                logging.ERROR,
                message_id=str(record_.get("messageId", "")),
                reason=str(error),
            )
            return
        if isinstance(message, ContinueRun):
            scheduling.continue_run(store, queue, message, clock, time_left)
            return
        available = time_left() - SAFETY_SECONDS
        if available < MIN_FETCH_SECONDS:
            _put_back(queue, message, "the invocation's time is nearly up")
            return
        # Time to wait for the host's turns (a Crawl-delay), and the rest for the network.
        waiting = min(MAX_CRAWL_DELAY + 1, (available - MIN_FETCH_SECONDS) / 2)
        try:
            fetch_into_bucket(
                message, settings, store, pages, fetcher, clock(),
                max_wait=waiting, within=available - waiting,
            )  # fmt: skip
        except HostBusy as busy:
            if message.deferrals >= MAX_DEFERRALS:
                raise
            _put_back(queue, message, str(busy))
        except Transient as error:
            _back_off(queue, record_, error, clock())
            raise

    failed = try_each(
        records if isinstance(records, list) else [],
        handle,
        describe=_describe,
        expected=(Transient,),
    )
    return {"batchItemFailures": [{"itemIdentifier": str(r.get("messageId"))} for r in failed]}


def fetch_into_bucket(
    task: ScrapeTask,
    settings: Settings,
    store: PriceStore,
    pages: BlobStore,
    fetcher: Fetcher,
    now: datetime,
    *,
    max_wait: float = MAX_WAIT_IN_PLACE,
    within: float | None = None,
) -> str | None:
    """Fetch one competitor page; returns the pages-bucket key, or None when not kept."""
    found = store.product(task.sku)
    if found is None or task.url not in found[0].competitors:
        log_event(
            log,
            "scrape task skipped",
            sku=task.sku,
            url=task.url,
            reason="no longer in the catalogue",
        )
        return None
    try:
        page = fetcher.fetch(task.url, max_wait=max_wait, within=within)
    except Permanent as error:
        record(store, settings, observation(task.sku, task.url, now, error.status), now)
        log_event(
            log,
            "page not fetched",
            logging.WARNING,
            sku=task.sku,
            url=task.url,
            status=error.status,
            reason=error.detail,
        )
        return None
    at = now.strftime("%Y%m%dT%H%M%S.%fZ")
    key = f"{PAGES_PREFIX}{task.sku}/{_host(task.url)}/{at}.html"
    pages.put(
        key,
        page.body,
        content_type=page.content_type,
        metadata={
            "url": quote(task.url, safe=URL_SAFE),
            "final-url": quote(page.final_url, safe=URL_SAFE),
            "sku": task.sku,
            "fetched-at": timestamp(now),  # record_page parses it back
        },
    )
    log_event(log, "page stored", sku=task.sku, url=task.url, key=key, bytes=len(page.body))
    return key


def _put_back(queue: Queue, task: ScrapeTask, reason: str) -> None:
    """A fresh message for the same page: waiting costs no receive count."""
    queue.send(task.deferred().outgoing())
    log_event(log, "scrape task put back", sku=task.sku, url=task.url, reason=reason)


def _back_off(queue: Queue, record_: Mapping[str, Any], error: Transient, now: datetime) -> None:
    """Hide a failed message for its backoff (the server's Retry-After when it gave one).

    SQS hides a message at most 12 hours after its first receive; a refused
    change is logged, and the message comes back after the queue's timeout.
    """
    attributes = record_.get("attributes") or {}
    try:
        receives = max(1, int(attributes.get("ApproximateReceiveCount", 1)))
        first = int(attributes.get("ApproximateFirstReceiveTimestamp", 0)) / 1000
    except (TypeError, ValueError):
        receives, first = 1, 0.0
    wanted = error.retry_after or min(MAX_BACKOFF, FIRST_BACKOFF * 2 ** (receives - 1))
    age = max(0.0, now.timestamp() - first) if first else 0.0
    seconds = int(max(0, min(wanted, MAX_VISIBILITY - age - 60)))
    try:
        queue.change_visibility(str(record_.get("receiptHandle")), seconds)
    except Exception as problem:
        log_event(
            log,
            "backoff not set",
            logging.WARNING,
            seconds=seconds,
            error=f"{type(problem).__name__}: {problem}",
        )


def _describe(record_: Mapping[str, Any]) -> dict[str, object]:
    return {"message_id": str(record_.get("messageId", "")), "body": str(record_.get("body"))[:300]}


def _host(url: str) -> str:
    try:
        return parse_web_url(url).host
    except BadUrl:
        return "unknown"
