"""The workspace's plans and journals for tracking commands: listing, resolving ids, cached reading.

Parsed plans and journals are cached as pickles in `<workspace>/.plantrack-cache/`, keyed on the
file's path, size and mtime_ns, so `status` over many plans stays fast. The cache is disposable:
any problem with it means the file is read again.
"""

from __future__ import annotations

import difflib
import gc
import os
import pickle
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from plantrack import __version__
from plantrack.errors import UsageError
from plantrack.models import Plan
from plantrack.tracking.journal import read_entries
from plantrack.tracking.models import Entry, Status
from plantrack.tracking.status import effective_ids
from plantrack.workspace import Workspace

CACHE_DIR = ".plantrack-cache"
CACHE_FORMAT = 2  # bump when what is cached changes shape
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

    with _no_gc():
        return _cached(ws, "plan", ws.plan_path(plan_id), load)


# A journal entry as cached: (id, task, as_of, recorded_at, agency, status, percent, actuals, note,
# corrects, undoes), dates as ISO text. Tuples unpickle many times faster than models.
Row = tuple[int, str, str, str, str, str | None, float | None, dict[str, float], str, int | None, int | None]


def load_entries(ws: Workspace, plan_id: str) -> list[Entry]:
    """The plan's journal entries, parsed (cached); no journal yet means no entries."""
    return [_entry(r) for r in load_rows(ws, plan_id)]


def load_rows(ws: Workspace, plan_id: str) -> list[Row]:
    """The journal as validated rows (cached)."""
    path = ws.journal_path(plan_id)
    if not path.exists():
        return []
    with _no_gc():
        return _cached(ws, "journal", path, _read_rows)


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
    with _no_gc():
        if per_agency:
            groups = _cached(ws, "status", path, _status_groups)
        else:
            groups = _cached(ws, "status-task", path, _task_groups)
    day = as_of.isoformat()
    picked: dict[int, Row] = {}
    for days, rows, fields in groups:
        if keep is not None and not keep(rows[0][1], rows[0][4]):
            continue
        end = bisect_right(days, day)
        if end == 0:
            continue
        picked[rows[end - 1][0]] = rows[end - 1]
        missing = set(fields) - set(_fields(rows[end - 1]))
        for r in reversed(rows[: end - 1]):
            if not missing:
                break
            found = {f for f in missing if _carries(r, f)}
            if found:
                picked[r[0]] = r
                missing -= found
    return [_entry(picked[i]) for i in sorted(picked)]


Group = tuple[list[str], list[Row], frozenset[str]]


def _status_groups(path: Path) -> list[Group]:
    """Effective rows by (task, agency), sorted by (as_of, id), with the fields the group carries."""
    return _groups(path, lambda r: (r[1], r[4]))


def _task_groups(path: Path) -> list[Group]:
    """Effective rows by task alone: all a view of every agency needs."""
    return _groups(path, lambda r: (r[1], ""))


def _groups(path: Path, group_of: Callable[[Row], tuple[str, str]]) -> list[Group]:
    rows = _read_rows(path)
    keep = effective_ids([(r[0], r[9], r[10]) for r in rows])
    by_group: dict[tuple[str, str], list[Row]] = {}
    for r in sorted((r for r in rows if r[0] in keep), key=lambda r: (r[2], r[0])):
        by_group.setdefault(group_of(r), []).append(r)
    out = []
    for group in by_group.values():
        fields = {f for r in group for f in _fields(r)}
        out.append(([r[2] for r in group], group, frozenset(fields)))
    return out


def _fields(r: Row) -> list[str]:
    return [*(["status"] if r[5] is not None else []), *(["percent"] if r[6] is not None else []), *r[7]]


def _carries(r: Row, field: str) -> bool:
    if field == "status":
        return r[5] is not None
    if field == "percent":
        return r[6] is not None
    return field in r[7]


def _read_rows(path: Path) -> list[Row]:
    return [
        (e.id, e.task, e.as_of.isoformat(), e.recorded_at.isoformat(), e.agency, e.status.value if e.status else None,
         e.percent, e.actuals, e.note, e.corrects, e.undoes)
        for e in read_entries(path)
    ]  # fmt: skip


def _entry(r: Row) -> Entry:
    """A model from a row that was validated when cached (no second validation)."""
    return Entry.model_construct(
        id=r[0], task=r[1], as_of=date.fromisoformat(r[2]), recorded_at=datetime.fromisoformat(r[3]),
        agency=r[4], status=Status(r[5]) if r[5] else None, percent=r[6], actuals=r[7], note=r[8],
        corrects=r[9], undoes=r[10],
    )  # fmt: skip


@contextmanager
def _no_gc() -> Iterator[None]:
    """Loading many small objects: the cyclic GC only slows it down (nothing cyclic is made)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # what was loaded lives to the end of the command: keep collections off it
        if enabled:
            gc.enable()


def _cached(ws: Workspace, kind: str, path: Path, load: Callable[[Path], _T]) -> _T:
    try:
        st = path.stat()
    except OSError:
        return load(path)
    key = (__version__, CACHE_FORMAT, kind, str(path.resolve()), st.st_size, st.st_mtime_ns)
    cache = ws.root / CACHE_DIR / f"{kind}-{path.stem}.pickle"
    hit = _read_cache(cache, key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    value = load(path)
    _write_cache(cache, key, value)
    return value


def _read_cache(cache: Path, key: tuple[Any, ...]) -> Any:
    try:
        with cache.open("rb") as f:
            stored_key, value = pickle.load(f)
    except Exception:
        return None
    return value if stored_key == key else None


def _write_cache(cache: Path, key: tuple[Any, ...], value: Any) -> None:
    try:
        cache.parent.mkdir(exist_ok=True)
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump((key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    except OSError:
        pass


def load_readable(ws: Workspace, ids: list[str]) -> tuple[list[tuple[str, Plan, list[Entry]]], list[str]]:
    """The plans (with their journals) that load, and for each that does not, one line saying which
    plan was skipped and why: one broken file never stops a command over the other plans."""
    from plantrack.errors import PlantrackError

    loaded = []
    skipped = []
    for plan_id in ids:
        try:
            loaded.append((plan_id, load_plan(ws, plan_id), load_entries(ws, plan_id)))
        except PlantrackError as e:
            skipped.append(f"已跳过计划 {plan_id}：{e.message}（运行 plantrack check 查看并修复）")
    return loaded, skipped
