"""The labels Word draws in front of list paragraphs ("I.", "1.", "a)",
"-", "•") from numbering.xml, so that a plan numbered automatically reads
as one whose numbers were typed."""
from __future__ import annotations

from xml.etree import ElementTree

from ...core.numbering import roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Symbol/Wingdings glyphs Word uses for bullets, in the private use area.
_BULLETS = {"\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•", "o": "•", "": "•",
            "\u25aa": "•", "\u25cf": "•", "\u2022": "•", "\uf02d": "-", "–": "-"}
MAX_LEVELS = 9
MAX_START = 32767  # Word's largest start value; a bigger one (or text) in a damaged file is not a number


def _int(text: str, default: int, maximum: int) -> int:
    """A number attribute as Word reads it: digits up to ``maximum``;
    anything else (a damaged file) gives the default."""
    text = (text or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 and int(text) <= maximum else default


def _val(element: ElementTree.Element | None, tag: str, default: str = "") -> str:
    found = element.find(W + tag) if element is not None else None
    return found.get(W + "val", default) if found is not None else default


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _format(number: int, kind: str) -> str:
    if kind == "upperRoman":
        return roman(number)
    if kind == "lowerRoman":
        return roman(number).lower()
    if kind == "upperLetter":
        return _letters(number).upper()
    if kind == "lowerLetter":
        return _letters(number)
    return str(number)


class ListLabels:
    """Counts list paragraphs as Word does (per list, a level restarting
    the levels under it) and gives each its label."""

    def __init__(self, numbering_xml: bytes | None, styles_xml: bytes | None):
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, fmt, text)
        self._style_numbering: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, list[int]] = {}
        if numbering_xml:
            self._read_numbering(ElementTree.fromstring(numbering_xml))
        if styles_xml:
            self._read_styles(ElementTree.fromstring(styles_xml))

    def _read_numbering(self, root: ElementTree.Element) -> None:
        abstract = {}
        for node in root.findall(W + "abstractNum"):
            levels = {}
            for lvl in node.findall(W + "lvl"):
                level = _int(lvl.get(W + "ilvl", "0"), MAX_LEVELS, MAX_LEVELS)
                levels[level] = (_int(_val(lvl, "start", "1"), 1, MAX_START), _val(lvl, "numFmt", "decimal"),
                                 _val(lvl, "lvlText", ""))
            abstract[node.get(W + "abstractNumId")] = levels
        for num in root.findall(W + "num"):
            num_id = num.get(W + "numId")
            if num_id is None:  # nothing can refer to it
                continue
            levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
            for override in num.findall(W + "lvlOverride"):
                level = _int(override.get(W + "ilvl", "0"), MAX_LEVELS, MAX_LEVELS)
                start = _val(override, "startOverride")
                if start and level in levels:
                    levels[level] = (_int(start, levels[level][0], MAX_START), *levels[level][1:])
            self._levels[num_id] = levels

    def _read_styles(self, root: ElementTree.Element) -> None:
        based_on = {}
        for style in root.findall(W + "style"):
            style_id = style.get(W + "styleId")
            if style_id is None:  # nothing can refer to it
                continue
            num_pr = style.find(f"{W}pPr/{W}numPr")
            based_on[style_id] = _val(style, "basedOn")
            if num_pr is not None:
                self._style_numbering[style_id] = (_val(num_pr, "numId"),
                                                   _int(_val(num_pr, "ilvl", "0"), 0, MAX_LEVELS))
        for style_id, parent in based_on.items():  # one step of inheritance covers Word's list styles
            if style_id not in self._style_numbering and parent in self._style_numbering:
                self._style_numbering[style_id] = self._style_numbering[parent]

    def label(self, paragraph: ElementTree.Element) -> str:
        """The label of a paragraph element ("" when it is not in a list)."""
        p_pr = paragraph.find(W + "pPr")
        num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
        num_id, level = "", 0
        if p_pr is not None:
            num_id, level = self._style_numbering.get(_val(p_pr, "pStyle"), ("", 0))
        if num_pr is not None:
            num_id = _val(num_pr, "numId", num_id)
            level = _int(_val(num_pr, "ilvl", str(level)), 0, MAX_LEVELS)
        levels = self._levels.get(num_id)
        if not num_id or num_id == "0" or not levels or level not in levels or level >= MAX_LEVELS:
            return ""
        start, kind, text = levels[level]
        if kind == "bullet":
            return _BULLETS.get(text, text.strip() or "•")
        if kind == "none":
            return ""
        counters = self._counters.setdefault(num_id, [levels.get(i, (1,))[0] - 1 for i in range(MAX_LEVELS)])
        counters[level] += 1
        for deeper in range(level + 1, MAX_LEVELS):
            counters[deeper] = levels.get(deeper, (1,))[0] - 1
        for i in range(MAX_LEVELS):
            if f"%{i + 1}" in text:
                value = max(counters[i], levels.get(i, (1,))[0])
                text = text.replace(f"%{i + 1}", _format(value, levels.get(i, (1, "decimal"))[1]))
        return text.strip()
