"""The format checker's action in the window: "Kiểm tra thể thức" (F7)
checks the open plan and shows its findings in a panel docked under the
window (checks_panel.py).

The panel, its dock and the checker itself are made on the first check,
not with the window: most starts never check (docs/benchmarks.md, start-up)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from .checks_panel import ChecksPanel

DOCK_SHARE = 0.4  # the panel's first height, of the window's: a dozen findings on a laptop


class ChecksActions(QObject):
    """F7 checks the open plan and shows the panel docked under the window.
    The first time, the panel takes DOCK_SHARE of the window's height; the
    clerk can drag its edge, undock it, or close it."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._panel: ChecksPanel | None = None
        self._dock: QDockWidget | None = None
        self.check_action = QAction(self.tr("&Kiểm tra thể thức"), window)
        self.check_action.setShortcut(QKeySequence(Qt.Key.Key_F7))
        self.check_action.triggered.connect(self.check)

    @property
    def panel(self) -> ChecksPanel:
        self._build()
        return self._panel

    @property
    def dock(self) -> QDockWidget:
        self._build()
        return self._dock

    def _build(self) -> None:
        if self._panel is not None:
            return
        from PySide6.QtWidgets import QDockWidget

        from .checks_panel import ChecksPanel

        window = self.window
        self._panel = ChecksPanel(window)
        self._dock = QDockWidget(self.tr("Kiểm tra thể thức"), window)
        self._dock.setObjectName("checks-dock")
        self._dock.setWidget(self._panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self._dock)
        self._dock.hide()
        self._panel.recheck_button.clicked.connect(self.check)
        self._panel.go_to.connect(window.editor.go_to_field)

    def check(self) -> None:
        from ..core.checks import check_plan
        from ..core.errors import UserError
        from ..store.office import OfficeStore

        plan = self.window.editor.current_plan()
        if plan is None:
            self.window.statusBar().showMessage(self.tr("Chọn một kế hoạch để kiểm tra."), 5000)
            return
        try:
            # The office's own code, as the command line and the issue dialog check with.
            issuer_code = OfficeStore(self.window.db).get().issuer_code
        except UserError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            issuer_code = ""
        self.panel.show_findings(check_plan(plan, issuer_code=issuer_code))
        first = not self.dock.isVisible() and not self.dock.property("kehoach-sized")
        self.dock.show()
        self.dock.raise_()
        if first and not self.dock.isFloating():
            self.dock.setProperty("kehoach-sized", True)
            self.window.resizeDocks([self.dock], [int(self.window.height() * DOCK_SHARE)], Qt.Orientation.Vertical)
