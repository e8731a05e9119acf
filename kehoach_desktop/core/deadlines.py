"""The deadlines that come to the clerk: the task deadlines and timeline
steps (core.dated_items, kinds TASK and STEP) of issued plans that are due
within the next days or overdue, unless marked done.

An item's deadline is its last day: a step "từ 16/3 đến 30/3" is due by the
30th; a month's item ("tháng 3/2020", "tháng 12/2019 – tháng 2/2020") by
the last day of its (last) month. Due means:
- a dated item: its days [day, deadline] meet [today, today + horizon]
  (a step starting within the week, a step under way, a deadline coming);
- a month's item: today is within its months (the brief's "within its
  month"), so next month's steps do not crowd the last week of this one.
Overdue means the deadline is before today. An item overdue for more than
OLD_DAYS days is left out unless asked for (``old=True``): a database of
years of issued plans, or other offices' plans imported as issued, would
otherwise fill the panel with work nobody is still doing; the panel says
how many it leaves out and shows them on request.

Today is always given: nothing here reads the clock.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .dated_items import STEP, TASK, DatedItem, dated_items
from .model import Plan

HORIZON_DAYS = 7  # "what is due in the next 7 days"
OLD_DAYS = 60  # overdue longer than this: left out of the panel unless asked for
KINDS = (TASK, STEP)


@dataclass(frozen=True)
class Deadline:
    plan_id: int
    item: DatedItem
    deadline: date  # the last day it may be done on
    days: int  # deadline - today: 0 today, > 0 days left, < 0 days late

    @property
    def overdue(self) -> bool:
        return self.days < 0


def deadline_of(item: DatedItem) -> date:
    return item.covered_until


def is_due(item: DatedItem, today: date, horizon: int = HORIZON_DAYS) -> bool:
    """Due now or within ``horizon`` days, not yet overdue (see the module's docstring)."""
    last = deadline_of(item)
    if last < today:
        return False
    if item.month_only:
        return item.day <= today
    return item.day <= today + timedelta(days=horizon)


def deadlines(plans: Iterable[tuple[int, Plan]], done: set[tuple[int, str, date]], today: date,
              horizon: int = HORIZON_DAYS, old: bool = True) -> list[Deadline]:
    """The due and overdue items of these (issued) plans, given as (id,
    plan), leaving out those in ``done`` ((plan id, field, the item's date
    when marked): an item moved since comes back); the most overdue first,
    then the nearest deadline. ``old=False``: without those overdue for more
    than OLD_DAYS days (is_old)."""
    found = []
    for plan_id, plan in plans:
        for item in dated_items(plan):
            if item.kind not in KINDS or (plan_id, item.field, item.day) in done:
                continue
            last = deadline_of(item)
            if (last < today and (old or not is_old(last, today))) or is_due(item, today, horizon):
                found.append(Deadline(plan_id, item, last, (last - today).days))
    return sorted(found, key=lambda d: (d.deadline, d.item.start_time or "99", d.plan_id))


def is_old(deadline: date, today: date) -> bool:
    return (today - deadline).days > OLD_DAYS


def days_text(days: int) -> str:
    """"Hôm nay", "Còn 1 ngày", "Trễ 3 ngày": how the panel says it."""
    if days == 0:
        return "Hôm nay"
    return f"Còn {days} ngày" if days > 0 else f"Trễ {-days} ngày"
