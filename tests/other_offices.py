"""Plans of other offices (tests/fixtures/other_offices/, issue 20): real
plans of Youth Union bodies at every level, as stored public web pages hold
them, each with the header fields a careful reader takes from it, written by
hand (``<name>.json``: see the folder's README.md).

``measure(name)`` imports a plan's text as a clerk's paste would
(``plan_from_text``) and compares what came out with those fields, field by
field, and the words of its text export with the source's
(``doc_compare.compare_plans``: the page-1 header's words as a bag, since
its two columns have no reading order, the rest in order; for a page cut
mid-document, against as many words of the export's beginning).
The test (tests/formats/test_other_offices.py) and the measurement
(bench/import_corpus.py) both use it, so they cannot count differently.

A set of plans is kept aside (HELD_OUT.txt, chosen when it was committed,
before the importer was changed for it): the bench reports them separately,
so that what was tuned on the others shows whether it generalises. Once its
results are recorded, a set may be read and used (SPENT.txt) and a new set,
gathered by someone who never ran the importer on it, is kept aside.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doc_compare import body_length, compare_plans

from kehoach_desktop.core.model import Plan
from kehoach_desktop.formats.plan_import import plan_from_text
from kehoach_desktop.formats.text_export import render_text

CORPUS = Path(__file__).resolve().parent / "fixtures" / "other_offices"
FIELDS = ("number", "symbol", "date", "place", "superior_body", "issuing_bodies", "document_type", "title",
          "signers", "sections")


def names() -> list[str]:
    """Every plan of the corpus, by file name without extension, sorted."""
    return sorted(path.stem for path in CORPUS.glob("*.json"))


def _listed(file_name: str) -> set[str]:
    listed = CORPUS / file_name
    if not listed.exists():
        return set()
    return {line.strip() for line in listed.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def held_out() -> set[str]:
    """The plans kept aside now: nobody reads their results but the bench's summary."""
    return _listed("HELD_OUT.txt")


def spent() -> set[str]:
    """Plans once kept aside, measured before they were read (SPENT.txt records it), then used."""
    return _listed("SPENT.txt")


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def source_text(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def _same(a: str, b: str) -> bool:
    """Equal once composed alike, spaces collapsed and case folded."""
    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return norm(a) == norm(b)


def _number(plan: Plan) -> str:
    return "" if plan.number.value is None else str(plan.number.value)


def _symbol(plan: Plan) -> str:
    return plan.number.symbol


def found(plan: Plan, key: str) -> Any:
    """What the imported plan holds for a field of the expected ones."""
    if key == "number":
        return _number(plan)
    if key == "symbol":
        return _symbol(plan)
    if key == "date":
        return plan.plan_date.isoformat() if plan.plan_date else ""
    if key == "issuing_bodies":
        return [body for body in plan.issuing_bodies if body.strip()]
    if key == "title":
        return plan.title_one_line
    if key == "signers":
        return [{"authority": s.authority, "body": s.body, "position": s.position, "name": s.name}
                for s in plan.signatures if s.name.strip() or s.position.strip()]
    if key == "sections":
        return len(plan.sections)
    return getattr(plan, key)


def agrees(key: str, want: Any, got: Any) -> bool:
    """Whether a field read agrees with the expected value."""
    if key == "number":
        return (want.lstrip("0") or "0") == (got or "0") if want else got == ""
    if key == "symbol":
        return "".join(want.split()) == "".join(got.split())
    if key in ("date", "sections"):
        return bool(want == got)
    if key == "issuing_bodies":
        return len(want) == len(got) and all(_same(a, b) for a, b in zip(want, got, strict=True))
    if key == "signers":
        return len(want) == len(got) and all(_signer(a, b) for a, b in zip(want, got, strict=True))
    return _same(str(want), str(got))


def _signer(want: dict[str, str], got: dict[str, str]) -> bool:
    authority = " ".join(part for part in (got["authority"], got["body"]) if part)
    wanted = " ".join(part for part in (want.get("authority", ""), want.get("body", "")) if part)
    return (_same(wanted, authority) and _same(want.get("position", ""), got["position"])
            and _same(want.get("name", ""), got["name"]))


@dataclass
class Result:
    name: str
    partial: bool
    ratio: float  # words of the source kept by the export of the imported plan
    missing: list[str]
    fields: dict[str, tuple[Any, Any, bool]] = field(default_factory=dict)  # key -> (wanted, found, agrees)

    @property
    def wrong(self) -> list[str]:
        return [key for key, (_w, _f, ok) in self.fields.items() if not ok]


def measure(name: str) -> Result:
    data = expected(name)
    text = source_text(name)
    plan, _report = plan_from_text(text)
    exported = render_text(plan)
    cut = body_length(text, exported) if data.get("partial") else None
    comparison = compare_plans(text, exported, cut)
    result = Result(name, bool(data.get("partial")), comparison.ratio, comparison.missing)
    for key in FIELDS:
        if key in data["expected"]:
            want = data["expected"][key]
            got = found(plan, key)
            result.fields[key] = (want, got, agrees(key, want, got))
    return result
