"""At start, a damaged database file: the offer of its newest good backup.

SQLite finds the file damaged (store/damage.py: when it is opened, or when
the day's backup checks its copy); the clerk is told so in plain words,
with the time and the number of plans of the newest copy that passes the
checks, and chooses to restore it or to quit. Restoring moves the damaged
file aside ("…-hong-<time>.sqlite3", never deleted) and opens the copy put
in its place (store/restore.replace_damaged)."""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ..core.dates import short_datetime
from ..store import backups as b
from ..store.damage import DamagedDatabaseError
from ..store.database import Database, open_database
from ..store.restore import open_or_damaged, replace_damaged
from .modal import run_modal


def _tr(text: str) -> str:
    return QCoreApplication.translate("damaged_database", text)


def open_or_offer_backup(target: str | os.PathLike[str] | None) -> Database:
    """open_database(target); when the file is damaged and a good copy lies
    beside it, the offer to restore that copy, and the database opened
    again once restored. Raises UserError when it cannot be opened (the
    damage named, when the clerk chose to quit)."""
    try:
        return open_or_damaged(target)
    except DamagedDatabaseError as exc:
        damaged = exc  # (the except clause's name is unbound after it)
        if damaged.backup is None or not _offer(damaged.database, damaged.backup):
            raise
    aside = replace_damaged(damaged.database, damaged.backup)
    db = open_database(target)
    QMessageBox.information(None, _tr("Đã khôi phục"), _tr(
        "Đã khôi phục dữ liệu từ bản sao lưu.\n\nTệp bị hỏng được giữ lại (không bị xoá):\n{aside}").format(
        aside=aside))
    return db


def _offer(file, backup) -> bool:
    """The question: restore the newest good copy, or quit. True for restore."""
    from .backups_dialog import plan_count_text  # here: the window's start does not need that dialog

    copy = next((c for c in b.backups(file) if c.path == backup), None)
    when = short_datetime(copy.made_at) if copy is not None else ""
    kind = copy.reason_label if copy is not None else ""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Cơ sở dữ liệu bị hỏng"), _tr(
        "Tệp dữ liệu của chương trình bị hỏng: không đọc được toàn bộ kế hoạch trong đó."))
    box.setInformativeText(_tr(
        "Tệp: {file}\n\nBản sao lưu tốt mới nhất: lúc {when} ({kind}), {plans} kế hoạch.\n\n"
        "Khôi phục bản sao lưu này? Những gì sửa sau lúc đó sẽ không có. Tệp bị hỏng được giữ lại "
        "bên cạnh, không bị xoá.").format(file=file, when=when, kind=kind, plans=plan_count_text(backup)))
    restore = box.addButton(_tr("Khôi phục bản sao lưu"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(_tr("Thoát"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(quit_button)
    run_modal(box)
    return box.clickedButton() is restore
