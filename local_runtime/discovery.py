"""The app's event handlers, read from its own decorator registrations.

Chalice records every `@app.on_s3_event`, `@app.on_sqs_message` and
`@app.schedule` in `app.event_sources` (and the callable in
`app.handler_map`), which is what `chalice deploy` reads too: a new handler
works locally with no second list to keep in step.
"""

from __future__ import annotations

import fnmatch
import logging
from dataclasses import dataclass

from chalice.app import (
    Chalice,
    S3EventConfig,
    ScheduledEventConfig,
    ScheduleExpression,
    SQSEventConfig,
)

from chalicelib.logs import log_event
from local_runtime.schedule_expressions import Cron, Rate, parse

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class S3Subscription:
    name: str
    bucket: str
    events: tuple[str, ...]
    prefix: str
    suffix: str

    def matches(self, bucket: str, key: str, event_name: str) -> bool:
        """`event_name` as in a record, e.g. 'ObjectCreated:Put'."""
        return (
            bucket == self.bucket
            and key.startswith(self.prefix)
            and key.endswith(self.suffix)
            and any(fnmatch.fnmatchcase(f"s3:{event_name}", pattern) for pattern in self.events)
        )


@dataclass(frozen=True)
class QueueSubscription:
    name: str
    queue: str
    batch_size: int
    batching_window: int


@dataclass(frozen=True)
class ScheduleSubscription:
    name: str
    expression: str
    schedule: Rate | Cron


@dataclass(frozen=True)
class Handlers:
    s3: tuple[S3Subscription, ...]
    queues: tuple[QueueSubscription, ...]
    schedules: tuple[ScheduleSubscription, ...]

    @property
    def buckets(self) -> set[str]:
        return {subscription.bucket for subscription in self.s3}


def discover(app: Chalice) -> Handlers:
    s3, queues, schedules = [], [], []
    for source in app.event_sources:
        if isinstance(source, S3EventConfig):
            s3.append(
                S3Subscription(
                    source.name,
                    source.bucket,
                    tuple(source.events),
                    source.prefix or "",
                    source.suffix or "",
                )
            )
        elif isinstance(source, SQSEventConfig):
            queue = source.queue or (source.queue_arn or "").rsplit(":", 1)[-1]
            queues.append(
                QueueSubscription(
                    source.name, queue, source.batch_size, source.maximum_batching_window_in_seconds
                )
            )
        elif isinstance(source, ScheduledEventConfig):
            expression = source.schedule_expression
            text = (
                expression.to_string() if isinstance(expression, ScheduleExpression) else expression
            )
            schedules.append(ScheduleSubscription(source.name, text, parse(text)))
        else:
            log_event(
                log,
                "handler not run locally",
                logging.WARNING,
                handler=source.name,
                kind=type(source).__name__,
            )
    return Handlers(tuple(s3), tuple(queues), tuple(schedules))
