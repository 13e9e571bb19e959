"""How numbers, percentages, targets and deadlines read, in one place for the terminal and the report.

Pure text (no terminal, no colour): cli/ adds layout and colour, report/ writes prose around these.
Percentages have one rule everywhere: one decimal, trailing .0 dropped (74.5%, 75%).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plantrack.lang.comparators import OP_SYMBOLS
from plantrack.lang.status_words import NO_DEADLINE_LABEL, ONGOING_LABEL

if TYPE_CHECKING:  # the plan file's models (extract) and the records (tracking) read alike
    from plantrack import models, records

    Item = models.Item | records.ItemRecord
    Target = models.Target | records.TargetRecord

MISSING = "—"


def number(value: float) -> str:
    """60400 -> 6.04万, 1725 -> 1725, 0.5 -> 0.5, 3e8 -> 3亿."""
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{round(value / size, 4):g}{word}"
    return f"{round(value, 4):g}"


def pct(value: float | None, missing: str = MISSING) -> str:
    """74.48 -> 74.5%, 75.0 -> 75%, None -> —: one decimal, as the report writes it."""
    if value is None:
        return missing
    text = f"{value:.1f}".removesuffix(".0")
    return ("0" if text == "-0" else text) + "%"


def op_symbol(target: Target) -> str:
    """≥, ≤, 约, > or nothing."""
    return OP_SYMBOLS.get(str(target.op), "")


def target_value(target: Target) -> str:
    """≥6.04万人."""
    return f"{op_symbol(target)}{number(target.value)}{target.unit}"


def deadline(task: Item, missing: str = NO_DEADLINE_LABEL) -> str:
    """2017-12-31, 持续推进, or the missing mark."""
    if task.ongoing:
        return ONGOING_LABEL
    return "、".join(d.isoformat() for d in task.deadlines) or missing
