"""Editor of a budget ("Dự trù kinh phí"): groups by who pays (a row of
the tree), their items under them: content, quantity, unit, unit price.
The amounts, the totals and the amount in words are computed and shown
under the tree, never typed; a quantity or a price that is not a number
stays as typed in red and is not saved (the message says so)."""
from __future__ import annotations

import copy

from PySide6.QtWidgets import QLabel, QLineEdit

from ....core.amount_words import money, money_error, parse_money
from ....core.budget import Budget, BudgetGroup, BudgetItem, words_line
from ....core.text import clean_text
from .kinds import editor_of
from .tree import TwoLevelTreeEditor
from .typed_cells import mark

COL_TEXT, COL_QUANTITY, COL_UNIT, COL_PRICE, COL_AMOUNT = range(5)


@editor_of("budget")
class BudgetEditor(TwoLevelTreeEditor):
    headers = ("Nội dung", "Số lượng", "Đơn vị", "Đơn giá", "Thành tiền")
    header_tips = {COL_TEXT: "Dòng nhóm: nguồn chi (ví dụ “Thành Đoàn hỗ trợ”); dòng con: khoản chi",
                   COL_UNIT: "Đơn vị tính (người, cái, buổi…)",
                   COL_AMOUNT: "Tự tính: số lượng × đơn giá"}
    stretch_column = COL_TEXT
    column_fits = {COL_QUANTITY: (8, 8, 0), COL_UNIT: (7, 8, 0), COL_PRICE: (10, 11, 0), COL_AMOUNT: (11, 12, 0)}
    add_parent_label = "Thêm nguồn chi"
    add_child_label = "Thêm khoản chi"
    parent_columns = (COL_TEXT,)
    child_columns = (COL_TEXT, COL_QUANTITY, COL_UNIT, COL_PRICE)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Ghi chú in dưới dòng “Bằng chữ” (ví dụ: Nguồn kinh phí …), có thể để trống"))
        self.note.textEdited.connect(self._edited)
        self.body_layout.insertWidget(self.body_layout.count() - 1, self.note)
        self.summary = QLabel(self)  # the computed total and its words: not a problem, so not in red
        self.summary.setWordWrap(True)
        self.body_layout.insertWidget(self.body_layout.count() - 1, self.summary)

    def parent_values(self, group: BudgetGroup) -> list[str]:
        return [group.payer, "", "", "", money(group.total())]

    def child_values(self, item: BudgetItem) -> list[str]:
        return [item.text, str(item.quantity), item.unit, money(item.unit_price), money(item.amount())]

    def children_of(self, group: BudgetGroup) -> list[BudgetItem]:
        return group.items

    def fill(self, budget: Budget) -> None:
        self.fill_parents(budget.groups)
        self.note.setText(budget.note)

    def _item(self, child) -> BudgetItem | None:
        quantity, price = parse_money(self.text(child, COL_QUANTITY)), parse_money(self.text(child, COL_PRICE))
        if quantity is None or price is None:
            return None
        return BudgetItem(self.text(child, COL_TEXT), quantity, self.text(child, COL_UNIT), price)

    def refresh(self) -> None:
        """Amounts and totals computed as typed; a figure that is not a number in red."""
        self.tree.blockSignals(True)
        try:
            for item in self.parents():
                total = 0
                for child in self.children(item):
                    for column in (COL_QUANTITY, COL_PRICE):
                        mark(child, column, money_error(self.text(child, column)))
                    budget_item = self._item(child)
                    child.setText(COL_AMOUNT, money(budget_item.amount()) if budget_item else "")
                    total += budget_item.amount() if budget_item else 0
                item.setText(COL_AMOUNT, money(total))
        finally:
            self.tree.blockSignals(False)
        super().refresh()

    def check(self) -> list[str]:
        wrong = [f"“{self.text(child, column)}” (nhóm {g + 1}, khoản {i + 1})"
                 for g, item in enumerate(self.parents()) for i, child in enumerate(self.children(item))
                 for column in (COL_QUANTITY, COL_PRICE) if money_error(self.text(child, column))]
        total = self.content().total()
        self.summary.setText(self.tr("Tổng cộng: {total} đồng. {words}").format(total=money(total),
                                                                               words=words_line(total)))
        return [self.tr("Số lượng, đơn giá không đọc được (viết như 15.000 hoặc 15000; khoản này chưa "
                        "được lưu): ") + ", ".join(wrong)] if wrong else []

    def content(self) -> Budget:
        budget = copy.deepcopy(self._original) if isinstance(self._original, Budget) else Budget()
        groups = []
        for item in self.parents():
            items = [budget_item for child in self.children(item) if (budget_item := self._item(child))]
            groups.append(BudgetGroup(self.text(item, COL_TEXT), items))
        budget.groups = groups
        budget.note = " ".join(clean_text(self.note.text()).split())
        return budget
