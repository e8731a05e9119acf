"""Word and Excel files from outside that are damaged or hostile: zip bombs
refused before anything is unpacked, and the crashes fuzzing found
(tests/fuzz), each now a UserError naming the file."""
import io
import struct
import zipfile
import zlib

import docx
import pytest
from openpyxl import Workbook

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.formats.attendees_xlsx import read_workbook
from kehoach_desktop.formats.plan_import import import_plan
from kehoach_desktop.formats.plan_import.source import read_lines

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1024 * 1024


def word_file(lines=("KẾ HOẠCH", "Tổ chức Ngày hội", "I. MỤC ĐÍCH")) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def excel_file() -> bytes:
    book = Workbook()
    book.active.title = "Đăng ký"
    book.active.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị"])
    book.active.append([1, "Nguyễn Văn A", "Bí thư", "Chi đoàn 1"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rezip(original: bytes, replace: dict, method=zipfile.ZIP_DEFLATED) -> bytes:
    """The package with some parts replaced (bytes, or a function writing
    the part to an open member)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(out, "w", method) as dst:
        names = src.namelist()
        for name in names + [n for n in replace if n not in names]:
            data = replace.get(name, src.read(name) if name in names else b"")
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            if callable(data):
                with dst.open(info, "w", force_zip64=True) as member:
                    data(member)
            else:
                dst.writestr(info, data)
    return out.getvalue()


def zeros(megabytes: int):
    """Writes that many MB of zeros, a MB at a time (deflated to about 1/1000)."""
    def write(member):
        chunk = bytes(MB)
        for _ in range(megabytes):
            member.write(chunk)
    return write


def patch_headers(data: bytes, name: str, *, size=None, crc=None, flags=None) -> bytes:
    """Rewrites a part's declared size, checksum or flags in both its local
    header and the central directory: a header that lies."""
    data, encoded = bytearray(data), name.encode()
    for signature, flags_at, crc_at, size_at, name_at in ((b"PK\x03\x04", 6, 14, 22, 30),
                                                          (b"PK\x01\x02", 8, 16, 24, 46)):
        at = data.find(signature)
        while at != -1:
            if data[at + name_at:at + name_at + len(encoded)] == encoded:
                if size is not None:
                    struct.pack_into("<I", data, at + size_at, size)
                if crc is not None:
                    struct.pack_into("<I", data, at + crc_at, crc)
                if flags is not None:
                    struct.pack_into("<H", data, at + flags_at, flags)
            at = data.find(signature, at + 1)
    return bytes(data)


@pytest.fixture
def forbid_unpacking(monkeypatch):
    """Once called, fails the test if any part of any zip is unpacked or
    openpyxl is asked to load a workbook."""
    def forbid():
        import openpyxl

        def refuse(*_args, **_kwargs):
            pytest.fail("a part was unpacked")
        for owner, name in ((zipfile.ZipExtFile, "read"), (zipfile.ZipExtFile, "read1"), (zipfile.ZipFile, "read"),
                            (openpyxl, "load_workbook")):
            monkeypatch.setattr(owner, name, refuse)
    return forbid


def refused(call, path, *fragments):
    with pytest.raises(UserError) as raised:
        call(path)
    message = str(raised.value)
    assert path.name in message, message
    for fragment in fragments:
        assert fragment in message, message
    return message


# ------------------------------------------------------------------ zip bombs
def test_a_word_file_of_200_mb_of_zeros_is_refused_before_unpacking(tmp_path, forbid_unpacking):
    path = tmp_path / "bom.docx"
    path.write_bytes(rezip(word_file(), {"word/document.xml": zeros(200)}))
    assert path.stat().st_size < 1 * MB
    forbid_unpacking()
    refused(import_plan, path, "quá lớn")


def test_an_excel_file_of_200_mb_of_zeros_is_refused_before_unpacking(tmp_path, forbid_unpacking):
    path = tmp_path / "bom.xlsx"
    path.write_bytes(rezip(excel_file(), {"xl/worksheets/sheet1.xml": zeros(200)}))
    assert path.stat().st_size < 1 * MB
    forbid_unpacking()
    refused(read_workbook, path, "giải nén ra quá lớn", "xl/worksheets/sheet1.xml", "64 MB")


def test_an_excel_file_whose_parts_add_up_to_too_much_is_refused_before_unpacking(tmp_path, forbid_unpacking):
    path = tmp_path / "nhieu.xlsx"
    path.write_bytes(rezip(excel_file(), {f"xl/media/image{i}.png": zeros(50) for i in range(3)}))
    forbid_unpacking()
    refused(read_workbook, path, "giải nén ra quá lớn (hơn 128 MB)")


@pytest.mark.parametrize("name, member, call", [
    ("noi-doi.docx", "word/document.xml", import_plan),
    ("noi-doi.xlsx", "xl/worksheets/sheet1.xml", read_workbook),
])
def test_a_part_whose_header_lies_about_its_size_is_refused_after_that_size(tmp_path, monkeypatch, name, member,
                                                                            call):
    """The header says 1 KB (with the checksum of the first KB, as a
    crafted file would): unpacking stops a piece past 1 KB, not at 100 MB."""
    original = word_file() if name.endswith(".docx") else excel_file()
    path = tmp_path / name
    path.write_bytes(patch_headers(rezip(original, {member: zeros(100)}), member, size=1024,
                                   crc=zlib.crc32(bytes(1024))))
    unpacked = []
    real_read = zipfile.ZipExtFile.read

    def counting_read(self, n=-1):
        data = real_read(self, n)
        unpacked.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)
    refused(call, path, "bị hỏng", member)
    assert sum(unpacked) < 2 * MB


def test_an_excel_file_with_a_password_is_refused_before_unpacking(tmp_path, forbid_unpacking):
    path = tmp_path / "mat-khau.xlsx"
    path.write_bytes(patch_headers(excel_file(), "xl/workbook.xml", flags=0x1))
    forbid_unpacking()
    refused(read_workbook, path, "có đặt mật khẩu")


@pytest.mark.parametrize("name, original", [("bzip2.docx", word_file), ("bzip2.xlsx", excel_file)])
def test_parts_compressed_in_a_way_office_never_uses_are_refused(tmp_path, name, original):
    """bzip2 unpacks a piece without any bound; Office only stores or deflates."""
    path = tmp_path / name
    path.write_bytes(rezip(original(), {}, method=zipfile.ZIP_BZIP2))
    refused(import_plan if name.endswith(".docx") else read_workbook, path, "nén theo kiểu bzip2")


# ------------------------------------------------------------------ Word files: found by fuzzing
def damaged_deflate(data: bytes, name: str) -> bytes:
    """The part's compressed bytes overwritten in the middle."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    data = bytearray(data)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2:start + info.compress_size // 2 + 16] = b"\xff" * 16
    return bytes(data)


def test_a_word_file_with_damaged_compressed_data_is_refused(tmp_path):
    """Was zlib.error: Error -3 while decompressing data."""
    path = tmp_path / "hong.docx"
    path.write_bytes(damaged_deflate(word_file([f"Dòng thứ {i} của kế hoạch" for i in range(300)]),
                                     "word/document.xml"))
    refused(import_plan, path, "tệp .docx bị hỏng", "word/document.xml")


def test_a_word_file_nested_too_deep_is_refused(tmp_path):
    """Was RecursionError: 2,000 content controls one inside the other."""
    body = "<w:sdt><w:sdtContent>" * 2000 + "<w:p><w:r><w:t>Chữ</w:t></w:r></w:p>" + \
        "</w:sdtContent></w:sdt>" * 2000
    xml = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    path = tmp_path / "sau.docx"
    path.write_bytes(rezip(word_file(), {"word/document.xml": xml.encode()}))
    refused(import_plan, path, "lồng vào nhau quá 100 tầng", "word/document.xml")


NUMBERED = (f'<w:document xmlns:w="{W_NS}"><w:body>'
            + '<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
              '<w:r><w:t>MỤC ĐÍCH</w:t></w:r></w:p>' * 2
            + "</w:body></w:document>")
NUMBERING = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1">'
             '<w:lvl w:ilvl="{lvl}"><w:start w:val="{start}"/><w:numFmt w:val="upperRoman"/>'
             '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/>'
             '<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{override}"/></w:lvlOverride></w:num>'
             '</w:numbering>')


@pytest.mark.parametrize("ilvl, lvl, start, override, labels", [
    ("0", "0", "x", "", ["I. MỤC ĐÍCH", "II. MỤC ĐÍCH"]),  # was ValueError: invalid literal for int()
    ("x", "0", "", "x", ["I. MỤC ĐÍCH", "II. MỤC ĐÍCH"]),
    ("0", "zz", "1", "1", ["MỤC ĐÍCH", "MỤC ĐÍCH"]),  # a level that is no level labels nothing
    ("0", "0", "9" * 5000, "", ["I. MỤC ĐÍCH", "II. MỤC ĐÍCH"]),  # was ValueError: exceeds the limit (4300 digits)
    ("0", "0", "99999999999999999999", "", ["I. MỤC ĐÍCH", "II. MỤC ĐÍCH"]),  # was a hang: roman(10**20)
    ("0", "0", "3", "99999999999999999999", ["III. MỤC ĐÍCH", "IV. MỤC ĐÍCH"]),
])
def test_word_numbering_with_values_that_are_not_numbers(tmp_path, ilvl, lvl, start, override, labels):
    """A damaged numbering part gives the default, as Word reads it, instead of a crash."""
    path = tmp_path / "danh-so.docx"
    path.write_bytes(rezip(word_file(), {
        "word/document.xml": NUMBERED.replace("{ilvl}", ilvl).encode(),
        "word/numbering.xml": NUMBERING.format(lvl=lvl, start=start, override=override).encode()}))
    assert [line for line in read_lines(path) if line] == labels


# ------------------------------------------------------------------ Excel files: found by fuzzing
def sheet_xml(cells: str, after: str = "") -> bytes:
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>Đơn vị</t></is></c></row>'
            f"{cells}</sheetData>{after}</worksheet>").encode()


@pytest.mark.parametrize("cells", [
    '<row r="2"><c r="1A"><v>1</v></c></row>',  # was ValueError: invalid literal for int()
    '<row r="2"><c r="ZZZZ2"><v>1</v></c></row>',  # was ValueError: not a valid column name
    '<row r="2"><c r="A2" t="s"><v>99999</v></c></row>',  # was IndexError: a shared string that is not there
    '<row r="2"><c r="A2" t="n"><v>x</v></c></row>',  # was ValueError
    '<row r="2"><c r="A2" t="d"><v>2024-13-45</v></c></row>',  # was ValueError: month must be in 1..12
])
def test_an_excel_sheet_openpyxl_cannot_read_is_named_with_the_row(tmp_path, cells):
    path = tmp_path / "hong.xlsx"
    path.write_bytes(rezip(excel_file(), {"xl/worksheets/sheet1.xml": sheet_xml(cells)}))
    refused(read_workbook, path, "trang “Đăng ký”, sau dòng 1: trang tính bị hỏng, không đọc được")


def test_an_excel_sheet_cut_short_is_refused(tmp_path):
    """Was XMLSyntaxError (lxml) or ParseError (ElementTree)."""
    path = tmp_path / "cut.xlsx"
    path.write_bytes(rezip(excel_file(), {"xl/worksheets/sheet1.xml": sheet_xml('<row r="2">')[:-20]}))
    refused(read_workbook, path, "bị hỏng")


def test_broken_merged_cells_are_named(tmp_path):
    """Was ValueError from CellRange: the merged ranges are read after the header."""
    path = tmp_path / "gop.xlsx"
    sheet = sheet_xml('<row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn Văn A</t></is></c></row>',
                      '<mergeCells count="1"><mergeCell ref="1A:ZZ"/></mergeCells>')
    path.write_bytes(rezip(excel_file(), {"xl/worksheets/sheet1.xml": sheet}))
    refused(read_workbook, path, "vùng ô gộp không đọc được", "trang “Đăng ký”")


def test_an_excel_file_without_sheets_is_named(tmp_path):
    """Was IndexError: list index out of range (book.worksheets[0])."""
    path = tmp_path / "khong-trang.xlsx"
    workbook = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets/></workbook>')
    path.write_bytes(rezip(excel_file(), {"xl/workbook.xml": workbook.encode()}))
    refused(read_workbook, path, "không có trang tính nào")


def test_an_excel_file_with_damaged_compressed_data_is_refused(tmp_path):
    """Was zlib.error: Error -3 while decompressing data."""
    path = tmp_path / "hong.xlsx"
    path.write_bytes(damaged_deflate(excel_file(), "xl/styles.xml"))
    refused(read_workbook, path, "tệp Excel bị hỏng", "xl/styles.xml")


def test_an_excel_workbook_part_with_a_wrong_type_is_refused(tmp_path):
    """Was TypeError from openpyxl's descriptors (expected <class 'int'>)."""
    with zipfile.ZipFile(io.BytesIO(excel_file())) as archive:
        workbook = archive.read("xl/workbook.xml").replace(b'sheetId="1"', b'sheetId="x"')
    path = tmp_path / "sai-kieu.xlsx"
    path.write_bytes(rezip(excel_file(), {"xl/workbook.xml": workbook}))
    refused(read_workbook, path, "tệp Excel bị hỏng")



@pytest.mark.parametrize("value", ["1e999", "-1E999"])
def test_a_phone_number_that_is_no_finite_number_is_named(tmp_path, value):
    """Was OverflowError: cannot convert float infinity to integer (openpyxl
    reads 1e999 as infinity; Excel never writes it, but a file can hold it)."""
    path = tmp_path / "so.xlsx"
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c>'
             '<c r="B1" t="inlineStr"><is><t>Điện thoại</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn Văn A</t></is></c>'
             f'<c r="B2" t="n"><v>{value}</v></c></row></sheetData></worksheet>')
    path.write_bytes(rezip(excel_file(), {"xl/worksheets/sheet1.xml": sheet.encode()}))
    refused(read_workbook, path, "dòng 2, cột B: số điện thoại không hợp lệ")
