"""The window on a laptop: at 1366×728 and 1280×680 (1366×768 and 1280×720
screens minus a taskbar), on every page of the editor, nothing scrolls
sideways and no text is cut (labels, buttons, fields, and the headers of
every table and tree); every section of a long plan can be reached;
the preview can be widened; the window never opens larger than the screen.

Run on example 000 (five sections, long bodies, a signature block) with
three signers and a guest list, and again with the preview widened as far
as the panes allow (the list and the editor at their smallest)."""
import pytest
from conftest import FIXTURE_FILES
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionHeader,
    QWidget,
)

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.model import Signature
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.attendees import AttendeeStore
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window

SIZES = ((1366, 728), (1280, 680))
INSIDE = (QAbstractSpinBox, QComboBox, QAbstractItemView)  # their line edits are theirs to size


@pytest.fixture
def window(qtbot, db):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])  # 000: five sections
    plan.signatures = [Signature("TM.", "BAN THƯỜNG VỤ ĐOÀN KHỐI", "BÍ THƯ", "Nguyễn Đăng Khoa"),
                       Signature("TM.", "BAN CHẤP HÀNH HỘI CỰU CHIẾN BINH KHỐI", "CHỦ TỊCH", "Trần Văn Bình"),
                       Signature("KT.", "BAN THƯỜNG VỤ CÔNG ĐOÀN VIÊN CHỨC", "PHÓ CHỦ TỊCH", "Lê Thị Cúc")]
    plan_id = PlanStore(db).add(plan)
    AttendeeStore(db).replace(plan_id, [
        Attendee(name="Nguyễn Văn An", position="Phó Bí thư Thường trực", unit="Đoàn Khối Dân – Chính – Đảng",
                 group="Đại biểu", phone="0903 123 456", email="an.nguyen@example.org", note="Phát biểu"),
        Attendee(name="Trần Thị Bình", position="Chủ tịch", unit="Hội Cựu chiến binh Khối", group="Khách mời")])
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    win.select_plan(plan_id)
    return win


def settle():
    for _ in range(3):
        QApplication.processEvents()


def cut_texts(window) -> list[str]:
    """Every visible text of the window that is cut, and every visible
    sideways scroll bar, described."""
    problems = []
    style = window.style()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        name = f"{type(widget).__name__} {widget.objectName()}".strip()
        metrics = widget.fontMetrics()
        if isinstance(widget, QAbstractScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(f"{name}: scrolls sideways")
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            problems += cut_sections(widget, name)
        elif isinstance(widget, QLabel) and widget.text() and widget.textFormat() != Qt.TextFormat.RichText:
            room = widget.contentsRect()
            if widget.wordWrap():
                if widget.heightForWidth(room.width()) > room.height() + 1:
                    problems.append(f"{name} {widget.text()!r}: wrapped text taller than the label")
            else:
                wide = max(metrics.horizontalAdvance(line) for line in widget.text().splitlines())
                if wide > room.width():
                    problems.append(f"{name} {widget.text()!r}: {wide} > {room.width()}")
        elif isinstance(widget, QPushButton) and widget.text():
            wide = metrics.horizontalAdvance(widget.text().replace("&", "")) + 2 * style.pixelMetric(
                QStyle.PixelMetric.PM_ButtonMargin, None, widget) // 2
            if widget.menu() is not None:  # the menu's arrow has its own room ("Thêm…" of a free section)
                wide += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, widget)
            if wide > widget.contentsRect().width():
                problems.append(f"{name} {widget.text()!r}: {wide} > {widget.contentsRect().width()}")
        elif isinstance(widget, QCheckBox) and widget.text():
            wide = (metrics.horizontalAdvance(widget.text().replace("&", ""))
                    + style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, widget)
                    + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, widget))
            if wide > widget.contentsRect().width():
                problems.append(f"{name} {widget.text()!r}: {wide} > {widget.contentsRect().width()}")
        elif isinstance(widget, QComboBox) and widget.currentText() and not widget.isEditable():
            option = QStyleOptionComboBox()
            option.initFrom(widget)
            room = style.subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, widget).width()
            wide = metrics.horizontalAdvance(widget.currentText())
            if wide > room:
                problems.append(f"{name} {widget.currentText()!r}: {wide} > {room}")
        elif isinstance(widget, QGroupBox) and widget.title():
            wide = metrics.horizontalAdvance(widget.title()) + 8
            if wide > widget.contentsRect().width():
                problems.append(f"{name} title {widget.title()!r}: {wide} > {widget.contentsRect().width()}")
        elif isinstance(widget, QLineEdit) and widget.text() and not isinstance(widget.parent(), INSIDE):
            # a field shows a short value whole (the signers' bodies were cut: "…HIẾN BINH KHỐI")
            wide = metrics.horizontalAdvance(widget.text())
            room = widget.contentsRect().width() - 8
            if len(widget.text()) <= 40 and wide > room:
                problems.append(f"{name} {widget.text()!r}: {wide} > {room}")
    return problems


def cut_sections(header: QHeaderView, name: str) -> list[str]:
    """The shown sections of a table's or tree's header whose text is cut:
    the text, the style's margins on both sides and, on the sorted column,
    the sort arrow with its margin must fit the section."""
    problems = []
    model = header.model()
    style = header.style()
    option = QStyleOptionHeader()
    option.initFrom(header)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, option, header)
    metrics = header.fontMetrics()
    view = header.parent()
    for column in range(header.count()):
        text = model.headerData(column, Qt.Orientation.Horizontal) if model is not None else None
        if header.isSectionHidden(column) or not text:
            continue
        wide = max(metrics.horizontalAdvance(line) for line in str(text).splitlines()) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            wide += arrow + margin
        if wide > header.sectionSize(column):
            problems.append(f"{name} of {type(view).__name__} {view.objectName()}: column {text!r}: "
                            f"{wide} > {header.sectionSize(column)}")
    return problems


def every_page(window) -> dict[str, list[str]]:
    """The problems on each page of the editor, by the page's name."""
    tabs = window.editor.tabs
    found = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle()
        found[tabs.tabText(index)] = cut_texts(window)
    return {page: problems for page, problems in found.items() if problems}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits_without_sideways_scrolling(window, size):
    window.resize(*size)
    settle()
    assert (window.width(), window.height()) == size  # the window's smallest size is below the laptop's
    window.editor.page("closing").count.setValue(3)
    assert every_page(window) == {}
    window.checks.check()  # the F7 panel: six rows at least, not three
    settle()
    table = window.checks.panel.table
    assert table.viewport().height() >= 6 * table.verticalHeader().defaultSectionSize()
    assert every_page(window) == {}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_preview_widens_and_everything_still_fits(window, size):
    window.resize(*size)
    settle()
    before = window.preview.width()
    window.splitter.setSizes([0, 0, size[0]])  # dragged as far as the list and editor allow
    settle()
    left, editor, right = window.splitter.sizes()
    assert left == window.splitter.widget(0).minimumWidth()
    assert right > before + 100 and window.preview.width() > before + 100
    assert right + left + editor + 2 * window.splitter.handleWidth() == window.splitter.width()
    window.editor.page("closing").count.setValue(3)
    assert every_page(window) == {}


def test_every_section_is_reachable_however_many(window, qtbot):
    window.resize(1280, 680)
    editor = window.editor
    for kind in ("free", "timeline", "activities", "assignments", "programme", "participants", "time_place"):
        editor.add_section(kind)  # twelve sections
    settle()
    pages = editor.tabs.list
    assert len(editor.section_pages) == 12 and pages.count() == 15
    for index in [0, *range(1, 13), 13, 14]:  # Chung, I. … XII., Kết thúc, Khách mời, clicked
        item = pages.item(index)
        pages.scrollToItem(item)
        rect = pages.visualItemRect(item)
        assert 0 <= rect.top() and rect.bottom() < pages.viewport().height(), item.text()
        QTest.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, rect.center().y()))
        page = editor.tabs.currentWidget()
        assert editor.tabs.indexOf(page) == index and page.isVisible()
    assert editor.tabs.tabText(12) == "XII. Thời gian – địa điểm"
    editor.tabs.setCurrentIndex(0)
    general = editor.page("general")
    general.place.setFocus()
    QTest.keyClick(general.place, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # from a field
    assert editor.tabs.currentIndex() == 1
    QTest.keyClick(editor.tabs.list, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.tabs.currentIndex() == 0
    assert not pages.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("screen", [QRect(0, 0, 1024, 728), QRect(0, 0, 1280, 680), QRect(0, 30, 1366, 698)],
                         ids=lambda r: f"{r.width()}x{r.height()}")
def test_window_never_opens_larger_than_the_screen(window, screen, monkeypatch):
    """The first size and a size remembered on a larger screen both end up
    inside the screen's free area (taskbar excluded), frame included."""
    monkeypatch.setattr(type(window.screen()), "availableGeometry", lambda _screen: screen)
    window._fit_to_screen()
    settle()
    window._keep_on_screen()
    assert screen.contains(window.frameGeometry())
    window.setGeometry(-50, -40, 1900, 1100)  # from a larger screen, since unplugged
    window._keep_on_screen()
    assert screen.contains(window.frameGeometry())
