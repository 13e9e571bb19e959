"""plantrack benchmarks: one entry point for extraction, record, status and report speed.

    .venv/bin/python bench/run.py            # full run (small, medium, large), writes bench/results.md
    .venv/bin/python bench/run.py --quick    # small and medium, fewer runs, writes bench/out/results-quick.md

Data are generated deterministically (bench/generate.py, --seed) into bench/out/ (not in git).
See bench/README.md for what is measured and how to read the results.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import generate as gen
from measure import (
    Measurement,
    child_env,
    compile_sources,
    fmt_seconds,
    plantrack_command,
    run_process,
    time_call,
    time_process,
)
from tables import GOAL_HEAD, Results, goal_rows, markdown, terminal_table

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
HEAVY = {"jieba", "opencc", "ruamel", "jinja2", "lxml", "pdfminer", "docx", "portalocker", "rich", "yaml"}
NEVER = {"opencc", "lxml", "pdfminer", "docx"}  # not for a simplified .txt notice, nor for tracking
QUARTER = "2017Q3"


class Suite:
    """Runs every measurement of one benchmark run into a Results."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.quick: bool = args.quick
        self.out: Path = args.out.resolve()
        self.runs = args.runs or (3 if self.quick else 7)
        self.res = Results(quick=self.quick, seed=args.seed)
        self.cmd = plantrack_command()
        self.env = child_env()

    # -- helpers

    def say(self, text: str) -> None:
        print(text, flush=True)

    def add(self, m: Measurement) -> Measurement:
        self.res.measures.append(m)
        shown = m.failed or f"median {fmt_seconds(m.median)} of {len(m.times)}"
        self.say(f"  {m.label} [{m.scale}]: {shown}")
        return m

    def process(self, key: str, label: str, scale: str, args: list[str], runs: int | None = None,
                before: Callable[[], None] | None = None, note: str = "") -> Measurement:  # fmt: skip
        m = Measurement(key, label, scale, "process", note=note)
        return self.add(time_process(m, [*self.cmd, *args], runs or self.runs, self.env, before))

    def library(self, key: str, label: str, scale: str, fn: Callable[[], object], runs: int | None = None,
                note: str = "") -> Measurement:  # fmt: skip
        m = Measurement(key, label, scale, "library", note=note)
        return self.add(time_call(m, fn, runs or self.runs))

    # -- the parts

    def run(self) -> Results:
        start = time.perf_counter()
        self.out.mkdir(parents=True, exist_ok=True)
        compile_sources()
        self.say(f"plantrack benchmarks ({'quick' if self.quick else 'full'} run), data in {self.out}")
        self.process("help", "`plantrack --help`", "-", ["--help"], runs=self.runs + 3)
        scales = [gen.SMALL, gen.MEDIUM] if self.quick else [gen.SMALL, gen.MEDIUM, gen.LARGE]
        for scale in scales:
            self.tracking(scale)
        self.report_goal()
        self.extraction()
        self.adversarial()
        self.lazy_modules(self.out / scales[-1].name)
        self.taskwarrior(scales[-1])
        self.res.seconds = time.perf_counter() - start
        return self.res

    def tracking(self, scale: gen.Scale) -> None:
        """status (cold cache, all, one agency), report, record: whole processes and library calls."""
        self.say(f"{scale.name}: {scale.plans} plans, {scale.tasks} tasks, {scale.entries} entries")
        root = self.out / scale.name
        started = time.perf_counter()
        ws = gen.make_workspace(root, scale, self.args.seed)
        size = sum(p.stat().st_size for p in (root / "data").rglob("*.yaml")) / 1e6
        self.res.info.append(f"{scale.name} workspace: {scale.plans} plan(s), {scale.tasks:,} tasks, "
                             f"{scale.entries:,} entries, {size:.1f} MB of YAML, generated in "
                             f"{time.perf_counter() - started:.1f} s")  # fmt: skip
        w, day = ["-w", str(root)], ["--as-of", gen.AS_OF.isoformat()]
        cache = root / ".plantrack-cache"
        self.process("status-first", "`status` (all), no cache yet", scale.name, [*w, "status", *day],
                     runs=1 if self.quick else 3, before=lambda: shutil.rmtree(cache, ignore_errors=True))  # fmt: skip
        self.process("status-all", "`status` (all tasks)", scale.name, [*w, "status", *day])
        self.process("status-agency", f"`status --agency {gen.MAIN_AGENCY}`", scale.name,
                     [*w, "status", *day, "--agency", gen.MAIN_AGENCY])  # fmt: skip
        self.process("status-json", "`status --json` (all)", scale.name, [*w, "status", *day, "--json"],
                     runs=max(3, self.runs // 2))  # fmt: skip
        self.process("report", f"`report --quarter {QUARTER}`", scale.name, [*w, "report", "-q", QUARTER],
                     runs=max(3, self.runs // 2))  # fmt: skip
        self.tracking_library(ws, scale)
        task, agency = _record_target(ws)
        self.process("record", "`record`", scale.name,
                     [*w, "record", "plan-001", task, "-a", agency, "-d", gen.AS_OF.isoformat(),
                      "--percent", "60", "--note", "基准测试记录"])  # fmt: skip

    def tracking_library(self, ws: object, scale: gen.Scale) -> None:
        from plantrack.report.generate import make_report
        from plantrack.tracking.ledger import status

        runs = max(3, self.runs // 2)
        self.library(
            "status-lib", "status() all tasks", scale.name, lambda: status(ws, None, gen.AS_OF), runs
        )  # type: ignore[arg-type]
        self.library("status-agency-lib", "status() one agency", scale.name,
                     lambda: status(ws, None, gen.AS_OF, agency=gen.MAIN_AGENCY), runs)  # type: ignore[arg-type]  # fmt: skip
        self.library("report-lib", "make_report()", scale.name, lambda: make_report(ws, gen.AS_OF), runs)  # type: ignore[arg-type]

    def report_goal(self) -> None:
        """The report issue's case: a plan of 22 tasks, five years of monthly entries from every agency."""
        import bench_report as br
        from plantrack.config import StatusSettings
        from plantrack.report import PlanInput, build_report, render_report

        self.say("report over 22 tasks, five years of monthly entries (bench_report.py)")
        plan = br.make_plan(2017)
        entries = br.make_entries(plan, 60, gen.AS_OF)
        root = self.out / "report-22"
        shutil.rmtree(root, ignore_errors=True)
        made = br.prepare_workspace(plan, entries)
        shutil.move(str(made), root)
        self.res.info.append(f"report workspace: 1 plan, 22 tasks, {len(entries):,} entries (60 months)")
        cache = root / ".plantrack-cache"
        args = ["-w", str(root), "report", "-q", QUARTER]
        self.process("report-first", "`report`, no cache yet", "22 tasks", args, runs=1 if self.quick else 3,
                     before=lambda: shutil.rmtree(cache, ignore_errors=True))  # fmt: skip
        self.process("report", "`report --quarter 2017Q3`", "22 tasks", args)
        self.library("report-memory", "build_report() + render_report()", "22 tasks",
                     lambda: render_report(build_report([PlanInput(plan, entries)], gen.AS_OF, StatusSettings())))  # fmt: skip

    def extraction(self) -> None:
        """One notice cold, a 20 KB notice warm, every notice warm, and a batch on every core."""
        from plantrack.extract.pipeline import extract_text

        self.say("extraction")
        folder = self.out / "notices"
        shutil.rmtree(folder, ignore_errors=True)
        sizes = [5_000, 20_000, 50_000] if self.quick else [5_000 + 45_000 * k // 19 for k in range(20)]
        generated = gen.write_notices(folder, sizes, self.args.seed)
        notice = gen.write_notices(folder / "goal", [20_000], self.args.seed + 1)[0]
        seeds = sorted((REPO / "data" / "sources").glob("*.txt")) + sorted(
            (REPO / "tests/fixtures/seeds").glob("*.txt")
        )
        batch = seeds + generated
        total = sum(p.stat().st_size for p in batch) / 1000
        self.res.info.append(f"notices: {len(seeds)} bundled and fixture notices and {len(generated)} generated "
                             f"ones of 5–50 KB, {total:.0f} KB in all; the goal notice is {notice.stat().st_size:,} bytes")  # fmt: skip
        self.process("extract-cold", "`extract` one notice", "20 KB",
                     ["extract", str(notice), "-o", str(self.out / "notice-20k.yaml"), "--force"])  # fmt: skip
        jian = REPO / "data" / "sources" / "jian-2017.txt"
        self.process("extract-jian", "`extract` of the Ji'an notice", "jian-2017",
                     ["extract", str(jian), "-o", str(self.out / "jian-2017.yaml"), "--force"])  # fmt: skip
        text = notice.read_text(encoding="utf-8")
        self.library(
            "extract-warm", "extract_text()", "20 KB", lambda: extract_text(text), runs=self.runs + 4
        )
        self.per_notice(batch)
        self.batch_rate(batch)
        self.batch_command(batch)

    def batch_command(self, batch: list[Path]) -> None:
        """`plantrack extract` of the whole batch into a folder, on one core and on every core."""
        target = self.out / "extracted"

        def clear() -> None:
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)

        for jobs in (1, 0):
            m = self.process(f"extract-cli-j{jobs}", f"`extract` of the batch, `-j {jobs}`", f"{len(batch)} notices",
                             ["extract", *map(str, batch), "-o", str(target), "--force", "-j", str(jobs)],
                             runs=1 if self.quick else 3, before=clear)  # fmt: skip
            if m.median:
                m.note = f"{len(batch) / m.median:.0f} notices/s" + (" (all cores)" if jobs == 0 else "")

    def per_notice(self, batch: list[Path]) -> None:
        from plantrack.extract.pipeline import extract_source

        for path in batch:
            m = time_call(
                Measurement("notice", path.name, "", "library"), lambda p=path: extract_source(p), 3
            )
            plan = extract_source(path).plan
            tasks = plan.trackable()
            self.res.notices.append([path.name, f"{path.stat().st_size / 1000:.1f} KB", str(len(tasks)),
                                     str(sum(len(t.agencies) for t in tasks)), str(sum(len(t.targets) for t in tasks)),
                                     str(sum(len(t.deadlines) for t in tasks)), fmt_seconds(m.median)])  # fmt: skip

    def batch_rate(self, batch: list[Path]) -> None:
        """Notices per second: serially in this process, and with one warmed-up worker process per core."""
        from concurrent.futures import ProcessPoolExecutor

        from tables import cores

        files = [str(p) for p in batch] * (1 if self.quick else 4)
        label = f"{len(files)} notices"
        m = time_call(Measurement("extract-batch-1", "batch, one process", label, "library"),
                      lambda: [_extract_path(f) for f in files], 1, warmup=0)  # fmt: skip
        m.note = f"{len(files) / m.times[0]:.0f} notices/s"
        self.add(m)
        n = cores()
        with ProcessPoolExecutor(max_workers=n, initializer=_warm_worker, initargs=(files[0],)) as pool:
            list(pool.map(time.sleep, [0.2] * n))  # every worker started and warmed up
            m = time_call(Measurement("extract-batch", f"batch, {n} worker processes", label, "library"),
                          lambda: list(pool.map(_extract_path, files, chunksize=4)), 1, warmup=0)  # fmt: skip
        m.note = f"{len(files) / m.times[0]:.0f} notices/s"
        self.add(m)

    def adversarial(self) -> None:
        """Each text in a fresh process with a time limit, so a runaway pattern cannot stall the run."""
        size = 100_000 if self.quick else 1_000_000
        label = "100 KB" if self.quick else "1 MB"
        limit = 20 if self.quick else 60
        self.say(f"adversarial texts ({label} each)")
        worst = Measurement("adversarial-max", "slowest adversarial text", label, "library",
                            note="parse only, fresh process")  # fmt: skip
        for name in gen.adversarial_texts(1):
            code = (f"import sys, time, json; sys.path.insert(0, {str(BENCH)!r}); import generate as g\n"
                    f"from plantrack.extract.pipeline import extract_text\n"
                    f"text = g.adversarial_texts({size})[{name!r}]\nt = time.perf_counter()\n"
                    f"plan = extract_text(text).plan\n"
                    f"print(json.dumps([time.perf_counter() - t, len(text), len(plan.tasks)]))")  # fmt: skip
            run = run_process([sys.executable, "-c", code], env=self.env, timeout=limit)
            if run.returncode != 0:
                why = f"over {limit} s" if run.returncode == -9 else f"exit {run.returncode}"
                self.res.adversarial.append([name, f"{size:,}", "—", "—", f"FAIL ({why})"])
                worst.failed = f"{name}: {why}"
                continue
            took, chars, items = json.loads(run.output.strip().splitlines()[-1])
            worst.times = [max([*worst.times, took])]
            ok = "pass" if took < 2.0 else "FAIL"
            self.res.adversarial.append([name, f"{chars:,}", fmt_seconds(took), str(items), ok])
        self.add(worst)

    def lazy_modules(self, root: Path) -> None:
        """Which heavy modules each command imports (checked in a fresh process per command)."""
        notice = next((self.out / "notices" / "goal").glob("*.txt"))
        day = ["--as-of", gen.AS_OF.isoformat()]
        cases = [["--help"], ["-w", str(root), "status", *day], ["-w", str(root), "report", "-q", QUARTER],
                 ["extract", str(notice), "-o", "-"]]  # fmt: skip
        ok = True
        for args in cases:
            code = ("import sys; sys.argv = ['plantrack', *sys.argv[1:]]\nfrom plantrack.cli.app import main\n"
                    "try:\n    main()\nexcept SystemExit:\n    pass\n"
                    f"print('HEAVY:' + ','.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({sorted(HEAVY)!r}))))")  # fmt: skip
            run = run_process([sys.executable, "-c", code, *args], env=self.env)
            line = next(
                (ln for ln in reversed(run.output.splitlines()) if ln.startswith("HEAVY:")), "HEAVY:?"
            )
            loaded = {m for m in line[6:].split(",") if m}
            never = NEVER | ({"jieba"} if "extract" not in args else set())
            ok = ok and "?" not in loaded and not (loaded & never)
            shown = " ".join(a if "/" not in a else Path(a).name for a in args)
            self.res.modules.append([f"`plantrack {shown}`", ", ".join(sorted(loaded)) or "none",
                                     ", ".join(sorted(never)), "pass" if not loaded & never else "FAIL"])  # fmt: skip
        self.res.lazy_ok = ok
        self.say(f"  heavy modules only where needed: {'yes' if ok else 'NO'}")

    def taskwarrior(self, scale: gen.Scale) -> None:
        import taskwarrior_anchor as tw

        status = self.res.get(f"status-all/{scale.name}")
        self.res.anchor = tw.anchor(self.out, self.out / scale.name, scale.name, status, self.runs, self.say)


def _record_target(ws: object) -> tuple[str, str]:
    from plantrack.tracking import store

    plan = store.load_plan(ws, "plan-001")  # type: ignore[arg-type]
    task = plan.trackable()[0]
    return task.id, task.agencies[0].name


def _warm_worker(path: str) -> None:
    _extract_path(path)


def _extract_path(path: str) -> int:
    from plantrack.extract.pipeline import extract_source

    return len(extract_source(Path(path)).plan.tasks)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="plantrack benchmarks (see bench/README.md)")
    parser.add_argument(
        "--quick", action="store_true", help="small and medium scale only, fewer runs (< 1 min)"
    )
    parser.add_argument(
        "--runs", type=int, default=0, help="repetitions of each timed command (default 7, quick 3)"
    )
    parser.add_argument("--seed", type=int, default=gen.SEED, help="seed of the generated data")
    parser.add_argument("--out", type=Path, default=BENCH / "out", help="folder for generated data")
    parser.add_argument("--results", type=Path, default=None,
                        help="Markdown file to write (default bench/results.md; quick: bench/out/results-quick.md)")  # fmt: skip
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = datetime.now().strftime("%Y-%m-%d %H:%M")
    res = Suite(args).run()
    command = "python bench/run.py" + (" --quick" if args.quick else "")
    target = args.results or (args.out / "results-quick.md" if args.quick else BENCH / "results.md")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown(res, started, command), encoding="utf-8")
    print()
    print(terminal_table(["Measure", "Scale", "Kind", "Median", "Peak RSS"],
                         [[r[0], r[1], r[2], r[3], r[6]] for r in _rows(res)]))  # fmt: skip
    print()
    print(terminal_table(GOAL_HEAD, goal_rows(res)))
    print(f"\n{target} written; {res.seconds:.0f} s in all ({date.today().isoformat()})")
    return 0


def _rows(res: Results) -> list[list[str]]:
    from tables import measure_rows

    return measure_rows(res)


if __name__ == "__main__":
    sys.exit(main())
