"""The sentences of the report written from the figures: the overall judgement, the one line on tasks
without news in a section, the problems and the next steps (一是…二是…).

Every text returned is Markdown-safe: what people typed (titles, notes, agency names) goes through
report/escape.py here, so the template prints these strings as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from plantrack.lang.report_words import JUDGEMENT_LEVELS, ORDINAL_DIGITS
from plantrack.report import numbers as fmt
from plantrack.report.context import Problem, SectionBlock, SilentAgency, TaskRow
from plantrack.report.escape import md, sentence

_LAG = ("behind", "serious")


@dataclass(frozen=True)
class Voice:
    """Who is speaking and about when: the office on every unit, or one agency on itself."""

    when: str  # 本季度 / 本期
    units: str  # 各责任单位 / 我单位
    agency_report: bool
    office: str  # who follows up (the 落款 office of a whole-plan report), "" when unknown
    next_quarter: str  # 2017年第四季度
    year_word: str  # 年度目标 / 目标


def cites(rows: Sequence[TaskRow]) -> str:
    """第11、15项 / 第十一、十五项."""
    return "第" + "、".join(r.cite.removeprefix("第").removesuffix("项") for r in rows) + "项"


def named(row: TaskRow) -> str:
    """第4项“加大农民工职业培训力度”."""
    return f"{row.cite}“{md(row.title)}”"


def _lagging(rows: Sequence[TaskRow]) -> list[TaskRow]:
    return [r for r in rows if r.light in _LAG and not r.overdue]


def _count(rows: Sequence[TaskRow], *lights: str) -> int:
    return sum(1 for r in rows if r.light in lights)


def judgement(rows: Sequence[TaskRow], sections: Sequence[SectionBlock], voice: Voice) -> str:
    """总体来看，17项任务已完成或达到序时进度，占77.3%，多数任务按序时推进；…。"""
    total = len(rows)
    good = _count(rows, "done", "on_track")
    if total and good == total:
        return "总体来看，各项任务均已完成或达到序时进度，进展顺利。"
    share = 100.0 * good / total if total else 0.0
    level = next(words for floor, words in JUDGEMENT_LEVELS if share >= floor)
    parts = [f"总体来看，{good}项任务已完成或达到序时进度，占{fmt.share(good, total)}，{level}"]
    slow = [r for r in rows if r.light in (*_LAG, "not_started")]
    if slow:
        parts.append(_where_slow(slow, sections))
    silent = _count(rows, "not_reported")
    if silent:
        parts.append(f"另有{silent}项任务{voice.when}未报送进展")
    return "；".join(parts) + "。"


def _where_slow(slow: Sequence[TaskRow], sections: Sequence[SectionBlock]) -> str:
    """进度滞后或尚未启动的2项任务分布在“A”（1项）和“B”（1项）方面."""
    idle = sum(1 for r in slow if r.light == "not_started")
    words = "尚未启动" if idle == len(slow) else ("进度滞后或尚未启动" if idle else "进度滞后")
    ids = {r.id for r in slow}
    where = [(s.title, sum(1 for t in s.tasks if t.id in ids)) for s in sections if s.title]
    where = sorted((w for w in where if w[1]), key=lambda w: -w[1])
    if not where:
        return f"{len(slow)}项任务{words}"
    if len(where) == 1:
        return f"{words}的{len(slow)}项任务在“{md(where[0][0])}”方面"
    places = [f"“{md(title)}”（{n}项）" for title, n in where[:3]]
    joined = "、".join(places[:-1]) + "和" + places[-1]
    return f"{words}的{len(slow)}项任务分布在{joined}{'等' if len(where) > 3 else ''}方面"


def quiet_line(section: SectionBlock, voice: Voice) -> str:
    """本部分另有2项任务本季度未报送进展（第11、15项）、1项任务尚未启动（第21项）."""
    quiet = [t for t in section.tasks if not t.news]
    if not quiet:
        return ""
    groups = [
        ([t for t in quiet if t.light == "not_reported"], f"{voice.when}未报送进展"),
        ([t for t in quiet if t.light == "not_started"], "尚未启动"),
        ([t for t in quiet if t.light == "done"], f"已完成，{voice.when}无新进展"),
    ]
    listed = {t.id for g, _ in groups for t in g}
    groups.append(([t for t in quiet if t.id not in listed], f"{voice.when}无新进展"))
    said = [f"{len(g)}项任务{words}（{cites(g)}）" for g, words in groups if g]
    head = "本部分另有" if section.news else "本部分"
    return head + "、".join(said) + "。"


def problems(rows: Sequence[TaskRow], silent: Sequence[SilentAgency], voice: Voice) -> list[Problem]:
    """三、存在的问题: lagging, not started, overdue, unreported — only the kinds that occur."""
    out: list[Problem] = []
    lagging = _lagging(rows)
    if lagging:
        out.append(Problem(_some(lagging, "任务进度滞后"), [_lag_paragraph(r, voice) for r in lagging]))
    idle = [r for r in rows if r.light == "not_started"]
    if idle:
        out.append(Problem(_some(idle, "任务尚未启动"), [_idle_paragraph(r, voice) for r in idle]))
    overdue = [r for r in rows if r.overdue]
    if overdue:
        out.append(Problem(_some(overdue, "任务超期未完成"), [_overdue_paragraph(r) for r in overdue]))
    unreported = [r for r in rows if r.light == "not_reported"]
    if unreported or silent:
        paragraph = _unreported_paragraph(rows, unreported, silent, voice)
        out.append(Problem(_unreported_title(voice), [paragraph]))
    return out


def _some(rows: Sequence[TaskRow], what: str) -> str:
    return ("个别" if len(rows) == 1 else "部分") + what


def _unreported_title(voice: Voice) -> str:
    return "部分任务未按时报送进展" if voice.agency_report else "部分单位未按时报送进展"


def _reason(row: TaskRow, voice: Voice) -> str:
    """市人社局反映：…。 for each agency that wrote a note in the period (情况说明：… in its own report)."""
    if not row.reason:
        return "责任单位未说明原因。"
    if voice.agency_report:
        return f"情况说明：{sentence(row.reason)}"
    said = [n for n in row.notes if n.text.strip()]
    return "".join(f"{md(n.agency)}反映：{sentence(n.text)}" for n in said)


def _lag_paragraph(row: TaskRow, voice: Voice) -> str:
    gap = f"，落后{fmt.points(row.gap)}" if row.gap is not None and row.gap > 0 else ""
    return (
        f"{named(row)}（{md(row.lead_text)}）{row.light_label}，完成{row.progress}，"
        f"序时进度{row.expected}{gap}。{_reason(row, voice)}"
    )


def _idle_paragraph(row: TaskRow, voice: Voice) -> str:
    return f"{named(row)}（{md(row.lead_text)}）尚未启动。{_reason(row, voice)}"


def _overdue_paragraph(row: TaskRow) -> str:
    days = -(row.days_left or 0)
    done = f"目前完成{row.progress}" if row.progress != "—" else "未报送完成情况"
    return f"{named(row)}（{md(row.lead_text)}）完成时限为{row.deadline_text}，已超期{days}天，{done}。"


def _unreported_paragraph(
    rows: Sequence[TaskRow], unreported: Sequence[TaskRow], silent: Sequence[SilentAgency], voice: Voice
) -> str:
    """Who owes a report (tracking/rule.py: each counting agency for its own share), and the tasks
    nobody reported on at all."""
    if voice.agency_report:
        owed = {seq for a in silent for seq in a.tasks}
        mine = [r for r in rows if r.seq in owed] or list(unreported)
        return f"{voice.when}有{len(mine)}项任务未报送进展：" + "，".join(named(r) for r in mine) + "。"
    text = ""
    if silent:
        ranked = sorted(silent, key=lambda a: -len(a.tasks))  # stable: plan order among equals
        owing = "、".join(f"{md(a.name)}（{len(a.tasks)}项）" for a in ranked)
        text = f"{voice.when}有{len(silent)}个单位未报送所承担任务的进展：{owing}。"
    if unreported:
        text += f"其中，{cites(unreported)}任务{voice.when}没有任何单位报送，状态为“未报送”。"
    return text.removeprefix("其中，")


def ordinal(n: int) -> str:
    return (ORDINAL_DIGITS[n - 1] if 0 < n <= len(ORDINAL_DIGITS) else str(n)) + "是"


def next_steps(
    rows: Sequence[TaskRow],
    due_next: Sequence[TaskRow],
    year_ends_next: int,
    silent: Sequence[SilentAgency],
    voice: Voice,
) -> list[str]:
    """四、下一步工作: 一是…。二是…。 from the next quarter's deadlines and the lagging tasks.

    `year_ends_next` is the number of open tasks due by the year end when the next quarter is the
    plan year's last one (0 otherwise).
    """
    steps: list[str] = []
    if due_next:
        steps.append(
            f"确保到期任务按时完成。{'，'.join(f'{named(r)}（完成时限{r.deadline_text}）' for r in due_next)}"
            f"将于{voice.next_quarter}到期，相关单位要倒排工期、加快推进，确保按时完成。"
        )
    if year_ends_next:
        steps.append(
            f"全力冲刺{voice.year_word}。{voice.next_quarter}是计划年度的最后一个季度，尚未完成的"
            f"{year_ends_next}项任务须在年底前完成，{voice.units}要对照{voice.year_word}倒排工期、压实责任，"
            f"确保全面完成{voice.year_word}任务。"
        )
    behind = _lagging(rows) + [r for r in rows if r.light == "not_started"]
    if behind:
        steps.append(f"加快推进滞后任务。{'；'.join(_behind_clause(r) for r in behind)}。{_fix_words(voice)}")
    overdue = [r for r in rows if r.overdue]
    if overdue:
        steps.append(
            f"抓紧完成超期任务。{'、'.join(named(r) for r in overdue)}已超过完成时限，"
            "相关单位要说明原因、明确完成时间，尽快完成。"
        )
    unreported = [r for r in rows if r.light == "not_reported"]
    if unreported or silent:
        steps.append(_report_step(unreported, silent, voice))
    if not steps:
        steps.append(
            f"持续推进各项任务。{voice.units}要对照{voice.year_word}和完成时限，巩固已有成效，按时报送进展情况。"
        )
    if voice.office and (behind or overdue or unreported):
        steps.append(
            f"加强跟踪督办。{md(voice.office)}将对滞后和未报送的任务持续跟踪督办，按季度汇总报告落实情况。"
        )
    return [f"{ordinal(i)}{text}" for i, text in enumerate(steps, start=1)]


def _behind_clause(row: TaskRow) -> str:
    if row.light == "not_started":
        return f"{named(row)}尚未启动，要尽快启动实施"
    gap = f"落后序时进度{fmt.points(row.gap)}" if row.gap is not None and row.gap > 0 else "未达到序时进度"
    return f"{named(row)}{gap}"


def _fix_words(voice: Voice) -> str:
    who = "我单位" if voice.agency_report else "相关责任单位"
    return f"{who}要认真分析原因，采取有力措施，尽快赶上序时进度。"


def _report_step(rows: Sequence[TaskRow], silent: Sequence[SilentAgency], voice: Voice) -> str:
    if voice.agency_report:
        return (
            f"按时报送进展情况。对{voice.when}未报送的{len(rows)}项任务，我单位将于下季度末一并报送进展情况。"
        )
    if len(silent) > 3:
        who = f"请上述{len(silent)}个单位"
    else:
        who = "请" + ("、".join(md(a.name) for a in silent) or "相关单位")
    return f"按时报送进展情况。{who}于每季度末及时报送任务进展情况，确保底数清、情况明。"
