"""Structured logs: one JSON object per line, tagged with the request id.

Lambda's runtime installs a handler on the root logger; we only swap its
formatter, so the log lines land in CloudWatch exactly as AWS expects.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import sys
import time
from collections.abc import Iterator
from typing import Any

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
_configured = False


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = _request_id.get()
        if request_id:
            entry["request_id"] = request_id
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure(level: int = logging.INFO) -> None:
    """Format every root handler as JSON (adding one on stderr if none exists)."""
    global _configured
    if _configured:
        return
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.StreamHandler(sys.stderr))
    for handler in root.handlers:
        handler.setFormatter(JsonFormatter())
    root.setLevel(level)
    _configured = True


@contextlib.contextmanager
def request_scope(request_id: str | None) -> Iterator[None]:
    token = _request_id.set(request_id)
    try:
        yield
    finally:
        _request_id.reset(token)


def request_id_of(event: Any) -> str | None:
    """The Lambda request id of a Chalice event or request, if it has one."""
    context = getattr(event, "lambda_context", None) or getattr(event, "context", None)
    if isinstance(context, dict):  # an HTTP request's API Gateway context
        return context.get("requestId")
    return getattr(context, "aws_request_id", None)


def log_event(
    logger: logging.Logger, message: str, level: int = logging.INFO, **fields: Any
) -> None:
    """Log `message` with `fields` as top-level JSON keys."""
    logger.log(level, message, extra={"fields": fields})
