"""The local runtime: the app's HTTP routes and its events, in one process."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import Any

from chalice.app import Chalice

from chalicelib.logs import log_event
from chalicelib.storage.embedded import EmbeddedStorage
from local_runtime.buckets import BucketWatcher, Change
from local_runtime.discovery import ScheduleSubscription, discover
from local_runtime.events import s3_event, scheduled_event
from local_runtime.invoker import Invoker, Outcome
from local_runtime.pollers import QueuePoller
from local_runtime.scheduler import Scheduler, utc_now

log = logging.getLogger("local_runtime")

# Lambda retries a failed asynchronous (S3) invocation twice.
S3_RETRY_DELAYS = (1.0, 2.0)


class Runtime:
    def __init__(
        self,
        app: Chalice,
        *,
        storage: EmbeddedStorage,
        region: str = "us-east-1",
        stage: str = "local",
        http_server: Any = None,
        clock: Callable[[], datetime] = utc_now,
        workers: int = 4,
        consumers: int = 4,
        timeouts: Mapping[str, int] | None = None,
        retry_delays: tuple[float, ...] = S3_RETRY_DELAYS,
    ) -> None:
        self.app = app
        self.region = region
        self.handlers = discover(app)
        self.invoker = Invoker(app, timeouts=timeouts or {})
        self._consumers = consumers
        self._rule_prefix = f"{app.app_name}-{stage}-"
        self._http = http_server
        self._retry_delays = retry_delays
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="event")
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._pending = 0
        self._pending_lock = threading.Lock()
        self.watcher = (
            BucketWatcher(storage, self.handlers.buckets, self._announce)
            if self.handlers.s3
            else None
        )
        self.pollers = [
            QueuePoller(subscription, storage.queue(subscription.queue), self.invoker, region)
            for subscription in self.handlers.queues
        ]
        self.scheduler = Scheduler(self.handlers.schedules, self._fire, clock=clock)

    def start(self, *, schedules: bool = True) -> None:
        log_event(
            log,
            "local runtime started",
            s3=[
                f"{s.name} <- {s.bucket}/{s.prefix}*{s.suffix} {list(s.events)}"
                for s in self.handlers.s3
            ],
            sqs=[f"{q.name} <- {q.queue} (batch {q.batch_size})" for q in self.handlers.queues],
            schedules=[
                f"{s.name} <- {s.expression}, next {when:%Y-%m-%d %H:%M}Z" if when else s.name
                for s, when in zip(
                    self.handlers.schedules, self.scheduler.next_times().values(), strict=True
                )
            ],
        )
        if self.watcher is not None:
            self._spawn("s3-watcher", self.watcher.run)
        for poller in self.pollers:
            for i in range(self._consumers):  # Lambda runs several consumers per queue
                self._spawn(f"sqs-{poller.queue.name}-{i}", poller.run)
        if schedules and self.handlers.schedules:
            self._spawn("scheduler", self.scheduler.run)
        if self._http is not None:
            self._spawn("http", lambda _stop: self._http.serve_forever())

    def stop(self, grace: float = 4.0) -> None:
        """Stop taking events, give running handlers `grace` seconds, then hand
        unfinished messages back to their queues for the next start."""
        self._stop.set()
        if any(thread.name == "http" for thread in self._threads):
            # Only once it serves: shutdown() waits for serve_forever() to return, for ever
            # where a Ctrl-C came before it was started.
            self._http.shutdown()
        deadline = time.monotonic() + grace
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._executor.shutdown(wait=False, cancel_futures=True)
        for poller in self.pollers:
            poller.release()
        log_event(log, "local runtime stopped")

    def fire_schedule(self, name: str) -> Outcome:
        """Run a scheduled handler now, as its rule would."""
        schedule = next((s for s in self.handlers.schedules if s.name == name), None)
        if schedule is None:
            known = ", ".join(s.name for s in self.handlers.schedules) or "none"
            raise KeyError(f"no scheduled handler named {name!r} (scheduled handlers: {known})")
        return self._invoke_schedule(schedule, utc_now())

    def wait_until_idle(self, timeout: float, quiet: float = 1.0) -> bool:
        """Wait until no event is pending anywhere for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        idle_since: float | None = None
        while time.monotonic() < deadline:
            if self._idle():
                idle_since = idle_since or time.monotonic()
                if time.monotonic() - idle_since >= quiet:
                    return True
            else:
                idle_since = None
            time.sleep(0.1)
        return False

    def _idle(self) -> bool:
        with self._pending_lock:
            if self._pending:
                return False
        return all(poller.queue.approximate_count() == 0 for poller in self.pollers)

    def _spawn(self, name: str, target: Callable[[threading.Event], None]) -> None:
        thread = threading.Thread(target=target, args=(self._stop,), name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _submit(self, work: Callable[[], object]) -> None:
        with self._pending_lock:
            self._pending += 1

        def finished(_future: Future[object]) -> None:
            with self._pending_lock:
                self._pending -= 1

        try:
            self._executor.submit(work).add_done_callback(finished)
        except RuntimeError:  # shutting down
            finished(Future())

    def _announce(self, change: Change, done: Callable[[], None]) -> None:
        targets = [
            s for s in self.handlers.s3 if s.matches(change.bucket, change.key, change.event_name)
        ]

        def deliver() -> None:
            for subscription in targets:
                event = s3_event(
                    change.bucket,
                    change.key,
                    change.event_name,
                    region=self.region,
                    size=change.size,
                    etag=change.etag,
                )
                detail = f"{change.event_name} {change.bucket}/{change.key}"
                outcome = self.invoker.invoke(subscription.name, event, source="s3", detail=detail)
                for delay in self._retry_delays:
                    if outcome.ok or self._stop.wait(delay):
                        break
                    outcome = self.invoker.invoke(
                        subscription.name, event, source="s3", detail=detail
                    )
            done()

        self._submit(deliver)

    def _fire(self, schedule: ScheduleSubscription, when: datetime) -> None:
        self._submit(lambda: self._invoke_schedule(schedule, when))

    def _invoke_schedule(self, schedule: ScheduleSubscription, when: datetime) -> Outcome:
        event = scheduled_event(self._rule_prefix + schedule.name, when, region=self.region)
        return self.invoker.invoke(
            schedule.name,
            event,
            source="schedule",
            detail=f"{schedule.expression} at {when:%H:%M}Z",
        )
