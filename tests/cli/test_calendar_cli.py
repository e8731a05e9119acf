"""`kehoach calendar --ics` (cli_calendar.py, formats/ics_export.py) through
the real command line, on SQLite and PostgreSQL: the five examples' calendar
read back with icalendar (acceptance of issue 21: the conference of example
000 on 31/01/2023 at 08:00 in Asia/Ho_Chi_Minh; the same UIDs when exported
again), the days asked for, and a target that cannot be written."""
import os
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from cli_helpers import run
from conftest import FIXTURE_FILES, REPO
from icalendar import Calendar

from kehoach_desktop.core.dated_items import dated_items
from kehoach_desktop.formats import kehoach_json

SAIGON = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def examples(capsys, db_target):
    """The five examples imported by the command line; their ids by fixture."""
    ids = {}
    for path in FIXTURE_FILES:
        code, out, _err = run(capsys, "import", "--db", db_target, path)
        assert code == 0
        ids[path.name[:3]] = int(out.split()[-1])
    return ids


def events(path):
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_the_five_examples_in_a_calendar_file(capsys, db_target, examples, tmp_path):
    out = tmp_path / "lich.ics"
    code, printed, err = run(capsys, "calendar", "--db", db_target, "--ics", out)
    assert code == 0, err
    found = events(out)
    expected = sum(len(dated_items(kehoach_json.read_file(f))) for f in FIXTURE_FILES)
    assert len(found) == expected and f"Đã xuất {expected} mục lịch của 5 kế hoạch" in printed
    # example 000: the conference, Tuesday 31/01/2023 at 08:00 in Ho Chi Minh City
    conference = [e for e in found if e.decoded("dtstart") == datetime(2023, 1, 31, 8, 0, tzinfo=SAIGON)]
    assert conference and all(e["uid"].startswith(f"kehoach-{examples['000']}-") for e in conference)
    [event] = [e for e in conference if "Hội nghị sơ kết" in e["summary"]]
    start = event.decoded("dtstart")
    assert start.tzinfo.key == "Asia/Ho_Chi_Minh" and event["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert start.astimezone(ZoneInfo("UTC")) == datetime(2023, 1, 31, 1, 0, tzinfo=ZoneInfo("UTC"))
    assert event.decoded("dtend") > start
    assert "Kế hoạch số 37-KH/ĐTN" in event["description"] and "Võ Thị Sáu" in event["location"]
    assert event["status"] == "CONFIRMED"
    assert Calendar.from_ical(out.read_bytes()).walk("VTIMEZONE")[0]["tzid"] == "Asia/Ho_Chi_Minh"
    # example 003: a task's deadline at 17:00 is a moment; a step of a day is a DATE; a month's step its months
    of_003 = [e for e in found if e["uid"].startswith(f"kehoach-{examples['003']}-")]
    deadline = next(e for e in of_003 if e.decoded("dtstart") == datetime(2020, 2, 25, 17, 0, tzinfo=SAIGON))
    assert "dtend" not in deadline
    day = next(e for e in of_003 if e.decoded("dtstart") == date(2020, 2, 20))
    assert day.decoded("dtend") == date(2020, 2, 21)
    months = next(e for e in of_003 if e.decoded("dtstart") == date(2019, 12, 1))
    assert months.decoded("dtend") == date(2020, 3, 1)  # "tháng 12/2019 – tháng 2/2020"
    steps = next(e for e in of_003 if e.decoded("dtstart") == date(2020, 3, 16))
    assert steps.decoded("dtend") == date(2020, 3, 31)  # "16/3 – 30/3": a multi-day event
    assert len({e["uid"] for e in found}) == len(found)


def test_exported_twice_the_same_uids(capsys, db_target, examples, tmp_path):
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    assert run(capsys, "calendar", "--db", db_target, "--ics", first)[0] == 0
    assert run(capsys, "calendar", "--db", db_target, "--ics", second)[0] == 0
    assert [e["uid"] for e in events(first)] == [e["uid"] for e in events(second)]
    assert first.read_bytes() == second.read_bytes()  # nothing changed: the same file
    # written again over the first (--force): still the same events
    assert run(capsys, "calendar", "--db", db_target, "--ics", first)[0] == 1  # refused without --force
    assert run(capsys, "calendar", "--db", db_target, "--ics", first, "--force")[0] == 0
    assert [e["uid"] for e in events(first)] == [e["uid"] for e in events(second)]


def test_only_the_days_asked_for(capsys, db_target, examples, tmp_path):
    out = tmp_path / "2020.ics"
    code, _out, err = run(capsys, "calendar", "--db", db_target, "--ics", out,
                          "--from", "2020-02-01", "--to", "2020-03-31")
    assert code == 0, err
    for event in events(out):
        start = event.decoded("dtstart")
        start = start.date() if isinstance(start, datetime) else start
        end = event.decoded("dtend") if "dtend" in event else start + timedelta(days=1)
        end = end.date() if isinstance(end, datetime) else end
        assert start <= date(2020, 3, 31) and end > date(2020, 2, 1)
    assert len(events(out)) == 7  # example 003: two tasks, five steps (one over December to February)
    code, _out, err = run(capsys, "calendar", "--db", db_target, "--ics", tmp_path / "x.ics",
                          "--from", "2020-03-01", "--to", "2020-02-01")
    assert code == 1 and "ngày cuối phải bằng hoặc sau ngày đầu" in err
    code, _out, err = run(capsys, "calendar", "--db", db_target, "--ics", tmp_path / "x.ics", "--from", "1/2/2020")
    assert code == 2 and "YYYY-MM-DD" in err
    code, _out, err = run(capsys, "calendar", "--db", db_target, "--ics", tmp_path / "x.txt")
    assert code == 1 and "đuôi .ics" in err


@pytest.mark.sqlite_only
@pytest.mark.usefixtures("posix")  # file modes
def test_a_target_that_cannot_be_written_loses_nothing(capsys, db_target, examples, tmp_path):
    """The real program in a child, in a folder it may not write to (as root,
    without CAP_DAC_OVERRIDE): a Vietnamese message naming the file, the old
    calendar file as it was, no temporary file left."""
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    target = folder / "lich.ics"
    target.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "as root the test needs setpriv (util-linux) to run without CAP_DAC_OVERRIDE"
        prefix = (setpriv, "--bounding-set", "-dac_override,-dac_read_search")
    folder.chmod(0o555)
    try:
        done = subprocess.run([*prefix, sys.executable, "-m", "kehoach_desktop.cli", "calendar", "--db",
                               str(db_target), "--ics", str(target), "--force"],
                              capture_output=True, text=True, encoding="utf-8", cwd=REPO,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    finally:
        folder.chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("Lỗi: ") and "lich.ics" in done.stderr and "Traceback" not in done.stderr
    assert "không ghi được vào thư mục" in done.stderr
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert sorted(p.name for p in folder.iterdir()) == ["lich.ics"]
