"""EventBridge schedule expressions, evaluated as EventBridge does (in UTC).

`cron(min hour day-of-month month day-of-week year)`: six fields, one of
the two day fields must be `?`, day-of-week counts 1=SUN..7=SAT, and the
`L`, `W` and `#` wildcards mean what AWS documents. `rate(n unit)` needs the
singular unit for 1 and the plural otherwise, as AWS insists.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

MONTHS = {
    name: i + 1 for i, name in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())
}
WEEKDAYS = {"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}
LAST_YEAR = 2199


class ScheduleError(ValueError):
    pass


@dataclass(frozen=True)
class Rate:
    every: timedelta

    def next_after(self, moment: datetime, anchor: datetime) -> datetime:
        """The first anchor + k * every strictly after `moment`."""
        if moment < anchor:
            return anchor
        periods = (moment - anchor) // self.every + 1
        return anchor + periods * self.every


@dataclass(frozen=True)
class DaySpec:
    """A day-of-month or day-of-week field: a set of values, or one special rule."""

    values: frozenset[int] | None = None  # None: '?' (no constraint from this field)
    last: bool = False  # dom 'L': last day; dow 'nL': last weekday n
    weekday_near: int | None = None  # dom 'nW'
    nth: tuple[int, int] | None = None  # dow 'd#n'


@dataclass(frozen=True)
class Cron:
    minutes: frozenset[int]
    hours: frozenset[int]
    day_of_month: DaySpec
    months: frozenset[int]
    day_of_week: DaySpec
    years: frozenset[int]

    def next_after(self, moment: datetime) -> datetime | None:
        """The first firing time strictly after `moment` (None if there is none)."""
        moment = moment.astimezone(UTC).replace(second=0, microsecond=0) + timedelta(minutes=1)
        day = moment.date()
        while day.year <= LAST_YEAR:
            if day.year not in self.years:
                day = date(day.year + 1, 1, 1)
                continue
            if day.month not in self.months:
                day = _first_of_next_month(day)
                continue
            if self._day_matches(day):
                start = (moment.hour, moment.minute) if day == moment.date() else (0, 0)
                for hour in sorted(self.hours):
                    for minute in sorted(self.minutes):
                        if (hour, minute) >= start:
                            return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
            day += timedelta(days=1)
        return None

    def _day_matches(self, day: date) -> bool:
        if self.day_of_month != DaySpec():  # the other day field is '?'
            return _dom_matches(self.day_of_month, day)
        return _dow_matches(self.day_of_week, day)


def parse(expression: str) -> Rate | Cron:
    text = expression.strip()
    if match := re.fullmatch(r"rate\((\d+) (minute|hour|day)(s?)\)", text):
        value, unit, plural = int(match[1]), match[2], match[3]
        if value == 0 or (value == 1) == bool(plural):
            raise ScheduleError(f"{text}: use 'rate(1 {unit})' or 'rate(N {unit}s)' with N > 1")
        return Rate(timedelta(**{unit + "s": value}))
    if match := re.fullmatch(r"cron\((.*)\)", text):
        return _parse_cron(match[1].split())
    raise ScheduleError(f"{text!r} is neither rate(...) nor cron(...)")


def _parse_cron(fields: list[str]) -> Cron:
    if len(fields) != 6:
        raise ScheduleError(f"cron needs 6 fields, got {len(fields)}: {' '.join(fields)}")
    minute, hour, dom, month, dow, year = (f.upper() for f in fields)
    if (dom == "?") == (dow == "?"):
        raise ScheduleError("cron: exactly one of day-of-month and day-of-week must be '?'")
    return Cron(
        minutes=_values(minute, 0, 59, {}, "minutes"),
        hours=_values(hour, 0, 23, {}, "hours"),
        day_of_month=_day_of_month(dom),
        months=_values(month, 1, 12, MONTHS, "month"),
        day_of_week=_day_of_week(dow),
        years=_values(year, 1970, LAST_YEAR, {}, "year"),
    )


def _values(text: str, low: int, high: int, names: dict[str, int], field: str) -> frozenset[int]:
    result: set[int] = set()
    for part in text.split(","):
        base, _, step_text = part.partition("/")
        step = _number(step_text, field) if step_text else 1
        if step < 1:
            raise ScheduleError(f"cron {field}: step must be positive in {part!r}")
        if base == "*":
            start, end = low, high
        elif "-" in base:
            first, _, last = base.partition("-")
            start, end = _value(first, names, field), _value(last, names, field)
        else:
            start = _value(base, names, field)
            end = high if step_text else start
        if not (low <= start <= high and low <= end <= high) or start > end:
            raise ScheduleError(f"cron {field}: {part!r} is outside {low}-{high}")
        result.update(range(start, end + 1, step))
    return frozenset(result)


def _value(text: str, names: dict[str, int], field: str) -> int:
    return names[text] if text in names else _number(text, field)


def _number(text: str, field: str) -> int:
    if not text.isdigit():
        raise ScheduleError(f"cron {field}: {text!r} is not a number")
    return int(text)


def _day_of_month(text: str) -> DaySpec:
    if text == "?":
        return DaySpec()
    if text == "L":
        return DaySpec(last=True)
    if match := re.fullmatch(r"(\d+)W", text):
        day = int(match[1])
        if not 1 <= day <= 31:
            raise ScheduleError(f"cron day-of-month: {text!r} is outside 1-31")
        return DaySpec(weekday_near=day)
    return DaySpec(values=_values(text, 1, 31, {}, "day-of-month"))


def _day_of_week(text: str) -> DaySpec:
    if text == "?":
        return DaySpec()
    if text == "L":
        return DaySpec(values=frozenset({7}))
    if match := re.fullmatch(r"(\w+)L", text):
        return DaySpec(values=frozenset({_weekday(match[1])}), last=True)
    if match := re.fullmatch(r"(\w+)#(\d)", text):
        nth = int(match[2])
        if not 1 <= nth <= 5:
            raise ScheduleError(f"cron day-of-week: {text!r} needs #1 to #5")
        return DaySpec(nth=(_weekday(match[1]), nth))
    return DaySpec(values=_values(text, 1, 7, WEEKDAYS, "day-of-week"))


def _weekday(text: str) -> int:
    value = _value(text, WEEKDAYS, "day-of-week")
    if not 1 <= value <= 7:
        raise ScheduleError(f"cron day-of-week: {text!r} is outside 1-7")
    return value


def _aws_weekday(day: date) -> int:
    return (day.isoweekday() % 7) + 1  # Sunday=1 ... Saturday=7


def _dom_matches(spec: DaySpec, day: date) -> bool:
    last_day = calendar.monthrange(day.year, day.month)[1]
    if spec.last:
        return day.day == last_day
    if spec.weekday_near is not None:  # like '31', '31W' skips shorter months
        target = spec.weekday_near
        return target <= last_day and day == _nearest_weekday(day.year, day.month, target)
    return spec.values is not None and day.day in spec.values


def _nearest_weekday(year: int, month: int, target: int) -> date:
    """The weekday nearest `target`, never crossing into another month."""
    day = date(year, month, target)
    last_day = calendar.monthrange(year, month)[1]
    if day.weekday() == 5:  # Saturday: Friday, unless that leaves the month
        return day - timedelta(days=1) if target > 1 else day + timedelta(days=2)
    if day.weekday() == 6:  # Sunday: Monday, unless that leaves the month
        return day + timedelta(days=1) if target < last_day else day - timedelta(days=2)
    return day


def _dow_matches(spec: DaySpec, day: date) -> bool:
    weekday = _aws_weekday(day)
    if spec.nth is not None:
        wanted, nth = spec.nth
        return weekday == wanted and (day.day - 1) // 7 + 1 == nth
    if spec.values is None or weekday not in spec.values:
        return False
    if spec.last:
        return day.day + 7 > calendar.monthrange(day.year, day.month)[1]
    return True


def _first_of_next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)
