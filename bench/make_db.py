"""Build a database of N realistic plans (variations of the five example plans).

    python bench/make_db.py --plans 1000 OUT.sqlite3
"""
from __future__ import annotations

import argparse
import copy
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach_desktop.formats import kehoach_json  # noqa: E402
from kehoach_desktop.store.database import open_database  # noqa: E402
from kehoach_desktop.store.plans import PlanStore  # noqa: E402

TOPICS = ("Hội nghị sơ kết", "Hội nghị tổng kết", "Chiến dịch Mùa hè xanh", "Ngày hội đoàn viên",
          "Hiến máu tình nguyện", "Tập huấn cán bộ Đoàn", "Tháng Thanh niên", "Xuân tình nguyện")


def variations(count: int):
    bases = [kehoach_json.read_file(p) for p in sorted((ROOT / "tests" / "fixtures" / "plans").glob("*.json"))]
    start = date(2015, 1, 5)
    for i in range(count):
        plan = copy.deepcopy(bases[i % len(bases)])
        plan.number.value = i % 150 + 1
        plan.plan_date = start + timedelta(days=(i * 3) % 3900)
        plan.title = f"{TOPICS[i % len(TOPICS)]} lần {i + 1} – " + plan.title_one_line
        plan.status = "issued" if i % 3 else "draft"
        yield plan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.out.exists():
        args.out.unlink()
    db = open_database(args.out)
    store = PlanStore(db)
    batch = []
    for plan in variations(args.plans):
        batch.append(plan)
        if len(batch) == 500:
            store.add_many(batch)
            batch = []
    if batch:
        store.add_many(batch)
    db.close()
    print(f"{args.plans} plans written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
