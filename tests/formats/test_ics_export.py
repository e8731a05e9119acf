"""The .ics writer (formats/ics_export.py) on plans made for it: the times
of each kind of dated item, a draft's events tentative, UIDs that follow the
plan and the field only, and a file written whole or not at all."""
import sys
import zoneinfo
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from kehoach_desktop.core import content as c
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import DocumentNumber, Plan, Section
from kehoach_desktop.formats.ics_export import CalendarPlan, ics_calendar, uid, write_ics

SAIGON = ZoneInfo("Asia/Ho_Chi_Minh")
SAVED = datetime(2026, 3, 1, 9, 30)


def plan(status="issued") -> Plan:
    return Plan(title="Hội trại tòng quân", number=DocumentNumber(12), status=status, sections=[
        Section("Thời gian, địa điểm", c.TimePlace(event_date=date(2026, 3, 26), end_date=date(2026, 3, 27),
                                                   start_time="07:30", end_time="11:00", venue="Nhà văn hoá")),
        Section("Phân công", c.Assignments([c.UnitAssignment("Văn phòng", [
            c.Task(text="Chuẩn bị hội trường", deadline_date=date(2026, 3, 20))])])),
    ])


def meeting() -> Plan:
    return Plan(title="Họp Ban Thường vụ", sections=[
        Section("Thời gian", c.TimePlace(event_date=date(2026, 3, 2), start_time="14:00"))])


def test_each_item_s_times_in_ho_chi_minh_city():
    cal = ics_calendar([CalendarPlan(4, plan(), 3, SAVED), CalendarPlan(6, meeting(), 1, SAVED)])
    camp, task, talk = cal.walk("VEVENT")
    assert camp.decoded("dtstart") == datetime(2026, 3, 26, 7, 30, tzinfo=SAIGON)
    assert camp.decoded("dtend") == datetime(2026, 3, 27, 11, 0, tzinfo=SAIGON)  # over two days
    assert camp["location"] == "Nhà văn hoá" and camp["summary"] == "Hội trại tòng quân"
    assert "Kế hoạch số 12-KH" in camp["description"] and "Sự kiện, Mục I" in camp["description"]
    assert talk.decoded("dtend") - talk.decoded("dtstart") == timedelta(hours=1)  # no end: an hour
    assert talk.decoded("dtstart") == datetime(2026, 3, 2, 14, 0, tzinfo=SAIGON) and "location" not in talk
    assert (task.decoded("dtstart"), task.decoded("dtend")) == (date(2026, 3, 20), date(2026, 3, 21))  # a day
    assert task["summary"] == "Văn phòng: Chuẩn bị hội trường" and "Hạn nhiệm vụ, Mục II" in task["description"]
    assert camp["sequence"] == 2 and camp.decoded("dtstamp") == SAVED.astimezone(ZoneInfo("UTC"))
    assert camp["uid"] == uid(4, "sections[0].content.event_date")
    again = Calendar.from_ical(cal.to_ical())  # RFC 5545 text, read back
    assert [e["uid"] for e in again.walk("VEVENT")] == [camp["uid"], task["uid"], talk["uid"]]


def test_uids_follow_the_plan_and_the_field_not_the_text():
    edited = plan()
    edited.title = "Hội trại tòng quân năm 2026"
    first = [e["uid"] for e in ics_calendar([CalendarPlan(4, plan(), 1, SAVED)]).walk("VEVENT")]
    assert [e["uid"] for e in ics_calendar([CalendarPlan(4, edited, 2, SAVED)]).walk("VEVENT")] == first
    assert not set(first) & {e["uid"] for e in ics_calendar([CalendarPlan(5, plan(), 1, SAVED)]).walk("VEVENT")}


def test_a_draft_s_events_are_tentative():
    [camp, _task] = ics_calendar([CalendarPlan(4, plan("draft"), 1, SAVED)]).walk("VEVENT")
    assert camp["status"] == "TENTATIVE" and "(dự thảo)" in camp["description"]


def test_a_file_in_a_folder_with_its_name_is_refused_whole(tmp_path):
    target = tmp_path / "lich.ics"
    target.mkdir()
    with pytest.raises(UserError, match="thư mục trùng tên") as error:
        write_ics(target, [CalendarPlan(4, plan(), 1, SAVED)], overwrite=True)
    assert "lich.ics" in str(error.value) and sorted(p.name for p in tmp_path.iterdir()) == ["lich.ics"]


def test_the_zone_comes_with_tzdata_as_on_windows(monkeypatch, tmp_path):
    """Windows has no zone files: zoneinfo then reads the tzdata package (a
    dependency of icalendar, locked for every platform). Without the
    system's files, the export's times are still in Ho Chi Minh City; without
    tzdata either, a Vietnamese message and no file."""
    zoneinfo.reset_tzpath(to=[])
    ZoneInfo.clear_cache()
    try:
        zone = ZoneInfo("Asia/Ho_Chi_Minh")
        assert zone.utcoffset(datetime(2026, 3, 26)) == timedelta(hours=7)
        ZoneInfo.clear_cache()
        for name in [n for n in sys.modules if n.split(".")[0] == "tzdata"] + ["tzdata"]:
            monkeypatch.setitem(sys.modules, name, None)  # a bundle that left the package out
        with pytest.raises(UserError, match="thiếu dữ liệu múi giờ"):
            write_ics(tmp_path / "lich.ics", [CalendarPlan(4, plan(), 1, SAVED)], overwrite=True)
        assert list(tmp_path.iterdir()) == []
    finally:
        zoneinfo.reset_tzpath()
        ZoneInfo.clear_cache()
