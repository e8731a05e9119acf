"""The register dialog (sổ văn bản đi): issued plans in the order of issue,
search without diacritics, the workbook and the Word file as issued written
to real files, and the request to open a line's plan."""
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from dialog_helpers import Clerk
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from test_fits_laptop import cut_sections

from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import DocumentNumber, Plan, Section, Signature
from kehoach_desktop.core.office import OfficeProfile
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.register_xlsx import HEADER_ROW
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.register import Register
from kehoach_desktop.ui.register_dialog import RegisterDialog, RegisterTableModel, suggested_docx_name

TERM = date(2025, 12, 30)
TITLES = ("Tổ chức Hội nghị sơ kết", "Ngày hội Thanh niên khỏe", "Chiến dịch tình nguyện Mùa hè xanh")
_FORBIDDEN = set('<>:"/\\|?*')


def draft(title: str, signer: str = "Nguyễn Văn A") -> Plan:
    return Plan(title=title, number=DocumentNumber(None, "KH", ["ĐTN"]), issuing_bodies=["BCH ĐOÀN KHỐI"],
                place="TP. Hồ Chí Minh", sections=[Section("Mục đích", c.FreeContent([c.Item("Đánh giá kết quả.")]))],
                recipients=["Thành Đoàn (để báo cáo)", "Lưu VP"],
                signatures=[Signature("TM.", "BAN THƯỜNG VỤ", "BÍ THƯ", signer)])


@pytest.fixture
def issued(db):
    """Three issued plans (ids in the order of issue) and one draft left out of the register."""
    OfficeStore(db).save(OfficeProfile(issuer_code="ĐTN", term_start=TERM))
    store, register = PlanStore(db), Register(db)
    signers = ("Nguyễn Văn A", "Trần Thị Bình", "Lê Văn Cường")
    ids = [store.add(draft(title, signer)) for title, signer in zip(TITLES, signers, strict=True)]
    store.add(draft("Kế hoạch còn là dự thảo"))
    for day, plan_id in enumerate(ids, start=9):
        register.issue(plan_id, date(2026, 2, day), render=render_docx)
    return ids


@pytest.fixture
def dialog(qtbot, db, issued):
    dlg = RegisterDialog(db)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def save_as(path=None):
    """The real file and message dialogs, answered by a timer: ``path`` typed
    (None: Escape); ``clerk.boxes`` the (title, text) of each message shown,
    ``clerk.suggested`` each file dialog's (title, file name offered)."""
    return Clerk(path)


def rows(dlg) -> list[list[str]]:
    model = dlg.table.model()
    return [[model.index(r, col).data() for col in range(model.columnCount())] for r in range(model.rowCount())]


def select(dlg, row: int) -> None:
    dlg.table.selectRow(row)


def test_the_register_lists_the_issued_plans_in_the_order_of_issue(dialog, issued):
    assert dialog.windowTitle() == "Sổ văn bản đi"
    model = dialog.table.model()
    assert [model.headerData(col, Qt.Orientation.Horizontal) for col in range(model.columnCount())] == \
        ["Số", "Ngày", "Ký hiệu", "Trích yếu", "Người ký", "Nơi nhận"]
    assert rows(dialog) == [
        ["01", "09/02/2026", "KH/ĐTN", TITLES[0], "Nguyễn Văn A", "Thành Đoàn (để báo cáo); Lưu VP"],
        ["02", "10/02/2026", "KH/ĐTN", TITLES[1], "Trần Thị Bình", "Thành Đoàn (để báo cáo); Lưu VP"],
        ["03", "11/02/2026", "KH/ĐTN", TITLES[2], "Lê Văn Cường", "Thành Đoàn (để báo cáo); Lưu VP"],
    ]
    assert model.index(0, RegisterTableModel.COL_RECIPIENTS).data(Qt.ItemDataRole.ToolTipRole) == \
        "Thành Đoàn (để báo cáo)\nLưu VP"
    assert "3 văn bản đã ban hành" in dialog.status.text()
    assert dialog.selected_entry().plan_id == issued[0]  # the first line is selected
    assert dialog.word_button.isEnabled() and dialog.open_button.isEnabled() and dialog.export_button.isEnabled()


@pytest.mark.parametrize("query, titles", [
    ("mua he xanh", [TITLES[2]]),
    ("MÙA HÈ", [TITLES[2]]),
    (unicodedata.normalize("NFD", "khỏe"), [TITLES[1]]),
    ("tran thi binh", [TITLES[1]]),
    ("02-kh", [TITLES[1]]),
    ("10/02", [TITLES[1]]),
    ("thanh doan", list(TITLES)),
    ("khong co dau", []),
])
def test_search_without_diacritics(dialog, query, titles):
    dialog.search.setText(query)
    assert [row[3] for row in rows(dialog)] == titles
    if titles:
        assert dialog.selected_entry().title == titles[0] and dialog.word_button.isEnabled()
        if len(titles) == 1:
            assert "Tìm thấy 1 trong 3 văn bản" in dialog.status.text()
    else:
        assert dialog.selected_entry() is None
        assert not dialog.word_button.isEnabled() and not dialog.open_button.isEnabled()
    dialog.search.clear()
    assert len(rows(dialog)) == 3


def test_export_excel_writes_the_whole_register(qtbot, dialog, tmp_path):
    target = tmp_path / "so van ban"  # no suffix typed: .xlsx is added
    (tmp_path / "so van ban.xlsx").write_bytes(b"old")  # the file dialog asked before replacing it
    dialog.search.setText("mua he")  # the search does not limit the export
    with save_as(target) as clerk:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert clerk.boxes == []
    assert Path(clerk.suggested[0][1]).name == "Sổ văn bản đi.xlsx"
    written = tmp_path / "so van ban.xlsx"
    sheet = load_workbook(written).active
    assert [cell.value for cell in sheet[HEADER_ROW]] == ["Số", "Ngày", "Ký hiệu", "Trích yếu", "Người ký",
                                                          "Nơi nhận"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    assert values == [[n, datetime(2026, 2, 8 + n), "KH/ĐTN", title, signer, "Thành Đoàn (để báo cáo)\nLưu VP"]
                      for n, title, signer in zip((1, 2, 3), TITLES,
                                                  ("Nguyễn Văn A", "Trần Thị Bình", "Lê Văn Cường"), strict=True)]
    assert dialog.status.text() == f"Đã ghi 3 dòng của sổ văn bản đi vào {written}."
    assert not [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"]  # no temporary file left


def test_export_error_is_shown_and_nothing_written(qtbot, dialog, tmp_path):
    with save_as(tmp_path / "khong-co" / "so.xlsx") as clerk:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    shown = clerk.boxes
    assert len(shown) == 1 and shown[0][0] == "Không xuất được sổ văn bản đi"
    assert "thư mục không tồn tại" in shown[0][1]
    assert not (tmp_path / "khong-co").exists()


def test_cancelled_file_dialogs_write_nothing(qtbot, dialog, tmp_path):
    before, status = set(tmp_path.iterdir()), dialog.status.text()
    with save_as() as clerk:  # Escape
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.word_button, Qt.MouseButton.LeftButton)
    assert clerk.shown == ["QFileDialog", "QFileDialog"]
    assert set(tmp_path.iterdir()) == before and dialog.status.text() == status


def test_save_the_word_file_as_issued(qtbot, db, dialog, tmp_path):
    select(dialog, 1)
    entry = dialog.selected_entry()
    with save_as(tmp_path / "ban hanh") as clerk:
        qtbot.mouseClick(dialog.word_button, Qt.MouseButton.LeftButton)
    assert clerk.boxes == []
    assert Path(clerk.suggested[0][1]).name == "02-KH-ĐTN Ngày hội Thanh niên khỏe.docx"
    saved = tmp_path / "ban hanh.docx"
    assert saved.read_bytes() == Register(db).docx(entry.id)
    document = docx.Document(str(saved))
    texts = [p.text for p in document.paragraphs]
    texts += [p.text for table in document.tables for cell in table._cells for p in cell.paragraphs]
    assert any("Số: 02-KH/ĐTN" in t for t in texts) and TITLES[1] in texts
    assert "02-KH/ĐTN" in dialog.status.text() and str(saved) in dialog.status.text()


def test_double_click_saves_the_word_file_of_that_line(qtbot, db, dialog, tmp_path):
    table = dialog.table
    rect = table.visualRect(table.model().index(2, RegisterTableModel.COL_TITLE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with save_as(tmp_path / "nhap-dup.docx"):
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    entry = Register(db).entries()[2]
    assert dialog.selected_entry() == entry
    assert (tmp_path / "nhap-dup.docx").read_bytes() == Register(db).docx(entry.id)


def test_a_word_file_that_cannot_be_written_is_reported(qtbot, dialog, tmp_path):
    with save_as(tmp_path / "khong-co" / "x.docx") as clerk:
        qtbot.mouseClick(dialog.word_button, Qt.MouseButton.LeftButton)
    shown = clerk.boxes
    assert len(shown) == 1 and shown[0][0] == "Không lưu được bản Word" and "thư mục không tồn tại" in shown[0][1]


def test_open_plan_emits_the_plan_id_and_closes(qtbot, dialog, issued):
    select(dialog, 2)
    with qtbot.waitSignal(dialog.open_plan_requested, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [issued[2]]
    assert dialog.chosen_plan_id == issued[2]
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


@pytest.mark.parametrize("size", [(1000, 320), (800, 400)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_columns_fit_and_a_signer_is_shown_whole(qtbot, db, issued, size):
    """Before, the title took the room and the signer's name read "Nguyễn Đăn…"."""
    plan_id = PlanStore(db).add(draft("Hội thao truyền thống", "Nguyễn Đăng Khoa"))
    Register(db).issue(plan_id, date(2026, 2, 12), render=render_docx)
    dlg = RegisterDialog(db)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.resize(*size)
    for _ in range(3):
        QApplication.processEvents()
    header = dlg.table.horizontalHeader()
    assert cut_sections(header, "register") == []
    assert not dlg.table.horizontalScrollBar().isVisible()
    name = dlg.table.fontMetrics().horizontalAdvance("Nguyễn Đăng Khoa") + 8  # the cell's margins
    assert header.sectionSize(RegisterTableModel.COL_SIGNER) >= name
    assert header.sectionSize(RegisterTableModel.COL_TITLE) > header.sectionSize(RegisterTableModel.COL_SIGNER)


def test_an_empty_register(qtbot, db):
    dlg = RegisterDialog(db)
    qtbot.addWidget(dlg)
    assert dlg.table.model().rowCount() == 0 and dlg.selected_entry() is None
    assert not dlg.export_button.isEnabled() and not dlg.word_button.isEnabled()
    assert not dlg.open_button.isEnabled()
    assert "chưa có văn bản nào" in dlg.status.text()
    with qtbot.assertNotEmitted(dlg.open_plan_requested):
        dlg.open_plan()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert dlg.result() == QDialog.DialogCode.Rejected


def test_suggested_names_are_safe_on_windows(dialog):
    entry = dialog.selected_entry()
    odd = replace(entry, title='Kế hoạch "A/B": tổng kết? <năm> 2026 | * \\ một hai ba bốn năm sáu bảy tám chín mười')
    name = suggested_docx_name(odd)
    assert name.endswith(".docx") and not _FORBIDDEN & set(name)
    assert name.startswith("01-KH-ĐTN Kế hoạch")
    assert len(suggested_docx_name(replace(entry, title="x" * 400))) <= 155
