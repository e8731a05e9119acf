"""The words of a document and how much of a reference document a candidate keeps.

The acceptance tests compare what the program writes (.txt, .docx, the text
of a PDF) with a reference plan by words, not by characters: layout, line
breaks, table borders and the numbering Word draws by itself differ between
two faithful copies of a plan, the words in their order do not. So:

- ``document_text`` reads a .docx (the paragraphs of the body in order, the
  cells of a table row by row, nested tables included) or a UTF-8 text file;
- ``words`` splits a text into lower-case words, NFC-normalised (a file in
  decomposed Unicode reads the same as a composed one), with the numbering
  and bullets at the head of each line left out ("I.", "II –", "2.1.", "a)",
  "-", "+", "•"), since a Word file numbers its headings in the paragraph
  style, not in the text, numbers compared by value ("09" is "9"), and a
  time written short as its long form ("08g00" is "08 giờ 00");
- ``compare_plans`` compares two plans' texts in two parts: the page-1
  header (the lines before the document type, "KẾ HOẠCH") by its words as a
  bag, since its two columns have no reading order (a web page flattens
  them left then right, right then left or interleaved; our export writes
  left then right), and the rest in order, as ``compare`` does;
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
from collections import Counter
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
# a space or the end of the line; also a heading's Roman numeral set apart by
# a dash or a slash ("II – MỤC ĐÍCH", "I/.MỤC ĐÍCH", which the program writes
# "II."), or by a space before a capitalised word ("I MỤC ĐÍCH", "2 YÊU CẦU").
_NUMBERING = re.compile(r"^(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)](?=\s|$)|[IVXLC]+\s*[-–](?=\s)|[IVXLC]+/[.\-–]?)",
                        re.IGNORECASE)
# A time written short ("08g00", "8h00", "08:00") reads as the words of its
# long form ("08 giờ 00"): the program writes every time of a plan in its
# one format.
_TIME = re.compile(r"(?<![\d\w])([01]?\d|2[0-3])(?:[gh]|:(?=[0-5]\d))([0-5]\d)?(?![\d/\w])", re.IGNORECASE)


def _time_word(match: re.Match[str]) -> str:
    return f"{match.group(1)} giờ {match.group(2) or ''}"


_AUTHORITY_SLASH = re.compile(r"^\s*([TK])/([MLT])\b", re.IGNORECASE)
_DECORATION = re.compile(r"[-_–—=~.¯]+\s*[oO][0oO][oO]\s*[-_–—=~.¯]+")
_BARE_ROMAN = re.compile(r"^([IVXLC]+|\d{1,2})\s+(\w+)")
# A rule "_____" is not a word; a number glued to a word ("ngày 15tháng 9năm") is two, as the
# program writes a date by the format rules.
_WORD = re.compile(r"[^\W\d_]+|\d+")


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
        line = _DECORATION.sub(" ", line)  # "---o0o---" under a motto: a rule drawn in letters
        line = _AUTHORITY_SLASH.sub(r"\1\2", line)  # "T/M" is "TM", as the program writes it
        line = _TIME.sub(_time_word, line)
        line = line.strip().lstrip(_BULLETS).strip()
        line = _NUMBERING.sub("", line, count=1)
        bare = _BARE_ROMAN.match(line)
        if bare and bare.group(2)[:1].isupper():  # "I MỤC ĐÍCH", "III Thời gian": a numeral, a space
            line = line[bare.end(1):]
        found.extend(_word(word) for word in _WORD.findall(line))
    return found


def _word(word: str) -> str:
    """A word as compared: lower case, and a number by its value ("09" as
    "9": the program writes a date's day and month by the format rules,
    whatever zeros the source had)."""
    return word.lstrip("0") or "0" if word.isdigit() else word.lower()


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


# The document type's line, where a plan's page-1 header ends.
_DOCUMENT_TYPE = re.compile(r"^(KẾ HOẠCH|CHƯƠNG TRÌNH)\b")
_HEADER_LINES = 40  # the document type stands within a plan's first lines
_TYPE_INSIDE = re.compile(r"(?<=\s)(?:KẾ HOẠCH|CHƯƠNG TRÌNH)(?=\s)")
_RUN_ON_HEADER = 600  # characters a header run into one line holds


def split_header(text: str) -> tuple[str, str]:
    """A plan's text as (page-1 header, the rest): the lines before its
    first document type line, when there is one within the first lines."""
    lines = unicodedata.normalize("NFC", text).splitlines()
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if _DOCUMENT_TYPE.match(" ".join(line.split())):
            return "\n".join(lines[:i]), "\n".join(lines[i:])
    # A page that ran its header into one line with the text: the type in capitals inside it.
    text = "\n".join(lines)
    inside = _TYPE_INSIDE.search(text, 0, _RUN_ON_HEADER)
    if inside and "\n" not in text[:inside.start()]:
        return text[:inside.start()], text[inside.start():]
    return "", text


def _leading_header(text: str, header_words: list[str]) -> tuple[str, str]:
    """A text without a document type line (a page that dropped it) as
    (header, rest): its first lines as long as the candidate's header holds
    their words, the header the page kept."""
    left = Counter(header_words)
    lines = unicodedata.normalize("NFC", text).splitlines()
    end = 0
    for i, line in enumerate(lines):
        need = Counter(words(line))
        if need - left:
            break
        left -= need
        end = i + 1
    return "\n".join(lines[:end]), "\n".join(lines[end:])


def compare_plans(reference: str, candidate: str, body_words: int | None = None) -> Comparison:
    """Compare two plans' texts: header words as a bag, the rest in order
    (see the module's docstring). ``body_words`` keeps only that many of the
    candidate's body words (a reference cut mid-document is compared with
    as much of the candidate); ``body_length`` tells how many."""
    reference_head, reference_body = split_header(reference)
    candidate_head, candidate_body = split_header(candidate)
    if not reference_head and candidate_head:
        reference_head, reference_body = _leading_header(reference, words(candidate_head))
    head_ref = words(reference_head)
    head_cand = words(_without_blank_form(candidate_head, Counter(head_ref)))
    body_ref, body_cand = words(reference_body), words(candidate_body)
    if body_words is not None:
        body_cand = body_cand[:body_words]
    left = Counter(head_cand)
    head_missing = []
    for word in head_ref:
        if left[word]:
            left[word] -= 1
        else:
            head_missing.append(word)
    body = compare_words(body_ref, body_cand)
    # Words of the reference's body the candidate holds in its header (a number and date a page
    # set under the title, read into the header's fields) moved there: matched, not lost. And
    # the other way: header words the candidate keeps as a line of its body (a date not whole,
    # kept at the preamble's start, its blank printed in the header).
    moved = Counter(word for run in body.missing for word in run.split()) & left
    moved_down = Counter(head_missing) & _added(body_ref, body_cand)
    head_missing = " ".join(_less([" ".join(head_missing)], moved_down)).split()
    matched = (len(head_ref) - len(head_missing) + round(body.ratio * (len(body_ref) + len(body_cand)) / 2)
               + sum(moved.values()))
    total = len(head_ref) + len(head_cand) + len(body_ref) + len(body_cand)
    missing = ([" ".join(head_missing)] if head_missing else []) + _less(body.missing, moved)
    return Comparison(2 * matched / total if total else 1.0, missing, len(head_ref) + len(body_ref),
                      len(head_cand) + len(body_cand))


# The fixed lines of a header's form: the organisation titles, the motto, a number line with no
# number yet and a date line with no date ("Số:      -KH/ĐTN", "ngày      tháng      năm").
_FORM_LINES = ("đoàn tncs hồ chí minh", "đoàn thanh niên cộng sản hồ chí minh", "cộng hòa xã hội chủ nghĩa việt nam",
               "đảng cộng sản việt nam", "hội liên hiệp thanh niên việt nam", "hội sinh viên việt nam",
               "đội tntp hồ chí minh", "độc lập tự do hạnh phúc")
_BLANK_NUMBER = re.compile(r"^số\s*:?[\s.…_]*[-–/]?\s*[^\W\d_]+(?:\s*[-–/]\s*[^\W\d_]+)*\s*$", re.IGNORECASE)
_BLANK_DATE = re.compile(r"^(?:.*,\s*)?ngày[\s._…]*tháng[\s._…]*năm[\s._…]*$", re.IGNORECASE)


def _without_blank_form(header: str, reference: Counter[str]) -> str:
    """A candidate's header without the form's fixed lines that the
    reference's header does not hold: what every export prints by the format
    rules where a page lost it (a page cut before its header, a State page
    without its motto) is no word added to the page's text, any more than
    the blanks left for the register are."""
    kept = []
    for line in unicodedata.normalize("NFC", header).splitlines():
        text = " ".join(re.sub(r"[-–]", " ", line).split())
        fixed = (" ".join(words(line)) in _FORM_LINES or bool(_BLANK_NUMBER.match(text))
                 or bool(_BLANK_DATE.match(text)))
        if not fixed or not Counter(words(line)) - reference:
            kept.append(line)
    return "\n".join(kept)


def _added(reference: Sequence[str], candidate: Sequence[str]) -> Counter[str]:
    """The candidate's words the reference does not have in its order."""
    matcher = difflib.SequenceMatcher(None, reference, candidate, autojunk=False)
    return Counter(word for tag, _i1, _i2, j1, j2 in matcher.get_opcodes() if tag in ("insert", "replace")
                   for word in candidate[j1:j2])


def _less(runs: list[str], moved: Counter[str]) -> list[str]:
    """The missing runs without the words that moved."""
    left = Counter(moved)
    out = []
    for run in runs:
        kept = []
        for word in run.split():
            if left[word]:
                left[word] -= 1
            else:
                kept.append(word)
        if kept:
            out.append(" ".join(kept))
    return out


def body_length(reference: str, candidate: str) -> int:
    """How many of the candidate's body words stand for a reference cut
    mid-document: as many as the reference's body has, or up to the last
    word of it the candidate matched when that is further (the candidate
    may have added words before it, such as a line the page did not show)."""
    source, exported = words(split_header(reference)[1]), words(split_header(candidate)[1])
    matcher = difflib.SequenceMatcher(None, source, exported, autojunk=False)
    last = max((block.b + block.size for block in matcher.get_matching_blocks() if block.size), default=0)
    return max(len(source), last)
