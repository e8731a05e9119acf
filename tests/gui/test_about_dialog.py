"""Trợ giúp → Giới thiệu: opened for real through the menu (its own event
loop, closed from a timer), with the version, the database, the log folder
and the button that opens it."""
import gc
import os
import tomllib

from conftest import REPO
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kehoach_desktop import logs
from kehoach_desktop.paths import logs_dir
from kehoach_desktop.store.database import open_database
from kehoach_desktop.ui.about_dialog import AboutDialog
from kehoach_desktop.ui.app import create_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


class FolderOpener(QObject):
    """Receives what QDesktopServices.openUrl would hand to the file manager
    (Qt's own hook for a URL scheme: setUrlHandler)."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def menu_action(window, menu_text: str, action_text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_text)
    return next(a for a in menu.actions() if a.text() == action_text)


def test_help_about_shows_version_database_and_log_folder_and_opens_it(qtbot, db):
    logs.set_up("test")
    window = create_window(db)
    qtbot.addWidget(window)
    window.show()
    about = menu_action(window, "Trợ &giúp", "&Giới thiệu…")
    opener = FolderOpener()
    seen: dict = {}

    def look_and_close():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AboutDialog):
            QTimer.singleShot(10, look_and_close)  # not shown yet
            return
        try:
            seen["title"] = dialog.windowTitle()
            seen["labels"] = [label.text() for label in dialog.findChildren(QLabel)]
            buttons = {button.text(): button for button in dialog.findChildren(QPushButton)}
            seen["buttons"] = sorted(buttons)
            buttons["Mở thư mục nhật ký"].click()
            buttons["Đóng"].click()
        finally:
            dialog.reject()  # whatever failed above, exec() returns

    # The method's name as str: PySide6 6.x refuses the bytes its signature names.
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        QTimer.singleShot(0, look_and_close)
        about.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    gc.collect()
    assert seen["title"] == "Giới thiệu KeHoach Desktop"
    labels = seen["labels"]
    for expected in ("Phiên bản:", VERSION, "Cơ sở dữ liệu:", db.label, "Thư mục nhật ký:", str(logs_dir())):
        assert expected in labels
    assert "Soạn, lưu và in kế hoạch" in labels[0]
    assert seen["buttons"] == ["Mở thư mục nhật ký", "Đóng"]
    assert [url.toLocalFile() for url in opener.urls] == [str(logs_dir())]
    assert logs_dir().is_dir()


def test_about_names_a_server_database_without_its_password(qtbot):
    db = open_database("postgresql+psycopg://nguoi_dung:mat-khau@127.0.0.1:5432/kehoach", upgrade=False)
    try:
        dialog = AboutDialog(db)
        qtbot.addWidget(dialog)
        text = dialog.database_label.text()
        assert "127.0.0.1:5432/kehoach" in text and "nguoi_dung" in text and "mat-khau" not in text
    finally:
        db.close()
