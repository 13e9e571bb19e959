"""`plantrack extract --explain`: per item, which finder gave which agencies, targets and deadlines,
in Chinese."""

from __future__ import annotations

from collections.abc import Sequence

from plantrack.display import target_value
from plantrack.extract.findings import Finding
from plantrack.lang.finder_labels import (
    DEADLINE_ARROW,
    FINDER_LABELS,
    ITEM,
    KIND_WORDS,
    NO_AGENCY,
    ONGOING_WORD,
    TARGET_ARROW,
    UNREAD_DEADLINE,
    UNREAD_TARGET,
)
from plantrack.models import ROLE_LABELS, Item

Explained = tuple[Item, tuple[Finding, ...]]
PHRASE_CHARS = 60  # of a finding's phrase shown


def explain_lines(explained: Sequence[Explained]) -> list[str]:
    """Per item its number and title, then one line per finding that applies: agencies first (or a
    line saying a task has none), then targets and deadlines."""
    lines: list[str] = []
    for item, findings in explained:
        named = [f for f in findings if f.agencies]
        values = [f for f in findings if f.targets or f.deadlines or f.ongoing or _unread(f)]
        if not (named or values) and item.kind.value != "task":
            continue
        lines.append(ITEM.format(kind=KIND_WORDS[item.kind.value], number=item.number, title=item.title[:30]))
        lines.extend("  " + finding_line(f) for f in named)
        if not named and item.kind.value == "task":
            lines.append("  " + NO_AGENCY)
        lines.extend("  " + finding_line(f) for f in values)
    return lines


def finding_line(finding: Finding) -> str:
    """句末括号「市人社局牵头,市财政局配合」→ 市人社局（牵头）、市财政局（配合）;
    正文中的时限「6月底前」→ 时限 2025-06-30"""
    label = FINDER_LABELS.get(finding.finder, finding.finder)
    phrase = finding.phrase.replace("\n", " ")
    if len(phrase) > PHRASE_CHARS:
        phrase = phrase[:PHRASE_CHARS] + "…"
    return f"{label}「{phrase}」→ {_what(finding)}"


def _what(f: Finding) -> str:
    if f.agencies:
        return "、".join(f"{a.name}（{ROLE_LABELS[a.role]}）" for a in f.agencies)
    if f.targets:
        return f"{TARGET_ARROW} " + "、".join(target_value(t) for t in f.targets)
    if f.deadlines:
        return f"{DEADLINE_ARROW} " + "、".join(d.isoformat() for d in f.deadlines)
    if f.ongoing:
        return f"{DEADLINE_ARROW} {ONGOING_WORD}"
    return UNREAD_TARGET if f.finder.startswith("target") else UNREAD_DEADLINE


def _unread(f: Finding) -> bool:
    return not f.understood and (f.finder.startswith("target") or f.finder.startswith("deadline"))
