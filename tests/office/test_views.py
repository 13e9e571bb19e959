"""The ledger judges each task once (StatusViews) and counts earlier quarters' owed reports without
whole status tables (owing_counts): both must give exactly what compute_status gives."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from bench import generate as gen

from plantrack.periods import Quarter
from plantrack.report.build import silent_agencies
from plantrack.tracking import store
from plantrack.tracking.journal import read_entries
from plantrack.tracking.models import Entry, Status
from plantrack.tracking.status import StatusViews, compute_status
from plantrack.workspace import Workspace

SCALE = gen.Scale("views", plans=2, tasks=40, entries=1500)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return gen.make_workspace(tmp_path_factory.mktemp("views") / "ws", SCALE)


def _dump(rows: list) -> list[dict]:  # type: ignore[type-arg]
    from plantrack.tracking.outputs import task_status_model

    return [task_status_model(r).model_dump(mode="json") for r in rows]


@pytest.mark.parametrize(
    "as_of",
    [
        pytest.param(date(2017, 6, 30), marks=pytest.mark.slow),
        date(2017, 9, 30),
        pytest.param(date(2017, 11, 15), marks=pytest.mark.slow),
    ],
)
def test_views_equal_compute_status_for_the_plan_and_every_agency(ws: Workspace, as_of: date) -> None:
    settings = ws.settings
    for plan_id in store.plan_ids(ws):
        plan = store.load_plan(ws, plan_id)
        entries = read_entries(ws.journal_path(plan_id))
        start = Quarter.containing(as_of).start
        views = StatusViews(plan, entries, as_of, settings.status, start, settings.agencies)
        whole = compute_status(
            plan, entries, as_of, settings.status, period_start=start, aliases=settings.agencies
        )
        assert _dump(views.rows) == _dump(whole)
        assert len(views.agencies()) > 3
        for name in views.agencies():
            alone = compute_status(
                plan, entries, as_of, settings.status, name, period_start=start, aliases=settings.agencies
            )
            assert alone, name
            assert _dump(views.for_agency(name)) == _dump(alone), name
        # the views leave the plan's rows as they were
        assert _dump(views.rows) == _dump(whole)


def _finished_early(plan_id: str, ws: Workspace) -> list[Entry]:
    """The journal plus, on a quarter of the tasks, each counting agency reporting 已完成 in
    January and nothing later: finished agencies owe no report in later quarters."""
    from plantrack.tracking.rule import counting_keys, task_agencies

    plan = store.load_plan(ws, plan_id)
    entries = read_entries(ws.journal_path(plan_id))
    key = StatusViews(plan, [], date(2017, 1, 1), ws.settings.status).index.key
    done = {t.id: task_agencies(t, key) for t in plan.trackable()[::4]}
    kept = [e for e in entries if e.task not in done]
    at = datetime(2017, 1, 20, 9, 0)
    for task, named in done.items():
        for k in counting_keys(named):
            kept.append(Entry(id=len(entries) + len(kept) + 1, task=task, as_of=date(2017, 1, 15),
                              recorded_at=at, agency=named[k][0], status=Status.done))  # fmt: skip
    return kept


@pytest.mark.parametrize("quarter", [Quarter(2017, q) for q in (1, 2, 3, 4)])
def test_owing_counts_equal_the_status_rows(ws: Workspace, quarter: Quarter) -> None:
    settings = ws.settings
    seen = 0
    for plan_id in store.plan_ids(ws):
        plan = store.load_plan(ws, plan_id)
        entries = _finished_early(plan_id, ws)
        rows = compute_status(
            plan, entries, quarter.end, settings.status, period_start=quarter.start, aliases=settings.agencies
        )
        key = StatusViews(plan, [], quarter.end, settings.status).index.key
        expected = {key(a.name): len(a.tasks) for a in silent_agencies(rows, key)}
        views = StatusViews(plan, entries, date(2017, 12, 31), settings.status, aliases=settings.agencies)
        counting = [e for e in entries if views.counts_on(e.task, e.agency)]
        assert len(counting) < len(entries)
        got = views.owing_at(counting, quarter.end, quarter.start)
        assert got == expected
        seen += sum(got.values())
    assert seen > 0  # the data has agencies owing reports


def test_ledger_reporting_sheet_counts_by_quarter(ws: Workspace, tmp_path: Path) -> None:
    from plantrack.office.ledger import build_ledger

    plan_id = store.plan_ids(ws)[0]
    ledger = build_ledger(ws, plan_id, date(2017, 9, 30))
    assert [q.code for q in ledger.quarters] == ["2017Q1", "2017Q2", "2017Q3"]
    plan = store.load_plan(ws, plan_id)
    entries = read_entries(ws.journal_path(plan_id))
    settings = ws.settings
    key = StatusViews(plan, [], date(2017, 9, 30), settings.status).index.key
    for i, q in enumerate(ledger.quarters):
        rows = compute_status(
            plan, entries, q.end, settings.status, period_start=q.start, aliases=settings.agencies
        )
        owed = {key(a.name): len(a.tasks) for a in silent_agencies(rows, key)}
        assert {key(name): cells[i][0] for name, cells in ledger.reporting if cells[i][0]} == owed


@pytest.mark.parametrize("as_of", [date(2017, 3, 31), date(2017, 9, 30), date(2017, 11, 15)])
def test_owing_now_counts_what_silent_agencies_lists(ws: Workspace, as_of: date) -> None:
    settings = ws.settings
    seen = 0
    for plan_id in store.plan_ids(ws):
        plan = store.load_plan(ws, plan_id)
        entries = read_entries(ws.journal_path(plan_id))
        views = StatusViews(plan, entries, as_of, settings.status, None, settings.agencies)
        key = views.index.key
        listed = {key(a.name): len(a.tasks) for a in silent_agencies(views.rows, key)}
        assert views.owing_now() == listed
        seen += sum(listed.values())
    assert seen > 0  # the data has agencies owing reports
