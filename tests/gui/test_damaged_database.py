"""A damaged database at start (issue 16, point 4): the real program's start
(ui/app.main) shows the offer of the newest good backup, answered by a
clerk (tests/dialog_helpers.py, nothing patched); restoring moves the
damaged file aside, never deleting it, and the window opens on the copy.
Real damaged files (tests/damaged_db.py)."""
from __future__ import annotations

import sys

import pytest
from damaged_db import damage, database_with_plans, is_damaged
from dialog_helpers import Clerk

from kehoach_desktop.store import backups as b
from kehoach_desktop.ui import app

TITLES = [f"Kế hoạch {i}" for i in range(6)]


@pytest.fixture
def damaged(tmp_path, monkeypatch, qapp):
    """A database whose good copy of an earlier day lies in backups/, then
    damaged; app.main installs its exception hook, put back after."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = database_with_plans(tmp_path / "kehoach.sqlite3", TITLES)
    folder = tmp_path / "backups"
    folder.mkdir(exist_ok=True)
    good = folder / f"kehoach-20261201-080000-{b.DAILY}.sqlite3"
    good.write_bytes(path.read_bytes())  # closed: a plain copy is a whole one
    return path, good


@pytest.mark.parametrize("schema", [False, True], ids=["found-by-the-days-copy", "found-on-opening"])
def test_the_offer_restores_the_newest_good_copy(damaged, capsys, schema):
    path, good = damaged
    damage(path, schema=schema)
    damaged_bytes = path.read_bytes()
    with Clerk(button="Khôi phục bản sao lưu") as clerk:
        code = app.main(["--db", str(path), "--smoke"])
    assert code == 0
    title, text = clerk.boxes[0]
    assert title == "Cơ sở dữ liệu bị hỏng" and "bị hỏng" in text
    assert "01/12/2026" in clerk.messages[0] and "6 kế hoạch" in clerk.messages[0]
    assert clerk.boxes[1][0] == "Đã khôi phục"
    assert "smoke: 6 kế hoạch" in capsys.readouterr().out  # the window opened on the copy
    aside = [p for p in path.parent.iterdir() if p.name.startswith("kehoach-hong-")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes and is_damaged(aside[0])
    assert str(aside[0]) in clerk.messages[1]
    assert not is_damaged(path) and good.exists()


def test_quitting_leaves_the_damaged_file_as_it_was(damaged):
    path, _good = damaged
    damage(path)
    damaged_bytes = path.read_bytes()
    with Clerk(button="Thoát") as clerk:
        code = app.main(["--db", str(path), "--smoke"])
    assert code == 1
    assert [t for t, _ in clerk.boxes] == ["Cơ sở dữ liệu bị hỏng", "Không mở được cơ sở dữ liệu"]
    assert "bị hỏng" in clerk.boxes[1][1] and "malformed" not in clerk.boxes[1][1]
    assert path.read_bytes() == damaged_bytes
    assert not [p for p in path.parent.iterdir() if "hong" in p.name]
