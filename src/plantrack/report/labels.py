"""How the report numbers and cites a task: 1. / 第1项 in the whole-plan report, the plan's own number
（十八） / 第十八项 in an agency report (its tasks are a selection, so seq numbers would mislead)."""

from __future__ import annotations

import re

_CN = re.compile(r"^[一二三四五六七八九十百零〇两]+$")
_DIGITS = re.compile(r"^\d+$")
_WRAP = "()（）.、．"


def core(number: str) -> str:
    """(十八) -> 十八, 3. -> 3, 一、 -> 一."""
    return number.strip().strip(_WRAP).strip()


def label(number: str) -> str:
    """The plan's printed number in report style: (十八) -> （十八）, 一 -> 一、, 3 -> 3."""
    text = number.strip()
    inner = core(text)
    if not inner:
        return ""
    if text.startswith(("(", "（")):
        return f"（{inner}）"
    if _CN.match(inner):
        return f"{inner}、"
    if _DIGITS.match(inner):
        return f"{inner}."
    return text


def task_ref(number: str, seq: int, agency_report: bool) -> tuple[str, str]:
    """(label, cite) of a task: ("1.", "第1项") or, in an agency report, ("（十八）", "第十八项")."""
    if agency_report and core(number):
        return label(number), f"第{core(number)}项"
    return f"{seq}.", f"第{seq}项"
