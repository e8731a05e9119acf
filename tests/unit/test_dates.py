from datetime import date, datetime

import pytest

from kehoach_desktop.core.dates import (
    date_line,
    date_numeric,
    date_words,
    short_date,
    short_datetime,
    time_text,
    weekday,
)
from kehoach_desktop.core.lunar import lunar_date


@pytest.mark.parametrize("d, expected", [
    (date(2013, 2, 9), "ngày 09 tháng 02 năm 2013"),
    (date(2022, 8, 18), "ngày 18 tháng 8 năm 2022"),
    (date(2023, 1, 31), "ngày 31 tháng 01 năm 2023"),
    (date(2022, 12, 3), "ngày 03 tháng 12 năm 2022"),
])
def test_date_words_zero_rule(d, expected):
    assert date_words(d) == expected


def test_date_line_and_blank_date():
    assert date_line("Quận 12", date(2022, 8, 18)) == "Quận 12, ngày 18 tháng 8 năm 2022"
    assert date_line("TP. Hồ Chí Minh", None).startswith("TP. Hồ Chí Minh, ngày ")


def test_short_dates_of_lists_and_messages_always_have_two_digits():
    assert short_date(date(2023, 7, 1)) == "01/07/2023"  # not the plan text's "01/7/2023"
    assert short_date(date(2022, 12, 23)) == "23/12/2022"
    assert short_date(None) == ""
    assert short_datetime(datetime(2026, 3, 4, 8, 5, 9)) == "08:05 04/03/2026"
    assert short_datetime(datetime(2026, 3, 4, 8, 5, 9), seconds=True) == "08:05:09 04/03/2026"
    assert short_datetime(None) == ""


def test_numeric_dates_follow_the_same_rule():
    assert date_numeric(date(2020, 2, 20)) == "20/02/2020"
    assert date_numeric(date(2020, 4, 11)) == "11/4/2020"
    assert date_numeric(date(2020, 3, 1), with_year=False) == "01/3"


@pytest.mark.parametrize("d, lower, capital, digit", [
    (date(2023, 1, 31), "thứ Ba", "Thứ Ba", "thứ 3"),
    (date(2022, 8, 26), "thứ Sáu", "Thứ Sáu", "thứ 6"),
    (date(2020, 4, 11), "thứ Bảy", "Thứ Bảy", "thứ 7"),
    (date(2021, 12, 16), "thứ Năm", "Thứ Năm", "thứ 5"),
    (date(2026, 11, 22), "Chủ nhật", "Chủ nhật", "Chủ nhật"),
])
def test_weekday(d, lower, capital, digit):
    assert weekday(d, "lower") == lower
    assert weekday(d, "capital") == capital
    assert weekday(d, "digit") == digit


def test_time_styles():
    assert time_text("08:00", "g") == "08g00"
    assert time_text("08:00", "giờ") == "08 giờ 00"
    assert time_text("17:30", "h") == "17h30"
    assert time_text("07:05", ":") == "07:05"


@pytest.mark.parametrize("solar, text", [
    (date(1985, 1, 21), "Mùng 1 Tết Ất Sửu"),  # Vietnam; China's Tết was a day later
    (date(2007, 2, 17), "Mùng 1 Tết Đinh Hợi"),  # Vietnam; China's was 18/02/2007
    (date(2023, 1, 31), "Mùng 10 Tết Quý Mão"),
    (date(2023, 1, 22), "Mùng 1 Tết Quý Mão"),
    (date(2024, 2, 10), "Mùng 1 Tết Giáp Thìn"),
    (date(2025, 1, 29), "Mùng 1 Tết Ất Tỵ"),
    (date(2019, 2, 5), "Mùng 1 Tết Kỷ Hợi"),
    (date(2020, 1, 25), "Mùng 1 Tết Canh Tý"),
    (date(2021, 2, 12), "Mùng 1 Tết Tân Sửu"),
    (date(2022, 2, 1), "Mùng 1 Tết Nhâm Dần"),
    (date(2026, 2, 17), "Mùng 1 Tết Bính Ngọ"),
    (date(2024, 4, 18), "Mùng 10 tháng 3 năm Giáp Thìn (âm lịch)"),  # Giỗ Tổ Hùng Vương, a public holiday
    (date(2025, 4, 7), "Mùng 10 tháng 3 năm Ất Tỵ (âm lịch)"),  # Giỗ Tổ Hùng Vương
    (date(2024, 9, 17), "Ngày 15 tháng 8 năm Giáp Thìn (âm lịch)"),  # Tết Trung thu
    (date(2024, 8, 18), "Ngày 15 tháng 7 năm Giáp Thìn (âm lịch)"),  # Vu Lan
    (date(2020, 5, 23), "Mùng 1 tháng 4 nhuận năm Canh Tý (âm lịch)"),  # 2020 had a leap 4th month
    (date(2033, 12, 22), "Mùng 1 tháng 11 nhuận năm Quý Sửu (âm lịch)"),  # the leap 11th month of 2033
])
def test_lunar_tet(solar, text):
    assert lunar_date(solar).text() == text


def test_lunar_mid_autumn_and_leap_month():
    assert lunar_date(date(2023, 9, 29)).text() == "Ngày 15 tháng 8 năm Quý Mão (âm lịch)"
    leap = lunar_date(date(2023, 3, 22))  # 2023 had a leap 2nd month, from 22/3
    assert (leap.month, leap.leap) == (2, True)
    assert leap.text() == "Mùng 1 tháng 2 nhuận năm Quý Mão (âm lịch)"
