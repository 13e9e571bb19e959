"""Journal entries and status rows as the commands compute with them: plain typed records.

tracking/models.py holds the pydantic definitions: `Entry` validates a journal line written by a
person (and gives its JSON Schema), the output models shape `--json`. These records mirror them
field for field (tests/test_records.py keeps them equal) and are what the rule, the tables, the
report and the ledger read: `status`, `show` and `record` never import pydantic.

An entry becomes a record from a validated model (`EntryRecord.of`), from the cache written from
one (`entry_from_row`, every value's type checked), or from a journal line in the exact form
plantrack writes (`entry_from_line`; any other form is left to the model, so both read it alike).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from itertools import chain
from typing import TYPE_CHECKING, Any

from plantrack.kinds import Role
from plantrack.plain import Plain
from plantrack.records import CacheMismatch, ItemRecord, TargetRecord
from plantrack.tracking.kinds import Light, Status

if TYPE_CHECKING:
    from plantrack.tracking.models import Entry

_STATUSES = {s.value: s for s in Status}
# The journal line's keys, in the order plantrack writes them (Entry's fields).
ENTRY_FIELDS = ("id", "task", "as_of", "recorded_at", "agency", "status", "percent", "actuals", "note",
                "corrects", "moved_from", "undoes")  # fmt: skip


class EntryRecord(Plain):
    """One line of the progress journal (tracking/models.Entry, field for field)."""

    __slots__ = ENTRY_FIELDS

    def __init__(
        self,
        id: int,
        task: str,
        as_of: date,
        recorded_at: datetime,
        agency: str,
        status: Status | None = None,
        percent: float | None = None,
        actuals: dict[str, float] | None = None,
        note: str = "",
        corrects: int | None = None,
        moved_from: str | None = None,
        undoes: int | None = None,
    ) -> None:
        self.id, self.task, self.as_of, self.recorded_at, self.agency = id, task, as_of, recorded_at, agency
        self.status, self.percent = status, percent
        self.actuals = actuals if actuals is not None else {}
        self.note, self.corrects, self.moved_from, self.undoes = note, corrects, moved_from, undoes

    @classmethod
    def of(cls, e: Entry | EntryRecord) -> EntryRecord:
        """The record of a validated entry model (or a copy of a record)."""
        return cls(e.id, e.task, e.as_of, e.recorded_at, e.agency, e.status, e.percent, dict(e.actuals), e.note,
                   e.corrects, e.moved_from, e.undoes)  # fmt: skip


def entry_data(e: EntryRecord | Entry) -> dict[str, Any]:
    """The journal line's mapping: Entry.model_dump(mode="json", exclude_none=True), without pydantic
    (dates as ISO text, numbers as floats, empty optional fields left out)."""
    data: dict[str, Any] = {"id": e.id, "task": e.task, "as_of": e.as_of.isoformat(),
                            "recorded_at": e.recorded_at.isoformat(), "agency": e.agency}  # fmt: skip
    if e.status is not None:
        data["status"] = e.status.value
    if e.percent is not None:
        data["percent"] = float(e.percent)
    data["actuals"] = {k: float(v) for k, v in e.actuals.items()}
    data["note"] = e.note
    for name in ("corrects", "moved_from", "undoes"):
        value = getattr(e, name)
        if value is not None:
            data[name] = value
    return data


def entry_row(e: EntryRecord) -> list[Any]:
    """The entry as cached: a list in field order."""
    return [e.id, e.task, e.as_of.isoformat(), e.recorded_at.isoformat(), e.agency,
            e.status.value if e.status is not None else None, e.percent, e.actuals, e.note, e.corrects,
            e.moved_from, e.undoes]  # fmt: skip


def entry_from_row(row: Any) -> EntryRecord:
    """A cached entry (entry_row's form), every value's type checked; CacheMismatch otherwise.
    Task ids, agency names and dates repeat across a journal's entries: each is kept once."""
    try:
        i, task, as_of, recorded_at, agency, status, percent, actuals, note, corrects, moved_from, undoes = (
            row
        )
        if not (
            type(i) is int and type(task) is str and type(agency) is str and type(note) is str
            and (percent is None or type(percent) is float) and type(actuals) is dict
            and all(type(v) is float for v in actuals.values())
            and (corrects is None or type(corrects) is int) and (undoes is None or type(undoes) is int)
            and (moved_from is None or type(moved_from) is str)
        ):  # fmt: skip
            raise CacheMismatch("entry")
        day = _DAYS.get(as_of)
        if day is None:
            day = _DAYS[as_of] = date.fromisoformat(as_of)
        return EntryRecord(i, _SHARED.setdefault(task, task), day, datetime.fromisoformat(recorded_at),
                           _SHARED.setdefault(agency, agency), None if status is None else _STATUSES[status],
                           percent, actuals, note, corrects, moved_from, undoes)  # fmt: skip
    except (TypeError, ValueError, KeyError) as e:
        raise CacheMismatch(str(e)) from None


def entries_columns(entries: Sequence[EntryRecord]) -> list[list[Any]]:
    """Entries as cached in bulk: one list per field (entry_row's values), which reads back with
    C-speed checks (entries_from_columns)."""
    rows = [entry_row(e) for e in entries]
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in ENTRY_FIELDS]


_NONE = type(None)


def entries_from_columns(data: Any) -> list[EntryRecord]:
    """Entries from entries_columns' form, every value's type checked (a column at a time);
    CacheMismatch otherwise."""
    try:
        ids, tasks, days, recorded, agencies, statuses, percents, actuals, notes, corrects, moved, undoes = (
            data
        )
        columns = (
            ids,
            tasks,
            days,
            recorded,
            agencies,
            statuses,
            percents,
            actuals,
            notes,
            corrects,
            moved,
            undoes,
        )
        n = len(ids)
        if not all(type(c) is list and len(c) == n for c in columns):
            raise CacheMismatch("columns")
        if not (
            set(map(type, ids)) <= {int} and set(map(type, tasks)) <= {str} and set(map(type, agencies)) <= {str}
            and set(map(type, notes)) <= {str} and set(map(type, percents)) <= {float, _NONE}
            and set(map(type, actuals)) <= {dict} and set(map(type, corrects)) <= {int, _NONE}
            and set(map(type, undoes)) <= {int, _NONE} and set(map(type, moved)) <= {str, _NONE}
            and set(statuses) <= _STATUS_VALUES
            and set(map(type, chain.from_iterable(d.values() for d in actuals))) <= {float}
        ):  # fmt: skip
            raise CacheMismatch("entries")
        shared = _SHARED
        day_of = _DAYS
        for d in set(days):
            if d not in day_of:
                day_of[d] = date.fromisoformat(d)
        return list(
            map(
                EntryRecord, ids, [shared.setdefault(t, t) for t in tasks], [day_of[d] for d in days],
                map(datetime.fromisoformat, recorded), [shared.setdefault(a, a) for a in agencies],
                [_STATUSES[x] if x is not None else None for x in statuses], percents, actuals, notes, corrects,
                moved, undoes,
            )
        )  # fmt: skip
    except (TypeError, ValueError, KeyError) as e:
        raise CacheMismatch(str(e)) from None


_STATUS_VALUES = frozenset([*_STATUSES, None])


# The dates and names entries share, each kept once (a journal has a few hundred of each).
_DAYS: dict[str, date] = {}
_SHARED: dict[str, str] = {}


_KEYS = frozenset(ENTRY_FIELDS)


def entry_from_line(text: str | bytes, slow: Callable[[dict[str, Any]], EntryRecord]) -> EntryRecord:
    """A journal line's JSON (after "- ") as a record. Lines in plantrack's own form are read here;
    anything else (an int date, a percent as text, an unknown key) goes to `slow`, the model's
    validation, so every line is read exactly as the model reads it."""
    data = json.loads(text)
    if type(data) is not dict:
        return slow(data)
    try:
        i, task, as_of, at, agency = (
            data["id"],
            data["task"],
            data["as_of"],
            data["recorded_at"],
            data["agency"],
        )
        status, percent = data.get("status"), data.get("percent")
        actuals, note = data.get("actuals", {}), data.get("note", "")
        corrects, moved_from, undoes = data.get("corrects"), data.get("moved_from"), data.get("undoes")
        if (
            data.keys() <= _KEYS and type(i) is int and i >= 1 and type(task) is str and type(agency) is str
            and type(as_of) is str and len(as_of) == 10 and type(at) is str and len(at) == 19 and at[10] == "T"
            and (status is None or status in _STATUSES) and type(note) is str
            and (percent is None or (type(percent) is float and 0 <= percent <= 100))
            and type(actuals) is dict and all(type(v) is float and v - v == 0 for v in actuals.values())
            and (corrects is None or type(corrects) is int) and (undoes is None or type(undoes) is int)
            and (moved_from is None or type(moved_from) is str)
        ):  # fmt: skip
            return EntryRecord(i, task, date.fromisoformat(as_of), datetime.fromisoformat(at), agency,
                               None if status is None else _STATUSES[status], percent, actuals, note, corrects,
                               moved_from, undoes)  # fmt: skip
    except (KeyError, ValueError):
        pass
    return slow(data)


# -- status rows -----------------------------------------------------------------------------------


class TargetProgress(Plain):
    """A target's progress in a row (tracking/outputs.TargetProgressModel is its --json shape):
    index in the task's targets, the latest reported cumulative value (in the target's unit), the
    progress towards the target (0-100, may exceed 100), and 超额 (far above it: worth a check)."""

    __slots__ = ("index", "target", "actual", "pct", "over")

    def __init__(
        self,
        index: int,
        target: TargetRecord,
        actual: float | None = None,
        pct: float | None = None,
        over: bool = False,
    ) -> None:
        self.index, self.target, self.actual, self.pct, self.over = index, target, actual, pct, over


class AgencyShare(Plain):
    """One agency's own part of a task: its latest reports, judged alone (tracking/rule.py). The
    agency as named on the task (or as it reported), its role (None when not named), whether its
    report sets the task's status, its light and progress, whether it reported in the period,
    whether it owes a report (未报送), and its latest effective entry as of the date."""

    __slots__ = ("agency", "role", "counts", "light", "progress_pct", "reported_in_period", "owes", "last")

    def __init__(
        self,
        agency: str,
        role: Role | None,
        counts: bool,
        light: Light,
        progress_pct: float | None = None,
        reported_in_period: bool = False,
        owes: bool = False,
        last: EntryRecord | None = None,
    ) -> None:
        self.agency, self.role, self.counts, self.light, self.progress_pct = (
            agency,
            role,
            counts,
            light,
            progress_pct,
        )
        self.reported_in_period, self.owes, self.last = reported_in_period, owes, last


class TaskStatus(Plain):
    """Where one task stands at a date (for one agency when status was asked for one). The agencies'
    shares are worked out when first read: a table of 2,000 tasks never reads them."""

    __slots__ = (
        "plan_id",
        "task",
        "role",
        "light",
        "status",
        "progress_pct",
        "expected_pct",
        "targets",
        "last",
        "reported_in_period",
        "deadline",
        "overdue",
        "percent",
        "_shares",
    )

    def __init__(
        self,
        plan_id: str,
        task: ItemRecord,
        role: Role | None,  # the asked agency's role on the task
        light: Light,
        status: Status | None,  # latest reported status
        progress_pct: float | None,  # actual progress, 0-100; None when unknown
        expected_pct: float,  # 序时进度: share of the task's period elapsed, 0-100
        targets: list[TargetProgress] | None = None,
        last: EntryRecord | None = None,  # latest effective entry as of the date
        reported_in_period: bool = False,
        deadline: date | None = None,
        overdue: bool = False,
        percent: float | None = None,  # latest reported overall percent
        shares: list[AgencyShare] | Callable[[], list[AgencyShare]] | None = None,
    ) -> None:
        self.plan_id, self.task, self.role, self.light, self.status = plan_id, task, role, light, status
        self.progress_pct, self.expected_pct = progress_pct, expected_pct
        self.targets = targets if targets is not None else []
        self.last, self.reported_in_period, self.deadline, self.overdue, self.percent = (
            last, reported_in_period, deadline, overdue, percent
        )  # fmt: skip
        self._shares: list[AgencyShare] | Callable[[], list[AgencyShare]] = (
            shares if shares is not None else []
        )

    @property
    def shares(self) -> list[AgencyShare]:
        """Each agency's own part, those setting the status first."""
        found = self._shares
        if callable(found):
            found = self._shares = found()
        return found

    @shares.setter
    def shares(self, value: list[AgencyShare] | Callable[[], list[AgencyShare]]) -> None:
        self._shares = value

    @property
    def over_target(self) -> bool:
        """超额: a reported value far above its target, shown with its real figure and a review mark."""
        return any(t.over for t in self.targets)

    @property
    def owing(self) -> list[str]:
        """The agencies that owe a report this period (未报送)."""
        return [s.agency for s in self.shares if s.owes]

    def copy(self) -> TaskStatus:
        """A shallow copy (views set their own role on it)."""
        return TaskStatus(self.plan_id, self.task, self.role, self.light, self.status, self.progress_pct,
                          self.expected_pct, self.targets, self.last, self.reported_in_period, self.deadline,
                          self.overdue, self.percent, self._shares)  # fmt: skip

    def _fields(self) -> tuple[object, ...]:
        return (*super()._fields(), self.shares)
