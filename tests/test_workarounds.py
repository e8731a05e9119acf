"""The version-specific workarounds in the code, each reproduced with the
installed version of the package it works around (in CI the locked one,
packaging/constraints.txt). A test here fails when the locked version no
longer has the bug, saying "PACKAGE VERSION no longer needs WORKAROUND:
remove it", so that an update of the lock tells which workaround to drop; a
newer version taken from pyproject.toml's ranges (a developer's venv) only
gives that as a warning.

- kehoach_desktop/none_refs.py: PySide6-Essentials 6.12.0 drops a reference
  to None per QTextLine.draw call (fatal on CPython 3.11);
  test_pyside6_drops_a_reference_to_none_per_line_drawn; and one to True per
  signal emitted from Python; test_pyside6_drops_a_reference_to_true_per_signal_emitted.
- packaging/kehoach.spec, module_collection_mode for docx: python-docx 1.2.0
  opens its templates at "docx/parts/../templates";
  test_python_docx_opens_its_templates_through_the_folder_of_its_modules.
- formats/attendees_xlsx.py, _merged_ranges(): openpyxl 3.1.5's read-only
  sheets have no merged cells, so they are read from the sheet's XML;
  test_openpyxl_read_only_sheets_have_no_merged_cells.
- formats/attendees_xlsx.py, _default_font(): openpyxl 3.1.5 has no API
  for a workbook's default font (Calibri 11); the first font of the private
  Workbook._fonts is it; test_openpyxl_has_no_api_for_the_default_font.
- ui/list_model.py, ListFilter.refilter(), the invalidateFilter()
  branch: for PySide6 6.7 and 6.8, which pyproject.toml still allows (Qt 6.9
  added beginFilterChange); test_pyproject_still_allows_a_pyside6_before_6_9.

Named in a comment but not tested here, as it concerns no locked package:
formats/attendees_xlsx.py styles every cell because LibreOffice Calc 7.4
ignores a workbook's default cell format (docs/benchmarks.md).
"""
from __future__ import annotations

import sys
import tomllib
import warnings
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version
from test_lock import pins_here, read_pins

REPO = Path(__file__).resolve().parent.parent


def no_longer_needed(package: str, workaround: str, evidence: str) -> str:
    return f"{package} {version(package)} no longer needs {workaround}: remove it ({evidence})"


def is_the_locked_version(package: str) -> bool:
    """True when the installed version is the one packaging/constraints.txt pins."""
    return any(pin.version == Version(version(package)) for pin in pins_here(read_pins(), package))


def still_needed(bug_seen: bool, package: str, workaround: str, evidence: str) -> None:
    """The verdict: the bug is still there, or the workaround can go.

    Only the locked version decides (CI runs on it): a developer whose venv
    took a newer release from pyproject.toml's ranges is warned, not failed,
    since the program still ships with the locked one."""
    if bug_seen:
        return
    message = no_longer_needed(package, workaround, evidence)
    if is_the_locked_version(package):
        pytest.fail(message)
    warnings.warn(f"{message} -- once the lock moves to this version", stacklevel=2)


def test_pyside6_drops_a_reference_to_none_per_line_drawn(qapp):
    """The program draws its pages with QTextLine.draw (formats/pdf_export.py);
    with the bug each call takes one reference from None."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QImage, QPainter, QTextLayout

    from kehoach_desktop.none_refs import guard_none_refcount

    if sys.version_info >= (3, 12):
        # None is immortal: its count never moves, so the drop can neither be
        # seen nor do harm, and the guard leaves it alone.
        before = sys.getrefcount(None)
        guard_none_refcount()
        assert sys.getrefcount(None) == before
        return
    guard_none_refcount()  # the drawing below must never be what frees None
    draws = 200
    image = QImage(200, 40, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        layout = QTextLayout("Kế hoạch tổ chức Hội nghị", QFont())
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(180)
        layout.endLayout()
        origin = QPointF(0, 0)
        line.draw(painter, origin)  # the first call may create what later calls reuse
        before = sys.getrefcount(None)
        for _ in range(draws):
            line.draw(painter, origin)
        dropped = before - sys.getrefcount(None)
    finally:
        painter.end()
    still_needed(dropped >= draws // 2, "PySide6-Essentials", "kehoach_desktop/none_refs.py",
                 f"{draws} calls of QTextLine.draw took {dropped} references from None")



def test_pyside6_drops_a_reference_to_true_per_signal_emitted(qapp):
    """Every edit emits signals from Python (changed, edited, a cell's
    commitData); with the bug each emit takes one reference from True."""
    from PySide6.QtCore import QObject

    from kehoach_desktop.none_refs import guard_none_refcount

    guard_none_refcount()  # the emits below must never be what frees True
    if sys.version_info >= (3, 12):
        before = sys.getrefcount(True)
        guard_none_refcount()
        assert sys.getrefcount(True) == before
        return
    emits = 200
    sender = QObject()
    sender.objectNameChanged.emit("")  # the first call may create what later calls reuse
    before = sys.getrefcount(True)
    for _ in range(emits):
        sender.objectNameChanged.emit("")
    dropped = before - sys.getrefcount(True)
    still_needed(dropped >= emits // 2, "PySide6-Essentials", "kehoach_desktop/none_refs.py",
                 f"{emits} signals emitted took {dropped} references from True")

def test_python_docx_opens_its_templates_through_the_folder_of_its_modules(tmp_path, monkeypatch):
    """In the bundle python-docx's modules live in PyInstaller's archive: their
    folder docx/parts/ exists on disk only because the spec also collects them
    as files, and Linux resolves "parts/.." only through a real folder."""
    import docx
    from docx.parts import hdrftr

    archived = tmp_path / "_internal" / "docx" / "parts" / "hdrftr.pyc"  # a module's path, no folder on disk
    monkeypatch.setattr(hdrftr, "__file__", str(archived))
    document = docx.Document()
    try:
        document.sections[0].header.add_paragraph("Số: 01-KH/ĐTN")  # a new header part opens its template
    except FileNotFoundError as exc:
        opened: Path | None = Path(exc.filename)
    else:
        opened = None  # it found its template without the folder of its modules
    still_needed(opened == Path(archived.parent, "..", "templates", "default-header.xml"), "python-docx",
                 'module_collection_mode={"docx": "pyz+py"} in packaging/kehoach.spec',
                 f"a new header opened {opened or 'its template'}, not a path through the folder of its modules")


def test_openpyxl_read_only_sheets_have_no_merged_cells(tmp_path):
    """The invitation list's group rows and a header row are recognised by
    their merged cells, which openpyxl's read-only mode does not read."""
    from openpyxl import Workbook, load_workbook

    from kehoach_desktop.formats.attendees_xlsx import _merged_ranges

    path = tmp_path / "o-gop.xlsx"
    book = Workbook()
    book.active["A1"] = "Đại biểu Thành Đoàn"
    book.active.merge_cells("A1:C1")
    book.save(path)
    read = load_workbook(path, read_only=True)
    try:
        sheet = read.active
        merged = getattr(sheet, "merged_cells", None)
        still_needed(merged is None or not list(merged.ranges), "openpyxl",
                     "reading merged cells from the sheet's XML in formats/attendees_xlsx.py (_merged_ranges)",
                     f"a read-only sheet has the merged cells {[str(r) for r in merged.ranges] if merged else []}")
        # What the workaround relies on: the private name of the sheet's part.
        assert getattr(sheet, "_worksheet_path", None) == "xl/worksheets/sheet1.xml", (
            f"openpyxl {version('openpyxl')}: read-only sheets lost _worksheet_path, so _merged_ranges() "
            "finds no merged cells; read the part's name another way")
        assert [str(cells) for cells in _merged_ranges(path, sheet)] == ["A1:C1"]
    finally:
        read.close()


def test_openpyxl_has_no_api_for_the_default_font():
    """The invitation workbook's column widths count digits of its default
    font, which must be the cells' Times New Roman (_default_font)."""
    import io
    import zipfile

    from openpyxl import Workbook

    from kehoach_desktop.formats.attendees_xlsx import _default_font

    book = Workbook(write_only=True)
    public = [name for name in dir(book) if "font" in name.lower() and not name.startswith("_")]
    still_needed(not public, "openpyxl", "setting Workbook._fonts in formats/attendees_xlsx.py (_default_font)",
                 f"a workbook has {public}")
    _default_font(book)
    book.create_sheet("x")
    out = io.BytesIO()
    book.save(out)
    styles = zipfile.ZipFile(out).read("xl/styles.xml").decode()
    first = styles[styles.index("<font>"):styles.index("</font>")]
    assert 'val="Times New Roman"' in first, (
        f"openpyxl {version('openpyxl')}: the first font of Workbook._fonts is no longer the default; set the "
        "default font another way")


def test_pyproject_still_allows_a_pyside6_before_6_9():
    """QSortFilterProxyModel.beginFilterChange came with Qt 6.9; the models
    fall back to invalidateFilter() for the older PySide6 that pyproject.toml
    allows. Once its lowest allowed version has the new call, the fallback is
    dead code."""
    from PySide6.QtCore import QSortFilterProxyModel

    first_with_it = Version("6.9")
    installed = Version(version("PySide6-Essentials"))
    assert hasattr(QSortFilterProxyModel, "beginFilterChange") == (installed >= first_with_it), installed
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pyside = next(Requirement(r) for r in project["dependencies"] if Requirement(r).name == "PySide6-Essentials")
    lowest = min(Version(spec.version) for spec in pyside.specifier if spec.operator in (">=", "==", "~="))
    assert lowest < first_with_it, (
        f"pyproject.toml now requires {pyside}, whose every version has beginFilterChange (Qt {first_with_it}): "
        "the invalidateFilter() fallback in ui/list_model.py (ListFilter.refilter) is no longer "
        "needed: remove it")
