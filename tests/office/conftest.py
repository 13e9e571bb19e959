"""A workspace with the demo's plan and quarter of progress, copied fresh for every test, and 市人社局's
fill-in sheet of that quarter, written once and copied into the test's workspace to be filled in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SHEET = "2017Q3-市人社局.xlsx"


@pytest.fixture(scope="session")
def demo_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from plantrack import demo

    ws = demo.prepare_workspace(tmp_path_factory.mktemp("office") / "base")
    _, plan, _ = demo.extract_example(ws)
    demo.record_quarter(ws, plan)
    return ws.root


@pytest.fixture
def demo_ws(demo_base: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(demo_base, target, ignore=shutil.ignore_patterns(".plantrack-cache"))
    return target


@pytest.fixture(scope="session")
def sheet_base(demo_base: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `templates --quarter 2017Q3 --agency 人社局` writes for the demo workspace (the sheet
    depends only on the plan and the journal, which every copy of the workspace shares)."""
    from typer.testing import CliRunner

    from plantrack.cli.app import app

    out = tmp_path_factory.mktemp("sheet")
    args = ["-w", str(demo_base), "templates", "--quarter", "2017Q3", "--agency", "人社局", "-o", str(out)]
    done = CliRunner().invoke(app, args, catch_exceptions=False, env={"PLANTRACK_WORKSPACE": None})
    assert done.exit_code == 0, done.output
    return out / SHEET


@pytest.fixture
def sheet(sheet_base: Path, demo_ws: Path) -> Path:
    """A fresh copy of that sheet in the test's workspace (out/), where `templates -o out` puts it."""
    (demo_ws / "out").mkdir(exist_ok=True)
    return Path(shutil.copy(sheet_base, demo_ws / "out" / SHEET))
