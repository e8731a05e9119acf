"""Small WordprocessingML edits python-docx has no API for.

Word validates the order of child elements, so every element is inserted
before the siblings the schema puts after it.
"""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.text.paragraph import CT_P
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.styles.style import ParagraphStyle
    from docx.table import Table, _Row

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_TBL_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del")
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_MIRROR = ("w:alignBordersAndEdges", "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter",
                 "w:gutterAtTop", "w:hideSpellingErrors", "w:hideGrammaticalErrors", "w:activeWritingStyle",
                 "w:proofState", "w:formsDesign", "w:attachedTemplate", "w:linkStyles", "w:stylePaneFormatFilter",
                 "w:stylePaneSortMethod", "w:documentType", "w:mailMerge", "w:revisionView", "w:trackRevisions",
                 "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection", "w:autoFormatOverride",
                 "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation",
                 "w:characterSpacingControl", "w:compat", "w:rsids", "m:mathPr", "w:themeFontLang",
                 "w:clrSchemeMapping", "w:shapeDefaults", "w:decimalSymbol", "w:listSeparator")


def _get_or_insert(parent: BaseOxmlElement, tag: str, successors: tuple[str, ...]) -> BaseOxmlElement:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert_element_before(found, *successors)
    return found


_Q_FONTS, _Q_LANG, _Q_RPR = qn("w:rFonts"), qn("w:lang"), qn("w:rPr")
_Q_SLOTS = tuple(qn(s) for s in FONT_SLOTS)
_Q_THEMES = tuple(qn(s) for s in THEME_SLOTS)
_Q_LANG_SLOTS = tuple(qn(s) for s in ("w:val", "w:eastAsia", "w:bidi"))


def _fonts_in(fonts: BaseOxmlElement, name: str) -> None:
    attrib = fonts.attrib
    for slot in _Q_THEMES:
        attrib.pop(slot, None)
    for slot in _Q_SLOTS:
        attrib[slot] = name


def set_fonts(rpr: BaseOxmlElement, name: str, language: str) -> None:
    """All four font slots and the three language slots; theme fonts removed
    (Word lets a theme font win over the named one)."""
    fonts = rpr.find(_Q_FONTS)
    if fonts is None:
        fonts = rpr.get_or_add_rFonts()
    _fonts_in(fonts, name)
    lang = rpr.find(_Q_LANG)
    if lang is None:
        lang = _get_or_insert(rpr, "w:lang", _AFTER_LANG)
    for slot in _Q_LANG_SLOTS:
        lang.set(slot, language)


def apply_fonts_everywhere(document: Document, name: str, language: str) -> None:
    """Document defaults and every style get the font in all slots and the language."""
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(_Q_RPR)
    set_fonts(rpr_default, name, language)
    for style in styles.iterchildren(qn("w:style")):
        rpr = style.find(_Q_RPR)
        set_fonts(rpr if rpr is not None else style.get_or_add_rPr(), name, language)
    for fonts in styles.iter(_Q_FONTS):  # also table-style parts (w:tblStylePr)
        _fonts_in(fonts, name)


def no_table_borders(table: Table) -> None:
    borders = _get_or_insert(table._tbl.tblPr, "w:tblBorders", _AFTER_TBL_BORDERS)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = borders.find(qn(f"w:{edge}"))
        if element is None:
            element = OxmlElement(f"w:{edge}")
            borders.append(element)
        element.set(qn("w:val"), "nil")


def table_indent(table: Table, twips: int) -> None:
    """Shift the table from the left margin (negative: into the margin)."""
    indent = _get_or_insert(table._tbl.tblPr, "w:tblInd", ("w:tblBorders",) + _AFTER_TBL_BORDERS)
    indent.set(qn("w:w"), str(twips))
    indent.set(qn("w:type"), "dxa")


def no_cell_margins(table: Table) -> None:
    """Left and right cell padding 0, so the text may use the whole column."""
    margins = _get_or_insert(table._tbl.tblPr, "w:tblCellMar", ("w:tblLook", "w:tblCaption", "w:tblDescription"))
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)


def fixed_layout(table: Table) -> None:
    table._tbl.tblPr.get_or_add_tblLayout().set(qn("w:type"), "fixed")


def keep_row_together(row: _Row) -> None:
    """The row is never split across two pages."""
    tr_pr = row._tr.get_or_add_trPr()
    _get_or_insert(tr_pr, "w:cantSplit", _AFTER_CANT_SPLIT)


def paragraph_border(paragraph_or_style: Paragraph | ParagraphStyle, sides: tuple[str, ...] = ("bottom",),
                     size_eighths: int = 6, space_pt: int = 1) -> None:
    element = paragraph_or_style._p if isinstance(paragraph_or_style, Paragraph) else paragraph_or_style.element
    borders = _get_or_insert(element.get_or_add_pPr(), "w:pBdr", _AFTER_PBDR)
    for side in sides:  # callers pass sides in schema order: top, left, bottom, right
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(size_eighths))
        edge.set(qn("w:space"), str(space_pt))
        edge.set(qn("w:color"), "auto")
        borders.append(edge)


def add_page_field(paragraph: Paragraph) -> None:
    """A PAGE field (the page number) as a complex field Word and LibreOffice update."""
    def char(kind: str) -> BaseOxmlElement:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    for element in (char("begin"), instr, char("separate")):
        paragraph.add_run()._r.append(element)
    paragraph.add_run("2")
    paragraph.add_run()._r.append(char("end"))


def mirror_margins(document: Document) -> None:
    _get_or_insert(document.settings.element, "w:mirrorMargins", _AFTER_MIRROR)


_Q_P, _Q_PPR, _Q_PSTYLE, _Q_VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_Q_R, _Q_T, _Q_TAB, _Q_BR = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br")
_Q_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def make_paragraph(factory: BaseOxmlElement, style_id: str, text: str) -> CT_P:
    """A w:p with a paragraph style and one run of text ("\\t" a tab,
    "\\n" a line break), built directly: python-docx's per-character text
    setter and style lookup dominate the export time otherwise."""
    p = factory.makeelement(_Q_P, {})
    ppr = p.makeelement(_Q_PPR, {})
    p.append(ppr)
    ppr.append(ppr.makeelement(_Q_PSTYLE, {_Q_VAL: style_id}))
    if text:
        run = p.makeelement(_Q_R, {})
        p.append(run)
        for i, line in enumerate(text.split("\n")):
            if i:
                run.append(run.makeelement(_Q_BR, {}))
            for j, chunk in enumerate(line.split("\t")):
                if j:
                    run.append(run.makeelement(_Q_TAB, {}))
                if chunk:
                    t = run.makeelement(_Q_T, {_Q_SPACE: "preserve"} if chunk != chunk.strip() else {})
                    t.text = chunk
                    run.append(t)
    return p


def append_plain_run(p: BaseOxmlElement, text: str) -> None:
    """A run that is neither bold nor italic whatever the paragraph style says
    (the text after a heading on the same line)."""
    run = p.makeelement(_Q_R, {})
    rpr = run.makeelement(_Q_RPR, {})
    for tag in ("w:b", "w:i"):
        rpr.append(rpr.makeelement(qn(tag), {_Q_VAL: "0"}))
    run.append(rpr)
    t = run.makeelement(_Q_T, {_Q_SPACE: "preserve"})
    t.text = text
    run.append(t)
    p.append(run)


END_MARK_BOOKMARK = "_KhEnd_"  # hidden bookmark (leading "_"): "./." written by the program
_END_MARK_CODES = {".": "d", ";": "s", ",": "c", ":": "o", " ": "w"}


def end_mark_bookmark(replaced: str) -> str:
    """The bookmark's name, carrying the punctuation the "./." replaced."""
    return END_MARK_BOOKMARK + "".join(_END_MARK_CODES.get(ch, "") for ch in replaced)[:30]


def replaced_by_end_mark(name: str) -> str | None:
    """The punctuation a generated "./." replaced, from its bookmark's name;
    None for any other bookmark."""
    if not name.startswith(END_MARK_BOOKMARK):
        return None
    decode = {code: ch for ch, code in _END_MARK_CODES.items()}
    return "".join(decode.get(code, "") for code in name[len(END_MARK_BOOKMARK):])


def mark_end(p: BaseOxmlElement, replaced: str) -> None:
    """Puts the paragraph's final "./." in a run of its own inside a hidden
    bookmark (invisible in Word, kept when the file is edited and saved)."""
    texts = [t for t in p.iter(_Q_T) if t.text]
    if not texts or not texts[-1].text.endswith("./."):
        return
    last = texts[-1]
    run = last.getparent()
    last.text = last.text[:-3]
    mark = copy.deepcopy(run)
    for child in list(mark):
        if child.tag != _Q_RPR:
            mark.remove(child)
    t = mark.makeelement(_Q_T, {})
    t.text = "./."
    mark.append(t)
    start = p.makeelement(qn("w:bookmarkStart"), {qn("w:id"): "9001", qn("w:name"): end_mark_bookmark(replaced)})
    end = p.makeelement(qn("w:bookmarkEnd"), {qn("w:id"): "9001"})
    run.addnext(start)
    start.addnext(mark)
    mark.addnext(end)

