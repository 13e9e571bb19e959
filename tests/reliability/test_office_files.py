"""The office's files (export, templates, remind, import, the .docx) in a workspace from someone else
and on a broken machine: names from files stay in their folder, symlinks and devices are never
written through, a failed write leaves nothing, and every failure is one Chinese line."""

from __future__ import annotations

import os
import resource
from datetime import date
from pathlib import Path

import pytest

from plantrack.tracking import journal, ledger
from plantrack.tracking.ledger import RecordInput
from plantrack.workspace import Workspace
from tests.office.fill import fill
from tests.reliability.conftest import journal_of, plantrack, text

PLAN = "mini-2017"
SHEET = "2017Q3-市人社局.xlsx"

EXPORT = ["export", "-q", "2017Q3"]
TEMPLATES = ["templates", "-q", "2017Q3", "--plan", PLAN]
REMIND = ["remind", "-q", "2017Q3", "--plan", PLAN]


def _slow(*values: object) -> object:
    """A case left to the slow set: another file format or another way into a command the fast lane
    already covers."""
    return pytest.param(*values, marks=pytest.mark.slow)


def _record(ws: Path) -> None:
    req = RecordInput(task="1.1", agency="人社局", as_of=date(2017, 9, 30), percent=20.0, note="第一次报送")
    ledger.record(Workspace(ws), PLAN, req)


def _victim(tmp_path: Path, name: str = "victim.xlsx") -> Path:
    target = tmp_path / "outside" / name
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(b"someone else's file\n")
    return target


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def _refused(result, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert "内部错误" not in result.output and "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output


# --- folders linked out of the workspace -------------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "command"),
    [
        ("填报", TEMPLATES),
        ("reports", EXPORT),
        _slow("reports", [*EXPORT, "--format", "csv"]),
        _slow("reports", [*EXPORT, "--format", "json"]),
        _slow("reports", REMIND),
        ("reports", [*REMIND, "--format", "docx"]),
        _slow("reports", [*REMIND, "--format", "xlsx"]),
        _slow("reports", [*REMIND, "--agency", "人社局"]),
    ],
    ids=[
        "templates",
        "export",
        "export-csv",
        "export-json",
        "remind",
        "remind-docx",
        "remind-xlsx",
        "remind-one",
    ],
)
def test_an_office_folder_linked_out_of_the_workspace_is_not_written(
    ws: Path, invoke, tmp_path: Path, folder: str, command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    _record(ws)
    outside = tmp_path / "outside"
    outside.mkdir()
    (ws / folder).symlink_to(outside, target_is_directory=True)
    result = invoke("-w", ws, *command)
    _refused(result, "符号链接", "没有写入")
    assert _files(outside) == []


def test_a_quarter_folder_linked_out_of_the_workspace_is_not_written(
    ws: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The link one level down (填报/2017Q3, reports/催办/2017Q3): still outside, still refused."""
    outside = tmp_path / "outside"
    outside.mkdir()
    for folder, command in ((ws / "填报", TEMPLATES), (ws / "reports" / "催办", REMIND)):
        folder.mkdir(parents=True)
        (folder / "2017Q3").symlink_to(outside, target_is_directory=True)
        _refused(invoke("-w", ws, *command), "符号链接")
    assert _files(outside) == []


# --- a planted symlink in place of a file ------------------------------------------------------


@pytest.mark.parametrize(
    ("planted", "command"),
    [
        (Path("填报", "2017Q3", SHEET), TEMPLATES),
        _slow(Path("reports", "催办", "2017Q3", "2017Q3-市人社局-催办.md"), REMIND),
        _slow(Path("reports", "催办", "2017Q3", "2017Q3-催办清单.md"), REMIND),
        (Path("reports", "催办", "2017Q3", "2017Q3-市人社局-催办.docx"), [*REMIND, "--format", "docx"]),
        _slow(Path("reports", "催办", "2017Q3", "2017Q3-催办清单.xlsx"), [*REMIND, "--format", "xlsx"]),
        (Path("reports", f"{PLAN}-台账-2017-09-30.xlsx"), [*EXPORT, "--plan", PLAN]),
        _slow(Path("reports", f"{PLAN}-台账-2017-09-30.csv"), [*EXPORT, "--plan", PLAN, "--csv"]),
    ],
    ids=["sheet", "notice", "overview", "notice-docx", "remind-xlsx", "ledger", "ledger-csv"],
)
def test_a_planted_symlink_in_place_of_an_office_file_is_not_written_through(
    ws: Path, invoke, tmp_path: Path, planted: Path, command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    _record(ws)
    victim = _victim(tmp_path)
    link = ws / planted
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(victim)
    result = invoke("-w", ws, *command)
    _refused(result, "符号链接")
    assert victim.read_bytes() == b"someone else's file\n"
    assert link.is_symlink()


# --- names from plan files ---------------------------------------------------------------------

HOSTILE = "../../../../../../outside/x"


def _hostile_agency(ws: Path) -> None:
    plan = ws / "data" / "extracted" / f"{PLAN}.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "{name: 市妇联, role: responsible}" in text
    plan.write_text(
        text.replace("{name: 市妇联, role: responsible}", f'{{name: "{HOSTILE}", role: responsible}}'),
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "command",
    [
        [*TEMPLATES, "--agency", HOSTILE],
        _slow([*REMIND, "--agency", HOSTILE]),
        [*REMIND, "--agency", HOSTILE, "--format", "docx"],
        _slow([*REMIND, "--format", "xlsx"]),
        [*EXPORT, "--plan", PLAN],
    ],
    ids=["templates-one", "remind-one", "remind-one-docx", "remind-xlsx", "export"],
)
def test_an_agency_name_with_a_path_stays_in_its_folder(
    ws: Path, invoke, tmp_path: Path, command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "outside"
    outside.mkdir()
    _hostile_agency(ws)
    result = invoke("-w", ws, *command)
    assert result.exit_code == 0, result.output
    assert _files(outside) == []
    written = [p for p in _files(ws) if p.suffix in (".xlsx", ".md", ".docx")]
    assert written and all(p.resolve().is_relative_to(ws.resolve()) for p in written)


def test_a_plan_file_named_oddly_gives_a_safe_ledger_name(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (ws / "data" / "extracted" / f"{PLAN}.yaml").rename(ws / "data" / "extracted" / "mini 2017..yaml")
    (ws / "data" / "extracted" / "mini-2018.yaml").unlink()
    result = invoke("-w", ws, *EXPORT)
    assert result.exit_code == 0, result.output
    assert [p.name for p in (ws / "reports").iterdir()] == ["mini-2017-台账-2017-09-30.xlsx"]


# --- -o naming a symlink, a device, a file -----------------------------------------------------


@pytest.mark.slow
def test_export_output_replaces_only_a_regular_file(ws: Path, tmp_path: Path) -> None:
    _record(ws)
    victim = _victim(tmp_path)
    for suffix in ("xlsx", "csv", "json"):
        link = tmp_path / f"link.{suffix}"
        link.symlink_to(victim)
        done = plantrack("-w", ws, *EXPORT, "-o", link, timeout=30)
        assert done.returncode == 2, text(done)
        assert "符号链接" in text(done) and "不是普通文件" in text(done)
        assert victim.read_bytes() == b"someone else's file\n" and link.is_symlink()
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # opening it to write would wait for a reader for ever
    done = plantrack("-w", ws, *EXPORT, "--csv", "-o", fifo, timeout=30)
    assert done.returncode == 2, text(done)
    assert "特殊文件" in text(done) and "Traceback" not in text(done)
    regular = tmp_path / "old.csv"
    regular.write_text("旧台账", encoding="utf-8")
    done = plantrack("-w", ws, *EXPORT, "-o", regular, timeout=30)
    assert done.returncode == 0, text(done)
    assert regular.read_text(encoding="utf-8-sig").startswith('"序号"')


@pytest.mark.slow
@pytest.mark.parametrize("command", [TEMPLATES, REMIND], ids=["templates", "remind"])
def test_an_output_folder_that_is_a_file_or_a_device(ws: Path, tmp_path: Path, command: list[str]) -> None:
    _record(ws)
    victim = _victim(tmp_path, "a-file")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (victim, fifo, victim / "sub"):
        done = plantrack("-w", ws, *command, "-o", target, timeout=60)
        assert done.returncode == 2, text(done)
        assert "不是文件夹" in text(done) and "Traceback" not in text(done), text(done)
    assert victim.read_bytes() == b"someone else's file\n"


def test_an_output_folder_may_be_a_link_the_user_names(ws: Path, invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """-o is the user's own choice: a folder reached through a symlink they name is written into,
    but a planted link inside it is still refused."""
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    result = invoke("-w", ws, *TEMPLATES, "--agency", "人社局", "-o", link)
    assert result.exit_code == 0, result.output
    assert [p.name for p in real.iterdir()] == [SHEET]
    (real / SHEET).unlink()
    victim = _victim(tmp_path)
    (real / SHEET).symlink_to(victim)
    _refused(invoke("-w", ws, *TEMPLATES, "--agency", "人社局", "-o", link), "符号链接")
    assert victim.read_bytes() == b"someone else's file\n"


# --- a read-only disk, a full disk -------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        EXPORT,
        _slow([*EXPORT, "--csv"]),
        TEMPLATES,
        _slow(REMIND),
        [*REMIND, "--format", "docx"],
        _slow([*REMIND, "--format", "xlsx"]),
        ["report", "-q", "2017Q3", "--format", "docx"],
    ],
    ids=["export", "export-csv", "templates", "remind", "remind-docx", "remind-xlsx", "report-docx"],
)
def test_a_read_only_disk_refuses_office_files_clearly(
    ws: Path, invoke, read_only_fs: None, command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, *command)
    _refused(result, "没有写入权限")
    assert not [p for p in _files(ws) if p.suffix in (".xlsx", ".csv", ".md", ".docx")]


def _small_disk() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # a file may not grow past 4 KB


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "old"),
    [
        (TEMPLATES, Path("填报", "2017Q3", SHEET)),
        ([*EXPORT, "--plan", PLAN], Path("reports", f"{PLAN}-台账-2017-09-30.xlsx")),
        ([*REMIND, "--format", "xlsx"], Path("reports", "催办", "2017Q3", "2017Q3-催办清单.xlsx")),
        ([*REMIND, "--format", "docx"], Path("reports", "催办", "2017Q3", "2017Q3-催办清单.docx")),
    ],
    ids=["templates", "export", "remind-xlsx", "remind-docx"],
)
def test_a_full_disk_leaves_no_partial_office_file(ws: Path, command: list[str], old: Path) -> None:
    _record(ws)
    target = ws / old
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"old file")
    done = plantrack("-w", ws, *command, preexec=_small_disk)
    assert done.returncode == 2, text(done)
    assert "磁盘空间不足" in text(done) and "Traceback" not in text(done)
    assert target.read_bytes() == b"old file"
    assert not list(ws.rglob("*.tmp")), list(ws.rglob("*.tmp"))
    partial = [p for p in _files(ws) if p.suffix in (".xlsx", ".docx") and p != target]
    assert partial == []


# --- import ------------------------------------------------------------------------------------


def _filled_sheet(ws: Path, invoke, percent: int = 55) -> Path:  # type: ignore[no-untyped-def]
    out = ws / "out"
    result = invoke("-w", ws, *TEMPLATES, "--agency", "人社局", "-o", out)
    assert result.exit_code == 0, result.output
    return fill(out / SHEET, {"1.1": {"完成百分比": percent, "进展情况": "已推进"}})


def test_import_never_writes_through_a_journal_linked_out_of_the_workspace(
    ws: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = _filled_sheet(ws, invoke)
    victim = _victim(tmp_path, "victim.yaml")
    victim.write_bytes(b"")
    journal_of(ws).symlink_to(victim)
    result = invoke("-w", ws, "import", sheet, "--yes")
    _refused(result, "符号链接", "没有写入")
    assert victim.read_bytes() == b""


def test_import_on_a_read_only_disk_says_so(ws: Path, invoke, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import errno

    sheet = _filled_sheet(ws, invoke)
    real_open = os.open

    def refuse(path: object, flags: int, *args: object, **kw: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    result = invoke("-w", ws, "import", sheet, "--yes")
    _refused(result, "没有写入权限")
    assert journal.read_entries(journal_of(ws)) == []


@pytest.mark.slow
def test_import_never_opens_a_folder_a_device_or_a_fifo(ws: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    for target in (tmp_path, Path("/dev/zero"), fifo):
        done = plantrack("-w", ws, "import", target, "--yes", timeout=30)
        assert done.returncode == 2, text(done)
        assert "不是普通文件" in text(done) and "Traceback" not in text(done)
    assert not journal_of(ws).exists()
