"""What the tracking commands print with --json: pydantic models, one per output kind.

`--json` prints `model_dump(mode="json")` of these; `plantrack schema --kind KIND` prints their JSON
Schema, so other programs can rely on the shape.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from plantrack.models import Item, Op, Plan, Role, Target
from plantrack.records import ItemRecord, PlanRecord
from plantrack.tracking.kinds import LIGHT_LABELS, STATUS_LABELS, Light, Status, light_counts
from plantrack.tracking.ledger import PlanSummary, StatusResult, TaskView
from plantrack.tracking.models import Entry
from plantrack.tracking.records import EntryRecord, TaskStatus


def entry_model(e: EntryRecord | None) -> Entry | None:
    return None if e is None else Entry.model_validate(e, from_attributes=True)


def item_model(task: ItemRecord) -> Item:
    return Item.model_validate(task, from_attributes=True)


def plan_model(plan: PlanRecord) -> Plan:
    """The plan file's model of a plan record (`show PLAN --json` prints the plan file's shape)."""
    return Plan.model_validate(plan, from_attributes=True)


class TargetProgressModel(BaseModel):
    """tracking/records.TargetProgress as --json prints it."""

    model_config = ConfigDict(from_attributes=True, title="TargetProgress")
    index: int = Field(description="Index in the task's targets")
    target: Target
    actual: float | None = Field(None, description="Latest reported cumulative value, in the target's unit")
    pct: float | None = Field(None, description="Progress towards the target, 0-100 (may exceed 100)")
    over: bool = Field(False, description="超额: far above the target (more than twice it); worth a check")


class AgencyShareModel(BaseModel):
    """One agency's own part of a task: its latest reports, judged alone (tracking/rule.py)."""

    model_config = ConfigDict(from_attributes=True, title="AgencyShare")
    agency: str = Field(description="The agency as named on the task (or as it reported, if not named)")
    role: Role | None = Field(None, description="Its role on the task; None for an agency not named on it")
    counts: bool = Field(description="Its report sets the task's status (lead, else responsible)")
    light: Light
    progress_pct: float | None = None
    reported_in_period: bool = False
    owes: bool = Field(False, description="未报送: it counts and sent nothing in the reporting period")
    last: Entry | None = Field(None, description="Its latest effective entry as of the date")


class TaskStatusModel(BaseModel):
    """Where one task stands at a date (for one agency when status was asked for one)."""

    model_config = ConfigDict(from_attributes=True, title="TaskStatus")
    plan_id: str
    task: Item
    role: Role | None = Field(None, description="The asked agency's role on the task")
    light: Light
    status: Status | None = Field(None, description="Latest reported status")
    progress_pct: float | None = Field(None, description="Actual progress, 0-100; None when unknown")
    expected_pct: float = Field(description="序时进度: share of the task's period elapsed, 0-100")
    targets: list[TargetProgressModel] = Field(default_factory=list)
    last: Entry | None = Field(None, description="Latest effective entry as of the date")
    reported_in_period: bool = False
    deadline: date | None = None
    overdue: bool = False
    percent: float | None = Field(None, description="Latest reported overall percent")
    shares: list[AgencyShareModel] = Field(
        default_factory=list, description="Each agency's own part, those setting the status first"
    )


class TargetRow(BaseModel):
    index: int = Field(description="Index in the task's targets")
    metric: str
    op: Op
    value: float
    unit: str
    actual: float | None = Field(description="Latest reported cumulative value, in the target's unit")
    pct: float | None = Field(description="Progress towards the target, 0-100 (may exceed 100)")
    over: bool = Field(False, description="超额: far above the target (more than twice it); worth a check")


class StatusRow(BaseModel):
    """One task of `status --json`, flat: ids, labels and numbers (the full task is in the plan file)."""

    plan: str
    task: str = Field(description="Path id of the task, e.g. 2.5")
    number: str = Field(description="The task's printed number, e.g. (五)")
    title: str
    role: Role | None = Field(description="The asked agency's role on the task")
    light: Light
    light_label: str
    status: Status | None = Field(description="Latest reported status")
    status_label: str | None
    progress_pct: float | None = Field(description="Actual progress, 0-100; None when unknown")
    expected_pct: float = Field(description="序时进度: share of the task's period elapsed, 0-100")
    deadline: date | None
    overdue: bool
    reported_in_period: bool
    targets: list[TargetRow]
    last: Entry | None = Field(description="Latest effective entry as of the date")
    owing: list[str] = Field(default_factory=list, description="未报送: agencies owing a report this period")


def status_row(row: TaskStatus) -> StatusRow:
    targets = [
        TargetRow(
            index=t.index,
            metric=t.target.metric,
            op=t.target.op,
            value=t.target.value,
            unit=t.target.unit,
            actual=t.actual,
            pct=t.pct,
            over=t.over,
        )
        for t in row.targets
    ]
    return StatusRow(
        plan=row.plan_id, task=row.task.id, number=row.task.number, title=row.task.title, role=row.role,
        light=row.light, light_label=LIGHT_LABELS[row.light], status=row.status,
        status_label=STATUS_LABELS[row.status] if row.status else None, progress_pct=row.progress_pct,
        expected_pct=row.expected_pct, deadline=row.deadline, overdue=row.overdue,
        reported_in_period=row.reported_in_period, targets=targets, last=entry_model(row.last), owing=row.owing,
    )  # fmt: skip


class StatusOutput(BaseModel):
    """`plantrack status --json`."""

    kind: Literal["status"] = "status"
    as_of: date
    period_start: date = Field(description="Start of the reporting quarter (for 未报送)")
    agency: str | None = Field(None, description="The agency asked for, in the plans' spelling")
    light: Light | None = Field(None, description="Only tasks with this light are listed")
    counts: dict[Light, int] = Field(description="Tasks per light, over every task of the view")
    total: int = Field(description="Tasks in the view (before the light filter)")
    tasks: list[StatusRow]


class TaskOutput(BaseModel):
    """`plantrack show PLAN TASK --json`."""

    kind: Literal["task"] = "task"
    plan_id: str
    as_of: date
    status: TaskStatusModel


class HistoryRow(BaseModel):
    entry: Entry
    remark: str = Field(description="有效, 更正 #1, 已被 #3 更正, 已撤销, 撤销 #2 ...")


class HistoryOutput(BaseModel):
    """`plantrack history PLAN TASK --json`."""

    kind: Literal["history"] = "history"
    plan_id: str
    task: Item
    entries: list[HistoryRow]


class PlanRow(BaseModel):
    plan_id: str
    title: str
    year: int | None
    doc_number: str
    tasks: int
    entries: int
    last: date | None = Field(None, description="Latest date an entry refers to")


class PlansOutput(BaseModel):
    """`plantrack plans --json`."""

    kind: Literal["plans"] = "plans"
    plans: list[PlanRow]


class AgencyRow(BaseModel):
    agency: str
    counts: dict[Role, int] = Field(description="Tasks the agency leads, is responsible for, supports")
    total: int


class AgenciesOutput(BaseModel):
    """`plantrack agencies --json`."""

    kind: Literal["agencies"] = "agencies"
    agencies: list[AgencyRow]


def status_output(result: StatusResult) -> StatusOutput:
    return StatusOutput(
        as_of=result.as_of,
        period_start=result.period_start,
        agency=result.agency,
        light=result.light,
        counts=light_counts(result.rows),
        total=len(result.rows),
        tasks=[status_row(r) for r in result.shown],
    )


def task_status_model(row: TaskStatus) -> TaskStatusModel:
    """A row as its --json model."""
    return TaskStatusModel.model_validate(row, from_attributes=True)


def task_output(view: TaskView) -> TaskOutput:
    return TaskOutput(plan_id=view.plan_id, as_of=view.as_of, status=task_status_model(view.status))


def history_output(plan_id: str, task: ItemRecord, rows: list[tuple[EntryRecord, str]]) -> HistoryOutput:
    entries = [HistoryRow(entry=Entry.model_validate(e, from_attributes=True), remark=r) for e, r in rows]
    return HistoryOutput(plan_id=plan_id, task=item_model(task), entries=entries)


def plans_output(summaries: list[PlanSummary]) -> PlansOutput:
    rows = [
        PlanRow(
            plan_id=s.plan_id,
            title=s.plan.title,
            year=s.plan.year,
            doc_number=s.plan.doc_number,
            tasks=len(s.plan.trackable()),
            entries=s.entries,
            last=s.last,
        )
        for s in summaries
    ]
    return PlansOutput(plans=rows)


def agencies_output(rows: list[tuple[str, dict[Role, int]]]) -> AgenciesOutput:
    return AgenciesOutput(
        agencies=[AgencyRow(agency=name, counts=counts, total=sum(counts.values())) for name, counts in rows]
    )


# Every output kind of `plantrack schema --kind`, with the plan file's own model.
KINDS: dict[str, type[BaseModel]] = {
    "plan": Plan,
    "status": StatusOutput,
    "task": TaskOutput,
    "history": HistoryOutput,
    "plans": PlansOutput,
    "agencies": AgenciesOutput,
}
