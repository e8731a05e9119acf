"""The plan list as the window reads it (plan_table_model.listed_plans): every
plan's id, date and status at start, the other columns when a row is first
shown, a block at a time; the rows read the same as PlanStore.summaries()."""
import os
from datetime import date

from PySide6.QtCore import Qt

from kehoach_desktop.core.model import DocumentNumber, Plan
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.list_model import ID_ROLE
from kehoach_desktop.ui.plan_table_model import BLOCK, PlanFilterModel, PlanTableModel, listed_plans

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def add_archive(store: PlanStore, count: int) -> list[int]:
    """``count`` plans over 12 years, every third without a number, every
    seventh without a date, the fifth ones drafts."""
    return store.add_many([
        Plan(title=f"Kế hoạch {i:04d} về công tác Đoàn", status="draft" if i % 5 == 0 else "issued",
             number=DocumentNumber(None if i % 3 == 0 else i % 90 + 1),
             plan_date=None if i % 7 == 0 else date(2013 + i % 12, i % 12 + 1, i % 28 + 1),
             issuing_bodies=[f"BCH ĐOÀN PHƯỜNG {i % 9}"])
        for i in range(count)])


def table(model) -> list[list]:
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def test_the_listed_rows_read_as_the_full_summaries_in_every_order(qtbot, db):
    store = PlanStore(db)
    add_archive(store, 2 * BLOCK + 30)
    store.delete(store.summaries()[3].id)  # the trash is not listed
    full, lazy = PlanTableModel(), PlanTableModel()
    for model in (full, lazy):
        model.sort(*PlanTableModel.STORE_ORDER)
    full.set_listed(store.summaries())
    lazy.set_listed(listed_plans(store))
    assert lazy.rowCount() == full.rowCount() == 2 * BLOCK + 29
    assert table(lazy) == table(full)
    assert lazy.years() == full.years() and lazy.has_undated() and full.has_undated()
    for column in range(5):
        for order in Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder:
            full.sort(column, order)
            lazy.sort(column, order)
            assert table(lazy) == table(full), (column, order)


def test_the_store_order_is_the_models_date_order(qtbot, db):
    """set_listed skips the Python sort only because the store's order is the
    model's own by date, newest first: the two must agree, undated plans last."""
    store = PlanStore(db)
    add_archive(store, 60)
    model = PlanTableModel()
    model.set_rows(store.summaries())
    store_order = [model.row(i).id for i in range(model.rowCount())]
    model.sort(*PlanTableModel.STORE_ORDER)
    assert [model.row(i).id for i in range(model.rowCount())] == store_order
    assert [plan_id for plan_id, _date, _status in store.list_keys()] == store_order


def test_the_window_reads_only_the_rows_it_shows(qtbot, db, monkeypatch):
    store = PlanStore(db)
    add_archive(store, 3 * BLOCK)
    read = []
    summaries_of = PlanStore.summaries_of
    monkeypatch.setattr(PlanStore, "summaries_of", lambda self, ids: read.append(len(ids)) or summaries_of(self, ids))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.wait(50)
    assert win.model.rowCount() == 3 * BLOCK and win.status_label.text().startswith(f"{3 * BLOCK} kế hoạch")
    assert 0 < sum(read) <= BLOCK + 1  # the first block: the rows on screen and the column sizing
    # Filtering by year or status reads nothing more either.
    win.year_filter.setCurrentIndex(1)
    win.status_filter.setCurrentIndex(win.status_filter.findData("draft"))
    shown = {win.proxy.index(row, 0).data(ID_ROLE) for row in range(win.proxy.rowCount())}
    year = win.year_filter.currentData()
    assert shown == {s.id for s in store.summaries() if s.status == "draft" and s.plan_date and s.plan_date.year == year}


def test_a_plan_purged_elsewhere_after_the_list_was_read_shows_blank(qtbot, db):
    store = PlanStore(db)
    ids = add_archive(store, 5)
    model = PlanTableModel()
    model.set_listed(listed_plans(store))
    store.delete(ids[1])  # and purged by another program, before the row is first shown
    store.purge(ids[1])
    row = model.row_of(ids[1])
    assert model.index(row, PlanTableModel.COL_TITLE).data() == ""
    assert model.index(row, PlanTableModel.COL_STATUS).data() == "Đã ban hành"
    assert model.index(model.row_of(ids[2]), PlanTableModel.COL_TITLE).data() == "Kế hoạch 0002 về công tác Đoàn"


def test_the_filter_over_listed_rows(qtbot, db):
    store = PlanStore(db)
    add_archive(store, 10)
    model = PlanTableModel()
    model.set_listed(listed_plans(store))
    proxy = PlanFilterModel()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 10
    proxy.set_status("draft")
    assert proxy.rowCount() == 2
    proxy.set_status(None)
    proxy.set_found([model.row(0).id])
    assert proxy.rowCount() == 1
