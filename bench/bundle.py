"""Benchmark: the frozen bundle (dist/KeHoachDesktop, from packaging/build.py)
against running from source, measured in the same run: `--smoke` on a
database of 1,000 plans (wall time and peak memory, median of 5 interleaved
runs) and the bundle's size on disk. No target: the numbers go into
docs/packaging.md.

    python packaging/build.py && python bench/bundle.py
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from startup import make_db, measure, window_env  # noqa: E402 - the start-up benchmark's probe and database

BUNDLE = ROOT / "dist" / "KeHoachDesktop"


def main() -> int:
    program = BUNDLE / ("KeHoachDesktop.exe" if os.name == "nt" else "KeHoachDesktop")
    if not program.exists():
        raise SystemExit(f"{program} is missing: run python packaging/build.py first")
    env = window_env()
    with tempfile.TemporaryDirectory() as tmp:
        db = make_db(tmp)
        commands = {"bundle": [str(program), "--smoke", "--db", str(db)],
                    "source": [sys.executable, "-m", "kehoach_desktop.ui.app", "--smoke", "--db", str(db)]}
        runs: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
        for _ in range(5):  # interleaved, so machine noise hits both alike
            for name, command in commands.items():
                runs[name].append(measure(command, env))
    size = sum(f.stat().st_size for f in BUNDLE.rglob("*") if f.is_file() and not f.is_symlink())
    files = sum(1 for f in BUNDLE.rglob("*") if f.is_file())
    print(f"bundle size: {size / 2**20:.0f} MiB in {files} files")
    for name, values in runs.items():
        print(f"--smoke from {name}: {statistics.median(w for w, _m in values):.2f} s, "
              f"peak {statistics.median(m for _w, m in values) / 1024:.0f} MiB")
    bundle, source = (statistics.median(w for w, _m in runs[n]) for n in ("bundle", "source"))
    print(f"bundle / source start time: {bundle / source:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
