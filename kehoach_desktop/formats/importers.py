"""Reading a plan from a file, chosen by the file's extension."""
from __future__ import annotations

from pathlib import Path

from ..core.cancel import CancelToken
from ..core.errors import UserError
from ..core.model import Plan
from . import kehoach_json

WORD_OR_TEXT = (".docx", ".doc", ".txt")


def read_plan(path: Path, cancel: CancelToken | None = None) -> tuple[Plan, list[str]]:
    """The plan in the file, and notes for the clerk (nothing fatal): for a
    Word or text file, the import report (what was recognised, what to
    check, what was kept as plain paragraphs). ``cancel``: see import_plan."""
    path = Path(path)
    name = path.name.lower()
    if name.endswith(".json"):
        return kehoach_json.read_file_with_warnings(path)
    if name.endswith(WORD_OR_TEXT):
        from .plan_import import import_plan

        plan, report = import_plan(path, cancel)
        return plan, report.lines()
    raise UserError("không nhận ra loại tệp; cần tệp .kehoach.json, .docx, .doc hoặc .txt", file=str(path))
