"""Plan files plantrack wrote, checked by msgspec against the model's types and made into records.

models.Plan stays the definition of a plan file. These structs mirror it field for field, with the
model's constraints, and take only what the model takes with the same values (msgspec's strict
conversion: no text read as a number, no number as a flag, dates only as 2017-06-30); anything
else makes `plan_of` give up, and the model reads the file and names the line and the field
(planfile.load_record). The records are what planfile.plan_record makes of the model, so
`status` on a workspace without a cache never imports pydantic for its plans.
tests/test_fast_paths.py compares both on every bundled plan, hand-edited ones and random texts.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta

from plantrack.kinds import ItemKind, Op, Role
from plantrack.records import AgencyRecord, ItemRecord, PlanRecord, SectionRecord, SourceRecord, TargetRecord

_MAX = sys.float_info.max  # bounds that leave out inf and nan, as allow_inf_nan=False does


class _Struct(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    pass


class Agency(_Struct):
    name: str
    role: Role


class Target(_Struct):
    value: Annotated[float, Meta(ge=-_MAX, le=_MAX)]
    unit: str
    op: Op = Op.eq
    metric: str = ""
    text: str = ""
    parent: int | None = None


class Item(_Struct):
    path: list[int]
    title: str
    number: str = ""
    kind: ItemKind = ItemKind.task
    text: str = ""
    agency_text: str = ""
    agencies: list[Agency] = []
    inherited_agencies: list[Agency] = []
    targets: list[Target] = []
    deadlines: list[date] = []
    deadline_text: list[str] = []
    ongoing: bool = False


class Section(_Struct):
    path: list[int]
    title: str
    number: str = ""


class Source(_Struct):
    path: str
    sha256: str
    encoding: str = ""
    format: str = ""


class Plan(_Struct):
    id: str
    schema_: int = msgspec.field(default=1, name="schema")
    kind: Literal["plan", "other"] = "plan"
    title: str = ""
    notice_title: str = ""
    doc_number: str = ""
    issuer: list[str] = []
    issued_on: date | None = None
    year: int | None = None
    recipients: list[str] = []
    source: Source | None = None
    sections: list[Section] = []
    tasks: list[Item] = []
    warnings: list[str] = []


def plan_of(data: dict[str, Any]) -> PlanRecord | None:
    """The record of a plan file's data (as yaml-rs read it); None when msgspec does not take it
    (the model decides then, and says what is wrong)."""
    try:
        plan = msgspec.convert(data, Plan)
    except msgspec.ValidationError:
        return None
    table: dict[tuple[str, Role], AgencyRecord] = {}

    def agencies(found: list[Agency]) -> list[AgencyRecord]:
        out = []
        for a in found:
            record = table.get((a.name, a.role))
            if record is None:
                record = table[(a.name, a.role)] = AgencyRecord(a.name, a.role)
            out.append(record)
        return out

    s = plan.source
    return PlanRecord(
        plan.schema_, plan.id, plan.kind, plan.title, plan.notice_title, plan.doc_number, plan.issuer,
        plan.issued_on, plan.year, plan.recipients, None if s is None else SourceRecord(s.path, s.sha256, s.encoding,
        s.format), [SectionRecord(x.path, x.number, x.title) for x in plan.sections],
        [ItemRecord(t.path, t.number, t.title, t.kind, t.text, t.agency_text, agencies(t.agencies),
                    agencies(t.inherited_agencies), [TargetRecord(x.value, x.unit, x.op, x.metric, x.text, x.parent)
                    for x in t.targets], t.deadlines, t.deadline_text, t.ongoing) for t in plan.tasks],
        plan.warnings,
    )  # fmt: skip
