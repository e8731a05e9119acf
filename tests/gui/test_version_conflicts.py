"""A guest list, a contact, the office profile and the register edited in
the window while another program (a real child process: the command line)
saves the same thing: the window never overwrites in silence. The conflict
dialog (ui/conflict_dialog.py) is shown for real, answered by a timer
(dialog_helpers.Clerk), and each choice -- reload, keep mine, merge, later --
does what it says, whichever program saved first. On SQLite and PostgreSQL."""
import os
import subprocess
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from conftest import BACKENDS, FIXTURE_FILES
from dialog_helpers import Clerk
from openpyxl import load_workbook

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.core.office import OfficeProfile
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.attendees_xlsx import write_workbook
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.contacts import ContactStore
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.register import Register
from kehoach_desktop.ui import attendees_tab
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.attendees_tab import COL
from kehoach_desktop.ui.conflict_dialog import ConflictDialog
from kehoach_desktop.ui.contacts_dialog import ContactsDialog
from kehoach_desktop.ui.office_dialog import OfficeDialog
from kehoach_desktop.ui.register_dialog import RegisterDialog

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)
REPO = Path(__file__).resolve().parents[2]
AN, BINH = Attendee("Nguyễn Văn An", unit="Đoàn phường 1"), Attendee("Trần Thị Bình", unit="Đoàn phường 2")
CUONG = Attendee("Lê Văn Cường", unit="Đoàn phường 3")
DUNG = Attendee("Phạm Dũng", unit="Đoàn phường 4")


def command_line(db_target, *args: str) -> str:
    """The other program: ``python -m kehoach_desktop ...`` in a process of its own."""
    env = os.environ | {"PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "kehoach_desktop", *args, "--db", str(db_target)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def import_guests(db_target, plan_id: int, rows: list[Attendee], folder: Path) -> str:
    workbook = folder / "khach-moi.xlsx"
    write_workbook(Plan(title="Hội nghị"), rows, workbook, overwrite=True)
    return command_line(db_target, "attendees", "import", str(plan_id), str(workbook))


@pytest.fixture
def page(qtbot, db, monkeypatch):
    """The guest list tab of the window on a plan."""
    monkeypatch.setattr(attendees_tab, "SAVE_MS", 20)
    PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = create_window(db)  # closed below, not by qtbot: closing saves, and may ask
    win.show()
    win.editor.tabs.setCurrentWidget(win.editor.attendees)
    page = win.editor.attendees
    page.timer.setInterval(20)
    assert page.plan_id is not None
    yield page
    with Clerk():  # a list still in conflict asks again on closing (Escape: later)
        win.close()
    win.deleteLater()


@contextmanager
def settled(page):
    """pytest-qt runs the event loop after a test, before the fixtures' end:
    a save still pending there would meet the conflict dialog with nobody to
    answer it. What the test left unsaved is dropped once it is over."""
    try:
        yield
    finally:
        page.timer.stop()
        page.dirty = False


def set_cell(page, row: int, key: str, text: str) -> None:
    model = page.table.model()
    assert model.setData(model.index(row, COL[key]), text)


def add_guest(page, guest: Attendee) -> None:
    """Thêm người, then the name and unit typed in the new line."""
    page.add_button.click()
    row = page.table.currentIndex().row()
    set_cell(page, row, "name", guest.name)
    set_cell(page, row, "unit", guest.unit)


def stored(page) -> list[Attendee]:
    return AttendeeStore(page.people.db).list(page.plan_id)


class Choose:
    """A handler for the conflict dialog: notes what it shows, clicks a choice."""

    def __init__(self, button: str):
        self.button = button
        self.seen: dict[str, str] = {}

    def __call__(self, dialog: ConflictDialog) -> None:
        self.seen = {"title": dialog.windowTitle(), "message": dialog.message.text(), "summary": dialog.summary.text(),
                     "mine": dialog.mine_text.toPlainText(), "theirs": dialog.theirs_text.toPlainText(),
                     "buttons": " | ".join(b.text() for b in (dialog.reload_button, dialog.keep_button,
                                                              dialog.merge_button) if b is not None)}
        if self.button == "later":
            dialog.reject()
        else:
            getattr(dialog, f"{self.button}_button").click()


def test_the_issue_a_stale_window_never_leaves_one_guest(page, qtbot, db_target, tmp_path):
    """The issue's case: the window shows 0 guests; the command line imports
    9,999; one guest added in the window and saved: the conflict dialog,
    never a list of 1."""
    with settled(page):
        assert page.model.rowCount() == 0
        many = [Attendee(f"Khách {n:04d}", unit="Đoàn khối") for n in range(9999)]
        assert "thêm 9999" in import_guests(db_target, page.plan_id, many, tmp_path)
        choose = Choose("merge")
        with Clerk(handlers={ConflictDialog: choose}):
            add_guest(page, AN)  # saved by the tab's own timer
            qtbot.waitUntil(lambda: bool(choose.seen) and not page.dirty, timeout=30000)
        assert choose.seen["title"] == "Danh sách khách mời đã được lưu ở nơi khác"
        assert "vừa được lưu ở nơi khác" in choose.seen["message"]
        assert "bản đã lưu ở nơi khác: 9.999 khách mời" in choose.seen["summary"]
        assert choose.seen["buttons"] == "Tải lại bản đã lưu | Giữ bản của tôi | Gộp"
        assert "Nguyễn Văn An" in choose.seen["mine"] and "Khách 0000" in choose.seen["theirs"]
        assert "… và 9.599 dòng nữa" in choose.seen["theirs"]
        rows = stored(page)
        assert len(rows) == 10000 and rows[-1].name == "Nguyễn Văn An"
        assert len(page.rows()) == 10000


@pytest.mark.parametrize("order", ["window_first", "other_first"])
@pytest.mark.parametrize("button", ["reload", "keep", "merge", "later"])
def test_a_guest_list_edited_in_two_programs(page, qtbot, db_target, tmp_path, order, button):
    """Both programs start from [An, Bình]. The window types An's phone and
    adds Cường; the command line updates Bình's email and adds Dũng, before
    the window's edit (other_first) or between the edit and its save
    (window_first). The window's save shows both; each choice is honoured."""
    with settled(page):
        AttendeeStore(page.people.db).replace(page.plan_id, [AN, BINH])
        page.open_plan(page.plan_id)
        theirs = [Attendee(BINH.name, unit=BINH.unit, email="binh@x.vn"), DUNG]
        if order == "other_first":
            import_guests(db_target, page.plan_id, theirs, tmp_path)
        page.timer.setInterval(600000)  # the edit waits for its save until the test lets it
        set_cell(page, 0, "phone", "0912345678")
        add_guest(page, CUONG)
        assert page.dirty
        if order == "window_first":
            assert stored(page) == [AN, BINH]
            import_guests(db_target, page.plan_id, theirs, tmp_path)
        choose = Choose(button)
        with Clerk(handlers={ConflictDialog: choose}):
            page.timer.start(20)  # the half second after the edit is over: the tab saves by itself
            qtbot.waitUntil(lambda: bool(choose.seen) and not page.timer.isActive(), timeout=20000)
            qtbot.wait(50)
        assert "Lê Văn Cường" in choose.seen["mine"] and "0912345678" in choose.seen["mine"]
        assert "Phạm Dũng" in choose.seen["theirs"] and "binh@x.vn" in choose.seen["theirs"]
        names = [a.name for a in stored(page)]
        by_name = {a.name: a for a in stored(page)}
        if button == "reload":
            assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Phạm Dũng"] and by_name["Nguyễn Văn An"].phone == ""
            assert page.rows() == stored(page) and not page.dirty
            page.timer.setInterval(20)
            set_cell(page, 2, "note", "đã gọi")  # the tab now holds the stored version: saved without a question
            qtbot.waitUntil(lambda: not page.dirty)
            assert stored(page)[2].note == "đã gọi"
        elif button == "keep":  # chosen after seeing both: theirs replaced by mine
            assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
            assert by_name["Nguyễn Văn An"].phone == "0912345678" and by_name["Trần Thị Bình"].email == ""
            assert not page.dirty
        elif button == "merge":
            assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Phạm Dũng", "Lê Văn Cường"]
            assert by_name["Nguyễn Văn An"].phone == "0912345678" and by_name["Trần Thị Bình"].email == "binh@x.vn"
            assert [a.name for a in page.rows()] == names and not page.dirty
        else:  # later: nothing saved, nothing lost
            assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Phạm Dũng"]
            assert page.dirty and [a.name for a in page.rows()] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
            assert "chưa được lưu" in page.status.text()


@pytest.mark.parametrize("button", ["reload", "keep"])
def test_the_office_profile_saved_by_the_command_line_meanwhile(qtbot, db, db_target, button):
    OfficeStore(db).save(OfficeProfile(place="Quận 12"))
    dialog = OfficeDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["issuer_code"].setText("TĐTN")
    command_line(db_target, "office", "set", "place", "Quận 3")
    choose = Choose(button)
    with Clerk(handlers={ConflictDialog: choose}):
        dialog.ok_button.click()
    assert "Ký hiệu cơ quan ban hành: TĐTN" in choose.seen["mine"] and "Địa danh: Quận 12" in choose.seen["mine"]
    assert "Ký hiệu cơ quan ban hành: ĐTN" in choose.seen["theirs"] and "Địa danh: Quận 3" in choose.seen["theirs"]
    assert choose.seen["buttons"] == "Tải lại bản đã lưu | Giữ bản của tôi"  # one profile: nothing to merge
    if button == "reload":
        assert dialog.isVisible() and dialog.fields["place"].text() == "Quận 3"
        assert OfficeStore(db).get() == OfficeProfile(place="Quận 3")
        dialog.fields["issuer_code"].setText("TĐTN")
        dialog.ok_button.click()  # saved over the version now shown
        assert OfficeStore(db).get() == OfficeProfile(place="Quận 3", issuer_code="TĐTN")
    else:
        assert not dialog.isVisible()
        assert OfficeStore(db).get() == OfficeProfile(place="Quận 12", issuer_code="TĐTN")


@pytest.mark.parametrize("button", ["reload", "keep", "merge"])
def test_a_contact_corrected_in_two_programs(qtbot, db, db_target, button):
    book = ContactStore(db)
    book.save_from([Attendee("Nguyễn Văn An", "Bí thư", "Đoàn phường 1", phone="0901")])
    dialog = ContactsDialog(book, [])
    qtbot.addWidget(dialog)
    dialog.show()
    other = open_database(db_target)
    try:
        elsewhere = ContactStore(other).list()[0]
        ContactStore(other).update(type(elsewhere)(**{**vars(elsewhere), "email": "an@x.vn"}))
    finally:
        other.close()
    choose = Choose(button)
    with Clerk(handlers={ConflictDialog: choose}):
        model = dialog.table.model()
        assert model.setData(model.index(0, 1), "Phó Bí thư")  # the position cell, typed
    assert "Chức vụ: Phó Bí thư" in choose.seen["mine"] and "Email: an@x.vn" in choose.seen["theirs"]
    now = book.list()[0]
    expected = {"reload": ("Bí thư", "an@x.vn"), "keep": ("Phó Bí thư", ""), "merge": ("Phó Bí thư", "an@x.vn")}
    assert (now.position, now.email) == expected[button]
    row = dialog.model.row(0)
    assert (row.position, row.email, row.version) == (now.position, now.email, now.version)
    assert model.setData(model.index(0, 3), "0902")  # the row holds the stored version: saved without a question
    assert book.list()[0].phone == "0902"


@pytest.mark.parametrize("button", ["reload", "keep"])
def test_the_register_does_not_export_lines_not_seen(qtbot, db, db_target, tmp_path, button):
    OfficeStore(db).save(OfficeProfile(term_start=date(2025, 12, 30)))
    store = PlanStore(db)
    first, second = (store.add(Plan(title=title, number=DocumentNumber(None, "KH", ["ĐTN"])))
                     for title in ("Một", "Hai"))
    Register(db).issue(first, date(2026, 1, 5), render=render_docx)
    dialog = RegisterDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    command_line(db_target, "issue", str(second), "--date", "2026-01-06")
    choose = Choose(button)
    target = tmp_path / "so.xlsx"
    with Clerk(target, handlers={ConflictDialog: choose}):
        dialog.export_button.click()
    assert "01-KH/ĐTN" in choose.seen["mine"] and "02-KH/ĐTN – 06/01/2026 – Hai" in choose.seen["theirs"]
    if button == "reload":
        assert not target.exists() and dialog.model.rowCount() == 2
    else:
        sheet = load_workbook(target).active
        assert sum(1 for row in sheet.iter_rows(values_only=True) if row and row[1] == "Hai") == 0
        assert dialog.model.rowCount() == 1
