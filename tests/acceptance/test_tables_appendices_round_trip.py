"""A plan with a table section, a budget (two payers, eight items) and
two appendices (one of them a table) goes .kehoach.json → database → Word →
import and comes back with the same structure and the same text (issue 19's
round trip)."""
from dataclasses import replace

from parity_plans import BUDGET, FORTY_ROWS, MERGED_TABLE, TWO_APPENDICES, WIDE_TABLE, named_plans

from kehoach_desktop.core.budget import problems as budget_problems
from kehoach_desktop.core.model import Appendix, Section
from kehoach_desktop.core.tables import normalised
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import import import_plan
from kehoach_desktop.formats.text_export import render_text
from kehoach_desktop.store.plans import PlanStore


def test_tables_and_appendices_survive_file_database_word_and_import(tmp_path, db):
    quota = replace(FORTY_ROWS, rows=FORTY_ROWS.rows[:8])
    plan = dict(named_plans())["bang-40-dong"]
    plan = replace(plan, sections=[*plan.sections, Section("KINH PHÍ", BUDGET)],
                   appendices=[*TWO_APPENDICES, Appendix("Chỉ tiêu các đơn vị", quota)])
    path = tmp_path / "ke-hoach.kehoach.json"
    path.write_text(kehoach_json.dumps(plan), encoding="utf-8")
    store = PlanStore(db)
    stored = store.get(store.add(kehoach_json.read_file(path)))
    assert stored == plan
    word = tmp_path / "ke-hoach.docx"
    word.write_bytes(render_docx(stored))
    back, report = import_plan(word)
    assert [(s.heading, s.content.kind) for s in back.sections] == [(s.heading, s.content.kind) for s in plan.sections]
    assert [(a.title.casefold(), a.content.kind) for a in back.appendices] == [
        (a.title.casefold(), a.content.kind) for a in plan.appendices]
    table = next(s.content for s in back.sections if s.content.kind == "table")
    assert table.rows == FORTY_ROWS.rows and table.total_row
    assert back.appendices[2].content.rows == quota.rows
    budget = back.sections[-1].content
    assert budget.kind == "budget" and budget.total() == BUDGET.total() == 13_270_000
    assert [len(g.items) for g in budget.groups] == [4, 4] and budget.typed_total == BUDGET.total()
    assert [i.typed_amount for g in budget.groups for i in g.items] == [i.amount() for g in BUDGET.groups
                                                                          for i in g.items]
    assert budget_problems(budget) == []  # the printed figures read back agree with the computed ones
    assert render_text(back) == render_text(plan)


def test_merged_cells_and_landscape_pages_survive_the_same_trip(tmp_path, db):
    """A table with merged cells in the body and an appendix that is a wide
    table on landscape pages come back merged and on landscape pages."""
    plans = dict(named_plans())
    plan = replace(plans["bang-gop-o"], appendices=plans["phu-luc-ngang-cuoi"].appendices)
    path = tmp_path / "gop-o-ngang.kehoach.json"
    path.write_text(kehoach_json.dumps(plan), encoding="utf-8")
    store = PlanStore(db)
    stored = store.get(store.add(kehoach_json.read_file(path)))
    assert stored == plan
    word = tmp_path / "gop-o-ngang.docx"
    word.write_bytes(render_docx(stored))
    back, _report = import_plan(word)
    merged = next(s.content for s in back.sections if s.content.kind == "table")
    assert merged.merges == MERGED_TABLE.merges and merged.rows == normalised(MERGED_TABLE).rows
    wide = back.appendices[-1].content
    assert wide.kind == "table" and wide.landscape and wide.rows == WIDE_TABLE.rows
    assert render_text(back) == render_text(plan)
