"""Shared pieces of the reliability suite: a workspace with the fixture plans, a real subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

PLANS = FIXTURES / "plans"
AS_OF = date(2017, 9, 30)  # inside mini-2017's year: no confirmation asked


@pytest.fixture
def ws(workspace: Path) -> Path:
    """A workspace with the two fixture plans (mini-2017: five tasks; mini-2018)."""
    for name in ("mini-2017.yaml", "mini-2018.yaml"):
        shutil.copy(PLANS / name, workspace / "data" / "extracted" / name)
    return workspace


def journal_of(ws: Path, plan: str = "mini-2017") -> Path:
    return ws / "data" / "progress" / f"{plan}.yaml"


def env_for(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANTRACK")}
    env.update({"COLUMNS": "200", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
    env.update(extra)
    return env


def plantrack(
    *args: str | Path,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
    preexec: object = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m plantrack` as a user would (its own process, its own terminal encoding)."""
    return subprocess.run(
        [sys.executable, "-m", "plantrack", *map(str, args)],
        capture_output=True,
        env=env or env_for(),
        cwd=cwd,
        timeout=timeout,
        preexec_fn=preexec,  # type: ignore[arg-type]
        check=False,
    )


def text(done: subprocess.CompletedProcess[bytes]) -> str:
    return (done.stdout + done.stderr).decode("utf-8", errors="replace")


@pytest.fixture
def read_only_fs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only file system, even for root: every new file and every append fails with EROFS."""
    import errno
    import tempfile

    def refuse(*_args: object, **_kw: object) -> object:
        raise OSError(errno.EROFS, "Read-only file system")

    real_open = os.open

    def open_read_only(path: object, flags: int, *args: object, **kw: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT):
            refuse()
        return real_open(path, flags, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(os, "open", open_read_only)
