"""The plan editor: one tab per part of the plan, each a page with load()/save()."""
