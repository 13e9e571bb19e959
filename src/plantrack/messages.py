"""Parser and schema problems in Chinese, with the line of the mistake (tables in lang/file_errors.py)."""

from __future__ import annotations

import re
from typing import Any

from plantrack.lang.file_errors import (
    FIELD_FALLBACK,
    FIELD_PROBLEMS,
    JSON_FALLBACK,
    JSON_PROBLEMS,
    YAML_FALLBACK,
    YAML_PROBLEMS,
)

# Where the reader started is the mistake: a key without its colon, an unclosed quote or bracket.
MISTAKE_AT_START = (
    "while scanning a simple key",
    "while scanning a quoted scalar",
    "while parsing a flow sequence",
    "while parsing a flow mapping",
)


def yaml_problem(error: Any) -> tuple[str, int | None]:
    """(Chinese problem, 1-based line of the mistake) of a PyYAML error (see MISTAKE_AT_START)."""
    problem = str(getattr(error, "problem", None) or error)
    context = str(getattr(error, "context", None) or "")
    mark = getattr(error, "problem_mark", None)
    start = getattr(error, "context_mark", None)
    if start is not None and context.startswith(MISTAKE_AT_START):
        mark = start
    text = next((cn for pattern, cn in YAML_PROBLEMS if re.search(pattern, problem)), YAML_FALLBACK)
    return text, (mark.line + 1 if mark is not None else None)


def json_problem(msg: str) -> str:
    return next((cn for en, cn in JSON_PROBLEMS.items() if msg.startswith(en)), JSON_FALLBACK)


def field_problem(err: Any) -> str:
    """A pydantic error in Chinese: the type's wording, the allowed values, the value found."""
    msg = FIELD_PROBLEMS.get(err["type"], FIELD_FALLBACK)
    if err["type"] in ("enum", "literal_error"):
        msg += f"（可选：{err.get('ctx', {}).get('expected', '')}）"
    limit = next(
        (err.get("ctx", {}).get(k) for k in ("ge", "gt", "le", "lt") if k in err.get("ctx", {})), None
    )
    if limit is not None:  # 100, not 100.0
        msg += f"（{limit:g}）" if isinstance(limit, float) else f"（{limit}）"
    value = err.get("input")
    if err["type"] != "missing" and isinstance(value, str | int | float):
        msg += f"，现为 {value!r}"
    return msg
