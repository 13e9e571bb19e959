"""The workspace's plans and journals for tracking commands: listing, resolving ids, cached reading.

Parsed plans and journals are cached as JSON in `<workspace>/.plantrack-cache/`, so `status` over
many plans stays fast and never imports pydantic once the cache is there. A cache file is a key line
(plantrack version, format, kind, the file's path, size, mtime_ns, inode and device) and the value.
The value is what plantrack wrote from a validated file, in plain typed records (records.py,
tracking/records.py); reading it checks every value's type, so a cache from someone else cannot run
code (no pickle) and one that does not match (another copy of the workspace, a hand-edited or
damaged cache, an older version) is silently rebuilt from the file.

Per journal there are three caches, each covering the journal's first bytes (their size and
digest are kept: a journal that only grew is read from where the cache ends, anything else is read
again in full and validated by the model):

- `journal-<plan>`: every entry (history, the report, the ledger);
- `index-<plan>`: per task and reporting agency, what its reports say last (status, percent, the
  value of each target), its first and last dates, and where in the journal the reports that
  decide its status at the last date are (a line's offset and the entry's id);
- `groups-<plan>`: per task and agency, every effective report's date, offset, id and fields, read
  for a date before an agency's last report and to extend the index.

Per plan, `rows-<plan>` and `agency-rows-<plan>` keep the rows of every task and of the last
one-agency view at one date (compute_status's output, keyed on the plan file, the journal and the
settings), and `plan-`, `names-`, `settings-` the plan, the agencies it names and plantrack.toml.

`status`, `show` and `record` read the index and then only the journal lines a row shows (the
agencies that count, the one asked for), each checked to be the entry the index names.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import partial
from itertools import compress, repeat
from operator import attrgetter, is_not, not_, or_
from pathlib import Path
from stat import S_ISLNK
from typing import Any, Protocol, TypeVar

from plantrack import __version__
from plantrack.errors import PlantrackError, UsageError
from plantrack.fsguard import ensure_inside, safe_name
from plantrack.kinds import Role
from plantrack.records import (
    CacheMismatch,
    ItemRecord,
    PlanRecord,
    StatusRules,
    TrackingSettings,
    plan_from_json,
    plan_json,
    settings_from_json,
    settings_json,
)
from plantrack.tracking import journal
from plantrack.tracking.agencies import tracked_agencies
from plantrack.tracking.judge import Latest, latest_of
from plantrack.tracking.kinds import Light, Status
from plantrack.tracking.records import (
    AgencyShare,
    EntryRecord,
    TargetProgress,
    TaskStatus,
    entries_columns,
    entries_from_columns,
    entry_from_row,
    entry_row,
)
from plantrack.tracking.status import effective_entries, effective_ids
from plantrack.workspace import Workspace

CACHE_DIR = ".plantrack-cache"
CACHE_FORMAT = 11  # bump when what is cached changes shape
_T = TypeVar("_T")
_K = TypeVar("_K")


def plan_ids(ws: Workspace) -> list[str]:
    """Ids of the plans in data/extracted (file names without .yaml), sorted."""
    if not ws.extracted.is_dir():
        return []
    return sorted(p.stem for p in ws.extracted.glob("*.yaml") if not p.name.startswith("."))


def resolve_plan(ws: Workspace, text: str | None) -> str:
    """A plan id from an id or unique prefix; None is fine when the workspace has one plan."""
    ids = plan_ids(ws)
    if not ids:
        raise UsageError("工作区里还没有计划。", hint="请先运行 plantrack extract 通知文件 生成计划。")
    if text is None or not text.strip():
        if len(ids) == 1:
            return ids[0]
        raise UsageError(
            f"工作区有 {len(ids)} 个计划，请指定一个：{'、'.join(ids)}。", hint="计划编号可只写开头几个字符。"
        )
    text = text.strip()
    if text in ids:
        return text
    found = [i for i in ids if i.startswith(text)]
    if len(found) == 1:
        return found[0]
    if found:
        raise UsageError(f"计划“{text}”不明确，可能是：{'、'.join(found)}。", hint="请多写几个字符。")
    import difflib  # only to suggest an id

    close = difflib.get_close_matches(text, ids, n=3, cutoff=0.5)
    hint = f"最接近的是：{'、'.join(close)}。" if close else f"现有计划：{'、'.join(ids)}。"
    raise UsageError(f"没有计划“{text}”。", hint=hint + "用 plantrack plans 查看全部计划。")


def tracking_settings(ws: Workspace) -> TrackingSettings:
    """The thresholds and abbreviations of plantrack.toml, validated by config.Settings (cached)."""
    return _cached(
        ws, "settings", ws.settings_path, lambda _p: _settings_of(ws), settings_json, settings_from_json
    )


def _settings_of(ws: Workspace) -> TrackingSettings:
    try:
        from plantrack.fastconfig import tracking_settings as fast
    except ImportError:  # pragma: no cover - a platform without msgspec's wheel
        pass
    else:
        found = fast(ws.settings_path)
        if found is not None:
            return found
    s = ws.settings
    rules = StatusRules(float(s.status.tolerance), float(s.status.serious), s.status.expected)
    return TrackingSettings(rules, dict(s.agencies), dict(s.ledger.colors))


def load_plan(ws: Workspace, plan_id: str) -> PlanRecord:
    """The plan file, parsed and validated (cached as a record)."""
    return _cached(ws, "plan", ws.plan_path(plan_id), _read_plan, _plan_bytes, _plan_of_bytes, raw=True)


def _plan_bytes(plan: PlanRecord) -> bytes:
    """The plan's cache (records.plan_json) as JSON: by msgspec's encoder, a few times the json
    module's speed on the 50 plans' 2.5 MB a first run writes. A plan's numbers are finite (both
    plan readers refuse inf and nan, which msgspec would write as null); an integer past 64 bits
    goes to the json module."""
    value = plan_json(plan)
    try:
        return _encoder()(value)
    except (OverflowError, TypeError, ValueError):
        return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _plan_of_bytes(data: bytes) -> PlanRecord:
    return plan_from_json(json.loads(data))


def agency_names(ws: Workspace, plan_id: str) -> list[str]:
    """The agencies the plan names (agencies.tracked_agencies of every item), each once (cached
    apart from the plan: finding an agency's spelling in the workspace reads no plan)."""

    def names(path: Path) -> list[str]:
        plan = load_plan(ws, plan_id)
        return sorted({a.name for t in plan.tasks for a in tracked_agencies(t)})

    return _cached(ws, "names", ws.plan_path(plan_id), names, _same, _strings)


def _same(value: _T) -> _T:
    return value


def _strings(data: Any) -> list[str]:
    if type(data) is not list or not all(type(x) is str for x in data):
        raise CacheMismatch("names")
    return data


def _read_plan(path: Path) -> PlanRecord:
    from plantrack.planfile import load_record

    return load_record(path)


def load_entries(ws: Workspace, plan_id: str) -> list[EntryRecord]:
    """The plan's journal entries, validated (cached); no journal yet means no entries."""
    path = ws.journal_path(plan_id)
    if not path.exists():
        return []
    return _journal(ws, path)[0]


def _journal(ws: Workspace, path: Path, write: bool = True) -> tuple[list[EntryRecord], list[int], int]:
    """The journal's entries and their lines' offsets, from the cache when it covers the journal.

    A journal only grows: when the bytes the cache was made from are still the journal's first
    bytes (same file, same digest), only the lines after them are read (records.entry_from_line;
    a line in any other form, or one that is not an entry, sends it back to the whole journal).
    Anything else reads and validates the whole journal again (cached only when `write`: the index
    is made from the entries without keeping them all). The cache is a key line, a line of what it
    covers ([size, mtime_ns, bytes covered, digest]) and the entries with their offsets."""
    stat = _stat(path)
    if stat is None:
        return journal.read_with_offsets(path)
    key = _journal_key(path, stat)
    cache_file = _cache_file(ws, "journal", path)
    cached = _read_cache(cache_file, key, _journal_from_bytes, raw=True)
    if cached is not None:
        (size, mtime, covered, digest), entries, offsets = cached
        if (size, mtime) == stat[:2]:
            return entries, offsets, covered
        tail = (
            journal.read_from(path, covered)
            if stat[0] >= covered and _digest(path, covered) == digest
            else None
        )
        if tail is not None:
            entries, offsets, covered = [*entries, *tail[0]], [*offsets, *tail[1]], tail[2]
        else:
            cached = None
    if cached is None:
        entries, offsets, covered = journal.read_with_offsets(path)
    if (write or cached is not None) and _stat(path) == stat:  # the file did not change while read
        meta = json.dumps([stat[0], stat[1], covered, _digest(path, covered)]).encode()
        body = json.dumps([entries_columns(entries), offsets], ensure_ascii=False).encode("utf-8")
        _write_cache(ws, "journal", path, key, meta + b"\n" + body, raw=True)
    return entries, offsets, covered


def _journal_key(path: Path, stat: tuple[int, int, int, int]) -> list[Any]:
    return [__version__, CACHE_FORMAT, "journal", os.path.realpath(path), stat[2], stat[3]]


def entries_ready(ws: Workspace, plan_id: str) -> bool:
    """Whether the plan's entries load without reading its journal again: no journal, or a cache
    made from the journal as it is (so it was read and validated then). Only the cache's first two
    lines are read."""
    path = ws.journal_path(plan_id)
    stat = _stat(path)
    if stat is None:
        return not path.exists()
    try:
        with _cache_file(ws, "journal", path).open("rb") as f:
            if json.loads(f.readline()) != _journal_key(path, stat):
                return False
            meta = json.loads(f.readline())
    except (OSError, ValueError):
        return False
    return type(meta) is list and meta[:2] == list(stat[:2])


def _digest(path: Path, size: int) -> str:
    """The digest of the file's first `size` bytes."""
    with path.open("rb") as f:
        return _digest_of(f.read(size))


def _digest_of(data: bytes) -> str:
    """A journal's bytes' digest (whether the bytes a cache was made from are still the journal's
    first bytes): SHA-1 through OpenSSL, twice the speed of this Python's blake2b on a journal's
    megabytes (a first run digests all 25 MB of the bench workspace's journals)."""
    import hashlib

    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def _journal_from_bytes(data: bytes) -> tuple[list[Any], list[EntryRecord], list[int]]:
    head, _, body = data.partition(b"\n")
    meta = json.loads(head)
    try:
        size, mtime, covered, digest = meta
        columns, offsets = json.loads(body)
    except (TypeError, ValueError):
        raise CacheMismatch("journal") from None
    if not (
        type(size) is int and type(mtime) is int and type(covered) is int and type(digest) is str
        and type(offsets) is list and set(map(type, offsets)) <= {int}
    ):  # fmt: skip
        raise CacheMismatch("journal")
    entries = entries_from_columns(columns)
    if len(entries) != len(offsets):
        raise CacheMismatch("journal")
    return meta, entries, offsets


# -- the status index ------------------------------------------------------------------------------


# An index row, per task and agency as written (index-<plan>.json maps task -> rows):
#   [agency, first day, last day, lowest id, status, percent, actuals, picks]
# status, percent and actuals are what the agency's reports say last (judge.latest_of at the last
# day); picks are [offset, id] of the reports status reads at or after the last day, the last one
# last. A history row (groups-<plan>.json, task -> rows) is [agency, days, offsets, ids, fields] of
# every effective report by (as_of, id). Rows are checked when a task's rows are first read.
Row = list[Any]


def _fields(e: EntryRecord) -> list[str]:
    out = ["status"] if e.status is not None else []
    if e.percent is not None:
        out.append("percent")
    out.extend(e.actuals)
    return out


def _picked(fields: Sequence[Sequence[str]], end: int) -> list[int]:
    """Positions (of a group's reports by date) status reads at a date whose last report is at
    `end - 1`: that report, and going back, each that carries a field no later one does (judge.py
    reads the latest status, percent and value of each target)."""
    wanted: set[str] = set().union(*fields[:end])
    out: list[int] = []
    for i in range(end - 1, -1, -1):
        found = wanted.intersection(fields[i])
        if i == end - 1 or found:
            out.append(i)
        wanted -= found
        if not wanted and out:
            break
    return out[::-1]


Index = dict[str, list[Row]]


class _Indexed(Protocol):
    """What indexing reads of an entry: a record, or a journal line as msgspec read it
    (fastlines.Line, the same fields under the same names)."""

    @property
    def id(self) -> int: ...
    @property
    def task(self) -> str: ...
    @property
    def agency(self) -> str: ...
    @property
    def as_of(self) -> date: ...
    @property
    def status(self) -> Status | None: ...
    @property
    def percent(self) -> float | None: ...
    @property
    def actuals(self) -> dict[str, float]: ...
    @property
    def corrects(self) -> int | None: ...
    @property
    def undoes(self) -> int | None: ...


_E = TypeVar("_E", bound=_Indexed)


def _build_index(entries: Sequence[_Indexed], offsets: list[int]) -> tuple[Index, Index]:
    """The index and the history of a journal's entries (records or lines).

    The effective entries by (as_of, id), grouped by task and agency (_group_rows). Equal to judging
    each group of the rule's effective entries with judge.latest_of (tests/test_fast_paths.py)."""
    at = dict(zip(map(id, entries), offsets, strict=True))
    kept = _effective(entries)
    kept.sort(key=_BY_DAY)
    return _group_rows(kept, at)


def _grouped(keys: Iterable[_K], items: Sequence[_Indexed]) -> dict[_K, list[_Indexed]]:
    """Items by key, each group in the items' order (a plain loop: faster than itertools here)."""
    groups: dict[_K, list[_Indexed]] = {}
    for key, e in zip(keys, items, strict=True):
        group = groups.get(key)
        if group is None:
            groups[key] = [e]
        else:
            group.append(e)
    return groups


def _group_rows(kept: Sequence[_Indexed], at: dict[int, int]) -> tuple[Index, Index]:
    """The index and history rows of effective entries in (as_of, id) order (`at`: each entry's
    offset, by object): grouped by task and agency in order of their first report, each group's
    columns read by attribute getters, its latest values and picks worked out once per group."""
    by_group = _grouped(map(_GROUP, kept), kept)
    index: Index = {}
    history: Index = {}
    iso = _ISO.__getitem__
    for (task, agency), group in by_group.items():
        ids = list(map(_ID, group))
        days = list(map(iso, map(_AS_OF, group)))
        places = list(map(at.__getitem__, map(id, group)))
        statuses = list(map(_STATUS, group))
        percents = list(map(_PERCENT, group))
        actuals = list(map(_ACTUALS, group))
        fields = list(map(_fields_of, statuses, percents, actuals))
        if len(group) == 1:
            status, percent, values, picks = statuses[0], percents[0], dict(actuals[0]), [[places[0], ids[0]]]
        else:
            status = next(filter(_KNOWN, reversed(statuses)), None)
            percent = next(filter(_KNOWN, reversed(percents)), None)
            values = {}
            for found in reversed(actuals):
                for k, v in found.items():
                    values.setdefault(k, v)
            picks = [[places[i], ids[i]] for i in _picked(fields, len(group))]
        row = [agency, days[0], days[-1], min(ids), None if status is None else status.value, percent, values,
               picks]  # fmt: skip
        rows = index.get(task)
        if rows is None:
            index[task] = [row]
            history[task] = [[agency, days, places, ids, fields]]
        else:
            rows.append(row)
            history[task].append([agency, days, places, ids, fields])
    return index, history


class _IsoDays(dict[date, str]):
    """Each date's ISO text, made once (a journal has a few hundred dates)."""

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text


_ISO = _IsoDays()


_KNOWN = partial(is_not, None)


def _effective(entries: Sequence[_E]) -> list[_E]:
    """status.effective_entries (in any order), read only for the entries an undo or a correction
    links: the rest always count. Repeated ids go to effective_entries itself."""
    ids = list(map(_ID, entries))
    if len(set(ids)) != len(ids):
        return effective_entries(entries)
    undoes, corrects = list(map(_UNDOES, entries)), list(map(_CORRECTS, entries))
    linked = list(
        compress(entries, map(or_, map(is_not, undoes, repeat(None)), map(is_not, corrects, repeat(None))))
    )
    if not linked:
        return list(entries)
    named = {e.undoes for e in linked} | {e.corrects for e in linked}
    involved = {e.id: e for e in (*linked, *compress(entries, map(named.__contains__, ids)))}
    counted = effective_ids([(e.id, e.corrects, e.undoes) for e in involved.values()])
    dropped = involved.keys() - counted
    if not dropped:
        return list(entries)
    return list(compress(entries, map(not_, map(dropped.__contains__, ids))))


def _fields_of(status: Status | None, percent: float | None, actuals: dict[str, float]) -> list[str]:
    """What a report carries (_fields), from its values."""
    if status is not None:
        return ["status", "percent", *actuals] if percent is not None else ["status", *actuals]
    return ["percent", *actuals] if percent is not None else list(actuals)


_BY_DAY = attrgetter("as_of", "id")
_AS_OF = attrgetter("as_of")
_ID = attrgetter("id")
_GROUP = attrgetter("task", "agency")
_TASK = attrgetter("task")
_STATUS = attrgetter("status")
_PERCENT = attrgetter("percent")
_ACTUALS = attrgetter("actuals")
_UNDOES = attrgetter("undoes")
_CORRECTS = attrgetter("corrects")


def _index_row(
    agency: str, group: Sequence[EntryRecord], fields: list[list[str]], offsets: list[int], days: list[str],
    ids: list[int],
) -> Row:  # fmt: skip
    last = latest_of(group, group[-1].as_of, group[-1].as_of)
    picks = [[offsets[i], ids[i]] for i in _picked(fields, len(group))]
    return [agency, days[0], days[-1], min(ids), last.status.value if last.status else None, last.percent,
            dict(last.actuals), picks]  # fmt: skip


def _check_index_row(row: Any) -> Row:
    if not (
        type(row) is list and len(row) == 8 and type(row[0]) is str and type(row[1]) is str
        and type(row[2]) is str and type(row[3]) is int and (row[4] is None or row[4] in _STATUSES)
        and (row[5] is None or type(row[5]) is float) and type(row[6]) is dict
        and all(type(k) is str and type(v) is float for k, v in row[6].items())
        and type(row[7]) is list and row[7]
        and all(type(p) is list and len(p) == 2 and type(p[0]) is int and type(p[1]) is int for p in row[7])
    ):  # fmt: skip
        raise StaleIndex
    return row


def _check_history_row(row: Any) -> Row:
    if not (
        type(row) is list and len(row) == 5 and type(row[0]) is str and type(row[1]) is list
        and type(row[2]) is list and type(row[3]) is list and type(row[4]) is list
        and len(row[1]) == len(row[2]) == len(row[3]) == len(row[4])
        and all(type(d) is str for d in row[1]) and all(type(o) is int for o in row[2])
        and all(type(i) is int for i in row[3])
        and all(type(f) is list and all(type(x) is str for x in f) for f in row[4])
    ):  # fmt: skip
        raise StaleIndex
    return row


class ByTask:
    """An index or history as cached: one line per task (its id and its rows, as JSON), each task's
    rows parsed when first asked for: a view of one agency reads a third of the tasks.

    `covered` is None when it holds every task of the journal, else the tasks it holds (the tasks
    a first run indexed: _Unindexed); any other task's rows are not known (StaleIndex: the journal
    is indexed in full). `source`, when given, indexes such a task when asked for it (_Unindexed)."""

    __slots__ = ("_changed", "_raw", "_rows", "_source", "covered")

    def __init__(
        self,
        rows: Index | None = None,
        raw: dict[str, bytes] | None = None,
        covered: set[str] | None = None,
        source: _Unindexed | None = None,
    ) -> None:
        self._rows: Index = rows if rows is not None else {}
        self._raw = raw if raw is not None else {}
        self._changed: set[str] = set(self._rows)
        self.covered, self._source = covered, source

    @property
    def unindexed(self) -> _Unindexed | None:
        return self._source

    def complete(self) -> bool:
        """Whether every task's rows are known (or can be made)."""
        return self.covered is None or self._source is not None

    def tasks(self) -> list[str]:
        if self._source is not None:
            return list(self._source.by_task)
        if self.covered is not None:
            raise StaleIndex  # pragma: no cover - the reports index the journal in full first
        return [*self._raw, *(t for t in self._rows if t not in self._raw)]

    def get(self, task: str) -> list[Row]:
        found = self._rows.get(task)
        if found is None:
            line = self._raw.get(task)
            if line is None:
                if self.covered is None or task in self.covered:
                    return []
                if self._source is None:
                    raise StaleIndex  # a task the first run did not index
                return self._source.rows(task, self is self._source.history)
            try:
                found = json.loads(line)
            except ValueError:
                raise StaleIndex from None
            if type(found) is not list:
                raise StaleIndex
            self._rows[task] = found
        return found

    def changed(self, task: str) -> list[Row]:
        """The task's rows, to be changed (written again with the others)."""
        found = self.get(task)
        self._rows[task] = found
        self._changed.add(task)
        return found

    def lines(self) -> bytes:
        """The cached form: the lines of tasks not changed as they were read."""
        out = []
        encode = _encoder()
        for task in [*self._raw, *(t for t in self._rows if t not in self._raw)]:
            if task not in self._raw and not self._rows[task]:
                continue  # a task indexed without reports: no line
            head = task.encode() if _PLAIN_ID.fullmatch(task) else json.dumps(task).encode()
            if task in self._raw and task not in self._changed:
                out.append(head + b"\t" + self._raw[task])
            else:
                out.append(head + b"\t" + encode(self._rows[task]))
        return b"\n".join(out)

    @classmethod
    def of_lines(cls, data: bytes, covered: set[str] | None = None) -> ByTask:
        raw: dict[str, bytes] = {}
        for line in data.split(b"\n") if data else ():
            task, tab, rows = line.partition(b"\t")
            name = json.loads(task) if task.startswith(b'"') else task.decode()
            if not tab or type(name) is not str or (covered is not None and name not in covered):
                raise CacheMismatch("index")
            raw[name] = rows
        return cls(raw=raw, covered=covered)


class _Unindexed:
    """A journal read (every line checked) and not indexed yet, as a first run without a cache finds
    it: its effective entries by task, each task's index and history rows made when a view first
    reads them (a view of one agency reads a third of the tasks). `write` keeps what was made, as
    an index covering those tasks (ByTask.covered); a command that reads another task indexes
    the journal in full then."""

    def __init__(
        self,
        entries: Sequence[_Indexed],
        offsets: list[int],
        stat: tuple[int, int, int, int],
        meta: list[Any],
    ) -> None:
        kept = _effective(entries)
        self.at: dict[int, int] | None = None  # each entry's offset, by object (made when first asked)
        self._entries, self._offsets = entries, offsets
        by_task = _grouped(map(_TASK, kept), kept)  # in the journal's order: sorted by task when read
        self.by_task, self.stat, self.meta = by_task, stat, meta
        self.index = ByTask(covered=set(), source=self)
        self.history = ByTask(covered=set(), source=self)

    def rows(self, task: str, history: bool) -> list[Row]:
        """The task's index (or history) rows, made now; both are kept."""
        entries = self.by_task.get(task)
        if entries:
            if self.at is None:
                self.at = dict(zip(map(id, self._entries), self._offsets, strict=True))
            entries.sort(key=_BY_DAY)  # stable: repeated ids stay in the rule's order
        index, hist = _group_rows(entries, self.at) if entries and self.at is not None else ({}, {})
        for kept, rows in ((self.index, index), (self.history, hist)):
            kept._rows[task] = rows.get(task, [])
            assert kept.covered is not None
            kept.covered.add(task)
        return self.history._rows[task] if history else self.index._rows[task]

    def release(self) -> None:
        """Let go of the journal's lines: the rows made so far stay (an index and a history covering
        their tasks, checked in full when read again), any other task's rows index the journal in
        full (StaleIndex). The rows a view returns keep their reports for their shares; without
        this they would keep every line of every journal, and a run over 50 journals would take
        fresh memory from the system for each one instead of reusing the last one's."""
        self.index._source = self.history._source = None
        self._entries, self._offsets, self.at, self.by_task = (), [], None, {}

    def write(self, ws: Workspace, path: Path) -> None:
        """The index and history of the tasks indexed so far, when the journal is as it was read."""
        if _stat(path) != self.stat:
            return
        assert self.index.covered is not None
        meta = [*self.meta, sorted(self.index.covered)]
        _write_indexed(ws, path, self.stat, meta, ByTask(self.index._rows), ByTask(self.history._rows))


def _encoder() -> Callable[[Any], bytes]:
    """Rows as JSON (UTF-8): msgspec's encoder, a few times the json module's speed on the 4,000 tasks'
    rows a large workspace's first run writes; the json module where msgspec is missing. Both give
    what json.loads reads back the same (the rows hold texts, ints, finite floats, lists, dicts)."""
    try:
        from msgspec.json import Encoder
    except ImportError:  # pragma: no cover - a platform without msgspec's wheel
        return lambda rows: json.dumps(rows, ensure_ascii=False).encode("utf-8")
    return Encoder().encode


_PLAIN_ID = re.compile(r"[0-9A-Za-z._-]+")  # a task id written as it is (else as JSON text)


class StaleIndex(Exception):
    """An index row that is not of its type, or a line it points at that is not the entry it names:
    the index is rebuilt from the journal."""


_STATUSES = {s.value: s for s in Status}


class JournalReports:
    """A plan's effective reports up to one date, from the index (status.PlanReports): what an
    agency's reports say last comes from the index; the reports themselves are read from the journal
    only when a row shows them, each line checked to be the entry the index names. A row or line
    that is not sends the index back to the journal once."""

    def __init__(self, ws: Workspace, plan_id: str, as_of: date) -> None:
        self.ws, self.plan_id, self.as_of, self.day = ws, plan_id, as_of, as_of.isoformat()
        self.path = ws.journal_path(plan_id)
        self._reader: journal.EntryReader | None = None
        self._history: ByTask | None = None
        self._rebuilt = False
        self._ok: set[int] = set()  # rows checked in full (by id: rows stay referenced by the index)
        self._kept = False
        self.index = _indexes(ws, self.path, lazy=True)[0] if self.path.exists() else ByTask()
        if self.index.unindexed is not None:
            self._history = self.index.unindexed.history

    def close(self) -> None:
        """Close the journal; a first run's index is kept for the tasks it made (_Unindexed)."""
        self._close_reader()
        unindexed = self.index.unindexed
        if unindexed is not None and not self._kept:
            unindexed.write(self.ws, self.path)
            unindexed.release()
            self._kept = True

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.file.close()
            self._reader = None

    def of_task(self, task: str, key: Callable[[str], str]) -> TaskReports:
        return TaskReports(self, task, key)

    def rows(self, task: str) -> list[Row]:
        """The task's index rows with a report up to the date (each checked in full when used)."""
        for attempt in (0, 1):
            try:
                rows = self.index.get(task)
                if not all(
                    type(r) is list and len(r) == 8 and type(r[0]) is str and type(r[1]) is str for r in rows
                ):
                    raise StaleIndex
                return [r for r in rows if r[1] <= self.day]
            except StaleIndex:
                if attempt or self._rebuilt:
                    break
                self._rebuild()
        raise self._unreadable()

    def _valid(self, task: str, row: Row) -> Row:
        """The row, checked in full; after a rebuild (it was not of its type), its agency's new row.
        Rows this run made from the journal (_Unindexed) are of their type: not checked again."""
        if id(row) in self._ok or self.index.unindexed is not None:
            return row
        try:
            _check_index_row(row)
        except StaleIndex:
            if self._rebuilt:
                raise self._unreadable() from None
            self._rebuild()
            fresh = next((r for r in self.rows(task) if r[0] == row[0]), None)
            if fresh is None:
                raise self._unreadable() from None
            row = _check_index_row(fresh)
        self._ok.add(id(row))
        return row

    def entries(self, keep: Callable[[str, str], bool] | None = None) -> list[EntryRecord]:
        """Every entry status reads at the date (for the groups `keep` accepts), by id."""
        picked: dict[int, EntryRecord] = {}
        if not self.index.complete():
            self._rebuild()  # an index of the tasks a first run read: every task's now
        for task in self.index.tasks():
            for row in self.rows(task):
                if keep is None or keep(task, row[0]):
                    picked.update((e.id, e) for e in self.read(task, row))
        return [picked[i] for i in sorted(picked)]

    def latest(self, task: str, row: Row, period_start: date) -> Latest:
        """What the row's agency says last at the date (judge.Latest), its entry read when shown."""
        row = self._valid(task, row)
        if row[2] <= self.day:
            offset, entry_id = row[7][-1]
            day = date.fromisoformat(row[2])
            status = None if row[4] is None else _STATUSES[row[4]]
            return Latest((day, entry_id), lambda: self._checked(task, row, offset, entry_id), status, row[5],
                          row[6], period_start <= day)  # fmt: skip
        return latest_of(self.read(task, row), self.as_of, period_start)

    def read(self, task: str, row: Row) -> list[EntryRecord]:
        """The row's reports that status reads at the date, by (as_of, id)."""
        row = self._valid(task, row)
        if row[2] <= self.day:
            return [self._checked(task, row, o, i) for o, i in row[7]]
        h = self._history_row(task, row[0])
        end = bisect_right(h[1], self.day)
        return [self._checked(task, row, h[2][k], h[3][k]) for k in _picked(h[4], end)]

    def first_id(self, task: str, row: Row) -> int:
        """The id of the row's first report up to the date (agencies are ordered by it)."""
        row = self._valid(task, row)
        if row[2] <= self.day:
            return int(row[3])
        h = self._history_row(task, row[0])
        return min(h[3][: bisect_right(h[1], self.day)], default=int(row[3]))

    def _checked(self, task: str, row: Row, offset: int, entry_id: int) -> EntryRecord:
        if self._reader is None:
            self._reader = journal.EntryReader(self.path)
        entry = self._reader.at(offset)
        if entry is None or entry.id != entry_id or entry.task != task:
            if self._rebuilt:
                raise self._unreadable()
            self._rebuild()  # the index is stale: from the journal again, then this row's entry
            return self._entry_by_id(task, entry_id)
        return entry

    def _entry_by_id(self, task: str, entry_id: int) -> EntryRecord:
        for e in load_entries(self.ws, self.plan_id):
            if e.id == entry_id and e.task == task:
                return e
        raise self._unreadable()

    def _history_row(self, task: str, agency: str) -> Row:
        if self._history is None:
            self._history = _cached_history(self.ws, self.path)
        for attempt in (0, 1):
            try:
                for r in self._history.get(task):
                    if type(r) is list and r and r[0] == agency:
                        return _check_history_row(r)
                raise StaleIndex
            except StaleIndex:
                if attempt or self._rebuilt:
                    break
                self._rebuild()
                self._history = _cached_history(self.ws, self.path)
        raise self._unreadable()

    def _rebuild(self) -> None:
        self._rebuilt = True
        self._close_reader()
        self._history = None
        self.index = _indexes(self.ws, self.path, refresh=True)[0]

    def _unreadable(self) -> UsageError:
        return UsageError(f"无法读取 {self.path}。", hint="请运行 plantrack check 检查进展记录。")


class TaskReports:
    """One task's reports by agency key (rule.Reports), read when asked for."""

    __slots__ = ("_keys", "_read", "by_key", "source", "task")

    def __init__(self, source: JournalReports, task: str, key: Callable[[str], str]) -> None:
        self.source, self.task = source, task
        by_key: dict[str, list[Row]] = {}
        for row in source.rows(task):
            by_key.setdefault(key(row[0]), []).append(row)
        self.by_key = by_key
        self._keys: list[str] | None = None
        self._read: dict[str, list[EntryRecord]] = {}

    def reporting(self) -> list[str]:
        if self._keys is None:
            if len(self.by_key) < 2:
                self._keys = list(self.by_key)
            else:
                first = {
                    k: min(self.source.first_id(self.task, r) for r in rs) for k, rs in self.by_key.items()
                }
                self._keys = sorted(self.by_key, key=first.__getitem__)
        return self._keys

    def of(self, key: str) -> list[EntryRecord]:
        found = self._read.get(key)
        if found is None:
            rows = self.by_key.get(key, [])
            found = [e for r in rows for e in self.source.read(self.task, r)]
            if len(rows) > 1:
                found.sort(key=lambda e: (e.as_of, e.id))
            self._read[key] = found
        return found

    def latest(self, key: str, as_of: date, period_start: date) -> Latest:
        rows = self.by_key.get(key)
        if rows and len(rows) == 1:
            return self.source.latest(self.task, rows[0], period_start)
        return latest_of(self.of(key), as_of, period_start)  # none, or one agency spelt two ways


def status_reports(ws: Workspace, plan_id: str, as_of: date) -> JournalReports:
    """The plan's reports for compute_status at as_of, read from the index as the rule asks."""
    return JournalReports(ws, plan_id, as_of)


def status_entries(
    ws: Workspace, plan_id: str, as_of: date, keep: Callable[[str, str], bool] | None = None
) -> list[EntryRecord]:
    """Just the entries compute_status needs at as_of: per task and reporting agency, the latest
    effective one and the latest carrying each field; only for the (task, agency) groups `keep`
    accepts when given. Same status as from all entries, without reading them all."""
    reports = JournalReports(ws, plan_id, as_of)
    try:
        return reports.entries(keep)
    finally:
        reports.close()


def _cached_history(ws: Workspace, path: Path, refresh: bool = False) -> ByTask:
    return _indexes(ws, path, refresh, history=True)[1]


def _indexes(
    ws: Workspace, path: Path, refresh: bool = False, history: bool = False, lazy: bool = False
) -> tuple[ByTask, ByTask]:
    """The journal's index and history (the history read only when asked for, or to extend the
    index). Like the entries' cache they cover the journal's first bytes, by digest: a journal
    that grew by plain entries extends the groups those entries are in; one that grew by an undo
    or a correction (what counts changes), or changed in any other way, is indexed again from its
    entries (_journal). `lazy`: a journal with no index yet is read and checked, and its tasks
    are indexed as they are read (_Unindexed; the caller writes them)."""
    stat = _stat(path)
    if stat is None:
        index, hist = _build_index(*journal.read_with_offsets(path)[:2])
        return ByTask(index), ByTask(hist)
    found = None if refresh else _read_indexed(ws, "index", path, stat)
    if found is not None and found[0][:2] == list(stat[:2]):
        if not history:
            return found[1], ByTask()
        both = _read_indexed(ws, "groups", path, stat)
        if both is not None and both[0] == found[0]:
            return found[1], both[1]
    elif found is not None:
        extended = _extended(ws, path, stat, found[0], found[1])
        if extended is not None:
            return extended
    entries: Sequence[_Indexed]
    if _cache_file(ws, "journal", path).exists():  # its entries, or those of the journal it grew from
        entries, offsets, covered = _journal(ws, path, write=False)
        digest = _digest(path, covered)
    else:  # the lines as msgspec reads them, no record made of each
        entries, offsets, data = journal.read_indexable(path)
        covered, digest = len(data), _digest_of(data)
    meta = [stat[0], stat[1], covered, digest]
    if lazy:
        unindexed = _Unindexed(entries, offsets, stat, meta)
        return unindexed.index, unindexed.history
    index, hist = _build_index(entries, offsets)
    if _stat(path) == stat:
        _write_indexed(ws, path, stat, [*meta, None], ByTask(index), ByTask(hist))
    return ByTask(index), ByTask(hist)


def _extended(
    ws: Workspace, path: Path, stat: tuple[int, int, int, int], meta: list[Any], index: ByTask
) -> tuple[ByTask, ByTask] | None:
    """The index and history extended by the journal's new lines; None when they cannot be."""
    _size, _mtime, covered, digest, tasks = meta
    if not (type(covered) is int and stat[0] >= covered and _digest(path, covered) == digest):
        return None
    both = _read_indexed(ws, "groups", path, stat)
    tail = journal.read_from(path, covered)
    if both is None or both[0] != meta or tail is None:
        return None
    entries, offsets, end = tail
    if any(e.undoes is not None or e.corrects is not None for e in entries):
        return None  # what counts changes: indexed again from the entries
    history = both[1]
    reader = journal.EntryReader(path)
    try:
        indexed = None if tasks is None else set(tasks)
        for e, offset in zip(entries, offsets, strict=True):
            if indexed is None or e.task in indexed:  # (a task not indexed is read when asked for)
                _add(index, history, e, offset, reader)
    except (StaleIndex, TypeError, ValueError, IndexError):
        return None
    finally:
        reader.file.close()
    if _stat(path) == stat:
        _write_indexed(ws, path, stat, [stat[0], stat[1], end, _digest(path, end), tasks], index, history)
    return index, history


def _add(index: ByTask, history: ByTask, e: EntryRecord, offset: int, reader: journal.EntryReader) -> None:
    """One new effective entry into its group's history and index rows."""
    rows = history.changed(e.task)
    h = next((_check_history_row(r) for r in rows if type(r) is list and r and r[0] == e.agency), None)
    if h is None:
        h = [e.agency, [], [], [], []]
        rows.append(h)
    day = e.as_of.isoformat()
    at = bisect_right(h[1], day)  # after every report of the same date: its id is the highest
    for column, value in zip(h[1:], (day, offset, e.id, _fields(e)), strict=True):
        column.insert(at, value)
    picked = _picked(h[4], len(h[3]))
    group = [e if h[3][i] == e.id else reader.at(h[2][i]) for i in picked]
    if any(g is None or g.id != h[3][i] for g, i in zip(group, picked, strict=True)):
        raise StaleIndex  # the history does not fit the journal
    kept = [g for g in group if g is not None]
    row = _index_row(e.agency, kept, [h[4][i] for i in picked], [h[2][i] for i in picked], [h[1][i] for i in picked],
                     [h[3][i] for i in picked])  # fmt: skip
    row[1], row[3] = h[1][0], min(h[3])  # the first day and lowest id of the whole group
    rows_i = index.changed(e.task)
    rows_i[:] = [r for r in rows_i if not (type(r) is list and r and r[0] == e.agency)] + [row]


def _read_indexed(
    ws: Workspace, kind: str, path: Path, stat: tuple[int, int, int, int]
) -> tuple[list[Any], ByTask] | None:
    """An index or history cache of this journal file: (its meta, its rows by task)."""
    key = [__version__, CACHE_FORMAT, kind, os.path.realpath(path), stat[2], stat[3]]

    def decode(data: bytes) -> tuple[list[Any], ByTask]:
        head, _, rest = data.partition(b"\n")
        meta = json.loads(head)
        if type(meta) is not list or len(meta) != 5:
            raise CacheMismatch("meta")
        tasks = meta[4]  # the tasks it holds (None: every task of the journal)
        if tasks is not None and (type(tasks) is not list or not all(type(t) is str for t in tasks)):
            raise CacheMismatch("meta")
        return meta, ByTask.of_lines(rest, None if tasks is None else set(tasks))

    return _read_cache(_cache_file(ws, kind, path), key, decode, raw=True)


def _write_indexed(
    ws: Workspace,
    path: Path,
    stat: tuple[int, int, int, int],
    meta: list[Any],
    index: ByTask,
    history: ByTask,
) -> None:
    head = json.dumps(meta).encode() + b"\n"
    for kind, value in (("index", index), ("groups", history)):
        key = [__version__, CACHE_FORMAT, kind, os.path.realpath(path), stat[2], stat[3]]
        _write_cache(ws, kind, path, key, head + value.lines(), raw=True)


# -- the rows of a whole plan at a date ------------------------------------------------------------


def plan_rows(
    ws: Workspace,
    plan_id: str,
    plan: PlanRecord,
    as_of: date,
    period_start: date,
    settings: TrackingSettings,
    compute: Callable[[], list[TaskStatus]],
    shares_of: Callable[[ItemRecord], Callable[[], list[AgencyShare]]],
    view: tuple[str, str] | None = None,
) -> list[TaskStatus]:
    """The rows of a view of the plan at the date (compute_status), cached for that date and view:
    the rows of a plan whose plan file, journal and settings have not changed are read, not judged
    again (the bench workspace's 2,000 tasks judge 15,000 agencies' reports). `view` is (agency,
    role) of a one-agency view, None for every task; the last one-agency view asked for is kept
    beside the view of every task. Each row's shares are worked out by `shares_of` when read."""
    plan_path, journal_path = ws.plan_path(plan_id), ws.journal_path(plan_id)
    stats = [_stat(plan_path), _stat(journal_path)]
    if stats[0] is None:
        return compute()
    rules = settings.status
    kind = "rows" if view is None else "agency-rows"
    key = [__version__, CACHE_FORMAT, kind, os.path.realpath(plan_path), *stats, as_of.isoformat(),
           period_start.isoformat(), rules.tolerance, rules.serious, rules.expected,
           sorted(settings.agencies.items()), view]  # fmt: skip
    key = json.loads(json.dumps(key))  # as it reads back (tuples are lists)
    cache_file = _cache_file(ws, kind, plan_path)
    tasks = {t.id: t for t in plan.trackable()}
    hit = _read_cache(cache_file, key, lambda data: _rows_from_json(data, plan_id, tasks, shares_of))
    if hit is not None:
        return hit
    rows = compute()
    if [_stat(plan_path), _stat(journal_path)] == stats:
        _write_cache(ws, kind, plan_path, key, [_row_json(r) for r in rows])
    return rows


def _row_json(r: TaskStatus) -> list[Any]:
    return [r.task.id, r.light.value, r.status.value if r.status else None, r.progress_pct, r.expected_pct,
            [[t.index, t.actual, t.pct, t.over] for t in r.targets], entry_row(r.last) if r.last else None,
            r.reported_in_period, r.deadline.isoformat() if r.deadline else None, r.overdue, r.percent,
            r.role.value if r.role else None]  # fmt: skip


def _rows_from_json(
    data: Any,
    plan_id: str,
    tasks: dict[str, ItemRecord],
    shares_of: Callable[[ItemRecord], Callable[[], list[AgencyShare]]],
) -> list[TaskStatus]:
    if type(data) is not list:
        raise CacheMismatch("rows")
    out = []
    for row in data:
        (
            task_id,
            light,
            status,
            progress,
            expected,
            targets,
            last,
            reported,
            deadline,
            overdue,
            percent,
            role,
        ) = row
        task = tasks[task_id]
        if not (
            (role is None or role in _ROLES) and light in _LIGHTS and (status is None or status in _STATUSES)
            and _real(progress) and type(expected) is float and type(targets) is list
            and type(reported) is bool and type(overdue) is bool and _real(percent)
            and (deadline is None or type(deadline) is str)
        ):  # fmt: skip
            raise CacheMismatch("row")
        progress_of = []
        for index, actual, pct, over in targets:
            if not (type(index) is int and 0 <= index < len(task.targets) and _real(actual) and _real(pct)
                    and type(over) is bool):  # fmt: skip
                raise CacheMismatch("target")
            progress_of.append(TargetProgress(index, task.targets[index], actual, pct, over))
        entry = None if last is None else entry_from_row(last)
        day = None if deadline is None else date.fromisoformat(deadline)
        found = None if status is None else _STATUSES[status]
        row_of = TaskStatus(plan_id, task, None if role is None else _ROLES[role], _LIGHTS[light], found, progress,
                            expected, progress_of, entry, reported, day, overdue, percent, shares_of(task))  # fmt: skip
        out.append(row_of)
    return out


def _real(x: object) -> bool:
    return x is None or type(x) is float


_LIGHTS = {light.value: light for light in Light}
_ROLES = {role.value: role for role in Role}


# -- cache files -----------------------------------------------------------------------------------


def _key_at(kind: str, path: Path, stat: tuple[int, int, int, int]) -> list[Any]:
    return [__version__, CACHE_FORMAT, kind, os.path.realpath(path), *stat]


def _stat(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)


def _key(kind: str, path: Path) -> list[Any] | None:
    stat = _stat(path)
    return None if stat is None else _key_at(kind, path, stat)


def _cache_file(ws: Workspace, kind: str, path: Path) -> Path:
    """The cache file of `kind` for the file; a cache folder or file linked out of the workspace
    is refused (fsguard.ensure_inside; the folder is checked once per workspace and run, a file
    whenever it is a symlink)."""
    folder = ws.root / CACHE_DIR
    cache_file = folder / f"{kind}-{safe_name(path.stem)}.json"
    try:
        st = os.lstat(folder)
        mark: tuple[Path, int, int] | None = None if S_ISLNK(st.st_mode) else (folder, st.st_dev, st.st_ino)
    except OSError:
        mark = None
    if mark is None or mark not in _FOLDERS:
        ensure_inside(folder / "x", ws.root)
        if mark is not None:
            _FOLDERS.add(mark)
    if os.path.islink(cache_file):
        ensure_inside(cache_file, ws.root)
    return cache_file


_FOLDERS: set[tuple[Path, int, int]] = set()  # cache folders (not links) found inside their workspace


def _cached(
    ws: Workspace,
    kind: str,
    path: Path,
    load: Callable[[Path], _T],
    encode: Callable[[_T], Any],
    decode: Callable[[Any], _T],
    refresh: bool = False,
    write: bool = True,
    raw: bool = False,
) -> _T:
    """The cached value of `kind` for the file; else load(path), cached when `write` (a load that
    writes its own caches says write=False)."""
    key = _key(kind, path)
    if key is None:
        return load(path)
    cache_file = _cache_file(ws, kind, path)
    hit = None if refresh else _read_cache(cache_file, key, decode, raw)
    if hit is not None:
        return hit
    value = load(path)
    if write and _key(kind, path) == key:  # the file did not change while it was read
        _write_cache(ws, kind, path, key, encode(value), raw)
    return value


def _read_cache(
    cache_file: Path, key: list[Any], decode: Callable[[Any], _T], raw: bool = False
) -> _T | None:
    """The cached value when the key matches and every value has its type; None otherwise. The
    value is JSON (`raw`: bytes that `decode` reads itself)."""
    try:
        with cache_file.open("rb") as f:
            if json.loads(f.readline()) != key:
                return None
            data = f.read()
            return decode(data if raw else json.loads(data))
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None  # unreadable, not JSON, or not of its type (CacheMismatch is a ValueError)


def _write_cache(ws: Workspace, kind: str, path: Path, key: list[Any], value: Any, raw: bool = False) -> None:
    """Best effort: a read-only workspace or a full disk just means no cache."""
    from plantrack.fsguard import StorageError, atomic_write

    try:
        cache_file = _cache_file(ws, kind, path)
        cache_file.parent.mkdir(exist_ok=True)
        body = value if raw else json.dumps(value, ensure_ascii=False).encode("utf-8")
        data = json.dumps(key).encode("utf-8") + b"\n" + body
        atomic_write(cache_file, data, durable=False)
    except (OSError, StorageError, ValueError):
        pass


def read_cached(
    ws: Workspace, kind: str, name: str, key: list[Any], decode: Callable[[Any], _T]
) -> _T | None:
    """A value another module caches in the workspace under its own key (report/cache.py): None
    when there is none, it does not match the key or does not decode."""
    return _read_cache(_cache_file(ws, kind, Path(name)), key, decode)


def write_cached(ws: Workspace, kind: str, name: str, key: list[Any], value: Any) -> None:
    """Keep a value read_cached gives back while the key matches (best effort)."""
    _write_cache(ws, kind, Path(name), key, value)


def load_readable(
    ws: Workspace, ids: list[str]
) -> tuple[list[tuple[str, PlanRecord, list[EntryRecord]]], list[str]]:
    """The plans (with their journals) that load, and for each that does not, one line saying which
    plan was skipped and why: one broken file never stops a command over the other plans."""
    loaded, skipped = readable_plans(ws, ids)
    return [(i, plan, load_entries(ws, i)) for i, plan in loaded], skipped


def readable_plans(ws: Workspace, ids: list[str]) -> tuple[list[tuple[str, PlanRecord]], list[str]]:
    """load_readable without keeping the entries: a journal is read (and validated) only when no
    cache was made from it as it is (entries_ready), so a broken one is found here, not later."""
    from plantrack.fsguard import StorageError

    loaded = []
    skipped = []
    for plan_id in ids:
        try:
            plan = load_plan(ws, plan_id)
            if not entries_ready(ws, plan_id):
                load_entries(ws, plan_id)
            loaded.append((plan_id, plan))
        except StorageError:
            raise  # the workspace's, not the plan's: a cache folder linked out of it is refused
        except PlantrackError as e:
            skipped.append(skip_line(plan_id, e))
    return loaded, skipped


class StoredEntries:
    """A plan's entries, read from the store each time they are gone through, not kept: a report
    over many plans holds one plan's entries at a time."""

    def __init__(self, ws: Workspace, plan_id: str) -> None:
        self.ws, self.plan_id = ws, plan_id

    def __iter__(self) -> Iterator[EntryRecord]:
        return iter(load_entries(self.ws, self.plan_id))


def skip_line(plan_id: str, e: PlantrackError) -> str:
    """The line saying a plan was left out of a command over several plans, and why."""
    return f"已跳过计划 {plan_id}：{e.message}（运行 plantrack check 查看并修复）"
