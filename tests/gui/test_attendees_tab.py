"""Tab "Khách mời", driven for real: generate, edit, bulk changes, filters,
Excel in and out, letters; saved by itself."""
import pytest
from conftest import FIXTURE_FILES
from dialog_helpers import Clerk
from doc_compare import document_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyleOptionViewItem

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.invitees import generate
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.attendees_xlsx import read_workbook, write_workbook
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui import attendees_tab
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.attendees_tab import COL
from kehoach_desktop.ui.letters_dialog import LettersDialog


def cell(table, row: int, key: str) -> str:
    """The text a cell of the view shows."""
    return table.model().index(row, COL[key]).data()


def set_cell(table, row: int, key: str, text: str) -> None:
    """What the cell's editor does with the typed text on Enter."""
    model = table.model()
    assert model.setData(model.index(row, COL[key]), text)


def names_shown(page) -> list[str]:
    """The names of the rows the filters let through, in order."""
    return [cell(page.table, row, "name") for row in range(page.table.model().rowCount())]


@pytest.fixture
def page(qtbot, db, monkeypatch):
    monkeypatch.setattr(attendees_tab, "SAVE_MS", 20)
    PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    win.editor.tabs.setCurrentWidget(win.editor.attendees)
    page = win.editor.attendees
    page.timer.setInterval(20)
    return page


def saved(page):
    assert page.save_now()
    return AttendeeStore(page.people.db).list(page.plan_id)


def test_generate_edit_and_bulk_changes_are_saved(page, qtbot):
    assert page.isEnabled() and page.model.rowCount() == 0
    with Clerk() as clerk:
        page.generate()
    entries = page.model.rowCount()
    assert entries == len(generate(page.plan).rows) > 5
    # the chairs first, in Vietnamese order of their units
    assert [(cell(page.table, row, "position"), cell(page.table, row, "unit")) for row in (0, 1)] == [
        ("Thường trực", "Đảng ủy Khối Dân – Chính – Đảng Thành phố"), ("Thường trực", "Thành Đoàn TP. Hồ Chí Minh")]
    set_cell(page.table, 0, "name", "Nguyễn Văn An")
    set_cell(page.table, 0, "phone", "0912 345 678")
    page.table.selectRow(0)
    page.bulk_reply.setCurrentText("Tham dự")
    page.apply_reply()
    page.mark_attended(True)
    qtbot.waitUntil(lambda: not page.dirty, timeout=2000)  # saved by itself
    rows = AttendeeStore(page.people.db).list(page.plan_id)
    assert len(rows) == entries
    assert (rows[0].name, rows[0].phone, rows[0].reply, rows[0].attended) == \
        ("Nguyễn Văn An", "0912345678", "attending", True)
    assert f"{entries} khách mời – 1 tham dự – 1 có mặt" in page.status.text()
    with Clerk():
        page.generate()  # again: nothing doubles, the name filled in included
    assert page.model.rowCount() == entries
    assert clerk.boxes[0][0] == "Tạo từ thành phần tham dự"


def test_generate_says_what_it_added_and_left_out_and_marks_rows_to_name(page, qtbot):
    """Example 000: the signer (Bí thư Đoàn Khối) and the issuer's own Ban
    Thường vụ are not invited, and the clerk is told; the two chairs named by
    position show "(cần điền họ tên)" in grey, their cells still empty."""
    with Clerk() as clerk:
        page.generate()
    (message,) = clerk.messages
    assert "Đã thêm 41 khách mời" in message and "2 dòng cần điền họ tên" in message
    assert "“Đồng chí Bí thư Đoàn Khối Dân – Chính – Đảng Thành phố”: là người ký kế hoạch (Bí thư Nguyễn Đăng " \
        "Khoa)" in message
    assert "“Ban Thường vụ Đoàn Khối Dân – Chính – Đảng Thành phố”: thuộc chính cơ quan ban hành" in message
    assert "Không mời 2 mục" in page.status.text()
    groups = list(dict.fromkeys(a.group for a in page.rows()))
    assert groups == ["Chủ trì Hội nghị", "Khách mời", "Đoàn Khối Dân – Chính – Đảng Thành phố"]
    first = page.table.model().index(0, COL["name"])
    assert first.data() == "" and first.data(Qt.ItemDataRole.EditRole) == ""
    option = QStyleOptionViewItem()
    delegate = page.table.itemDelegateForColumn(COL["name"])
    delegate.initStyleOption(option, first)
    assert option.text == "(cần điền họ tên)" and option.font.italic()
    assert first.data(Qt.ItemDataRole.ToolTipRole).startswith("Kế hoạch chỉ ghi chức vụ")
    unit_row = page.table.model().index(2, COL["name"])  # "Lãnh đạo Ban Công nhân lao động Thành Đoàn": no name
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, unit_row)
    assert option.text == ""
    set_cell(page.table, 0, "name", "Nguyễn Văn An")
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, first)
    assert option.text == "Nguyễn Văn An" and not option.font.italic()
    qtbot.waitUntil(lambda: not page.dirty, timeout=2000)
    stored = AttendeeStore(page.people.db).list(page.plan_id)
    assert (stored[0].honorific, stored[0].name, stored[0].position, stored[0].whole_unit) == \
        ("đồng chí", "Nguyễn Văn An", "Thường trực", False)
    assert stored[2].whole_unit and (stored[2].position, stored[2].unit) == ("Lãnh đạo", "Ban Công nhân lao động Thành Đoàn")


def test_the_honorific_and_a_whole_unit_are_chosen_in_the_table(page, qtbot, db):
    """"Danh xưng" offers the plan's usual one (empty), đồng chí, ông, bà and
    "cả đơn vị" (a unit invited as a whole): chosen with the keyboard, saved."""
    page.fill([Attendee("Trần Thị Mai", "Chủ tịch", "Hội LHTN Quận 3", "Khách mời"),
               Attendee("", "Đại diện lãnh đạo", "Ban Dân vận Thành ủy", "Khách mời")])
    table = page.table
    table.setFocus()
    for row, choice in ((0, "bà"), (1, "cả đơn vị")):
        table.setCurrentIndex(table.model().index(row, COL["honorific"]))
        qtbot.keyClick(table, Qt.Key.Key_F2)
        box = table.indexWidget(table.currentIndex())  # this cell's editor (the last one may await deletion)
        assert isinstance(box, QComboBox)
        assert [box.itemText(i) for i in range(box.count())] == ["", "đồng chí", "ông", "bà", "cả đơn vị"]
        box.setCurrentText(choice)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda row=row, choice=choice: cell(table, row, "honorific") == choice)
    qtbot.waitUntil(lambda: not page.dirty, timeout=2000)
    mai, unit = AttendeeStore(db).list(page.plan_id)
    assert (mai.honorific, mai.whole_unit, unit.honorific, unit.whole_unit) == ("bà", False, "", True)
    assert not unit.needs_name  # a unit's invitation needs no name


def test_the_list_is_kept_from_the_keyboard(page, qtbot, db):
    """Typing in a cell, Space on "Có mặt", the reply chosen from its list: saved by itself."""
    page.fill([Attendee(position="Bí thư", unit="Đoàn P5", group="Chủ trì")])
    table = page.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, COL["name"]))
    qtbot.keyClicks(table, "A")  # typing in a cell starts editing it
    editor = table.findChild(QLineEdit)
    qtbot.keyClicks(editor, "n")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert page.rows()[0].name == "An" and table.currentIndex().column() == COL["position"]
    table.setCurrentIndex(table.model().index(0, COL["attended"]))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert page.rows()[0].attended
    table.setCurrentIndex(table.model().index(0, COL["reply"]))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    box = table.findChild(QComboBox)
    assert [box.itemText(i) for i in range(box.count())] == ["Chưa phản hồi", "Tham dự", "Vắng", "Cử người thay"]
    box.setCurrentText("Vắng")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.rows()[0].reply == "absent")
    assert cell(table, 0, "reply") == "Vắng"
    qtbot.waitUntil(lambda: not page.dirty, timeout=2000)  # saved by itself
    (row,) = AttendeeStore(db).list(page.plan_id)
    assert (row.name, row.position, row.reply, row.attended) == ("An", "Bí thư", "absent", True)
    assert "1 khách mời – 0 tham dự – 1 có mặt" in page.status.text()


def test_filters_hide_rows_without_losing_them(page):
    page.fill([Attendee("Nguyễn Văn An", unit="Đoàn P5", group="Chủ trì"),
               Attendee("Lê Thị Bình", unit="Đoàn P6", group="Đại biểu")])
    page.search.setText("binh")
    assert names_shown(page) == ["Lê Thị Bình"]
    page.search.clear()
    page.group_filter.setCurrentIndex(page.group_filter.findText("Chủ trì"))
    assert names_shown(page) == ["Nguyễn Văn An"]
    assert len(page.rows()) == 2


def test_excel_import_asks_then_saves_and_export_writes_the_list(page, tmp_path):
    source = tmp_path / "dk.xlsx"
    write_workbook(page.plan, [Attendee("Trần Văn Cường", "Bí thư", "Đoàn P7", "Đại biểu", "0987654321")], source)
    with Clerk(source, yes=True) as clerk:  # the real file dialog and question, answered by a timer
        page.import_excel()
    assert clerk.shown == ["QFileDialog", "QMessageBox"] and "thêm 1" in clerk.messages[0]
    assert [a.name for a in saved(page)] == ["Trần Văn Cường"]
    target = tmp_path / "ra.xlsx"
    with Clerk(target):
        page.export_excel()
    assert [a.phone for a in read_workbook(target).rows] == ["0987654321"]


def test_a_bad_workbook_is_refused_with_the_place(page, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("không phải Excel")
    with Clerk(bad) as clerk:
        page.import_excel()
    shown = [text for _title, text in clerk.boxes]
    assert shown and "bad.xlsx" in shown[0] and "không phải tệp Excel" in shown[0]
    assert page.model.rowCount() == 0


def test_letters_from_the_tab(page, tmp_path):
    page.fill([Attendee("Nguyễn Văn An", "Bí thư", "Đoàn P5", "Chủ trì")])
    page._changed()  # as typed: the letters print the list once saved (with its check-in codes)
    target = tmp_path / "tm.docx"
    with Clerk(target, handlers={LettersDialog: lambda dialog: dialog.draft_button.click()}):
        page.print_letters()
    assert "Kính gửi: Đồng chí Nguyễn Văn An, Bí thư Đoàn P5" in document_text(target)  # the plan's honorific


def test_switching_plans_saves_the_list(page, qtbot, db):
    win = page.window()
    other = PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[1]))
    first = page.plan_id
    page.add_row()
    set_cell(page.table, 0, "name", "Võ Thị Hạnh")
    page.timer.setInterval(60_000)  # only the switch saves
    set_cell(page.table, 0, "unit", "Quận Đoàn 1")
    win.reload()
    win.select_plan(other)
    assert page.plan_id == other and page.model.rowCount() == 0
    assert [(a.name, a.unit) for a in AttendeeStore(db).list(first)] == [("Võ Thị Hạnh", "Quận Đoàn 1")]


def test_address_book_keeps_people_across_plans(page, db):
    from kehoach_desktop.store.contacts import ContactStore
    from kehoach_desktop.ui.contacts_dialog import ContactsDialog

    page.fill([Attendee("Nguyễn Văn An", "Bí thư", "Đoàn P5", "Chủ trì", "0912345678"),
               Attendee(position="Đại diện Ban Dân vận", group="Khách mời")])
    page.keep_contacts()
    assert "thêm 1 người" in page.status.text()
    win = page.window()
    other = PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[1]))
    win.reload()
    win.select_plan(other)
    assert page.model.rowCount() == 0

    def choose(dialog):
        dialog.search.setText("an doan p5")
        assert dialog.table.model().rowCount() == 1
        model = dialog.table.model()
        assert model.setData(model.index(0, 1), "Phó Bí thư Thường trực")  # corrected once, in the book
        dialog.table.selectRow(0)
        dialog.group.setCurrentText("Khách mời")
        dialog.accept()

    with Clerk(handlers={ContactsDialog: choose}):  # the real dialog, answered by a timer
        page.pick_contacts()
    (row,) = page.rows()
    assert (row.name, row.position, row.group, row.phone) == ("Nguyễn Văn An", "Phó Bí thư Thường trực", "Khách mời",
                                                              "0912345678")
    assert ContactStore(db).list("an")[0].position == "Phó Bí thư Thường trực"
    assert [a.name for a in saved(page)] == ["Nguyễn Văn An"]


def test_an_empty_column_leaves_its_room_to_the_filled_ones(page, qtbot):
    """A list made from the participants has long positions and no units:
    "Đơn vị" shrinks to its header and "Chức vụ" takes the room; a unit typed
    gives the column its share back."""
    page.window().resize(1366, 728)
    participants = next(s.content for s in page.plan.sections if s.content.kind == "participants")
    page.fill([Attendee(position=e.text, group=g.title) for g in participants.groups for e in g.entries])
    qtbot.wait(10)  # the columns are fitted again once the rows are in
    header = page.table.horizontalHeader()
    position, unit = header.sectionSize(COL["position"]), header.sectionSize(COL["unit"])
    assert unit < header.fontMetrics().horizontalAdvance("Đơn vị") + 30
    assert position > 2 * unit
    set_cell(page.table, 0, "unit", "Đoàn Khối Dân – Chính – Đảng")
    qtbot.waitUntil(lambda: header.sectionSize(COL["unit"]) > unit + 20, timeout=1000)


def test_a_new_row_never_takes_the_group_of_the_row_above(page):
    """"Thêm người": no group (the clerk picks it), or the group the clerk
    chose in the group filter, where the new row stays in sight."""
    page.fill([Attendee("Nguyễn Văn An", unit="Đoàn P5", group="Chủ trì"),
               Attendee("Lê Thị Bình", unit="Đoàn P6", group="Đại biểu")])
    page.table.setCurrentIndex(page.table.model().index(0, COL["name"]))
    page.add_row()
    assert [a.group for a in page.rows()] == ["Chủ trì", "", "Đại biểu"]
    page.group_filter.setCurrentIndex(page.group_filter.findText("Đại biểu"))
    page.table.setCurrentIndex(page.table.model().index(0, COL["name"]))
    page.add_row()
    assert [a.group for a in page.rows()] == ["Chủ trì", "", "Đại biểu", "Đại biểu"]
    assert names_shown(page) == ["Lê Thị Bình", ""]
