"""The plan: the single definition of what `extract` writes and every other command reads.

Field names that the evaluation scorer reads (kind, title, doc_number, issued_on, tasks[].path,
title, kind, agencies[].name/role, targets[].value/unit/op, deadlines[]) are fixed; the rest is
documented in docs/plan-format.md.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from plantrack import kinds
from plantrack.kinds import ROLE_LABELS, ItemKind, Op, Role

SCHEMA_VERSION = 1
__all__ = ["ROLE_LABELS", "Agency", "Item", "ItemKind", "Op", "Plan", "Role", "Section", "Source", "Target"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_assignment=False)


class Agency(_Model):
    name: str = Field(description="Full name as the notice means it (elided prefixes restored)")
    role: Role


class Target(_Model):
    value: float = Field(
        allow_inf_nan=False, description="Plain number, 万/亿 multiplied out: 6.04万人 -> 60400"
    )
    unit: str = Field(description="Unit as printed, without the multiplier: 人, 人次, %, 个百分点")
    op: Op = Op.eq
    metric: str = Field("", description="What is counted, e.g. 新增转移农村劳动力")
    text: str = Field("", description="The phrase as printed")
    parent: int | None = Field(
        None, description="Index in this task's targets of the total a 其中 part belongs to"
    )


class Item(_Model):
    """One numbered item of the notice, in document order."""

    path: list[int] = Field(description="Printed numbers from the outermost level: 二、(五) -> [2, 5]")
    number: str = Field("", description="The number as printed, e.g. (五)")
    title: str = Field(description="Heading or headline sentence, without number and final 。")
    kind: ItemKind = ItemKind.task
    text: str = Field("", description="Full text of the item, sub-items excluded")
    agency_text: str = Field("", description="The agency phrase as printed, for review")
    agencies: list[Agency] = Field(default_factory=list)
    inherited_agencies: list[Agency] = Field(
        default_factory=list,
        description="Not printed on the task: the plan's issuers (or recipients) who answer for it, "
        "when the task names no agency; tracking reads them as the task's agencies",
    )
    targets: list[Target] = Field(default_factory=list)
    deadlines: list[date] = Field(default_factory=list, description="ISO dates")
    deadline_text: list[str] = Field(default_factory=list, description="Deadline phrases as printed")
    ongoing: bool = Field(False, description="持续推进 / 长期坚持: no end date")

    @property
    def id(self) -> str:
        """The task id users type: path joined by dots, e.g. 1.5."""
        return kinds.item_id(self.path)


class Section(_Model):
    path: list[int]
    number: str = ""
    title: str


class Source(_Model):
    path: str
    sha256: str
    encoding: str = ""
    format: str = ""


class Plan(_Model):
    """A work plan extracted from one notice."""

    schema_: int = Field(SCHEMA_VERSION, alias="schema")
    id: str
    kind: Literal["plan", "other"] = "plan"
    title: str = Field("", description="The plan's own title, else the notice's")
    notice_title: str = ""
    doc_number: str = ""
    issuer: list[str] = Field(default_factory=list)
    issued_on: date | None = None
    year: int | None = None
    recipients: list[str] = Field(default_factory=list)
    source: Source | None = None
    sections: list[Section] = Field(default_factory=list)
    tasks: list[Item] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list, description="What a reviewer should look at")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def trackable(self) -> list[Item]:
        """Items of kind task: the ones progress is recorded against."""
        return kinds.trackable(self.tasks)

    def headline(self) -> list[Item]:
        """Requirement items with targets (一、总体目标 城镇新增就业4.2万人): recordable, not tasks."""
        return kinds.headline(self.tasks)

    def recordable(self) -> list[Item]:
        """Items progress may be recorded on: the tasks and the headline items, in plan order."""
        return kinds.recordable(self.tasks)

    def section_of(self, item: Item) -> Section | None:
        return kinds.section_of(self.sections, item.path)
