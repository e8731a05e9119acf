"""Finding a guest at the check-in desk, and the counts per group."""
import unicodedata

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.checkin import CheckinIndex, Count

ROWS = [
    Attendee("Nguyễn Văn Tâm", "Phó Bí thư", "Thành Đoàn TP. Hồ Chí Minh", "Chủ trì", code="BCG234"),
    Attendee("Trần Thị Tám", "Bí thư", "Đoàn phường Tân Định", "Đại biểu", code="KMN789", attended=True),
    Attendee(unicodedata.normalize("NFD", "Lê Văn Tấn"), "Chánh Văn phòng", "Quận Đoàn 1", "Khách mời",
             code="PQT456", head_count=3),
    Attendee("", "Thường trực", "Đoàn xã Tâm Thắng", "Khách mời", whole_unit=True, code="MNP567"),
    Attendee("Phạm Ngọc Vân", "Ủy viên", "Nguyễn Du", "Đại biểu", code="HGV345"),
]


def test_letters_without_diacritics_find_a_word_start_names_first():
    index = CheckinIndex(ROWS)
    assert index.find("tam") == [0, 1, 3]  # Tâm, Tám by name; Tâm Thắng by unit
    assert index.find("TÂM") == index.find("tam") == index.find(unicodedata.normalize("NFD", "tâm"))
    assert index.find("ta") == [0, 1, 2, 3]  # Tấn typed decomposed is found the same
    assert index.find("ngu") == [0, 4]  # the name Nguyễn, then the unit "Nguyễn Du"
    assert index.find("am") == []  # inside a word: not a word's start
    assert index.find("thuong") == [3]  # a unit invited as a whole, by its position
    assert index.find("uy") == []  # a named person is not found by position


def test_several_words_in_their_order():
    index = CheckinIndex(ROWS)
    assert index.find("ngu va") == [0]
    assert index.find("ngu tam") == [0]  # family and given name, middle left out
    assert index.find("va ngu") == []
    assert index.find("nguyen") == [0, 4]  # longer than the index's prefixes
    assert index.find("doan tam") == [3]


def test_a_scanned_code_is_its_row_first():
    index = CheckinIndex(ROWS)
    assert index.code_in("bcg234") == 0
    assert index.code_in("KH:KMN789\r\n") == 1
    assert index.code_in("https://x/?c=PQT456#") == 2
    assert index.code_in("ABC23") is None and index.code_in("nguyen") is None
    assert index.find("kmn789") == [1]
    assert index.find("  hgv345 ") == [4]


def test_counts_per_group_use_head_counts():
    index = CheckinIndex(ROWS)
    groups, total = index.counts(["Chủ trì", "Khách mời", "Đại biểu"])
    assert [(c.group, c.present, c.invited) for c in groups] == [
        ("Chủ trì", 0, 1), ("Khách mời", 0, 4), ("Đại biểu", 1, 2)]
    assert total == Count("", 1, 7) and total.line() == "Có mặt 1/7 — 14%"
    index.set_row(2, Attendee(ROWS[2].name, group="Khách mời", head_count=3, attended=True))
    assert index.counts()[1].line() == "Có mặt 4/7 — 57%"
    assert Count("", 57, 60).line() == "Có mặt 57/60 — 95%" and Count("", 0, 0).line() == "Có mặt 0/0 — 0%"


def test_a_late_arrival_is_found_at_once():
    index = CheckinIndex(ROWS)
    late = index.add(Attendee("Đỗ Minh Tâm", unit="Đoàn trường THPT", group="Đại biểu", code="TVB678",
                              attended=True))
    assert late == 5 and index.find("tam") == [0, 1, 5, 3]
    assert index.find("tvb678") == [5] and index.counts()[1].present == 2


def test_the_desk_never_says_the_same_words_twice():
    from kehoach_desktop.core.checkin import desk_detail, desk_name

    unit = Attendee("", "Đại diện Thường trực", "Đoàn Sở Y tế Thành phố", "Khách mời", whole_unit=True)
    role = Attendee("", "Thường trực", "Thành Đoàn TP. Hồ Chí Minh", "Chủ trì")
    person = Attendee("Nguyễn Văn Tâm", "Phó Bí thư", "Thành Đoàn TP. Hồ Chí Minh", "Chủ trì")
    assert [(desk_name(a), desk_detail(a)) for a in (unit, role, person)] == [
        ("Đoàn Sở Y tế Thành phố", "Đại diện Thường trực"), ("Thường trực", "Thành Đoàn TP. Hồ Chí Minh"),
        ("Nguyễn Văn Tâm", "Phó Bí thư – Thành Đoàn TP. Hồ Chí Minh")]
