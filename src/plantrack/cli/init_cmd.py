"""plantrack init."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def init(
    directory: Annotated[
        Path, typer.Argument(help="要创建工作区的文件夹（默认当前文件夹）", metavar="文件夹")
    ] = Path("."),
) -> None:
    """创建工作区：plantrack.toml 设置文件和 data/sources、data/extracted、data/progress 文件夹。

    示例：
      plantrack init 农民工工作2017
    """
    from plantrack.cli.output import say
    from plantrack.workspace import MARKER, init_workspace

    existed = (directory / MARKER).exists()
    ws = init_workspace(directory)
    if existed:
        say(f"{ws.root} 已经是工作区，未做改动。")
        return
    say(f"已创建工作区：{ws.root}")
    say("  plantrack.toml     设置（计划年度、状态阈值、单位简称）")
    say("  data/sources/      收到的通知原件（不做修改）")
    say("  data/extracted/    提取出的计划（YAML，可人工审核修改）")
    say("  data/progress/     进展记录")
    say("下一步：plantrack extract 通知文件")


def register(app: typer.Typer) -> None:
    app.command("init")(init)
