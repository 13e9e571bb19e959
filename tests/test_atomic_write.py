"""fsguard.atomic_write: a whole file or nothing, through a pid+counter temporary sibling."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plantrack import fsguard


def test_a_new_file_gets_the_umask_mode_and_no_temporary_is_left(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        target = tmp_path / "计划.json"
        fsguard.atomic_write(target, "市人社局".encode(), durable=False)
    finally:
        os.umask(old)
    assert target.read_bytes() == "市人社局".encode()
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["计划.json"]


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "进度.yaml"
    target.write_text("旧", encoding="utf-8")
    target.chmod(0o604)
    fsguard.atomic_write(target, "新".encode())
    assert target.read_text(encoding="utf-8") == "新"
    assert target.stat().st_mode & 0o777 == 0o604


def test_a_planted_temporary_name_is_passed_over_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("不可改", encoding="utf-8")
    target = tmp_path / "ws" / "a.json"
    target.parent.mkdir()
    nxt = next(fsguard._temp_counter)  # the names the next writes would take
    for n in range(nxt + 1, nxt + 4):
        (target.parent / f".a.json.{os.getpid()}.{n}.tmp").symlink_to(victim)
    fsguard.atomic_write(target, b"{}", durable=False)
    assert target.read_bytes() == b"{}"
    assert victim.read_text(encoding="utf-8") == "不可改"


def test_a_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.json"

    def refuse(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(fsguard.PlantrackError):
        fsguard.atomic_write(target, b"{}", durable=False)
    assert list(tmp_path.iterdir()) == []
