"""Editor of a time and place section: pickers that show the weekday and the
lunar date as the clerk picks."""
from __future__ import annotations

import copy
from datetime import date

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit

from ....core import content as c
from ....core.dates import date_words, parse_time, weekday
from ....core.lunar import lunar_date
from ...date_field import DateField, TimeField
from ..base import optional_row, text_of
from .base import ContentEditor
from .kinds import editor_of
from .typed_cells import KEPT, time_problem

PARTS_OF_DAY = ("", "sáng", "trưa", "chiều", "tối")
FORMS = (("", "(không ghi)"), ("in_person", "Trực tiếp"), ("online", "Trực tuyến"),
         ("hybrid", "Trực tiếp kết hợp trực tuyến"))


@editor_of("time_place")
class TimePlaceEditor(ContentEditor):
    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.has_date, self.event_date, self.date_info = self._date_row(form, self.tr("Ngày tổ chức:"))
        # A time read from a file that is not a time ("25g00") cannot sit in a
        # time field: it is shown beside it in red and kept until the clerk
        # picks a time (or unticks the box), never replaced by the field's own.
        self._kept: dict[str, str] = {}
        self.has_start, self.start_time, self.start_kept = self._time_row(form, self.tr("Bắt đầu lúc:"))
        self.has_end, self.end_time, self.end_kept = self._time_row(form, self.tr("Kết thúc lúc:"))
        self.duration = QLineEdit(self)
        self.duration.setPlaceholderText(self.tr("Ví dụ: 01 buổi"))
        form.addRow(self.tr("Thời lượng:"), self.duration)
        self.part_of_day = QComboBox(self)
        self.part_of_day.addItems([p or self.tr("(không ghi)") for p in PARTS_OF_DAY])
        form.addRow(self.tr("Buổi:"), self.part_of_day)
        self.tentative = QCheckBox(self.tr("Dự kiến"), self)
        self.show_weekday = QCheckBox(self.tr("Ghi thứ trong tuần"), self)
        self.show_lunar = QCheckBox(self.tr("Ghi ngày âm lịch"), self)
        self.numeric = QCheckBox(self.tr("Viết ngày dạng số (11/4/2020)"), self)
        for box in (self.tentative, self.show_weekday, self.show_lunar, self.numeric):
            form.addRow("", box)
        self.venue = QLineEdit(self)
        self.venue.setPlaceholderText(self.tr("Ví dụ: Hội trường Thành Đoàn"))
        form.addRow(self.tr("Địa điểm:"), self.venue)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(self.tr("Ví dụ: Số 01 Phạm Ngọc Thạch, Phường Sài Gòn"))
        form.addRow(self.tr("Địa chỉ:"), self.address)
        self.form_mode = QComboBox(self)
        for key, label in FORMS:
            self.form_mode.addItem(self.tr(label), key)
        form.addRow(self.tr("Hình thức:"), self.form_mode)
        self.form_text = QLineEdit(self)
        self.form_text.setPlaceholderText(self.tr("mô tả hình thức, nếu cần"))
        form.addRow("", self.form_text)
        for widget in (self.duration, self.venue, self.address, self.form_text):
            widget.textEdited.connect(self._edited)
        for box in (self.has_date, self.has_start, self.has_end, self.tentative, self.show_weekday,
                    self.show_lunar, self.numeric):
            box.toggled.connect(self._edited)
        for combo in (self.part_of_day, self.form_mode):
            combo.currentIndexChanged.connect(self._edited)
        self.event_date.dateChanged.connect(self._edited)
        for name, check, edit in (("start_time", self.has_start, self.start_time),
                                  ("end_time", self.has_end, self.end_time)):
            edit.timeChanged.connect(lambda *_a, name=name: self._drop_kept(name))
            check.toggled.connect(lambda *_a, name=name: self._drop_kept(name))
            edit.timeChanged.connect(self._edited)
        self.event_date.dateChanged.connect(self._show_date_info)
        self.has_date.toggled.connect(self._show_date_info)

    def _date_row(self, form, label):
        edit = DateField(self, confirm_far=True)
        info = QLabel(self)
        row, check = optional_row(self, edit, info)
        form.addRow(label, row)
        return check, edit, info

    def _time_row(self, form, label):
        edit = TimeField(self)
        kept = QLabel(self)
        kept.setStyleSheet("color: #b00020")
        row, check = optional_row(self, edit, kept)
        form.addRow(label, row)
        return check, edit, kept

    def _drop_kept(self, name: str) -> None:
        if not self._loading and self._kept.pop(name, None) is not None:
            (self.start_kept if name == "start_time" else self.end_kept).setText("")

    def _picked(self) -> date | None:
        return self.event_date.date().toPython() if self.has_date.isChecked() else None

    def _show_date_info(self, *_args) -> None:
        picked = self._picked()
        if picked is None:
            self.date_info.setText("")
            return
        self.date_info.setText(f"{weekday(picked, 'capital')}, {date_words(picked)} – {lunar_date(picked).text()}")

    def _set_time(self, name: str, check, edit, kept: QLabel, value: str) -> None:
        time = parse_time(value)
        check.setChecked(bool(value))
        edit.setEnabled(bool(value))
        edit.setTime(QTime.fromString(time, "HH:mm") if time else QTime(8, 0))
        if value and not time:
            self._kept[name] = value
        kept.setText(f"“{value}”: {time_problem(value)} {self.tr(KEPT)}" if value and not time else "")

    def fill(self, tp: c.TimePlace) -> None:
        self.has_date.setChecked(tp.event_date is not None)
        self.event_date.setEnabled(tp.event_date is not None)
        self.event_date.setDate(QDate(tp.event_date or date.today()))
        self._kept = {}
        self._set_time("start_time", self.has_start, self.start_time, self.start_kept, tp.start_time)
        self._set_time("end_time", self.has_end, self.end_time, self.end_kept, tp.end_time)
        self.duration.setText(tp.duration)
        self.part_of_day.setCurrentIndex(PARTS_OF_DAY.index(tp.part_of_day) if tp.part_of_day in PARTS_OF_DAY else 0)
        self.tentative.setChecked(tp.tentative)
        self.show_weekday.setChecked(tp.show_weekday)
        self.show_lunar.setChecked(tp.show_lunar)
        self.numeric.setChecked(tp.date_style == "numeric")
        self.venue.setText(tp.venue)
        self.address.setText(tp.address)
        self.form_mode.setCurrentIndex(max(0, self.form_mode.findData(tp.form)))
        self.form_text.setText(tp.form_text)
        self._show_date_info()

    def content(self) -> c.TimePlace:
        tp = copy.deepcopy(self._original) if isinstance(self._original, c.TimePlace) else c.TimePlace()
        tp.event_date = self._picked()
        tp.start_time = self._kept.get("start_time") or (
            self.start_time.time().toString("HH:mm") if self.has_start.isChecked() else "")
        tp.end_time = self._kept.get("end_time") or (
            self.end_time.time().toString("HH:mm") if self.has_end.isChecked() else "")
        tp.duration = text_of(self.duration)
        tp.part_of_day = PARTS_OF_DAY[self.part_of_day.currentIndex()]
        tp.tentative = self.tentative.isChecked()
        tp.show_weekday = self.show_weekday.isChecked()
        tp.show_lunar = self.show_lunar.isChecked()
        tp.date_style = "numeric" if self.numeric.isChecked() else "words"
        tp.venue = text_of(self.venue)
        tp.address = text_of(self.address)
        tp.form = self.form_mode.currentData()
        tp.form_text = text_of(self.form_text)
        if (tp.form or tp.form_text) and "form" not in tp.facets:
            tp.facets.append("form")
        return tp
