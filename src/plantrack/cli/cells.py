"""Cells of the terminal tables: targets with progress, lights, last updates, counts (plain text)."""

from __future__ import annotations

from plantrack.display import number, pct, target_value
from plantrack.kinds import ROLE_LABELS
from plantrack.records import ItemRecord as Item
from plantrack.tracking.kinds import LIGHT_LABELS, STATUS_LABELS, Light, light_counts
from plantrack.tracking.records import EntryRecord as Entry
from plantrack.tracking.records import TargetProgress, TaskStatus

LIGHT_MARKS: dict[Light, str] = {
    Light.done: "●",
    Light.on_track: "●",
    Light.behind: "●",
    Light.serious: "●",
    Light.not_started: "○",
    Light.not_reported: "○",
}


def short(text: str, width: int = 16) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def task_label(task: Item) -> str:
    return task.number or task.id


def target_cell(tp: TargetProgress) -> str:
    """'4.5万/6.04万人 75%' (or '—/6.04万人' before any value)."""
    t = tp.target
    actual = "—" if tp.actual is None else number(tp.actual)
    share = f" {pct(tp.pct)}" if tp.pct is not None else ""
    over = " 超额※" if tp.over else ""
    return f"{actual}/{target_value(t)}{share}{over}"


def last_update(row: TaskStatus, width: int = 24) -> str:
    if row.last is None:
        return "—"
    note = short(row.last.note.replace("\n", " "), width)
    return f"{row.last.as_of.isoformat()} {note}".strip()


def counts_line(rows: list[TaskStatus]) -> str:
    """'共 11 项：严重滞后 1，滞后 2，…'."""
    parts = [f"{LIGHT_LABELS[k]} {v}" for k, v in light_counts(rows).items()]
    return f"共 {len(rows)} 项：" + "，".join(parts)


def entry_values(entry: Entry, task: Item | None) -> str:
    """'状态 推进中；75%；0=4.5万人' for history tables."""
    parts = []
    if entry.status is not None:
        parts.append(STATUS_LABELS[entry.status])
    if entry.percent is not None:
        parts.append(pct(entry.percent))
    for key, value in entry.actuals.items():
        unit = ""
        if task is not None and key.isdigit() and int(key) < len(task.targets):
            unit = task.targets[int(key)].unit
        parts.append(f"[{key}] {number(value)}{unit}")
    return "；".join(parts) or "—"


def shares_line(row: TaskStatus) -> str:
    """Each agency's part (tracking/rule.py): '市人社局（负责）74.5% 序时推进；团市委（负责）未报送；
    市统计局（配合，不计入）已报送'."""
    parts = []
    for s in row.shares:
        if not s.counts and s.last is None:
            continue  # a supporting agency that sent nothing
        role = (ROLE_LABELS[s.role] if s.role else "未列明") + ("" if s.counts else "，不计入")
        figure = "" if s.progress_pct is None else f"{pct(s.progress_pct)} "
        said = STATUS_LABELS[s.last.status] if s.last and s.last.status else "已报送"
        parts.append(f"{s.agency}（{role}）{figure}{LIGHT_LABELS[s.light] if s.counts else said}".rstrip())
    return "；".join(parts)
