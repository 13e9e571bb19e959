"""status, show and record straight from the console script, without building typer's command tree.

Importing typer and click and building the commands costs more than `status` takes to run, so the
console script (cli/entry.py) reads these three commands' options itself, as typer declares them
in cli/track_cmd.py (tests/test_fast_cli.py keeps the two lists equal), and calls the same bodies
(cli/everyday.py). Anything it does not recognise exactly — help, an unknown or misspelt option, a
missing or extra argument, `-aVALUE`, `--`, a terminal that says it is ASCII — goes to typer
unchanged, which gives the usual message: this parser only ever takes the plain cases.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

# Options as cli/track_cmd.py and cli/app.py declare them: name -> parameter.
GLOBAL_VALUES = {"-w": "workspace", "--workspace": "workspace"}
GLOBAL_FLAGS = {"--debug": "debug", "--no-color": "no_color"}
AGENCY = {"--agency": "agency", "-a": "agency"}
COMMANDS: dict[str, dict[str, Any]] = {
    "status": {
        "arguments": [],
        "optional": [],
        "values": {
            "--plan": "plan",
            "-p": "plan",
            **AGENCY,
            "--role": "role",
            "-r": "role",
            "--light": "light",
            "-l": "light",
            "--as-of": "as_of",
        },
        "flags": {"--json": "json_out"},
        "lists": {},
    },
    "show": {
        "arguments": ["plan"],
        "optional": ["task"],
        "values": {"--as-of": "as_of"},
        "flags": {"--json": "json_out"},
        "lists": {},
    },
    "record": {
        "arguments": ["plan", "task"],
        "optional": [],
        "values": {
            **AGENCY,
            "--date": "date_text",
            "-d": "date_text",
            "--status": "status",
            "-s": "status",
            "--percent": "percent",
            "--note": "note",
            "-n": "note",
            "--corrects": "corrects",
            "--move-to": "move_to",
        },
        "flags": {"--any-agency": "any_agency", "--yes": "yes", "-y": "yes"},
        "lists": {"--actual": "actual"},
    },
}


def parse(argv: list[str]) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """(command, its parameters, the global options) of a plain command line; None otherwise."""
    options: dict[str, Any] = {}
    command: str | None = None
    spec: dict[str, Any] = {}
    params: dict[str, Any] = {}
    positional: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        name, eq, attached = word.partition("=") if word.startswith("--") else (word, "", "")
        if command is None and not word.startswith("-"):
            if word not in COMMANDS:
                return None
            command, spec = word, COMMANDS[word]
        elif not word.startswith("-") or word == "-":
            if command is None:
                return None
            positional.append(word)
        elif name in GLOBAL_FLAGS or name in spec.get("flags", ()):
            if eq:
                return None
            target = options if name in GLOBAL_FLAGS else params
            target[GLOBAL_FLAGS.get(name) or spec["flags"][name]] = True
        elif name in GLOBAL_VALUES or name in spec.get("values", ()) or name in spec.get("lists", ()):
            if eq:
                value = attached
            elif i + 1 < len(argv) and not (argv[i + 1].startswith("-") and len(argv[i + 1]) > 1):
                i += 1
                value = argv[i]
            else:
                return None  # no value, or one that looks like an option: typer decides
            if name in GLOBAL_VALUES:
                options[GLOBAL_VALUES[name]] = value
            elif name in spec["lists"]:
                params.setdefault(spec["lists"][name], []).append(value)
            else:
                params[spec["values"][name]] = value
        else:
            return None  # --help, an option typer knows and this does not, a typo, --, -aVALUE
        i += 1
    if command is None:
        return None
    names = [*spec["arguments"], *spec["optional"]]
    if not len(spec["arguments"]) <= len(positional) <= len(names):
        return None
    params.update(zip(names, positional, strict=False))
    if "corrects" in params:
        text = params["corrects"]
        if not (text.isascii() and text.isdigit()):
            return None
        params["corrects"] = int(text)
    return command, params, options


def run(argv: list[str]) -> bool:
    """Run a plain status, show or record; False (nothing done) when typer should take it."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "ascii").lower().replace("_", "-")
        if encoding in ("ascii", "us-ascii", "646", "ansi-x3.4-1968"):  # click writes UTF-8 there
            return False
    found = parse(argv)
    if found is None:
        return False
    command, params, options = found
    from pathlib import Path

    from plantrack.cli import everyday
    from plantrack.cli.context import Run, one_shot

    one_shot()
    workspace = options.get("workspace")
    run_ = Run(Path(workspace) if workspace is not None else None, options.get("debug", False),
               options.get("no_color", False))  # fmt: skip
    bodies: dict[str, Callable[..., None]] = {
        "status": everyday.status,
        "show": everyday.show,
        "record": everyday.record,
    }
    body = bodies[command]
    try:
        body(run_, **params)
    except SystemExit:
        raise
    except (KeyboardInterrupt, Exception) as e:
        from plantrack.cli.output import failed

        if run_.debug and not isinstance(e, KeyboardInterrupt | BrokenPipeError):
            raise
        raise SystemExit(failed(run_, e)) from None
    return True
