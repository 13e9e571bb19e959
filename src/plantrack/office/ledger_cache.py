"""Each plan's part of the ledger (office/ledger.py), kept in the workspace's cache while nothing it
comes from changes: an `export` after one `record` judges one plan and reads the others.

A plan's ledger is a function of the plan file, its journal, plantrack.toml (thresholds,
abbreviations), the date, whether agency sheets are made, and plantrack's code. The key holds the
digest of each file's bytes and plantrack's source files by size and time (report/cache.py's key),
so a rewrite within the same clock tick still makes the part again. The part is plain JSON data
(texts, numbers, dates as `[ISO]`, lights by value), every value's type checked when read: a
part that does not match its key, cannot be read or holds a value of another type is ignored and
made again. The cache never decides what the ledger says.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from itertools import compress, repeat
from operator import and_, eq, is_, itemgetter, not_
from typing import Any

from plantrack import __version__
from plantrack.office.cells import CellValue
from plantrack.office.ledger import AGENCY_FROM_TASK, AgencySheet, Ledger, LedgerRow, TargetRow
from plantrack.periods import Quarter
from plantrack.records import PlanRecord as Plan
from plantrack.tracking.kinds import Light
from plantrack.workspace import Workspace

KIND = "ledger"
FORMAT = 2
_LIGHTS = {light.value: light for light in Light}


class LedgerCache:
    """build_ledger's parts in `.plantrack-cache/`, one file per plan, date and kind of ledger."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._asked: dict[tuple[str, date, bool], list[Any]] = {}  # the keys get saw, before the build

    def _key(self, plan_id: str, as_of: date, agencies: bool, fresh: bool = False) -> list[Any]:
        from plantrack.report.cache import _code, _digest

        ws = self.ws
        files = [ws.settings_path, ws.plan_path(plan_id), ws.journal_path(plan_id)]
        return [__version__, FORMAT, KIND, plan_id, as_of.isoformat(), agencies,
                [_digest(p, fresh) for p in files], _code()]  # fmt: skip

    def _slot(self, plan_id: str, as_of: date, agencies: bool) -> str:
        options = json.dumps([plan_id, as_of.isoformat(), agencies], ensure_ascii=False).encode()
        return f"{plan_id}-{hashlib.blake2b(options, digest_size=6).hexdigest()}"

    def get(self, plan_id: str, plan: Plan, as_of: date, agencies: bool) -> Ledger | None:
        from plantrack.tracking.store import read_cached

        key = self._asked[(plan_id, as_of, agencies)] = self._key(plan_id, as_of, agencies)
        return read_cached(
            self.ws, KIND, self._slot(plan_id, as_of, agencies), key, lambda data: decode(data, plan, as_of)
        )

    def put(self, plan_id: str, ledger: Ledger, agencies: bool) -> None:
        from plantrack.tracking.store import write_cached

        key = self._asked.get((plan_id, ledger.as_of, agencies))
        if key is None or self._key(plan_id, ledger.as_of, agencies, fresh=True) != key:
            return  # a file changed while the ledger was made (since get): kept by no key
        try:
            value = encode(ledger)
        except (TypeError, ValueError, KeyError):
            return  # a ledger the cache cannot hold as it is: made again next time
        write_cached(self.ws, KIND, self._slot(plan_id, ledger.as_of, agencies), key, value)


# -- the part as JSON data -------------------------------------------------------------------------


def _cells_json(cells: list[CellValue]) -> list[Any]:
    """Cells as [values, places of the dates]: a date as its ISO text, its place listed apart, so
    that reading a row checks its values' types at once."""
    kinds = set(map(type, cells))
    if not kinds <= _PLAIN | {date}:
        raise TypeError("a ledger cell holds texts, numbers and dates")
    if date not in kinds:
        return [cells, []]
    dates = list(compress(range(len(cells)), map(is_, map(type, cells), repeat(date))))
    values: list[Any] = list(cells)
    for i in dates:
        values[i] = values[i].isoformat()
    return [values, dates]


_NEVER = object()  # in a task's view, where an agency's cell is its own (equals nothing)


def _view(task: list[CellValue], n: int) -> list[Any]:
    """The task's cells at the places of an agency's n cells."""
    return [
        task[at] if at is not None and at < len(task) else _NEVER
        for at in (AGENCY_FROM_TASK[j] if j < len(AGENCY_FROM_TASK) else None for j in range(n))
    ]


def encode(ledger: Ledger) -> list[Any]:
    """The plan's ledger as JSON data. An agency's row lends the cells equal to its task's row (same
    type, same value) from that row (a bit per cell in a mask), so the sheets per agency cost little
    more than their own figures."""
    by_task = {(r.plan_id, r.task_id): i for i, r in enumerate(ledger.rows)}
    rows = [[r.plan_id, r.task_id, r.light.value, r.section, _cells_json(r.cells)] for r in ledger.rows]
    views: dict[tuple[int, int], list[Any]] = {}
    sheets = []
    for sheet in ledger.agencies:
        mine = []
        for r in sheet.rows:
            i = by_task[(r.plan_id, r.task_id)]
            task = ledger.rows[i]
            if task.section != r.section:
                raise ValueError("an agency row outside its task's section")
            cells, n = r.cells, len(r.cells)
            if n > len(_BITS):
                raise ValueError("a row too long for its mask")
            view = views.get((i, n))
            if view is None:
                view = views[(i, n)] = _view(task.cells, n)
            same = list(map(and_, map(eq, cells, view), map(is_, map(type, cells), map(type, view))))
            mask = sum(compress(_BITS, same))
            own = list(compress(cells, map(not_, same)))
            mine.append([i, r.light.value, n, mask, _cells_json(own)])
        sheets.append([sheet.name, mine])
    targets = [_cells_json(t.cells) for t in ledger.targets]
    quarters = [q.code for q in ledger.quarters]
    reporting = [[name, [[o, d] for o, d in cells]] for name, cells in ledger.reporting]
    return [rows, sheets, targets, quarters, reporting]


_BITS = [1 << j for j in range(64)]


def _text(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("not a text")
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise ValueError("not a whole number")
    return value


_PLAIN = frozenset((str, float, int, type(None)))


def _cells(data: Any) -> list[CellValue]:
    """_cells_json's [values, places of the dates] as cells."""
    values, dates = data
    if type(values) is not list or type(dates) is not list or not set(map(type, values)) <= _PLAIN:
        raise ValueError("not a row of cells")
    if dates:
        values = list(values)
        for i in dates:
            if _int(i) < 0:
                raise ValueError("not a cell's place")
            text = values[i]
            if type(text) is not str or len(text) != 10:
                raise ValueError("not a date")
            values[i] = date.fromisoformat(text)
    return values


def decode(data: Any, plan: Plan, as_of: date) -> Ledger:
    """encode's data as the plan's ledger, every value's type checked and its rows the plan's
    tasks in order (ValueError, KeyError or IndexError otherwise)."""
    if type(data) is not list or len(data) != 5:
        raise ValueError("not a ledger part")
    rows_data, sheets_data, targets_data, quarters_data, reporting_data = data
    rows = []
    for item in _list(rows_data):
        plan_id, task_id, light, section, cells = item
        rows.append(LedgerRow(_text(plan_id), _text(task_id), _LIGHTS[light], _text(section), _cells(cells)))
    if [(r.plan_id, r.task_id) for r in rows] != [(plan.id, t.id) for t in plan.trackable()]:
        raise ValueError("not the plan's tasks")
    ledger = Ledger(plan, as_of, rows)
    for item in _list(sheets_data):
        name, mine = item
        sheet = AgencySheet(_text(name), [])
        for row_data in _list(mine):
            i, light, n, mask, own = row_data
            task = rows[_int(i)]
            sheet.rows.append(
                LedgerRow(task.plan_id, task.task_id, _LIGHTS[light], task.section,
                          _agency_cells(task.cells, _int(n), _int(mask), _cells(own)))
            )  # fmt: skip
        ledger.agencies.append(sheet)
    ledger.targets = [TargetRow(_cells(c)) for c in _list(targets_data)]
    ledger.quarters = [_quarter(q) for q in _list(quarters_data)]
    for item in _list(reporting_data):
        name, cells = item
        ledger.reporting.append((_text(name), [(_int(o), _int(d)) for o, d in _list(cells)]))
    return ledger


def _agency_cells(task: list[CellValue], n: int, mask: int, own: list[CellValue]) -> list[CellValue]:
    """The agency's cells: those the mask names from its task's row, the others its own, in order."""
    shape = (len(task), n, mask, len(own))
    pick = _RECIPES.get(shape)
    if pick is None:
        pick = _RECIPES[shape] = _recipe(*shape)
    return list(pick([*task, *own]))


def _recipe(width: int, n: int, mask: int, own: int) -> Callable[[list[CellValue]], tuple[CellValue, ...]]:
    """Where each of n cells comes from in the task's cells followed by the agency's own: a check,
    once per shape, that the mask names only cells a task row has, and that every own cell is used."""
    places: list[int] = []
    mine = 0
    for j in range(n):
        if mask >> j & 1:
            found = AGENCY_FROM_TASK[j] if j < len(AGENCY_FROM_TASK) else None
            if found is None or found >= width:
                raise ValueError("not a cell of the task's row")
            places.append(found)
        else:
            places.append(width + mine)
            mine += 1
    if mask >> n or mine != own or n < 2:
        raise ValueError("not an agency's row")
    getter = itemgetter(*places)
    return lambda cells: getter(cells)


_RECIPES: dict[tuple[int, int, int, int], Callable[[list[CellValue]], tuple[CellValue, ...]]] = {}


def _quarter(value: Any) -> Quarter:
    text = _text(value)
    year, _, q = text.partition("Q")
    if not (len(text) == 6 and year.isdigit() and q in ("1", "2", "3", "4")):
        raise ValueError("not a quarter")
    return Quarter(int(year), int(q))


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise ValueError("not a list")
    return value
