"""Appendices ("PHỤ LỤC") are stored with their plan, on SQLite and on
PostgreSQL, and a database of the schema before them (0008) opens with its
plans unchanged and room for appendices (issue 19)."""
from datetime import date

from examples_at_revision import examples_at_revision

from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import Appendix, Plan
from kehoach_desktop.store import migrate
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore


def plan_with_appendices() -> Plan:
    return Plan(
        title="Tổ chức Hội thao truyền thống", plan_date=date(2023, 3, 1),
        appendices=[
            Appendix("Danh sách đơn vị tham gia", attached="(Kèm theo Kế hoạch số 12-KH/ĐTN của Ban Thường vụ Quận Đoàn)",
                     content=c.FreeContent([
                c.Item("Đoàn Sở Y tế: 02 đội"), c.Item("Đoàn Sở Tư pháp: 01 đội")])),
            Appendix("Thời gian, địa điểm thi đấu", c.TimePlace(event_date=date(2023, 3, 26), venue="Nhà thi đấu Phú Thọ")),
        ])


def test_appendices_are_saved_read_changed_and_removed_with_their_plan(store):
    plan = plan_with_appendices()
    plan_id = store.add(plan)
    assert store.get(plan_id).appendices == plan.appendices
    changed = store.get(plan_id)
    changed.appendices[0].title = "Danh sách các đơn vị"
    del changed.appendices[1]
    store.update(plan_id, changed)
    assert store.get(plan_id).appendices == [changed.appendices[0]]
    changed.appendices = []
    store.update(plan_id, changed)
    assert store.get(plan_id).appendices == []


def test_an_appendix_is_found_by_the_search(store):
    plan_id = store.add(plan_with_appendices())
    store.add(Plan(title="Kế hoạch khác"))
    assert store.search("nha thi dau phu tho") == [plan_id]
    assert store.search("danh sach don vi tham gia") == [plan_id]


def test_a_database_before_appendices_opens_with_its_plans_unchanged(tmp_path, backend, db_target):
    path = tmp_path / "cu.sqlite3" if backend == "sqlite" else db_target
    ids, examples, tables = examples_at_revision(path, "0008")
    assert "plan_appendices" not in tables
    db = open_database(path)
    store = PlanStore(db)
    assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD
    assert [store.get(i) for i in ids] == examples
    with_appendix = store.get(ids[0])
    with_appendix.appendices.append(Appendix("Phụ lục mới"))
    store.update(ids[0], with_appendix)
    assert store.get(ids[0]).appendices == [Appendix("Phụ lục mới")]
    db.close()
