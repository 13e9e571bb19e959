"""A table's agency cells left standing alone under numbered items: a page that flattened a table
whose header names one agency column (工作任务 / 具体要求 / 落实科室(部门)) prints each row's item,
then its agency cell on a line of its own. A cell holding a cue (各科室按职责分工落实) reads as any
attribution line does; one holding names and nothing else (办公室) is written with the column's label
(责任单位:办公室), so it reads as the labelled line it is.
"""

from __future__ import annotations

from plantrack.extract.agencies import only_names
from plantrack.extract.orgnames import looks_like_org
from plantrack.extract.outline import match_marker
from plantrack.extract.tables import column_name, header_at
from plantrack.lang.tables import AGENCY_LABELS, LABEL_COLUMNS

MAX_CELL = 40  # characters of a line of names that is a cell
MAX_COLUMN_NAME = 12  # characters of a header cell naming an agency column (落实科室(部门))


_FIRST_CHARS = frozenset(c[0] for c, label in LABEL_COLUMNS.items() if label in AGENCY_LABELS)


def _agency_column(line: str) -> bool:
    if len(line) > MAX_COLUMN_NAME or line[:1] not in _FIRST_CHARS:  # most lines: no column name at all
        return False
    return LABEL_COLUMNS.get(column_name(line) or "") in AGENCY_LABELS


def label_name_cells(lines: list[str]) -> list[str]:
    if not any(map(_agency_column, lines)):  # no header cell of an agency column on a line of its own
        return lines
    out: list[str] = []
    label: str | None = None  # the agency column's label of the table being read
    after_item = False  # an item's line came since the header (a cell before any is the header's)
    i = 0
    while i < len(lines):
        columns, end = header_at(lines, i)
        if columns:
            labels = {LABEL_COLUMNS[c] for c in columns if c in LABEL_COLUMNS} & AGENCY_LABELS
            label = labels.pop() if len(labels) == 1 else None
            after_item = False
            out.extend(lines[i:end])
            i = end
            continue
        line = lines[i]
        if label is not None and after_item and _names_cell(line):
            line = f"{label}:{line}"
        elif match_marker(line) is not None:
            after_item = True
        out.append(line)
        i += 1
    return out


def _names_cell(line: str) -> bool:
    text = line.strip()
    if not text or len(text) > MAX_CELL or not only_names(text):
        return False
    return all(looks_like_org(n.removesuffix("等")) for n in text.split("、"))
