"""The checker's findings about the header, the signatures and the plan's
shape that the importer's mistakes on other offices' plans leave behind
(issue 20): an empty issuing body, a number or a date in the place, a
signature without its position line or with a name in it, a plan with no
sections. Each with the plan it fires on and the ones it must not."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES

from kehoach_desktop.core.checks import check_plan, has_errors
from kehoach_desktop.core.checks.rules import RULES
from kehoach_desktop.core.model import Signature
from kehoach_desktop.formats import kehoach_json

NEW_RULES = ("issuing-body", "place", "signer-position", "no-sections")


@pytest.fixture
def plan():
    """Example 003: one signature whose position and name the text lost."""
    plan = kehoach_json.read_file(FIXTURE_FILES[3])
    plan.signatures[0].position, plan.signatures[0].name = "BÍ THƯ", "Nguyễn Văn An"
    return plan


def found(plan, rule):
    return [f for f in check_plan(plan, today=date(2026, 12, 1)) if f.rule == rule]


def test_each_new_rule_is_explained_in_vietnamese():
    rules = {r.id: r for r in RULES}
    for rule_id in NEW_RULES:
        assert rules[rule_id].title and rules[rule_id].explanation


@pytest.mark.parametrize("rule_id", NEW_RULES)
def test_the_example_with_its_signature_filled_in_has_none(plan, rule_id):
    assert found(plan, rule_id) == []


@pytest.mark.parametrize("bodies", [[""], [" "], [], ["", ""]])
def test_an_empty_issuing_body_is_an_error(plan, bodies):
    plan.issuing_bodies = bodies
    findings = found(plan, "issuing-body")
    assert [(f.severity, f.field) for f in findings] == [("error", "issuing_bodies")]
    assert "cơ quan ban hành" in findings[0].message and has_errors(findings)


def test_a_joint_plan_with_one_body_typed_is_not_empty(plan):
    plan.issuing_bodies = ["", "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"]
    assert found(plan, "issuing-body") == []


@pytest.mark.parametrize("bodies", [
    ["BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"], ["THÀNH ĐOÀN TP. HỒ CHÍ MINH", "LIÊN ĐOÀN LAO ĐỘNG TP. HỒ CHÍ MINH"],
    ["BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH"],  # the Central's name holds the organisation's: right
    ["BCH ĐOÀN PHƯỜNG TÂN ĐỊNH", "ỦY BAN HỘI LHTN VIỆT NAM PHƯỜNG TÂN ĐỊNH"]])
def test_bodies_as_written(plan, bodies):
    plan.issuing_bodies = bodies
    assert found(plan, "issuing-body") == []


@pytest.mark.parametrize("bodies, field", [
    (["TỈNH CÀ MAU", "CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "issuing_bodies"),  # the motto cut in two bodies
    (["BCH ĐOÀN QUẬN 3", "Độc lập - Tự do - Hạnh phúc"], "issuing_bodies"),
    (["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"], "issuing_bodies[0]"),  # a web page's columns
    (["BCH ĐOÀN QUẬN 3", "ĐOÀN TNCS HỒ CHÍ MINH"], "issuing_bodies[1]"),  # would be printed twice
])
def test_the_right_columns_words_in_the_bodies(plan, bodies, field):
    plan.issuing_bodies = bodies
    findings = found(plan, "issuing-body")
    assert [(f.severity, f.field) for f in findings] == [("warning", field)]
    assert "chỉ ghi tên cơ quan" in findings[0].message


@pytest.mark.parametrize("place", ["Số: 09 KH/ĐTN Lộc Ninh", "Số: 225 - KH/TWĐTN-CTTN Hà Nội", "Số 12-KH/ĐTN Quận 3",
                                   "KHPH/TĐTN-LĐLĐ TP. Hồ Chí Minh"])
def test_a_number_line_in_the_place(plan, place):
    plan.place = place
    findings = found(plan, "place")
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("warning", "place", place)]
    assert "số, ký hiệu" in findings[0].message and "địa danh" in findings[0].message


@pytest.mark.parametrize("place", ["Lộc Ninh, ngày 12 tháng 5 năm 2025", "Hà Nội, ngày … tháng … năm 2024",
                                   "TP. Hồ Chí Minh, ngày", "Quận 12 25/02/2020", "Bình Dương, tháng 3 năm 2021"])
def test_a_date_in_the_place(plan, place):
    plan.place = place
    findings = found(plan, "place")
    assert [(f.severity, f.field) for f in findings] == [("warning", "place")]
    assert "ngày tháng" in findings[0].message


@pytest.mark.parametrize("place", ["TP. Hồ Chí Minh", "Quận 12", "Năm Căn", "Phường Tân Định, TP. Hồ Chí Minh",
                                   "Thủ Dầu Một", "Xã Mười Ngày", "Phường Bến Thành"])
def test_a_place_alone(plan, place):
    plan.place = place
    assert found(plan, "place") == []


@pytest.mark.parametrize("place", ["BAN CHẤP HÀNH TỈNH KHÁNH HÒA Khánh Hòa", "* TP. Hồ Chí Minh",
                                   "BCH ĐOÀN QUẬN 12 Quận 12", "ĐOÀN TNCS HỒ CHÍ MINH Hà Nội",
                                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Cà Mau"])
def test_other_header_lines_in_the_place(plan, place):
    """A header flattened by a web page leaves a body's name or the stars
    in the place."""
    plan.place = place
    findings = found(plan, "place")
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("warning", "place", place)]
    assert "dòng khác ở đầu văn bản" in findings[0].message


def test_an_empty_place(plan):
    plan.place = " "
    findings = found(plan, "place")
    assert [(f.severity, f.field) for f in findings] == [("warning", "place")]
    assert findings[0].message.startswith("chưa có địa danh")


def test_a_signature_without_its_position_line(plan):
    plan.signatures[0].position = ""
    findings = found(plan, "signer-position")
    assert [(f.severity, f.field) for f in findings] == [("warning", "signatures[0].position")]
    assert findings[0].message == "khối chữ ký chưa có chức vụ người ký (ví dụ “BÍ THƯ”)"


def test_a_deputy_without_position_is_told_once(plan):
    """A KT. signature without a position: the rule "authority" says it."""
    plan.signatures[0] = Signature("KT.", "BÍ THƯ", "", "Trần Thị Bình")
    assert found(plan, "signer-position") == []
    assert [f.field for f in found(plan, "authority")] == ["signatures[0].position"]


@pytest.mark.parametrize("position, name, empty_name", [
    ("Nguyễn Văn An", "", True),  # the importer put the name in the position slot
    ("Lê Hoàng Minh Tâm", "Lê Hoàng Minh Tâm", False),
    ("NGUYỄN THỊ THU TRANG", "", True),
    ("Trương Thị Ngọc Hân (Đã ký)", "", True),
    ("Huỳnh Ngọc Phương Uyên", "BÍ THƯ", False),  # position and name swapped
])
def test_a_name_in_the_position_slot(plan, position, name, empty_name):
    plan.signatures[0].position, plan.signatures[0].name = position, name
    findings = found(plan, "signer-position")
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("warning", "signatures[0].position", position)]
    assert "giống họ tên người" in findings[0].message
    assert ("dòng họ tên đang để trống" in findings[0].message) == empty_name


@pytest.mark.parametrize("position", ["BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "CHỦ TỊCH", "Phó Chủ tịch",
                                      "TRƯỞNG BAN TỔ CHỨC", "Trưởng ban", "CHÁNH VĂN PHÒNG", "HIỆU TRƯỞNG",
                                      "GIÁM ĐỐC", "ỦY VIÊN BAN THƯỜNG VỤ", "TỔNG BIÊN TẬP", "TRƯỞNG KHOA",
                                      "ĐOÀN TRƯỜNG", "KT. BÍ THƯ"])
def test_a_position_is_not_a_name(plan, position):
    plan.signatures[0].position, plan.signatures[0].name = position, ""
    assert found(plan, "signer-position") == []


def test_a_plan_with_no_sections_is_an_error(plan):
    kept = [text for s in plan.sections for text in (s.heading, "Nội dung của mục.")]
    plan.preamble += kept
    plan.sections = []
    findings = found(plan, "no-sections")
    assert [(f.severity, f.field) for f in findings] == [("error", "sections")]
    assert f"{len(plan.preamble)} đoạn đang nằm hết ở phần mở đầu" in findings[0].message
    plan.preamble = []
    assert found(plan, "no-sections")[0].message == "kế hoạch chưa có mục nào (I., II., …)"
