"""The two reads behind the window's plan list (plan_table_model.listed_plans):
list_keys() gives every listed plan's id, date and status in the list's order,
summaries_of() the other columns of some plans; together they say what
summaries() says."""
from datetime import date

from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.store import plans
from kehoach_desktop.store.plans import PlanStore


def add_plans(store: PlanStore) -> list[int]:
    return store.add_many([
        Plan(title=f"Kế hoạch {i}", status="issued" if i % 2 else "draft", number=DocumentNumber(i + 1),
             plan_date=None if i % 4 == 0 else date(2020 + i % 3, 1 + i % 12, 1 + i % 27),
             issuing_bodies=["BCH ĐOÀN PHƯỜNG"])
        for i in range(13)])


def test_the_keys_are_the_summaries_id_date_and_status_in_their_order(db):
    store = PlanStore(db)
    ids = add_plans(store)
    store.delete(ids[5])
    store.delete(ids[8])  # an undated plan in the trash
    expected = [(s.id, s.plan_date, s.status) for s in store.summaries()]
    assert store.list_keys() == expected
    assert len(expected) == 11 and expected[-1][1] is None and expected[0][1] == max(k[1] for k in expected if k[1])


def test_summaries_of_some_plans_read_in_several_queries(db, monkeypatch):
    store = PlanStore(db)
    ids = add_plans(store)
    monkeypatch.setattr(plans, "_IDS_PER_QUERY", 4)  # 13 plans and a missing id: four queries
    got = store.summaries_of([*ids, 10_000])
    assert sorted(got, key=lambda s: s.id) == sorted(store.summaries(), key=lambda s: s.id)
    assert store.summaries_of([]) == []
