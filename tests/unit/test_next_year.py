"""core.next_year: next year's draft and its review list."""
from datetime import date

from conftest import FIXTURE_FILES

from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import Appendix, DocumentNumber, Plan, Section
from kehoach_desktop.core.next_year import (
    ANNIVERSARY_FLAG,
    REFERENCE_FLAG,
    TYPED_DATE_FLAG,
    apply,
    day_words,
    lunar_words,
    next_year,
)
from kehoach_desktop.formats import kehoach_json


def _event_plan(day: date, end: date | None = None, **more) -> Plan:
    return Plan(title="Hội nghị", number=DocumentNumber(12), plan_date=date(day.year, 1, 2), status="issued",
                sections=[Section("THỜI GIAN", c.TimePlace(event_date=day, end_date=end))], **more)


def _date_proposal(plan: Plan, years: int = 1, field: str = "sections[0].content.event_date"):
    return next(p for p in next_year(plan, years).proposals if p.field == field)


def test_example_000_conference_and_title_years():
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    made = next_year(plan)
    event = next(p for p in made.proposals if p.field.endswith("event_date"))
    assert (day_words(event.old_day), day_words(event.new_day)) == ("thứ Ba 31/01/2023", "thứ Ba 30/01/2024")
    assert lunar_words(event.new_day) == "20 tháng Chạp năm Quý Mão" and event.flags == ()
    assert event.new_day.isocalendar()[1:] == event.old_day.isocalendar()[1:]  # same week, same weekday
    title = [(p.old, p.new) for p in made.proposals if p.field == "title"]
    assert title == [("năm 2022", "năm 2023"), ("năm 2023", "năm 2024")]
    assert not any("2027" in p.old for p in made.proposals)  # the term stays
    copy = apply(made.copy, made.proposals)
    assert "giai đoạn 2022 – 2027" in copy.preamble[0]
    assert copy.title.endswith("năm 2023;\nthống nhất phương hướng phối hợp năm 2024")
    assert (copy.number.value, copy.plan_date, copy.status) == (None, None, "draft")
    assert copy.sections[1].content.event_date == date(2024, 1, 30)
    assert plan.sections[1].content.event_date == date(2023, 1, 31) and plan.number.value == 37  # untouched


def test_unaccepted_date_still_moves_to_the_same_day_and_month():
    made = next_year(_event_plan(date(2023, 1, 31)))
    assert apply(made.copy, []).sections[0].content.event_date == date(2024, 1, 31)


def test_flags_tet_30_4_and_a_saturday():
    tet = _date_proposal(_event_plan(date(2023, 2, 13)))  # thứ Hai -> thứ Hai 12/02/2024, mùng 3 Tết
    assert tet.new_day == date(2024, 2, 12) and tet.flags == ("ngày nghỉ lễ: Tết Nguyên đán",)
    april = _date_proposal(_event_plan(date(2023, 4, 30)))  # a Sunday: same day and month
    assert april.new_day == date(2024, 4, 30)
    assert april.flags == ("ngày nghỉ lễ: Ngày Giải phóng miền Nam, thống nhất đất nước",)
    saturday = _date_proposal(_event_plan(date(2019, 1, 6)), years=5)  # a Sunday -> 06/01/2024, a Saturday
    assert saturday.new_day == date(2024, 1, 6) and saturday.flags == ("rơi vào thứ Bảy",)
    beside = _date_proposal(_event_plan(date(2023, 9, 3)))  # -> 03/9/2024, the day beside 2/9
    assert beside.flags[0].startswith("có thể là ngày nghỉ: Quốc khánh")


def test_29_february():
    weekday = _date_proposal(_event_plan(date(2024, 2, 29)))  # thứ Năm -> thứ Năm 27/02/2025
    assert weekday.new_day == date(2025, 2, 27)
    saturday = next_year(_event_plan(date(2020, 2, 29)))  # a Saturday -> 28/02/2021, a Sunday
    assert saturday.proposals[0].new_day == date(2021, 2, 28) and saturday.proposals[0].flags == ("rơi vào Chủ nhật",)
    assert saturday.copy.sections[0].content.event_date == date(2021, 2, 28)


def test_two_years_on_lands_on_tet():
    proposal = _date_proposal(_event_plan(date(2023, 1, 31)), years=2)
    assert day_words(proposal.new_day) == "thứ Ba 28/01/2025"
    assert proposal.flags == ("ngày nghỉ lễ: Tết Nguyên đán",)
    assert lunar_words(proposal.new_day) == "29 tháng Chạp năm Giáp Thìn"


def test_end_date_keeps_its_distance_from_the_start():
    made = next_year(_event_plan(date(2023, 3, 3), date(2023, 3, 5)))  # thứ Sáu to Chủ nhật
    start, end = made.proposals[0], made.proposals[1]
    assert (start.new_day, end.new_day) == (date(2024, 3, 1), date(2024, 3, 3))


def test_timeline_month_and_day_steps_and_deadlines():
    plan = Plan(sections=[Section("TIẾN ĐỘ", c.Timeline([
        c.TimelineStep(c.When("2023-03"), "Phát động"),
        c.TimelineStep(c.When("2023-03-20", "2023-03-26"), "Tháng Thanh niên")])),
        Section("PHÂN CÔNG", c.Assignments([c.UnitAssignment("Văn phòng", [
            c.Task("Báo cáo", deadline_date=date(2023, 3, 31))])]))])
    made = next_year(plan)
    by_field = {p.field: p for p in made.proposals}
    month = by_field["sections[0].content.steps[0].when.start"]
    assert (month.kind, month.old, month.new) == ("month", "03/2023", "03/2024")
    start = by_field["sections[0].content.steps[1].when.start"]
    end = by_field["sections[0].content.steps[1].when.end"]
    assert (start.new_day, end.new_day) == (date(2024, 3, 18), date(2024, 3, 24))  # thứ Hai to Chủ nhật
    task = by_field["sections[1].content.units[0].tasks[0].deadline_date"]
    assert task.new_day == date(2024, 3, 29) and task.place == "Mục II, đơn vị 1, nhiệm vụ 1: hạn"
    copy = apply(made.copy, made.proposals)
    assert copy.sections[0].content.steps[0].when.start == "2024-03"
    assert (copy.sections[0].content.steps[1].when.start, copy.sections[0].content.steps[1].when.end) == (
        "2024-03-18", "2024-03-24")


def test_typed_weekdays_and_dates_are_flagged_with_a_replacement():
    text = ("Khai mạc vào thứ Ba, ngày 31/01/2023; tổng kết ngày 07 tháng 02 năm 2023 (Thứ Ba); "
            "họp thứ Tư, ngày 31/01/2023.")
    plan = _event_plan(date(2023, 1, 31))
    plan.sections.append(Section("NỘI DUNG", c.FreeContent([c.Paragraph(text)])))
    typed = [p for p in next_year(plan).proposals if p.field == "sections[1].content.blocks[0].text"]
    assert [(p.old, p.new) for p in typed] == [
        ("thứ Ba, ngày 31/01/2023", "thứ Ba, ngày 30/01/2024"),
        ("ngày 07 tháng 02 năm 2023 (Thứ Ba)", "ngày 06 tháng 02 năm 2024 (Thứ Ba)"),
        ("thứ Tư, ngày 31/01/2023", "thứ Ba, ngày 30/01/2024")]
    assert all(p.flags[0] == TYPED_DATE_FLAG for p in typed)
    assert typed[2].flags[1] == "thứ gõ tay (thứ Tư) không khớp ngày 31/01/2023 (thứ Ba)"
    made = next_year(plan)
    copy = apply(made.copy, [p for p in made.proposals if p.field.startswith("sections[1]")][:2])
    assert copy.sections[1].content.blocks[0].text == (
        "Khai mạc vào thứ Ba, ngày 30/01/2024; tổng kết ngày 06 tháng 02 năm 2024 (Thứ Ba); "
        "họp thứ Tư, ngày 31/01/2023.")


def test_school_year_term_anniversary_and_references():
    plan = _event_plan(date(2023, 3, 26), preamble=[
        "Căn cứ Kế hoạch số 05-KH/TĐTN ngày 10/01/2023 của Thành Đoàn về Tháng Thanh niên năm 2023;",
        "Nhân kỷ niệm 92 năm ngày thành lập Đoàn (26/3/1931 – 26/3/2023), năm học 2022 - 2023, "
        "nhiệm kỳ 2022 – 2027, tháng 3/2023, quý I/2023."])
    proposals = [p for p in next_year(plan).proposals if p.field.startswith("preamble")]
    assert [(p.kind, p.old, p.new) for p in proposals] == [
        ("note", "10/01/2023", "10/01/2023"), ("text", "năm 2023", "năm 2024"),
        ("note", "kỷ niệm 92 năm", "kỷ niệm 92 năm"),
        ("text", "26/3/2023", "26/3/2024"),  # the anniversary's day this year, a Sunday
        ("text", "năm học 2022 - 2023", "năm học 2023 - 2024"), ("text", "tháng 3/2023", "tháng 3/2024"),
        ("text", "quý I/2023", "quý I/2024")]
    assert proposals[0].flags == (REFERENCE_FLAG,) and proposals[2].flags == (ANNIVERSARY_FLAG,)


def test_a_day_the_calendar_fixes_keeps_its_day_and_month():
    proposal = _date_proposal(_event_plan(date(2024, 3, 26)))  # thứ Ba, the Youth Union's day
    assert proposal.new_day == date(2025, 3, 26) and proposal.flags == ()
    national = _date_proposal(_event_plan(date(2022, 9, 2)))  # thứ Sáu, Quốc khánh
    assert national.new_day == date(2023, 9, 2) and national.flags[0].startswith("ngày nghỉ lễ: Quốc khánh")


def test_the_date_of_a_document_cited_stays():
    plan = _event_plan(date(2023, 1, 31))
    plan.sections.append(Section("NỘI DUNG", c.FreeContent([c.Item(
        "Thực hiện Quyết định số 132/QĐ-UBND ngày 11/01/2022 của UBND Thành phố và Nghị quyết 31-NQ/TW, "
        "ngày 30/12/2022; họp ngày 10/01/2023.")])))
    typed = [p for p in next_year(plan).proposals if p.field.startswith("sections[1]")]
    assert [(p.kind, p.old, p.new) for p in typed] == [
        ("note", "11/01/2022", "11/01/2022"), ("note", "30/12/2022", "30/12/2022"),
        ("text", "10/01/2023", "09/01/2024")]
    assert typed[0].flags == (REFERENCE_FLAG,)


def test_the_lunar_year_named_in_text_is_proposed():
    plan = _event_plan(date(2023, 1, 31), preamble=["Vui Xuân Quý Mão, đón TẾT QUÝ MÃO; năm Nhâm Dần đã qua."])
    proposals = [(p.old, p.new) for p in next_year(plan).proposals if p.field == "preamble[0]"]
    assert proposals == [("Quý Mão", "Giáp Thìn"), ("QUÝ MÃO", "GIÁP THÌN"), ("Nhâm Dần", "Quý Mão")]
    made = next_year(plan)
    assert apply(made.copy, made.proposals).preamble[0] == (
        "Vui Xuân Giáp Thìn, đón TẾT GIÁP THÌN; năm Quý Mão đã qua.")


def test_an_appendix_s_dates_move_too():
    plan = _event_plan(date(2023, 1, 31), appendices=[Appendix("Tiến độ năm 2023", c.Timeline([
        c.TimelineStep(c.When("2023-02-06"), "Nộp báo cáo")]))])
    made = next_year(plan)
    by_field = {p.field: p for p in made.proposals}
    step = by_field["appendices[0].content.steps[0].when.start"]
    assert (step.new_day, step.place) == (date(2024, 2, 5), "Phụ lục 1, bước 1: ngày bắt đầu")
    assert by_field["appendices[0].title"].new == "năm 2024"
    copy = apply(made.copy, made.proposals)
    assert (copy.appendices[0].title, copy.appendices[0].content.steps[0].when.start) == (
        "Tiến độ năm 2024", "2024-02-05")
