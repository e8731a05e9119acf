"""Dates in a sane range (core/plan_dates.py, core/dates.py): a plan's dates
lie in 1945–2100, refused otherwise with a message naming the field; a date
more than five years from today is a warning of the checker."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES

from kehoach_desktop.core import content as c
from kehoach_desktop.core.checks import check_plan
from kehoach_desktop.core.dates import far_from, far_question, out_of_range
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.plan_dates import far_date_notes, plan_dates, refuse_out_of_range
from kehoach_desktop.formats import kehoach_json

TODAY = date(2026, 12, 6)


@pytest.fixture
def plan():
    """Example 000: issued 23/12/2022, a meeting (II) on 31/01/2023,
    deadlines in V."""
    return kehoach_json.read_file(FIXTURE_FILES[0])


def date_range(plan, today=TODAY):
    return [(f.severity, f.field, f.message) for f in check_plan(plan, today=today) if f.rule == "date-range"]


@pytest.mark.parametrize(("day", "problem"), [
    (date(1945, 1, 1), ""), (date(2100, 12, 31), ""),
    (date(1944, 12, 31), "năm 1944 nằm ngoài khoảng 1945–2100"),
    (date(2101, 1, 1), "năm 2101 nằm ngoài khoảng 1945–2100"),
    (date(9999, 12, 31), "năm 9999 nằm ngoài khoảng 1945–2100")])
def test_the_range_and_its_ends(day, problem):
    assert out_of_range(day) == problem


def test_far_is_more_than_five_years_either_way():
    assert not far_from(date(2031, 12, 6), TODAY) and far_from(date(2031, 12, 8), TODAY)
    assert not far_from(date(2021, 12, 6), TODAY) and far_from(date(2021, 12, 4), TODAY)
    assert far_question(date(2033, 12, 6)) == "Ngày 06/12/2033 cách hôm nay hơn 5 năm; có đúng không?"


def test_every_date_of_a_plan_is_walked(plan):
    blocks = plan.sections[0].content.blocks
    blocks.append(c.Subsection("Tiến độ", c.Timeline([c.TimelineStep(c.When(start="2023-02", end="2023-03-15"))])))
    plan.sections[4].content.units[1].tasks[0].deadline_date = date(2023, 1, 20)
    found = {f.field: f.shown for f in plan_dates(plan)}
    assert found["plan_date"] == "23/12/2022"
    assert found["sections[1].content.event_date"] == "31/01/2023"
    assert found["sections[4].content.units[1].tasks[0].deadline_date"] == "20/01/2023"
    steps = [f.shown for f in plan_dates(plan) if f.field.endswith(".steps[0].when")]
    assert steps == ["02/2023", "15/03/2023"]


@pytest.mark.parametrize(("change", "named"), [
    (lambda p: setattr(p, "plan_date", date(9999, 12, 31)), "ngày ban hành 31/12/9999: năm 9999"),
    (lambda p: setattr(p.sections[1].content, "event_date", date(1900, 1, 2)), "Mục II: ngày tổ chức 02/01/1900"),
    (lambda p: setattr(p.sections[1].content, "end_date", date(2101, 1, 1)), "Mục II: ngày kết thúc 01/01/2101"),
    (lambda p: setattr(p.sections[4].content.units[1].tasks[0], "deadline_date", date(3023, 1, 5)),
     "Mục V, đơn vị 2, nhiệm vụ 1: hạn 05/01/3023"),
    (lambda p: p.sections[0].content.blocks.append(c.Subsection("Tiến độ", c.Timeline([c.TimelineStep(
        c.When(start="2023-01", end="2999-11"))]))), "bước 1: ngày kết thúc 11/2999")])
def test_a_date_out_of_range_is_refused_naming_its_field(plan, change, named):
    assert refuse_out_of_range(plan) is plan
    change(plan)
    with pytest.raises(UserError, match="nằm ngoài khoảng 1945–2100") as error:
        refuse_out_of_range(plan, file="x.kehoach.json")
    assert named in str(error.value) and str(error.value).startswith("Tệp x.kehoach.json")
    assert [severity for severity, _field, _message in date_range(plan)] == ["error"]


def test_the_checker_warns_of_a_far_date(plan):
    assert date_range(plan) == []  # an issued plan of 2022: within five years
    plan.sections[1].content.event_date = date(2033, 1, 31)
    assert date_range(plan) == [("warning", "sections[1].content.event_date",
                                 "Mục II: ngày tổ chức 31/01/2033 cách hôm nay hơn 5 năm; có đúng không?")]
    assert far_date_notes(plan, TODAY) == ["Mục II: ngày tổ chức 31/01/2033 cách hôm nay hơn 5 năm; hãy xem lại"]


def test_past_dates_are_asked_about_in_a_draft_only(plan):
    """The archive holds issued plans of years ago: only a draft dated
    long ago looks like a slip of the keyboard."""
    later = date(2028, 1, 1)
    assert date_range(plan, later) == [] and far_date_notes(plan, later) == []
    plan.status = "draft"
    assert [(s, f) for s, f, _m in date_range(plan, later)] == [("warning", "plan_date")]
