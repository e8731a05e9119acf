"""A document number kept as another office wrote it (issue 20): the
model's written form and separator, the importer's reading of every form
met in real plans, and what the checker says of them."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES

from kehoach_desktop.core.appendices import attached_line
from kehoach_desktop.core.checks import check_plan
from kehoach_desktop.core.codec import plan_from_data, plan_to_data
from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.core.numbering import full_number, number_line
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.plan_import.header_fields import parse_number

# The line as written -> (value, type code, issuer codes, suffix, the line printed again).
FORMS = {
    "Số: 37-KH/ĐTN": (37, "KH", ["ĐTN"], "", "Số: 37-KH/ĐTN"),
    "Số: 05-KH/ĐTN-VP": (5, "KH", ["ĐTN"], "VP", "Số: 05-KH/ĐTN-VP"),
    "Số: 98/KH-UBND": (98, "KH", ["UBND"], "", "Số: 98/KH-UBND"),
    "Số: 10 KH-BTK": (10, "KH", ["BTK"], "", "Số: 10 KH-BTK"),
    "Số: 69 KH–ĐTN": (69, "KH", ["ĐTN"], "", "Số: 69 KH–ĐTN"),
    "Số: 69/KH – ĐTN": (69, "KH", ["ĐTN"], "", "Số: 69/KH – ĐTN"),
    "Số: /KH - HSV": (None, "KH", ["HSV"], "", "Số:      /KH - HSV"),
    "Số: 225 - KH/TWĐTN-CTTN": (225, "KH", ["TWĐTN", "CTTN"], "", "Số: 225 - KH/TWĐTN-CTTN"),
    "Số: 18 KH-LĐ": (18, "KH", ["LĐ"], "", "Số: 18 KH-LĐ"),
    "Số: / KH-LĐ": (None, "KH", ["LĐ"], "", "Số:      / KH-LĐ"),
    "Số: 09 KH/ĐTN": (9, "KH", ["ĐTN"], "", "Số: 09 KH/ĐTN"),
    "Số:    -KH/ĐTN": (None, "KH", ["ĐTN"], "", "Số:      -KH/ĐTN"),
    "Số 04 -KH /ĐT": (4, "KH", ["ĐT"], "", "Số: 04 -KH /ĐT"),
    "Số: 80 /KHĐH/PL-ĐTN": (80, "KHĐH", ["PL", "ĐTN"], "", "Số: 80 /KHĐH/PL-ĐTN"),
    "Số  : …../ KH-UBND": (None, "KH", ["UBND"], "", "Số:      / KH-UBND"),
    "Số:   225   -   KH/TWĐTN-CTTN": (225, "KH", ["TWĐTN", "CTTN"], "", "Số: 225 - KH/TWĐTN-CTTN"),
    "Số:  01/ KH LĐ - THCSMM": (1, "KH", ["LĐ", "THCSMM"], "", "Số: 01/ KH LĐ - THCSMM"),
    "Số:        - CTr/ĐTN": (None, "CTr", ["ĐTN"], "", "Số:      - CTr/ĐTN"),
}


@pytest.mark.parametrize("line", FORMS)
def test_every_form_of_a_number_is_read_and_printed_back_as_written(line):
    value, type_code, issuers, suffix, printed = FORMS[line]
    number = parse_number(line)
    assert number is not None
    assert (number.value, number.type_code, number.issuer_codes, number.suffix) == (value, type_code, issuers, suffix)
    assert number_line(number) == printed
    # Printed, read again: the same number.
    assert parse_number(printed) == number


@pytest.mark.parametrize("line", ["Số: 37-KH/ĐTN", "Số: 05-KH/ĐTN-VP", "Số:    -KH/ĐTN", "Số : 15-KH/ĐTN",
                                  "Số:15-KH/ĐTN", "Số: 14-KHLT/ĐTN-HLHTN-HĐĐ"])
def test_our_own_form_keeps_nothing_extra(line):
    number = parse_number(line)
    assert number is not None and number.is_house_form and (number.written, number.separator) == ("", "")


@pytest.mark.parametrize("line", ["Số 12 ĐƯỜNG LÊ LỢI", "Số người/đội", "Số lượng: 50", "Số: 09 KH/ĐTN Lộc Ninh",
                                  "Số: 1234567890-KH/ĐTN"])
def test_lines_that_are_no_number(line):
    assert parse_number(line) is None


def test_a_state_order_number_keeps_its_issuer_code():
    """"Số: /KH - HSV" used to become "-KH/ĐTN": the Hội Sinh viên's code lost."""
    number = parse_number("Số: /KH - HSV")
    assert (number.symbol, number.separator, number.house_symbol) == ("KH - HSV", "/", "KH/HSV")
    assert full_number(number) == "     /KH - HSV"


def test_the_model_keeps_the_written_form_only_when_it_differs():
    number = DocumentNumber(98, "KH", ["UBND"]).as_written("/", "KH-UBND")
    assert (number.symbol, number.between, full_number(number)) == ("KH-UBND", "/", "98/KH-UBND")
    same = DocumentNumber(37, "KH", ["ĐTN"]).as_written("-", "KH/ĐTN")
    assert same == DocumentNumber(37, "KH", ["ĐTN"]) and same.is_house_form
    spaced = DocumentNumber(7, "KH", ["ĐTN"]).as_written("  -  ", "KH/ĐTN")
    assert (spaced.separator, spaced.written, full_number(spaced)) == (" - ", "KH/ĐTN", "07 - KH/ĐTN")
    spaced.value = 12  # a new number keeps the form
    assert number_line(spaced, with_colon=False) == "Số 12 - KH/ĐTN"
    spaced.drop_written()
    assert number_line(spaced) == "Số: 12-KH/ĐTN"


def test_the_plan_file_holds_the_written_form_only_when_there_is_one():
    own = kehoach_json.read_file(FIXTURE_FILES[0])
    assert set(plan_to_data(own)["number"]) == {"value", "type_code", "issuer_codes", "suffix"}
    own.number = DocumentNumber(98, "KH", ["UBND"]).as_written("/", "KH-UBND")
    data = plan_to_data(own)
    assert data["number"] == {"value": 98, "type_code": "KH", "issuer_codes": ["UBND"], "suffix": "",
                              "written": "KH-UBND", "separator": "/"}
    assert plan_from_data(data) == own


def test_the_attached_line_of_an_appendix_cites_the_number_as_written():
    plan = Plan(number=parse_number("Số: 98/KH-UBND"), plan_date=date(2021, 5, 4), issuing_bodies=["UBND TỈNH CÀ MAU"])
    assert attached_line(plan).startswith("(Kèm theo Kế hoạch số 98/KH-UBND ngày 04/5/2021")


# ------------------------------------------------------------------ checks
def number_findings(plan: Plan, issuer_code: str = "ĐTN"):
    return [f for f in check_plan(plan, today=date(2026, 12, 1), issuer_code=issuer_code) if f.rule == "number-form"]


@pytest.mark.parametrize("bodies, superior", [(["ỦY BAN NHÂN DÂN"], "ỦY BAN NHÂN DÂN TỈNH CÀ MAU"),
                                              (["BCĐ SINH HOẠT HÈ"], "ỦY BAN NHÂN DÂN PHƯỜNG 9"),
                                              (["UBND THÀNH PHỐ HỒ CHÍ MINH"], ""),
                                              (["Uỷ ban nhân dân xã Hòa Phước"], "")])
def test_a_state_order_number_of_a_state_body_is_no_finding(bodies, superior):
    plan = Plan(issuing_bodies=bodies, superior_body=superior, number=parse_number("Số: 98/KH-UBND"),
                plan_date=date(2021, 5, 4), status="issued")
    assert number_findings(plan) == []


def test_a_state_order_number_whose_body_s_name_a_page_lost_is_no_finding():
    # "Y BAN NHÂN DÂN TỈNH KON TUM": the page lost the name's first letter; the symbol still says UBND.
    plan = Plan(issuing_bodies=["Y BAN NHÂN DÂN TỈNH KON TUM"], number=parse_number("Số: 2516/KH-UBND"),
                plan_date=date(2014, 10, 3), status="issued")
    assert number_findings(plan) == []


def test_another_form_on_a_youth_union_plan_says_what_our_form_would_be():
    plan = Plan(issuing_bodies=["BCH TP. HỒ CHÍ MINH"], number=parse_number("Số: 69/KH – ĐTN"))
    findings = number_findings(plan)
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("warning", "number.written", "KH – ĐTN")]
    assert findings[0].message.startswith("số, ký hiệu giữ như văn bản gốc “69/KH – ĐTN”; theo thể thức là "
                                          "“69-KH/ĐTN”")
    blank = Plan(issuing_bodies=["BCH HỘI SINH VIÊN"], number=parse_number("Số: /KH - HSV"))
    assert "“…/KH - HSV”; theo thể thức là “…-KH/HSV”" in number_findings(blank, "HSV")[0].message
    plan.number.drop_written()  # the clerk chose our form: nothing to say
    assert number_findings(plan) == []


@pytest.mark.parametrize("line", ["Số 05 -KH/ĐTN-VP", "Số: 104 -KHPH/TĐTN-LĐLĐ", "Số: 225 - KH/TWĐTN-CTTN"])
def test_spaces_alone_are_kept_but_no_finding(line):
    """Examples 001 and 002 as typed: the line prints as written, and the
    checker does not call a typist's space another form."""
    plan = Plan(issuing_bodies=["BCH ĐOÀN KHỐI"], number=parse_number(line))
    assert not plan.number.is_house_form and number_line(plan.number) == line.replace("Số ", "Số: ")
    assert number_findings(plan, "TĐTN") == []


def test_the_office_profile_on_a_plan_gives_our_own_form_with_its_code():
    from kehoach_desktop.core.office import OfficeProfile

    plan = Plan(number=parse_number("Số: 10/KH-BTK"))
    assert OfficeProfile(issuer_code="ĐTN").apply_to(plan).number == DocumentNumber(10, "KH", ["ĐTN"])
    assert OfficeProfile(issuer_code="BTK").apply_to(plan).number == plan.number  # its own code: kept


def test_the_attached_line_keeps_a_number_with_spaces_on_one_line():
    plan = Plan(number=parse_number("Số: 69/KH – ĐTN"), plan_date=date(2013, 3, 1), issuing_bodies=["BCH THÀNH ĐOÀN"])
    assert "số\u00a069/KH\u00a0–\u00a0ĐTN ngày" in attached_line(plan, "\u00a0")
    draft = Plan(number=DocumentNumber(None, "KH", ["ĐTN"]))
    assert "số\u00a0     -KH/ĐTN" in attached_line(draft, "\u00a0")  # our own form as before
