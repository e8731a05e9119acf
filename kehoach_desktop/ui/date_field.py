"""A date box that takes a date typed whole.

Qt's QDateEdit edits a date section by section: "23/12/2022" typed into it
after a click or Ctrl+A gives 06/12/2022 or 06/12/3122, silently. A clerk
types dates whole, so DateField collects the digits and separators typed
(shown as typed, the box's own formatting held off) and reads them with
core.dates when the typing ends (Enter, Tab, leaving the box): "23/12/2022",
"23.12.2022", "23-12-2022", "2/3/2023" and "23122022" all work. A text that
is no day on the calendar ("31/02/2023") stays shown, in red, with the
reason as tooltip, and the date is not changed until it is corrected.
The arrows, the calendar pop-up and Qt's section editing work as before.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from ..core.dates import SHORT_DATE_PATTERN, parse_date, short_date

TYPED = set("0123456789/.-")
EIGHT_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # "23122022"
# A date typed this far is whole (its year has four digits): it is read at once, as
# Qt's own sections hand on when full, so the date is there before the clerk moves on.
WHOLE = re.compile(r"^(\d{8}|\d{1,2}[./-]\d{1,2}[./-]\d{4})$")
WRONG_STYLE = "QDateEdit { color: #b00020; }"


def read_typed_date(typed: str):
    """The day a clerk typed, or None."""
    typed = typed.strip()
    if match := EIGHT_DIGITS.match(typed):
        typed = "/".join(match.groups())
    return parse_date(typed)


class DateField(QDateEdit):
    def __init__(self, parent=None):
        self.typed: str | None = None  # the text being typed whole, None when not typing
        self.wrong = ""  # a text typed that is no day: shown until corrected
        self.typed_whole = False  # the last keys typed a date whole: Tab leaves the box
        super().__init__(parent)
        self.setDisplayFormat(SHORT_DATE_PATTERN)
        self.setCalendarPopup(True)
        self.dateChanged.connect(self._clear_wrong)

    # ---- typing
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        text = event.text()
        key = event.key()
        if text and text in TYPED and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._type((self.typed or "") + text)
            return
        if self.typed is not None:
            if key == Qt.Key.Key_Backspace:
                self._type(self.typed[:-1])
                return
            if key == Qt.Key.Key_Escape:
                self.typed = None
                self._show(self.wrong or self._date_text())
                return
            self.finish_typing()
        typed_whole, self.typed_whole = self.typed_whole, False
        if typed_whole and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # a date typed whole is done with: Tab leaves the box (Qt's own Tab goes to the next section)
            QWidget.focusNextPrevChild(self, key == Qt.Key.Key_Tab)
            return
        if self.wrong and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # Qt would "fix" the text kept: 31/02 into 28/02
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.finish_typing()
        self.typed_whole = False
        if self.wrong:
            self._show(self.textFromDateTime(self.dateTime()))  # what Qt reads on leaving: the date unchanged
        super().focusOutEvent(event)
        if self.wrong:
            self._show(self.wrong)

    def _type(self, text: str) -> None:
        self.typed = text
        self._show(text)
        if WHOLE.match(text):
            self.finish_typing()

    def _date_text(self) -> str:
        return self.textFromDateTime(self.dateTime()) if self.date() != self.minimumDate() else self.specialValueText()

    def _show(self, text: str) -> None:
        """Show ``text`` without the box reading it (it would reformat it)."""
        line = self.lineEdit()
        line.blockSignals(True)
        line.setText(text)
        line.setCursorPosition(len(text))
        line.blockSignals(False)

    def finish_typing(self) -> bool:
        """Read what was typed: a day sets the date; anything else stays
        shown, in red (False)."""
        if self.typed is None:
            return not self.wrong
        typed, self.typed = self.typed.strip(), None
        self.typed_whole = True
        if not typed:
            self._show(self.wrong or self._date_text())
            return not self.wrong
        day = read_typed_date(typed)
        if day is not None and self.minimumDate().toPython() <= day <= self.maximumDate().toPython():
            self.wrong = ""
            self._mark("")
            if QDate(day) == self.date():
                self._show(self._date_text())
            self.setDate(QDate(day))
            return True
        self.wrong = typed
        self._mark(self.tr("“{typed}” không phải một ngày (cần dạng 20/02/2020); ngày vẫn là {day}.").format(
            typed=typed, day=short_date(self.date().toPython())))
        self._show(typed)
        return False

    # The box's validator reads the text shown and "fixes" a day that does
    # not exist (31/02 into 28/02): the text being typed, or kept, is left alone.
    def validate(self, text: str, pos: int):
        if self.typed is not None or (self.wrong and text == self.wrong):
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def fixup(self, text: str) -> str:
        if self.typed is not None or (self.wrong and text == self.wrong):
            return text
        return super().fixup(text)

    # ---- marking
    def _mark(self, problem: str) -> None:
        self.setStyleSheet(WRONG_STYLE if problem else "")
        self.setToolTip(problem)

    def _clear_wrong(self, *_args) -> None:
        if self.wrong and self.typed is None:
            self.wrong = ""
            self._mark("")
