"""Plans of other offices (issue 20): real plans of Youth Union bodies at
every level, as stored web pages hold them (tests/fixtures/other_offices/,
their fields written by hand; the measuring is tests/other_offices.py,
shared with bench/import_corpus.py).

Three kinds of test:
- the corpus itself is sound (every plan has its text, its source and
  fields the measurement knows; a third kept aside, listed);
- no step back: on the whole corpus, each field is right on at least as
  many plans as FLOORS says and as many plans keep their words. FLOORS is
  raised with each improvement of the importer, never lowered;
- the issue's targets (every plan keeps 98 % of its words; every field right
  on 95 % of the plans that have it), strict xfails until they are met.
"""
from __future__ import annotations

import re

import pytest
from other_offices import CORPUS, FIELDS, expected, held_out, measure, names, spent

LEVELS = {"tw", "tinh", "huyen", "khoi", "truong", "coso", "lienkhoi", "nhanuoc"}
MIN_RATIO = 0.98
TARGET = 0.95
# Plans (of the whole corpus) on which each field is read right, and plans
# that keep MIN_RATIO of their words: measured, never to go down.
FLOORS = {"number": 58, "symbol": 57, "date": 59, "place": 59, "superior_body": 30, "issuing_bodies": 64,
          "document_type": 76, "title": 78, "signers": 1, "sections": 1, "ratio": 79}


@pytest.fixture(scope="module")
def results():
    return [measure(name) for name in names()]


def test_the_corpus_is_sound():
    plans = names()
    assert len(plans) >= 20
    assert {name.split("-")[0] for name in plans} <= LEVELS
    for name in plans:
        data = expected(name)
        assert (CORPUS / f"{name}.txt").read_text(encoding="utf-8").strip(), name
        assert re.match(r"https?://", data["source"]), name
        assert data["level"] == name.split("-")[0], name
        assert set(data["expected"]) <= set(FIELDS), name
    aside, used = held_out(), spent()
    assert aside <= set(plans) and used <= set(plans) and not aside & used
    assert (len(aside) + len(used)) * 3 >= len(plans)  # every set kept aside is recorded, measured once, then spent


def test_no_field_is_read_right_on_fewer_plans_than_before(results):
    right = {key: sum(1 for r in results if key in r.fields and r.fields[key][2]) for key in FIELDS}
    right["ratio"] = sum(r.ratio >= MIN_RATIO for r in results)
    fewer = {key: (right[key], floor) for key, floor in FLOORS.items() if right[key] < floor}
    assert not fewer, f"right now / before: {fewer}"


def test_every_plan_keeps_its_words(results):
    assert all(r.ratio >= MIN_RATIO for r in results), [(r.name, round(r.ratio, 3)) for r in results
                                                        if r.ratio < MIN_RATIO]


def _fields_below_target(results) -> dict[str, str]:
    low = {}
    for key in FIELDS:
        having = [r for r in results if key in r.fields]
        if having and sum(r.fields[key][2] for r in having) < TARGET * len(having):
            low[key] = f"{sum(r.fields[key][2] for r in having)}/{len(having)}"
    return low


def test_every_field_is_right_on_95_percent_of_the_plans_worked_on(results):
    aside = held_out()
    assert not _fields_below_target([r for r in results if r.name not in aside])


@pytest.mark.xfail(strict=True, reason="issue 20's target, not met yet on the plans kept aside (bench/import_corpus.py)")
def test_every_field_is_right_on_95_percent_of_the_plans_kept_aside(results):
    aside = held_out()
    assert aside and not _fields_below_target([r for r in results if r.name in aside])
