"""Task tables turned into numbered lines the outline parser reads like any other item.

Two shapes arrive: rows whose cells are joined by " | " (HTML, .docx) and cell streams (one cell per
line, sometimes separated by lone "|" lines) left by pages that flattened a table. A row with
序号 N, task T, 牵头单位 L and 完成时限 D becomes the lines "⁣N⁣T", "牵头单位:L", "完成时限:D" (the row's
number between invisible separators: the numbering style table_row, which may start at any number).
"""

from __future__ import annotations

import re

from plantrack.extract.outline import match_marker
from plantrack.extract.table_notes import apply_rules, empty_cell_rules
from plantrack.lang.numbering import CN_NUMERAL, TABLE_ROW
from plantrack.lang.tables import (
    AGENCY_LABELS,
    COLUMN_JOINERS,
    DEADLINE_COLUMN,
    EMPTY_CELLS,
    FORM_MARK_LINES,
    FORM_MARKS,
    LABEL_COLUMNS,
    NAME_COLUMNS,
    NOTE_LINES,
    NUMBER_COLUMNS,
    PERIOD_COLUMNS,
    TASK_COLUMNS,
)

_TITLE_COLUMNS = (*NAME_COLUMNS, *TASK_COLUMNS)  # a row's text: its name cell first, then the task cells
_HEADER_WORDS = (
    *NUMBER_COLUMNS,
    *_TITLE_COLUMNS,
    *LABEL_COLUMNS,
    *PERIOD_COLUMNS,
    "备注",
    "序时进度",
    "进展情况",
)
_NUMBER = re.compile(r"^\d{1,3}$")
_UNIT_GLOSS = re.compile(r"(?<=.)\([^()]{1,4}\)$")
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
_YEAR_BEFORE_NAME = re.compile(r"^(?:19|20)\d{2}年(?=[\u4e00-\u9fff]{2})")
HEADER_LINE = 60  # a header written on one line (序号 工作任务 牵头单位 完成时限) is shorter than this
MAX_UNKNOWN_HEADER = 8  # characters of a column name the tables do not know (民生实事项目)
MAX_COLUMNS = 12
MIN_TASK_CELL = 4  # characters of a task cell, told from a number cell of the row before
MAX_EMPTY_GROUPS = 8  # group headings in a row without rows of their own, the table going on after them
MAX_OVERFLOW = 2  # lines more than the columns a row of a cell stream may print (a cell on two lines)
EMPTY_CELL = "\u2060"  # a line standing for an empty cell of a cell stream (blank_cells.py)


def _header_name(cell: str) -> str | None:
    text = "".join(cell.split())
    return text if text in _HEADER_WORDS else None


def column_name(cell: str) -> str | None:
    """A known column name, or a short unknown one (民生实事, 工作事项) that may name the task column
    (its unit gloss and a year before it left out)."""
    text = _UNIT_GLOSS.sub("", "".join(cell.split()))  # 权重(分), 投资额(万元): a unit after the name
    text = _YEAR_BEFORE_NAME.sub("", text)  # 2024年建设内容: the column of the plan's year
    if text in _HEADER_WORDS:
        return text
    if not (2 <= len(text) <= MAX_UNKNOWN_HEADER and _CJK_ONLY.match(text)):
        return None
    # 年度目标任务, 2020年重点任务: a task column's name after a word that only qualifies it
    return next((w for w in TASK_COLUMNS if text.endswith(w)), None) or _joined_task_column(text) or text


def _joined_task_column(text: str) -> str | None:
    """建设内容及目标, 目标任务和措施: a task column's name joined to another's."""
    parts = re.split("|".join(map(re.escape, COLUMN_JOINERS)), text)
    if len(parts) < 2:
        return None
    return next((p for p in parts if p in TASK_COLUMNS), None)


def _is_header(names: list[str]) -> bool:
    """A task column and another known one; or 序号 and an agency or deadline column (the task
    column then being the first unknown name)."""
    known = [n for n in names if n in _HEADER_WORDS]
    if any(n in _TITLE_COLUMNS for n in names) and len(known) >= 2:
        return True
    return (
        any(n in NUMBER_COLUMNS for n in names) and any(n in LABEL_COLUMNS for n in names) and len(names) >= 3
    )


def linearize_tables(lines: list[str]) -> list[str]:
    from plantrack.extract.glued_tables import unglue_tables

    lines = unglue_tables([_numbered_row(_unframe(ln)) for ln in lines if not _RULE_ROW.match(ln)])
    out: list[str] = []
    i = 0
    while i < len(lines):
        header, end = _header_at(lines, i) if _could_be_header(lines, i) else ([], i)
        if header and not _blank_form(lines, i):
            rows_end, rows = _rows(lines, end, header)
            if not rows:  # no row it can read (numbered items under it): the header stays for
                out.extend(lines[i:end])  # whoever reads the items (name_cells.py)
                i = end
                continue
            # (a table's rows may run on to the page's end: its note is among the lines they took)
            notes = [*lines[max(0, i - NOTE_LINES) : i], *lines[end : rows_end + NOTE_LINES]]
            out.extend(apply_rules(rows, empty_cell_rules(notes)))
            i = rows_end
        else:
            out.append(lines[i])
            i += 1
    return [ln for ln in out if ln != EMPTY_CELL]


_BRACKET_NUMBER = re.compile(rf"^\(([{CN_NUMERAL}]+)\)$")


def _numbered_row(line: str) -> str:
    """(一) | 全年实施重点项目120个 | 县发展改革局 | …: a row numbered (一) in its number cell is row 1 (a
    category row, (一) | 大气污染防治 | | |, fills no other cells and stays a heading)."""
    if " | " not in line:
        return line
    cells = _cells(line)
    m = _BRACKET_NUMBER.match(cells[0])
    if m is None or sum(bool(c) for c in cells[1:]) < 2:
        return line
    from plantrack.extract.numerals import parse_chinese

    number = parse_chinese(m[1])
    return " | ".join([str(number), *cells[1:]]) if number else line


def _blank_form(lines: list[str], header: int) -> bool:
    above = lines[max(0, header - FORM_MARK_LINES) : header]
    return any(mark in line for line in above for mark in FORM_MARKS)


# A Markdown table's delimiter row (| --- | :---: |, |---|---|, --- | ---): no cells, only the frame.
_BOLD = re.compile(r"\*\*(?=\S)([^*|]+?)\*\*")
_RULE_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$")


def _unframe(line: str) -> str:
    """| a | b | → a | b; a|b|c → a | b | c; 序号 | (one cell a line, each closed by a bar) → 序号;
    | | b | c (a row whose first cells are merged, never framed) keeps its empty cells; | **一、…** |
    (a Markdown cell in bold) → 一、…."""
    if "|" not in line or line.strip() == "|":
        return line
    line = _BOLD.sub(r"\1", line)
    if line.count("|") >= 2 and " | " not in line:  # 序号|工作任务|责任单位: bars without spaces
        line = _BAR.sub(" | ", line)
    line = line.strip()
    if line.startswith("| |") and not line.endswith("|"):  # | | 开展…: empty first cells, not a frame
        return " " + line.rstrip("|").strip()
    return line.strip("|").strip()


def _could_be_header(lines: list[str], i: int) -> bool:
    """Cheap test before the real one: header cells are short, header rows are cells or short lines,
    and every header names a known column on its line or (a stream of cells) the next one."""
    line = lines[i]
    if not (" | " in line or len(line) <= HEADER_LINE):
        return False
    return _KNOWN_NAME.search(line) is not None or (
        i + 1 < len(lines) and _KNOWN_NAME.search(lines[i + 1]) is not None
    )


# any known column name, spaces allowed inside it (序  号): a header's cells hold one, spaces removed
_KNOWN_NAME = re.compile(
    "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(_HEADER_WORDS, key=len, reverse=True))
)


_BAR = re.compile(r"\s*\|\s*")


def _cells(line: str) -> list[str]:
    """a | b | | d → four cells, the empty one kept (a merged cell or an empty one)."""
    return [c.strip() for c in _BAR.split(line)] if " | " in line else [line.strip()]


def _spaced_header(line: str) -> list[str]:
    """序号 工作任务 牵头单位 完成时限: a header whose cells a page joined with spaces."""
    if " " not in line:
        return []
    names = [column_name(t) for t in line.split()]
    if len(names) >= 2 and all(names):
        found = [n for n in names if n]
        return found if _is_header(found) else []
    return []


def _join_padded_names(tokens: list[str]) -> list[str]:
    """刘  明: a two-character name padded to a cell's width is one cell, not two."""
    out: list[str] = []
    for token in tokens:
        if out and _ONE_CJK.fullmatch(token) and _ONE_CJK.fullmatch(out[-1]):
            out[-1] += token
        else:
            out.append(token)
    return out


_ONE_CJK = re.compile(r"[\u4e00-\u9fff]")


_PUNCTUATED_NUMBER = re.compile(r"^(\d{1,3})\.(\S+)$")


def _spaced_row(line: str, columns: list[str]) -> list[str] | None:
    """1 新增城镇就业5000人 区人社局 年底前 → cells; extra tokens belong to the task column. (1.新增…:
    the number normalising punctuated, when the page printed it bare under a spaced header.)"""
    tokens = line.split()
    punctuated = _PUNCTUATED_NUMBER.match(tokens[0]) if len(tokens) >= len(columns) else None
    if punctuated:
        tokens[:1] = [punctuated[1], punctuated[2]]
    if len(tokens) < 2 or not _NUMBER.match(tokens[0]):
        return None
    rest = _join_padded_names(tokens[1:])
    extra = len(rest) - len(columns)
    task = _task_column(columns) or 0
    if extra > 0:
        rest[task : task + extra + 1] = ["".join(rest[task : task + extra + 1])]
    elif extra < 0:  # an empty cell the spaces swallowed: the agency columns at the end are the filled ones
        rest = [""] * -extra + rest
    return [tokens[0], *rest]


def header_at(lines: list[str], i: int) -> tuple[list[str], int]:
    """A table's column names starting at line i, and the line after them ([] and i: none there)."""
    return _header_at(lines, i) if _could_be_header(lines, i) else ([], i)


def _header_at(lines: list[str], i: int) -> tuple[list[str], int]:
    """Header column names starting at line i (a row, or a stream of header cells), and where they end."""
    spaced = _spaced_header(lines[i]) if " | " not in lines[i] else []
    if spaced:
        return spaced, i + 1
    cells = _cells(lines[i])
    if len(cells) > 1:
        row = [column_name(c) or "" for c in cells]
        return (row, i + 1) if _is_header(row) else ([], i)
    if not (_header_name(lines[i]) or (i + 1 < len(lines) and _header_name(lines[i + 1]))):
        return [], i  # a stream header starts with a known column name (or one title line before it)
    names: list[str] = []
    j = i
    while j < len(lines) and len(names) < MAX_COLUMNS:
        if lines[j].strip() == "|":
            j += 1
            continue
        name = column_name(lines[j])
        if name is None or (name not in _HEADER_WORDS and any(n in LABEL_COLUMNS for n in names)):
            break  # (an unknown name after the agency column is the first row's cell: 城镇新增就业)
        names.append(name)
        j += 1
    if not any(n in _HEADER_WORDS for n in names):
        return [], i
    while names and not _is_header(names) and names[0] not in _HEADER_WORDS:  # a title line before the header
        names.pop(0)
    return (names, j) if len(names) >= 2 and _is_header(names) else ([], i)


def _rows(lines: list[str], start: int, header: list[str]) -> tuple[int, list[str]]:
    """Numbered rows after the header; stops at the first line that is not part of the table."""
    has_number_col = any(h in NUMBER_COLUMNS for h in header)
    after_number = (
        header[header.index(next(h for h in header if h in NUMBER_COLUMNS)) + 1 :]
        if has_number_col
        else header[1:]
    )
    if _without_numbers(lines, start):  # (a 序号 column left empty, or none)
        return _unnumbered_rows(lines, start, header)
    if not has_number_col and _stream_without_numbers(lines, start, len(header)):
        return _unnumbered_stream(lines, start, header)
    out: list[str] = []
    stream: list[str] = []
    categories = _restarting_categories(lines, start)
    i = start
    while i < len(lines):
        line = lines[i]
        if line.strip() == "|":
            i += 1
            continue
        if i > start and " | " in line and _header_at(lines, i)[0]:
            break  # the header of the next table (附件2's form)
        section = _section_row(line)
        if section and line.startswith("(") and not _row_follows(lines, i + 1, after_number):
            section = None  # a cell of its own that opens with (一), not a group heading line
        if section is None and i in categories:
            section = f"{_cn_numeral(categories.index(i) + 1)}、{_cells(line)[0]}"
        spaced = _spaced_row(line, after_number) if " | " not in line and not section else None
        if section:  # 一、大气污染防治 (a line, or a row of its own) between the rows: the rows' heading
            if not _row_follows_headings(lines, i + 1, after_number):
                break
            out.extend(_rows_from_stream(stream, after_number))
            out.append(section)
            stream = []
        elif " | " in line and (more := _continuation(line, header, stream)) is not None:
            out.extend(_rows_from_stream(stream, after_number))
            out.extend(more)
            stream = []
        elif " | " in line or spaced:
            stream.extend(spaced or _cells(line))
            stream.append("\x00")  # row end
        else:
            stream.append("" if line == EMPTY_CELL else line.strip())
        i += 1
    out.extend(_rows_from_stream(stream, after_number))
    return i, out


def _continuation(line: str, header: list[str], stream: list[str]) -> list[str] | None:
    """|  | 开展“个转企”培育行动… | 区市场监管局、区税务局 | 年底前: a row whose number and task cells
    are merged with the row above is more of that task, its measure, units and deadline."""
    cells = _cells(line)
    task = _task_column(header)
    if (
        task is None
        or not stream
        or stream[-1] != "\x00"
        or len(cells) != len(header)
        or any(cells[: task + 1])
    ):
        return None
    row = dict(zip(header, cells, strict=True))
    lines = [
        v.rstrip("。") + "。" for c, v in row.items() if v and c not in LABEL_COLUMNS and c in _TITLE_COLUMNS
    ]
    lines += [f"{LABEL_COLUMNS[c]}:{v}" for c, v in row.items() if v and c in LABEL_COLUMNS]
    return lines if lines else None


_SECTION_LINE = re.compile(r"^[一二三四五六七八九十]+、|^\([一二三四五六七八九十]+\)(?=\S)")
_SECTION_CELL = re.compile(r"^(?:[一二三四五六七八九十]+[、.]?|\([一二三四五六七八九十]+\))$")
# a category cell holding its number and its name: 一、…, 一.…, (一)…, or 一 … (a space)
_SECTION_NAMED = re.compile(
    r"^(?P<n>[一二三四五六七八九十]+)(?:[、.]\s*|\s+)(?=\S)|^\([一二三四五六七八九十]+\)(?=\S)"
)


def _section_row(line: str) -> str | None:
    """一、大气污染防治, or the row 一 | 大气污染防治 | | | or 一、大气污染防治 | | | (its other cells
    empty): the heading line."""
    cells = _cells(line) if " | " in line else []
    if _SECTION_LINE.match(line):
        return cells[0] if cells and not any(cells[1:]) else line
    if len(cells) >= 2 and _SECTION_CELL.match(cells[0]) and cells[1] and not any(cells[2:]):
        return f"{cells[0].rstrip('、.')}、{cells[1]}" if cells[0][0] != "(" else cells[0] + cells[1]
    named = _SECTION_NAMED.match(cells[0]) if cells and not any(cells[1:]) else None
    if named and named["n"]:
        return f"{named['n']}、{cells[0][named.end() :]}"
    return cells[0] if named else None


def _restarting_categories(lines: list[str], start: int) -> list[int]:
    """Category rows without a number (提升政务服务效能 | | | |: text in the first cell only), each
    followed by row 1: the rows' headings when there are two or more (序号 restarting under each);
    a single one may be a note (单位:万元 | | |) above the rows."""
    found: list[int] = []
    i = start
    while i < len(lines) and (" | " in lines[i] or lines[i].strip() == "|"):
        cells = _cells(lines[i]) if " | " in lines[i] else [""]
        if cells[0] and not _NUMBER.match(cells[0]) and not any(cells[1:]) and _restarts(lines, i + 1):
            found.append(i)
        i += 1
    return found if len(found) >= 2 else []


def _restarts(lines: list[str], start: int) -> bool:
    """The next line that holds anything is row 1 (its row, or its number cell)."""
    line = next((ln for ln in lines[start : start + 3] if ln.strip() not in ("", "|")), "")
    return (_cells(line)[0] if " | " in line else line.strip()) == "1"


def _cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (a heading number the table implies but does not print)."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones else "")


def _row_follows(lines: list[str], start: int, columns: list[str]) -> bool:
    """The next line that holds anything is a numbered row of the table (its row, or its number cell)."""
    for line in lines[start : start + 3]:
        if line.strip() in ("", "|"):
            continue
        if " | " in line:
            return bool(_NUMBER.match(_cells(line)[0]))
        return bool(_NUMBER.match(line.strip()) or _spaced_row(line, columns))
    return False


def _row_follows_headings(lines: list[str], start: int, columns: list[str]) -> bool:
    """A numbered row follows, after at most a few more headings (二、… 三、… 六、… 68: an extract of a
    table keeping every group's heading, the rows of only some)."""
    i = start
    for _ in range(MAX_EMPTY_GROUPS + 1):
        if _row_follows(lines, i, columns):
            return True
        while i < len(lines) and lines[i].strip() in ("", "|"):
            i += 1
        if i >= len(lines) or not _SECTION_LINE.match(lines[i]) or " | " in lines[i]:
            return False
        i += 1
    return False


def _without_numbers(lines: list[str], start: int) -> bool:
    """Rows joined by bars, none of whose cells is a row number."""
    rows = [ln for ln in lines[start : start + 3] if " | " in ln]
    return bool(rows) and " | " in lines[start] and not any(_NUMBER.match(c) for r in rows for c in _cells(r))


def _stream_without_numbers(lines: list[str], start: int, width: int) -> bool:
    """One cell a line, and no row number among the first two rows' cells (nor an item numbered on
    its own line, 1.主动公开…: the rows are the items, whose cells stand under them)."""
    cells = [ln for ln in lines[start : start + 3 * width] if ln.strip() != "|"][: 2 * width]
    numbered = any(" | " in c or _NUMBER.match(c) or match_marker(c) is not None for c in cells)
    return len(cells) == 2 * width and not numbered


def _unnumbered_stream(lines: list[str], start: int, header: list[str]) -> tuple[int, list[str]]:
    """A one-cell-a-line table without 序号: every ``len(header)`` cells are a row while each row's
    agency cells read as organisation names; the table ends at the first row that does not."""
    from plantrack.lang.org_names import ORGAN_SUFFIXES

    width = len(header)
    agency_cols = [k for k, h in enumerate(header) if LABEL_COLUMNS.get(h) in AGENCY_LABELS]
    out: list[str] = []
    i, number = start, 0
    while agency_cols:
        cells: list[str] = []
        j = i
        while j < len(lines) and len(cells) < width:
            if lines[j].strip() != "|":
                cells.append(lines[j].strip())
            j += 1
        if len(cells) < width or not all(_names_organs(cells[k], ORGAN_SUFFIXES) for k in agency_cols):
            break
        number += 1
        out.extend(_unnumbered_row_lines(number, dict(zip(header, cells, strict=True))))
        i = j
    return i, out


def _names_organs(cell: str, suffixes: tuple[str, ...]) -> bool:
    names = [n for n in re.split(r"[、,;\s]+", cell) if n]
    return bool(names) and all(n.endswith(suffixes) or n.startswith("各") for n in names)


def _unnumbered_rows(lines: list[str], start: int, header: list[str]) -> tuple[int, list[str]]:
    """An indicator table without a 序号 column (指标 | 目标值 | 责任单位): each row is one task,
    numbered in order; the table ends at the first line that is not a row."""
    out: list[str] = []
    i, number = start, 0
    unnumbered = [h for h in header if h not in NUMBER_COLUMNS]
    while i < len(lines) and " | " in lines[i]:
        cells = _cells(lines[i])
        names = header if len(cells) >= len(header) else unnumbered  # the empty 序号 cell framed away
        rows = _unnumbered_row_lines(number + 1, {n: c for n, c in zip(names, cells, strict=False) if n})
        number += bool(rows)
        out.extend(rows)
        i += 1
    return i, out


def _unnumbered_row_lines(number: int, row: dict[str, str]) -> list[str]:
    """The row's task cell, its other unlabelled cells after a colon (城镇新增就业:5000人以上), and its
    labelled cells; nothing for a row without a task."""
    header = list(row)
    task = next((c for c in header if c in NAME_COLUMNS), None) or next(
        (c for c in header if c in TASK_COLUMNS), header[0]
    )
    name = row.get(task, "").rstrip("。")
    if not name:
        return []
    values = [v.rstrip("。") for c, v in row.items() if c != task and c not in LABEL_COLUMNS and v]
    cells = {task: ":".join([name, ",".join(values)]) if values else name}
    cells.update((c, v) for c, v in row.items() if c in LABEL_COLUMNS)
    return _row_lines(str(number), cells)


def _rows_from_stream(stream: list[str], columns: list[str]) -> list[str]:
    out: list[str] = []
    expected: int | None = None  # the first row may be any number (a page that starts mid-table)
    k = 0
    while k < len(stream):
        cell = stream[k]
        if _NUMBER.match(cell) and (expected is None or int(cell) in (expected, expected + 1)):
            values, used = _row_values(stream, k + 1, columns, str(int(cell) + 1))
            rest = stream[k + 1 + used :]
            k += used
            if rest and len(values) < len(columns) and all(c == "\x00" for c in rest):
                # the last row, short: the page ends inside it (its cells are in place, the rest is cut)
                out.extend(_row_lines(cell, dict(zip(columns, values, strict=False)), cut=True))
            else:
                out.extend(_row_lines(cell, _short_row(values, columns), _cut(values, columns)))
            expected = int(cell) + 1
            k += 1
        else:
            k += 1
    return out


def _unknown_columns(row: dict[str, str]) -> list[str]:
    return [c for c in row if c and c not in _HEADER_WORDS and row[c]]


def _task_column(columns: list[str]) -> int | None:
    """Where a row's task text is: its first task column (工作任务, 项目内容), else its name column."""
    for words in (TASK_COLUMNS, NAME_COLUMNS):
        found = next((i for i, c in enumerate(columns) if c in words), None)
        if found is not None:
            return found
    return None


def _row_values(stream: list[str], start: int, columns: list[str], following: str) -> tuple[list[str], int]:
    """The cells after a row's number, and the lines they take: up to the row's end mark, the
    table's width, or the next row's number followed by its task (a row whose merged cells left no
    line of their own); past the width, the lines of an agency cell printed on two (镇环卫所 /
    各村(社区))."""
    width = len(columns)
    values: list[str] = []
    window = stream[start : start + width]
    for j, cell in enumerate(window):
        if cell == "\x00":
            break
        after = stream[start + j + 1] if start + j + 1 < len(stream) else ""
        if values and cell == following and len(after) >= MIN_TASK_CELL and not _NUMBER.match(after):
            break
        values.append(cell)
    folded = _fold(stream, start, columns, following) if len(values) == width else None
    return folded or (values, len(values))


def _fold(stream: list[str], start: int, columns: list[str], following: str) -> tuple[list[str], int] | None:
    """A row printing one or two lines more than its columns, ending where the next row's number
    and task start or where the table ends, whose agency cell and the lines after it are names: the
    row with those names as one cell."""
    from plantrack.extract.orgnames import looks_like_org

    agencies = [k for k, c in enumerate(columns) if LABEL_COLUMNS.get(c) in AGENCY_LABELS]
    if not agencies:
        return None
    agency, others = agencies[0], agencies[1:]
    width = len(columns)
    for extra in range(1, MAX_OVERFLOW + 1):
        cells = stream[start : start + width + extra]
        after = stream[start + width + extra : start + width + extra + 2]
        if len(cells) < width + extra or any(c == "\x00" or _NUMBER.match(c) for c in cells):
            return None
        ends = not after or after[0] == "\x00"
        if not ends and not (after[0] == following and len(after) > 1 and len(after[1]) >= MIN_TASK_CELL):
            continue
        names = cells[agency : agency + extra + 1]
        if not all(looks_like_org(n) for n in names):
            return None
        row = [*cells[:agency], "、".join(names), *cells[agency + extra + 1 :]]
        if not all(looks_like_org(row[k]) for k in others):  # 县卫健局 | 县妇联 | 2020年12月底: two columns
            return None
        return row, width + extra
    return None


def _short_row(values: list[str], columns: list[str]) -> dict[str, str]:
    """Cells of a row in a cell stream: a short row (merged cells print nothing) keeps its task and
    its last cells in place, the empty ones being those between (the agency columns)."""
    if len(values) >= len(columns) or " | " in "".join(values):
        return dict(zip(columns, values, strict=False))
    from plantrack.extract.orgnames import looks_like_org

    first = _task_column(columns) or 0
    task = max(first, min(_last_task_column(columns), len(values) - 2))  # one cell at least after them
    while task > first and looks_like_org(values[task]):  # an empty content cell: a name is the agency's
        task -= 1
    head, tail = values[: task + 1], values[task + 1 :]
    row = dict.fromkeys(columns, "")
    row.update(zip(columns, head, strict=False))
    if tail:
        row.update(zip(columns[len(columns) - len(tail) :], tail, strict=True))
    return row


def _last_task_column(columns: list[str]) -> int:
    """The last of the task columns that follow the first (工作任务 | 具体内容 | 责任单位: 具体内容)."""
    task = _task_column(columns) or 0
    while task + 1 < len(columns) and columns[task + 1] in _TITLE_COLUMNS:
        task += 1
    return task


def _cut(values: list[str], columns: list[str]) -> bool:
    """A row that ends with its task cell (…按照“以奖代补”方式): the page was cut inside it."""
    task = _task_column(columns) or 0
    return len(values) == task + 1 < len(columns)


def _row_lines(number: str, row: dict[str, str], cut: bool = False) -> list[str]:
    # in printed order, a name column first (任务 | 具体措施, 项目名称 | 项目内容: the first is the title)
    filled = [c for c in row if c in _TITLE_COLUMNS and row[c]]
    task_cols = sorted(filled, key=lambda c: c not in NAME_COLUMNS) or _unknown_columns(row)[:1]
    if not task_cols:
        return []
    end = "" if cut else "。"  # a cut row keeps its open end, so the page's end is seen as such
    lines = [TABLE_ROW.format(number) + "。".join(row[c].rstrip("。") for c in task_cols) + end]
    for col, value in row.items():
        label = LABEL_COLUMNS.get(col)
        if label and value:
            lines.append(f"{label}:{value}")
        elif col in PERIOD_COLUMNS and value.strip() not in EMPTY_CELLS:  # a milestone that quarter
            lines.append(f"{DEADLINE_COLUMN}:{PERIOD_COLUMNS[col]}")
    return lines
