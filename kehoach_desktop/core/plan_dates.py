"""Every date of a plan (issue date, event dates, deadlines, timeline steps)
with its field and its place in words, and the one check of their range
(core.dates: 1945–2100) that the store, the importers and the command line
apply, and the far-date notes (more than five years from today)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import content as c
from .dates import FAR_YEARS, far_from, out_of_range, short_date
from .errors import UserError
from .kinds import Parts
from .model import Plan
from .numbering import roman


@dataclass(frozen=True)
class PlanDate:
    field: str  # the path of the field in the plan: "sections[2].content.event_date"
    place: str  # where it is, in words: "Mục III: ngày tổ chức"
    day: date  # a timeline step's month is its first day
    shown: str  # as the clerk reads it: "31/12/9999", "11/2019"


def plan_dates(plan: Plan) -> Iterator[PlanDate]:
    if plan.plan_date is not None:
        yield PlanDate("plan_date", "ngày ban hành", plan.plan_date, short_date(plan.plan_date))
    for i, section in enumerate(plan.sections):
        yield from _content_dates(section.content, f"sections[{i}].content", f"Mục {roman(i + 1)}")


# Each kind's dates: (content, its path, its place in words) -> its PlanDates,
# nested content included. A kind without dates registers none.
DATES: Parts[Callable[[Any, str, str], Iterator[PlanDate]]] = Parts("date reader")


def _content_dates(content: c.Content, path: str, place: str) -> Iterator[PlanDate]:
    dates = DATES.get(content.kind)
    return dates(content, path, place) if dates is not None else iter(())


@DATES.part("free")
def _free_dates(content: c.FreeContent, path: str, place: str) -> Iterator[PlanDate]:
    for i, block in enumerate(content.blocks):
        if isinstance(block, (c.Subsection, c.Embedded)):
            yield from _content_dates(block.content, f"{path}.blocks[{i}].content", place)


@DATES.part("time_place")
def _time_place_dates(content: c.TimePlace, path: str, place: str) -> Iterator[PlanDate]:
    for name, what in (("event_date", "ngày tổ chức"), ("end_date", "ngày kết thúc")):
        day = getattr(content, name)
        if day is not None:
            yield PlanDate(f"{path}.{name}", f"{place}: {what}", day, short_date(day))


@DATES.part("assignments")
def _assignments_dates(content: c.Assignments, path: str, place: str) -> Iterator[PlanDate]:
    for u, unit in enumerate(content.units):
        for t, task in enumerate(unit.tasks):
            if task.deadline_date is not None:
                yield PlanDate(f"{path}.units[{u}].tasks[{t}].deadline_date",
                               f"{place}, đơn vị {u + 1}, nhiệm vụ {t + 1}: hạn", task.deadline_date,
                               short_date(task.deadline_date))


@DATES.part("timeline")
def _timeline_dates(content: c.Timeline, path: str, place: str) -> Iterator[PlanDate]:
    for s, step in enumerate(content.steps):
        for iso, what in ((step.when.start, "ngày bắt đầu"), (step.when.end, "ngày kết thúc")):
            day = partial_day(iso)
            if day is not None:
                shown = short_date(day) if len(iso) == 10 else f"{day.month:02d}/{day.year}"
                yield PlanDate(f"{path}.steps[{s}].when", f"{place}, bước {s + 1}: {what}", day, shown)


def partial_day(iso: str) -> date | None:
    """"2020-02-20" or "2019-11" (its first day); None for "" or a text that
    is neither (the codec stores only these two shapes)."""
    try:
        return date.fromisoformat(iso if len(iso) == 10 else f"{iso}-01")
    except ValueError:
        return None


def refuse_out_of_range(plan: Plan, *, file: str = "") -> Plan:
    """The plan, or a UserError naming the first date outside 1945–2100 and
    its field (and ``file``, the file it was read from)."""
    for found in plan_dates(plan):
        problem = out_of_range(found.day)
        if problem:
            raise UserError(f"{found.place} {found.shown}: {problem}; hãy sửa lại ngày", file=file)
    return plan


def far_dates(plan: Plan, today: date) -> Iterator[PlanDate]:
    """The dates in range but more than five years from today: ahead, or
    behind in a draft (an issued plan of years ago is the archive, not a
    slip of the keyboard)."""
    for found in plan_dates(plan):
        if not out_of_range(found.day) and far_from(found.day, today) and (
                found.day > today or plan.status == "draft"):
            yield found


def far_date_notes(plan: Plan, today: date | None = None) -> list[str]:
    """One note per far date: what the command line prints after an import
    or an issue."""
    return [f"{found.place} {found.shown} cách hôm nay hơn {FAR_YEARS} năm; hãy xem lại"
            for found in far_dates(plan, today or date.today())]
