"""The real window on a real store, a plan of one section open on its page:
the set-up of the content editors' tests (tables, budgets), and the content
as saved and read back."""
from __future__ import annotations

from kehoach_desktop.core.content import Content
from kehoach_desktop.core.model import Plan, Section
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.editor import plan_editor


def open_section(qtbot, db, monkeypatch, title: str, section: Section):
    """(window, store, plan id, the section's content editor), the window at 1366×728."""
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)
    store = PlanStore(db)
    plan_id = store.add(Plan(title=title, sections=[section]))
    win = create_window(db)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    page = win.editor.section_pages[0]
    win.editor.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.editor.isVisible())
    return win, store, plan_id, page.editor


def saved_content(win, store: PlanStore, plan_id: int) -> Content:
    """The section's content once the editor has saved, read back from the store."""
    assert win.editor.save_now()
    return store.get(plan_id).sections[0].content
