"""The plan editor: pages keyed by page id, chosen from a list beside them
(page_list.py), saved to the database by itself.

Every edit restarts a short timer; when it fires (or when the clerk switches
plans or closes the window) the plan is saved in one transaction, guarded by
the version it was loaded at, so two windows never silently overwrite each
other. Undo and redo work on the whole plan (history.py): Ctrl+Z in any
field of the editor steps back through every field, tab and table.

A save the database cannot take (locked by another program, a full disk, a
folder that cannot be written, a server out of reach: store.failures) loses
nothing: the text stays in the editor and unsaved, a recovery copy of the
plan is written to the data folder (formats/recovery.py), a banner says what
is wrong, and the save is tried again by a timer (2 s, then longer) and at
every save. A plan left for another one meanwhile is kept in memory and
tried with it; the copy is removed once the plan is saved. Another plan
that cannot be read (the database busy) is not opened: the plan shown and
its edit stay.

A save refused because the plan was saved somewhere else meanwhile opens the
conflict dialog (plan_conflict.py): both versions, then reload theirs, keep
mine over theirs, keep mine as a new copy, or later (nothing saved, the edit
stays; asked again at the next save the clerk asks for or the next edit).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ...core.appendices import roman
from ...core.codec import plan_from_data, plan_to_data
from ...core.errors import UserError
from ...core.kinds import all_kinds, kind_named
from ...core.model import Appendix, Plan, Section
from ...core.numbering import section_number
from ...formats import recovery
from ...store.failures import StoreFailureError
from ...store.plans import PlanStore
from ...store.register import Register
from ...store.versions import ConflictError
from ..conflict_dialog import COPY, KEEP_MINE, RELOAD
from ..modal import run_modal
from .base import EditorPage
from .closing_page import ClosingPage
from .general_page import GeneralPage
from .history import PlanHistory
from .issued_banner import IssuedBanner
from .page_list import PageList
from .plan_conflict import plan_conflict_dialog
from .save_banner import SaveBanner, sentence
from .section_page import AppendixPage, SectionPage

if TYPE_CHECKING:
    from ..attendees_tab import AttendeesPage

PAGES: tuple[type[EditorPage], ...] = (GeneralPage, ClosingPage)
ATTENDEES_TITLE = "Khách mời"  # the guest list's page (AttendeesPage.title), made on first show
AUTOSAVE_MS = 1500  # every change reaches the database within 2 seconds, also while typing on
SNAPSHOT_MS = 400  # a pause this long ends one undo step
# After a failed save, the next tries (seconds): soon at first (a lock is
# usually held for moments), then once a minute.
RETRY_S = (2, 5, 10, 30, 60)
RETRY_WAIT_S = 0.5  # how long a retry by the timer waits for another program's lock (SQLite)


def undo_keys() -> list[QKeySequence]:
    """The platform's undo keys (asked of Qt once an application exists)."""
    return QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys, and Ctrl+Y everywhere, as in Word."""
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
    return list({key.toString(): key for key in keys}.values())


class PlanEditor(QWidget):
    saved = Signal(int)  # plan id, after a successful save
    edited = Signal()  # any change by the clerk, saved or not yet
    history_changed = Signal()  # undo or redo became possible or impossible
    loaded = Signal()  # open_plan() showed a plan (or none): the preview draws it again

    def __init__(self, store: PlanStore, parent=None):
        super().__init__(parent)
        self.store = store
        self.plan_id: int | None = None
        self.plan: Plan | None = None
        self.version: int | None = None
        self.dirty = False
        # Named "tabs" as the QTabWidget it replaced: the window and the tests
        # reach the pages through the same calls (page_list.py).
        self.tabs = PageList(self)
        self.pages: dict[str, EditorPage] = {}
        self.section_pages: list[SectionPage] = []
        self.appendix_pages: list[AppendixPage] = []
        for page_class in PAGES:
            page = page_class(self.tabs)
            self.pages[page.page_id] = page
            self.tabs.addTab(page, self.tr(page.title))
            page.changed.connect(self._on_changed)
        # The guest list is made when first shown or asked for (attendees), not at the window's start.
        self._attendees: AttendeesPage | None = None
        self._attendees_stand_in = self.tabs.add_lazy_tab(self._make_attendees, self.tr(ATTENDEES_TITLE))
        self.add_section_button = self._add_section_button()
        self.tabs.add_below_list(self.add_section_button)
        self.issued_banner = IssuedBanner(self)
        self.read_only = False  # the register issued the plan: it is shown, not edited
        self.save_banner = SaveBanner(self)
        self.save_banner.retry_requested.connect(self.retry_saves)
        # The last save's failure (None once saved), the plans left unsaved for
        # another one ({plan id: (plan, version it was loaded at)}) and the retries so far.
        self.failure: StoreFailureError | None = None
        self.left_unsaved: dict[int, tuple[Plan, int | None]] = {}
        self.failed_tries = 0
        # A conflict the clerk left for later (its message), and a copy chosen
        # in one whose save failed: the next tries save the copy, not the plan.
        self.conflict: str | None = None
        self.copy_pending = False
        self.resolving = False  # the conflict dialog is open: a retry by the timer waits
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self._retry_in_background)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.save_banner)
        layout.addWidget(self.issued_banner)
        layout.addWidget(self.tabs)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        self.history = PlanHistory()
        self.snapshot_timer = QTimer(self)
        self.snapshot_timer.setSingleShot(True)
        self.snapshot_timer.setInterval(SNAPSHOT_MS)
        self.snapshot_timer.timeout.connect(self._snapshot)
        # keys the text fields of the editor leave to the window
        self.plan_keys = [*undo_keys(), *redo_keys(), QKeySequence("Ctrl+S")]
        QApplication.instance().focusChanged.connect(self._watch_focus)
        self.setEnabled(False)

    def page(self, page_id: str) -> EditorPage:
        return self.pages[page_id]

    @property
    def attendees(self) -> AttendeesPage:
        """The guest list of the open plan (its page made on first use)."""
        if self._attendees is None:
            self.tabs.made(self._attendees_stand_in)
        return self._attendees

    def _make_attendees(self) -> AttendeesPage:
        from ..attendees_tab import AttendeesPage

        page = AttendeesPage(self.store, self.current_plan, self.tabs)
        page.open_plan(self.plan_id if self.plan is not None else None)
        self._attendees = page
        return page

    def save_attendees(self) -> bool:
        """Save the guest list's pending edits (none before its page is made)."""
        return self._attendees is None or self._attendees.save_now()

    # ------------------------------------------------------------- sections
    def _add_section_button(self) -> QToolButton:
        button = QToolButton(self)
        button.setText(self.tr("Thêm mục"))
        button.setToolTip(self.tr("Thêm một mục nội dung vào cuối kế hoạch"))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self.add_section_actions: dict[str, QAction] = {}
        for kind in all_kinds():
            action = menu.addAction(self.tr(kind.label))
            action.triggered.connect(lambda _=False, k=kind.name: self.add_section(k))
            self.add_section_actions[kind.name] = action
        menu.addSeparator()
        appendix_menu = menu.addMenu(self.tr("Phụ lục (sau chữ ký, sang trang mới)"))
        self.add_appendix_actions: dict[str, QAction] = {}
        for kind in all_kinds():
            action = appendix_menu.addAction(self.tr(kind.label))
            action.triggered.connect(lambda _=False, k=kind.name: self.add_appendix(k))
            self.add_appendix_actions[kind.name] = action
        button.setMenu(menu)
        return button

    def _clear_sections(self) -> None:
        """Remove the pages of the sections and of the appendices."""
        for page in [*self.section_pages, *self.appendix_pages]:
            self.tabs.removeTab(self.tabs.indexOf(page))
            del self.pages[page.page_id]
            page.deleteLater()
        self.section_pages, self.appendix_pages = [], []

    def _run(self, page: SectionPage) -> list:
        """The pages of the page's sort: the sections or the appendices."""
        return self.appendix_pages if isinstance(page, AppendixPage) else self.section_pages

    def _first_tab(self, run: list) -> int:
        """Where a run starts in the list: the sections after "Thông tin chung",
        the appendices after the closing page."""
        return 1 if run is self.section_pages else self.tabs.indexOf(self.pages["closing"]) + 1

    def _insert_page(self, page: SectionPage, position: int) -> SectionPage:
        run = self._run(page)
        self.pages[page.page_id] = page
        run.insert(position, page)
        self.tabs.insertTab(self._first_tab(run) + position, page, "")
        page.set_profile(self.profile_id())
        page.changed.connect(self._on_changed)
        page.heading_changed.connect(lambda _page: self._retitle())
        page.move_requested.connect(self.move_section)
        page.remove_requested.connect(self.remove_section)
        return page

    def _retitle(self) -> None:
        """The list's entries carry the generated numeral: "II. Thời gian – địa
        điểm", "Phụ lục I: Danh sách đơn vị" (sentence case: easier to read in
        a narrow list than capitals; the list elides a long one and shows it
        whole as a tooltip)."""
        untitled = self.tr("(chưa đặt tên)")
        for index, page in enumerate(self.section_pages):
            heading = page.heading.text().strip().lower().capitalize() or untitled
            self.tabs.setTabText(self.tabs.indexOf(page), f"{section_number(index)} {heading}")
        for index, page in enumerate(self.appendix_pages):
            number = f" {roman(index + 1)}" if len(self.appendix_pages) > 1 else ""
            title = page.heading.text().strip().lower().capitalize() or untitled
            self.tabs.setTabText(self.tabs.indexOf(page), self.tr("Phụ lục{number}: {title}").format(
                number=number, title=title))

    def add_section(self, kind: str) -> SectionPage | None:
        if self.plan is None:
            return None
        return self._added(self._insert_page(SectionPage(Section(kind_named(kind).heading, kind_named(kind).model()),
                                                         self.tabs), len(self.section_pages)))

    def add_appendix(self, kind: str) -> AppendixPage | None:
        """A new appendix at the end, holding content of the kind chosen."""
        if self.plan is None:
            return None
        page = AppendixPage(Appendix("", kind_named(kind).model()), self.tabs)
        self._added(self._insert_page(page, len(self.appendix_pages)))
        return page

    def _added(self, page: SectionPage) -> SectionPage:
        self._retitle()
        self.tabs.setCurrentWidget(page)
        page.heading.setFocus()
        self._on_changed()
        return page

    def move_section(self, page: SectionPage, delta: int) -> None:
        """Move a section among the sections, an appendix among the appendices."""
        run = self._run(page)
        old = run.index(page)
        new = old + delta
        if not 0 <= new < len(run):
            return
        run.insert(new, run.pop(old))
        first = self._first_tab(run)
        self.tabs.moveTab(first + old, first + new)
        self._retitle()
        self.tabs.setCurrentWidget(page)
        self._on_changed()

    def remove_section(self, page: SectionPage) -> None:
        if isinstance(page, AppendixPage):
            title, question = self.tr("Xoá phụ lục"), self.tr("Xoá phụ lục “{heading}” và toàn bộ nội dung của nó?")
        else:
            title, question = self.tr("Xoá mục"), self.tr("Xoá mục “{heading}” và toàn bộ nội dung của nó?")
        answer = QMessageBox.question(self, title, question.format(heading=page.heading.text()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.tabs.removeTab(self.tabs.indexOf(page))
        self._run(page).remove(page)
        del self.pages[page.page_id]
        page.deleteLater()
        self._retitle()
        self._on_changed()

    def open_plan(self, plan_id: int | None) -> bool:
        """Show another plan; the current one is saved first (or, when the
        database cannot take it, kept to be saved with the next try). False
        when the plan could not be read because the database is busy: the
        plan shown stays, with its edit."""
        self.save_now()
        stored: tuple[Plan, int] | None = None
        if plan_id is not None and plan_id not in self.left_unsaved:
            try:
                stored = self.store.get(plan_id), self.store.version(plan_id)
            except StoreFailureError as exc:
                QMessageBox.warning(self, self.tr("Chưa mở được kế hoạch"), self.tr(
                    "{problem}\n\nKế hoạch đang mở vẫn ở trên màn hình, nội dung đã gõ được giữ nguyên.")
                    .format(problem=sentence(str(exc))))
                return False
            except UserError as exc:
                QMessageBox.critical(self, self.tr("Không mở được kế hoạch"), str(exc))
        if self.dirty and self.plan is not None and self.plan_id is not None:
            self.left_unsaved[self.plan_id] = (self.plan, self.version)
        self.copy_pending, self.conflict = False, None
        self.save_attendees()
        self.plan_id, self.plan, self.version = plan_id, None, None
        unsaved = self.left_unsaved.pop(plan_id, None) if plan_id is not None else None
        if unsaved is not None:  # left while its save failed: its text, not the stored one
            self.plan, self.version = unsaved
        elif stored is not None:
            self.plan, self.version = stored
        else:
            self.plan_id = None
        self.setEnabled(self.plan is not None)
        self._load_pages()
        self._set_read_only(Register(self.store.db).entry_for_plan(self.plan_id) if self.plan is not None else None)
        self.dirty = False
        self.snapshot_timer.stop()
        self.history.reset(plan_to_data(self.plan) if self.plan is not None else None)
        self.history_changed.emit()
        if self._attendees is not None:
            self._attendees.open_plan(self.plan_id if self.plan is not None else None)
        if unsaved is not None:
            self._on_changed()
        self.loaded.emit()
        return True

    def take_unsaved(self, plan: Plan) -> None:
        """Show ``plan`` (a recovery copy of the open plan) as an unsaved edit
        of the open plan, over what is stored: the autosave then stores it."""
        if self.plan is None or self.read_only:
            return
        self.plan = plan
        self.version = None  # the clerk chose this text over whatever is stored
        tab = self.tabs.currentIndex()
        self._load_pages()
        self.tabs.setCurrentIndex(min(tab, self.tabs.count() - 1))
        self._on_changed()
        self.loaded.emit()

    def _set_read_only(self, entry) -> None:
        """A plan in the register is read-only; its invitation list is not
        part of the issued text and stays editable."""
        self.read_only = entry is not None
        self.issued_banner.show_entry(entry)
        for page in [*self.pages.values()]:
            page.setEnabled(not self.read_only)
        self.add_section_button.setEnabled(not self.read_only)

    def _load_pages(self) -> None:
        self._clear_sections()
        if self.plan is not None:
            for page in self.pages.values():
                page.load(self.plan)
            for position, section in enumerate(self.plan.sections):
                self._insert_page(SectionPage(section, self.tabs), position)
            for position, appendix in enumerate(self.plan.appendices):
                self._insert_page(AppendixPage(appendix, self.tabs), position)
            self._retitle()

    def profile_id(self) -> str:
        """The profile chosen on "Thông tin chung" (the plan's, until changed there)."""
        chosen = self.pages["general"].profile.currentData()
        return chosen or (self.plan.profile if self.plan is not None else "doan")

    def _on_changed(self) -> None:
        for page in [*self.section_pages, *self.appendix_pages]:  # a profile chosen on "Thông tin chung"
            page.set_profile(self.profile_id())
        if self.plan is None or self.read_only:
            return
        self.dirty = True
        # Counted from the first unsaved change: typing on does not put it off. While
        # the database cannot take a save, the retry timer saves: a save waits for a
        # lock up to 10 s, which would stop the typing every 1.5 s.
        if not self.timer.isActive() and self.failure is None:
            self.timer.start()
        self.snapshot_timer.start()
        self.edited.emit()

    # ------------------------------------------------------------ undo/redo
    def _snapshot(self) -> None:
        self.snapshot_timer.stop()
        if self.plan is not None and self.history.record(plan_to_data(self.current_plan())):
            self.history_changed.emit()

    def undo(self) -> None:
        if self.snapshot_timer.isActive():
            self._snapshot()  # the typing just done is the step to undo
        self._restore(self.history.undo())

    def redo(self) -> None:
        if self.snapshot_timer.isActive():
            self._snapshot()  # typing after an undo: there is nothing left to redo
        self._restore(self.history.redo())

    def _restore(self, state) -> None:
        if state is None or self.plan is None:
            return
        tab = self.tabs.currentIndex()
        self.plan = plan_from_data(state)
        self._load_pages()
        self.tabs.setCurrentIndex(min(tab, self.tabs.count() - 1))
        self.dirty = True
        self.timer.start()
        self.edited.emit()
        self.history_changed.emit()

    def _watch_focus(self, _old, new) -> None:
        """Filter the keys of each field of this editor that gets the focus
        (once per field; cheaper than filtering every event of the application)."""
        if new is not None and not new.property("kehoach-plan-keys") and self.isAncestorOf(new):
            new.setProperty("kehoach-plan-keys", True)
            new.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        """Ctrl+Z / Ctrl+Y typed in a field of this editor undo the plan,
        not just that field: the text widgets must not take the keys."""
        if (event.type() == QEvent.Type.ShortcutOverride
                and QKeySequence(event.keyCombination()) in self.plan_keys):
            event.ignore()
            return True
        return False

    def go_to_field(self, path: str) -> None:
        """Shows the page of a field named by its path in the plan (as the
        format checker names it) and puts the cursor there."""
        if self.plan is None:
            return
        head, _, rest = path.partition(".")
        name, _, index = head.partition("[")
        number = int(index.rstrip("]")) if index else 0
        runs = {"sections": self.section_pages, "appendices": self.appendix_pages}
        if name in runs and number < len(runs[name]):
            page = runs[name][number]
            target = page.heading if rest in ("heading", "title") else page.editor
        elif name in ("closing", "recipients", "signatures"):
            page = self.pages["closing"]
            if name == "signatures":
                box = page.boxes[min(number, len(page.boxes) - 1)]
                target = getattr(box, rest, None) or box.name
            else:
                target = getattr(page, name)
        else:
            page = self.pages["general"]
            widgets = {"title": page.title_edit, "preamble": page.preamble, "place": page.place,
                       "plan_date": page.date_edit, "superior_body": page.superior,
                       "organisation_title": page.organisation, "document_type": page.document_type,
                       "issuing_bodies": page.bodies[min(number, len(page.bodies) - 1)],
                       "number": {"type_code": page.type_code, "issuer_codes": page.issuer_codes,
                                  "suffix": page.suffix, "written": page.house_form}.get(rest, page.number)}
            target = widgets.get(name, page)
        self.tabs.reveal(page, target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_plan(self) -> Plan | None:
        """The plan as the editors show it now (saved or not)."""
        if self.plan is None:
            return None
        for page in self.pages.values():
            page.save(self.plan)
        self.plan.sections = [page.section() for page in self.section_pages]
        self.plan.appendices = [page.appendix() for page in self.appendix_pages]
        return self.plan

    def save_now(self) -> bool:
        """Write pending edits; False when the save was refused (a conflict
        the clerk answered) or failed (the edit is kept: see save_failed)."""
        self.timer.stop()
        if self.resolving:  # asked from within the conflict dialog's own event loop: it answers
            return False
        if not self.dirty or self.plan is None or self.plan_id is None or self.read_only:
            return True
        plan = self.current_plan()
        if self.copy_pending:  # chosen in a conflict, not yet saved
            return self._save_as_copy(self.plan_id, plan)
        try:
            self.version = self.store.update(self.plan_id, plan, expected_version=self.version)
        except StoreFailureError as exc:
            self._save_failed(exc, self.plan_id, plan)
            return False
        except ConflictError as exc:
            return self._resolve_conflict(str(exc))
        except UserError as exc:
            return self._refused(str(exc))
        self.dirty = False
        self._saved(self.plan_id)
        return True

    def has_unsaved(self) -> bool:
        """An edit the database has not taken: the open plan's, or a plan left meanwhile."""
        return (self.dirty and self.plan is not None and not self.read_only) or bool(self.left_unsaved)

    def unsaved_titles(self) -> list[str]:
        """The titles of the plans has_unsaved() is about, the open one first."""
        plans = ([self.plan] if self.dirty and self.plan is not None else []) + \
            [plan for plan, _version in self.left_unsaved.values()]
        return [" ".join(plan.title.split()) or self.tr("(chưa có trích yếu)") for plan in plans]

    def retry_saves(self) -> bool:
        """Try again every save that failed: plans left meanwhile, then the
        open one. True when nothing is left unsaved."""
        self.retry_timer.stop()
        for plan_id, (plan, version) in list(self.left_unsaved.items()):
            try:
                self.store.update(plan_id, plan, expected_version=version)
            except StoreFailureError as exc:
                self._save_failed(exc, plan_id, plan)
                return False
            except ConflictError as exc:
                # Saved elsewhere after it was read here (a conflict left for later, then
                # the plan left): kept, and in its recovery copy; opened again, its text
                # is shown and its next save opens the conflict dialog.
                self.save_banner.label.setText(self.tr("Kế hoạch “{title}” chưa lưu: {problem} Nội dung đã gõ vẫn "
                                                       "được giữ; mở lại kế hoạch đó để chọn giữ bản nào.").format(
                    title=" ".join(plan.title.split()), problem=sentence(str(exc))))
                self.save_banner.show()
                continue
            except UserError as exc:
                # Deleted or issued elsewhere meanwhile: nothing is
                # overwritten; the recovery copy stays and is offered at the next start.
                del self.left_unsaved[plan_id]
                self.save_banner.label.setText(self.tr("Kế hoạch “{title}” không lưu được: {problem} Nội dung "
                                                       "đã gõ được giữ trong bản khôi phục.").format(
                    title=" ".join(plan.title.split()), problem=sentence(str(exc))))
                self.save_banner.show()
                continue
            del self.left_unsaved[plan_id]
            self._saved(plan_id)
        self.save_now()  # a conflict is answered there; only a failure leaves the edit unsaved
        return not self.has_unsaved()

    def _retry_in_background(self) -> None:
        """The timer's retry waits for a lock RETRY_WAIT_S at most, not the
        10 s of a save the clerk asked for: the clerk may be typing."""
        with self.store.db.patience(RETRY_WAIT_S):
            self.retry_saves()

    def keep_copies(self) -> bool:
        """Write the recovery copy of every unsaved plan (the open one may not
        have been tried yet); False when the data folder cannot take them."""
        unsaved = dict(self.left_unsaved)
        if self.dirty and self.plan is not None and self.plan_id is not None:
            unsaved[self.plan_id] = (self.current_plan(), self.version)
        try:
            for plan_id, (plan, _version) in unsaved.items():
                recovery.keep(self.store.db.label, plan_id, plan)
        except UserError:
            return False
        return True

    def _save_failed(self, exc: StoreFailureError, plan_id: int, plan: Plan) -> None:
        """The database could not take the plan: keep a recovery copy on disk,
        say so above the editor, and try again later (each time a little later)."""
        self.failure = exc
        try:
            recovery.keep(self.store.db.label, plan_id, plan)
            kept = True
        except UserError:
            kept = False
        delay = RETRY_S[min(self.failed_tries, len(RETRY_S) - 1)]
        self.failed_tries += 1
        self.save_banner.show_failure(str(exc), kept, delay)
        self.retry_timer.start(delay * 1000)

    def _saved(self, plan_id: int) -> None:
        recovery.remove(self.store.db.label, plan_id)
        self.conflict, self.copy_pending = None, False
        self._settled()
        self.saved.emit(plan_id)

    def _settled(self) -> None:
        """Nothing left unsaved: no banner, no retries."""
        if not self.has_unsaved():
            self.failure = None
            self.failed_tries = 0
            self.retry_timer.stop()
            self.save_banner.hide()

    def _resolve_conflict(self, message: str) -> bool:
        """Somebody else saved this plan after it was read here: show both
        versions and let the clerk choose; True once the choice is saved."""
        plan_id = self.plan_id
        assert plan_id is not None and self.plan is not None
        self.retry_timer.stop()
        self.resolving = True
        try:
            while True:
                try:
                    theirs, their_version = self.store.get(plan_id), self.store.version(plan_id)
                except StoreFailureError as exc:
                    self._save_failed(exc, plan_id, self.plan)
                    return False
                except UserError as exc:  # deleted meanwhile
                    return self._refused(str(exc))
                mine = self.current_plan()
                choice = run_modal(plan_conflict_dialog(message, mine, theirs, self))
                if choice == RELOAD:
                    self._reload(theirs, their_version)
                    return False
                if choice == COPY:
                    return self._save_as_copy(plan_id, mine)
                if choice != KEEP_MINE:
                    self._leave_for_later(message)
                    return False
                try:  # over the version the clerk has just seen, and no other
                    self.version = self.store.update(plan_id, mine, expected_version=their_version)
                except ConflictError as exc:  # saved once more elsewhere while the dialog was open: ask again
                    message = str(exc)
                    continue
                except StoreFailureError as exc:
                    self.version = their_version  # the retries save over the version seen, as chosen
                    self._save_failed(exc, plan_id, mine)
                    return False
                except UserError as exc:
                    return self._refused(str(exc))
                self.dirty = False
                self._saved(plan_id)
                return True
        finally:
            self.resolving = False

    def _reload(self, plan: Plan, version: int) -> None:
        """Show the plan as stored (the clerk's edit dropped, as chosen)."""
        assert self.plan_id is not None
        self.plan, self.version, self.dirty = plan, version, False
        self.conflict, self.copy_pending = None, False
        recovery.remove(self.store.db.label, self.plan_id)
        tab = self.tabs.currentIndex()
        self._load_pages()
        self.tabs.setCurrentIndex(min(tab, self.tabs.count() - 1))
        self.snapshot_timer.stop()
        self.history.reset(plan_to_data(plan))
        self.history_changed.emit()
        self._settled()
        self.loaded.emit()

    def _save_as_copy(self, plan_id: int, plan: Plan) -> bool:
        """Keep the clerk's text as a new plan; the stored one stays as it is.
        When the database cannot take it, the edit is kept (banner, recovery
        copy) and the retries save the copy."""
        try:
            new_id = self.store.add(plan)
        except StoreFailureError as exc:
            self.copy_pending = True
            self._save_failed(exc, plan_id, plan)
            return False
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Không lưu được bản sao"), str(exc))
            self._leave_for_later(str(exc))
            return False
        recovery.remove(self.store.db.label, plan_id)
        try:
            version: int | None = self.store.version(new_id)
        except UserError:
            version = None  # (saved a moment ago; the next save reads nothing to compare)
        self.plan_id, self.version, self.dirty = new_id, version, False
        self._saved(new_id)
        return True

    def _leave_for_later(self, message: str) -> None:
        """Nothing saved: the edit stays on the screen and in a recovery copy,
        the banner says so; the next save asked for, or the next edit, asks again."""
        assert self.plan_id is not None and self.plan is not None
        self.conflict = message
        try:
            recovery.keep(self.store.db.label, self.plan_id, self.current_plan())
            kept = True
        except UserError:
            kept = False
        self.save_banner.show_conflict(message, kept)

    def _refused(self, message: str) -> bool:
        """The plan cannot be saved over any more (moved to the trash, issued or
        deleted elsewhere): keep the edit as a new copy, reload, or later."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Không lưu được"), sentence(message), parent=self)
        copy_button = box.addButton(self.tr("Lưu thành bản sao"), QMessageBox.ButtonRole.AcceptRole)
        reload_button = box.addButton(self.tr("Tải lại bản đã lưu"), QMessageBox.ButtonRole.DestructiveRole)
        later_button = box.addButton(self.tr("Để sau"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(later_button)
        run_modal(box)  # the button clicked is read below
        assert self.plan_id is not None and self.plan is not None
        if box.clickedButton() is copy_button:
            return self._save_as_copy(self.plan_id, self.current_plan())
        if box.clickedButton() is reload_button:
            self.dirty = False
            recovery.remove(self.store.db.label, self.plan_id)
            self.open_plan(self.plan_id)
            return False
        self._leave_for_later(message)
        return False
