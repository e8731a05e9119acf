"""The days of the office's calendar: a month's six weeks or a week, each
day with its short lunar date, the days marked (core.marked_days) and the
plans' dated items on it. Shared by the calendar window and its printed
month (formats.calendar_pdf)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .dated_items import DatedItem
from .lunar import lunar_date
from .marked_days import Anniversary, MarkedDay, marked_days

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
# A range longer than this is shown on its first day and on the first day shown, not on every day.
LONG_RANGE_DAYS = 14


@dataclass(frozen=True)
class PlanItem:
    """A dated item and the plan it comes from."""

    item: DatedItem
    plan_id: int
    plan_title: str
    status: str  # "draft", "issued"
    issuing_body: str  # "BCH ĐOÀN KHỐI - ĐOÀN TRƯỜNG", as the plan list shows it

    def label(self) -> str:
        """As the calendar shows it: "08:00 Hội nghị tổng kết", "Cả tháng 3: Tháng Thanh niên",
        "Tháng 12/2019 – 2/2020: Chuẩn bị Hội nghị"."""
        what = " ".join(self.item.what.split())
        item = self.item
        if item.month_only and item.end and item.end != item.day:
            return f"Tháng {item.day.month}/{item.day.year} – {item.end.month}/{item.end.year}: {what}"
        if item.month_only:
            return f"Cả tháng {item.day.month}: {what}"
        return f"{self.item.start_time} {what}" if self.item.start_time else what


@dataclass(frozen=True)
class CalendarDay:
    day: date
    lunar: str  # "1/12", "15/4n" (a leap month)
    lunar_text: str  # "Mùng 1 tháng 12 năm Nhâm Dần (âm lịch)"
    marks: tuple[MarkedDay, ...]
    items: tuple[PlanItem, ...]
    in_month: bool = True  # False: a day of the month before or after, in the month's first or last week

    @property
    def day_off(self) -> bool:
        return any(mark.day_off and not mark.maybe for mark in self.marks)


def month_span(year: int, month: int) -> list[date]:
    """The month's weeks, Monday to Sunday: 42 days (six weeks), so that every month has the same grid."""
    first = date(year, month, 1)
    start = first - timedelta(days=first.weekday())
    return [start + timedelta(days=i) for i in range(42)]


def week_span(day: date) -> list[date]:
    start = day - timedelta(days=day.weekday())
    return [start + timedelta(days=i) for i in range(7)]


# A day's lunar date never changes, and computing it is most of a month's cost to show (the
# window shows its 42 days again each time it is activated): each day is computed once.
@lru_cache(maxsize=4096)
def short_lunar(day: date) -> tuple[str, str]:
    lunar = lunar_date(day)
    return f"{lunar.day}/{lunar.month}{'n' if lunar.leap else ''}", lunar.text()


def calendar_days(days: Sequence[date], items: Iterable[PlanItem], extra: Iterable[Anniversary] = (),
                  month: int | None = None) -> list[CalendarDay]:
    """Each day with its lunar date, marks and items; ``month``: the days of another month are marked so."""
    first, last = days[0], days[-1]
    marks: dict[date, list[MarkedDay]] = {}
    for mark in marked_days(first, last, extra):
        marks.setdefault(mark.day, []).append(mark)
    on_day: dict[date, list[PlanItem]] = {}
    # A month's first day shown in it, not the last days of the month before its first week.
    shown_from = next((day for day in days if day.month == month), first) if month else first
    for planned in items:
        for day in _shown_on(planned.item, shown_from, last):
            on_day.setdefault(day, []).append(planned)
    return [CalendarDay(day, *short_lunar(day), tuple(marks.get(day, ())), tuple(on_day.get(day, ())),
                        month is None or day.month == month) for day in days]


def _shown_on(item: DatedItem, first: date, last: date) -> list[date]:
    """The days shown that carry an item: each day of a short range, the first day of a long one (or
    ``first``, when it began before), a month's item on its month's first day (or ``first``)."""
    start, end = max(item.day, first), min(item.last_day, last)
    if start > end:
        return []
    if item.month_only or (item.last_day - item.day).days >= LONG_RANGE_DAYS:
        return [start]
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
