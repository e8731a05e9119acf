"""Benchmark: our PDF export against LibreOffice's conversion of our Word file.

For each of the five example plans: ``formats.pdf_export.render_pdf`` (what
``kehoach export ID out.pdf`` runs: our own painter with QtGui, in this
process, the QGuiApplication made and the fonts loaded by a warm-up run first)
against ``formats.libreoffice.convert`` of the plan's Word file to PDF, the
Word file rendered by ``formats.docx_export.render_docx`` beforehand, outside
the timing. Runs are interleaved (ours, then LibreOffice's, plan by plan), so
the machine's noise falls on both alike; medians of ``--runs``. Prints the
ratio ours / LibreOffice per plan and overall (the sums of the medians).
Target (issue 18): below 1, our export stays faster.

LibreOffice's time is that of one conversion as the program makes it: a
``soffice --headless --convert-to pdf`` process started with a fresh private
profile, so its start-up (and the profile's creation) is part of its time,
while ours is the painting alone. Two more lines put both on the same
footing:
- a program each: our export in a fresh Python process as well (Python's
  start, the imports, the QGuiApplication and its fonts, reading the plan's
  file, painting and writing the PDF; from bytecode, as an installed program
  runs, compiled once to a temporary PYTHONPYCACHEPREFIX) against the same
  soffice conversion: what a clerk's one export costs either way;
- warm: all five Word files in one ``convert`` call, the time divided by
  five, against our five exports in a row (LibreOffice's start-up then paid
  once for five files, still not zero).

    python bench/pdf_export.py [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # our painter needs a QGuiApplication, no screen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach_desktop.formats import kehoach_json  # noqa: E402
from kehoach_desktop.formats.docx_export import render_docx  # noqa: E402
from kehoach_desktop.formats.libreoffice import convert  # noqa: E402
from kehoach_desktop.formats.pdf_export import render_pdf  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "plans"


# One export in a program of its own: what a fresh `kehoach export ID out.pdf` does, from the plan's file.
PROGRAM = """
import sys
from pathlib import Path
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.pdf_export import render_pdf
Path(sys.argv[2]).write_bytes(render_pdf(kehoach_json.read_file(Path(sys.argv[1]))))
"""


def program_env(folder: Path) -> dict[str, str]:
    """Offscreen, our sources first on the path, bytecode kept in ``folder``."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(folder / "pycache"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def our_program(fixture: Path, out: Path, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-c", PROGRAM, str(fixture), str(out)], env=env, check=True)


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    fixtures = sorted(FIXTURES.glob("*.kehoach.json"))
    plans = [kehoach_json.read_file(path) for path in fixtures]
    names = [path.name[:3] for path in fixtures]
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-pdf-") as temporary:
        folder = Path(temporary)
        sources = []
        for name, plan in zip(names, plans, strict=True):
            source = folder / f"{name}.docx"
            source.write_bytes(render_docx(plan))
            sources.append(source)
        out = folder / "pdf"
        for plan in plans:
            render_pdf(plan)  # warm-up: the QGuiApplication, the fonts, the imports
        convert(sources[:1], "pdf", out)  # warm-up: LibreOffice's files in the system's cache
        env = program_env(folder)
        our_program(fixtures[0], folder / "warm-up.pdf", env)  # compiles our modules to bytecode once
        ours: dict[str, list[float]] = {name: [] for name in names}
        theirs: dict[str, list[float]] = {name: [] for name in names}
        programs: dict[str, list[float]] = {name: [] for name in names}
        ours_five, theirs_five = [], []
        for _ in range(args.runs):
            for name, fixture, plan, source in zip(names, fixtures, plans, sources, strict=True):
                ours[name].append(timed(render_pdf, plan))
                theirs[name].append(timed(convert, [source], "pdf", out))
                programs[name].append(timed(our_program, fixture, folder / f"{name}.pdf", env))
            ours_five.append(sum(timed(render_pdf, plan) for plan in plans))
            theirs_five.append(timed(convert, sources, "pdf", out))
    print(f"PDF of each example plan, median of {args.runs} (interleaved); LibreOffice: one soffice process a file, "
          f"its start-up included")
    print(f"{'plan':<5} {'ours':>9} {'LibreOffice':>12} {'ratio':>6}   {'ours, a program':>15} {'ratio':>6}")
    for name in names:
        o, t, p = (statistics.median(times[name]) for times in (ours, theirs, programs))
        print(f"{name:<5} {o * 1000:>6.0f} ms {t * 1000:>9.0f} ms {o / t:>6.2f}   {p * 1000:>12.0f} ms {p / t:>6.2f}")
    o, t, p = (sum(statistics.median(v) for v in times.values()) for times in (ours, theirs, programs))
    print(f"{'all':<5} {o * 1000:>6.0f} ms {t * 1000:>9.0f} ms {o / t:>6.2f}   {p * 1000:>12.0f} ms {p / t:>6.2f}"
          f"  (target < 1: {'PASS' if max(o, p) < t else 'MISS'})")
    o, t = statistics.median(ours_five), statistics.median(theirs_five)
    print(f"warm, for reference: the five in one soffice call {t * 1000 / len(plans):.0f} ms a file, ours "
          f"{o * 1000 / len(plans):.0f} ms a file, ratio {o / t:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
