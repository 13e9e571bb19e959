"""Writers at once: what an undo or a correction acts on is decided under the journal lock."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from plantrack.errors import UsageError
from plantrack.tracking import journal, ledger
from plantrack.tracking.ledger import RecordInput
from plantrack.tracking.status import effective_entries
from plantrack.workspace import Workspace
from tests.reliability.conftest import AS_OF, env_for, journal_of

WRITERS = 20


def _record(ws: Workspace, n: int) -> None:
    for i in range(n):
        req = RecordInput(
            task="1.1", agency="市人社局", as_of=AS_OF, percent=float(10 + i), note=f"第{i + 1}次报送"
        )
        ledger.record(ws, "mini-2017", req)


def _at_once(calls: list[Callable[[], object]]) -> tuple[list[object], list[Exception]]:
    """Run the calls on threads released together; their results and errors."""
    start = threading.Barrier(len(calls))
    done: list[object] = []
    failed: list[Exception] = []

    def run(call: Callable[[], object]) -> None:
        start.wait()
        try:
            done.append(call())
        except Exception as e:
            failed.append(e)

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done, failed


def test_simultaneous_undos_each_withdraw_their_own_entry(ws: Path) -> None:
    w = Workspace(ws)
    _record(w, WRITERS + 5)
    done, failed = _at_once([lambda: ledger.undo(w, "mini-2017")] * WRITERS)
    assert not failed
    withdrawn = [target.id for _, target in done]  # type: ignore[attr-defined]
    assert sorted(withdrawn) == list(range(6, WRITERS + 6))
    entries = journal.read_entries(journal_of(ws))
    assert [e.id for e in effective_entries(entries)] == [1, 2, 3, 4, 5]
    assert sorted(e.undoes for e in entries if e.undoes) == sorted(withdrawn)  # type: ignore[type-var]


def test_simultaneous_corrections_of_one_entry_accept_one(ws: Path) -> None:
    w = Workspace(ws)
    _record(w, 5)

    def correct(i: int) -> Callable[[], object]:
        return lambda: ledger.record(
            w, "mini-2017", RecordInput(task="1.1", percent=float(50 + i), corrects=3)
        )

    done, failed = _at_once([correct(i) for i in range(WRITERS)])
    assert len(done) == 1
    assert len(failed) == WRITERS - 1
    assert all(isinstance(e, UsageError) and "记录 #3 已被 #6 更正，不能再更正" in e.message for e in failed)
    entries = journal.read_entries(journal_of(ws))
    assert [e.corrects for e in entries if e.corrects] == [3]


def test_undo_and_correction_of_one_entry_at_once_one_wins(ws: Path) -> None:
    w = Workspace(ws)
    _record(w, 5)
    for _ in range(5):  # both orders happen; each time exactly one of the two is written
        calls: list[Callable[[], object]] = [
            lambda: ledger.undo(w, "mini-2017", 3),
            lambda: ledger.record(w, "mini-2017", RecordInput(task="1.1", percent=99.0, corrects=3)),
        ]
        before = len(journal.read_entries(journal_of(ws)))
        done, failed = _at_once(calls)
        assert len(done) == 1 and len(failed) == 1
        assert isinstance(failed[0], UsageError)
        assert "记录 #3 已被" in failed[0].message
        entries = journal.read_entries(journal_of(ws))[before:]
        acting = [e for e in entries if 3 in (e.corrects, e.undoes)]
        assert len(acting) == 1
        _restore(w, acting[0].id)


def _restore(w: Workspace, acting: int) -> None:
    """Take the winner back (undo it) so the next round starts from #3 counting again."""
    ledger.undo(w, "mini-2017", acting)


def _processes_at_once(ws: Path, *args: str) -> list[tuple[int, str]]:
    """WRITERS real processes running `plantrack -w ws ARGS`, released together: (exit code, output)."""
    go = ws / "go"
    script = (
        "import sys, time, pathlib\n"
        "go = pathlib.Path(sys.argv[1])\n"
        "while not go.exists(): time.sleep(0.005)\n"
        "from plantrack.cli.app import main\n"
        "sys.argv = ['plantrack', '-w', *sys.argv[2:]]\n"
        "main()\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(go), str(ws), *args],
            env=env_for(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for _ in range(WRITERS)
    ]
    go.touch()
    outputs = [p.communicate(timeout=180)[0].decode() for p in procs]
    go.unlink()
    return [(p.returncode, o) for p, o in zip(procs, outputs, strict=True)]


@pytest.mark.slow
def test_twenty_processes_undo_at_once(ws: Path) -> None:
    """The same races between real processes, as 20 member units at one shared workspace."""
    _record(Workspace(ws), WRITERS + 2)
    results = _processes_at_once(ws, "undo", "mini-2017")
    assert [code for code, _ in results] == [0] * WRITERS
    entries = journal.read_entries(journal_of(ws))
    undone = sorted(e.undoes for e in entries if e.undoes)  # type: ignore[type-var]
    assert undone == list(range(3, WRITERS + 3))
    assert sorted(int(o.split("#")[1].split("（")[0]) for _, o in results) == undone


@pytest.mark.slow
def test_twenty_processes_correct_one_entry_at_once(ws: Path) -> None:
    _record(Workspace(ws), 5)
    results = _processes_at_once(ws, "record", "mini-2017", "1.1", "--corrects", "3", "--percent", "66")
    assert sorted(code for code, _ in results) == [0] + [1] * (WRITERS - 1)
    refused = [o for code, o in results if code == 1]
    assert all("记录 #3 已被 #6 更正，不能再更正" in o for o in refused), refused[0]
    entries = journal.read_entries(journal_of(ws))
    assert [e.corrects for e in entries if e.corrects] == [3]


# --- plantrack import: which entry a changed row corrects is decided under the lock ---------------


def _sheet(ws: Path, percent: int, name: str) -> Path:
    """市人社局's 2017Q3 sheet with task 1.1 filled in (截至 2017-09-30, the quarter's end)."""
    from plantrack.office.fillin import write_templates
    from plantrack.periods import Quarter
    from tests.office.fill import fill

    made = write_templates(Workspace(ws), "mini-2017", Quarter(2017, 3), ws / name, "人社局")
    return fill(made.files[0][1], {"1.1": {"完成百分比": percent, "进展情况": f"完成{percent}%"}})


def _import(ws: Path, sheet: Path) -> object:
    from plantrack.office.importer import apply_import, plan_import

    w = Workspace(ws)
    return apply_import(w, plan_import(w, [sheet]))


def _corrected(ws: Path) -> list[int]:
    return [e.corrects for e in journal.read_entries(journal_of(ws)) if e.corrects is not None]


def test_two_imports_of_a_changed_row_read_together_never_correct_one_entry_twice(ws: Path) -> None:
    """Both read the journal (#1 counts), then both write: the second corrects the first's correction."""
    from plantrack.office.importer import apply_import, plan_import

    w = Workspace(ws)
    ledger.record(w, "mini-2017", RecordInput(task="1.1", agency="人社局", as_of=AS_OF, percent=10.0))
    first, second = _sheet(ws, 40, "a"), _sheet(ws, 60, "b")
    planned = [plan_import(w, [first]), plan_import(w, [second])]
    assert [p.planned[0].corrects for p in planned] == [1, 1]  # what each showed before asking
    applied = [apply_import(w, p) for p in planned]
    assert _corrected(ws) == [1, 2]
    assert [(p.corrects, now) for p, now in applied[1].redecided] == [(1, 2)]
    (current,) = [e for e in effective_entries(journal.read_entries(journal_of(ws))) if e.task == "1.1"]
    assert current.percent == 60.0 and current.corrects == 2


def test_the_same_sheet_imported_twice_at_once_is_recorded_once(ws: Path) -> None:
    from plantrack.office.importer import apply_import, plan_import

    w = Workspace(ws)
    sheet = _sheet(ws, 40, "a")
    planned = [plan_import(w, [sheet]), plan_import(w, [sheet])]
    applied = [apply_import(w, p) for p in planned]
    assert [len(a.written) for a in applied] == [1, 0]
    assert len(applied[1].already) == 1
    assert len(journal.read_entries(journal_of(ws))) == 1
    # and a corrected row imported twice at once: one correction
    second = _sheet(ws, 70, "b")
    planned = [plan_import(w, [second]), plan_import(w, [second])]
    applied = [apply_import(w, p) for p in planned]
    assert [len(a.written) for a in applied] == [1, 0]
    assert _corrected(ws) == [1]


def test_imports_on_threads_at_once_correct_each_entry_at_most_once(ws: Path) -> None:
    w = Workspace(ws)
    ledger.record(w, "mini-2017", RecordInput(task="1.1", agency="人社局", as_of=AS_OF, percent=10.0))
    sheets = [_sheet(ws, 20 + i, f"s{i}") for i in range(8)]
    _, failed = _at_once([lambda s=s: _import(ws, s) for s in sheets])  # type: ignore[misc]
    assert not failed
    corrected = _corrected(ws)
    assert len(corrected) == len(set(corrected)) == 8  # a chain: each correction of the one before
    (current,) = [e for e in effective_entries(journal.read_entries(journal_of(ws))) if e.task == "1.1"]
    assert current.percent in {20.0 + i for i in range(8)}
    same = _sheet(ws, 99, "same")
    _, failed = _at_once([lambda: _import(ws, same)] * 8)
    assert not failed
    assert _corrected(ws).count(current.id) == 1 and len(_corrected(ws)) == 9


@pytest.mark.slow
def test_twenty_processes_import_one_sheet_at_once(ws: Path) -> None:
    ledger.record(
        Workspace(ws), "mini-2017", RecordInput(task="1.1", agency="人社局", as_of=AS_OF, percent=10.0)
    )
    sheet = _sheet(ws, 55, "a")
    results = _processes_at_once(ws, "import", str(sheet), "--yes")
    assert [code for code, _ in results] == [0] * WRITERS, results[0][1]
    assert _corrected(ws) == [1]
    assert sum("已导入 1 条记录" in o for _, o in results) == 1
    assert sum("没有重复记录" in o or "已导入过、没有变化 1 行" in o for _, o in results) == WRITERS - 1
