"""Automatic daily backups (the newest N kept) and restoring one."""
from datetime import date

import pytest

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import Plan
from kehoach_desktop.store import backups as b
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.restore import restore, set_keep_count


def test_one_automatic_copy_a_day_and_the_newest_kept(tmp_path):
    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    PlanStore(db).add(Plan(title="Hội nghị"))
    set_keep_count(db, 3)
    db.close()
    assert b.keep_count(path) == 3
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(20, 26):  # copies of earlier days, and one made before an upgrade
        (folder / f"kehoach-202611{day}-090000-{b.DAILY}.sqlite3").write_bytes(path.read_bytes())
    (folder / "kehoach-20261101-090000-truoc-nang-cap-0004.sqlite3").write_bytes(path.read_bytes())
    made = b.daily_backup(path, date.today())
    assert made is not None and b.daily_backup(path, date.today()) is None  # once a day
    daily = [c for c in b.backups(path) if c.reason == b.DAILY]
    assert [c.path for c in daily] == [made, folder / f"kehoach-20261125-090000-{b.DAILY}.sqlite3",
                                       folder / f"kehoach-20261124-090000-{b.DAILY}.sqlite3"]
    assert daily[0].reason_label == "tự động hằng ngày"
    upgrade = [c for c in b.backups(path) if c.reason != b.DAILY]
    assert [c.reason_label for c in upgrade] == ["trước khi nâng cấp phiên bản"]  # never pruned


def test_restore_brings_the_old_state_back_and_keeps_the_current_one(tmp_path):
    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    store = PlanStore(db)
    first = store.add(Plan(title="Kế hoạch cũ"))
    copy = b.daily_backup(path)
    store.add(Plan(title="Kế hoạch mới, sau bản sao lưu"))
    before = restore(db, copy)
    assert [p.title for p in PlanStore(db).summaries()] == ["Kế hoạch cũ"]  # the same Database object, reconnected
    assert PlanStore(db).get(first).title == "Kế hoạch cũ"
    assert before.exists() and "truoc-khoi-phuc" in before.name
    assert {c.reason_label for c in b.backups(path)} >= {"trước khi khôi phục", "tự động hằng ngày"}
    restore(db, before)  # and back again
    assert len(PlanStore(db).summaries()) == 2
    db.close()


def test_a_damaged_or_foreign_copy_is_refused_and_nothing_changes(tmp_path):
    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    PlanStore(db).add(Plan(title="Giữ nguyên"))
    junk = tmp_path / "hong.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(UserError, match="hong.sqlite3"):
        restore(db, junk)
    other = tmp_path / "khac.sqlite3"
    import sqlite3

    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE x (a)")
    connection.close()
    with pytest.raises(UserError, match="không phải bản sao lưu"):
        restore(db, other)
    assert [p.title for p in PlanStore(db).summaries()] == ["Giữ nguyên"]
    with pytest.raises(UserError, match="từ 1 đến"):
        set_keep_count(db, 0)
    db.close()


def test_opening_a_database_makes_the_days_copy_once(tmp_path):
    path = tmp_path / "kehoach.sqlite3"
    open_database(path).close()  # a new, empty database: nothing to keep yet
    assert b.backups(path) == []
    for _ in range(3):
        open_database(path).close()
    assert [c.reason for c in b.backups(path)] == [b.DAILY]
