"""A workspace's report as one call: pick plans, the date and the agency; build; render; write.

`workspace_reports` is the `report` command between its options and its output.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plantrack.errors import UsageError
from plantrack.fsguard import safe_name
from plantrack.periods import Quarter, date_notes, default_as_of, last_finished_quarter
from plantrack.report.build import PlanInput, ReportOptions, build_report, reported_plans
from plantrack.report.cache import REPORTS_DIR
from plantrack.report.cache import write_text as write_text  # re-exported: the report file writer
from plantrack.report.context import Report
from plantrack.report.render import render_report
from plantrack.workspace import Workspace


@dataclass(frozen=True)
class Written:
    """A rendered report and where it should go by default."""

    report: Report
    text: str
    default_path: Path


def report_date(quarter: str | None, as_of: date | None, today: date) -> date:
    """--quarter gives its last day, --as-of itself; neither gives the end of the last finished quarter
    (the `report` command instead takes each plan's own default: periods.default_as_of)."""
    if quarter and as_of:
        raise UsageError(
            "--quarter 和 --as-of 只能用一个。",
            hint="季度报告用 --quarter 2017Q3；截至某日用 --as-of 2017-08-15。",
        )
    if as_of:
        return as_of
    if quarter:
        return Quarter.parse(quarter).end
    return last_finished_quarter(today).end


SIGNING_WINDOW = 92  # days after the report date within which a report is signed on the day it is made


def signing_date(as_of: date, today: date) -> date:
    """The 落款 date: today for a report made in the quarter after its date, else the report date
    (a report of a long-past quarter is dated as of its period, not years later)."""
    return today if 0 <= (today - as_of).days <= SIGNING_WINDOW else as_of


def load_inputs(ws: Workspace, plans: list[str] | None, skipped: list[str] | None = None) -> list[PlanInput]:
    """The plans named (ids or unique prefixes), else every plan of the workspace, with their entries.

    Over the whole workspace, a plan that cannot be read is skipped, its reason appended to `skipped`.
    """
    from plantrack.tracking.store import StoredEntries, load_plan, plan_ids, readable_plans, resolve_plan

    ids = [resolve_plan(ws, p) for p in plans] if plans else plan_ids(ws)
    if not ids:
        raise UsageError("工作区里还没有计划。", hint="请先运行 plantrack extract 通知文件 生成计划。")
    ids = list(dict.fromkeys(ids))
    if plans:
        return [PlanInput(load_plan(ws, i), StoredEntries(ws, i)) for i in ids]
    loaded, broken = readable_plans(ws, ids)
    if skipped is not None:
        skipped.extend(broken)
    if not loaded:
        raise UsageError(broken[0], hint="请先修复该计划文件。")
    return [PlanInput(plan, StoredEntries(ws, plan_id)) for plan_id, plan in loaded]


def make_report(
    ws: Workspace,
    as_of: date,
    plans: list[str] | None = None,
    agency: str | None = None,
    inputs: list[PlanInput] | None = None,
    signed_on: date | None = None,
    charts: bool = False,
    text_only: bool = False,
) -> Written:
    """Build and render the report of a workspace at a date (the workspace's template wins).

    `signed_on` is the 落款 date (default: the report date); plan ids join the file name when
    `plans` are chosen. `text_only` (the `report` command, which shows the text, the summary and
    the reviewer's notes): with the bundled template, a whole-plan report renders only the plans
    whose rendered text is not kept (report/pieces.py), and the others stand in `report.plans` as
    their PlanSummary."""
    inputs = inputs if inputs is not None else load_inputs(ws, plans)
    from plantrack.report.cache import PartCache
    from plantrack.report.pieces import MissingPiece, RenderedCache
    from plantrack.report.render import template_path

    settings = ws.settings
    given = [
        settings.status.model_dump(mode="json"),
        dict(settings.agencies),
        settings.report.model_dump(mode="json"),
    ]
    rendered = None
    if text_only and agency is None and template_path(ws.templates) is None:
        rendered = RenderedCache(ws, given, charts, reported_plans(inputs, as_of) > 1)

    def made(rendered: RenderedCache | None) -> Report:
        options = ReportOptions(
            settings=settings.report, signed_on=signed_on, charts=charts, parts=PartCache(ws, given),
            rendered=rendered,
        )  # fmt: skip
        return build_report(
            inputs, as_of, settings.status, agency=agency, aliases=settings.agencies, options=options
        )

    report = made(rendered)
    text = None
    if rendered is not None and (len(report.plans) > 1) == rendered.many:
        pieces = rendered.pieces()
        try:
            text = render_report(report, ws.templates, pieces)
            rendered.save(pieces)
        except MissingPiece:
            text = None
    if text is None:
        if rendered is not None and rendered.used:
            report = made(None)  # every part whole again
        text = render_report(report, ws.templates)
    parts = [report.quarter if report.is_quarter_end else as_of.isoformat()]
    if plans:
        parts += [p.id for p in report.plans]
    if report.agency:
        parts.append(report.agency)
    stem = "-".join(safe_name(part, "report") for part in parts)  # ids and names come from files
    return Written(report, text, ws.root / REPORTS_DIR / f"{stem}.md")


@dataclass(frozen=True)
class Batch:
    """The reports one `plantrack report` writes, and the lines saying which dates were chosen."""

    written: list[Written]
    dates: list[str]  # one line per plan when the date was chosen by default
    skipped: list[str]  # plans left out (unreadable, or an agency with no task there)


def workspace_reports(
    ws: Workspace,
    today: date,
    quarter: str | None = None,
    as_of: date | None = None,
    plans: list[str] | None = None,
    agency: str | None = None,
    charts: bool = False,
    text_only: bool = False,
) -> Batch:
    """`plantrack report`: one report at the date asked, else one per default date of the plans.

    Without --quarter/--as-of each plan is reported at its own default (periods.default_as_of): a
    2017 plan at 2017Q4, a 2023 plan at its last finished quarter; plans sharing a date share a report.
    """
    from plantrack.tracking.ledger import given_agency

    given_agency(agency)
    broken: list[str] = []  # plans that cannot be read, left out of a whole-workspace report
    inputs = load_inputs(ws, plans, broken)
    if quarter or as_of:
        day = report_date(quarter, as_of, today)
        return Batch(
            [make_report(ws, day, plans, agency, inputs, signing_date(day, today), charts, text_only)],
            [],
            broken,
        )
    chosen = {i.plan.id: default_as_of(i.plan, today) for i in inputs}
    days = sorted({c.as_of for c in chosen.values()})
    named = plans if len(days) == 1 else [i.plan.id for i in inputs]
    written: list[Written] = []
    skipped: list[str] = list(broken)
    errors: list[UsageError] = []
    for day in days:
        group = [i for i in inputs if chosen[i.plan.id].as_of == day]
        try:
            ids = named and [i.plan.id for i in group]
            written.append(
                make_report(ws, day, ids, agency, group, signing_date(day, today), charts, text_only)
            )
        except UsageError as e:
            if len(days) == 1:
                raise
            errors.append(e)
            skipped.extend(f"《{i.plan.title or i.plan.id}》：{e.message}" for i in group)
    if not written:
        raise errors[0]
    shown = {i.plan.id for w in written for i in inputs if i.plan.id in {p.id for p in w.report.plans}}
    dates = date_notes(chosen[i.plan.id] for i in inputs if i.plan.id in shown)
    return Batch(written, dates, skipped)


def summary(report: Report) -> list[str]:
    """One line per plan for the terminal: 《…》22项：已完成3项，序时推进14项…"""
    lines = []
    for p in report.plans:
        counts = "，".join(f"{c.label}{c.count}项" for c in p.counts if c.count)
        lines.append(f"《{p.title}》{p.total}项任务：{counts}")
    return lines
