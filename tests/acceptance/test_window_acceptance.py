"""Issue 4's acceptance, end to end in the real window: a plan written
through every tab, saved, reopened, undone, searched, exported to Word
through the menu, printed to PDF, and previewed while typing."""
import subprocess
from datetime import date

import pytest
from dialog_helpers import Clerk
from doc_compare import compare, document_words, words
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLineEdit
from typing_helpers import type_text

from kehoach_desktop.core import content as c
from kehoach_desktop.formats.libreoffice import convert
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.editor import plan_editor

TITLE = "Hội nghị tổng kết công tác Đoàn năm 2023"


@pytest.fixture(autouse=True)
def quick_timers(monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)
    monkeypatch.setattr(plan_editor, "SNAPSHOT_MS", 20)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def write_plan(win, qtbot):
    """Everything a clerk fills in, tab by tab."""
    win.new_plan_actions.new_action.trigger()
    editor = win.editor
    general = editor.page("general")
    type_text(general.superior, "THÀNH ĐOÀN TP. HỒ CHÍ MINH")
    general.bodies[0].clear()
    type_text(general.bodies[0], "BCH ĐOÀN KHỐI DÂN – CHÍNH – ĐẢNG")
    general.number.setValue(7)
    general.issuer_codes.clear()
    type_text(general.issuer_codes, "ĐTN")
    general.place.clear()
    type_text(general.place, "TP. Hồ Chí Minh")
    general.has_date.setChecked(True)
    general.date_edit.setDate(QDate(2024, 1, 5))
    general.title_edit.clear()
    type_text(general.title_edit, TITLE)
    general.preamble.clear()
    type_text(general.preamble, "Căn cứ Chương trình công tác Đoàn năm 2023.")
    for page in list(editor.section_pages):  # start from no sections: every kind is added below
        editor.tabs.removeTab(editor.tabs.indexOf(page))
        editor.section_pages.remove(page)
        del editor.pages[page.page_id]
    editor._retitle()

    outline = editor.add_section("free").editor
    outline.add_row("subsection")
    type_text(outline.text, "Mục đích")
    outline.add_row("item1")
    type_text(outline.text, "Đánh giá kết quả công tác Đoàn năm 2023.")

    time_place = editor.add_section("time_place").editor
    time_place.has_date.setChecked(True)
    time_place.event_date.setDate(QDate(2024, 1, 12))
    time_place.venue.clear()
    type_text(time_place.venue, "Hội trường Thành Đoàn")

    participants = editor.add_section("participants").editor
    for group, text, count in (("Khách mời", "Lãnh đạo Thành Đoàn", "2"),
                               ("Khách mời", "Lãnh đạo Đảng ủy Khối", "3"),
                               ("Đoàn Khối", "Ủy viên Ban Chấp hành", "25")):
        participants.add_row()
        row = participants.table.currentRow()
        for column, value in enumerate((group, text, count)):
            participants.table.item(row, column).setText(value)
    participants.has_total.setChecked(True)
    participants.stated_total.setValue(30)
    assert "30" in participants.counted.text()

    programme = editor.add_section("programme").editor
    programme.add_parent_button.click()
    for column, value in enumerate(("08:00", "08:30", "Đón tiếp đại biểu.")):
        programme.tree.currentItem().setText(column, value)

    assignments = editor.add_section("assignments").editor
    assignments.add_parent()
    assignments.tree.currentItem().setText(0, "Văn phòng Đoàn Khối")
    assignments.add_child()
    assignments.tree.currentItem().setText(0, "Gửi giấy mời đại biểu.")
    assignments.tree.currentItem().setText(1, "08/01/2024")

    timeline = editor.add_section("timeline").editor
    timeline.add_row()
    timeline.table.item(0, 0).setText("01/2024")
    timeline.table.item(0, 3).setText("Hoàn thành báo cáo tổng kết.")

    activities = editor.add_section("activities").editor
    activities.add_activity()
    type_text(activities.title, "Ngày hội thanh niên tình nguyện")
    type_text(activities.time, "Tháng 3/2024")

    closing = editor.page("closing")
    closing.closing.clear()
    type_text(closing.closing, "Trên đây là Kế hoạch tổ chức Hội nghị tổng kết.")
    closing.recipients.clear()
    type_text(closing.recipients, "Thành Đoàn\nCác cơ sở Đoàn\nLưu: VP")
    closing.count.setValue(2)
    # The page keeps every box it can show; the count shows the first two.
    for box, (position, name) in zip(closing.boxes[:2], (("BÍ THƯ", "Nguyễn Văn An"),
                                                         ("PHÓ BÍ THƯ", "Trần Thị Bình")), strict=True):
        box.authority.setCurrentIndex(1)
        type_text(box.body, "BAN THƯỜNG VỤ ĐOÀN KHỐI")
        type_text(box.position, position)
        type_text(box.name, name)
    qtbot.wait(60)
    return editor.plan_id


def check_plan(plan):
    assert plan.superior_body == "THÀNH ĐOÀN TP. HỒ CHÍ MINH" and plan.number.value == 7
    assert plan.plan_date == date(2024, 1, 5) and plan.title == TITLE
    kinds = [s.content.kind for s in plan.sections]
    assert kinds == ["free", "time_place", "participants", "programme", "assignments", "timeline", "activities"]
    participants = plan.sections[2].content
    assert [(g.title, [(e.text, e.count) for e in g.entries]) for g in participants.groups] == [
        ("Khách mời", [("Lãnh đạo Thành Đoàn", 2), ("Lãnh đạo Đảng ủy Khối", 3)]),
        ("Đoàn Khối", [("Ủy viên Ban Chấp hành", 25)])]
    assert participants.stated_total == 30 == participants.counted_total()
    assert plan.sections[1].content.event_date == date(2024, 1, 12)
    assert plan.sections[4].content.units[0].tasks[0].deadline_date == date(2024, 1, 8)
    assert plan.sections[0].content.blocks[0] == c.Subsection(
        "Mục đích", c.FreeContent([c.Item("Đánh giá kết quả công tác Đoàn năm 2023.", 1)]))
    assert [(s.position, s.name) for s in plan.signatures] == [("BÍ THƯ", "Nguyễn Văn An"),
                                                              ("PHÓ BÍ THƯ", "Trần Thị Bình")]
    assert plan.recipients == ["Thành Đoàn", "Các cơ sở Đoàn", "Lưu: VP"]


@pytest.mark.usefixtures("libreoffice", "poppler")  # to compare the PDF with the Word file
def test_write_a_plan_through_every_tab(qtbot, db, tmp_path, monkeypatch):
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    plan_id = write_plan(win, qtbot)

    # saved: read back through the store, and again after reopening the window
    qtbot.waitUntil(lambda: not win.editor.dirty, timeout=2000)
    check_plan(PlanStore(db).get(plan_id))
    win.close()
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    assert win.editor.plan_id == plan_id  # the last plan open comes back
    check_plan(win.editor.current_plan())
    assert win.editor.page("closing").boxes[1].name.text() == "Trần Thị Bình"

    # the preview follows an edit, and undo takes it back
    general = win.editor.page("general")
    general.place.clear()
    type_text(general.place, "Quận 3")
    qtbot.waitUntil(lambda: "Quận 3, ngày 05 tháng 01 năm 2024" in win.preview.toPlainText(), timeout=2000)
    qtbot.wait(60)
    win.undo_action.trigger()
    assert win.editor.page("general").place.text() == "TP. Hồ Chí Minh"
    qtbot.waitUntil(lambda: "TP. Hồ Chí Minh, ngày 05 tháng 01 năm 2024" in win.preview.toPlainText(), timeout=2000)
    qtbot.waitUntil(lambda: PlanStore(db).get(plan_id).place == "TP. Hồ Chí Minh", timeout=2000)

    # search without diacritics
    win.search.setText("hoi nghi tong ket cong tac doan")
    qtbot.waitUntil(lambda: not win.search_timer.isActive())  # the search runs once typing pauses
    assert win.proxy.rowCount() == 1 and win.current_plan_id() == plan_id
    win.search.setText("hien mau")
    qtbot.waitUntil(lambda: not win.search_timer.isActive())
    assert win.proxy.rowCount() == 0
    win.search.clear()

    # Word through the menu, the file dialog answered
    word = tmp_path / "ke-hoach.docx"
    with Clerk(word):  # the real file dialog, answered by a timer
        win.document_actions.export_actions["docx"].trigger()
    written = " ".join(document_words(word))
    for typed in (TITLE, "Hội trường Thành Đoàn", "Lãnh đạo Đảng ủy Khối", "Ủy viên Ban Chấp hành",
                  "Gửi giấy mời đại biểu", "Ngày hội thanh niên tình nguyện", "Nguyễn Văn An", "Trần Thị Bình"):
        assert " ".join(words(typed)) in written, typed

    # print to a PDF through the print dialog: the same words as the Word file, the same pages
    printed = tmp_path / "in.pdf"

    def print_to_pdf(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        name = dialog.findChild(QLineEdit, "filename")  # Qt's own dialog (Linux) reads its field on OK
        if name is not None:
            name.setText(str(printed))
        dialog.accept()

    with Clerk(handlers={QPrintDialog: print_to_pdf}):  # the real dialog, answered by a timer
        win.document_actions.print_action.trigger()
    text = tmp_path / "in.txt"
    subprocess.run(["pdftotext", "-raw", str(printed), str(text)], check=True)
    result = compare(word, text)
    assert result.ratio >= 0.99, result.missing[:5]
    word_pdf = convert([word], "pdf", tmp_path / "lo")[0]
    assert abs(pdf_pages(printed) - pdf_pages(word_pdf)) <= 1
    win.close()
