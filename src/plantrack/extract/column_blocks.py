"""A table whose cells of several lines a page flattened column after column: a row's item cell
(1、起草…/2、代拟…/3、协调…) and then its date cell, the same number of lines, each a date or a
period (2005.1—4/2005.1—4/2005.2—4). Each item takes the date printed in its place, as the
"完成时限:" line a table row writes (tables.py), so the outline reads it like any row's deadline.

Only an exact fit counts: N numbered lines of one style (no item of that style just above them, no
text of their own on a second line) and then N lines that print nothing but a deadline.
"""

from __future__ import annotations

import re

from plantrack.extract.deadlines import find_deadlines
from plantrack.extract.outline import match_marker
from plantrack.lang.deadline_words import DATE_CELL_START
from plantrack.lang.tables import DEADLINE_COLUMN

MIN_BLOCK = 2  # one item with one date after it is that item's own line, read as it is
MAX_DATE_CELL = 24  # characters of a line that is a date cell (2025年10月至2026年6月底前 and a bar)


_DATE_START = re.compile(DATE_CELL_START)  # the cheap test first


def date_only(line: str) -> bool:
    """A line that prints one deadline and nothing else (2005.1—4, 6月底前, 长期坚持)."""
    if _DATE_START.match(line.strip()) is None:
        return False
    readings = find_deadlines(line, None).readings
    return len(readings) == 1 and readings[0].phrase == line.strip()


def join_date_columns(lines: list[str]) -> list[str]:
    dated = [len(ln) <= MAX_DATE_CELL and date_only(ln) for ln in lines]
    out: list[str] = []
    i = 0
    while i < len(lines):
        k = max(_run(dated, i), 1)
        if k < MIN_BLOCK or not _items_above(out, k):
            out.extend(lines[i : i + k])
        else:
            for n, date in zip(range(len(out) - k, len(out)), lines[i : i + k], strict=True):
                out[n] += f"\n{DEADLINE_COLUMN}:{date.strip()}"
        i += k
    return [piece for line in out for piece in line.split("\n")]


def _run(dated: list[bool], i: int) -> int:
    """How many date-only lines start at i (0 when line i is none)."""
    k = 0
    while i + k < len(dated) and dated[i + k]:
        k += 1
    return k


def _items_above(out: list[str], k: int) -> bool:
    """Whether the k lines just written are exactly a run of k numbered items of one style."""
    if len(out) < k:
        return False
    markers = [match_marker(ln) for ln in out[len(out) - k :]]
    if any(m is None for m in markers) or len({m.style for m in markers if m}) != 1:
        return False
    style = markers[0].style if markers[0] else ""
    above = match_marker(out[-k - 1]) if len(out) > k else None
    if above is not None and above.style == style:
        return False  # more items than dates: which date is whose cannot be told
    values = [m.value for m in markers if m]
    return values == list(range(values[0], values[0] + k))
