"""Finders of targets and deadlines, registered in attribution.FINDERS beside the agency finders.

Each returns findings (findings.Finding) named after itself, so `plantrack extract --explain` can
say where a target or a deadline came from:

- ``target_text``: the item's own text, attribution brackets left out (its numbers are not targets);
  a range is two bounds (3至5个: ``>=3``, ``<=5``); a range with a comparator (3至5个以上) or a
  numeral with two readings (一万二) is a finding that is not understood;
- ``deadline_text``: the item's own text (6月底前, 一季度, 持续推进);
- ``deadline_line``: the attribution lines standing alone in the item (完成时限:2019年7月底前);
- ``schedule_month``: an item numbered by its month (七至八月份:举办…) is due at the end of its last
  month when its text prints no deadline of its own;
- ``stage_heading``: a heading that prints a date (（一）宣传发动阶段（2025年3月底前）) gives it to
  the items under it that print none themselves;
- ``deadline_row_above``: a table row whose 完成时限 cell is empty (merged with the row above) has
  the deadline of the row above's cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from plantrack.extract.agencies import bracket_groups, has_role_words
from plantrack.extract.agency_scope import cut_off
from plantrack.extract.deadlines import find_deadlines, month_end, printed_number
from plantrack.extract.findings import Finding, Node
from plantrack.extract.targets import read_targets
from plantrack.lang import target_words as tw
from plantrack.lang.deadline_words import SCHEDULE_NUMBER
from plantrack.lang.tables import DEADLINE_COLUMN

MAX_ITEM_TEXT = 20_000  # characters of one item read for targets and deadlines


def target_text(node: Node) -> list[Finding]:
    text = without_attribution(node.item.text[:MAX_ITEM_TEXT])
    reading = read_targets(without_past_years(text, node.past_before) if node.past_before else text)
    found = []
    if reading.targets:
        phrase = "；".join(t.text or str(t.value) for t in reading.targets)
        found.append(Finding("target_text", phrase, targets=tuple(reading.targets)))
    found += [Finding("target_text", q, understood=False) for q in reading.unread]
    return found


def deadline_text(node: Node) -> list[Finding]:
    return _deadlines("deadline_text", node.item.text[:MAX_ITEM_TEXT], node)


def deadline_line(node: Node) -> list[Finding]:
    return _deadlines("deadline_line", bounded("\n".join(node.standalone)), node)


def bounded(text: str) -> str:
    """A text read for deadlines: its first and last MAX_ITEM_TEXT characters when it is longer
    (an unclosed bracket can make one attribution line of a whole page)."""
    return text if len(text) <= 2 * MAX_ITEM_TEXT else text[:MAX_ITEM_TEXT] + "\n" + text[-MAX_ITEM_TEXT:]


_SCHEDULE = re.compile(SCHEDULE_NUMBER)


def schedule_month(nodes: Sequence[Node], i: int) -> list[Finding]:
    """一月份: / 七至八月份: / 3月: numbering an item of a month's schedule: the last day of its last month."""
    node = nodes[i]
    m = _SCHEDULE.fullmatch(node.item.number)
    month = printed_number(m["m2"]) if m else None
    if month is None or not node.year or not 1 <= month <= 12:
        return []
    return [Finding("schedule_month", node.item.number, deadlines=(month_end(node.year, month),))]


def stage_heading(nodes: Sequence[Node], i: int) -> list[Finding]:
    """The deadlines of the nearest heading above whose own line prints them (or that has them from
    its own heading in turn)."""
    parent = nodes[i].parent
    if parent is None:
        return []
    head = nodes[parent]
    given = [f for f in head.found if f.deadlines]
    if not all(f.finder == "stage_heading" for f in given):
        given = [f for f in given if f.finder == "deadline_text" and f.phrase in head.item.title]
    if not given:
        return []
    days = tuple(dict.fromkeys(d for f in given for d in f.deadlines))
    return [Finding("stage_heading", "；".join(f.phrase for f in given), deadlines=days)]


def table_row_above(nodes: Sequence[Node], i: int) -> list[Finding]:
    """The nearest row above in the same section whose 完成时限 cell prints a deadline; a cell that
    says 持续推进 there is the merged cell's word too, so the row has none."""
    if not nodes[i].from_table or _deadline_cell(nodes[i]) is not None or cut_off(nodes, i):
        return []
    if i == len(nodes) - 1 and not nodes[i].item.text.split("\n", 1)[0].endswith("。"):
        return []  # the page ends inside the row, before its 完成时限 cell (tables leave its end open)
    for j in range(i - 1, -1, -1):
        above = nodes[j]
        if not above.from_table or above.parent != nodes[i].parent:
            return []
        cell = _deadline_cell(above)
        if cell is not None:
            found = _deadlines("deadline_row_above", cell, nodes[i])
            days = tuple(dict.fromkeys(d for f in found for d in f.deadlines))
            return [Finding("deadline_row_above", cell, deadlines=days)] if days else []
        carried = [f for f in above.found if f.finder == "deadline_row_above"]
        if carried:
            return carried
    return []


_CELL_LABEL = DEADLINE_COLUMN + ":"


def _deadline_cell(node: Node) -> str | None:
    """The 完成时限 cell of a table row (tables write it as a 完成时限: line), None when it is empty."""
    for line in node.item.text.split("\n"):
        if line.startswith(_CELL_LABEL) and line[len(_CELL_LABEL) :].strip():
            return line[len(_CELL_LABEL) :].strip()
    return None


def _deadlines(name: str, text: str, node: Node) -> list[Finding]:
    if not text:
        return []
    return [
        Finding(
            name,
            r.phrase,
            deadlines=(r.day,) if r.day else (),
            understood=r.day is not None or r.ongoing,
            ongoing=r.ongoing,
        )
        for r in find_deadlines(text, node.year, past_before=node.past_before).readings
    ]


_YEAR = re.compile(
    rf"(?<![{tw.PAST_YEAR_NOT_AFTER}\d])((?:19|20)\d{{2}})年(?!{'|'.join(tw.PAST_YEAR_NOT_BEFORE)})"
)
_PIECES = re.compile(r"[^,;。!?\n]*[,;。!?\n]?")


def without_past_years(text: str, plan_year: int) -> str:
    """The text with its reports about past years blanked (2016年全市完成培训1万人 in a 2017 plan):
    from a clause that opens on an earlier year to the end of its sentence, or to a clause that
    names the plan's year or a later one."""
    out, past = [], False
    for piece in _PIECES.findall(text):
        years = [int(y) for y in _YEAR.findall(piece)]
        if years:
            past = years[0] < plan_year and piece.lstrip().startswith(str(years[0]))
        out.append(" " * len(piece) if past else piece)
        if piece.endswith(("。", "!", "?", "\n", ";")):
            past = False
    return "".join(out)


def without_attribution(text: str) -> str:
    """The text without its attribution brackets ((市人社局牵头,…)), whose numbers are no targets."""
    parts, last = [], 0
    for start, end in bracket_groups(text):
        if has_role_words(text[start:end]):
            parts.append(text[last:start])
            last = end
    parts.append(text[last:])
    return "".join(parts)
