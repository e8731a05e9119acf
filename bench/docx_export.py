"""Benchmark: Word export of the largest example plan against bare python-docx.

Prints the ratio of our exporter's time to a bare python-docx script that
writes the same paragraphs with no formatting, both measured in this run
(target: <= 1.5). Usage: python bench/docx_export.py [--runs 50]
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach_desktop.formats import kehoach_json  # noqa: E402
from kehoach_desktop.formats.docx_export import render_docx  # noqa: E402
from kehoach_desktop.formats.text_export import render_text  # noqa: E402


def largest_fixture() -> Path:
    return max((ROOT / "tests" / "fixtures" / "plans").glob("*.kehoach.json"), key=lambda p: p.stat().st_size)


def bare(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(fn, arg) -> float:
    start = time.perf_counter()
    fn(arg)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    fixture = largest_fixture()
    plan = kehoach_json.read_file(fixture)
    lines = render_text(plan).splitlines()
    render_docx(plan), bare(lines)  # warm up imports and caches
    ours, baseline = [], []
    for _ in range(args.runs):  # interleaved, so machine noise hits both alike
        ours.append(timed(render_docx, plan))
        baseline.append(timed(bare, lines))
    ratio = statistics.median(ours) / statistics.median(baseline)
    print(f"fixture: {fixture.name} ({len(lines)} paragraphs), runs: {args.runs}")
    print(f"kehoach docx export: median {statistics.median(ours) * 1000:.1f} ms")
    print(f"bare python-docx:    median {statistics.median(baseline) * 1000:.1f} ms")
    print(f"ratio: {ratio:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
