"""The one way the window runs a dialog of its own: exec(), then the dialog
is deleted once back in the event loop. Parented to the window, a dialog
would otherwise stay one more child of it per opening; deleted later, not
at once, its fields and clicked button can still be read by the caller."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """The dialog's result (DialogCode, or a message box's StandardButton)."""
    result = dialog.exec()
    dialog.deleteLater()
    return result
