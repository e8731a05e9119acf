"""`kehoach calendar --ics OUT.ics [--from YYYY-MM-DD --to YYYY-MM-DD]`: the
dated items of every plan outside the trash as an iCalendar file
(formats/ics_export.py), for Outlook, Google Calendar, a phone's calendar."""
from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .cli_db import opened_store
from .cli_text import shown


def add_calendar_parser(sub, db_option: argparse.ArgumentParser, iso_date: Callable[[str], date]) -> None:
    p = sub.add_parser("calendar", parents=[db_option],
                       help="xuất lịch công tác (ngày giờ của mọi kế hoạch) ra tệp .ics cho các chương trình lịch")
    p.add_argument("--ics", type=Path, metavar="TỆP_RA", required=True, help="tệp .ics")
    p.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD", help="chỉ từ ngày này")
    p.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD", help="chỉ đến ngày này")
    p.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")


def cmd_calendar(args: argparse.Namespace) -> int:
    from .formats.ics_export import calendar_plans, write_ics

    with opened_store(args) as store:
        plans = calendar_plans(store)
    count = write_ics(args.ics, plans, args.start, args.end, overwrite=args.force)
    print(f"Đã xuất {count} mục lịch của {len(plans)} kế hoạch ra {shown(args.ics)}.")
    return 0
