"""ui/file_dialogs.py: where the window's file dialogs start and the extension
a name typed without it gets, and the dialog in Vietnamese (Qt's own
dialog, opened for real, off Windows)."""
import re
import sys
from pathlib import Path

from dialog_helpers import Clerk
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QWidget,
)

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.ui import file_dialogs, qt_vi
from kehoach_desktop.ui.file_dialogs import with_suffix


def test_a_missing_extension_is_appended_never_put_in_place_of_a_dotted_part():
    assert with_suffix("/t/Danh sách 12.2024", ".xlsx") == Path("/t/Danh sách 12.2024.xlsx")
    assert with_suffix("/t/Thư mời.DOCX", ".docx") == Path("/t/Thư mời.DOCX")
    assert with_suffix("/t/ke-hoach.docx", ".pdf") == Path("/t/ke-hoach.docx.pdf")


def test_the_save_dialog_opens_on_the_name_in_documents_and_adds_the_extension(qtbot, tmp_path):
    with Clerk(tmp_path / "Danh sách 12.2024") as clerk:  # the real dialog, the name typed by a timer
        got = file_dialogs.ask_save_path(None, "Xuất", "Danh sách.xlsx", "Tệp Excel (*.xlsx)", ".xlsx")
    assert got == tmp_path / "Danh sách 12.2024.xlsx"
    documents = file_dialogs.documents_folder()
    assert clerk.suggested == [("Xuất", "Danh sách.xlsx", str(documents))]
    with Clerk():  # Escape
        assert file_dialogs.ask_save_path(None, "Xuất", "x.xlsx", "", ".xlsx") is None


def test_the_guest_list_keeps_a_dotted_name_the_clerk_typed(qtbot, db, tmp_path):
    from conftest import FIXTURE_FILES

    from kehoach_desktop.formats import kehoach_json
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.ui.app import create_window

    PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    win = create_window(db)
    qtbot.addWidget(win)
    page = win.editor.attendees
    page.fill([Attendee("Nguyễn Văn An", "Bí thư", "Đoàn P5", "Chủ trì")])
    (tmp_path / "xuat").mkdir()
    with Clerk(tmp_path / "xuat" / "Khách mời 31.12.2024"):
        page.export_excel()
    assert [p.name for p in (tmp_path / "xuat").iterdir()] == ["Khách mời 31.12.2024.xlsx"]


# ------------------------------------------------- the dialog itself, in Vietnamese
QT_ENGLISH = ("Look in", "File name", "Files of type", "Save", "Cancel", "Open", "Name", "Size", "Type",
              "Date Modified", "Back", "Forward", "Parent Directory", "Create New Folder", "List View",
              "Detail View", "New Folder", "Rename", "Delete", "Show hidden files", "Sidebar", "Files",
              "All Files", "already exists", "replace it", "Yes", "No", "Detail", "List", "Folder", "Drive")


def visible_texts(dialog: QWidget) -> list[str]:
    """Every text the dialog shows or tells: labels, buttons, tool tips, combo
    box items, the headers of its file lists, its actions (context menus)."""
    texts = [dialog.windowTitle()]
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.extend(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount()))
        if isinstance(widget, QHeaderView):
            texts.extend(str(widget.model().headerData(c, Qt.Orientation.Horizontal) or "")
                         for c in range(widget.count()))
    for action in dialog.findChildren(QAction):
        texts.extend((action.text(), action.toolTip()))
    return [text.replace("&", "") for text in texts if text]


def english_in(texts: list[str]) -> list[str]:
    return [text for text in texts for word in QT_ENGLISH if re.search(rf"\b{word}\b", text)]


def when_shown(kind: type, then) -> None:
    """Call ``then`` with the first visible top-level ``kind`` once it shows."""
    def look():
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if found:
            then(found[0])
        else:
            QTimer.singleShot(50, look)
    QTimer.singleShot(50, look)


def test_the_save_dialog_and_its_overwrite_question_speak_vietnamese(qapp, qtbot, tmp_path):
    """Off Windows this is the dialog the clerk gets; on Windows, offscreen
    (no system dialog there), Qt's own dialog too, which the print dialog's
    "…" button opens on every system."""
    qt_vi.install(qapp)
    existing = tmp_path / "Kế hoạch.docx"
    existing.write_bytes(b"")
    seen: dict[str, list[str]] = {}

    def in_dialog(dialog: QFileDialog) -> None:
        dialog.findChild(QToolButton, "detailModeButton").click()  # the file list's header shows
        qtbot.wait(200)
        seen["dialog"] = visible_texts(dialog)
        seen["buttons"] = [b.text().replace("&", "") for b in dialog.findChild(QDialogButtonBox).buttons()]
        when_shown(QMessageBox, in_question)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(existing.name)
        dialog.accept()  # the file exists: Qt asks before replacing it

    def in_question(box: QMessageBox) -> None:
        seen["question"] = visible_texts(box)
        box.button(QMessageBox.StandardButton.No).click()
        when_shown(QFileDialog, lambda dialog: dialog.reject())

    when_shown(QFileDialog, in_dialog)
    # A name with its folder opens the dialog in that folder (pathlib joins an absolute name as itself).
    assert file_dialogs.ask_save_path(None, "Xuất tệp Word", str(existing), "Tệp Word (*.docx)", ".docx") is None
    assert set(seen) == {"dialog", "buttons", "question"}
    assert {"Lưu", "Huỷ"} <= set(seen["buttons"])
    assert {"Tên", "Cỡ", "Loại", "Ngày sửa"} <= set(seen["dialog"])
    assert any("Đã có tệp Kế hoạch.docx" in text for text in seen["question"])
    assert english_in(seen["dialog"] + seen["question"]) == []


def test_qt_own_dialog_off_windows_unless_the_desktop_speaks_vietnamese(qapp):
    options = file_dialogs.dialog_options()
    native = sys.platform == "win32" or QLocale.system().language() == QLocale.Language.Vietnamese
    assert bool(options & QFileDialog.Option.DontUseNativeDialog) is not native


def test_the_dialogs_start_in_a_folder_that_exists(qapp, monkeypatch, tmp_path):
    assert file_dialogs.documents_folder().is_dir()
    if sys.platform == "linux":  # a home folder without Documents, then with it
        monkeypatch.setenv("HOME", str(tmp_path))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
        assert file_dialogs.documents_folder() == tmp_path
        (tmp_path / "Documents").mkdir()
        assert file_dialogs.documents_folder() == tmp_path / "Documents"
