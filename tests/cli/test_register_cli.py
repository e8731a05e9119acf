"""`kehoach issue`, `kehoach register` and `kehoach office`, run through main(argv)."""
import json
from datetime import date, datetime

import pytest
from cli_helpers import run
from conftest import FIXTURE_FILES
from openpyxl import load_workbook

from kehoach_desktop.cli import main
from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import DocumentNumber, Plan, Section, Signature
from kehoach_desktop.formats import kehoach_json


@pytest.fixture
def dbfile(db_target):
    """The --db of the test: an SQLite file, or a fresh PostgreSQL database's URL."""
    return db_target


@pytest.fixture
def drafts(tmp_path, capsys, dbfile):
    """Three draft plans in the database (ids 1, 2: KH; 3: BC) and the term's start."""
    for n, type_code in enumerate(("KH", "KH", "BC"), start=1):
        plan = Plan(title=f"Kế hoạch số {n}", number=DocumentNumber(None, type_code, []), place="Quận 12",
                    issuing_bodies=["BCH ĐOÀN PHƯỜNG"], recipients=["Quận Đoàn", "Lưu VP"],
                    sections=[Section("Mục đích", c.FreeContent([c.Item("Đánh giá kết quả.")]))],
                    signatures=[Signature("TM.", "BAN CHẤP HÀNH", "BÍ THƯ", "Trần Thị B")])
        path = tmp_path / f"draft{n}.kehoach.json"
        kehoach_json.write_file(plan, path)
        assert run(capsys, "--db", dbfile, "import", path)[0] == 0
    assert run(capsys, "--db", dbfile, "office", "set", "term_start", "2025-12-30")[0] == 0
    return dbfile


def test_office_show_and_set(capsys, dbfile):
    code, out, _ = run(capsys, "--db", dbfile, "office", "show")
    assert code == 0 and "issuer_code" in out and "ĐTN" in out and "term (theo nhiệm kỳ)" in out
    for key, value, shown in (("superior_body", "Thành Đoàn TP. Hồ Chí Minh", "Thành Đoàn TP. Hồ Chí Minh"),
                              ("issuing_body", "BCH ĐOÀN KHỐI", "BCH ĐOÀN KHỐI"), ("issuer_code", "tđtn", "TĐTN"),
                              ("organisation_title", "ĐOÀN TNCS HỒ CHÍ MINH", "ĐOÀN TNCS HỒ CHÍ MINH"),
                              ("place", "TP. Hồ Chí Minh", "TP. Hồ Chí Minh"), ("term_start", "30/12/2025", "30/12/2025"),
                              ("numbering", "year", "year (theo năm)")):
        code, out, err = run(capsys, "--db", dbfile, "office", "set", key, value)
        assert (code, err) == (0, "") and out.startswith("Đã lưu")
        code, out, _ = run(capsys, "--db", dbfile, "office", "show")
        line = next(line for line in out.splitlines() if f"({key})" in line)
        assert line.endswith(shown), line


def test_office_set_refuses_bad_values(capsys, dbfile):
    code, _, err = run(capsys, "--db", dbfile, "office", "set", "term_start", "30-12-2025")
    assert code == 1 and "term_start" in err and "YYYY-MM-DD" in err
    code, _, err = run(capsys, "--db", dbfile, "office", "set", "numbering", "tuan")
    assert code == 1 and "numbering" in err and "term" in err
    code, _, err = run(capsys, "--db", dbfile, "office", "set", "issuer_code", "KH/ĐTN")
    assert code == 1 and "issuer_code" in err
    code, _, err = run(capsys, "--db", dbfile, "office", "set", "colour", "xanh")
    assert code == 2 and "lỗi" in err
    code, out, _ = run(capsys, "--db", dbfile, "office", "show")
    assert "ĐTN" in out and "(trống)" in out  # nothing was saved


def test_issue_prints_the_number_and_the_date(capsys, drafts):
    code, out, err = run(capsys, "--db", drafts, "issue", 1, "--date", "2026-02-09")
    assert code == 0 and out == "Số: 01-KH/ĐTN\nQuận 12, ngày 09 tháng 02 năm 2026\n" and "sổ văn bản đi" in err
    assert run(capsys, "--db", drafts, "issue", 3, "--date", "2026-02-10")[1].startswith("Số: 01-BC/ĐTN\n")
    code, out, _ = run(capsys, "--db", drafts, "issue", 2)
    assert code == 0 and out.startswith("Số: 02-KH/ĐTN\n") and f"năm {date.today().year}" in out
    code, out, _ = run(capsys, "--db", drafts, "list", "--json")
    assert {row["id"]: (row["number"], row["status"]) for row in json.loads(out)} == {
        1: ("01-KH/ĐTN", "issued"), 2: ("02-KH/ĐTN", "issued"), 3: ("01-BC/ĐTN", "issued")}


def test_issue_refusals(capsys, drafts):
    assert run(capsys, "--db", drafts, "issue", 1)[0] == 0
    code, _, err = run(capsys, "--db", drafts, "issue", 1)
    assert code == 1 and "đã ban hành (số 01-KH/ĐTN)" in err
    code, _, err = run(capsys, "--db", drafts, "issue", 99)
    assert code == 1 and "không có kế hoạch mã số 99" in err
    assert run(capsys, "--db", drafts, "delete", 2)[0] == 0
    code, _, err = run(capsys, "--db", drafts, "issue", 2)
    assert code == 1 and "thùng rác" in err
    code, _, err = run(capsys, "--db", drafts, "issue", 3, "--date", "2025-12-01")
    assert code == 1 and "trước ngày bắt đầu nhiệm kỳ" in err
    code, _, err = run(capsys, "--db", drafts, "issue", 3, "--date", "09/02/2026")
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = run(capsys, "--db", drafts, "delete", 1)
    assert code == 1 and "sổ văn bản đi" in err


def test_issue_needs_the_term_start(capsys, drafts):
    assert run(capsys, "--db", drafts, "office", "set", "term_start", "")[0] == 0
    code, _, err = run(capsys, "--db", drafts, "issue", 1)
    assert code == 1 and "chưa khai báo ngày bắt đầu nhiệm kỳ" in err and "office set term_start" in err


def test_register_text_json_and_workbook(capsys, drafts, tmp_path):
    assert run(capsys, "--db", drafts, "register") == (0, "Sổ văn bản đi chưa có văn bản nào.\n", "")
    run(capsys, "--db", drafts, "issue", 1, "--date", "2026-02-09")
    run(capsys, "--db", drafts, "issue", 3, "--date", "2026-03-01")
    code, out, _ = run(capsys, "--db", drafts, "register")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[1].startswith("01-KH/ĐTN") and "09/02/2026" in lines[1] and lines[1].endswith("Kế hoạch số 1")
    assert lines[2].startswith("01-BC/ĐTN") and "Trần Thị B" in lines[2]
    code, out, _ = run(capsys, "--db", drafts, "register", "--json")
    rows = json.loads(out)
    assert code == 0 and [(r["label"], r["date"], r["plan_id"], r["period_start"]) for r in rows] == [
        ("01-KH/ĐTN", "2026-02-09", 1, "2025-12-30"), ("01-BC/ĐTN", "2026-03-01", 3, "2025-12-30")]
    assert rows[0]["recipients"] == ["Quận Đoàn", "Lưu VP"] and rows[0]["signer"] == "Trần Thị B"
    target = tmp_path / "so.xlsx"
    code, out, _ = run(capsys, "--db", drafts, "register", "--xlsx", target)
    assert code == 0 and "2 văn bản" in out
    values = list(load_workbook(target).active.iter_rows(min_row=4, values_only=True))
    assert values == [(1, datetime(2026, 2, 9), "KH/ĐTN", "Kế hoạch số 1", "Trần Thị B", "Quận Đoàn\nLưu VP"),
                      (1, datetime(2026, 3, 1), "BC/ĐTN", "Kế hoạch số 3", "Trần Thị B", "Quận Đoàn\nLưu VP")]
    code, _, err = run(capsys, "--db", drafts, "register", "--xlsx", target)
    assert code == 1 and "--force" in err
    code, out, err = run(capsys, "--db", drafts, "register", "--xlsx", target, "--force", "--json")
    assert code == 0 and len(json.loads(out)) == 2 and "2 văn bản" in err
    code, _, err = run(capsys, "--db", drafts, "register", "--xlsx", tmp_path / "so.csv")
    assert code == 1 and ".xlsx" in err


def test_an_issued_plan_still_exports(capsys, drafts, tmp_path):
    run(capsys, "--db", drafts, "issue", 1, "--date", "2026-02-09")
    target = tmp_path / "ban-hanh.txt"
    assert run(capsys, "--db", drafts, "export", 1, target)[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "Số: 01-KH/ĐTN" in text and "ngày 09 tháng 02 năm 2026" in text


def test_exporting_an_issued_plan_to_word_gives_the_issued_file(tmp_path, capsys, dbfile):
    """A reprint is the document as it was signed: the register's Word file,
    byte for byte, whatever the program's layout has become since."""
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.register import Register

    db_path = dbfile
    plan = kehoach_json.read_file(FIXTURE_FILES[1])
    plan.status, plan.number.value, plan.plan_date = "draft", None, None
    source = tmp_path / "du-thao.kehoach.json"
    kehoach_json.write_file(plan, source)
    assert main(["--db", str(db_path), "import", str(source)]) == 0
    plan_id = capsys.readouterr()[0].strip().splitlines()[-1]
    assert main(["--db", str(db_path), "office", "set", "term_start", "2022-10-01"]) == 0
    assert main(["--db", str(db_path), "issue", plan_id, "--date", "2024-03-05"]) == 0
    out = tmp_path / "in-lai.docx"
    assert main(["--db", str(db_path), "export", plan_id, str(out)]) == 0
    assert "bản Word lưu lúc ban hành" in capsys.readouterr()[0]
    db = open_database(db_path)
    try:
        assert out.read_bytes() == Register(db).issued_docx(int(plan_id))
    finally:
        db.close()
    two_sided = tmp_path / "hai-mat.docx"
    assert main(["--db", str(db_path), "export", plan_id, str(two_sided), "--two-sided"]) == 0
    assert two_sided.read_bytes() != out.read_bytes()
