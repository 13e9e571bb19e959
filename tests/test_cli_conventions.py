"""What users of git, hledger and Taskwarrior expect: Chinese help with examples, global options
anywhere, exit codes as documented, colour only on a terminal."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from plantrack.cli.app import app
from tests.conftest import EXTRACTED, REPO

ENGLISH_HEADINGS = ("Usage:", "Options:", "Commands:", "Arguments:", "[OPTIONS]", "COMMAND", "<str>")


def _commands() -> list[str]:
    from typer.main import get_command

    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.fixture
def jian(workspace: Path) -> Path:
    shutil.copy(EXTRACTED / "jian-2017.yaml", workspace / "data" / "extracted" / "jian-2017.yaml")
    return workspace


@pytest.mark.parametrize("args", [["--help"], ["-h"], []], ids=["help", "h", "bare"])
def test_group_help_is_chinese(invoke, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*args)
    assert result.exit_code == 0
    assert result.output.startswith("用法：plantrack [选项] 命令 [参数]...")
    for heading in ("选项：", "命令："):
        assert f"\n{heading}\n" in result.output
    for word in ENGLISH_HEADINGS:
        assert word not in result.output
    for name in _commands():
        assert re.search(rf"^  {name} +\S", result.output, re.M), name


def test_every_command_help_is_chinese_with_an_example(invoke) -> None:  # type: ignore[no-untyped-def]
    commands = _commands()
    for name in commands:
        result = invoke(name, "--help")
        assert result.exit_code == 0, name
        page = result.output
        assert page.startswith(f"用法：plantrack {name} [选项]"), name
        assert "\n选项：\n" in page and "  -h, --help" in page, name
        for word in ENGLISH_HEADINGS:
            assert word not in page, (name, word)
        examples = page.split("\n示例：\n", 1)[1].splitlines()
        assert examples, f"{name} has no example"
        for line in examples:  # every example runs this very command
            assert line.startswith(f"  plantrack {name}"), (name, line)


def test_help_names_arguments_in_chinese(invoke) -> None:  # type: ignore[no-untyped-def]
    page = invoke("record", "--help").output
    assert page.startswith("用法：plantrack record [选项] 计划 任务\n")
    assert "\n参数：\n  计划  计划编号或其唯一前缀\n" in page
    assert "  --date, -d 日期" in page or "  -d, --date 日期" in page


@pytest.mark.parametrize(
    "args",
    [
        ["-w", "{ws}", "plans"],
        ["plans", "-w", "{ws}"],
        ["--workspace", "{ws}", "plans", "--debug"],
        ["plans", "--workspace={ws}"],
    ],
    ids=["before", "after", "long-before", "long-after"],
)
def test_global_options_before_or_after_the_command(invoke, jian: Path, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*(a.format(ws=jian) for a in args))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].startswith("jian-2017  吉安市农民工工作领导小组2017年工作要点")


def test_workspace_after_the_command_wins(invoke, jian: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", tmp_path / "nowhere", "plans", "-w", jian)
    assert result.exit_code == 0, result.output
    assert "jian-2017" in result.output


def test_debug_after_the_command_shows_the_traceback(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from plantrack.errors import UsageError

    loud = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x"), "--debug"])
    assert isinstance(loud.exception, UsageError)


# The exit codes README.md documents, each produced by a real situation.
EXIT_CODES = [
    (0, ["plans"], "jian-2017"),
    (1, ["show", "nosuchplan"], "错误："),  # a user error: no such plan
    (1, ["record", "jian", "(二十三)", "--note", "x"], "没有任务 (二十三)"),
    (2, ["status", "--bogus"], "没有选项 --bogus"),  # usage: the command line itself is wrong
    (2, ["status", "--as-of"], "后面需要写一个值"),
    (2, ["plans", "extra"], "多余的参数：extra"),  # click says "argument(s)"
]


@pytest.mark.parametrize(("code", "args", "says"), EXIT_CODES, ids=[" ".join(a) for _, a, _ in EXIT_CODES])
def test_exit_codes(invoke, jian: Path, code: int, args: list[str], says: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", jian, *args)
    assert result.exit_code == code, result.output
    assert says in result.output


def test_exit_code_for_unusable_input_and_problems_found(invoke, jian: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    news = tmp_path / "新闻.txt"
    news.write_text("本报讯 昨日，市人社局召开会议，研究部署下一阶段工作。\n", encoding="utf-8")
    assert invoke("-w", jian, "extract", news).exit_code == 2  # unusable input
    journal = jian / "data" / "progress" / "jian-2017.yaml"
    journal.write_text("not: [a journal\n", encoding="utf-8")
    assert invoke("-w", jian, "check").exit_code == 2  # check found problems


def test_exit_codes_are_documented() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    for code in ("0", "1", "2", "3", "130"):
        assert f"| {code} |" in section, code


def test_no_colour_when_piped_or_asked(jian: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from plantrack.cli.context import Run

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert Run().color(Tty())
    assert not Run(no_color=True).color(Tty())
    assert not Run().color(object())  # a pipe or a file
    monkeypatch.setenv("NO_COLOR", "1")
    assert not Run().color(Tty())


def test_colours_are_written_as_click_writes_them() -> None:
    """cli/output.style replaces typer.style on the everyday paths: the same bytes."""
    import typer

    from plantrack.cli.output import style

    for fg in ("red", "green", "yellow", "bright_black"):
        for bold in (None, True, False):
            assert style("滞后", fg=fg, bold=bold) == typer.style("滞后", fg=fg, bold=bold)
