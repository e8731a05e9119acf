"""`kehoach backup list` and `kehoach backup restore`: the copies of an SQLite
database file (store/backups.py) and putting one back (store/restore.py),
also when the database is damaged and cannot be opened any more."""
from __future__ import annotations

import argparse
from pathlib import Path

from .core.dates import short_datetime
from .core.errors import UserError
from .store.backups import backups
from .store.damage import DamagedDatabaseError
from .store.database import open_database
from .store.restore import database_file, open_or_damaged, replace_damaged, restore

SERVER = "cơ sở dữ liệu trên máy chủ được sao lưu và khôi phục bằng công cụ của máy chủ (pg_dump)"


def add_backup_parser(sub, db_option: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[db_option],
                       help="các bản sao lưu của tệp cơ sở dữ liệu: liệt kê, khôi phục")
    jobs = p.add_subparsers(dest="backup_command", metavar="VIỆC", title="các việc", required=True)
    jobs.add_parser("list", parents=[db_option], help="liệt kê các bản sao lưu, mới nhất trước")
    q = jobs.add_parser("restore", parents=[db_option],
                        help="khôi phục một bản sao lưu (dữ liệu hiện tại được giữ lại trước)")
    q.add_argument("copy", metavar="TỆP_SAO_LƯU", type=Path, help="tệp trong thư mục backups")


def cmd_backup(args: argparse.Namespace) -> int:
    target = getattr(args, "db", None)
    file = database_file(target)
    if file is None:
        raise UserError(SERVER)
    if args.backup_command == "list":
        copies = backups(file)
        for copy in copies:
            print(f"{short_datetime(copy.made_at, seconds=True)}  {copy.reason_label:<30}  {copy.path}")
        if not copies:
            print(f"Chưa có bản sao lưu nào của {file}.")
        return 0
    try:
        db = open_or_damaged(target)
    except DamagedDatabaseError:
        aside = replace_damaged(file, args.copy)
        open_database(target).close()  # the schema brought to this version, as at any start
        print(f"Đã khôi phục {file} từ {args.copy}.\nTệp bị hỏng được giữ lại: {aside}")
        return 0
    try:
        before = restore(db, args.copy)
    finally:
        db.close()
    print(f"Đã khôi phục {file} từ {args.copy}.\nDữ liệu trước khi khôi phục được giữ lại: {before}")
    return 0

