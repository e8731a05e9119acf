"""The holidays and anniversaries the calendar marks and the copy for next
year weighs its dates against (core.marked_days), computed from the shipped
data for several years, the lunar ones included."""
from datetime import date

import pytest

from kehoach_desktop.core.marked_days import Anniversary, day_off, marked_days, marks_of, weekend


@pytest.mark.parametrize("year, first, last", [(2023, date(2023, 1, 21), date(2023, 1, 26)),
                                               (2024, date(2024, 2, 9), date(2024, 2, 14)),
                                               (2025, date(2025, 1, 28), date(2025, 2, 2))])
def test_tet_runs_from_the_lunar_year_s_last_day_to_mung_5(year, first, last):
    tet = [d.day for d in marked_days(date(year, 1, 1), date(year, 12, 31)) if d.name == "Tết Nguyên đán"]
    assert (tet[0], tet[-1], len(tet)) == (first, last, (last - first).days + 1)


def test_the_fixed_and_lunar_holidays_of_a_year():
    days = {(d.day, d.name) for d in marked_days(date(2024, 1, 1), date(2024, 12, 31)) if d.day_off and not d.maybe}
    for day, name in [(date(2024, 1, 1), "Tết Dương lịch"), (date(2024, 4, 18), "Giỗ Tổ Hùng Vương"),
                      (date(2024, 4, 30), "Ngày Giải phóng miền Nam, thống nhất đất nước"),
                      (date(2024, 5, 1), "Ngày Quốc tế Lao động"), (date(2024, 9, 2), "Quốc khánh")]:
        assert (day, name) in days
    assert day_off(date(2024, 4, 18)).name == "Giỗ Tổ Hùng Vương" and day_off(date(2024, 4, 19)) is None


def test_the_day_beside_2_9_is_marked_as_maybe_off_not_surely():
    beside = [d for d in marks_of(date(2025, 9, 1)) if d.maybe]
    assert beside and beside[0].day_off and day_off(date(2025, 9, 1)) is None


def test_the_anniversaries_and_an_office_s_own():
    days = {d.day: d.name for d in marked_days(date(2023, 1, 1), date(2023, 12, 31)) if not d.day_off}
    assert days[date(2023, 3, 26)] == "Ngày thành lập Đoàn TNCS Hồ Chí Minh"
    assert [day for day in days if day.month in (1, 2, 5, 7, 10, 12)] == [
        date(2023, 1, 9), date(2023, 2, 3), date(2023, 5, 15), date(2023, 5, 19), date(2023, 7, 27),
        date(2023, 10, 15), date(2023, 12, 22)]
    own = [Anniversary("11-20", "Ngày thành lập Đoàn trường"), Anniversary("02-29", "Ngày nhuận")]
    marked = marked_days(date(2023, 1, 1), date(2024, 12, 31), own)
    assert [d.day for d in marked if d.name == "Ngày thành lập Đoàn trường"] == [date(2023, 11, 20), date(2024, 11, 20)]
    assert [d.day for d in marked if d.name == "Ngày nhuận"] == [date(2024, 2, 29)]  # no 29/2 in 2023


def test_weekends():
    assert weekend(date(2024, 1, 6)) and weekend(date(2024, 1, 7)) and not weekend(date(2024, 1, 8))
