"""ui/file_dialogs.py: where the window's file dialogs start and the extension
a name typed without it gets."""
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.ui import file_dialogs
from kehoach_desktop.ui.file_dialogs import with_suffix


def test_a_missing_extension_is_appended_never_put_in_place_of_a_dotted_part():
    assert with_suffix("/t/Danh sách 12.2024", ".xlsx") == Path("/t/Danh sách 12.2024.xlsx")
    assert with_suffix("/t/Thư mời.DOCX", ".docx") == Path("/t/Thư mời.DOCX")
    assert with_suffix("/t/ke-hoach.docx", ".pdf") == Path("/t/ke-hoach.docx.pdf")


def test_the_save_dialog_opens_on_the_name_in_documents_and_adds_the_extension(qtbot, monkeypatch, tmp_path):
    asked = []

    def answer(parent, caption, start, file_filter):
        asked.append((caption, start, file_filter))
        return str(tmp_path / "Danh sách 12.2024"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    got = file_dialogs.ask_save_path(None, "Xuất", "Danh sách.xlsx", "Tệp Excel (*.xlsx)", ".xlsx")
    assert got == tmp_path / "Danh sách 12.2024.xlsx"
    assert asked == [("Xuất", str(file_dialogs.documents_folder() / "Danh sách.xlsx"), "Tệp Excel (*.xlsx)")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert file_dialogs.ask_save_path(None, "Xuất", "x.xlsx", "", ".xlsx") is None


def test_the_guest_list_keeps_a_dotted_name_the_clerk_typed(qtbot, db, monkeypatch, tmp_path):
    from conftest import FIXTURE_FILES

    from kehoach_desktop.formats import kehoach_json
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.ui.app import create_window

    PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = create_window(db)
    qtbot.addWidget(win)
    page = win.editor.attendees
    page.fill([Attendee("Nguyễn Văn An", "Bí thư", "Đoàn P5", "Chủ trì")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "xuat" / "Khách mời 31.12.2024"), "")))
    (tmp_path / "xuat").mkdir()
    page.export_excel()
    assert [p.name for p in (tmp_path / "xuat").iterdir()] == ["Khách mời 31.12.2024.xlsx"]
