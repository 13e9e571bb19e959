"""Reminders (催办): for each agency that owes reports, lags behind or has tasks due next quarter, a
short notice in the office's wording; with no agency, an overview list and one notice per agency.

The facts come from tracking (compute_status for the agency's view) and the report's rule of who
owes a report (silent_agencies); this module words them as Markdown, which docx_report turns into
a Word document and xlsx into a list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from plantrack.kinds import ROLE_LABELS
from plantrack.lang import office_words as words
from plantrack.office.workdays import add_workdays
from plantrack.periods import Quarter
from plantrack.records import PlanRecord as Plan
from plantrack.report import numbers as fmt
from plantrack.report.escape import md
from plantrack.tracking.kinds import LIGHT_LABELS, Light
from plantrack.tracking.records import TaskStatus
from plantrack.workspace import Workspace

FORMATS = ("md", "docx", "xlsx")


@dataclass
class AgencyReminder:
    agency: str
    owes: list[TaskStatus] = field(default_factory=list)
    lagging: list[TaskStatus] = field(default_factory=list)
    due_next: list[TaskStatus] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.owes or self.lagging or self.due_next)


@dataclass
class Reminders:
    plan: Plan
    quarter: Quarter
    due_by: date
    issued: date
    issuer: str
    items: list[AgencyReminder]


def collect(
    ws: Workspace,
    plan_text: str | None,
    quarter: Quarter,
    agency: str | None = None,
    today: date | None = None,
) -> Reminders:
    """Who owes what at the quarter's end (or today, inside the quarter)."""
    from plantrack.report.build import silent_agencies
    from plantrack.tracking import store
    from plantrack.tracking.agencies import agency_index
    from plantrack.tracking.ledger import agency_summary
    from plantrack.tracking.status import compute_status

    today = today or date.today()
    plan_id = store.resolve_plan(ws, plan_text)
    plan = store.load_plan(ws, plan_id)
    entries = store.load_entries(ws, plan_id)
    settings = ws.settings
    index = agency_index(plan.tasks, settings.agencies)
    names = [n for n, _ in agency_summary(ws, plan_id)]
    if agency:
        names = [index.display(index.resolve(agency))]
    as_of = min(quarter.end, max(today, quarter.start))
    nxt = quarter.next()
    items = []
    for name in names:
        rows = compute_status(
            plan, entries, as_of, settings.status, name, period_start=quarter.start, aliases=settings.agencies
        )
        key = index.key(name)
        owed = {seq for a in silent_agencies(rows, index.key, key) for seq in a.tasks}
        item = AgencyReminder(
            name,
            owes=[r for seq, r in enumerate(rows, start=1) if seq in owed],
            lagging=[r for r in rows if r.light in (Light.behind, Light.serious)],
            due_next=[
                r for r in rows if r.deadline and nxt.start <= r.deadline <= nxt.end and r.light != Light.done
            ],
        )
        if agency or not item.empty:
            items.append(item)
    due_by = report_by(quarter, today, settings.remind.working_days)
    issuer = settings.docx.issuer or "、".join(plan.issuer)
    return Reminders(plan, quarter, due_by, today, issuer, items)


def report_by(quarter: Quarter, issued: date, working_days: int) -> date:
    """The date to report by: `working_days` working days after the quarter's end; for a notice
    issued on or after that date, that many working days after the notice (never a day gone by)."""
    due = add_workdays(quarter.end, working_days)
    return due if due > issued else add_workdays(issued, working_days)


def _task(r: TaskStatus) -> str:
    return f"{md(r.task.number)}{md(r.task.title)}"


def _last(r: TaskStatus) -> str:
    if r.last is None:
        return "此前未报送进展"
    note = f"，{md(r.last.note)}" if r.last.note else ""
    return f"上次报送：{fmt.cn_date(r.last.as_of)}{note}"


def _deadline(r: TaskStatus) -> str:
    return fmt.cn_date(r.deadline) if r.deadline else ("持续推进" if r.task.ongoing else "未写明")


def notice(rem: Reminders, item: AgencyReminder) -> str:
    """One agency's notice (Markdown): which tasks, their deadlines, what was last reported, by when."""
    q, plan = rem.quarter, rem.plan
    doc = f"（{md(plan.doc_number)}）" if plan.doc_number else ""
    lines = [f"# {words.REMIND_TITLE.format(quarter=q.label)}", "", f"{md(item.agency)}：", ""]
    lines += [
        f"根据《{md(plan.title or plan.id)}》{doc}任务分工，现将贵单位需要报送和加快推进的工作任务提醒如下。",
        "",
    ]
    sections: list[tuple[str, list[TaskStatus], Callable[[TaskStatus], str]]] = [
        (f"尚未报送{q.label}进展的任务", item.owes, lambda r: f"本单位{ROLE_LABELS[r.role] if r.role else '承担'}；完成时限：{_deadline(r)}；{_last(r)}。"),
        ("进度滞后的任务", item.lagging, lambda r: f"{LIGHT_LABELS[r.light]}，完成进度{fmt.pct(r.progress_pct)}，序时进度{fmt.pct(r.expected_pct)}；完成时限：{_deadline(r)}。"),
        (f"{q.next().label}到期的任务", item.due_next, lambda r: f"完成时限：{_deadline(r)}，目前完成{fmt.pct(r.progress_pct, '情况未报送')}。"),
    ]  # fmt: skip
    n = 0
    for title, rows, say in sections:
        if not rows:
            continue
        n += 1
        lines += [f"## {fmt.cn_numeral(n)}、{title}", ""]
        for i, r in enumerate(rows, start=1):
            lines += [f"{i}\\.{_task(r)}：{say(r)}", ""]
    if not n:
        lines += [f"贵单位{q.label}的任务均已按时报送，没有滞后或下季度到期的任务。", ""]
    ask = words.REMIND_ASK_OWED if item.owes else words.REMIND_ASK_NEXT
    why = words.REMIND_ASK_LAGGING if item.lagging else ""
    lines += [f"请于{fmt.cn_date(rem.due_by)}前{ask}{words.REMIND_ASK_SHEET}{why}。", ""]
    if rem.issuer:
        lines += [md(rem.issuer), ""]
    lines += [fmt.cn_date(rem.issued), ""]
    return "\n".join(lines)


def overview(rem: Reminders) -> str:
    """The list the office keeps: agency | owes | lagging | due next quarter."""
    q = rem.quarter
    head = [h.format(next_quarter=q.next().label) for h in words.REMIND_OVERVIEW_HEADERS]
    lines = [f"# {words.REMIND_OVERVIEW_TITLE.format(quarter=q.label)}", ""]
    lines += [
        f"截至{fmt.cn_date(min(q.end, max(rem.issued, q.start)))}，共{len(rem.items)}个单位需要催办；报送截止日期：{fmt.cn_date(rem.due_by)}。",
        "",
    ]
    lines += ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
    for item in rem.items:
        cells = [md(item.agency), *(_numbers(rows) for rows in (item.owes, item.lagging, item.due_next))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _numbers(rows: list[TaskStatus]) -> str:
    if not rows:
        return "—"
    return f"{len(rows)}项：" + "、".join(md(r.task.number or r.task.id) for r in rows)


REMIND_DIR = ("reports", "催办")  # the workspace's folder of reminders, one subfolder per quarter


@dataclass(frozen=True)
class Written:
    folder: Path
    overview: Path | None
    notices: list[tuple[str, Path]]


def write_reminders(rem: Reminders, kind: str, ws: Workspace, output: Path | None = None) -> Written:
    """The overview (when several agencies) and one notice per agency, as md, docx or xlsx, in the
    folder named by -o, else reports/催办/<quarter> of the workspace. Every file stays inside that
    folder (or the workspace): names come from plan files, reports/ may be a planted symlink."""
    from plantrack.fsguard import make_folder, safe_name, write_file
    from plantrack.office.docx_report import markdown_to_docx

    code = rem.quarter.code
    root, where = (output, "输出文件夹") if output is not None else (ws.root, "工作区")
    folder = make_folder(output or ws.root.joinpath(*REMIND_DIR, code), root, where)

    def put(path: Path, markdown: str) -> Path:
        if kind == "docx":
            return markdown_to_docx(markdown, path, ws.settings.docx, root=root, where=where)
        return write_file(path, markdown.encode("utf-8"), root, where)

    if kind == "xlsx":
        from plantrack.office.xlsx_remind import write_reminder_book

        path = write_reminder_book(rem, folder / f"{code}-催办清单.xlsx", root, where)
        return Written(folder, path, [])
    notices = []
    for item in rem.items:
        path = folder / f"{code}-{safe_name(item.agency, 'agency')}-催办.{kind}"
        notices.append((item.agency, put(path, notice(rem, item))))
    first = None
    if len(rem.items) > 1 or not rem.items:
        first = put(folder / f"{code}-催办清单.{kind}", overview(rem))
    return Written(folder, first, notices)
