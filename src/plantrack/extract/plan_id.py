"""Plan ids from metadata: place, year and type as printed (吉安市-2017-工作要点, 宁夏-2023-行动),
always a safe file name."""

from __future__ import annotations

import re

from plantrack.fsguard import safe_name
from plantrack.lang.doctype import PLAN_GENRES
from plantrack.lang.places import BARE_LEVELS, ID_GENRES, PROVINCE_ABBREVIATIONS, TITLE_WRAPPERS

_PLACE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{1,8}?(?:自治区|自治州|省|市|州|盟|县|区|旗))")
_GENRES = tuple(sorted((*PLAN_GENRES, *ID_GENRES), key=len, reverse=True))


def safe_id(text: str) -> str:
    """Letters, digits, CJK and '-' only; never empty, never a hidden or relative name."""
    return safe_name(text, "plan")


def make_plan_id(title: str, year: int | None, issuers: list[str], doc_number: str = "") -> str:
    place = plan_place(title, issuers, doc_number)
    return safe_id("-".join(p for p in (place, str(year) if year else "", plan_genre(title)) if p))


def plan_place(title: str, issuers: list[str], doc_number: str = "") -> str:
    """The place the title or an issuer names; a bare level (自治区人社厅) gives way to the province
    its document number stands for (宁人社函 -> 宁夏)."""
    bare = ""
    for text in (title, *issuers):
        m = _PLACE.match(text)
        if m and m[1] not in BARE_LEVELS:
            return m[1]
        level = (
            m[1]
            if m
            else next((w for w in sorted(BARE_LEVELS, key=len, reverse=True) if text.startswith(w)), "")
        )
        bare = bare or level
    province = PROVINCE_ABBREVIATIONS.get(doc_number[:1], "") if bare else ""
    return province or bare


def plan_genre(title: str) -> str:
    """The document type the title ends with, inside its notice wrapper (…提升行动的通知 -> 行动)."""
    for text in (title, re.sub(TITLE_WRAPPERS, "", title)):
        found = next((g for g in _GENRES if text.endswith(g)), "")
        if found:
            return found
    return "计划"
