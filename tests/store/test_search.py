"""The plan search (PlanStore.search, summaries(query=)): a phrase without
diacritics, on word boundaries, in every text of a plan; and the upgrade
(migration 0006) that recomputes the search text of stored plans."""
import unicodedata
from datetime import date

import pytest
from conftest import FIXTURE_FILES, fixture_name
from sqlalchemy import text

from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import DocumentNumber, Plan, Section, Signature
from kehoach_desktop.core.text import matches, search_index, search_needle
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store import migrate
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore, search_text

# The acceptance queries on the five example plans (issue 14), by fixture name prefix.
EXAMPLE_QUERIES = {
    "quan 12": ["001"],
    "giua nhiem ky": ["003"],
    "hoi cuu chien binh": ["004"],
    "lien doan lao dong": ["000", "002"],
}


def add_examples(store) -> dict[int, str]:
    """The five example plans; their ids with the fixture's number ("000"…)."""
    return {store.add(kehoach_json.read_file(path)): fixture_name(path)[:3] for path in FIXTURE_FILES}


def found(store, names, query):
    return sorted(names[plan_id] for plan_id in store.search(query))


@pytest.mark.parametrize("query, expected", EXAMPLE_QUERIES.items())
def test_the_example_plans_are_found_by_a_phrase_anywhere_in_them(store, query, expected):
    names = add_examples(store)
    assert found(store, names, query) == expected
    typed = {"quan 12": "Quận 12", "giua nhiem ky": "giữa nhiệm kỳ", "hoi cuu chien binh": "Hội Cựu chiến binh",
             "lien doan lao dong": "LIÊN ĐOÀN LAO ĐỘNG"}[query]
    assert found(store, names, typed) == expected
    assert found(store, names, unicodedata.normalize("NFD", typed)) == expected
    # The list with a query is the same plans, in the list's order.
    assert [s.id for s in store.summaries(query=typed)] == [s.id for s in store.summaries() if names[s.id] in expected]


def test_every_word_anywhere_is_not_enough(store):
    """Every word anywhere would also find 000 and 004 for "quan 12" ("quận"
    in one place, "12" in another), and 004 for "giua nhiem ky" and "lien
    doan lao dong"; the phrase finds the plans meant. Words in another order
    are another phrase."""
    names = add_examples(store)
    plans = {name: store.get(plan_id) for plan_id, name in names.items()}
    for query, expected in EXAMPLE_QUERIES.items():
        anywhere = sorted(name for name, plan in plans.items() if matches(query, search_text(plan)))
        assert found(store, names, query) == expected and set(expected) <= set(anywhere), query
    assert [query for query, expected in EXAMPLE_QUERIES.items()
            if sum(matches(query, search_text(plan)) for plan in plans.values()) > len(expected)] == \
        ["quan 12", "giua nhiem ky", "lien doan lao dong"]
    assert found(store, names, "12 quan") == []


def test_a_phrase_is_found_on_word_boundaries_and_never_across_two_texts(store):
    quan = store.add(Plan(title="Hội thao Quận 12 năm 2023", plan_date=date(2023, 3, 1)))
    apart = store.add(Plan(title="Hiến máu tại quận", place="Phường 12", plan_date=date(2022, 12, 5)))
    assert store.search("quan 12") == [quan]  # "quận" ends one text, "12" starts the next or is a date's month
    assert store.search("quan 1") == []  # a number is a whole word: "Quận 1" is not "Quận 12"
    assert store.search("hoi tha") == [quan]  # the last word may be unfinished while typing
    assert store.search("oi thao") == []  # but a phrase starts at a word's start
    assert store.search("12 nam 2023") == [quan]
    assert store.search("05/12/2022") == [apart]  # the plan's date as the list shows it
    assert store.search("Phường 12") == [apart] and store.search("phuong 12 05") == []
    assert store.search("   ") == store.search("—") == [quan, apart]  # no word: nothing filtered


def test_numbers_and_symbols_are_searched_without_their_punctuation(store):
    plan_id = store.add(Plan(title="Tổ chức Hội nghị", number=DocumentNumber(37, suffix="VP")))
    for query in ("37-KH/ĐTN", "37 kh dtn", "kh/đtn-vp", "37"):
        assert store.search(query) == [plan_id], query
    assert store.search("3") == [] and store.search("kh dtn 37") == []


# Every text of a plan, each with a phrase found nowhere else.
EVERY_TEXT = Plan(
    superior_body="Đoàn Bạch Đằng",
    issuing_bodies=["Ban Chi Lăng", "Ban Đống Đa"],
    organisation_title="Tổ chức Hàm Tử",
    place="Phường Rạch Gầm",
    title="Kế hoạch Vạn Kiếp\nXương Giang",
    preamble=["Căn cứ Tốt Động"],
    sections=[
        Section("Mục Như Nguyệt", c.FreeContent([
            c.Paragraph("Đoạn Ngọc Hồi"), c.Item("Ý Bình Lệ"), c.Numbered("Số Đông Bộ Đầu"),
            c.Display(["Dòng Tây Kết"]),
            c.Subsection("Tiểu mục Chương Dương", c.FreeContent([c.Paragraph("Bên trong Điện Biên")])),
            c.Embedded(c.TimePlace(venue="Hội trường Ấp Bắc", address="Đường Lam Sơn")),
        ])),
        Section("Thời gian", c.TimePlace(duration="Buổi Đồng Khởi", form_text="Hình thức Hòa Vang")),
        Section("Thành phần", c.Participants([c.ParticipantGroup("Nhóm Tân Trào", [
            c.ParticipantEntry("Đại biểu Pác Bó", 3, remark="Ghi chú Cao Bằng")])])),
        Section("Chương trình", c.Programme([c.ProgrammeSlot("08:00", "", "Khai mạc Mê Linh",
                                                             ["Văn nghệ Cổ Loa"])])),
        Section("Phân công", c.Assignments([c.UnitAssignment("Ban Phong Châu", [
            c.Task("Việc Hoa Lư", display=["Khối Thăng Long"])])])),
        Section("Tiến độ", c.Timeline([c.TimelineStep(c.When(text="Đợt Tây Sơn"), "Bước Phú Xuân")])),
        Section("Hoạt động", c.Activities([c.Activity(
            "Hoạt động Gò Đống", time="Dịp Kinh Bắc", area="Vùng Sơn Nam", content=["Nội dung Hải Đông"],
            duties=[c.Duty("Đơn vị Kinh Lược", "Phần Thuận Hóa")])])),
    ],
    closing="Trên đây là Quảng Nam.",
    recipients=["Nơi Gia Định"],
    signatures=[Signature("TM.", "Ban Hà Tiên", "Bí thư Châu Đốc", "Nguyễn Long Xuyên")],
    note="Ghi nhớ Bến Nghé",
)
PHRASES = ["Bạch Đằng", "Chi Lăng", "Đống Đa", "Hàm Tử", "Rạch Gầm", "Vạn Kiếp Xương Giang", "Tốt Động",
           "Như Nguyệt", "Ngọc Hồi", "Bình Lệ", "Đông Bộ Đầu", "Tây Kết", "Chương Dương", "Điện Biên", "Ấp Bắc",
           "Lam Sơn", "Đồng Khởi", "Hòa Vang", "Tân Trào", "Pác Bó", "Cao Bằng", "Mê Linh", "Cổ Loa",
           "Phong Châu", "Hoa Lư", "Thăng Long", "Tây Sơn", "Phú Xuân", "Gò Đống", "Kinh Bắc", "Sơn Nam",
           "Hải Đông", "Kinh Lược", "Thuận Hóa", "Quảng Nam", "Gia Định", "Hà Tiên", "Châu Đốc", "Long Xuyên",
           "Bến Nghé"]


def test_every_text_of_a_plan_is_searched(store):
    other = store.add(Plan(title="Kế hoạch khác"))
    plan_id = store.add(EVERY_TEXT)
    assert [phrase for phrase in PHRASES if store.search(phrase) != [plan_id]] == []
    assert store.search("khac") == [other]


def test_an_edit_is_searched_at_once_and_the_trash_is_not(store):
    plan_id = store.add(Plan(title="Hội nghị sơ kết"))
    store.update(plan_id, Plan(title="Hội nghị tổng kết"))
    assert store.search("so ket") == [] and store.search("tong ket") == [plan_id]
    store.delete(plan_id)
    assert store.search("tong ket") == [] and store.summaries(query="tong ket") == []


def test_the_search_index_and_the_needle():
    assert search_index(["Số: 37-KH/ĐTN", "", "Hội  nghị\nsơ kết"]) == " so 37 kh dtn | hoi nghi so ket "
    assert search_needle("Hội ngh") == " hoi ngh"
    assert search_needle("quận 12") == " quan 12 "
    assert search_needle(unicodedata.normalize("NFD", "Quận 12")) == " quan 12 "
    assert search_needle(" - ; ") is None


# ------------------------------------------------------------------ the upgrade
def test_the_upgrade_recomputes_the_search_text_of_stored_plans(db_target):
    """A database of schema 0005 holds the old, narrow search text; opening
    it with this program recomputes it for every plan, the trashed ones
    too, and a damaged plan does not stop the upgrade."""
    from alembic import command

    db = open_database(db_target)
    store = PlanStore(db)
    names = add_examples(store)
    trashed = store.add(Plan(title="Kế hoạch đã xoá", note="Ghi nhớ Sông Lô"))
    store.delete(trashed)
    damaged = store.add(Plan(title="Kế hoạch hỏng", sections=[Section("A", c.FreeContent([c.Paragraph("x")]))]))
    config = migrate._config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
        # What 0005 stored: the folded number, title, bodies, place and date only.
        connection.execute(text("UPDATE plans SET search_text = 'ke hoach cu'"))
        connection.execute(text("UPDATE plan_sections SET content = '{\"kind\": \"bang\"}' WHERE plan_id = :id"),
                           {"id": damaged})
    assert store.search("quan 12") == [] and store.search("lien doan lao dong") == []
    db.close()

    db = open_database(db_target)
    store = PlanStore(db)
    assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD
    for query, expected in EXAMPLE_QUERIES.items():
        assert found(store, names | {damaged: "hỏng"}, query) == expected, query
    store.restore(trashed)
    assert store.search("Sông Lô") == [trashed]
    with db.engine.connect() as connection:
        old = connection.execute(text("SELECT search_text FROM plans WHERE id = :id"), {"id": damaged}).scalar()
    assert old == "ke hoach cu"  # left as it was; opening the plan says it is damaged
    db.close()
