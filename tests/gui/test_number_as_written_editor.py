"""The number fields of "Thông tin chung" with a number kept as another
office wrote it (issue 20), driven for real: the clerk sees the line as it
will print; a new number keeps the form, changed codes or "Theo thể thức"
give our own form, and what is saved follows."""
from datetime import date

import pytest
from dialog_helpers import Clerk
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from typing_helpers import type_text

from kehoach_desktop.core.model import Plan
from kehoach_desktop.formats.plan_import.header_fields import parse_number
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.editor import plan_editor
from kehoach_desktop.ui.new_plan import ConfirmHeaderDialog


@pytest.fixture
def window(qtbot, db, monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)
    PlanStore(db).add(Plan(title="Tổ chức tháng hành động vì trẻ em", issuing_bodies=["BCH HỘI SINH VIÊN"],
                           number=parse_number("Số: 10/KH-BTK"), plan_date=date(2014, 5, 13)))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def retype(widget, text):
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(widget, text)


def saved_number(window, qtbot):
    with qtbot.waitSignal(window.editor.saved, timeout=3000):
        pass
    return window.store.get(window.editor.plan_id).number


def test_the_form_as_written_is_shown_and_kept_with_a_new_number(window, qtbot):
    general = window.editor.page("general")
    assert (general.number.value(), general.type_code.text(), general.issuer_codes.text()) == (10, "KH", "BTK")
    assert general.number_printed.text().startswith("Số: 10/KH-BTK ")
    assert general.house_form.isVisible()
    retype(general.number, "11")
    assert general.number_printed.text().startswith("Số: 11/KH-BTK ")
    number = saved_number(window, qtbot)
    assert (number.value, number.separator, number.written) == (11, "/", "KH-BTK")
    qtbot.waitUntil(lambda: "Số: 11/KH-BTK" in window.preview.toPlainText(), timeout=3000)


def test_changed_codes_give_our_own_form(window, qtbot):
    general = window.editor.page("general")
    retype(general.issuer_codes, "HSV")
    assert general.number_printed.text() == "Số: 10-KH/HSV" and not general.house_form.isVisible()
    number = saved_number(window, qtbot)
    assert number.is_house_form and number.symbol == "KH/HSV"
    retype(general.issuer_codes, "BTK")  # typed back: still our own form
    assert general.number_printed.text() == "Số: 10-KH/BTK"


def test_the_button_gives_our_own_form_with_the_same_codes(window, qtbot):
    general = window.editor.page("general")
    qtbot.mouseClick(general.house_form, Qt.MouseButton.LeftButton)
    assert general.number_printed.text() == "Số: 10-KH/BTK" and not general.house_form.isVisible()
    number = saved_number(window, qtbot)
    assert number.is_house_form and (number.value, number.symbol) == (10, "KH/BTK")


def test_our_own_number_shows_no_button(qtbot, db):
    PlanStore(db).add(Plan(title="Hội nghị", number=parse_number("Số: 37-KH/ĐTN")))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    general = win.editor.page("general")
    assert general.number_printed.text() == "Số: 37-KH/ĐTN" and not general.house_form.isVisible()


def test_a_copy_with_the_office_s_own_code_takes_our_own_form(window):
    def confirm(dialog):
        assert dialog.symbol.text() == "BTK"
        dialog.symbol.setText("ĐTN")
        dialog.accept()

    with Clerk(handlers={ConfirmHeaderDialog: confirm}):
        window.new_plan_actions.copy_action.trigger()
    copy = window.store.get(window.current_plan_id())
    assert copy.number.is_house_form and (copy.number.value, copy.number.symbol) == (None, "KH/ĐTN")


def test_a_copy_with_the_same_codes_keeps_the_form(window):
    with Clerk(handlers={ConfirmHeaderDialog: lambda dialog: dialog.accept()}):
        window.new_plan_actions.copy_action.trigger()
    copy = window.store.get(window.current_plan_id())
    assert (copy.number.value, copy.number.separator, copy.number.written) == (None, "/", "KH-BTK")


def test_the_checker_s_finding_leads_to_the_button(window, qtbot):
    window.editor.go_to_field("number.written")
    qtbot.waitUntil(window.editor.page("general").house_form.hasFocus, timeout=2000)
