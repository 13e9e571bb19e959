"""Rules a notice states once about its attributions, not names: (第一责任单位为牵头单位,下同),
(…省发改委负责。责任单位两个以上的,列第一者为牵头单位,下同), (明确牵头部门的,有关部门配合,不逐一列出).

`strip_rules` takes such sentences out of an attribution phrase before its names are read;
`lead_rule` says whether an item's text states that the first unit listed leads (and from how many
units on, and whether it holds for the items after it); `apply` gives a finding that rule's roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from plantrack.extract.findings import Finding
from plantrack.extract.orgnames import level_prefix, split_top
from plantrack.lang import roles as R
from plantrack.lang.tables import NOTE_STARTS
from plantrack.models import Role

_FIRST = re.compile(R.FIRST_LEAD_RULE)
_CONDITION = re.compile(r"^[^,;:()]{2," + str(R.MAX_RULE_CONDITION) + r"}的$")
_BRACKET = re.compile(r"[(]([^()]*)[)]")
_CUE_WORDS = re.compile("|".join(sorted(R.ROLE_CUES, key=len, reverse=True)))
_OTHERS = re.compile(R.RULE_OTHERS + "(" + "|".join(sorted(R.SHORT_LABELS, key=len, reverse=True)) + ")")


@dataclass(frozen=True)
class LeadRule:
    several: int  # the rule holds for a list of at least this many units
    carries: bool  # it holds for the items after the one stating it (下同)
    others: Role | None = None  # the role of the units after the first (其他为配合单位), if it says


def _is_rule_clause(clause: str) -> bool:
    return bool(_FIRST.search(clause) or _CONDITION.match(clause))


def strip_rules(phrase: str) -> str:
    """The phrase without its rule sentences: a bracket holding one, or a sentence (or the clauses
    of a sentence) from a rule's first clause on."""
    phrase = _BRACKET.sub(lambda m: "" if _is_rule_sentence(m[1]) else m[0], phrase)
    kept: list[str] = []
    for sentence in phrase.split("。"):
        clauses = split_top(sentence, ",;")
        cut = next((k for k, c in enumerate(clauses) if _is_rule_clause(c)), None)
        if cut is None:
            kept.append(sentence)
        elif cut:
            kept.append(",".join(clauses[:cut]))
    return "。".join(s for s in kept if s.strip())


def _is_rule_sentence(text: str) -> bool:
    clauses = split_top(text, ",;")
    return bool(clauses) and _is_rule_clause(clauses[0])


def lead_rule(text: str, carries: bool = False) -> LeadRule | None:
    """The first-listed-leads rule stated in the text, if it states one (`carries`: whatever it says,
    it holds for the items after it, as a rule in the preamble does)."""
    m = _FIRST.search(text)
    if m is None:
        return None
    start = max(text.rfind("。", 0, m.start()), text.rfind("(", 0, m.start())) + 1
    end = min((k for k in (text.find(c, m.end()) for c in "。)\n") if k >= 0), default=len(text))
    sentence = text[start:end]
    several = 2 if any(w in sentence for w in R.SEVERAL_UNITS) else 1
    others = _OTHERS.search(sentence, m.end() - start)
    return LeadRule(
        several,
        carries or any(w in sentence for w in R.RULE_CARRIES),
        Role(R.SHORT_LABELS[others[1]]) if others else None,
    )


def rule_notes(lines: list[str]) -> list[str]:
    """The note lines stating the rule (注:责任单位中排在第一位的为牵头单位), wherever they stand: a
    note under a table speaks of all its rows, the ones above it too."""
    return [ln for ln in lines if ln.lstrip("(").startswith(NOTE_STARTS) and _FIRST.search(ln)]


def _own_clauses(phrase: str, first: str, second: str) -> bool:
    """市财政局负责落实担保费补贴,市国资委负责督促…: two units each named in a clause with its own
    role verb are no list, and the rule's 列第一位的 picks none of them."""
    clauses = [c for c in re.split(r"[。;,]", phrase) if c]

    def clause_of(name: str) -> int | None:
        prefix = level_prefix(name) or ""
        bare = name.removeprefix(prefix)
        return next((k for k, c in enumerate(clauses) if name in c or (bare and bare in c)), None)

    one, two = clause_of(first), clause_of(second)
    return (
        one is not None
        and two is not None
        and one != two
        and all(_CUE_WORDS.search(clauses[k]) for k in (one, two))
    )


def apply(finding: Finding, rule: LeadRule, apart: bool = False) -> Finding:
    """A finding naming no lead, with enough responsible units listed together: the first of them
    leads. ``apart``: the item names its units in several attributions (two brackets), so none is
    first of the item's list unless its own attribution lists two or more."""
    if any(a.role == Role.lead for a in finding.agencies):
        return finding
    responsible = [k for k, a in enumerate(finding.agencies) if a.role == Role.responsible]
    if len(responsible) < (max(rule.several, 2) if apart else rule.several):
        return finding
    names = [finding.agencies[k].name for k in responsible[:2]]
    if len(names) == 2 and _own_clauses(finding.phrase, *names):
        return finding
    first, *rest = responsible
    agencies = list(finding.agencies)
    agencies[first] = agencies[first].model_copy(update={"role": Role.lead})
    for k in rest if rule.others else ():
        agencies[k] = agencies[k].model_copy(update={"role": rule.others})
    return replace(finding, agencies=tuple(agencies))
