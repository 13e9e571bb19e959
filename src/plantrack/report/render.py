"""Render the report context with a Jinja2 template: the workspace's own first, else the shipped one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantrack.errors import DataFileError
from plantrack.report import escape
from plantrack.report import numbers as fmt
from plantrack.report.cache import TEMPLATE
from plantrack.report.context import Report
from plantrack.textsafe import strip_controls

if TYPE_CHECKING:
    from plantrack.report.pieces import Pieces

TEMPLATE_NAME = TEMPLATE  # the workspace's override, templates/report.md.j2


def template_path(workspace_templates: Path | None = None) -> Path | None:
    """The workspace's override (templates/report.md.j2) if it exists, else None (the shipped one)."""
    if workspace_templates is not None:
        own = workspace_templates / TEMPLATE_NAME
        if own.is_file():
            return own
    return None


def shipped_template() -> str:
    from importlib.resources import files

    return (files("plantrack") / "templates" / TEMPLATE_NAME).read_text(encoding="utf-8")


def render_report(
    report: Report, workspace_templates: Path | None = None, pieces: Pieces | None = None
) -> str:
    """The Markdown text of the report; a broken workspace template raises DataFileError.

    `pieces` (report/pieces.py), with the bundled template only, gives the text of each plan's
    macro calls kept from before and keeps those it renders."""
    import jinja2
    from jinja2.exceptions import SecurityError

    own = template_path(workspace_templates)
    source = own.read_text(encoding="utf-8") if own else shipped_template()
    env = _environment(None if own else pieces)
    try:
        text = env.from_string(source).render(report=report, r=report)
    except jinja2.TemplateSyntaxError as e:
        raise _template_error(own, f"模板语法错误：{e.message}", e.lineno) from e
    except jinja2.UndefinedError as e:
        raise _template_error(own, f"模板使用了不存在的字段：{e.message}", None) from e
    except SecurityError as e:
        raise _template_error(own, f"模板使用了不允许的操作：{e}", None) from e
    return tidy(text)


def _template_error(path: Path | None, message: str, line: int | None) -> DataFileError:
    where = str(path) if path else f"plantrack/templates/{TEMPLATE_NAME}"
    return DataFileError(
        where, message, line=line, hint="请对照 docs/report.md 修改报告模板，或删除它以使用内置模板。"
    )


def _environment(pieces: Pieces | None = None) -> Any:
    """A sandbox: a workspace's template (from someone else, perhaps) can read the report context
    and use the filters below (and build its own lists and dicts), but not reach Python internals
    (no `__globals__`, `__subclasses__`, `os`). Every value it prints loses its control characters."""
    import jinja2

    env = _sandbox(pieces)(
        autoescape=False,
        finalize=_printable,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=escape.md,
        cell=escape.cell,
        plain=escape.plain,
        sentence=escape.sentence,
        amount=fmt.amount,
        pct=fmt.pct,
        cn_date=fmt.cn_date,
        month_day=fmt.cn_month_day,
        heading=heading,
        cn_num=fmt.cn_numeral,
        points=fmt.points,
    )
    return env


def _sandbox(pieces: Pieces | None = None) -> Any:
    """The sandbox, told that the report context's own data classes are plain data: reading a
    field of one needs none of the checks a template's access to other objects gets (166,000
    reads for the bench workspace's report). Names starting with `_` stay refused, and what a
    field holds is checked as usual when the template goes further. With `pieces`, a call of one
    of the bundled template's per-plan macros goes through them (report/pieces.py)."""
    from dataclasses import fields

    from jinja2.runtime import Macro
    from jinja2.sandbox import SandboxedEnvironment

    from plantrack.report import context
    from plantrack.report.pieces import PIECES

    data = {
        cls: frozenset(f.name for f in fields(cls))
        for cls in vars(context).values()
        if isinstance(cls, type)
        and cls.__module__ == context.__name__
        and hasattr(cls, "__dataclass_fields__")
    }

    read = getattr

    class ReportSandbox(SandboxedEnvironment):
        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            known = data.get(type(obj))
            if known is not None and attr in known:
                return True
            return bool(super().is_safe_attribute(obj, attr, value))

        def getattr(self, obj: Any, attribute: str) -> Any:
            """A field of a context class is read as it is (what the sandbox's own reading would
            return after is_safe_attribute said yes); anything else goes through the sandbox."""
            known = data.get(type(obj))
            if known is not None and attribute in known:
                return read(obj, attribute)
            return super().getattr(obj, attribute)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            def render() -> Any:
                return SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs)

            if (
                pieces is not None
                and type(__obj) is Macro
                and __obj.name in PIECES
                and args
                and all(k.startswith("_") for k in kwargs)  # Jinja's own (_loop_vars, _block_vars)
            ):
                return pieces.call(args[0], __obj.name, args[1:], render)
            return render()

    return ReportSandbox


def _printable(value: Any) -> Any:
    return strip_controls(value) if isinstance(value, str) else value


def heading(level: int) -> str:
    """'#' * level, for templates that shift levels (one plan vs. several)."""
    return "#" * max(1, min(6, level))


def tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, exactly one final newline."""
    lines = [ln.rstrip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln == "" and (not out or out[-1] == ""):
            continue
        out.append(ln)
    return "\n".join(out).strip("\n") + "\n"
