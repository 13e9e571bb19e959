"""Dates typed by users on the command line."""

from __future__ import annotations

import re
from datetime import date

from plantrack.errors import UsageError

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_user_date(value: str, option: str = "日期") -> date:
    m = _DATE.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise UsageError(f"{option} 的值 {value!r} 不是有效日期。", hint="请写成 2017-09-30 或 2017年9月30日。")
