"""Vietnamese wording for argparse's own messages.

argparse looks its messages up through the module-level ``_`` at call time;
pointing that at this table makes usage errors and help read in Vietnamese
without re-implementing the parser.
"""
from __future__ import annotations

import argparse
import gettext

_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tuỳ chọn",
    "optional arguments": "tuỳ chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng với tham số %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lệnh không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "tuỳ chọn mơ hồ: %(option)s có thể là %(matches)s",
}


def translate(message: str) -> str:
    return _VI.get(message, gettext.gettext(message))


def install() -> None:
    argparse._ = translate  # type: ignore[attr-defined]
