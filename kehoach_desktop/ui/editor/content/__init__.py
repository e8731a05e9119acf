"""One editor per kind of section content, registered by kind."""
from __future__ import annotations

from .activities import ActivitiesEditor
from .assignments import AssignmentsEditor
from .base import ContentEditor
from .outline import OutlineEditor
from .participants import ParticipantsEditor
from .programme import ProgrammeEditor
from .time_place import TimePlaceEditor
from .timeline import TimelineEditor

EDITORS: dict[str, type[ContentEditor]] = {
    "free": OutlineEditor,
    "time_place": TimePlaceEditor,
    "participants": ParticipantsEditor,
    "programme": ProgrammeEditor,
    "assignments": AssignmentsEditor,
    "timeline": TimelineEditor,
    "activities": ActivitiesEditor,
}


def editor_for(kind: str, parent=None) -> ContentEditor:
    return EDITORS[kind](parent)
