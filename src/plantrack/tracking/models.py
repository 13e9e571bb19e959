"""The journal entry: the single definition of what a journal line holds (pydantic validates it).

The code computes with tracking/records.py's plain records (EntryRecord, TaskStatus); this model
validates the lines people may have edited, and gives their JSON Schema. File keys and enum values
stay English (stable in the journal file); users see the Chinese labels (tracking/kinds.py).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from plantrack.tracking.kinds import LIGHT_LABELS, LIGHT_ORDER, STATUS_LABELS, Light, Status, light_counts
from plantrack.tracking.records import AgencyShare, TargetProgress, TaskStatus

__all__ = ["LIGHT_LABELS", "LIGHT_ORDER", "STATUS_LABELS", "AgencyShare", "Entry", "Light", "Status",
           "TargetProgress", "TaskStatus", "light_counts"]  # fmt: skip


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
