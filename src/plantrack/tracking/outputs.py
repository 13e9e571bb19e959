"""What the tracking commands print with --json: pydantic models, one per output kind.

`--json` prints `model_dump(mode="json")` of these; `plantrack schema --kind KIND` prints their JSON
Schema, so other programs can rely on the shape.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from plantrack.models import Item, Op, Plan, Role
from plantrack.tracking.ledger import PlanSummary, StatusResult, TaskView
from plantrack.tracking.models import (
    LIGHT_LABELS,
    STATUS_LABELS,
    Entry,
    Light,
    Status,
    TaskStatus,
    light_counts,
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
        reported_in_period=row.reported_in_period, targets=targets, last=row.last, owing=row.owing,
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
    status: TaskStatus


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


def task_output(view: TaskView) -> TaskOutput:
    return TaskOutput(plan_id=view.plan_id, as_of=view.as_of, status=view.status)


def history_output(plan_id: str, task: Item, rows: list[tuple[Entry, str]]) -> HistoryOutput:
    return HistoryOutput(plan_id=plan_id, task=task, entries=[HistoryRow(entry=e, remark=r) for e, r in rows])


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
