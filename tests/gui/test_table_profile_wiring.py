"""The plan's profile reaches the table editor: the landscape box follows
the profile chosen on "Thông tin chung" (issue 19)."""
from dataclasses import replace

from kehoach_desktop.core import profile
from kehoach_desktop.core.model import Plan, Section
from kehoach_desktop.core.tables import HeaderCell, Table, TableColumn
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window


def test_the_landscape_box_follows_the_profile_chosen(qtbot, db, monkeypatch):
    dang = profile.get_profile("dang")
    # As its JSON file would say it (a new layout: a profile shares its layout with the one it extends).
    monkeypatch.setitem(profile.load_profiles(), "dang",
                        replace(dang, layout={**dang.layout, "tables": {"landscape": False}}))
    table = Table(columns=[TableColumn()], header_rows=[[HeaderCell("A")]], rows=[["x"]])
    PlanStore(db).add(Plan(title="Bảng", profile="dang", sections=[Section("BẢNG", table)]))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    editor = win.editor.section_pages[0].editor
    assert not editor.landscape.isEnabled()
    general = win.editor.pages["general"]
    general.profile.setCurrentIndex(general.profile.findData("doan"))
    assert editor.landscape.isEnabled()
    general.profile.setCurrentIndex(general.profile.findData("dang"))
    assert not editor.landscape.isEnabled()
    assert not win.editor.add_section("table").editor.landscape.isEnabled()
