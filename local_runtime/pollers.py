"""SQS event source mappings for embedded queues.

Like Lambda's poller: receive up to the batch size (waiting up to the
batching window), invoke the handler once per batch, delete what succeeded.
Several consumers poll each queue at once, as Lambda scales out, so FIFO
message groups and per-host limits meet the concurrency they meet on AWS.
A handler that raises leaves the whole batch to reappear after the
visibility timeout; one that returns `{"batchItemFailures": [...]}` (SQS
partial batch responses) leaves only those.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from chalicelib.logs import log_event
from chalicelib.storage.queues import Message, Queue
from local_runtime.discovery import QueueSubscription
from local_runtime.events import sqs_event
from local_runtime.invoker import Invoker

log = logging.getLogger("local_runtime")

POLL_SECONDS = 0.5
MAX_RECEIVE = 10


class QueuePoller:
    def __init__(
        self, subscription: QueueSubscription, queue: Queue, invoker: Invoker, region: str
    ) -> None:
        self.subscription = subscription
        self.queue = queue
        self._invoker = invoker
        self._region = region
        self._in_flight: dict[int, list[Message]] = {}
        self._lock = threading.Lock()

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            batch = self._collect(stop)
            if batch:
                self.deliver(batch)

    def release(self) -> None:
        """Make unfinished messages visible at once, for the next start."""
        with self._lock:
            unfinished = [message for batch in self._in_flight.values() for message in batch]
        for message in unfinished:
            self.queue.change_visibility(message.receipt, 0)

    def in_flight(self) -> int:
        with self._lock:
            return sum(len(batch) for batch in self._in_flight.values())

    def _collect(self, stop: threading.Event) -> list[Message]:
        size = self.subscription.batch_size
        batch = self.queue.receive(max_messages=min(size, MAX_RECEIVE), wait_seconds=POLL_SECONDS)
        deadline = time.monotonic() + self.subscription.batching_window
        while batch and len(batch) < size and not stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            batch += self.queue.receive(
                max_messages=min(size - len(batch), MAX_RECEIVE),
                wait_seconds=min(remaining, POLL_SECONDS),
            )
        return batch

    def deliver(self, batch: list[Message]) -> None:
        me = threading.get_ident()
        with self._lock:
            self._in_flight[me] = batch
        try:
            outcome = self._invoker.invoke(
                self.subscription.name,
                sqs_event(self.queue.name, batch, region=self._region),
                source="sqs",
                detail=f"{self.queue.name}: {len(batch)} message(s)",
            )
            if not outcome.ok:
                return
            failed = _failed_ids(outcome.value, batch)
            for message in batch:
                if message.id not in failed:
                    self.queue.delete(message.receipt)
        finally:
            with self._lock:
                del self._in_flight[me]


def _failed_ids(response: Any, batch: list[Message]) -> set[str]:
    if not isinstance(response, dict) or not response.get("batchItemFailures"):
        return set()
    ids = {message.id for message in batch}
    failures = response["batchItemFailures"]
    try:
        failed = {item["itemIdentifier"] for item in failures}
    except (TypeError, KeyError):
        failed = set()
    if not failed or not failed <= ids:
        # Lambda treats a malformed partial response as the whole batch failing.
        log_event(log, "malformed batchItemFailures: retrying the whole batch", logging.WARNING)
        return ids
    return failed
