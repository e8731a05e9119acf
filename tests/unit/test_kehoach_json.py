"""The .kehoach.json file: round trip, schema agreement, and bad input."""
import dataclasses
import json
import unicodedata

import pytest
from conftest import FIXTURE_FILES

from kehoach_desktop.core import content as c
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import Plan
from kehoach_desktop.formats import kehoach_json


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture_round_trip_is_lossless(path):
    """The examples are version-1 files: read and written again, they are
    the same plan in version 2, which adds the (empty) appendices."""
    original = json.loads(path.read_text(encoding="utf-8"))
    assert original["version"] == 1
    plan = kehoach_json.read_file(path)
    assert json.loads(kehoach_json.dumps(plan)) == original | {"version": 2, "plan": original["plan"] | {"appendices": []}}


def test_there_are_five_fixtures():
    assert len(FIXTURE_FILES) == 5


def _schema_properties(schema, name):
    return set(schema["$defs"][name]["properties"])


def test_schema_lists_every_model_field():
    """The hand-written schema and the model must not drift apart."""
    schema = kehoach_json.schema()
    pairs = {"plan": Plan, "time_place": c.TimePlace, "participants": c.Participants,
             "programme": c.Programme, "assignments": c.Assignments, "timeline": c.Timeline,
             "activities": c.Activities, "free": c.FreeContent, "table": c.Table, "budget": c.Budget}
    for name, cls in pairs.items():
        assert _schema_properties(schema, name) == {f.name for f in dataclasses.fields(cls)}, name


def _write(tmp_path, data, name="plan.kehoach.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _minimal():
    return {"format": "kehoach", "version": 1,
            "plan": {"issuing_bodies": ["BCH ĐOÀN QUẬN 12"], "sections": [
                {"heading": "Thành phần", "content": {"kind": "participants", "groups": [
                    {"title": "", "entries": [{"text": "Bí thư", "count": 1}]}]}}]}}


def test_minimal_file_gets_defaults(tmp_path):
    plan = kehoach_json.read_file(_write(tmp_path, _minimal()))
    assert plan.status == "draft" and plan.signatures and plan.sections[0].content.groups[0].entries[0].count == 1


def test_decomposed_text_is_normalised_and_warned(tmp_path):
    data = _minimal()
    data["plan"]["title"] = unicodedata.normalize("NFD", "Hội nghị")
    plan, warnings = kehoach_json.read_file_with_warnings(_write(tmp_path, data))
    assert plan.title == "Hội nghị" and unicodedata.is_normalized("NFC", plan.title)
    assert warnings and "NFC" in warnings[0]


def expect_error(path, *fragments):
    with pytest.raises(UserError) as info:
        kehoach_json.read_file(path)
    message = str(info.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_malformed_json(tmp_path):
    expect_error(_write(tmp_path, '{"format": "kehoach",\n  "version": 1,,}'), "JSON không hợp lệ", "dòng 2")


def test_not_utf8(tmp_path):
    path = tmp_path / "x.kehoach.json"
    path.write_bytes("{\"title\": \"Hội\"}".encode("cp1258", errors="replace") + b"\xff")
    expect_error(path, "UTF-8")


def test_missing_file(tmp_path):
    expect_error(tmp_path / "none.kehoach.json", "không tìm thấy")


def test_wrong_format(tmp_path):
    data = _minimal() | {"format": "word"}
    expect_error(_write(tmp_path, data), "$.format", "không phải tệp kế hoạch")


def test_newer_version(tmp_path):
    expect_error(_write(tmp_path, _minimal() | {"version": 3}), "$.version", "phiên bản mới hơn")


def test_bad_version(tmp_path):
    expect_error(_write(tmp_path, _minimal() | {"version": "1"}), "$.version")


def test_missing_field(tmp_path):
    data = _minimal()
    del data["plan"]["sections"][0]["heading"]
    expect_error(_write(tmp_path, data), "$.plan.sections[0]", "thiếu trường bắt buộc \"heading\"")


def test_mistyped_field_name(tmp_path):
    data = _minimal()
    data["plan"]["tittle"] = "x"
    expect_error(_write(tmp_path, data), "$.plan", "\"tittle\"")


def test_wrong_type_deep_inside(tmp_path):
    data = _minimal()
    data["plan"]["sections"][0]["content"]["groups"][0]["entries"][0]["count"] = "04"
    expect_error(_write(tmp_path, data), "$.plan.sections[0].content.groups[0].entries[0].count",
                 "số nguyên")


def test_unknown_content_kind(tmp_path):
    data = _minimal()
    data["plan"]["sections"][0]["content"]["kind"] = "tabel"
    expect_error(_write(tmp_path, data), "$.plan.sections[0].content.kind", "\"tabel\"")


def test_impossible_date(tmp_path):
    data = _minimal()
    data["plan"]["plan_date"] = "2022-02-30"
    expect_error(_write(tmp_path, data), "$.plan.plan_date", "không hợp lệ")


def test_a_time_or_deadline_typed_wrong_is_kept_as_typed_for_the_checker(tmp_path):
    """Nothing typed is dropped: a file holds what the editor kept ("25g00",
    "31/02/2023"), reads back the same, and the checker names each."""
    from kehoach_desktop.core.checks import check_plan

    data = _minimal()
    data["plan"]["sections"] = [
        {"heading": "Thời gian", "content": {"kind": "time_place", "start_time": "25g00"}},
        {"heading": "Phân công", "content": {"kind": "assignments", "units": [{"unit": "Văn phòng", "tasks": [
            {"text": "Gửi giấy mời", "deadline_typed": "31/02/2023", "deadline_time": "sáng"}]}]}},
        {"heading": "Tiến độ", "content": {"kind": "timeline", "steps": [
            {"when": {"start_typed": "13/2023"}, "text": "Sơ kết"}]}}]
    plan = kehoach_json.read_file(_write(tmp_path, data))
    assert plan.sections[0].content.start_time == "25g00"
    task = plan.sections[1].content.units[0].tasks[0]
    assert (task.deadline_date, task.deadline_typed, task.deadline_time) == (None, "31/02/2023", "sáng")
    again = kehoach_json.read_file(_write(tmp_path, kehoach_json.dumps(plan), "again.kehoach.json"))
    assert again == plan
    messages = [f.message for f in check_plan(plan) if f.rule == "typed-date-time"]
    assert messages == ["Mục I: giờ bắt đầu “25g00” không phải giờ có thật",
                        "Mục II, đơn vị 1, nhiệm vụ 1: hạn “31/02/2023” không phải ngày có thật",
                        "Mục II, đơn vị 1, nhiệm vụ 1: giờ của hạn “sáng” không đọc được thành giờ "
                        "(cần dạng 08g00 hoặc 08:00)",
                        "Mục III, bước 1: ngày bắt đầu “13/2023” không phải ngày có thật"]


def test_a_file_without_the_typed_fields_still_loads(tmp_path):
    data = _minimal()
    data["plan"]["sections"][0]["content"] = {"kind": "assignments", "units": [{"unit": "A", "tasks": [
        {"text": "B", "deadline_date": "2023-02-20", "deadline_time": "08:00"}]}]}
    task = kehoach_json.read_file(_write(tmp_path, data)).sections[0].content.units[0].tasks[0]
    assert (task.deadline_typed, task.deadline_time) == ("", "08:00")


def test_too_many_issuing_bodies(tmp_path):
    data = _minimal()
    data["plan"]["issuing_bodies"] = ["A", "B", "C", "D"]
    expect_error(_write(tmp_path, data), "$.plan.issuing_bodies", "nhiều nhất 3")


def test_write_refuses_to_overwrite(tmp_path):
    path = _write(tmp_path, "old")
    with pytest.raises(UserError, match="--force"):
        kehoach_json.write_file(Plan(), path)
    assert path.read_text(encoding="utf-8") == "old"
    kehoach_json.write_file(Plan(), path, overwrite=True)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "kehoach"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]



# Found by fuzzing (tests/fuzz): each raised something other than UserError.
def test_an_integer_too_long_for_python_is_refused(tmp_path):
    text = json.dumps(_minimal()).replace('"count": 1', '"count": ' + "9" * 5000)
    expect_error(_write(tmp_path, text), "JSON có số quá dài")


def test_nesting_deeper_than_python_recurses_is_refused(tmp_path):
    text = json.dumps(_minimal()).replace('"count": 1', '"count": ' + "[" * 100_000 + "]" * 100_000)
    expect_error(_write(tmp_path, text), "JSON lồng nhau quá sâu")


def test_nesting_deeper_than_any_plan_is_refused_with_its_place(tmp_path):
    """Not a crash yet, but the schema check and its messages recurse: a
    depth limit keeps them far from Python's."""
    data = _minimal()
    deep = "x"
    for _ in range(kehoach_json.MAX_DEPTH + 10):
        deep = [deep]
    data["plan"]["sections"][0]["content"]["kind"] = deep
    expect_error(_write(tmp_path, data), "JSON lồng nhau quá sâu", "$.plan.sections[0].content.kind[0][0]")


def test_a_file_too_big_for_a_plan_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "lon.kehoach.json"
    with path.open("wb") as file:
        file.truncate(kehoach_json.MAX_FILE_BYTES + 1)  # sparse: no disk used
    monkeypatch.setattr(type(path), "open", lambda *a, **k: pytest.fail("the file was opened"))
    expect_error(path, "tệp quá lớn cho một kế hoạch (hơn 16 MB)")


def test_a_table_and_appendices_round_trip_through_the_file(tmp_path):
    """Version 2: a table section and an appendix holding a table are written
    and read back as they were, and the file passes the schema."""
    from kehoach_desktop.core.model import Appendix, Section
    from kehoach_desktop.core.tables import HeaderCell, Table, TableColumn

    table = Table(columns=[TableColumn(3), TableColumn(1, "right", True)],
                  header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Số lượng")]],
                  rows=[["Đoàn phường 1", "50 đơn vị"], ["Đoàn phường 2", "40"]], total_row=True)
    plan = Plan(title="Có bảng", sections=[Section("BẢNG", table)],
                appendices=[Appendix("Danh sách", table, "(Kèm theo Kế hoạch số 07)")])
    path = tmp_path / "bang.kehoach.json"
    path.write_text(kehoach_json.dumps(plan), encoding="utf-8")
    assert kehoach_json.read_file(path) == plan
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2


def test_a_plan_imported_without_its_signature_is_written_and_read_back(tmp_path):
    """A web page cut before the signature gives a plan with none: the file
    the program writes for it must open again (the checker reports the
    missing signature, the file format does not refuse it)."""
    from kehoach_desktop.formats.plan_import import plan_from_text

    plan, _ = plan_from_text("BCH ĐOÀN XÃ AN HÒA\nSố: 12-KH/ĐTN\nAn Hòa, ngày 03 tháng 3 năm 2021\nKẾ HOẠCH\n"
                             "Tổ chức hội trại\nI. MỤC ĐÍCH\n- Tạo sân chơi.\n")
    assert plan.signatures == []
    path = tmp_path / "p.kehoach.json"
    kehoach_json.write_file(plan, path)
    assert kehoach_json.read_file(path) == plan
