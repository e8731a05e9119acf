"""Vietnamese syllable spelling check, written as a small grammar.

A written syllable is ONSET + RHYME + TONE, where the rhyme is
(glide o/u) + nucleus + (coda).  The inventories below are written out by
hand from the rules of Vietnamese orthography (no third-party word list, so
nothing with an unclear licence ships in the installer).  Standard library
only, no Qt: the format checker runs it from the command line too.

    is_syllable("quyết")          -> True
    tone_normalised("Hoà")        -> "Hòa"
    misspelt_words("tham luậm")   -> [(5, 9, "luậm")]
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Tone marks as NFD combining characters.
_HUYEN, _SAC, _HOI, _NGA, _NANG = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_TONES = frozenset((_HUYEN, _SAC, _HOI, _NGA, _NANG))
# Vowel modifiers (circumflex, breve, horn) are part of the letter, not the tone.
_MODIFIERS = frozenset("\u0302\u0306\u031b")

_ALPHABET = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy")
_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED_VOWELS = frozenset("ăâêôơư")  # a vowel with a modifier always carries the tone

# Longest first, so "ngh" wins over "ng" and "gi" over "g"; "" = no onset.
# "q" is only ever written "qu"; "gi" is an onset of its own (gia, giữa, gì).
_ONSETS = ("ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")

# Every rhyme, grouped by nucleus.  "iê" is written "yê" without an onset
# (yêu) and "ia"/"ua"/"ưa" are the open forms of iê/uô/ươ.
_RHYMES = frozenset("""
    a ai ao au ay am an ang anh ap at ac ach
    ăm ăn ăng ăp ăt ăc
    âu ây âm ân âng âp ât âc
    e eo em en eng ep et ec
    ê êu êm ên ênh êp êt êch
    i ia iu im in inh ip it ich
    iêu iêm iên iêng iêp iêt iêc
    y yêu yêm yên yêng yêt
    o oi om on ong op ot oc oong ooc
    ô ôi ôm ôn ông ôp ôt ôc
    ơ ơi ơm ơn ơp ơt
    u ua ui um un ung up ut uc
    uôi uôm uôn uông uôt uôc
    ư ưa ưi ưu ưm ưn ưng ưt ưc
    ươi ươu ươm ươn ương ươp ươt ươc
    oa oai oay oao oam oan oang oanh oap oat oac oach
    oăm oăn oăng oăp oăt oăc
    oe oeo oen oet
    uân uâng uât uây
    uê uên uênh uêt uêch
    uy uya uyu uynh uych uyt uyên uyêt
    uơ
""".split())

# Rhymes that open with the glide /w/ (written o before a ă e, u elsewhere).
_GLIDED = ("oa", "oă", "oe", "uâ", "uê", "uy", "uơ")
# Stop codas: such a syllable can only take the sắc or nặng tone.
_STOPS = ("p", "t", "c", "ch")


def _split(word: str) -> tuple[list[str], str, int] | None:
    """(letters without the tone, in NFC and original case, tone mark, index
    of the letter carrying it), or None for characters foreign to Vietnamese."""
    letters: list[str] = []
    tone, tone_at = "", -1
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch):
            if not letters:
                return None
            if ch in _TONES:
                if tone:  # two tone marks
                    return None
                tone, tone_at = ch, len(letters) - 1
            else:
                letters[-1] += ch  # a modifier, or a foreign mark caught below
        else:
            letters.append(ch)
    letters = [unicodedata.normalize("NFC", letter) for letter in letters]
    if not all(letter.lower() in _ALPHABET for letter in letters):
        return None  # also catches "î", "ä", a breve on o, ...
    return letters, tone, tone_at


def _rhyme_of(onset: str, rest: str) -> str | None:
    """The rhyme spelt by `rest`, undoing the spellings that fold part of the
    rhyme into the onset letters "qu" and "gi"."""
    if onset == "qu":
        # The u of "qu" is the glide: qua = /kwa/ (rhyme oa), quân = uân, quy = uy.
        if rest in ("i", "it"):  # quí, quít: the older spelling of quý, quýt
            return "uy" + rest[1:]
        if rest[:1] in ("a", "ă", "e"):
            rhyme = "o" + rest
        elif rest[:1] in ("â", "ê", "ơ", "y", "ô"):
            rhyme = "u" + rest
        else:
            return None
        return rhyme if rhyme.startswith(_GLIDED) or rhyme == "uôc" else None  # quốc
    if onset == "gi":
        if rest[:1] in ("i", "y"):
            return None
        # The i of "gi" doubles as the vowel in gì, gìn, and as the i of iê in giếng.
        if not rest or rest[0] not in _VOWELS or rest[0] == "ê":
            return "i" + rest
    return rest


def _onset_fits(onset: str, rhyme: str) -> bool:
    """The c/k/q and g/gh, ng/ngh spelling rules, and yê/iê."""
    front = rhyme[0] in "ieê"
    if onset in ("gh", "ngh"):
        return front
    if onset in ("g", "ng"):
        return not front
    if onset == "k":
        return front or rhyme[0] == "y"  # kỹ, kỳ
    if onset == "c":  # k before front vowels, qu before the glide
        return not front and rhyme[0] != "y" and not rhyme.startswith(_GLIDED)
    if rhyme.startswith("yê"):
        return onset == ""  # yêu, yến; after a consonant it is iê
    if rhyme.startswith("iê"):
        return onset != ""
    return True


def _tone_places(low: str, start: int, end: int) -> tuple[int, int]:
    """(fixed place, other accepted place) of the tone over the vowels low[start:end].
    The fixed rule is the one of the brief: hòa, khỏe, thủy (first vowel of an
    open oa/oe/uy); the other placement hoà, khoẻ, thuỷ is accepted too."""
    marked = [i for i in range(start, end) if low[i] in _MARKED_VOWELS]
    if marked:
        return marked[-1], marked[-1]  # ươ, uô, iê, uâ: on the second one
    if end < len(low):
        return end - 1, end - 1  # a coda follows: the last vowel (hoàn, huỳnh)
    if end - start == 3:
        return start + 1, start + 1  # oai, oay, oeo, uyu: the middle one
    if low[start:end] in ("oa", "oe", "uy"):
        return start, end - 1
    return start, start  # ai, ao, ua, ia, ui, ...: the first one


def _analyse(word: str) -> tuple[list[str], str, int] | None:
    """(letters, tone, fixed tone place) of a well-formed syllable, else None."""
    split = _split(word)
    if split is None:
        return None
    letters, tone, tone_at = split
    low = "".join(letters).lower()  # one character per letter: indexes agree
    onset = next(o for o in _ONSETS if low.startswith(o))
    rhyme = _rhyme_of(onset, low[len(onset):])
    if not rhyme or rhyme not in _RHYMES or not _onset_fits(onset, rhyme):
        return None
    if rhyme.endswith(_STOPS) and tone not in (_SAC, _NANG):
        return None  # "hoc", "tàp": a stop coda takes only sắc or nặng
    start = end = len(onset)
    while end < len(low) and low[end] in _VOWELS:
        end += 1
    if start == end:  # gì, gìn: the vowel is the i of "gi"
        start, end = 1, 2
    fixed, other = _tone_places(low, start, end)
    if tone and tone_at not in (fixed, other):
        return None  # "muà", "gìa": the mark over the wrong vowel
    return letters, tone, fixed


def is_syllable(word: str) -> bool:
    """True when `word` (any case and Unicode composition) is a well-formed
    Vietnamese syllable."""
    return _analyse(word) is not None


def tone_normalised(word: str) -> str:
    """`word` in NFC with its tone mark on the fixed vowel ("hoà" -> "hòa",
    "Thuỷ" -> "Thủy"), case kept; a non-syllable is returned unchanged."""
    analysis = _analyse(word)
    if analysis is None:
        return word
    letters, tone, fixed = analysis
    return unicodedata.normalize(
        "NFC", "".join(letter + (tone if i == fixed else "") for i, letter in enumerate(letters)))


# A token runs over letters, digits and combining marks (NFD text), joined by
# hyphens so that "Covid-19" is one token and is skipped for its digits.
_TOKEN = re.compile(r"[\w\u0300-\u036f]+(?:-[\w\u0300-\u036f]+)*")
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
# Marks and the letter that show a word is written as Vietnamese.
_VIETNAMESE_MARKS = _TONES | _MODIFIERS | {"đ"}
# A word without diacritics is only taken for Vietnamese when shaped like one
# syllable (one vowel group); "online", "email", "video" are not.
_PLAIN_SHAPE = re.compile(r"[bcdghklmnpqrstvx]{0,3}[aeiouy]{1,3}[bcdghklmnpqrstvx]{0,2}")


def _case_pieces(word: str, offset: int) -> Iterator[tuple[int, str]]:
    """Split at a change of case as in camelCase ("aB" -> a|B, "ABc" -> A|Bc):
    a line glued to the next by a lost line break ("KHỐINơi") is two words."""
    bases = [i for i, ch in enumerate(word) if not unicodedata.combining(ch)]
    cuts = [0]
    for k in range(1, len(bases)):
        here, before = word[bases[k]].isupper(), word[bases[k - 1]].isupper()
        if here and not before:
            cuts.append(bases[k])
        elif not here and before and k >= 2 and word[bases[k - 2]].isupper():
            cuts.append(bases[k - 1])
    cuts = sorted(set(cuts)) + [len(word)]
    for a, b in zip(cuts, cuts[1:], strict=False):
        yield offset + a, word[a:b]


def _worth_checking(word: str) -> bool:
    """False for abbreviations, foreign words and names, one-letter words."""
    composed = unicodedata.normalize("NFC", word)
    if len(composed) <= 1:
        return False
    if composed.isupper() and len(composed) <= 8:  # UBND, ĐTN, LĐTBXH
        return False
    lower = composed.lower()
    if any(ch in lower for ch in "fjwz"):  # no Vietnamese word has them: Zalo, website
        return False
    if any(ch in _VIETNAMESE_MARKS for ch in unicodedata.normalize("NFD", lower)):
        return True
    # No diacritic: a capital means a foreign name (Covid, Google); lower case
    # counts only when shaped like a syllable ("hoc", "kan" yes; "online" no).
    return not composed[0].isupper() and _PLAIN_SHAPE.fullmatch(lower) is not None


def misspelt_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words of `text` that look Vietnamese but are
    not syllables; offsets index `text` itself."""
    found = []
    for token in _TOKEN.finditer(text):
        if any(ch.isdigit() for ch in token.group()):
            continue  # Covid-19, 08g00, 37-KH
        for match in _WORD.finditer(token.group()):
            for start, piece in _case_pieces(match.group(), token.start() + match.start()):
                if _worth_checking(piece) and not is_syllable(piece):
                    found.append((start, start + len(piece), piece))
    return found
