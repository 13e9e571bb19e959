"""Timing helpers: whole processes (wall time and peak memory of the child) and warm library calls."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Measurement:
    """One measured operation: every run's seconds, the peak memory of the runs, and what it was."""

    key: str  # stable name the goals refer to, e.g. status-all/large
    label: str  # what a reader sees, e.g. `plantrack status` (all tasks)
    scale: str  # small, medium, large, or a notice size
    kind: str  # process (cold start, as a user runs it) or library (warm call in this process)
    times: list[float] = field(default_factory=list)
    peak_kb: int | None = None
    note: str = ""
    failed: str = ""  # why the operation did not run to the end (exit code, timeout)

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times and not self.failed else None

    @property
    def best(self) -> float | None:
        return min(self.times) if self.times and not self.failed else None


@dataclass(frozen=True)
class ProcessRun:
    seconds: float
    peak_kb: int | None
    returncode: int
    output: str


def plantrack_command() -> list[str]:
    """The console script next to this interpreter (what a user types), else `python -m plantrack`."""
    script = Path(sys.executable).with_name("plantrack")
    return [str(script)] if script.exists() else [sys.executable, "-m", "plantrack"]


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of timed children: a wide terminal, no workspace from the caller's shell, and
    bytecode kept as an installed package keeps it (PYTHONDONTWRITEBYTECODE in the caller's shell
    would make every run compile plantrack's sources again; see compile_sources)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PLANTRACK_WORKSPACE", "PYTHONDONTWRITEBYTECODE")}
    env.update({"COLUMNS": "160", "LC_ALL": env.get("LC_ALL", "C.UTF-8"), "PYTHONIOENCODING": "utf-8"})
    env.update(extra or {})
    return env


def compile_sources() -> None:
    """Write plantrack's bytecode before timing it, as installing a package does."""
    import compileall

    import plantrack

    compileall.compile_dir(str(Path(plantrack.__file__).parent), quiet=1)


def run_process(cmd: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None,
                timeout: float | None = None) -> ProcessRun:  # fmt: skip
    """Run cmd once: wall seconds from start to exit, and the child's peak RSS.

    The peak comes from /usr/bin/time when present: the kernel carries the parent's high-water
    RSS into a vfork()ed child's ru_maxrss, so wait4() on a direct child would report the size of
    this (large) benchmark process. Without /usr/bin/time the peak is left out.
    """
    with tempfile.TemporaryDirectory() as tmp:
        mem = Path(tmp) / "rss"
        wrapped = [TIME, "-q", "-f", "%M", "-o", str(mem), *cmd] if TIME else list(cmd)
        with (Path(tmp) / "out").open("w+b") as out:
            start = time.perf_counter()
            proc = subprocess.Popen(wrapped, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
            code = _wait(proc, timeout)
            took = time.perf_counter() - start
            out.seek(0)
            text = out.read().decode("utf-8", errors="replace")
        peak = _peak(mem) if TIME else None
    return ProcessRun(took, peak, code, text)


TIME = "/usr/bin/time" if Path("/usr/bin/time").is_file() else ""


def _wait(proc: subprocess.Popen[bytes], timeout: float | None) -> int:
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return -9


def _peak(path: Path) -> int | None:
    try:
        lines = path.read_text().split()
    except OSError:
        return None
    return int(lines[-1]) if lines and lines[-1].isdigit() else None  # kilobytes


def time_process(m: Measurement, cmd: Sequence[str], runs: int, env: dict[str, str] | None = None,
                 before: Callable[[], None] | None = None) -> Measurement:  # fmt: skip
    """Run cmd `runs` times into m; stop at the first failure and keep its output's last line."""
    for _ in range(runs):
        if before is not None:
            before()
        run = run_process(cmd, env=env or child_env())
        if run.returncode != 0:
            last = run.output.strip().splitlines()[-1:] or [""]
            m.failed = f"exit {run.returncode}: {last[0][:120]}"
            break
        m.times.append(run.seconds)
        if run.peak_kb is not None:
            m.peak_kb = max(m.peak_kb or 0, run.peak_kb)
    return m


def time_call(m: Measurement, fn: Callable[[], object], runs: int, warmup: int = 1) -> Measurement:
    """Call fn `warmup` times untimed, then `runs` times timed, into m."""
    for _ in range(warmup):
        fn()
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        m.times.append(time.perf_counter() - start)
    return m


def fmt_seconds(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def fmt_kb(value: int | None) -> str:
    return "—" if value is None else f"{value / 1024:.0f} MB"
