"""The generated text: numbering, punctuation, dates in structured content."""
from datetime import date

from kehoach_desktop.core import content as c
from kehoach_desktop.core.layout import body_lines
from kehoach_desktop.core.model import DocumentNumber, Plan, PlanStyle, Section, Signature
from kehoach_desktop.core.numbering import number_line, roman
from kehoach_desktop.formats.text_export import render_text


def texts(plan, end_mark=False):
    return [line.plain() for line in body_lines(plan, end_mark)]


def test_section_numbers_are_generated_from_order():
    plan = Plan(sections=[Section("Mục đích", c.FreeContent()), Section("Thời gian", c.FreeContent()),
                          Section("Thành phần", c.FreeContent())])
    assert texts(plan) == ["I. MỤC ĐÍCH:", "II. THỜI GIAN:", "III. THÀNH PHẦN:"]
    plan.sections.insert(0, plan.sections.pop())
    assert texts(plan)[0] == "I. THÀNH PHẦN:"
    assert [roman(n) for n in (4, 9, 14, 40)] == ["IV", "IX", "XIV", "XL"]


def test_heading_colon_style():
    plan = Plan(sections=[Section("Nội dung:", c.FreeContent())], style=PlanStyle(heading_colon=False))
    assert texts(plan) == ["I. NỘI DUNG"]
    plan.style.heading_colon = True
    assert texts(plan) == ["I. NỘI DUNG:"]


def test_nested_subsections_and_inline_text():
    inner = c.Subsection("Cấp quận", c.FreeContent([c.Item("Ban Thường vụ Quận Đoàn.")]))
    plan = Plan(sections=[Section("Nội dung", c.FreeContent([
        c.Subsection("Yêu cầu", c.FreeContent([c.Paragraph("Thiết thực, hiệu quả.")]), inline=True),
        c.Subsection("Thành phần", c.FreeContent([inner, inner])),
    ]))])
    assert texts(plan) == ["I. NỘI DUNG:", "1. Yêu cầu: Thiết thực, hiệu quả.", "2. Thành phần:",
                           "2.1. Cấp quận:", "- Ban Thường vụ Quận Đoàn.", "2.2. Cấp quận:",
                           "- Ban Thường vụ Quận Đoàn."]


def test_embedded_content_continues_the_numbering():
    tp = c.TimePlace(event_date=date(2022, 8, 26), start_time="08:00", tentative=True, venue="Hội trường 2",
                     inline=True)
    plan = Plan(style=PlanStyle(time_format="giờ", weekday_style="capital"), sections=[Section("Nội dung", c.FreeContent([
        c.Subsection("Chủ trì", c.FreeContent([c.Item("Bí thư Quận Đoàn.")])),
        c.Embedded(tp),
        c.Subsection("Chương trình", c.Programme([c.ProgrammeSlot(text="Khai mạc.")])),
    ]))])
    assert texts(plan) == ["I. NỘI DUNG:", "1. Chủ trì:", "- Bí thư Quận Đoàn.",
                           "2. Thời gian: Dự kiến 08 giờ 00 ngày 26 tháng 8 năm 2022 (Thứ Sáu).",
                           "3. Địa điểm: Hội trường 2", "4. Chương trình:", "- Khai mạc."]


def test_time_place_with_lunar_date_and_address():
    tp = c.TimePlace(event_date=date(2023, 1, 31), start_time="08:00", tentative=True, show_lunar=True,
                     venue="Trung tâm Hội nghị 272.", address="Số 272 Võ Thị Sáu, Quận 3")
    plan = Plan(sections=[Section("Thời gian – Địa điểm", tp)])
    assert texts(plan)[1:] == ["1. Thời gian:", "Dự kiến 08g00 ngày 31 tháng 01 năm 2023 (thứ Ba).",
                               "(Mùng 10 Tết Quý Mão)", "2. Địa điểm:", "Trung tâm Hội nghị 272.",
                               "(Số 272 Võ Thị Sáu, Quận 3)"]


def test_time_place_items_numeric_duration_and_form():
    tp = c.TimePlace(event_date=date(2020, 4, 11), duration="01 buổi", tentative=True, part_of_day="sáng",
                     date_style="numeric", form="online", facets=["time", "form"], layout="items")
    plan = Plan(style=PlanStyle(weekday_style="digit"), sections=[Section("Thời gian", tp)])
    assert texts(plan)[1:] == ["- Thời gian: 01 buổi, dự kiến sáng ngày 11/4/2020 (thứ 7).",
                               "- Hình thức: Trực tuyến"]


def test_participants_counts_punctuation_and_total():
    p = c.Participants(groups=[c.ParticipantGroup("Thành Đoàn", [
        c.ParticipantEntry("Thường trực Thành Đoàn", 4),
        c.ParticipantEntry("Đại diện các Ban;", 9),
        c.ParticipantEntry("Các cơ sở Đoàn", remark="tham dự trực tuyến")])], stated_total=60)
    plan = Plan(sections=[Section("Thành phần tham dự", p)])
    assert texts(plan)[1:] == ["1. Thành Đoàn:", "- Thường trực Thành Đoàn (04 đồng chí);",
                               "- Đại diện các Ban (09 đồng chí);", "- Các cơ sở Đoàn (tham dự trực tuyến).",
                               "(Dự kiến: 60 đồng chí)"]
    assert p.counted_total() == 13


def test_participants_total_on_the_heading_and_labels():
    p = c.Participants(groups=[c.ParticipantGroup("Liên đoàn Lao động", [c.ParticipantEntry("Thường trực", 5)])],
                       stated_total=50, unit="đại biểu", total_placement="heading", group_style="labels")
    plan = Plan(sections=[Section("Nội dung", c.FreeContent([c.Subsection("Thành phần", p)]))])
    assert texts(plan)[1:] == ["1. Thành phần: dự kiến 50 đại biểu, gồm:", "* Liên đoàn Lao động:",
                               "- Thường trực (05 đại biểu)."]


def test_programme_assignments_deadlines_and_display():
    prog = c.Programme([c.ProgrammeSlot("07:00", "08:00", "Đón tiếp đại biểu."),
                        c.ProgrammeSlot("08:00", "11:00", "Diễn ra hội nghị", ["Khai mạc;", "Bế mạc."])])
    tasks = c.Assignments([c.UnitAssignment("Văn phòng", [
        c.Task("Các nội dung hoàn thành", date(2020, 2, 25), "17:00"),
        c.Task("Chuẩn bị phông:", display=["HỘI NGHỊ", "SƠ KẾT"])])])
    plan = Plan(sections=[Section("Chương trình", prog), Section("Phân công", tasks)])
    assert texts(plan) == ["I. CHƯƠNG TRÌNH:", "- 07g00 – 08g00: Đón tiếp đại biểu.",
                           "- 08g00 – 11g00: Diễn ra hội nghị", "+ Khai mạc;", "+ Bế mạc.",
                           "II. PHÂN CÔNG:", "1. Văn phòng:",
                           "- Các nội dung hoàn thành trước 17g00 ngày 25/02/2020.",
                           "- Chuẩn bị phông:", "HỘI NGHỊ", "SƠ KẾT"]


def test_timeline_steps():
    steps = [c.TimelineStep(c.When("2019-11"), "dự thảo"), c.TimelineStep(c.When("2020-02-20"), "hạn chót"),
             c.TimelineStep(c.When("2019-12", "2020-02"), "chuẩn bị"),
             c.TimelineStep(c.When("2020-03-01", "2020-03-15"), "xin ý kiến"),
             c.TimelineStep(c.When("2020-04-12", "2020-05-18"), "hoàn chỉnh"),
             c.TimelineStep(c.When(text="Sau hội nghị"), "báo cáo")]
    plan = Plan(sections=[Section("Tiến độ", c.Timeline(steps))])
    assert texts(plan)[1:] == ["- Tháng 11/2019: dự thảo", "- Ngày 20/02/2020: hạn chót",
                               "- Từ tháng 12/2019 đến tháng 02/2020: chuẩn bị",
                               "- Từ ngày 01 đến ngày 15/3/2020: xin ý kiến",
                               "- Từ ngày 12/4 đến ngày 18/5/2020: hoàn chỉnh", "- Sau hội nghị: báo cáo"]


def test_dates_and_times_typed_wrong_are_printed_as_typed():
    """Never dropped: the checker reports them, the text keeps them."""
    tasks = c.Assignments([c.UnitAssignment("Văn phòng", [
        c.Task("Gửi giấy mời", deadline_typed="31/02/2023"),
        c.Task("Báo cáo;", deadline_time="25g00", deadline_typed="cuối tháng")])])
    prog = c.Programme([c.ProgrammeSlot("8g", "8 rưỡi", "Đón tiếp.")])
    steps = [c.TimelineStep(c.When(start_typed="31/02/2023"), "họp"),
             c.TimelineStep(c.When(start="2023-01-05", end_typed="32/01/2023"), "chuẩn bị"),
             c.TimelineStep(c.When(start_typed="13/2023", end="2024-02"), "tập huấn")]
    plan = Plan(sections=[Section("Phân công", tasks), Section("Chương trình", prog),
                          Section("Tiến độ", c.Timeline(steps))])
    assert texts(plan)[2:] == ["- Gửi giấy mời trước ngày 31/02/2023.", "- Báo cáo trước 25g00 ngày cuối tháng;",
                               "II. CHƯƠNG TRÌNH:", "- 08g00 – 8 rưỡi: Đón tiếp.", "III. TIẾN ĐỘ:",
                               "- Ngày 31/02/2023: họp", "- Từ ngày 05/01/2023 đến ngày 32/01/2023: chuẩn bị",
                               "- Từ tháng 13/2023 đến tháng 02/2024: tập huấn"]


def test_activities():
    act = c.Activity("Hiến máu tình nguyện", time="Tháng 7/2023", content=["Thực hiện kế hoạch."],
                     duties=[c.Duty("Đoàn Khối", "xây dựng kế hoạch."), c.Duty("", "Các cơ sở vận động.")])
    plan = Plan(sections=[Section("Nội dung", c.Activities([act]))])
    assert texts(plan)[1:] == ["1. Hiến máu tình nguyện:", "- Thời gian: Tháng 7/2023",
                               "- Nội dung: Thực hiện kế hoạch.", "- Phụ trách:",
                               "+ Đoàn Khối xây dựng kế hoạch.", "+ Các cơ sở vận động."]


def test_number_line():
    assert number_line(DocumentNumber(5, "KH", ["ĐTN"], "VP")) == "Số: 05-KH/ĐTN-VP"
    assert number_line(DocumentNumber(104, "KHPH", ["TĐTN", "LĐLĐ"])) == "Số: 104-KHPH/TĐTN-LĐLĐ"
    assert number_line(DocumentNumber(41, "KH", ["ĐTN", "HCCB", "CĐVC"]), with_colon=False) == \
        "Số 41-KH/ĐTN-HCCB-CĐVC"
    assert number_line(DocumentNumber(None)).startswith("Số:")


def test_text_export_order_for_one_and_two_signers():
    plan = Plan(superior_body="Thành Đoàn TP. Hồ Chí Minh", issuing_bodies=["BCH Đoàn Quận 12"],
                number=DocumentNumber(5), place="Quận 12", plan_date=date(2022, 8, 18),
                title="Tổ chức hội nghị", closing="Trên đây là kế hoạch./.",
                recipients=["Thành Đoàn;", "Lưu VP."],
                signatures=[Signature("TM.", "Ban Thường vụ Quận Đoàn", "Bí thư", "Nguyễn Văn A")])
    text = render_text(plan)
    assert text.splitlines()[:9] == ["THÀNH ĐOÀN TP. HỒ CHÍ MINH", "BCH ĐOÀN QUẬN 12", "***",
                                     "Số: 05-KH/ĐTN", "ĐOÀN TNCS HỒ CHÍ MINH",
                                     "Quận 12, ngày 18 tháng 8 năm 2022", "", "KẾ HOẠCH", "Tổ chức hội nghị"]
    assert "Nơi nhận:\n- Thành Đoàn;\n- Lưu VP.\n" in text
    assert text.index("Nơi nhận:") < text.index("TM. BAN THƯỜNG VỤ QUẬN ĐOÀN")
    assert text.rstrip().endswith("BÍ THƯ\n\n\n\nNguyễn Văn A")
    plan.signatures.insert(0, Signature("TM.", "BTV Liên đoàn Lao động", "Phó Chủ tịch", "Trần B"))
    text = render_text(plan)
    assert text.index("TM. BTV LIÊN ĐOÀN LAO ĐỘNG") < text.index("TM. BAN THƯỜNG VỤ QUẬN ĐOÀN") \
        < text.index("Nơi nhận:")


def test_text_always_ends_with_the_end_mark():
    plan = Plan(sections=[Section("Tiến độ", c.Timeline([c.TimelineStep(c.When("2020-04-11"), "tổ chức.")]))])
    assert texts(plan, True)[-1] == "- Ngày 11/4/2020: tổ chức./."
    plan.closing = "Trên đây là kế hoạch."
    assert texts(plan, True)[-1] == "Trên đây là kế hoạch./."
    plan.closing = "Trên đây là kế hoạch./."
    assert texts(plan, True)[-1] == "Trên đây là kế hoạch./."
    assert plan.closing == "Trên đây là kế hoạch./."  # the model keeps what was typed
