"""Office files speed: `plantrack export` of the large workspace (2,000 tasks in 50 plans, 100,000
entries) under 3 s, and `plantrack import` of 30 filled fill-in sheets under 2 s, as whole processes.

    .venv/bin/python bench/bench_office.py            # large workspace, 3 runs each
    .venv/bin/python bench/bench_office.py --quick    # medium workspace, 1 run each

The workspace comes from bench/generate.py (same seed, same data). The sheets are the real
`templates` of plan-001's agencies, filled with openpyxl (a value in every target, a percent, a
status and a note on every row), then imported into a fresh copy of the workspace on every run.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate as gen
from measure import child_env, plantrack_command, run_process

EXPORT_BUDGET_S = 3.0
IMPORT_BUDGET_S = 2.0
SHEETS = 30


def fill_sheets(ws_root: Path, folder: Path) -> list[Path]:
    """Templates for 2017Q3 of the plans' agencies (at most SHEETS), every row filled."""
    from openpyxl import load_workbook

    from plantrack.office.fillin import HEADER_ROW, write_templates
    from plantrack.periods import Quarter
    from plantrack.tracking import store
    from plantrack.workspace import Workspace

    ws = Workspace(ws_root)
    files: list[Path] = []
    for plan_id in store.plan_ids(ws):
        made = write_templates(ws, plan_id, Quarter(2017, 3), folder / plan_id)
        files += [p for _, p, _ in made.files][: SHEETS - len(files)]
        if len(files) >= SHEETS:
            break
    for path in files:
        wb = load_workbook(path)
        sheet = wb.worksheets[0]
        cols = {str(c.value): c.column for c in sheet[HEADER_ROW] if c.value}
        for r in range(HEADER_ROW + 1, sheet.max_row + 1):
            for name, col in cols.items():
                if name.startswith("目标") and "完成值" in name and not sheet.cell(r, col).protection.locked:
                    sheet.cell(r, col).value = 1000 + r
            sheet.cell(r, cols["完成百分比"]).value = 70
            sheet.cell(r, cols["状态"]).value = "推进中"
            sheet.cell(r, cols["进展情况"]).value = f"第{r}行：按计划推进"
        wb.save(path)
    return files


def child_cpu() -> float:
    """CPU seconds (user + system) of the finished children so far: the figure a loaded machine
    distorts least."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int, default=None)
    args = ap.parse_args(argv)
    scale = gen.MEDIUM if args.quick else gen.LARGE
    runs = args.runs or (1 if args.quick else 3)
    cmd = plantrack_command()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "ws"
        gen.make_workspace(base, scale)
        run_process([*cmd, "-w", str(base), "status"], env=child_env())  # fill the cache, as in daily use
        export_times, export_cpu = [], []
        for _ in range(runs):
            cpu = child_cpu()
            run = run_process(
                [*cmd, "-w", str(base), "export", "-q", "2017Q3", "-o", str(Path(tmp) / "台账.xlsx")],
                env=child_env(),
            )
            if run.returncode:
                print(run.output)
                return 2
            export_times.append(run.seconds)
            export_cpu.append(child_cpu() - cpu)
        sheets = fill_sheets(base, Path(tmp) / "sheets")
        import_times, import_cpu = [], []
        for i in range(runs):
            copy = Path(tmp) / f"copy{i}"
            shutil.copytree(base, copy)
            cpu = child_cpu()
            run = run_process([*cmd, "-w", str(copy), "import", *map(str, sheets), "--yes"], env=child_env())
            if run.returncode:
                print(run.output)
                return 2
            import_times.append(run.seconds)
            import_cpu.append(child_cpu() - cpu)
        last = run.output.strip().splitlines()[-1]
    for label, times, cpus, budget in (
        (f"export ({scale.tasks} tasks, {scale.plans} plans)", export_times, export_cpu, EXPORT_BUDGET_S),
        (f"import ({len(sheets)} sheets; {last})", import_times, import_cpu, IMPORT_BUDGET_S),
    ):
        median = statistics.median(times)
        verdict = "ok" if median < budget else "OVER"
        ok = ok and median < budget
        print(
            f"{label}: median {median:.2f} s wall, {statistics.median(cpus):.2f} s CPU, of {len(times)}"
            f" (goal < {budget:.0f} s) {verdict}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
