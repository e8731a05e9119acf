"""The format checker: each rule with a plan that breaks it and one that
does not; and what it says of the five real plans."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES, fixture_name

from kehoach_desktop.core import content as c
from kehoach_desktop.core.checks import check_plan, has_errors
from kehoach_desktop.core.checks.rules import RULES
from kehoach_desktop.core.model import Section, Signature
from kehoach_desktop.core.tables import HeaderCell, Table, TableColumn
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.text_export import render_text


@pytest.fixture
def clean():
    """Example 000 with its real mistake put right: "tham luậm". (Its
    closing lacks "./.", which the program adds when printing: not a
    finding.)"""
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    slot = plan.sections[3].content.slots[1]
    slot.items = [item.replace("tham luậm", "tham luận") for item in slot.items]
    return plan


def found(plan, rule=None, **kwargs):
    return [f for f in check_plan(plan, today=date(2026, 12, 1), **kwargs) if rule is None or f.rule == rule]


def test_the_clean_plan_has_no_finding(clean):
    assert found(clean) == []


def test_there_are_at_least_fifteen_rules_each_explained():
    assert len(RULES) >= 15 and len({r.id for r in RULES}) == len(RULES)
    assert all(r.title and r.explanation for r in RULES)


def test_weekday_in_free_text(clean):
    clean.preamble.append("Hội nghị diễn ra ngày 31 tháng 01 năm 2023 (thứ Hai) tại Hội trường.")
    clean.preamble.append("Thứ Ba, ngày 31/01/2023 họp trù bị; ngày 05/02/2023 (Chủ nhật) tổng kết.")
    findings = found(clean, "weekday-mismatch")
    assert [(f.severity, f.field) for f in findings] == [("error", "preamble[2]")]
    assert "thứ Ba" in findings[0].message and "thứ Hai" in findings[0].message


def test_impossible_date(clean):
    clean.preamble[0] += " (Hướng dẫn ngày 30/02/2022)"
    assert [f.field for f in found(clean, "impossible-date")] == ["preamble[0]"]


def test_dates_and_times_typed_wrong_in_the_tables(clean):
    """A value the editor kept as typed is an error naming its place."""
    assert found(clean, "typed-date-time") == []
    tasks = clean.sections[4].content.units[1].tasks  # V. TỔ CHỨC THỰC HIỆN, second unit
    tasks[0].deadline_typed, tasks[0].deadline_time = "31/02/2023", "25g00"
    tasks[1].deadline_typed = "cuối tháng"
    clean.sections[3].content.slots[0].end_time = "8 rưỡi"  # IV. CHƯƠNG TRÌNH
    blocks = clean.sections[0].content.blocks  # I. MỤC ĐÍCH, YÊU CẦU
    blocks.append(c.Subsection("Tiến độ", c.Timeline([c.TimelineStep(
        c.When(start="2023-01", end_typed="32/01/2023"), "Chuẩn bị")])))
    clean.sections[3].content.slots[1].start_time = "8g30"  # a hand-written file: read as 08:30, no finding
    findings = found(clean, "typed-date-time")
    assert [(f.severity, f.field, f.message) for f in findings] == [
        ("error", f"sections[0].content.blocks[{len(blocks) - 1}].content.steps[0].when",
         "Mục I, phần “Tiến độ”, bước 1: ngày kết thúc “32/01/2023” không phải ngày có thật"),
        ("error", "sections[3].content.slots[0].end_time",
         "Mục IV, mốc 1: giờ kết thúc “8 rưỡi” không đọc được thành giờ (cần dạng 08g00 hoặc 08:00)"),
        ("error", "sections[4].content.units[1].tasks[0].deadline_date",
         "Mục V, đơn vị 2, nhiệm vụ 1: hạn “31/02/2023” không phải ngày có thật"),
        ("error", "sections[4].content.units[1].tasks[0].deadline_time",
         "Mục V, đơn vị 2, nhiệm vụ 1: giờ của hạn “25g00” không phải giờ có thật"),
        ("error", "sections[4].content.units[1].tasks[1].deadline_date",
         "Mục V, đơn vị 2, nhiệm vụ 2: hạn “cuối tháng” không đọc được thành ngày (cần dạng 20/02/2020)")]
    assert has_errors(findings)


def test_date_padding(clean):
    clean.preamble[0] += " theo Công văn ngày 25/2/2020 và ngày 8/3/2020, ngày 20/02/2020, ngày 11/4/2020."
    assert [f.excerpt for f in found(clean, "date-padding")] == ["25/2/2020", "8/3/2020"]
    clean.preamble[1] += " Ngày 5 tháng 3 năm 2023."
    assert "ngày 05 tháng 3 năm 2023" in found(clean, "date-padding")[-1].message


def test_event_before_the_plan(clean):
    assert found(clean, "event-before-plan") == []
    clean.sections[1].content.event_date = date(2022, 12, 1)
    clean.sections[4].content.units[0].tasks[0].deadline_date = date(2022, 12, 20)
    assert [(f.severity, f.field) for f in found(clean, "event-before-plan")] == [
        ("error", "sections[1].content.event_date"), ("warning", "sections[4].content.units[0].tasks[0].deadline_date")]


def test_missing_date_of_an_issued_plan(clean):
    clean.plan_date = None
    assert [f.severity for f in found(clean, "missing-date")] == ["error"]
    clean.status = "draft"
    assert found(clean, "missing-date") == []


def test_number_form(clean):
    assert found(clean, "number-form", issuer_code="ĐTN") == []
    assert found(clean, "number-form", issuer_code="ĐU")[0].message == (
        "ký hiệu “ĐTN” không có ký hiệu của đơn vị mình (“ĐU”)")  # an office of another kind: its own code
    clean.number.type_code = "Khph"
    assert [f.message for f in found(clean, "number-form")] == ["tên loại viết tắt là “KHPH”, không phải “Khph”"]
    clean.number.type_code, clean.number.issuer_codes, clean.number.value = "KHX", [], None
    assert [(f.severity, f.field) for f in found(clean, "number-form")] == [  # errors first
        ("error", "number.issuer_codes"), ("error", "number.value"), ("warning", "number.type_code")]


@pytest.mark.parametrize("codes", [["TĐTN", "LĐLĐ"], ["TWĐTN", "BGDĐT"], ["ĐTN-VP"], ["QĐTN"], ["CĐ"], ["HSV"],
                                   ["HLHTN"], ["TWHSV"], ["HĐĐTW"], ["ĐTN", "HLHPN", "HĐĐ"], ["ĐTN", "HCCB", "CĐVC"]])
@pytest.mark.parametrize("own", ["ĐTN", "TĐTN", "HSV"])
def test_a_youth_union_code_is_the_offices_own_kind(clean, codes, own):
    """Example 002's "TĐTN-LĐLĐ" (a Thành Đoàn's joint plan) on an office
    whose code is "ĐTN": one Youth Union code is enough."""
    clean.number.issuer_codes = codes
    assert found(clean, "number-form", issuer_code=own) == []


@pytest.mark.parametrize("codes", [["LĐLĐ"], ["HLHPN", "HCCB"], ["UBND"]])
def test_no_code_of_the_offices_kind(clean, codes):
    clean.number.issuer_codes = codes
    findings = found(clean, "number-form", issuer_code="ĐTN")
    assert [(f.severity, f.field) for f in findings] == [("warning", "number.issuer_codes")]
    assert findings[0].message == f"ký hiệu “{'-'.join(codes)}” không có ký hiệu của đơn vị mình (“ĐTN”) hay của " \
        "Đoàn, Hội, Đội"


def test_recipients(clean):
    clean.recipients = clean.recipients[-1:] + clean.recipients[:-1]
    assert [(f.severity, f.field) for f in found(clean, "recipients")] == [("warning", "recipients[0]")]
    clean.recipients = ["Thành Đoàn", "Đảng ủy Khối: Thường trực, Ban Dân vận,"]
    assert [f.severity for f in found(clean, "recipients")] == ["error", "info"]
    clean.recipients = []
    assert [f.message for f in found(clean, "recipients")] == ["chưa có nơi nhận"]


def test_no_end_mark_finding_where_the_program_prints_it(clean):
    assert not clean.closing.endswith("./.") and found(clean, "end-mark") == []  # printed "… năm 2023./."
    assert render_text(clean).count("./.") == 1
    clean.closing = ""  # the last task of the last section takes the mark
    assert found(clean, "end-mark") == [] and "chuẩn bị tham luận./." in render_text(clean)


def _ending_with(plan, content):
    plan.closing = ""
    plan.sections.append(Section("Phụ lục kinh phí", content))
    return plan


@pytest.mark.parametrize("content, what", [
    (Table([TableColumn(), TableColumn(numeric=True)], [[HeaderCell("Khoản"), HeaderCell("Số tiền")]],
           [["Khen thưởng", "5.000.000"]]), "bảng"),
    (c.FreeContent([c.Paragraph("Nội dung pano:"), c.Display(["HỘI NGHỊ SƠ KẾT"])]), "khối chữ trình bày"),
    (c.FreeContent([c.Paragraph("Như sau:"), c.Subsection("Kinh phí", c.FreeContent())]), "đề mục"),
], ids=["table", "display", "heading"])
def test_end_mark_where_the_printed_text_cannot_take_it(clean, content, what):
    plan = _ending_with(clean, content)
    findings = found(plan, "end-mark")
    assert [(f.severity, f.field) for f in findings] == [("warning", f"sections[{len(plan.sections) - 1}]")]
    assert what in findings[0].message and "./." not in render_text(plan)
    plan.closing = "Trên đây là kế hoạch tổ chức hội nghị."
    assert found(plan, "end-mark") == [] and render_text(plan).count("./.") == 1


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=fixture_name)
def test_end_mark_agrees_with_the_text_export(fixture):
    """A finding exactly when the printed body does not end with "./."."""
    plan = kehoach_json.read_file(fixture)
    for content in (None, Table([TableColumn()], [], [["Một ô"]]), c.FreeContent([c.Display(["PANO"])])):
        if content is not None:
            _ending_with(plan, content)
        body = render_text(plan).split("Nơi nhận")[0]
        assert bool(found(plan, "end-mark")) == ("./." not in body), content


def test_authority_and_signer(clean):
    clean.signatures.append(Signature("TTM.", "BAN THƯỜNG VỤ", "", "Lê Văn A"))
    clean.signatures.append(Signature("KT.", "", "", "Trần B"))
    findings = found(clean, "authority")
    assert [(f.severity, f.field) for f in findings] == [("error", "signatures[1].authority"),
                                                         ("error", "signatures[2].body"),
                                                         ("warning", "signatures[2].position")]
    clean.signatures[0].name = ""
    assert [f.field for f in found(clean, "signer-name")] == ["signatures[0].name"]
    clean.signatures = []
    assert [f.message for f in found(clean, "authority")] == ["kế hoạch chưa có khối chữ ký"]


def test_participants_total(clean):
    people = clean.sections[2].content
    assert found(clean, "participants-total") == []  # no counts: nothing to compare
    for group in people.groups:
        for entry in group.entries:
            entry.count = 5
    assert [f.severity for f in found(clean, "participants-total")] == ["error"]  # 10 entries x 5 = 50, not 60
    people.groups[0].entries[0].count = 15
    assert found(clean, "participants-total") == []
    people.groups[0].entries[1].count = None
    assert [f.severity for f in found(clean, "participants-total")] == ["info"]


def test_participants_total_inside_free_content():
    plan = kehoach_json.read_file(FIXTURE_FILES[1])  # 001: a total of 50 in its NỘI DUNG section
    people = plan.sections[1].content.blocks[1].content
    for group in people.groups:
        for entry in group.entries:
            entry.count = 7
    findings = found(plan, "participants-total")
    assert findings[0].field == "sections[1].content.blocks[1].content.stated_total"
    assert "cộng các mục được 49" in findings[0].message


def test_empty_sections_and_title(clean):
    clean.sections[0].content = c.FreeContent()
    clean.sections[1].heading = ""
    clean.sections[3].heading = clean.sections[2].heading
    assert [(f.severity, f.field) for f in found(clean, "empty-section")] == [
        ("error", "sections[0].content"), ("error", "sections[1].heading"), ("warning", "sections[3].heading")]
    clean.title = " "
    assert [(f.severity, f.field) for f in found(clean, "title")] == [("error", "title")]


def test_spaces(clean):
    clean.preamble[0] += " Hội nghị  sơ kết , đánh giá ( dự kiến)."
    assert [f.message for f in found(clean, "spaces")] == ["hai khoảng trắng liền nhau",
                                                           "khoảng trắng trước dấu “,”", "khoảng trắng sau “(”"]


def test_names_abolished_in_2025(clean):
    assert found(clean, "abolished-names") == []  # dated 2022: the names were right then
    clean.plan_date = date(2025, 8, 1)
    assert [f.field for f in found(clean, "abolished-names")] == ["recipients[2]"]  # "Thành phố Thủ Đức"
    clean.issuing_bodies = ["BCH ĐOÀN QUẬN 12"]
    clean.place = "Bình Dương"
    clean.recipients = ["Đoàn xã Phước Hòa (tỉnh Bình Dương cũ)", "Các quận, huyện Đoàn", "Lưu: VP"]
    findings = found(clean, "abolished-names")
    assert [f.field for f in findings] == ["place", "issuing_bodies[0]", "recipients[0]"]
    assert "nhập vào TP. Hồ Chí Minh" in findings[0].message


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=fixture_name)
def test_the_five_plans(fixture):
    plan = kehoach_json.read_file(fixture)
    findings = found(plan)
    rules = {f.rule for f in findings}
    assert "weekday-mismatch" not in rules and not has_errors(findings)
    name = fixture_name(fixture)[:3]
    assert "end-mark" not in rules  # 001 alone types "./."; the program prints it on the others
    spelling = [f.excerpt for f in findings if f.rule == "spelling"]
    if name == "000":
        assert len(spelling) == 1 and "tham luậm" in spelling[0]
    else:
        assert spelling == []


def test_a_typed_budget_total_that_disagrees_is_an_error_naming_its_place():
    """Issue 19: a budget's typed figures are checked against quantity × price;
    the finding names the section (or appendix) and the item."""
    from kehoach_desktop.core.budget import Budget, BudgetGroup, BudgetItem
    from kehoach_desktop.core.model import Appendix, Plan, Section

    wrong = Budget(groups=[BudgetGroup("Thành Đoàn hỗ trợ", [
        BudgetItem("Nước uống đại biểu", 120, "chai", 15_000, typed_amount=1_500_000)])], typed_total=1_500_000)
    right = Budget(groups=[BudgetGroup("", [BudgetItem("Băng rôn", 2, "cái", 350_000, typed_amount=700_000)])])
    plan = Plan(title="Hội thao", sections=[Section("KINH PHÍ", wrong)], appendices=[Appendix("Kinh phí", right)])
    found = [f for f in check_plan(plan) if f.rule == "budget"]
    assert found and all(f.severity == "error" for f in found)
    assert any("Nước uống đại biểu" in f.message and f.message.startswith("Mục I") for f in found)
    assert all(f.field.startswith("sections[0].content") for f in found)  # the appendix's figures agree
    assert has_errors(found)
