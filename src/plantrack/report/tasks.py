"""One task's row of the report: agencies, deadline, targets and notes, worded in office style."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from plantrack.models import ROLE_LABELS, Op, Role, Target
from plantrack.periods import Quarter
from plantrack.report import numbers as fmt
from plantrack.report.context import NoteLine, TargetLine, TaskRow
from plantrack.tracking.agencies import tracked_agencies
from plantrack.tracking.models import LIGHT_LABELS, STATUS_LABELS, Entry, Light, TargetProgress, TaskStatus

# How a comparator reads around the amount: (before, after).
OP_WORDS: dict[Op, tuple[str, str]] = {
    Op.eq: ("", ""),
    Op.ge: ("", "以上"),
    Op.gt: ("超过", ""),
    Op.le: ("不超过", ""),
    Op.approx: ("", "左右"),
}
SHORT_LIST = 3  # more agencies than this are written 市人社局等12个单位


@dataclass(frozen=True)
class TaskFacts:
    """What every row of one plan's report shares."""

    as_of: date
    next_quarter: Quarter
    target_word: str  # 年度目标 / 目标
    previous: Mapping[tuple[str, int], float | None]  # (task id, target index) -> actual a quarter ago
    notes: Mapping[str, list[Entry]]  # task id -> entries of the period
    agency_report: bool


def task_row(seq: int, st: TaskStatus, facts: TaskFacts) -> TaskRow:
    task = st.task
    agencies = tracked_agencies(task)
    lead = [a.name for a in agencies if a.role == Role.lead]
    others = [a.name for a in agencies if a.role != Role.lead]
    targets = [_target_line(tp, facts.previous.get((task.id, tp.index)), facts) for tp in st.targets]
    gap = st.expected_pct - st.progress_pct if st.progress_pct is not None else None
    return TaskRow(
        seq=seq,
        id=task.id,
        number=task.number,
        title=task.title,
        lead=lead,
        others=others,
        agencies_text=agencies_text(_by_role(st)),
        role=ROLE_LABELS[st.role] if facts.agency_report and st.role else "",
        deadline=st.deadline,
        deadline_text=fmt.cn_date(st.deadline) if st.deadline else ("持续推进" if task.ongoing else "—"),
        light=st.light.value,
        light_label="超额（待核实）" if st.over_target else LIGHT_LABELS[st.light],
        progress=fmt.pct(st.progress_pct),
        expected=fmt.pct(st.expected_pct),
        gap=gap,
        targets=targets,
        target_text="；".join(f"{_metric(tp.target)}{target_amount(tp.target)}" for tp in st.targets),
        progress_text=_progress_text(st, targets),
        notes=[_note(e) for e in facts.notes.get(task.id, [])],
        last_note=st.last.note if st.last else "",
        reported_in_period=st.reported_in_period,
        overdue=st.overdue,
        days_left=(st.deadline - facts.as_of).days if st.deadline else None,
        remaining=_remaining(st),
    )


def _by_role(st: TaskStatus) -> dict[Role, list[str]]:
    out: dict[Role, list[str]] = {}
    for a in tracked_agencies(st.task):
        out.setdefault(a.role, []).append(a.name)
    return out


def agencies_text(by_role: Mapping[Role, list[str]]) -> str:
    """市人社局牵头，市公安局、市城建局等6个单位参加 / 市人社局等12个单位分别负责."""
    parts = []
    words = {Role.lead: "牵头", Role.responsible: "负责", Role.support: "配合"}
    for role in (Role.lead, Role.responsible, Role.support):
        names = by_role.get(role, [])
        if names:
            parts.append(short_list(names) + words[role])
    return "，".join(parts)


def short_list(names: list[str]) -> str:
    if len(names) <= SHORT_LIST:
        return "、".join(names)
    return f"{names[0]}等{len(names)}个单位"


def target_amount(target: Target) -> str:
    """6.04万人, 2.99万人以上, 不超过4.5%; a ratio at least some level reads 不低于95%."""
    if target.op == Op.ge and target.unit in fmt.RATIO_UNITS:
        return f"不低于{fmt.amount(target.value, target.unit)}"
    before, after = OP_WORDS.get(target.op, ("", ""))
    return f"{before}{fmt.amount(target.value, target.unit)}{after}"


def _metric(target: Target) -> str:
    metric = target.metric
    if target.parent is not None and not metric.startswith("其中"):
        metric = "其中" + metric
    return metric


def _target_line(tp: TargetProgress, before: float | None, facts: TaskFacts) -> TargetLine:
    t = tp.target
    metric, goal = _metric(t), target_amount(t)
    if tp.actual is None:
        line = f"{metric}{facts.target_word}{goal}，尚未报送完成数"
        return TargetLine(
            metric=metric, target=goal, actual=None, pct=None, change="", short="", sentence=line
        )
    actual = fmt.amount(tp.actual, t.unit)
    pct = fmt.pct(tp.pct) if tp.pct is not None else None
    delta = fmt.change(tp.actual - before, t.unit) if before is not None else ""
    if t.unit in fmt.RATIO_UNITS:
        sentence = f"{metric}目前为{actual}（{facts.target_word}{goal}）"
        short = f"{metric}{actual}"
    else:
        sentence = f"{metric}累计完成{actual}" + (f"，占{facts.target_word}{pct}" if pct else "")
        sentence += "（超额，请核实）" if tp.over else ""
        short = f"{metric}累计{actual}" + (f"（{pct}）" if pct else "")
    sentence += f"，{delta}" if delta else ""
    return TargetLine(
        metric=metric, target=goal, actual=actual, pct=pct, change=delta, short=short, sentence=sentence
    )


def _progress_text(st: TaskStatus, targets: list[TargetLine]) -> str:
    done = [t for t in targets if t.actual is not None]
    if done:
        return "；".join(t.short for t in done)
    if st.last is None:
        return "未报送"
    words = STATUS_LABELS[st.status] if st.status else ""
    if st.percent is not None:
        words += ("，" if words else "") + f"完成{fmt.trim(st.percent, 1)}%"
    return words or "已报送"


def _note(e: Entry) -> NoteLine:
    return NoteLine(
        agency=e.agency,
        as_of=e.as_of,
        as_of_text=fmt.cn_month_day(e.as_of),
        status=STATUS_LABELS[e.status] if e.status else "",
        percent=fmt.pct(e.percent) if e.percent is not None else None,
        text=e.note,
        corrected=e.corrects is not None,
    )


def _remaining(st: TaskStatus) -> str:
    if st.light == Light.done or st.progress_pct is None:
        return ""
    return f"尚需完成{fmt.trim(max(0.0, 100 - st.progress_pct), 1)}%"


def target_lines(st: TaskStatus, facts: TaskFacts) -> list[TargetLine]:
    """The sentences of an item's targets (for the headline targets of the overall section)."""
    return [_target_line(tp, facts.previous.get((st.task.id, tp.index)), facts) for tp in st.targets]
