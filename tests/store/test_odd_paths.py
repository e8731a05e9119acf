"""Paths are paths (issue 16, point 7): a database in a folder whose name
holds "%", "#", "?", spaces or Vietnamese letters is created, opened again,
backed up and restored, and nothing is created beside it. SQLite reads
those characters as URI syntax unless escaped (store/sqlite_uri.py)."""
from __future__ import annotations

import os
import sqlite3
from pathlib import PurePosixPath, PureWindowsPath

import pytest

from kehoach_desktop.core.model import Plan
from kehoach_desktop.store import backups as b
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.restore import restore, set_keep_count
from kehoach_desktop.store.sqlite_uri import connect_read_only, sqlite_uri

pytestmark = pytest.mark.sqlite_only

POSIX_ONLY = pytest.mark.skipif(os.name == "nt", reason="Windows forbids ? in file names")
FOLDERS = [
    "KH 50%20 xong",
    "KH #1",
    pytest.param("Hỏi? đáp", marks=POSIX_ONLY),
    "Đoàn Thanh niên – Phường Bến Nghé",
    pytest.param("a%25b#c?d=e&mode=rw", marks=POSIX_ONLY),
    "100%",
]


@pytest.mark.parametrize("folder", FOLDERS)
def test_create_reopen_back_up_and_restore(tmp_path, folder):
    path = tmp_path / folder / "kehoach.sqlite3"
    db = open_database(path)
    PlanStore(db).add(Plan(title="Kế hoạch trong thư mục lạ"))
    db.close()
    db = open_database(path)  # again: the fast path reads the schema revision through a URI
    assert [p.title for p in PlanStore(db).summaries()] == ["Kế hoạch trong thư mục lạ"]
    set_keep_count(db, 3)
    assert b.keep_count(path) == 3  # read through a read-only URI: the setting, not the default
    daily = b.backups(path)
    assert [c.reason for c in daily] == [b.DAILY]  # the day's copy, made and listed
    PlanStore(db).add(Plan(title="Thêm sau bản sao lưu"))
    before = restore(db, daily[0].path)  # the copy accepted, put back
    assert [p.title for p in PlanStore(db).summaries()] == ["Kế hoạch trong thư mục lạ"]
    db.close()
    assert before.parent == path.parent / "backups"
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # no stray file beside the folder
    assert sorted(p.name for p in path.parent.iterdir()) == ["backups", "kehoach.sqlite3"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_read_only_uri_names_the_file_and_creates_nothing(tmp_path, folder):
    path = tmp_path / folder / "kehoach.sqlite3"
    path.parent.mkdir()
    with pytest.raises(sqlite3.OperationalError):
        connect_read_only(path).execute("SELECT 1").fetchone()  # missing: refused, not created
    assert list(tmp_path.rglob("*")) == [path.parent]
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    connection = connect_read_only(path)
    assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        connection.execute("INSERT INTO t VALUES (1)")
    connection.close()


def test_the_uri_forms():
    assert sqlite_uri(PureWindowsPath(r"C:\KH 50%20 xong\Đoàn #1\kehoach.sqlite3"), read_only=True) == (
        "file:///C:/KH 50%2520 xong/Đoàn %231/kehoach.sqlite3?mode=ro")
    assert sqlite_uri(PureWindowsPath(r"\\may-chu\chung\kehoach.sqlite3")) == "file:////may-chu/chung/kehoach.sqlite3"
    assert sqlite_uri(PurePosixPath("/srv/Hỏi? đáp/a.sqlite3")) == "file:///srv/Hỏi%3F đáp/a.sqlite3"
