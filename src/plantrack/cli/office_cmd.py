"""The office's files: export (Excel ledger), templates and import (fill-in sheets), remind (催办).

Each command parses its options, calls one function of plantrack.office and prints the result.
"""

from __future__ import annotations

from typing import Annotated

import typer

from plantrack.cli.options import OutOpt, PlanOpt, parse_date

QuarterOpt = Annotated[
    str | None, typer.Option("--quarter", "-q", help="季度，如 2017Q3（默认：上一个已结束的季度）")
]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="截至日期，如 2017-08-15（不能与 --quarter 同用）")
]


def _day(quarter: str | None, as_of: str | None, plan: str | None) -> object:
    from datetime import date

    from plantrack.cli.app import current_workspace
    from plantrack.report.files import report_date
    from plantrack.tracking import store

    ws = current_workspace()
    ids = [store.resolve_plan(ws, plan)] if plan else store.plan_ids(ws)
    years = [y for y in (store.load_plan(ws, i).year for i in ids) if y]
    return report_date(quarter, parse_date(as_of), date.today(), years)


def export(
    plan: PlanOpt = None,
    quarter: QuarterOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="xlsx（默认）、csv 或 json")] = None,
    csv: Annotated[bool, typer.Option("--csv", help="同 --format csv")] = False,
    output: OutOpt = None,
) -> None:
    """导出任务台账（Excel）：任务台账、报送情况、量化目标，每个单位一张表；也可导出 CSV、JSON。"""
    from datetime import date

    from plantrack.cli.app import current_workspace
    from plantrack.cli.console import out
    from plantrack.cli.report_cmd import _shown
    from plantrack.office.export import export as do_export

    day = _day(quarter, as_of, plan)
    assert isinstance(day, date)
    result = do_export(current_workspace(), plan, day, "csv" if csv else fmt, output)
    if result.path is None:
        typer.echo(result.text, nl=False)
        return
    out.print(f"已导出台账：{_shown(result.path)}（截至{day.isoformat()}）", markup=False)
    extra = f"，单位表 {result.agencies} 张" if result.format == "xlsx" else ""
    out.print(f"  任务 {result.tasks} 项{extra}", markup=False)


def register(app: typer.Typer) -> None:
    app.command("export")(export)
