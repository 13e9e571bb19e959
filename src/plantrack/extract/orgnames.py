"""Agency names read by their shape: a list split into full names, prefixes restored, suffixes shared.

市公安局、建设厅、各县(市、区)人民政府等 → 市公安局, 市建设厅, 各县(市、区)人民政府. A bare
department (no level prefix, no place of its own, an organ suffix) takes the level prefix of the
list's first name; 市场监管局 is bare although it starts with 市 (lang/org_names.NOT_A_LEVEL_AFTER).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from plantrack.lang import org_names as O
from plantrack.lang import roles as R

_OPEN = "([【〔"
_CLOSE = ")]】〕"
# 各辖市、区人民政府, 各市、县(区)人民政府, 各市、县(市、区)人民政府: places sharing one body (a
# later place may carry its own bracket of lower levels)
_PLACES_ONE_BODY = re.compile(
    r"^各[^、,()〔〕]{1,4}(?:、[^、,()〔〕]{1,3}(?:[(〔][^()〔〕]{1,5}[)〕])?)+(?:"
    + "|".join(R.SHARED_SUFFIXES)
    + ")$"
)
_LIST_GLOSS = re.compile(r"\((?:" + "|".join(R.LIST_GLOSSES) + r")\)$")
_LEAD_IN = re.compile("^(?:" + "|".join(R.ATTRIBUTION_LEAD_INS) + ")由")
_TRAILING_COLLECTIVE = re.compile(O.TRAILING_COLLECTIVE)
_NOISE = re.compile("^(?:" + "|".join(R.NAME_NOISE_PREFIXES) + ")")
_LEVEL = re.compile(
    "^(?:"
    + "|".join(
        p + ("(?!" + "|".join(O.NOT_A_LEVEL_AFTER[p]) + ")" if p in O.NOT_A_LEVEL_AFTER else "")
        for p in R.LEVEL_PREFIXES
    )
    + ")"
)
_PLACE_INSIDE = re.compile("..(?:" + "|".join(O.PLACE_MARKS) + ")")
_NOT_A_PLACE = re.compile("|".join(O.NOT_A_PLACE))


def split_top(text: str, seps: str) -> list[str]:
    """Split on any of seps outside brackets (one scan over the brackets and separators only)."""
    parts: list[str] = []
    depth = start = 0
    for m in _marks(seps).finditer(text):
        ch = m[0]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        if ch in seps and depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


@functools.cache
def _marks(seps: str) -> re.Pattern[str]:
    """The characters split_top looks at: brackets and the separators."""
    return re.compile("[" + re.escape(_OPEN + _CLOSE + seps) + "]")


def level_prefix(name: str) -> str | None:
    """省/市/县… at the start of a name, when it is a level and not part of the name (市场监管局)."""
    m = _LEVEL.match(name)
    return m.group(0) if m else None


def split_names(text: str) -> list[str]:
    """市公安局、建设厅、各县(市、区)人民政府等 → full names, prefixes restored, suffixes shared."""
    names: list[str] = []
    for clause in split_top(text, ",;"):
        pieces: list[str] = []
        for group in split_top(clause, "、/ "):
            pieces.extend(_split_joined(group))
        cleaned = _join_generic(_join_places([n for n in (_clean(p) for p in pieces) if n]))
        names.extend(_distribute_each(_distribute_suffix(_distribute_organ(_distribute_levels(cleaned)))))
    return restore_prefix(names)


def _join_places(pieces: list[str]) -> list[str]:
    """各辖市、区人民政府, 省商务厅、各市、县(区)人民政府: places that share one body after them are
    one collective, as printed."""
    out: list[str] = []
    k = 0
    while k < len(pieces):
        end = next(
            (
                m
                for m in range(len(pieces), k + 1, -1)
                if pieces[k].startswith("各") and _PLACES_ONE_BODY.match("、".join(pieces[k:m]))
            ),
            k + 1,
        )
        out.append("、".join(pieces[k:end]))
        k = end
    return out


def _join_generic(pieces: list[str]) -> list[str]:
    """市直有关部门、单位: a piece that only repeats a generic word belongs to the name before it."""
    out: list[str] = []
    for p in pieces:
        if out and p in O.GENERIC_PIECES:
            continue
        out.append(p)
    return out


def _split_joined(group: str) -> list[str]:
    for j in R.JOINERS:
        idx = group.find(j)
        if idx > 0:
            left, right = group[:idx], group[idx + len(j) :]
            if left.endswith(R.AGENCY_ENDINGS) and right.startswith(
                (*R.LEVEL_PREFIXES, "各", "相关", "有关")
            ):
                return [left, *_split_joined(right)]
    return [group]


_GLUED_VERB = re.compile(
    "(?<=.{2})(?:" + "|".join(R.GLUED_ROLE_VERBS) + ")(?!" + "|".join(R.ROLE_NOUN_HEADS) + ")"
)


def _clean(name: str) -> str:
    name = name.strip(
        " :。,;.—-"
    )  # ——市农业农村局牵头: a dash before the attribution; 各村(社区). a half-width stop
    name = _LIST_GLOSS.sub("", name)
    name = _TRAILING_COLLECTIVE.sub("", name)
    name = _NOISE.sub("", name).strip()
    name = _without_affiliation(name)
    lead_in = _LEAD_IN.match(name)  # 此项工作由市农业农村局牵头: the words before 由 are the work's
    if lead_in is not None:
        name = name[lead_in.end() :]
    glued = _GLUED_VERB.search(name)  # 各村(社区)负责具体征缴, 当地财政部门负责: the name ends at the verb
    if glued is not None and looks_like_org(name[: glued.start()]):
        name = name[: glued.start()]
    return "" if name.endswith(O.POST_ENDINGS) else name  # 分管副市长: a person's post


def _without_affiliation(name: str) -> str:
    """局属农业技术推广中心 → 农业技术推广中心 (局属各单位 kept: the collective is the name)."""
    word = next((w for w in O.AFFILIATION_PREFIXES if name.startswith(w)), None)
    rest = name[len(word) :] if word else ""
    return rest if len(rest) >= 2 and not rest.startswith(O.COLLECTIVE_STARTS) else name


_EACH_BODY = re.compile(
    "^(?:"
    + "|".join(O.COLLECTIVE_STARTS)
    + ")+(?:"
    + "|".join(sorted(O.EACH_NOUNS, key=len, reverse=True))
    + rf")(?:\([^()]{{1,{O.EACH_GLOSS_MAX}}}\))?$"
)


def is_each_collective(name: str) -> bool:
    """各社区, 各相关村, 相关社区, 各乡(镇): every unit of a kind (not 各项任务, 各类企业: no body)."""
    return _EACH_BODY.match(name) is not None


def full_forms(names: Iterable[str]) -> dict[str, str]:
    """城管中队 → 街道城管中队 when the notice writes the unit so elsewhere, and writes no other full
    form of it (市/县城管中队): each bare department among `names` and its one full form."""
    unique = set(names)
    prefixes = (*R.LEVEL_PREFIXES, *O.OWN_UNIT_PREFIXES)
    out: dict[str, str] = {}
    for bare in unique:
        if not is_bare_department(bare):
            continue
        full = [n for n in unique if n.endswith(bare) and n[: -len(bare)] in prefixes]
        if len(full) == 1:
            out[bare] = full[0]
    return out


_GLOSS_AFTER_LEVEL = re.compile(r"^[(（][^()（）]{1,5}[)）]")


def _distribute_levels(names: list[str]) -> list[str]:
    """各市、县(区)教育局 → 各市教育局, 各县(区)教育局: levels listed after 各 before one department
    share its 各 and its department (a government they share stays one collective: _join_places)."""
    if len(names) < 2 or not names[0].startswith("各"):
        return names
    last = names[-1]
    prefix = level_prefix(last)
    if prefix is None:
        return names
    rest = last[len(prefix) :]
    gloss = _GLOSS_AFTER_LEVEL.match(rest)
    body = rest[gloss.end() :] if gloss else rest
    suffix = _ending(body, O.ORGAN_SUFFIXES)
    levels = [names[0][1:], *names[1:-1]]
    if suffix is None or _stem(body.removesuffix(suffix)) not in R.DEPARTMENT_CORES:
        return names
    if not all(level in R.EACH_LEVELS for level in levels):
        return names
    return [*("各" + level + body for level in levels), "各" + last]


def _distribute_each(names: list[str]) -> list[str]:
    """各社区、村 → 各社区、各村: a bare collective noun after a 各 name shares its 各."""
    out: list[str] = []
    for n in names:
        shared = bool(out) and out[-1].startswith("各") and n in O.EACH_NOUNS
        out.append("各" + n if shared else n)
    return out


def _ending(name: str, suffixes: Iterable[str]) -> str | None:
    """The first of `suffixes` the name ends with and is longer than (a suffix alone shares nothing)."""
    return next((s for s in suffixes if name.endswith(s) and len(name) > len(s)), None)


def _distribute_suffix(names: list[str]) -> list[str]:
    if len(names) < 2:
        return names
    last = names[-1]
    suffix = _ending(last, R.SHARED_SUFFIXES)
    if suffix is None:
        return names
    out = []
    for n in names[:-1]:
        if n.endswith(R.PLACE_ENDINGS) and not n.endswith(R.SHARED_SUFFIXES) and not n.startswith("各"):
            n += suffix
        out.append(n)
    return [*out, last]


_CJK_STEM = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _distribute_organ(names: list[str]) -> list[str]:
    """县农业农村、水利局 → 县农业农村局, 县水利局; 工交、贸易科 → 工交科, 贸易科: department stems
    written before the last name of a list share its organ suffix. A stem is a department's core
    (农业农村, 住建) before a department named by its core (水利局), or a short word before a
    section (科, 股, 处, 室); a list of plain words (工业、能源) ends in no organ and is left alone."""
    if len(names) < 2:
        return names
    last = names[-1]
    suffix = _ending(last, O.ORGAN_SUFFIXES)
    if suffix is None:
        return names
    last_core = _stem(last.removesuffix(suffix))
    department = last_core in R.DEPARTMENT_CORES
    section = suffix in O.OFFICE_SUFFIXES and _CJK_STEM.fullmatch(last_core) is not None
    out = []
    for n in names[:-1]:
        if (
            not n.endswith((*R.AGENCY_ENDINGS, *O.ORGAN_SUFFIXES))
            and not n.startswith(R.COLLECTIVE_STARTS)
            and (
                (department and _stem(n) in R.DEPARTMENT_CORES)
                or (section and _CJK_STEM.fullmatch(n) is not None)
            )
        ):
            n += suffix
        out.append(n)
    return [*out, last]


def _stem(name: str) -> str:
    """县农业农村 → 农业农村: a name without its level prefix."""
    prefix = level_prefix(name)
    return name.removeprefix(prefix) if prefix else name


def restore_prefix(names: list[str]) -> list[str]:
    """省劳动保障厅、建设厅 → 省建设厅: bare departments after the first name that has a level
    prefix take it (教育局、市国有公司: 教育局 comes first and keeps its name as printed)."""
    names = _restore_self_prefix(names)
    first = next((k for k, p in enumerate(map(level_prefix, names)) if p), None)
    if first is None:
        return names
    prefix = level_prefix(names[first]) or ""
    party = next((p + "委" for n in names if (p := level_prefix(n)) and _is_party_department(n)), None)
    out: list[str] = []
    for k, n in enumerate(names):
        if k > first and party and n in O.PARTY_DEPARTMENTS:  # 市委宣传部、组织部 → 市委组织部
            n = party + n
        elif k > first and is_bare_department(n):
            n = prefix + n
        out.append(n)
    return out


def _restore_self_prefix(names: list[str]) -> list[str]:
    """厅规划处、建设处 → 厅规划处、厅建设处: offices after one named by its department's 厅."""
    own = next((n[0] for n in names if _is_own_office(n)), None)
    if own is None:
        return names
    out, seen = [], False
    for n in names:
        bare = n.endswith(O.OFFICE_SUFFIXES) and len(n) <= 6 and not level_prefix(n)
        out.append(own + n if seen and bare and not n.startswith(O.SELF_PREFIXES) else n)
        seen = seen or _is_own_office(n)
    return out


def _is_own_office(name: str) -> bool:
    return name.startswith(O.SELF_PREFIXES) and name.endswith(O.OFFICE_SUFFIXES) and len(name) <= 7


def _is_party_department(name: str) -> bool:
    """市委宣传部, 县委组织部: a level prefix, 委, one of a party committee's departments."""
    prefix = level_prefix(name)
    return prefix is not None and name.removeprefix(prefix + "委") in O.PARTY_DEPARTMENTS


def is_bare_department(name: str) -> bool:
    """财政局, 市场监管局, 消防救援支队: an organ suffix, no level prefix, no place or company of its own."""
    if level_prefix(name) or name.startswith(R.NO_PREFIX_STARTS) or not name.endswith(O.ORGAN_SUFFIXES):
        return False
    if name.endswith(O.SECTION_SUFFIXES) or _is_own_office(name):
        return False
    suffix = next(s for s in O.ORGAN_SUFFIXES if name.endswith(s))
    core = name[: -len(suffix)]
    if not core:
        return name in O.WHOLE_NAME_ORGANS
    if name.endswith(O.AREA_BODY_SUFFIXES):  # 龙脊山管委会: the area names the body
        return False
    if any(core.endswith(c) and len(core) - len(c) >= 2 for c in O.PLACE_NAMED_CORES):  # 江西银保监局
        return False
    if any(w in name for w in O.OWN_NAME_WORDS) and not _department_branch(name):
        return False
    return core in R.DEPARTMENT_CORES or not _PLACE_INSIDE.search(_NOT_A_PLACE.sub("", core))


_VILLAGE = re.compile(r"[\u4e00-\u9fff]{2,4}" + O.VILLAGE_SUFFIX)


def is_village(name: str) -> bool:
    """沙坝村, 瓦窑村: a village by its name (not 行政村, 示范村: kinds of village)."""
    return _VILLAGE.fullmatch(name) is not None and not name.endswith(O.NOT_VILLAGE_ENDINGS)


def _department_branch(name: str) -> bool:
    """自然资源分局, 公安分局: a branch named by a department's core and nothing else."""
    suffix = next((s for s in O.BRANCH_SUFFIXES if name.endswith(s)), None)
    return suffix is not None and name.removesuffix(suffix) in R.DEPARTMENT_CORES


def looks_like_org(name: str) -> bool:
    """细颗粒物 in a 牵头单位 cell of a shredded table is no organisation: a name ends in an organ or
    place ending (a gloss in brackets after it), or names a collective (各街道, 有关部门)."""
    endings = (*R.AGENCY_ENDINGS, *O.ORGAN_SUFFIXES, *R.PLACE_ENDINGS, *O.CELL_PLACE_ENDINGS)
    gloss = re.search(r"\(([^()]*)\)$", name)
    core = name[: gloss.start()] if gloss else name
    if len(core) < 2:  # 责任单位:区 at a page's end: a level prefix alone, the name is cut off
        return False
    return (
        core.endswith(endings)
        or is_village(core)
        or (gloss is not None and gloss[1].endswith((*endings, *O.PLACE_MARKS)))  # 高新园(邹区镇)
        or (core.startswith(("各", "有关", "相关")) and not core.startswith(O.EACH_NOT_A_BODY))
        or any(w in core for w in O.GENERIC_PIECES)
        or (len(core) >= 3 and core.endswith(O.TOWN_ENDINGS) and not core.endswith(O.NOT_A_TOWN))
    )
