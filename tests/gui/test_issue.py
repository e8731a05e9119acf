"""Ban hành from the window: the checker first, on the plan as it will be
issued (the register's next number, today's date), a confirmation showing
the whole title, the number and the date, then the register's number; the
issued plan is read-only, its preview shows the number, a copy is the way to
write it again. The message boxes are the real ones, answered by a timer as
the clerk would."""
from datetime import date, timedelta

import pytest
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kehoach_desktop.core.checks import check_plan
from kehoach_desktop.core.dates import date_words, short_date
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import Plan
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.register import Register
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.register_dialog import RegisterDialog

TODAY = date.today()
LONG_TITLE = ("Tổ chức Hội nghị sơ kết chương trình phối hợp giữa Đoàn Khối với các Quận – Huyện Đoàn và Thành Đoàn "
              "Thành phố Thủ Đức năm 2022, thống nhất phương hướng phối hợp năm 2023")


def example_draft(event_date, plan_date):
    """Example 000 as a draft dated ``plan_date`` (the day it was written),
    its meeting on ``event_date``."""
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.status, plan.number.value, plan.plan_date = "draft", None, plan_date
    plan.title = LONG_TITLE
    plan.sections[1].content.event_date = event_date
    return plan


@pytest.fixture
def draft_id(db):
    return PlanStore(db).add(example_draft(TODAY + timedelta(days=30), TODAY - timedelta(days=3)))


@pytest.fixture
def window(qtbot, db, draft_id):
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.plan is not None)
    return win


def answer(*buttons):
    """Answer the next message boxes, the real ones, in order: each is
    clicked as soon as it shows. Returns the texts read (text, then the
    informative text); ``pending`` is what was not asked."""
    asked, pending = [], list(buttons)

    def click():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and pending:
            asked.append(f"{box.text()}\n{box.informativeText()}")
            box.button(pending.pop(0)).click()
        if pending:
            QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)
    return asked, pending


def test_issue_asks_then_numbers_and_locks_the_plan(window, db, draft_id):
    OfficeStore(db).set("term_start", "2022-10-01")
    asked, pending = answer(QMessageBox.StandardButton.Yes)
    window.issue_actions.issue_action.trigger()
    assert not pending and len(asked) == 1  # no errors: only the confirmation
    # the whole title, the number and the date it gets
    assert LONG_TITLE in asked[0] and "Số: 01-KH/ĐTN" in asked[0] and short_date(TODAY) in asked[0]
    entry = Register(db).entry_for_plan(draft_id)
    assert entry.number == 1 and entry.issued_on == TODAY
    plan = PlanStore(db).get(draft_id)
    assert plan.status == "issued" and plan.number.value == 1 and plan.plan_date == TODAY
    assert window.editor.read_only and window.editor.issued_banner.isVisibleTo(window)
    assert "01-KH/ĐTN" in window.editor.issued_banner.label.text()
    assert not window.editor.page("general").isEnabled() and window.editor.attendees.isEnabled()
    assert not window.issue_actions.issue_action.isEnabled()
    assert window.statusBar().currentMessage().startswith("Đã ban hành: số 01-KH/ĐTN")
    # the preview shows the plan as issued: its number and its date
    shown = " ".join(window.preview.toPlainText().split())
    assert "Số: 01-KH/ĐTN" in shown and date_words(TODAY) in shown
    with pytest.raises(UserError, match="không sửa được"):
        PlanStore(db).update(draft_id, plan)


def test_an_error_that_only_the_issue_date_brings_is_shown_before_the_number_is_taken(qtbot, db):
    """The draft was written 10 days ago for a meeting 5 days ago: right on
    the draft's date, wrong on the day it is issued."""
    OfficeStore(db).set("term_start", "2022-10-01")
    plan = example_draft(TODAY - timedelta(days=5), TODAY - timedelta(days=10))
    assert not [f for f in check_plan(plan, today=TODAY) if f.severity == "error"]  # as the draft stands
    plan_id = PlanStore(db).add(plan)
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.plan_id == plan_id)
    asked, pending = answer(QMessageBox.StandardButton.No)
    win.issue_actions.issue_action.trigger()
    assert not pending and len(asked) == 1
    assert f"Khi ban hành với số 01-KH/ĐTN, ngày {short_date(TODAY)}, kế hoạch còn 1 lỗi thể thức" in asked[0]
    assert "sớm hơn ngày ban hành" in asked[0]
    assert Register(db).entries() == [] and PlanStore(db).get(plan_id).status == "draft"
    assert not win.editor.read_only and win.issue_actions.issue_action.isEnabled()
    # the panel lists what was checked: the plan as it would have been issued
    assert win.checks.dock.isVisible()
    model = win.checks.panel.model
    assert [model.row(i).rule for i in range(model.rowCount()) if model.row(i).severity == "error"] == [
        "event-before-plan"]


def test_issue_needs_the_term_start(window, db, draft_id):
    asked, pending = answer(QMessageBox.StandardButton.Ok)
    window.issue_actions.issue_action.trigger()
    assert not pending and "nhiệm kỳ" in asked[0] and Register(db).entries() == []


def test_errors_of_the_checker_come_first(window, db, draft_id):
    OfficeStore(db).set("term_start", "2022-10-01")
    window.editor.page("general").title_edit.setPlainText("")
    asked, pending = answer(QMessageBox.StandardButton.No)
    window.issue_actions.issue_action.trigger()
    assert not pending and "lỗi thể thức" in asked[0] and "trích yếu" in asked[0]
    assert Register(db).entries() == [] and window.checks.dock.isVisible()


def test_cancelled_confirmation_issues_nothing(window, db):
    OfficeStore(db).set("term_start", "2022-10-01")
    asked, pending = answer(QMessageBox.StandardButton.No)
    window.issue_actions.issue_action.trigger()
    assert not pending and "Số: 01-KH/ĐTN" in asked[0]
    assert Register(db).entries() == [] and not window.editor.read_only


def test_the_register_and_the_office_profile_from_the_tools_menu(window, db, draft_id):
    """Both dialogs shown for real by the menu, answered by a timer."""
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Công cụ")
    assert [a.text() for a in tools.actions() if not a.isSeparator()] == [
        "&Kiểm tra thể thức", "&Ban hành (cấp số, vào sổ văn bản đi)…", "&Sổ văn bản đi…", "&Hồ sơ cơ quan…",
        "Điể&m danh…"]
    with Clerk() as clerk:  # Escape: closed unchanged
        window.office_action.trigger()
    assert clerk.shown == ["OfficeDialog"]

    OfficeStore(db).set("term_start", "2022-10-01")
    asked, pending = answer(QMessageBox.StandardButton.Yes)
    window.issue_actions.issue_action.trigger()
    assert not pending and Register(db).entry_for_plan(draft_id) is not None

    def open_the_plan(dialog):
        dialog.table.selectRow(0)
        dialog.open_button.click()
    other = PlanStore(db).add(Plan(title="Một kế hoạch khác"))
    window.reload()
    window.select_plan(other)
    assert window.current_plan_id() == other
    with Clerk(handlers={RegisterDialog: open_the_plan}) as clerk:
        window.register_action.trigger()
    assert clerk.shown == ["RegisterDialog"] and window.current_plan_id() == draft_id
