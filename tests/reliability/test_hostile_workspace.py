"""A workspace from someone else: opening it never runs code nor writes outside it."""

from __future__ import annotations

import os
import pickle
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from plantrack.tracking import journal, ledger
from plantrack.tracking.ledger import RecordInput
from plantrack.workspace import Workspace
from tests.reliability.conftest import journal_of, plantrack, text

PLAN = "mini-2017"


def _record(ws: Path, note: str = "第一次报送", task: str = "1.1") -> None:
    req = RecordInput(task=task, agency="人社局", as_of=date(2017, 9, 30), percent=20.0, note=note)
    ledger.record(Workspace(ws), PLAN, req)
    shutil.rmtree(ws / ".plantrack-cache", ignore_errors=True)


# --- code from files ---------------------------------------------------------------------------


def test_a_template_cannot_run_a_shell_command(ws: Path, invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _record(ws)
    proof = tmp_path / "ran"
    (ws / "templates").mkdir()
    (ws / "templates" / "report.md.j2").write_text(
        f"{{{{ cycler.__init__.__globals__.os.popen('touch {proof}').read() }}}}\n", encoding="utf-8"
    )
    result = invoke("-w", ws, "report", "-q", "2017Q3")
    assert result.exit_code == 2, result.output
    assert "模板使用了不允许的操作" in result.output
    assert not proof.exists()


def test_a_template_still_reads_the_report(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    _record(ws)
    (ws / "templates").mkdir()
    (ws / "templates" / "report.md.j2").write_text(
        "{% for p in report.plans %}{{ p.title | md }} {{ p.total }}项{% endfor %}\n", encoding="utf-8"
    )
    result = invoke("-w", ws, "report", "-q", "2017Q3", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("某市农民工工作领导小组2017年工作要点（测试用） 5项")


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {os.environ['PLANTED_PROOF']}",))


def test_a_planted_cache_file_never_runs(ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _record(ws)
    proof = tmp_path / "ran"
    monkeypatch.setenv("PLANTED_PROOF", str(proof))
    cache = ws / ".plantrack-cache"
    cache.mkdir()
    bomb = pickle.dumps(_Planted())
    for kind in ("plan", "journal", "index", "groups", "settings", "names"):
        for suffix in ("pickle", "json"):
            (cache / f"{kind}-{PLAN}.{suffix}").write_bytes(bomb)
    done = plantrack("-w", ws, "status", "--as-of", "2017-09-30")
    assert done.returncode == 0, text(done)
    assert not proof.exists()
    assert "第一次报送" in text(done)


def test_a_cache_that_does_not_match_is_rebuilt(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    _record(ws)
    assert invoke("-w", ws, "status", "--as-of", "2017-09-30").exit_code == 0
    files = sorted((ws / ".plantrack-cache").iterdir())
    assert files and all(f.suffix == ".json" for f in files)
    for f in files:  # well-formed key, nonsense value; then a value of the wrong type
        key = f.read_bytes().split(b"\n", 1)[0]
        f.write_bytes(key + b"\n" + b'[{"task": 1}]')
    result = invoke("-w", ws, "status", "--as-of", "2017-09-30")
    assert result.exit_code == 0, result.output
    assert "第一次报送" in result.output
    for f in sorted((ws / ".plantrack-cache").iterdir()):  # offsets that lead elsewhere
        if f.name.startswith(("index", "groups")):
            head, _, rows = f.read_bytes().partition(b"\n")
            f.write_bytes(head + b"\n" + rows.replace(b"[[", b"[[7"))
    result = invoke("-w", ws, "status", "--as-of", "2017-09-30")
    assert result.exit_code == 0, result.output
    assert "第一次报送" in result.output


# --- names from files --------------------------------------------------------------------------


def _rename_plan_id(ws: Path, new_id: str) -> None:
    path = ws / "data" / "extracted" / f"{PLAN}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(f"id: {PLAN}", f"id: '{new_id}'"), encoding="utf-8"
    )


def test_a_plan_id_with_dots_and_slashes_stays_in_reports(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    _record(ws)
    _rename_plan_id(ws, "../../../escaped")
    result = invoke("-w", ws, "report", "-q", "2017Q3", "--plan", PLAN)
    assert result.exit_code == 0, result.output
    written = [p for p in ws.parent.rglob("*.md")]
    assert [p.parent for p in written] == [ws / "reports"]
    assert written[0].name == "2017Q3-escaped.md"


def test_an_agency_name_with_a_path_stays_in_reports(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    path = ws / "data" / "extracted" / f"{PLAN}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("市人社局", "../../市人社局"), encoding="utf-8")
    result = invoke("-w", ws, "report", "-q", "2017Q3", "--agency", "../../市人社局")
    assert result.exit_code == 0, result.output
    written = list(ws.parent.rglob("*.md"))
    assert [p.parent for p in written] == [ws / "reports"]
    assert written[0].name == "2017Q3-市人社局.md"


# --- symlinks ----------------------------------------------------------------------------------


def _outside(tmp_path: Path, name: str = "victim.txt") -> Path:
    target = tmp_path / "outside" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text("别人的文件\n", encoding="utf-8")
    return target


def test_a_journal_linked_out_of_the_workspace_is_not_written(ws: Path, invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    victim = _outside(tmp_path)
    journal_of(ws).symlink_to(victim)
    result = invoke(
        "-w", ws, "record", PLAN, "1.1", "--agency", "人社局", "--date", "2017-09-30", "--note", "进展"
    )
    assert result.exit_code == 2, result.output
    assert "符号链接" in result.output and "没有写入" in result.output
    assert victim.read_text(encoding="utf-8") == "别人的文件\n"


def test_a_lock_file_linked_out_of_the_workspace_is_not_written(ws: Path, invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    victim = _outside(tmp_path)
    journal_of(ws).with_name(f"{PLAN}.yaml.lock").symlink_to(victim)
    result = invoke(
        "-w", ws, "record", PLAN, "1.1", "--agency", "人社局", "--date", "2017-09-30", "--note", "进展"
    )
    assert result.exit_code == 2, result.output
    assert "符号链接" in result.output
    assert victim.read_text(encoding="utf-8") == "别人的文件\n"
    assert not journal_of(ws).exists()


def test_repair_never_cuts_a_file_outside_the_workspace(ws: Path, invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    victim = _outside(tmp_path)
    victim.write_bytes(b"line one\nline two without newline")
    journal_of(ws).symlink_to(victim)
    result = invoke("-w", ws, "check", "--repair")
    assert result.exit_code == 2, result.output
    assert "符号链接" in result.output
    assert victim.read_bytes() == b"line one\nline two without newline"


@pytest.mark.parametrize(
    ("folder", "command"),
    [
        ("reports", ["report", "-q", "2017Q3"]),
        ("reports", ["report", "-q", "2017Q3", "--format", "docx"]),
        (".plantrack-cache", ["status", "--as-of", "2017-09-30"]),
    ],
    ids=["reports", "reports-docx", "cache"],
)
def test_a_folder_linked_out_of_the_workspace_is_not_written(
    ws: Path, invoke, tmp_path: Path, folder: str, command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    _record(ws)
    outside = tmp_path / "outside"
    outside.mkdir()
    (ws / folder).symlink_to(outside, target_is_directory=True)
    result = invoke("-w", ws, *command)
    assert result.exit_code == 2, result.output
    assert "符号链接" in result.output
    assert list(outside.iterdir()) == []


def test_sources_linked_out_of_the_workspace_are_not_written(ws: Path, invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "outside"
    outside.mkdir()
    sources = ws / "data" / "sources"
    sources.rmdir()
    sources.symlink_to(outside, target_is_directory=True)
    notice = Path(__file__).resolve().parents[2] / "data" / "sources" / "jian-2017.txt"
    result = invoke("-w", ws, "extract", notice)
    assert result.exit_code == 2, result.output
    assert "符号链接" in result.output
    assert list(outside.iterdir()) == []


def test_report_output_replaces_only_a_regular_file(ws: Path, invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _record(ws)
    victim = _outside(tmp_path)
    link = tmp_path / "link.md"
    link.symlink_to(victim)
    result = invoke("-w", ws, "report", "-q", "2017Q3", "-o", link)
    assert result.exit_code == 2, result.output
    assert "符号链接" in result.output and "不是普通文件" in result.output
    assert victim.read_text(encoding="utf-8") == "别人的文件\n"
    assert link.is_symlink()
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = invoke("-w", ws, "report", "-q", "2017Q3", "-o", fifo)
    assert result.exit_code == 2, result.output
    assert "特殊文件" in result.output
    regular = tmp_path / "old.md"
    regular.write_text("旧报告", encoding="utf-8")
    assert invoke("-w", ws, "report", "-q", "2017Q3", "-o", regular).exit_code == 0
    assert regular.read_text(encoding="utf-8").startswith("# ")


# --- what reaches the terminal and the report ----------------------------------------------------

HOSTILE = "\x1b]52;c;ZWNobyBoYWNrZWQ=\x07\x1b]8;;https://evil.example/\x1b\\点这里\x1b]8;;\x1b\\\x1b]0;标题\x07完成\x9b2J"


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["history", PLAN, "1.1"], marks=pytest.mark.slow),
        pytest.param(["show", PLAN, "1.1"], marks=pytest.mark.slow),
        ["status", "--as-of", "2017-09-30"],
        pytest.param(["status", "--as-of", "2017-09-30", "--agency", "人社局"], marks=pytest.mark.slow),
    ],
    ids=["history", "show", "status", "status-agency"],
)
def test_escape_sequences_in_a_note_never_reach_the_terminal(ws: Path, command: list[str]) -> None:
    _record(ws, note=HOSTILE)
    done = plantrack("-w", ws, *command)
    assert done.returncode == 0, text(done)
    assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout and "\x9b" not in done.stdout.decode()
    assert "\\x1b]52;c;" in done.stdout.decode()


def test_escape_sequences_typed_into_record_are_shown_escaped(ws: Path) -> None:
    done = plantrack(
        "-w", ws, "record", PLAN, "1.1", "--agency", "人社局", "--date", "2017-09-30", "--note", HOSTILE
    )
    assert done.returncode == 0, text(done)
    assert b"\x1b" not in done.stdout + done.stderr
    assert journal.read_entries(journal_of(ws))[0].note == HOSTILE  # kept as sent, only shown safely


def test_escape_sequences_never_reach_the_report(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    _record(ws, note=HOSTILE)
    path = ws / "data" / "extracted" / f"{PLAN}.yaml"
    plan = path.read_text(encoding="utf-8").replace(
        "title: 积极推进农民工转移就业", 'title: "积极推进\\e[2J转移就业"'
    )
    path.write_text(plan, encoding="utf-8")
    result = invoke("-w", ws, "report", "-q", "2017Q3", "-o", "-")
    assert result.exit_code == 0, result.output
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.output)
    assert "完成" in result.output


def test_an_agency_name_with_a_path_stays_in_reminders_and_sheets(ws: Path, invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """remind and templates write one file per agency, named after it: a name from a plan file
    holding ../ (with a folder named 2017Q3-.. shipped in the workspace) stays in its folder."""
    outside = tmp_path / "outside"
    outside.mkdir()
    hostile = "../../../../../../outside/x"
    plan = ws / "data" / "extracted" / f"{PLAN}.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "{name: 市妇联, role: responsible}" in text
    plan.write_text(
        text.replace("{name: 市妇联, role: responsible}", f'{{name: "{hostile}", role: responsible}}')
    )
    for command, folder in (
        ("remind", ws / "reports" / "催办" / "2017Q3"),
        ("templates", ws / "填报" / "2017Q3"),
    ):
        (folder / "2017Q3-..").mkdir(parents=True)
        result = invoke("-w", ws, command, "-q", "2017Q3", "--plan", PLAN)
        assert result.exit_code == 0, result.output
        assert not list(outside.iterdir()), command
        assert [p.name for p in folder.glob("*outside-x*")], [p.name for p in folder.iterdir()]


@pytest.mark.slow
def test_a_planted_temporary_file_of_a_docx_report_is_not_written_through(
    ws: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The .docx report was saved to <name>.docx.tmp, a name the workspace can plant as a symlink."""
    _record(ws)
    victim = _outside(tmp_path)
    (ws / "reports").mkdir(exist_ok=True)
    (ws / "reports" / "2017Q3.docx.tmp").symlink_to(victim)
    result = invoke("-w", ws, "report", "-q", "2017Q3", "--format", "docx")
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == "别人的文件\n"
    assert (ws / "reports" / "2017Q3.docx").is_file()
