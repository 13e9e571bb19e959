"""The one rule for a task with several agencies, and a workspace driven through every view of it."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

from plantrack.config import StatusSettings
from plantrack.planfile import load_plan
from plantrack.tracking.models import Entry, Light, Status, TaskStatus
from plantrack.tracking.status import compute_status
from tests.conftest import FIXTURES

PLAN = load_plan(FIXTURES / "plans" / "mini-2017.yaml")
Q3 = date(2017, 9, 30)


def _e(new_id: int, task: str, agency: str, **kw: object) -> Entry:
    data: dict[str, object] = {"id": new_id, "task": task, "as_of": Q3, "recorded_at": datetime(2017, 10, 8)}
    data.update(kw, agency=agency)
    return Entry.model_validate(data)


def _task(entries: list[Entry], task: str, agency: str | None = None) -> TaskStatus:
    rows = compute_status(PLAN, entries, Q3, StatusSettings(), agency=agency)
    return next(r for r in rows if r.task.id == task)


def test_the_lowest_responsible_agency_sets_the_task() -> None:
    # 1.1: 市人社局、市发改委、市妇联、团市委分别负责; one agency's 80% must not hide another's 50%
    entries = [_e(1, "1.1", "市人社局", percent=80.0), _e(2, "1.1", "市妇联", percent=50.0)]
    row = _task(entries, "1.1")
    assert (row.progress_pct, row.light) == (50.0, Light.behind)
    assert [(s.agency, s.progress_pct, s.light) for s in row.shares] == [
        ("市人社局", 80.0, Light.on_track),
        ("市发改委", None, Light.not_reported),
        ("市妇联", 50.0, Light.behind),
        ("团市委", None, Light.not_reported),
    ]
    assert row.owing == ["市发改委", "团市委"]
    assert _task(entries, "1.1", agency="人社局").progress_pct == 80.0  # its own share
    assert _task(entries, "1.1", agency="团市委").light == Light.not_reported


def test_the_lead_sets_the_task_and_support_reports_are_shown_only() -> None:
    # 2.4: 市人社局牵头，市统计局参加
    support_only = [_e(1, "2.4", "市统计局", actuals={"0": 4.0}, note="统计局测算")]
    row = _task(support_only, "2.4")
    assert row.light == Light.not_reported and row.owing == ["市人社局"]
    assert [(s.agency, s.counts, s.last is not None) for s in row.shares] == [
        ("市人社局", True, False),
        ("市统计局", False, True),
    ]
    both = [*support_only, _e(2, "2.4", "市人社局", actuals={"0": 3.9})]
    assert (_task(both, "2.4").light, _task(both, "2.4").targets[0].actual) == (Light.on_track, 3.9)
    # the supporting agency's view shows the task's row, not its own figure
    assert _task(both, "2.4", agency="统计局").targets[0].actual == 3.9


def test_done_only_when_every_agency_that_counts_is_done() -> None:
    # 2.3: 市安监局、市卫计委牵头 (two leads)
    one = [_e(1, "2.3", "市安监局", status=Status.done), _e(2, "2.3", "市卫计委", percent=90.0)]
    assert _task(one, "2.3").light == Light.serious  # past its deadline, 市卫计委 not done
    both = [*one, _e(3, "2.3", "市卫计委", status=Status.done)]
    assert (_task(both, "2.3").light, _task(both, "2.3").owing) == (Light.done, [])


def test_a_task_naming_only_a_collective_reads_everybody() -> None:
    # 2.5: 市委宣传部牵头，各成员单位参加 -> the lead counts; 各成员单位 is not an agency
    row = _task([_e(1, "2.5", "市妇联", percent=90.0)], "2.5")
    assert row.light == Light.not_reported and row.owing == ["市委宣传部"]


# --- one workspace through status, show, history, report and the agency report ---------------------


def _setup(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(FIXTURES / "plans" / "mini-2017.yaml", workspace / "data" / "extracted" / "mini-2017.yaml")
    steps = [
        ["(一)", "--agency", "人社局", "--actual", "0=4.6万", "--note", "人社局前三季度"],
        ["(一)", "--agency", "妇联", "--actual", "0=2万", "--note", "妇联前三季度"],
        ["(一)", "--agency", "人社局", "--corrects", "1", "--actual", "0=4.5万"],  # #3 corrects #1
        ["(一)", "--agency", "团市委", "--percent", "90"],  # #4, undone below
        ["(四)", "--agency", "市统计局", "--actual", "0=3.8", "--any-agency"],
        ["(四)", "--agency", "人社局", "--actual", "0=4.7"],  # the cap 4.5% exceeded
        ["(二)", "--agency", "财政局", "--percent", "70"],
    ]
    for step in steps:
        result = invoke("-w", workspace, "record", "mini-2017", *step, "--date", "2017-09-30")
        assert result.exit_code == 0, result.output
    assert invoke("-w", workspace, "undo", "mini-2017", "--id", "4").exit_code == 0


def test_status_show_history_and_reports_agree(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    from plantrack.report.generate import make_report
    from plantrack.workspace import Workspace

    _setup(invoke, workspace)
    run = lambda *a: invoke("-w", workspace, *a)  # noqa: E731
    tasks = json.loads(run("status", "--as-of", "2017-09-30", "--json").output)["tasks"]
    status = {t["task"]: (t["light_label"], t["progress_pct"]) for t in tasks}
    assert status["1.1"] == ("严重滞后", 33.1)  # 市妇联's 2万 of 6.04万, not 市人社局's corrected 4.5万
    assert status["2.4"][0] == "滞后"  # a cap exceeded is behind, whatever 市统计局 says
    assert status["1.2"] == ("序时推进", 70.0)

    ws = Workspace(workspace)
    report = make_report(ws, Q3).report.plans[0]
    assert {r.id: (r.light_label, r.progress) for r in report.tasks} == {
        k: (light, "—" if pct is None else f"{pct:g}%") for k, (light, pct) in status.items()
    }
    owing = {t.id: [] for t in PLAN.trackable()}  # type: dict[str, list[str]]
    for row in compute_status(PLAN, _entries(ws), Q3, StatusSettings()):
        owing[row.task.id] = row.owing
    assert owing["1.1"] == ["市发改委", "团市委"]  # the undone 90% is no report
    silent = {a.name: a.tasks for a in report.silent}
    seq = {r.seq: r.id for r in report.tasks}
    assert {n: sorted(seq[s] for s in tasks) for n, tasks in silent.items()} == _by_agency(owing)

    for agency in ("市人社局", "市妇联", "团市委", "市统计局"):
        mine = json.loads(run("status", "--as-of", "2017-09-30", "--agency", agency, "--json").output)[
            "tasks"
        ]
        own = make_report(ws, Q3, agency=agency).report.plans[0]
        assert [(t["task"], t["light_label"]) for t in mine] == [(r.id, r.light_label) for r in own.tasks]
        assert [a.name for a in own.silent] in ([], [agency])

    shown = run("show", "mini-2017", "(一)", "--as-of", "2017-09-30").output
    assert "未报送：市发改委、团市委" in shown
    assert "市妇联（负责）33.1% 严重滞后" in shown
    history = run("history", "mini-2017", "(一)").output
    assert (
        "进展（截至 2017-09-30）：严重滞后，进度 33.1%" in history
        and "市人社局（负责）74.5% 序时推进" in history
    )


def _entries(ws):  # type: ignore[no-untyped-def]
    from plantrack.tracking import store

    return store.load_entries(ws, "mini-2017")


def _by_agency(owing: dict[str, list[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for task, names in owing.items():
        for name in names:
            out.setdefault(name, []).append(task)
    return {k: sorted(v) for k, v in out.items()}
