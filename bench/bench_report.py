"""Report speed: a 22-task plan with five years of monthly entries from every agency, in under 1 s.

    .venv/bin/python bench/bench_report.py          # full size, prints timings, exit 1 if over budget
    .venv/bin/python bench/bench_report.py --quick  # a smaller journal, for a smoke run

Two timings: the report from data in memory (build + render), and `plantrack report` end to end
on a workspace (reading the plan and the journal files, cold cache, writing the Markdown).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from plantrack.config import StatusSettings
from plantrack.models import Agency, Item, Plan, Role, Section, Target
from plantrack.report import PlanInput, build_report, render_report
from plantrack.tracking.models import Entry, Status

BUDGET_S = 1.0
AGENCIES = ["市人社局", "市发改委", "市财政局", "市农业局", "市工信委", "市商务局", "市扶贫移民办", "市统计局",
            "市总工会", "团市委", "市妇联", "市教育局", "市公安局", "市城建局"]  # fmt: skip


def make_plan(year: int) -> Plan:
    tasks = []
    for n in range(1, 23):
        names = AGENCIES[(n % 5) : (n % 5) + 3 + n % 10]
        role = Role.lead if n % 3 == 0 else Role.responsible
        agencies = [Agency(name=a, role=role if i == 0 else Role.responsible) for i, a in enumerate(names)]
        targets = [Target(value=10000.0 * n, unit="人", metric=f"指标{n}")] if n % 2 else []
        deadlines = [date(year, 3 * (n % 4) + 3, 28)] if n % 4 else []
        tasks.append(Item(path=[1 + (n - 1) // 5, n], number=f"({n})", title=f"第{n}项工作任务",
                          agencies=agencies, targets=targets, deadlines=deadlines))  # fmt: skip
    sections = [Section(path=[s], number=f"{s}、", title=f"第{s}部分") for s in range(1, 6)]
    return Plan(id="bench", title=f"{year}年工作要点", doc_number="吉农工办〔2017〕1号", year=year,
                sections=sections, tasks=tasks)  # fmt: skip


def month_ends(last: date, months: int) -> list[date]:
    out, day = [], last
    for _ in range(months):
        out.append(day)
        day = day.replace(day=1) - timedelta(days=1)
    return sorted(out)


def make_entries(plan: Plan, months: int, last: date) -> list[Entry]:
    entries: list[Entry] = []
    clock = datetime(2013, 1, 1)
    for k, day in enumerate(month_ends(last, months), start=1):
        for task in plan.trackable():
            for agency in task.agencies:
                pct = min(100.0, 100.0 * k / months)
                actuals = {"0": task.targets[0].value * pct / 100} if task.targets else {}
                entries.append(Entry(
                    id=len(entries) + 1, task=task.id, as_of=day, recorded_at=clock, agency=agency.name,
                    status=Status.in_progress, percent=pct, actuals=actuals, note=f"{day.month}月进展|第{k}次报送",
                ))  # fmt: skip
    return entries


def timed(label: str, fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    took = time.perf_counter() - start
    print(f"{label}: {took:.3f} s")
    return took


def prepare_workspace(plan: Plan, entries: list[Entry]) -> Path:
    """A workspace holding the plan file and its journal, written line by line as the journal does."""
    from plantrack.planfile import write_plan
    from plantrack.tracking.journal import HEADER, entry_line
    from plantrack.workspace import init_workspace

    ws = init_workspace(Path(tempfile.mkdtemp(prefix="plantrack-bench-")))
    write_plan(plan, ws.plan_path(plan.id))
    lines = "".join(entry_line(e) for e in entries)
    ws.journal_path(plan.id).write_text(HEADER.format(plan_id=plan.id) + lines, encoding="utf-8")
    return ws.root


def workspace_report(root: Path, as_of: date) -> None:
    """What `plantrack report --quarter …` does after parsing its options."""
    from plantrack.report.generate import make_report, write_text
    from plantrack.workspace import Workspace

    written = make_report(Workspace(root), as_of)
    write_text(written.default_path, written.text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Report speed benchmark")
    parser.add_argument("--quick", action="store_true", help="one year of entries instead of five")
    args = parser.parse_args(argv)
    months = 12 if args.quick else 60
    as_of = date(2017, 9, 30)
    plan = make_plan(2017)
    entries = make_entries(plan, months, as_of)
    print(f"plan: {len(plan.trackable())} tasks; journal: {len(entries)} entries over {months} months")
    in_memory = timed(
        "report in memory (build + render)",
        lambda: render_report(build_report([PlanInput(plan, entries)], as_of, StatusSettings())),
    )
    root = prepare_workspace(plan, entries)
    try:
        cold = timed("plantrack report on a workspace (cold cache)", lambda: workspace_report(root, as_of))
        warm = timed("plantrack report on a workspace (warm cache)", lambda: workspace_report(root, as_of))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    worst = max(in_memory, cold, warm)
    print(f"budget {BUDGET_S:.1f} s: {'ok' if worst < BUDGET_S else 'TOO SLOW'}")
    return 0 if worst < BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
