"""A dialog the window opens is deleted once used: opening each twice, for
real (answered by a timer), leaves no dialog child on the window, so a
clerk's day of openings does not pile widgets up under it.

A dialog that only Python holds is deleted with its last reference, but one
caught in a reference cycle (a slot closing over it) lives on under the
window until the garbage collector runs, at a moment nobody chose: the
collector is held off here, so only an explicit deletion passes."""
import gc

import pytest
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from PySide6.QtWidgets import QApplication, QDialog

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window


@pytest.fixture
def window(qtbot, db):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.status, plan.number.value = "draft", None
    PlanStore(db).add(plan)
    OfficeStore(db).set("term_start", "2022-10-01")  # Ban hành gets as far as its question
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.plan is not None)
    return win


def dialogs(window) -> list[str]:
    return sorted(type(d).__name__ for d in window.findChildren(QDialog))


OPENINGS = {
    "Giới thiệu": lambda w: w.about_action.trigger(),
    "Sổ văn bản đi": lambda w: w.register_action.trigger(),
    "Hồ sơ cơ quan": lambda w: w.office_action.trigger(),
    "Ban hành (its question)": lambda w: w.issue_actions.issue_action.trigger(),
    "Bản sao (the header to confirm)": lambda w: w.new_plan_actions.new_copy(),
    "Danh bạ (from the guest list)": lambda w: w.editor.attendees.pick_contacts(),
    "Thùng rác": lambda w: w.document_actions.open_trash(),
    "Sao lưu": lambda w: w.document_actions.open_backups(),
}


@pytest.mark.parametrize("name", OPENINGS)
def test_opening_a_dialog_twice_leaves_no_dialog_behind(window, qtbot, name):
    gc.collect()
    before = dialogs(window)
    gc.disable()
    try:
        for _ in range(2):
            with Clerk() as clerk:  # Escape on whatever shows
                OPENINGS[name](window)
            assert clerk.shown, "no dialog was shown"
        qtbot.wait(20)  # back in an event loop: the deferred deletions run
        QApplication.processEvents()
        assert dialogs(window) == before
    finally:
        gc.enable()
