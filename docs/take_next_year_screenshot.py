"""The screenshot of "Tạo kế hoạch năm sau" (docs/images/ke-hoach-nam-sau.png):
a real SQLite database holding the five example plans, the window at
1366×728, example 000 selected, Tệp → Tạo kế hoạch năm sau… triggered as a
clerk chooses it, and its review dialog grabbed once it shows:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/take_next_year_screenshot.py

Uses take_screenshots.py's helpers and a throw-away folder
($TMPDIR/kehoach-anh-nam-sau, emptied first)."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from take_screenshots import EXAMPLES, REPO, at_size, save, settle, shrink, written

WIDTH, HEIGHT = 1366, 728


def main() -> int:
    workdir = Path(tempfile.gettempdir()) / "kehoach-anh-nam-sau"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    os.environ["KEHOACH_DATA_DIR"] = str(workdir)
    sys.path.insert(0, str(REPO))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kehoach_desktop.formats import kehoach_json
    from kehoach_desktop.logs import set_up as set_up_log
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.ui.app import application, create_window
    from kehoach_desktop.ui.next_year_dialog import NextYearDialog

    set_up_log("window")
    app = application()
    db = open_database(workdir / "kehoach.sqlite3")
    store = PlanStore(db)
    first = [store.add(kehoach_json.read_file(path)) for path in EXAMPLES][0]
    window = create_window(db)
    window.show()
    settle(app)
    at_size(app, window, WIDTH, HEIGHT)
    window.select_plan(first)
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
