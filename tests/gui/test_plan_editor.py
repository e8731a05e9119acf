"""The editor tabs, driven for real: type, see it saved, reopen, conflicts."""
from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import FIXTURE_FILES
from kehoach_desktop.core.model import DocumentNumber, Plan, Signature
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.editor import plan_editor


def type_text(widget, text):
    """Type like a clerk would, Vietnamese letters included (QTest.keyClicks
    only knows ASCII): one key event per character, "\n" as Enter."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        else:
            event = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def fast_autosave(monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)


@pytest.fixture
def window(qtbot, db, fast_autosave):
    store = PlanStore(db)
    store.add(Plan(title="Kế hoạch cũ", number=DocumentNumber(3), plan_date=date(2023, 3, 1)))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def test_editor_shows_the_selected_plan(window):
    general = window.editor.page("general")
    assert window.editor.isEnabled()
    assert general.title_edit.toPlainText() == "Kế hoạch cũ"
    assert general.number.value() == 3
    assert general.date_words.text() == "Thứ Tư, ngày 01 tháng 3 năm 2023"
    assert [window.editor.tabs.tabText(i) for i in range(window.editor.tabs.count())] == \
        ["Thông tin chung", "Kết thúc – Nơi nhận – Ký"]


def test_typing_is_saved_within_two_seconds(window, qtbot):
    general = window.editor.page("general")
    general.title_edit.setPlainText("")
    type_text(general.title_edit, "Tổ chức Hội nghị tổng kết")
    type_text(general.place, "Quận 12")
    with qtbot.waitSignal(window.editor.saved, timeout=2000):
        pass
    plan_id = window.editor.plan_id
    stored = window.store.get(plan_id)
    assert stored.title == "Tổ chức Hội nghị tổng kết" and stored.place == "Quận 12"
    assert window.proxy.index(0, 2).data() == "Tổ chức Hội nghị tổng kết"  # the list follows
    qtbot.waitUntil(lambda: "Tổ chức Hội nghị tổng kết" in window.preview.toPlainText(), timeout=2000)


def test_live_preview_follows_edits_before_saving(window, qtbot, monkeypatch):
    monkeypatch.setattr(window.editor.timer, "start", lambda *a: None)  # no autosave in this test
    general = window.editor.page("general")
    general.place.clear()
    type_text(general.place, "Quận 3")
    qtbot.waitUntil(lambda: "Quận 3, ngày 01 tháng 3 năm 2023" in window.preview.toPlainText(), timeout=2000)
    assert window.store.get(window.editor.plan_id).place == ""


def test_signatures_and_recipients(window, qtbot, db):
    closing = window.editor.page("closing")
    closing.count.setValue(2)
    assert closing.boxes[1].isVisibleTo(closing) and not closing.boxes[2].isVisibleTo(closing)
    type_text(closing.boxes[0].body, "BTV LIÊN ĐOÀN LAO ĐỘNG")
    type_text(closing.boxes[0].name, "Trần Văn B")
    type_text(closing.boxes[1].body, "BAN THƯỜNG VỤ THÀNH ĐOÀN")
    type_text(closing.boxes[1].name, "Ngô Thị C")
    type_text(closing.recipients, "Thành Đoàn\nLưu: VP")
    assert window.editor.save_now()
    stored = window.store.get(window.editor.plan_id)
    assert [s.name for s in stored.signatures] == ["Trần Văn B", "Ngô Thị C"]
    assert [s.authority for s in stored.signatures] == ["TM.", "TM."]
    assert stored.recipients == ["Thành Đoàn", "Lưu: VP"]


def test_edits_survive_reopening_the_window(qtbot, db, fast_autosave):
    PlanStore(db).add(Plan(title="Bản nháp"))
    win = create_window(db)
    qtbot.addWidget(win)
    general = win.editor.page("general")
    general.has_date.setChecked(True)
    general.date_edit.setDate(QDate(2024, 2, 9))
    general.number.setValue(7)
    win.close()  # saves
    again = create_window(db)
    qtbot.addWidget(again)
    g2 = again.editor.page("general")
    assert g2.has_date.isChecked() and g2.date_edit.date() == QDate(2024, 2, 9)
    assert g2.number.value() == 7
    assert again.proxy.index(0, 0).data() == "07-KH/ĐTN"


def test_switching_plans_saves_the_one_left(window, qtbot, db):
    window.store.add(Plan(title="Kế hoạch thứ hai", plan_date=date(2022, 1, 1)))
    window.reload()
    window.table.selectRow(0)
    first_id = window.editor.plan_id
    window.editor.page("general").superior.setText("THÀNH ĐOÀN")
    window.editor.page("general").superior.textEdited.emit("THÀNH ĐOÀN")
    window.table.selectRow(1)
    assert window.editor.plan_id != first_id
    assert window.store.get(first_id).superior_body == "THÀNH ĐOÀN"


def test_a_fixture_loads_and_saves_unchanged(qtbot, db):
    store = PlanStore(db)
    plan = kehoach_json.read_file(FIXTURE_FILES[2])  # the joint plan, two signatures
    plan_id = store.add(plan)
    win = create_window(db)
    qtbot.addWidget(win)
    win.editor.dirty = True
    assert win.editor.save_now()
    assert kehoach_json.dumps(store.get(plan_id)) == kehoach_json.dumps(plan)


def test_conflict_with_another_window_keeps_both(window, qtbot, monkeypatch):
    plan_id = window.editor.plan_id
    other = window.store.get(plan_id)
    other.title = "Sửa ở cửa sổ khác"
    window.store.update(plan_id, other)  # another program saved meanwhile
    general = window.editor.page("general")
    general.place.setText("Quận 5")
    general.place.textEdited.emit("Quận 5")

    shown = []

    def choose_copy(box):
        shown.append(box.text())
        next(b for b in box.buttons() if b.text() == "Lưu thành bản sao").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_copy)
    assert window.editor.save_now()
    assert "sửa ở nơi khác" in shown[0]
    assert window.store.get(plan_id).title == "Sửa ở cửa sổ khác"  # theirs is intact
    copy = window.store.get(window.editor.plan_id)
    assert window.editor.plan_id != plan_id and copy.place == "Quận 5"
    assert window.model.rowCount() == 2


def test_conflict_reload_shows_the_saved_plan(window, monkeypatch):
    plan_id = window.editor.plan_id
    other = window.store.get(plan_id)
    other.title = "Bản của người khác"
    window.store.update(plan_id, other)
    general = window.editor.page("general")
    general.place.setText("Quận 9")
    general.place.textEdited.emit("Quận 9")

    def choose_reload(box):
        next(b for b in box.buttons() if b.text() == "Tải lại bản đã lưu").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_reload)
    assert not window.editor.save_now()
    assert general.title_edit.toPlainText() == "Bản của người khác"
    assert window.store.get(plan_id).place == "" and window.model.rowCount() == 1
