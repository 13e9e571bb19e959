"""A side-by-side anchor: Taskwarrior listing the same tasks that `plantrack status` shows.

The workspace's tasks are written as Taskwarrior JSON, loaded with `task import` into a temporary
TASKDATA with its own TASKRC (never ~/.task or ~/.taskrc), and `task list` is timed as a whole process.
"""

from __future__ import annotations

import json
import shutil
import statistics
import uuid
from collections.abc import Callable
from pathlib import Path

from measure import Measurement, child_env, fmt_kb, fmt_seconds, run_process, time_process

NAMESPACE = uuid.UUID("6f1d2a7e-3c4b-4e8f-9a10-5b6c7d8e9f00")


def task_json(root: Path) -> list[dict[str, object]]:
    """Every trackable task of the workspace as a pending Taskwarrior task (deterministic uuids)."""
    from plantrack.tracking import store
    from plantrack.workspace import Workspace

    ws = Workspace(root)
    out: list[dict[str, object]] = []
    for plan_id in store.plan_ids(ws):
        plan = store.load_plan(ws, plan_id)
        for task in plan.trackable():
            item: dict[str, object] = {
                "uuid": str(uuid.uuid5(NAMESPACE, f"{plan_id}/{task.id}")),
                "description": f"{task.number} {task.title}",
                "project": plan_id,
                "status": "pending",
                "entry": "20170301T000000Z",
            }
            if task.deadlines:
                item["due"] = max(task.deadlines).strftime("%Y%m%dT000000Z")
            out.append(item)
    return out


def anchor(out: Path, root: Path, scale: str, status: Measurement | None, runs: int,
           say: Callable[[str], None]) -> list[str]:  # fmt: skip
    """Lines for results.md: the task list timing and the ratio plantrack-status / task-list."""
    task = shutil.which("task")
    if task is None:
        say("taskwarrior: `task` is not installed; anchor skipped (apt-get install taskwarrior)")
        return ["Skipped: `task` (Debian package `taskwarrior`) is not installed."]
    say(f"taskwarrior anchor ({scale} workspace)")
    home = out / "taskwarrior"
    shutil.rmtree(home, ignore_errors=True)
    (home / "data").mkdir(parents=True)
    rc = home / "taskrc"
    rc.write_text(f"data.location={home / 'data'}\nconfirmation=no\nhooks=off\ngc=on\ndefaultwidth=160\n"
                  "news.version=9.9.9\n", encoding="utf-8")  # fmt: skip
    env = child_env({"TASKRC": str(rc), "TASKDATA": str(home / "data"), "HOME": str(home)})
    tasks = task_json(root)
    (home / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    version = run_process([task, "--version"], env=env).output.strip()
    imported = run_process([task, "rc.verbose=nothing", "import", str(home / "tasks.json")], env=env)
    if imported.returncode != 0:
        return [f"Taskwarrior {version}: `task import` failed: {imported.output.strip()[-200:]}"]
    listing = time_process(
        Measurement("task-list", "`task list`", scale, "process"), [task, "list"], runs, env
    )
    if listing.failed or listing.median is None:
        return [f"Taskwarrior {version}: `task list` failed ({listing.failed})."]
    shown = sum(
        1
        for ln in run_process([task, "rc.verbose=nothing", "list"], env=env).output.splitlines()
        if ln.strip()
    )
    lines = [
        f"Taskwarrior {version}; {len(tasks):,} tasks of the {scale} workspace loaded with `task import` "
        f"in {fmt_seconds(imported.seconds)} (temporary TASKDATA and TASKRC).",
        "",
        f"- `task list` ({shown:,} lines): median {fmt_seconds(listing.median)} of {len(listing.times)} runs, "
        f"peak RSS {fmt_kb(listing.peak_kb)}",
    ]
    if status is not None and status.median is not None:
        ratio = status.median / listing.median
        lines.append(f"- `plantrack status` (all tasks, same workspace): median {fmt_seconds(status.median)}")
        lines.append(f"- ratio plantrack-status / task-list: **{ratio:.1f}**")
        say(f"  task list {fmt_seconds(listing.median)}; plantrack status / task list = {ratio:.1f}")
    spread = statistics.pstdev(listing.times) if len(listing.times) > 1 else 0.0
    lines.append(f"- spread of the task list runs (standard deviation): {fmt_seconds(spread)}")
    return lines
