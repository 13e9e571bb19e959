"""Shared fixtures: a CLI runner with a pinned width, fresh workspaces, the bundled notices."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from plantrack.cli.app import app

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "data" / "sources"
EXTRACTED = REPO / "data" / "extracted"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
