"""Which lines go on landscape pages (core/layout.landscape_runs): a table
marked landscape with the headings directly above it, where the profile
allows it."""
from __future__ import annotations

from dataclasses import replace

from kehoach_desktop.core.content import FreeContent, Paragraph, Subsection
from kehoach_desktop.core.layout import body_lines, content_lines, landscape_runs
from kehoach_desktop.core.model import Plan, Section
from kehoach_desktop.core.profile import Profile, get_profile, landscape_tables_allowed
from kehoach_desktop.core.tables import HeaderCell, Table

WIDE = Table(header_rows=[[HeaderCell("Đơn vị"), HeaderCell("Nhiệm vụ")]], rows=[["Đoàn phường 1", "Ra quân"]],
             landscape=True)


def plan(*sections: Section) -> Plan:
    return Plan(title="Kế hoạch thử", sections=list(sections))


def roles(lines, run):
    first, end = run
    return [line.role for line in lines[first:end]]


def test_a_landscape_table_takes_its_section_heading_along():
    lines = body_lines(plan(Section("Mục đích", FreeContent([Paragraph("Văn bản.")])), Section("Phân công", WIDE),
                            Section("Tổ chức", FreeContent([Paragraph("Văn bản.")]))))
    runs = landscape_runs(lines, allowed=True)
    assert len(runs) == 1 and roles(lines, runs[0]) == ["section", "table"]
    assert lines[runs[0][0]].text.startswith("PHÂN CÔNG")


def test_the_headings_of_a_subsection_holding_it_go_too_but_not_the_text_above():
    content = FreeContent([Paragraph("Văn bản trước bảng."), Subsection("Phân công nhiệm vụ", WIDE)])
    lines = body_lines(plan(Section("Tổ chức thực hiện", content)))
    (run,) = landscape_runs(lines, allowed=True)
    assert roles(lines, run) == ["subsection", "table"]
    assert lines[run[0] - 1].role == "paragraph"


def test_nothing_turns_where_the_profile_forbids_it_or_the_table_is_not_marked():
    lines = body_lines(plan(Section("Phân công", WIDE)))
    assert landscape_runs(lines, allowed=False) == []
    assert landscape_runs(body_lines(plan(Section("Phân công", replace(WIDE, landscape=False)))), allowed=True) == []


def test_an_appendix_that_is_a_table_starts_its_run_at_its_first_line():
    lines = content_lines(plan(), WIDE)
    assert landscape_runs(lines, allowed=True) == [(0, 1)]


def test_two_landscape_tables_make_two_runs():
    lines = body_lines(plan(Section("Một", WIDE), Section("Hai", WIDE)))
    assert landscape_runs(lines, allowed=True) == [(0, 2), (2, 4)]


def test_the_profiles_allow_landscape_tables_unless_they_say_otherwise():
    assert landscape_tables_allowed(get_profile("doan")) and landscape_tables_allowed(get_profile("dang"))
    strict = Profile("x", "x", "X", True, "***", "X", layout={"tables": {"landscape": False}})
    assert not landscape_tables_allowed(strict)
    assert landscape_tables_allowed(Profile("y", "y", "Y", True, "***", "Y", layout={}))
