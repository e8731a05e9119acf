"""A budget ("Dự trù kinh phí"): items grouped by who pays, their amounts,
totals and the total in words, and the checks of what a clerk typed.

Amounts are whole numbers of đồng (int): Vietnamese budgets carry no xu, and
ints add up exactly. Quantities are whole numbers too (int): the items of a
plan's budget are counted things (người, cái, buổi, suất); a fraction is
written into the unit ("suất nửa ngày") rather than multiplied, so that every
amount stays exact and the file format holds only ints. The amount of an
item is always computed (quantity × unit price); what a clerk typed
(``typed_amount``, ``typed_total``, e.g. read from an imported Word table) is
kept only to be checked against it.

``budget_lines`` gives the rows every writer prints (Word, PDF, text), so
they all print the same table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .amount_words import MAX_AMOUNT, amount_in_words, money
from .roman import roman
from .tables import Alignment, HeaderCell, Table, TableColumn

MAX_BUDGET_AMOUNT = 10**15  # "một triệu tỷ đồng": beyond it a figure was surely mistyped
MAX_QUANTITY = 10**9


@dataclass
class BudgetItem:
    text: str = ""  # "Nước uống đại biểu"
    quantity: int = 1
    unit: str = ""  # "người", "cái", "buổi"
    unit_price: int = 0  # đồng
    typed_amount: int | None = None  # the "Thành tiền" a clerk typed, checked against quantity × unit price

    def amount(self) -> int:
        return self.quantity * self.unit_price


@dataclass
class BudgetGroup:
    payer: str = ""  # who pays: "Thành Đoàn hỗ trợ", "Đơn vị tự túc"; "" for a budget without groups
    items: list[BudgetItem] = field(default_factory=list)
    typed_total: int | None = None  # the group's "Cộng" a clerk typed

    def total(self) -> int:
        return sum(item.amount() for item in self.items)


@dataclass
class Budget:
    groups: list[BudgetGroup] = field(default_factory=list)
    typed_total: int | None = None  # the "Tổng cộng" a clerk typed
    note: str = ""  # a line after the words, e.g. "Nguồn kinh phí: …"
    kind: Literal["budget"] = "budget"

    def total(self) -> int:
        return sum(group.total() for group in self.groups)


# ------------------------------------------------------------------ the table

HEADER = ("STT", "Nội dung", "Số lượng", "Đơn vị tính", "Đơn giá", "Thành tiền")
COLUMN_WEIGHTS = (7, 25, 9, 9, 14, 16)  # the columns' shares of the width (see budget_table)

RowKind = Literal["header", "group", "item", "subtotal", "total", "words", "note"]


@dataclass(frozen=True)
class BudgetRow:
    """One row as printed. Rows of kind "words" and "note" have a single cell
    spanning the width (or written as a paragraph under the table); the
    others have one cell per column of HEADER."""

    kind: RowKind
    cells: tuple[str, ...]


def shows_groups(budget: Budget) -> bool:
    """Group rows ("I", "Thành Đoàn hỗ trợ") are printed when there is more
    than one group or a group names its payer."""
    return len(budget.groups) > 1 or any(g.payer.strip() for g in budget.groups)


def words_line(total: int) -> str:
    """"Bằng chữ: Năm triệu đồng chẵn." A total no one can read (negative, or
    past MAX_AMOUNT) is named as such; the checker reports it."""
    if 0 <= total <= MAX_AMOUNT:
        return "Bằng chữ: " + amount_in_words(total)
    return f"Bằng chữ: (số tiền {money(total)} đồng không đọc được thành chữ)"


def budget_lines(budget: Budget) -> list[BudgetRow]:
    """The rows of the budget's table: the header; per group a group row
    numbered I, II, … (when shows_groups), its items numbered 1, 2, … and,
    when there are several groups, a "Cộng" row; then "Tổng cộng", the amount
    in words and the note."""
    grouped = shows_groups(budget)
    rows = [BudgetRow("header", HEADER)]
    for g, group in enumerate(budget.groups):
        if grouped:
            rows.append(BudgetRow("group", (roman(g + 1), group.payer, "", "", "", "")))
        for i, item in enumerate(group.items):
            rows.append(BudgetRow("item", (str(i + 1), item.text, money(item.quantity), item.unit,
                                           money(item.unit_price), money(item.amount()))))
        if len(budget.groups) > 1:
            rows.append(BudgetRow("subtotal", ("", "Cộng", "", "", "", money(group.total()))))
    total = budget.total()
    rows.append(BudgetRow("total", ("", "Tổng cộng", "", "", "", money(total))))
    rows.append(BudgetRow("words", (words_line(total),)))
    if budget.note.strip():
        rows.append(BudgetRow("note", (budget.note,)))
    return rows


# ----------------------------------------------------------------- the checks


@dataclass(frozen=True)
class BudgetProblem:
    """What is wrong, in Vietnamese, naming the place ("mục 2 của nhóm I");
    ``field`` is the path inside the budget ("groups[0].items[1].typed_amount";
    "" for the budget as a whole) for the checker's Finding."""

    severity: Literal["error", "warning"]
    message: str
    field: str


def _group_place(budget: Budget, g: int) -> str:
    payer = budget.groups[g].payer.strip()
    return f"nhóm {roman(g + 1)}" + (f" ({payer})" if payer else "")


def _item_place(budget: Budget, g: int, i: int) -> str:
    text = budget.groups[g].items[i].text.strip()
    place = f"mục {i + 1}" + (f" của {_group_place(budget, g)}" if shows_groups(budget) else "")
    return place + (f" “{text}”" if text else "")


def _absurd(value: int) -> bool:
    return value < 0 or value > MAX_BUDGET_AMOUNT


def _money_problem(value: int, where: str, what: str, path: str) -> list[BudgetProblem]:
    if value < 0:
        return [BudgetProblem("error", f"{where}: {what} là số âm ({money(value)})", path)]
    if value > MAX_BUDGET_AMOUNT:
        return [BudgetProblem("error", f"{where}: {what} {money(value)} đồng quá lớn (hơn một triệu tỷ đồng), "
                                       "có lẽ gõ thừa chữ số", path)]
    return []


def _typed_problem(typed: int | None, computed: int | None, where: str, what: str, path: str,
                   how: str = "cộng các mục được") -> list[BudgetProblem]:
    """A typed figure: absurd, or not the computed one. ``computed`` is None
    when it cannot be trusted (a wrong quantity or price has its own message)."""
    if typed is None:
        return []
    subject = f"{what} ghi" if what else "ghi"
    found = _money_problem(typed, where, subject, path)
    if not found and computed is not None and not _absurd(computed) and typed != computed:
        found.append(BudgetProblem("error", f"{where}: {subject} {money(typed)} đồng nhưng {how} "
                                            f"{money(computed)} đồng", path))
    return found


def _item_problems(budget: Budget, g: int, i: int) -> list[BudgetProblem]:
    item = budget.groups[g].items[i]
    where, path = _item_place(budget, g, i), f"groups[{g}].items[{i}]"
    found: list[BudgetProblem] = []
    if not item.text.strip():
        found.append(BudgetProblem("warning", f"{where}: chưa ghi nội dung chi", f"{path}.text"))
    if item.quantity < 0:
        found.append(BudgetProblem("error", f"{where}: số lượng là số âm ({item.quantity})", f"{path}.quantity"))
    elif item.quantity > MAX_QUANTITY:
        found.append(BudgetProblem("error", f"{where}: số lượng {money(item.quantity)} quá lớn, có lẽ gõ thừa "
                                            "chữ số", f"{path}.quantity"))
    found += _money_problem(item.unit_price, where, "đơn giá", f"{path}.unit_price")
    computed = item.amount() if _figures_sound(item) else None
    if computed is not None:
        found += _money_problem(computed, where, "thành tiền", path)
    how = f"{money(item.quantity)} × {money(item.unit_price)} ="
    return found + _typed_problem(item.typed_amount, computed, where, "thành tiền", f"{path}.typed_amount", how)


def _figures_sound(item: BudgetItem) -> bool:
    """Quantity and unit price are within bounds (the amount is computed
    from them only then)."""
    return 0 <= item.quantity <= MAX_QUANTITY and not _absurd(item.unit_price)


def _computed_sound(items: list[BudgetItem]) -> bool:
    """Every item's figures and amount are within bounds: only then is a
    computed total worth comparing with a typed one (a wrong figure already
    has its own message; one mistake gives one error, not three)."""
    return all(_figures_sound(item) and not _absurd(item.amount()) for item in items)


def problems(budget: Budget) -> list[BudgetProblem]:
    """Every typed amount or total that disagrees with the computed one (the
    table prints the computed ones), and every negative or absurd figure, in
    the order of the table."""
    found: list[BudgetProblem] = []
    for g, group in enumerate(budget.groups):
        if not group.items:
            found.append(BudgetProblem("warning", f"{_group_place(budget, g)} chưa có mục chi nào",
                                       f"groups[{g}].items"))
        for i in range(len(group.items)):
            found += _item_problems(budget, g, i)
        computed = group.total() if _computed_sound(group.items) else None
        found += _typed_problem(group.typed_total, computed, f"dòng “Cộng” của {_group_place(budget, g)}", "",
                                f"groups[{g}].typed_total")
    total: int | None = None
    if _computed_sound([item for group in budget.groups for item in group.items]):
        total = budget.total()
        found += _money_problem(total, "dòng “Tổng cộng”", "số tiền", "")
    found += _typed_problem(budget.typed_total, total, "dòng “Tổng cộng”", "", "typed_total")
    return found


def budget_table(budget: Budget) -> Table:
    """The budget's rows (budget_lines) as a table for the writers: the
    header, group, item, subtotal and total rows; the "Bằng chữ" line and the
    note are written under it as paragraphs (budget_notes). The totals are
    the budget's own (the table sums nothing itself: subtotals would count
    twice)."""
    aligns: tuple[Alignment, ...] = ("center", "left", "right", "center", "right", "right")
    # On the A4 text width (160 mm) these are 14, 50, 18, 18, 28 and 32 mm:
    # "Đơn giá" holds "150.000.000" and "Thành tiền" "1.500.000.000" on one
    # line at 13 pt (narrower, Word and LibreOffice broke "150.000.00|0").
    columns = [TableColumn(width, align) for width, align in zip(COLUMN_WEIGHTS, aligns, strict=True)]
    rows = budget_lines(budget)
    header = [HeaderCell(text) for text in rows[0].cells]
    body = [list(row.cells) for row in rows[1:] if row.kind not in ("words", "note")]
    return Table(columns=columns, header_rows=[header], rows=body)


def budget_notes(budget: Budget) -> list[str]:
    """The lines under the table: "Bằng chữ: …", then the note if any."""
    return [row.cells[0] for row in budget_lines(budget) if row.kind in ("words", "note")]
