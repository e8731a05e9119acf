"""The days of the office's calendar (core.calendar_days): six weeks from a
Monday, the lunar date in short, the marks, and where an item is shown."""
from datetime import date

from kehoach_desktop.core.calendar_days import PlanItem, calendar_days, month_span, week_span
from kehoach_desktop.core.dated_items import EVENT, STEP, DatedItem
from kehoach_desktop.core.marked_days import Anniversary


def planned(item: DatedItem) -> PlanItem:
    return PlanItem(item, 1, "Kế hoạch", "issued", "ĐOÀN PHƯỜNG")


def test_the_month_is_six_weeks_from_a_monday():
    days = month_span(2023, 1)
    assert days[0] == date(2022, 12, 26) and days[-1] == date(2023, 2, 5) and len(days) == 42
    assert week_span(date(2023, 1, 31)) == [date(2023, 1, 30 + i) if i < 2 else date(2023, 2, i - 1) for i in range(7)]


def test_lunar_dates_marks_and_items_on_their_days():
    conference = planned(DatedItem(date(2023, 1, 31), EVENT, "Hội nghị", "sections[1].content.event_date", "Mục II",
                                   start_time="08:00"))
    short = planned(DatedItem(date(2023, 1, 30), STEP, "Chuẩn bị", "x", "Mục V", end=date(2023, 2, 1)))
    long = planned(DatedItem(date(2022, 11, 1), STEP, "Cả đợt", "y", "Mục V", end=date(2023, 3, 1), month_only=True))
    days = {d.day: d for d in calendar_days(month_span(2023, 1), [conference, short, long],
                                            [Anniversary("01-12", "Ngày của cơ quan")], month=1)}
    assert days[date(2023, 1, 31)].lunar == "10/1" and days[date(2023, 1, 31)].lunar_text == "Mùng 10 Tết Quý Mão"
    assert days[date(2023, 1, 31)].items == (conference, short)  # in the order given
    assert [d.day.day for d in days.values() if short in d.items] == [30, 31, 1]  # each day of a short range
    assert [d.day for d in days.values() if long in d.items] == [date(2023, 1, 1)]  # the month's first day
    assert long.label() == "Tháng 11/2022 – 3/2023: Cả đợt" and conference.label() == "08:00 Hội nghị"
    assert days[date(2023, 1, 22)].day_off and days[date(2023, 1, 12)].marks[0].name == "Ngày của cơ quan"
    assert not days[date(2023, 1, 12)].day_off and not days[date(2023, 2, 1)].in_month
