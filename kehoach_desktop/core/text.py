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
    """Unicode composition only (NFC); text entering the program takes
    clean_text, which does this too."""
    return unicodedata.normalize("NFC", text)


# The text gate. What enters the program (typed, pasted, imported, read from
# an older database on its way out to a file) passes clean_text:
# - a line break of another kind (vertical tab: Word's manual line break when
#   copied; form feed, NEL, U+2028/U+2029; CR and CRLF) becomes "\n", or a
#   space in a single-line field (names, units, the office profile);
# - a tab stays in multi-line text (the layout writes it as a tab) and is a
#   space in a single-line field;
# - other control characters (C0, DEL, C1), non-characters (U+FDD0..U+FDEF and
#   the last two code points of every plane), lone surrogates and the bidi
#   overrides, embeddings and isolates (U+202A..U+202E, U+2066..U+2069, which
#   can turn a title around in Word) are removed: XML (Word, Excel) cannot hold
#   most of them, a terminal obeys them, and none is ever typed on purpose;
# - the rest is composed (NFC), so search, sort and comparison never depend on
#   how a letter was typed.
_LINE_BREAK = re.compile("\r\n?|[\v\f\x85\u2028\u2029]")
_PLANE_ENDS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_REMOVED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069"
                      "\ufdd0-\ufdef\ud800-\udfff" + _PLANE_ENDS + "]")


def cleaned(text: str, *, single_line: bool = False) -> tuple[str, int]:
    """The text through the gate (see above), and how many characters were
    removed (for an importer's report; line breaks and tabs made into spaces
    or "\n" are not counted)."""
    text = _LINE_BREAK.sub(" " if single_line else "\n", text)
    if single_line:
        text = text.replace("\n", " ").replace("\t", " ")
    text, removed = _REMOVED.subn("", text)
    return unicodedata.normalize("NFC", text), removed


def clean_text(text: str, *, single_line: bool = False) -> str:
    """The one gate every text passes on its way in (see above)."""
    return cleaned(text, single_line=single_line)[0]


def removed_note(count: int, places: list[str]) -> str:
    """What an importer tells the clerk it removed: "đã bỏ 3 ký tự điều
    khiển … ở dòng 2, dòng 7"; the places name the file's rows or fields."""
    shown = ", ".join(places[:10]) + (f" và {len(places) - 10} chỗ khác" if len(places) > 10 else "")
    return f"đã bỏ {count} ký tự điều khiển (không in ra được, như ngắt dòng của Word hay ký tự đảo chiều) ở {shown}"


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
