"""Tables that fit the terminal (long titles wrap), colour on a terminal only."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from plantrack.cli.text import Table, display_width, wrap_line
from tests.conftest import EXTRACTED

LONG_TITLE = "大力推进农民工市民化和基本公共服务均等化"


@pytest.fixture
def jian(workspace: Path) -> Path:
    shutil.copy(EXTRACTED / "jian-2017.yaml", workspace / "data" / "extracted" / "jian-2017.yaml")
    return workspace


def test_wrap_line_counts_chinese_double() -> None:
    pieces = wrap_line(LONG_TITLE, 12)
    assert "".join(p for p, _ in pieces) == LONG_TITLE
    assert [w for _, w in pieces] == [12, 12, 12, 4]
    assert wrap_line("2017-09-30 发放", 12) == [("2017-09-30 ", 11), ("发放", 4)]


def test_table_wraps_its_long_column_to_fit() -> None:
    table = Table("序号", "任务", "进度", wrap=("任务",))
    table.add_row("(一)", LONG_TITLE, "75%")
    assert table.render().splitlines()[1] == f"(一)  {LONG_TITLE}  75%"
    lines = table.render(width=34).splitlines()
    assert max(display_width(line) for line in lines) <= 34
    assert lines[1] == "(一)  大力推进农民工市民化和  75%"
    assert "".join(line[5:].split("  ")[0].strip() for line in lines[1:]) == LONG_TITLE


@pytest.mark.parametrize("columns", [100, 140])
def test_status_and_show_fit_the_terminal(invoke, jian: Path, monkeypatch, columns: int) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", str(columns))
    for args in (["status", "--as-of", "2017-09-30"], ["show", "jian"]):
        result = invoke("-w", jian, *args)
        assert result.exit_code == 0, result.output
        table = result.output.splitlines()[1:-1]
        assert max(display_width(line) for line in table) <= columns, args
    wide = invoke("-w", jian, "show", "jian").output  # COLUMNS pinned at 200 elsewhere: titles whole
    monkeypatch.setenv("COLUMNS", "400")
    assert "农民工工资支付" in invoke("-w", jian, "show", "jian").output and wide


def test_status_words_in_colour_only_when_asked(jian: Path) -> None:
    from plantrack.cli.tables import status_lines
    from plantrack.tracking.ledger import status
    from plantrack.workspace import Workspace

    result = status(Workspace(jian), None, date(2017, 9, 30))
    plain = "\n".join(status_lines(result))
    coloured = "\n".join(status_lines(result, color=True))
    assert "\x1b[" not in plain
    assert "\x1b[90m○ 未报送\x1b[0m" in coloured  # no report yet: dim
    assert "\x1b[" not in coloured.replace("○ 未报送", "").replace("\x1b[90m", "").replace("\x1b[0m", "")


def test_piped_output_has_no_colour(invoke, jian: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = invoke("-w", jian, "status", "--as-of", "2017-09-30")  # CliRunner's stdout is not a terminal
    assert result.exit_code == 0 and "\x1b[" not in result.output
