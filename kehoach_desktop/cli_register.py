"""The command line's register commands: issue a plan, the register of
outgoing documents, the office profile (the rest is in cli.py)."""
from __future__ import annotations

import argparse
import sys

from .cli_db import opened_store
from .cli_text import json_text, shown
from .core.dates import short_date
from .core.errors import UserError
from .core.plan_dates import far_date_notes

# The office profile's fields that `kehoach office set` changes, in the order
# `kehoach office show` prints them.
OFFICE_KEYS = ("superior_body", "issuing_body", "issuer_code", "organisation_title", "place", "term_start",
               "numbering", "invitation_code", "contact")


def cmd_issue(args: argparse.Namespace) -> int:
    from .core.dates import date_line
    from .core.numbering import number_line
    from .core.profile import get_profile
    from .formats.docx_export import render_docx
    from .store.register import Register

    with opened_store(args) as store:
        entry = Register(store.db).issue(args.id, args.date, render=render_docx)
        plan = store.get(args.id)
    print(shown(number_line(plan.number, get_profile(plan.profile).number_label_colon)))
    print(shown(date_line(plan.place.strip(), plan.plan_date)))
    print(f"Đã ban hành kế hoạch {args.id} và ghi vào sổ văn bản đi (số {entry.label}).", file=sys.stderr)
    for note in far_date_notes(plan):
        print(f"Lưu ý: {note}", file=sys.stderr)
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    from .formats import register_xlsx
    from .store.register import Register

    if getattr(args, "register_command", None) == "docx":
        return _save_docx(args)
    if args.xlsx is not None and args.xlsx.suffix.lower() != ".xlsx":
        raise UserError("tệp ra phải có đuôi .xlsx", file=str(args.xlsx))
    with opened_store(args) as store:
        register = Register(store.db)
        entries = register.entries()
        if args.xlsx is not None:
            register_xlsx.write_register(entries, args.xlsx, overwrite=args.force)
    if args.xlsx is not None:  # on stderr beside --json, so that stdout stays JSON
        print(f"Đã xuất sổ văn bản đi ({len(entries)} văn bản) ra {shown(args.xlsx)}.",
              file=sys.stderr if args.json else sys.stdout)
    if args.json:
        rows = [{"id": e.id, "plan_id": e.plan_id, "letters_for": e.letters_for, "number": e.number, "label": e.label,
                 "type_code": e.type_code,
                 "symbol": e.symbol, "period_start": e.period_start.isoformat(), "date": e.issued_on.isoformat(),
                 "title": e.title, "signer": e.signer, "recipients": list(e.recipients)} for e in entries]
        print(json_text(rows, indent=2))
        return 0
    if args.xlsx is not None:
        return 0
    if not entries:
        print("Sổ văn bản đi chưa có văn bản nào.")
        return 0
    print(f"{'Số':<18} {'Ngày':<10}  {'Mã KH':>5}  {'Người ký':<22}  Trích yếu")
    for e in entries:
        plan_id = "" if e.plan_of_line is None else str(e.plan_of_line)  # a batch of letters: their plan
        print(f"{shown(e.label):<18} {short_date(e.issued_on):<10}  {plan_id:>5}  {shown(e.signer):<22}  "
              f"{shown(e.title)}")
    return 0


def _save_docx(args: argparse.Namespace) -> int:
    """`kehoach register docx DÒNG TỆP_RA`: the Word file of a line exactly as
    it was numbered (a plan as issued, a batch of letters as printed)."""
    from .formats.safe_write import write_atomically
    from .store.register import Register

    if args.out.suffix.lower() != ".docx":
        raise UserError("tệp ra phải có đuôi .docx", file=str(args.out))
    with opened_store(args) as store:
        register = Register(store.db)
        wanted = args.entry.strip()
        if wanted.isascii() and wanted.isdigit():
            entry = register.entry(int(wanted))
        else:
            found = [e for e in register.entries() if e.label.casefold() == wanted.casefold()]
            if not found:
                raise UserError(f"sổ văn bản đi không có văn bản số {wanted}; xem các số bằng: kehoach register")
            if len(found) > 1:  # the same number in two terms or years
                raise UserError(f"sổ văn bản đi có {len(found)} văn bản số {wanted} (ở các nhiệm kỳ hoặc năm khác "
                                f"nhau: mã dòng {', '.join(str(e.id) for e in found)}); hãy ghi mã dòng thay cho số")
            entry = found[0]
        data = register.docx(entry.id)
    write_atomically(args.out, data, overwrite=args.force)
    print(f"Đã lưu bản Word của văn bản số {shown(entry.label)} ngày {short_date(entry.issued_on)} "
          f"ra {shown(args.out)}.")
    return 0


def cmd_office(args: argparse.Namespace) -> int:
    from .core.office import FIELD_LABELS, INVITATION_TYPES, NUMBERING_VI
    from .store.office import OfficeStore

    with opened_store(args) as store:
        offices = OfficeStore(store.db)
        profile = offices.set(args.key, args.value) if args.office_command == "set" else offices.get()
    data = profile.to_dict()
    if args.office_command == "set":
        print(f"Đã lưu {FIELD_LABELS[args.key].lower()} ({args.key}): {shown(data[args.key] or '(trống)')}.")
        return 0
    for key in OFFICE_KEYS:
        value = data[key]
        if key == "term_start":
            value = short_date(profile.term_start)
        elif key == "numbering":
            value = f"{value} ({NUMBERING_VI[value]})"
        elif key == "invitation_code":
            value = f"{value} ({INVITATION_TYPES[value].lower()})"
        print(f"{FIELD_LABELS[key] + ' (' + key + ')':<45} {shown(value or '(trống)')}")
    signers = "; ".join(" – ".join(p for p in (s.authority_line, s.position, s.name) if p) for s in profile.signers)
    print(f"{FIELD_LABELS['signers'] + ' (signers)':<45} {shown(signers or '(trống)')}")
    return 0
