"""Read a returned sheet in whatever form it comes back: .xlsx/.xlsm/.xls/.ods (python-calamine), CSV in
any Chinese encoding. Merged cells are filled with their top-left value; a .et or other unknown format
gets a clear message to save it as .xlsx."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plantrack.errors import InputError

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb")
SAVE_AS = "请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）再导入。"


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]  # cell values: str, int, float, date, datetime, None (empty)
    hidden: bool = False


def read_book(path: Path) -> list[Sheet]:
    """All sheets of a workbook (a CSV is one sheet named after the file)."""
    if not path.is_file():  # a folder, a device or a fifo is never opened (a fifo would wait for ever)
        if path.exists():
            raise InputError(
                f"{path} 不是普通文件（是文件夹、设备或管道），不是填报表。", hint="请指定填好的填报表文件。"
            )
        raise InputError(f"找不到文件 {path}。", hint="请检查文件路径。")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [Sheet(path.stem, _csv_rows(path))]
    if suffix in (".et", ".ett", ".wps", ".numbers"):
        raise InputError(f"{path.name} 是 WPS/Numbers 的专用格式，plantrack 读不了。", hint=SAVE_AS)
    if suffix not in SPREADSHEETS:
        raise InputError(
            f"{path.name} 不是可以导入的表格文件（支持 .xlsx、.xls、.ods、.csv）。", hint=SAVE_AS
        )
    return _calamine(path)


def _calamine(path: Path) -> list[Sheet]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        hidden = {m.name for m in book.sheets_metadata if "Visible" not in str(m.visible)}
        out = []
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            rows = [[None if v == "" else v for v in row] for row in sheet.to_python(skip_empty_area=False)]
            _fill_merged(rows, sheet.merged_cell_ranges or [])
            out.append(Sheet(name, rows, name in hidden))
        return out
    except (CalamineError, ValueError, OSError) as e:
        raise InputError(
            f"{path.name} 无法作为表格读取（{type(e).__name__}）：文件可能已损坏，或不是它的扩展名所说的格式。",
            hint=SAVE_AS,
        ) from e


def _fill_merged(rows: list[list[Any]], ranges: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    for (r0, c0), (r1, c1) in ranges:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1 + 1, len(rows))):
            for c in range(c0, min(c1 + 1, len(rows[r]))):
                rows[r][c] = value


def _csv_rows(path: Path) -> list[list[Any]]:
    from plantrack.sources.decode import decode_bytes

    text = decode_bytes(path.read_bytes(), path.name).text
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [[_csv_value(v) for v in row] for row in csv.reader(io.StringIO(text), dialect)]


def _csv_value(text: str) -> Any:
    """CSV cells are text; an apostrophe that guarded a formula-like value is dropped."""
    text = text.strip()
    if not text:
        return None
    return text[1:] if text.startswith("'") and text[1:2] in ("=", "+", "-", "@") else text
