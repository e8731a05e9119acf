"""`kehoach backup list / restore`, a damaged database named with the
command that restores its newest good copy, and odd folder names through
the command line (issue 16, points 4 and 7). SQLite files only: a server is
backed up by its server."""
from __future__ import annotations

import json
import os
import shlex
import sqlite3

import pytest
from cli_helpers import run
from damaged_db import damage, database_with_plans, is_damaged

from kehoach_desktop.core.model import Plan
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store import backups as b

pytestmark = pytest.mark.sqlite_only


def listed(capsys, path) -> list[str]:
    code, out, err = run(capsys, "--db", path, "list", "--json")
    assert code == 0, err
    return sorted(p["title"] for p in json.loads(out))


def test_a_damaged_database_names_its_newest_good_copy_and_the_command_restores_it(capsys, tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", [f"Kế hoạch {i}" for i in range(6)])
    assert listed(capsys, path)  # the day's copy made, good
    good = b.backups(path)[0].path
    older = tmp_path / "backups" / f"kehoach-20260101-090000-{b.DAILY}.sqlite3"
    older.write_bytes(good.read_bytes())
    good.unlink()  # the newest good copy is then an older one: one good copy of an earlier day
    damage(path)
    code, out, err = run(capsys, "--db", path, "list")
    assert code == 1 and out == ""
    assert "bị hỏng" in err and str(older) in err
    assert "malformed" not in err and "SQL" not in err
    command = err.strip().splitlines()[-1].strip()
    words = shlex.split(command) if os.name != "nt" else command.split()
    assert words[:3] == ["kehoach", "backup", "restore"]
    code, out, err = run(capsys, *words[1:])  # the command as printed
    assert code == 0, err
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("kehoach-hong-")]
    assert len(aside) == 1 and is_damaged(aside[0]) and str(aside[0]) in out  # kept, never deleted
    assert listed(capsys, path) == [f"Kế hoạch {i}" for i in range(6)]


def test_backup_list_and_restore_of_a_sound_database(capsys, tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", ["Kế hoạch cũ"])
    listed(capsys, path)
    code, out, _ = run(capsys, "--db", path, "backup", "list")
    copy = b.backups(path)[0].path
    assert code == 0 and str(copy) in out and "tự động hằng ngày" in out
    plan_file = tmp_path / "moi.kehoach.json"
    kehoach_json.write_file(Plan(title="Kế hoạch mới"), plan_file)
    assert run(capsys, "--db", path, "import", plan_file)[0] == 0
    code, out, err = run(capsys, "--db", path, "backup", "restore", copy)
    assert code == 0, err
    assert listed(capsys, path) == ["Kế hoạch cũ"]
    assert any(c.reason == b.BEFORE_RESTORE for c in b.backups(path))


def test_a_backup_from_a_newer_version_is_refused_and_the_database_still_opens(capsys, tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", ["Kế hoạch hiện tại"])
    newer = b.copy_of(path, b.BY_HAND)
    connection = sqlite3.connect(newer)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    code, _, err = run(capsys, "--db", path, "backup", "restore", newer)
    assert code == 1 and "phiên bản mới hơn" in err
    assert listed(capsys, path) == ["Kế hoạch hiện tại"]


POSIX_ONLY = pytest.mark.skipif(os.name == "nt", reason="Windows forbids ? in file names")


@pytest.mark.parametrize("folder", ["KH 50%20 xong", "KH #1", pytest.param("Hỏi? đáp", marks=POSIX_ONLY),
                                    "Đoàn phường Bến Nghé"])
def test_odd_folder_names_through_the_command_line(capsys, tmp_path, folder):
    path = tmp_path / folder / "kehoach.sqlite3"
    plan_file = tmp_path / "plan.kehoach.json"
    kehoach_json.write_file(Plan(title="Kế hoạch"), plan_file)
    assert run(capsys, "--db", path, "import", plan_file)[0] == 0  # created
    assert listed(capsys, path) == ["Kế hoạch"]  # opened again, the day's copy made
    code, out, err = run(capsys, "--db", path, "backup", "list")
    assert code == 0 and out.count(str(path.parent / "backups")) == 1
    copy = b.backups(path)[0].path
    assert run(capsys, "--db", path, "backup", "restore", copy)[0] == 0
    assert listed(capsys, path) == ["Kế hoạch"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([folder, plan_file.name])  # no stray file


def test_damage_met_after_the_days_copy_is_named_too(capsys, tmp_path):
    path = database_with_plans(tmp_path / "kehoach.sqlite3", [f"Kế hoạch {i}" for i in range(6)])
    assert listed(capsys, path)  # today's copy made and checked: the next opening does not copy again
    damage(path)
    code, out, err = run(capsys, "--db", path, "list")
    assert code == 1 and "bị hỏng" in err and "kehoach backup restore" in err
    assert "Lỗi không mong đợi" not in err and "malformed" not in err
