"""Invitation letters: one page per invitee (or per unit), numbered and dated
or marked as a draft, read back from the Word file and from LibreOffice's
PDF; the QR code read back from the image in the file."""
import io
import re
import subprocess
from dataclasses import replace
from datetime import date

import docx
import pytest
import segno
from conftest import FIXTURE_FILES, fixture_name
from docx.oxml.ns import qn
from PIL import Image

from kehoach_desktop.core import content as c
from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import Section
from kehoach_desktop.core.office import OfficeProfile
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.invitations_docx import DRAFT_MARK, QR_SCALE, letters_bytes, write_letters
from kehoach_desktop.formats.libreoffice import convert

OFFICE = OfficeProfile(invitation_code="TM", contact="đồng chí Nguyễn Văn A (Văn phòng), điện thoại 0909 123 456")
DAY = date(2026, 12, 6)
LONG_UNIT = "Đoàn Sở Lao động, Thương binh và Xã hội Thành phố Hồ Chí Minh – Chi đoàn Văn phòng Sở và các phòng ban"

# The invitees of each example as the plan reads them (see each plan's
# participants), without names: persons named by position, units invited as
# a whole, a row stored the old way (the whole participant line), a signer.
UNNAMED = {
    "000": [Attendee(position="Thường trực", unit="Thành Đoàn TP. Hồ Chí Minh", honorific="đồng chí",
                     group="Chủ trì Hội nghị"),
            Attendee(position="Kính mời đồng chí Thường trực Đảng ủy Khối Dân – Chính – Đảng Thành phố;",
                     group="Chủ trì Hội nghị"),
            Attendee("Nguyễn Đăng Khoa", "Bí thư", "Đoàn Khối Dân – Chính – Đảng Thành phố", "Chủ trì Hội nghị"),
            Attendee(position="Đại diện", unit="Ban Dân vận Thành ủy", whole_unit=True, group="Khách mời"),
            Attendee(position="Lãnh đạo", unit="Ban Dân vận Đảng ủy Khối", whole_unit=True, group="Khách mời"),
            Attendee(position="Đại diện Thường trực", unit=LONG_UNIT, whole_unit=True, group="Khách mời")],
    "001": [Attendee(position="Đại diện Thường trực", unit="Quận ủy", whole_unit=True, group="Chủ trì hội nghị"),
            Attendee(position="Mời lãnh đạo Ban Dân vận Quận ủy", group="Chủ trì hội nghị"),
            Attendee(position="Đại diện", unit="Ban Thường vụ Thành Đoàn", whole_unit=True, group="Cấp thành phố"),
            Attendee(unit="Ban Thường vụ Quận Đoàn", whole_unit=True, group="Cấp quận"),
            Attendee(position="Bí thư", unit="Đoàn Phường Tân Chánh Hiệp", honorific="đồng chí", group="Cấp cơ sở")],
    "002": [Attendee(position="Đại diện Thường trực", unit="Thành ủy Thành phố Hồ Chí Minh", whole_unit=True,
                     group="Khách mời"),
            Attendee(position="Đại diện lãnh đạo", unit="Ban Tổ chức Thành ủy", head_count=2, whole_unit=True,
                     group="Khách mời"),
            Attendee(position="Thường trực", unit="Thành Đoàn", honorific="đồng chí", head_count=4,
                     group="Thành Đoàn"),
            Attendee("Ngô Minh Hải", "Phó Bí thư Thường trực", "Thành Đoàn", "Thành Đoàn"),
            Attendee("Trần Đoàn Trung", "Phó Chủ tịch Thường trực", "Liên đoàn Lao động Thành phố",
                     "Liên đoàn Lao động Thành phố")],
    "003": [Attendee(position="Mời đại diện Ban Thường vụ Thành Đoàn"),
            Attendee(position="Thường trực", unit="Đảng ủy Khối", honorific="đồng chí"),
            Attendee(position="Ủy viên Ban Chấp hành", unit="Đoàn Khối", honorific="đồng chí"),
            Attendee(position="Bí thư", unit="Đoàn Sở Tài chính", honorific="đồng chí")],
    "004": [Attendee(position="Lãnh đạo", unit="Ban Dân vận Đảng ủy Khối", whole_unit=True),
            Attendee(unit="Công đoàn cơ sở Sở Văn hóa và Thể thao", whole_unit=True),
            Attendee(position="Chủ tịch", unit="Hội Cựu chiến binh Khối", honorific="ông")],
}
NAMES = ["Nguyễn Văn Tâm", "Tôn Nữ Thị Hoàng Anh Phương Thảo", "Lê Văn Cường", "Phạm Thị Dung", "Võ Minh Em"]


def named(rows: list[Attendee]) -> list[Attendee]:
    """The same invitees with the names filled in, as the clerk does."""
    names = iter(NAMES)
    return [replace(r, name=next(names), honorific=r.honorific or "đồng chí") if r.needs_name else r for r in rows]


def coded(rows: list[Attendee]) -> list[Attendee]:
    return [replace(r, code=f"K{i:05d}".replace("0", "A").replace("1", "B")) for i, r in enumerate(rows)]


def long_agenda(plan):
    """The plan with a programme of 25 long items in its own section."""
    slots = [c.ProgrammeSlot(text=f"Phát biểu tham luận của đơn vị thứ {i + 1} về kết quả phối hợp hoạt động "
                                  "và phương hướng của năm tới") for i in range(25)]
    return replace(plan, sections=[Section("CHƯƠNG TRÌNH HỘI NGHỊ", c.Programme(slots)), *plan.sections])


def letter_texts(data: bytes) -> list[str]:
    """The text of each letter (section) of the file, paragraphs and table cells in order."""
    body = docx.Document(io.BytesIO(data)).element.body
    letters, current = [], []
    for child in body.iterchildren():
        if child.tag == qn("w:sectPr"):
            break
        if child.tag == qn("w:p"):
            current.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            current += ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in child.iter(qn("w:p"))]
        if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            letters.append("\n".join(current))
            current = []
    letters.append("\n".join(current))
    return [text.replace("\xa0", " ") for text in letters]  # the header keeps "ngày 06 tháng…" together


def addressees(texts: list[str]) -> list[str]:
    return [line for text in texts for line in text.splitlines() if line.startswith("Kính gửi:")]


def check_letters(plan, texts: list[str], draft: bool) -> None:
    signers = [s.name for s in plan.signatures if s.name]
    for text in texts:
        assert text.count("Kính gửi:") == 1
        for wrong in ("Kính gửi: Kính mời", "Kính gửi: Đại diện", "Kính gửi: Mời", "Kính gửi: Lãnh đạo"):
            assert wrong.casefold() not in text.casefold(), text
        line = next(x for x in text.splitlines() if x.startswith("Kính gửi:"))
        assert not any(name in line for name in signers), line
        assert "Trân trọng kính mời." in text.replace("./.", ".")
        assert plan.signatures[-1].authority_line.upper() in text
        assert "Mọi chi tiết xin liên hệ: đồng chí Nguyễn Văn A" in text
        if draft:
            assert DRAFT_MARK in text
            assert re.search(r"Số:? +-TM/", text) and "ngày      tháng      năm" in text
        else:
            assert DRAFT_MARK not in text
            assert re.search(r"Số:? 07-TM/[A-ZĐ]", text), text
            assert "ngày 06 tháng 12 năm 2026" in text


def batches(tmp_path):
    """Every example, without names and with names, a draft and numbered, one
    per unit too, and one with a long agenda: (plan, path, letters expected)."""
    made = []
    for fixture in FIXTURE_FILES:
        key = fixture_name(fixture)[:3]
        plan = kehoach_json.read_file(fixture)
        for label, rows in (("unnamed", UNNAMED[key]), ("named", coded(named(UNNAMED[key])))):
            for draft in (True, False):
                path = tmp_path / f"{key}-{label}-{'draft' if draft else 'numbered'}.docx"
                write_letters(plan, rows, path, office=OFFICE, number=None if draft else 7, day=DAY)
                made.append((plan, path, draft))
        path = tmp_path / f"{key}-long-agenda.docx"
        write_letters(long_agenda(plan), coded(named(UNNAMED[key])), path, office=OFFICE, number=7, day=DAY)
        made.append((long_agenda(plan), path, False))
        path = tmp_path / f"{key}-per-unit.docx"
        write_letters(plan, coded(named(UNNAMED[key])), path, per_unit=True, office=OFFICE)
        made.append((plan, path, True))
        path = tmp_path / f"{key}-crowded.docx"
        write_letters(long_agenda(plan), CROWDED, path, per_unit=True, office=OFFICE, number=7, day=DAY)
        made.append((long_agenda(plan), path, False))
    return made


# A unit sending twelve people, and units whose names run over several lines.
CROWDED = [Attendee(f"Nguyễn Văn Thứ {i}", "Ủy viên Ban Chấp hành", "Quận Đoàn 3", honorific="đồng chí")
           for i in range(12)] + [
    Attendee(position="Đại diện Thường trực", unit=" và ".join([LONG_UNIT] * n), whole_unit=True, code="ABCDEF")
    for n in (1, 2, 3)]


def test_letters_of_the_five_examples_read_right(tmp_path):
    for plan, path, draft in batches(tmp_path):
        texts = letter_texts(path.read_bytes())
        check_letters(plan, texts, draft)


@pytest.mark.usefixtures("libreoffice", "poppler")
def test_each_letter_is_one_page_in_libreoffice(tmp_path):
    made = batches(tmp_path)
    pdfs = convert([path for _, path, _ in made], "pdf", tmp_path / "pdf")
    for (_, path, _), pdf in zip(made, pdfs, strict=True):
        letters = len(letter_texts(path.read_bytes()))
        pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        pages = [page for page in pages if page.strip()]
        assert len(pages) == letters, (path.name, len(pages), letters)
        assert all(page.count("Kính gửi:") == 1 for page in pages), path.name


def test_the_letters_of_example_000(tmp_path):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    texts = letter_texts(letters_bytes(plan, coded(named(UNNAMED["000"])), office=OFFICE, number=7, day=DAY))
    # the plan's signer is left out; the rest in the plan's group order
    assert addressees(texts) == [
        "Kính gửi: Đồng chí Nguyễn Văn Tâm, Thường trực Thành Đoàn TP. Hồ Chí Minh",
        "Kính gửi: Đồng chí Tôn Nữ Thị Hoàng Anh Phương Thảo, Thường trực Đảng ủy Khối Dân – Chính – Đảng Thành phố",
        "Kính gửi: Ban Dân vận Đảng ủy Khối",
        "Kính gửi: Ban Dân vận Thành ủy",
        f"Kính gửi: Thường trực {LONG_UNIT}"]
    first = texts[0]
    assert "THƯ MỜI" in first and "Số: 07-TM/ĐTN" in first
    assert "TP. Hồ Chí Minh, ngày 06 tháng 12 năm 2026" in first
    assert ("Trân trọng kính mời đồng chí đến dự Hội nghị sơ kết chương trình phối hợp hoạt động của Đoàn Khối "
            "Dân – Chính – Đảng Thành phố") in first
    assert "Thời gian: 08g00 ngày 31 tháng 01 năm 2023 (thứ Ba)." in first
    assert "Địa điểm: Trung tâm Hội nghị 272 (Số 272 Võ Thị Sáu, Phường Võ Thị Sáu, Quận 3)." in first
    assert "07g00 – 08g00: Đón tiếp đại biểu và phục vụ ăn sáng;" in first
    assert "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI" in first and "Nguyễn Đăng Khoa" in first
    assert "Trân trọng kính mời lãnh đạo đơn vị đến dự" in texts[2]


def test_giay_moi_and_the_office_issuer_code():
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.number.issuer_codes = []
    office = replace(OFFICE, invitation_code="GM", issuer_code="TĐTN")
    text = letter_texts(letters_bytes(plan, [Attendee(unit="Đoàn Phường 5")], office=office, number=12, day=DAY))[0]
    assert "GIẤY MỜI" in text and "THƯ MỜI" not in text and "Số: 12-GM/TĐTN" in text
    # numbered without a day: dated the day it is printed
    text = letter_texts(letters_bytes(plan, [Attendee(unit="Đoàn Phường 5")], number=3))[0]
    assert f"năm {date.today().year}" in text and "Số: 03-TM/" in text


def test_one_letter_per_unit():
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    rows = [Attendee("Lê Thị Bình", "Phó Bí thư", "Quận Đoàn 1", honorific="đồng chí"),
            Attendee("Trần Văn Cường", "Ủy viên", "Quận Đoàn 1", honorific="đồng chí"),
            Attendee(position="Đại diện lãnh đạo", unit="Ban Dân vận Thành ủy", head_count=2, whole_unit=True),
            Attendee("Không Đơn Vị", honorific="ông")]  # no unit: no unit's letter
    texts = letter_texts(letters_bytes(plan, rows, per_unit=True))
    assert addressees(texts) == ["Kính gửi: Ban Dân vận Thành ủy", "Kính gửi: Quận Đoàn 1"]  # unnamed first
    assert "Trân trọng kính mời đại diện lãnh đạo đơn vị (02 đồng chí) đến dự" in texts[0]
    assert "Trân trọng kính mời Quý đơn vị cử đại biểu (02 đồng chí) đến dự" in texts[1]
    assert "Đại biểu được mời: đồng chí Lê Thị Bình, Phó Bí thư; đồng chí Trần Văn Cường, Ủy viên." in texts[1]


def qr_matrix(png: bytes) -> list[list[bool]]:
    """The modules of a QR code read back from its PNG (dark = True), quiet zone off."""
    image = Image.open(io.BytesIO(png)).convert("L")
    cells = image.width // QR_SCALE
    dark = [[image.getpixel((x * QR_SCALE + QR_SCALE // 2, y * QR_SCALE + QR_SCALE // 2)) < 128
             for x in range(cells)] for y in range(cells)]
    inked = [i for i, r in enumerate(dark) if any(r)]  # the finder patterns mark the symbol's corners
    top, bottom = inked[0], inked[-1] + 1
    left = min(r.index(True) for r in dark[top:bottom] if any(r))
    return [r[left:left + bottom - top] for r in dark[top:bottom]]


def test_the_qr_code_reads_back_as_the_invitees_code():
    rows = [Attendee("Lê Thị Bình", unit="Quận Đoàn 1", code="7KQ2MP"), Attendee("Trần An", unit="Sở Y tế", code="")]
    # one signer: the code under "Nơi nhận"; two signers: beside it
    for plan in map(kehoach_json.read_file, (FIXTURE_FILES[0], FIXTURE_FILES[2])):
        document = docx.Document(io.BytesIO(letters_bytes(plan, rows, number=1, day=DAY)))
        blips = document.element.body.findall(".//" + qn("a:blip"))
        assert len(blips) == 1  # the row without a code has no QR code
        png = document.part.related_parts[blips[0].get(qn("r:embed"))].blob
        assert png.startswith(b"\x89PNG")
        expected = [[bool(v) for v in row] for row in segno.make_qr("7KQ2MP", error="m").matrix]
        assert qr_matrix(png) == expected
        with_code = [t for t in letter_texts(document_bytes(document)) if "7KQ2MP" in t]  # in text under it
        assert len(with_code) == 1 and "Lê Thị Bình" in with_code[0]


def document_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_no_invitees_no_letters():
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    with pytest.raises(UserError, match="chưa có ai"):
        letters_bytes(plan, [])
    with pytest.raises(UserError, match="chưa có ai"):  # only the plan's own signer
        letters_bytes(plan, [Attendee("Nguyễn Đăng Khoa", "Bí thư")])
    with pytest.raises(UserError, match="chưa có ai có đơn vị"):
        letters_bytes(plan, [Attendee("Lê An")], per_unit=True)
