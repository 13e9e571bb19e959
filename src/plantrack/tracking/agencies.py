"""Agencies by any name: 市人社局, 人社局 and 市人力资源和社会保障局 are one agency.

Names are compared by a key: the level prefix (省/市/县/区...) dropped, the abbreviation expanded
(lang/agency_abbrev.py plus the workspace's own `[agencies]` rows), and 和/与/及 ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from plantrack.errors import UsageError
from plantrack.lang.agency_abbrev import (
    ABBREVIATIONS,
    COLLECTIVE_MARKERS,
    IGNORED_CHARS,
    LEVEL_KEEP_AFTER,
    LEVEL_PREFIXES,
)

if TYPE_CHECKING:
    from plantrack.records import AgencyRecord as Agency
    from plantrack.records import ItemRecord as Item
    from plantrack.records import PlanRecord as Plan

_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:省|市(?!场|政)|县|区)(?P<rest>[\u4e00-\u9fff]{2,})$")
_IGNORED = str.maketrans("", "", IGNORED_CHARS + " \u3000\t")


@lru_cache(maxsize=8192)
def clean(name: str) -> str:
    """NFKC (full-width brackets become ASCII) and no spaces (cached: plans name few agencies, often)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


def strip_level(name: str) -> str:
    """Drop one leading level prefix: 市人社局 -> 人社局, but 市场监督管理局 stays."""
    for prefix in LEVEL_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            rest = name[len(prefix) :]
            if rest.startswith(LEVEL_KEEP_AFTER.get(prefix, ())):
                continue
            return rest
    return name


def abbreviation_table(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The built-in table with the workspace's rows on top, both sides without a level prefix."""
    table = dict(ABBREVIATIONS)
    for short, full in (extra or {}).items():
        table[strip_level(clean(short))] = strip_level(clean(full))
    return table


def agency_key(name: str, table: Mapping[str, str] | None = None) -> str:
    """The comparison key of a name; equal keys mean the same agency."""
    table = ABBREVIATIONS if table is None else table
    name = clean(name)
    if name in table:  # 市监局 is an abbreviation, not 市 + 监局
        return table[name].translate(_IGNORED)
    stem = strip_level(name)
    return table.get(stem, stem).translate(_IGNORED)


@lru_cache(maxsize=8192)
@lru_cache(maxsize=64)
def _table_of(extra: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return abbreviation_table(dict(extra))


@lru_cache(maxsize=16384)
def _key_of(name: str, extra: tuple[tuple[str, str], ...]) -> str:
    """agency_key with a workspace's abbreviations, cached: every view of the plans asks again."""
    return agency_key(name, _table_of(extra))


@lru_cache(maxsize=8192)
def is_collective(name: str) -> bool:
    """各成员单位, 有关单位 ...: a group, not one agency."""
    name = clean(name)
    return name.startswith("各") or any(m in name for m in COLLECTIVE_MARKERS)


class AgencyIndex:
    """The agencies named in plans, looked up by any name a user types."""

    def __init__(self, names: Iterable[str], extra: Mapping[str, str] | None = None) -> None:
        self.extra = tuple(sorted((extra or {}).items()))  # what the table is made of, as a key
        self.table = _table_of(self.extra)  # shared by the indexes of one workspace: never changed
        self._keys: dict[str, str] = {}
        self.by_key: dict[str, list[str]] = {}
        for name in sorted(set(names)):
            if not is_collective(name):
                self.by_key.setdefault(self.key(name), []).append(name)

    def key(self, name: str) -> str:
        found = self._keys.get(name)
        if found is None:
            found = self._keys[name] = _key_of(name, self.extra)
        return found

    def display(self, key: str) -> str:
        """The plan's spelling of an agency (the shortest one when plans differ)."""
        names = self.by_key.get(key)
        return min(names, key=len) if names else key

    def resolve(self, text: str) -> str:
        """The key of the agency a user means; an ambiguous or unknown name raises UsageError."""
        key = self.key(text)
        if key in self.by_key:
            return key
        place = _PLACE.match(clean(text))
        if place and self.key(place["rest"]) in self.by_key:
            return self.key(place["rest"])
        found = self._containing(text)
        if len(found) == 1:
            return found[0]
        if found:
            listed = "、".join(self.display(k) for k in found[:12])
            raise UsageError(f"单位“{text}”不明确，可能是：{listed}。", hint="请写出更完整的单位名称。")
        raise UsageError(f"没有找到单位“{text}”。", hint=self._suggest(text))

    def _containing(self, text: str) -> list[str]:
        probe = strip_level(clean(text))
        probe_key = self.key(text)
        if not probe:
            return []
        return [k for k, names in self.by_key.items() if probe_key in k or any(probe in n for n in names)]

    def _suggest(self, text: str) -> str:
        names = [n for group in self.by_key.values() for n in group]
        import difflib  # only to suggest a name

        close = difflib.get_close_matches(clean(text), names, n=3, cutoff=0.4)
        keys = difflib.get_close_matches(self.key(text), list(self.by_key), n=3, cutoff=0.4)
        picks = list(dict.fromkeys([*close, *(self.display(k) for k in keys)]))[:3]
        more = "用 plantrack agencies 查看全部单位；简称可在 plantrack.toml 的 agencies 一节中补充。"
        return f"最接近的是：{'、'.join(picks)}。{more}" if picks else more


def agency_index(tasks: Iterable[Item], aliases: Mapping[str, str] | None = None) -> AgencyIndex:
    """The index of the agencies named on these tasks, with the workspace's abbreviations (the one
    place an index is built). Built once for the same tasks: views of one plan share it."""
    tasks = list(tasks)
    memo_key = (tuple(sorted((aliases or {}).items())), *map(id, tasks))
    hit = _INDEXES.get(memo_key)
    if hit is not None and all(a is b for a, b in zip(hit[0], tasks, strict=True)):
        return hit[1]
    index = AgencyIndex((a.name for t in tasks for a in tracked_agencies(t)), aliases)
    if len(_INDEXES) >= 64:
        _INDEXES.clear()
    _INDEXES[memo_key] = (tasks, index)  # the tasks are kept, so their ids are not reused meanwhile
    return index


_INDEXES: dict[tuple[object, ...], tuple[list[Item], AgencyIndex]] = {}


def tracked_agencies(task: Item) -> list[Agency]:
    """The agencies tracking reads for a task: its own, else those inherited from the plan
    (extract/inherit.py)."""
    return task.agencies or task.inherited_agencies


def tasks_of(plans: Iterable[Plan]) -> Iterable[Item]:
    return (t for p in plans for t in p.tasks)
