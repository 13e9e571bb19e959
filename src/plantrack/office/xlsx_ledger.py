"""Write the ledger (office/ledger.py) as an .xlsx workbook with openpyxl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plantrack.lang import office_words as words
from plantrack.office import xlsx_style as st
from plantrack.office.cells import CellValue, safe_sheet_title
from plantrack.office.ledger import Ledger, LedgerRow, headers

HEADER_ROW = 3  # title, as-of line, header


def write_ledger(ledger: Ledger, path: Path, colors: dict[str, str]) -> Path:
    """The workbook: 任务台账, 量化目标, 报送情况 and one sheet per agency."""
    from openpyxl import Workbook

    wb = Workbook()
    taken: set[str] = set()
    main = wb.active
    main.title = safe_sheet_title(words.LEDGER_SHEET, taken)
    _task_sheet(main, ledger, ledger.rows, words.LEDGER_HEADERS, words.LEDGER_WIDTHS, colors, sections=True)
    _reporting_sheet(wb.create_sheet(safe_sheet_title(words.REPORTING_SHEET, taken)), ledger, colors)
    _targets_sheet(wb.create_sheet(safe_sheet_title(words.TARGET_SHEET, taken)), ledger)
    for agency in ledger.agencies:
        sheet = wb.create_sheet(safe_sheet_title(agency.name, taken))
        _task_sheet(
            sheet, ledger, agency.rows, words.AGENCY_HEADERS, words.AGENCY_WIDTHS, colors, title=agency.name
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    tmp.replace(path)
    return path


def _heading(ws: Any, ledger: Ledger, columns: int, who: str = "") -> None:
    from plantrack.report.numbers import cn_date

    title = words.LEDGER_TITLE.format(plan=ledger.plan.title or ledger.plan.id, as_of=cn_date(ledger.as_of))
    st.title_row(ws, f"{who}{title}" if who else title, columns)
    meta = "　".join(x for x in (ledger.plan.doc_number, f"计划编号：{ledger.plan.id}") if x)
    st.note_row(ws, meta, columns, row=2)


def _task_sheet(
    ws: Any,
    ledger: Ledger,
    rows: list[LedgerRow],
    template: tuple[str, ...],
    widths: tuple[int, ...],
    colors: dict[str, str],
    sections: bool = False,
    title: str = "",
) -> None:
    names = headers(template, ledger)
    _heading(ws, ledger, len(names), title)
    st.header_row(ws, names, HEADER_ROW, widths)
    formats = {i: st.PERCENT for i, h in enumerate(template) if h in ("完成率", "序时进度")}
    formats |= {i: st.DATE for i, h in enumerate(template) if h in ("完成时限", "最近报送")}
    light_col = template.index("状态") + 1
    row_no = HEADER_ROW
    current = None
    for r in rows:
        if sections and r.section and r.section != current:
            row_no += 1
            st.section_row(ws, r.section, row_no, len(names))
        current = r.section
        row_no += 1
        st.data_row(ws, as_fractions(r.cells, formats), row_no, formats)
        color = colors.get(r.status.light.value)
        if color:
            st.fill(ws, row_no, light_col, color)
    st.print_setup(ws, HEADER_ROW, len(names), row_no)


def as_fractions(cells: list[CellValue], formats: dict[int, str]) -> list[CellValue]:
    """Percent columns as the fractions Excel's % format shows (74.5 -> 0.745)."""
    return [
        round(v / 100, 6) if formats.get(i) == st.PERCENT and isinstance(v, int | float) else v
        for i, v in enumerate(cells)
    ]


def _targets_sheet(ws: Any, ledger: Ledger) -> None:
    names = headers(words.TARGET_HEADERS, ledger)
    _heading(ws, ledger, len(names))
    st.header_row(ws, names, HEADER_ROW, words.TARGET_WIDTHS)
    for i, r in enumerate(ledger.targets, start=HEADER_ROW + 1):
        fmts = {3: "#,##0.##", 5: "#,##0.##", 6: st.PERCENT}
        st.data_row(ws, as_fractions(r.cells, fmts), i, fmts)
    st.print_setup(ws, HEADER_ROW, len(names), HEADER_ROW + len(ledger.targets))


def _reporting_sheet(ws: Any, ledger: Ledger, colors: dict[str, str]) -> None:
    names = [words.REPORTING_FIRST, *(q.label for q in ledger.quarters)]
    _heading(ws, ledger, len(names))
    st.header_row(ws, names, HEADER_ROW, [24, *([16] * len(ledger.quarters))])
    owe_color = colors.get("serious", "FFC7CE")
    ok_color = colors.get("on_track", "C6EFCE")
    for i, (name, cells) in enumerate(ledger.reporting, start=HEADER_ROW + 1):
        values = [name, *(_reporting_cell(owed, duty) for owed, duty in cells)]
        st.data_row(ws, values, i)
        for col, (owed, duty) in enumerate(cells, start=2):
            if duty:
                st.fill(ws, i, col, owe_color if owed else ok_color)
    st.print_setup(ws, HEADER_ROW, len(names), HEADER_ROW + len(ledger.reporting))


def _reporting_cell(owed: int, duty: int) -> str:
    if not duty:
        return words.NO_DUTY
    return words.OWES.format(n=owed) if owed else words.REPORTED
