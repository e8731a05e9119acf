"""The screenshots of the office's calendar and of the deadlines panel
(docs/images/lich-cong-tac.png, docs/images/viec-den-han.png): a real SQLite
database holding the five example plans and one anniversary of the office's
own; the calendar opened from Xem → Lịch công tác at January 2023 (example
000's conference on 31/01, Tết, 9/1), then the main window at 1366×728 with
the deadlines panel as it opens at start on 21/02/2020 (example 003's steps
and deadlines; the panel's day is set, as its tests set it):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/take_calendar_screenshots.py

Uses take_screenshots.py's helpers and a throw-away folder
($TMPDIR/kehoach-anh-lich, emptied first)."""
from __future__ import annotations

import sys
from datetime import date

from take_screenshots import examples_window, save, settle, shrink, written

WIDTH, HEIGHT = 1366, 728


def main() -> int:
    app, db, window, _workdir = examples_window("kehoach-anh-lich", WIDTH, HEIGHT)
    from kehoach_desktop.core.marked_days import Anniversary
    from kehoach_desktop.store.office_days import OfficeDaysStore

    OfficeDaysStore(db).save([Anniversary("01-12", "Ngày thành lập Đoàn Khối")])
    window.deadlines.today = lambda: date(2020, 2, 21)
    window.calendar_action.trigger()
    calendar = window.calendar_window
    calendar.resize(WIDTH, HEIGHT)
    calendar.set_mode(calendar.MONTH)
    calendar.go_to(date(2023, 1, 1))
    settle(app, 30)
    save(calendar, "lich-cong-tac")
    calendar.close()
    window.deadlines.refresh()
    settle(app, 40)
    window.deadlines.show()
    settle(app, 20)
    save(window, "viec-den-han")
    window.close()
    db.close()
    shrink(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
