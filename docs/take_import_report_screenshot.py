"""The screenshot of the import's report (docs/images/import-report.png):
a real SQLite database holding the example plans, the window at 1366×728,
Tệp → Nhập kế hoạch có sẵn… on a real plan of another office
(tests/fixtures/other_offices, a school's Youth Union cell, written as a
text file), its file dialog answered by a timer as a clerk types the name;
then the report, as it opens beside the window:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/take_import_report_screenshot.py [FILE]

FILE, when given, is imported instead (a .docx, .doc or .txt), under its own name.
Also the whole screen (the window and the report over it) into
$TMPDIR/kehoach-anh-nhap/man-hinh.png, to look at how it sits on a laptop
(not for the guide). Uses take_screenshots.py's helpers and a throw-away
folder ($TMPDIR/kehoach-anh-nhap, emptied first)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from take_screenshots import REPO, examples_window, save, settle, shrink, written

WIDTH, HEIGHT = 1366, 728
PLAN = REPO / "tests" / "fixtures" / "other_offices" / "coso-chi-doan-thcs-khanh-thuong-2020.txt"
FILE_NAME = "ke-hoach-chi-doan-khanh-thuong.txt"


def answer_file_dialog(path: Path) -> None:
    """Types ``path`` into the file dialog once it shows (Qt's own dialog,
    as ui/file_dialogs.py gives it off Windows)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    def tick() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QFileDialog):
            modal.findChild(QLineEdit, "fileNameEdit").setText(str(path))
            modal.accept()
            timer.stop()

    timer = QTimer(QApplication.instance())
    timer.setInterval(100)
    timer.timeout.connect(tick)
    timer.start()


def main() -> int:
    given = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else None
    app, db, window, workdir = examples_window("kehoach-anh-nhap", WIDTH, HEIGHT)
    source = workdir / (given.name if given else FILE_NAME)
    shutil.copyfile(given or PLAN, source)
    answer_file_dialog(source)
    window.document_actions.import_existing_action.trigger()
    settle(app)
    dialog = window.document_actions.last_report_box
    assert dialog is not None and dialog.isVisible(), "no report after the import"
    settle(app, 30)
    save(dialog, "import-report")
    screen = app.primaryScreen().grabWindow(0)
    screen.save(str(workdir / "man-hinh.png"))
    print(workdir / "man-hinh.png", f"{screen.width()}x{screen.height()}")
    dialog.close()
    window.close()
    db.close()
    shrink(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
