"""Finders that read an item's place in the outline: the heading above it, the block it ends, the
table row above it, a division by unit (（十四）市民政局。负责…；配合…).

Scope finders run in document order, so an item's parent and the rows above it are already resolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from plantrack.extract.findings import Finding, Node
from plantrack.extract.orgnames import level_prefix, looks_like_org, split_names
from plantrack.lang import roles as R
from plantrack.lang.tables import DEADLINE_COLUMN
from plantrack.models import Agency, Role

_NAME_END = tuple(sorted(R.AGENCY_ENDINGS, key=len, reverse=True))
_NOT_IN_A_NAME = re.compile(r"[,。;:!?《》“”\d]")
_UNIT_VERB = re.compile(
    r"^(?:\d+[.、]|[(][一二三四五六七八九十\d]+[)])?\s*(?:"
    + "|".join(R.DIVISION_VERB_QUALIFIERS)
    + ")?(?:"
    + "|".join(sorted(R.DIVISION_VERBS, key=len, reverse=True))
    + ")"
)


def _own_agencies(node: Node) -> bool:
    return any(f.agencies for f in node.own)


def _renamed(finder: str, found: Finding) -> Finding:
    return Finding(finder, found.phrase, found.agencies, understood=found.understood)


def heading_scope(nodes: Sequence[Node], i: int) -> list[Finding]:
    """（三）由区创建办牵头 / 1.… / 2.…: items naming no agency take those of the nearest heading that has."""
    parent = nodes[i].parent
    while parent is not None:
        above = nodes[parent]
        if above.item.agencies:
            phrase = above.item.agency_text or above.item.title
            return [Finding("heading_scope", phrase, tuple(above.item.agencies))]
        parent = above.parent
    return []


def block_line(nodes: Sequence[Node], i: int) -> list[Finding]:
    """(1)…(4) then a line (责任单位:…): one-line sub-items naming no agency take the line that
    closes their block (the line is in the last sub-item of the block)."""
    node = nodes[i]
    if not _plain(node) or node.parent is None:
        return []
    siblings = nodes[node.parent].children
    for j in siblings[siblings.index(i) + 1 :]:
        sib = nodes[j]
        if sib.standalone:
            lines = [f for f in sib.own if f.finder in ("standalone", "table_column") and f.agencies]
            return [_renamed("block", lines[0])] if lines and "\n" not in sib.item.text else []
        if not _plain(sib):
            return []
    return []


def _plain(node: Node) -> bool:
    return not (_own_agencies(node) or node.standalone or node.children or "\n" in node.item.text)


def table_row_above(nodes: Sequence[Node], i: int) -> list[Finding]:
    """A table row whose agency cells are empty (merged with the row above): the row above's."""
    node = nodes[i]
    if not node.from_table or cut_off(nodes, i):
        return []
    for j in range(i - 1, -1, -1):
        above = nodes[j]
        if not above.from_table or above.parent != node.parent:
            return []
        if above.item.agencies:
            return [Finding("table_above", above.item.agency_text, tuple(above.item.agencies))]
    return []


def cut_off(nodes: Sequence[Node], i: int) -> bool:
    """The page ends inside its last row (…开展文旅惠民活动,组, or …“回头看” | 县农业农): its cells
    are not on the page, or its agency cell is cut inside the name. (A last row whose agency and
    deadline cells are both merged with the row above looks the same, and is read as cut.)"""
    if i != len(nodes) - 1:
        return False
    # no cell after the task printed anything (…按照“以奖代补”方式 | | |): the row is cut, not merged
    node = nodes[i]
    return (not node.standalone and DEADLINE_COLUMN + ":" not in node.text) or any(
        line.split(":", 1)[0] in R.ROLE_LABELS and not looks_like_org(line.split(":", 1)[-1])
        for line in node.standalone
    )


def division_unit(node: Node) -> list[Finding]:
    """（十四）市民政局。负责完善…;配合做好…: a heading that only names a unit; its sentences are
    its work, led where it says 负责, supported where it says 配合."""
    title = node.item.title.strip()
    if not is_unit_name(title):
        return []
    after = node.text[len(title) :] if node.text.startswith(title) else ""
    body = after.lstrip(" 。:;\n")
    # （二）市农业农村局: or （十）各县(区)人民政府。 — a heading that is a unit's name alone heads
    # its own work, whatever verb follows (or none)
    closed = after.startswith(":") or (after.startswith("。") and all(map(_placed, split_names(title))))
    if not _UNIT_VERB.match(body) and not closed:
        return []
    return [Finding("division_unit", title, _unit_agencies(title, body))]


def _placed(name: str) -> bool:
    """各县(区)人民政府, 抚州高新区管委会: a name that says whose it is (成立领导小组 does not)."""
    return (
        name.startswith("各") or level_prefix(name) is not None or _PLACE_MARK.search(name[:-2]) is not None
    )


_PLACE_MARK = re.compile("|".join(R.LEVEL_PREFIXES))


def division_scope(nodes: Sequence[Node], i: int) -> list[Finding]:
    """The sub-items of a division-by-unit heading: the unit, in the role each sub-item's verb says."""
    parent = nodes[i].parent
    while parent is not None:
        above = nodes[parent]
        title = above.item.title.strip()
        unit = any(f.finder == "division_unit" for f in above.found)
        if unit or (is_unit_name(title) and _UNIT_VERB.match(nodes[i].text)):
            return [Finding("division_scope", title, _unit_agencies(title, nodes[i].text))]
        parent = above.parent
    return []


def _names_between(openers: tuple[str, ...], longest: int, closers: tuple[str, ...]) -> re.Pattern[str]:
    """Names after one of ``openers`` that end right before one of ``closers``."""
    return re.compile(
        f"(?:{'|'.join(openers)})([^,。;:()《》“”]{{2,{longest}}}?(?:{'|'.join(_NAME_END)}))(?={'|'.join(closers)})"
    )


# 配合区民政局做好…: the unit helped leads that work
_HELPED = _names_between(R.HELPED_BY, 30, R.HELPED_VERBS)
# 会同市市场监管局、市卫生健康委开展…: the partners of the unit's own work
_PARTNERS = _names_between(
    R.TOGETHER_WORDS, 40, (*R.HELPED_VERBS, *R.TOGETHER_VERBS, *R.PARTNER_VERBS, ",", ";", "。")
)


def _unit_agencies(title: str, text: str) -> tuple[Agency, ...]:
    """The unit of a division heading in the role the text's verbs say, and the units it helps
    (配合区民政局做好…: 区民政局 leads that work)."""
    role = unit_role(text)
    own = [Agency(name=n, role=role) for n in split_names(title)]
    helped = [Agency(name=n, role=Role.lead) for m in _HELPED.finditer(text) for n in split_names(m[1])]
    partners = [
        Agency(name=n, role=Role.support)
        for m in _PARTNERS.finditer(text)
        for n in split_names(m[1])
        if n.endswith(_NAME_END)
    ]
    if partners and role == Role.support:  # 会同 makes the unit the host of that work
        own = [Agency(name=a.name, role=Role.lead) for a in own]
    found = own + helped + partners
    return tuple(a for k, a in enumerate(found) if a.name not in {b.name for b in found[:k]})


def unit_role(text: str) -> Role:
    """负责/牵头 → lead; only 配合/协助/参与 → support."""
    verbs = [R.DIVISION_VERBS[m] for m in re.findall("|".join(R.DIVISION_VERBS), text)]
    if verbs and all(v == "support" for v in verbs):
        return Role.support
    return Role.lead


def is_unit_name(title: str) -> bool:
    """市民政局 / 市发改委、市统计局: a heading made only of agency names."""
    if not title or len(title) > 30 or _NOT_IN_A_NAME.search(title) or not title.endswith(_NAME_END):
        return False
    return all(n.endswith(_NAME_END) for n in split_names(title))
