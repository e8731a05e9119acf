"""A control character typed or pasted into the editor's boxes (a real
QLineEdit and QPlainTextEdit, issue 16 point 5) never reaches the database:
Word's manual line break pasted into the title is a line break, into a
line box a space; SOH, NUL, U+FFFF, the right-to-left override and ESC are
gone. The guest list's cells too."""
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication
from typing_helpers import type_text

from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.editor import plan_editor


@pytest.fixture
def window(qtbot, db, monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)
    PlanStore(db).add(Plan(title="Kế hoạch cũ", number=DocumentNumber(3), plan_date=date(2023, 3, 1)))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def paste(widget, text):
    QApplication.clipboard().setText(text)
    widget.setFocus()
    widget.paste()


def test_typed_and_pasted_control_characters_never_reach_the_database(window, qtbot):
    general = window.editor.page("general")
    general.title_edit.setPlainText("")
    type_text(general.title_edit, "Hội nghị\x01 tổng\u202e kết")
    paste(general.title_edit, "\vnăm 2025\x00\uffff")
    general.place.clear()
    type_text(general.place, "Quận\x1b 3")
    paste(general.place, "\vPhường\u202e 5\x01")
    general.preamble.setPlainText("")
    paste(general.preamble, "Căn cứ\x1b[2J kế hoạch\vThực hiện\x01 chỉ đạo")
    closing = window.editor.page("closing")
    type_text(closing.boxes[0].name, "Lê\x01 Thị\u202e Mai")
    assert window.editor.save_now()
    stored = window.store.get(window.editor.plan_id)
    assert stored.title == "Hội nghị tổng kết\nnăm 2025"
    assert stored.place == "Quận 3 Phường 5"
    assert stored.preamble == ["Căn cứ[2J kế hoạch", "Thực hiện chỉ đạo"]
    assert stored.signatures[0].name == "Lê Thị Mai"
    assert "\x1b" not in window.preview.toPlainText() and "\u202e" not in window.preview.toPlainText()


def test_a_guest_typed_with_control_characters_is_stored_clean(window, monkeypatch):
    from kehoach_desktop.ui import attendees_tab
    from kehoach_desktop.ui.attendees_tab import COL

    monkeypatch.setattr(attendees_tab, "SAVE_MS", 20)
    window.editor.tabs.setCurrentWidget(window.editor.attendees)
    page = window.editor.attendees
    page.add_row()  # the "Thêm dòng" button
    assert page.model.rowCount() == 1
    model = page.table.model()
    assert model.setData(model.index(0, COL["name"]), "Nguyễn\x01 Văn\vAn\u202e")
    assert model.setData(model.index(0, COL["unit"]), "Đoàn\x1b[2J P5\x00")
    assert page.save_now()
    (person, *_others) = AttendeeStore(page.people.db).list(page.plan_id)
    assert (person.name, person.unit) == ("Nguyễn Văn An", "Đoàn[2J P5")


def test_an_excel_guest_list_with_control_characters_says_what_was_removed(window, tmp_path, monkeypatch):
    from dialog_helpers import Clerk
    from openpyxl import Workbook

    from kehoach_desktop.ui import attendees_tab

    monkeypatch.setattr(attendees_tab, "SAVE_MS", 20)
    source = tmp_path / "khach.xlsx"
    book = Workbook()
    book.active.append(["Họ và tên", "Chức vụ", "Đơn vị"])
    book.active.append(["Nguyễn_x0001_ Văn An\u202e", "Bí thư", "Đoàn_x000B_P5"])  # as Excel writes them
    book.save(source)
    window.editor.tabs.setCurrentWidget(window.editor.attendees)
    page = window.editor.attendees
    with Clerk(source, yes=True) as clerk:
        page.import_excel()
    assert "Lưu ý: đã bỏ 2 ký tự điều khiển" in clerk.messages[0] and "dòng 2, cột A" in clerk.messages[0]
    (person,) = AttendeeStore(page.people.db).list(page.plan_id)
    assert (person.name, person.unit) == ("Nguyễn Văn An", "Đoàn P5")


def test_a_contact_corrected_in_the_address_book_is_stored_clean(window, db):
    from dialog_helpers import Clerk

    from kehoach_desktop.core.attendees import Attendee
    from kehoach_desktop.store.contacts import ContactStore
    from kehoach_desktop.ui.contacts_dialog import ContactsDialog

    ContactStore(db).save_from([Attendee("Nguyễn Văn An", "Bí thư", "Đoàn P5")])
    window.editor.tabs.setCurrentWidget(window.editor.attendees)

    def correct(dialog):
        model = dialog.table.model()
        assert model.setData(model.index(0, 1), "Phó\x01 Bí thư\vThường trực\u202e")  # pasted into the cell
        dialog.reject()

    with Clerk(handlers={ContactsDialog: correct}):
        window.editor.attendees.pick_contacts()
    assert ContactStore(db).list()[0].position == "Phó Bí thư Thường trực"
