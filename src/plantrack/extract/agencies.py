"""Agencies and their roles: from trailing brackets, labelled lines, 由X负责 and opening agencies.

Two steps: find the phrase that names the agencies (kept as printed for the reviewer), then parse
it into (name, role) pairs — clauses with role cues, 会同 host and partners, elided level prefixes
restored, shared suffixes distributed, trailing 等 dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plantrack.lang import roles as R
from plantrack.models import Agency, Role

_OPEN = "([【〔"
_CLOSE = ")]】〕"
# 责任单位: / 责任科室(单位): — a label, a short gloss in brackets perhaps, a colon
_GLOSS = r"(?:\([^()]{1,6}\))?"
_LABEL = re.compile(
    "("
    + "|".join(sorted([*R.ROLE_LABELS, *R.OTHER_LABELS], key=len, reverse=True))
    + ")"
    + _GLOSS
    + r"\s*[:]\s*"
)
_CUE = re.compile("(?:" + "|".join(sorted(R.ROLE_CUES, key=len, reverse=True)) + r")(?:工作)?$")
_BY_VERB = "(" + "|".join(R.BY_VERBS) + ")"  # longest first, as the table lists them
_BY = re.compile(
    r"由([^,。;:()《》“”]{2,60}?(?:"
    + "|".join(R.AGENCY_ENDINGS)
    + "))"
    + _BY_VERB
    + "(?:"
    + "|".join(R.BY_VERB_TAILS)
    + ")?"
)
_NOT_A_NAME = re.compile(R.NOT_A_NAME)
_BY_TOGETHER = re.compile(
    r"由([^,。;:()《》“”]{2,40}?)(?:" + "|".join(R.TOGETHER_WORDS) + r")([^,。;:()《》“”]{2,60}?)"
    r"(?:等(?:有关)?(?:部门|单位))?(?:" + "|".join(R.TOGETHER_VERBS) + ")"
)
_PLACES_ONE_BODY = re.compile(r"^各[^、,]{1,4}(?:、[^、,]{1,3})+(?:" + "|".join(R.SHARED_SUFFIXES) + ")$")
_SUPPORT_CUES = "|".join(sorted((c for c, r in R.ROLE_CUES.items() if r == "support"), key=len, reverse=True))
_AFTER_BY = re.compile(r"[,;]([^,。;:()《》“”]{2,60}?)(?:等)?(?:" + _SUPPORT_CUES + ")")
_QUALIFIER = re.compile("(?:" + "|".join(R.ROLE_QUALIFIERS) + ")$")
_NOISE = re.compile("^(?:" + "|".join(R.NAME_NOISE_PREFIXES) + ")")
_CUE_WORDS_RE = re.compile("|".join(sorted({*R.ROLE_CUES, *R.ROLE_LABELS}, key=len, reverse=True)))


@dataclass
class AgencyFinding:
    phrase: str  # as printed, for the reviewer
    agencies: list[Agency]
    understood: bool = True


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of top-level bracket groups, nesting respected: 各县(市、区)人民政府 stays inside."""
    groups: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    return groups


def open_tail(text: str) -> int | None:
    """Where a bracket opens that the text never closes (a page cut off mid-item), if one does."""
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            stack.pop()
    return stack[0] if stack else None


def split_top(text: str, seps: str) -> list[str]:
    """Split on any of seps outside brackets."""
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        if ch in seps and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


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


def find_agencies(text: str) -> AgencyFinding | None:
    """The agencies named by one item's text, or None when it names none."""
    phrases = attribution_phrases(text)
    if phrases:
        agencies: list[Agency] = []
        for p in phrases:
            agencies.extend(parse_phrase(p))
        return AgencyFinding("；".join(phrases), _dedupe(agencies), bool(agencies))
    together = _BY_TOGETHER.search(text)
    if together:  # 由发展改革委会同中央农办、农业部等部门研究提出落实意见
        lead = [Agency(name=n, role=Role.lead) for n in split_names(together[1])]
        helpers = split_names(together[1] + "、" + together[2])[len(lead) :]
        found_together = lead + [Agency(name=n, role=Role.support) for n in helpers]
        return AgencyFinding(together.group(0), found_together, bool(found_together))
    m = _BY.search(text)
    if m:
        role = Role(R.BY_VERBS[m[2]])
        found = [Agency(name=n, role=role) for n in split_names(m[1])]
        partners = _AFTER_BY.match(text, m.end())  # 由省经贸委负责,省农业厅、环保局配合
        phrase = m.group(0)
        if partners:
            names = split_names(m[1] + "、" + partners[1])[
                len(found) :
            ]  # the first name's level prefix carries
            found += [Agency(name=n, role=Role.support) for n in names]
            phrase += partners.group(0)
        return AgencyFinding(phrase, found, bool(found))
    return opening_agency(text)


def attribution_phrases(text: str) -> list[str]:
    """Bracket groups with role words that end a sentence or paragraph, and labelled lines."""
    out: list[str] = []
    for start, end in bracket_groups(text):
        inner = text[start + 1 : end - 1]
        after = text[end : end + 1]
        at_end = after in ("", "\n", "。", ";", " ") or end >= len(text) - 1
        if at_end and has_role_words(inner) and _looks_like_attribution(inner):
            out.append(inner.strip())
    tail = open_tail(text)
    if tail is not None:
        cut = _drop_cut_name(text[tail + 1 :].strip())
        if has_role_words(cut) and _looks_like_attribution(cut):
            out.append(cut)
    for line in text.split("\n"):
        m = _INLINE_LABEL.search(line)
        if m and m[1] in R.ROLE_LABELS and not _inside_brackets(line, m.start(1)):
            out.append(line[m.start(1) :].strip().rstrip("。"))
    return out


_INLINE_LABEL = re.compile(
    r"(?:^|(?<=[。;,\s]))("
    + "|".join(sorted(R.ROLE_LABELS, key=len, reverse=True))
    + ")"
    + _GLOSS
    + r"\s*[:]"
)


def _drop_cut_name(fragment: str) -> str:
    """(牵头单位:市商务局;责任单位:市发 — the page ends inside a name: keep only the whole names."""
    last = re.split(r"[、,;:]", fragment)[-1]
    if last and not last.endswith(R.AGENCY_ENDINGS) and not _CUE.search(last):
        fragment = fragment[: len(fragment) - len(last)].rstrip("、,;")
    return fragment


def _inside_brackets(text: str, pos: int) -> bool:
    tail = open_tail(text)
    return (tail is not None and pos > tail) or any(start < pos < end for start, end in bracket_groups(text))


def _looks_like_attribution(inner: str) -> bool:
    """Role words at a clause end or a label: not (含技工学校) or (按规定负责的…)."""
    if _LABEL.search(inner):
        return True
    return any(_CUE.search(clause) for clause in split_top(inner, ",;"))


def parse_phrase(phrase: str) -> list[Agency]:
    found = _parse_labelled(phrase) if _LABEL.search(phrase) else _parse_clauses(phrase)
    return [_inline_lead(a) for a in found if not _NOT_A_NAME.search(a.name)]


def _inline_lead(agency: Agency) -> Agency:
    for mark in R.INLINE_LEAD_MARKS:
        if agency.name.endswith(mark):
            return Agency(name=agency.name.removesuffix(mark), role=Role.lead)
    return agency


def _parse_labelled(phrase: str) -> list[Agency]:
    out: list[Agency] = []
    marks = list(_LABEL.finditer(phrase))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(phrase)
        role_key = R.ROLE_LABELS.get(m[1])
        if role_key is None:
            continue
        value = phrase[m.end() : end].strip(" ,;。")
        if any(_CUE.search(clause) for clause in split_top(value, ",;")):
            out.extend(
                _parse_clauses(value)
            )  # 部门分工:省发改委牵头,各地配合 — the verbs say more than the label
        else:
            out.extend(Agency(name=n, role=Role(role_key)) for n in split_names(value))
    return out


def _parse_clauses(phrase: str) -> list[Agency]:
    out: list[Agency] = []
    pending: list[str] = []
    for clause in split_top(phrase, ",;"):
        m = _CUE.search(clause)
        if not m:
            pending.append(clause)
            continue
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
    for word in R.TOGETHER_WORDS:
        idx = body.find(word)
        if idx > 0:
            return body[:idx], body[idx + len(word) :]
    return body, None


def split_names(text: str) -> list[str]:
    """市公安局、建设厅、各县(市、区)人民政府等 → full names, prefixes restored, suffixes shared."""
    names: list[str] = []
    for clause in split_top(text, ",;"):
        if _PLACES_ONE_BODY.match(clause.strip()):  # 各辖市、区人民政府: one collective, as printed
            names.append(clause.strip())
            continue
        pieces: list[str] = []
        for group in split_top(clause, "、/ "):
            pieces.extend(_split_joined(group))
        cleaned = [n for n in (_clean(p) for p in pieces) if n]
        names.extend(_distribute_suffix(cleaned))
    return _restore_prefix(names)


def _split_joined(group: str) -> list[str]:
    for j in R.JOINERS:
        idx = group.find(j)
        if idx > 0:
            left, right = group[:idx], group[idx + len(j) :]
            if left.endswith(R.AGENCY_ENDINGS) and right.startswith((*R.LEVEL_PREFIXES, "各")):
                return [left, *_split_joined(right)]
    return [group]


def _clean(name: str) -> str:
    name = name.strip(" :。,;")
    name = re.sub(r"等(?:[省市县区])?(?:有关|相关|其他)?(?:单位|部门)?$", "", name)
    name = _NOISE.sub("", name)
    return name.strip()


def _distribute_suffix(names: list[str]) -> list[str]:
    if len(names) < 2:
        return names
    last = names[-1]
    suffix = next((s for s in R.SHARED_SUFFIXES if last.endswith(s) and len(last) > len(s)), None)
    if suffix is None:
        return names
    out = []
    for n in names[:-1]:
        if n.endswith(R.PLACE_ENDINGS) and not n.endswith(R.SHARED_SUFFIXES) and not n.startswith("各"):
            n += suffix
        out.append(n)
    return [*out, last]


def _restore_prefix(names: list[str]) -> list[str]:
    if not names:
        return names
    prefix = next((p for p in R.LEVEL_PREFIXES if names[0].startswith(p)), None)
    if prefix is None:
        return names
    out = [names[0]]
    for n in names[1:]:
        bare = not n.startswith(R.LEVEL_PREFIXES) and not n.startswith(R.NO_PREFIX_STARTS)
        out.append(prefix + n if bare and _is_department(n) else n)
    return out


def _is_department(name: str) -> bool:
    """建设厅, 住房城乡建设厅, 总工会: a known department core and an ending, nothing else."""
    for ending in sorted(R.DEPARTMENT_ENDINGS, key=len, reverse=True):
        if name.endswith(ending):
            return name[: -len(ending)] in R.DEPARTMENT_CORES
    return False


_OPENING = re.compile(r"^([^,。;:()《》“”]{2,30}?(?:" + "|".join(R.AGENCY_ENDINGS) + "))" + _BY_VERB)


def opening_agency(text: str) -> AgencyFinding | None:
    """公安部门负责会同民政部门… : an item that opens with its agency (first sentence after the title)."""
    sentences = [s for s in re.split(r"[。\n]", text) if s.strip()]
    for sentence in sentences[:2]:
        m = _OPENING.match(sentence.strip())
        if not m:
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
        return AgencyFinding(phrase, found)
    return None


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


def _dedupe(agencies: list[Agency]) -> list[Agency]:
    seen: set[tuple[str, Role]] = set()
    out = []
    for a in agencies:
        if (a.name, a.role) not in seen:
            seen.add((a.name, a.role))
            out.append(a)
    return out
