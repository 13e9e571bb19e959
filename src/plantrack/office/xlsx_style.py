"""openpyxl styling shared by the ledger, fill-in sheets and reminder lists: title row, header row,
widths for Chinese text, wrapping, print set-up (A4 landscape, header row repeated)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plantrack.office.cells import CellValue, set_cell

FONT = "宋体"
HEADER_FILL = "DDEBF7"
LOCKED_FILL = "EDEDED"
PERCENT = "0.0%"
DATE = "yyyy-mm-dd"


def workbook_bytes(wb: Any) -> bytes:
    """The workbook as the bytes of an .xlsx file (written to disk by fsguard.write_file).

    openpyxl writes each sheet through a file in the system's temporary folder: a full disk or no
    permission there is a StorageError in Chinese, like every other write. (lxml reports it as a
    SerialisationError named after the errno, IO_EFBIG, and the sheet writer it leaves open would
    print an "Exception ignored" traceback when collected: after a failure it is collected here,
    quietly.)"""
    import gc
    import io
    import sys

    data = io.BytesIO()
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        failure = _save(wb, data)
        if failure is not None:
            gc.collect()  # only then: a full collection of a large ledger's heap takes 0.5 s
    finally:
        sys.unraisablehook = hook
    if failure is not None:
        raise failure
    return data.getvalue()


def _save(wb: Any, data: Any) -> Exception | None:
    """wb.save(data); a failure to write a temporary file is returned as a StorageError."""
    import errno
    import tempfile

    from plantrack.fsguard import storage_error

    where = f"系统临时文件夹 {tempfile.gettempdir()}"  # where openpyxl writes its sheets first
    try:
        wb.save(data)
    except OSError as e:
        return storage_error(e, e.filename or where)
    except Exception as e:  # lxml.etree.SerialisationError("IO_EFBIG"), when openpyxl uses lxml
        name = str(e).removeprefix("IO_")
        if (
            type(e).__name__ != "SerialisationError"
            or not str(e).startswith("IO_")
            or not hasattr(errno, name)
        ):
            raise
        return storage_error(OSError(getattr(errno, name), str(e)), where)
    return None


def title_row(ws: Any, text: str, columns: int, row: int = 1, size: int = 14) -> None:
    from openpyxl.styles import Alignment, Font

    cell = ws.cell(row=row, column=1)
    set_cell(cell, text)
    cell.font = Font(name=FONT, size=size, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if columns > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    ws.row_dimensions[row].height = 30


def note_row(ws: Any, text: str, columns: int, row: int, height: float = 18) -> None:
    from openpyxl.styles import Alignment, Font

    cell = ws.cell(row=row, column=1)
    set_cell(cell, text)
    cell.font = Font(name=FONT, size=10)
    cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
    if columns > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    ws.row_dimensions[row].height = height


def header_row(ws: Any, names: Sequence[str], row: int, widths: Sequence[int] = ()) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="808080")
    for col, name in enumerate(names, start=1):
        cell = ws.cell(row=row, column=col)
        set_cell(cell, name)
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        width = widths[col - 1] if col - 1 < len(widths) else max(10, len(name) * 2 + 2)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[row].height = 32


def data_row(
    ws: Any,
    values: Sequence[CellValue],
    row: int,
    formats: dict[int, str] | None = None,
    fill: str | None = None,
) -> None:
    """One data row: wrapped, top-aligned, thin borders; formats by 0-based column."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="BFBFBF")
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col)
        set_cell(cell, value, (formats or {}).get(col - 1))
        cell.font = Font(name=FONT, size=10)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)


def section_row(ws: Any, text: str, row: int, columns: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    cell = ws.cell(row=row, column=1)
    set_cell(cell, text)
    cell.font = Font(name=FONT, size=11, bold=True)
    cell.fill = PatternFill("solid", fgColor="F2F2F2")
    cell.alignment = Alignment(vertical="center")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)


def fill(ws: Any, row: int, col: int, color: str) -> None:
    from openpyxl.styles import PatternFill

    ws.cell(row=row, column=col).fill = PatternFill("solid", fgColor=color)


def print_setup(ws: Any, header_row_no: int, columns: int, last_row: int, filter_: bool = True) -> None:
    """Frozen header, auto-filter, A4 landscape fitted to the page width, header row on every page."""
    from openpyxl.utils import get_column_letter

    last_col = get_column_letter(columns)
    ws.freeze_panes = ws.cell(row=header_row_no + 1, column=1)
    if filter_ and last_row >= header_row_no:
        ws.auto_filter.ref = f"A{header_row_no}:{last_col}{max(last_row, header_row_no)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row_no}:{header_row_no}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
