"""Import, export, print preview, print and delete from the window's menu,
with the file dialogs and message boxes patched."""
from datetime import date

import docx
import pytest
from conftest import FIXTURE_FILES, FIXTURES
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import import import_plan
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.document_actions import suggested_file_name


@pytest.fixture
def window(qtbot, db):
    PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def save_as(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_export_word_through_the_menu(window, monkeypatch, tmp_path):
    target = tmp_path / "ke hoach 37"  # no suffix typed: the right one is added
    save_as(monkeypatch, target)
    window.document_actions.export_actions["docx"].trigger()
    texts = [p.text for p in docx.Document(str(tmp_path / "ke hoach 37.docx")).paragraphs]
    assert "KẾ HOẠCH" in texts and any("Phát biểu tham luậm;" in t for t in texts)
    assert "Đã lưu" in window.statusBar().currentMessage()


@pytest.mark.parametrize("kind, suffix, probe", [("txt", ".txt", "Số: 37-KH/ĐTN"),
                                                 ("json", ".kehoach.json", '"format": "kehoach"')])
def test_export_text_and_plan_file(window, monkeypatch, tmp_path, kind, suffix, probe):
    save_as(monkeypatch, tmp_path / f"out{suffix}")
    window.document_actions.export_actions[kind].trigger()
    assert probe in (tmp_path / f"out{suffix}").read_text(encoding="utf-8")


def test_save_as_pdf(window, monkeypatch, tmp_path):
    save_as(monkeypatch, tmp_path / "out.pdf")
    window.document_actions.export_actions["pdf"].trigger()
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_cancelled_dialog_writes_nothing(window, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    before = set(tmp_path.iterdir())
    window.document_actions.export_actions["docx"].trigger()
    assert set(tmp_path.iterdir()) == before


def test_export_error_is_shown_in_vietnamese(window, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: shown.append(a)))
    save_as(monkeypatch, tmp_path / "no-such-folder" / "out.docx")
    window.document_actions.export_actions["docx"].trigger()
    assert shown and "thư mục không tồn tại" in shown[0][2]


def test_print_preview_paints_the_pages(window, monkeypatch, tmp_path):
    painted = []

    def fake_exec(dialog):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "preview.pdf"))
        dialog.paintRequested.emit(printer)
        painted.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    window.document_actions.preview_action.trigger()
    assert painted == ["Xem trước khi in"]
    assert (tmp_path / "preview.pdf").read_bytes().startswith(b"%PDF")


def test_a_cancelled_print_dialog_raises_no_error(window, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Rejected)
    window.document_actions.print_action.trigger()  # nothing to assert but no exception and no output


def test_import_through_the_menu(qtbot, db, monkeypatch, tmp_path):
    win = create_window(db)
    qtbot.addWidget(win)
    assert not win.document_actions.print_action.isEnabled()
    source = tmp_path / "moi.kehoach.json"
    kehoach_json.write_file(Plan(title="Kế hoạch nhập từ menu", number=DocumentNumber(9),
                                 plan_date=date(2024, 5, 2)), source)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    win.document_actions.import_action.trigger()
    assert win.model.rowCount() == 1
    assert "Kế hoạch nhập từ menu" in win.preview.toPlainText()
    assert win.document_actions.print_action.isEnabled()


def test_import_of_a_bad_file_shows_where(qtbot, db, monkeypatch, tmp_path):
    win = create_window(db)
    qtbot.addWidget(win)
    bad = tmp_path / "hong.kehoach.json"
    bad.write_text("{không phải JSON", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: shown.append(a)))
    win.document_actions.import_action.trigger()
    assert shown and str(bad) in shown[0][2] and "JSON không hợp lệ" in shown[0][2]
    assert win.model.rowCount() == 0


def test_delete_asks_first(window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.No))
    window.document_actions.delete_action.trigger()
    assert window.model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    window.document_actions.delete_action.trigger()
    assert window.model.rowCount() == 0 and window.store.summaries() == []
    assert len(window.store.trash()) == 1  # recoverable
    assert window.statusBar().currentMessage() == "Đã chuyển kế hoạch vào thùng rác."


def test_trash_dialog_restores_and_deletes_for_good(window, monkeypatch):
    from kehoach_desktop.ui.trash_dialog import TrashDialog

    plan_id = window.current_plan_id()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    window.document_actions.delete_action.trigger()
    seen = []

    def restore(dialog):
        seen.append([dialog.table.model().index(r, 2).data() for r in range(dialog.table.model().rowCount())])
        dialog.restore()
        seen.append(dialog.hint.text())
        return 0

    monkeypatch.setattr(TrashDialog, "exec", restore)
    window.document_actions.trash_action.trigger()
    assert seen[0] == [window.store.get(plan_id).title_one_line] and seen[1] == "Thùng rác trống."
    assert window.current_plan_id() == plan_id and window.editor.plan_id == plan_id

    window.document_actions.delete_action.trigger()
    monkeypatch.setattr(TrashDialog, "exec", lambda dialog: dialog.purge() or 0)
    window.document_actions.trash_action.trigger()
    assert window.store.trash() == [] and window.model.rowCount() == 0
    with pytest.raises(UserError):
        window.store.get(plan_id)


def test_suggested_file_names_are_safe():
    plan = Plan(title="Tổ chức Hội nghị: sơ kết / tổng kết?", number=DocumentNumber(5, suffix="VP"))
    assert suggested_file_name(plan, ".docx") == "05-KH-ĐTN-VP Tổ chức Hội nghị- sơ kết - tổng kết.docx"
    assert suggested_file_name(Plan(), ".pdf") == "Dự thảo.pdf"


def test_import_an_existing_word_plan_shows_the_report(qtbot, db, monkeypatch, tmp_path):
    win = create_window(db)
    qtbot.addWidget(win)
    source = tmp_path / "ke-hoach-cu.docx"
    plan, _ = import_plan(FIXTURES / "003_13af329a4170fe06.txt")
    source.write_bytes(render_docx(plan))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    win.document_actions.import_existing_action.trigger()
    assert win.model.rowCount() == 1
    assert "TIẾN ĐỘ THỰC HIỆN" in win.preview.toPlainText()
    box = win.document_actions.last_report_box
    qtbot.waitUntil(box.isVisible)
    assert "ke-hoach-cu.docx" in box.text() and "Đã nhận ra: số, ký hiệu: 81-KH/ĐTN" in box.detailedText()
    assert "không có họ tên người ký" in box.informativeText()
    box.accept()


def test_import_of_an_unreadable_word_file_names_it(qtbot, db, monkeypatch, tmp_path):
    win = create_window(db)
    qtbot.addWidget(win)
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: shown.append(a)))
    win.document_actions.import_existing_action.trigger()
    assert shown and "hong.docx" in shown[0][2] and "bị hỏng" in shown[0][2]
    assert win.model.rowCount() == 0
