"""Goals, the machine description, and the results as a terminal table and as Markdown."""

from __future__ import annotations

import platform
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from measure import Measurement, fmt_kb, fmt_seconds

PACKAGES = ["plantrack", "typer", "pydantic", "pydantic-core", "rich", "PyYAML", "ruamel.yaml", "jieba",
            "opencc-python-reimplemented", "Jinja2", "portalocker", "charset-normalizer"]  # fmt: skip


@dataclass(frozen=True)
class Goal:
    """A speed goal of the issues: the measurement it applies to and its limit in seconds."""

    key: str
    text: str
    limit: float
    issue: str


GOALS = [
    Goal("help/-", "`plantrack --help`, whole process", 0.2, "foundation"),
    Goal("status-all/large", "`status` (all tasks), whole process, large workspace", 0.5, "tracking"),
    Goal(
        "status-agency/large", "`status --agency 市人社局`, whole process, large workspace", 0.5, "tracking"
    ),
    Goal("record/large", "`record`, whole process, large workspace", 0.3, "tracking"),
    Goal("extract-warm/20 KB", "extraction of a 20 KB notice, warm library call", 0.05, "extract"),
    Goal("extract-jian/jian-2017", "`extract` of the Ji'an notice, whole process", 0.5, "extract"),
    Goal(
        "report/22 tasks", "`report` over 22 tasks × 5 years of monthly entries, whole process", 1.0, "report"
    ),
    Goal("adversarial-max/1 MB", "1 MB adversarial text parses (slowest of the kinds)", 2.0, "extract"),
]


@dataclass
class Results:
    """Everything a run found, for the terminal and for results.md."""

    quick: bool
    seed: int
    measures: list[Measurement] = field(default_factory=list)
    notices: list[list[str]] = field(default_factory=list)  # per-notice extraction rows
    adversarial: list[list[str]] = field(default_factory=list)
    modules: list[list[str]] = field(default_factory=list)  # heavy modules loaded per command
    lazy_ok: bool | None = None
    anchor: list[str] = field(default_factory=list)  # Taskwarrior lines
    info: list[str] = field(default_factory=list)  # data sizes, generation times
    seconds: float = 0.0

    def get(self, key: str) -> Measurement | None:
        return next((m for m in self.measures if f"{m.key}/{m.scale}" == key), None)


def goal_rows(res: Results) -> list[list[str]]:
    rows = []
    for g in GOALS:
        m = res.get(g.key)
        value = m.median if m else None
        if m is None:
            verdict = "not measured" + (" (--quick)" if res.quick else "")
        elif m.failed or value is None:
            verdict = f"FAIL ({m.failed})"
        elif value < g.limit:
            verdict = "pass"
        else:
            verdict = f"FAIL ({value / g.limit:.1f}× the limit)"
        rows.append([g.text, f"< {fmt_seconds(g.limit)}", fmt_seconds(value), verdict])
    if res.lazy_ok is not None:
        rows.append(["jieba and OpenCC loaded only when needed", "—", "see modules table",
                     "pass" if res.lazy_ok else "FAIL"])  # fmt: skip
    return rows


# Why a goal was missed when this was written (from the profiles in README.md, "Findings").
WHY = {
    "status-all/large": "building an `Entry` for each of the 100,000 cached journal rows "
    "(`tracking/store.py::status_entries`), the pickled plans, and about 0.2 s of fixed start "
    "(interpreter, typer, pydantic); see Findings 5",
    "status-agency/large": "the same loading as `status` of all tasks: every journal is read whole "
    "before the agency filter; see Findings 5",
    "record/large": "see the record profile in README.md",
    "extract-warm/20 KB": "see the extraction profiles in README.md",
    "report/22 tasks": "see Findings 6",
    "adversarial-max/1 MB": "no single hot spot left: every pass over the text is linear, and long-notice "
    "(738 items, one attribution line of 600,000 characters left by an unclosed bracket) spends most of it "
    "reading agencies; see Findings 1-3",
    "help/-": "see the import profile in README.md",
}


def missed_notes(res: Results) -> list[str]:
    """One line per missed goal: by how much, and the profiled cause."""
    lines = []
    for g in GOALS:
        m = res.get(g.key)
        if m is None or (m.median is not None and m.median < g.limit):
            continue
        value = f"{fmt_seconds(m.median)}, {m.median / g.limit:.1f}× the limit" if m.median else m.failed
        lines.append(f"- **{g.text}** ({g.issue} issue): {value}. Why: {WHY.get(g.key, 'not profiled')}.")
    return ["Missed goals:", "", *lines, ""] if lines else []


def measure_rows(res: Results) -> list[list[str]]:
    rows = []
    for m in res.measures:
        runs = f"{len(m.times)}" + (f" ({m.failed})" if m.failed else "")
        rows.append([m.label, m.scale, m.kind, fmt_seconds(m.median), fmt_seconds(m.best), runs,
                     fmt_kb(m.peak_kb), m.note])  # fmt: skip
    return rows


MEASURE_HEAD = ["Measure", "Scale", "Kind", "Median", "Best", "Runs", "Peak RSS", "Note"]
GOAL_HEAD = ["Goal", "Limit", "Measured (median)", "Result"]


def markdown_table(head: list[str], rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def terminal_table(head: list[str], rows: list[list[str]]) -> str:
    """Plain aligned columns (CJK characters counted two wide)."""
    from unicodedata import east_asian_width

    def width(text: str) -> int:
        return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)

    widths = [max(width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    out = []
    for row in [head, ["-" * w for w in widths], *rows]:
        out.append("  ".join(c + " " * (w - width(c)) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(out)


def machine_rows() -> list[list[str]]:
    rows = [
        ["CPU", _cpu_model()],
        ["Cores", str(cores())],
        ["Memory", _memory()],
        ["OS", platform.platform()],
        ["Python", sys.version.split()[0] + f" ({platform.python_implementation()})"],
        ["plantrack commit", _git_commit()],
    ]
    for name in PACKAGES:
        try:
            rows.append([name, metadata.version(name)])
        except metadata.PackageNotFoundError:
            rows.append([name, "not installed"])
    return rows


def cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return "unknown"


def _git_commit() -> str:
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                              text=True, check=True).stdout.strip()  # fmt: skip
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "src"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" (src/ has uncommitted changes)" if dirty else "")


def markdown(res: Results, started: str, command: str) -> str:
    parts = [
        "# plantrack benchmark results",
        "",
        f"Written by `{command}` on {started}; seed {res.seed}; the whole run took {res.seconds:.0f} s."
        + (" **Quick run: small and medium scale only, fewer repetitions.**" if res.quick else ""),
        "Medians of several runs. *process* = the whole command as a user runs it (interpreter start,"
        " imports, work, output to a file); *library* = a warm call inside one process after a warm-up."
        " Peak RSS is the child's own maximum resident memory (`/usr/bin/time -f %M`). How to run,"
        " what the data are, and the profiles behind the notes: [README.md](README.md).",
        "",
        "## Goals",
        "",
        markdown_table(GOAL_HEAD, goal_rows(res)),
        "",
        *missed_notes(res),
        "## Machine",
        "",
        markdown_table(["", ""], machine_rows()),
        "",
        "## Data",
        "",
        *[f"- {line}" for line in res.info],
        "",
        "## All measurements",
        "",
        markdown_table(MEASURE_HEAD, measure_rows(res)),
        "",
    ]
    if res.notices:
        parts += ["## Extraction per notice (warm library call, median of 3)", "",
                  markdown_table(["Notice", "Size", "Tasks", "Agencies", "Targets", "Deadlines", "Time"],
                                 res.notices), ""]  # fmt: skip
    if res.adversarial:
        parts += ["## Adversarial texts (each in a fresh process, parse time without imports)", "",
                  markdown_table(["Text", "Characters", "Time", "Items found", "Result"], res.adversarial), ""]  # fmt: skip
    if res.modules:
        parts += ["## Heavy modules loaded per command", "",
                  markdown_table(["Command", "Heavy modules loaded", "Must not load", "Result"], res.modules), ""]  # fmt: skip
    parts += ["## Taskwarrior anchor", "", *(res.anchor or ["Not run."]), ""]
    return "\n".join(parts)
