"""Large sheets written row by row (openpyxl's write-only mode) with named styles made once per
workbook: the ledger of 2,000 tasks and its agency sheets without a styled cell object per cell."""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from datetime import date
from typing import Any

from plantrack.office.cells import CellValue, looks_like_formula
from plantrack.office.xlsx_style import DATE, FONT, HEADER_FILL, PERCENT


class Styles:
    """Named styles of one workbook: title, note, header, section, and data cells by number format and
    fill colour, registered on first use."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.names: set[str] = set()

    def get(self, kind: str, number_format: str | None = None, fill: str | None = None) -> str:
        name = f"pt-{kind}-{number_format or ''}-{fill or ''}"
        if name not in self.names:
            self.wb.add_named_style(self._make(name, kind, number_format, fill))
            self.names.add(name)
        return name

    def _make(self, name: str, kind: str, number_format: str | None, fill: str | None) -> Any:
        from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

        style = NamedStyle(name)
        thin = Side(style="thin", color="BFBFBF")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        if kind == "title":
            style.font = Font(name=FONT, size=14, bold=True)
            style.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        elif kind == "note":
            style.font = Font(name=FONT, size=10)
            style.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        elif kind == "header":
            style.font = Font(name=FONT, size=11, bold=True)
            style.fill = PatternFill("solid", fgColor=HEADER_FILL)
            style.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            style.border = box
        elif kind == "section":
            style.font = Font(name=FONT, size=11, bold=True)
            style.fill = PatternFill("solid", fgColor="F2F2F2")
        else:
            style.font = Font(name=FONT, size=10)
            style.alignment = Alignment(vertical="top", wrap_text=True)
            style.border = box
        if fill:
            style.fill = PatternFill("solid", fgColor=fill)
        if number_format:
            style.number_format = number_format
        return style


class SheetWriter:
    """Appends rows to a write-only sheet, keeping the row number, merges and print set-up."""

    def __init__(self, wb: Any, styles: Styles, title: str, widths: Sequence[int], header_row: int) -> None:
        from openpyxl.utils import get_column_letter

        self.ws = wb.create_sheet(title)
        # Written ahead of the rows in write-only mode: set before the first one.
        self.ws.freeze_panes = f"A{header_row + 1}"
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.styles = styles
        self._arrays: dict[str, Any] = {}
        self.row = 0
        self.merges: list[str] = []
        for i, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = w

    def _cell(self, value: CellValue, style: str) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.ws, value=value)
        array = self._arrays.get(style)
        if array is None:  # the named style once, then a copy of its index array per cell
            cell.style = style
            self._arrays[style] = copy(cell._style)
        else:
            cell._style = copy(array)
        if isinstance(value, str):
            cell.data_type = "s"
            if looks_like_formula(value):
                cell.quotePrefix = True  # after the style, which would reset it
        return cell

    def merged(self, text: str, columns: int, kind: str, height: float | None = None) -> None:
        from openpyxl.utils import get_column_letter

        self.row += 1
        if height:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append([self._cell(text, self.styles.get(kind))])
        if columns > 1:
            self.merges.append(f"A{self.row}:{get_column_letter(columns)}{self.row}")

    def header(self, names: Sequence[str]) -> int:
        self.row += 1
        self.ws.row_dimensions[self.row].height = 32
        style = self.styles.get("header")
        self.ws.append([self._cell(n, style) for n in names])
        return self.row

    def data(
        self, values: Sequence[CellValue], formats: dict[int, str], fills: dict[int, str] | None = None
    ) -> None:
        self.row += 1
        fills = fills or {}
        cells = []
        for i, v in enumerate(values):
            fmt = formats.get(i) or (DATE if isinstance(v, date) else None)
            cells.append(self._cell(v, self.styles.get("data", fmt, fills.get(i))))
        self.ws.append(cells)

    def finish(self, header_row: int, columns: int) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.cell_range import CellRange

        for ref in self.merges:
            self.ws.merged_cells.add(CellRange(ref))
        ws = self.ws
        last_col = get_column_letter(columns)
        ws.auto_filter.ref = f"A{header_row}:{last_col}{max(self.row, header_row)}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.print_options.horizontalCentered = True
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"


__all__ = ["PERCENT", "SheetWriter", "Styles"]
