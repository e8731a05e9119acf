"""Every dated item of a plan, for the office's calendar, the deadlines that
come to the clerk and the .ics export: the event (its time and place), the
programme's slots on the event's day, the timeline's steps, the tasks'
deadlines and the activities whose time names a date or a month. Each item
carries the field it comes from (``field``: the path PlanEditor.go_to_field
takes), so that a click opens the plan there."""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from . import content as c
from .dates import valid_time
from .model import Plan
from .numbering import roman
from .plan_dates import partial_day

EVENT, SLOT, STEP, TASK, ACTIVITY = "event", "slot", "step", "task", "activity"


@dataclass(frozen=True)
class DatedItem:
    day: date  # a month's item: the month's first day
    kind: str  # EVENT, SLOT, STEP, TASK or ACTIVITY
    what: str  # in the clerk's words: the plan's title for its event, a slot's or a step's text, a task
    field: str  # where it is in the plan: "sections[2].content.event_date"
    place: str  # the same in words: "Mục III"
    end: date | None = None  # the last day of a range (an event over days, a step from … to …)
    start_time: str = ""  # "HH:MM" or ""
    end_time: str = ""
    month_only: bool = False  # given by its month ("tháng 3/2023"): no day
    venue: str = ""

    @property
    def last_day(self) -> date:
        return self.end or self.day

    @property
    def covered_until(self) -> date:
        """The last day the item covers: a month's item, its (last) month's last day (a deadline
        "tháng 3/2020" runs to 31/3, a calendar event over the whole month)."""
        last = self.last_day
        return last.replace(day=calendar.monthrange(last.year, last.month)[1]) if self.month_only else last


def dated_items(plan: Plan) -> list[DatedItem]:
    """The plan's dated items, in the order of the plan."""
    items: list[DatedItem] = []
    events = {content.event_date for section in plan.sections for _path, content in _contents(section.content)
              if isinstance(content, c.TimePlace) and content.event_date is not None}
    for i, section in enumerate(plan.sections):
        path, place = f"sections[{i}].content", f"Mục {roman(i + 1)}"
        # The programme's slots are on the day of the section's event, or of the plan's one event
        # (a conference's time and place in one section, its programme in another).
        day = next((content.event_date for _path, content in _contents(section.content)
                    if isinstance(content, c.TimePlace) and content.event_date is not None),
                   next(iter(events)) if len(events) == 1 else None)
        for sub_path, content in _contents(section.content, path):
            items += _items(plan, content, sub_path, place, day)
    return items


def _contents(content: c.Content, path: str = "") -> Iterator[tuple[str, c.Content]]:
    """A content and the contents nested in it (subsections, embedded parts), with their paths."""
    yield path, content
    if isinstance(content, c.FreeContent):
        for i, block in enumerate(content.blocks):
            if isinstance(block, (c.Subsection, c.Embedded)):
                yield from _contents(block.content, f"{path}.blocks[{i}].content")


def _items(plan: Plan, content: c.Content, path: str, place: str, event_day: date | None) -> list[DatedItem]:
    if isinstance(content, c.TimePlace) and content.event_date is not None:
        return [DatedItem(content.event_date, EVENT, " ".join(plan.title.split()) or plan.document_type,
                          f"{path}.event_date", place, content.end_date, _time(content.start_time),
                          _time(content.end_time), venue=", ".join(p for p in (content.venue, content.address) if p))]
    if isinstance(content, c.Programme) and event_day is not None:
        return [DatedItem(event_day, SLOT, slot.text, f"{path}.slots[{s}]", place, None, _time(slot.start_time),
                          _time(slot.end_time)) for s, slot in enumerate(content.slots) if slot.text.strip()]
    if isinstance(content, c.Timeline):
        return [item for s, step in enumerate(content.steps)
                if (item := _step(step, f"{path}.steps[{s}].when", place)) is not None]
    if isinstance(content, c.Assignments):
        return [DatedItem(task.deadline_date, TASK, f"{unit.unit}: {task.text}".strip(": "),
                          f"{path}.units[{u}].tasks[{t}].deadline_date", place, None, _time(task.deadline_time))
                for u, unit in enumerate(content.units) for t, task in enumerate(unit.tasks)
                if task.deadline_date is not None]
    if isinstance(content, c.Activities):
        return [item for a, activity in enumerate(content.activities)
                if (item := _activity(activity, f"{path}.activities[{a}].time", place)) is not None]
    return []


def _time(text: str) -> str:
    return text if valid_time(text) else ""


def _partial(iso: str) -> tuple[date, bool] | None:
    """"2020-02-20" (a day) or "2019-11" (a month: its first day, True)."""
    day = partial_day(iso)
    return (day, len(iso) != 10) if day is not None else None


def _step(step: c.TimelineStep, path: str, place: str) -> DatedItem | None:
    start = _partial(step.when.start)
    if start is None:
        return None
    end = _partial(step.when.end)
    return DatedItem(start[0], STEP, step.text, path, place, end[0] if end else None, month_only=start[1])


_DAY = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_MONTH = re.compile(r"tháng\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})", re.IGNORECASE)


def _activity(activity: c.Activity, path: str, place: str) -> DatedItem | None:
    """An activity whose time names a date ("Từ 20/3/2023 đến 26/3/2023") or a month ("Tháng 3/2023")."""
    days = [d for d in (_safe(int(y), int(m), int(dd)) for dd, m, y in _DAY.findall(activity.time)) if d]
    what = activity.title or " ".join(activity.content[:1])
    if days:
        return DatedItem(days[0], ACTIVITY, what, path, place, days[-1] if len(days) > 1 else None)
    month = _MONTH.search(activity.time)
    start = _safe(int(month.group(2)), int(month.group(1)), 1) if month else None
    return DatedItem(start, ACTIVITY, what, path, place, month_only=True) if start else None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
