"""The plantrack command: global options, error handling, and the command modules.

The command modules never import this one: they get the invocation's options from typer's
Context (see cli/context.py), so the import graph runs app -> *_cmd -> context, never back.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import Abort, Exit, TyperException

from plantrack import __version__
from plantrack.cli import complete
from plantrack.cli.context import GLOBAL_OPTIONS, WORKSPACE_HELP, run_of, set_option
from plantrack.cli.params import plain_coercion
from plantrack.errors import PlantrackError

HELP_TEXT = "显示本帮助并退出"


class _ChineseHelp:
    """The --help option and the parser's usage errors in Chinese, like everything else users read."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from plantrack.cli.help import help_page

        formatter.write(help_page(self, ctx))

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except NoArgsIsHelpError as e:  # `plantrack` alone: the help page, not an error
            assert e.ctx is not None
            typer.echo(e.ctx.get_help())
            raise SystemExit(0) from None
        except UsageError as e:
            _usage_error(e)
        except PlantrackError as e:  # raised by an eager option (--install-completion)
            _print_error(None, e.message, e.hint)
            raise SystemExit(e.exit_code) from None


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
    _print_error(e.ctx, message, USAGE_HINT.format(path))
    raise SystemExit(2)


class PlantrackCommand(_ChineseHelp, TyperCommand):
    """A command that also accepts the global options (-w, --debug, --no-color) after its name."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        root = ctx.find_root().command
        shared = [p for p in root.params if p.name in GLOBAL_OPTIONS] if root is not self else []
        params = [*params[:-1], *shared, *params[-1:]] if shared else params
        plain_coercion(params)
        return params


class PlantrackGroup(_ChineseHelp, TyperGroup):
    """Turns library errors into one clear Chinese line and an exit code; no traceback reaches a user."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        plain_coercion(params)
        return params

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as e:
            _usage_error(e)
        except (Exit, Abort, TyperException, SystemExit):
            raise
        except (PlantrackError, KeyboardInterrupt, Exception) as e:
            from plantrack.cli.output import failed

            if run_of(ctx).debug and not isinstance(e, KeyboardInterrupt | BrokenPipeError):
                raise
            raise SystemExit(failed(run_of(ctx), e)) from None


def _print_error(ctx: Any, message: str, hint: str | None) -> None:
    from plantrack.cli.output import error

    error(run_of(ctx) if ctx is not None else None, message, hint)


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
        typer.Option("--workspace", "-w", help=WORKSPACE_HELP, expose_value=False, callback=set_option),
    ] = None,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="出错时显示完整的调试信息", expose_value=False, callback=set_option),
    ] = False,
    no_color: Annotated[
        bool,
        typer.Option(
            "--no-color",
            help="不使用颜色（也可设置环境变量 NO_COLOR）",
            expose_value=False,
            callback=set_option,
        ),
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出")
    ] = False,
    install_completion: Annotated[
        bool,
        typer.Option(
            "--install-completion",
            is_eager=True,
            expose_value=False,
            callback=complete.install_completion,
            help="为当前的 shell（bash、zsh、fish）安装命令补全：计划编号、任务编号、单位名称",
        ),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option(
            "--show-completion",
            is_eager=True,
            expose_value=False,
            callback=complete.show_completion,
            help="显示当前 shell 的命令补全脚本（可复制或自行安装）",
        ),
    ] = False,
) -> None:
    """Global options are handled by their callbacks (cli/context.py)."""


def _register() -> None:
    from plantrack.cli import extract_cmd, init_cmd, office_cmd, report_cmd, track_cmd

    for module in (init_cmd, extract_cmd, track_cmd, report_cmd, office_cmd):
        module.register(app)
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = PlantrackCommand


_register()


def main() -> None:
    from plantrack.cli.terminal import safe_streams

    safe_streams()
    if os.environ.get("_PLANTRACK_COMPLETE"):  # a Tab press: the shells' completion classes
        from typer._completion_classes import completion_init

        completion_init()
    app()
