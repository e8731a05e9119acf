"""A hypothesis strategy for plan texts as other offices' web pages and
Word files give them, for the property "nothing lost" (issue 20).

A generated plan is a list of parts in the order the text export prints a
plan (header left column, header right column, title, preamble, sections,
closing, recipients and signatures): ``reference`` gives their words in that
order, which is what the export of the imported plan must contain, in
order. ``text`` is the same parts laid out as a source would: the header's
two columns flattened in one of the arrangements web pages make, the
signature before or after the recipients or beside them, lines broken inside
sentences, blank lines anywhere, odd characters.

The words and phrases come from the five examples (tests/fixtures/plans) and
the plans of tests/fixtures/other_offices that are not kept aside
(HELD_OUT.txt), typed here so that the strategy does not change with the
fixtures.
"""
from __future__ import annotations

import re
import unicodedata

from doc_compare import words
from hypothesis import assume
from hypothesis import strategies as st

# ------------------------------------------------------------------ words
SUPERIOR = ["THÀNH ĐOÀN TP. HỒ CHÍ MINH", "BAN CHẤP HÀNH TRUNG ƯƠNG", "TỈNH ĐOÀN ĐỒNG THÁP",
            "BCH QUẬN ĐOÀN QUẬN 6", "HỘI SINH VIÊN VIỆT NAM", "ĐOÀN TRƯỜNG ĐẠI HỌC VINH"]
ISSUING = ["BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP", "BCH ĐOÀN THPT PHÚ LÂM", "BCH HUYỆN ĐOÀN LẤP VÒ",
           "BCH CHI ĐOÀN THCS KHÁNH THƯỢNG", "BAN CHẤP HÀNH QUẬN ĐOÀN 12", "BCH TP. HỒ CHÍ MINH"]
STATE_SUPERIOR = ["UBND QUẬN TÂN BÌNH", "ỦY BAN NHÂN DÂN TỈNH CÀ MAU"]
STATE_ISSUING = ["ỦY BAN NHÂN DÂN PHƯỜNG 9", "ỦY BAN NHÂN DÂN", "HỘI LHTN VIỆT NAM HUYỆN LẤP VÒ"]
YOUTH_ORGANISATION = "ĐOÀN TNCS HỒ CHÍ MINH"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBERS = ["Số: 37-KH/ĐTN", "Số: 80/KHĐH/PL-ĐTN", "Số: 10/KH-BTK", "Số: 225-KH/TWĐTN-CTTN", "Số: 12/KH-UBND",
           "Số: 81-KH/ĐTN", "Số: 246-KH/TĐTN-TCKT"]
PLACES = ["TP. Hồ Chí Minh", "Quận 6", "Hà Nội", "Lấp Vò", "Thành phố Hồ Chí Minh", "Phường 9"]
TYPES = ["KẾ HOẠCH", "KẾ HOẠCH LIÊN TỊCH", "CHƯƠNG TRÌNH"]
TITLE_LINES = ["Tổ chức Hội nghị sơ kết chương trình phối hợp hoạt động", "của Đoàn Khối Dân – Chính – Đảng Thành phố",
               "Tổ chức các hoạt động hè dành cho thiếu nhi năm 2024", "Đại hội đại biểu Trường THPT Phú Lâm",
               "nhiệm kỳ 2019 – 2020", "Tổ chức “Ngày Sinh viên” lần thứ 3 – Năm 2014",
               "Thực hiện công tác tuyên truyền Đại hội Đoàn các cấp", "TỔ CHỨC HOẠT ĐỘNG HÈ NĂM 2012"]
TITLE_RULES = ["-----", "-------", "¯¯¯", "----------------", "¯¯¯¯¯¯¯¯"]
PREAMBLE = ["Căn cứ Chương trình phối hợp hoạt động của Đoàn Khối Dân - Chính - Đảng Thành phố giai đoạn 2022 – 2027;",
            "Thực hiện chương trình công tác Đoàn và phong trào thanh thiếu nhi năm 2024, Ban Bí thư Trung ương "
            "Đoàn ban hành Kế hoạch tổ chức các hoạt động Hè dành cho thiếu nhi năm 2024, cụ thể như sau:",
            "Nhằm đẩy mạnh công tác chăm lo và tổ chức các hoạt động học tập, vui chơi giải trí cho thanh thiếu "
            "nhi trong mùa hè năm 2012, Ủy ban nhân dân phường 9 xây dựng kế hoạch như sau:"]
HEADINGS = ["MỤC ĐÍCH, YÊU CẦU", "MỤC ĐÍCH – YÊU CẦU", "THỜI GIAN – ĐỊA ĐIỂM", "NỘI DUNG", "THÀNH PHẦN THAM DỰ",
            "CHƯƠNG TRÌNH HỘI NGHỊ", "TỔ CHỨC THỰC HIỆN", "Mục đích", "Yêu cầu", "KINH PHÍ",
            "NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN", "ĐỐI TƯỢNG THAM GIA"]
SUBHEADINGS = ["Mục đích", "Yêu cầu", "Thời gian", "Địa điểm", "Đại hội trù bị", "Các hoạt động cấp thành",
               "Ban Thường vụ Đoàn Khối", "Các cơ sở Đoàn trực thuộc Đoàn Khối"]
SENTENCES = [
    "Đánh giá kết quả thực hiện các nội dung phối hợp trong công tác Đoàn và phong trào thanh thiếu nhi năm 2022.",
    "Công tác tổ chức chu đáo, đảm bảo chất lượng và hiệu quả.",
    "Tuân thủ các yêu cầu về phòng, chống dịch bệnh Covid-19 theo quy định trong quá trình tổ chức hội nghị.",
    "Dự kiến 08g00 ngày 31 tháng 01 năm 2023 (thứ Ba).",
    "Trung tâm Hội nghị 272 (Số 272 Võ Thị Sáu, Phường Võ Thị Sáu, Quận 3).",
    "Kính mời đồng chí Thường trực Thành Đoàn TP. Hồ Chí Minh;",
    "Đại diện Thường trực Quận – Huyện Đoàn và Thành Đoàn Thành phố Thủ Đức;",
    "Phát huy vai trò xung kích, tình nguyện của đoàn viên, thanh niên, cán bộ phụ trách thiếu nhi.",
    "Tổ chức trang trọng, đúng thành phần",
    "Thời gian: 16 giờ 20 phút ngày 24/10/2019 (thứ năm)",
    "Địa điểm: công viên Bách Tùng Diệp (ngã tư Nam Kỳ Khởi Nghĩa – Lý Tự Trọng, Quận 1).",
    "Nội dung: lễ dâng hoa báo công của sinh viên 5 tốt, của cán bộ Hội Sinh viên thành phố.",
    "Chuẩn bị tài liệu, tham luận, thông tin báo chí; xây dựng kịch bản; cơ sở vật chất tổ chức hội nghị:",
    "Góp ý dự thảo báo cáo sơ kết công tác phối hợp hoạt động năm 2022.",
    "Đảm bảo thành phần tham dự Hội nghị.",
    "Thu hút, tập hợp đông đảo thiếu nhi vào tham gia hoạt động, góp phần tạo sân chơi bổ ích, an toàn.",
    "Phòng Đào tạo – QLKH, các khoa không xếp lịch học vào ngày 26/11/2016.",
    "Đội ngũ y, bác sĩ, KTV khoa Xét nghiệm BVĐK tỉnh Lâm Đồng tổ chức lấy máu cho đoàn viên thanh niên.",
    "Mỗi cơ sở Đoàn cử 05 đồng chí tham dự; đăng ký về Văn phòng trước ngày 20/10/2019.",
    "07g00 – 08g00: Đón tiếp đại biểu và phục vụ ăn sáng.",
    "Kinh phí tổ chức: 5.000.000 đồng (Năm triệu đồng).",
    "Hưởng ứng cuộc vận động “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”;",
    "Tổ chức Ngày hội “Hiến máu tình nguyện” lần 2, năm 2016 trong cán bộ, đoàn viên thanh niên toàn trường.",
    "Huy động mọi lực lượng, thu hút sự quan tâm của các cấp các ngành trong công tác bảo vệ thiếu niên nhi đồng",
    "(Dự kiến: 60 đồng chí)",
    "Từ ngày 01 đến ngày 15/3/2020: các cơ sở Đoàn đăng ký tham gia.",
    "08g00 – 08g15: Văn nghệ chào mừng.",
    "Ghi chú: các đơn vị gửi danh sách về Văn phòng Đoàn Khối.",
    "Thời gian: 07 giờ 30, Chủ nhật, ngày 05/01/2014.",
    "Kính mời đồng chí Thường trực Đảng ủy Khối Dân – Chính – Đảng Thành phố;",
    "Đồng chí Bí thư Đoàn Khối Dân – Chính – Đảng Thành phố.",
    "Ban Thường vụ Đoàn Khối: chịu trách nhiệm chỉ đạo chung.",
    "Văn phòng Đoàn Khối phối hợp Ban Tổ chức chuẩn bị cơ sở vật chất.",
    "HỘI NGHỊ SƠ KẾT CHƯƠNG TRÌNH PHỐI HỢP HOẠT ĐỘNG",
    "TP. Hồ Chí Minh, ngày 31 tháng 01 năm 2023",
]
CLOSINGS = ["Trên đây là Kế hoạch tổ chức Hội nghị sơ kết chương trình phối hợp hoạt động năm 2022.",
            "Trên đây là kế hoạch tổ chức các hoạt động hè năm 2024, đề nghị các cơ sở Đoàn triển khai thực hiện./.",
            "Đề nghị các cơ sở Đoàn nghiêm túc triển khai thực hiện."]
RECIPIENTS = ["Thành Đoàn: Thường trực, Ban CNLĐ, Ban Thiếu nhi;", "Đảng ủy Khối: Thường trực, Ban Dân vận;",
              "Các Quận – Huyện Đoàn;", "Cơ sở Đoàn có tên;", "Lưu: VP.", "Lưu VP", "Như trên;",
              "Thường trực Quận ủy;", "Lưu (VT-LT)."]
AUTHORITIES = ["TM. BAN THƯỜNG VỤ ĐOÀN KHỐI", "TM. BAN CHẤP HÀNH", "KT. BÍ THƯ", "TM. ỦY BAN NHÂN DÂN",
               "TM. BCH ĐOÀN TRƯỜNG", "TM BAN THƯỜNG VỤ HUYỆN ĐOÀN", "TM. BAN THƯỜNG VỤ"]
POSITIONS = ["BÍ THƯ", "PHÓ BÍ THƯ", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "BÍ THƯ ĐOÀN TRƯỜNG"]
NAMES = ["Nguyễn Đăng Khoa", "Trần Thị Mai", "Lê Văn Hùng", "Phạm Minh Tuấn", "NGUYỄN VĂN AN", "Võ Thị Hồng Nhung"]
NOTES = ["(Đã ký)", "(Ký tên, đóng dấu)", "(đã ký)", "Đã ký", "(Ký, ghi rõ họ tên)"]


class PlanText:
    """A generated plan: the text as the source gives it, and the words the
    export of the imported plan must hold, in order. (Not a dataclass:
    hypothesis would print a dataclass field by field, not its __repr__.)"""

    def __init__(self, text: str, reference: list[str], parts: list[tuple[str, list[str]]], layout: str,
                 flattening: str, lettered_under_title: bool = False):
        self.text = text
        self.reference = reference
        self.parts = parts  # (part, lines) in the export's order, for a readable failure
        self.layout = layout  # "youth" or "state": the header's layout
        self.flattening = flattening  # how the header's two columns were flattened (_flattened)
        # Lettered sections ("A. MỤC ĐÍCH") right under the title, no rule or preamble between.
        self.lettered_under_title = lettered_under_title

    def words_after_header(self) -> list[str]:
        """The reference's words from the title on."""
        return [word for name, lines in self.parts if not name.startswith("header")
                for line in lines for word in words(line)]

    def __repr__(self) -> str:
        """Readable in a falsifying example: the parts, then the text line by line."""
        shown = "\n".join(f"  {name}: {lines!r}" for name, lines in self.parts)
        source = "\n".join(f"  | {line!r}" for line in self.text.split("\n"))
        return (f"PlanText({self.layout} header, {self.flattening}\n"
                f"parts in the export's order:\n{shown}\nsource text:\n{source}\n)")


# ---------------------------------------------------------------- layout
def _broken(draw, line: str) -> list[str]:
    """A line as a web page may break it: between words, at any place."""
    parts = line.split(" ")
    if len(parts) < 4 or not draw(st.integers(0, 3)) == 0:
        return [line]
    at = draw(st.integers(2, len(parts) - 1))
    # Not before "2022." or "a)": doc_compare takes such a line's start for numbering and leaves it out.
    assume(not re.match(r"^(?:\d+(?:\.\d+)*|[a-zđ])[.)](?:\s|$)", parts[at], re.I))
    return [" ".join(parts[:at]), " ".join(parts[at:])]


def _groups(draw, line: str) -> list[str]:
    """A header line cut into word groups, one per line, as some pages flatten a table."""
    parts = line.split(" ")
    if len(parts) < 3:
        return [line]
    at = draw(st.integers(1, len(parts) - 1))
    return [" ".join(parts[:at]), " ".join(parts[at:])]


def _header(draw, layouts: tuple[str, ...]) -> tuple[bool, list[str], list[str], list[str], list[str]]:
    """The header's left and right columns as printed, and the same two in the
    export's order (stars and rules left out: not words)."""
    state = draw(st.sampled_from(layouts)) == "state"
    date = draw(st.dates(min_value=__import__("datetime").date(2005, 1, 1),
                         max_value=__import__("datetime").date(2025, 12, 31)))
    place = draw(st.sampled_from(PLACES))
    day, month = (f"{date.day:02d}", str(date.month)) if date.month > 2 else (f"{date.day:02d}", f"{date.month:02d}")
    place_date = f"{place}, ngày {day} tháng {month} năm {date.year}"
    number = draw(st.sampled_from(NUMBERS))
    left: list[str] = []
    if state:
        if draw(st.booleans()):
            left.append(draw(st.sampled_from(STATE_SUPERIOR)))
        left.append(draw(st.sampled_from(STATE_ISSUING)))
        if draw(st.booleans()):
            left.append(draw(st.sampled_from(["-----", "¯¯¯¯¯"])))
        right = [NATION, MOTTO]
        if draw(st.booleans()):
            right.append(draw(st.sampled_from(["-----", "---o0o---", "¯¯¯"])))
        # In the State layout the number sits at the left, under the body; the date at the right.
        left.append(number)
        right.append(place_date)
        export_left, export_right = [x for x in left if words(x)], [x for x in right if words(x)]
        return state, left, right, export_left, export_right
    if draw(st.booleans()):
        left.append(draw(st.sampled_from(SUPERIOR)))
    left.append(draw(st.sampled_from(ISSUING)))
    left.append(draw(st.sampled_from(["***", "* * *", "-----"])))
    left.append(number)
    right = [YOUTH_ORGANISATION, place_date]
    return state, left, right, [x for x in left if words(x)], right


FLATTENINGS = ("left-right", "right-left", "interleaved", "joined", "groups", "number-after-date")


def _flattened(draw, how: str, left: list[str], right: list[str]) -> list[str]:
    """The two columns as a web page flattens them."""
    if how == "left-right":
        return left + right
    if how == "right-left":
        return right + left
    if how == "number-after-date":
        number = [x for x in left if x.startswith("Số")]
        return [x for x in left if x not in number] + right + number
    rows = max(len(left), len(right))
    lpad, rpad = left + [""] * (rows - len(left)), right + [""] * (rows - len(right))
    if how == "interleaved":
        return [x for pair in zip(lpad, rpad, strict=True) for x in pair if x]
    if how == "joined":
        sep = draw(st.sampled_from([" | ", "\t", "      "]))
        tail = draw(st.sampled_from(["", " |"])) if sep == " | " else ""
        return [f"{a}{sep}{b}{tail}".strip() for a, b in zip(lpad, rpad, strict=True)]
    out: list[str] = []
    for line in left + right:
        out += _groups(draw, line)
    return out


def _numeral(style: str, index: int) -> str:
    roman = ["I", "II", "III", "IV", "V", "VI"][index]
    return {"roman": f"{roman}.", "roman-slash": f"{roman}/", "roman-dash": f"{roman} –",
            "arabic": f"{index + 1}.", "letter": f"{'ABCDEF'[index]}."}[style]


def _section(draw, index: int, style: str) -> tuple[list[str], list[str]]:
    """A section: its source lines and the lines the export prints for it."""
    heading = draw(st.sampled_from(HEADINGS))
    head = f"{_numeral(style, index)} {heading}{draw(st.sampled_from(['', ':']))}"
    source = [head]
    printed = [heading]
    subs = draw(st.integers(0, 3))
    sub_style = draw(st.sampled_from(["arabic", "decimal", "letter"])) if style != "arabic" else "decimal"
    for s in range(subs + 1):
        if s:
            label = {"arabic": f"{s}.", "decimal": f"{index + 1}.{s}." if style == "arabic" else f"{s}.",
                     "letter": f"{'abcde'[s - 1]})"}[sub_style]
            text = draw(st.sampled_from(SUBHEADINGS)) + draw(st.sampled_from(["", ":"]))
            source.append(f"{label} {text}")
            printed.append(text)
        for _ in range(draw(st.integers(0 if s else 1, 3))):
            sentence = draw(st.sampled_from(SENTENCES))
            mark = draw(st.sampled_from(["- ", "– ", "+ ", "", "a) ", "1.1. ", "• ", "* ", "2.1.1. "]))
            lines = _broken(draw, mark + sentence)
            source += lines
            printed.append(sentence)
    return source, printed


def _signature(draw) -> tuple[list[str], list[str]]:
    """A signature block: its source lines (in one of the orders pages give)
    and its lines in the export's order."""
    authority = draw(st.sampled_from(AUTHORITIES))
    position = draw(st.sampled_from(POSITIONS))
    name = draw(st.sampled_from(NAMES))
    note = draw(st.sampled_from(["", *NOTES]))
    printed = [authority, position, *([note] if note else []), name]
    order = draw(st.sampled_from(["apn", "apn-gap", "anp", "pan"]))
    blank = [""] * draw(st.integers(0, 3))
    noted = [note] if note else []
    source = {"apn": [authority, position, *noted, name],
              "apn-gap": [authority, position, *blank, *noted, *blank, name],
              "anp": [authority, position, *blank, name, *noted],
              "pan": [authority, *noted, position, *blank, name]}[order]
    return source, printed


def _odd(draw, text: str) -> str:
    """Odd characters of copied text: decomposed Vietnamese, non-breaking
    spaces, Windows line ends."""
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    if draw(st.booleans()):
        text = text.replace(" ", "\u00a0", draw(st.integers(1, 20)))
    if draw(st.integers(0, 4)) == 0:
        text = text.replace("\n", "\r\n")
    return text


LAYOUTS = ("youth", "state")


@st.composite
def plan_texts(draw, layouts: tuple[str, ...] = LAYOUTS, flattenings: tuple[str, ...] = FLATTENINGS) -> PlanText:
    """A plan text whose header has one of ``layouts`` ("youth": the Youth
    Union's; "state": a People's Committee's or Hội LHTN's, with the nation's
    title and motto) flattened in one of ``flattenings``."""
    state, left, right, export_left, export_right = _header(draw, layouts)
    flattening = draw(st.sampled_from(flattenings))
    header = _flattened(draw, flattening, left, right)
    title = [draw(st.sampled_from(TYPES))]
    title += draw(st.lists(st.sampled_from(TITLE_LINES), min_size=1, max_size=3, unique=True))
    rule = draw(st.sampled_from(["", *TITLE_RULES]))
    preamble = draw(st.lists(st.sampled_from(PREAMBLE), max_size=2, unique=True))
    style = draw(st.sampled_from(["roman", "roman", "roman-slash", "roman-dash", "arabic", "letter"]))
    sections = [_section(draw, i, style) for i in range(draw(st.integers(2, 5)))]
    closing = draw(st.sampled_from(["", *CLOSINGS]))
    recipients = draw(st.lists(st.sampled_from(RECIPIENTS), min_size=0, max_size=4, unique=True))
    signatures = [_signature(draw) for _ in range(draw(st.integers(1, 2)))]

    back_source: list[str] = []
    recipients_source = ["Nơi nhận:", *(f"- {r}" for r in recipients)] if recipients else []
    signatures_source = [line for source, _ in signatures for line in [*source, ""]]
    back_order = draw(st.sampled_from(["recipients-first", "signatures-first", "side-by-side"]))
    if back_order == "side-by-side":  # a two-column table pasted as text: recipients left, signature right
        rows = max(len(recipients_source), len(signatures_source))
        left_column = recipients_source + [""] * (rows - len(recipients_source))
        right_column = signatures_source + [""] * (rows - len(signatures_source))
        back_source = [f"{a}\t{b}".rstrip() for a, b in zip(left_column, right_column, strict=True)]
    else:
        back_source = (recipients_source + [""] + signatures_source if back_order == "recipients-first"
                       else signatures_source + recipients_source)

    body: list[str] = []
    for line in preamble:
        body += _broken(draw, line)
    for source, _printed in sections:
        body += source
    if closing:
        body += _broken(draw, closing)

    lines = header + [""] + title + ([rule] if rule else []) + body + back_source
    # Blank lines anywhere, as web pages put them.
    spaced: list[str] = []
    for line in lines:
        spaced.append(line)
        if draw(st.integers(0, 5)) == 0:
            spaced.append("")
    text = _odd(draw, "\n".join(spaced))

    recipients_printed = ["Nơi nhận:", *recipients] if recipients else []
    signatures_printed = [line for _source, printed in signatures for line in printed]
    parts = [("header left", export_left), ("header right", export_right), ("title", title),
             ("preamble", preamble), *((f"section {i + 1}", printed) for i, (_s, printed) in enumerate(sections)),
             ("closing", [closing] if closing else [])]
    if len(signatures) > 1:
        parts += [("signatures", signatures_printed), ("recipients", recipients_printed)]
    else:
        parts += [("recipients", recipients_printed), ("signatures", signatures_printed)]
    reference = [word for _name, part in parts for line in part for word in words(line)]
    return PlanText(text, reference, parts, "state" if state else "youth", flattening,
                    lettered_under_title=style == "letter" and not rule and not preamble)
