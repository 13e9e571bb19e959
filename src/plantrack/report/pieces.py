"""Each plan's rendered Markdown, kept for the `report` command while the workspace uses the bundled
template: a report after one `record` renders one plan's part and reads the others' text.

The bundled template renders a plan's body and its attachment table with two macros, `plan_body`
and `task_table`, whose text depends only on the plan's part, the date, the options and whether the
report has several plans. While it renders, the sandbox (render.py) hands each such call to
`Pieces`: a call kept from before returns its text, a new one is rendered and kept. A plan whose
pieces are all kept is not decoded at all: it stands in the report as a `PlanSummary` (what the
template reads outside those macros). The pieces are kept next to the plan's part, under the
part's key (report/cache.py: the digests of the plan file, journal and plantrack.toml, the
settings, the date and plantrack's code) plus the options; a workspace's own template never uses
them (a template can read anything). A damaged or forged file, or a call whose text is not kept for
a stand-in, makes the whole report again without them.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from plantrack.report.cache import PartCache, _decoder, encode
from plantrack.report.context import PlanReport, PlanSummary
from plantrack.workspace import Workspace

KIND = "rendered"
PIECES = ("plan_body", "task_table")  # the bundled template's per-plan macros


class MissingPiece(Exception):
    """A stand-in plan met a macro call whose text is not kept: the report is made without pieces."""


def summary_of(part: PlanReport) -> PlanSummary:
    return PlanSummary(part.id, part.title, part.citation, part.total, list(part.counts), list(part.review))


def piece_key(name: str, args: tuple[Any, ...]) -> str | None:
    """A macro call's name and further arguments as text; None when they are not plain values."""
    if not all(type(a) in (int, str, bool) for a in args):
        return None
    return json.dumps([name, *args], ensure_ascii=False)


class Pieces:
    """The texts of the per-plan macro calls of one render, by plan id: those kept and those made."""

    def __init__(self, kept: dict[str, dict[str, str]]) -> None:
        self.kept = kept
        self.made: dict[str, dict[str, str]] = {}

    def call(self, plan: Any, name: str, args: tuple[Any, ...], render: Any) -> Any:
        key = piece_key(name, args)
        if key is None or type(plan) not in (PlanReport, PlanSummary):
            return render()
        found = self.kept.get(plan.id, {}).get(key)
        if found is not None:
            return found
        if type(plan) is PlanSummary:
            raise MissingPiece(plan.id)
        text = render()
        if type(text) is str:
            self.made.setdefault(plan.id, {})[key] = text
        return text


class RenderedCache:
    """The pieces of each plan in `.plantrack-cache/` (one file per plan and date), for one report:
    its options (charts) and whether it has several plans."""

    def __init__(self, ws: Workspace, settings: Any, charts: bool, many: bool) -> None:
        self.parts = PartCache(ws, settings)
        self.ws, self.charts, self.many = ws, charts, many
        self.kept: dict[str, dict[str, str]] = {}
        self.pending: dict[str, tuple[date, str, PlanReport, list[str]]] = {}
        self.used = False  # a plan stands in as its summary

    def _key(self, plan_id: str, as_of: date, office: str, fresh: bool = False) -> list[Any]:
        return [*self.parts._key(plan_id, as_of, None, office, fresh), KIND, self.charts, self.many]

    def _slot(self, plan_id: str, as_of: date) -> str:
        return self.parts._slot(plan_id, as_of, None)

    def needed(self) -> list[str]:
        return [
            k for k in (piece_key("plan_body", (3 if self.many else 2,)), piece_key("task_table", ())) if k
        ]

    def get(self, plan_id: str, as_of: date, office: str) -> tuple[PlanSummary, list[str]] | None:
        """The plan's summary and reviewer's notes when all its pieces are kept (they are then
        handed to the render)."""
        from plantrack.tracking.store import read_cached

        key = self._key(plan_id, as_of, office)
        found = read_cached(self.ws, KIND, self._slot(plan_id, as_of), key, _from_json)
        if found is None:
            return None
        summary, notes, pieces = found
        if summary.id != plan_id or not all(k in pieces for k in self.needed()):
            return None
        self.kept[plan_id] = pieces
        self.used = True
        return summary, notes

    def keep(self, plan_id: str, as_of: date, office: str, part: PlanReport, notes: list[str]) -> None:
        """A plan's part built or read whole: its pieces are kept after the render (save)."""
        self.pending[plan_id] = (as_of, office, part, notes)

    def pieces(self) -> Pieces:
        return Pieces(self.kept)

    def save(self, pieces: Pieces) -> None:
        from plantrack.tracking.store import write_cached

        for plan_id, (as_of, office, part, notes) in self.pending.items():
            made = pieces.made.get(plan_id, {})
            if not all(k in made for k in self.needed()):
                continue
            key = self._key(plan_id, as_of, office)
            if self._key(plan_id, as_of, office, fresh=True) != key:
                continue  # a file changed while the report was made
            value = [encode(summary_of(part)), notes, made]
            write_cached(self.ws, KIND, self._slot(plan_id, as_of), key, value)


def _from_json(data: Any) -> tuple[PlanSummary, list[str], dict[str, str]]:
    """The kept summary, notes and pieces, every value's type checked (ValueError otherwise)."""
    from plantrack.report.cache import _strings

    summary, notes, pieces = data
    if type(pieces) is not dict or not all(type(k) is str and type(v) is str for k, v in pieces.items()):
        raise ValueError("not rendered pieces")
    return _decoder(PlanSummary)(summary, None), _strings(notes), pieces
