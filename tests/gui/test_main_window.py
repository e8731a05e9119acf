"""The first window, driven for real with pytest-qt (offscreen), and its models
tested without a window."""
import os
import sys
from datetime import date

import pytest
from dialog_helpers import Clerk
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from kehoach_desktop import logs
from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.paths import logs_dir
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui import app as app_module
from kehoach_desktop.ui import errors, qt_vi
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.list_model import ID_ROLE, SORT_ROLE, natural_key
from kehoach_desktop.ui.main_window import MainWindow
from kehoach_desktop.ui.plan_table_model import PlanFilterModel, PlanTableModel

# Never a display: offscreen unless the caller chose a platform (dev.py test
# sets the same; this covers a bare `pytest`). The QApplication is created
# later, by the first test that asks for qtbot.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HIEN_MAU = "Kế hoạch hiến máu tình nguyện"
SO_KET = "Tổ chức Hội nghị sơ kết năm 2022"
TONG_KET = "Hội nghị tổng kết công tác Đoàn"


def add_plans(store):
    return [
        store.add(Plan(title=SO_KET, number=DocumentNumber(37), plan_date=date(2022, 12, 23),
                       issuing_bodies=["BCH ĐOÀN KHỐI"], status="issued")),
        store.add(Plan(title=HIEN_MAU, number=DocumentNumber(5, suffix="VP"), plan_date=date(2023, 7, 1),
                       issuing_bodies=["BCH ĐOÀN QUẬN 12"])),
        store.add(Plan(title=TONG_KET, number=DocumentNumber(104), plan_date=date(2021, 1, 15),
                       issuing_bodies=["BCH ĐOÀN KHỐI"])),
    ]


@pytest.fixture
def window(qtbot, db):
    add_plans(PlanStore(db))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def column(view_model, col):
    return [view_model.index(r, col).data() for r in range(view_model.rowCount())]


def titles(win):
    return column(win.proxy, PlanTableModel.COL_TITLE)


def searched(win, qtbot):
    """Wait for the search that typing started (it runs once typing pauses)."""
    qtbot.waitUntil(lambda: not win.search_timer.isActive())


# ------------------------------------------------------------------ the window
def test_lists_plans_newest_first_with_columns(window, db):
    assert window.windowTitle() == "KeHoach Desktop – Kế hoạch"
    assert titles(window) == [HIEN_MAU, SO_KET, TONG_KET]
    assert [window.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == \
        ["Số", "Ngày ban hành", "Trích yếu", "Trạng thái", "Cơ quan ban hành"]
    assert [window.proxy.index(1, c).data() for c in range(5)] == \
        ["37-KH/ĐTN", "23/12/2022", SO_KET, "Đã ban hành", "BCH ĐOÀN KHỐI"]
    assert column(window.proxy, PlanTableModel.COL_STATUS) == ["Dự thảo", "Đã ban hành", "Dự thảo"]
    assert window.status_label.text() == f"3 kế hoạch – {db.label}"


def test_columns_are_not_cut_off(window):
    """The columns fit the list's pane: a wide pane shows the number, date
    and status whole; a narrow one hides the least important columns and
    never scrolls sideways."""
    table = window.table
    window.resize(1366, 728)
    window.splitter.setSizes([700, 400, 266])
    for col in (PlanTableModel.COL_NUMBER, PlanTableModel.COL_DATE, PlanTableModel.COL_STATUS):
        needed = max(table.sizeHintForColumn(col), table.horizontalHeader().sectionSizeHint(col))
        assert not table.isColumnHidden(col)
        assert table.columnWidth(col) >= needed, window.proxy.headerData(col, Qt.Orientation.Horizontal)
    window.splitter.setSizes([0, 2000, 0])  # the list at its smallest
    header = table.horizontalHeader()
    shown = [col for col in range(5) if not table.isColumnHidden(col)]
    assert PlanTableModel.COL_TITLE in shown and PlanTableModel.COL_BODY not in shown
    assert sum(header.sectionSize(col) for col in shown) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()


def test_sorting_by_date_title_and_number(window):
    window.table.sortByColumn(PlanTableModel.COL_DATE, Qt.SortOrder.AscendingOrder)
    assert titles(window) == [TONG_KET, SO_KET, HIEN_MAU]
    window.table.sortByColumn(PlanTableModel.COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(window) == [TONG_KET, HIEN_MAU, SO_KET]
    window.table.sortByColumn(PlanTableModel.COL_NUMBER, Qt.SortOrder.AscendingOrder)
    assert column(window.proxy, PlanTableModel.COL_NUMBER) == ["05-KH/ĐTN-VP", "37-KH/ĐTN", "104-KH/ĐTN"]


def test_search_without_diacritics(window, qtbot):
    qtbot.keyClicks(window.search, "hoi nghi")
    searched(window, qtbot)
    assert titles(window) == [SO_KET, TONG_KET]
    assert window.status_label.text().startswith("2/3 kế hoạch – ")
    assert SO_KET in window.preview.toPlainText()
    window.search.clear()
    qtbot.keyClicks(window.search, "HIEN MAU")
    searched(window, qtbot)
    assert titles(window) == [HIEN_MAU]
    window.search.setText("không có gì như thế")
    searched(window, qtbot)
    assert titles(window) == []
    assert window.preview.toPlainText() == ""
    assert "Không có kế hoạch nào khớp" in window.preview.placeholderText()
    window.search.clear()
    assert len(titles(window)) == 3 and window.current_plan_id() is not None


def test_search_keeps_the_selected_plan_when_it_still_matches(window, qtbot):
    window.table.selectRow(2)
    assert TONG_KET in window.preview.toPlainText()
    window.search.setText("hoi nghi")
    searched(window, qtbot)
    assert window.proxy.index(window.table.currentIndex().row(), PlanTableModel.COL_TITLE).data() == TONG_KET
    assert TONG_KET in window.preview.toPlainText()


def test_ctrl_f_focuses_search_and_enter_goes_to_the_table(window, qtbot):
    window.activateWindow()  # shortcuts and focus need the active window
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    window.search.setText("abc")
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.hasFocus)
    assert window.search.selectedText() == "abc"
    window.search.clear()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(window.table.hasFocus)


def test_menu_actions(window):
    menu = window.menuBar().actions()[0]
    assert menu.text() == "&Tệp"
    assert [a.text() for a in menu.menu().actions() if not a.isSeparator()] == [
        "Kế hoạch &mới (trống)", "Kế hoạch mới theo &mẫu…", "Tạo &bản sao từ kế hoạch đang chọn…",
        "Tạo kế &hoạch năm sau…", "&Nhập tệp kế hoạch (.kehoach.json)…", "Nhập kế hoạch &có sẵn (Word, văn bản)…",
        "Xuất tệp &Word (.docx)…",
        "Lưu thành &PDF…",
        "Xuất &văn bản thuần (.txt)…", "Xuất tệp &kế hoạch (.kehoach.json)…", "&Xem trước khi in…", "&In…",
        "&Xoá kế hoạch…", "&Thùng rác…", "Khôi phục từ bản &sao lưu…", "Xuất &lịch ra tệp .ics…", "Tải lại danh sách",
        "Thoát"]
    assert window.reload_action.shortcut().toString() == "F5"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_preview_shows_the_selected_plan(window):
    text = window.preview.toPlainText()
    assert "KẾ HOẠCH" in text and HIEN_MAU in text and "Số: 05-KH/ĐTN-VP" in text
    window.table.selectRow(1)
    assert SO_KET in window.preview.toPlainText()
    assert "Số: 37-KH/ĐTN" in window.preview.toPlainText()
    preview = window.preview
    assert preview.page_count() == 1  # a plan with a header and a title only
    width, height = preview.page_size_px()
    assert abs(height / width - 297 / 210) < 0.01  # A4 pages
    image = preview.canvas.grab().toImage()
    page = preview.canvas.page_rect(0).toRect()
    inked = sum(image.pixelColor(x, y).lightness() < 100
                for x in range(page.left(), page.right(), 3) for y in range(page.top(), page.bottom(), 3))
    assert inked > 5  # the words are painted on the paper


def test_reload_shows_new_plans_and_keeps_the_selection(window, db):
    window.table.selectRow(1)
    selected = window.current_plan_id()
    new_id = PlanStore(db).add(Plan(title="Kế hoạch mới thêm", plan_date=date(2024, 3, 26)))
    window.reload_action.trigger()
    assert titles(window)[0] == "Kế hoạch mới thêm"
    assert window.current_plan_id() == selected != new_id
    assert SO_KET in window.preview.toPlainText()
    assert window.status_label.text().startswith("4 kế hoạch – ")


def test_reload_after_the_selected_plan_was_deleted(window, db):
    PlanStore(db).delete(window.current_plan_id())
    window.reload()
    assert titles(window) == [SO_KET, TONG_KET]
    assert SO_KET in window.preview.toPlainText()


def test_empty_database_shows_a_hint_then_the_first_plan(qtbot, db):
    win = create_window(db)
    qtbot.addWidget(win)
    assert win.list_stack.currentWidget() is win.empty_label
    assert "Chưa có kế hoạch nào" in win.empty_label.text()
    assert "Ctrl" not in win.empty_label.text()  # the ways to begin are the welcome page's, said once
    assert not win.save_action.isEnabled()  # nothing to save
    assert win.status_label.text().startswith("0 kế hoạch – ")
    assert not win.search.isEnabled() and win.preview.placeholderText() == "Trang in của kế hoạch sẽ hiện ở đây."
    assert win.editor_stack.currentWidget() is win.welcome_scroller
    PlanStore(db).add(Plan(title=HIEN_MAU, plan_date=date(2023, 7, 1)))
    win.reload()
    assert win.list_stack.currentWidget() is win.table and win.search.isEnabled()
    assert win.save_action.isEnabled()
    assert win.editor_stack.currentWidget() is win.editor
    assert HIEN_MAU in win.preview.toPlainText()


def test_qt_own_strings_are_vietnamese(qapp):
    qt_vi.install(qapp)
    assert qt_vi.install(qapp) is qapp.findChild(qt_vi.QtVietnameseTranslator)
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Sao chép"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Huỷ"
    assert QCoreApplication.translate("SomethingElse", "Cancel") == "Cancel"


def test_print_preview_dialog_speaks_vietnamese(qapp, qtbot):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    qt_vi.install(qapp)
    printer = QPrinter()
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    texts = {action.text() for action in dialog.findChildren(QAction)}
    assert {"Trang sau", "Trang trước", "Phóng to", "Thu nhỏ", "Khổ dọc", "In", "Thiết lập trang"} <= texts
    assert not texts & {"Next page", "Print", "Zoom in"}


# ------------------------------------------------------- models without a window
def test_table_model_without_a_window(qtbot, store):
    ids = add_plans(store)
    model = PlanTableModel()
    model.set_rows(store.summaries())
    assert model.rowCount() == 3 and model.columnCount() == 5
    assert model.index(0, PlanTableModel.COL_DATE).data() == "01/07/2023"
    assert model.index(0, PlanTableModel.COL_DATE).data(SORT_ROLE) == date(2023, 7, 1).toordinal()
    assert model.index(0, 0).data(ID_ROLE) == ids[1]
    assert model.headerData(PlanTableModel.COL_BODY, Qt.Orientation.Horizontal) == "Cơ quan ban hành"
    assert model.row_of(ids[2]) == 2 and model.row_of(-1) is None

    proxy = PlanFilterModel()
    proxy.setSourceModel(model)
    proxy.set_found(store.search("tong ket"))
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(ID_ROLE) == ids[2]
    proxy.set_found(store.search("  DOAN   khoi "))  # the words as a phrase, in any text of the plan
    assert proxy.rowCount() == 2
    proxy.set_status("draft")
    assert proxy.rowCount() == 1
    proxy.set_status(None)
    proxy.set_found(None)
    proxy.sort(PlanTableModel.COL_DATE, Qt.SortOrder.AscendingOrder)
    assert column(proxy, PlanTableModel.COL_DATE) == ["15/01/2021", "23/12/2022", "01/07/2023"]


def test_plans_without_date_or_number_sort_first(qtbot, store):
    store.add(Plan(title="Dự thảo chưa có ngày"))
    add_plans(store)
    model = PlanTableModel()
    model.set_rows(store.summaries())
    proxy = PlanFilterModel()
    proxy.setSourceModel(model)
    proxy.sort(PlanTableModel.COL_DATE, Qt.SortOrder.AscendingOrder)
    assert column(proxy, PlanTableModel.COL_DATE)[0] == ""
    proxy.sort(PlanTableModel.COL_NUMBER, Qt.SortOrder.AscendingOrder)
    assert column(proxy, PlanTableModel.COL_NUMBER)[0] == ""


def test_natural_key_orders_numbers_and_vietnamese_letters():
    assert sorted(["104-KH", "37-KH", "05-KH"], key=natural_key) == ["05-KH", "37-KH", "104-KH"]
    assert sorted(["Đoàn", "Dân", "Ê-đê", "Em"], key=natural_key) == ["Dân", "Đoàn", "Em", "Ê-đê"]
    assert natural_key("Hội nghị") == natural_key("Ho\u0302\u0323i nghi\u0323")  # NFD like NFC


# ------------------------------------------------------------- start and errors
def test_main_reports_a_database_it_cannot_open(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    with Clerk() as clerk:  # the real message box, closed by a timer
        assert app_module.main(["--db", str(tmp_path)]) == 1
    (title, text), = clerk.boxes
    assert title == "Không mở được cơ sở dữ liệu"
    assert text.startswith(str(tmp_path)) and "là một thư mục" in text and text.endswith(".")


def test_main_opens_the_window_on_the_given_database(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "new.sqlite3"
    seen = {}

    def fake_exec(app):
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["status"] = windows[-1].status_label.text()
        seen["names"] = (app.applicationName(), app.organizationName())
        windows[-1].close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.main(["--db", str(path)]) == 0
    assert seen["status"] == f"0 kế hoạch – {path}"
    assert seen["names"] == ("KeHoach Desktop", "KeHoach")
    assert sys.excepthook is errors.excepthook
    assert path.is_file()


def test_exception_hook_logs_and_shows_a_dialog(qtbot, capsys):
    with Clerk() as clerk:  # the real message box, closed by a timer
        try:
            raise ValueError("hỏng rồi")
        except ValueError as exc:
            errors.excepthook(type(exc), exc, exc.__traceback__)
    log = (logs_dir() / logs.LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "ValueError: hỏng rồi" in log and "Traceback" in log
    (title, text), = clerk.boxes
    assert title == "Lỗi không mong đợi"
    assert "hỏng rồi" in text and str(logs_dir()) in text
    assert "ValueError" in capsys.readouterr().err


def test_smoke_mode_opens_the_first_plan_and_exits(qtbot, db, capsys, monkeypatch):
    from kehoach_desktop.ui import app as app_module

    PlanStore(db).add(Plan(title="Kế hoạch kiểm tra khởi động", plan_date=date(2024, 1, 2)))
    path = db.file
    db.close()
    assert app_module.main(["--smoke", "--db", str(path)]) == 0
    assert "smoke: 1 kế hoạch" in capsys.readouterr().out
