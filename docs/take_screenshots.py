"""Screenshots of the window for the user guide, with example plan 000 open:
one per editor tab, on a real X screen.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/take_screenshots.py

Writes docs/images/cua-so-*.png. Uses a throw-away database and data folder.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
EXAMPLE = next((REPO / "tests" / "fixtures" / "plans").glob("000_*.kehoach.json"))
# file name for each tab, in tab order
TAB_FILES = ["cua-so-thong-tin-chung", "cua-so-muc-dich-yeu-cau", "cua-so-thoi-gian-dia-diem",
             "cua-so-thanh-phan", "cua-so-chuong-trinh", "cua-so-to-chuc-thuc-hien", "cua-so-ket-thuc-ky",
             "cua-so-khach-moi"]


def fill_attendees(page) -> None:
    """The list made from the plan's participants, a few names filled in
    (made-up people: the plan names roles)."""
    from kehoach_desktop.ui.attendees_tab import COL

    page.generate()
    for row, (name, reply) in enumerate((("Nguyễn Văn An", "Tham dự"), ("Trần Thị Bích", "Tham dự"),
                                         ("Lê Hoàng Châu", "Cử người thay"))):
        page.model.setData(page.model.index(row, COL["name"]), name)
        page.model.setData(page.model.index(row, COL["reply"]), reply)


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="kehoach-anh-"))
    os.environ["KEHOACH_DATA_DIR"] = str(workdir)
    sys.path.insert(0, str(REPO))
    from kehoach_desktop.formats import kehoach_json
    from kehoach_desktop.logs import set_up as set_up_log
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.ui.app import application, create_window

    set_up_log("window")  # as the program does at start: the About dialog shows the log folder in use
    app = application()
    db = open_database(workdir / "anh.sqlite3")
    PlanStore(db).add(kehoach_json.read_file(EXAMPLE))
    window = create_window(db)
    window.resize(1500, 900)
    window.splitter.setSizes([330, 640, 530])
    window.show()
    for _ in range(20):
        app.processEvents()
    IMAGES.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(TAB_FILES):
        window.editor.tabs.setCurrentIndex(index)
        if window.editor.tabs.currentWidget() is window.editor.attendees:
            fill_attendees(window.editor.attendees)
        for _ in range(10):
            app.processEvents()
        window.grab().save(str(IMAGES / f"{name}.png"))
        print(IMAGES / f"{name}.png")
    extra_screenshots(app, window, db)
    window.close()
    db.close()
    return 0


def extra_screenshots(app, window, db) -> None:
    """The format checker's panel, and the plan once issued (read-only,
    under its banner) with the register of outgoing documents."""
    from datetime import date

    from kehoach_desktop.formats.docx_export import render_docx
    from kehoach_desktop.store.office import OfficeStore
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.store.register import Register
    from kehoach_desktop.ui.register_dialog import RegisterDialog

    def settle():
        for _ in range(15):
            app.processEvents()

    window.editor.tabs.setCurrentIndex(0)
    window.checks.check_action.trigger()
    settle()
    window.grab().save(str(IMAGES / "cua-so-kiem-tra-the-thuc.png"))
    window.checks.dock.hide()
    store = PlanStore(db)
    draft = store.get(1)
    draft.status, draft.number.value, draft.plan_date = "draft", None, None
    draft_id = store.add(draft)
    OfficeStore(db).set("term_start", "2022-10-01")
    Register(db).issue(draft_id, date(2023, 1, 3), render=render_docx)
    window.reload()
    window.select_plan(draft_id)
    settle()
    window.grab().save(str(IMAGES / "cua-so-da-ban-hanh.png"))
    dialog = RegisterDialog(db, window)
    dialog.resize(1000, 320)
    dialog.show()
    settle()
    dialog.grab().save(str(IMAGES / "so-van-ban-di.png"))
    dialog.close()
    for name in ("cua-so-kiem-tra-the-thuc", "cua-so-da-ban-hanh", "so-van-ban-di"):
        print(IMAGES / f"{name}.png")
    search_and_about(app, window, db, settle)


def search_and_about(app, window, db, settle) -> None:
    """The list searched without diacritics over the five examples, and
    Trợ giúp → Giới thiệu."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kehoach_desktop.formats import kehoach_json
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.ui.about_dialog import AboutDialog

    store = PlanStore(db)
    for path in sorted(EXAMPLE.parent.glob("*.kehoach.json"))[1:]:
        store.add(kehoach_json.read_file(path))
    window.reload()
    window.search.setFocus()
    QTest.keyClicks(window.search, "lien doan lao dong")
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    settle()
    window.grab().save(str(IMAGES / "cua-so-tim-kiem.png"))
    dialog = AboutDialog(db, window)
    dialog.show()
    settle()
    dialog.grab().save(str(IMAGES / "gioi-thieu.png"))
    dialog.close()
    for name in ("cua-so-tim-kiem", "gioi-thieu"):
        print(IMAGES / f"{name}.png")


if __name__ == "__main__":
    sys.exit(main())
