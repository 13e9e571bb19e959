"""Shell completion: plan ids, task numbers, agency names from the workspace; bash, zsh, fish."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXTRACTED


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from plantrack.workspace import init_workspace

    root = init_workspace(tmp_path_factory.mktemp("complete") / "ws").root
    shutil.copy(EXTRACTED / "jian-2017.yaml", root / "data" / "extracted" / "jian-2017.yaml")
    return root


Complete = Callable[..., list[str]]  # (workspace, environment, module="plantrack.cli.app") -> lines


@pytest.fixture(params=["here", pytest.param("apart", marks=pytest.mark.slow)])
def complete(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, capsys) -> Complete:  # type: ignore[no-untyped-def]
    """A Tab press answered by the module's main(): in this process, and in the slow set in a
    process of its own, as the shell runs the installed script."""

    def apart(ws: Path, env: dict[str, str], module: str = "plantrack.cli.app") -> list[str]:
        full = {**os.environ, **env, "PLANTRACK_WORKSPACE": str(ws)}
        # the complete variable is named after the program, as the installed script calls it
        proc = subprocess.run(
            [sys.executable, "-c", f"import sys; sys.argv[0] = 'plantrack'; from {module} import main; main()"],
            env=full, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        return [line for line in proc.stdout.splitlines() if line]

    def here(ws: Path, env: dict[str, str], module: str = "plantrack.cli.app") -> list[str]:
        main = importlib.import_module(module).main
        with monkeypatch.context() as m:
            for name, value in {**env, "PLANTRACK_WORKSPACE": str(ws)}.items():
                m.setenv(name, value)
            m.setattr(sys, "argv", ["plantrack"])
            # click names the program after __main__'s package under `python -m pytest` (not under xdist)
            m.setattr(sys.modules["__main__"], "__package__", None, raising=False)
            capsys.readouterr()
            try:
                main()
            except SystemExit as e:
                assert e.code in (0, None), capsys.readouterr().err
            out = capsys.readouterr().out
        return [line for line in out.splitlines() if line]

    return here if request.param == "here" else apart


def _bash(complete: Complete, ws: Path, line: str) -> list[str]:
    words = line.split(" ")
    return complete(
        ws, {"_PLANTRACK_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    )


def test_plan_ids(complete: Complete, ws: Path) -> None:
    assert _bash(complete, ws, "plantrack show j") == ["jian-2017"]
    assert _bash(complete, ws, "plantrack status --plan j") == ["jian-2017"]
    assert _bash(complete, ws, "plantrack show x") == []


def test_task_numbers_of_the_plan_named_before(complete: Complete, ws: Path) -> None:
    assert _bash(complete, ws, "plantrack record jian 2.") == [f"2.{n}" for n in range(5, 10)]
    assert _bash(complete, ws, "plantrack show jian-2017 5.2") == ["5.20", "5.21", "5.22"]


def test_agency_names(complete: Complete, ws: Path) -> None:
    assert _bash(complete, ws, "plantrack status --agency 市人") == ["市人民银行", "市人社局"]
    assert "人社局" in _bash(complete, ws, "plantrack record jian 1.1 --agency 人")  # also without 市


def test_zsh_and_fish_show_the_task_titles(complete: Complete, ws: Path) -> None:
    zsh = "\n".join(
        complete(
            ws, {"_PLANTRACK_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "plantrack show jian 1.1"}
        )
    )
    assert '"1.1":"(一) 积极推进农民工转移就业"' in zsh
    fish = complete(
        ws,
        {"_PLANTRACK_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "plantrack show jian 1.1",
         "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
    )  # fmt: skip
    assert fish == ["1.1\t(一) 积极推进农民工转移就业"]


def test_no_workspace_no_suggestions(complete: Complete, tmp_path: Path) -> None:
    assert _bash(complete, tmp_path / "nowhere", "plantrack show j") == []


@pytest.mark.parametrize(
    "line",
    ["plantrack show j", "plantrack -w WS undo j", "plantrack record jian 2.",
     *(pytest.param(line, marks=pytest.mark.slow) for line in (
         "plantrack record ", "plantrack history x", "plantrack status --plan j", "plantrack --debug show jian-2017 5.2",
         "plantrack sh"))],
)  # fmt: skip
def test_the_console_script_completes_as_the_full_command_line(
    complete: Complete, ws: Path, line: str
) -> None:
    # cli/entry.py answers a plan id itself (no typer); every other Tab press goes to the full CLI
    line = line.replace("WS", str(ws))
    env = {
        "_PLANTRACK_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(line.split(" ")) - 1),
    }
    env["PLANTRACK_CACHE_DIR"] = str(ws / "no-cache")  # a Tab press never writes a help page
    entry = complete(ws, env, "plantrack.cli.entry")
    assert entry == complete(ws, env)
    assert (entry == ["jian-2017"]) == (line.split(" ")[-1] == "j" or line.endswith("record "))
    assert not (ws / "no-cache").exists()


@pytest.mark.parametrize(
    ("shell", "path"),
    [
        ("bash", ".bash_completions/plantrack.sh"),
        ("zsh", ".zfunc/_plantrack"),
        ("fish", ".config/fish/completions/plantrack.fish"),
    ],
)
def test_install_completion(invoke, tmp_path: Path, monkeypatch, shell: str, path: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SHELL", f"/bin/{shell}")
    shown = invoke("--show-completion")
    assert shown.exit_code == 0 and "_PLANTRACK_COMPLETE" in shown.output
    result = invoke("--install-completion")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"已为 {shell} 安装命令补全：{tmp_path / path}")
    assert "_PLANTRACK_COMPLETE" in (tmp_path / path).read_text(encoding="utf-8")


def test_unknown_shell_is_a_clear_error(invoke, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SHELL", "/bin/tcsh")
    monkeypatch.setattr("plantrack.cli.complete.detect_shell", lambda: None)
    result = invoke("--install-completion")
    assert result.exit_code == 1
    assert "认不出当前的 shell" in result.output
