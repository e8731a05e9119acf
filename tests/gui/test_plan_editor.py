"""The editor tabs, driven for real: type, see it saved, reopen, conflicts."""
import gc
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from PySide6.QtCore import QDate
from typing_helpers import type_text

from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.conflict_dialog import ConflictDialog
from kehoach_desktop.ui.editor import plan_editor
from kehoach_desktop.ui.editor.content.typed_cells import is_marked


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
        ["Thông tin chung", "Kết thúc – Nơi nhận – Ký", "Khách mời"]


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


def test_conflict_with_another_window_keeps_both(window, qtbot):
    plan_id = window.editor.plan_id
    other = window.store.get(plan_id)
    other.title = "Sửa ở cửa sổ khác"
    window.store.update(plan_id, other)  # another program saved meanwhile
    general = window.editor.page("general")
    general.place.setText("Quận 5")
    general.place.textEdited.emit("Quận 5")

    seen = []

    def keep_a_copy(dialog):
        seen.append(dialog.message.text())
        dialog.copy_button.click()

    with Clerk(handlers={ConflictDialog: keep_a_copy}):  # the real dialog, answered by a timer
        assert window.editor.save_now()
    assert "sửa ở nơi khác" in seen[0]
    assert window.store.get(plan_id).title == "Sửa ở cửa sổ khác"  # theirs is intact
    copy = window.store.get(window.editor.plan_id)
    assert window.editor.plan_id != plan_id and copy.place == "Quận 5"
    assert window.model.rowCount() == 2


def test_a_copy_kept_after_a_conflict_is_shown_even_when_the_search_would_hide_it(qtbot, db, fast_autosave):
    store = PlanStore(db)
    store.add(Plan(title="Kế hoạch khác", place="Quận 3"))
    plan_id = store.add(Plan(title="Hội nghị", place="Quận 1"))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    win.search.setText("quan 1")  # the clerk found the plan by its place...
    win.search.returnPressed.emit()
    assert win.proxy.rowCount() == 1 and win.current_plan_id() == plan_id
    other = store.get(plan_id)
    other.title = "Sửa ở cửa sổ khác"
    store.update(plan_id, other)  # ...another program saved it meanwhile...
    general = win.editor.page("general")
    general.place.clear()
    type_text(general.place, "Quận 5")  # ...and the clerk changed the very words searched for

    with Clerk(handlers={ConflictDialog: lambda dialog: dialog.copy_button.click()}):  # as the clerk would
        assert win.editor.save_now()
    copy_id = max(summary.id for summary in store.summaries())
    assert copy_id != plan_id and store.get(copy_id).place == "Quận 5"
    assert win.current_plan_id() == copy_id and win.editor.plan_id == copy_id  # shown, not another plan
    assert win.search.text() == ""  # the search that hid it was cleared
    gc.collect()


def test_conflict_reload_shows_the_saved_plan(window):
    plan_id = window.editor.plan_id
    other = window.store.get(plan_id)
    other.title = "Bản của người khác"
    window.store.update(plan_id, other)
    general = window.editor.page("general")
    general.place.setText("Quận 9")
    general.place.textEdited.emit("Quận 9")

    with Clerk(handlers={ConflictDialog: lambda dialog: dialog.reload_button.click()}):
        assert not window.editor.save_now()
    assert general.title_edit.toPlainText() == "Bản của người khác"
    assert window.store.get(plan_id).place == "" and window.model.rowCount() == 1


# ---------------------------------------------------------------- section tabs
@pytest.fixture
def example(qtbot, db, fast_autosave):
    plan_id = PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))  # 000: five sections
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win, plan_id


def tab_titles(editor):
    return [editor.tabs.tabText(i) for i in range(editor.tabs.count())]


def test_one_tab_per_section_numbered_by_order(example):
    win, _ = example
    assert tab_titles(win.editor) == ["Thông tin chung", "I. Mục đích, yêu cầu", "II. Thời gian – địa điểm",
                                      "III. Thành phần tham dự", "IV. Chương trình hội nghị",
                                      "V. Tổ chức thực hiện", "Kết thúc – Nơi nhận – Ký", "Khách mời"]


def test_time_place_editor_shows_weekday_and_lunar_date(example, qtbot):
    win, plan_id = example
    page = win.editor.section_pages[1]
    tp = page.editor
    assert tp.date_info.text() == "Thứ Ba, ngày 31 tháng 01 năm 2023 – Mùng 10 Tết Quý Mão"
    tp.event_date.setDate(QDate(2024, 2, 10))
    assert tp.date_info.text().endswith("Mùng 1 Tết Giáp Thìn")
    assert win.editor.save_now()
    stored = win.store.get(plan_id).sections[1].content
    assert stored.event_date == date(2024, 2, 10) and stored.start_time == "08:00" and stored.show_lunar
    qtbot.waitUntil(lambda: "(Mùng 1 Tết Giáp Thìn)" in win.preview.toPlainText(), timeout=2000)


def test_participants_table_with_counts_and_total(example):
    win, plan_id = example
    editor = win.editor.section_pages[2].editor
    assert editor.table.rowCount() == 10
    assert editor.has_total.isChecked() and editor.stated_total.value() == 60
    editor.table.setCurrentCell(0, 1)
    editor.add_row()
    editor.table.item(1, 1).setText("Đại diện Văn phòng Thành Đoàn")
    editor.table.item(1, 2).setText("2")
    assert editor.counted_total() == 2
    assert "Tổng theo danh sách: 2 người – khác tổng dự kiến 60" == editor.counted.text()
    assert win.editor.save_now()
    groups = win.store.get(plan_id).sections[2].content.groups
    assert [e.text for e in groups[0].entries][:2] == ["Kính mời đồng chí Thường trực Thành Đoàn TP. Hồ Chí Minh",
                                                       "Đại diện Văn phòng Thành Đoàn"]
    assert groups[0].entries[1].count == 2 and len(groups) == 3


def test_add_move_and_remove_sections(example):
    win, plan_id = example
    editor = win.editor
    page = editor.add_section("participants")
    assert tab_titles(editor)[6] == "VI. Thành phần tham dự"
    editor.move_section(page, -1)
    assert tab_titles(editor)[5:7] == ["V. Thành phần tham dự", "VI. Tổ chức thực hiện"]
    page.heading.setText("KHÁCH MỜI")
    page.heading.textEdited.emit("KHÁCH MỜI")
    assert tab_titles(editor)[5] == "V. Khách mời"
    assert editor.save_now()
    assert [s.heading for s in win.store.get(plan_id).sections][4:] == ["KHÁCH MỜI", "TỔ CHỨC THỰC HIỆN"]
    with Clerk(yes=True):  # the real question, answered Yes by a timer
        editor.remove_section(editor.section_pages[0])
    assert tab_titles(editor)[1] == "I. Thời gian – địa điểm"
    assert editor.save_now()
    assert len(win.store.get(plan_id).sections) == 5


def test_untouched_fixture_sections_are_saved_unchanged(qtbot, db):
    store = PlanStore(db)
    for fixture in FIXTURE_FILES:
        plan = kehoach_json.read_file(fixture)
        plan_id = store.add(plan)
        win = create_window(db)
        qtbot.addWidget(win)
        win.select_plan(plan_id)
        win.editor.dirty = True
        assert win.editor.save_now()
        assert kehoach_json.dumps(store.get(plan_id)) == kehoach_json.dumps(plan), fixture.name
        win.close()


def test_programme_editor_slots_and_sub_items(example):
    win, plan_id = example
    page = win.editor.section_pages[3]  # IV. CHƯƠNG TRÌNH HỘI NGHỊ
    tree = page.editor.tree
    assert tree.topLevelItemCount() == 2
    assert [tree.topLevelItem(0).text(i) for i in range(3)] == ["07:00", "08:00", "Đón tiếp đại biểu và phục vụ ăn sáng."]
    assert tree.topLevelItem(1).childCount() == 9
    assert tree.topLevelItem(1).child(4).text(2) == "Phát biểu tham luậm;"
    tree.topLevelItem(1).child(4).setText(2, "Phát biểu tham luận;")  # the clerk fixes the typo
    tree.setCurrentItem(tree.topLevelItem(1))
    page.editor.add_parent_button.click()  # "Thêm mốc"
    new = tree.topLevelItem(2)
    new.setText(0, "11g")  # a time in the plans' own style: shown and stored as 11:00
    new.setText(1, "25g30")  # no such time: kept as typed, in red, reported
    new.setText(2, "Bế mạc.")
    assert new.text(0) == "11:00" and "25g30" in page.editor.problems.text()
    assert is_marked(new, 1) and not is_marked(new, 0)
    page.editor.add_child_button.click()
    tree.currentItem().setText(2, "Chụp ảnh lưu niệm.")
    tree.currentItem().setText(0, "11g15")  # a "+" item has no time: marked and said, not dropped unsaid
    assert is_marked(tree.currentItem(), 0) and "ý con (+) không được lưu" in page.editor.problems.text()
    assert win.editor.save_now()
    slots = win.store.get(plan_id).sections[3].content.slots
    assert slots[1].items[4] == "Phát biểu tham luận;"
    assert (slots[2].start_time, slots[2].end_time, slots[2].text, slots[2].items) == \
        ("11:00", "25g30", "Bế mạc.", ["Chụp ảnh lưu niệm."])
    tree.setCurrentItem(tree.topLevelItem(2))
    page.editor.move(-1)
    page.editor.remove_current()
    assert win.editor.save_now()
    assert [s.text for s in win.store.get(plan_id).sections[3].content.slots] == [
        "Đón tiếp đại biểu và phục vụ ăn sáng.", "Diễn ra hội nghị"]


def test_timeline_editor(qtbot, db):
    store = PlanStore(db)
    plan_id = store.add(kehoach_json.read_file(FIXTURE_FILES[3]))  # 003 has "V. TIẾN ĐỘ THỰC HIỆN"
    win = create_window(db)
    qtbot.addWidget(win)
    page = win.editor.section_pages[4]
    table = page.editor.table
    assert table.rowCount() == 9
    assert [table.item(0, i).text() for i in range(2)] == ["11/2019", ""]
    assert [table.item(4, i).text() for i in range(2)] == ["01/03/2020", "15/03/2020"]
    table.item(2, 0).setText("21/02/2020")
    table.item(3, 0).setText("31/02/2020")  # no such day: kept as typed, in red, reported
    assert "31/02/2020" in page.editor.problems.text()
    assert is_marked(table.item(3, 0)) and not is_marked(table.item(2, 0))
    assert win.editor.save_now()
    steps = store.get(plan_id).sections[4].content.steps
    assert steps[2].when.start == "2020-02-21"
    assert (steps[3].when.start, steps[3].when.start_typed) == ("", "31/02/2020")



@pytest.mark.parametrize("typed, stored", [("20/02/2020", "2020-02-20"), ("1/3/2020", "2020-03-01"),
                                           ("11/2019", "2019-11"), ("", ""), ("31/02/2020", None),
                                           ("13/2020", None), ("tháng 5", None)])
def test_timeline_dates_typed_by_the_clerk(typed, stored):
    from kehoach_desktop.core.dates import parse_day_or_month

    assert parse_day_or_month(typed) == (stored or None)


def test_appendices_are_added_from_the_menu_titled_moved_saved_and_removed(example, qtbot):
    """The clerk adds two appendices through "Thêm mục" › "Phụ lục", types
    their titles; the list shows them after the closing, the preview prints
    them on pages of their own, and they are saved with the plan (issue 19)."""
    win, plan_id = example
    editor = win.editor
    editor.add_appendix_actions["free"].trigger()
    first = editor.appendix_pages[0]
    assert editor.tabs.currentWidget() is first and first.heading.hasFocus()
    type_text(first.heading, "Danh sách đơn vị tham gia")
    editor.add_appendix_actions["free"].trigger()
    second = editor.appendix_pages[1]
    type_text(second.heading, "Chương trình hội nghị")
    titles = tab_titles(editor)
    closing = titles.index(next(t for t in titles if t.startswith("Kết thúc")))
    assert titles[closing + 1:closing + 3] == ["Phụ lục I: Danh sách đơn vị tham gia", "Phụ lục II: Chương trình hội nghị"]
    editor.move_section(second, -1)
    assert tab_titles(editor)[closing + 1] == "Phụ lục I: Chương trình hội nghị"
    assert editor.save_now()
    assert [a.title for a in win.store.get(plan_id).appendices] == ["Chương trình hội nghị", "Danh sách đơn vị tham gia"]
    win.refresh_preview()
    assert "PHỤ LỤC II" in win.preview.toPlainText() and "(Kèm theo Kế hoạch số" in win.preview.toPlainText()
    with Clerk(yes=True):
        editor.remove_section(editor.appendix_pages[0])
    assert tab_titles(editor)[closing + 1] == "Phụ lục: Danh sách đơn vị tham gia"  # alone: no number
    assert editor.save_now()
    assert [a.title for a in win.store.get(plan_id).appendices] == ["Danh sách đơn vị tham gia"]
    assert editor.section_pages and len(win.store.get(plan_id).sections) == 5  # the body is untouched


def test_a_table_section_pasted_from_excel_is_saved_printed_and_read_back(example, qtbot):
    """The clerk adds a table section, pastes cells copied from Excel (tab-
    separated, the first row the titles), ticks the total row: the plan
    keeps a table, the preview prints its cells and its total (issue 19)."""
    from PySide6.QtGui import QGuiApplication

    win, plan_id = example
    editor = win.editor
    editor.add_section_actions["table"].trigger()
    page = editor.section_pages[-1]
    grid_editor = page.editor
    QGuiApplication.clipboard().setText("Đơn vị\tNhiệm vụ\tSố lượng\nĐoàn phường 1\tTổ chức\t50\n"
                                        "Đoàn phường 2\tTham gia\t40\n")
    grid_editor.grid.setCurrentCell(0, 0)
    grid_editor.paste()
    grid_editor.header_count.setValue(1)
    grid_editor.total.setChecked(True)
    assert editor.save_now()
    table = win.store.get(plan_id).sections[-1].content
    assert table.kind == "table" and [c.text for c in table.header_rows[0]] == ["Đơn vị", "Nhiệm vụ", "Số lượng"]
    assert table.rows == [["Đoàn phường 1", "Tổ chức", "50"], ["Đoàn phường 2", "Tham gia", "40"]]
    assert [c.numeric for c in table.columns] == [False, False, True] and table.total_row
    win.refresh_preview()
    words = win.preview.toPlainText()
    assert "Đoàn phường 2" in words and "90" in words and "Tổng cộng" in words


def test_a_budget_is_typed_by_payer_and_item_and_its_total_is_computed(example):
    """The clerk adds a "Dự trù kinh phí" section, a payer and two items;
    the amounts, the total and the words are computed, a price that is not
    a number is shown and not saved (issue 19)."""
    win, plan_id = example
    editor = win.editor
    editor.add_section_actions["budget"].trigger()
    budget_editor = editor.section_pages[-1].editor
    group = budget_editor.add_parent()
    group.setText(0, "Thành Đoàn hỗ trợ")
    first = budget_editor.add_child()
    for column, text in enumerate(["Nước uống đại biểu", "120", "chai", "15.000"]):
        first.setText(column, text)
    second = budget_editor.add_child()
    for column, text in enumerate(["Băng rôn", "2", "cái", "ba trăm"]):
        second.setText(column, text)
    budget_editor.refresh()
    assert first.text(4) == "1.800.000" and second.text(4) == ""
    assert any("ba trăm" in problem for problem in budget_editor.check())
    second.setText(3, "350.000")
    budget_editor.refresh()
    assert group.text(4) == "2.500.000"
    assert budget_editor.check() == []
    assert budget_editor.summary.text() == "Tổng cộng: 2.500.000 đồng. Bằng chữ: Hai triệu năm trăm nghìn đồng chẵn."
    type_text(budget_editor.note, "Nguồn kinh phí: Thành Đoàn hỗ trợ và đơn vị tự túc.")
    assert editor.save_now()
    budget = win.store.get(plan_id).sections[-1].content
    assert budget.kind == "budget" and budget.total() == 2_500_000 and budget.groups[0].payer == "Thành Đoàn hỗ trợ"
    win.refresh_preview()
    assert "Bằng chữ: Hai triệu năm trăm nghìn đồng chẵn." in win.preview.toPlainText()
    assert budget.note == "Nguồn kinh phí: Thành Đoàn hỗ trợ và đơn vị tự túc."
    assert "Nguồn kinh phí: Thành Đoàn hỗ trợ" in win.preview.toPlainText()


def test_a_table_cell_takes_several_lines_and_rows_move(example, qtbot):
    """In the table editor a cell is typed like the other tables' cells
    (Shift+Enter a new line in the cell), and a row moves up (issue 19)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    win, plan_id = example
    win.editor.add_section_actions["table"].trigger()
    grid_editor = win.editor.section_pages[-1].editor
    grid = grid_editor.grid
    grid.setRowCount(3)
    grid.setCurrentCell(1, 0)
    grid.setFocus()
    QTest.keyClicks(grid, "D")  # the first letter opens the cell, the editor takes the rest
    QTest.keyClicks(grid.focusWidget(), "ong mot")
    QTest.keyClick(grid.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(grid.focusWidget(), "dong hai")
    QTest.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
    assert grid_editor._text(1, 0) == "Dong mot\ndong hai"
    grid.setCurrentCell(1, 0)
    grid_editor.move_row(-1)
    assert grid_editor._text(0, 0) == "Dong mot\ndong hai" and grid.currentRow() == 0
    assert win.editor.save_now()
    assert win.store.get(plan_id).sections[-1].content.header_rows == []  # no header row chosen
