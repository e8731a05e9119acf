"""Measurement: how faithfully does the importer read plans of other offices?

Issue 20's measurement. For every plan of tests/fixtures/other_offices/ (real
plans of Youth Union bodies at every level, as stored web pages hold them,
each with the header fields written by hand) it imports the text as a paste
would and prints, per plan, the share of the source's words its text export
keeps (``ratio``) and the fields read wrong, each as expected → found (the
plans kept aside are not shown one by one). Then,
per field, on how many of the plans that have it the field is right, for the
plans worked on and, separately, for the third kept aside (HELD_OUT.txt).
Nothing is timed, nothing asserted (tests/formats/test_other_offices.py
asserts).

    python bench/import_corpus.py [--quiet]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from other_offices import FIELDS, Result, held_out, measure, names  # noqa: E402

MIN_RATIO = 0.98  # the target for every plan


def summary(results: list[Result], label: str) -> list[str]:
    if not results:
        return [f"{label}: no plans"]
    lines = [f"{label}: {len(results)} plans; ratio ≥ {MIN_RATIO} on "
             f"{sum(r.ratio >= MIN_RATIO for r in results)}, lowest {min(r.ratio for r in results):.3f}"]
    for key in FIELDS:
        having = [r for r in results if key in r.fields]
        if having:
            right = sum(r.fields[key][2] for r in having)
            lines.append(f"  {key:15} {right:3}/{len(having):<3} ({100 * right / len(having):5.1f} %)")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="only the summaries")
    args = parser.parse_args()
    aside = held_out()
    results = [measure(name) for name in names()]
    if not args.quiet:
        for result in results:
            if result.name in aside:
                continue  # kept aside: only counted in its summary, so that nobody tunes the importer on it
            print(f"{result.name}: ratio {result.ratio:.3f}{' partial' if result.partial else ''}")
            for key in result.wrong:
                want, got, _ok = result.fields[key]
                print(f"    {key}: {want!r} → {got!r}")
            if result.ratio < MIN_RATIO:
                print(f"    missing: {' | '.join(result.missing)[:300]}")
    print("\n".join(summary([r for r in results if r.name not in aside], "worked on")))
    print("\n".join(summary([r for r in results if r.name in aside], "kept aside")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
