"""Every command of `kehoach`, run in-process through main(argv), and its bad input."""
import json
import os
import subprocess
import sys

import pytest
from cli_helpers import run
from conftest import FIXTURE_FILES, REPO, fixture_name
from doc_compare import document_text

from kehoach_desktop.cli import main
from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import DocumentNumber, Plan, Section
from kehoach_desktop.formats import kehoach_json


@pytest.fixture
def plan_file(tmp_path):
    plan = Plan(title="Tổ chức Hội nghị sơ kết", number=DocumentNumber(37), issuing_bodies=["BCH ĐOÀN KHỐI"],
                sections=[Section("Mục đích", c.FreeContent([c.Item("Đánh giá kết quả.")]))],
                closing="Trên đây là kế hoạch./.")
    path = tmp_path / "plan.kehoach.json"
    kehoach_json.write_file(plan, path)
    return path


@pytest.fixture
def dbfile(db_target):
    """The --db of the test: an SQLite file, or a fresh PostgreSQL database's URL."""
    return db_target


def test_list_empty_and_json(capsys, dbfile):
    assert run(capsys, "--db", dbfile, "list") == (0, "Chưa có kế hoạch nào.\n", "")
    code, out, _ = run(capsys, "--db", dbfile, "list", "--json")
    assert code == 0 and json.loads(out) == []


def test_import_prints_the_id_on_the_last_line(capsys, dbfile, plan_file):
    code, out, err = run(capsys, "--db", dbfile, "import", plan_file)
    assert code == 0 and out.strip().splitlines()[-1] == "1"
    assert "Đã nhập" in err
    code, out, _ = run(capsys, "import", plan_file, "--json", "--db", dbfile)  # --db after the command too
    assert code == 0 and json.loads(out) == {"id": 2, "warnings": []}


def test_list_shows_the_plan(capsys, dbfile, plan_file):
    run(capsys, "--db", dbfile, "import", plan_file)
    code, out, _ = run(capsys, "--db", dbfile, "list")
    assert code == 0 and "37-KH/ĐTN" in out and "Tổ chức Hội nghị sơ kết" in out and "Dự thảo" in out
    code, out, _ = run(capsys, "--db", dbfile, "list", "--json")
    (row,) = json.loads(out)
    assert row["id"] == 1 and row["number"] == "37-KH/ĐTN" and row["status"] == "draft"


@pytest.mark.parametrize("query, expected", [
    ("quan 12", ["001"]), ("giua nhiem ky", ["003"]), ("hoi cuu chien binh", ["004"]),
    ("lien doan lao dong", ["000", "002"]), ("Liên đoàn Lao động", ["000", "002"]), ("12 quan", [])])
def test_list_search_finds_a_phrase_in_every_text_of_the_plans(capsys, dbfile, query, expected):
    ids = {}
    for path in FIXTURE_FILES:
        run(capsys, "--db", dbfile, "import", path)
        ids[len(ids) + 1] = fixture_name(path)[:3]
    code, out, _ = run(capsys, "--db", dbfile, "list", "--search", query, "--json")
    assert code == 0 and sorted(ids[row["id"]] for row in json.loads(out)) == expected
    code, out, err = run(capsys, "--db", dbfile, "list", "--search", query)
    assert code == 0 and err == ""
    if expected:
        assert sorted(ids[int(line.split()[0])] for line in out.splitlines()[1:]) == expected
    else:
        assert out == f"Không có kế hoạch nào khớp với “{query}”.\n"


def test_show_equals_the_imported_file(capsys, dbfile, plan_file):
    run(capsys, "--db", dbfile, "import", plan_file)
    code, out, _ = run(capsys, "--db", dbfile, "show", 1)
    assert code == 0 and json.loads(out) == json.loads(plan_file.read_text(encoding="utf-8"))


def test_export_json_and_text_and_overwrite_rules(capsys, dbfile, plan_file, tmp_path):
    run(capsys, "--db", dbfile, "import", plan_file)
    out_json = tmp_path / "out.kehoach.json"
    assert run(capsys, "--db", dbfile, "export", 1, out_json)[0] == 0
    assert json.loads(out_json.read_text(encoding="utf-8")) == json.loads(plan_file.read_text(encoding="utf-8"))
    out_txt = tmp_path / "out.txt"
    assert run(capsys, "--db", dbfile, "export", 1, out_txt)[0] == 0
    text = out_txt.read_text(encoding="utf-8")
    assert "I. MỤC ĐÍCH:" in text and "Số: 37-KH/ĐTN" in text
    out_txt.write_text("bản cũ", encoding="utf-8")
    code, _, err = run(capsys, "--db", dbfile, "export", 1, out_txt)
    assert code == 1 and "--force" in err and str(out_txt) in err
    assert out_txt.read_text(encoding="utf-8") == "bản cũ"
    assert run(capsys, "--db", dbfile, "export", 1, out_txt, "--force")[0] == 0
    assert "I. MỤC ĐÍCH:" in out_txt.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_unsupported_format(capsys, dbfile, plan_file, tmp_path):
    run(capsys, "--db", dbfile, "import", plan_file)
    for name in ("out.xlsx", "out.odt"):
        code, _, err = run(capsys, "--db", dbfile, "export", 1, tmp_path / name)
        assert code == 1 and "Lỗi:" in err and name in err
        assert not (tmp_path / name).exists()


def test_delete_restore_and_purge(capsys, dbfile, plan_file):
    run(capsys, "--db", dbfile, "import", plan_file)
    code, out, _ = run(capsys, "--db", dbfile, "delete", 1)
    assert code == 0 and "vào thùng rác" in out and "kehoach restore 1" in out
    assert "Chưa có kế hoạch nào" in run(capsys, "--db", dbfile, "list")[1]
    code, out, _ = run(capsys, "--db", dbfile, "trash")
    assert code == 0 and "Xoá lúc" in out and "37-KH/ĐTN" in out
    rows = json.loads(run(capsys, "--db", dbfile, "trash", "--json")[1])
    assert [r["id"] for r in rows] == [1] and rows[0]["deleted_at"]
    assert run(capsys, "--db", dbfile, "restore", 1)[0] == 0
    assert "Thùng rác trống" in run(capsys, "--db", dbfile, "trash")[1]
    code, _, err = run(capsys, "--db", dbfile, "purge", 1)
    assert code == 1 and "không ở trong thùng rác" in err
    run(capsys, "--db", dbfile, "delete", 1)
    code, out, _ = run(capsys, "--db", dbfile, "purge", 1)
    assert code == 0 and "xoá hẳn" in out
    code, _, err = run(capsys, "--db", dbfile, "show", 1)
    assert code == 1 and "không có kế hoạch mã số 1" in err


def test_purge_all_and_its_arguments(capsys, dbfile, plan_file):
    for _ in range(2):
        run(capsys, "--db", dbfile, "import", plan_file)
    run(capsys, "--db", dbfile, "delete", 1)
    run(capsys, "--db", dbfile, "delete", 2)
    code, out, _ = run(capsys, "--db", dbfile, "purge", "--all")
    assert code == 0 and "2 kế hoạch" in out
    code, _out, err = run(capsys, "--db", dbfile, "purge")
    assert code == 2 and "cần một trong các tham số" in err


@pytest.mark.parametrize("command", [["show", 42], ["delete", 42], ["restore", 42], ["purge", 42],
                                     ["export", 42, "x.txt"]])
def test_unknown_plan_id(capsys, dbfile, command, tmp_path):
    if command[0] == "export":
        command[2] = tmp_path / command[2]
    code, out, err = run(capsys, "--db", dbfile, *command)
    assert code == 1 and out == "" and "không có kế hoạch mã số 42" in err


def test_bad_file_is_refused_and_nothing_is_written(capsys, dbfile, tmp_path):
    bad = tmp_path / "bad.kehoach.json"
    bad.write_text('{"format": "kehoach", "version": 1, "plan": {"issuing_bodies": ["A"], "sections": 5}}',
                   encoding="utf-8")
    code, out, err = run(capsys, "--db", dbfile, "import", bad)
    assert code == 1 and out == ""
    assert str(bad) in err and "$.plan.sections" in err and "danh sách" in err
    assert run(capsys, "--db", dbfile, "list", "--json")[1].strip() == "[]"


def test_a_damaged_word_file_is_refused_naming_it(capsys, dbfile, tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"PK")
    code, _, err = run(capsys, "--db", dbfile, "import", path)
    assert code == 1 and "old.docx" in err


def test_database_made_by_a_newer_version(capsys, dbfile):
    from sqlalchemy import text

    from kehoach_desktop.store.database import open_database

    run(capsys, "--db", dbfile, "list")
    db = open_database(dbfile)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'zzzz'"))
    db.close()
    code, _, err = run(capsys, "--db", dbfile, "list")
    assert code == 1 and "phiên bản mới hơn" in err


def test_database_path_that_cannot_be_written(capsys, tmp_path):
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    code, _, err = run(capsys, "--db", blocker / "db.sqlite3", "list")
    assert code == 1 and str(blocker) in err


@pytest.mark.parametrize("argv", [["frobnicate"], ["show"], ["show", "abc"], ["export", "1"], ["list", "--bogus"]])
def test_wrong_usage_exits_2_in_vietnamese(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Cách dùng:" in err and "lỗi:" in err


def test_help_is_vietnamese(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "Cách dùng:" in out and "liệt kê các kế hoạch" in out


def test_default_database_goes_to_the_per_user_data_folder(tmp_path, plan_file):
    """No --db, no KEHOACH_DB: the file lands under $XDG_DATA_HOME (Linux)."""
    env = {k: v for k, v in os.environ.items() if k not in ("KEHOACH_DB", "KEHOACH_DATA_DIR")}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    result = subprocess.run([sys.executable, "-m", "kehoach_desktop", "import", str(plan_file)],
                            cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    if sys.platform.startswith("linux"):
        assert (tmp_path / "xdg" / "KeHoachDesktop" / "kehoach.sqlite3").is_file()
    result = subprocess.run([sys.executable, "-m", "kehoach_desktop", "list", "--json"],
                            cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8")
    assert [row["title"] for row in json.loads(result.stdout)] == ["Tổ chức Hội nghị sơ kết"]


def test_export_word_file(capsys, dbfile, plan_file, tmp_path):
    import zipfile

    import docx

    run(capsys, "--db", dbfile, "import", plan_file)
    out = tmp_path / "ke-hoach.docx"
    assert run(capsys, "--db", dbfile, "export", 1, out)[0] == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "KẾ HOẠCH" in texts and "I. MỤC ĐÍCH:" in texts and "Trên đây là kế hoạch./." in texts
    with zipfile.ZipFile(out) as z:
        assert "mirrorMargins" not in z.read("word/settings.xml").decode()
    assert run(capsys, "--db", dbfile, "export", 1, out, "--force", "--two-sided")[0] == 0
    with zipfile.ZipFile(out) as z:
        assert "mirrorMargins" in z.read("word/settings.xml").decode()


def test_unexpected_error_gets_a_vietnamese_message_and_a_log(capsys, tmp_path, monkeypatch):
    import kehoach_desktop.cli as cli

    def broken(_args):
        raise RuntimeError("hỏng bất ngờ")

    monkeypatch.setitem(cli.COMMANDS, "list", broken)
    code, out, err = run(capsys, "--db", tmp_path / "x.sqlite3", "list")
    assert code == 1 and "Lỗi không mong đợi: hỏng bất ngờ" in err
    log = err.split("ghi vào ")[1].split(";")[0]
    assert "RuntimeError" in open(log, encoding="utf-8").read()


def test_attendees_export_import_and_dry_run(capsys, dbfile, plan_file, tmp_path):
    from openpyxl import Workbook

    from kehoach_desktop.core.attendees import Attendee
    from kehoach_desktop.store.attendees import AttendeeStore
    from kehoach_desktop.store.database import open_database

    run(capsys, "--db", dbfile, "import", plan_file)
    run(capsys, "--db", dbfile, "import", plan_file)
    db = open_database(dbfile)
    AttendeeStore(db).replace(1, [Attendee("Nguyễn Văn An", "Bí thư", "Đoàn P5", "Chủ trì", "0912345678"),
                                  Attendee("Lê Thị Bình", "Phó Bí thư", "Đoàn P6", "Đại biểu")])
    db.close()
    out_file = tmp_path / "ds.xlsx"
    code, out, _ = run(capsys, "--db", dbfile, "attendees", "export", 1, out_file)
    assert code == 0 and "Đã xuất 2 khách mời" in out and out_file.exists()
    code, out, _ = run(capsys, "--db", dbfile, "attendees", "import", 2, out_file, "--dry-run", "--json")
    assert code == 0 and json.loads(out) | {} == {"sheet": "Danh sách khách mời", "header_row": 5, "added": 2,
                                                  "updated": 0, "unchanged": 0, "duplicate_rows": [],
                                                  "saved": False}
    db = open_database(dbfile)
    assert AttendeeStore(db).list(2) == []
    db.close()
    code, out, _ = run(capsys, "--db", dbfile, "attendees", "import", 2, out_file)
    assert code == 0 and "thêm 2" in out and "Đã lưu" in out
    db = open_database(dbfile)
    assert [a.name for a in AttendeeStore(db).list(2)] == ["Nguyễn Văn An", "Lê Thị Bình"]
    db.close()
    # a bad sheet: the message names the place, and nothing is saved
    bad = tmp_path / "bad.xlsx"
    book = Workbook()
    book.active.append(["Họ và tên", "Đơn vị", "Email"])
    book.active.append(["Trần Văn C", "Đoàn P7", "khong-phai-email"])
    book.save(bad)
    code, _, err = run(capsys, "--db", dbfile, "attendees", "import", 2, bad)
    assert code == 1 and "dòng 2, cột C: địa chỉ email không hợp lệ" in err
    db = open_database(dbfile)
    assert len(AttendeeStore(db).list(2)) == 2
    db.close()
    code, _, err = run(capsys, "--db", dbfile, "attendees", "export", 1, tmp_path / "ds.csv")
    assert code == 1 and "đuôi .xlsx" in err


def test_invitations(capsys, dbfile, plan_file, tmp_path):
    from kehoach_desktop.core.attendees import Attendee
    from kehoach_desktop.store.attendees import AttendeeStore
    from kehoach_desktop.store.database import open_database

    run(capsys, "--db", dbfile, "import", plan_file)
    code, _, err = run(capsys, "--db", dbfile, "invitations", 1, tmp_path / "tm.docx", "--draft")
    assert code == 1 and "chưa có ai" in err and not (tmp_path / "tm.docx").exists()
    db = open_database(dbfile)
    AttendeeStore(db).replace(1, [Attendee("Nguyễn Văn An", "Bí thư", "Đoàn P5")])
    db.close()
    code, out, _ = run(capsys, "--db", dbfile, "invitations", 1, tmp_path / "tm.docx", "--draft")
    assert code == 0 and "Đã lưu bản nháp 1 thư mời" in out  # numbered letters: tests/cli/test_invitations_cli.py
    # no honorific given: the plan's ("đồng chí" in a Youth Union plan)
    assert "Kính gửi: Đồng chí Nguyễn Văn An, Bí thư Đoàn P5" in document_text(tmp_path / "tm.docx")


def test_output_read_only_in_part_is_not_an_error(tmp_path):
    """`kehoach list | head`: the reader closes the pipe early; no "unexpected error", no log."""
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.plans import PlanStore

    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    PlanStore(db).add_many([Plan(title=f"Kế hoạch tổ chức hoạt động số {i} " + "rất dài " * 20) for i in range(1500)])
    db.close()
    child = subprocess.Popen([sys.executable, "-m", "kehoach_desktop", "--db", str(path), "list"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
                             env={**os.environ, "KEHOACH_DATA_DIR": str(tmp_path / "data")})
    assert child.stdout.read(200)
    child.stdout.close()  # as `head` does once it has its lines
    err = child.stderr.read().decode("utf-8")
    assert child.wait(60) == 0, err
    assert "Lỗi" not in err and "Broken pipe" not in err and "Exception" not in err
