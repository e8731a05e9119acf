"""Writing a plan to a file whose format is chosen by the extension."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.codec import clean_plan
from ..core.errors import UserError
from ..core.model import Plan
from . import kehoach_json
from .docx_export import DocxOptions, render_docx
from .safe_write import write_atomically
from .text_export import render_text


@dataclass(frozen=True)
class ExportOptions:
    two_sided: bool = False  # mirror margins for printing on both sides


RENDERERS: dict[str, Callable[[Plan, ExportOptions], bytes]] = {
    ".kehoach.json": lambda plan, _options: kehoach_json.dumps(plan).encode("utf-8"),
    ".txt": lambda plan, _options: render_text(plan).encode("utf-8"),
    ".docx": lambda plan, options: render_docx(plan, DocxOptions(mirror_margins=options.two_sided)),
    ".pdf": lambda plan, _options: _render_pdf(plan),
}


def _render_pdf(plan: Plan) -> bytes:
    from .pdf_export import render_pdf  # loads Qt only when a PDF is asked for

    return render_pdf(plan)
SUPPORTED = tuple(RENDERERS)
PLANNED = (".xlsx",)


def suffix_of(path: Path) -> str:
    name = Path(path).name.lower()
    for suffix in sorted(RENDERERS, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    if name.endswith(PLANNED):
        raise UserError(f"chưa xuất được định dạng {Path(name).suffix}; hiện có: {', '.join(SUPPORTED)}",
                        file=str(path))
    raise UserError(f"không biết xuất ra định dạng nào theo tên tệp; dùng đuôi {', '.join(SUPPORTED)}",
                    file=str(path))


def render(plan: Plan, suffix: str, options: ExportOptions = ExportOptions()) -> bytes:
    """The file's bytes; every text through the gate first (core.text.clean_text)."""
    return RENDERERS[suffix](clean_plan(plan), options)


def check_target(path: Path, *, overwrite: bool) -> None:
    """Refuse early, before any work, what export() would refuse."""
    suffix_of(path)
    if Path(path).exists() and not overwrite:
        raise UserError("tệp đã có; dùng --force để ghi đè", file=str(path))


def export(plan: Plan, path: Path, *, overwrite: bool = False, options: ExportOptions = ExportOptions(),
           issued_docx: bytes | None = None) -> None:
    """Write the plan in the format of the path's extension (see export_bytes)."""
    write_atomically(Path(path), export_bytes(plan, path, options=options, issued_docx=issued_docx),
                     overwrite=overwrite)


def export_bytes(plan: Plan, path: Path, *, options: ExportOptions = ExportOptions(),
                 issued_docx: bytes | None = None) -> bytes:
    """The file's content in the format of the path's extension. ``issued_docx``
    is the Word file kept by the register when the plan was issued: a .docx
    export of an issued plan is that file, byte for byte, so that a reprint
    is the document that was signed (a two-sided layout is made anew). The
    window renders this off its thread, then writes it (ui/jobs.py)."""
    suffix = suffix_of(path)
    if issued_docx is not None and suffix == ".docx" and options == ExportOptions():
        return issued_docx
    return render(plan, suffix, options)
