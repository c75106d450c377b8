"""The scrape queue's consumer: fetch each page and keep it in the pages bucket.

Returns an SQS partial batch response (`batchItemFailures`), so a message
that failed for a transient reason comes back on its own, after the
visibility timeout (or the server's Retry-After), until the queue's redrive
policy moves it to the dead-letter queue. Permanent failures are recorded
as the observation's status and acknowledged: asking again would not help.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

from chalicelib.batches import try_each
from chalicelib.config import PAGES_PREFIX, Settings
from chalicelib.errors import InputError
from chalicelib.logs import log_event
from chalicelib.pricewatch.fetching import Fetcher, Permanent, Transient
from chalicelib.pricewatch.recording import observation, record
from chalicelib.pricewatch.scheduling import ScrapeTask
from chalicelib.pricewatch.store import PriceStore, timestamp
from chalicelib.storage.blobs import BlobStore
from chalicelib.storage.queues import Queue

log = logging.getLogger(__name__)
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def handle_batch(
    event: Mapping[str, Any],
    settings: Settings,
    store: PriceStore,
    pages: BlobStore,
    queue: Queue,
    fetcher: Fetcher,
) -> dict[str, list[dict[str, str]]]:
    tasks = []
    for record_ in event.get("Records", []):
        message_id = str(record_.get("messageId", ""))
        try:
            tasks.append((record_, ScrapeTask.from_json(str(record_.get("body", "")))))
        except InputError as error:
            # It can never succeed; acknowledged, so it does not poison the queue.
            log_event(
                log,
                "bad scrape message dropped",
                logging.ERROR,
                message_id=message_id,
                reason=str(error),
            )

    def fetch(item: tuple[Mapping[str, Any], ScrapeTask]) -> None:
        record_, task = item
        try:
            fetch_into_bucket(task, settings, store, pages, fetcher, datetime.now(UTC))
        except Transient as error:
            if error.retry_after:
                queue.change_visibility(str(record_.get("receiptHandle")), error.retry_after)
            raise

    failed = try_each(
        tasks,
        fetch,
        describe=lambda item: {"sku": item[1].sku, "url": item[1].url},
        expected=(Transient,),
    )
    return {
        "batchItemFailures": [{"itemIdentifier": str(r.get("messageId", ""))} for r, _ in failed]
    }


def fetch_into_bucket(
    task: ScrapeTask,
    settings: Settings,
    store: PriceStore,
    pages: BlobStore,
    fetcher: Fetcher,
    now: datetime,
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
        page = fetcher.fetch(task.url)
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
    host = (urlsplit(task.url).hostname or "unknown").lower()
    key = f"{PAGES_PREFIX}{task.sku}/{host}/{at}.html"
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
