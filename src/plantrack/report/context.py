"""What the report template receives: plain frozen dataclasses, every number already in office style.

The template only lays things out; status rules come from plantrack.tracking.status (computed once
per plan per date: the report date and the end of the previous quarter), wording of numbers from
report/numbers.py. docs/report.md describes every field for people who write their own template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class LightCount:
    """How many tasks show one status light: 序时推进14项，占63.6%."""

    light: str  # Light value: done, on_track, behind, serious, not_started, not_reported
    label: str  # 序时推进
    count: int
    share: str  # 63.6%
    bar: str  # ██████████████ (a text bar, 20 blocks for all tasks)


@dataclass(frozen=True)
class TargetLine:
    """One quantified target of a task and how far it has got."""

    metric: str  # 新增转移农村劳动力 (may be empty)
    target: str  # 6.04万人 (with 以上 / 不超过 when the notice says so)
    actual: str | None  # 4.5万人; None when nobody reported a value
    pct: str | None  # 74.5%
    change: str  # 比上季度末增加1.2万人; "" without a previous value
    short: str  # for the table: 新增转移农村劳动力累计4.5万人（74.5%） / 参保率97%
    sentence: str  # 新增转移农村劳动力累计完成4.5万人，占年度目标74.5%，比上季度末增加1.2万人


@dataclass(frozen=True)
class NoteLine:
    """What one agency reported on a task in the period (its latest effective entry)."""

    agency: str
    as_of: date
    as_of_text: str  # 9月30日
    status: str  # 推进中 / 已完成 ... ("" when not given)
    percent: str | None  # 60.0%
    text: str  # the note, raw (escape it with the |md or |cell filter)
    corrected: bool  # the entry corrects an earlier one


@dataclass(frozen=True)
class TaskRow:
    """One task with everything the report says about it."""

    seq: int  # 1, 2 ... in plan order (the 序号 of the table)
    id: str  # 1.5
    number: str  # (五) as printed in the notice
    title: str
    lead: list[str]
    others: list[str]  # responsible and supporting agencies
    agencies_text: str  # 市人社局牵头，市公安局等6个单位参加
    role: str  # the asked agency's role (牵头/负责/配合) in an agency report, else ""
    deadline: date | None
    deadline_text: str  # 2017年12月31日 / 持续推进 / —
    light: str
    light_label: str
    progress: str  # 74.5% or —
    expected: str  # 序时进度 75.3%
    gap: float | None  # points behind 序时进度 (positive = behind)
    targets: list[TargetLine]
    target_text: str  # for the table: 新增转移农村劳动力6.04万人；其中…
    progress_text: str  # for the table: 累计完成4.5万人（74.5%）；…
    notes: list[NoteLine]  # reported in the period
    last_note: str  # the latest note up to the report date (any period)
    reported_in_period: bool
    overdue: bool
    days_left: int | None  # days from the report date to the deadline
    remaining: str  # 尚需完成25.5% / ""


@dataclass(frozen=True)
class SectionBlock:
    """A part of the plan (一、大力推动农民工就业创业) with its tasks."""

    number: str
    title: str
    tasks: list[TaskRow]


@dataclass(frozen=True)
class SilentAgency:
    """An agency with tasks to report on that sent nothing in the period."""

    name: str
    tasks: list[int]  # 序号 (seq) of the tasks it has not reported on


@dataclass(frozen=True)
class PlanReport:
    """The report part for one plan."""

    id: str
    title: str  # 吉安市农民工工作领导小组2017年工作要点
    notice_title: str
    doc_number: str  # 吉农工办〔2017〕1号
    issuer: list[str]
    year: int | None
    total: int
    counts: list[LightCount]  # all six lights, fixed order: 已完成 序时推进 滞后 严重滞后 未启动 未报送
    sections: list[SectionBlock]
    tasks: list[TaskRow]
    lagging: list[TaskRow]  # 滞后 / 严重滞后, most behind first
    overdue: list[TaskRow]
    silent: list[SilentAgency]
    due_next: list[TaskRow]  # deadline in the next quarter, not done
    speed_up: list[TaskRow]  # not done, deadline ahead, below 序时进度 or not started
    year_ends_next: bool  # the plan year ends in the next quarter
    open_without_deadline: int  # tasks not done, with no deadline of their own (due by the year end)
    no_records: bool  # nothing recorded up to the report date
    no_reports_in_period: bool  # nothing recorded in the period
    has_previous: bool  # a previous quarter inside the plan year to compare with
    headline: list[TargetLine] = field(default_factory=list)  # 总体目标 (一、总体目标 城镇新增就业4.2万人)


@dataclass(frozen=True)
class Report:
    """The whole report: one or more plans at one date, optionally for one agency."""

    title: str
    period: str  # 2017年第三季度 (or 截至2017年8月15日 for a date inside a quarter)
    quarter: str  # 2017Q3
    quarter_label: str  # 2017年第三季度
    next_quarter_label: str  # 2017年第四季度
    as_of: date
    as_of_text: str  # 2017年9月30日
    period_start: date
    is_quarter_end: bool
    progress_header: str  # 截至季末进展 / 截至8月15日进展
    agency: str | None  # the agency of an agency report
    plans: list[PlanReport]
    skipped: list[str] = field(default_factory=list)  # why a selected plan has no part
