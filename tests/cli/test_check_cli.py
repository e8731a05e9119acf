"""kehoach check ID [--json]: the format checker from the command line,
exit 1 when a finding is an error."""
import json

from cli_helpers import run
from conftest import FIXTURE_FILES

from kehoach_desktop.formats import kehoach_json


def test_check_reports_and_exits_by_severity(db_target, capsys):
    db = db_target
    code, out, _ = run(capsys, "--db", db, "import", FIXTURE_FILES[0])
    plan_id = out.strip().splitlines()[-1]
    code, out, _ = run(capsys, "--db", db, "check", plan_id)
    assert code == 0  # warnings only
    # "tham luậm"; the "./." the text lacks is printed by the program: not a finding
    assert "luậm" in out and "./." not in out and out.strip().endswith("0 lỗi, 1 cảnh báo, 0 lưu ý.")
    code, out, _ = run(capsys, "--db", db, "check", plan_id, "--json")
    findings = json.loads(out)
    assert {f["rule"] for f in findings} == {"spelling"}
    assert next(f for f in findings if f["rule"] == "spelling")["field"].startswith("sections[3].content.slots[1]")


def test_an_error_gives_exit_1(tmp_path, db_target, capsys):
    db = db_target
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.preamble.append("Họp trù bị ngày 30 tháng 01 năm 2023 (thứ Ba).")  # a Monday
    source = tmp_path / "sai.kehoach.json"
    kehoach_json.write_file(plan, source)
    _code, out, _ = run(capsys, "--db", db, "import", source)
    code, out, _ = run(capsys, "--db", db, "check", out.strip().splitlines()[-1])
    assert code == 1 and "là thứ Hai, không phải “thứ Ba”" in out


def test_check_of_an_unknown_plan(db_target, capsys):
    code, _out, err = run(capsys, "--db", db_target, "check", "42")
    assert code == 1 and "42" in err
