"""`plantrack extract --explain`: per item, which finder gave which agencies, in Chinese."""

from __future__ import annotations

from collections.abc import Sequence

from plantrack.extract.findings import Finding
from plantrack.lang.finder_labels import FINDER_LABELS, ITEM, KIND_WORDS, NO_AGENCY
from plantrack.models import ROLE_LABELS, Item

Explained = tuple[Item, tuple[Finding, ...]]
PHRASE_CHARS = 60  # of a finding's phrase shown


def explain_lines(explained: Sequence[Explained]) -> list[str]:
    """Two or more lines per item: its number and title, then one line per finding that applies."""
    lines: list[str] = []
    for item, findings in explained:
        shown = [f for f in findings if f.agencies]
        if not shown and item.kind.value != "task":
            continue
        lines.append(ITEM.format(kind=KIND_WORDS[item.kind.value], number=item.number, title=item.title[:30]))
        lines.extend("  " + finding_line(f) for f in shown)
        if not shown:
            lines.append("  " + NO_AGENCY)
    return lines


def finding_line(finding: Finding) -> str:
    """句末括号「市人社局牵头,市财政局配合」→ 市人社局（牵头）、市财政局（配合）"""
    label = FINDER_LABELS.get(finding.finder, finding.finder)
    names = "、".join(f"{a.name}（{ROLE_LABELS[a.role]}）" for a in finding.agencies)
    phrase = finding.phrase.replace("\n", " ")
    if len(phrase) > PHRASE_CHARS:
        phrase = phrase[:PHRASE_CHARS] + "…"
    return f"{label}「{phrase}」→ {names}"
