"""`kehoach copy ID [--years N]`: next year's plan (core.next_year) added to
the database with every proposal accepted; the review list printed (old ->
new, weekday, lunar date, flags), the new plan's id last."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from .cli_db import opened_store
from .cli_text import shown
from .core.next_year import Proposal, apply, day_words, lunar_words, next_year


def _years(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"số năm phải là một số nguyên, không phải {text!r}") from None
    if not 1 <= value <= 50:
        raise argparse.ArgumentTypeError("số năm phải từ 1 đến 50")
    return value


def add_copy_parser(sub: argparse._SubParsersAction, db_option: argparse.ArgumentParser, plan_id: Callable[[str], int]) -> None:
    p = sub.add_parser("copy", parents=[db_option],
                       help="tạo kế hoạch năm sau: bản dự thảo với mọi ngày dời sang năm sau, in danh sách đề xuất")
    p.add_argument("id", metavar="MÃ", type=plan_id)
    p.add_argument("--years", metavar="N", type=_years, default=1, help="dời bao nhiêu năm (mặc định 1)")


def review_line(proposal: Proposal) -> str:
    """One proposal as the review list prints it."""
    if proposal.kind == "date" and proposal.old_day and proposal.new_day:
        change = (f"{day_words(proposal.old_day)} → {day_words(proposal.new_day)} "
                  f"({lunar_words(proposal.new_day)})")
    elif proposal.kind == "month":
        change = f"tháng {proposal.old} → tháng {proposal.new}"
    elif proposal.kind == "note":
        change = f"“{proposal.old}” giữ nguyên"
    else:
        change = f"“{proposal.old}” → “{proposal.new}”"
        if proposal.new_day is not None:
            change += f" ({day_words(proposal.new_day)}, {lunar_words(proposal.new_day)})"
    flags = "".join(f"\n      ! {flag}" for flag in proposal.flags)
    return f"- {proposal.place}: {change}{flags}"


def cmd_copy(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        made = next_year(store.get(args.id), args.years)
        new_id = store.add(apply(made.copy, made.proposals))
    print(f"Kế hoạch năm sau từ kế hoạch {args.id} (dời {args.years} năm), {len(made.proposals)} đề xuất "
          "đã áp dụng:")
    for proposal in made.proposals:
        print(shown(review_line(proposal)))
    flagged = sum(bool(p.flags) for p in made.proposals)
    print(f"Đã tạo bản dự thảo (chưa có số, chưa có ngày ban hành); {flagged} mục cần xem lại.", file=sys.stderr)
    print(new_id)
    return 0
