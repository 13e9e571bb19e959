"""Numbered items of a notice: which lines open an item, at which level, with which printed number.

Levels are learned per document: the first numbering style seen is level 1, the next new style
level 2, and so on. A marker is accepted only if it continues its level's sequence (n+1, numbering
that runs on across sections) or restarts it (1 under a new parent); anything else is text
(1.725万人, 2017年, a stray "3." inside a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from plantrack.extract.numerals import parse_chinese
from plantrack.lang.numbering import (
    COMPILED,
    GLUED_HEADING,
    GLUED_ITEM,
    GLUED_NOT_AFTER,
    GLUED_RUN,
    GLUED_RUN_STYLES,
    INLINE_HEADING_START,
    OUTER_TO_INNER,
    STYLES,
)

HEADING_ALONE = frozenset(st.name for st in STYLES if st.alone)  # printed alone, the heading below
RUN_STYLES = frozenset(st.name for st in STYLES if st.run)  # markers only in a run of lines (一是, 一月份:)
POINT_STYLES = frozenset(st.name for st in STYLES if st.points)  # 一是…: points of prose, not numbering
SKIPPING = frozenset(st.name for st in STYLES if st.skips)  # numbered by month: any later one follows
CLAUSE_TITLES = frozenset(st.name for st in STYLES if st.clause_title)  # titled by their first clause
TABLE_ROW_STYLE = "table_row"
MAX_GAP = 2  # a skipped number or two is accepted (with a warning); more is not a sequence
MAX_HEADING = 40  # characters of a heading an outline printed before the body may repeat


@cache  # the same few numerals recur thousands of times in a long notice
def _value(raw: str, kind: str) -> int | None:
    if kind == "arabic":
        return int(raw)
    if kind == "circled":
        return ord(raw) - 0x2460 + 1
    if kind == "roman":
        return _roman(raw)
    return parse_chinese(raw)


def _roman(raw: str) -> int | None:
    values = [{"I": 1, "V": 5, "X": 10}[c] for c in raw]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total < 40 else None


@dataclass
class Marker:
    style: str
    value: int
    printed: str  # the marker as printed, e.g. (五)
    rest: str  # the line after the marker


def match_marker(line: str) -> Marker | None:
    if not line or line[0] not in _FIRST_CHARS:  # most lines open with no marker at all
        return None
    m = _ANY_STYLE.match(line)  # one pass in C; the loop below only when that first reading is refused
    if m and m.lastgroup:
        found = _marker(m, m.lastgroup, _KIND[m.lastgroup], line, f"n_{m.lastgroup}")
        if found:
            return found
    for style, pattern, kind in COMPILED:
        m = pattern.match(line)
        found = _marker(m, style, kind, line, "n") if m else None
        if found:
            return found
    return None


def _marker(m: re.Match[str], style: str, kind: str, line: str, group: str) -> Marker | None:
    value = _value(m[group], kind)
    rest = line[m.end() :].strip()
    if value is None or (not rest and style not in HEADING_ALONE):
        return None
    printed = m[group] if style == TABLE_ROW_STYLE else m.group(0).strip()
    return Marker(style, value, printed, rest)


_KIND = {st.name: st.numeral for st in STYLES}
_ANY_STYLE = re.compile(
    "|".join(f"(?P<{st.name}>{st.pattern.replace('?P<n>', f'?P<n_{st.name}>')})" for st in STYLES)
)
_FIRST_CHARS = frozenset("".join(st.first for st in STYLES))


@dataclass
class RawItem:
    marker: Marker
    level: int
    path: list[int]
    line_no: int
    lines: list[str] = field(default_factory=list)  # the head line's rest, then following lines
    cover: bool = False  # numbered in the cover notice (其他要求 of 印发…的通知), not in the plan
    children: list[RawItem] = field(default_factory=list)
    parent: RawItem | None = None


@dataclass
class Outline:
    items: list[RawItem]  # flat, document order
    preamble: list[str]  # lines before the first item
    warnings: list[str]


class _Builder:
    """Levels come from the open items: a marker continues the open item of its style (a sibling),
    or opens a child of the innermost item when it starts at 1 or continues that style's numbering
    from the previous parent (Ji'an's (一)…(二十二) run across 一、…五、)."""

    def __init__(self) -> None:
        self.stack: list[RawItem] = []
        self.last_by_style: dict[str, tuple[int, int]] = {}  # style -> (level, last value)
        self.items: list[RawItem] = []
        self.warnings: list[str] = []
        self.mid_document = False  # the first item was not a 1: the page starts inside the document
        self.headings: dict[tuple[str, int, str], RawItem] = {}  # bare headings, by marker and words
        self.in_body = False  # the first heading came again: what came before was the page's outline

    def accept(
        self, marker: Marker, line_no: int, continued: bool = False, opens: bool = False
    ) -> RawItem | None:
        """``continued``: a later marker of the same style carries on from this one (a page that
        starts mid-document at (五) or 3. shows (六) or 4. further down). ``opens``: the next marker
        is a 1 of another style, the first sub-item of this one (四、时间安排 (一)…)."""
        again = self._printed_before(marker)
        if again is not None:
            return self._reenter(again)
        for i, open_item in enumerate(self.stack):
            if open_item.marker.style == marker.style:
                gap = marker.value - open_item.marker.value - 1
                return self._open(marker, i + 1, line_no, gap) if _follows(marker.style, gap) else None
        level = len(self.stack) + 1
        last = self.last_by_style.get(marker.style)
        if self._first_row_of_group(marker, last):
            return self._open(marker, level, line_no, 0)
        if last is not None and last[0] == level:
            gap = marker.value - last[1] - 1
            if marker.value == 1 or _follows(marker.style, gap):
                return self._open(marker, level, line_no, 0 if marker.value == 1 else gap)
            return None
        if last is not None and last[0] < level and marker.value == last[1] + 1:
            # 一、 1.…7. 二、 (一) 8.: the numbering runs on under a level the next section added
            return self._open(marker, level, line_no, 0)
        first = not self.items and (
            marker.value <= 1 + MAX_GAP or marker.style == TABLE_ROW_STYLE or continued or opens
        )
        if marker.value == 1 or first or (continued and marker.style in SKIPPING):
            # a table shown from its 80th row on starts there; a schedule from its month (三月份:)
            self.mid_document = self.mid_document or (not self.items and marker.value > 1)
            return self._open(marker, level, line_no, 0)
        if (continued or opens) and self.mid_document and marker.style not in self.last_by_style:
            # the page began inside a section ((三) (四) then 四、 (一)): the new style is the outer level,
            # and what came before sat a level below it (3. 4. 二、 5. 6.: numbering runs on under it)
            for style, (lvl, value) in list(self.last_by_style.items()):
                self.last_by_style[style] = (lvl + 1, value)
            return self._open(marker, 1, line_no, 0)
        return None

    def _first_row_of_group(self, marker: Marker, last: tuple[int, int] | None) -> bool:
        """A table's first row under a group heading may carry any number past the rows before it: an
        extract of a table keeps its global row numbers (一、… 3 … 六、… 68 69)."""
        if marker.style != TABLE_ROW_STYLE or not self.stack or self.stack[-1].children:
            return False
        return last is None or (last[0] == len(self.stack) + 1 and marker.value > last[1])

    def _printed_before(self, marker: Marker) -> RawItem | None:
        """An outline (目录) printed before the body lists the headings the body prints again: the
        body's 一、推进医改 is the outline's item, not a new one (and not text). The body begins where
        the first heading comes again."""
        key = (marker.style, marker.value, marker.rest)
        seen = self.headings.get(key)
        if seen is None or seen.lines != [marker.rest]:
            return None
        if not self.in_body and seen is not self.items[0]:
            return None
        self.in_body = True
        return seen

    def _reenter(self, item: RawItem) -> RawItem:
        chain: list[RawItem] = []
        node: RawItem | None = item
        while node is not None:
            chain.insert(0, node)
            node = node.parent
        self.stack = chain
        for level, open_item in enumerate(chain, 1):
            self.last_by_style[open_item.marker.style] = (level, open_item.marker.value)
        del self.headings[(item.marker.style, item.marker.value, item.marker.rest)]
        return item

    def _open(self, marker: Marker, level: int, line_no: int, gap: int) -> RawItem:
        if gap > 0 and marker.style not in SKIPPING:
            self.warnings.append(f"编号不连续：{marker.printed} 之前缺少 {gap} 项（第{line_no}行）")
        del self.stack[level - 1 :]
        parent = self.stack[-1] if self.stack else None
        path = [*(parent.path if parent else []), marker.value]
        item = RawItem(marker, level, path, line_no, [marker.rest] if marker.rest else [], parent=parent)
        if parent:
            parent.children.append(item)
        self.stack.append(item)
        self.items.append(item)
        self.last_by_style[marker.style] = (level, marker.value)
        if len(marker.rest) <= MAX_HEADING:
            self.headings.setdefault((marker.style, marker.value, marker.rest), item)
        return item


def build_outline(
    lines: list[str],
    is_terminator: Callable[[str], bool] | None = None,
    starts_part: Callable[[str], bool] | None = None,
    in_cover: Callable[[int], bool] | None = None,
) -> Outline:
    """Find the numbered items.

    ``is_terminator(line)`` marks lines that end an item's text. ``starts_part(line)`` marks where the
    plan itself may begin (附件, its title): numbering that starts again at 1 after such a line is the
    plan's. ``in_cover(line_no)`` marks the cover notice's own text (after 现将…印发给你们): items
    numbered there are its requirements; the first item after it starts the plan's numbering afresh.
    Items set aside that way are dropped, unless the page shows nothing else.
    """
    builder = _Builder()
    set_aside: list[RawItem] = []
    preamble: list[str] = []
    current: RawItem | None = None
    stop = is_terminator or (lambda _line: False)
    new_part = starts_part or (lambda _line: False)
    cover_line = in_cover or (lambda _no: False)
    part_started = False
    read: dict[str, Marker | None] = {}  # a line printed again (a repeated heading) is read once
    markers = [read[line] if line in read else read.setdefault(line, match_marker(line)) for line in lines]
    markers = _in_runs(markers)
    continues = _continues(markers)
    opens = _opens(markers)
    for no, (line, marker) in enumerate(zip(lines, markers, strict=True), 1):
        cover = cover_line(no)
        if marker and not cover and builder.items and all(i.cover for i in builder.items):
            set_aside, builder = builder.items, _Builder()
        continued = continues[no - 1]
        if marker and not cover and marker.value == 1 and _outranks_top(builder, marker):
            set_aside, builder = builder.items, _Builder()
        item = builder.accept(marker, no, continued, opens[no - 1]) if marker else None
        if item is None and marker and part_started and marker.value == 1 and _is_top_style(builder, marker):
            set_aside, builder = builder.items, _Builder()
            item = builder.accept(marker, no)
        if item is not None:
            item.cover = cover
            part_started = False
            current = item
        elif stop(line) or new_part(line):
            current = None
            part_started = part_started or (new_part(line) and bool(builder.items))
        elif current is not None:
            current.lines.append(line)
        elif not builder.items:
            preamble.append(line)
    items = builder.items or set_aside
    if builder.in_body:  # the body's sub-items join the outline's headings: tree order again
        items = _tree_order([i for i in items if i.parent is None])
    if items and not items[-1].lines and not items[-1].children:  # the page ends right after 二、
        last = items.pop()
        if last.parent:
            last.parent.children.remove(last)
    return Outline(items, preamble, builder.warnings)


def _tree_order(roots: list[RawItem]) -> list[RawItem]:
    out: list[RawItem] = []
    for item in roots:
        out.append(item)
        out.extend(_tree_order(item.children))
    return out


def _follows(style: str, gap: int) -> bool:
    """A marker this many numbers after the last of its style continues it (a month's schedule skips months)."""
    return 0 <= gap <= MAX_GAP or (gap > 0 and style in SKIPPING)


def _in_runs(markers: list[Marker | None]) -> list[Marker | None]:
    """Markers of a run style (一是, 一月份:) only where two or more of them follow each other, each the
    next number (or one or two further on; any later month) and no other numbered line between, points
    from 一是 on: 一是 at a line's start whose 二是 runs on inside the same paragraph is the paragraph's
    text."""
    out = list(markers)
    run: list[int] = []  # indexes of the run being read
    for i, m in enumerate([*markers, None]):
        if i < len(markers) and m is None:
            continue
        last = markers[run[-1]] if run else None
        if (
            m is not None
            and last is not None
            and m.style == last.style
            and _follows(m.style, m.value - last.value - 1)
        ):
            run.append(i)
            continue
        first = markers[run[0]] if run else None
        if len(run) == 1 or (first is not None and first.value != 1 and first.style not in SKIPPING):
            for k in run:  # 二是, 三是 on lines of their own after 一是 inside a heading's line: text
                out[k] = None
        run = [i] if m is not None and m.style in RUN_STYLES else []
    return out


def _continues(markers: list[Marker | None]) -> list[bool]:
    """For each marker: the next marker of its style is the next number (or one or two further on)."""
    out = [False] * len(markers)
    next_value: dict[str, int] = {}
    for i in range(len(markers) - 1, -1, -1):
        m = markers[i]
        if m is None:
            continue
        nxt = next_value.get(m.style)
        out[i] = nxt is not None and _follows(m.style, nxt - m.value - 1)
        next_value[m.style] = m.value
    return out


def _opens(markers: list[Marker | None]) -> list[bool]:
    """For each marker: the next marker is a 1 of another style (its first sub-item)."""
    out = [False] * len(markers)
    following: Marker | None = None
    for i in range(len(markers) - 1, -1, -1):
        m = markers[i]
        if m is None:
            continue
        out[i] = following is not None and following.value == 1 and following.style != m.style
        following = m
    return out


_RANK = {name: k for k, name in enumerate(OUTER_TO_INNER)}


def _outranks_top(builder: _Builder, marker: Marker) -> bool:
    """一、 after items that began at 1.: a level outside the page's first level."""
    if not builder.items:
        return False
    top = builder.items[0].marker.style
    return marker.style in _RANK and top in _RANK and _RANK[marker.style] < _RANK[top]


def _is_top_style(builder: _Builder, marker: Marker) -> bool:
    return bool(builder.stack) and builder.stack[0].marker.style == marker.style


# Markers inside a line (text flattened onto one line): split before them when they follow the end
# of a sentence, of an agency bracket, or a space, and open a heading (a CJK character follows).
def _plain(pattern: str) -> str:
    return pattern.replace("?P<n>", "?:")


_INLINE_MARKER = "|".join(_plain(st.inline) for st in STYLES if st.inline)
_ENUMERATION_MARKER = "|".join(_plain(st.inline) for st in STYLES if st.inline and st.numeral != "cn")
_CN_MARKER = "|".join(_plain(st.inline) for st in STYLES if st.inline and st.numeral == "cn")
_BEFORE_MARKER = r"(?:(?<=[。;:!?)\]】])\s*|(?<=\s))"
_INLINE = re.compile(rf"{_BEFORE_MARKER}(?=(?:{_INLINE_MARKER}){INLINE_HEADING_START})")
# 重点抓好三个方面工作:1.推进…;2.强化…: figures after a colon or a semicolon enumerate inside one
# item, and then none of that line's figures open items; 一、 and (二) still do
_ENUMERATION = re.compile(rf"[;:]\s*(?:{_ENUMERATION_MARKER}){INLINE_HEADING_START}")
_INLINE_CN = re.compile(rf"{_BEFORE_MARKER}(?=(?:{_CN_MARKER}){INLINE_HEADING_START})")
# What every split below looks for (an inline marker and a heading's first character): a cheap pre-test.
_INLINE_HEADING = re.compile(rf"(?:{_INLINE_MARKER}){INLINE_HEADING_START}")
# A heading glued to its first sub-item (三、整治对象(一)整治范围。): split after the heading.
_GLUED = re.compile(
    "(?:" + "|".join(_plain(st.pattern) for st in STYLES if st.inline) + ")"
    f"[\u4e00-\u9fff]{{{GLUED_HEADING[0]},{GLUED_HEADING[1]}}}?"
    f"(?=(?:{_INLINE_MARKER}){INLINE_HEADING_START})"
)
RUN_ON = 200  # characters from which a line is checked for flattened items


# A marker of a style that may be glued to the text before it (see GLUED_RUN_STYLES).
_GLUED_MARKER = re.compile(
    "|".join(f"(?:{st.inline})" for st in STYLES if st.name in GLUED_RUN_STYLES).replace("?P<n>", "?:")
    + f"(?={INLINE_HEADING_START})"
)


def _split_glued_run(line: str) -> list[str]:
    """…工作(一)建筑施工场地专项整治…质监站(二)小街巷专项整治…: items flattened onto one line with no
    sentence end before their markers, split where the markers run (一)(二)(三) in order."""
    runs: list[list[tuple[int, int]]] = []  # (value, start) of each marker in a run from 1
    for m in _GLUED_MARKER.finditer(line):
        if m.start() > 0 and line[m.start() - 1] in GLUED_NOT_AFTER:
            continue
        marker = match_marker(m.group(0) + line[m.end() : m.end() + 1])
        if marker is None:
            continue
        if marker.value == 1:
            runs.append([(1, m.start())])
        elif runs and marker.value == runs[-1][-1][0] + 1 and m.start() - runs[-1][-1][1] >= GLUED_ITEM:
            runs[-1].append((marker.value, m.start()))
    cuts = sorted(start for run in runs if len(run) >= GLUED_RUN for _, start in run if start > 0)
    if not cuts:
        return [line]
    return [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def split_run_on(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        long = len(line) > RUN_ON
        parts = _split_glued_run(line) if long else [line]
        pieces = [p for part in parts for p in part.split(" ")] if long else parts
        for piece in pieces:
            if _INLINE_HEADING.search(piece) is None:  # no marker opening a heading inside: nothing to split
                if piece.strip():
                    out.append(piece.strip())
                continue
            for part in (_INLINE_CN if _ENUMERATION.search(piece) else _INLINE).split(piece):
                out.extend(p.strip() for p in _split_glued(part) if p.strip())
    return out


def _split_glued(line: str) -> list[str]:
    """三、整治对象(一)整治范围。 → 三、整治对象 / (一)整治范围。: the inline marker must be a first one."""
    m = _GLUED.match(line)
    if not m:
        return [line]
    sub = match_marker(line[m.end() :])
    if sub is None or sub.value != 1:
        return [line]
    return [line[: m.end()], *_split_glued(line[m.end() :])]
