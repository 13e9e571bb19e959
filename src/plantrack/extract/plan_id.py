"""Plan ids from metadata: place, year and type (吉安市-2017-工作要点), always a safe file name."""

from __future__ import annotations

import re

from plantrack.lang.doctype import PLAN_GENRES

_PLACE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{1,8}?(?:自治区|自治州|省|市|州|盟|县|区|旗))")
_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff-]+")


def safe_id(text: str) -> str:
    """Letters, digits, CJK and '-' only; never empty, never a hidden or relative name."""
    cleaned = _UNSAFE.sub("-", text).strip("-.")[:80]
    return cleaned or "plan"


def make_plan_id(title: str, year: int | None, issuers: list[str]) -> str:
    place = ""
    for text in (title, *issuers):
        m = _PLACE.match(text)
        if m:
            place = m[1]
            break
    genre = next((g for g in sorted(PLAN_GENRES, key=len, reverse=True) if title.endswith(g)), "")
    return safe_id("-".join(p for p in (place, str(year) if year else "", genre or "计划") if p))
