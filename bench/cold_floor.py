"""The least a first `status --agency` with no cache could do, in this stack, timed in one process.

    .venv/bin/python bench/cold_floor.py          # the large bench workspace, 5 rounds

Not plantrack's code path: a lower bound for it. Each round does only what any reader of the
workspace's files must do before it can show one agency's tasks, and none of the checks plantrack
makes: parse the 50 plan files with yaml-rs (no model, no validation), pick the agency's tasks,
find each journal line's task with one bytes pattern (no JSON), and decode with msgspec only the
lines of the picked tasks. Grouping, judging, printing and writing a cache for the next run come on
top, and so does the interpreter with the command's imports (measured apart, as a process).
If this floor is near 0.5 s, no rearrangement of the Python code reaches the cold-run goal.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import msgspec
import yaml_rs

import generate as gen
from plantrack.tracking.fastlines import Line

BENCH = Path(__file__).resolve().parent
# plantrack writes every journal line as `- {"id": N, "task": "P", ...}`; a quote inside a text is
# escaped, so the key's pattern meets each line once (anchoring it at the line start is 5x slower)
_LINE_TASK = re.compile(rb'"task": "([^"\\]*)"')
_DECODER = msgspec.json.Decoder(list[Line])


def _tasks_of(items: Iterable[dict[str, Any]], agency: str) -> set[bytes]:
    return {
        ".".join(map(str, item["path"])).encode()
        for item in items
        if any(a.get("name") == agency for a in item.get("agencies") or ())
    }


def one_round(data: Path, agency: str) -> dict[str, float]:
    clock = time.perf_counter
    start = clock()
    plans = {
        p.stem: yaml_rs.loads(p.read_text(encoding="utf-8"))
        for p in sorted((data / "extracted").glob("*.yaml"))
    }
    parsed = clock()
    wanted = {plan: _tasks_of(value.get("tasks") or (), agency) for plan, value in plans.items()}
    scan = decode = 0.0
    for path in sorted((data / "progress").glob("*.yaml")):
        body = path.read_bytes()
        t0 = clock()
        tasks = wanted.get(path.stem, set())
        picked = [
            body[body.rfind(b"\n", 0, m.start()) + 3 : body.index(b"\n", m.start())]
            for m in _LINE_TASK.finditer(body)
            if m.group(1) in tasks
        ]
        t1 = clock()
        _DECODER.decode(b"[" + b",".join(picked) + b"]")
        scan, decode = scan + t1 - t0, decode + clock() - t1
    end = clock()
    return {"plans parsed (yaml-rs)": parsed - start, "journal lines found (pattern)": scan,
            "picked lines decoded (msgspec)": decode, "all of it": end - start}  # fmt: skip


def interpreter_and_imports() -> float:
    """A process that starts and imports what `status` imports, and does nothing else."""
    code = "import plantrack.cli.entry, plantrack.tracking.ledger, plantrack.cli.tables"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workspace", type=Path, default=BENCH / "out" / "large")
    args = parser.parse_args()
    if not (args.workspace / "data" / "progress").is_dir():
        sys.exit(f"no bench workspace at {args.workspace}: run bench/run.py (or generate.py) first")
    rounds = [one_round(args.workspace / "data", gen.MAIN_AGENCY) for _ in range(args.runs)]
    starts = [interpreter_and_imports() for _ in range(args.runs)]
    print(f"| step (median of {args.runs}) | ms |\n| --- | --- |")
    print(f"| interpreter and the command's imports (a process) | {statistics.median(starts) * 1000:.0f} |")
    for step in rounds[0]:
        print(f"| {step} | {statistics.median(r[step] for r in rounds) * 1000:.0f} |")


if __name__ == "__main__":
    main()
