"""Small WordprocessingML edits python-docx has no API for.

Word validates the order of child elements, so every element is inserted
before the siblings the schema puts after it.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

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


def _get_or_insert(parent, tag: str, successors: tuple[str, ...]):
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert_element_before(found, *successors)
    return found


def set_fonts(rpr, name: str, language: str) -> None:
    """All four font slots and the three language slots; theme fonts removed
    (Word lets a theme font win over the named one)."""
    fonts = rpr.get_or_add_rFonts()
    for slot in THEME_SLOTS:
        if fonts.get(qn(slot)) is not None:
            del fonts.attrib[qn(slot)]
    for slot in FONT_SLOTS:
        fonts.set(qn(slot), name)
    lang = _get_or_insert(rpr, "w:lang", _AFTER_LANG)
    for slot in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(slot), language)


def apply_fonts_everywhere(document, name: str, language: str) -> None:
    """Document defaults and every style get the font in all slots and the language."""
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, name, language)
    for style in styles.findall(qn("w:style")):
        set_fonts(style.get_or_add_rPr(), name, language)
    for fonts in styles.iter(qn("w:rFonts")):  # also table-style parts (w:tblStylePr)
        for slot in THEME_SLOTS:
            if fonts.get(qn(slot)) is not None:
                del fonts.attrib[qn(slot)]
        for slot in FONT_SLOTS:
            fonts.set(qn(slot), name)


def no_table_borders(table) -> None:
    borders = _get_or_insert(table._tbl.tblPr, "w:tblBorders", _AFTER_TBL_BORDERS)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = borders.find(qn(f"w:{edge}"))
        if element is None:
            element = OxmlElement(f"w:{edge}")
            borders.append(element)
        element.set(qn("w:val"), "nil")


def table_indent(table, twips: int) -> None:
    """Shift the table from the left margin (negative: into the margin)."""
    indent = _get_or_insert(table._tbl.tblPr, "w:tblInd", ("w:tblBorders",) + _AFTER_TBL_BORDERS)
    indent.set(qn("w:w"), str(twips))
    indent.set(qn("w:type"), "dxa")


def fixed_layout(table) -> None:
    table._tbl.tblPr.get_or_add_tblLayout().set(qn("w:type"), "fixed")


def keep_row_together(row) -> None:
    """The row is never split across two pages."""
    tr_pr = row._tr.get_or_add_trPr()
    _get_or_insert(tr_pr, "w:cantSplit", _AFTER_CANT_SPLIT)


def paragraph_border(paragraph, sides=("bottom",), size_eighths: int = 6, space_pt: int = 1) -> None:
    borders = _get_or_insert(paragraph._p.get_or_add_pPr(), "w:pBdr", _AFTER_PBDR)
    for side in sides:  # callers pass sides in schema order: top, left, bottom, right
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(size_eighths))
        edge.set(qn("w:space"), str(space_pt))
        edge.set(qn("w:color"), "auto")
        borders.append(edge)


def add_page_field(paragraph) -> None:
    """A PAGE field (the page number) as a complex field Word and LibreOffice update."""
    def char(kind: str):
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


def mirror_margins(document) -> None:
    _get_or_insert(document.settings.element, "w:mirrorMargins", _AFTER_MIRROR)
