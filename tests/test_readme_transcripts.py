"""Every `$ plantrack …` transcript in README.md, run in order on the bundled example, prints what the
README shows (paths, clock times and the demo's temporary folder normalised).

The blocks run as one story: `init` in a fresh home folder, every later command inside the new
workspace, where the Ji'an notice is saved as 吉安通知.txt and a news page as 新闻.txt. An output
line `…` or `……` stands for any number of lines. A block that cannot be reproduced exactly is marked
`<!-- transcript: skip -->` on the line before it (keep that rare).

    PLANTRACK_REGEN_README=1 .venv/bin/python -m pytest tests/test_readme_transcripts.py

rewrites the outputs in README.md from the program (keep the `…` lines by hand; review the diff).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plantrack.cli.app import app
from tests.conftest import FIXTURES, REPO, SOURCES

README = REPO / "README.md"
SKIP = "<!-- transcript: skip -->"
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
    if ">" in args:
        k = args.index(">")
        target, args = args[k + 1], args[:k]
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, args[1:], env={"COLUMNS": "200"})
    finally:
        os.chdir(old)
    if target is not None:
        (cwd / target).write_text(result.stdout, encoding="utf-8")
        return normalise(result.stderr, home)
    return normalise(result.output, home)


@pytest.fixture
def story(tmp_path: Path) -> tuple[Path, Path]:
    home = tmp_path / "home"
    home.mkdir()
    return home, home / "农民工工作2017"


def test_readme_transcripts(story: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    home, ws = story
    monkeypatch.delenv("PLANTRACK_WORKSPACE", raising=False)
    lines = README.read_text(encoding="utf-8").split("\n")
    regen = bool(os.environ.get("PLANTRACK_REGEN_README"))
    found = blocks(lines)
    assert len(found) >= 10, "the README lost its transcripts"
    failures = []
    for block in found:
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
