"""What is due and what is overdue (core/deadlines.py), around a given today:
the 7 days' edge, a month's step, a range under way, the days left or late,
marks done (and a mark left behind by a date moved since)."""
from datetime import date, timedelta

from conftest import FIXTURE_FILES

from kehoach_desktop.core import content as c
from kehoach_desktop.core.dated_items import STEP, TASK, DatedItem
from kehoach_desktop.core.deadlines import days_text, deadline_of, deadlines, is_due, is_old
from kehoach_desktop.core.model import Plan, Section
from kehoach_desktop.formats import kehoach_json

EXAMPLE_003 = kehoach_json.read_file(next(f for f in FIXTURE_FILES if f.name.startswith("003_")))
TODAY = date(2020, 2, 21)


def step(day: date, end: date | None = None, month_only: bool = False) -> DatedItem:
    return DatedItem(day, STEP, "bước", "sections[0].content.steps[0].when", "Mục I", end, month_only=month_only)


def test_a_day_is_due_within_the_next_seven_days_both_ends_included():
    assert is_due(step(TODAY), TODAY)
    assert is_due(step(TODAY + timedelta(days=7)), TODAY)
    assert not is_due(step(TODAY + timedelta(days=8)), TODAY)
    assert not is_due(step(TODAY - timedelta(days=1)), TODAY)  # yesterday's: overdue, not due


def test_a_range_under_way_is_due_until_its_last_day():
    under_way = step(date(2020, 2, 1), date(2020, 3, 15))
    assert deadline_of(under_way) == date(2020, 3, 15) and is_due(under_way, TODAY)
    assert not is_due(under_way, date(2020, 3, 16))
    assert is_due(step(TODAY + timedelta(days=7), TODAY + timedelta(days=30)), TODAY)  # starts within the week


def test_a_month_s_step_is_due_within_its_month_only():
    february = step(date(2020, 2, 1), month_only=True)
    assert deadline_of(february) == date(2020, 2, 29)  # a leap year
    assert is_due(february, date(2020, 2, 1)) and is_due(february, date(2020, 2, 29))
    assert not is_due(february, date(2020, 1, 31))  # the day before its month, though within 7 days
    assert not is_due(february, date(2020, 3, 1))
    over_months = step(date(2019, 12, 1), date(2020, 2, 1), month_only=True)
    assert deadline_of(over_months) == date(2020, 2, 29) and is_due(over_months, date(2020, 1, 10))


def test_the_deadlines_of_example_003_around_today():
    found = deadlines([(7, EXAMPLE_003)], set(), TODAY)
    assert [(d.item.kind, d.deadline, d.days) for d in found] == [
        (STEP, date(2019, 11, 30), -83),  # "tháng 11/2019", its month over
        (STEP, date(2020, 2, 20), -1),
        (TASK, date(2020, 2, 25), 4), (TASK, date(2020, 2, 25), 4),  # 17g00 first
        (STEP, date(2020, 2, 25), 4),
        (STEP, date(2020, 2, 29), 8),  # "tháng 12/2019 – tháng 2/2020": within its months
    ]
    assert {d.plan_id for d in found} == {7} and all(d.item.kind in (TASK, STEP) for d in found)
    # the next day: one more day late, and the day's own step is today's
    later = deadlines([(7, EXAMPLE_003)], set(), date(2020, 2, 25))
    assert [d.days for d in later if d.deadline == date(2020, 2, 25)] == [0, 0, 0]
    assert days_text(0) == "Hôm nay" and days_text(3) == "Còn 3 ngày" and days_text(-1) == "Trễ 1 ngày"
    # ten days before: only the steps whose time has come (the December-February one not yet)
    assert deadlines([(7, EXAMPLE_003)], set(), date(2019, 11, 20))[0].item.month_only
    assert len(deadlines([(7, EXAMPLE_003)], set(), date(2019, 11, 20))) == 1


def test_items_overdue_for_long_are_left_out_when_asked():
    recent = deadlines([(7, EXAMPLE_003)], set(), TODAY, old=False)
    assert [d.days for d in recent] == [-1, 4, 4, 4, 8]  # the step 83 days late is old
    assert is_old(date(2019, 12, 22), TODAY) and not is_old(date(2019, 12, 23), TODAY)  # 61 and 60 days


def test_items_marked_done_are_left_out_until_their_date_moves():
    found = deadlines([(7, EXAMPLE_003)], set(), TODAY)
    late = found[1]
    done = {(7, late.item.field, late.item.day)}
    assert late not in deadlines([(7, EXAMPLE_003)], done, TODAY)
    assert len(deadlines([(7, EXAMPLE_003)], done, TODAY)) == len(found) - 1
    assert late.item in [d.item for d in deadlines([(8, EXAMPLE_003)], done, TODAY)]  # another plan's, same path
    moved = {(7, late.item.field, late.item.day - timedelta(days=1))}
    assert late in deadlines([(7, EXAMPLE_003)], moved, TODAY)  # the date changed since: back


def test_events_slots_and_activities_are_not_deadlines():
    plan = Plan(title="Hội nghị", sections=[
        Section("Thời gian", c.TimePlace(event_date=TODAY, start_time="08:00")),
        Section("Hoạt động", c.Activities([c.Activity(title="Hiến máu", time="Ngày 21/02/2020")]))])
    assert deadlines([(1, plan)], set(), TODAY) == []
