"""The plan's enumerations (roles, item kinds, comparators), without pydantic.

models.py (the pydantic plan file) and records.py (the plan as tracking commands read it from the
cache) both use these, so `status`, `show` and `record` never import pydantic to name a role.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Protocol, TypeVar


class Role(StrEnum):
    """How an agency takes part in a task."""

    lead = "lead"  # 牵头, the host of 会同
    responsible = "responsible"  # 负责, 分别负责, 责任单位
    support = "support"  # 参加, 配合, 参与, the partners named after 会同


ROLE_LABELS: dict[Role, str] = {Role.lead: "牵头", Role.responsible: "负责", Role.support: "配合"}


class ItemKind(StrEnum):
    task = "task"  # trackable work
    heading = "heading"  # only groups numbered sub-items
    requirement = "requirement"  # 总体要求, 保障措施 ...: sets no concrete work


class Op(StrEnum):
    eq = "="
    ge = ">="
    le = "<="
    approx = "~"
    gt = ">"


# -- the plan's structure, read by models.Plan and records.PlanRecord alike ------------------------


class _ItemLike(Protocol):
    @property
    def kind(self) -> ItemKind: ...
    @property
    def targets(self) -> Sequence[object]: ...


class _SectionLike(Protocol):
    @property
    def path(self) -> list[int]: ...


_I = TypeVar("_I", bound=_ItemLike)
_S = TypeVar("_S", bound=_SectionLike)


def item_id(path: Sequence[int]) -> str:
    """The task id users type: path joined by dots, e.g. 1.5."""
    return ".".join(str(n) for n in path)


def trackable(items: Sequence[_I]) -> list[_I]:
    """Items of kind task: the ones progress is recorded against."""
    return [t for t in items if t.kind == ItemKind.task]


def headline(items: Sequence[_I]) -> list[_I]:
    """Requirement items with targets (一、总体目标 城镇新增就业4.2万人): recordable, not tasks."""
    return [t for t in items if t.kind == ItemKind.requirement and t.targets]


def recordable(items: Sequence[_I]) -> list[_I]:
    """Items progress may be recorded on: the tasks and the headline items, in plan order."""
    return [t for t in items if t.kind == ItemKind.task or (t.kind == ItemKind.requirement and t.targets)]


def section_of(sections: Sequence[_S], path: Sequence[int]) -> _S | None:
    """The section an item (by its path) sits in."""
    for s in sections:
        if list(path[: len(s.path)]) == s.path and len(path) > len(s.path):
            return s
    return None
