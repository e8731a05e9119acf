"""The one error type readers and writers raise for the user to read."""
from __future__ import annotations


class UserError(Exception):
    """A problem the clerk can act on; ``str()`` is a Vietnamese message
    naming the place (file, JSON path or field)."""

    def __init__(self, message: str, *, file: str = "", where: str = ""):
        self.file = file
        self.where = where
        self.detail = message
        parts = []
        if file:
            parts.append(f"Tệp {file}")
        if where:
            parts.append(f"tại {where}")
        prefix = ", ".join(parts)
        super().__init__(f"{prefix}: {message}" if prefix else message)
