"""Build the report context from plans, their journal entries and a date.

Status comes from plantrack.tracking.status.compute_status, called once per plan for the report
date and once for the end of the previous quarter (for "比上季度末增加…"); nothing here decides a
status light. This module only selects, orders and words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol, cast

from plantrack.errors import UsageError
from plantrack.periods import Quarter, plan_year
from plantrack.records import PlanRecord as Plan
from plantrack.report import front, review, wording
from plantrack.report import numbers as fmt
from plantrack.report.context import (
    LightCount,
    PlanReport,
    PlanSummary,
    Report,
    SectionBlock,
    SilentAgency,
    TaskRow,
)
from plantrack.report.tasks import TaskFacts, target_lines, task_row
from plantrack.tracking.agencies import agency_index, tasks_of
from plantrack.tracking.kinds import LIGHT_LABELS, Light
from plantrack.tracking.records import EntryRecord as Entry
from plantrack.tracking.records import TaskStatus
from plantrack.tracking.status import compute_status, effective_entries, headline_status

if TYPE_CHECKING:
    from plantrack.config import ReportSettings
    from plantrack.records import Thresholds as StatusSettings

# The order of the overall counts, as offices list them.
COUNT_ORDER: tuple[Light, ...] = (
    Light.done,
    Light.on_track,
    Light.behind,
    Light.serious,
    Light.not_started,
    Light.not_reported,
)
BAR_WIDTH = 20


@dataclass(frozen=True)
class PlanInput:
    """One plan and its journal entries (all of them; the report picks by date)."""

    plan: Plan
    entries: Iterable[Entry]


def _report_settings() -> ReportSettings:
    from plantrack.config import ReportSettings  # pydantic: only when no settings are given

    return ReportSettings()


@dataclass(frozen=True)
class ReportOptions:
    """How the document is addressed and signed, and whether it draws charts."""

    settings: ReportSettings = field(default_factory=lambda: _report_settings())
    signed_on: date | None = None  # the 落款 date; None: the report date
    charts: bool = False
    parts: PartStore | None = None  # plans' parts made before, kept while their files are the same
    rendered: RenderedStore | None = None  # plans' rendered text (bundled template, whole-plan report)


class PartStore(Protocol):
    """Where build_report keeps each plan's part and reviewer's notes (report/cache.py: in the
    workspace, keyed by the plan's files): `get` gives what `put` kept for the same inputs, or None."""

    def get(
        self, plan_id: str, as_of: date, agency: str | None, office: str
    ) -> tuple[PlanReport | None, list[str]] | None: ...

    def put(
        self,
        plan_id: str,
        as_of: date,
        agency: str | None,
        office: str,
        part: PlanReport | None,
        notes: list[str],
    ) -> None: ...


class RenderedStore(Protocol):
    """Where make_report keeps each plan's rendered text (report/pieces.py): `get` gives the plan's
    summary and notes when its text is kept (the part then stands in as that summary), `keep` is
    told of each part built or read whole."""

    def get(self, plan_id: str, as_of: date, office: str) -> tuple[PlanSummary, list[str]] | None: ...

    def keep(self, plan_id: str, as_of: date, office: str, part: PlanReport, notes: list[str]) -> None: ...


def reported_plans(inputs: Sequence[PlanInput], as_of: date) -> int:
    """How many plans a whole-plan report at as_of has a part of (those of its year with tasks)."""
    quarter = Quarter.containing(as_of)
    return sum(1 for i in inputs if not _skip_reason(i.plan, as_of, quarter) and any(i.plan.trackable()))


def build_report(
    inputs: Sequence[PlanInput],
    as_of: date,
    settings: StatusSettings,
    agency: str | None = None,
    aliases: Mapping[str, str] | None = None,
    options: ReportOptions | None = None,
) -> Report:
    """The report context at as_of (a quarter end for a quarterly report), for all tasks or one agency.

    `agency` is any name of one agency (see tracking/agencies.py); `aliases` are the workspace's extra
    abbreviations. Raises UsageError when no selected plan has anything to report at that date.
    """
    options = options or ReportOptions()
    quarter = Quarter.containing(as_of)
    agency = _agency_name(inputs, agency, aliases)
    parts: list[PlanReport] = []
    skipped: list[str] = []
    plans: list[Plan] = []
    notes: list[str] = []  # for the reviewer, plan by plan
    for item in inputs:  # each plan's entries are read here, and let go once its part is built
        reason = _skip_reason(item.plan, as_of, quarter)
        if reason:
            skipped.append(reason)
            continue
        office = _office(item, options, agency)
        rendered = options.rendered if agency is None else None
        shown = rendered.get(item.plan.id, as_of, office) if rendered is not None else None
        if shown is not None:  # its text is kept: the summary stands in for the part (pieces.py)
            parts.append(cast(PlanReport, shown[0]))
            plans.append(item.plan)
            notes.extend(shown[1])
            continue
        store = options.parts
        kept = store.get(item.plan.id, as_of, agency, office) if store is not None else None
        if kept is not None:
            part, plan_notes = kept
        else:
            entries = list(item.entries)
            counted = effective_entries(entries)  # once per plan: every view reads them
            part = build_plan_report(
                PlanInput(item.plan, entries),
                as_of,
                settings,
                agency,
                aliases,
                office=office,
                counted=counted,
            )
            plan_notes = (
                review.notes([PlanInput(item.plan, counted)], quarter.start, as_of, aliases) if part else []
            )
            if store is not None:
                store.put(item.plan.id, as_of, agency, office, part, plan_notes)
        if part is None:
            skipped.append(f"《{item.plan.title or item.plan.id}》中没有{agency}承担的任务，不在本报告内。")
            continue
        if rendered is not None:
            rendered.keep(item.plan.id, as_of, office, part, plan_notes)
        parts.append(part)
        plans.append(item.plan)
        notes.extend(plan_notes)
    if not parts:
        raise _nothing_to_report(inputs, quarter, as_of, agency, skipped)
    period = quarter.label if as_of == quarter.end else f"截至{fmt.cn_date(as_of)}"
    office = front.office(plans, options.settings, agency)
    return Report(
        title=_title(parts, period, agency),
        period=period,
        quarter=quarter.code,
        quarter_label=quarter.label,
        next_quarter_label=quarter.next().label,
        as_of=as_of,
        as_of_text=fmt.cn_date(as_of),
        period_start=quarter.start,
        is_quarter_end=as_of == quarter.end,
        progress_header="截至季末进展" if as_of == quarter.end else f"截至{fmt.cn_month_day(as_of)}进展",
        agency=agency,
        plans=parts,
        skipped=skipped,
        addressee=front.addressee(plans, options.settings, agency),
        office=office,
        signed_text=fmt.cn_date(options.signed_on or as_of),
        charts=options.charts,
        review=[
            *skipped,
            *notes,
            *(note for p in parts for note in p.review),
            *review.front_notes(office),
        ],
    )


def _office(item: PlanInput, options: ReportOptions, agency: str | None) -> str:
    """Who follows up in the next steps: the compiling office of a whole-plan report."""
    return "" if agency else front.office([item.plan], options.settings, None)


def _agency_name(
    inputs: Sequence[PlanInput], text: str | None, aliases: Mapping[str, str] | None
) -> str | None:
    """The plans' own spelling of the agency asked for (市人社局 for 人社局); unknown names raise UsageError."""
    if text is None or not text.strip():
        return None
    index = agency_index(tasks_of(i.plan for i in inputs), aliases)
    return index.display(index.resolve(text))


def _year_start(plan: Plan, as_of: date) -> date:
    return date(plan_year(plan, as_of), 1, 1)


def _skip_reason(plan: Plan, as_of: date, quarter: Quarter) -> str:
    year = plan_year(plan, as_of)
    if as_of.year != year:
        side = "早于" if as_of.year < year else "晚于"
        return f"{quarter.label}{side}《{plan.title or plan.id}》的计划年度（{year}年），不在本报告内。"
    return ""


def _nothing_to_report(
    inputs: Sequence[PlanInput], quarter: Quarter, as_of: date, agency: str | None, skipped: list[str]
) -> UsageError:
    if not inputs:
        return UsageError("没有可以报告的计划。", hint="请先运行 plantrack extract 提取计划。")
    years = sorted({plan_year(p.plan, as_of) for p in inputs})
    if all(as_of < date(y, 1, 1) for y in years):
        first = Quarter(years[0], 1)
        return UsageError(
            f"{quarter.label}早于计划年度（{years[0]}年），还没有可以报告的进展。",
            hint=f"请用 --quarter 指定计划年度内的季度，如 {first.code}（{first.label}）。",
        )
    if all(as_of.year > y for y in years):
        last = Quarter(years[-1], 4)
        return UsageError(
            f"{quarter.label}晚于计划年度（{'、'.join(f'{y}年' for y in years)}），不能按该季度报告。",
            hint=f"请用 --quarter 指定计划年度内的季度，如 {last.code}（{last.label}），或省略 --quarter。",
        )
    if agency:
        return UsageError(
            f"所选计划中没有{agency}承担的任务。", hint="请检查单位名称，或用 --plan 换一个计划。"
        )
    return UsageError("；".join(skipped) or "没有可以报告的内容。")


def _title(parts: list[PlanReport], period: str, agency: str | None) -> str:
    plans = "、".join(f"《{p.title}》" for p in parts)
    return f"{agency or ''}关于{plans}{period}落实情况的报告"


def build_plan_report(
    item: PlanInput,
    as_of: date,
    settings: StatusSettings,
    agency: str | None = None,
    aliases: Mapping[str, str] | None = None,
    office: str = "",
    counted: Sequence[Entry] | None = None,
) -> PlanReport | None:
    """The part of the report for one plan; None when an agency report finds no task of the agency.

    `office` is who follows up lagging tasks in the next steps ("" to leave that step out);
    `counted` are the plan's effective entries when the caller has them."""
    plan, entries = item.plan, list(item.entries)
    if counted is None:
        counted = effective_entries(entries)
    quarter = Quarter.containing(as_of)
    now = compute_status(plan, counted, as_of, settings, agency, period_start=quarter.start, aliases=aliases)
    if not now:
        return None
    prev_end = quarter.start - timedelta(days=1)
    has_previous = prev_end >= _year_start(plan, as_of)
    before = (
        compute_status(plan, counted, prev_end, settings, agency, aliases=aliases) if has_previous else []
    )
    key = agency_index(plan.tasks, aliases).key
    asked = key(agency) if agency else None
    in_period = _period_notes(now)
    facts = TaskFacts(
        as_of=as_of,
        next_quarter=quarter.next(),
        target_word="年度目标" if plan.year else "目标",
        previous={(s.task.id, t.index): t.actual for s in before for t in s.targets},
        notes=in_period,
        agency_report=agency is not None,
        when="本季度" if as_of == quarter.end else "本期",
    )
    rows = [task_row(seq, st, facts) for seq, st in enumerate(now, start=1)]
    silent = silent_agencies(now, key, asked)
    voice = wording.Voice(
        when=facts.when,
        units="我单位" if agency else "各责任单位",
        agency_report=agency is not None,
        office=office,
        next_quarter=quarter.next().label,
        year_word=facts.target_word,
    )
    part = _assemble(plan, rows, now, silent, bool(in_period), has_previous, entries, as_of, voice)
    if agency is not None:
        return part
    headline = headline_status(plan, counted, as_of, settings, quarter.start)
    return replace(part, headline=[line for st in headline for line in target_lines(st, facts)])


def _period_notes(statuses: list[TaskStatus]) -> dict[str, list[Entry]]:
    """Per task, each agency's latest entry of the period (the shares tracking/rule.py shows)."""
    out: dict[str, list[Entry]] = {}
    for st in statuses:
        latest = [s.last for s in st.shares if s.reported_in_period and s.last is not None]
        if latest:
            out[st.task.id] = sorted(latest, key=lambda e: (e.as_of, e.id))
    return out


def _assemble(
    plan: Plan,
    rows: list[TaskRow],
    statuses: list[TaskStatus],
    silent: list[SilentAgency],
    any_in_period: bool,
    has_previous: bool,
    entries: Sequence[Entry],
    as_of: date,
    voice: wording.Voice,
) -> PlanReport:
    active = [r for r in rows if r.light != Light.done]
    sections = _sections(plan, rows, statuses, voice)
    due_next = [r for r in active if r.deadline and _in_next_quarter(r.deadline, as_of)]
    year_ends_next = Quarter.containing(as_of).next() == Quarter(plan_year(plan, as_of), 4)
    open_without_deadline = sum(1 for r in active if r.deadline is None and r.deadline_text != "持续推进")
    return PlanReport(
        id=plan.id,
        title=plan.title or plan.notice_title or plan.id,
        notice_title=plan.notice_title,
        doc_number=plan.doc_number,
        issuer=list(plan.issuer),
        year=plan.year,
        total=len(rows),
        counts=_counts(rows),
        sections=sections,
        tasks=rows,
        lagging=sorted(
            (r for r in rows if r.light in (Light.behind, Light.serious)),
            key=lambda r: (-(r.gap or 0), r.seq),
        ),
        overdue=[r for r in rows if r.overdue],
        silent=silent,
        due_next=due_next,
        speed_up=sorted(
            (
                r
                for r in active
                if r.light in (Light.behind, Light.serious, Light.not_started) and not r.overdue
            ),
            key=lambda r: (-(r.gap or 0), r.seq),
        ),
        year_ends_next=year_ends_next,
        open_without_deadline=open_without_deadline,
        no_records=not any(e.as_of <= as_of for e in entries),
        no_reports_in_period=not any_in_period,
        has_previous=has_previous,
        citation=front.citation(plan),
        judgement=wording.judgement(rows, sections, voice),
        problems=wording.problems(rows, silent, voice),
        next_steps=wording.next_steps(
            rows, due_next, open_without_deadline if year_ends_next else 0, silent, voice
        ),
        review=review.over_notes(plan, statuses),
    )


def _in_next_quarter(day: date, as_of: date) -> bool:
    nxt = Quarter.containing(as_of).next()
    return nxt.start <= day <= nxt.end


def _counts(rows: Sequence[TaskRow]) -> list[LightCount]:
    total = len(rows)
    out = []
    for light in COUNT_ORDER:
        n = sum(1 for r in rows if r.light == light)
        blocks = round(BAR_WIDTH * n / total) if total else 0
        out.append(
            LightCount(
                light=light.value,
                label=LIGHT_LABELS[light],
                count=n,
                share=fmt.share(n, total),
                bar="█" * max(blocks, 1 if n else 0),
            )
        )
    return out


def _sections(
    plan: Plan, rows: list[TaskRow], statuses: list[TaskStatus], voice: wording.Voice
) -> list[SectionBlock]:
    """The tasks by section of the plan, each with its tasks of news and one line on the others."""
    groups: list[tuple[tuple[str, str], list[TaskRow]]] = []
    for row, st in zip(rows, statuses, strict=True):
        section = plan.section_of(st.task)
        head = (section.number, section.title) if section else ("", "")
        if not groups or groups[-1][0] != head:
            groups.append((head, []))
        groups[-1][1].append(row)
    blocks = []
    for (number, title), tasks in groups:
        block = SectionBlock(number=number, title=title, tasks=tasks, news=[t for t in tasks if t.news])
        blocks.append(replace(block, quiet=wording.quiet_line(block, voice)))
    return blocks


def silent_agencies(
    statuses: Sequence[TaskStatus], key: Callable[[str], str], asked: str | None = None
) -> list[SilentAgency]:
    """The agencies owing a report this period (tracking/rule.py), with the tasks they owe it on.

    In an agency report, only the asked agency.
    """
    owed: dict[str, tuple[str, list[int]]] = {}
    for seq, st in enumerate(statuses, start=1):
        for name in st.owing:
            k = key(name)
            if asked is None or k == asked:
                owed.setdefault(k, (name, []))[1].append(seq)
    return [SilentAgency(name=name, tasks=tasks) for name, tasks in owed.values()]
