"""Vietnamese text helpers: normalisation, folding for search, sort keys."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")

# Vietnamese alphabet order. Tones count only between words with the same
# letters (as in dictionaries and CLDR): none, huyền, hỏi, ngã, sắc, nặng.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}


def nfc(text: str) -> str:
    """The one form every string takes inside the program."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower case without diacritics, for search: "Hội nghị" -> "hoi nghi"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.replace("đ", "d")).strip()


def matches(query: str, text: str) -> bool:
    """True when every word of the query occurs in the text, ignoring
    case, diacritics and how the characters were composed."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())


@lru_cache(maxsize=4096)  # a few hundred distinct characters; sorting 5,000 names looks each up ~100,000 times
def _letter_key(ch: str) -> tuple[int, int, int]:
    """(base letter rank, tone rank, fallback code point) of one character."""
    decomposed = unicodedata.normalize("NFD", ch.casefold())
    tone = 0
    base = ""
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        else:
            base += part
    base = unicodedata.normalize("NFC", base)
    if base in _LETTER_RANK:
        return (_LETTER_RANK[base], tone, 0)
    if base.isdigit():
        return (-1, 0, ord(base))
    return (len(_ALPHABET), tone, ord(base[:1] or " "))


@lru_cache(maxsize=32768)  # names repeat their words: sorting thousands of people meets each word often
def sort_key(text: str) -> tuple:
    """Vietnamese alphabetical order (a ă â b c d đ ...), independent of
    Unicode composition. Letters are compared first, tones only between
    words spelled with the same letters: "Anh" < "Ánh" < "Anhs"."""
    keys = [_letter_key(ch) for ch in nfc(text).strip()]
    return (tuple((rank, point) for rank, _tone, point in keys), tuple(tone for _rank, tone, _point in keys))
