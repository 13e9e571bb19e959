"""Hand-edited plans and journals, damaged notices: each a clear message at file:line, never 内部错误."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from plantrack.tracking import journal
from tests.conftest import SOURCES
from tests.reliability.conftest import journal_of

PLAN = "mini-2017"


def _plan(ws: Path) -> Path:
    return ws / "data" / "extracted" / f"{PLAN}.yaml"


def _edit_plan(ws: Path, old: str, new: str) -> None:
    text = _plan(ws).read_text(encoding="utf-8")
    assert old in text
    _plan(ws).write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(ws: Path, needle: str) -> int:
    lines = _plan(ws).read_text(encoding="utf-8").splitlines()
    return next(i for i, ln in enumerate(lines, start=1) if needle in ln)


# --- plan files ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_an_alias_bomb_is_refused_at_its_line(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    agencies = "".join(f"  - &a{i} {{name: 市人社局{i}, role: support}}\n" for i in range(1))
    tasks = "".join(
        f"  - {{path: [{i + 1}], title: 任务{i}, agencies: [{', '.join(['*a0'] * 3000)}]}}\n"
        for i in range(3000)
    )
    bomb = f"schema: 1\nid: {PLAN}\nissuer:\n{agencies}tasks:\n{tasks}"
    _plan(ws).write_text(bomb, encoding="utf-8")
    _refused_everywhere(ws, invoke, f"data/extracted/{PLAN}.yaml:6: 计划文件不能使用 YAML 别名（*a0）")


def _refused_everywhere(ws: Path, invoke, message: str) -> None:  # type: ignore[no-untyped-def]
    """check and the plan's own views fail with the message; whole-workspace views skip the plan
    saying why (the other plans are still shown)."""
    for command in (["check"], ["status", "--plan", PLAN], ["show", PLAN]):
        result = invoke("-w", ws, *command)
        assert result.exit_code == 2, result.output
        assert message in result.output
        assert "内部错误" not in result.output
    for command in (["plans"], ["status"]):
        result = invoke("-w", ws, *command)
        assert f"已跳过计划 {PLAN}：" in result.output and message in result.output
        assert "内部错误" not in result.output


def test_duplicate_keys_are_an_error_at_their_line(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    _plan(ws).write_text(_plan(ws).read_text(encoding="utf-8") + "tasks: []\n", encoding="utf-8")
    last = len(_plan(ws).read_text(encoding="utf-8").splitlines())
    result = invoke("-w", ws, "check")
    assert result.exit_code == 2, result.output
    assert (
        f"data/extracted/{PLAN}.yaml:{last}: 键 tasks 重复出现（第 {_line_of(ws, 'tasks:')} 行已有）"
        in result.output
    )


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "issued_on: '2017-03-01'",
            "issued_on: 2017-02-30",
            "issued_on",
            "日期 2017-02-30 无法读取（没有这一天）",
        ),
        ("deadlines: []", "deadlines: [2017-06-31]", "2017-06-31", "日期 2017-06-31 无法读取（没有这一天）"),
        ("year: 2017", "year: " + "2" * 5000, "year:", f"整数 {'2' * 40} 无法读取（数字位数太多）"),
        ("value: 60400.0", "value: .nan", ".nan", "字段 tasks[1].targets[0].value 有误：应是有限的数字"),
        ("value: 60400.0", "value: .inf", ".inf", "字段 tasks[1].targets[0].value 有误：应是有限的数字"),
    ],
    ids=["impossible-date", "impossible-deadline", "5000-digit-year", "nan-target", "infinite-target"],
)
def test_impossible_values_in_a_plan_are_errors_at_their_line(
    ws: Path, invoke, old: str, new: str, needle: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    _edit_plan(ws, old, new)
    _refused_everywhere(ws, invoke, f"data/extracted/{PLAN}.yaml:{_line_of(ws, needle)}: {message}")


# --- journals ------------------------------------------------------------------------------------

GOOD = '{"id": 1, "task": "1.1", "as_of": "2017-09-30", "recorded_at": "2017-10-09T09:12:00", "agency": "市人社局", "percent": 30}'


@pytest.mark.parametrize(
    ("percent", "message"),
    [
        ("NaN", "应是有限的数字"),
        ("Infinity", "应是有限的数字"),
        ("-Infinity", "应是有限的数字"),
        ("1e999", "应是有限的数字"),
        ("-5", "不能小于允许的最小值（0），现为 -5"),
        ("500", "不能大于允许的最大值（100），现为 500"),
    ],
)
def test_impossible_percents_in_a_journal_are_refused(ws: Path, invoke, percent: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = journal_of(ws)
    path.parent.mkdir(parents=True, exist_ok=True)
    bad = GOOD.replace('"id": 1', '"id": 2').replace('"percent": 30', f'"percent": {percent}')
    path.write_text(f"- {GOOD}\n- {bad}\n", encoding="utf-8")
    result = invoke("-w", ws, "check")
    assert result.exit_code == 2, result.output
    assert f"data/progress/{PLAN}.yaml:2: 字段 percent 有误：{message}" in result.output
    for command in (["status", "--as-of", "2017-09-30"], ["status", "--json"], ["report", "-q", "2017Q3"]):
        result = invoke("-w", ws, *command, "--plan", PLAN)
        assert result.exit_code == 2, result.output
        assert "内部错误" not in result.output and "nan%" not in result.output
    result = invoke("-w", ws, "status", "--as-of", "2017-09-30")  # the whole workspace: skipped, said why
    assert f"已跳过计划 {PLAN}：" in result.output
    assert f"data/progress/{PLAN}.yaml:2: 字段 percent 有误：{message}" in result.output
    assert "内部错误" not in result.output and "nan%" not in result.output and "已完成 1" not in result.output


def test_an_infinite_actual_in_a_journal_is_refused(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    path = journal_of(ws)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("- " + GOOD.replace('"percent": 30', '"actuals": {"0": 1e999}') + "\n", encoding="utf-8")
    result = invoke("-w", ws, "check")
    assert result.exit_code == 2, result.output
    assert "字段 actuals.0 有误：应是有限的数字" in result.output


def test_status_json_is_always_valid_json(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    path = journal_of(ws)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"- {GOOD}\n", encoding="utf-8")
    result = invoke("-w", ws, "status", "--json", "--as-of", "2017-09-30")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output, parse_constant=lambda c: pytest.fail(f"bare {c} in JSON"))
    assert data["tasks"][0]["progress_pct"] == 30
    from plantrack.tracking.ledger import status
    from plantrack.tracking.outputs import status_output
    from plantrack.workspace import Workspace

    result = status(Workspace(ws), PLAN, date(2017, 9, 30))
    result.rows[0].progress_pct = float("nan")  # whatever a bug may compute, the output stays JSON
    result.rows[0].expected_pct = float("inf")
    text = status_output(result).model_dump_json()
    row = json.loads(text, parse_constant=lambda c: pytest.fail(f"bare {c} in JSON"))["tasks"][0]
    assert (row["progress_pct"], row["expected_pct"]) == (None, None)


def test_undo_target_is_read_from_a_journal_with_no_final_newline(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    path = journal_of(ws)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"- {GOOD}", encoding="utf-8")
    result = invoke("-w", ws, "undo", PLAN)
    assert result.exit_code == 0, result.output
    assert [e.undoes for e in journal.read_entries(path)] == [None, 1]


# --- notices -------------------------------------------------------------------------------------


def test_a_two_line_notice_gets_a_clear_message(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    notice = tmp_path / "短通知.txt"
    notice.write_text("关于做好就业工作\n有关事项；的通知\n", encoding="utf-8")
    result = invoke("extract", notice, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 2, result.output
    assert "不是工作计划" in result.output and "内部错误" not in result.output
    result = invoke("extract", notice, "-o", tmp_path / "out.yaml", "--force")
    assert result.exit_code == 0, result.output


def _notice() -> bytes:
    return (SOURCES / "jian-2017.txt").read_bytes()


def test_a_utf8_notice_with_one_damaged_byte_is_read_with_a_warning(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(_notice())
    line = data[: data.index("积极推进农民工转移就业".encode())].count(b"\n") + 1
    data[data.index("积极推进农民工转移就业".encode()) + 1] ^= 0x40  # one bit of the second byte of 积
    notice = tmp_path / "damaged.txt"
    notice.write_bytes(bytes(data))
    result = invoke("extract", notice, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 0, result.output
    assert f"无法识别的字符（�，第 {line} 行第 6 个字" in result.output
    assert "无法确定" not in result.output


def test_a_utf8_notice_missing_its_last_byte_is_read_with_a_warning(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = _notice().rstrip()
    assert data[-1] >= 0x80  # ends in a Chinese character (or punctuation)
    notice = tmp_path / "cut.txt"
    notice.write_bytes(data[:-1])
    result = invoke("extract", notice, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 0, result.output
    assert "文件中有 1 个无法识别的字符" in result.output


def test_a_gbk_notice_is_still_read_as_gbk(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    notice = tmp_path / "gbk.txt"
    notice.write_bytes(_notice().decode("utf-8").encode("gb18030"))
    result = invoke("extract", notice, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 0, result.output
    assert "无法识别的字符" not in result.output
    assert "22 项" in result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_in_a_batch_each_notice_succeeds_or_fails_on_its_own(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:  # type: ignore[no-untyped-def]
    """A two-line notice and a notice that hits a bug (injected) stop neither each other nor the
    valid ones, in one process or in worker processes; the summary names each."""
    from plantrack.extract import batch

    real = batch.extract_source

    def buggy(source: Path, *args: object, **kw: object) -> object:
        if source.name == "d.txt":
            raise RuntimeError("injected bug")
        return real(source, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "extract_source", buggy)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes((SOURCES / "jian-2017.txt").read_bytes())
    (folder / "b.txt").write_bytes((SOURCES / "ningxia-2023.txt").read_bytes())
    (folder / "c.txt").write_text("关于做好就业工作\n有关事项；的通知\n", encoding="utf-8")
    (folder / "d.txt").write_bytes((SOURCES / "jian-2017.txt").read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("extract", *sorted(folder.iterdir()), "-o", out, "--jobs", jobs)
    assert result.exit_code != 0
    assert sorted(p.name for p in out.iterdir()) == ["吉安市-2017-工作要点.yaml", "宁夏-2023-行动.yaml"]
    assert "c.txt" in result.output and "不是工作计划" in result.output
    assert "d.txt" in result.output and "injected bug" in result.output
