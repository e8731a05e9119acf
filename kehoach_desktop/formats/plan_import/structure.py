"""Choosing the kind of each section's content, and of the subsections
inside free content, from the outline and the headings' words."""
from __future__ import annotations

from ...core import content as c
from ...core.model import PlanStyle
from . import kinds as k
from . import phrases as ph
from .outline import Node, RawSection, free_content
from .word_tables import is_table_marker


def section_content(section: RawSection, style: PlanStyle) -> c.Content:
    nodes, heading = section.nodes, section.heading
    found = _by_heading(heading, nodes, style, whole_section=True)
    return found if found is not None else structured_free(nodes, style, heading)


def _by_heading(heading: str, nodes: list[Node], style: PlanStyle, whole_section: bool = False,
                heading_node: Node | None = None) -> c.Content | None:
    """The structured content the heading's words call for, if the nodes
    hold it faithfully (never when they hold a Word table: it stays a table)."""
    if _holds_table(nodes):
        return None
    if heading_node is not None and heading_node.tail and not k.has_words(heading, k.PARTICIPANT_WORDS):
        return None
    for _kind, recognise in k.RECOGNISERS.items():
        found = recognise(heading, nodes, style, whole_section, heading_node)
        if found is not None:
            return found
    return None


def _holds_table(nodes: list[Node]) -> bool:
    return any(is_table_marker(node.text) or _holds_table(node.children) for node in nodes)


def structured_free(nodes: list[Node], style: PlanStyle, context: str = "") -> c.FreeContent:
    """Free content whose subsections get a structured kind where one fits,
    and whose runs of "Thời gian"/"Địa điểm"/"Hình thức" subsections become
    one time-and-place block in the flow. ``context`` is the enclosing
    heading: the days of a "CHƯƠNG TRÌNH" ("a) Ngày 12/4:") are programmes."""
    blocks: list = []
    i = 0
    while i < len(nodes):
        node = nodes[i]
        if node.kind == "heading" and ph.is_facet(node.text):
            j = i
            while j < len(nodes) and nodes[j].kind == "heading" and ph.is_facet(nodes[j].text):
                j += 1
            tp = k.time_place_from_headings(nodes[i:j], style)
            if tp is not None:
                blocks.append(c.Embedded(tp))
                i = j
                continue
        if node.kind == "heading":
            found = _by_heading(f"{node.text} {context}", node.children, style, heading_node=node)
            if found is not None and not (node.tail and found.kind != "participants"):
                blocks.append(c.Subsection(node.text, found))
            else:
                inner = structured_free(node.children, style, f"{node.text} {context}").blocks
                if node.tail:
                    inner.insert(0, c.Paragraph(node.tail))
                blocks.append(c.Subsection(node.text, c.FreeContent(inner), inline=bool(node.tail)))
        else:
            for block in free_content([node]).blocks:
                if isinstance(block, c.Display) and blocks and isinstance(blocks[-1], c.Display):
                    blocks[-1].lines += block.lines
                else:
                    blocks.append(block)
        i += 1
    return c.FreeContent(blocks)
