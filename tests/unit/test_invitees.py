"""Invitees read from the participants sections (core/invitees.py). The
expected rows of examples 000 and 002 were written by hand from the plans'
texts (tests/fixtures/plans/000_….txt, 002_….txt), entry by entry."""
import unicodedata
from dataclasses import replace

import pytest
from conftest import FIXTURE_FILES

from kehoach_desktop.core import content as c
from kehoach_desktop.core.attendees import sorted_attendees
from kehoach_desktop.core.invitees import generate, group_for_unit, new_roles, plan_groups
from kehoach_desktop.core.model import Plan, Section, Signature
from kehoach_desktop.formats import kehoach_json

CHAIR, GUESTS, KHOI = "Chủ trì Hội nghị", "Khách mời", "Đoàn Khối Dân – Chính – Đảng Thành phố"
REP = "Đại diện Thường trực"
# 000, "3. Đoàn Khối Dân – Chính – Đảng Thành phố": "Đại diện Thường trực" of each of these units
KHOI_UNITS = [
    "Đoàn Sở Khoa học và Công nghệ", "Đoàn Sở Tài nguyên và Môi trường", "Đoàn Sở Nội vụ",
    "Đoàn Sở Nông nghiệp và Phát triển Nông thôn", "Đoàn Sở Du lịch", "Đoàn Sở Xây dựng",
    "Đoàn Sở Quy hoạch Kiến trúc", "Đoàn Sở Công Thương", "Đoàn Sở Văn hóa và Thể thao",
    "Đoàn Sở Thông tin và Truyền thông", "Đoàn Đài Tiếng nói nhân dân", "Đoàn Sở Kế hoạch và Đầu tư",
    "Đoàn Bảo hiểm xã hội", "Đoàn Sở Tư pháp", "Đoàn Tòa án nhân dân", "Đoàn Viện Kiểm sát nhân dân",
    "Đoàn Cơ quan Liên đoàn Lao động Thành phố", "Đoàn Ban Quản lý đầu tư xây dựng hạ tầng đô thị",
    "Đoàn Ban Quản lý Khu Nông nghiệp Công nghệ cao", "Đoàn Ban Quản lý đường sắt đô thị",
    "Đoàn Cục Quản lý Thị trường", "Đoàn Ban Quản lý An toàn thực phẩm", "Đoàn Viện Nghiên cứu phát triển",
    "Đoàn Khu Công nghệ Cao", "Chi đoàn Trung tâm Xúc tiến Thương mại và Đầu tư Thành phố",
    "Chi đoàn Quỹ Phát triển nhà ở", "Chi đoàn Hội Nông dân", "Chi đoàn Công viên Lịch sử Văn hóa dân tộc",
]
# (group, honorific, position, unit, head count, whole unit)
EXPECTED_000 = [
    (CHAIR, "đồng chí", "Thường trực", "Thành Đoàn TP. Hồ Chí Minh", 1, False),
    (CHAIR, "đồng chí", "Thường trực", "Đảng ủy Khối Dân – Chính – Đảng Thành phố", 1, False),
    # "Đồng chí Bí thư Đoàn Khối…" is the plan's signer: left out
    (GUESTS, "", "Đại diện", "Ban Dân vận Thành ủy", 1, True),
    (GUESTS, "", "Lãnh đạo", "Ban Công nhân lao động Thành Đoàn", 1, True),
    (GUESTS, "", "Lãnh đạo", "Ban Mặt trận – An ninh quốc phòng – Địa bàn dân cư Thành Đoàn", 1, True),
    (GUESTS, "", "Lãnh đạo", "Ban Thiếu nhi Thành Đoàn", 1, True),
    (GUESTS, "", "Lãnh đạo", "Ban Tuyên giáo – Đối ngoại Thành Đoàn", 1, True),
    (GUESTS, "", "Lãnh đạo", "Ban Dân vận Đảng ủy Khối", 1, True),
    (GUESTS, "", REP, "Quận – Huyện Đoàn", 1, True),
    (GUESTS, "", REP, "Thành Đoàn Thành phố Thủ Đức", 1, True),
    (GUESTS, "", REP, "Đoàn Sở Giao thông vận tải Thành phố", 1, True),
    (GUESTS, "", REP, "Đoàn Sở Y tế Thành phố", 1, True),
    (GUESTS, "", REP, "Đoàn Sở Lao động, Thương binh và Xã hội Thành phố", 1, True),
    # "Ban Thường vụ Đoàn Khối…" is the issuing body itself: left out
    *[(KHOI, "", REP, unit, 1, True) for unit in KHOI_UNITS],
]
LEFT_OUT_000 = [("Đồng chí Bí thư Đoàn Khối Dân – Chính – Đảng Thành phố", "là người ký kế hoạch"),
                ("Ban Thường vụ Đoàn Khối Dân – Chính – Đảng Thành phố", "thuộc chính cơ quan ban hành")]

TD, LD = "Thành Đoàn", "Liên đoàn Lao động Thành phố"
ONLINE = "tham dự trực tuyến tại các điểm cầu của đơn vị"
EXPECTED_002 = [
    (GUESTS, "", REP, "Thành ủy Thành phố Hồ Chí Minh", 1, True),
    (GUESTS, "", "Đại diện lãnh đạo", "Ban Tổ chức Thành ủy", 1, True),
    (GUESTS, "", "Đại diện lãnh đạo", "Ban Dân vận Thành ủy", 1, True),
    # "Thường trực Thành Đoàn (04)", "Đại diện lãnh đạo các Ban - Văn phòng Thành Đoàn (09)": the issuer
    # "(04 đồng chí)" for three units: 2, 1, 1
    (TD, "", "Đại diện", "Ban Giám đốc Trung tâm Hỗ trợ Thanh niên công nhân Thành phố", 2, True),
    (TD, "", "Đại diện", "Ban Giám đốc Trung tâm Phát triển khoa học và Công nghệ Trẻ", 1, True),
    (TD, "", "Đại diện", "Ban Biên tập Báo Tuổi trẻ", 1, True),
    (TD, "đồng chí", "Thường trực", "Thành Đoàn Thành phố Thủ Đức", 1, False),
    (TD, "", "Thường trực", "các quận, huyện Đoàn", 1, True),
    (TD, "", "Thường trực", "các cơ sở Đoàn khu vực Công nhân lao động trực thuộc Thành Đoàn", 1, True),
    # "Thường trực Liên đoàn Lao động Thành phố (05)", "… các Ban chuyên đề, Văn phòng …": the co-issuer
    (LD, "", "Đại diện", "Ban Thường vụ Liên đoàn Lao động thành phố Thủ Đức, quận, huyện", 1, True),
    (LD, "", "Đại diện", "Công đoàn ngành, sở, khối, Tổng công ty và cấp trên tương đương", 1, True),
]
LEFT_OUT_002 = [
    ("Thường trực Thành Đoàn", "thuộc chính cơ quan ban hành"),
    ("Đại diện lãnh đạo các Ban - Văn phòng Thành Đoàn", "thuộc chính cơ quan ban hành"),
    ("Thường trực Liên đoàn Lao động Thành phố", "thuộc chính cơ quan ban hành"),
    ("Đại diện lãnh đạo các Ban chuyên đề, Văn phòng, Văn phòng Ủy ban Kiểm tra Liên đoàn Lao động Thành phố Hồ "
     "Chí Minh", "thuộc chính cơ quan ban hành"),
]
# The group titles as the plans have them, in order (001's first list has no title: its subsection's)
GROUPS = [[CHAIR, GUESTS, KHOI], ["Chủ trì hội nghị", "Cấp thành phố", "Cấp quận", "Cấp cơ sở"],
          [GUESTS, TD, LD], ["Đại biểu"], []]
# What must not open a position (of a person), a unit or a name
OPENERS = ["trân trọng", "kính mời", "mời", "kính gửi", "đồng chí", "đ/c", "ông", "bà", "đại diện", "lãnh đạo"]


def example(number: int) -> Plan:
    return kehoach_json.read_file(FIXTURE_FILES[number])


def fields(rows):
    return [(a.group, a.honorific, a.position, a.unit, a.head_count, a.whole_unit) for a in rows]


def opens_with(text: str, words) -> bool:
    lowered = unicodedata.normalize("NFC", text).casefold()
    return any(lowered == w or lowered.startswith(w + " ") for w in words)


def test_example_000_every_invitee():
    made = generate(example(0))
    assert fields(made.rows) == EXPECTED_000
    assert all(a.name == "" and a.note == "" for a in made.rows)
    assert [a.needs_name for a in made.rows] == [True, True] + [False] * (len(EXPECTED_000) - 2)
    assert len(made.left_out) == len(LEFT_OUT_000)
    for (text, reason), (expected_text, expected_reason) in zip(made.left_out, LEFT_OUT_000, strict=True):
        assert text == expected_text and reason.startswith(expected_reason)
    assert "Nguyễn Đăng Khoa" in made.left_out[0][1]


def test_example_002_every_invitee():
    made = generate(example(2))
    assert fields(made.rows) == EXPECTED_002
    notes = [a.note for a in made.rows]
    assert notes[:3] == ["", "", ""]
    assert notes[3:6] == ["04 đồng chí cho cả 3 đơn vị"] * 3
    assert notes[6:] == [ONLINE] * 5
    assert [(t, r[:len(e)]) for (t, r), (_t, e) in zip(made.left_out, LEFT_OUT_002, strict=True)] == LEFT_OUT_002


def test_keep_own_brings_the_issuers_people_back_but_never_a_signer():
    made = generate(example(0), keep_own=True)
    assert (KHOI, "", "", "Ban Thường vụ Đoàn Khối Dân – Chính – Đảng Thành phố", 1, True) in fields(made.rows)
    assert [reason[:20] for _text, reason in made.left_out] == ["là người ký kế hoạch"]
    kept = generate(example(2), keep_own=True)
    assert (TD, "đồng chí", "Thường trực", "Thành Đoàn", 4, False) in fields(kept.rows)
    assert (LD, "", "Đại diện lãnh đạo", "Văn phòng Liên đoàn Lao động Thành phố Hồ Chí Minh", 3, True) in \
        fields(kept.rows)  # the parent named at the end, given to each department; 09 shared by three
    assert kept.left_out == []


@pytest.mark.parametrize("number", range(5))
def test_no_verb_honorific_or_representative_left_in_a_field(number):
    for row in generate(example(number)).rows:
        assert not opens_with(row.unit, OPENERS), row
        assert not opens_with(row.name, OPENERS), row
        assert not opens_with(row.position, OPENERS[:8] if row.whole_unit else OPENERS), row
        assert not row.position or row.position[0].isupper(), row


@pytest.mark.parametrize("number", range(5))
def test_no_signer_of_the_plan_is_invited(number):
    plan = example(number)
    rows = generate(plan).rows
    for signer in plan.signatures:
        body = [w for w in signer.body.casefold().split() if w not in ("ban", "thường", "vụ", "btv")]
        for row in rows:
            assert not signer.name or row.name.casefold() != signer.name.casefold()
            if signer.position and not row.whole_unit and row.position.casefold() == signer.position.casefold():
                assert not all(w in row.unit.casefold() for w in body), (row, signer)
    if number == 0:
        assert not [a for a in rows if a.position == "Bí thư" and "Đoàn Khối" in a.unit]


@pytest.mark.parametrize("number", range(5))
def test_groups_come_in_the_plans_order(number):
    plan = example(number)
    made = generate(plan)
    assert made.groups == plan_groups(plan) == GROUPS[number]
    positions = [made.groups.index(a.group) for a in made.rows]
    assert positions == sorted(positions)
    assert [a.group for a in sorted_attendees(list(reversed(made.rows)), made.groups)] == [a.group for a in made.rows]


def test_chair_before_guests_once_sorted():
    """The guest list put "Khách mời" before "Chủ trì Hội nghị" (the issue)."""
    plan = example(0)
    rows = sorted_attendees(generate(plan).rows, plan_groups(plan))
    assert [a.group for a in rows][:3] == [CHAIR, CHAIR, GUESTS]


def test_example_001_untitled_group_takes_its_subsection_and_one_unit_is_invited_once():
    made = generate(example(1))
    first = [a for a in made.rows if a.group == "Chủ trì hội nghị"]
    assert [(a.position, a.unit) for a in first] == [(REP, "Quận ủy"), ("Lãnh đạo", "Ban Dân vận Quận ủy")]
    # named again under "Cấp quận": not invited twice, and said so; "Bí thư Quận Đoàn" is the issuer (Đoàn Quận 12)
    assert ("Mời đại diện Thường trực Quận ủy", "đã có trong nhóm “Chủ trì hội nghị”") in made.left_out
    assert ("Bí thư Quận Đoàn", "thuộc chính cơ quan ban hành kế hoạch") in made.left_out
    assert ("Ban Thường vụ Quận Đoàn", "thuộc chính cơ quan ban hành kế hoạch") in made.left_out
    assert ("Cấp cơ sở", "đồng chí", "Bí thư", "phường", 1, False) in fields(made.rows)
    assert [a.note for a in made.rows if a.unit == "phường"] == ["hoặc Phó Bí thư Đảng ủy"]


def test_group_for_unit():
    plan = example(0)
    assert group_for_unit(plan, "Đoàn Sở Y tế Thành phố") == GUESTS
    assert group_for_unit(plan, "Đoàn Sở Y tế") == GUESTS  # without the city
    assert group_for_unit(plan, "đoàn sở du lịch") == KHOI
    assert group_for_unit(plan, "Thành Đoàn TP. Hồ Chí Minh") == CHAIR
    assert group_for_unit(plan, "Chi đoàn Hội Nông dân") == KHOI
    assert group_for_unit(plan, "Đoàn Phường 7") == ""
    assert group_for_unit(plan, "") == ""
    assert group_for_unit(example(2), "Báo Tuổi trẻ") == TD  # named inside an entry


def odd_plan(*texts: str, bodies=("BCH ĐOÀN PHƯỜNG 7",)) -> Plan:
    return Plan(issuing_bodies=list(bodies),
                signatures=[Signature(body="BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", position="BÍ THƯ", name="Lê Văn Ký")],
                sections=[Section("THÀNH PHẦN", c.Participants(groups=[
                    c.ParticipantGroup("", [c.ParticipantEntry(t) for t in texts])]))])


def test_odd_entries():
    made = generate(odd_plan("", "   ", "Mời", "Kính mời đồng chí", "Mời đại diện"))
    assert made.rows == []
    assert [t for t, _r in made.left_out] == ["Mời", "Kính mời đồng chí", "Mời đại diện"]
    assert {r for _t, r in made.left_out} == {"không ghi chức vụ hay đơn vị nào"}
    assert made.groups == ["Đại biểu"]


def test_lowercase_and_decomposed_text():
    made = generate(odd_plan("kính mời đồng chí bí thư quận đoàn 1", "cán bộ đoàn tiêu biểu",
                             unicodedata.normalize("NFD", "Kính mời đồng chí Phó Bí thư Thành Đoàn (02 đồng chí)"),
                             "mời đại diện lãnh đạo ban dân vận quận ủy",
                             "Uỷ viên Ban Thường vụ Quận Đoàn 3"))
    assert [(a.honorific, a.position, a.unit, a.head_count, a.whole_unit) for a in made.rows] == [
        ("đồng chí", "Bí thư", "quận đoàn 1", 1, False),
        ("", "", "Cán bộ đoàn tiêu biểu", 1, True),  # the start of the sentence stays capitalised
        ("đồng chí", "Phó Bí thư", "Thành Đoàn", 2, False),
        ("", "Đại diện lãnh đạo", "ban dân vận quận ủy", 1, True),
        ("đồng chí", "Ủy viên Ban Thường vụ", "Quận Đoàn 3", 1, False),  # the old tone placement
    ]
    assert all(a.position == unicodedata.normalize("NFC", a.position) for a in made.rows)


def test_names_honorifics_signers_and_the_own_body():
    made = generate(odd_plan("Đồng chí Nguyễn Văn Tâm, Phó Bí thư Thành Đoàn TP. Hồ Chí Minh",
                             "Ông Trần Văn Bình – Giám đốc Sở Y tế", "bà Lê Thị Hoa",
                             "Kính mời đồng chí Bí thư Đoàn Phường 5 (đã có thư mời riêng)",
                             "Đồng chí Lê Văn Ký", "Bí thư Đoàn Phường 7", "Ban Thường vụ Đoàn Phường 7",
                             "Các đồng chí Ủy viên Ban Chấp hành Đoàn Phường 6"))
    assert [(a.honorific, a.name, a.position, a.unit, a.note, a.needs_name) for a in made.rows] == [
        ("đồng chí", "Nguyễn Văn Tâm", "Phó Bí thư", "Thành Đoàn TP. Hồ Chí Minh", "", False),
        ("ông", "Trần Văn Bình", "Giám đốc", "Sở Y tế", "", False),
        ("bà", "Lê Thị Hoa", "", "", "", False),
        ("đồng chí", "", "Bí thư", "Đoàn Phường 5", "đã có thư mời riêng", True),
        ("", "", "Ủy viên Ban Chấp hành", "Đoàn Phường 6", "", False),  # several people: the unit is invited
    ]
    assert made.rows[-1].whole_unit
    assert made.left_out == [("Đồng chí Lê Văn Ký", "là người ký kế hoạch (Lê Văn Ký)"),
                             ("Bí thư Đoàn Phường 7", "là người ký kế hoạch (Bí thư Lê Văn Ký)"),
                             ("Ban Thường vụ Đoàn Phường 7", "thuộc chính cơ quan ban hành kế hoạch")]


def test_own_body_is_recognised_however_it_is_written():
    # "Liên đoàn Lao động Thành phố Hồ Chí Minh" ~ "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ"; "thành phố Thủ Đức" is another
    plan = odd_plan("Thường trực Liên đoàn Lao động Thành phố Hồ Chí Minh", "Văn phòng Liên đoàn Lao động TP. HCM",
                    "Thường trực Liên đoàn Lao động thành phố Thủ Đức", "Bí thư Quận Đoàn 12",
                    "Ban Tổ chức, Ban Kiểm tra Liên đoàn Lao động Thành phố",
                    bodies=("LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ", "BCH ĐOÀN QUẬN 12"))
    made = generate(plan)
    assert [a.unit for a in made.rows] == ["Liên đoàn Lao động thành phố Thủ Đức"]
    assert len(made.left_out) == 4


def test_a_list_of_units_is_cut_only_where_a_unit_starts():
    (row,) = generate(odd_plan("Đại diện Đoàn Sở Lao động, Thương binh và Xã hội")).rows
    assert row.unit == "Đoàn Sở Lao động, Thương binh và Xã hội"
    rows = generate(odd_plan("Mời đại diện Ban Thường vụ Thành Đoàn, Ban Tuyên giáo, Ban Tổ chức, "
                             "Ban Kiểm tra Thành Đoàn (08 đồng chí)")).rows
    assert [(a.position, a.unit, a.head_count) for a in rows] == [
        ("Đại diện", "Ban Thường vụ Thành Đoàn", 2), ("Đại diện", "Ban Tuyên giáo Thành Đoàn", 2),
        ("Đại diện", "Ban Tổ chức Thành Đoàn", 2), ("Đại diện", "Ban Kiểm tra Thành Đoàn", 2)]
    rows = generate(odd_plan("Bí thư, Phó Bí thư các cơ sở Đoàn trực thuộc")).rows
    assert [(a.position, a.unit, a.whole_unit) for a in rows] == [
        ("Bí thư", "các cơ sở Đoàn trực thuộc", True), ("Phó Bí thư", "các cơ sở Đoàn trực thuộc", True)]


def test_new_roles_skips_a_role_already_named():
    plan = example(0)
    made = generate(plan).rows
    have = [replace(made[0], name="Nguyễn Văn An")] + made[2:5]  # a name filled in: still the same role
    fresh = new_roles(have, made)
    assert len(fresh) == len(made) - 4 and made[1] in fresh and made[0] not in fresh


def test_a_former_position_is_a_position_for_every_role_it_heads():
    """Plan F of tests/formats/test_plan_import_unseen.py: "Nguyên Bí thư, Phó
    Bí thư Đoàn các phường cũ": two former office holders, not a unit "Nguyên Bí thư"."""
    entry = c.ParticipantEntry("Nguyên Bí thư, Phó Bí thư Đoàn các phường cũ qua các thời kỳ", 25)
    plan = Plan(sections=[Section("THÀNH PHẦN", c.Participants([c.ParticipantGroup("Khách mời", [entry])]))])
    rows = generate(plan).rows
    assert [(r.position, r.unit, r.whole_unit) for r in rows] == [
        ("Nguyên Bí thư", "Đoàn các phường cũ qua các thời kỳ", False),
        ("Nguyên Phó Bí thư", "Đoàn các phường cũ qua các thời kỳ", False)]
    assert sum(r.head_count for r in rows) == 25
