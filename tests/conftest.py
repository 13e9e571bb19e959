"""Shared fixtures: a CLI runner with a pinned width, fresh workspaces, the bundled notices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer.testing
from typer.testing import CliRunner

from plantrack.cli.app import app

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "data" / "sources"
EXTRACTED = REPO / "data" / "extracted"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_build_command = typer.testing._get_command
_built: dict[int, tuple[object, Any]] = {}


def _command_once(typer_app: Any) -> Any:
    """typer's CliRunner builds the click command from the app again on every invoke, most of an
    in-process run's time; build each app's once, as the console script does once per process."""
    hit = _built.get(id(typer_app))
    if hit is None or hit[0] is not typer_app:
        hit = _built[id(typer_app)] = (typer_app, _build_command(typer_app))
    return hit[1]


typer.testing._get_command = _command_once  # type: ignore[assignment]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANTRACK_WORKSPACE", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner):  # type: ignore[no-untyped-def]
    def _invoke(*args: str, **kw):  # type: ignore[no-untyped-def]
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)

    return _invoke


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    from plantrack.workspace import init_workspace

    return init_workspace(tmp_path / "ws").root
