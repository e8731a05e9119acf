"""Maintainers' tools run from the project folder (not part of the installed package)."""
