"""A plan without a signature block (another office's page cut before its
end, imported) opened in the real window: the editor invents no block, so
that saving it, the preview and the exports print no lone "TM."; the clerk
adds one with the count, from the keyboard."""
from other_offices import source_text
from PySide6.QtCore import Qt
from typing_helpers import type_text

from kehoach_desktop.formats.plan_import import plan_from_text
from kehoach_desktop.formats.text_export import render_text
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window


def test_a_cut_page_s_plan_keeps_no_signature_until_the_clerk_adds_one(qtbot, db):
    plan, _ = plan_from_text(source_text("tinh-hdd-quangngai-07-chuong-trinh-cong-tac-doi-2015"))
    assert plan.signatures == []
    plan_id = PlanStore(db).add(plan)
    window = create_window(db)
    qtbot.addWidget(window)
    window.show()
    window.select_plan(plan_id)
    closing = window.editor.page("closing")
    assert closing.count.value() == 0 and closing.count.text() == "Chưa có khối chữ ký"
    assert not any(box.isVisibleTo(closing) for box in closing.boxes)
    place = window.editor.page("general").place
    place.clear()
    type_text(place, "Tỉnh Quảng Ngãi")  # an edit, then the save
    assert window.editor.save_now()
    stored = window.store.get(plan_id)
    assert stored.signatures == [] and "TM." not in render_text(stored)
    qtbot.waitUntil(lambda: "Tỉnh Quảng Ngãi" in window.preview.toPlainText(), timeout=3000)
    assert "TM." not in window.preview.toPlainText()
    closing.count.setFocus()
    qtbot.keyClick(closing.count, Qt.Key.Key_Up)  # the clerk adds a block
    assert closing.count.value() == 1 and closing.boxes[0].isVisibleTo(closing)
    assert window.editor.save_now()
    assert [s.authority for s in window.store.get(plan_id).signatures] == ["TM."]
