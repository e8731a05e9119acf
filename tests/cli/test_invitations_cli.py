"""`kehoach invitations ID OUT.docx [--draft] [--per-unit] [--date] [--force]`:
letters numbered in the register (or a draft), the file written once the
number is taken and kept by the register when it cannot be; `kehoach
register docx` gives a line's Word file back; `kehoach office set
invitation_code|contact`. Run through main(argv), on SQLite and PostgreSQL."""
import json
from datetime import date

import pytest
from cli_helpers import run
from doc_compare import document_text

from kehoach_desktop.core import content as c
from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.dates import short_date
from kehoach_desktop.core.model import DocumentNumber, Plan, Section, Signature
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.register import Register

GUESTS = [Attendee("Nguyễn Văn Tâm", "Phó Bí thư", "Thành Đoàn", "Khách mời"),
          Attendee("Lê Thị Hoa", "Bí thư", "Quận Đoàn 1", "Đơn vị"),
          Attendee("Trần Văn Bình", "Phó Bí thư", "Quận Đoàn 1", "Đơn vị")]


@pytest.fixture
def dbfile(db_target, tmp_path, capsys):
    """Plan 1 (a draft) with three guests, plan 2 without any; the term's start set."""
    for n in (1, 2):
        plan = Plan(title=f"Tổ chức Hội nghị số {n}", number=DocumentNumber(None, "KH", ["ĐTN"]), place="Quận 12",
                    issuing_bodies=["BCH ĐOÀN PHƯỜNG"], recipients=["Quận Đoàn", "Lưu VP"],
                    sections=[Section("Mục đích", c.FreeContent([c.Item("Đánh giá kết quả.")]))],
                    signatures=[Signature("TM.", "BAN CHẤP HÀNH", "BÍ THƯ", "Trần Thị B")])
        path = tmp_path / f"plan{n}.kehoach.json"
        kehoach_json.write_file(plan, path)
        assert run(capsys, "--db", db_target, "import", path)[0] == 0
    assert run(capsys, "--db", db_target, "office", "set", "term_start", "2025-12-30")[0] == 0
    db = open_database(db_target)
    AttendeeStore(db).replace(1, GUESTS, expected_version=0)
    db.close()
    return db_target


def entries(dbfile):
    db = open_database(dbfile)
    try:
        return Register(db).entries()
    finally:
        db.close()


def test_numbered_letters(capsys, dbfile, tmp_path):
    target = tmp_path / "thu-moi.docx"
    code, out, err = run(capsys, "--db", dbfile, "invitations", 1, target, "--date", "2026-12-06")
    assert (code, err) == (0, "")
    assert out == f"Đã cấp số 01-TM/ĐTN ngày 06/12/2026 cho 3 thư mời và lưu {target}.\n"
    [entry] = entries(dbfile)
    assert (entry.letters_for, entry.plan_id, entry.issued_on) == (1, None, date(2026, 12, 6))
    assert entry.title == "Thư mời dự Hội nghị số 1" and len(entry.recipients) == 3
    assert document_text(target).count("Kính gửi:") == 3
    kept = tmp_path / "lay-lai.docx"
    code, out, _ = run(capsys, "--db", dbfile, "register", "docx", "01-tm/đtn", kept)
    assert code == 0 and out == f"Đã lưu bản Word của văn bản số 01-TM/ĐTN ngày 06/12/2026 ra {kept}.\n"
    assert kept.read_bytes() == target.read_bytes()  # the file written is the one the register keeps

    code, out, _ = run(capsys, "--db", dbfile, "invitations", 1, tmp_path / "don-vi.docx", "--per-unit")
    assert code == 0 and out.startswith(f"Đã cấp số 02-TM/ĐTN ngày {short_date(date.today())} cho 2 thư mời")
    assert document_text(tmp_path / "don-vi.docx").count("Kính gửi:") == 2
    # The plans' numbers run apart from the letters'.
    assert run(capsys, "--db", dbfile, "issue", 1, "--date", "2026-12-07")[0] == 0
    code, out, _ = run(capsys, "--db", dbfile, "invitations", 1, tmp_path / "sau.docx", "--date", "2026-12-08")
    assert code == 0 and "03-TM/ĐTN" in out  # letters of an issued plan still go out
    code, out, _ = run(capsys, "--db", dbfile, "register", "--json")
    rows = json.loads(out)
    assert [(r["label"], r["plan_id"], r["letters_for"]) for r in rows] == [
        ("01-TM/ĐTN", None, 1), ("02-TM/ĐTN", None, 1), ("01-KH/ĐTN", 1, None), ("03-TM/ĐTN", None, 1)]
    code, out, _ = run(capsys, "--db", dbfile, "register")
    letters = [line for line in out.splitlines() if "-TM/" in line]
    assert len(letters) == 3 and all("Thư mời dự Hội nghị số 1" in line and "    1  " in line for line in letters)


def test_the_letters_print_their_number(capsys, dbfile, tmp_path):
    """Each letter of the batch prints its number and date."""
    target = tmp_path / "thu-moi.docx"
    assert run(capsys, "--db", dbfile, "invitations", 1, target, "--date", "2026-12-06")[0] == 0
    text = document_text(target).replace("\xa0", " ")  # the date line keeps its words together
    assert text.count("Số: 01-TM/ĐTN") == 3 and text.count("ngày 06 tháng 12 năm 2026") == 3


def test_a_draft_is_not_numbered(capsys, dbfile, tmp_path):
    target = tmp_path / "nhap.docx"
    code, out, _ = run(capsys, "--db", dbfile, "invitations", 1, target, "--draft", "--per-unit")
    assert code == 0
    assert out == f"Đã lưu bản nháp 2 thư mời của kế hoạch 1 (chưa cấp số, chưa vào sổ văn bản đi) ra {target}.\n"
    assert document_text(target).count("Kính gửi:") == 2 and entries(dbfile) == []
    code, _, err = run(capsys, "--db", dbfile, "invitations", 1, target, "--draft", "--date", "2026-12-06")
    assert code == 1 and "--draft" in err


def test_refusals_take_no_number(capsys, dbfile, tmp_path):
    target = tmp_path / "thu-moi.docx"
    code, _, err = run(capsys, "--db", dbfile, "invitations", 2, target)
    assert code == 1 and "chưa có ai" in err and not target.exists()
    code, _, err = run(capsys, "--db", dbfile, "invitations", 9, target)
    assert code == 1 and "không có kế hoạch mã số 9" in err
    code, _, err = run(capsys, "--db", dbfile, "invitations", 1, tmp_path / "thu-moi.pdf")
    assert code == 1 and ".docx" in err
    code, _, err = run(capsys, "--db", dbfile, "invitations", 1, target, "--date", "2025-01-01")
    assert code == 1 and "trước ngày bắt đầu nhiệm kỳ" in err
    target.write_bytes(b"old")
    code, _, err = run(capsys, "--db", dbfile, "invitations", 1, target)
    assert code == 1 and "--force" in err and target.read_bytes() == b"old"
    assert run(capsys, "--db", dbfile, "delete", 1)[0] == 0
    code, _, err = run(capsys, "--db", dbfile, "invitations", 1, tmp_path / "x.docx")
    assert code == 1 and "thùng rác" in err
    assert entries(dbfile) == []  # no number was used
    assert run(capsys, "--db", dbfile, "restore", 1)[0] == 0
    code, out, _ = run(capsys, "--db", dbfile, "invitations", 1, target, "--force")
    assert code == 0 and "01-TM/ĐTN" in out and target.read_bytes() != b"old"


def test_a_file_that_cannot_be_written_leaves_the_letters_in_the_register(capsys, dbfile, tmp_path):
    code, out, err = run(capsys, "--db", dbfile, "invitations", 1, tmp_path / "khong-co" / "tm.docx")
    assert code == 1 and out == "" and "thư mục không tồn tại" in err
    assert "Số 01-TM/ĐTN đã được cấp" in err and "kehoach register docx 01-TM/ĐTN" in err
    [entry] = entries(dbfile)
    target = tmp_path / "lay-lai.docx"
    code, _, _ = run(capsys, "--db", dbfile, "register", "docx", str(entry.id), target)
    assert code == 0 and document_text(target).count("Kính gửi:") == 3


def test_register_docx_refusals(capsys, dbfile, tmp_path):
    code, _, err = run(capsys, "--db", dbfile, "register", "docx", "05-TM/ĐTN", tmp_path / "x.docx")
    assert code == 1 and "không có văn bản số 05-TM/ĐTN" in err
    code, _, err = run(capsys, "--db", dbfile, "register", "docx", "7", tmp_path / "x.docx")
    assert code == 1 and "không có dòng mã số 7" in err
    run(capsys, "--db", dbfile, "invitations", 1, tmp_path / "a.docx")
    code, _, err = run(capsys, "--db", dbfile, "register", "docx", "01-TM/ĐTN", tmp_path / "a.docx")
    assert code == 1 and "--force" in err
    code, _, err = run(capsys, "--db", dbfile, "register", "docx", "01-TM/ĐTN", tmp_path / "a.xlsx")
    assert code == 1 and ".docx" in err


def test_office_invitation_type_and_contact(capsys, dbfile, tmp_path):
    code, out, _ = run(capsys, "--db", dbfile, "office", "show")
    assert "Mã loại thư mời (invitation_code)" in out and "TM (thư mời)" in out
    code, out, _ = run(capsys, "--db", dbfile, "office", "set", "invitation_code", "gm")
    assert code == 0 and out == "Đã lưu mã loại thư mời (invitation_code): GM.\n"
    code, out, _ = run(capsys, "--db", dbfile, "office", "set", "contact", "đồng chí Lan (Văn phòng), 0909 123 456")
    assert code == 0 and "người liên hệ (contact): đồng chí Lan (Văn phòng), 0909 123 456" in out
    code, out, _ = run(capsys, "--db", dbfile, "office", "show")
    assert "GM (giấy mời)" in out and "đồng chí Lan (Văn phòng), 0909 123 456" in out
    code, _, err = run(capsys, "--db", dbfile, "office", "set", "invitation_code", "CV")
    assert code == 1 and "mã loại thư mời" in err and "TM, GM" in err
    code, out, _ = run(capsys, "--db", dbfile, "invitations", 1, tmp_path / "gm.docx")
    assert code == 0 and "01-GM/ĐTN" in out
    assert entries(dbfile)[0].title == "Giấy mời dự Hội nghị số 1"
