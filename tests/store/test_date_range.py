"""The store refuses a plan with a date outside 1945–2100 (an issue date of
9999-12-31 was stored): whatever the way in, nothing is written."""
from datetime import date

import pytest
from conftest import FIXTURE_FILES

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.formats import kehoach_json


def test_adding_a_plan_dated_9999_is_refused(store):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.plan_date = date(9999, 12, 31)
    with pytest.raises(UserError, match="ngày ban hành 31/12/9999: năm 9999 nằm ngoài khoảng 1945–2100"):
        store.add(plan)
    assert store.summaries() == []


def test_saving_an_event_before_1945_is_refused_and_the_stored_plan_kept(store):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan_id = store.add(plan)
    version = store.version(plan_id)
    plan.sections[1].content.event_date = date(1900, 1, 31)
    with pytest.raises(UserError, match="Mục II: ngày tổ chức 31/01/1900"):
        store.update(plan_id, plan, expected_version=version)
    assert store.get(plan_id).sections[1].content.event_date == date(2023, 1, 31)
    assert store.version(plan_id) == version
    plan.sections[1].content.event_date = date(2100, 12, 31)  # the last day allowed
    store.update(plan_id, plan, expected_version=version)
    assert store.get(plan_id).sections[1].content.event_date == date(2100, 12, 31)
