"""Cell values that stay data: text that looks like a formula is written as text, CSV is escaped.

A note typed as `=HYPERLINK(...)`, `+1`, `-3` or `@SUM(...)` must never run in the office's Excel
(CSV injection, OWASP). In .xlsx such text is stored as a string with Excel's quote prefix; in CSV
it gets a leading apostrophe and the field is quoted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
CellValue = str | int | float | date | datetime | None


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def set_cell(cell: Any, value: CellValue, number_format: str | None = None) -> None:
    """Put a value into an openpyxl cell: text always as text, dates as dates, numbers as numbers."""
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl would take a leading = as a formula
        if looks_like_formula(value):
            cell.quotePrefix = True  # Excel keeps it text when someone edits the cell
        return
    cell.value = value
    if isinstance(value, datetime | date):
        cell.number_format = number_format or "yyyy-mm-dd"
    elif number_format and value is not None:
        cell.number_format = number_format


def csv_field(value: CellValue) -> str | int | float:
    """A CSV field: numbers as numbers, dates ISO, formula-like text behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, int | float):
        return value
    return "'" + value if looks_like_formula(value) else value


def csv_text(rows: Iterable[Sequence[CellValue]]) -> str:
    """CSV with every text field quoted (numbers bare), \\r\\n line ends, as Excel reads it."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_field(v) for v in row])
    return buf.getvalue()


def text_width(text: str) -> int:
    """Display width: a Chinese (wide) character counts two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def safe_sheet_title(name: str, taken: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique among `taken`."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'") or "Sheet"
    title = cleaned[:31]
    n = 2
    while title in taken:
        suffix = f"({n})"
        title = cleaned[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title)
    return title
