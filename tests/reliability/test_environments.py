"""Broken machines: terminals without Chinese, read-only folders, no HOME, LANG=C, a deleted folder."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from plantrack.tracking import journal
from tests.conftest import SOURCES
from tests.reliability.conftest import env_for, journal_of, plantrack, text

PLAN = "mini-2017"
RECORD = (
    "record",
    PLAN,
    "1.1",
    "--agency",
    "人社局",
    "--date",
    "2017-09-30",
    "--percent",
    "40",
    "--note",
    "已推进",
)


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["latin-1", "big5", "ascii"])
def test_a_terminal_without_chinese_never_fails_a_finished_command(ws: Path, encoding: str) -> None:
    env = env_for(PYTHONIOENCODING=encoding)
    done = plantrack("-w", ws, *RECORD, env=env)
    assert done.returncode == 0, text(done)
    assert b"UnicodeEncodeError" not in done.stderr
    assert [e.note for e in journal.read_entries(journal_of(ws))] == ["已推进"]
    if encoding != "ascii":  # (click writes UTF-8 to a terminal that says it is ASCII)
        output = done.stdout.decode(encoding)
        assert output.startswith("已" if encoding == "big5" else "\\u5df2") and "#1" in output
    for command in (["plans"], ["status", "--as-of", "2017-09-30"], ["history", PLAN, "1.1"], ["undo", PLAN]):
        done = plantrack("-w", ws, *command, env=env)
        assert done.returncode == 0, text(done)
        assert b"Traceback" not in done.stderr
    assert [e.undoes for e in journal.read_entries(journal_of(ws))] == [None, 1]
    done = plantrack("extract", SOURCES / "jian-2017.txt", "-o", ws / "out.yaml", env=env)
    assert done.returncode == 0, done.stderr.decode(encoding, errors="replace")


def test_errors_on_a_latin1_terminal_are_escaped_not_lost(ws: Path) -> None:
    done = plantrack("-w", ws, "record", PLAN, "9.9", "--note", "x", env=env_for(PYTHONIOENCODING="latin-1"))
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert done.stderr.decode("latin-1").startswith("\\u9519\\u8bef")  # 错误


@pytest.mark.slow
@pytest.mark.parametrize(
    "extra", [{"LANG": "C", "LC_ALL": "C"}, {"HOME": "/nonexistent"}], ids=["LANG=C", "no-HOME"]
)
def test_bare_environments(ws: Path, extra: dict[str, str]) -> None:
    env = env_for(**extra)
    env.pop("PYTHONIOENCODING")
    if "HOME" in extra:
        env.pop("HOME")
    done = plantrack("-w", ws, *RECORD, env=env)
    assert done.returncode == 0, text(done)
    done = plantrack("-w", ws, "status", "--as-of", "2017-09-30", env=env)
    assert done.returncode == 0, text(done)
    done = plantrack("extract", SOURCES / "jian-2017.txt", "-o", ws / "out.yaml", env=env)
    assert done.returncode == 0, text(done)
    assert b"Traceback" not in done.stderr


@pytest.fixture
def read_only(ws: Path) -> Iterator[Path]:
    if os.geteuid() == 0:
        pytest.skip("root writes to read-only folders")
    folders = [p for p in [ws, *ws.rglob("*")] if p.is_dir()]
    for p in folders:
        p.chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield ws
    for p in folders:
        p.chmod(stat.S_IRWXU)


def test_a_read_only_workspace(read_only: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", read_only, *RECORD)
    assert result.exit_code == 2, result.output
    assert "没有写入权限" in result.output
    result = invoke("-w", read_only, "status", "--as-of", "2017-09-30")
    assert result.exit_code == 0, result.output  # reading needs no cache
    result = invoke("-w", read_only, "report", "-q", "2017Q3")
    assert result.exit_code == 2, result.output
    assert "没有写入权限" in result.output


def test_a_read_only_workspace_as_root_still_refuses_a_read_only_file_system(
    ws: Path, invoke, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import errno

    def refuse(*_args: object, **_kw: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system", str(journal_of(ws)))

    monkeypatch.setattr(os, "open", refuse)
    result = invoke("-w", ws, *RECORD)
    assert result.exit_code == 2, result.output
    assert "没有写入权限" in result.output and "内部错误" not in result.output


def test_a_deleted_current_folder(ws: Path, tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = f"import os, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); sys.argv = ['plantrack', 'status']; "
    script += "from plantrack.cli.app import main; main()"
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, env=env_for(), check=False)
    assert done.returncode == 1, text(done)
    assert "当前文件夹已不存在" in text(done)
    assert "Traceback" not in text(done)


def test_corrects_that_is_not_a_number_answers_in_chinese(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, "record", PLAN, "1.1", "--corrects", "1e3", "--note", "x")
    assert result.exit_code == 2
    assert "--corrects 的值无效：应是整数，现为 '1e3'" in result.output
    assert "valid" not in result.output and "integer" not in result.output


@pytest.mark.parametrize(
    "command", [RECORD[:3], ("status",), ("report", "-q", "2017Q3")], ids=["record", "status", "report"]
)
def test_an_empty_agency_is_refused(ws: Path, invoke, command: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    extra = ("--note", "x") if command[0] == "record" else ()
    result = invoke("-w", ws, *command, *extra, "--agency", " ")
    assert result.exit_code == 1, result.output
    assert "--agency 的值是空的" in result.output
    assert not journal_of(ws).exists()


# --- jieba's cache, no home, a full disk, a read-only file system (also as root) -----------------


@pytest.mark.slow
def test_extract_never_uses_jiebas_cache_in_the_temp_folder(tmp_path: Path) -> None:
    """jieba dumps its cache to <temp>/jieba.cache and prints a traceback when that file belongs to
    someone else: plantrack reads jieba's dictionary itself and never imports jieba."""
    temp = tmp_path / "temp"
    temp.mkdir()
    (temp / "jieba.cache").mkdir()  # neither readable nor replaceable as a file
    cache = tmp_path / "cache"
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['plantrack', 'extract', {str(SOURCES / 'jian-2017.txt')!r}, '-o', '-']\n"
        "try:\n    runpy.run_module('plantrack', run_name='__main__')\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "print('JIEBA' if 'jieba' in sys.modules else 'NO-JIEBA', file=sys.stderr)\n"
    )
    import subprocess
    import sys

    env = env_for(TMPDIR=str(temp), PLANTRACK_CACHE_DIR=str(cache))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, env=env, check=False)
    assert done.returncode == 0, text(done)
    assert done.stderr.decode().strip().endswith("NO-JIEBA"), text(done)
    assert b"Dump cache" not in done.stderr and b"Traceback" not in done.stderr
    assert list(cache.glob("words-*.sqlite"))  # its own cache, where plantrack keeps it


@pytest.mark.slow
def test_no_home_folder_at_all_still_extracts(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """No HOME and no passwd entry (a bare uid in a container): the dictionary is built in memory."""
    import pwd

    from plantrack.extract import lexicon

    for name in ("HOME", "XDG_CACHE_HOME", "PLANTRACK_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)

    def unknown(_uid: int) -> None:
        raise KeyError("getpwuid(): uid not found")

    monkeypatch.setattr(pwd, "getpwuid", unknown)
    lexicon.lexicon.cache_clear()
    try:
        result = invoke("extract", SOURCES / "jian-2017.txt", "-o", tmp_path / "out.yaml")
    finally:
        lexicon.lexicon.cache_clear()
    assert result.exit_code == 0, result.output
    assert "内部错误" not in result.output
    assert "22 项" in result.output


@pytest.mark.slow
def test_extract_on_a_full_disk_leaves_the_plan_and_no_leftovers(ws: Path) -> None:
    """A file-size limit (RLIMIT_FSIZE) as a full disk: the plan file stays as it was, no .tmp."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    target = ws / "data" / "extracted" / "jian.yaml"
    target.write_text("# 旧的计划文件\n", encoding="utf-8")
    done = plantrack(
        "-w", ws, "extract", SOURCES / "jian-2017.txt", "--id", "jian", "-o", target, "--force",
        preexec=limit,
    )  # fmt: skip
    assert done.returncode == 2, text(done)
    assert "磁盘空间不足" in text(done) and "Traceback" not in text(done)
    assert target.read_text(encoding="utf-8") == "# 旧的计划文件\n"
    assert not list(ws.rglob("*.tmp"))


def test_a_read_only_file_system_reads_and_refuses_writes_clearly(
    ws: Path, invoke, read_only_fs: None
) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, "status", "--as-of", "2017-09-30")
    assert result.exit_code == 0, result.output  # reading needs no cache
    result = invoke("-w", ws, "report", "-q", "2017Q3", "-o", "-")
    assert result.exit_code == 0, result.output
    for command in (RECORD, ("report", "-q", "2017Q3"), ("extract", SOURCES / "jian-2017.txt", "--force")):
        result = invoke("-w", ws, *command)
        assert result.exit_code == 2, result.output
        assert "没有写入权限" in result.output and "内部错误" not in result.output
    assert not journal_of(ws).exists()
    assert not list((ws / "reports").glob("*.md"))


def test_a_cached_help_page_on_a_terminal_without_chinese(ws: Path, tmp_path: Path) -> None:
    """The second `--help` comes from the user cache without typer: still escapes, no traceback."""
    env = env_for(PYTHONIOENCODING="latin-1", PLANTRACK_CACHE_DIR=str(tmp_path / "cache"))
    pages = []
    for _ in range(2):
        done = plantrack("plans", "--help", env=env)
        assert done.returncode == 0, text(done)
        assert b"Traceback" not in done.stderr
        pages.append(done.stdout.decode("latin-1"))
    assert list((tmp_path / "cache").glob("help-*.json"))  # the second page was the cached one
    assert pages[0] == pages[1] and "\\u7528\\u6cd5" in pages[1]  # 用法


def test_no_home_folder_at_all_still_shows_help(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    from plantrack.cli import entry

    for name in ("HOME", "XDG_CACHE_HOME", "PLANTRACK_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)

    def unknown(_uid: int) -> None:
        raise KeyError("getpwuid(): uid not found")

    monkeypatch.setattr(pwd, "getpwuid", unknown)
    assert entry._help_file() is None  # no cache, and no RuntimeError from Path.home()
