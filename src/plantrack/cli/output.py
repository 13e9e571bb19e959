"""Where the CLI prints: results to stdout, messages to stderr; colour only where it helps.

Plain `typer.echo` (no rich on the everyday paths: it costs more to import than status takes to
run). Colour follows `Run.color` (a terminal, no --no-color, no NO_COLOR). Notes, titles and agency
names come from files other people wrote: every line passes `textsafe.visible`, so an OSC 52
(clipboard), OSC 8 (hidden link) or OSC 0 (window title) sequence is shown, never acted on.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from plantrack.textsafe import visible

if TYPE_CHECKING:
    from plantrack.cli.context import Run


def say(text: str = "") -> None:
    """A line of the result, on stdout."""
    typer.echo(visible(text))


def note(text: str) -> None:
    """A line about the run (not its result), on stderr: stays visible when stdout is piped."""
    typer.echo(visible(text), err=True)


def paint(run: Run | None, text: str, fg: str, bold: bool = False, err: bool = False) -> str:
    """text in colour when this run prints colour on that stream, else as it is."""
    if run is None or not run.color(sys.stderr if err else sys.stdout):
        return text
    return typer.style(text, fg=fg, bold=bold)


def error(run: Run | None, message: str, hint: str | None) -> None:
    """错误：… and 提示：… on stderr (red and yellow on a terminal)."""
    typer.echo(paint(run, "错误：", "red", bold=True, err=True) + visible(message), err=True)
    if hint:
        typer.echo(paint(run, "提示：", "yellow", err=True) + visible(hint), err=True)


def dump(model: Any) -> None:
    """A pydantic model as JSON on stdout (`--json`): model_dump(mode="json", by_alias=True), non-ASCII kept."""
    typer.echo(model.model_dump_json(indent=2, by_alias=True))


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):  # elsewhere, or the current folder was deleted
        return str(path)
