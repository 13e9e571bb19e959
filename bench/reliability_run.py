"""The long reliability runs: fuzzing (10,000 inputs), kill -9 during record, extract and import, races.

    .venv/bin/python bench/reliability_run.py                  # all, writes bench/results-reliability.md
    .venv/bin/python bench/reliability_run.py --fuzz 500 --kills 20 --results /tmp/r.md
    .venv/bin/python bench/reliability_run.py --only kill_import,races   # the others' figures kept

Fuzzing draws from tests/reliability/fuzzing.py (the generators the CI fuzz tests use), runs each input
in this process and counts uncaught exceptions (anything but a PlantrackError) and inputs over 2 s;
failing inputs are saved under bench/out/fuzz-failures/. kill -9 runs `plantrack record` (short
and 120 KB notes) and `plantrack extract --force` in a real process and kills it at a random moment,
then checks that every entry reported saved is in the journal, the journal has no torn line, and
the plan file is always a whole, valid plan. kill -9 during `import --yes` checks the same for a
3-row sheet, and that re-importing it after the kill leaves exactly the sheet's content. Races run 20
processes at once (undo; --corrects of one entry; import of one sheet; import of 20 changed
versions of one row) and count what was written.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.fuzzing import TARGETS  # noqa: E402

SLOW = 2.0  # seconds: an input slower than this counts as a hang
SHARES = {"extract": 0.6, "plan": 0.2, "journal": 0.2}


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _Timeout


def fuzz(total: int, seed: int, out: Path) -> dict[str, object]:
    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(seed)
    figures: dict[str, object] = {}
    failures = out / "fuzz-failures"
    for name, share in SHARES.items():
        make, target = TARGETS[name]
        target(make(random.Random(0)))  # warm up: imports, jieba's dictionary
        count = round(total * share)
        errors: dict[str, int] = {}
        slow = 0
        slowest = 0.0
        started = time.perf_counter()
        for i in range(count):
            data = make(rng)
            t = time.perf_counter()
            signal.alarm(10)
            try:
                target(data)
            except _Timeout:
                errors["timeout"] = errors.get("timeout", 0) + 1
            except Exception as e:
                kind = f"{type(e).__name__}: {str(e)[:80]}"
                errors[kind] = errors.get(kind, 0) + 1
                failures.mkdir(parents=True, exist_ok=True)
                (failures / f"{name}-{i}.bin").write_bytes(data)
                (failures / f"{name}-{i}.txt").write_text(traceback.format_exc(), encoding="utf-8")
            finally:
                signal.alarm(0)
            took = time.perf_counter() - t
            slowest = max(slowest, took)
            slow += took > SLOW
        figures[name] = {
            "inputs": count,
            "uncaught": sum(errors.values()),
            "errors": errors,
            "over_2s": slow,
            "slowest_s": round(slowest, 3),
            "total_s": round(time.perf_counter() - started, 1),
        }
        print(name, figures[name], flush=True)
    return figures


def _workspace(folder: Path) -> Path:
    ws = folder / "ws"
    subprocess.run([sys.executable, "-m", "plantrack", "init", str(ws)], check=True, capture_output=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "plans" / "mini-2017.yaml", ws / "data" / "extracted")
    return ws


def _duration(cmd: list[str]) -> float:
    """How long the command takes here, now (the machine may be busy): kills are timed by it."""
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False)
    return time.perf_counter() - t


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _record_cmd(ws: Path, note: str) -> list[str]:
    return [sys.executable, "-m", "plantrack", "-w", str(ws), "record", "mini-2017", "1.1",
            "--agency", "人社局", "--date", "2017-09-30", "--percent", "30", "--note", note]  # fmt: skip


def _write_moment(ws: Path, path: Path, note: str) -> tuple[float, float]:
    """Seconds from start until `record` changes the journal, and until it says 已记录 (measured
    now, on this machine as loaded as it is)."""
    before = _size(path)
    t = time.perf_counter()
    proc = subprocess.Popen(_record_cmd(ws, note), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    while _size(path) == before and proc.poll() is None:
        pass
    wrote = time.perf_counter() - t
    assert proc.stdout is not None
    proc.stdout.read(1)  # the first byte of 已记录
    said = time.perf_counter() - t
    proc.communicate()
    return wrote, said


def kill_records(kills: int, rng: random.Random) -> dict[str, object]:
    """Kill `record` at the moment it writes; every entry it reported saved must be there.

    Most kills are triggered by the journal starting to grow (this process polls its size), plus a
    random delay (none for half of them, else up to 1.5 times the time from its write to its 已记录
    line, as measured first): they land inside the write,
    during the fsync, or between the write and the line saying 已记录. The others land at a random
    moment before the write (starting up, reading the plan, waiting for the lock). Each kill is
    classified by what it left: nothing, a torn last line (killed inside the write), an entry not
    yet reported, or an entry reported saved."""
    from plantrack.tracking import journal

    with tempfile.TemporaryDirectory() as tmp:
        ws = _workspace(Path(tmp))
        path = ws / "data" / "progress" / "mini-2017.yaml"
        counts = {"before_write": 0, "torn_line": 0, "written_not_reported": 0, "reported_saved": 0}
        lost = 0
        repaired = 0
        moments = {size: _write_moment(ws, path, note) for size, note in _notes(0).items()}
        moments = {size: _write_moment(ws, path, note) for size, note in _notes(0).items()}  # warm
        for i in range(kills):
            note = _notes(i)["long" if i % 2 else "short"]
            wrote, said = moments["long" if i % 2 else "short"]
            before = _size(path)
            proc = subprocess.Popen(_record_cmd(ws, note), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            if rng.random() < 0.8:  # at the write: as soon as the journal grows, then up to its report
                while _size(path) == before and proc.poll() is None:
                    pass
                if rng.random() < 0.5:
                    time.sleep(rng.uniform(0, 1.5 * max(0.0, said - wrote)))
            else:
                time.sleep(rng.uniform(0.3, 1.0) * wrote)
            proc.send_signal(signal.SIGKILL)
            out, _ = proc.communicate()
            scan = journal.scan_journal(path)
            text = out.decode("utf-8", errors="replace")
            if "#" in text:  # it said 已记录：#N
                counts["reported_saved"] += 1
                entry_id = int(text.split("#")[1].split(" ")[0])
                lost += entry_id not in {e.id for e in scan.entries}
            elif any(b.cut_off for b in scan.bad):
                counts["torn_line"] += 1
            elif _size(path) != before:
                counts["written_not_reported"] += 1
            else:
                counts["before_write"] += 1
            if any(b.cut_off for b in scan.bad):  # what a user would do: check --repair, then go on
                journal.repair_cut_off(path, ws)
                repaired += 1
        entries = len(journal.read_entries(path))
        bad = [b for b in journal.scan_journal(path).bad]
    mid = counts["torn_line"] + counts["written_not_reported"]
    return {
        "kills": kills,
        **counts,
        "landed_mid_write": mid,
        "lost": lost,
        "torn_lines_repaired": repaired,
        "bad_lines_at_end": len(bad),
        "entries": entries,
        "write_moment_s": {k: [round(v, 3) for v in m] for k, m in moments.items()},
    }


def _notes(i: int) -> dict[str, str]:
    return {"short": f"第{i}次", "long": "长说明" * 13000}  # 117 KB: one argument holds 128 KB


def kill_extracts(kills: int, rng: random.Random) -> dict[str, object]:
    """Kill `extract --force` at random moments: the plan file is always absent or a whole plan."""
    from plantrack.planfile import load_plan

    with tempfile.TemporaryDirectory() as tmp:
        ws = _workspace(Path(tmp))
        notice = ROOT / "data" / "sources" / "jian-2017.txt"
        broken = 0
        written = 0
        cmd = [sys.executable, "-m", "plantrack", "-w", str(ws), "extract", str(notice), "--force"]
        took = _duration(cmd)
        for _ in range(kills):
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.6, 1.2) * took)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            for plan in (ws / "data" / "extracted").glob("*.yaml"):
                written += 1
                try:
                    load_plan(plan)
                except Exception:
                    broken += 1
        leftovers = len([p for p in ws.rglob("*.tmp")])
    return {"kills": kills, "plan_files_checked": written, "broken": broken, "tmp_leftovers": leftovers}


IMPORT_TASKS = ("1.1", "1.2", "2.4")  # 市人社局's tasks in mini-2017


def _import_sheets(ws: Path, long_note: bool) -> list[Path]:
    """Two versions of 市人社局's 2017Q3 sheet (every row filled, the second with other figures): an
    import alternating between them always has rows to write, as new entries or corrections."""
    from plantrack.office.fillin import write_templates
    from plantrack.periods import Quarter
    from plantrack.workspace import Workspace
    from tests.office.fill import fill

    sheets = []
    for version in (0, 1):
        folder = ws / f"sheets-{version}-{int(long_note)}"
        made = write_templates(Workspace(ws), "mini-2017", Quarter(2017, 3), folder, "人社局")
        rows = {
            task: {"完成百分比": 30 + 10 * version + i, "进展情况": ("长说明" * 10000 if long_note else "已推进") + f"{version}"}
            for i, task in enumerate(IMPORT_TASKS)
        }  # fmt: skip
        sheets.append(fill(made.files[0][1], rows))
    return sheets


def _import_cmd(ws: Path, sheet: Path) -> list[str]:
    return [sys.executable, "-m", "plantrack", "-w", str(ws), "import", str(sheet), "--yes"]


def _import_moment(ws: Path, path: Path, sheet: Path) -> tuple[float, float]:
    """Seconds from start until `import` changes the journal, and until it has finished."""
    before = _size(path)
    t = time.perf_counter()
    proc = subprocess.Popen(_import_cmd(ws, sheet), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while _size(path) == before and proc.poll() is None:
        pass
    wrote = time.perf_counter() - t
    proc.wait()
    return wrote, time.perf_counter() - t


def kill_imports(kills: int, rng: random.Random) -> dict[str, object]:
    """Kill `import --yes` of a 3-row sheet at the moment it writes (timed like kill_records), then do
    what a clerk does: `check --repair` if a line is torn, and import the sheet again.

    Counted: every entry the killed import reported saved is in the journal (lost); how many kills left
    only part of the batch (partial_batches: some rows written, a torn line for the rest); and after the
    retry, that each row's task, agency and date has exactly one effective entry with the sheet's
    content (wrong_after_retry: a duplicate, a missing row or other figures)."""
    from plantrack.office.importer import _latest, plan_import
    from plantrack.tracking import journal
    from plantrack.tracking.status import effective_entries
    from plantrack.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = _workspace(Path(tmp))
        w = Workspace(ws)
        path = ws / "data" / "progress" / "mini-2017.yaml"
        sheets = {size: _import_sheets(ws, size == "long") for size in ("short", "long")}
        counts = {"before_write": 0, "torn_line": 0, "written_not_reported": 0, "reported_saved": 0}
        lost = partial = wrong = repaired = 0
        moments = {size: _import_moment(ws, path, sheets[size][0]) for size in sheets}
        moments = {size: _import_moment(ws, path, sheets[size][1]) for size in sheets}  # warm
        for i in range(kills):
            size = "long" if i % 2 else "short"
            sheet = sheets[size][(i // 2) % 2]
            wrote, done = moments[size]
            before = _size(path)
            had = len(journal.scan_journal(path).entries)
            proc = subprocess.Popen(_import_cmd(ws, sheet), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            if rng.random() < 0.8:
                while _size(path) == before and proc.poll() is None:
                    pass
                if rng.random() < 0.5:
                    time.sleep(rng.uniform(0, 1.5 * max(0.0, done - wrote)))
            else:
                time.sleep(rng.uniform(0.3, 1.0) * wrote)
            proc.send_signal(signal.SIGKILL)
            out, _ = proc.communicate()
            scan = journal.scan_journal(path)
            text = out.decode("utf-8", errors="replace")
            ids = {e.id for e in scan.entries}
            new = len(scan.entries) - had
            torn = any(b.cut_off for b in scan.bad)
            said = re.search(r"已导入 \d+ 条记录（#(\d+)(?:–#(\d+))?）", text)
            if said:
                counts["reported_saved"] += 1
                first, last = int(said[1]), int(said[2] or said[1])
                lost += sum(n not in ids for n in range(first, last + 1))
            elif torn:
                counts["torn_line"] += 1
            elif _size(path) != before:
                counts["written_not_reported"] += 1
            else:
                counts["before_write"] += 1
            partial += 0 < new < len(IMPORT_TASKS)
            if torn:
                journal.repair_cut_off(path, ws)
                repaired += 1
            subprocess.run(_import_cmd(ws, sheet), capture_output=True, check=True)  # the retry
            planned = plan_import(w, [sheet])
            entries = journal.read_entries(path)
            latest = _latest(entries, _agency_index_of(w))
            keys = [(e.task, e.agency, e.as_of) for e in effective_entries(entries)]
            # one effective entry per row, and the sheet finds nothing left to record: the journal says
            # exactly what the sheet says
            wrong += len(keys) != len(set(keys)) or len(latest) != len(IMPORT_TASKS)
            wrong += bool(planned.planned) or planned.unchanged != len(IMPORT_TASKS)
        entries = len(journal.read_entries(path))
        bad = journal.scan_journal(path).bad
    mid = counts["torn_line"] + counts["written_not_reported"]
    return {
        "kills": kills,
        "rows_per_import": len(IMPORT_TASKS),
        **counts,
        "landed_mid_write": mid,
        "lost": lost,
        "partial_batches": partial,
        "torn_lines_repaired": repaired,
        "wrong_after_retry": wrong,
        "bad_lines_at_end": len(bad),
        "entries": entries,
        "write_moment_s": {k: [round(v, 3) for v in m] for k, m in moments.items()},
    }


def _agency_index_of(w: object) -> object:
    from plantrack.office.importer import _agency_index
    from plantrack.tracking import store

    return _agency_index(w, store.load_plan(w, "mini-2017"))  # type: ignore[arg-type]


def races(writers: int) -> dict[str, object]:
    from datetime import date

    from plantrack.tracking import journal, ledger
    from plantrack.tracking.ledger import RecordInput
    from plantrack.workspace import Workspace

    figures: dict[str, object] = {}
    for name, args in (
        ("undo", ["undo", "mini-2017"]),
        ("corrects", ["record", "mini-2017", "1.1", "--corrects", "3", "--percent", "66"]),
    ):
        with tempfile.TemporaryDirectory() as tmp:
            ws = _workspace(Path(tmp))
            for i in range(writers + 2):
                req = RecordInput(
                    task="1.1", agency="人社局", as_of=date(2017, 9, 30), percent=float(i), note=f"第{i}次"
                )
                ledger.record(Workspace(ws), "mini-2017", req)
            go = ws / "go"
            procs = [
                subprocess.Popen(
                    [sys.executable, "-c", _GO, str(go), str(ws), *args],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for _ in range(writers)
            ]
            go.touch()
            codes = [p.wait() for p in procs]
            entries = journal.read_entries(ws / "data" / "progress" / "mini-2017.yaml")
            acted = [e.undoes if name == "undo" else e.corrects for e in entries]
            acted = [a for a in acted if a is not None]
            figures[name] = {
                "processes": writers,
                "succeeded": codes.count(0),
                "refused_clearly": codes.count(1),
                "entries_acted_on": len(acted),
                "distinct": len(set(acted)),
            }
            print(name, figures[name], flush=True)
    figures.update(import_races(writers))
    return figures


_GO = (
    "import sys, time, pathlib\ngo = pathlib.Path(sys.argv[1])\n"
    "while not go.exists(): time.sleep(0.005)\nfrom plantrack.cli.app import main\n"
    "sys.argv = ['plantrack', '-w', *sys.argv[2:]]\nmain()\n"
)


def import_races(writers: int) -> dict[str, object]:
    """`writers` processes importing at once, after #1 was recorded for task 1.1: the same sheet
    (it must be recorded once), and each its own changed version of the row (every correction must
    correct a different entry: a chain, never two corrections of #1)."""
    from datetime import date

    from plantrack.tracking import journal, ledger
    from plantrack.tracking.ledger import RecordInput
    from plantrack.workspace import Workspace
    from tests.office.fill import fill

    figures: dict[str, object] = {}
    for name in ("import_same", "import_changed"):
        with tempfile.TemporaryDirectory() as tmp:
            ws = _workspace(Path(tmp))
            w = Workspace(ws)
            req = RecordInput(
                task="1.1", agency="人社局", as_of=date(2017, 9, 30), percent=10.0, note="第一次"
            )
            ledger.record(w, "mini-2017", req)
            base = _import_sheets(ws, long_note=False)[0]
            sheets = []
            for i in range(writers):
                if name == "import_same":
                    sheets.append(base)
                else:
                    sheets.append(fill(base, {"1.1": {"完成百分比": 50 + i}}, ws / f"changed-{i}.xlsx"))
            go = ws / "go"
            procs = [
                subprocess.Popen(
                    [sys.executable, "-c", _GO, str(go), str(ws), "import", str(sheet), "--yes"],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                )
                for sheet in sheets
            ]
            go.touch()
            outputs = [p.communicate()[0].decode("utf-8", errors="replace") for p in procs]
            codes = [p.returncode for p in procs]
            entries = journal.read_entries(ws / "data" / "progress" / "mini-2017.yaml")
            corrected = [e.corrects for e in entries if e.corrects is not None]
            figures[name] = {
                "processes": writers,
                "succeeded": codes.count(0),
                "wrote": sum(bool(re.search(r"已导入 \d+ 条记录", o)) for o in outputs),
                "skipped_as_recorded_meanwhile": sum("没有重复记录" in o for o in outputs),
                "redecided_under_lock": sum("导入期间该任务和日期的记录有变动" in o for o in outputs),
                "entries_written": len(entries) - 1,
                "corrections": len(corrected),
                "entries_corrected_twice": len(corrected) - len(set(corrected)),
            }
            print(name, figures[name], flush=True)
    return figures


PARTS = ("fuzz", "kill_record", "kill_extract", "kill_import", "races")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fuzz", type=int, default=10000)
    parser.add_argument(
        "--kills", type=int, default=200, help="kill -9 during record (extract and import get a fifth)"
    )
    parser.add_argument("--seed", type=int, default=20170828)
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results-reliability.md")
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help=f"comma-separated parts to run ({', '.join(PARTS)}); the others keep their figures from --results",
    )
    args = parser.parse_args()
    only = [p.strip() for p in args.only.split(",") if p.strip()]
    rng = random.Random(args.seed)
    started = time.strftime("%Y-%m-%d %H:%M")
    runs = {
        "fuzz": lambda: fuzz(args.fuzz, args.seed, ROOT / "bench" / "out"),
        "kill_record": lambda: kill_records(args.kills, rng),
        "kill_extract": lambda: kill_extracts(max(1, args.kills // 5), rng),
        "kill_import": lambda: kill_imports(max(1, args.kills // 5), rng),
        "races": lambda: races(20),
    }
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    load = os.getloadavg()[0]
    figures, notes = _previous(args.results)
    for part in PARTS:
        if part in only:
            figures[part] = runs[part]()
            figures[part] = {
                "run": f"{started}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
                f" (commit {commit or '?'}, load average {load:.1f} at the start)",
                **figures[part],
            }
    figures = {part: figures[part] for part in PARTS if part in figures}
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    lines = [
        "# Reliability runs",
        "",
        f"`python bench/reliability_run.py --fuzz {args.fuzz} --kills {args.kills} --seed {args.seed}`"
        + (f" `--only {','.join(only)}`" if set(only) != set(PARTS) else "")
        + f" (last run {started}); each part says when it was run.",
        "",
        "```json",
        json.dumps(figures, ensure_ascii=False, indent=2),
        "```",
        "",
        notes,
    ]
    args.results.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")


def _previous(results: Path) -> tuple[dict[str, object], str]:
    """The figures of an earlier results file, and its notes after the JSON (kept as written)."""
    if not results.exists():
        return {}, ""
    text = results.read_text(encoding="utf-8")
    if "```json\n" not in text:
        return {}, ""
    body, _, rest = text.split("```json\n", 1)[1].partition("\n```")
    return json.loads(body), rest.strip("\n")


if __name__ == "__main__":
    main()
