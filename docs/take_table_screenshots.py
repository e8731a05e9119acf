"""Screenshots for the guide's table and appendix paragraphs
(docs/huong-dan.md, "Sửa kế hoạch"), in the real window on a real SQLite
database, the window at 1366×728:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/take_table_screenshots.py

- cua-so-bang.png: example 001 with a table section (the parity test's
  40-row table), its grid open, the preview at that section;
- cua-so-phu-luc.png: the same plan with two appendices, the first one's
  page open, the preview on the appendix's first page;
- cua-so-du-tru.png: a budget section (the parity test's two payers and
  eight items), its tree open, the preview on the budget.

Uses a throw-away folder ($TMPDIR/kehoach-anh-bang, emptied first).
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from take_incident_screenshots import open_window
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

    from kehoach_desktop.core.model import Section
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.plans import PlanStore
    from kehoach_desktop.ui.app import application

    app = application()
    plans = dict(named_plans())
    table_plan = plans["bang-40-dong"]
    plan = replace(table_plan, sections=[*table_plan.sections, Section("KINH PHÍ THỰC HIỆN", BUDGET)],
                   appendices=plans["hai-phu-luc"].appendices)
    db = open_database(workdir / "kehoach.sqlite3")
    plan_id = PlanStore(db).add(plan)
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
    window.close()
    db.close()
    shrink(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
