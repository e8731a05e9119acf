"""The office calendar's reading (store.calendar_items): every plan's dated
items in a span of days, with the plan's status and body; a section decoded
only when its text names a year of the span (a range across it included);
a changed plan read again; the trash left out. And the office's own
anniversaries stored beside the office profile (store.office_days)."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES

from kehoach_desktop.core import content as c
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.marked_days import Anniversary
from kehoach_desktop.core.model import Plan, Section
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.calendar_items import CalendarReader
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.office_days import OfficeDaysStore
from kehoach_desktop.store.plans import PlanStore


def timeline_plan(title: str, *whens: tuple[str, str]) -> Plan:
    steps = [c.TimelineStep(c.When(start, end), f"Bước {i + 1}") for i, (start, end) in enumerate(whens)]
    return Plan(title=title, status="draft", issuing_bodies=["ĐOÀN PHƯỜNG 1"],
                sections=[Section("MỤC ĐÍCH", c.FreeContent()), Section("TIẾN ĐỘ", c.Timeline(steps))])


def test_the_examples_items_of_a_month_with_their_plans(db):
    store = PlanStore(db)
    ids = [store.add(kehoach_json.read_file(path)) for path in FIXTURE_FILES]
    found = CalendarReader(db).items(date(2023, 1, 1), date(2023, 1, 31))
    assert [(p.plan_id, p.item.day, p.item.start_time, p.item.field) for p in found] == [
        (ids[0], date(2023, 1, 31), "07:00", "sections[3].content.slots[0]"),
        (ids[0], date(2023, 1, 31), "08:00", "sections[1].content.event_date"),
        (ids[0], date(2023, 1, 31), "08:00", "sections[3].content.slots[1]")]  # the programme in its own section
    assert found[0].status == "issued" and found[0].issuing_body == "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"
    assert found[0].plan_title.startswith("Tổ chức Hội nghị sơ kết")
    april = CalendarReader(db).items(date(2020, 4, 6), date(2020, 4, 12))
    assert {p.plan_id for p in april} == {ids[3]}
    assert [p.item.what for p in april if p.item.day == date(2020, 4, 11)][-1] == "tổ chức Hội nghị."


def test_a_range_across_the_span_a_change_and_the_trash(db):
    store = PlanStore(db)
    across = store.add(timeline_plan("Nhiệm kỳ", ("2021-09", "2024-03")))  # names no 2023
    other = store.add(timeline_plan("Năm khác", ("2019-05-02", "")))
    reader = CalendarReader(db)
    assert [(p.plan_id, p.item.field) for p in reader.items(date(2023, 6, 1), date(2023, 6, 30))] == [
        (across, "sections[1].content.steps[0].when")]
    assert reader.items(date(2019, 5, 1), date(2019, 5, 31))[0].plan_id == other
    store.update(other, timeline_plan("Năm khác", ("2023-06-15", "")))  # read again: a new version
    assert {p.plan_id for p in reader.items(date(2023, 6, 1), date(2023, 6, 30))} == {across, other}
    assert reader.items(date(2019, 5, 1), date(2019, 5, 31)) == []
    store.delete(across)
    assert [p.plan_id for p in reader.items(date(2023, 6, 1), date(2023, 6, 30))] == [other]
    assert reader.bodies() == ["ĐOÀN PHƯỜNG 1"]


def test_the_office_days_are_stored_in_the_database(db, db_target):
    days = OfficeDaysStore(db)
    assert days.get() == []
    saved = days.save([Anniversary("10-15", " Ngày  truyền thống  cơ quan "), Anniversary("02-29", "Nhuận")])
    assert saved == [Anniversary("02-29", "Nhuận"), Anniversary("10-15", "Ngày truyền thống cơ quan")]
    again = open_database(db_target)
    try:
        assert OfficeDaysStore(again).get() == saved
    finally:
        again.close()
    days.save(saved[1:])
    assert days.get() == saved[1:]
    for bad in (Anniversary("02-30", "Sai"), Anniversary("13-01", "Sai"), Anniversary("01-12", "  ")):
        with pytest.raises(UserError):
            days.save([bad])
    assert days.get() == saved[1:]
