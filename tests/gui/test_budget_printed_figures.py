"""A budget read from Word keeps the figures its table printed while the
clerk edits it in the budget editor: one that differs from the computed
figure is shown, shaded, until the clerk chooses "Dùng số tính"; every step
read back from the plan stored and from the checker's budget problems
(issue 19)."""
import pytest
from PySide6.QtCore import Qt
from section_window import open_section, saved_content

from kehoach_desktop.core.budget import Budget, BudgetGroup, BudgetItem, problems
from kehoach_desktop.core.model import Section
from kehoach_desktop.ui.editor.content.budget import COL_AMOUNT, COL_QUANTITY, COL_TEXT, DIFFERS

# As the importer reads a Word budget: 120 × 15.000 printed as 1.700.000 (a slip), the rest right
# but the "Cộng" and "Tổng cộng" rows summed from the slip.
IMPORTED = Budget(groups=[BudgetGroup("Thành Đoàn hỗ trợ", [
    BudgetItem("Nước uống đại biểu", 120, "chai", 15_000, typed_amount=1_700_000),
    BudgetItem("Băng rôn", 2, "cái", 350_000, typed_amount=700_000)], typed_total=2_400_000),
    BudgetGroup("Đơn vị tự túc", [BudgetItem("Hoa tươi", 2, "lẵng", 500_000, typed_amount=1_000_000)],
                typed_total=1_000_000)],
    typed_total=3_400_000)


@pytest.fixture
def window(qtbot, db, monkeypatch):
    return open_section(qtbot, db, monkeypatch, "Hội nghị", Section("KINH PHÍ", IMPORTED))


def saved(win, store, plan_id) -> Budget:
    return saved_content(win, store, plan_id)


def printed(budget: Budget):
    return ([[item.typed_amount for item in group.items] for group in budget.groups],
            [group.typed_total for group in budget.groups], budget.typed_total)


def shaded(row) -> bool:
    return row.background(COL_AMOUNT).color() == DIFFERS


def test_a_printed_figure_that_differs_is_shown_and_survives_edits(window):
    win, store, plan_id, editor = window
    group, other = editor.parents()
    water, banner = editor.children(group)
    assert water.text(COL_AMOUNT) == "1.800.000\n1.700.000" and shaded(water)
    assert "Bảng gốc ghi 1.700.000 đồng, tính lại được 1.800.000 đồng" in water.toolTip(COL_AMOUNT)
    assert banner.text(COL_AMOUNT) == "700.000" and not shaded(banner)  # printed right: nothing shown
    assert group.text(COL_AMOUNT) == "2.500.000\n2.400.000" and shaded(group)
    assert not shaded(other)
    assert "(Bảng gốc ghi tổng cộng 3.400.000 đồng.)" in editor.summary.text()
    assert editor.differs_row.isVisible()
    # The clerk renames an item and changes a quantity: every printed figure stays.
    water.setText(COL_TEXT, "Nước uống cho đại biểu")
    banner.setText(COL_QUANTITY, "3")
    budget = saved(win, store, plan_id)
    assert budget.groups[0].items[0].text == "Nước uống cho đại biểu"
    assert printed(budget) == printed(IMPORTED)
    assert banner.text(COL_AMOUNT) == "1.050.000\n700.000" and shaded(banner)  # it no longer agrees
    found = [p.message for p in problems(budget)]
    assert any("thành tiền ghi 700.000 đồng nhưng 3 × 350.000 = 1.050.000 đồng" in m for m in found)
    # A moved item keeps its printed figure.
    editor.tree.setCurrentItem(banner)
    editor.move(-1)
    assert [i.typed_amount for i in saved(win, store, plan_id).groups[0].items] == [700_000, 1_700_000]


def test_the_clerk_accepts_the_computed_figures_row_by_row_or_all(window, qtbot):
    win, store, plan_id, editor = window
    group, _other = editor.parents()
    water, banner = editor.children(group)
    editor.tree.setCurrentItem(banner)
    assert not editor.accept_row_button.isEnabled()  # this row's printed figure agrees
    editor.tree.setCurrentItem(water)
    assert editor.accept_row_button.isEnabled()
    qtbot.mouseClick(editor.accept_row_button, Qt.MouseButton.LeftButton)
    assert water.text(COL_AMOUNT) == "1.800.000" and not shaded(water)
    assert printed(saved(win, store, plan_id)) == ([[None, 700_000], [1_000_000]], [2_400_000, 1_000_000], 3_400_000)
    qtbot.mouseClick(editor.accept_all_button, Qt.MouseButton.LeftButton)
    budget = saved(win, store, plan_id)
    # What agreed stays; what differed is gone: the checker has nothing left to say.
    assert printed(budget) == ([[None, 700_000], [1_000_000]], [None, 1_000_000], None)
    assert problems(budget) == []
    assert not editor.differs_row.isVisible() and "Bảng gốc" not in editor.summary.text()
    # Reopened, nothing comes back.
    win.editor.open_plan(plan_id)
    assert not win.editor.section_pages[0].editor.differing()
