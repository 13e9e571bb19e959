"""Large sheets for the ledger (2,000 tasks and their agency sheets): openpyxl writes the workbook's
frame (named styles, column widths, frozen panes, merges, filter, print set-up, defined names),
and the rows are written here as sheet XML, then put into the saved file. openpyxl's per-cell
objects cost about 30 µs a cell; a ledger has 300,000 of them.

Text is written inline, as openpyxl itself writes it, so the file is an ordinary one: openpyxl,
python-calamine, Excel, WPS and LibreOffice read it the same way.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from io import BytesIO
from operator import itemgetter
from pathlib import Path
from typing import Any

from plantrack.office.cells import FORMULA_STARTS, CellValue, looks_like_formula
from plantrack.office.xlsx_style import DATE, FONT, HEADER_FILL, PERCENT

# What XML 1.0 cannot hold (openpyxl refuses it too): dropped from text.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_EPOCH = date(1899, 12, 30).toordinal()  # Excel's day 0 (1900 date system, after its leap-year bug)
_LINE_PT = 13.5  # one line of 10-point text
_MAX_LINES = 30  # Excel's limit is 409 points
_EMPTY_DATA = (b"<sheetData />", b"<sheetData/>", b"<sheetData></sheetData>")
_XML, _LINES = itemgetter(0), itemgetter(1)  # of a kept cell: its XML, its lines
_ROW = "\x00"  # the row number's place in a kept cell's XML (never in text: _ILLEGAL drops it)


class Styles:
    """Named styles of one workbook: title, note, header, section, and data cells by number format and
    fill colour, registered on first use; each with its cell-format index (`s` in the sheet XML)."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.names: set[str] = set()
        self._ids: dict[tuple[str, bool], int] = {}

    def get(self, kind: str, number_format: str | None = None, fill: str | None = None) -> str:
        name = f"pt-{kind}-{number_format or ''}-{fill or ''}"
        if name not in self.names:
            self.wb.add_named_style(self._make(name, kind, number_format, fill))
            self.names.add(name)
        return name

    def index(self, ws: Any, name: str, quote: bool = False) -> int:
        """The cell-format index of a named style (with Excel's quote prefix: text that stays text)."""
        found = self._ids.get((name, quote))
        if found is None:
            from openpyxl.cell import WriteOnlyCell

            cell = WriteOnlyCell(ws)
            cell.style = name
            if quote:
                cell.quotePrefix = True  # after the style, which would reset it
            found = self._ids[(name, quote)] = cell.style_id
        return found

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


def _letters(n: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(i) for i in range(1, n + 1)]


class SheetWriter:
    """Rows of one sheet as XML, keeping the row number, merges and print set-up."""

    def __init__(self, book: RowBook, title: str, widths: Sequence[int], header_row: int) -> None:
        from openpyxl.utils import get_column_letter

        self.book = book
        self.ws = book.wb.create_sheet(title)
        self.ws.freeze_panes = f"A{header_row + 1}"
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.styles = book.styles
        self.row = 0
        self.merges: list[str] = []
        self.parts: list[str] = []
        self._data_ids: dict[tuple[str | None, str | None], tuple[int, int]] = {}
        self._shapes: dict[tuple[object, ...], list[dict[object, tuple[str, int]]]] = {}
        self._keep: list[object] = []
        self._cols = _letters(max(len(widths), 1))
        self._widths = [max(w - 1, 1) for w in widths]  # less the cell's padding
        for i, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = w
        book.sheets.append(self)

    def _column(self, i: int) -> str:
        while i >= len(self._cols):
            self._cols = _letters(len(self._cols) * 2)
        return self._cols[i]

    def _cell(self, ref: str, value: CellValue, style: str) -> str:
        if value is None:
            return f'<c r="{ref}" s="{self.styles.index(self.ws, style)}"/>'
        if isinstance(value, str):
            s = self.styles.index(self.ws, style, looks_like_formula(value))
            text = (_ILLEGAL.sub("", value) if _ILLEGAL.search(value) else value).translate(_ESCAPE)
            space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
            return f'<c r="{ref}" s="{s}" t="inlineStr"><is><t{space}>{text}</t></is></c>'
        s = self.styles.index(self.ws, style)
        if isinstance(value, bool):
            return f'<c r="{ref}" s="{s}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, datetime):
            days = value.toordinal() - _EPOCH
            secs = value.hour * 3600 + value.minute * 60 + value.second
            return f'<c r="{ref}" s="{s}"><v>{days + secs / 86400!r}</v></c>'
        if isinstance(value, date):
            return f'<c r="{ref}" s="{s}"><v>{value.toordinal() - _EPOCH}</v></c>'
        return f'<c r="{ref}" s="{s}"><v>{value!r}</v></c>'

    def _row(self, cells: list[str], height: float | None = None) -> None:
        attrs = f' ht="{height}" customHeight="1"' if height else ""
        self.parts.append(f'<row r="{self.row}"{attrs}>{"".join(cells)}</row>')

    def merged(self, text: str, columns: int, kind: str, height: float | None = None) -> None:
        self.row += 1
        self._row([self._cell(f"A{self.row}", text, self.styles.get(kind))], height)
        if columns > 1:
            self.merges.append(f"A{self.row}:{self._column(columns - 1)}{self.row}")

    def header(self, names: Sequence[str]) -> int:
        self.row += 1
        style = self.styles.get("header")
        r = self.row
        self._row([self._cell(f"{self._column(i)}{r}", n, style) for i, n in enumerate(names)], 32)
        return self.row

    def data(
        self, values: Sequence[CellValue], formats: dict[int, str], fills: dict[int, str] | None = None
    ) -> None:
        """One data row (see rows)."""
        self.rows([(values, fills)], formats)

    def rows(
        self, batch: Iterable[tuple[Sequence[CellValue], dict[int, str] | None]], formats: dict[int, str]
    ) -> None:
        """Data rows of the same number formats, each with its fills (the hot path: 300,000 cells
        in a large ledger). A cell's XML, with a mark for its row number, is made once per column,
        style and value, and kept by the book for every sheet of the same columns (the agency
        sheets repeat the same titles, names and dates)."""
        shapes, parts, r = self._shapes, self.parts, self.row
        shape_id = id(formats)
        get = dict.get
        for values, fills in batch:
            r += 1
            n = len(values)
            key = (shape_id, n, tuple(fills.items()) if fills else ())
            columns = shapes.get(key)
            if columns is None:
                columns = shapes[key] = self._columns(formats, fills, n)
                self._keep.append(formats)  # its id stays unique while the key is cached
            keys = [v if v.__class__ is str else (v.__class__, v) for v in values]
            found: list[Any] = list(map(get, columns, keys))  # a kept cell or None
            if None in found:
                for i, v in enumerate(values):
                    if found[i] is None:
                        found[i] = self._piece(i, v, formats, fills, columns[i])
            lines = max(map(_LINES, found))
            # Row heights are set: Excel and LibreOffice do not fit rows of a written file to wrapped text.
            head = (
                f'<row r="{r}" ht="{min(lines, _MAX_LINES) * _LINE_PT}" customHeight="1">'
                if lines > 1
                else f'<row r="{r}">'
            )
            parts.append(head + "".join(map(_XML, found)).replace(_ROW, str(r)) + "</row>")
        self.row = r

    def _columns(
        self, formats: dict[int, str], fills: dict[int, str] | None, n: int
    ) -> list[dict[object, tuple[str, int]]]:
        """Each column's cache of cell XML, shared by the book's sheets of the same widths and styles."""
        shared = self.book.cells
        out = []
        for i in range(n):
            ids = self._ids(formats.get(i), (fills or {}).get(i))
            width = self._widths[i] if i < len(self._widths) else None
            out.append(shared.setdefault((self._column(i), width, ids), {}))
        return out

    def _piece(
        self,
        i: int,
        v: CellValue,
        formats: dict[int, str],
        fills: dict[int, str] | None,
        cache: dict[object, tuple[str, int]],
    ) -> tuple[str, int]:
        """A cell's XML with _ROW for its row number, and the lines it takes; kept in the cache."""
        col = self._column(i)
        fill = (fills or {}).get(i)
        plain, quoted = self._ids(formats.get(i), fill)
        if isinstance(v, str):
            xml, lines = _inline(v)
            widths = self._widths  # the lines it wraps to in its column
            lines = max(-(-len(v) * 2 // widths[i]), lines) if i < len(widths) else 1
            s = quoted if v.startswith(FORMULA_STARTS) else plain
            found = (f'<c r="{col}{_ROW}" s="{s}" t="inlineStr">{xml}</c>', lines)
            cache[v] = found
            return found
        if v is None or (isinstance(v, int | float) and not isinstance(v, bool)):
            found = (self._cell(f"{col}{_ROW}", v, self.styles.get("data", formats.get(i), fill)), 1)
        else:
            fmt = formats.get(i) or (DATE if isinstance(v, date) else None)
            found = (self._cell(f"{col}{_ROW}", v, self.styles.get("data", fmt, fill)), 1)
        cache[(v.__class__, v)] = found
        return found

    def _ids(self, fmt: str | None, fill: str | None) -> tuple[int, int]:
        """The data style's cell-format indexes: (plain, with the quote prefix)."""
        found = self._data_ids.get((fmt, fill))
        if found is None:
            name = self.styles.get("data", fmt, fill)
            found = self._data_ids[(fmt, fill)] = (
                self.styles.index(self.ws, name),
                self.styles.index(self.ws, name, True),
            )
        return found

    def finish(self, header_row: int, columns: int) -> None:
        from openpyxl.worksheet.cell_range import CellRange

        for ref in self.merges:
            self.ws.merged_cells.add(CellRange(ref))
        ws = self.ws
        last_col = self._column(columns - 1)
        ws.auto_filter.ref = f"A{header_row}:{last_col}{max(self.row, header_row)}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.print_options.horizontalCentered = True
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"

    def xml(self) -> bytes:
        return ("<sheetData>" + "".join(self.parts) + "</sheetData>").encode("utf-8")


def _inline(v: str) -> tuple[str, int]:
    """An inline string's XML (what XML cannot hold dropped, &<> escaped, edge spaces kept) and
    the text's number of lines."""
    lines = v.count("\n") + 1
    if _ILLEGAL.search(v):
        v = _ILLEGAL.sub("", v)
    if "&" in v or "<" in v or ">" in v:
        v = v.translate(_ESCAPE)
    space = ' xml:space="preserve"' if v[:1].isspace() or v[-1:].isspace() else ""
    return f"<is><t{space}>{v}</t></is>", lines


class RowBook:
    """A write-only workbook whose sheets are SheetWriters."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.wb = Workbook(write_only=True)
        self.styles = Styles(self.wb)
        # cell XML by column, width and style ids, then value (SheetWriter.data)
        self.cells: dict[tuple[str, int | None, tuple[int, int]], dict[object, tuple[str, int]]] = {}
        self.sheets: list[SheetWriter] = []

    def sheet(self, title: str, widths: Sequence[int], header_row: int) -> SheetWriter:
        return SheetWriter(self, title, widths, header_row)

    def save(self, path: Path, root: Path | None = None) -> Path:
        """openpyxl saves the frame (and the shared strings the rows added); each sheet's rows then
        take the place of its empty <sheetData/>. Built in memory, then written by fsguard: with
        root only inside it, only over a regular file, atomically (nothing left on failure)."""
        from plantrack.fsguard import write_file
        from plantrack.office.xlsx_style import workbook_bytes

        frame = BytesIO(workbook_bytes(self.wb))
        rows = {f"xl/worksheets/sheet{i}.xml": s for i, s in enumerate(self.sheets, start=1)}
        book = BytesIO()
        with zipfile.ZipFile(frame) as src, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                data = src.read(info.filename)
                sheet = rows.get(info.filename)
                if sheet is not None:
                    data = _put_rows(data, sheet.xml())
                out.writestr(info.filename, data, compresslevel=1 if sheet else 6)
        return write_file(path, book.getvalue(), root)


def _put_rows(frame: bytes, rows: bytes) -> bytes:
    for empty in _EMPTY_DATA:
        at = frame.find(empty)
        if at >= 0:
            return frame[:at] + rows + frame[at + len(empty) :]
    raise ValueError("worksheet XML without <sheetData/>")  # openpyxl always writes one


__all__ = ["PERCENT", "RowBook", "SheetWriter", "Styles"]
