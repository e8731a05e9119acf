"""Vietnamese family names, the one list the checker (a name where the
position should be) and the importer (a signer's name in capitals) read a
person's name by. They are matched with their tone marks: "Trương" is a
name, "TRƯỞNG BAN" a position. Left out: the names that are also words of a
header or a position ("Đoàn", "Văn", "Quan"): "ĐOÀN TRƯỜNG" is no person."""
from __future__ import annotations

FAMILY_NAMES = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý trương đinh lâm mai trịnh
lương cao hà quách tạ thái châu lưu la tăng tô từ diệp kiều khổng đàm đào lạc phùng triệu tống
thân thạch kim giang hứa lục nông âu vương viên mạc hầu chu nghiêm ông lữ tiêu ninh bạch khúc
""".split())


def starts_with_family_name(words: list[str]) -> bool:
    return bool(words) and words[0].casefold() in FAMILY_NAMES
