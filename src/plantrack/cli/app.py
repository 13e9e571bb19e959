"""The plantrack command: global options, error handling, and the command modules."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import Abort, Exit, TyperException

from plantrack import __version__


class _State:
    debug = False
    workspace: Path | None = None


state = _State()


HELP_TEXT = "显示本帮助并退出"


class _ChineseHelp:
    """The --help option and the parser's usage errors in Chinese, like everything else users read."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except UsageError as e:
            _usage_error(e)


def _usage_error(e: UsageError) -> NoReturn:
    import re

    from plantrack.lang.cli_messages import USAGE_ERRORS, USAGE_HINT

    message = e.format_message()
    for pattern, chinese in USAGE_ERRORS:
        m = re.match(pattern, message)
        if m:
            message = chinese.format(*m.groups())
            break
    path = e.ctx.command_path if e.ctx is not None else "plantrack"
    _print_error(message, USAGE_HINT.format(path))
    raise SystemExit(2)


class PlantrackCommand(_ChineseHelp, TyperCommand):
    pass


class PlantrackGroup(_ChineseHelp, TyperGroup):
    """Turns library errors into one clear Chinese line and an exit code; no traceback reaches a user."""

    def invoke(self, ctx: Any) -> Any:
        from plantrack.errors import PlantrackError

        try:
            return super().invoke(ctx)
        except UsageError as e:
            _usage_error(e)
        except PlantrackError as e:
            if state.debug:
                raise
            _print_error(e.message, e.hint)
            raise SystemExit(e.exit_code) from None
        except (Exit, Abort, TyperException, SystemExit):
            raise
        except KeyboardInterrupt:
            _print_error("已中断。", None)
            raise SystemExit(130) from None
        except BrokenPipeError:  # plantrack status | head: the reader left; stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(0) from None
        except Exception as e:  # a bug: say so plainly, keep the traceback for --debug
            if state.debug:
                raise
            _print_error(
                f"内部错误：{type(e).__name__}: {e}",
                "这是 plantrack 的缺陷；请加 --debug 重新运行并把输出报告给开发者。",
            )
            raise SystemExit(3) from None


def _print_error(message: str, hint: str | None) -> None:
    from rich.markup import escape

    from plantrack.cli.console import err

    err.print(f"[bold red]错误：[/]{escape(message)}", markup=True, highlight=False)
    if hint:
        err.print(f"[yellow]提示：[/]{escape(hint)}", markup=True, highlight=False)


app = typer.Typer(
    name="plantrack",
    cls=PlantrackGroup,
    help="plantrack：把工作要点、任务分工方案等通知变成任务台账，记录进展，生成季度落实情况报告。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plantrack {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace",
            "-w",
            help="工作区路径（默认：环境变量 PLANTRACK_WORKSPACE，或从当前文件夹向上查找）",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="出错时显示完整的调试信息")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出")
    ] = False,
) -> None:
    state.debug = debug
    state.workspace = workspace


def current_workspace() -> Any:
    """The workspace for this invocation (see plantrack.workspace.find_workspace)."""
    from plantrack.workspace import find_workspace

    return find_workspace(state.workspace)


def _register() -> None:
    from plantrack.cli import extract_cmd, init_cmd, office_cmd, report_cmd, track_cmd

    for module in (init_cmd, extract_cmd, track_cmd, report_cmd, office_cmd):
        module.register(app)
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = PlantrackCommand


_register()


def main() -> None:
    if os.name == "nt":  # Chinese output on a Windows console
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure:
                reconfigure(encoding="utf-8")
    app()
