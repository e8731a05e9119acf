"""What every editor page shares: load a plan into widgets, save widgets into
a plan, and say when the clerk changed something."""
from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ...core.model import Plan
from ...core.text import clean_text
from ..flow_layout import FlowLayout

# A date box holding no date shows this day as nothing (show_no_date): Qt's
# own empty value, 01/01/2000, would read as a real date.
NO_DATE = QDate(1752, 9, 14)


class EditorPage(QWidget):
    """A tab of the plan editor. ``page_id`` is stable (tabs are found by
    id, never by index); ``changed`` fires on every edit by the clerk."""

    page_id = ""
    title = ""
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False

    def load(self, plan: Plan) -> None:
        self._loading = True
        try:
            self.fill(plan)
        finally:
            self._loading = False

    def fill(self, plan: Plan) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def save(self, plan: Plan) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def watch(self, *widgets) -> None:
        """Report edits in these widgets through ``changed`` (not while loading)."""
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self._on_edit)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._on_edit)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._on_edit)
                if widget.isEditable():
                    widget.editTextChanged.connect(self._on_edit)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._on_edit)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self._on_edit)
            else:
                widget.toggled.connect(self._on_edit)

    def _on_edit(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()


def text_of(widget) -> str:
    """The widget's text through the text gate (a pasted control character
    never reaches the preview or the checker), spaces around it removed."""
    if isinstance(widget, QPlainTextEdit):
        return clean_text(widget.toPlainText()).strip()
    return clean_text(widget.text(), single_line=True).strip()  # a line box: a pasted line break is a space


def lines_of(widget: QPlainTextEdit) -> list[str]:
    """One entry per non-empty line."""
    return [line.strip() for line in clean_text(widget.toPlainText()).split("\n") if line.strip()]


def show_no_date(edit: QDateEdit) -> None:
    """The box shows nothing when set to NO_DATE, its smallest day."""
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(" ")
    edit.setDate(NO_DATE)


def optional_row(parent: QWidget, field: QWidget, *extras: QWidget, label: str = "") -> tuple[QWidget, QCheckBox]:
    """A row "[x] field extras…" where the box turns the optional field on;
    the extras (a date in words) go to a second line when the pane is narrow."""
    row = QWidget(parent)
    layout = FlowLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    check = QCheckBox(label, row)
    check.toggled.connect(field.setEnabled)
    for widget in (check, field, *extras):
        widget.setParent(row)
        layout.addWidget(widget)
        if isinstance(widget, QLabel):
            widget.setWordWrap(True)  # a long date in words: two lines rather than a wider pane
    policy = row.sizePolicy()
    policy.setHeightForWidth(True)
    row.setSizePolicy(policy)
    return row, check
