"""Tệp → "Xuất lịch ra tệp .ics…" in the real window: the save dialog
answered by a timer, the file read back with icalendar, the same events and
UIDs as `kehoach calendar --ics` on the same database (issue 21)."""
import os

from cli_helpers import run
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from icalendar import Calendar

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def uids(path):
    return [event["uid"] for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def test_the_window_exports_the_calendar_as_the_command_does(qtbot, tmp_path, capsys):
    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    try:
        PlanStore(db).add_many([kehoach_json.read_file(f) for f in FIXTURE_FILES])
        win = create_window(db)
        qtbot.addWidget(win)
        win.show()
        action = win.ics_export.action
        assert action in win.menuBar().actions()[0].menu().actions()  # in Tệp
        assert action.text() == "Xuất &lịch ra tệp .ics…"
        saved = tmp_path / "lich"  # typed without its extension: .ics is added
        with Clerk(saved) as clerk:
            action.trigger()
        assert clerk.suggested and clerk.suggested[0][1] == "lich-cong-tac.ics"
        written = tmp_path / "lich.ics"
        qtbot.waitUntil(written.exists)
        assert "Đã xuất 37 mục lịch của 5 kế hoạch" in win.statusBar().currentMessage()
        win.close()
    finally:
        db.close()
    assert run(capsys, "calendar", "--db", path, "--ics", tmp_path / "dong-lenh.ics")[0] == 0
    assert uids(written) == uids(tmp_path / "dong-lenh.ics") and len(uids(written)) == 37
