"""Task tables a page glued into running text: no bars, no line per cell, only the row numbers.

A document-sharing site may print a whole table as one stream (序号项目名称主要内容牵头单位配合单位1增加
教育资源供给实施…教育局经开区2促进就业…), cut into chunks it numbers itself (1、 2、 3、 at line starts,
falling mid-row). Such a stream is found by its glued header (序号 then column names, the last one a
known column, then the first row's 1); its chunks are joined, headers repeated at page breaks
dropped, and it is cut before each next row number (2 after 1, 3 after 2 …) that is not part of a
quantity (12个, 3%, 2021年). Each row becomes a table-row item line, as extract/tables.py writes them.
"""

from __future__ import annotations

import re

from plantrack.extract.glued_cells import Columns, header_columns, split_cells
from plantrack.lang.numbering import TABLE_ROW
from plantrack.lang.tables import LABEL_COLUMNS, NUMBER_COLUMNS, TASK_COLUMNS
from plantrack.lang.units import MULTIPLIERS, UNITS

MAX_HEADER = 60  # characters of a glued header after 序号
MIN_ROW = 4  # characters a row has at least before the next row number

_COLUMN = "|".join(sorted({*TASK_COLUMNS, *LABEL_COLUMNS}, key=len, reverse=True))
_HEADER = re.compile(
    f"(?:{'|'.join(NUMBER_COLUMNS)})(?P<cols>[\\u4e00-\\u9fff()]{{2,{MAX_HEADER}}}?(?:{_COLUMN}))(?=1\\D)"
)
_CHUNK = re.compile(r"^(?P<n>\d{1,3})、")
_AFTER_QUANTITY = tuple(
    sorted({*UNITS, *MULTIPLIERS, "%", "年", "月", "日", "号", "期", "届", "次"}, key=len)
)


def unglue_tables(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _HEADER.search(lines[i])
        alone = None if m else _header_alone(lines, i)
        if alone is not None:  # 序号项目名称…配合单位 on its own line, a row a line under it
            m, i = alone
            stream, i = _row_lines(lines, i)
            stream = m[0] + stream
        elif not m or not _has_columns(m["cols"]):
            out.append(lines[i])
            i += 1
            continue
        else:
            stream, i = _joined_chunks(lines, i)
        at = stream.find(m[0])
        if stream[:at].strip():
            out.append(stream[:at].strip())  # the table's title
        out.extend(_rows(stream[at + len(m[0]) :], m[0], header_columns(m["cols"])))
    return out


_ROW_START = re.compile(r"^(?P<n>\d{1,3})(?=[\u4e00-\u9fff])")


def _header_alone(lines: list[str], i: int) -> tuple[re.Match[str], int] | None:
    """A glued header that fills its line, with row 1 starting the next line."""
    if i + 1 >= len(lines) or not lines[i + 1].startswith("1"):
        return None
    line = lines[i].strip()
    m = _HEADER.match(line + "1" + lines[i + 1][1:2])
    if m is None or m.end() != len(line) or not _has_columns(m["cols"]):
        return None
    row = _ROW_START.match(lines[i + 1])
    return (m, i + 1) if row and row["n"] == "1" else None


def _row_lines(lines: list[str], start: int) -> tuple[str, int]:
    """Lines each opening with the next row number (1…, 2…), joined."""
    parts: list[str] = []
    expected = 1
    i = start
    while i < len(lines) and (row := _ROW_START.match(lines[i])) and int(row["n"]) == expected:
        parts.append(lines[i])
        expected += 1
        i += 1
    return "".join(parts), i


def _has_columns(cols: str) -> bool:
    return any(c in cols for c in (*TASK_COLUMNS, *LABEL_COLUMNS))


def _joined_chunks(lines: list[str], start: int) -> tuple[str, int]:
    """The header's line and the chunks that follow it (1、… 2、… numbered in turn), joined."""
    first = _CHUNK.match(lines[start])
    parts = [_CHUNK.sub("", lines[start])]
    expected = int(first["n"]) + 1 if first else None
    i = start + 1
    while i < len(lines) and expected is not None:
        m = _CHUNK.match(lines[i])
        if not m or int(m["n"]) != expected:
            break
        parts.append(lines[i][m.end() :])
        expected += 1
        i += 1
    return "".join(parts), i


def _rows(text: str, header: str, columns: Columns) -> list[str]:
    text = text.replace(header, "")  # the header again after a page break
    starts = [0]
    number = 1
    while True:
        pos = _next_number(text, str(number + 1), starts[-1] + MIN_ROW)
        if pos is None:
            break
        starts.append(pos)
        number += 1
    out: list[str] = []
    for k, begin in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        body = text[begin + len(str(k + 1)) : end].strip()
        body, cells = split_cells(body, columns)  # …增加学位900个。区教育局各街道: the agency cells
        if body:
            out.append(TABLE_ROW.format(k + 1) + body)
            out.extend(cells)
    return out


def _next_number(text: str, number: str, start: int) -> int | None:
    """Where ``number`` stands alone before a CJK character that does not make it a quantity."""
    pos = text.find(number, start)
    while pos >= 0:
        before = text[pos - 1] if pos else ""
        after = text[pos + len(number) :]
        if (
            not (before.isdigit() or before in ".-")
            and after[:1]
            and "\u4e00" <= after[0] <= "\u9fff"
            and not after.startswith(_AFTER_QUANTITY)
        ):
            return pos
        pos = text.find(number, pos + 1)
    return None
