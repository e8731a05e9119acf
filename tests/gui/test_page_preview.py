"""The live preview, driven for real (pytest-qt): zoom (fit width, fit page,
a percent, Ctrl+wheel, Ctrl+0), "Trang n/m" while scrolling, and detaching
into a window of its own and back, with the example plans."""
import gc

import pytest
from conftest import FIXTURE_FILES
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.pdf_export import layout_dpi
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.page_preview import FIT_PAGE, FIT_WIDTH, GAP, MAX_PERCENT, MIN_FIT_WIDTH, PagePreview


def example(number: int = 0):
    return kehoach_json.read_file(FIXTURE_FILES[number])


@pytest.fixture
def preview(qtbot):
    widget = PagePreview()
    qtbot.addWidget(widget)
    widget.resize(500, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_plan(example())
    assert widget.page_count() > 2  # example 000 runs over several pages
    return widget


def visible(preview) -> tuple[int, int, int, int]:
    """The part of the canvas the viewport shows: left, top, right, bottom."""
    left, top = preview.horizontalScrollBar().value(), preview.verticalScrollBar().value()
    view = preview.viewport()
    return left, top, left + view.width(), top + view.height()


def wheel(preview, notches: int, modifiers=Qt.KeyboardModifier.ControlModifier, at: QPoint | None = None):
    view = preview.viewport()
    at = at if at is not None else view.rect().center()
    event = QWheelEvent(QPointF(at), QPointF(view.mapToGlobal(at)), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view, event)


def test_fit_width_fills_the_width_without_a_sideways_bar(preview):
    assert preview.zoom == FIT_WIDTH and preview.zoom_box.currentText() == "Vừa chiều rộng"
    width, height = preview.page_size_px()
    assert width == pytest.approx(preview.viewport().width() - 2 * GAP)
    assert abs(height / width - 297 / 210) < 0.01
    assert not preview.horizontalScrollBar().isVisible()
    assert preview.zoom_out_action.isEnabled() and preview.zoom_in_action.isEnabled()
    preview.resize(800, 700)  # a wider pane, a wider page
    assert preview.page_size_px()[0] == pytest.approx(preview.viewport().width() - 2 * GAP)
    preview.resize(230, 700)  # a narrow pane: the page eats into the gaps, no sideways bar yet
    assert preview.page_size_px()[0] == pytest.approx(MIN_FIT_WIDTH) and not preview.horizontalScrollBar().isVisible()
    page = preview.canvas.page_rect(0)
    assert 0 < page.left() and page.right() < preview.viewport().width()
    preview.resize(150, 700)  # thinner still: the page keeps its width and scrolls sideways
    bar = preview.horizontalScrollBar()
    assert preview.page_size_px()[0] == pytest.approx(MIN_FIT_WIDTH) and bar.isVisible()
    bar.setValue(bar.maximum())
    assert preview.canvas.page_rect(0).right() <= visible(preview)[2]  # the right edge can be reached


def test_fit_page_shows_a_whole_page(preview, qtbot):
    preview.go_to_page(1)
    preview.zoom_box.setCurrentIndex(preview.zoom_box.findData(FIT_PAGE))
    preview.zoom_box.activated.emit(preview.zoom_box.currentIndex())
    assert preview.zoom == FIT_PAGE
    left, top, right, bottom = visible(preview)
    page = preview.canvas.page_rect(1)
    assert left <= page.left() and page.right() <= right
    assert top <= page.top() and page.bottom() <= bottom  # page 2 whole, still the one being read
    assert page.height() >= preview.viewport().height() - 2 * GAP - 1  # and as large as fits
    assert preview.page_label.text() == f"Trang 2/{preview.page_count()}"
    assert not preview.horizontalScrollBar().isVisible()


def test_200_percent_scrolls_sideways_so_nothing_is_cut(preview, qtbot):
    line = preview.zoom_box.lineEdit()
    line.selectAll()
    QTest.keyClicks(line, "200")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert preview.zoom == 200 and preview.zoom_box.currentText() == "200%"
    width, _ = preview.page_size_px()
    assert width > preview.viewport().width()
    bar = preview.horizontalScrollBar()
    qtbot.waitUntil(bar.isVisible, timeout=1000)
    assert bar.maximum() >= width + 2 * GAP - preview.viewport().width() - 1
    bar.setValue(bar.maximum())  # the right edge of the paper can be reached
    assert preview.canvas.page_rect(0).right() <= visible(preview)[2]


def test_typed_and_chosen_zooms(preview):
    line = preview.zoom_box.lineEdit()
    for typed, expected in (("130 %", 130), ("87,5", 87.5), ("9000", MAX_PERCENT)):
        line.setText(typed)
        line.returnPressed.emit()
        assert preview.zoom == expected
    assert preview.zoom_box.currentText() == f"{MAX_PERCENT}%"
    line.setText("to lắm")  # not a zoom: the box shows the zoom in use again
    line.returnPressed.emit()
    assert preview.zoom == MAX_PERCENT and preview.zoom_box.currentText() == f"{MAX_PERCENT}%"
    assert not preview.zoom_in_action.isEnabled()
    line.setText("vừa cả trang")
    line.returnPressed.emit()
    assert preview.zoom == FIT_PAGE
    preview.zoom_box.activated.emit(preview.zoom_box.findData(150))
    assert preview.zoom == 150 and abs(preview.zoom_percent() - 150) < 1e-9


def test_ctrl_wheel_zooms_and_ctrl_0_fits_the_width_again(preview):
    fit = preview.zoom_percent()
    wheel(preview, 2)
    assert preview.zoom == pytest.approx(fit * 1.21)
    assert preview.zoom_box.currentText() == f"{round(fit * 1.21)}%"
    wheel(preview, -1)
    assert preview.zoom == pytest.approx(fit * 1.1)
    before = preview.verticalScrollBar().value()
    wheel(preview, -1, Qt.KeyboardModifier.NoModifier)  # no Ctrl: scrolls, no zoom
    assert preview.zoom == pytest.approx(fit * 1.1) and preview.verticalScrollBar().value() > before
    preview.area.setFocus()
    QTest.keyClick(preview.area, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom == FIT_WIDTH and preview.zoom_box.currentText() == "Vừa chiều rộng"
    QTest.keyClick(preview.area, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom == pytest.approx(fit * 1.1)


def test_zooming_keeps_the_spot_under_the_mouse(preview):
    preview.go_to_page(1)
    at = QPoint(100, 200)
    spot = preview._page_spot(preview.canvas.mapFrom(preview.viewport(), at))
    wheel(preview, 3, at=at)
    after = preview._page_spot(preview.canvas.mapFrom(preview.viewport(), at))
    assert after[0] == spot[0] == 1
    assert after[1] == pytest.approx(spot[1], abs=0.01) and after[2] == pytest.approx(spot[2], abs=0.01)


def test_page_n_of_m_follows_the_scrolling(preview):
    count = preview.page_count()
    label = preview.page_label
    assert label.text() == f"Trang 1/{count}" and not preview.previous_action.isEnabled()
    bar = preview.verticalScrollBar()
    bar.setValue(int(preview.canvas.page_rect(1).top()) + 10)
    assert label.text() == f"Trang 2/{count}"
    bar.setValue(bar.maximum())
    assert label.text() == f"Trang {count}/{count}" and not preview.next_action.isEnabled()
    preview.previous_action.trigger()
    assert label.text() == f"Trang {count - 1}/{count}"
    assert bar.value() == int(preview.canvas.page_rect(count - 2).top() - GAP)
    bar.setValue(0)
    preview.next_action.trigger()
    assert label.text() == f"Trang 2/{count}"
    preview.set_zoom(25)  # two whole pages in view: "next" still moves on, page by page, to the last
    preview.go_to_page(0)
    for page in range(2, count + 1):
        preview.next_action.trigger()
        assert label.text() == f"Trang {page}/{count}"
    preview.clear()
    assert label.text() == "" and not preview.next_action.isEnabled()


def heading_spot(preview, zoom):
    """Where on which page the top of the view is (the heading's line, GAP
    below the view's top edge) after scrolling to section III at a zoom."""
    preview.set_zoom(zoom)
    assert preview.scroll_to_block("III. ")
    return preview._page_spot(preview.canvas.mapFrom(preview.viewport(), QPoint(0, GAP)))


@pytest.mark.parametrize("zoom", [FIT_PAGE, 50, 100, 200])
def test_scroll_to_block_at_any_zoom(preview, zoom):
    preview.resize(500, 350)  # a short pane: section III can reach the top at every zoom
    page, _, down = heading_spot(preview, FIT_WIDTH)
    assert 0 < down < 1
    bar = preview.verticalScrollBar()
    image = preview.canvas.grab().toImage()
    rect = preview.canvas.page_rect(page)
    line = range(bar.value() + GAP, bar.value() + GAP + int(10 * preview.scale() * layout_dpi() / 72))  # 10 pt
    assert sum(image.pixelColor(x, y).lightness() < 100
               for x in range(int(rect.left()), int(rect.right()), 2) for y in line) > 3  # ink: the heading
    at_zoom = heading_spot(preview, zoom)
    assert bar.value() < bar.maximum()
    assert at_zoom[0] == page and at_zoom[2] == pytest.approx(down, abs=1.5 / preview.page_size_px()[1])
    assert preview.page_label.text().startswith(f"Trang {page + 1}/")
    assert not preview.scroll_to_block("không có đề mục này")


def test_placeholder_without_a_plan(preview):
    preview.clear()
    preview.setPlaceholderText("Chưa chọn kế hoạch")
    assert preview.placeholderText() == "Chưa chọn kế hoạch" and preview.toPlainText() == ""
    assert preview.page_count() == 0 and preview.verticalScrollBar().maximum() == 0
    preview.set_zoom(200)
    assert preview.horizontalScrollBar().maximum() == 0  # nothing to scroll to


def test_detach_and_dock_keep_the_plan_and_survive_the_user_closing_the_window(qtbot, db):
    PlanStore(db).add(example())
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    preview = win.preview
    text = preview.toPlainText()
    assert text and preview.body.window() is win
    shown = []
    preview.pane_shown_changed.connect(shown.append)
    preview.set_zoom(150)
    preview.go_to_page(2)

    preview.detach_action.trigger()
    window = preview.detached_window
    qtbot.waitExposed(window)
    assert preview.is_detached() and preview.body.window() is window and window.isWindow()
    assert window.windowTitle().startswith("Xem trước – ")
    # the main window's pane gives its room to the editor (MainWindow wires pane_shown_changed)
    assert not preview.isVisible() and shown == [False]
    assert preview.toPlainText() == text and preview.zoom == 150
    assert preview.page_label.text() == f"Trang 3/{preview.page_count()}"
    assert preview.detach_action.text() == "Đưa về cửa sổ chính"
    # the window follows edits while detached
    win.editor.page("general").title_edit.setPlainText("Kế hoạch xem ở màn hình thứ hai")
    qtbot.waitUntil(lambda: "Kế hoạch xem ở màn hình thứ hai" in preview.toPlainText(), timeout=2000)
    assert "Kế hoạch xem ở màn hình thứ hai" in window.windowTitle()

    window.close()  # by the user: the preview goes back
    del window
    gc.collect()
    QApplication.processEvents()
    assert not preview.is_detached() and preview.body.window() is win and preview.body.isVisible()
    assert preview.isVisible() and shown == [False, True]
    assert "Kế hoạch xem ở màn hình thứ hai" in preview.toPlainText() and preview.page_count() > 2
    assert preview.canvas.grab().width() > 0 and preview.zoom == 150
    assert preview.detach_action.text() == "Tách ra cửa sổ riêng" and not preview.detach_action.isChecked()

    preview.detach()  # again, then back with the button of the window
    assert preview.is_detached() and preview.detached_window.isVisible()
    preview.detach_action.trigger()
    assert not preview.is_detached() and not preview.detached_window.isVisible()
    gc.collect()
    win.reload()
    assert preview.toPlainText()


def test_the_pane_can_be_hidden_and_shown(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    preview = PagePreview(holder)
    holder.show()
    preview.show_plan(example(1))
    shown = []
    preview.pane_shown_changed.connect(shown.append)
    preview.detach()
    preview.show_action.trigger()  # hiding a detached preview docks it first
    assert not preview.is_detached() and not preview.isVisible() and not preview.detached_window.isVisible()
    assert shown[-1] is False
    preview.set_shown(True)
    assert preview.isVisible() and preview.show_action.isChecked() and shown[-1] is True
    assert preview.toPlainText()
