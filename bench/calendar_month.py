"""Benchmark: the office's calendar (Lịch công tác) against the main window,
in one run on a real SQLite database of 1,000 plans: variations of the five
example plans with every date shifted (dates, months and the dates written
in activities' times), spread over eleven years, so that a month holds a
few dozen items, as an office's archive would.

Measured in the same process, each a median of 5 interleaved runs after a
warm-up of both: the month view opened (the window built, shown and
painted with the month's items: CalendarWindow) against the main window
opened (built, shown and painted with its plan list: MainWindow), each
window deleted before the next is opened (gone()). Target:
ratio <= 1.0. The main window's reload() of its list alone is printed
beside, as are the month's items read alone (store.calendar_items) and a
month shown again (the window's decoded sections kept).
It measures and prints PASS/MISS; nothing asserts (machines are noisy).

    python bench/calendar_month.py [--plans 1000]
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kehoach_desktop.core.codec import plan_from_data, plan_to_data  # noqa: E402
from kehoach_desktop.core.model import Plan  # noqa: E402
from kehoach_desktop.formats import kehoach_json  # noqa: E402

MONTH = date(2020, 6, 1)  # the month opened: in the middle of the plans' years
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_WRITTEN_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_WRITTEN_MONTH = re.compile(r"(tháng\s*)(\d{1,2})/(\d{4})", re.IGNORECASE)


def _months_on(year: int, month: int, months: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + months
    return total // 12, total % 12 + 1


def _shifted_text(text: str, days: int) -> str:
    def day(match: re.Match) -> str:
        try:
            moved = date(int(match[3]), int(match[2]), int(match[1])) + timedelta(days=days)
        except ValueError:
            return match[0]
        return f"{moved.day}/{moved.month}/{moved.year}"

    def month(match: re.Match) -> str:
        year, number = _months_on(int(match[3]), int(match[2]), round(days / 30.44))
        return f"{match[1]}{number}/{year}"

    return _WRITTEN_MONTH.sub(month, _WRITTEN_DAY.sub(day, text))


def _shifted(data: Any, days: int) -> Any:
    """The plan's data with every date ``days`` on (a month-only date by as many months)."""
    if isinstance(data, dict):
        return {key: _shifted(value, days) for key, value in data.items()}
    if isinstance(data, list):
        return [_shifted(value, days) for value in data]
    if isinstance(data, str) and _DAY.match(data):
        return (date.fromisoformat(data) + timedelta(days=days)).isoformat()
    if isinstance(data, str) and _MONTH.match(data):
        year, month = _months_on(int(data[:4]), int(data[5:]), round(days / 30.44))
        return f"{year:04d}-{month:02d}"
    return _shifted_text(data, days) if isinstance(data, str) else data


def variations(count: int) -> list[Plan]:
    bases = [plan_to_data(kehoach_json.read_file(p))
             for p in sorted((ROOT / "tests" / "fixtures" / "plans").glob("*.kehoach.json"))]
    plans = []
    for i in range(count):
        base = bases[i % len(bases)]
        anchor = date.fromisoformat(base["plan_date"])
        # Spread over 2015-2025: the plan's date lands on 5 January 2015 + about 4 days a plan.
        days = (date(2015, 1, 5) + timedelta(days=(i * 4) % 4000) - anchor).days
        plan = plan_from_data(_shifted(base, days))
        plan.number.value = i % 150 + 1
        plan.status = "issued" if i % 3 else "draft"
        plans.append(plan)
    return plans


def make_db(path: Path, count: int) -> None:
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.plans import PlanStore

    db = open_database(path)
    store = PlanStore(db)
    plans = variations(count)
    for start in range(0, len(plans), 500):
        store.add_many(plans[start:start + 500])
    db.close()


class Painted:
    """Waits for a widget's first paint."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(inner, watched, event):  # noqa: N802, N805 - Qt API
                if event.type() == QEvent.Type.Paint:
                    self.done = True
                return False

        self.done = False
        self.filter = Filter()
        widget.installEventFilter(self.filter)

    def wait(self, app) -> None:
        limit = time.perf_counter() + 30
        while not self.done and time.perf_counter() < limit:
            app.processEvents()
        if not self.done:
            raise SystemExit("the window was never painted")


def gone(app, window) -> None:
    """The window deleted now. deleteLater() alone waits for an event loop, which the benchmark never
    runs (processEvents does not delete): five runs then left about 8,000 hidden widgets of the closed
    windows alive, and each window opened after paid for them (both medians grew fourfold, the ratio
    with them, by the month view's larger share of widgets)."""
    from PySide6.QtCore import QEvent

    window.deleteLater()
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def open_main(app, db) -> float:
    from kehoach_desktop.ui.main_window import MainWindow

    start = time.perf_counter()
    window = MainWindow(db)
    painted = Painted(window.table.viewport())
    window.show()
    painted.wait(app)
    took = time.perf_counter() - start
    assert window.model.rowCount() > 0
    window.close()
    gone(app, window)
    return took


def reload_main(app, db) -> float:
    from kehoach_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    start = time.perf_counter()
    window.reload()
    took = time.perf_counter() - start
    gone(app, window)
    return took


def open_month(app, db) -> tuple[float, float, int]:
    """The month opened (cold: a new window), then the next month and back (warm)."""
    from kehoach_desktop.ui.calendar_window import CalendarWindow

    start = time.perf_counter()
    window = CalendarWindow(db, None, today=MONTH)
    painted = Painted(window.cells[17].items.viewport())
    window.show()
    painted.wait(app)
    took = time.perf_counter() - start
    items = sum(len(day.items) for day in window.days if day.in_month)
    again = time.perf_counter()
    window.step(1)
    window.step(-1)
    app.processEvents()
    warm = (time.perf_counter() - again) / 2
    window.close()
    gone(app, window)
    return took, warm, items


def read_month(db) -> float:
    """The month's items read alone (a new reader: nothing decoded yet)."""
    from kehoach_desktop.core.calendar_days import month_span
    from kehoach_desktop.store.calendar_items import CalendarReader

    span = month_span(MONTH.year, MONTH.month)
    start = time.perf_counter()
    CalendarReader(db).items(span[0], span[-1])
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KEHOACH_DATA_DIR"] = str(Path(tmp) / "data")  # the window's settings, not the user's
        path = Path(tmp) / "plans.sqlite3"
        made = time.perf_counter()
        make_db(path, args.plans)
        print(f"{args.plans} plans written in {time.perf_counter() - made:.1f} s")

        from kehoach_desktop.none_refs import guard_none_refcount

        guard_none_refcount()
        from PySide6.QtWidgets import QApplication

        from kehoach_desktop.store.database import open_database

        app = QApplication(sys.argv[:1])
        db = open_database(path)
        open_main(app, db), open_month(app, db)  # warm-up: modules imported, the file in the system's cache
        mains, months, warms, reloads, reads = [], [], [], [], []
        items = 0
        for _ in range(5):  # interleaved, so machine noise hits both alike
            mains.append(open_main(app, db))
            cold, warm, items = open_month(app, db)
            months.append(cold)
            warms.append(warm)
            reloads.append(reload_main(app, db))
            reads.append(read_month(db))
        db.close()
        main_window, month = statistics.median(mains), statistics.median(months)
        print(f"main window opened with its list:   median {main_window * 1000:.0f} ms")
        print(f"  its list read again (reload):     median {statistics.median(reloads) * 1000:.0f} ms")
        print(f"month view opened ({MONTH.month}/{MONTH.year}, {items} items): median {month * 1000:.0f} ms")
        print(f"  of which its items read:          median {statistics.median(reads) * 1000:.0f} ms")
        print(f"  another month shown, then back:   median {statistics.median(warms) * 1000:.0f} ms a month")
        ratio = month / main_window
        print(f"month view / main window: {ratio:.2f} (target <= 1.0: {'PASS' if ratio <= 1.0 else 'MISS'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
