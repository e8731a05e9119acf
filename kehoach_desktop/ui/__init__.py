"""The Qt window and its editors (PySide6)."""
from ..none_refs import guard_none_refcount

guard_none_refcount()  # before any PySide drawing: see none_refs.py
