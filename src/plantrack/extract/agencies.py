"""Agencies and their roles: from trailing brackets, labelled lines, 由X负责 and opening agencies.

Two steps: find the phrase that names the agencies (kept as printed for the reviewer), then parse
it into (name, role) pairs — clauses with role cues, 会同 host and partners, elided level prefixes
restored, shared suffixes distributed, trailing 等 dropped.
"""

from __future__ import annotations

import re

from plantrack.extract.findings import Finding
from plantrack.extract.orgnames import (
    is_each_collective,
    looks_like_org,
    restore_prefix,
    split_names,
    split_top,
)
from plantrack.lang import roles as R
from plantrack.lang.org_names import ORGAN_SUFFIXES as O_ORGAN_SUFFIXES
from plantrack.lang.org_names import PLACE_MARKS, SERVICE_POINT_ENDINGS
from plantrack.lang.org_names import VILLAGE_SUFFIX as O_VILLAGE_SUFFIX
from plantrack.models import Agency, Role

_OPEN = "([【〔"
_CLOSE = ")]】〕"
_ANGLES_AS_PARENS = str.maketrans("〈〉", "()")  # a gloss some pages bracket so: 〈含开发区〉
_BRACKET_CHARS = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")  # scans visit only the brackets
# 责任单位: / 责任科室(单位): — a label, a short gloss in brackets perhaps, a colon
_GLOSS = r"(?:\([^()]{1,6}\))?(?:(?:及|和|与|/)(?:" + "|".join(R.LABEL_PERSON_TAILS) + "))?"
_ANY_ROLE_LABELS = {**R.SHORT_LABELS, **R.ROLE_LABELS}  # 牵头:市民政局 as well as 牵头单位:市民政局
_LABEL = re.compile(
    "("
    + "|".join(sorted([*_ANY_ROLE_LABELS, *R.OTHER_LABELS], key=len, reverse=True))
    + ")"
    + _GLOSS
    + r"\s*[:]\s*"
)
_CUE = re.compile("(?:" + "|".join(sorted(R.ROLE_CUES, key=len, reverse=True)) + r")(?:工作)?$")
_BY_VERB = "(" + "|".join(R.BY_VERBS) + ")"  # longest first, as the table lists them
_BY_ROLES = {**R.BY_VERBS, **R.BY_ONLY_VERBS}
_BY = re.compile(
    r"由([^,。;:()《》“”]{2,60}?(?:"
    + "|".join(R.AGENCY_ENDINGS)
    + "))("
    + "|".join(_BY_ROLES)
    + ")(?:"
    + "|".join(R.BY_VERB_TAILS)
    + ")?"
)
_NOT_A_NAME = re.compile(R.NOT_A_NAME)
_BY_TOGETHER = re.compile(
    r"由([^,。;:()《》“”]{2,40}?)(?:" + "|".join(R.TOGETHER_WORDS) + r")([^,。;:()《》“”]{2,60}?)"
    r"(?:等(?:有关)?(?:部门|单位))?(?:" + "|".join(R.TOGETHER_VERBS) + ")"
)
_CUES = "|".join(sorted(R.ROLE_CUES, key=len, reverse=True))
_AFTER_BY = re.compile(  # a name may keep a short gloss in brackets (各村(社区)配合, 各村(居)委会配合)
    r"[,;、]((?:[^,。;:()《》“”]|\([^,。;:()]{1,8}\)){2,60}?)(?:等)?(?:"
    + "|".join(R.ROLE_QUALIFIERS)
    + ")?("
    + _CUES
    + ")"
)
_SORTED_ENDINGS = sorted(R.AGENCY_ENDINGS, key=len, reverse=True)
_NAME = r"[^,。;:()《》“”、]{2,20}?(?:" + "|".join(_SORTED_ENDINGS) + ")"
_TOGETHER_AFTER = re.compile(
    r"[,;]\s*(?:" + "|".join(R.TOGETHER_WORDS) + f")((?:{_NAME}、)*{_NAME})(?:等(?:有关|相关)?(?:部门|单位))?"
)
# The same, the last name running on to the verb (会同市防汛抗旱指挥部各成员单位组织实施), tried first.
_TO_VERB = (
    "(?=等|"
    + "|".join(sorted({*R.HELPED_VERBS, *R.TOGETHER_VERBS, *R.PARTNER_VERBS}, key=len, reverse=True))
    + "|[,;。]|$)"
)
_TOGETHER_TO_VERB = re.compile(_TOGETHER_AFTER.pattern + _TO_VERB)
_GLUED_CUE = re.compile("(?:" + "|".join(R.AGENCY_ENDINGS) + ")(" + _CUES + ")(?=.)")
_QUALIFIER = re.compile("(?:" + "|".join(R.ROLE_QUALIFIERS) + ")$")
_BRACKETED_LABEL = re.compile(
    "[【\\[](" + "|".join(sorted([*R.ROLE_LABELS, *R.OTHER_LABELS], key=len, reverse=True)) + ")[】\\]]:?"
)
_IS_LABEL = re.compile(
    "(?<=.)(?:"
    + "|".join(R.IS_LABEL_WORDS)
    + ")("
    + "|".join(sorted(R.ROLE_LABELS, key=len, reverse=True))
    + ")$"
)
_NOT_BARE_NAMES = re.compile(r"[\d:“”《》\"]|简称|含|包括|即|指|详见|参照|根据|" + R.NOT_A_NAME)
_CUE_WORDS_RE = re.compile("|".join(sorted({*R.ROLE_CUES, *R.ROLE_LABELS}, key=len, reverse=True)))


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of top-level bracket groups, nesting respected: 各县(市、区)人民政府 stays inside."""
    groups: list[tuple[int, int]] = []
    depth, start = 0, 0
    for m in _BRACKET_CHARS.finditer(text):
        i = m.start()
        if m[0] in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    return groups


def open_tail(text: str) -> int | None:
    """Where a bracket opens that the text never closes (a page cut off mid-item), if one does."""
    stack: list[int] = []
    for m in _BRACKET_CHARS.finditer(text):
        if m[0] in _OPEN:
            stack.append(m.start())
        elif stack:
            stack.pop()
    return stack[0] if stack else None


def is_attribution_sentence(line: str) -> bool:
    """省财政厅牵头,各地、各部门配合。 — a line that only assigns agencies, every clause ending in a cue."""
    if len(line) > MAX_CLAUSE * 4 or not has_role_words(line):
        return False
    clauses = split_top(line.strip().rstrip("。"), ",;")
    return bool(clauses) and all(
        (m := _CUE.search(c)) is not None
        and 2 <= m.start() <= MAX_CLAUSE
        and not _NOT_A_NAME.search(c[: m.start()])
        for c in clauses
    )


MAX_CLAUSE = 40  # characters of agency names before a cue in one clause


def has_role_words(text: str) -> bool:
    return _CUE_WORDS_RE.search(text) is not None


def by_together(text: str) -> Finding | None:
    """由发展改革委会同中央农办、农业部等部门研究提出落实意见: the host leads, the partners support."""
    together = _BY_TOGETHER.search(text)
    if together is None:
        return None
    lead = [Agency(name=n, role=Role.lead) for n in split_names(together[1])]
    helpers = split_names(together[1] + "、" + together[2])[len(lead) :]
    found = lead + [Agency(name=n, role=Role.support) for n in helpers]
    return Finding("by_together", together.group(0), tuple(found), understood=bool(found))


def by_verb(text: str) -> Finding | None:
    """由省经贸委负责,省农业厅、环保局配合: the verb's role, then the partners after a comma."""
    m = _BY.search(text)
    if m is None:
        return None
    role = Role(_BY_ROLES[m[2]])
    found = [Agency(name=n, role=role) for n in split_names(m[1])]
    phrase = m.group(0)
    more, tail = _partners(text, m.end(), m[1])
    return Finding("by_verb", phrase + tail, tuple(found + more), understood=bool(found))


def _partners(text: str, pos: int, first: str) -> tuple[list[Agency], str]:
    """,市财政局、市税务局配合,各乡镇落实 after a lead: each clause of names and its cue (the first
    name's level prefix carries), and the text they took."""
    found: list[Agency] = []
    start = pos
    while (m := _after(text, pos)) is not None:
        names = split_names(first + "、" + _named_by(m[1]))[len(split_names(first)) :]
        found += [Agency(name=n, role=_partner_role(m[2])) for n in names]
        pos = m.end()
    # 由X牵头,会同Y、Z等部门推进…: the partners support
    together = _TOGETHER_TO_VERB.match(text, pos) or _TOGETHER_AFTER.match(text, pos)
    if together is not None:
        names = split_names(first + "、" + together[1])[len(split_names(first)) :]
        found += [Agency(name=n, role=Role.support) for n in names]
        pos = together.end()
    return found, text[start:pos]


def attribution_phrases(text: str) -> list[str]:
    """Bracket groups with role words that end a sentence or paragraph, and labelled lines."""
    return [*bracket_phrases(text), *label_phrases(text)]


def plain_labels(text: str) -> str:
    """【牵头单位】市商务局【配合单位】市财政局 → 牵头单位:市商务局;配合单位:市财政局."""
    if "】" not in text and "]" not in text:
        return text
    return _BRACKETED_LABEL.sub(
        lambda m: (";" if m.start() and text[m.start() - 1] not in "。\n" else "") + m[1] + ":", text
    )


def has_bracketed_label(text: str) -> bool:
    """【牵头单位】区文明办 【完成时限】长期坚持: the text holds a field label in its own bracket."""
    return _BRACKETED_LABEL.search(text) is not None


def bracket_phrases(text: str) -> list[str]:
    """(市人社局牵头,市财政局配合) at a sentence or paragraph end; an unclosed one at a page's end."""
    text = plain_labels(text)
    out: list[str] = []
    closing = len(text.rstrip(" 。"))  # from here on the text holds only spaces and full stops
    for start, end in bracket_groups(text):
        inner = text[start + 1 : end - 1]
        after = text[end : end + 1]
        at_end = after in ("", "\n", "。", ";", " ") or end >= len(text) - 1
        # …(市发改委负责),完善… / 燃气管道85公里(市住房城乡建设局牵头)、供水管道60公里(市水务局牵头)
        # (…等负责。列第一位的为牵头部门,…,下同),建设…: a clause of it ending in a role cue is enough
        at_end = at_end or (after in (",", "、") and looks_like_attribution(inner))
        # (责任单位:市市场监管局)培育省级…(责任单位:市工业和信息化局): a bracket opening with a role label
        # attributes the sentences before it wherever it stands
        at_end = at_end or _LABEL.match(inner.strip()) is not None
        attribution = at_end and has_role_words(inner) and looks_like_attribution(inner)
        last = end >= closing  # …。(市教育局、市人社局): names alone close the item
        if attribution or (last and only_names(inner)):
            out.append(inner.strip())
    tail = open_tail(text)
    if tail is not None:
        cut = _drop_cut_name(text[tail + 1 :].strip())
        if has_role_words(cut) and looks_like_attribution(cut):
            out.append(cut)
    return out


def only_names(inner: str) -> bool:
    """市教育局、市人社局 / 各县(市、区)人民政府: a bracket holding agency names and nothing else."""
    if _NOT_BARE_NAMES.search(inner):
        return False
    names = [n.removesuffix("等") for n in split_top(inner, "、,;")]
    return bool(names) and all(2 < len(n) <= MAX_CLAUSE and n.endswith(R.AGENCY_ENDINGS) for n in names)


def label_phrases(text: str) -> list[str]:
    """牵头单位:市商务局 written in the running text, outside brackets."""
    text = plain_labels(text)
    out: list[str] = []
    for line in map(_unglue_fields, text.split("\n")):
        m = _INLINE_LABEL.search(line)
        if m and m[1] in _ANY_ROLE_LABELS and not _inside_brackets(line, m.start(1)):
            out.append(line[m.start(1) :].strip().rstrip("。"))
    return out


def _unglue_fields(line: str) -> str:
    """牵头领导:王强副局长责任部门:建管科: a field glued to the value of the field before it (a page that
    lost its cell breaks) starts after a semicolon."""
    if ":" not in line:
        return line
    first = _FIELD.search(line)
    if first is None:
        return line
    head, tail = line[: first.end()], line[first.end() :]
    return head + _GLUED_FIELD.sub(lambda m: ";" + m[0], tail)


_FIELD_NAMES = "|".join(sorted([*_ANY_ROLE_LABELS, *R.OTHER_LABELS], key=len, reverse=True))
_FIELD = re.compile(f"(?:{_FIELD_NAMES}){_GLOSS}\\s*:")
_GLUED_FIELD = re.compile(f"(?<=[^。;,\\s:])(?:{_FIELD_NAMES}){_GLOSS}\\s*:")


_INLINE_LABEL = re.compile(
    r"(?:^|(?<=[。;,\s]))("
    + "|".join(sorted(_ANY_ROLE_LABELS, key=len, reverse=True))
    + ")"
    + _GLOSS
    + r"\s*[:]"
)


def _drop_cut_name(fragment: str) -> str:
    """(牵头单位:市商务局;责任单位:市发 — the page ends inside a name: keep only the whole names; and
    (…、省统计局等按职责分 — it ends inside the cue after the list: the list is whole."""
    last = re.split(r"[、,;:]", fragment)[-1]
    if last and not last.endswith(R.AGENCY_ENDINGS) and not _CUE.search(last):
        whole = last.partition("等")[0]
        keep = whole if whole != last and whole.endswith(R.AGENCY_ENDINGS) else ""
        fragment = (fragment[: len(fragment) - len(last)] + keep).rstrip("、,;")
    return fragment


def _inside_brackets(text: str, pos: int) -> bool:
    tail = open_tail(text)
    return (tail is not None and pos > tail) or any(start < pos < end for start, end in bracket_groups(text))


def looks_like_attribution(inner: str) -> bool:
    """Role words at a clause end or a label: not (含技工学校) or (按规定负责的…)."""
    if _LABEL.search(inner):
        return True
    return any(_CUE.search(clause) or _IS_LABEL.search(clause) for clause in split_top(inner, ",;"))


def parse_phrase(phrase: str) -> list[Agency]:
    found = _parse_labelled(phrase) if _LABEL.search(phrase) else _parse_clauses(phrase)
    kept = [
        _inline_lead(a)
        for a in found
        if not _NOT_A_NAME.search(a.name) and not a.name.startswith(R.SELF_REFERENCES)
    ]
    kept = [Agency(name=_without_person(_balanced(a.name)), role=a.role) for a in kept]
    kept = [a for a in kept if looks_like_org(a.name)]
    names = restore_prefix([a.name for a in kept])  # 市住建局牵头,城乡建设局配合: one level for the phrase
    return _one_role_each([Agency(name=n, role=a.role) for n, a in zip(names, kept, strict=True)])


_PERSON_GLOSS = re.compile(r"\(([\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*)\)$")


def _balanced(name: str) -> str:
    """各区县政府) — a bracket closed after the name, opened before the list: not part of it; and
    各区人民政府〈含开发区 — a gloss the page cut off before its bracket closed: not either."""
    while name[-1:] in _CLOSE and sum(map(name.count, _CLOSE)) > sum(map(name.count, _OPEN)):
        name = name[:-1]
    cut = open_tail(name.translate(_ANGLES_AS_PARENS))
    return name[:cut].rstrip() if cut else name


def _without_person(name: str) -> str:
    """区委宣传部(张三): a person written after the unit (责任单位及责任人) is no part of its name."""
    m = _PERSON_GLOSS.search(name)
    if m is None or name[: m.start()] == "" or m[1].endswith((*R.AGENCY_ENDINGS, *PLACE_MARKS)):
        return name
    return name[: m.start()]


def _one_role_each(agencies: list[Agency]) -> list[Agency]:
    """(市发改委、市工信局负责,市发改委为牵头单位): a name given twice in one phrase has one role, the
    lead if it is given the lead, in the place it is first named."""
    leads = {a.name for a in agencies if a.role == Role.lead}
    out: dict[str, Agency] = {}
    for a in agencies:
        if a.name not in out:
            out[a.name] = Agency(name=a.name, role=Role.lead) if a.name in leads else a
    return list(out.values())


def _inline_lead(agency: Agency) -> Agency:
    """市发改委(牵头)、市财政局(配合) in a list: the mark after a name gives its role."""
    for mark, role in R.INLINE_ROLE_MARKS.items():
        if agency.name.endswith(mark):
            return Agency(name=agency.name.removesuffix(mark), role=Role(role))
    return agency


def _parse_labelled(phrase: str) -> list[Agency]:
    out: list[Agency] = []
    marks = list(_LABEL.finditer(phrase))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(phrase)
        role_key = _ANY_ROLE_LABELS.get(m[1])
        if role_key is None:
            continue
        value = _first_sentence(phrase[m.end() : end]).strip(" ,;。.")
        if any(_CUE.search(clause) for clause in split_top(value, ",;")):
            # 部门分工:省发改委牵头,各地配合 — the verbs say more than the label; names before the
            # first verb keep the label's role (责任单位:市发改委,市财政局配合)
            out.extend(_parse_clauses(value, Role(role_key)))
            continue
        host, partners = _split_together(value)
        if host and partners:  # 责任单位:镇应急管理办会同镇林业站: the host leads, its partners support
            out.extend(Agency(name=n, role=Role.lead) for n in split_names(host))
            out.extend(Agency(name=n, role=Role.support) for n in split_names(partners))
        else:
            out.extend(Agency(name=n, role=Role(role_key)) for n in split_names(value))
    return out


def _first_sentence(value: str) -> str:
    """配合:市税务局、市人社局。时限:2017年9月30日前 — a label's names end with their sentence; what
    follows (a 时限 field, the next sentence) names no agency of that label."""
    head, _, _rest = value.partition("。")
    return head


def _after(text: str, pos: int) -> re.Match[str] | None:
    """,市财政局、市税务局配合 right after a lead: partners, when what precedes the cue are names."""
    m = _AFTER_BY.match(text, pos)
    if m is None:
        return None
    names = _named_by(m[1].strip())
    if names.startswith(R.TOGETHER_WORDS):  # ,会同区发改局、区财政局组织实施: _TOGETHER_AFTER reads it
        return None
    return m if _partner_named(names) else None


def _partner_named(names: str) -> bool:
    """城管中队、各社区 / 政务服务窗口 / 各村(社区): the last name of a partners' clause is a name by
    its ending, a collective of units (各社区, 相关社区), or a service point (its cue follows it)."""
    last = split_top(names, "、")[-1] if names else ""
    return (
        last.endswith((*R.AGENCY_ENDINGS, *SERVICE_POINT_ENDINGS))
        or (last.startswith("各") and last.endswith(")"))
        or is_each_collective(last)
    )


_BY_WORD = re.compile("(?<!自)由")  # 自由贸易试验区 holds no 由 of a clause


def _named_by(names: str) -> str:
    """涉及投资项目审批的由省发展改革委 → 省发展改革委: the condition before 由 names the work."""
    return _BY_WORD.split(names)[-1]


def _partner_role(cue: str) -> Role:
    """Partners after a lead: 配合 → support; 负责/落实 → responsible; a second 牵头 is a lead."""
    return Role(R.ROLE_CUES[cue])


def _unglue(clause: str) -> list[str]:
    """市人社局牵头市财政局配合: a cue right after a name, with more names and a cue after it, splits."""
    for m in _GLUED_CUE.finditer(clause):
        rest = clause[m.end() :]
        if _CUE.search(rest) and len(rest) > 2 and not _CUE.match(rest):
            return [clause[: m.end()], *_unglue(rest)]
    return [clause]


def _parse_clauses(phrase: str, labelled: Role | None = None) -> list[Agency]:
    out: list[Agency] = []
    pending: list[str] = []
    for clause in (c for part in split_top(phrase, ",;") for c in _unglue(part)):
        named = _IS_LABEL.search(clause)
        if named:  # 市发改委为牵头单位
            out.extend(
                Agency(name=n, role=Role(R.ROLE_LABELS[named[1]]))
                for n in split_names(clause[: named.start()])
            )
            continue
        m = _CUE.search(clause)
        actor = None if m else _actor_clause(clause)
        if actor:
            out.extend(actor)
            continue
        if not m and clause.startswith(R.TOGETHER_WORDS):
            # (资源配置处,会同省税务局、省统计局): the names before host the work, the partners support
            out.extend(Agency(name=n, role=Role.lead) for n in split_names(",".join(pending)))
            out.extend(
                Agency(name=n, role=Role.support) for n in split_names(_split_together(clause)[1] or "")
            )
            pending = []
            continue
        if not m:
            pending.append(clause)
            continue
        if pending and labelled is not None:
            out.extend(Agency(name=n, role=labelled) for n in split_names(",".join(pending)))
            pending = []
        role = Role(R.ROLE_CUES[m.group(0).removesuffix("工作")])
        body = clause[: m.start()].strip()
        body = _QUALIFIER.sub("", body)
        host, partners = _split_together(body)
        if partners is not None:
            out.extend(Agency(name=n, role=Role.lead) for n in split_names(",".join([*pending, host])))
            out.extend(Agency(name=n, role=Role.support) for n in split_names(partners))
        else:
            out.extend(Agency(name=n, role=role) for n in split_names(",".join([*pending, body])))
        pending = []
    if pending:
        out.extend(Agency(name=n, role=Role.responsible) for n in split_names(",".join(pending)))
    return out


def _split_together(body: str) -> tuple[str, str | None]:
    """市教育局会同市财政局 → the host and its partners; 食品安全协调处 holds 协调 inside its name: a
    host is a whole name (or none: ,会同区发改局、区财政局组织实施 names the partners of the clause before)."""
    for word in R.TOGETHER_WORDS:
        idx = body.find(word)
        if idx == 0 or (idx > 0 and body[:idx].endswith(R.AGENCY_ENDINGS)):
            return body[:idx], body[idx + len(word) :]
    return body, None


_OPENING = re.compile(
    r"^([^,。;:()《》“”]{2,30}?(?:"
    + "|".join(R.AGENCY_ENDINGS)
    + "))(?:"
    + "|".join(R.ROLE_QUALIFIERS)
    + ")?"
    + _BY_VERB
)


def opening_agency(text: str) -> Finding | None:
    """公安部门负责会同民政部门… : an item that opens with its agency (first sentence after the title)."""
    sentences = [s for s in re.split(r"[。\n]", text) if s.strip()]
    for sentence in sentences[:2]:
        m = _OPENING.match(sentence.strip())
        if not m or not _actors_named(m[1]):
            continue
        role = Role(R.BY_VERBS[m[2]])
        found = [Agency(name=n, role=role) for n in split_names(m[1])]
        rest = sentence.strip()[m.end() :]
        partners = re.match(
            "^(?:" + "|".join(R.TOGETHER_WORDS) + r")([^,。;]{2,60}?(?:" + "|".join(R.AGENCY_ENDINGS) + "))",
            rest,
        )
        phrase = m.group(0)
        if partners:
            name = _extend_name(rest, partners.start(1), partners.end(1))
            found = [Agency(name=a.name, role=Role.lead) for a in found]
            found += [Agency(name=n, role=Role.support) for n in split_names(name)]
            phrase += rest[: partners.start(1)] + name
        if not partners:  # 县应急管理局牵头,县消防救援大队配合
            more, tail = _partners(rest, 0, m[1])
            found += more
            phrase += tail
        return Finding("opening", phrase, tuple(found), understood=bool(found))
    return None


_ACTOR_CLAUSE = re.compile(
    r"^([^,。;:()《》“”]{2,30}?(?:" + "|".join(R.AGENCY_ENDINGS) + "))" + _BY_VERB + "$"
)


_NAME_AT_START = r"^([^,。;:()《》“”]{2,30}?(?:" + "|".join(R.AGENCY_ENDINGS) + "))"
_MODALS = "(?:" + "|".join(R.MODAL_VERBS) + ")"
_MODAL_OPENING = re.compile(_NAME_AT_START + _MODALS)
_HELPER_CLAUSE = re.compile(_NAME_AT_START + _MODALS + "?(?:积极)?(?:" + "|".join(R.HELPED_BY) + "|参与)")


def _modal_actor(name: str) -> bool:
    return not (
        _NOT_A_NAME.search(name)
        or name.startswith(R.COLLECTIVE_STARTS)
        or name.endswith(R.MODAL_NOT_OFFICES)
        or "或" in name
    )


def modal_opening(text: str) -> Finding | None:
    """组织人事局要制定考核办法,财政局要配合落实经费 / 企业服务中心要…。规划建设局配合。: an item whose
    sentence opens with its agency and 要/应/须; the partners of clauses opening with their names and
    配合 support, and make the opener the lead (alone, it is responsible)."""
    for sentence in [s.strip() for s in re.split(r"[。\n]", text) if s.strip()][:2]:
        m = _MODAL_OPENING.match(sentence)
        if m is None or not _modal_actor(m[1]):
            continue
        actors = split_names(m[1])
        if not actors:
            continue
        partners: list[str] = []
        rest = text[text.find(sentence) + m.end() :]
        together = re.match(
            "^(?:" + "|".join(R.TOGETHER_WORDS) + r")([^,。;]{2,60}?(?:" + "|".join(R.AGENCY_ENDINGS) + "))",
            rest,
        )
        if together is not None:
            partners += split_names(_extend_name(rest, together.start(1), together.end(1)))
        for clause in re.split(r"[,;。\n]", rest):
            helper = _HELPER_CLAUSE.match(clause.strip())
            if helper is not None and not _NOT_A_NAME.search(helper[1]):
                partners += split_names(helper[1])
        role = Role.lead if partners else Role.responsible
        found = [Agency(name=n, role=role) for n in actors]
        found += [Agency(name=n, role=Role.support) for n in partners if n not in actors]
        return Finding("modal", m.group(0), tuple(dedupe(found)))
    return None


def attribution_sentences(text: str) -> Finding | None:
    """推行承诺制。市政务服务局、市发改委负责。: the item's sentences that only assign agencies, all of them."""
    sentences = [s.strip() for s in re.split(r"[。\n]", text) if s.strip()]
    found = [s for s in sentences[1:] if is_attribution_sentence(s)]
    agencies = dedupe([a for s in found for a in parse_phrase(s)])
    if not agencies:
        return None
    return Finding("attribution_sentence", "。".join(found), tuple(agencies))


def clause_actor(text: str) -> Finding | None:
    """推进改革,市国资委牵头,市财政局、市发改委配合。: a clause of a sentence that is only names and
    their verb, after the work it names, then its partners."""
    for sentence in [s for s in re.split(r"[。\n]", text) if s.strip()][:3]:
        pos = 0
        for k, clause in enumerate(sentence.split(",")):
            start, pos = pos, pos + len(clause) + 1
            m = _ACTOR_CLAUSE.match(clause.strip())
            if k == 0 or m is None or _NOT_A_NAME.search(m[1]):
                continue
            found = [Agency(name=n, role=Role(R.BY_VERBS[m[2]])) for n in split_names(m[1])]
            if not found:
                continue
            more, tail = _partners(sentence, start + len(clause), m[1])
            return Finding("clause", clause.strip() + tail, tuple(found + more))
    return None


# 各县(区)人民政府、市教育局: names that may hold a short gloss in brackets, up to an agency ending
_GLOSSED = r"\([^()]{1,8}\)"
_ENDING = "(?:" + "|".join(_SORTED_ENDINGS) + ")"
# a village (沙坝村) ends an actor's name too; is_village in _actors_named says which 村 is one
_ACTOR_ENDING = "(?:" + "|".join([*_SORTED_ENDINGS, O_VILLAGE_SUFFIX]) + ")"
_ACTOR_NAMES = (
    rf"([^,。;:《》“”()](?:[^,。;:《》“”()]|{_GLOSSED}){{0,80}}?{_ACTOR_ENDING}(?:\([^()]{{4,12}}\))?)"
)
_ACTOR = re.compile(  # a page may set the names off by spaces (各相关村 分别负责 本村…)
    "^"
    + _ACTOR_NAMES
    + " ?(?:"
    + "|".join(R.MODAL_VERBS)
    + ")?(?:"
    + "|".join(sorted(R.ACTOR_QUALIFIERS, key=len, reverse=True))
    + "){0,2} ?("
    + "|".join(R.ACTOR_VERBS)
    + ")(?!"
    + "|".join(R.NOT_AFTER_ACTOR_VERB)
    + ")"
)
_ONE_NAME = rf"(?:[^,。;:《》“”()、]|{_GLOSSED}){{2,30}}?{_ENDING}"
_PARTNER_LIST = f"((?:{_ONE_NAME}[、和及与])*{_ONE_NAME})"
_ACTOR_PARTNERS_TO_VERB = re.compile(_PARTNER_LIST + _TO_VERB)
_ACTOR_PARTNERS = re.compile(_PARTNER_LIST)


def _partner_list(text: str, pos: int) -> re.Match[str] | None:
    """The partners named at pos (after 会同), the last name running on to the verb where it can."""
    return _ACTOR_PARTNERS_TO_VERB.match(text, pos) or _ACTOR_PARTNERS.match(text, pos)


_SUBJECT_OPENING = re.compile(
    "^"
    + _ACTOR_NAMES
    + "(?:(?:"
    + "|".join(R.SUBJECT_DATE_MARKS)
    + rf")[^,。;:]{{2,{R.SUBJECT_DATE_MAX}}}?(?:前|底|末))?(?:"
    + "|".join(R.MODAL_VERBS)
    + ")?(?:"
    + "|".join(R.SUBJECT_VERBS)
    + ")"
)


_ASSISTED_BY = re.compile(r"在([^,;。:在]{2,40}?)的(?:" + "|".join(R.ASSISTED_BY_WORDS) + ")下")


def assisted_by(text: str) -> list[Agency]:
    """…,并在村级经济普查小组的协助下划分普查小区: the helpers a 在…的协助下 phrase names, as support."""
    return [
        Agency(name=n, role=Role.support)
        for m in _ASSISTED_BY.finditer(_without_brackets(text))
        if _actors_named(m[1])
        for n in split_names(m[1])
    ]


def subject_opening(text: str) -> Finding | None:
    """…。各街道办事处完成小区基础信息调查 / 各县(市、区)农业农村局于4月底前完成规划修编: an item whose
    headline or next sentence opens with its agencies as the subject of a work verb, no role word."""
    for sentence in [s.strip() for s in re.split(r"[。\n]", _without_brackets(text)) if s.strip()][:2]:
        m = _SUBJECT_OPENING.match(sentence)
        if m is None:
            continue
        names = _alias_dropped(m[1])
        if any(w in names for w in (*R.ACTOR_VERBS, *R.TOGETHER_WORDS, *R.SUBJECT_NOT_IN_NAMES)):
            continue  # 市住建局会同市城管局完成…: another finder's sentence; 各有关部门: nobody in particular
        if not _actors_named(names):
            continue
        return Finding(
            "subject", m[0], tuple(Agency(name=n, role=Role.responsible) for n in split_names(names))
        )
    return None


def actor_sentences(text: str) -> Finding | None:
    """…。市住建局会同市市场监管局、市商务局对全市餐饮场所进行排查…。县教育局负责督促…,县城管局、县公安局
    配合开展联合执法。: every clause of the item that opens with its agencies and a role verb."""
    found: list[Agency] = []
    phrases: list[str] = []
    for sentence in (s.strip() for s in re.split(r"[。;\n]", _without_brackets(text))):
        agencies, said = _sentence_actors(sentence, named_before=bool(found))
        found += agencies
        phrases += said
    if not found:
        return None
    return Finding("actor_sentence", "。".join(phrases), tuple(_one_role_each(dedupe(found))))


def _sentence_actors(sentence: str, named_before: bool) -> tuple[list[Agency], list[str]]:
    """The agencies of one sentence's clauses, and the clauses that name them: a clause opening with
    agencies and a role verb; after it, a clause of names and a cue (,各乡(镇)具体实施) and the
    partners after 会同, a bare name taking the level prefix of the names before (县农业农村局负责…,
    环卫所配合 → 县环卫所); and 会同Y in a sentence of the notice's own office, named by nobody
    (改造农村公路58公里,会同县交通运输局实施) when the item names no agency before."""
    found: list[Agency] = []
    phrases: list[str] = []
    for k, clause in enumerate(c.strip() for c in split_top(sentence, ",")):
        if clause.startswith(R.TOGETHER_WORDS):
            partners = _together_partners(clause, strict=not found)
            if partners is not None and (found or (k and not named_before)):
                found += [Agency(name=n, role=Role.support) for n in split_names(partners[1])]
                phrases.append(clause[: partners.end()])
            continue
        agencies = _actor_clause(clause) or (_cue_clause(clause) if found else [])
        if agencies and found:
            before = [a.name for a in found]
            full = restore_prefix([*before, *(a.name for a in agencies)])[len(before) :]
            agencies = [Agency(name=n, role=a.role) for n, a in zip(full, agencies, strict=True)]
        if agencies:
            found += agencies
            phrases.append(clause)
    return found, phrases


def _together_partners(clause: str, strict: bool) -> re.Match[str] | None:
    """会同区发改局、区财政局组织实施 → the partners after the word (strict: running up to their verb)."""
    word = next(w for w in R.TOGETHER_WORDS if clause.startswith(w))
    pos = len(word)
    partners = _ACTOR_PARTNERS_TO_VERB.match(clause, pos) if strict else _partner_list(clause, pos)
    return partners if partners is not None and _actors_named(partners[1]) else None


def _cue_clause(clause: str) -> list[Agency]:
    """各乡(镇)具体实施 / 城管中队、各社区参与 after a clause opening with its agencies: names (a
    collective of units among them) and the role cue that ends the clause."""
    m = _CUE.search(clause)
    if m is None:
        return []
    names = _QUALIFIER.sub("", clause[: m.start()].strip()).strip()
    if not names or not _partner_named(names) or not _actors_named(names):
        return []
    return [Agency(name=n, role=Role(R.ROLE_CUES[m[0].removesuffix("工作")])) for n in split_names(names)]


def _actor_clause(clause: str) -> list[Agency]:
    """市教育局要会同市财政局、市人社局完善… / 局计财股配合做好资金保障: the agencies a clause opens
    with, in the role of the verb after them, and the partners after 会同."""
    m = _ACTOR.match(clause)
    if m is None:
        return []
    names = _alias_dropped(_named_by(m[1]))  # 此项工作由市农业农村局牵头
    if not _actors_named(names):
        return []
    found = [Agency(name=n, role=Role(R.ACTOR_VERBS[m[2]])) for n in split_names(names)]
    if m[2] in R.TOGETHER_WORDS:
        partners = _partner_list(clause, m.end())
        if partners is not None and _actors_named(partners[1]):
            name = _extend_name(clause, partners.start(1), partners.end(1))
            found += [
                Agency(name=n, role=Role.support) for n in split_names(names + "、" + name)[len(found) :]
            ]
    return found


_ALIAS = re.compile(r"\(([^()]{4,12})\)$")


def _alias_dropped(names: str) -> str:
    """县委宣传部(县委网信办): the second name of one office in brackets is no agency of its own."""
    m = _ALIAS.search(names)
    if m is not None and m[1].endswith(O_ORGAN_SUFFIXES):
        return names[: m.start()]
    return names


def actor_brackets(text: str) -> list[Finding]:
    """…优先安置就业困难人员。(市人社局、市民政局分别负责城镇公益性岗位、社区服务类岗位开发): a bracket
    closing a sentence whose clauses open with agencies and a verb, the work named after the verb."""
    out: list[Finding] = []
    taken = set(bracket_phrases(text))
    for start, end in bracket_groups(text):
        inner = text[start + 1 : end - 1].strip()
        if (
            end - start <= _MAX_GLOSS
            or inner in taken
            or text[end : end + 1] not in ("", "\n", "。", ";", " ")
        ):
            continue
        found = actor_sentences(inner)
        if found is not None:
            out.append(Finding("bracket", found.phrase, found.agencies))
    return out


_MAX_GLOSS = 10  # characters of a bracket that glosses a name (各县(市、区)) rather than attributing


def _without_brackets(text: str) -> str:
    """The text with its bracket groups cut out, glosses of names kept (各县(区)人民政府): brackets
    are the bracket finder's to read."""
    cut = [(a, b) for a, b in bracket_groups(text) if b - a > _MAX_GLOSS]
    for a, b in reversed(cut):
        text = text[:a] + "。" + text[b:]
    return text


def _actors_named(names: str) -> bool:
    """Every name of the list is an organisation's, and none is only a generic word (学校负责…)."""
    if _NOT_A_NAME.search(names) or names.startswith(R.VAGUE_STARTS):
        return False
    split = split_names(names)
    return bool(split) and all(
        looks_like_org(n) and n not in R.GENERIC_ACTORS and not n.startswith(R.WORK_VERBS) for n in split
    )


def _extend_name(text: str, start: int, end: int) -> str:
    """A lazy match stops at 民政部; take 民政部门 when a longer ending continues the name."""
    best = end
    for extra in (1, 2):
        candidate = text[start : end + extra]
        if end + extra <= len(text) and any(
            candidate.endswith(e) for e in R.AGENCY_ENDINGS if len(e) > extra
        ):
            best = end + extra
    return text[start:best]


def dedupe(agencies: list[Agency]) -> list[Agency]:
    seen: set[tuple[str, Role]] = set()
    out = []
    for a in agencies:
        if (a.name, a.role) not in seen:
            seen.add((a.name, a.role))
            out.append(a)
    return out
