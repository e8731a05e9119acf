"""Dates in a sane range from the command line: a plan file, a text plan or
an issue date after 2100 (or before 1945) is refused naming the field and
nothing is stored; a date more than five years ahead is a "Lưu ý" of the
import and a warning of `kehoach check`."""
import json
from datetime import date

from cli_helpers import run
from conftest import EXAMPLE_TEXTS, FIXTURE_FILES

from kehoach_desktop.formats import kehoach_json


def listed(capsys, db):
    return json.loads(run(capsys, "--db", db, "list", "--json")[1])


def test_a_plan_file_dated_9999_is_refused(capsys, db_target, tmp_path):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.plan_date = date(9999, 12, 31)
    source = tmp_path / "nam-9999.kehoach.json"
    kehoach_json.write_file(plan, source)
    code, out, err = run(capsys, "--db", db_target, "import", source)
    assert code == 1 and out == ""
    assert "nam-9999.kehoach.json" in err and "ngày ban hành 31/12/9999: năm 9999 nằm ngoài khoảng 1945–2100" in err
    assert "Traceback" not in err and listed(capsys, db_target) == []


def test_a_text_plan_dated_1900_is_refused(capsys, db_target, tmp_path):
    text = EXAMPLE_TEXTS[0].read_text(encoding="utf-8")
    assert "TP. Hồ Chí Minh, ngày 23 tháng 12 năm 2022" in text
    source = tmp_path / "nam-1900.txt"
    source.write_text(text.replace("ngày 23 tháng 12 năm 2022", "ngày 23 tháng 12 năm 1900"), encoding="utf-8")
    code, _out, err = run(capsys, "--db", db_target, "import", source)
    assert code == 1 and "ngày ban hành 23/12/1900: năm 1900 nằm ngoài khoảng 1945–2100" in err
    assert listed(capsys, db_target) == []


def test_a_far_date_is_imported_with_a_note_and_is_a_warning_of_check(capsys, db_target, tmp_path):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    ahead = date(date.today().year + 7, 1, 31)
    plan.sections[1].content.event_date = ahead
    source = tmp_path / "xa.kehoach.json"
    kehoach_json.write_file(plan, source)
    code, out, err = run(capsys, "--db", db_target, "import", source)
    shown = ahead.strftime("%d/%m/%Y")
    assert code == 0 and f"Lưu ý: Mục II: ngày tổ chức {shown} cách hôm nay hơn 5 năm; hãy xem lại" in err
    plan_id = out.strip().splitlines()[-1]
    code, out, _err = run(capsys, "--db", db_target, "check", plan_id, "--json")
    assert {(f["severity"], f["field"]) for f in json.loads(out) if f["rule"] == "date-range"} == {
        ("warning", "sections[1].content.event_date")}


def test_an_issue_date_out_of_range_is_refused_and_a_far_one_noted(capsys, db_target, tmp_path):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.status, plan.number.value, plan.plan_date = "draft", None, None
    plan.sections[1].content.event_date = None
    source = tmp_path / "du-thao.kehoach.json"
    kehoach_json.write_file(plan, source)
    assert run(capsys, "--db", db_target, "office", "set", "term_start", "2025-01-01")[0] == 0
    plan_id = run(capsys, "--db", db_target, "import", source)[1].strip().splitlines()[-1]
    code, out, err = run(capsys, "--db", db_target, "issue", plan_id, "--date", "9999-12-31")
    assert code == 2 and out == "" and "ngày 31/12/9999: năm 9999 nằm ngoài khoảng 1945–2100" in err
    assert listed(capsys, db_target)[0]["status"] == "draft"
    ahead = date(date.today().year + 7, 3, 2)
    code, out, err = run(capsys, "--db", db_target, "issue", plan_id, "--date", ahead.isoformat())
    assert code == 0 and f"Lưu ý: ngày ban hành {ahead.strftime('%d/%m/%Y')} cách hôm nay hơn 5 năm" in err
