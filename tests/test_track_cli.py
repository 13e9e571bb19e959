"""The tracking commands as transcripts: record, status, show, history, plans, agencies, check, undo."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXTRACTED, FIXTURES

PLANS = FIXTURES / "plans"


@pytest.fixture
def ws(workspace: Path) -> Path:
    """A workspace with the two fixture plans."""
    for name in ("mini-2017.yaml", "mini-2018.yaml"):
        shutil.copy(PLANS / name, workspace / "data" / "extracted" / name)
    return workspace


@pytest.fixture
def run(invoke, ws: Path):  # type: ignore[no-untyped-def]
    def _run(*args: str):  # type: ignore[no-untyped-def]
        return invoke("-w", ws, *args)

    return _run


def _lines(output: str) -> list[str]:
    return [ln.rstrip() for ln in output.splitlines()]


def _journal(ws: Path, plan: str = "mini-2017") -> Path:
    return ws / "data" / "progress" / f"{plan}.yaml"


def test_record_then_status(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "record", "mini-2017", "(一)", "--agency", "人社局", "--date", "2017-09-30",
        "--actual", "0=4.5万", "--actual", "省内新增转移=30,000人", "--note", "前三季度转移就业4.5万人",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _lines(result.output) == [
        "已记录：#1 任务 (一) 积极推进农民工转移就业",
        "  2017-09-30 市人社局：[0] 4.5万人；[1] 3万人",
        "  说明：前三季度转移就业4.5万人",
    ]
    result = run("status", "--plan", "mini-2017", "--as-of", "2017-09-30")
    assert result.exit_code == 0, result.output
    lines = _lines(result.output)
    assert lines[0] == "截至 2017-09-30（本季度自 2017-07-01 起算报送）"
    assert lines[1].split() == ["序号", "任务", "目标完成情况", "进度", "序时进度", "状态", "最后更新"]
    assert lines[2].split() == [
        "(一)", "积极推进农民工转移就业", "4.5万/6.04万人", "74.5%", "70.4%", "75%", "●", "序时推进",
        "2017-09-30", "前三季度转移就业4.5万人",
    ]  # fmt: skip
    assert lines[-1] == "共 5 项：严重滞后 0，滞后 0，未报送 4，未启动 0，序时推进 1，已完成 0"


def test_status_before_any_record(run) -> None:  # type: ignore[no-untyped-def]
    result = run("status", "--as-of", "2017-09-30")
    assert result.exit_code == 0, result.output
    assert "计划" in _lines(result.output)[1].split()  # two plans: a plan column
    assert (
        _lines(result.output)[-1] == "共 7 项：严重滞后 0，滞后 0，未报送 7，未启动 0，序时推进 0，已完成 0"
    )


def test_status_json(run) -> None:  # type: ignore[no-untyped-def]
    run("record", "mini-2017", "2.4", "--date", "2017-09-30", "--actual", "3.9%", "--status", "推进中")
    result = run(
        "status", "-p", "mini-2017", "-a", "市人力资源和社会保障局", "--as-of", "2017-09-30", "--json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["as_of"] == "2017-09-30" and data["period_start"] == "2017-07-01"
    assert data["agency"] == "市人社局"
    assert data["total"] == 3
    assert data["counts"] == {
        "serious": 0, "behind": 0, "not_reported": 2, "not_started": 0, "on_track": 1, "done": 0,
    }  # fmt: skip
    row = data["tasks"][2]
    assert {
        k: row[k] for k in ("task", "number", "role", "light", "light_label", "status", "progress_pct")
    } == {
        "task": "2.4",
        "number": "(四)",
        "role": "lead",
        "light": "on_track",
        "light_label": "序时推进",
        "status": "in_progress",
        "progress_pct": 100.0,
    }
    assert row["targets"] == [
        {
            "index": 0,
            "metric": "城镇登记失业率",
            "op": "<=",
            "value": 4.5,
            "unit": "%",
            "actual": 3.9,
            "pct": 100.0,
            "over": False,
        }
    ]
    assert row["last"]["id"] == 1 and row["last"]["agency"] == "市人社局"


def test_status_filters(run) -> None:  # type: ignore[no-untyped-def]
    result = run("status", "-a", "人社局", "--role", "牵头", "--as-of", "2017-09-30", "--json")
    assert [(t["plan"], t["task"]) for t in json.loads(result.output)["tasks"]] == [
        ("mini-2017", "2.4"),
        ("mini-2018", "1"),
    ]
    result = run("status", "-p", "mini-2017", "--light", "未报送", "--as-of", "2017-07-05", "--json")
    assert [t["task"] for t in json.loads(result.output)["tasks"]] == ["1.1", "1.2", "2.3", "2.4", "2.5"]
    result = run("status", "-p", "mini-2017", "--light", "严重滞后", "--as-of", "2017-07-05")
    assert "没有符合条件的任务。" in result.output


def test_corrections_and_undo(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    run(
        "record",
        "mini-2017",
        "1.2",
        "-a",
        "市财政局",
        "-d",
        "2017-06-30",
        "--actual",
        "1200",
        "-n",
        "培训1200人",
    )
    result = run("record", "mini-2017", "1.2", "--corrects", "1", "--actual", "2100")
    assert _lines(result.output)[:2] == [
        "已更正 #1：#2 任务 (二) 大力引导农民工自主创业",
        "  2017-06-30 市财政局：[0] 2100人",
    ]
    result = run("record", "mini-2017", "1.2", "--corrects", "1", "--note", "再改")
    assert result.exit_code == 1
    assert "记录 #1 已被 #2 更正，不能再更正。" in result.output
    result = run("undo", "mini-2017")
    assert _lines(result.output) == [
        "已撤销记录 #2（任务 1.2，2017-06-30，市财政局），撤销记录为 #3。",
        "记录 #1 恢复有效（任务 1.2，2017-06-30，市财政局）。",  # undoing a correction brings back #1
    ]
    result = run("history", "mini-2017", "(二)")
    lines = _lines(result.output)
    assert lines[0] == "mini-2017 任务 (二) 大力引导农民工自主创业"
    assert [ln.split()[0] for ln in lines[2:5]] == ["#1", "#2", "#3"]
    assert lines[5:] == [
        "进展（截至 2017-06-30）：滞后，进度 24%",
        "各单位：市人社局（负责）未报送；市财政局（负责）24% 滞后",
    ]
    assert lines[2].split()[-1] == "有效"  # undoing the correction brings #1 back
    assert lines[3].endswith("更正 #1，已撤销")
    assert lines[4].split()[-2:] == ["撤销", "#2"]
    status = json.loads(run("status", "-p", "mini-2017", "--as-of", "2017-06-30", "--json").output)
    assert status["tasks"][1]["targets"][0]["actual"] == 1200.0
    text = _journal(ws).read_text(encoding="utf-8")
    assert text.count("\n- {") == 3  # nothing rewritten: three lines, three entries


def test_history_of_a_correction_of_a_correction(run) -> None:  # type: ignore[no-untyped-def]
    """#1 corrected by #2, #2 by #3: #1 was corrected (by #2), not withdrawn (it once read 已撤销)."""
    run("record", "mini-2017", "1.1", "-a", "人社局", "-d", "2017-09-30", "--percent", "10")
    run("record", "mini-2017", "1.1", "--corrects", "1", "--percent", "20")
    run("record", "mini-2017", "1.1", "--corrects", "2", "--percent", "30")
    lines = _lines(run("history", "mini-2017", "1.1").output)
    assert lines[2].endswith("已被 #2 更正")
    assert lines[3].endswith("更正 #1，已被 #3 更正")
    assert lines[4].endswith("更正 #2")
    assert run("undo", "mini-2017").exit_code == 0  # #3 withdrawn: #2 counts again
    lines = _lines(run("history", "mini-2017", "1.1").output)
    assert lines[2].endswith("已被 #2 更正")
    assert lines[3].endswith("更正 #1")
    assert lines[4].endswith("更正 #2，已撤销")


def test_undo_messages(run) -> None:  # type: ignore[no-untyped-def]
    result = run("undo", "mini-2017")
    assert result.exit_code == 1
    assert "计划 mini-2017 没有可撤销的进展记录。" in result.output
    run("record", "mini-2017", "1.1", "-a", "人社局", "-d", "2017-06-30", "--percent", "40")
    result = run("undo", "mini-2017", "--id", "7")
    assert "没有编号为 #7 的进展记录（现有 #1–#1）。" in result.output
    run("undo", "mini-2017", "--id", "1")
    result = run("undo", "mini-2017", "--id", "1")
    assert "记录 #1 已被撤销或更正，不能再撤销。" in result.output


REJECTIONS = [
    (
        ["mini-2017", "(二十三)", "--note", "x"],
        "错误：没有任务 (二十三)；该计划共5项任务：(一)…(五)",
        "提示：请用任务编号（如 1.1）或序号；plantrack show mini-2017 列出全部任务。",
    ),
    (
        ["mini-2017", "一、", "--note", "x"],
        "错误：一、大力推动农民工就业创业 是标题，不是可记录进展的任务。",
        "提示：请改记到其下的具体任务：(一)…(二)。",
    ),
    (
        ["mini-2017", "三、", "--note", "x"],
        "错误：三、保障措施 是工作要求，不是可记录进展的任务。",
        "提示：进展只能记在具体任务上；用 plantrack show 查看任务编号。",
    ),
    (
        ["mini-2017", "1.1", "--agency", "市卫计委", "--note", "x"],
        "错误：市卫计委 不是任务 (一) 的责任单位；该任务的单位：市人社局（负责）、市发改委（负责）、市妇联（负责）、团市委（负责）。",
        "提示：请改用上述单位之一；确需由其他单位报送时加 --any-agency。",
    ),
    (
        ["mini-2017", "1.1", "--note", "x"],
        "错误：任务 (一) 有多个单位，请用 --agency 指定报送单位。",
        "提示：该任务的单位：市人社局（负责）、市发改委（负责）、市妇联（负责）、团市委（负责）。",
    ),
    (
        ["mini-2017", "1.1", "-a", "人社局", "--actual", "0=3万元"],
        "错误：--actual 0=3万元 的单位“元”与目标单位“人”不符。",
        "提示：目标为 新增转移农村劳动力 6.04万人；请按“人”填写，如 --actual 0=4.5万。",
    ),
    (
        ["mini-2017", "1.1", "-a", "人社局", "--actual", "0=很多"],
        "错误：--actual 0=很多 的值“很多”不是数字。",
        "提示：请写成 45000、4.5万、4万5、45,000人 或 85%。",
    ),
    (
        ["mini-2017", "1.1", "-a", "人社局", "--actual", "返乡=100"],
        "错误：任务 (一) 没有目标“返乡”。",
        "提示：该任务的目标：0=新增转移农村劳动力 6.04万人；1=省内新增转移 4.26万人；2=家庭服务业新增从业人员 1.725万人。"
        "写法：--actual 编号=数值，如 --actual 0=4.5万。",
    ),
    (
        ["mini-2017", "1.1", "-a", "人社局", "--actual", "5=100"],
        "错误：任务 (一) 没有第 5 号目标（共 3 个，编号 0–2）。",
        "提示：该任务的目标：0=新增转移农村劳动力 6.04万人；1=省内新增转移 4.26万人；2=家庭服务业新增从业人员 1.725万人。"
        "写法：--actual 编号=数值，如 --actual 0=4.5万。",
    ),
    (
        ["mini-2017", "1.1", "-a", "人社局", "--actual", "45000"],
        "错误：--actual 45000 没有指明目标。",
        "提示：该任务的目标：0=新增转移农村劳动力 6.04万人；1=省内新增转移 4.26万人；2=家庭服务业新增从业人员 1.725万人。"
        "写法：--actual 编号=数值，如 --actual 0=4.5万。",
    ),
    (
        ["mini-2017", "2.3", "-a", "安监局", "--actual", "100"],
        "错误：任务 (三) 没有量化目标，无法填写实际值。",
        "提示：请改用 --percent 或 --status 报送进展。",
    ),
    (
        ["mini-2017", "1.2", "-a", "人社局", "--status", "差不多"],
        "错误：--status 的值“差不多”不认识。",
        "提示：可选：未启动（not_started）、推进中（in_progress）、已完成（done）、暂缓（suspended）。",
    ),
    (
        ["mini-2017", "1.2", "-a", "人社局", "--percent", "120"],
        "错误：--percent 的值“120”应是 0 到 100 之间的百分数。",
        "提示：例如 --percent 75 或 --percent 75%。",
    ),
    (
        ["mini-2017", "1.2", "-a", "人社局", "--date", "2099-01-01", "--note", "x"],
        "错误：日期 2099-01-01 晚于今天，不能记录未来的进展。",
        "提示：请用 --date 写进展所截至的日期，如 2017-09-30。",
    ),
    (
        ["mini-2017", "1.2", "-a", "人社局", "--date", "2017-09-31", "--note", "x"],
        "错误：--date 的值 '2017-09-31' 不是有效日期。",
        "提示：请写成 2017-09-30 或 2017年9月30日。",
    ),
    (
        ["mini-2017", "1.2", "-a", "人社局"],
        "错误：没有要记录的内容。",
        "提示：请至少给出 --status、--percent、--actual 或 --note 之一。",
    ),
    (
        ["mini-2017", "1.2", "-a", "人社局", "--corrects", "9", "--note", "x"],
        "错误：没有编号为 #9 的进展记录（现有 #1–#0）。",
        "提示：用 plantrack history 计划 任务 查看记录编号。",
    ),
    (
        ["mini", "1.2", "--note", "x"],
        "错误：计划“mini”不明确，可能是：mini-2017、mini-2018。",
        "提示：请多写几个字符。",
    ),
    (
        ["mini-2019", "1.2", "--note", "x"],
        "错误：没有计划“mini-2019”。",
        "提示：最接近的是：mini-2018、mini-2017。用 plantrack plans 查看全部计划。",
    ),
]


@pytest.mark.parametrize(("args", "message", "hint"), REJECTIONS, ids=[r[1][3:20] for r in REJECTIONS])
def test_record_rejections(run, ws: Path, args: list[str], message: str, hint: str) -> None:  # type: ignore[no-untyped-def]
    result = run("record", *args)
    assert result.exit_code == 1
    assert _lines(result.output) == [message, hint]
    assert not _journal(ws).exists()


def test_collective_and_any_agency(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "record", "mini-2017", "(五)", "-a", "妇联", "-d", "2017-09-30", "-n", "开展关爱农民工宣传月活动"
    )
    assert result.exit_code == 0, result.output
    assert "2017-09-30 市妇联：—" in result.output
    result = run(
        "record", "mini-2017", "1.2", "-a", "市统计局", "--any-agency", "-d", "2017-09-30", "--percent", "60"
    )
    assert result.exit_code == 0, result.output
    assert "2017-09-30 市统计局：60%" in result.output


def test_status_unknown_and_ambiguous_agency(run) -> None:  # type: ignore[no-untyped-def]
    result = run("status", "-a", "人事局")
    assert result.exit_code == 1
    assert "错误：没有找到单位“人事局”。" in result.output
    assert "最接近的是：市人社局" in result.output
    result = run("status", "-a", "委")
    assert result.exit_code == 1
    assert _lines(result.output) == [
        "错误：单位“委”不明确，可能是：团市委、市卫计委、市发改委、市委宣传部。",
        "提示：请写出更完整的单位名称。",
    ]


def test_show_plan_and_task(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "mini-2017")
    lines = _lines(result.output)
    assert lines[0] == "mini-2017  某市农民工工作领导小组2017年工作要点（测试用）"
    assert lines[1] == "某农工办〔2017〕1号  2017-03-01"
    assert lines[-1] == "共 5 项任务。"
    result = run("show", "mini-2017", "五")
    assert _lines(result.output)[:5] == [
        "2.5 (五) 营造关心关爱农民工的社会氛围",
        "持续开展宣传。",
        "单位：市委宣传部（牵头）、各成员单位（配合）",
        "时限：持续推进",
        _lines(result.output)[4],
    ]


def test_plans_and_agencies(run) -> None:  # type: ignore[no-untyped-def]
    run("record", "mini-2017", "2.4", "-d", "2017-09-30", "--actual", "4.1")
    lines = _lines(run("plans").output)
    assert lines[0].split() == ["编号", "标题", "年度", "文号", "任务", "记录", "最后记录"]
    assert lines[1].split() == [
        "mini-2017", "某市农民工工作领导小组2017年工作要点（测试用）", "2017", "某农工办〔2017〕1号", "5", "1", "2017-09-30",
    ]  # fmt: skip
    assert lines[2].split() == ["mini-2018", "某市2018年工作要点（测试用）", "2018", "2", "0", "—"]
    lines = _lines(run("agencies").output)
    assert lines[0].split() == ["单位", "牵头", "负责", "配合", "合计"]
    assert lines[1].split() == [
        "市人社局",
        "2",
        "2",
        "1",
        "5",
    ]  # 市人力资源和社会保障局 in 2018 counted as one
    assert lines[-1] == "共 11 个单位。"
    lines = _lines(run("agencies", "--plan", "mini-2018").output)
    assert [ln.split() for ln in lines[1:]] == [
        ["市人社局", "1", "0", "1", "2"],
        ["市住建局", "1", "0", "0", "1"],
        ["市扶贫移民办", "0", "0", "1", "1"],
        ["共", "3", "个单位。"],
    ]


def test_a_correction_never_moves_an_entry_silently(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    run("record", "mini-2017", "(一)", "-a", "人社局", "-d", "2017-09-30", "--actual", "0=4.72万")
    result = run("record", "mini-2017", "(二)", "-a", "人社局", "--corrects", "1", "--actual", "0=4200")
    assert result.exit_code == 1
    assert (
        "记录 #1 是任务 (一)积极推进农民工转移就业 的进展，不是任务 (二)大力引导农民工自主创业 的"
        in result.output
    )
    assert "--corrects 1 --move-to 1.2" in result.output
    assert (
        json.loads(run("status", "-p", "mini-2017", "--as-of", "2017-09-30", "--json").output)["tasks"][0][
            "targets"
        ][0]["actual"]
        == 47200.0
    )  # task (一) keeps its figure
    result = run("record", "mini-2017", "1.1", "--corrects", "1", "--move-to", "(二)", "--actual", "0=4200")
    assert result.exit_code == 0, result.output
    one = _lines(run("history", "mini-2017", "(一)").output)
    two = _lines(run("history", "mini-2017", "(二)").output)
    assert one[2].endswith("已改记到任务 1.2（#2）")
    assert two[2].endswith("由任务 1.1 的 #1 改记")
    assert "说明：记录 #2 把 #1 从任务 1.1 改记到任务 1.2。" in run("check").output
    # undoing the move says what comes back
    result = run("undo", "mini-2017", "--id", "2")
    assert _lines(result.output)[1] == "记录 #1 恢复有效（任务 1.1，2017-09-30，市人社局）。"
    result = run("undo", "mini-2017", "--id", "3")  # undo the undo
    assert _lines(result.output) == [
        "已撤销撤销操作 #3（任务 1.2，2017-09-30，市人社局），撤销记录为 #4。",
        "记录 #2 恢复有效（任务 1.2，2017-09-30，市人社局）。",
    ]


def test_a_silent_move_of_an_earlier_version_is_a_problem(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    _journal(ws).parent.mkdir(parents=True, exist_ok=True)
    _journal(ws).write_text(
        '- {"id": 1, "task": "1.1", "as_of": "2017-09-30", "recorded_at": "2017-10-08T09:00:00", "agency": "市人社局", "actuals": {"0": 47200.0}}\n'
        '- {"id": 2, "task": "1.2", "as_of": "2017-09-30", "recorded_at": "2017-10-08T09:01:00", "agency": "市人社局", "actuals": {"0": 4200.0}, "corrects": 1}\n',
        encoding="utf-8",
    )
    result = run("check")
    assert result.exit_code == 2
    assert (
        "data/progress/mini-2017.yaml:2: 记录 #2 更正 #1 时把它从任务 1.1 移到了任务 1.2，没有标明改记。"
        in result.output
    )


def test_check_clean_and_problems(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    run("record", "mini-2017", "2.4", "-d", "2017-09-30", "--actual", "4.1")
    run("record", "mini-2017", "2.3", "-a", "卫计委", "-d", "2017-06-30", "--status", "已完成")
    result = run("check")
    assert result.exit_code == 0, result.output
    assert _lines(result.output) == ["检查了 2 个计划、1 个进展记录文件（2 条记录）：未发现问题。"]

    # a person renumbers task 2.3 to 2.6 in the plan; a crash cuts off an append
    plan = ws / "data" / "extracted" / "mini-2017.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("path: [2, 3]", "path: [2, 6]"), encoding="utf-8"
    )
    journal = _journal(ws)
    journal.write_text(
        journal.read_text(encoding="utf-8") + '- {"id": 3, "task": "1.1", "as_of"', encoding="utf-8"
    )
    result = run("check")
    assert result.exit_code == 2
    assert _lines(result.output) == [
        "data/progress/mini-2017.yaml:6: 最后一条记录不完整（写入时可能被中断）",
        "  修复：运行 plantrack check --repair 删除这条不完整的记录（会先把该行备份），然后重新记录该条进展（导入填报表时中断的，重新导入该表即可，已记录的行会跳过）。",
        "data/progress/mini-2017.yaml:5: 记录 #2 的任务 2.3 在计划中已不存在（任务编号可能已调整）。",
        "  修复：用 plantrack record mini-2017 2.3 --corrects 2 --move-to 正确编号 改记到正确任务，或用 plantrack undo mini-2017 --id 2 撤销。",
        "检查了 2 个计划、1 个进展记录文件（2 条记录）：发现 2 个问题。",
    ]
    result = run("check", "--repair")
    assert _lines(result.output)[0].startswith(
        "已修复 data/progress/mini-2017.yaml：删除了不完整的最后一条记录（该行备份为 data/progress/mini-2017.yaml."
    )
    assert result.exit_code == 2  # the renumbered task is still there
    result = run("record", "mini-2017", "2.6", "--corrects", "2")
    assert result.exit_code == 1  # a correction never moves an entry silently
    result = run("record", "mini-2017", "2.3", "--corrects", "2", "--move-to", "2.6")
    assert result.exit_code == 0, result.output
    assert _lines(result.output)[0] == "已把 #2 从任务 2.3 改记到任务 2.6：#3 任务 (三) 加强农民工职业病防治"
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "data/progress/mini-2017.yaml:6: 说明：记录 #3 把 #2 从任务 2.3 改记到任务 2.6。" in result.output


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '- {"id": 1, "task": "1.1"}',
            "data/progress/mini-2017.yaml:4: 字段 as_of 有误：缺少该字段；字段 recorded_at 有误：缺少该字段；"
            "字段 agency 有误：缺少该字段",
        ),
        (
            '- {"id": 1, "task": "1.1", "as_of": "2017-09-30", "recorded_at": "2017-10-08T09:00:00", "agency": "市人社局", "corrects": 5}',
            "data/progress/mini-2017.yaml:4: 记录 #1 更正的记录 #5 不存在（或不在它之前）。",
        ),
    ],
)
def test_check_bad_lines(run, ws: Path, line: str, message: str) -> None:  # type: ignore[no-untyped-def]
    run("record", "mini-2017", "2.4", "-d", "2017-09-30", "--actual", "4.1")
    journal = _journal(ws)
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    journal.write_text("".join(lines[:3]) + line + "\n", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 2
    assert message in _lines(result.output)


def test_check_duplicate_ids_and_orphan_journal(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    run("record", "mini-2017", "2.4", "-d", "2017-09-30", "--actual", "4.1")
    journal = _journal(ws)
    text = journal.read_text(encoding="utf-8")
    journal.write_text(text + text.splitlines(keepends=True)[-1], encoding="utf-8")
    shutil.copy(journal, _journal(ws, "old-2016"))
    lines = _lines(run("check").output)
    assert "data/progress/mini-2017.yaml:5: 记录编号 #1 重复（第 4 行已用过）。" in lines
    assert "data/progress/old-2016.yaml: 没有对应的计划文件 data/extracted/old-2016.yaml。" in lines


def test_check_reports_broken_plan(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    plan = ws / "data" / "extracted" / "mini-2018.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("role: lead", "role: leader", 1), encoding="utf-8"
    )
    result = run("check")
    assert result.exit_code == 2
    assert "data/extracted/mini-2018.yaml:" in result.output
    assert "取值不在允许范围内" in result.output


def test_broken_journal_stops_status_with_location(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    run("record", "mini-2017", "2.4", "-d", "2017-09-30", "--actual", "4.1")
    journal = _journal(ws)
    journal.write_text(
        journal.read_text(encoding="utf-8").replace('"id": 1', '"id": "one"'), encoding="utf-8"
    )
    result = run("status", "-p", "mini-2017")
    assert result.exit_code == 2
    assert f"{journal}:4: 字段 id 有误" in result.output


JIAN = EXTRACTED / "jian-2017.yaml"
JIAN_RENSHE = ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(九)", "(十八)", "(二十)", "(二十一)"]


@pytest.mark.parametrize("name", ["市人社局", "人社局", "市人力资源和社会保障局"])
def test_jian_plan_by_any_name_of_the_agency(invoke, workspace: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(JIAN, workspace / "data" / "extracted" / "jian-2017.yaml")
    result = invoke("-w", workspace, "status", "--agency", name, "--as-of", "2017-09-30", "--json")
    assert result.exit_code == 0, result.output
    tasks = json.loads(result.output)["tasks"]
    assert [t["number"] for t in tasks] == JIAN_RENSHE
    roles = {t["number"]: t["role"] for t in tasks}
    assert {n for n, r in roles.items() if r == "lead"} == {"(五)", "(九)", "(二十)"}
    assert {n for n, r in roles.items() if r == "support"} == {"(二十一)"}
    assert all(
        r == "responsible" for n, r in roles.items() if n not in ("(五)", "(九)", "(二十)", "(二十一)")
    )


@pytest.mark.parametrize("typed", ["2.5", "(五)", "（五）", "(5)"])
def test_jian_task_by_id_or_printed_number(typed: str) -> None:
    from plantrack.planfile import load_plan
    from plantrack.tracking.resolve import resolve_task

    task = resolve_task(load_plan(JIAN), typed)
    assert (task.id, task.number) == ("2.5", "(五)")


@pytest.mark.parametrize("typed", ["五", "5"])
def test_a_bare_numeral_that_is_also_a_part_is_asked_back(typed: str) -> None:
    from plantrack.errors import UsageError
    from plantrack.planfile import load_plan
    from plantrack.tracking.resolve import resolve_task

    with pytest.raises(UsageError) as caught:
        resolve_task(load_plan(JIAN), typed)
    assert caught.value.message == (
        f"“{typed}”不明确，可能是：任务 (五)全力保障农民工工资支付（编号 2.5）；"
        "第五部分 五 加强对农民工工作的组织领导（编号 5，不能记录进展）。"
    )
    assert caught.value.hint == "任务请写编号 2.5 或带括号的序号 (五)；这一部分请写 五、 或编号 5。"
