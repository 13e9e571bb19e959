"""The tracking operations the CLI calls: record, undo, status over the workspace, agencies, history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from plantrack.dates import parse_user_date
from plantrack.errors import PlantrackError, UsageError
from plantrack.fsguard import StorageError
from plantrack.kinds import ROLE_LABELS, Role
from plantrack.periods import Quarter, date_notes, default_as_of, plan_year
from plantrack.plain import Plain
from plantrack.records import ItemRecord as Item
from plantrack.records import PlanRecord as Plan
from plantrack.records import TrackingSettings
from plantrack.tracking import journal, plausible, store
from plantrack.tracking.agencies import (
    AgencyIndex,
    agency_index,
    clean,
    is_collective,
    tasks_of,
    tracked_agencies,
)
from plantrack.tracking.kinds import Light, Status
from plantrack.tracking.records import AgencyShare, TaskStatus
from plantrack.tracking.records import EntryRecord as Entry
from plantrack.tracking.resolve import label, parse_actual, resolve_task
from plantrack.tracking.status import compute_status, effective_entries, standing
from plantrack.workspace import Workspace


class RecordInput(Plain):
    """What `record` was asked to write (already parsed where parsing needs no plan). `date_text` is
    the date as typed (9月30日, 9.30, Q3 take the plan year); `yes` records values and dates that
    need confirmation."""

    __slots__ = (
        "task",
        "agency",
        "as_of",
        "date_text",
        "status",
        "percent",
        "actuals",
        "note",
        "corrects",
        "move_to",
        "any_agency",
        "yes",
    )

    def __init__(
        self,
        task: str,
        agency: str | None = None,
        as_of: date | None = None,
        date_text: str | None = None,
        status: Status | None = None,
        percent: float | None = None,
        actuals: Sequence[str] = (),
        note: str | None = None,
        corrects: int | None = None,
        move_to: str | None = None,
        any_agency: bool = False,
        yes: bool = False,
    ) -> None:
        self.task, self.agency, self.as_of, self.date_text, self.status, self.percent = (
            task, agency, as_of, date_text, status, percent
        )  # fmt: skip
        self.actuals, self.note, self.corrects, self.move_to, self.any_agency, self.yes = (
            actuals, note, corrects, move_to, any_agency, yes
        )  # fmt: skip


def record(
    ws: Workspace, plan_text: str | None, req: RecordInput, today: date | None = None
) -> tuple[Entry, Item]:
    """Validate and append one entry; every rejection says what is wrong and how to fix it."""
    plan_id = store.resolve_plan(ws, plan_text)
    plan = store.load_plan(ws, plan_id)
    base = _corrected_entry(ws, plan_id, req.corrects) if req.corrects is not None else None
    build, task = prepare_record(ws, plan, req, today, base)
    path = ws.journal_path(plan_id)
    if req.corrects is None:
        return journal.append_entry(path, plan_id, build, ws.root), task
    corrects = req.corrects

    def decide(entries: list[Entry], new_id: int) -> Entry:
        _effective_one(entries, corrects, "更正")  # still counts, now that no one else can write
        return build(new_id)

    return journal.append_decided(path, plan_id, decide, ws.root), task


def prepare_record(
    ws: Workspace, plan: Plan, req: RecordInput, today: date | None = None, base: Entry | None = None
) -> tuple[Callable[[int], Entry], Item]:
    """Everything `record` checks, without writing: a builder of the entry (given its id) and the task.

    `base` is the entry named by req.corrects (still effective); `plantrack import` calls this for
    every filled row, so a sheet's rows pass exactly the checks and messages of `record`.
    """
    today = today or date.today()
    given_agency(req.agency)
    task, moved_from = _record_task(plan, req, base)
    same_task = base is not None and base.task == task.id
    if req.agency or not base or moved_from:
        agency = record_agency(ws, task, req.agency or (base.agency if base else None), req.any_agency)
    else:
        agency = base.agency
    typed = parse_user_date(req.date_text, "--date", plan_year(plan, today)) if req.date_text else None
    as_of = typed or req.as_of or (base.as_of if base else today)
    if as_of > today:
        raise UsageError(
            f"日期 {as_of.isoformat()} 晚于今天，不能记录未来的进展。",
            hint="请用 --date 写进展所截至的日期，如 2017-09-30。",
        )
    actuals = dict(base.actuals) if base and same_task else {}
    actuals.update({str(i): v for i, v in (parse_actual(task, a) for a in req.actuals)})
    status = req.status if req.status is not None else (base.status if base else None)
    percent = req.percent if req.percent is not None else (base.percent if base else None)
    note = req.note if req.note is not None else (base.note if base else "")
    if status is None and percent is None and not actuals and not note.strip():
        raise UsageError(
            "没有要记录的内容。", hint="请至少给出 --status、--percent、--actual 或 --note 之一。"
        )
    plausible.refuse_impossible(task, status, percent, actuals)
    plausible.confirm(plausible.doubts(plan, task, as_of, actuals), req.yes)

    def build(new_id: int) -> Entry:
        return Entry(
            id=new_id, task=task.id, as_of=as_of, recorded_at=journal.now(), agency=agency, status=status,
            percent=None if percent is None else float(percent), actuals={k: float(v) for k, v in actuals.items()},
            note=note.strip(), corrects=req.corrects, moved_from=moved_from,
        )  # fmt: skip

    return build, task


def _record_task(plan: Plan, req: RecordInput, base: Entry | None) -> tuple[Item, str | None]:
    """The task the new entry goes on, and the task it moves from when `--move-to` moves it.

    A correction stays on the corrected entry's task: one naming another task is refused, naming
    both; moving is the explicit `--move-to`.
    """
    if req.move_to is not None and base is None:
        raise UsageError(
            "--move-to 只能与 --corrects 一起使用。",
            hint="例如：plantrack record 计划 1.1 --corrects 12 --move-to 1.2。",
        )
    if base is None:
        return resolve_task(plan, req.task), None
    if req.task.strip() == base.task and base.task not in {t.id for t in plan.trackable()}:
        source: Item | None = None  # the entry's task is gone from the plan (renumbered): move it
    else:
        source = resolve_task(plan, req.task)
        if source.id != base.task:
            raise UsageError(
                f"记录 #{base.id} 是任务 {_task_name(plan, base.task)} 的进展，不是任务 {label(source)} 的；"
                "更正不会把记录改到另一项任务。",
                hint=f"更正原记录：plantrack record {plan.id} {base.task} --corrects {base.id} …；"
                f"确需把它改记到任务 {source.number or source.id}：plantrack record {plan.id} {base.task} "
                f"--corrects {base.id} --move-to {source.id}。",
            )
    if req.move_to is None:
        if source is None:
            raise UsageError(
                f"任务 {base.task} 在计划中已不存在，记录 #{base.id} 只能改记到现有任务。",
                hint=f"请用 --move-to 指明任务：plantrack record {plan.id} {base.task} --corrects {base.id} --move-to 任务编号。",
            )
        return source, None
    dest = resolve_task(plan, req.move_to)
    if dest.id == base.task:
        raise UsageError(
            f"记录 #{base.id} 已经在任务 {label(dest)} 上，无需 --move-to。", hint="去掉 --move-to 即可更正。"
        )
    return dest, base.task


def _task_name(plan: Plan, task_id: str) -> str:
    found = next((t for t in plan.tasks if t.id == task_id), None)
    return label(found) if found else task_id


def given_agency(text: str | None) -> None:
    """--agency '' (or only spaces) is a mistake, not "any agency": say so."""
    if text is not None and not text.strip():
        raise UsageError(
            "--agency 的值是空的。", hint="请写出单位名称，如 --agency 人社局；不限单位时去掉 --agency。"
        )


def _corrected_entry(ws: Workspace, plan_id: str, entry_id: int) -> Entry:
    entries = journal.read_entries(ws.journal_path(plan_id))
    return _effective_one(entries, entry_id, "更正")


def _effective_one(entries: list[Entry], entry_id: int, verb: str) -> Entry:
    """The entry with this id if it still counts; otherwise say why it cannot be changed."""
    by_id = {e.id: e for e in entries}
    if entry_id not in by_id:
        top = max(by_id) if by_id else 0
        raise UsageError(
            f"没有编号为 #{entry_id} 的进展记录（现有 #1–#{top}）。",
            hint="用 plantrack history 计划 任务 查看记录编号。",
        )
    target = by_id[entry_id]
    if target.undoes is not None:
        raise UsageError(
            f"记录 #{entry_id} 是撤销操作，不能{verb}。",
            hint=f"如要恢复被撤销的记录，请撤销 #{entry_id}：plantrack undo 计划 --id {entry_id}。",
        )
    if target in effective_entries(entries):
        return target
    later = [e.id for e in entries if entry_id in (e.corrects, e.undoes) and e in effective_entries(entries)]
    why = f"已被 #{later[0]} 更正" if later and by_id[later[0]].corrects == entry_id else "已被撤销或更正"
    hint = f"请对 #{later[0]} 操作。" if later else "用 plantrack history 查看当前有效的记录。"
    raise UsageError(f"记录 #{entry_id} {why}，不能再{verb}。", hint=hint)


def record_agency(ws: Workspace, task: Item, text: str | None, any_agency: bool = False) -> str:
    """The reporting agency, in the task's own spelling; it must be named on the task."""
    agencies = tracked_agencies(task)
    named = [a for a in agencies if not is_collective(a.name)]
    collective = any(is_collective(a.name) for a in agencies)
    if text is None:
        leads = [a for a in named if a.role == Role.lead]
        if len(named) == 1 or len(leads) == 1:
            return (named if len(named) == 1 else leads)[0].name
        raise UsageError(
            f"任务 {task.number or task.id} 有多个单位，请用 --agency 指定报送单位。",
            hint=f"该任务的单位：{agency_list(task)}。"
            if agencies
            else "该任务没有写明单位；请用 --agency 指定。",
        )
    index = agency_index([task], store.tracking_settings(ws).agencies)
    try:
        return index.display(index.resolve(text))
    except UsageError:
        if collective or any_agency:
            return _workspace_name(ws, text)
    raise UsageError(
        f"{clean(text)} 不是任务 {task.number or task.id} 的责任单位；该任务的单位：{agency_list(task) or '未写明'}。",
        hint="请改用上述单位之一；确需由其他单位报送时加 --any-agency。",
    )


def _workspace_name(ws: Workspace, text: str) -> str:
    """An agency not named on the task: its spelling in the plans when known, else as typed."""
    names = [n for p in store.plan_ids(ws) for n in store.agency_names(ws, p)]
    index = AgencyIndex(names, store.tracking_settings(ws).agencies)  # as workspace_index, from the names
    try:
        return index.display(index.resolve(text))
    except UsageError:
        return clean(text)


def agency_list(task: Item) -> str:
    return "、".join(f"{a.name}（{ROLE_LABELS[a.role]}）" for a in tracked_agencies(task))


def undo(ws: Workspace, plan_text: str | None, entry_id: int | None = None) -> tuple[Entry, Entry]:
    """Withdraw an entry (default: the latest that still counts) by appending an undo entry.

    The entry is chosen under the journal lock: of two undos at once, each withdraws its own entry
    (or the second says the one it named is already withdrawn)."""
    plan_id = store.resolve_plan(ws, plan_text)
    chosen: list[Entry] = []

    def decide(entries: list[Entry], new_id: int) -> Entry:
        target = _undo_target(entries, plan_id, entry_id)
        chosen.append(target)
        return Entry(
            id=new_id, task=target.task, as_of=target.as_of, recorded_at=journal.now(), agency=target.agency,
            undoes=target.id, note=f"撤销记录 #{target.id}",
        )  # fmt: skip

    entry = journal.append_decided(ws.journal_path(plan_id), plan_id, decide, ws.root)
    return entry, chosen[0]


def _undo_target(entries: list[Entry], plan_id: str, entry_id: int | None) -> Entry:
    if entry_id is None:
        effective = effective_entries(entries)
        if not effective:
            raise UsageError(f"计划 {plan_id} 没有可撤销的进展记录。", hint="用 plantrack history 查看记录。")
        return max(effective, key=lambda e: e.id)
    undoing = next((e for e in entries if e.id == entry_id and e.undoes is not None), None)
    if undoing is None:
        return _effective_one(entries, entry_id, "撤销")
    if not _active(entries, entry_id):
        raise UsageError(
            f"撤销记录 #{entry_id} 已经被撤销过，不能再撤销。",
            hint="用 plantrack history 查看当前有效的记录。",
        )
    return undoing


def _active(entries: list[Entry], entry_id: int) -> bool:
    """An entry counts unless an undo of it counts (undos can themselves be undone)."""
    return not any(_active(entries, e.id) for e in entries if e.undoes == entry_id)


class Undone(Plain):
    """`plantrack undo`: the undo entry written, the entry it withdrew, and the entry that counts
    again because of it (the one the withdrawn entry undid or corrected), if any."""

    __slots__ = ("entry", "target", "restored")

    def __init__(self, entry: Entry, target: Entry, restored: Entry | None) -> None:
        self.entry, self.target, self.restored = entry, target, restored


def undo_one(ws: Workspace, plan_text: str | None, entry_id: int | None = None) -> Undone:
    """undo, and what it brings back: the `undo` command as one call."""
    entry, target = undo(ws, plan_text, entry_id)
    return Undone(entry, target, undo_restores(ws, plan_text, target))


def workspace_index(ws: Workspace, plans: list[Plan]) -> AgencyIndex:
    return agency_index(tasks_of(plans), store.tracking_settings(ws).agencies)


class StatusResult(Plain):
    """`plantrack status`: every task of the view (`rows`, all counted), the plans, the light shown
    (when given, only rows with it), the plans that could not be read and why, and how a default
    date was chosen (one line per plan)."""

    __slots__ = ("as_of", "period_start", "agency", "rows", "plans", "light", "skipped", "dates")

    def __init__(
        self,
        as_of: date,
        period_start: date,
        agency: str | None,
        rows: list[TaskStatus] | None = None,
        plans: list[Plan] | None = None,
        light: Light | None = None,
        skipped: list[str] | None = None,
        dates: list[str] | None = None,
    ) -> None:
        self.as_of, self.period_start, self.agency, self.light = as_of, period_start, agency, light
        self.rows: list[TaskStatus] = rows if rows is not None else []
        self.plans: list[Plan] = plans if plans is not None else []
        self.skipped: list[str] = skipped if skipped is not None else []
        self.dates: list[str] = dates if dates is not None else []

    @property
    def shown(self) -> list[TaskStatus]:
        return [r for r in self.rows if self.light is None or r.light == self.light]


def status(
    ws: Workspace,
    plan_text: str | None,
    as_of: date | None,
    agency: str | None = None,
    role: Role | None = None,
    period_start: date | None = None,
    light: Light | None = None,
    today: date | None = None,
) -> StatusResult:
    """Status rows of one plan (or every plan), for one agency when given; `light` filters what is shown.

    Without `as_of` each plan is looked at its own default date (periods.default_as_of: today inside
    its year, its year's end for a past plan); `dates` then says which date when it is not today."""
    given_agency(agency)
    ids = [store.resolve_plan(ws, plan_text)] if plan_text else store.plan_ids(ws)
    skipped: list[str] = []
    if plan_text:
        plans = [store.load_plan(ws, i) for i in ids]
    else:  # a broken plan or journal is skipped with the reason; the journals are read once, below
        ids, plans = _plans_that_load(ws, ids, skipped)
    if as_of is None:
        today = today or date.today()
        chosen = [default_as_of(p, today, whole_quarters=False) for p in plans]
        days = [c.as_of for c in chosen]
        result = _status_at(ws, ids, plans, days, agency, role, period_start, light, skipped, not plan_text)
        result.dates = date_notes(c for c in chosen if c.as_of != today)
        return result
    days = [as_of] * len(plans)
    return _status_at(ws, ids, plans, days, agency, role, period_start, light, skipped, not plan_text)


def _plans_that_load(ws: Workspace, ids: list[str], skipped: list[str]) -> tuple[list[str], list[Plan]]:
    """The plans that load (their ids and plans); a line in `skipped` for each that does not."""
    kept: list[tuple[str, Plan]] = []
    for plan_id in ids:
        try:
            kept.append((plan_id, store.load_plan(ws, plan_id)))
        except StorageError:
            raise  # the workspace's, not the plan's: a cache folder linked out of it is refused
        except PlantrackError as e:
            skipped.append(store.skip_line(plan_id, e))
    return [i for i, _ in kept], [p for _, p in kept]


def _status_at(
    ws: Workspace,
    ids: list[str],
    plans: list[Plan],
    days: list[date],
    agency: str | None,
    role: Role | None,
    period_start: date | None,
    light: Light | None,
    skipped: list[str],
    tolerant: bool = False,
) -> StatusResult:
    """Each plan at its own date; the result's date is the latest of them. `tolerant`: a journal
    that cannot be read skips its plan (with the reason in `skipped`) instead of failing."""
    as_of = max(days, default=date.today())
    name = None
    key = None
    if agency:
        index = workspace_index(ws, plans)
        key = index.resolve(agency)
        name = index.display(key)
    start = period_start or Quarter.containing(as_of).start
    result = StatusResult(as_of, start, name, plans=plans, light=light, skipped=skipped)
    settings = store.tracking_settings(ws)
    for plan_id, plan, day in zip(ids, plans, days, strict=True):
        begin = period_start or Quarter.containing(day).start
        try:
            rows = _view_rows(ws, plan_id, plan, day, begin, settings, name, role)
        except StorageError:
            raise
        except PlantrackError as e:
            if not tolerant:
                raise
            skipped.append(store.skip_line(plan_id, e))
            continue
        result.rows.extend(rows)
    return result


def _rows_of(
    ws: Workspace,
    plan_id: str,
    plan: Plan,
    day: date,
    begin: date,
    settings: TrackingSettings,
    name: str | None = None,
    role: Role | None = None,
    only: set[str] | None = None,
) -> list[TaskStatus]:
    """compute_status over the plan's journal index, with the plan id the rows show."""
    reports = store.status_reports(ws, plan_id, day)
    try:
        rows = compute_status(plan, reports, day, settings.status, name, role, begin, settings.agencies, only)
        for row in rows:
            row.plan_id = plan_id
    finally:
        reports.close()
    return rows


def _view_rows(
    ws: Workspace,
    plan_id: str,
    plan: Plan,
    day: date,
    begin: date,
    settings: TrackingSettings,
    name: str | None,
    role: Role | None,
) -> list[TaskStatus]:
    """The rows of the view (every task, or one agency's), by compute_status; cached per plan, date
    and view (store.plan_rows)."""
    view = None if name is None and role is None else (name or "", role.value if role else "")
    return store.plan_rows(
        ws, plan_id, plan, day, begin, settings,
        lambda: _rows_of(ws, plan_id, plan, day, begin, settings, name, role),
        lambda task: _shares_of(ws, plan_id, plan, day, begin, settings, task, name, role), view,
    )  # fmt: skip


def _shares_of(
    ws: Workspace,
    plan_id: str,
    plan: Plan,
    day: date,
    begin: date,
    settings: TrackingSettings,
    task: Item,
    name: str | None = None,
    role: Role | None = None,
) -> Callable[[], list[AgencyShare]]:
    """A cached row's shares, worked out by the rule when they are read."""
    return lambda: _rows_of(ws, plan_id, plan, day, begin, settings, name, role, only={task.id})[0].shares


def agency_summary(ws: Workspace, plan_text: str | None) -> list[tuple[str, dict[Role, int]]]:
    """Per agency: how many tasks it leads, is responsible for, supports (strongest role per task)."""
    ids = [store.resolve_plan(ws, plan_text)] if plan_text else store.plan_ids(ws)
    plans = [store.load_plan(ws, i) for i in ids]
    index = workspace_index(ws, plans)
    rank = {Role.lead: 0, Role.responsible: 1, Role.support: 2}
    counts: dict[str, dict[Role, int]] = {}
    for plan in plans:
        for task in plan.trackable():
            best: dict[str, Role] = {}
            for a in tracked_agencies(task):
                if is_collective(a.name):
                    continue
                key = index.key(a.name)
                if key not in best or rank[a.role] < rank[best[key]]:
                    best[key] = a.role
            for key, r in best.items():
                counts.setdefault(key, dict.fromkeys(Role, 0))[r] += 1
    rows = [(index.display(k), c) for k, c in counts.items()]
    return sorted(rows, key=lambda row: (-sum(row[1].values()), -row[1][Role.lead], row[0]))


class TaskHistory(Plain):
    """`plantrack history`: every entry of a task, each with a remark (更正 #5, 已被 #9 更正, 已撤销 ...),
    and the task's row at its latest report's date (None before any report)."""

    __slots__ = ("plan_id", "task", "rows", "now")

    def __init__(
        self,
        plan_id: str,
        task: Item,
        rows: list[tuple[Entry, str]],
        now: tuple[TaskStatus, date] | None = None,
    ) -> None:
        self.plan_id, self.task, self.rows, self.now = plan_id, task, rows, now


def history(ws: Workspace, plan_text: str | None, task_text: str) -> TaskHistory:
    """Every entry of a task, in order, with its remark, and where the task stands now: one reading
    of the plan and its journal."""
    plan_id = store.resolve_plan(ws, plan_text)
    plan = store.load_plan(ws, plan_id)
    task = resolve_task(plan, task_text)
    entries = journal.read_entries(ws.journal_path(plan_id))
    effective = {e.id for e in effective_entries(entries)}
    kept = standing([(e.id, e.corrects, e.undoes) for e in entries])
    mine = [e for e in entries if e.task == task.id]
    rows = [(e, _remark(e, entries, effective, kept)) for e in mine]
    now = _task_at(ws, plan, task, entries) if mine else None
    return TaskHistory(plan_id, task, rows, now)


def _remark(entry: Entry, entries: list[Entry], effective: set[int], kept: dict[int, int | None]) -> str:
    """有效, 更正 #N, 已被 #M 更正 (by the correction that stands, itself perhaps corrected later),
    已撤销 (withdrawn by an undo), 撤销 #N."""
    if entry.undoes is not None:
        return f"撤销 #{entry.undoes}"
    parts = []
    if entry.corrects is not None:
        moved = f"由任务 {entry.moved_from} 的 #{entry.corrects} 改记" if entry.moved_from else ""
        parts.append(moved or f"更正 #{entry.corrects}")
    if entry.id not in effective:
        by = [e for e in entries if e.corrects == entry.id and e.id in kept] if entry.id in kept else []
        if by and by[0].task != entry.task:
            parts.append(f"已改记到任务 {by[0].task}（#{by[0].id}）")
        else:
            parts.append(f"已被 #{by[0].id} 更正" if by else "已撤销")
    return "，".join(parts) or "有效"


def undo_restores(ws: Workspace, plan_text: str | None, target: Entry) -> Entry | None:
    """The entry an undo of `target` brings back: the one it undid, or the one it corrected."""
    ref = target.undoes if target.undoes is not None else target.corrects
    if ref is None:
        return None
    entries = journal.read_entries(ws.journal_path(store.resolve_plan(ws, plan_text)))
    return next((e for e in effective_entries(entries) if e.id == ref), None)


def task_now(ws: Workspace, plan_id: str, task: Item, as_of: date | None = None) -> tuple[TaskStatus, date]:
    """One task's row at a date (default: its latest report's date), by the rule every view uses
    (tracking/rule.py)."""
    return _task_at(ws, store.load_plan(ws, plan_id), task, store.load_entries(ws, plan_id), as_of)


def _task_at(
    ws: Workspace, plan: Plan, task: Item, entries: list[Entry], as_of: date | None = None
) -> tuple[TaskStatus, date]:
    if as_of is None:  # the date of its latest report, else the plan year's end (or today)
        dates = [e.as_of for e in effective_entries(entries) if e.task == task.id]
        as_of = min(date.today(), max(dates) if dates else date(plan_year(plan, date.today()), 12, 31))
    settings = store.tracking_settings(ws)
    rows = compute_status(plan, entries, as_of, settings.status, aliases=settings.agencies)
    return next(r for r in rows if r.task.id == task.id), as_of


class TaskView(Plain):
    """One task of a plan and where it stands at a date (`plantrack show PLAN TASK`)."""

    __slots__ = ("plan_id", "task", "status", "as_of")

    def __init__(self, plan_id: str, task: Item, status: TaskStatus, as_of: date) -> None:
        self.plan_id, self.task, self.status, self.as_of = plan_id, task, status, as_of


def show_task(ws: Workspace, plan_text: str | None, task_text: str, as_of: date | None) -> TaskView:
    """The task and its status row at as_of (default: periods.default_as_of, today inside the plan
    year, its end for a past plan), from one reading of the plan and its journal."""
    plan_id = store.resolve_plan(ws, plan_text)
    plan = store.load_plan(ws, plan_id)
    task = resolve_task(plan, task_text)
    as_of = as_of or default_as_of(plan, date.today(), whole_quarters=False).as_of
    settings = store.tracking_settings(ws)
    # only this task's reports, and of those only what its status reads (store.status_reports)
    reports = store.status_reports(ws, plan_id, as_of)
    try:
        rows = compute_status(
            plan, reports, as_of, settings.status, aliases=settings.agencies, only={task.id}
        )
        row = next(r for r in rows if r.task.id == task.id)
        row.shares  # noqa: B018 - read while the journal is open (show prints every agency's part)
    finally:
        reports.close()
    return TaskView(plan_id, task, row, as_of)


def show_plan(ws: Workspace, plan_text: str | None) -> tuple[str, Plan]:
    """The plan's id (from an id or a unique prefix) and the plan (`plantrack show PLAN`)."""
    plan_id = store.resolve_plan(ws, plan_text)
    return plan_id, store.load_plan(ws, plan_id)


class PlanSummary(Plain):
    """A line of `plantrack plans`."""

    __slots__ = ("plan_id", "plan", "entries", "last")

    def __init__(self, plan_id: str, plan: Plan, entries: int, last: date | None) -> None:
        self.plan_id, self.plan, self.entries, self.last = plan_id, plan, entries, last


def plan_summaries(ws: Workspace, skipped: list[str] | None = None) -> list[PlanSummary]:
    """Every plan of the workspace with how many entries its journal holds and the latest date;
    plans that cannot be read are left out, with the reason appended to `skipped`."""
    loaded, broken = store.load_readable(ws, store.plan_ids(ws))
    if skipped is not None:
        skipped.extend(broken)
    summaries = []
    for plan_id, plan, entries in loaded:
        last = max((e.as_of for e in entries), default=None)
        summaries.append(PlanSummary(plan_id, plan, len(entries), last))
    return summaries
