"""Where the CLI prints: results to stdout, messages to stderr; colour only where it helps.

Plain writes to the standard streams (no typer, no rich on the everyday paths: importing them costs
more than status takes to run), one flush per line as click's echo does. Colour follows `Run.color`
(a terminal, no --no-color, no NO_COLOR). Notes, titles and agency names come from files other
people wrote: every line passes `textsafe.visible`, so an OSC 52 (clipboard), OSC 8 (hidden link)
or OSC 0 (window title) sequence is shown, never acted on.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantrack.textsafe import visible

if TYPE_CHECKING:
    from plantrack.cli.context import Run

# ANSI colours by click's names (the ones plantrack uses), as click.style writes them.
_COLORS = {"red": 31, "green": 32, "yellow": 33, "bright_black": 90}


def echo(text: str, err: bool = False) -> None:
    """A line on stdout (or stderr), flushed."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # no console at all (pythonw)
        return
    stream.write(text + "\n")
    stream.flush()


def say(text: str = "") -> None:
    """A line of the result, on stdout."""
    echo(visible(text))


def note(text: str) -> None:
    """A line about the run (not its result), on stderr: stays visible when stdout is piped."""
    echo(visible(text), err=True)


def style(text: str, fg: str, bold: bool | None = None) -> str:
    """The text in a colour, as click.style writes it: colour, bold on (1) or off (22), text, reset."""
    weight = "" if bold is None else f"\x1b[{1 if bold else 22}m"
    return f"\x1b[{_COLORS[fg]}m{weight}{text}\x1b[0m"


def paint(run: Run | None, text: str, fg: str, bold: bool = False, err: bool = False) -> str:
    """text in colour when this run prints colour on that stream, else as it is."""
    if run is None or not run.color(sys.stderr if err else sys.stdout):
        return text
    return style(text, fg=fg, bold=bold)


def error(run: Run | None, message: str, hint: str | None) -> None:
    """错误：… and 提示：… on stderr (red and yellow on a terminal)."""
    echo(paint(run, "错误：", "red", bold=True, err=True) + visible(message), err=True)
    if hint:
        echo(paint(run, "提示：", "yellow", err=True) + visible(hint), err=True)


def dump(model: Any) -> None:
    """A pydantic model as JSON on stdout (`--json`): model_dump(mode="json", by_alias=True), non-ASCII kept."""
    echo(model.model_dump_json(indent=2, by_alias=True))


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):  # elsewhere, or the current folder was deleted
        return str(path)


def failed(run: Run | None, e: BaseException) -> int:
    """What a command that raised says, and its exit code: one clear Chinese line for the library's
    errors, a plain message for a read or write that failed, and for a bug the plain fact of it
    (`--debug` shows the traceback instead: the caller re-raises). No traceback reaches a user."""
    import os

    from plantrack.errors import PlantrackError

    if isinstance(e, PlantrackError):
        error(run, e.message, e.hint)
        return e.exit_code
    if isinstance(e, KeyboardInterrupt):
        error(run, "已中断。", None)
        return 130
    if isinstance(e, BrokenPipeError):  # plantrack status | head: the reader left; stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    if isinstance(e, OSError):  # a read or write the library did not expect to fail
        from plantrack.fsguard import storage_error

        found = storage_error(e)
        error(run, found.message, found.hint)
        return found.exit_code
    error(
        run,
        f"内部错误：{type(e).__name__}: {e}",
        "这是 plantrack 的缺陷；请加 --debug 重新运行并把输出报告给开发者。",
    )
    return 3
