"""Every dated item of a plan (core.dated_items), on the five example plans:
the event with its time, the programme's slots on the event's day, the
tasks' deadlines, the timeline's steps (a month, a range) and the
activities whose time names a month."""
from datetime import date

from conftest import FIXTURE_FILES, fixture_name

from kehoach_desktop.core.dated_items import ACTIVITY, EVENT, SLOT, STEP, TASK, dated_items
from kehoach_desktop.formats import kehoach_json


def example(number: str):
    return kehoach_json.read_file(next(path for path in FIXTURE_FILES if fixture_name(path).startswith(number)))


def test_the_event_of_example_000_with_its_time_and_field():
    event, *slots = dated_items(example("000"))
    assert (event.day, event.kind, event.start_time) == (date(2023, 1, 31), EVENT, "08:00")
    assert event.field == "sections[1].content.event_date" and event.place == "Mục II"
    assert event.what.startswith("Tổ chức Hội nghị sơ kết")
    # Its programme is in another section (IV): the slots fall on the plan's one event's day.
    assert [(s.day, s.kind, s.start_time, s.end_time) for s in slots] == [
        (date(2023, 1, 31), SLOT, "07:00", "08:00"), (date(2023, 1, 31), SLOT, "08:00", "11:00")]
    assert slots[0].field == "sections[3].content.slots[0]"


def test_the_programme_s_slots_fall_on_the_event_s_day():
    items = dated_items(example("001"))
    slots = [item for item in items if item.kind == SLOT]
    assert len(slots) == 6 and {slot.day for slot in slots} == {date(2022, 8, 26)}
    assert slots[-1].what == "Bế mạc Hội nghị." and slots[0].field.endswith(".slots[0]")


def test_deadlines_and_timeline_steps_by_day_month_and_range():
    items = dated_items(example("003"))
    tasks = [item for item in items if item.kind == TASK]
    assert tasks[0].day == date(2020, 2, 25) and tasks[0].start_time == "17:00"
    assert tasks[0].what.startswith("Các Ban Đoàn Khối: ")
    steps = [item for item in items if item.kind == STEP]
    assert (steps[0].day, steps[0].month_only) == (date(2019, 11, 1), True)
    assert (steps[1].day, steps[1].last_day) == (date(2019, 12, 1), date(2020, 2, 1))
    assert (steps[2].day, steps[2].month_only) == (date(2020, 2, 20), False)


def test_activities_whose_time_names_a_month():
    activities = [item for item in dated_items(example("004")) if item.kind == ACTIVITY]
    assert activities and all(item.month_only for item in activities)
    assert activities[0].day == date(2023, 7, 1)
