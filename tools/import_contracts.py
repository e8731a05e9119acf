"""Two contract types of our own for import-linter (`lint-imports`), named
in pyproject.toml's [tool.importlinter] contract_types. lint-imports runs
from the project folder, which it puts on sys.path, so `tools.` imports.

- external_submodules: which submodules of an external package each module
  may import. The built-in forbidden contract cannot say "QtWidgets but not
  QtGui": import-linter keeps an external package as one node ("PySide6"),
  and PySide6's modules are compiled extensions that it cannot scan as a
  root package either. The graph still records each import's line, so the
  submodule is read from that import statement in the source.
- acyclic_modules: no import cycle between modules, counting a package's
  __init__ as a module. The built-in acyclic_siblings contract compares
  siblings, so a package and one of its own modules importing each other
  (checks/__init__.py and checks/rules.py did) escape it.

Both count every import grimp sees: inside functions and under
TYPE_CHECKING too.
"""
from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck, InvalidContractOptions
from importlinter.domain.helpers import module_expressions_to_modules


def _in_scope(graph: ImportGraph, expressions) -> set[str]:
    """The modules named, with everything inside them (packages included)."""
    found: set[str] = set()
    for module in module_expressions_to_modules(graph, expressions):
        found.add(module.name)
        found |= graph.find_descendants(module.name)
    return found


@cache
def _source_file(module: str) -> Path:
    """A module's file, found without importing anything."""
    root, *rest = module.split(".")
    spec = importlib.util.find_spec(root)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"no source for {root}")
    base = Path(spec.origin).parent.joinpath(*rest)
    return base / "__init__.py" if (base / "__init__.py").is_file() else base.with_suffix(".py")


@cache
def _import_nodes(module: str) -> dict[int, list[ast.Import | ast.ImportFrom]]:
    tree = ast.parse(_source_file(module).read_text(encoding="utf-8"))
    nodes: dict[int, list[ast.Import | ast.ImportFrom]] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            nodes.setdefault(node.lineno, []).append(node)
    return nodes


def imported_names(module: str, line: int, package: str) -> Iterator[str]:
    """The dotted names of ``package`` imported by the statement at that line:
    "from PySide6.QtGui import QFont" and "from PySide6 import QtGui" both
    give "PySide6.QtGui"; "import PySide6" gives "PySide6"."""
    for node in _import_nodes(module).get(line, []):
        if isinstance(node, ast.ImportFrom):
            if node.level or node.module is None:
                continue
            if node.module == package:
                yield from (f"{package}.{alias.name}" for alias in node.names)
            elif node.module.startswith(package + "."):
                yield node.module
        else:
            yield from (a.name for a in node.names if a.name == package or a.name.startswith(package + "."))


def _covers(prefix: str, name: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


class ExternalSubmodulesContract(Contract):
    """Within source_modules, a module may import from external_packages only
    what an `allowed` entry "MODULE: NAME NAME…" gives it (MODULE or a package
    holding it; a NAME allows itself and everything under it). A module no
    entry covers may import none of them. Direct imports only: what a
    module reaches through our own modules is the layers contract's
    business."""

    type_name = "external_submodules"

    source_modules = fields.SetField(subfield=fields.ModuleExpressionField())
    external_packages = fields.SetField(subfield=fields.StringField())
    allowed = fields.ListField(subfield=fields.StringField(), required=False)

    def validate(self) -> None:
        errors = {}
        for entry in self.allowed or []:
            module, sep, names = entry.partition(":")
            if not sep or not module.strip() or not names.split():
                errors["allowed"] = f"{entry!r}: expected 'module: name name…'"
            elif not any(_covers(p, n) for n in names.split() for p in self.external_packages):
                errors["allowed"] = f"{entry!r}: names outside {sorted(self.external_packages)}"
        if errors:
            raise InvalidContractOptions(errors)

    def _allowances(self) -> list[tuple[str, list[str]]]:
        """(module, names), the innermost module first."""
        pairs = []
        for entry in self.allowed or []:
            module, _sep, names = entry.partition(":")
            pairs.append((module.strip(), names.split()))
        return sorted(pairs, key=lambda pair: -pair[0].count("."))

    def allowed_for(self, module: str) -> list[str]:
        return next((names for owner, names in self._allowances() if _covers(owner, module)), [])

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        for owner, _names in self._allowances():
            if owner not in graph.modules:
                raise ValueError(f"allowed: module {owner} is not in the graph")
        violations = []
        for module in sorted(_in_scope(graph, self.source_modules)):
            allowed = self.allowed_for(module)
            for package in sorted(self.external_packages):
                if package not in graph.modules or not graph.direct_import_exists(importer=module, imported=package):
                    continue
                for detail in graph.get_import_details(importer=module, imported=package):
                    names = list(imported_names(module, detail["line_number"], package)) or [package]
                    refused = [name for name in names if not any(_covers(prefix, name) for prefix in allowed)]
                    if refused:
                        violations.append({"module": module, "line": detail["line_number"],
                                           "statement": detail["line_contents"], "refused": refused,
                                           "allowed": allowed})
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for v in check.metadata["violations"]:
            may = ", ".join(v["allowed"]) if v["allowed"] else "none of " + ", ".join(sorted(self.external_packages))
            output.print_error(f"{v['module']} (l.{v['line']}) imports {', '.join(v['refused'])}; it may import {may}:")
            output.indent_cursor()
            output.print_error(v["statement"], bold=False)
            output.new_line()


def strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of two or more modules that
    import each other, directly or round a circle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(edges[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


class AcyclicModulesContract(Contract):
    """No module inside `modules` imports itself round a circle of imports
    among those modules (a package's __init__ counts as a module)."""

    type_name = "acyclic_modules"

    modules = fields.SetField(subfield=fields.ModuleExpressionField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        scope = _in_scope(graph, self.modules)
        edges = {m: graph.find_modules_directly_imported_by(m) & scope for m in scope}
        cycles = []
        for group in strongly_connected(edges):
            first = group[0]
            back = min(edges[first] & set(group))
            chain = (first, *graph.find_shortest_chain(importer=back, imported=first))
            cycles.append([(a, b, sorted(d["line_number"] for d in graph.get_import_details(importer=a, imported=b)))
                           for a, b in zip(chain, chain[1:], strict=False)])
        return ContractCheck(kept=not cycles, metadata={"cycles": cycles})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for cycle in check.metadata["cycles"]:
            output.print_error(f"An import cycle through {len(cycle)} modules:")
            for importer, imported, lines in cycle:
                output.indent_cursor()
                output.print_error(f"{importer} -> {imported} (l.{', '.join(map(str, lines))})", bold=False)
            output.new_line()
