"""One editor per kind of section content, registered by kind."""
from __future__ import annotations

from .base import ContentEditor, ReadOnlyContent
from .participants import ParticipantsEditor
from .programme import ProgrammeEditor
from .timeline import TimelineEditor
from .time_place import TimePlaceEditor

EDITORS: dict[str, type[ContentEditor]] = {
    "time_place": TimePlaceEditor,
    "participants": ParticipantsEditor,
    "programme": ProgrammeEditor,
    "timeline": TimelineEditor,
}


def editor_for(kind: str, parent=None) -> ContentEditor:
    return EDITORS.get(kind, ReadOnlyContent)(parent)
