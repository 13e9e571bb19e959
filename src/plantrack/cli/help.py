"""Help pages entirely in Chinese: 用法, the command's text, 参数, 选项, 命令, 示例.

A command's docstring is its help: the first line is its summary in the command list, the rest is
printed as written (a `示例：` block lists example command lines).
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

METAVARS: dict[Any, str] = {str: "文字", int: "整数", float: "数值", Path: "路径"}
USAGE = "用法："
ARGUMENTS = "参数："
OPTIONS = "选项："
COMMANDS = "命令："
EXAMPLES = "示例："
OPTIONS_PLACEHOLDER = "[选项]"
COMMAND_PLACEHOLDER = "命令 [参数]..."


def help_page(command: Any, ctx: Any) -> str:
    """The whole help page of a command or of the group."""
    params = command.get_params(ctx)
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option" and not getattr(p, "hidden", False)]
    pieces = [ctx.command_path, OPTIONS_PLACEHOLDER, *(_argument_usage(a) for a in arguments)]
    if hasattr(command, "list_commands"):
        pieces.append(COMMAND_PLACEHOLDER)
    lines = [USAGE + " ".join(pieces), ""]
    text, _, examples = inspect.cleandoc(command.help or "").partition("\f")[0].partition(EXAMPLES)
    text = text.strip()
    if text:
        lines.extend(("  " + line if line else "") for line in text.splitlines())
        lines.append("")
    if arguments:
        lines.append(ARGUMENTS)
        lines.extend(_rows([(_argument_name(a), _help_of(a)) for a in arguments]))
        lines.append("")
    lines.append(OPTIONS)
    lines.extend(_rows([(_option_names(o), _help_of(o)) for o in options]))
    if hasattr(command, "list_commands"):
        lines.append("")
        lines.append(COMMANDS)
        subs = [(name, command.get_command(ctx, name)) for name in command.list_commands(ctx)]
        lines.extend(
            _rows([(name, summary(sub)) for name, sub in subs if sub is not None and not sub.hidden])
        )
    if examples.strip():
        lines.extend(("", EXAMPLES, *("  " + line.strip() for line in examples.strip().splitlines())))
    return "\n".join(lines).rstrip() + "\n"


def summary(command: Any) -> str:
    """The first line of a command's help."""
    return inspect.cleandoc(command.help or "").split("\n", 1)[0]


def _argument_usage(argument: Any) -> str:
    name = _argument_name(argument)
    name = f"{name}..." if argument.nargs == -1 else name
    return name if argument.required else f"[{name}]"


def _option_names(option: Any) -> str:
    names = ", ".join(sorted(option.opts, key=lambda o: (o.startswith("--"), o)))
    if option.is_flag or option.count:
        return names
    return f"{names} {option.metavar or _metavar(option)}"


def _metavar(option: Any) -> str:
    descriptor = getattr(option, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    args = getattr(annotation, "__args__", ())
    for candidate in (annotation, *args):
        if candidate in METAVARS:
            return METAVARS[candidate]
    return "值"


def _help_of(param: Any) -> str:
    return " ".join((getattr(param, "help", None) or "").split())


def _rows(rows: list[tuple[str, str]]) -> list[str]:
    """Two columns, the first padded to its widest entry (CJK counted double)."""
    from plantrack.cli.text import display_width

    width = max((display_width(left) for left, _ in rows), default=0)
    return [f"  {left}{' ' * (width - display_width(left))}  {right}".rstrip() for left, right in rows]


def _argument_name(argument: Any) -> str:
    return str(argument.metavar or argument.name.upper())
