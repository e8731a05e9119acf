"""The days a plan's dates are weighed against and the office's calendar
marks: the public holidays, days off by the Labour Code (2019, art. 112:
1/1; Tết, from the last day of the lunar year to mùng 5 tháng Giêng; Giỗ Tổ,
10/3 lunar; 30/4; 1/5; 2/9 and a day beside it, which the Government names
each year), and the anniversaries of the Party, the Youth Union, the Young
Pioneers… Both are data (resources/calendar/ngay-le.json), so that an
office can add its own anniversaries (``extra``)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import vnlunar

from ..resource_files import read_json
from .lunar import VIETNAM_UTC_OFFSET


@dataclass(frozen=True)
class MarkedDay:
    day: date
    name: str
    day_off: bool  # a public holiday; False: an anniversary, a working day
    maybe: bool = False  # the day beside 2/9: off in the years the Government names it


@dataclass(frozen=True)
class Anniversary:
    """An office's own day: "MM-DD" solar, every year."""

    month_day: str
    name: str


def _solar(month_day: str, year: int) -> date | None:
    month, day = (int(part) for part in month_day.split("-"))
    try:
        return date(year, month, day)
    except ValueError:
        return None  # 29/2 of a common year


def _from_lunar(month_day: str, year: int) -> date:
    """The solar date of a lunar day in the lunar year that starts in ``year``."""
    month, day = (int(part) for part in month_day.split("-"))
    solar_day, solar_month, solar_year = vnlunar.convert_lunar_to_solar(day, month, year, 0, VIETNAM_UTC_OFFSET)
    return date(solar_year, solar_month, solar_day)


@cache
def _year(year: int) -> tuple[MarkedDay, ...]:
    data = read_json("calendar", "ngay-le.json")
    days: list[MarkedDay] = []
    for entry in data["holidays"]:
        # A lunar holiday falls in this solar year from this lunar year or, for days before it, the next one.
        for base in ((year, year + 1) if "lunar" in entry else (year,)):
            at = _from_lunar(entry["lunar"], base) if "lunar" in entry else _solar(entry["solar"], base)
            if at is None:
                continue
            span = range(-entry.get("before", 0), entry.get("after", 0) + 1)
            days += [MarkedDay(at + timedelta(days=shift), entry["name"], True) for shift in span]
            if entry.get("maybe_beside"):
                days += [MarkedDay(at + timedelta(days=shift), f"{entry['name']} (ngày nghỉ liền kề, tùy năm)", True,
                                   maybe=True) for shift in (-1, 1)]
    for entry in data["anniversaries"]:
        at = _solar(entry["solar"], year)
        if at is not None:
            days.append(MarkedDay(at, entry["name"], False))
    return tuple(sorted((d for d in days if d.day.year == year), key=lambda d: (d.day, not d.day_off)))


def marked_days(start: date, end: date, extra: Iterable[Anniversary] = ()) -> list[MarkedDay]:
    """Every marked day from ``start`` to ``end`` (both included), in order."""
    found: list[MarkedDay] = []
    own = list(extra)
    for year in range(start.year, end.year + 1):
        found += [d for d in _year(year) if start <= d.day <= end]
        found += [MarkedDay(at, item.name, False) for item in own
                  if (at := _solar(item.month_day, year)) is not None and start <= at <= end]
    return sorted(found, key=lambda d: (d.day, not d.day_off))


def marks_of(day: date, extra: Iterable[Anniversary] = ()) -> list[MarkedDay]:
    return marked_days(day, day, extra)


def day_off(day: date) -> MarkedDay | None:
    """The holiday a day is (a day surely off, not the day beside 2/9), if any."""
    return next((d for d in _year(day.year) if d.day == day and d.day_off and not d.maybe), None)


def weekend(day: date) -> bool:
    return day.weekday() >= 5
