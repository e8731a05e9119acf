"""The first window, driven for real with pytest-qt (offscreen)."""
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui import app as app_module
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.plan_table_model import ID_ROLE, PlanFilterModel, PlanTableModel


def add_plans(store):
    return [
        store.add(Plan(title="Tổ chức Hội nghị sơ kết năm 2022", number=DocumentNumber(37),
                       plan_date=date(2022, 12, 23), issuing_bodies=["BCH ĐOÀN KHỐI"], status="issued")),
        store.add(Plan(title="Kế hoạch hiến máu tình nguyện", number=DocumentNumber(5, suffix="VP"),
                       plan_date=date(2023, 7, 1), issuing_bodies=["BCH ĐOÀN QUẬN 12"])),
        store.add(Plan(title="Hội nghị tổng kết công tác Đoàn", plan_date=date(2021, 1, 15),
                       issuing_bodies=["BCH ĐOÀN KHỐI"])),
    ]


@pytest.fixture
def window(qtbot, db):
    add_plans(PlanStore(db))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def titles(win):
    proxy = win.proxy
    return [proxy.index(r, PlanTableModel.COL_TITLE).data() for r in range(proxy.rowCount())]


def test_lists_plans_newest_first_with_columns(window):
    assert titles(window) == ["Kế hoạch hiến máu tình nguyện", "Tổ chức Hội nghị sơ kết năm 2022",
                              "Hội nghị tổng kết công tác Đoàn"]
    proxy = window.proxy
    assert [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == \
        ["Số", "Ngày ban hành", "Trích yếu", "Trạng thái", "Cơ quan ban hành"]
    row = [proxy.index(1, c).data() for c in range(5)]
    assert row == ["37-KH/ĐTN", "23/12/2022", "Tổ chức Hội nghị sơ kết năm 2022", "Đã ban hành", "BCH ĐOÀN KHỐI"]
    assert window.statusBar().currentMessage().startswith("3 kế hoạch – ")


def test_sorting_by_date_and_title(window):
    window.table.sortByColumn(PlanTableModel.COL_DATE, Qt.SortOrder.AscendingOrder)
    assert titles(window)[0] == "Hội nghị tổng kết công tác Đoàn"
    window.table.sortByColumn(PlanTableModel.COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(window) == ["Hội nghị tổng kết công tác Đoàn", "Kế hoạch hiến máu tình nguyện",
                              "Tổ chức Hội nghị sơ kết năm 2022"]


def test_search_without_diacritics(window, qtbot):
    qtbot.keyClicks(window.search, "hoi nghi")
    assert sorted(titles(window)) == ["Hội nghị tổng kết công tác Đoàn", "Tổ chức Hội nghị sơ kết năm 2022"]
    assert window.statusBar().currentMessage().startswith("2/3 kế hoạch")
    window.search.clear()
    qtbot.keyClicks(window.search, "HIEN MAU")
    assert titles(window) == ["Kế hoạch hiến máu tình nguyện"]
    window.search.setText("không có gì như thế")
    assert titles(window) == [] and window.preview.toPlainText() == ""


def test_ctrl_f_focuses_search(window, qtbot):
    window.activateWindow()
    window.table.setFocus()
    window.search.setText("abc")
    window.find_action.trigger()
    qtbot.waitUntil(window.search.hasFocus)
    assert window.search.selectedText() == "abc"


def test_preview_shows_the_selected_plan(window):
    assert "KẾ HOẠCH" in window.preview.toPlainText()
    assert "Kế hoạch hiến máu tình nguyện" in window.preview.toPlainText()
    window.table.selectRow(1)
    assert "Tổ chức Hội nghị sơ kết năm 2022" in window.preview.toPlainText()
    assert "Số: 37-KH/ĐTN" in window.preview.toPlainText()


def test_reload_shows_new_plans(window, db):
    PlanStore(db).add(Plan(title="Kế hoạch mới thêm", plan_date=date(2024, 3, 26)))
    window.reload_action.trigger()
    assert "Kế hoạch mới thêm" in titles(window)
    assert window.statusBar().currentMessage().startswith("4 kế hoạch")


def test_empty_database_shows_a_hint(qtbot, tmp_path):
    from kehoach_desktop.store.database import open_database

    db = open_database(tmp_path / "empty.sqlite3")
    win = create_window(db)
    qtbot.addWidget(win)
    assert win.list_stack.currentWidget() is win.empty_label
    assert "Chưa có kế hoạch nào" in win.empty_label.text()
    db.close()


def test_table_model_without_a_window(qtbot, db):
    store = PlanStore(db)
    ids = add_plans(store)
    model = PlanTableModel()
    model.set_plans(store.summaries())
    proxy = PlanFilterModel()
    proxy.setSourceModel(model)
    assert model.rowCount() == 3 and model.columnCount() == 5
    proxy.set_query("tong ket")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data(ID_ROLE) == ids[2]


def test_main_reports_a_database_it_cannot_open(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *args: shown.append(args)))
    assert app_module.main(["--db", str(tmp_path)]) == 1
    assert shown and "thư mục" in shown[0][2]
