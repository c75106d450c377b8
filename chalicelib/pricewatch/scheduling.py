"""The nightly fan-out: one queue message per (product, competitor page)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chalicelib.catalogue import check_sku
from chalicelib.errors import InputError
from chalicelib.logs import log_event
from chalicelib.pricewatch.store import PriceStore, timestamp
from chalicelib.storage.queues import Queue

log = logging.getLogger(__name__)
MAX_BODY = 4096


@dataclass(frozen=True)
class ScrapeTask:
    sku: str
    url: str
    run: str

    def to_json(self) -> str:
        return json.dumps({"sku": self.sku, "url": self.url, "run": self.run})

    @classmethod
    def from_json(cls, body: str) -> ScrapeTask:
        if len(body) > MAX_BODY:
            raise InputError("body", "is too long for a scrape task")
        try:
            data: Any = json.loads(body)
        except ValueError:
            raise InputError("body", "is not JSON") from None
        if not isinstance(data, dict) or not all(
            isinstance(data.get(key), str) for key in ("sku", "url", "run")
        ):
            raise InputError("body", "needs string fields sku, url and run")
        return cls(check_sku(data["sku"]), data["url"], data["run"])


def enqueue_run(store: PriceStore, queue: Queue, scheduled_at: datetime, now: datetime) -> int:
    """Queue every competitor page once per scheduled run; a redelivered event queues nothing."""
    run = timestamp(scheduled_at)
    if store.run_finished(run):
        log_event(log, "scrape run already queued", run=run)
        return 0
    count = 0
    for product, _state in store.products():
        for url in product.competitors:
            queue.send(ScrapeTask(product.sku, url, run).to_json())
            count += 1
    store.finish_run(run, count, now)
    log_event(log, "scrape run queued", run=run, messages=count)
    return count
