"""Calling a handler as Lambda would, and logging what happened."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from chalice.app import Chalice
from chalice.local import LambdaContext

from chalicelib.logs import log_event

log = logging.getLogger("local_runtime")


@dataclass(frozen=True)
class Outcome:
    ok: bool
    value: Any = None
    error: BaseException | None = None


DEFAULT_TIMEOUT = 60  # Chalice's, for a function whose stage sets none


class Invoker:
    def __init__(self, app: Chalice, *, timeouts: Mapping[str, int]) -> None:
        """`timeouts`: each handler's Lambda timeout in seconds, as the stage configures it."""
        self.app = app
        self._timeouts = dict(timeouts)

    def invoke(self, handler: str, event: dict[str, Any], *, source: str, detail: str) -> Outcome:
        seconds = self._timeouts.get(handler, DEFAULT_TIMEOUT)
        context = LambdaContext(handler, memory_size=1024, max_runtime_ms=seconds * 1000)
        started = time.perf_counter()
        try:
            value = self.app.handler_map[handler](event, context)
        except Exception as error:
            log_event(
                log,
                "event handler failed",
                logging.ERROR,
                exc_info=True,
                handler=handler,
                source=source,
                detail=detail,
                duration_ms=round((time.perf_counter() - started) * 1000, 1),
                outcome="error",
                error=f"{type(error).__name__}: {error}",
            )
            return Outcome(False, error=error)
        log_event(
            log,
            "event delivered",
            handler=handler,
            source=source,
            detail=detail,
            duration_ms=round((time.perf_counter() - started) * 1000, 1),
            outcome="ok",
        )
        return Outcome(True, value=value)
