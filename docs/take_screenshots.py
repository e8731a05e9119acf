"""Screenshots of the window for the user guide (docs/huong-dan.md), on a
real X screen, at the two laptop sizes the window is made to fit: 1366×728
and 1280×680 (1366×768 and 1280×720 screens minus a taskbar).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/take_screenshots.py

The screen is larger than the window so that no size is squeezed by the
screen: the window is resized to exactly each size. Uses a throw-away data
folder ($TMPDIR/kehoach-anh-huong-dan, emptied first) and a real SQLite
database holding the five example plans (tests/fixtures/plans), read and
stored as `kehoach import` does. For each size:

- every page of the editor's list (Thông tin chung, I. … V., Kết thúc – Nơi
  nhận – Ký, Khách mời) with example 000 open: cua-so-<page>.png;
- the preview widened, at "Vừa chiều rộng": cua-so-xem-truoc.png;
- the welcome page of an empty database: cua-so-chao-mung.png;

the 1366×728 ones under those names, the 1280×680 ones with "-1280" before
".png". Then, at 1366×728: the format checker's panel, the plan once issued,
the register, the search, the About dialog, and the preview detached into
its own window. The images are made smaller with pngquant and optipng when
they are installed (apt install pngquant optipng); without them, as Qt
writes them. The incidents (a conflict, a locked or damaged database…) are
taken by docs/take_incident_screenshots.py, with these helpers.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
EXAMPLES = sorted((REPO / "tests" / "fixtures" / "plans").glob("*.kehoach.json"))  # 000 first
# (width, height, what goes before ".png"); the first size is the guide's main one
SIZES = ((1366, 728, ""), (1280, 680, "-1280"))
# file name of each page of the editor of example 000, in the list's order
PAGE_FILES = ["cua-so-thong-tin-chung", "cua-so-muc-dich-yeu-cau", "cua-so-thoi-gian-dia-diem",
              "cua-so-thanh-phan", "cua-so-chuong-trinh", "cua-so-to-chuc-thuc-hien", "cua-so-ket-thuc-ky",
              "cua-so-khach-moi"]
written: list[Path] = []


def settle(app, rounds: int = 15) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget, name: str) -> None:
    path = IMAGES / f"{name}.png"
    widget.grab().save(str(path))
    written.append(path)
    print(path, f"{widget.width()}x{widget.height()}")


def fill_attendees(page) -> None:
    """The list made from the plan's participants, a few names filled in
    (made-up people: the plan names roles)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kehoach_desktop.ui.attendees_tab import COL

    if page.model.rowCount() == 0:
        # generating ends with a message box (what was added, what was left out): closed as a clerk would
        closer = QTimer(page)
        closer.timeout.connect(lambda: (box := QApplication.activeModalWidget()) is not None and box.accept())
        closer.start(50)
        page.generate()
        closer.stop()
    for row, (name, reply) in enumerate((("Nguyễn Văn An", "Tham dự"), ("Trần Thị Bích", "Tham dự"),
                                         ("Lê Hoàng Châu", "Cử người thay"))):
        page.model.setData(page.model.index(row, COL["name"]), name)
        page.model.setData(page.model.index(row, COL["reply"]), reply)


def show_first_line(page) -> None:
    """In a free-content outline, the first line under the first
    subsection chosen: its text and its "Kiểu dòng" below the outline."""
    from PySide6.QtWidgets import QTreeWidget

    tree = page.findChild(QTreeWidget)
    tree.setCurrentItem(tree.topLevelItem(0).child(0))


def at_size(app, window, width: int, height: int) -> None:
    """The window at exactly this size, its panes shared as on first start."""
    window.resize(width, height)
    settle(app)
    window._share_panes()  # as _fit_to_screen does when the window opens at this size
    settle(app)
    assert (window.width(), window.height()) == (width, height), (window.width(), window.height())


def examples_window(folder: str, width: int, height: int):
    """(app, db, window, workdir): a throw-away data folder ($TMPDIR/<folder>, emptied first), a real
    SQLite database in it holding the five example plans (as `kehoach import` stores them), and the
    window on it, shown at width×height. For the scripts of one screenshot each."""
    workdir = Path(tempfile.gettempdir()) / folder
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    os.environ["KEHOACH_DATA_DIR"] = str(workdir)
    sys.path.insert(0, str(REPO))
    from kehoach_desktop.formats import kehoach_json
    from kehoach_desktop.logs import set_up as set_up_log
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.ui.app import application, create_window

    set_up_log("window")
    app = application()
    db = open_database(workdir / "kehoach.sqlite3")
    store = PlanStore(db)
    for path in EXAMPLES:
        store.add(kehoach_json.read_file(path))
    window = create_window(db)
    window.show()
    settle(app)
    at_size(app, window, width, height)
    return app, db, window, workdir


def main() -> int:
    # A fixed folder, so that the status bar reads the same in every run (it names the database).
    workdir = Path(tempfile.gettempdir()) / "kehoach-anh-huong-dan"
    shutil.rmtree(workdir, ignore_errors=True)
    (workdir / "trong").mkdir(parents=True)
    os.environ["KEHOACH_DATA_DIR"] = str(workdir)
    sys.path.insert(0, str(REPO))
    from kehoach_desktop.formats import kehoach_json
    from kehoach_desktop.logs import set_up as set_up_log
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.ui.app import application, create_window
    from kehoach_desktop.ui.page_preview import FIT_WIDTH

    set_up_log("window")  # as the program does at start: the About dialog shows the log folder in use
    app = application()
    IMAGES.mkdir(parents=True, exist_ok=True)

    empty = open_database(workdir / "trong" / "kehoach.sqlite3")
    welcome = create_window(empty)
    welcome.show()
    settle(app)
    for width, height, suffix in SIZES:
        at_size(app, welcome, width, height)
        save(welcome, f"cua-so-chao-mung{suffix}")
    welcome.close()
    empty.close()

    db = open_database(workdir / "kehoach.sqlite3")
    store = PlanStore(db)
    first = None
    for path in EXAMPLES:
        plan_id = store.add(kehoach_json.read_file(path))
        first = first or plan_id
    window = create_window(db)
    window.show()
    settle(app)
    window.select_plan(first)
    settle(app)
    tabs = window.editor.tabs
    assert tabs.count() == len(PAGE_FILES), [tabs.tabText(i) for i in range(tabs.count())]
    for width, height, suffix in SIZES:
        at_size(app, window, width, height)
        for index, name in enumerate(PAGE_FILES):
            tabs.setCurrentIndex(index)
            if tabs.currentWidget() is window.editor.attendees:
                fill_attendees(window.editor.attendees)
            elif name == "cua-so-muc-dich-yeu-cau":
                show_first_line(tabs.currentWidget())
            settle(app)
            save(window, f"{name}{suffix}")
        # The preview given the room the list and the editor can spare, zoomed to fit its width.
        tabs.setCurrentIndex(0)
        window.splitter.setSizes([0, 0, width])
        window.preview.set_zoom(FIT_WIDTH)
        settle(app)
        window.preview.go_to_page(0)
        settle(app)
        save(window, f"cua-so-xem-truoc{suffix}")
    at_size(app, window, *SIZES[0][:2])
    extra_screenshots(app, window, db, first)
    window.close()
    db.close()
    shrink(written)
    return 0


def extra_screenshots(app, window, db, first: int) -> None:
    """The format checker's panel, and the plan once issued (read-only,
    under its banner) with the register of outgoing documents."""
    from datetime import date

    from kehoach_desktop.formats.docx_export import render_docx
    from kehoach_desktop.store.office import OfficeStore
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.store.register import Register
    from kehoach_desktop.ui.register_dialog import RegisterDialog

    window.editor.tabs.setCurrentIndex(0)
    window.checks.check_action.trigger()
    settle(app)
    save(window, "cua-so-kiem-tra-the-thuc")
    window.checks.dock.hide()
    store = PlanStore(db)
    draft = store.get(first)
    draft.status, draft.number.value, draft.plan_date = "draft", None, None
    draft_id = store.add(draft)
    OfficeStore(db).set("term_start", "2022-10-01")
    Register(db).issue(draft_id, date(2023, 1, 3), render=render_docx)
    window.reload()
    window.select_plan(draft_id)
    settle(app)
    save(window, "cua-so-da-ban-hanh")
    dialog = RegisterDialog(db, window)
    dialog.resize(1000, 320)
    dialog.show()
    settle(app)
    save(dialog, "so-van-ban-di")
    dialog.close()
    search_and_about(app, window, db)
    detached(app, window, first)


def search_and_about(app, window, db) -> None:
    """The list searched without diacritics over the examples, and Trợ
    giúp → Giới thiệu."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kehoach_desktop.ui.about_dialog import AboutDialog

    window.search.setFocus()
    QTest.keyClicks(window.search, "lien doan lao dong")
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    settle(app)
    save(window, "cua-so-tim-kiem")
    window.search.clear()
    settle(app)
    dialog = AboutDialog(db, window)
    dialog.show()
    settle(app)
    save(dialog, "gioi-thieu")
    dialog.close()


def detached(app, window, first: int) -> None:
    """Xem → Tách ra cửa sổ riêng: the preview in its own window, the
    editor given the room."""
    window.select_plan(first)
    settle(app)
    window.preview.detach_action.trigger()
    settle(app)
    preview_window = window.preview.detached_window
    preview_window.resize(700, 728)
    settle(app)
    save(preview_window, "xem-truoc-cua-so-rieng")
    save(window, "cua-so-khi-tach-xem-truoc")
    window.preview.detach_action.trigger()
    settle(app)


def shrink(paths: list[Path]) -> None:
    """Fewer colours (pngquant, which keeps a file it cannot make smaller)
    then lossless recompression (optipng)."""
    pngquant, optipng = shutil.which("pngquant"), shutil.which("optipng")
    for path in paths:
        if pngquant:
            subprocess.run([pngquant, "--force", "--skip-if-larger", "--quality", "70-95", "--ext", ".png",
                            str(path)], check=False)
        if optipng:
            subprocess.run([optipng, "-quiet", "-o2", str(path)], check=True)


if __name__ == "__main__":
    sys.exit(main())
