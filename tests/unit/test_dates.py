from datetime import date, datetime

import pytest

from kehoach_desktop.core.dates import (
    date_line,
    date_numeric,
    date_shape,
    date_words,
    parse_date,
    parse_day_or_month,
    parse_time,
    partial_numeric,
    short_date,
    short_datetime,
    stored_time,
    time_shaped,
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


def test_a_time_in_any_style_prints_in_the_plan_s_style():
    assert time_text("8g", "g") == "08g00" and time_text("8 giờ 30", ":") == "08:30"
    assert time_text("25g00", "giờ") == "25g00"  # not a time: written as typed (the checker reports it)


@pytest.mark.parametrize("typed, stored", [
    ("08g00", "08:00"), ("8g", "08:00"), ("8G", "08:00"), ("08h00", "08:00"), ("8h", "08:00"), ("17h30", "17:30"),
    ("8 giờ 30", "08:30"), ("8 giờ", "08:00"), ("8giờ30", "08:30"), ("8 giờ 30 phút", "08:30"),
    ("08 giờ 05", "08:05"), ("8 giờ 5", "08:05"), ("08:00", "08:00"), ("8:00", "08:00"), (" 7:45 ", "07:45"),
    ("8.00", "08:00"), ("0g00", "00:00"), ("23h59", "23:59"),
    ("8 gio\u031b\u0300 30", "08:30"),  # decomposed Unicode, as some keyboards type it
])
def test_parse_time_reads_every_style_the_plans_print(typed, stored):
    assert parse_time(typed) == stored and stored_time(typed) == stored and time_shaped(typed)


@pytest.mark.parametrize("typed, shaped", [
    ("25g00", True), ("24:00", True), ("8:60", True), ("8g75", True), ("99h", True),
    ("", False), ("8", False), ("8:", False), ("8:5", False), ("sáng", False), ("8g00 sáng", False),
    ("08-00", False), ("8,00", False), ("8g00'", False), ("ngày 20/02/2020", False), ("20/02", False),
])
def test_parse_time_refuses_what_is_not_a_time(typed, shaped):
    assert parse_time(typed) is None and time_shaped(typed) == shaped
    assert stored_time(typed) == typed.strip()  # kept as typed, never dropped


@pytest.mark.parametrize("typed, day", [
    ("20/02/2020", date(2020, 2, 20)), ("1/3/2020", date(2020, 3, 1)), ("20.02.2020", date(2020, 2, 20)),
    ("20-2-2020", date(2020, 2, 20)), (" 29/02/2024 ", date(2024, 2, 29)), ("20 / 02 / 2020", date(2020, 2, 20)),
])
def test_parse_date(typed, day):
    assert parse_date(typed) == day and parse_day_or_month(typed) == day.isoformat() and date_shape(typed) == "day"


@pytest.mark.parametrize("typed, shape", [
    ("31/02/2023", "day"), ("29/02/2023", "day"), ("00/01/2023", "day"), ("12/13/2023", "day"),
    ("20/02-2020", ""), ("2020-02-20", ""), ("20/02/20", ""), ("20/02", ""), ("", ""), ("hai mươi", ""),
    ("11/2019", "month"),
])
def test_parse_date_refuses_what_is_not_a_day(typed, shape):
    assert parse_date(typed) is None and date_shape(typed) == shape


def test_months_of_a_timeline():
    assert parse_day_or_month("11/2019") == "2019-11" and parse_day_or_month("3.2020") == "2020-03"
    assert parse_day_or_month("13/2019") is None and parse_day_or_month("") is None
    assert partial_numeric("2019-11") == "11/2019" and partial_numeric("2020-02-20") == "20/02/2020"
    assert partial_numeric("") == ""


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
