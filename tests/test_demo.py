"""`plantrack demo`: the whole cycle on the bundled notice, with the real code; its report is pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_report_golden import check_golden, check_markdown


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from plantrack.cli.app import app

    folder = tmp_path_factory.mktemp("demo") / "ws"
    result = CliRunner().invoke(
        app, ["demo", "--dir", str(folder)], catch_exceptions=False, env={"COLUMNS": "200"}
    )
    return folder, result


def test_demo_runs_and_says_where_everything_is(demo_run) -> None:  # type: ignore[no-untyped-def]
    folder, result = demo_run
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "plantrack 演示：《吉安市农民工工作领导小组2017年工作要点》（吉农工办〔2017〕1号）"
    assert lines[1] == f"演示工作区：{folder.resolve()}"
    assert "1. 提取通知 data/sources/jian-2017.txt" in lines
    assert "   → data/extracted/jian-2017.yaml：22项任务" in lines
    assert "2. 记录2017年第三季度进展：10个单位报送22条记录（其中上半年数据2条、更正1条）" in lines
    assert "   → reports/2017Q3.md" in lines
    assert "3. 市人社局的任务状态（plantrack status --agency 市人社局 --as-of 2017-09-30）：" in lines
    assert f"  cd {folder.resolve()}" in lines
    for path in ("data/sources/jian-2017.txt", "data/extracted/jian-2017.yaml", "data/progress/jian-2017.yaml",
                 "reports/2017Q3.md"):  # fmt: skip
        assert (folder / path).is_file(), path


def test_demo_shows_the_status_command_output(demo_run) -> None:  # type: ignore[no-untyped-def]
    _, result = demo_run
    status_part = result.output.split("3. 市人社局的任务状态", 1)[1].split("4. 生成季度报告", 1)[0]
    assert "积极推进农民工转移就业" in status_part
    assert "滞后" in status_part  # 1.4, 创业培训 behind
    assert "未报送" in status_part  # 人社局 itself sent nothing on 1.3 and 4.18


def test_demo_report_golden(demo_run) -> None:  # type: ignore[no-untyped-def]
    folder, _ = demo_run
    text = (folder / "reports" / "2017Q3.md").read_text(encoding="utf-8")
    check_markdown(text)
    assert "序时推进16项，占72.7%" in text
    assert "市人社局反映：园区员工培训进展顺利；创业培训受培训机构资质重新认定影响" in text
    assert "新增转移农村劳动力累计完成4.5万人，占年度目标74.5%，比上季度末增加1.2万人" in text
    check_golden("demo-2017Q3.md", text)


def test_demo_journal_keeps_the_correction(demo_run) -> None:  # type: ignore[no-untyped-def]
    from plantrack.tracking.journal import read_entries

    folder, _ = demo_run
    entries = read_entries(folder / "data" / "progress" / "jian-2017.yaml")
    corrections = [e for e in entries if e.corrects is not None]
    assert len(corrections) == 1
    wrong = next(e for e in entries if e.id == corrections[0].corrects)
    assert (wrong.actuals, corrections[0].actuals) == ({"0": 69.0}, {"0": 96.0})


def test_demo_refuses_a_folder_with_files(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = invoke("demo", "--dir", tmp_path)
    assert result.exit_code == 1
    assert f"{tmp_path} 不是空文件夹，演示不会在这里写入。" in result.output
    assert not (tmp_path / "plantrack.toml").exists()


def test_demo_runs_the_office_loop(demo_run) -> None:  # type: ignore[no-untyped-def]
    """Fill-in sheets for 2017Q4, two filled and imported, the ledger and the Word report written."""
    import docx
    import openpyxl

    folder, result = demo_run
    lines = result.output.splitlines()
    assert "5. 生成2017年第四季度填报表（plantrack templates --quarter 2017Q4）" in lines
    assert "6. 市人社局、市教育局填好报回，导入（plantrack import 填报/2017Q4/*.xlsx）" in lines
    assert "   → 4条记录" in lines
    assert "   → reports/2017Q4.docx" in lines
    assert len(list((folder / "填报" / "2017Q4").glob("*.xlsx"))) == 33
    ledger = openpyxl.load_workbook(folder / "reports" / "jian-2017-台账-2017-12-31.xlsx")["任务台账"]
    states = {row[1].value: row[10].value for row in ledger.iter_rows(min_row=4) if row[1].value}
    # 12 agencies share it and not all have reported 100%: by the one rule it is not complete yet
    assert states["积极推进农民工转移就业"] == "序时推进"
    assert states["全力保障农民工工资支付"] == "已完成"
    texts = [p.text for p in docx.Document(str(folder / "reports" / "2017Q4.docx")).paragraphs]
    assert texts[0] == "关于《吉安市农民工工作领导小组2017年工作要点》2017年第四季度落实情况的报告"
    assert any("全年新增转移农村劳动力6.12万人" in t for t in texts)
