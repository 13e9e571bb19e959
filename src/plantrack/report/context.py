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

    seq: int  # 1, 2 ... in plan order
    label: str  # how the report numbers it: 1. (whole plan) / （十八） (agency report: the plan's own)
    cite: str  # how the text refers to it: 第1项 / 第十八项
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
    news: bool  # reported progress in the period (not just 未启动): listed under 二、主要进展
    goal_text: str  # 新增转移农村劳动力6.04万人，其中省内新增转移4.26万人 ("" without targets)
    figures: str  # 新增转移农村劳动力累计完成4.5万人，占年度目标74.5%，比上季度末增加1.2万人；… ("" without values)
    standing: str  # 目前完成75%，达到序时进度 / 完成60%，落后序时进度15个百分点 / 已完成
    lead_text: str  # the table's 牵头单位: the lead agencies, else the responsible ones (short)
    task_cell: str  # the table's 工作任务: title, targets and the other agencies
    progress_cell: str  # the table's 进展情况: figures and the latest note
    reason: str  # the latest note in the period (why it lags), "" when none


@dataclass(frozen=True)
class SectionBlock:
    """A part of the plan (一、大力推动农民工就业创业) with its tasks."""

    number: str
    title: str
    tasks: list[TaskRow]
    news: list[TaskRow] = field(default_factory=list)  # tasks with progress in the period
    quiet: str = ""  # one line on the others: 本部分另有2项任务本季度未报送进展（第11、15项）


@dataclass(frozen=True)
class Problem:
    """One kind of problem under 三、存在的问题, with one paragraph per task or one for all."""

    title: str  # 部分任务进度滞后
    paragraphs: list[str]  # Markdown-safe text


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
    citation: str = ""  # 《…的通知》（吉农工办〔2017〕1号）
    judgement: str = ""  # the overall sentence: 总体来看，大部分任务进展顺利，…
    problems: list[Problem] = field(default_factory=list)  # 三、存在的问题, empty when none
    next_steps: list[str] = field(default_factory=list)  # 四、下一步工作: 一是…。 二是…。 (Markdown-safe)
    review: list[str] = field(default_factory=list)  # for the reviewer (超额 figures), never in the body
    headline: list[TargetLine] = field(default_factory=list)  # 总体目标 (一、总体目标 城镇新增就业4.2万人)


@dataclass(frozen=True)
class PlanSummary:
    """What the `report` command needs of a plan's part whose text is kept rendered (report/pieces.py):
    what the bundled template reads outside its per-plan macros, the summary line and the reviewer's
    notes. It stands in for a PlanReport only while the bundled template renders a whole-plan report."""

    id: str
    title: str
    citation: str
    total: int
    counts: list[LightCount]
    review: list[str]


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
    skipped: list[str] = field(default_factory=list)  # why a selected plan has no part (review only)
    addressee: str = ""  # 主送: 吉安市农民工工作领导小组
    office: str = ""  # 落款: 吉安市农民工工作领导小组办公室 ("" when unknown: see review)
    signed_text: str = ""  # 落款 date: 2017年10月9日
    charts: bool = False  # draw the Mermaid pie and text bars (--charts)
    review: list[str] = field(default_factory=list)  # for the person checking it, never in the body
