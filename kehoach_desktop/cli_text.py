"""What the command line writes to a terminal: stored and imported text
made harmless (shown), and Vietnamese wording for argparse's own messages.

argparse looks its messages up through the module-level ``_`` at call time;
pointing that at this table makes usage errors and help read in Vietnamese
without re-implementing the parser.
"""
from __future__ import annotations

import argparse
import gettext
import json
import re
from typing import Any

# What a terminal would obey rather than print: C0 but the line break and the
# tab, DEL, C1 (ESC and CSI start the sequences that move the cursor, recolour,
# retitle the window), the bidi overrides, embeddings and isolates that turn a
# line around, the line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def shown(text: object) -> str:
    """Text from a plan, a file or the database as the terminal shows it:
    each character a terminal would obey written out, ESC as ``\\x1b``,
    U+202E as ``\\u202e``. Every print of such text in the command line
    passes here (or json_text)."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", str(text))


def json_text(data: Any, **options: Any) -> str:
    """json.dumps for the terminal: the characters json.dumps leaves raw (DEL,
    C1, bidi controls) written as ``\\uXXXX`` too, so the output is still
    JSON, read back the same."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False, **options))

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
