"""Fuzzing the importers of untrusted files (issue 9): a .kehoach.json plan,
an existing plan as text or Word, an invitation list in Excel. Whatever the
input, each importer returns or raises UserError with a message; it never
raises anything else and never hangs.

The runs are derandomised (the same cases on every machine, no example
database), 1,000 cases per test. For a longer local run raise the count:

    KEHOACH_FUZZ_EXAMPLES=20000 python3 dev.py test tests/fuzz -q
"""
from __future__ import annotations

import copy
import functools
import io
import json
import os
import re
import unicodedata
import warnings
import zipfile
from datetime import date, datetime

import pytest
from conftest import EXAMPLE_TEXTS, FIXTURE_FILES
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.formats import attendees_xlsx, kehoach_json
from kehoach_desktop.formats.plan_import import import_plan, plan_from_text

# openpyxl warns about the damage it works around; the damage is the point here
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")
EXAMPLES_COUNT = int(os.environ.get("KEHOACH_FUZZ_EXAMPLES", "1000"))
FUZZ = settings(max_examples=EXAMPLES_COUNT, deadline=None, derandomize=True, database=None,
                print_blob=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example,
                                       HealthCheck.filter_too_much])


def returns_or_refuses(call, *args):
    """The call returns, or raises UserError with a message; any other
    exception fails the test."""
    try:
        call(*args)
    except UserError as exc:
        assert str(exc).strip() and exc.detail.strip(), "UserError with an empty message"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """One folder per module: each case overwrites the same file (a fresh
    tmp_path for each of thousands of cases is slow and fills /tmp)."""
    return tmp_path_factory.mktemp("fuzz")


# ------------------------------------------------------------------ pieces
NFD_WORDS = [unicodedata.normalize("NFD", w) for w in ("Kế hoạch", "Đoàn viên", "tháng", "Nơi nhận", "Bí thư")]
CONTROL = "".join(map(chr, [*range(0, 32), 127, 0x85, 0x200B, 0x200E, 0x202E, 0xFEFF, 0xFFFE, 0xD800 - 1]))
UNICODE_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.text(alphabet=CONTROL, max_size=8),
    st.sampled_from(NFD_WORDS),
    st.sampled_from(["", " ", "\t", "\n", "\r\n", "./.", "=A1", "+84", "@", "%1.", "KH", "ĐTN", "³", "9" * 5000]),
    st.integers(0, 30).map(lambda n: "x" * (n * 1000)),  # long strings
)


# ------------------------------------------------------------------ (a) .kehoach.json
FIXTURE_DOCS = [json.loads(p.read_text(encoding="utf-8")) for p in FIXTURE_FILES]
FIXTURE_BYTES = [p.read_bytes() for p in FIXTURE_FILES]
# Tokens json.dumps cannot write (or would write slowly): put into the text in place of a marker.
RAW_TOKENS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1" * 5000, "-" + "9" * 4301, "1e-999",
              "123456789012345678901234567890", "1.5", "-0", "[" * 100_000 + "]" * 100_000,
              "{\"a\":" * 50_000 + "1" + "}" * 50_000, "[" * 500 + "]" * 500, "\"\\ud800\"", "\"\\u0000\""]
MARK = "\u2063RAW{}\u2063"


def json_values():
    leaves = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.integers(-3, 40),
                       st.floats(allow_nan=False, allow_infinity=False), UNICODE_TEXT,
                       st.sampled_from(KINDS), st.sampled_from(["2024-02-30", "2024-13-01", "0000-01-01",
                                                                "9999-12-31", "25:61", "08:00", "1999-1-1"]),
                       st.sampled_from(range(len(RAW_TOKENS))).map(MARK.format))
    return st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(UNICODE_TEXT, inner, max_size=4)),
                        max_leaves=12)


def node_paths(node, path=()):
    """The path (keys and indexes) of every node, the root's () first."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from node_paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from node_paths(value, (*path, i))


def _get(doc, path):
    for part in path:
        doc = doc[part]
    return doc


KINDS = sorted({node[key] for doc in FIXTURE_DOCS for path in node_paths(doc) for node in [_get(doc, path)]
                if isinstance(node, dict) for key in ("kind", "type") if isinstance(node.get(key), str)})


@st.composite
def mutated_documents(draw):
    """A fixture document with a few of its nodes replaced, deleted,
    retagged, retyped or given new keys."""
    doc = copy.deepcopy(draw(st.sampled_from(FIXTURE_DOCS)))
    for _ in range(draw(st.integers(1, 4))):
        paths = list(node_paths(doc))
        path = paths[draw(st.integers(0, len(paths) - 1))]
        op = draw(st.sampled_from(["replace", "delete", "retag", "retype", "add_key", "duplicate", "nfd", "raw"]))
        if not path:
            if op == "replace":
                doc = draw(json_values())
            continue
        parent, key = _get(doc, path[:-1]), path[-1]
        node = parent[key]
        if op == "replace":
            parent[key] = draw(json_values())
        elif op == "raw":
            parent[key] = MARK.format(draw(st.integers(0, len(RAW_TOKENS) - 1)))
        elif op == "delete":
            del parent[key]
        elif op == "retag" and isinstance(node, dict):
            tag = "kind" if "kind" in node else "type"
            node[tag] = draw(st.one_of(st.sampled_from(KINDS), UNICODE_TEXT))
        elif op == "retype":
            parent[key] = draw(st.sampled_from([None, 0, 1.5, True, "", [], {}, [node], {"x": node}, str(node)]))
        elif op == "add_key" and isinstance(node, dict):
            node[draw(UNICODE_TEXT)] = draw(json_values())
        elif op == "duplicate" and isinstance(parent, list):
            parent.extend([node] * draw(st.integers(1, 200)))
        elif op == "nfd" and isinstance(node, str):
            parent[key] = unicodedata.normalize("NFD", node) + draw(st.text(alphabet=CONTROL, max_size=3))
    if isinstance(doc, dict) and draw(st.booleans()):
        doc.setdefault("format", "kehoach")
    return doc


def json_text(doc) -> str:
    text = json.dumps(doc, ensure_ascii=False)
    for i, token in enumerate(RAW_TOKENS):
        text = text.replace(json.dumps(MARK.format(i), ensure_ascii=False), token)
    return text


@FUZZ
@given(doc=mutated_documents())
def test_fuzz_kehoach_json_mutated_documents(doc):
    returns_or_refuses(kehoach_json.loads, json_text(doc), "fuzz.kehoach.json")


@st.composite
def mutated_bytes(draw, originals):
    """Raw random bytes, or a real file truncated, with bytes overwritten,
    or with random bytes spliced in."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.binary(max_size=2000))
    data = bytearray(draw(st.sampled_from(originals)))
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["truncate", "overwrite", "insert", "delete"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "truncate":
            del data[at:]
        elif op == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=16))
            data[at:at + len(chunk)] = chunk
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[at:at + draw(st.integers(1, 64))]
    return bytes(data)


@FUZZ
@given(data=mutated_bytes(FIXTURE_BYTES))
def test_fuzz_kehoach_json_raw_bytes(workdir, data):
    path = workdir / "raw.kehoach.json"
    path.write_bytes(data)
    returns_or_refuses(kehoach_json.read_file, path)


# ------------------------------------------------------------------ (b) plan text and Word
EXAMPLE_LINES = [line for p in EXAMPLE_TEXTS for line in p.read_text(encoding="utf-8").split("\n")]
NUMERALS = st.sampled_from(["I.", "II.", "III", "IV.", "IX.", "XL.", "MMMM.", "1.", "2.1.", "3.2.1.", "a)", "b.",
                            "-", "+", "•", "*", "**", "1)", "0.", "99999999999999999999.", "V:"])
ODD_DIGITS = st.sampled_from(["9" * 5000, "³", "²⁰²⁵", "٢٣", "①", "１２", "0" * 50 + "1"])  # int() refuses some
DAY = st.one_of(st.integers(-1, 40).map(str), st.integers(0, 10**30).map(str), ODD_DIGITS)
SPECIAL_LINES = st.one_of(
    st.builds(lambda n, s: f"Số: {n}-{s}", st.one_of(st.integers(-5, 10**25).map(str), ODD_DIGITS, UNICODE_TEXT),
              st.sampled_from(["KH/ĐTN", "KH/", "/", "KH/ĐTN-BTG", "", "KH/ĐTN/ĐTN/ĐTN"])),
    st.builds(lambda place, d, m, y: f"{place}, ngày {d} tháng {m} năm {y}",
              st.sampled_from(["TP. Hồ Chí Minh", "", "Hà Nội", "\t"]), DAY, DAY, DAY),
    st.builds(lambda d, m, y: f"Dự kiến 08g00 ngày {d}/{m}/{y} (thứ Ba).", DAY, DAY, DAY),
    st.sampled_from(["Nơi nhận:", "- Như trên;", "- Lưu VP.", "T/M BAN THƯỜNG VỤ", "KT. BÍ THƯ", "PHÓ BÍ THƯ",
                     "(đã ký)", "KẾ HOẠCH", "***", "-------", "Trên đây là Kế hoạch ./.", "Đề nghị các đơn vị",
                     "ĐOÀN TNCS HỒ CHÍ MINH", "ĐẢNG CỘNG SẢN VIỆT NAM", "\t", "\t\t\t", "PHỤ LỤC", "DỰ THẢO"]),
    st.builds(lambda n, t: f"{n} {t}", NUMERALS, UNICODE_TEXT),
    st.builds(lambda n, t: f"- {t} ({n} đồng chí);", DAY, UNICODE_TEXT),
    st.builds(lambda h, m: f"- {h}g{m} – {m}g{h}: Đón tiếp đại biểu;", DAY, DAY),
    UNICODE_TEXT,
)


@st.composite
def line_mutations(draw, line: str) -> str:
    op = draw(st.integers(0, 7))
    if op == 0 or not line:
        return line
    if op == 1:
        at = draw(st.integers(0, len(line)))
        return line[:at] + draw(UNICODE_TEXT) + line[at:]
    if op == 2:
        return draw(NUMERALS) + " " + line
    if op == 3:
        return "\t".join(line.split(" ", draw(st.integers(1, 3))))
    if op == 4:
        return unicodedata.normalize("NFD", line)
    if op == 5:
        at = draw(st.integers(0, len(line)))
        return line[:at]
    if op == 6:
        return line.upper()
    return draw(SPECIAL_LINES)


@st.composite
def plan_texts(draw) -> str:
    """Lines from the example plans, in order or shuffled, with a few
    mutated, dropped or replaced."""
    start = draw(st.integers(0, len(EXAMPLE_LINES) - 1))
    length = draw(st.integers(0, 140))
    if draw(st.booleans()):
        lines = EXAMPLE_LINES[start:start + length]
    else:
        lines = draw(st.lists(st.sampled_from(EXAMPLE_LINES), max_size=length))
    lines = list(lines)
    for _ in range(draw(st.integers(0, 12))):
        if lines and draw(st.booleans()):
            i = draw(st.integers(0, len(lines) - 1))
            lines[i] = draw(line_mutations(lines[i]))
        else:
            lines.insert(draw(st.integers(0, len(lines))), draw(SPECIAL_LINES))
    end = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u2028"]))
    return end.join(lines)


@FUZZ
@given(text=plan_texts())
def test_fuzz_plan_from_text(text):
    returns_or_refuses(plan_from_text, text)


@FUZZ
@given(text=plan_texts(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]))
def test_fuzz_import_plan_text_file(workdir, text, encoding):
    path = workdir / "ke-hoach.txt"
    path.write_bytes(text.encode(encoding, errors="replace"))
    returns_or_refuses(import_plan, path)


@functools.cache
def _docx_template() -> bytes:
    """python-docx's blank document without the styles no case uses: its
    800 KB of style parts would make up most of each case's time."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = docx.Document()
    keep = {"Normal", "ListNumber", "ListBullet", "ListNumber2", "List", "ListParagraph", "TableGrid",
            "TableNormal", "DefaultParagraphFont", "NoList"}
    for style in list(document.styles.element):
        if style.tag.endswith("}style") and style.get(qn("w:styleId")) not in keep:
            style.getparent().remove(style)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects") or rel.reltype == RT.CUSTOM_XML:
            document.part.drop_rel(rel_id)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_bytes(lines: list[str], layout: list[int]) -> bytes:
    """A Word file of the lines made with python-docx: plain paragraphs,
    list paragraphs Word numbers itself, line breaks, tabs, and tables."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document(io.BytesIO(_docx_template()))
    i = 0
    for choice in layout:
        if i >= len(lines):
            break
        if choice == 0 and i + 4 <= len(lines):  # a 2x2 table, like the header and signature tables
            table = document.add_table(rows=2, cols=2)
            for cell in (c for row in table.rows for c in row.cells):
                cell.text = _xml_safe(lines[i])
                i += 1
            continue
        style = {1: "List Number", 2: "List Bullet", 3: "List Number 2"}.get(choice)
        paragraph = document.add_paragraph(style=style)
        run = paragraph.add_run(_xml_safe(lines[i]))
        if choice == 4 and i + 1 < len(lines):
            run.add_break(WD_BREAK.LINE)
            i += 1
            run = paragraph.add_run(_xml_safe(lines[i]))
        run.bold = choice == 5
        i += 1
    for line in lines[i:]:
        document.add_paragraph(_xml_safe(line))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(text: str) -> str:
    """python-docx and openpyxl refuse characters XML cannot hold; Office files never have them."""
    return _NOT_XML.sub("", text)


@FUZZ
@given(text=plan_texts(), layout=st.lists(st.integers(0, 9), max_size=30))
def test_fuzz_import_plan_word_file(workdir, text, layout):
    path = workdir / "ke-hoach.docx"
    path.write_bytes(docx_bytes(text.split("\n"), layout))
    returns_or_refuses(import_plan, path)


def _sample_docx() -> list[bytes]:
    lines = EXAMPLE_LINES[:60]
    return [docx_bytes(lines, [0, 1, 1, 2, 3, 4, 5]), docx_bytes(lines[:10], [])]


SAMPLE_DOCX = _sample_docx()
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BAD_XML = st.one_of(
    st.binary(max_size=300),
    st.sampled_from([
        b"", b"<", b"<w:document/>", b"<document/>", f'<w:document xmlns:w="{W_NS}"/>'.encode(),
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode(),
        f'<w:document xmlns:w="{W_NS}"><w:body><w:tbl><w:tr/></w:tbl><w:tbl/></w:body></w:document>'.encode(),
        f'<w:document xmlns:w="{W_NS}"><w:body>{"<w:sdt>" * 2000}{"</w:sdt>" * 2000}</w:body></w:document>'.encode(),
        f'<w:document xmlns:w="{W_NS}"><w:body>{"<w:p><w:r><w:txbxContent>" * 400}'
        f'{"</w:txbxContent></w:r></w:p>" * 400}</w:body></w:document>'.encode(),
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]><d>&f;&f;</d>',
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
        "<w:document xmlns:w=\"x\">\u00e9</w:document>".encode("latin-1"),
    ]),
)
NUMBERING_XML = st.builds(
    lambda ilvl, start, fmt, text, num_ilvl, override: (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{ilvl}">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="{num_ilvl}">'
        f'<w:startOverride w:val="{override}"/></w:lvlOverride></w:num></w:numbering>').encode(),
    st.sampled_from(["0", "1", "-1", "8", "9", "x", "", "99999999999999999999"]),
    st.sampled_from(["1", "0", "-3", "x", "", "1e3", "4000", "99999999999999999999", "9" * 5000]),
    st.sampled_from(["decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "bullet", "none", "x"]),
    st.sampled_from(["%1.", "%1.%2.", "%9%10", "", "%0", "\uf0b7"]),
    st.sampled_from(["0", "1", "x", ""]),
    st.sampled_from(["", "2", "x", "-5", "99999999999999999999"]),
)
STYLES_XML = st.builds(
    lambda num, ilvl: (f'<w:styles xmlns:w="{W_NS}"><w:style w:styleId="ListNumber"><w:pPr><w:numPr>'
                       f'<w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr></w:style>'
                       f'<w:style w:styleId="ListNumber2"><w:basedOn w:val="ListNumber"/></w:style></w:styles>'
                       ).encode(),
    st.sampled_from(["1", "0", "x", ""]), st.sampled_from(["0", "1", "x", "", "-2", "100"]))


MEMBER_NAMES = st.one_of(st.sampled_from(["word/document.xml", "word/numbering.xml", "[Content_Types].xml"]),
                         st.text(min_size=1, max_size=20).map(lambda name: f"junk/{name}.bin"))


METHODS = st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, zipfile.ZIP_BZIP2,
                           zipfile.ZIP_LZMA])
ATTRIBUTE_VALUE = re.compile(rb'="[^"]*"')
ELEMENT = re.compile(rb"<[^<>]+>(?:[^<>]*</[^<>]+>)?")
JUNK_VALUES = [b"", b"x", b"-1", b"0", b"99999999999999999999", b"1e999", b"nan", b"A0", b"ZZZZ9", b"1:2", b"&amp;",
               b"\xc3\xa9", b"true", b"2024-13-45T99:99:99", b"rId999", b"../../../../etc/passwd", b"/xl/x.xml"]


def _member(archive: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(archive)) as package:
        return package.read(name) if name in package.namelist() else b""


@st.composite
def mutated_xml(draw, xml: bytes) -> bytes:
    """The real part with attribute values swapped for junk, elements
    dropped or repeated, or cut short: XML that parses but means nothing,
    or XML that does not parse."""
    data = xml
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.integers(0, 3))
        spans = [m.span() for m in (ATTRIBUTE_VALUE if op == 0 else ELEMENT).finditer(data)]
        if op == 3 or not spans:
            data = data[:draw(st.integers(0, len(data)))]
            continue
        start, end = spans[draw(st.integers(0, len(spans) - 1))]
        if op == 0:
            data = data[:start] + b'="' + draw(st.sampled_from(JUNK_VALUES)) + b'"' + data[end:]
        elif op == 1:
            data = data[:start] + data[end:]
        else:
            data = data[:start] + data[start:end] * draw(st.integers(2, 50)) + data[end:]
    return data


def _rezip(original: bytes, replace: dict[str, bytes | None], extra: dict[str, bytes],
           method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(out, "w", method) as dst:
        for info in src.infolist():
            data = replace.get(info.filename, src.read(info))
            if data is not None:
                dst.writestr(info.filename, data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a duplicate name, on purpose
            for name, data in extra.items():
                dst.writestr(name, data)
    return out.getvalue()


@st.composite
def corrupted_docx(draw) -> bytes:
    original = draw(st.sampled_from(SAMPLE_DOCX))
    kind = draw(st.integers(0, 4))
    if kind == 0:  # the zip itself damaged
        return draw(mutated_bytes([original]))
    member = draw(st.sampled_from(["word/document.xml", "word/numbering.xml", "word/styles.xml",
                                   "[Content_Types].xml", "word/_rels/document.xml.rels"]))
    if kind == 1:
        replace = {member: draw(st.one_of(BAD_XML, mutated_xml(_member(original, member))))}
    elif kind == 2:
        replace = {member: None}
    elif kind == 3:
        replace = {"word/numbering.xml": draw(NUMBERING_XML), "word/styles.xml": draw(STYLES_XML)}
    else:
        replace = {}
    extra = draw(st.dictionaries(MEMBER_NAMES, st.binary(max_size=100), max_size=3))
    return _rezip(original, replace, extra, draw(METHODS))


@FUZZ
@given(data=corrupted_docx())
def test_fuzz_import_plan_corrupted_word_file(workdir, data):
    path = workdir / "hong.docx"
    path.write_bytes(data)
    returns_or_refuses(import_plan, path)


# ------------------------------------------------------------------ (c) Excel lists
HEADER_WORDS = [w for words in attendees_xlsx.HEADER_SYNONYMS.values() for w in words] + [
    "Họ và tên", "Chức vụ", "Đơn vị", "Điện thoại", "E-mail", "Phản hồi", "Ghi chú", "STT", "SĐT", "Nhóm"]
NAME_OR_UNIT = [*attendees_xlsx.HEADER_SYNONYMS["name"], *attendees_xlsx.HEADER_SYNONYMS["unit"], "Họ và tên", "Đơn vị"]
HEADERS = st.one_of(st.sampled_from(HEADER_WORDS), st.sampled_from(HEADER_WORDS).map(str.upper), UNICODE_TEXT,
                    st.none(), st.integers(-10, 10))
CELL_VALUES = st.one_of(
    st.none(), st.just(""), st.booleans(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=True),
    st.floats(min_value=-1e15, max_value=1e15), st.integers(100_000_000, 999_999_999),
    st.dates(min_value=date(1900, 3, 1)), st.datetimes(min_value=datetime(1900, 3, 1)), st.times(),
    st.sampled_from(["=A1", "=SUM(A1:A3)", "=1/0", "=\"Nguyễn\"&\"Văn A\"", "+84912345678", "0912345678",
                     "a@b.vn", "Có", "Không", "Vắng", "có lẽ", "@", "-", "x" * 40_000]),
    UNICODE_TEXT, st.sampled_from(HEADER_WORDS),
)


def _cell_safe(value):
    """openpyxl refuses control characters in cells, as Excel does."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return _xml_safe(ILLEGAL_CHARACTERS_RE.sub("", value))[:32_767]
    return value


@st.composite
def workbooks(draw) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheets = [book.active]
    sheets += [book.create_sheet() for _ in range(draw(st.integers(0, 3)))]
    for sheet in sheets:
        if draw(st.booleans()):
            title = _cell_safe(draw(st.one_of(st.sampled_from([attendees_xlsx.LIST_SHEET, "Đăng ký"]),
                                              st.text(max_size=31)))).translate(dict.fromkeys(map(ord, "[]:*?/\\")))
            if title and title not in book.sheetnames:
                sheet.title = title[:31]
        blank_rows = draw(st.integers(0, 3))
        if draw(st.integers(0, 3)):  # mostly a header the reader recognises, with junk columns among it
            header = draw(st.lists(st.sampled_from(HEADER_WORDS), min_size=1, max_size=8))
            header.insert(draw(st.integers(0, len(header))), draw(st.sampled_from(NAME_OR_UNIT)))
            for _ in range(draw(st.integers(0, 3))):
                header.insert(draw(st.integers(0, len(header))), draw(HEADERS))
        else:
            header = draw(st.lists(HEADERS, min_size=1, max_size=9))
        width = len(header)
        for _ in range(blank_rows):
            sheet.append([])
        sheet.append([_cell_safe(v) for v in header])
        for _ in range(draw(st.integers(0, 12))):
            sheet.append([_cell_safe(draw(CELL_VALUES)) for _ in range(draw(st.integers(0, width + 2)))])
        for _ in range(draw(st.integers(0, 2))):
            row, col = draw(st.integers(1, blank_rows + 8)), draw(st.integers(1, width + 1))
            sheet.merge_cells(start_row=row, start_column=col, end_row=row + draw(st.integers(0, 2)),
                              end_column=col + draw(st.integers(0, 2)))
    if draw(st.booleans()):
        book.active = draw(st.integers(0, len(sheets) - 1))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@FUZZ
@given(data=workbooks())
def test_fuzz_read_workbook(workdir, data):
    path = workdir / "danh-sach.xlsx"
    path.write_bytes(data)
    returns_or_refuses(attendees_xlsx.read_workbook, path)


def _sample_xlsx() -> list[bytes]:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Đăng ký"
    sheet.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Điện thoại", "Email", "Phản hồi"])
    for i in range(20):
        sheet.append([i + 1, f"Nguyễn Văn {i}", "Bí thư", f"Chi đoàn {i}", f"09123456{i:02d}", f"a{i}@x.vn", "Có"])
    sheet.merge_cells("A23:D23")
    out = io.BytesIO()
    book.save(out)
    return [out.getvalue()]


SAMPLE_XLSX = _sample_xlsx()
XLSX_MEMBERS = ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml",
                "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "_rels/.rels", "docProps/app.xml"]
SHEET_XML = st.builds(
    lambda cells: ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                   + "".join(cells) + "</sheetData></worksheet>").encode(),
    st.lists(st.builds(lambda r, ref, t, v: f'<row r="{r}"><c r="{ref}" t="{t}"><v>{v}</v></c></row>',
                       st.sampled_from(["1", "2", "0", "-1", "x", "1048577", "99999999999"]),
                       st.sampled_from(["A1", "B2", "A0", "ZZZZ1", "1A", "", "XFD1048576"]),
                       st.sampled_from(["n", "s", "str", "b", "e", "d", "inlineStr", "x"]),
                       st.sampled_from(["1", "0", "x", "", "1e999", "nan", "99999", "-1", "2024-13-45"])),
             max_size=6))


@st.composite
def corrupted_xlsx(draw) -> bytes:
    original = draw(st.sampled_from(SAMPLE_XLSX))
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(mutated_bytes([original]))
    member = draw(st.sampled_from(XLSX_MEMBERS))
    if kind == 1:
        replace = {member: draw(st.one_of(BAD_XML, mutated_xml(_member(original, member))))}
    elif kind == 2:
        replace = {member: None}
    else:
        replace = {"xl/worksheets/sheet1.xml": draw(SHEET_XML)}
    extra = draw(st.dictionaries(st.one_of(MEMBER_NAMES, st.sampled_from(XLSX_MEMBERS)), st.binary(max_size=100),
                                 max_size=2))
    return _rezip(original, replace, extra, draw(METHODS))


@FUZZ
@given(data=corrupted_xlsx())
def test_fuzz_read_workbook_corrupted(workdir, data):
    path = workdir / "hong.xlsx"
    path.write_bytes(data)
    returns_or_refuses(attendees_xlsx.read_workbook, path)

