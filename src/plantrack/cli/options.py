"""Options shared by several commands, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from plantrack.cli.complete import agency_names, plan_ids
from plantrack.cli.everyday import parse_date  # one definition, typer-free

PlanOpt = Annotated[
    str | None,
    typer.Option(
        "--plan",
        "-p",
        metavar="计划",
        help="计划编号或其唯一前缀（只有一个计划时可省略）",
        autocompletion=plan_ids,
    ),
]
PlansOpt = Annotated[
    list[str] | None,
    typer.Option("--plan", "-p", metavar="计划", help="计划编号或唯一前缀，可重复", autocompletion=plan_ids),
]
AgencyOpt = Annotated[
    str | None,
    typer.Option(
        "--agency",
        "-a",
        metavar="单位",
        help="单位名称，简称全称均可，如 市人社局、人社局",
        autocompletion=agency_names,
    ),
]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", metavar="日期", help="截至日期，如 2017-09-30（默认今天）")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="以 JSON 输出，便于其他程序读取")]
OutOpt = Annotated[Path | None, typer.Option("--output", "-o", help="输出文件路径；- 表示输出到屏幕")]


__all__ = ["AgencyOpt", "AsOfOpt", "JsonOpt", "OutOpt", "PlanOpt", "PlansOpt", "parse_date"]
