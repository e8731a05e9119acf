"""The plans of the page-parity test (tests/formats/test_page_parity.py), and
the comparison it shares with ``bench/page_parity.py``.

The bench measured issue 18's baseline on 29 plans: the five examples, then
examples 000 and 002 with 1 to 12 filler paragraphs after the preamble (so
that every page break moves). Its functions (``page_ends``, ``compare_ends``,
``pdf_fonts``, ...) are the comparison; the test imports them from here, so
that the measurement and the test cannot count differently.

To those 29 this module adds plans built from the examples for what they do
not hold: three signers with their names, a title that wraps onto three lines
by itself, forty items in one list, and long lists of recipients (beside one
signature, and under two).
"""
from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from kehoach_desktop.core.budget import Budget, BudgetGroup, BudgetItem
from kehoach_desktop.core.content import FreeContent, Item, Paragraph, Subsection
from kehoach_desktop.core.model import Appendix, Plan, Section, Signature
from kehoach_desktop.core.roman import roman
from kehoach_desktop.core.tables import CellMerge, HeaderCell, Table, TableColumn

REPO = Path(__file__).resolve().parent.parent


def _load_bench() -> ModuleType:
    """bench/page_parity.py, a script, loaded as the module ``page_parity``.

    Run by itself it puts the repository on sys.path and defaults
    $QT_QPA_PLATFORM to offscreen; neither may leak into the test session
    (the GUI tests choose their own platform)."""
    saved_path, saved_platform = list(sys.path), os.environ.get("QT_QPA_PLATFORM")
    spec = importlib.util.spec_from_file_location("page_parity", REPO / "bench" / "page_parity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["page_parity"] = module  # dataclasses look their class's module up there
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved_path
        if saved_platform is None:
            os.environ.pop("QT_QPA_PLATFORM", None)
        else:
            os.environ["QT_QPA_PLATFORM"] = saved_platform
    return module


page_parity = _load_bench()
Parity = page_parity.Parity
Ends = page_parity.Ends
page_ends = page_parity.page_ends
compare_ends = page_parity.compare_ends
pdf_fonts = page_parity.pdf_fonts


def three_signers(plan: Plan) -> Plan:
    """Example 002 (two bodies, two signers with names) issued jointly with a
    third body, whose signer is made up."""
    return replace(
        plan,
        issuing_bodies=[*plan.issuing_bodies, "HỘI LIÊN HIỆP THANH NIÊN VIỆT NAM TP. HỒ CHÍ MINH"],
        number=replace(plan.number, issuer_codes=[*plan.number.issuer_codes, "HLHTN"]),
        signatures=[*plan.signatures, Signature("TM.", "BAN THƯ KÝ HỘI LIÊN HIỆP THANH NIÊN VIỆT NAM THÀNH PHỐ",
                                                "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Lê Thị Thanh Hương")])


# Without a line break typed: the title wraps onto three lines by itself.
LONG_TITLE = ("Phối hợp tổ chức các hoạt động chào mừng kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam, "
              "133 năm Ngày sinh Chủ tịch Hồ Chí Minh và 92 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh năm 2023")

# Forty tasks of a year's plan, from a few words to three lines.
FORTY_ITEMS = (
    "Tổ chức Hội nghị Ban Chấp hành Quận Đoàn mở rộng sơ kết công tác Đoàn và phong trào thanh thiếu nhi "
    "6 tháng đầu năm.",
    "Triển khai Tháng Thanh niên.",
    "Ra quân Chiến dịch tình nguyện Mùa hè xanh tại 11 phường, với các công trình, phần việc thanh niên gắn "
    "với chỉnh trang đô thị, giữ gìn vệ sinh môi trường và xây dựng văn minh đô thị.",
    "Tổ chức Ngày hội Hiến máu tình nguyện “Giọt hồng yêu thương”.",
    "Phối hợp Phòng Giáo dục và Đào tạo tổ chức các lớp kỹ năng thực hành xã hội cho thiếu nhi trong dịp hè.",
    "Kiểm tra công tác Đoàn tại cơ sở.",
    "Tổ chức chương trình “Tiếp sức mùa thi” tại các điểm thi trên địa bàn quận, hỗ trợ thí sinh và phụ huynh "
    "về chỗ ở, phương tiện đi lại, suất ăn và nước uống miễn phí.",
    "Tuyên dương “Thanh niên tiên tiến làm theo lời Bác” cấp quận.",
    "Tổ chức lớp bồi dưỡng lý luận chính trị cho đoàn viên ưu tú là đối tượng kết nạp Đảng.",
    "Triển khai cuộc thi trực tuyến tìm hiểu lịch sử Đảng bộ Quận 12.",
    "Duy trì các đội hình thanh niên tình nguyện tham gia giữ gìn trật tự an toàn giao thông tại các giao lộ "
    "trọng điểm vào giờ cao điểm sáng và chiều các ngày trong tuần.",
    "Phát động phong trào “Ngày thứ Bảy tình nguyện”, “Ngày Chủ nhật xanh”.",
    "Tổ chức Hội thi Nghi thức Đội cấp quận.",
    "Thăm, tặng quà gia đình chính sách, Mẹ Việt Nam Anh hùng nhân dịp kỷ niệm Ngày Thương binh – Liệt sĩ 27/7.",
    "Khảo sát nhu cầu học tập, việc làm của thanh niên công nhân tại các khu công nghiệp, khu chế xuất trên "
    "địa bàn quận để đề xuất các giải pháp hỗ trợ phù hợp.",
    "Tổ chức Ngày hội việc làm thanh niên.",
    "Củng cố, kiện toàn các chi đoàn khu phố.",
    "Phối hợp Công an quận tuyên truyền phòng, chống tội phạm và tệ nạn ma túy trong thanh thiếu niên.",
    "Tổ chức chương trình “Xuân tình nguyện”.",
    "Giới thiệu đoàn viên ưu tú cho Đảng xem xét, kết nạp; theo dõi, giúp đỡ đảng viên trẻ trong thời gian "
    "dự bị.",
    "Tổ chức Liên hoan các nhóm nhảy thanh thiếu nhi.",
    "Hướng dẫn các cơ sở Đoàn thực hiện sổ sách, hồ sơ đoàn viên theo quy định, cập nhật dữ liệu đoàn viên "
    "trên phần mềm quản lý đoàn viên của Trung ương Đoàn.",
    "Xây dựng mô hình “Chi đoàn khu phố văn minh”.",
    "Tổ chức giải bóng đá mini thanh niên công nhân.",
    "Tập huấn nghiệp vụ công tác Đoàn cho Bí thư, Phó Bí thư chi đoàn mới được bầu.",
    "Triển khai chương trình “Mỗi đoàn viên, thanh niên một hành động vì môi trường”, thu gom rác thải nhựa, "
    "trồng cây xanh tại các tuyến đường, kênh rạch.",
    "Tổ chức Diễn đàn “Thanh niên với chuyển đổi số”.",
    "Phối hợp Hội Liên hiệp Thanh niên quận tổ chức các hoạt động hỗ trợ thanh niên khởi nghiệp, vay vốn "
    "phát triển kinh tế.",
    "Trao học bổng “Vì đàn em thân yêu”.",
    "Tổ chức các hoạt động chào mừng Ngày thành lập Hội Liên hiệp Thanh niên Việt Nam 15/10.",
    "Báo cáo kết quả thực hiện chương trình công tác quý III.",
    "Tổ chức lễ kết nạp đoàn viên mới đợt Ngày thành lập Đoàn 26/3 tại các di tích lịch sử trên địa bàn "
    "Thành phố.",
    "Theo dõi, đánh giá, xếp loại các cơ sở Đoàn cuối năm.",
    "Tổ chức trại huấn luyện kỹ năng cho cán bộ Đội.",
    "Vận động nguồn lực xã hội hóa hỗ trợ thiếu nhi có hoàn cảnh khó khăn đến trường nhân dịp năm học mới, "
    "bao gồm sách vở, đồng phục, xe đạp và học bổng.",
    "Tổng kết Chiến dịch tình nguyện Mùa hè xanh.",
    "Tổ chức Hội thi “Tuyên truyền viên trẻ”.",
    "Rà soát, giới thiệu nhân sự tham gia Ban Chấp hành các cơ sở Đoàn nhiệm kỳ mới.",
    "Thực hiện công trình thanh niên “Thắp sáng đường quê” tại các tuyến hẻm chưa có đèn chiếu sáng.",
    "Tổng kết công tác Đoàn và phong trào thanh thiếu nhi năm, đề ra phương hướng, nhiệm vụ năm tiếp theo.",
)


def forty_items(plan: Plan) -> Plan:
    """Example 003 with its "NỘI DUNG" section (eleven "-" and "+" items) made
    one list of forty "-" items."""
    sections = list(plan.sections)
    index = next(i for i, section in enumerate(sections) if section.heading == "NỘI DUNG")
    sections[index] = replace(sections[index], content=FreeContent([Item(text) for text in FORTY_ITEMS]))
    return replace(plan, sections=sections)


# Twenty-two recipients (the generated ";" and "." are not typed), some long
# enough to wrap in the closing's recipients column.
LONG_RECIPIENTS = (
    "Trung ương Đoàn: Ban Tổ chức, Ban Tuyên giáo, Ban Thanh niên Công nhân và Đô thị, Văn phòng",
    "Thành Đoàn: Thường trực, Ban Tổ chức – Kiểm tra, Ban Tuyên giáo, Văn phòng",
    "Thường trực Quận ủy",
    "Ban Tuyên giáo Quận ủy",
    "Ban Dân vận Quận ủy",
    "Ủy ban nhân dân Quận 12",
    "Ủy ban Mặt trận Tổ quốc Việt Nam Quận 12",
    "Phòng Giáo dục và Đào tạo Quận 12",
    "Phòng Văn hóa và Thông tin Quận 12",
    "Công an Quận 12",
    "Ban Chỉ huy Quân sự Quận 12",
    "Liên đoàn Lao động Quận 12",
    "Hội Liên hiệp Phụ nữ Quận 12",
    "Hội Cựu chiến binh Quận 12",
    "Cấp ủy 11 phường",
    "Ủy ban nhân dân 11 phường",
    "Đoàn 11 phường",
    "Các chi đoàn khối cơ quan, doanh nghiệp, trường học trực thuộc Quận Đoàn",
    "Các thành viên Ban Chấp hành Quận Đoàn nhiệm kỳ 2022 – 2027",
    "Hội đồng Đội Quận 12",
    "Các Ban – Văn phòng Quận Đoàn",
    "Lưu VP",
)


def long_recipients(plan: Plan) -> Plan:
    """The plan with the twenty-two recipients above instead of its own."""
    return replace(plan, recipients=list(LONG_RECIPIENTS))


SHORT_FILLER = "Nội dung bổ sung."
# Two payers, eight items: the budget of issue 19's acceptance.
BUDGET = Budget(groups=[
    BudgetGroup("Thành Đoàn hỗ trợ", [
        BudgetItem("Nước uống đại biểu", 120, "chai", 15_000), BudgetItem("Băng rôn, phướn tuyên truyền", 4, "cái", 350_000),
        BudgetItem("In ấn tài liệu hội nghị", 120, "bộ", 12_000), BudgetItem("Hoa tươi trang trí", 2, "lẵng", 500_000)]),
    BudgetGroup("Đơn vị tự túc", [
        BudgetItem("Thuê âm thanh, ánh sáng", 1, "buổi", 3_500_000), BudgetItem("Xe đưa đón đại biểu", 2, "chuyến", 1_200_000),
        BudgetItem("Giấy khen và khung", 15, "bộ", 85_000), BudgetItem("Chi phí khác", 1, "lần", 455_000)]),
])
FORTY_ROWS = Table(
    columns=[TableColumn(2, "center"), TableColumn(5), TableColumn(8), TableColumn(3, "right", numeric=True)],
    header_rows=[[HeaderCell("STT"), HeaderCell("Đơn vị"), HeaderCell("Nhiệm vụ"), HeaderCell("Số lượng")]],
    rows=[[str(i), f"Đoàn phường {i}",
           "Tổ chức ra quân, vận động đoàn viên tham gia\nBáo cáo kết quả về Quận Đoàn" if i % 3 == 0
           else "Tham gia đầy đủ các hoạt động", f"{i * 5}"] for i in range(1, 41)],
    total_row=True)
# Eight columns: too wide for a portrait page, marked for landscape pages.
WIDE_TABLE = Table(
    columns=[TableColumn(2, "center"), TableColumn(6), TableColumn(9), TableColumn(5), TableColumn(4, "center"),
             TableColumn(4, "right", numeric=True), TableColumn(5, "right", numeric=True), TableColumn(6)],
    header_rows=[[HeaderCell("STT"), HeaderCell("Đơn vị"), HeaderCell("Nội dung công việc"),
                  HeaderCell("Người phụ trách"), HeaderCell("Thời gian"), HeaderCell("Số đoàn viên"),
                  HeaderCell("Kinh phí (đồng)"), HeaderCell("Ghi chú")]],
    rows=[[str(i), f"Đoàn phường {i}",
           "Tổ chức ra quân chiến dịch, vận động đoàn viên tham gia" if i % 2 else "Tuyên truyền",
           "Bí thư Đoàn", f"{i}/7/2023", str(10 + i), f"{i * 150_000:,}".replace(",", "."), "" if i % 4 else "Phối hợp Hội LHTN"]
          for i in range(1, 31)],
    total_row=True, landscape=True)


def _merged_table() -> Table:
    """Eight groups, each a title row merged across the table and a unit's
    name merged down its three rows; then a long text merged down two short
    rows (the last of them grows to hold it)."""
    rows: list[list[str]] = []
    merges: list[CellMerge] = []
    for group in range(8):
        merges.append(CellMerge(len(rows), 0, 1, 4))
        rows.append([f"{roman(group + 1)}. CỤM THI ĐUA SỐ {group + 1}", "", "", ""])
        merges.append(CellMerge(len(rows), 0, 3, 1))
        for task in range(3):
            rows.append([f"Đoàn phường {group * 3 + 1}" if task == 0 else "",
                         f"Nhiệm vụ {task + 1}: tổ chức ra quân, vận động đoàn viên", "Tháng 3/2023", str(5 + task)])
    merges.append(CellMerge(len(rows), 1, 2, 1))
    rows.append(["Quận Đoàn", "Chỉ đạo chung, kiểm tra, đôn đốc các đơn vị thực hiện; tổng hợp báo cáo kết quả về "
                 "Thành Đoàn trước ngày 30/3/2023; đề xuất khen thưởng các tập thể, cá nhân tiêu biểu.", "Tháng 3", "1"])
    rows.append(["Văn phòng", "", "Tháng 4", "2"])
    return Table(columns=[TableColumn(5), TableColumn(9), TableColumn(4, "center"), TableColumn(2, "right", numeric=True)],
                 header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Nội dung"), HeaderCell("Thời gian"),
                               HeaderCell("Số buổi")]],
                 rows=rows, merges=merges, total_row=True)


MERGED_TABLE = _merged_table()
TWO_APPENDICES = [
    Appendix("Danh sách đơn vị tham gia", FreeContent([
        *[Item(f"Đoàn phường {name}: 05 đồng chí;") for name in (
            "An Phú Đông", "Đông Hưng Thuận", "Hiệp Thành", "Tân Chánh Hiệp", "Tân Hưng Thuận", "Tân Thới Hiệp",
            "Tân Thới Nhất", "Thạnh Lộc", "Thạnh Xuân", "Thới An", "Trung Mỹ Tây")],
        Subsection("Ghi chú", FreeContent([Paragraph("Các đơn vị gửi danh sách đại biểu về Văn phòng Quận Đoàn "
                                                     "trước ngày 15/8/2022 để tổng hợp.")]))])),
    Appendix("Chương trình hội nghị", FreeContent([Paragraph("08g00 – 08g30: Đón tiếp đại biểu."),
                                                  Paragraph("08g30 – 10g30: Thông tin kết quả 6 tháng đầu năm.")])),
]
LONG_LINK = ("Đơn vị đăng ký tại https://docs.google.com/forms/d/e/1FAIpQLSf9xQz7ab3kLmNoPqRsTuVwXyZ0123456789"
             "abcdefghijklmnopqrstuvwxyz/viewform?usp=sf_link trước ngày 15/3/2023.")


def named_plans() -> list[tuple[str, Plan]]:
    """Every plan the parity test compares, each with its case name: the
    bench's 29 ("000" … "004", "000+1" … "002+12"), then the added ones."""
    named = page_parity.plans()
    examples = dict(named)
    return [
        *named,
        ("ba-nguoi-ky", three_signers(examples["002"])),
        ("trich-yeu-3-dong", replace(examples["004"], title=LONG_TITLE)),
        ("40-muc", forty_items(examples["003"])),
        ("noi-nhan-dai", long_recipients(examples["001"])),  # beside one signature
        ("noi-nhan-dai-2-nguoi-ky", long_recipients(examples["002"])),  # under two
        # Seventy recipients: the closing row is taller than a page (split).
        ("70-noi-nhan", replace(examples["000"], recipients=[f"Đơn vị nhận thứ {i}" for i in range(1, 71)])),
        # A web address longer than a line: on a line of its own, cut where the line is full.
        ("dia-chi-web-dai", replace(examples["001"], preamble=[*examples["001"].preamble, LONG_LINK])),
        ("khong-ky-khong-noi-nhan", replace(examples["001"], signatures=[], recipients=[])),
        ("hai-phu-luc", replace(examples["001"], appendices=TWO_APPENDICES)),  # each from a new page
        ("du-tru-kinh-phi", replace(examples["004"], sections=[*examples["004"].sections, Section("KINH PHÍ", BUDGET)])),
        # The same budget after 001: "III." and "1." reach the foot of page 2 (LibreOffice's chain case).
        ("du-tru-kinh-phi-001", replace(examples["001"], sections=[*examples["001"].sections,
                                                                    Section("KINH PHÍ", BUDGET)])),
        # A 40-row table over three pages: header repeated, rows unsplit, a total row.
        ("bang-40-dong", replace(examples["001"], sections=[*examples["001"].sections[:2],
                                                             Section("BẢNG PHÂN CÔNG", FORTY_ROWS),
                                                             *examples["001"].sections[2:]])),
        # Landscape pages: a wide table in the body with its heading, then
        # portrait pages again; an appendix that is a wide table, followed
        # by a portrait one; a wide appendix that ends the document.
        ("bang-ngang", replace(examples["002"], sections=[*examples["002"].sections[:1],
                                                           Section("BẢNG PHÂN CÔNG", WIDE_TABLE),
                                                           *examples["002"].sections[1:]])),
        ("phu-luc-ngang", replace(examples["004"], appendices=[Appendix("Danh sách phân công", WIDE_TABLE),
                                                               TWO_APPENDICES[1]])),
        ("phu-luc-ngang-cuoi", replace(examples["002"], appendices=[TWO_APPENDICES[0],
                                                                    Appendix("Danh sách phân công", WIDE_TABLE)])),
        # Merged body cells: a unit down its rows, group titles across (kept
        # with the rows below), a merged cell taller than its rows.
        ("bang-gop-o", replace(examples["002"], sections=[*examples["002"].sections[:1],
                                                           Section("PHÂN CÔNG THEO CỤM", MERGED_TABLE),
                                                           *examples["002"].sections[1:]])),
        # 43 one-line paragraphs: the headings "I." and "1." reach the foot of page 2.
        ("000+43-dong-ngan", page_parity.with_filler(examples["000"], 43, SHORT_FILLER)),
    ]

