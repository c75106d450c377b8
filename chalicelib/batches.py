"""Event batches as AWS delivers them: S3 records read once, every item tried on its own.

AWS delivers S3 and SQS events in batches and retries a failed invocation
whole. So a handler tries every item, logs each failure with what names it,
and reports the failures together at the end: one bad photo or page never
stops the rest of its batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import unquote_plus

from chalicelib.logs import log_event

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class S3Record:
    event: str  # "created" or "removed"
    bucket: str
    key: str
    size: int | None  # from the event, before anything is downloaded


def s3_records(event: Mapping[str, Any]) -> Iterator[S3Record]:
    """The object records of an S3 notification; malformed ones are logged and left out."""
    records = event.get("Records")
    for raw in records if isinstance(records, list) else []:
        try:
            name = str(raw["eventName"])
            bucket = str(raw["s3"]["bucket"]["name"])
            key = unquote_plus(str(raw["s3"]["object"]["key"]))
            size = raw["s3"]["object"].get("size")
        except (KeyError, TypeError, AttributeError):
            log_event(log, "malformed S3 record skipped", logging.ERROR, record=str(raw)[:300])
            continue
        if name.startswith("ObjectCreated:"):
            kind = "created"
        elif name.startswith("ObjectRemoved:"):
            kind = "removed"
        else:
            log_event(log, "S3 event type not handled", logging.WARNING, event=name, key=key)
            continue
        sized = size if isinstance(size, int) and not isinstance(size, bool) else None
        yield S3Record(kind, bucket, key, sized)


def try_each(
    items: Iterable[T],
    work: Callable[[T], object],
    *,
    describe: Callable[[T], Mapping[str, object]],
    expected: tuple[type[Exception], ...] = (),
) -> list[T]:
    """Run `work` on every item; return those that raised, each logged.

    An `expected` failure (a timeout, a busy host) is logged as a warning
    with its reason; anything else as an error with its traceback.
    """
    failed = []
    for item in items:
        try:
            work(item)
        except expected as error:
            log_event(log, "will be retried", logging.WARNING, reason=str(error), **describe(item))
            failed.append(item)
        except Exception as error:
            log_event(
                log,
                "failed",
                logging.ERROR,
                exc_info=True,
                error=f"{type(error).__name__}: {error}",
                **describe(item),
            )
            failed.append(item)
    return failed
