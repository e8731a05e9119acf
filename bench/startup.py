"""Benchmark: `kehoach-desktop --smoke` (window shown with the list and the
first plan, then closed), median of 5 interleaved runs of each program,
wall time and peak memory, against:

- a bare PySide6 script showing an empty QMainWindow (1,000 plans; targets
  <= 2.0 and <= 1.5);
- a fixed PySide6 window of about our window's weight (FIXED below: a table
  of 1,000 x 5 items, 8 tabs of fields, an A4 label in a scroll area;
  1,000 plans; target <= 1.5 for both);
- itself on 1,000 plans (10,000 plans; target <= 1.2 for the time): the
  start must not grow with the archive.

Also times a diacritic-free search in a 10,000-plan database (target <
100 ms). It measures and prints PASS/MISS; nothing asserts (machines are
noisy).

    python bench/startup.py
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
app.processEvents()
"""
# The fixed window: a splitter holding a table over 1,000 rows x 5 columns, a
# tab widget of 8 pages (6 line edits, 2 plain-text edits and a tree each)
# and a scroll area holding an A4-sized label (96 dpi); shown, the same life
# as BARE.
FIXED = """
import ctypes, sys
# PySide6 6.12.0 on CPython 3.11 drops references to None while drawing text;
# this many widgets reach zero: the guard of kehoach_desktop/none_refs.py.
if sys.version_info < (3, 12):
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit, QMainWindow, QPlainTextEdit,
                               QScrollArea, QSplitter, QTableView, QTabWidget, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)
app = QApplication(sys.argv)
window = QMainWindow()
splitter = QSplitter()
model = QStandardItemModel(1000, 5)
for row in range(1000):
    for column in range(5):
        model.setItem(row, column, QStandardItem(f"Kế hoạch {row} cột {column}"))
table = QTableView()
table.setModel(model)
splitter.addWidget(table)
tabs = QTabWidget()
for page_number in range(8):
    page = QWidget()
    form = QFormLayout(page)
    for field in range(6):
        form.addRow(f"Trường {field}", QLineEdit(f"Giá trị {field}"))
    for field in range(2):
        form.addRow(f"Đoạn {field}", QPlainTextEdit(f"Nội dung {field}"))
    tree = QTreeWidget()
    tree.addTopLevelItem(QTreeWidgetItem([f"Mục {page_number}"]))
    form.addRow(tree)
    tabs.addTab(page, f"Trang {page_number}")
splitter.addWidget(tabs)
page = QLabel("Trang A4")
page.setFixedSize(794, 1123)
scroll = QScrollArea()
scroll.setWidget(page)
splitter.addWidget(scroll)
window.setCentralWidget(splitter)
window.resize(1280, 720)
window.show()
app.processEvents()
"""
MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
wall = time.perf_counter() - start
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def measure(command: list[str], env: dict) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, env=env,
                         check=True).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"{command} exited {out[2]}")
    return float(out[0]), int(out[1])


def window_env() -> dict:
    """The environment for the window programs: offscreen without a screen."""
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def make_db(folder: str, plans: int = 1000) -> Path:
    db = Path(folder) / f"{plans}.sqlite3"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_db.py"), "--plans", str(plans), str(db)], check=True,
                   stdout=subprocess.DEVNULL)
    return db


def verdict(ratio: float, target: float) -> str:
    return f"{ratio:.2f} (target <= {target}: {'PASS' if ratio <= target else 'MISS'})"


def medians(runs: list[tuple[float, int]]) -> tuple[float, int]:
    return statistics.median(w for w, _ in runs), statistics.median(m for _, m in runs)


def main() -> int:
    env = window_env()
    with tempfile.TemporaryDirectory() as tmp:
        env["KEHOACH_DATA_DIR"] = str(Path(tmp) / "data")  # the window's settings and log, not the user's
        # Every program runs from bytecode, as an installed one does (pip compiles a wheel's modules, the
        # bundle holds .pyc files): a shell with PYTHONDONTWRITEBYTECODE would otherwise compile our 80
        # modules at each start (60 ms) and the scripts' few lines. The warm-up run below writes it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        db, big = make_db(tmp), make_db(tmp, 10000)
        # What the `kehoach-desktop` launcher runs (kehoach_desktop.ui.app:main);
        # `kehoach gui` would add the command-line tool's own imports.
        ours_cmd = [sys.executable, "-m", "kehoach_desktop.ui.app", "--smoke", "--db"]
        commands = {"ours": ours_cmd + [str(db)], "ours 10,000": ours_cmd + [str(big)],
                    "bare": [sys.executable, "-c", BARE], "fixed": [sys.executable, "-c", FIXED]}
        runs: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
        for command in commands.values():  # warm-up: bytecode written, files in the system's cache
            measure(command, env)
        for _ in range(5):  # interleaved, so machine noise hits all alike
            for name, command in commands.items():
                runs[name].append(measure(command, env))
        (ours, ours_mem), (big_wall, big_mem) = medians(runs["ours"]), medians(runs["ours 10,000"])
        (bare, bare_mem), (fixed, fixed_mem) = medians(runs["bare"]), medians(runs["fixed"])
        for label, (wall, memory) in (("kehoach-desktop --smoke (1,000 plans)", (ours, ours_mem)),
                                      ("kehoach-desktop --smoke (10,000 plans)", (big_wall, big_mem)),
                                      ("bare empty QMainWindow", (bare, bare_mem)),
                                      ("fixed PySide6 window", (fixed, fixed_mem))):
            print(f"{label + ':':40} median {wall:.2f} s, peak {memory / 1024:.0f} MiB")
        print(f"vs bare window, wall time:        {verdict(ours / bare, 2.0)}")
        print(f"vs bare window, peak memory:      {verdict(ours_mem / bare_mem, 1.5)}")
        print(f"vs fixed window, wall time:       {verdict(ours / fixed, 1.5)}")
        print(f"vs fixed window, peak memory:     {verdict(ours_mem / fixed_mem, 1.5)}")
        print(f"10,000 vs 1,000 plans, wall time: {verdict(big_wall / ours, 1.2)}")
        print(f"10,000 vs 1,000 plans, memory:    {big_mem / ours_mem:.2f} (no target)")

        from kehoach_desktop.store.database import open_database
        from kehoach_desktop.store.plans import PlanStore

        database = open_database(big)
        store = PlanStore(database)
        store.search("warm up")
        times = []
        for query in ("hoi nghi so ket", "hien mau", "37 kh", "tap huan can bo doan"):
            start = time.perf_counter()
            found = store.search(query)
            times.append(time.perf_counter() - start)
        database.close()
        print(f"search in 10,000 plans: worst {max(times) * 1000:.1f} ms over 4 queries, last found {len(found)}: "
              f"{'PASS' if max(times) < 0.1 else 'MISS'} (target < 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
