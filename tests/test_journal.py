"""The append-only journal: format, ids, locking under concurrency, cut-off entries, corrections and undo."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from plantrack.errors import DataFileError
from plantrack.tracking import journal
from plantrack.tracking.models import Entry, Status
from plantrack.tracking.records import EntryRecord
from plantrack.tracking.status import effective_entries

STAMP = datetime(2017, 10, 8, 9, 30)


def _entry(new_id: int, task: str = "1.1", **kw: object) -> Entry:
    data: dict[str, object] = {
        "id": new_id,
        "task": task,
        "as_of": date(2017, 9, 30),
        "recorded_at": STAMP,
        "agency": "市人社局",
    }
    data.update(kw)
    return Entry.model_validate(data)


def _append(path: Path, **kw: object) -> Entry:
    return journal.append_entry(path, "mini-2017", lambda i: _entry(i, **kw))


def test_entry_is_one_line_of_valid_yaml(tmp_path: Path) -> None:
    path = tmp_path / "mini-2017.yaml"
    _append(
        path, status=Status.in_progress, actuals={"0": 45000.0}, note="完成转移4.5万人，完成年度任务的74.5%"
    )
    _append(path, task="2.3", status=Status.done, note="专项治理已完成")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# plantrack 进展记录：计划 mini-2017\n")
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    assert lines[0] == (
        '- {"id": 1, "task": "1.1", "as_of": "2017-09-30", "recorded_at": "2017-10-08T09:30:00", '
        '"agency": "市人社局", "status": "in_progress", "actuals": {"0": 45000.0}, '
        '"note": "完成转移4.5万人，完成年度任务的74.5%"}'
    )
    loaded = yaml.safe_load(text)
    assert [e["id"] for e in loaded] == [1, 2]
    assert loaded[1]["status"] == "done"
    assert journal.read_entries(path) == [
        EntryRecord.of(
            _entry(
                1,
                status=Status.in_progress,
                actuals={"0": 45000.0},
                note="完成转移4.5万人，完成年度任务的74.5%",
            )
        ),
        EntryRecord.of(_entry(2, task="2.3", status=Status.done, note="专项治理已完成")),
    ]


def test_missing_journal_is_empty(tmp_path: Path) -> None:
    assert journal.read_entries(tmp_path / "none.yaml") == []
    assert journal.last_id(tmp_path / "none.yaml") == 0


def test_ids_continue_from_the_tail_of_a_large_file(tmp_path: Path) -> None:
    path = tmp_path / "mini-2017.yaml"
    long_note = "进展情况说明。" * 60
    for _ in range(200):  # well over TAIL_BYTES
        _append(path, note=long_note)
    assert path.stat().st_size > journal.TAIL_BYTES
    assert journal.last_id(path) == 200
    assert _append(path, note="第201条").id == 201


def test_earlier_lines_are_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "mini-2017.yaml"
    _append(path, note="第一条")
    before = path.read_bytes()
    _append(path, note="第二条")
    assert path.read_bytes().startswith(before)


def test_cut_off_last_entry_costs_nothing_earlier(tmp_path: Path) -> None:
    path = tmp_path / "mini-2017.yaml"
    _append(path, note="第一条")
    _append(path, note="第二条")
    good = path.read_bytes()
    line = journal.entry_line(_entry(3, note="第三条")).encode("utf-8")
    path.write_bytes(good + line[:40])  # a crash in the middle of the append
    assert [e.id for e in journal.read_entries(path)] == [1, 2]
    scan = journal.scan_journal(path)
    assert [(b.line, b.cut_off) for b in scan.bad] == [(6, True)]
    with pytest.raises(DataFileError) as err:
        _append(path, note="第三条")
    assert str(err.value) == (
        f"{path}:6: 最后一条记录不完整（上次写入可能被中断），为免弄乱记录，暂不追加。\n"
        "请运行 plantrack check --repair 删除这条不完整的记录（会先备份这一行），再重新记录（或重新导入填报表）。"
    )
    backup = journal.repair_cut_off(path)
    assert backup is not None and backup.read_bytes() == line[:40]
    assert path.read_bytes() == good
    assert _append(path, note="第三条").id == 3
    assert journal.repair_cut_off(path) is None


def test_trailing_blank_fragment_is_not_a_cut_off_entry(tmp_path: Path) -> None:
    path = tmp_path / "mini-2017.yaml"
    _append(path, note="第一条")
    path.write_bytes(path.read_bytes() + b"   ")  # an editor left spaces after the last line
    assert _append(path, note="第二条").id == 2
    assert [e.note for e in journal.read_entries(path)] == ["第一条", "第二条"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('- {"id": 2, "task": "1.1", "as_of": "2017-09-31"', "记录格式错误"),
        ('- {"id": 2, "task": "1.1"}', "字段 as_of 有误"),
        ("id: 2", "不是一条记录"),
        (
            '- {"id": 2, "task": "1.1", "as_of": "2017-09-30", "recorded_at": "2017-10-08T09:30:00", '
            '"agency": "市人社局", "status": "finished"}',
            "字段 status 有误",
        ),
    ],
    ids=["broken-json", "missing-field", "not-an-entry", "unknown-status"],
)
def test_bad_middle_line_is_located(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "mini-2017.yaml"
    _append(path, note="第一条")
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    _append(path, note="第三条")
    with pytest.raises(DataFileError) as err:
        journal.read_entries(path)
    assert err.value.line == 5
    assert message in err.value.message


def test_duplicate_ids_are_found(tmp_path: Path) -> None:
    path = tmp_path / "mini-2017.yaml"
    _append(path, note="第一条")
    text = path.read_text(encoding="utf-8")
    path.write_text(text + journal.entry_line(_entry(1, note="抄重了")), encoding="utf-8")
    assert journal.scan_journal(path).duplicates == [(1, 5)]


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date, datetime
    from pathlib import Path
    from plantrack.tracking.journal import append_entry
    from plantrack.tracking.models import Entry

    path, worker = Path(sys.argv[1]), sys.argv[2]
    for n in range(50):
        append_entry(path, "mini-2017", lambda i: Entry(
            id=i, task="1.1", as_of=date(2017, 9, 30), recorded_at=datetime(2017, 10, 8),
            agency="市人社局", note=f"进程{worker}第{n}条"))
    """
)


@pytest.mark.slow
def test_twenty_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "mini-2017.yaml"
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(w)], stderr=subprocess.PIPE)
        for w in range(20)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    entries = journal.read_entries(path)
    assert len(entries) == 1000
    assert sorted(e.id for e in entries) == list(range(1, 1001))
    assert len({e.note for e in entries}) == 1000
    assert journal.scan_journal(path).bad == []
    assert path.read_text(encoding="utf-8").count("# plantrack 进展记录") == 1


def _chain(*specs: tuple[int, dict[str, object]]) -> list[Entry]:
    return [_entry(i, **kw) for i, kw in specs]


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (_chain((1, {}), (2, {})), [1, 2]),
        (_chain((1, {}), (2, {"corrects": 1})), [2]),
        (_chain((1, {}), (2, {"undoes": 1})), []),
        (_chain((1, {}), (2, {"corrects": 1}), (3, {"undoes": 2})), [1]),
        (_chain((1, {}), (2, {"undoes": 1}), (3, {"undoes": 2})), [1]),
        (_chain((1, {}), (2, {"corrects": 1}), (3, {"corrects": 2})), [3]),
        (_chain((1, {}), (2, {}), (3, {"undoes": 2}), (4, {"undoes": 1})), []),
    ],
    ids=[
        "plain",
        "corrected",
        "undone",
        "undo-a-correction",
        "undo-an-undo",
        "correct-a-correction",
        "undo-twice",
    ],
)
def test_effective_entries(entries: list[Entry], expected: list[int]) -> None:
    assert [e.id for e in effective_entries(entries)] == expected
