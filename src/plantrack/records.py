"""The plan as the tracking commands read it: plain typed records, without pydantic.

models.Plan (pydantic) is the definition of the plan file: it validates what a person wrote and
gives the JSON Schema. These records mirror it field for field (a test keeps them equal) and are
what `status`, `show`, `record`, the report and the ledger compute with: they are built either from
a validated `Plan` (planfile.plan_record) or from the cache that was written from one
(`plan_from_json`, which checks every value's type, so a damaged or planted cache is refused, never
half-trusted).
Building 2,000 of these takes milliseconds; importing pydantic to build models takes longer than
`status` itself should.

The cache form is positional (lists in field order): smaller and faster to parse than objects.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from plantrack import kinds
from plantrack.kinds import ItemKind, Op, Role
from plantrack.plain import Frozen, Plain

_ROLES = {r.value: r for r in Role}
_KINDS = {k.value: k for k in ItemKind}
_OPS = {o.value: o for o in Op}


class CacheMismatch(ValueError):
    """A cached value that is not what this version writes: the cache is rebuilt from the file."""


class AgencyRecord(Plain):
    __slots__ = ("name", "role")

    def __init__(self, name: str, role: Role) -> None:
        self.name, self.role = name, role


class TargetRecord(Plain):
    __slots__ = ("value", "unit", "op", "metric", "text", "parent")

    def __init__(
        self,
        value: float,
        unit: str,
        op: Op = Op.eq,
        metric: str = "",
        text: str = "",
        parent: int | None = None,
    ) -> None:
        self.value, self.unit, self.op, self.metric, self.text, self.parent = (
            value,
            unit,
            op,
            metric,
            text,
            parent,
        )


class ItemRecord(Plain):
    __slots__ = (
        "path",
        "number",
        "title",
        "kind",
        "text",
        "agency_text",
        "agencies",
        "inherited_agencies",
        "targets",
        "deadlines",
        "deadline_text",
        "ongoing",
        "_id",
    )

    def __init__(
        self,
        path: list[int],
        number: str,
        title: str,
        kind: ItemKind = ItemKind.task,
        text: str = "",
        agency_text: str = "",
        agencies: list[AgencyRecord] | None = None,
        inherited_agencies: list[AgencyRecord] | None = None,
        targets: list[TargetRecord] | None = None,
        deadlines: list[date] | None = None,
        deadline_text: list[str] | None = None,
        ongoing: bool = False,
    ) -> None:
        self.path, self.number, self.title, self.kind, self.text, self.agency_text = (
            path, number, title, kind, text, agency_text
        )  # fmt: skip
        self.agencies = agencies if agencies is not None else []
        self.inherited_agencies = inherited_agencies if inherited_agencies is not None else []
        self.targets = targets if targets is not None else []
        self.deadlines = deadlines if deadlines is not None else []
        self.deadline_text = deadline_text if deadline_text is not None else []
        self.ongoing = ongoing
        self._id: str | None = None

    @property
    def id(self) -> str:
        """The task id users type (kinds.item_id), worked out once: it is read very often."""
        found = self._id
        if found is None:
            found = self._id = kinds.item_id(self.path)
        return found


class SectionRecord(Plain):
    __slots__ = ("path", "number", "title")

    def __init__(self, path: list[int], number: str, title: str) -> None:
        self.path, self.number, self.title = path, number, title


class SourceRecord(Plain):
    __slots__ = ("path", "sha256", "encoding", "format")

    def __init__(self, path: str, sha256: str, encoding: str = "", format: str = "") -> None:
        self.path, self.sha256, self.encoding, self.format = path, sha256, encoding, format


class PlanRecord(Plain):
    __slots__ = (
        "schema_",
        "id",
        "kind",
        "title",
        "notice_title",
        "doc_number",
        "issuer",
        "issued_on",
        "year",
        "recipients",
        "source",
        "sections",
        "tasks",
        "warnings",
        "_trackable",
    )

    def __init__(
        self,
        schema_: int,
        id: str,
        kind: str = "plan",  # "plan" or "other"
        title: str = "",
        notice_title: str = "",
        doc_number: str = "",
        issuer: list[str] | None = None,
        issued_on: date | None = None,
        year: int | None = None,
        recipients: list[str] | None = None,
        source: SourceRecord | None = None,
        sections: list[SectionRecord] | None = None,
        tasks: list[ItemRecord] | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        self.schema_, self.id, self.kind, self.title, self.notice_title, self.doc_number = (
            schema_, id, kind, title, notice_title, doc_number
        )  # fmt: skip
        self.issuer = issuer if issuer is not None else []
        self.issued_on, self.year = issued_on, year
        self.recipients = recipients if recipients is not None else []
        self.source = source
        self.sections = sections if sections is not None else []
        self.tasks = tasks if tasks is not None else []
        self.warnings = warnings if warnings is not None else []
        self._trackable: list[ItemRecord] | None = None

    def trackable(self) -> list[ItemRecord]:
        """Items of kind task (kinds.trackable), read once."""
        if self._trackable is None:
            self._trackable = kinds.trackable(self.tasks)
        return list(self._trackable)

    def headline(self) -> list[ItemRecord]:
        return kinds.headline(self.tasks)

    def recordable(self) -> list[ItemRecord]:
        return kinds.recordable(self.tasks)

    def section_of(self, item: ItemRecord) -> SectionRecord | None:
        return kinds.section_of(self.sections, item.path)


# -- the cache form --------------------------------------------------------------------------------


def plan_json(p: PlanRecord) -> list[Any]:
    """The plan as cached: lists in field order, dates as ISO text; the agencies (a few dozen
    names on thousands of tasks) once at the end, each item naming them by their place there."""
    table: dict[tuple[str, str], int] = {}
    source = (
        None if p.source is None else [p.source.path, p.source.sha256, p.source.encoding, p.source.format]
    )
    tasks = [_item_json(t, table) for t in p.tasks]
    return [
        p.schema_, p.id, p.kind, p.title, p.notice_title, p.doc_number, p.issuer,
        p.issued_on.isoformat() if p.issued_on else None, p.year, p.recipients, source,
        [[s.path, s.number, s.title] for s in p.sections], tasks, p.warnings, [list(k) for k in table],
    ]  # fmt: skip


def _item_json(t: ItemRecord, table: dict[tuple[str, str], int]) -> list[Any]:
    def places(agencies: list[AgencyRecord]) -> list[int]:
        return [table.setdefault((a.name, a.role.value), len(table)) for a in agencies]

    return [
        t.path, t.number, t.title, t.kind.value, t.text, t.agency_text, places(t.agencies),
        places(t.inherited_agencies), [[x.value, x.unit, x.op.value, x.metric, x.text, x.parent] for x in t.targets],
        [d.isoformat() for d in t.deadlines], t.deadline_text, t.ongoing,
    ]  # fmt: skip


def plan_from_json(data: Any) -> PlanRecord:
    """The record of a cached plan; CacheMismatch when any value does not have its type."""
    try:
        (schema, plan_id, kind, title, notice_title, doc_number, issuer, issued_on, year, recipients, source,
         sections, tasks, warnings, table) = data  # fmt: skip
        if kind not in ("plan", "other"):
            raise CacheMismatch(kind)
        agencies = [AgencyRecord(_str(name), _ROLES[role]) for name, role in _list(table, 2)]
        plan = PlanRecord(
            _int(schema), _str(plan_id), kind, _str(title), _str(notice_title), _str(doc_number), _strs(issuer),
            None if issued_on is None else date.fromisoformat(_str(issued_on)), _opt(year, _int),
            _strs(recipients), None if source is None else SourceRecord(*_strs(source, 4)),
            [SectionRecord(_ints(s[0]), _str(s[1]), _str(s[2])) for s in _list(sections, 3)],
            [_item_from_json(t, agencies) for t in _list(tasks, 12)], _strs(warnings),
        )  # fmt: skip
    except (TypeError, ValueError, KeyError, IndexError) as e:
        raise CacheMismatch(str(e)) from None
    return plan


def _item_from_json(t: list[Any], table: list[AgencyRecord]) -> ItemRecord:
    (
        path,
        number,
        title,
        kind,
        text,
        agency_text,
        agencies,
        inherited,
        targets,
        deadlines,
        deadline_text,
        ongoing,
    ) = t
    if not (
        type(number) is str and type(title) is str and type(text) is str and type(agency_text) is str
        and type(ongoing) is bool and type(deadlines) is list and type(targets) is list
        and type(agencies) is list and type(inherited) is list
    ):  # fmt: skip
        raise CacheMismatch("item")
    return ItemRecord(
        _ints(path), number, title, _KINDS[kind], text, agency_text, [_place(table, i) for i in agencies],
        [_place(table, i) for i in inherited], [_target_from_json(x) for x in targets],
        [date.fromisoformat(d) for d in deadlines], _strs(deadline_text), ongoing,
    )  # fmt: skip


def _place(table: list[AgencyRecord], i: Any) -> AgencyRecord:
    """The agency at its place in the plan's table (the same record for every task naming it)."""
    if type(i) is not int or i < 0:
        raise CacheMismatch("agency")
    return table[i]


def _target_from_json(x: list[Any]) -> TargetRecord:
    value, unit, op, metric, text, parent = x
    if not (type(value) is float and type(unit) is str and type(metric) is str and type(text) is str):
        raise CacheMismatch("target")
    return TargetRecord(value, unit, _OPS[op], metric, text, _opt(parent, _int))


def _str(x: Any) -> str:
    if type(x) is not str:
        raise CacheMismatch("str")
    return x


def _int(x: Any) -> int:
    if type(x) is not int:
        raise CacheMismatch("int")
    return x


def _opt(x: Any, check: Callable[[Any], Any]) -> Any:
    return None if x is None else check(x)


def _list(x: Any, width: int | None = None) -> list[Any]:
    """A list (of lists of `width` items, when given)."""
    if type(x) is not list or (width is not None and any(type(v) is not list or len(v) != width for v in x)):
        raise CacheMismatch("list")
    return x


def _strs(x: Any, width: int | None = None) -> list[str]:
    if type(x) is not list or any(type(v) is not str for v in x) or (width is not None and len(x) != width):
        raise CacheMismatch("strs")
    return x


def _ints(x: Any) -> list[int]:
    if type(x) is not list or any(type(v) is not int for v in x):
        raise CacheMismatch("ints")
    return x


# -- the settings tracking reads -------------------------------------------------------------------


class Thresholds(Protocol):
    """What the status rule reads of the settings (config.StatusSettings, or its record)."""

    @property
    def tolerance(self) -> float: ...
    @property
    def serious(self) -> float: ...
    @property
    def expected(self) -> str: ...


class StatusRules(Frozen):
    """config.StatusSettings as a record (validated when plantrack.toml was read)."""

    __slots__ = ("tolerance", "serious", "expected")
    tolerance: float
    serious: float
    expected: str

    def __init__(self, tolerance: float, serious: float, expected: str) -> None:
        self._set(tolerance=tolerance, serious=serious, expected=expected)


class TrackingSettings(Plain):
    """What status, show, record and the ledger read of plantrack.toml: the thresholds, the
    abbreviations and the ledger's light colours."""

    __slots__ = ("status", "agencies", "colors")

    def __init__(
        self, status: StatusRules, agencies: dict[str, str], colors: dict[str, str] | None = None
    ) -> None:
        self.status, self.agencies, self.colors = status, agencies, colors if colors is not None else {}


def settings_json(s: TrackingSettings) -> list[Any]:
    return [s.status.tolerance, s.status.serious, s.status.expected, s.agencies, s.colors]


def settings_from_json(data: Any) -> TrackingSettings:
    try:
        tolerance, serious, expected, agencies, colors = data
    except (TypeError, ValueError):
        raise CacheMismatch("settings") from None
    if not (
        type(tolerance) is float and type(serious) is float and expected in ("months", "days")
        and _text_map(agencies) and _text_map(colors)
    ):  # fmt: skip
        raise CacheMismatch("settings")
    return TrackingSettings(StatusRules(tolerance, serious, expected), agencies, colors)


def _text_map(x: Any) -> bool:
    return type(x) is dict and all(type(k) is str and type(v) is str for k, v in x.items())
