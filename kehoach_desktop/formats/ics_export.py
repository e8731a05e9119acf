"""The plans' dated items for other calendars: an iCalendar file (RFC 5545,
the icalendar library), one event per dated item (core.dated_items) of every
plan outside the trash, for `kehoach calendar --ics` and the window's
"Xuất lịch ra tệp .ics…".

- Times are in Asia/Ho_Chi_Minh (zoneinfo; tzdata, a dependency of
  icalendar, brings the zone on Windows), with the VTIMEZONE the library
  builds. A timed item is DTSTART/DTEND (a task's deadline at a time is a
  moment: DTSTART alone; a time without an end lasts DEFAULT_LENGTH); an
  item without a time is a day (DATE values, DTEND the day after the last,
  as RFC 5545 counts), a month's item is its months.
- UIDs are stable: the plan's id in the database and the item's field path,
  hashed. Exporting again gives the same UIDs, so a calendar that imports
  the file again updates its events instead of adding copies; SEQUENCE is
  the plan's version (each save raises it) and DTSTAMP/LAST-MODIFIED its
  last save, so the file is the same byte for byte while nothing changed.
  Plans have no id of their own beyond the database's: a plan copied into
  another database, or a database rebuilt from its plans' files, gives new
  UIDs (the calendar then holds both until the old ones are deleted).
- A draft's events are TENTATIVE, an issued plan's CONFIRMED.
- The file is written under a temporary name, then renamed (safe_write.py).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.dated_items import ACTIVITY, EVENT, SLOT, STEP, TASK, DatedItem, dated_items
from ..core.errors import UserError
from ..core.model import Plan
from ..store.plans import PlanStore, number_label
from .safe_write import write_atomically

if TYPE_CHECKING:
    from icalendar import Calendar, Event

TIME_ZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LENGTH = timedelta(hours=1)  # a time without an end: an hour in the calendar
UID_DOMAIN = "kehoach-desktop"
PRODID = "-//KeHoach Desktop//Lich cong tac//VI"
KIND_LABELS = {EVENT: "Sự kiện", SLOT: "Chương trình", STEP: "Tiến độ", TASK: "Hạn nhiệm vụ", ACTIVITY: "Hoạt động"}


@dataclass(frozen=True)
class CalendarPlan:
    """A plan as the calendar exports it: with its id, version and last save."""

    id: int
    plan: Plan
    version: int
    updated_at: datetime  # local time, as the store keeps it


def calendar_plans(store: PlanStore) -> list[CalendarPlan]:
    """Every plan outside the trash, in the list's order."""
    ids = [plan_id for plan_id, _day, _status in store.list_keys()]
    summaries = {summary.id: summary for summary in store.summaries_of(ids)}
    return [CalendarPlan(plan_id, store.get(plan_id), summaries[plan_id].version, summaries[plan_id].updated_at)
            for plan_id in ids if plan_id in summaries]


def uid(plan_id: int, field: str) -> str:
    """The event's UID: the same plan and field give the same one at every export."""
    digest = hashlib.sha256(f"{plan_id}|{field}".encode()).hexdigest()[:20]
    return f"kehoach-{plan_id}-{digest}@{UID_DOMAIN}"


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def item_span(item: DatedItem) -> tuple[date, date]:
    """The first and last day the item covers (a month's item: whole months)."""
    return item.day, item.covered_until


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _times(item: DatedItem) -> tuple[date | datetime, date | datetime | None]:
    """DTSTART and DTEND (None: a moment, no DTEND)."""
    from zoneinfo import ZoneInfo

    if item.month_only:
        return item.day, _month_after(item.last_day)
    if not item.start_time:
        return item.day, item.last_day + timedelta(days=1)
    zone = ZoneInfo(TIME_ZONE)
    start = datetime.combine(item.day, _clock(item.start_time), zone)
    if item.end_time:
        end = datetime.combine(item.last_day, _clock(item.end_time), zone)
        return start, end if end > start else start + DEFAULT_LENGTH
    if item.kind == TASK:
        return start, None  # a deadline is a moment
    if item.end is not None:
        return start, datetime.combine(item.last_day, _clock(item.start_time), zone) + DEFAULT_LENGTH
    return start, start + DEFAULT_LENGTH


def plan_label(plan: Plan) -> str:
    number = number_label(plan.number)
    title = plan.title_one_line
    return f"Kế hoạch số {number}: {title}" if number else f"Kế hoạch (chưa có số): {title}"


def _event(entry: CalendarPlan, item: DatedItem) -> Event:
    from icalendar import Event

    stamp = entry.updated_at.astimezone(UTC)  # a naive time is taken as local time
    event = Event()
    event.add("uid", uid(entry.id, item.field))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", max(entry.version - 1, 0))
    start, end = _times(item)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    event.add("summary", " ".join(item.what.split()) or entry.plan.title_one_line)
    draft = "" if entry.plan.status == "issued" else " (dự thảo)"
    event.add("description", f"{plan_label(entry.plan)}{draft}\n{KIND_LABELS[item.kind]}, {item.place}")
    if item.venue:
        event.add("location", item.venue)
    event.add("status", "CONFIRMED" if entry.plan.status == "issued" else "TENTATIVE")
    return event


def ics_calendar(plans: Iterable[CalendarPlan], start: date | None = None, end: date | None = None) -> Calendar:
    """The calendar of these plans' dated items; ``start``/``end``: only the
    items whose days meet that span (both days included)."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Lịch công tác – KeHoach Desktop")
    cal.add("x-wr-timezone", TIME_ZONE)
    for entry in plans:
        for item in dated_items(entry.plan):
            first, last = item_span(item)
            if (start is not None and last < start) or (end is not None and first > end):
                continue
            cal.add_component(_event(entry, item))
    cal.add_missing_timezones()
    return cal


def write_ics(path: Path, plans: Sequence[CalendarPlan], start: date | None = None, end: date | None = None, *,
              overwrite: bool) -> int:
    """Write the .ics file; returns how many events it holds."""
    if Path(path).suffix.lower() != ".ics":
        raise UserError("tệp lịch phải có đuôi .ics", file=str(path))
    from zoneinfo import ZoneInfoNotFoundError

    if start is not None and end is not None and end < start:
        raise UserError("ngày cuối phải bằng hoặc sau ngày đầu")
    try:
        cal = ics_calendar(plans, start, end)
    except ZoneInfoNotFoundError:  # Windows has no zone files of its own: they come with the tzdata package
        raise UserError("thiếu dữ liệu múi giờ (gói tzdata) để ghi giờ Việt Nam; hãy cài lại chương trình",
                        file=str(path)) from None
    write_atomically(Path(path), cal.to_ical(), overwrite=overwrite)
    return len(cal.walk("VEVENT"))
