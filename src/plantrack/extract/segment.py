"""Word segmentation with jieba and plantrack's user dictionary (lang/terms.txt and the agency
abbreviation table, lang/agency_abbrev.py).

jieba is imported on the first call only: loading its dictionary takes about a second, which
``plantrack --help`` and ``status`` must not pay. Words added before that call are kept and added
when jieba loads, so the pipeline can register agency names early (市人社局 stays one word).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from importlib import resources
from typing import Any

_state: dict[str, Any] = {"jieba": None, "pending": []}


def words(text: str) -> list[str]:
    """``jieba.lcut(text)`` with the user dictionary loaded."""
    if not text:
        return []
    return list(_jieba().lcut(text))


def add_words(new_words: Iterable[str]) -> None:
    """Make each word one token from now on (agency names, abbreviations, plan terms)."""
    cleaned = [w.strip() for w in new_words if w and w.strip()]
    jieba = _state["jieba"]
    if jieba is None:
        _state["pending"].extend(cleaned)
        return
    for w in cleaned:
        jieba.add_word(w)


def user_terms() -> list[str]:
    """The words of lang/terms.txt: one a line, ``#`` starts a comment."""
    text = resources.files("plantrack.lang").joinpath("terms.txt").read_text(encoding="utf-8")
    terms = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            terms.append(word)
    return terms


def _jieba() -> Any:
    if _state["jieba"] is None:
        import jieba

        from plantrack.lang.agency_abbrev import ABBREVIATIONS

        jieba.setLogLevel(logging.WARNING)
        for w in [*user_terms(), *ABBREVIATIONS, *ABBREVIATIONS.values(), *_state["pending"]]:
            jieba.add_word(w)
        _state["pending"] = []
        _state["jieba"] = jieba
    return _state["jieba"]
