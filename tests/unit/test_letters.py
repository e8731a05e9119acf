"""What an invitation letter says (core/letters.py): to whom, and the event
taken from the plan."""
import pytest
from conftest import FIXTURE_FILES

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.letters import agenda, agenda_variants, event_lines, event_text, invitation, reading
from kehoach_desktop.formats import kehoach_json


def example(index: int):
    return kehoach_json.read_file(FIXTURE_FILES[index])


@pytest.mark.parametrize(("row", "addressee", "whom"), [
    (Attendee("Nguyễn Văn Tâm", "Phó Bí thư", "Thành Đoàn TP. Hồ Chí Minh", honorific="đồng chí"),
     "Đồng chí Nguyễn Văn Tâm, Phó Bí thư Thành Đoàn TP. Hồ Chí Minh", "đồng chí"),
    (Attendee("Trần Thị Bình", "Giám đốc", "Sở Y tế", honorific="bà"), "Bà Trần Thị Bình, Giám đốc Sở Y tế", "Bà"),
    (Attendee("Lê Văn Cường", honorific="ông"), "Ông Lê Văn Cường", "Ông"),
    (Attendee("Lê Văn Cường", "Chuyên viên"), "Lê Văn Cường, Chuyên viên", "Lê Văn Cường"),
    # the position names the unit already: not twice
    (Attendee("Phạm An", "Bí thư Đoàn Khối", "Đoàn Khối", honorific="đồng chí"), "Đồng chí Phạm An, Bí thư Đoàn Khối",
     "đồng chí"),
    # a person named by position only
    (Attendee(position="Thường trực", unit="Thành Đoàn TP. Hồ Chí Minh", honorific="đồng chí"),
     "Đồng chí Thường trực Thành Đoàn TP. Hồ Chí Minh", "đồng chí"),
    (Attendee(position="Thường trực", unit="Thành Đoàn", honorific="đồng chí", head_count=4),
     "Các đồng chí Thường trực Thành Đoàn", "các đồng chí"),
    # a unit invited as a whole: the position says who comes
    (Attendee(position="Đại diện lãnh đạo", unit="Ban Dân vận Thành ủy", head_count=2, whole_unit=True),
     "Ban Dân vận Thành ủy", "đại diện lãnh đạo đơn vị (02 đồng chí)"),
    (Attendee(unit="Ban Thường vụ Quận Đoàn 1", whole_unit=True), "Ban Thường vụ Quận Đoàn 1", "Quý đơn vị"),
    (Attendee(unit="Đoàn Phường 5"), "Đoàn Phường 5", "Quý đơn vị"),
    # rows stored before invitees were structured: the participant line in the position
    (Attendee(position="Kính mời đồng chí Thường trực Đảng ủy Khối Dân – Chính – Đảng Thành phố;"),
     "Đồng chí Thường trực Đảng ủy Khối Dân – Chính – Đảng Thành phố", "đồng chí"),
    (Attendee(position="Đại diện Ban Dân vận Thành ủy;"), "Ban Dân vận Thành ủy", "đại diện đơn vị"),
    (Attendee(position="Mời lãnh đạo Ban Dân vận Quận ủy"), "Ban Dân vận Quận ủy", "lãnh đạo đơn vị"),
    (Attendee(position="Mời đại diện Ban Thường vụ Thành Đoàn (02 đồng chí)."), "Ban Thường vụ Thành Đoàn",
     "đại diện đơn vị (02 đồng chí)"),
])
def test_whom_a_letter_addresses(row, addressee, whom):
    read = reading(row)
    assert (read.addressee(), read.whom()) == (addressee, whom)
    for wrong in ("Kính mời", "Mời", "Đại diện", "Lãnh đạo"):
        assert not read.addressee().casefold().startswith(wrong.casefold())


def test_a_row_with_nothing_to_address_gets_no_letter():
    assert reading(Attendee(note="gọi lại")) is None
    assert reading(Attendee(position="Kính mời đại diện", whole_unit=True)) is None


def test_the_event_from_each_example():
    assert event_text(example(0)).startswith("Hội nghị sơ kết chương trình phối hợp hoạt động")
    assert event_text(example(4)) == "các hoạt động cấp Khối năm 2023"  # "Phối hợp tổ chức" taken off
    assert invitation("đồng chí", example(1)) == (
        "Trân trọng kính mời đồng chí đến dự Hội thông tin với cấp ủy Đảng 11 phường về kết quả thực hiện "
        "chương trình công tác Đoàn và phong trào thanh thiếu nhi 6 tháng đầu năm 2022.")
    # the time the letter invites to: no "Dự kiến", always the weekday; the venue without "Dự kiến tại"
    assert event_lines(example(0)) == [
        "Thời gian: 08g00 ngày 31 tháng 01 năm 2023 (thứ Ba).",
        "Địa điểm: Trung tâm Hội nghị 272 (Số 272 Võ Thị Sáu, Phường Võ Thị Sáu, Quận 3)."]
    assert event_lines(example(2))[2] == "Hình thức: Trực tuyến."
    assert event_lines(example(3))[1] == ("Địa điểm: Hội trường Sở Tài chính Thành phố "
                                          "(số: 142 Nguyễn Thị Minh Khai, Phường 6, Quận 3).")
    assert event_lines(example(4)) == []


def test_the_agenda_from_each_example():
    found = [agenda(example(i)) for i in range(5)]
    assert found[0].items == ("07g00 – 08g00: Đón tiếp đại biểu và phục vụ ăn sáng", "08g00 – 11g00: Diễn ra hội nghị")
    assert found[1].label == "Chương trình" and found[1].items[2] == "Hội nghị thảo luận tập trung nội dung chính"
    assert len(found[2].items) == 10 and found[2].items[-1] == "Kết thúc hội nghị"
    assert found[3].label == "Nội dung" and found[3].items[-1] == "Công tác nhân sự (nếu có)"
    assert found[4] is None  # a plan of activities has no agenda


def test_agenda_shortened_step_by_step():
    variants = agenda_variants(agenda(example(0)))
    assert variants[0] == [("item1", "-\tChương trình:"),
                           ("item2", "+\t07g00 – 08g00: Đón tiếp đại biểu và phục vụ ăn sáng;"),
                           ("item2", "+\t08g00 – 11g00: Diễn ra hội nghị.")]
    assert variants[1] == [("item1", "-\tChương trình: 07g00 – 08g00: Đón tiếp đại biểu và phục vụ ăn sáng; "
                                     "08g00 – 11g00: Diễn ra hội nghị.")]
    assert variants[2] == [("item1", "-\tChương trình: 07g00 – 08g00: Đón tiếp đại biểu và phục vụ ăn sáng; …")]
    assert variants[-1] == [] and agenda_variants(None) == [[]]


def test_a_unit_named_in_lowercase_opens_the_addressee_line_with_a_capital():
    """"Bí thư, Phó Bí thư các cơ sở Đoàn trực thuộc Quận Đoàn" (an unseen
    district plan): the unit's letter reads "Kính gửi: Các cơ sở Đoàn …"."""
    read = reading(Attendee("", "Bí thư", "các cơ sở Đoàn trực thuộc Quận Đoàn", whole_unit=True))
    assert read.addressee() == "Các cơ sở Đoàn trực thuộc Quận Đoàn"
