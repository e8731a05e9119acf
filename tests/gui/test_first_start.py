"""The first start on an empty database: the welcome page and its three
ways to begin, each the window's own action; no sample text that could
pass for data; and the preview following every change of the plan shown
(Ban hành, the number and the date)."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QPlainTextEdit

from kehoach_desktop.core.model import Plan
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.editor.closing_page import SignatureBox
from kehoach_desktop.ui.editor.general_page import GeneralPage
from kehoach_desktop.ui.office_dialog import OfficeDialog


@pytest.fixture
def empty(qtbot, db):
    win = create_window(db)
    qtbot.addWidget(win)
    win.resize(1280, 680)
    win.show()
    return win


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def when_shown(kind, then, tries=100):
    """Run ``then(dialog)`` once a dialog of this kind is shown (by exec)."""
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    if shown:
        then(shown[0])
    elif tries:
        QTimer.singleShot(50, lambda: when_shown(kind, then, tries - 1))


def test_an_empty_database_shows_the_welcome_page(empty):
    assert empty.editor_stack.currentWidget() is empty.welcome_scroller and empty.welcome.isVisible()
    assert not empty.editor.isVisible()
    assert [b.text() for b in empty.welcome.buttons] == [
        "1. Khai báo hồ sơ cơ quan…", "2. Soạn kế hoạch mới theo mẫu…", "3. Nhập kế hoạch có sẵn (Word)…"]


def test_first_button_sets_up_the_office_profile(empty, qtbot, db):
    def fill_and_save(dialog):
        dialog.fields["place"].setText("Phường Sài Gòn")
        click(qtbot, dialog.ok_button)
    when_shown(OfficeDialog, fill_and_save)
    click(qtbot, empty.welcome.buttons[0])
    assert OfficeStore(db).get().place == "Phường Sài Gòn"
    assert empty.editor_stack.currentWidget() is empty.welcome_scroller  # still no plan


def test_second_button_makes_a_plan_from_a_template(empty, qtbot):
    def choose(dialog):
        dialog.setTextValue("Kế hoạch tổ chức hội nghị (mẫu đủ các mục)")
        dialog.accept()

    with Clerk(handlers={QInputDialog: choose}):  # the real dialog, answered by a timer
        click(qtbot, empty.welcome.buttons[1])
    assert empty.model.rowCount() == 1
    assert empty.editor_stack.currentWidget() is empty.editor and empty.editor.isEnabled()
    assert len(empty.editor.section_pages) == 5
    assert empty.preview.page_count() >= 1


def test_third_button_imports_an_existing_word_plan(empty, qtbot, tmp_path):
    source = tmp_path / "ke-hoach-cu.docx"
    source.write_bytes(render_docx(kehoach_json.read_file(FIXTURE_FILES[3])))
    with Clerk(source) as clerk:  # the real file dialog; then the import's report, beside the window
        click(qtbot, empty.welcome.buttons[2])
        qtbot.waitUntil(lambda: empty.model.rowCount() == 1, timeout=10000)
    assert clerk.shown[0] == "QFileDialog"
    report = empty.document_actions.last_report_box
    qtbot.waitUntil(report.isVisible)
    report.close()
    assert empty.editor_stack.currentWidget() is empty.editor
    qtbot.waitUntil(lambda: "TIẾN ĐỘ THỰC HIỆN" in empty.preview.toPlainText())


def placeholders(widget) -> list[str]:
    edits = [*widget.findChildren(QLineEdit), *widget.findChildren(QPlainTextEdit)]
    return [edit.placeholderText() for edit in edits if edit.placeholderText()]


def test_placeholders_read_as_placeholders(qtbot):
    """A sample value says "Ví dụ"; instructions say what to type; no
    district abolished in 2025, and an empty form holds no date and no format."""
    general = GeneralPage()
    qtbot.addWidget(general)
    box = SignatureBox(1)
    qtbot.addWidget(box)
    samples = [text for text in placeholders(general) + placeholders(box)
               if not text.startswith("Ví dụ: ") and (text.isupper() or "TP." in text or "Nguyễn" in text)]
    assert samples == []  # a body in capitals, a place or a name alone would pass for data
    for text in placeholders(general) + placeholders(box):
        assert text.startswith("Ví dụ: ") or text[0].isupper() and " " in text, text
        assert "QUẬN" not in text.upper(), text
    assert general.date_edit.text().strip() == "" and general.profile.currentText() == ""
    assert general.document_type.currentText() == ""


def test_sample_values_of_the_section_editors_say_they_are_examples(qtbot):
    """A venue, an address, a duration or a month shown greyed would pass
    for data: each says "Ví dụ"; an instruction starts with a capital and says
    what to type."""
    from kehoach_desktop.ui.editor.content.activities import ActivitiesEditor
    from kehoach_desktop.ui.editor.content.time_place import TimePlaceEditor

    for editor in (TimePlaceEditor(), ActivitiesEditor()):
        qtbot.addWidget(editor)
        for text in placeholders(editor):
            looks_like_data = any(ch.isdigit() for ch in text) or len(text.split()) <= 3
            assert text.startswith("Ví dụ: ") or not looks_like_data, text


def test_a_plan_without_a_date_shows_an_empty_date(qtbot, db):
    plan_id = PlanStore(db).add(Plan(title="Chưa có ngày"))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    win.select_plan(plan_id)
    general = win.editor.page("general")
    assert not general.has_date.isChecked() and general.date_edit.text().strip() == ""
    assert "01/01/2000" not in general.date_edit.text()
    general.has_date.setChecked(True)  # the clerk ticks "Đã có ngày": today, to change
    assert general.date_edit.date() == QDate.currentDate()
    assert win.editor.current_plan().plan_date == date.today()
    general.has_date.setChecked(False)
    assert win.editor.current_plan().plan_date is None


@pytest.fixture
def draft(qtbot, db):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.status, plan.number.value, plan.plan_date = "draft", None, None
    plan_id = PlanStore(db).add(plan)
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    win.select_plan(plan_id)
    return win


def test_preview_follows_number_and_date_edits(draft, qtbot):
    general = draft.editor.page("general")
    assert "Số: 37-KH/ĐTN" not in draft.preview.toPlainText()
    general.number.setValue(37)
    qtbot.waitUntil(lambda: "37-KH/ĐTN" in draft.preview.toPlainText(), timeout=2000)
    general.has_date.setChecked(True)
    general.date_edit.setDate(QDate(2024, 3, 26))
    qtbot.waitUntil(lambda: "ngày 26 tháng 3 năm 2024" in draft.preview.toPlainText(), timeout=2000)


def test_refresh_preview_after_the_office_profile(draft, qtbot):
    # (after Ban hành: tests/gui/test_issue.py, with the real confirmation boxes)
    before = draft.preview.document
    when_shown(OfficeDialog, lambda dialog: click(qtbot, dialog.ok_button))
    draft.open_office()
    assert draft.preview.document is not before  # laid out again from the plan
    assert draft.preview.toPlainText() == before.text
