"""The trash: deleted plans, newest deletion first, to restore or to delete
for good."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ..core.dates import short_date, short_datetime
from ..core.errors import UserError
from ..store.plans import PlanSummary
from .list_model import Column, ListModel

COL_TITLE = 2


class TrashDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.setWindowTitle(self.tr("Thùng rác"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.model = ListModel((
            Column(self.tr("Số"), lambda plan: plan.number or self.tr("(chưa có số)")),
            Column(self.tr("Ngày ban hành"),
                   lambda plan: short_date(plan.plan_date)),
            Column(self.tr("Trích yếu"), lambda plan: plan.title),
            Column(self.tr("Xoá lúc"),
                   lambda plan: short_datetime(plan.deleted_at)),
        ), self, row_id=lambda plan: plan.id)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Khôi phục"), self)
        self.purge_button = QPushButton(self.tr("&Xoá hẳn…"), self)
        self.empty_button = QPushButton(self.tr("&Dọn sạch thùng rác…"), self)
        close_button = QPushButton(self.tr("Đóng"), self)
        for button, role in ((self.restore_button, QDialogButtonBox.ButtonRole.ActionRole),
                             (self.purge_button, QDialogButtonBox.ButtonRole.ActionRole),
                             (self.empty_button, QDialogButtonBox.ButtonRole.ActionRole),
                             (close_button, QDialogButtonBox.ButtonRole.RejectRole)):
            buttons.addButton(button, role)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self.restore)
        self.purge_button.clicked.connect(self.purge)
        self.empty_button.clicked.connect(self.empty)
        close_button.clicked.connect(self.reject)
        self.table.doubleClicked.connect(self.restore)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            plans: list[PlanSummary] = self.store.trash()
        except UserError as exc:
            self._error(str(exc))
            plans = []
        self.model.set_rows(plans)
        if plans:
            self.table.selectRow(0)
        self.hint.setText(self.tr("Kế hoạch đã xoá nằm ở đây cho tới khi được xoá hẳn. Chọn một kế hoạch rồi bấm "
                                  "Khôi phục để đưa về danh sách.") if plans
                          else self.tr("Thùng rác trống."))
        self.empty_button.setEnabled(bool(plans))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        has = self.selected() is not None
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)

    def selected(self) -> PlanSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _error(self, message: str) -> None:
        QMessageBox.critical(self, self.tr("Thùng rác"), message)

    def restore(self, *_args) -> None:
        plan = self.selected()
        if plan is None:
            return
        plan_id = plan.id
        try:
            self.store.restore(plan_id)
        except UserError as exc:
            self._error(str(exc))
            return
        self.window.reload()
        self.window.select_plan(plan_id)
        self.refresh()

    def purge(self) -> None:
        plan = self.selected()
        if plan is None:
            return
        answer = QMessageBox.question(self, self.tr("Xoá hẳn"), self.tr(
            "Xoá hẳn kế hoạch “{title}”? Sau khi xoá hẳn sẽ không khôi phục được nữa.").format(title=plan.title[:120]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.purge(plan.id)
        except UserError as exc:
            self._error(str(exc))
        self.refresh()

    def empty(self) -> None:
        count = self.model.rowCount()
        answer = QMessageBox.question(self, self.tr("Dọn sạch thùng rác"), self.tr(
            "Xoá hẳn {n} kế hoạch trong thùng rác? Sau khi xoá hẳn sẽ không khôi phục được nữa.").format(n=count))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.empty_trash()
        except UserError as exc:
            self._error(str(exc))
        self.refresh()
