"""Vietnamese text helpers: normalisation, folding for search, sort keys."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits; punctuation and "_" separate words

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


def search_words(text: str) -> list[str]:
    """The folded words of a text, punctuation dropped: "Số 37-KH/ĐTN" -> ["so", "37", "kh", "dtn"]."""
    return _WORD.findall(fold(text))


def search_index(texts: Iterable[str]) -> str:
    """The text a search runs on: the folded words of each text one space
    apart, the texts separated by " | ", the whole framed by spaces
    (" to chuc hoi nghi | quan 12 "). With the spaces a phrase is found on
    word boundaries only, and the bars keep it from running from one text
    (a title) into the next (a date)."""
    return " " + " | ".join(words for words in (" ".join(search_words(t)) for t in texts) if words) + " "


def search_needle(query: str) -> str | None:
    """What a query looks for in a search index, None when it has no word
    (then nothing is filtered). The words form one phrase, whole words
    from the first; the last may be the start of a word, so a result shows
    while the clerk is still typing ("hoi ngh" finds "Hội nghị"), except a
    number, which is whole ("quan 1" does not find "Quận 12")."""
    words = search_words(query)
    if not words:
        return None
    return " " + " ".join(words) + (" " if words[-1].isdigit() else "")


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
