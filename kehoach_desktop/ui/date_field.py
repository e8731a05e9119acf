"""Date and time boxes that take a date or a time typed whole.

Qt's QDateEdit and QTimeEdit edit section by section: "23/12/2022" typed
after a click or Ctrl+A gives 06/12/2022 or 06/12/3122, and "08g00" (the way
the plans write times) cannot be typed at all, silently. A clerk types them
whole, so these boxes collect what is typed (shown as typed, the box's own
formatting held off) and read it with core.dates when it is whole (a year of
four digits, four digits of a time) or the typing ends (Enter, Tab, leaving
the box):
- DateField: "23/12/2022", "23.12.2022", "23-12-2022", "2/3/2023", "23122022";
- TimeField: "08g00", "8g", "08h00", "8 giờ 30", "08:00", "0800".
A text that is no day or no time ("31/02/2023", "25g00") stays shown, in
red, with the reason as tooltip, and the value is not changed until it is
corrected. The arrows, the calendar pop-up and Qt's section editing work as
before.
"""
from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QMessageBox, QTimeEdit, QWidget

from ..core.dates import (
    SHORT_DATE_PATTERN,
    far_from,
    far_question,
    out_of_range,
    parse_date,
    parse_time,
    short_date,
)
from .modal import run_modal

EIGHT_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # "23122022"
FOUR_DIGITS = re.compile(r"^(\d{2})(\d{2})$")  # "0800"
WRONG_COLOUR = "#b00020"


def read_typed_date(typed: str) -> date | None:
    """The day a clerk typed, or None."""
    typed = typed.strip()
    if match := EIGHT_DIGITS.match(typed):
        typed = "/".join(match.groups())
    return parse_date(typed)


def read_typed_time(typed: str) -> str | None:
    """The time a clerk typed as "HH:MM", or None."""
    typed = typed.strip()
    if match := FOUR_DIGITS.match(typed):
        typed = ":".join(match.groups())
    return parse_time(typed)


class _TypedWhole:
    """What the two boxes share; a subclass says which keys are typed, when
    a text is whole, how it is read and how its value is set and shown."""

    whole: re.Pattern[str]
    wrong_text = ""  # the tooltip of a text that is not read: {typed}, {value}
    selector = ""  # the class in the style sheet that colours the text

    def _typed_key(self, text: str) -> bool:  # pragma: no cover - overridden
        raise NotImplementedError

    def _read(self, typed: str):  # pragma: no cover - overridden
        raise NotImplementedError

    def _accept(self, value) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _value_label(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _start_typing(self) -> None:
        self.typed: str | None = None  # the text being typed whole, None when not typing
        self.wrong = ""  # a text typed that is no day or time: shown until corrected
        self.typed_whole = False  # the last keys typed a value whole: Tab leaves the box

    # ---- typing
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        text = event.text()
        key = event.key()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if text and plain and self._typed_key(text):
            self._type((self.typed or "") + text)
            return
        if self.typed is not None:
            if key == Qt.Key.Key_Backspace:
                self._type(self.typed[:-1])
                return
            if key == Qt.Key.Key_Escape:
                self.typed = None
                self._show(self.wrong or self._value_text())
                return
            self.finish_typing()
        typed_whole, self.typed_whole = self.typed_whole, False
        if typed_whole and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # a value typed whole is done with: Tab leaves the box (Qt's own Tab goes to the next section)
            QWidget.focusNextPrevChild(self, key == Qt.Key.Key_Tab)
            return
        if self.wrong and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # Qt would "fix" the text kept: 31/02 into 28/02
        super().keyPressEvent(event)  # type: ignore[misc]

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.finish_typing()
        self.typed_whole = False
        if self.wrong:
            self._show(self._value_text())  # what Qt reads on leaving: the value unchanged
        super().focusOutEvent(event)  # type: ignore[misc]
        if self.wrong:
            self._show(self.wrong)

    def _type(self, text: str) -> None:
        self.typed = text
        self._show(text)
        if self.whole.match(text.strip()):
            self.finish_typing()

    def _value_text(self) -> str:
        box = self  # a QDateTimeEdit
        if box.dateTime() == box.minimumDateTime() and box.specialValueText():  # type: ignore[attr-defined]
            return box.specialValueText()  # type: ignore[attr-defined]
        return box.textFromDateTime(box.dateTime())  # type: ignore[attr-defined]

    def _show(self, text: str) -> None:
        """Show ``text`` without the box reading it (it would reformat it)."""
        line = self.lineEdit()  # type: ignore[attr-defined]
        line.blockSignals(True)
        line.setText(text)
        line.setCursorPosition(len(text))
        line.blockSignals(False)

    def finish_typing(self) -> bool:
        """Read what was typed: a value sets the box; anything else stays
        shown, in red (False)."""
        if self.typed is None:
            return not self.wrong
        typed, self.typed = self.typed.strip(), None
        self.typed_whole = True
        if not typed:
            self._show(self.wrong or self._value_text())
            return not self.wrong
        value = self._read(typed)
        if value is not None:
            self.wrong = ""
            self._mark("")
            self._accept(value)
            self._show(self._value_text())
            return True
        self.wrong = typed
        self._mark(self._wrong_reason(typed))
        self._show(typed)
        return False

    def _wrong_reason(self, typed: str) -> str:
        """The tooltip of a text typed that was not taken."""
        return self.wrong_text.format(typed=typed, value=self._value_label())

    # The box's validator reads the text shown and "fixes" a day that does
    # not exist (31/02 into 28/02): the text being typed, or kept, is left alone.
    def validate(self, text: str, pos: int):
        if self.typed is not None or (self.wrong and text == self.wrong):
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)  # type: ignore[misc]

    def fixup(self, text: str) -> str:
        if self.typed is not None or (self.wrong and text == self.wrong):
            return text
        return super().fixup(text)  # type: ignore[misc]

    # ---- marking
    def _mark(self, problem: str) -> None:
        self.setStyleSheet(f"{self.selector} {{ color: {WRONG_COLOUR}; }}" if problem else "")  # type: ignore[attr-defined]
        self.setToolTip(problem)  # type: ignore[attr-defined]

    def _clear_wrong(self, *_args) -> None:
        """A value picked otherwise (the calendar, the arrows) ends the mark."""
        if self.wrong and self.typed is None:
            self.wrong = ""
            self._mark("")


class DateField(_TypedWhole, QDateEdit):
    """A date box. Its dates lie in core.dates' range (1945–2100: "9999"
    typed is refused like "31/02"); with ``confirm_far`` (the plan's and the
    events' dates) a date typed or picked more than five years from today
    is asked about, and "Không" puts the old date back."""

    # a date typed this far is whole (its year has four digits): read at once, as
    # Qt's own sections hand on when full, so the date is there before the clerk moves on
    whole = re.compile(r"^(\d{8}|\d{1,2}[./-]\d{1,2}[./-]\d{4})$")
    wrong_text = "“{typed}” không phải một ngày có thật (cần dạng 20/02/2020); ngày vẫn là {value}."
    selector = "QDateEdit"

    def __init__(self, parent=None, *, confirm_far: bool = False):
        self._start_typing()  # before Qt's constructor: it calls validate()
        super().__init__(parent)
        self.confirm_far = confirm_far
        self.setDisplayFormat(SHORT_DATE_PATTERN)
        self.setCalendarPopup(True)
        # No maximum of 2100: Qt would silently bring a date stored before
        # the range was checked (9999) down to it. A year out of range typed
        # is refused here, and the store refuses to save one however it came.
        self.dateChanged.connect(self._clear_wrong)
        # A day picked on the calendar is asked about as a day typed is.
        self._previous = self._current = self.date().toPython()
        self.dateChanged.connect(self._remember)
        self._calendar_watched = False

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.confirm_far and not self._calendar_watched:
            # The calendar is made on its first opening (a click), not with
            # every box of the window.
            self._calendar_watched = True
            self.calendarWidget().clicked.connect(self._picked)
            self.calendarWidget().activated.connect(self._picked)  # Enter on a day
        super().mousePressEvent(event)

    def _typed_key(self, text: str) -> bool:
        return text in "0123456789/.-"

    def _read(self, typed: str):
        day = read_typed_date(typed)
        if day is None or out_of_range(day) or not self.minimumDate().toPython() <= day <= self.maximumDate().toPython():
            return None
        return day

    def _wrong_reason(self, typed: str) -> str:
        day = read_typed_date(typed)
        if day is not None and out_of_range(day):
            return f"“{typed}”: {out_of_range(day)}; ngày vẫn là {self._value_label()}."
        return super()._wrong_reason(typed)

    def _accept(self, value: date) -> None:
        old = self.date().toPython()
        self.setDate(QDate(value))
        self._ask_if_far(value, old)

    def _remember(self, day: QDate) -> None:
        self._previous, self._current = self._current, day.toPython()

    def _picked(self, day: QDate) -> None:
        """A day clicked on the calendar: the box takes it before or after
        this slot runs, so the day before is the last one that differs."""
        value = day.toPython()
        old = self._previous if self._current == value else self._current
        self._ask_if_far(value, old)

    def _ask_if_far(self, value: date, old: date) -> None:
        if self.confirm_far and value != old and far_from(value, date.today()):
            # Asked once back in the event loop: not inside the key or focus
            # event that finished the typing, which a modal dialog would disturb.
            QTimer.singleShot(0, lambda: self._confirm_far(value, old))

    def _confirm_far(self, value: date, old: date) -> None:
        if self.date().toPython() != value:
            return  # changed again meanwhile
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Xác nhận ngày"), far_question(value),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window())
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if run_modal(box) != QMessageBox.StandardButton.Yes and self.date().toPython() == value:
            self.setDate(QDate(old))

    def _value_label(self) -> str:
        return short_date(self.date().toPython())


class TimeField(_TypedWhole, QTimeEdit):
    whole = re.compile(r"^(\d{4}|\d{1,2}\s*[:.gGhH]\s*\d{2})$")
    wrong_text = "“{typed}” không phải một giờ (ví dụ 08g00, 8 giờ 30, 08:00); giờ vẫn là {value}."
    selector = "QTimeEdit"

    def __init__(self, parent=None):
        self._start_typing()  # before Qt's constructor: it calls validate()
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self.timeChanged.connect(self._clear_wrong)

    def _typed_key(self, text: str) -> bool:
        return text.isprintable()  # "8 giờ 30 phút": the reading decides

    def _read(self, typed: str):
        return read_typed_time(typed)

    def _accept(self, value: str) -> None:
        self.setTime(QTime.fromString(value, "HH:mm"))

    def _value_label(self) -> str:
        return self.time().toString("HH:mm")
