"""EventBridge schedules for the local runtime.

Each schedule fires once at each of its times while the runtime runs;
like EventBridge, times missed while it was stopped are not made up.
Rates count from the runtime's start, as a new EventBridge rule counts
from its creation.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from local_runtime.discovery import ScheduleSubscription
from local_runtime.schedule_expressions import Rate

Fire = Callable[[ScheduleSubscription, datetime], None]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Scheduler:
    def __init__(
        self,
        schedules: tuple[ScheduleSubscription, ...],
        fire: Fire,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._fire = fire
        self._clock = clock
        self._started = clock()
        self._next: dict[str, datetime | None] = {}
        self._schedules = {schedule.name: schedule for schedule in schedules}
        for schedule in schedules:
            self._next[schedule.name] = self._after(schedule, self._started)

    def next_times(self) -> dict[str, datetime | None]:
        return dict(self._next)

    def run_pending(self, now: datetime | None = None) -> list[tuple[str, datetime]]:
        """Fire every schedule that is due at `now`; return what fired."""
        now = now or self._clock()
        fired = []
        for name, when in self._next.items():
            if when is not None and when <= now:
                schedule = self._schedules[name]
                self._fire(schedule, when)
                fired.append((name, when))
                self._next[name] = self._after(schedule, now)
        return fired

    def seconds_until_next(self, now: datetime | None = None) -> float | None:
        now = now or self._clock()
        upcoming = [when for when in self._next.values() if when is not None]
        if not upcoming:
            return None
        return max(0.0, (min(upcoming) - now).total_seconds())

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self.run_pending()
            wait = self.seconds_until_next()
            stop.wait(60.0 if wait is None else min(wait, 60.0))

    def _after(self, schedule: ScheduleSubscription, moment: datetime) -> datetime | None:
        if isinstance(schedule.schedule, Rate):
            return schedule.schedule.next_after(moment, self._started + schedule.schedule.every)
        return schedule.schedule.next_after(moment)
