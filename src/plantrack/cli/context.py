"""What one invocation was asked for (workspace, debug, colour), carried in typer's Context.

The global options are declared once, on the group (cli/app.py), and every command accepts them
too: `plantrack -w DIR status` and `plantrack status -w DIR` are the same. Nothing here is global:
each run keeps its own `Run` in `ctx.obj`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantrack.plain import Plain

if TYPE_CHECKING:
    from plantrack.workspace import Workspace

GLOBAL_OPTIONS = ("workspace", "debug", "no_color")  # parameter names shared by the group and commands


class Run(Plain):
    """The global options of one invocation."""

    __slots__ = ("workspace", "debug", "no_color")

    def __init__(self, workspace: Path | None = None, debug: bool = False, no_color: bool = False) -> None:
        self.workspace, self.debug, self.no_color = workspace, debug, no_color

    def find_workspace(self) -> Workspace:
        """The workspace for this invocation (see plantrack.workspace.find_workspace)."""
        from plantrack.workspace import find_workspace

        return find_workspace(self.workspace)

    def color(self, stream: Any = None) -> bool:
        """Colour only on a terminal, and never with --no-color or NO_COLOR set (https://no-color.org)."""
        if self.no_color or os.environ.get("NO_COLOR"):
            return False
        isatty = getattr(stream or sys.stdout, "isatty", None)
        return bool(isatty and isatty())


def run_of(ctx: Any) -> Run:
    """The Run of this invocation (created on first use, shared by the group and the command)."""
    found = ctx.find_object(Run)
    if found is None:
        found = Run()
        ctx.find_root().obj = found
    assert isinstance(found, Run)
    return found


def set_option(ctx: Any, param: Any, value: Any) -> None:
    """Parser callback of the global options: keep what was given (after the command name it wins)."""
    if value is None or value is False:
        return
    setattr(run_of(ctx), param.name, Path(value) if param.name == "workspace" else value)


def workspace(ctx: Any) -> Workspace:
    """The workspace for this invocation (see plantrack.workspace.find_workspace)."""
    return run_of(ctx).find_workspace()


def optional_workspace(ctx: Any) -> Workspace | None:
    """The workspace when there is one (for commands that also work without)."""
    from plantrack.errors import WorkspaceError

    try:
        return workspace(ctx)
    except WorkspaceError:
        return None


def one_shot(ctx: Any = None) -> None:
    """For a command that reads a workspace's data into memory once and exits (status, show, record,
    report, export): no cyclic garbage collection while it runs. Reference counting frees what the
    command no longer needs, and what it keeps (plans, entries, rows) has no cycles, so collection
    passes would only walk the same hundreds of thousands of objects again and again while they are
    read (a third of `export`'s time on the bench workspace). With typer's context, collection is
    back on when the command ends (a program that runs commands in-process keeps its own)."""
    import gc

    if gc.isenabled():
        gc.disable()
        if ctx is not None:
            ctx.call_on_close(gc.enable)


WORKSPACE_HELP = "工作区路径（默认：环境变量 PLANTRACK_WORKSPACE，或从当前文件夹向上查找）"
