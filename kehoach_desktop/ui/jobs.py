"""Long work off the GUI thread: the one way the window runs an import, a
conversion or an export that can take more than a moment.

``run_job(parent, text, work)`` runs ``work(token)`` in a QThread and
waits for it in a local event loop, so the window keeps painting and its
timers keep running (autosave, preview). For the first half second the
clerk's clicks and keys wait in the queue (as they would for a quick job
done in place); after that a modal progress dialog ("Huỷ") shows.
``run_job`` returns what ``work`` returned, raises what it raised (a
UserError becomes the usual message box at the caller, on the GUI thread),
and raises CancelledError when the clerk cancelled.

Cancel sets the token: the work checks it between its steps
(``token.check()``), and an outside program registered with
``token.on_cancel`` (LibreOffice) is killed at once. ``run_job`` then waits
for the thread to end before it returns, so nothing of a cancelled job
happens afterwards; and a job whose token was cancelled counts as cancelled
even if its last step finished, so the caller keeps nothing of it.

What runs in the thread: reading and rendering only (file -> Plan, Plan ->
bytes). Never a widget; never the database: the store's engine and the
writers' lock are the GUI thread's (autosave uses them), so the caller
writes (``store.add``, the file's atomic write) after ``run_job`` returned,
on the GUI thread, which is also what makes Cancel leave nothing behind.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.cancel import CancelledError, CancelToken
from ..formats.safe_write import write_atomically

T = TypeVar("T")

SHOW_AFTER_MS = 500  # shorter jobs show no dialog at all


class _Worker(QThread):
    """The thread of one job. A QThread rather than a bare Python thread:
    Qt's text layout and PDF writer (the PDF export) start timers, which
    need the thread's own event dispatcher."""

    def __init__(self, work: Callable[[CancelToken], object], token: CancelToken):
        super().__init__()
        self.work, self.token = work, token
        self.outcome: dict[str, object] = {}
        self.done = threading.Event()

    def run(self) -> None:
        try:
            self.outcome["value"] = self.work(self.token)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, raised there
            self.outcome["error"] = exc
        finally:
            self.done.set()


def run_job(parent: QWidget | None, text: str, work: Callable[[CancelToken], T]) -> T:
    """Run ``work(token)`` off the GUI thread; see the module's docstring."""
    token = CancelToken()
    loop = QEventLoop()
    thread = _Worker(work, token)
    finished = thread.done
    # QThread.finished is emitted in the worker: queued to the loop's (GUI) thread.
    thread.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    thread.start()
    show_timer = QTimer()
    show_timer.setSingleShot(True)
    show_timer.timeout.connect(loop.quit)
    show_timer.start(SHOW_AFTER_MS)
    dialog: QProgressDialog | None = None
    try:
        while not finished.is_set():
            if dialog is None and not show_timer.isActive():
                dialog = _progress_dialog(parent, text, token, loop)
            taking_input = dialog is not None and not token.cancelled
            loop.exec(QEventLoop.ProcessEventsFlag.AllEvents if taking_input
                      else QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        show_timer.stop()
        if dialog is not None:
            dialog.hide()
            shiboken6.delete(dialog)  # now, not later: it calls back into this frame's loop
        thread.wait()
    if "error" in thread.outcome:
        raise thread.outcome["error"]  # type: ignore[misc]
    if token.cancelled:
        raise CancelledError
    return thread.outcome["value"]  # type: ignore[return-value]


def _progress_dialog(parent: QWidget | None, text: str, token: CancelToken, loop: QEventLoop) -> QProgressDialog:
    """The modal "working" dialog; its Huỷ cancels the token."""
    tr = QCoreApplication.translate
    dialog = QProgressDialog(text, tr("jobs", "Huỷ"), 0, 0, parent)  # 0..0: busy, no percentage
    dialog.setWindowTitle(tr("jobs", "Đang xử lý"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def cancel() -> None:
        dialog.setLabelText(tr("jobs", "Đang dừng…"))
        token.cancel()  # LibreOffice is killed here
        loop.quit()  # the loop goes on without the clerk's input until the thread ends

    dialog.canceled.connect(cancel)
    dialog.show()
    return dialog


def read_in_job(parent: QWidget | None, path: Path, read: Callable[[Path, CancelToken], T]) -> T:
    """``read(path, token)`` as a job: a file read (an import, a list from Excel)."""
    text = QCoreApplication.translate("jobs", "Đang đọc “{file}”…").format(file=path.name)
    return run_job(parent, text, lambda token: read(path, token))


def write_in_job(parent: QWidget | None, path: Path, render: Callable[[], bytes]) -> None:
    """The file's content made by ``render()`` as a job, then written on the
    GUI thread (temporary file and rename, replacing a file the save dialog
    asked about): a cancelled export leaves no file, not even a part."""
    text = QCoreApplication.translate("jobs", "Đang tạo “{file}”…").format(file=path.name)
    data = run_job(parent, text, lambda _token: render())
    write_atomically(path, data, overwrite=True)
