"""The lines of an existing plan, from a Word file (.docx, or a legacy .doc
through LibreOffice) or a text file, cleaned the same way for both.

A .docx is read from its XML in body order: paragraphs, the cells of tables
(the header and signature tables) and the text boxes some offices draw the
header in. A cell ends with a blank line, as a blank line ends a block in a
text file, so blocks stay apart whichever way they came.
"""
from __future__ import annotations

import re
import tempfile
import unicodedata
import zipfile
from pathlib import Path
from typing import IO, TypeVar
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

from ...core.cancel import CancelToken
from ...core.errors import UserError
from ...core.text import cleaned
from ..libreoffice import convert, find_soffice
from ..ooxml import replaced_by_end_mark
from ..zip_package import BROKEN, read_member
from .word_numbering import ListLabels

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_XML_BYTES = 64 * 1024 * 1024  # document.xml of a plan is under 1 MB; refuse archives that unpack absurdly
MAX_TEXT_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 100  # a plan's deepest text (a text box in a table cell) is about 20 elements under the body
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \u00a0\u2007\u202f]+")
_WIDE_SPACES = re.compile(r"[\u00a0\u2007\u202f]")
_BOLD = re.compile(r"\*\*(?=\S)(.*?\S)\*\*")  # "**Tổ chức**", "* **Thành Đoàn:**"
_BOLD_MARK = re.compile(r"(?<!\*)\*\*(?!\*)")  # a mark left alone; not the stars "***" a page ran into a line
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\w])")  # "*theo mẫu*" of converted files


def clean_line(text: str) -> str:
    """NFC, bold markers ("**" of converted files) and invisible characters
    removed, runs of spaces folded; tabs are kept (they mark the header's
    right column and the gap after a label). The control characters are gone
    already (clean_lines)."""
    return fold_spaces(spaced_line(text))


def spaced_line(text: str) -> str:
    """clean_line without folding the runs of spaces (each wide space is one
    space): the columns of a table typed with spaces stay where they stand
    (text_tables)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).replace("\r", "")
    if text.strip() not in ("***", "**"):
        # A converter's bold marks "**", not the header's stars "***" a page ran into a line of text.
        text = _ITALIC.sub(r"\1", _BOLD_MARK.sub("", _BOLD.sub(r"\1", text)))
    return _WIDE_SPACES.sub(" ", text).rstrip()


def fold_spaces(text: str) -> str:
    """A spaced_line as clean_line gives it."""
    return _SPACES.sub(" ", text).rstrip()


Removed = list[tuple[int, int, str]]  # (line number, characters removed, the line's start) for the report


def clean_lines(raw: list[str], keep_spaces: bool = False) -> tuple[list[str], Removed]:
    """The lines through the text gate (core.text.clean_text), then
    clean_line (spaced_line with ``keep_spaces``); a vertical tab (Word's
    manual line break, copied) starts a new line. Also where characters were
    removed, by line of the source."""
    lines: list[str] = []
    removed: Removed = []
    clean = spaced_line if keep_spaces else clean_line
    for number, line in enumerate(raw, start=1):
        text, count = cleaned(line)
        pieces = [clean(piece) for piece in text.split("\n")]
        if count:
            removed.append((number, count, next((p.strip() for p in pieces if p.strip()), "")[:30]))
        lines += pieces
    return lines, removed


# What a plan is written in: Latin letters with Vietnamese marks, digits,
# punctuation and the usual symbols (bullets, dashes, quotes, arrows, boxes).
# A file read as anything else (a damaged .doc that LibreOffice reads as
# UTF-16 text gives Chinese and Korean characters, private-use and
# replacement characters) is not a plan the program can read.
_FOREIGN = re.compile("[^\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u2bff\uf0a7\uf0b7\uf0d8\uf0fc]")
_WHITE = re.compile(r"\s+")
MAX_FOREIGN_SHARE = 0.2  # a plan has a few symbols of other ranges (a Word bullet in the private area), never a fifth


def refuse_unreadable(lines: list[str], label: str) -> None:
    """UserError naming the file when its text is not a plan's: empty, without
    a letter, or mostly characters no plan is written in."""
    chars = _WHITE.sub("", "".join(lines))
    if not chars:
        raise UserError("tệp không có chữ nào để nhập", file=label)
    foreign = len(_FOREIGN.findall(chars))
    if foreign > MAX_FOREIGN_SHARE * len(chars):
        raise UserError(f"không đọc được nội dung: {foreign * 100 // len(chars)}% ký tự không phải chữ tiếng Việt, "
                        "số hay dấu câu (tệp bị hỏng, hoặc không phải văn bản tiếng Việt); chưa nhập gì",
                        file=label)
    if not any(ch.isalpha() for ch in chars):  # stops at the first letter
        raise UserError("tệp không có chữ cái nào, không phải một kế hoạch; chưa nhập gì", file=label)


def read_lines(path: Path, cancel: CancelToken | None = None) -> list[str]:
    """The cleaned lines of a .docx, .doc or .txt plan; ``cancel`` stops a
    .doc's conversion (formats/libreoffice.py)."""
    return read_source(path, cancel)[0]


def read_source(path: Path, cancel: CancelToken | None = None,
                keep_spaces: bool = False) -> tuple[list[str], Removed]:
    """The cleaned lines of a .docx, .doc or .txt plan, and where control
    characters were removed (clean_lines; ``keep_spaces`` applies to a
    text file only)."""
    path = Path(path)
    try:
        head = path.read_bytes()[:8]
    except OSError as exc:
        raise UserError(f"không đọc được tệp ({exc.strerror})", file=path.name) from None
    suffix = path.suffix.lower()
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _legacy_doc(path, cancel)
    if head.startswith(b"PK"):
        return clean_lines(docx_lines(path))
    if suffix in (".docx", ".doc"):
        raise UserError("không phải tệp Word (.docx) hợp lệ", file=path.name)
    return clean_lines(_text_lines(path), keep_spaces)


def _legacy_doc(path: Path, cancel: CancelToken | None) -> tuple[list[str], Removed]:
    if find_soffice() is None:
        raise UserError("đây là tệp Word cũ (.doc). Hãy mở tệp bằng Word và lưu lại dưới dạng .docx, "
                        "hoặc cài LibreOffice để chương trình tự chuyển", file=path.name)
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        try:
            converted = convert([path], "docx", Path(tmp), cancel=cancel)[0]
        except UserError as exc:
            raise UserError(f"không chuyển được tệp .doc sang .docx: {exc.detail}", file=path.name) from None
        return clean_lines(docx_lines(converted, label=path.name))


def _text_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    if len(data) > MAX_TEXT_BYTES:
        raise UserError("tệp văn bản quá lớn cho một kế hoạch (hơn 8 MB)", file=path.name)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError("không phải tệp văn bản (có ký tự nhị phân)", file=path.name)
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding).split("\n")
        except UnicodeDecodeError:
            continue
    raise UserError("tệp văn bản không ở bảng mã UTF-8; hãy lưu lại với bảng mã UTF-8 (Unicode)",
                    file=path.name)


def docx_lines(path: Path, label: str = "") -> list[str]:
    """Paragraph texts in body order; a "\n" inside a paragraph (a line
    break) splits it into lines."""
    label = label or Path(path).name
    body, labels = docx_body(path, label, ListLabels)
    out: list[str] = []
    _walk(body, out, labels)
    return [line for text in out for line in text.split("\n")]


L = TypeVar("L", bound=ListLabels)


def docx_body(file: Path | IO[bytes], label: str, labels_class: type[L]) -> tuple[Element, L]:
    """A .docx's body element and Word's list labels, with every check of a
    file from elsewhere: part sizes, damage, nesting depth (the one way both
    readers open a Word file: this one and docx_blocks)."""
    try:
        with zipfile.ZipFile(file) as archive:
            try:
                info = archive.getinfo("word/document.xml")
            except KeyError:
                raise UserError("tệp .docx thiếu phần nội dung (word/document.xml)", file=label) from None
            if info.file_size > MAX_XML_BYTES:
                raise UserError("tệp .docx giải nén ra quá lớn (hơn 64 MB), không đọc", file=label)
            root = ElementTree.fromstring(read_member(archive, info, label, MAX_XML_BYTES, ".docx"))
            labels = labels_class(_part(archive, "word/numbering.xml", label), _part(archive, "word/styles.xml", label))
    except BROKEN:
        raise UserError("tệp .docx bị hỏng, không mở được", file=label) from None
    except ElementTree.ParseError as exc:
        raise UserError(f"tệp .docx bị hỏng ({exc})", file=label) from None
    body = root.find(W + "body")
    if body is None:
        raise UserError("tệp .docx không có phần thân văn bản", file=label)
    if _depth(body) > MAX_DEPTH:
        raise UserError(f"tệp .docx bị hỏng: các phần của văn bản lồng vào nhau quá {MAX_DEPTH} tầng",
                        file=label, where="word/document.xml")
    return body, labels


def _part(archive: zipfile.ZipFile, name: str, label: str) -> bytes | None:
    """An optional part of the package, left out when it unpacks absurdly."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    return read_member(archive, info, label, MAX_XML_BYTES, ".docx") if info.file_size <= MAX_XML_BYTES else None


def _depth(root: ElementTree.Element) -> int:
    """How deep elements nest under root, counted without recursion (the
    walk below recurses once or twice a level)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


def _walk(element: ElementTree.Element, out: list[str], labels: ListLabels) -> None:
    for child in element:
        if child.tag == W + "p":
            _paragraph(child, out, labels)
        elif child.tag == W + "tbl":
            for cell in _cells_in_reading_order(child):
                _walk(cell, out, labels)
                out.append("")
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "tc"):
            _walk(child, out, labels)


_AUTHORITY = re.compile(r"^\s*(?:T/?M|K/?T|T/?L|TUQ\.|Q\.)[.\s]")
_RECIPIENTS = re.compile(r"^\s*n[ơo]i\s+nh[ậa]n\b", re.I)


def _cells_in_reading_order(table: ElementTree.Element) -> list[ElementTree.Element]:
    """Row by row; but the end of a plan laid out one row per line, its
    columns side by side (signers' blocks, or the recipients beside the
    signature: authority, position, room to sign, name), is read column by
    column, each column being one block: row by row, the recipients and the
    signature's lines would interleave."""
    rows = [row.findall(W + "tc") for row in table.findall(W + "tr")]
    first = rows[0] if rows else []
    starts = [unicodedata.normalize("NFC", "".join(t.text or "" for t in cell.iter(W + "t"))) for cell in first]
    if len(rows) > 1 and len(first) > 1 and all(len(r) == len(first) for r in rows) and \
            all(_AUTHORITY.match(text) or _RECIPIENTS.match(text) for text in starts) and \
            any(_AUTHORITY.match(text) for text in starts):
        return [row[col] for col in range(len(first)) for row in rows]
    return [cell for row in rows for cell in row]


def _paragraph(paragraph: ElementTree.Element, out: list[str], labels: ListLabels) -> None:
    """The paragraph's own text, after the label Word numbers it with;
    paragraphs of text boxes anchored in it come first, each a line of its
    own."""
    parts: list[str] = []
    label = labels.label(paragraph)
    generated_end: list[str | None] = [None]  # inside the program's "./." bookmark: what it replaced

    def visit(node: ElementTree.Element) -> None:
        for child in node:
            tag = child.tag
            if tag == MC_FALLBACK or tag in (W + "pPr", W + "rPr"):
                continue  # the same text box again for old readers; tab stops and formats, not text
            if tag in (W + "del", W + "moveFrom"):
                continue  # tracked changes: deleted text, and text moved away (it shows at its w:moveTo)
            if tag == W + "txbxContent":
                _walk(child, out, labels)
                out.append("")
                continue
            if tag == W + "bookmarkStart":
                generated_end[0] = replaced_by_end_mark(child.get(W + "name", ""))
            elif tag == W + "bookmarkEnd":
                if generated_end[0] is not None:
                    parts.append(generated_end[0])  # the program's "./." becomes what it stood for
                generated_end[0] = None
            elif tag == W + "t" and generated_end[0] is not None:
                continue
            elif tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag in (W + "delText", W + "instrText"):
                continue
            visit(child)

    visit(paragraph)
    text = "".join(parts)
    out.append(f"{label} {text.lstrip()}" if label and text.strip() else text)
