"""Fill-in sheets (填报表) for member units: one workbook per agency listing the tasks it is named on.

Locked columns describe the task; open columns take the quarter's progress, with data validation.
A hidden sheet holds the plan id, the agency, the quarter and a checksum of the task list, so
`plantrack import` recognises a sheet for another plan or one made before the plan changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from plantrack.kinds import ROLE_LABELS
from plantrack.lang import office_words as words
from plantrack.office import xlsx_style as st
from plantrack.office.cells import CellValue, set_cell
from plantrack.periods import Quarter
from plantrack.records import ItemRecord as Item
from plantrack.records import PlanRecord as Plan
from plantrack.report import numbers as fmt
from plantrack.tracking.kinds import STATUS_LABELS
from plantrack.tracking.records import TaskStatus
from plantrack.workspace import Workspace

FORMAT_VERSION = "1"
META_MARK = "plantrack 填报表"
FILL_DIR = "填报"  # the workspace's folder of fill-in sheets, one subfolder per quarter
TITLE_ROW, META_ROW, NOTE_ROW, HEADER_ROW = 1, 2, 3, 4
MAX_TARGETS = 6


@dataclass(frozen=True)
class SheetMeta:
    """What the hidden sheet (and the visible meta line) says about a fill-in sheet."""

    plan_id: str
    agency: str
    quarter: str
    checksum: str


def checksum(plan_id: str, agency: str, tasks: list[Item]) -> str:
    """A short hash of the tasks as the sheet lists them: ids, titles, targets, this agency's roles."""
    data = [
        [t.id, t.title, [[g.metric, g.value, g.unit, str(g.op)] for g in t.targets],
         [[a.name, a.role.value] for a in t.agencies]]
        for t in tasks
    ]  # fmt: skip
    raw = json.dumps([plan_id, agency, data], ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:12]


def columns(target_count: int) -> list[tuple[str, str]]:
    """(key, header) of every column; value columns are keyed value0, value1 ..."""
    cols = list(words.FILL_LOCKED.items())
    for i in range(target_count):
        cols.append((f"target{i}", words.TARGET_HEADER.format(n=i + 1)))
        cols.append((f"value{i}", words.VALUE_HEADER_PREFIX.format(n=i + 1)))
    cols.extend(words.FILL_OPEN.items())
    return cols


def agency_rows(ws: Workspace, plan: Plan, quarter: Quarter) -> list[tuple[str, list[TaskStatus]]]:
    """Each agency named on the plan (by its plan spelling) with its tasks' status at the quarter's end."""
    from plantrack.tracking import store
    from plantrack.tracking.ledger import agency_summary
    from plantrack.tracking.status import compute_status

    entries = store.load_entries(ws, plan.id)
    settings = ws.settings
    out = []
    for name, _ in agency_summary(ws, plan.id):
        rows = compute_status(
            plan,
            entries,
            quarter.end,
            settings.status,
            name,
            period_start=quarter.start,
            aliases=settings.agencies,
        )
        if rows:
            out.append((name, rows))
    return out


def last_text(row: TaskStatus) -> str:
    """上次报送: date, status, values and note of the latest entry (what the agency sent last)."""
    e = row.last
    if e is None:
        return "未报送"
    parts = [e.as_of.isoformat()]
    if e.status:
        parts.append(STATUS_LABELS[e.status])
    if e.percent is not None:
        parts.append(fmt.pct(e.percent))
    parts += [
        f"{t.target.metric}{fmt.amount(t.actual, t.target.unit)}" for t in row.targets if t.actual is not None
    ]
    return "；".join(parts) + (f"。{e.note}" if e.note else "")


def write_template(
    path: Path,
    plan: Plan,
    agency: str,
    quarter: Quarter,
    rows: list[TaskStatus],
    root: Path | None = None,
    where: str = "工作区",
) -> Path:
    """One agency's workbook: the visible fill-in sheet and the hidden meta sheet (written
    atomically; with root, only inside it)."""
    from openpyxl import Workbook

    from plantrack.fsguard import write_file

    tasks = [r.task for r in rows]
    meta = SheetMeta(plan.id, agency, quarter.code, checksum(plan.id, agency, tasks))
    wb = Workbook()
    sheet = wb.active
    sheet.title = words.FILL_SHEET
    n_targets = min(MAX_TARGETS, max((len(t.targets) for t in tasks), default=0))
    cols = columns(n_targets)
    _heading(sheet, plan, meta, quarter, len(cols))
    st.header_row(sheet, [_header(k, h, rows) for k, h in cols], HEADER_ROW, [_width(k) for k, _ in cols])
    for i, row in enumerate(rows, start=HEADER_ROW + 1):
        _task_row(sheet, i, row, cols, quarter)
    last = HEADER_ROW + len(rows)
    _validations(sheet, cols, last, plan, quarter)
    st.print_setup(sheet, HEADER_ROW, len(cols), last)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = sheet.protection.formatRows = False
    sheet.protection.autoFilter = False
    _meta_sheet(wb, meta, tasks)
    return write_file(path, st.workbook_bytes(wb), root, where)


def _header(key: str, header: str, rows: list[TaskStatus]) -> str:
    """Value columns name the unit when all tasks' targets at that index share one."""
    if not key.startswith("value"):
        return header
    i = int(key[5:])
    units = {r.task.targets[i].unit for r in rows if i < len(r.task.targets)}
    return words.VALUE_HEADER.format(n=i + 1, unit=units.pop()) if len(units) == 1 else header


def _width(key: str) -> int:
    return {"task": 8, "number": 7, "title": 30, "role": 7, "last": 28, "as_of": 12, "percent": 10,
            "status": 9, "progress": 36, "problems": 24, "next": 24}.get(key, 22 if key.startswith("target") else 12)  # fmt: skip


def _heading(sheet: Any, plan: Plan, meta: SheetMeta, quarter: Quarter, width: int) -> None:
    title = words.FILL_TITLE.format(plan=plan.title or plan.id, quarter=quarter.label, agency=meta.agency)
    st.title_row(sheet, title, width, row=TITLE_ROW)
    line = words.FILL_META.format(
        agency=meta.agency, plan_id=meta.plan_id, quarter=meta.quarter, checksum=meta.checksum
    )
    st.note_row(sheet, line, width, row=META_ROW)
    note = words.FILL_INSTRUCTION.format(as_of=fmt.cn_date(quarter.end))
    st.note_row(sheet, note, width, row=NOTE_ROW, height=48)


def _task_row(
    sheet: Any, row_no: int, row: TaskStatus, cols: list[tuple[str, str]], quarter: Quarter
) -> None:
    from openpyxl.styles import Protection

    t = row.task
    values: dict[str, CellValue] = {
        "task": t.id, "number": t.number, "title": t.title,
        "role": ROLE_LABELS[row.role] if row.role else "", "last": last_text(row), "as_of": quarter.end,
    }  # fmt: skip
    for i, target in enumerate(t.targets[:MAX_TARGETS]):
        values[f"target{i}"] = (
            f"{target.metric or target.text}（{_target_amount(target.value, target.unit, str(target.op))}）"
        )
    st.data_row(
        sheet,
        [values.get(k) for k, _ in cols],
        row_no,
        {i: st.DATE for i, (k, _) in enumerate(cols) if k == "as_of"},
    )
    for col, (key, _) in enumerate(cols, start=1):
        cell = sheet.cell(row=row_no, column=col)
        open_ = key in words.FILL_OPEN or (key.startswith("value") and int(key[5:]) < len(t.targets))
        if open_:
            cell.protection = Protection(locked=False)
        else:
            st.fill(sheet, row_no, col, st.LOCKED_FILL)


def _target_amount(value: float, unit: str, op: str) -> str:
    word = {">=": "以上", "<=": "以内", "~": "左右", ">": "以上"}.get(op, "")
    return f"目标{fmt.amount(value, unit)}{word}，按{unit or '数值'}填写"


def _validations(sheet: Any, cols: list[tuple[str, str]], last: int, plan: Plan, quarter: Quarter) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    if last <= HEADER_ROW:
        return
    first = HEADER_ROW + 1
    rules = {
        "percent": DataValidation(type="decimal", operator="between", formula1="0", formula2="100",
                                  error="完成百分比应是 0 到 100 之间的数字。", errorTitle="完成百分比"),
        "status": DataValidation(type="list", formula1='"' + ",".join(STATUS_LABELS.values()) + '"',
                                 error="请从下拉列表中选择状态。", errorTitle="状态"),
        "as_of": DataValidation(type="date", operator="between", formula1=_serial(date(quarter.year, 1, 1)),
                                formula2=_serial(quarter.next().end), error="请填写日期，如 2017-09-30。",
                                errorTitle="截至日期", errorStyle="warning"),
    }  # fmt: skip
    number = DataValidation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", errorStyle="warning",
        error="完成值应是数字（按表头括号内的单位填写累计数）。", errorTitle="完成值",
    )  # fmt: skip
    for col, (key, _) in enumerate(cols, start=1):
        letter = get_column_letter(col)
        rule = rules.get(key) or (number if key.startswith("value") else None)
        if rule is not None:
            rule.add(f"{letter}{first}:{letter}{last}")
    for rule in [*rules.values(), number]:
        rule.showErrorMessage = True
        sheet.add_data_validation(rule)


def _serial(day: date) -> str:
    """An Excel date serial for validation formulas."""
    return str((day - date(1899, 12, 30)).days)


def _meta_sheet(wb: Any, meta: SheetMeta, tasks: list[Item]) -> None:
    sheet = wb.create_sheet(words.META_SHEET)
    pairs = [("plantrack", META_MARK), ("format", FORMAT_VERSION), ("plan", meta.plan_id), ("agency", meta.agency),
             ("quarter", meta.quarter), ("checksum", meta.checksum), ("tasks", ",".join(t.id for t in tasks))]  # fmt: skip
    for i, (k, v) in enumerate(pairs, start=1):
        set_cell(sheet.cell(row=i, column=1), k)
        set_cell(sheet.cell(row=i, column=2), v)
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True


@dataclass(frozen=True)
class Templates:
    quarter: Quarter
    folder: Path
    files: list[tuple[str, Path, int]]  # agency, file, tasks


def write_templates(
    ws: Workspace,
    plan_text: str | None,
    quarter: Quarter,
    folder: Path | None = None,
    agency: str | None = None,
) -> Templates:
    """One workbook per agency (or the one asked for) in folder (default: 填报/<quarter> of the
    workspace). Every file stays inside the folder named (or the workspace): a 填报/ linked out of
    the workspace, or a planted symlink in place of a sheet, is refused."""
    from plantrack.fsguard import make_folder
    from plantrack.tracking import store
    from plantrack.tracking.agencies import agency_index

    plan = store.load_plan(ws, store.resolve_plan(ws, plan_text))
    root, where = (folder, "输出文件夹") if folder is not None else (ws.root, "工作区")
    folder = folder or ws.root / FILL_DIR / quarter.code
    make_folder(folder, root, where)
    wanted = None
    if agency:
        index = agency_index(plan.tasks, ws.settings.agencies)
        wanted = index.display(index.resolve(agency))
    files = []
    for name, rows in agency_rows(ws, plan, quarter):
        if wanted is not None and name != wanted:
            continue
        path = folder / f"{quarter.code}-{_file_part(name)}.xlsx"
        path = write_template(path, plan, name, quarter, rows, root, where)
        files.append((name, path, len(rows)))
    return Templates(quarter, folder, files)


def _file_part(name: str) -> str:
    """An agency name as part of a file name (names come from plan files: never a path)."""
    from plantrack.fsguard import safe_name

    return safe_name(name, "agency")
