"""The outline, assignments and activities editors, driven like a clerk would."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from typing_helpers import type_text

from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import Plan, Section
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.text_export import render_text
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.editor import plan_editor


@pytest.fixture(autouse=True)
def fast_autosave(monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)


def open_window(qtbot, db, plan):
    store = PlanStore(db)
    plan_id = store.add(plan)
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win, store, plan_id


def saved_section(win, store, plan_id, index):
    assert win.editor.save_now()
    return store.get(plan_id).sections[index].content


# ------------------------------------------------------------------ outline
def test_outline_shows_the_structure_with_generated_numbers(qtbot, db):
    win, _store, _ = open_window(qtbot, db, kehoach_json.read_file(FIXTURE_FILES[0]))
    outline = win.editor.section_pages[0].editor
    tree = outline.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == ["1.", "2."]
    purpose = tree.topLevelItem(0)
    assert purpose.text(1) == "Mục đích" and purpose.childCount() == 2
    assert purpose.child(0).text(0) == "-" and purpose.child(0).text(1).startswith("Đánh giá kết quả")


def test_outline_typing_adding_indenting_and_moving(qtbot, db):
    plan = Plan(title="Kế hoạch thử", sections=[Section("MỤC ĐÍCH", c.FreeContent())])
    win, store, plan_id = open_window(qtbot, db, plan)
    outline = win.editor.section_pages[0].editor
    outline.add_row("subsection")
    type_text(outline.text, "Mục đích")
    outline.add_row("paragraph")  # a subsection is selected: the row goes inside it
    type_text(outline.text, "Đánh giá kết quả năm 2022.")
    outline.indent()  # paragraph -> "-" item
    outline.add_row("paragraph")
    type_text(outline.text, "Biểu dương cá nhân")
    outline.indent()
    outline.indent()  # "-" -> "+"
    outline.add_row("subsection")  # added while writing the lines of 1.: it follows 1. as 2.
    type_text(outline.text, "Yêu cầu")
    assert outline.tree.topLevelItem(1).text(0) == "2."
    outline.indent()  # into 1. as 1.1.
    assert outline.tree.topLevelItem(0).child(2).text(0) == "1.1."
    outline.outdent()  # 1.1. leaves 1. and becomes 2. again
    outline.add_row("item1")
    type_text(outline.text, "Tiết kiệm, hiệu quả.")
    assert outline.tree.topLevelItem(1).text(0) == "2."

    blocks = saved_section(win, store, plan_id, 0).blocks
    assert [type(b).__name__ for b in blocks] == ["Subsection", "Subsection"]
    assert blocks[0].heading == "Mục đích"
    assert blocks[0].content.blocks == [c.Item("Đánh giá kết quả năm 2022.", 1), c.Item("Biểu dương cá nhân", 2)]
    assert blocks[1].heading == "Yêu cầu" and blocks[1].content.blocks == [c.Item("Tiết kiệm, hiệu quả.", 1)]

    outline.tree.setCurrentItem(outline.tree.topLevelItem(1))
    outline.move(-1)
    outline.tree.setCurrentItem(outline.tree.topLevelItem(0))
    outline.indent()  # "Yêu cầu" is not after a subsection any more: nothing happens
    outline.tree.setCurrentItem(outline.tree.topLevelItem(1))
    outline.indent()  # "Mục đích" goes under "Yêu cầu" as 1.1.
    assert outline.tree.topLevelItem(0).child(1).text(0) == "1.1."
    blocks = saved_section(win, store, plan_id, 0).blocks
    assert len(blocks) == 1 and blocks[0].heading == "Yêu cầu"
    assert blocks[0].content.blocks[1].heading == "Mục đích"
    text = render_text(store.get(plan_id))
    assert "1.1. Mục đích" in text and "+ Biểu dương cá nhân" in text


def test_outline_kinds_display_block_and_removal(qtbot, db):
    plan = Plan(sections=[Section("NỘI DUNG", c.FreeContent([c.Paragraph("Mở đầu.")]))])
    win, store, plan_id = open_window(qtbot, db, plan)
    outline = win.editor.section_pages[0].editor
    outline.add_row("display")
    type_text(outline.text, "HỘI NGHỊ\nSƠ KẾT NĂM 2022")
    outline.add_row("paragraph")
    type_text(outline.text, "Khoản một")
    outline.kind.setCurrentIndex(outline.kind.findData("numbered"))
    assert outline.tree.currentItem().text(0) == "1."
    blocks = saved_section(win, store, plan_id, 0).blocks
    assert blocks == [c.Paragraph("Mở đầu."), c.Display(["HỘI NGHỊ", "SƠ KẾT NĂM 2022"]), c.Numbered("Khoản một")]
    outline.tree.setCurrentItem(outline.tree.topLevelItem(0))
    outline.remove_current()
    assert [type(b).__name__ for b in saved_section(win, store, plan_id, 0).blocks] == ["Display", "Numbered"]


def test_structured_content_inside_an_outline_has_its_own_editor(qtbot, db):
    plan = kehoach_json.read_file(FIXTURE_FILES[2])  # 002: II. holds a time-and-place subsection
    win, store, plan_id = open_window(qtbot, db, plan)
    outline = win.editor.section_pages[1].editor
    outline.tree.setCurrentItem(outline.tree.topLevelItem(0))
    editor = outline.structured
    assert editor is not None and type(editor).__name__ == "TimePlaceEditor"
    type_text(editor.venue, " – tầng 2")
    tp = saved_section(win, store, plan_id, 1).blocks[0].content
    assert tp.venue == "Hội trường Thành Đoàn Thành phố Hồ Chí Minh – tầng 2"
    assert tp.event_date == date(2021, 12, 16)


# -------------------------------------------------------------- assignments
def test_assignments_units_tasks_deadlines_and_display(qtbot, db):
    win, store, plan_id = open_window(qtbot, db, kehoach_json.read_file(FIXTURE_FILES[0]))
    page = win.editor.section_pages[4]  # V. TỔ CHỨC THỰC HIỆN
    editor = page.editor
    tree = editor.tree
    assert tree.topLevelItem(0).text(0) == "Đoàn Khối Dân – Chính – Đảng Thành phố"
    stage = tree.topLevelItem(0).child(2)
    tree.setCurrentItem(stage)
    assert editor.display.toPlainText().splitlines()[1] == "HỘI NGHỊ"
    editor.add_parent()
    tree.currentItem().setText(0, "Văn phòng Đoàn Khối")
    tree.currentItem().setText(1, "20/01/2023")  # a unit has no deadline: marked and said, then moved
    assert "dòng đơn vị không được lưu" in editor.problems.text()
    tree.currentItem().setText(1, "")
    assert "dòng đơn vị" not in editor.problems.text()
    editor.add_child()
    tree.currentItem().setText(0, "Gửi giấy mời")
    tree.currentItem().setText(1, "25/01/2023")
    tree.currentItem().setText(2, "16:00")
    type_text(editor.display, "GIẤY MỜI")
    editor.add_child()
    tree.currentItem().setText(0, "Chuẩn bị hội trường")
    tree.currentItem().setText(1, "30/02/2023")  # no such day: kept as typed, in red, reported
    tree.currentItem().setText(2, "8 giờ 30")  # the plans' own style: shown and stored as 08:30
    assert "30/02/2023" in editor.problems.text() and tree.currentItem().text(2) == "08:30"
    units = saved_section(win, store, plan_id, 4).units
    assert units[0].tasks[2].display[1] == "HỘI NGHỊ"
    added = units[1]
    assert added.unit == "Văn phòng Đoàn Khối"
    assert (added.tasks[0].deadline_date, added.tasks[0].deadline_time, added.tasks[0].display) == \
        (date(2023, 1, 25), "16:00", ["GIẤY MỜI"])
    assert (added.tasks[1].deadline_date, added.tasks[1].deadline_typed, added.tasks[1].deadline_time) == \
        (None, "30/02/2023", "08:30")
    tree.setCurrentItem(tree.topLevelItem(1))
    editor.move(1)
    assert saved_section(win, store, plan_id, 4).units[2].unit == "Văn phòng Đoàn Khối"


# --------------------------------------------------------------- activities
def test_activities_editor(qtbot, db):
    win, store, plan_id = open_window(qtbot, db, kehoach_json.read_file(FIXTURE_FILES[4]))
    editor = win.editor.section_pages[1].editor  # II. NỘI DUNG (activities)
    count = editor.list.count()
    assert count >= 2 and editor.list.item(0).text().startswith("Phát động đợt thi đua")
    editor.list.setCurrentRow(count - 1)
    editor.add_activity()
    type_text(editor.title, "Ngày hội thanh niên khởi nghiệp")
    type_text(editor.time, "Tháng 5/2024")
    type_text(editor.area, "Quận 1")
    type_text(editor.lines, "Trưng bày sản phẩm\nTọa đàm")
    editor.add_duty()
    editor.duties.item(0, 0).setText("Đoàn Khối")
    editor.duties.item(0, 1).setText("chủ trì tổ chức.")
    assert editor.list.currentItem().text() == "Ngày hội thanh niên khởi nghiệp"
    acts = saved_section(win, store, plan_id, 1).activities
    assert len(acts) == count + 1
    new = acts[-1]
    assert (new.title, new.time, new.area, new.content) == ("Ngày hội thanh niên khởi nghiệp", "Tháng 5/2024",
                                                            "Quận 1", ["Trưng bày sản phẩm", "Tọa đàm"])
    assert new.duties == [c.Duty("Đoàn Khối", "chủ trì tổ chức.")]
    editor.move(-1)
    editor.list.setCurrentRow(0)
    editor.remove_activity()
    acts = saved_section(win, store, plan_id, 1).activities
    assert len(acts) == count and acts[-2].title == "Ngày hội thanh niên khởi nghiệp"
    assert "- Thời gian: Tháng 5/2024" in render_text(store.get(plan_id))


# ------------------------------------------------------------------ every kind
def test_every_content_kind_has_an_editor(qtbot):
    """The editors register themselves by kind (content/kinds.py): a kind of
    the registry (core/kinds.py) without an editor fails here."""
    from PySide6.QtWidgets import QWidget

    from kehoach_desktop.core.kinds import all_kinds
    from kehoach_desktop.ui.editor.content import editor_for, load_all_editors

    EDITORS = load_all_editors()  # noqa: N806 - the registry's name
    assert set(EDITORS) == {k.name for k in all_kinds()}
    holder = QWidget()
    qtbot.addWidget(holder)
    for kind in all_kinds():
        editor = editor_for(kind.name, holder)
        assert isinstance(editor, EDITORS[kind.name])
        editor.load(kind.model())
        assert editor.content() == kind.model(), kind.name
