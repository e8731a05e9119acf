"""Screenshots for the guide's table and appendix paragraphs
(docs/huong-dan.md, "Sửa kế hoạch"), in the real window on a real SQLite
database, the window at 1366×728:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/take_table_screenshots.py

- cua-so-bang.png: example 001 with a table section (the parity test's
  40-row table), its grid open, the preview at that section;
- cua-so-bang-cot.png: a table of quotas with two title rows ("Số lượng"
  merged over "Nam" and "Nữ"), a column chosen: the columns panel with its
  width and alignment, the landscape box ticked;
- cua-so-phu-luc.png: the same plan with two appendices, the first one's
  page open, the preview on the appendix's first page;
- cua-so-du-tru.png: a budget section (the parity test's two payers and
  eight items), its tree open, the preview on the budget;
- cua-so-du-tru-so-ghi.png: the same budget as read from a Word table whose
  printed figures disagree with the items (one amount, a "Cộng", the
  "Tổng cộng"): the figures shaded under the computed ones, the buttons to
  use the computed ones;
- cua-so-bang-ngang.png: the parity test's "phu-luc-ngang" (an appendix
  that is an eight-column table marked landscape), the appendix's page
  open, the live preview on its first landscape page;
- xem-truoc-in-ngang.png: "Xem trước khi in" on the same plan, the
  landscape page turned on its sheet, as it comes out of the printer;
- cua-so-gop-o.png: the parity test's "bang-gop-o" (a unit's name merged
  down its rows, group titles merged across), its grid open on a merged
  cell, the preview on the same rows.

Uses a throw-away folder ($TMPDIR/kehoach-anh-bang, emptied first).
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from take_incident_screenshots import open_window, save_with_dialog
from take_screenshots import REPO, save, settle, shrink, written


def main() -> int:
    workdir = Path(tempfile.gettempdir()) / "kehoach-anh-bang"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    os.environ["KEHOACH_DATA_DIR"] = str(workdir)
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "tests"))
    from dataclasses import replace

    from parity_plans import BUDGET, named_plans

    from kehoach_desktop.core.budget import Budget, BudgetGroup
    from kehoach_desktop.core.model import Section
    from kehoach_desktop.core.tables import HeaderCell, Table, TableColumn
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.ui.app import application

    app = application()
    plans = dict(named_plans())
    table_plan = plans["bang-40-dong"]
    quotas = Table(
        columns=[TableColumn(2, "center"), TableColumn(12), TableColumn(4, "right", True),
                 TableColumn(4, "right", True), TableColumn(10, "center")],
        header_rows=[[HeaderCell("STT"), HeaderCell("Đơn vị"), HeaderCell("Số lượng đoàn viên", 2),
                      HeaderCell("Thời gian gửi danh sách")],
                     [HeaderCell(""), HeaderCell(""), HeaderCell("Nam"), HeaderCell("Nữ"), HeaderCell("")]],
        rows=[[str(i), f"Đoàn phường {name}", str(20 + 3 * i), str(15 + 2 * i), "Trước ngày 15/8/2022"]
              for i, name in enumerate(("An Phú Đông", "Đông Hưng Thuận", "Hiệp Thành", "Tân Chánh Hiệp",
                                        "Tân Hưng Thuận", "Thạnh Lộc", "Thạnh Xuân"), start=1)],
        total_row=True, landscape=True)
    # As read from a Word table with a slip: 120 × 15.000 printed as 1.700.000, and the "Cộng"
    # and "Tổng cộng" rows summed from it.
    first, second = BUDGET.groups
    slipped = Budget(groups=[
        BudgetGroup(first.payer, [replace(first.items[0], typed_amount=1_700_000),
                                  *[replace(item, typed_amount=item.amount()) for item in first.items[1:]]],
                    typed_total=first.total() - 100_000),
        BudgetGroup(second.payer, [replace(item, typed_amount=item.amount()) for item in second.items],
                    typed_total=second.total())],
        typed_total=BUDGET.total() - 100_000)
    plan = replace(table_plan, sections=[*table_plan.sections, Section("KINH PHÍ THỰC HIỆN", BUDGET),
                                         Section("PHÂN BỔ CHỈ TIÊU", quotas),
                                         Section("KINH PHÍ (THEO BẢNG GỬI KÈM)", slipped)],
                   appendices=plans["hai-phu-luc"].appendices)
    db = open_database(workdir / "kehoach.sqlite3")
    plan_id = PlanStore(db).add(plan)
    landscape_id = PlanStore(db).add(plans["phu-luc-ngang"])
    merged_id = PlanStore(db).add(plans["bang-gop-o"])
    window = open_window(app, db, plan_id)
    editor = window.editor
    table_page = next(page for page in editor.section_pages if page.kind == "table")
    editor.tabs.setCurrentWidget(table_page)
    settle(app)
    table_page.editor.grid.setCurrentCell(3, 2)
    settle(app)
    save(window, "cua-so-bang")
    editor.tabs.setCurrentWidget(editor.appendix_pages[0])
    settle(app)
    window.preview.go_to_page(window.preview.page_count() - 2)
    settle(app)
    save(window, "cua-so-phu-luc")
    budget_page = next(page for page in editor.section_pages if page.kind == "budget")
    editor.tabs.setCurrentWidget(budget_page)
    settle(app)
    budget_page.editor.tree.expandAll()
    settle(app)
    save(window, "cua-so-du-tru")
    quota_page = next(page for page in editor.section_pages if page.heading.text() == "PHÂN BỔ CHỈ TIÊU")
    editor.tabs.setCurrentWidget(quota_page)
    settle(app)
    quota_page.editor.grid.setCurrentCell(3, 3)  # "Nữ", first unit
    settle(app)
    save(window, "cua-so-bang-cot")
    slipped_page = next(page for page in editor.section_pages if page.heading.text().startswith("KINH PHÍ ("))
    editor.tabs.setCurrentWidget(slipped_page)
    settle(app)
    budget_editor = slipped_page.editor
    budget_editor.tree.expandAll()
    budget_editor.tree.setCurrentItem(budget_editor.children(budget_editor.parents()[0])[0])
    settle(app)
    save(window, "cua-so-du-tru-so-ghi")
    landscape_pages(app, window, landscape_id)
    merged_cells(app, window, merged_id)
    window.close()
    db.close()
    shrink(written)
    return 0


def landscape_pages(app, window, plan_id: int) -> None:
    """An appendix on landscape pages: the window, then the print preview."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication

    window.select_plan(plan_id)
    settle(app)
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.appendix_pages[0])
    settle(app)
    preview = window.preview
    first = preview.document.landscape.index(True)
    preview.go_to_page(first)
    settle(app)
    save(window, "cua-so-bang-ngang")
    shown = []

    def grab() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QPrintPreviewDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(200, grab)
            return
        shown.append(dialog)
        dialog.resize(1000, 600)
        frame = window.frameGeometry()
        dialog.move(frame.center().x() - 500, frame.center().y() - 290)
        settle(app, 30)
        view = dialog.findChild(QPrintPreviewWidget)
        view.setViewMode(QPrintPreviewWidget.ViewMode.FacingPagesView)
        view.setCurrentPage(first + 1)
        settle(app, 30)
        save_with_dialog(dialog, "xem-truoc-in-ngang")
        dialog.reject()

    QTimer.singleShot(300, grab)
    window.document_actions.preview_action.trigger()
    assert shown, "the print preview never showed"


def merged_cells(app, window, plan_id: int) -> None:
    window.select_plan(plan_id)
    settle(app)
    table_page = next(page for page in window.editor.section_pages if page.kind == "table")
    window.editor.tabs.setCurrentWidget(table_page)
    settle(app)
    table_page.editor.grid.setCurrentCell(2, 0)  # "Đoàn phường 1", merged down three rows
    settle(app)
    window.preview.scroll_to_block("II. PHÂN CÔNG")
    settle(app)
    save(window, "cua-so-gop-o")


if __name__ == "__main__":
    sys.exit(main())
