"""`plantrack import`: filled fill-in sheets into the journal, through the checks of `record`.

Every filled row becomes a RecordInput that tracking.ledger.prepare_record validates exactly as
`record` does; a rejection keeps record's message, prefixed with the file and sheet!cell. Nothing is
written until every row of every file passed (unless partial), and then all entries of a plan are
appended under one lock. A row whose task, agency and 截至日期 match an effective entry with the same
content (its fingerprint) is already recorded; with other content it becomes a correction of it.

Which entry a row corrects (or whether it is already recorded) is shown from the journal as read
before asking, and decided again under the journal lock when written, like record and undo: two
imports at once of the same file record it once, and two changed versions of a row give a
correction of the correction, never two corrections of one entry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from plantrack.errors import InputError, PlantrackError, UsageError
from plantrack.lang import office_words as words
from plantrack.office.fillin import META_MARK, SheetMeta, checksum
from plantrack.office.readsheet import Sheet, read_book
from plantrack.periods import Quarter
from plantrack.records import ItemRecord as Item
from plantrack.records import PlanRecord as Plan
from plantrack.tracking.ledger import RecordInput
from plantrack.tracking.records import EntryRecord as Entry
from plantrack.workspace import Workspace

RowKey = tuple[str, str, date]  # task id, agency key, 截至日期: one effective entry each

_VALUE = re.compile(r"^目标\s*(\d+)\s*完成值")
_META_LINE = {
    "agency": re.compile(r"填报单位[:：]\s*(\S+)"),
    "plan_id": re.compile(r"计划编号[:：]\s*(\S+)"),
    "quarter": re.compile(r"季度[:：]\s*(\S+)"),
    "checksum": re.compile(r"校验码[:：]\s*([0-9a-f]+)"),
}
_WITH_TIME = re.compile(r"^(\S+)\s+\d{1,2}:\d{2}(?::\d{2})?$")
_FILLED_KEYS = ("percent", "status", "progress", "problems", "next")


@dataclass(frozen=True)
class Problem:
    where: str  # 2017Q3-市人社局.xlsx 进展填报!H5
    message: str
    hint: str | None = None


@dataclass
class Planned:
    """One entry to append (built when written, so ids follow the journal)."""

    where: str
    plan_id: str
    task: Item
    build: Callable[[int], Entry]
    preview: Entry  # the entry as it will read (its id is given when written)
    corrects: int | None = None
    doubt: str = ""  # what record would ask to confirm (a value far above the target ...)
    request: RecordInput | None = None  # the row as record's input: decided again under the lock
    key: RowKey | None = None


@dataclass
class ImportPlan:
    files: list[Path]
    planned: list[Planned] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unfilled: int = 0
    unchanged: int = 0
    sheets: list[tuple[Path, SheetMeta]] = field(default_factory=list)
    today: date = field(default_factory=date.today)
    plans: dict[str, Plan] = field(default_factory=dict)


@dataclass
class Applied:
    """What an import wrote, and the rows another writer changed while it was asking."""

    written: list[Entry] = field(default_factory=list)
    already: list[Planned] = field(default_factory=list)  # recorded meanwhile with the same content
    redecided: list[tuple[Planned, int | None]] = field(default_factory=list)  # (row, entry it corrects now)


def fingerprint(e: Entry) -> str:
    """What a row says, without ids and stamps: equal fingerprints mean nothing new to record."""
    data = [e.task, e.agency, e.as_of.isoformat(), e.status.value if e.status else None, e.percent,
            sorted(e.actuals.items()), e.note]  # fmt: skip
    return json.dumps(data, ensure_ascii=False)


def plan_import(
    ws: Workspace,
    files: Sequence[Path],
    plan_text: str | None = None,
    agency: str | None = None,
    today: date | None = None,
    allow_outdated: bool = False,
) -> ImportPlan:
    """Read every file and check every filled row; writes nothing."""
    context = _Context(ws, today or date.today())
    result = ImportPlan(list(files), today=context.today, plans=context.plans)
    for path in files:
        try:
            _read_file(context, result, path, plan_text, agency, allow_outdated)
        except PlantrackError as e:
            result.problems.append(Problem(path.name, e.message, e.hint))
    return result


def apply_import(ws: Workspace, plan: ImportPlan) -> Applied:
    """Append the planned entries, one batch per plan under its journal lock (inside the workspace).

    Under the lock each row is checked against the journal as it is now: a row whose entry another
    writer recorded or corrected since it was read is decided again (already recorded: skipped;
    otherwise a correction of the entry that counts now)."""
    from plantrack.tracking import journal

    applied = Applied()
    for plan_id in dict.fromkeys(p.plan_id for p in plan.planned):
        rows = [p for p in plan.planned if p.plan_id == plan_id]
        index = _agency_index(ws, plan.plans[plan_id])

        def decide(
            entries: list[Entry], first: int, rows: list[Planned] = rows, index: Any = index
        ) -> list[Entry]:
            latest = _latest(entries, index)
            out: list[Entry] = []
            for p in rows:
                build = _build_now(ws, plan, p, latest, applied)
                if build is not None:
                    out.append(build(first + len(out)))
            return out

        applied.written += journal.append_decided_entries(ws.journal_path(plan_id), plan_id, decide, ws.root)
    return applied


def _build_now(
    ws: Workspace, plan: ImportPlan, p: Planned, latest: dict[RowKey, Entry], applied: Applied
) -> Callable[[int], Entry] | None:
    """The row's builder as the journal is now (read under the lock); None when already recorded."""
    current = latest.get(p.key) if p.key is not None else None
    if p.request is None or p.key is None or (current.id if current else None) == p.corrects:
        return p.build  # nothing happened to this row's entry since it was read
    # importing confirms what record would ask (as when the row was read)
    decided = _decide(ws, plan.plans[p.plan_id], p.request.replace(yes=True), plan.today, current)
    if decided is None:
        applied.already.append(p)
        return None
    applied.redecided.append((p, current.id if current else None))
    return decided[0]


def _decide(
    ws: Workspace,
    plan: Plan,
    req: RecordInput,
    today: date,
    base: Entry | None,
    new: Callable[[int], Entry] | None = None,
) -> tuple[Callable[[int], Entry], Entry] | None:
    """The row as a new entry (new: its builder, when already made), or as a correction of base
    (the effective entry of its task, agency and date); None when base already says the same."""
    from plantrack.tracking.ledger import prepare_record

    build = new or prepare_record(ws, plan, req.replace(corrects=None), today)[0]
    preview = build(1)  # the id is given when written
    if base is None:
        return build, preview
    if fingerprint(base) == fingerprint(preview):
        return None
    build, _ = prepare_record(ws, plan, req.replace(corrects=base.id), today, base)
    preview = build(1)
    if fingerprint(base) == fingerprint(preview):
        return None
    return build, preview


def _agency_index(ws: Workspace, plan: Plan) -> Any:
    from plantrack.tracking.agencies import agency_index

    return agency_index(plan.tasks, ws.settings.agencies)


def _latest(entries: Iterable[Entry], index: Any) -> dict[RowKey, Entry]:
    """The effective entry of each task, agency and date (by id: the latest wins)."""
    from plantrack.tracking.status import effective_entries

    out: dict[RowKey, Entry] = {}
    for e in effective_entries(list(entries)):
        out[(e.task, index.key(e.agency), e.as_of)] = e
    return out


class _Context:
    """Plans and journals loaded once for all files."""

    def __init__(self, ws: Workspace, today: date) -> None:
        self.ws = ws
        self.today = today
        self.plans: dict[str, Plan] = {}
        self.latest: dict[str, dict[RowKey, Entry]] = {}
        self.seen: dict[tuple[str, str, str, date], str] = {}

    def plan(self, plan_id: str) -> Plan:
        from plantrack.tracking import store

        if plan_id not in self.plans:
            self.plans[plan_id] = store.load_plan(self.ws, plan_id)
            self.latest[plan_id] = self._effective(plan_id)
        return self.plans[plan_id]

    def _effective(self, plan_id: str) -> dict[RowKey, Entry]:
        from plantrack.tracking import journal

        return _latest(journal.read_entries(self.ws.journal_path(plan_id)), self.index(plan_id))

    def index(self, plan_id: str) -> Any:
        return _agency_index(self.ws, self.plans[plan_id])


def _read_file(
    ctx: _Context,
    result: ImportPlan,
    path: Path,
    plan_text: str | None,
    agency: str | None,
    allow_outdated: bool,
) -> None:
    from plantrack.tracking import store

    sheets = read_book(path)
    data = _data_sheet(sheets, path)
    meta = _meta(lambda t: store.resolve_plan(ctx.ws, t), sheets, data, path, plan_text, agency)
    known = store.plan_ids(ctx.ws)
    if meta.plan_id not in known:
        raise InputError(
            f"这是计划“{meta.plan_id}”的填报表，工作区中没有这个计划。",
            hint=f"请确认文件是否报错了计划；工作区的计划：{'、'.join(known) or '无'}。",
        )
    if plan_text and store.resolve_plan(ctx.ws, plan_text) != meta.plan_id:
        raise InputError(
            f"这是计划“{meta.plan_id}”的填报表，不是 --plan 指定的计划。",
            hint="请去掉 --plan，或换成正确的文件。",
        )
    plan = ctx.plan(meta.plan_id)
    index = ctx.index(plan.id)
    name = index.display(index.resolve(meta.agency))
    meta = SheetMeta(meta.plan_id, name, meta.quarter, meta.checksum)
    if (
        meta.checksum
        and not allow_outdated
        and meta.checksum != checksum(plan.id, name, _agency_tasks(plan, name, index))
    ):
        raise InputError(
            f"这张填报表是按旧版计划生成的：计划“{plan.id}”的任务在生成后有改动（校验码不符）。",
            hint=f"请用 plantrack templates --quarter {meta.quarter} 重新生成填报表发给{name}；确认无误也可加 --allow-outdated 按现有计划导入。",
        )
    result.sheets.append((path, meta))
    # Without a checksum (a CSV or sheet retyped without the 校验码 line), each row's task name is
    # compared with the plan instead: the check for a wrong or outdated sheet that is left.
    _read_rows(ctx, result, path, data, plan, meta, check_titles=not meta.checksum and not allow_outdated)


def _agency_tasks(plan: Plan, name: str, index: Any) -> list[Item]:
    from plantrack.tracking.status import agency_role

    key = index.key(name)
    return [t for t in plan.trackable() if agency_role(t, key, index) is not None]


def _data_sheet(sheets: list[Sheet], path: Path) -> tuple[Sheet, int, dict[int, str]]:
    """The sheet with the fill-in header (whatever it is called now), its header row and column keys."""
    for sheet in sheets:
        if sheet.hidden or _is_meta(sheet):
            continue
        for r, row in enumerate(sheet.rows[:12]):
            keys = _column_keys(row)
            if "task" in keys.values():
                return sheet, r, keys
    raise InputError(
        f"{path.name} 中没有找到填报表的表头（“{words.FILL_LOCKED['task']}”一列）。",
        hint="请使用 plantrack templates 生成的填报表填写，不要删除表头行和任务编号列。",
    )


def _column_keys(row: list[Any]) -> dict[int, str]:
    by_header = {
        h: k for k, h in (*words.FILL_LOCKED.items(), *words.FILL_OPEN.items())
    } | words.FILL_HEADER_ALIASES
    keys: dict[int, str] = {}
    for c, value in enumerate(row):
        text = re.sub(r"\s+", "", str(value)) if value is not None else ""
        m = _VALUE.match(text)
        if m:
            keys[c] = f"value{int(m[1]) - 1}"
        elif text in by_header and by_header[text] not in keys.values():
            keys[c] = by_header[text]
    return keys


def _is_meta(sheet: Sheet) -> bool:
    return bool(sheet.rows) and len(sheet.rows[0]) > 1 and sheet.rows[0][1] == META_MARK


def _meta(
    resolve: Callable[[str], str],
    sheets: list[Sheet],
    data: tuple[Sheet, int, dict[int, str]],
    path: Path,
    plan_text: str | None,
    agency: str | None,
) -> SheetMeta:
    """From the hidden sheet, else the visible meta line above the header, else --plan/--agency."""
    found: dict[str, str] = {}
    for sheet in sheets:
        if _is_meta(sheet):
            pairs = {str(r[0]): str(r[1]) for r in sheet.rows if len(r) > 1 and r[0] is not None}
            found = {"plan_id": pairs.get("plan", ""), "agency": pairs.get("agency", ""),
                     "quarter": pairs.get("quarter", ""), "checksum": pairs.get("checksum", "")}  # fmt: skip
    if not found.get("plan_id"):
        sheet, header, _ = data
        text = " ".join(str(v) for row in sheet.rows[:header] for v in row if v is not None)
        found = {k: (m[1] if (m := rx.search(text)) else "") for k, rx in _META_LINE.items()}
    if plan_text and not found.get("plan_id"):
        found["plan_id"] = resolve(plan_text)
    found["agency"] = found.get("agency") or agency or ""
    if not found.get("plan_id") or not found["agency"]:
        raise InputError(
            f"{path.name} 看不出是哪个计划、哪个单位的填报表（隐藏的说明页和表头上方的说明行都没有）。",
            hint="请用 --plan 和 --agency 指明，如 plantrack import 文件 --plan jian --agency 人社局。",
        )
    return SheetMeta(found["plan_id"], found["agency"], found.get("quarter", ""), found.get("checksum", ""))


def _read_rows(
    ctx: _Context,
    result: ImportPlan,
    path: Path,
    data: tuple[Sheet, int, dict[int, str]],
    plan: Plan,
    meta: SheetMeta,
    check_titles: bool = False,
) -> None:
    sheet, header, keys = data
    quarter = Quarter.parse(meta.quarter) if meta.quarter else None
    cols = {k: c for c, k in keys.items()}
    for r in range(header + 1, len(sheet.rows)):
        row = sheet.rows[r]
        cell = {k: (row[c] if c < len(row) else None) for k, c in cols.items()}
        if _blank(cell.get("task")):
            continue
        if not any(not _blank(v) for k, v in cell.items() if k in _FILLED_KEYS or k.startswith("value")):
            result.unfilled += 1
            continue
        at = _Where(path, sheet.name, r, cols)
        try:
            if check_titles:
                _same_title(plan, cell, meta)
            _one_row(ctx, result, at, cell, plan, meta, quarter)
        except PlantrackError as e:
            key = e.where_key if isinstance(e, _CellError) else "task"
            result.problems.append(Problem(at.where(key), e.message, e.hint))


@dataclass
class _Where:
    path: Path
    sheet: str
    row: int  # 0-based
    cols: dict[str, int]

    def where(self, key: str) -> str:
        from openpyxl.utils import get_column_letter

        col = self.cols.get(key, self.cols.get("task", 0))
        return f"{self.path.name} {self.sheet}!{get_column_letter(col + 1)}{self.row + 1}"


class _CellError(UsageError):
    def __init__(self, key: str, error: PlantrackError) -> None:
        super().__init__(error.message, error.hint)
        self.where_key = key


def _checked(key: str, fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except PlantrackError as e:
        raise _CellError(key, e) from e


def _same_title(plan: Plan, cell: dict[str, Any], meta: SheetMeta) -> None:
    """The row's 工作任务 is the plan's title of its task (spaces and full-width forms aside)."""
    import unicodedata

    from plantrack.tracking.resolve import resolve_task

    if _blank(cell.get("title")):
        return
    task = _checked("task", lambda: resolve_task(plan, _text(cell["task"])))

    def norm(text: str) -> str:
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))

    if norm(_text(cell["title"])) != norm(task.title):
        again = f"plantrack templates --quarter {meta.quarter}" if meta.quarter else "plantrack templates"
        raise _CellError("title", InputError(
            f"任务 {task.id} 在表上是“{_text(cell['title'])}”，计划“{plan.id}”中是“{task.title}”："
            "这张表可能是别的计划或旧版计划的填报表（表上没有校验码，按任务名称核对）。",
            hint=f"请用 {again} 重新生成填报表发给{meta.agency}；确认无误也可加 --allow-outdated 按现有计划导入。",
        ))  # fmt: skip


def _one_row(
    ctx: _Context,
    result: ImportPlan,
    at: _Where,
    cell: dict[str, Any],
    plan: Plan,
    meta: SheetMeta,
    quarter: Quarter | None,
) -> None:
    from plantrack.tracking.ledger import agency_list, prepare_record
    from plantrack.tracking.plausible import NeedsConfirmation
    from plantrack.tracking.resolve import parse_percent, parse_status, resolve_task
    from plantrack.tracking.status import agency_role

    index = ctx.index(plan.id)
    task = _checked("task", lambda: resolve_task(plan, _text(cell["task"])))
    if agency_role(task, index.key(meta.agency), index) is None:
        raise _CellError("task", UsageError(
            f"任务 {task.number or task.id} 不是{meta.agency}承担的任务（该任务的单位：{agency_list(task) or '未写明'}），这一行不能导入。",
            hint="请删除这一行，或由该任务的单位在自己的填报表中填写。",
        ))  # fmt: skip
    as_of = _checked("as_of", lambda: _date(cell.get("as_of"), quarter, ctx.today))
    status = _checked(
        "status",
        lambda: (
            parse_status(_text(cell["status"]), words.FILL_OPEN["status"])
            if not _blank(cell.get("status"))
            else None
        ),
    )
    percent = _checked(
        "percent",
        lambda: (
            parse_percent(_number_text(cell["percent"]), words.FILL_OPEN["percent"])
            if not _blank(cell.get("percent"))
            else None
        ),
    )
    actuals = [
        f"{k[5:]}={_number_text(v)}"
        for k, v in sorted(cell.items())
        if k.startswith("value") and not _blank(v)
    ]
    for a in actuals:  # each value checked on its own cell
        _check_actual(task, a)
    req = RecordInput(task=task.id, agency=meta.agency, as_of=as_of, status=status, percent=percent,
                      actuals=actuals, note=_note(cell))  # fmt: skip
    doubt = ""
    try:
        build, _ = prepare_record(ctx.ws, plan, req, ctx.today)
    except NeedsConfirmation as e:  # shown with the row; importing the sheet confirms it
        doubt = e.message
        req.yes = True
        build, _ = _checked("task", lambda: prepare_record(ctx.ws, plan, req, ctx.today))
    except PlantrackError as e:
        raise _CellError("task", e) from e
    preview = build(1)  # the id is given when written
    key = (plan.id, task.id, index.key(preview.agency), preview.as_of)
    if key in ctx.seen:
        raise _CellError("task", UsageError(f"任务 {task.number or task.id} 的同一截至日期已在 {ctx.seen[key]} 填报过。",
                                            hint="同一任务同一日期只保留一行。"))  # fmt: skip
    ctx.seen[key] = at.where("task")
    base = ctx.latest[plan.id].get(key[1:])
    decided = _decide(ctx.ws, plan, req, ctx.today, base, build)
    if decided is None:
        result.unchanged += 1
        return
    build, preview = decided
    corrects = preview.corrects
    result.planned.append(
        Planned(at.where("task"), plan.id, task, build, preview, corrects, doubt, req, key[1:])
    )


def _check_actual(task: Item, text: str) -> None:
    from plantrack.tracking.resolve import parse_actual

    index = text.split("=")[0]
    try:  # the messages name the column (目标1完成值), not record's --actual
        parse_actual(task, text, words.VALUE_HEADER_PREFIX.format(n=int(index) + 1))
    except PlantrackError as e:
        raise _CellError(f"value{index}", e) from e


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number_text(value: Any) -> str:
    """A cell as record's value syntax: 45000.0 -> 45000; text (4.5万, 85%) as typed."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return f"{value:.10g}"
    return str(value).strip()


def _date(value: Any, quarter: Quarter | None, today: date) -> date:
    """The row's 截至日期 (the quarter's end when left empty); a day after today is refused here,
    on its own cell, in the sheet's words."""
    from plantrack.dates import parse_user_date

    field = words.FILL_OPEN["as_of"]
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif _blank(value):
        if quarter is None:
            raise UsageError(f"没有填写{field}。", hint="请填写进展所截至的日期，如 2017-09-30。")
        day = quarter.end
    else:
        text = _text(value)
        timed = _WITH_TIME.match(text)  # 2017-09-30 00:00:00, as a date cell reads in some CSVs
        day = parse_user_date(timed[1] if timed else text, field)
    if day > today:
        raise UsageError(
            f"{field} {day.isoformat()} 晚于今天，不能导入未来的进展。",
            hint="请填写进展所截至的日期，如 2017-09-30。",
        )
    return day


def _note(cell: dict[str, Any]) -> str | None:
    parts = [_text(cell["progress"])] if not _blank(cell.get("progress")) else []
    if not _blank(cell.get("problems")):
        parts.append(words.NOTE_PROBLEMS.format(text=_text(cell["problems"])))
    if not _blank(cell.get("next")):
        parts.append(words.NOTE_NEXT.format(text=_text(cell["next"])))
    return "；".join(parts) if parts else None
