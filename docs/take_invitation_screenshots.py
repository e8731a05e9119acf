"""Screenshots for the guide's invitation sections (docs/huong-dan.md),
taken in the real window on a real SQLite database holding the example
plans, the window at 1366×728, every dialog shown by its own exec() and
answered by a timer (take_incident_screenshots.Capturer):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/take_invitation_screenshots.py

- khach-moi-tao-tu-thanh-phan.png: "Tạo từ thành phần tham dự" on example
  000: the report of what was added and what was left out, over the tab;
- khach-moi-danh-sach.png: the tab afterwards, two names typed in, the
  rows still to be named in grey;
- in-thu-moi.png, in-thu-moi-cap-so.png: "In thư mời…": the dialog, then
  the question with the number the register will give;
- thu-moi-ca-nhan.png, thu-moi-don-vi.png: two letters of that batch as
  LibreOffice prints them (a named person; a unit invited as a whole);
- diem-danh.png: the check-in window after three guests found by typing
  three letters without diacritics and one by the code of a letter.

Uses a throw-away folder ($TMPDIR/kehoach-anh-thu-moi, emptied first).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from take_incident_screenshots import (
    Capturer,
    click,
    database_with_examples,
    framed,
    open_window,
    save_pixmap,
    save_with_dialog,
    wait_until,
)
from take_screenshots import IMAGES, REPO, save, settle, shrink, written

NAMES = ["Nguyễn Văn Tâm", "Trần Thị Hồng"]  # typed into the first two rows the plan names by position


def typed_names(app, page) -> None:
    """The clerk types the names of the two people the plan names by
    position only (the chairs), as in the table."""
    from kehoach_desktop.ui.attendees_tab import COL

    names = list(NAMES)
    for row in range(page.model.rowCount()):
        if names and page.model.row(row).needs_name:
            page.model.setData(page.model.index(row, COL["name"]), names.pop(0))
    wait_until(app, lambda: not page.dirty)


def letters_pages(docx: Path, workdir: Path) -> list[Path]:
    """The batch printed by LibreOffice, one PNG a letter."""
    from kehoach_desktop.formats.libreoffice import convert

    pdf = convert([docx], "pdf", workdir / "pdf")[0]
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(workdir / "thu")], check=True)
    return sorted(workdir.glob("thu-*.png"))


def letter_of(pages: list[Path], words: str) -> Path:
    """The page whose text holds ``words`` (pdftotext of the same page)."""
    pdf = next((pages[0].parent / "pdf").glob("*.pdf"))
    for number, page in enumerate(pages, start=1):
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        if words in " ".join(text.split()):
            return page
    raise AssertionError(f"no letter with {words!r}")


def invitations(app, workdir: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from kehoach_desktop.store.office import OfficeStore
    from kehoach_desktop.ui.checkin_view import CheckinView
    from kehoach_desktop.ui.letters_dialog import LettersDialog

    db, plan_id = database_with_examples(workdir / "kehoach.sqlite3")
    office = OfficeStore(db)
    profile = office.get()
    profile.term_start = profile.term_start or __import__("datetime").date(2025, 1, 1)
    profile.contact = "đồng chí Lê Minh Châu (Văn phòng Đoàn Khối), điện thoại 0909 123 456"
    office.save(profile)
    window = open_window(app, db, plan_id)
    page = window.editor.attendees
    window.editor.tabs.setCurrentWidget(page)
    settle(app)

    def report(box) -> None:
        save_with_dialog(box, "khach-moi-tao-tu-thanh-phan")
        box.accept()

    capturer = Capturer(report)
    page.generate_button.click()
    wait_until(app, lambda: capturer.seen and not page.dirty)
    capturer.done()
    typed_names(app, page)
    page.table.scrollToTop()
    settle(app)
    save(window, "khach-moi-danh-sach")

    target = workdir / "Thư mời.docx"

    def dialog(letters) -> None:
        assert isinstance(letters, LettersDialog), letters
        save_with_dialog(letters, "in-thu-moi")
        letters.numbered_button.click()

    def question(box) -> None:
        save_with_dialog(box, "in-thu-moi-cap-so")
        click(box, "Có")

    def file(chooser) -> None:
        assert isinstance(chooser, QFileDialog), chooser
        chooser.findChild(QLineEdit, "fileNameEdit").setText(str(target))
        chooser.accept()

    capturer = Capturer(dialog, question, file)
    page.letters_button.click()
    wait_until(app, lambda: target.exists() and capturer.seen[-1:] and not capturer.handlers)
    capturer.done()
    pages = letters_pages(target, workdir)
    for words, name in (("Kính gửi: Đồng chí Nguyễn Văn Tâm", "thu-moi-ca-nhan"),
                        ("Kính gửi: Ban Dân vận Thành ủy", "thu-moi-don-vi")):
        shutil.copy(letter_of(pages, words), IMAGES / f"{name}.png")
        written.append(IMAGES / f"{name}.png")

    codes = {guest.name: guest.code for guest in page.people.list(plan_id)}

    def desk(view) -> None:
        assert isinstance(view, CheckinView), view
        for typed in ("tam", "hon", "ban dan"):  # three letters without diacritics, then Enter
            QTest.keyClicks(view.search, typed)
            settle(app, 3)
            QTest.keyClick(view.search, Qt.Key.Key_Return)
            settle(app, 3)
        QTest.keyClicks(view.search, codes["Trần Thị Hồng"].lower())  # the same guest scanned: said so
        QTest.keyClick(view.search, Qt.Key.Key_Return)
        QTest.keyClicks(view.search, "thu")
        settle(app)
        save_pixmap(framed(view), "diem-danh")
        view.reject()

    capturer = Capturer(desk)
    page.checkin_button.click()
    capturer.done()
    window.close()
    db.close()


def main() -> int:
    workdir = Path(tempfile.gettempdir()) / "kehoach-anh-thu-moi"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    os.environ["KEHOACH_DATA_DIR"] = str(workdir / "du-lieu")
    sys.path.insert(0, str(REPO))
    from kehoach_desktop.logs import set_up as set_up_log
    from kehoach_desktop.ui.app import application

    set_up_log("window")
    app = application()
    IMAGES.mkdir(parents=True, exist_ok=True)
    invitations(app, workdir)
    shrink(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
