"""Journal entries and status rows: the single definition of what the journal holds and status returns.

File keys and enum values stay English (stable in the journal file); users see the Chinese labels.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from plantrack.models import Item, Role, Target


class Status(StrEnum):
    """What an agency says about a task."""

    not_started = "not_started"
    in_progress = "in_progress"
    done = "done"
    suspended = "suspended"


STATUS_LABELS: dict[Status, str] = {
    Status.not_started: "未启动",
    Status.in_progress: "推进中",
    Status.done: "已完成",
    Status.suspended: "暂缓",
}


class Entry(BaseModel):
    """One line of the progress journal. Never changed once written; later entries correct or undo it."""

    model_config = ConfigDict(extra="forbid")

    id: int = Field(ge=1, description="Unique within the journal, increasing")
    task: str = Field(description="Path id of the task, e.g. 2.5")
    as_of: date = Field(description="The date the reported progress refers to")
    recorded_at: datetime = Field(description="When the entry was written")
    agency: str = Field(description="The reporting agency, as named on the task")
    status: Status | None = None
    percent: float | None = Field(
        None, ge=0, le=100, allow_inf_nan=False, description="Overall progress the agency reports, 0-100"
    )
    actuals: dict[str, Annotated[float, Field(allow_inf_nan=False)]] = Field(
        default_factory=dict,
        description="Target index as text ('0', '1' ...) -> cumulative value as of the date, in the target's unit",
    )
    note: str = Field("", description="The progress text the agency sent")
    corrects: int | None = Field(None, description="Id of the entry this one replaces")
    moved_from: str | None = Field(
        None, description="Set on a correction that moves an entry: the task the corrected entry was on"
    )
    undoes: int | None = Field(None, description="Id of the entry this one withdraws")


class Light(StrEnum):
    """The status light of a task at a date."""

    done = "done"
    on_track = "on_track"
    behind = "behind"
    serious = "serious"
    not_started = "not_started"
    not_reported = "not_reported"


LIGHT_LABELS: dict[Light, str] = {
    Light.done: "已完成",
    Light.on_track: "序时推进",
    Light.behind: "滞后",
    Light.serious: "严重滞后",
    Light.not_started: "未启动",
    Light.not_reported: "未报送",
}

# Display order: the problems first.
LIGHT_ORDER: tuple[Light, ...] = (
    Light.serious,
    Light.behind,
    Light.not_reported,
    Light.not_started,
    Light.on_track,
    Light.done,
)


class TargetProgress(BaseModel):
    index: int = Field(description="Index in the task's targets")
    target: Target
    actual: float | None = Field(None, description="Latest reported cumulative value, in the target's unit")
    pct: float | None = Field(None, description="Progress towards the target, 0-100 (may exceed 100)")
    over: bool = Field(False, description="超额: far above the target (more than twice it); worth a check")


class AgencyShare(BaseModel):
    """One agency's own part of a task: its latest reports, judged alone (tracking/rule.py)."""

    agency: str = Field(description="The agency as named on the task (or as it reported, if not named)")
    role: Role | None = Field(None, description="Its role on the task; None for an agency not named on it")
    counts: bool = Field(description="Its report sets the task's status (lead, else responsible)")
    light: Light
    progress_pct: float | None = None
    reported_in_period: bool = False
    owes: bool = Field(False, description="未报送: it counts and sent nothing in the reporting period")
    last: Entry | None = Field(None, description="Its latest effective entry as of the date")


class TaskStatus(BaseModel):
    """Where one task stands at a date (for one agency when status was asked for one)."""

    plan_id: str
    task: Item
    role: Role | None = Field(None, description="The asked agency's role on the task")
    light: Light
    status: Status | None = Field(None, description="Latest reported status")
    progress_pct: float | None = Field(None, description="Actual progress, 0-100; None when unknown")
    expected_pct: float = Field(description="序时进度: share of the task's period elapsed, 0-100")
    targets: list[TargetProgress] = Field(default_factory=list)
    last: Entry | None = Field(None, description="Latest effective entry as of the date")
    reported_in_period: bool = False
    deadline: date | None = None
    overdue: bool = False
    percent: float | None = Field(None, description="Latest reported overall percent")
    shares: list[AgencyShare] = Field(
        default_factory=list, description="Each agency's own part, those setting the status first"
    )

    @property
    def over_target(self) -> bool:
        """超额: a reported value far above its target, shown with its real figure and a review mark."""
        return any(t.over for t in self.targets)

    @property
    def owing(self) -> list[str]:
        """The agencies that owe a report this period (未报送)."""
        return [s.agency for s in self.shares if s.owes]


def light_counts(rows: list[TaskStatus]) -> dict[Light, int]:
    """Tasks per light, in display order (problems first), zeros included."""
    counts = dict.fromkeys(LIGHT_ORDER, 0)
    for row in rows:
        counts[row.light] += 1
    return counts
