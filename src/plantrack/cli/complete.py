"""Shell completion: plan ids, task numbers and agency names from the workspace, and the
--install-completion / --show-completion options (bash, zsh, fish).

The completers run on every Tab press, so they read as little as they can: plan ids are file
names; tasks and agencies come from the (cached) plans.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import typer

SHELLS = ("bash", "zsh", "fish")


def _workspace(ctx: Any) -> Any:
    from plantrack.cli.context import run_of
    from plantrack.workspace import find_workspace

    try:
        return find_workspace(run_of(ctx).workspace)
    except Exception:  # no workspace, no suggestions: completion never prints an error
        return None


def plan_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Plan ids that start with what was typed."""
    ws = _workspace(ctx)
    if ws is None or not ws.extracted.is_dir():
        return []
    ids = sorted(p.stem for p in ws.extracted.glob("*.yaml") if not p.name.startswith("."))
    return [i for i in ids if i.startswith(incomplete)]


def task_numbers(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Task ids of the plan named before (1.1, 2.5 …), each with its printed number and title."""
    plan = _loaded_plan(ctx, ctx.params.get("plan"))
    if plan is None:
        return []
    found = []
    for task in plan.trackable():
        if task.id.startswith(incomplete) or task.number.startswith(incomplete):
            found.append((task.id, f"{task.number} {task.title}".strip()))
    return found


def agency_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """The agencies named in the plans (of --plan when given), as the plans spell them and without
    their level prefix (市人社局 and 人社局: shells complete by prefix)."""
    from plantrack.tracking import store
    from plantrack.tracking.agencies import strip_level

    ws = _workspace(ctx)
    if ws is None:
        return []
    chosen = ctx.params.get("plan")
    try:
        ids = [store.resolve_plan(ws, chosen)] if isinstance(chosen, str) else store.plan_ids(ws)
        names = {a.name for i in ids for t in store.load_plan(ws, i).tasks for a in t.agencies}
    except Exception:
        return []
    names |= {strip_level(n) for n in names}
    return sorted(n for n in names if n.startswith(incomplete))


def _loaded_plan(ctx: Any, text: Any) -> Any:
    from plantrack.tracking import store

    ws = _workspace(ctx)
    if ws is None or not isinstance(text, str):
        return None
    try:
        return store.load_plan(ws, store.resolve_plan(ws, text))
    except Exception:
        return None


def detect_shell() -> str | None:
    """The user's shell, from $SHELL (bash, zsh or fish), else by looking at the parent process."""
    name = Path(os.environ.get("SHELL", "")).name
    if name in SHELLS:
        return name
    try:
        import shellingham  # type: ignore[import-untyped]

        detected = str(shellingham.detect_shell()[0])
    except Exception:
        return None
    return detected if detected in SHELLS else None


def script(shell: str, prog_name: str = "plantrack") -> str:
    """The completion script of a shell (what --show-completion prints)."""
    from typer._completion_shared import get_completion_script

    complete_var = "_{}_COMPLETE".format(prog_name.replace("-", "_").upper())
    return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)


def install(shell: str, prog_name: str = "plantrack") -> Path:
    """Install the script where the shell reads it; returns that file."""
    from typer._completion_shared import install_bash, install_fish, install_zsh

    complete_var = "_{}_COMPLETE".format(prog_name.replace("-", "_").upper())
    installer = {"bash": install_bash, "zsh": install_zsh, "fish": install_fish}[shell]
    return Path(installer(prog_name=prog_name, complete_var=complete_var, shell=shell))


def _shell_or_fail() -> str:
    from plantrack.errors import UsageError

    shell = detect_shell()
    if shell is None:
        raise UsageError(
            "认不出当前的 shell，命令补全支持 bash、zsh 和 fish。",
            hint="请在 bash、zsh 或 fish 中运行，或设置环境变量 SHELL（如 SHELL=/bin/bash）。",
        )
    return shell


def show_completion(ctx: Any, _param: Any, value: bool) -> None:
    """--show-completion: print the script for the current shell and stop."""
    if not value or ctx.resilient_parsing:
        return
    typer.echo(script(_shell_or_fail(), ctx.find_root().info_name or "plantrack"))
    raise typer.Exit()


def install_completion(ctx: Any, _param: Any, value: bool) -> None:
    """--install-completion: install the script for the current shell and stop."""
    if not value or ctx.resilient_parsing:
        return
    shell = _shell_or_fail()
    path = install(shell, ctx.find_root().info_name or "plantrack")
    typer.echo(f"已为 {shell} 安装命令补全：{path}")
    typer.echo("请重新打开终端（或重新载入 shell 配置）后生效。")
    raise typer.Exit()
