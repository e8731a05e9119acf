from datetime import date

from kehoach_desktop.core.draft import draft_copy
from kehoach_desktop.core.model import Appendix, DocumentNumber, Plan
from kehoach_desktop.formats.templates import plan_from_template, templates


def test_every_template_is_a_valid_draft():
    found = templates()
    assert [t.name for t in found][0] == "Kế hoạch trống"
    for template in found:
        plan = plan_from_template(template)
        assert plan.status == "draft" and plan.number.value is None


def test_conference_template_has_the_usual_sections():
    conference = next(t for t in templates() if "hội nghị" in t.name)
    kinds = [s.content.kind for s in plan_from_template(conference).sections]
    assert kinds == ["free", "time_place", "participants", "programme", "assignments"]


def test_draft_copy_clears_number_and_date_and_keeps_the_original():
    old = Plan(title="Hội nghị 2022", number=DocumentNumber(37), plan_date=date(2022, 12, 23), status="issued",
               note="ghi chú cũ")
    draft = draft_copy(old)
    assert (draft.number.value, draft.plan_date, draft.status, draft.note) == (None, None, "draft", "")
    assert draft.title == "Hội nghị 2022"
    assert (old.number.value, old.status) == (37, "issued")


def test_draft_copy_lets_the_appendix_line_be_generated_again():
    old = Plan(number=DocumentNumber(37), plan_date=date(2022, 12, 23), status="issued",
               appendices=[Appendix("Danh sách", attached="(Kèm theo Kế hoạch số 37-KH/ĐTN ngày 23/12/2022)")])
    assert draft_copy(old).appendices[0].attached == ""
    assert old.appendices[0].attached.startswith("(Kèm theo")
