"""Tables a text file holds as rows of cells separated by runs of spaces (a page or a Word table
copied as text: 序号  重点任务  具体措施  责任科室  完成时限).

Normalising collapses every run of spaces to one, and a cell's own spaces would then split it, so
the rows are read here first: a header line whose cells are column names, then the lines after it
whose cells are separated by two or more spaces, each written as one line of cells joined by " | ",
the shape every other reader gives a table. A longer run of spaces where a row has too few cells is
an empty cell (a merged one); a row still short (the page ends inside it) keeps its first cells in
place. Short lines between the rows (一、统计改革, 续表) are kept as they are.
"""

from __future__ import annotations

import re

from plantrack.lang.tables import LABEL_COLUMNS, NAME_COLUMNS, NUMBER_COLUMNS, PERIOD_COLUMNS, TASK_COLUMNS

_GAP = re.compile(r"[ \u3000\u00a0]{2,}")
_KNOWN = frozenset((*NUMBER_COLUMNS, *NAME_COLUMNS, *TASK_COLUMNS, *LABEL_COLUMNS, *PERIOD_COLUMNS))
MIN_CELLS = 3  # a header has at least this many cells
MAX_HEADER_CELL = 10  # characters of a column name
MIN_KNOWN = 2  # column names a header needs to be one
MAX_BETWEEN = 20  # characters of a line between the rows (一、统计改革, 续表)
EMPTY_GAP = 4  # spaces of a gap that may hold an empty cell


def spaced_rows(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    width = 0  # columns of the table being read, 0 outside a table
    last = max((k for k, line in enumerate(lines) if line.strip()), default=-1)
    for k, line in enumerate(lines):
        cells = _split(line)
        header = _header_width(cells)
        if header:
            width = header
            out.append(" | ".join(cells))
        elif width and len(cells) >= 2:
            out.append(" | ".join(_row(line, width, cut=k == last)))
        elif width and len(line.strip()) <= MAX_BETWEEN:
            out.append(line)
        else:
            width = 0
            out.append(line)
    return "\n".join(out)


def _split(line: str) -> list[str]:
    text = line.strip(" \u3000\u00a0\r")
    return _GAP.split(text) if _GAP.search(text) and "|" not in text and "\t" not in text else []


def _header_width(cells: list[str]) -> int:
    """The number of columns when the cells are a header: short column names, enough of them known."""
    if len(cells) < MIN_CELLS or any(len(c) > MAX_HEADER_CELL for c in cells):
        return 0
    known = sum("".join(c.split()) in _KNOWN for c in cells)
    return len(cells) if known >= MIN_KNOWN and "".join(cells[0].split()) in _KNOWN else 0


def _row(line: str, width: int, cut: bool) -> list[str]:
    """The row's cells: a long gap holds an empty cell while the row has too few; a row still short
    has empty cells at its end, unless it is the page's last (the page ends inside it)."""
    text = line.strip(" \u3000\u00a0\r")
    gaps = list(_GAP.finditer(text))
    cells = _GAP.split(text)
    missing = width - len(cells)
    if missing > 0:
        long_gaps = sorted(
            (k for k, g in enumerate(gaps) if len(g[0]) >= EMPTY_GAP), key=lambda k: -len(gaps[k][0])
        )[:missing]
        for k in sorted(long_gaps, reverse=True):
            cells.insert(k + 1, "")
    return cells if cut else [*cells, *[""] * (width - len(cells))]
