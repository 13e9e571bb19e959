"""Write the ledger (office/ledger.py) as an .xlsx workbook with openpyxl."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from plantrack.lang import office_words as words
from plantrack.office.cells import CellValue, safe_sheet_title
from plantrack.office.ledger import Ledger, LedgerRow, headers
from plantrack.office.xlsx_stream import RowBook, SheetWriter
from plantrack.office.xlsx_style import DATE, PERCENT

HEADER_ROW = 3  # title, as-of line, header


def write_ledger(ledger: Ledger, path: Path, colors: dict[str, str], root: Path | None = None) -> Path:
    """The workbook: 任务台账, 报送情况, 量化目标 and one sheet per agency (streamed row by row),
    written atomically (with root, only inside it)."""
    book = RowBook()
    taken: set[str] = set()

    def sheet(name: str, widths: Sequence[int]) -> SheetWriter:
        return book.sheet(safe_sheet_title(name, taken), widths, HEADER_ROW)

    _task_sheet(
        sheet(words.LEDGER_SHEET, words.LEDGER_WIDTHS),
        ledger,
        ledger.rows,
        words.LEDGER_HEADERS,
        colors,
        sections=True,
    )
    _reporting_sheet(sheet(words.REPORTING_SHEET, [24, *([16] * len(ledger.quarters))]), ledger, colors)
    _targets_sheet(sheet(words.TARGET_SHEET, words.TARGET_WIDTHS), ledger)
    for agency in ledger.agencies:
        _task_sheet(
            sheet(agency.name, words.AGENCY_WIDTHS),
            ledger,
            agency.rows,
            words.AGENCY_HEADERS,
            colors,
            title=agency.name,
        )
    return book.save(path, root)


def _heading(w: SheetWriter, ledger: Ledger, columns: int, who: str = "") -> None:
    from plantrack.report.numbers import cn_date

    title = words.LEDGER_TITLE.format(plan=ledger.title, as_of=cn_date(ledger.as_of))
    if len(ledger.plans) > 1:
        title = title.replace(f"《{ledger.title}》", ledger.title)
    w.merged(f"{who}{title}" if who else title, columns, "title", height=30)
    plans = ledger.plans or [ledger.plan]
    meta = "；".join("　".join(x for x in (p.doc_number, f"计划编号：{p.id}") if x) for p in plans[:3])
    w.merged(meta + ("……" if len(plans) > 3 else ""), columns, "note")


def as_fractions(cells: list[CellValue], formats: dict[int, str]) -> list[CellValue]:
    """Percent columns as the fractions Excel's % format shows (74.5 -> 0.745)."""
    return _fractions(cells, [i for i, f in formats.items() if f == PERCENT])


def _fractions(cells: list[CellValue], columns: list[int]) -> list[CellValue]:
    out = list(cells)
    n = len(out)
    for i in columns:
        v = out[i] if i < n else None
        if v.__class__ is float or v.__class__ is int:
            out[i] = round(v / 100, 6)
    return out


def _task_sheet(
    w: SheetWriter,
    ledger: Ledger,
    rows: list[LedgerRow],
    template: tuple[str, ...],
    colors: dict[str, str],
    sections: bool = False,
    title: str = "",
) -> None:
    names = headers(template, ledger)
    _heading(w, ledger, len(names), title)
    w.header(names)
    formats = {i: PERCENT for i, h in enumerate(template) if h in ("完成率", "序时进度")}
    formats |= {i: DATE for i, h in enumerate(template) if h in ("完成时限", "最近报送")}
    light_col = template.index("状态")
    percents = [i for i, f in formats.items() if f == PERCENT]
    fills: dict[str, dict[int, str] | None] = {}
    for light, color in colors.items():
        fills[light] = {light_col: color} if color else None

    def run(part: list[LedgerRow]) -> None:
        w.rows(((_fractions(r.cells, percents), fills.get(r.light.value)) for r in part), formats)

    current = None
    pending: list[LedgerRow] = []
    for r in rows:
        if sections and r.section and r.section != current:
            run(pending)
            pending = []
            w.merged(r.section, len(names), "section")
        current = r.section
        pending.append(r)
    run(pending)
    w.finish(HEADER_ROW, len(names))


def _targets_sheet(w: SheetWriter, ledger: Ledger) -> None:
    names = headers(words.TARGET_HEADERS, ledger)
    _heading(w, ledger, len(names))
    w.header(names)
    fmts = {3: "#,##0.##", 5: "#,##0.##", 6: PERCENT}
    percents = [i for i, f in fmts.items() if f == PERCENT]
    w.rows(((_fractions(r.cells, percents), None) for r in ledger.targets), fmts)
    w.finish(HEADER_ROW, len(names))


def _reporting_sheet(w: SheetWriter, ledger: Ledger, colors: dict[str, str]) -> None:
    names = [words.REPORTING_FIRST, *(q.label for q in ledger.quarters)]
    _heading(w, ledger, len(names))
    w.header(names)
    owe_color = colors.get("serious", "FFC7CE")
    ok_color = colors.get("on_track", "C6EFCE")
    for name, cells in ledger.reporting:
        values = [name, *(_reporting_cell(owed, duty) for owed, duty in cells)]
        fills = {
            col: (owe_color if owed else ok_color) for col, (owed, duty) in enumerate(cells, start=1) if duty
        }
        w.data(values, {}, fills)
    w.finish(HEADER_ROW, len(names))


def _reporting_cell(owed: int, duty: int) -> str:
    if not duty:
        return words.NO_DUTY
    return words.OWES.format(n=owed) if owed else words.REPORTED
