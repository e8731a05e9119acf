"""File names the program suggests (a plan's export, the Word file as
issued), made from Vietnamese text and safe on Windows, the strictest of the
systems the clerks use."""
from __future__ import annotations

import re
import unicodedata

from .text import nfc

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')  # not allowed in a Windows file name
_SPACES = re.compile(r"\s+")
# Device names Windows reserves, with any extension ("CON.docx", "com1.txt" open the device).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in "123456789¹²³")}
MAX_CHARACTERS = 150  # before the suffix: well inside Windows' 260-character path from a Documents folder
MAX_BYTES = 250  # the whole name in UTF-8 (a Vietnamese letter takes up to 3): Linux and macOS allow 255
TITLE_WORDS = 10  # of a document's title in its file name


def safe_file_name(text: str, suffix: str = "", fallback: str = "tep") -> str:
    """``text`` made a file name, then ``suffix`` (".docx", already safe):
    NFC, one space for any run of white space, "-" for characters Windows
    forbids, no invisible characters, no leading or trailing spaces, dots and
    dashes (Windows drops trailing ones silently), a reserved device name
    changed ("CON" -> "CON_"), at most MAX_CHARACTERS cut at a word when
    possible, and ``fallback`` when nothing is left."""
    name = _SPACES.sub(" ", nfc(text))
    name = "".join(ch for ch in name if unicodedata.category(ch) != "Cf")  # zero-width spaces, direction marks
    name = _FORBIDDEN.sub("-", name).strip(" .-")
    limit = MAX_CHARACTERS
    while len(name[:limit].encode("utf-8")) + len(suffix.encode("utf-8")) > MAX_BYTES:
        limit -= 1
    if len(name) > limit:
        cut = name[:limit]
        word_end = cut.rfind(" ")
        name = (cut[:word_end] if word_end > limit * 2 // 3 else cut).strip(" .-")
    base, dot, rest = name.partition(".")
    if base.rstrip(" ").upper() in _RESERVED:
        name = f"{base.rstrip(' ')}_{dot}{rest}"
    return (name or fallback) + suffix


def document_file_name(number: str, title: str, suffix: str, fallback: str = "van-ban") -> str:
    """"37-KH-ĐTN Tổ chức Hội nghị sơ kết….docx": the document's number and
    the first words of its title, as a safe file name."""
    words = " ".join(title.split()[:TITLE_WORDS])
    return safe_file_name(f"{number} {words}", suffix, fallback)
