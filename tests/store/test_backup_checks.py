"""Backups and restore check before they touch anything (issue 16, points 3
and 4): a copy is verified before the database is replaced, a copy is
written under a temporary name and verified before it counts, a damaged
database is never copied over good copies, and a damaged database at start
is named as such with its newest good copy. Real files, really damaged
(tests/damaged_db.py)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest
from damaged_db import damage, database_with_plans, is_damaged

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import Plan
from kehoach_desktop.store import backups as b
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.restore import restore

pytestmark = pytest.mark.sqlite_only


def titles(path) -> list[str]:
    db = open_database(path)
    try:
        return sorted(p.title for p in PlanStore(db).summaries())
    finally:
        db.close()


def set_revision(path, revision: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


def test_a_copy_made_by_a_newer_version_is_refused_before_the_database_is_touched(tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", ["Kế hoạch hiện tại"])
    newer = b.copy_of(path, b.BY_HAND)
    set_revision(newer, "9999_tu_phien_ban_sau")
    before = path.read_bytes()
    db = open_database(path)
    with pytest.raises(UserError, match="phiên bản mới hơn") as refused:
        restore(db, newer)
    db.close()
    assert "Không có gì bị thay đổi" in str(refused.value)
    assert path.read_bytes() == before  # not one byte written
    assert sorted(c.reason for c in b.backups(path)) == [b.BY_HAND, b.DAILY]  # no "before restore" copy either
    assert titles(path) == ["Kế hoạch hiện tại"]  # and every later start opens it


def test_a_damaged_copy_is_refused_before_the_database_is_touched(tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", ["Kế hoạch hiện tại"])
    copy = b.copy_of(path, b.BY_HAND)
    damage(copy)
    db = open_database(path)
    with pytest.raises(UserError, match="hỏng"):
        restore(db, copy)
    db.close()
    assert sorted(c.reason for c in b.backups(path)) == [b.BY_HAND, b.DAILY]
    assert titles(path) == ["Kế hoạch hiện tại"]


def test_a_damaged_database_never_pushes_out_the_good_copies(tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", [f"Kế hoạch {i}" for i in range(8)])
    folder = tmp_path / "backups"
    folder.mkdir(exist_ok=True)
    good = []
    for day in range(1, 11):  # ten good daily copies of the days before
        copy = folder / f"kehoach-202611{day:02}-090000-{b.DAILY}.sqlite3"
        copy.write_bytes(path.read_bytes())
        good.append(copy)
    damage(path)
    assert is_damaged(path)
    for days in range(12):  # twelve days of starts on the damaged database
        with pytest.raises(UserError, match="bị hỏng"):
            b.daily_backup(path, date.today() + timedelta(days=days))
    assert sorted(c.path for c in b.backups(path)) == sorted(good)  # every good copy kept, nothing added
    assert sorted(p.name for p in folder.iterdir()) == sorted(c.name for c in good)  # no temporary file left
    assert not any(is_damaged(c) for c in good)


def test_the_days_copy_is_checked_before_it_counts_and_prunes(tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", ["Một kế hoạch"])
    folder = tmp_path / "backups"
    folder.mkdir()
    stamp = date.today().strftime("%Y%m%d")
    empty = folder / f"kehoach-{stamp}-000001-{b.DAILY}.sqlite3"  # what a failed copy used to leave
    empty.write_bytes(b"")
    made = b.daily_backup(path)
    assert made is not None and made.stat().st_size > 0 and not is_damaged(made)
    assert not empty.exists()  # an empty file is no copy: not today's, and not kept
    assert [c.path for c in b.backups(path)] == [made]


CHILD = """
import resource, signal, sys
from pathlib import Path
from kehoach_desktop.store import backups as b
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
try:
    b.daily_backup(Path(sys.argv[1]))
except Exception as exc:
    print(type(exc).__name__)
    sys.exit(3)
"""


@pytest.mark.skipif(os.name == "nt", reason="RLIMIT_FSIZE is POSIX")
def test_a_copy_that_fails_half_way_leaves_nothing(tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", [f"Kế hoạch {i}" for i in range(8)])
    folder = tmp_path / "backups"
    folder.mkdir()
    limit = path.stat().st_size // 2
    child = subprocess.run([sys.executable, "-c", CHILD, str(path), str(limit)], capture_output=True, text=True,
                           env={**os.environ}, timeout=120)
    assert child.returncode == 3, child.stderr
    assert list(folder.iterdir()) == []  # no half copy, no empty file counting as today's
    made = b.daily_backup(path)  # and the next start makes the day's copy
    assert made is not None and not is_damaged(made)


def test_restore_checks_first_then_keeps_the_current_state(tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", ["Kế hoạch cũ"])
    copy = b.copy_of(path, b.BY_HAND)
    db = open_database(path)
    PlanStore(db).add(Plan(title="Kế hoạch mới"))
    before = restore(db, copy)
    db.close()
    assert titles(path) == ["Kế hoạch cũ"] and not is_damaged(before)
    assert titles(before) == ["Kế hoạch cũ", "Kế hoạch mới"]


def test_a_stale_partial_copy_is_removed_and_a_fresh_one_left(tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", ["Một kế hoạch"])
    folder = tmp_path / "backups"
    folder.mkdir()
    stale = folder / f"kehoach-20261101-090000-{b.DAILY}.sqlite3.tmp"  # a program killed while copying
    fresh = folder / f"kehoach-20261206-090000-{b.DAILY}.sqlite3.tmp"  # another program copying now
    for partial in (stale, fresh):
        partial.write_bytes(b"SQLite format 3\x00")
    old = (datetime.now() - timedelta(days=2)).timestamp()
    os.utime(stale, (old, old))
    made = b.daily_backup(path)
    assert not stale.exists() and fresh.exists()
    assert [c.path for c in b.backups(path)] == [made]  # a partial copy is never listed


def test_restoring_over_a_damaged_database_moves_it_aside(tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", [f"Kế hoạch {i}" for i in range(6)])
    db = open_database(path)  # open, today's copy made: then the disk damages the file
    good = b.backups(path)[0].path
    damage(path)
    damaged_bytes = path.read_bytes()
    aside = restore(db, good)  # Tệp → Khôi phục…: the damaged state cannot be copied, it is moved aside
    assert aside.parent == path.parent and aside.name.startswith("kehoach-hong-")
    assert aside.read_bytes() == damaged_bytes
    assert len(PlanStore(db).summaries()) == 6  # the same Database, on the restored file
    db.close()
    assert not is_damaged(path)
