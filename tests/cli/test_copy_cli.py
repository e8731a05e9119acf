"""`kehoach copy ID [--years N]`: next year's plan, through main(argv), read
back from the database."""
from datetime import date

from cli_helpers import run
from conftest import FIXTURE_FILES

from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore


def test_example_000_copied_a_year_on(capsys, db_target, tmp_path):
    assert run(capsys, "--db", db_target, "import", FIXTURE_FILES[0])[0] == 0
    code, out, err = run(capsys, "--db", db_target, "copy", "1", "--years", "1")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-1] == "2"  # the new plan's id, last
    assert ("- Mục II: ngày tổ chức: thứ Ba 31/01/2023 → thứ Ba 30/01/2024 (20 tháng Chạp năm Quý Mão)"
            in lines)
    assert lines.count("- trích yếu: “năm 2022” → “năm 2023”") == 1
    assert lines.count("- trích yếu: “năm 2023” → “năm 2024”") == 1
    assert "2027" not in out
    database = open_database(db_target)
    try:
        store = PlanStore(database)
        copy, old = store.get(2), store.get(1)
    finally:
        database.close()
    assert (copy.number.value, copy.plan_date, copy.status) == (None, None, "draft")
    assert copy.sections[1].content.event_date == date(2024, 1, 30)
    assert copy.title.replace("\n", " ").endswith("năm 2023; thống nhất phương hướng phối hợp năm 2024")
    assert "giai đoạn 2022 – 2027" in copy.preamble[0]
    assert (old.number.value, old.status, old.sections[1].content.event_date) == (37, "issued", date(2023, 1, 31))
    # The weekday and the lunar date the program writes follow the new date.
    out_file = tmp_path / "nam-sau.txt"
    assert run(capsys, "--db", db_target, "export", "2", out_file)[0] == 0
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert "Dự kiến 08g00 ngày 30 tháng 01 năm 2024 (thứ Ba)." in lines
    assert "(Ngày 20 tháng 12 năm Quý Mão (âm lịch))" in lines


def test_two_years_on_and_wrong_usage(capsys, db_target):
    assert run(capsys, "--db", db_target, "import", FIXTURE_FILES[0])[0] == 0
    code, out, _err = run(capsys, "--db", db_target, "copy", "1", "--years", "2")
    assert code == 0
    assert "thứ Ba 31/01/2023 → thứ Ba 28/01/2025 (29 tháng Chạp năm Giáp Thìn)\n      ! ngày nghỉ lễ: Tết Nguyên đán" in out
    assert run(capsys, "--db", db_target, "copy", "1", "--years", "0")[0] == 2
    code, _out, err = run(capsys, "--db", db_target, "copy", "9")
    assert code == 1 and err.startswith("Lỗi:")


def test_a_timeline_by_month_and_a_flagged_weekend(capsys, db_target):
    assert run(capsys, "--db", db_target, "import", FIXTURE_FILES[3])[0] == 0
    code, out, _err = run(capsys, "--db", db_target, "copy", "1")
    assert code == 0
    assert "- Mục V, bước 1: ngày bắt đầu: tháng 11/2019 → tháng 11/2020\n" in out
    assert ("- Mục II: ngày tổ chức: thứ Bảy 11/04/2020 → Chủ nhật 11/04/2021 (30 tháng 2 năm Tân Sửu)\n"
            "      ! rơi vào Chủ nhật\n") in out
    database = open_database(db_target)
    try:
        copy = PlanStore(database).get(int(out.splitlines()[-1]))
    finally:
        database.close()
    steps = copy.sections[4].content.steps
    assert (steps[0].when.start, steps[1].when.start, steps[1].when.end) == ("2020-11", "2020-12", "2021-02")
    assert "nhiệm kỳ 2017 - 2022" in copy.title
