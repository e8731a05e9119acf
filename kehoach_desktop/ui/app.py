"""Starting the window: `kehoach-desktop`, `kehoach gui`, or `kehoach` alone."""
from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from .. import cli_text
from ..core.errors import UserError
from ..store.database import Database, open_database
from .errors import install_exception_hook
from .main_window import MainWindow


def create_window(db: Database) -> MainWindow:
    return MainWindow(db)


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("KeHoach Desktop")
    app.setOrganizationName("KeHoach")
    return app


def main(argv: list[str] | None = None) -> int:
    """Open the window on the database; argv without the program name."""
    cli_text.install()
    parser = argparse.ArgumentParser(prog="kehoach-desktop", description="Cửa sổ KeHoach Desktop")
    parser.add_argument("--db", default=None, help="tệp SQLite hoặc địa chỉ cơ sở dữ liệu")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    app = _application()
    install_exception_hook()
    try:
        db = open_database(args.db)
    except UserError as exc:
        QMessageBox.critical(None, "Không mở được cơ sở dữ liệu", str(exc))
        return 1
    try:
        window = create_window(db)
        window.show()
        return app.exec()
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())
