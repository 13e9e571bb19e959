"""Finders that read one item's own text: each one way a notice attaches agencies to an item.

Each returns findings named after itself; the order they are asked in and how their findings merge
is decided in one place, extract/attribution.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from plantrack.extract.agencies import (
    actor_brackets,
    actor_sentences,
    assisted_by,
    attribution_sentences,
    bracket_phrases,
    by_together,
    by_verb,
    clause_actor,
    dedupe,
    label_phrases,
    looks_like_attribution,
    modal_opening,
    opening_agency,
    parse_phrase,
    subject_opening,
)
from plantrack.extract.findings import Finding, Node
from plantrack.extract.lead_rule import strip_rules
from plantrack.extract.orgnames import split_names
from plantrack.lang import roles as R
from plantrack.models import Agency, Role

_CARRY = re.compile(r"(?:^|[,;。])\s*(?=" + "|".join(R.CARRY_STARTS) + ")|(?=下同$)")
_CUES = "|".join(sorted(R.ROLE_CUES, key=len, reverse=True))
_CARRY_NAMES = re.compile(
    "(?:" + "|".join(R.CARRY_NAME_OPENERS) + r")([^;。]{2,60}?)(?:等)?(?:单位|部门)?(" + _CUES + ")"
)


def split_carry(phrase: str) -> tuple[str, str]:
    """(…配合,下同) → the attribution, and the carry sentence after it ("" when there is none)."""
    m = _CARRY.search(phrase)
    if m is None:
        return phrase, ""
    return phrase[: m.start()].rstrip(" ,;。"), phrase[m.end() :].strip(" ,;。")


def phrase_finding(finder: str, phrase: str) -> Finding:
    main, _carry = split_carry(strip_rules(phrase))
    return _names_finding(finder, main)


def _names_finding(finder: str, main: str) -> Finding:
    """The finding of an attribution phrase whose rules and carry sentence are taken out."""
    found = dedupe(parse_phrase(main))
    return Finding(finder, main, tuple(found), understood=bool(found))


def brackets(node: Node) -> list[Finding]:
    """…。(市发改委负责);…。(市财政局负责落实): every attribution bracket of the item."""
    return [phrase_finding("bracket", p) for p in bracket_phrases(node.text)] + actor_brackets(node.text)


def labels(node: Node) -> list[Finding]:
    """牵头单位:市商务局 inside the item's running text."""
    return [phrase_finding("label", p) for p in label_phrases(node.text)]


def standalone(node: Node) -> list[Finding]:
    """Attribution lines standing alone in the item: a bracket line, a label line, a 牵头,配合 sentence."""
    if not node.standalone or node.from_table:
        return []
    return [_standalone_finding("standalone", ";".join(node.standalone))]


def table_columns(node: Node) -> list[Finding]:
    """A table row's 牵头单位 / 责任单位 / 配合单位 cells (tables.py wrote them as label lines)."""
    if not node.standalone or not node.from_table:
        return []
    return [_standalone_finding("table_column", ";".join(node.standalone))]


def _standalone_finding(finder: str, phrase: str) -> Finding:
    main, _carry = split_carry(strip_rules(phrase))
    if looks_like_attribution(main):
        return _names_finding(finder, main)
    for read in (by_together, by_verb, opening_agency):
        found = read(main)
        if found:
            return Finding(finder, found.phrase, found.agencies, understood=found.understood)
    return Finding(finder, main, (), understood=False)


def sentence(node: Node) -> list[Finding]:
    """由X会同Y…, 由X负责, an item that opens with its agency (县应急管理局牵头,县消防救援大队配合), or
    a clause naming it after the work (推进改革,市国资委牵头,…); sentences that only assign agencies
    (…。市发改委、市财政局负责。) first, every one of them."""
    first = next(
        (
            f
            for read in (by_together, by_verb, opening_agency, modal_opening, clause_actor, subject_opening)
            if (f := read(node.text))
        ),
        None,
    )
    more = attribution_sentences(node.text)
    if first is None or more is None:
        found = [f for f in (first, more) if f]
    else:
        extra = [a for a in more.agencies if a.name not in {b.name for b in first.agencies}]
        found = (
            [Finding(first.finder, first.phrase + "。" + more.phrase, (*first.agencies, *extra))]
            if extra
            else [first]
        )
    if found:  # 在村级经济普查小组的协助下: helpers of the work its sentence gives an agency
        named = {a.name for f in found for a in f.agencies}
        helpers = tuple(a for a in assisted_by(node.text) if a.name not in named)
        if helpers:
            found[0] = replace(found[0], agencies=(*found[0].agencies, *helpers))
    return found


def actors(node: Node) -> list[Finding]:
    """…。市住建局会同市商务局排查…。市公安局、市消防救援支队协同做好查处工作。: sentences that open
    with their agencies and a role verb, every one of them, wherever they stand in the item."""
    found = actor_sentences(node.text)
    return [found] if found else []


def carry_forward(node: Node) -> list[Finding]:
    """以下任务均需各区市政府落实,不再一一列出 / …各县区配合,下同: agencies for the items after this one."""
    out: list[Finding] = []
    phrases = [*bracket_phrases(node.text), *label_phrases(node.text), *node.standalone]
    phrases += [
        s for s in re.split(r"[。\n]", node.text) if s.startswith(R.CARRY_STARTS) and _CARRY_NAMES.search(s)
    ]
    for phrase in phrases:
        main, carry = split_carry(strip_rules(phrase))
        if carry:
            found = carried_agencies(main, carry)
            if found:
                out.append(Finding("carry_forward", carry, tuple(found)))
    return out


def carried_agencies(main: str, carry: str) -> list[Agency]:
    """What a carry sentence carries: the names it gives, the attribution's agencies of the role it
    names, or (下同 alone) the clause just before it."""
    named = _CARRY_NAMES.search(carry)
    if named:
        role = Role(R.ROLE_CUES[named[2]])
        return [Agency(name=n, role=role) for n in split_names(named[1])]
    for word, role_name in R.CARRY_ROLE_WORDS.items():
        if word in carry:
            return [a for a in parse_phrase(main) if a.role == Role(role_name)]
    clauses = [c for c in re.split(r"[,;。]", main) if c.strip()]
    return parse_phrase(clauses[-1]) if clauses else []
