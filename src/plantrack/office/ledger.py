"""The ledger (台账) as plain rows: what `export` writes to .xlsx, .csv and .json.

Every status figure comes from plantrack.tracking (compute_status, the same rows `status --json`
shows) and the report's silent_agencies rule (who owes a report); this module only arranges them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from plantrack.kinds import ROLE_LABELS, Role
from plantrack.office.cells import CellValue
from plantrack.periods import Quarter
from plantrack.records import ItemRecord as Item
from plantrack.records import PlanRecord as Plan
from plantrack.records import TargetRecord as Target
from plantrack.report import numbers as fmt
from plantrack.tracking.kinds import LIGHT_LABELS, Light
from plantrack.tracking.records import EntryRecord as Entry
from plantrack.tracking.records import TaskStatus
from plantrack.workspace import Workspace

if TYPE_CHECKING:
    from plantrack.tracking.status import StatusViews


@dataclass
class LedgerRow:
    """One task of the ledger: the cells in LEDGER_HEADERS (or AGENCY_HEADERS) order, the task's
    plan and id, and its light (which colours the status cell)."""

    plan_id: str
    task_id: str
    light: Light
    section: str  # 一、大力推动农民工就业创业 ("" outside sections)
    cells: list[CellValue]

    @classmethod
    def of(cls, row: TaskStatus, section: str, cells: list[CellValue]) -> LedgerRow:
        return cls(row.plan_id, row.task.id, row.light, section, cells)


@dataclass
class AgencySheet:
    name: str
    rows: list[LedgerRow]


@dataclass
class TargetRow:
    cells: list[CellValue]


@dataclass
class Ledger:
    plan: Plan
    as_of: date
    rows: list[LedgerRow]
    agencies: list[AgencySheet] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)
    quarters: list[Quarter] = field(default_factory=list)
    reporting: list[tuple[str, list[tuple[int, int]]]] = field(default_factory=list)  # name, (owed, duty)
    plans: list[Plan] = field(default_factory=list)  # several when the ledger covers several plans

    @property
    def as_of_text(self) -> str:
        return fmt.cn_month_day(self.as_of)

    @property
    def title(self) -> str:
        if len(self.plans) > 1:
            return f"{len(self.plans)}个计划"
        return self.plan.title or self.plan.id


def target_text(target: Target) -> str:
    return target.text or f"{target.metric}{fmt.amount(target.value, target.unit)}"


def targets_text(task: Item) -> str:
    return "；".join(target_text(t) for t in task.targets)


def actuals_text(row: TaskStatus) -> str:
    return "；".join(
        f"{t.target.metric}{fmt.amount(t.actual, t.target.unit)}" for t in row.targets if t.actual is not None
    )


def names(task: Item, role: Role) -> str:
    return "、".join(a.name for a in task.agencies if a.role == role)


def deadline_cell(row: TaskStatus) -> CellValue:
    from plantrack.lang.office_words import ONGOING

    if row.deadline is not None:
        return row.deadline
    return ONGOING if row.task.ongoing else "、".join(row.task.deadline_text)


def share(pct: float | None) -> float | None:
    """A percent as a number (74.5); the .xlsx writer stores it as the fraction a % format shows."""
    return pct


def note_cell(row: TaskStatus) -> str:
    note = row.last.note if row.last else ""
    return note + ("（已超期）" if row.overdue else "")


def last_cell(last: Entry | None) -> CellValue:
    return last.as_of if last else None


def task_cells(row: TaskStatus) -> list[CellValue]:
    t = row.task
    return [
        t.number or t.id, t.title, names(t, Role.lead), names(t, Role.responsible), names(t, Role.support),
        deadline_cell(row), targets_text(t), actuals_text(row), share(row.progress_pct),
        share(row.expected_pct), LIGHT_LABELS[row.light], last_cell(row.last), note_cell(row),
    ]  # fmt: skip


def agency_cells(row: TaskStatus, task: Sequence[CellValue] | None = None) -> list[CellValue]:
    """An agency's row; the task's own cells (task_cells), when given, lend it the task's number,
    title and targets (the same text on every agency's sheet)."""
    t = row.task
    number, title, targets = (
        (task[0], task[1], task[6]) if task else (t.number or t.id, t.title, targets_text(t))
    )
    return [
        number, title, ROLE_LABELS[row.role] if row.role else "", deadline_cell(row),
        targets, actuals_text(row), share(row.progress_pct), share(row.expected_pct),
        LIGHT_LABELS[row.light], last_cell(row.last), note_cell(row),
    ]  # fmt: skip


# Where each cell of agency_cells comes from in task_cells (None: the agency's own role). The
# ledger's cache (office/ledger_cache.py) keeps an agency's cell only where it differs.
AGENCY_FROM_TASK: tuple[int | None, ...] = (0, 1, None, 5, 6, 7, 8, 9, 10, 11, 12)


def section_title(plan: Plan, task: Item) -> str:
    """一、大力推动农民工就业创业: a bare Chinese numeral gets its 、 back; (一) and 1. stay as printed."""
    s = plan.section_of(task)
    if s is None:
        return ""
    number = s.number.strip()
    if number and all(ch in "〇一二三四五六七八九十百" for ch in number):
        number += "、"
    elif number and not number.endswith(("、", ".", "）", ")", "〕")):
        number += " "
    return f"{number}{s.title}".strip()


def build_ledger(ws: Workspace, plan_id: str, as_of: date, agencies: bool = True) -> Ledger:
    """The ledger of one plan at a date: all tasks, each agency's view, targets, reporting by quarter.

    Kept in the workspace's cache (office/ledger_cache.py) while the plan's file, its journal,
    plantrack.toml and plantrack's code are the same: an export after one `record` builds one plan's
    part and reads the others."""
    from plantrack.office.ledger_cache import LedgerCache
    from plantrack.tracking import store

    plan = store.load_plan(ws, plan_id)
    cache = LedgerCache(ws)
    kept = cache.get(plan_id, plan, as_of, agencies)
    if kept is not None:
        return kept
    ledger = make_ledger(ws, plan_id, plan, as_of, agencies)
    cache.put(plan_id, ledger, agencies)
    return ledger


def make_ledger(ws: Workspace, plan_id: str, plan: Plan, as_of: date, agencies: bool = True) -> Ledger:
    """build_ledger without the cache.

    Each task is judged once (tracking.status.StatusViews); the agency sheets and the current
    quarter of 报送情况 reuse those rows."""
    from plantrack.tracking import store
    from plantrack.tracking.status import StatusViews, effective_entries

    # The entries that count, read once (cached): the date's views and each earlier quarter's.
    entries = effective_entries(store.load_entries(ws, plan_id))
    settings = store.tracking_settings(ws)
    start = Quarter.containing(as_of).start
    views = StatusViews(plan, entries, as_of, settings.status, period_start=start, aliases=settings.agencies)
    rows = views.rows
    ledger = Ledger(plan, as_of, [LedgerRow.of(r, section_title(plan, r.task), task_cells(r)) for r in rows])
    ledger.targets = [TargetRow(c) for r in rows for c in _target_rows(r)]
    if agencies:
        of_task = {id(r.task): row for r, row in zip(rows, ledger.rows, strict=True)}
        for name in views.agencies():
            mine = [(r, of_task[id(r.task)]) for r in views.for_agency(name)]
            ledger.agencies.append(
                AgencySheet(
                    name, [LedgerRow.of(r, row.section, agency_cells(r, row.cells)) for r, row in mine]
                )
            )
        _reporting(ledger, views, entries)
    return ledger


def merge_ledgers(ledgers: list[Ledger]) -> Ledger:
    """One ledger of several plans: rows in plan order (sections named with their plan), agency sheets
    and reporting counts joined by agency name."""
    if len(ledgers) == 1:
        ledgers[0].plans = [ledgers[0].plan]
        return ledgers[0]
    first = ledgers[0]
    out = Ledger(first.plan, first.as_of, [], plans=[x.plan for x in ledgers])
    agencies: dict[str, AgencySheet] = {}
    by_code = {q.code: q for x in ledgers for q in x.quarters}  # a quarter's code is cheaper to hash
    quarters = sorted(by_code.values())
    counts: dict[str, dict[str, tuple[int, int]]] = {}
    for x in ledgers:
        prefix = f"《{x.plan.title or x.plan.id}》"
        for r in x.rows:
            r.section = prefix + (f" {r.section}" if r.section else "")
        out.rows += x.rows
        out.targets += x.targets
        for a in x.agencies:
            for r in a.rows:
                r.section = prefix + (f" {r.section}" if r.section else "")
            agencies.setdefault(a.name, AgencySheet(a.name, [])).rows.extend(a.rows)
        for name, cells in x.reporting:
            mine = counts.setdefault(name, {})
            for q, (owed, duty) in zip(x.quarters, cells, strict=True):
                o, d = mine.get(q.code, (0, 0))
                mine[q.code] = (o + owed, d + duty)
    out.agencies = sorted(agencies.values(), key=lambda a: -len(a.rows))
    out.quarters = quarters
    codes = [q.code for q in quarters]
    out.reporting = [(n, [c.get(q, (0, 0)) for q in codes]) for n, c in counts.items()]
    return out


def _target_rows(row: TaskStatus) -> list[list[CellValue]]:
    return [
        [row.task.number or row.task.id, row.task.title, t.target.metric or t.target.text, t.target.value,
         t.target.unit, t.actual, share(t.pct)]
        for t in row.targets
    ]  # fmt: skip


def _reporting(ledger: Ledger, views: StatusViews, entries: Sequence[Entry]) -> None:
    """Per agency and quarter of the plan year up to the date: (tasks owing a report, tasks whose
    reports count), both by tracking's rule (tracking/rule.py) and the report's silent_agencies.
    The date's own quarter is the ledger's rows; earlier quarters are counted at their ends."""
    from plantrack.periods import plan_year
    from plantrack.tracking.rule import counting_keys

    plan, index = ledger.plan, views.index
    duty: dict[str, int] = {}
    for named in views.named:
        for k in counting_keys(named):
            duty[k] = duty.get(k, 0) + 1
    quarter = Quarter(plan_year(plan, ledger.as_of), 1)
    last = Quarter.containing(ledger.as_of)
    while quarter <= last:
        ledger.quarters.append(quarter)
        quarter = quarter.next()
    earlier = (
        views.owing_in(entries, [(q.end, q.start) for q in ledger.quarters[:-1]]) if ledger.quarters else []
    )
    # the date's own quarter: silent_agencies(views.rows, index.key), counted by key
    owing = [*earlier, views.owing_now()] if ledger.quarters else []
    table: dict[str, list[tuple[int, int]]] = {k: [] for k in duty}
    for owed in owing:
        for k, n in duty.items():
            table[k].append((owed.get(k, 0), n))
    ledger.reporting = [(index.display(k), cells) for k, cells in table.items()]


def headers(template: tuple[str, ...], ledger: Ledger) -> list[str]:
    return [h.format(as_of=ledger.as_of_text) for h in template]


def _plain(value: CellValue) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def ledger_json(ledger: Ledger) -> dict[str, Any]:
    """The ledger for scripts: one object per task keyed by the ledger's headers, plus ids and lights."""
    from plantrack.lang.office_words import LEDGER_HEADERS

    names_ = headers(LEDGER_HEADERS, ledger)
    return {
        "plans": [{"plan": p.id, "title": p.title} for p in ledger.plans or [ledger.plan]],
        "as_of": ledger.as_of.isoformat(),
        "columns": names_,
        "tasks": [
            {
                "plan": r.plan_id,
                "task": r.task_id,
                "section": r.section,
                "light": r.light.value,
                **{h: _plain(v) for h, v in zip(names_, r.cells, strict=True)},
            }
            for r in ledger.rows
        ],
        "reporting": {
            "quarters": [q.code for q in ledger.quarters],
            "agencies": [
                {"agency": name, "owed": [o for o, _ in cells], "tasks": [d for _, d in cells]}
                for name, cells in ledger.reporting
            ],
        },
    }


def ledger_csv(ledger: Ledger) -> str:
    """The 任务台账 sheet as CSV (a title-free table: header row, then one row per task)."""
    from plantrack.lang.office_words import LEDGER_HEADERS
    from plantrack.office.cells import csv_text

    return csv_text([headers(LEDGER_HEADERS, ledger), *(r.cells for r in ledger.rows)])
