"""Reading a plan from a file, chosen by the file's extension."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import UserError
from ..core.model import Plan
from . import kehoach_json


def read_plan(path: Path) -> tuple[Plan, list[str]]:
    """The plan in the file, and warnings for the clerk (nothing fatal)."""
    path = Path(path)
    name = path.name.lower()
    if name.endswith(".json"):
        return kehoach_json.read_file_with_warnings(path)
    if name.endswith((".docx", ".doc", ".txt")):
        raise UserError("chưa nhập được kế hoạch từ Word hoặc văn bản; hiện chỉ nhập tệp .kehoach.json",
                        file=str(path))
    raise UserError("không nhận ra loại tệp; cần tệp .kehoach.json", file=str(path))
