"""The `plantrack` console script: help pages, a Tab press on a plan id, and the everyday commands
(status, show, record) without loading typer.

Importing typer and building the command tree takes longer than a help page should, so a help page
is kept as text in the user's cache once typer has written it (keyed on plantrack's version, the
source files of cli/ and lang/ and the terminal width: a changed command is a changed key), plan ids are
completed from the file names, and plain status, show and record command lines are read by
cli/fast.py. Everything else, and anything these cannot answer, goes to the full command line
(cli/app.py) unchanged.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HELP = ("--help", "-h")
PLAN_FIRST = ("show", "record", "history", "undo")  # commands whose first argument is a plan id
GLOBAL_FLAGS = ("--debug", "--no-color")
GLOBAL_VALUES = ("-w", "--workspace")
CACHE_FORMAT = 1


def main() -> None:
    from plantrack.cli.terminal import safe_streams

    safe_streams()  # a cached help page on a terminal without Chinese: escapes, not a traceback
    shell = os.environ.get("_PLANTRACK_COMPLETE")
    if shell:  # a Tab press: never a help page
        if shell != "complete_bash" or not _complete_plan_ids():
            _full()
        return
    argv = sys.argv[1:]
    key = _help_key(argv)
    if key is not None:
        _help(key)
        return
    if argv[:1] != [] and _everyday(argv):
        return
    _full()


def _everyday(argv: list[str]) -> bool:
    """status, show and record without typer (cli/fast.py); False when typer should take it."""
    if not any(word in ("status", "show", "record") for word in argv[:3]):
        return False
    from plantrack.cli.fast import run

    return run(argv)


def _full() -> None:
    from plantrack.cli.app import main as full

    full()


# -- help pages ---------------------------------------------------------------------------------


def _help_key(argv: list[str]) -> str | None:
    """`plantrack`, `plantrack --help`, `plantrack CMD --help`: the page's name (the words); else None."""
    if not argv or (len(argv) == 1 and argv[0] in HELP):
        return " ".join(argv)
    if len(argv) == 2 and argv[1] in HELP and argv[0].isalpha() and argv[0].isascii():
        return " ".join(argv)
    return None


def _help(key: str) -> None:
    cache = _help_file()
    pages = _read_pages(cache) if cache is not None else {}
    text = pages.get(key)
    if text is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    code, text = _capture_full()
    sys.stdout.write(text)
    sys.stdout.flush()
    if code == 0 and cache is not None and text:
        pages[key] = text
        _write_pages(cache, pages)
    raise SystemExit(code)


def _capture_full() -> tuple[int, str]:
    """Run the full command line with stdout kept: its exit code and what it printed."""
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    code: object = 0
    with redirect_stdout(out):
        try:
            _full()
        except SystemExit as e:
            code = e.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out.getvalue()


def _help_file() -> Path | None:
    """The cache file of this build's help pages; None when it cannot be told apart from another."""
    from plantrack import __version__

    package = Path(__file__).resolve().parent.parent  # help text comes from cli/ and lang/ tables
    try:
        files = sorted([*package.glob("cli/*.py"), *package.glob("lang/*.py")])
        stamp = [f"{p.name}:{st.st_size}:{st.st_mtime_ns}" for p in files for st in [p.stat()]]
    except OSError:
        return None
    width = os.environ.get("COLUMNS", "")
    if not width:
        try:
            width = str(os.get_terminal_size(sys.stdout.fileno()).columns)
        except (OSError, ValueError):
            width = "-"  # not a terminal
    if not stamp:
        return None
    import zlib

    digest = zlib.crc32("|".join([__version__, str(CACHE_FORMAT), width, *stamp]).encode()) & 0xFFFFFFFF
    folder = _cache_dir()
    return folder / f"help-{__version__}-{digest:08x}.json" if folder is not None else None


def _cache_dir() -> Path | None:
    """PLANTRACK_CACHE_DIR, else $XDG_CACHE_HOME/plantrack, else ~/.cache/plantrack (as the lexicon);
    None without a home folder (no HOME and no passwd entry)."""
    explicit = os.environ.get("PLANTRACK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "plantrack"
    try:
        return Path.home() / ".cache" / "plantrack"
    except (RuntimeError, KeyError, OSError):
        return None


def _read_pages(cache: Path) -> dict[str, str]:
    """The cached pages: JSON of name -> text (data only); anything else is as good as none."""
    import json

    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _write_pages(cache: Path, pages: dict[str, str]) -> None:
    import json

    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
        tmp.replace(cache)
    except OSError:
        pass  # no cache folder: the next help page is written by typer again


# -- a Tab press on a plan id -------------------------------------------------------------------


def _complete_plan_ids() -> bool:
    """bash asking for the plan id right after show / record / history / undo: the plan files'
    names. False when the words ask for anything else (the full completion answers)."""
    line = os.environ.get("COMP_WORDS", "")
    if any(c in line for c in "\"'\\"):
        return False  # quoting: the full completion splits the words as the shell does
    words = line.split()
    try:
        cword = int(os.environ.get("COMP_CWORD", ""))
    except ValueError:
        return False
    args, rest = words[1:cword], words[cword:]
    incomplete = rest[0] if rest else ""
    workspace: str | None = None
    while args and (args[0] in GLOBAL_FLAGS or args[0] in GLOBAL_VALUES):
        if args[0] in GLOBAL_VALUES:
            if len(args) < 2:
                return False
            workspace = args[1]
            args = args[2:]
        else:
            args = args[1:]
    if len(args) != 1 or args[0] not in PLAN_FIRST or incomplete.startswith("-"):
        return False
    from plantrack.errors import PlantrackError
    from plantrack.workspace import find_workspace

    try:
        ws = find_workspace(Path(workspace) if workspace else None)
    except PlantrackError:
        sys.stdout.write("\n")  # no workspace, no suggestions (as the full completion)
        return True
    found: list[str] = []
    if ws.extracted.is_dir():
        ids = sorted(p.stem for p in ws.extracted.glob("*.yaml") if not p.name.startswith("."))
        found = [i for i in ids if i.startswith(incomplete)]
    sys.stdout.write("\n".join(found) + "\n")  # as typer's bash completion prints them
    return True
