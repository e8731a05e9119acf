"""The list-model base under a real QTableView: headers, Vietnamese sort,
editing from the keyboard, check boxes, the filter and the signals views
rely on."""
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from kehoach_desktop.ui.list_model import ID_ROLE, SORT_ROLE, Column, ListFilter, ListModel, field_column

NAME, UNIT, TEAM, PRESENT = range(4)


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    unit: str = ""
    team: int = 0
    present: bool = False


PEOPLE = [Person(1, "Đức", "Đoàn phường 5", 10), Person(2, "Dũng", "Chi đoàn Kế toán", 9),
          Person(3, "Ánh", "Đoàn phường 12", 2), Person(4, "Anh"), Person(5, "Ăn", "Hội Sinh viên", 9),
          Person(6, "Bình", "Đoàn phường 5", 1)]


def columns() -> list[Column]:
    return [field_column("name", "Họ và tên"),
            Column("Đơn vị", lambda p: p.unit, tooltip=lambda p: f"Đơn vị: {p.unit}"),
            Column("Tổ", lambda p: f"Tổ {p.team}", align=Qt.AlignmentFlag.AlignCenter),
            Column("Có mặt", checked=lambda p: p.present, check=lambda p, on: replace(p, present=on))]


@pytest.fixture
def model():
    model = ListModel(columns(), row_id=lambda p: p.id)
    model.set_rows(PEOPLE)
    return model


@pytest.fixture
def view(qtbot, model):
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def column(view_model, col: int) -> list[str]:
    return [view_model.index(row, col).data() for row in range(view_model.rowCount())]


def test_headers_cells_and_roles(view, model):
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["Họ và tên", "Đơn vị", "Tổ",
                                                                                  "Có mặt"]
    assert view.horizontalHeader().count() == 4 and view.verticalHeader().count() == 6
    assert model.headerData(0, Qt.Orientation.Vertical) == 1  # rows numbered from 1
    assert column(model, NAME) == ["Đức", "Dũng", "Ánh", "Anh", "Ăn", "Bình"]  # the order given
    first = model.index(0, UNIT)
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "Đơn vị: Đoàn phường 5"
    assert model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole) == "Đức"  # by default the text
    assert model.index(3, PRESENT).data(Qt.ItemDataRole.ToolTipRole) is None  # no text, no tooltip
    assert model.index(0, TEAM).data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)
    assert model.index(0, NAME).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(2, PRESENT).data(ID_ROLE) == 3 and model.row_of(3) == 2 and model.row_of(99) is None
    assert model.index(0, PRESENT).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(0, NAME).data(Qt.ItemDataRole.CheckStateRole) is None
    assert model.flags(model.index(0, NAME)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, UNIT)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, PRESENT)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(model.index(0, UNIT), "Khác")  # not an editable column
    assert model.row(0).unit == "Đoàn phường 5"


def test_sorting_from_the_header_follows_vietnamese_order(view, model):
    view.setSortingEnabled(True)
    view.selectRow(model.row_of(1))  # "Đức"
    view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert column(model, NAME) == ["Anh", "Ánh", "Ăn", "Bình", "Dũng", "Đức"]
    assert model.row(view.currentIndex().row()).name == "Đức"  # the selection followed its row
    assert model.index(0, NAME).data(SORT_ROLE) < model.index(1, NAME).data(SORT_ROLE)
    view.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert column(model, NAME) == ["Đức", "Dũng", "Bình", "Ăn", "Ánh", "Anh"]
    view.sortByColumn(TEAM, Qt.SortOrder.AscendingOrder)  # numbers as numbers; equal keys by id
    assert column(model, TEAM) == ["Tổ 0", "Tổ 1", "Tổ 2", "Tổ 9", "Tổ 9", "Tổ 10"]
    assert [model.row(r).id for r in (3, 4)] == [2, 5]
    model.set_rows(reversed(PEOPLE))  # a reload keeps the chosen order
    assert column(model, TEAM) == ["Tổ 0", "Tổ 1", "Tổ 2", "Tổ 9", "Tổ 9", "Tổ 10"]
    model.replace_row(replace(PEOPLE[3], team=11))  # so does a changed row
    assert column(model, NAME)[-1] == "Anh"


def test_a_cell_typed_into_and_a_box_ticked_from_the_keyboard(view, model, qtbot):
    changed = []
    model.dataChanged.connect(lambda top, bottom, _roles: changed.append((top.row(), top.column(), bottom.column())))
    view.setFocus()
    view.setCurrentIndex(model.index(1, NAME))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "Dũng"
    editor.setText("  Nguyễn Văn Dũng ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.row(1).name != "Dũng")  # Qt commits on the next turn of the event loop
    assert model.row(1) == replace(PEOPLE[1], name="Nguyễn Văn Dũng")  # NFC, trimmed, the other fields kept
    assert changed == [(1, 0, 3)]  # the whole row
    view.setCurrentIndex(model.index(1, PRESENT))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.row(1).present and model.index(1, PRESENT).data(Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not model.row(1).present
    assert len(changed) == 3
    assert model.setData(model.index(1, NAME), "Nguyễn Văn Dũng")  # the same text: nothing changes
    assert len(changed) == 3


def test_typing_starts_editing(view, model, qtbot):
    view.setFocus()
    view.setCurrentIndex(model.index(3, NAME))
    qtbot.keyClicks(view, "B")
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "B"
    qtbot.keyClicks(editor, "ao")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert model.row(3).name == "Bao"


def test_the_signals_views_rely_on(model, qtbot):
    seen = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.rowsInserted.connect(lambda _parent, first, last: seen.append(("inserted", first, last)))
    model.rowsRemoved.connect(lambda _parent, first, last: seen.append(("removed", first, last)))
    model.dataChanged.connect(lambda top, _bottom, _roles: seen.append(("changed", top.row())))
    model.layoutChanged.connect(lambda *_a: seen.append("layout"))
    model.insert_row(1, Person(7, "Cường"))
    assert model.row(1).name == "Cường" and model.rowCount() == 7
    model.remove_rows([0, 2, 0])
    assert [p.name for p in model.rows()] == ["Cường", "Ánh", "Anh", "Ăn", "Bình"]
    model.set_row(0, Person(7, "Cường", "Đoàn phường 1"))
    model.replace_row(Person(99, "Không có"))  # no such id: nothing
    model.set_rows(PEOPLE)
    model.sort(NAME)
    assert seen == [("inserted", 1, 1), ("removed", 2, 2), ("removed", 0, 0), ("changed", 0), "reset", "layout"]
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: no children


def test_the_filter_finds_words_without_diacritics_and_leaves_sorting_to_the_model(model):
    class OnlyTeams(ListFilter):
        teams: set[int] | None = None

        def accepts(self, person):
            return self.teams is None or person.team in self.teams

    proxy = OnlyTeams()
    proxy.setSourceModel(model)
    proxy.set_query("doan PHUONG")
    assert column(proxy, NAME) == ["Đức", "Ánh", "Bình"]
    proxy.refilter(lambda: setattr(proxy, "teams", {10, 1}))
    assert column(proxy, NAME) == ["Đức", "Bình"]
    proxy.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert column(proxy, NAME) == ["Bình", "Đức"] and column(model, NAME)[0] == "Anh"
    proxy.set_query("")
    assert column(proxy, NAME) == ["Bình", "Đức"]
    proxy.refilter(lambda: setattr(proxy, "teams", None))
    assert proxy.rowCount() == 6
    assert proxy.mapToSource(proxy.index(0, 0)) == model.index(0, 0)


def test_search_text_is_every_column_unless_given():
    model = ListModel(columns(), search=lambda p: p.name)
    model.set_rows(PEOPLE)
    assert model.search_text(0) == "Đức"
    plain = ListModel(columns())
    plain.set_rows(PEOPLE)
    assert plain.search_text(0) == "Đức Đoàn phường 5 Tổ 10"
