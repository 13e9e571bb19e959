"""The journal as people and crashes leave it: no final newline, torn lines, a full disk."""

from __future__ import annotations

import json
import resource
from pathlib import Path

import pytest

from plantrack.tracking import journal, ledger
from plantrack.tracking.ledger import RecordInput
from plantrack.workspace import Workspace
from tests.reliability.conftest import AS_OF, journal_of, plantrack, text


def _two_entries(ws: Path) -> Path:
    w = Workspace(ws)
    for note in ("第一次", "第二次"):
        ledger.record(
            w, "mini-2017", RecordInput(task="1.1", agency="人社局", as_of=AS_OF, percent=20.0, note=note)
        )
    return journal_of(ws)


def test_complete_last_entry_without_newline_is_an_entry(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    path = _two_entries(ws)
    path.write_bytes(path.read_bytes().rstrip(b"\n"))  # saved by an editor that drops the last newline
    assert [e.note for e in journal.read_entries(path)] == ["第一次", "第二次"]
    result = invoke("-w", ws, "check", "--repair")
    assert result.exit_code == 0, result.output
    assert "已修复" not in result.output
    assert [e.note for e in journal.read_entries(path)] == ["第一次", "第二次"]
    result = invoke(
        "-w",
        ws,
        "record",
        "mini-2017",
        "1.1",
        "--agency",
        "人社局",
        "--date",
        "2017-09-30",
        "--note",
        "第三次",
    )
    assert result.exit_code == 0, result.output
    assert [e.note for e in journal.read_entries(path)] == ["第一次", "第二次", "第三次"]
    assert path.read_bytes().count(b"\n- {") == 3


def test_only_an_unparseable_last_line_is_torn(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    path = _two_entries(ws)
    whole = path.read_bytes()
    path.write_bytes(whole + b'- {"id": 3, "task": "1.1", "as_of": "2017-')
    result = invoke("-w", ws, "check", "--repair")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == whole
    backups = list(path.parent.glob("*.bak"))
    assert [b.read_bytes() for b in backups] == [b'- {"id": 3, "task": "1.1", "as_of": "2017-']


def _limit_file_size(size: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


def test_full_disk_leaves_no_torn_line_and_says_so(ws: Path) -> None:
    path = _two_entries(ws)
    before = path.read_bytes()
    note = "很长的进展说明" * 200
    done = plantrack(
        "-w", ws, "record", "mini-2017", "1.1", "--agency", "人社局", "--date", "2017-09-30", "--note", note,
        preexec=_limit_file_size(len(before) + 100),
    )  # fmt: skip
    assert done.returncode == 2, text(done)
    assert "磁盘空间不足" in text(done)
    assert "内部错误" not in text(done) and "Traceback" not in text(done)
    assert path.read_bytes() == before
    assert not [p for p in ws.rglob("*.tmp")]


def test_repair_needs_no_room_for_a_copy_of_the_journal(ws: Path) -> None:
    path = _two_entries(ws)
    w = Workspace(ws)
    for i in range(40):
        ledger.record(
            w, "mini-2017", RecordInput(task="1.1", agency="人社局", as_of=AS_OF, note=f"第{i}次" * 20)
        )
    whole = path.read_bytes()
    path.write_bytes(whole + b'- {"id": 99, "ta')
    done = plantrack("-w", ws, "check", "--repair", preexec=_limit_file_size(len(whole) // 4))
    assert done.returncode == 0, text(done)
    assert path.read_bytes() == whole
    assert not [p for p in ws.rglob("*.tmp")]


@pytest.mark.slow
def test_report_on_a_full_disk_leaves_no_empty_temporary_file(ws: Path) -> None:
    _two_entries(ws)
    done = plantrack("-w", ws, "report", "-q", "2017Q3", preexec=_limit_file_size(10))
    assert done.returncode == 2, text(done)
    assert "磁盘空间不足" in text(done)
    assert not [p for p in ws.rglob("*.tmp")]
    assert not list((ws / "reports").glob("*.md"))


def test_entries_are_valid_json_lines(ws: Path) -> None:
    path = _two_entries(ws)
    items = [ln[2:] for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("- ")]
    assert [json.loads(i)["note"] for i in items] == ["第一次", "第二次"]
