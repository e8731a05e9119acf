""""In thư mời…" of the guest list, for real: the dialog (per person or per
unit, draft or numbered), the confirmation showing the number to come, the
save dialog, the register's line and the file it keeps; and such a line in
the register dialog."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from doc_compare import document_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.dates import short_date
from kehoach_desktop.core.office import OfficeProfile
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.register import Register
from kehoach_desktop.ui import attendees_tab
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.letters_dialog import LettersDialog
from kehoach_desktop.ui.register_dialog import RegisterDialog

TERM = date(2025, 1, 1)
GUESTS = [Attendee("Nguyễn Văn An", "Bí thư", "Đoàn P5", "Chủ trì"),
          Attendee("Lê Thị Hoa", "Phó Bí thư", "Đoàn P5", "Đơn vị"),
          Attendee("Trần Văn Bình", "Bí thư", "Quận Đoàn 1", "Đơn vị")]
TODAY = short_date(date.today())


@pytest.fixture
def page(qtbot, db, monkeypatch):
    monkeypatch.setattr(attendees_tab, "SAVE_MS", 20)
    OfficeStore(db).save(OfficeProfile(issuer_code="ĐTN", term_start=TERM))
    PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    win.editor.tabs.setCurrentWidget(win.editor.attendees)
    page = win.editor.attendees
    page.fill(GUESTS)
    page._changed()  # typed, not saved yet: "In thư mời…" saves first
    return page


def press(button: str, per_unit: bool = False):
    """A handler of the Clerk: choose per person or per unit, then press ``button`` of the dialog."""
    def handle(dialog: LettersDialog) -> None:
        assert dialog.windowTitle() == "In thư mời"
        (dialog.per_unit_button if per_unit else dialog.per_person_button).setChecked(True)
        getattr(dialog, button).click()
    return {LettersDialog: handle}


def test_numbered_letters_take_the_next_number_and_the_file_is_the_registers(page, db, tmp_path):
    target = tmp_path / "thu-moi.docx"
    with Clerk(target, yes=True, handlers=press("numbered_button")) as clerk:
        page.print_letters()
    assert clerk.shown[:3] == ["LettersDialog", "QMessageBox", "QFileDialog"]
    assert clerk.messages[0].startswith(f"Sẽ cấp số 01-TM/ĐTN ngày {TODAY} cho 3 thư mời.")
    assert not page.dirty and AttendeeStore(db).list(page.plan_id) == GUESTS  # saved first
    register = Register(db)
    [entry] = register.letters(page.plan_id)
    assert (entry.label, entry.issued_on, entry.letters_for, entry.plan_id) == (
        "01-TM/ĐTN", date.today(), page.plan_id, None)
    assert entry.title.startswith("Thư mời dự ") and len(entry.recipients) == 3
    assert target.read_bytes() == register.docx(entry.id)  # the file as the register keeps it
    assert document_text(target).count("Kính gửi:") == 3
    assert page.status.text() == f"Đã cấp số 01-TM/ĐTN ngày {TODAY} cho 3 thư mời và lưu {target}."
    # A second batch per unit: the next number, two letters (two units).
    second = tmp_path / "theo-don-vi.docx"
    with Clerk(second, yes=True, handlers=press("numbered_button", per_unit=True)) as clerk:
        page.print_letters()
    assert clerk.messages[0].startswith(f"Sẽ cấp số 02-TM/ĐTN ngày {TODAY} cho 2 thư mời.")
    assert [e.label for e in register.letters(page.plan_id)] == ["01-TM/ĐTN", "02-TM/ĐTN"]
    assert document_text(second).count("Kính gửi:") == 2


def test_the_letters_carry_the_number_shown(page, db, tmp_path):
    """Each letter of the batch prints its number and date."""
    target = tmp_path / "thu-moi.docx"
    with Clerk(target, yes=True, handlers=press("numbered_button")):
        page.print_letters()
    text = document_text(target).replace("\xa0", " ")  # the date line keeps its words together
    assert text.count("Số: 01-TM/ĐTN") == 3


def test_a_draft_takes_no_number(page, db, tmp_path):
    target = tmp_path / "nhap.docx"
    with Clerk(target, handlers=press("draft_button")) as clerk:
        page.print_letters()
    assert clerk.shown[:2] == ["LettersDialog", "QFileDialog"] and clerk.messages == []
    assert clerk.suggested[0][1] == "Thư mời (bản nháp).docx"
    assert "Kính gửi: Đồng chí Nguyễn Văn An, Bí thư Đoàn P5" in document_text(target)
    assert Register(db).entries() == []
    assert page.status.text() == f"Đã lưu bản nháp 3 thư mời (chưa cấp số) vào {target}."


def test_answering_no_or_closing_takes_nothing(page, db, tmp_path):
    target = tmp_path / "thu-moi.docx"
    with Clerk(target, handlers=press("numbered_button")) as clerk:  # the question answered No (Escape)
        page.print_letters()
    assert clerk.shown == ["LettersDialog", "QMessageBox"] and "Sẽ cấp số 01-TM/ĐTN" in clerk.messages[0]
    with Clerk(target) as clerk:  # the dialog closed (Escape)
        page.print_letters()
    assert clerk.shown == ["LettersDialog"]
    assert not target.exists() and Register(db).entries() == []
    assert Register(db).as_letters(page.plan_id).number == 1


def test_the_number_is_kept_when_the_file_cannot_be_written(page, db, tmp_path):
    with Clerk(tmp_path / "khong-co" / "x.docx", yes=True, handlers=press("numbered_button")) as clerk:
        page.print_letters()
    title, text = clerk.boxes[-1]
    assert title == "Không lưu được tệp thư mời" and "thư mục không tồn tại" in text
    assert "Số 01-TM/ĐTN đã được cấp" in text and "Sổ văn bản đi" in text
    [entry] = Register(db).letters(page.plan_id)
    assert document_text_of(Register(db).docx(entry.id), tmp_path).count("Kính gửi:") == 3


def document_text_of(data: bytes, folder) -> str:
    path = folder / "kept.docx"
    path.write_bytes(data)
    return document_text(path)


def test_without_the_term_start_nothing_is_numbered(page, db, tmp_path):
    OfficeStore(db).set("term_start", "")
    with Clerk(tmp_path / "x.docx", yes=True, handlers=press("numbered_button")) as clerk:
        page.print_letters()
    assert clerk.shown == ["LettersDialog", "QMessageBox"]
    assert "Chưa đặt ngày bắt đầu nhiệm kỳ" in clerk.messages[0] and "Hồ sơ cơ quan" in clerk.messages[0]
    assert Register(db).entries() == []


def test_an_empty_list_cannot_be_printed(page, qtbot):
    page.fill([])
    dialog = LettersDialog(page.plan, [], page)
    qtbot.addWidget(dialog)
    assert not dialog.draft_button.isEnabled() and not dialog.numbered_button.isEnabled()
    assert "Chưa có ai" in dialog.count_label.text()
    units = LettersDialog(page.plan, [Attendee("Nguyễn Văn An")], page)
    qtbot.addWidget(units)
    assert units.numbered_button.isEnabled()
    units.per_unit_button.setChecked(True)
    assert not units.numbered_button.isEnabled() and "đơn vị" in units.count_label.text()


def test_a_letters_line_in_the_register_dialog(page, db, qtbot, tmp_path):
    with Clerk(tmp_path / "thu-moi.docx", yes=True, handlers=press("numbered_button")):
        page.print_letters()
    dialog = RegisterDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(0)
    entry = dialog.selected_entry()
    assert entry.label == "01-TM/ĐTN" and dialog.model.index(0, 2).data() == "TM/ĐTN"
    assert dialog.word_button.isEnabled() and dialog.open_button.isEnabled()
    saved = tmp_path / "ban-luu.docx"
    with Clerk(saved) as clerk:
        qtbot.mouseClick(dialog.word_button, Qt.MouseButton.LeftButton)
    assert clerk.suggested[0][1].startswith("01-TM-ĐTN Thư mời dự")
    assert saved.read_bytes() == (tmp_path / "thu-moi.docx").read_bytes()
    with qtbot.waitSignal(dialog.open_plan_requested, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [page.plan_id] and dialog.result() == QDialog.DialogCode.Accepted
