"""Nothing lost when Word marks headings and sets the signature apart
(issue 20): the generated plans of tests/formats/generated_plans.py typed
into Word, a paragraph per line, each line plain, bold, a "Heading 1" or
centred as hypothesis draws, and the end's lines set in a borderless
two-cell table or not. The marks move where sections and the signature
begin; every word after the header is still in the export, in order (the
end's words as a bag when they sit in a table: its cells have no reading
order). Runs a fifth of HYPOTHESIS_CASES, as the other Word property."""
from __future__ import annotations

import os
from collections import Counter

import docx
from doc_compare import compare_words, words
from docx.enum.text import WD_ALIGN_PARAGRAPH
from generated_plans import PlanText, plan_texts
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from kehoach_desktop.formats.plan_import import import_plan
from kehoach_desktop.formats.text_export import render_text

CASES = int(os.environ.get("HYPOTHESIS_CASES") or (1000 if os.environ.get("CI") == "true" else 100))
LOOKS = ("plain", "plain", "bold", "heading", "centred")


def _typed(paragraph, line: str, look: str) -> None:
    if look == "bold":
        paragraph.add_run(line).bold = True
    else:
        paragraph.add_run(line)
    if look == "centred":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


@settings(max_examples=max(CASES // 5, 10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_texts(), st.data())
def test_the_plans_with_words_marks_keep_their_words(tmp_path_factory, plan: PlanText, data):
    lines = plan.text.replace("\r\n", "\n").split("\n")
    looks = data.draw(st.lists(st.sampled_from(LOOKS), min_size=len(lines), max_size=len(lines)), label="looks")
    back = Counter(word for name, part in plan.parts if name in ("recipients", "signatures")
                   for line in part for word in words(line))
    end = len(lines) - 1  # the last line before the end's: the tail made of the recipients' and signatures' words
    while end >= 0 and not Counter(word for line in lines[end:] for word in words(line)) - back:
        end -= 1
    in_table = data.draw(st.booleans(), label="end in a table") and end < len(lines) - 1
    event(f"end in a table: {in_table}")
    document = docx.Document()
    for line, look in zip(lines[:end + 1] if in_table else lines, looks, strict=False):
        paragraph = document.add_paragraph(style="Heading 1" if look == "heading" else None)
        _typed(paragraph, line, look)
    if in_table:  # the end's lines split between two cells where hypothesis says
        rest = lines[end + 1:]
        cut = data.draw(st.integers(0, len(rest)), label="cut")
        table = document.add_table(rows=1, cols=2)
        for cell, part in ((table.cell(0, 0), rest[:cut]), (table.cell(0, 1), rest[cut:])):
            for i, line in enumerate(part):
                _typed(cell.paragraphs[0] if i == 0 else cell.add_paragraph(), line, looks[end + 1 + i])
    path = tmp_path_factory.mktemp("plan") / "ke-hoach.docx"
    document.save(path)
    imported, _report = import_plan(path)
    exported = render_text(imported)
    note(f"export:\n{exported}")
    reference = plan.words_after_header()
    if in_table:
        lost = Counter(word for line in lines[end + 1:] for word in words(line)) - Counter(words(exported))
        assert not lost, f"words of the end lost: {lost}"
        reference = [word for name, part in plan.parts if not name.startswith("header")
                     and name not in ("recipients", "signatures") for line in part for word in words(line)]
    missing = compare_words(reference, words(exported)).missing
    assert not missing, f"words lost: {missing}"
