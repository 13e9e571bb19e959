"""Fill a fill-in sheet the way a member unit does: by header, in the task's row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

HEADER_ROW = 4


def headers(sheet: Any) -> dict[str, int]:
    return {str(c.value): c.column for c in sheet[HEADER_ROW] if c.value is not None}


def task_row(sheet: Any, task: str) -> int:
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row, 1).value == task:
            return row
    raise KeyError(task)


def fill(path: Path, rows: dict[str, dict[str, Any]], out: Path | None = None) -> Path:
    """rows: task id -> {header or header prefix: value}."""
    wb = openpyxl.load_workbook(path)
    sheet = wb["进展填报"]
    cols = headers(sheet)
    for task, values in rows.items():
        r = task_row(sheet, task)
        for name, value in values.items():
            col = cols.get(name) or next(c for h, c in cols.items() if h.startswith(name))
            sheet.cell(r, col).value = value
    target = out or path
    wb.save(target)
    return target
