"""A plan saved somewhere else while it was edited here, shown in the one
conflict dialog (ui/conflict_dialog.py): both versions as the clerk reads
them, the plan's printed text (formats/text_export.py: number, place and
date, "Trích yếu", every section's heading and lines, recipients,
signatures), and of it only the lines that differ. Each place where they
differ starts on both sides with the same line "Sau dòng “…”:", the last
line both share before it, so the two sides read against each other."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...core.model import Plan
from ...formats.text_export import render_text
from ..conflict_dialog import ConflictDialog, Side, count_text

CONTEXT_CHARS = 60  # of the shared line that says where a difference is


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanConflict", text)


def _where(lines: list[str], end: int) -> str:
    """The last non-empty line before ``end`` (shared by both versions), shortened."""
    for line in reversed(lines[:end]):
        if line.strip():
            line = " ".join(line.split())
            shown = line if len(line) <= CONTEXT_CHARS else line[:CONTEXT_CHARS - 1] + "…"
            return tr("Sau dòng “{line}”:").format(line=shown)
    return tr("Ở đầu văn bản:")


def differing_lines(mine: Plan, theirs: Plan) -> tuple[list[str], list[str], int]:
    """The lines of each version's text that the other does not have, grouped
    by place, and how many places differ."""
    mine_lines, theirs_lines = render_text(mine).splitlines(), render_text(theirs).splitlines()
    import difflib  # here: only a conflict needs it, not the window's start

    matcher = difflib.SequenceMatcher(None, mine_lines, theirs_lines, autojunk=False)
    shown_mine: list[str] = []
    shown_theirs: list[str] = []
    places = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        places += 1
        where = _where(mine_lines, i1)
        for shown, lines in ((shown_mine, mine_lines[i1:i2]), (shown_theirs, theirs_lines[j1:j2])):
            if shown:
                shown.append("")
            shown.append(where)
            shown.extend(f"    {line}" if line.strip() else tr("    (dòng trống)") for line in lines)
            if not lines:
                shown.append(tr("    (không có)"))
    return shown_mine, shown_theirs, places


def plan_conflict_dialog(message: str, mine: Plan, theirs: Plan, parent=None) -> ConflictDialog:
    """The dialog for a refused save of ``mine``; ``theirs`` is the plan stored now."""
    shown_mine, shown_theirs, places = differing_lines(mine, theirs)
    if places:
        summary = tr("Hai bản khác nhau ở {n} chỗ trong nội dung văn bản. Dưới đây chỉ hiện những dòng khác "
                     "nhau; mỗi chỗ bắt đầu bằng dòng giống nhau ngay trước nó.").format(n=count_text(places))
    else:
        summary = tr("Nội dung văn bản của hai bản giống nhau; chỉ khác ở phần không in ra (như ghi chú).")
    dialog = ConflictDialog(tr("Kế hoạch đã được lưu ở nơi khác"), message, summary,
                            Side(tr("Bản của anh/chị (chưa lưu)"), shown_mine),
                            Side(tr("Bản đã lưu ở nơi khác"), shown_theirs), can_copy=True, parent=parent)
    return dialog
