"""Screenshots for the guide's "Khi có sự cố" section (docs/huong-dan.md),
each of a real incident on a real SQLite database holding the example
plans, the window at 1366×728:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/take_incident_screenshots.py

- su-co-xung-dot-khach-moi.png: the guest list open in the window, another
  program (`kehoach attendees import`, a process of its own) saves a
  different list, the clerk adds a guest: the window's save opens the
  conflict dialog;
- su-co-chua-luu-duoc.png, su-co-dong-khi-chua-luu.png: another program
  holds SQLite's write lock (BEGIN IMMEDIATE and a write) while the clerk
  edits a title: the red banner above the editor, then the question when
  the window is closed;
- su-co-khoi-phuc-noi-dung.png: the program started again, the recovery
  copy offered back;
- su-co-co-so-du-lieu-hong.png: a database damaged for real
  (tests/damaged_db.py) with a good copy of yesterday beside it: the offer
  at start;
- su-co-khoi-phuc-sao-luu.png: Tệp → Khôi phục từ bản sao lưu…;
- su-co-ngay-qua-xa.png: a plan date typed six years ahead: the question.

Every dialog is shown by its own exec(), as in the program, and captured
and answered by a timer (Capturer). Without a window manager, Xvfb draws no
title bars: the dialog's own title is drawn above it (framed), so that the
image shows the title the guide quotes. Uses take_screenshots.py's helpers
and a throw-away folder ($TMPDIR/kehoach-anh-su-co, emptied first).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from take_screenshots import EXAMPLES, IMAGES, REPO, at_size, save, settle, shrink, written

WIDTH, HEIGHT = 1366, 728
TITLE_BAR = 30  # height of the title drawn above a dialog
# Another program: holds SQLite's write lock until its stdin closes (as tests/gui/test_save_failures.py).
HOLDER = r"""
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE plans SET note = note")
print("held", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
"""


class Capturer:
    """Answers the dialogs in front, in order, from a timer: each handler
    gets the dialog once it has been shown and painted, and must close it
    (a click). A dialog nobody expected stops the script."""

    def __init__(self, *handlers: Callable):
        from PySide6.QtCore import QTimer

        self.handlers = list(handlers)
        self.seen: list = []
        self.pending = None
        self.failure: Exception | None = None
        self.ticks = 0
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        modal = QApplication.activeModalWidget()
        if modal is None or any(modal is seen for seen in self.seen):
            self.pending, self.ticks = None, 0
            return
        if modal is not self.pending:  # shown just now: painted by the next tick
            self.pending, self.ticks = modal, 0
            return
        self.ticks += 1
        if self.ticks < 3:
            return
        self.seen.append(modal)
        if not self.handlers:
            raise SystemExit(f"unexpected dialog: {modal.windowTitle()}")
        handler = self.handlers.pop(0)
        QTimer.singleShot(0, lambda: self._run(handler, modal))  # not in this tick: its click may open another

    def _run(self, handler: Callable, modal) -> None:
        try:
            handler(modal)
        except Exception as exc:  # noqa: BLE001 - reported by done(); the dialog closed so that nothing hangs
            self.failure = exc
            modal.reject()

    def done(self) -> None:
        self.timer.stop()
        if self.failure is not None:
            raise self.failure
        assert not self.handlers, f"{len(self.handlers)} dialog(s) never shown"


def framed(dialog):
    """The dialog as a window manager shows it: a frame, its title above."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

    inner = dialog.grab()
    image = QPixmap(inner.width() + 2, inner.height() + TITLE_BAR + 1)
    image.fill(QColor("#7a7a7a"))
    painter = QPainter(image)
    painter.fillRect(QRect(1, 1, inner.width(), TITLE_BAR - 1), QColor("#ffffff"))
    font = QFont(dialog.font())
    font.setPointSizeF(font.pointSizeF() + 1)
    painter.setFont(font)
    painter.setPen(QColor("#000000"))
    painter.drawText(QRect(12, 1, inner.width() - 24, TITLE_BAR - 1),
                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, dialog.windowTitle())
    painter.drawPixmap(1, TITLE_BAR, inner)
    painter.end()
    return image


def save_pixmap(pixmap, name: str) -> None:
    path = IMAGES / f"{name}.png"
    pixmap.save(str(path))
    written.append(path)
    print(path, f"{pixmap.width()}x{pixmap.height()}")


def save_with_dialog(dialog, name: str) -> None:
    """The window with the dialog where it is shown over it (centred)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter

    window = dialog.parentWidget().window()
    shot = window.grab()
    offset = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0)) - QPoint(1, TITLE_BAR)
    frame = framed(dialog)
    painter = QPainter(shot)
    for spread, alpha in ((6, 20), (4, 30), (2, 45)):  # a soft shadow, so the dialog stands out
        painter.fillRect(offset.x() - spread + 3, offset.y() - spread + 4, frame.width() + 2 * spread,
                         frame.height() + 2 * spread, QColor(0, 0, 0, alpha))
    painter.drawPixmap(offset, frame)
    painter.end()
    save_pixmap(shot, name)


def click(dialog, text: str) -> None:
    from PySide6.QtWidgets import QAbstractButton

    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.text().replace("&", "") == text]
    assert buttons, (text, [b.text() for b in dialog.findChildren(QAbstractButton)])
    buttons[0].click()


def database_with_examples(path: Path):
    """A real SQLite file with the example plans, stored as `kehoach import`
    does; returns it open and the first plan's id."""
    from kehoach_desktop.formats import kehoach_json
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.plans import PlanStore

    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    ids = [PlanStore(db).add(kehoach_json.read_file(example)) for example in EXAMPLES]
    return db, ids[0]


def open_window(app, db, plan_id: int):
    from kehoach_desktop.ui.app import create_window

    window = create_window(db)
    window.resize(WIDTH, HEIGHT)  # before it is shown: a question at start is asked over it at this size
    window._share_panes()
    window.show()
    settle(app)
    at_size(app, window, WIDTH, HEIGHT)
    window.select_plan(plan_id)
    settle(app)
    return window


def wait_until(app, condition: Callable[[], bool], seconds: float = 30) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(int(seconds * 1000))
    while not condition():
        assert not deadline.hasExpired(), "timed out"
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def guest_list_conflict(app, workdir: Path) -> None:
    """a. The guest list saved by another program while the window shows it."""
    from kehoach_desktop.core.attendees import Attendee
    from kehoach_desktop.formats.attendees_xlsx import write_workbook
    from kehoach_desktop.store.attendees import AttendeeStore
    from kehoach_desktop.ui.attendees_tab import COL
    from kehoach_desktop.ui.conflict_dialog import ConflictDialog

    path = workdir / "xung-dot" / "kehoach.sqlite3"
    db, plan_id = database_with_examples(path)
    # The list as saved earlier (made-up people), then shown in the window.
    saved = [Attendee("Nguyễn Văn An", position="Bí thư", unit="Đoàn phường 1", group="Chủ trì"),
             Attendee("Trần Thị Bích", position="Phó Bí thư", unit="Đoàn phường 2", group="Khách mời"),
             Attendee("Lê Hoàng Châu", position="Ủy viên", unit="Đoàn phường 3", group="Khách mời")]
    AttendeeStore(db).replace(plan_id, saved)
    window = open_window(app, db, plan_id)
    page = window.editor.attendees
    window.editor.tabs.setCurrentWidget(page)
    settle(app)

    # The other program: a colleague's list (Bích's phone, two new guests), imported
    # from the command line in a process of its own.
    theirs = [Attendee("Trần Thị Bích", position="Phó Bí thư", unit="Đoàn phường 2", group="Khách mời",
                       phone="0912345678"),
              Attendee("Võ Thị Hồng", position="Phó Bí thư", unit="Đoàn phường 5", group="Khách mời"),
              Attendee("Đặng Quốc Huy", position="Bí thư", unit="Đoàn phường 6", group="Khách mời")]
    workbook = workdir / "xung-dot" / "danh-sach-dong-nghiep.xlsx"
    write_workbook(window.editor.plan, theirs, workbook, overwrite=True)
    subprocess.run([sys.executable, "-m", "kehoach_desktop", "attendees", "import", str(plan_id), str(workbook),
                    "--db", str(path)], check=True, env=os.environ | {"PYTHONPATH": str(REPO)},
                   stdout=subprocess.DEVNULL)

    def shoot(dialog) -> None:
        assert isinstance(dialog, ConflictDialog), dialog
        save_with_dialog(dialog, "su-co-xung-dot-khach-moi")
        click(dialog, "Gộp")

    capturer = Capturer(shoot)
    # The clerk adds a guest: "Thêm người", then the name and unit typed.
    page.add_button.click()
    row = page.table.currentIndex().row()
    for key, text in (("name", "Phạm Thị Dung"), ("position", "Ủy viên"), ("unit", "Đoàn phường 4"),
                      ("group", "Khách mời")):
        page.model.setData(page.model.index(row, COL[key]), text)
    wait_until(app, lambda: capturer.seen and not page.dirty)  # saved after the choice
    capturer.done()
    window.close()
    db.close()


def save_under_lock(app, workdir: Path) -> None:
    """b. and c. A title edited while another program holds the write lock;
    the window closed keeping the recovery copy; the program started again."""
    from kehoach_desktop.store.database import open_database

    path = workdir / "dang-ban" / "kehoach.sqlite3"
    db, plan_id = database_with_examples(path)
    window = open_window(app, db, plan_id)
    window.editor.tabs.setCurrentIndex(0)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        title = window.editor.page("general").title_edit
        title.setPlainText(title.toPlainText().rstrip() + " (bản sửa)")
        assert window.editor.save_now() is False  # the busy timeout waited, then gave up
        settle(app)
        save(window, "su-co-chua-luu-duoc")

        def shoot(box) -> None:
            save_with_dialog(box, "su-co-dong-khi-chua-luu")
            click(box, "Đóng, giữ bản khôi phục")

        capturer = Capturer(shoot)
        window.close()
        capturer.done()
        assert not window.isVisible()
    finally:
        holder.stdin.close()
        holder.wait(10)
    db.close()

    db = open_database(path)
    restored: list = []

    def offer(box) -> None:
        save_with_dialog(box, "su-co-khoi-phuc-noi-dung")
        click(box, "Khôi phục")
        restored.append(box)

    capturer = Capturer(offer)
    again = open_window(app, db, plan_id)
    wait_until(app, lambda: bool(restored))
    capturer.done()
    assert again.editor.save_now()
    again.close()
    db.close()


def damaged_database(app, workdir: Path) -> None:
    """d. A database damaged for real, a good copy of yesterday beside it:
    the offer at start (what ui/app.main does before the window)."""
    sys.path.insert(0, str(REPO / "tests"))
    from damaged_db import damage

    from kehoach_desktop.store import backups
    from kehoach_desktop.ui.damaged_database import open_or_offer_backup

    path = workdir / "hong" / "kehoach.sqlite3"
    db, _first = database_with_examples(path)
    db.close()
    folder = path.parent / "backups"
    shutil.rmtree(folder, ignore_errors=True)  # any copy of today's opening: the good one is yesterday's
    folder.mkdir()
    yesterday = (datetime.now() - timedelta(days=1)).strftime("%Y%m%d-080000")
    (folder / f"kehoach-{yesterday}-{backups.DAILY}.sqlite3").write_bytes(path.read_bytes())
    damage(path)

    def offer(box) -> None:
        save_pixmap(framed(box), "su-co-co-so-du-lieu-hong")
        click(box, "Khôi phục bản sao lưu")

    def restored(box) -> None:
        box.accept()

    capturer = Capturer(offer, restored)
    db = open_or_offer_backup(path)
    capturer.done()
    backups_dialog(app, db)
    db.close()


def backups_dialog(app, db) -> None:
    """Tệp → Khôi phục từ bản sao lưu…, over the window opened on the
    restored copy: yesterday's copy and today's, the oldest chosen."""
    from kehoach_desktop.store.plans import PlanStore

    window = open_window(app, db, PlanStore(db).list_keys()[0][0])

    def shoot(dialog) -> None:
        dialog.table.selectRow(dialog.model.rowCount() - 1)  # yesterday's copy chosen: its button enabled
        settle(app)
        save_with_dialog(dialog, "su-co-khoi-phuc-sao-luu")
        click(dialog, "Đóng")

    capturer = Capturer(shoot)
    window.document_actions.backups_action.trigger()
    capturer.done()
    window.close()


def far_date(app, workdir: Path) -> None:
    """A plan date typed with a slip of the year (2032 for 2022): the
    question, answered "Không" (the old date back)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    path = workdir / "ngay-xa" / "kehoach.sqlite3"
    db, plan_id = database_with_examples(path)
    window = open_window(app, db, plan_id)
    window.editor.go_to_field("plan_date")
    box = window.editor.page("general").date_edit
    old = box.date()

    def shoot(question) -> None:
        save_with_dialog(question, "su-co-ngay-qua-xa")
        click(question, "Không")

    capturer = Capturer(shoot)
    QTest.mouseClick(box.lineEdit(), Qt.MouseButton.LeftButton)  # typed as a clerk types it
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(box, "23/12/2032")
    QTest.keyClick(box, Qt.Key.Key_Return)
    wait_until(app, lambda: capturer.seen and box.date() == old)
    capturer.done()
    window.close()
    db.close()


def main() -> int:
    workdir = Path(tempfile.gettempdir()) / "kehoach-anh-su-co"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    os.environ["KEHOACH_DATA_DIR"] = str(workdir / "du-lieu")  # the recovery copies are kept there
    sys.path.insert(0, str(REPO))
    from kehoach_desktop.logs import set_up as set_up_log
    from kehoach_desktop.ui.app import application

    set_up_log("window")
    app = application()
    IMAGES.mkdir(parents=True, exist_ok=True)
    guest_list_conflict(app, workdir)
    save_under_lock(app, workdir)
    damaged_database(app, workdir)
    far_date(app, workdir)
    shrink(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
