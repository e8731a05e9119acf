"""Screenshots of a wide table on landscape pages and of a table with
merged cells (docs/huong-dan.md, the table paragraphs), in the real window
on a real SQLite database:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/take_landscape_screenshots.py

- cua-so-bang-ngang.png: the parity test's plan "phu-luc-ngang" (an
  appendix that is an eight-column table marked landscape), the appendix's
  page open, the live preview on its first landscape page;
- xem-truoc-in-ngang.png: "Xem trước khi in" on the same plan, the
  landscape page turned on its sheet, as it comes out of the printer;
- cua-so-gop-o.png: the parity test's "bang-gop-o" (a unit's name merged
  down its rows, group titles merged across), its grid open on a merged
  cell, the preview on the same rows.

Uses a throw-away folder ($TMPDIR/kehoach-anh-ngang, emptied first).
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from take_incident_screenshots import open_window, save_with_dialog
from take_screenshots import REPO, save, settle, shrink, written


def main() -> int:
    workdir = Path(tempfile.gettempdir()) / "kehoach-anh-ngang"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    os.environ["KEHOACH_DATA_DIR"] = str(workdir)
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "tests"))
    from parity_plans import named_plans
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication

    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.ui.app import application

    app = application()
    plans = dict(named_plans())
    plan = plans["phu-luc-ngang"]
    db = open_database(workdir / "kehoach.sqlite3")
    plan_id = PlanStore(db).add(plan)
    merged_id = PlanStore(db).add(plans["bang-gop-o"])
    window = open_window(app, db, plan_id)
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.appendix_pages[0])
    settle(app)
    preview = window.preview
    first = preview.document.landscape.index(True)
    preview.go_to_page(first)
    settle(app)
    save(window, "cua-so-bang-ngang")

    shown: list[QPrintPreviewDialog] = []

    def grab() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QPrintPreviewDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(200, grab)
            return
        shown.append(dialog)
        dialog.resize(1000, 600)
        frame = window.frameGeometry()
        dialog.move(frame.center().x() - 500, frame.center().y() - 290)
        settle(app, 30)

        view = dialog.findChild(QPrintPreviewWidget)
        view.setViewMode(QPrintPreviewWidget.ViewMode.FacingPagesView)
        view.setCurrentPage(first + 1)
        settle(app, 30)
        save_with_dialog(dialog, "xem-truoc-in-ngang")
        dialog.reject()

    QTimer.singleShot(300, grab)
    window.document_actions.preview_action.trigger()
    assert shown, "the print preview never showed"

    window.select_plan(merged_id)
    settle(app)
    table_page = next(page for page in window.editor.section_pages if page.kind == "table")
    window.editor.tabs.setCurrentWidget(table_page)
    settle(app)
    grid = table_page.editor.grid
    grid.setCurrentCell(2, 0)  # "Đoàn phường 1", merged down three rows
    settle(app)
    window.preview.scroll_to_block("II. PHÂN CÔNG")
    settle(app)
    save(window, "cua-so-gop-o")
    window.close()
    db.close()
    shrink(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
