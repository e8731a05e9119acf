"""Benchmark: the check-in desk's lookup among 2,000 invitees.

Three letters typed without diacritics (CheckinIndex.find: word starts of
names, then units, then roles, ranked) against a bare linear scan of the same
pre-folded names (``[i for i, n in enumerate(names) if q in n]``: substring
anywhere, names only, no ranking), measured in the same run, interleaved,
on the same queries. Target: the median lookup <= 2x the scan's median, and
<= 20 ms. For reference (no target): longer words (one lookup as well) and
two words (an intersection, then the words' order checked), a scanned code
("KH:" before it, a line break after), and building the index (once, when
the window opens, and again for a late arrival) with its memory.

    python bench/checkin.py
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach_desktop.core.attendees import Attendee, with_codes  # noqa: E402
from kehoach_desktop.core.checkin import CheckinIndex  # noqa: E402
from kehoach_desktop.core.text import fold  # noqa: E402

COUNT = 2_000
REPEAT = 200
# Family names with roughly their share in Viet Nam (Nguyễn about 38 %).
FAMILY = {"Nguyễn": 38, "Trần": 11, "Lê": 9, "Phạm": 7, "Hoàng": 3, "Huỳnh": 3, "Phan": 4, "Vũ": 2, "Võ": 2,
          "Đặng": 2, "Bùi": 2, "Đỗ": 1, "Hồ": 1, "Ngô": 1, "Dương": 1, "Lý": 1, "Trương": 1, "Đinh": 1}
MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoàng", "Quốc", "Đức", "Thu", "Hữu", "Kim", "Thành", "Xuân",
          "Hồng", "Anh", "Bảo", "Gia", "Nhật", "Phương", "Tuấn"]
GIVEN = ["An", "Anh", "Bình", "Châu", "Chi", "Cường", "Dũng", "Duy", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa",
         "Hùng", "Huy", "Hương", "Khang", "Khánh", "Khoa", "Lan", "Linh", "Long", "Mai", "Minh", "My", "Nam",
         "Ngân", "Nhung", "Phát", "Phong", "Phúc", "Phương", "Quân", "Quang", "Sơn", "Tài", "Tâm", "Thảo",
         "Thắng", "Thủy", "Tiến", "Trang", "Trí", "Trung", "Tú", "Tuấn", "Tùng", "Uyên", "Vân", "Việt", "Vinh",
         "Vy", "Yến"]
WARDS = ["Bến Nghé", "Bến Thành", "Đa Kao", "Tân Định", "Cầu Kho", "Cô Giang", "Nguyễn Cư Trinh", "Phạm Ngũ Lão",
         "Cầu Ông Lãnh", "Thảo Điền", "An Phú", "Bình Thạnh", "Hiệp Bình", "Linh Trung", "Tăng Nhơn Phú"]
UNITS = ["Đoàn phường {w}", "Chi đoàn Trường THPT {w}", "Công an phường {w}", "Hội Liên hiệp Thanh niên phường {w}",
         "Chi đoàn khu phố {n}, phường {w}", "Quận Đoàn {n}", "Đoàn Khối Dân – Chính – Đảng Thành phố",
         "Ban Tuyên giáo Thành Đoàn", "Đoàn Trường Đại học Khoa học Tự nhiên", "Công ty TNHH Một thành viên {w}"]
POSITIONS = ["Bí thư", "Phó Bí thư", "Ủy viên Ban Chấp hành", "Bí thư Chi đoàn", "Chủ tịch Hội", "Đoàn viên",
             "Trưởng ban", "Phó Trưởng ban", "Chánh Văn phòng", "Cán bộ"]
GROUPS = ["Chủ trì Hội nghị", "Khách mời", "Đại biểu", "Đại biểu", "Đại biểu", "Đại biểu"]
# Three letters as a clerk types them: given names, family names (Nguyễn:
# one row in three), words of units, and letters that find nobody.
QUERIES = ["tam", "ngu", "tra", "lan", "hai", "vin", "kho", "thu", "dan", "ben", "pha", "qua", "hoa", "zzq"]
LONGER = ["nguyen", "ngu tam", "tran thi", "ben nghe", "phuong da kao"]


def invitees(rng: random.Random) -> list[Attendee]:
    families = rng.choices(list(FAMILY), weights=list(FAMILY.values()), k=COUNT)
    rows = []
    for i, family in enumerate(families):
        name = f"{family} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        unit = rng.choice(UNITS).format(w=rng.choice(WARDS), n=rng.randint(1, 12))
        rows.append(Attendee(name, rng.choice(POSITIONS), unit, GROUPS[i % len(GROUPS)]))
    return with_codes(rows)


def median_time(function, query: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(query)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    rows = invitees(random.Random(17))
    import tracemalloc

    tracemalloc.start()
    start = time.perf_counter()
    index = CheckinIndex(rows)
    built = time.perf_counter() - start
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    start = time.perf_counter()
    CheckinIndex(rows)  # untraced: tracing slows the build
    built = time.perf_counter() - start
    names = [fold(a.name) for a in rows]  # the same names, folded once, for the bare scan

    def scan(q: str) -> list[int]:
        return [i for i, n in enumerate(names) if q in n]

    ours: list[float] = []
    bare: list[float] = []
    worst = 0.0
    for query in QUERIES:
        mine, theirs = [], []
        for _ in range(REPEAT // 20):  # interleaved: the machine's mood falls on both alike
            mine += median_time(index.find, query, 20)
            theirs += median_time(scan, query, 20)
        ours += mine
        bare += theirs
        worst = max(worst, statistics.median(mine) / statistics.median(theirs))
    o, b = statistics.median(ours), statistics.median(bare)
    hits = {q: len(index.find(q)) for q in QUERIES}
    print(f"lookup by 3 letters among {COUNT:,} invitees ({len(QUERIES)} queries, {REPEAT} times each; "
          f"matches from {min(hits.values())} to {max(hits.values())}, 'ngu': {hits['ngu']}):")
    print(f"  ours {o * 1e6:.1f} µs, bare scan of the folded names {b * 1e6:.1f} µs, ratio {o / b:.2f} "
          f"(target <= 2.0; worst query {worst:.2f}); {'PASS' if o / b <= 2.0 and o <= 0.020 else 'MISS'} "
          f"(<= 20 ms: {'yes' if o <= 0.020 else 'no'})")
    longer = [t for q in LONGER for t in median_time(index.find, q, REPEAT)]
    scans = [t for q in LONGER for t in median_time(scan, q.split()[0], REPEAT)]
    code = rows[COUNT // 2].code.lower()
    coded = median_time(index.find, f"KH:{code}\r", REPEAT)
    print(f"  for reference: longer words or two words {statistics.median(longer) * 1e6:.1f} µs (ratio "
          f"{statistics.median(longer) / statistics.median(scans):.2f} to the scan of their first word); a scanned "
          f"code {statistics.median(coded) * 1e6:.1f} µs; building the index {built * 1e3:.1f} ms, "
          f"{memory / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
