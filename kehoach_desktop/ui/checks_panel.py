"""The format checker in the window: a panel (dock) listing the findings of
the open plan, its unsaved edits included, with their severity and
explanation; a click takes the clerk to the field."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.checks import SEVERITY_LABELS, Finding
from .list_model import Column, ListModel

FIELD_PLACES = {"title": "Trích yếu", "preamble": "Căn cứ, mục đích", "number": "Số, ký hiệu",
                "plan_date": "Ngày ban hành", "place": "Địa danh", "superior_body": "Cơ quan cấp trên",
                "issuing_bodies": "Cơ quan ban hành", "closing": "Câu kết", "recipients": "Nơi nhận",
                "signatures": "Chữ ký", "sections": "Nội dung"}


def place_label(path: str) -> str:
    """"sections[2].content…" -> "Mục III"; "recipients[1]" -> "Nơi nhận"."""
    from ..core.numbering import section_number
    from ..core.roman import roman

    head = path.split(".")[0]
    name, _, index = head.partition("[")
    if name == "sections" and index:
        return f"Mục {section_number(int(index.rstrip(']')))}".rstrip(".")
    if name == "appendices" and index:
        return f"Phụ lục {roman(int(index.rstrip(']')) + 1)}"
    if name == "signatures" and index:
        return f"Chữ ký {int(index.rstrip(']')) + 1}"
    return FIELD_PLACES.get(name, "")  # never the field's English name


def _message(finding: Finding) -> str:
    message = finding.message[:1].upper() + finding.message[1:]
    return f"{message} — “{finding.excerpt}”" if finding.excerpt and finding.excerpt not in message else message


def _severity_icon(finding: Finding):
    icon = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning}.get(
        finding.severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
    return QApplication.style().standardIcon(icon)


class FindingsModel(ListModel):
    """One row per finding; every cell's tooltip explains the rule."""

    COL_SEVERITY, COL_MESSAGE, COL_PLACE = range(3)

    def __init__(self, parent=None):
        super().__init__((
            Column(self.tr("Mức độ"), lambda finding: self.tr(SEVERITY_LABELS[finding.severity]),
                   icon=_severity_icon, tooltip=self.explanation),
            Column(self.tr("Nội dung"), _message, tooltip=self.explanation),
            Column(self.tr("Vị trí"), lambda finding: place_label(finding.field), tooltip=self.explanation),
        ), parent)
        self.explanations: dict[str, str] = {}

    def set_rows(self, findings) -> None:
        from ..core.checks.rules import RULES

        self.explanations = {r.id: f"{r.title}: {r.explanation}" for r in RULES}
        super().set_rows(findings)

    def explanation(self, finding: Finding) -> str:
        return self.explanations.get(finding.rule, "")


class ChecksPanel(QWidget):
    """The list of findings; ``go_to`` carries the field path of a clicked one."""

    go_to = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # rows follow the wrapped message as the panel is resized
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FindingsModel.COL_SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FindingsModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FindingsModel.COL_PLACE, QHeaderView.ResizeMode.ResizeToContents)
        # at least four rows of findings, whatever the window's height
        self.table.setMinimumHeight(header.sizeHint().height() + 4 * (self.fontMetrics().lineSpacing() + 8))
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)
        self.summary = QLabel(self)
        self.recheck_button = QPushButton(self.tr("Kiểm tra lại"), self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.recheck_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def show_findings(self, findings: list[Finding]) -> None:
        self.model.set_rows(findings)
        counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_LABELS}
        if not findings:
            self.summary.setText(self.tr("Không thấy lỗi thể thức nào."))
        else:
            self.summary.setText(self.tr("{e} lỗi, {w} cảnh báo, {i} lưu ý — bấm vào một dòng để đến chỗ cần sửa.")
                                 .format(e=counts["error"], w=counts["warning"], i=counts["info"]))

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.go_to.emit(self.model.row(index.row()).field)
