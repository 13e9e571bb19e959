"""Tracking speed as whole processes on a generated workspace (not a test; tests never time anything).

    .venv/bin/python bench/bench_tracking.py          # 50 plans, 2,000 tasks, 100,000 entries
    .venv/bin/python bench/bench_tracking.py --quick  # 5 plans, 200 tasks, 10,000 entries

Budgets (issue 4): `plantrack status` < 0.5 s, `plantrack record` < 0.3 s, `plantrack --help` < 0.2 s,
each the median of several runs of the whole process. `status` is timed cold (no cache) and warm
(parsed plans and journals cached in .plantrack-cache/). Exit 1 if a budget is missed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

from plantrack.models import Agency, Item, Plan, Role, Target
from plantrack.planfile import HEADER, plan_to_data
from plantrack.tracking.journal import HEADER as JOURNAL_HEADER
from plantrack.tracking.journal import entry_line
from plantrack.tracking.models import Entry, Status
from plantrack.workspace import init_workspace

RECORD = [
    "record",
    "plan-03",
    "1.1",
    "--date",
    "2017-09-30",
    "--percent",
    "80",
    "--agency",
    "工信委",
    "--note",
    "基准",
]
BUDGETS = {"help": 0.2, "status": 0.5, "record": 0.3}
AGENCIES = ["市人社局", "市发改委", "市财政局", "市农业局", "市工信委", "市商务局", "市扶贫移民办", "市统计局",
            "市总工会", "团市委", "市妇联", "市教育局", "市公安局", "市城建局", "市卫计委", "市安监局"]  # fmt: skip


def make_plan(k: int, tasks: int) -> Plan:
    items = []
    for n in range(1, tasks + 1):
        names = AGENCIES[(n + k) % 8 : (n + k) % 8 + 2 + n % 6]
        agencies = [Agency(name=a, role=Role.lead if i == 0 else Role.support) for i, a in enumerate(names)]
        targets = [Target(value=1000.0 * n, unit="人", metric=f"指标{n}")] if n % 2 else []
        text = f"第{n}项工作任务的全文。" * 20
        items.append(Item(path=[1 + (n - 1) // 10, n], number=f"({n})", title=f"第{n}项工作任务", text=text,
                          agencies=agencies, targets=targets, deadlines=[date(2017, 12, 31)] if n % 3 else []))  # fmt: skip
    return Plan(id=f"plan-{k:02d}", title=f"第{k}号工作要点", year=2017, tasks=items)


def write_workspace(root: Path, plans: int, tasks: int, entries: int) -> None:
    ws = init_workspace(root)
    per_plan = entries // plans
    start = datetime(2017, 1, 5)
    for k in range(plans):
        plan = make_plan(k, tasks)
        body = yaml.safe_dump(plan_to_data(plan), allow_unicode=True, sort_keys=False, width=4096)
        ws.plan_path(plan.id).write_text(HEADER + body, encoding="utf-8")
        lines = [JOURNAL_HEADER.format(plan_id=plan.id)]
        ids = [t.id for t in plan.trackable()]
        for i in range(1, per_plan + 1):
            task = plan.tasks[i % tasks]
            day = date(2017, 1, 1) + timedelta(days=i * 270 // per_plan)
            entry = Entry(
                id=i, task=ids[i % tasks], as_of=day, recorded_at=start + timedelta(minutes=i),
                agency=task.agencies[0].name, status=Status.in_progress, percent=float(i % 100),
                actuals={"0": float(i)} if task.targets else {}, note="按计划推进，已完成阶段性任务。",
            )  # fmt: skip
            lines.append(entry_line(entry))
        ws.journal_path(plan.id).write_text("".join(lines), encoding="utf-8")


def timed(args: list[str], cwd: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    plans, tasks, entries = (5, 40, 10_000) if opts.quick else (50, 40, 100_000)
    exe = str(Path(sys.executable).with_name("plantrack"))
    tmp = Path(tempfile.mkdtemp(prefix="plantrack-bench-"))
    try:
        t0 = time.perf_counter()
        write_workspace(tmp / "ws", plans, tasks, entries)
        ws = tmp / "ws"
        print(
            f"workspace: {plans} plans, {plans * tasks} tasks, {entries} entries ({time.perf_counter() - t0:.1f} s)"
        )
        status = [exe, "status", "--as-of", "2017-09-30"]
        cold = timed(status, ws, 1)
        results = {
            "help": timed([exe, "--help"], ws, opts.runs),
            "status": timed(status, ws, opts.runs),
            "record": timed([exe, *RECORD], ws, opts.runs),
        }
        print(f"status (cold cache, 1 run): {cold:.3f} s")
        failed = False
        for name, seconds in results.items():
            ok = seconds <= BUDGETS[name]
            failed |= not ok
            print(f"{name:7s} {seconds:.3f} s  (budget {BUDGETS[name]} s) {'ok' if ok else 'OVER'}")
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
