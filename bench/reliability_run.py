"""The long reliability runs: fuzzing (10,000 inputs), kill -9 during record and extract, races.

    .venv/bin/python bench/reliability_run.py                  # all, writes bench/results-reliability.md
    .venv/bin/python bench/reliability_run.py --fuzz 500 --kills 20 --results /tmp/r.md

Fuzzing draws from tests/reliability/fuzzing.py (the generators the CI fuzz tests use), runs each input
in this process and counts uncaught exceptions (anything but a PlantrackError) and inputs over 2 s;
failing inputs are saved under bench/out/fuzz-failures/. kill -9 runs `plantrack record` (short
and 120 KB notes) and `plantrack extract --force` in a real process and kills it at a random moment,
then checks that every entry reported saved is in the journal, the journal has no torn line, and
the plan file is always a whole, valid plan. Races run 20 processes at once (undo; --corrects of
one entry) and count what was written.
"""

from __future__ import annotations

import argparse
import json
import os
import random
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
            script = (
                "import sys, time, pathlib\ngo = pathlib.Path(sys.argv[1])\n"
                "while not go.exists(): time.sleep(0.005)\nfrom plantrack.cli.app import main\n"
                "sys.argv = ['plantrack', '-w', *sys.argv[2:]]\nmain()\n"
            )
            procs = [
                subprocess.Popen(
                    [sys.executable, "-c", script, str(go), str(ws), *args],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
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
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fuzz", type=int, default=10000)
    parser.add_argument("--kills", type=int, default=200, help="kill -9 during record (extract gets a fifth)")
    parser.add_argument("--seed", type=int, default=20170828)
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results-reliability.md")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.strftime("%Y-%m-%d %H:%M")
    figures = {
        "fuzz": fuzz(args.fuzz, args.seed, ROOT / "bench" / "out"),
        "kill_record": kill_records(args.kills, rng),
        "kill_extract": kill_extracts(max(1, args.kills // 5), rng),
        "races": races(20),
    }
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    lines = [
        "# Reliability runs",
        "",
        f"`python bench/reliability_run.py --fuzz {args.fuzz} --kills {args.kills} --seed {args.seed}`, "
        f"{started}, {os.cpu_count()} cores, Python {sys.version.split()[0]}.",
        "",
        "```json",
        json.dumps(figures, ensure_ascii=False, indent=2),
        "```",
        "",
    ]
    args.results.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
