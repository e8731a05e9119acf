"""Benchmark: `kehoach-desktop --smoke` on a database of 1,000 plans against a
bare PySide6 script that shows an empty QMainWindow, median of 5 runs each,
measured in the same run: wall time and peak memory ratios (targets <= 2.0 and
<= 1.5). Also times a diacritic-free search in a 10,000-plan database
(target < 100 ms).

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


def main() -> int:
    env = window_env()
    with tempfile.TemporaryDirectory() as tmp:
        db = make_db(tmp)
        # What the `kehoach-desktop` launcher runs (kehoach_desktop.ui.app:main);
        # `kehoach gui` would add the command-line tool's own imports.
        ours_cmd = [sys.executable, "-m", "kehoach_desktop.ui.app", "--smoke", "--db", str(db)]
        bare_cmd = [sys.executable, "-c", BARE]
        ours, bare = [], []
        for _ in range(5):  # interleaved, so machine noise hits both alike
            ours.append(measure(ours_cmd, env))
            bare.append(measure(bare_cmd, env))
        wall = statistics.median(w for w, _ in ours) / statistics.median(w for w, _ in bare)
        memory = statistics.median(m for _, m in ours) / statistics.median(m for _, m in bare)
        print(f"kehoach-desktop --smoke (1,000 plans): median {statistics.median(w for w, _ in ours):.2f} s, "
              f"peak {statistics.median(m for _, m in ours) / 1024:.0f} MiB")
        print(f"bare QMainWindow:                      median {statistics.median(w for w, _ in bare):.2f} s, "
              f"peak {statistics.median(m for _, m in bare) / 1024:.0f} MiB")
        print(f"wall-time ratio: {wall:.2f} (target <= 2.0)")
        print(f"peak-memory ratio: {memory:.2f} (target <= 1.5)")

        big = Path(tmp) / "10000.sqlite3"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_db.py"), "--plans", "10000", str(big)], check=True,
                       stdout=subprocess.DEVNULL)
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
        print(f"search in 10,000 plans: worst {max(times) * 1000:.1f} ms over 4 queries, "
              f"last found {len(found)} (target < 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
