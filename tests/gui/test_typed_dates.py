"""Nothing typed is silently dropped: a deadline typed on no real day stays
in its cell, red, is saved as typed, comes back after the plan is opened
again and after an undo, is an error of the format checker, and is printed
as typed in the Word file."""
import io

import docx
import pytest
from conftest import FIXTURE_FILES
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from typing_helpers import type_text

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.editor import plan_editor
from kehoach_desktop.ui.editor.content.assignments import COL_DATE, COL_TEXT, COL_TIME
from kehoach_desktop.ui.editor.content.typed_cells import is_marked

ASSIGNMENTS = 4  # V. TỔ CHỨC THỰC HIỆN of example 000


@pytest.fixture(autouse=True)
def fast_autosave(monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)


def open_window(qtbot, db):
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.editor.plan is not None)
    return win


def type_into_cell(qtbot, tree, item, column, text, shown=None):
    """Open the cell's editor as the clerk does, type, and press Enter; the
    cell then shows ``shown`` (the text typed by default)."""
    tree.setCurrentItem(item, column)
    tree.editItem(item, column)
    # a line edit for dates and times, a growing text box for the text column (cell_editing)
    editors = [w for kind in (QLineEdit, QPlainTextEdit) for w in tree.viewport().findChildren(kind) if w.isVisible()]
    assert len(editors) == 1
    editors[0].selectAll()
    type_text(editors[0], text)
    QTest.keyClick(editors[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: item.text(column) == (shown or text))


def test_a_deadline_on_no_real_day_is_kept_marked_checked_and_printed(qtbot, db, tmp_path):
    plan_id = PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = open_window(qtbot, db)
    assert win.editor.plan_id == plan_id
    win.editor.go_to_field(f"sections[{ASSIGNMENTS}].content")  # the section's page, shown
    editor = win.editor.section_pages[ASSIGNMENTS].editor
    task = editor.tree.topLevelItem(1).child(1)  # unit 2, task 2
    type_into_cell(qtbot, editor.tree, task, COL_DATE, "31/02/2023")
    type_into_cell(qtbot, editor.tree, task, COL_TIME, "8 giờ 30", shown="08:30")
    assert task.text(COL_DATE) == "31/02/2023" and is_marked(task, COL_DATE)
    assert task.text(COL_TIME) == "08:30" and not is_marked(task, COL_TIME)
    assert "31/02/2023" in editor.problems.text()

    # undoing a later edit keeps it (the undo history records the plan's data)
    before = task.text(COL_TEXT)
    qtbot.waitUntil(lambda: not win.editor.snapshot_timer.isActive())  # the pause that records a step
    type_into_cell(qtbot, editor.tree, task, COL_TEXT, "Chuẩn bị hội trường")
    win.editor.undo()
    editor = win.editor.section_pages[ASSIGNMENTS].editor
    task = editor.tree.topLevelItem(1).child(1)
    assert task.text(COL_TEXT) == before
    assert task.text(COL_DATE) == "31/02/2023" and is_marked(task, COL_DATE)

    assert win.editor.save_now()
    stored = PlanStore(db).get(plan_id).sections[ASSIGNMENTS].content.units[1].tasks[1]
    assert (stored.deadline_date, stored.deadline_typed, stored.deadline_time) == (None, "31/02/2023", "08:30")
    win.close()

    # the plan opened again, in a new window
    win = open_window(qtbot, db)
    editor = win.editor.section_pages[ASSIGNMENTS].editor
    task = editor.tree.topLevelItem(1).child(1)
    assert task.text(COL_DATE) == "31/02/2023" and is_marked(task, COL_DATE)
    assert "31/02/2023" in editor.problems.text()

    # F7 lists it as an error naming its place
    win.checks.check_action.trigger()
    model = win.checks.panel.model
    rows = [model.row(i) for i in range(model.rowCount())]
    wanted = "Mục V, đơn vị 2, nhiệm vụ 2: hạn “31/02/2023” không phải ngày có thật"
    assert any(f.severity == "error" and f.message == wanted for f in rows)

    # printed as typed; the plan file keeps it too
    words = "\n".join(p.text for p in docx.Document(io.BytesIO(render_docx(PlanStore(db).get(plan_id)))).paragraphs)
    assert "trước 08g30 ngày 31/02/2023" in words
    path = tmp_path / "plan.kehoach.json"
    kehoach_json.write_file(PlanStore(db).get(plan_id), path)
    again = kehoach_json.read_file(path).sections[ASSIGNMENTS].content.units[1].tasks[1]
    assert again.deadline_typed == "31/02/2023"


def test_a_stored_time_that_is_not_one_is_kept_by_the_time_and_place_editor(qtbot, db):
    """Qt's time field cannot hold "25g00": the value read from a file is
    shown beside it in red and saved unchanged, until the clerk picks a time."""
    from PySide6.QtCore import QTime

    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.sections[1].content.start_time = "25g00"  # II. THỜI GIAN – ĐỊA ĐIỂM
    plan_id = PlanStore(db).add(plan)
    win = open_window(qtbot, db)
    editor = win.editor.section_pages[1].editor
    assert "“25g00”: Không có giờ này." in editor.start_kept.text()
    win.editor.page("general").title_edit.setPlainText("Tiêu đề khác")  # another edit: the time stays
    assert win.editor.save_now()
    assert PlanStore(db).get(plan_id).sections[1].content.start_time == "25g00"
    editor.start_time.setTime(QTime(7, 30))  # the clerk picks a time
    assert editor.start_kept.text() == ""
    assert win.editor.save_now()
    assert PlanStore(db).get(plan_id).sections[1].content.start_time == "07:30"
