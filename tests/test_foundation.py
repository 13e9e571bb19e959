"""Workspace discovery, init, version, help texts and the README's promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plantrack import __version__
from plantrack.cli.app import app
from tests.conftest import REPO


def test_version(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"plantrack {__version__}"


def test_init_creates_workspace(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("init", tmp_path / "ws")
    assert result.exit_code == 0, result.output
    assert "已创建工作区" in result.output
    for sub in ("data/sources", "data/extracted", "data/progress"):
        assert (tmp_path / "ws" / sub).is_dir()
    assert "[status]" in (tmp_path / "ws" / "plantrack.toml").read_text(encoding="utf-8")


def test_init_twice_keeps_settings(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    invoke("init", tmp_path)
    (tmp_path / "plantrack.toml").write_text("[status]\ntolerance = 5\n", encoding="utf-8")
    result = invoke("init", tmp_path)
    assert "已经是工作区" in result.output
    assert "tolerance = 5" in (tmp_path / "plantrack.toml").read_text(encoding="utf-8")


def test_discovery_from_subfolder(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from plantrack.workspace import find_workspace

    sub = workspace / "data" / "progress"
    monkeypatch.chdir(sub)
    assert find_workspace().root == workspace


def test_env_variable(workspace: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from plantrack.workspace import find_workspace

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANTRACK_WORKSPACE", str(workspace))
    assert find_workspace().root == workspace


def test_option_beats_env(workspace: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from plantrack.workspace import find_workspace, init_workspace

    other = init_workspace(tmp_path / "other").root
    monkeypatch.setenv("PLANTRACK_WORKSPACE", str(other))
    assert find_workspace(workspace).root == workspace


def test_no_workspace_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from plantrack.errors import WorkspaceError
    from plantrack.workspace import find_workspace

    monkeypatch.chdir(tmp_path)
    with pytest.raises(WorkspaceError) as e:
        find_workspace()
    assert "不是 plantrack 工作区" in str(e.value)
    assert "plantrack init" in str(e.value)


def test_bad_workspace_option_via_cli(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", tmp_path / "nowhere", "plans")
    assert result.exit_code == 1
    assert "不是 plantrack 工作区" in result.output
    assert "Traceback" not in result.output


def test_bad_settings_file_is_located(tmp_path: Path) -> None:
    from plantrack.errors import DataFileError
    from plantrack.workspace import init_workspace

    ws = init_workspace(tmp_path)
    ws.settings_path.write_text("[status]\ntolerance = 'ten'\n", encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        _ = ws.settings
    assert "status.tolerance" in str(e.value)


def _command_names() -> list[str]:
    from typer.main import get_command

    group = get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_and_is_in_readme(invoke) -> None:  # type: ignore[no-untyped-def]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = _command_names()
    assert "init" in names
    for name in names:
        result = invoke(name, "--help")
        assert result.exit_code == 0, name
        assert re.search(r"[\u4e00-\u9fff]", result.output), f"{name} has no Chinese help text"
        assert f"### {name} " in readme or f"### {name}\n" in readme, f"{name} is not in README.md"


def test_readme_quick_start_is_what_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [ln.strip() for ln in quick.splitlines() if ln.startswith("    ")]
    assert len(commands) == 2
    assert commands[1].endswith(".venv/bin/python -m pytest")
    assert ".venv/bin/python -m pytest" in ci


def test_examples_ship_as_package_data() -> None:
    from importlib.resources import files

    examples = files("plantrack") / "data" / "examples"
    for name in ("jian-2017.txt", "ningxia-2023.txt"):
        shipped = (examples / name).read_bytes()
        assert shipped == (REPO / "data" / "sources" / name).read_bytes()


def test_help_option_is_chinese(invoke) -> None:  # type: ignore[no-untyped-def]
    for args in (["--help"], ["extract", "--help"], ["status", "--help"]):
        result = invoke(*args)
        assert "显示本帮助并退出" in result.output
        assert "Show this message" not in result.output


def test_usage_errors_are_chinese(invoke) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (["extract", "--bogus"], "没有选项 --bogus"),
        (["extract", "--forse"], "没有选项 --forse（相近的有：--force"),
        (["extract"], "缺少参数 通知文件。"),
        (["bogus"], "没有命令 bogus。"),
        (["status", "--as-of"], "选项 --as-of 后面需要写一个值。"),
    ]
    for args, message in cases:
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert f"错误：{message}" in result.output
        assert "查看用法" in result.output
        assert "Error" not in result.output and "Usage" not in result.output


def test_thresholds_must_be_ordered(tmp_path: Path) -> None:
    from plantrack.errors import DataFileError
    from plantrack.workspace import init_workspace

    ws = init_workspace(tmp_path)
    ws.settings_path.write_text("[status]\ntolerance = 40\nserious = 30\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="tolerance"):
        _ = ws.settings


def test_brackets_in_messages_are_printed(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("extract", tmp_path / "[草稿]通知.txt", "-o", tmp_path / "x.yaml")
    assert "[草稿]通知.txt" in result.output


def test_debug_shows_the_traceback(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from plantrack.errors import UsageError

    quiet = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.yaml")])
    assert quiet.exit_code == 1 and quiet.exception is not None and isinstance(quiet.exception, SystemExit)
    loud = runner.invoke(
        app, ["--debug", "extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.yaml")]
    )
    assert isinstance(loud.exception, UsageError)


@pytest.mark.slow
def test_output_cut_short_by_a_pipe_is_quiet(tmp_path: Path) -> None:
    import subprocess
    import sys

    items = "".join(
        f"{n}.开展第{n}项专项行动,全年培训{n}00人次以上。(市人社局牵头,市财政局配合)\n" for n in range(1, 600)
    )
    notice = tmp_path / "big.txt"
    notice.write_text(
        "某市2024年就业工作要点\n" + items, encoding="utf-8"
    )  # a plan far larger than a pipe holds
    subprocess.run(
        [sys.executable, "-m", "plantrack", "init", "ws"], cwd=tmp_path, check=True, capture_output=True
    )
    run = [sys.executable, "-m", "plantrack", "-w", str(tmp_path / "ws")]
    subprocess.run([*run, "extract", str(notice)], cwd=tmp_path, check=True, capture_output=True)
    proc = subprocess.Popen(
        [*run, "status", "--as-of", "2024-06-30"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `plantrack status | head -1`
    err = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=60)
    assert "内部错误" not in err and "Traceback" not in err
