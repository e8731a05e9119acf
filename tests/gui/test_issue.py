"""Ban hành from the window: the checker first, a confirmation, then the
register's next number; the issued plan is read-only, a copy is the way to
write it again."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from PySide6.QtWidgets import QMessageBox

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.register import Register
from kehoach_desktop.ui.app import create_window


@pytest.fixture
def draft_id(db):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.status, plan.number.value, plan.plan_date = "draft", None, None
    return PlanStore(db).add(plan)


@pytest.fixture
def window(qtbot, db, draft_id):
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.plan is not None)
    return win


def answer(monkeypatch, *answers):
    asked = []
    replies = list(answers)

    def question(_parent, _title, text, *args):
        asked.append(text)
        return replies.pop(0)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_issue_asks_then_numbers_and_locks_the_plan(window, db, draft_id, monkeypatch):
    OfficeStore(db).set("term_start", "2022-10-01")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.issue_actions.issue_action.trigger()
    assert len(asked) == 1 and "Cấp số tiếp theo" in asked[0]  # no errors: only the confirmation
    entry = Register(db).entry_for_plan(draft_id)
    assert entry.number == 1 and entry.issued_on == date.today()
    plan = PlanStore(db).get(draft_id)
    assert plan.status == "issued" and plan.number.value == 1 and plan.plan_date == date.today()
    assert window.editor.read_only and window.editor.issued_banner.isVisibleTo(window)
    assert "01-KH/ĐTN" in window.editor.issued_banner.label.text()
    assert not window.editor.page("general").isEnabled() and window.editor.attendees.isEnabled()
    assert not window.issue_actions.issue_action.isEnabled()
    assert window.statusBar().currentMessage().startswith("Đã ban hành: số 01-KH/ĐTN")
    with pytest.raises(UserError, match="không sửa được"):
        PlanStore(db).update(draft_id, plan)


def test_issue_needs_the_term_start(window, db, draft_id, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: shown.append(a[2])))
    window.issue_actions.issue_action.trigger()
    assert shown and "nhiệm kỳ" in shown[0] and Register(db).entries() == []


def test_errors_of_the_checker_come_first(window, db, draft_id, monkeypatch):
    OfficeStore(db).set("term_start", "2022-10-01")
    window.editor.page("general").title_edit.setPlainText("")
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    window.issue_actions.issue_action.trigger()
    assert "lỗi thể thức" in asked[0] and "trích yếu" in asked[0]
    assert Register(db).entries() == [] and window.checks.dock.isVisible()


def test_cancelled_confirmation_issues_nothing(window, db, monkeypatch):
    OfficeStore(db).set("term_start", "2022-10-01")
    answer(monkeypatch, QMessageBox.StandardButton.No)
    window.issue_actions.issue_action.trigger()
    assert Register(db).entries() == [] and not window.editor.read_only


def test_the_register_and_the_office_profile_from_the_tools_menu(window, db, draft_id, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from kehoach_desktop.ui.office_dialog import OfficeDialog
    from kehoach_desktop.ui.register_dialog import RegisterDialog

    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Công cụ")
    assert [a.text() for a in tools.actions() if not a.isSeparator()] == [
        "&Kiểm tra thể thức", "&Ban hành (cấp số, vào sổ văn bản đi)…", "&Sổ văn bản đi…", "&Hồ sơ cơ quan…"]
    opened = []
    monkeypatch.setattr(OfficeDialog, "exec", lambda self: opened.append("office") or QDialog.DialogCode.Rejected)
    window.office_action.trigger()

    def choose(self):
        opened.append("register")
        self.open_plan_requested.emit(draft_id)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(RegisterDialog, "exec", choose)
    window.table.clearSelection()
    window.register_action.trigger()
    assert opened == ["office", "register"] and window.current_plan_id() == draft_id
