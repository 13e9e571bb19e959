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

from plantrack.lang.org_names import ORGAN_SUFFIXES
from plantrack.lang.tables import LABEL_COLUMNS, NAME_COLUMNS, NUMBER_COLUMNS, PERIOD_COLUMNS, TASK_COLUMNS

_GAP = re.compile(r"[ \u3000\u00a0]{2,}")
_NUMBER_HEAD = re.compile("^(?:" + "|".join(NUMBER_COLUMNS) + ") ", re.MULTILINE)
_COLLAPSED_ROW = re.compile(r"^(\d{1,3}) (.+) ([\u4e00-\u9fff、]{2,30})$")
_KNOWN = frozenset((*NUMBER_COLUMNS, *NAME_COLUMNS, *TASK_COLUMNS, *LABEL_COLUMNS, *PERIOD_COLUMNS))
MIN_CELLS = 3  # a header has at least this many cells
MAX_HEADER_CELL = 10  # characters of a column name
MIN_KNOWN = 2  # column names a header needs to be one
MAX_BETWEEN = 20  # characters of a line between the rows (一、统计改革, 续表)
EMPTY_GAP = 4  # spaces of a gap that may hold an empty cell


def may_hold_spaced_table(text: str) -> bool:
    """A cheap test before reading rows: a run of spaces, or a number column's name opening a line."""
    return "  " in text or _NUMBER_HEAD.search(text) is not None


def spaced_rows(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    width = 0  # columns of the table being read, 0 outside a table
    single = False  # a table whose spaces a page collapsed to one, its unit column last
    last = max((k for k, line in enumerate(lines) if line.strip()), default=-1)
    for k, line in enumerate(lines):
        cells = _split(line)
        header = _header_width(cells)
        collapsed = _collapsed_header(line) if not header else []
        if header or collapsed:
            width, single = header or len(collapsed), bool(collapsed)
            out.append(" | ".join(cells or collapsed))
        elif single and (row := _collapsed_row(line)):
            out.append(" | ".join(row))
        elif single and len(line.strip()) <= MAX_BETWEEN:
            out.append(line)
        elif single:
            width, single = 0, False
            out.append(line)
        elif width and len(cells) >= 2:
            out.append(" | ".join(_row(line, width, cut=k == last)))
        elif width and len(line.strip()) <= MAX_BETWEEN:
            out.append(line)
        else:
            width = 0
            out.append(line)
    return "\n".join(out)


def _collapsed_header(line: str) -> list[str]:
    """序号 工 作 任 务 牵头负责部门: a header whose gaps a page collapsed to one space (a column name's
    own spaced letters joined again), read only in its plain shape: a number, a task, the unit last."""
    tokens: list[str] = []
    for word in line.split():
        if len(word) == 1 and tokens and len(tokens[-1]) < MAX_HEADER_CELL and tokens[-1] not in _KNOWN:
            tokens[-1] += word  # 工 作 任 务
        else:
            tokens.append(word)
    plain = (
        len(tokens) == 3
        and tokens[0] in NUMBER_COLUMNS
        and tokens[1] in (*TASK_COLUMNS, *NAME_COLUMNS)
        and tokens[2] in LABEL_COLUMNS
    )
    return tokens if plain else []


def _collapsed_row(line: str) -> list[str]:
    """1 居民消费价格涨幅3%左右 发展改革委: the number, the task, and the unit after the last space."""
    m = _COLLAPSED_ROW.match(line.strip())
    return [m[1], m[2], m[3]] if m and m[3].endswith(ORGAN_SUFFIXES) else []


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
