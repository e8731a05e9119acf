"""Editor of a budget ("Dự trù kinh phí"): groups by who pays (a row of
the tree), their items under them: content, quantity, unit, unit price.
The amounts, the totals and the amount in words are computed and shown
under the tree, never typed; a quantity or a price that is not a number
stays as typed in red and is not saved (the message says so).

A budget read from a Word table also carries the figures that table
printed ("Thành tiền", "Cộng", "Tổng cộng": ``typed_amount``,
``typed_total``), kept for the format checker to compare with the computed
ones. Editing never drops them, even when a quantity or a price changes
(the checker must still see a figure that no longer agrees). One that
differs from the computed figure is shown under it (the amount cell shaded), with the reason
as its tooltip; "Dùng số tính" clears it for the current row, or for every
row and the total. The printed budget always shows the computed figures."""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTreeWidgetItem

from ....core.amount_words import money, money_error, parse_money
from ....core.budget import Budget, BudgetGroup, BudgetItem, words_line
from ....core.text import clean_text
from ...flow_layout import flow_row
from .kinds import editor_of
from .tree import TwoLevelTreeEditor
from .typed_cells import mark

COL_TEXT, COL_QUANTITY, COL_UNIT, COL_PRICE, COL_AMOUNT = range(5)
TYPED_ROLE = Qt.ItemDataRole.UserRole + 1  # on the amount cell: the figure the imported table printed, or None
DIFFERS = QColor(255, 236, 179)  # the shade of a printed figure that is not the computed one


@editor_of("budget")
class BudgetEditor(TwoLevelTreeEditor):
    headers = ("Nội dung", "Số lượng", "Đơn vị", "Đơn giá", "Thành tiền")
    header_tips = {COL_TEXT: "Dòng nhóm: nguồn chi (ví dụ “Thành Đoàn hỗ trợ”); dòng con: khoản chi",
                   COL_UNIT: "Đơn vị tính (người, cái, buổi…)",
                   COL_AMOUNT: "Tự tính: số lượng × đơn giá"}
    stretch_column = COL_TEXT
    column_fits = {COL_QUANTITY: (8, 8, 0), COL_UNIT: (7, 8, 0), COL_PRICE: (12, 13, 0), COL_AMOUNT: (12, 13, 0)}
    add_parent_label = "Thêm nguồn chi"
    add_child_label = "Thêm khoản chi"
    parent_columns = (COL_TEXT,)
    child_columns = (COL_TEXT, COL_QUANTITY, COL_UNIT, COL_PRICE)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.typed_total: int | None = None  # the "Tổng cộng" the imported table printed
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Ghi chú in dưới dòng “Bằng chữ” (ví dụ: Nguồn kinh phí …), có thể để trống"))
        self.note.textEdited.connect(self._edited)
        self.body_layout.insertWidget(self.body_layout.count() - 1, self.note)
        self.summary = QLabel(self)  # the computed total and its words: not a problem, so not in red
        self.summary.setWordWrap(True)
        self.body_layout.insertWidget(self.body_layout.count() - 1, self.summary)
        self.differs_note = QLabel(self.tr("Ô tô vàng: số dưới là số bảng gốc ghi, khác số tính lại ở trên. "
                                         "Bản in dùng số tính."), self)
        self.differs_note.setWordWrap(True)
        self.accept_row_button = QPushButton(self.tr("Dùng số tính cho dòng này"), self)
        self.accept_row_button.setToolTip(self.tr("Bỏ số bảng gốc ghi ở dòng đang chọn, giữ số tính lại"))
        self.accept_row_button.clicked.connect(self.accept_current)
        self.accept_all_button = QPushButton(self.tr("Dùng số tính cho cả bảng"), self)
        self.accept_all_button.setToolTip(self.tr("Bỏ mọi số bảng gốc ghi khác số tính lại, kể cả dòng “Tổng cộng”"))
        self.accept_all_button.clicked.connect(self.accept_all)
        self.differs_row = flow_row(self, self.differs_note, self.accept_row_button, self.accept_all_button)
        self.body_layout.insertWidget(self.body_layout.count() - 1, self.differs_row)
        self.tree.currentItemChanged.connect(lambda *_args: self._show_accept())

    def parent_values(self, group: BudgetGroup) -> list[str]:
        return [group.payer, "", "", "", money(group.total())]

    def child_values(self, item: BudgetItem) -> list[str]:
        return [item.text, str(item.quantity), item.unit, money(item.unit_price), money(item.amount())]

    def children_of(self, group: BudgetGroup) -> list[BudgetItem]:
        return group.items

    def make_parent(self, group: BudgetGroup) -> QTreeWidgetItem:
        row = super().make_parent(group)
        row.setData(COL_AMOUNT, TYPED_ROLE, group.typed_total)
        for child, item in zip(self.children(row), group.items, strict=True):
            child.setData(COL_AMOUNT, TYPED_ROLE, item.typed_amount)
        return row

    def fill(self, budget: Budget) -> None:
        self.typed_total = budget.typed_total
        self.fill_parents(budget.groups)
        self.note.setText(budget.note)

    def _item(self, child) -> BudgetItem | None:
        quantity, price = parse_money(self.text(child, COL_QUANTITY)), parse_money(self.text(child, COL_PRICE))
        if quantity is None or price is None:
            return None
        return BudgetItem(self.text(child, COL_TEXT), quantity, self.text(child, COL_UNIT), price,
                          typed(child))

    # ---- the figures the imported table printed
    def differing(self) -> list[QTreeWidgetItem]:
        """The rows whose printed figure is not the computed one."""
        rows = []
        for item in self.parents():
            rows += [child for child in self.children(item) if self._differs(child)]
            if self._differs(item):
                rows.append(item)
        return rows

    def _computed(self, row: QTreeWidgetItem) -> int | None:
        """A row's computed figure; None when a figure of it cannot be read."""
        if row.parent() is not None:
            item = self._item(row)
            return item.amount() if item is not None else None
        amounts = [self._computed(child) for child in self.children(row)]
        return None if None in amounts else sum(amount or 0 for amount in amounts)

    def _differs(self, row: QTreeWidgetItem) -> bool:
        computed = self._computed(row)
        return typed(row) is not None and computed is not None and typed(row) != computed

    def total_differs(self) -> bool:
        return self.typed_total is not None and self.typed_total != self.content().total()

    def accept_current(self) -> None:
        """The current row's computed figure replaces the printed one."""
        row = self.tree.currentItem()
        if row is not None and self._differs(row):
            row.setData(COL_AMOUNT, TYPED_ROLE, None)
            self._changed_structure()

    def accept_all(self) -> None:
        """Every printed figure that differs, the total's too, gives way to the computed one."""
        self.tree.blockSignals(True)
        try:
            for row in self.differing():
                row.setData(COL_AMOUNT, TYPED_ROLE, None)
        finally:
            self.tree.blockSignals(False)
        if self.total_differs():
            self.typed_total = None
        self._changed_structure()

    def _show_figure(self, row: QTreeWidgetItem, computed: int | None) -> None:
        """The computed figure in the amount cell; under it, shaded, the printed one when it differs."""
        text = money(computed) if computed is not None else ""
        printed = typed(row)
        if self._differs(row):
            row.setText(COL_AMOUNT, text + "\n" + money(printed))
            row.setBackground(COL_AMOUNT, QBrush(DIFFERS))
            row.setToolTip(COL_AMOUNT, self.tr(
                "Bảng gốc ghi {printed} đồng, tính lại được {computed} đồng. Bản in dùng số tính; Kiểm tra thể thức "
                "(F7) báo lỗi cho đến khi chọn “Dùng số tính”.").format(printed=money(printed), computed=text))
        else:
            row.setText(COL_AMOUNT, text)
            row.setBackground(COL_AMOUNT, QBrush())
            row.setToolTip(COL_AMOUNT, "")

    def _show_accept(self) -> None:
        any_differs = bool(self.differing()) or self.total_differs()
        self.differs_row.setVisible(any_differs)
        row = self.tree.currentItem()
        self.accept_row_button.setEnabled(row is not None and self._differs(row))

    def refresh(self) -> None:
        """Amounts and totals computed as typed; a figure that is not a number in red."""
        self.tree.blockSignals(True)
        try:
            for item in self.parents():
                for child in self.children(item):
                    for column in (COL_QUANTITY, COL_PRICE):
                        mark(child, column, money_error(self.text(child, column)))
                    self._show_figure(child, self._computed(child))
                budget_items = [self._item(child) for child in self.children(item)]
                self._show_figure(item, sum(b.amount() for b in budget_items if b is not None))
        finally:
            self.tree.blockSignals(False)
        super().refresh()
        self._show_accept()

    def check(self) -> list[str]:
        wrong = [f"“{self.text(child, column)}” (nhóm {g + 1}, khoản {i + 1})"
                 for g, item in enumerate(self.parents()) for i, child in enumerate(self.children(item))
                 for column in (COL_QUANTITY, COL_PRICE) if money_error(self.text(child, column))]
        total = self.content().total()
        summary = self.tr("Tổng cộng: {total} đồng. {words}").format(total=money(total), words=words_line(total))
        if self.total_differs():
            summary += " " + self.tr("(Bảng gốc ghi tổng cộng {printed} đồng.)").format(printed=money(self.typed_total))
        self.summary.setText(summary)
        return [self.tr("Số lượng, đơn giá không đọc được (viết như 15.000 hoặc 15000; khoản này chưa "
                        "được lưu): ") + ", ".join(wrong)] if wrong else []

    def content(self) -> Budget:
        budget = copy.deepcopy(self._original) if isinstance(self._original, Budget) else Budget()
        groups = []
        for item in self.parents():
            items = [budget_item for child in self.children(item) if (budget_item := self._item(child))]
            groups.append(BudgetGroup(self.text(item, COL_TEXT), items, typed(item)))
        budget.groups = groups
        budget.typed_total = self.typed_total
        budget.note = " ".join(clean_text(self.note.text()).split())
        return budget


def typed(row: QTreeWidgetItem) -> int | None:
    """The figure the imported table printed for this row (None: none)."""
    value = row.data(COL_AMOUNT, TYPED_ROLE)
    return int(value) if value is not None else None
