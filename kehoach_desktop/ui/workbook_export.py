"""Saving a guest list's workbook from the window: asked where, written in
a job (formats/attendees_xlsx.workbook_bytes), a failure told in Vietnamese.
One way for the "Khách mời" tab and the check-in window."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.attendees import Attendee
from ..core.cancel import CancelledError
from ..core.errors import UserError
from ..core.model import Plan
from .file_dialogs import ask_save_path
from .jobs import write_in_job


def export_workbook(parent: QWidget, title: str, suggested: str, plan: Plan,
                    rows: Callable[[], list[Attendee]]) -> Path | None:
    """The file saved, or None (not asked for, cancelled or failed, the
    failure told). ``rows`` is read once the place is chosen, before the job."""
    from ..formats.attendees_xlsx import workbook_bytes

    path = ask_save_path(parent, title, suggested, parent.tr("Tệp Excel (*.xlsx)"), ".xlsx")
    if path is None:
        return None
    try:
        listed = rows()
        write_in_job(parent, path, lambda: workbook_bytes(plan, listed))
    except CancelledError:
        return None
    except UserError as exc:
        QMessageBox.critical(parent, parent.tr("Không xuất được"), str(exc))
        return None
    return path
