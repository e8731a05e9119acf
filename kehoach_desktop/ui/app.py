"""Starting the window: `kehoach-desktop`, `kehoach gui`, or `kehoach` alone."""
from __future__ import annotations

import argparse
import sys
import threading

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import cli_text
from ..core.errors import UserError
from ..logs import set_up as set_up_log
from ..resource_files import real_path
from ..store.database import Database
from ..store.plans import preload_writing
from . import qt_vi
from .damaged_database import open_or_offer_backup
from .errors import install_exception_hook
from .main_window import MainWindow

APP_NAME = "KeHoach Desktop"
ORGANISATION = "KeHoach"


def create_window(db: Database) -> MainWindow:
    return MainWindow(db)


def application() -> QApplication:
    """The one QApplication (reused when one exists, as under pytest-qt),
    named, in Vietnamese."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(QIcon(str(real_path("icons", "kehoach.svg"))))
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    qt_vi.install(app)
    return app


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    cli_text.install()
    parser = argparse.ArgumentParser(prog="kehoach-desktop", description="Cửa sổ KeHoach Desktop")
    parser.add_argument("--db", metavar="TỆP_HOẶC_URL", default=None,
                        help="tệp SQLite hoặc địa chỉ cơ sở dữ liệu (mặc định: $KEHOACH_DB, "
                             "nếu không có thì tệp của người dùng)")
    parser.add_argument("--smoke", action="store_true",
                        help="mở cửa sổ, nạp danh sách và kế hoạch đầu tiên rồi thoát (để kiểm tra cài đặt)")
    parser.add_argument("--self-test", action="store_true",
                        help="tự kiểm tra chương trình trên một cơ sở dữ liệu tạm (không đụng dữ liệu thật) "
                             "rồi thoát")
    return parser.parse_args(sys.argv[1:] if argv is None else argv)


def smoke_check(window: MainWindow) -> str:
    """What --smoke proves: the list is loaded and the first plan is open in
    the editors with its preview rendered."""
    plans = window.model.rowCount()
    if plans and (window.editor.plan is None or not window.preview.toPlainText()):
        raise RuntimeError("the first plan did not open")
    return f"smoke: {plans} kế hoạch, kế hoạch đầu tiên: {window.editor.plan_id}"


def _sentence(message: str) -> str:
    """UserError messages are clauses ("không mở được ..."); a dialog wants a sentence."""
    message = message.strip()
    if message and message[0].islower():
        message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


def main(argv: list[str] | None = None) -> int:
    """Open the window on the database; argv without the program name.
    Returns the exit code: 0, or 1 when the database cannot be opened."""
    args = parse_args(argv)
    if args.self_test:
        from ..self_test import run

        return run()
    set_up_log("window")
    app = application()
    install_exception_hook()
    try:
        db = open_or_offer_backup(args.db)  # a damaged file: its newest good backup offered
    except UserError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Không mở được cơ sở dữ liệu"),
                             _sentence(str(exc)))
        return 1
    try:
        window = create_window(db)
        window.show()
        if args.smoke:
            app.processEvents()
            print(smoke_check(window))
            window.close()
            return 0
        # The first autosave would otherwise pause to import the ORM.
        threading.Thread(target=preload_writing, name="preload-writing", daemon=True).start()
        return app.exec()
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())
