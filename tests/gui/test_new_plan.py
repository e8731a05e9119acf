"""New plans from the menu: blank, from a template, and as a confirmed copy."""
from datetime import date

import pytest
from dialog_helpers import Clerk
from PySide6.QtWidgets import QInputDialog

from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.new_plan import ConfirmHeaderDialog


@pytest.fixture
def window(qtbot, db):
    PlanStore(db).add(Plan(superior_body="THÀNH ĐOÀN TP. HỒ CHÍ MINH", issuing_bodies=["BCH ĐOÀN QUẬN 12"],
                           place="Quận 12", title="Hội nghị thông tin 2022", number=DocumentNumber(5, suffix="VP"),
                           plan_date=date(2022, 8, 18), status="issued"))
    win = create_window(db)
    qtbot.addWidget(win)
    return win


def test_new_blank_plan_opens_in_the_editor(window):
    window.new_plan_actions.new_action.trigger()
    assert window.model.rowCount() == 2
    assert window.editor.plan.title == "" and window.editor.plan.status == "draft"
    assert window.editor.tabs.currentIndex() == 0


def test_new_plan_from_the_conference_template(window):
    def choose(dialog):
        dialog.setTextValue("Kế hoạch tổ chức hội nghị (mẫu đủ các mục)")
        dialog.accept()

    with Clerk(handlers={QInputDialog: choose}):  # the real dialog, answered by a timer
        window.new_plan_actions.template_action.trigger()
    assert len(window.editor.section_pages) == 5
    assert window.editor.tabs.tabText(2) == "II. Thời gian – địa điểm"


def test_copy_asks_to_confirm_the_header_and_clears_number_and_date(window):
    seen = []

    def confirm(dialog):
        seen.append(dialog.place.text())
        dialog.place.setText("Phường Tân Thới Hiệp")
        dialog.bodies[0].setText("BCH ĐOÀN PHƯỜNG TÂN THỚI HIỆP")
        dialog.accept()

    original_id = window.current_plan_id()
    with Clerk(handlers={ConfirmHeaderDialog: confirm}):
        window.new_plan_actions.copy_action.trigger()
    assert seen == ["Quận 12"]
    copy_id = window.current_plan_id()
    assert copy_id != original_id
    copy = window.store.get(copy_id)
    assert copy.place == "Phường Tân Thới Hiệp" and copy.issuing_bodies == ["BCH ĐOÀN PHƯỜNG TÂN THỚI HIỆP"]
    assert (copy.number.value, copy.plan_date, copy.status) == (None, None, "draft")
    assert copy.title == "Hội nghị thông tin 2022" and copy.number.suffix == "VP"
    assert window.store.get(original_id).place == "Quận 12"


def test_cancelled_copy_adds_nothing(window):
    with Clerk() as clerk:  # Escape
        window.new_plan_actions.copy_action.trigger()
    assert clerk.shown == ["ConfirmHeaderDialog"]
    assert window.model.rowCount() == 1


def test_a_new_plan_takes_the_office_profile(window, db):
    from kehoach_desktop.core.model import Signature
    from kehoach_desktop.store.office import OfficeStore

    offices = OfficeStore(db)
    profile = offices.get()
    profile.superior_body, profile.issuing_body, profile.place = ("THÀNH ĐOÀN TP. HỒ CHÍ MINH",
                                                                  "BCH ĐOÀN PHƯỜNG BẾN THÀNH", "Phường Bến Thành")
    profile.signers = [Signature("TM.", "BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "Lê Thị Mai")]
    offices.save(profile)
    window.new_plan_actions.new_action.trigger()
    plan = window.editor.plan
    assert (plan.superior_body, plan.issuing_bodies, plan.place) == (
        "THÀNH ĐOÀN TP. HỒ CHÍ MINH", ["BCH ĐOÀN PHƯỜNG BẾN THÀNH"], "Phường Bến Thành")
    assert plan.number.issuer_codes == ["ĐTN"] and plan.signatures[0].name == "Lê Thị Mai"
