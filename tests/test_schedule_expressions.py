"""Schedule expressions evaluated the way EventBridge documents them (UTC)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from local_runtime.schedule_expressions import Cron, Rate, ScheduleError, parse


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def fires(expression: str, start: str, count: int) -> list[str]:
    schedule = parse(expression)
    assert isinstance(schedule, Cron)
    moment, result = at(start), []
    for _ in range(count):
        nxt = schedule.next_after(moment)
        assert nxt is not None
        result.append(nxt.strftime("%Y-%m-%d %a %H:%M"))
        moment = nxt
    return result


@pytest.mark.parametrize(
    ("expression", "start", "expected"),
    [
        # The examples in the EventBridge user guide.
        ("cron(0 10 * * ? *)", "2026-11-26T09:00", ["2026-11-26 Thu 10:00", "2026-11-27 Fri 10:00"]),
        ("cron(15 12 * * ? *)", "2026-11-26T12:15", ["2026-11-27 Fri 12:15", "2026-11-28 Sat 12:15"]),
        ("cron(0 18 ? * MON-FRI *)", "2026-11-27T18:00", ["2026-11-30 Mon 18:00", "2026-12-01 Tue 18:00"]),
        ("cron(0 8 1 * ? *)", "2026-11-26T00:00", ["2026-12-01 Tue 08:00", "2027-01-01 Fri 08:00"]),
        ("cron(0/15 * * * ? *)", "2026-11-26T10:07", ["2026-11-26 Thu 10:15", "2026-11-26 Thu 10:30"]),
        ("cron(0/10 * ? * MON-FRI *)", "2026-11-27T23:55", ["2026-11-30 Mon 00:00", "2026-11-30 Mon 00:10"]),
        ("cron(0/5 8-17 ? * MON-FRI *)", "2026-11-26T17:56", ["2026-11-27 Fri 08:00", "2026-11-27 Fri 08:05"]),
        ("cron(0 9 ? * 2#1 *)", "2026-11-26T00:00", ["2026-12-07 Mon 09:00", "2027-01-04 Mon 09:00"]),
        # Wildcards: last day, last Friday, nearest weekday, day-of-week numbers.
        ("cron(0 0 L * ? *)", "2027-02-01T00:00", ["2027-02-28 Sun 00:00", "2027-03-31 Wed 00:00"]),
        ("cron(0 0 L 2 ? 2028)", "2026-01-01T00:00", ["2028-02-29 Tue 00:00"]),
        ("cron(30 6 ? * 6L *)", "2026-11-01T00:00", ["2026-11-27 Fri 06:30", "2026-12-25 Fri 06:30"]),
        ("cron(0 12 15W * ? *)", "2026-11-01T00:00", ["2026-11-16 Mon 12:00", "2026-12-15 Tue 12:00"]),
        ("cron(0 12 1W * ? *)", "2026-08-01T00:00", ["2026-08-03 Mon 12:00", "2026-09-01 Tue 12:00"]),
        ("cron(0 12 31W * ? *)", "2026-10-01T00:00", ["2026-10-30 Fri 12:00", "2026-12-31 Thu 12:00"]),
        ("cron(0 3 ? * 1 *)", "2026-11-26T00:00", ["2026-11-29 Sun 03:00", "2026-12-06 Sun 03:00"]),
        ("cron(0 3 ? * SAT,SUN *)", "2026-11-26T00:00", ["2026-11-28 Sat 03:00", "2026-11-29 Sun 03:00"]),
        ("cron(0 0 1 JAN,JUL ? 2027-2028)", "2026-11-26T00:00", ["2027-01-01 Fri 00:00", "2027-07-01 Thu 00:00", "2028-01-01 Sat 00:00"]),
        ("cron(0 3 29 2 ? *)", "2026-01-01T00:00", ["2028-02-29 Tue 03:00"]),
    ],
)  # fmt: skip
def test_cron_fires_when_eventbridge_would(
    expression: str, start: str, expected: list[str]
) -> None:
    assert fires(expression, start, len(expected)) == expected


def test_a_schedule_in_the_past_never_fires_again() -> None:
    schedule = parse("cron(0 0 1 1 ? 2020)")
    assert isinstance(schedule, Cron)
    assert schedule.next_after(at("2026-01-01T00:00")) is None


@pytest.mark.parametrize(
    ("expression", "every"),
    [
        ("rate(1 minute)", timedelta(minutes=1)),
        ("rate(5 minutes)", timedelta(minutes=5)),
        ("rate(1 hour)", timedelta(hours=1)),
        ("rate(12 hours)", timedelta(hours=12)),
        ("rate(1 day)", timedelta(days=1)),
    ],
)
def test_rates(expression: str, every: timedelta) -> None:
    rate = parse(expression)
    assert rate == Rate(every)
    anchor = at("2026-11-26T10:00")
    assert rate.next_after(anchor, anchor) == anchor + every
    assert rate.next_after(anchor + every * 2.5, anchor) == anchor + every * 3


@pytest.mark.parametrize(
    "expression",
    [
        "rate(1 minutes)",
        "rate(5 minute)",
        "rate(0 minutes)",
        "rate(5 weeks)",
        "cron(0 10 * * *)",
        "cron(0 10 * * * *)",
        "cron(0 10 ? * ? *)",
        "cron(60 10 * * ? *)",
        "cron(0 24 * * ? *)",
        "cron(0 10 32 * ? *)",
        "cron(0 10 ? * 8 *)",
        "cron(0 10 ? * MON#6 *)",
        "cron(0 10 * FOO ? *)",
        "cron(5-1 10 * * ? *)",
        "every day",
    ],
)
def test_invalid_expressions_are_refused(expression: str) -> None:
    with pytest.raises(ScheduleError):
        parse(expression)
