"""Importing an existing plan from Word (.docx, .doc) or text (.txt).

read → clean lines (source) → header and title (header) → sections and
outline (outline) → structured kinds, each checked by writing it out again
(structure, kinds) → recipients and signatures (back). What is not
recognised stays as paragraphs in its place, and the report says so.
Tables, of a Word file or typed in text, stand in the lines as markers
until the sections are recognised, then take their places (word_tables).
A Word file's blocks (docx_blocks) also tell, beside its lines, which lines
Word marks as headings (heading_marks: the sections where the text alone
does not tell, outline.marked_sections) and where its signature block is
set apart (signature_hints: the back's start, the names, the recipients'
cell, back.parse_back); a text file has no such marks and is read by its
lines alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...core.appendices import attached_line
from ...core.budget import Budget
from ...core.cancel import CancelToken
from ...core.cancel import check as check_cancel
from ...core.dates import short_date
from ...core.errors import UserError
from ...core.kinds import kind_named
from ...core.model import Appendix, Plan, PlanStyle, Section
from ...core.numbering import full_number
from ...core.plan_dates import refuse_out_of_range
from ...core.tables import Table
from ...core.text import fold, removed_note
from . import phrases
from .back import APPENDIX, Back, BackHints, parse_back, signature_lines, signer_name, starts_back, unglue
from .back import RECIPIENTS as RECIPIENTS_LINE
from .docx_blocks import Paragraph, read_blocks
from .docx_blocks import Table as WordTable
from .header import parse_header
from .header_fields import NATIONAL_TITLE, Header, is_upper
from .header_lines import split_columns
from .outline import BOLD, RawSection, marked_sections, outline, section_heading, section_scheme, split_sections
from .placements import UNPLACED, Placement, placements
from .source import Removed, clean_lines, read_source, refuse_unreadable
from .structure import section_content
from .title import split_type_line
from .word_tables import is_table_marker, marked_lines, put_tables, text_with_tables, title_length

CLOSING_STARTS = ("tren day la", "tren day ", "de nghi ")


@dataclass
class ImportReport:
    """What the importer read and guessed, for the clerk to check."""

    found: list[str] = field(default_factory=list)  # recognised parts
    guessed: list[str] = field(default_factory=list)  # decisions the clerk should check
    kept_as_text: list[str] = field(default_factory=list)  # lines not understood, kept as paragraphs
    placements: list[Placement] = field(default_factory=list)  # where each line of the source went

    def lines(self) -> list[str]:
        out = [f"Đã nhận ra: {x}" for x in self.found]
        out += [f"Cần kiểm tra: {x}" for x in self.guessed]
        out += [f"Giữ nguyên dạng đoạn văn: {x}" for x in self.kept_as_text]
        # Where the side-by-side view is not at hand (the command line, the notes tab), the lines
        # that could not be placed are named, each with its number in the source.
        out += [f"Dòng {p.number} “{_shortened(p.text)}”: {p.where}" for p in self.placements if p.status == UNPLACED]
        return out


def _shortened(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1].rstrip() + "…"


def import_plan(path: Path, cancel: CancelToken | None = None) -> tuple[Plan, ImportReport]:
    """The plan in a .docx, .doc or .txt file. Raises UserError naming the
    file when it cannot be read or holds no text; CancelledError once
    ``cancel`` is cancelled (checked between the steps, and LibreOffice
    killed at once)."""
    path = Path(path)
    lines, removed = read_source(path, cancel, keep_spaces=True)  # a text file's columns kept for text_tables
    source = lines  # as read, for the report's placements
    check_cancel(cancel)
    refuse_unreadable(lines, path.name)
    tables: list[Table | Budget] = []
    title_lines, marks, ends = None, None, None
    magic = _magic(path)
    if magic == b"PK":  # its tables of content kept as tables, its title as Word centres it, its headings as marked
        blocks = read_blocks(path, label=path.name)
        lines, tables = marked_lines(blocks)
        title_lines, marks, ends = title_length(blocks), heading_marks(blocks, lines), signature_hints(blocks, lines)
    elif magic != b"\xd0\xcf":  # a text file (a .doc's lines come from LibreOffice's .docx, folded)
        lines, tables = text_with_tables(lines)
    plan, report = _with_tables(*plan_from_lines(lines, cancel, title_lines, marks, ends), tables)
    _report_removed(removed, f"tệp {path.name}", report)
    report.placements = placements(source, plan)
    return plan, report


def _placed_blocks(blocks: list[Paragraph | WordTable], lines: list[str]) -> list[tuple[int, Paragraph | WordTable]]:
    """Each block with the index of its first line in ``lines`` (the
    blocks' lines, each content table one marker line, as marked_lines
    gives them; a paragraph's own lines, after its text boxes'). Nothing
    when the lines are not the blocks'."""
    placed: list[tuple[int, Paragraph | WordTable]] = []
    at = 0
    for block in blocks:
        if isinstance(block, WordTable):
            placed.append((at, block))
            at += 1 if at < len(lines) and is_table_marker(lines[at]) else len(block.lines)
        else:
            placed.append((at + len(block.boxed), block))
            at += len(block.boxed) + len(block.lines)
    return placed if at == len(lines) else []


def heading_marks(blocks: list[Paragraph | WordTable], lines: list[str]) -> dict[int, int]:
    """The lines that Word marks as headings (index in ``lines``, as
    _placed_blocks): a paragraph of one line with an outline level (its
    level), or all in bold (outline.BOLD)."""
    marks: dict[int, int] = {}
    for at, block in _placed_blocks(blocks, lines):
        if isinstance(block, Paragraph) and len(block.lines) == 1:
            if block.outline_level is not None:
                marks[at] = block.outline_level
            elif block.bold:
                marks[at] = BOLD
    return marks


_SIDE = ("center", "right", "end")  # where a signature block sits when not in a table


@dataclass
class _EndBlock:
    """A block of the end Word sets apart (signature_hints)."""

    start: int  # its first line in the lines
    end: int  # the line after its last
    names: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)


def signature_hints(blocks: list[Paragraph | WordTable], lines: list[str]) -> BackHints:
    """What Word tells of the plan's end: a table (no content table: one
    left as lines) one of whose columns holds a signature (signature_lines),
    the recipients beside it; or a run of centred or right-aligned
    paragraphs holding one. Each starts the back, when only such blocks and
    the recipients follow it (up to an appendix): a committee's table in the
    body ("Trưởng ban") starts nothing. The block's last line, in bold, is
    its signer's name."""
    found: list[_EndBlock] = []
    run: list[tuple[int, Paragraph]] = []

    def end_run() -> None:
        texts = [(at, block) for at, block in run if block.text.strip()]
        if texts and signature_lines([line for _at, block in texts for line in block.lines]):
            last_at, last = texts[-1]
            found.append(_EndBlock(texts[0][0], last_at + len(last.lines)))
            if last.bold and signer_name(last.lines[-1]):
                found[-1].names.add(_key(last.lines[-1]))
        run.clear()

    for at, block in _placed_blocks(blocks, lines):
        if isinstance(block, Paragraph) and (not block.text.strip() or block.centred or block.align in _SIDE):
            run.append((at, block))
            continue
        end_run()
        if not isinstance(block, WordTable) or at < len(lines) and is_table_marker(lines[at]):
            continue
        columns = [[block.rows[r][c] for r in range(len(block.rows))
                    if block.rows[r][c].merged_into is None and not block.rows[r][c].missing and block.rows[r][c].text]
                   for c in range(block.columns)]
        columns = [cells for cells in columns if cells]
        signed = [signature_lines([line for cell in cells for line in cell.lines]) for cells in columns]
        if not any(signed) or len(columns) > 3:
            continue
        found.append(_EndBlock(at, at + len(block.lines)))
        for cells, signature in zip(columns, signed, strict=True):
            texts = [line for cell in cells for line in cell.lines if line.strip()]
            if signature and cells[-1].last_bold and signer_name(texts[-1]):
                found[-1].names.add(_key(texts[-1]))
            elif not signature:
                found[-1].recipients.update(_key(line) for line in texts)
    end_run()
    kept = [block for i, block in enumerate(found) if _ends_plan(lines, block, found[i + 1:])]
    return BackHints(tuple(block.start for block in kept), frozenset(name for b in kept for name in b.names),
                     frozenset(line for b in kept for line in b.recipients))


def _ends_plan(lines: list[str], block: _EndBlock, later: list[_EndBlock]) -> bool:
    """Whether only other such blocks and the recipients (from "Nơi nhận:"
    on) follow the block, up to an appendix or the end."""
    covered = {i for other in later for i in range(other.start, other.end)}
    in_recipients = False
    for i in range(block.end, len(lines)):
        text = _key(lines[i])
        if not text or i in covered:
            continue
        if APPENDIX.match(text):
            return True
        in_recipients = in_recipients or bool(RECIPIENTS_LINE.match(text))
        if not in_recipients:
            return False
    return True


def _key(line: str) -> str:
    """A line as parse_back reads it."""
    return line.replace("\t", " ").strip()


def _magic(path: Path) -> bytes:
    """The file's first two bytes: b"PK" for a .docx, b"\\xd0\\xcf" for a
    legacy .doc (as read_source tells them)."""
    try:
        with path.open("rb") as file:
            return file.read(2)
    except OSError:
        return b""


def plan_from_text(text: str) -> tuple[Plan, ImportReport]:
    """A plan from text pasted from a Word file (its tables read as a text
    file's are)."""
    lines, removed = clean_lines(text.split("\n"), keep_spaces=True)
    source = lines  # as read, for the report's placements
    if not any(line.strip() for line in lines):
        raise UserError("không có chữ nào để nhập")
    refuse_unreadable(lines, "")
    lines, tables = text_with_tables(lines)
    plan, report = _with_tables(*plan_from_lines(lines), tables)
    _report_removed(removed, "chữ dán vào", report)
    report.placements = placements(source, plan)
    return plan, report


def _with_tables(plan: Plan, report: ImportReport, tables: list[Table | Budget]) -> tuple[Plan, ImportReport]:
    """The plan with its tables in place of their markers (put_tables; one
    in the preamble, which holds text only, as lines of text)."""
    as_text = sum(1 for text in plan.preamble if is_table_marker(text))
    if len(tables) > as_text:
        report.found.append(f"{len(tables) - as_text} bảng giữ nguyên dạng bảng")
    if as_text:
        report.guessed.append(f"{as_text} bảng ở phần mở đầu (trước mục I) được giữ thành các dòng chữ")
    return put_tables(plan, tables), report


def _report_removed(removed: Removed, source: str, report: ImportReport) -> None:
    if removed:
        places = [f"dòng {number}" + (f" (“{start}”)" if start else "") for number, _count, start in removed]
        report.guessed.append(removed_note(sum(count for _n, count, _s in removed), places) + f" của {source}")


def plan_from_lines(lines: list[str], cancel: CancelToken | None = None,
                    title_lines: int | None = None, marks: dict[int, int] | None = None,
                    ends: BackHints | None = None) -> tuple[Plan, ImportReport]:
    """The plan in the lines; ``title_lines``: how many lines the title has,
    when the source tells (a Word file centres its title); ``marks``: the
    lines Word marks as headings (heading_marks); ``ends``: what it tells
    of the signatures (signature_hints)."""
    report = ImportReport()
    read = lines
    lines = split_type_line(unglue(lines))
    marks = _carried(marks, read, lines)
    ends = ends or BackHints()
    back_starts = _carried(dict.fromkeys(ends.starts, 0), read, lines)
    header = parse_header(lines, title_lines)
    rest = lines[header.body_start:]
    body_marks = {i - header.body_start: rank for i, rank in marks.items() if i >= header.body_start}
    scheme = section_scheme(rest)
    first_section = next((i for i, line in enumerate(rest) if section_heading(line, scheme)), 0)
    back_at = next((i for i in range(first_section, len(rest)) if starts_back(rest[i])), len(rest))
    # The sections Word marks, looked for before the back (its bold lines are no section's).
    decided = marked_sections(rest[:back_at], body_marks)
    if decided and min(decided) != first_section:
        first_section = min(decided)
        back_at = next((i for i in range(first_section, len(rest)) if starts_back(rest[i])), len(rest))
    # Word's signature block (a table, centred paragraphs) may start before a line that reads as the back's.
    back_at = min([back_at] + [i - header.body_start for i in back_starts if i - header.body_start > first_section])
    closing, body = _split_closing(rest[:back_at])
    before, sections = split_sections(body, {i: rank for i, rank in body_marks.items() if i < len(body)})
    back = _back_and_appendices(rest[back_at:], ends)

    style = _style(lines[:header.body_start + back_at], sections)  # the body's style, not an appendix's
    plan = Plan(status="draft", superior_body=header.superior_body,
                issuing_bodies=header.issuing_bodies or [""],
                document_type=header.document_type or "KẾ HOẠCH", title=header.title, place=header.place,
                plan_date=header.plan_date, recipients=back.recipients, signatures=back.signatures or [],
                style=style)
    if header.organisation_title:
        plan.organisation_title = header.organisation_title
    if plan.organisation_title == "ĐẢNG CỘNG SẢN VIỆT NAM":
        plan.profile = "dang"
    elif fold(plan.organisation_title) == fold(NATIONAL_TITLE):  # also spelt "CỘNG HOÀ"
        plan.profile = "nhanuoc"  # the State layout: the motto under the national title
    if header.number is not None:
        plan.number = header.number
    plan.show_draft_mark = header.draft_mark
    if plan.number.value and plan.plan_date and not header.draft_mark:
        plan.status = "issued"  # a numbered, dated plan was issued; a copy of it is the next draft
    # Lines of the header and of the end read as no part of them stay in the
    # plan, where they print nearest their place: the header's before the
    # preamble, the end's after the closing (a line break apart).
    plan.preamble = [" ".join(line.replace("\t", " ").split()) for line in header.leftovers + before if line.strip()]
    if not header.document_type and plan.preamble:
        report.kept_as_text += plan.preamble
    plan.closing = "\n".join(part for part in (closing, *back.leftovers) if part.strip())
    for section in sections:
        check_cancel(cancel)  # each section's recognisers are the long part of a long plan
        content = section_content(section, style)
        plan.sections.append(Section(section.heading.rstrip(":").strip(), content))
        report.found.append(f"mục {section.numeral or '(không số)'} “{section.heading.rstrip(':')}”: "
                            f"{kind_named(content.kind).report_name}")
    for lines in _split_appendices(back.appendix):
        check_cancel(cancel)
        appendix = _appendix(lines, style)
        if " ".join(appendix.attached.split()) == attached_line(plan):
            appendix.attached = ""  # the line the program writes: it follows the plan's number and date
        plan.appendices.append(appendix)
        report.found.append(f"phụ lục “{appendix.title or '(không tên)'}”: {kind_named(appendix.content.kind).report_name}")
    _report_header(plan, header, back, sections, report)
    return refuse_out_of_range(plan), report


def _carried(marks: dict[int, int] | None, read: list[str], lines: list[str]) -> dict[int, int]:
    """The marks of the lines read, moved onto the same lines once some are
    split in two (unglue, split_type_line: a line is kept or split, never
    joined); nothing when the lines cannot be followed."""
    if not marks:
        return {}
    moved: dict[int, int] = {}
    at = 0
    for i, line in enumerate(read):
        if i in marks:
            moved[at] = marks[i]
        at += 1 if at < len(lines) and lines[at] == line else 2
    return moved if at == len(lines) else {}


def _back_and_appendices(lines: list[str], hints: BackHints) -> Back:
    """Recipients and signatures, read column by column (split_columns), and
    the appendices after them, read line by line as they are (a "-\titem"
    is an item there, not two columns)."""
    start = next((i for i, line in enumerate(lines) if APPENDIX.match(line.strip())), len(lines))
    back = parse_back(split_columns(lines[:start]), hints)
    if start < len(lines) and (back.signatures or back.recipients):
        back.appendix = lines[start:]
    elif start < len(lines):
        back = parse_back(split_columns(lines), hints)  # no signature before it: read as before
    return back


_ATTACHED = re.compile(r"^\(\s*(kèm|kem)\s+theo\b.*\)\.?$", re.I)


def _split_appendices(lines: list[str]) -> list[list[str]]:
    """The lines after the signature, one list per "PHỤ LỤC" line."""
    appendices: list[list[str]] = []
    for line in lines:
        if APPENDIX.match(line.strip()) or not appendices:
            appendices.append([])
        appendices[-1].append(line)
    return appendices


def _appendix(lines: list[str], style: PlanStyle) -> Appendix:
    """An appendix: its label ("PHỤ LỤC I", dropped: it is numbered anew),
    its capital title lines, its "(Kèm theo …)" line (kept as typed), then
    content recognised as a section's."""
    text = [line.strip() for line in lines if line.strip()]
    label = text.pop(0)
    # "PHỤ LỤC I – DANH MỤC …" or "PHỤ LỤC: DANH MỤC …" on one line
    rest = re.sub(r"^PH[ỤU]\s+L[ỤU]C(\s+[IVXLC\d]+\b)?\s*[:.–-]?\s*", "", label, flags=re.I)
    title = [rest] if rest else []
    while text and is_upper(text[0]) and not _ATTACHED.match(text[0]) and len(title) < 3:
        title.append(text.pop(0))
    attached = text.pop(0) if text and _ATTACHED.match(text[0]) else ""
    heading = " ".join(title)
    content = section_content(RawSection(heading, "", outline(text), text), style)
    return Appendix(heading, content, attached)


def _style(lines: list[str], sections: list[RawSection]) -> PlanStyle:
    guess = phrases.guess_style("\n".join(lines))
    colons = [s.heading.rstrip().endswith(":") for s in sections]
    return PlanStyle(heading_colon=sum(colons) * 2 >= len(colons) if colons else True,
                     time_format=guess.time_format, weekday_style=guess.weekday_style)


def _looks_closing(text: str) -> bool:
    folded = fold(text)
    return folded.startswith(CLOSING_STARTS) or text.rstrip().endswith("./.") or " de nghi cac " in f" {folded} "


def _split_closing(lines: list[str]) -> tuple[str, list[str]]:
    """The closing paragraph ("Trên đây là Kế hoạch …", "Đề nghị …"): the
    body's last line, when it is plain text that reads as one. A typed "./."
    stays (the one the program wrote into its own Word file is gone already):
    the format checker tells plans that end without it."""
    lines = list(lines)
    for i in range(len(lines) - 1, -1, -1):
        text = " ".join(lines[i].replace("\t", " ").split())
        if not text:
            continue
        if _looks_closing(text) and not re.match(r"^([-+·•*]|\d+[.)]|[IVX]+\.)", text):
            del lines[i]
            return text, lines
        break
    return "", lines


def _report_header(plan: Plan, header: Header, back: Back, sections: list[RawSection], report: ImportReport) -> None:
    report.guessed += header.notes
    if plan.number.value is not None:
        report.found.append(f"số, ký hiệu: {full_number(plan.number)}")
    if plan.plan_date:
        report.found.append(f"ngày ban hành: {short_date(plan.plan_date)}, địa danh: {plan.place or '(không có)'}")
    bodies = [b for b in plan.issuing_bodies if b]
    if bodies:
        report.found.append("cơ quan ban hành: " + "; ".join(bodies))
    if not sections:
        report.guessed.append("không thấy mục nào đánh số La Mã (I., II., …): toàn bộ nội dung ở phần mở đầu")
    numerals = [s.numeral for s in sections if s.numeral]
    if len(set(numerals)) < len(numerals):
        report.guessed.append("có số mục La Mã bị lặp (" + ", ".join(numerals) + "); chương trình đánh số lại")
    if not plan.closing:
        report.guessed.append("không thấy câu kết (“Trên đây là …”, “Đề nghị …”)")
    report.found.append(f"nơi nhận: {len(plan.recipients)} mục")
    if not plan.signatures:
        report.guessed.append("không thấy khối chữ ký; hãy điền trong trang “Kết thúc – Nơi nhận – Ký”")
        plan.signatures = []
    for sig in plan.signatures:
        if not sig.name:
            report.guessed.append(f"khối chữ ký “{sig.authority_line or sig.position}” không có họ tên người ký")
    report.kept_as_text += header.leftovers + back.leftovers
