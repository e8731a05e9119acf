"""Every menu and toolbar action of the real window, triggered for real on
each of the five example plans: the dialogs they open are shown, then
closed by a timer (Escape, as a clerk would: "No" to a confirmation, cancel
to a file dialog), with ``gc.collect()`` between actions and no ``exec``
patched anywhere. A Qt object freed too early (issue 15: the printer of the
print preview) kills the process with a segmentation fault, so the sweep runs
in a child process (``python -X faulthandler`` this file) and the test reads
its exit code and its last line.

The actions of the editor's pages (add a row, move up, indent…) are
triggered too, and the destructive ones (Xoá, Ban hành, Thoát) with their
confirmation answered No; Thoát comes last.
"""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

LAST_LINE = "sweep: survived"
QUIT_TEXT = "Thoát"
CLOSE_EVERY_MS = 120
# Where QPrintDialog is the system's own window, not a Qt dialog a timer can close.
NATIVE_PRINT_DIALOG = ("win32", "darwin")


def test_every_action_on_every_example_survives(tmp_path):
    from conftest import FIXTURE_FILES, REPO

    from kehoach_desktop.core.office import OfficeProfile
    from kehoach_desktop.formats import kehoach_json
    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.store.office import OfficeStore
    from kehoach_desktop.store.plans import PlanStore

    path = tmp_path / "examples.sqlite3"
    db = open_database(path)
    try:
        store = PlanStore(db)
        plans = [kehoach_json.read_file(fixture) for fixture in FIXTURE_FILES]
        for plan in plans:
            store.add(plan)
        # A draft as well, so that Ban hành goes as far as its confirmation
        # (the examples are issued already); the office can number it.
        store.add(dataclasses.replace(plans[0], status="draft"))
        OfficeStore(db).save(OfficeProfile(issuing_body="BCH ĐOÀN KHỐI", numbering="year"))
    finally:
        db.close()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH")))))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run([sys.executable, "-X", "faulthandler", __file__, str(path)], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=900)
    output = f"exit code {done.returncode}\n--- stdout (end)\n{done.stdout[-6000:]}\n--- stderr\n{done.stderr[-6000:]}"
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0 and lines and lines[-1].startswith(LAST_LINE), output
    assert "Xem trước khi in" in done.stdout and "QPrintPreviewDialog" in done.stdout, output


# ---------------------------------------------------------------- the child
def sweep(db_path: Path) -> int:
    """Open the window on ``db_path`` and trigger everything; 0 when no
    exception escaped to the event loop."""
    import gc

    import shiboken6
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog

    from kehoach_desktop.store.database import open_database
    from kehoach_desktop.ui.app import application, create_window

    app = application()
    db = open_database(db_path)
    window = create_window(db)
    window.show()
    errors: list[str] = []
    sys.excepthook = lambda kind, value, _tb: errors.append(f"{kind.__name__}: {value}")
    plan_ids = [window.model.row(row).id for row in range(window.model.rowCount())]
    escaped: list[QDialog] = []

    def close_dialogs() -> None:
        """Escape the dialog in front (a second Escape later for what a
        first one did not close), as the clerk would; popups closed."""
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        print(f"    shown: {type(modal).__name__} “{modal.windowTitle()}”", flush=True)
        if modal in escaped and isinstance(modal, QDialog):
            modal.reject()
            return
        escaped.append(modal)
        QTest.keyClick(modal, Qt.Key.Key_Escape)

    closer = QTimer()
    closer.setInterval(CLOSE_EVERY_MS)
    closer.timeout.connect(close_dialogs)
    closer.start()

    def label(action: QAction) -> str:
        return action.text().replace("&", "")

    def actions_of_window() -> list[QAction]:
        """The editor's own actions first (they live on the pages of the
        selected plan), then the menus in order (submenus included), then the
        toolbar's; each once, Thoát left out (it comes last)."""
        found: list[QAction] = []

        def add(action: QAction) -> None:
            if action.isSeparator() or action.menu() is not None or not label(action) or action in found:
                if action.menu() is not None:
                    for inner in action.menu().actions():
                        add(inner)
                return
            if label(action) == QUIT_TEXT:
                return
            if action is window.document_actions.print_action and sys.platform in NATIVE_PRINT_DIALOG:
                print(f"  left out: {label(action)} (the system's own print dialog, no timer closes it)")
                return
            found.append(action)

        in_menus: list[QAction] = []
        for menu_action in window.menuBar().actions():
            in_menus.extend(menu_action.menu().actions())
        in_menus.extend(window.toolbar.actions())
        for action in window.findChildren(QAction):
            if action not in in_menus:
                add(action)
        for action in in_menus:
            add(action)
        return found

    # ("select", i, None) selects example i; ("collect", i, None), a step later
    # (once the pages of the plan left are deleted), queues its actions;
    # ("trigger", i, action) triggers one.
    todo: list[tuple[str, int, QAction | None]] = [("select", i, None) for i in range(len(plan_ids))]
    counts = {"triggered": 0, "disabled": 0, "gone": 0}

    def step() -> None:
        gc.collect()
        if not todo:
            finish()
            return
        what, index, action = todo.pop(0)
        if what == "select":
            print(f"plan {index + 1}/{len(plan_ids)} (id {plan_ids[index]})", flush=True)
            window.select_plan(plan_ids[index])
            todo.insert(0, ("collect", index, None))
        elif what == "collect":
            todo[:0] = [("trigger", index, action) for action in actions_of_window()]
        elif not shiboken6.isValid(action):  # its page was rebuilt by an action before it
            counts["gone"] += 1
        elif not action.isEnabled():
            counts["disabled"] += 1
        else:
            if window.current_plan_id() != plan_ids[index]:  # a new plan, a copy… was selected
                window.select_plan(plan_ids[index])
            print(f"  action: {label(action)}", flush=True)
            counts["triggered"] += 1
            action.trigger()
        QTimer.singleShot(10, step)

    def finish() -> None:
        quit_action = next(a for a in window.findChildren(QAction) if label(a) == QUIT_TEXT)
        print(f"  action: {QUIT_TEXT}", flush=True)
        quit_action.trigger()
        app.processEvents()
        gc.collect()
        print(f"{counts['triggered']} triggered, {counts['disabled']} disabled, {counts['gone']} gone; "
              f"unhandled errors: {len(errors)}", flush=True)
        for error in errors[:10]:
            print("  error:", error, flush=True)
        if not errors:
            print(f"{LAST_LINE}: {len(plan_ids)} plans", flush=True)
        app.quit()

    QTimer.singleShot(0, step)
    app.setQuitOnLastWindowClosed(False)  # Thoát closes the window; the sweep still reports
    app.exec()
    db.close()
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(sweep(Path(sys.argv[1])))
