"""Every `$ plantrack …` transcript in README.md, run in order on the bundled example, prints what the
README shows (paths, clock times and the demo's temporary folder normalised).

The blocks run as one story: `init` in a fresh home folder, every later command inside the new
workspace, where the Ji'an notice is saved as 吉安通知.txt and a news page as 新闻.txt. An output
line `…` or `……` stands for any number of lines; a line ending in `……` stands for any line that
starts with what comes before. A glob (`填报/2017Q3/*.xlsx`) is expanded as the shell does, `> FILE`
saves the output, `| head -N` keeps its first N lines.

Directives, HTML comments the README does not show, act where they stand in the story:

- `<!-- transcript: skip -->` on the line before a block: the block is not run (keep that rare).
- `<!-- transcript: tear FILE -->`: appends the first half of a copy of FILE's last line, with no
  line end, as a power cut while recording leaves a journal (for `check --repair`).
- `<!-- transcript: fill FILE -->`, followed by a Markdown table the reader sees: types the table
  into the sheet 进展填报 of the fill-in workbook FILE, as the agency would in Excel. The first column
  (序号 or 任务编号) picks the row, the other headers the columns (a header may be the start of the
  sheet's, 目标2完成值 for 目标2完成值（人）); an empty cell is left alone, digits are typed as a
  number, 2017-09-30 as a date, anything else as text.

    PLANTRACK_REGEN_README=1 .venv/bin/python -m pytest tests/test_readme_transcripts.py

rewrites the outputs in README.md from the program (keep the `…` lines by hand; review the diff).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plantrack.cli.app import app
from tests.conftest import FIXTURES, REPO, SOURCES

README = REPO / "README.md"
SKIP = "<!-- transcript: skip -->"
DIRECTIVE = re.compile(r"<!-- transcript: (\w+)(?: (.*?))? -->")
STEPS = ("tear", "fill")  # directives that act on the workspace (skip marks a block)
HOME = "/home/user"
ELLIPSIS = ("…", "……")


@dataclass
class Command:
    line: str  # without the "$ "
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    start: int  # index of its first line in the README
    end: int
    commands: list[Command]


def blocks(lines: list[str]) -> list[Block]:
    """Indented blocks whose first line is `$ plantrack …`, unless marked to skip."""
    found: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("    $ plantrack") and (i == 0 or not lines[i - 1].strip().startswith("    ")):
            marked = any(lines[k].strip() == SKIP for k in range(max(0, i - 2), i))
            j = i
            while j < len(lines) and (
                lines[j].startswith("    ") or (lines[j] == "" and _continues(lines, j))
            ):
                j += 1
            if not marked:
                found.append(Block(i, j, _commands(lines[i:j])))
            i = j
        i += 1
    return found


@dataclass
class Step:
    """A directive that changes the workspace before the blocks after it (tear, fill)."""

    start: int
    name: str
    arg: str
    table: list[dict[str, str]] = field(default_factory=list)


def steps(lines: list[str]) -> list[Step]:
    found: list[Step] = []
    for i, line in enumerate(lines):
        m = DIRECTIVE.fullmatch(line.strip())
        if m is None:
            continue
        name, arg = m[1], (m[2] or "").strip()
        assert name == "skip" or name in STEPS, f"README line {i + 1}: unknown directive {name!r}"
        if name == "skip":
            continue
        assert arg, f"README line {i + 1}: {name} needs a file"
        found.append(Step(i, name, arg, _table(lines, i + 1) if name == "fill" else []))
    return found


def _table(lines: list[str], i: int) -> list[dict[str, str]]:
    """The Markdown table after line i (blank lines before it allowed), as one dict per row."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    rows: list[list[str]] = []
    while i < len(lines) and lines[i].startswith("|"):
        cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
        if not all(set(c) <= set("-: ") for c in cells):  # not the |---| line
            rows.append(cells)
        i += 1
    assert len(rows) > 1, f"README line {i}: fill needs a table (header and rows) after it"
    head, *body = rows
    return [dict(zip(head, r, strict=True)) for r in body]


def tear(path: Path) -> None:
    """A write cut short: the first half of a copy of the last line, no line end."""
    last = path.read_text(encoding="utf-8").rstrip("\n").split("\n")[-1]
    with path.open("a", encoding="utf-8") as f:
        f.write(last[: len(last) // 2])


def fill(path: Path, table: list[dict[str, str]]) -> None:
    """Type the table into the fill-in sheet, as the agency would."""
    import openpyxl

    from plantrack.lang.office_words import FILL_SHEET
    from plantrack.office.fillin import HEADER_ROW

    wb = openpyxl.load_workbook(path)
    sheet = wb[FILL_SHEET]
    cols = {str(c.value): c.column for c in sheet[HEADER_ROW] if c.value is not None}

    def column(name: str) -> int:
        found = [c for h, c in cols.items() if h == name] or [
            c for h, c in cols.items() if h.startswith(name)
        ]
        assert len(found) == 1, f"{path.name}: no single column {name!r} in {list(cols)}"
        return found[0]

    for row in table:
        (key, wanted), *cells = row.items()
        k = column(key)
        where = [r for r in range(HEADER_ROW + 1, sheet.max_row + 1) if sheet.cell(r, k).value == wanted]
        assert len(where) == 1, f"{path.name}: no single row with {key} {wanted}"
        for name, text in cells:
            if text:
                sheet.cell(where[0], column(name)).value = _typed(text)
    wb.save(path)


def _typed(text: str) -> object:
    """What Excel makes of what is typed: a number, a date, else text."""
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return datetime.fromisoformat(text)
    return text


def _continues(lines: list[str], j: int) -> bool:
    return j + 1 < len(lines) and lines[j + 1].startswith("    ") and not lines[j + 1].startswith("    $ ")


def _commands(block: list[str]) -> list[Command]:
    commands: list[Command] = []
    for line in block:
        text = line[4:] if line.startswith("    ") else ""
        if text.startswith("$ "):
            commands.append(Command(text[2:]))
        else:
            commands[-1].expected.append(text)
    return commands


def normalise(text: str, home: Path) -> list[str]:
    text = text.replace(str(home.resolve()), HOME).replace(str(home), HOME)
    text = re.sub(r"/tmp/plantrack-demo-\w+", "/tmp/plantrack-demo-XXXX", text)
    text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d(?!\d)", "YYYY-MM-DD hh:mm", text)
    text = re.sub(r"\.\d{8}-\d{6}\.bak\b", ".YYYYMMDD-hhmmss.bak", text)  # check --repair's backup
    return [line.rstrip() for line in text.rstrip("\n").split("\n")] if text.strip() else []


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; an expected `…` line matches any run of lines (also none), a line ending in
    `……` any line that starts with what comes before."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head.strip() in ELLIPSIS:
        return any(matches(rest, actual[k:]) for k in range(len(actual) + 1))
    if not actual:
        return False
    same = actual[0].startswith(head[:-2]) if head.endswith("……") else head == actual[0]
    return same and matches(rest, actual[1:])


def run(line: str, cwd: Path, home: Path) -> list[str]:
    args = shlex.split(line)
    assert args[0] == "plantrack"
    target = None
    head = None
    if ">" in args:
        k = args.index(">")
        target, args = args[k + 1], args[:k]
    if "|" in args:
        k = args.index("|")
        assert args[k + 1 :][:1] == ["head"] and len(args) == k + 3, f"only | head -N: {line}"
        head, args = int(args[k + 2].lstrip("-n")), args[:k]
    args = [a for arg in args for a in _glob(arg, cwd)]
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, args[1:], env={"COLUMNS": "200"})
    finally:
        os.chdir(old)
    if target is not None:
        (cwd / target).write_text(result.stdout, encoding="utf-8")
        return normalise(result.stderr, home)
    if head is not None:
        return normalise(result.stderr, home) + normalise(result.stdout, home)[:head]
    return normalise(result.output, home)


def _glob(arg: str, cwd: Path) -> list[str]:
    """A pattern as the shell expands it (sorted; kept as typed when nothing matches)."""
    if not any(ch in arg for ch in "*?["):
        return [arg]
    return sorted(str(p.relative_to(cwd)) for p in cwd.glob(arg)) or [arg]


@pytest.fixture
def story(tmp_path: Path) -> tuple[Path, Path]:
    home = tmp_path / "home"
    home.mkdir()
    return home, home / "农民工工作2017"


@pytest.mark.slow
def test_readme_transcripts(story: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    home, ws = story
    monkeypatch.delenv("PLANTRACK_WORKSPACE", raising=False)
    lines = README.read_text(encoding="utf-8").split("\n")
    regen = bool(os.environ.get("PLANTRACK_REGEN_README"))
    found = blocks(lines)
    assert len(found) >= 10, "the README lost its transcripts"
    failures = []
    events: list[Block | Step] = sorted([*found, *steps(lines)], key=lambda e: e.start)
    for event in events:
        if isinstance(event, Step):
            target = ws / event.arg
            assert target.is_file(), f"{event.name} {event.arg}: no such file at this point of the story"
            if event.name == "tear":
                tear(target)
            else:
                fill(target, event.table)
            continue
        block = event
        for command in block.commands:
            cwd = ws if ws.is_dir() else home
            if ws.is_dir() and not (ws / "吉安通知.txt").exists():
                shutil.copy(SOURCES / "jian-2017.txt", ws / "吉安通知.txt")
                shutil.copy(FIXTURES / "seeds" / "hunan-2016-news.txt", ws / "新闻.txt")
            command.actual = run(command.line, cwd, home)  # type: ignore[attr-defined]
            command.ok = matches(normalise("\n".join(command.expected), home), command.actual)  # type: ignore[attr-defined]
            if not command.ok:  # type: ignore[attr-defined]  # type: ignore[attr-defined]
                failures.append(f"$ {command.line}\n--- README\n" + "\n".join(command.expected)
                                + "\n--- program\n" + "\n".join(command.actual))  # type: ignore[attr-defined]  # fmt: skip
    if regen and failures:
        _rewrite(lines, found)
    assert not failures, "\n\n".join(failures)


def _rewrite(lines: list[str], found: list[Block]) -> None:
    for block in reversed(found):
        new: list[str] = []
        for command in block.commands:
            new.append(f"    $ {command.line}")
            elided = any(e.strip() in ELLIPSIS or e.endswith("……") for e in command.expected)
            shown = command.expected if elided or command.ok else command.actual  # type: ignore[attr-defined]
            new.extend(f"    {line}" if line else "" for line in shown)
        lines[block.start : block.end] = new
    README.write_text("\n".join(lines), encoding="utf-8")


def test_transcript_matching_notices_a_wrong_line(tmp_path: Path) -> None:
    lines = ["    $ plantrack plans", "    编号  标题", "    jian-2017  …", "", "text"]
    (block,) = blocks(lines)
    assert [c.line for c in block.commands] == ["plantrack plans"]
    assert matches(["a", "…", "d"], ["a", "b", "c", "d"]) and matches(["a", "…"], ["a"])
    assert not matches(["a", "x"], ["a", "b"]) and not matches(["a"], ["a", "b"])
    assert matches(["全力保障……"], ["全力保障农民工工资支付"]) and not matches(["全力保障……"], ["加强"])
    assert normalise(f"{tmp_path}/x 2017-10-09 09:12\n", tmp_path) == ["/home/user/x YYYY-MM-DD hh:mm"]


def test_directives_fill_a_sheet_and_tear_a_journal(tmp_path: Path) -> None:
    import openpyxl

    lines = [
        "<!-- transcript: tear data/progress/p.yaml -->",
        "<!-- transcript: fill 填报/a.xlsx -->",
        "",
        "| 序号 | 目标2完成值 | 截至日期 | 进展情况 |",
        "| --- | --- | --- | --- |",
        "| (二) | 5100 | 2017-10-31 | 已开展 |",
        "| (一) | 4.5万 | | |",
    ]
    tear_step, fill_step = steps(lines)
    assert (tear_step.name, tear_step.arg, fill_step.arg) == ("tear", "data/progress/p.yaml", "填报/a.xlsx")
    assert fill_step.table[1] == {"序号": "(一)", "目标2完成值": "4.5万", "截至日期": "", "进展情况": ""}
    with pytest.raises(AssertionError, match="unknown directive"):
        steps(["<!-- transcript: fil x -->"])

    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "进展填报"
    for c, h in enumerate(["任务编号", "序号", "目标2完成值（人）", "截至日期", "进展情况"], start=1):
        sheet.cell(4, c).value = h
    for r, (task, number) in enumerate([("1.1", "(一)"), ("1.2", "(二)")], start=5):
        sheet.cell(r, 1).value, sheet.cell(r, 2).value = task, number
    path = tmp_path / "a.xlsx"
    wb.save(path)
    fill(path, fill_step.table)
    got = [[c.value for c in row] for row in openpyxl.load_workbook(path)["进展填报"].iter_rows(min_row=5)]
    assert got[0] == ["1.1", "(一)", "4.5万", None, None]
    assert got[1][2:4] == [5100, datetime(2017, 10, 31)] and got[1][4] == "已开展"

    journal = tmp_path / "p.yaml"
    journal.write_text('# head\n- {"id": 1, "task": "1.1"}\n', encoding="utf-8")
    tear(journal)
    assert journal.read_text(encoding="utf-8") == '# head\n- {"id": 1, "task": "1.1"}\n- {"id": 1, "'
    (tmp_path / "b.xlsx").touch()
    assert _glob("*.xlsx", tmp_path) == ["a.xlsx", "b.xlsx"] and _glob("*.xls", tmp_path) == ["*.xls"]
