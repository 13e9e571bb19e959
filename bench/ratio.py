"""plantrack side by side with Taskwarrior on the same tasks, in one run: the ratio table first.

    .venv/bin/python bench/ratio.py              # large workspace, 7 rounds; updates bench/results.md
    .venv/bin/python bench/ratio.py --runs 3 --no-write

The large bench workspace (50 plans, 2,000 tasks, 100,000 entries; bench/generate.py) is loaded into
a temporary Taskwarrior (its own TASKRC and TASKDATA, never ~/.task): one task per plan task, tagged
with each of its agencies, so `status --agency 市人社局` is compared with `task +市人社局 list`.
Each round runs every command of both tools once, interleaved, so a busy machine slows both alike;
the table shows medians of wall time and of CPU time (user + system of the child).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import generate as gen
from measure import child_env, compile_sources, plantrack_command

BENCH = Path(__file__).resolve().parent
AGENCY = gen.MAIN_AGENCY
AS_OF = gen.AS_OF.isoformat()
NAMESPACE = uuid.UUID("6f1d2a7e-3c4b-4e8f-9a10-5b6c7d8e9f00")
SECTION = "## Side by side with Taskwarrior"


@dataclass
class Timing:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_kb: int = 0

    def median(self, kind: str = "wall") -> float:
        return statistics.median(self.wall if kind == "wall" else self.cpu)


def timed(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (KB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-400:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def peak_kb(cmd: list[str], env: dict[str, str]) -> int | None:
    """The child's own peak RSS through /usr/bin/time (getrusage's maximum is the largest child's)."""
    if not Path("/usr/bin/time").exists():
        return None
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], env=env, capture_output=True, text=True)
    numbers = re.findall(r"^(\d+)$", proc.stderr, re.M)
    return int(numbers[-1]) if numbers else None


def tag(name: str) -> str:
    """An agency as a Taskwarrior tag (no spaces, no punctuation Taskwarrior reads as syntax)."""
    return re.sub(r"[\s()（）:+\-,，、.]", "", name)


def load_taskwarrior(root: Path, home: Path, task: str) -> dict[str, str]:
    """The workspace's tasks, tagged by agency, imported into a temporary Taskwarrior."""
    from plantrack.tracking import store
    from plantrack.workspace import Workspace

    shutil.rmtree(home, ignore_errors=True)
    (home / "data").mkdir(parents=True)
    rc = home / "taskrc"
    rc.write_text(f"data.location={home / 'data'}\nconfirmation=no\nhooks=off\ngc=on\ndefaultwidth=160\n"
                  "news.version=9.9.9\nverbose=nothing\n", encoding="utf-8")  # fmt: skip
    env = child_env({"TASKRC": str(rc), "TASKDATA": str(home / "data"), "HOME": str(home)})
    ws = Workspace(root)
    tasks = []
    for plan_id in store.plan_ids(ws):
        for t in store.load_plan(ws, plan_id).trackable():
            item: dict[str, object] = {
                "uuid": str(uuid.uuid5(NAMESPACE, f"{plan_id}/{t.id}")),
                "description": f"{t.number} {t.title}",
                "project": plan_id,
                "status": "pending",
                "entry": "20170301T000000Z",
                "tags": sorted({tag(a.name) for a in t.agencies if tag(a.name)}),
            }
            if t.deadlines:
                item["due"] = max(t.deadlines).strftime("%Y%m%dT000000Z")
            tasks.append(item)
    (home / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    subprocess.run([task, "import", str(home / "tasks.json")], env=env, check=True, capture_output=True)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/results.md")
    args = parser.parse_args()
    task = shutil.which("task")
    if task is None:
        raise SystemExit("Taskwarrior is not installed: apt-get update && apt-get install -y taskwarrior")
    root = args.out / "large"
    if not (root / "plantrack.toml").exists():
        print("generating the large workspace …", flush=True)
        gen.make_workspace(root, gen.LARGE, gen.SEED)
    tw_env = load_taskwarrior(root, args.out / "taskwarrior-ratio", task)
    tw_version = subprocess.run(
        [task, "--version"], env=tw_env, capture_output=True, text=True
    ).stdout.strip()
    pt = plantrack_command()
    env = child_env()
    ws = ["-w", str(root)]
    pairs = [
        ("status --agency", [*pt, "status", "--agency", AGENCY, "--as-of", AS_OF, *ws], [task, f"+{tag(AGENCY)}", "list"]),
        ("status", [*pt, "status", "--as-of", AS_OF, *ws], [task, "list"]),
        ("show", [*pt, "show", "plan-001", "1.1", "--as-of", AS_OF, *ws], [task, "1", "information"]),
        ("record", [*pt, "record", "plan-001", "1.1", "--agency", AGENCY, "--date", AS_OF, "--note", "bench", "--any-agency", *ws],
         [task, "add", "bench", "project:bench", f"+{tag(AGENCY)}"]),
    ]  # fmt: skip
    solo = [
        ("--help", [*pt, "--help"], 0.100),
        ("completion (plan ids)", [*pt], 0.100),
        ("report --quarter 2017Q3", [*pt, "report", "--quarter", "2017Q3", "-o", str(args.out / "ratio-report.md"), *ws], 1.0),
    ]  # fmt: skip
    complete_env = {**env, "_PLANTRACK_COMPLETE": "complete_bash", "COMP_WORDS": "plantrack show plan-0", "COMP_CWORD": "2",
                    "PLANTRACK_WORKSPACE": str(root)}  # fmt: skip
    compile_sources()
    for _, cmd, other in pairs:  # warm both (plantrack's cache, the OS file cache)
        timed(cmd, env), timed(other, tw_env)
    for name, cmd, _ in solo:  # and the help page's cache, as after a first `plantrack --help`
        timed(cmd, complete_env if name.startswith("completion") else env)
    times = {name: (Timing(), Timing()) for name, _, _ in pairs}
    solo_times = {name: Timing() for name, _, _ in solo}
    for _ in range(args.runs):
        for name, cmd, other in pairs:
            for timing, (c, e) in zip(times[name], ((cmd, env), (other, tw_env)), strict=True):
                wall, cpu, _ = timed(c, e)
                timing.wall.append(wall)
                timing.cpu.append(cpu)
        for name, cmd, _ in solo:
            wall, cpu, _ = timed(cmd, complete_env if name.startswith("completion") else env)
            solo_times[name].wall.append(wall)
            solo_times[name].cpu.append(cpu)
    cold = Timing()
    for _ in range(max(3, args.runs // 2)):
        shutil.rmtree(root / ".plantrack-cache", ignore_errors=True)
        wall, cpu, _ = timed([*pt, "status", "--agency", AGENCY, "--as-of", AS_OF, *ws], env)
        cold.wall.append(wall)
        cold.cpu.append(cpu)
    timed([*pt, "status", "--as-of", AS_OF, *ws], env)  # the cache back for whoever comes next
    report_kb = peak_kb(solo[2][1], env)
    lines = table(times, solo_times, cold, report_kb)
    print("\n".join(lines))
    if not args.no_write:
        write_results(lines, tw_version, args.runs)


def table(times: dict[str, tuple[Timing, Timing]], solo: dict[str, Timing], cold: Timing,
          report_kb: int | None) -> list[str]:  # fmt: skip
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    lines = [
        "| command | plantrack | Taskwarrior | ratio | goal | CPU: plantrack | CPU: Taskwarrior | CPU ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    tw_names = {"status --agency": f"`task +{tag(AGENCY)} list`", "status": "`task list`",
                "show": "`task 1 information`", "record": "`task add`"}  # fmt: skip
    for name, (mine, theirs) in times.items():
        ratio, cpu_ratio = mine.median() / theirs.median(), mine.median("cpu") / theirs.median("cpu")
        verdict = "pass" if ratio <= 2 else "FAIL"
        lines.append(
            f"| `plantrack {name}` vs {tw_names[name]} | {ms(mine.median())} | {ms(theirs.median())} | "
            f"{ratio:.1f}× | ≤ 2× ({verdict}) | {ms(mine.median('cpu'))} | {ms(theirs.median('cpu'))} | {cpu_ratio:.1f}× |"
        )
    for name, limit in (("--help", 0.1), ("completion (plan ids)", 0.1)):
        t = solo[name]
        verdict = "pass" if t.median() < limit else "FAIL"
        lines.append(
            f"| `plantrack {name}` | {ms(t.median())} | — | — | < {ms(limit)} ({verdict}) | {ms(t.median('cpu'))} | — | — |"
        )
    verdict = "pass" if cold.median() < 0.5 else "FAIL"
    lines.append(
        f"| first `status --agency`, no cache | {ms(cold.median())} | — | — | < 500 ms ({verdict}) | {ms(cold.median('cpu'))} | — | — |"
    )
    t = solo["report --quarter 2017Q3"]
    mem = f", {report_kb / 1024:.0f} MB" if report_kb else ""
    verdict = "pass" if t.median() < 1.0 and (report_kb or 0) < 150 * 1024 else "FAIL"
    lines.append(
        f"| `plantrack report` (large){mem} | {ms(t.median())} | — | — | < 1 s, < 150 MB ({verdict}) | {ms(t.median('cpu'))} | — | — |"
    )
    return lines


def write_results(lines: list[str], tw_version: str, runs: int) -> None:
    """The table as the first section of bench/results.md (replacing an older one)."""
    path = BENCH / "results.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# plantrack benchmark results\n"
    load = os.getloadavg()[0]
    section = "\n".join([
        SECTION, "",
        f"Written by `python bench/ratio.py` on {time.strftime('%Y-%m-%d %H:%M')}: large workspace (2,000 tasks, "
        f"100,000 entries), Taskwarrior {tw_version} holding the same tasks tagged by agency; medians of {runs} "
        f"interleaved rounds; load average {load:.1f} on {os.cpu_count()} cores at the end (a shared machine: "
        "compare the CPU columns too). The sections below come from the last full `bench/run.py`, "
        "dated in its own first line.", "",
        *lines, "",
    ])  # fmt: skip
    if SECTION in text:
        head, _, rest = text.partition(SECTION)
        rest = rest[rest.find("\n## ") + 1 :] if "\n## " in rest else ""
        text = head + section + "\n" + rest
    else:
        title, _, rest = text.partition("\n")
        text = f"{title}\n\n{section}\n{rest.lstrip()}"
    path.write_text(text, encoding="utf-8")
    print(f"written: {path}")


if __name__ == "__main__":
    sys.exit(main())
