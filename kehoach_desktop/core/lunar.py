"""The Vietnamese lunar date of a solar date (Vietnam time, UTC+7).

The conversion itself comes from the maintained ``vnlunar`` library, which
computes for Vietnam's time zone: Tết can fall a day or a month away from
the Chinese calendar.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import vnlunar

VIETNAM_UTC_OFFSET = 7.0


@dataclass(frozen=True)
class LunarDate:
    day: int
    month: int
    year: int
    leap: bool

    @property
    def year_name(self) -> str:
        """The can-chi name of the lunar year: "Quý Mão"."""
        return vnlunar.get_year_can_chi(self.year)

    def text(self) -> str:
        """"Mùng 10 Tết Quý Mão", "Mùng 5 tháng 5 năm Giáp Thìn (âm lịch)",
        "Ngày 15 tháng 8 năm Quý Mão (âm lịch)"."""
        if self.month == 1 and not self.leap and self.day <= 10:
            return f"Mùng {self.day} Tết {self.year_name}"
        day = f"Mùng {self.day}" if self.day <= 10 else f"Ngày {self.day}"
        month = f"{self.month} nhuận" if self.leap else str(self.month)
        return f"{day} tháng {month} năm {self.year_name} (âm lịch)"


def lunar_date(d: date) -> LunarDate:
    result = vnlunar.convert_solar_to_lunar(d.day, d.month, d.year, VIETNAM_UTC_OFFSET)
    return LunarDate(result["day"], result["month"], result["year"], bool(result["leap"]))
