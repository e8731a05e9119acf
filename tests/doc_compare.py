"""The words of a document and how much of a reference document a candidate keeps.

The acceptance tests compare what the program writes (.txt, .docx, the text
of a PDF) with a reference plan by words, not by characters: layout, line
breaks, table borders and the numbering Word draws by itself differ between
two faithful copies of a plan, the words in their order do not. So:

- ``document_text`` reads a .docx (the paragraphs of the body in order, the
  cells of a table row by row, nested tables included) or a UTF-8 text file;
- ``words`` splits a text into lower-case words, NFC-normalised (a file in
  decomposed Unicode reads the same as a composed one), with the numbering
  and bullets at the head of each line left out ("I.", "2.1.", "a)", "-",
  "+", "•"), since a Word file numbers its headings in the paragraph style,
  not in the text;
- ``compare`` gives the similarity ratio of the two word sequences
  (difflib's SequenceMatcher, without its "popular element" heuristic, which
  would ignore the commonest words of a long plan) and the runs of reference
  words the candidate does not have, in order.
"""
from __future__ import annotations

import difflib
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH = f"{_W}p"
_PARAGRAPH_PROPERTIES = f"{_W}pPr"  # holds tab stop definitions (w:tab), which are not text
_RUN_PROPERTIES = f"{_W}rPr"
_TEXT = f"{_W}t"
_TAB = f"{_W}tab"
_BREAKS = (f"{_W}br", f"{_W}cr")

# Marks that are not words of the plan: the star line under the issuing body
# ("***") and the end mark of an administrative document ("./.").
_NOT_WORDS = ("*", "./.")
# Bullets a line may start with: hyphen, plus, middle dot, bullet, en dash.
_BULLETS = "-+·•–"
# The number of a heading or item at the start of a line: a Roman numeral
# ("IV."), a decimal one ("2.1.", "3)") or a letter ("a)", "đ.") followed by
# a space or the end of the line.
_NUMBERING = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)](?=\s|$)", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    """A paragraph's text: its runs' text, a tab as "\\t", a line break as "\\n"."""
    parts: list[str] = []

    def visit(element: ElementTree.Element) -> None:
        for child in element:
            if child.tag in (_PARAGRAPH_PROPERTIES, _RUN_PROPERTIES):
                continue
            if child.tag == _TEXT:
                parts.append(child.text or "")
            elif child.tag == _TAB:
                parts.append("\t")
            elif child.tag in _BREAKS:
                parts.append("\n")
            else:
                visit(child)  # runs, hyperlinks, insertions, fields' results

    visit(paragraph)
    return "".join(parts)


def _body_paragraphs(element: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """The paragraphs under ``element`` in reading order, descending into
    tables, rows, cells and content controls but not into paragraphs."""
    for child in element:
        if child.tag == _PARAGRAPH:
            yield child
        else:
            yield from _body_paragraphs(child)


def docx_paragraphs(path: str | os.PathLike[str]) -> list[str]:
    """The text of each paragraph of a .docx's body, in order."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    body = root.find(f"{_W}body")
    if body is None:
        return []
    return [_paragraph_text(p) for p in _body_paragraphs(body)]


def document_text(path: str | os.PathLike[str]) -> str:
    """The text of a .docx (one line per paragraph) or of a UTF-8 text file."""
    if os.fspath(path).lower().endswith(".docx"):
        return "\n".join(docx_paragraphs(path))
    with open(path, encoding="utf-8-sig") as file:  # universal newlines: "\r\n" reads as "\n"
        return file.read()


def words(text: str) -> list[str]:
    """The lower-case words of a text, numbering and bullets at the head of
    each line left out, whatever its Unicode composition."""
    text = unicodedata.normalize("NFC", text)
    for mark in _NOT_WORDS:
        text = text.replace(mark, " ")
    found: list[str] = []
    for line in text.splitlines():
        line = line.strip().lstrip(_BULLETS).strip()
        line = _NUMBERING.sub("", line, count=1)
        found.extend(word.lower() for word in _WORD.findall(line))
    return found


def document_words(path: str | os.PathLike[str]) -> list[str]:
    """``words`` of ``document_text``."""
    return words(document_text(path))


@dataclass(frozen=True)
class Comparison:
    """How much of a reference's word sequence a candidate keeps."""

    ratio: float  # 2 * matched words / (reference words + candidate words): 1.0 when equal
    missing: list[str]  # runs of reference words absent from the candidate, in order
    reference_words: int
    candidate_words: int


def compare_words(reference: Sequence[str], candidate: Sequence[str]) -> Comparison:
    """Compare two word sequences."""
    # autojunk=False: with it, SequenceMatcher ignores every word that makes
    # up over 1% of a sequence of 200 or more ("của", "và", "đoàn"), and the
    # ratio of two long plans would drop for no reason.
    matcher = difflib.SequenceMatcher(None, reference, candidate, autojunk=False)
    missing = [" ".join(reference[i1:i2]) for tag, i1, i2, _j1, _j2 in matcher.get_opcodes()
               if tag in ("delete", "replace")]
    return Comparison(matcher.ratio(), missing, len(reference), len(candidate))


def compare(reference: str | os.PathLike[str], candidate: str | os.PathLike[str]) -> Comparison:
    """Compare two documents' words (.docx or text files)."""
    return compare_words(document_words(reference), document_words(candidate))
