"""A workspace with the demo's plan and quarter of progress, copied fresh for every test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


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
