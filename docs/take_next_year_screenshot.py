"""The screenshot of "Tạo kế hoạch năm sau" (docs/images/ke-hoach-nam-sau.png):
a real SQLite database holding the five example plans, the window at
1366×728, example 000 selected, Tệp → Tạo kế hoạch năm sau… triggered as a
clerk chooses it, and its review dialog grabbed once it shows:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/take_next_year_screenshot.py

Uses take_screenshots.py's helpers and a throw-away folder
($TMPDIR/kehoach-anh-nam-sau, emptied first)."""
from __future__ import annotations

import sys

from take_screenshots import examples_window, save, settle, shrink, written


def main() -> int:
    app, db, window, _workdir = examples_window("kehoach-anh-nam-sau", 1366, 728)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kehoach_desktop.ui.next_year_dialog import NextYearDialog

    window.select_plan(min(plan_id for plan_id, _day, _status in window.store.list_keys()))  # example 000
    settle(app)
    shown: list[bool] = []

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NextYearDialog):
            QTimer.singleShot(200, grab)
            return
        settle(app, 30)
        save(dialog, "ke-hoach-nam-sau")
        shown.append(True)
        dialog.reject()

    QTimer.singleShot(500, grab)
    window.new_plan_actions.next_year_action.trigger()
    settle(app)
    assert shown, "the dialog did not show"
    window.close()
    db.close()
    shrink(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
