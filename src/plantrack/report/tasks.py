"""One task's row of the report: agencies, deadline, targets and notes, worded in office style."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from plantrack.kinds import ROLE_LABELS, Op, Role
from plantrack.periods import Quarter
from plantrack.records import TargetRecord as Target
from plantrack.report import numbers as fmt
from plantrack.report.context import NoteLine, TargetLine, TaskRow
from plantrack.report.labels import task_ref
from plantrack.tracking.agencies import tracked_agencies
from plantrack.tracking.kinds import LIGHT_LABELS, STATUS_LABELS, Light
from plantrack.tracking.records import EntryRecord as Entry
from plantrack.tracking.records import TargetProgress, TaskStatus

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
    when: str = "本季度"  # 本季度 / 本期 (a date inside a quarter)


def task_row(seq: int, st: TaskStatus, facts: TaskFacts) -> TaskRow:
    task = st.task
    agencies = tracked_agencies(task)
    lead = [a.name for a in agencies if a.role == Role.lead]
    others = [a.name for a in agencies if a.role != Role.lead]
    targets = [_target_line(tp, facts.previous.get((task.id, tp.index)), facts) for tp in st.targets]
    gap = st.expected_pct - st.progress_pct if st.progress_pct is not None else None
    notes = [_note(e) for e in facts.notes.get(task.id, [])]
    label, cite = task_ref(task.number, seq, facts.agency_report)
    goal = goal_text(st.targets)
    besides = _others_text(_by_role(st))
    progress_text = _progress_text(st, targets)
    return TaskRow(
        seq=seq,
        label=label,
        cite=cite,
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
        light_label="超额完成" if st.over_target else LIGHT_LABELS[st.light],
        progress=fmt.pct(st.progress_pct),
        expected=fmt.pct(st.expected_pct),
        gap=gap,
        targets=targets,
        target_text="；".join(f"{_metric(tp.target)}{target_amount(tp.target)}" for tp in st.targets),
        progress_text=progress_text,
        notes=notes,
        last_note=st.last.note if st.last else "",
        reported_in_period=st.reported_in_period,
        overdue=st.overdue,
        days_left=(st.deadline - facts.as_of).days if st.deadline else None,
        remaining=_remaining(st),
        news=bool(notes) and st.light != Light.not_started,
        goal_text=goal,
        figures="；".join(t.sentence for t in targets if t.actual is not None),
        standing=_standing(st, gap),
        lead_text=short_list(lead) if lead else short_list(_by_role(st).get(Role.responsible, [])),
        task_cell=task.title
        + "".join(f"（{part}）" for part in (f"目标：{goal}" if goal else "", besides) if part),
        progress_cell=_progress_cell(st, notes, progress_text, facts.when),
        reason=notes_text(notes),
    )


def goal_text(targets: list[TargetProgress]) -> str:
    """新增转移农村劳动力6.04万人，其中省内新增转移4.26万人、家庭服务业新增从业人员1.725万人."""
    out = ""
    previous_parent: int | None = None
    for tp in targets:
        t = tp.target
        amount = f"{t.metric.removeprefix('其中')}{target_amount(t)}"
        if t.parent is None:
            out += ("；" if out else "") + amount
        else:
            out += ("、" if previous_parent == t.parent else "，其中") + amount
        previous_parent = t.parent
    return out


def _others_text(by_role: Mapping[Role, list[str]]) -> str:
    """责任单位：市财政局等4个单位；配合单位：市公安局 — the agencies besides the 牵头单位 column."""
    parts = []
    if by_role.get(Role.lead) and by_role.get(Role.responsible):
        parts.append("责任单位：" + short_list(by_role[Role.responsible]))
    if by_role.get(Role.support):
        parts.append("配合单位：" + short_list(by_role[Role.support]))
    return "；".join(parts)


def notes_text(notes: list[NoteLine]) -> str:
    """The notes of the period as one text, each prefixed with its agency when several agencies wrote."""
    texts = [n for n in notes if n.text.strip()]
    if len({n.agency for n in texts}) > 1:
        return "；".join(f"{n.agency}：{n.text.strip().rstrip('。；')}" for n in texts)
    return "；".join(n.text.strip().rstrip("。；") for n in texts)


def _standing(st: TaskStatus, gap: float | None) -> str:
    """完成75%，达到序时进度 / 完成70%，基本达到序时进度（75%） / 完成60%，落后序时进度15个百分点."""
    if st.over_target:
        return "超额完成"
    if st.light == Light.done:
        return "已完成"
    if st.light == Light.not_started:
        return "尚未启动"
    if st.progress_pct is None or gap is None:
        return "正在推进"
    done = f"完成{fmt.pct(st.progress_pct)}"
    if st.light in (Light.behind, Light.serious):
        return f"{done}，落后序时进度{fmt.points(gap)}" if gap > 0 else f"{done}，未达到序时进度"
    if gap <= 0:
        return f"{done}，达到序时进度"
    return f"{done}，基本达到序时进度（{fmt.pct(st.expected_pct)}）"


def _progress_cell(st: TaskStatus, notes: list[NoteLine], text: str, when: str) -> str:
    """The table's 进展情况: figures (or status and percent), then the notes of the period."""
    if not notes:
        if st.last is None:
            return f"{when}未报送"
        return text if st.reported_in_period else f"{when}未报送（此前报送：{text}）"
    note = notes_text(notes)
    return f"{text}。{note}" if note and text != "已报送" else (note or text)


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
        sentence = f"{metric}达到{actual}（{facts.target_word}{goal}）"
        short = f"{metric}{actual}"
    else:
        sentence = f"{metric}累计完成{actual}" + (f"，占{facts.target_word}{pct}" if pct else "")
        sentence += "，超额完成" if tp.over else ""
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
