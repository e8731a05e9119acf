"""Import, export, print preview, print and delete from the window's menu,
the dialogs shown for real and answered by a timer (tests/dialog_helpers.py):
nothing patched."""
from datetime import date

import docx
import pytest
from conftest import FIXTURE_FILES, FIXTURES
from dialog_helpers import Clerk
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import import import_plan
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.document_actions import suggested_file_name
from kehoach_desktop.ui.trash_dialog import TrashDialog


@pytest.fixture
def window(qtbot, db):
    PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def test_export_word_through_the_menu(window, tmp_path):
    with Clerk(tmp_path / "ke hoach 37"):  # no suffix typed: the right one is added
        window.document_actions.export_actions["docx"].trigger()
    texts = [p.text for p in docx.Document(str(tmp_path / "ke hoach 37.docx")).paragraphs]
    assert "KẾ HOẠCH" in texts and any("Phát biểu tham luậm;" in t for t in texts)
    assert "Đã lưu" in window.statusBar().currentMessage()


@pytest.mark.parametrize("kind, suffix, probe", [("txt", ".txt", "Số: 37-KH/ĐTN"),
                                                 ("json", ".kehoach.json", '"format": "kehoach"')])
def test_export_text_and_plan_file(window, tmp_path, kind, suffix, probe):
    with Clerk(tmp_path / f"out{suffix}"):
        window.document_actions.export_actions[kind].trigger()
    assert probe in (tmp_path / f"out{suffix}").read_text(encoding="utf-8")


def test_save_as_pdf(window, tmp_path):
    with Clerk(tmp_path / "out.pdf"):
        window.document_actions.export_actions["pdf"].trigger()
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_cancelled_dialog_writes_nothing(window, tmp_path):
    before = set(tmp_path.iterdir())
    with Clerk() as clerk:  # Escape on the file dialog
        window.document_actions.export_actions["docx"].trigger()
    assert clerk.shown == ["QFileDialog"] and set(tmp_path.iterdir()) == before


def test_export_error_is_shown_in_vietnamese(window, tmp_path):
    with Clerk(tmp_path / "no-such-folder" / "out.docx") as clerk:
        window.document_actions.export_actions["docx"].trigger()
    assert clerk.messages and "thư mục không tồn tại" in clerk.messages[0]


def test_print_preview_paints_the_pages(window):
    """The real preview dialog (it crashed every time: its printer was freed
    under it), shown with the plan's pages, then closed."""
    seen = []

    def look(dialog):
        preview = dialog.findChild(QPrintPreviewWidget)
        seen.append((dialog.windowTitle(), preview.pageCount()))
        dialog.reject()

    with Clerk(handlers={QPrintPreviewDialog: look}):
        window.document_actions.preview_action.trigger()
    assert seen and seen[0][0] == "Xem trước khi in" and seen[0][1] >= 2
    assert not window.findChildren(QPrintPreviewDialog)  # deleted with its printer, not left to the window


def test_a_cancelled_print_dialog_prints_nothing(window, posix):
    """Qt's own print dialog; Windows shows its native one, out of a timer's reach."""
    with Clerk() as clerk:  # Escape
        window.document_actions.print_action.trigger()
    assert clerk.shown == ["QPrintDialog"] and clerk.messages == []
    assert not window.findChildren(QPrintDialog)


def test_import_through_the_menu(qtbot, db, tmp_path):
    win = create_window(db)
    qtbot.addWidget(win)
    assert not win.document_actions.print_action.isEnabled()
    source = tmp_path / "moi.kehoach.json"
    kehoach_json.write_file(Plan(title="Kế hoạch nhập từ menu", number=DocumentNumber(9),
                                 plan_date=date(2024, 5, 2)), source)
    with Clerk(source):
        win.document_actions.import_action.trigger()
    assert win.model.rowCount() == 1
    assert "Kế hoạch nhập từ menu" in win.preview.toPlainText()
    assert win.document_actions.print_action.isEnabled()


def test_import_of_a_bad_file_shows_where(qtbot, db, tmp_path):
    win = create_window(db)
    qtbot.addWidget(win)
    bad = tmp_path / "hong.kehoach.json"
    bad.write_text("{không phải JSON", encoding="utf-8")
    with Clerk(bad) as clerk:
        win.document_actions.import_action.trigger()
    assert clerk.messages and str(bad) in clerk.messages[0] and "JSON không hợp lệ" in clerk.messages[0]
    assert win.model.rowCount() == 0


def test_delete_asks_first(window):
    with Clerk() as clerk:  # No
        window.document_actions.delete_action.trigger()
    assert window.model.rowCount() == 1 and "thùng rác" in clerk.messages[0]
    with Clerk(yes=True):
        window.document_actions.delete_action.trigger()
    assert window.model.rowCount() == 0 and window.store.summaries() == []
    assert len(window.store.trash()) == 1  # recoverable
    assert window.statusBar().currentMessage() == "Đã chuyển kế hoạch vào thùng rác."


def test_trash_dialog_restores_and_deletes_for_good(window, qtbot):
    plan_id = window.current_plan_id()
    with Clerk(yes=True):
        window.document_actions.delete_action.trigger()
    seen = []

    def restore(dialog):
        seen.append([dialog.table.model().index(r, 2).data() for r in range(dialog.table.model().rowCount())])
        dialog.restore_button.click()
        seen.append(dialog.hint.text())
        dialog.reject()

    with Clerk(handlers={TrashDialog: restore}):
        window.document_actions.trash_action.trigger()
    assert seen[0] == [window.store.get(plan_id).title_one_line] and seen[1] == "Thùng rác trống."
    assert window.current_plan_id() == plan_id and window.editor.plan_id == plan_id

    with Clerk(yes=True):
        window.document_actions.delete_action.trigger()

    def purge(dialog):
        dialog.purge_button.click()  # its question is answered Yes by the next tick
        dialog.reject()

    with Clerk(yes=True, handlers={TrashDialog: purge}):
        window.document_actions.trash_action.trigger()
    assert window.store.trash() == [] and window.model.rowCount() == 0
    with pytest.raises(UserError):
        window.store.get(plan_id)


def test_suggested_file_names_are_safe():
    plan = Plan(title="Tổ chức Hội nghị: sơ kết / tổng kết?", number=DocumentNumber(5, suffix="VP"))
    assert suggested_file_name(plan, ".docx") == "05-KH-ĐTN-VP Tổ chức Hội nghị- sơ kết - tổng kết.docx"
    assert suggested_file_name(Plan(), ".pdf") == "Dự thảo.pdf"


def test_import_an_existing_word_plan_shows_the_report(qtbot, db, tmp_path):
    win = create_window(db)
    qtbot.addWidget(win)
    source = tmp_path / "ke-hoach-cu.docx"
    plan, _ = import_plan(FIXTURES / "003_13af329a4170fe06.txt")
    source.write_bytes(render_docx(plan))
    with Clerk(source):
        win.document_actions.import_existing_action.trigger()
    assert win.model.rowCount() == 1
    assert "TIẾN ĐỘ THỰC HIỆN" in win.preview.toPlainText()
    box = win.document_actions.last_report_box
    qtbot.waitUntil(box.isVisible)
    assert "ke-hoach-cu.docx" in box.summary.text()
    notes = box.notes.toPlainText()
    assert "Đã nhận ra: số, ký hiệu: 81-KH/ĐTN" in notes and "không có họ tên người ký" in notes
    box.close()


def test_import_of_an_unreadable_word_file_names_it(qtbot, db, tmp_path):
    win = create_window(db)
    qtbot.addWidget(win)
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    with Clerk(bad) as clerk:
        win.document_actions.import_existing_action.trigger()
    assert clerk.messages and "hong.docx" in clerk.messages[0] and "bị hỏng" in clerk.messages[0]
    assert win.model.rowCount() == 0
