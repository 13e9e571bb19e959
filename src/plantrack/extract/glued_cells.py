"""Agency cells a glued table row runs into its text, read back as label lines.

A table printed without borders (glued_tables) leaves a row as one stream: …增加学位5000个。何海平教育局
经开区各街道市国有公司 — the 分管领导, 牵头单位 and 配合单位 cells glued after the task's sentence. After a
sentence end, a run of names read by their shape (each one ending in an organ or place ending, none
opening with a task verb) is such a cell group: a person's name first when the header has a person
column, then the first agency column's unit, then the last agency column's units. The run leaves the
row's text and becomes label lines (牵头单位:教育局 / 配合单位:经开区、各街道), as tables.py writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plantrack.lang import org_names as O
from plantrack.lang import roles as R
from plantrack.lang.tables import LABEL_COLUMNS, PERSON_COLUMNS, PERSON_NAME_LENGTHS

MAX_NAME = 20  # characters of one name in a cell
_ENDINGS = tuple(sorted({*R.AGENCY_ENDINGS, *O.ORGAN_SUFFIXES, *O.CELL_PLACE_ENDINGS}, key=len, reverse=True))
_INNER_OPENERS = tuple(o for o in O.TASK_OPENERS if len(o) > 1)
_LONG_ENDINGS = tuple(e for e in _ENDINGS if len(e) >= 2)
MAX_ENDING = max(map(len, _ENDINGS))
_GENERIC = frozenset({*R.AGENCY_ENDINGS, *O.ORGAN_SUFFIXES, *R.SHARED_SUFFIXES})
_NOT_IN_A_NAME = re.compile(r"[\d,。;:!?、《》“”\s%.]")
_SUFFIX_STARTS = tuple(
    sorted({e for e in _GENERIC if len(e) >= 2} | {"会", "公室", "员会", "府"}, key=len, reverse=True)
)
_NAME_START = tuple(sorted({*R.LEVEL_PREFIXES, "各", *R.DEPARTMENT_CORES}, key=len, reverse=True))
_CUES = tuple(sorted(R.ROLE_CUES, key=len, reverse=True))
_PERSON = "person"


@dataclass(frozen=True)
class Columns:
    """The cells after a glued header's task columns, in printed order: labels and `person`."""

    cells: tuple[str, ...]

    @property
    def agency_labels(self) -> list[str]:
        return [c for c in self.cells if c != _PERSON and c.endswith("单位")]

    @property
    def person_first(self) -> bool:
        return bool(self.cells) and self.cells[0] == _PERSON


def header_columns(cols: str) -> Columns:
    """项目名称主要内容区政府分管领导牵头单位配合单位 → (person, 牵头单位, 配合单位)."""
    names = {**{c: LABEL_COLUMNS[c] for c in LABEL_COLUMNS}, **{p: _PERSON for p in PERSON_COLUMNS}}
    found: list[tuple[int, str]] = []
    taken: set[int] = set()
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(re.escape(name), cols):
            span = set(range(m.start(), m.end()))
            if not span & taken:
                taken |= span
                found.append((m.start(), names[name]))
    cells = [label for _, label in sorted(found)]
    kept = [c for c in cells if c == _PERSON or c.endswith("单位")]
    return Columns(tuple(kept))


def split_cells(body: str, columns: Columns) -> tuple[str, list[str]]:
    """The row's text without its glued agency cells, and those cells as label lines."""
    labels = columns.agency_labels
    if not labels:
        return body, []
    text: list[str] = []
    lines: list[str] = []
    pos = 0
    for m in re.finditer(r"[。;]", body):
        start = m.end()
        run = _run(body, start, columns.person_first)
        if run is None:
            continue
        end, names = run
        text.append(body[pos:start])
        lines.extend(_label_lines(names, labels))
        pos = end
    text.append(body[pos:])
    return "".join(text).strip(), lines


def _label_lines(names: list[str], labels: list[str]) -> list[str]:
    if len(labels) == 1:
        return [f"{labels[0]}:{'、'.join(names)}"]
    out = [f"{labels[0]}:{names[0]}"]
    if names[1:]:
        out.append(f"{labels[-1]}:{'、'.join(names[1:])}")
    return out


def _run(body: str, start: int, person_first: bool) -> tuple[int, list[str]] | None:
    """Where a run of cell names after a sentence end ends, and its names (the person left out)."""
    if body.startswith(O.TASK_OPENERS, start):  # 。提升康复辅具…: the task goes on
        return None
    options = [start + n for n in PERSON_NAME_LENGTHS] if person_first else [start]
    best: tuple[int, list[str]] | None = None
    for at in options:
        names = _names(body[at : at + MAX_NAME * 8])
        if not names:
            continue
        end = at + sum(map(len, names))
        rest = body[end:]
        if rest.startswith(_CUES):  # 区教育局牵头组织…: a sentence's actor, not a cell
            continue
        if rest.strip() and not re.match(r"\s*[。;]", rest) and not (person_first or len(names) > 1):
            continue
        if best is None or (names[0].startswith(_NAME_START) and not best[1][0].startswith(_NAME_START)):
            best = (end, names)
    return best


def _names(text: str) -> list[str]:
    """The names a run opens with, cut where they score best (see `_piece_score`)."""
    memo: dict[int, tuple[float, tuple[int, ...]]] = {}

    def best(pos: int) -> tuple[float, tuple[int, ...]]:
        if pos not in memo:
            found: tuple[float, tuple[int, ...]] = (0.0, ())
            for end in _ends(text, pos):
                rest_score, rest = best(end)
                total = _piece_score(text[pos:end], first=pos == 0) + rest_score
                if total > found[0]:
                    found = (total, (end, *rest))
            memo[pos] = found
        return memo[pos]

    score, cuts = best(0)
    starts = (0, *cuts)
    return [text[a:b] for a, b in zip(starts, cuts, strict=False)] if score > 0 else []


def _ends(text: str, pos: int) -> list[int]:
    """Where a name starting at pos may end: after an ending, or after a bracket closing a gloss."""
    ends: list[int] = []
    if text[pos : pos + 1] in ("(", ")"):
        return ends
    depth = 0
    for k in range(pos, min(len(text), pos + MAX_NAME)):
        ch = text[k]
        if ch in "(":
            depth += 1
        elif ch in ")":
            if depth == 0:
                break
            depth -= 1
            gloss = text[text.rfind("(", pos, k) + 1 : k]
            if depth == 0 and k - pos >= 2 and gloss.endswith((*_ENDINGS, *O.PLACE_MARKS)):
                ends.append(k + 1)
            continue
        elif _NOT_IN_A_NAME.match(ch):
            break
        if (
            depth == 0
            and k + 1 - pos >= 2
            and text[pos : k + 1].endswith(_ENDINGS)
            and not _ending_across(text, k + 1)
        ):
            ends.append(k + 1)
    return ends


def _ending_across(text: str, cut: int) -> bool:
    """各镇街|道: an ending (街道) runs across the cut, so the name goes on."""
    return any(
        text.startswith(e, j)
        for j in range(max(0, cut - MAX_ENDING + 1), cut)
        for e in _LONG_ENDINGS
        if j + len(e) > cut
    )


def _task_inside(piece: str) -> bool:
    """各镇街道新建养老服务站: a name, then a task's verb: not one name."""
    return any(
        piece.startswith(_INNER_OPENERS, k) and piece[:k].endswith(_ENDINGS) for k in range(2, len(piece) - 1)
    )


def _piece_score(piece: str, first: bool) -> float:
    """How much a piece looks like one whole name: a name opening, no task verb, not an ending alone."""
    if piece.startswith(O.TASK_OPENERS) or piece.endswith(O.POST_ENDINGS) or _task_inside(piece):
        return -9.0
    if piece in _GENERIC or piece.startswith(_SUFFIX_STARTS):  # 办公室 of 市政府办公室, cut off
        return -0.5 if not first else 0.5
    score = 1.0 + 0.01 * len(piece)  # of two readings as good, the one that reads more
    if piece.startswith(_NAME_START):
        score += 0.5
    if len(piece) <= 2:
        score -= 1.5
    if piece.endswith("区") and not piece.endswith(O.CELL_PLACE_ENDINGS[:-1]):
        score -= 0.4
    return score
