"""The workspace's plans and journals for tracking commands: listing, resolving ids, cached reading.

Parsed plans and journals are cached as JSON in `<workspace>/.plantrack-cache/`, so `status` over
many plans stays fast. A cache file is a key line (plantrack version, format, the file's path, size,
mtime_ns, inode and device) and the value, which is validated against its type when read: a cache
from someone else cannot run code (no pickle), and one that does not match (another copy of the
workspace, a hand-edited or damaged cache) is silently rebuilt from the file.
"""

from __future__ import annotations

import difflib
import json
from bisect import bisect_right
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import TypeAdapter, ValidationError

from plantrack import __version__
from plantrack.errors import PlantrackError, UsageError
from plantrack.fsguard import ensure_inside, safe_name
from plantrack.models import Plan
from plantrack.tracking import journal
from plantrack.tracking.journal import read_entries
from plantrack.tracking.models import Entry, Status
from plantrack.tracking.status import effective_entries
from plantrack.workspace import Workspace

CACHE_DIR = ".plantrack-cache"
CACHE_FORMAT = 3  # bump when what is cached changes shape
_T = TypeVar("_T")


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
    close = difflib.get_close_matches(text, ids, n=3, cutoff=0.5)
    hint = f"最接近的是：{'、'.join(close)}。" if close else f"现有计划：{'、'.join(ids)}。"
    raise UsageError(f"没有计划“{text}”。", hint=hint + "用 plantrack plans 查看全部计划。")


def load_plan(ws: Workspace, plan_id: str) -> Plan:
    """The plan file, parsed (cached)."""
    from plantrack.planfile import load_plan as load

    return _cached(ws, "plan", ws.plan_path(plan_id), load, Plan)


class Row(NamedTuple):
    """A journal entry as cached, dates as ISO text: many times faster to load than models."""

    id: int
    task: str
    as_of: str
    recorded_at: str
    agency: str
    status: str | None
    percent: float | None
    actuals: dict[str, float]
    note: str
    corrects: int | None
    undoes: int | None


def load_entries(ws: Workspace, plan_id: str) -> list[Entry]:
    """The plan's journal entries, parsed (cached); no journal yet means no entries."""
    return [_entry(r) for r in load_rows(ws, plan_id)]


def load_rows(ws: Workspace, plan_id: str) -> list[Row]:
    """The journal as validated rows (cached)."""
    path = ws.journal_path(plan_id)
    if not path.exists():
        return []
    return _cached(ws, "journal", path, _read_rows, list[Row])


def status_entries(
    ws: Workspace,
    plan_id: str,
    as_of: date,
    per_agency: bool = True,
    keep: Callable[[str, str], bool] | None = None,
) -> list[Entry]:
    """Just the entries compute_status needs at as_of: per task (and agency, for a one-agency view),
    the latest effective one and the latest carrying each field; only for the (task, agency) groups
    `keep` accepts when given (what a one-agency view shows). Same status as from all entries,
    without 100,000 models."""
    path = ws.journal_path(plan_id)
    if not path.exists():
        return []
    kind, load = ("status", _status_groups) if per_agency else ("status-task", _task_groups)
    picked = _pick(_cached(ws, kind, path, load, list[Group]), path, as_of, keep)
    if picked is None:  # the cache does not fit the journal after all: rebuild it
        picked = _pick(_cached(ws, kind, path, load, list[Group], refresh=True), path, as_of, keep)
    if picked is None:  # pragma: no cover - a fresh cache always fits
        raise UsageError(f"无法读取 {path}。", hint="请运行 plantrack check 检查进展记录。")
    return picked


class Group(NamedTuple):
    """The effective entries of one (task, agency) group, by (as_of, id): their dates, the offsets
    of their lines in the journal and the fields the group carries. The entries themselves are
    read from the journal only when a status picks them: most never are."""

    task: str
    agency: str
    days: list[str]
    offsets: list[int]
    fields: list[str]


def _pick(
    groups: list[Group], path: Path, as_of: date, keep: Callable[[str, str], bool] | None
) -> list[Entry] | None:
    """The entries status needs; None when a cached offset does not lead to the entry it should."""
    day = as_of.isoformat()
    picked: dict[int, Entry] = {}
    with journal.EntryReader(path) as reader:
        for group in groups:
            if keep is not None and not keep(group.task, group.agency):
                continue
            end = bisect_right(group.days, day)
            missing = set(group.fields)
            for i in range(end - 1, -1, -1):
                entry = reader.at(group.offsets[i])
                if entry is None or entry.as_of.isoformat() != group.days[i] or entry.task != group.task:
                    return None
                found = _fields(entry) & missing
                if i == end - 1 or found:
                    picked[entry.id] = entry
                missing -= found
                if not missing:
                    break
    return [picked[i] for i in sorted(picked)]


def _status_groups(path: Path) -> list[Group]:
    """Effective entries by (task, agency), sorted by (as_of, id), with the fields the group carries."""
    return _groups(path, lambda e: (e.task, e.agency))


def _task_groups(path: Path) -> list[Group]:
    """Effective entries by task alone: all a view of every agency needs."""
    return _groups(path, lambda e: (e.task, ""))


def _groups(path: Path, group_of: Callable[[Entry], tuple[str, str]]) -> list[Group]:
    entries, offsets = journal.read_with_offsets(path)
    at = {e.id: o for e, o in zip(entries, offsets, strict=True)}
    keep = {e.id for e in effective_entries(entries)}
    by_group: dict[tuple[str, str], list[Entry]] = {}
    for e in sorted((e for e in entries if e.id in keep), key=lambda e: (e.as_of, e.id)):
        by_group.setdefault(group_of(e), []).append(e)
    out = []
    for (task, agency), group in by_group.items():
        fields = sorted(set().union(*(_fields(e) for e in group)))
        out.append(
            Group(task, agency, [e.as_of.isoformat() for e in group], [at[e.id] for e in group], fields)
        )
    return out


def _fields(e: Entry) -> set[str]:
    return {
        *(["status"] if e.status is not None else []),
        *(["percent"] if e.percent is not None else []),
        *e.actuals,
    }


def _read_rows(path: Path) -> list[Row]:
    return [
        Row(e.id, e.task, e.as_of.isoformat(), e.recorded_at.isoformat(), e.agency, e.status.value if e.status else None,
            e.percent, e.actuals, e.note, e.corrects, e.undoes)
        for e in read_entries(path)
    ]  # fmt: skip


def _entry(r: Row) -> Entry:
    """A model from a row that was validated when cached (no second validation)."""
    return Entry.model_construct(
        id=r.id, task=r.task, as_of=date.fromisoformat(r.as_of), recorded_at=datetime.fromisoformat(r.recorded_at),
        agency=r.agency, status=Status(r.status) if r.status else None, percent=r.percent, actuals=r.actuals,
        note=r.note, corrects=r.corrects, undoes=r.undoes,
    )  # fmt: skip


def _cached(
    ws: Workspace, kind: str, path: Path, load: Callable[[Path], _T], kind_type: Any, refresh: bool = False
) -> _T:
    try:
        st = path.stat()
    except OSError:
        return load(path)
    key = [
        __version__,
        CACHE_FORMAT,
        kind,
        str(path.resolve()),
        st.st_size,
        st.st_mtime_ns,
        st.st_ino,
        st.st_dev,
    ]
    folder = ws.root / CACHE_DIR
    cache_file = folder / f"{kind}-{safe_name(path.stem)}.json"
    ensure_inside(cache_file, ws.root)  # a cache folder linked out of the workspace is refused
    hit = None if refresh else _read_cache(cache_file, key, _adapter(kind_type))
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    value = load(path)
    _write_cache(cache_file, key, _adapter(kind_type).dump_json(value))
    return value


@cache
def _adapter(kind_type: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind_type)


def _read_cache(cache_file: Path, key: list[Any], adapter: TypeAdapter[Any]) -> Any:
    """The cached value when the key matches and the value has its type; None otherwise."""
    try:
        with cache_file.open("rb") as f:
            if json.loads(f.readline()) != key:
                return None
            return adapter.validate_json(f.read())
    except (OSError, ValueError, ValidationError):
        return None


def _write_cache(cache_file: Path, key: list[Any], value: bytes) -> None:
    """Best effort: a read-only workspace or a full disk just means no cache."""
    from plantrack.fsguard import StorageError, atomic_write

    try:
        cache_file.parent.mkdir(exist_ok=True)
        atomic_write(cache_file, json.dumps(key).encode("utf-8") + b"\n" + value, durable=False)
    except (OSError, StorageError):
        pass


def load_readable(ws: Workspace, ids: list[str]) -> tuple[list[tuple[str, Plan, list[Entry]]], list[str]]:
    """The plans (with their journals) that load, and for each that does not, one line saying which
    plan was skipped and why: one broken file never stops a command over the other plans."""
    from plantrack.fsguard import StorageError

    loaded = []
    skipped = []
    for plan_id in ids:
        try:
            loaded.append((plan_id, load_plan(ws, plan_id), load_entries(ws, plan_id)))
        except StorageError:
            raise  # the workspace's, not the plan's: a cache folder linked out of it is refused
        except PlantrackError as e:
            skipped.append(skip_line(plan_id, e))
    return loaded, skipped


def skip_line(plan_id: str, e: PlantrackError) -> str:
    """The line saying a plan was left out of a command over several plans, and why."""
    return f"已跳过计划 {plan_id}：{e.message}（运行 plantrack check 查看并修复）"
