"""Attribution by registered finders: which finders are asked, in which order, and how they merge.

Every way a notice attaches agencies to an item is one finder (agency_finders: read the item's own
text; agency_scope: read its place in the outline). This module is the one place that lists them
and says how their findings combine (`merge`), tier by tier (findings.Tier):

1. own: everything the item names itself (brackets, labelled lines, table columns) is kept; a
   table row naming only supporters takes the lead of the row above (a merged cell), and an item
   whose 责任单位 label names no lead takes the lead its section's heading names;
2. sentence: else the first sentence finder that reads an agency (由X负责, an opening actor);
3. inherited: else the first finder that finds one around it (a block's line, the heading above);
4. added: carried-forward agencies (以下…不再列出, 下同) join what the item has, after item kinds
   are known, so that a requirement item is not made a task by them.

Each finding keeps its finder's name; `Node.found` is the provenance `--explain` prints. Targets and
deadlines plug in the same way: a finder with field "targets" or "deadlines".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from plantrack.extract import agency_finders as F
from plantrack.extract import agency_scope as S
from plantrack.extract import value_finders as V
from plantrack.extract.agencies import dedupe
from plantrack.extract.findings import Field, Finding, Node, Tier
from plantrack.extract.lead_rule import LeadRule, apply, lead_rule
from plantrack.lang.roles import ROLE_LABELS
from plantrack.models import Agency, Item, Role

ItemFind = Callable[[Node], list[Finding]]
ScopeFind = Callable[[Sequence[Node], int], list[Finding]]


@dataclass(frozen=True)
class Finder:
    name: str
    tier: Tier
    field: Field
    item: ItemFind | None = None  # reads the item alone
    scope: ScopeFind | None = None  # reads the item's place among the others (nodes resolved so far)


# The registry: the order here is the order of asking within a tier.
FINDERS: tuple[Finder, ...] = (
    Finder("bracket", Tier.own, "agencies", item=F.brackets),
    Finder("label", Tier.own, "agencies", item=F.labels),
    Finder("table_column", Tier.own, "agencies", item=F.table_columns),
    Finder("standalone", Tier.own, "agencies", item=F.standalone),
    Finder("sentence", Tier.sentence, "agencies", item=F.sentence),
    Finder("division_unit", Tier.sentence, "agencies", item=S.division_unit),
    Finder("actor_sentence", Tier.sentence, "agencies", item=F.actors),
    Finder("block", Tier.inherited, "agencies", scope=S.block_line),
    Finder("table_above", Tier.inherited, "agencies", scope=S.table_row_above),
    Finder("division_scope", Tier.inherited, "agencies", scope=S.division_scope),
    Finder("heading_scope", Tier.inherited, "agencies", scope=S.heading_scope),
    Finder("carry_forward", Tier.added, "agencies", item=F.carry_forward),
    Finder("target_text", Tier.own, "targets", item=V.target_text),
    Finder("deadline_text", Tier.own, "deadlines", item=V.deadline_text),
    Finder("deadline_line", Tier.own, "deadlines", item=V.deadline_line),
    Finder("schedule_month", Tier.inherited, "deadlines", scope=V.schedule_month),
    Finder("stage_heading", Tier.inherited, "deadlines", scope=V.stage_heading),
    Finder("deadline_row_above", Tier.inherited, "deadlines", scope=V.table_row_above),
)
_TIER_OF = {f.name: f.tier for f in FINDERS}
_FIELD_OF: dict[str, Field] = {f.name: f.field for f in FINDERS}
# Findings are named after their finder, except those a finder reports under a narrower name.
_NARROWER = {
    "by_together": "sentence",
    "by_verb": "sentence",
    "opening": "sentence",
    "modal": "sentence",
    "clause": "sentence",
    "subject": "sentence",
    "attribution_sentence": "sentence",
}
_TIER_OF.update({name: _TIER_OF[finder] for name, finder in _NARROWER.items()})
_FIELD_OF.update({name: _FIELD_OF[finder] for name, finder in _NARROWER.items()})


def tier_of(finding: Finding) -> Tier:
    return _TIER_OF[finding.finder]


def attribute(nodes: Sequence[Node], field: Field = "agencies", preamble: str = "") -> None:
    """Ask the finders of one field for every node in document order and set that field of each
    item (tiers 1-3); findings of tier 4 wait in `Node.carried` for `add_carried`. `preamble`: the
    text before the first item, where a rule for all of them may be stated (排在第一位的为牵头单位)."""
    for node in nodes:
        node.own = [f for f in node.own if _FIELD_OF[f.finder] != field] + _ask_items(node, field)
    # 第一责任单位为牵头单位,下同: stated once, read in document order
    rule: LeadRule | None = lead_rule(preamble, carries=True)
    for i, node in enumerate(nodes):
        own = [f for f in node.own if _FIELD_OF[f.finder] == field]
        found = merge(own, partial(_ask_scopes, nodes, i, field))
        if field == "agencies":
            stated = lead_rule("\n".join([node.text, *node.standalone]))
            here = stated or rule
            if here is not None:
                found = _apply_rule(found, here)
            rule = stated if stated is not None and stated.carries else rule
        node.found = [f for f in node.found if _FIELD_OF[f.finder] != field] + found
        _WRITE[field](node.item, found)
        node.carried += [f for f in own if tier_of(f) == Tier.added]


def _apply_rule(found: list[Finding], rule: LeadRule) -> list[Finding]:
    """The first-listed-leads rule on an item's own and sentence findings; responsible units it names
    in several attributions (two brackets of one item) are apart."""
    ruled = [tier_of(f) <= Tier.sentence and not f.empty for f in found]
    heads = [
        r and any(a.role == Role.responsible for a in f.agencies) for f, r in zip(found, ruled, strict=True)
    ]
    apart = sum(heads) > 1
    return [apply(f, rule, apart) if r else f for f, r in zip(found, ruled, strict=True)]


def merge(own: list[Finding], around: Callable[[], list[Finding]]) -> list[Finding]:
    """The merge rule: all own findings; else the first sentence finding; else the first inherited
    one. Sentences that open with their agencies add those agencies to the first two."""
    named = [f for f in own if tier_of(f) == Tier.own and (not f.empty or not f.understood)]
    actors = [f for f in own if f.finder in _ADDS_NAMES and not f.empty]
    if any(not f.empty for f in named):
        return [*named, *_new_names(named, actors), *_heads_above(named, around)]
    sentences = [f for f in own if tier_of(f) == Tier.sentence and not f.empty]
    if sentences:
        first = [sentences[0]]
        return [*named, *first, *_new_names(first, actors), *_heads_above(first, around)]
    inherited = [f for f in around() if not f.empty]
    return [*named, *inherited[:1]]


def _new_names(found: list[Finding], more: list[Finding]) -> list[Finding]:
    """The findings of `more` cut to the agencies that `found` does not name."""
    named = {a.name for f in found for a in f.agencies}
    out = []
    for f in more:
        new = tuple(a for a in f.agencies if a.name not in named)
        named |= {a.name for a in new}
        if new:
            out.append(Finding(f.finder, f.phrase, new, understood=f.understood))
    return out


def _write_agencies(item: Item, found: list[Finding]) -> None:
    item.agencies = agencies_of(found)
    item.agency_text = "；".join(dict.fromkeys(f.phrase for f in found if f.agencies))


def _write_targets(item: Item, found: list[Finding]) -> None:
    item.targets = [t for f in found for t in f.targets]


def _write_deadlines(item: Item, found: list[Finding]) -> None:
    item.deadlines = list(dict.fromkeys(d for f in found for d in f.deadlines))  # text order
    item.deadline_text = list(dict.fromkeys(p for f in found for p in f.phrase.split("；")))
    item.ongoing = any(f.ongoing for f in found)


_WRITE: dict[Field, Callable[[Item, list[Finding]], None]] = {
    "agencies": _write_agencies,
    "targets": _write_targets,
    "deadlines": _write_deadlines,
}


def _heads_of_supporters(found: list[Finding], around: Callable[[], list[Finding]]) -> list[Finding]:
    """An item naming only the units that support it (a 配合单位 cell whose 牵头 cell is merged with
    the row above's; 市民政局按职责分工配合 under a heading that names its lead): the lead and
    responsible units come from around it, the row above or the heading."""
    if not found or any(a.role != Role.support for f in found for a in f.agencies):
        return []
    for f in around():
        if f.finder in _GIVES_HEADS:
            heads = tuple(a for a in f.agencies if a.role != Role.support)
            return [Finding(f.finder, f.phrase, heads)] if heads else []
    return []


_GIVES_HEADS = ("table_above", "heading_scope", "division_scope")
_RESPONSIBLE_LABEL = re.compile(
    "^(?:"
    + "|".join(sorted((k for k, v in ROLE_LABELS.items() if v == "responsible"), key=len, reverse=True))
    + r")\s*:"
)


def _heads_above(found: list[Finding], around: Callable[[], list[Finding]]) -> list[Finding]:
    """The agencies an item's own findings leave to the outline around it: its lead and responsible
    units when it names only supporters, the heading's lead when it names no lead."""
    return _heads_of_supporters(found, around) or _section_lead(found, around)


def _section_lead(found: list[Finding], around: Callable[[], list[Finding]]) -> list[Finding]:
    """一、聚焦产业升级（牵头单位：区发改局） / （一）… 责任单位：区工信局: an item whose 责任单位
    label names no lead, under a heading that names a lead, keeps the heading's lead and the units
    that heading names beside it (区乡村振兴局协助). (An item's own （区文明办负责） under 由区创建办牵头
    stands alone: only a label says the roles are split between the levels.)"""
    roles = {a.role for f in found for a in f.agencies}
    if Role.lead in roles or not any(_RESPONSIBLE_LABEL.match(f.phrase) for f in found):
        return []
    heading = next((f for f in around() if f.finder == "heading_scope"), None)
    if heading is None or all(a.role != Role.lead for a in heading.agencies):
        return []
    named = {a.name for f in found for a in f.agencies}
    joined = tuple(a for a in heading.agencies if a.name not in named)
    return [Finding(heading.finder, heading.phrase, joined)] if joined else []


# Findings whose agencies the merge adds to the item's own or first sentence finding (names only
# they give), rather than competing with them.
_ADDS_NAMES = ("actor_sentence",)


def add_carried(nodes: Sequence[Node], takes: Callable[[Node], bool], preamble: str = "") -> None:
    """Carried-forward agencies join every later node that `takes` them (the tasks), after its own;
    a carry sentence in the `preamble` (以下各项任务均需各街道落实) joins every one."""
    carried: list[tuple[Finding, int | None]] = (  # (finding, the heading whose items it holds for)
        [
            (f, None)
            for f in F.carry_forward(
                Node(item=Item(path=[0], title="", text=preamble), parent=None, text=preamble)
            )
        ]
        if preamble
        else []
    )
    for i, node in enumerate(nodes):
        held = [f for f, scope in carried if scope is None or _under(nodes, i, scope)]
        if held and takes(node):
            have = {a.name for a in node.item.agencies}
            extra = [f for f in held if any(a.name not in have for a in f.agencies)]
            node.found.extend(extra)
            new = [a for f in extra for a in f.agencies if a.name not in have]
            node.item.agencies = dedupe([*node.item.agencies, *new])
        # 一、项目建设(镇党政办牵头抓总,下同): a heading's carry holds for the items under it
        carried.extend((f, i if node.children else None) for f in node.carried)


def _under(nodes: Sequence[Node], i: int, heading: int) -> bool:
    parent = nodes[i].parent
    while parent is not None:
        if parent == heading:
            return True
        parent = nodes[parent].parent
    return False


def agencies_of(findings: list[Finding]) -> list[Agency]:
    return dedupe([a for f in findings for a in f.agencies])


def _ask_items(node: Node, field: Field) -> list[Finding]:
    return [found for f in FINDERS if f.field == field and f.item is not None for found in f.item(node)]


def _ask_scopes(nodes: Sequence[Node], i: int, field: Field) -> list[Finding]:
    return [found for f in FINDERS if f.field == field and f.scope is not None for found in f.scope(nodes, i)]


def find_agencies(text: str) -> Finding | None:
    """What one item's text names by itself (no outline around it), as one finding: the finders'
    names joined, their phrases joined; None when no finder found anything."""
    node = Node(item=Item(path=[1], title="", text=text), parent=None, text=text)
    attribute([node])
    if not node.found:
        return None
    return Finding(
        "+".join(f.finder for f in node.found),
        node.item.agency_text,
        tuple(node.item.agencies),
        understood=all(f.understood for f in node.found),
    )
