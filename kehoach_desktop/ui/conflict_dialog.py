"""The one dialog for a save refused because somebody else saved the same
thing meanwhile (store/versions.py ConflictError): a plan, the guest list,
a contact, the office profile. Nothing is ever overwritten in silence: the
clerk sees both versions side by side (what differs), then chooses to load
the saved one, keep theirs own over it, or, for a list, merge the two (for a
plan, keep theirs own as a new copy).
Closing the dialog ("Để sau") chooses nothing: the edit stays unsaved in
the window."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

LATER, RELOAD, KEEP_MINE, MERGE, COPY = 0, 1, 2, 3, 4  # exec()'s result: the clerk's choice
MAX_LINES = 400  # lines shown per side; a list of 9,999 rows is summed up after them


def count_text(n: int) -> str:
    """9999 -> "9.999", as Vietnamese writes numbers."""
    return f"{n:,}".replace(",", ".")


@dataclass
class Side:
    """One version as the dialog shows it: a heading and its lines (only
    what differs from the other side, for a long list)."""

    title: str
    lines: list[str]


class ConflictDialog(QDialog):
    """``exec()`` (through modal.run_modal) returns LATER, RELOAD,
    KEEP_MINE, MERGE or COPY; MERGE is offered only when ``can_merge``,
    COPY only when ``can_copy``."""

    def __init__(self, title: str, message: str, summary: str, mine: Side, theirs: Side, *,
                 can_merge: bool = False, can_copy: bool = False, wording: dict[int, tuple[str, str]] | None = None,
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.message = QLabel(message[:1].upper() + message[1:] + ".", self)
        self.message.setWordWrap(True)
        bold = QFont(self.message.font())
        bold.setBold(True)
        self.message.setFont(bold)
        layout.addWidget(self.message)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        sides = QHBoxLayout()
        self.mine_text = self._side(mine, sides)
        self.theirs_text = self._side(theirs, sides)
        layout.addLayout(sides, 1)

        # choice -> (button, what it does); ``wording`` changes them where a choice means
        # something else (the register's export saves nothing over anything)
        words = {RELOAD: (self.tr("Tải lại bản đã lưu"), self.tr("bỏ thay đổi của anh/chị, hiện bản đã lưu ở nơi khác.")),
                 KEEP_MINE: (self.tr("Giữ bản của tôi"),
                             self.tr("bản đã lưu ở nơi khác bị thay bằng bản của anh/chị.")),
                 MERGE: (self.tr("Gộp"), self.tr("giữ các dòng của cả hai bên (dòng mới của mỗi bên đều được thêm); "
                                                 "ô nào anh/chị đã sửa thì lấy theo bản của anh/chị.")),
                 COPY: (self.tr("Lưu thành bản sao"), self.tr("bản đã lưu ở nơi khác giữ nguyên; bản của anh/chị "
                                                              "được lưu thành một kế hoạch mới.")),
                 LATER: (self.tr("Để sau"), self.tr("chưa lưu gì, thay đổi của anh/chị vẫn còn trên màn hình."))}
        words.update(wording or {})
        offered = [RELOAD, KEEP_MINE] + ([MERGE] if can_merge else []) + ([COPY] if can_copy else []) + [LATER]
        self.explanation = QLabel("\n".join(f"“{words[c][0]}”: {words[c][1]}" for c in offered), self)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)

        buttons = QDialogButtonBox(self)
        self.reload_button = self._button(buttons, words[RELOAD][0], RELOAD)
        self.keep_button = self._button(buttons, words[KEEP_MINE][0], KEEP_MINE)
        self.merge_button = self._button(buttons, words[MERGE][0], MERGE) if can_merge else None
        self.copy_button = self._button(buttons, words[COPY][0], COPY) if can_copy else None
        later = buttons.addButton(words[LATER][0], QDialogButtonBox.ButtonRole.RejectRole)
        later.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.choice = LATER

    def _side(self, side: Side, row: QHBoxLayout) -> QPlainTextEdit:
        box = QGroupBox(side.title, self)
        inner = QVBoxLayout(box)
        text = QPlainTextEdit(box)
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # a long row is read, not scrolled
        lines = side.lines[:MAX_LINES]
        if len(side.lines) > MAX_LINES:
            lines.append(self.tr("… và {n} dòng nữa").format(n=count_text(len(side.lines) - MAX_LINES)))
        text.setPlainText("\n".join(lines) if lines else self.tr("(không có gì khác)"))
        inner.addWidget(text)
        row.addWidget(box, 1)
        return text

    def _button(self, buttons: QDialogButtonBox, text: str, choice: int) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAutoDefault(False)  # Enter chooses nothing by itself: each choice is clicked
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.done(choice)

    def reject(self) -> None:
        self.choice = LATER
        self.done(LATER)
