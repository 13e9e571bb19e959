"""What a finder reports: one attribution found in the notice, and where it came from.

A finding is provenance for the reviewer (`plantrack extract --explain`); it is never written into
the plan file, whose `agencies` entries stay `{name, role}`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from typing import Literal

from plantrack.models import Agency, Item, Target

Field = Literal["agencies", "targets", "deadlines"]


class Tier(IntEnum):
    """How a finding takes part in the merge (attribution.merge): lower tiers are read first."""

    own = 1  # the item names it itself (trailing bracket, labelled line, table column): all kept
    sentence = 2  # a sentence of the item (由X负责, an opening actor): the first one, if no own finding
    inherited = 3  # from elsewhere (heading scope, a block's attribution line): only if the item names none
    added = 4  # carried forward (以下…不再列出, 下同): added to what the item has, never replacing it


@dataclass(frozen=True)
class Finding:
    finder: str  # the registered finder's name (attribution.FINDERS)
    phrase: str  # the text it read, as printed
    agencies: tuple[Agency, ...] = ()
    targets: tuple[Target, ...] = ()
    deadlines: tuple[date, ...] = ()
    understood: bool = True  # False: words seen, but nothing could be read (no name, a range, 2月30日)
    ongoing: bool = False  # a deadline finding that says the work has no end (持续推进, 长期)

    @property
    def empty(self) -> bool:
        return not (self.agencies or self.targets or self.deadlines or self.ongoing)


@dataclass
class Node:
    """One item of the outline as the document finders see it: its place and what it says."""

    item: Item
    parent: int | None  # index of the parent node, None at the top
    text: str = ""  # the item's text as the finders read it (bounded; standalone lines apart)
    children: list[int] = field(default_factory=list)
    standalone: list[str] = field(default_factory=list)  # attribution lines standing alone in the item
    from_table: bool = False  # a table row turned into an item
    year: int | None = None  # the plan year deadlines are read in
    past_before: int | None = None  # dates printed before this year are past (None: the year is a guess)
    own: list[Finding] = field(default_factory=list)  # what the item finders read in the item
    found: list[Finding] = field(default_factory=list)  # every finding that applies, in merge order
    carried: list[Finding] = field(default_factory=list)  # carried-forward findings, added after kinds
