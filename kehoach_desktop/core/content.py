"""The kinds of content a plan section (or a numbered subsection) can hold.

Every section holds exactly one kind of content. Numbers (I., 1., 1.1.) are
never stored: the renderers generate them from the order of sections and of
the subsections inside free content.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from .budget import Budget
from .kinds import Kind, register_kind
from .tables import Table

# ---------------------------------------------------------------- free content


@dataclass
class Paragraph:
    """A plain paragraph of text (first-line indent in Word)."""

    text: str = ""
    type: Literal["paragraph"] = "paragraph"


@dataclass
class Item:
    """A list item: level 1 is a "-" item, level 2 a "+" sub-item."""

    text: str = ""
    level: int = 1
    type: Literal["item"] = "item"


@dataclass
class Numbered:
    """A numbered paragraph ("1. Đánh giá kết quả ..."): it takes the next
    number of the surrounding subsections but is body text, not a heading."""

    text: str = ""
    type: Literal["numbered"] = "numbered"


@dataclass
class Display:
    """A displayed block (centred lines), e.g. the text of a stage backdrop."""

    lines: list[str] = field(default_factory=list)
    type: Literal["display"] = "display"


@dataclass
class Subsection:
    """A numbered subsection ("1.", "1.1.") with its own heading and content.

    ``inline`` puts the first line of the content on the heading's line
    ("1. Hình thức: Hội nghị ...").
    """

    heading: str = ""
    content: Content = field(default_factory=lambda: FreeContent())
    inline: bool = False
    type: Literal["subsection"] = "subsection"


@dataclass
class Embedded:
    """Structured content placed in the flow of free content.

    Its numbered parts (for example the "Thời gian" and "Địa điểm" facets of a
    time and place block) continue the numbering of the surrounding
    subsections, as in a "NỘI DUNG" section that lists chair, participants,
    time, place and programme one after another.
    """

    content: Content = field(default_factory=lambda: TimePlace())
    type: Literal["embedded"] = "embedded"


Block = Paragraph | Item | Numbered | Display | Subsection | Embedded


@dataclass
class FreeContent:
    blocks: list[Block] = field(default_factory=list)
    kind: Literal["free"] = "free"


# ------------------------------------------------------------ time and place

FormMode = Literal["", "in_person", "online", "hybrid"]
TimePlaceLayout = Literal["subsections", "items", "lines"]


@dataclass
class TimePlace:
    """When, where and how an event happens.

    ``facets`` gives which of form, time and place are shown and in which
    order; ``labels`` overrides the default label of a facet ("Thời gian").
    ``layout``: "subsections" makes each facet a numbered subsection,
    "items" a "- Thời gian: ..." item, "lines" a plain "Thời gian: ..." line.
    ``inline`` writes a facet's text on its label's line.
    """

    event_date: date | None = None
    end_date: date | None = None
    start_time: str = ""  # "HH:MM", "", or a text typed that is not a time (see Task.deadline_time)
    end_time: str = ""
    duration: str = ""  # "01 buổi"
    part_of_day: str = ""  # "sáng", "chiều", "tối" or ""
    tentative: bool = False
    show_weekday: bool = True
    show_lunar: bool = False
    date_style: Literal["words", "numeric"] = "words"
    venue: str = ""
    address: str = ""
    form: FormMode = ""
    form_text: str = ""
    facets: list[str] = field(default_factory=lambda: ["time", "place"])
    labels: dict[str, str] = field(default_factory=dict)
    layout: TimePlaceLayout = "subsections"
    inline: bool = False
    kind: Literal["time_place"] = "time_place"


# -------------------------------------------------------------- participants


@dataclass
class ParticipantEntry:
    """A role or a unit invited, with an optional number of people."""

    text: str = ""
    count: int | None = None
    remark: str = ""


@dataclass
class ParticipantGroup:
    title: str = ""  # "" for a list without a group heading
    entries: list[ParticipantEntry] = field(default_factory=list)


@dataclass
class Participants:
    """Who takes part: groups of entries and an optional stated total.

    ``group_style``: "subsections" numbers the group titles, "labels" writes
    them as bold "* Thành Đoàn:" lines. ``total_placement``: "after" writes
    "(Dự kiến: 60 đồng chí)" after the entries, "heading" writes the total on
    the heading's line ("Thành phần: dự kiến 120 đồng chí").
    """

    groups: list[ParticipantGroup] = field(default_factory=list)
    stated_total: int | None = None
    total_tentative: bool = True
    unit: str = "đồng chí"  # of the entries' counts
    total_unit: str = ""  # of the stated total; "" means the same as ``unit``
    total_placement: Literal["after", "heading"] = "after"
    group_style: Literal["subsections", "labels"] = "subsections"
    kind: Literal["participants"] = "participants"

    def counted_total(self) -> int:
        return sum(e.count or 0 for g in self.groups for e in g.entries)


# ----------------------------------------------------------------- programme


@dataclass
class ProgrammeSlot:
    start_time: str = ""  # "HH:MM", "", or a text typed that is not a time (see Task.deadline_time)
    end_time: str = ""
    text: str = ""
    items: list[str] = field(default_factory=list)  # "+" sub-items


@dataclass
class Programme:
    slots: list[ProgrammeSlot] = field(default_factory=list)
    kind: Literal["programme"] = "programme"


# --------------------------------------------------------------- assignments


@dataclass
class Task:
    """A task and its deadline.

    Nothing the clerk types is dropped: a deadline typed that is not a real
    day ("31/02/2023") is kept as typed in ``deadline_typed`` (``deadline_date``
    is then None), and a time that is not a real time ("25g00") is kept as
    typed in ``deadline_time`` instead of "HH:MM". Both are printed as typed
    and are errors of the format checker until corrected.
    """

    text: str = ""
    deadline_date: date | None = None
    deadline_time: str = ""  # "HH:MM", "", or the text typed when it is not a time
    display: list[str] = field(default_factory=list)  # a displayed block under the task
    deadline_typed: str = ""  # the deadline as typed when it is not a date


@dataclass
class UnitAssignment:
    unit: str = ""
    tasks: list[Task] = field(default_factory=list)
    inline: bool = False  # the first task on the unit's heading line


@dataclass
class Assignments:
    """Who does what: one numbered heading per unit, its tasks under it.

    ``task_style``: "items" writes tasks as "-" items, "paragraphs" as plain
    paragraphs.
    """

    units: list[UnitAssignment] = field(default_factory=list)
    task_style: Literal["items", "paragraphs"] = "items"
    kind: Literal["assignments"] = "assignments"


# ------------------------------------------------------------------ timeline


@dataclass
class When:
    """A step's date: a day ("2020-02-20"), a month ("2019-11"), a range of
    either ("from"/"to"), or free text."""

    start: str = ""  # "YYYY-MM-DD" or "YYYY-MM"
    end: str = ""  # same granularity as start, for a range
    text: str = ""  # free wording when no date fits
    # start / end as typed when not a real day or month ("31/02/2023"; the
    # ISO field is then ""): printed as typed, a checker error (see Task)
    start_typed: str = ""
    end_typed: str = ""


@dataclass
class TimelineStep:
    when: When = field(default_factory=When)
    text: str = ""


@dataclass
class Timeline:
    steps: list[TimelineStep] = field(default_factory=list)
    kind: Literal["timeline"] = "timeline"


# ---------------------------------------------------------------- activities


@dataclass
class Duty:
    body: str = ""  # the co-organising body, written first
    text: str = ""


@dataclass
class Activity:
    title: str = ""
    time: str = ""
    area: str = ""
    content: list[str] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    duty_label: str = "Phụ trách"


@dataclass
class Activities:
    activities: list[Activity] = field(default_factory=list)
    kind: Literal["activities"] = "activities"


Content = FreeContent | TimePlace | Participants | Programme | Assignments | Timeline | Activities | Table | Budget

# Each kind declared once (core/kinds.py); the order is that of the "Thêm mục"
# menu. A kind added here is also added to the Content union above, which the
# type checker reads (a test holds the two equal).
register_kind(Kind("free", FreeContent, label="Nội dung tự do (đoạn văn, gạch đầu dòng, khoản)",
                   heading="NỘI DUNG", report_name="nội dung tự do"))
register_kind(Kind("time_place", TimePlace, label="Thời gian – địa điểm – hình thức",
                   heading="THỜI GIAN – ĐỊA ĐIỂM", report_name="thời gian – địa điểm"))
register_kind(Kind("participants", Participants, label="Thành phần tham dự",
                   heading="THÀNH PHẦN THAM DỰ", report_name="thành phần tham dự"))
register_kind(Kind("programme", Programme, label="Chương trình",
                   heading="CHƯƠNG TRÌNH", report_name="chương trình"))
register_kind(Kind("assignments", Assignments, label="Phân công thực hiện",
                   heading="TỔ CHỨC THỰC HIỆN", report_name="phân công thực hiện"))
register_kind(Kind("timeline", Timeline, label="Tiến độ thực hiện",
                   heading="TIẾN ĐỘ THỰC HIỆN", report_name="tiến độ thực hiện"))
register_kind(Kind("activities", Activities, label="Các hoạt động phối hợp",
                   heading="NỘI DUNG HOẠT ĐỘNG", report_name="các hoạt động"))
register_kind(Kind("table", Table, label="Bảng (đơn vị, nhiệm vụ, thời hạn…)",
                   heading="BẢNG PHÂN CÔNG", report_name="bảng"))
register_kind(Kind("budget", Budget, label="Dự trù kinh phí", heading="KINH PHÍ THỰC HIỆN",
                   report_name="dự trù kinh phí"))
