"""Status rules: 序时进度 at quarter boundaries, actual progress, lights, 未报送, agencies and roles."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from plantrack.config import StatusSettings
from plantrack.models import Plan, Role
from plantrack.planfile import load_plan
from plantrack.tracking.judge import expected_pct
from plantrack.tracking.models import Entry, Light, Status, TaskStatus
from plantrack.tracking.status import compute_status
from tests.conftest import FIXTURES

PLAN = load_plan(FIXTURES / "plans" / "mini-2017.yaml")
DEFAULTS = StatusSettings()
# The same plan with task 1.1 given to 市人社局 alone: the judgement of one agency's reports.
SOLO = PLAN.model_copy(
    update={
        "tasks": [
            t.model_copy(update={"agencies": t.agencies[:1]}) if t.id == "1.1" else t for t in PLAN.tasks
        ]
    }
)


def _e(new_id: int, task: str, as_of: date, agency: str = "市人社局", **kw: object) -> Entry:
    data: dict[str, object] = {
        "id": new_id,
        "task": task,
        "as_of": as_of,
        "recorded_at": datetime(2017, 10, 8),
        "agency": agency,
    }
    data.update(kw)
    return Entry.model_validate(data)


def _row(entries: list[Entry], as_of: date, task: str, **kw: object) -> TaskStatus:
    plan = kw.pop("plan", SOLO)
    rows = compute_status(plan, entries, as_of, kw.pop("settings", DEFAULTS), **kw)  # type: ignore[arg-type]
    return next(r for r in rows if r.task.id == task)


def _task(task_id: str):  # type: ignore[no-untyped-def]
    return next(t for t in PLAN.tasks if t.id == task_id)


@pytest.mark.parametrize(
    ("task", "as_of", "expected"),
    [
        ("1.1", date(2017, 1, 1), 0.0),
        ("1.1", date(2017, 1, 31), 8.3),
        ("1.1", date(2017, 3, 31), 25.0),  # quarter ends: 25 / 50 / 75 / 100, as offices count
        ("1.1", date(2017, 4, 1), 25.0),
        ("1.1", date(2017, 5, 15), 33.3),  # May is not over: four months gone
        ("1.1", date(2017, 6, 30), 50.0),
        ("1.1", date(2017, 9, 30), 75.0),
        ("1.1", date(2017, 11, 30), 91.7),
        ("1.1", date(2017, 12, 31), 100.0),
        ("1.1", date(2018, 3, 31), 100.0),
        ("1.1", date(2016, 12, 31), 0.0),
        ("2.3", date(2017, 3, 31), 50.0),  # own deadline 6月底前: 3 of 6 months
        ("2.3", date(2017, 6, 30), 100.0),
        ("2.5", date(2017, 6, 30), 50.0),  # ongoing: the plan year
    ],
)
def test_expected_pct_by_months(task: str, as_of: date, expected: float) -> None:
    assert expected_pct(_task(task), 2017, as_of) == expected


@pytest.mark.parametrize(
    ("task", "as_of", "expected"),
    [
        ("1.1", date(2017, 1, 1), 0.3),
        ("1.1", date(2017, 3, 31), 24.7),  # 90 of 365 days
        ("1.1", date(2017, 9, 30), 74.8),
        ("1.1", date(2017, 12, 31), 100.0),
        ("2.3", date(2017, 3, 31), 49.7),  # own deadline 6月底前: 90 of 181 days
    ],
)
def test_expected_pct_by_days(task: str, as_of: date, expected: float) -> None:
    assert expected_pct(_task(task), 2017, as_of, "days") == expected


def test_days_rule_is_a_setting() -> None:
    row = _row([], Q3, "1.1", settings=StatusSettings(expected="days"))
    assert row.expected_pct == 74.8
    assert _row([], Q3, "1.1").expected_pct == 75.0


Q3 = date(2017, 9, 30)  # 序时进度 75


@pytest.mark.parametrize(
    ("kw", "light", "progress"),
    [
        ({"actuals": {"0": 45000.0}}, Light.on_track, 74.5),
        ({"actuals": {"0": 40000.0}}, Light.on_track, 66.2),  # 8.6 points behind: within tolerance 10
        ({"actuals": {"0": 35000.0}}, Light.behind, 57.9),
        ({"actuals": {"0": 26000.0}}, Light.serious, 43.0),  # 31.8 behind: over 30
        ({"actuals": {"0": 60400.0}}, Light.done, 100.0),
        ({"actuals": {"0": 60400.0, "1": 20000.0}}, Light.behind, 46.9),  # the worst target counts
        ({"percent": 80.0}, Light.on_track, 80.0),
        ({"percent": 50.0}, Light.behind, 50.0),
        ({"status": Status.done}, Light.done, 100.0),
        ({"status": Status.not_started}, Light.not_started, 0.0),
        ({"status": Status.in_progress}, Light.on_track, None),
        ({"status": Status.suspended}, Light.behind, None),
        ({"status": Status.in_progress, "actuals": {"0": 20000.0}}, Light.serious, 33.1),
    ],
    ids=lambda v: str(v),
)
def test_lights(kw: dict[str, object], light: Light, progress: float | None) -> None:
    row = _row([_e(1, "1.1", Q3, **kw)], Q3, "1.1")
    assert (row.light, row.progress_pct) == (light, progress)


def test_progress_from_targets_beats_percent() -> None:
    row = _row([_e(1, "1.1", Q3, percent=90.0, actuals={"0": 30200.0})], Q3, "1.1")
    assert row.progress_pct == 50.0
    assert row.percent == 90.0


def test_thresholds_come_from_settings() -> None:
    entry = [_e(1, "1.1", Q3, actuals={"0": 35000.0})]  # 16.9 points behind
    assert _row(entry, Q3, "1.1").light == Light.behind
    assert _row(entry, Q3, "1.1", settings=StatusSettings(tolerance=20, serious=50)).light == Light.on_track
    assert _row(entry, Q3, "1.1", settings=StatusSettings(tolerance=5, serious=15)).light == Light.serious


def test_limit_target_keeps_task_on_track_but_not_done() -> None:
    kept = _row([_e(1, "2.4", Q3, actuals={"0": 3.9})], Q3, "2.4")
    assert (kept.light, kept.progress_pct) == (Light.on_track, 100.0)
    broken = _row([_e(1, "2.4", Q3, actuals={"0": 6.0})], Q3, "2.4")  # a limit is held against 100
    assert (broken.light, broken.progress_pct) == (Light.behind, 75.0)
    far = _row([_e(1, "2.4", Q3, actuals={"0": 9.0})], Q3, "2.4")
    assert (far.light, far.progress_pct) == (Light.serious, 50.0)


@pytest.mark.parametrize(
    ("entry_date", "as_of", "reported", "light"),
    [
        (date(2017, 6, 30), date(2017, 6, 30), True, Light.on_track),
        (date(2017, 6, 30), date(2017, 7, 1), False, Light.not_reported),  # a new quarter began
        (date(2017, 7, 1), date(2017, 9, 30), True, Light.on_track),
        (date(2017, 9, 30), date(2017, 9, 29), False, Light.not_reported),  # entry after the date asked
        (date(2017, 3, 31), date(2017, 4, 1), False, Light.not_reported),
    ],
)
def test_not_reported_at_quarter_boundaries(
    entry_date: date, as_of: date, reported: bool, light: Light
) -> None:
    row = _row([_e(1, "1.1", entry_date, percent=95.0)], as_of, "1.1")
    assert (row.reported_in_period, row.light) == (reported, light)


def test_period_start_is_the_reporting_quarter() -> None:
    entries = [_e(1, "1.1", date(2017, 9, 30), percent=95.0)]
    row = _row(entries, date(2017, 10, 10), "1.1", period_start=date(2017, 7, 1))
    assert row.reported_in_period and row.light == Light.on_track


def test_done_stays_done_in_later_quarters() -> None:
    entries = [
        _e(1, "2.3", date(2017, 5, 20), agency="市安监局", status=Status.done),
        _e(2, "2.3", date(2017, 6, 20), agency="市卫计委", status=Status.done),
    ]
    row = _row(entries, date(2017, 12, 31), "2.3")
    assert (row.light, row.overdue) == (Light.done, False)


def test_past_deadline_unfinished_is_serious() -> None:
    row = _row([_e(1, "2.3", date(2017, 7, 5), agency="市安监局", percent=95.0)], date(2017, 7, 5), "2.3")
    assert (row.light, row.overdue, row.deadline) == (Light.serious, True, date(2017, 6, 30))


def test_before_any_record_everything_is_not_reported() -> None:
    rows = compute_status(PLAN, [], Q3, DEFAULTS)
    assert [r.task.id for r in rows] == ["1.1", "1.2", "2.3", "2.4", "2.5"]
    assert {r.light for r in rows} == {Light.not_reported}
    assert all(r.last is None and r.progress_pct is None for r in rows)


def test_latest_values_per_target_and_corrections() -> None:
    entries = [
        _e(1, "1.1", date(2017, 6, 30), actuals={"0": 30000.0, "1": 20000.0}),
        _e(2, "1.1", date(2017, 9, 30), actuals={"0": 45000.0}),
        _e(3, "1.1", date(2017, 9, 30), actuals={"0": 46000.0}, corrects=2),
    ]
    row = _row(entries, Q3, "1.1")
    assert [t.actual for t in row.targets] == [46000.0, 20000.0, None]
    assert row.last is not None and row.last.id == 3
    undone = _row([*entries, _e(4, "1.1", Q3, undoes=3)], Q3, "1.1")
    assert [t.actual for t in undone.targets] == [45000.0, 20000.0, None]


@pytest.mark.parametrize("name", ["市人社局", "人社局", "市人力资源和社会保障局", "人力资源社会保障局"])
def test_agency_by_any_name(name: str) -> None:
    rows = compute_status(PLAN, [], Q3, DEFAULTS, agency=name)
    assert [(r.task.id, r.role) for r in rows] == [
        ("1.1", Role.responsible),
        ("1.2", Role.responsible),
        ("2.4", Role.lead),
    ]


def test_role_filter_and_collectives() -> None:
    assert [r.task.id for r in compute_status(PLAN, [], Q3, DEFAULTS, agency="人社局", role=Role.lead)] == [
        "2.4"
    ]
    assert [r.task.id for r in compute_status(PLAN, [], Q3, DEFAULTS, role=Role.support)] == ["2.4", "2.5"]
    # 各成员单位 is not 市人社局: the collective does not put task 2.5 on its list
    assert "2.5" not in [r.task.id for r in compute_status(PLAN, [], Q3, DEFAULTS, agency="市人社局")]


def test_responsible_agency_sees_its_own_reports_support_sees_the_task() -> None:
    entries = [
        _e(1, "1.1", Q3, agency="市妇联", actuals={"2": 12000.0}),
        _e(2, "2.4", Q3, agency="市人社局", actuals={"0": 4.1}),
    ]
    mine = _row(entries, Q3, "1.1", agency="人社局", plan=PLAN)
    assert (mine.light, mine.last) == (Light.not_reported, None)
    theirs = _row(entries, Q3, "1.1", agency="妇联", plan=PLAN)
    assert theirs.targets[2].actual == 12000.0
    support = _row(entries, Q3, "2.4", agency="市统计局", plan=PLAN)
    assert (support.role, support.light) == (Role.support, Light.on_track)


def test_plan_year_falls_back_to_issue_date(tmp_path: Path) -> None:
    plan = Plan.model_validate(
        {**PLAN.model_dump(by_alias=True), "year": None, "issued_on": date(2016, 12, 20)}
    )
    row = compute_status(plan, [], date(2017, 3, 31), DEFAULTS)[0]
    assert row.expected_pct == 100.0


def test_reduced_entries_give_the_same_status(tmp_path: Path) -> None:
    """store.status_entries keeps only what compute_status reads; the rows must come out the same."""
    import random
    import shutil

    from plantrack.tracking import journal, store
    from plantrack.workspace import init_workspace

    ws = init_workspace(tmp_path / "ws")
    shutil.copy(FIXTURES / "plans" / "mini-2017.yaml", ws.plan_path("mini-2017"))
    rnd = random.Random(4)
    agencies = {
        "1.1": ["市人社局", "市妇联"],
        "1.2": ["市财政局"],
        "2.3": ["市安监局"],
        "2.4": ["市人社局"],
        "2.5": ["市妇联"],
    }
    for n in range(1, 301):
        task = rnd.choice(sorted(agencies))
        kw: dict[str, object] = {"agency": rnd.choice(agencies[task])}
        if rnd.random() < 0.3:
            kw["status"] = rnd.choice(list(Status))
        if rnd.random() < 0.3:
            kw["percent"] = float(rnd.randint(0, 100))
        if rnd.random() < 0.5:
            kw["actuals"] = {str(rnd.randint(0, 2)): float(rnd.randint(0, 70000))}
        if n > 5 and rnd.random() < 0.1:
            kw[rnd.choice(["corrects", "undoes"])] = rnd.randint(1, n - 1)
        day = date(2017, 1, 1) + timedelta(days=rnd.randint(0, 364))
        journal.append_entry(ws.journal_path("mini-2017"), "mini-2017", lambda i: _e(i, task, day, **kw))  # noqa: B023
    everything = store.load_entries(ws, "mini-2017")
    for as_of in (date(2017, 3, 31), date(2017, 6, 30), date(2017, 9, 30), date(2017, 12, 31)):
        reduced = store.status_entries(ws, "mini-2017", as_of)
        assert len(reduced) < len(everything)
        for agency in (None, "市人社局", "市妇联"):
            full = _dump(compute_status(PLAN, everything, as_of, DEFAULTS, agency=agency))
            assert _dump(compute_status(PLAN, reduced, as_of, DEFAULTS, agency=agency)) == full
            reports = store.status_reports(ws, "mini-2017", as_of)  # read from the index as asked
            assert _dump(compute_status(PLAN, reports, as_of, DEFAULTS, agency=agency)) == full
            reports.close()
        for agency in ("市人社局", "市妇联"):
            keep = _agency_view(agency)
            only = store.status_entries(ws, "mini-2017", as_of, keep=keep)
            assert len(only) < len(reduced)
            full = _dump(compute_status(PLAN, everything, as_of, DEFAULTS, agency=agency))
            assert _dump(compute_status(PLAN, only, as_of, DEFAULTS, agency=agency)) == full


@pytest.mark.parametrize(
    ("actual", "light"), [(4.5, Light.on_track), (4.6, Light.behind), (9.0, Light.serious)]
)
def test_a_cap_exceeded_is_never_on_schedule(actual: float, light: Light) -> None:
    # 2.4 控制在4.5%以内: 4.6% is only 2 points off, but the limit is broken
    assert _row([_e(1, "2.4", Q3, actuals={"0": actual})], Q3, "2.4").light == light


def _dump(rows: list[TaskStatus]) -> list[dict]:  # type: ignore[type-arg]
    from plantrack.tracking.outputs import task_status_model

    return [task_status_model(r).model_dump() for r in rows]


def _agency_view(agency: str):  # type: ignore[no-untyped-def]
    """The (task, agency) groups a one-agency view reads: its own reports on the tasks it leads or
    is responsible for, everyone's on the tasks it supports."""
    from plantrack.tracking.agencies import AgencyIndex
    from plantrack.tracking.status import agency_role

    index = AgencyIndex(a.name for t in PLAN.tasks for a in t.agencies)
    key = index.resolve(agency)
    roles = {t.id: agency_role(t, key, index) for t in PLAN.trackable()}
    return lambda task, who: (
        roles.get(task) == Role.support or (roles.get(task) is not None and index.key(who) == key)
    )
