"""A workspace's report as one call: pick plans, the date and the agency; build; render; write.

`workspace_report` is the `report` command between its options and its output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plantrack.errors import UsageError
from plantrack.periods import Quarter, last_finished_quarter
from plantrack.report.build import PlanInput, build_report
from plantrack.report.context import Report
from plantrack.report.render import render_report
from plantrack.workspace import Workspace

REPORTS_DIR = "reports"


@dataclass(frozen=True)
class Written:
    """A rendered report and where it should go by default."""

    report: Report
    text: str
    default_path: Path
    note: str = ""  # how the date was chosen, when the user did not choose it and may not expect it


def report_date(quarter: str | None, as_of: date | None, today: date, plan_years: Sequence[int] = ()) -> date:
    """--quarter gives its last day, --as-of itself; neither gives the end of the last finished quarter,
    or, for plans whose year is over, the end of their last year."""
    if quarter and as_of:
        raise UsageError(
            "--quarter 和 --as-of 只能用一个。",
            hint="季度报告用 --quarter 2017Q3；截至某日用 --as-of 2017-08-15。",
        )
    if as_of:
        return as_of
    if quarter:
        return Quarter.parse(quarter).end
    last = last_finished_quarter(today)
    if plan_years and max(plan_years) < last.year:
        return Quarter(max(plan_years), 4).end
    return last.end


def workspace_report(
    ws: Workspace,
    quarter: str | None = None,
    as_of: date | None = None,
    plans: list[str] | None = None,
    agency: str | None = None,
    today: date | None = None,
) -> Written:
    """The report of the plans asked for (default: all) at the date asked for (see report_date)."""
    today = today or date.today()
    skipped: list[str] = []
    inputs = load_inputs(ws, plans, skipped)
    years = [i.plan.year for i in inputs if i.plan.year]
    day = report_date(quarter, as_of, today, years)
    written = make_report(ws, day, plans, agency, inputs=inputs)
    if quarter is None and as_of is None and day != last_finished_quarter(today).end:
        last = max(years)
        note = f"计划年度为{last}年，已按该年最后一个季度生成；其他季度请用 --quarter 指定，如 --quarter {last}Q3。"
        return Written(written.report, written.text, written.default_path, "\n".join([*skipped, note]))
    return Written(written.report, written.text, written.default_path, "\n".join(skipped))


def load_inputs(ws: Workspace, plans: list[str] | None, skipped: list[str] | None = None) -> list[PlanInput]:
    """The plans named (ids or unique prefixes), else every plan of the workspace, with their entries.

    Over the whole workspace, a plan that cannot be read is skipped, its reason appended to `skipped`.
    """
    from plantrack.tracking.store import load_entries, load_plan, load_readable, plan_ids, resolve_plan

    ids = [resolve_plan(ws, p) for p in plans] if plans else plan_ids(ws)
    if not ids:
        raise UsageError("工作区里还没有计划。", hint="请先运行 plantrack extract 通知文件 生成计划。")
    ids = list(dict.fromkeys(ids))
    if plans:
        return [PlanInput(load_plan(ws, i), load_entries(ws, i)) for i in ids]
    loaded, broken = load_readable(ws, ids)
    if skipped is not None:
        skipped.extend(broken)
    if not loaded:
        raise UsageError(broken[0], hint="请先修复该计划文件。")
    return [PlanInput(plan, entries) for _, plan, entries in loaded]


def make_report(
    ws: Workspace,
    as_of: date,
    plans: list[str] | None = None,
    agency: str | None = None,
    inputs: list[PlanInput] | None = None,
) -> Written:
    """Build and render the report of a workspace at a date (the workspace's template wins)."""
    inputs = inputs if inputs is not None else load_inputs(ws, plans)
    report = build_report(inputs, as_of, ws.settings.status, agency=agency, aliases=ws.settings.agencies)
    text = render_report(report, ws.templates)
    stem = report.quarter if report.is_quarter_end else as_of.isoformat()
    if plans:
        stem += "-" + "-".join(p.id for p in report.plans)
    if report.agency:
        stem += f"-{report.agency}"
    return Written(report, text, ws.root / REPORTS_DIR / f"{stem}.md")


def write_text(path: Path, text: str) -> None:
    """Write a report file (UTF-8, \\n line ends), creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    tmp.replace(path)


def summary(report: Report) -> list[str]:
    """One line per plan for the terminal: 《…》22项：已完成3项，序时推进14项…"""
    lines = []
    for p in report.plans:
        counts = "，".join(f"{c.label}{c.count}项" for c in p.counts if c.count)
        lines.append(f"《{p.title}》{p.total}项任务：{counts}")
    return lines
