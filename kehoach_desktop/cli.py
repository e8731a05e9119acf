"""The `kehoach` command line. Messages in Vietnamese; errors on stderr.

Exit codes: 0 done, 1 failed (with a message), 2 wrong usage.
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from . import cli_text
from .cli_backups import add_backup_parser, cmd_backup
from .cli_calendar import add_calendar_parser, cmd_calendar
from .cli_db import opened_store
from .cli_next_year import add_copy_parser, cmd_copy
from .cli_register import OFFICE_KEYS, cmd_issue, cmd_office, cmd_register
from .cli_text import json_text, shown
from .core.dates import out_of_range, short_date, short_datetime
from .core.errors import UserError
from .core.plan_dates import far_date_notes
from .crash_log import log_exception
from .formats import exporters, importers
from .logs import COMMAND_LINE
from .logs import set_up as set_up_log

STATUS_VI = {"draft": "Dự thảo", "issued": "Đã ban hành"}


def _plan_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"mã kế hoạch phải là một số nguyên, không phải {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("mã kế hoạch phải là số dương")
    return value


def _iso_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày phải có dạng YYYY-MM-DD (ví dụ 2026-02-09), không phải {text!r}") from None
    if out_of_range(day):
        raise argparse.ArgumentTypeError(f"ngày {short_date(day)}: {out_of_range(day)}")
    return day


def _plan_and_target(parser: argparse.ArgumentParser, out_help: str) -> None:
    """MÃ TỆP_RA [--force], shared by the commands that write a file."""
    parser.add_argument("id", metavar="MÃ", type=_plan_id)
    parser.add_argument("out", metavar="TỆP_RA", type=Path, help=out_help)
    parser.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")


def build_parser() -> argparse.ArgumentParser:
    cli_text.install()
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", default=argparse.SUPPRESS, metavar="CSDL",
                           help="tệp SQLite hoặc địa chỉ SQLAlchemy (mặc định: $KEHOACH_DB, "
                                "hoặc tệp trong thư mục dữ liệu của người dùng)")
    parser = argparse.ArgumentParser(
        prog="kehoach", parents=[db_option],
        description="KeHoach Desktop: soạn, lưu và xuất kế hoạch của Đoàn. "
                    "Không có lệnh: mở cửa sổ chương trình.")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", title="các lệnh")

    p = sub.add_parser("list", parents=[db_option], help="liệt kê các kế hoạch")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.add_argument("--search", metavar="TỪ", default="",
                   help="chỉ các kế hoạch có cụm từ này ở bất kỳ chỗ nào (gõ không dấu cũng được), "
                        "như ô tìm kiếm của cửa sổ")

    p = sub.add_parser("import", parents=[db_option], help="nhập một kế hoạch từ tệp")
    p.add_argument("file", metavar="TỆP", type=Path, help="tệp .kehoach.json")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    p = sub.add_parser("show", parents=[db_option], help="in kế hoạch dạng .kehoach.json")
    p.add_argument("id", metavar="MÃ", type=_plan_id)

    p = sub.add_parser("export", parents=[db_option], help="xuất kế hoạch ra tệp (định dạng theo đuôi tệp)")
    _plan_and_target(p, f"tệp {', '.join(exporters.SUPPORTED)}")
    p.add_argument("--two-sided", action="store_true",
                   help="lề đối xứng để in hai mặt (tệp .docx)")

    p = sub.add_parser("delete", parents=[db_option], help="chuyển một kế hoạch vào thùng rác")
    p.add_argument("id", metavar="MÃ", type=_plan_id)

    p = sub.add_parser("trash", parents=[db_option], help="liệt kê các kế hoạch trong thùng rác")
    p.add_argument("--json", action="store_true", help="in dạng JSON")

    p = sub.add_parser("restore", parents=[db_option], help="khôi phục một kế hoạch từ thùng rác")
    p.add_argument("id", metavar="MÃ", type=_plan_id)

    p = sub.add_parser("purge", parents=[db_option], help="xoá hẳn kế hoạch trong thùng rác (không khôi phục được)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("id", metavar="MÃ", type=_plan_id, nargs="?")
    which.add_argument("--all", action="store_true", help="dọn sạch thùng rác")

    p = sub.add_parser("attendees", parents=[db_option], help="danh sách khách mời của một kế hoạch (Excel)")
    attendees = p.add_subparsers(dest="attendees_command", metavar="VIỆC", title="các việc", required=True)
    q = attendees.add_parser("import", parents=[db_option], help="nhập danh sách từ tệp Excel (.xlsx)")
    q.add_argument("id", metavar="MÃ", type=_plan_id)
    q.add_argument("file", metavar="TỆP", type=Path, help="tệp .xlsx")
    q.add_argument("--dry-run", action="store_true", help="chỉ báo sẽ thêm, sửa, bỏ qua những gì; không lưu")
    q.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    q = attendees.add_parser("export", parents=[db_option], help="xuất danh sách ra tệp Excel (.xlsx)")
    _plan_and_target(q, "tệp .xlsx")
    q = attendees.add_parser("generate", parents=[db_option],
                             help="tạo danh sách từ mục thành phần tham dự của kế hoạch (như nút "
                                  "“Tạo từ thành phần tham dự”)")
    q.add_argument("id", metavar="MÃ", type=_plan_id)
    q.add_argument("--keep-own", action="store_true",
                   help="mời cả người của chính cơ quan ban hành (mặc định: bỏ ra); người ký kế hoạch vẫn bỏ ra")
    q.add_argument("--dry-run", action="store_true", help="chỉ báo sẽ thêm, bỏ ra những gì; không lưu")
    q = attendees.add_parser("checkin", parents=[db_option], help="điểm danh một khách mời (có mặt, với giờ đến)")
    q.add_argument("id", metavar="MÃ", type=_plan_id)
    q.add_argument("who", metavar="MÃ_ĐIỂM_DANH_HOẶC_TÊN",
                   help="mã in trên thư mời, hoặc vài chữ cái đầu của tên hay đơn vị (gõ không dấu cũng được)")
    q.add_argument("--undo", action="store_true", help="bỏ điểm danh (đánh dấu nhầm)")

    p = sub.add_parser("invitations", parents=[db_option],
                       help="in thư mời cho danh sách khách mời (.docx), cấp số trong sổ văn bản đi")
    _plan_and_target(p, "tệp .docx")
    p.add_argument("--per-unit", action="store_true", help="mỗi đơn vị một thư (thay vì mỗi người một thư)")
    p.add_argument("--draft", action="store_true", help="bản nháp: không cấp số, không ghi vào sổ văn bản đi")
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="ngày của thư mời (mặc định: hôm nay)")

    p = sub.add_parser("issue", parents=[db_option],
                       help="ban hành một kế hoạch dự thảo: cấp số tiếp theo trong sổ văn bản đi")
    p.add_argument("id", metavar="MÃ", type=_plan_id)
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="ngày ban hành (mặc định: hôm nay)")

    p = sub.add_parser("register", parents=[db_option], help="sổ văn bản đi: các văn bản đã ban hành")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.add_argument("--xlsx", type=Path, metavar="TỆP_RA", help="xuất sổ ra tệp Excel (.xlsx)")
    p.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    lines = p.add_subparsers(dest="register_command", metavar="VIỆC", title="các việc")
    q = lines.add_parser("docx", parents=[db_option], help="lưu bản Word đúng như lúc cấp số của một dòng trong sổ")
    q.add_argument("entry", metavar="DÒNG", help="số và ký hiệu (ví dụ 03-TM/ĐTN) hoặc mã dòng (id trong --json)")
    q.add_argument("out", metavar="TỆP_RA", type=Path, help="tệp .docx")
    q.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")

    p = sub.add_parser("office", parents=[db_option], help="hồ sơ cơ quan: tên, ký hiệu, địa danh, cách đánh số")
    office = p.add_subparsers(dest="office_command", metavar="VIỆC", title="các việc", required=True)
    office.add_parser("show", parents=[db_option], help="in hồ sơ cơ quan")
    q = office.add_parser("set", parents=[db_option], help="sửa một mục của hồ sơ cơ quan")
    q.add_argument("key", metavar="MỤC", choices=OFFICE_KEYS, help=", ".join(OFFICE_KEYS))
    q.add_argument("value", metavar="GIÁ_TRỊ",
                   help="chữ; term_start: YYYY-MM-DD hoặc DD/MM/YYYY (để trống: xoá); numbering: term hoặc year; "
                        "invitation_code: TM (thư mời) hoặc GM (giấy mời)")

    p = sub.add_parser("check", parents=[db_option],
                       help="kiểm tra thể thức một kế hoạch (mã thoát 1 khi có lỗi)")
    p.add_argument("id", metavar="MÃ", type=_plan_id)
    p.add_argument("--json", action="store_true", help="in dạng JSON")

    add_backup_parser(sub, db_option)
    add_copy_parser(sub, db_option, _plan_id)
    add_calendar_parser(sub, db_option, _iso_date)

    sub.add_parser("self-test", help="tự kiểm tra chương trình trên một cơ sở dữ liệu tạm rồi thoát")

    p = sub.add_parser("gui", parents=[db_option], help="mở cửa sổ chương trình")
    p.add_argument("--smoke", action="store_true", help="mở cửa sổ, nạp dữ liệu rồi thoát (kiểm tra cài đặt)")
    return parser


def cmd_list(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        plans = store.summaries(query=args.search)
    words = " ".join(args.search.split())
    empty = f"Không có kế hoạch nào khớp với “{shown(words)}”." if words else "Chưa có kế hoạch nào."
    return _print_plans(plans, args.json, empty)


def cmd_trash(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        plans = store.trash()
    return _print_plans(plans, args.json, "Thùng rác trống.")


def _print_plans(plans, as_json: bool, empty: str) -> int:
    trash = any(p.deleted_at for p in plans)
    if as_json:
        rows = [{"id": p.id, "number": p.number, "date": p.plan_date.isoformat() if p.plan_date else None,
                 "title": p.title, "status": p.status, "issuing_body": p.issuing_body,
                 "updated_at": p.updated_at.isoformat(timespec="seconds"),
                 **({"deleted_at": p.deleted_at.isoformat(timespec="seconds")} if p.deleted_at else {})}
                for p in plans]
        print(json_text(rows, indent=2))
        return 0
    if not plans:
        print(empty)
        return 0
    deleted = f"{'Xoá lúc':<17}  " if trash else ""
    print(f"{'Mã':>4}  {'Số':<22} {'Ngày':<10}  {'Trạng thái':<11}  {deleted}Trích yếu")
    for p in plans:
        day = short_date(p.plan_date)
        deleted = f"{short_datetime(p.deleted_at):<17}  " if trash else ""
        print(f"{p.id:>4}  {shown(p.number):<22} {day:<10}  {STATUS_VI.get(p.status, p.status):<11}  "
              f"{deleted}{shown(p.title)}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    plan, warnings = importers.read_plan(args.file)
    with opened_store(args) as store:
        new_id = store.add(plan)
    warnings += far_date_notes(plan)
    if args.json:
        print(json_text({"id": new_id, "warnings": warnings}))
    else:
        for warning in warnings:
            print(f"Lưu ý: {shown(warning)}", file=sys.stderr)
        print(f"Đã nhập kế hoạch từ {shown(args.file)}.", file=sys.stderr)
        print(new_id)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        plan = store.get(args.id)
    sys.stdout.write(exporters.render(plan, ".kehoach.json").decode("utf-8"))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    exporters.check_target(args.out, overwrite=args.force)
    from .store.register import Register

    with opened_store(args) as store:
        plan = store.get(args.id)
        issued = Register(store.db).issued_docx(args.id)
    options = exporters.ExportOptions(two_sided=args.two_sided)
    exporters.export(plan, args.out, overwrite=args.force, options=options, issued_docx=issued)
    kept = issued is not None and exporters.suffix_of(args.out) == ".docx" and not args.two_sided
    print(f"Đã xuất kế hoạch {args.id} ra {shown(args.out)}" + (" (bản Word lưu lúc ban hành)." if kept else "."))
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        store.delete(args.id)
    print(f"Đã chuyển kế hoạch {args.id} vào thùng rác; khôi phục bằng: kehoach restore {args.id}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        store.restore(args.id)
    print(f"Đã khôi phục kế hoạch {args.id} từ thùng rác.")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        if args.all:
            count = store.empty_trash()
            print(f"Đã xoá hẳn {count} kế hoạch trong thùng rác.")
        else:
            store.purge(args.id)
            print(f"Đã xoá hẳn kế hoạch {args.id}.")
    return 0


def cmd_attendees(args: argparse.Namespace) -> int:
    from .formats import attendees_xlsx
    from .store.attendees import AttendeeStore

    if args.attendees_command == "generate":
        return cmd_attendees_generate(args)
    if args.attendees_command == "checkin":
        return cmd_attendees_checkin(args)
    if args.attendees_command == "export":
        if args.out.suffix.lower() != ".xlsx":
            raise UserError("tệp ra phải có đuôi .xlsx", file=str(args.out))
        with opened_store(args) as store:
            plan = store.get(args.id)
            rows = AttendeeStore(store.db).list(args.id)
        attendees_xlsx.write_workbook(plan, rows, args.out, overwrite=args.force)
        print(f"Đã xuất {len(rows)} khách mời của kế hoạch {args.id} ra {shown(args.out)}.")
        return 0
    from .core.invitees import group_for_unit

    with opened_store(args) as store:
        plan = store.get(args.id)  # a row without a group takes its unit's group in the participants section
    read = attendees_xlsx.read_workbook(args.file, group_for_unit=lambda unit: group_for_unit(plan, unit))
    with opened_store(args) as store:
        # Read, merged and written in one transaction: a window's save in between cannot be lost.
        report, _version = AttendeeStore(store.db).merge_in(args.id, read.rows, save=not args.dry_run)
    if args.json:
        print(json_text({"sheet": read.sheet, "header_row": read.header_row, "added": len(report.added),
                         "updated": len(report.updated), "unchanged": len(report.unchanged),
                         "duplicate_rows": read.duplicates, "saved": not args.dry_run,
                         **({"warnings": read.notes()} if read.notes() else {})}))
        return 0
    for note in read.notes():
        print(f"Lưu ý: {shown(note)}", file=sys.stderr)
    print(f"Trang “{shown(read.sheet)}”, tiêu đề ở dòng {read.header_row}: thêm {len(report.added)}, "
          f"cập nhật {len(report.updated)}, giữ nguyên {len(report.unchanged)}"
          + (f", bỏ qua {len(read.duplicates)} dòng trùng (dòng {', '.join(map(str, read.duplicates))})"
             if read.duplicates else "") + ".")
    for _old, new in report.updated:
        print(f"  cập nhật: {shown(new.name or new.position)} – {shown(new.unit)}")
    print("Chưa lưu gì (--dry-run)." if args.dry_run else f"Đã lưu danh sách khách mời của kế hoạch {args.id}.")
    return 0


def cmd_attendees_generate(args: argparse.Namespace) -> int:
    """`kehoach attendees generate MÃ`: the invitees read from the plan's
    participants (core/invitees.py) merged into its list in one transaction,
    roles already on the list skipped, as the tab's button does."""
    from .core import invitees
    from .core.attendees import sorted_attendees
    from .store.attendees import AttendeeStore

    with opened_store(args) as store:
        made = invitees.generate(store.get(args.id), keep_own=args.keep_own)
        report, _version = AttendeeStore(store.db).merge_in(
            args.id, sorted_attendees(made.rows, made.groups), save=not args.dry_run,
            choose=invitees.new_roles)
    chosen = len(report.added) + len(report.updated) + len(report.unchanged)
    print(invitees.summary(made, report.added, len(made.rows) - chosen, dry_run=args.dry_run))
    for row in report.added:
        print(f"  + {shown(invitees.invitee_line(row))}")
    if made.left_out:
        print("Không mời:")
        for line in invitees.left_out_lines(made):
            print(f"  – {shown(line)}")
    if args.dry_run:
        print("Chưa lưu gì (--dry-run).")
    else:
        print(f"Đã lưu danh sách khách mời của kế hoạch {args.id}." if report.added
              else "Danh sách khách mời không thay đổi.")
    return 0


def cmd_attendees_checkin(args: argparse.Namespace) -> int:
    """One guest found by code or name marked present (or, --undo, not); a
    name that finds several lists them with their codes, marking nobody."""
    from datetime import datetime

    from .core.checkin import CheckinIndex, desk_detail, desk_name
    from .store.attendees import AlreadyPresentError, AttendeeStore

    with opened_store(args) as store:
        people = AttendeeStore(store.db)
        index = CheckinIndex(people.ensure_codes(args.id))  # a list saved before codes existed gets them
        coded = index.code_in(args.who)
        found = [coded] if coded is not None else index.find(args.who)
        if not found:
            raise UserError(f"không tìm thấy ai với “{shown(args.who)}” trong danh sách khách mời của kế hoạch "
                            f"{args.id}")
        if len(found) > 1:
            print(f"“{shown(args.who)}” khớp với {len(found)} người; chưa điểm danh ai. Hãy gõ thêm chữ, hoặc "
                  "dùng mã:")
            for row in (index.rows[i] for i in found):
                where = " – ".join(p for p in (desk_detail(row), row.group) if p)
                came = f" (có mặt {row.attended_at:%H:%M})" if row.attended and row.attended_at else ""
                print(f"  {row.code}  {shown(desk_name(row))}" + (f" – {shown(where)}" if where else "") + came)
            return 1
        row = index.rows[found[0]]
        if args.undo:
            person, _version = people.undo_check_in(args.id, row.code)
            print(f"Đã bỏ điểm danh: {shown(desk_name(person))}.")
            return 0
        try:
            person, _version = people.check_in(args.id, row.code, datetime.now())
        except AlreadyPresentError as exc:
            print(f"{shown(desk_name(exc.attendee))} đã được điểm danh từ trước"
                  + (f", lúc {exc.attendee.attended_at:%H:%M}" if exc.attendee.attended_at else "") + ".")
            return 0
    assert person.attended_at is not None
    print(f"Đã điểm danh: {shown(desk_name(person))} lúc {person.attended_at:%H:%M}.")
    return 0


def cmd_invitations(args: argparse.Namespace) -> int:
    """Letters numbered in the register (or a draft, unnumbered): the file is
    written once the number is taken; when it cannot be, the register keeps
    the letters and the message says how to get them back."""
    from .formats.letter_batches import addressees, draft_bytes, letter_count, renderer
    from .formats.safe_write import write_atomically
    from .store.attendees import AttendeeStore
    from .store.office import OfficeStore
    from .store.register import Register

    if args.out.suffix.lower() != ".docx":
        raise UserError("tệp ra phải có đuôi .docx", file=str(args.out))
    if args.draft and args.date is not None:
        raise UserError("bản nháp (--draft) không có số và ngày; bỏ --date, hoặc bỏ --draft để cấp số")
    if args.out.exists() and not args.force:  # before a number is taken for a file that cannot be written
        raise UserError("tệp đã có; dùng --force để ghi đè", file=str(args.out))
    entry = None
    with opened_store(args) as store:
        plan = store.get(args.id)
        rows = AttendeeStore(store.db).list(args.id)
        office = OfficeStore(store.db).get()
        count = letter_count(plan, rows, per_unit=args.per_unit)
        if args.draft:
            data = draft_bytes(plan, rows, per_unit=args.per_unit, office=office)
        else:
            register = Register(store.db)
            entry = register.issue_letters(args.id, render=renderer(plan, rows, per_unit=args.per_unit, office=office),
                                           issued_on=args.date, addressees=addressees)
            data = register.docx(entry.id)
    try:
        write_atomically(args.out, data, overwrite=args.force)
    except UserError as exc:
        if entry is None:
            raise
        raise UserError(f"{exc}. Số {entry.label} đã được cấp và bản Word của các thư mời được giữ trong sổ văn "
                        f"bản đi; lấy lại bằng: kehoach register docx {entry.label} TỆP_RA") from None
    if entry is None:
        print(f"Đã lưu bản nháp {count} thư mời của kế hoạch {args.id} (chưa cấp số, chưa vào sổ văn bản đi) "
              f"ra {shown(args.out)}.")
    else:
        print(f"Đã cấp số {shown(entry.label)} ngày {short_date(entry.issued_on)} cho {count} thư mời và lưu "
              f"{shown(args.out)}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .core.checks import SEVERITY_LABELS, check_plan, has_errors
    from .store.office import OfficeStore

    with opened_store(args) as store:
        plan = store.get(args.id)
        issuer_code = OfficeStore(store.db).get().issuer_code
    findings = check_plan(plan, issuer_code=issuer_code)
    if args.json:
        print(json_text([{"rule": f.rule, "severity": f.severity, "message": f.message, "field": f.field,
                          "excerpt": f.excerpt} for f in findings], indent=2))
    elif not findings:
        print(f"Kế hoạch {args.id}: không thấy lỗi thể thức nào.")
    else:
        for f in findings:
            excerpt = f" — “{f.excerpt}”" if f.excerpt and f.excerpt not in f.message else ""
            print(f"{SEVERITY_LABELS[f.severity]:<9} {f.field:<40} {shown(f.message + excerpt)}")
        counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_LABELS}
        print(f"Kế hoạch {args.id}: {counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['info']} lưu ý.")
    return 1 if has_errors(findings) else 0


def cmd_self_test(_args: argparse.Namespace) -> int:
    from .self_test import run

    return run()


def cmd_gui(args: argparse.Namespace) -> int:
    from .ui.app import main as gui_main  # Qt is loaded only for the window

    db = getattr(args, "db", None)
    return gui_main((["--db", db] if db else []) + (["--smoke"] if getattr(args, "smoke", False) else []))


COMMANDS = {"list": cmd_list, "import": cmd_import, "show": cmd_show, "export": cmd_export,
            "delete": cmd_delete, "trash": cmd_trash, "restore": cmd_restore, "purge": cmd_purge,
            "attendees": cmd_attendees, "invitations": cmd_invitations,
            "issue": cmd_issue, "register": cmd_register, "office": cmd_office, "check": cmd_check,
            "backup": cmd_backup, "copy": cmd_copy, "calendar": cmd_calendar, "self-test": cmd_self_test,
            "gui": cmd_gui, None: cmd_gui}


def main(argv: list[str] | None = None) -> int:
    _utf8_streams()
    args = build_parser().parse_args(argv)
    if args.command not in (None, "gui"):  # the window sets its log up itself (ui/app.py)
        set_up_log(COMMAND_LINE)
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"Lỗi: {shown(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader of the output stopped early (`kehoach list | head`): not an
        # error. Python would report the pipe again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, a log, exit 1
        log = _log_unexpected()
        print(f"Lỗi không mong đợi: {shown(exc)}. Chi tiết đã ghi vào {log}; hãy gửi tệp này cho người phụ trách "
              "kỹ thuật.", file=sys.stderr)
        return 1


def _log_unexpected() -> str:
    log = log_exception(*sys.exc_info(), origin="command line")
    return str(log) if log is not None else "(không ghi được tệp nhật ký)"


def _utf8_streams() -> None:
    """Vietnamese text must not fail on a Windows console's legacy code page."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8")
            except (ValueError, OSError):
                pass


if __name__ == "__main__":
    sys.exit(main())
