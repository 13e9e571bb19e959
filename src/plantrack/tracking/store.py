"""The workspace's plans and journals for tracking commands: listing, resolving ids, cached reading.

Parsed plans and journals are cached as pickles in `<workspace>/.plantrack-cache/`, keyed on the
file's path, size and mtime_ns, so `status` over many plans stays fast. The cache is disposable:
any problem with it means the file is read again.
"""

from __future__ import annotations

import difflib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from plantrack import __version__
from plantrack.errors import UsageError
from plantrack.models import Plan
from plantrack.tracking.journal import read_entries
from plantrack.tracking.models import Entry
from plantrack.workspace import Workspace

CACHE_DIR = ".plantrack-cache"
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

    return _cached(ws, "plan", ws.plan_path(plan_id), load)


def load_entries(ws: Workspace, plan_id: str) -> list[Entry]:
    """The plan's journal entries, parsed (cached); no journal yet means no entries."""
    path = ws.journal_path(plan_id)
    if not path.exists():
        return []
    return _cached(ws, "journal", path, read_entries)


def _cached(ws: Workspace, kind: str, path: Path, load: Callable[[Path], _T]) -> _T:
    try:
        st = path.stat()
    except OSError:
        return load(path)
    key = (__version__, kind, str(path.resolve()), st.st_size, st.st_mtime_ns)
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
